/*
 * msgs.c — the one writer of stderr (see msgs.h).
 *
 * Messages quote data (file names, field values, query text), so what they
 * quote goes through escape.h: a control character in a file name cannot
 * drive the terminal, nor split a message over two lines.
 */
#include "cmd/msgs.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "cmd/escape.h"

/* SGR colours: errors bold red, warnings yellow. */
#define COLOR_ERROR "1;31"
#define COLOR_WARNING "33"

/* The CLI's own option: whether stderr gets colour. */
static bool use_color;

void msg_set_color(bool on)
{
    use_color = on;
}

bool msg_color(void)
{
    return use_color;
}

/* One message, written with one write: two processes sharing stderr (a
 * pipeline, a test) cannot interleave their lines. */
static void vmsg(const char *color, const char *label, const char *fmt, va_list ap)
{
    struct strbuf text = STRBUF_INIT, line = STRBUF_INIT;
    if (use_color && color && !*label)
        sb_printf(&line, "\033[%smtrailq:\033[0m ", color); /* an error: the prefix in red */
    else if (use_color && color)
        sb_printf(&line, "trailq: \033[%sm%s\033[0m", color, label);
    else
        sb_printf(&line, "trailq: %s", label);
    sb_vprintf(&text, fmt, ap);
    esc_append(&line, sb_str(&text), text.len, ESC_RAW_C1);
    sb_putc(&line, '\n');
    fwrite(line.buf, 1, line.len, stderr);
    sb_free(&text);
    sb_free(&line);
}

void errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(COLOR_ERROR, "", fmt, ap);
    va_end(ap);
}

void warnf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(COLOR_WARNING, "warning: ", fmt, ap);
    va_end(ap);
}

void notef(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(NULL, "note: ", fmt, ap);
    va_end(ap);
}

void msg_status(const char *fmt, ...)
{
    struct strbuf text = STRBUF_INIT, line = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&text, fmt, ap);
    va_end(ap);
    esc_append(&line, sb_str(&text), text.len, ESC_RAW_C1);
    sb_putc(&line, '\n');
    fwrite(line.buf, 1, line.len, stderr);
    sb_free(&text);
    sb_free(&line);
}

void msg_try_help(void)
{
    fputs("Try 'trailq --help' for more information.\n", stderr);
}

void msg_raw(const char *text)
{
    struct strbuf shown = STRBUF_INIT;
    if (use_color && strncmp(text, "trailq: ", 8) == 0) {
        sb_puts(&shown, "\033[" COLOR_ERROR "mtrailq:\033[0m"); /* as errorf() colours it */
        text += 7;
    }
    esc_append(&shown, text, strlen(text), ESC_RAW_C1 | ESC_KEEP_LF);
    fwrite(sb_str(&shown), 1, shown.len, stderr);
    sb_free(&shown);
}

void msg_diags(const struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n_items; i++) {
        const struct diag *d = &dl->items[i];
        if (d->level == DIAG_NOTE) {
            if (d->line > 0)
                notef("%s:%ld: %s", dl->path, d->line, d->msg);
            else
                notef("%s: %s", dl->path, d->msg);
        } else if (d->line > 0) {
            errorf("%s:%ld: %s", dl->path, d->line, d->msg);
        } else {
            errorf("%s: %s", dl->path, d->msg);
        }
    }
    if (dl->n_dropped)
        errorf("%s: ... and %zu more problem%s not shown", dl->path, dl->n_dropped,
               dl->n_dropped == 1 ? "" : "s");
}

void msg_progress(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("\r\033[K", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fflush(stderr);
}

void msg_progress_clear(void)
{
    fputs("\r\033[K", stderr);
    fflush(stderr);
}
