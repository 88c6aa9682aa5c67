/*
 * cwlogs.c — CloudWatch Logs events as the AWS tools hand them out (trailq(1), INPUTS):
 *
 *   {"events":[{"logStreamName","timestamp","message","ingestionTime",
 *               "eventId"}...], "nextToken":...}      filter-log-events
 *   {"events":[{"timestamp","message","ingestionTime"}...],
 *    "nextForwardToken":...}                          get-log-events
 *   {"messageType":"DATA_MESSAGE","owner","logGroup","logStream",
 *    "subscriptionFilters",[...],"logEvents":[{"id","timestamp","message"}]}
 *                                                     subscription payloads
 *   {"awslogs":{"data":"<base64 of the gzipped payload>"}}   as Lambda gets it
 *
 * Several of these may follow one another (pages concatenated, payloads
 * back to back as Firehose writes them); a bare array of any of them or of
 * log events, and a lone log event object, are read too. CONTROL_MESSAGE
 * payloads (delivery health checks) are skipped with a note.
 *
 * An `events` array is streamed element by element, as cloudtrail.c streams
 * `Records`, so merged pages of any size are read in bounded memory (the
 * CLI merges all pages into one object). Everything else (payloads, which
 * AWS caps at a few MB) is split once its whole object is buffered, because
 * a payload's logStream and messageType may come after its logEvents; only
 * a logEvents array that cannot be held whole (longer than 256 MiB, or with
 * a broken event) is streamed too, with the header read before it. A
 * broken event is skipped alone (jsonstream.h), and awslogs.data is read as
 * a stream of its own, with the same recovery.
 *
 * Per event: @timestamp = timestamp (ms; a number below 10^11 is taken as
 * seconds, as one of the Datadog samples has, and as --start reads epochs),
 * @ingestionTime = ingestionTime, @logStream = logStreamName or the
 * payload's logStream, @message = message exactly as given, @ptr = the
 * event's number in the file. A subscription payload's logGroup and owner
 * are the fields @logGroup and @owner of each of its events (the compiler
 * makes @log owner:logGroup from them, as Insights shows it); elsewhere
 * @log stays the input path (docs/language.md#inputs). The log group also
 * tells Lambda groups apart. The message's
 * own fields come from msgfields.h. The event's timestamp is @timestamp
 * even when the message is a CloudTrail record with its own eventTime
 * (AWS leaves it open; CloudWatch stamps the event when
 * CloudTrail delivers it).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/chars.h"
#include "base/jsondom.h"
#include "base/timeval.h"
#include "base/xalloc.h"
#include "parsers/jsonscan.h"
#include "parsers/jsonstream.h"
#include "parsers/jsontime.h"
#include "parsers/msgfields.h"
#include "parsers/reader.h"

/* What a payload says about all its events. */
struct cwl_header {
    char *group;  /* logGroup, or NULL (owned) */
    char *owner;  /* owner (the account), or NULL (owned) */
    char *stream; /* logStream, or NULL (owned) */
    char *type;   /* messageType, or NULL (owned) */
};

/* Where diagnostics for in-memory text go: its first line, and whether
 * lines inside it count (false for decoded awslogs.data, whose lines are
 * not lines of the input). */
struct mem_pos {
    long line;         /* line of p[0] in the input */
    bool count_lines;  /* add the newlines inside p */
    const char *label; /* prefix for messages ("awslogs.data: "), or "" */
};

static void hdr_free(struct cwl_header *h)
{
    free(h->group);
    free(h->owner);
    free(h->stream);
    free(h->type);
    *h = (struct cwl_header){0};
}

/* ---- in-memory JSON walking ---- */

/* One member of an object held in memory. */
struct member {
    const char *key;  /* the key's bytes, without the quotes */
    size_t key_len;
    const char *val;  /* the value's bytes */
    size_t val_len;
};

static bool key_is(const struct member *m, const char *name)
{
    size_t n = strlen(name);
    return m->key_len == n && memcmp(m->key, name, n) == 0;
}

/* Next member of the object p[0..n) (p[0] == '{'); *pos starts at 1.
 * Returns 1 with *m set, 0 at the closing brace, -1 on an error (*why set,
 * *pos at the offending byte). */
