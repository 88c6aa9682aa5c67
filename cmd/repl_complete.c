/*
 * repl_complete.c — Tab in the interactive mode (see repl_int.h).
 *
 * Completion looks at where the cursor is in the query before offering
 * anything. The text before the word being completed (the lines of the
 * query typed so far, then the current line up to the word) is run
 * through the query lexer (query/lexer.h), tracking what the parser would
 * expect next; that gives a context (rcomp_context):
 *
 *   inside a string, a /regex/, a `quoted name` or a # comment: nothing
 *   the first word of a command (at the start, after '|'): the commands of
 *       query/funcs.c's table, then a space
 *   where an expression may start: the index's fields (and the names the
 *       query defined with as/into), the functions with '(' — in stats,
 *       the aggregates — and keywords such as not
 *   after a value: the keywords that may follow it in that command (as,
 *       by, and, or, like, in, asc, desc, into), then a space
 *   after as or into (a new name), and in limit: nothing
 *
 * A line starting with '.' completes dot-command names, then their
 * argument by the kind the table of repl_dot.c gives it: formats, names
 * .help accepts, file names, a query (.explain), or none.
 *
 * Commands, keywords and functions match the typed prefix ignoring case;
 * fields match it exactly, or ignoring case when nothing matches exactly.
 * A field name with characters a bare name cannot hold is offered with
 * `backquotes` around those segments.
 */
#include "cmd/repl_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <readline/readline.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "cmd/fieldcheck.h"
#include "cmd/options.h"
#include "index/sysfield.h"
#include "query/funcs.h"
#include "query/lexer.h"

/* The session completion reads (readline's callback takes no pointer). */
static struct repl *session;

/* ---- what the place of the cursor expects ---- */

enum rcomp_kind {
    RC_NOTHING,      /* in a literal or comment, where a new name goes, or in limit */
    RC_COMMAND,      /* the first word of a command */
    RC_OPERAND,      /* an expression may start here */
    RC_AFTER_VALUE,  /* a value was just read */
};

enum { RC_MAX_NAMES = 64 };

struct rcomp_context {
    enum rcomp_kind kind;
    char command[32];   /* the command the cursor is in, lower case ("" at its name) */
    int depth;          /* parentheses and brackets open in this command */
    bool after_by;      /* stats: after its 'by' */
    bool after_stats;   /* a stats came before this command: the index's fields are gone */
    bool after_alias;   /* the value just read is a name being defined (as n, into n) */
    const char *names[RC_MAX_NAMES]; /* names the query defined (as, into, parse's list,
                                        stats keys), in the arena */
    size_t n_names;
};

/* Per command: what starts an operand, and the keywords after a value.
 * Commands not listed (new ones in the table) get the default row. */
enum operand_kind { OPK_EXPR, OPK_FIELDS, OPK_AGG, OPK_NONE };

static const struct command_grammar {
    const char *name;
    enum operand_kind operand;
    const char *operand_kw;  /* keywords offered where an operand may start */
    const char *after_kw;    /* keywords offered after a value */
} grammars[] = {
    {"fields", OPK_EXPR, "", "as"},
    {"display", OPK_EXPR, "", "as"},
    {"filter", OPK_EXPR, "not", "and or not like in"},
    {"where", OPK_EXPR, "not", "and or not like in"},
    {"stats", OPK_AGG, "", "as by"},
    {"sort", OPK_EXPR, "", "asc desc"},
    {"order", OPK_EXPR, "by", "asc desc"},
    {"limit", OPK_NONE, "", ""},
    {"head", OPK_NONE, "", ""},
    {"tail", OPK_NONE, "", ""},
    {"parse", OPK_FIELDS, "", "as"},
    {"dedup", OPK_FIELDS, "", ""},
    {"unnest", OPK_EXPR, "", "into"},
};
static const struct command_grammar default_grammar = {"", OPK_EXPR, "", "as by"};

static const struct command_grammar *grammar_of(const char *command)
{
    for (size_t i = 0; i < sizeof grammars / sizeof grammars[0]; i++)
        if (strcmp(grammars[i].name, command) == 0)
            return &grammars[i];
    return &default_grammar;
}

/* Words that are operators or keywords, never values. */
static bool is_keyword(const struct token *t)
{
    static const char *const kw[] = {"and", "or", "not", "like", "in", "by", "as", "into",
                                     "asc", "desc", "multi", NULL};
    for (size_t i = 0; kw[i]; i++)
        if (lex_is_word(t, kw[i]))
            return true;
    return false;
}

static void add_name(struct rcomp_context *cx, const char *name)
{
    for (size_t i = 0; i < cx->n_names; i++)
        if (strcmp(cx->names[i], name) == 0)
            return;
    if (cx->n_names < RC_MAX_NAMES)
        cx->names[cx->n_names++] = name;
}

