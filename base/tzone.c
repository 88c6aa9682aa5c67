/*
 * tzone.c — time zones from the zone database (see tzone.h).
 *
 * A TZif file (RFC 8536) holds a table of transitions (instants where the
 * offset changes) and the local time types they switch to; version 2 and
 * later add the same table with 64-bit times and, at the end, a POSIX TZ
 * rule for instants after the last transition. Only what trailq needs is
 * kept: the 64-bit transitions, the types' offsets and abbreviations, and
 * the rule. Leap-second records are skipped (trailq's times, like
 * CloudTrail's, have no leap seconds).
 */
#include "base/tzone.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/timeval.h"
#include "base/xalloc.h"

/* A zone file larger than this is not one (the largest are about 4 KiB). */
enum { TZ_FILE_MAX = 1 << 20, TZ_ABBR_MAX = 16 };

struct tz_type {
    int32_t off_s;              /* seconds east of UTC */
    char abbr[TZ_ABBR_MAX];     /* "CEST" */
};

/* A POSIX rule's date: Jn (1-365, no Feb 29), n (0-365) or Mm.w.d. */
struct tz_date {
    char kind;                  /* 'J', 'D' (zero-based day) or 'M' */
    int n;                      /* J and D: the day */
    int m, w, d;                /* M: month 1-12, week 1-5 (5 = last), weekday 0-6 (Sunday 0) */
    int32_t time_s;             /* local time of day of the change (may be < 0 or > 24 h) */
};

struct tz_rule {
    struct tz_type std, dst;    /* standard and daylight time */
    bool has_dst;               /* std only when false */
    struct tz_date start, end;  /* dst starts (in standard time), ends (in daylight time) */
};

struct tzone {
    char *name;                 /* as opened (owned) */
    bool utc;                   /* UTC itself */
    bool fixed;                 /* a fixed offset: fixed_off_s, no abbreviation */
    int32_t fixed_off_s;
    size_t n_trans;             /* transitions */
    int64_t *trans;             /* n_trans instants, seconds, ascending (owned) */
    uint8_t *trans_type;        /* n_trans indexes into types (owned) */
    size_t n_types;
    struct tz_type *types;      /* local time types (owned) */
    bool has_rule;              /* instants after the last transition follow rule */
    struct tz_rule rule;
};

/* ---- fixed offsets ---- */

bool tz_parse_offset(const char *s, size_t n, int64_t *off_ms)
{
    if ((n == 3 && (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0)) ||
        (n == 1 && (s[0] == 'Z' || s[0] == 'z'))) {
        *off_ms = 0;
        return true;
    }
    if (n < 3 || (s[0] != '+' && s[0] != '-'))
        return false;
    int digits[4], nd = 0;
    for (size_t i = 1; i < n; i++) {
        if (s[i] == ':' && i == 3 && n == 6)
            continue;
        if (!isdigit((unsigned char)s[i]) || nd == 4)
            return false;
        digits[nd++] = s[i] - '0';
    }
    if (nd != 2 && nd != 4)
        return false;
    int h = digits[0] * 10 + digits[1], m = nd == 4 ? digits[2] * 10 + digits[3] : 0;
    if (h > 23 || m > 59)
        return false;
    *off_ms = (int64_t)(s[0] == '-' ? -1 : 1) * (h * 3600 + m * 60) * 1000;
    return true;
}

static struct tzone *new_zone(const char *name, size_t n)
{
    struct tzone *z = xcalloc(1, sizeof *z);
    z->name = xstrndup(name, n);
    return z;
}

/* ---- POSIX TZ rules ---- */

/* An abbreviation: <...> or at least three letters. */
static bool rule_name(const char **p, char out[TZ_ABBR_MAX])
{
    const char *s = *p;
    size_t n = 0;
    if (*s == '<') {
        s++;
        while (s[n] && s[n] != '>')
            n++;
        if (s[n] != '>' || n < 1)
            return false;
        *p = s + n + 1;
    } else {
        while (isalpha((unsigned char)s[n]))
            n++;
        if (n < 3)
            return false;
        *p = s + n;
    }
    if (n >= TZ_ABBR_MAX)
        n = TZ_ABBR_MAX - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    return true;
}

