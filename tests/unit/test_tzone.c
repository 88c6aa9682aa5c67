/*
 * test_tzone.c — unit tests for base/tzone.c (time zones).
 *
 * The oracle is the C library: glibc's localtime_r reads the same zone
 * files with its own code, so for each zone the offset and abbreviation
 * trailq computes must equal tm_gmtoff and tm_zone at every instant
 * sampled (every 7 days and 13 hours from 1900 to 2100, which crosses
 * every transition's neighbourhood in both directions, and a second
 * either side of each transition of the file). The POSIX rules alone are
 * checked the same way with TZ set to the rule. Local-to-UTC cases are
 * worked out by hand from the rules of New York (second Sunday of March,
 * first Sunday of November, at 02:00).
 */
#include "base/tzone.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "tests/unit/testhelp.h"

static const char *const zones[] = {
    "America/New_York", "Europe/Paris",    "Australia/Sydney", "Asia/Kolkata",
    "Pacific/Chatham",  "America/St_Johns", "Europe/Dublin",   "Africa/Casablanca",
    "Asia/Tokyo",       "America/Sao_Paulo", "Pacific/Apia",   "Europe/London",
    "America/Santiago", "Asia/Tehran",      "Antarctica/Troll",
};

/* Compare z with glibc at t (seconds); count and report the first miss. */
static int compare_at(const struct tzone *z, time_t t, const char *what)
{
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    int64_t off = tz_offset_at(z, (int64_t)t * 1000);
    const char *ab = tz_abbrev_at(z, (int64_t)t * 1000);
    if (off != (int64_t)tm.tm_gmtoff * 1000 || strcmp(ab, tm.tm_zone) != 0) {
        fprintf(stderr, "%s at %lld: got %lld %s, glibc %ld %s\n", what, (long long)t,
                (long long)off / 1000, ab, tm.tm_gmtoff, tm.tm_zone);
        return 1;
    }
    return 0;
}

static int compare_range(const struct tzone *z, const char *what)
{
    int misses = 0;
    for (int64_t t = -2208988800LL; t < 4102444800LL && misses < 3; t += 7 * 86400 + 13 * 3600)
        misses += compare_at(z, (time_t)t, what);
    return misses;
}

