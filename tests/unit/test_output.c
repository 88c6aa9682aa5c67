/*
 * test_output.c — unit tests for cmd/output.c (result rows to text).
 *
 * Rows come from a real in-memory SQLite table whose columns have no type
 * affinity, so each value keeps the storage class it was inserted with
 * (NULL, INTEGER, REAL, TEXT, BLOB). Each format is rendered into a memory
 * buffer (open_memstream) and compared with text written out by hand from
 * the rules in output.h: 1709287200000 ms is 2024-03-01 10:00:00 UTC
 * (19783 days * 86400 s + 10 h, checked with `date -u -d @1709287200`).
 */
#include "cmd/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/testhelp.h"

/* The main table: every kind of value the writer has to show. */
static const char *const setup_sql =
    "CREATE TABLE t(name, n, x, ts, ok, note);"
    "INSERT INTO t VALUES('alpha', 1, 0.1, 1709287200000, 1, 'a' || char(9) || 'b');"
    "INSERT INTO t VALUES(NULL, -42, 14.97, 1709287200123, 0, 'l1' || char(10) || 'l2');"
    "INSERT INTO t VALUES('say \"hi\", ok', 1000, 3.0, NULL, NULL, 'ü€');";

static const char *const main_sql = "SELECT name, n, x, ts, ok, note FROM t ORDER BY rowid";
static const char *const empty_sql = "SELECT name, n, x, ts, ok, note FROM t WHERE 0";

static const struct out_col main_cols[] = {
    {"name", OT_ANY}, {"n", OT_ANY},    {"x", OT_ANY},
    {"ts", OT_TIME},  {"ok", OT_BOOL}, {"note", OT_ANY},
};
enum { N_MAIN = sizeof main_cols / sizeof main_cols[0] };

/* Run sql on db and render its rows in fmt; returns the text (caller frees). */
static char *render_to(sqlite3 *db, enum out_format fmt, const char *sql,
                       const struct out_col *cols, size_t n_cols, int term_width, bool terminal)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    sqlite3_stmt *st = NULL;
    if (!fp || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "test setup: %s: %s\n", sql, sqlite3_errmsg(db));
        exit(1);
    }
    struct out_writer *w = out_open(fmt, fp, cols, n_cols, term_width);
    out_set_terminal(w, terminal);
    int rc, row_failures = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        row_failures += out_row(w, st) != 0;
    CHECK_INT(rc, SQLITE_DONE);
    CHECK_INT(row_failures, 0);
    CHECK_INT(out_close(w), 0);
    sqlite3_finalize(st);
    fclose(fp);
    return buf;
}

/* Rendered as into a file or a pipe. */
static char *render(sqlite3 *db, enum out_format fmt, const char *sql, const struct out_col *cols,
                    size_t n_cols, int term_width)
{
    return render_to(db, fmt, sql, cols, n_cols, term_width, false);
}

#define CHECK_RENDER(db, fmt, sql, cols, n, tw, want)                                     \
    do {                                                                                  \
        char *got_ = render((db), (fmt), (sql), (cols), (n), (tw));                      \
        CHECK_STR(got_, (want));                                                          \
        free(got_);                                                                       \
    } while (0)

