/*
 * lookup.c — reading lookup tables and copying them into the index's
 * connection (see lookup.h).
 */
#include "cmd/lookup.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* The cells of one table: rows x columns, NULL for a missing value. */
struct lookup_rows {
    char **names;        /* the column names (owned) */
    size_t n_cols, cap_cols;
    char **cells;        /* n_rows * n_cols, row-major (owned) */
    size_t n_rows, cap_cells;
    char *name, *path, *sql_name;
};

static void rows_free(struct lookup_rows *r)
{
    for (size_t i = 0; i < r->n_cols; i++)
        free(r->names[i]);
    free(r->names);
    for (size_t i = 0; i < r->n_rows * r->n_cols; i++)
        free(r->cells[i]);
    free(r->cells);
    free(r->name);
    free(r->path);
    free(r->sql_name);
    *r = (struct lookup_rows){0};
}

static bool read_file(const char *path, struct strbuf *text, struct strbuf *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        return false;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_append(text, buf, n);
    bool bad = ferror(fp);
    fclose(fp);
    if (bad)
        sb_printf(err, "%s: read error", path);
    return !bad;
}

/* ---- CSV (RFC 4180) ---- */

/* One record from *p (advanced past it, and past its line end). Fields go
 * to out (owned strings; NULL for an empty unquoted field). *line counts
 * the lines read. Returns false with err set on a malformed record. */
static bool csv_record(const char **p, const char *end, char ***out, size_t *n, size_t *cap,
                       size_t *line, const char *path, struct strbuf *err)
{
    *n = 0;
    size_t start_line = *line;
    for (;;) {
        struct strbuf f = STRBUF_INIT;
        bool quoted = false;
        if (*p < end && **p == '"') {
            quoted = true;
            (*p)++;
            for (;;) {
                if (*p >= end) {
                    sb_free(&f);
                    sb_printf(err, "%s:%zu: a quoted field is not closed", path, start_line);
                    return false;
                }
                if (**p == '"') {
                    if (*p + 1 < end && (*p)[1] == '"') {
                        sb_putc(&f, '"');
                        *p += 2;
                        continue;
                    }
                    (*p)++;
                    break;
                }
                if (**p == '\n')
                    (*line)++;
                sb_putc(&f, **p);
                (*p)++;
            }
            if (*p < end && **p != ',' && **p != '\n' && **p != '\r') {
                sb_free(&f);
                sb_printf(err, "%s:%zu: text after a closing quote", path, *line);
                return false;
            }
        } else {
            while (*p < end && **p != ',' && **p != '\n' && **p != '\r') {
                if (**p == '"') {
                    sb_free(&f);
                    sb_printf(err, "%s:%zu: a quote inside an unquoted field", path, *line);
                    return false;
                }
                sb_putc(&f, **p);
                (*p)++;
            }
        }
        *out = xgrow(*out, cap, *n + 1, sizeof **out);
        (*out)[(*n)++] = f.len || quoted ? (f.buf ? sb_detach(&f) : xstrdup("")) : NULL;
        sb_free(&f);
        if (*p < end && **p == ',') {
            (*p)++;
            continue;
        }
        if (*p < end && **p == '\r')
            (*p)++;
        if (*p < end && **p == '\n')
            (*p)++;
        (*line)++;
        return true;
    }
}

static bool load_csv(struct lookup_rows *r, const char *s, size_t len, struct strbuf *err)
{
    const char *p = s, *end = s + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    size_t line = 1;
    char **fields = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    if (p >= end) {
        sb_printf(err, "%s: empty file: a lookup table needs a header row", r->path);
        return false;
    }
    ok = csv_record(&p, end, &fields, &n, &cap, &line, r->path, err);
    for (size_t i = 0; ok && i < n; i++) {
        if (!fields[i] || !fields[i][0]) {
            sb_printf(err, "%s:1: column %zu of the header has no name", r->path, i + 1);
            ok = false;
            break;
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(fields[k], fields[i]) == 0) {
                sb_printf(err, "%s:1: the header names column '%s' twice", r->path, fields[i]);
                ok = false;
                break;
            }
    }
    if (ok) {
        r->names = fields;
        r->n_cols = r->cap_cols = n;
        fields = NULL;
        n = cap = 0;
    }
    while (ok && p < end) {
        size_t at = line;
        if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n')) {
            p += *p == '\r' ? 2 : 1;
            line++;
            continue; /* a blank line */
        }
        if (!csv_record(&p, end, &fields, &n, &cap, &line, r->path, err)) {
            ok = false;
            break;
        }
        if (n != r->n_cols) {
            sb_printf(err, "%s:%zu: %zu field%s, but the header has %zu", r->path, at, n,
                      n == 1 ? "" : "s", r->n_cols);
            ok = false;
            break;
        }
        r->cells = xgrow(r->cells, &r->cap_cells, (r->n_rows + 1) * r->n_cols, sizeof *r->cells);
        memcpy(r->cells + r->n_rows * r->n_cols, fields, n * sizeof *fields);
        r->n_rows++;
        n = 0;
    }
    for (size_t i = 0; i < n; i++)
        free(fields[i]);
    free(fields);
    return ok;
}

