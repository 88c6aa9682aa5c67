/*
 * jsonl.c — JSON lines of any objects (docs/language.md#inputs): one object per
 * line, as most structured loggers write them. Also read: pretty-printed
 * objects back to back, several objects on one line, and a top-level array
 * of objects (exporters write all of these).
 *
 * Lines are read one by one and a value is collected until its brackets
 * balance (an incremental scan over each new line keeps this linear). A
 * JSON line that is cut short would otherwise swallow the lines after it,
 * so an object still open when a line starts with '{' or '[' in column 0
 * is reported as broken and reading resumes at that line: every bad line
 * is reported with its number and the rest are kept. A value longer than
 * INPUT_MAX_SPAN is reported when it grows past it and then followed to
 * its end without being kept; after a line too long to read (whose
 * brackets are unknown), reading resumes at the next line that starts
 * with '{' or '['. In a top-level array each element is a record of its
 * own: a broken one is walked past by jsonscan.h's resynchronisation rules
 * and the next one read.
 *
 * Per record: @timestamp = the first of @timestamp, timestamp, time,
 * eventTime, ts that parses (ISO-8601, or epoch seconds / milliseconds as a
 * number or a string of digits: values below 10^11 are seconds); none is
 * missing. @message = the object's JSON, compacted, keys in their original
 * order (as for CloudTrail); @ptr = the record's number; fields as
 * flatten.h.
 *
 * As in cloudtrail.c, each record is scanned without a DOM by jsonfields.h
 * (only the fields the query reads, or every field for --fields, --db and
 * the REPL), which yields exactly the fields flatten_json would and
 * accepts exactly the texts jansson does; the time keys come back from the
 * same scan. A record the scanner leaves to jansson (JF_NEED_DOM), and an
 * invalid one (for jansson's message), goes through jansson + flatten.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/timeval.h"
#include "parsers/flatten.h"
#include "parsers/jsonfields.h"
#include "parsers/jsonscan.h"
#include "parsers/jsonstream.h"
#include "parsers/lambda.h"
#include "parsers/lines.h"
#include "parsers/jsontime.h"
#include "parsers/reader.h"

struct jsonl_state {
    struct parse_ctx *ctx;
    struct strbuf value;   /* the value being collected */
    long value_line;       /* its first line; 0 when none is open */
    bool value_obj;        /* it is an object (else an array) */
    bool discarding;       /* it is too long: followed, not kept (value empty) */
    bool lost;             /* after a line too long to read: wait for a line
                              that starts with '{' or '[' */
    bool lost_reported;    /* ... and the lines dropped meanwhile were reported */
    size_t scanned;        /* bytes of value already scanned */
    int64_t depth;         /* bracket depth at `scanned` */
    bool in_str, esc;      /* inside a string / after a backslash in one */
    struct strbuf scratch; /* compacted @message */
    struct jf_plan *jfp;   /* fast field scanner for the plan */
    struct jf_scanner *jf;
    bool lambda;           /* the plan reads a field of Lambda's JSON format */
};

/* The time keys, in order of preference (jsontime_of_object's), asked of
 * the field scanner as meta keys. */
static const char *const *const jsonl_time_keys = jsontime_keys;
enum { N_TIME_KEYS = JSONTIME_N_KEYS };

/* ---- records ---- */

/* The rest of a record the field scanner has opened (jst_scan_object):
 * its time from the meta keys m, then kept or dropped. Returns 0, or -1
 * to stop. */
static int scanned_record(struct jsonl_state *st, const char *p, size_t n,
                          const struct jf_value *m)
{
    struct parse_ctx *ctx = st->ctx;
    struct rec_batch *b = ctx->batch;
    int64_t ts = TS_NONE;
    for (int k = 0; k < N_TIME_KEYS && ts == TS_NONE; k++)
        ts = jsontime_scanned(&m[k]);
    if (!plan_in_range(ctx->plan, ts)) {
        rb_abort(b);
        return 0;
    }
    rb_set_ts(b, ts);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        jst_set_message(b, &st->scratch, p, n);
    return parse_emit(ctx);
}

static int record(struct jsonl_state *st, const char *p, size_t n, long line)
{
    struct parse_ctx *ctx = st->ctx;
    int64_t seq = ++ctx->n_seen;
    if (!plan_may_match(ctx->plan, p, n))
        return 0;
    /* Lambda's JSON log format needs the record's DOM for its @ fields */
    bool lambda = st->lambda && lambda_json_maybe(p, n);
    enum jst_scan scan = lambda ? JST_SCAN_DOM : jst_scan_object(ctx, st->jf, p, n, line, seq);
    if (scan != JST_SCAN_DOM)
        return scan == JST_SCAN_OPEN ? scanned_record(st, p, n, jf_meta(st->jf)) : 0;
    json_t *obj = jst_load(ctx, p, n, line, seq);
    if (!obj)
        return 0;
    int rc = 0;
    if (!json_is_object(obj)) {
        diag_add(ctx->diags, DIAG_ERROR, line, "record %lld: not a JSON object", (long long)seq);
        ctx->diags->records_skipped++;
        goto out;
    }
    int64_t ts = jsontime_of_object(obj);
    if (!plan_in_range(ctx->plan, ts))
        goto out;
    struct rec_batch *b = ctx->batch;
    rb_begin(b, seq);
    rb_set_ts(b, ts);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        jst_set_message(b, &st->scratch, p, n);
    flatten_json(b, obj, NULL, ctx->plan);
    if (lambda)
        lambda_add_json_fields(b, obj, ctx->plan);
    rc = parse_emit(ctx);
out:
    json_decref(obj);
    return rc;
}

