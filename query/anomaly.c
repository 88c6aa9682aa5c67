/*
 * anomaly.c — the anomaly rules (see anomaly.h for them, and
 * docs/language.md#anomaly for why these).
 *
 * The pattern miner (pattern.c) keeps, for a pattern, the count of its
 * values in each time bucket, and for each placeholder a struct anom_pos:
 * up to ANOM_DISTINCT distinct values per half of the range, and running
 * number statistics. All of it is bounded by the number of patterns and
 * their placeholders, never by the number of values.
 */
#include "query/anomaly.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/timeval.h"
#include "base/xalloc.h"

struct anom_pos {
    char *vals[2][ANOM_DISTINCT];      /* distinct values per half, in order seen */
    size_t lens[2][ANOM_DISTINCT];
    int n_vals[2];
    bool overflow[2];                  /* more than ANOM_DISTINCT distinct values */
    int64_t n[2];                      /* values per half */
    bool all_numeric;                  /* every value so far is a number */
    bool all_codes;                    /* ... a whole number from 100 to 599 */
    int64_t errors[2];                 /* codes from 400 up, per half */
    double mean, m2;                   /* baseline numbers (Welford) */
    int64_t n_num;                     /* baseline numbers counted */
    int64_t cur_n;                     /* current numbers counted */
    double cur_mean;                   /* ... their mean */
};

struct anom_pos *anom_pos_new(void)
{
    struct anom_pos *p = xcalloc(1, sizeof *p);
    p->all_numeric = true;
    p->all_codes = true;
    return p;
}

void anom_pos_free(struct anom_pos *p)
{
    if (!p)
        return;
    for (int h = 0; h < 2; h++)
        for (int i = 0; i < p->n_vals[h]; i++)
            free(p->vals[h][i]);
    free(p);
}

/* The text as a number: digits with an optional sign, fraction and
 * exponent, nothing else. */
static bool as_number(const char *s, size_t n, double *d)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789+-.eE", s[i]) || s[i] == '\0')
            return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *end;
    *d = strtod(buf, &end);
    return *end == '\0' && isfinite(*d);
}

void anom_pos_add(struct anom_pos *p, const char *s, size_t n, bool current, int64_t times)
{
    int h = current ? 1 : 0;
    if (times <= 0)
        return;
    p->n[h] += times;
    if (!p->overflow[h]) {
        int i = 0;
        while (i < p->n_vals[h] && !(p->lens[h][i] == n && memcmp(p->vals[h][i], s, n) == 0))
            i++;
        if (i == p->n_vals[h]) {
            if (i == ANOM_DISTINCT) {
                p->overflow[h] = true;
            } else {
                p->vals[h][i] = xstrndup(s, n);
                p->lens[h][i] = n;
                p->n_vals[h]++;
            }
        }
    }
    double d;
    if (!p->all_numeric || !as_number(s, n, &d)) {
        p->all_numeric = p->all_codes = false;
        return;
    }
    if (!(d == floor(d) && d >= 100 && d <= 599))
        p->all_codes = false;
    else if (d >= 400)
        p->errors[h] += times;
    if (current) {
        p->cur_n += times;
        p->cur_mean += (d - p->cur_mean) * (double)times / (double)p->cur_n;
        return;
    }
    for (int64_t k = 0; k < times; k++) {
        p->n_num++;
        double delta = d - p->mean;
        p->mean += delta / (double)p->n_num;
        p->m2 += delta * (d - p->mean);
    }
}

int anom_bucket(int64_t ts, int64_t t0, int64_t t1)
{
    if (t1 <= t0 || ts <= t0)
        return 0;
    if (ts >= t1)
        return ANOM_BUCKETS - 1;
    int64_t b = (int64_t)((double)(ts - t0) * ANOM_BUCKETS / (double)(t1 - t0));
    return b >= ANOM_BUCKETS ? ANOM_BUCKETS - 1 : (int)b;
}

