/*
 * ingest.h — reading the inputs into the index.
 *
 * For each file: open it, decide its type (by content, or -t), parse it
 * with the query's plan, and insert its events. Problems are printed as
 * each file finishes, in input order, so messages never interleave.
 * With reuse (a --db file), an input already in the index with the same
 * size and modification time is not read again, and a changed one is
 * replaced.
 */
#ifndef TRAILQ_INGEST_H
#define TRAILQ_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmd/walk.h"
#include "parsers/plan.h"
#include "index/store.h"
#include "parsers/reader.h"

struct ingest_result {
    size_t n_inputs;        /* files tried */
    size_t n_unreadable;    /* could not be opened or recognised at all */
    size_t n_with_errors;   /* read, but part of them could not be */
    size_t n_reused;        /* --db: unchanged, not read again */
    int64_t n_events;       /* events loaded now */
    int64_t n_skipped;      /* records or lines lost to errors */
};

struct ingest_opts {
    enum input_type type;   /* IT_AUTO: detect per file */
    bool reuse;             /* --db: skip unchanged inputs */
    bool progress;          /* show a progress line on stderr */
};

/* Returns 0, or -1 after a fatal index error (already reported). */
int ingest_files(struct store *st, const struct file_list *files, const struct ingest_plan *plan,
                 const struct ingest_opts *opts, struct ingest_result *res);

#endif
