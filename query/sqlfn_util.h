/*
 * sqlfn_util.h — helpers shared by the SQL function implementations
 * (query/sqlfn_*.c): reading SQLite values under trailq's value rules and
 * returning results. Internal to query/; see sqlfn.h for the rules.
 */
#ifndef TRAILQ_SQLFN_UTIL_H
#define TRAILQ_SQLFN_UTIL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/numfmt.h"

/* A value as a number: INTEGER and REAL as they are; TEXT that parses
 * completely as a number; TEXT 'true'/'false' as 1/0. Returns false for
 * NULL and any other text. *is_int (may be NULL) tells whether *i holds an
 * exact integer; *d always holds the value as a double. */
bool sqlfn_value_number(sqlite3_value *v, double *d, long long *i, bool *is_int);

/* A value as text: TEXT and BLOB as they are; INTEGER and REAL rendered by
 * numfmt into buf. Returns NULL for NULL. The pointer is valid until the
 * value or buf changes; *len gets the byte length. */
const char *sqlfn_value_text(sqlite3_value *v, size_t *len, char buf[NUMFMT_MAX]);

/* Set a numeric result: an INTEGER when d is integral and fits in int64,
 * else a REAL. NaN and infinities give NULL (missing). */
void sqlfn_result_number(sqlite3_context *ctx, double d);

/* A table of scalar functions, registered in a loop by sqlfn_register_table. */
struct sqlfn_entry {
    const char *name;   /* SQL name, e.g. "tq_concat" */
    int n_args;         /* -1 for any number */
    int flags;          /* extra flags: SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS are added
                           unless SQLFN_VOLATILE is given */
    void (*fn)(sqlite3_context *, int, sqlite3_value **);
};

enum { SQLFN_VOLATILE = 1 << 30 };

int sqlfn_register_table(sqlite3 *db, const struct sqlfn_entry *t, size_t n);

#endif
