/*
 * test_ctname.c — unit tests of CloudTrail S3 object names
 * (parsers/ctname.c): the delivery time read from a name, and whether a
 * file can hold events of a time range.
 *
 * Expected times were worked out by hand as days since 1970-01-01 times
 * 86,400,000 ms plus the time of day, and checked with Python's
 * datetime(..., tzinfo=timezone.utc).timestamp().
 */
#include "parsers/ctname.h"
#include "tests/unit/testhelp.h"

#include <stdint.h>

#include "base/timeval.h"

#define MIN_MS  INT64_C(60000)
#define HOUR_MS (60 * MIN_MS)

/* 2015-08-01T02:10Z: 45 years to 2015 = 16425 days + 11 leap days (1972 to
 * 2012) = 16436; January to July 2015 = 212 days; 16648 days = 1438387200000
 * ms, + 2 h 10 min = 7800000 ms. */
#define T_20150801_0210 INT64_C(1438395000000)
/* 2023-07-10T12:40Z: 53 * 365 + 13 leap days (1972 to 2020) = 19358 days to
 * 2023, + 181 (January to June) + 9 = 19548 days = 1688947200000 ms, +
 * 12 h 40 min = 45600000 ms. */
#define T_20230710_1240 INT64_C(1688992800000)
/* 2024-02-29T23:59Z: 54 * 365 + 13 = 19723 days to 2024, + 31 + 28 = 19782
 * days = 1709164800000 ms, + 23 h 59 min = 86340000 ms. */
#define T_20240229_2359 INT64_C(1709251140000)

/* AWS's documented example of an object name */
static const char *const doc_name =
    "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";

int main(void)
{
    TEST("the delivery time in a CloudTrail object name") {
        CHECK_INT(ct_delivery_time(doc_name), T_20150801_0210);
        /* the S3 key as a path: only the last component counts */
        CHECK_INT(ct_delivery_time("AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/"
                                   "218007301253_CloudTrail_us-east-1_20230710T1240Z_"
                                   "C1qUFaqvZS64BcIN.json.gz"),
                  T_20230710_1240);
        /* an uncompressed copy keeps its name's time */
        CHECK_INT(ct_delivery_time("111122223333_CloudTrail_us-east-2_20150801T0210Z_x.json"),
                  T_20150801_0210);
        /* a leap day */
        CHECK_INT(ct_delivery_time("1_CloudTrail_eu-west-1_20240229T2359Z_a.json.gz"),
                  T_20240229_2359);
    }

    TEST("names that are not CloudTrail object names") {
        /* a digest file: _CloudTrail-Digest_, and no unique part after the time */
        CHECK_INT(ct_delivery_time("111122223333_CloudTrail-Digest_us-east-2_20150801T0210Z.json.gz"),
                  TS_NONE);
        CHECK_INT(ct_delivery_time("AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/01/"
                                   "111122223333_CloudTrail-Digest_us-east-2_20150801T0210Z.json.gz"),
                  TS_NONE);
        CHECK_INT(ct_delivery_time("app.log"), TS_NONE);
        CHECK_INT(ct_delivery_time(""), TS_NONE);
        CHECK_INT(ct_delivery_time("events_20150801T0210Z_x.json"), TS_NONE);
        /* _CloudTrail_ in a directory, not in the file's own name */
        CHECK_INT(ct_delivery_time("a_CloudTrail_b/111122223333_us-east-2_20150801T0210Z_x.json"),
                  TS_NONE);
        /* the time without the '_' after it, a digit short, a letter for a digit */
        CHECK_INT(ct_delivery_time("1_CloudTrail_us-east-2_20150801T0210Z.json.gz"), TS_NONE);
        CHECK_INT(ct_delivery_time("1_CloudTrail_us-east-2_2015081T0210Z_x.json.gz"), TS_NONE);
        CHECK_INT(ct_delivery_time("1_CloudTrail_us-east-2_2015O801T0210Z_x.json.gz"), TS_NONE);
        /* no month 13 */
        CHECK_INT(ct_delivery_time("1_CloudTrail_us-east-2_20151301T0210Z_x.json.gz"), TS_NONE);
    }

    TEST("which files can hold events of [start, end)") {
        /* the name's minute is the delivery time, cut to the minute, with
         * 15 minutes of margin (CT_NAME_MARGIN_MS): a file named ...T0210Z
         * is kept for a start of 02:25:00.000 (02:10 + 15 min) and dropped
         * for 02:25:00.001; a start of 02:10:30 (an event of 02:10:30 in a
         * file delivered at 02:10:59) keeps it */
        CHECK(ct_name_may_hold(doc_name, T_20150801_0210, INT64_MAX));
        CHECK(ct_name_may_hold(doc_name, T_20150801_0210 + 30000, INT64_MAX));
        CHECK(ct_name_may_hold(doc_name, T_20150801_0210 + 15 * 60000, INT64_MAX));
        CHECK(!ct_name_may_hold(doc_name, T_20150801_0210 + 15 * 60000 + 1, INT64_MAX));
        CHECK(ct_name_may_hold(doc_name, T_20150801_0210 - 1, INT64_MAX));
        CHECK(!ct_name_may_hold(doc_name, T_20150801_0210 + HOUR_MS, INT64_MAX));
        /* no start: nothing ruled out */
        CHECK(ct_name_may_hold(doc_name, INT64_MIN, INT64_MAX));
        /* the end rules nothing out: delivered an hour after the range ends,
         * the file may still hold events from inside it */
        CHECK(ct_name_may_hold(doc_name, T_20150801_0210 - 2 * HOUR_MS,
                               T_20150801_0210 - HOUR_MS));
        /* names that say nothing keep their files, whatever the range */
        CHECK(ct_name_may_hold("app.log", T_20150801_0210 + HOUR_MS, INT64_MAX));
        CHECK(ct_name_may_hold("111122223333_CloudTrail-Digest_us-east-2_20150801T0210Z.json.gz",
                               T_20150801_0210 + HOUR_MS, INT64_MAX));
    }

    return test_report("ctname");
}
