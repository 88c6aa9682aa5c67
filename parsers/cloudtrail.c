/*
 * cloudtrail.c — CloudTrail events in every shape they are found (trailq(1), INPUTS):
 *
 *   {"Records":[ {...}, ... ]}      S3 delivery files (usually .json.gz)
 *   [ {...}, ... ]                  bare arrays (exports, test data)
 *   [ {"Records":[...]}, ... ]      whole files gathered in one array (jq -s):
 *                                   an element whose first key is Records or
 *                                   Events is read as a wrapper
 *   {...}                           a single event; also JSON lines of events
 *                                   and pretty-printed events back to back
 *   {"Events":[{"CloudTrailEvent":"<json>", ...}]}   lookup-events output
 *   {"digestStartTime":..., "logFiles":[...]}        digest: skipped, noted
 *
 * The stream is split into records with the byte scanner (jsonstream.h), so a
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

#include "base/jsondom.h"
#include "base/timeval.h"
#include "base/xalloc.h"
#include "parsers/ctname.h"
#include "parsers/flatten.h"
#include "parsers/jsonfields.h"
#include "parsers/jsonscan.h"
#include "parsers/jsonstream.h"
#include "parsers/jsontime.h"
#include "parsers/reader.h"

enum rec_mode {
    MODE_EVENT,   /* the record is the event */
    MODE_LOOKUP,  /* the record wraps the event in a CloudTrailEvent string */
};

struct ct_state {
    struct jst js;            /* the input as a JSON stream */
    struct jf_plan *jfp;      /* fast field scanner for the plan */
    struct jf_scanner *jf;
    struct strbuf scratch;    /* compacted message */
};

/* ---- records ---- */

static void set_stream(struct rec_batch *b, const json_t *ev)
{
    size_t acct_len, region_len;
    const char *acct = jdom_string(json_object_get(ev, "recipientAccountId"), &acct_len);
    const char *region = jdom_string(json_object_get(ev, "awsRegion"), &region_len);
    if (!acct || !region)
        return;
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%.*s_CloudTrail_%.*s", (int)acct_len, acct,
                     (int)region_len, region);
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

/* The time of an event read through jansson: eventTime, then @timestamp,
 * timestamp, time (the meta keys up to M_TIME, as scanned_record reads them). */
static int64_t event_time(const json_t *ev)
{
    return jsontime_first(ev, ct_meta, M_TIME + 1);
}

/* The rest of an event the field scanner has opened (jst_scan_object),
 * p[0..n) starting on line `line`, with the meta keys m: a digest is noted
 * and dropped, an event kept or filtered out. Returns 0, or -1 to stop. */
static int scanned_record(struct ct_state *st, const char *p, size_t n, long line,
                          const struct jf_value *m)
{
    struct parse_ctx *ctx = st->js.ctx;
    struct rec_batch *b = ctx->batch;
    if (m[M_DIGEST].kind != JF_ABSENT && m[M_LOGFILES].kind != JF_ABSENT) {
        rb_abort(b);
        diag_add(ctx->diags, DIAG_NOTE, line, "CloudTrail digest file skipped (not events)");
        return 0;
    }
    int64_t ts = TS_NONE;
    for (int k = M_EVENT_TIME; k <= M_TIME && ts == TS_NONE; k++)
        ts = jsontime_scanned(&m[k]);
    if (!plan_in_range(ctx->plan, ts)) {
        rb_abort(b);
        return 0;
    }
    rb_set_ts(b, ts);
    if (ctx->file_time != TS_NONE)
        rb_set_ingest_ts(b, ctx->file_time);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        jst_set_message(b, &st->scratch, p, n);
    if (m[M_ACCOUNT].kind == JF_STRING && m[M_REGION].kind == JF_STRING) {
        char buf[256];
        int k = snprintf(buf, sizeof buf, "%.*s_CloudTrail_%.*s", (int)m[M_ACCOUNT].len,
                         m[M_ACCOUNT].str, (int)m[M_REGION].len, m[M_REGION].str);
        if (k > 0 && (size_t)k < sizeof buf)
            rb_set_stream(b, buf, (size_t)k);
    }
    return parse_emit(ctx);
}

