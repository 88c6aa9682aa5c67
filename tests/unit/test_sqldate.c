/*
 * test_sqldate.c — formatDate / strftime and parseDate (query/sqlfn_date.c).
 * Expected values worked out by hand and with `date -u`.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "query/sqlfn.h"
#include "tests/unit/testhelp.h"

static sqlite3 *db;

static void expect_text(const char *sql, const char *want)
{
    sqlite3_stmt *st;
    const char *got = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_type(st, 0) == SQLITE_TEXT)
        got = (const char *)sqlite3_column_text(st, 0);
    if (!got || !want)
        fprintf(stderr, "  %s\n", sql);
    CHECK_STR(got ? got : "(not text)", want);
    sqlite3_finalize(st);
}

static void expect_int(const char *sql, long long want)
{
    sqlite3_stmt *st;
    long long got = -1;
    int type = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        type = sqlite3_column_type(st, 0);
        got = sqlite3_column_int64(st, 0);
    }
    if (type != SQLITE_INTEGER || got != want)
        fprintf(stderr, "  %s\n", sql);
    CHECK_INT(type, SQLITE_INTEGER);
    CHECK_INT(got, want);
    sqlite3_finalize(st);
}

static void expect_null(const char *sql)
{
    sqlite3_stmt *st;
    int type = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        type = sqlite3_column_type(st, 0);
    if (type != SQLITE_NULL)
        fprintf(stderr, "  %s\n", sql);
    CHECK_INT(type, SQLITE_NULL);
    sqlite3_finalize(st);
}

int main(void)
{
    sqlite3_open(":memory:", &db);
    sqlfn_register(db);
    /* 1710510449123 = 2024-03-15 13:47:29.123 UTC, a Friday, day 75 */
    TEST("formatDate") {
        expect_text("SELECT tq_formatdate(1710510449123, '%Y-%m-%d %H:%M:%S.%L')",
                    "2024-03-15 13:47:29.123");
        expect_text("SELECT tq_formatdate(1710510449123, '%a %b %e %j %I%p %y %%')",
                    "Fri Mar 15 075 01PM 24 %");
        expect_text("SELECT tq_formatdate(1710510449123, '%H:%M %z', '+02:00')", "15:47 +0200");
        expect_text("SELECT tq_formatdate(1710510449123, '%F %T', '-0700')", "2024-03-15 06:47:29");
        expect_text("SELECT tq_formatdate(-1, '%F %T.%L')", "1969-12-31 23:59:59.999");
        expect_text("SELECT tq_formatdate(0, '%s %A %B')", "0 Thursday January");
        expect_null("SELECT tq_formatdate(0, '%Q')");
        expect_null("SELECT tq_formatdate(0, '%Y', 'Europe/Paris')");
        expect_null("SELECT tq_formatdate(NULL, '%Y')");
        expect_null("SELECT tq_formatdate('abc', '%Y')");
    }
    TEST("parseDate") {
        expect_int("SELECT tq_parsedate('2024-03-15 13:47:29', 'yyyy-MM-dd HH:mm:ss')",
                   1710510449000LL);
        expect_int("SELECT tq_parsedate('2024-03-15T13:47:29.123Z', "
                   "'yyyy-MM-dd''T''HH:mm:ss.SSSXXX')", 1710510449123LL);
        expect_int("SELECT tq_parsedate('15/Mar/2024:15:47:29 +0200', 'dd/MMM/yyyy:HH:mm:ss Z')",
                   1710510449000LL);
        expect_int("SELECT tq_parsedate('Friday, March 15, 24 1:47 PM', 'EEEE, MMMM d, yy h:mm a')",
                   1710510420000LL);
        expect_int("SELECT tq_parsedate('2024-03-15 15:47', 'yyyy-MM-dd HH:mm', '+02:00')",
                   1710510420000LL);
        expect_null("SELECT tq_parsedate('2024-02-30 00:00', 'yyyy-MM-dd HH:mm')");
        expect_null("SELECT tq_parsedate('2024-03-15 x', 'yyyy-MM-dd')");
        expect_null("SELECT tq_parsedate('2024', 'qqqq')");
        expect_null("SELECT tq_parsedate(NULL, 'yyyy')");
    }
    sqlite3_close(db);
    return test_report("sqldate");
}
