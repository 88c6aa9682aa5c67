/*
 * strdist.c — the distance between two names (see strdist.h).
 */
#include "base/strdist.h"

#include <stdint.h>
#include <string.h>

static unsigned char fold_byte(unsigned char c, bool fold)
{
    return fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t str_distance(const char *a, const char *b, bool fold)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > STRDIST_MAX_LEN || lb > STRDIST_MAX_LEN)
        return SIZE_MAX;
    /* three rows of the table: two back (for swaps), one back, this one */
    size_t rows[3][STRDIST_MAX_LEN + 1];
    size_t *back2 = rows[0], *back1 = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        back1[j] = j;
    for (size_t i = 1; i <= la; i++) {
        unsigned char ca = fold_byte((unsigned char)a[i - 1], fold);
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned char cb = fold_byte((unsigned char)b[j - 1], fold);
            size_t cost = ca == cb ? 0 : 1;
            cur[j] = min3(back1[j] + 1, cur[j - 1] + 1, back1[j - 1] + cost);
            if (i > 1 && j > 1 && ca == fold_byte((unsigned char)b[j - 2], fold) &&
                fold_byte((unsigned char)a[i - 2], fold) == cb && back2[j - 2] + 1 < cur[j])
                cur[j] = back2[j - 2] + 1;
        }
        size_t *t = back2;
        back2 = back1;
        back1 = cur;
        cur = t;
    }
    return back1[lb];
}

int str_near(const char *typed, const char *known)
{
    size_t d = str_distance(typed, known, true);
    if (d == SIZE_MAX)
        return -1;
    size_t len = strlen(typed);
    size_t limit = len <= 3 ? 0 : len <= 10 ? 1 : len <= 20 ? 2 : 3;
    if (d == 0)
        return 0;
    if (d > limit || d >= len)
        return -1;
    return (int)d;
}
