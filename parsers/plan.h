/*
 * plan.h — what a query needs from ingest, as plain data.
 *
 * cmd/ fills an ingest_plan from the compiled query (query/ never talks to
 * parsers/ directly) and hands it to every parser. A parser uses it to keep
 * only the fields the query reads, to skip records whose bytes cannot match
 * the query's filters before parsing them, and to drop events outside
 * --start/--end. With all_fields set (REPL, --db, --fields) nothing is
 * skipped but the time range.
 *
 * The pre-filter is only ever a necessary condition: a record it keeps may
 * still fail the query's filter in SQL; a record it drops could never pass.
 *
 * Ownership: whoever builds the plan owns its arrays (cmd/ builds them in
 * the query's arena).
 */
#ifndef TRAILQ_PLAN_H
#define TRAILQ_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One conjunct of the pre-filter: the record must contain one of lits. */
struct plan_group {
    const char **lits;  /* literal byte strings, NUL-terminated, none empty */
    size_t n_lits;
};

struct ingest_plan {
    bool all_fields;          /* keep every field of every event */
    const char **fields;      /* otherwise: the field paths the query reads */
    size_t n_fields;
    bool keep_message;        /* store @message (implied by all_fields) */
    struct plan_group *groups; /* pre-filter conjuncts; none = keep all */
    size_t n_groups;
    int64_t start_ms;         /* keep start_ms <= @timestamp < end_ms ... */
    int64_t end_ms;
    bool has_range;           /* ... only when a range was given */
};

/* A plan that keeps everything. */
void plan_init_all(struct ingest_plan *p);

/* Should the field at `path` be kept? True for a wanted path. */
bool plan_wants_field(const struct ingest_plan *p, const char *path, size_t len);

/* Could a wanted field lie below `path` (path is a proper prefix of a
 * wanted name, on a '.' boundary)? Lets a parser skip whole subtrees. */
bool plan_wants_below(const struct ingest_plan *p, const char *path, size_t len);

/* Pre-filter on a record's raw bytes: false only when the record cannot
 * match. JSON escapes (\u0041, \/) could hide a literal, so a record
 * holding "\u" or "\/" is always kept. (The compiler never pre-filters on
 * literals holding '"', '\\' or control characters, the other escapes.)
 * Call it only on bytes that hold every field value the record will get. */
bool plan_may_match(const struct ingest_plan *p, const char *raw, size_t len);

/* Time-range check for an event's @timestamp (TS_NONE never matches a range). */
bool plan_in_range(const struct ingest_plan *p, int64_t ts_ms);

#endif
