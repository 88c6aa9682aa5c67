/*
 * jsonscan.h — byte-level JSON helpers that do not build a DOM.
 *
 * js_value_end() finds where a JSON value ends, tracking only strings and
 * bracket nesting: enough to split a stream into records (a `Records`
 * array's elements, JSON lines, concatenated objects) so that each record
 * can be parsed on its own, skipped by the pre-filter, or reported on its
 * own when broken. It does not validate scalars; jansson does that when a
 * record is parsed.
 *
 * js_compact() copies a JSON text without the whitespace outside strings:
 * how @message is stored for JSON events (keys keep their original order
 * and escapes are left as written).
 */
#ifndef TRAILQ_JSONSCAN_H
#define TRAILQ_JSONSCAN_H

#include <stddef.h>

#include "base/strbuf.h"

/* Nesting deeper than this is reported as an error, not followed. */
enum { JS_MAX_DEPTH = 512 };

enum js_status {
    JS_OK,     /* *end = offset just past the value */
    JS_MORE,   /* the buffer ends inside the value: read more and retry */
    JS_ERROR,  /* *end = offset of the offending byte; *why says what is wrong */
};

/* p[0] must be the first byte of a value (not whitespace). */
enum js_status js_value_end(const char *p, size_t n, size_t *end, const char **why);

/* Offset of the first byte at or after `from` that is not JSON whitespace
 * (space, tab, CR, LF); n if none. */
size_t js_skip_ws(const char *p, size_t n, size_t from);

/* Count of '\n' bytes in p[0..n). */
size_t js_count_lines(const char *p, size_t n);

/* Append p[0..n) without insignificant whitespace to out. */
void js_compact(const char *p, size_t n, struct strbuf *out);

/* Does p[0..n), a JSON object, have whitespace outside its strings? (When
 * not, it can be stored as @message unchanged.) */
int js_needs_compact(const char *p, size_t n);

#endif
