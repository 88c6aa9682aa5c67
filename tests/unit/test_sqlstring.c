/*
 * test_sqlstring.c — the string SQL functions (query/sqlfn_string.c), run
 * through SQLite on an in-memory database: values, result types, missing
 * arguments, the reference's §9 cases 3–9 and 18, and UTF-8 edge cases.
 * Expected values are worked out by hand from the reference and RFCs
 * (base64 vectors: RFC 4648 §10).
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "query/sqlfn_groups.h"
#include "tests/unit/sqltest.h"
#include "tests/unit/testhelp.h"

int main(void)
{
    struct sqlt_row r = {0};
    if (sqlite3_open(":memory:", &r.db) != SQLITE_OK)
        return 1;
    /* regexReplace is registered with the regex functions (core) */
    TEST("register") {
        CHECK_INT(sqlfn_register_string(r.db), SQLITE_OK);
        CHECK_INT(sqlfn_register_core(r.db), SQLITE_OK);
    }

    TEST("concat") {
        EXPECT_TEXT("SELECT tq_concat('a', 'b', 'c')", "abc");
        EXPECT_TEXT("SELECT tq_concat(1.5, 'x')", "1.5x");
        EXPECT_TEXT("SELECT tq_concat(100, 200)", "100200");
        EXPECT_TEXT("SELECT tq_concat(NULL, 'a', NULL, 'b')", "ab");
        EXPECT_TEXT("SELECT tq_concat('', '')", "");
        EXPECT_TEXT("SELECT tq_concat('x')", "x");
        EXPECT_NULL("SELECT tq_concat(NULL)");
        EXPECT_NULL("SELECT tq_concat(NULL, NULL)");
    }

    TEST("strlen") {
        EXPECT_INT("SELECT tq_strlen('hello')", 5);
        EXPECT_INT("SELECT tq_strlen('h\xc3\xa9llo')", 5);
        EXPECT_INT("SELECT tq_strlen('\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e')", 3);
        EXPECT_INT("SELECT tq_strlen('\xf0\x9f\x98\x80!')", 2);
        EXPECT_INT("SELECT tq_strlen('')", 0);
        EXPECT_INT("SELECT tq_strlen(100)", 3);
        EXPECT_INT("SELECT tq_strlen(1.5)", 3);
        EXPECT_NULL("SELECT tq_strlen(NULL)");
    }

    TEST("toupper / tolower") {
        /* é (U+00E9) -> É (U+00C9); À (U+00C0) -> à (U+00E0); ÿ -> Ÿ (U+0178);
         * Greek ς (final sigma) -> Σ; Cyrillic Я <-> я; ß and CJK kept */
        EXPECT_TEXT("SELECT tq_toupper('abc D\xc3\xa9""f')", "ABC D\xc3\x89""F");
        EXPECT_TEXT("SELECT tq_tolower('\xc3\x80""BC x')", "\xc3\xa0""bc x");
        EXPECT_TEXT("SELECT tq_toupper('\xc3\xbf')", "\xc5\xb8");
        EXPECT_TEXT("SELECT tq_toupper('\xcf\x82')", "\xce\xa3");
        EXPECT_TEXT("SELECT tq_tolower('\xd0\xaf')", "\xd1\x8f");
        EXPECT_TEXT("SELECT tq_toupper('\xc3\x9f \xe4\xb8\xad')", "\xc3\x9f \xe4\xb8\xad");
        EXPECT_TEXT("SELECT tq_toupper(1.5)", "1.5");
        EXPECT_TEXT("SELECT tq_tolower('')", "");
        EXPECT_NULL("SELECT tq_toupper(NULL)");
        EXPECT_NULL("SELECT tq_tolower(NULL)");
    }

    TEST("substr (§9 case 6)") {
        EXPECT_TEXT("SELECT tq_substr('xyZfooxyZ', 3, 3)", "foo");
        EXPECT_TEXT("SELECT tq_substr('xyZfooxyZ', 3)", "fooxyZ");
        EXPECT_TEXT("SELECT tq_substr('abc', 0, 100)", "abc");
        EXPECT_TEXT("SELECT tq_substr('abc', 3)", "");
        EXPECT_TEXT("SELECT tq_substr('abc', 5)", "");
        EXPECT_TEXT("SELECT tq_substr('abc', 5, 2)", "");
        EXPECT_TEXT("SELECT tq_substr('abc', -2, 2)", "ab");
        EXPECT_TEXT("SELECT tq_substr('abc', 1, -1)", "");
        EXPECT_TEXT("SELECT tq_substr('abc', 1, 0)", "");
        EXPECT_TEXT("SELECT tq_substr('abcdef', 1.9, 2.9)", "bc");
        EXPECT_TEXT("SELECT tq_substr('abcdef', '2', '2')", "cd");
        EXPECT_TEXT("SELECT tq_substr('h\xc3\xa9llo', 1, 2)", "\xc3\xa9l");
        EXPECT_TEXT("SELECT tq_substr('\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e', 1)",
                    "\xe6\x9c\xac\xe8\xaa\x9e");
        EXPECT_TEXT("SELECT tq_substr(12345, 1, 3)", "234");
        EXPECT_NULL("SELECT tq_substr(NULL, 1)");
        EXPECT_NULL("SELECT tq_substr('abc', NULL)");
        EXPECT_NULL("SELECT tq_substr('abc', 1, NULL)");
        EXPECT_NULL("SELECT tq_substr('abc', 'x')");
    }

    TEST("trim family (§9 cases 3-5)") {
        EXPECT_TEXT("SELECT tq_ltrim('xyZxyfooxyZ', 'xyZ')", "fooxyZ");
        EXPECT_TEXT("SELECT tq_rtrim('xyZfooxyxyZ', 'xyZ')", "xyZfoo");
        EXPECT_TEXT("SELECT tq_trim('xyZxyfooxyxyZ', 'xyZ')", "foo");
        EXPECT_TEXT("SELECT tq_trim('  a b  ')", "a b");
        EXPECT_TEXT("SELECT tq_ltrim('  a ')", "a ");
        EXPECT_TEXT("SELECT tq_rtrim(' a  ')", " a");
        EXPECT_TEXT("SELECT tq_trim(char(9) || 'x' || char(10, 13, 11, 12))", "x");
        EXPECT_TEXT("SELECT tq_trim('   ')", "");
        EXPECT_TEXT("SELECT tq_trim('xxx', 'x')", "");
        EXPECT_TEXT("SELECT tq_trim('abc', '')", "abc");
        /* with chars, whitespace is kept */
        EXPECT_TEXT("SELECT tq_trim(' xa ', 'x')", " xa ");
        /* characters, not bytes: é (C3 A9) must not strip è (C3 A8) */
        EXPECT_TEXT("SELECT tq_trim('\xc3\xa9\xc3\xa9""a\xc3\xa9', '\xc3\xa9')", "a");
        EXPECT_TEXT("SELECT tq_trim('\xc3\xa8""a\xc3\xa8', '\xc3\xa9')",
                    "\xc3\xa8""a\xc3\xa8");
        EXPECT_TEXT("SELECT tq_ltrim(100, '1')", "00");
        EXPECT_TEXT("SELECT tq_trim('')", "");
        EXPECT_NULL("SELECT tq_trim(NULL)");
        EXPECT_NULL("SELECT tq_ltrim(NULL, 'x')");
        EXPECT_NULL("SELECT tq_rtrim('a', NULL)");
    }

    TEST("replace (§9 case 7)") {
        EXPECT_TEXT("SELECT tq_replace('foo', 'o', '0')", "f00");
        EXPECT_TEXT("SELECT tq_replace('aaa', 'aa', 'b')", "ba");
        EXPECT_TEXT("SELECT tq_replace('abc', '', 'x')", "abc");
        EXPECT_TEXT("SELECT tq_replace('abc', 'b', '')", "ac");
        EXPECT_TEXT("SELECT tq_replace('a.b.c', '.', '::')", "a::b::c");
        EXPECT_TEXT("SELECT tq_replace('abc', 'z', 'y')", "abc");
        EXPECT_TEXT("SELECT tq_replace(1000, 0, 9)", "1999");
        EXPECT_NULL("SELECT tq_replace(NULL, 'a', 'b')");
        EXPECT_NULL("SELECT tq_replace('a', NULL, 'b')");
        EXPECT_NULL("SELECT tq_replace('a', 'a', NULL)");
    }

    TEST("regexReplace") {
        EXPECT_TEXT("SELECT tq_regexreplace('foo123bar45', '[0-9]+', '#')", "foo#bar#");
        EXPECT_TEXT("SELECT tq_regexreplace('2024-03-01', '(\\d+)-(\\d+)-(\\d+)', '\\3/\\2/\\1')",
                    "01/03/2024");
        EXPECT_TEXT("SELECT tq_regexreplace('2024-03-01', '(\\d+)-(\\d+)-(\\d+)', '$3.$2.$1')",
                    "01.03.2024");
        EXPECT_TEXT("SELECT tq_regexreplace('user=bob', 'user=(?<name>\\w+)', '<${name}>')",
                    "<bob>");
        EXPECT_TEXT("SELECT tq_regexreplace('abc', 'b', '[${0}|$0|\\0]')", "a[b|b|b]c");
        EXPECT_TEXT("SELECT tq_regexreplace('b', '(?J)(?<n>a)|(?<n>b)', '<${n}>')", "<b>");
        EXPECT_TEXT("SELECT tq_regexreplace('ab', 'b', '${x')", "a${x");
        EXPECT_TEXT("WITH t(p) AS (VALUES ('(?<x>a)'), ('(?<x>b)'), ('(?<y>a)'))"
                    " SELECT group_concat(tq_regexreplace('ab', p, '[${x}]'), ',') FROM t",
                    "[a]b,a[b],[]b");
        EXPECT_TEXT("SELECT tq_regexreplace('a', 'a', '$$')", "$");
        EXPECT_TEXT("SELECT tq_regexreplace('a', 'a', '\\\\')", "\\");
        EXPECT_TEXT("SELECT tq_regexreplace('a', 'a', '$x\\y')", "$x\\y");
        EXPECT_TEXT("SELECT tq_regexreplace('ab', '(x)?b', '[\\1]')", "a[]");
        EXPECT_TEXT("SELECT tq_regexreplace('ab', 'b', '[\\5][${nope}]')", "a[][]");
        EXPECT_TEXT("SELECT tq_regexreplace('abc', 'x*', '-')", "-a-b-c-");
        EXPECT_TEXT("SELECT tq_regexreplace('baaac', 'a*', '-')", "-b--c-");
        EXPECT_TEXT("SELECT tq_regexreplace('h\xc3\xa9llo', '.', 'x')", "xxxxx");
        EXPECT_TEXT("SELECT tq_regexreplace('\xc3\xa9', 'x*', '-')", "-\xc3\xa9-");
        EXPECT_TEXT("SELECT tq_regexreplace('ABC', '(?i)b', 'x')", "AxC");
        EXPECT_TEXT("SELECT tq_regexreplace('abc', 'z', 'y')", "abc");
        EXPECT_TEXT("SELECT tq_regexreplace('', 'a', 'b')", "");
        EXPECT_TEXT("SELECT tq_regexreplace(CAST(X'61FF62' AS TEXT), 'b', 'c')", "a\xff""c");
        EXPECT_TEXT("WITH t(v) AS (VALUES ('foo'), ('bob'), ('x'))"
                    " SELECT group_concat(tq_regexreplace(v, 'o', '0'), ',') FROM t",
                    "f00,b0b,x");
        EXPECT_NULL("SELECT tq_regexreplace(NULL, 'a', 'b')");
        EXPECT_NULL("SELECT tq_regexreplace('a', NULL, 'b')");
        EXPECT_NULL("SELECT tq_regexreplace('a', 'a', NULL)");
        sqlt_run(&r, "SELECT tq_regexreplace('a', '(', 'x')");
        CHECK_INT(r.type, -1);
        CHECK(strncmp(r.text, "regex:", 6) == 0);
        /* catastrophic backtracking stops at the match limit */
        sqlt_run(&r, "SELECT tq_regexreplace('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',"
                " '^(a+)+$', 'x')");
        CHECK_INT(r.type, -1);
        CHECK(strncmp(r.text, "regex:", 6) == 0);
    }

    TEST("strcontains / startsWith / endsWith") {
        EXPECT_INT("SELECT tq_strcontains('Hello World', 'World')", 1);
        EXPECT_INT("SELECT tq_strcontains('Hello World', 'world')", 0);
        EXPECT_INT("SELECT tq_strcontains('Hello World', 'world', 1)", 1);
        EXPECT_INT("SELECT tq_strcontains('ABC', 'b', 'true')", 1);
        EXPECT_INT("SELECT tq_strcontains('ABC', 'b', 0)", 0);
        EXPECT_INT("SELECT tq_strcontains('ABC', 'b', NULL)", 0);
        EXPECT_INT("SELECT tq_strcontains('abc', 'abcd', 1)", 0);
        EXPECT_INT("SELECT tq_strcontains('Hello', '')", 1);
        EXPECT_INT("SELECT tq_strcontains('', 'a')", 0);
        EXPECT_INT("SELECT tq_strcontains(12345, 34)", 1);
        EXPECT_NULL("SELECT tq_strcontains(NULL, 'a')");
        EXPECT_NULL("SELECT tq_strcontains('a', NULL)");
        EXPECT_INT("SELECT tq_startswith('foobar', 'foo')", 1);
        EXPECT_INT("SELECT tq_startswith('foobar', 'bar')", 0);
        EXPECT_INT("SELECT tq_startswith('foo', 'foobar')", 0);
        EXPECT_INT("SELECT tq_startswith('foo', '')", 1);
        EXPECT_INT("SELECT tq_startswith('Foo', 'foo')", 0);
        EXPECT_INT("SELECT tq_startswith(12345, 12)", 1);
        EXPECT_INT("SELECT tq_endswith('foobar', 'bar')", 1);
        EXPECT_INT("SELECT tq_endswith('foobar', 'foo')", 0);
        EXPECT_INT("SELECT tq_endswith('bar', 'foobar')", 0);
        EXPECT_INT("SELECT tq_endswith('', '')", 1);
        EXPECT_NULL("SELECT tq_startswith(NULL, 'a')");
        EXPECT_NULL("SELECT tq_endswith('a', NULL)");
    }

    TEST("isempty / isblank (§9 case 18)") {
        EXPECT_INT("SELECT tq_isempty(NULL)", 1);
        EXPECT_INT("SELECT tq_isempty('')", 1);
        EXPECT_INT("SELECT tq_isempty(' ')", 0);
        EXPECT_INT("SELECT tq_isempty('a')", 0);
        EXPECT_INT("SELECT tq_isempty(0)", 0);
        EXPECT_INT("SELECT tq_isblank(NULL)", 1);
        EXPECT_INT("SELECT tq_isblank('')", 1);
        EXPECT_INT("SELECT tq_isblank(' ')", 1);
        EXPECT_INT("SELECT tq_isblank(char(9, 10, 32, 13))", 1);
        EXPECT_INT("SELECT tq_isblank(' a ')", 0);
        EXPECT_INT("SELECT tq_isblank(0)", 0);
    }

    TEST("urlencode / urldecode") {
        EXPECT_TEXT("SELECT tq_urlencode('a b&c=d/\xc3\xa9~')", "a%20b%26c%3Dd%2F%C3%A9~");
        EXPECT_TEXT("SELECT tq_urlencode('AZaz09-_.~')", "AZaz09-_.~");
        EXPECT_TEXT("SELECT tq_urlencode('+%')", "%2B%25");
        EXPECT_TEXT("SELECT tq_urlencode('')", "");
        EXPECT_TEXT("SELECT tq_urlencode(1.5)", "1.5");
        EXPECT_NULL("SELECT tq_urlencode(NULL)");
        EXPECT_TEXT("SELECT tq_urldecode('a%20b+c%3d')", "a b c=");
        EXPECT_TEXT("SELECT tq_urldecode('%C3%A9')", "\xc3\xa9");
        EXPECT_TEXT("SELECT tq_urldecode('100%25')", "100%");
        EXPECT_TEXT("SELECT tq_urldecode('')", "");
        EXPECT_NULL("SELECT tq_urldecode('%zz')");
        EXPECT_NULL("SELECT tq_urldecode('%2')");
        EXPECT_NULL("SELECT tq_urldecode('%')");
        EXPECT_NULL("SELECT tq_urldecode('%FF')");
        EXPECT_NULL("SELECT tq_urldecode('%00')");
        EXPECT_NULL("SELECT tq_urldecode(NULL)");
    }

    TEST("base64 (RFC 4648 vectors)") {
        static const char *const plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
        static const char *const coded[] = {"",         "Zg==",     "Zm8=",    "Zm9v",
                                            "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
        for (size_t k = 0; k < 7; k++) {
            char sql[128];
            snprintf(sql, sizeof sql, "SELECT tq_base64encode('%s')", plain[k]);
            EXPECT_TEXT(sql, coded[k]);
            snprintf(sql, sizeof sql, "SELECT tq_base64decode('%s')", coded[k]);
            EXPECT_TEXT(sql, plain[k]);
        }
        EXPECT_TEXT("SELECT tq_base64encode('\xc3\xa9')", "w6k=");
        EXPECT_TEXT("SELECT tq_base64encode(123)", "MTIz");
        EXPECT_TEXT("SELECT tq_base64decode('Zm9vYg')", "foob");
        EXPECT_TEXT("SELECT tq_base64decode('Zm9vYmE')", "fooba");
        EXPECT_TEXT("SELECT tq_base64decode('w6k=')", "\xc3\xa9");
        EXPECT_NULL("SELECT tq_base64decode('Zm9v!')");
        EXPECT_NULL("SELECT tq_base64decode('Z')");
        EXPECT_NULL("SELECT tq_base64decode('Zg=')");
        EXPECT_NULL("SELECT tq_base64decode('Zm9vYmFy====')");
        EXPECT_NULL("SELECT tq_base64decode('Zg=a')");
        EXPECT_NULL("SELECT tq_base64decode(' Zg==')");
        EXPECT_NULL("SELECT tq_base64decode('/w==')"); /* byte FF: not UTF-8 */
        EXPECT_NULL("SELECT tq_base64decode('AA==')"); /* NUL byte */
        EXPECT_NULL("SELECT tq_base64encode(NULL)");
        EXPECT_NULL("SELECT tq_base64decode(NULL)");
    }

    TEST("split") {
        EXPECT_TEXT("SELECT tq_split('a,b,c', ',')", "[\"a\",\"b\",\"c\"]");
        EXPECT_TEXT("SELECT tq_split('a,,b', ',')", "[\"a\",\"\",\"b\"]");
        EXPECT_TEXT("SELECT tq_split(',a,', ',')", "[\"\",\"a\",\"\"]");
        EXPECT_TEXT("SELECT tq_split('a::b', '::')", "[\"a\",\"b\"]");
        EXPECT_TEXT("SELECT tq_split('abc', ';')", "[\"abc\"]");
        EXPECT_TEXT("SELECT tq_split('abc', '')", "[\"a\",\"b\",\"c\"]");
        EXPECT_TEXT("SELECT tq_split('\xe6\x97\xa5\xe6\x9c\xac', '')",
                    "[\"\xe6\x97\xa5\",\"\xe6\x9c\xac\"]");
        EXPECT_TEXT("SELECT tq_split('', ',')", "[\"\"]");
        EXPECT_TEXT("SELECT tq_split('', '')", "[]");
        EXPECT_TEXT("SELECT tq_split('say \"hi\"', ' ')", "[\"say\",\"\\\"hi\\\"\"]");
        EXPECT_TEXT("SELECT tq_split(1.5, '.')", "[\"1\",\"5\"]");
        EXPECT_NULL("SELECT tq_split(NULL, ',')");
        EXPECT_NULL("SELECT tq_split('a', NULL)");
    }

    TEST("hexToAscii") {
        EXPECT_TEXT("SELECT tq_hextoascii('48656c6c6f')", "Hello");
        EXPECT_TEXT("SELECT tq_hextoascii('0x4869')", "Hi");
        EXPECT_TEXT("SELECT tq_hextoascii('4A4b')", "JK");
        EXPECT_TEXT("SELECT tq_hextoascii('c3a9')", "\xc3\xa9");
        EXPECT_TEXT("SELECT tq_hextoascii('')", "");
        EXPECT_NULL("SELECT tq_hextoascii('abc')");
        EXPECT_NULL("SELECT tq_hextoascii('zz')");
        EXPECT_NULL("SELECT tq_hextoascii('ff')");
        EXPECT_NULL("SELECT tq_hextoascii('00')");
        EXPECT_NULL("SELECT tq_hextoascii(NULL)");
    }

    TEST("hexToDec (§9 case 8)") {
        EXPECT_INT("SELECT tq_hextodec('0xff')", 255);
        EXPECT_INT("SELECT tq_hextodec('ff')", 255);
        EXPECT_INT("SELECT tq_hextodec('FF')", 255);
        EXPECT_INT("SELECT tq_hextodec('0XFF')", 255);
        EXPECT_INT("SELECT tq_hextodec('10')", 16);
        EXPECT_INT("SELECT tq_hextodec(10)", 16);
        EXPECT_INT("SELECT tq_hextodec('-0x10')", -16);
        EXPECT_INT("SELECT tq_hextodec('0')", 0);
        EXPECT_INT("SELECT tq_hextodec('7fffffffffffffff')", 9223372036854775807LL);
        sqlt_run(&r, "SELECT tq_hextodec('ffffffffffffffff')");
        CHECK_INT(r.type, SQLITE_FLOAT);
        CHECK(r.d == 18446744073709551615.0);
        EXPECT_NULL("SELECT tq_hextodec('')");
        EXPECT_NULL("SELECT tq_hextodec('0x')");
        EXPECT_NULL("SELECT tq_hextodec('-')");
        EXPECT_NULL("SELECT tq_hextodec('xyz')");
        EXPECT_NULL("SELECT tq_hextodec('f f')");
        EXPECT_NULL("SELECT tq_hextodec(1.5)");
        EXPECT_NULL("SELECT tq_hextodec(NULL)");
    }

    TEST("decToHex (§9 case 9)") {
        EXPECT_TEXT("SELECT tq_dectohex(255)", "0xff");
        EXPECT_TEXT("SELECT tq_dectohex(-255)", "-0xff");
        EXPECT_TEXT("SELECT tq_dectohex(0)", "0x0");
        EXPECT_TEXT("SELECT tq_dectohex(4096)", "0x1000");
        EXPECT_TEXT("SELECT tq_dectohex(255.9)", "0xff");
        EXPECT_TEXT("SELECT tq_dectohex(-1.5)", "-0x1");
        EXPECT_TEXT("SELECT tq_dectohex(-0.5)", "0x0");
        EXPECT_TEXT("SELECT tq_dectohex('255')", "0xff");
        EXPECT_TEXT("SELECT tq_dectohex(9223372036854775807)", "0x7fffffffffffffff");
        EXPECT_TEXT("SELECT tq_dectohex(-9223372036854775807 - 1)", "-0x8000000000000000");
        EXPECT_NULL("SELECT tq_dectohex(1e20)");
        EXPECT_NULL("SELECT tq_dectohex('abc')");
        EXPECT_NULL("SELECT tq_dectohex(NULL)");
    }

    TEST("messageSize") {
        EXPECT_INT("SELECT tq_messagesize('h\xc3\xa9llo')", 6);
        EXPECT_INT("SELECT tq_messagesize('')", 0);
        EXPECT_INT("SELECT tq_messagesize(100)", 3);
        EXPECT_INT("SELECT tq_messagesize(1.5)", 3);
        EXPECT_NULL("SELECT tq_messagesize(NULL)");
    }

    sqlite3_close(r.db);
    return test_report("sqlstring");
}
