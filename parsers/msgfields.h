/*
 * msgfields.h — the fields hidden in the message of a CloudWatch Logs event.
 *
 * The cwlogs and export readers get events whose message is text written by
 * something else. As Insights does, a message that is a JSON object yields
 * its fields exactly as a CloudTrail record does (flatten.h: CloudTrail
 * delivered through CloudWatch Logs gives the same fields as the S3 files);
 * a message that is a VPC flow record in the version 2 default layout
 * yields the flow log fields (vpcflow.h); and a Lambda line yields the
 * Lambda fields (lambda.h) — platform lines and lines with the runtime's
 * prefix wherever they come from, and the first embedded JSON object of
 * any line when the event comes from a Lambda log group or stream.
 *
 * Also here: what the line and JSON readers share — reading times from
 * JSON values, and the pre-filter check.
 */
#ifndef TRAILQ_MSGFIELDS_H
#define TRAILQ_MSGFIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "parsers/plan.h"
#include "index/record.h"
#include "parsers/jsonfields.h"

/* Add the fields of msg[0..n) to the open record of b. lambda_source says
 * the event comes from a Lambda log group or stream. */
void msgfields_add(struct rec_batch *b, const char *msg, size_t n,
                   const struct ingest_plan *plan, bool lambda_source);

/* Is this log group or stream Lambda's? Groups "/aws/lambda/...", streams
 * "YYYY/MM/DD/[version]id". Either may be NULL. */
bool msgfields_lambda_source(const char *group, size_t group_len, const char *stream,
                             size_t stream_len);

/* A time in ms from a JSON value: an ISO-8601 string, a number or a
 * string of digits (epoch: below 10^11 seconds, else milliseconds, as
 * --start reads them); TS_NONE for anything else. */
int64_t msgfields_time_value(const json_t *v);

/* msgfields_time_value() for a value the field scanner found. */
int64_t msgfields_time_scanned(const struct jf_value *v);

/* The time of a JSON event: the first of @timestamp, timestamp, time,
 * eventTime, ts that parses (docs/language.md#inputs), else TS_NONE. */
int64_t msgfields_json_time(const json_t *obj);

/* plan_may_match(), except that text holding the JSON escape "\/" is always
 * kept: the escape hides a '/' of a value from the byte search (plan.h only
 * allows for "\u"). raw must contain every field value of the record. */
bool msgfields_may_match(const struct ingest_plan *plan, const char *raw, size_t n);

#endif
