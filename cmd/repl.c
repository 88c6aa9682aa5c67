/*
 * repl.c — the interactive mode's loop (see repl.h, and repl_int.h for the
 * files it is made of).
 *
 * Lines become queries: a line ending in '|' or '\' continues on the next
 * ("   ...>" prompt), and so does a line followed by one starting with '|'
 * that was already typed or pasted. A pasted block (bracketed paste) comes
 * as one line holding newlines and is one query. A line starting with '.'
 * at "trailq>" is a dot-command (repl_dot.c).
 *
 * Ctrl-C at either prompt drops the query being typed and gives a fresh
 * "trailq>"; while a query runs it interrupts the query. Ctrl-D on an
 * empty line drops the query being typed at "...>", and leaves at
 * "trailq>". Each query is one history entry, however many lines it has.
 */
#include "cmd/repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "cmd/msgs.h"
#include "cmd/options.h"
#include "cmd/output.h"
#include "cmd/repl_int.h"
#include "cmd/run.h"
#include "cmd/term.h"
#include "query/parser.h"

static const char *const prompt_first = "trailq> ";
static const char *const prompt_more = "   ...> ";

void repl_run_query(struct repl *r, const char *text, bool explain)
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
    bool tty = r->show->out == stdout && term_is(STDOUT_FILENO);
    struct run_opts ro = {.show = r->show, .explain = explain, .make_indexes = true,
                          .check_fields = true, .color = tty && !term_no_color(),
                          .status = true, .copts = &r->copts,
                          .range_loaded = r->range_loaded, .loaded_start_ms = r->loaded_start_ms};
    rin_query_begin();
    run_query(r->st, q, &ro);
    rin_query_end();
    fflush(r->show->out);
    query_free(q);
}

/* Drop trailing blanks (and a pasted block's trailing newlines). */
static size_t trim_end(char *line)
{
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\n' ||
                 line[n - 1] == '\r'))
        line[--n] = '\0';
    return n;
}

/* Does the text start (after blanks) with '.'? */
static const char *dot_start(const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    return *line == '.' && !strchr(line, '\n') ? line : NULL;
}

static void run_typed_query(struct repl *r)
{
    rhist_add(r->query.buf);
    free(r->last_query);
    r->last_query = xstrdup(r->query.buf);
    repl_run_query(r, r->query.buf, false);
    sb_reset(&r->query);
}

int repl_run(struct store *st, const struct compile_opts *copts, const struct repl_opts *ro)
{
    struct repl r = {.st = st, .copts = *copts, .scoped = ro->scoped,
                     .range_loaded = ro->range_loaded, .loaded_start_ms = copts->start_ms,
                     .loaded_end_ms = copts->end_ms, .show = ro->show, .query = STRBUF_INIT,
                     .lookups = ro->lookups};
    /* .format shows what is used: table on a terminal, else tsv */
    r.show->format = (int)out_format_for(r.show->format, stdout);
    r.show->timer = false; /* the status line's time: .timer on (as sqlite3 and psql) */
    rin_open(st);
    rhist_open();
    rcomp_install(&r);
    printf("trailq: %lld events loaded. Type .help for help, .quit to leave.\n",
           (long long)store_n_events(st));
    while (!r.quit) {
        char *line = NULL;
        enum rin_result res = rin_read(r.query.len ? prompt_more : prompt_first, &line);
        if (res == RIN_INTERRUPT) {
            sb_reset(&r.query);
            continue;
        }
        if (res == RIN_EOF) {
            if (r.query.len == 0)
                break;
            sb_reset(&r.query); /* Ctrl-D at "...>": drop the query, stay */
            continue;
        }
        size_t n = trim_end(line);
        const char *dot = r.query.len == 0 ? dot_start(line) : NULL;
        if (dot) {
            rhist_add(dot);
            dot_run(&r, dot);
            free(line);
            continue;
        }
        bool more = n && (line[n - 1] == '|' || line[n - 1] == '\\');
        if (n && line[n - 1] == '\\')
            line[--n] = '\0';
        if (n) {
            if (r.query.len)
                sb_putc(&r.query, '\n');
            sb_append(&r.query, line, n);
        }
        free(line);
        if (more || (r.query.len && rin_next_line_continues()))
            continue;
        if (r.query.len)
            run_typed_query(&r);
    }
    free(r.last_query);
    sb_free(&r.query);
    rhist_close();
    rin_close();
    return 0;
}