/* A broken element of a top-level array at p[0..n), line `line` (and
 * record number ++n_seen): report it, count it, and return its length by
 * the resynchronisation rules (jsonscan.h). */
static size_t broken_element(struct jsonl_state *st, const char *p, size_t n, long line)
{
    struct parse_ctx *ctx = st->ctx;
    size_t used = 1;
    const char *why = "unexpected character";
    long at = line;
    if (p[0] == '{' || p[0] == '[' || p[0] == '"') {
        struct js_resync rs;
        js_resync_init(&rs, NULL, 0);
        if (!js_resync_walk(&rs, p, n, &used))
            used = n;
        why = rs.why ? rs.why : "the text ends inside this value";
        at = line + (long)rs.why_lines;
    }
    ctx->n_seen++;
    diag_add(ctx->diags, DIAG_ERROR, at, "record %lld: invalid JSON: %s",
             (long long)ctx->n_seen, why);
    ctx->diags->records_skipped++;
    return used;
}

/* A complete value p[0..n) starting on line `line`: an object, or an
 * array whose elements are records. */
static int value(struct jsonl_state *st, const char *p, size_t n, long line)
{
    if (p[0] == '{')
        return record(st, p, n, line);
    size_t i = 1;
    bool after = false, stray_reported = false;
    for (;;) {
        i = js_skip_ws(p, n, i);
        if (i >= n || p[i] == ']')
            return 0;
        char c = p[i];
        long at = line + (long)js_count_lines(p, i);
        if (c == ',') {
            i++;
            after = false;
            continue;
        }
        if (after && c != '{' && c != '[') {
            /* stray bytes after an element */
            if (!stray_reported) {
                char what[16];
                diag_add(st->ctx->diags, DIAG_ERROR, at,
                         "invalid JSON: expected ',' or ']' after record %lld, found %s",
                         (long long)st->ctx->n_seen, diag_char((unsigned char)c, what));
                stray_reported = true;
            }
            i++;
            continue;
        }
        size_t e;
        const char *why = NULL;
        if (js_value_end(p + i, n - i, &e, &why) == JS_OK) {
            if (record(st, p + i, e, at) < 0)
                return -1;
        } else {
            e = broken_element(st, p + i, n - i, at);
        }
        i += e;
        after = true;
        stray_reported = false;
    }
}

/* ---- collecting values ---- */

static void drop_value(struct jsonl_state *st)
{
    sb_reset(&st->value);
    st->value_line = 0;
    st->discarding = false;
    st->scanned = 0;
    st->depth = 0;
    st->in_str = st->esc = false;
}

static void broken(struct jsonl_state *st, const char *why)
{
    struct parse_ctx *ctx = st->ctx;
    ctx->n_seen++;
    diag_add(ctx->diags, DIAG_ERROR, st->value_line, "record %lld: invalid JSON: %s",
             (long long)ctx->n_seen, why);
    ctx->diags->records_skipped++;
    drop_value(st);
}

/* The open value's value is too long: report it as a skipped record and
 * follow it without keeping it. */
static void too_long(struct jsonl_state *st)
{
    struct parse_ctx *ctx = st->ctx;
    ctx->n_seen++;
    diag_add(ctx->diags, DIAG_ERROR, st->value_line, "record %lld: longer than %zu MiB",
             (long long)ctx->n_seen, INPUT_MAX_SPAN >> 20);
    ctx->diags->records_skipped++;
    sb_reset(&st->value);
    st->scanned = 0;
    st->discarding = true;
}

/* Scan p[from..n) with the open value's state. Returns the offset just
 * past the value when it completes there, 0 while it stays open,
 * (size_t)-1 on a stray closing bracket. */
static size_t scan_bytes(struct jsonl_state *st, const char *p, size_t from, size_t n)
{
    for (size_t i = from; i < n; i++) {
        char c = p[i];
        if (st->in_str) {
            if (st->esc)
                st->esc = false;
            else if (c == '\\')
                st->esc = true;
            else if (c == '"')
                st->in_str = false;
            continue;
        }
        if (c == '"') {
            st->in_str = true;
        } else if (c == '{' || c == '[') {
            st->depth++;
        } else if (c == '}' || c == ']') {
            if (--st->depth == 0)
                return i + 1;
            if (st->depth < 0)
                return (size_t)-1;
        }
    }
    return 0;
}

/* Scan the new bytes of the collected value (scan_bytes). */
static size_t scan(struct jsonl_state *st)
{
    size_t e = scan_bytes(st, st->value.buf, st->scanned, st->value.len);
    st->scanned = e && e != (size_t)-1 ? e : st->value.len;
    return e;
}