/* Is the end of text[0..len) inside a '#' comment (after the last token,
 * which ended at from)? */
static bool in_comment(const char *text, size_t from, size_t len)
{
    bool comment = false;
    for (size_t i = from; i < len; i++) {
        if (text[i] == '\n')
            comment = false;
        else if (text[i] == '#')
            comment = true;
    }
    return comment;
}

/* The context at the end of text[0..len): see the header comment. Names
 * go into the arena. */
static void rcomp_context(const char *text, size_t len, struct arena *a, struct rcomp_context *cx)
{
    memset(cx, 0, sizeof *cx);
    cx->kind = RC_COMMAND;
    struct lexer lx;
    lex_init(&lx, text, len, a);
    enum lex_mode mode = LEX_OPERAND;
    size_t n_tokens = 0;     /* tokens of the current command, its name included */
    bool new_name = false;   /* the next word is a name being defined (after as, into) */
    bool name_list = false;  /* parse ... as a, b: names until the command ends */
    bool stats_key = false;  /* in stats after by, at depth 0: a bare field is a key */
    size_t last_end = 0;
    enum rcomp_kind after = RC_COMMAND;
    for (;;) {
        struct token t;
        lex_next(&lx, mode, &t);
        if (t.kind == TK_EOF)
            break;
        last_end = t.span.end;
        if (t.kind == TK_ERROR) {
            char c = text[t.span.start];
            if (lx.pos >= len && (c == '"' || c == '\'' || c == '/' || c == '`' || c == '@')) {
                cx->kind = RC_NOTHING; /* an unterminated literal or quoted name */
                return;
            }
            mode = LEX_OPERATOR;
            after = RC_AFTER_VALUE;
            n_tokens++;
            continue;
        }
        if (t.kind == TK_PIPE) {
            if (strcmp(cx->command, "stats") == 0)
                cx->after_stats = true;
            cx->command[0] = '\0';
            cx->depth = 0;
            cx->after_by = new_name = name_list = stats_key = false;
            n_tokens = 0;
            mode = LEX_OPERAND;
            after = RC_COMMAND;
            continue;
        }
        n_tokens++;
        if (n_tokens == 1) {
            cx->after_alias = false;
            if (t.kind == TK_NAME) {
                size_t k = 0;
                for (; t.str[k] && k + 1 < sizeof cx->command; k++)
                    cx->command[k] = (char)tolower((unsigned char)t.str[k]);
                cx->command[k] = '\0';
            }
            mode = LEX_OPERAND;
            after = RC_OPERAND;
            continue;
        }
        bool in_stats = strcmp(cx->command, "stats") == 0;
        cx->after_alias = false;
        switch (t.kind) {
        case TK_LPAREN:
        case TK_LBRACKET:
            cx->depth++;
            mode = LEX_OPERAND;
            after = RC_OPERAND;
            break;
        case TK_RPAREN:
        case TK_RBRACKET:
            if (cx->depth > 0)
                cx->depth--;
            mode = LEX_OPERATOR;
            after = RC_AFTER_VALUE;
            break;
        case TK_COMMA:
            mode = LEX_OPERAND;
            after = name_list ? RC_NOTHING : RC_OPERAND;
            new_name = name_list;
            break;
        case TK_DOT:
            mode = LEX_SEGMENT;
            after = RC_NOTHING;
            break;
        case TK_NAME:
            if (new_name) {
                add_name(cx, t.str);
                new_name = false;
                cx->after_alias = true;
                mode = LEX_OPERATOR;
                after = name_list ? RC_NOTHING : RC_AFTER_VALUE;
            } else if (t.word && is_keyword(&t)) {
                mode = LEX_OPERAND;
                after = RC_OPERAND;
                if (lex_is_word(&t, "as") || lex_is_word(&t, "into")) {
                    new_name = true;
                    after = RC_NOTHING;
                    name_list = strcmp(cx->command, "parse") == 0;
                } else if (lex_is_word(&t, "by") && cx->depth == 0) {
                    cx->after_by = true;
                    stats_key = in_stats;
                } else if (lex_is_word(&t, "asc") || lex_is_word(&t, "desc")) {
                    mode = LEX_OPERATOR;
                    after = RC_NOTHING;
                }
            } else {
                if (stats_key && cx->depth == 0)
                    add_name(cx, t.str);
                mode = LEX_OPERATOR;
                after = RC_AFTER_VALUE;
            }
            break;
        case TK_NUMBER:
        case TK_STRING:
        case TK_REGEX:
        case TK_PERIOD:
            mode = LEX_OPERATOR;
            after = RC_AFTER_VALUE;
            break;
        default: /* an operator */
            mode = LEX_OPERAND;
            after = RC_OPERAND;
            break;
        }
    }
    if (in_comment(text, last_end, len)) {
        cx->kind = RC_NOTHING;
        return;
    }
    cx->kind = after;
    if (after == RC_OPERAND || after == RC_AFTER_VALUE) {
        const struct command_grammar *g = grammar_of(cx->command);
        if (g->operand == OPK_NONE)
            cx->kind = RC_NOTHING;
    }
}

