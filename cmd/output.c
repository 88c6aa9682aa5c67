/*
 * output.c — result rows to text: table, tsv, csv, json, jsonl, raw.
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
 * hands every cell to cmd/table.c, which keeps them all (a copy — SQLite
 * invalidates column pointers on the next step) and lays them out in
 * out_close, with widths from every row.
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
#include "cmd/table.h"
#include "cmd/term.h"

/* Room for the text of a number (NUMFMT_MAX) or a time with its offset
 * (OUT_TIME_MAX). */
#define CELL_BUF ((int)OUT_TIME_MAX > (int)NUMFMT_MAX ? (int)OUT_TIME_MAX : (int)NUMFMT_MAX)

enum cell_kind {
    CK_NULL,  /* SQL NULL: empty cell, key left out of JSON objects */
    CK_NUM,   /* INTEGER or REAL shown as a number */
    CK_TEXT,  /* everything else, including times and booleans */
};

/* One value of the current row, rendered as text. */
struct cell {
    enum cell_kind kind;  /* how the value is laid out / quoted */
    bool nonfinite;       /* CK_NUM that is NaN or ±Infinity (a JSON string) */
    bool whole;           /* a time or a boolean: a table never cuts it */
    bool json;            /* the text is a JSON value (a boolean, a map or a list) */
    const char *s;        /* the text: into buf, a literal, or SQLite's memory */
    size_t len;           /* bytes of s */
    char buf[CELL_BUF];   /* storage for a number's or a time's text */
};

struct out_writer {
    enum out_format fmt;     /* which of the six formats */
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
    struct table *table;     /* table: every row, written by out_close */
    bool bold_header;        /* table: header line in bold (--color) */
    enum time_style time_style; /* how times are written */
    const struct tzone *zone;   /* in which zone (borrowed; NULL is UTC) */
};

/* ---- values ---------------------------------------------------------- */

/* "+hh:mm" (or "+hh:mm:ss" for an offset with seconds) at out. */
static size_t offset_text(int64_t off_ms, char *out)
{
    int64_t a = (off_ms < 0 ? -off_ms : off_ms) / 1000;
    int n = snprintf(out, 10, "%c%02d:%02d", off_ms < 0 ? '-' : '+', (int)(a / 3600),
                     (int)(a / 60 % 60));
    if (a % 60)
        n += snprintf(out + n, 4, ":%02d", (int)(a % 60));
    return (size_t)n;
}

size_t out_time_text(enum time_style style, const struct tzone *zone, int64_t ms,
                     char buf[OUT_TIME_MAX])
{
    if (style == TIME_EPOCH)
        return fmt_int(ms, buf);
    int64_t off = tz_offset_at(zone, ms), local;
    if (__builtin_add_overflow(ms, off, &local)) {
        local = ms; /* the last instants of the int64 range: shown in UTC */
        off = 0;
    }
    size_t n = tv_format(local, buf);
    if (style == TIME_ISO) {
        char *sp = memchr(buf, ' ', n);
        if (sp)
            *sp = 'T';
    }
    if (!tz_is_utc(zone) && off == tz_offset_at(zone, ms))
        n += offset_text(off, buf + n);
    else if (style == TIME_ISO)
        buf[n++] = 'Z';
    buf[n] = '\0';
    return n;
}

/* A time into c in the writer's style and zone (output.h). */
static void time_cell(const struct out_writer *w, int64_t ms, struct cell *c)
{
    c->whole = true;
    if (w->time_style == TIME_EPOCH)
        c->kind = CK_NUM;
    c->len = out_time_text(w->time_style, w->zone, ms, c->buf);
}

