/*
 * test_pattern.c — the pattern miner (query/pattern.c) on small inputs
 * whose patterns follow by hand from the rules in query/pattern.h and
 * docs/language.md#pattern: token types, placeholders, the tree's routing
 * by the first token, the similarity threshold, severities, the order of
 * the results, the tail of a long value. The properties any clustering
 * must have are checked end to end in tests/cases/lang/pattern.t.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/pattern.h"
#include "tests/unit/testhelp.h"

/* Cluster the NULL-terminated values; return the miner (results ready). */
static struct pat_miner *mine(const char *const *values)
{
    struct pat_miner *m = pat_new();
    for (size_t i = 0; values[i]; i++)
        pat_add(m, values[i], strlen(values[i]), INT64_MIN);
    return m;
}

/* The only pattern of the values, or "(n patterns)". */
static const char *only(struct pat_miner *m)
{
    size_t n;
    const struct pat_result *r = pat_finish(m, &n);
    static char buf[64];
    if (n != 1) {
        snprintf(buf, sizeof buf, "(%zu patterns)", n);
        return buf;
    }
    return r[0].pattern;
}

#define ONE_PATTERN(want, ...)                                                                \
    do {                                                                                      \
        const char *const v_[] = {__VA_ARGS__, NULL};                                         \
        struct pat_miner *m_ = mine(v_);                                                      \
        CHECK_STR(only(m_), want);                                                            \
        pat_free(m_);                                                                         \
    } while (0)

