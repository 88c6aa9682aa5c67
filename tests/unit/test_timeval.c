/*
 * test_timeval.c — unit tests of the time module (base/timeval.c).
 *
 * Expected values were worked out independently of the code: epoch
 * milliseconds with Python's datetime (UTC), far-range dates with GNU date,
 * weekdays and bucket starts by hand. The property tests compare tv_floor /
 * tv_ceil with a second, naive model of the calendar written here (a day
 * count from year-start sums, a day-by-day calendar walk, Sakamoto's weekday
 * formula) over 100,000 pseudo-random timestamps from a fixed-seed xorshift
 * generator, so every run checks the same values.
 */
#include "base/timeval.h"
#include "tests/unit/testhelp.h"

#include <stdint.h>
#include <string.h>

#define DAY_MS  INT64_C(86400000)
#define WEEK_MS (7 * DAY_MS)

/* ---- the naive reference calendar -------------------------------------- */

static int64_t ref_fdiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b < 0) ? q - 1 : q;
}

static int64_t ref_fmod(int64_t a, int64_t b)
{
    return a - ref_fdiv(a, b) * b;
}

static bool ref_leap(int64_t y)
{
    return ref_fmod(y, 4) == 0 && (ref_fmod(y, 100) != 0 || ref_fmod(y, 400) == 0);
}

static int ref_mdays(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && ref_leap(y)) ? 29 : len[m - 1];
}

/* Days since 1970-01-01: whole years since 0001-01-01 (365 each plus the
 * leap days), the months before m this year, then d; 719162 is the day
 * count from 0001-01-01 to 1970-01-01. */
static int64_t ref_days(int64_t y, int m, int d)
{
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int64_t yy = y - 1;
    int64_t days = 365 * yy + ref_fdiv(yy, 4) - ref_fdiv(yy, 100) + ref_fdiv(yy, 400);
    days += cum[m - 1] + ((m > 2 && ref_leap(y)) ? 1 : 0) + d - 1;
    return days - 719162;
}

/* Weekday by Sakamoto's method: 0 = Sunday, 1 = Monday, ... */
static int ref_weekday(int64_t y, int m, int d)
{
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y--;
    return (int)ref_fmod(y + ref_fdiv(y, 4) - ref_fdiv(y, 100) + ref_fdiv(y, 400) + t[m - 1] + d, 7);
}

/* First instant of month index mi (months since 1970-01). */
static int64_t ref_month_start(int64_t mi)
{
    return ref_days(1970 + ref_fdiv(mi, 12), (int)ref_fmod(mi, 12) + 1, 1) * DAY_MS;
}

/* xorshift64 with a fixed seed: the same sequence every run. */
static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t rng_next(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    rng_state = x;
    return x;
}

/* Uniform-ish value in [lo, hi]. */
static int64_t rng_range(int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
    return (int64_t)((uint64_t)lo + rng_next() % span);
}

/* ---- helpers ------------------------------------------------------------ */

static bool parse(const char *s, int64_t *ms)
{
    return tv_parse_iso8601(s, strlen(s), ms);
}

static int64_t parse_or(const char *s, int64_t fallback)
{
    int64_t ms;
    return parse(s, &ms) ? ms : fallback;
}

static const char *fmt(int64_t ms, char buf[TV_FMT_MAX])
{
    tv_format(ms, buf);
    return buf;
}

static struct period per(int64_t n, enum period_unit u)
{
    struct period p = {n, u};
    return p;
}

static bool unit_is(const char *s, enum period_unit want)
{
    enum period_unit u;
    return tv_parse_unit(s, strlen(s), &u) && u == want;
}

static bool unit_bad(const char *s)
{
    enum period_unit u;
    return !tv_parse_unit(s, strlen(s), &u);
}

static bool period_is(const char *s, int64_t n, enum period_unit unit)
{
    struct period p;
    return tv_parse_period(s, strlen(s), &p) && p.n == n && p.unit == unit;
}

static bool period_bad(const char *s)
{
    struct period p;
    return !tv_parse_period(s, strlen(s), &p);
}

static int64_t cli_or(const char *s, int64_t now, int64_t fallback)
{
    int64_t ms;
    return tv_parse_cli_time(s, now, &ms) ? ms : fallback;
}

/* A value no test expects, returned when parsing fails. */
#define BAD INT64_C(-777)

/* ---- tests -------------------------------------------------------------- */

