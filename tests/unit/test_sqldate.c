/*
 * test_sqldate.c — formatDate / strftime and parseDate (query/sqlfn_date.c).
 * Expected values worked out by hand and with `date -u`.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "query/sqlfn.h"
#include "tests/unit/sqltest.h"
#include "tests/unit/testhelp.h"

/* One check: the result is text equal to want (any other type fails it). */
#define EXPECT_DATE(sql, want)                                                            \
    do {                                                                                  \
        sqlt_run(&r, sql);                                                                \
        CHECK_STR(r.type == SQLITE_TEXT ? r.text : "(not text)", want);                   \
    } while (0)

int main(void)
{
    struct sqlt_row r = {0};
    sqlite3_open(":memory:", &r.db);
    sqlfn_register(r.db);
    /* 1710510449123 = 2024-03-15 13:47:29.123 UTC, a Friday, day 75 */
    TEST("formatDate") {
        EXPECT_DATE("SELECT tq_formatdate(1710510449123, '%Y-%m-%d %H:%M:%S.%L')",
                    "2024-03-15 13:47:29.123");
        EXPECT_DATE("SELECT tq_formatdate(1710510449123, '%a %b %e %j %I%p %y %%')",
                    "Fri Mar 15 075 01PM 24 %");
        EXPECT_DATE("SELECT tq_formatdate(1710510449123, '%H:%M %z', '+02:00')", "15:47 +0200");
        EXPECT_DATE("SELECT tq_formatdate(1710510449123, '%F %T', '-0700')", "2024-03-15 06:47:29");
        EXPECT_DATE("SELECT tq_formatdate(-1, '%F %T.%L')", "1969-12-31 23:59:59.999");
        EXPECT_DATE("SELECT tq_formatdate(0, '%s %A %B')", "0 Thursday January");
        EXPECT_NULL("SELECT tq_formatdate(0, '%Q')");
        /* named zones: Paris is still CET (+1) on March 15, 2024 (summer
         * time starts on the last Sunday, the 31st); New York has been on
         * EDT (-4) since the second Sunday, the 10th */
        EXPECT_DATE("SELECT tq_formatdate(1710510449123, '%F %T %Z %z', 'Europe/Paris')",
                    "2024-03-15 14:47:29 CET +0100");
        EXPECT_DATE("SELECT tq_formatdate(1710510449123, '%F %T %Z %z', 'America/New_York')",
                    "2024-03-15 09:47:29 EDT -0400");
        EXPECT_DATE("SELECT tq_formatdate(1710510449123, '%Z')", "UTC");
        EXPECT_NULL("SELECT tq_formatdate(0, '%Y', 'Mars/Olympus')");
        EXPECT_NULL("SELECT tq_formatdate(0, '%Y', 3)");
        EXPECT_NULL("SELECT tq_formatdate(NULL, '%Y')");
        EXPECT_NULL("SELECT tq_formatdate('abc', '%Y')");
    }
    TEST("parseDate") {
        EXPECT_INT("SELECT tq_parsedate('2024-03-15 13:47:29', 'yyyy-MM-dd HH:mm:ss')",
                   1710510449000LL);
        EXPECT_INT("SELECT tq_parsedate('2024-03-15T13:47:29.123Z', "
                   "'yyyy-MM-dd''T''HH:mm:ss.SSSXXX')", 1710510449123LL);
        EXPECT_INT("SELECT tq_parsedate('15/Mar/2024:15:47:29 +0200', 'dd/MMM/yyyy:HH:mm:ss Z')",
                   1710510449000LL);
        EXPECT_INT("SELECT tq_parsedate('Friday, March 15, 24 1:47 PM', 'EEEE, MMMM d, yy h:mm a')",
                   1710510420000LL);
        EXPECT_INT("SELECT tq_parsedate('2024-03-15 15:47', 'yyyy-MM-dd HH:mm', '+02:00')",
                   1710510420000LL);
        /* 2024-07-01 12:00 in Paris (CEST, +2) is 10:00Z: 19905 days and
         * 10 hours after the epoch */
        EXPECT_INT("SELECT tq_parsedate('2024-07-01 12:00', 'yyyy-MM-dd HH:mm', 'Europe/Paris')",
                   1719828000000LL);
        /* an offset in the text wins over the zone argument */
        EXPECT_INT("SELECT tq_parsedate('2024-07-01 12:00 +0000', 'yyyy-MM-dd HH:mm Z', "
                   "'Europe/Paris')", 1719835200000LL);
        EXPECT_NULL("SELECT tq_parsedate('2024-07-01 12:00', 'yyyy-MM-dd HH:mm', 'Mars/X')");
        EXPECT_NULL("SELECT tq_parsedate('2024-02-30 00:00', 'yyyy-MM-dd HH:mm')");
        EXPECT_NULL("SELECT tq_parsedate('2024-03-15 x', 'yyyy-MM-dd')");
        EXPECT_NULL("SELECT tq_parsedate('2024', 'qqqq')");
        EXPECT_NULL("SELECT tq_parsedate(NULL, 'yyyy')");
    }
    sqlite3_close(r.db);
    return test_report("sqldate");
}
