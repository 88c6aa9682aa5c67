/*
 * cloudtrail.c — CloudTrail events in every shape they are found (SPEC §3):
 *
 *   {"Records":[ {...}, ... ]}      S3 delivery files (usually .json.gz)
 *   [ {...}, ... ]                  bare arrays (exports, test data)
 *   {...}                           a single event; also JSON lines of events
 *                                   and pretty-printed events back to back
 *   {"Events":[{"CloudTrailEvent":"<json>", ...}]}   lookup-events output
 *   {"digestStartTime":..., "logFiles":[...]}        digest: skipped, noted
 *
 * The stream is split into records with the byte scanner (jsonscan.h), so a
 * file of any size is read with memory bounded by its largest record, each
 * record can be skipped by the pre-filter before it is parsed, and a broken
 * record is reported on its own while the rest of the file is still read.
 * Each kept event is scanned without a DOM by jsonfields.h (every field for
 * --db and the REPL, only those read by a one-shot query), which yields
 * exactly the fields flatten.h would from a jansson DOM and accepts exactly
 * the same texts (it is tested and fuzzed against jansson). A record it
 * cannot handle alone (a repeated key, a wanted field that is an object,
 * or invalid JSON, for jansson's error message) and lookup-events entries
 * go through jansson.
 *
 * @timestamp = eventTime (else the first of @timestamp, timestamp, time that
 * parses); @logStream = <recipientAccountId>_CloudTrail_<awsRegion>;
 * @ingestionTime = the delivery time in the S3 file name, when present;
 * @message = the record's JSON, compacted, keys in their original order.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "index/timeval.h"
#include "index/xalloc.h"
#include "parsers/flatten.h"
#include "parsers/jsonfields.h"
#include "parsers/jsonscan.h"
#include "parsers/parser.h"

enum rec_mode {
    MODE_EVENT,   /* the record is the event */
    MODE_LOOKUP,  /* the record wraps the event in a CloudTrailEvent string */
};

struct ct_state {
    struct parse_ctx *ctx;
    long line;                /* line number of input_data()[0] */
    bool ended;               /* the input ended inside a broken value: already reported */
    struct jf_plan *jfp;      /* fast field scanner for the plan */
    struct jf_scanner *jf;
    struct strbuf scratch;    /* compacted message */
};

/* ---- buffer helpers ---- */

static void consume(struct ct_state *st, size_t n)
{
    st->line += (long)js_count_lines(input_data(st->ctx->in), n);
    input_consume(st->ctx->in, n);
}

/* Ensure at least off+need bytes are buffered; returns bytes available
 * (maybe fewer at the end), -1 on a read error (already reported). */
static ssize_t want(struct ct_state *st, size_t off, size_t need)
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

/* Skip whitespace at off; returns the new offset, or -1 at a read error.
 * On return the byte at the offset is buffered unless the input ended. */
static ssize_t skip_ws(struct ct_state *st, size_t off)
{
    for (;;) {
        ssize_t n = want(st, off, 1);
        if (n < 0)
            return -1;
        size_t e = js_skip_ws(input_data(st->ctx->in), (size_t)n, off);
        if (e < (size_t)n || input_eof(st->ctx->in))
            return (ssize_t)e;
        off = e;
    }
}

/* Line number of offset off (from the buffer start). */
static long line_at(struct ct_state *st, size_t off)
{
    return st->line + (long)js_count_lines(input_data(st->ctx->in), off);
}

/* Find the end of the value starting at off. Returns 1 with *end set,
 * 0 on a structural error (reported), -1 on a read error. */
