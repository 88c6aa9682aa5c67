/*
 * msgs.h — everything trailq writes to stderr goes through here (after
 * curl's tool_msgs.c): "trailq: " + message, one line each.
 *
 *   errorf   something failed (the caller decides the exit status)
 *   warnf    something is off but the work goes on
 *   notef    information (a skipped digest file)
 *   msg_diags  the problems a parser found in one input, as
 *            "trailq: FILE:LINE: message", then "... and N more" if some
 *            were not kept
 *
 * msg_set_color() turns on red/yellow prefixes (--color). Control
 * characters in a message (from a file name, a value, the query) are
 * written escaped (escape.h); msg_raw keeps its line breaks.
 */
#ifndef TRAILQ_MSGS_H
#define TRAILQ_MSGS_H

#include <stdbool.h>

#include "parsers/diag.h"

void msg_set_color(bool on);
bool msg_color(void);
void errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void notef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The line after a usage error: "Try 'trailq --help' for more information." */
void msg_try_help(void);
/* Print text as is (already formatted, e.g. a rendered query error). */
void msg_raw(const char *text);
void msg_diags(const struct diag_list *dl);
/* The status line after a query, as is: no "trailq:" prefix. */
void msg_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The one-line progress display: redraw it, or clear it. */
void msg_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_progress_clear(void);

#endif
