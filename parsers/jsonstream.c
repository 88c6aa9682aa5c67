/*
 * jsonstream.c — the buffered JSON stream shared by the CloudTrail and
 * CloudWatch Logs readers, and the record chores of the readers that use
 * the field scanner (see jsonstream.h).
 *
 * Everything works on offsets from the start of the input's buffer, which
 * stay valid while more is read (input_fill moves the bytes, not the
 * start), and only jst_consume() moves the start and the line count on.
 */
#include "parsers/jsonstream.h"

#include <stdarg.h>
#include <string.h>

#include "base/jsondom.h"
#include "parsers/jsonscan.h"

void jst_init(struct jst *st, struct parse_ctx *ctx)
{
    *st = (struct jst){.ctx = ctx, .in = ctx->in, .label = "", .line = 1};
}

/* Report an error of this stream at `line`, after its label. */
static void jst_error(const struct jst *st, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void jst_error(const struct jst *st, long line, const char *fmt, ...)
{
    struct strbuf msg = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&msg, fmt, ap);
    va_end(ap);
    diag_add(st->ctx->diags, DIAG_ERROR, line, "%s%s", st->label, sb_str(&msg));
    sb_free(&msg);
}

/* Nothing more will be read: the input's end, or a read error. */
static bool at_end(const struct jst *st)
{
    return st->failed || input_eof(st->in);
}

void jst_consume(struct jst *st, size_t n)
{
    if (!st->fixed_line)
        st->line += (long)js_count_lines(input_data(st->in), n);
    input_consume(st->in, n);
}

ssize_t jst_want(struct jst *st, size_t off, size_t need)
{
    if (input_avail(st->in) >= off + need)
        return (ssize_t)input_avail(st->in);
    ssize_t r = input_fill(st->in, off + need);
    if (r < 0) {
        /* The input ends here: reported once; what was read before the
         * error is still used, and a record it cuts is not reported again. */
        if (!st->failed)
            jst_error(st, st->line, "%s", input_error(st->in));
        st->failed = st->ended = true;
        return (ssize_t)input_avail(st->in);
    }
    return r;
}

ssize_t jst_skip_ws(struct jst *st, size_t off)
{
    for (;;) {
        ssize_t n = jst_want(st, off, 1);
        if (n < 0)
            return -1;
        size_t e = js_skip_ws(input_data(st->in), (size_t)n, off);
        if (e < (size_t)n || at_end(st))
            return (ssize_t)e;
        off = e;
    }
}

long jst_line_at(const struct jst *st, size_t off)
{
    if (st->fixed_line)
        return st->line;
    return st->line + (long)js_count_lines(input_data(st->in), off);
}

const char jst_too_long[] = "longer than 256 MiB";

int jst_value_end(struct jst *st, size_t off, size_t *end, const char **why)
{
    *why = NULL;
    for (;;) {
        size_t n = input_avail(st->in);
        const char *scan_why = NULL;
        size_t e = 0;
        enum js_status rc = JS_MORE;
        if (n > off)
            rc = js_value_end(input_data(st->in) + off, n - off, &e, &scan_why);
        if (rc == JS_OK && e > INPUT_MAX_SPAN && st->strict_span) {
            *why = jst_too_long;
            return 0;
        }
        if (rc == JS_OK) {
            *end = off + e;
            return 1;
        }
        if (rc == JS_ERROR || at_end(st))
            return 0;
        if (n - off >= INPUT_MAX_SPAN) {
            *why = jst_too_long;
            return 0;
        }
        if (jst_want(st, 0, n + (n - off) + 65536) < 0)
            return -1;
    }
}

