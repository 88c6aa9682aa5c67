/*
 * sqlfn_string.c — the Insights string functions as SQL functions
 * (trailq(1) String functions, plus messageSize): tq_concat, tq_strlen,
 * tq_toupper, tq_tolower, tq_substr, tq_trim, tq_ltrim, tq_rtrim,
 * tq_replace, tq_regexreplace, tq_strcontains, tq_startswith, tq_endswith,
 * tq_isempty, tq_isblank, tq_urlencode, tq_urldecode, tq_base64encode,
 * tq_base64decode, tq_split, tq_hextoascii, tq_hextodec, tq_dectohex,
 * tq_messagesize. sqlfn_register_string() installs them.
 *
 * Conventions (sqlfn.h): a missing (NULL) argument gives a missing result
 * unless a function says otherwise; numbers used as strings are rendered by
 * sqlfn_value_text, exactly as output shows them. Strings are UTF-8 and
 * "characters" are code points; a stray byte of invalid UTF-8 counts as one
 * character. Choices where the reference is silent:
 *   - toupper / tolower map Latin (ASCII, Latin-1, Latin Extended-A),
 *     Greek and Cyrillic letters one to one, as Java does; others are kept
 *     (ß stays ß: Java's "SS" would change the length).
 *   - "Whitespace" (trim without chars, isblank) is ASCII: space, \t, \n,
 *     \v, \f, \r.
 *   - strcontains' third argument counts when it is a true value (true or a
 *     non-zero number); missing means false. Case folding is ASCII.
 *   - Decoders (urldecode, base64decode, hexToAscii) give missing when the
 *     input is malformed or the decoded bytes are not valid UTF-8 text or
 *     contain a NUL byte. base64decode accepts input with or without the
 *     '=' padding, but nothing outside the standard alphabet.
 *   - regexReplace: in the replacement, \0..\9 and $0..$9 are groups (0 is
 *     the whole match), ${name} or ${number} a group by name or number, \\
 *     and $$ a literal \ and $; a group that does not exist or did not take
 *     part gives "". Matches are found by regex.h's scan (compiled once
 *     per statement, with its match limits): after an empty match the
 *     search resumes one character further, as Perl and pcre2demo do.
 *   - hexToDec accepts an optional '-', an optional 0x / 0X, then hex
 *     digits of either case; decToHex truncates toward zero and gives
 *     missing beyond the 64-bit range.
 * Results are new TEXT values owned by SQLite.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/chars.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "query/regex.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* ---- helpers --------------------------------------------------------- */

/* The argument as text; false when it is NULL. *s stays valid until the
 * value or buf changes. */
static bool str_arg(sqlite3_value *v, const char **s, size_t *n, char buf[NUMFMT_MAX])
{
    *s = sqlfn_value_text(v, n, buf);
    return *s != NULL;
}

/* The opening of most functions here: the argument as text, or a NULL
 * result (and false) when it is NULL. */
static bool text_arg_or_null(sqlite3_context *ctx, sqlite3_value *v, const char **s, size_t *n,
                             char buf[NUMFMT_MAX])
{
    if (str_arg(v, s, n, buf))
        return true;
    sqlite3_result_null(ctx);
    return false;
}

