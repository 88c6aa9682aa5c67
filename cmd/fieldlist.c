/*
 * fieldlist.c — the field catalogue as a result table (see fieldlist.h).
 * System fields come first, then event fields in name order.
 */
#include "cmd/fieldlist.h"

#include <errno.h>
#include <string.h>

#include "base/strbuf.h"
#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "cmd/output.h"
#include "index/record.h"
#include "index/sysfield.h"

/* The SQL that counts the events having system field f (the columns are
 * those of index/sysfield.h). */
static const char *sys_count_sql(enum sys_field f)
{
    switch (f) {
    case SYSF_TIMESTAMP:
        return "SELECT count(ts) FROM events";
    case SYSF_MESSAGE:
        return "SELECT count(*) FROM raw";
    case SYSF_INGESTION_TIME:
        return "SELECT count(ingest) FROM events";
    case SYSF_LOG:
    case SYSF_LOG_STREAM:
    case SYSF_PTR:
    case SYSF_NONE:
    case SYSF_COUNT:
        break;
    }
    return "SELECT count(*) FROM events";
}

/* field, events, type: the system fields in their order, then the event
 * fields by name (their kinds bound as ?1 to ?4). */
static void fields_sql(struct strbuf *sb)
{
    for (int f = 0; f < SYSF_COUNT; f++)
        sb_printf(sb, "SELECT '%s' AS field, (%s) AS events, '%s' AS type UNION ALL ",
                  sys_fields[f].name, sys_count_sql((enum sys_field)f),
                  sys_fields[f].is_time ? "timestamp" : "string");
    sb_puts(sb, "SELECT * FROM (SELECT name, n_events, trim("
                "  (CASE WHEN kinds & ?1 THEN 'string ' ELSE '' END) ||"
                "  (CASE WHEN kinds & ?2 THEN 'number ' ELSE '' END) ||"
                "  (CASE WHEN kinds & ?3 THEN 'boolean ' ELSE '' END) ||"
                "  (CASE WHEN kinds & ?4 THEN 'json' ELSE '' END)) FROM fields ORDER BY name)");
}

int fieldlist_print(struct store *st, const struct settings *show)
{
    sqlite3 *db = store_db(st);
    sqlite3_stmt *stmt = NULL;
    struct strbuf sql = STRBUF_INIT;
    fields_sql(&sql);
    int prep = sqlite3_prepare_v2(db, sb_str(&sql), (int)sql.len, &stmt, NULL);
    sb_free(&sql);
    if (prep != SQLITE_OK) {
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
