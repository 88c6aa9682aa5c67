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

#include "index/timeval.h"

#include "parsers/flatten.h"
#include "parsers/lambda.h"
#include "parsers/vpcflow.h"

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void msgfields_add(struct rec_batch *b, const char *msg, size_t n,
                   const struct ingest_plan *plan, bool lambda_source)
{
    size_t i = 0, e = n;
    while (i < e && space(msg[i]))
        i++;
    while (e > i && space(msg[e - 1]))
        e--;
    if (e - i >= 2 && msg[i] == '{' && msg[e - 1] == '}') {
        json_t *v = json_loadb(msg + i, e - i, 0, NULL);
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
        bool ok = (k == 4 || k == 7 || k == 10) ? c == '/' : (c >= '0' && c <= '9');
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

int64_t msgfields_time_value(const json_t *v)
{
    int64_t ms;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        if (tv_parse_iso8601(s, n, &ms))
            return ms;
        if (n >= 9 && n <= 15 && strspn(s, "0123456789") == n) {
            int64_t x = strtoll(s, NULL, 10);
            return x < INT64_C(100000000000) ? x * 1000 : x;
        }
        return TS_NONE;
    }
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        if (x >= INT64_C(100000000000000000) || x <= -INT64_C(100000000000000000))
            return TS_NONE;
        return x < 100000000000LL && x > -100000000000LL ? (int64_t)x * 1000 : (int64_t)x;
    }
    if (json_is_real(v)) {
        double x = json_real_value(v);
        if (!(x < 9.2e15 && x > -9.2e15))
            return TS_NONE;
        return x < 1e11 && x > -1e11 ? (int64_t)(x * 1000) : (int64_t)x;
    }
    return TS_NONE;
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
