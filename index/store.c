/*
 * store.c — the SQLite index (see store.h for the layout and why).
 *
 * A temporary index and a new --db index are loaded in one long
 * transaction with journal and sync off (a new --db index is built in a
 * temporary file that only becomes the index when complete); an existing
 * --db index is in WAL mode and loads in transactions of whole sources.
 * The insert statement is prepared once per column layout and re-prepared
 * only when a newly discovered field is promoted to a column. Field names
 * are mapped to catalogue entries through an open-addressing hash table
 * owned here; entries changed since the last commit are marked dirty and
 * only those are saved.
 */
#include "index/store.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/dbfile.h"
#include "index/overflow.h"
#include "index/subtree.h"
#include "base/xalloc.h"

/* Scopes of up to this many id ranges are written into the SQL; more go
 * to a temporary table. */
enum { SCOPE_INLINE_RANGES = 64 };

/* How long an existing index waits for SQLite's write lock (a reader
 * building an index for its query holds it for a moment). */
enum { BUSY_TIMEOUT_MS = 10000 };

struct store {
    sqlite3 *db;
    enum store_mode mode;
    char *name;                   /* what messages call it */
    int max_cols;                 /* promotion limit */
    int n_cols;                   /* columns c0..c(n_cols-1) exist */

    struct store_field **fields;  /* catalogue, in discovery order */
    size_t n_fields, cap_fields;
    struct store_field **sorted;  /* by name, built on demand */
    bool sorted_valid;
    size_t *slots;                /* hash table of indexes+1 into fields; 0 = empty */
    size_t n_slots;

    sqlite3_stmt *ins_event;      /* prepared for n_cols columns */
    int ins_cols;
    sqlite3_stmt *ins_raw;
    int64_t next_id;              /* id of the next event */
    bool in_txn;

    /* the current source, between store_add_source and its finish */
    int64_t cur_src;              /* its id, 0 when none */
    int64_t cur_first_id;         /* id of its first event */
    int64_t cur_min_ts, cur_max_ts; /* its @timestamp range, TS_NONE when none */

    /* per-record scratch */
    const struct rec_field **colv; /* value per promoted column */
    size_t n_colv, cap_colv;       /* slots in use (all NULL between records) */
    struct strbuf ov;              /* overflow blob being built */
    int64_t *seen_stamp;           /* per field: last record that counted it */
    size_t cap_seen;
};

/* Run sql; on failure the message names the index ("index" for a
 * temporary one, else the --db file). */
static int cmp_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int exec_named(sqlite3 *db, const char *name, const char *sql, struct strbuf *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err)
            sb_printf(err, "%s: %s", name, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

#define exec(s, sql, err) exec_named((s)->db, (s)->name, (sql), (err))

static int fail_db(struct store *s, struct strbuf *err, const char *what)
{
    sb_printf(err, "%s: %s: %s", s->name, what, sqlite3_errmsg(s->db));
    return -1;
}

/* ---- hash table of field names ---- */

/* A field name's hash: eight bytes at a time (this runs for every field of
 * every event loaded: ~12 million times per GB of CloudTrail). */
static uint64_t hash_name(const char *p, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, p, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 29);
}

static void rehash(struct store *s, size_t n_slots)
{
    free(s->slots);
    s->slots = xcalloc(n_slots, sizeof *s->slots);
    s->n_slots = n_slots;
    for (size_t i = 0; i < s->n_fields; i++) {
        size_t h = (size_t)s->fields[i]->hash & (n_slots - 1);
        while (s->slots[h])
            h = (h + 1) & (n_slots - 1);
        s->slots[h] = i + 1;
    }
}

static struct store_field *lookup_n(struct store *s, const char *name, size_t n)
{
    if (!s->n_slots)
        return NULL;
    uint64_t hv = hash_name(name, n);
    size_t h = (size_t)hv & (s->n_slots - 1);
    while (s->slots[h]) {
        struct store_field *f = s->fields[s->slots[h] - 1];
        if (f->hash == hv && f->name_len == n && memcmp(f->name, name, n) == 0)
            return f;
        h = (h + 1) & (s->n_slots - 1);
    }
    return NULL;
}

static struct store_field *add_field(struct store *s, const char *name, size_t n, int64_t id,
                                     int col)
{
    struct store_field *f = xcalloc(1, sizeof *f);
    f->name = xstrndup(name, n);
    f->name_len = n;
    f->hash = hash_name(name, n);
    f->id = id;
    f->col = col;
    s->fields = xgrow(s->fields, &s->cap_fields, s->n_fields + 1, sizeof *s->fields);
    s->fields[s->n_fields++] = f;
    s->sorted_valid = false;
    if (s->n_fields * 2 > s->n_slots)
        rehash(s, s->n_slots ? s->n_slots * 2 : 256);
    else {
        size_t h = (size_t)f->hash & (s->n_slots - 1);
        while (s->slots[h])
            h = (h + 1) & (s->n_slots - 1);
        s->slots[h] = s->n_fields;
    }
    return f;
}