/* Render column i of the current row of stmt as display type `type`. */
static void cell_get(const struct out_writer *w, sqlite3_stmt *stmt, int i, enum out_type type,
                     struct cell *c)
{
    c->kind = CK_TEXT;
    c->nonfinite = false;
    c->whole = false;
    c->json = false;
    c->s = c->buf;
    c->len = 0;
    switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER: {
        long long v = sqlite3_column_int64(stmt, i);
        if (type == OT_TIME) {
            time_cell(w, (int64_t)v, c);
        } else if (type == OT_BOOL) {
            c->s = v ? "true" : "false";
            c->len = strlen(c->s);
            c->whole = c->json = true;
        } else {
            c->kind = CK_NUM;
            c->len = fmt_int(v, c->buf);
        }
        break;
    }
    case SQLITE_FLOAT: {
        double d = sqlite3_column_double(stmt, i);
        if (type == OT_TIME && isfinite(d) && d >= -9.2e18 && d <= 9.2e18) {
            time_cell(w, (int64_t)floor(d), c);
        } else if (type == OT_BOOL) {
            c->s = d != 0 ? "true" : "false";
            c->len = strlen(c->s);
            c->whole = c->json = true;
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
        if (type == OT_JSON)
            c->json = c->len && (c->s[0] == '[' || c->s[0] == '{');
        else if (type == OT_TEXTBOOL)
            c->json = c->whole = (c->len == 4 && memcmp(c->s, "true", 4) == 0) ||
                                 (c->len == 5 && memcmp(c->s, "false", 5) == 0);
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
            cell_get(w, stmt, (int)i, w->types[i], &c);
            s = c.s;
            n = c.len;
        }
        if (csv && n == 0 && w->n_cols == 1) {
            /* a lone empty field would be a blank line, which CSV readers
             * skip (Python's csv module, pandas): quote it, as Python's
             * csv writer does, so the row is kept */
            sb_puts(&w->line, "\"\"");
        } else if (csv && w->terminal) {
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
 * 0x80-0x9f (not UTF-8, so no JSON string can hold it) as \ufffd. With
 * quote false, s is JSON text already (a map or a list): quotes,
 * backslashes and line breaks are its own and stay, and only DEL, C1 and
 * stray bytes (which can only be inside its strings) are escaped. */
static void json_terminal(struct strbuf *sb, const char *s, size_t n, bool quote)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, from = 0;
    if (quote)
        sb_putc(sb, '"');
    while (i < n) {
        unsigned char c = u[i];
        size_t len = c < 0x80 ? 1 : esc_utf8_len(u + i, n - i);
        unsigned cp;
        if (c == 0x7f || (quote && (c < 0x20 || c == '"' || c == '\\'))) {
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
    if (quote)
        sb_putc(sb, '"');
}

/* A JSON string for the writer's destination. */
static void json_string(const struct out_writer *w, struct strbuf *sb, const char *s, size_t n)
{
    if (w->terminal)
        json_terminal(sb, s, n, true);
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
        cell_get(w, stmt, (int)i, w->types[i], &c);
        if (c.kind == CK_NULL)
            continue;
        if (!first)
            sb_putc(&w->line, ',');
        first = false;
        sb_append(&w->line, w->json_keys[i], w->json_key_lens[i]);
        if ((c.kind == CK_NUM && !c.nonfinite) || (c.json && !w->terminal))
            sb_append(&w->line, c.s, c.len);
        else if (c.json)
            json_terminal(&w->line, c.s, c.len, false);
        else
            json_string(w, &w->line, c.s, c.len);
    }
    sb_putc(&w->line, '}');
    if (w->fmt == OUT_JSONL)
        sb_putc(&w->line, '\n');
    return flush_line(w);
}

/* ---- raw ------------------------------------------------------------- */

/* The first column as is, one per line; to a terminal with control
 * characters shown (escape.h) but its line breaks kept. */
static int raw_row(struct out_writer *w, sqlite3_stmt *stmt)
{
    struct cell c;
    if (w->n_cols == 0)
        return 0;
    cell_get(w, stmt, 0, w->types[0], &c);
    if (w->terminal)
        esc_append(&w->line, c.s, c.len, ESC_RAW_C1 | ESC_KEEP_LF);
    else
        sb_append(&w->line, c.s, c.len);
    sb_putc(&w->line, '\n');
    return flush_line(w);
}

/* ---- table ----------------------------------------------------------- */

static void tbl_add_row(struct out_writer *w, sqlite3_stmt *stmt)
{
    struct cell c;
    for (size_t i = 0; i < w->n_cols; i++) {
        cell_get(w, stmt, (int)i, w->types[i], &c);
        enum tbl_kind kind = c.kind == CK_NULL  ? TBL_NULL
                             : c.kind == CK_NUM ? TBL_NUMBER
                             : c.whole          ? TBL_WHOLE
                                                : TBL_TEXT;
        tbl_cell(w->table, kind, c.s, c.len);
    }
}

/* ---- the interface --------------------------------------------------- */

int out_format_parse(const char *name)
{
    static const struct {
        const char *name;
        enum out_format fmt;
    } formats[] = {
        {"table", OUT_TABLE}, {"tsv", OUT_TSV},     {"csv", OUT_CSV},
        {"json", OUT_JSON},   {"jsonl", OUT_JSONL}, {"raw", OUT_RAW},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (name && strcmp(name, formats[i].name) == 0)
            return (int)formats[i].fmt;
    return -1;
}

const char *out_format_name(enum out_format fmt)
{
    static const char *const names[] = {"table", "tsv", "csv", "json", "jsonl", "raw"};
    return (size_t)fmt < sizeof names / sizeof names[0] ? names[fmt] : "?";
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
    if (fmt == OUT_TABLE)
        w->table = tbl_new((const char *const *)w->names, n_cols);
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
    case OUT_TABLE: tbl_add_row(w, stmt); rc = 0; break;
    case OUT_TSV:
    case OUT_CSV: rc = delimited_line(w, stmt); break;
    case OUT_RAW: rc = raw_row(w, stmt); break;
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
    if (w->fmt == OUT_TABLE) {
        if (tbl_write(w->table, w->fp, w->term_width, w->bold_header) < 0 && !w->err)
            w->err = errno ? errno : EIO;
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
    tbl_free(w->table);
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

void out_set_times(struct out_writer *w, enum time_style style, const struct tzone *zone)
{
    w->time_style = style;
    w->zone = zone;
}

size_t out_table_lines(const struct out_writer *w)
{
    return w->table ? tbl_lines(w->table) : 0;
}

void out_redirect(struct out_writer *w, FILE *fp)
{
    w->fp = fp;
}

size_t out_rows(const struct out_writer *w)
{
    return w->n_rows;
}
