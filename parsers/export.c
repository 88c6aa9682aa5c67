/*
 * export.c — files written by a CloudWatch Logs export task to S3
 * (trailq(1), INPUTS): one event per line, `<timestamp> <message>`, where the
 * timestamp is ISO-8601 (2020-06-09T14:56:37.617Z) or epoch milliseconds,
 * in no particular order, usually gzip-compressed.
 *
 * @timestamp = the line's timestamp; @message = the rest of the line after
 * one space. A line that does not start with a timestamp and a space
 * continues the message of the event before it (a message with newlines in
 * it). The message's own fields come from msgfields.h (JSON, VPC flow
 * records, Lambda lines).
 *
 * @logStream: export tasks write <prefix>/<taskId>/<logStreamName>/000000.gz
 * (the usual layout; AWS does not document it), so for a file named by digits alone the
 * stream is the path between the task ID (a UUID) and the file — Lambda
 * stream names hold slashes — or, with no UUID in the path, the parent
 * directory. Any other file name gives the default (the base name).
 */
#include <stdlib.h>
#include <string.h>

#include "base/chars.h"
#include "base/strbuf.h"
#include "base/timeval.h"
#include "parsers/lambda.h"
#include "parsers/lines.h"
#include "parsers/msgfields.h"
#include "parsers/reader.h"

struct export_state {
    struct parse_ctx *ctx;
    struct strbuf stream; /* @logStream from the path, empty for the default */
    bool lambda_source;   /* the stream name is a Lambda one */
};

/* "<timestamp> " at the start of line: sets *ms and returns the offset of
 * the message, or 0. */
static size_t ts_prefix(const char *line, size_t n, int64_t *ms)
{
    size_t k = tv_scan_iso8601(line, n, ms);
    if (k > 0)
        return k < n && line[k] == ' ' ? k + 1 : 0;
    int64_t v = 0;
    while (k < n && k < 16 && ch_is_digit(line[k]))
        v = v * 10 + (line[k++] - '0');
    if (k < 10 || k >= 16 || k >= n || line[k] != ' ')
        return 0;
    *ms = v < INT64_C(100000000000) ? v * 1000 : v;
    return k + 1;
}

static bool export_starts(void *arg, const char *line, size_t len)
{
    int64_t ms;
    return ts_prefix(line, len, &ms) > 0;
}

static int export_event(void *arg, const char *text, size_t len, long line)
{
    struct export_state *st = arg;
    struct parse_ctx *ctx = st->ctx;
    int64_t ts;
    size_t off = ts_prefix(text, len, &ts);
    ctx->n_seen++;
    if (off == 0) {
        diag_add(ctx->diags, DIAG_ERROR, line,
                 "not an export line (expected '<timestamp> <message>')");
        ctx->diags->records_skipped++;
        return 0;
    }
    const char *msg = text + off;
    size_t mlen = len - off;
    if (!plan_may_match(ctx->plan, msg, mlen) || !plan_in_range(ctx->plan, ts))
        return 0;
    struct rec_batch *b = ctx->batch;
    rb_begin(b, line);
    rb_set_ts(b, ts);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        rb_set_message(b, msg, mlen);
    if (st->stream.len)
        rb_set_stream(b, st->stream.buf, st->stream.len);
    msgfields_add(b, msg, mlen, ctx->plan, st->lambda_source);
    return parse_emit(ctx);
}

/* The log stream named by an export task's path (see the top). */
static void stream_from_path(const char *path, struct strbuf *out)
{
    const char *base = strrchr(path, '/');
    if (!base)
        return;
    base++;
    size_t d = strspn(base, "0123456789");
    if (d == 0 || (base[d] != '\0' && strcmp(base + d, ".gz") != 0))
        return;
    /* components before the file name, last first */
    const char *end = base - 1; /* the '/' before the file */
    const char *stop = NULL;    /* start of the stream name */
    const char *p = end;
    while (p > path) {
        const char *q = p;
        while (q > path && q[-1] != '/')
            q--;
        if (lambda_is_uuid(q, (size_t)(p - q))) {
            stop = p + 1;
            break;
        }
        if (q == path)
            break;
        p = q - 1;
    }
    if (!stop) {
        const char *q = end;
        while (q > path && q[-1] != '/')
            q--;
        stop = q;
    }
    if (stop < end)
        sb_append(out, stop, (size_t)(end - stop));
}

int export_parse(struct parse_ctx *ctx)
{
    struct export_state st = {.ctx = ctx};
    stream_from_path(ctx->path, &st.stream);
    st.lambda_source = msgfields_lambda_source(NULL, 0, st.stream.buf, st.stream.len);
    int rc = lines_read(ctx, export_starts, export_event, &st);
    sb_free(&st.stream);
    return rc;
}
