/*
 * repl.c — the interactive mode (see repl.h).
 *
 * A query may span lines: a line ending in '|' or '\' continues on the
 * next. Lines starting with '.' are REPL commands (.help, .fields, .files,
 * .format, .explain, .quit). Completion offers commands, keywords,
 * function names and the index's field names. History is kept in
 * $TRAILQ_HISTORY or ~/.trailq_history. Ctrl-C stops a running query and
 * returns to the prompt.
 */
#include "cmd/repl.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmd/fieldlist.h"
#include "cmd/filelist.h"
#include "cmd/msgs.h"
#include "cmd/output.h"
#include "cmd/run.h"
#include "base/xalloc.h"
#include "query/funcs.h"
#include "query/parser.h"

/* The index being queried, for the completion callback and the SIGINT
 * handler: readline and signal handlers take no user pointer, so this one
 * static is the way in. Set only while repl_run runs. */
static struct store *repl_store;

static const char *const keywords[] = {"by",  "as",   "and",  "or",    "not",    "like",
                                       "in",  "asc",  "desc", "into",  "multi",  "offset",
                                       "true", "false", NULL};

static void on_sigint(int sig)
{
    (void)sig;
    if (repl_store)
        sqlite3_interrupt(store_db(repl_store));
}

/* Completion candidates: generator called with state 0, 1, 2, ... */
static char *complete_word(const char *text, int state)
{
    static size_t idx_cmd, idx_kw, idx_fn, idx_field, idx_sys;
    static const char *const sys[] = {"@timestamp", "@message", "@log", "@logStream", "@ptr",
                                      "@ingestionTime", NULL};
    size_t len = strlen(text);
    if (state == 0)
        idx_cmd = idx_kw = idx_fn = idx_field = idx_sys = 0;
    while (idx_cmd < n_commands) {
        const struct command_def *c = &commands[idx_cmd++];
        if (c->supported && strncasecmp(c->name, text, len) == 0)
            return xstrdup(c->name);
    }
    while (keywords[idx_kw]) {
        const char *k = keywords[idx_kw++];
        if (strncasecmp(k, text, len) == 0)
            return xstrdup(k);
    }
    while (idx_fn < n_funcs) {
        const struct func_def *f = &funcs[idx_fn++];
        if (strncasecmp(f->name, text, len) == 0)
            return xasprintf("%s(", f->name);
    }
    while (sys[idx_sys]) {
        const char *s = sys[idx_sys++];
        if (strncmp(s, text, len) == 0)
            return xstrdup(s);
    }
    size_t nf = repl_store ? store_n_fields(repl_store) : 0;
    while (idx_field < nf) {
        const struct store_field *f = store_field_at(repl_store, idx_field++);
        if (f && strncmp(f->name, text, len) == 0)
            return xstrdup(f->name);
    }
    return NULL;
}

static char **complete(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
    return rl_completion_matches(text, complete_word);
}

static void print_help(void)
{
    printf("Type a query and press Enter; end a line with | to continue it on the next.\n"
           "  .fields            list the fields of the loaded logs\n"
           "  .files             list the sources: names, SHA-256, counts, times\n"
           "  .format FORMAT     table, tsv, csv, json or jsonl\n"
           "  .explain QUERY     show the SQL and plan of a query\n"
           "  .help [NAME]       this help, or help on a command or function\n"
           "  .quit              leave (or Ctrl-D)\n\nCommands:\n");
    for (size_t i = 0; i < n_commands; i++)
        if (commands[i].supported)
            printf("  %-12s %s\n", commands[i].name, commands[i].help);
    printf("\nFunctions (.help NAME for one):\n ");
    int col = 1;
    for (size_t i = 0; i < n_funcs; i++) {
        int w = (int)strlen(funcs[i].name) + 1;
        if (col + w > 78) {
            printf("\n ");
            col = 1;
        }
        printf(" %s", funcs[i].name);
        col += w;
    }
    printf("\n");
}