/* [+-]hh[:mm[:ss]], hours up to max_h: seconds. */
static bool rule_hms(const char **p, int max_h, int32_t *out)
{
    const char *s = *p;
    int sign = 1;
    if (*s == '+' || *s == '-')
        sign = *s++ == '-' ? -1 : 1;
    int part[3] = {0, 0, 0};
    for (int k = 0; k < 3; k++) {
        if (k > 0) {
            if (*s != ':')
                break;
            s++;
        }
        if (!isdigit((unsigned char)*s))
            return false;
        int v = 0, nd = 0;
        while (isdigit((unsigned char)*s) && nd < 3) {
            v = v * 10 + (*s++ - '0');
            nd++;
        }
        part[k] = v;
    }
    if (part[0] > max_h || part[1] > 59 || part[2] > 59)
        return false;
    *out = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
    *p = s;
    return true;
}

static bool rule_int(const char **p, int lo, int hi, int *out)
{
    const char *s = *p;
    if (!isdigit((unsigned char)*s))
        return false;
    long v = 0;
    while (isdigit((unsigned char)*s) && v <= hi)
        v = v * 10 + (*s++ - '0');
    if (v < lo || v > hi)
        return false;
    *out = (int)v;
    *p = s;
    return true;
}

/* ",date[/time]" */
static bool rule_date(const char **p, struct tz_date *d)
{
    const char *s = *p;
    if (*s++ != ',')
        return false;
    *d = (struct tz_date){.time_s = 7200};
    if (*s == 'J') {
        s++;
        d->kind = 'J';
        if (!rule_int(&s, 1, 365, &d->n))
            return false;
    } else if (*s == 'M') {
        s++;
        d->kind = 'M';
        if (!rule_int(&s, 1, 12, &d->m) || *s++ != '.' || !rule_int(&s, 1, 5, &d->w) ||
            *s++ != '.' || !rule_int(&s, 0, 6, &d->d))
            return false;
    } else {
        d->kind = 'D';
        if (!rule_int(&s, 0, 365, &d->n))
            return false;
    }
    if (*s == '/') {
        s++;
        if (!rule_hms(&s, 167, &d->time_s))
            return false;
    }
    *p = s;
    return true;
}

