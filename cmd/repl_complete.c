/*
 * repl_complete.c — Tab in the interactive mode (see repl_int.h).
 *
 * Completion looks at where the cursor is in the query before offering
 * anything. The text before the word being completed (the lines of the
 * query typed so far, then the current line up to the word) is run
 * through the query lexer (query/lexer.h), following the command being
 * typed through its row of query/cmdsyntax.c (its phases: what goes where
 * an operand starts, the keywords offered there and after a value, its
 * name=value options); that gives a context (rcomp_context):
 *
 *   inside a string, a /regex/, a `quoted name` or a # comment: nothing
 *   the first word of a command (at the start, after '|', after the '(' of
 *       a subquery): the commands of query/funcs.c's table, then a space
 *   where an operand may start: what the phase takes (the index's fields
 *       and the names the query defined with as/into, the functions with
 *       '(' — in stats, the aggregates —, the --lookup tables or their
 *       columns, or nothing for a number or a period), the phase's keywords
 *       (not, diff's previousDay ...), the options not given yet (name=)
 *   after name=: the option's values
 *   after a value: the keywords that may follow it there (stats: as, by,
 *       then as, offset; sessionize: maxspan, as; lookup: OUTPUT ...),
 *       then a space
 *   after as or into (a new name): nothing; after lookup's as, the fields,
 *       after cidrlookup's, the table's columns (names that exist already)
 *
 * A keyword opens the next phase only where it is offered, so a field
 * named like a keyword elsewhere stays a field. A subquery keeps the
 * command around it and gives it back at its ')'.
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
#include "cmd/lookup.h"
#include "cmd/options.h"
#include "index/sysfield.h"
#include "query/cmdsyntax.h"
#include "query/funcs.h"
#include "query/lexer.h"

/* The session completion reads (readline's callback takes no pointer). */
static struct repl *session;

/* ---- what the place of the cursor expects ---- */

enum rcomp_kind {
    RC_NOTHING,      /* in a literal or comment, or where a new name goes */
    RC_COMMAND,      /* the first word of a command */
    RC_OPERAND,      /* an operand may start here (what kind: the phase's slot) */
    RC_AFTER_VALUE,  /* a value was just read */
};

enum { RC_MAX_NAMES = 64, RC_MAX_OPTIONS = 8 };

/* Where the reading of one command is (a subquery keeps its command's). */
struct rcomp_cmd {
    char command[32];   /* lower case ("" at its name) */
    const struct cmd_syntax *syn; /* its row of query/cmdsyntax.c (never NULL once named) */
    size_t phase;       /* the phase of syn the cursor is in */
    bool first;         /* at the first operand of the phase */
    int depth;          /* parentheses and brackets open in this command */
    size_t n_tokens;    /* tokens of the command, its name included */
    enum lex_mode mode; /* how to read the next token */
    enum rcomp_kind after; /* what the tokens so far leave the cursor at */
    bool after_alias;   /* the value just read is a name being defined (as n, into n) */
    bool new_name;      /* the next word is a name being defined (after as, into) */
    bool as_ref;        /* the next word is an existing name after as (lookup's field,
                           cidrlookup's column: SYN_AS_FIELD, SYN_AS_COLUMN) */
    enum syn_slot as_ref_slot; /* then what it names: SS_FIELD or SS_COLUMN */
    bool name_list;     /* parse ... as a, b: names until the command ends */
    bool after_in;      /* the last token was the keyword in: '(' opens a subquery */
    bool after_not;     /* the last token was not after a value: like or in follows */
    bool options;       /* syn's name=value options may still come */
    unsigned given;     /* the options given (bit i: the i-th of syn->options) */
    const char *option_value[RC_MAX_OPTIONS]; /* their values as written (in the arena;
                           NULL: not given, or not a name or string) */
    int opt;            /* the option whose value comes next, or -1 */
    int maybe_opt;      /* the name just read is this option's if '=' follows, or -1 */
    bool after_stats;   /* a stats came before this command: the index's fields are gone */
    const char *table;  /* lookup, cidrlookup: the table named (in the arena) */
};