/* ---- schema ---- */

static const char *const schema_sql =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS sources(id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE,"
    " path TEXT NOT NULL, base TEXT NOT NULL, type TEXT, size INTEGER, mtime INTEGER,"
    " n_events INTEGER, n_errors INTEGER, n_skipped INTEGER, first_ts INTEGER,"
    " last_ts INTEGER, loaded_at INTEGER, first_id INTEGER, last_id INTEGER);"
    "CREATE TABLE IF NOT EXISTS source_paths(path TEXT NOT NULL, src INTEGER NOT NULL,"
    " dev INTEGER, ino INTEGER, size INTEGER, mtime_ns INTEGER, PRIMARY KEY(path, src))"
    " WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS source_paths_src ON source_paths(src);"
    "CREATE TABLE IF NOT EXISTS fields(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    " col INTEGER NOT NULL, kinds INTEGER NOT NULL, n_events INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, ts INTEGER, src INTEGER,"
    " seq INTEGER, stream TEXT, ingest INTEGER, ov BLOB);"
    "CREATE TABLE IF NOT EXISTS raw(id INTEGER PRIMARY KEY, msg TEXT);";

static int load_catalogue(struct store *s, struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT id, name, col, kinds, n_events FROM fields ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "reading the field catalogue");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *nm = (const char *)sqlite3_column_text(st, 1);
        struct store_field *f = add_field(s, nm, strlen(nm), sqlite3_column_int64(st, 0),
                                          sqlite3_column_int(st, 2));
        f->kinds = (unsigned)sqlite3_column_int(st, 3);
        f->n_events = sqlite3_column_int64(st, 4);
        if (f->col >= s->n_cols)
            s->n_cols = f->col + 1;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail_db(s, err, "reading the field catalogue");
    /* at least 1 whatever the file holds: store_add_batch relies on it */
    if (sqlite3_prepare_v2(s->db, "SELECT max(coalesce(max(id), 0), 0) + 1 FROM events", -1, &st,
                           NULL) != SQLITE_OK)
        return fail_db(s, err, "reading the index");
    if (sqlite3_step(st) == SQLITE_ROW)
        s->next_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return 0;
}

