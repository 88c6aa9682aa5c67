/*
 * test_rterror.c — unit tests of the kinds of runtime error
 * (query/rterror.c): the text the regex layer makes is RTE_REGEX, SQLite's
 * own messages are RTE_OTHER.
 */
#include "query/rterror.h"
#include "tests/unit/testhelp.h"

#include <sqlite3.h>
#include <string.h>

#include "query/regex.h"

int main(void)
{
    TEST("a failed regex is RTE_REGEX, as the regex layer writes it") {
        char msg[256];
        struct rx *rx = rx_compile("(a|a)+$", 7, msg, sizeof msg);
        CHECK(rx != NULL);
        if (rx) {
            char *text = rx_match_error_text(rx, "too slow");
            CHECK_STR(text, "regex: too slow in /(a|a)+$/");
            CHECK_INT(rterror_kind(text), RTE_REGEX);
            sqlite3_free(text);
            rx_unref(rx);
        }
        CHECK_INT(rterror_kind("regex: missing closing parenthesis at offset 3"), RTE_REGEX);
    }

    TEST("anything else is RTE_OTHER") {
        CHECK_INT(rterror_kind(NULL), RTE_OTHER);
        CHECK_INT(rterror_kind(""), RTE_OTHER);
        CHECK_INT(rterror_kind("database or disk is full"), RTE_OTHER);
        CHECK_INT(rterror_kind("interrupted"), RTE_OTHER);
        /* the prefix only at the start, and whole */
        CHECK_INT(rterror_kind("no such function: regex: x"), RTE_OTHER);
        CHECK_INT(rterror_kind("regex"), RTE_OTHER);
        CHECK_INT(rterror_kind("Regex: too slow"), RTE_OTHER);
    }

    return test_report("rterror");
}
