/*
 * sqlfn_date.c — formatDate (alias strftime) and parseDate (docs/language.md#functions).
 *
 *   tq_formatdate(ts, fmt [, tz])  timestamp -> text, strftime(3) conversions
 *                                  (%Y %m %d %H %M %S %j %a %b %e %y %p %I %Z %z %s %%,
 *                                  plus %L for milliseconds), computed in UTC or
 *                                  in the zone tz
 *   tq_parsedate(s, fmt [, tz])    text -> ms since the epoch, with a Java
 *                                  DateTimeFormatter pattern as Insights uses:
 *                                  y/u year, M month (M, MM, MMM, MMMM), d day,
 *                                  H hour, h hour 1-12 with a (AM/PM), m, s,
 *                                  S fraction, E day name (checked for form
 *                                  only), X/x/Z offsets, 'quoted text',
 *                                  anything else literal
 *
 * tz is "UTC", "Z", a fixed offset "+02:00", "-0700", "+05", or the name
 * of a zone of the system's zone database ("America/New_York",
 * base/tzone.h): the offset then is the one in force at that instant, and
 * %Z its abbreviation (EDT). parseDate reads a wall-clock time that occurs
 * twice as the earlier instant, and one that never occurs with the offset
 * before the change. A zone literal that names no zone is refused when the
 * query is compiled; a zone from data that names none, missing arguments,
 * an unparsable value or a pattern letter trailq does not know give a
 * missing result.
 */
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/strbuf.h"
#include "base/timeval.h"
#include "base/tzone.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

static const char *const month_names[12] = {"January", "February", "March",     "April",
                                            "May",     "June",     "July",      "August",
                                            "September", "October", "November", "December"};
static const char *const day_names[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};

/* The zone argument (argv[2]) of a call into *zone, NULL for UTC (no
 * argument): the statement's copy when the argument is a constant (SQLite
 * keeps it as auxdata between rows), else opened now (*opened set: the
 * caller hands it to zone_done). False when the argument is not a zone:
 * the result is then missing (a literal that names no zone is refused by
 * the compiler). */
static bool zone_arg(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                     const struct tzone **zone, struct tzone **opened)
{
    *zone = NULL;
    *opened = NULL;
    if (argc < 3)
        return true;
    struct tzone *z = sqlite3_get_auxdata(ctx, 2);
    if (z) {
        *zone = z;
        return true;
    }
    if (sqlite3_value_type(argv[2]) != SQLITE_TEXT)
        return false;
    struct strbuf err = STRBUF_INIT;
    int rc = tz_open((const char *)sqlite3_value_text(argv[2]), (size_t)sqlite3_value_bytes(argv[2]),
                     &z, &err);
    sb_free(&err);
    if (rc < 0)
        return false;
    *zone = *opened = z;
    return true;
}

/* After the call: keep a zone opened by zone_arg for the next rows. */
static void zone_done(sqlite3_context *ctx, struct tzone *opened)
{
    if (opened)
        sqlite3_set_auxdata(ctx, 2, opened, (void (*)(void *))tz_close);
}

/* ---- formatDate ---- */

static void format_in(sqlite3_context *ctx, sqlite3_value **argv, const struct tzone *zone);

static void fn_formatdate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct tzone *opened;
    const struct tzone *zone;
    if (zone_arg(ctx, argc, argv, &zone, &opened))
        format_in(ctx, argv, zone);
    zone_done(ctx, opened);
}

