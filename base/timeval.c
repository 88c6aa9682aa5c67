/*
 * timeval.c — timestamps: civil-date arithmetic, ISO-8601 parsing and
 * printing, period literals and bucket alignment (see timeval.h).
 *
 * Everything is integer arithmetic on int64 milliseconds since the epoch in
 * UTC, proleptic Gregorian calendar. The civil conversions are Howard
 * Hinnant's days_from_civil / civil_from_days: the calendar is shifted so the
 * year starts on March 1 (the leap day falls at the end of the year) and
 * split into 400-year eras of 146097 days. Division is always floor division
 * (tv_floor_div / floor_mod below) so times before 1970 behave like later ones.
 *
 * No function here allocates, reads the clock or keeps state. Arithmetic that
 * would leave the int64 range saturates instead of overflowing, so any input
 * is safe, although results at the very ends of the range are clamped.
 */
#include "base/timeval.h"

#include <stdio.h>
#include <string.h>

#include "base/chars.h"

#define MS_PER_SEC  INT64_C(1000)
#define MS_PER_MIN  (60 * MS_PER_SEC)
#define MS_PER_HOUR (60 * MS_PER_MIN)
#define MS_PER_DAY  (24 * MS_PER_HOUR)
#define MS_PER_WEEK (7 * MS_PER_DAY)

/* Days from 0000-03-01 to 1970-01-01 (Hinnant's shift). */
#define DAYS_0000_03_01_TO_EPOCH INT64_C(719468)
#define DAYS_PER_ERA             INT64_C(146097)

/* Week buckets are counted from Monday 1970-01-05, day 4 of the epoch. */
#define WEEK_ORIGIN_MS (4 * MS_PER_DAY)

/* Month indexes (months since 1970-01) beyond these are outside the range of
 * int64 milliseconds (about +-292 million years) and saturate. */
#define MONTH_INDEX_LIMIT (INT64_C(12) * 300000000)

/* In tv_parse_cli_time, epoch values below this are seconds, others ms. */
#define CLI_EPOCH_MS_THRESHOLD INT64_C(100000000000)

/* ---- integer helpers ------------------------------------------------- */

int64_t tv_floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if (a % b < 0)
        q--;
    return q;
}

/* a mod b in [0, b) for b > 0. */
static int64_t floor_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    return r < 0 ? r + b : r;
}

static int64_t sat_add(int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        return b > 0 ? INT64_MAX : INT64_MIN;
    return r;
}

static int64_t sat_sub(int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r))
        return b < 0 ? INT64_MAX : INT64_MIN;
    return r;
}

static int64_t sat_mul(int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_mul_overflow(a, b, &r))
        return (a < 0) != (b < 0) ? INT64_MIN : INT64_MAX;
    return r;
}

static bool is_leap(int64_t y)
{
    return floor_mod(y, 4) == 0 && (floor_mod(y, 100) != 0 || floor_mod(y, 400) == 0);
}

int tv_days_in_month(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return len[m - 1];
}

/* ---- civil dates ----------------------------------------------------- */

int64_t tv_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = tv_floor_div(y, 400);
    int64_t yoe = y - era * 400;                        /* [0, 399] */
    int64_t mp = (m + 9) % 12;                          /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + d - 1;           /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * DAYS_PER_ERA + doe - DAYS_0000_03_01_TO_EPOCH;
}

void tv_civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
    /* z = days + 719468 split as era * 146097 + doe without forming z, so
     * that days near INT64_MAX cannot overflow. */
    int64_t era = tv_floor_div(days, DAYS_PER_ERA);
    int64_t rest = floor_mod(days, DAYS_PER_ERA) + DAYS_0000_03_01_TO_EPOCH;
    era += rest / DAYS_PER_ERA;
    int64_t doe = rest % DAYS_PER_ERA;                                  /* [0, 146096] */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             /* [0, 365] */
    int64_t mp = (5 * doy + 2) / 153;                                  /* [0, 11] */
    int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (mm <= 2);
    *m = mm;
    *d = dd;
}

/* ---- printing -------------------------------------------------------- */

void tv_split(int64_t ms, struct tv_parts *p)
{
    p->days = tv_floor_div(ms, MS_PER_DAY);
    int64_t msod = floor_mod(ms, MS_PER_DAY);
    tv_civil_from_days(p->days, &p->year, &p->month, &p->day);
    p->hour = (int)(msod / MS_PER_HOUR);
    p->min = (int)(msod / MS_PER_MIN % 60);
    p->sec = (int)(msod / MS_PER_SEC % 60);
    p->ms = (int)(msod % MS_PER_SEC);
}

