/*
 * sqlfn_time.c — the SQL functions behind Insights' datetime functions:
 * tq_bin (stats ... by bin(period)), tq_datefloor, tq_dateceil, tq_tomillis
 * and tq_frommillis. The calendar work is timeval.h's; this file only turns
 * SQLite values into milliseconds and back.
 *
 * A period reaches SQL as two INTEGER arguments, the count n (>= 1) and the
 * unit (the value of enum period_unit); anything else gives NULL.
 *
 * A bucket boundary outside the int64 range of milliseconds (about 292
 * million years either side of 1970) does not exist: bin, datefloor and
 * dateceil give NULL (missing) for it, as fromMillis does for a number
 * outside the range, never a boundary clamped to the end of the range.
 */
#include <math.h>
#include <stdint.h>

#include "base/timeval.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* A double truncated to int64 ms, if it fits. */
static bool ms_from_double(double d, int64_t *ms)
{
    if (isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
        return false;
    *ms = (int64_t)trunc(d);
    return true;
}

/* A timestamp argument: INTEGER ms; REAL truncated; TEXT as ISO-8601 or as
 * a number (truncated). false for NULL and anything else. */
static bool time_arg(sqlite3_value *v, int64_t *ms)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        *ms = sqlite3_value_int64(v);
        return true;
    case SQLITE_FLOAT:
        return ms_from_double(sqlite3_value_double(v), ms);
    case SQLITE_TEXT: {
        const char *s = (const char *)sqlite3_value_text(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        double d;
        long long i;
        bool is_int;
        if (tv_parse_iso8601(s, n, ms))
            return true;
        if (!sqlfn_text_to_number(s, n, &d, &i, &is_int))
            return false;
        if (is_int) {
            *ms = i;
            return true;
        }
        return ms_from_double(d, ms);
    }
    default:
        return false;
    }
}

/* The period given by argv[0] (count) and argv[1] (unit). */
static bool period_arg(sqlite3_value **argv, struct period *p)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER ||
        sqlite3_value_type(argv[1]) != SQLITE_INTEGER)
        return false;
    long long n = sqlite3_value_int64(argv[0]);
    long long u = sqlite3_value_int64(argv[1]);
    if (n < 1 || u < PU_MS || u > PU_YEAR)
        return false;
    p->n = n;
    p->unit = (enum period_unit)u;
    return true;
}

/* Is t a bucket boundary of p (timeval.h's rules: fixed periods counted
 * from the epoch, weeks from Monday 1970-01-05, calendar periods from
 * January 1970)? Worked out here rather than with tv_floor, which
 * saturates at the ends of the range. */
static bool is_boundary(int64_t t, struct period p)
{
    int64_t len = tv_period_ms(p);
    if (len > 0) {
        __int128 origin = p.unit == PU_WEEK ? (__int128)4 * 86400000 : 0;
        return ((__int128)t - origin) % len == 0;
    }
    struct tv_parts c;
    tv_split(t, &c);
    if (c.day != 1 || c.hour || c.min || c.sec || c.ms)
        return false;
    __int128 per = (__int128)p.n * (p.unit == PU_YEAR ? 12 : p.unit == PU_QUARTER ? 3 : 1);
    return (((__int128)c.year - 1970) * 12 + (c.month - 1)) % per == 0;
}

/* The start of ts's bucket, false when it lies below the int64 range
 * (tv_floor saturates to INT64_MIN then). */
static bool floor_in_range(int64_t ts, struct period p, int64_t *r)
{
    *r = tv_floor(ts, p);
    return *r != INT64_MIN || is_boundary(INT64_MIN, p);
}

/* tq_bin(ts, n, unit, offset_ms); a NULL offset counts as 0. The bucket of
 * ts + offset: stats ... offset looks back, labelling the events of one
 * offset earlier (docs/language.md#stats). Missing past the int64 range. */
static void fn_bin(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    int64_t ts, off = 0, shifted, r;
    struct period p;
    if (!time_arg(argv[0], &ts) || !period_arg(argv + 1, &p))
        return;
    if (sqlite3_value_type(argv[3]) != SQLITE_NULL && !time_arg(argv[3], &off))
        return;
    if (__builtin_add_overflow(ts, off, &shifted) || !floor_in_range(shifted, p, &r))
        return;
    sqlite3_result_int64(ctx, r);
}

static void fn_datefloor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    int64_t ts, r;
    struct period p;
    if (time_arg(argv[0], &ts) && period_arg(argv + 1, &p) && floor_in_range(ts, p, &r))
        sqlite3_result_int64(ctx, r);
}

/* (tv_ceil saturates to INT64_MAX past the range) */
static void fn_dateceil(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    int64_t ts;
    struct period p;
    if (!time_arg(argv[0], &ts) || !period_arg(argv + 1, &p))
        return;
    int64_t r = tv_ceil(ts, p);
    if (r != INT64_MAX || is_boundary(INT64_MAX, p))
        sqlite3_result_int64(ctx, r);
}

static void fn_tomillis(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    int64_t ms;
    if (time_arg(argv[0], &ms))
        sqlite3_result_int64(ctx, ms);
}

/* tq_frommillis(x): any number (numeric text, 'true'/'false' included). */
static void fn_frommillis(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double d;
    long long i;
    bool is_int;
    int64_t ms;
    if (!sqlfn_value_number(argv[0], &d, &i, &is_int))
        return;
    if (is_int)
        sqlite3_result_int64(ctx, i);
    else if (ms_from_double(d, &ms))
        sqlite3_result_int64(ctx, ms);
}

static const struct sqlfn_entry time_fns[] = {
    {"tq_bin", 4, 0, fn_bin},
    {"tq_datefloor", 3, 0, fn_datefloor},
    {"tq_dateceil", 3, 0, fn_dateceil},
    {"tq_tomillis", 1, 0, fn_tomillis},
    {"tq_frommillis", 1, 0, fn_frommillis},
};

int sqlfn_register_time(sqlite3 *db)
{
    return sqlfn_register_table(db, time_fns, sizeof time_fns / sizeof time_fns[0]);
}
