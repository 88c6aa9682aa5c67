/*
 * output.c — result rows to text: table, tsv, csv, json, jsonl.
 *
 * run.c feeds this module one SQLite row at a time (see output.h for the
 * rendering rules). Every format builds a whole line in one strbuf and hands
 * it to stdio with a single fwrite, so millions of tsv/jsonl rows cost one
 * pass over their bytes and no per-character calls. A value is first turned
 * into a `struct cell` (its text and whether it is a number) by cell_get(),
 * the one place that knows how NULL, numbers, times and booleans look; the
 * format functions below only decide how that text is quoted and laid out.
 *
 * The table format is the only one with state beyond the current row: it
 * keeps the display text of the first OUT_TABLE_SAMPLE rows (a copy — SQLite
 * invalidates column pointers on the next step), fixes the column widths
 * from them, prints them, and streams later rows with the same widths.
 */
#include "cmd/output.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "base/timeval.h"
#include "base/xalloc.h"
#include "cmd/escape.h"
#include "cmd/term.h"

/* "…" (U+2026) in UTF-8: marks a cell cut to fit its column. */
#define ELLIPSIS "\xe2\x80\xa6"
#define ELLIPSIS_LEN 3

/* Narrowing a table to the terminal never takes a column below this. */
enum { TBL_MIN_FIT = 8 };

/* Room for the text of a number (NUMFMT_MAX) or a time (TV_FMT_MAX). */
#define CELL_BUF ((int)TV_FMT_MAX > (int)NUMFMT_MAX ? (int)TV_FMT_MAX : (int)NUMFMT_MAX)

enum cell_kind {
    CK_NULL,  /* SQL NULL: empty cell, key left out of JSON objects */
    CK_NUM,   /* INTEGER or REAL shown as a number */
    CK_TEXT,  /* everything else, including times and booleans */
};

/* One value of the current row, rendered as text. */
struct cell {
    enum cell_kind kind;  /* how the value is laid out / quoted */
    bool nonfinite;       /* CK_NUM that is NaN or ±Infinity (a JSON string) */
    const char *s;        /* the text: into buf, a literal, or SQLite's memory */
    size_t len;           /* bytes of s */
    char buf[CELL_BUF];   /* storage for a number's or a time's text */
};

/* One buffered table cell: display text in out_writer.sample_text. */
struct tcell {
    size_t off;           /* byte offset into sample_text */
    size_t len;           /* bytes of display text */
    size_t width;         /* display width in code points */
    enum cell_kind kind;  /* CK_NUM cells are right-aligned */
};

struct out_writer {
    enum out_format fmt;     /* which of the five formats */
    FILE *fp;                /* destination (not owned, not closed) */
    size_t n_cols;           /* number of result columns */
    char **names;            /* n_cols owned copies of the column names */
    enum out_type *types;    /* n_cols display types */
    int term_width;          /* table: fit to this many columns, 0 = unlimited */
    bool terminal;           /* fp is a terminal: no raw control characters */
    bool started;            /* out_start done (first row or close) */
    struct strbuf line;      /* the line being built; one fwrite per line */
    struct strbuf field;     /* csv to a terminal: one value, escaped */
    size_t n_rows;           /* rows received so far */
    int err;                 /* errno of the first failed write, 0 if none */
    char **json_keys;        /* json/jsonl: n_cols precomputed `"name":` texts */
    size_t *json_key_lens;   /* json/jsonl: byte lengths of json_keys */
    /* table only */
    struct strbuf scratch;   /* display text of one streamed cell */
    struct strbuf sample_text; /* display text of all buffered cells */
    struct tcell *sample;    /* n_sample * n_cols buffered cells, row-major */
    size_t n_sample;         /* buffered rows */
    size_t cap_sample;       /* rows allocated in sample */
    size_t *widths;          /* n_cols column widths, once fixed */
    bool *right_header;      /* n_cols: header right-aligned (numeric column) */
    bool widths_fixed;       /* header printed; rows now stream */
    bool bold_header;        /* table: header line in bold (--color) */
};

