/*
 * sqlfn_agg.c — the aggregate SQL functions behind `stats`: tq_sum,
 * tq_avg, tq_min, tq_max, tq_pct, tq_stddev, and the value pickers
 * tq_earliest, tq_latest, tq_sortsfirst, tq_sortslast.
 *
 * Numeric aggregates use the numbers among their inputs under the value
 * rules of sqlfn.h (numeric text and 'true'/'false' included) and skip the
 * rest; with no such input the result is NULL (the field is absent).
 *
 * Memory: each aggregate keeps its state in sqlite3_aggregate_context();
 * anything it allocates beyond that (copied values, the pct array) is freed
 * in its xFinal, which SQLite calls exactly once per group, also when the
 * statement is reset or finalized before the group completes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/xalloc.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* ---- sum, avg ---- */

struct sum_state {
    long long count;      /* numeric values seen */
    bool overflowed;      /* the exact sum left int64: isum is no longer used */
    bool all_int;         /* every value so far was an exact integer */
    long long isum;       /* exact sum while all_int && !overflowed */
    double dsum;          /* sum as a double (always maintained) */
    double comp;          /* what dsum's roundings lost (Neumaier): dsum + comp is
                             the sum, alike in any order of the values but in
                             rare cases, so a --db index loaded in several runs
                             and a one-shot run print the same sum and avg */
};

/* dsum += d, with the rounding error kept in comp (Kahan-Babuska-Neumaier,
 * as SQLite's own sum() since 3.43). */
static void sum_add(struct sum_state *st, double d)
{
    double t = st->dsum + d;
    if (isfinite(t))
        st->comp += fabs(st->dsum) >= fabs(d) ? (st->dsum - t) + d : (d - t) + st->dsum;
    st->dsum = t;
}

/* The double sum, compensated. */
static double sum_value(const struct sum_state *st)
{
    return isfinite(st->dsum) ? st->dsum + st->comp : st->dsum;
}

static void sum_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double d;
    long long i;
    bool is_int;
    if (!sqlfn_value_number(argv[0], &d, &i, &is_int))
        return;
    struct sum_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (st->count == 0)
        st->all_int = true;
    st->count++;
    sum_add(st, d);
    if (!is_int)
        st->all_int = false;
    else if (st->all_int && !st->overflowed && __builtin_add_overflow(st->isum, i, &st->isum))
        st->overflowed = true;
}

/* The exact integer sum, when there is one. */
static bool sum_exact(const struct sum_state *st)
{
    return st->all_int && !st->overflowed;
}

static void sum_final(sqlite3_context *ctx)
{
    struct sum_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st || st->count == 0)
        return;
    if (sum_exact(st))
        sqlite3_result_int64(ctx, st->isum);
    else
        sqlfn_result_number(ctx, sum_value(st));
}

static void avg_final(sqlite3_context *ctx)
{
    struct sum_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st || st->count == 0)
        return;
    double total = sum_exact(st) ? (double)st->isum : sum_value(st);
    sqlfn_result_number(ctx, total / (double)st->count);
}

/* ---- min, max ---- */

struct minmax_state {
    bool seen;                /* some non-NULL value was seen */
    bool all_numeric;         /* ... and every one was a number */
    sqlite3_value *num_best;  /* numerically best so far (copy), while all_numeric */
    sqlite3_value *text_best; /* best by text form so far (copy) */
};

/* Bytewise comparison of text forms (a prefix first). */
static int cmp_text_forms(sqlite3_value *a, sqlite3_value *b)
{
    char ba[NUMFMT_MAX], bb[NUMFMT_MAX];
    size_t an, bn;
    const char *sa = sqlfn_value_text(a, &an, ba);
    const char *sb = sqlfn_value_text(b, &bn, bb);
    int c = memcmp(sa, sb, an < bn ? an : bn);
    if (c != 0)
        return c;
    return (an > bn) - (an < bn);
}

/* Replace *slot by a copy of v. */
static bool keep_value(sqlite3_value **slot, sqlite3_value *v)
{
    sqlite3_value *copy = sqlite3_value_dup(v);
    if (!copy)
        return false;
    sqlite3_value_free(*slot);
    *slot = copy;
    return true;
}