static int next_member(const char *p, size_t n, size_t *pos, struct member *m, const char **why)
{
    size_t i = js_skip_ws(p, n, *pos);
    if (i < n && p[i] == ',')
        i = js_skip_ws(p, n, i + 1);
    if (i < n && p[i] == '}') {
        *pos = i + 1;
        return 0;
    }
    size_t e;
    *pos = i;
    if (i >= n || p[i] != '"') {
        *why = "expected a key in double quotes";
        return -1;
    }
    if (js_value_end(p + i, n - i, &e, why) != JS_OK) {
        *why = "unterminated key";
        return -1;
    }
    m->key = p + i + 1;
    m->key_len = e - 2;
    i = js_skip_ws(p, n, i + e);
    if (i >= n || p[i] != ':') {
        *pos = i;
        *why = "expected ':' after a key";
        return -1;
    }
    i = js_skip_ws(p, n, i + 1);
    *pos = i;
    if (i >= n) {
        *why = "missing value";
        return -1;
    }
    if (js_value_end(p + i, n - i, &e, why) != JS_OK) {
        if (!*why)
            *why = "unterminated value";
        return -1;
    }
    m->val = p + i;
    m->val_len = e;
    *pos = i + e;
    return 1;
}

/* Next element of the array p[0..n) (p[0] == '['); *pos starts at 1. */
static int next_element(const char *p, size_t n, size_t *pos, const char **val, size_t *len,
                        const char **why)
{
    size_t i = js_skip_ws(p, n, *pos);
    if (i < n && p[i] == ',')
        i = js_skip_ws(p, n, i + 1);
    if (i < n && p[i] == ']') {
        *pos = i + 1;
        return 0;
    }
    size_t e;
    *pos = i;
    if (i >= n) {
        *why = "missing ']'";
        return -1;
    }
    if (js_value_end(p + i, n - i, &e, why) != JS_OK) {
        if (!*why)
            *why = "unterminated value";
        return -1;
    }
    *val = p + i;
    *len = e;
    *pos = i + e;
    return 1;
}

static long mem_line(const struct mem_pos *mp, const char *base, const char *at)
{
    return mp->count_lines ? mp->line + (long)js_count_lines(base, (size_t)(at - base))
                           : mp->line;
}

/* A JSON string value as an allocated C string, or NULL. */
static char *string_value(const char *v, size_t n)
{
    if (n < 2 || v[0] != '"')
        return NULL;
    json_t *j = jdom_load(v, n, JSON_DECODE_ANY, NULL);
    size_t len;
    const char *str = jdom_string(j, &len);
    char *s = str ? xstrndup(str, len) : NULL;
    json_decref(j);
    return s;
}

/* ---- events ---- */