/* Byte index of the character after the one starting at i (i < n). */
static size_t u8_next(const char *s, size_t n, size_t i)
{
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* Byte index where the character ending at i (i > 0) starts. */
static size_t u8_prev(const char *s, size_t i)
{
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Is s[0..n) well-formed UTF-8 (no overlongs, surrogates or values beyond
 * U+10FFFF) without NUL bytes? */
static bool u8_valid_text(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        uint32_t cp;
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

/* Hand a built buffer to SQLite as the TEXT result (sb is left empty). */
static void result_sb(sqlite3_context *ctx, struct strbuf *sb)
{
    if (!sb->buf) {
        sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    size_t len = sb->len;
    sqlite3_result_text64(ctx, sb_detach(sb), len, free, SQLITE_UTF8);
}

/* Decoded bytes as the TEXT result, or NULL when they are not UTF-8 text. */
static void result_decoded(sqlite3_context *ctx, struct strbuf *sb)
{
    if (!u8_valid_text((const unsigned char *)sb_str(sb), sb->len)) {
        sb_free(sb);
        sqlite3_result_null(ctx);
        return;
    }
    result_sb(ctx, sb);
}

/* ---- concatenation, length, case -------------------------------------- */

static void fn_concat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct strbuf sb = STRBUF_INIT;
    bool any = false;
    for (int k = 0; k < argc; k++) {
        char buf[NUMFMT_MAX];
        const char *s;
        size_t n;
        if (!str_arg(argv[k], &s, &n, buf))
            continue;
        any = true;
        sb_append(&sb, s, n);
    }
    if (!any) {
        sqlite3_result_null(ctx);
        return;
    }
    result_sb(ctx, &sb);
}

static void fn_strlen(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n, count = 0;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    for (size_t i = 0; i < n; i = u8_next(s, n, i))
        count++;
    sqlite3_result_int64(ctx, (sqlite3_int64)count);
}

/* Simple (one code point to one code point) case mapping for the scripts
 * logs are written in: Latin (ASCII, Latin-1, Latin Extended-A), Greek and
 * Cyrillic, as Java's String.toUpperCase/toLowerCase (Insights) maps them;
 * other code points are kept. 0 means "no mapping". */
static uint32_t map_case(uint32_t c, bool upper)
{
    if (upper) {
        if (c >= 'a' && c <= 'z')
            return c - 32;
        if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
            return c - 32;
        if (c == 0xFF)
            return 0x178;
        if (c == 0x131)
            return 'I';
        if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
            return c & 1 ? c - 1 : 0;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return c & 1 ? 0 : c - 1;
        if (c == 0x3C2)
            return 0x3A3; /* final sigma */
        if (c >= 0x3B1 && c <= 0x3CB) /* to upsilon with dialytika */
            return c - 32;
        if (c == 0x3AC)
            return 0x386; /* with tonos: alpha, */
        if (c >= 0x3AD && c <= 0x3AF)
            return c - 37; /* epsilon, eta, iota, */
        if (c == 0x3CC)
            return 0x38C; /* omicron, */
        if (c == 0x3CD || c == 0x3CE)
            return c - 63; /* upsilon and omega */
        if (c >= 0x430 && c <= 0x44F)
            return c - 32;
        if (c >= 0x450 && c <= 0x45F)
            return c - 80;
        return 0;
    }
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c == 0x178)
        return 0xFF;
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c & 1 ? 0 : c + 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c & 1 ? c + 1 : 0;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        return c + 32;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return 0;
}

/* Decode one UTF-8 sequence at s[i] (valid input assumed; an invalid byte
 * is taken as itself). Returns its length. */
static size_t utf8_decode(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
    unsigned char b = s[i];
    if (b < 0x80 || i + 1 >= n) {
        *cp = b;
        return 1;
    }
    if ((b & 0xE0) == 0xC0 && (s[i + 1] & 0xC0) == 0x80) {
        *cp = (uint32_t)(b & 0x1F) << 6 | (s[i + 1] & 0x3F);
        return 2;
    }
    *cp = b; /* three- and four-byte sequences: no mappings there; copied as is */
    return 1;
}

static void change_case(sqlite3_context *ctx, sqlite3_value *v, bool upper)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, v, &s, &n, buf))
        return;
    /* a mapped character takes as many bytes as the original (ASCII to
     * ASCII, two-byte letters to two-byte letters), so n bytes suffice */
    char *out = xmalloc(n + 1);
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(u, n, i, &cp);
        uint32_t m = len <= 2 ? map_case(cp, upper) : 0;
        if (m && m < 0x80) {
            out[o++] = (char)m;
        } else if (m && m < 0x800 && len == 2) {
            out[o++] = (char)(0xC0 | (m >> 6));
            out[o++] = (char)(0x80 | (m & 0x3F));
        } else {
            memcpy(out + o, s + i, len);
            o += len;
        }
        i += len;
    }
    out[o] = '\0';
    sqlite3_result_text64(ctx, out, o, free, SQLITE_UTF8);
}

static void fn_toupper(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    change_case(ctx, argv[0], true);
}

static void fn_tolower(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    change_case(ctx, argv[0], false);
}

/* ---- substr, trim ------------------------------------------------------ */

