/*
 * sqlfn_groups.h — one registration function per group of SQL functions.
 * sqlfn_register() (sqlfn.c) calls them all; each lives in its own file
 * and installs its functions from a static table (sqlfn_util.h).
 * Each returns SQLITE_OK or the first failing code.
 */
#ifndef TRAILQ_SQLFN_GROUPS_H
#define TRAILQ_SQLFN_GROUPS_H

#include <sqlite3.h>

int sqlfn_register_core(sqlite3 *db);     /* sqlfn_core.c: operators, like, regex, in, parse helpers */
int sqlfn_register_collate(sqlite3 *db);  /* collate.c: INSIGHTS collation, tq_sortkey */
int sqlfn_register_agg(sqlite3 *db);      /* sqlfn_agg.c: aggregates */
int sqlfn_register_time(sqlite3 *db);     /* sqlfn_time.c: bin, datefloor, dateceil, toMillis */
int sqlfn_register_string(sqlite3 *db);   /* sqlfn_string.c */
int sqlfn_register_numeric(sqlite3 *db);  /* sqlfn_numeric.c */
int sqlfn_register_json(sqlite3 *db);     /* sqlfn_json.c */
int sqlfn_register_ip(sqlite3 *db);       /* sqlfn_ip.c */
int sqlfn_register_hash(sqlite3 *db);     /* sqlfn_hash.c */
int sqlfn_register_date(sqlite3 *db);     /* sqlfn_date.c: formatDate, parseDate */
int sqlfn_register_pattern(sqlite3 *db);  /* sqlfn_pattern.c: tq_pattern (the pattern command) */
int sqlfn_register_parse(sqlite3 *db);    /* sqlfn_parse.c: tq_logfmt, tq_csvfield */
int sqlfn_register_cmds(sqlite3 *db);     /* sqlfn_cmds.c: tq_rowsum, tq_relevance, tq_key */
int sqlfn_register_timeseries(sqlite3 *db); /* sqlfn_timeseries.c: tq_rate, tq_histogram */

/* tq_regexreplace (sqlfn_string.c) is registered by sqlfn_register_core with
 * the other regex functions, which share the connection's pattern cache
 * and its budget of regex work (regex.h) as user data. */
void sqlfn_regexreplace(sqlite3_context *ctx, int argc, sqlite3_value **argv);

#endif
