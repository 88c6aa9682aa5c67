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
    /* after a join: "a." (side 1) and "b." (side 2) name its two sides, and
       a.x / b.x resolve through them (query/cmd_subquery.c) */
    int join_side;
    struct subq *join;
};

struct subq;

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

/* The longest stats offset: 10,000 years (3652425 days, 400-year cycles of
 * 146097 days), the span of the times trailq reads and prints; it keeps
 * bin(ts + offset) and the window moved back by it far inside int64. */
#define OFFSET_MAX_MS (INT64_C(3652425) * 86400000)

struct cctx {
    struct query *q;
    struct arena *a;              /* the query's arena */
    struct store *store;          /* NULL: analysis only */
    const struct compile_opts *opts; /* the window the query reads: the one asked for,
                                        moved back by a stats offset (offset_window) */
    const struct compile_opts *asked; /* the window as asked for (--start/--end): the
                                        labels of the rows lie in it */
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
    const struct command *diff_cmd;  /* the query's diff or logcompare, if any */
    bool want_all_fields;         /* a field pattern or list needs every field loaded */
    bool recursive;               /* the WITH holds a recursive CTE (fillmissing) */
    const char *replaced_by;      /* the command other than stats whose results are the
                                     scope now ("pattern", or "pattern+" with the anomaly
                                     statistics), or NULL */

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
    int64_t offset_ms;            /* this stats' offset: its bin() labels an event at ts
                                     with bin(ts + offset) */

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
    int nest_height;              /* the command files' stages: their heights added up */

    /* subqueries (query/cmd_subquery.c): the walk whose WITH they join, and
       what each compiled to, kept across the two passes */
    struct walk *cur_walk;
    struct subq *subs;
    size_t n_subs, cap_subs;
};

/* A result column: its name, its SQL over the current relation, its type. */
struct proj {
    const char *name;
    const char *sql;
    enum vtype type;
    const char *field;       /* the event field shown unchanged, or NULL */
    enum col_role role;      /* a stats key or aggregate (compile.h) */
};

struct plist {
    struct proj *items;  /* in output order */
    size_t n, cap;
};

/* The walk over the commands: the CTE chain built so far and what the
 * final SELECT will show. */
struct walk {
    struct strbuf with;      /* "WITH s0 AS (...), s1 AS (...)" */
    int stage;               /* the current relation is s<stage> */
    const char *prefix;      /* a subquery's walk: its stages are <prefix><N>
                                (s0 is still the shared base relation) */
    const char *order;       /* current order: ORDER BY terms over its columns */
    struct plist fields;     /* fields items (union) since the last stats */
    struct plist parsed;     /* names made by parse / unnest since the last stats */
    struct plist stats_out;  /* the last stats' (or pattern's ...) results */
    struct plist display;    /* the last display */
    struct plist joined;     /* a join's right-hand fields, shown beside
                                @timestamp and @message while no fields names
                                the columns */
    bool have_display, have_stats;
    int64_t final_limit;     /* a trailing limit, applied to the final SELECT */
    bool final_limit_tail;
    const struct command *dedup_cmd;