/* One log event object p[0..n). */
static int handle_event(struct jst *js, const char *p, size_t n, long line,
                        const struct cwl_header *hdr, const char *label)
{
    struct parse_ctx *ctx = js->ctx;
    int64_t seq = ++ctx->n_seen;
    if (!plan_may_match(ctx->plan, p, n))
        return 0;
    json_error_t jerr;
    json_t *ev = jdom_load(p, n, 0, &jerr);
    if (!ev) {
        struct strbuf why = STRBUF_INIT;
        jdom_error(&why, &jerr);
        diag_add(ctx->diags, DIAG_ERROR, label[0] || jerr.line < 1 ? line : line + jerr.line - 1,
                 "%srecord %lld: invalid JSON: %s", label, (long long)seq, sb_str(&why));
        sb_free(&why);
        ctx->diags->records_skipped++;
        return 0;
    }
    int rc = 0;
    size_t mlen;
    const char *m = jdom_string(json_object_get(ev, "message"), &mlen);
    if (!json_is_object(ev) || !m) {
        diag_add(ctx->diags, DIAG_ERROR, line, "%srecord %lld: %s", label, (long long)seq,
                 json_is_object(ev) ? "log event without a \"message\" string"
                                    : "not a JSON object");
        ctx->diags->records_skipped++;
        goto out;
    }
    int64_t ts = jsontime_value(json_object_get(ev, "timestamp"));
    if (!plan_in_range(ctx->plan, ts))
        goto out;
    struct rec_batch *b = ctx->batch;
    rb_begin(b, seq);
    rb_set_ts(b, ts);
    const json_t *ing = json_object_get(ev, "ingestionTime");
    if (ing && jsontime_value(ing) != TS_NONE)
        rb_set_ingest_ts(b, jsontime_value(ing));
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        rb_set_message(b, m, mlen);
    size_t stream_len = 0;
    const char *stream = jdom_string(json_object_get(ev, "logStreamName"), &stream_len);
    if (!stream) {
        stream = hdr ? hdr->stream : NULL;
        stream_len = stream ? strlen(stream) : 0;
    }
    if (stream && stream_len)
        rb_set_stream(b, stream, stream_len);
    const char *group = hdr ? hdr->group : NULL;
    /* the payload's log group and account: fields of their own, and @log
     * is owner:logGroup (query/compile.c) */
    if (group && plan_wants_field(ctx->plan, "@logGroup", 9))
        rb_add_str(b, "@logGroup", 9, group, strlen(group));
    if (hdr && hdr->owner && plan_wants_field(ctx->plan, "@owner", 6))
        rb_add_str(b, "@owner", 6, hdr->owner, strlen(hdr->owner));
    msgfields_add(b, m, mlen, ctx->plan,
                  msgfields_lambda_source(group, group ? strlen(group) : 0, stream, stream_len));
    rc = parse_emit(ctx);
out:
    json_decref(ev);
    return rc;
}

/* ---- payloads in memory ---- */

/* Where messages about in-memory text p go, for a stream js. */
static struct mem_pos mem_pos_of(const struct jst *js, long line)
{
    return (struct mem_pos){.line = line, .count_lines = !js->fixed_line, .label = js->label};
}

/* The elements of an events/logEvents array v[0..n) (its text already
 * checked by jst_value_end: brackets match). */
static int walk_events(struct jst *js, const char *v, size_t n, const struct mem_pos *mp,
                       const struct cwl_header *hdr)
{
    size_t pos = 1;
    const char *el, *why = NULL;
    size_t len;
    int r;
    while ((r = next_element(v, n, &pos, &el, &len, &why)) == 1)
        if (handle_event(js, el, len, mem_line(mp, v, el), hdr, mp->label) < 0)
            return -1;
    if (r < 0) {
        js->ctx->n_seen++;
        diag_add(js->ctx->diags, DIAG_ERROR, mem_line(mp, v, v + pos),
                 "%srecord %lld: invalid JSON: %s", mp->label, (long long)js->ctx->n_seen, why);
        js->ctx->diags->records_skipped++;
    }
    return 0;
}

/* Standard base64 (whitespace ignored, padding optional) into out;
 * false on any other byte. */
static bool base64_decode(const char *s, size_t n, struct strbuf *out)
{
    uint32_t acc = 0;
    int bits = 0;
    bool pad = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int v;
        if (ch_is_upper(c))
            v = c - 'A';
        else if (ch_is_lower(c))
            v = c - 'a' + 26;
        else if (ch_is_digit(c))
            v = c - '0' + 52;
        else if (c == '+' || c == '-')
            v = 62;
        else if (c == '/' || c == '_')
            v = 63;
        else if (c == '=') {
            pad = true;
            continue;
        } else if (ch_is_json_ws(c))
            continue;
        else
            return false;
        if (pad)
            return false;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            sb_putc(out, (char)((acc >> bits) & 0xFF));
        }
    }
    return bits < 6;
}

/* Inflate gzip data (several members allowed). Returns true, or false
 * with what is wrong in *why. */
