/*
 * msgfields.c — fields of CloudWatch Logs messages (see msgfields.h).
 *
 * The checks go from the most to the least specific: a whole JSON object,
 * a flow record of the exact version 2 shape, a Lambda line.
 */
#include "parsers/msgfields.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/chars.h"
#include "base/jsondom.h"
#include "base/timeval.h"

#include "parsers/flatten.h"
#include "parsers/lambda.h"
#include "parsers/vpcflow.h"

void msgfields_add(struct rec_batch *b, const char *msg, size_t n,
                   const struct ingest_plan *plan, bool lambda_source)
{
    size_t i = 0, e = n;
    while (i < e && ch_is_json_ws(msg[i]))
        i++;
    while (e > i && ch_is_json_ws(msg[e - 1]))
        e--;
    if (e - i >= 2 && msg[i] == '{' && msg[e - 1] == '}') {
        json_t *v = jdom_load(msg + i, e - i, 0, NULL);
        if (v && json_is_object(v)) {
            flatten_json(b, v, NULL, plan);
            json_decref(v);
            return;
        }
        json_decref(v);
    }
    int64_t start;
    if (vpc_add_default_record(b, msg + i, e - i, plan, &start))
        return;
    struct lambda_line ll;
    if (lambda_parse_line(msg, n, &ll) || lambda_source)
        lambda_add_fields(b, &ll, plan);
}

bool msgfields_lambda_source(const char *group, size_t group_len, const char *stream,
                             size_t stream_len)
{
    if (group && group_len >= 12 && memcmp(group, "/aws/lambda/", 12) == 0)
        return true;
    /* 2020/03/05/[$LATEST]20bddfd5a2dc4c6b97ac02800eae90d0 */
    if (!stream || stream_len < 13)
        return false;
    for (int k = 0; k < 11; k++) {
        char c = stream[k];
        bool ok = (k == 4 || k == 7 || k == 10) ? c == '/' : ch_is_digit(c);
        if (!ok)
            return false;
    }
    return stream[11] == '[' && memchr(stream + 12, ']', stream_len - 12) != NULL;
}

bool msgfields_may_match(const struct ingest_plan *plan, const char *raw, size_t n)
{
    if (plan->n_groups == 0)
        return true;
    if (memmem(raw, n, "\\/", 2))
        return true;
    return plan_may_match(plan, raw, n);
}

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

int64_t msgfields_time_value(const json_t *v)
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

int64_t msgfields_time_scanned(const struct jf_value *v)
{
    switch (v->kind) {
    case JF_STRING: return time_from_text(v->str, v->len);
    case JF_INT: return time_from_int(v->ival);
    case JF_REAL: return time_from_real(v->dval);
    default: return TS_NONE;
    }
}

int64_t msgfields_json_time(const json_t *obj)
{
    static const char *const keys[] = {"@timestamp", "timestamp", "time", "eventTime", "ts"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const json_t *v = json_object_get(obj, keys[i]);
        if (v) {
            int64_t ms = msgfields_time_value(v);
            if (ms != TS_NONE)
                return ms;
        }
    }
    return TS_NONE;
}