struct rcomp_context {
    enum rcomp_kind kind;
    struct rcomp_cmd cmd;   /* the command the cursor is in */
    bool in_sub;            /* inside a ( subquery ) */
    bool sub_first;         /* at the subquery's first command: SOURCE may come */
    const char *names[RC_MAX_NAMES]; /* names the query defined (as, into, parse's list,
                                        stats keys), in the arena */
    size_t n_names;
};

/* A command trailq does not know: expressions, then as or by. */
static const struct cmd_syntax unknown_syntax = {"", NULL, NULL, 1,
                                                 {{.slot = SS_EXPR, .value_kw = "as by"}}};
/* SOURCE "path" at the start of a subquery. */
static const struct cmd_syntax source_syntax = {"SOURCE", NULL, NULL, 1, {{.slot = SS_NONE}}};

static const struct syn_phase *phase_of(const struct rcomp_cmd *c)
{
    return &c->syn->phases[c->phase];
}

/* ---- name=value options (cmdsyntax.h: "type=inner|left !left=") ---- */

struct syn_option {
    const char *name;   /* its name and the '=' (name_len + 1 bytes) */
    size_t name_len;
    const char *values; /* the values, '|' between them (values_len bytes) */
    size_t values_len;
    bool required;
};

/* The i-th option of the list; false past the end. */
static bool option_at(const char *list, int i, struct syn_option *o)
{
    for (int k = 0; list && *list; k++) {
        size_t n = strcspn(list, " ");
        if (k == i) {
            o->required = list[0] == '!';
            o->name = list + o->required;
            o->name_len = strcspn(o->name, "=");
            o->values = o->name + o->name_len + 1;
            o->values_len = list + n - o->values;
            return true;
        }
        list += n + (list[n] ? 1 : 0);
    }
    return false;
}

static int option_find(const char *list, const char *name)
{
    struct syn_option o;
    for (int i = 0; option_at(list, i, &o); i++)
        if (o.name_len == strlen(name) && strncasecmp(o.name, name, o.name_len) == 0)
            return i;
    return -1;
}

/* Have the options the phase's value_kw waits for been given? */
static bool required_given(const struct rcomp_cmd *c)
{
    struct syn_option o;
    for (int i = 0; option_at(c->syn->options, i, &o); i++)
        if (o.required && !(c->given & (1u << i)))
            return false;
    return true;
}

/* The keyword lists offered at the cursor (up to 3; NULL entries are
 * none). Completion offers them and a keyword that opens a phase does so
 * only where it is offered. */
static void offered_keywords(const struct rcomp_cmd *c, enum rcomp_kind kind, const char *kw[3])
{
    const struct syn_phase *ph = phase_of(c);
    kw[0] = kw[1] = kw[2] = NULL;
    if (kind == RC_OPERAND) {
        kw[0] = ph->operand_kw;
        if (c->depth == 0 && c->first)
            kw[1] = ph->first_kw;
        if (c->depth == 0 && c->given && required_given(c))
            kw[2] = ph->value_kw; /* after name=value options */
    } else if (kind == RC_AFTER_VALUE) {
        if (c->depth > 0)
            kw[0] = "and or not like in";
        else
            kw[0] = c->after_alias ? ph->alias_kw : ph->value_kw;
    }
}

/* The phase of c's command opened by the word or token kind, or -1. */
static int phase_opened_by(const struct rcomp_cmd *c, const char *word, size_t len)
{
    for (size_t j = 1; j < c->syn->n_phases; j++)
        if (j != c->phase && syn_list_has(c->syn->phases[j].opens, word, len))
            return (int)j;
    return -1;
}