static bool gunzip(const unsigned char *in, size_t n, struct strbuf *out, struct strbuf *why)
{
    z_stream z = {0};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        sb_puts(why, "cannot start gzip decompression");
        return false;
    }
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)n;
    bool ok = true;
    unsigned char buf[65536];
    for (;;) {
        z.next_out = buf;
        z.avail_out = sizeof buf;
        int r = inflate(&z, Z_NO_FLUSH);
        sb_append(out, (const char *)buf, sizeof buf - z.avail_out);
        if (out->len > INPUT_MAX_SPAN) {
            sb_printf(why, "decompressed data longer than %zu MiB", INPUT_MAX_SPAN >> 20);
            ok = false;
            break;
        }
        if (r == Z_STREAM_END) {
            if (z.avail_in == 0)
                break;
            if (inflateReset(&z) != Z_OK) {
                sb_puts(why, "corrupt gzip data: the compressed data is damaged");
                ok = false;
                break;
            }
            continue;
        }
        if (r == Z_OK)
            continue;
        if (r == Z_BUF_ERROR && z.avail_in == 0)
            sb_puts(why, "truncated gzip data");
        else
            sb_printf(why, "corrupt gzip data: %s", input_zlib_words(z.msg));
        ok = false;
        break;
    }
    inflateEnd(&z);
    return ok;
}

static int cwl_stream(struct jst *js);

/* {"data":"<base64>"}: decode, gunzip and read the payloads inside as a
 * stream of their own (with the same recovery as the input's), whose
 * messages all name the line of the awslogs object. */
static int walk_awslogs(struct jst *js, const char *v, size_t n, const struct mem_pos *mp)
{
    struct parse_ctx *ctx = js->ctx;
    long line = mem_line(mp, v, v);
    if (n < 2 || v[0] != '{') {
        diag_add(ctx->diags, DIAG_ERROR, line, "awslogs is not an object");
        ctx->diags->records_skipped++;
        return 0;
    }
    size_t pos = 1;
    struct member m;
    const char *why = NULL;
    char *data = NULL;
    size_t data_len = 0;
    int r;
    while ((r = next_member(v, n, &pos, &m, &why)) == 1) {
        if (key_is(&m, "data")) {
            free(data);
            data = string_value(m.val, m.val_len);
            data_len = data ? strlen(data) : 0;
        }
    }
    if (!data) {
        diag_add(ctx->diags, DIAG_ERROR, line, "awslogs without a \"data\" string");
        ctx->diags->records_skipped++;
        return 0;
    }
    int rc = 0;
    struct strbuf raw = STRBUF_INIT, text = STRBUF_INIT, problem = STRBUF_INIT;
    bool err = false;
    if (!base64_decode(data, data_len, &raw)) {
        sb_puts(&problem, "not valid base64");
        err = true;
    } else if (raw.len >= 2 && (unsigned char)raw.buf[0] == 0x1f &&
               (unsigned char)raw.buf[1] == 0x8b) {
        err = !gunzip((const unsigned char *)raw.buf, raw.len, &text, &problem);
    } else {
        sb_append(&text, raw.buf ? raw.buf : "", raw.len);
    }
    if (err) {
        diag_add(ctx->diags, DIAG_ERROR, line, "awslogs.data: %s", sb_str(&problem));
        if (!text.len)
            ctx->diags->records_skipped++; /* else what it cuts is counted below */
    }
    if (!err || text.len) {
        struct jst inner;
        jst_init(&inner, ctx);
        size_t text_len = text.len;
        inner.in = input_open_mem(ctx->path, sb_detach(&text), text_len);
        inner.label = "awslogs.data: ";
        inner.fixed_line = true;
        inner.line = line;
        rc = cwl_stream(&inner);
        input_close(inner.in);
    }
    sb_free(&raw);
    sb_free(&text);
    sb_free(&problem);
    free(data);
    return rc;
}

/* A whole object p[0..n) in memory (its text already checked by
 * jst_value_end or jst_next_member: brackets match): a payload, a page, or
 * one event. */