/* ---- candidates ---- */

struct cand_list {
    char **v;       /* the texts to insert (owned) */
    bool *space;    /* append a space after v[i] when it is the only match */
    size_t n, cap, cap_space;
};

static void cand_add(struct cand_list *c, char *text, bool space)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i], text) == 0) {
            free(text);
            return;
        }
    c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
    c->space = xgrow(c->space, &c->cap_space, c->n + 1, sizeof *c->space);
    c->v[c->n] = text;
    c->space[c->n++] = space;
}

static void cand_free(struct cand_list *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->v[i]);
    free(c->v);
    free(c->space);
}

static bool prefix_fold(const char *s, const char *word, size_t n)
{
    return strncasecmp(s, word, n) == 0;
}

/* The words of a space-separated list that start with word (any case). */
static void add_words(struct cand_list *c, const char *list, const char *word, bool space)
{
    size_t n = strlen(word);
    while (*list) {
        size_t len = strcspn(list, " ");
        if (len >= n && strncasecmp(list, word, n) == 0)
            cand_add(c, xstrndup(list, len), space);
        list += len + (list[len] ? 1 : 0);
    }
}

static void add_commands(struct cand_list *c, const char *word, bool all)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n_commands; i++)
        if ((all || commands[i].supported) && prefix_fold(commands[i].name, word, n))
            cand_add(c, xstrdup(commands[i].name), true);
}

static void add_functions(struct cand_list *c, const char *word, bool aggregates, bool paren)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n_funcs; i++) {
        bool agg = funcs[i].kind != FK_SCALAR;
        if (agg == aggregates && prefix_fold(funcs[i].name, word, n))
            cand_add(c, paren ? xasprintf("%s(", funcs[i].name) : xstrdup(funcs[i].name), false);
    }
}

/* Fields and defined names starting with word: exactly, or ignoring case
 * when none does. */
static void add_fields(struct cand_list *c, const struct rcomp_context *cx, const char *word)
{
    size_t n = strlen(word);
    for (int fold = 0; fold < 2; fold++) {
        size_t before = c->n;
        int (*cmp)(const char *, const char *, size_t) = fold ? strncasecmp : strncmp;
        for (size_t i = 0; i < cx->n_names; i++)
            if (cmp(cx->names[i], word, n) == 0)
                cand_add(c, fieldcheck_query_name(cx->names[i]), false);
        if (!cx->after_stats) {
            for (int i = 0; i < SYSF_COUNT; i++)
                if (cmp(sys_fields[i].name, word, n) == 0)
                    cand_add(c, xstrdup(sys_fields[i].name), false);
            size_t nf = store_n_fields(session->st);
            for (size_t i = 0; i < nf; i++) {
                const struct store_field *f = store_field_at(session->st, i);
                if (f && cmp(f->name, word, n) == 0)
                    cand_add(c, fieldcheck_query_name(f->name), false);
            }
        }
        if (c->n > before)
            return;
    }
}

static void query_candidates(struct cand_list *c, const char *before, size_t len, const char *word)
{
    struct arena a = {0};
    struct rcomp_context cx;
    rcomp_context(before, len, &a, &cx);
    const struct command_grammar *g = grammar_of(cx.command);
    switch (cx.kind) {
    case RC_NOTHING:
        break;
    case RC_COMMAND:
        add_commands(c, word, false);
        break;
    case RC_OPERAND:
        add_words(c, g->operand_kw, word, true);
        if (g->operand == OPK_AGG && cx.depth == 0 && !cx.after_by) {
            add_functions(c, word, true, true);
            break;
        }
        add_fields(c, &cx, word);
        if (g->operand != OPK_FIELDS)
            add_functions(c, word, false, true);
        break;
    case RC_AFTER_VALUE: {
        const char *kw = g->after_kw;
        if (g->operand == OPK_AGG)
            kw = cx.depth > 0 ? "" : cx.after_by ? (cx.after_alias ? "" : "as")
                                   : (cx.after_alias ? "by" : "as by");
        else if (cx.after_alias)
            kw = ""; /* after "as name": a comma or the next command */
        add_words(c, kw, word, true);
        break;
    }
    }
    arena_free(&a);
}

