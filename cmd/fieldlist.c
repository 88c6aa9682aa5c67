/*
 * fieldlist.c — the field catalogue as a result table (see fieldlist.h).
 * System fields come first, then event fields in name order.
 */
#include "cmd/fieldlist.h"


#include "base/strbuf.h"
#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "cmd/output.h"
#include "index/record.h"
#include "index/sysfield.h"

/* The SQL that counts, as n, the events having system field f (the columns are
 * those of index/sysfield.h). */
static const char *sys_count_sql(enum sys_field f)
{
    switch (f) {
    case SYSF_TIMESTAMP:
        return "SELECT count(ts) AS n FROM events";
    case SYSF_MESSAGE:
        return "SELECT count(*) AS n FROM raw";
    case SYSF_INGESTION_TIME:
        return "SELECT count(ingest) AS n FROM events";
    case SYSF_LOG:
    case SYSF_LOG_STREAM:
    case SYSF_PTR:
    case SYSF_NONE:
    case SYSF_COUNT:
        break;
    }
    return "SELECT count(*) AS n FROM events";
}

/* field, events, type: the system fields in their order, each only when
 * some event has it (@ingestionTime and @message may be missing), then
 * the event fields by name (their kinds bound as ?1 to ?4). */
static void fields_sql(struct strbuf *sb)
{
    for (int f = 0; f < SYSF_COUNT; f++)
        sb_printf(sb,
                  "SELECT '%s' AS field, n AS events, '%s' AS type FROM (%s) WHERE n > 0"
                  " UNION ALL ",
                  sys_fields[f].name, sys_fields[f].is_time ? "timestamp" : "string",
                  sys_count_sql((enum sys_field)f));
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
    return settings_print_rows(show, cols, 3, stmt);
}

