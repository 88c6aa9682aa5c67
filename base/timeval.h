/*
 * timeval.h — timestamps: parsing, printing, calendar arithmetic, periods.
 *
 * trailq keeps every time as int64 milliseconds since 1970-01-01T00:00:00Z
 * (UTC, proleptic Gregorian calendar, no leap seconds). This module is the
 * only place that converts between that and text, and the only place that
 * knows how periods (5m, 1h, 1mo) align. It lives in base/, the
 * library every layer uses, because parsers/ (event times), index/,
 * query/ (bin, datefloor, toMillis) and cmd/ (--start/--end, output) all
 * need it.
 *
 * Nothing here allocates; nothing here reads the clock (callers pass "now").
 */
#ifndef TRAILQ_TIMEVAL_H
#define TRAILQ_TIMEVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "No timestamp": an event without a time, an unparsable time. */
#define TS_NONE INT64_MIN

/* Time units of periods (docs/language.md#lexical-rules). */
enum period_unit {
    PU_MS, PU_SEC, PU_MIN, PU_HOUR, PU_DAY, PU_WEEK, PU_MONTH, PU_QUARTER, PU_YEAR
};

/* A period literal such as 5m: a count and a unit. */
struct period {
    int64_t n;
    enum period_unit unit;
};

/* Days since 1970-01-01 of a civil date, and back. Month 1..12, day 1..31;
 * years are astronomical (year 0 is 1 BC, -1 is 2 BC). tv_days_from_civil
 * is exact for |y| <= 2^50 and does not check that d exists in the month;
 * tv_civil_from_days accepts any int64. */
int64_t tv_days_from_civil(int64_t y, int m, int d);
void tv_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

/* The days of month m (1..12) of year y: 28 to 31. */
int tv_days_in_month(int64_t y, int m);

/* Reads exactly count decimal digits at s[at..] (of s[0..n)) into *out;
 * false if one is missing. The timestamp parsers' building block. */
bool tv_digits(const char *s, size_t n, size_t at, int count, int *out);

/* A time in ms split into its UTC calendar parts; days counts from
 * 1970-01-01 (negative before). Any int64 is accepted. */
struct tv_parts {
    int64_t year, days;
    int month, day, hour, min, sec, ms;
};
void tv_split(int64_t ms, struct tv_parts *p);

/* The same UTC time of day n calendar months earlier (n >= 0), the day
 * clamped to the last day of that month (March 31 back one month is
 * February 28 or 29). */
int64_t tv_months_back(int64_t ms, int n);

/* Floor of a / b for b > 0 (C's '/' truncates toward zero). */
int64_t tv_floor_div(int64_t a, int64_t b);

/* "YYYY-MM-DD HH:MM:SS.mmm" in UTC (docs/language.md#fields-and-values). out must hold TV_FMT_MAX
 * bytes; returns the length (23 for years 0..9999). Other years print with
 * more digits or a '-' ("10000-01-01 ...", "-0001-12-31 ..."); any int64 fits. */
enum { TV_FMT_MAX = 40 };
size_t tv_format(int64_t ms, char out[TV_FMT_MAX]);

/* ISO-8601 / RFC 3339 timestamp occupying exactly s[0..n) (only those n
 * bytes are read; s need not be NUL-terminated):
 *   2024-03-01                      (midnight UTC)
 *   2024-03-01T10:00Z  2024-03-01T10:00:00Z  2024-03-01 10:00:00
 *   2024-03-01T10:00:00.5Z  ...:00.123456789+02:00  ...:00-0700  ...:00+05
 *   2024-03-01t10:00:00z (lower-case T/Z accepted)
 * No offset means UTC. Fractions beyond milliseconds are truncated.
 * Fields are range-checked (month 1-12, day valid for the month, hour 0-23
 * or 24:00:00 exactly, minute 0-59, second 0-60; 60 is read as 59.999;
 * offset hours 0-23, minutes 0-59). The year has exactly four digits; the
 * fraction needs seconds before it, '.' or ',' and at least one digit.
 * Returns false (leaving *ms alone) if the text is not such a timestamp. */
bool tv_parse_iso8601(const char *s, size_t n, int64_t *ms);

/* The same grammar, but only a prefix of s need be a timestamp (a log line
 * "2024-03-01T10:00:00Z GET /"): returns the number of bytes consumed (0 if
 * s does not start with one). A date alone counts only when followed by the
 * end, a space or a tab. The longest valid prefix is taken ("...10:00:00."
 * consumes up to the seconds). *ms is set only when the result is > 0. */
size_t tv_scan_iso8601(const char *s, size_t n, int64_t *ms);

/* A TIME argument of --start / --end (trailq(1), OPTIONS): ISO-8601 as above; epoch
 * seconds or milliseconds (all digits, optionally with a fraction: values
 * below 100000000000 are seconds, larger ones milliseconds); "now"; or
 * relative to now: "-15m", "-2h", "-7d", "-30s", "-1w", "-500ms" (a leading
 * '-' and a unit of ms, s, m, h, d, w, or any other alias of those units
 * from tv_parse_unit, such as "-90min"; calendar units are refused). "now"
 * is case-insensitive; no surrounding spaces. Returns false (leaving *ms
 * alone) for anything else, including results outside int64. */
bool tv_parse_cli_time(const char *s, int64_t now_ms, int64_t *ms);

/* A unit name or alias (trailq(1), Literals), case-insensitive: ms msec
 * millisecond; s sec second; m min minute; h hr hour; d day; w week;
 * mo mon month; q qtr quarter; y yr year; multi-letter aliases may take a
 * plural s (secs, mins, hrs, days, weeks, months, qtrs, years, msecs, mos);
 * single-letter units and "ms" do not ("hs", "mss" are refused). */
bool tv_parse_unit(const char *s, size_t n, enum period_unit *unit);

/* "5m", "100ms", "2hrs", "1mo": a positive integer immediately followed by
 * a unit (leading zeros allowed). Returns false for anything else (0m, 5,
 * m5, 5 m, -5m) and when n times the unit overflows int64 ms (months,
 * quarters and years counted as 31, 92 and 366 days for that check). */
bool tv_parse_period(const char *s, size_t n, struct period *p);

/* Fixed length of a period in ms for ms..week; 0 for month, quarter, year.
 * Saturates at INT64_MAX (never for a period from tv_parse_period). */
int64_t tv_period_ms(struct period p);

/* Floor ts to the start of its bucket (docs/language.md#time-buckets-and-periods):
 * ms..day buckets are multiples of the period counted from the epoch; weeks
 * are counted from Monday 1970-01-05 (so a 1w bucket starts on a Monday
 * 00:00 UTC); months,
 * quarters and years are calendar buckets in UTC counted from January 1970
 * (an n-month bucket starts at a month whose index since 1970-01 is a
 * multiple of n; quarters are 3-month buckets, years 12-month buckets).
 * Works for negative ts (before 1970). p.n must be >= 1 (smaller counts are
 * read as 1). A bucket start below the int64 range (ts within one period of
 * INT64_MIN) saturates to INT64_MIN. */
int64_t tv_floor(int64_t ts, struct period p);

/* The smallest bucket boundary >= ts (ts itself when on a boundary);
 * saturates to INT64_MAX past the int64 range. */
int64_t tv_ceil(int64_t ts, struct period p);

/* Bucket start with an offset: bins are shifted by offset_ms, i.e.
 * tv_floor(ts - offset_ms, p) + offset_ms (each step saturating). */
int64_t tv_floor_offset(int64_t ts, struct period p, int64_t offset_ms);

#endif
