/*
 * sqlfn_cmds.c — SQL functions behind the data commands of trailq(1),
 * QUERY LANGUAGE (docs/language.md#the-data-commands):
 *
 *   tq_rowsum(v, ...)        addtotals: the sum of the arguments that are
 *                            numbers (value rules of sqlfn.h); missing when
 *                            none is.
 *   tq_relevance(v, cond)    relevantfields, an aggregate: compares the
 *                            values of the rows where cond is 1 with those
 *                            where it is 0, and returns a JSON object:
 *                              numbers (every present value a number):
 *                                {"score": D, "cond": m1, "base": m0}
 *                                D the Kolmogorov-Smirnov distance of the
 *                                two samples (the largest gap between their
 *                                cumulative distributions), m1 and m0 their
 *                                nearest-rank medians;
 *                              otherwise (a missing value counts as the
 *                              value "(missing)"):
 *                                {"score": T, "top": "v1 (+p1), v2 (-p2), ..."}
 *                                T the total variation distance, half the
 *                                sum over values of |share in cond - share
 *                                in base|; top the three values whose share
 *                                moved most, with the move in percentage
 *                                points.
 *                            null when either side has no row.
 *   tq_key(v)                join and in ( subquery ): v as SQLite should
 *                            compare it for `=` under the value rules: the
 *                            number for a value that is one (so "5" = 5.0),
 *                            else its text; missing stays missing.
 *   tq_canon(v)              grouping (stats by, count_distinct, dedup) on a
 *                            field that holds both numbers and text: a text
 *                            that is exactly how the number prints ("443",
 *                            "1.5") as that number, so port 443 and "443"
 *                            are one key; other text ("05", "5.0", "true")
 *                            and every other value as it is. Unlike
 *                            tq_key, two keys that print differently stay
 *                            apart (account ids keep their leading zeros).
 *
 * tq_relevance keeps every distinct value and every number of the field in
 * memory until the end (the command reads one field at a time).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

static void fn_rowsum(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool any = false, exact = true;
    long long isum = 0;
    double dsum = 0;
    for (int k = 0; k < argc; k++) {
        double d;
        long long i;
        bool is_int;
        if (!sqlfn_value_number(argv[k], &d, &i, &is_int))
            continue;
        any = true;
        dsum += d;
        if (!is_int || __builtin_add_overflow(isum, i, &isum))
            exact = false;
    }
    if (!any)
        return;
    if (exact)
        sqlite3_result_int64(ctx, isum);
    else
        sqlfn_result_number(ctx, dsum);
}

/* ---- relevance ---- */

struct rel_value {
    char *text;            /* the value's text (owned) */
    size_t len;
    int64_t n[2];          /* rows with it: [0] baseline, [1] condition */
};

struct rel_state {
    int64_t rows[2];       /* rows per side */
    bool all_numeric;      /* every present value so far was a number */
    bool seen;             /* any present value */
    double *nums[2];       /* the numbers per side (owned) */
    size_t n_nums[2], cap_nums[2];
    struct rel_value *vals; /* distinct values (owned), "(missing)" included */
    size_t n_vals, cap_vals;
    size_t *slots;         /* hash table of vals: index + 1 */
    size_t n_slots;
};

