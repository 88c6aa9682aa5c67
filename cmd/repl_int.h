/*
 * repl_int.h — what the files of the interactive mode share.
 *
 * The interactive mode is four files with one job each:
 *
 *   repl.c           the loop: lines into queries, a query or a dot-command
 *                    at a time, the settings they change
 *   repl_input.c     reading a line: readline in callback mode over our own
 *                    input buffer, so Ctrl-C and Ctrl-D can reset the query
 *                    being typed and pasted lines can be looked at ahead
 *   repl_history.c   the history file: where it lives, multi-line entries
 *   repl_dot.c       the dot-commands (.help, .format, .output ...), one
 *                    table that the loop, .help and completion all read
 *   repl_complete.c  Tab: what the cursor's place in the query expects
 *
 * struct repl is the session: everything a dot-command may look at or
 * change. It lives on repl_run()'s stack; its strings are owned by it.
 */
#ifndef TRAILQ_REPL_INT_H
#define TRAILQ_REPL_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/strbuf.h"
#include "cmd/repl.h"
#include "cmd/settings.h"
#include "index/store.h"
#include "query/compile.h"

/* ---- the session ---- */

struct repl {
    struct store *st;
    struct compile_opts copts;   /* a copy of the command line's: .start and .end change
                                    its range */
    bool scoped;                 /* .files lists only the sources in scope */
    bool range_loaded;           /* only events in the command line's --start/--end were
                                    read (no --db): a wider .start/.end finds no more */
    int64_t loaded_start_ms;     /* that range, when range_loaded */
    int64_t loaded_end_ms;
    struct settings *show;       /* how results are shown (cmd/settings.h; the command
                                    line's): format, .output file, zone, pager, chart... */
    struct strbuf query;         /* the query being typed: its lines so far */
    char *last_query;            /* the last query run (owned), for .explain alone */
    bool quit;                   /* .quit was given */
    struct lookup_set *lookups;  /* the lookup tables (.lookup adds to them) */
};

/* Run one query over the index and print its rows to r->show->out
 * (explain: its SQL and plan instead). Errors are printed; the session
 * goes on. */
void repl_run_query(struct repl *r, const char *text, bool explain);

/* ---- reading lines (repl_input.c) ---- */

enum rin_result {
    RIN_LINE,       /* a line was entered (it may hold newlines: a paste) */
    RIN_EOF,        /* Ctrl-D on an empty line, or the end of the input */
    RIN_INTERRUPT,  /* Ctrl-C: the line was thrown away */
};

/* Set readline up for the session (callback mode, our signal handlers).
 * st: the index whose running query Ctrl-C interrupts. */
void rin_open(struct store *st);
void rin_close(void);

/* Show prompt and read one line. RIN_LINE sets *line (caller frees). */
enum rin_result rin_read(const char *prompt, char **line);

/* Has the user already typed or pasted more, and does it start (after
 * blanks) with '|'? Then the line just read is continued by it. Never
 * waits for input. */
bool rin_next_line_continues(void);

/* Around a query: Ctrl-C then interrupts it instead of the prompt. */
void rin_query_begin(void);
void rin_query_end(void);

/* ---- history (repl_history.c) ---- */

/* Find the history file and read it into readline's history. */
void rhist_open(void);
/* Add an entry (a query, possibly of several lines, or a dot-command) and
 * save the history; a file that cannot be written gets one note. */
void rhist_add(const char *entry);
void rhist_close(void);

/* ---- dot-commands (repl_dot.c) ---- */

/* What the argument of a dot-command is, for completion. */
enum dot_arg {
    DA_NONE,     /* no argument */
    DA_FORMAT,   /* an output format */
    DA_NAME,     /* a command or function name (.help) */
    DA_FILE,     /* a file name */
    DA_QUERY,    /* a query (.explain) */
    DA_TIME,     /* a time (.start, .end) */
    DA_ONOFF,    /* on or off (.timer, .pager, .chart) */
    DA_ZONE,     /* a time zone (.tz) */
};

struct dot_cmd {
    const char *name;   /* ".format" */
    const char *args;   /* how its argument is written, for .help: "[FORMAT]" */
    const char *help;   /* one line */
    enum dot_arg arg;
    void (*run)(struct repl *r, const char *arg); /* arg: "" when none was given */
};

extern const struct dot_cmd dot_cmds[];
extern const size_t n_dot_cmds;

/* The dot-command named exactly name (its length len), or NULL. */
const struct dot_cmd *dot_lookup(const char *name, size_t len);

/* Run a line that starts with '.'. */
void dot_run(struct repl *r, const char *line);

/* ---- completion (repl_complete.c) ---- */

/* Install the completion function; r is the session it reads (the query
 * typed so far, the index's fields). */
void rcomp_install(struct repl *r);

#endif
