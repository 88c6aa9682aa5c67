/*
 * test_chars.c — base/chars.h against <ctype.h> in the C locale, for every
 * byte, and passed as a signed char as callers do.
 */
#include <ctype.h>
#include <locale.h>

#include "base/chars.h"
#include "tests/unit/testhelp.h"

/* The expected hex value, spelled out independently of ch_hex_value. */
static int want_hex(int c)
{
    const char *digits = "0123456789abcdef", *upper = "0123456789ABCDEF";
    for (int i = 0; i < 16; i++)
        if (c == digits[i] || c == upper[i])
            return i;
    return -1;
}

int main(void)
{
    setlocale(LC_ALL, "C");
    TEST("every byte is classed as <ctype.h> classes it in the C locale") {
        int bad = 0;
        for (int c = 0; c < 256; c++) {
            unsigned char u = (unsigned char)c;
            bad += ch_is_digit(u) != (isdigit(c) != 0);
            bad += ch_is_upper(u) != (isupper(c) != 0);
            bad += ch_is_lower(u) != (islower(c) != 0);
            bad += ch_is_alpha(u) != (isalpha(c) != 0);
            bad += ch_is_alnum(u) != (isalnum(c) != 0);
            bad += ch_is_space(u) != (isspace(c) != 0);
            bad += ch_is_xdigit(u) != (isxdigit(c) != 0);
            bad += ch_to_lower(u) != (char)tolower(c);
            bad += ch_to_upper(u) != (char)toupper(c);
            bad += ch_hex_value(u) != want_hex(c);
            if (bad) {
                fprintf(stderr, "byte 0x%02x differs\n", c);
                break;
            }
        }
        CHECK_INT(bad, 0);
    }
    TEST("JSON white space is RFC 8259's four bytes") {
        int n = 0;
        for (int c = 0; c < 256; c++)
            n += ch_is_json_ws((unsigned char)c);
        CHECK_INT(n, 4);
        CHECK(ch_is_json_ws(' ') && ch_is_json_ws('\t') && ch_is_json_ws('\n') &&
              ch_is_json_ws('\r'));
        CHECK(!ch_is_json_ws('\v') && !ch_is_json_ws('\f'));
    }
    TEST("a negative char (a UTF-8 byte) is nothing") {
        char e9 = (char)0xE9, ff = (char)0xFF;
        CHECK(!ch_is_digit(e9) && !ch_is_alpha(e9) && !ch_is_space(e9));
        CHECK(!ch_is_alnum(ff) && ch_hex_value(ff) == -1);
        CHECK(ch_to_lower(e9) == e9 && ch_to_upper(ff) == ff);
    }
    TEST("the edges of each range") {
        CHECK(ch_is_digit('0') && ch_is_digit('9') && !ch_is_digit('/') && !ch_is_digit(':'));
        CHECK(ch_is_alpha('A') && ch_is_alpha('z') && !ch_is_alpha('@') && !ch_is_alpha('[') &&
              !ch_is_alpha('`') && !ch_is_alpha('{'));
        CHECK_INT(ch_hex_value('f'), 15);
        CHECK_INT(ch_hex_value('F'), 15);
        CHECK_INT(ch_hex_value('g'), -1);
        CHECK_INT(ch_hex_value('G'), -1);
    }
    return test_report("chars");
}
