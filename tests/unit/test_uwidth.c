/*
 * test_uwidth.c — unit tests for cmd/uwidth.c (display width of text).
 *
 * Expected widths are from the Unicode data: EastAsianWidth.txt (W or F:
 * two columns) and the general category (Mn, Me, Cf: none), as listed in
 * the comments. For every assigned character here glibc's wcwidth() under
 * C.UTF-8 gives the same answer (checked with python3 and ctypes); for
 * unassigned ones it gives -1.
 */
#include "cmd/uwidth.h"

#include <string.h>

#include "tests/unit/testhelp.h"

int main(void)
{
    TEST("code points")
    {
        CHECK_INT(uwidth_cp('a'), 1);
        CHECK_INT(uwidth_cp(0xe9), 1);     /* é, Latin-1 */
        CHECK_INT(uwidth_cp(0xad), 1);     /* SOFT HYPHEN: Cf, but shown as a hyphen */
        CHECK_INT(uwidth_cp(0x301), 0);    /* COMBINING ACUTE ACCENT: Mn */
        CHECK_INT(uwidth_cp(0x20dd), 0);   /* COMBINING ENCLOSING CIRCLE: Me */
        CHECK_INT(uwidth_cp(0x200b), 0);   /* ZERO WIDTH SPACE: Cf */
        CHECK_INT(uwidth_cp(0x200d), 0);   /* ZERO WIDTH JOINER: Cf */
        CHECK_INT(uwidth_cp(0xfe0f), 0);   /* VARIATION SELECTOR-16: Mn */
        CHECK_INT(uwidth_cp(0x1160), 0);   /* HANGUL JUNGSEONG FILLER */
        CHECK_INT(uwidth_cp(0x1100), 2);   /* HANGUL CHOSEONG KIYEOK: W */
        CHECK_INT(uwidth_cp(0xac00), 2);   /* HANGUL SYLLABLE GA: W */
        CHECK_INT(uwidth_cp(0x4e2d), 2);   /* 中: W */
        CHECK_INT(uwidth_cp(0x30c7), 2);   /* デ: W */
        CHECK_INT(uwidth_cp(0x3000), 2);   /* IDEOGRAPHIC SPACE: F */
        CHECK_INT(uwidth_cp(0xff21), 2);   /* FULLWIDTH LATIN CAPITAL A: F */
        CHECK_INT(uwidth_cp(0xff61), 1);   /* HALFWIDTH IDEOGRAPHIC FULL STOP: H */
        CHECK_INT(uwidth_cp(0x1f680), 2);  /* ROCKET: W */
        CHECK_INT(uwidth_cp(0x1f600), 2);  /* GRINNING FACE: W */
        CHECK_INT(uwidth_cp(0x2026), 1);   /* HORIZONTAL ELLIPSIS: A, one column */
        CHECK_INT(uwidth_cp(0x202f), 1);   /* NARROW NO-BREAK SPACE: Zs */
        CHECK_INT(uwidth_cp(0x20000), 2);  /* CJK EXTENSION B: W */
        CHECK_INT(uwidth_cp(0x2fffd), 2);  /* unassigned, in a plane reserved wide */
        CHECK_INT(uwidth_cp(0x378), 1);    /* unassigned Greek: one */
        CHECK_INT(uwidth_cp(0xe0001), 0);  /* LANGUAGE TAG: Cf */
        CHECK_INT(uwidth_cp(0x10ffff), 1);
    }
    TEST("strings")
    {
        CHECK_INT(uwidth_str("", 0), 0);
        CHECK_INT(uwidth_str("abc", 3), 3);
        CHECK_INT(uwidth_str("売上データ", strlen("売上データ")), 10);
        CHECK_INT(uwidth_str("cafe\xcc\x81", 6), 4);
        CHECK_INT(uwidth_str("\xf0\x9f\x9a\x80 go", 7), 5);
        /* bytes outside well-formed UTF-8: one column each */
        CHECK_INT(uwidth_str("a\xff\xfe" "b", 4), 4);
        CHECK_INT(uwidth_str("\xe4\xb8", 2), 2);            /* a cut 中 */
        CHECK_INT(uwidth_str("\xc0\xaf", 2), 2);            /* overlong '/' */
        CHECK_INT(uwidth_str("\xed\xa0\x80", 3), 3);        /* a surrogate */
    }
    TEST("prefixes never split a character")
    {
        size_t w;
        const char *s = "中文字";
        CHECK_INT(uwidth_prefix(s, 9, 5, &w), 6);  /* 中文 */
        CHECK_INT(w, 4);
        CHECK_INT(uwidth_prefix(s, 9, 6, &w), 9);
        CHECK_INT(w, 6);
        CHECK_INT(uwidth_prefix(s, 9, 1, &w), 0);
        CHECK_INT(w, 0);
        /* a combining mark stays with its letter: e + U+0301 fits in 1 */
        CHECK_INT(uwidth_prefix("e\xcc\x81x", 4, 1, &w), 3);
        CHECK_INT(w, 1);
    }
    TEST("decoding")
    {
        uint32_t cp;
        CHECK_INT(uwidth_decode("\xe2\x80\xa6", 3, &cp), 3);
        CHECK_INT(cp, 0x2026);
        CHECK_INT(uwidth_decode("\xf0\x9f\x9a\x80", 4, &cp), 4);
        CHECK_INT(cp, 0x1f680);
        CHECK_INT(uwidth_decode("\xf4\x90\x80\x80", 4, &cp), 0); /* above U+10FFFF */
        CHECK_INT(uwidth_decode("\xe2\x80", 2, &cp), 0);         /* cut short */
    }
    return test_report("uwidth");
}
