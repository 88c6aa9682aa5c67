/*
 * sqlfn.c — sqlfn_register(): installs every SQL function group and the
 * INSIGHTS collation on a connection (see sqlfn.h for the conventions and
 * sqlfn_groups.h for the groups). The groups live in their own files; this
 * one only calls them in order and stops at the first failure.
 */
#include "query/sqlfn.h"

#include "query/sqlfn_groups.h"

int sqlfn_register(sqlite3 *db)
{
    static int (*const groups[])(sqlite3 *) = {
        sqlfn_register_core,    sqlfn_register_collate, sqlfn_register_agg,
        sqlfn_register_time,    sqlfn_register_string,  sqlfn_register_numeric,
        sqlfn_register_json,    sqlfn_register_ip,      sqlfn_register_hash,
        sqlfn_register_date,    sqlfn_register_pattern, sqlfn_register_parse,
        sqlfn_register_cmds,
        sqlfn_register_timeseries,
    };
    for (size_t k = 0; k < sizeof groups / sizeof groups[0]; k++) {
        int rc = groups[k](db);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
