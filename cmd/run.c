/*
 * run.c — from a parsed query to printed rows (see run.h).
 */
#include "cmd/run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/fieldcheck.h"
#include "base/xalloc.h"
#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "cmd/output.h"
#include "query/qerror.h"

static void print_query_error(const struct query *q, const struct qerror *qe)
{
    struct strbuf sb = STRBUF_INIT;
    qerror_render(qe, q->text, q->len, &sb);
    msg_raw(sb_str(&sb));
    sb_free(&sb);
}

static int explain(struct store *st, const struct compile_result *cr, FILE *out)
{
    sqlite3 *db = store_db(st);
    fprintf(out, "-- SQL\n%s\n-- plan\n", cr->sql);
    struct strbuf sql = STRBUF_INIT;
    sb_printf(&sql, "EXPLAIN QUERY PLAN %s", cr->sql);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, sb_str(&sql), -1, &stmt, NULL);
    sb_free(&sql);
    if (rc != SQLITE_OK) {
        errorf("internal error: the compiled SQL does not prepare: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    /* rows: id, parent, notused, detail; indent by depth */
    int ids[256], depth[256], n = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        int id = sqlite3_column_int(stmt, 0), parent = sqlite3_column_int(stmt, 1);
        int d = 0;
        for (int i = 0; i < n; i++)
            if (ids[i] == parent)
                d = depth[i] + 1;
        if (n < 256) {
            ids[n] = id;
            depth[n] = d;
            n++;
        }
        fprintf(out, "%*s%s\n", 2 * d, "", (const char *)sqlite3_column_text(stmt, 3));
    }
    sqlite3_finalize(stmt);
    return EXIT_OK;
}

int run_query(struct store *st, struct query *q, const struct run_opts *ro)
{
    struct compile_result cr;
    struct qerror qe = {0};
    if (compile_query(q, st, ro->copts, &cr, &qe) < 0) {
        print_query_error(q, &qe);
        return EXIT_USAGE;
    }
    if (ro->check_fields)
        fieldcheck_store(st, q->text, q->len, cr.raw_fields, cr.n_raw_fields);
    if (ro->make_indexes) {
        if (cr.limits_newest_first)
            store_ensure_time_index(st);
        for (size_t i = 0; i < cr.n_hints; i++)
            store_ensure_index(st, cr.hints[i].fields, cr.hints[i].n_fields);
    }
    store_for_queries(st);
    if (ro->explain)
        return explain(st, &cr, ro->out);
    sqlite3 *db = store_db(st);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, cr.sql, -1, &stmt, NULL) != SQLITE_OK) {
        errorf("internal error: the compiled SQL does not prepare: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    struct out_col *cols = xcalloc(cr.n_cols ? cr.n_cols : 1, sizeof *cols);
    for (size_t i = 0; i < cr.n_cols; i++) {
        cols[i].name = cr.cols[i].name;
        cols[i].type = cr.cols[i].type == VT_TIME   ? OT_TIME
                       : cr.cols[i].type == VT_BOOL ? OT_BOOL
                                                    : OT_ANY;
    }
    struct out_writer *w = out_open(ro->format, ro->out, cols, cr.n_cols, ro->term_width);
    out_set_color(w, ro->color);
    int status = EXIT_OK, rc;
    bool write_failed = false;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out_row(w, stmt) < 0) {
            write_failed = true;
            break;
        }
    }
    if (!write_failed && rc != SQLITE_DONE) {
        const char *msg = sqlite3_errmsg(db);
        struct qerror rqe = {0};
        if (compile_runtime_error(q, &cr, msg, &rqe)) {
            print_query_error(q, &rqe);
            status = 2;
        } else if (strncmp(msg, "regex:", 6) == 0) {
            errorf("query error: %s", msg);
            status = EXIT_USAGE;
        } else {
            errorf("query failed: %s", msg);
            status = EXIT_FAIL;
        }
    }
    sqlite3_finalize(stmt);
    errno = 0;
    if (out_close(w) < 0 || write_failed) {
        if (errno != EPIPE) {
            errorf("writing the results failed: %s", strerror(errno ? errno : EIO));
            status = EXIT_FAIL;
        }
    }
    free(cols);
    return status;
}