static void test_formats(sqlite3 *db)
{
    TEST("tsv")
    {
        CHECK_RENDER(db, OUT_TSV, main_sql, main_cols, N_MAIN, 0,
                     "name\tn\tx\tts\tok\tnote\n"
                     "alpha\t1\t0.1\t2024-03-01 10:00:00.000\ttrue\ta\\tb\n"
                     "\t-42\t14.97\t2024-03-01 10:00:00.123\tfalse\tl1\\nl2\n"
                     "say \"hi\", ok\t1000\t3\t\t\tü€\n");
    }
    TEST("csv")
    {
        CHECK_RENDER(db, OUT_CSV, main_sql, main_cols, N_MAIN, 0,
                     "name,n,x,ts,ok,note\r\n"
                     "alpha,1,0.1,2024-03-01 10:00:00.000,true,a\tb\r\n"
                     ",-42,14.97,2024-03-01 10:00:00.123,false,\"l1\nl2\"\r\n"
                     "\"say \"\"hi\"\", ok\",1000,3,,,ü€\r\n");
    }
    TEST("json")
    {
        CHECK_RENDER(db, OUT_JSON, main_sql, main_cols, N_MAIN, 0,
                     "[\n"
                     "{\"name\":\"alpha\",\"n\":1,\"x\":0.1,\"ts\":\"2024-03-01 10:00:00.000\","
                     "\"ok\":true,\"note\":\"a\\tb\"},\n"
                     "{\"n\":-42,\"x\":14.97,\"ts\":\"2024-03-01 10:00:00.123\","
                     "\"ok\":false,\"note\":\"l1\\nl2\"},\n"
                     "{\"name\":\"say \\\"hi\\\", ok\",\"n\":1000,\"x\":3,\"note\":\"ü€\"}\n"
                     "]\n");
    }
    TEST("jsonl")
    {
        CHECK_RENDER(db, OUT_JSONL, main_sql, main_cols, N_MAIN, 0,
                     "{\"name\":\"alpha\",\"n\":1,\"x\":0.1,\"ts\":\"2024-03-01 10:00:00.000\","
                     "\"ok\":true,\"note\":\"a\\tb\"}\n"
                     "{\"n\":-42,\"x\":14.97,\"ts\":\"2024-03-01 10:00:00.123\","
                     "\"ok\":false,\"note\":\"l1\\nl2\"}\n"
                     "{\"name\":\"say \\\"hi\\\", ok\",\"n\":1000,\"x\":3,\"note\":\"ü€\"}\n");
    }
    /* Widths: name 12 ('say "hi", ok'), n 4, x 5, ts 23, ok 5, note 6
     * ("l1\nl2" shown with a two-character \n). n and x hold only numbers:
     * their cells and headers are right-aligned. The last column is not
     * padded, and the NULLs at the end of row 3 leave no trailing spaces. */
    TEST("table")
    {
        CHECK_RENDER(db, OUT_TABLE, main_sql, main_cols, N_MAIN, 0,
                     "name             n      x  ts                       ok     note\n"
                     "------------  ----  -----  -----------------------  -----  ------\n"
                     "alpha            1    0.1  2024-03-01 10:00:00.000  true   a\\tb\n"
                     "               -42  14.97  2024-03-01 10:00:00.123  false  l1\\nl2\n"
                     "say \"hi\", ok  1000      3                                  ü€\n");
        /* 80 columns is wider than the table (65): nothing changes. */
        CHECK_RENDER(db, OUT_TABLE, main_sql, main_cols, N_MAIN, 80,
                     "name             n      x  ts                       ok     note\n"
                     "------------  ----  -----  -----------------------  -----  ------\n"
                     "alpha            1    0.1  2024-03-01 10:00:00.000  true   a\\tb\n"
                     "               -42  14.97  2024-03-01 10:00:00.123  false  l1\\nl2\n"
                     "say \"hi\", ok  1000      3                                  ü€\n");
    }
    /* 65 wide, 49 allowed: 16 to lose. Only name and note hold free
     * text; note (6) is already below 8, so only name shrinks, from 12 to
     * 8 ("say \"hi\"…" keeps 7 and the ellipsis). n and x are numbers,
     * ts times, ok booleans: never cut, so the lines stay 61 wide. */
    TEST("table narrowed to the terminal: free text only")
    {
        CHECK_RENDER(db, OUT_TABLE, main_sql, main_cols, N_MAIN, 49,
                     "name         n      x  ts                       ok     note\n"
                     "--------  ----  -----  -----------------------  -----  ------\n"
                     "alpha        1    0.1  2024-03-01 10:00:00.000  true   a\\tb\n"
                     "           -42  14.97  2024-03-01 10:00:00.123  false  l1\\nl2\n"
                     "say \"hi…  1000      3                                  ü€\n");
    }
    TEST("zero rows")
    {
        CHECK_RENDER(db, OUT_TABLE, empty_sql, main_cols, N_MAIN, 0, "");
        CHECK_RENDER(db, OUT_TSV, empty_sql, main_cols, N_MAIN, 0, "name\tn\tx\tts\tok\tnote\n");
        CHECK_RENDER(db, OUT_CSV, empty_sql, main_cols, N_MAIN, 0, "name,n,x,ts,ok,note\r\n");
        CHECK_RENDER(db, OUT_JSON, empty_sql, main_cols, N_MAIN, 0, "[]\n");
        CHECK_RENDER(db, OUT_JSONL, empty_sql, main_cols, N_MAIN, 0, "");
    }
}

