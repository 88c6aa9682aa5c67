/*
 * collate.c — the Insights sort order (docs/language.md#sort-order), three
 * ways that agree: insights_compare_text() for two texts (and the INSIGHTS
 * collation built on it), insights_compare_values() for any two values, and
 * tq_sortkey(x), a BLOB whose memcmp order is that order, which the
 * compiler uses for ORDER BY.
 *
 * The order:
 *   - "Number values" sort after everything else and compare by value
 *     among themselves. For text, a number value is a non-empty string of
 *     ASCII digits only ("007" and "7" are equal); INTEGER and REAL values
 *     are number values too, including negatives and fractions.
 *   - Other text is split into chunks, maximal runs of digits or of
 *     non-digits, compared pairwise: two non-digit chunks bytewise (code
 *     point order on UTF-8, a prefix first); two digit chunks by length,
 *     then by value; a digit chunk against a non-digit chunk by their first
 *     characters. When all shared chunks are equal, fewer chunks first.
 *
 * Numbers are compared as decimals (significant digits and an exponent),
 * exactly: digit strings whatever their length, INTEGERs, integral REALs by
 * their exact value (REAL 2^60 equals INTEGER 2^60), other REALs by their
 * shortest round-trip decimal form, which orders exactly like the double
 * itself against integers and other doubles.
 *
 * Sort key layout (all comparisons are plain memcmp, shorter first):
 *   non-number:  0x01, then per chunk
 *                  non-digit chunk: its bytes, a 0x00 byte escaped as
 *                                   00 FF, then the terminator 00 00
 *                  digit chunk:     0x30, length (4 bytes big-endian),
 *                                   the digits
 *   number:      0x02, then a kind byte: 00 -inf, 01 negative, 02 zero,
 *                03 positive, 04 +inf; for positives the exponent + 2^31
 *                (4 bytes big-endian) and the significant digits; for
 *                negatives the same exponent bytes inverted, every digit
 *                inverted (0xFF - c) and a final 0xFF.
 * The digit-chunk marker 0x30 works because a non-digit chunk never starts
 * with a byte in '0'..'9', so comparing against 0x30 decides exactly as
 * comparing against the chunk's first digit would.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/chars.h"
#include "base/numfmt.h"
#include "base/strbuf.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t k = 0; k < n; k++) {
        if (!ch_is_digit((unsigned char)s[k]))
            return false;
    }
    return true;
}

static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c != 0)
        return c < 0 ? -1 : 1;
    return (an > bn) - (an < bn);
}

/* End of the chunk starting at s[i]. */
static size_t chunk_end(const char *s, size_t n, size_t i)
{
    bool dig = ch_is_digit((unsigned char)s[i]);
    while (i < n && ch_is_digit((unsigned char)s[i]) == dig)
        i++;
    return i;
}

/* ---- numbers as decimals ---- */

enum dec_kind { DEC_NEG_INF, DEC_NEG, DEC_ZERO, DEC_POS, DEC_POS_INF };

/* value = sign × 0.D × 10^exp, D without leading or trailing zeros. */
struct dec {
    enum dec_kind kind;   /* sign class */
    long long exp;        /* decimal exponent (DEC_NEG / DEC_POS only) */
    const char *d;        /* significant digits, not NUL-terminated */
    size_t nd;            /* how many */
    char buf[320];        /* storage for d when it was formatted here (a double's
                             integer part has at most 309 digits) */
};

/* From a magnitude written as digits (leading zeros allowed). */
static void dec_from_digits(struct dec *x, bool negative, const char *s, size_t n)
{
    while (n > 0 && *s == '0')
        s++, n--;
    if (n == 0) {
        x->kind = DEC_ZERO;
        return;
    }
    x->kind = negative ? DEC_NEG : DEC_POS;
    x->exp = (long long)n;
    while (n > 0 && s[n - 1] == '0')
        n--;
    x->d = s;
    x->nd = n;
}

static void dec_from_int(struct dec *x, long long v)
{
    unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    int n = snprintf(x->buf, sizeof x->buf, "%llu", mag);
    dec_from_digits(x, v < 0, x->buf, (size_t)n);
}