static int value_end(struct ct_state *st, size_t off, size_t *end)
{
    for (;;) {
        size_t n = input_avail(st->ctx->in);
        const char *why = NULL;
        size_t e = 0;
        enum js_status rc = JS_MORE;
        if (n > off)
            rc = js_value_end(input_data(st->ctx->in) + off, n - off, &e, &why);
        if (rc == JS_OK && e > INPUT_MAX_SPAN) {
            diag_add(st->ctx->diags, DIAG_ERROR, line_at(st, off),
                     "a single JSON value is longer than %zu MiB", INPUT_MAX_SPAN >> 20);
            return 0;
        }
        if (rc == JS_OK) {
            *end = off + e;
            return 1;
        }
        if (rc == JS_ERROR) {
            diag_add(st->ctx->diags, DIAG_ERROR, line_at(st, off + e), "invalid JSON: %s", why);
            return 0;
        }
        if (input_eof(st->ctx->in)) {
            diag_add(st->ctx->diags, DIAG_ERROR, line_at(st, n),
                     "invalid JSON: the input ends inside a value that starts on line %ld",
                     line_at(st, off));
            st->ended = true;
            return 0;
        }
        if (n - off >= INPUT_MAX_SPAN) {
            diag_add(st->ctx->diags, DIAG_ERROR, line_at(st, off),
                     "a single JSON value is longer than %zu MiB", INPUT_MAX_SPAN >> 20);
            return 0;
        }
        if (want(st, 0, n + (n - off) + 65536) < 0)
            return -1;
    }
}

/* Drop the rest of the current line (error recovery). */
static int skip_line(struct ct_state *st)
{
    for (;;) {
        size_t n = input_avail(st->ctx->in);
        const char *p = input_data(st->ctx->in);
        const char *nl = n ? memchr(p, '\n', n) : NULL;
        if (nl) {
            consume(st, (size_t)(nl - p) + 1);
            return 0;
        }
        input_consume(st->ctx->in, n);
        if (input_eof(st->ctx->in)) {
            st->ended = true;
            return 0;
        }
        if (want(st, 0, 1) < 0)
            return -1;
        if (input_avail(st->ctx->in) == 0) {
            st->ended = true;
            return 0;
        }
    }
}

/* ---- records ---- */

static int64_t parse_time_value(const json_t *v)
{
    int64_t ms;
    if (json_is_string(v) &&
        tv_parse_iso8601(json_string_value(v), json_string_length(v), &ms))
        return ms;
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        return x < 100000000000LL && x > -100000000000LL ? (int64_t)x * 1000 : (int64_t)x;
    }
    if (json_is_real(v)) {
        double x = json_real_value(v);
        return x < 1e11 && x > -1e11 ? (int64_t)(x * 1000) : (int64_t)x;
    }
    return TS_NONE;
}

static int64_t event_time(const json_t *ev)
{
    static const char *const keys[] = {"eventTime", "@timestamp", "timestamp", "time"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const json_t *v = json_object_get(ev, keys[i]);
        if (v) {
            int64_t ms = parse_time_value(v);
            if (ms != TS_NONE)
                return ms;
        }
    }
    return TS_NONE;
}

static void set_stream(struct rec_batch *b, const json_t *ev)
{
    const json_t *acct = json_object_get(ev, "recipientAccountId");
    const json_t *region = json_object_get(ev, "awsRegion");
    if (!json_is_string(acct) || !json_is_string(region))
        return;
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%s_CloudTrail_%s", json_string_value(acct),
                     json_string_value(region));
    if (n > 0 && (size_t)n < sizeof buf)
        rb_set_stream(b, buf, (size_t)n);
}

static bool is_digest(const json_t *obj)
{
    return json_object_get(obj, "digestStartTime") && json_object_get(obj, "logFiles");
}

/* Top-level keys the reader needs from every record, whatever the plan. */
enum {
    M_EVENT_TIME, M_AT_TIMESTAMP, M_TIMESTAMP, M_TIME, M_ACCOUNT, M_REGION, M_DIGEST,
    M_LOGFILES, N_META
};
static const char *const ct_meta[N_META] = {
    "eventTime", "@timestamp", "timestamp", "time", "recipientAccountId", "awsRegion",
    "digestStartTime", "logFiles",
};

/* parse_time_value() for a scanned value. */
static int64_t meta_time(const struct jf_value *v)
{
    int64_t ms;
    switch (v->kind) {
    case JF_STRING:
        return tv_parse_iso8601(v->str, v->len, &ms) ? ms : TS_NONE;
    case JF_INT:
        return v->ival < 100000000000LL && v->ival > -100000000000LL ? v->ival * 1000 : v->ival;
    case JF_REAL:
        return v->dval < 1e11 && v->dval > -1e11 ? (int64_t)(v->dval * 1000) : (int64_t)v->dval;
    default:
        return TS_NONE;
    }
}

