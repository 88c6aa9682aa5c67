/*
 * run.c — from a parsed query to printed rows (see run.h).
 */
#include "cmd/run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/fieldcheck.h"
#include "base/timeval.h"
#include "base/xalloc.h"
#include "cmd/chart.h"
#include "cmd/clock.h"
#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "cmd/output.h"
#include "cmd/pager.h"
#include "cmd/term.h"
#include "index/record.h"
#include "query/qerror.h"
#include "query/rterror.h"

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

/* How column i is shown: times and booleans by their static type, maps
 * and lists as JSON, and a field shown unchanged by the kinds of value the
 * catalogue has seen for it (only booleans, or only maps and lists: JSON
 * values in json output; mixed kinds stay text). */
static enum out_type col_type(struct store *st, const struct result_col *c)
{
    switch (c->type) {
    case VT_TIME: return OT_TIME;
    case VT_BOOL: return OT_BOOL;
    case VT_JSON:
    case VT_LIST: return OT_JSON;
    default: break;
    }
    const struct store_field *f = c->field ? store_field(st, c->field) : NULL;
    if (f && f->kinds == FV_JSON)
        return OT_JSON;
    /* A full index keeps leaves only: a name with fields below it is an
     * object or array read back whole (only those, when it is no leaf;
     * mixed kinds, when it is one in some events), as a one-shot index
     * that stores it whole says with FV_JSON. */
    bool below = c->field && store_has_children(st, c->field);
    if (f && f->kinds == FV_BOOL && !below)
        return OT_TEXTBOOL;
    if (!f && below)
        return OT_JSON;
    return OT_ANY;
}

/* The events the query looked at: those of the index, or of the sources in
 * scope (--db with PATHs), within the time window it reads (--start/--end,
 * .start/.end, moved back by a stats offset). */
static int64_t events_scanned(struct store *st, const struct compile_opts *co,
                              const struct compile_result *cr)
{
    bool scoped = co->scope_where && *co->scope_where;
    if (!scoped && !co->has_range)
        return store_n_events(st);
    struct strbuf sql = STRBUF_INIT;
    sb_puts(&sql, "SELECT count(*) FROM events e WHERE 1");
    if (co->has_range)
        sb_printf(&sql, " AND e.ts >= %lld AND e.ts < %lld", (long long)cr->window_start_ms,
                  (long long)cr->window_end_ms);
    if (scoped)
        sb_printf(&sql, " AND %s", co->scope_where);
    sqlite3_stmt *stmt = NULL;
    int64_t n = -1;
    if (sqlite3_prepare_v2(store_db(st), sb_str(&sql), -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sb_free(&sql);
    return n;
}

/* "2,900" */
static void put_count(struct strbuf *sb, int64_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%lld", (long long)n);
    for (int i = 0; i < len; i++) {
        if (i && digits[i - 1] != '-' && (len - i) % 3 == 0)
            sb_putc(sb, ',');
        sb_putc(sb, digits[i]);
    }
}

void run_status(size_t rows, int64_t events, int64_t elapsed_ms)
{
    struct strbuf sb = STRBUF_INIT;
    put_count(&sb, (int64_t)rows);
    sb_puts(&sb, rows == 1 ? " row" : " rows");
    if (events >= 0 || elapsed_ms >= 0)
        sb_puts(&sb, " (");
    if (events >= 0) {
        put_count(&sb, events);
        sb_puts(&sb, events == 1 ? " event scanned" : " events scanned");
    }
    if (elapsed_ms >= 0) {
        double secs = (double)elapsed_ms / 1000.0;
        sb_printf(&sb, secs < 10 ? "%sin %.2f s" : "%sin %.1f s", events >= 0 ? " " : "", secs);
    }
    if (events >= 0 || elapsed_ms >= 0)
        sb_putc(&sb, ')');
    msg_status("%s", sb_str(&sb));
    sb_free(&sb);
}

/* The status after a step of the result failed (the error is reported). */
static int step_failed(const struct query *q, const struct compile_result *cr, sqlite3 *db)
{
    const char *msg = sqlite3_errmsg(db);
    struct qerror rqe = {0};
    if (compile_runtime_error(q, cr, msg, &rqe)) {
        print_query_error(q, &rqe);
        return EXIT_USAGE;
    }
    if (rterror_kind(msg) == RTE_REGEX) {
        errorf("query error: %s", msg);
        return EXIT_USAGE;
    }
    errorf("query failed: %s", msg);
    return EXIT_FAIL;
}

/* The rows of stmt in the settings' format, through the pager when a table
 * is taller than the terminal; finalizes stmt. Returns the status and the
 * number of rows in *n_rows. */
static int write_rows(const struct query *q, const struct compile_result *cr, struct store *st,
                      sqlite3_stmt *stmt, const struct settings *show, bool color,
                      bool out_terminal, size_t *n_rows)
{
    FILE *out = show->out;
    struct out_col *cols = xcalloc(cr->n_cols ? cr->n_cols : 1, sizeof *cols);
    for (size_t i = 0; i < cr->n_cols; i++) {
        cols[i].name = cr->cols[i].name;
        cols[i].type = col_type(st, &cr->cols[i]);
    }
    struct out_writer *w = settings_writer(show, cols, cr->n_cols);
    out_set_color(w, color);
    int status = EXIT_OK, rc;
    bool write_failed = false;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out_row(w, stmt) < 0) {
            write_failed = true;
            break;
        }
    }
    if (!write_failed && rc != SQLITE_DONE)
        status = step_failed(q, cr, sqlite3_db_handle(stmt));
    sqlite3_finalize(stmt);
    /* a table taller than the terminal: through the pager */
    struct pager *pager = NULL;
    size_t lines = out_table_lines(w);
    int height = out_terminal ? term_height(fileno(out)) : 0;
    if (show->pager && !write_failed && status == EXIT_OK && height > 0 &&
        lines >= (size_t)height) {
        pager = pager_open();
        if (pager) {
            fflush(out);
            out_redirect(w, pager_file(pager));
        }
    }
    *n_rows = out_rows(w);
    errno = 0;
    if (out_close(w) < 0 || write_failed) {
        if (errno != EPIPE) {
            errorf("writing the results failed: %s", strerror(errno ? errno : EIO));
            status = EXIT_FAIL;
        }
    }
    pager_close(pager);
    free(cols);
    return status;
}

