/*
 * sqlfn_numeric.c — the Insights numeric functions as SQL functions
 * (trailq(1) Numeric functions, plus isNumeric): tq_abs, tq_ceil, tq_floor,
 * tq_greatest, tq_least, tq_log, tq_sqrt, tq_round, tq_tonumber, tq_toint,
 * tq_tolong, tq_todouble, tq_haversine, tq_isnumeric.
 * sqlfn_register_numeric() installs them.
 *
 * Arguments are read with sqlfn_value_number (numbers, numeric text,
 * 'true'/'false' as 1/0); anything else, and a missing argument, gives a
 * missing result — except greatest/least, which skip such arguments, and
 * isNumeric, which answers 0. Results are INTEGER when integral and in the
 * 64-bit range, else REAL (sqlfn_result_number); an exact integer argument
 * stays exact (sqlite3_result_int64) so large values do not pass through a
 * double. toDouble always gives REAL. NaN and infinities give missing.
 *
 * round(x, d) rounds half away from zero on the decimal digits the number
 * prints as (numfmt's shortest form), so round(2.675, 2) is 2.68 as a
 * reader expects, not 2.67 as x*100 in binary would give. d may be negative
 * (round(1234, -2) = 1200) and is truncated to an integer.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* A numeric argument: its double value, and the exact integer when is_int. */
struct num {
    double d;     /* the value */
    long long i;  /* the value when is_int */
    bool is_int;  /* an exact 64-bit integer */
};

static bool num_arg(sqlite3_value *v, struct num *n)
{
    return sqlfn_value_number(v, &n->d, &n->i, &n->is_int) && !isnan(n->d);
}

static void result_num(sqlite3_context *ctx, const struct num *n)
{
    if (n->is_int)
        sqlite3_result_int64(ctx, n->i);
    else
        sqlfn_result_number(ctx, n->d);
}

static void fn_abs(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct num n;
    if (!num_arg(argv[0], &n)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (n.is_int && n.i != INT64_MIN)
        sqlite3_result_int64(ctx, n.i < 0 ? -n.i : n.i);
    else
        sqlfn_result_number(ctx, fabs(n.d));
}

/* ceil or floor (f) of the argument; an exact integer stays exact. */
static void to_whole(sqlite3_context *ctx, sqlite3_value *v, double (*f)(double))
{
    struct num n;
    if (!num_arg(v, &n)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (n.is_int)
        sqlite3_result_int64(ctx, n.i);
    else
        sqlfn_result_number(ctx, f(n.d));
}

static void fn_ceil(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    to_whole(ctx, argv[0], ceil);
}

static void fn_floor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    to_whole(ctx, argv[0], floor);
}

/* <0, 0, >0 as a is less than, equal to or greater than b. */
static int num_cmp(const struct num *a, const struct num *b)
{
    if (a->is_int && b->is_int)
        return (a->i > b->i) - (a->i < b->i);
    return (a->d > b->d) - (a->d < b->d);
}

/* greatest (sign 1) or least (sign -1) of the numeric arguments. */
static void extreme(sqlite3_context *ctx, int argc, sqlite3_value **argv, int sign)
{
    struct num best = {0, 0, false}, n;
    bool any = false;
    for (int k = 0; k < argc; k++) {
        if (!num_arg(argv[k], &n))
            continue;
        if (!any || num_cmp(&n, &best) * sign > 0)
            best = n;
        any = true;
    }
    if (!any)
        sqlite3_result_null(ctx);
    else
        result_num(ctx, &best);
}

static void fn_greatest(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    extreme(ctx, argc, argv, 1);
}

static void fn_least(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    extreme(ctx, argc, argv, -1);
}

static void fn_log(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct num n;
    if (!num_arg(argv[0], &n) || !(n.d > 0)) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlfn_result_number(ctx, log(n.d));
}

static void fn_sqrt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct num n;
    if (!num_arg(argv[0], &n) || n.d < 0) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlfn_result_number(ctx, sqrt(n.d));
}

/* x rounded half away from zero to d decimals, working on the shortest
 * decimal form of x (the digits a reader sees). */
static double round_decimal(double x, int d)
{
    if (x == 0 || !isfinite(x))
        return x;
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    /* buf is [-]D[.DDD]e[+-]XX: collect the digits and the exponent. */
    bool neg = buf[0] == '-';
    char digits[20];
    int nd = 0;
    const char *p = buf + neg;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    int exp10 = (int)strtol(p + 1, NULL, 10); /* weight of digits[0] is 10^exp10 */
    int keep = exp10 + d + 1;                 /* digits whose weight is >= 10^-d */
    if (keep >= nd)
        return x;
    if (keep < 0)
        return 0;
    bool up = digits[keep] >= '5';
    nd = keep;
    if (up) {
        int k = nd - 1;
        while (k >= 0 && digits[k] == '9')
            digits[k--] = '0';
        if (k >= 0) {
            digits[k]++;
        } else { /* all nines (or keep == 0): a new leading 1 */
            memmove(digits + 1, digits, (size_t)nd);
            digits[0] = '1';
            nd++;
            exp10++;
        }
    }
    if (nd == 0)
        return 0;
    char out[48];
    snprintf(out, sizeof out, "%s%c.%.*se%d", neg ? "-" : "", digits[0], nd - 1, digits + 1,
             exp10);
    return strtod(out, NULL);
}