static void format_in(sqlite3_context *ctx, sqlite3_value **argv, const struct tzone *zone)
{
    double d;
    long long i;
    bool is_int;
    if (!sqlfn_value_number(argv[0], &d, &i, &is_int) ||
        sqlite3_value_type(argv[1]) != SQLITE_TEXT)
        return;
    /* a time outside the int64 range of ms, or pushed out of it by the
     * offset, is missing */
    int64_t ms;
    if (!is_int && (isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0))
        return;
    int64_t utc = is_int ? (int64_t)i : (int64_t)d;
    int64_t off = tz_offset_at(zone, utc);
    if (__builtin_add_overflow(utc, off, &ms))
        return;
    struct tv_parts c;
    tv_split(ms, &c);
    int wday = (int)(((c.days % 7) + 11) % 7); /* 0 Sunday; 1970-01-01 was a Thursday */
    int yday = (int)(c.days - tv_days_from_civil(c.year, 1, 1));
    const char *f = (const char *)sqlite3_value_text(argv[1]);
    struct strbuf out = STRBUF_INIT;
    for (; *f; f++) {
        if (*f != '%' || !f[1]) {
            sb_putc(&out, *f);
            continue;
        }
        switch (*++f) {
        case 'Y': sb_printf(&out, "%04lld", (long long)c.year); break;
        case 'y': sb_printf(&out, "%02lld", (long long)((c.year % 100 + 100) % 100)); break;
        case 'm': sb_printf(&out, "%02d", c.month); break;
        case 'd': sb_printf(&out, "%02d", c.day); break;
        case 'e': sb_printf(&out, "%2d", c.day); break;
        case 'H': sb_printf(&out, "%02d", c.hour); break;
        case 'I': sb_printf(&out, "%02d", c.hour % 12 ? c.hour % 12 : 12); break;
        case 'p': sb_puts(&out, c.hour < 12 ? "AM" : "PM"); break;
        case 'M': sb_printf(&out, "%02d", c.min); break;
        case 'S': sb_printf(&out, "%02d", c.sec); break;
        case 'L': sb_printf(&out, "%03d", c.ms); break;
        case 'j': sb_printf(&out, "%03d", yday + 1); break;
        case 'a': sb_printf(&out, "%.3s", day_names[wday]); break;
        case 'A': sb_puts(&out, day_names[wday]); break;
        case 'b': sb_printf(&out, "%.3s", month_names[c.month - 1]); break;
        case 'B': sb_puts(&out, month_names[c.month - 1]); break;
        case 'u': sb_printf(&out, "%d", wday ? wday : 7); break;
        case 'w': sb_printf(&out, "%d", wday); break;
        case 's': sb_printf(&out, "%lld", (long long)tv_floor_div(ms - off, 1000)); break;
        case 'z': {
            int64_t m = (off < 0 ? -off : off) / 60000;
            sb_printf(&out, "%c%02lld%02lld", off < 0 ? '-' : '+', (long long)(m / 60),
                      (long long)(m % 60));
            break;
        }
        case 'Z': sb_puts(&out, tz_abbrev_at(zone, utc)); break;
        case 'F': sb_printf(&out, "%04lld-%02d-%02d", (long long)c.year, c.month, c.day); break;
        case 'T': sb_printf(&out, "%02d:%02d:%02d", c.hour, c.min, c.sec); break;
        case '%': sb_putc(&out, '%'); break;
        default:
            sb_free(&out);
            return; /* an unknown conversion: missing, not a guess */
        }
    }
    sqlite3_result_text(ctx, sb_str(&out), (int)out.len, SQLITE_TRANSIENT);
    sb_free(&out);
}

/* ---- parseDate ---- */

struct parsed {
    int64_t year;
    int month, day, hour, min, sec, ms;
    int pm;           /* -1 none, 0 AM, 1 PM */
    bool hour12;
    bool have_off;
    int64_t off_ms;
};

/* Read between min and max digits; returns the count read (0 = failure). */
static int read_num(const char **s, int min, int max, int64_t *v)
{
    int n = 0;
    int64_t x = 0;
    while (n < max && isdigit((unsigned char)(*s)[n])) {
        x = x * 10 + ((*s)[n] - '0');
        n++;
    }
    if (n < min)
        return 0;
    *s += n;
    *v = x;
    return n;
}

/* Match one of the names (full or, with short, 3-letter) case-insensitively. */
static int read_name(const char **s, const char *const *names, int count, bool full)
{
    for (int k = 0; k < count; k++) {
        size_t len = full ? strlen(names[k]) : 3;
        if (strncasecmp(*s, names[k], len) == 0) {
            *s += len;
            return k;
        }
    }
    return -1;
}

static bool read_offset(const char **s, char letter, int count, struct parsed *p)
{
    const char *t = *s;
    if ((letter == 'X') && (*t == 'Z' || *t == 'z')) {
        *s = t + 1;
        p->have_off = true;
        p->off_ms = 0;
        return true;
    }
    if (*t != '+' && *t != '-')
        return false;
    size_t n = 1;
    while (t[n] && (isdigit((unsigned char)t[n]) || t[n] == ':') && n < 6)
        n++;
    (void)count;
    if (!tz_parse_offset(t, n, &p->off_ms))
        return false;
    p->have_off = true;
    *s = t + n;
    return true;
}