static void test_civil(void)
{
    TEST("days_from_civil known dates") {
        CHECK_INT(tv_days_from_civil(1970, 1, 1), 0);
        CHECK_INT(tv_days_from_civil(1970, 1, 2), 1);
        CHECK_INT(tv_days_from_civil(1969, 12, 31), -1);
        CHECK_INT(tv_days_from_civil(2000, 3, 1), 11017);
        CHECK_INT(tv_days_from_civil(1600, 3, 1), -135080);
        CHECK_INT(tv_days_from_civil(2024, 2, 29), 19782);
        CHECK_INT(tv_days_from_civil(1, 1, 1), -719162);
        CHECK_INT(tv_days_from_civil(9999, 12, 31), 2932896);
    }
    TEST("civil_from_days known dates") {
        int64_t y;
        int m, d;
        tv_civil_from_days(-1, &y, &m, &d);
        CHECK(y == 1969 && m == 12 && d == 31);
        tv_civil_from_days(19782, &y, &m, &d);
        CHECK(y == 2024 && m == 2 && d == 29);
        tv_civil_from_days(-719162, &y, &m, &d);
        CHECK(y == 1 && m == 1 && d == 1);
        /* The day before 0001-01-01 is 0000-12-31 (astronomical year 0). */
        tv_civil_from_days(-719163, &y, &m, &d);
        CHECK(y == 0 && m == 12 && d == 31);
        /* Extremes must not overflow: these are only computed, not exact. */
        tv_civil_from_days(INT64_MAX, &y, &m, &d);
        CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y > 0);
        tv_civil_from_days(INT64_MIN, &y, &m, &d);
        CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y < 0);
    }
    TEST("civil conversions agree with a day-by-day walk, years -400..2800") {
        int64_t y = -400;
        int m = 1, d = 1;
        int64_t day = ref_days(-400, 1, 1);
        long bad = 0, walked = 0;
        while (y <= 2800) {
            int64_t cy;
            int cm, cd;
            tv_civil_from_days(day, &cy, &cm, &cd);
            if (tv_days_from_civil(y, m, d) != day || cy != y || cm != m || cd != d)
                bad++;
            walked++;
            day++;
            if (++d > ref_mdays(y, m)) {
                d = 1;
                if (++m > 12) {
                    m = 1;
                    y++;
                }
            }
        }
        CHECK_INT(bad, 0);
        CHECK_INT(walked, 3201 * 365 + 777); /* 777 leap years in -400..2800 */
        CHECK_INT(ref_days(1970, 1, 1), 0);  /* the reference itself */
    }
    TEST("days in month agree with the reference, years -400..2800") {
        long bad = 0;
        for (int64_t y = -400; y <= 2800; y++)
            for (int m = 1; m <= 12; m++)
                if (tv_days_in_month(y, m) != ref_mdays(y, m))
                    bad++;
        CHECK_INT(bad, 0);
        CHECK_INT(tv_days_in_month(1900, 2), 28);
        CHECK_INT(tv_days_in_month(2000, 2), 29);
        CHECK_INT(tv_days_in_month(-100, 2), 28);
        CHECK_INT(tv_days_in_month(-4, 2), 29);
    }
    TEST("exactly count digits") {
        int v = -1;
        CHECK(tv_digits("2024", 4, 0, 4, &v));
        CHECK_INT(v, 2024);
        CHECK(tv_digits("x07:", 4, 1, 2, &v));
        CHECK_INT(v, 7);
        CHECK(!tv_digits("2024", 4, 1, 4, &v)); /* runs past n */
        CHECK(!tv_digits("20a4", 4, 0, 4, &v));
        CHECK(!tv_digits("12\xd9\xa3", 4, 2, 1, &v)); /* a byte above 0x7f is no digit */
    }
}

static void test_format(void)
{
    char buf[TV_FMT_MAX];
    TEST("months back: calendar months, the day clamped to the month's end") {
        int64_t t;
        CHECK(tv_parse_iso8601("2024-03-31T12:34:56.789Z", 24, &t));
        CHECK_STR(fmt(tv_months_back(t, 1), buf), "2024-02-29 12:34:56.789");
        CHECK_STR(fmt(tv_months_back(t, 0), buf), "2024-03-31 12:34:56.789");
        CHECK_STR(fmt(tv_months_back(t, 13), buf), "2023-02-28 12:34:56.789");
        CHECK_STR(fmt(tv_months_back(t, 3), buf), "2023-12-31 12:34:56.789");
        CHECK(tv_parse_iso8601("1970-01-15T00:00:00Z", 20, &t));
        CHECK_STR(fmt(tv_months_back(t, 1), buf), "1969-12-15 00:00:00.000");
        CHECK(tv_parse_iso8601("2000-05-31T23:59:59.999Z", 24, &t));
        CHECK_STR(fmt(tv_months_back(t, 3), buf), "2000-02-29 23:59:59.999");
    }
    TEST("format") {
        CHECK_STR(fmt(0, buf), "1970-01-01 00:00:00.000");
        CHECK_INT(tv_format(0, buf), 23);
        CHECK_STR(fmt(-1, buf), "1969-12-31 23:59:59.999");
        CHECK_STR(fmt(1642195111000, buf), "2022-01-14 21:18:31.000");
        CHECK_STR(fmt(1709738833456, buf), "2024-03-06 15:27:13.456");
        CHECK_STR(fmt(1709164800000, buf), "2024-02-29 00:00:00.000");
        CHECK_STR(fmt(951782400000, buf), "2000-02-29 00:00:00.000");
        CHECK_STR(fmt(-2208988800000, buf), "1900-01-01 00:00:00.000");
        CHECK_STR(fmt(-62135596800000, buf), "0001-01-01 00:00:00.000");
        CHECK_STR(fmt(-62167219200000, buf), "0000-01-01 00:00:00.000");
        CHECK_STR(fmt(253402300799999, buf), "9999-12-31 23:59:59.999");
        CHECK_INT(tv_format(253402300799999, buf), 23);
    }
    TEST("format outside years 0..9999") {
        CHECK_STR(fmt(-62167219200001, buf), "-0001-12-31 23:59:59.999");
        CHECK_STR(fmt(253402300800000, buf), "10000-01-01 00:00:00.000");
        /* GNU date: @9223372036854775 is 292278994-08-17 07:12:55 UTC,
         * @-9223372036854776 is -292275055-05-16 16:47:04. */
        CHECK_STR(fmt(INT64_MAX, buf), "292278994-08-17 07:12:55.807");
        CHECK_STR(fmt(INT64_MIN, buf), "-292275055-05-16 16:47:04.192");
        CHECK(tv_format(INT64_MIN, buf) < TV_FMT_MAX);
        CHECK(strlen(buf) == tv_format(INT64_MIN, buf));
    }
}

