/*
 * ingest.h — reading the inputs into the index.
 *
 * For each file: open it, decide its type (by content, or -t), parse it
 * with the query's plan, and insert its events. Problems are printed as
 * each file finishes, in input order, so messages never interleave.
 * Identity (a --db index, or --files): each file's SHA-256 is computed on
 * its parser thread, from its bytes as stored, before it is parsed (a
 * read of the file, usually from the page cache); standard input is first
 * copied to a temporary file, hashing as it goes. With a --db index:
 *   - a name whose file is unchanged since it was recorded (device, inode,
 *     size, modification time) is not read again;
 *   - bytes the index already holds (under another name, or from standard
 *     input before) add nothing but the name;
 *   - a name whose bytes changed gets a new source, and the source it held
 *     before is removed in the same transaction unless another name still
 *     holds it;
 *   - a file that changes while it is read is not kept (an error).
 * An existing index commits whole sources about once a second, so a load
 * killed at any moment leaves whole sources; stop (SIGINT, SIGTERM) ends
 * the load after the last whole source.
 */
#ifndef TRAILQ_INGEST_H
#define TRAILQ_INGEST_H

#include <signal.h>
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
    size_t n_loaded;        /* sources added now */
    size_t n_same_bytes;    /* inputs whose bytes the index already held */
    size_t n_other_type;    /* --db -t T: inputs the index holds as another type, kept */
    char *other_type_first; /* the first of them (owned) */
    size_t n_copies;        /* without identity: inputs with the bytes of one before, read */
    size_t n_replaced;      /* sources removed because their file changed */
    size_t n_not_loaded;    /* inputs left when the load stopped */
    int64_t n_time_fallback;        /* events that took the file time as @timestamp */
    size_t n_time_fallback_inputs;  /* inputs with such events */
    char *time_fallback_first;      /* the first of them (owned) */
    int64_t *scope;         /* the sources the inputs resolved to (owned), with identity */
    size_t n_scope, cap_scope;
    bool stopped;           /* the stop flag ended the load */
};

struct ingest_opts {
    enum input_type type;   /* IT_AUTO: detect per file */
    bool identity;          /* SHA-256 of every input, names recorded: a source is its
                               bytes, so a copy under another name adds only the name */
    bool reuse;             /* --db: skip unchanged names, add known bytes once */
    bool commit_often;      /* an existing index: commit whole sources as they come */
    bool progress;          /* show a progress line on stderr */
    const volatile sig_atomic_t *stop; /* set (by a signal handler): end the load early */
};

/* Returns 0, or -1 after a fatal index error (already reported). The
 * store is left committed, or after -1 rolled back to its last commit. */
int ingest_files(struct store *st, const struct file_list *files, const struct ingest_plan *plan,
                 const struct ingest_opts *opts, struct ingest_result *res);
void ingest_result_free(struct ingest_result *res);

#endif