size_t tv_format(int64_t ms, char out[TV_FMT_MAX])
{
    struct tv_parts t;
    tv_split(ms, &t);
    int64_t y = t.year;
    /* |y| < 3e8 for any int64 ms, so negating is safe and the text fits. */
    int len = snprintf(out, TV_FMT_MAX, "%s%04lld-%02d-%02d %02d:%02d:%02d.%03d",
                       y < 0 ? "-" : "", (long long)(y < 0 ? -y : y), t.month, t.day, t.hour,
                       t.min, t.sec, t.ms);
    if (len < 0)
        len = 0;
    if (len >= TV_FMT_MAX)
        len = TV_FMT_MAX - 1;
    return (size_t)len;
}

/* ---- ISO-8601 -------------------------------------------------------- */

bool tv_digits(const char *s, size_t n, size_t at, int count, int *out)
{
    int v = 0;
    for (int k = 0; k < count; k++) {
        if (at + (size_t)k >= n || !ch_is_digit(s[at + k]))
            return false;
        v = v * 10 + (s[at + k] - '0');
    }
    *out = v;
    return true;
}

/* time   = hh ":" mm [ ":" ss [ ("." | ",") digit+ ] ] [ offset ]
 * offset = "Z" | "z" | ("+" | "-") hh [ [":"] mm ]
 * Reads the longest such prefix of s[0..n). Stores the time of day in ms
 * (86400000 for 24:00) and the offset east of UTC in ms; returns the bytes
 * used, 0 if s does not start with a valid time. */
static size_t scan_time(const char *s, size_t n, int64_t *tod_ms, int64_t *offset_ms)
{
    int hh, mm, ss = 0, frac = 0;
    bool frac_nonzero = false;
    if (!tv_digits(s, n, 0, 2, &hh) || 2 >= n || s[2] != ':' || !tv_digits(s, n, 3, 2, &mm))
        return 0;
    if (hh > 24 || mm > 59)
        return 0;
    size_t i = 5;
    if (i < n && s[i] == ':' && tv_digits(s, n, i + 1, 2, &ss)) {
        if (ss > 60)
            return 0;
        i += 3;
        if (i + 1 < n && (s[i] == '.' || s[i] == ',') && ch_is_digit(s[i + 1])) {
            i++;
            int k = 0;
            for (; i < n && ch_is_digit(s[i]); i++, k++) {
                if (s[i] != '0')
                    frac_nonzero = true;
                if (k < 3)
                    frac = frac * 10 + (s[i] - '0');
            }
            for (; k < 3; k++)
                frac *= 10;
        }
    }
    if (hh == 24 && (mm != 0 || ss != 0 || frac_nonzero))
        return 0;
    if (ss == 60) { /* a leap second: the last instant of the minute */
        ss = 59;
        frac = 999;
    }
    int64_t off = 0;
    if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
        i++;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
        int oh, om = 0;
        if (!tv_digits(s, n, i + 1, 2, &oh) || oh > 23)
            return 0;
        int64_t sign = s[i] == '-' ? -1 : 1;
        i += 3;
        if (i < n && s[i] == ':' && tv_digits(s, n, i + 1, 2, &om))
            i += 3;
        else if (tv_digits(s, n, i, 2, &om))
            i += 2;
        if (om > 59)
            return 0;
        off = sign * (oh * MS_PER_HOUR + om * MS_PER_MIN);
    }
    *tod_ms = hh * MS_PER_HOUR + mm * MS_PER_MIN + ss * MS_PER_SEC + frac;
    *offset_ms = off;
    return i;
}

/* date = yyyy "-" mm "-" dd, then optionally ("T" | "t" | " ") time.
 * Returns the bytes of the longest timestamp prefix of s; a date without a
 * time counts only before the end, a space or a tab. */
static size_t scan_timestamp(const char *s, size_t n, int64_t *ms)
{
    int y, m, d;
    if (!tv_digits(s, n, 0, 4, &y) || 4 >= n || s[4] != '-' || !tv_digits(s, n, 5, 2, &m) ||
        7 >= n || s[7] != '-' || !tv_digits(s, n, 8, 2, &d))
        return 0;
    if (m < 1 || m > 12 || d < 1 || d > tv_days_in_month(y, m))
        return 0;
    int64_t day_ms = tv_days_from_civil(y, m, d) * MS_PER_DAY;
    size_t i = 10;
    if (i < n && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        int64_t tod, off;
        size_t used = scan_time(s + i + 1, n - i - 1, &tod, &off);
        if (used > 0) {
            *ms = day_ms + tod - off;
            return i + 1 + used;
        }
    }
    if (i == n || s[i] == ' ' || s[i] == '\t') {
        *ms = day_ms;
        return i;
    }
    return 0;
}