static void test_values(sqlite3 *db)
{
    /* 1e999 overflows to Infinity in SQLite; NaN cannot be stored (SQLite
     * turns it into NULL), so Infinity is the non-finite case to check. */
    static const char *sql =
        "SELECT 1e999, -1e999, 1e20, 'yesterday', 1709287200000.9, 'maybe', X'6869', 7, "
        "-1709287200000, 2.5";
    static const struct out_col cols[] = {
        {"inf", OT_ANY},  {"ninf", OT_ANY},   {"big", OT_ANY}, {"t_text", OT_TIME},
        {"t_real", OT_TIME}, {"b_text", OT_BOOL}, {"blob", OT_ANY}, {"b2", OT_BOOL},
        {"t_neg", OT_TIME}, {"b_real", OT_BOOL},
    };
    enum { N = sizeof cols / sizeof cols[0] };
    TEST("values: json")
    {
        /* -1709287200000 ms is 19783 days + 10 h before the epoch, i.e. day
         * -19784 at 14:00. 1916-01-01 is day -19724 (54 years, 14 of them
         * leap); 60 days earlier (December 31, November 30 minus one) is
         * 1915-11-02. */
        CHECK_RENDER(db, OUT_JSON, sql, cols, N, 0,
                     "[\n{\"inf\":\"Infinity\",\"ninf\":\"-Infinity\",\"big\":1e+20,"
                     "\"t_text\":\"yesterday\",\"t_real\":\"2024-03-01 10:00:00.000\","
                     "\"b_text\":\"maybe\",\"blob\":\"hi\",\"b2\":true,"
                     "\"t_neg\":\"1915-11-02 14:00:00.000\",\"b_real\":true}\n]\n");
    }
    TEST("values: tsv")
    {
        CHECK_RENDER(db, OUT_TSV, sql, cols, N, 0,
                     "inf\tninf\tbig\tt_text\tt_real\tb_text\tblob\tb2\tt_neg\tb_real\n"
                     "Infinity\t-Infinity\t1e+20\tyesterday\t2024-03-01 10:00:00.000\tmaybe\thi"
                     "\ttrue\t1915-11-02 14:00:00.000\ttrue\n");
    }
    TEST("values: all NULL row, backslash and CR")
    {
        static const struct out_col c2[] = {{"a", OT_ANY}, {"b", OT_TIME}};
        CHECK_RENDER(db, OUT_JSONL, "SELECT NULL, NULL", c2, 2, 0, "{}\n");
        CHECK_RENDER(db, OUT_JSON, "SELECT NULL, NULL", c2, 2, 0, "[\n{}\n]\n");
        CHECK_RENDER(db, OUT_TSV, "SELECT NULL, NULL", c2, 2, 0, "a\tb\n\t\n");
        CHECK_RENDER(db, OUT_CSV, "SELECT NULL, NULL", c2, 2, 0, "a,b\r\n,\r\n");
        /* All-NULL table row: nothing but the newline. */
        CHECK_RENDER(db, OUT_TABLE, "SELECT NULL, NULL", c2, 2, 0, "a  b\n-  -\n\n");
        CHECK_RENDER(db, OUT_TSV, "SELECT 'c:\\d' || char(13), 'x'", c2, 2, 0,
                     "a\tb\nc:\\\\d\\r\tx\n");
        CHECK_RENDER(db, OUT_CSV, "SELECT 'c:\\d' || char(13), 'x'", c2, 2, 0,
                     "a,b\r\n\"c:\\d\r\",x\r\n");
        CHECK_RENDER(db, OUT_JSONL, "SELECT 'c:\\d' || char(13) || char(1), 'x'", c2, 2, 0,
                     "{\"a\":\"c:\\\\d\\r\\u0001\",\"b\":\"x\"}\n");
    }
    TEST("header names are quoted like values")
    {
        static const struct out_col c3[] = {{"a,b", OT_ANY}, {"q\"t", OT_ANY}, {"t\tab", OT_ANY}};
        CHECK_RENDER(db, OUT_CSV, "SELECT 1, 2, 3", c3, 3, 0,
                     "\"a,b\",\"q\"\"t\",t\tab\r\n1,2,3\r\n");
        CHECK_RENDER(db, OUT_TSV, "SELECT 1, 2, 3", c3, 3, 0, "a,b\tq\"t\tt\\tab\n1\t2\t3\n");
        CHECK_RENDER(db, OUT_JSONL, "SELECT 1, 2, 3", c3, 3, 0,
                     "{\"a,b\":1,\"q\\\"t\":2,\"t\\tab\":3}\n");
        /* Table: "t\tab" is shown as t\tab, 5 wide; numbers right-aligned. */
        CHECK_RENDER(db, OUT_TABLE, "SELECT 1, 2, 3", c3, 3, 0,
                     "a,b  q\"t  t\\tab\n"
                     "---  ---  -----\n"
                     "  1    2      3\n");
    }
}