static void set_message(struct ct_state *st, const char *msg, size_t msg_len)
{
    struct rec_batch *b = st->ctx->batch;
    if (js_needs_compact(msg, msg_len)) {
        sb_reset(&st->scratch);
        js_compact(msg, msg_len, &st->scratch);
        rb_set_message(b, st->scratch.buf, st->scratch.len);
    } else {
        rb_set_message(b, msg, msg_len);
    }
}

/* The record through the field scanner. Returns 1 when it was handled
 * (kept, filtered out, or reported), 0 to take it through jansson. */
static int scan_record(struct ct_state *st, const char *p, size_t n, long line, int64_t seq,
                       int *rc)
{
    struct parse_ctx *ctx = st->ctx;
    struct rec_batch *b = ctx->batch;
    rb_begin(b, seq);
    if (jf_scan(st->jf, p, n, b) != JF_OK) {
        rb_abort(b);
        return 0;
    }
    const struct jf_value *m = jf_meta(st->jf);
    *rc = 0;
    if (jf_root_kind(st->jf) != JF_OBJECT) {
        rb_abort(b);
        diag_add(ctx->diags, DIAG_ERROR, line, "record %lld: not a JSON object", (long long)seq);
        ctx->diags->records_skipped++;
        return 1;
    }
    if (m[M_DIGEST].kind != JF_ABSENT && m[M_LOGFILES].kind != JF_ABSENT) {
        rb_abort(b);
        diag_add(ctx->diags, DIAG_NOTE, line, "CloudTrail digest file skipped (not events)");
        return 1;
    }
    int64_t ts = TS_NONE;
    for (int k = M_EVENT_TIME; k <= M_TIME && ts == TS_NONE; k++)
        ts = meta_time(&m[k]);
    if (!plan_in_range(ctx->plan, ts)) {
        rb_abort(b);
        return 1;
    }
    rb_set_ts(b, ts);
    if (ctx->file_time != TS_NONE)
        rb_set_ingest_ts(b, ctx->file_time);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        set_message(st, p, n);
    if (m[M_ACCOUNT].kind == JF_STRING && m[M_REGION].kind == JF_STRING) {
        char buf[256];
        int k = snprintf(buf, sizeof buf, "%.*s_CloudTrail_%.*s", (int)m[M_ACCOUNT].len,
                         m[M_ACCOUNT].str, (int)m[M_REGION].len, m[M_REGION].str);
        if (k > 0 && (size_t)k < sizeof buf)
            rb_set_stream(b, buf, (size_t)k);
    }
    *rc = parse_emit(ctx);
    return 1;
}

/* One record: p[0..n) starting on line `line`. */
static int handle_record(struct ct_state *st, const char *p, size_t n, long line,
                         enum rec_mode mode)
{
    struct parse_ctx *ctx = st->ctx;
    int64_t seq = ++ctx->n_seen;
    if (!plan_may_match(ctx->plan, p, n))
        return 0;
    int fast_rc;
    if (mode == MODE_EVENT && st->jf && scan_record(st, p, n, line, seq, &fast_rc))
        return fast_rc;
    json_error_t jerr;
    json_t *root = json_loadb(p, n, 0, &jerr);
    if (!root) {
        diag_add(ctx->diags, DIAG_ERROR, line + jerr.line - 1, "record %lld: invalid JSON: %s",
                 (long long)seq, jerr.text);
        ctx->diags->records_skipped++;
        return 0;
    }
    json_t *ev = root, *inner = NULL;
    const char *msg = p;
    size_t msg_len = n;
    if (mode == MODE_LOOKUP) {
        const json_t *s = json_object_get(root, "CloudTrailEvent");
        if (!json_is_string(s)) {
            diag_add(ctx->diags, DIAG_ERROR, line,
                     "record %lld: lookup-events entry without a CloudTrailEvent string",
                     (long long)seq);
            ctx->diags->records_skipped++;
            json_decref(root);
            return 0;
        }
        msg = json_string_value(s);
        msg_len = json_string_length(s);
        inner = json_loadb(msg, msg_len, 0, &jerr);
        if (!inner) {
            diag_add(ctx->diags, DIAG_ERROR, line,
                     "record %lld: CloudTrailEvent is not valid JSON: %s", (long long)seq,
                     jerr.text);
            ctx->diags->records_skipped++;
            json_decref(root);
            return 0;
        }
        ev = inner;
    }
    int rc = 0;
    if (!json_is_object(ev)) {
        diag_add(ctx->diags, DIAG_ERROR, line, "record %lld: not a JSON object",
                 (long long)seq);
        ctx->diags->records_skipped++;
        goto out;
    }
    if (mode == MODE_EVENT && is_digest(ev)) {
        diag_add(ctx->diags, DIAG_NOTE, line, "CloudTrail digest file skipped (not events)");
        goto out;
    }
    struct rec_batch *b = ctx->batch;
    rb_begin(b, seq);
    int64_t ts = event_time(ev);
    if (ts == TS_NONE && inner)
        ts = parse_time_value(json_object_get(root, "EventTime"));
    if (!plan_in_range(ctx->plan, ts)) {
        rb_abort(b);
        goto out;
    }
    rb_set_ts(b, ts);
    if (ctx->file_time != TS_NONE)
        rb_set_ingest_ts(b, ctx->file_time);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        set_message(st, msg, msg_len);
    set_stream(b, ev);
    flatten_json(b, ev, NULL, ctx->plan);
    rc = parse_emit(ctx);
out:
    if (inner)
        json_decref(inner);
    json_decref(root);
    return rc;
}