static void test_parse(void)
{
    TEST("parse: documented example 10") {
        CHECK_INT(parse_or("2022-01-14T13:18:31.000-08:00", BAD), 1642195111000);
    }
    TEST("parse: shapes of the header") {
        CHECK_INT(parse_or("2024-03-01", BAD), 1709251200000);
        CHECK_INT(parse_or("2024-03-01T10:00Z", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00Z", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01 10:00:00", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01t10:00:00z", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01 10:00", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00.5Z", BAD), 1709287200500);
        CHECK_INT(parse_or("2024-03-01T10:00:00,5Z", BAD), 1709287200500);
        CHECK_INT(parse_or("2024-03-01T10:00:00.123456789+02:00", BAD), 1709280000123);
        CHECK_INT(parse_or("2024-03-01T10:00:00-0700", BAD), 1709312400000);
        CHECK_INT(parse_or("2024-03-01T10:00:00-07:00", BAD), 1709312400000);
        CHECK_INT(parse_or("2024-03-01T10:00:00+05", BAD), 1709269200000);
    }
    TEST("parse: fractions truncate") {
        CHECK_INT(parse_or("2024-03-01T10:00:00.1Z", BAD), 1709287200100);
        CHECK_INT(parse_or("2024-03-01T10:00:00.12Z", BAD), 1709287200120);
        CHECK_INT(parse_or("2024-03-01T10:00:00.1239Z", BAD), 1709287200123);
        CHECK_INT(parse_or("2024-03-01T10:00:00.9999Z", BAD), 1709287200999);
        CHECK_INT(parse_or("2024-03-01T10:00:00.000000000000000000000000000000000001Z", BAD),
                  1709287200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00.99999999999999999999999999999999999999", BAD),
                  1709287200999);
    }
    TEST("parse: offsets") {
        CHECK_INT(parse_or("2024-03-01T10:00:00+05:30", BAD), 1709267400000);
        CHECK_INT(parse_or("2024-03-01T10:00+0530", BAD), 1709267400000);
        CHECK_INT(parse_or("2024-03-01T10:00:00+00:00", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00-00:00", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00+0000", BAD), 1709287200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00+00", BAD), 1709287200000);
        /* Offsets move the instant across a (leap) day boundary. */
        CHECK_INT(parse_or("2024-03-01T01:00:00+02:00", BAD), 1709247600000);
        CHECK_INT(parse_or("2024-02-29T23:00:00-01:00", BAD), 1709251200000);
        CHECK_INT(parse_or("2024-03-01T10:00:00+23:59", BAD), 1709287200000 - 86340000);
    }
    TEST("parse: leap years and the range") {
        CHECK_INT(parse_or("2024-02-29", BAD), 1709164800000);
        CHECK_INT(parse_or("2000-02-29", BAD), 951782400000);
        CHECK_INT(parse_or("1600-02-29", BAD), -11670998400000);
        CHECK_INT(parse_or("2023-02-29", BAD), BAD);
        CHECK_INT(parse_or("1900-02-29", BAD), BAD);
        CHECK_INT(parse_or("2100-02-29", BAD), BAD);
        CHECK_INT(parse_or("1969-12-31T23:59:59.999Z", BAD), -1);
        CHECK_INT(parse_or("1900-01-01", BAD), -2208988800000);
        CHECK_INT(parse_or("0001-01-01", BAD), -62135596800000);
        CHECK_INT(parse_or("0000-01-01", BAD), -62167219200000);
        CHECK_INT(parse_or("9999-12-31T23:59:59.999Z", BAD), 253402300799999);
        CHECK_INT(parse_or("2024-04-30", BAD), 1714435200000);
        CHECK_INT(parse_or("2024-12-31T23:59:59.999", BAD), 1735689599999);
    }
    TEST("parse: 24:00 and leap seconds") {
        CHECK_INT(parse_or("2024-03-01T24:00:00Z", BAD), 1709337600000);
        CHECK_INT(parse_or("2024-03-01T24:00", BAD), 1709337600000);
        CHECK_INT(parse_or("2024-03-01T24:00:00.000Z", BAD), 1709337600000);
        CHECK_INT(parse_or("2024-03-01T23:59:60Z", BAD), 1709337599999);
        CHECK_INT(parse_or("2024-03-01T23:59:60.5Z", BAD), 1709337599999);
        CHECK_INT(parse_or("2024-03-01T24:01", BAD), BAD);
        CHECK_INT(parse_or("2024-03-01T24:00:01", BAD), BAD);
        CHECK_INT(parse_or("2024-03-01T24:00:00.001", BAD), BAD);
    }
    TEST("parse: rejects") {
        static const char *const bad[] = {
            "", "2024-13-01", "2024-00-10", "2024-02-30", "2024-04-31", "2024-03-32",
            "2024-03-00", "2024-03-01T25:00", "2024-03-01T10:60", "2024-03-01T10:00:61",
            "2024-03-01T10:00:00Zx", "2024-03-01 ", "2024-03-01T", "2024-03-01T10",
            "2024-03-01T10:00:00.", "2024-03-01T10:00:00.Z", "2024-03-01T10:00:00,",
            "2024-03-01T10:00.5", "2024-3-01", "24-03-01", "2024/03/01", "20240301",
            "2024-03-01T10:00:00+", "2024-03-01T10:00:00+5", "2024-03-01T10:00:00+24:00",
            "2024-03-01T10:00:00+05:60", "2024-03-01T10:00:00+05:3", "2024-03-01T10:00:00+053",
            "2024-03-01T10:00:00+05:30:00", "2024-03-01  10:00", "2024-03-01T10:00:00 Z",
            "2024-03-01Z", " 2024-03-01", "2024-03-01T1:00", "2024-03-01T10:0",
            "2024-03-01X10:00", "2024-03-01\t10:00", "2024-03-01T10:00:00ZZ", "+2024-03-01",
            "-2024-03-01", "12024-03-01", "2024-03-01T10:00:00.5.5", "now", "1709287200",
            "2024-03-01T-1:00", "2024-03-01T10:-1", "2024-0a-01", "999999999999999999999",
        };
        int64_t ms = 42;
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            bool ok = parse(bad[i], &ms);
            if (ok)
                fprintf(stderr, "accepted: \"%s\"\n", bad[i]);
            CHECK(!ok);
        }
        CHECK_INT(ms, 42); /* untouched on failure */
        CHECK(!tv_parse_iso8601("2024-03-01\0", 11, &ms));
        /* Only n bytes are read: a valid prefix of a longer buffer. */
        CHECK(tv_parse_iso8601("2024-03-01T10:00:00Z", 10, &ms) && ms == 1709251200000);
        CHECK(tv_parse_iso8601("2024-03-01T10:00:00Z", 16, &ms) && ms == 1709287200000);
        CHECK(!tv_parse_iso8601("2024-03-01T10:00:00Z", 13, &ms));
        CHECK(!tv_parse_iso8601("2024-03-01T10:00:00Z", 0, &ms));
    }
}

static void test_scan(void)
{
    TEST("scan") {
        int64_t ms = 42;
        const char *s;
        s = "2024-03-01T10:00:00Z GET /";
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 20);
        CHECK_INT(ms, 1709287200000);
        s = "2024-03-01 10:00:00 GET /";
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 19);
        CHECK_INT(ms, 1709287200000);
        s = "2024-03-01T10:00:00.123+02:00 x";
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 29);
        CHECK_INT(ms, 1709280000123);
        s = "2022-01-14T13:18:31.000-08:00";
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 29);
        CHECK_INT(ms, 1642195111000);
        s = "2024-03-01 GET";
        ms = 0;
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 10);
        CHECK_INT(ms, 1709251200000);
        s = "2024-03-01\tx";
        ms = 0;
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 10);
        CHECK_INT(ms, 1709251200000);
        s = "2024-03-01";
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 10);
        s = "2024-03-01 25:00 x"; /* not a time, but the date stands alone */
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 10);
        s = "2024-03-01T10:00:00.x"; /* the '.' is not part of it */
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 19);
        s = "2024-03-01T10:00 x";
        CHECK_INT(tv_scan_iso8601(s, strlen(s), &ms), 16);
        CHECK_INT(ms, 1709287200000);
    }
    TEST("scan: not a timestamp") {
        static const char *const bad[] = {
            "", "hello", "2024-03-01x", "2024-03-01T x", "2024-03-01Tx", "2024-13-01 x",
            "2024-02-30 x", "2024-03-01T25:00 x", "2024-03", " 2024-03-01", "2024-03-01,x",
        };
        int64_t ms = 42;
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
            CHECK_INT(tv_scan_iso8601(bad[i], strlen(bad[i]), &ms), 0);
        CHECK_INT(ms, 42);
        /* n bounds the read. */
        CHECK_INT(tv_scan_iso8601("2024-03-01T10:00:00Z", 13, &ms), 0);
        CHECK_INT(tv_scan_iso8601("2024-03-01T10:00:00Z", 16, &ms), 16);
        CHECK_INT(tv_scan_iso8601("2024-03-01T10:00:00Z", 9, &ms), 0);
    }
}

