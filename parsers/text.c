/*
 * text.c — any other line-oriented log (trailq(1), INPUTS): one event per
 * line, or per group of lines when the lines after the first start with
 * whitespace (stack traces, wrapped messages).
 *
 * @message = the event's text; @timestamp = the leading timestamp of its
 * first line (textts.h), else the previous event's, else the file time
 * (modification time; now for standard input); @ptr = the number of its
 * first line. Line endings, NUL bytes, blank and huge lines: lines.h.
 */
#include "parsers/lines.h"
#include "parsers/reader.h"
#include "parsers/textts.h"

struct text_state {
    struct parse_ctx *ctx;
    int64_t ref_ms;  /* the file time: supplies missing years and first times */
    int64_t last_ts; /* the previous event's time */
};

static int text_event(void *arg, const char *text, size_t len, long line)
{
    struct text_state *st = arg;
    struct parse_ctx *ctx = st->ctx;
    int64_t ts;
    if (!textts_scan(text, len, st->ref_ms, &ts))
        ts = st->last_ts;
    st->last_ts = ts;
    ctx->n_seen++;
    if (!lines_begin_record(ctx, line, ts, text, len))
        return 0;
    return parse_emit(ctx);
}

int text_parse(struct parse_ctx *ctx)
{
    struct text_state st = {.ctx = ctx, .ref_ms = lines_ref_time(ctx)};
    st.last_ts = st.ref_ms;
    return lines_read(ctx, lines_unindented, text_event, &st);
}
