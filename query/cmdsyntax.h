/*
 * cmdsyntax.h — the keywords each command accepts, and where.
 *
 * REPL completion (cmd/repl_complete.c) reads this table to offer the
 * right keywords at the cursor; it is kept beside the parser (parser.c,
 * whose grammar rules it restates) and tests/unit/test_cmdsyntax.c checks
 * the two agree: every command the parser reads has a row, and each row's
 * example, which uses every keyword and option of the row, parses.
 *
 * A command is read as a few phases. The first starts after the command's
 * name; each later one is opened by one of its words (a keyword at the
 * top level of the command, where the current phase offers it) or by a
 * kind of token ("\"" a string, "/" a regex, "=" an '=', "(" a subquery).
 * Within a phase, a word ending in '=' is offered without a space after it
 * and opens its phase by the name before the '='.
 *
 * Everything here is static, read-only data.
 */
#ifndef TRAILQ_CMDSYNTAX_H
#define TRAILQ_CMDSYNTAX_H

#include <stddef.h>

/* What goes where an operand of the phase may start. */
enum syn_slot {
    SS_EXPR,      /* an expression: fields and functions */
    SS_AGG,       /* stats: aggregate calls (an expression inside them) */
    SS_FIELD,     /* field names */
    SS_TABLE,     /* the name of a lookup table (--lookup NAME=FILE) */
    SS_COLUMN,    /* a column of that lookup table */
    SS_PERIOD,    /* a time period such as 5m: nothing to offer */
    SS_NUMBER,    /* a number: nothing to offer */
    SS_NONE,      /* only the phase's keywords */
    SS_SUBQUERY,  /* ( query ): its commands */
    SS_JOINKEY,   /* join's keys: side.field, the sides named by left= and right= */
};

enum {
    SYN_ONE = 1,     /* one operand, then the next phase starts */
    SYN_SPACED = 2,  /* field names separated by spaces: another may follow a value */
    SYN_AS_FIELD = 4,  /* "as" names an existing field of the events, not a new name */
    SYN_AS_COLUMN = 8, /* "as" names a column of the lookup table, not a new name */
};

struct syn_phase {
    const char *opens;      /* words or token kinds that open the phase (NULL: the first
                               phase, or one that SYN_ONE enters) */
    enum syn_slot slot;
    const char *first_kw;   /* keywords where the phase's first operand goes */
    const char *operand_kw; /* keywords where any operand goes */
    const char *value_kw;   /* keywords after a value */
    const char *alias_kw;   /* keywords after "as name" or "into name" */
    unsigned flags;         /* SYN_ONE, SYN_SPACED, SYN_AS_FIELD, SYN_AS_COLUMN */
    int comma_to;           /* the phase a ',' at the top level goes back to (0: the
                               phase goes on; the first phase is never a target) */
};

enum { SYN_MAX_PHASES = 5 };

struct cmd_syntax {
    const char *names;      /* the command's names, space-separated ("sort order") */
    const char *options;    /* name=value options before the operands, space-separated:
                               "type=inner|left !left=": the values after '=' split by
                               '|' (none: any value); '!' marks an option the
                               phase's value_kw needs first; NULL: none */
    const char *example;    /* a query that uses every keyword and option of the row */
    size_t n_phases;
    struct syn_phase phases[SYN_MAX_PHASES];
};

extern const struct cmd_syntax cmd_syntaxes[];
extern const size_t n_cmd_syntaxes;

/* The row of the command named name (any case; len bytes), or NULL. */
const struct cmd_syntax *cmd_syntax_lookup(const char *name, size_t len);

/* Does the space-separated list hold word (len bytes, any case)? A list
 * entry "p=" holds the word "p". */
int syn_list_has(const char *list, const char *word, size_t len);

#endif
