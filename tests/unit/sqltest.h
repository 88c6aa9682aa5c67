/*
 * sqltest.h — helpers for the unit tests of the SQL functions (query/sqlfn_*.c),
 * which run statements against an in-memory SQLite database and look at
 * the first column of the result. Two styles, each shared by several tests:
 *
 *     struct sqlt_row r = {0};          sqlite3_open(":memory:", &r.db);
 *     EXPECT_TEXT("SELECT ...", "x");   two checks: a TEXT result, equal to "x"
 *     EXPECT_INT(sql, 42);              two checks: an INTEGER, equal to 42
 *     EXPECT_REAL(sql, 2.5);            two checks: a FLOAT, within 1e-9 relative
 *     EXPECT_NULL(sql);                 one check: a NULL result
 *     sqlt_run(&r, sql);                run only; then look at r.type, r.i, r.text
 *
 * (the EXPECT_* macros use a local `struct sqlt_row r`), and, with locals
 * `sqlite3 *db`, `char b[SQLT_QBUF]` and `struct strbuf sb`:
 *
 *     CHECK_STR(Q("SELECT 1"), "I:1");           first value as "<type>:<text>"
 *     CHECK_STR(QALL("SELECT 1, 2"), "1|2");     every row, '|' and ';' joined
 *     EXEC("CREATE TABLE ...");                  run; a failure is said on stderr
 *
 * Everything here is static inline or a macro (like testhelp.h): include it
 * after testhelp.h. Returned strings live in the caller's buffers.
 */
#ifndef TRAILQ_SQLTEST_H
#define TRAILQ_SQLTEST_H

#include <math.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "base/strbuf.h"
#include "tests/unit/testhelp.h"

/* The first column of the first row of the last statement run. */
struct sqlt_row {
    sqlite3 *db;     /* the database statements run in (the caller's) */
    int type;        /* SQLITE_INTEGER ... SQLITE_NULL, or -1 on error */
    long long i;     /* as integer */
    double d;        /* as double */
    char text[512];  /* as text, or the error message */
};

/* Run sql in r->db and keep the first column of its first row in r. An
 * error (or no row) sets r->type to -1 and is noted on stderr. */
static inline void sqlt_run(struct sqlt_row *r, const char *sql)
{
    sqlite3_stmt *st = NULL;
    r->type = -1;
    r->i = 0;
    r->d = 0;
    r->text[0] = '\0';
    int rc = sqlite3_prepare_v2(r->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        r->type = sqlite3_column_type(st, 0);
        r->i = sqlite3_column_int64(st, 0);
        r->d = sqlite3_column_double(st, 0);
        const unsigned char *t = sqlite3_column_text(st, 0);
        snprintf(r->text, sizeof r->text, "%s", t ? (const char *)t : "");
    } else {
        snprintf(r->text, sizeof r->text, "%s", sqlite3_errmsg(r->db));
        fprintf(stderr, "  note: %s: %s\n", sql, r->text);
    }
    sqlite3_finalize(st);
}

#define EXPECT_TEXT(sql, want)                                                            \
    do {                                                                                  \
        sqlt_run(&r, sql);                                                                \
        CHECK_INT(r.type, SQLITE_TEXT);                                                   \
        CHECK_STR(r.text, want);                                                          \
    } while (0)
#define EXPECT_INT(sql, want)                                                             \
    do {                                                                                  \
        sqlt_run(&r, sql);                                                                \
        CHECK_INT(r.type, SQLITE_INTEGER);                                                \
        CHECK_INT(r.i, want);                                                             \
    } while (0)
#define EXPECT_REAL(sql, want)                                                            \
    do {                                                                                  \
        sqlt_run(&r, sql);                                                                \
        CHECK_INT(r.type, SQLITE_FLOAT);                                                  \
        CHECK(fabs(r.d - (want)) <= 1e-9 * fmax(1, fabs(want)));                          \
    } while (0)
#define EXPECT_NULL(sql)                                                                  \
    do {                                                                                  \
        sqlt_run(&r, sql);                                                                \
        CHECK_INT(r.type, SQLITE_NULL);                                                   \
    } while (0)

enum { SQLT_QBUF = 512 };

/* First column of the first row of sql, rendered into out as
 * "<type>:<text>" (I:, R:, T:, B:), "N" for NULL, "(no row)", or
 * "E:<message>" on an error. Returns out. */
static inline const char *sqlt_q(sqlite3 *db, const char *sql, char out[SQLT_QBUF])
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(out, SQLT_QBUF, "E:%s", sqlite3_errmsg(db));
        return out;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        switch (sqlite3_column_type(st, 0)) {
        case SQLITE_INTEGER: snprintf(out, SQLT_QBUF, "I:%s", t); break;
        case SQLITE_FLOAT: snprintf(out, SQLT_QBUF, "R:%s", t); break;
        case SQLITE_TEXT: snprintf(out, SQLT_QBUF, "T:%s", t); break;
        case SQLITE_BLOB: snprintf(out, SQLT_QBUF, "B:"); break;
        default: snprintf(out, SQLT_QBUF, "N"); break;
        }
    } else if (rc == SQLITE_DONE) {
        snprintf(out, SQLT_QBUF, "(no row)");
    } else {
        snprintf(out, SQLT_QBUF, "E:%s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return out;
}

/* All rows of sql into out: columns joined by '|', rows by ';', NULL as
 * "N"; "E:<message>" on an error. Returns out's text. */
static inline const char *sqlt_qall(sqlite3 *db, const char *sql, struct strbuf *out)
{
    sqlite3_stmt *st = NULL;
    sb_reset(out);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        sb_printf(out, "E:%s", sqlite3_errmsg(db));
        return sb_str(out);
    }
    int rc;
    bool first = true;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!first)
            sb_putc(out, ';');
        first = false;
        for (int c = 0; c < sqlite3_column_count(st); c++) {
            if (c)
                sb_putc(out, '|');
            const char *t = (const char *)sqlite3_column_text(st, c);
            sb_puts(out, t ? t : "N");
        }
    }
    if (rc != SQLITE_DONE) {
        sb_reset(out);
        sb_printf(out, "E:%s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return sb_str(out);
}

/* Run statements that return nothing (set-up); a failure is said on stderr. */
static inline void sqlt_exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "exec failed: %s: %s\n", sql, err ? err : "?");
        sqlite3_free(err);
    }
}

#define Q(sql) sqlt_q(db, sql, b)
#define QALL(sql) sqlt_qall(db, sql, &sb)
#define EXEC(sql) sqlt_exec(db, sql)

#endif
