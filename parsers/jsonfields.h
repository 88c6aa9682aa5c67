/*
 * jsonfields.h — the fields a query needs from one JSON record, without a DOM.
 *
 * In one-shot mode a query reads a handful of fields, yet parsing every
 * record with jansson and flattening the whole DOM (flatten.h) costs more
 * than everything else in the ingest. This module scans a record's bytes
 * once, validating them exactly as jdom_load(p, n, 0, &err) does
 * (base/jsondom.h: RFC 8259 with jansson's rules — a top-level object or
 * array, strict UTF-8, at most 2048 levels of values, duplicate keys
 * allowed with the last one winning, trailing whitespace only — and
 * trailq's: \u0000 reads as U+FFFD, a number beyond int64 or a double is
 * a string field holding its text), and adds to the open record of a
 * batch exactly the fields flatten_json(b, dom, NULL, plan) would add:
 * same dotted names, kinds and values, in document order.
 *
 * With an all-fields plan (plan->all_fields: --db, the REPL, --fields) a
 * scan adds every leaf as flatten_json does then: strings, numbers and
 * booleans named by their dotted path with decimal array indexes, in
 * document order; null, {} and [] add nothing; no subtree is ever added.
 *
 * Three cases are left to jansson, by returning JF_NEED_DOM: a wanted
 * path whose value is an object or array reached by nesting (flatten
 * stores it as compact JSON text; below a key holding a dot it is not the
 * object the name gives, and nothing is added), a wanted key (or a key on
 * the way to a wanted field; with an all-fields plan, any key) repeated in
 * one object (jansson keeps the last value at the first key's place), and
 * two leaves with the same name (a key holding a dot beside the nested
 * path: flatten numbers the later one). All are rare. On JF_INVALID the text
 * is not JSON; re-run jdom_load for its message. JF_NEED_DOM
 * may be returned before the whole text was checked.
 *
 * Besides the plan's fields, a scan reports the values of a few top-level
 * keys named when the plan is built ("meta" keys: eventTime, awsRegion, ...
 * what a reader needs for every record), as typed values.
 *
 * Use: jf_plan_new() once per ingest plan (immutable afterwards, may be
 * shared by threads); one jf_scanner per thread; jf_scan() per record
 * between rb_begin() and rb_end().
 *
 * Ownership: jf_plan_new() and jf_scanner_new() return objects the caller
 * frees with jf_plan_free() / jf_scanner_free() (the plan after its
 * scanners). The plan copies what it needs from ingest_plan and meta_keys.
 * Strings returned by jf_meta() point into the scanned text or into the
 * scanner, and are valid until the next jf_scan() with that scanner.
 */
#ifndef TRAILQ_JSONFIELDS_H
#define TRAILQ_JSONFIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parsers/plan.h"
#include "index/record.h"

/* Nesting limit: jansson's JSON_PARSER_MAX_DEPTH (every value counts,
 * scalars included, the top-level value being depth 1). */
enum { JF_MAX_DEPTH = 2048 };

enum jf_status {
    JF_OK = 0,    /* valid JSON; the wanted fields were added */
    JF_INVALID,   /* jdom_load rejects the text (abort the record) */
    JF_NEED_DOM,  /* a wanted path is an object/array or a wanted key (any key,
                     all fields) repeats: abort the record and take it through
                     jansson + flatten */
};

/* Kind of a JSON value, as reported for meta keys and the top level. */
enum jf_kind {
    JF_ABSENT = 0, /* no such key */
    JF_NULL,
    JF_FALSE,
    JF_TRUE,
    JF_INT,        /* ival */
    JF_REAL,       /* dval */
    JF_STRING,     /* str, len: unescaped, not NUL-terminated */
    JF_NUMTEXT,    /* a number jansson cannot hold (beyond int64, or a real
                      beyond a double): str, len hold its text as written */
    JF_OBJECT,
    JF_ARRAY,
};

struct jf_value {
    enum jf_kind kind; /* what the key held (last occurrence wins) */
    const char *str;   /* JF_STRING: the unescaped text; JF_NUMTEXT: the number */
    size_t len;        /* JF_STRING, JF_NUMTEXT: its length in bytes */
    int64_t ival;      /* JF_INT: the value */
    double dval;       /* JF_REAL: the value (strtod's) */
};

struct jf_plan;
struct jf_scanner;

/* Build the matcher for plan's fields (plan_wants_field/plan_wants_below
 * semantics), or for every leaf when plan->all_fields is set, plus
 * meta_keys[0..n_meta), top-level keys whose values every scan reports.
 * Never returns NULL. */
struct jf_plan *jf_plan_new(const struct ingest_plan *plan, const char *const *meta_keys,
                            size_t n_meta);
void jf_plan_free(struct jf_plan *jp);

struct jf_scanner *jf_scanner_new(const struct jf_plan *jp);
void jf_scanner_free(struct jf_scanner *s);

/* Scan text[0..n) (one JSON text) and add the plan's fields to the open
 * record of b. On a status other than JF_OK some fields may already have
 * been added: the caller aborts the record (rb_abort). */
enum jf_status jf_scan(struct jf_scanner *s, const char *text, size_t n, struct rec_batch *b);

/* The same for the first JSON value of text[0..n) (leading whitespace
 * allowed), whatever follows it: on JF_OK, *used is where the value ends,
 * so a reader need not find the record's end first. JF_INVALID also when
 * the buffer ends inside the value: the caller then takes the slow path
 * (find the end, read more, jf_scan or jansson), which reports properly. */
enum jf_status jf_scan_prefix(struct jf_scanner *s, const char *text, size_t n,
                              struct rec_batch *b, size_t *used);

/* After JF_OK: the kind of the top-level value (JF_OBJECT or JF_ARRAY). */
enum jf_kind jf_root_kind(const struct jf_scanner *s);

/* After JF_OK: the values of the meta keys, indexed as meta_keys was. */
const struct jf_value *jf_meta(const struct jf_scanner *s);

#endif
