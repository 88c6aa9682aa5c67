/*
 * ast.h — the syntax tree of a Logs Insights query.
 *
 * The parser (parser.c) builds it from the token stream; the analyser and
 * the SQL compiler (compile.c) read it. Every node carries the byte range of
 * the query text it came from, so any later error can point at it. All nodes
 * and strings live in the query's arena (struct query.arena) and are freed
 * together by query_free().
 *
 * Names: field names are stored exactly as the user wrote them minus
 * backticks (case-sensitive); function names are stored as written and
 * matched case-insensitively against the function table (funcs.h).
 */
#ifndef TRAILQ_AST_H
#define TRAILQ_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/timeval.h" /* struct period */

/* A byte range [start, end) in the query text. */
struct span {
    uint32_t start, end;
};

enum expr_kind {
    EX_NUMBER,   /* num (and is_int / ival when integral) */
    EX_STRING,   /* str: the literal with escapes resolved */
    EX_REGEX,    /* str: the pattern between the slashes, unchanged except \/ -> / */
    EX_BOOL,     /* ival: 1 true, 0 false */
    EX_PERIOD,   /* period: 5m, 1h ... (only meaningful as a function argument) */
    EX_LIST,     /* args: the elements of [a, b, ...] */
    EX_FIELD,    /* name: a field reference, dotted path, '@' kept */
    EX_CALL,     /* name: function name as written; args; star for count(*) */
    EX_UNARY,    /* op: OP_NEG or OP_NOT; args[0] */
    EX_BINARY,   /* op: arithmetic, comparison: args[0], args[1]; OP_AND, OP_OR: args[0..n_args),
                    n_args >= 2, a whole chain "a and b and c" in one node */
    EX_LIKE,     /* args[0] like args[1] (EX_STRING or EX_REGEX); negated for "not like" */
    EX_MATCH,    /* args[0] =~ args[1] (EX_REGEX) */
    EX_IN,       /* args[0] in args[1] (EX_LIST); negated for "not in"; with sub set,
                    args[1] is an empty EX_LIST standing for the subquery */
    EX_ACCESS,   /* args[0].name (name set) or args[0][args[1]] (name NULL) */
};

enum expr_op {
    OP_NONE,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_POW,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
    OP_AND, OP_OR,
    OP_NEG, OP_NOT,
};

struct expr {
    enum expr_kind kind;
    struct span span;        /* the whole expression's text */
    enum expr_op op;
    bool negated;            /* EX_LIKE / EX_IN: "not like", "not in" */
    bool star;               /* EX_CALL: count(*) */
    bool is_int;             /* EX_NUMBER: written without '.' or exponent and fits int64 */
    int64_t ival;            /* EX_NUMBER when is_int; EX_BOOL */
    double num;              /* EX_NUMBER */
    char *str;               /* EX_STRING, EX_REGEX */
    char *name;              /* EX_FIELD, EX_CALL, EX_ACCESS (.key) */
    struct span name_span;   /* EX_CALL: the function name token; EX_FIELD: the name */
    struct period period;    /* EX_PERIOD */
    struct expr **args;      /* operands / arguments / list elements */
    size_t n_args;
    struct query *sub;       /* EX_IN: "in ( subquery )" (query/cmd_subquery.c) */
};

/* "name=value" options of addtotals, outlier, appendcols, join. */
struct cmd_option {
    char *name;              /* as written */
    struct span name_span;
    struct expr *value;      /* a literal or a bare word (EX_FIELD) */
};

/* "expr [as alias]" in fields, display, stats. */
struct item {
    struct expr *expr;
    char *alias;             /* NULL when not aliased */
    struct span alias_span;  /* the alias token (when alias != NULL) */
    struct span span;        /* expr through alias */
};

struct sort_key {
    struct expr *expr;
    bool desc;               /* "desc" given */
    bool explicit_dir;       /* "asc" or "desc" was written */
};