/* An existing index: SQLite's own view of the marks dbfile_inspect read. */
static int check_marks(struct store *s, struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    int64_t app = 0, version = 0;
    if (sqlite3_prepare_v2(s->db, "PRAGMA application_id", -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "reading the index");
    if (sqlite3_step(st) == SQLITE_ROW)
        app = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "reading the index");
    if (sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if ((uint32_t)app != DBFILE_APP_ID || version != DBFILE_SCHEMA) {
        sb_printf(err, "%s is not a trailq index of schema %d; it was left as it is", s->name,
                  DBFILE_SCHEMA);
        return -1;
    }
    return 0;
}

void store_library_init(void)
{
    /* No allocation statistics: they take a mutex on every SQLite malloc
     * (a count_distinct query on a 1 GB index: 5% of its time). */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    /* Sorts of up to 1024 pages (8 MiB) stay in memory. SQLite's sorter
     * otherwise spills at the page cache's size, and queries run with a
     * 2 MB cache (store_for_queries): sorting the 36k groups of a stats
     * wrote and re-read temporary files (91 -> 80 ms end to end). */
    sqlite3_config(SQLITE_CONFIG_PMASZ, 1024);
}

int store_open(struct store **out, enum store_mode mode, const char *path, const char *name,
               int max_cols, struct strbuf *err)
{
    struct store *s = xcalloc(1, sizeof *s);
    s->mode = mode;
    s->name = xstrdup(name ? name : "index");
    s->max_cols = max_cols;
    s->next_id = 1;
    *out = NULL;
    const char *file = mode == STORE_TEMP ? "" : path;
    /* NOMUTEX: only one thread ever uses the connection, and the default
     * serialized mode takes a mutex in every call (every bind of every
     * column of every event). An existing index is never created here. */
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                (mode == STORE_FILE ? 0 : SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(file, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        sb_printf(err, "cannot open index %s: %s", s->name,
                  s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    if (mode == STORE_FILE) {
        /* WAL (set when the index was made): readers see the last commit
         * while a load writes; NORMAL sync: a commit is safe from a crash
         * of the process, and from power loss once checkpointed. */
        sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
        if (check_marks(s, err) ||
            exec(s,
                 "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;"
                 "PRAGMA temp_store = FILE; PRAGMA threads = 2;",
                 err))
            goto fail;
    } else {
        /* Bulk-load settings: no journal, no fsync, a large cache. A new
         * --db index is a temporary file until complete, so a crash leaves
         * nothing that could be queried. */
        if (exec(s,
                 "PRAGMA page_size = 8192; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                 "PRAGMA cache_size = -32768; PRAGMA locking_mode = EXCLUSIVE;"
                 "PRAGMA temp_store = FILE; PRAGMA threads = 2;",
                 err) ||
            exec(s, schema_sql, err))
            goto fail;
    }
    if (overflow_register(s->db) != SQLITE_OK || subtree_register(s->db) != SQLITE_OK) {
        sb_printf(err, "%s: cannot register functions: %s", s->name, sqlite3_errmsg(s->db));
        goto fail;
    }
    if (load_catalogue(s, err))
        goto fail;
    *out = s;
    return 0;
fail:
    store_close(s);
    return -1;
}

int store_mark_complete(struct store *s, struct strbuf *err)
{
    assert(s->mode == STORE_NEW && !s->in_txn); /* a whole new index, committed */
    char sql[160];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
             (int)DBFILE_APP_ID, DBFILE_SCHEMA);
    if (exec(s, sql, err))
        return -1;
    /* WAL needs the exclusive lock released first; the mode stays in the
     * file. */
    if (exec(s, "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL;", err))
        return -1;
    return 0;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->ins_event);
    sqlite3_finalize(s->ins_raw);
    if (s->db)
        sqlite3_close_v2(s->db);
    free(s->name);
    for (size_t i = 0; i < s->n_fields; i++) {
        free(s->fields[i]->name);
        free(s->fields[i]);
    }
    free(s->fields);
    free(s->sorted);
    free(s->slots);
    free(s->colv);
    free(s->seen_stamp);
    sb_free(&s->ov);
    free(s);
}

sqlite3 *store_db(struct store *s)
{
    return s->db;
}

/* One integer from a query with up to one bound integer, or dflt. */
static int64_t query_int(struct store *s, const char *sql, int64_t arg, int64_t dflt)
{
    sqlite3_stmt *st = NULL;
    int64_t v = dflt;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return dflt;
    if (sqlite3_bind_parameter_count(st) > 0)
        sqlite3_bind_int64(st, 1, arg);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int64_t store_n_events(struct store *s)
{
    return query_int(s, "SELECT coalesce(sum(n_events), 0) FROM sources", 0, 0);
}

int store_begin(struct store *s, struct strbuf *err)
{
    if (s->in_txn)
        return 0;
    /* IMMEDIATE: the write lock now, not at the first insert, so the
     * catalogue and next_id read at open stay true (trailq's own writers
     * are kept apart by the flock of index/dbfile.h). */
    if (exec(s, s->mode == STORE_FILE ? "BEGIN IMMEDIATE" : "BEGIN", err))
        return -1;
    s->in_txn = true;
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

int64_t store_add_source(struct store *s, const char *path, const char *type, int64_t size,
                         int64_t mtime, struct strbuf *err)
{
    /* one source at a time, inside the load's transaction: its events
     * take the ids from next_id on, one range (store.h) */
    assert(s->in_txn && s->cur_src == 0);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO sources(path, base, type, size, mtime, n_events, n_errors,"
                           " n_skipped) VALUES(?, ?, ?, ?, ?, 0, 0, 0)",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "adding an input");
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, strcmp(path, "-") == 0 ? "-" : base_name(path), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
    if (size >= 0)
        sqlite3_bind_int64(st, 4, size);
    if (mtime >= 0)
        sqlite3_bind_int64(st, 5, mtime);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail_db(s, err, "adding an input");
    s->cur_src = sqlite3_last_insert_rowid(s->db);
    s->cur_first_id = s->next_id;
    s->cur_min_ts = s->cur_max_ts = TS_NONE;
    return s->cur_src;
}

int store_finish_source(struct store *s, int64_t source_id, const struct source_done *d,
                        struct strbuf *err)
{
    assert(s->in_txn && source_id > 0 && source_id == s->cur_src);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "UPDATE sources SET n_events = ?, n_errors = ?, n_skipped = ?,"
                           " sha256 = ?, first_ts = ?, last_ts = ?, loaded_at = ?, first_id = ?,"
                           " last_id = ? WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "updating an input");
    int64_t n = source_id == s->cur_src ? s->next_id - s->cur_first_id : 0;
    sqlite3_bind_int64(st, 1, n);
    sqlite3_bind_int64(st, 2, d->n_errors);
    sqlite3_bind_int64(st, 3, d->n_skipped);
    if (d->sha256)
        sqlite3_bind_text(st, 4, d->sha256, -1, SQLITE_STATIC);
    if (n && s->cur_min_ts != TS_NONE) {
        sqlite3_bind_int64(st, 5, s->cur_min_ts);
        sqlite3_bind_int64(st, 6, s->cur_max_ts);
    }
    sqlite3_bind_int64(st, 7, d->loaded_at);
    if (n) {
        sqlite3_bind_int64(st, 8, s->cur_first_id);
        sqlite3_bind_int64(st, 9, s->next_id - 1);
    }
    sqlite3_bind_int64(st, 10, source_id);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    s->cur_src = 0;
    return rc == SQLITE_DONE ? 0 : fail_db(s, err, "updating an input");
}

int64_t store_find_hash(struct store *s, const char *sha256)
{
    sqlite3_stmt *st = NULL;
    int64_t id = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM sources WHERE sha256 = ?", -1, &st, NULL) !=
        SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return id;
}

int store_find_path(struct store *s, const char *path, struct store_path *out)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT src, dev, ino, size, mtime_ns FROM source_paths WHERE path = ?"
                           " ORDER BY src DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *out = (struct store_path){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                                   sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
                                   sqlite3_column_int64(st, 4)};
        found = 1;
    }
    sqlite3_finalize(st);
    return found;
}

/* Drop the name's row of source_paths; what says what for in an error. */
static int delete_path(struct store *s, const char *path, const char *what, struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "DELETE FROM source_paths WHERE path = ?", -1, &st, NULL) !=
        SQLITE_OK)
        return fail_db(s, err, what);
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : fail_db(s, err, what);
}

