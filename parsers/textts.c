/*
 * textts.c — leading timestamps of text log lines (see textts.h).
 *
 * Each format has its own small recogniser, tried in a fixed order; each
 * checks the exact shape (digit counts, separators, ranges) so that one
 * format is never mistaken for another. ISO-8601 itself is read by
 * base/timeval.h; everything else is built from the helpers below.
 */
#include "parsers/textts.h"

#include "base/chars.h"
#include "base/timeval.h"

#define MS_PER_SEC  INT64_C(1000)
#define MS_PER_MIN  (60 * MS_PER_SEC)
#define MS_PER_HOUR (60 * MS_PER_MIN)
#define MS_PER_DAY  (24 * MS_PER_HOUR)

/* A civil date and time of day (UTC) to ms; false if out of range. */
static bool civil_ms(int y, int m, int d, int hh, int mi, int ss, int frac, int64_t *ms)
{
    if (m < 1 || m > 12 || d < 1 || d > tv_days_in_month(y, m) || hh > 23 || mi > 59 || ss > 60)
        return false;
    if (ss == 60) { /* leap second: the last instant of the minute */
        ss = 59;
        frac = 999;
    }
    *ms = tv_days_from_civil(y, m, d) * MS_PER_DAY + hh * MS_PER_HOUR + mi * MS_PER_MIN +
          ss * MS_PER_SEC + frac;
    return true;
}

/* A date without a year: the year of ref_ms, or an earlier one when the
 * date would lie more than a day after ref_ms (or does not exist, Feb 29). */
static bool yearless_ms(int m, int d, int hh, int mi, int ss, int frac, int64_t ref_ms,
                        int64_t *ms)
{
    int64_t days = ref_ms / MS_PER_DAY, ry;
    if (ref_ms % MS_PER_DAY < 0)
        days--;
    int rm, rd;
    tv_civil_from_days(days, &ry, &rm, &rd);
    for (int64_t y = ry; y > ry - 8; y--) {
        int64_t v;
        if (!civil_ms((int)y, m, d, hh, mi, ss, frac, &v))
            continue;
        if (y == ry && v > ref_ms + MS_PER_DAY)
            continue;
        *ms = v;
        return true;
    }
    return false;
}

/* Optional fraction ('.' or ',' then digits) at s[*i]: adds the first three
 * digits as ms. */
static int fraction(const char *s, size_t n, size_t *i)
{
    if (*i + 1 >= n || (s[*i] != '.' && s[*i] != ',') || !ch_is_digit(s[*i + 1]))
        return 0;
    int frac = 0, k = 0;
    for ((*i)++; *i < n && ch_is_digit(s[*i]); (*i)++, k++)
        if (k < 3)
            frac = frac * 10 + (s[*i] - '0');
    for (; k < 3; k++)
        frac *= 10;
    return frac;
}

/* hh:mm:ss at s[at]. */
static bool clock3(const char *s, size_t n, size_t at, int *hh, int *mi, int *ss)
{
    return tv_digits(s, n, at, 2, hh) && at + 2 < n && s[at + 2] == ':' &&
           tv_digits(s, n, at + 3, 2, mi) && at + 5 < n && s[at + 5] == ':' &&
           tv_digits(s, n, at + 6, 2, ss);
}

/* The line may end here or continue with a non-alphanumeric byte. */
static bool boundary(const char *s, size_t n, size_t i)
{
    return i >= n || !ch_is_alnum(s[i]);
}

static int month_name(const char *s, size_t n, size_t at)
{
    static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    if (at + 3 > n)
        return 0;
    char c[3];
    for (int k = 0; k < 3; k++)
        c[k] = (char)(s[at + k] | 0x20);
    for (int m = 0; m < 12; m++)
        if (names[3 * m] == c[0] && names[3 * m + 1] == c[1] && names[3 * m + 2] == c[2])
            return m + 1;
    return 0;
}

static bool weekday_name(const char *s, size_t n, size_t at)
{
    static const char names[] = "sunmontuewedthufrisat";
    if (at + 3 > n)
        return false;
    for (int w = 0; w < 7; w++) {
        int k = 0;
        while (k < 3 && (char)(s[at + k] | 0x20) == names[3 * w + k])
            k++;
        if (k == 3)
            return true;
    }
    return false;
}