/* ---- JSON lines ---- */

static size_t column_of(struct lookup_rows *r, const char *name)
{
    for (size_t i = 0; i < r->n_cols; i++)
        if (strcmp(r->names[i], name) == 0)
            return i;
    /* a new column: widen the rows read so far */
    size_t old = r->n_cols;
    char **cells = xcalloc((r->n_rows ? r->n_rows : 1) * (old + 1), sizeof *cells);
    for (size_t row = 0; row < r->n_rows; row++)
        for (size_t c = 0; c < old; c++)
            cells[row * (old + 1) + c] = r->cells[row * old + c];
    free(r->cells);
    r->cells = cells;
    r->cap_cells = (r->n_rows ? r->n_rows : 1) * (old + 1);
    r->names = xgrow(r->names, &r->cap_cols, old + 1, sizeof *r->names);
    r->names[old] = xstrdup(name);
    r->n_cols = old + 1;
    return old;
}

static char *json_cell(json_t *v)
{
    if (json_is_null(v))
        return NULL;
    if (json_is_string(v))
        return xstrndup(json_string_value(v), json_string_length(v));
    char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!text)
        return NULL;
    char *copy = xstrdup(text);
    free(text);
    return copy;
}

static bool load_jsonl(struct lookup_rows *r, const char *s, size_t len, struct strbuf *err)
{
    size_t line = 0;
    const char *p = s, *end = s + len;
    while (p < end) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < e) {
            json_error_t je;
            json_t *obj = json_loadb(p, (size_t)(e - p), 0, &je);
            if (!obj || !json_is_object(obj)) {
                sb_printf(err, "%s:%zu: %s", r->path, line,
                          obj ? "not a JSON object" : je.text);
                json_decref(obj);
                return false;
            }
            const char *key;
            json_t *v;
            r->cells = xgrow(r->cells, &r->cap_cells, (r->n_rows + 1) * (r->n_cols ? r->n_cols : 1),
                             sizeof *r->cells);
            for (size_t c = 0; c < r->n_cols; c++)
                r->cells[r->n_rows * r->n_cols + c] = NULL;
            r->n_rows++;
            json_object_foreach(obj, key, v) {
                size_t c = column_of(r, key);
                char **cell = &r->cells[(r->n_rows - 1) * r->n_cols + c];
                free(*cell);
                *cell = json_cell(v);
            }
            json_decref(obj);
        }
        p = nl ? nl + 1 : end;
    }
    if (r->n_cols == 0) {
        sb_printf(err, "%s: no JSON object with a key: a lookup table needs columns", r->path);
        return false;
    }
    return true;
}

/* ---- the set ---- */

static bool valid_name(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return false;
    }
    return true;
}

/* Point set->tables[i] at the rows of table i (after the arrays grew). */
static void refresh(struct lookup_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        struct lookup_rows *r = &set->rows[i];
        set->tables[i] = (struct lookup_table){.name = r->name, .sql_name = r->sql_name,
                                               .columns = (const char *const *)r->names,
                                               .n_columns = r->n_cols, .path = r->path};
    }
}