static bool parse_rule(const char *s, struct tz_rule *r)
{
    *r = (struct tz_rule){0};
    int32_t off;
    if (!rule_name(&s, r->std.abbr) || !rule_hms(&s, 24, &off))
        return false;
    r->std.off_s = -off; /* POSIX counts west of UTC */
    if (*s == '\0')
        return true;
    if (!rule_name(&s, r->dst.abbr))
        return false;
    r->has_dst = true;
    r->dst.off_s = r->std.off_s + 3600;
    if (*s && *s != ',') {
        if (!rule_hms(&s, 24, &off))
            return false;
        r->dst.off_s = -off;
    }
    if (*s == '\0') {
        /* no dates: the rule of the United States since 2007, as
         * POSIX implementations assume */
        const char *us = ",M3.2.0,M11.1.0";
        return rule_date(&us, &r->start) && rule_date(&us, &r->end);
    }
    return rule_date(&s, &r->start) && rule_date(&s, &r->end) && *s == '\0';
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The instant (seconds, as if local time were UTC) of date d in year y. */
static int64_t rule_local(const struct tz_date *d, int64_t y)
{
    int64_t days;
    if (d->kind == 'J') {
        days = tv_days_from_civil(y, 1, 1) + d->n - 1 + (is_leap(y) && d->n >= 60 ? 1 : 0);
    } else if (d->kind == 'D') {
        days = tv_days_from_civil(y, 1, 1) + d->n;
    } else {
        static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int64_t first = tv_days_from_civil(y, d->m, 1);
        int wday = (int)(((first % 7) + 11) % 7); /* 0 Sunday; day 0 was a Thursday */
        int64_t day = first + (d->d - wday + 7) % 7 + 7 * (d->w - 1);
        int len = mdays[d->m - 1] + (d->m == 2 && is_leap(y) ? 1 : 0);
        while (day >= first + len)
            day -= 7; /* week 5: the last such weekday */
        days = day;
    }
    return days * 86400 + d->time_s;
}

static const struct tz_type *rule_type(const struct tz_rule *r, int64_t t)
{
    if (!r->has_dst)
        return &r->std;
    struct tv_parts p;
    tv_split((t + r->std.off_s) * 1000, &p);
    int64_t start = rule_local(&r->start, p.year) - r->std.off_s;
    int64_t end = rule_local(&r->end, p.year) - r->dst.off_s;
    bool dst = start < end ? t >= start && t < end : !(t >= end && t < start);
    return dst ? &r->dst : &r->std;
}

/* ---- TZif ---- */

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

struct tzif_counts {
    uint32_t isut, isstd, leap, time, type, chars;
};

static bool tzif_header(const unsigned char *p, size_t n, struct tzif_counts *c, char *version)
{
    if (n < 44 || memcmp(p, "TZif", 4) != 0)
        return false;
    *version = (char)p[4];
    c->isut = be32(p + 20);
    c->isstd = be32(p + 24);
    c->leap = be32(p + 28);
    c->time = be32(p + 32);
    c->type = be32(p + 36);
    c->chars = be32(p + 40);
    return c->type >= 1 && c->type <= 256 && c->time <= 100000 && c->chars <= 65536 &&
           c->leap <= 100000 && (c->isut == 0 || c->isut == c->type) &&
           (c->isstd == 0 || c->isstd == c->type);
}

static size_t tzif_block_len(const struct tzif_counts *c, size_t tsize)
{
    return c->time * tsize + c->time + c->type * 6 + c->chars + c->leap * (tsize + 4) +
           c->isstd + c->isut;
}

static bool parse_tzif(struct tzone *z, const unsigned char *p, size_t n)
{
    struct tzif_counts c;
    char version;
    if (!tzif_header(p, n, &c, &version))
        return false;
    size_t tsize = 4;
    size_t block = tzif_block_len(&c, 4);
    if (44 + block > n)
        return false;
    if (version >= '2') {
        /* skip the 32-bit data to the 64-bit header */
        p += 44 + block;
        n -= 44 + block;
        if (!tzif_header(p, n, &c, &version))
            return false;
        tsize = 8;
        block = tzif_block_len(&c, 8);
        if (44 + block > n)
            return false;
    }
    const unsigned char *d = p + 44;
    z->n_trans = c.time;
    z->trans = xcalloc(c.time ? c.time : 1, sizeof *z->trans);
    z->trans_type = xcalloc(c.time ? c.time : 1, 1);
    for (uint32_t i = 0; i < c.time; i++)
        z->trans[i] = tsize == 8 ? be64(d + 8 * i) : (int64_t)(int32_t)be32(d + 4 * i);
    d += c.time * tsize;
    for (uint32_t i = 0; i < c.time; i++) {
        if (d[i] >= c.type || (i && z->trans[i] <= z->trans[i - 1]))
            return false;
        z->trans_type[i] = d[i];
    }
    d += c.time;
    const unsigned char *chars = d + c.type * 6;
    z->n_types = c.type;
    z->types = xcalloc(c.type, sizeof *z->types);
    for (uint32_t i = 0; i < c.type; i++) {
        const unsigned char *t = d + 6 * i;
        z->types[i].off_s = (int32_t)be32(t);
        if (z->types[i].off_s < -89999 || z->types[i].off_s > 93599)
            return false;
        unsigned idx = t[5];
        if (idx < c.chars) {
            size_t len = strnlen((const char *)chars + idx, c.chars - idx);
            if (len >= TZ_ABBR_MAX)
                len = TZ_ABBR_MAX - 1;
            memcpy(z->types[i].abbr, chars + idx, len);
        }
    }
    if (version >= '2') {
        /* the footer: "\nRULE\n" after the 64-bit block */
        const char *f = (const char *)(p + 44 + block);
        size_t left = n - 44 - block;
        if (left >= 2 && f[0] == '\n') {
            const char *nl = memchr(f + 1, '\n', left - 1);
            if (nl && nl > f + 1) {
                char rule[128];
                size_t len = (size_t)(nl - f - 1);
                if (len < sizeof rule) {
                    memcpy(rule, f + 1, len);
                    rule[len] = '\0';
                    z->has_rule = parse_rule(rule, &z->rule);
                }
            }
        }
    }
    return true;
}

int tz_open_file(const char *path, const char *label, struct tzone **out, struct strbuf *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        return -1;
    }
    unsigned char *buf = xmalloc(TZ_FILE_MAX);
    size_t n = fread(buf, 1, TZ_FILE_MAX, fp);
    bool read_error = ferror(fp);
    fclose(fp);
    struct tzone *z = new_zone(label, strlen(label));
    if (read_error || n == TZ_FILE_MAX || !parse_tzif(z, buf, n)) {
        sb_printf(err, "%s: not a time zone file (TZif)", path);
        free(buf);
        tz_close(z);
        return -1;
    }
    free(buf);
    *out = z;
    return 0;
}