/* Day of month: "dd", " d" or "d" at s[*i], then one space. */
static bool day_field(const char *s, size_t n, size_t *i, int *d)
{
    size_t at = *i;
    if (at < n && s[at] == ' ')
        at++;
    if (tv_digits(s, n, at, 2, d))
        at += 2;
    else if (tv_digits(s, n, at, 1, d))
        at += 1;
    else
        return false;
    *i = at;
    return true;
}

/* ---- the formats ---- */

/* "2024/03/01 10:00:00[.fff]" */
static bool fmt_slashed(const char *s, size_t n, int64_t *ms)
{
    int y, m, d, hh, mi, ss;
    if (!tv_digits(s, n, 0, 4, &y) || n < 19 || s[4] != '/' || !tv_digits(s, n, 5, 2, &m) ||
        s[7] != '/' || !tv_digits(s, n, 8, 2, &d) || (s[10] != ' ' && s[10] != 'T') ||
        !clock3(s, n, 11, &hh, &mi, &ss))
        return false;
    size_t i = 19;
    int frac = fraction(s, n, &i);
    return boundary(s, n, i) && civil_ms(y, m, d, hh, mi, ss, frac, ms);
}

/* 1 to `max` digits at s[*i]. */
static bool some_digits(const char *s, size_t n, size_t *i, int max, int *out)
{
    int v = 0, k = 0;
    while (*i < n && k < max && ch_is_digit(s[*i])) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    *out = v;
    return k > 0 && !(*i < n && ch_is_digit(s[*i]));
}

/* "20171223-22:15:29:606" (HealthApp; hour, minute, second and ms are not
 * zero-padded there: "20171224-1:2:35:789", "...:35:11" is 11 ms). */
static bool fmt_healthapp(const char *s, size_t n, int64_t *ms)
{
    int y, m, d, hh, mi, ss, f;
    if (!tv_digits(s, n, 0, 4, &y) || !tv_digits(s, n, 4, 2, &m) || !tv_digits(s, n, 6, 2, &d) ||
        n < 9 || s[8] != '-')
        return false;
    size_t i = 9;
    if (!some_digits(s, n, &i, 2, &hh) || i >= n || s[i++] != ':' ||
        !some_digits(s, n, &i, 2, &mi) || i >= n || s[i++] != ':' ||
        !some_digits(s, n, &i, 2, &ss) || i >= n || s[i++] != ':' ||
        !some_digits(s, n, &i, 3, &f))
        return false;
    return boundary(s, n, i) && civil_ms(y, m, d, hh, mi, ss, f, ms);
}

/* "Jun 14 15:16:01[.fff]" or "Jun 14 2024 15:16:01" */
static bool fmt_syslog(const char *s, size_t n, int64_t ref_ms, int64_t *ms)
{
    int m = month_name(s, n, 0), d, y = -1, hh, mi, ss;
    if (!m || n < 4 || s[3] != ' ')
        return false;
    size_t i = 4;
    if (!day_field(s, n, &i, &d) || i >= n || s[i] != ' ')
        return false;
    i++;
    if (tv_digits(s, n, i, 4, &y) && i + 4 < n && s[i + 4] == ' ')
        i += 5;
    else
        y = -1;
    if (!clock3(s, n, i, &hh, &mi, &ss))
        return false;
    i += 8;
    int frac = fraction(s, n, &i);
    if (!boundary(s, n, i))
        return false;
    if (y >= 0)
        return civil_ms(y, m, d, hh, mi, ss, frac, ms);
    return yearless_ms(m, d, hh, mi, ss, frac, ref_ms, ms);
}

/* "Sun Dec 04 04:47:44[.ffffff] 2005" (ctime, Apache error log); *end set
 * past the year. */
static bool fmt_ctime(const char *s, size_t n, int64_t *ms, size_t *end)
{
    int m, d, y, hh, mi, ss;
    if (!weekday_name(s, n, 0) || n < 8 || s[3] != ' ' || !(m = month_name(s, n, 4)) ||
        s[7] != ' ')
        return false;
    size_t i = 8;
    if (!day_field(s, n, &i, &d) || i >= n || s[i] != ' ' || !clock3(s, n, i + 1, &hh, &mi, &ss))
        return false;
    i += 9;
    int frac = fraction(s, n, &i);
    if (i >= n || s[i] != ' ' || !tv_digits(s, n, i + 1, 4, &y))
        return false;
    *end = i + 5;
    return boundary(s, n, *end) && civil_ms(y, m, d, hh, mi, ss, frac, ms);
}