int store_set_path(struct store *s, const char *path, const struct store_path *p,
                   int64_t *old_src, struct strbuf *err)
{
    *old_src = 0;
    bool many = strcmp(path, "-") == 0;
    struct store_path before;
    if (!many && store_find_path(s, path, &before) && before.src != p->src)
        *old_src = before.src;
    if (!many && delete_path(s, path, "recording an input's name", err) < 0)
        return -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO source_paths(path, src, dev, ino, size, mtime_ns)"
                           " VALUES(?, ?, ?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "recording an input's name");
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, p->src);
    sqlite3_bind_int64(st, 3, p->dev);
    sqlite3_bind_int64(st, 4, p->ino);
    sqlite3_bind_int64(st, 5, p->size);
    sqlite3_bind_int64(st, 6, p->mtime_ns);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : fail_db(s, err, "recording an input's name");
}

int store_forget_path(struct store *s, const char *path, int64_t *old_src, struct strbuf *err)
{
    *old_src = 0;
    struct store_path before;
    if (strcmp(path, "-") == 0 || !store_find_path(s, path, &before))
        return 0;
    *old_src = before.src;
    return delete_path(s, path, "forgetting an input's name", err);
}

bool store_source_is_type(struct store *s, int64_t source_id, const char *type)
{
    sqlite3_stmt *st = NULL;
    bool yes = false;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sources WHERE id = ? AND type = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(st, 1, source_id);
    sqlite3_bind_text(st, 2, type, -1, SQLITE_STATIC);
    yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

int64_t store_source_names(struct store *s, int64_t source_id)
{
    return query_int(s, "SELECT count(*) FROM source_paths WHERE src = ?", source_id, 0);
}

/* The catalogue entry with this id (ids are 1, 2, ... in discovery order). */
static struct store_field *field_by_id(struct store *s, int64_t id)
{
    if (id >= 1 && (size_t)id <= s->n_fields && s->fields[id - 1]->id == id)
        return s->fields[id - 1];
    for (size_t i = 0; i < s->n_fields; i++)
        if (s->fields[i]->id == id)
            return s->fields[i];
    return NULL;
}

static void uncount_field(void *arg, int64_t id)
{
    struct store_field *f = field_by_id(arg, id);
    if (f && f->n_events > 0) {
        f->n_events--;
        f->dirty = true;
    }
}

/* Take the events lo..hi out of the catalogue's counts. */
static int uncount_range(struct store *s, int64_t lo, int64_t hi, struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    if (s->n_cols > 0) {
        struct strbuf sql = STRBUF_INIT;
        sb_puts(&sql, "SELECT ");
        for (int c = 0; c < s->n_cols; c++)
            sb_printf(&sql, "%scount(c%d)", c ? ", " : "", c);
        sb_puts(&sql, " FROM events WHERE id BETWEEN ? AND ?");
        int rc = sqlite3_prepare_v2(s->db, sb_str(&sql), -1, &st, NULL);
        sb_free(&sql);
        if (rc != SQLITE_OK)
            return fail_db(s, err, "removing an input");
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
        if (sqlite3_step(st) == SQLITE_ROW) {
            for (size_t i = 0; i < s->n_fields; i++) {
                struct store_field *f = s->fields[i];
                if (f->col >= 0 && f->col < s->n_cols) {
                    int64_t k = sqlite3_column_int64(st, f->col);
                    if (k) {
                        f->n_events = f->n_events > k ? f->n_events - k : 0;
                        f->dirty = true;
                    }
                }
            }
        }
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(s->db, "SELECT ov FROM events WHERE id BETWEEN ? AND ? AND ov NOT NULL",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "removing an input");
    sqlite3_bind_int64(st, 1, lo);
    sqlite3_bind_int64(st, 2, hi);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        overflow_each_id(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
                         uncount_field, s);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : fail_db(s, err, "removing an input");
}

int store_remove_source(struct store *s, int64_t source_id, struct strbuf *err)
{
    assert(s->in_txn && source_id > 0);
    int64_t lo, hi;
    if (source_id == s->cur_src) {
        lo = s->cur_first_id;
        hi = s->next_id - 1;
    } else {
        lo = query_int(s, "SELECT first_id FROM sources WHERE id = ?", source_id, 0);
        hi = query_int(s, "SELECT last_id FROM sources WHERE id = ?", source_id, -1);
    }
    if (lo <= hi && lo > 0) {
        if (s->ins_event) {
            sqlite3_finalize(s->ins_event);
            s->ins_event = NULL;
            s->ins_cols = -1;
        }
        if (uncount_range(s, lo, hi, err))
            return -1;
        char sql[256];
        snprintf(sql, sizeof sql,
                 "DELETE FROM raw WHERE id BETWEEN %lld AND %lld;"
                 "DELETE FROM events WHERE id BETWEEN %lld AND %lld;",
                 (long long)lo, (long long)hi, (long long)lo, (long long)hi);
        if (exec(s, sql, err))
            return -1;
    }
    char sql[160];
    snprintf(sql, sizeof sql,
             "DELETE FROM source_paths WHERE src = %lld; DELETE FROM sources WHERE id = %lld;",
             (long long)source_id, (long long)source_id);
    if (exec(s, sql, err))
        return -1;
    if (source_id == s->cur_src) {
        s->next_id = s->cur_first_id; /* the ids it took are free again */
        s->cur_src = 0;
    }
    return 0;
}

int store_sources_under(struct store *s, const char *dir, int64_t **ids, size_t *n, size_t *cap,
                        struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    /* below dir: the names between "dir/" and "dir0" ('0' follows '/') */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT DISTINCT src FROM source_paths WHERE path = ?1"
                           " OR (path > ?1 || '/' AND path < ?1 || '0')",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "reading the sources");
    sqlite3_bind_text(st, 1, strcmp(dir, "/") == 0 ? "" : dir, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *ids = xgrow(*ids, cap, *n + 1, sizeof **ids);
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : fail_db(s, err, "reading the sources");
}

int store_scope_sql(struct store *s, const int64_t *sources, size_t n, struct strbuf *sql,
                    struct strbuf *err)
{
    sqlite3_stmt *ins = NULL;
    if (exec(s,
             "DROP TABLE IF EXISTS temp.tq_scope_src;"
             "CREATE TEMP TABLE tq_scope_src(id INTEGER PRIMARY KEY)",
             err) ||
        sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO temp.tq_scope_src VALUES(?)", -1, &ins,
                           NULL) != SQLITE_OK)
        return -1;
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int64(ins, 1, sources[i]);
        sqlite3_step(ins);
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    /* the sources holding events, in id order, each marked in or out */
    int64_t *in = xcalloc(n ? n : 1, sizeof *in);
    memcpy(in, sources, n * sizeof *in);
    qsort(in, n, sizeof *in, cmp_int64);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, first_id, last_id FROM sources WHERE n_events > 0"
                           " ORDER BY first_id",
                           -1, &st, NULL) != SQLITE_OK) {
        free(in);
        return fail_db(s, err, "reading the sources");
    }
    int64_t (*runs)[2] = NULL;
    size_t n_runs = 0, cap = 0, n_out = 0;
    bool open_run = false;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        bool wanted = bsearch(&id, in, n, sizeof *in, cmp_int64) != NULL;
        if (!wanted) {
            n_out++;
            open_run = false;
            continue;
        }
        if (!open_run) {
            runs = xgrow(runs, &cap, n_runs + 1, sizeof *runs);
            runs[n_runs][0] = sqlite3_column_int64(st, 1);
            n_runs++;
            open_run = true;
        }
        runs[n_runs - 1][1] = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    free(in);
    if (rc != SQLITE_DONE) {
        free(runs);
        return fail_db(s, err, "reading the sources");
    }
    int ret = 0;
    if (n_out == 0) {
        /* every source: no condition */
    } else if (n_runs == 0) {
        sb_puts(sql, "0");
    } else if (n_runs <= SCOPE_INLINE_RANGES) {
        sb_putc(sql, '(');
        for (size_t i = 0; i < n_runs; i++)
            sb_printf(sql, "%se.id BETWEEN %lld AND %lld", i ? " OR " : "", (long long)runs[i][0],
                      (long long)runs[i][1]);
        sb_putc(sql, ')');
    } else if (exec(s,
                    "DROP TABLE IF EXISTS temp.tq_scope;"
                    "CREATE TEMP TABLE tq_scope(lo INTEGER PRIMARY KEY, hi INTEGER NOT NULL)",
                    err) ||
               sqlite3_prepare_v2(s->db, "INSERT INTO temp.tq_scope VALUES(?, ?)", -1, &st,
                                  NULL) != SQLITE_OK) {
        ret = -1;
    } else {
        for (size_t i = 0; i < n_runs; i++) {
            sqlite3_bind_int64(st, 1, runs[i][0]);
            sqlite3_bind_int64(st, 2, runs[i][1]);
            sqlite3_step(st);
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        sb_puts(sql, "(SELECT hi FROM temp.tq_scope WHERE lo <= e.id ORDER BY lo DESC LIMIT 1)"
                     " >= e.id");
    }
    free(runs);
    return ret;
}