static uint64_t hash_text(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static void rel_rehash(struct rel_state *st)
{
    size_t n_slots = st->n_slots ? 2 * st->n_slots : 64;
    size_t *slots = xcalloc(n_slots, sizeof *slots);
    for (size_t i = 0; i < st->n_vals; i++) {
        size_t k = (size_t)hash_text(st->vals[i].text, st->vals[i].len) & (n_slots - 1);
        while (slots[k])
            k = (k + 1) & (n_slots - 1);
        slots[k] = i + 1;
    }
    free(st->slots);
    st->slots = slots;
    st->n_slots = n_slots;
}

static void rel_count(struct rel_state *st, const char *s, size_t n, int side)
{
    if ((st->n_vals + 1) * 2 > st->n_slots)
        rel_rehash(st);
    size_t k = (size_t)hash_text(s, n) & (st->n_slots - 1);
    while (st->slots[k]) {
        struct rel_value *v = &st->vals[st->slots[k] - 1];
        if (v->len == n && memcmp(v->text, s, n) == 0) {
            v->n[side]++;
            return;
        }
        k = (k + 1) & (st->n_slots - 1);
    }
    st->vals = xgrow(st->vals, &st->cap_vals, st->n_vals + 1, sizeof *st->vals);
    st->vals[st->n_vals] = (struct rel_value){.text = xstrndup(s, n), .len = n};
    st->vals[st->n_vals].n[side] = 1;
    st->slots[k] = ++st->n_vals;
}

static void relevance_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct rel_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (st->rows[0] + st->rows[1] == 0)
        st->all_numeric = true;
    int side = sqlite3_value_int(argv[1]) ? 1 : 0;
    st->rows[side]++;
    char buf[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(argv[0], &n, buf);
    if (!s) {
        rel_count(st, "(missing)", 9, side);
        return;
    }
    st->seen = true;
    rel_count(st, s, n, side);
    double d;
    if (st->all_numeric && sqlfn_value_number(argv[0], &d, NULL, NULL)) {
        st->nums[side] = xgrow(st->nums[side], &st->cap_nums[side], st->n_nums[side] + 1,
                               sizeof *st->nums[side]);
        st->nums[side][st->n_nums[side]++] = d;
    } else {
        st->all_numeric = false;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank median of a sorted sample (as pct(f, 50) gives it). */
static double median(const double *v, size_t n)
{
    size_t rank = (n + 1) / 2;
    return v[rank - 1];
}

static void put_number(struct strbuf *sb, double d)
{
    char buf[NUMFMT_MAX];
    fmt_double(d, buf);
    sb_puts(sb, buf);
}

/* |share in cond - share in base| of a value, for the ranking. */
static double shift(const struct rel_state *st, const struct rel_value *v)
{
    return (double)v->n[1] / (double)st->rows[1] - (double)v->n[0] / (double)st->rows[0];
}

static void relevance_final(sqlite3_context *ctx)
{
    struct rel_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st)
        return;
    struct strbuf out = STRBUF_INIT;
    if (st->rows[0] > 0 && st->rows[1] > 0) {
        if (st->seen && st->all_numeric && st->n_nums[0] && st->n_nums[1]) {
            double *a = st->nums[0], *b = st->nums[1];
            size_t na = st->n_nums[0], nb = st->n_nums[1];
            qsort(a, na, sizeof *a, cmp_double);
            qsort(b, nb, sizeof *b, cmp_double);
            /* the Kolmogorov-Smirnov distance: walk both sorted samples */
            double dmax = 0;
            size_t i = 0, j = 0;
            while (i < na && j < nb) {
                double x = a[i] < b[j] ? a[i] : b[j];
                while (i < na && a[i] <= x)
                    i++;
                while (j < nb && b[j] <= x)
                    j++;
                double gap = fabs((double)i / (double)na - (double)j / (double)nb);
                if (gap > dmax)
                    dmax = gap;
            }
            sb_puts(&out, "{\"score\":");
            put_number(&out, round(dmax * 10000) / 10000);
            sb_puts(&out, ",\"cond\":");
            put_number(&out, median(b, nb));
            sb_puts(&out, ",\"base\":");
            put_number(&out, median(a, na));
            sb_putc(&out, '}');
        } else {
            double tv = 0;
            for (size_t k = 0; k < st->n_vals; k++)
                tv += fabs(shift(st, &st->vals[k]));
            tv /= 2;
            /* the three largest moves, the first seen on a tie */
            size_t top[3];
            size_t n_top = 0;
            for (size_t k = 0; k < st->n_vals; k++) {
                double m = fabs(shift(st, &st->vals[k]));
                if (m == 0)
                    continue;
                size_t at = n_top;
                while (at > 0 && fabs(shift(st, &st->vals[top[at - 1]])) < m)
                    at--;
                if (at >= 3)
                    continue;
                if (n_top < 3)
                    n_top++;
                for (size_t q = n_top - 1; q > at; q--)
                    top[q] = top[q - 1];
                top[at] = k;
            }
            struct strbuf list = STRBUF_INIT;
            for (size_t q = 0; q < n_top; q++) {
                const struct rel_value *v = &st->vals[top[q]];
                double pts = round(shift(st, v) * 1000) / 10;
                sb_puts(&list, q ? ", " : "");
                sb_append(&list, v->text, v->len);
                sb_puts(&list, pts > 0 ? " (+" : " (");
                put_number(&list, pts);
                sb_putc(&list, ')');
            }
            sb_puts(&out, "{\"score\":");
            put_number(&out, round(tv * 10000) / 10000);
            sb_puts(&out, ",\"top\":");
            sb_json_quote(&out, list.buf ? list.buf : "", list.len);
            sb_putc(&out, '}');
            sb_free(&list);
        }
    }
    for (int side = 0; side < 2; side++)
        free(st->nums[side]);
    for (size_t k = 0; k < st->n_vals; k++)
        free(st->vals[k].text);
    free(st->vals);
    free(st->slots);
    *st = (struct rel_state){0};
    if (out.len) {
        size_t len = out.len;
        sqlite3_result_text64(ctx, sb_detach(&out), len, free, SQLITE_UTF8);
    }
    sb_free(&out);
}

static void fn_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    double d;
    long long i;
    bool is_int;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    if (sqlfn_value_number(argv[0], &d, &i, &is_int)) {
        if (is_int)
            sqlite3_result_int64(ctx, i);
        else
            sqlite3_result_double(ctx, d);
        return;
    }
    sqlite3_result_text(ctx, (const char *)sqlite3_value_text(argv[0]),
                        sqlite3_value_bytes(argv[0]), SQLITE_TRANSIENT);
}

static void fn_canon(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_value *v = argv[0];
    int n = sqlite3_value_type(v) == SQLITE_TEXT ? sqlite3_value_bytes(v) : 0;
    double d;
    long long i;
    bool is_int;
    if (n > 0 && n < NUMFMT_MAX && sqlfn_value_number(v, &d, &i, &is_int)) {
        char buf[NUMFMT_MAX];
        size_t len = is_int ? fmt_int(i, buf) : fmt_double(d, buf);
        if (len == (size_t)n && memcmp(buf, sqlite3_value_text(v), len) == 0) {
            if (is_int)
                sqlite3_result_int64(ctx, i);
            else
                sqlite3_result_double(ctx, d);
            return;
        }
    }
    sqlite3_result_value(ctx, v);
}

static const struct sqlfn_entry cmd_fns[] = {
    {"tq_rowsum", -1, 0, fn_rowsum},
    {"tq_key", 1, 0, fn_key},
    {"tq_canon", 1, 0, fn_canon},
};

int sqlfn_register_cmds(sqlite3 *db)
{
    int rc = sqlfn_register_table(db, cmd_fns, sizeof cmd_fns / sizeof cmd_fns[0]);
    if (rc != SQLITE_OK)
        return rc;
    return sqlite3_create_function_v2(db, "tq_relevance", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      NULL, relevance_step, relevance_final, NULL);
}