/* sign: -1 for min (keep smaller), +1 for max (keep larger). */
static void minmax_step(sqlite3_context *ctx, sqlite3_value *v, int sign)
{
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return;
    struct minmax_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    bool ok = true;
    bool numeric = sqlfn_value_number(v, NULL, NULL, NULL);
    if (!st->seen) {
        st->seen = true;
        st->all_numeric = numeric;
        ok = keep_value(&st->text_best, v) && (!numeric || keep_value(&st->num_best, v));
    } else {
        int c;
        if (st->all_numeric && !numeric) {
            st->all_numeric = false;
            sqlite3_value_free(st->num_best);
            st->num_best = NULL;
        }
        if (st->all_numeric && sqlfn_compare(v, st->num_best, &c) && c * sign > 0)
            ok = keep_value(&st->num_best, v);
        if (ok && cmp_text_forms(v, st->text_best) * sign > 0)
            ok = keep_value(&st->text_best, v);
    }
    if (!ok)
        sqlite3_result_error_nomem(ctx);
}

static void min_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) { minmax_step(ctx, argv[0], -1); }
static void max_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) { minmax_step(ctx, argv[0], 1); }

static void minmax_final(sqlite3_context *ctx)
{
    struct minmax_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st)
        return;
    if (st->seen)
        sqlite3_result_value(ctx, st->all_numeric ? st->num_best : st->text_best);
    sqlite3_value_free(st->num_best);
    sqlite3_value_free(st->text_best);
    st->num_best = st->text_best = NULL;
}

/* ---- pct ---- */

struct pct_item {
    double d;        /* the value */
    long long i;     /* the value exactly, when is_int */
    bool is_int;     /* i is exact */
};

struct pct_state {
    struct pct_item *v;   /* numeric values seen (owned) */
    size_t n, cap;        /* used, allocated */
    bool have_p;          /* p was read */
    double p;             /* the percentile asked for */
};

static void pct_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct pct_item it;
    double p;
    if (!sqlfn_value_number(argv[0], &it.d, &it.i, &it.is_int))
        return;
    struct pct_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (!st->have_p && sqlfn_value_number(argv[1], &p, NULL, NULL)) {
        st->p = p;
        st->have_p = true;
    }
    st->v = xgrow(st->v, &st->cap, st->n + 1, sizeof *st->v);
    st->v[st->n++] = it;
}

static int cmp_pct_item(const void *pa, const void *pb)
{
    const struct pct_item *a = pa, *b = pb;
    if (a->is_int && b->is_int)
        return (a->i > b->i) - (a->i < b->i);
    return (a->d > b->d) - (a->d < b->d);
}

static void pct_final(sqlite3_context *ctx)
{
    struct pct_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st)
        return;
    if (st->n > 0 && st->have_p) {
        qsort(st->v, st->n, sizeof *st->v, cmp_pct_item);
        /* Nearest rank: ceil(p/100 × N), clamped to [1, N]. p×N/100 is
         * exact for integer p; the tiny relative slack keeps p like 99.9,
         * which is not exact in binary, from rounding up a whole rank. */
        double x = st->p * (double)st->n / 100.0;
        double r = ceil(x - fabs(x) * 1e-12);
        size_t rank = r < 1 ? 1 : r > (double)st->n ? st->n : (size_t)r;
        const struct pct_item *it = &st->v[rank - 1];
        if (it->is_int)
            sqlite3_result_int64(ctx, it->i);
        else
            sqlfn_result_number(ctx, it->d);
    }
    free(st->v);
    st->v = NULL;
    st->n = st->cap = 0;
}

/* ---- stddev (Welford) ---- */

struct stddev_state {
    long long n;     /* values seen */
    double mean;     /* running mean */
    double m2;       /* running sum of squared differences from the mean */
};

static void stddev_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double d;
    if (!sqlfn_value_number(argv[0], &d, NULL, NULL))
        return;
    struct stddev_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    st->n++;
    double delta = d - st->mean;
    st->mean += delta / (double)st->n;
    st->m2 += delta * (d - st->mean);
}

static void stddev_final(sqlite3_context *ctx)
{
    struct stddev_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st || st->n < 2)
        return;
    sqlfn_result_number(ctx, sqrt(st->m2 / (double)(st->n - 1)));
}