/* ---- loading ---- */

static int prepare_insert(struct store *s, struct strbuf *err)
{
    sqlite3_finalize(s->ins_event);
    s->ins_event = NULL;
    struct strbuf sql = STRBUF_INIT;
    sb_puts(&sql, "INSERT INTO events(id, ts, src, seq, stream, ingest, ov");
    for (int i = 0; i < s->n_cols; i++)
        sb_printf(&sql, ", c%d", i);
    sb_puts(&sql, ") VALUES(?, ?, ?, ?, ?, ?, ?");
    for (int i = 0; i < s->n_cols; i++)
        sb_puts(&sql, ", ?");
    sb_puts(&sql, ")");
    int rc = sqlite3_prepare_v2(s->db, sb_str(&sql), -1, &s->ins_event, NULL);
    sb_free(&sql);
    if (rc != SQLITE_OK)
        return fail_db(s, err, "preparing inserts");
    s->ins_cols = s->n_cols;
    if (!s->ins_raw &&
        sqlite3_prepare_v2(s->db, "INSERT INTO raw(id, msg) VALUES(?, ?)", -1, &s->ins_raw,
                           NULL) != SQLITE_OK)
        return fail_db(s, err, "preparing inserts");
    return 0;
}

/* The catalogue entry for a field met while loading, creating (and maybe
 * promoting) it on first sight. */
