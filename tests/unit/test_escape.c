/*
 * test_escape.c — unit tests for cmd/escape.c (control characters made
 * visible). Expected texts are written out by hand from the rules in
 * escape.h; UTF-8 byte sequences from RFC 3629's table (section 4).
 */
#include "cmd/escape.h"

#include <string.h>

#include "tests/unit/testhelp.h"

/* esc_append of a literal (length from sizeof, so NULs count); the text in
 * out, the width returned. */
#define ESC(lit, flags, out) esc_run((lit), sizeof(lit) - 1, (flags), (out))

static size_t esc_run(const char *s, size_t n, unsigned flags, struct strbuf *out)
{
    sb_reset(out);
    return esc_append(out, s, n, flags);
}

static size_t ulen(const char *s)
{
    return esc_utf8_len((const unsigned char *)s, strlen(s));
}

int main(void)
{
    struct strbuf sb = STRBUF_INIT;

    TEST("utf8: well-formed characters and their lengths") {
        CHECK_INT(ulen("a"), 1);
        CHECK_INT(ulen("\xc2\x80"), 2);     /* U+0080 */
        CHECK_INT(ulen("\xdf\xbf"), 2);     /* U+07FF */
        CHECK_INT(ulen("\xe0\xa0\x80"), 3); /* U+0800 */
        CHECK_INT(ulen("\xe2\x82\xac"), 3); /* € */
        CHECK_INT(ulen("\xed\x9f\xbf"), 3); /* U+D7FF */
        CHECK_INT(ulen("\xf0\x90\x80\x80"), 4);
        CHECK_INT(ulen("\xf4\x8f\xbf\xbf"), 4); /* U+10FFFF */
    }
    TEST("utf8: ill-formed sequences are 0") {
        CHECK_INT(ulen("\x80"), 0);             /* a lone continuation */
        CHECK_INT(ulen("\xc0\x80"), 0);         /* overlong NUL */
        CHECK_INT(ulen("\xc1\xbf"), 0);         /* overlong */
        CHECK_INT(ulen("\xe0\x9f\xbf"), 0);     /* overlong */
        CHECK_INT(ulen("\xed\xa0\x80"), 0);     /* surrogate U+D800 */
        CHECK_INT(ulen("\xf0\x8f\xbf\xbf"), 0); /* overlong */
        CHECK_INT(ulen("\xf4\x90\x80\x80"), 0); /* above U+10FFFF */
        CHECK_INT(ulen("\xf5\x80\x80\x80"), 0);
        CHECK_INT(ulen("\xe2\x82"), 0);         /* cut short */
        CHECK_INT(ulen("\xe2\x82x"), 0);
    }
    TEST("plain text is copied; width counts code points") {
        CHECK_INT(ESC("abc \xc3\xa9\xe2\x82\xac", 0, &sb), 6);
        CHECK_STR(sb_str(&sb), "abc \xc3\xa9\xe2\x82\xac");
    }
    TEST("C0, DEL and C1 become escapes naming their bytes") {
        CHECK_INT(ESC("a\tb\nc\rd\x1b]0;t\x07\x7f", 0, &sb), 26);
        CHECK_STR(sb_str(&sb), "a\\tb\\nc\\rd\\x1b]0;t\\x07\\x7f");
        CHECK_INT(ESC("\xc2\x9b" "31m\xc2\x85", 0, &sb), 19);
        CHECK_STR(sb_str(&sb), "\\xc2\\x9b31m\\xc2\\x85");
        CHECK_INT(ESC("\0x", 0, &sb), 5);
        CHECK_STR(sb_str(&sb), "\\x00x");
        /* U+00A0 (c2 a0) is not a control */
        CHECK_INT(ESC("\xc2\xa0", 0, &sb), 1);
        CHECK_STR(sb_str(&sb), "\xc2\xa0");
    }
    TEST("ESC_BACKSLASH doubles backslashes, otherwise they are copied") {
        ESC("a\\b", ESC_BACKSLASH, &sb);
        CHECK_STR(sb_str(&sb), "a\\\\b");
        ESC("a\\b", 0, &sb);
        CHECK_STR(sb_str(&sb), "a\\b");
    }
    TEST("ESC_RAW_C1: stray 0x80-0x9f bytes escaped, other stray bytes kept") {
        CHECK_INT(ESC("x\x9b" "1m\x80\xa0\xff\xe2\x82\xac", ESC_RAW_C1, &sb), 14);
        CHECK_STR(sb_str(&sb), "x\\x9b1m\\x80\xa0\xff\xe2\x82\xac");
        /* without the flag the bytes are copied */
        ESC("x\x9b" "1m", 0, &sb);
        CHECK_STR(sb_str(&sb), "x\x9b" "1m");
        /* 0x9b inside an overlong form is stray too */
        ESC("\xe0\x82\x9b", ESC_RAW_C1, &sb);
        CHECK_STR(sb_str(&sb), "\xe0\\x82\\x9b");
    }
    TEST("ESC_KEEP_LF keeps line breaks only") {
        ESC("a\nb\tc\n", ESC_KEEP_LF, &sb);
        CHECK_STR(sb_str(&sb), "a\nb\\tc\n");
    }
    sb_free(&sb);
    return test_report("escape");
}