static void dec_from_double(struct dec *x, double v)
{
    if (v == 0 || isnan(v)) {
        x->kind = DEC_ZERO;
        return;
    }
    if (isinf(v)) {
        x->kind = v < 0 ? DEC_NEG_INF : DEC_POS_INF;
        return;
    }
    double mag = fabs(v);
    if (mag == floor(mag)) {
        /* Integral: its exact digits (at most 309), so it compares with
         * INTEGERs and digit strings exactly, as tq_eq does. */
        int n = snprintf(x->buf, sizeof x->buf, "%.0f", mag);
        dec_from_digits(x, v < 0, x->buf, (size_t)n);
        return;
    }
    /* Not integral (so below 2^52): the shortest decimal that reads back
     * as v. It lies strictly between the same two integers as v, and these
     * forms keep the order of the doubles, so comparisons with integers and
     * other doubles are still exact. */
    char e[40];
    int p;
    for (p = 1; p < 17; p++) {
        snprintf(e, sizeof e, "%.*e", p - 1, mag);
        if (strtod(e, NULL) == mag)
            break;
    }
    snprintf(e, sizeof e, "%.*e", p - 1, mag);
    /* e is "d.ddde-XX" (or "de-XX" when p == 1). */
    size_t n = 0;
    const char *q = e;
    for (; *q && *q != 'e'; q++) {
        if (ch_is_digit((unsigned char)*q))
            x->buf[n++] = *q;
    }
    long long ex = strtoll(q + 1, NULL, 10);
    dec_from_digits(x, v < 0, x->buf, n);
    x->exp = ex + 1; /* d.ddd × 10^ex = 0.dddd × 10^(ex+1); first digit is not 0 */
}

static int dec_cmp(const struct dec *a, const struct dec *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->kind != DEC_NEG && a->kind != DEC_POS)
        return 0;
    int c = a->exp != b->exp ? (a->exp < b->exp ? -1 : 1) : cmp_bytes(a->d, a->nd, b->d, b->nd);
    return a->kind == DEC_NEG ? -c : c;
}

/* Is v a number value? If so fill x. Otherwise its bytes go to *s and *n. */
static bool value_as_dec(sqlite3_value *v, struct dec *x, const char **s, size_t *n)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        dec_from_int(x, sqlite3_value_int64(v));
        return true;
    case SQLITE_FLOAT:
        dec_from_double(x, sqlite3_value_double(v));
        return true;
    default:
        /* TEXT or BLOB: sqlite3_value_blob gives the bytes either way. */
        *s = sqlite3_value_blob(v);
        *n = (size_t)sqlite3_value_bytes(v);
        if (!*s)
            *s = "";
        if (all_digits(*s, *n)) {
            dec_from_digits(x, false, *s, *n);
            return true;
        }
        return false;
    }
}

/* ---- comparison ---- */

/* Two strings of digits by value. */
static int cmp_digit_values(const char *a, size_t an, const char *b, size_t bn)
{
    while (an > 0 && *a == '0')
        a++, an--;
    while (bn > 0 && *b == '0')
        b++, bn--;
    if (an != bn)
        return an < bn ? -1 : 1;
    return cmp_bytes(a, an, b, bn);
}

/* Chunk-by-chunk comparison of two non-number texts. */
static int cmp_chunks(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    while (i < an && j < bn) {
        size_t ie = chunk_end(a, an, i), je = chunk_end(b, bn, j);
        bool da = ch_is_digit((unsigned char)a[i]), db = ch_is_digit((unsigned char)b[j]);
        int c;
        if (da && db) {
            size_t la = ie - i, lb = je - j;
            c = la != lb ? (la < lb ? -1 : 1) : cmp_bytes(a + i, la, b + j, lb);
        } else if (da != db) {
            c = (unsigned char)a[i] < (unsigned char)b[j] ? -1 : 1;
        } else {
            c = cmp_bytes(a + i, ie - i, b + j, je - j);
        }
        if (c != 0)
            return c;
        i = ie;
        j = je;
    }
    return (i < an) - (j < bn);
}