static void test_table(sqlite3 *db)
{
    static const struct out_col word_cols[] = {{"word", OT_ANY}, {"k", OT_ANY}};
    TEST("table: widths count characters, not bytes")
    {
        /* 'naïve' is 5 code points (6 bytes): the column is 5 wide. */
        CHECK_RENDER(db, OUT_TABLE, "SELECT 'naïve', 1 UNION ALL SELECT 'ab', 22", word_cols, 2, 0,
                     "word    k\n"
                     "-----  --\n"
                     "naïve   1\n"
                     "ab     22\n");
    }
    TEST("table: a mixed column keeps per-cell alignment, header left")
    {
        CHECK_RENDER(db, OUT_TABLE, "SELECT 'abc', 1 UNION ALL SELECT 'd', 'txt'", word_cols, 2, 0,
                     "word  k\n"
                     "----  ---\n"
                     "abc     1\n"
                     "d     txt\n");
    }
    TEST("table: multibyte cell cut to the terminal")
    {
        /* 11 'é' (22 bytes) in 8 columns: 7 of them and "…". */
        static const struct out_col c1[] = {{"w", OT_ANY}};
        CHECK_RENDER(db, OUT_TABLE, "SELECT 'ééééééééééé'", c1, 1, 8,
                     "w\n--------\nééééééé…\n");
        /* A terminal narrower than 8: the column still keeps 8. */
        CHECK_RENDER(db, OUT_TABLE, "SELECT 'ééééééééééé'", c1, 1, 3,
                     "w\n--------\nééééééé…\n");
    }
    TEST("table: columns at 8 or less are never narrowed")
    {
        static const struct out_col c2[] = {{"a", OT_ANY}, {"b", OT_ANY}};
        CHECK_RENDER(db, OUT_TABLE, "SELECT 'xxxxxxxx', 'yyyyyyyy'", c2, 2, 10,
                     "a         b\n"
                     "--------  --------\n"
                     "xxxxxxxx  yyyyyyyy\n");
    }
    TEST("table: control characters are escaped and counted")
    {
        /* a\x01b\r is 8 wide. */
        static const struct out_col c2[] = {{"c", OT_ANY}, {"d", OT_ANY}};
        CHECK_RENDER(db, OUT_TABLE, "SELECT 'a' || char(1) || 'b' || char(13), 'z'", c2, 2, 0,
                     "c         d\n"
                     "--------  -\n"
                     "a\\x01b\\r  z\n");
    }
    TEST("table: widths come from every row, into a pipe nothing is cut")
    {
        /* Rows 1..1000 are at most 4 wide ("1000") and "xy"; row 1001 has a
         * longer s, row 1002 a longer n and a NULL s: the columns are 6
         * and 9 wide, and every value is whole. */
        static const struct out_col c2[] = {{"n", OT_ANY}, {"s", OT_ANY}};
        static const char *sql =
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1002) "
            "SELECT CASE WHEN i = 1002 THEN 123456 ELSE i END, "
            "CASE WHEN i <= 1000 THEN 'xy' WHEN i = 1001 THEN 'long text' END FROM c";
        char *want = NULL;
        size_t want_len = 0;
        FILE *fp = open_memstream(&want, &want_len);
        fputs("     n  s\n------  ---------\n", fp);
        for (int i = 1; i <= 1000; i++)
            fprintf(fp, "%6d  xy\n", i);
        fputs("  1001  long text\n123456\n", fp);
        fclose(fp);
        CHECK_RENDER(db, OUT_TABLE, sql, c2, 2, 0, want);
        free(want);
    }
    TEST("table: display width by Unicode rules")
    {
        /* 中文 is two wide characters (4 columns); e + U+0301 (combining
         * acute) is one column; U+200B (zero width space) none: the word
         * column is 4 wide. */
        CHECK_RENDER(db, OUT_TABLE,
                     "SELECT '中文', 1 UNION ALL SELECT 'e' || char(769) || 'f', 22 "
                     "UNION ALL SELECT 'a' || char(8203) || 'b', 3",
                     word_cols, 2, 0,
                     "word   k\n"
                     "----  --\n"
                     "中文   1\n"
                     "e\xcc\x81" "f    22\n"
                     "a\xe2\x80\x8b" "b     3\n");
        /* 18 columns of CJK cut to 8: 7 are left for text, but a wide
         * character never straddles the cut, so 中文字 (6) and "…" fill 7
         * and a space pads the cell. */
        static const struct out_col c1[] = {{"w", OT_ANY}, {"n", OT_ANY}};
        CHECK_RENDER(db, OUT_TABLE, "SELECT '中文字中文字中文字', 1", c1, 2, 11,
                     "w         n\n"
                     "--------  -\n"
                     "中文字…   1\n");
    }
    TEST("table: the longest free-text column shrinks first, numbers and times never")
    {
        /* a 20, b 12 (text), t 23 (time), n 7 (number): 20+12+23+7+6 = 68.
         * At 60, 8 to lose: a goes down to 12 (the next widest text). At
         * 54, 14 to lose: a and b to 9 each. At 30 both text columns stop
         * at 8 and the line stays 23+7+8+8+6 = 52 wide. */
        static const struct out_col c4[] = {
            {"a", OT_ANY}, {"b", OT_ANY}, {"t", OT_TIME}, {"n", OT_ANY}};
        static const char *sql =
            "SELECT 'aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbb', 1709287200000, 1234567";
        CHECK_RENDER(db, OUT_TABLE, sql, c4, 4, 60,
                     "a             b             t                              n\n"
                     "------------  ------------  -----------------------  -------\n"
                     "aaaaaaaaaaa…  bbbbbbbbbbbb  2024-03-01 10:00:00.000  1234567\n");
        CHECK_RENDER(db, OUT_TABLE, sql, c4, 4, 54,
                     "a          b          t                              n\n"
                     "---------  ---------  -----------------------  -------\n"
                     "aaaaaaaa…  bbbbbbbb…  2024-03-01 10:00:00.000  1234567\n");
        CHECK_RENDER(db, OUT_TABLE, sql, c4, 4, 30,
                     "a         b         t                              n\n"
                     "--------  --------  -----------------------  -------\n"
                     "aaaaaaa…  bbbbbbb…  2024-03-01 10:00:00.000  1234567\n");
    }
    TEST("table: a number column's long header gives way after the text")
    {
        /* "a_long_count_name" (17) over values 3 wide: with text at its
         * floor, the header is cut to the widest value. */
        static const struct out_col c2[] = {{"a_long_count_name", OT_ANY}, {"s", OT_ANY}};
        CHECK_RENDER(db, OUT_TABLE, "SELECT 123, 'ssssssssssss'", c2, 2, 12,
                     "a_…  s\n"
                     "---  --------\n"
                     "123  sssssss…\n");
    }
    TEST("table: a mixed column never cuts its numbers")
    {
        /* k holds 'long free text' and 123456789: it stops at 9. */
        CHECK_RENDER(db, OUT_TABLE,
                     "SELECT 'x', 'long free text' UNION ALL SELECT 'y', 123456789", word_cols, 2,
                     10,
                     "word  k\n"
                     "----  ---------\n"
                     "x     long fre…\n"
                     "y     123456789\n");
    }
}

