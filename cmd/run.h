/*
 * run.h — compile a query against the index, run it, print the rows.
 */
#ifndef TRAILQ_RUN_H
#define TRAILQ_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "index/store.h"
#include "query/ast.h"
#include "query/compile.h"

struct run_opts {
    int format;                        /* enum out_format */
    bool explain;                      /* print SQL and plan instead of running */
    bool make_indexes;                 /* a long-lived index: build the indexes the query wants */
    bool color;                        /* --color: bold table header */
    int term_width;                    /* table width limit, 0 = none */
    bool check_fields;                 /* the index holds every field: warn about a field
                                          no event has that has a near name (fieldcheck.h) */
    FILE *out;
    const struct compile_opts *copts;
};

/* Returns the exit status this part earns: 0 ran (also when the reader
 * closed the pipe), 2 the query is wrong (message printed with a caret),
 * 3 the index failed. */
int run_query(struct store *st, struct query *q, const struct run_opts *ro);

#endif