/* A numeric argument as a count of characters: truncated toward zero and
 * clamped to [-1, SIZE_MAX / 2] (negative values all become -1). False
 * when it is not a number. */
static bool count_arg(sqlite3_value *v, long long *out)
{
    double d;
    long long i;
    bool is_int;
    if (!sqlfn_value_number(v, &d, &i, &is_int) || isnan(d))
        return false;
    if (!is_int) {
        d = trunc(d);
        if (d < 0)
            i = -1;
        else if (d > 4e18)
            i = (long long)4e18;
        else
            i = (long long)d;
    }
    if (i < 0)
        i = -1;
    *out = i;
    return true;
}

static void fn_substr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    long long start, len = -2; /* -2: to the end */
    if (!str_arg(argv[0], &s, &n, buf) || !count_arg(argv[1], &start) ||
        (argc > 2 && !count_arg(argv[2], &len))) {
        sqlite3_result_null(ctx);
        return;
    }
    if (argc > 2 && len < 0) {
        sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    size_t i = 0;
    for (long long k = 0; k < start && i < n; k++)
        i = u8_next(s, n, i);
    size_t j = n;
    if (argc > 2) {
        j = i;
        for (long long k = 0; k < len && j < n; k++)
            j = u8_next(s, n, j);
    }
    sqlite3_result_text64(ctx, s + i, j - i, SQLITE_TRANSIENT, SQLITE_UTF8);
}

/* Is the character s[i..j) one of the characters of set? */
static bool in_char_set(const char *set, size_t set_n, const char *c, size_t c_n)
{
    for (size_t a = 0; a < set_n;) {
        size_t b = u8_next(set, set_n, a);
        if (b - a == c_n && memcmp(set + a, c, c_n) == 0)
            return true;
        a = b;
    }
    return false;
}

enum { TRIM_LEFT = 1, TRIM_RIGHT = 2 };

