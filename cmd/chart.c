/*
 * chart.c — a stats result drawn as bars (see chart.h).
 */
#include "cmd/chart.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "cmd/escape.h"
#include "cmd/output.h"
#include "cmd/uwidth.h"

struct crow {
    char *label;   /* the other keys, escaped, joined by " / " (owned) */
    size_t label_w;
    int64_t t;     /* the time key (time series) */
    double v;      /* the first aggregate, 0 or more */
};

struct glyphs {
    const char *full, *axis_v, *axis_corner, *axis_h, *cut;
    const char *const *eighths;       /* 1/8 .. 7/8 of a cell: vertical bars */
    const char *const *h_eighths;     /* 1/8 .. 7/8 of a cell: horizontal bars */
    const char *const *series;        /* one per series, stacked */
};

static const char *const v_eighths_u[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇"};
static const char *const h_eighths_u[] = {"▏", "▎", "▍", "▌", "▋", "▊", "▉"};
static const char *const series_u[CHART_MAX_SERIES] = {"█", "▓", "▒", "░", "▚"};
static const char *const series_a[CHART_MAX_SERIES] = {"#", "=", "+", "o", "*"};

static const struct glyphs unicode_glyphs = {"█", "│", "└", "─", "…", v_eighths_u, h_eighths_u,
                                             series_u};
static const struct glyphs ascii_glyphs = {"#", "|", "+", "-", "...", NULL, NULL, series_a};

static void put_n(struct strbuf *sb, const char *s, long n)
{
    for (long i = 0; i < n; i++)
        sb_puts(sb, s);
}

static void put_spaces(struct strbuf *sb, long n)
{
    put_n(sb, " ", n);
}

/* End a line, without the blanks it ends in. */
static void end_line(struct strbuf *sb)
{
    while (sb->len && sb->buf[sb->len - 1] == ' ')
        sb->len--;
    sb_putc(sb, '\n');
}

/* A number as the formats print it. */
static size_t num_text(double v, char buf[NUMFMT_MAX])
{
    if (v == floor(v) && fabs(v) < 9e15)
        return fmt_int((long long)v, buf);
    return fmt_double(v, buf);
}

/* label, cut to at most max columns (with g->cut), then padded to max. */
static void put_label(struct strbuf *sb, const struct crow *r, size_t max, const struct glyphs *g)
{
    if (r->label_w <= max) {
        sb_puts(sb, r->label);
        put_spaces(sb, (long)(max - r->label_w));
        return;
    }
    size_t cut_w = uwidth_str(g->cut, strlen(g->cut));
    size_t w = 0;
    size_t n = uwidth_prefix(r->label, strlen(r->label), max > cut_w ? max - cut_w : 0, &w);
    sb_append(sb, r->label, n);
    sb_puts(sb, g->cut);
    put_spaces(sb, (long)max - (long)(w + cut_w));
}

/* ---- reading the rows ------------------------------------------------ */

struct rows {
    struct crow *r;
    size_t n, cap;
    size_t dropped;   /* missing or not a number */
};

static int read_rows(sqlite3_stmt *stmt, const struct result_col *cols, size_t n_cols,
                     int time_col, int value_col, struct rows *out)
{
    int rc;
    struct strbuf label = STRBUF_INIT;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int vt = sqlite3_column_type(stmt, value_col);
        if ((vt != SQLITE_INTEGER && vt != SQLITE_FLOAT) ||
            (time_col >= 0 && sqlite3_column_type(stmt, time_col) == SQLITE_NULL)) {
            out->dropped++;
            continue;
        }
        double v = sqlite3_column_double(stmt, value_col);
        if (!isfinite(v)) {
            out->dropped++;
            continue;
        }
        sb_reset(&label);
        size_t w = 0;
        for (size_t i = 0; i < n_cols; i++) {
            if (cols[i].role != COL_KEY || (int)i == time_col)
                continue;
            if (label.len) {
                sb_puts(&label, " / ");
                w += 3;
            }
            const unsigned char *t = sqlite3_column_text(stmt, (int)i);
            if (cols[i].type == VT_BOOL && sqlite3_column_type(stmt, (int)i) == SQLITE_INTEGER)
                t = (const unsigned char *)(sqlite3_column_int64(stmt, (int)i) ? "true" : "false");
            if (!t)
                t = (const unsigned char *)"(none)";
            w += esc_append(&label, (const char *)t, strlen((const char *)t), ESC_RAW_C1);
        }
        out->r = xgrow(out->r, &out->cap, out->n + 1, sizeof *out->r);
        out->r[out->n++] = (struct crow){
            .label = xstrdup(sb_str(&label)),
            .label_w = w,
            .t = time_col >= 0 ? (int64_t)sqlite3_column_int64(stmt, time_col) : 0,
            .v = v > 0 ? v : 0,
        };
    }
    sb_free(&label);
    return rc == SQLITE_DONE ? 0 : rc;
}