bool tv_parse_iso8601(const char *s, size_t n, int64_t *ms)
{
    int64_t v;
    if (n == 0 || scan_timestamp(s, n, &v) != n)
        return false;
    *ms = v;
    return true;
}

size_t tv_scan_iso8601(const char *s, size_t n, int64_t *ms)
{
    int64_t v;
    size_t used = scan_timestamp(s, n, &v);
    if (used > 0)
        *ms = v;
    return used;
}

/* ---- periods --------------------------------------------------------- */

/* One unit spelling. */
struct unit_name {
    const char *name;      /* lower-case spelling */
    enum period_unit unit; /* what it means */
    bool plural_ok;        /* may take a trailing 's' */
};

static const struct unit_name unit_names[] = {
    {"ms", PU_MS, false},     {"msec", PU_MS, true},      {"millisecond", PU_MS, true},
    {"s", PU_SEC, false},     {"sec", PU_SEC, true},      {"second", PU_SEC, true},
    {"m", PU_MIN, false},     {"min", PU_MIN, true},      {"minute", PU_MIN, true},
    {"h", PU_HOUR, false},    {"hr", PU_HOUR, true},      {"hour", PU_HOUR, true},
    {"d", PU_DAY, false},     {"day", PU_DAY, true},
    {"w", PU_WEEK, false},    {"week", PU_WEEK, true},
    {"mo", PU_MONTH, true},   {"mon", PU_MONTH, true},    {"month", PU_MONTH, true},
    {"q", PU_QUARTER, false}, {"qtr", PU_QUARTER, true},  {"quarter", PU_QUARTER, true},
    {"y", PU_YEAR, false},    {"yr", PU_YEAR, true},      {"year", PU_YEAR, true},
};

/* Case-insensitive: does s[0..n) spell name exactly? */
static bool same_word(const char *s, size_t n, const char *name)
{
    if (strlen(name) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ch_to_lower(s[i]) != name[i])
            return false;
    return true;
}

bool tv_parse_unit(const char *s, size_t n, enum period_unit *unit)
{
    size_t count = sizeof unit_names / sizeof unit_names[0];
    for (size_t i = 0; i < count; i++) {
        if (same_word(s, n, unit_names[i].name)) {
            *unit = unit_names[i].unit;
            return true;
        }
    }
    if (n >= 2 && ch_to_lower(s[n - 1]) == 's') {
        for (size_t i = 0; i < count; i++) {
            if (unit_names[i].plural_ok && same_word(s, n - 1, unit_names[i].name)) {
                *unit = unit_names[i].unit;
                return true;
            }
        }
    }
    return false;
}

/* Length of one unit in ms; for calendar units the longest it can be (31,
 * 92, 366 days), used only to bound counts. */
static int64_t unit_ms_max(enum period_unit u)
{
    switch (u) {
    case PU_MS: return 1;
    case PU_SEC: return MS_PER_SEC;
    case PU_MIN: return MS_PER_MIN;
    case PU_HOUR: return MS_PER_HOUR;
    case PU_DAY: return MS_PER_DAY;
    case PU_WEEK: return MS_PER_WEEK;
    case PU_MONTH: return 31 * MS_PER_DAY;
    case PU_QUARTER: return 92 * MS_PER_DAY;
    case PU_YEAR: return 366 * MS_PER_DAY;
    }
    return 0;
}

static bool is_calendar(enum period_unit u)
{
    return u == PU_MONTH || u == PU_QUARTER || u == PU_YEAR;
}

bool tv_parse_period(const char *s, size_t n, struct period *p)
{
    size_t i = 0;
    int64_t v = 0;
    for (; i < n && ch_is_digit(s[i]); i++) {
        int dig = s[i] - '0';
        if (v > (INT64_MAX - dig) / 10)
            return false;
        v = v * 10 + dig;
    }
    enum period_unit u;
    if (i == 0 || v < 1 || i == n || !tv_parse_unit(s + i, n - i, &u))
        return false;
    int64_t total;
    if (__builtin_mul_overflow(v, unit_ms_max(u), &total))
        return false;
    p->n = v;
    p->unit = u;
    return true;
}

int64_t tv_period_ms(struct period p)
{
    if (is_calendar(p.unit))
        return 0;
    return sat_mul(p.n, unit_ms_max(p.unit));
}

/* ---- command-line times ---------------------------------------------- */

/* digit+ [ "." digit+ ]: epoch seconds below 1e11, else milliseconds.
 * Fractions beyond milliseconds are truncated. */