static void trim_common(sqlite3_context *ctx, int argc, sqlite3_value **argv, int sides)
{
    char buf[NUMFMT_MAX], set_buf[NUMFMT_MAX];
    const char *s, *set = NULL;
    size_t n, set_n = 0;
    if (!str_arg(argv[0], &s, &n, buf) || (argc > 1 && !str_arg(argv[1], &set, &set_n, set_buf))) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t i = 0, j = n;
    if (sides & TRIM_LEFT) {
        while (i < j) {
            size_t next = u8_next(s, j, i);
            bool strip = set ? in_char_set(set, set_n, s + i, next - i)
                             : ch_is_space((unsigned char)s[i]);
            if (!strip)
                break;
            i = next;
        }
    }
    if (sides & TRIM_RIGHT) {
        while (j > i) {
            size_t prev = u8_prev(s, j);
            if (prev < i)
                prev = i;
            bool strip = set ? in_char_set(set, set_n, s + prev, j - prev)
                             : ch_is_space((unsigned char)s[j - 1]);
            if (!strip)
                break;
            j = set ? prev : j - 1;
        }
    }
    sqlite3_result_text64(ctx, s + i, j - i, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static void fn_trim(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    trim_common(ctx, argc, argv, TRIM_LEFT | TRIM_RIGHT);
}

static void fn_ltrim(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    trim_common(ctx, argc, argv, TRIM_LEFT);
}

static void fn_rtrim(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    trim_common(ctx, argc, argv, TRIM_RIGHT);
}

/* ---- replace, regexReplace ---------------------------------------------- */

static void fn_replace(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char b0[NUMFMT_MAX], b1[NUMFMT_MAX], b2[NUMFMT_MAX];
    const char *s, *find, *repl;
    size_t n, find_n, repl_n;
    if (!str_arg(argv[0], &s, &n, b0) || !str_arg(argv[1], &find, &find_n, b1) ||
        !str_arg(argv[2], &repl, &repl_n, b2)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (find_n == 0) {
        sqlite3_result_text64(ctx, s, n, SQLITE_TRANSIENT, SQLITE_UTF8);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_reserve(&sb, n);
    size_t i = 0;
    while (i < n) {
        const char *hit = memmem(s + i, n - i, find, find_n);
        if (!hit)
            break;
        size_t at = (size_t)(hit - s);
        sb_append(&sb, s + i, at - i);
        sb_append(&sb, repl, repl_n);
        i = at + find_n;
    }
    sb_append(&sb, s + i, n - i);
    result_sb(ctx, &sb);
}

/* The named groups of a regexReplace pattern, looked up only when the
 * replacement uses ${name}, and kept as the auxdata of the replacement
 * argument (with the pattern they belong to, since that may change). */
struct repl_names {
    char *pattern;                /* the pattern's bytes (owned) */
    size_t pattern_len;           /* its length */
    struct rx_group_name *names;  /* rx_group_names() result (owned) */
    size_t n_names;               /* entries in names */
};

static void repl_names_free(void *p)
{
    struct repl_names *rn = p;
    if (!rn)
        return;
    rx_group_names_free(rn->names, rn->n_names);
    free(rn->pattern);
    free(rn);
}

/* Does the replacement refer to a group by name (${name})? */
static bool uses_group_names(const char *repl, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++)
        if (repl[i] == '$' && repl[i + 1] == '{' && (repl[i + 2] < '0' || repl[i + 2] > '9'))
            return true;
    return false;
}

/* The group names of pattern pat[0..n); a new struct the caller frees with
 * repl_names_free. The pattern is known to compile. */
static struct repl_names *repl_names_new(const char *pat, size_t n)
{
    struct repl_names *rn = xcalloc(1, sizeof *rn);
    char msg[RX_MSG_MAX];
    int n_captures;
    rn->pattern = xstrndup(pat, n);
    rn->pattern_len = n;
    if (rx_group_names(pat, n, &rn->names, &rn->n_names, &n_captures, msg, sizeof msg, NULL))
        rn->n_names = 0;
    return rn;
}

/* Append group g of the current match (nothing if it did not take part). */
static void append_group(struct strbuf *sb, const char *s, const struct rx_scan *sc, int g)
{
    size_t a, b;
    if (rx_scan_group(sc, g, &a, &b) && b >= a)
        sb_append(sb, s + a, b - a);
}

/* Append the first participating group called name[0..n). */
static void append_named(struct strbuf *sb, const char *s, const struct rx_scan *sc,
                         const struct repl_names *rn, const char *name, size_t n)
{
    for (size_t k = 0; rn && k < rn->n_names; k++) {
        size_t a, b;
        if (strlen(rn->names[k].name) == n && memcmp(rn->names[k].name, name, n) == 0 &&
            rx_scan_group(sc, rn->names[k].number, &a, &b)) {
            if (b >= a)
                sb_append(sb, s + a, b - a);
            return;
        }
    }
}

/* Append the replacement text with its group references expanded. */
static void expand_replacement(struct strbuf *sb, const char *repl, size_t rn_len, const char *s,
                               const struct rx_scan *sc, const struct repl_names *rn)
{
    size_t i = 0;
    while (i < rn_len) {
        char c = repl[i];
        char d = i + 1 < rn_len ? repl[i + 1] : '\0';
        if ((c == '\\' || c == '$') && d >= '0' && d <= '9') {
            append_group(sb, s, sc, d - '0');
            i += 2;
        } else if ((c == '\\' && d == '\\') || (c == '$' && d == '$')) {
            sb_putc(sb, c);
            i += 2;
        } else if (c == '$' && d == '{' && memchr(repl + i + 2, '}', rn_len - i - 2)) {
            const char *name = repl + i + 2;
            const char *close = memchr(name, '}', rn_len - i - 2);
            size_t name_n = (size_t)(close - name);
            if (name_n > 0 && name_n < 6 && strspn(name, "0123456789") >= name_n)
                append_group(sb, s, sc, (int)strtol(name, NULL, 10));
            else
                append_named(sb, s, sc, rn, name, name_n);
            i = (size_t)(close - repl) + 1;
        } else {
            sb_putc(sb, c);
            i++;
        }
    }
}

void sqlfn_regexreplace(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char b0[NUMFMT_MAX], b1[NUMFMT_MAX], b2[NUMFMT_MAX];
    const char *s, *pat, *repl;
    size_t n, pat_n, repl_n;
    if (!str_arg(argv[0], &s, &n, b0) || !str_arg(argv[1], &pat, &pat_n, b1) ||
        !str_arg(argv[2], &repl, &repl_n, b2)) {
        sqlite3_result_null(ctx);
        return;
    }
    bool failed;
    struct rx *rx = rx_sql_pattern(ctx, NULL, argv, 1, &failed);
    if (!rx)
        return; /* the error is set */
    /* Group names, from the replacement's auxdata when it is for this
     * pattern. sqlite3_set_auxdata may free its pointer at once, so a fresh
     * one is handed over only after its last use. */
    struct repl_names *names = NULL, *fresh = NULL;
    if (uses_group_names(repl, repl_n)) {
        names = sqlite3_get_auxdata(ctx, 2);
        if (!names || names->pattern_len != pat_n || memcmp(names->pattern, pat, pat_n) != 0)
            names = fresh = repl_names_new(pat, pat_n);
    }
    struct strbuf sb = STRBUF_INIT;
    struct rx_scan *sc = rx_scan_new(rx, rx_cache_budget(sqlite3_user_data(ctx)), s, n);
    size_t copied = 0;
    char msg[RX_MSG_MAX];
    int rc;
    while ((rc = rx_scan_next(sc, msg, sizeof msg)) == 1) {
        size_t start, end;
        if (!rx_scan_group(sc, 0, &start, &end))
            continue;
        if (start < copied)
            start = copied;
        if (end < start)
            end = start;
        sb_append(&sb, s + copied, start - copied);
        expand_replacement(&sb, repl, repl_n, s, sc, names);
        copied = end;
    }
    if (rc < 0) {
        rx_sql_match_error(ctx, rx, msg);
        sb_free(&sb);
    } else {
        sb_append(&sb, s + copied, n - copied);
        result_sb(ctx, &sb);
    }
    rx_scan_free(sc);
    rx_sql_release(ctx, 1, rx);
    if (fresh)
        sqlite3_set_auxdata(ctx, 2, fresh, repl_names_free);
}

/* ---- tests: strcontains, startsWith, endsWith, isempty, isblank -------- */

static bool ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char x = (unsigned char)a[k], y = (unsigned char)b[k];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

static void fn_strcontains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char b0[NUMFMT_MAX], b1[NUMFMT_MAX];
    const char *s, *sub;
    size_t n, sub_n;
    if (!str_arg(argv[0], &s, &n, b0) || !str_arg(argv[1], &sub, &sub_n, b1)) {
        sqlite3_result_null(ctx);
        return;
    }
    double ci = 0;
    if (argc > 2 && !sqlfn_value_number(argv[2], &ci, NULL, NULL))
        ci = 0;
    bool found = false;
    if (ci == 0) {
        found = sub_n == 0 || memmem(s, n, sub, sub_n) != NULL;
    } else {
        for (size_t i = 0; !found && i + sub_n <= n; i++)
            found = ascii_ieq(s + i, sub, sub_n);
    }
    sqlite3_result_int(ctx, found);
}

static void affix_test(sqlite3_context *ctx, sqlite3_value **argv, bool prefix)
{
    char b0[NUMFMT_MAX], b1[NUMFMT_MAX];
    const char *s, *a;
    size_t n, a_n;
    if (!str_arg(argv[0], &s, &n, b0) || !str_arg(argv[1], &a, &a_n, b1)) {
        sqlite3_result_null(ctx);
        return;
    }
    bool yes = a_n <= n && memcmp(prefix ? s : s + n - a_n, a, a_n) == 0;
    sqlite3_result_int(ctx, yes);
}

static void fn_startswith(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    affix_test(ctx, argv, true);
}

static void fn_endswith(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    affix_test(ctx, argv, false);
}

static void fn_isempty(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    sqlite3_result_int(ctx, !str_arg(argv[0], &s, &n, buf) || n == 0);
}

static void fn_isblank(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    bool blank = true;
    if (str_arg(argv[0], &s, &n, buf))
        for (size_t i = 0; blank && i < n; i++)
            blank = ch_is_space((unsigned char)s[i]);
    sqlite3_result_int(ctx, blank);
}

/* ---- URL and base64 encodings ------------------------------------------- */

static const char hex_upper[] = "0123456789ABCDEF";
static const char hex_lower[] = "0123456789abcdef";

static void fn_urlencode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    struct strbuf sb = STRBUF_INIT;
    sb_reserve(&sb, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            sb_putc(&sb, (char)c);
        } else {
            char esc[3] = {'%', hex_upper[c >> 4], hex_upper[c & 15]};
            sb_append(&sb, esc, 3);
        }
    }
    result_sb(ctx, &sb);
}

