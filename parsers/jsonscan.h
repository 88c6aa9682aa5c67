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
 * When a record is broken (brackets that do not match, nesting too deep,
 * a record too long to hold), js_resync_walk() finds where it ends all the
 * same, by rules a user can follow (trailq(1), INPUTS), so that reading
 * goes on with the next record:
 *   - outside strings, '{' and '[' open and '}' and ']' close; a string
 *     ends at its unescaped '"', or (broken) at a line break;
 *   - a closing bracket closes the nearest open bracket of its kind; the
 *     brackets above that one are left unclosed (broken);
 *   - a closing bracket with no open bracket of its kind ends the value
 *     there (broken);
 *   - the value ends when its first bracket is closed;
 *   - beyond JS_MAX_DEPTH levels (broken) brackets are only counted.
 * It keeps no more than its small state, so a record of any size can be
 * walked piece by piece and dropped as it goes.
 *
 * js_compact() copies a JSON text without the whitespace outside strings:
 * how @message is stored for JSON events (keys keep their original order
 * and escapes are left as written).
 */
#ifndef TRAILQ_JSONSCAN_H
#define TRAILQ_JSONSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

/* Nesting deeper than this is an error (jansson's limit for a whole
 * record: JF_MAX_DEPTH). */
enum { JS_MAX_DEPTH = 2048 };
#define JS_TOO_DEEP "nesting deeper than 2048 levels"

enum js_status {
    JS_OK,     /* *end = offset just past the value */
    JS_MORE,   /* the buffer ends inside the value: read more and retry */
    JS_ERROR,  /* *end = offset of the offending byte; *why says what is wrong */
};

/* p[0] must be the first byte of a value (not whitespace). */
enum js_status js_value_end(const char *p, size_t n, size_t *end, const char **why);

/* The state of a walk through a broken value (see the top). */
struct js_resync {
    uint64_t depth;              /* brackets open */
    char kind[JS_MAX_DEPTH];     /* '{' or '[' of the first JS_MAX_DEPTH of them */
    bool in_str;                 /* inside a string */
    bool esc;                    /* ... just after a backslash */
    const char *why;             /* the first problem met, or NULL (static text) */
    uint64_t why_lines;          /* line breaks walked before it */
    uint64_t lines;              /* line breaks walked */
    uint64_t bytes;              /* bytes walked */
};

/* Start a walk at the first byte of a value, with the n_open brackets
 * open[0..n_open) (outermost first) already open around it: the walk then
 * ends where the last of those closes (the end of the enclosing record).
 * With n_open 0 it ends with the value itself. */
void js_resync_init(struct js_resync *r, const char *open, size_t n_open);

/* Walk p[0..n), the next bytes. Returns true when the value ends in
 * them, with *used the offset just past its last byte; false when it goes
 * on past p[n - 1] (all n bytes were walked). */
bool js_resync_walk(struct js_resync *r, const char *p, size_t n, size_t *used);

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
