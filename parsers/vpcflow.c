/*
 * vpcflow.c — VPC flow log records to fields (see vpcflow.h).
 *
 * A layout is a list of columns (field name, integer or text) taken from
 * the header line, or the version 2 default. Lines are split at runs of
 * spaces or tabs; a record with a different number of values than its
 * layout is reported and skipped.
 */
#include "parsers/vpcflow.h"

#include <stdlib.h>
#include <string.h>

#include "base/chars.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "parsers/lines.h"
#include "parsers/reader.h"

enum { VPC_MAX_COLS = 128 };

struct vpc_col {
    const char *name; /* field name (camelCase) */
    bool owned;       /* name was allocated (free it) */
    bool integer; /* values are integers */
    bool is_start; /* the start column (@timestamp) */
};

struct vpc_layout {
    struct vpc_col cols[VPC_MAX_COLS]; /* the columns in order */
    size_t n_cols;                     /* how many */
    int start_col;                     /* index of the start column, -1 if none */
    long header_line;                  /* line of the header that named them, 0: default */
};

struct tok {
    const char *p; /* first byte */
    size_t n;      /* length */
};

/* The version 2 names that do not follow the kebab-to-camel rule, and the
 * integer columns. */
static const struct {
    const char *header; /* as in a header line */
    const char *field;  /* the field name */
} special_names[] = {
    {"srcaddr", "srcAddr"}, {"dstaddr", "dstAddr"}, {"srcport", "srcPort"},
    {"dstport", "dstPort"},
};

static const char *const integer_cols[] = {
    "version", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end",
    "tcp-flags", "traffic-path", "packets-lost-no-route", "packets-lost-blackhole",
    "packets-lost-mtu-exceeded", "packets-lost-ttl-expired",
};

/* Field names every flow log version defines (v2-v8 and Transit Gateway),
 * for recognising header lines. */
static const char *const known_cols[] = {
    "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
    "protocol", "packets", "bytes", "start", "end", "action", "log-status", "vpc-id",
    "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr", "region",
    "az-id", "sublocation-type", "sublocation-id", "pkt-src-aws-service",
    "pkt-dst-aws-service", "flow-direction", "traffic-path", "tgw-id", "tgw-attachment-id",
    "reject-reason", "resource-type",
};

enum { DEFAULT_COLS = 14 };

#define COUNT(a) (sizeof(a) / sizeof *(a))

static bool tok_is(const struct tok *t, const char *s)
{
    size_t k = strlen(s);
    return t->n == k && memcmp(t->p, s, k) == 0;
}

static bool in_list(const struct tok *t, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tok_is(t, list[i]))
            return true;
    return false;
}

static size_t split(const char *s, size_t n, struct tok *t, size_t max)
{
    size_t nt = 0, i = 0;
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            return nt;
        size_t start = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (nt == max)
            return max + 1; /* too many */
        t[nt++] = (struct tok){s + start, i - start};
    }
}

static bool all_digits(const struct tok *t)
{
    if (t->n == 0 || t->n > 18)
        return false;
    for (size_t i = 0; i < t->n; i++)
        if (t->p[i] < '0' || t->p[i] > '9')
            return false;
    return true;
}

static int64_t tok_int(const struct tok *t)
{
    int64_t v = 0;
    for (size_t i = 0; i < t->n; i++)
        v = v * 10 + (t->p[i] - '0');
    return v;
}

/* ---- shapes ---- */

static bool default_shape(const struct tok *t)
{
    static const int numeric[] = {5, 6, 7, 8, 9, 10, 11};
    if (!tok_is(&t[0], "2"))
        return false;
    if (!(t[1].n && (tok_is(&t[1], "-") || all_digits(&t[1]))))
        return false;
    if (!(tok_is(&t[2], "-") || (t[2].n > 4 && memcmp(t[2].p, "eni-", 4) == 0)))
        return false;
    for (size_t i = 0; i < COUNT(numeric); i++)
        if (!tok_is(&t[numeric[i]], "-") && !all_digits(&t[numeric[i]]))
            return false;
    if (!tok_is(&t[12], "ACCEPT") && !tok_is(&t[12], "REJECT") && !tok_is(&t[12], "-"))
        return false;
    return tok_is(&t[13], "OK") || tok_is(&t[13], "NODATA") || tok_is(&t[13], "SKIPDATA");
}