/* "10/Oct/2000:13:55:36 -0700" (common log format); *end past the offset. */
static bool fmt_clf(const char *s, size_t n, int64_t *ms, size_t *end)
{
    int d, m, y, hh, mi, ss, oh, om;
    if (!tv_digits(s, n, 0, 2, &d) || n < 26 || s[2] != '/' || !(m = month_name(s, n, 3)) ||
        s[6] != '/' || !tv_digits(s, n, 7, 4, &y) || s[11] != ':' ||
        !clock3(s, n, 12, &hh, &mi, &ss))
        return false;
    size_t i = 20;
    int frac = fraction(s, n, &i);
    if (i + 6 > n || s[i] != ' ' || (s[i + 1] != '+' && s[i + 1] != '-') ||
        !tv_digits(s, n, i + 2, 2, &oh) || !tv_digits(s, n, i + 4, 2, &om) || oh > 23 || om > 59)
        return false;
    int64_t v;
    if (!civil_ms(y, m, d, hh, mi, ss, frac, &v))
        return false;
    int64_t off = oh * MS_PER_HOUR + om * MS_PER_MIN;
    *ms = s[i + 1] == '-' ? v + off : v - off;
    *end = i + 6;
    return true;
}

/* "10.30 16:49:06" (Proxifier, MM.dd); *end past the seconds. */
static bool fmt_proxifier(const char *s, size_t n, int64_t ref_ms, int64_t *ms, size_t *end)
{
    int m, d, hh, mi, ss;
    if (!tv_digits(s, n, 0, 2, &m) || n < 14 || s[2] != '.' || !tv_digits(s, n, 3, 2, &d) ||
        s[5] != ' ' || !clock3(s, n, 6, &hh, &mi, &ss))
        return false;
    *end = 14;
    return yearless_ms(m, d, hh, mi, ss, 0, ref_ms, ms);
}

/* "03-17 16:13:38.811" (Android logcat, MM-dd, fraction required). */
static bool fmt_logcat(const char *s, size_t n, int64_t ref_ms, int64_t *ms)
{
    int m, d, hh, mi, ss;
    if (!tv_digits(s, n, 0, 2, &m) || n < 18 || s[2] != '-' || !tv_digits(s, n, 3, 2, &d) ||
        s[5] != ' ' || !clock3(s, n, 6, &hh, &mi, &ss) || s[14] != '.')
        return false;
    size_t i = 14;
    int frac = fraction(s, n, &i);
    return i == 18 && boundary(s, n, i) && yearless_ms(m, d, hh, mi, ss, frac, ref_ms, ms);
}

/* "081109 203615" (HDFS: yyMMdd HHmmss; years 70-99 are 19xx). */
static bool fmt_hdfs(const char *s, size_t n, int64_t *ms)
{
    int y, m, d, hh, mi, ss;
    if (!tv_digits(s, n, 0, 2, &y) || !tv_digits(s, n, 2, 2, &m) || !tv_digits(s, n, 4, 2, &d) ||
        n < 13 || s[6] != ' ' || !tv_digits(s, n, 7, 2, &hh) || !tv_digits(s, n, 9, 2, &mi) ||
        !tv_digits(s, n, 11, 2, &ss) || (n > 13 && s[13] != ' ' && s[13] != '\t'))
        return false;
    return civil_ms(y < 70 ? 2000 + y : 1900 + y, m, d, hh, mi, ss, 0, ms);
}

/* Epoch seconds (10 digits, optional fraction) or ms (13 digits) at s[at]. */
static bool fmt_epoch(const char *s, size_t n, size_t at, int64_t *ms, size_t *end)
{
    size_t i = at;
    int64_t v = 0;
    while (i < n && ch_is_digit(s[i]) && i - at < 14)
        v = v * 10 + (s[i++] - '0');
    size_t len = i - at;
    if (len == 10) {
        if (v < INT64_C(1000000000))
            return false;
        int frac = fraction(s, n, &i);
        *ms = v * MS_PER_SEC + frac;
    } else if (len == 13) {
        if (v < INT64_C(1000000000000))
            return false;
        *ms = v;
    } else {
        return false;
    }
    if (!boundary(s, n, i) ||
        (i < n && (s[i] == '-' || s[i] == '/' || s[i] == ':' || s[i] == '.')))
        return false;
    *end = i;
    return true;
}

