/*
 * test_textts.c — leading timestamps of text lines (parsers/textts.h).
 *
 * Expected values were computed with GNU date, e.g.
 * `date -u -d "2015-10-18 18:01:47.978" +%s%3N`, not by this module.
 */
#include "parsers/textts.h"

#include "tests/unit/testhelp.h"

/* Parse s with reference time ref; -1 when no timestamp was found. */
static long long ts(const char *s, long long ref)
{
    int64_t ms;
    if (!textts_scan(s, strlen(s), ref, &ms))
        return -1;
    return ms;
}

int main(void)
{
    const long long ref2005 = 1120176000000LL;  /* 2005-07-01 */
    const long long ref2017 = 1499644800000LL;  /* 2017-07-10 */

    TEST("ISO-8601 variants")
    {
        CHECK_INT(ts("2024-03-01T10:00:00.123Z foo", 0), 1709287200123LL);
        CHECK_INT(ts("2015-10-18 18:01:47,978 INFO [main] x", 0), 1445191307978LL);
        CHECK_INT(ts("2016-09-28 04:30:30, Info   CBS", 0), 1475037030000LL);
        CHECK_INT(ts("2015-07-29 17:41:44,747 - INFO  [Q]", 0), 1438191704747LL);
        CHECK_INT(ts("2000-10-10T13:55:36-07:00 x", 0), 971211336000LL);
        CHECK_INT(ts("[2024-03-01 10:00:00] local.INFO", 0), 1709287200000LL);
        CHECK_INT(ts("2024/03/01 10:00:00 started", 0), 1709287200000LL);
        CHECK_INT(ts("2024/03/01 10:00:00.123456 started", 0), 1709287200123LL);
        CHECK_INT(ts("<34>1 2003-10-11T22:14:15.003Z mymachine su - ID47", 0), 1065910455003LL);
        CHECK_INT(ts("2024-03-01T10:00:00Zjunk", 0), -1);
        CHECK_INT(ts("2024-13-01 10:00:00 bad month", 0), -1);
    }
    TEST("syslog, year from the reference time")
    {
        CHECK_INT(ts("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: x", ref2005), 1118762161000LL);
        CHECK_INT(ts("<13>Jun 14 15:16:01 host app: x", ref2005), 1118762161000LL);
        /* a few hours after the reference (time zones) stays in its year */
        CHECK_INT(ts("Jun 14 15:16:01 x", 1118707200000LL /* 2005-06-14T00:00Z */),
                  1118762161000LL);
        /* 27 hours after it is too far: the year before */
        CHECK_INT(ts("Jun 14 15:16:01 x", 1118664000000LL /* 2005-06-13T12:00Z */),
                  1087226161000LL);
        /* more than a day after the reference: last year */
        CHECK_INT(ts("Dec 31 23:59:59 host x", 1704153600000LL /* 2024-01-02 */),
                  1704067199000LL);
        CHECK_INT(ts("Jan  1 00:00:01 host x", 1704153600000LL), 1704067201000LL);
        CHECK_INT(ts("Jul  1 09:00:55 calvisitor kernel[0]: x", ref2017), 1498899655000LL);
        CHECK_INT(ts("Jun 14 2024 15:16:01 x", 0), 1718378161000LL);
        CHECK_INT(ts("Feb 30 10:00:00 x", ref2017), -1);
        CHECK_INT(ts("Junk 14 15:16:01", ref2017), -1);
    }
    TEST("ctime and Apache")
    {
        CHECK_INT(ts("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok", 0),
                  1133671664000LL);
        CHECK_INT(ts("Sun Dec 04 04:47:44 2005 x", 0), 1133671664000LL);
        CHECK_INT(ts("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif\" 200", 0),
                  971211336000LL);
        CHECK_INT(ts("[10/Oct/2000:13:55:36 -0700] x", 0), 971211336000LL);
        CHECK_INT(ts("83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /x\"", 0),
                  1431857103000LL);
        CHECK_INT(ts("83.149.9.216 - - [17/Foo/2015:10:05:03 +0000] x", 0), -1);
    }
    TEST("epoch seconds and milliseconds")
    {
        CHECK_INT(ts("1700000000 x", 0), 1700000000000LL);
        CHECK_INT(ts("1700000000.25 x", 0), 1700000000250LL);
        CHECK_INT(ts("1700000000123\tx", 0), 1700000000123LL);
        CHECK_INT(ts("1700000000", 0), 1700000000000LL);
        CHECK_INT(ts("1234567890123456 x", 0), -1);
        CHECK_INT(ts("12345 x", 0), -1);
        CHECK_INT(ts("1700000000.1.2 version", 0), -1);
    }
    TEST("loghub styles")
    {
        CHECK_INT(ts("- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50", 0),
                  1117838570000LL);
        CHECK_INT(ts("KERNDTLB 1117838570 2005.06.03 R02", 0), 1117838570000LL);
        CHECK_INT(ts("- 1117838570 2007.06.03 R02 (date disagrees)", 0), -1);
        CHECK_INT(ts("081109 203615 148 INFO dfs.DataNode$PacketResponder: x", 0),
                  1226262975000LL);
        CHECK_INT(ts("20171223-22:15:29:606|Step_LSC|30002312|x", 0), 1514067329606LL);
        /* HealthApp does not pad: 01:02:35.789, and 22:15:35.011 */
        CHECK_INT(ts("20171224-1:2:35:789|Step_LSC|x", 0), 1514077355789LL);
        CHECK_INT(ts("20171223-22:15:35:11|Step_SPUtils|x", 0), 1514067335011LL);
        CHECK_INT(ts("[10.30 16:49:06] chrome.exe - x", 1509494400000LL /* 2017-11-01 */),
                  1509382146000LL);
        CHECK_INT(ts("03-17 16:13:38.811  1702  2395 D WindowManager: x",
                     1491004800000LL /* 2017-04-01 */),
                  1489767218811LL);
    }
    TEST("not timestamps")
    {
        CHECK_INT(ts("17/06/09 20:10:40 INFO executor: ambiguous yy/MM/dd", ref2017), -1);
        CHECK_INT(ts("nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO",
                     ref2017),
                  -1);
        CHECK_INT(ts("134681 node-246 unix.hw state_change.unavailable 1077804742 1 x", 0), -1);
        CHECK_INT(ts("hello world", 0), -1);
        CHECK_INT(ts("", 0), -1);
        CHECK_INT(ts("   at com.example.Foo(Foo.java:10)", 0), -1);
    }
    return test_report("textts");
}