bool vpc_is_default_record(const char *line, size_t n)
{
    struct tok t[DEFAULT_COLS];
    return split(line, n, t, DEFAULT_COLS) == DEFAULT_COLS && default_shape(t);
}

static bool header_name(const struct tok *t)
{
    if (t->n == 0 || !ch_is_lower(t->p[0]))
        return false;
    for (size_t i = 0; i < t->n; i++) {
        char c = t->p[i];
        if (!(ch_is_lower(c) || ch_is_digit(c) || c == '-'))
            return false;
    }
    return true;
}

bool vpc_is_header(const char *line, size_t n)
{
    struct tok t[VPC_MAX_COLS];
    size_t nt = split(line, n, t, VPC_MAX_COLS);
    if (nt < 2 || nt > VPC_MAX_COLS)
        return false;
    size_t known = 0;
    for (size_t i = 0; i < nt; i++) {
        if (!header_name(&t[i]))
            return false;
        known += in_list(&t[i], known_cols, COUNT(known_cols));
    }
    return known >= 2;
}

/* ---- layouts ---- */

/* The field name of a header name: special v2 names, else kebab -> camel. */
static char *field_name(const struct tok *t)
{
    for (size_t i = 0; i < COUNT(special_names); i++)
        if (tok_is(t, special_names[i].header))
            return xstrdup(special_names[i].field);
    struct strbuf sb = STRBUF_INIT;
    bool up = false;
    for (size_t i = 0; i < t->n; i++) {
        char c = t->p[i];
        if (c == '-') {
            up = sb.len > 0;
            continue;
        }
        sb_putc(&sb, up ? ch_to_upper(c) : c);
        up = false;
    }
    return sb_detach(&sb);
}

static void layout_clear(struct vpc_layout *l)
{
    for (size_t i = 0; i < l->n_cols; i++)
        if (l->cols[i].owned)
            free((char *)l->cols[i].name);
    l->n_cols = 0;
}

static void layout_set(struct vpc_layout *l, const struct tok *t, size_t nt, long line)
{
    layout_clear(l);
    l->start_col = -1;
    for (size_t i = 0; i < nt; i++) {
        l->cols[i].name = field_name(&t[i]);
        l->cols[i].owned = true;
        l->cols[i].integer = in_list(&t[i], integer_cols, COUNT(integer_cols));
        l->cols[i].is_start = tok_is(&t[i], "start");
        if (l->cols[i].is_start && l->start_col < 0)
            l->start_col = (int)i;
    }
    l->n_cols = nt;
    l->header_line = line;
}

/* The version 2 default layout (no allocation). */
static void layout_default(struct vpc_layout *l)
{
    static const struct vpc_col cols[DEFAULT_COLS] = {
        {"version", false, true, false},   {"accountId", false, false, false},
        {"interfaceId", false, false, false}, {"srcAddr", false, false, false},
        {"dstAddr", false, false, false},  {"srcPort", false, true, false},
        {"dstPort", false, true, false},   {"protocol", false, true, false},
        {"packets", false, true, false},   {"bytes", false, true, false},
        {"start", false, true, true},      {"end", false, true, false},
        {"action", false, false, false},   {"logStatus", false, false, false},
    };
    layout_clear(l);
    memcpy(l->cols, cols, sizeof cols);
    l->n_cols = DEFAULT_COLS;
    l->start_col = 10;
    l->header_line = 0;
}

/* The record's start time in ms, or TS_NONE (also for a start of more
 * than INT64_MAX / 1000 seconds, which no time in ms can hold). */
