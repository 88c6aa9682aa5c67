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

#include <sqlite3.h>
#include <stdbool.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "query/compile.h"

struct sym {
    const char *name;        /* as the user writes it */
    const char *col;         /* SQL expression in the current relation (a column alias) */
    enum vtype type;
    const char *field;       /* the event field it holds unchanged, or NULL */
    bool ephemeral;          /* made by as / parse / stats / unnest */
    struct span def;         /* where it was defined (ephemeral only) */
    bool is_agg;             /* an earlier aggregate of the same stats (col is its SQL) */
    const char *pending;     /* while col waits in the pending stage (compile.c): the SQL
                                it stands for, which references use in its place */
};

/* Where an expression appears; decides what may be used in it. */
enum expr_place {
    EP_ROW,          /* filter, fields, sort, ...: no aggregates */
    EP_STATS_ITEM,   /* a stats aggregate item: aggregates required */
    EP_IN_AGG,       /* inside an aggregate's argument: no nesting */
    EP_STATS_BY,     /* a stats by key */
};

/* The shape of an SQL expression, as compile_limits.c measures it. */
struct sql_shape {
    int nest;            /* deepest nesting of parentheses */
    int height;          /* an upper bound on the height of SQLite's tree for it */
    int ref_height;      /* the tallest generated column it names, as substituted */
    size_t ref_weight;   /* the substituted sizes of the generated columns it names, summed */
    size_t len;          /* its length in bytes */
};

/* What a generated column v<N> stands for once SQLite has merged the stages
 * since the last barrier into one query (see compile_limits.c). */
struct colinfo {
    int height;          /* tree height of its substituted expression (estimate) */
    size_t weight;       /* size of its substituted expression, in SQL bytes */
};

/* SQLite's limit on the columns of a result or a table, and on the terms
 * of an ORDER BY or GROUP BY (SQLITE_MAX_COLUMN, 2000 unless SQLite was
 * built otherwise; a unit test checks the linked library agrees). */
enum { SQL_MAX_COLUMNS = 2000 };

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

    /* SQLite's limits (compile_limits.c) */
    sqlite3 *probe;               /* private connection whose parser judges deep SQL */
    int width;                    /* columns of the current relation */
    struct colinfo *colinfo;      /* by v<N>: its substituted shape (emit pass) */
    size_t n_colinfo, cap_colinfo;
    int seg_stages;               /* stages since the last barrier */
    int seg_filters;              /* WHERE clauses SQLite merges since the last barrier */
    int seg_where_height;         /* the tallest of them, substituted */
    int seg_tables;               /* tables SQLite joins when it merges them */
    bool used_pending;            /* cx_field put a pending column's SQL in place */
    struct regex_site *sites;     /* the regexes the SQL runs (emit pass) */
    size_t n_sites, cap_sites;
    unsigned long long prep_cost; /* SQLite's work to prepare the stages so far (estimate) */
    int chain;                    /* stages since the start or the last stats */
    int max_width;                /* the widest relation so far */
};

/* A compiled expression. */
struct cexpr {
    const char *sql;
    enum vtype type;
    const char *field;       /* the event field it is, unchanged, or NULL */
};

/* compile_expr.c */
int cx_expr(struct cctx *c, const struct expr *e, struct cexpr *out);
/* A condition: SQL whose value is 1/0 (strict) or true/false/NULL (not strict,
 * enough at the top of a WHERE, under AND and OR). */
int cx_cond(struct cctx *c, const struct expr *e, bool strict, const char **sql);
/* Append "(t1 OP t2 ... OP tn)", balanced into groups so that SQLite's tree
 * for it stays shallow however many terms there are. */
void cx_chain_sql(struct strbuf *sb, const char **terms, size_t n, const char *op);
/* Resolve a field reference (also dotted access into jsonParse results). */
int cx_field(struct cctx *c, const char *name, struct span where, struct cexpr *out);
/* Is name one of the system fields (@timestamp, @message, @log, @logStream,
 * @ptr, @ingestionTime)? */
bool cx_is_system_name(const char *name);
/* Validate a regex literal (error points into it). */
int cx_check_regex(struct cctx *c, const struct expr *re);
/* The SQL runs pattern (NULL: a value's) at span on subject (NULL:
 * @message), for compile_runtime_error(). */
void cx_regex_site(struct cctx *c, const char *pattern, struct span span,
                   const struct expr *subject);
/* The SQL literal of a string. */
const char *cx_quote(struct cctx *c, const char *s);

/* compile_limits.c */
/* Measure sql (generated columns named in it by their colinfo). */
void cx_sql_shape(const struct cctx *c, const char *sql, struct sql_shape *out);
/* 0 when SQLite can parse sql wherever the compiler puts an expression;
 * else -1 with a query error at e ("nested too deeply", "too large"). */
int cx_check_sql(struct cctx *c, const struct expr *e, const char *sql);
/* 0, or -1 with a query error at where when the current relation is wider
 * than SQLite allows (what names the thing that widened it). */
int cx_check_width(struct cctx *c, struct span where, const char *what);
/* Close the probe connection. */
void cx_limits_free(struct cctx *c);

/* compile.c */
struct sym *scope_find(struct cctx *c, const char *name);
const char *new_col(struct cctx *c);
void add_raw_field(struct cctx *c, const char *name);
int cerr(struct cctx *c, struct span where, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
