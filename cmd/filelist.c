/*
 * filelist.c — the sources of the index as a result table (see
 * filelist.h). The state of each name is looked at now, with stat(2),
 * through the SQL function tq_file_state registered here.
 */
#include "cmd/filelist.h"

#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "cmd/output.h"

/* tq_file_state(path, size, mtime_ns): 2 the file is as recorded, 1 it
 * exists but differs, 0 it is gone, -1 the name is standard input. */
static void fn_file_state(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *path = (const char *)sqlite3_value_text(argv[0]);
    if (!path || strcmp(path, "-") == 0) {
        sqlite3_result_int(ctx, -1);
        return;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    int64_t mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    sqlite3_result_int(ctx, (int64_t)st.st_size == sqlite3_value_int64(argv[1]) &&
                                    mtime_ns == sqlite3_value_int64(argv[2])
                                ? 2
                                : 1);
}

static const char files_sql[] =
    "SELECT s.path, s.type,"
    " (SELECT CASE max(st) WHEN 2 THEN 'present' WHEN 1 THEN 'changed' WHEN 0 THEN 'missing'"
    "  WHEN -1 THEN 'stdin' END FROM (SELECT tq_file_state(p.path, p.size, p.mtime_ns) AS st"
    "  FROM source_paths p WHERE p.src = s.id)),"
    " s.n_events, s.n_skipped, s.first_ts, s.last_ts, s.size, s.mtime, s.sha256, s.loaded_at,"
    " (SELECT group_concat(path, '; ') FROM (SELECT p.path FROM source_paths p"
    "  WHERE p.src = s.id ORDER BY p.path))"
    " FROM sources s%s ORDER BY s.id";

int filelist_print(struct store *st, bool scoped, const struct settings *show)
{
    sqlite3 *db = store_db(st);
    if (sqlite3_create_function(db, "tq_file_state", 3, SQLITE_UTF8, NULL, fn_file_state, NULL,
                                NULL) != SQLITE_OK) {
        errorf("index: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    char sql[sizeof files_sql + 64];
    snprintf(sql, sizeof sql, files_sql,
             scoped ? " WHERE s.id IN (SELECT id FROM temp.tq_scope_src)" : "");
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        errorf("index: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    static const struct out_col cols[] = {
        {"source", OT_ANY},  {"type", OT_ANY},     {"state", OT_ANY},   {"events", OT_ANY},
        {"unreadable", OT_ANY}, {"first", OT_TIME}, {"last", OT_TIME},  {"size", OT_ANY},
        {"modified", OT_TIME}, {"sha256", OT_ANY}, {"loaded", OT_TIME}, {"names", OT_ANY},
    };
    return settings_print_rows(show, cols, sizeof cols / sizeof cols[0], stmt);
}