int lookup_add_file(struct lookup_set *set, const char *name, const char *path,
                    struct strbuf *err)
{
    if (!valid_name(name, strlen(name))) {
        sb_printf(err, "invalid lookup table name '%s' (letters, digits, '_' and '-')", name);
        return -1;
    }
    struct lookup_rows r = {.name = xstrdup(name), .path = xstrdup(path)};
    struct strbuf text = STRBUF_INIT;
    bool ok = read_file(path, &text, err);
    if (ok) {
        const char *s = text.buf ? text.buf : "";
        size_t k = 0;
        while (k < text.len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n'))
            k++;
        ok = k < text.len && s[k] == '{' ? load_jsonl(&r, s, text.len, err)
                                         : load_csv(&r, s, text.len, err);
    }
    sb_free(&text);
    if (!ok) {
        rows_free(&r);
        return -1;
    }
    size_t at = set->n;
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->rows[i].name, name) == 0)
            at = i;
    if (at == set->n) {
        if (set->n == set->cap) {
            set->cap = set->cap ? 2 * set->cap : 4;
            set->rows = xrealloc(set->rows, set->cap * sizeof *set->rows);
            set->tables = xrealloc(set->tables, set->cap * sizeof *set->tables);
            set->installed = xrealloc(set->installed, set->cap * sizeof *set->installed);
        }
        set->n++;
    } else {
        rows_free(&set->rows[at]);
    }
    /* a fresh temporary table for each file read, so a replaced table is a new one */
    r.sql_name = xasprintf("lk%zu", ++set->serial);
    set->rows[at] = r;
    set->installed[at] = false;
    refresh(set);
    return 0;
}

int lookup_add(struct lookup_set *set, const char *spec, struct strbuf *err)
{
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec || !eq[1]) {
        sb_printf(err, "invalid --lookup '%s' (expected NAME=FILE)", spec);
        return -1;
    }
    char *name = xstrndup(spec, (size_t)(eq - spec));
    int rc = lookup_add_file(set, name, eq + 1, err);
    free(name);
    return rc;
}

static int exec(sqlite3 *db, const char *sql, struct strbuf *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        sb_printf(err, "cannot create a lookup table: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

void lookup_connection_changed(struct lookup_set *set)
{
    for (size_t t = 0; t < set->n; t++)
        set->installed[t] = false;
}

int lookup_install(struct lookup_set *set, sqlite3 *db, struct strbuf *err)
{
    for (size_t t = 0; t < set->n; t++) {
        if (set->installed[t])
            continue;
        const struct lookup_rows *r = &set->rows[t];
        struct strbuf sql = STRBUF_INIT;
        sb_printf(&sql, "DROP TABLE IF EXISTS temp.%s; CREATE TEMP TABLE %s (", r->sql_name,
                  r->sql_name);
        for (size_t c = 0; c < r->n_cols; c++)
            sb_printf(&sql, "%sc%zu TEXT", c ? ", " : "", c);
        sb_puts(&sql, ");");
        for (size_t c = 0; c < r->n_cols; c++)
            sb_printf(&sql, " CREATE INDEX temp.%s_i%zu ON %s (c%zu);", r->sql_name, c, r->sql_name,
                      c);
        int rc = exec(db, sb_str(&sql), err);
        sb_reset(&sql);
        if (rc) {
            sb_free(&sql);
            return -1;
        }
        sb_printf(&sql, "INSERT INTO %s VALUES (", r->sql_name);
        for (size_t c = 0; c < r->n_cols; c++)
            sb_puts(&sql, c ? ", ?" : "?");
        sb_puts(&sql, ")");
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sb_str(&sql), -1, &st, NULL) != SQLITE_OK) {
            sb_printf(err, "cannot fill lookup table '%s': %s", r->name, sqlite3_errmsg(db));
            sb_free(&sql);
            return -1;
        }
        sb_free(&sql);
        exec(db, "SAVEPOINT lookup", err);
        for (size_t row = 0; row < r->n_rows; row++) {
            for (size_t c = 0; c < r->n_cols; c++) {
                const char *cell = r->cells[row * r->n_cols + c];
                if (cell)
                    sqlite3_bind_text(st, (int)c + 1, cell, -1, SQLITE_STATIC);
                else
                    sqlite3_bind_null(st, (int)c + 1);
            }
            if (sqlite3_step(st) != SQLITE_DONE) {
                sb_printf(err, "cannot fill lookup table '%s': %s", r->name, sqlite3_errmsg(db));
                sqlite3_finalize(st);
                exec(db, "ROLLBACK TO lookup; RELEASE lookup", err);
                return -1;
            }
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        if (exec(db, "RELEASE lookup", err))
            return -1;
        set->installed[t] = true;
    }
    return 0;
}

void lookup_free(struct lookup_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        rows_free(&set->rows[i]);
    free(set->rows);
    free(set->tables);
    free(set->installed);
    *set = (struct lookup_set){0};
}
