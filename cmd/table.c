/*
 * table.c — a text table sized from every row (see table.h).
 *
 * Every row is kept, because the widest value may come anywhere (a burst
 * of large counts at the end of a sorted result). A row costs its display
 * text and three or four bytes a cell: the cells are packed one after
 * another in one buffer as a kind byte, the width and the length (LEB128
 * varints) and the escaped text, so a million short rows make no million
 * allocations. The widths and the kinds each column holds are kept up to
 * date as cells come in; tbl_write fits the widths to the terminal and
 * reads the buffer back once.
 */
#include "cmd/table.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "cmd/escape.h"
#include "cmd/uwidth.h"

/* "…" (U+2026) in UTF-8: marks a cell cut to fit its column. */
#define ELLIPSIS "\xe2\x80\xa6"
#define ELLIPSIS_LEN 3

struct tcol {
    char *name;         /* the header, escaped (owned) */
    size_t name_width;  /* its display width */
    size_t width;       /* widest cell or header; at least 1 */
    size_t keep;        /* widest number, time or boolean: never cut */
    bool any_text;      /* holds free text (may be cut) */
    bool any_number;    /* holds numbers */
};

struct table {
    size_t n_cols;        /* columns */
    struct tcol *cols;    /* n_cols */
    struct strbuf cells;  /* every cell of every row, packed (see above) */
    size_t n_rows;        /* complete rows */
    size_t col;           /* the column of the next cell */
    struct strbuf scratch; /* one cell, escaped */
};

/* ---- the packed cells ---- */