static void test_cli(void)
{
    const int64_t now = 1709287200000; /* 2024-03-01T10:00:00Z */
    TEST("cli: now and relative") {
        CHECK_INT(cli_or("now", now, BAD), now);
        CHECK_INT(cli_or("NOW", now, BAD), now);
        CHECK_INT(cli_or("-15m", now, BAD), now - 900000);
        CHECK_INT(cli_or("-2h", now, BAD), now - 7200000);
        CHECK_INT(cli_or("-7d", now, BAD), now - 7 * DAY_MS);
        CHECK_INT(cli_or("-30s", now, BAD), now - 30000);
        CHECK_INT(cli_or("-1w", now, BAD), now - 604800000);
        CHECK_INT(cli_or("-500ms", now, BAD), now - 500);
        CHECK_INT(cli_or("-90min", now, BAD), now - 5400000);
        CHECK_INT(cli_or("-1mo", now, BAD), BAD);
        CHECK_INT(cli_or("-1y", now, BAD), BAD);
        CHECK_INT(cli_or("-0m", now, BAD), BAD);
        CHECK_INT(cli_or("-m", now, BAD), BAD);
        CHECK_INT(cli_or("-", now, BAD), BAD);
        CHECK_INT(cli_or("-15", now, BAD), BAD);
        CHECK_INT(cli_or("15m", now, BAD), BAD);
        CHECK_INT(cli_or("+15m", now, BAD), BAD);
        CHECK_INT(cli_or("-1d", INT64_MIN + 5, BAD), BAD); /* would overflow */
        CHECK_INT(cli_or("-9223372036854775807ms", -2, BAD), BAD);
    }
    TEST("cli: epoch seconds and milliseconds") {
        CHECK_INT(cli_or("1709287200", now, BAD), 1709287200000);
        CHECK_INT(cli_or("1709287200.5", now, BAD), 1709287200500);
        CHECK_INT(cli_or("1709287200.123456", now, BAD), 1709287200123);
        CHECK_INT(cli_or("1709287200123", now, BAD), 1709287200123);
        CHECK_INT(cli_or("1709287200123.9", now, BAD), 1709287200123);
        CHECK_INT(cli_or("99999999999", now, BAD), 99999999999000);
        CHECK_INT(cli_or("100000000000", now, BAD), 100000000000);
        CHECK_INT(cli_or("0", now, BAD), 0);
        CHECK_INT(cli_or("9223372036854775807", now, BAD), INT64_MAX);
        CHECK_INT(cli_or("9223372036854775808", now, BAD), BAD);
        CHECK_INT(cli_or("99999999999999999999999999", now, BAD), BAD);
        CHECK_INT(cli_or("1.", now, BAD), BAD);
        CHECK_INT(cli_or(".5", now, BAD), BAD);
        CHECK_INT(cli_or("12a", now, BAD), BAD);
        CHECK_INT(cli_or("1,5", now, BAD), BAD);
    }
    TEST("cli: ISO-8601 and junk") {
        CHECK_INT(cli_or("2024-03-01", now, BAD), 1709251200000);
        CHECK_INT(cli_or("2024-03-01T10:00:00Z", now, BAD), 1709287200000);
        CHECK_INT(cli_or("2022-01-14T13:18:31.000-08:00", now, BAD), 1642195111000);
        CHECK_INT(cli_or("", now, BAD), BAD);
        CHECK_INT(cli_or(" now", now, BAD), BAD);
        CHECK_INT(cli_or("now ", now, BAD), BAD);
        CHECK_INT(cli_or("yesterday", now, BAD), BAD);
        CHECK_INT(cli_or("2024-02-30", now, BAD), BAD);
    }
}

