/*
 * qerror.h — one error type and one renderer for the whole query pipeline.
 *
 * The lexer, parser, analyser and compiler report a problem by filling a
 * struct qerror with a message and the byte range of the offending text.
 * Errors that come back from SQLite or PCRE2 at run time are mapped to the
 * node they belong to before they reach the user; raw SQL is never shown.
 *
 * qerror_render() turns it into the text cmd/ prints (jq's locfile style):
 *
 *     trailq: query error at 1:7: unknown function 'cnt'
 *       stats cnt(*) by eventName
 *             ^^^
 *
 * Line and column are 1-based and computed only here. A caret run covers
 * the whole range (at least one caret; a range running past the end of its
 * line is cut at the line's end).
 */
#ifndef TRAILQ_QERROR_H
#define TRAILQ_QERROR_H

#include <stdarg.h>
#include <stdbool.h>

#include "base/strbuf.h"
#include "query/ast.h"

struct qerror {
    bool set;          /* an error was recorded */
    struct span span;  /* where, in the query text */
    char msg[512];     /* what is wrong, no trailing period */
};

/* Record an error unless one is already set (the first error wins). */
void qerror_set(struct qerror *e, struct span where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void qerror_vset(struct qerror *e, struct span where, const char *fmt, va_list ap);

/* 1-based line and column (in bytes) of a byte offset in text. */
void qerror_position(const char *text, size_t len, uint32_t offset, int *line, int *col);

/* Append the three-line rendering shown above to out. */
void qerror_render(const struct qerror *e, const char *text, size_t len, struct strbuf *out);

#endif
