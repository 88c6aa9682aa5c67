/*
 * jsontime.c — the time of an event from JSON values (see jsontime.h).
 */
#include "parsers/jsontime.h"

#include "base/chars.h"
#include "base/jsondom.h"
#include "base/timeval.h"

/* The one rule for a time given as a number: below 10^11 (in magnitude)
 * epoch seconds, else epoch milliseconds; beyond what a time can be (an
 * int64 of ms would overflow) TS_NONE. */
static int64_t time_from_int(int64_t x)
{
    if (x >= INT64_C(100000000000000000) || x <= -INT64_C(100000000000000000))
        return TS_NONE;
    return x < INT64_C(100000000000) && x > -INT64_C(100000000000) ? x * 1000 : x;
}

static int64_t time_from_real(double x)
{
    if (!(x < 9.2e15 && x > -9.2e15)) /* also NaN */
        return TS_NONE;
    return x < 1e11 && x > -1e11 ? (int64_t)(x * 1000) : (int64_t)x;
}

/* An ISO-8601 string, or 9 to 15 digits read as a number. */
static int64_t time_from_text(const char *s, size_t n)
{
    int64_t ms;
    if (tv_parse_iso8601(s, n, &ms))
        return ms;
    if (n < 9 || n > 15)
        return TS_NONE;
    int64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        if (!ch_is_digit(s[i]))
            return TS_NONE;
        x = x * 10 + (s[i] - '0');
    }
    return time_from_int(x);
}

int64_t jsontime_value(const json_t *v)
{
    size_t len;
    const char *s = jdom_string(v, &len);
    if (s)
        return time_from_text(s, len);
    if (json_is_integer(v))
        return time_from_int((int64_t)json_integer_value(v));
    if (json_is_real(v))
        return time_from_real(json_real_value(v));
    return TS_NONE;
}

int64_t jsontime_scanned(const struct jf_value *v)
{
    switch (v->kind) {
    case JF_STRING: return time_from_text(v->str, v->len);
    case JF_INT: return time_from_int(v->ival);
    case JF_REAL: return time_from_real(v->dval);
    default: return TS_NONE;
    }
}

const char *const jsontime_keys[JSONTIME_N_KEYS] = {"@timestamp", "timestamp", "time",
                                                      "eventTime", "ts"};

int64_t jsontime_first(const json_t *obj, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const json_t *v = json_object_get(obj, keys[i]);
        if (v) {
            int64_t ms = jsontime_value(v);
            if (ms != TS_NONE)
                return ms;
        }
    }
    return TS_NONE;
}

int64_t jsontime_of_object(const json_t *obj)
{
    return jsontime_first(obj, jsontime_keys, JSONTIME_N_KEYS);
}