int run_query(struct store *st, struct query *q, const struct run_opts *ro)
{
    int64_t start = ro->start_ms ? ro->start_ms : clock_mono_ms();
    const struct settings *show = ro->show;
    FILE *out = show->out;
    enum out_format format = out_format_for(show->format, out);
    struct compile_opts co = *ro->copts;
    co.raw_message = format == OUT_RAW;
    struct compile_result cr;
    struct qerror qe = {0};
    if (compile_query(q, st, &co, &cr, &qe) < 0) {
        print_query_error(q, &qe);
        return EXIT_USAGE;
    }
    if (ro->check_fields)
        fieldcheck_store(st, q->text, q->len, cr.raw_fields, cr.n_raw_fields);
    if (ro->range_loaded && co.has_range && cr.range_start_ms < co.start_ms &&
        cr.range_start_ms < ro->loaded_start_ms) {
        /* diff or a stats offset reads before the events loaded */
        char buf[TV_FMT_MAX];
        tv_format(ro->loaded_start_ms, buf);
        notef("this query reads events before %s, which were not read (--start without --db): "
              "its results miss them",
              buf);
    }
    if (ro->make_indexes) {
        if (cr.limits_newest_first)
            store_ensure_time_index(st);
        for (size_t i = 0; i < cr.n_hints; i++)
            store_ensure_index(st, cr.hints[i].fields, cr.hints[i].n_fields);
    }
    store_for_queries(st);
    if (ro->explain)
        return explain(st, &cr, out);
    sqlite3 *db = store_db(st);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, cr.sql, -1, &stmt, NULL) != SQLITE_OK) {
        errorf("internal error: the compiled SQL does not prepare: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    int out_fd = fileno(out);
    bool out_terminal = out_fd >= 0 && term_is(out_fd);
    int status = EXIT_OK;
    size_t rows = 0;
    if (show->chart && chart_possible(cr.cols, cr.n_cols)) {
        int rc = chart_draw(stmt, cr.cols, cr.n_cols, show, out,
                            out_terminal ? term_width(out_fd) : 0,
                            out_terminal ? term_height(out_fd) : 0, term_utf8(), &rows);
        if (rc > 0)
            status = step_failed(q, &cr, db);
        sqlite3_finalize(stmt);
        if (rc < 0 && errno != EPIPE) {
            errorf("writing the chart failed: %s", strerror(errno ? errno : EIO));
            status = EXIT_FAIL;
        }
    } else {
        if (show->chart)
            warnf("a chart draws the result of stats; this query's rows are shown as they are");
        status = write_rows(q, &cr, st, stmt, show, ro->color, out_terminal, &rows);
    }
    if (status == EXIT_OK && ro->status && term_is(STDERR_FILENO))
        run_status(rows, events_scanned(st, ro->copts, &cr),
                   show->timer ? clock_mono_ms() - start : -1);
    return status;
}