static void help_on(const char *name)
{
    const struct func_def *f = func_lookup(name);
    if (f) {
        printf("%s\n  %s\n", f->signature, f->help);
        return;
    }
    const struct command_def *c = command_lookup(name);
    if (c) {
        printf("%s\n  %s%s\n", c->syntax, c->help, c->supported ? "" : " (not supported by trailq)");
        return;
    }
    printf("no command or function named '%s'\n", name);
}

static int term_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 0;
}

static void run_one(struct store *st, const struct compile_opts *copts, const char *text,
                    int format, bool explain)
{
    struct qerror qe = {0};
    struct query *q = query_parse(text, strlen(text), &qe);
    if (!q) {
        struct strbuf sb = STRBUF_INIT;
        qerror_render(&qe, text, strlen(text), &sb);
        msg_raw(sb_str(&sb));
        sb_free(&sb);
        return;
    }
    struct run_opts ro = {.format = format, .explain = explain, .make_indexes = true,
                          .color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR"),
                          .term_width = isatty(STDOUT_FILENO) ? term_width() : 0,
                          .out = stdout, .copts = copts};
    run_query(st, q, &ro);
    fflush(stdout);
    query_free(q);
}

static char *history_path(void)
{
    const char *env = getenv("TRAILQ_HISTORY");
    if (env && *env)
        return xstrdup(env);
    const char *home = getenv("HOME");
    return home ? xasprintf("%s/.trailq_history", home) : NULL;
}

int repl_run(struct store *st, const struct compile_opts *copts, bool scoped, int format)
{
    repl_store = st;
    if (format < 0)
        format = isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_TSV;
    rl_readline_name = "trailq";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t\n\"'`|,()[]=<>!+-*/%^";
    char *hist = history_path();
    using_history();
    stifle_history(1000);
    if (hist)
        read_history(hist);
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    printf("trailq: %lld events loaded. Type .help for help, .quit to leave.\n",
           (long long)store_n_events(st));
    struct strbuf query = STRBUF_INIT;
    for (;;) {
        char *line = readline(query.len ? "   ...> " : "trailq> ");
        if (!line)
            break;
        size_t n = strlen(line);
        while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = '\0';
        if (query.len == 0 && line[0] == '.') {
            add_history(line);
            if (strcmp(line, ".quit") == 0 || strcmp(line, ".exit") == 0) {
                free(line);
                break;
            } else if (strcmp(line, ".help") == 0) {
                print_help();
            } else if (strncmp(line, ".help ", 6) == 0) {
                help_on(line + 6);
            } else if (strcmp(line, ".fields") == 0) {
                fieldlist_print(st, format, stdout, term_width());
            } else if (strcmp(line, ".files") == 0) {
                filelist_print(st, scoped, format, stdout, term_width());
            } else if (strncmp(line, ".format ", 8) == 0) {
                int f = out_format_parse(line + 8);
                if (f < 0)
                    printf("unknown format '%s' (table, tsv, csv, json, jsonl)\n", line + 8);
                else
                    format = f;
            } else if (strncmp(line, ".explain ", 9) == 0) {
                run_one(st, copts, line + 9, format, true);
            } else {
                printf("unknown command '%s' (.help lists them)\n", line);
            }
            free(line);
            continue;
        }
        bool more = n && (line[n - 1] == '|' || line[n - 1] == '\\');
        if (n && line[n - 1] == '\\')
            line[--n] = '\0';
        if (query.len)
            sb_putc(&query, '\n');
        sb_append(&query, line, n);
        free(line);
        if (more)
            continue;
        if (query.len) {
            add_history(query.buf);
            run_one(st, copts, query.buf, format, false);
        }
        sb_reset(&query);
    }
    sb_free(&query);
    if (hist) {
        write_history(hist);
        free(hist);
    }
    repl_store = NULL;
    return 0;
}