    /* the pending stage: columns and conditions of consecutive fields,
     * display, filter and parse commands, gathered into one SELECT */
    const char **pend_cols;  /* column names ... */
    const char **pend_sqls;  /* ... and what each stands for */
    size_t n_pend, cap_pend_cols, cap_pend_sqls;
    const char **pend_conds; /* WHERE conditions, all of which must hold */
    size_t n_conds, cap_conds;
    struct span stats_kw;    /* the first stats keyword (for errors) */
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
/* The SQL to group v by (stats by, count_distinct, dedup): v's own, but
 * tq_canon(v) when v is an event field that holds both numbers and text,
 * so that 443 and "443" are one key (docs/language.md#fields-and-values). */
const char *cx_group_key(struct cctx *c, const struct cexpr *v);
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
/* The deepest nesting of parentheses in sql, those inside '...' literals
 * not counted. */
int cx_sql_paren_depth(const char *sql);
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

/* compile.c. Its functions for the other compiler files are cc_ (cx_ for
 * expressions, above), so none of them is an unprefixed global of the
 * library. */
/* The latest definition of name in the scope, or NULL. */
struct sym *cc_scope_find(struct cctx *c, const char *name);
/* The name an unaliased expression gets: its text, spaces normalised. */
const char *cc_expr_text(struct cctx *c, const struct expr *e);
/* A new generated column name: v1, v2, ... */
const char *cc_new_col(struct cctx *c);
/* The element of json_each alias j as an event field would hold it. */
const char *cc_each_value(struct cctx *c, const char *j);
/* Note that the base relation reads event field name (pass 1). */
void cc_add_raw_field(struct cctx *c, const char *name);
/* Set the query error at where; returns -1. */
int cc_error(struct cctx *c, struct span where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add (or replace, by name) a result column; returns it. */
struct proj *cc_plist_add(struct cctx *c, struct plist *l, const char *name, const char *sql,
                          enum vtype type, const char *field);
/* ORDER BY terms that sort sql in the Insights order, missing last. */
const char *cc_order_terms(struct cctx *c, const char *sql, enum vtype type, bool desc);
/* For the command files (cmd_*.c): the name of the current relation; a new
 * CTE over it (nothing in the analysis pass); a new name in the scope (an
 * error if it is defined already). */
const char *cc_prev(struct cctx *c, struct walk *w);
/* The name the next cc_add_stage gives its CTE (for a recursive one). */
const char *cc_next_stage(struct cctx *c, struct walk *w);
void cc_add_stage(struct cctx *c, struct walk *w, const char *body);
/* Before a stage that joins n more tables (a table function, a lookup
 * table): a stage SQLite does not merge through first when the stages it
 * merges would join more than it takes (64). Call before cc_prev. */
void cc_fit_tables(struct cctx *c, struct walk *w, int n);
int cc_define(struct cctx *c, const char *name, const char *col, enum vtype type, struct span where);
/* A name in the scope that hides any earlier one of that name (lookup's
 * OUTPUT fields replace the event's). */
void cc_shadow(struct cctx *c, const char *name, const char *col, enum vtype type, struct span where);
/* After a command that replaces the rows (as stats does): only these n
 * names exist from here on, the result shows out, in the given order. */
void cc_result_scope(struct cctx *c, struct walk *w, const char *command, const struct sym *syms,
                     size_t n, const struct plist *out, const char *order);

/* The columns the result would show now (docs/language.md#fields-and-display). */
int cc_projection(struct cctx *c, struct walk *w, struct plist *out);
/* A shown column of that name now comes from col (filldown, accum, ...). */
void cc_replace_shown(struct cctx *c, struct walk *w, const char *name, const char *col,
                      enum vtype type);
/* Show a new column, after the ones shown now. */
void cc_show(struct cctx *c, struct walk *w, const char *name, const char *col, enum vtype type);

/* The commands that live in files of their own. */
int cmd_pattern(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_anomaly(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_diff(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_sessionize(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_lookup(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_parse_format(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_countfrequent(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_running(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_expand(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_addtotals(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_outlier(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_fillmissing(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_relevantfields(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_join(struct cctx *c, struct walk *w, const struct command *cmd);
int cmd_appendcols(struct cctx *c, struct walk *w, const struct command *cmd);
/* Walk a query's commands (a subquery's, with w->prefix set). */
int cc_walk(struct cctx *c, struct walk *w);
/* x in ( subquery ) as a condition (compile_expr.c's in). */
int cx_in_subquery(struct cctx *c, const struct expr *e, bool strict, const char **sql);
/* rate(field, period) and histogram(field, n), their arguments compiled
 * (query/timeseries.c). */
int cx_timeseries(struct cctx *c, const struct func_def *fd, const struct expr *e,
                  const struct cexpr *args, struct cexpr *out);
/* a.x / b.x after a join: 0 resolved, -1 error, 1 not a join name. */
int cc_join_field(struct cctx *c, const char *name, struct span where, struct cexpr *out);
/* An option's value as a boolean / number; -1 with the error set when it is
 * not one. */
int cc_option_bool(struct cctx *c, const struct cmd_option *o, bool *out);
int cc_option_number(struct cctx *c, const struct cmd_option *o, double *out);
/* With a diff in the query: the CTE "dw" of its two windows, to put before
 * s0, and the condition on e.ts that keeps the events of both. */
void cc_diff_windows(struct cctx *c, struct strbuf *sb);
const char *cc_diff_base_filter(struct cctx *c);
/* The earliest time the diff reads, when --start and --end are both
 * given (else INT64_MIN: anything before --start may be needed). */
int64_t cc_diff_start_ms(const struct cctx *c);
/* The rows of `pattern source` (source NULL: @message); watch: keep the
 * statistics of the anomaly rules (scope "pattern+", hidden column _pj). */
int cc_pattern_rows(struct cctx *c, struct walk *w, const struct expr *source, struct span kw,
                    bool watch);

#endif
