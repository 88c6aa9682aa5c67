/*
 * test_strdist.c — the distance behind "did you mean" (base/strdist.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/strdist.h"
#include "tests/unit/testhelp.h"

int main(void)
{
    TEST("edits are counted one by one") {
        CHECK_INT((int)str_distance("", "", false), 0);
        CHECK_INT((int)str_distance("abc", "", false), 3);
        CHECK_INT((int)str_distance("", "abc", false), 3);
        CHECK_INT((int)str_distance("kitten", "sitting", false), 3);
        CHECK_INT((int)str_distance("stats", "stats", false), 0);
        CHECK_INT((int)str_distance("stat", "stats", false), 1);    /* insertion */
        CHECK_INT((int)str_distance("statss", "stats", false), 1);  /* deletion */
        CHECK_INT((int)str_distance("stbts", "stats", false), 1);   /* substitution */
    }
    TEST("a swap of neighbours is one edit") {
        CHECK_INT((int)str_distance("stast", "stats", false), 1);
        CHECK_INT((int)str_distance("fitler", "filter", false), 1);
        CHECK_INT((int)str_distance("ab", "ba", false), 1);
        CHECK_INT((int)str_distance("ca", "abc", false), 3); /* OSA: no edit of a swapped pair */
    }
    TEST("case is ignored only when asked") {
        CHECK_INT((int)str_distance("eventname", "eventName", false), 1);
        CHECK_INT((int)str_distance("eventname", "eventName", true), 0);
        CHECK_INT((int)str_distance("USERIDENTITY.ARN", "userIdentity.arn", true), 0);
    }
    TEST("names too long are not compared") {
        char longname[STRDIST_MAX_LEN + 2];
        memset(longname, 'a', sizeof longname - 1);
        longname[sizeof longname - 1] = '\0';
        CHECK(str_distance(longname, "a", false) == SIZE_MAX);
        CHECK_INT(str_near(longname, longname), -1);
    }
    TEST("near: same name in other case, or a few edits by length") {
        CHECK_INT(str_near("eventname", "eventName"), 0);
        CHECK_INT(str_near("stast", "stats"), 1);
        CHECK_INT(str_near("eventNme", "eventName"), 1);
        CHECK_INT(str_near("evntNme", "eventName"), -1);          /* 2 edits, 7 letters */
        CHECK_INT(str_near("eventTime", "eventName"), -1);        /* another field */
        CHECK_INT(str_near("srt", "sort"), -1);                   /* 3 letters: case only */
        CHECK_INT(str_near("ID", "id"), 0);
        CHECK_INT(str_near("id", "ip"), -1);
        CHECK_INT(str_near("a", "b"), -1);
        CHECK_INT(str_near("usrIdentity.arm", "userIdentity.arn"), 2);
        CHECK_INT(str_near("sourceIPAdress", "sourceIPAddress"), 1);
        CHECK_INT(str_near("sourceIPAddress", "sourceIPAddress"), 0);
        CHECK_INT(str_near("errorcode", "errorMessage"), -1);
    }
    return test_report("strdist");
}