/* ---- values ---------------------------------------------------------- */

/* Render column i of the current row of stmt as display type `type`. */
static void cell_get(sqlite3_stmt *stmt, int i, enum out_type type, struct cell *c)
{
    c->kind = CK_TEXT;
    c->nonfinite = false;
    c->s = c->buf;
    c->len = 0;
    switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER: {
        long long v = sqlite3_column_int64(stmt, i);
        if (type == OT_TIME) {
            c->len = tv_format((int64_t)v, c->buf);
        } else if (type == OT_BOOL) {
            c->s = v ? "true" : "false";
            c->len = strlen(c->s);
        } else {
            c->kind = CK_NUM;
            c->len = fmt_int(v, c->buf);
        }
        break;
    }
    case SQLITE_FLOAT: {
        double d = sqlite3_column_double(stmt, i);
        if (type == OT_TIME && isfinite(d) && d >= -9.2e18 && d <= 9.2e18) {
            c->len = tv_format((int64_t)floor(d), c->buf);
        } else if (type == OT_BOOL) {
            c->s = d != 0 ? "true" : "false";
            c->len = strlen(c->s);
        } else {
            /* A time out of range stays a number, but as text (a string in
             * JSON), so the column's JSON type does not change. */
            c->kind = type == OT_TIME ? CK_TEXT : CK_NUM;
            c->nonfinite = !isfinite(d);
            c->len = fmt_double(d, c->buf);
        }
        break;
    }
    case SQLITE_TEXT: {
        const unsigned char *t = sqlite3_column_text(stmt, i);
        c->s = t ? (const char *)t : "";
        c->len = t ? (size_t)sqlite3_column_bytes(stmt, i) : 0;
        break;
    }
    case SQLITE_BLOB: {
        const void *b = sqlite3_column_blob(stmt, i);
        c->s = b ? (const char *)b : "";
        c->len = b ? (size_t)sqlite3_column_bytes(stmt, i) : 0;
        break;
    }
    default: /* SQLITE_NULL */
        c->kind = CK_NULL;
        c->s = "";
        break;
    }
}

/* ---- writing --------------------------------------------------------- */

/* Write w->line to the stream and empty it; -1 (errno set) if that fails. */
static int flush_line(struct out_writer *w)
{
    size_t n = w->line.len;
    if (!w->err && n) {
        errno = 0;
        if (fwrite(w->line.buf, 1, n, w->fp) != n)
            w->err = errno ? errno : EIO;
    }
    sb_reset(&w->line);
    if (w->err) {
        errno = w->err;
        return -1;
    }
    return 0;
}