static void put_varint(struct strbuf *sb, size_t v)
{
    while (v >= 0x80) {
        sb_putc(sb, (char)(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    sb_putc(sb, (char)v);
}

static size_t get_varint(const unsigned char **p)
{
    size_t v = 0;
    unsigned shift = 0;
    for (;;) {
        unsigned char b = *(*p)++;
        v |= (size_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
        shift += 7;
    }
}

struct table *tbl_new(const char *const *names, size_t n_cols)
{
    struct table *t = xcalloc(1, sizeof *t);
    t->n_cols = n_cols;
    t->cols = xcalloc(n_cols ? n_cols : 1, sizeof *t->cols);
    for (size_t i = 0; i < n_cols; i++) {
        struct strbuf sb = STRBUF_INIT;
        const char *name = names[i] ? names[i] : "";
        t->cols[i].name_width = esc_append(&sb, name, strlen(name), ESC_RAW_C1);
        t->cols[i].name = sb_detach(&sb);
        t->cols[i].width = t->cols[i].name_width ? t->cols[i].name_width : 1;
    }
    return t;
}

void tbl_cell(struct table *t, enum tbl_kind kind, const char *s, size_t n)
{
    struct tcol *c = &t->cols[t->col];
    size_t width = 0;
    sb_reset(&t->scratch);
    if (kind != TBL_NULL)
        width = esc_append(&t->scratch, s, n, ESC_RAW_C1);
    sb_putc(&t->cells, (char)kind);
    put_varint(&t->cells, width);
    put_varint(&t->cells, t->scratch.len);
    sb_append(&t->cells, t->scratch.buf ? t->scratch.buf : "", t->scratch.len);
    if (width > c->width)
        c->width = width;
    if ((kind == TBL_NUMBER || kind == TBL_WHOLE) && width > c->keep)
        c->keep = width;
    c->any_text |= kind == TBL_TEXT;
    c->any_number |= kind == TBL_NUMBER;
    if (++t->col == t->n_cols) {
        t->col = 0;
        t->n_rows++;
    }
}

size_t tbl_rows(const struct table *t)
{
    return t->n_rows;
}

size_t tbl_lines(const struct table *t)
{
    return t->n_rows ? t->n_rows + 2 : 0;
}

/* ---- fitting ---- */

/* What lowering every width to level (but none below its floor) saves. */
static size_t saving_at(const size_t *w, const size_t *floor, size_t n, size_t level)
{
    size_t saved = 0;
    for (size_t i = 0; i < n; i++) {
        size_t to = level > floor[i] ? level : floor[i];
        if (w[i] > to)
            saved += w[i] - to;
    }
    return saved;
}

/* Lower the widest columns toward a common level, none below its floor,
 * until excess columns are saved or every column is at its floor: the
 * widest column goes down to the next widest, then both together, and
 * so on. Of the columns that end at the final level, the leftmost ones
 * lose the odd column. Returns what was saved. */
static size_t level_down(size_t *w, const size_t *floor, size_t n, size_t excess)
{
    size_t top = 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] > floor[i] && w[i] > top)
            top = w[i];
    if (top == 0 || excess == 0)
        return 0;
    size_t all = saving_at(w, floor, n, 0);
    size_t level = 0;
    if (all > excess) {
        /* the highest level that still saves enough: saving_at(lo) >=
         * excess > saving_at(hi) */
        size_t lo = 0, hi = top;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (saving_at(w, floor, n, mid) >= excess)
                lo = mid;
            else
                hi = mid;
        }
        level = lo;
    }
    size_t saved = saving_at(w, floor, n, level);
    size_t surplus = saved > excess ? saved - excess : 0;
    bool *lowered = xcalloc(n ? n : 1, sizeof *lowered);
    for (size_t i = 0; i < n; i++) {
        size_t to = level > floor[i] ? level : floor[i];
        if (w[i] > to) {
            w[i] = to;
            lowered[i] = true;
        }
    }
    /* give back what was saved beyond excess, from the right */
    for (size_t i = n; i-- > 0 && surplus;) {
        if (lowered[i] && w[i] == level) {
            w[i]++;
            surplus--;
        }
    }
    free(lowered);
    return saved - surplus;
}

/* The widths to show, fitted to term_width (see table.h). */
static void fit(const struct table *t, size_t *w, size_t term_width)
{
    size_t n = t->n_cols, total = n ? 2 * (n - 1) : 0;
    for (size_t i = 0; i < n; i++) {
        w[i] = t->cols[i].width;
        total += w[i];
    }
    if (term_width == 0 || total <= term_width)
        return;
    size_t *floor = xcalloc(n, sizeof *floor);
    for (int phase = 1; phase <= 2 && total > term_width; phase++) {
        for (size_t i = 0; i < n; i++) {
            const struct tcol *c = &t->cols[i];
            size_t f;
            if (c->any_text)
                f = w[i] < TBL_MIN_FIT ? w[i] : TBL_MIN_FIT;
            else
                f = phase == 1 ? w[i] : 1;
            floor[i] = f > c->keep ? f : c->keep;
        }
        total -= level_down(w, floor, n, total - term_width);
    }
    free(floor);
}

/* ---- writing ---- */

static void put_repeat(struct strbuf *sb, char ch, size_t n)
{
    if (!n)
        return;
    sb_reserve(sb, n);
    memset(sb->buf + sb->len, ch, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

/* Append one cell of display text s (width columns) in a column col_w
 * wide. Padding is not written at once but added to *pending, which the
 * next visible text writes first: so a line never ends in spaces. A cell
 * wider than its column keeps what fits in col_w - 1 columns and ends
 * with "…". */
static void put_cell(struct strbuf *line, size_t *pending, const char *s, size_t len,
                     size_t width, size_t col_w, bool right)
{
    bool cut = width > col_w;
    if (cut) {
        len = uwidth_prefix(s, len, col_w - 1, &width);
        width++; /* the ellipsis */
    }
    if (width == 0) {
        *pending += col_w;
        return;
    }
    size_t pad = col_w - width;
    if (right)
        *pending += pad;
    put_repeat(line, ' ', *pending);
    sb_append(line, s, len);
    if (cut)
        sb_append(line, ELLIPSIS, ELLIPSIS_LEN);
    *pending = right ? 0 : pad;
}

/* Write line to fp and empty it; -1 (errno set) if that fails. */
static int write_line(struct strbuf *line, FILE *fp)
{
    size_t n = line->len;
    errno = 0;
    int rc = n && fwrite(line->buf, 1, n, fp) != n ? -1 : 0;
    if (rc && !errno)
        errno = EIO;
    sb_reset(line);
    return rc;
}

int tbl_write(struct table *t, FILE *fp, int term_width, bool bold_header)
{
    if (t->n_rows == 0)
        return 0;
    size_t n = t->n_cols;
    size_t *w = xcalloc(n ? n : 1, sizeof *w);
    fit(t, w, term_width > 0 ? (size_t)term_width : 0);
    struct strbuf line = STRBUF_INIT;
    size_t pending = 0;
    if (bold_header)
        sb_puts(&line, "\033[1m");
    for (size_t i = 0; i < n; i++) {
        const struct tcol *c = &t->cols[i];
        if (i)
            pending += 2;
        put_cell(&line, &pending, c->name, strlen(c->name), c->name_width, w[i],
                 c->any_number && !c->any_text);
    }
    if (bold_header)
        sb_puts(&line, "\033[0m"); /* the attribute ends before the line break */
    sb_putc(&line, '\n');
    pending = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            put_repeat(&line, ' ', 2);
        put_repeat(&line, '-', w[i]);
    }
    sb_putc(&line, '\n');
    int rc = write_line(&line, fp);
    const unsigned char *p = (const unsigned char *)t->cells.buf;
    for (size_t r = 0; r < t->n_rows && rc == 0; r++) {
        pending = 0;
        for (size_t i = 0; i < n; i++) {
            enum tbl_kind kind = (enum tbl_kind)*p++;
            size_t width = get_varint(&p), len = get_varint(&p);
            if (i)
                pending += 2;
            put_cell(&line, &pending, (const char *)p, len, width, w[i], kind == TBL_NUMBER);
            p += len;
        }
        sb_putc(&line, '\n');
        rc = write_line(&line, fp);
    }
    sb_free(&line);
    free(w);
    return rc;
}

void tbl_free(struct table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_cols; i++)
        free(t->cols[i].name);
    free(t->cols);
    sb_free(&t->cells);
    sb_free(&t->scratch);
    free(t);
}