static struct store_field *field_for(struct store *s, const char *name, size_t n,
                                     struct strbuf *err)
{
    struct store_field *f = lookup_n(s, name, n);
    if (f)
        return f;
    int col = -1;
    if (s->n_cols < s->max_cols) {
        char sql[64];
        snprintf(sql, sizeof sql, "ALTER TABLE events ADD COLUMN c%d", s->n_cols);
        if (exec(s, sql, err))
            return NULL;
        col = s->n_cols++;
    }
    int64_t id = s->n_fields ? s->fields[s->n_fields - 1]->id + 1 : 1;
    return add_field(s, name, n, id, col);
}

/* Make colv cover every column, new slots empty. */
static void ensure_colv(struct store *s)
{
    size_t want = (size_t)s->n_cols;
    if (s->n_colv >= want)
        return;
    s->colv = xgrow(s->colv, &s->cap_colv, want, sizeof *s->colv);
    for (size_t c = s->n_colv; c < want; c++)
        s->colv[c] = NULL;
    s->n_colv = want;
}

static void bind_value(sqlite3_stmt *st, int idx, const struct rec_batch *b,
                       const struct rec_field *f)
{
    switch (f->kind) {
    case FV_STR:
    case FV_JSON:
        sqlite3_bind_text(st, idx, rb_text(b, f->val_off), (int)f->val_len, SQLITE_STATIC);
        break;
    case FV_INT:
        sqlite3_bind_int64(st, idx, f->ival);
        break;
    case FV_REAL:
        sqlite3_bind_double(st, idx, f->dval);
        break;
    case FV_BOOL:
        sqlite3_bind_text(st, idx, f->ival ? "true" : "false", f->ival ? 4 : 5, SQLITE_STATIC);
        break;
    default:
        sqlite3_bind_null(st, idx);
    }
}

