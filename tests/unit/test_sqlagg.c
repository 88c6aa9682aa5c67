/*
 * test_sqlagg.c — unit tests for the aggregate SQL functions
 * (query/sqlfn_agg.c): results and result types over tables mixing
 * integers, reals, numeric text, other text, booleans and NULLs; empty
 * inputs; percentiles, standard deviation and earliest/latest ties worked
 * out by hand; and statements abandoned mid-aggregate (AddressSanitizer
 * reports any copied value that is not freed).
 *
 * Results are rendered as "<type>:<text>": I integer, R real, T text,
 * N null, E error message.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "query/sqlfn_groups.h"
#include "tests/unit/sqltest.h"
#include "tests/unit/testhelp.h"

/* Progress handler that interrupts after a number of calls. */
static int stop_after(void *arg)
{
    int *left = arg;
    return --*left <= 0;
}

int main(void)
{
    sqlite3 *db;
    char b[SQLT_QBUF];
    struct strbuf sb = STRBUF_INIT;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return 1;
    CHECK_INT(sqlfn_register_agg(db), SQLITE_OK);

    /* g names a group of rows for each test; id keeps input order. */
    EXEC("CREATE TABLE v(id INTEGER PRIMARY KEY, g TEXT, x)");
    EXEC("INSERT INTO v(g, x) VALUES"
         " ('mixed', 1), ('mixed', '2'), ('mixed', 2.5), ('mixed', 'abc'), ('mixed', NULL),"
         " ('mixed', 'true'),"
         " ('ints', 1), ('ints', '2'), ('ints', 'true'), ('ints', 'false'), ('ints', NULL),"
         " ('none', 'abc'), ('none', NULL), ('none', ''),"
         " ('nulls', NULL),"
         " ('big', 9223372036854775807), ('big', 1),"
         " ('halves', 1.5), ('halves', 1.5),"
         " ('four', 1), ('four', 2), ('four', 3), ('four', 4),"
         " ('three', 3), ('three', 'x'), ('three', 1), ('three', 2)");
    EXEC("CREATE TABLE empty(x)");

    TEST("sum") {
        CHECK_STR(Q("SELECT tq_sum(x) FROM v WHERE g = 'mixed'"), "R:6.5"); /* 1+2+2.5+1 */
        CHECK_STR(Q("SELECT tq_sum(x) FROM v WHERE g = 'ints'"), "I:4");    /* 1+2+1+0 */
        CHECK_STR(Q("SELECT tq_sum(x) FROM v WHERE g = 'none'"), "N");
        CHECK_STR(Q("SELECT tq_sum(x) FROM v WHERE g = 'nulls'"), "N");
        CHECK_STR(Q("SELECT tq_sum(x) FROM empty"), "N");
        CHECK_STR(Q("SELECT tq_sum(x) FROM v WHERE g = 'big'"), "R:9.22337203685478e+18");
        CHECK_STR(Q("SELECT tq_sum(x) = 3 FROM v WHERE g = 'halves'"), "I:1");
        CHECK_STR(QALL("SELECT g, tq_sum(x) FROM v WHERE g IN ('four', 'three', 'none')"
                       " GROUP BY g ORDER BY g"),
                  "four|10;none|N;three|6");
        /* exact integers beyond 2^53 */
        CHECK_STR(Q("SELECT tq_sum(x) FROM (SELECT 9007199254740992 AS x UNION ALL SELECT 1)"),
                  "I:9007199254740993");
    }

    TEST("avg") {
        CHECK_STR(Q("SELECT tq_avg(x) FROM v WHERE g = 'four'"), "R:2.5");
        CHECK_STR(Q("SELECT tq_avg(x) FROM v WHERE g = 'three'"), "I:2"); /* (3+1+2)/3 */
        CHECK_STR(Q("SELECT tq_avg(x) FROM v WHERE g = 'mixed'"), "R:1.625"); /* 6.5/4 */
        CHECK_STR(Q("SELECT tq_avg(x) FROM v WHERE g = 'none'"), "N");
        CHECK_STR(Q("SELECT tq_avg(x) FROM empty"), "N");
    }

    TEST("min, max") {
        EXEC("CREATE TABLE mm(id INTEGER PRIMARY KEY, g TEXT, x)");
        EXEC("INSERT INTO mm(g, x) VALUES"
             " ('num', 10), ('num', '9'), ('num', 2.5), ('num', NULL),"
             " ('ts', 1700000000000), ('ts', 1600000000000),"
             " ('numtext', '10'), ('numtext', '9'),"
             " ('mixed', 10), ('mixed', 9), ('mixed', 'abc'), ('mixed', NULL),"
             " ('late', 5), ('late', 40), ('late', 'Z'),"
             " ('tie', '1.0'), ('tie', 1), ('tie', '1e0'),"
             " ('nulls', NULL)");
        CHECK_STR(Q("SELECT tq_min(x) FROM mm WHERE g = 'num'"), "R:2.5");
        CHECK_STR(Q("SELECT tq_max(x) FROM mm WHERE g = 'num'"), "I:10");
        CHECK_STR(Q("SELECT tq_min(x) FROM mm WHERE g = 'ts'"), "I:1600000000000");
        CHECK_STR(Q("SELECT tq_max(x) FROM mm WHERE g = 'ts'"), "I:1700000000000");
        /* all numeric: by value, original TEXT kept */
        CHECK_STR(Q("SELECT tq_min(x) FROM mm WHERE g = 'numtext'"), "T:9");
        CHECK_STR(Q("SELECT tq_max(x) FROM mm WHERE g = 'numtext'"), "T:10");
        /* not all numeric: by text form, "10" < "9" < "abc" */
        CHECK_STR(Q("SELECT tq_min(x) FROM mm WHERE g = 'mixed'"), "I:10");
        CHECK_STR(Q("SELECT tq_max(x) FROM mm WHERE g = 'mixed'"), "T:abc");
        /* the text comes last: "40" < "5" < "Z" */
        CHECK_STR(Q("SELECT tq_min(x) FROM mm WHERE g = 'late'"), "I:40");
        CHECK_STR(Q("SELECT tq_max(x) FROM mm WHERE g = 'late'"), "T:Z");
        /* equal values: the first seen */
        CHECK_STR(Q("SELECT tq_min(x) FROM mm WHERE g = 'tie'"), "T:1.0");
        CHECK_STR(Q("SELECT tq_max(x) FROM mm WHERE g = 'tie'"), "T:1.0");
        CHECK_STR(Q("SELECT tq_min(x) FROM mm WHERE g = 'nulls'"), "N");
        CHECK_STR(Q("SELECT tq_max(x) FROM empty"), "N");
        CHECK_STR(QALL("SELECT g, tq_min(x), tq_max(x) FROM mm WHERE g IN ('num', 'mixed')"
                       " GROUP BY g ORDER BY g"),
                  "mixed|10|abc;num|2.5|10");
    }

    TEST("pct") {
        EXEC("CREATE TABLE p(id INTEGER PRIMARY KEY, g TEXT, x)");
        EXEC("INSERT INTO p(g, x) VALUES ('a', '30'), ('a', 10), ('a', NULL), ('a', 'x'),"
             " ('a', 40), ('a', 20), ('r', 2.5), ('r', 1.5)");
        EXEC("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
             " INSERT INTO p(g, x) SELECT 'k', i FROM n");
        CHECK_STR(Q("SELECT tq_pct(x, 50) FROM p WHERE g = 'a'"), "I:20");
        CHECK_STR(Q("SELECT tq_pct(x, 95) FROM p WHERE g = 'a'"), "I:40");
        CHECK_STR(Q("SELECT tq_pct(x, 25) FROM p WHERE g = 'a'"), "I:10");
        CHECK_STR(Q("SELECT tq_pct(x, 0) FROM p WHERE g = 'a'"), "I:10");
        CHECK_STR(Q("SELECT tq_pct(x, 100) FROM p WHERE g = 'a'"), "I:40");
        CHECK_STR(Q("SELECT tq_pct(x, 75) FROM p WHERE g = 'a'"), "I:30"); /* the '30' text, as a number */
        CHECK_STR(Q("SELECT tq_pct(x, 50) FROM p WHERE g = 'r'"), "R:1.5");
        CHECK_STR(Q("SELECT tq_pct(x, 51) FROM p WHERE g = 'r'"), "R:2.5");
        /* 1..1000: rank ceil(p × 10) */
        CHECK_STR(Q("SELECT tq_pct(x, 99.9) FROM p WHERE g = 'k'"), "I:999");
        CHECK_STR(Q("SELECT tq_pct(x, 7) FROM p WHERE g = 'k'"), "I:70");
        CHECK_STR(Q("SELECT tq_pct(x, 0.01) FROM p WHERE g = 'k'"), "I:1");
        CHECK_STR(Q("SELECT tq_pct(x, 50.05) FROM p WHERE g = 'k'"), "I:501");
        CHECK_STR(Q("SELECT tq_pct(x, 50) FROM p WHERE g = 'none'"), "N");
        CHECK_STR(Q("SELECT tq_pct(x, 50) FROM empty"), "N");
        CHECK_STR(Q("SELECT tq_pct(x, NULL) FROM p WHERE g = 'a'"), "N");
        CHECK_STR(QALL("SELECT g, tq_pct(x, 50) FROM p GROUP BY g ORDER BY g"), "a|20;k|500;r|1.5");
    }

    TEST("stddev") {
        EXEC("CREATE TABLE s(g TEXT, x)");
        EXEC("INSERT INTO s VALUES ('a', 2), ('a', 4), ('a', 4), ('a', 4), ('a', 5), ('a', 5),"
             " ('a', 7), ('a', '9'), ('a', 'n/a'), ('a', NULL),"
             " ('one', 5), ('same', 3), ('same', 3),"
             " ('off', 1000000004), ('off', 1000000007), ('off', 1000000013), ('off', 1000000016)");
        /* mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sqrt(32/7) */
        CHECK_STR(Q("SELECT abs(tq_stddev(x) - 2.138089935299395) < 1e-12 FROM s WHERE g = 'a'"), "I:1");
        CHECK_STR(Q("SELECT typeof(tq_stddev(x)) FROM s WHERE g = 'a'"), "T:real");
        /* deviations from 1000000010: 36+9+9+36 = 90, sqrt(90/3) */
        CHECK_STR(Q("SELECT abs(tq_stddev(x) - 5.477225575051661) < 1e-9 FROM s WHERE g = 'off'"), "I:1");
        CHECK_STR(Q("SELECT tq_stddev(x) FROM s WHERE g = 'one'"), "N");
        CHECK_STR(Q("SELECT tq_stddev(x) FROM s WHERE g = 'same'"), "I:0");
        CHECK_STR(Q("SELECT tq_stddev(x) FROM empty"), "N");
    }

    TEST("earliest, latest") {
        EXEC("CREATE TABLE e(g TEXT, ts, id, x)");
        /* inserted out of order on purpose */
        EXEC("INSERT INTO e VALUES ('a', 100, 1, 'a'), ('a', 50, 3, 'c'), ('a', 50, 2, 'b'),"
             " ('a', 200, 4, NULL), ('a', 200, 6, 'f'), ('a', 200, 5, 'e'), ('a', NULL, 7, 'g'),"
             " ('a', 10, 8, NULL),"
             " ('n', 5, 1, 42), ('n', 7, 2, 4.5),"
             " ('nulls', NULL, 1, 'x'), ('nulls', 3, 2, NULL)");
        CHECK_STR(Q("SELECT tq_earliest(ts, id, x) FROM e WHERE g = 'a'"), "T:b");
        CHECK_STR(Q("SELECT tq_latest(ts, id, x) FROM e WHERE g = 'a'"), "T:f");
        CHECK_STR(Q("SELECT tq_earliest(ts, id, x) FROM e WHERE g = 'n'"), "I:42");
        CHECK_STR(Q("SELECT tq_latest(ts, id, x) FROM e WHERE g = 'n'"), "R:4.5");
        CHECK_STR(Q("SELECT tq_earliest(ts, id, x) FROM e WHERE g = 'nulls'"), "N");
        CHECK_STR(Q("SELECT tq_latest(ts, id, x) FROM e WHERE g = 'nulls'"), "N");
        CHECK_STR(Q("SELECT tq_latest(ts, id, x) FROM e WHERE g = 'none'"), "N");
        CHECK_STR(QALL("SELECT g, tq_earliest(ts, id, x), tq_latest(ts, id, x) FROM e"
                       " GROUP BY g ORDER BY g"),
                  "a|b|f;n|42|4.5;nulls|N|N");
    }

    TEST("sortsFirst, sortsLast") {
        EXEC("CREATE TABLE o(g TEXT, x)");
        EXEC("INSERT INTO o VALUES ('a', 'b'), ('a', 10), ('a', 'a2'), ('a', 'a10'), ('a', NULL),"
             " ('a', 9), ('tie', '007'), ('tie', 7), ('tie', 'x'), ('nulls', NULL),"
             " ('neg', -3), ('neg', 2.5), ('neg', 'zz')");
        /* a2 < a10 < b < 9 < 10 */
        CHECK_STR(Q("SELECT tq_sortsfirst(x) FROM o WHERE g = 'a'"), "T:a2");
        CHECK_STR(Q("SELECT tq_sortslast(x) FROM o WHERE g = 'a'"), "I:10");
        /* '007' and 7 are equal numbers: the first seen */
        CHECK_STR(Q("SELECT tq_sortslast(x) FROM o WHERE g = 'tie'"), "T:007");
        CHECK_STR(Q("SELECT tq_sortsfirst(x) FROM o WHERE g = 'tie'"), "T:x");
        CHECK_STR(Q("SELECT tq_sortsfirst(x) FROM o WHERE g = 'neg'"), "T:zz");
        CHECK_STR(Q("SELECT tq_sortslast(x) FROM o WHERE g = 'neg'"), "R:2.5");
        CHECK_STR(Q("SELECT tq_sortsfirst(x) FROM o WHERE g = 'nulls'"), "N");
        CHECK_STR(Q("SELECT tq_sortslast(x) FROM empty"), "N");
    }

    TEST("abandoned and interrupted aggregates free their state") {
        EXEC("CREATE TABLE big(g, ts, x)");
        EXEC("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
             " INSERT INTO big SELECT i % 7, i, 'value ' || i FROM n");
        const char *sql = "SELECT g, tq_min(x), tq_max(x), tq_pct(ts, 50), tq_sortsfirst(x),"
                          " tq_sortslast(x), tq_earliest(ts, ts, x), tq_latest(ts, ts, x)"
                          " FROM big GROUP BY g";
        sqlite3_stmt *st;
        CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
        CHECK_INT(sqlite3_step(st), SQLITE_ROW); /* first group only, then stop */
        /* group 0 holds i = 7, 14, ..., 4998: "value 7" has the shortest digit run */
        CHECK_STR((const char *)sqlite3_column_text(st, 4), "value 7");
        sqlite3_finalize(st);

        /* Count the progress callbacks of a full run, then interrupt at
         * three quarters, well inside the aggregation loop. */
        int total = 1 << 30;
        sqlite3_progress_handler(db, 10, stop_after, &total);
        QALL(sql);
        int left = ((1 << 30) - total) * 3 / 4;
        CHECK(left > 100);
        sqlite3_progress_handler(db, 10, stop_after, &left);
        CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
        int rc, n_rows = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            n_rows++;
        CHECK_INT(rc, SQLITE_INTERRUPT);
        CHECK(n_rows < 7);
        sqlite3_finalize(st);
        sqlite3_progress_handler(db, 0, NULL, NULL);

        CHECK_STR(QALL("SELECT g, tq_pct(ts, 50), tq_earliest(ts, ts, x) FROM big WHERE g < 2"
                       " GROUP BY g ORDER BY g"),
                  "0|2499|value 7;1|2500|value 1"); /* ranks 357 of 714, 358 of 715 */
    }

    sb_free(&sb);
    CHECK_INT(sqlite3_close(db), SQLITE_OK);
    return test_report("sqlagg");
}
