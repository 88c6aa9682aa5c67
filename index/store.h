/*
 * store.h — the SQLite index: schema, bulk loading, and the field catalogue.
 *
 * Layout (designed from the measurements in docs/performance.md):
 *
 *   events(id, ts, src, seq, stream, ingest, c0, c1, ..., ov)
 *       One row per event, id = load order. ts/ingest are integer ms.
 *       The first fields met get a column of their own ("promoted", up to
 *       STORE_MAX_COLS in a full index; every field the query reads in a
 *       one-shot index). Columns are added with ALTER TABLE as fields are
 *       discovered, so early rows do not pay for later columns. Every other
 *       field goes into `ov`, a compact per-event blob read back by the SQL
 *       function tq_xf(ov, field_id) — a linear scan of a few bytes, not a
 *       JSON parse (json_extract re-parses per row: docs/performance.md).
 *   raw(id, msg)       @message, kept out of the table queries scan.
 *   sources(id, path, base, type, size, mtime, n_events, n_errors)
 *   fields(id, name, col, kinds, n_events)    the catalogue
 *   meta(key, value)                          schema version, options
 *
 * A temporary index (path NULL) is SQLite's private temporary database:
 * its file is unlinked by SQLite itself, so it disappears when the process
 * ends, however it ends.
 *
 * Ownership: store_open returns a store the caller closes with
 * store_close(). Field records returned by the catalogue functions belong
 * to the store and stay valid until store_close().
 */
#ifndef TRAILQ_STORE_H
#define TRAILQ_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "index/record.h"
#include "base/strbuf.h"

/* Promoted columns in a full index; the rest of the fields go to `ov`.
 * Indexes store_ensure_index builds at most (each costs space and slows
 * later loads into the same file). */
enum { STORE_MAX_COLS = 96, STORE_MAX_INDEXES = 16 };

struct store;

struct store_field {
    char *name;         /* dotted path */
    size_t name_len;    /* its length */
    uint64_t hash;      /* its hash (the catalogue's table) */
    int64_t id;         /* fields.id, also the key inside `ov` */
    int col;            /* events column c<col>, or -1: lives in `ov` */
    unsigned kinds;     /* bit set of enum fv_kind seen for it */
    int64_t n_events;   /* events that have it */
};

enum store_mode {
    STORE_TEMP,         /* private temporary database */
    STORE_FILE,         /* --db FILE: created if missing, else reused */
};

/* Once, before the first store_open: SQLite's process-wide settings. */
void store_library_init(void);

/* Open (and if needed create) an index. max_cols: how many fields may be
 * promoted to columns (STORE_MAX_COLS for a full index; a large number for
 * a one-shot index that only holds the fields the query reads).
 * Returns 0, or -1 with a message in err. */
int store_open(struct store **out, enum store_mode mode, const char *path, int max_cols,
               struct strbuf *err);
void store_close(struct store *s);
sqlite3 *store_db(struct store *s);

/* Does the index already hold events (a reused --db file)? */
int64_t store_n_events(struct store *s);

/* Bulk load: begin, add sources and batches, commit. */
int store_begin(struct store *s, struct strbuf *err);
/* Register an input; returns its id (> 0), or -1 with err set. */
int64_t store_add_source(struct store *s, const char *path, const char *type, int64_t size,
                         int64_t mtime, struct strbuf *err);
/* After the source was read: its event and error counts. */
int store_finish_source(struct store *s, int64_t source_id, int64_t n_events, int64_t n_errors,
                        struct strbuf *err);
/* Insert every record of the batch (the batch is not modified). */
int store_add_batch(struct store *s, int64_t source_id, const struct rec_batch *b,
                    struct strbuf *err);
/* Save the catalogue and commit. */
int store_commit(struct store *s, struct strbuf *err);

/* Look a source up by path (for --db re-use): its id, size and mtime, or
 * 0 when unknown. */
int64_t store_find_source(struct store *s, const char *path, int64_t *size, int64_t *mtime);
/* Remove a source and its events (a changed input about to be re-read). */
int store_drop_source(struct store *s, int64_t source_id, struct strbuf *err);

/* The catalogue. */
const struct store_field *store_field(struct store *s, const char *name);
/* Is there any field below name (name is an object or array)? */
bool store_has_children(struct store *s, const char *name);
size_t store_n_fields(struct store *s);
/* Fields in name order. */
const struct store_field *store_field_at(struct store *s, size_t i);

/* Create an index over these fields (dotted names, or "@timestamp") if
 * there is none yet: a speed-up for a long-lived index (--db, the REPL),
 * built once and kept in the file. Unknown fields: nothing is done.
 * Failure is not an error (the query still runs, only slower). */
void store_ensure_index(struct store *s, const char *const *fields, size_t n);

/* The index of the default newest-first order (ts DESC, id), made once:
 * with it "limit 20" reads 20 events instead of sorting all of them.
 * Not counted in STORE_MAX_INDEXES. Failure is not an error. */
void store_ensure_time_index(struct store *s);

/* Switch from loading to querying: SQLite's default 2 MB page cache. The
 * 32 MB the bulk load wants only costs a query page faults on fresh memory
 * (1 GB index, count by a 36k-value field: 144 -> 124 ms), and a large
 * sort runs as fast or faster with the small one. */
void store_for_queries(struct store *s);

#endif