/* Rendered with a time style and a zone (into a pipe). */
static char *render_times(sqlite3 *db, enum out_format fmt, const char *sql,
                          const struct out_col *cols, size_t n_cols, enum time_style style,
                          const char *zone_name)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    sqlite3_stmt *st = NULL;
    struct tzone *zone = NULL;
    struct strbuf err = STRBUF_INIT;
    if (!fp || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
        (zone_name && tz_open(zone_name, strlen(zone_name), &zone, &err) < 0)) {
        fprintf(stderr, "test setup: %s: %s %s\n", sql, sqlite3_errmsg(db), sb_str(&err));
        exit(1);
    }
    struct out_writer *w = out_open(fmt, fp, cols, n_cols, 0);
    out_set_terminal(w, false);
    out_set_times(w, style, zone);
    while (sqlite3_step(st) == SQLITE_ROW)
        out_row(w, st);
    CHECK_INT(out_close(w), 0);
    sqlite3_finalize(st);
    fclose(fp);
    tz_close(zone);
    sb_free(&err);
    return buf;
}

static void test_times(sqlite3 *db)
{
    /* 1709287200123 = 2024-03-01 10:00:00.123 UTC; 1720087200000 =
     * 2024-07-04 10:00:00 UTC (date -u -d @1720087200). New York is EST
     * (-5) in March and EDT (-4) in July (date with TZ=America/New_York). */
    static const char *sql = "SELECT 1709287200123 UNION ALL SELECT 1720087200000";
    static const struct out_col t1[] = {{"t", OT_TIME}};
    char *got;
    TEST("times: insights in UTC (the default), then with the offset in a zone")
    {
        got = render_times(db, OUT_TSV, sql, t1, 1, TIME_INSIGHTS, NULL);
        CHECK_STR(got, "t\n2024-03-01 10:00:00.123\n2024-07-04 10:00:00.000\n");
        free(got);
        got = render_times(db, OUT_TSV, sql, t1, 1, TIME_INSIGHTS, "America/New_York");
        CHECK_STR(got, "t\n2024-03-01 05:00:00.123-05:00\n2024-07-04 06:00:00.000-04:00\n");
        free(got);
        got = render_times(db, OUT_TSV, sql, t1, 1, TIME_INSIGHTS, "+05:30");
        CHECK_STR(got, "t\n2024-03-01 15:30:00.123+05:30\n2024-07-04 15:30:00.000+05:30\n");
        free(got);
        /* London in winter is at +00:00, and says so: it is not UTC */
        got = render_times(db, OUT_TSV, sql, t1, 1, TIME_INSIGHTS, "Europe/London");
        CHECK_STR(got, "t\n2024-03-01 10:00:00.123+00:00\n2024-07-04 11:00:00.000+01:00\n");
        free(got);
    }
    TEST("times: iso (RFC 3339) with Z or the offset")
    {
        got = render_times(db, OUT_TSV, sql, t1, 1, TIME_ISO, NULL);
        CHECK_STR(got, "t\n2024-03-01T10:00:00.123Z\n2024-07-04T10:00:00.000Z\n");
        free(got);
        got = render_times(db, OUT_TSV, sql, t1, 1, TIME_ISO, "Asia/Tokyo");
        CHECK_STR(got, "t\n2024-03-01T19:00:00.123+09:00\n2024-07-04T19:00:00.000+09:00\n");
        free(got);
    }
    TEST("times: epoch is a number, in every zone; in JSON a JSON number")
    {
        got = render_times(db, OUT_JSONL, sql, t1, 1, TIME_EPOCH, "Asia/Tokyo");
        CHECK_STR(got, "{\"t\":1709287200123}\n{\"t\":1720087200000}\n");
        free(got);
        got = render_times(db, OUT_JSONL, sql, t1, 1, TIME_ISO, "Asia/Tokyo");
        CHECK_STR(got, "{\"t\":\"2024-03-01T19:00:00.123+09:00\"}\n"
                       "{\"t\":\"2024-07-04T19:00:00.000+09:00\"}\n");
        free(got);
    }
    TEST("times: an offset with seconds (Amsterdam in 1900, +00:19:32)")
    {
        /* -2208988800 s = 1900-01-01 00:00 UTC; Amsterdam's local mean
         * time then was +0:19:32 (TZ=Europe/Amsterdam date -d @-2208988800) */
        static const char *old = "SELECT -2208988800000";
        got = render_times(db, OUT_TSV, old, t1, 1, TIME_ISO, "Europe/Amsterdam");
        CHECK_STR(got, "t\n1900-01-01T00:19:32.000+00:19:32\n");
        free(got);
    }
}

