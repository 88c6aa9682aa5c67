/*
 * lambda.c — Lambda log lines: the line parser, the fields Insights derives
 * from it, and the reader for files of Lambda log text (see lambda.h).
 *
 * Platform lines are read as words (split at tabs, spaces, newlines and the
 * literal escapes "\t", "\n"), and the REPORT metrics are found by their
 * labels, longest label first, so "Billed Duration:" is never taken for
 * "Duration:" and the order of the items does not matter.
 */
#include "parsers/lambda.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/flatten.h"
#include "parsers/jsonscan.h"
#include "parsers/jsontime.h"
#include "parsers/lines.h"
#include "parsers/reader.h"
#include "parsers/textts.h"

#include "base/chars.h"
#include "base/jsondom.h"
#include "base/timeval.h"

/* ---- words ---- */

enum { MAX_WORDS = 64 };

struct word {
    const char *p; /* first byte */
    size_t n;      /* length */
};

/* Length of the separator at s[i] (0 if none): a tab, space, CR or LF, or a
 * literal backslash-t / backslash-n / backslash-r. */
static size_t sep_len(const char *s, size_t n, size_t i)
{
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return 1;
    if (c == '\\' && i + 1 < n && (s[i + 1] == 't' || s[i + 1] == 'n' || s[i + 1] == 'r'))
        return 2;
    return 0;
}

static size_t split_words(const char *s, size_t n, struct word *w, size_t max)
{
    size_t nw = 0, i = 0;
    while (i < n && nw < max) {
        size_t k;
        while (i < n && (k = sep_len(s, n, i)) > 0)
            i += k;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && sep_len(s, n, i) == 0)
            i++;
        w[nw++] = (struct word){s + start, i - start};
    }
    return nw;
}

static bool word_is(const struct word *w, const char *text)
{
    size_t k = strlen(text);
    return w->n == k && memcmp(w->p, text, k) == 0;
}

/* A whole word as a finite, non-negative number. */
static bool word_number(const struct word *w, double *out)
{
    char buf[40];
    if (w->n == 0 || w->n >= sizeof buf)
        return false;
    memcpy(buf, w->p, w->n);
    buf[w->n] = '\0';
    if (!ch_is_digit(buf[0]))
        return false;
    char *end;
    double v = strtod(buf, &end);
    if (*end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* ---- platform lines ---- */

enum metric { M_IGNORE, M_DURATION, M_BILLED, M_INIT, M_MEMSIZE, M_MAXMEM, M_TRACE, M_SEGMENT };

/* REPORT labels, longest first where one ends another. */
static const struct {
    const char *words[3]; /* the label's words */
    int n_words;          /* how many */
    enum metric m;        /* what its value is */
} labels[] = {
    {{"Billed", "Restore", "Duration:"}, 3, M_IGNORE},
    {{"Restore", "Duration:"}, 2, M_IGNORE},
    {{"Billed", "Duration:"}, 2, M_BILLED},
    {{"Init", "Duration:"}, 2, M_INIT},
    {{"Max", "Memory", "Used:"}, 3, M_MAXMEM},
    {{"Memory", "Size:"}, 2, M_MEMSIZE},
    {{"Duration:"}, 1, M_DURATION},
    {{"XRAY", "TraceId:"}, 2, M_TRACE},
    {{"SegmentId:"}, 1, M_SEGMENT},
};

static void set_metric(struct lambda_line *ll, enum metric m, const struct word *v)
{
    double x;
    switch (m) {
    case M_TRACE:
        ll->xray_trace_id = v->p;
        ll->xray_trace_id_len = v->n;
        return;
    case M_SEGMENT:
        ll->xray_segment_id = v->p;
        ll->xray_segment_id_len = v->n;
        return;
    case M_IGNORE:
        return;
    default:
        break;
    }
    if (!word_number(v, &x))
        return;
    switch (m) {
    case M_DURATION:
        ll->has_duration = true;
        ll->duration = x;
        break;
    case M_BILLED:
        ll->has_billed = true;
        ll->billed_duration = x;
        break;
    case M_INIT:
        ll->has_init = true;
        ll->init_duration = x;
        break;
    case M_MEMSIZE:
        ll->has_memory_size = true;
        ll->memory_size = llround(x * 1e6);
        break;
    case M_MAXMEM:
        ll->has_max_memory = true;
        ll->max_memory_used = llround(x * 1e6);
        break;
    default:
        break;
    }
}

static void parse_report(struct lambda_line *ll, const struct word *w, size_t nw)
{
    size_t i = 0;
    while (i < nw) {
        size_t k;
        for (k = 0; k < sizeof labels / sizeof *labels; k++) {
            int lw = labels[k].n_words;
            if (i + (size_t)lw >= nw)
                continue;
            int j = 0;
            while (j < lw && word_is(&w[i + j], labels[k].words[j]))
                j++;
            if (j == lw)
                break;
        }
        if (k == sizeof labels / sizeof *labels) {
            i++;
            continue;
        }
        set_metric(ll, labels[k].m, &w[i + labels[k].n_words]);
        i += (size_t)labels[k].n_words + 1;
        if (i < nw && (word_is(&w[i], "ms") || word_is(&w[i], "MB")))
            i++;
    }
}

/* "START RequestId: ...", "END RequestId: ...", "REPORT RequestId: ..." */
static bool parse_platform(const char *s, size_t n, struct lambda_line *ll)
{
    static const struct {
        const char *prefix;
        enum lambda_kind kind;
    } kinds[] = {
        {"START RequestId:", LAMBDA_START},
        {"END RequestId:", LAMBDA_END},
        {"REPORT RequestId:", LAMBDA_REPORT},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t pl = strlen(kinds[k].prefix);
        if (n <= pl || memcmp(s, kinds[k].prefix, pl) != 0 || sep_len(s, n, pl) == 0)
            continue;
        struct word w[MAX_WORDS];
        size_t nw = split_words(s + pl, n - pl, w, MAX_WORDS);
        if (nw == 0)
            return false;
        ll->kind = kinds[k].kind;
        ll->request_id = w[0].p;
        ll->request_id_len = w[0].n;
        ll->body = NULL;
        ll->body_len = 0;
        if (ll->kind == LAMBDA_REPORT)
            parse_report(ll, w + 1, nw - 1);
        return true;
    }
    return false;
}

/* ---- application lines ---- */

bool lambda_is_uuid(const char *s, size_t n)
{
    if (n != 36)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!ch_is_xdigit(c)) {
            return false;
        }
    }
    return true;
}