int jst_skip_broken(struct jst *st, size_t from, const char *open, size_t n_open,
                    const struct jst_broken *b)
{
    struct parse_ctx *ctx = st->ctx;
    struct js_resync rs;
    js_resync_init(&rs, open, n_open);
    jst_consume(st, from);
    long walk_line = st->line;
    int rc = 1;
    for (;;) {
        size_t n = input_avail(st->in), used = 0;
        bool done = n > 0 && js_resync_walk(&rs, input_data(st->in), n, &used);
        jst_consume(st, done ? used : n);
        if (done)
            break;
        if (at_end(st)) {
            st->ended = true;
            rc = 0;
            break;
        }
        if (jst_want(st, 0, 65536) < 0)
            return -1;
    }
    struct strbuf msg = STRBUF_INIT;
    long line = b->why_line;
    if (b->seq > 0)
        sb_printf(&msg, "record %lld: ", (long long)b->seq);
    if (b->why) {
        sb_puts(&msg, b->why);
    } else if (rs.why) {
        sb_printf(&msg, "invalid JSON: %s", rs.why);
        line = st->fixed_line ? st->line : walk_line + (long)rs.why_lines;
    } else if (st->fixed_line) {
        sb_puts(&msg, "invalid JSON: the text ends inside a value");
        line = st->line;
    } else {
        sb_printf(&msg, "invalid JSON: the input ends inside a value that starts on line %ld",
                  b->start_line);
        line = st->line;
    }
    /* a record cut by a read error (reported) is not reported again */
    if (!(rc == 0 && st->failed && !b->why && !rs.why)) {
        jst_error(st, line, "%s", sb_str(&msg));
        if (b->seq > 0)
            ctx->diags->records_skipped++;
    }
    sb_free(&msg);
    return rc;
}

int jst_skip_line(struct jst *st)
{
    for (;;) {
        size_t n = input_avail(st->in);
        const char *p = input_data(st->in);
        const char *nl = n ? memchr(p, '\n', n) : NULL;
        if (nl) {
            jst_consume(st, (size_t)(nl - p) + 1);
            return 0;
        }
        input_consume(st->in, n);
        if (at_end(st)) {
            st->ended = true;
            return 0;
        }
        if (jst_want(st, 0, 1) < 0)
            return -1;
        if (input_avail(st->in) == 0) {
            st->ended = true;
            return 0;
        }
    }
}

int jst_skip_record(struct jst *st, size_t off)
{
    st->ctx->diags->records_skipped++;
    jst_consume(st, off);
    return jst_skip_line(st);
}

int jst_next_value(struct jst *st)
{
    for (;;) {
        ssize_t off = jst_skip_ws(st, 0);
        if (off < 0)
            return -1;
        jst_consume(st, (size_t)off);
        size_t n = input_avail(st->in);
        if (n == 0)
            return 0;
        const unsigned char *p = (const unsigned char *)input_data(st->in);
        bool bom = !st->started && n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
        st->started = true;
        if (!bom)
            return 1;
        jst_consume(st, 3);
    }
}

bool jst_key_is(const struct jst *st, size_t off, size_t end, const char *name)
{
    size_t n = strlen(name);
    return end - off == n + 2 && memcmp(input_data(st->in) + off + 1, name, n) == 0;
}

enum jst_member jst_next_member(struct jst *st, size_t *off, size_t *koff, size_t *kend,
                                const char **why)
{
    size_t at = *off;
    *why = NULL;
    for (;;) {
        ssize_t o = jst_skip_ws(st, at);
        if (o < 0)
            return JST_FAIL;
        at = (size_t)o;
        if (at >= input_avail(st->in))
            goto broken; /* the input ends inside the object */
        char c = input_data(st->in)[at];
        if (c == '}') {
            *off = at + 1;
            return JST_CLOSED;
        }
        if (c != ',')
            break;
        at++;
    }
    if (input_data(st->in)[at] != '"') {
        *why = "invalid JSON: expected a key in double quotes";
        goto broken;
    }
    const char *kwhy;
    int r = jst_value_end(st, at, kend, &kwhy);
    if (r < 0)
        return JST_FAIL;
    if (r == 0) {
        *why = kwhy ? "invalid JSON: a key longer than 256 MiB" : NULL;
        goto broken;
    }
    *koff = at;
    ssize_t o = jst_skip_ws(st, *kend);
    if (o < 0)
        return JST_FAIL;
    at = (size_t)o;
    if (at >= input_avail(st->in))
        goto broken;
    if (input_data(st->in)[at] != ':') {
        *why = "invalid JSON: expected ':' after a key";
        goto broken;
    }
    o = jst_skip_ws(st, at + 1);
    if (o < 0)
        return JST_FAIL;
    at = (size_t)o;
    if (at >= input_avail(st->in))
        goto broken;
    *off = at;
    return JST_MEMBER;
broken:
    *off = at;
    return JST_BROKEN;
}

/* Drop stray bytes between array elements, up to the next ',', ']', '{'
 * or '[' outside a string (a string is dropped whole). Returns 0, or -1
 * on a read error. */
