/*
 * test_jsondom.c — base/jsondom.c: the JSON texts jansson refuses that
 * trailq reads, compact output with shortest reals, and error messages in
 * plain words.
 *
 * Expected texts were worked out by hand and checked with Python's json
 * module, e.g.
 *   python3 -c 'import json; print(json.dumps(json.loads(s), separators=(",",":")))'
 * gives {"Ratio":0.1} for s = '{"Ratio":0.1}' and keeps 18446744073709551616
 * and -9223372036854775809 exactly (Python integers are unbounded); Python
 * reads 1e999 as inf, where trailq keeps the text "1e999".
 */
#include <jansson.h>
#include <string.h>

#include "base/jsondom.h"
#include "base/strbuf.h"
#include "tests/unit/testhelp.h"

/* jdom_load(text) then jdom_dump, or "(error: <plain message>)". */
static const char *round_trip(const char *text, struct strbuf *out)
{
    sb_reset(out);
    json_error_t err;
    json_t *v = jdom_load(text, strlen(text), 0, &err);
    if (!v) {
        sb_puts(out, "(error: ");
        jdom_error(out, &err);
        sb_puts(out, ")");
        return sb_str(out);
    }
    jdom_dump(out, v);
    json_decref(v);
    return sb_str(out);
}

int main(void)
{
    struct strbuf sb = STRBUF_INIT;

    TEST("reals keep their shortest round-trip form")
    {
        CHECK_STR(round_trip("{\"Ratio\":0.1}", &sb), "{\"Ratio\":0.1}");
        CHECK_STR(round_trip("[0.1,0.2,0.30000000000000004,1.5,2.0,-0.0]", &sb),
                  "[0.1,0.2,0.30000000000000004,1.5,2,0]");
        CHECK_STR(round_trip("[1e20,1.25e-7,14.97]", &sb), "[1e+20,1.25e-07,14.97]");
        CHECK_STR(round_trip("[9007199254740993.0]", &sb), "[9007199254740992]");
    }
    TEST("keys in document order, strings escaped")
    {
        CHECK_STR(round_trip("{\"z\":1,\"a\":{\"y\":[true,false,null]},\"m\":\"x\\\"\\n\\u00e9\"}",
                             &sb),
                  "{\"z\":1,\"a\":{\"y\":[true,false,null]},\"m\":\"x\\\"\\n\xc3\xa9\"}");
        /* a repeated key: the last value at the first key's place, as jansson */
        CHECK_STR(round_trip("{\"a\":1,\"b\":2,\"a\":3}", &sb), "{\"a\":3,\"b\":2}");
    }
    TEST("numbers jansson refuses keep their text")
    {
        CHECK_STR(round_trip("{\"a\":18446744073709551616,\"b\":-9223372036854775809,"
                             "\"c\":1e999,\"d\":-1.5E+400,\"e\":9223372036854775807}",
                             &sb),
                  "{\"a\":18446744073709551616,\"b\":-9223372036854775809,\"c\":1e999,"
                  "\"d\":-1.5E+400,\"e\":9223372036854775807}");
        json_t *v = jdom_load("[18446744073709551616,\"x\",1]", 28, 0, NULL);
        CHECK(v != NULL);
        size_t len = 0;
        const char *t = jdom_bignum(json_array_get(v, 0), &len);
        CHECK(t && len == 20 && memcmp(t, "18446744073709551616", 20) == 0);
        CHECK(jdom_string(json_array_get(v, 0), NULL) == NULL);
        CHECK(jdom_bignum(json_array_get(v, 1), &len) == NULL);
        CHECK(jdom_string(json_array_get(v, 1), &len) && len == 1);
        CHECK(jdom_bignum(json_array_get(v, 2), &len) == NULL);
        json_decref(v);
        /* inside strings nothing is rewritten */
        CHECK_STR(round_trip("[\"1e999\",\"\\\\u0000\",1e999]", &sb),
                  "[\"1e999\",\"\\\\u0000\",1e999]");
    }
    TEST("\\u0000 reads as U+FFFD, in values and keys")
    {
        CHECK_STR(round_trip("{\"a\\u0000\":\"x\\u0000y\"}", &sb),
                  "{\"a\xef\xbf\xbd\":\"x\xef\xbf\xbdy\"}");
        /* a string that starts with U+0000 is not taken for a number */
        json_t *v = jdom_load("[\"\\u0000123\",1e999]", 19, 0, NULL);
        size_t len;
        CHECK(v && jdom_bignum(json_array_get(v, 0), &len) == NULL);
        CHECK(v && jdom_string(json_array_get(v, 0), &len) && len == 6);
        json_decref(v);
    }
    TEST("a text that is not JSON stays an error, in plain words")
    {
        CHECK_STR(round_trip("{\"a\":oops}", &sb), "(error: not a JSON value near 'oops')");
        CHECK_STR(round_trip("{\"a\" 1}", &sb), "(error: expected ':' after a key near '1')");
        CHECK_STR(round_trip("{\"a\":1,}", &sb),
                  "(error: expected a key in double quotes or '}' near '}')");
        CHECK_STR(round_trip("[1 2]", &sb), "(error: expected ',' or ']' near '2')");
        CHECK_STR(round_trip("{\"a\":1 \"b\":2}", &sb),
                  "(error: expected ',' or '}' near '\"b\"')");
        CHECK_STR(round_trip("{\"a\":\"\x01\"}", &sb),
                  "(error: a control character (0x1) inside a string near '\"')");
        CHECK_STR(round_trip("{\"a\":\"\xff\"}", &sb), "(error: invalid UTF-8 (byte 0xff) near '\"')");
        CHECK_STR(round_trip("{\"a\":\"\\x\"}", &sb),
                  "(error: an invalid escape in a string near '\"\\x')");
        CHECK_STR(round_trip("{\"a\":\"\\ud800\\uZZZZ\"}", &sb),
                  "(error: an invalid escape in a string near '\"\\ud800\\uZ')");
        CHECK_STR(round_trip("{\"a\":1} x", &sb),
                  "(error: more text after the end of the value near 'x')");
        CHECK_STR(round_trip("{\"a\":[1,", &sb),
                  "(error: expected ',' or ']' near end of file)");
        CHECK_STR(round_trip("5", &sb), "(error: not a JSON object or array near '5')");
        /* what jansson quotes from the input cannot reach a terminal raw */
        CHECK_STR(round_trip("{\"a\":\x01}", &sb), "(error: not a JSON value near '\\x01')");
        CHECK_STR(round_trip("{\"a\":\xc2\x9b}", &sb),
                  "(error: not a JSON value near '\\xc2\\x9b')");
        /* a refused number next to an error: the error is reported */
        CHECK_STR(round_trip("{\"a\":1e999,\"b\":oops}", &sb),
                  "(error: not a JSON value near 'oops')");
    }
    TEST("nesting deeper than jansson's limit is an error")
    {
        struct strbuf deep = STRBUF_INIT;
        for (int i = 0; i < 2049; i++)
            sb_putc(&deep, '[');
        for (int i = 0; i < 2049; i++)
            sb_putc(&deep, ']');
        CHECK_STR(round_trip(sb_str(&deep), &sb),
                  "(error: nesting deeper than 2048 levels near '[')");
        sb_free(&deep);
    }
    sb_free(&sb);
    return test_report("jsondom");
}
