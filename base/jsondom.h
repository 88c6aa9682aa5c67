/*
 * jsondom.h — JSON documents as trailq reads and writes them, through
 * jansson.
 *
 * jansson refuses things that are valid JSON: an integer beyond 64 bits
 * (18446744073709551616), a number beyond the range of a double (1e999),
 * the escape \u0000 and unpaired surrogate escapes. trailq reads them all:
 *
 *   - a number that jansson cannot hold keeps its exact text: in the DOM
 *     jdom_load() returns it is a string whose first byte is NUL, followed
 *     by the number as written ("\0" "18446744073709551616"). No other
 *     string of such a DOM can start with NUL, because
 *   - \u0000 in a string or a key is read as U+FFFD, the replacement
 *     character (a NUL inside a value would end it early for much of what
 *     reads values later: SQLite functions, terminals, C strings);
 *   - so is a UTF-16 surrogate escape without its pair (\uD83D alone, as
 *     JavaScript's JSON.stringify and Python's json.dumps write a string
 *     cut inside a pair), which jansson refuses too.
 *
 * Code that looks at a DOM from jdom_load() asks jdom_string() for a
 * string (it says no for a number kept as text) and jdom_bignum() for a
 * number kept as text; json_is_string() alone would take one for the other.
 * Only records that need it pay: jdom_load() first lets jansson try, and
 * rewrites the text only when jansson's error is one of those.
 *
 * jdom_dump() writes a value as compact JSON the way the rest of trailq's
 * output writes values: reals in their shortest round-trip form (0.1, not
 * jansson's 0.10000000000000001; 2.0 as 2), numbers kept as text as
 * written, keys in document order, strings escaped by sb_json_quote().
 *
 * jdom_error() turns jansson's error text into plain words ("expected ':'
 * after a key near 'x'" rather than "':' expected near 'x'").
 *
 * Ownership: jdom_load() returns a new reference (json_decref it) or NULL;
 * the other functions borrow what they are given.
 */
#ifndef TRAILQ_JSONDOM_H
#define TRAILQ_JSONDOM_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "base/strbuf.h"

/* json_loadb(p, n, flags, err) with the rules above. On failure err (may
 * be NULL) is jansson's error for the text; render it with jdom_error(). */
json_t *jdom_load(const char *p, size_t n, size_t flags, json_error_t *err);

/* The first JSON object embedded in text p[0..n) (a Lambda line's
 * "Received event {...}"): read with jdom_load at the first '{' where a
 * whole object starts, trying at most 16 braces. *at gets its offset.
 * NULL when there is none. The one rule for ingest and for reading such
 * an object back (index/subtree.h). */
json_t *jdom_first_object(const char *p, size_t n, size_t *at);

/* The exact text of a number jansson could not hold, or NULL when v is
 * anything else. *len gets its length. */
const char *jdom_bignum(const json_t *v, size_t *len);

/* The value of a JSON string, or NULL when v is not one (a number kept as
 * text is not). *len (may be NULL) gets its length. */
const char *jdom_string(const json_t *v, size_t *len);

/* Append v as compact JSON (see the top). */
void jdom_dump(struct strbuf *out, const json_t *v);

/* Append what err says, in plain words, without a line number. */
void jdom_error(struct strbuf *out, const json_error_t *err);

#endif
