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
    EX_IN,       /* args[0] in args[1] (EX_LIST); negated for "not in" */
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
};

enum parse_mode { PARSE_GLOB, PARSE_REGEX };

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
    struct expr *source;       /* NULL: @message */
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

    /* unnest <expr> into <alias>: expr in cond's place is `unnest_expr` */
    struct expr *unnest_expr;
    char *into;
    struct span into_span;
};

struct query {
    struct arena arena;        /* owns every node and string below */
    char *text;                /* the query as given (owned by the arena) */
    size_t len;
    struct command *cmds;
    size_t n_cmds;
};

#endif