static void fn_urldecode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    struct strbuf sb = STRBUF_INIT;
    sb_reserve(&sb, n);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            sb_putc(&sb, ' ');
        } else if (s[i] == '%') {
            int hi = i + 2 < n ? ch_hex_value((unsigned char)s[i + 1]) : -1;
            int lo = i + 2 < n ? ch_hex_value((unsigned char)s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                sb_free(&sb);
                sqlite3_result_null(ctx);
                return;
            }
            sb_putc(&sb, (char)(hi * 16 + lo));
            i += 2;
        } else {
            sb_putc(&sb, s[i]);
        }
    }
    result_decoded(ctx, &sb);
}

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void fn_base64encode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    const unsigned char *u = (const unsigned char *)s;
    struct strbuf sb = STRBUF_INIT;
    sb_reserve(&sb, (n + 2) / 3 * 4);
    for (size_t i = 0; i < n; i += 3) {
        uint32_t w = (uint32_t)u[i] << 16;
        if (i + 1 < n)
            w |= (uint32_t)u[i + 1] << 8;
        if (i + 2 < n)
            w |= u[i + 2];
        char q[4] = {b64_alphabet[w >> 18], b64_alphabet[(w >> 12) & 63],
                     i + 1 < n ? b64_alphabet[(w >> 6) & 63] : '=',
                     i + 2 < n ? b64_alphabet[w & 63] : '='};
        sb_append(&sb, q, 4);
    }
    result_sb(ctx, &sb);
}

