/*
 * sqlgen.h — trailq --sql: print the query as Trino SQL for Athena or
 * CloudTrail Lake, or (--ddl) the Athena table, and run nothing.
 */
#ifndef TRAILQ_SQLGEN_H
#define TRAILQ_SQLGEN_H

#include "cmd/options.h"
#include "query/compile.h"

/* Checks the --sql options, prints the statement (or the query error) and
 * returns the exit status: 0, or 2 for a usage or query error. query_text
 * may be NULL (then only --ddl can be asked for). */
int sqlgen_run(const struct options *o, const char *query_text, const struct compile_opts *co);

/* Did the command line ask for --sql, or give one of its options? */
bool sqlgen_wanted(const struct options *o);

#endif
