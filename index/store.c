/*
 * store.c — the SQLite index (see store.h for the layout and why).
 *
 * Loading is one long transaction with journal and sync off; the insert
 * statement is prepared once per column layout and re-prepared only when a
 * newly discovered field is promoted to a column. Field names are mapped to
 * catalogue entries through an open-addressing hash table owned here.
 */
#include "index/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/overflow.h"
#include "index/subtree.h"
#include "base/xalloc.h"

enum { SCHEMA_VERSION = 1 };

struct store {
    sqlite3 *db;
    enum store_mode mode;
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

    /* per-record scratch */
    const struct rec_field **colv; /* value per promoted column */
    size_t n_colv, cap_colv;       /* slots in use (all NULL between records) */
    struct strbuf ov;              /* overflow blob being built */
    int64_t *seen_stamp;           /* per field: last record that counted it */
    size_t cap_seen;
};

static int exec(sqlite3 *db, const char *sql, struct strbuf *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err)
            sb_printf(err, "index: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int fail_db(struct store *s, struct strbuf *err, const char *what)
{
    sb_printf(err, "index: %s: %s", what, sqlite3_errmsg(s->db));
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
    "CREATE TABLE IF NOT EXISTS sources(id INTEGER PRIMARY KEY, path TEXT NOT NULL,"
    " base TEXT NOT NULL, type TEXT, size INTEGER, mtime INTEGER, n_events INTEGER,"
    " n_errors INTEGER);"
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
    if (sqlite3_prepare_v2(s->db, "SELECT coalesce(max(id), 0) + 1 FROM events", -1, &st, NULL) !=
        SQLITE_OK)
        return fail_db(s, err, "reading the index");
    if (sqlite3_step(st) == SQLITE_ROW)
        s->next_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return 0;
}

static int check_version(struct store *s, struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    int64_t version = 0;
    bool found = false;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st,
                           NULL) != SQLITE_OK)
        return fail_db(s, err, "reading the index");
    if (sqlite3_step(st) == SQLITE_ROW) {
        version = sqlite3_column_int64(st, 0);
        found = true;
    }
    sqlite3_finalize(st);
    if (!found) {
        char sql[128];
        snprintf(sql, sizeof sql,
                 "INSERT INTO meta(key, value) VALUES('schema_version', %d)", SCHEMA_VERSION);
        return exec(s->db, sql, err);
    }
    if (version != SCHEMA_VERSION) {
        sb_printf(err, "index: this file was made by a different trailq (schema %lld, want %d)",
                  (long long)version, SCHEMA_VERSION);
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

int store_open(struct store **out, enum store_mode mode, const char *path, int max_cols,
               struct strbuf *err)
{
    struct store *s = xcalloc(1, sizeof *s);
    s->mode = mode;
    s->max_cols = max_cols;
    s->next_id = 1;
    *out = NULL;
    const char *file = mode == STORE_TEMP ? "" : path;
    /* NOMUTEX: only one thread ever uses the connection, and the default
     * serialized mode takes a mutex in every call (every bind of every
     * column of every event). */
    int rc = sqlite3_open_v2(file, &s->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        sb_printf(err, "cannot open index %s: %s", path ? path : "(temporary)",
                  s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    /* Bulk-load settings (docs/performance.md): no journal, no fsync, a large cache. A
     * --db file keeps a rollback journal off too: a crash mid-load leaves a
     * file to delete, never wrong answers from a half-loaded one, because
     * the catalogue is written in the same transaction. */
    if (exec(s->db,
             "PRAGMA page_size = 8192; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
             "PRAGMA cache_size = -32768; PRAGMA locking_mode = EXCLUSIVE;"
             "PRAGMA temp_store = FILE; PRAGMA threads = 2;",
             err))
        goto fail;
    if (overflow_register(s->db) != SQLITE_OK || subtree_register(s->db) != SQLITE_OK) {
        sb_printf(err, "index: cannot register functions: %s", sqlite3_errmsg(s->db));
        goto fail;
    }
    if (exec(s->db, schema_sql, err) || check_version(s, err) || load_catalogue(s, err))
        goto fail;
    *out = s;
    return 0;
fail:
    store_close(s);
    return -1;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->ins_event);
    sqlite3_finalize(s->ins_raw);
    if (s->db)
        sqlite3_close_v2(s->db);
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

int64_t store_n_events(struct store *s)
{
    return s->next_id - 1;
}

int store_begin(struct store *s, struct strbuf *err)
{
    if (s->in_txn)
        return 0;
    if (exec(s->db, "BEGIN", err))
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
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO sources(path, base, type, size, mtime, n_events, n_errors)"
                           " VALUES(?, ?, ?, ?, ?, 0, 0)",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "adding an input");
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, strcmp(path, "-") == 0 ? "-" : base_name(path), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, size);
    sqlite3_bind_int64(st, 5, mtime);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail_db(s, err, "adding an input");
    return sqlite3_last_insert_rowid(s->db);
}

int store_finish_source(struct store *s, int64_t source_id, int64_t n_events, int64_t n_errors,
                        struct strbuf *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "UPDATE sources SET n_events = ?, n_errors = ? WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "updating an input");
    sqlite3_bind_int64(st, 1, n_events);
    sqlite3_bind_int64(st, 2, n_errors);
    sqlite3_bind_int64(st, 3, source_id);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : fail_db(s, err, "updating an input");
}

int64_t store_find_source(struct store *s, const char *path, int64_t *size, int64_t *mtime)
{
    sqlite3_stmt *st = NULL;
    int64_t id = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT id, size, mtime FROM sources WHERE path = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        *size = sqlite3_column_int64(st, 1);
        *mtime = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    return id;
}

int store_drop_source(struct store *s, int64_t source_id, struct strbuf *err)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "DELETE FROM raw WHERE id IN (SELECT id FROM events WHERE src = %lld);"
             "DELETE FROM events WHERE src = %lld; DELETE FROM sources WHERE id = %lld;",
             (long long)source_id, (long long)source_id, (long long)source_id);
    return exec(s->db, sql, err);
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
        if (exec(s->db, sql, err))
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
        if (rec->ts != TS_NONE)
            sqlite3_bind_int64(st, 2, rec->ts);
        else
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

int store_commit(struct store *s, struct strbuf *err)
{
    if (!s->in_txn)
        return 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO fields(id, name, col, kinds, n_events)"
                           " VALUES(?, ?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK)
        return fail_db(s, err, "saving the field catalogue");
    for (size_t i = 0; i < s->n_fields; i++) {
        const struct store_field *f = s->fields[i];
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
    sqlite3_finalize(s->ins_event);
    sqlite3_finalize(s->ins_raw);
    s->ins_event = s->ins_raw = NULL;
    s->ins_cols = -1;
    if (exec(s->db, "COMMIT", err))
        return -1;
    s->in_txn = false;
    return 0;
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
        sqlite3_exec(s->db, sb_str(&sql), NULL, NULL, NULL);
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
    sqlite3_exec(s->db, "CREATE INDEX IF NOT EXISTS tq_time ON events(ts DESC, id)", NULL, NULL,
                 NULL);
}