static int b64_value(unsigned char c)
{
    const char *p = c ? strchr(b64_alphabet, c) : NULL;
    return p ? (int)(p - b64_alphabet) : -1;
}

static void fn_base64decode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    /* Drop the padding: at most two '=' and only to fill the last quad. */
    size_t pad = 0;
    while (n > 0 && s[n - 1] == '=' && pad < 2)
        n--, pad++;
    if ((pad > 0 && (n + pad) % 4 != 0) || n % 4 == 1) {
        sqlite3_result_null(ctx);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64_value((unsigned char)s[i]);
        if (v < 0) {
            sb_free(&sb);
            sqlite3_result_null(ctx);
            return;
        }
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            sb_putc(&sb, (char)((acc >> bits) & 0xFF));
        }
    }
    result_decoded(ctx, &sb);
}

/* ---- split -------------------------------------------------------------- */

static void fn_split(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char b0[NUMFMT_MAX], b1[NUMFMT_MAX];
    const char *s, *delim;
    size_t n, delim_n;
    if (!str_arg(argv[0], &s, &n, b0) || !str_arg(argv[1], &delim, &delim_n, b1)) {
        sqlite3_result_null(ctx);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_putc(&sb, '[');
    if (delim_n == 0) {
        for (size_t i = 0; i < n;) {
            size_t j = u8_next(s, n, i);
            if (i > 0)
                sb_putc(&sb, ',');
            sb_json_quote(&sb, s + i, j - i);
            i = j;
        }
    } else {
        size_t i = 0;
        for (;;) {
            const char *hit = memmem(s + i, n - i, delim, delim_n);
            size_t end = hit ? (size_t)(hit - s) : n;
            if (i > 0)
                sb_putc(&sb, ',');
            sb_json_quote(&sb, s + i, end - i);
            if (!hit)
                break;
            i = end + delim_n;
        }
    }
    sb_putc(&sb, ']');
    result_sb(ctx, &sb);
}

/* ---- hex ---------------------------------------------------------------- */

static void fn_hextoascii(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2, n -= 2;
    if (n % 2 != 0) {
        sqlite3_result_null(ctx);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < n; i += 2) {
        int hi = ch_hex_value((unsigned char)s[i]), lo = ch_hex_value((unsigned char)s[i + 1]);
        if (hi < 0 || lo < 0) {
            sb_free(&sb);
            sqlite3_result_null(ctx);
            return;
        }
        sb_putc(&sb, (char)(hi * 16 + lo));
    }
    result_decoded(ctx, &sb);
}

static void fn_hextodec(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    size_t i = 0;
    bool neg = false;
    if (i < n && s[i] == '-')
        neg = true, i++;
    if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
        i += 2;
    if (i == n) {
        sqlite3_result_null(ctx);
        return;
    }
    uint64_t u = 0;
    double d = 0;
    bool overflow = false;
    for (; i < n; i++) {
        int v = ch_hex_value((unsigned char)s[i]);
        if (v < 0) {
            sqlite3_result_null(ctx);
            return;
        }
        if (u > (UINT64_MAX >> 4))
            overflow = true;
        u = (u << 4) | (uint64_t)v;
        d = d * 16 + v;
    }
    if (!overflow && u <= (uint64_t)INT64_MAX)
        sqlite3_result_int64(ctx, neg ? -(sqlite3_int64)u : (sqlite3_int64)u);
    else
        sqlfn_result_number(ctx, neg ? -d : d);
}

static void fn_dectohex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double d;
    long long i;
    bool is_int;
    if (!sqlfn_value_number(argv[0], &d, &i, &is_int)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (!is_int) {
        d = trunc(d);
        if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) {
            sqlite3_result_null(ctx);
            return;
        }
        i = (long long)d;
    }
    uint64_t mag = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
    char digits[16], out[24];
    size_t nd = 0, k = 0;
    do {
        digits[nd++] = hex_lower[mag & 15];
        mag >>= 4;
    } while (mag);
    if (i < 0)
        out[k++] = '-';
    out[k++] = '0';
    out[k++] = 'x';
    while (nd)
        out[k++] = digits[--nd];
    sqlite3_result_text(ctx, out, (int)k, SQLITE_TRANSIENT);
}