static void fn_round(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct num n, dn = {0, 0, true};
    if (!num_arg(argv[0], &n) || (argc > 1 && !num_arg(argv[1], &dn))) {
        sqlite3_result_null(ctx);
        return;
    }
    double dd = dn.is_int ? (double)dn.i : trunc(dn.d);
    int d = dd > 1000 ? 1000 : dd < -1000 ? -1000 : (int)dd;
    if (n.is_int && d >= 0) {
        sqlite3_result_int64(ctx, n.i);
        return;
    }
    sqlfn_result_number(ctx, round_decimal(n.d, d));
}

static void fn_tonumber(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct num n;
    if (!num_arg(argv[0], &n)) {
        sqlite3_result_null(ctx);
        return;
    }
    result_num(ctx, &n);
}

/* The argument truncated toward zero, if it lies in [lo, hi]. */
static bool truncated_in(sqlite3_value *v, double lo, double hi, long long *out)
{
    struct num n;
    if (!num_arg(v, &n))
        return false;
    if (n.is_int) {
        if ((double)n.i < lo || (double)n.i > hi)
            return false;
        *out = n.i;
        return true;
    }
    double t = trunc(n.d);
    if (!(t >= lo && t <= hi))
        return false;
    *out = (long long)t;
    return true;
}

static void fn_toint(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    long long v;
    if (truncated_in(argv[0], -2147483648.0, 2147483647.0, &v))
        sqlite3_result_int64(ctx, v);
    else
        sqlite3_result_null(ctx);
}

static void fn_tolong(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct num n;
    if (!num_arg(argv[0], &n)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (n.is_int) {
        sqlite3_result_int64(ctx, n.i);
        return;
    }
    double t = trunc(n.d);
    /* 2^63 is exactly representable; the range is [-2^63, 2^63). */
    if (t >= -9223372036854775808.0 && t < 9223372036854775808.0)
        sqlite3_result_int64(ctx, (sqlite3_int64)t);
    else
        sqlite3_result_null(ctx);
}

static void fn_todouble(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct num n;
    if (!num_arg(argv[0], &n) || isinf(n.d)) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_double(ctx, n.d);
}

static void fn_haversine(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    static const double earth_radius_km = 6371.0;
    struct num v[4];
    for (int k = 0; k < 4; k++)
        if (!num_arg(argv[k], &v[k])) {
            sqlite3_result_null(ctx);
            return;
        }
    double rad = M_PI / 180.0;
    double lat1 = v[0].d * rad, lat2 = v[2].d * rad;
    double dlat = (v[2].d - v[0].d) * rad, dlon = (v[3].d - v[1].d) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1) * cos(lat2) * sin(dlon / 2) * sin(dlon / 2);
    if (a > 1)
        a = 1;
    double c = 2 * atan2(sqrt(a), sqrt(1 - a));
    sqlfn_result_number(ctx, earth_radius_km * c);
}

static void fn_isnumeric(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    int yes = 0;
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
        yes = 1;
        break;
    case SQLITE_TEXT:
        yes = sqlfn_text_to_number((const char *)sqlite3_value_text(argv[0]),
                                   (size_t)sqlite3_value_bytes(argv[0]), NULL, NULL, NULL);
        break;
    default:
        break;
    }
    sqlite3_result_int(ctx, yes);
}

static const struct sqlfn_entry numeric_fns[] = {
    {"tq_abs", 1, 0, fn_abs},
    {"tq_ceil", 1, 0, fn_ceil},
    {"tq_floor", 1, 0, fn_floor},
    {"tq_greatest", -1, 0, fn_greatest},
    {"tq_least", -1, 0, fn_least},
    {"tq_log", 1, 0, fn_log},
    {"tq_sqrt", 1, 0, fn_sqrt},
    {"tq_round", 1, 0, fn_round},
    {"tq_round", 2, 0, fn_round},
    {"tq_tonumber", 1, 0, fn_tonumber},
    {"tq_toint", 1, 0, fn_toint},
    {"tq_tolong", 1, 0, fn_tolong},
    {"tq_todouble", 1, 0, fn_todouble},
    {"tq_haversine", 4, 0, fn_haversine},
    {"tq_isnumeric", 1, 0, fn_isnumeric},
};

int sqlfn_register_numeric(sqlite3 *db)
{
    return sqlfn_register_table(db, numeric_fns, sizeof numeric_fns / sizeof numeric_fns[0]);
}