static void test_units(void)
{
    TEST("units: every alias") {
        CHECK(unit_is("ms", PU_MS));
        CHECK(unit_is("msec", PU_MS));
        CHECK(unit_is("millisecond", PU_MS));
        CHECK(unit_is("s", PU_SEC));
        CHECK(unit_is("sec", PU_SEC));
        CHECK(unit_is("second", PU_SEC));
        CHECK(unit_is("m", PU_MIN));
        CHECK(unit_is("min", PU_MIN));
        CHECK(unit_is("minute", PU_MIN));
        CHECK(unit_is("h", PU_HOUR));
        CHECK(unit_is("hr", PU_HOUR));
        CHECK(unit_is("hour", PU_HOUR));
        CHECK(unit_is("d", PU_DAY));
        CHECK(unit_is("day", PU_DAY));
        CHECK(unit_is("w", PU_WEEK));
        CHECK(unit_is("week", PU_WEEK));
        CHECK(unit_is("mo", PU_MONTH));
        CHECK(unit_is("mon", PU_MONTH));
        CHECK(unit_is("month", PU_MONTH));
        CHECK(unit_is("q", PU_QUARTER));
        CHECK(unit_is("qtr", PU_QUARTER));
        CHECK(unit_is("quarter", PU_QUARTER));
        CHECK(unit_is("y", PU_YEAR));
        CHECK(unit_is("yr", PU_YEAR));
        CHECK(unit_is("year", PU_YEAR));
    }
    TEST("units: plurals") {
        CHECK(unit_is("msecs", PU_MS));
        CHECK(unit_is("milliseconds", PU_MS));
        CHECK(unit_is("secs", PU_SEC));
        CHECK(unit_is("seconds", PU_SEC));
        CHECK(unit_is("mins", PU_MIN));
        CHECK(unit_is("minutes", PU_MIN));
        CHECK(unit_is("hrs", PU_HOUR));
        CHECK(unit_is("hours", PU_HOUR));
        CHECK(unit_is("days", PU_DAY));
        CHECK(unit_is("weeks", PU_WEEK));
        CHECK(unit_is("mos", PU_MONTH));
        CHECK(unit_is("mons", PU_MONTH));
        CHECK(unit_is("months", PU_MONTH));
        CHECK(unit_is("qtrs", PU_QUARTER));
        CHECK(unit_is("quarters", PU_QUARTER));
        CHECK(unit_is("yrs", PU_YEAR));
        CHECK(unit_is("years", PU_YEAR));
    }
    TEST("units: case-insensitive") {
        CHECK(unit_is("MS", PU_MS));
        CHECK(unit_is("Ms", PU_MS));
        CHECK(unit_is("M", PU_MIN));
        CHECK(unit_is("MO", PU_MONTH));
        CHECK(unit_is("Hours", PU_HOUR));
        CHECK(unit_is("YEARS", PU_YEAR));
        CHECK(unit_is("Qtr", PU_QUARTER));
        CHECK(unit_is("WEEKS", PU_WEEK));
    }
    TEST("units: rejects") {
        /* Single letters take no plural; "mss" is not a plural of "ms". */
        static const char *const bad[] = {
            "", "x", "hs", "ds", "ws", "qs", "ys", "ss", "mss", "minn", "hourss", "mth",
            "milli", "mi", "hour ", " h", "s1", "sx", "weekly", "yearly", "mo s", "µs",
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            bool bad_ok = unit_bad(bad[i]);
            if (!bad_ok)
                fprintf(stderr, "accepted unit: \"%s\"\n", bad[i]);
            CHECK(bad_ok);
        }
        enum period_unit u;
        CHECK(!tv_parse_unit("hours", 2, &u)); /* "ho": not a unit */
        CHECK(tv_parse_unit("hours", 1, &u) && u == PU_HOUR);
    }
}

static void test_periods(void)
{
    TEST("periods") {
        CHECK(period_is("5m", 5, PU_MIN));
        CHECK(period_is("100ms", 100, PU_MS));
        CHECK(period_is("2hrs", 2, PU_HOUR));
        CHECK(period_is("1mo", 1, PU_MONTH));
        CHECK(period_is("3q", 3, PU_QUARTER));
        CHECK(period_is("1y", 1, PU_YEAR));
        CHECK(period_is("10Days", 10, PU_DAY));
        CHECK(period_is("30s", 30, PU_SEC));
        CHECK(period_is("1w", 1, PU_WEEK));
        CHECK(period_is("300s", 300, PU_SEC)); /* no Insights caps (docs/language.md) */
        CHECK(period_is("05m", 5, PU_MIN));
        CHECK(period_is("9223372036854775807ms", INT64_MAX, PU_MS));
        CHECK(period_is("9223372036854775s", 9223372036854775, PU_SEC));
        CHECK(period_is("15250284452w", 15250284452, PU_WEEK));
        CHECK(period_is("291672107y", 291672107, PU_YEAR));
    }
    TEST("periods: rejects") {
        static const char *const bad[] = {
            "", "0m", "00m", "5", "m5", "m", "5 m", " 5m", "5m ", "-5m", "+5m", "5.5m",
            "5mss", "5x", "1e3ms", "9223372036854775808ms", "9223372036854776s",
            "15250284453w", "291672108y", "99999999999999999999999999m",
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            bool bad_ok = period_bad(bad[i]);
            if (!bad_ok)
                fprintf(stderr, "accepted period: \"%s\"\n", bad[i]);
            CHECK(bad_ok);
        }
    }
    TEST("period_ms") {
        CHECK_INT(tv_period_ms(per(100, PU_MS)), 100);
        CHECK_INT(tv_period_ms(per(45, PU_SEC)), 45000);
        CHECK_INT(tv_period_ms(per(5, PU_MIN)), 300000);
        CHECK_INT(tv_period_ms(per(2, PU_HOUR)), 7200000);
        CHECK_INT(tv_period_ms(per(3, PU_DAY)), 259200000);
        CHECK_INT(tv_period_ms(per(1, PU_WEEK)), 604800000);
        CHECK_INT(tv_period_ms(per(1, PU_MONTH)), 0);
        CHECK_INT(tv_period_ms(per(1, PU_QUARTER)), 0);
        CHECK_INT(tv_period_ms(per(7, PU_YEAR)), 0);
    }
}