static void fn_messagesize(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    const char *s;
    size_t n;
    if (!text_arg_or_null(ctx, argv[0], &s, &n, buf))
        return;
    sqlite3_result_int64(ctx, (sqlite3_int64)n);
}

/* ---- registration ------------------------------------------------------- */

static const struct sqlfn_entry string_fns[] = {
    {"tq_concat", -1, 0, fn_concat},
    {"tq_strlen", 1, 0, fn_strlen},
    {"tq_toupper", 1, 0, fn_toupper},
    {"tq_tolower", 1, 0, fn_tolower},
    {"tq_substr", 2, 0, fn_substr},
    {"tq_substr", 3, 0, fn_substr},
    {"tq_trim", 1, 0, fn_trim},
    {"tq_trim", 2, 0, fn_trim},
    {"tq_ltrim", 1, 0, fn_ltrim},
    {"tq_ltrim", 2, 0, fn_ltrim},
    {"tq_rtrim", 1, 0, fn_rtrim},
    {"tq_rtrim", 2, 0, fn_rtrim},
    {"tq_replace", 3, 0, fn_replace},
    {"tq_strcontains", 2, 0, fn_strcontains},
    {"tq_strcontains", 3, 0, fn_strcontains},
    {"tq_startswith", 2, 0, fn_startswith},
    {"tq_endswith", 2, 0, fn_endswith},
    {"tq_isempty", 1, 0, fn_isempty},
    {"tq_isblank", 1, 0, fn_isblank},
    {"tq_urlencode", 1, 0, fn_urlencode},
    {"tq_urldecode", 1, 0, fn_urldecode},
    {"tq_base64encode", 1, 0, fn_base64encode},
    {"tq_base64decode", 1, 0, fn_base64decode},
    {"tq_split", 2, 0, fn_split},
    {"tq_hextoascii", 1, 0, fn_hextoascii},
    {"tq_hextodec", 1, 0, fn_hextodec},
    {"tq_dectohex", 1, 0, fn_dectohex},
    {"tq_messagesize", 1, 0, fn_messagesize},
};

int sqlfn_register_string(sqlite3 *db)
{
    return sqlfn_register_table(db, string_fns, sizeof string_fns / sizeof string_fns[0]);
}
