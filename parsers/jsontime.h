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

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "parsers/jsonfields.h"

/* A time in ms from a JSON value; TS_NONE for anything else (NULL too). */
int64_t jsontime_value(const json_t *v);

/* jsontime_value() for a value the field scanner found. */
int64_t jsontime_scanned(const struct jf_value *v);

/* The time of obj from the first of keys[0..n) whose value is one, else
 * TS_NONE. */
int64_t jsontime_first(const json_t *obj, const char *const *keys, size_t n);

/* The keys that give a JSON event its time, in order of preference:
 * @timestamp, timestamp, time, eventTime, ts (docs/language.md#inputs). */
enum { JSONTIME_N_KEYS = 5 };
extern const char *const jsontime_keys[JSONTIME_N_KEYS];

/* The time of a JSON event: jsontime_first() over jsontime_keys. */
int64_t jsontime_of_object(const json_t *obj);

#endif
