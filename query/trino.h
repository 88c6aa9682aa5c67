/*
 * trino.h — the Trino SQL back end: an Insights query as one statement for
 * Amazon Athena or CloudTrail Lake (trailq --sql, trailq(1) SQL FOR ATHENA
 * AND CLOUDTRAIL LAKE).
 *
 * It shares the lexer, the parser and the analysis of compile.h: a query
 * that trailq rejects is rejected here with the same message, before
 * anything is translated. What it adds is the translation to the CloudTrail
 * table of the target (trino_map.h) and a query error, with a caret on the
 * construct, for whatever has no faithful translation (a system field with
 * no meaning there, a function with no Trino equivalent giving the same
 * answers, a field the table does not have). It never prints a statement
 * whose answer would differ from trailq's own beyond the differences the
 * man page lists (ties in @timestamp, the Unicode rules of Trino's functions).
 *
 * Everything returned lives in the query's arena or in the caller's strbuf.
 */
#ifndef TRAILQ_TRINO_H
#define TRAILQ_TRINO_H

#include <stdbool.h>

#include "base/strbuf.h"
#include "query/ast.h"
#include "query/compile.h"
#include "query/qerror.h"

enum sql_target {
    SQL_ATHENA, /* Amazon Athena over the table of trino_ddl() */
    SQL_LAKE,   /* CloudTrail Lake, over one event data store */
};

struct trino_opts {
    enum sql_target target;
    const char *table;  /* Athena: the table (NULL: cloudtrail_logs); Lake: the
                           event data store id (required) */
    bool approx;        /* count_distinct and pct by approx_distinct and
                           approx_percentile instead of the exact forms */
};

/* The default Athena table name. */
#define TRINO_DEFAULT_TABLE "cloudtrail_logs"

/* Parse a --sql value ("athena" or "lake"); -1 if it is neither. */
int trino_target_parse(const char *name);

/* Compile q (already parsed) for the target: runs the analysis of
 * compile_query() first, then the translation. On success returns 0 and
 * appends the statement (no trailing newline or semicolon) to sql; on a
 * query error returns -1 with err set. copts gives --start/--end (the
 * eventtime and partition predicates) and now(). */
int trino_compile(struct query *q, const struct compile_opts *copts, const struct trino_opts *to,
                  struct strbuf *sql, struct qerror *err);

/* The Athena CREATE TABLE, with partition projection on region and date,
 * for the CloudTrail folder s3_prefix (s3://BUCKET/.../AWSLogs/ACCOUNT/
 * CloudTrail/). Returns 0, or -1 with a message in err. */
int trino_ddl(const char *s3_prefix, const char *table, struct strbuf *out, struct strbuf *err);

/* Is name usable as the table name (Athena) or event data store id
 * (Lake)? Letters, digits, '_' and '-' (and '.' for db.table). */
bool trino_table_name_ok(const char *name);

#endif
