/*
 * sqlfn_timeseries.c — the aggregates behind Insights' time-series
 * functions (trailq(1) FUNCTIONS; docs/language.md#time-series-functions);
 * count_over_time and sum_over_time are count and tq_sum themselves.
 *
 *   tq_rate(ts, id, v, ms)   rate(v, period): among the events of the group
 *                            whose v is a number, (v of the last - v of the
 *                            first) / (ts of the last - ts of the first) * ms,
 *                            first and last by (ts, id): the change per
 *                            period between the first and the last value.
 *                            Missing with fewer than two such events or when
 *                            they share one timestamp.
 *   tq_histogram(v, n)       histogram(v, n): n equal-width buckets from the
 *                            smallest to the largest number v of the group,
 *                            as a JSON object {"[lo, hi)": count, ...} in
 *                            ascending order, the last bucket "[lo, hi]"
 *                            holding the largest value; a value goes to
 *                            bucket floor((v - min) / width). When every
 *                            value is the same: one bucket "[v, v]".
 *                            Missing when no value is a number.
 *
 * Memory: tq_rate keeps two values; tq_histogram keeps the group's numbers
 * (the bounds are only known at the end), freed in its xFinal.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* ---- rate ---- */

struct rate_state {
    bool seen;
    long long ts0, id0, ts1, id1;  /* the first and last (ts, id) */
    double v0, v1;
};

/* The period arrives as each row's fourth argument; it is kept in the state. */
struct rate_state_p {
    struct rate_state r;
    double period_ms;
};

static void rate_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct rate_state_p *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    (void)argc;
    st->period_ms = sqlite3_value_double(argv[3]);
    double v;
    long long i;
    bool is_int;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || !sqlfn_value_number(argv[2], &v, &i, &is_int))
        return;
    struct rate_state *r = &st->r;
    long long ts = sqlite3_value_int64(argv[0]), id = sqlite3_value_int64(argv[1]);
    if (!r->seen || ts < r->ts0 || (ts == r->ts0 && id < r->id0)) {
        r->ts0 = ts;
        r->id0 = id;
        r->v0 = v;
    }
    if (!r->seen || ts > r->ts1 || (ts == r->ts1 && id > r->id1)) {
        r->ts1 = ts;
        r->id1 = id;
        r->v1 = v;
    }
    r->seen = true;
}

static void rate_final(sqlite3_context *ctx)
{
    struct rate_state_p *st = sqlite3_aggregate_context(ctx, 0);
    if (!st || !st->r.seen || st->r.ts1 == st->r.ts0)
        return;
    double d = (st->r.v1 - st->r.v0) / (double)(st->r.ts1 - st->r.ts0) * st->period_ms;
    if (isnan(d) || isinf(d))
        return;
    sqlfn_result_number(ctx, d);
}

/* ---- histogram ---- */

struct hist_state {
    double *v;
    size_t n, cap;
    long long buckets;
};

static void hist_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    double d;
    long long i;
    bool is_int;
    struct hist_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    st->buckets = sqlite3_value_int64(argv[1]);
    if (!sqlfn_value_number(argv[0], &d, &i, &is_int) || isnan(d) || isinf(d))
        return;
    if (st->n == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 64;
        double *nv = realloc(st->v, cap * sizeof *nv);
        if (!nv) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        st->v = nv;
        st->cap = cap;
    }
    st->v[st->n++] = d;
}

static void put_bound(struct strbuf *sb, double d)
{
    char buf[NUMFMT_MAX];
    size_t n = fmt_double(d, buf);
    sb_append(sb, buf, n);
}

static void hist_final(sqlite3_context *ctx)
{
    struct hist_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st || !st->n) {
        if (st)
            free(st->v);
        return;
    }
    double lo = st->v[0], hi = st->v[0];
    for (size_t k = 1; k < st->n; k++) {
        if (st->v[k] < lo)
            lo = st->v[k];
        if (st->v[k] > hi)
            hi = st->v[k];
    }
    long long nb = lo == hi ? 1 : st->buckets;
    if (nb < 1)
        nb = 1;
    long long *count = calloc((size_t)nb, sizeof *count);
    if (!count) {
        free(st->v);
        st->v = NULL;
        sqlite3_result_error_nomem(ctx);
        return;
    }
    double width = (hi - lo) / (double)nb;
    for (size_t k = 0; k < st->n; k++) {
        long long b = width > 0 ? (long long)floor((st->v[k] - lo) / width) : 0;
        if (b >= nb)
            b = nb - 1;
        if (b < 0)
            b = 0;
        count[b]++;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_putc(&sb, '{');
    for (long long b = 0; b < nb; b++) {
        double a = lo + width * (double)b, z = b + 1 == nb ? hi : lo + width * (double)(b + 1);
        sb_puts(&sb, b ? ",\"[" : "\"[");
        put_bound(&sb, a);
        sb_puts(&sb, ", ");
        put_bound(&sb, z);
        sb_printf(&sb, "%s\":%lld", b + 1 == nb ? "]" : ")", count[b]);
    }
    sb_putc(&sb, '}');
    free(count);
    free(st->v);
    st->v = NULL;
    size_t len = sb.len;
    sqlite3_result_text64(ctx, sb_detach(&sb), len, free, SQLITE_UTF8);
}

int sqlfn_register_timeseries(sqlite3 *db)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function_v2(db, "tq_rate", 4, flags, NULL, NULL, rate_step,
                                        rate_final, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "tq_histogram", 2, flags, NULL, NULL, hist_step,
                                        hist_final, NULL);
    return rc;
}