static bool parse_with(const char *s, const char *f, struct parsed *p)
{
    while (*f) {
        char c = *f;
        if (c == '\'') {
            f++;
            if (*f == '\'') { /* '' is a quote */
                if (*s++ != '\'')
                    return false;
                f++;
                continue;
            }
            while (*f && *f != '\'') {
                if (*s++ != *f++)
                    return false;
            }
            if (*f == '\'')
                f++;
            continue;
        }
        if (!isalpha((unsigned char)c)) {
            if (*s++ != c)
                return false;
            f++;
            continue;
        }
        int count = 0;
        while (f[count] == c)
            count++;
        f += count;
        int64_t v;
        switch (c) {
        case 'y':
        case 'u':
            if (count == 2) {
                if (read_num(&s, 2, 2, &v) != 2)
                    return false;
                p->year = 2000 + v;
            } else {
                if (!read_num(&s, count, 9, &v))
                    return false;
                p->year = v;
            }
            break;
        case 'M':
            if (count >= 3) {
                int k = read_name(&s, month_names, 12, count >= 4);
                if (k < 0)
                    return false;
                p->month = k + 1;
            } else {
                if (!read_num(&s, count, 2, &v))
                    return false;
                p->month = (int)v;
            }
            break;
        case 'd':
        case 'H':
        case 'h':
        case 'm':
        case 's':
            if (!read_num(&s, count, 2, &v))
                return false;
            if (c == 'd') p->day = (int)v;
            else if (c == 'H') p->hour = (int)v;
            else if (c == 'h') { p->hour = (int)v; p->hour12 = true; }
            else if (c == 'm') p->min = (int)v;
            else p->sec = (int)v;
            break;
        case 'S': {
            int64_t frac;
            int got = read_num(&s, count, count, &frac);
            if (!got)
                return false;
            while (got > 3) { frac /= 10; got--; }
            while (got < 3) { frac *= 10; got++; }
            p->ms = (int)frac;
            break;
        }
        case 'a':
            if (strncasecmp(s, "AM", 2) == 0) p->pm = 0;
            else if (strncasecmp(s, "PM", 2) == 0) p->pm = 1;
            else return false;
            s += 2;
            break;
        case 'E':
            if (read_name(&s, day_names, 7, count >= 4) < 0)
                return false;
            break;
        case 'X':
        case 'x':
        case 'Z':
            if (!read_offset(&s, c, count, p))
                return false;
            break;
        default:
            return false; /* a pattern letter trailq does not know */
        }
    }
    return *s == '\0';
}

static void parse_in(sqlite3_context *ctx, sqlite3_value **argv, const struct tzone *zone);

static void fn_parsedate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct tzone *opened;
    const struct tzone *zone;
    if (zone_arg(ctx, argc, argv, &zone, &opened))
        parse_in(ctx, argv, zone);
    zone_done(ctx, opened);
}

static void parse_in(sqlite3_context *ctx, sqlite3_value **argv, const struct tzone *zone)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT || sqlite3_value_type(argv[1]) != SQLITE_TEXT)
        return;
    struct parsed p = {.year = 1970, .month = 1, .day = 1, .pm = -1};
    if (!parse_with((const char *)sqlite3_value_text(argv[0]),
                    (const char *)sqlite3_value_text(argv[1]), &p))
        return;
    if (p.hour12) {
        if (p.hour < 1 || p.hour > 12)
            return;
        p.hour %= 12;
        if (p.pm == 1)
            p.hour += 12;
    } else if (p.pm == 1 && p.hour < 12) {
        p.hour += 12;
    }
    if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 || p.hour > 23 || p.min > 59 ||
        p.sec > 59)
        return;
    int64_t days = tv_days_from_civil(p.year, p.month, p.day);
    int64_t y2;
    int m2, d2;
    tv_civil_from_days(days, &y2, &m2, &d2);
    if (m2 != p.month || d2 != p.day)
        return; /* 30 February */
    /* a date outside the int64 range of ms (years past 292 million) is
     * missing; so is one within two days of its ends, where the zone's
     * offsets a day either side cannot be looked up */
    int64_t ms;
    const int64_t margin = 2 * (int64_t)86400000;
    if (__builtin_mul_overflow(days, (int64_t)86400000, &ms) ||
        __builtin_add_overflow(ms,
                               (int64_t)p.hour * 3600000 + (int64_t)p.min * 60000 +
                                   (int64_t)p.sec * 1000 + p.ms,
                               &ms))
        return;
    if (p.have_off) {
        if (__builtin_sub_overflow(ms, p.off_ms, &ms))
            return;
    } else {
        if (ms > INT64_MAX - margin || ms < INT64_MIN + margin)
            return;
        ms = tz_to_utc(zone, ms);
    }
    sqlite3_result_int64(ctx, ms);
}

static const struct sqlfn_entry date_funcs[] = {
    {"tq_formatdate", 2, 0, fn_formatdate},
    {"tq_formatdate", 3, 0, fn_formatdate},
    {"tq_parsedate", 2, 0, fn_parsedate},
    {"tq_parsedate", 3, 0, fn_parsedate},
};

int sqlfn_register_date(sqlite3 *db)
{
    return sqlfn_register_table(db, date_funcs, sizeof date_funcs / sizeof *date_funcs);
}
