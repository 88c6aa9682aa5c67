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
 *   sources(id, sha256, path, base, type, size, mtime, n_events, n_errors,
 *           n_skipped, first_ts, last_ts, loaded_at, first_id, last_id)
 *       One row per source: an input's bytes, known by their SHA-256 in a
 *       --db index (the same bytes under another name are the same
 *       source). path is the name it was first loaded under (@log);
 *       first_id..last_id the ids of its events (a source's events are
 *       inserted together, so they are one range).
 *   source_paths(path, src, dev, ino, size, mtime_ns)
 *       Every name a source was seen under (absolute, symbolic links
 *       resolved; "-" for standard input) with the file's state then: a
 *       later load skips a name whose file is unchanged without reading it.
 *   fields(id, name, col, kinds, n_events)    the catalogue
 *   meta(key, value)                          options
 *
 * A --db file is marked as trailq's by SQLite's application_id and
 * user_version (index/dbfile.h). A new one is built journal-less in a
 * temporary file (STORE_NEW) that index/dbfile.c renames into place when
 * complete; an existing one (STORE_FILE) is in WAL mode and every change
 * is a transaction, so a reader sees the last committed state and a load
 * that is killed leaves the state of its last commit (whole sources).
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
    bool dirty;         /* changed since the catalogue was last saved */
};

enum store_mode {
    STORE_TEMP,         /* private temporary database */
    STORE_NEW,          /* a new --db index, built in a temporary file */
    STORE_FILE,         /* an existing --db index (dbfile_inspect said so) */
};

/* Once, before the first store_open: SQLite's process-wide settings. */
void store_library_init(void);

/* Open an index: path is the file (NULL for STORE_TEMP), name what
 * messages call it (the --db argument). max_cols: how many fields may be
 * promoted to columns (STORE_MAX_COLS for a full index; a large number for
 * a one-shot index that only holds the fields the query reads).
 * Returns 0, or -1 with a message in err. */
int store_open(struct store **out, enum store_mode mode, const char *path, const char *name,
               int max_cols, struct strbuf *err);
void store_close(struct store *s);
sqlite3 *store_db(struct store *s);

/* The events the index holds. */
int64_t store_n_events(struct store *s);

/* Loading: begin, add sources and batches, commit. store_begin takes
 * SQLite's write lock (STORE_FILE: waiting at most a few seconds for a
 * reader building an index). */
int store_begin(struct store *s, struct strbuf *err);
/* Register an input about to be read; it is the current source until
 * store_finish_source or store_remove_source. Returns its id (> 0), or -1
 * with err set. */
int64_t store_add_source(struct store *s, const char *path, const char *type, int64_t size,
                         int64_t mtime, struct strbuf *err);
/* Insert every record of the batch into the current source (the batch is
 * not modified). */
int store_add_batch(struct store *s, int64_t source_id, const struct rec_batch *b,
                    struct strbuf *err);
/* What the reading of a source found, for its row. */
struct source_done {
    const char *sha256;    /* hex SHA-256 of its bytes, or NULL (not hashed) */
    int64_t n_errors;      /* problems reported */
    int64_t n_skipped;     /* records or lines that could not be read */
    int64_t loaded_at;     /* ms since the epoch */
};
/* The current source was read whole: record its counts, times and range. */
int store_finish_source(struct store *s, int64_t source_id, const struct source_done *d,
                        struct strbuf *err);
/* Take a source out: its events (and their share of the catalogue's
 * counts), its row and its names. Also for the current source, half read. */
int store_remove_source(struct store *s, int64_t source_id, struct strbuf *err);
/* Save the catalogue and commit. */
int store_commit(struct store *s, struct strbuf *err);
/* Commit what was loaded so far (whole sources) and begin again. */
int store_checkpoint(struct store *s, struct strbuf *err);
/* Give up the open transaction (after an error). */
void store_rollback(struct store *s);
/* STORE_NEW: mark the file as a complete trailq index (application_id,
 * user_version) and switch it to WAL mode, ready to be put in place. */
int store_mark_complete(struct store *s, struct strbuf *err);

/* The source whose bytes have this SHA-256, or 0. */
int64_t store_find_hash(struct store *s, const char *sha256);
/* A name a source was seen under, with the file's state then. */
struct store_path {
    int64_t src;
    int64_t dev, ino, size, mtime_ns;
};
/* Look a name up: 1 found (*out set), 0 not known. */
int store_find_path(struct store *s, const char *path, struct store_path *out);
/* Record that path now holds source p->src (the name's earlier source, if
 * another, loses it: *old_src says which, 0 if none). "-" may name many. */
int store_set_path(struct store *s, const char *path, const struct store_path *p,
                   int64_t *old_src, struct strbuf *err);
/* Forget the name: it now holds no source (its file holds no events).
 * *old_src says which source lost it, 0 if none. Not for "-". */
int store_forget_path(struct store *s, const char *path, int64_t *old_src, struct strbuf *err);
/* Was the source read as this type (input_type_name's text)? */
bool store_source_is_type(struct store *s, int64_t source_id, const char *type);
/* How many names a source has left. */
int64_t store_source_names(struct store *s, int64_t source_id);

/* Append to *ids the sources with a name equal to dir or below it (dir
 * absolute, without a trailing slash). */
int store_sources_under(struct store *s, const char *dir, int64_t **ids, size_t *n, size_t *cap,
                        struct strbuf *err);

/* The condition on events (table alias e) that keeps the events of these
 * sources and no other, appended to sql: empty when they are every source
 * of the index, "0" when they hold no event. Ranges of ids, as a source's
 * events are one range. The sources are also put in the temporary table
 * temp.tq_scope_src(id) (for --files). Returns 0, or -1 with err set. */
int store_scope_sql(struct store *s, const int64_t *sources, size_t n, struct strbuf *sql,
                    struct strbuf *err);

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
