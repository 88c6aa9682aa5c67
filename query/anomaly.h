/*
 * anomaly.h — the anomaly rules of the `anomaly` command, over the
 * statistics the pattern miner keeps per pattern (pattern.h).
 *
 * The values' time range [t0, t1] is cut into ANOM_BUCKETS equal buckets;
 * the first half of them is the baseline, the second half the current
 * period. The rules (trailq(1), anomaly; docs/language.md#anomaly):
 *
 *   Pattern frequency  a bucket of the current period holds more than
 *                      median + 3 * max(1.4826 * MAD, sqrt(median), 1) of
 *                      the pattern's values (median and MAD over all
 *                      buckets; sqrt(median) is the spread of a steady
 *                      rate), and at least ANOM_MIN_SPIKE of them;
 *   New pattern        no value in the baseline, some in the current
 *                      period, while the baseline had values of any pattern;
 *   Token variation    a placeholder of words or addresses (not numbers,
 *                      ids or times, which always vary) that took at most
 *                      ANOM_DISTINCT distinct values in the baseline takes
 *                      others in the current period;
 *   Numerical token    a number placeholder with at least ANOM_MIN_NUMBERS
 *                      baseline values of mean m and standard deviation
 *                      s > 0 has a current mean outside m +- 3s;
 *   HTTP error code    a number placeholder whose values are all whole
 *                      numbers from 100 to 599 has a share of values from
 *                      400 up in the current period at least 5 points
 *                      above the baseline's (and at least one).
 *
 * Priority: HIGH when the pattern's severity is Error or an HTTP error code
 * anomaly was found, MEDIUM for a new pattern or a Warning, LOW otherwise.
 *
 * Ownership: anom_pos_new returns statistics the caller frees with
 * anom_pos_free; anom_judge appends to the caller's strbufs.
 */
#ifndef TRAILQ_ANOMALY_H
#define TRAILQ_ANOMALY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

enum {
    ANOM_BUCKETS = 10,     /* time buckets of the values' range */
    ANOM_DISTINCT = 10,    /* distinct values a placeholder may take and still be watched */
    ANOM_MIN_NUMBERS = 5,  /* baseline numbers needed to judge a number placeholder */
    ANOM_MIN_SPIKE = 5,    /* values a bucket needs to be a frequency anomaly */
};

/* What one placeholder took, in the baseline [0] and the current period [1]. */
struct anom_pos;

struct anom_pos *anom_pos_new(void);
void anom_pos_free(struct anom_pos *p);
/* One value of the placeholder (its text without the punctuation around
 * it), seen `times` times, in the current period or the baseline. */
void anom_pos_add(struct anom_pos *p, const char *s, size_t n, bool current, int64_t times);

/* One pattern, as the rules see it. */
struct anom_pattern {
    const int64_t *buckets;          /* ANOM_BUCKETS value counts */
    const char *severity;            /* the pattern's @severityLabel */
    size_t n_pos;                    /* its placeholders, left to right */
    struct anom_pos *const *pos;     /* their statistics (NULL: not watched) */
    const char *const *pos_names;    /* their names, "<Number-2>" */
    const bool *pos_words;           /* words or addresses: watched for token variation
                                        (numbers, ids and times always vary) */
};

/* The anomalies of a pattern: appends their kinds (", "-separated, in the
 * order of the list above) to types and one sentence each to description
 * ("; "-separated), sets *priority; returns false (nothing appended) when
 * there is none. t0 and t1 are the range's ends in ms; total_base is the
 * number of baseline values of all patterns. */
bool anom_judge(const struct anom_pattern *p, int64_t t0, int64_t t1, int64_t total_base,
                struct strbuf *types, struct strbuf *description, const char **priority);

/* The bucket of a timestamp in [t0, t1] (0 when the range is empty). */
int anom_bucket(int64_t ts, int64_t t0, int64_t t1);

#endif
