/*
 * qerror.c — recording and rendering query errors (see qerror.h).
 *
 * Every stage of the query pipeline reports a problem as a message plus the
 * byte range it is about. This file is the only place that turns a byte
 * offset into a line and column, and the only renderer:
 *
 *     trailq: query error at 1:7: unknown function 'cnt'
 *       stats cnt(*) by eventName
 *             ^^^
 *
 * The line is shown indented by two spaces with tabs (and other control
 * bytes) shown as single spaces; the caret line is indented the same way.
 * The column in "LINE:COL" counts bytes; the caret line counts characters
 * (UTF-8 continuation bytes take no cell) so that the carets stand under
 * the right text on a terminal even after non-ASCII characters.
 */
#include "query/qerror.h"

#include <stdio.h>

void qerror_vset(struct qerror *e, struct span where, const char *fmt, va_list ap)
{
    if (!e || e->set)
        return;
    e->set = true;
    e->span = where;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

void qerror_set(struct qerror *e, struct span where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qerror_vset(e, where, fmt, ap);
    va_end(ap);
}

void qerror_position(const char *text, size_t len, uint32_t offset, int *line, int *col)
{
    size_t off = offset < len ? offset : len;
    int ln = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            ln++;
            line_start = i + 1;
        }
    }
    *line = ln;
    *col = (int)(off - line_start) + 1;
}

/* Display cells of text[from..to): one per byte that does not continue a
 * UTF-8 character. */
static size_t cells(const char *text, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

void qerror_render(const struct qerror *e, const char *text, size_t len, struct strbuf *out)
{
    size_t start = e->span.start < len ? e->span.start : len;
    size_t end = e->span.end < start ? start : e->span.end;
    int line, col;
    qerror_position(text, len, (uint32_t)start, &line, &col);
    sb_printf(out, "trailq: query error at %d:%d: ", line, col);
    /* The message may quote the query's literals: a control character in
     * one (a newline in a zone name) is written as an escape, so the
     * message stays one line above the query line and its caret. */
    for (const char *m = e->msg; *m; m++) {
        unsigned char c = (unsigned char)*m;
        if (c == '\n')
            sb_puts(out, "\\n");
        else if (c == '\t')
            sb_puts(out, "\\t");
        else if (c == '\r')
            sb_puts(out, "\\r");
        else if (c < 0x20 || c == 0x7F)
            sb_printf(out, "\\x%02x", c);
        else
            sb_putc(out, (char)c);
    }
    sb_putc(out, '\n');

    size_t ls = start - (size_t)(col - 1);
    size_t le = ls;
    while (le < len && text[le] != '\n')
        le++;
    size_t shown_end = le;
    if (shown_end > ls && text[shown_end - 1] == '\r')
        shown_end--; /* a CRLF line: do not print the CR */

    sb_puts(out, "  ");
    for (size_t i = ls; i < shown_end; i++) {
        unsigned char c = (unsigned char)text[i];
        sb_putc(out, c < 0x20 || c == 0x7F ? ' ' : (char)c);
    }
    sb_putc(out, '\n');

    if (end > le)
        end = le; /* a range past the end of its line is cut there */
    size_t pad = cells(text, ls, start);
    size_t carets = cells(text, start, end);
    if (carets == 0)
        carets = 1;
    sb_puts(out, "  ");
    for (size_t i = 0; i < pad; i++)
        sb_putc(out, ' ');
    for (size_t i = 0; i < carets; i++)
        sb_putc(out, '^');
    sb_putc(out, '\n');
}