static int skip_stray(struct jst *st)
{
    bool in_str = false, esc = false;
    for (;;) {
        size_t n = input_avail(st->in), i = 0;
        const char *p = input_data(st->in);
        for (; i < n; i++) {
            char c = p[i];
            if (in_str) {
                if (esc)
                    esc = false;
                else if (c == '\\')
                    esc = true;
                else if (c == '"' || c == '\n')
                    in_str = false;
                continue;
            }
            if (c == ',' || c == ']' || c == '{' || c == '[')
                break;
            if (c == '"')
                in_str = true;
        }
        jst_consume(st, i);
        if (i < n || at_end(st))
            return 0;
        if (jst_want(st, 0, 65536) < 0)
            return -1;
    }
}

int jst_next_element(struct jst *st, bool first, int64_t prev)
{
    bool after = !first; /* just after an element: a separator is due */
    bool stray_reported = false;
    for (;;) {
        ssize_t off = jst_skip_ws(st, 0);
        if (off < 0)
            return -1;
        jst_consume(st, (size_t)off);
        if (input_avail(st->in) == 0) {
            if (!st->ended)
                jst_error(st, st->line,
                          "invalid JSON: the input ends inside an array (missing ']')");
            st->ended = true;
            return 0;
        }
        char c = input_data(st->in)[0];
        if (c == ']') {
            jst_consume(st, 1);
            return 0;
        }
        if (c == ',') {
            jst_consume(st, 1);
            after = false;
            continue;
        }
        bool opens = c == '{' || c == '[';
        if (!after && c != '}')
            return 1;
        if (after && opens) {
            jst_error(st, st->line, "invalid JSON: expected ',' or ']' after record %lld",
                      (long long)prev);
            return 1;
        }
        /* a stray byte: a closing '}', or something right after a record */
        if (!stray_reported) {
            char what[16];
            if (after)
                jst_error(st, st->line,
                          "invalid JSON: expected ',' or ']' after record %lld, found %s",
                          (long long)prev, diag_char((unsigned char)c, what));
            else
                jst_error(st, st->line, "invalid JSON: expected a record or ']', found %s",
                          diag_char((unsigned char)c, what));
            stray_reported = true;
        }
        jst_consume(st, 1);
        if (skip_stray(st) < 0)
            return -1;
    }
}

enum jst_scan jst_scan_object(struct parse_ctx *ctx, struct jf_scanner *jf, const char *p,
                              size_t n, long line, int64_t seq)
{
    struct rec_batch *b = ctx->batch;
    rb_begin(b, seq);
    if (jf_scan(jf, p, n, b) != JF_OK) {
        rb_abort(b);
        return JST_SCAN_DOM;
    }
    if (jf_root_kind(jf) != JF_OBJECT) {
        rb_abort(b);
        diag_add(ctx->diags, DIAG_ERROR, line, "record %lld: not a JSON object", (long long)seq);
        ctx->diags->records_skipped++;
        return JST_SCAN_SKIPPED;
    }
    return JST_SCAN_OPEN;
}

json_t *jst_load(struct parse_ctx *ctx, const char *p, size_t n, long line, int64_t seq)
{
    json_error_t jerr;
    json_t *v = jdom_load(p, n, 0, &jerr);
    if (!v) {
        struct strbuf why = STRBUF_INIT;
        jdom_error(&why, &jerr);
        diag_add(ctx->diags, DIAG_ERROR, line + (jerr.line > 0 ? jerr.line - 1 : 0),
                 "record %lld: invalid JSON: %s", (long long)seq, sb_str(&why));
        sb_free(&why);
        ctx->diags->records_skipped++;
    }
    return v;
}

void jst_set_message(struct rec_batch *b, struct strbuf *scratch, const char *p, size_t n)
{
    if (js_needs_compact(p, n)) {
        sb_reset(scratch);
        js_compact(p, n, scratch);
        rb_set_message(b, scratch->buf, scratch->len);
    } else {
        rb_set_message(b, p, n);
    }
}

enum jst_element jst_whole_element(struct jst *st, size_t *end)
{
    const char *why;
    int r = jst_value_end(st, 0, end, &why);
    if (r != 0)
        return r < 0 ? JST_ELEM_FAIL : JST_ELEM_WHOLE;
    struct jst_broken b = {
        .seq = ++st->ctx->n_seen, .start_line = st->line, .why = why, .why_line = st->line};
    r = jst_skip_broken(st, 0, NULL, 0, &b);
    return r < 0 ? JST_ELEM_FAIL : r == 0 ? JST_ELEM_ENDED : JST_ELEM_SKIPPED;
}