/* The elements of an array whose '[' has been consumed. Returns 0, or -1
 * to stop. */
static int read_array(struct ct_state *st, enum rec_mode mode)
{
    for (;;) {
        ssize_t off = skip_ws(st, 0);
        if (off < 0)
            return -1;
        consume(st, (size_t)off);
        if (input_avail(st->ctx->in) == 0) {
            if (!st->ended)
                diag_add(st->ctx->diags, DIAG_ERROR, st->line,
                         "invalid JSON: the input ends inside an array (missing ']')");
            return 0;
        }
        char c = input_data(st->ctx->in)[0];
        if (c == ']') {
            consume(st, 1);
            return 0;
        }
        size_t end;
        int r = value_end(st, 0, &end);
        if (r < 0)
            return -1;
        if (r == 0) {
            st->ctx->diags->records_skipped++;
            return skip_line(st);
        }
        if (handle_record(st, input_data(st->ctx->in), end, st->line, mode) < 0)
            return -1;
        consume(st, end);
        off = skip_ws(st, 0);
        if (off < 0)
            return -1;
        consume(st, (size_t)off);
        if (input_avail(st->ctx->in) == 0) {
            if (!st->ended)
                diag_add(st->ctx->diags, DIAG_ERROR, st->line,
                         "invalid JSON: the input ends inside an array (missing ']')");
            return 0;
        }
        c = input_data(st->ctx->in)[0];
        if (c == ',') {
            consume(st, 1);
        } else if (c == ']') {
            consume(st, 1);
            return 0;
        } else if (c == '{' || c == '[') {
            diag_add(st->ctx->diags, DIAG_ERROR, st->line,
                     "invalid JSON: expected ',' or ']' after the previous record");
        } else {
            diag_add(st->ctx->diags, DIAG_ERROR, st->line,
                     "invalid JSON: expected ',' or ']' after a record, found '%c'", c);
            return skip_line(st);
        }
    }
}

/* Compare the key string at [off, end) (quotes included) with a name. */
static bool key_is(struct ct_state *st, size_t off, size_t end, const char *name)
{
    size_t n = strlen(name);
    return end - off == n + 2 && memcmp(input_data(st->ctx->in) + off + 1, name, n) == 0;
}

/* A top-level object at the buffer start. Either a wrapper (Records /
 * Events array, read element by element) or a single event. */