enum cmd_kind {
    CMD_FIELDS,
    CMD_DISPLAY,
    CMD_FILTER,   /* also "where" */
    CMD_STATS,
    CMD_SORT,     /* also "order by" */
    CMD_LIMIT,    /* also "head N"; "tail N" sets limit_tail */
    CMD_PARSE,
    CMD_DEDUP,
    CMD_UNNEST,
    CMD_PATTERN,  /* pattern expr: the expression in `source` (query/cmd_pattern.c) */
    CMD_ANOMALY,  /* anomaly (query/cmd_anomaly.c) */
    CMD_DIFF,     /* diff [previousDay|...], logcompare timeshift p (query/cmd_diff.c) */
    CMD_SESSIONIZE, /* sessionize keys in `dedup`, maxspan, as name in `into` (cmd_sessionize.c) */
    CMD_LOOKUP,   /* lookup table col [as field], ... OUTPUT[NEW] col [as name], ... */
    CMD_CIDRLOOKUP, /* cidrlookup table field [as col] OUTPUT[NEW] ... (both cmd_lookup.c) */
    CMD_COUNTFREQUENT, /* countFrequent fields (dedup) (cmd_countfrequent.c) */
    CMD_ACCUM,    /* accum field (dedup[0]) [as into] (cmd_running.c) */
    CMD_AUTOREGRESS, /* autoregress field [as into] [p=lag_from[-lag_to]] (cmd_running.c) */
    CMD_FILLDOWN, /* filldown [name-or-pattern ...] (aliases) (cmd_running.c) */
    CMD_EXPAND,   /* expand field (dedup[0]) (cmd_expand.c) */
    CMD_ADDTOTALS, /* addtotals [options] [fields] (cmd_addtotals.c) */
    CMD_OUTLIER,  /* outlier [options] fields (cmd_outlier.c) */
    CMD_FILLMISSING, /* fillmissing [with value for name, ...] (cmd_fillmissing.c) */
    CMD_RELEVANTFIELDS, /* relevantfields [fields] where cond (cmd_relevantfields.c) */
    CMD_JOIN,     /* join [type=..] left=a right=b where a.f = b.g ( sub ) (cmd_subquery.c) */
    CMD_APPENDCOLS, /* appendcols [override=..] [max=..] ( sub ) (cmd_subquery.c) */
};

enum parse_mode { PARSE_GLOB, PARSE_REGEX, PARSE_LOGFMT, PARSE_CSV };

/* What diff compares with. */
enum diff_kind {
    DIFF_PREVIOUS,    /* diff: the range just before, of the same length */
    DIFF_DAY,         /* diff previousDay */
    DIFF_WEEK,        /* diff previousWeek */
    DIFF_MONTH,       /* diff previousMonth */
    DIFF_SHIFT,       /* logcompare timeshift <period> */
};

struct command {
    enum cmd_kind kind;
    struct span span;          /* the whole command */
    struct span kw_span;       /* its keyword */

    /* fields, display, stats: the items; stats: the aggregates */
    struct item *items;
    size_t n_items;
    /* stats: "by" keys */
    struct item *by;
    size_t n_by;
    bool has_offset;           /* stats ... offset <period> */
    struct period offset;
    struct span offset_span;

    /* filter */
    struct expr *cond;

    /* sort */
    struct sort_key *keys;
    size_t n_keys;

    /* limit / head / tail */
    int64_t limit;
    bool limit_tail;           /* "tail N": the last N rows in the current order */
    bool limit_any;            /* "limit any N" */

    /* parse */
    struct expr *source;       /* NULL: @message; pattern: the clustered expression */
    enum parse_mode mode;
    char *pattern;             /* glob text or regex body */
    struct span pattern_span;
    char **aliases;            /* glob: one per '*'; regex: "as" names for unnamed groups (may be 0) */
    struct span *alias_spans;
    size_t n_aliases;
    bool multi;                /* regex ... multi */

    /* dedup: field references (EX_FIELD) */
    struct expr **dedup;
    size_t n_dedup;

    /* name=value options (addtotals, outlier, ...) */
    struct cmd_option *opts;
    size_t n_opts;
    /* autoregress p=lag_from[-lag_to] */
    int lag_from, lag_to;
    struct span lag_span;

    /* lookup / cidrlookup */
    char *table;               /* the lookup table's name */
    struct span table_span;
    char **lk_cols;            /* lookup: the table's key columns; cidrlookup: [0] the CIDR
                                  column, or NULL for the default */
    struct span *lk_col_spans;
    struct expr **lk_fields;   /* the event fields they match (EX_FIELD) */
    size_t n_lk;
    char **out_cols;           /* the table's columns to copy */
    struct span *out_col_spans;
    char **out_names;          /* the fields they become */
    struct span *out_name_spans;
    size_t n_out;
    bool output_new;           /* OUTPUTNEW: only where the event lacks the field */

    /* sessionize: the keys are in dedup, the output name in into */
    bool has_maxspan;
    struct period maxspan;
    struct span maxspan_span;

    /* diff / logcompare */
    enum diff_kind diff;
    struct period shift;       /* logcompare's timeshift */
    struct span shift_span;

    /* join / appendcols: the subquery; join: the aliases and the key pairs
       (field names without the alias), left or inner */
    struct query *sub;
    char *left_alias, *right_alias;
    struct expr **jl, **jr;
    size_t n_jkeys;
    bool join_left;

    /* unnest <expr> into <alias>: expr in cond's place is `unnest_expr` */
    struct expr *unnest_expr;
    char *into;
    struct span into_span;
};

struct query {
    struct arena arena;        /* owns every node and string below (unused in a
                                  subquery: its nodes live in the outer query's) */
    char *text;                /* the query as given (owned by the arena); a
                                  subquery shares the outer query's text */
    size_t len;
    struct command *cmds;
    size_t n_cmds;
    bool has_sub;              /* the query holds a subquery (join, appendcols, in) */
    /* a subquery: its "( ... )", and SOURCE 'name' at its start (or NULL) */
    struct span span;
    char *source;
    struct span source_span;
};

#endif
