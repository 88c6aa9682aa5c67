/*
 * tzone.h — time zones: UTC, fixed offsets and the rules of the system's
 * zone database (trailq(1): --tz, formatDate, parseDate).
 *
 * A named zone (Europe/Paris) is read from its TZif file (RFC 8536) in
 * $TZDIR or /usr/share/zoneinfo (Debian's tzdata package): its table of
 * transitions, and for instants after the last one the POSIX TZ rule at
 * the file's end (EST5EDT,M3.2.0,M11.1.0). A zone is read once and is
 * then read-only, so threads and SQL statements may share it.
 *
 * Offsets are in milliseconds east of UTC (Paris in summer: +7200000).
 * Nothing here reads the clock or the environment but $TZDIR; "local"
 * is the caller's to resolve ($TZ, /etc/localtime) with tz_open_file and
 * tz_open_rule.
 *
 * A NULL zone is UTC for every function below.
 *
 * Ownership: a zone returned by tz_open* is the caller's, freed with
 * tz_close.
 */
#ifndef TRAILQ_TZONE_H
#define TRAILQ_TZONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

struct tzone;

/* "UTC", "Z", "GMT", "Etc/UTC" (any case for the first three), a fixed
 * offset "+hh", "+hhmm", "+hh:mm" (or '-'), or the IANA name of a zone
 * ("America/New_York": letters, digits, '/', '_', '-', '+', no "..").
 * name[0..n) need not be NUL-terminated. Returns 0 with *out set, or -1
 * with a message in err. */
int tz_open(const char *name, size_t n, struct tzone **out, struct strbuf *err);
/* A TZif file by path (/etc/localtime); shown under the name label. */
int tz_open_file(const char *path, const char *label, struct tzone **out, struct strbuf *err);
/* A POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"), as $TZ may hold. */
int tz_open_rule(const char *rule, struct tzone **out, struct strbuf *err);
void tz_close(struct tzone *z);

/* "+hh", "+hhmm", "+hh:mm", "-..." (hours 0-23, minutes 0-59), and "Z",
 * "UTC", "GMT": the offset in ms. False for anything else. */
bool tz_parse_offset(const char *s, size_t n, int64_t *off_ms);

/* UTC itself (not merely a zone at offset 0 now). */
bool tz_is_utc(const struct tzone *z);
/* The name the zone was opened by ("Europe/Paris", "+02:00"). */
const char *tz_name(const struct tzone *z);
/* The offset at the instant utc_ms. */
int64_t tz_offset_at(const struct tzone *z, int64_t utc_ms);
/* Its abbreviation then ("CEST", "EST"; "" for a fixed offset). */
const char *tz_abbrev_at(const struct tzone *z, int64_t utc_ms);
/* The instant at which the zone's clocks show local_ms (a wall-clock time
 * written as if it were UTC). A time shown twice (clocks set back) is the
 * earlier instant; a time never shown (clocks set forward) is read with
 * the offset before the change. */
int64_t tz_to_utc(const struct tzone *z, int64_t local_ms);

#endif