/* Start of bucket k of [t0, t1]. */
static int64_t bucket_start(int k, int64_t t0, int64_t t1)
{
    return t0 + (int64_t)((double)(t1 - t0) * k / ANOM_BUCKETS);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void add_kind(struct strbuf *types, struct strbuf *desc, const char *kind)
{
    if (types->len)
        sb_puts(types, ", ");
    sb_puts(types, kind);
    if (desc->len)
        sb_puts(desc, "; ");
}

static void put_number(struct strbuf *sb, double d)
{
    char buf[NUMFMT_MAX];
    fmt_double(d, buf);
    sb_puts(sb, buf);
}

static void put_time(struct strbuf *sb, int64_t ms)
{
    char buf[TV_FMT_MAX];
    tv_format(ms, buf);
    sb_puts(sb, buf);
}

bool anom_judge(const struct anom_pattern *p, int64_t t0, int64_t t1, int64_t total_base,
                struct strbuf *types, struct strbuf *desc, const char **priority)
{
    const int half = ANOM_BUCKETS / 2;
    int64_t base = 0, cur = 0;
    for (int k = 0; k < ANOM_BUCKETS; k++)
        *(k < half ? &base : &cur) += p->buckets[k];
    bool http = false;
    bool is_new = false;
    size_t start_len = types->len;

    /* pattern frequency */
    if (t1 > t0) {
        double v[ANOM_BUCKETS], dev[ANOM_BUCKETS];
        for (int k = 0; k < ANOM_BUCKETS; k++)
            v[k] = (double)p->buckets[k];
        double m = median(v, ANOM_BUCKETS);
        for (int k = 0; k < ANOM_BUCKETS; k++)
            dev[k] = fabs((double)p->buckets[k] - m);
        double mad = median(dev, ANOM_BUCKETS);
        double limit = m + 3 * fmax(fmax(1.4826 * mad, sqrt(m)), 1);
        int spike = -1;
        for (int k = half; k < ANOM_BUCKETS; k++)
            if ((double)p->buckets[k] > limit && p->buckets[k] >= ANOM_MIN_SPIKE &&
                (spike < 0 || p->buckets[k] > p->buckets[spike]))
                spike = k;
        if (spike >= 0) {
            add_kind(types, desc, "Pattern frequency");
            sb_printf(desc, "%lld values from ", (long long)p->buckets[spike]); /* >= ANOM_MIN_SPIKE */
            put_time(desc, bucket_start(spike, t0, t1));
            sb_puts(desc, " to ");
            put_time(desc, spike + 1 == ANOM_BUCKETS ? t1 : bucket_start(spike + 1, t0, t1));
            sb_puts(desc, ", typically ");
            put_number(desc, m);
            sb_puts(desc, " per bucket");
        }
    }

    /* new pattern */
    if (base == 0 && cur > 0 && total_base > 0) {
        is_new = true;
        add_kind(types, desc, "New pattern");
        sb_printf(desc, "%lld value%s, none before ", (long long)cur, cur == 1 ? "" : "s");
        put_time(desc, bucket_start(half, t0, t1));
    }

    /* token variation: placeholders that are not all numbers */
    for (size_t i = 0; i < p->n_pos && !is_new; i++) {
        const struct anom_pos *q = p->pos[i];
        if (!q || !p->pos_words[i] || q->all_numeric || q->overflow[0] || q->n[0] == 0 ||
            q->n[1] == 0)
            continue;
        int n_new = 0;
        struct strbuf list = STRBUF_INIT;
        for (int c = 0; c < q->n_vals[1]; c++) {
            bool known = false;
            for (int b = 0; b < q->n_vals[0] && !known; b++)
                known = q->lens[0][b] == q->lens[1][c] &&
                        memcmp(q->vals[0][b], q->vals[1][c], q->lens[1][c]) == 0;
            if (known)
                continue;
            if (n_new < 3) {
                sb_puts(&list, n_new ? ", " : "");
                sb_append(&list, q->vals[1][c], q->lens[1][c]);
            }
            n_new++;
        }
        if (n_new || q->overflow[1]) {
            add_kind(types, desc, "Token variation");
            sb_printf(desc, "%s took %s%d new value%s", p->pos_names[i],
                      q->overflow[1] ? "more than " : "", n_new ? n_new : ANOM_DISTINCT,
                      n_new == 1 && !q->overflow[1] ? "" : "s");
            if (list.len)
                sb_printf(desc, " (%s%s)", sb_str(&list), n_new > 3 ? ", ..." : "");
        }
        sb_free(&list);
        break; /* one placeholder is enough to name */
    }

    /* numerical token */
    for (size_t i = 0; i < p->n_pos; i++) {
        const struct anom_pos *q = p->pos[i];
        if (!q || !q->all_numeric || q->n_num < ANOM_MIN_NUMBERS || q->cur_n == 0)
            continue;
        double sd = sqrt(q->m2 / (double)(q->n_num - 1));
        if (!(sd > 0) || fabs(q->cur_mean - q->mean) <= 3 * sd)
            continue;
        add_kind(types, desc, "Numerical token");
        sb_printf(desc, "%s averaged ", p->pos_names[i]);
        put_number(desc, round(q->cur_mean * 1000) / 1000);
        sb_puts(desc, ", baseline mean ");
        put_number(desc, round(q->mean * 1000) / 1000);
        sb_puts(desc, ", standard deviation ");
        put_number(desc, round(sd * 1000) / 1000);
        break;
    }

    /* HTTP error codes */
    for (size_t i = 0; i < p->n_pos; i++) {
        const struct anom_pos *q = p->pos[i];
        if (!q || !q->all_numeric || !q->all_codes || q->n[1] == 0 || q->errors[1] == 0)
            continue;
        double share_cur = (double)q->errors[1] / (double)q->n[1];
        double share_base = q->n[0] ? (double)q->errors[0] / (double)q->n[0] : 0;
        if (share_cur < share_base + 0.05)
            continue;
        http = true;
        add_kind(types, desc, "HTTP error code");
        sb_printf(desc, "%s: ", p->pos_names[i]);
        put_number(desc, round(share_cur * 1000) / 10);
        sb_puts(desc, "% error codes, baseline ");
        put_number(desc, round(share_base * 1000) / 10);
        sb_puts(desc, "%");
        break;
    }

    if (types->len == start_len)
        return false;
    bool error = p->severity && strcmp(p->severity, "Error") == 0;
    bool warning = p->severity && strcmp(p->severity, "Warning") == 0;
    *priority = error || http ? "HIGH" : is_new || warning ? "MEDIUM" : "LOW";
    return true;
}
