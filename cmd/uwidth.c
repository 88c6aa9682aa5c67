/*
 * uwidth.c — display width of text (see uwidth.h).
 *
 * A binary search over a sorted table of ranges of code points that are
 * not one column wide; ASCII and the rest of the common Latin, Greek and
 * Cyrillic text (below U+0300) is answered without it.
 */
#include "cmd/uwidth.h"

struct uwidth_range {
    uint32_t lo, hi;  /* code points lo..hi, inclusive */
    uint8_t width;    /* 0 or 2 */
};

#include "cmd/uwidth_table.h"

int uwidth_cp(uint32_t cp)
{
    if (cp < 0x300)
        return 1;
    size_t lo = 0, hi = sizeof uwidth_ranges / sizeof uwidth_ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < uwidth_ranges[mid].lo)
            hi = mid;
        else if (cp > uwidth_ranges[mid].hi)
            lo = mid + 1;
        else
            return uwidth_ranges[mid].width;
    }
    return 1;
}

/* Length of the well-formed UTF-8 character at u[0..n) (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *u, size_t n)
{
    unsigned char c = u[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xbf; /* allowed range of the second byte */
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0; /* overlong */
        else if (c == 0xed)
            hi = 0x9f; /* surrogates */
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90; /* overlong */
        else if (c == 0xf4)
            hi = 0x8f; /* above U+10FFFF */
    } else {
        return 0;
    }
    if (n < len || u[1] < lo || u[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((u[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

size_t uwidth_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = utf8_len(u, n);
    switch (len) {
    case 1: *cp = u[0]; break;
    case 2: *cp = (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f); break;
    case 3: *cp = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f); break;
    case 4:
        *cp = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3f) << 12 |
              (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
        break;
    default: *cp = 0xfffd; break;
    }
    return len;
}

/* Columns and length of the character at s[0..n): a stray byte is one
 * byte, one column. */
static size_t char_at(const char *s, size_t n, int *width)
{
    if ((unsigned char)s[0] < 0x80) {
        *width = 1;
        return 1;
    }
    uint32_t cp;
    size_t len = uwidth_decode(s, n, &cp);
    if (len == 0) {
        *width = 1;
        return 1;
    }
    *width = uwidth_cp(cp);
    return len;
}

size_t uwidth_str(const char *s, size_t n)
{
    size_t cols = 0, i = 0;
    while (i < n) {
        int w;
        i += char_at(s + i, n - i, &w);
        cols += (size_t)w;
    }
    return cols;
}

size_t uwidth_prefix(const char *s, size_t n, size_t max, size_t *width)
{
    size_t cols = 0, i = 0;
    while (i < n) {
        int w;
        size_t len = char_at(s + i, n - i, &w);
        if (cols + (size_t)w > max)
            break;
        cols += (size_t)w;
        i += len;
    }
    *width = cols;
    return i;
}
