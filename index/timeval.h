/*
 * timeval.h — timestamps: parsing, printing, calendar arithmetic, periods.
 *
 * trailq keeps every time as int64 milliseconds since 1970-01-01T00:00:00Z
 * (UTC, proleptic Gregorian calendar, no leap seconds). This module is the
 * only place that converts between that and text, and the only place that
 * knows how periods (5m, 1h, 1mo) align. It lives in index/, the bottom
 * layer, because parsers/ (event times), query/ (bin, datefloor, toMillis)
 * and cmd/ (--start/--end, output) all need it.
 *
 * Nothing here allocates; nothing here reads the clock (callers pass "now").
 */
#ifndef TRAILQ_TIMEVAL_H
#define TRAILQ_TIMEVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Time units of periods (reference §1.8). */
enum period_unit {
    PU_MS, PU_SEC, PU_MIN, PU_HOUR, PU_DAY, PU_WEEK, PU_MONTH, PU_QUARTER, PU_YEAR
};

/* A period literal such as 5m: a count and a unit. */
struct period {
    int64_t n;
    enum period_unit unit;
};

/* Days since 1970-01-01 of a civil date, and back. Month 1..12, day 1..31. */
int64_t tv_days_from_civil(int64_t y, int m, int d);
void tv_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

/* "YYYY-MM-DD HH:MM:SS.mmm" in UTC (SPEC §2). out must hold TV_FMT_MAX
 * bytes; returns the length (23 for years 0..9999). */
enum { TV_FMT_MAX = 40 };
size_t tv_format(int64_t ms, char out[TV_FMT_MAX]);

/* ISO-8601 / RFC 3339 timestamp occupying exactly s[0..n):
 *   2024-03-01                      (midnight UTC)
 *   2024-03-01T10:00Z  2024-03-01T10:00:00Z  2024-03-01 10:00:00
 *   2024-03-01T10:00:00.5Z  ...:00.123456789+02:00  ...:00-0700  ...:00+05
 *   2024-03-01t10:00:00z (lower-case T/Z accepted)
 * No offset means UTC. Fractions beyond milliseconds are truncated.
 * Fields are range-checked (month 1-12, day valid for the month, hour 0-23
 * or 24:00:00 exactly, minute 0-59, second 0-60; 60 is read as 59.999).
 * Returns false if the text is not such a timestamp. */
bool tv_parse_iso8601(const char *s, size_t n, int64_t *ms);

/* The same grammar, but only a prefix of s need be a timestamp (a log line
 * "2024-03-01T10:00:00Z GET /"): returns the number of bytes consumed (0 if
 * s does not start with one). A date alone counts only when followed by the
 * end, a space or a tab. */
size_t tv_scan_iso8601(const char *s, size_t n, int64_t *ms);

/* A TIME argument of --start / --end (SPEC §1): ISO-8601 as above; epoch
 * seconds or milliseconds (all digits, optionally with a fraction: values
 * below 100000000000 are seconds, larger ones milliseconds); "now"; or
 * relative to now: "-15m", "-2h", "-7d", "-30s", "-1w", "-500ms" (a leading
 * '-' and a unit of ms, s, m, h, d, w). */
bool tv_parse_cli_time(const char *s, int64_t now_ms, int64_t *ms);

/* A unit name or alias (reference §1.8), case-insensitive: ms msec
 * millisecond; s sec second; m min minute; h hr hour; d day; w week;
 * mo mon month; q qtr quarter; y yr year; multi-letter aliases may take a
 * plural s (secs, mins, hrs, days, weeks, months, qtrs, years, msecs). */
bool tv_parse_unit(const char *s, size_t n, enum period_unit *unit);

/* "5m", "100ms", "2hrs", "1mo": a positive integer immediately followed by
 * a unit. Returns false for anything else (0m, 5, m5, 5 m). */
bool tv_parse_period(const char *s, size_t n, struct period *p);

/* Fixed length of a period in ms for ms..week; 0 for month, quarter, year. */
int64_t tv_period_ms(struct period p);

/* Floor ts to the start of its bucket (SPEC §4): ms..day buckets are
 * multiples of the period counted from the epoch; weeks are counted from
 * Monday 1970-01-05 (so a 1w bucket starts on a Monday 00:00 UTC); months,
 * quarters and years are calendar buckets in UTC counted from January 1970
 * (an n-month bucket starts at a month whose index since 1970-01 is a
 * multiple of n; quarters are 3-month buckets, years 12-month buckets).
 * Works for negative ts (before 1970). p.n must be >= 1. */
int64_t tv_floor(int64_t ts, struct period p);

/* The smallest bucket boundary >= ts (ts itself when on a boundary). */
int64_t tv_ceil(int64_t ts, struct period p);

/* Bucket start with an offset: bins are shifted by offset_ms, i.e.
 * tv_floor(ts - offset_ms, p) + offset_ms. */
int64_t tv_floor_offset(int64_t ts, struct period p, int64_t offset_ms);

#endif