/* ---- a time series ---------------------------------------------------- */

struct series {
    const char *label;  /* borrowed from a row */
    size_t label_w;
    double total;
    size_t first;       /* the row it first appears in (ties: earlier first) */
};

static int cmp_series(const void *a, const void *b)
{
    const struct series *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static void draw_series(struct strbuf *sb, const struct rows *rows, const struct result_col *vcol,
                        const struct result_col *tcol, bool has_other_keys,
                        const struct settings *show, int width, int height,
                        const struct glyphs *g)
{
    /* the series, largest first */
    struct series *ser = NULL;
    size_t n_ser = 0, cap_ser = 0;
    size_t *row_ser = xcalloc(rows->n ? rows->n : 1, sizeof *row_ser);
    for (size_t i = 0; i < rows->n; i++) {
        size_t k = 0;
        while (k < n_ser && strcmp(ser[k].label, rows->r[i].label) != 0)
            k++;
        if (k == n_ser) {
            ser = xgrow(ser, &cap_ser, n_ser + 1, sizeof *ser);
            ser[n_ser++] = (struct series){rows->r[i].label, rows->r[i].label_w, 0, i};
        }
        ser[k].total += rows->r[i].v;
    }
    qsort(ser, n_ser, sizeof *ser, cmp_series);
    size_t shown = n_ser < CHART_MAX_SERIES ? n_ser : CHART_MAX_SERIES;
    for (size_t i = 0; i < rows->n; i++) {
        row_ser[i] = SIZE_MAX;
        for (size_t k = 0; k < shown; k++)
            if (strcmp(ser[k].label, rows->r[i].label) == 0)
                row_ser[i] = k;
    }

    /* the buckets: the smallest step between two times, from the first to the last */
    int64_t *times = xcalloc(rows->n, sizeof *times);
    for (size_t i = 0; i < rows->n; i++)
        times[i] = rows->r[i].t;
    qsort(times, rows->n, sizeof *times, cmp_i64);
    int64_t tmin = times[0], tmax = times[rows->n - 1], step = 0;
    for (size_t i = 1; i < rows->n; i++) {
        int64_t d = times[i] - times[i - 1];
        if (d > 0 && (step == 0 || d < step))
            step = d;
    }
    free(times);
    if (step == 0)
        step = 1;
    double slots = floor((double)(tmax - tmin) / (double)step) + 1;

    /* the plot: a gutter for the scale, then one column per bucket or buckets */
    int plot_h = height - 5 - (has_other_keys ? (int)shown + (n_ser > shown) : 0);
    plot_h = plot_h < 4 ? 4 : plot_h > 20 ? 20 : plot_h;
    double *sums = NULL;
    size_t n_cols = 0;
    double max = 0;
    char top[NUMFMT_MAX];
    size_t gutter = 1;
    for (int pass = 0; pass < 2; pass++) {
        /* pass 0 finds the scale's width from a first sum; pass 1 sums for the real plot width */
        long plot_w = (long)width - (long)gutter - 2;
        if (plot_w < 10)
            plot_w = 10;
        n_cols = slots < (double)plot_w ? (size_t)slots : (size_t)plot_w;
        free(sums);
        sums = xcalloc(n_cols * CHART_MAX_SERIES, sizeof *sums);
        for (size_t i = 0; i < rows->n; i++) {
            if (row_ser[i] == SIZE_MAX)
                continue;
            double slot = floor((double)(rows->r[i].t - tmin) / (double)step);
            size_t c = (size_t)(slot * (double)n_cols / slots);
            if (c >= n_cols)
                c = n_cols - 1;
            sums[c * CHART_MAX_SERIES + row_ser[i]] += rows->r[i].v;
        }
        max = 0;
        for (size_t c = 0; c < n_cols; c++) {
            double s = 0;
            for (size_t k = 0; k < shown; k++)
                s += sums[c * CHART_MAX_SERIES + k];
            if (s > max)
                max = s;
        }
        num_text(max, top);
        gutter = strlen(top);
    }
    double per = ceil(slots / (double)n_cols);
    /* few buckets: each gets several columns, a bar and a gap */
    long plot_w = (long)width - (long)gutter - 2;
    long colw = plot_w / (long)n_cols;
    colw = colw < 1 ? 1 : colw > 8 ? 8 : colw;
    long bar_w = colw > 1 ? colw - 1 : 1;

    sb_puts(sb, vcol->name);
    sb_puts(sb, " by ");
    sb_puts(sb, tcol->name);
    if (per > 1)
        sb_printf(sb, " (%.0f buckets per column, summed)", per);
    end_line(sb);
    double scale = max > 0 ? max : 1;
    for (int r = plot_h - 1; r >= 0; r--) {
        if (r == plot_h - 1)
            sb_printf(sb, "%*s ", (int)gutter, top);
        else
            put_spaces(sb, (long)gutter + 1);
        sb_puts(sb, g->axis_v);
        for (size_t c = 0; c < n_cols; c++) {
            const double *cs = sums + c * CHART_MAX_SERIES;
            if (shown == 1 && g->eighths) {
                long e = lround(cs[0] / scale * plot_h * 8) - (long)r * 8;
                put_n(sb, e >= 8 ? g->full : e > 0 ? g->eighths[e - 1] : " ", bar_w);
                put_spaces(sb, colw - bar_w);
                continue;
            }
            /* stacked: each series a whole number of cells, rounded at its top */
            double cum = 0;
            long below = 0;
            const char *cell = " ";
            for (size_t k = 0; k < shown; k++) {
                cum += cs[k];
                long top_k = lround(cum / scale * plot_h);
                if (r >= below && r < top_k) {
                    cell = g->series[k];
                    break;
                }
                below = top_k > below ? top_k : below;
            }
            put_n(sb, cell, bar_w);
            put_spaces(sb, colw - bar_w);
        }
        end_line(sb);
    }
    sb_printf(sb, "%*s ", (int)gutter, "0");
    sb_puts(sb, g->axis_corner);
    put_n(sb, g->axis_h, (long)n_cols * colw);
    end_line(sb);
    char first[OUT_TIME_MAX], last[OUT_TIME_MAX];
    size_t fl = out_time_text(show->time_style, show->tz, tmin, first);
    size_t ll = out_time_text(show->time_style, show->tz, tmax, last);
    put_spaces(sb, (long)gutter + 2);
    sb_puts(sb, first);
    long axis_w = (long)n_cols * colw;
    if (tmax != tmin && axis_w >= (long)(fl + 2 + ll)) {
        put_spaces(sb, axis_w - (long)(fl + ll));
        sb_puts(sb, last);
    }
    end_line(sb);
    if (has_other_keys) {
        for (size_t k = 0; k < shown; k++) {
            sb_puts(sb, g->series[k]);
            sb_putc(sb, ' ');
            sb_puts(sb, *ser[k].label ? ser[k].label : "(none)");
            end_line(sb);
        }
        if (n_ser > shown)
            sb_printf(sb, "(%zu more series not shown)\n", n_ser - shown);
    }
    free(sums);
    free(row_ser);
    free(ser);
}

/* ---- bars ---------------------------------------------------------------- */

static int cmp_rows(const void *a, const void *b)
{
    const struct crow *x = a, *y = b;
    return x->v > y->v ? -1 : x->v < y->v;
}

static void draw_bars(struct strbuf *sb, struct rows *rows, const struct result_col *cols,
                      size_t n_cols, const struct result_col *vcol, int width, int height,
                      const struct glyphs *g)
{
    /* stable: equal values keep the query's order */
    for (size_t i = 1; i < rows->n; i++)
        for (size_t j = i; j > 0 && cmp_rows(&rows->r[j - 1], &rows->r[j]) > 0; j--) {
            struct crow t = rows->r[j];
            rows->r[j] = rows->r[j - 1];
            rows->r[j - 1] = t;
        }
    size_t max_bars = height - 3 > 3 ? (size_t)(height - 3) : 3;
    size_t n = rows->n < max_bars ? rows->n : max_bars;
    sb_puts(sb, vcol->name);
    sb_puts(sb, " by ");
    bool any = false;
    for (size_t i = 0; i < n_cols; i++)
        if (cols[i].role == COL_KEY) {
            sb_printf(sb, "%s%s", any ? " / " : "", cols[i].name);
            any = true;
        }
    if (!any)
        sb_puts(sb, "(all events)");
    sb_putc(sb, '\n');
    size_t lw = 1, vw = 1;
    char num[NUMFMT_MAX];
    for (size_t i = 0; i < n; i++) {
        if (rows->r[i].label_w > lw)
            lw = rows->r[i].label_w;
        size_t l = num_text(rows->r[i].v, num);
        if (l > vw)
            vw = l;
    }
    if (lw > (size_t)width / 3)
        lw = (size_t)width / 3 > 4 ? (size_t)width / 3 : 4;
    long bw = (long)width - (long)lw - (long)vw - 4;
    if (bw < 5)
        bw = 5;
    double max = n ? rows->r[0].v : 0;
    double scale = max > 0 ? max : 1;
    for (size_t i = 0; i < n; i++) {
        const struct crow *r = &rows->r[i];
        put_label(sb, r, lw, g);
        sb_putc(sb, ' ');
        sb_puts(sb, g->axis_v);
        long len;
        if (g->h_eighths) {
            long e = lround(r->v / scale * (double)bw * 8);
            put_n(sb, g->full, e / 8);
            if (e % 8)
                sb_puts(sb, g->h_eighths[e % 8 - 1]);
            len = e / 8 + (e % 8 != 0);
        } else {
            len = lround(r->v / scale * (double)bw);
            put_n(sb, g->full, len);
        }
        put_spaces(sb, bw - len + 1);
        size_t l = num_text(r->v, num);
        put_spaces(sb, (long)(vw - l));
        sb_puts(sb, num);
        sb_putc(sb, '\n');
    }
    if (rows->n > n)
        sb_printf(sb, "(%zu more not shown)\n", rows->n - n);
}

/* ---- the chart ----------------------------------------------------------- */

bool chart_possible(const struct result_col *cols, size_t n_cols)
{
    for (size_t i = 0; i < n_cols; i++)
        if (cols[i].role == COL_AGG)
            return true;
    return false;
}

int chart_draw(sqlite3_stmt *stmt, const struct result_col *cols, size_t n_cols,
               const struct settings *show, FILE *fp, int width, int height, bool unicode,
               size_t *n_rows)
{
    int time_col = -1, value_col = -1;
    bool other_keys = false;
    for (size_t i = 0; i < n_cols; i++) {
        if (cols[i].role == COL_AGG && value_col < 0)
            value_col = (int)i;
        if (cols[i].role == COL_KEY && cols[i].type == VT_TIME && time_col < 0)
            time_col = (int)i;
    }
    for (size_t i = 0; i < n_cols; i++)
        if (cols[i].role == COL_KEY && (int)i != time_col)
            other_keys = true;
    width = width > 0 ? width : 80;
    height = height > 0 ? height : 24;
    struct rows rows = {0};
    int rc = read_rows(stmt, cols, n_cols, time_col, value_col, &rows);
    *n_rows = rows.n + rows.dropped;
    if (rc != 0)
        goto out;
    const struct glyphs *g = unicode ? &unicode_glyphs : &ascii_glyphs;
    struct strbuf sb = STRBUF_INIT;
    if (rows.n == 0)
        sb_printf(&sb, "%s: nothing to draw\n", cols[value_col].name);
    else if (time_col >= 0)
        draw_series(&sb, &rows, &cols[value_col], &cols[time_col], other_keys, show, width,
                    height, g);
    else
        draw_bars(&sb, &rows, cols, n_cols, &cols[value_col], width, height, g);
    if (rows.dropped)
        sb_printf(&sb, "(%zu rows without a number in %s not drawn)\n", rows.dropped,
                  cols[value_col].name);
    errno = 0;
    if (fwrite(sb.buf, 1, sb.len, fp) != sb.len || fflush(fp) != 0)
        rc = -1;
    sb_free(&sb);
out:
    for (size_t i = 0; i < rows.n; i++)
        free(rows.r[i].label);
    free(rows.r);
    return rc;
}
