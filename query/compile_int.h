/*
 * compile_int.h — state shared by compile.c (commands, scopes, the CTE
 * chain) and compile_expr.c (expressions). Internal to query/.
 *
 * A scope maps the names a command can see to SQL columns of the current
 * relation (the previous CTE). Before the first stats the scope is "raw":
 * a name that nothing defined is an event field, and the base relation
 * grows a column for it. After stats only the stats results exist.
 */
#ifndef TRAILQ_COMPILE_INT_H
#define TRAILQ_COMPILE_INT_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "query/compile.h"

struct sym {
    const char *name;        /* as the user writes it */
    const char *col;         /* SQL expression in the current relation (a column alias) */
    enum vtype type;
    bool ephemeral;          /* made by as / parse / stats / unnest */
    struct span def;         /* where it was defined (ephemeral only) */
    bool is_agg;             /* an earlier aggregate of the same stats (col is its SQL) */
};

/* Where an expression appears; decides what may be used in it. */
enum expr_place {
    EP_ROW,          /* filter, fields, sort, ...: no aggregates */
    EP_STATS_ITEM,   /* a stats aggregate item: aggregates required */
    EP_IN_AGG,       /* inside an aggregate's argument: no nesting */
    EP_STATS_BY,     /* a stats by key */
};

struct cctx {
    struct query *q;
    struct arena *a;              /* the query's arena */
    struct store *store;          /* NULL: analysis only */
    const struct compile_opts *opts;
    struct qerror *err;
    bool emit;                    /* second pass: build SQL */

    /* event fields read while the scope is raw (pass 1 result) */
    const char **raw;
    size_t n_raw, cap_raw;
    bool need_msg, need_log, need_stream, need_ptr, need_ingest;

    /* the current scope */
    struct sym *syms;
    size_t n_syms, cap_syms;
    bool raw_scope;
    bool have_ts;                 /* @timestamp / _id columns exist (before stats) */
    int n_stats;

    /* expression context */
    enum expr_place place;
    bool saw_agg;                 /* the item being compiled used an aggregate */
    struct sym *stats_aliases;    /* aggregates defined so far in the current stats */
    size_t n_stats_aliases, cap_stats_aliases;
    bool bare_field;              /* the stats item named a field outside any aggregate */
    struct span bare_span;        /* ... here */
    const char *bare_name;
    const char **by_names;        /* this stats' by keys that are plain fields */
    size_t n_by_names, cap_by_names;
    bool stats_offset;            /* bin() inside this stats' by gets the offset */
    int64_t offset_ms;

    /* pre-filter groups */
    struct prefilter_group *groups;
    size_t n_groups, cap_groups;
    bool prefilter_open;          /* filters still qualify (no limit/dedup/stats yet) */

    /* index hints */
    struct index_hint *hints;
    size_t n_hints, cap_hints;
    struct index_hint stats_hint; /* the first stats' keys and aggregated fields */
    bool uses_ts;                 /* @timestamp is read (not only through bin) */

    int next_col;                 /* generated column names v1, v2, ... */
};

/* A compiled expression. */
struct cexpr {
    const char *sql;
    enum vtype type;
};

/* compile_expr.c */
int cx_expr(struct cctx *c, const struct expr *e, struct cexpr *out);
/* A condition: SQL whose value is 1/0 (strict) or true/false/NULL (not strict,
 * enough at the top of a WHERE, under AND and OR). */
int cx_cond(struct cctx *c, const struct expr *e, bool strict, const char **sql);
/* Resolve a field reference (also dotted access into jsonParse results). */
int cx_field(struct cctx *c, const char *name, struct span where, struct cexpr *out);
/* Is name one of the system fields (@timestamp, @message, @log, @logStream,
 * @ptr, @ingestionTime)? */
bool cx_is_system_name(const char *name);
/* Validate a regex literal (error points into it). */
int cx_check_regex(struct cctx *c, const struct expr *re);
/* The SQL literal of a string. */
const char *cx_quote(struct cctx *c, const char *s);

/* compile.c */
struct sym *scope_find(struct cctx *c, const char *name);
const char *new_col(struct cctx *c);
void add_raw_field(struct cctx *c, const char *name);
int cerr(struct cctx *c, struct span where, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