/* ---- earliest, latest ---- */

struct pick_state {
    bool seen;             /* best holds a value */
    double ts_d;           /* best row's timestamp as a double */
    long long ts_i;        /* ... exactly, when ts_int */
    bool ts_int;           /* ts_i is exact */
    long long id;          /* best row's input-order number */
    sqlite3_value *best;   /* copy of its x */
};

/* Compare (ts, id) of a row with the best so far. */
static int cmp_ts_id(const struct pick_state *st, double d, long long i, bool is_int, long long id)
{
    int c;
    if (is_int && st->ts_int)
        c = (i > st->ts_i) - (i < st->ts_i);
    else
        c = (d > st->ts_d) - (d < st->ts_d);
    if (c == 0)
        c = (id > st->id) - (id < st->id);
    return c;
}

/* sign -1: keep the smallest (ts, id); +1: the largest. */
static void pick_step(sqlite3_context *ctx, sqlite3_value **argv, int sign)
{
    double d;
    long long i;
    bool is_int;
    if (sqlite3_value_type(argv[2]) == SQLITE_NULL ||
        !sqlfn_value_number(argv[0], &d, &i, &is_int))
        return;
    long long id = sqlite3_value_int64(argv[1]);
    struct pick_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (st->seen && cmp_ts_id(st, d, i, is_int, id) * sign <= 0)
        return;
    if (!keep_value(&st->best, argv[2])) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    st->seen = true;
    st->ts_d = d;
    st->ts_i = i;
    st->ts_int = is_int;
    st->id = id;
}

static void earliest_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) { pick_step(ctx, argv, -1); }
static void latest_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) { pick_step(ctx, argv, 1); }

static void pick_final(sqlite3_context *ctx)
{
    struct pick_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st)
        return;
    if (st->seen)
        sqlite3_result_value(ctx, st->best);
    sqlite3_value_free(st->best);
    st->best = NULL;
}

/* ---- sortsFirst, sortsLast ---- */

struct sorts_state {
    sqlite3_value *best;   /* copy of the value that sorts first/last so far */
};

static void sorts_step(sqlite3_context *ctx, sqlite3_value *v, int sign)
{
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return;
    struct sorts_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (st->best && insights_compare_values(v, st->best) * sign <= 0)
        return;
    if (!keep_value(&st->best, v))
        sqlite3_result_error_nomem(ctx);
}

static void sortsfirst_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) { sorts_step(ctx, argv[0], -1); }
static void sortslast_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) { sorts_step(ctx, argv[0], 1); }

static void sorts_final(sqlite3_context *ctx)
{
    struct sorts_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st)
        return;
    if (st->best)
        sqlite3_result_value(ctx, st->best);
    sqlite3_value_free(st->best);
    st->best = NULL;
}

/* ---- registration ---- */

struct agg_entry {
    const char *name;                                         /* SQL name */
    int n_args;                                               /* argument count */
    void (*step)(sqlite3_context *, int, sqlite3_value **);   /* xStep */
    void (*final)(sqlite3_context *);                         /* xFinal */
};

static const struct agg_entry agg_fns[] = {
    {"tq_sum", 1, sum_step, sum_final},
    {"tq_avg", 1, sum_step, avg_final},
    {"tq_min", 1, min_step, minmax_final},
    {"tq_max", 1, max_step, minmax_final},
    {"tq_pct", 2, pct_step, pct_final},
    {"tq_stddev", 1, stddev_step, stddev_final},
    {"tq_earliest", 3, earliest_step, pick_final},
    {"tq_latest", 3, latest_step, pick_final},
    {"tq_sortsfirst", 1, sortsfirst_step, sorts_final},
    {"tq_sortslast", 1, sortslast_step, sorts_final},
};

int sqlfn_register_agg(sqlite3 *db)
{
    for (size_t k = 0; k < sizeof agg_fns / sizeof agg_fns[0]; k++) {
        int rc = sqlite3_create_function_v2(db, agg_fns[k].name, agg_fns[k].n_args,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                            NULL, NULL, agg_fns[k].step, agg_fns[k].final, NULL);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