static void test_buckets(void)
{
    /* 2024-03-06T15:27:13.456Z, a Wednesday. */
    const int64_t ts = 1709738833456;
    TEST("floor: fixed units") {
        CHECK_INT(tv_floor(ts, per(1, PU_MS)), ts);
        CHECK_INT(tv_floor(ts, per(100, PU_MS)), 1709738833400);
        CHECK_INT(tv_floor(ts, per(1, PU_SEC)), 1709738833000);
        CHECK_INT(tv_floor(ts, per(30, PU_SEC)), 1709738820000);
        CHECK_INT(tv_floor(ts, per(5, PU_MIN)), 1709738700000);  /* 15:25 */
        CHECK_INT(tv_floor(ts, per(300, PU_SEC)), 1709738700000); /* = 5m */
        CHECK_INT(tv_floor(ts, per(1, PU_HOUR)), 1709737200000);  /* 15:00 */
        CHECK_INT(tv_floor(ts, per(12, PU_HOUR)), 1709726400000); /* 12:00 */
        CHECK_INT(tv_floor(ts, per(1, PU_DAY)), 1709683200000);   /* 03-06 */
    }
    TEST("floor: weeks start on Monday") {
        CHECK_INT(tv_floor(ts, per(1, PU_WEEK)), 1709510400000); /* Mon 2024-03-04 */
        CHECK_INT(tv_floor(1709510400000, per(1, PU_WEEK)), 1709510400000);
        CHECK_INT(tv_floor(1709510400000 - 1, per(1, PU_WEEK)), 1709510400000 - WEEK_MS);
        CHECK_INT(tv_floor(0, per(1, PU_WEEK)), -259200000);      /* Mon 1969-12-29 */
        CHECK_INT(tv_floor(0, per(2, PU_WEEK)), -864000000);      /* Mon 1969-12-22 */
        CHECK_INT(tv_floor(345600000, per(2, PU_WEEK)), 345600000); /* Mon 1970-01-05 */
    }
    TEST("floor: months, quarters, years") {
        CHECK_INT(tv_floor(ts, per(1, PU_MONTH)), 1709251200000);  /* 2024-03-01 */
        CHECK_INT(tv_floor(ts, per(2, PU_MONTH)), 1709251200000);  /* index 650 */
        CHECK_INT(tv_floor(ts, per(3, PU_MONTH)), 1704067200000);  /* 2024-01-01 */
        CHECK_INT(tv_floor(ts, per(4, PU_MONTH)), 1704067200000);
        CHECK_INT(tv_floor(ts, per(5, PU_MONTH)), 1709251200000);
        CHECK_INT(tv_floor(ts, per(7, PU_MONTH)), parse_or("2023-09-01", BAD));
        CHECK_INT(tv_floor(parse_or("2024-07-15T12:00Z", BAD), per(4, PU_MONTH)),
                  parse_or("2024-05-01", BAD));
        CHECK_INT(tv_floor(ts, per(1, PU_QUARTER)), 1704067200000);
        CHECK_INT(tv_floor(ts, per(2, PU_QUARTER)), 1704067200000);
        CHECK_INT(tv_floor(parse_or("2023-08-31T23:59:59.999Z", BAD), per(1, PU_QUARTER)),
                  1688169600000); /* 2023-07-01 */
        CHECK_INT(tv_floor(ts, per(1, PU_YEAR)), 1704067200000);
        CHECK_INT(tv_floor(ts, per(2, PU_YEAR)), 1704067200000);
        CHECK_INT(tv_floor(ts, per(5, PU_YEAR)), parse_or("2020-01-01", BAD));
        CHECK_INT(tv_floor(1709251200000, per(1, PU_MONTH)), 1709251200000);
        CHECK_INT(tv_floor(1709251200000 - 1, per(1, PU_MONTH)), 1706745600000); /* 02-01 */
    }
    TEST("floor: negative timestamps") {
        CHECK_INT(tv_floor(-1, per(1, PU_MS)), -1);
        CHECK_INT(tv_floor(-1, per(1, PU_SEC)), -1000);
        CHECK_INT(tv_floor(-1000, per(1, PU_SEC)), -1000);
        CHECK_INT(tv_floor(-1001, per(1, PU_SEC)), -2000);
        CHECK_INT(tv_floor(-1, per(5, PU_MIN)), -300000);
        CHECK_INT(tv_floor(-1, per(1, PU_DAY)), -86400000);
        CHECK_INT(tv_floor(-1, per(1, PU_WEEK)), -259200000);   /* 1969-12-29 */
        CHECK_INT(tv_floor(-1, per(1, PU_MONTH)), -2678400000); /* 1969-12-01 */
        CHECK_INT(tv_floor(-1, per(1, PU_QUARTER)), -7948800000); /* 1969-10-01 */
        CHECK_INT(tv_floor(-1, per(1, PU_YEAR)), -31536000000); /* 1969-01-01 */
        CHECK_INT(tv_floor(-1, per(2, PU_YEAR)), -63158400000); /* 1968-01-01 */
        CHECK_INT(tv_floor(-1, per(10, PU_YEAR)), -315619200000); /* 1960-01-01 */
        CHECK_INT(tv_floor(parse_or("1600-02-29T13:00Z", BAD), per(1, PU_DAY)),
                  -11670998400000);
        CHECK_INT(tv_floor(parse_or("1600-02-29T13:00Z", BAD), per(1, PU_YEAR)),
                  -11676096000000); /* 1600-01-01 */
    }
    TEST("ceil") {
        CHECK_INT(tv_ceil(ts, per(5, PU_MIN)), 1709739000000); /* 15:30 */
        CHECK_INT(tv_ceil(1709738700000, per(5, PU_MIN)), 1709738700000);
        CHECK_INT(tv_ceil(ts, per(1, PU_DAY)), 1709683200000 + DAY_MS);
        CHECK_INT(tv_ceil(ts, per(1, PU_WEEK)), 1709510400000 + WEEK_MS);
        CHECK_INT(tv_ceil(0, per(1, PU_WEEK)), 345600000); /* 1970-01-05 */
        CHECK_INT(tv_ceil(0, per(1, PU_DAY)), 0);
        CHECK_INT(tv_ceil(-1, per(1, PU_DAY)), 0);
        CHECK_INT(tv_ceil(-86400001, per(1, PU_DAY)), -86400000);
        CHECK_INT(tv_ceil(ts, per(1, PU_MONTH)), 1711929600000);   /* 2024-04-01 */
        CHECK_INT(tv_ceil(ts, per(1, PU_QUARTER)), 1711929600000); /* 2024-04-01 */
        CHECK_INT(tv_ceil(ts, per(2, PU_QUARTER)), 1719792000000); /* 2024-07-01 */
        CHECK_INT(tv_ceil(ts, per(1, PU_YEAR)), 1735689600000);    /* 2025-01-01 */
        CHECK_INT(tv_ceil(1704067200000, per(1, PU_YEAR)), 1704067200000);
        CHECK_INT(tv_ceil(-1, per(1, PU_YEAR)), 0);
        CHECK_INT(tv_ceil(-31536000001, per(1, PU_YEAR)), -31536000000);
        CHECK_INT(tv_ceil(1706745600000 + 1, per(1, PU_MONTH)), 1709251200000); /* Feb->Mar */
    }
    TEST("floor with offset") {
        /* 1h bins starting at :30. */
        CHECK_INT(tv_floor_offset(ts, per(1, PU_HOUR), 1800000), 1709735400000); /* 14:30 */
        CHECK_INT(tv_floor_offset(1709739000000, per(1, PU_HOUR), 1800000), 1709739000000);
        /* 1d bins starting at 16:00 UTC (midnight at -08:00). */
        CHECK_INT(tv_floor_offset(parse_or("2024-03-06T05:00Z", BAD), per(1, PU_DAY),
                                  -28800000),
                  parse_or("2024-03-05T16:00Z", BAD));
        CHECK_INT(tv_floor_offset(parse_or("2024-03-06T17:00Z", BAD), per(1, PU_DAY),
                                  -28800000),
                  parse_or("2024-03-06T16:00Z", BAD));
        CHECK_INT(tv_floor_offset(ts, per(5, PU_MIN), 0), 1709738700000);
        CHECK_INT(tv_floor_offset(-1, per(1, PU_HOUR), 60000), -3540000); /* 23:01 */
        /* Calendar bins shifted by a day: months starting on the 2nd. */
        CHECK_INT(tv_floor_offset(1709251200000, per(1, PU_MONTH), DAY_MS),
                  1706745600000 + DAY_MS);
    }
    TEST("extremes do not overflow") {
        CHECK_INT(tv_floor(INT64_MAX, per(1, PU_MS)), INT64_MAX);
        CHECK_INT(tv_floor(INT64_MIN, per(1, PU_MS)), INT64_MIN);
        CHECK(tv_floor(INT64_MIN, per(1, PU_DAY)) == INT64_MIN);
        CHECK(tv_floor(INT64_MAX, per(1, PU_DAY)) <= INT64_MAX);
        CHECK(tv_ceil(INT64_MAX, per(1, PU_DAY)) == INT64_MAX);
        CHECK(tv_floor(INT64_MIN, per(1, PU_YEAR)) == INT64_MIN);
        CHECK(tv_floor(INT64_MAX, per(1, PU_YEAR)) < INT64_MAX);
        CHECK(tv_ceil(INT64_MAX, per(1, PU_YEAR)) == INT64_MAX);
        CHECK(tv_floor(0, per(INT64_MAX, PU_MS)) == 0);
        CHECK(tv_floor(-1, per(INT64_MAX, PU_WEEK)) < -1);
        CHECK(tv_floor(-1, per(INT64_MAX, PU_YEAR)) == INT64_MIN);
        CHECK(tv_floor(5, per(INT64_MAX, PU_YEAR)) == 0);
        /* Counts below 1 are read as 1. */
        CHECK_INT(tv_floor(1709738833456, per(0, PU_HOUR)), 1709737200000);
        CHECK_INT(tv_ceil(1709738833456, per(-3, PU_HOUR)), 1709740800000);
        CHECK_INT(tv_floor(1709738833456, per(0, PU_MONTH)), 1709251200000);
        CHECK(tv_ceil(5, per(INT64_MAX, PU_YEAR)) == INT64_MAX);
        CHECK(tv_floor_offset(INT64_MIN, per(1, PU_HOUR), INT64_MAX) <= INT64_MAX);
        CHECK(tv_floor_offset(INT64_MAX, per(1, PU_HOUR), INT64_MIN) >= INT64_MIN);
    }
}