static bool parse_epoch(const char *s, size_t n, int64_t *ms)
{
    size_t i = 0;
    int64_t v = 0;
    for (; i < n && ch_is_digit(s[i]); i++) {
        int dig = s[i] - '0';
        if (v > (INT64_MAX - dig) / 10)
            return false;
        v = v * 10 + dig;
    }
    if (i == 0)
        return false;
    int64_t frac = 0; /* the first three fraction digits, as ms */
    if (i < n) {
        if (s[i] != '.' || i + 1 == n)
            return false;
        int k = 0;
        for (i++; i < n; i++, k++) {
            if (!ch_is_digit(s[i]))
                return false;
            if (k < 3)
                frac = frac * 10 + (s[i] - '0');
        }
        for (; k < 3; k++)
            frac *= 10;
    }
    *ms = v < CLI_EPOCH_MS_THRESHOLD ? v * MS_PER_SEC + frac : v;
    return true;
}

bool tv_parse_cli_time(const char *s, int64_t now_ms, int64_t *ms)
{
    size_t n = strlen(s);
    if (same_word(s, n, "now")) {
        *ms = now_ms;
        return true;
    }
    if (n > 1 && s[0] == '-') {
        struct period p;
        int64_t back, r;
        if (!tv_parse_period(s + 1, n - 1, &p) || is_calendar(p.unit))
            return false;
        back = tv_period_ms(p);
        if (__builtin_sub_overflow(now_ms, back, &r))
            return false;
        *ms = r;
        return true;
    }
    if (parse_epoch(s, n, ms))
        return true;
    return tv_parse_iso8601(s, n, ms);
}

/* ---- buckets --------------------------------------------------------- */

/* Months per bucket of a calendar period (saturating). */
static int64_t calendar_months(struct period p)
{
    int64_t k = p.unit == PU_YEAR ? 12 : p.unit == PU_QUARTER ? 3 : 1;
    return sat_mul(p.n, k);
}

/* Months since 1970-01 of the month holding ts. */
static int64_t month_index(int64_t ts)
{
    int64_t y;
    int m, d;
    tv_civil_from_days(tv_floor_div(ts, MS_PER_DAY), &y, &m, &d);
    return (y - 1970) * 12 + (m - 1);
}

/* ms of the first instant of month index mi (saturating). */
static int64_t month_start(int64_t mi)
{
    if (mi < -MONTH_INDEX_LIMIT)
        return INT64_MIN;
    if (mi > MONTH_INDEX_LIMIT)
        return INT64_MAX;
    int64_t days = tv_days_from_civil(1970 + tv_floor_div(mi, 12), (int)floor_mod(mi, 12) + 1, 1);
    return sat_mul(days, MS_PER_DAY);
}

/* Fixed periods: ms from the bucket start to ts, in [0, len). */
static int64_t fixed_remainder(int64_t ts, struct period p, int64_t len)
{
    int64_t origin = p.unit == PU_WEEK ? WEEK_ORIGIN_MS : 0;
    return floor_mod(floor_mod(ts, len) - floor_mod(origin, len), len);
}

int64_t tv_floor(int64_t ts, struct period p)
{
    if (p.n < 1)
        p.n = 1;
    if (is_calendar(p.unit)) {
        int64_t mi = month_index(ts);
        return month_start(mi - floor_mod(mi, calendar_months(p)));
    }
    int64_t len = tv_period_ms(p);
    return sat_sub(ts, fixed_remainder(ts, p, len));
}

int64_t tv_ceil(int64_t ts, struct period p)
{
    if (p.n < 1)
        p.n = 1;
    if (is_calendar(p.unit)) {
        int64_t mi = month_index(ts);
        int64_t per = calendar_months(p);
        int64_t fm = mi - floor_mod(mi, per);
        if (month_start(fm) == ts)
            return ts;
        return month_start(sat_add(fm, per));
    }
    int64_t len = tv_period_ms(p);
    int64_t r = fixed_remainder(ts, p, len);
    return r == 0 ? ts : sat_add(ts, len - r);
}

int64_t tv_floor_offset(int64_t ts, struct period p, int64_t offset_ms)
{
    return sat_add(tv_floor(sat_sub(ts, offset_ms), p), offset_ms);
}

int64_t tv_months_back(int64_t ms, int n)
{
    struct tv_parts p;
    tv_split(ms, &p);
    int64_t months = p.year * 12 + (p.month - 1) - n;
    int64_t y = tv_floor_div(months, 12);
    int m = (int)(months - y * 12) + 1;
    int last = tv_days_in_month(y, m);
    int d = p.day > last ? last : p.day;
    int64_t day_ms = ms - p.days * 86400000;
    return tv_days_from_civil(y, m, d) * 86400000 + day_ms;
}
