/*
 * ctname.h — what the name of a CloudTrail S3 object says about its events.
 *
 * CloudTrail delivers its logs to S3 as objects named
 *
 *   <account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<unique>.json.gz
 *
 * where the time is when the object was delivered (UTC, to the minute;
 * AWS's documented naming). Every event in it happened at or before that
 * time, so the name alone tells whether the file can hold events of a time
 * range, and --start skips the files it rules out without opening them
 * (man page, --start). Digest files (..._CloudTrail-Digest_..., no unique
 * part) and names of any other shape say nothing.
 */
#ifndef TRAILQ_CTNAME_H
#define TRAILQ_CTNAME_H

#include <stdbool.h>
#include <stdint.h>

/* The delivery time (ms since the epoch) in the last component of path,
 * a CloudTrail S3 object name, or TS_NONE when it is not one. */
int64_t ct_delivery_time(const char *path);

/* How long before --start a file may have been delivered and still be
 * read. The name gives the delivery time cut to the minute (a file named
 * ...T1240Z may be delivered at 12:40:59 with an event of 12:40:30), and an
 * event's time comes from the clock of the service that made it, not
 * CloudTrail's. Opening the files of 15 more minutes costs little; dropping
 * one that holds an event in the range would lose it silently. */
#define CT_NAME_MARGIN_MS (15 * 60 * INT64_C(1000))

/* Can the file at path hold events at times in [start_ms, end_ms)? false
 * only for a CloudTrail object delivered more than CT_NAME_MARGIN_MS
 * before start_ms. end_ms rules out nothing: delivery can be late, so a
 * file delivered after end_ms may still hold earlier events. */
bool ct_name_may_hold(const char *path, int64_t start_ms, int64_t end_ms);

#endif