static void put_repeat(struct strbuf *sb, char ch, size_t n)
{
    if (!n)
        return;
    sb_reserve(sb, n);
    memset(sb->buf + sb->len, ch, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

/* ---- tsv ------------------------------------------------------------- */

/* Append s with backslash, tab, newline, CR and the other control
 * characters escaped (escape.h); to a terminal also stray 0x80-0x9f bytes. */
static void tsv_field(struct out_writer *w, const char *s, size_t n)
{
    esc_append(&w->line, s, n, ESC_BACKSLASH | (w->terminal ? ESC_RAW_C1 : 0));
}

/* ---- csv ------------------------------------------------------------- */

/* Append s as an RFC 4180 field: quoted (quotes doubled) only if needed. */
static void csv_field(struct strbuf *sb, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        sb_append(sb, s, n);
        return;
    }
    sb_reserve(sb, n + 2);
    sb_putc(sb, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        run++;
        if (s[i] == '"') {
            sb_append(sb, s + i + 1 - run, run);
            run = 0;
            sb_putc(sb, '"');
        }
    }
    sb_append(sb, s + n - run, run);
    sb_putc(sb, '"');
}

/* A header line or a data line for tsv and csv. */
static int delimited_line(struct out_writer *w, sqlite3_stmt *stmt)
{
    bool csv = w->fmt == OUT_CSV;
    struct cell c;
    for (size_t i = 0; i < w->n_cols; i++) {
        if (i)
            sb_putc(&w->line, csv ? ',' : '\t');
        const char *s = w->names[i];
        size_t n = strlen(s);
        if (stmt) {
            cell_get(stmt, (int)i, w->types[i], &c);
            s = c.s;
            n = c.len;
        }
        if (csv && w->terminal) {
            /* no exact copy on a terminal: control characters shown */
            sb_reset(&w->field);
            esc_append(&w->field, s, n, ESC_RAW_C1);
            csv_field(&w->line, w->field.buf ? w->field.buf : "", w->field.len);
        } else if (csv) {
            csv_field(&w->line, s, n);
        } else {
            tsv_field(w, s, n);
        }
    }
    sb_puts(&w->line, csv ? "\r\n" : "\n");
    return flush_line(w);
}

/* ---- json / jsonl ---------------------------------------------------- */

/* sb_json_quote for a terminal: also DEL and C1 (U+0080-U+009F) as \u
 * escapes, which JSON reads back as the same characters, and a stray byte
 * 0x80-0x9f (not UTF-8, so no JSON string can hold it) as \ufffd. */
static void json_quote_terminal(struct strbuf *sb, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, from = 0;
    sb_putc(sb, '"');
    while (i < n) {
        unsigned char c = u[i];
        size_t len = c < 0x80 ? 1 : esc_utf8_len(u + i, n - i);
        unsigned cp;
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
            cp = c;
        } else if (len == 2 && c == 0xc2 && u[i + 1] < 0xa0) {
            cp = u[i + 1];
        } else if (len == 0 && c < 0xa0) {
            cp = 0xfffd;
            len = 1;
        } else {
            i += len ? len : 1;
            continue;
        }
        sb_append(sb, s + from, i - from);
        const char *short_esc = NULL;
        switch (cp) {
        case '"': short_esc = "\\\""; break;
        case '\\': short_esc = "\\\\"; break;
        case '\n': short_esc = "\\n"; break;
        case '\r': short_esc = "\\r"; break;
        case '\t': short_esc = "\\t"; break;
        case '\b': short_esc = "\\b"; break;
        case '\f': short_esc = "\\f"; break;
        }
        if (short_esc) {
            sb_puts(sb, short_esc);
        } else {
            char e[6] = {'\\', 'u', hex[cp >> 12], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15],
                         hex[cp & 15]};
            sb_append(sb, e, 6);
        }
        i += len;
        from = i;
    }
    sb_append(sb, s + from, n - from);
    sb_putc(sb, '"');
}

/* A JSON string for the writer's destination. */
static void json_string(const struct out_writer *w, struct strbuf *sb, const char *s, size_t n)
{
    if (w->terminal)
        json_quote_terminal(sb, s, n);
    else
        sb_json_quote(sb, s, n);
}

static int json_row(struct out_writer *w, sqlite3_stmt *stmt)
{
    if (w->fmt == OUT_JSON)
        sb_puts(&w->line, w->n_rows ? ",\n" : "[\n");
    sb_putc(&w->line, '{');
    bool first = true;
    struct cell c;
    for (size_t i = 0; i < w->n_cols; i++) {
        cell_get(stmt, (int)i, w->types[i], &c);
        if (c.kind == CK_NULL)
            continue;
        if (!first)
            sb_putc(&w->line, ',');
        first = false;
        sb_append(&w->line, w->json_keys[i], w->json_key_lens[i]);
        if (c.kind == CK_NUM && !c.nonfinite)
            sb_append(&w->line, c.s, c.len);
        else
            json_string(w, &w->line, c.s, c.len);
    }
    sb_putc(&w->line, '}');
    if (w->fmt == OUT_JSONL)
        sb_putc(&w->line, '\n');
    return flush_line(w);
}