/* Checks one random (ts, period) pair against the naive model; returns the
 * number of violated properties. */
static int check_bucket(int64_t ts, struct period p)
{
    int bad = 0;
    int64_t f = tv_floor(ts, p);
    int64_t c = tv_ceil(ts, p);
    if (tv_floor(f, p) != f) /* idempotent */
        bad++;
    if (tv_ceil(f, p) != f)
        bad++;
    if (c < ts || (c == ts) != (f == ts))
        bad++;
    if (p.unit == PU_MONTH || p.unit == PU_QUARTER || p.unit == PU_YEAR) {
        int64_t k = p.unit == PU_YEAR ? 12 : p.unit == PU_QUARTER ? 3 : 1;
        int64_t months = p.n * k;
        int64_t y;
        int m, d;
        if (f % DAY_MS != 0) /* 00:00:00.000 */
            bad++;
        tv_civil_from_days(f / DAY_MS, &y, &m, &d);
        int64_t mi = (y - 1970) * 12 + (m - 1);
        if (d != 1 || mi % months != 0 || ref_days(y, m, 1) * DAY_MS != f)
            bad++;
        int64_t next = ref_month_start(mi + months);
        if (!(f <= ts && ts < next))
            bad++;
        if (c != ts && c != next)
            bad++;
    } else {
        int64_t len = tv_period_ms(p);
        int64_t origin = p.unit == PU_WEEK ? 4 * DAY_MS : 0;
        if (!(f <= ts && ts < f + len))
            bad++;
        if ((f - origin) % len != 0 || (c - origin) % len != 0)
            bad++;
        if (c - ts >= len)
            bad++;
        if (p.unit == PU_WEEK) {
            int64_t y;
            int m, d;
            tv_civil_from_days(ref_fdiv(f, DAY_MS), &y, &m, &d);
            if (f % DAY_MS != 0 || ref_weekday(y, m, d) != 1)
                bad++;
        }
    }
    /* Offset bins: the same properties shifted by the offset. */
    int64_t off = rng_range(-10 * DAY_MS, 10 * DAY_MS);
    int64_t fo = tv_floor_offset(ts, p, off);
    if (fo > ts || fo - off != tv_floor(ts - off, p))
        bad++;
    if (tv_period_ms(p) > 0 && ts - fo >= tv_period_ms(p))
        bad++;
    return bad;
}