static void test_json_values(sqlite3 *db)
{
    static const struct out_col c[] = {
        {"m", OT_JSON}, {"l", OT_JSON}, {"s", OT_JSON}, {"b", OT_TEXTBOOL}, {"nb", OT_TEXTBOOL}};
    static const char *sql = "SELECT '{\"k\":[1,true,null]}', '[\"a\",\"b\"]', 'plain', 'true', "
                             "'maybe'";
    TEST("json: maps and lists are JSON values, text booleans JSON booleans")
    {
        CHECK_RENDER(db, OUT_JSONL, sql, c, 5, 0,
                     "{\"m\":{\"k\":[1,true,null]},\"l\":[\"a\",\"b\"],\"s\":\"plain\","
                     "\"b\":true,\"nb\":\"maybe\"}\n");
        /* the other formats show the text as it is */
        CHECK_RENDER(db, OUT_TSV, sql, c, 5, 0,
                     "m\tl\ts\tb\tnb\n{\"k\":[1,true,null]}\t[\"a\",\"b\"]\tplain\ttrue\tmaybe\n");
    }
    TEST("json to a terminal: DEL and C1 inside a map's strings are escaped")
    {
        static const struct out_col c1[] = {{"m", OT_JSON}};
        char *got = render_to(db, OUT_JSONL, "SELECT '{\"a\":\"x' || char(127) || char(155) || '\"}'",
                              c1, 1, 0, true);
        CHECK_STR(got, "{\"m\":{\"a\":\"x\\u007f\\u009b\"}}\n");
        free(got);
    }
    TEST("raw: the first column as is, one per line; escaped to a terminal")
    {
        static const struct out_col c1[] = {{"@message", OT_ANY}};
        CHECK_RENDER(db, OUT_RAW, "SELECT '{\"a\":1}' UNION ALL SELECT 'l1' || char(10) || 'l2'",
                     c1, 1, 0, "{\"a\":1}\nl1\nl2\n");
        char *got = render_to(db, OUT_RAW, "SELECT 'x' || char(27) || '[2J'", c1, 1, 0, true);
        CHECK_STR(got, "x\\x1b[2J\n");
        free(got);
    }
}

