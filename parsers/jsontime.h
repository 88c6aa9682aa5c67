/*
 * jsontime.h — the time of an event from JSON values.
 *
 * One rule for every JSON reader (CloudTrail, CloudWatch Logs, JSON lines,
 * Lambda's JSON lines, messages that are JSON): a time is an ISO-8601
 * string, a number, or a string of 9 to 15 digits; a number below 10^11 in
 * magnitude is epoch seconds, else epoch milliseconds, as --start reads
 * epochs (docs/language.md#inputs).
 */
#ifndef TRAILQ_JSONTIME_H
#define TRAILQ_JSONTIME_H

#include <stdint.h>

#include <jansson.h>

#include "parsers/jsonfields.h"

/* A time in ms from a JSON value; TS_NONE for anything else (NULL too). */
int64_t jsontime_value(const json_t *v);

/* jsontime_value() for a value the field scanner found. */
int64_t jsontime_scanned(const struct jf_value *v);

/* The time of a JSON event: the first of @timestamp, timestamp, time,
 * eventTime, ts that parses (docs/language.md#inputs), else TS_NONE. */
int64_t jsontime_of_object(const json_t *obj);

#endif