/* The argument of a dot-command. */
static void dot_arg_candidates(struct cand_list *c, const struct dot_cmd *d, const char *arg,
                               size_t arg_len, const char *word)
{
    switch (d->arg) {
    case DA_FORMAT:
        add_words(c, opt_table[OPT_OUTPUT].values, word, false);
        break;
    case DA_NAME: {
        add_commands(c, word, true);
        add_functions(c, word, false, false);
        add_functions(c, word, true, false);
        size_t n = strlen(word);
        for (size_t i = 0; i < n_dot_cmds; i++)
            if (strncmp(dot_cmds[i].name, word, n) == 0)
                cand_add(c, xstrdup(dot_cmds[i].name), false);
        break;
    }
    case DA_QUERY:
        query_candidates(c, arg, arg_len, word);
        break;
    case DA_TIME:
        add_words(c, "none now", word, false);
        break;
    case DA_ONOFF:
        add_words(c, "on off", word, false);
        break;
    case DA_ZONE:
        add_words(c, "UTC local", word, false);
        break;
    case DA_FILE: /* done by readline (rcomp_complete) */
    case DA_NONE:
        break;
    }
}

/* The dot-command a line starts with, if the query is empty and the line
 * starts with '.'; *name_end is where its name ends. */
static const struct dot_cmd *line_dot(const char *line, size_t *name_start, size_t *name_end)
{
    if (session->query.len)
        return NULL;
    size_t i = strspn(line, " \t");
    if (line[i] != '.')
        return NULL;
    *name_start = i;
    *name_end = i + strcspn(line + i, " \t");
    static const struct dot_cmd unknown = {"", "", "", DA_NONE, NULL};
    const struct dot_cmd *d = dot_lookup(line + i, *name_end - i);
    return d ? d : &unknown; /* a dot line all the same: not a query */
}

/* The readline array: the text to put in place of the word, then the
 * matches (when more than one). */
static char **to_readline(struct cand_list *c, const char *word)
{
    if (c->n == 0)
        return NULL;
    char **m = xcalloc(c->n + 2, sizeof *m);
    if (c->n == 1) {
        rl_completion_append_character = c->space[0] ? ' ' : '\0';
        m[0] = c->v[0];
    } else {
        size_t lcd = strlen(c->v[0]);
        for (size_t i = 1; i < c->n; i++) {
            size_t k = 0;
            while (k < lcd && c->v[i][k] == c->v[0][k])
                k++;
            lcd = k;
        }
        /* matches that differ from the word in case only: keep the word */
        m[0] = lcd >= strlen(word) ? xstrndup(c->v[0], lcd) : xstrdup(word);
        for (size_t i = 0; i < c->n; i++)
            m[i + 1] = c->v[i];
    }
    free(c->v);
    free(c->space);
    return m;
}

static char **rcomp_complete(const char *word, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1; /* never readline's file names, unless asked */
    rl_completion_append_character = '\0';
    struct cand_list c = {0};
    size_t name_start, name_end;
    const struct dot_cmd *d = line_dot(rl_line_buffer, &name_start, &name_end);
    if (d && (size_t)start <= name_start) {
        size_t n = strlen(word);
        for (size_t i = 0; i < n_dot_cmds; i++)
            if (strncmp(dot_cmds[i].name, word, n) == 0)
                cand_add(&c, xstrdup(dot_cmds[i].name), dot_cmds[i].arg != DA_NONE);
    } else if (d) {
        if (d->arg == DA_FILE) {
            rl_completion_append_character = ' ';
            return rl_completion_matches(word, rl_filename_completion_function);
        }
        size_t arg = name_end + strspn(rl_line_buffer + name_end, " \t");
        if ((size_t)start < arg)
            return NULL;
        dot_arg_candidates(&c, d, rl_line_buffer + arg, (size_t)start - arg, word);
    } else {
        struct strbuf before = STRBUF_INIT;
        if (session->query.len) {
            sb_append(&before, session->query.buf, session->query.len);
            sb_putc(&before, '\n');
        }
        sb_append(&before, rl_line_buffer, (size_t)start);
        query_candidates(&c, before.buf ? before.buf : "", before.len, word);
        sb_free(&before);
    }
    char **m = to_readline(&c, word);
    if (!m)
        cand_free(&c);
    return m;
}

/* Word boundaries: a dot-command's file argument is one word, spaces
 * apart; elsewhere the query's punctuation separates words. */
static char *rcomp_word_breaks(void)
{
    static char query_breaks[] = " \t\n\"'`|,()[]=<>!+-*/%^~#";
    static char file_breaks[] = " \t\n";
    size_t s, e;
    const struct dot_cmd *d = session ? line_dot(rl_line_buffer, &s, &e) : NULL;
    return d && d->arg == DA_FILE ? file_breaks : query_breaks;
}

void rcomp_install(struct repl *r)
{
    session = r;
    rl_attempted_completion_function = rcomp_complete;
    rl_completion_word_break_hook = rcomp_word_breaks;
    rl_basic_word_break_characters = " \t\n\"'`|,()[]=<>!+-*/%^~#";
}
