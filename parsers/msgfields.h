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
 * The readers call it; it calls the readers' field makers (flatten.h,
 * vpcflow.h, lambda.h), none of which calls it back.
 */
#ifndef TRAILQ_MSGFIELDS_H
#define TRAILQ_MSGFIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/plan.h"
#include "index/record.h"

/* Add the fields of msg[0..n) to the open record of b. lambda_source says
 * the event comes from a Lambda log group or stream. */
void msgfields_add(struct rec_batch *b, const char *msg, size_t n,
                   const struct ingest_plan *plan, bool lambda_source);

/* Is this log group or stream Lambda's? Groups "/aws/lambda/...", streams
 * "YYYY/MM/DD/[version]id". Either may be NULL. */
bool msgfields_lambda_source(const char *group, size_t group_len, const char *stream,
                             size_t stream_len);

#endif