int main(void)
{
    TEST("values of an evident type are placeholders, numbered from 1") {
        ONE_PATTERN("took <Number-1> ms", "took 12 ms", "took 7 ms", "took 1.5 ms");
        ONE_PATTERN("open <IPv4-1>", "open 10.0.0.1", "open 10.0.0.2");
        ONE_PATTERN("open <IPv4-1> port <Number-2>", "open 10.0.0.1 port 22");
        ONE_PATTERN("req <UUID-1> at <Timestamp-2>",
                    "req 123e4567-e89b-12d3-a456-426614174000 at 2024-01-02T03:04:05Z",
                    "req 00000000-0000-0000-0000-000000000000 at 2024-01-02T03:04:05.123+02:00");
        ONE_PATTERN("on <Date-1> <Time-2>", "on 2024-01-02 03:04:05,123");
        ONE_PATTERN("sent <Token-1> bytes, ok", "sent 1,234 bytes, ok", "sent 5 bytes, ok");
        ONE_PATTERN("id <Hex-1> <Hex-2>", "id 0xff deadbeef01");
        ONE_PATTERN("from <IPv6-1>", "from 2001:db8::1", "from fe80::1");
        ONE_PATTERN("<Date-1> <Date-2> <Number-3>", "Mon Dec 5", "Tue Jan 12");
    }

    TEST("words stay until they vary; ARNs and URLs are words") {
        ONE_PATTERN("user <Token-1> logged in", "user alice logged in", "user bob logged in");
        ONE_PATTERN("assumed arn:aws:iam::123456789012:role/a", "assumed arn:aws:iam::123456789012:role/a");
        ONE_PATTERN("assumed <ARN-1>", "assumed arn:aws:iam::123456789012:role/a",
                    "assumed arn:aws:iam::123456789012:role/b");
        ONE_PATTERN("get <URL-1>", "get https://a.example/x", "get http://b.example/y");
        /* an address and a number at the same position: Token */
        ONE_PATTERN("x <Token-1>", "x 10.0.0.1", "x 12");
    }

    TEST("key=value is split after the '='; punctuation around a placeholder stays") {
        ONE_PATTERN("level=<Token-1> msg=ok", "level=info msg=ok", "level=warn msg=ok");
        ONE_PATTERN("retry [attempt <Number-1>]", "retry [attempt 2]", "retry [attempt 3]");
        ONE_PATTERN("{\"a\":<Number-1>,\"b\":<Token-2>}", "{\"a\":1,\"b\":true}",
                    "{\"a\":22,\"b\":false}");
        ONE_PATTERN("name '<Token-1>'", "name 'x'", "name 'y'");
    }

    TEST("whitespace runs count as one space; an empty value has an empty pattern") {
        ONE_PATTERN("a b c", "a  b\tc", " a b c ");
        ONE_PATTERN("", "", "   ");
    }

    TEST("similarity: half the words must agree") {
        /* 1 of 2 words agrees: 0.5 is enough */
        ONE_PATTERN("disk <Token-1>", "disk full", "disk empty");
        /* 1 of 3: two patterns */
        ONE_PATTERN("(2 patterns)", "disk is full", "disk was empty");
        /* another first word is another branch of the tree */
        ONE_PATTERN("(2 patterns)", "a b c", "x b c");
        /* another number of tokens is another pattern */
        ONE_PATTERN("(2 patterns)", "a b c", "a b c d");
    }

    TEST("severity: the most frequent level word, the more severe on a tie") {
        const char *const v[] = {"[ERROR] disk full", "[INFO] x y", "[INFO] x z", "a b", NULL};
        struct pat_miner *m = mine(v);
        size_t n;
        const struct pat_result *r = pat_finish(m, &n);
        CHECK_INT(n, 3);
        CHECK_STR(r[0].pattern, "[INFO] x <Token-1>");
        CHECK_STR(r[0].severity, "Info");
        CHECK_STR(r[1].pattern, "[ERROR] disk full");
        CHECK_STR(r[1].severity, "Error");
        CHECK_STR(r[2].severity, "Unknown");
        pat_free(m);

        const char *const w[] = {"level=warn code 1", "level=error code 2", "x", NULL};
        m = mine(w);
        r = pat_finish(m, &n);
        CHECK_INT(n, 2);
        CHECK_STR(r[0].pattern, "level=<Token-1> code <Number-2>");
        CHECK_STR(r[0].severity, "Error");
        CHECK_STR(r[1].severity, "Unknown");
        pat_free(m);
    }

    TEST("results: most values first, ties in the order the patterns were made") {
        const char *const v[] = {"b 1", "a x", "c 1", "a y", "b 2", "d", NULL};
        struct pat_miner *m = mine(v);
        size_t n;
        const struct pat_result *r = pat_finish(m, &n);
        CHECK_INT(n, 4);
        CHECK_INT(pat_total(m), 6);
        CHECK_STR(r[0].pattern, "b <Number-1>");
        CHECK_INT(r[0].count, 2);
        CHECK_STR(r[1].pattern, "a <Token-1>");
        CHECK_INT(r[1].count, 2);
        CHECK_STR(r[2].pattern, "c <Number-1>");
        CHECK_STR(r[3].pattern, "d");
        pat_free(m);
    }

    TEST("timestamps given with the values: first and last") {
        struct pat_miner *m = pat_new();
        pat_add(m, "a 1", 3, 5000);
        pat_add(m, "a 2", 3, 1000);
        pat_add(m, "a 3", 3, INT64_MIN);
        size_t n;
        const struct pat_result *r = pat_finish(m, &n);
        CHECK_INT(n, 1);
        CHECK_INT(r[0].first_ms, 1000);
        CHECK_INT(r[0].last_ms, 5000);
        pat_free(m);
    }

    TEST("past PAT_MAX_TOKENS - 1 tokens the rest is one token, <*> when it varies") {
        char a[4096], b[4096];
        size_t n = 0;
        for (int i = 0; i < PAT_MAX_TOKENS - 1; i++)
            n += (size_t)snprintf(a + n, sizeof a - n, "w%d ", i);
        memcpy(b, a, n);
        snprintf(a + n, sizeof a - n, "tail one two");
        snprintf(b + n, sizeof b - n, "tail three four");
        struct pat_miner *m = pat_new();
        pat_add(m, a, strlen(a), INT64_MIN);
        pat_add(m, b, strlen(b), INT64_MIN);
        size_t k;
        const struct pat_result *r = pat_finish(m, &k);
        CHECK_INT(k, 1);
        size_t len = strlen(r[0].pattern);
        CHECK(len > 4 && strcmp(r[0].pattern + len - 4, " <*>") == 0);
        CHECK(strncmp(r[0].pattern, "w0 w1 w2 ", 9) == 0);
        pat_free(m);
    }

    TEST("bytes that are not text are words like any other") {
        const char v[] = {'a', 0, 'b', ' ', 'c'};
        struct pat_miner *m = pat_new();
        pat_add(m, v, sizeof v, INT64_MIN);
        size_t n;
        const struct pat_result *r = pat_finish(m, &n);
        CHECK_INT(n, 1);
        CHECK_INT(r[0].pattern_len, 5);
        CHECK(memcmp(r[0].pattern, "a\0b c", 5) == 0);
        pat_free(m);
    }

    return test_report("pattern");
}