/* Does word open a phase where the cursor is? Then go there. */
static bool open_phase(struct rcomp_cmd *c, enum rcomp_kind kind, const char *word)
{
    size_t len = strlen(word);
    if (c->depth > 0)
        return false;
    if (word[0] != '"' && word[0] != '/' && word[0] != '=' && word[0] != '(') {
        const char *kw[3];
        offered_keywords(c, kind, kw);
        if (!syn_list_has(kw[0], word, len) && !syn_list_has(kw[1], word, len) &&
            !syn_list_has(kw[2], word, len))
            return false;
    }
    int j = phase_opened_by(c, word, len);
    if (j < 0)
        return false;
    c->phase = (size_t)j;
    c->first = true;
    c->options = false;
    return true;
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

/* A command not yet named, at the start or after '|'. */
static void cmd_reset(struct rcomp_cmd *c, bool after_stats)
{
    memset(c, 0, sizeof *c);
    c->syn = &unknown_syntax;
    c->mode = LEX_OPERAND;
    c->after = RC_COMMAND;
    c->opt = c->maybe_opt = -1;
    c->after_stats = after_stats;
}

/* The command's name was read. */
static void cmd_named(struct rcomp_cmd *c, const struct token *t, bool sub_first)
{
    if (t->kind == TK_NAME) {
        size_t k = 0;
        for (; t->str[k] && k + 1 < sizeof c->command; k++)
            c->command[k] = (char)tolower((unsigned char)t->str[k]);
        c->command[k] = '\0';
        const struct cmd_syntax *syn = cmd_syntax_lookup(t->str, strlen(t->str));
        if (sub_first && lex_is_word(t, "SOURCE"))
            syn = &source_syntax;
        c->syn = syn ? syn : &unknown_syntax;
    }
    c->options = c->syn->options != NULL;
    c->first = true;
    c->mode = LEX_OPERAND;
    c->after = RC_OPERAND;
}

/* A value was read (a name, literal, ')' ...). */
static void cmd_value(struct rcomp_cmd *c)
{
    c->mode = LEX_OPERATOR;
    c->after = RC_AFTER_VALUE;
    if (c->depth == 0 && (phase_of(c)->flags & SYN_ONE) && c->phase + 1 < c->syn->n_phases) {
        c->phase++;
        c->first = true;
        c->mode = LEX_OPERAND;
        c->after = RC_OPERAND;
    }
}

/* A name=value option's value was read (value: its text, or NULL). */
static void cmd_option_value(struct rcomp_cmd *c, const char *value)
{
    if (c->opt < RC_MAX_OPTIONS)
        c->option_value[c->opt] = value;
    c->given |= 1u << c->opt;
    c->opt = -1;
    c->mode = LEX_OPERATOR;
    c->after = RC_OPERAND; /* more options, or the operands */
}

/* The context at the end of text[0..len): see the header comment. Names
 * go into the arena. */
static void rcomp_context(const char *text, size_t len, struct arena *a, struct rcomp_context *cx)
{
    memset(cx, 0, sizeof *cx);
    struct rcomp_cmd *c = &cx->cmd;
    struct rcomp_cmd outer;  /* the command a subquery is in */
    cmd_reset(c, false);
    cmd_reset(&outer, false);
    struct lexer lx;
    lex_init(&lx, text, len, a);
    size_t last_end = 0;
    for (;;) {
        struct token t;
        lex_next(&lx, c->mode, &t);
        if (t.kind == TK_EOF)
            break;
        last_end = t.span.end;
        if (t.kind == TK_ERROR) {
            char ch = text[t.span.start];
            if (lx.pos >= len && (ch == '"' || ch == '\'' || ch == '/' || ch == '`' || ch == '@')) {
                cx->kind = RC_NOTHING; /* an unterminated literal or quoted name */
                return;
            }
            c->mode = LEX_OPERATOR;
            c->after = RC_AFTER_VALUE;
            c->n_tokens++;
            continue;
        }
        int maybe_opt = c->maybe_opt;
        bool after_in = c->after_in;
        bool as_ref = c->as_ref;
        c->maybe_opt = -1;
        c->as_ref = false;
        c->after_in = c->after_not = false;
        if (maybe_opt >= 0 && t.kind != TK_EQ)
            c->options = false; /* that name was a field's */
        if (t.kind == TK_PIPE) {
            cmd_reset(c, c->after_stats || strcmp(c->command, "stats") == 0);
            cx->sub_first = false;
            continue;
        }
        if (++c->n_tokens == 1) {
            cmd_named(c, &t, cx->in_sub && cx->sub_first);
            continue;
        }
        enum rcomp_kind before = c->after; /* where the token stands */
        size_t phase_before = c->phase;
        bool sub_before = cx->in_sub;
        bool alias_now = false;
        switch (t.kind) {
        case TK_LPAREN:
            if (!cx->in_sub && c->depth == 0 && (after_in || open_phase(c, before, "("))) {
                outer = *c;
                cx->in_sub = cx->sub_first = true;
                cmd_reset(c, false);
                break;
            }
            /* fall through */
        case TK_LBRACKET:
            c->depth++;
            c->mode = LEX_OPERAND;
            c->after = RC_OPERAND;
            break;
        case TK_RPAREN:
            if (c->depth == 0 && cx->in_sub) {
                *c = outer;
                cx->in_sub = cx->sub_first = false;
                c->first = false;
                cmd_value(c);
                break;
            }
            /* fall through */
        case TK_RBRACKET:
            if (c->depth > 0)
                c->depth--;
            cmd_value(c);
            break;
        case TK_COMMA:
            c->mode = LEX_OPERAND;
            c->after = c->name_list ? RC_NOTHING : RC_OPERAND;
            c->new_name = c->name_list;
            if (c->depth == 0 && phase_of(c)->comma_to > 0)
                c->phase = (size_t)phase_of(c)->comma_to;
            break;
        case TK_DOT:
            c->mode = LEX_SEGMENT;
            c->after = RC_NOTHING;
            break;
        case TK_NAME:
            if (as_ref) {
                alias_now = true; /* what follows "as name" follows it */
                cmd_value(c);
            } else if (c->new_name) {
                add_name(cx, t.str);
                c->new_name = false;
                alias_now = true;
                c->mode = LEX_OPERATOR;
                c->after = RC_AFTER_VALUE;
            } else if (c->opt >= 0) {
                cmd_option_value(c, t.str);
            } else if (t.word && open_phase(c, before, t.str)) {
                c->mode = LEX_OPERAND;
                c->after = RC_OPERAND;
            } else if (t.word && is_keyword(&t)) {
                c->mode = LEX_OPERAND;
                c->after = RC_OPERAND;
                c->after_in = lex_is_word(&t, "in");
                c->after_not = lex_is_word(&t, "not") && before == RC_AFTER_VALUE;
                unsigned ref = c->depth == 0 && lex_is_word(&t, "as")
                                   ? phase_of(c)->flags & (SYN_AS_FIELD | SYN_AS_COLUMN)
                                   : 0;
                if (ref) {
                    c->as_ref = true;
                    c->as_ref_slot = ref == SYN_AS_FIELD ? SS_FIELD : SS_COLUMN;
                } else if (lex_is_word(&t, "as") || lex_is_word(&t, "into")) {
                    c->new_name = true;
                    c->after = RC_NOTHING;
                    c->name_list = strcmp(c->command, "parse") == 0;
                } else if (lex_is_word(&t, "asc") || lex_is_word(&t, "desc") ||
                           lex_is_word(&t, "multi")) {
                    c->mode = LEX_OPERATOR;
                    c->after = RC_NOTHING;
                }
            } else {
                if (strcmp(c->command, "stats") == 0 && c->phase == 1 && c->depth == 0)
                    add_name(cx, t.str);
                if (c->depth == 0 && phase_of(c)->slot == SS_TABLE)
                    c->table = t.str;
                if (c->depth == 0 && c->options && !t.dotted) {
                    c->maybe_opt = option_find(c->syn->options, t.str);
                    if (c->maybe_opt < 0)
                        c->options = false;
                }
                cmd_value(c);
            }
            break;
        case TK_EQ:
            if (maybe_opt >= 0) {
                c->opt = maybe_opt;
                c->mode = LEX_OPERAND;
                c->after = RC_NOTHING; /* an option's value: see query_candidates */
                break;
            }
            c->mode = LEX_OPERAND;
            c->after = RC_OPERAND;
            open_phase(c, before, "=");
            break;
        case TK_STRING:
        case TK_REGEX:
            if (c->opt >= 0) {
                cmd_option_value(c, t.str);
                break;
            }
            if (open_phase(c, before, t.kind == TK_STRING ? "\"" : "/"))
                c->first = false;
            c->options = false;
            cmd_value(c);
            break;
        case TK_NUMBER:
        case TK_PERIOD:
            if (c->opt >= 0) {
                cmd_option_value(c, NULL);
                break;
            }
            c->options = false;
            cmd_value(c);
            break;
        default: /* an operator */
            c->mode = LEX_OPERAND;
            c->after = RC_OPERAND;
            break;
        }
        c->after_alias = alias_now;
        if (c->phase == phase_before && cx->in_sub == sub_before)
            c->first = false; /* past the phase's first operand */
    }
    if (in_comment(text, last_end, len)) {
        cx->kind = RC_NOTHING;
        return;
    }
    if (c->maybe_opt >= 0)
        c->options = false;
    cx->kind = c->after;
    if (c->opt >= 0)
        cx->kind = RC_OPERAND;
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
    while (list && *list) {
        size_t len = strcspn(list, " ");
        if (len >= n && strncasecmp(list, word, n) == 0) /* "name=": no space after */
            cand_add(c, xstrndup(list, len), space && list[len - 1] != '=');
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
        if (!cx->cmd.after_stats) {
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

/* The options of the command not given yet, as name= (no space after). */
static void add_options(struct cand_list *c, const struct rcomp_cmd *cmd, const char *word)
{
    struct syn_option o;
    size_t n = strlen(word);
    for (int i = 0; option_at(cmd->syn->options, i, &o); i++)
        if (!(cmd->given & (1u << i)) && o.name_len + 1 >= n && strncasecmp(o.name, word, n) == 0)
            cand_add(c, xstrndup(o.name, o.name_len + 1), false);
}

/* The values the option whose value comes next takes (none listed: any). */
static void add_option_values(struct cand_list *c, const struct rcomp_cmd *cmd, const char *word)
{
    struct syn_option o;
    if (!option_at(cmd->syn->options, cmd->opt, &o))
        return;
    char *values = xstrndup(o.values, o.values_len);
    for (char *p = values; *p; p++)
        if (*p == '|')
            *p = ' ';
    add_words(c, values, word, true);
    free(values);
}

/* The lookup tables (--lookup NAME=FILE, .lookup), or the columns of the
 * one the command named. */
static void add_lookup(struct cand_list *c, const char *table, const char *word)
{
    const struct lookup_set *set = session->lookups;
    size_t n = strlen(word);
    for (size_t i = 0; set && i < set->n; i++) {
        const struct lookup_table *t = &set->tables[i];
        if (!table) {
            if (strncmp(t->name, word, n) == 0)
                cand_add(c, fieldcheck_query_name(t->name), true);
        } else if (strcmp(t->name, table) == 0) {
            for (size_t k = 0; k < t->n_columns; k++)
                if (strncmp(t->columns[k], word, n) == 0)
                    cand_add(c, fieldcheck_query_name(t->columns[k]), false);
        }
    }
}

/* join's keys: "l." and "r." (the names left= and right= gave), then
 * after "l." the fields as l.field. The right side's fields are the
 * index's too: a subquery reads the same events. */
static void add_join_keys(struct cand_list *c, const struct rcomp_context *cx, const char *word)
{
    const struct rcomp_cmd *cmd = &cx->cmd;
    const char *dot = strchr(word, '.');
    static const char *const sides[] = {"left", "right"};
    for (size_t s = 0; s < 2; s++) {
        int i = option_find(cmd->syn->options, sides[s]);
        const char *name = i >= 0 && i < RC_MAX_OPTIONS ? cmd->option_value[i] : NULL;
        if (!name || !*name)
            continue;
        size_t n = strlen(name);
        if (!dot) {
            if (strncmp(name, word, strlen(word)) == 0)
                cand_add(c, xasprintf("%s.", name), false);
            continue;
        }
        if ((size_t)(dot - word) != n || strncmp(word, name, n) != 0)
            continue;
        struct cand_list fields = {0};
        add_fields(&fields, cx, dot + 1);
        for (size_t k = 0; k < fields.n; k++)
            cand_add(c, xasprintf("%s.%s", name, fields.v[k]), false);
        cand_free(&fields);
    }
}

/* What may start an operand of the command's phase. */
static void add_operands(struct cand_list *c, const struct rcomp_context *cx, const char *word)
{
    const struct rcomp_cmd *cmd = &cx->cmd;
    enum syn_slot slot = cmd->as_ref ? cmd->as_ref_slot : cmd->syn->phases[cmd->phase].slot;
    if (cmd->depth > 0) { /* inside a call or ( ): an expression */
        add_fields(c, cx, word);
        add_functions(c, word, false, true);
        return;
    }
    switch (slot) {
    case SS_EXPR:
        add_fields(c, cx, word);
        add_functions(c, word, false, true);
        break;
    case SS_AGG:
        add_functions(c, word, true, true);
        break;
    case SS_FIELD:
        add_fields(c, cx, word);
        break;
    case SS_TABLE:
        add_lookup(c, NULL, word);
        break;
    case SS_COLUMN:
        if (cmd->table)
            add_lookup(c, cmd->table, word);
        break;
    case SS_JOINKEY:
        add_join_keys(c, cx, word);
        break;
    case SS_PERIOD:
    case SS_NUMBER:
    case SS_NONE:
    case SS_SUBQUERY:
        break;
    }
}

static void query_candidates(struct cand_list *c, const char *before, size_t len, const char *word)
{
    struct arena a = {0};
    struct rcomp_context cx;
    rcomp_context(before, len, &a, &cx);
    const struct rcomp_cmd *cmd = &cx.cmd;
    const char *kw[3];
    switch (cx.kind) {
    case RC_NOTHING:
        break;
    case RC_COMMAND:
        add_commands(c, word, false);
        if (cx.in_sub && cx.sub_first)
            add_words(c, "SOURCE", word, true);
        break;
    case RC_OPERAND:
        if (cmd->opt >= 0) {
            add_option_values(c, cmd, word);
            break;
        }
        if (cmd->as_ref) { /* lookup t c as FIELD, cidrlookup t f as COLUMN */
            add_operands(c, &cx, word);
            break;
        }
        if (cmd->after_not) { /* a not b: only not like, not in */
            add_words(c, "like in", word, true);
            break;
        }
        offered_keywords(cmd, RC_OPERAND, kw);
        for (size_t i = 0; i < 3; i++)
            add_words(c, kw[i], word, true);
        if (cmd->options)
            add_options(c, cmd, word);
        add_operands(c, &cx, word);
        break;
    case RC_AFTER_VALUE:
        offered_keywords(cmd, RC_AFTER_VALUE, kw);
        add_words(c, kw[0], word, true);
        if (cmd->depth == 0 && !cmd->after_alias &&
            (cmd->syn->phases[cmd->phase].flags & SYN_SPACED))
            add_operands(c, &cx, word);
        break;
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
