/*
 * lines.c — line-oriented inputs as events of one or more lines (see
 * lines.h).
 *
 * An event is kept in a buffer until the next line shows that it is
 * complete (a line that starts a new event, or the end of the input), then
 * handed to the reader. Memory is bounded by the longest event.
 */
#include "parsers/lines.h"

#include <string.h>
#include <time.h>

#include "base/strbuf.h"

struct lines_state {
    struct parse_ctx *ctx;     /* the input being read */
    struct strbuf event;       /* the pending event's text */
    long event_line;           /* its first line number, 0 when none is pending */
    struct strbuf clean;       /* a line without its NUL bytes */
    long n_nul;                /* NUL bytes dropped */
};

bool lines_unindented(void *arg, const char *line, size_t len)
{
    return len == 0 || (line[0] != ' ' && line[0] != '\t');
}

int64_t lines_ref_time(const struct parse_ctx *ctx)
{
    if (ctx->file_time != TS_NONE)
        return ctx->file_time;
    int64_t mt = input_mtime(ctx->in);
    if (mt >= 0)
        return mt;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

bool lines_begin_record(struct parse_ctx *ctx, long line, int64_t ts, const char *msg, size_t n)
{
    if (!plan_may_match(ctx->plan, msg, n) || !plan_in_range(ctx->plan, ts))
        return false;
    struct rec_batch *b = ctx->batch;
    rb_begin(b, line);
    rb_set_ts(b, ts);
    if (ctx->plan->keep_message || ctx->plan->all_fields)
        rb_set_message(b, msg, n);
    return true;
}

static bool blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\f' && p[i] != '\v')
            return false;
    return true;
}

static int flush_event(struct lines_state *ls, lines_event_fn on_event, void *arg)
{
    if (!ls->event_line)
        return 0;
    long line = ls->event_line;
    ls->event_line = 0;
    return on_event(arg, ls->event.buf ? ls->event.buf : "", ls->event.len, line);
}

int lines_read(struct parse_ctx *ctx, lines_starts_fn starts, lines_event_fn on_event,
               void *arg)
{
    return lines_read_ex(ctx, starts, on_event, NULL, arg);
}

int lines_read_ex(struct parse_ctx *ctx, lines_starts_fn starts, lines_event_fn on_event,
                  lines_skip_fn on_skip, void *arg)
{
    struct lines_state ls = {.ctx = ctx};
    long lineno = 0;
    int rc = 0;
    for (;;) {
        const char *p;
        size_t n;
        int r = input_getline(ctx->in, &p, &n);
        if (r == 0)
            break;
        if (r == -1) {
            diag_add(ctx->diags, DIAG_ERROR, lineno + 1, "%s", input_error(ctx->in));
            break;
        }
        lineno++;
        if (r == -2) {
            if (on_skip) {
                if (flush_event(&ls, on_event, arg) < 0) {
                    rc = -1;
                    goto out;
                }
                on_skip(arg, lineno);
                continue;
            }
            diag_add(ctx->diags, DIAG_ERROR, lineno, "line longer than %zu MiB skipped",
                     INPUT_MAX_SPAN >> 20);
            ctx->diags->records_skipped++;
            continue;
        }
        if (lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            n -= 3;
        }
        if (memchr(p, '\0', n)) {
            sb_reset(&ls.clean);
            for (size_t i = 0; i < n; i++) {
                if (p[i])
                    sb_putc(&ls.clean, p[i]);
                else
                    ls.n_nul++;
            }
            p = sb_str(&ls.clean);
            n = ls.clean.len;
        }
        if (blank(p, n))
            continue;
        if (ls.event_line && !starts(arg, p, n)) {
            sb_putc(&ls.event, '\n');
            sb_append(&ls.event, p, n);
            continue;
        }
        if (flush_event(&ls, on_event, arg) < 0) {
            rc = -1;
            goto out;
        }
        sb_reset(&ls.event);
        sb_append(&ls.event, p, n);
        ls.event_line = lineno;
    }
    if (flush_event(&ls, on_event, arg) < 0)
        rc = -1;
out:
    if (ls.n_nul)
        diag_add(ctx->diags, DIAG_NOTE, 0, "%ld NUL byte%s ignored", ls.n_nul,
                 ls.n_nul == 1 ? "" : "s");
    sb_free(&ls.event);
    sb_free(&ls.clean);
    return rc;
}
