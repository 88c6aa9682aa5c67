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

#include <string.h>

#include "base/jsondom.h"
#include "parsers/jsonscan.h"

void jst_consume(struct jst *st, size_t n)
{
    st->line += (long)js_count_lines(input_data(st->ctx->in), n);
    input_consume(st->ctx->in, n);
}

ssize_t jst_want(struct jst *st, size_t off, size_t need)
{
    if (input_avail(st->ctx->in) >= off + need)
        return (ssize_t)input_avail(st->ctx->in);
    ssize_t r = input_fill(st->ctx->in, off + need);
    if (r < 0) {
        diag_add(st->ctx->diags, DIAG_ERROR, st->line, "%s", input_error(st->ctx->in));
        return -1;
    }
    return r;
}

ssize_t jst_skip_ws(struct jst *st, size_t off)
{
    for (;;) {
        ssize_t n = jst_want(st, off, 1);
        if (n < 0)
            return -1;
        size_t e = js_skip_ws(input_data(st->ctx->in), (size_t)n, off);
        if (e < (size_t)n || input_eof(st->ctx->in))
            return (ssize_t)e;
        off = e;
    }
}

long jst_line_at(const struct jst *st, size_t off)
{
    return st->line + (long)js_count_lines(input_data(st->ctx->in), off);
}

/* "a single JSON value is longer than 256 MiB" for the value at off. */
static int too_long(struct jst *st, size_t off)
{
    diag_add(st->ctx->diags, DIAG_ERROR, jst_line_at(st, off),
             "a single JSON value is longer than %zu MiB", INPUT_MAX_SPAN >> 20);
    return 0;
}

int jst_value_end(struct jst *st, size_t off, size_t *end)
{
    for (;;) {
        size_t n = input_avail(st->ctx->in);
        const char *why = NULL;
        size_t e = 0;
        enum js_status rc = JS_MORE;
        if (n > off)
            rc = js_value_end(input_data(st->ctx->in) + off, n - off, &e, &why);
        if (rc == JS_OK && e > INPUT_MAX_SPAN && st->strict_span)
            return too_long(st, off);
        if (rc == JS_OK) {
            *end = off + e;
            return 1;
        }
        if (rc == JS_ERROR) {
            diag_add(st->ctx->diags, DIAG_ERROR, jst_line_at(st, off + e), "invalid JSON: %s",
                     why);
            return 0;
        }
        if (input_eof(st->ctx->in)) {
            diag_add(st->ctx->diags, DIAG_ERROR, jst_line_at(st, n),
                     "invalid JSON: the input ends inside a value that starts on line %ld",
                     jst_line_at(st, off));
            st->ended = true;
            return 0;
        }
        if (n - off >= INPUT_MAX_SPAN)
            return too_long(st, off);
        if (jst_want(st, 0, n + (n - off) + 65536) < 0)
            return -1;
    }
}

int jst_skip_line(struct jst *st)
{
    for (;;) {
        size_t n = input_avail(st->ctx->in);
        const char *p = input_data(st->ctx->in);
        const char *nl = n ? memchr(p, '\n', n) : NULL;
        if (nl) {
            jst_consume(st, (size_t)(nl - p) + 1);
            return 0;
        }
        input_consume(st->ctx->in, n);
        if (input_eof(st->ctx->in)) {
            st->ended = true;
            return 0;
        }
        if (jst_want(st, 0, 1) < 0)
            return -1;
        if (input_avail(st->ctx->in) == 0) {
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
        size_t n = input_avail(st->ctx->in);
        if (n == 0)
            return 0;
        const unsigned char *p = (const unsigned char *)input_data(st->ctx->in);
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
    return end - off == n + 2 && memcmp(input_data(st->ctx->in) + off + 1, name, n) == 0;
}

/* The object ends before its closing brace: say so once, drop the rest. */
static enum jst_member cut_short(struct jst *st, size_t off)
{
    if (!st->ended)
        diag_add(st->ctx->diags, DIAG_ERROR, jst_line_at(st, off),
                 "invalid JSON: the input ends inside an object (missing '}')");
    st->ended = true;
    jst_consume(st, input_avail(st->ctx->in));
    return JST_ABANDONED;
}

/* A broken member was reported: skip the object's record and its line. */
static enum jst_member broken(struct jst *st, size_t off)
{
    return jst_skip_record(st, off) < 0 ? JST_FAIL : JST_ABANDONED;
}

enum jst_member jst_next_member(struct jst *st, size_t *off, size_t *koff, size_t *kend)
{
    struct parse_ctx *ctx = st->ctx;
    size_t at = *off;
    for (;;) {
        ssize_t o = jst_skip_ws(st, at);
        if (o < 0)
            return JST_FAIL;
        at = (size_t)o;
        if (at >= input_avail(ctx->in))
            return cut_short(st, at);
        char c = input_data(ctx->in)[at];
        if (c == '}') {
            *off = at + 1;
            return JST_CLOSED;
        }
        if (c != ',')
            break;
        at++;
    }
    char c = input_data(ctx->in)[at];
    if (c != '"') {
        diag_add(ctx->diags, DIAG_ERROR, jst_line_at(st, at),
                 "invalid JSON: expected a key in double quotes, found '%c'", c);
        return broken(st, at);
    }
    int r = jst_value_end(st, at, kend);
    if (r < 0)
        return JST_FAIL;
    if (r == 0)
        return broken(st, at);
    *koff = at;
    ssize_t o = jst_skip_ws(st, *kend);
    if (o < 0)
        return JST_FAIL;
    at = (size_t)o;
    if (at >= input_avail(ctx->in))
        return cut_short(st, at);
    if (input_data(ctx->in)[at] != ':') {
        diag_add(ctx->diags, DIAG_ERROR, jst_line_at(st, at),
                 "invalid JSON: expected ':' after a key");
        return broken(st, at);
    }
    o = jst_skip_ws(st, at + 1);
    if (o < 0)
        return JST_FAIL;
    at = (size_t)o;
    if (at >= input_avail(ctx->in))
        return cut_short(st, at);
    *off = at;
    return JST_MEMBER;
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