int tz_open_rule(const char *rule, struct tzone **out, struct strbuf *err)
{
    struct tzone *z = new_zone(rule, strlen(rule));
    if (!parse_rule(rule, &z->rule)) {
        sb_printf(err, "'%s' is not a POSIX time zone rule", rule);
        tz_close(z);
        return -1;
    }
    z->has_rule = true;
    *out = z;
    return 0;
}

/* A name the zone database could hold: no absolute path, no "..". */
static bool db_name_ok(const char *s, size_t n)
{
    if (n == 0 || n > 255 || s[0] == '/' || s[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!isalnum((unsigned char)ch) && ch != '/' && ch != '_' && ch != '-' && ch != '+' &&
            ch != '.')
            return false;
        if (ch == '.' && (i == 0 || s[i - 1] == '/'))
            return false; /* no "..", no hidden files */
    }
    return true;
}

int tz_open(const char *name, size_t n, struct tzone **out, struct strbuf *err)
{
    int64_t off_ms;
    bool etc_utc = n == 7 && strncmp(name, "Etc/UTC", 7) == 0;
    if (etc_utc || tz_parse_offset(name, n, &off_ms)) {
        struct tzone *z = new_zone(name, n);
        if (etc_utc || (name[0] != '+' && name[0] != '-')) {
            z->utc = true; /* UTC, GMT, Z */
        } else {
            z->fixed = true; /* +00:00 too: an offset that was asked for */
            z->fixed_off_s = (int32_t)(off_ms / 1000);
        }
        *out = z;
        return 0;
    }
    if (!db_name_ok(name, n)) {
        sb_printf(err, "unknown time zone '%.*s'", (int)n, name);
        return -1;
    }
    const char *dir = getenv("TZDIR");
    char *path = xasprintf("%s/%.*s", dir && *dir ? dir : "/usr/share/zoneinfo", (int)n, name);
    char *label = xstrndup(name, n);
    struct strbuf why = STRBUF_INIT;
    int rc = tz_open_file(path, label, out, &why);
    if (rc < 0)
        sb_printf(err, "unknown time zone '%s' (not in the zone database)", label);
    sb_free(&why);
    free(label);
    free(path);
    return rc;
}

void tz_close(struct tzone *z)
{
    if (!z)
        return;
    free(z->name);
    free(z->trans);
    free(z->trans_type);
    free(z->types);
    free(z);
}

bool tz_is_utc(const struct tzone *z)
{
    return !z || z->utc;
}

const char *tz_name(const struct tzone *z)
{
    return z ? z->name : "UTC";
}

/* The local time type at instant t (seconds), or NULL for UTC and fixed
 * offsets. */
static const struct tz_type *type_at(const struct tzone *z, int64_t t)
{
    if (z->utc || z->fixed)
        return NULL;
    if (z->n_trans == 0)
        return z->has_rule ? rule_type(&z->rule, t) : &z->types[0];
    if (t < z->trans[0])
        return &z->types[0];
    if (t >= z->trans[z->n_trans - 1] && z->has_rule)
        return rule_type(&z->rule, t);
    size_t lo = 0, hi = z->n_trans; /* trans[lo] <= t < trans[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (z->trans[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return &z->types[z->trans_type[lo]];
}

int64_t tz_offset_at(const struct tzone *z, int64_t utc_ms)
{
    if (!z || z->utc)
        return 0;
    if (z->fixed)
        return (int64_t)z->fixed_off_s * 1000;
    return (int64_t)type_at(z, tv_floor_div(utc_ms, 1000))->off_s * 1000;
}

const char *tz_abbrev_at(const struct tzone *z, int64_t utc_ms)
{
    if (!z || z->utc)
        return "UTC";
    if (z->fixed)
        return "";
    return type_at(z, tv_floor_div(utc_ms, 1000))->abbr;
}

int64_t tz_to_utc(const struct tzone *z, int64_t local_ms)
{
    if (!z || z->utc || z->fixed)
        return local_ms - tz_offset_at(z, local_ms);
    /* the offsets in force a day either side: a time that exists is
     * local - o for one of them (transitions are more than a day apart) */
    const int64_t day = 86400000;
    int64_t before = tz_offset_at(z, local_ms - day), after = tz_offset_at(z, local_ms + day);
    int64_t cand[3] = {before, after, tz_offset_at(z, local_ms)};
    bool found = false;
    int64_t best = 0;
    for (int i = 0; i < 3; i++) {
        int64_t t = local_ms - cand[i];
        if (tz_offset_at(z, t) == cand[i] && (!found || t < best)) {
            best = t;
            found = true;
        }
    }
    return found ? best : local_ms - before;
}