/* "- 1117838570 2005.06.03 ..." (BGL, Thunderbird): a flag word, epoch
 * seconds, and the same date as YYYY.MM.DD (within a day, for time zones). */
static bool fmt_bgl(const char *s, size_t n, int64_t *ms)
{
    size_t i = 0;
    while (i < n && i < 24 && s[i] != ' ' && s[i] != '\t')
        i++;
    if (i == 0 || i >= n || s[i] != ' ')
        return false;
    size_t end;
    int64_t v;
    if (!fmt_epoch(s, n, i + 1, &v, &end) || end >= n || s[end] != ' ')
        return false;
    int y, m, d;
    size_t at = end + 1;
    if (!tv_digits(s, n, at, 4, &y) || at + 10 > n || s[at + 4] != '.' ||
        !tv_digits(s, n, at + 5, 2, &m) || s[at + 7] != '.' || !tv_digits(s, n, at + 8, 2, &d))
        return false;
    int64_t day;
    if (!civil_ms(y, m, d, 0, 0, 0, 0, &day) || v < day - MS_PER_DAY || v >= day + 2 * MS_PER_DAY)
        return false;
    *ms = v;
    return true;
}

/* "host ident user [10/Oct/2000:13:55:36 -0700]": three words, then the
 * bracketed date. */
static bool fmt_access(const char *s, size_t n, int64_t *ms)
{
    size_t i = 0;
    for (int w = 0; w < 3; w++) {
        size_t start = i;
        while (i < n && s[i] != ' ' && s[i] != '[')
            i++;
        if (i == start || i >= n || s[i] != ' ')
            return false;
        i++;
    }
    size_t end;
    return i < n && s[i] == '[' && fmt_clf(s + i + 1, n - i - 1, ms, &end) &&
           i + 1 + end < n && s[i + 1 + end] == ']';
}

/* A bracketed timestamp "[...]" of several kinds. */
static bool fmt_bracketed(const char *s, size_t n, int64_t ref_ms, int64_t *ms)
{
    const char *p = s + 1;
    size_t m = n - 1, end = 0;
    int64_t v;
    if ((end = tv_scan_iso8601(p, m, &v)) > 0 && end < m && p[end] == ']') {
        *ms = v;
        return true;
    }
    if ((fmt_ctime(p, m, &v, &end) || fmt_clf(p, m, &v, &end) ||
         fmt_proxifier(p, m, ref_ms, &v, &end)) &&
        end < m && p[end] == ']') {
        *ms = v;
        return true;
    }
    return false;
}

/* Every format but the syslog priority prefix. */
static bool scan_at(const char *s, size_t n, int64_t ref_ms, int64_t *ms)
{
    if (n == 0)
        return false;
    size_t end;
    int64_t v;
    if (s[0] == '[')
        return fmt_bracketed(s, n, ref_ms, ms);
    if (ch_is_digit(s[0])) {
        size_t used = tv_scan_iso8601(s, n, &v);
        if (used > 0 && boundary(s, n, used)) {
            *ms = v;
            return true;
        }
        if (fmt_slashed(s, n, ms) || fmt_healthapp(s, n, ms) || fmt_hdfs(s, n, ms) ||
            fmt_logcat(s, n, ref_ms, ms))
            return true;
        if (fmt_epoch(s, n, 0, &v, &end)) {
            *ms = v;
            return true;
        }
    } else if (fmt_syslog(s, n, ref_ms, ms)) {
        return true;
    } else if (fmt_ctime(s, n, &v, &end)) {
        *ms = v;
        return true;
    }
    return fmt_bgl(s, n, ms) || fmt_access(s, n, ms);
}

bool textts_scan(const char *line, size_t n, int64_t ref_ms, int64_t *ms)
{
    size_t i = 0;
    /* syslog priority "<13>", then RFC 5424's version "1 " */
    if (n > 2 && line[0] == '<') {
        size_t j = 1;
        while (j < n && j < 4 && ch_is_digit(line[j]))
            j++;
        if (j > 1 && j < n && line[j] == '>') {
            i = j + 1;
            if (i + 1 < n && ch_is_digit(line[i]) && line[i + 1] == ' ')
                i += 2;
        }
    }
    int64_t v;
    if (!scan_at(line + i, n - i, ref_ms, &v))
        return false;
    *ms = v;
    return true;
}