/* A line too long to read (lines.h): part of the open value, which is then
 * too long itself, or a record of its own. Its brackets are unknown, so
 * what follows is read from the next line that starts a value. */
static void jsonl_skip(void *arg, long line)
{
    struct jsonl_state *st = arg;
    struct parse_ctx *ctx = st->ctx;
    if (st->value_line) {
        if (!st->discarding)
            too_long(st);
        drop_value(st);
    } else {
        ctx->n_seen++;
        diag_add(ctx->diags, DIAG_ERROR, line, "record %lld: longer than %zu MiB",
                 (long long)ctx->n_seen, INPUT_MAX_SPAN >> 20);
        ctx->diags->records_skipped++;
    }
    st->lost = true;
    st->lost_reported = false;
}

/* Start values in text[0..len) (line `line`), or continue the open one. */
static int jsonl_line(void *arg, const char *text, size_t len, long line)
{
    struct jsonl_state *st = arg;
    struct parse_ctx *ctx = st->ctx;
    if (st->lost) {
        if (text[0] != '{' && text[0] != '[') {
            /* the rest of a value whose start was too long to read */
            if (!st->lost_reported)
                diag_add(ctx->diags, DIAG_ERROR, line,
                         "invalid JSON: lines dropped up to the next one that starts with "
                         "'{' or '[' (they may end record %lld, which was too long)",
                         (long long)ctx->n_seen);
            st->lost_reported = true;
            return 0;
        }
        st->lost = false;
    }
    if (st->value_line && st->value_obj && (text[0] == '{' || text[0] == '[')) {
        if (st->discarding)
            drop_value(st); /* already reported */
        else
            broken(st, "the object is not closed before the next line that starts one");
    }
    if (st->value_line && st->discarding) {
        size_t end = scan_bytes(st, text, 0, len);
        if (end == 0)
            return 0;
        drop_value(st);
        if (end == (size_t)-1)
            return 0;
        /* what follows the dropped value on this line */
        size_t i = js_skip_ws(text, len, end);
        if (i == len)
            return 0;
        return jsonl_line(arg, text + i, len - i, line);
    }
    if (st->value_line) {
        sb_putc(&st->value, '\n');
        sb_append(&st->value, text, len);
    }
    if (!st->value_line) {
        size_t i = js_skip_ws(text, len, 0);
        if (i == len)
            return 0;
        if (text[i] != '{' && text[i] != '[') {
            ctx->n_seen++;
            char what[16];
            diag_add(ctx->diags, DIAG_ERROR, line,
                     "record %lld: not JSON: expected '{' or '[', found %s",
                     (long long)ctx->n_seen, diag_char((unsigned char)text[i], what));
            ctx->diags->records_skipped++;
            return 0;
        }
        sb_append(&st->value, text + i, len - i);
        st->value_line = line;
        st->value_obj = text[i] == '{';
    }
    /* complete values, possibly several on this line */
    for (;;) {
        size_t end = scan(st);
        if (end == 0) {
            if (st->value.len > INPUT_MAX_SPAN)
                too_long(st);
            return 0;
        }
        if (end == (size_t)-1) {
            broken(st, "unbalanced closing bracket");
            return 0;
        }
        long vline = st->value_line;
        long end_line = vline + (long)js_count_lines(st->value.buf, end);
        if (value(st, st->value.buf, end, vline) < 0)
            return -1;
        /* what follows on the value's last line */
        size_t i = js_skip_ws(st->value.buf, st->value.len, end);
        if (i == st->value.len) {
            drop_value(st);
            return 0;
        }
        char c = st->value.buf[i];
        if (c != '{' && c != '[') {
            ctx->n_seen++;
            char what[16];
            diag_add(ctx->diags, DIAG_ERROR, end_line,
                     "record %lld: not JSON: expected '{' or '[', found %s",
                     (long long)ctx->n_seen, diag_char((unsigned char)c, what));
            ctx->diags->records_skipped++;
            drop_value(st);
            return 0;
        }
        size_t rest = st->value.len - i;
        st->value_obj = c == '{';
        memmove(st->value.buf, st->value.buf + i, rest);
        sb_truncate(&st->value, rest);
        st->value_line = end_line;
        st->scanned = 0;
        st->depth = 0;
        st->in_str = st->esc = false;
    }
}

static bool every_line(void *arg, const char *line, size_t len)
{
    return true;
}

int jsonl_parse(struct parse_ctx *ctx)
{
    struct jsonl_state st = {.ctx = ctx};
    st.jfp = jf_plan_new(ctx->plan, jsonl_time_keys, N_TIME_KEYS);
    st.lambda = lambda_json_planned(ctx->plan);
    st.jf = jf_scanner_new(st.jfp);
    int rc = lines_read_ex(ctx, every_line, jsonl_line, jsonl_skip, &st);
    if (rc == 0 && st.value_line && !st.discarding)
        broken(&st, "the input ends inside this value");
    jf_scanner_free(st.jf);
    jf_plan_free(st.jfp);
    sb_free(&st.value);
    sb_free(&st.scratch);
    return rc;
}
