/*
 * run.h — compile a query against the index, run it, show the rows: as a
 * table, lines or a chart, through the pager when a table is taller than
 * the terminal, then the status line (trailq(1), OUTPUT). The one-shot
 * run and the interactive mode both come here, with their settings.
 */
#ifndef TRAILQ_RUN_H
#define TRAILQ_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cmd/settings.h"
#include "index/store.h"
#include "query/ast.h"
#include "query/compile.h"

struct run_opts {
    const struct settings *show;       /* format, times, zone, pager, chart, timer, output */
    bool explain;                      /* print SQL and plan instead of running */
    bool make_indexes;                 /* a long-lived index: build the indexes the query wants */
    bool color;                        /* --color: bold table header */
    bool check_fields;                 /* the index holds every field: warn about a field
                                          no event has that has a near name (fieldcheck.h) */
    bool status;                       /* the status line after the query (when stderr is a
                                          terminal); its time when show->timer is on */
    int64_t start_ms;                  /* clock_mono_ms() the status line counts from; 0: when
                                          run_query starts (the one-shot run counts its load) */
    const struct compile_opts *copts;
    bool range_loaded;                 /* the interactive mode loaded only --start/--end
                                          (no --db): a query reading before ... */
    int64_t loaded_start_ms;           /* ... this time is told it misses events */
};

/* Returns the exit status this part earns: 0 ran (also when the reader
 * closed the pipe), 2 the query is wrong (message printed with a caret),
 * 3 the index failed. */
int run_query(struct store *st, struct query *q, const struct run_opts *ro);

/* The status line after a query (when stderr is a terminal): "3 rows
 * (2,900 events scanned in 0.12 s)"; events < 0: not known; elapsed_ms
 * < 0: the timer is off, no time. */
void run_status(size_t rows, int64_t events, int64_t elapsed_ms);

#endif