static int read_object(struct ct_state *st)
{
    size_t off = 1;
    bool wrapper = false;
    for (;;) {
        ssize_t o = skip_ws(st, off);
        if (o < 0)
            return -1;
        off = (size_t)o;
        if (off >= input_avail(st->ctx->in))
            goto truncated;
        char c = input_data(st->ctx->in)[off];
        if (c == '}') {
            off++;
            break;
        }
        if (c == ',') {
            off++;
            continue;
        }
        if (c != '"') {
            diag_add(st->ctx->diags, DIAG_ERROR, line_at(st, off),
                     "invalid JSON: expected a key in double quotes, found '%c'", c);
            goto recover;
        }
        size_t kend;
        int r = value_end(st, off, &kend);
        if (r < 0)
            return -1;
        if (r == 0)
            goto recover;
        size_t koff = off;
        o = skip_ws(st, kend);
        if (o < 0)
            return -1;
        off = (size_t)o;
        if (off >= input_avail(st->ctx->in))
            goto truncated;
        if (input_data(st->ctx->in)[off] != ':') {
            diag_add(st->ctx->diags, DIAG_ERROR, line_at(st, off),
                     "invalid JSON: expected ':' after a key");
            goto recover;
        }
        o = skip_ws(st, off + 1);
        if (o < 0)
            return -1;
        off = (size_t)o;
        if (off >= input_avail(st->ctx->in))
            goto truncated;
        char v0 = input_data(st->ctx->in)[off];
        bool records = key_is(st, koff, kend, "Records");
        bool events = key_is(st, koff, kend, "Events");
        if ((records || events) && v0 == '[') {
            /* A wrapper: stream the array's elements. */
            wrapper = true;
            consume(st, off + 1);
            if (read_array(st, records ? MODE_EVENT : MODE_LOOKUP) < 0)
                return -1;
            off = 0;
            continue;
        }
        size_t vend;
        r = value_end(st, off, &vend);
        if (r < 0)
            return -1;
        if (r == 0)
            goto recover;
        off = vend;
    }
    if (!wrapper) {
        if (handle_record(st, input_data(st->ctx->in), off, st->line, MODE_EVENT) < 0)
            return -1;
    }
    consume(st, off);
    return 0;
truncated:
    if (!st->ended)
        diag_add(st->ctx->diags, DIAG_ERROR, line_at(st, off),
                 "invalid JSON: the input ends inside an object (missing '}')");
    consume(st, input_avail(st->ctx->in));
    return 0;
recover:
    st->ctx->diags->records_skipped++;
    consume(st, off);
    return skip_line(st);
}

/* The delivery time in an S3 object name such as
 * 111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz
 * (reference §7.2), or TS_NONE. */
int64_t ct_delivery_time(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *ct = strstr(base, "_CloudTrail_");
    if (!ct)
        return TS_NONE;
    for (const char *p = ct; (p = strchr(p + 1, '_')) != NULL;) {
        /* _YYYYMMDDTHHMMZ_ */
        const char *t = p + 1;
        bool ok = strlen(t) >= 15 && t[8] == 'T' && t[13] == 'Z' && t[14] == '_';
        for (int i = 0; ok && i < 13; i++)
            if (i != 8 && (t[i] < '0' || t[i] > '9'))
                ok = false;
        if (!ok)
            continue;
        char iso[32];
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2sT%.2s:%.2sZ", t, t + 4, t + 6, t + 9, t + 11);
        int64_t ms;
        if (tv_parse_iso8601(iso, strlen(iso), &ms))
            return ms;
    }
    return TS_NONE;
}

int ct_parse(struct parse_ctx *ctx)
{
    struct ct_state st = {.ctx = ctx, .line = 1};
    if (ctx->file_time == TS_NONE)
        ctx->file_time = ct_delivery_time(ctx->path);
    st.jfp = jf_plan_new(ctx->plan, ct_meta, N_META);
    st.jf = st.jfp ? jf_scanner_new(st.jfp) : NULL;
    int rc = 0;
    bool first = true;
    for (;;) {
        ssize_t off = skip_ws(&st, 0);
        if (off < 0)
            break; /* read error: reported */
        consume(&st, (size_t)off);
        if (input_avail(ctx->in) == 0)
            break;
        const unsigned char *p = (const unsigned char *)input_data(ctx->in);
        if (first && input_avail(ctx->in) >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
            consume(&st, 3);
            first = false;
            continue;
        }
        first = false;
        if (p[0] == '[') {
            consume(&st, 1);
            rc = read_array(&st, MODE_EVENT);
        } else if (p[0] == '{') {
            rc = read_object(&st);
        } else {
            diag_add(ctx->diags, DIAG_ERROR, st.line,
                     "not CloudTrail JSON: expected '{' or '[', found '%c'", p[0]);
            ctx->diags->records_skipped++;
            rc = skip_line(&st);
        }
        if (rc < 0)
            break;
    }
    jf_scanner_free(st.jf);
    jf_plan_free(st.jfp);
    sb_free(&st.scratch);
    /* A read error was reported as a diagnostic and ends the input like its
     * end would: what was read before it still counts (parser.h: -1 only
     * when a flush asked to stop). */
    return ctx->stopped ? -1 : 0;
}