static int walk_object(struct jst *js, const char *p, size_t n, const struct mem_pos *mp)
{
    struct parse_ctx *ctx = js->ctx;
    struct cwl_header hdr = {0};
    struct member m;
    const char *why = NULL;
    size_t pos = 1;
    int r, rc = 0;
    bool has_events = false, has_message = false;
    /* pass 1: the header */
    while ((r = next_member(p, n, &pos, &m, &why)) == 1) {
        if (key_is(&m, "logGroup")) {
            free(hdr.group);
            hdr.group = string_value(m.val, m.val_len);
        } else if (key_is(&m, "owner")) {
            free(hdr.owner);
            hdr.owner = string_value(m.val, m.val_len);
        } else if (key_is(&m, "logStream")) {
            free(hdr.stream);
            hdr.stream = string_value(m.val, m.val_len);
        } else if (key_is(&m, "messageType")) {
            free(hdr.type);
            hdr.type = string_value(m.val, m.val_len);
        } else if (key_is(&m, "events") || key_is(&m, "logEvents") || key_is(&m, "awslogs")) {
            has_events = true;
        } else if (key_is(&m, "message")) {
            has_message = true;
        }
    }
    if (r < 0) {
        ctx->n_seen++;
        diag_add(ctx->diags, DIAG_ERROR, mem_line(mp, p, p + pos),
                 "%srecord %lld: invalid JSON: %s", mp->label, (long long)ctx->n_seen, why);
        ctx->diags->records_skipped++;
        goto out;
    }
    if (hdr.type && strcmp(hdr.type, "CONTROL_MESSAGE") == 0) {
        diag_add(ctx->diags, DIAG_NOTE, mem_line(mp, p, p),
                 "%sCloudWatch Logs CONTROL_MESSAGE skipped (not log events)", mp->label);
        goto out;
    }
    if (!has_events) {
        if (has_message) {
            rc = handle_event(js, p, n, mem_line(mp, p, p), NULL, mp->label);
        } else {
            ctx->n_seen++;
            diag_add(ctx->diags, DIAG_ERROR, mem_line(mp, p, p),
                     "%snot CloudWatch Logs output: an object without events, logEvents or "
                     "message",
                     mp->label);
            ctx->diags->records_skipped++;
        }
        goto out;
    }
    /* pass 2: the events */
    pos = 1;
    while (rc == 0 && next_member(p, n, &pos, &m, &why) == 1) {
        if ((key_is(&m, "events") || key_is(&m, "logEvents")) && m.val[0] == '[')
            rc = walk_events(js, m.val, m.val_len, mp, &hdr);
        else if (key_is(&m, "awslogs"))
            rc = walk_awslogs(js, m.val, m.val_len, mp);
    }
out:
    hdr_free(&hdr);
    return rc;
}

/* ---- streaming ---- */

/* What to do with one whole array element, the first end bytes of the
 * buffer: 0, or -1 to stop. */
typedef int (*element_fn)(struct jst *js, size_t end, const struct cwl_header *hdr);

/* The elements of an array whose '[' has been consumed, each handed whole
 * to take; a broken one is skipped alone (jst_whole_element) and the next
 * one read. */
static int read_elements(struct jst *js, const struct cwl_header *hdr, element_fn take)
{
    struct parse_ctx *ctx = js->ctx;
    for (bool first = true;; first = false) {
        int r = jst_next_element(js, first, ctx->n_seen);
        if (r <= 0)
            return r;
        size_t end;
        enum jst_element e = jst_whole_element(js, &end);
        if (e == JST_ELEM_SKIPPED)
            continue;
        if (e != JST_ELEM_WHOLE)
            return e;
        if (take(js, end, hdr) < 0)
            return -1;
        jst_consume(js, end);
    }
}

/* An element of an events (or logEvents) array: a log event. */
static int take_event(struct jst *js, size_t end, const struct cwl_header *hdr)
{
    return handle_event(js, input_data(js->in), end, js->line, hdr, js->label);
}

/* An element of a top-level array: a log event or a payload, taken whole
 * (walk_object), or skipped when not an object. */
static int take_top_element(struct jst *js, size_t end, const struct cwl_header *hdr)
{
    struct parse_ctx *ctx = js->ctx;
    const char *p = input_data(js->in);
    if (p[0] == '{') {
        struct mem_pos mp = mem_pos_of(js, js->line);
        return walk_object(js, p, end, &mp);
    }
    ctx->n_seen++;
    diag_add(ctx->diags, DIAG_ERROR, js->line, "%srecord %lld: not a JSON object", js->label,
             (long long)ctx->n_seen);
    ctx->diags->records_skipped++;
    return 0;
}

/* A top-level object at the buffer start: a page, a payload or one event.
 * An `events` array is streamed; a `logEvents` array too when it cannot be
 * held whole (longer than 256 MiB, or broken), with the payload's header as
 * read so far; anything else is kept until the object is whole and then
 * split in memory (walk_object). A broken member ends the object
 * (jst_skip_broken to its closing brace). */
