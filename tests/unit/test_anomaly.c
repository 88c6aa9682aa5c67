/*
 * test_anomaly.c — the anomaly rules (query/anomaly.c) on statistics made
 * by hand, each rule at and around its threshold (query/anomaly.h,
 * docs/language.md#anomaly).
 */
#include <stdlib.h>
#include <string.h>

#include "query/anomaly.h"
#include "tests/unit/testhelp.h"

/* Judge one pattern with buckets b and the placeholders given; returns
 * the kinds found ("" for none) in a static buffer, *prio the priority. */
static const char *judge(const int64_t *b, const char *severity, struct anom_pos **pos,
                         const bool *words, size_t n_pos, const char **prio)
{
    static char out[512];
    static const char *const names[] = {"<A-1>", "<B-2>", "<C-3>"};
    struct anom_pattern p = {.buckets = b, .severity = severity, .n_pos = n_pos, .pos = pos,
                             .pos_names = names, .pos_words = words};
    struct strbuf types = STRBUF_INIT, desc = STRBUF_INIT;
    *prio = "";
    bool any = anom_judge(&p, 0, 10000, 100, &types, &desc, prio);
    snprintf(out, sizeof out, "%s%s%s", any ? sb_str(&types) : "", any ? " | " : "",
             any ? sb_str(&desc) : "");
    sb_free(&types);
    sb_free(&desc);
    return out;
}

