/*
 * fieldlist.c — the field catalogue as a result table (see fieldlist.h).
 * System fields come first, then event fields in name order.
 */
#include "cmd/fieldlist.h"

#include <errno.h>
#include <string.h>

#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "cmd/output.h"
#include "index/record.h"

static const char *const fields_sql =
    "SELECT '@timestamp' AS field, (SELECT count(ts) FROM events) AS events, 'timestamp' AS type"
    " UNION ALL SELECT '@message', (SELECT count(*) FROM raw), 'string'"
    " UNION ALL SELECT '@log', (SELECT count(*) FROM events), 'string'"
    " UNION ALL SELECT '@logStream', (SELECT count(*) FROM events), 'string'"
    " UNION ALL SELECT '@ptr', (SELECT count(*) FROM events), 'string'"
    " UNION ALL SELECT '@ingestionTime', (SELECT count(ingest) FROM events), 'timestamp'"
    " UNION ALL SELECT * FROM (SELECT name, n_events, trim("
    "  (CASE WHEN kinds & ?1 THEN 'string ' ELSE '' END) ||"
    "  (CASE WHEN kinds & ?2 THEN 'number ' ELSE '' END) ||"
    "  (CASE WHEN kinds & ?3 THEN 'boolean ' ELSE '' END) ||"
    "  (CASE WHEN kinds & ?4 THEN 'json' ELSE '' END)) FROM fields ORDER BY name)";

int fieldlist_print(struct store *st, const struct settings *show)
{
    sqlite3 *db = store_db(st);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, fields_sql, -1, &stmt, NULL) != SQLITE_OK) {
        errorf("index: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    /* the kinds of value a field has held (index/record.h) */
    sqlite3_bind_int(stmt, 1, FV_STR);
    sqlite3_bind_int(stmt, 2, FV_INT | FV_REAL);
    sqlite3_bind_int(stmt, 3, FV_BOOL);
    sqlite3_bind_int(stmt, 4, FV_JSON);
    static const struct out_col cols[] = {{"field", OT_ANY}, {"events", OT_ANY}, {"type", OT_ANY}};
    struct out_writer *w = settings_writer(show, cols, 3);
    int rc;
    bool failed = false;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        /* @ingestionTime and @message only when some event has them */
        const char *name = (const char *)sqlite3_column_text(stmt, 0);
        if (name[0] == '@' && sqlite3_column_int64(stmt, 1) == 0)
            continue;
        if (out_row(w, stmt) < 0) {
            failed = true;
            break;
        }
    }
    sqlite3_finalize(stmt);
    errno = 0;
    if ((out_close(w) < 0 || failed) && errno != EPIPE) {
        errorf("writing the results failed: %s", strerror(errno ? errno : EIO));
        return EXIT_FAIL;
    }
    if (!failed && rc != SQLITE_DONE) {
        errorf("index: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    return EXIT_OK;
}