/* End of the token at s[i] (up to a separator). */
static size_t token_end(const char *s, size_t n, size_t i)
{
    while (i < n && sep_len(s, n, i) == 0)
        i++;
    return i;
}

/* A tab (real or the literal escape) at s[i]: its length, else 0. */
static size_t tab_len(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '\t')
        return 1;
    if (i + 1 < n && s[i] == '\\' && s[i + 1] == 't')
        return 2;
    return 0;
}

static bool is_level(const char *s, size_t n)
{
    static const char *const levels[] = {"INFO", "WARN", "WARNING", "ERROR", "DEBUG", "TRACE",
                                         "FATAL"};
    for (size_t k = 0; k < sizeof levels / sizeof *levels; k++)
        if (strlen(levels[k]) == n && memcmp(s, levels[k], n) == 0)
            return true;
    return false;
}

/* "[LEVEL]\t" (Python) at s[0]: its length with the tab, else 0. */
static size_t python_level(const char *s, size_t n)
{
    if (n < 4 || s[0] != '[')
        return 0;
    size_t i = 1;
    while (i < n && i < 10 && ch_is_upper(s[i]))
        i++;
    if (i == 1 || i >= n || s[i] != ']')
        return 0;
    size_t t = tab_len(s, n, i + 1);
    return t ? i + 1 + t : 0;
}

/* "<ISO time> <uuid> [LEVEL] <message>" with tab or space separators;
 * also "RequestId: <id> <message>" (runtime errors). */
static bool parse_app(const char *s, size_t n, struct lambda_line *ll)
{
    if (n > 11 && memcmp(s, "RequestId:", 10) == 0 && sep_len(s, n, 10)) {
        size_t a = 10 + sep_len(s, n, 10), e = token_end(s, n, a);
        if (e == a)
            return false;
        ll->kind = LAMBDA_APP;
        ll->request_id = s + a;
        ll->request_id_len = e - a;
        ll->body = s + e;
        ll->body_len = n - e;
        return true;
    }
    size_t i = python_level(s, n);
    size_t te = token_end(s, n, i);
    int64_t ts;
    if (te == i || te >= n || !tv_parse_iso8601(s + i, te - i, &ts))
        return false;
    size_t a = te + sep_len(s, n, te);
    size_t e = token_end(s, n, a);
    if (!lambda_is_uuid(s + a, e - a))
        return false;
    size_t body = e;
    if (body < n)
        body += sep_len(s, n, body);
    if (i == 0) {
        size_t le = token_end(s, n, body);
        if (le > body && le < n && is_level(s + body, le - body))
            body = le + sep_len(s, n, le);
    }
    ll->kind = LAMBDA_APP;
    ll->ts = ts;
    ll->request_id = s + a;
    ll->request_id_len = e - a;
    ll->body = s + body;
    ll->body_len = n - body;
    return true;
}