static void test_errors(void)
{
    TEST("out_format_parse")
    {
        CHECK_INT(out_format_parse("table"), OUT_TABLE);
        CHECK_INT(out_format_parse("tsv"), OUT_TSV);
        CHECK_INT(out_format_parse("csv"), OUT_CSV);
        CHECK_INT(out_format_parse("json"), OUT_JSON);
        CHECK_INT(out_format_parse("jsonl"), OUT_JSONL);
        CHECK_INT(out_format_parse("raw"), OUT_RAW);
        CHECK_STR(out_format_name(OUT_RAW), "raw");
        CHECK_STR(out_format_name(OUT_TABLE), "table");
        CHECK_INT(out_format_parse("TSV"), -1);
        CHECK_INT(out_format_parse("jsonx"), -1);
        CHECK_INT(out_format_parse(""), -1);
        CHECK_INT(out_format_parse("tab"), -1);
    }
    TEST("write errors reach out_row and out_close")
    {
        static const struct out_col c1[] = {{"a", OT_ANY}};
        FILE *fp = fopen("/dev/full", "w");
        if (!fp) {
            fprintf(stderr, "note: no /dev/full, write-error tests skipped\n");
            break;
        }
        /* Buffered: the header's failure shows when out_close flushes. */
        struct out_writer *w = out_open(OUT_TSV, fp, c1, 1, 0);
        errno = 0;
        CHECK_INT(out_close(w), -1);
        CHECK_INT(errno, ENOSPC);
        clearerr(fp);
        /* Unbuffered: the header already fails; out_row reports it. */
        setvbuf(fp, NULL, _IONBF, 0);
        sqlite3 *mem = NULL;
        sqlite3_stmt *st = NULL;
        sqlite3_open(":memory:", &mem);
        sqlite3_prepare_v2(mem, "SELECT 1", -1, &st, NULL);
        CHECK_INT(sqlite3_step(st), SQLITE_ROW);
        w = out_open(OUT_TSV, fp, c1, 1, 0);
        errno = 0;
        CHECK_INT(out_row(w, st), -1);
        CHECK_INT(errno, ENOSPC);
        errno = 0;
        CHECK_INT(out_close(w), -1);
        CHECK_INT(errno, ENOSPC);
        clearerr(fp);
        /* Table rows are buffered until out_close, which reports the error. */
        w = out_open(OUT_TABLE, fp, c1, 1, 0);
        CHECK_INT(out_row(w, st), 0);
        errno = 0;
        CHECK_INT(out_close(w), -1);
        CHECK_INT(errno, ENOSPC);
        sqlite3_finalize(st);
        sqlite3_close(mem);
        fclose(fp);
    }
    TEST("out_close(NULL)")
    {
        CHECK_INT(out_close(NULL), 0);
    }
}