static void test_properties(void)
{
    /* Years 0 .. 9999. */
    const int64_t lo = -62167219200000, hi = 253402300799999;
    TEST("property: floor/ceil over 100,000 random timestamps") {
        static const int64_t max_n[] = {
            [PU_MS] = 100000, [PU_SEC] = 10000, [PU_MIN] = 1000, [PU_HOUR] = 500,
            [PU_DAY] = 400,   [PU_WEEK] = 60,   [PU_MONTH] = 30, [PU_QUARTER] = 12,
            [PU_YEAR] = 50,
        };
        long bad = 0, count[PU_YEAR + 1] = {0};
        for (int i = 0; i < 100000; i++) {
            int64_t t = (i % 10 == 0) ? rng_range(-(INT64_C(1) << 52), INT64_C(1) << 52)
                                       : rng_range(lo, hi);
            enum period_unit u = (enum period_unit)(rng_next() % (PU_YEAR + 1));
            /* Small counts half the time: 1 is the common case. */
            int64_t n = (rng_next() & 1) ? rng_range(1, 3) : rng_range(1, max_n[u]);
            int b = check_bucket(t, per(n, u));
            if (b && bad < 10)
                fprintf(stderr, "bucket property failed: ts=%lld n=%lld unit=%d\n",
                        (long long)t, (long long)n, (int)u);
            bad += b;
            count[u]++;
        }
        CHECK_INT(bad, 0);
        for (int u = 0; u <= PU_YEAR; u++)
            CHECK(count[u] > 9000); /* every unit was exercised */
    }
    TEST("property: format then parse round-trips, years 1..9999") {
        const int64_t lo1 = -62135596800000; /* 0001-01-01 */
        long bad = 0;
        for (int i = 0; i < 100000; i++) {
            int64_t t = rng_range(lo1, hi);
            char buf[TV_FMT_MAX];
            size_t len = tv_format(t, buf);
            int64_t back = BAD, back2 = BAD;
            bool ok = len == 23 && tv_parse_iso8601(buf, len, &back) && back == t;
            /* The RFC 3339 spelling of the same instant. */
            buf[10] = 'T';
            buf[23] = 'Z';
            ok = ok && tv_parse_iso8601(buf, 24, &back2) && back2 == t;
            if (!ok && bad < 10)
                fprintf(stderr, "round trip failed: %lld -> %s\n", (long long)t, buf);
            bad += !ok;
        }
        CHECK_INT(bad, 0);
    }
    TEST("property: format agrees with the naive calendar") {
        long bad = 0;
        for (int i = 0; i < 20000; i++) {
            int64_t y = rng_range(0, 9999);
            int m = (int)rng_range(1, 12);
            int d = (int)rng_range(1, ref_mdays(y, m));
            int64_t msod = rng_range(0, DAY_MS - 1);
            int64_t t = ref_days(y, m, d) * DAY_MS + msod;
            char buf[TV_FMT_MAX], want[64];
            tv_format(t, buf);
            snprintf(want, sizeof want, "%04lld-%02d-%02d %02d:%02d:%02d.%03d", (long long)y, m,
                     d, (int)(msod / 3600000), (int)(msod / 60000 % 60),
                     (int)(msod / 1000 % 60), (int)(msod % 1000));
            bad += strcmp(buf, want) != 0;
        }
        CHECK_INT(bad, 0);
    }
    TEST("property: format never overflows its buffer") {
        long bad = 0;
        for (int i = 0; i < 20000; i++) {
            int64_t t = (int64_t)rng_next();
            char buf[TV_FMT_MAX];
            size_t len = tv_format(t, buf);
            bad += !(len < TV_FMT_MAX && strlen(buf) == len && len >= 23);
        }
        CHECK_INT(bad, 0);
    }
}

int main(void)
{
    test_civil();
    test_format();
    test_parse();
    test_scan();
    test_cli();
    test_units();
    test_periods();
    test_buckets();
    test_properties();
    return test_report("timeval");
}