bool lambda_parse_line(const char *s, size_t n, struct lambda_line *out)
{
    *out = (struct lambda_line){.kind = LAMBDA_NONE, .ts = TS_NONE, .body = s, .body_len = n};
    if (parse_platform(s, n, out) || parse_app(s, n, out))
        return true;
    *out = (struct lambda_line){.kind = LAMBDA_NONE, .ts = TS_NONE, .body = s, .body_len = n};
    return false;
}

/* ---- fields ---- */

static bool wants(const struct ingest_plan *plan, const char *name)
{
    return plan_wants_field(plan, name, strlen(name));
}

static void add_str(struct rec_batch *b, const struct ingest_plan *plan, const char *name,
                    const char *v, size_t n)
{
    if (v && wants(plan, name))
        rb_add_str(b, name, strlen(name), v, n);
}

static void add_real(struct rec_batch *b, const struct ingest_plan *plan, const char *name,
                     bool has, double v)
{
    if (has && wants(plan, name))
        rb_add_real(b, name, strlen(name), v);
}

static void add_int(struct rec_batch *b, const struct ingest_plan *plan, const char *name,
                    bool has, int64_t v)
{
    if (has && wants(plan, name))
        rb_add_int(b, name, strlen(name), v);
}

bool lambda_add_json_fragment(struct rec_batch *b, const char *s, size_t n,
                              const struct ingest_plan *plan)
{
    size_t at;
    json_t *v = jdom_first_object(s, n, &at);
    if (!v)
        return false;
    flatten_json(b, v, NULL, plan);
    if (at == 0)
        lambda_add_json_fields(b, v, plan); /* a JSON-format line */
    json_decref(v);
    return true;
}

void lambda_add_fields(struct rec_batch *b, const struct lambda_line *ll,
                       const struct ingest_plan *plan)
{
    static const char *const type_names[] = {
        [LAMBDA_START] = "START", [LAMBDA_END] = "END", [LAMBDA_REPORT] = "REPORT"};
    if (ll->kind == LAMBDA_START || ll->kind == LAMBDA_END || ll->kind == LAMBDA_REPORT)
        add_str(b, plan, "@type", type_names[ll->kind], strlen(type_names[ll->kind]));
    add_str(b, plan, "@requestId", ll->request_id, ll->request_id_len);
    add_real(b, plan, "@duration", ll->has_duration, ll->duration);
    add_real(b, plan, "@billedDuration", ll->has_billed, ll->billed_duration);
    add_real(b, plan, "@initDuration", ll->has_init, ll->init_duration);
    add_int(b, plan, "@memorySize", ll->has_memory_size, ll->memory_size);
    add_int(b, plan, "@maxMemoryUsed", ll->has_max_memory, ll->max_memory_used);
    add_str(b, plan, "@xrayTraceId", ll->xray_trace_id, ll->xray_trace_id_len);
    add_str(b, plan, "@xraySegmentId", ll->xray_segment_id, ll->xray_segment_id_len);
    if (ll->body && ll->body_len)
        lambda_add_json_fragment(b, ll->body, ll->body_len, plan);
}

/* ---- the JSON log format ---- */

static const char *const json_fields[] = {"@type", "@requestId", "@duration", "@billedDuration",
                                          "@initDuration", "@memorySize", "@maxMemoryUsed",
                                          "@xrayTraceId", "@xraySegmentId"};

bool lambda_json_planned(const struct ingest_plan *plan)
{
    for (size_t k = 0; k < sizeof json_fields / sizeof *json_fields; k++)
        if (wants(plan, json_fields[k]))
            return true;
    return false;
}

bool lambda_json_maybe(const char *p, size_t n)
{
    /* "platform. for the platform records; requestId" / AWSRequestId" */
    return memmem(p, n, "\"platform.", 10) || memmem(p, n, "equestId\"", 9);
}

static const char *json_str(json_t *obj, const char *key, size_t *len)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        return NULL;
    *len = json_string_length(v);
    return json_string_value(v);
}

static bool json_num(json_t *obj, const char *key, double *out)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_number(v))
        return false;
    *out = json_number_value(v);
    return isfinite(*out) && *out >= 0;
}

/* "Root=1-...;Parent=...;Sampled=1": the value of key= in it. */
static const char *trace_part(const char *s, size_t n, const char *key, size_t *len)
{
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl <= n;) {
        size_t e = i;
        while (e < n && s[e] != ';')
            e++;
        if (e - i > kl && memcmp(s + i, key, kl) == 0) {
            *len = e - i - kl;
            return s + i + kl;
        }
        i = e + 1;
    }
    return NULL;
}