int main(void)
{
    const char *prio;

    TEST("buckets: ten equal parts of [t0, t1], the end in the last") {
        CHECK_INT(anom_bucket(0, 0, 10000), 0);
        CHECK_INT(anom_bucket(999, 0, 10000), 0);
        CHECK_INT(anom_bucket(1000, 0, 10000), 1);
        CHECK_INT(anom_bucket(9999, 0, 10000), 9);
        CHECK_INT(anom_bucket(10000, 0, 10000), 9);
        CHECK_INT(anom_bucket(5, 5, 5), 0);
    }

    TEST("pattern frequency: above median + 3 * max(1.4826 MAD, sqrt(median), 1), and >= 5") {
        int64_t flat[ANOM_BUCKETS] = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        CHECK_STR(judge(flat, "Info", NULL, NULL, 0, &prio), "");
        /* median 2, limit 2 + 3 * sqrt(2) = 6.24: 6 is not above, 7 is */
        int64_t six[ANOM_BUCKETS] = {2, 2, 2, 2, 2, 2, 2, 6, 2, 2};
        CHECK_STR(judge(six, "Info", NULL, NULL, 0, &prio), "");
        int64_t seven[ANOM_BUCKETS] = {2, 2, 2, 2, 2, 2, 2, 7, 2, 2};
        CHECK_STR(judge(seven, "Info", NULL, NULL, 0, &prio),
                  "Pattern frequency | 7 values from 1970-01-01 00:00:07.000 to "
                  "1970-01-01 00:00:08.000, typically 2 per bucket");
        CHECK_STR(prio, "LOW");
        /* a spike in the baseline is history, not an anomaly */
        int64_t early[ANOM_BUCKETS] = {2, 2, 9, 2, 2, 2, 2, 2, 2, 2};
        CHECK_STR(judge(early, "Error", NULL, NULL, 0, &prio), "");
        /* median 0: limit 3, but fewer than 5 values are no spike */
        int64_t small[ANOM_BUCKETS] = {0, 0, 0, 0, 0, 0, 0, 0, 4, 0};
        CHECK(strncmp(judge(small, "Info", NULL, NULL, 0, &prio), "New pattern", 11) == 0);
    }

    TEST("new pattern: nothing in the baseline, while the baseline had values") {
        int64_t b[ANOM_BUCKETS] = {0, 0, 0, 0, 0, 1, 0, 0, 0, 0};
        CHECK_STR(judge(b, "Warning", NULL, NULL, 0, &prio),
                  "New pattern | 1 value, none before 1970-01-01 00:00:05.000");
        CHECK_STR(prio, "MEDIUM");
        CHECK_STR(judge(b, "Error", NULL, NULL, 0, &prio),
                  "New pattern | 1 value, none before 1970-01-01 00:00:05.000");
        CHECK_STR(prio, "HIGH");
    }

    TEST("token variation: words only, at most 10 in the baseline") {
        int64_t b[ANOM_BUCKETS] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        struct anom_pos *p = anom_pos_new();
        anom_pos_add(p, "alice", 5, false, 3);
        anom_pos_add(p, "bob", 3, false, 2);
        anom_pos_add(p, "alice", 5, true, 4);
        bool words[] = {true};
        CHECK_STR(judge(b, "Info", &p, words, 1, &prio), "");
        anom_pos_add(p, "carol", 5, true, 1);
        CHECK_STR(judge(b, "Info", &p, words, 1, &prio),
                  "Token variation | <A-1> took 1 new value (carol)");
        bool numbers[] = {false};
        CHECK_STR(judge(b, "Info", &p, numbers, 1, &prio), "");
        anom_pos_free(p);

        /* eleven distinct baseline values: not watched */
        p = anom_pos_new();
        char v[8];
        for (int i = 0; i < 11; i++) {
            snprintf(v, sizeof v, "u%d", i);
            anom_pos_add(p, v, strlen(v), false, 1);
        }
        anom_pos_add(p, "zz", 2, true, 1);
        CHECK_STR(judge(b, "Info", &p, words, 1, &prio), "");
        anom_pos_free(p);
    }

    TEST("numerical token: the current mean more than 3 baseline deviations away") {
        int64_t b[ANOM_BUCKETS] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        struct anom_pos *p = anom_pos_new();
        /* baseline 10 10 12 12 (4 values): too few */
        anom_pos_add(p, "10", 2, false, 2);
        anom_pos_add(p, "12", 2, false, 2);
        anom_pos_add(p, "50", 2, true, 1);
        bool words[] = {false};
        CHECK_STR(judge(b, "Info", &p, words, 1, &prio), "");
        /* fifth baseline value 11: mean 11, sd sqrt(4/4) = 1; current 50 */
        anom_pos_add(p, "11", 2, false, 1);
        CHECK_STR(judge(b, "Info", &p, words, 1, &prio),
                  "Numerical token | <A-1> averaged 50, baseline mean 11, standard deviation 1");
        anom_pos_free(p);
        /* current mean 14 = 11 + 3 * 1: not more than 3 away */
        p = anom_pos_new();
        anom_pos_add(p, "10", 2, false, 2);
        anom_pos_add(p, "12", 2, false, 2);
        anom_pos_add(p, "11", 2, false, 1);
        anom_pos_add(p, "14", 2, true, 3);
        CHECK_STR(judge(b, "Info", &p, words, 1, &prio), "");
        anom_pos_free(p);
    }

    TEST("HTTP error codes: a share from 400 up at least 5 points above the baseline's") {
        int64_t b[ANOM_BUCKETS] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        bool words[] = {false};
        struct anom_pos *p = anom_pos_new();
        anom_pos_add(p, "200", 3, false, 19);
        anom_pos_add(p, "500", 3, false, 1);  /* 5% */
        anom_pos_add(p, "200", 3, true, 18);
        anom_pos_add(p, "503", 3, true, 2);   /* 10%: exactly 5 points more */
        CHECK_STR(judge(b, "Info", &p, words, 1, &prio),
                  "HTTP error code | <A-1>: 10% error codes, baseline 5%");
        CHECK_STR(prio, "HIGH");
        anom_pos_free(p);
        /* a value that is not a code: not a status placeholder */
        p = anom_pos_new();
        anom_pos_add(p, "200", 3, false, 5);
        anom_pos_add(p, "500", 3, true, 5);
        anom_pos_add(p, "2000", 4, false, 1);
        CHECK(strstr(judge(b, "Info", &p, words, 1, &prio), "HTTP") == NULL);
        anom_pos_free(p);
    }

    return test_report("anomaly");
}
