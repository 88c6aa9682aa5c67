/*
 * compile.h — a parsed query to SQL over the index.
 *
 * compile_query() does two jobs with one walk over the commands:
 *
 *  1. Analysis (always): checks what the parser cannot — functions exist
 *     and get the right arguments, aggregates only in stats, at most two
 *     stats and what may follow them, only limit after dedup, no field
 *     defined twice, regexes compile — and works out what ingest needs:
 *     the raw fields the query reads, whether @message is needed, and the
 *     literals every matching event must contain (the pre-filter).
 *     With store == NULL this is all it does; cmd/ turns the result into
 *     an ingest_plan before reading any input.
 *
 *  2. SQL (when a store is given): one SELECT over the index, built as a
 *     chain of CTEs, one per command, and the result columns with the
 *     static type that decides how each is shown. User text never enters
 *     the SQL unquoted: names become generated column aliases, literals
 *     become quoted SQL literals.
 *
 * Everything returned lives in the query's arena (freed by query_free).
 */
#ifndef TRAILQ_COMPILE_H
#define TRAILQ_COMPILE_H

#include <stdbool.h>
#include <stdint.h>

#include "index/store.h"
#include "query/ast.h"
#include "query/funcs.h"
#include "query/qerror.h"

/* A lookup table the query may name (`lookup`, `cidrlookup`): cmd/ reads
 * the file and copies it into the temporary table sql_name before the
 * query runs; every column is TEXT, rows in file order. */
struct lookup_table {
    const char *name;            /* as the query names it (--lookup NAME=FILE) */
    const char *sql_name;        /* the temporary table: lk1, lk2, ... (column i is c<i>) */
    const char *const *columns;  /* the header's column names */
    size_t n_columns;
    const char *path;            /* the file, for messages */
};

struct compile_opts {
    int64_t now_ms;      /* the query's start time: now() */
    bool has_range;      /* --start / --end given */
    int64_t start_ms;    /* keep start_ms <= @timestamp < end_ms */
    int64_t end_ms;
    const char *scope_where; /* NULL, or a condition on events e keeping the events of the
                                sources in scope (built by the index, never user text) */
    bool raw_message;    /* -o raw: the one result column is each event's @message
                            (refused after stats) */
    const struct lookup_table *lookups;  /* the tables lookup and cidrlookup may name */
    size_t n_lookups;
};

/* What a result column is: a stats result's key or aggregate (charts tell
 * them apart), or anything else. */
enum col_role {
    COL_ROW,  /* not a stats output column as it was made */
    COL_KEY,  /* a by key of the last stats */
    COL_AGG,  /* an aggregate of the last stats */
};

struct result_col {
    const char *name;    /* as shown in the header */
    enum vtype type;     /* VT_TIME and VT_BOOL change how values print */
    const char *field;   /* the event field the column shows unchanged (fields x,
                            stats ... by x), or NULL: its kinds in the catalogue
                            tell booleans and JSON from text */
    enum col_role role;
};

/* Columns worth an index in a long-lived index (--db, REPL): fields a
 * filter compares with a literal, or the fields a first stats groups and
 * aggregates (keys first; "@timestamp" for bin()). */
struct index_hint {
    const char **fields;
    size_t n_fields;
};

/* One conjunct of the pre-filter: an event that can match holds one of
 * lits in its raw bytes. cmd/ copies these into the ingest plan
 * (parsers/plan.h); query/ and parsers/ never include each other. */
struct prefilter_group {
    const char **lits;  /* literal byte strings, NUL-terminated, none empty */
    size_t n_lits;
};

/* A place where the compiled SQL runs a regex, so that an error PCRE2
 * reports while the statement runs can be said about the query
 * (compile_runtime_error). */
struct regex_site {
    const char *pattern;       /* as handed to PCRE2; NULL: a value's, known only at run time */
    struct span span;          /* the pattern in the query text */
    const char *subject;       /* what it searches, as written in the query */
};

struct compile_result {
    /* analysis */
    const char **raw_fields;   /* event fields the query reads (not system fields) */
    size_t n_raw_fields;
    bool needs_message;        /* @message is read or shown */
    bool all_fields;           /* the query names fields by pattern (filldown cpu*) or reads
                                  them all (relevantfields): load every field */
    struct prefilter_group *groups; /* pre-filter: literals each kept event must contain */
    size_t n_groups;
    struct index_hint *hints;
    size_t n_hints;
    bool limits_newest_first; /* ends with limit/head/tail in the default order: a
                                 time index lets it read only the rows it shows */
    int64_t range_start_ms;    /* the earliest @timestamp the query reads: opts->start_ms,
                                 or earlier for diff and stats ... offset (cmd/ widens the
                                 ingest range) */
    int64_t window_start_ms;   /* the window the query reads (when opts->has_range):
                                 opts' moved back by a stats offset */
    int64_t window_end_ms;
    /* SQL (store given) */
    const char *sql;
    struct result_col *cols;
    size_t n_cols;
    struct regex_site *regex_sites; /* every regex the SQL runs */
    size_t n_regex_sites;
};

/* Returns 0, or -1 with err set (pointing into the query text). */
int compile_query(struct query *q, struct store *store, const struct compile_opts *opts,
                  struct compile_result *out, struct qerror *err);

/* An error message from running cr->sql, said about the query when it
 * belongs to a part of it: a regex that failed while matching (its
 * message is "regex: <why> in /<pattern>/", regex.h) becomes "regex
 * <pattern as written> on <subject>: <why>" at the pattern. Returns true
 * with *err filled, or false when the message is not one of those. */
bool compile_runtime_error(const struct query *q, const struct compile_result *cr,
                           const char *msg, struct qerror *err);

#endif
