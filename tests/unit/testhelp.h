/*
 * testhelp.h — the whole unit-test harness (after redis's testhelp.h).
 *
 *     #include "tests/unit/testhelp.h"
 *     int main(void) {
 *         TEST("adds") { CHECK(1 + 1 == 2); CHECK_STR(s, "x"); }
 *         return test_report("lexer");
 *     }
 *
 * Each CHECK that fails prints file:line and the expression. test_report()
 * prints "<suite>: N passed, N failed" (", N skipped" when test_skip() was
 * called) and returns the exit status. test_skip(n, why) counts n checks
 * that cannot run here (the larger corpus beside the repository is
 * missing, say) and prints "skip: why" once.
 */
#ifndef TRAILQ_TESTHELP_H
#define TRAILQ_TESTHELP_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed, test_skipped;
static const char *test_current = "";

#define TEST(name) for (int test_once_ = (test_current = (name), 1); test_once_; test_once_ = 0)

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (cond) {                                                                       \
            test_passed++;                                                                \
        } else {                                                                          \
            test_failed++;                                                                \
            fprintf(stderr, "%s:%d: [%s] check failed: %s\n", __FILE__, __LINE__,         \
                    test_current, #cond);                                                 \
        }                                                                                 \
    } while (0)

#define CHECK_STR(got, want)                                                              \
    do {                                                                                  \
        const char *g_ = (got), *w_ = (want);                                             \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                            \
            test_passed++;                                                                \
        } else {                                                                          \
            test_failed++;                                                                \
            fprintf(stderr, "%s:%d: [%s] got \"%s\", want \"%s\"\n", __FILE__, __LINE__,  \
                    test_current, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                \
        }                                                                                 \
    } while (0)

#define CHECK_INT(got, want)                                                              \
    do {                                                                                  \
        long long g_ = (long long)(got), w_ = (long long)(want);                          \
        if (g_ == w_) {                                                                   \
            test_passed++;                                                                \
        } else {                                                                          \
            test_failed++;                                                                \
            fprintf(stderr, "%s:%d: [%s] %s: got %lld, want %lld\n", __FILE__, __LINE__,  \
                    test_current, #got, g_, w_);                                          \
        }                                                                                 \
    } while (0)

static inline void test_skip(int n, const char *why)
{
    if (!test_skipped)
        printf("skip: %s\n", why);
    test_skipped += n;
}

static inline int test_report(const char *suite)
{
    if (test_skipped)
        printf("%s: %d passed, %d failed, %d skipped\n", suite, test_passed, test_failed,
               test_skipped);
    else
        printf("%s: %d passed, %d failed\n", suite, test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