int store_add_batch(struct store *s, int64_t source_id, const struct rec_batch *b,
                    struct strbuf *err)
{
    /* the batch belongs to the source being read; ids start at 1, so a
     * seen_stamp of 0 never matches one */
    assert(s->in_txn && source_id > 0 && source_id == s->cur_src && s->next_id > 0);
    if (!s->ins_event && prepare_insert(s, err))
        return -1;
    for (size_t r = 0; r < b->n_recs; r++) {
        const struct rec *rec = &b->recs[r];
        int64_t id = s->next_id;
        /* Resolve fields first: a new column must exist before binding. */
        sb_reset(&s->ov);
        for (uint32_t k = 0; k < rec->n_fields; k++) {
            const struct rec_field *f = &b->fields[rec->first_field + k];
            struct store_field *sf = field_for(s, rb_text(b, f->name_off), f->name_len, err);
            if (!sf)
                return -1;
            size_t fi = (size_t)(sf->id);
            if (fi >= s->cap_seen) {
                size_t old_cap = s->cap_seen;
                s->seen_stamp = xgrow(s->seen_stamp, &s->cap_seen, fi + 1, sizeof *s->seen_stamp);
                memset(s->seen_stamp + old_cap, 0, (s->cap_seen - old_cap) * sizeof *s->seen_stamp);
            }
            if (s->seen_stamp[fi] == id)
                continue; /* the same path twice in one event: the first wins */
            s->seen_stamp[fi] = id;
            sf->kinds |= f->kind;
            sf->n_events++;
            sf->dirty = true;
            if (sf->col >= 0) {
                ensure_colv(s);
                s->colv[sf->col] = f;
            } else {
                overflow_append(&s->ov, sf->id, b, f);
            }
        }
        if (s->ins_cols != s->n_cols && prepare_insert(s, err))
            return -1;
        sqlite3_stmt *st = s->ins_event;
        sqlite3_bind_int64(st, 1, id);
        if (rec->ts != TS_NONE) {
            sqlite3_bind_int64(st, 2, rec->ts);
            if (s->cur_min_ts == TS_NONE || rec->ts < s->cur_min_ts)
                s->cur_min_ts = rec->ts;
            if (s->cur_max_ts == TS_NONE || rec->ts > s->cur_max_ts)
                s->cur_max_ts = rec->ts;
        } else
            sqlite3_bind_null(st, 2);
        sqlite3_bind_int64(st, 3, source_id);
        sqlite3_bind_int64(st, 4, rec->seq);
        if (rec->stream_len)
            sqlite3_bind_text(st, 5, rb_text(b, rec->stream_off), (int)rec->stream_len,
                              SQLITE_STATIC);
        else
            sqlite3_bind_null(st, 5);
        if (rec->ingest_ts != TS_NONE)
            sqlite3_bind_int64(st, 6, rec->ingest_ts);
        else
            sqlite3_bind_null(st, 6);
        if (s->ov.len)
            sqlite3_bind_blob(st, 7, s->ov.buf, (int)s->ov.len, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, 7);
        for (int c = 0; c < s->n_cols; c++) {
            const struct rec_field *f = (size_t)c < s->n_colv ? s->colv[c] : NULL;
            if (f) {
                bind_value(st, 8 + c, b, f);
                s->colv[c] = NULL;
            } else {
                sqlite3_bind_null(st, 8 + c);
            }
        }
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return fail_db(s, err, "inserting an event");
        if (rec->msg_len) {
            sqlite3_bind_int64(s->ins_raw, 1, id);
            sqlite3_bind_text(s->ins_raw, 2, rb_text(b, rec->msg_off), (int)rec->msg_len,
                              SQLITE_STATIC);
            rc = sqlite3_step(s->ins_raw);
            sqlite3_reset(s->ins_raw);
            if (rc != SQLITE_DONE)
                return fail_db(s, err, "inserting an event");
        }
        s->next_id++;
    }
    return 0;
}

/* Write the catalogue entries changed since the last save. */
static int save_catalogue(struct store *s, struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO fields(id, name, col, kinds, n_events)"
                           " VALUES(?, ?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "saving the field catalogue");
    for (size_t i = 0; i < s->n_fields; i++) {
        struct store_field *f = s->fields[i];
        if (!f->dirty)
            continue;
        sqlite3_bind_int64(st, 1, f->id);
        sqlite3_bind_text(st, 2, f->name, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, f->col);
        sqlite3_bind_int(st, 4, (int)f->kinds);
        sqlite3_bind_int64(st, 5, f->n_events);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sqlite3_finalize(st);
            return fail_db(s, err, "saving the field catalogue");
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < s->n_fields; i++)
        s->fields[i]->dirty = false;
    return 0;
}

int store_commit(struct store *s, struct strbuf *err)
{
    if (!s->in_txn)
        return 0;
    if (save_catalogue(s, err))
        return -1;
    sqlite3_finalize(s->ins_event);
    sqlite3_finalize(s->ins_raw);
    s->ins_event = s->ins_raw = NULL;
    s->ins_cols = -1;
    if (exec(s, "COMMIT", err))
        return -1;
    s->in_txn = false;
    return 0;
}