static int64_t start_time(const struct vpc_layout *l, const struct tok *t)
{
    if (l->start_col < 0 || !all_digits(&t[l->start_col]))
        return TS_NONE;
    int64_t sec = tok_int(&t[l->start_col]);
    return sec <= INT64_MAX / 1000 ? sec * 1000 : TS_NONE;
}

/* Add the values t[0..n_cols) as fields. */
static void add_values(struct rec_batch *b, const struct vpc_layout *l, const struct tok *t,
                       const struct ingest_plan *plan)
{
    for (size_t i = 0; i < l->n_cols; i++) {
        const struct vpc_col *c = &l->cols[i];
        if (tok_is(&t[i], "-"))
            continue;
        bool num = c->integer && all_digits(&t[i]);
        size_t nl = strlen(c->name);
        if (!plan_wants_field(plan, c->name, nl))
            continue;
        if (num)
            rb_add_int(b, c->name, nl, tok_int(&t[i]));
        else
            rb_add_str(b, c->name, nl, t[i].p, t[i].n);
    }
}

bool vpc_add_default_record(struct rec_batch *b, const char *line, size_t n,
                            const struct ingest_plan *plan, int64_t *start_ms)
{
    struct tok t[DEFAULT_COLS];
    if (split(line, n, t, DEFAULT_COLS) != DEFAULT_COLS || !default_shape(t))
        return false;
    struct vpc_layout l = {.n_cols = 0};
    layout_default(&l);
    add_values(b, &l, t, plan);
    *start_ms = start_time(&l, t);
    return true;
}

/* ---- the reader ---- */

struct vpc_state {
    struct parse_ctx *ctx;
    struct vpc_layout layout; /* the current layout */
    int64_t last_ts;          /* the previous record's time */
    struct tok toks[VPC_MAX_COLS];
};

static bool every_line_starts(void *arg, const char *line, size_t len)
{
    return true;
}

static int vpc_line(void *arg, const char *text, size_t len, long line)
{
    struct vpc_state *st = arg;
    struct parse_ctx *ctx = st->ctx;
    size_t nt = split(text, len, st->toks, VPC_MAX_COLS);
    if (nt <= VPC_MAX_COLS && vpc_is_header(text, len)) {
        layout_set(&st->layout, st->toks, nt, line);
        return 0;
    }
    ctx->n_seen++;
    if (nt != st->layout.n_cols) {
        if (st->layout.header_line)
            diag_add(ctx->diags, DIAG_ERROR, line,
                     "expected %zu fields as named by the header on line %ld, found %s%zu",
                     st->layout.n_cols, st->layout.header_line, nt > VPC_MAX_COLS ? "over " : "",
                     nt > VPC_MAX_COLS ? (size_t)VPC_MAX_COLS : nt);
        else
            diag_add(ctx->diags, DIAG_ERROR, line,
                     "expected %d space-separated fields (the default version 2 flow log "
                     "format; a header line names other layouts), found %s%zu",
                     DEFAULT_COLS, nt > VPC_MAX_COLS ? "over " : "",
                     nt > VPC_MAX_COLS ? (size_t)VPC_MAX_COLS : nt);
        ctx->diags->records_skipped++;
        return 0;
    }
    int64_t ts = start_time(&st->layout, st->toks);
    if (ts == TS_NONE)
        ts = st->last_ts;
    st->last_ts = ts;
    if (!plan_may_match(ctx->plan, text, len) || !plan_in_range(ctx->plan, ts))
        return 0;
    struct rec_batch *b = ctx->batch;
    rb_begin(b, line);
    add_values(b, &st->layout, st->toks, ctx->plan);
    rb_set_ts(b, ts);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        rb_set_message(b, text, len);
    return parse_emit(ctx);
}

int vpc_parse(struct parse_ctx *ctx)
{
    struct vpc_state *st = xcalloc(1, sizeof *st);
    st->ctx = ctx;
    st->last_ts = lines_ref_time(ctx);
    layout_default(&st->layout);
    int rc = lines_read(ctx, every_line_starts, vpc_line, st);
    layout_clear(&st->layout);
    free(st);
    return rc;
}
