/*
 * progress.c — the reading progress line (see progress.h).
 */
#include "cmd/progress.h"

#include "cmd/clock.h"
#include "cmd/msgs.h"

void progress_text(struct strbuf *out, const struct progress *p, size_t n_files,
                   int64_t events, int64_t elapsed_ms)
{
    double secs = (double)elapsed_ms / 1000.0;
    int64_t read = p->done_bytes + p->cur_bytes;
    sb_printf(out, "reading: %zu/%zu files, ", p->files_done, n_files);
    if (p->total_bytes > 0) {
        if (read > p->total_bytes)
            read = p->total_bytes; /* a file that grew while it was read */
        double frac = (double)read / (double)p->total_bytes;
        sb_printf(out, "%.0f of %.0f MB (%.0f%%)", (double)read / 1e6,
                  (double)p->total_bytes / 1e6, frac * 100.0);
        sb_printf(out, ", %.0fk events/s", secs > 0 ? (double)events / secs / 1000.0 : 0.0);
        if (frac > 0.01)
            sb_printf(out, ", ETA %.0fs", secs / frac - secs);
    } else {
        sb_printf(out, "%.0f MB", (double)read / 1e6);
        sb_printf(out, ", %.0fk events/s", secs > 0 ? (double)events / secs / 1000.0 : 0.0);
    }
}

void progress_update(struct progress *p, size_t n_files, int64_t events, bool final)
{
    if (!p->on)
        return;
    int64_t t = clock_mono_ms();
    if (final) {
        if (p->shown)
            msg_progress_clear();
        return;
    }
    if (t - p->start < 1000 || t - p->last < 200)
        return;
    p->last = t;
    struct strbuf line = STRBUF_INIT;
    progress_text(&line, p, n_files, events, t - p->start);
    msg_progress("%s", sb_str(&line));
    sb_free(&line);
    p->shown = true;
}