/* Control characters into a pipe and to a terminal (output.h,
 * "Terminals"). The value is x ESC "]0;T" BEL DEL, U+009B (c2 9b), a stray
 * byte 9b, "€" (e2 82 ac) and a backslash; the column is named k ESC. */
static void test_terminal(sqlite3 *db)
{
    static const char *const sql =
        "SELECT 'x' || char(27) || ']0;T' || char(7) || char(127) || char(155) ||"
        " CAST(x'9b' AS TEXT) || '\xe2\x82\xac' || char(92)";
    static const struct out_col kc[] = {{"k\x1b", OT_ANY}};
#define RAW "x\x1b]0;T\x07\x7f\xc2\x9b\x9b\xe2\x82\xac\\"
    TEST("terminal: tsv escapes every control character, stray bytes only to a terminal")
    {
        char *got = render_to(db, OUT_TSV, sql, kc, 1, 0, false);
        CHECK_STR(got, "k\\x1b\n"
                       "x\\x1b]0;T\\x07\\x7f\\xc2\\x9b\x9b\xe2\x82\xac\\\\\n");
        free(got);
        got = render_to(db, OUT_TSV, sql, kc, 1, 0, true);
        CHECK_STR(got, "k\\x1b\n"
                       "x\\x1b]0;T\\x07\\x7f\\xc2\\x9b\\x9b\xe2\x82\xac\\\\\n");
        free(got);
    }
    TEST("terminal: csv is exact into a pipe, shown escaped to a terminal")
    {
        char *got = render_to(db, OUT_CSV, sql, kc, 1, 0, false);
        CHECK_STR(got, "k\x1b\r\n" RAW "\r\n");
        free(got);
        got = render_to(db, OUT_CSV, sql, kc, 1, 0, true);
        CHECK_STR(got, "k\\x1b\r\n"
                       "x\\x1b]0;T\\x07\\x7f\\xc2\\x9b\\x9b\xe2\x82\xac\\\r\n");
        free(got);
    }
    TEST("terminal: jsonl escapes DEL and C1 too, a stray byte as U+FFFD")
    {
        char *got = render_to(db, OUT_JSONL, sql, kc, 1, 0, false);
        CHECK_STR(got, "{\"k\\u001b\":\"x\\u001b]0;T\\u0007\x7f\xc2\x9b\x9b\xe2\x82\xac\\\\\"}\n");
        free(got);
        got = render_to(db, OUT_JSONL, sql, kc, 1, 0, true);
        CHECK_STR(got, "{\"k\\u001b\":\"x\\u001b]0;T\\u0007\\u007f\\u009b\\ufffd\xe2\x82\xac"
                       "\\\\\"}\n");
        free(got);
    }
    TEST("terminal: table escapes the same either way; escapes count in widths")
    {
        /* x 1 + \x1b 4 + ]0;T 4 + \x07 \x7f 8 + \xc2\x9b 8 + \x9b 4 + € 1 + \ 1 = 31 */
        static const char want[] = "k\\x1b\n"
                                   "-------------------------------\n"
                                   "x\\x1b]0;T\\x07\\x7f\\xc2\\x9b\\x9b\xe2\x82\xac\\\n";
        char *got = render_to(db, OUT_TABLE, sql, kc, 1, 0, false);
        CHECK_STR(got, want);
        free(got);
        got = render_to(db, OUT_TABLE, sql, kc, 1, 0, true);
        CHECK_STR(got, want);
        free(got);
    }
#undef RAW
}

int main(void)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(db, setup_sql, NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "test setup: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    test_formats(db);
    test_values(db);
    test_table(db);
    test_times(db);
    test_json_values(db);
    test_errors();
    test_terminal(db);
    sqlite3_close(db);
    return test_report("output");
}
