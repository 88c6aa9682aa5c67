/*
 * jsonstream.h — an input read as a stream of JSON values, for the readers
 * that walk a file's outer structure themselves and hand its records on
 * one at a time (cloudtrail.c, cwlogs.c).
 *
 * The input's buffer (input.h) is looked at through offsets from its start;
 * a jst keeps the line number of that start as bytes are consumed, so every
 * problem is reported with its line. The byte scanning is jsonscan.h's.
 * Problems are added to the parse context's diagnostics with the messages
 * both readers give ("invalid JSON: ...", "the input ends inside ...");
 * a read error is reported once, where it is met, and returned as -1.
 *
 * Error recovery is by records: a broken record (brackets that do not
 * match, nesting deeper than JS_MAX_DEPTH, longer than INPUT_MAX_SPAN) is
 * walked to its end by jsonscan.h's resynchronisation rules, reported
 * once, counted once as skipped, and reading resumes right after it, at
 * the next record of the same array or the next value of the input. Only
 * bytes that cannot start a value at the top level are dropped by lines.
 *
 * Also here, what the readers that scan records with jsonfields.h
 * (cloudtrail.c, jsonl.c) do alike with one record: the scan itself, the
 * jansson parse it falls back to, and its @message.
 *
 * A jst holds no memory of its own: it points at the caller's parse_ctx.
 */
#ifndef TRAILQ_JSONSTREAM_H
#define TRAILQ_JSONSTREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <jansson.h>

#include "parsers/jsonfields.h"
#include "parsers/reader.h"

struct jst {
    struct parse_ctx *ctx; /* the plan and diagnostics (not owned) */
    struct input *in;      /* the bytes read: ctx->in, or text decoded from it */
    const char *label;     /* put before every message ("awslogs.data: "), or "" */
    bool fixed_line;       /* the bytes are not lines of the input (decoded
                              text): every message names `line` */
    long line;             /* line number of input_data()[0]; start at 1 */
    bool ended;            /* the input ended inside a broken value: already reported */
    bool failed;           /* reading failed (reported): the input ends where it did */
    bool started;          /* a value (or the byte-order mark) has been met */
    bool strict_span;      /* also report a complete value longer than
                              INPUT_MAX_SPAN (cloudtrail.c's rule) */
};

/* A stream over ctx->in from its first line. */
void jst_init(struct jst *st, struct parse_ctx *ctx);

/* Drop n bytes from the buffer start, counting their lines. */
void jst_consume(struct jst *st, size_t n);

/* Ensure at least off+need bytes are buffered; returns bytes available
 * (maybe fewer at the end). A read error is reported once and ends the
 * input there (st->failed): what was read before it is still available.
 * Returns -1 never in practice; callers still check. */
ssize_t jst_want(struct jst *st, size_t off, size_t need);

/* Skip whitespace at off; returns the new offset, or -1 at a read error.
 * On return the byte at the offset is buffered unless the input ended. */
ssize_t jst_skip_ws(struct jst *st, size_t off);

/* Line number of offset off (from the buffer start). */
long jst_line_at(const struct jst *st, size_t off);

/* "longer than 256 MiB": why a record too long to hold is skipped. */
extern const char jst_too_long[];

/* Find the end of the value starting at off, buffering all of it. Returns
 * 1 with *end set; 0 when it cannot be taken as a whole: its brackets do
 * not match or nest too deep (*why NULL: the walk of jst_skip_broken finds
 * what is wrong), it is longer than INPUT_MAX_SPAN (*why = jst_too_long),
 * or the input ends inside it (*why NULL); -1 on a read error. Nothing is
 * reported or consumed. */
int jst_value_end(struct jst *st, size_t off, size_t *end, const char **why);

/* What is known about a broken value when it is found. */
struct jst_broken {
    int64_t seq;       /* its record number (then counted as skipped), or 0
                          when it is not a record of its own */
    long start_line;   /* the line where that record starts */
    const char *why;   /* the problem the caller found, as reported
                          ("invalid JSON: expected ':' after a key"), or
                          NULL when the walk is to find it */
    long why_line;     /* the line of why */
};

/* Walk past a broken value that starts at buffer offset `from`, inside the
 * n_open brackets open[] (outermost first; 0 for a record of its own),
 * by jsonscan.h's resynchronisation rules, dropping the input as it goes:
 * memory does not grow with the value. Reports it once ("record N: ...",
 * at the line of its first problem) and counts it. Returns 1 when its end
 * was found (the input is just past it), 0 when the input ends inside it
 * (st->ended set), -1 on a read error. */