static int read_object(struct jst *js)
{
    struct parse_ctx *ctx = js->ctx;
    struct cwl_header hdr = {0};
    size_t off = 1, koff, kend;
    long start_line = js->line;
    bool streamed = false;
    const char *why = NULL;
    int rc = 0;
    enum jst_member m;
    while ((m = jst_next_member(js, &off, &koff, &kend, &why)) == JST_MEMBER) {
        char v0 = input_data(js->in)[off];
        bool events = jst_key_is(js, koff, kend, "events");
        bool log_events = jst_key_is(js, koff, kend, "logEvents");
        size_t vend;
        int r = events && v0 == '[' ? 0 : jst_value_end(js, off, &vend, &why);
        if (r < 0)
            goto fail;
        if (r == 0 && (events || log_events) && v0 == '[') {
            streamed = true;
            jst_consume(js, off + 1);
            if (read_elements(js, &hdr, take_event) < 0)
                goto fail;
            if (js->ended && input_avail(js->in) == 0)
                goto out; /* the input ended inside the array: reported */
            off = 0;
            continue;
        }
        if (r == 0) {
            m = JST_BROKEN;
            break;
        }
        const char *v = input_data(js->in) + off;
        char **slot = jst_key_is(js, koff, kend, "logGroup")      ? &hdr.group
                      : jst_key_is(js, koff, kend, "owner")       ? &hdr.owner
                      : jst_key_is(js, koff, kend, "logStream")   ? &hdr.stream
                      : jst_key_is(js, koff, kend, "messageType") ? &hdr.type
                                                                  : NULL;
        if (slot) {
            free(*slot);
            *slot = string_value(v, vend - off);
        }
        if (streamed && ((log_events && v0 == '[') || jst_key_is(js, koff, kend, "awslogs"))) {
            /* after a streamed array: this member on its own */
            struct mem_pos mp = mem_pos_of(js, jst_line_at(js, off));
            rc = v0 == '[' ? walk_events(js, v, vend - off, &mp, &hdr)
                           : walk_awslogs(js, v, vend - off, &mp);
            if (rc < 0)
                goto fail;
        }
        off = vend;
    }
    if (m == JST_FAIL)
        goto fail;
    if (m == JST_BROKEN) {
        struct jst_broken b = {.seq = streamed ? 0 : ++ctx->n_seen,
                               .start_line = start_line,
                               .why = why,
                               .why_line = why == jst_too_long ? start_line : jst_line_at(js, off)};
        rc = jst_skip_broken(js, off, "{", 1, &b) < 0 ? -1 : 0;
        goto out;
    }
    if (!streamed) {
        struct mem_pos mp = mem_pos_of(js, js->line);
        rc = walk_object(js, input_data(js->in), off, &mp);
    }
    jst_consume(js, off);
out:
    hdr_free(&hdr);
    return rc;
fail:
    hdr_free(&hdr);
    return -1;
}

/* Every top-level value of the stream js. Returns 0, or -1 when a flush
 * asked to stop. */
static int cwl_stream(struct jst *js)
{
    struct parse_ctx *ctx = js->ctx;
    int rc = 0;
    while (rc == 0 && jst_next_value(js) > 0) {
        const char c = input_data(js->in)[0];
        if (c == '{') {
            rc = read_object(js);
        } else if (c == '[') {
            jst_consume(js, 1);
            rc = read_elements(js, NULL, take_top_element);
        } else {
            char what[16];
            diag_add(ctx->diags, DIAG_ERROR, js->line,
                     "%snot CloudWatch Logs JSON: expected '{' or '[', found %s", js->label,
                     diag_char((unsigned char)c, what));
            rc = jst_skip_record(js, 0);
        }
    }
    return ctx->stopped ? -1 : rc;
}

int cwl_parse(struct parse_ctx *ctx)
{
    struct jst js;
    jst_init(&js, ctx);
    cwl_stream(&js);
    /* -1 only when a flush asked to stop; read errors are diagnostics */
    return ctx->stopped ? -1 : 0;
}