bool lambda_add_json_fields(struct rec_batch *b, json_t *obj, const struct ingest_plan *plan)
{
    struct lambda_line ll = {.kind = LAMBDA_NONE, .ts = TS_NONE};
    size_t tl;
    const char *type = json_str(obj, "type", &tl);
    json_t *rec = json_object_get(obj, "record");
    if (type && tl > 9 && memcmp(type, "platform.", 9) == 0 && json_is_object(rec)) {
        const char *t = type + 9;
        ll.kind = strcmp(t, "start") == 0         ? LAMBDA_START
                  : strcmp(t, "runtimeDone") == 0 ? LAMBDA_END
                  : strcmp(t, "report") == 0      ? LAMBDA_REPORT
                                                  : LAMBDA_NONE;
        if (ll.kind == LAMBDA_NONE)
            return true;
        ll.request_id = json_str(rec, "requestId", &ll.request_id_len);
        json_t *m = json_object_get(rec, "metrics");
        if (ll.kind == LAMBDA_REPORT && json_is_object(m)) {
            double x;
            ll.has_duration = json_num(m, "durationMs", &ll.duration);
            ll.has_billed = json_num(m, "billedDurationMs", &ll.billed_duration);
            ll.has_init = json_num(m, "initDurationMs", &ll.init_duration);
            if ((ll.has_memory_size = json_num(m, "memorySizeMB", &x)))
                ll.memory_size = llround(x * 1e6);
            if ((ll.has_max_memory = json_num(m, "maxMemoryUsedMB", &x)))
                ll.max_memory_used = llround(x * 1e6);
        }
        json_t *tr = json_object_get(rec, "tracing");
        size_t vl;
        const char *v = ll.kind == LAMBDA_REPORT && json_is_object(tr) ? json_str(tr, "value", &vl)
                                                                       : NULL;
        if (v) {
            ll.xray_trace_id = trace_part(v, vl, "Root=", &ll.xray_trace_id_len);
            ll.xray_segment_id = json_str(tr, "spanId", &ll.xray_segment_id_len);
            if (!ll.xray_segment_id)
                ll.xray_segment_id = trace_part(v, vl, "Parent=", &ll.xray_segment_id_len);
        }
        lambda_add_fields(b, &ll, plan);
        return true;
    }
    if (!json_is_string(json_object_get(obj, "level")))
        return false;
    ll.request_id = json_str(obj, "requestId", &ll.request_id_len);
    if (!ll.request_id)
        ll.request_id = json_str(obj, "AWSRequestId", &ll.request_id_len);
    if (!ll.request_id)
        return false;
    ll.kind = LAMBDA_APP;
    lambda_add_fields(b, &ll, plan);
    return true;
}

/* ---- the reader for Lambda text files ---- */

struct lambda_state {
    struct parse_ctx *ctx;
    int64_t ref_ms;  /* the file time: supplies missing years */
    int64_t last_ts; /* the previous event's time (inherited by lines without one) */
};

/* The time of a line that is a JSON object with a time key, or TS_NONE. */
static int64_t json_line_time(const char *s, size_t n)
{
    size_t i = js_skip_ws(s, n, 0);
    if (i >= n || s[i] != '{')
        return TS_NONE;
    json_t *v = jdom_load(s + i, n - i, 0, NULL);
    int64_t ts = json_is_object(v) ? jsontime_of_object(v) : TS_NONE;
    json_decref(v);
    return ts;
}

static int lambda_event(void *arg, const char *text, size_t len, long line)
{
    struct lambda_state *st = arg;
    struct parse_ctx *ctx = st->ctx;
    struct lambda_line ll;
    lambda_parse_line(text, len, &ll);
    int64_t ts = ll.ts;
    if (ts == TS_NONE && !textts_scan(text, len, st->ref_ms, &ts)) {
        ts = json_line_time(text, len);
        if (ts == TS_NONE)
            ts = st->last_ts;
    }
    st->last_ts = ts;
    ctx->n_seen++;
    if (!lines_begin_record(ctx, line, ts, text, len))
        return 0;
    lambda_add_fields(ctx->batch, &ll, ctx->plan);
    return parse_emit(ctx);
}

int lambda_parse(struct parse_ctx *ctx)
{
    struct lambda_state st = {.ctx = ctx, .ref_ms = lines_ref_time(ctx)};
    st.last_ts = st.ref_ms;
    return lines_read(ctx, lines_unindented, lambda_event, &st);
}