int jst_skip_broken(struct jst *st, size_t from, const char *open, size_t n_open,
                    const struct jst_broken *b);

/* Drop the rest of the current line (error recovery). Returns 0, or -1 on
 * a read error; st->ended is set when the input ends on that line. */
int jst_skip_line(struct jst *st);

/* After a broken record was reported: count it as skipped, drop the
 * buffer up to off and then the rest of that line. Returns as
 * jst_skip_line. */
int jst_skip_record(struct jst *st, size_t off);

/* Move to the next top-level value: skip whitespace, and a UTF-8
 * byte-order mark where the first value would start. Returns 1 when a
 * value starts at the buffer start, 0 at the end of the input, -1 on a
 * read error. */
int jst_next_value(struct jst *st);

/* Is the key string at [off, end) of the buffer (quotes included) name? */
bool jst_key_is(const struct jst *st, size_t off, size_t end, const char *name);

enum jst_member {
    JST_FAIL = -1,     /* a read error (reported) */
    JST_CLOSED = 0,    /* the closing '}': *off is just past it */
    JST_MEMBER = 1,    /* a member: its key at [*koff, *kend), quotes included;
                          its value starts at *off (that byte is buffered) */
    JST_BROKEN = 2,    /* the object is broken or cut short at *off: *why
                          says how ("invalid JSON: ..."), NULL when the input
                          ends; nothing reported: jst_skip_broken from *off */
};

/* The next member of the object whose '{' is at the buffer start, reading
 * from *off (1 for the first member; after a member, the end of its value).
 * Stray commas between members are passed over. */
enum jst_member jst_next_member(struct jst *st, size_t *off, size_t *koff, size_t *kend,
                                const char **why);

/* Between the elements of a streamed array, at the buffer start: skip
 * white space, one ',' and any stray bytes (reported once as "expected ','
 * or ']' after record N", `prev` being that N; a '{' or '[' right after a
 * record is taken as the next one, its ',' missing). Returns 1 when an
 * element starts at the buffer start, 0 when the array ended (its ']'
 * consumed) or the input ended (reported unless st->ended), -1 on a read
 * error. */
int jst_next_element(struct jst *st, bool first, int64_t prev);

enum jst_element {
    JST_ELEM_FAIL = -1,   /* a read error (reported) */
    JST_ELEM_ENDED = 0,   /* the input ended inside a broken element (reported) */
    JST_ELEM_WHOLE = 1,   /* whole: the first *end bytes of the buffer */
    JST_ELEM_SKIPPED = 2, /* broken: reported as record ++ctx->n_seen and
                             skipped alone (jst_skip_broken); read the next */
};

/* The element at the buffer start once jst_next_element returned 1: taken
 * whole (jst_value_end), or skipped when broken. */
enum jst_element jst_whole_element(struct jst *st, size_t *end);

/* ---- one record ---- */

enum jst_scan {
    JST_SCAN_DOM,     /* take it through jansson + flatten instead (invalid,
                         or JF_NEED_DOM); the record was aborted */
    JST_SCAN_OPEN,    /* the record is open with the plan's fields;
                         jf_meta() holds the meta keys */
    JST_SCAN_SKIPPED, /* not an object: reported, counted as skipped, aborted */
};

/* Record number seq, the JSON text p[0..n) starting on line `line`, through
 * the field scanner jf: begin a record in ctx->batch with the plan's
 * fields. */
enum jst_scan jst_scan_object(struct parse_ctx *ctx, struct jf_scanner *jf, const char *p,
                              size_t n, long line, int64_t seq);

/* Record number seq, the JSON text p[0..n) starting on line `line`,
 * parsed by jdom_load (base/jsondom.h: jansson, flags 0, reading the
 * numbers and \u0000 jansson refuses). Returns the value (the caller owns
 * it: json_decref), or NULL when it is not JSON; that is reported in plain
 * words, with the line of the error, and counted as skipped. */
json_t *jst_load(struct parse_ctx *ctx, const char *p, size_t n, long line, int64_t seq);

/* Set the open record's @message to the JSON text p[0..n), compacted
 * (js_compact; scratch is the caller's working space). */
void jst_set_message(struct rec_batch *b, struct strbuf *scratch, const char *p, size_t n);

#endif
