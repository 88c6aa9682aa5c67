/*
 * funcs.h — the one table of Insights functions and commands.
 *
 * Everything that needs to know about functions reads this table: the
 * analyser (does it exist, how many arguments, of what kind, is it an
 * aggregate), the compiler (which SQL function implements it), REPL
 * completion and `.help`, and the man page's function list (a test checks
 * the man page names every entry). Lookup ignores case.
 *
 * SQL side: a scalar function `foo` with `sql = "tq_foo"` is implemented in
 * C and registered on the index's connection by sqlfn_register(); see
 * sqlfn.h for the value conventions every implementation follows.
 */
#ifndef TRAILQ_FUNCS_H
#define TRAILQ_FUNCS_H

#include <stdbool.h>
#include <stddef.h>

/* Static value types, used for checking literal arguments and for deciding
 * how a result column is rendered. */
enum vtype {
    VT_ANY,     /* whatever the data holds */
    VT_NUM,     /* number */
    VT_STR,     /* string */
    VT_BOOL,    /* boolean: SQL 1/0, shown as true/false */
    VT_TIME,    /* timestamp: SQL integer ms, shown as YYYY-MM-DD HH:MM:SS.mmm */
    VT_PERIOD,  /* a period literal such as 5m (argument only) */
    VT_REGEX,   /* a /regex/ literal (argument only) */
    VT_JSON,    /* map or list (jsonParse): JSON text in SQL */
    VT_LIST,    /* array result (split): JSON array text in SQL */
};

enum func_kind {
    FK_SCALAR,     /* row function, usable anywhere */
    FK_AGGREGATE,  /* stats only: count, sum, avg, pct ... */
    FK_STATS_ONLY, /* stats only, picks a value: earliest, latest, sortsFirst, sortsLast */
};

enum { FUNC_MAX_TYPED_ARGS = 4 };

struct func_def {
    const char *name;         /* canonical spelling, e.g. "isValidIpV4" */
    enum func_kind kind;
    int min_args, max_args;   /* max_args -1: any number */
    enum vtype args[FUNC_MAX_TYPED_ARGS]; /* expected kind of the first arguments;
                                             VT_PERIOD / VT_REGEX must be literals */
    enum vtype result;
    const char *sql;          /* SQL function name, or NULL when compile.c builds the SQL itself */
    const char *signature;    /* for help: "substr(str, start [, length])" */
    const char *help;         /* one line, no trailing period */
};

/* The table, in documentation order; n_funcs entries. */
extern const struct func_def funcs[];
extern const size_t n_funcs;

/* Case-insensitive lookup (also accepts documented aliases such as
 * countDistinct for count_distinct and strftime for formatDate). NULL if
 * unknown. */
const struct func_def *func_lookup(const char *name);

/* Commands, for completion, help and the "not supported" error. */
struct command_def {
    const char *name;
    bool supported;           /* false: Insights has it, trailq refuses it by name */
    const char *syntax;       /* "stats agg [as name], ... [by key, ...]" */
    const char *help;
};

extern const struct command_def commands[];
extern const size_t n_commands;

const struct command_def *command_lookup(const char *name);

/* Why trailq refuses a command it knows (not supported): one clause for
 * the error message and .help. */
const char *command_why_refused(const struct command_def *c);

#endif