int store_checkpoint(struct store *s, struct strbuf *err)
{
    return store_commit(s, err) || store_begin(s, err) ? -1 : 0;
}

void store_rollback(struct store *s)
{
    sqlite3_finalize(s->ins_event);
    sqlite3_finalize(s->ins_raw);
    s->ins_event = s->ins_raw = NULL;
    s->ins_cols = -1;
    if (s->in_txn && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_txn = false;
}

/* ---- catalogue ---- */

const struct store_field *store_field(struct store *s, const char *name)
{
    return lookup_n(s, name, strlen(name));
}

static int cmp_field_name(const void *a, const void *b)
{
    const struct store_field *fa = *(const struct store_field *const *)a;
    const struct store_field *fb = *(const struct store_field *const *)b;
    return strcmp(fa->name, fb->name);
}

static void sort_fields(struct store *s)
{
    if (s->sorted_valid)
        return;
    free(s->sorted);
    s->sorted = xmalloc((s->n_fields ? s->n_fields : 1) * sizeof *s->sorted);
    if (s->n_fields)
        memcpy(s->sorted, s->fields, s->n_fields * sizeof *s->sorted);
    qsort(s->sorted, s->n_fields, sizeof *s->sorted, cmp_field_name);
    s->sorted_valid = true;
}

bool store_has_children(struct store *s, const char *name)
{
    sort_fields(s);
    size_t n = strlen(name);
    /* binary search for the first name >= "name." */
    size_t lo = 0, hi = s->n_fields;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(s->sorted[mid]->name, name, n);
        if (c < 0 || (c == 0 && s->sorted[mid]->name[n] < '.'))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n_fields && strncmp(s->sorted[lo]->name, name, n) == 0 &&
           s->sorted[lo]->name[n] == '.';
}

size_t store_n_fields(struct store *s)
{
    return s->n_fields;
}

const struct store_field *store_field_at(struct store *s, size_t i)
{
    sort_fields(s);
    return i < s->n_fields ? s->sorted[i] : NULL;
}

/* A speed-up written only if no other connection is writing (a load in
 * another process): a query does not wait for it. */
static void write_if_free(struct store *s, const char *sql)
{
    if (s->mode == STORE_FILE)
        sqlite3_busy_timeout(s->db, 0);
    sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    if (s->mode == STORE_FILE)
        sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
}

/* Indexes made by store_ensure_index so far (all named ix_...). */
static int index_count(struct store *s)
{
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE "
                           "'ix\\_%' ESCAPE '\\'",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

void store_ensure_index(struct store *s, const char *const *fields, size_t n)
{
    struct strbuf name = STRBUF_INIT, cols = STRBUF_INIT;
    sb_puts(&name, "ix");
    for (size_t i = 0; i < n; i++) {
        if (strcmp(fields[i], "@timestamp") == 0) {
            sb_puts(&name, "_ts");
            sb_printf(&cols, "%sts", i ? ", " : "");
            continue;
        }
        if (strncmp(fields[i], "@bin:", 5) == 0) {
            /* the compiler's bin() for a fixed period, written the same way */
            long long len = strtoll(fields[i] + 5, NULL, 10);
            if (len <= 0)
                goto out;
            sb_printf(&name, "_bin%lld", len);
            sb_printf(&cols, "%s(ts - (((ts %% %lld) + %lld) %% %lld))", i ? ", " : "", len, len,
                      len);
            continue;
        }
        const struct store_field *f = store_field(s, fields[i]);
        if (!f)
            goto out;
        if (f->col >= 0) {
            sb_printf(&name, "_c%d", f->col);
            sb_printf(&cols, "%sc%d", i ? ", " : "", f->col);
        } else {
            sb_printf(&name, "_x%lld", (long long)f->id);
            sb_printf(&cols, "%stq_xf(ov, %lld)", i ? ", " : "", (long long)f->id);
        }
    }
    if (n && index_count(s) < STORE_MAX_INDEXES) {
        struct strbuf sql = STRBUF_INIT;
        sb_printf(&sql, "CREATE INDEX IF NOT EXISTS %s ON events(%s)", sb_str(&name),
                  sb_str(&cols));
        write_if_free(s, sb_str(&sql));
        sb_free(&sql);
    }
out:
    sb_free(&name);
    sb_free(&cols);
}

void store_for_queries(struct store *s)
{
    sqlite3_exec(s->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
}

void store_ensure_time_index(struct store *s)
{
    write_if_free(s, "CREATE INDEX IF NOT EXISTS tq_time ON events(ts DESC, id)");
}
