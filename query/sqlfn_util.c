/*
 * sqlfn_util.c — value helpers shared by the SQL functions (see
 * sqlfn_util.h), and the number-parsing rule of docs/language.md#comparisons-and-missing-values.
 */
#include "query/sqlfn_util.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/chars.h"
#include "base/xalloc.h"
#include "query/sqlfn.h"

bool sqlfn_text_to_number(const char *s, size_t n, double *d, long long *i, bool *is_int)
{
    size_t p = 0;
    bool digits = false, integral = true;
    if (n == 0)
        return false;
    if (s[p] == '-' || s[p] == '+')
        p++;
    while (p < n && ch_is_digit(s[p]))
        p++, digits = true;
    if (p < n && s[p] == '.') {
        integral = false;
        p++;
        while (p < n && ch_is_digit(s[p]))
            p++, digits = true;
    }
    if (!digits)
        return false;
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        integral = false;
        p++;
        if (p < n && (s[p] == '-' || s[p] == '+'))
            p++;
        bool exp_digits = false;
        while (p < n && ch_is_digit(s[p]))
            p++, exp_digits = true;
        if (!exp_digits)
            return false;
    }
    if (p != n)
        return false;
    char tmp[64];
    char *heap = NULL;
    char *buf = tmp;
    if (n >= sizeof tmp)
        buf = heap = xmalloc(n + 1); /* out of memory ends the process, as everywhere */
    memcpy(buf, s, n);
    buf[n] = '\0';
    double dv = strtod(buf, NULL);
    bool exact = false;
    long long iv = 0;
    if (integral) {
        char *end;
        errno = 0;
        iv = strtoll(buf, &end, 10);
        exact = errno == 0;
    }
    free(heap);
    if (d)
        *d = dv;
    if (i)
        *i = exact ? iv : (long long)0;
    if (is_int)
        *is_int = exact;
    return true;
}

bool sqlfn_value_number(sqlite3_value *v, double *d, long long *i, bool *is_int)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: {
        long long iv = sqlite3_value_int64(v);
        if (d) *d = (double)iv;
        if (i) *i = iv;
        if (is_int) *is_int = true;
        return true;
    }
    case SQLITE_FLOAT: {
        double dv = sqlite3_value_double(v);
        if (d) *d = dv;
        if (i) *i = 0;
        if (is_int) *is_int = false;
        return true;
    }
    case SQLITE_TEXT: {
        const char *s = (const char *)sqlite3_value_text(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        if ((n == 4 && memcmp(s, "true", 4) == 0) || (n == 5 && memcmp(s, "false", 5) == 0)) {
            long long b = n == 4;
            if (d) *d = (double)b;
            if (i) *i = b;
            if (is_int) *is_int = true;
            return true;
        }
        return sqlfn_text_to_number(s, n, d, i, is_int);
    }
    default:
        return false;
    }
}

const char *sqlfn_value_text(sqlite3_value *v, size_t *len, char buf[NUMFMT_MAX])
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_NULL:
        *len = 0;
        return NULL;
    case SQLITE_INTEGER:
        *len = fmt_int(sqlite3_value_int64(v), buf);
        return buf;
    case SQLITE_FLOAT:
        *len = fmt_double(sqlite3_value_double(v), buf);
        return buf;
    default: {
        const char *s = (const char *)sqlite3_value_text(v);
        *len = (size_t)sqlite3_value_bytes(v);
        return s ? s : "";
    }
    }
}

void sqlfn_result_number(sqlite3_context *ctx, double d)
{
    if (isnan(d) || isinf(d)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (d == floor(d) && d >= -9.2e18 && d <= 9.2e18)
        sqlite3_result_int64(ctx, (sqlite3_int64)d);
    else
        sqlite3_result_double(ctx, d);
}

int sqlfn_register_table(sqlite3 *db, const struct sqlfn_entry *t, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        int flags = SQLITE_UTF8;
        if (t[k].flags & SQLFN_VOLATILE)
            flags |= (t[k].flags & ~SQLFN_VOLATILE);
        else
            flags |= SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS | t[k].flags;
        int rc = sqlite3_create_function_v2(db, t[k].name, t[k].n_args, flags, NULL, t[k].fn,
                                            NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
