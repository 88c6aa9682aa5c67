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
            lambda_add_json_fields(b, v, plan); /* Lambda's JSON log format */
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
