/*
 * sqlfn_pattern.c — tq_pattern(value, ts), the aggregate behind the
 * `pattern` command (query/cmd_pattern.c builds the SQL around it).
 *
 * It feeds every value that is not missing to a pattern miner
 * (query/pattern.h), in the order SQLite hands the rows over (the compiler
 * sorts them first), and returns the patterns as one JSON array, most
 * values first:
 *
 *     [["<pattern>", <ratio>, <count>, "<severity>", <first_ms>, <last_ms>], ...]
 *
 * (first_ms and last_ms are null when no value had a timestamp). With four
 * arguments, tq_pattern(value, ts, t0, t1), the miner also keeps the
 * statistics of the anomaly rules (query/anomaly.h) over the range
 * [t0, t1], and a pattern that has anomalies gets its "<kinds>",
 * "<description>", "<priority>" as elements 6 to 8 (null otherwise).
 * Element 9 is the number of values of the comparison window, which
 * tq_diff(value, ts, current_start) counts apart for `diff` (cmd_diff.c).
 * The
 * compiler expands the array with json_each, one row per pattern. A
 * number is clustered as its text (trailq(1), Result columns).
 *
 * Memory: the miner lives in the aggregate context and is freed in xFinal,
 * which SQLite calls exactly once, also when the statement is interrupted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "base/timeval.h"
#include "query/pattern.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

struct pattern_state {
    struct pat_miner *miner;  /* made at the first value */
};

static void pattern_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(argv[0], &n, buf);
    if (!s)
        return;
    struct pattern_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (!st->miner) {
        st->miner = pat_new();
        if (argc == 4 && sqlite3_value_type(argv[2]) == SQLITE_INTEGER &&
            sqlite3_value_type(argv[3]) == SQLITE_INTEGER)
            pat_watch(st->miner, sqlite3_value_int64(argv[2]), sqlite3_value_int64(argv[3]));
    }
    int64_t ts = INT64_MIN;
    if (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_INTEGER)
        ts = sqlite3_value_int64(argv[1]);
    pat_add(st->miner, s, n, ts);
}

/* tq_diff(value, ts, current_start): values before current_start are the
 * comparison window's. */
static void diff_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(argv[0], &n, buf);
    if (!s || sqlite3_value_type(argv[1]) != SQLITE_INTEGER)
        return;
    struct pattern_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
    if (!st) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (!st->miner)
        st->miner = pat_new();
    int64_t ts = sqlite3_value_int64(argv[1]);
    if (sqlite3_value_type(argv[2]) == SQLITE_INTEGER && ts < sqlite3_value_int64(argv[2]))
        pat_add_previous(st->miner, s, n, ts);
    else
        pat_add(st->miner, s, n, ts);
}

static void pattern_final(sqlite3_context *ctx)
{
    struct pattern_state *st = sqlite3_aggregate_context(ctx, 0);
    if (!st || !st->miner) {
        sqlite3_result_text(ctx, "[]", 2, SQLITE_STATIC);
        return;
    }
    size_t n;
    const struct pat_result *r = pat_finish(st->miner, &n);
    double total = (double)pat_total(st->miner);
    struct strbuf sb = STRBUF_INIT;
    char num[NUMFMT_MAX];
    sb_putc(&sb, '[');
    for (size_t i = 0; i < n; i++) {
        sb_puts(&sb, i ? ",[" : "[");
        sb_json_quote(&sb, r[i].pattern, r[i].pattern_len);
        if (total > 0)
            fmt_double((double)r[i].count / total, num);
        else
            snprintf(num, sizeof num, "null");
        sb_printf(&sb, ",%s,%lld,", num, (long long)r[i].count);
        sb_json_quote(&sb, r[i].severity, strlen(r[i].severity));
        if (r[i].first_ms != INT64_MAX)
            sb_printf(&sb, ",%lld,%lld", (long long)r[i].first_ms, (long long)r[i].last_ms);
        else
            sb_puts(&sb, ",null,null");
        if (r[i].anomaly_types) {
            sb_putc(&sb, ',');
            sb_json_quote(&sb, r[i].anomaly_types, strlen(r[i].anomaly_types));
            sb_putc(&sb, ',');
            sb_json_quote(&sb, r[i].anomaly_description, strlen(r[i].anomaly_description));
            sb_printf(&sb, ",\"%s\"", r[i].anomaly_priority);
        } else {
            sb_puts(&sb, ",null,null,null");
        }
        sb_printf(&sb, ",%lld", (long long)r[i].previous);
        sb_putc(&sb, ']');
    }
    sb_putc(&sb, ']');
    pat_free(st->miner);
    st->miner = NULL;
    sqlite3_result_text64(ctx, sb.buf, sb.len, free, SQLITE_UTF8);
}

/* tq_monthsback(ms, n): the same time n calendar months earlier (the day
 * clamped to the month's last: March 31 -> February 28 or 29), for
 * `diff previousMonth` and `logcompare timeshift 1mo`. */
static void monthsback_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER ||
        sqlite3_value_type(argv[1]) != SQLITE_INTEGER)
        return;
    long long n = sqlite3_value_int64(argv[1]);
    if (n < 0 || n > 120000)
        return;
    sqlite3_result_int64(ctx, tv_months_back(sqlite3_value_int64(argv[0]), (int)n));
}

int sqlfn_register_pattern(sqlite3 *db)
{
    int rc = sqlite3_create_function_v2(db, "tq_diff", 3,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        NULL, NULL, diff_step, pattern_final, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "tq_monthsback", 2,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        NULL, monthsback_fn, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    for (int n_args = 1; n_args <= 4; n_args++) {
        rc = sqlite3_create_function_v2(db, "tq_pattern", n_args,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                            NULL, NULL, pattern_step, pattern_final, NULL);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