/* ---- table ----------------------------------------------------------- */

/* Append s for display: control characters become \n \t \r \xNN
 * (escape.h). Returns the display width of what was appended. */
static size_t tbl_escape(struct strbuf *sb, const char *s, size_t n)
{
    return esc_append(sb, s, n, ESC_RAW_C1);
}

/* Byte length of the first k code points of s[0..n). */
static size_t utf8_prefix(const char *s, size_t n, size_t k)
{
    size_t i = 0, count = 0;
    for (; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (count == k)
                break;
            count++;
        }
    }
    return i;
}

/* Append one cell of display text s (width code points) in a column col_w
 * wide. Padding is not written at once but added to *pending, which the next
 * visible text flushes first: so a line never ends in spaces. A cell wider
 * than its column keeps col_w - 1 code points and ends with "…". */
static void tbl_put(struct strbuf *line, size_t *pending, const char *s, size_t len,
                    size_t width, size_t col_w, bool right)
{
    bool cut = width > col_w;
    if (cut) {
        len = utf8_prefix(s, len, col_w - 1);
        width = col_w;
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

/* Narrow the widest columns, one character at a time, until the line
 * (widths plus two spaces between columns) fits term_width; a column is
 * never narrowed below TBL_MIN_FIT (a column already narrower is left as it
 * is). Ties go to the leftmost column. Done in whole steps — lower every
 * column at the maximum to the next width down — rather than one character
 * per loop, so a huge cell costs no more than a small one. If even that is
 * not enough, lines stay wider than the terminal. */
static void tbl_fit(size_t *widths, size_t n, size_t term_width)
{
    if (n == 0)
        return;
    size_t total = 2 * (n - 1);
    for (size_t i = 0; i < n; i++)
        total += widths[i];
    while (total > term_width) {
        size_t excess = total - term_width;
        size_t max = 0, k = 0, next = TBL_MIN_FIT;
        for (size_t i = 0; i < n; i++) {
            if (widths[i] > max) {
                if (max > next)
                    next = max;
                max = widths[i];
                k = 1;
            } else if (widths[i] == max) {
                k++;
            } else if (widths[i] > next) {
                next = widths[i];
            }
        }
        if (max <= TBL_MIN_FIT)
            return;
        size_t step = max - next; /* lower the k widest columns to `next` */
        if (k * step <= excess) {
            for (size_t i = 0; i < n; i++)
                if (widths[i] == max)
                    widths[i] = next;
            total -= k * step;
            continue;
        }
        /* Partial step: all k lose q; the leftmost r lose one more. */
        size_t q = excess / k, r = excess % k;
        for (size_t i = 0; i < n; i++) {
            if (widths[i] != max)
                continue;
            widths[i] = max - q - (r ? 1 : 0);
            if (r)
                r--;
        }
        return;
    }
}

/* Append one table line from the given cells (NULL for the rule line). */
static void tbl_line(struct out_writer *w, const struct tcell *cells, const char *text)
{
    size_t pending = 0;
    for (size_t i = 0; i < w->n_cols; i++) {
        if (i)
            pending += 2;
        if (!cells) {
            put_repeat(&w->line, ' ', pending);
            pending = 0;
            put_repeat(&w->line, '-', w->widths[i]);
            continue;
        }
        const struct tcell *c = &cells[i];
        tbl_put(&w->line, &pending, text + c->off, c->len, c->width, w->widths[i],
                c->kind == CK_NUM);
    }
    sb_putc(&w->line, '\n');
}

/* Fix the column widths from the header and the buffered rows, print the
 * header, the rule and the buffered rows, and free the buffer. */
static int tbl_flush_sample(struct out_writer *w)
{
    size_t nc = w->n_cols;
    w->widths = xcalloc(nc, sizeof *w->widths);
    w->right_header = xcalloc(nc, sizeof *w->right_header);
    struct strbuf hdr = STRBUF_INIT;
    struct tcell *hcells = xcalloc(nc, sizeof *hcells);
    for (size_t i = 0; i < nc; i++) {
        hcells[i].off = hdr.len;
        hcells[i].width = tbl_escape(&hdr, w->names[i], strlen(w->names[i]));
        hcells[i].len = hdr.len - hcells[i].off;
        size_t wd = hcells[i].width > 0 ? hcells[i].width : 1;
        bool any_num = false, any_text = false;
        for (size_t r = 0; r < w->n_sample; r++) {
            const struct tcell *c = &w->sample[r * nc + i];
            if (c->width > wd)
                wd = c->width;
            any_num |= c->kind == CK_NUM;
            any_text |= c->kind == CK_TEXT;
        }
        w->widths[i] = wd;
        w->right_header[i] = any_num && !any_text;
        hcells[i].kind = w->right_header[i] ? CK_NUM : CK_TEXT;
    }
    if (w->term_width > 0)
        tbl_fit(w->widths, nc, (size_t)w->term_width);
    w->widths_fixed = true;

    if (w->bold_header)
        sb_puts(&w->line, "\033[1m");
    tbl_line(w, hcells, sb_str(&hdr));
    if (w->bold_header) {
        /* the attribute ends before the line break */
        sb_truncate(&w->line, w->line.len - 1);
        sb_puts(&w->line, "\033[0m\n");
    }
    tbl_line(w, NULL, NULL);
    free(hcells);
    sb_free(&hdr);
    int rc = flush_line(w);
    for (size_t r = 0; r < w->n_sample && rc == 0; r++) {
        tbl_line(w, &w->sample[r * nc], sb_str(&w->sample_text));
        rc = flush_line(w);
    }
    free(w->sample);
    w->sample = NULL;
    w->n_sample = w->cap_sample = 0;
    sb_free(&w->sample_text);
    return rc;
}

static int tbl_row(struct out_writer *w, sqlite3_stmt *stmt)
{
    size_t nc = w->n_cols;
    struct cell c;
    if (!w->widths_fixed) {
        w->sample = xgrow(w->sample, &w->cap_sample, w->n_sample + 1, nc * sizeof *w->sample);
        struct tcell *row = &w->sample[w->n_sample * nc];
        for (size_t i = 0; i < nc; i++) {
            cell_get(stmt, (int)i, w->types[i], &c);
            row[i].off = w->sample_text.len;
            row[i].width = tbl_escape(&w->sample_text, c.s, c.len);
            row[i].len = w->sample_text.len - row[i].off;
            row[i].kind = c.kind;
        }
        w->n_sample++;
        return w->n_sample == OUT_TABLE_SAMPLE ? tbl_flush_sample(w) : 0;
    }
    size_t pending = 0;
    for (size_t i = 0; i < nc; i++) {
        if (i)
            pending += 2;
        cell_get(stmt, (int)i, w->types[i], &c);
        sb_reset(&w->scratch);
        size_t width = tbl_escape(&w->scratch, c.s, c.len);
        tbl_put(&w->line, &pending, sb_str(&w->scratch), w->scratch.len, width, w->widths[i],
                c.kind == CK_NUM);
    }
    sb_putc(&w->line, '\n');
    return flush_line(w);
}

/* ---- the interface --------------------------------------------------- */

int out_format_parse(const char *name)
{
    static const struct {
        const char *name;
        enum out_format fmt;
    } formats[] = {
        {"table", OUT_TABLE}, {"tsv", OUT_TSV}, {"csv", OUT_CSV},
        {"json", OUT_JSON},   {"jsonl", OUT_JSONL},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (name && strcmp(name, formats[i].name) == 0)
            return (int)formats[i].fmt;
    return -1;
}

enum out_format out_format_for(int format, FILE *fp)
{
    if (format >= 0)
        return (enum out_format)format;
    int fd = fileno(fp);
    return fd >= 0 && term_is(fd) ? OUT_TABLE : OUT_TSV;
}

struct out_writer *out_open(enum out_format fmt, FILE *fp, const struct out_col *cols,
                            size_t n_cols, int term_width)
{
    struct out_writer *w = xcalloc(1, sizeof *w);
    w->fmt = fmt;
    w->fp = fp;
    w->n_cols = n_cols;
    w->term_width = term_width > 0 ? term_width : 0;
    w->names = xcalloc(n_cols, sizeof *w->names);
    w->types = xcalloc(n_cols, sizeof *w->types);
    for (size_t i = 0; i < n_cols; i++) {
        w->names[i] = xstrdup(cols[i].name ? cols[i].name : "");
        w->types[i] = cols[i].type;
    }
    int fd = fileno(fp);
    w->terminal = fd >= 0 && term_is(fd);
    return w;
}

/* Before the first row (or the end, with no rows): what depends on the
 * destination. json/jsonl: the `"name":` texts; tsv/csv: the header line. */
static void out_start(struct out_writer *w)
{
    w->started = true;
    if (w->fmt == OUT_JSON || w->fmt == OUT_JSONL) {
        w->json_keys = xcalloc(w->n_cols, sizeof *w->json_keys);
        w->json_key_lens = xcalloc(w->n_cols, sizeof *w->json_key_lens);
        for (size_t i = 0; i < w->n_cols; i++) {
            struct strbuf k = STRBUF_INIT;
            json_string(w, &k, w->names[i], strlen(w->names[i]));
            sb_putc(&k, ':');
            w->json_key_lens[i] = k.len;
            w->json_keys[i] = sb_detach(&k);
        }
    }
    if (w->fmt == OUT_TSV || w->fmt == OUT_CSV)
        delimited_line(w, NULL); /* a failure is remembered in w->err */
}

void out_set_terminal(struct out_writer *w, bool on)
{
    if (w && !w->started)
        w->terminal = on;
}

int out_row(struct out_writer *w, sqlite3_stmt *stmt)
{
    if (!w->started)
        out_start(w);
    if (w->err) {
        errno = w->err;
        return -1;
    }
    int rc;
    switch (w->fmt) {
    case OUT_TABLE: rc = tbl_row(w, stmt); break;
    case OUT_TSV:
    case OUT_CSV: rc = delimited_line(w, stmt); break;
    default: rc = json_row(w, stmt); break;
    }
    w->n_rows++;
    return rc;
}

int out_close(struct out_writer *w)
{
    if (!w)
        return 0;
    if (!w->started)
        out_start(w);
    if (w->fmt == OUT_TABLE && !w->widths_fixed && w->n_sample > 0) {
        tbl_flush_sample(w);
    } else if (w->fmt == OUT_JSON) {
        sb_puts(&w->line, w->n_rows ? "\n]\n" : "[]\n");
        flush_line(w);
    }
    int rc = 0, saved = 0;
    if (fflush(w->fp) != 0) {
        rc = -1;
        saved = errno;
    } else if (w->err || ferror(w->fp)) {
        rc = -1;
        saved = w->err ? w->err : EIO;
    }
    for (size_t i = 0; i < w->n_cols; i++) {
        free(w->names[i]);
        if (w->json_keys)
            free(w->json_keys[i]);
    }
    free(w->names);
    free(w->types);
    free(w->json_keys);
    free(w->json_key_lens);
    sb_free(&w->line);
    sb_free(&w->field);
    sb_free(&w->scratch);
    sb_free(&w->sample_text);
    free(w->sample);
    free(w->widths);
    free(w->right_header);
    free(w);
    if (rc)
        errno = saved;
    return rc;
}

void out_set_color(struct out_writer *w, bool on)
{
    if (w)
        w->bold_header = on && w->fmt == OUT_TABLE;
}