int main(void)
{
    struct stat st;
    const char *dir = getenv("TZDIR");
    char probe[512];
    snprintf(probe, sizeof probe, "%s/Europe/Paris", dir && *dir ? dir : "/usr/share/zoneinfo");
    bool have_db = stat(probe, &st) == 0;
    struct strbuf err = STRBUF_INIT;
    struct tzone *z = NULL;

    TEST("names: UTC and fixed offsets")
    {
        CHECK_INT(tz_open("UTC", 3, &z, &err), 0);
        CHECK(tz_is_utc(z));
        CHECK_INT(tz_offset_at(z, 1709287200000), 0);
        CHECK_STR(tz_abbrev_at(z, 0), "UTC");
        tz_close(z);
        CHECK_INT(tz_open("+05:30", 6, &z, &err), 0);
        CHECK(!tz_is_utc(z));
        CHECK_INT(tz_offset_at(z, 0), 19800000);
        CHECK_INT(tz_to_utc(z, 19800000), 0);
        tz_close(z);
        CHECK_INT(tz_open("-0700", 5, &z, &err), 0);
        CHECK_INT(tz_offset_at(z, 0), -25200000);
        tz_close(z);
        CHECK_INT(tz_open("+00:00", 6, &z, &err), 0);
        CHECK(!tz_is_utc(z)); /* an offset that was asked for is shown */
        tz_close(z);
    }
    TEST("names: refused")
    {
        static const char *const bad[] = {"Mars/Olympus", "../etc/passwd", "/etc/localtime",
                                          "Europe/../../x", "+24:00", "+1", "", "Europe/Paris "};
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            sb_reset(&err);
            z = NULL;
            CHECK_INT(tz_open(bad[i], strlen(bad[i]), &z, &err), -1);
            CHECK(z == NULL);
            CHECK(strstr(sb_str(&err), "unknown time zone") != NULL);
        }
    }
    TEST("offsets")
    {
        int64_t off;
        CHECK(tz_parse_offset("+02:00", 6, &off) && off == 7200000);
        CHECK(tz_parse_offset("-0330", 5, &off) && off == -12600000);
        CHECK(tz_parse_offset("+05", 3, &off) && off == 18000000);
        CHECK(tz_parse_offset("Z", 1, &off) && off == 0);
        CHECK(tz_parse_offset("gmt", 3, &off) && off == 0);
        CHECK(!tz_parse_offset("+2:00", 5, &off));
        CHECK(!tz_parse_offset("+02:60", 6, &off));
        CHECK(!tz_parse_offset("0200", 4, &off));
    }
    TEST("POSIX rules against glibc")
    {
        static const char *const rules[] = {
            "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "AEST-10AEDT,M10.1.0,M4.1.0/3",
            "<+0545>-5:45",           "IST-1GMT0,M10.5.0,M3.5.0/1", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
            "NZST-12NZDT,M9.5.0,M4.1.0/3", "XXX3YYY,J60/1,J300/2",  "XXX3YYY,59/1,299/2",
        };
        for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
            sb_reset(&err);
            CHECK_INT(tz_open_rule(rules[i], &z, &err), 0);
            setenv("TZ", rules[i], 1);
            tzset();
            /* a rule stands for every year: compare 1971-2099 */
            int misses = 0;
            for (int64_t t = 31536000; t < 4102444800LL && misses < 3; t += 3 * 86400 + 3607)
                misses += compare_at(z, (time_t)t, rules[i]);
            CHECK_INT(misses, 0);
            tz_close(z);
        }
        CHECK_INT(tz_open_rule("EST", &z, &err), -1);
        CHECK_INT(tz_open_rule("EST5EDT,M13.1.0,M11.1.0", &z, &err), -1);
    }
    if (!have_db) {
        test_skip(3 * (int)(sizeof zones / sizeof zones[0]) + 12,
                  "no zone database (apt-get install tzdata)");
        sb_free(&err);
        return test_report("tzone");
    }
    TEST("zone files against glibc, 1900-2100 and at every transition")
    {
        for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
            sb_reset(&err);
            z = NULL;
            CHECK_INT(tz_open(zones[i], strlen(zones[i]), &z, &err), 0);
            if (!z)
                continue;
            setenv("TZ", zones[i], 1);
            tzset();
            CHECK_INT(compare_range(z, zones[i]), 0);
            /* a second either side of each transition, and 4 years past the last */
            int misses = 0;
            for (int64_t t = -2208988800LL; t < 4102444800LL; t += 86400 * 7) {
                int64_t a = tz_offset_at(z, t * 1000), b = tz_offset_at(z, (t + 86400 * 7) * 1000);
                if (a == b)
                    continue;
                /* the change is in (t, t + 7 days]: find it and check around it */
                int64_t lo = t, hi = t + 86400 * 7;
                while (hi - lo > 1) {
                    int64_t mid = lo + (hi - lo) / 2;
                    if (tz_offset_at(z, mid * 1000) == a)
                        lo = mid;
                    else
                        hi = mid;
                }
                misses += compare_at(z, (time_t)lo, zones[i]) + compare_at(z, (time_t)hi, zones[i]);
                if (misses > 3)
                    break;
            }
            CHECK_INT(misses, 0);
            CHECK_STR(tz_name(z), zones[i]);
            tz_close(z);
        }
        unsetenv("TZ");
        tzset();
    }
    TEST("local time to UTC: gaps and repeats (New York)")
    {
        CHECK_INT(tz_open("America/New_York", 16, &z, &err), 0);
        /* 2024-03-01 12:00 local is EST (-5): 17:00Z = 1709312400 s */
        CHECK_INT(tz_to_utc(z, 1709294400000), 1709312400000);
        /* 2024-03-10 02:30 does not exist (02:00 -> 03:00): read with EST,
         * 07:30Z; 1710037800 is 2024-03-10 02:30 written as UTC */
        CHECK_INT(tz_to_utc(z, 1710037800000), 1710037800000 + 5 * 3600000);
        /* 2024-11-03 01:30 happens twice: the earlier, EDT (-4): 05:30Z */
        CHECK_INT(tz_to_utc(z, 1730597400000), 1730597400000 + 4 * 3600000);
        /* 2024-07-04 09:00 is EDT: 13:00Z */
        CHECK_INT(tz_to_utc(z, 1720083600000), 1720083600000 + 4 * 3600000);
        CHECK_STR(tz_abbrev_at(z, 1720098000000), "EDT");
        tz_close(z);
    }
    TEST("a file that is not a zone")
    {
        sb_reset(&err);
        CHECK_INT(tz_open_file("/etc/hostname", "x", &z, &err), -1);
        sb_reset(&err);
        CHECK_INT(tz_open_file("/nonexistent", "x", &z, &err), -1);
    }
    sb_free(&err);
    return test_report("tzone");
}