/* One record: p[0..n) starting on line `line`. */
static int handle_record(struct ct_state *st, const char *p, size_t n, long line,
                         enum rec_mode mode)
{
    struct parse_ctx *ctx = st->js.ctx;
    int64_t seq = ++ctx->n_seen;
    if (!plan_may_match(ctx->plan, p, n))
        return 0;
    enum jst_scan scan = mode == MODE_EVENT && st->jf
                             ? jst_scan_object(ctx, st->jf, p, n, line, seq)
                             : JST_SCAN_DOM;
    if (scan != JST_SCAN_DOM)
        return scan == JST_SCAN_OPEN ? scanned_record(st, p, n, line, jf_meta(st->jf)) : 0;
    json_t *root = jst_load(ctx, p, n, line, seq);
    if (!root)
        return 0;
    json_t *ev = root, *inner = NULL;
    const char *msg = p;
    size_t msg_len = n;
    if (mode == MODE_LOOKUP) {
        msg = jdom_string(json_object_get(root, "CloudTrailEvent"), &msg_len);
        if (!msg) {
            diag_add(ctx->diags, DIAG_ERROR, line,
                     "record %lld: lookup-events entry without a CloudTrailEvent string",
                     (long long)seq);
            ctx->diags->records_skipped++;
            json_decref(root);
            return 0;
        }
        json_error_t jerr;
        inner = jdom_load(msg, msg_len, 0, &jerr);
        if (!inner) {
            struct strbuf why = STRBUF_INIT;
            jdom_error(&why, &jerr);
            diag_add(ctx->diags, DIAG_ERROR, line,
                     "record %lld: CloudTrailEvent is not valid JSON: %s", (long long)seq,
                     sb_str(&why));
            sb_free(&why);
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
        ts = jsontime_value(json_object_get(root, "EventTime"));
    if (!plan_in_range(ctx->plan, ts)) {
        rb_abort(b);
        goto out;
    }
    rb_set_ts(b, ts);
    if (ctx->file_time != TS_NONE)
        rb_set_ingest_ts(b, ctx->file_time);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        jst_set_message(b, &st->scratch, msg, msg_len);
    set_stream(b, ev);
    flatten_json(b, ev, NULL, ctx->plan);
    rc = parse_emit(ctx);
out:
    if (inner)
        json_decref(inner);
    json_decref(root);
    return rc;
}

/* An array element straight through the scanner, which finds where it
 * ends as it goes (no separate pass to find the record's end first). Only
 * without a pre-filter (that needs the record's span before parsing).
 * Returns 1 when the record was taken (*end set), 0 to take the slow path
 * (invalid, needs the DOM, or the buffer ends inside it), -1 to stop. */
static int scan_element(struct ct_state *st, enum rec_mode mode, size_t *end)
{
    struct parse_ctx *ctx = st->js.ctx;
    if (mode != MODE_EVENT || !st->jf || ctx->plan->n_groups)
        return 0;
    const char *p = input_data(ctx->in);
    struct rec_batch *b = ctx->batch;
    rb_begin(b, ctx->n_seen + 1);
    if (jf_scan_prefix(st->jf, p, input_avail(ctx->in), b, end) != JF_OK) {
        rb_abort(b);
        return 0;
    }
    if (jf_root_kind(st->jf) != JF_OBJECT) {
        rb_abort(b);
        return 0; /* not an object: the slow path reports it */
    }
    ctx->n_seen++;
    return scanned_record(st, p, *end, st->js.line, jf_meta(st->jf)) < 0 ? -1 : 1;
}

static int read_object(struct ct_state *st);

/* Does the element at the buffer start open a wrapper, an object whose
 * first key is "Records" or "Events" (the files of a trail or pages of
 * lookup-events gathered into one array, as `jq -s` writes them)? */
static bool wrapper_ahead(struct jst *js)
{
    if (input_data(js->in)[0] != '{')
        return false;
    ssize_t k = jst_skip_ws(js, 1);
    if (k < 0 || jst_want(js, (size_t)k, 10) < 0)
        return false;
    size_t off = (size_t)k, avail = input_avail(js->in);
    const char *p = input_data(js->in) + off;
    return (avail >= off + 9 && memcmp(p, "\"Records\"", 9) == 0) ||
           (avail >= off + 8 && memcmp(p, "\"Events\"", 8) == 0);
}

/* The elements of an array whose '[' has been consumed, each a record: a
 * broken one is skipped alone (jst_whole_element) and the next one read.
 * In a top-level array (`top`), an element that is a wrapper is read as
 * one (read_object). Returns 0, or -1 to stop. */
static int read_array(struct ct_state *st, enum rec_mode mode, bool top)
{
    struct jst *js = &st->js;
    struct parse_ctx *ctx = js->ctx;
    for (bool first = true;; first = false) {
        int r = jst_next_element(js, first, ctx->n_seen);
        if (r <= 0)
            return r;
        if (top && wrapper_ahead(js)) {
            if (read_object(st) < 0)
                return -1;
            continue;
        }
        size_t end;
        int fast = scan_element(st, mode, &end);
        if (fast < 0)
            return -1;
        if (!fast) {
            enum jst_element e = jst_whole_element(js, &end);
            if (e == JST_ELEM_SKIPPED)
                continue;
            if (e != JST_ELEM_WHOLE)
                return e;
            if (handle_record(st, input_data(ctx->in), end, js->line, mode) < 0)
                return -1;
        }
        jst_consume(js, end);
    }
}

/* A top-level object at the buffer start. Either a wrapper (Records /
 * Events array, read element by element) or a single event. A broken
 * member ends the object (jst_skip_broken to its closing brace): a single
 * event is then skipped as a broken record; a wrapper keeps the records
 * read from its array. */
static int read_object(struct ct_state *st)
{
    struct jst *js = &st->js;
    struct parse_ctx *ctx = js->ctx;
    size_t off = 1, koff, kend;
    long start_line = js->line;
    bool wrapper = false;
    const char *why = NULL;
    enum jst_member m;
    while ((m = jst_next_member(js, &off, &koff, &kend, &why)) == JST_MEMBER) {
        char v0 = input_data(ctx->in)[off];
        bool records = jst_key_is(js, koff, kend, "Records");
        bool events = jst_key_is(js, koff, kend, "Events");
        if ((records || events) && v0 == '[') {
            /* A wrapper: stream the array's elements. */
            wrapper = true;
            jst_consume(js, off + 1);
            if (read_array(st, records ? MODE_EVENT : MODE_LOOKUP, false) < 0)
                return -1;
            if (js->ended && input_avail(js->in) == 0)
                return 0; /* the input ended inside the array: reported */
            off = 0;
            continue;
        }
        size_t vend;
        int r = jst_value_end(js, off, &vend, &why);
        if (r < 0)
            return -1;
        if (r == 0) {
            m = JST_BROKEN;
            break;
        }
        off = vend;
        if (!wrapper && off > INPUT_MAX_SPAN) {
            /* a single event that is too long as a whole */
            why = jst_too_long;
            m = JST_BROKEN;
            break;
        }
    }
    if (m == JST_FAIL)
        return -1;
    if (m == JST_BROKEN) {
        long why_line = why == jst_too_long ? start_line : jst_line_at(js, off);
        struct jst_broken b = {.seq = wrapper ? 0 : ++ctx->n_seen,
                               .start_line = start_line,
                               .why = why,
                               .why_line = why_line};
        return jst_skip_broken(js, off, "{", 1, &b) < 0 ? -1 : 0;
    }
    if (!wrapper) {
        if (handle_record(st, input_data(ctx->in), off, js->line, MODE_EVENT) < 0)
            return -1;
    }
    jst_consume(js, off);
    return 0;
}

int ct_parse(struct parse_ctx *ctx)
{
    struct ct_state st = {0};
    jst_init(&st.js, ctx);
    st.js.strict_span = true;
    if (ctx->file_time == TS_NONE)
        ctx->file_time = ct_delivery_time(ctx->path);
    st.jfp = jf_plan_new(ctx->plan, ct_meta, N_META);
    st.jf = st.jfp ? jf_scanner_new(st.jfp) : NULL;
    int rc = 0;
    /* a read error is reported where it is met and ends the loop */
    while (rc == 0 && jst_next_value(&st.js) > 0) {
        const char c = input_data(ctx->in)[0];
        if (c == '[') {
            jst_consume(&st.js, 1);
            rc = read_array(&st, MODE_EVENT, true);
        } else if (c == '{') {
            rc = read_object(&st);
        } else {
            char what[16];
            diag_add(ctx->diags, DIAG_ERROR, st.js.line,
                     "not CloudTrail JSON: expected '{' or '[', found %s",
                     diag_char((unsigned char)c, what));
            rc = jst_skip_record(&st.js, 0);
        }
    }
    jf_scanner_free(st.jf);
    jf_plan_free(st.jfp);
    sb_free(&st.scratch);
    /* A read error was reported as a diagnostic and ends the input like its
     * end would: what was read before it still counts (parser.h: -1 only
     * when a flush asked to stop). */
    return ctx->stopped ? -1 : 0;
}
