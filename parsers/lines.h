/*
 * lines.h — a text input as a sequence of events made of lines.
 *
 * The line-oriented readers (text, lambda, export) share the chores of
 * reading lines: any line end ("\n", "\r\n", a lone "\r"), a missing final
 * line end, a byte-order mark, NUL bytes (dropped, with one note per input),
 * lines longer than INPUT_MAX_SPAN (reported and skipped), blank lines
 * (skipped), and continuation lines: a line for which the reader's
 * `starts` callback says false is appended, after a "\n", to the event
 * before it (stack traces stay with their event). Each complete event is
 * handed to `on_event` with the number of its first line (its @ptr).
 * lines_begin_record() then opens the event's record the way every such
 * reader does (pre-filter, time range, @timestamp, @message).
 *
 * Nothing here allocates anything the caller must free.
 */
#ifndef TRAILQ_LINES_H
#define TRAILQ_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parsers/reader.h"

/* Does this line start a new event (false: it continues the previous
 * one)? A line that comes before any event always starts one. */
typedef bool (*lines_starts_fn)(void *arg, const char *line, size_t len);

/* One event: text[0..len) (its lines joined by "\n"), first line number.
 * text is valid only during the call. Returns 0, or -1 to stop reading. */
typedef int (*lines_event_fn)(void *arg, const char *text, size_t len, long line);

/* A line longer than INPUT_MAX_SPAN was dropped: its number. */
typedef void (*lines_skip_fn)(void *arg, long line);

/* Read ctx->in to its end. Returns 0 when the input was read (problems are
 * in ctx->diags), -1 when on_event asked to stop. A line longer than
 * INPUT_MAX_SPAN is dropped, reported and counted as a skipped record. */
int lines_read(struct parse_ctx *ctx, lines_starts_fn starts, lines_event_fn on_event,
               void *arg);

/* The same, but a dropped line is handed to on_skip (which reports it)
 * instead, after the event pending before it has been handed on. */
int lines_read_ex(struct parse_ctx *ctx, lines_starts_fn starts, lines_event_fn on_event,
                  lines_skip_fn on_skip, void *arg);

/* "Does not start with a space or a tab": the usual `starts` callback. */
bool lines_unindented(void *arg, const char *line, size_t len);

/* The time given to events before the first line with a timestamp: the
 * file time of ctx, else the input's modification time, else now. */
int64_t lines_ref_time(const struct parse_ctx *ctx);

/* Begin the record of an event at time ts whose message is msg[0..n) and
 * whose first line is `line` (its @ptr): false, with nothing begun, when
 * the pre-filter (plan_may_match) or the time range drops it; else
 * true with the record open in ctx->batch, its time and, when the plan
 * keeps it, its @message set. */
bool lines_begin_record(struct parse_ctx *ctx, long line, int64_t ts, const char *msg, size_t n);

#endif