int insights_compare_text(const char *a, size_t an, const char *b, size_t bn)
{
    bool na = all_digits(a, an), nb = all_digits(b, bn);
    if (na && nb)
        return cmp_digit_values(a, an, b, bn);
    if (na != nb)
        return na ? 1 : -1;
    return cmp_chunks(a, an, b, bn);
}

int insights_compare_values(sqlite3_value *a, sqlite3_value *b)
{
    bool nulla = sqlite3_value_type(a) == SQLITE_NULL, nullb = sqlite3_value_type(b) == SQLITE_NULL;
    if (nulla || nullb)
        return nulla - nullb;
    struct dec xa, xb;
    const char *sa = NULL, *sb = NULL;
    size_t an = 0, bn = 0;
    bool numa = value_as_dec(a, &xa, &sa, &an);
    bool numb = value_as_dec(b, &xb, &sb, &bn);
    if (numa && numb)
        return dec_cmp(&xa, &xb);
    if (numa != numb)
        return numa ? 1 : -1;
    return cmp_chunks(sa, an, sb, bn);
}

/* ---- sort keys ---- */

static void put_u32(struct strbuf *out, uint32_t v, bool invert)
{
    if (invert)
        v = ~v;
    char b[4] = {(char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v};
    sb_append(out, b, 4);
}

static void key_number(struct strbuf *out, const struct dec *x)
{
    sb_putc(out, 0x02);
    sb_putc(out, (char)x->kind);
    if (x->kind != DEC_NEG && x->kind != DEC_POS)
        return;
    bool neg = x->kind == DEC_NEG;
    put_u32(out, (uint32_t)(x->exp + 0x80000000LL), neg);
    if (!neg) {
        sb_append(out, x->d, x->nd);
        return;
    }
    for (size_t k = 0; k < x->nd; k++)
        sb_putc(out, (char)(0xFF - (unsigned char)x->d[k]));
    sb_putc(out, (char)0xFF);
}

static void key_text(struct strbuf *out, const char *s, size_t n)
{
    sb_putc(out, 0x01);
    size_t i = 0;
    while (i < n) {
        size_t e = chunk_end(s, n, i);
        if (ch_is_digit((unsigned char)s[i])) {
            sb_putc(out, 0x30);
            put_u32(out, (uint32_t)(e - i), false);
            sb_append(out, s + i, e - i);
        } else {
            /* the chunk's bytes as they are, each NUL as 00 FF */
            for (size_t k = i; k < e;) {
                const char *nul = memchr(s + k, '\0', e - k);
                size_t run = nul ? (size_t)(nul - (s + k)) : e - k;
                sb_append(out, s + k, run);
                k += run;
                if (nul) {
                    sb_append(out, "\0\xFF", 2);
                    k++;
                }
            }
            sb_append(out, "\0\0", 2);
        }
        i = e;
    }
}

/* tq_sortkey(x): BLOB sort key, NULL for NULL. */
static void fn_sortkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    struct dec x;
    const char *s = NULL;
    size_t n = 0;
    struct strbuf key = STRBUF_INIT;
    if (value_as_dec(argv[0], &x, &s, &n))
        key_number(&key, &x);
    else
        key_text(&key, s, n);
    size_t len = key.len;
    sqlite3_result_blob64(ctx, sb_detach(&key), len, free); /* handed over, not copied */
}

static int collate_insights(void *arg, int an, const void *a, int bn, const void *b)
{
    return insights_compare_text(a, (size_t)an, b, (size_t)bn);
}

static const struct sqlfn_entry collate_fns[] = {
    {"tq_sortkey", 1, 0, fn_sortkey},
};

int sqlfn_register_collate(sqlite3 *db)
{
    int rc = sqlite3_create_collation_v2(db, "INSIGHTS", SQLITE_UTF8, NULL, collate_insights, NULL);
    if (rc != SQLITE_OK)
        return rc;
    return sqlfn_register_table(db, collate_fns, sizeof collate_fns / sizeof collate_fns[0]);
}
