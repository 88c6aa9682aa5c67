/*
 * test_jsonfields.c — the DOM-less field scanner (parsers/jsonfields.c)
 * against its reference, jdom_load (jansson, base/jsondom.h) + flatten_json.
 *
 * Three parts:
 *   1. hand-written cases with values worked out by hand (escapes,
 *      surrogates, UTF-8, numbers at the int64 and double edges, nesting at
 *      jansson's limit, repeated keys, whitespace, garbage, truncation,
 *      meta keys, and the all-fields plan: every leaf with its dotted
 *      path); each is also run through the differential check, under its
 *      own plan and under the all-fields plan;
 *   2. regression cases found by the fuzzer (tests/fuzz/fuzz_jsonfields.c);
 *   3. the differential check (tests/fuzz/jf_diff.h) over every record of
 *      every file in testdata/ and $SHARED/data, split as the readers split
 *      them (Records[]/Events[]/logEvents[] elements, array elements, values
 *      back to back, JSON lines) plus every line of every file, each under
 *      several plans: the all-fields plan (--db, the REPL), every leaf path
 *      of the record, every top-level key, fixed nested paths with array
 *      segments, paths that are objects, paths that do not exist, and no
 *      fields at all.
 * $SHARED (tests/run.sh and make unit export it) names the larger corpus;
 * where it has no data/ folder, its part is counted as skipped.
 */
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "parsers/plan.h"
#include "index/record.h"
#include "base/jsondom.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "parsers/flatten.h"
#include "parsers/jsonfields.h"
#include "parsers/jsonscan.h"
#include "tests/fuzz/jf_diff.h"
#include "tests/unit/testhelp.h"

/* ---- running one record ---- */

struct runner {
    struct jfd diff;          /* the differential checker */
    struct rec_batch b;       /* fields of the last run_one */
    long n_reported;          /* disagreements printed so far */
};

static void plan_of(struct ingest_plan *p, const char *const *fields, size_t n)
{
    *p = (struct ingest_plan){0};
    p->fields = (const char **)fields;
    p->n_fields = n;
}

/* Differential check of one record under one plan; prints a disagreement. */
static int diff_one(struct runner *r, const char *p, size_t n, const json_t *dom,
                    const struct ingest_plan *plan, struct jf_scanner *s, const char *where)
{
    if (jfd_check(&r->diff, p, n, dom, plan, s) == 0)
        return 0;
    if (r->n_reported++ < 10) {
        fprintf(stderr, "%s: %s\n  record: %.*s%s\n  plan:", where, sb_str(&r->diff.why),
                (int)(n > 300 ? 300 : n), p, n > 300 ? "..." : "");
        for (size_t i = 0; i < plan->n_fields; i++)
            fprintf(stderr, " [%s]", plan->fields[i]);
        fprintf(stderr, "\n");
    }
    return -1;
}

/* Scan `json` with the given fields into r->b (checked against jansson
 * first, and under the all-fields plan too); returns jf_scan's status. */
static enum jf_status run_fields(struct runner *r, const char *json, size_t n,
                                 const char *const *fields, size_t n_fields)
{
    struct ingest_plan plan, all;
    plan_of(&plan, fields, n_fields);
    plan_init_all(&all);
    json_t *dom = jdom_load(json, n, 0, NULL);
    CHECK(diff_one(r, json, n, dom, &plan, NULL, test_current) == 0);
    CHECK(diff_one(r, json, n, dom, &all, NULL, test_current) == 0);
    json_decref(dom);
    struct jf_plan *jp = jf_plan_new(&plan, jfd_meta_keys, JFD_N_META);
    struct jf_scanner *s = jf_scanner_new(jp);
    rb_reset(&r->b);
    rb_begin(&r->b, 1);
    enum jf_status st = jf_scan(s, json, n, &r->b);
    jf_scanner_free(s);
    jf_plan_free(jp);
    return st;
}

static enum jf_status run1(struct runner *r, const char *json, const char *field)
{
    const char *fields[] = {field};
    return run_fields(r, json, strlen(json), fields, field ? 1 : 0);
}

/* Scan json[0..n) with the all-fields plan into r->b (checked against
 * jansson + flatten first); returns jf_scan's status. With `s`, that
 * scanner (of an all-fields plan) is used, to test reuse across records. */
static enum jf_status run_all_n(struct runner *r, const char *json, size_t n,
                                struct jf_scanner *s)
{
    struct ingest_plan all;
    plan_init_all(&all);
    json_t *dom = jdom_load(json, n, 0, NULL);
    CHECK(diff_one(r, json, n, dom, &all, NULL, test_current) == 0);
    json_decref(dom);
    struct jf_plan *jp = s ? NULL : jf_plan_new(&all, jfd_meta_keys, JFD_N_META);
    struct jf_scanner *use = s ? s : jf_scanner_new(jp);
    rb_reset(&r->b);
    rb_begin(&r->b, 1);
    enum jf_status st = jf_scan(use, json, n, &r->b);
    if (!s) {
        jf_scanner_free(use);
        jf_plan_free(jp);
    }
    return st;
}

static enum jf_status run_all(struct runner *r, const char *json)
{
    return run_all_n(r, json, strlen(json), NULL);
}

/* jdom_load + flatten_json of json under `fields` (all fields when NULL)
 * into r->b: the reference path's fields, for the cases it handles alone. */
static void run_flatten(struct runner *r, const char *json, const char *const *fields,
                        size_t n_fields)
{
    struct ingest_plan plan;
    if (fields)
        plan_of(&plan, fields, n_fields);
    else
        plan_init_all(&plan);
    json_t *dom = jdom_load(json, strlen(json), 0, NULL);
    rb_reset(&r->b);
    rb_begin(&r->b, 1);
    if (dom)
        flatten_json(&r->b, dom, NULL, &plan);
    json_decref(dom);
}

/* The i-th field of the last run, or NULL. */
static const struct rec_field *field_at(struct runner *r, size_t i)
{
    if (r->b.cur.first_field + i >= r->b.n_fields)
        return NULL;
    return &r->b.fields[r->b.cur.first_field + i];
}

static size_t n_got(struct runner *r)
{
    return r->b.n_fields - r->b.cur.first_field;
}

static int got_str(struct runner *r, size_t i, const char *name, const char *val, size_t vlen)
{
    const struct rec_field *f = field_at(r, i);
    return f && f->kind == FV_STR && f->name_len == strlen(name) &&
           memcmp(rb_text(&r->b, f->name_off), name, f->name_len) == 0 && f->val_len == vlen &&
           memcmp(rb_text(&r->b, f->val_off), val, vlen) == 0;
}

static int got_int(struct runner *r, size_t i, const char *name, int64_t v)
{
    const struct rec_field *f = field_at(r, i);
    return f && f->kind == FV_INT && f->name_len == strlen(name) &&
           memcmp(rb_text(&r->b, f->name_off), name, f->name_len) == 0 && f->ival == v;
}

static int got_real(struct runner *r, size_t i, const char *name, double v)
{
    const struct rec_field *f = field_at(r, i);
    return f && f->kind == FV_REAL && f->name_len == strlen(name) &&
           memcmp(rb_text(&r->b, f->name_off), name, f->name_len) == 0 &&
           memcmp(&f->dval, &v, sizeof v) == 0;
}

static int got_json(struct runner *r, size_t i, const char *name, const char *text)
{
    const struct rec_field *f = field_at(r, i);
    return f && f->kind == FV_JSON && f->name_len == strlen(name) &&
           memcmp(rb_text(&r->b, f->name_off), name, f->name_len) == 0 &&
           f->val_len == strlen(text) && memcmp(rb_text(&r->b, f->val_off), text, f->val_len) == 0;
}

static int got_bool(struct runner *r, size_t i, const char *name, int v)
{
    const struct rec_field *f = field_at(r, i);
    return f && f->kind == FV_BOOL && f->name_len == strlen(name) &&
           memcmp(rb_text(&r->b, f->name_off), name, f->name_len) == 0 && f->ival == v;
}

/* One string value x: {"a": x} with field "a" must give `want`. */
#define STR_CASE(json_value, want)                                                        \
    do {                                                                                  \
        CHECK_INT(run1(&r, "{\"a\":" json_value "}", "a"), JF_OK);                        \
        CHECK_INT(n_got(&r), 1);                                                          \
        CHECK(got_str(&r, 0, "a", want, sizeof want - 1));                                \
    } while (0)

#define INVALID(json)                                                                     \
    do {                                                                                  \
        CHECK_INT(run_fields(&r, json, sizeof json - 1, fields_a, 1), JF_INVALID);        \
    } while (0)

#define VALID(json)                                                                       \
    do {                                                                                  \
        CHECK_INT(run_fields(&r, json, sizeof json - 1, fields_a, 1), JF_OK);             \
    } while (0)

static const char *const fields_a[] = {"a"};

/* [[[...]]] of `depth` arrays, with `inner` in the middle. */
static char *nested(size_t depth, const char *inner)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < depth; i++)
        sb_putc(&sb, '[');
    sb_puts(&sb, inner);
    for (size_t i = 0; i < depth; i++)
        sb_putc(&sb, ']');
    return sb_detach(&sb);
}

static void hand_cases(struct runner *r_)
{
    struct runner r = *r_;

    TEST("strings: every escape")
    {
        STR_CASE("\"plain\"", "plain");
        STR_CASE("\"\"", "");
        STR_CASE("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t");
        STR_CASE("\"x\\u0041y\"", "xAy");
        STR_CASE("\"\\u00e9\\u00E9\"", "\xc3\xa9\xc3\xa9");       /* é: C3 A9 */
        STR_CASE("\"\\u20AC\"", "\xe2\x82\xac");                  /* €: E2 82 AC */
        STR_CASE("\"\\u007f\\u0080\\u07ff\\u0800\\uffff\"",
                 "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf");
        STR_CASE("\"\\u0001\\u001f\"", "\x01\x1f");
        STR_CASE("\"tab\\tin\\\\side\"", "tab\tin\\side");
        /* raw UTF-8 passes through unchanged */
        STR_CASE("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
        /* DEL is not a control character for JSON */
        STR_CASE("\"\x7f\"", "\x7f");
        /* long strings cross the 16-byte blocks of the SSE2 scan */
        STR_CASE("\"0123456789abcdef0123456789abcdef\\n0123456789abcdef\xc3\xa9\"",
                 "0123456789abcdef0123456789abcdef\n0123456789abcdef\xc3\xa9");
    }
    TEST("strings: surrogate pairs")
    {
        STR_CASE("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80");       /* U+1F600 */
        STR_CASE("\"\\uD800\\uDC00\"", "\xf0\x90\x80\x80");       /* U+10000 */
        STR_CASE("\"\\uDBFF\\uDFFF\"", "\xf4\x8f\xbf\xbf");       /* U+10FFFF */
        /* a surrogate without its pair reads as U+FFFD, as jdom_load reads it */
        STR_CASE("\"\\ud83d\"", "\xef\xbf\xbd");                   /* lone high */
        STR_CASE("\"\\ude00\"", "\xef\xbf\xbd");                   /* lone low */
        STR_CASE("\"\\ud83dx\"", "\xef\xbf\xbdx");                 /* high, then not an escape */
        STR_CASE("\"\\ud83d\\n\"", "\xef\xbf\xbd\n");             /* high, then another escape */
        STR_CASE("\"\\ud83d\\ud83d\"", "\xef\xbf\xbd\xef\xbf\xbd"); /* high, high */
        STR_CASE("\"\\ude00\\ud83d\"", "\xef\xbf\xbd\xef\xbf\xbd"); /* low, high */
        STR_CASE("\"\\ud83d\\u0041\"", "\xef\xbf\xbd" "A");        /* high, not a low */
        STR_CASE("\"\\ud83d\\ud83d\\ude00\"", "\xef\xbf\xbd\xf0\x9f\x98\x80"); /* high, pair */
        VALID("{\"b\":\"\\ud83d\"}");              /* also where nothing is wanted */
        VALID("{\"\\udc00\":1}");                  /* and in keys */
        INVALID("{\"a\":\"\\ud83\"}");             /* but not a short escape */
    }
    TEST("strings: invalid escapes and control bytes")
    {
        INVALID("{\"a\":\"\\x41\"}");
        INVALID("{\"a\":\"\\U0041\"}");
        INVALID("{\"a\":\"\\u004\"}");
        INVALID("{\"a\":\"\\u00g1\"}");
        INVALID("{\"a\":\"\\'\"}");
        INVALID("{\"a\":\"\\\"}");
        /* \u0000 (valid JSON, refused by jansson) reads as U+FFFD: EF BF BD */
        STR_CASE("\"\\u0000\"", "\xef\xbf\xbd");
        STR_CASE("\"x\\u0000y\\u0000\"", "x\xef\xbf\xbdy\xef\xbf\xbd");
        VALID("{\"b\":\"x\\u0000y\"}");
        CHECK_INT(run_all(&r, "{\"\\u0000\":1}"), JF_OK);   /* in a key */
        CHECK(got_int(&r, 0, "\xef\xbf\xbd", 1));
        INVALID("{\"a\":\"tab\there\"}");          /* raw control bytes */
        INVALID("{\"a\":\"new\nline\"}");
        INVALID("{\"a\":\"\x1f\"}");
        INVALID("{\"b\":\"\x01\"}");
        INVALID("{\"a\":\"nul\0byte\"}");
        INVALID("{\"a\":\"unterminated}");
    }
    TEST("strings: invalid UTF-8")
    {
        INVALID("{\"a\":\"\x80\"}");                  /* lone continuation */
        INVALID("{\"a\":\"\xbf\"}");
        INVALID("{\"a\":\"\xc0\xaf\"}");              /* overlong '/' */
        INVALID("{\"a\":\"\xc1\xbf\"}");
        INVALID("{\"a\":\"\xe0\x80\xaf\"}");          /* overlong, 3 bytes */
        INVALID("{\"a\":\"\xe0\x9f\xbf\"}");          /* overlong U+07FF */
        INVALID("{\"a\":\"\xf0\x80\x80\xaf\"}");      /* overlong, 4 bytes */
        INVALID("{\"a\":\"\xf0\x8f\xbf\xbf\"}");      /* overlong U+FFFF */
        INVALID("{\"a\":\"\xed\xa0\x80\"}");          /* U+D800 encoded */
        INVALID("{\"a\":\"\xed\xbf\xbf\"}");          /* U+DFFF encoded */
        INVALID("{\"a\":\"\xf4\x90\x80\x80\"}");      /* U+110000 */
        INVALID("{\"a\":\"\xf5\x80\x80\x80\"}");
        INVALID("{\"a\":\"\xff\"}");
        INVALID("{\"a\":\"\xc3\"}");                  /* truncated sequences */
        INVALID("{\"a\":\"\xe2\x82\"}");
        INVALID("{\"a\":\"\xf0\x9f\x98\"}");
        INVALID("{\"a\":\"\xc3(\"}");
        INVALID("{\"b\":\"\xed\xa0\x80\"}");          /* where nothing is wanted */
        INVALID("{\"\xff\":1}");                      /* in a key */
        INVALID("{\"a\":1}\xc3\xa9");                 /* after the value */
        INVALID("{\xc3\xa9:1}");                      /* outside strings */
        STR_CASE("\"\xed\x9f\xbf\"", "\xed\x9f\xbf"); /* U+D7FF: last before surrogates */
        STR_CASE("\"\xee\x80\x80\"", "\xee\x80\x80"); /* U+E000: first after */
        STR_CASE("\"\xf4\x8f\xbf\xbf\"", "\xf4\x8f\xbf\xbf"); /* U+10FFFF */
        STR_CASE("\"\xef\xbf\xbe\"", "\xef\xbf\xbe"); /* U+FFFE, a noncharacter: allowed */
    }
    TEST("numbers: integers")
    {
        CHECK_INT(run1(&r, "{\"a\":0}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", 0));
        CHECK_INT(run1(&r, "{\"a\":-0}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", 0));
        CHECK_INT(run1(&r, "{\"a\":42}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", 42));
        CHECK_INT(run1(&r, "{\"a\":-17}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", -17));
        CHECK_INT(run1(&r, "{\"a\":9223372036854775807}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", INT64_MAX));
        CHECK_INT(run1(&r, "{\"a\":-9223372036854775808}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", INT64_MIN));
        CHECK_INT(run1(&r, "{\"a\":999999999999999999}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", 999999999999999999LL));
        CHECK_INT(run1(&r, "{\"a\":1000000000000000000}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", 1000000000000000000LL));
        /* beyond int64 (jansson's "too big integer"): a string of the text */
        STR_CASE("9223372036854775808", "9223372036854775808");
        STR_CASE("-9223372036854775809", "-9223372036854775809");
        STR_CASE("9999999999999999999", "9999999999999999999");
        STR_CASE("18446744073709551616", "18446744073709551616");
        STR_CASE("-123456789012345678901234567890", "-123456789012345678901234567890");
        VALID("{\"b\":123456789012345678901234567890}"); /* also where not wanted */
        INVALID("{\"a\":01}");
        INVALID("{\"a\":-01}");
        INVALID("{\"a\":00}");
        INVALID("{\"a\":+1}");
        INVALID("{\"a\":-}");
        INVALID("{\"a\":- 1}");
        INVALID("{\"a\":1x}");
        INVALID("{\"a\":0x10}");
        INVALID("{\"a\":1 2}");
    }
    TEST("numbers: reals")
    {
        CHECK_INT(run1(&r, "{\"a\":1.5}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 1.5));
        CHECK_INT(run1(&r, "{\"a\":-0.0}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", -0.0));
        CHECK_INT(run1(&r, "{\"a\":1E2}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 100.0));
        CHECK_INT(run1(&r, "{\"a\":1e+2}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 100.0));
        CHECK_INT(run1(&r, "{\"a\":25e-2}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 0.25));
        CHECK_INT(run1(&r, "{\"a\":1.0}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 1.0));
        CHECK_INT(run1(&r, "{\"a\":0.1}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 0.1));
        /* an integer too big for int64, written as a real, is a real */
        CHECK_INT(run1(&r, "{\"a\":9223372036854775808.0}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 9223372036854775808.0));
        CHECK_INT(run1(&r, "{\"a\":1.7976931348623157e308}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 1.7976931348623157e308));
        /* underflow is not an error: strtod gives 0 */
        CHECK_INT(run1(&r, "{\"a\":1e-999}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 0.0));
        CHECK_INT(run1(&r, "{\"a\":4.9e-324}", "a"), JF_OK);
        CHECK(got_real(&r, 0, "a", 4.9e-324));
        /* beyond a double (jansson's "real number overflow"): the text */
        STR_CASE("1e999", "1e999");
        STR_CASE("-1E+999", "-1E+999");
        STR_CASE("1.8e308", "1.8e308");
        VALID("{\"b\":1e309}");                       /* also where not wanted */
        INVALID("{\"a\":1.}");
        INVALID("{\"a\":.5}");
        INVALID("{\"a\":1.e5}");
        INVALID("{\"a\":1e}");
        INVALID("{\"a\":1e+}");
        INVALID("{\"a\":1.5.3}");
        INVALID("{\"a\":NaN}");
        INVALID("{\"a\":Infinity}");
        INVALID("{\"a\":-Infinity}");
    }
    TEST("numbers: 400 digits")
    {
        struct strbuf sb = STRBUF_INIT;
        sb_puts(&sb, "{\"b\":1");
        for (int i = 0; i < 400; i++)
            sb_putc(&sb, '0');
        sb_puts(&sb, ".5}");
        /* 1e400 without an exponent: beyond a double, kept as text */
        CHECK_INT(run_fields(&r, sb.buf, sb.len, fields_a, 1), JF_OK);
        CHECK_INT(run_all_n(&r, sb.buf, sb.len, NULL), JF_OK);
        CHECK(got_str(&r, 0, "b", sb.buf + 5, sb.len - 6));
        sb_reset(&sb);
        sb_puts(&sb, "{\"a\":0.");
        for (int i = 0; i < 400; i++)
            sb_putc(&sb, '0');
        sb_puts(&sb, "1}");
        CHECK_INT(run_fields(&r, sb.buf, sb.len, fields_a, 1), JF_OK);
        CHECK(got_real(&r, 0, "a", 0.0));
        sb_free(&sb);
    }
    TEST("literals")
    {
        CHECK_INT(run1(&r, "{\"a\":true}", "a"), JF_OK);
        CHECK(got_bool(&r, 0, "a", 1));
        CHECK_INT(run1(&r, "{\"a\":false}", "a"), JF_OK);
        CHECK(got_bool(&r, 0, "a", 0));
        CHECK_INT(run1(&r, "{\"a\":null}", "a"), JF_OK);
        CHECK_INT(n_got(&r), 0);                     /* null is missing */
        INVALID("{\"a\":True}");
        INVALID("{\"a\":tru}");
        INVALID("{\"a\":truex}");
        INVALID("{\"a\":nul}");
        INVALID("{\"a\":nulll}");
        INVALID("{\"a\":falsey}");
        INVALID("{\"a\":undefined}");
    }
    TEST("structure: top level")
    {
        VALID("{}");
        VALID("[]");
        VALID(" \t\r\n{} \t\r\n");
        INVALID("");
        INVALID("   ");
        INVALID("\"a\"");                 /* a scalar at the top: not without JSON_DECODE_ANY */
        INVALID("1");
        INVALID("null");
        INVALID("{}{}");
        INVALID("{} x");
        INVALID("{},");
        INVALID("[]]");
        INVALID("{}\x0c");                /* form feed is not JSON whitespace */
        INVALID("\xef\xbb\xbf{}");        /* a byte order mark */
        INVALID("{}\0");
        INVALID("{");
        INVALID("[");
        INVALID("}");
    }
    TEST("structure: objects and arrays")
    {
        VALID("{\"b\":{},\"b\":[]}");
        VALID("{\"b\":[{},[],[[]]]}");
        VALID("{ \"a\" : 1 , \"b\" : [ 1 , 2 ] }");
        VALID("{\n\t\"a\"\r\n:\n1\n}");
        VALID("{\"\":1}");
        INVALID("{\"a\":1,}");
        INVALID("{,\"a\":1}");
        INVALID("{\"a\" 1}");
        INVALID("{\"a\":}");
        INVALID("{\"a\"}");
        INVALID("{a:1}");
        INVALID("{'a':1}");
        INVALID("{1:1}");
        INVALID("{\"a\":1 \"b\":2}");
        INVALID("{\"a\":1;\"b\":2}");
        INVALID("[1,]");
        INVALID("[,1]");
        INVALID("[1,,2]");
        INVALID("[1 2]");
        INVALID("{\"b\":[1}");
        INVALID("{\"b\":{]}");
        INVALID("[}");
        INVALID("{\"a\":1]");
    }
    TEST("structure: truncated records")
    {
        const char *full = "{\"a\":{\"b\":[1,\"x\\u00e9\",true,null,-1.5e3]},\"c\":\"d\"}";
        size_t n = strlen(full);
        const char *const f2[] = {"a.b.1", "c"};
        CHECK_INT(run_fields(&r, full, n, f2, 2), JF_OK);
        CHECK_INT(n_got(&r), 2);
        CHECK(got_str(&r, 0, "a.b.1", "x\xc3\xa9", 3));
        CHECK(got_str(&r, 1, "c", "d", 1));
        for (size_t i = 0; i < n; i++)
            CHECK_INT(run_fields(&r, full, i, f2, 2), JF_INVALID);
    }
    TEST("nesting: jansson's limit of 2048 values deep")
    {
        char *s = nested(2048, "");
        CHECK_INT(run_fields(&r, s, strlen(s), fields_a, 1), JF_OK);
        free(s);
        s = nested(2049, "");
        CHECK_INT(run_fields(&r, s, strlen(s), fields_a, 1), JF_INVALID);
        free(s);
        /* a scalar counts as a level too */
        s = nested(2047, "1");
        CHECK_INT(run_fields(&r, s, strlen(s), fields_a, 1), JF_OK);
        free(s);
        s = nested(2048, "1");
        CHECK_INT(run_fields(&r, s, strlen(s), fields_a, 1), JF_INVALID);
        free(s);
        s = nested(2047, "{}");
        CHECK_INT(run_fields(&r, s, strlen(s), fields_a, 1), JF_OK);
        free(s);
        s = nested(2048, "{}");
        CHECK_INT(run_fields(&r, s, strlen(s), fields_a, 1), JF_INVALID);
        free(s);
        s = nested(100000, "");
        CHECK_INT(run_fields(&r, s, strlen(s), fields_a, 1), JF_INVALID);
        free(s);
        /* deep objects on a wanted path: the field at depth 2048 */
        struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
        for (int i = 0; i < 2047; i++) {
            sb_puts(&sb, "{\"k\":");
            sb_puts(&path, i ? ".k" : "k");
        }
        sb_puts(&sb, "7");
        for (int i = 0; i < 2047; i++)
            sb_putc(&sb, '}');
        const char *deep[] = {path.buf};
        CHECK_INT(run_fields(&r, sb.buf, sb.len, deep, 1), JF_OK);
        CHECK(got_int(&r, 0, path.buf, 7));
        sb_free(&sb);
        sb_free(&path);
    }
    TEST("paths: nested objects, arrays and dotted keys")
    {
        const char *j = "{\"r\":[{\"ARN\":\"x\"},{\"ARN\":\"y\",\"t\":[10,[20,21]]}],"
                        "\"p\":{\"q\":{\"i\":{\"items\":[{\"id\":\"i-1\"}]}}}}";
        const char *const f[] = {"r.1.ARN", "r.0.ARN", "r.1.t.1.0", "p.q.i.items.0.id",
                                 "r.2.ARN", "r.01.ARN", "p.q.x", "r.1.t.1.1.z"};
        CHECK_INT(run_fields(&r, j, strlen(j), f, 8), JF_OK);
        CHECK_INT(n_got(&r), 4);
        CHECK(got_str(&r, 0, "r.0.ARN", "x", 1));     /* document order */
        CHECK(got_str(&r, 1, "r.1.ARN", "y", 1));
        CHECK(got_int(&r, 2, "r.1.t.1.0", 20));
        CHECK(got_str(&r, 3, "p.q.i.items.0.id", "i-1", 3));
        /* keys holding dots name the same field as the nested path */
        const char *d = "{\"a.b\":1,\"a\":{\"b\":2,\"b.c\":3,\"b\":{\"c\":4}}}";
        const char *const fd[] = {"a.b.c"};
        CHECK_INT(run_fields(&r, d, strlen(d), fd, 1), JF_NEED_DOM); /* "b" repeated */
        /* two leaves named x.y.z.0: flatten numbers the second (the man
         * page's rule), so the scanner leaves the record to it */
        const char *d2 = "{\"a.b\":1,\"x\":{\"y.z\":[5]},\"x.y\":{\"z\":[6]}}";
        const char *const fd2[] = {"a.b", "x.y.z.0"};
        CHECK_INT(run_fields(&r, d2, strlen(d2), fd2, 2), JF_NEED_DOM);
        run_flatten(&r, d2, fd2, 2);
        CHECK_INT(n_got(&r), 2);
        CHECK(got_int(&r, 0, "a.b", 1));
        CHECK(got_int(&r, 1, "x.y.z.0", 5));
        const char *const fd3[] = {"x.y.z.0#2"};
        CHECK_INT(run_fields(&r, d2, strlen(d2), fd3, 1), JF_NEED_DOM);
        run_flatten(&r, d2, fd3, 1);
        CHECK_INT(n_got(&r), 1);
        CHECK(got_int(&r, 0, "x.y.z.0#2", 6));
        /* an object below a key holding a dot is not the object its name
         * gives (that is the nested path's): no field, and no DOM needed */
        const char *const fab[] = {"a.b"};
        const char *o1 = "{\"a.b\":{\"c\":1}}";
        CHECK_INT(run_fields(&r, o1, strlen(o1), fab, 1), JF_OK);
        CHECK_INT(n_got(&r), 0);
        const char *o2 = "{\"a.b\":{\"c\":1},\"a\":{\"b\":{\"d\":2}}}";
        CHECK_INT(run_fields(&r, o2, strlen(o2), fab, 1), JF_NEED_DOM);
        run_flatten(&r, o2, fab, 1);
        CHECK_INT(n_got(&r), 1);
        CHECK(got_json(&r, 0, "a.b", "{\"d\":2}"));
        const char *const fx[] = {"x"};
        const char *o3 = "{\"\":{\"x\":{\"y\":1}}}";
        CHECK_INT(run_fields(&r, o3, strlen(o3), fx, 1), JF_OK);
        CHECK_INT(n_got(&r), 0);
        /* a numbered name with no repeat: no field, and no need of the DOM */
        CHECK_INT(run_fields(&r, d, strlen(d), fd3, 1), JF_OK);
        CHECK_INT(n_got(&r), 0);
        /* an escaped key matches its unescaped name */
        CHECK_INT(run1(&r, "{\"\\u0061\":\"v\"}", "a"), JF_OK);
        CHECK(got_str(&r, 0, "a", "v", 1));
        /* a field below a scalar, or an index into an object: nothing */
        CHECK_INT(run1(&r, "{\"a\":\"s\"}", "a.b"), JF_OK);
        CHECK_INT(n_got(&r), 0);
        CHECK_INT(run1(&r, "{\"a\":{\"0\":1}}", "a.0"), JF_OK);
        CHECK(got_int(&r, 0, "a.0", 1));              /* key "0" is named a.0 too */
    }
    TEST("paths: empty keys and the top level")
    {
        /* flatten names the children of an empty top-level key from the top */
        CHECK_INT(run1(&r, "{\"\":{\"x\":1}}", "x"), JF_OK);
        CHECK(got_int(&r, 0, "x", 1));
        CHECK_INT(run1(&r, "{\"\":[5]}", "0"), JF_OK);
        CHECK(got_int(&r, 0, "0", 5));
        CHECK_INT(run1(&r, "{\"\":1}", ""), JF_OK);
        CHECK_INT(n_got(&r), 0);
        CHECK_INT(run1(&r, "{\"a\":{\"\":1}}", "a."), JF_OK);
        CHECK(got_int(&r, 0, "a.", 1));
        CHECK_INT(run1(&r, "{\"\":{\"\":{\"x\":2}}}", "x"), JF_OK);
        CHECK(got_int(&r, 0, "x", 2));
        CHECK_INT(run1(&r, "{\".x\":3}", ".x"), JF_OK);
        CHECK(got_int(&r, 0, ".x", 3));
        CHECK_INT(run1(&r, "[{\"a\":1},{\"a\":2}]", "1.a"), JF_OK);
        CHECK(got_int(&r, 0, "1.a", 2));
        CHECK_INT(run1(&r, "[[\"x\"]]", "0.0"), JF_OK);
        CHECK(got_str(&r, 0, "0.0", "x", 1));
    }
    TEST("paths: objects and arrays need the DOM")
    {
        CHECK_INT(run1(&r, "{\"a\":{\"b\":1}}", "a"), JF_NEED_DOM);
        CHECK_INT(run1(&r, "{\"a\":[]}", "a"), JF_NEED_DOM);
        CHECK_INT(run1(&r, "{\"a\":{}}", "a"), JF_NEED_DOM);
        /* the top level is never a field */
        CHECK_INT(run1(&r, "{\"b\":{}}", ""), JF_OK);
        /* an object where nothing is wanted is only validated */
        CHECK_INT(run1(&r, "{\"b\":{\"a\":{}}}", "a"), JF_OK);
        CHECK_INT(n_got(&r), 0);
    }
    TEST("repeated keys: the last one wins")
    {
        /* a repeated wanted key: jansson keeps the last, the scanner defers */
        CHECK_INT(run1(&r, "{\"a\":1,\"a\":2}", "a"), JF_NEED_DOM);
        CHECK_INT(run1(&r, "{\"a\":{\"b\":1},\"a\":2}", "a.b"), JF_NEED_DOM);
        CHECK_INT(run1(&r, "{\"x\":{\"a\":1,\"a\":2}}", "x.a"), JF_NEED_DOM);
        CHECK_INT(run1(&r, "{\"a\":1,\"\\u0061\":2}", "a"), JF_NEED_DOM);
        /* unwanted repeats do not matter */
        CHECK_INT(run1(&r, "{\"b\":1,\"b\":2,\"a\":3}", "a"), JF_OK);
        CHECK(got_int(&r, 0, "a", 3));
        /* the same key in two different objects is not a repeat */
        CHECK_INT(run1(&r, "[{\"a\":1},{\"a\":2}]", "0.a"), JF_OK);
        CHECK(got_int(&r, 0, "0.a", 1));
        const char *j = "{\"x\":[{\"a\":1},{\"a\":2}],\"y\":{\"a\":3}}";
        const char *const f[] = {"x.1.a", "y.a"};
        CHECK_INT(run_fields(&r, j, strlen(j), f, 2), JF_OK);
        CHECK(got_int(&r, 0, "x.1.a", 2));
        CHECK(got_int(&r, 1, "y.a", 3));
    }
    TEST("meta keys")
    {
        const char *j = "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"awsRegion\":\"us-\\u0065ast-1\","
                        "\"time\":1700000000,\"timestamp\":1.5,\"readOnly\":true,"
                        "\"logFiles\":[],\"digestStartTime\":null,\"Records\":{},"
                        "\"recipientAccountId\":\"1\",\"recipientAccountId\":\"2\"}";
        CHECK_INT(run_fields(&r, j, strlen(j), NULL, 0), JF_OK);
        struct ingest_plan plan;
        plan_of(&plan, NULL, 0);
        struct jf_plan *jp = jf_plan_new(&plan, jfd_meta_keys, JFD_N_META);
        struct jf_scanner *s = jf_scanner_new(jp);
        CHECK_INT(jf_scan(s, j, strlen(j), &r.b), JF_OK);
        const struct jf_value *m = jf_meta(s);
        CHECK_INT(jf_root_kind(s), JF_OBJECT);
        CHECK_INT(m[0].kind, JF_STRING);
        CHECK(m[0].len == 20 && memcmp(m[0].str, "2024-01-01T00:00:00Z", 20) == 0);
        CHECK_INT(m[1].kind, JF_ABSENT);                          /* @timestamp */
        CHECK_INT(m[2].kind, JF_REAL);                            /* timestamp */
        CHECK(m[2].dval == 1.5);
        CHECK_INT(m[3].kind, JF_INT);                             /* time */
        CHECK_INT(m[3].ival, 1700000000);
        CHECK_INT(m[4].kind, JF_STRING);                          /* last one wins */
        CHECK(m[4].len == 1 && m[4].str[0] == '2');
        CHECK_INT(m[5].kind, JF_STRING);                          /* unescaped */
        CHECK(m[5].len == 9 && memcmp(m[5].str, "us-east-1", 9) == 0);
        CHECK_INT(m[6].kind, JF_NULL);
        CHECK_INT(m[7].kind, JF_ARRAY);
        CHECK_INT(m[8].kind, JF_OBJECT);
        CHECK_INT(m[9].kind, JF_TRUE);
        /* only top-level keys are meta keys */
        const char *k = "{\"x\":{\"eventTime\":\"no\"}}";
        CHECK_INT(jf_scan(s, k, strlen(k), &r.b), JF_OK);
        CHECK_INT(jf_meta(s)[0].kind, JF_ABSENT);
        CHECK_INT(jf_scan(s, "[{\"eventTime\":\"no\"}]", 20, &r.b), JF_OK);
        CHECK_INT(jf_root_kind(s), JF_ARRAY);
        CHECK_INT(jf_meta(s)[0].kind, JF_ABSENT);
        jf_scanner_free(s);
        jf_plan_free(jp);
        /* the same with the all-fields plan, which also adds the fields */
        struct ingest_plan all;
        plan_init_all(&all);
        jp = jf_plan_new(&all, jfd_meta_keys, JFD_N_META);
        CHECK(jp != NULL);
        s = jf_scanner_new(jp);
        rb_reset(&r.b);
        rb_begin(&r.b, 1);
        const char *j2 = "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"awsRegion\":\"us-\\u0065ast-1\","
                         "\"time\":1700000000,\"timestamp\":1.5,\"readOnly\":true,"
                         "\"logFiles\":[],\"digestStartTime\":null,\"Records\":{\"x\":[7]},"
                         "\"recipientAccountId\":\"2\",\"\":false}";
        CHECK_INT(jf_scan(s, j2, strlen(j2), &r.b), JF_OK);
        m = jf_meta(s);
        CHECK_INT(jf_root_kind(s), JF_OBJECT);
        CHECK_INT(m[0].kind, JF_STRING);
        CHECK(m[0].len == 20 && memcmp(m[0].str, "2024-01-01T00:00:00Z", 20) == 0);
        CHECK_INT(m[1].kind, JF_ABSENT);
        CHECK_INT(m[2].kind, JF_REAL);
        CHECK(m[2].dval == 1.5);
        CHECK_INT(m[3].kind, JF_INT);
        CHECK_INT(m[3].ival, 1700000000);
        CHECK_INT(m[4].kind, JF_STRING);
        CHECK(m[4].len == 1 && m[4].str[0] == '2');
        CHECK_INT(m[5].kind, JF_STRING);
        CHECK(m[5].len == 9 && memcmp(m[5].str, "us-east-1", 9) == 0);
        CHECK_INT(m[6].kind, JF_NULL);
        CHECK_INT(m[7].kind, JF_ARRAY);
        CHECK_INT(m[8].kind, JF_OBJECT);
        CHECK_INT(m[9].kind, JF_TRUE);
        CHECK_INT(m[10].kind, JF_FALSE);                          /* the key "" */
        CHECK_INT(n_got(&r), 8);
        CHECK(got_str(&r, 0, "eventTime", "2024-01-01T00:00:00Z", 20));
        CHECK(got_str(&r, 1, "awsRegion", "us-east-1", 9));
        CHECK(got_int(&r, 2, "time", 1700000000));
        CHECK(got_real(&r, 3, "timestamp", 1.5));
        CHECK(got_bool(&r, 4, "readOnly", 1));
        CHECK(got_json(&r, 5, "logFiles", "[]")); /* an empty container is a leaf */
        CHECK(got_int(&r, 6, "Records.x.0", 7));
        CHECK(got_str(&r, 7, "recipientAccountId", "2", 1));
        CHECK_INT(jf_scan(s, k, strlen(k), &r.b), JF_OK);
        CHECK_INT(jf_meta(s)[0].kind, JF_ABSENT);
        /* a repeated meta key is a repeated key: the DOM decides */
        CHECK_INT(jf_scan(s, j, strlen(j), &r.b), JF_NEED_DOM);
        jf_scanner_free(s);
        jf_plan_free(jp);
    }
    *r_ = r;
}

/* [{"k0":0,"k1":1,...}] with n keys; with `repeat`, key k<repeat-1> once more at the end. */
static char *wide_object(size_t n, size_t repeat)
{
    struct strbuf sb = STRBUF_INIT;
    sb_putc(&sb, '{');
    for (size_t i = 0; i < n; i++)
        sb_printf(&sb, "%s\"k%zu\":%zu", i ? "," : "", i, i);
    if (repeat)
        sb_printf(&sb, ",\"k%zu\":-1", repeat - 1);
    sb_putc(&sb, '}');
    return sb_detach(&sb);
}

/* ---- the all-fields plan ---- */

static void all_fields_cases(struct runner *r_)
{
    struct runner r = *r_;
    TEST("all fields: kinds, null and empty containers")
    {
        /* null is no field; an empty object or array is a leaf holding
         * its JSON text (an index of every field must know it is there) */
        CHECK_INT(run_all(&r, "{\"s\":\"x\",\"i\":-3,\"d\":2.5,\"t\":true,\"f\":false,"
                              "\"n\":null,\"o\":{},\"a\":[],\"e\":\"\"}"), JF_OK);
        CHECK_INT(n_got(&r), 8);
        CHECK(got_str(&r, 0, "s", "x", 1));
        CHECK(got_int(&r, 1, "i", -3));
        CHECK(got_real(&r, 2, "d", 2.5));
        CHECK(got_bool(&r, 3, "t", 1));
        CHECK(got_bool(&r, 4, "f", 0));
        CHECK(got_json(&r, 5, "o", "{}"));
        CHECK(got_json(&r, 6, "a", "[]"));
        CHECK(got_str(&r, 7, "e", "", 0));
        CHECK_INT(run_all(&r, "{}"), JF_OK); /* the record itself is no field */
        CHECK_INT(n_got(&r), 0);
        CHECK_INT(run_all(&r, "[null,{},[[]],{\"a\":null}]"), JF_OK);
        CHECK_INT(n_got(&r), 2);
        CHECK(got_json(&r, 0, "1", "{}"));
        CHECK(got_json(&r, 1, "2.0", "[]"));
        /* escapes are decoded, the rest is copied */
        CHECK_INT(run_all(&r, "{\"a\":\"x\\ny\\u00e9\",\"b\":\"\xc3\xa9\"}"), JF_OK);
        CHECK(got_str(&r, 0, "a", "x\ny\xc3\xa9", 5));
        CHECK(got_str(&r, 1, "b", "\xc3\xa9", 2));
    }
    TEST("all fields: deep arrays of objects, document order")
    {
        const char *j = "{\"a\":[{\"b\":[{\"c\":1},{\"c\":[2,3]}]},{\"b\":[]},"
                        "{\"b\":[[],[{\"d\":\"x\"}]]}],\"z\":true,\"y\":[[[[4]]]]}";
        CHECK_INT(run_all(&r, j), JF_OK);
        CHECK_INT(n_got(&r), 8);
        CHECK(got_int(&r, 0, "a.0.b.0.c", 1));
        CHECK(got_int(&r, 1, "a.0.b.1.c.0", 2));
        CHECK(got_int(&r, 2, "a.0.b.1.c.1", 3));
        CHECK(got_json(&r, 3, "a.1.b", "[]"));
        CHECK(got_json(&r, 4, "a.2.b.0", "[]"));
        CHECK(got_str(&r, 5, "a.2.b.1.0.d", "x", 1));
        CHECK(got_bool(&r, 6, "z", 1));
        CHECK(got_int(&r, 7, "y.0.0.0.0", 4));
        /* keys are not sorted: document order */
        CHECK_INT(run_all(&r, "{\"b\":1,\"a\":{\"d\":2,\"c\":3}}"), JF_OK);
        CHECK(got_int(&r, 0, "b", 1));
        CHECK(got_int(&r, 1, "a.d", 2));
        CHECK(got_int(&r, 2, "a.c", 3));
        /* a top-level array: names start with the index */
        CHECK_INT(run_all(&r, "[{\"a\":1},[\"x\"],5]"), JF_OK);
        CHECK_INT(n_got(&r), 3);
        CHECK(got_int(&r, 0, "0.a", 1));
        CHECK(got_str(&r, 1, "1.0", "x", 1));
        CHECK(got_int(&r, 2, "2", 5));
        /* indexes of two and more digits */
        CHECK_INT(run_all(&r, "{\"a\":[0,1,2,3,4,5,6,7,8,9,10,11]}"), JF_OK);
        CHECK_INT(n_got(&r), 12);
        CHECK(got_int(&r, 9, "a.9", 9));
        CHECK(got_int(&r, 10, "a.10", 10));
        CHECK(got_int(&r, 11, "a.11", 11));
        struct strbuf sb = STRBUF_INIT;
        sb_puts(&sb, "[");
        for (int i = 0; i < 1001; i++)
            sb_puts(&sb, i ? ",[7]" : "[7]");
        sb_puts(&sb, "]");
        CHECK_INT(run_all_n(&r, sb.buf, sb.len, NULL), JF_OK);
        CHECK_INT(n_got(&r), 1001);
        CHECK(got_int(&r, 1000, "1000.0", 7));
        CHECK(got_int(&r, 999, "999.0", 7));
        sb_free(&sb);
    }
    TEST("all fields: nesting at jansson's limit")
    {
        /* the leaf at depth 2048 (2047 objects, then the scalar) */
        struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
        for (int i = 0; i < 2047; i++) {
            sb_puts(&sb, "{\"k\":");
            sb_puts(&path, i ? ".k" : "k");
        }
        sb_puts(&sb, "7");
        for (int i = 0; i < 2047; i++)
            sb_putc(&sb, '}');
        CHECK_INT(run_all_n(&r, sb.buf, sb.len, NULL), JF_OK);
        CHECK_INT(n_got(&r), 1);
        CHECK(got_int(&r, 0, path.buf, 7));
        sb_reset(&sb);
        for (int i = 0; i < 2048; i++)
            sb_puts(&sb, "{\"k\":");
        sb_puts(&sb, "7");
        for (int i = 0; i < 2048; i++)
            sb_putc(&sb, '}');
        CHECK_INT(run_all_n(&r, sb.buf, sb.len, NULL), JF_INVALID);
        sb_free(&sb);
        sb_reset(&path);
        /* 2047 arrays: the 1 is element 0 of each, "0.0. ... .0" */
        char *s = nested(2047, "1");
        CHECK_INT(run_all(&r, s), JF_OK);
        for (int i = 0; i < 2047; i++)
            sb_puts(&path, i ? ".0" : "0");
        CHECK_INT(n_got(&r), 1);
        CHECK(got_int(&r, 0, path.buf, 1));
        free(s);
        s = nested(2048, "1");
        CHECK_INT(run_all(&r, s), JF_INVALID);
        free(s);
        sb_free(&path);
    }
    TEST("all fields: keys with dots")
    {
        /* a dotted key and a nested path give the same name: the second
         * leaf is numbered by flatten, a.b#2, so the scanner leaves it */
        CHECK_INT(run_all(&r, "{\"a.b\":1,\"a\":{\"b\":2}}"), JF_NEED_DOM);
        run_flatten(&r, "{\"a.b\":1,\"a\":{\"b\":2}}", NULL, 0);
        CHECK_INT(n_got(&r), 2);
        CHECK(got_int(&r, 0, "a.b", 1));
        CHECK(got_int(&r, 1, "a.b#2", 2));
        CHECK_INT(run_all(&r, "{\"a\":{\"b\":2},\"a.b\":1}"), JF_NEED_DOM);
        run_flatten(&r, "{\"a\":{\"b\":2},\"a.b\":1}", NULL, 0);
        CHECK(got_int(&r, 0, "a.b", 2));
        CHECK(got_int(&r, 1, "a.b#2", 1));
        /* the next free number: a key "b#2" is there already */
        run_flatten(&r, "{\"a.b\":1,\"a\":{\"b#2\":3,\"b\":2},\"a.b#3\":4}", NULL, 0);
        CHECK_INT(n_got(&r), 4);
        CHECK(got_int(&r, 0, "a.b", 1));
        CHECK(got_int(&r, 1, "a.b#2", 3));
        CHECK(got_int(&r, 2, "a.b#3", 2));
        CHECK(got_int(&r, 3, "a.b#3#2", 4));
        /* a null takes no name */
        CHECK_INT(run_all(&r, "{\"a.b\":null,\"a\":{\"b\":2}}"), JF_OK);
        CHECK_INT(n_got(&r), 1);
        CHECK(got_int(&r, 0, "a.b", 2));
        /* dotted keys whose names do not meet: the scanner keeps them */
        CHECK_INT(run_all(&r, "{\".\":1,\"x.\":{\".y\":2},\"..\":[3]}"), JF_OK);
        CHECK(got_int(&r, 0, ".", 1));
        CHECK(got_int(&r, 1, "x...y", 2));
        CHECK(got_int(&r, 2, "...0", 3));
        /* a key that looks like an index */
        CHECK_INT(run_all(&r, "{\"a\":{\"0\":1},\"b\":[2]}"), JF_OK);
        CHECK(got_int(&r, 0, "a.0", 1));
        CHECK(got_int(&r, 1, "b.0", 2));
    }
    TEST("all fields: empty keys")
    {
        /* flatten adds no dot below the empty path, and never a field named "" */
        CHECK_INT(run_all(&r, "{\"\":1}"), JF_OK);
        CHECK_INT(n_got(&r), 0);
        CHECK_INT(run_all(&r, "{\"\":{\"x\":1},\"x\":2}"), JF_NEED_DOM);
        run_flatten(&r, "{\"\":{\"x\":1},\"x\":2}", NULL, 0);
        CHECK_INT(n_got(&r), 2);
        CHECK(got_int(&r, 0, "x", 1));
        CHECK(got_int(&r, 1, "x#2", 2));
        CHECK_INT(run_all(&r, "{\"\":[5]}"), JF_OK);
        CHECK(got_int(&r, 0, "0", 5));
        CHECK_INT(run_all(&r, "{\"\":{\"\":{\"\":\"v\"}}}"), JF_OK);
        CHECK_INT(n_got(&r), 0);
        CHECK_INT(run_all(&r, "{\"a\":{\"\":1}}"), JF_OK);
        CHECK(got_int(&r, 0, "a.", 1));
        CHECK_INT(run_all(&r, "{\"a\":{\"\":{\"\":\"v\"}}}"), JF_OK);
        CHECK(got_str(&r, 0, "a..", "v", 1));
        CHECK_INT(run_all(&r, "[{\"\":1}]"), JF_OK);
        CHECK(got_int(&r, 0, "0.", 1));
        CHECK_INT(run_all(&r, "{\"\":{\"\":[{\"\":2}]}}"), JF_OK);
        CHECK(got_int(&r, 0, "0.", 2));
    }
    TEST("all fields: escapes in keys")
    {
        CHECK_INT(run_all(&r, "{\"\\u00e9t\\u00e9\":\"x\"}"), JF_OK);
        CHECK(got_str(&r, 0, "\xc3\xa9t\xc3\xa9", "x", 1));           /* "été" */
        CHECK_INT(run_all(&r, "{\"a\\u002eb\":1}"), JF_OK);              /* an escaped dot */
        CHECK(got_int(&r, 0, "a.b", 1));
        CHECK_INT(run_all(&r, "{\"\\ud83d\\ude00\":{\"k\":1}}"), JF_OK);
        CHECK(got_int(&r, 0, "\xf0\x9f\x98\x80.k", 1));
        CHECK_INT(run_all(&r, "{\"\\\"q\\\\\\/\":{\"\\t\":[true]}}"), JF_OK);
        CHECK(got_bool(&r, 0, "\"q\\/.\t.0", 1));
        /* keys longer than the first path buffer, escaped and not */
        CHECK_INT(run_all(&r, "{\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                              "0123456789\\n\":{\"0123456789abcdef0123456789abcdef0123456789abcdef"
                              "0123456789abcdef0123456789\":1}}"), JF_OK);
        CHECK(got_int(&r, 0, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                             "0123456789\n.0123456789abcdef0123456789abcdef0123456789abcdef"
                             "0123456789abcdef0123456789", 1));
        CHECK_INT(run_all(&r, "{\"\\ud800\":{\"x\\udfff\":1}}"), JF_OK);
        CHECK(got_int(&r, 0, "\xef\xbf\xbd.x\xef\xbf\xbd", 1));
        CHECK_INT(run_all(&r, "{\"a\\u0000b\":{\"\\u0000\":2}}"), JF_OK);
        CHECK(got_int(&r, 0, "a\xef\xbf\xbd" "b.\xef\xbf\xbd", 2));
    }
    TEST("all fields: repeated keys need the DOM")
    {
        /* jansson keeps the last value, at the first key's place:
         * {"a":1,"b":2,"a":3} flattens to a=3 b=2 */
        CHECK_INT(run_all(&r, "{\"a\":1,\"b\":2,\"a\":3}"), JF_NEED_DOM);
        CHECK_INT(run_all(&r, "{\"x\":{\"a\":1,\"a\":null}}"), JF_NEED_DOM);
        CHECK_INT(run_all(&r, "{\"a\":1,\"\\u0061\":2}"), JF_NEED_DOM);
        CHECK_INT(run_all(&r, "{\"\\u0061\":1,\"a\":2}"), JF_NEED_DOM);
        CHECK_INT(run_all(&r, "{\"\\u00e9\":1,\"\\u00E9\":2}"), JF_NEED_DOM);
        CHECK_INT(run_all(&r, "{\"\":1,\"\":2}"), JF_NEED_DOM);
        CHECK_INT(run_all(&r, "[{\"a\":{},\"a\":{}}]"), JF_NEED_DOM);
        /* not repeats: the same key in different objects, or at other depths */
        CHECK_INT(run_all(&r, "[{\"a\":1},{\"a\":2}]"), JF_OK);
        CHECK(got_int(&r, 0, "0.a", 1));
        CHECK(got_int(&r, 1, "1.a", 2));
        CHECK_INT(run_all(&r, "{\"a\":{\"a\":{\"a\":1}},\"b\":{\"a\":2}}"), JF_OK);
        CHECK(got_int(&r, 0, "a.a.a", 1));
        CHECK(got_int(&r, 1, "b.a", 2));
        CHECK_INT(run_all(&r, "{\"a\":1,\"A\":2,\"a \":3,\"\\u00e9\":4,\"\xc3\xa9 \":5}"), JF_OK);
        CHECK_INT(n_got(&r), 5);
        /* a repeat after a broken text: either answer sends it to jansson */
        CHECK(run_all(&r, "{\"a\":1,\"a\":2,") != JF_OK);
    }
    TEST("all fields: wide objects and scanner reuse")
    {
        struct ingest_plan all;
        plan_init_all(&all);
        struct jf_plan *jp = jf_plan_new(&all, jfd_meta_keys, JFD_N_META);
        struct jf_scanner *s = jf_scanner_new(jp);
        char *w = wide_object(20000, 0);
        CHECK_INT(run_all_n(&r, w, strlen(w), s), JF_OK);
        CHECK_INT(n_got(&r), 20000);
        CHECK(got_int(&r, 0, "k0", 0));
        CHECK(got_int(&r, 19999, "k19999", 19999));
        free(w);
        w = wide_object(20000, 12345);                /* k12344 again at the end */
        CHECK_INT(run_all_n(&r, w, strlen(w), s), JF_NEED_DOM);
        free(w);
        w = wide_object(20000, 1);                    /* k0 again */
        CHECK_INT(run_all_n(&r, w, strlen(w), s), JF_NEED_DOM);
        free(w);
        /* small records after big ones: no key of an earlier record lingers */
        for (int i = 0; i < 3; i++) {
            const char *t1 = "{\"k0\":1,\"k1\":{\"k0\":2}}", *t2 = "{\"k0\":1,\"k0\":2}";
            CHECK_INT(run_all_n(&r, t1, strlen(t1), s), JF_OK);
            CHECK_INT(n_got(&r), 2);
            CHECK(got_int(&r, 1, "k1.k0", 2));
            CHECK_INT(run_all_n(&r, t2, strlen(t2), s), JF_NEED_DOM);
        }
        w = wide_object(100, 0);
        CHECK_INT(run_all_n(&r, w, strlen(w), s), JF_OK);
        CHECK_INT(n_got(&r), 100);
        free(w);
        jf_scanner_free(s);
        jf_plan_free(jp);
    }
    *r_ = r;
}

/* ---- regression cases from the fuzzer ---- */

static void fuzz_regressions(struct runner *r_)
{
    struct runner r = *r_;
    TEST("jansson drops one NUL byte after a number or literal")
    {
        /* found reading jansson's load.c (stream_unget of a NUL), confirmed
         * against json_loadb: the byte after a number or identifier is read
         * and put back, and a NUL put back is lost */
        VALID("[1\0]");
        VALID("[true\0]");
        VALID("[false\0]");
        VALID("[null\0,2]");
        VALID("[1.5\0]");
        VALID("[1e5\0]");
        VALID("[-0\0]");
        VALID("{\"b\":1\0}");
        CHECK_INT(run_fields(&r, "{\"a\":7\0,\"b\":true\0}", 18, fields_a, 1), JF_OK);
        CHECK(got_int(&r, 0, "a", 7));
        /* the fuzzer's first finding (crash-18b930f5, after 140k runs) */
        VALID("{\"etvee\":\"221T0\",\"i\":2\0}");
        INVALID("[1\0\0]");          /* only one */
        INVALID("[\"a\"\0]");         /* not after a string */
        INVALID("[1]\0");             /* nor after the top-level value */
        INVALID("[{}\0]");
        INVALID("[1\0 2]");
        INVALID("[\0]");
        INVALID("[-\0]");
        INVALID("[1.\0]");
        INVALID("[1e\0]");
        INVALID("[tru\0e]");
    }
    TEST("the NUL byte after a number jansson refuses is dropped with it")
    {
        /* found by the fuzzer (crash-939fe8c2, a Records file whose
         * 18446744073709551616 was followed by a NUL byte): jdom_load's
         * rewrite turned the number into a string, after which jansson
         * keeps the NUL (and fails) */
        VALID("{\"b\":18446744073709551616\0}");
        VALID("[1e999\0,-9223372036854775809\0]");
        CHECK_INT(run_fields(&r, "{\"a\":18446744073709551616\0}", 27, fields_a, 1), JF_OK);
        CHECK(got_str(&r, 0, "a", "18446744073709551616", 20));
        INVALID("[1e999\0\0]");     /* still only one */
    }
    *r_ = r;
}

/* ---- corpora ---- */

/* Fixed plans (names as NULL-terminated lists). */
static const char *const plan_nested[] = {
    "eventName", "userIdentity.arn", "userIdentity.sessionContext.sessionIssuer.userName",
    "resources.0.ARN", "resources.1.ARN", "resources.0.type",
    "requestParameters.instancesSet.items.0.instanceId", "requestParameters.bucketName",
    "responseElements.ConsoleLogin", "additionalEventData.MFAUsed", "tlsDetails.tlsVersion",
    "errorCode", "sourceIPAddress", "logEvents.0.message", "logEvents.1.id",
    "Records.0.eventName", "0.eventName", "1.eventID", "Events.0.CloudTrailEvent",
    "eventTime", "readOnly", "managementEvent", NULL,
};
static const char *const plan_objects[] = {
    "userIdentity", "requestParameters", "resources", "responseElements",
    "userIdentity.sessionContext", "Records", "0", NULL,
};
static const char *const plan_missing[] = {
    "nope", "nope.x", "eventName.x", "resources.99.ARN", "resources.x", "", ".eventName",
    "eventName.", "userIdentity..arn", "resources.00.ARN", "resources.-1.ARN", NULL,
};
static const char *const plan_none[] = {NULL};

static size_t list_len(const char *const *l)
{
    size_t n = 0;
    while (l[n])
        n++;
    return n;
}

/* The fixed plans, built once. */
struct fixed_plan {
    struct ingest_plan plan;  /* the names */
    struct jf_plan *jp;       /* built from them */
    struct jf_scanner *s;     /* a scanner of jp */
};

enum { N_FIXED = 5 };

struct corpus {
    struct runner *r;
    struct fixed_plan fixed[N_FIXED]; /* plan_nested, plan_objects, plan_missing, plan_none,
                                         and the all-fields plan */
    long need_dom[N_FIXED];     /* JF_NEED_DOM answers under each fixed plan */
    const char *file;     /* for reports */
    long n_records;       /* records checked */
    long n_failed;        /* records with a disagreement */
    struct strbuf names;  /* per-record plan: field names, NUL-separated */
};

/* Per-record plan from the DOM: every leaf path (all_fields flatten), or
 * every top-level key. */
static size_t record_plan(struct corpus *c, const json_t *dom, bool leaves, const char ***out)
{
    sb_reset(&c->names);
    size_t n = 0;
    if (leaves) {
        struct rec_batch b = {0};
        struct ingest_plan all;
        plan_init_all(&all);
        rb_begin(&b, 1);
        flatten_json(&b, dom, NULL, &all);
        /* flatten checks a plan by linear search: keep big records' plans
         * to about 256 names, spread over the whole record */
        size_t step = b.n_fields / 256 + 1;
        for (size_t i = 0; i < b.n_fields; i += step) {
            sb_append(&c->names, rb_text(&b, b.fields[i].name_off), b.fields[i].name_len);
            sb_putc(&c->names, '\0');
            n++;
        }
        rb_free(&b);
    } else if (json_is_object(dom)) {
        const char *key;
        const json_t *v;
        json_object_foreach((json_t *)dom, key, v) {
            (void)v;
            sb_puts(&c->names, key);
            sb_putc(&c->names, '\0');
            n++;
        }
    }
    const char **names = xcalloc(n ? n : 1, sizeof *names);
    const char *p = sb_str(&c->names);
    for (size_t i = 0; i < n; i++) {
        names[i] = p;
        p += strlen(p) + 1;
    }
    *out = names;
    return n;
}

/* Check one record under every plan (`full`), or under plan_nested and
 * the all-fields plan only (the line pass, mostly fragments of
 * pretty-printed records). */
static void check_record(struct corpus *c, const char *p, size_t n, int lookup_depth, bool full)
{
    json_t *dom = jdom_load(p, n, 0, NULL);
    struct ingest_plan plan;
    int bad = 0;
    for (size_t i = 0; i < N_FIXED; i++) {
        if (!full && i != 0 && i != N_FIXED - 1)
            continue;
        long before = c->r->diff.n_need_dom;
        bad |= diff_one(c->r, p, n, dom, &c->fixed[i].plan, c->fixed[i].s, c->file);
        c->need_dom[i] += c->r->diff.n_need_dom - before;
    }
    if (dom && full) {
        for (int leaves = 0; leaves < 2; leaves++) {
            const char **names;
            size_t k = record_plan(c, dom, leaves, &names);
            plan_of(&plan, names, k);
            bad |= diff_one(c->r, p, n, dom, &plan, NULL, c->file);
            free(names);
        }
        /* lookup-events: the event is a JSON text inside a string */
        const json_t *inner = json_object_get(dom, "CloudTrailEvent");
        if (lookup_depth == 0 && json_is_string(inner))
            check_record(c, json_string_value(inner), json_string_length(inner), 1, true);
    }
    json_decref(dom);
    c->n_records++;
    c->n_failed += bad != 0;
}

/* The elements of the array p[0..n) (p[0] == '['), each as a record. */
static void check_elements(struct corpus *c, const char *p, size_t n)
{
    size_t i = 1;
    for (;;) {
        i = js_skip_ws(p, n, i);
        if (i >= n || p[i] == ']')
            return;
        size_t e;
        const char *why;
        if (js_value_end(p + i, n - i, &e, &why) != JS_OK)
            return;
        check_record(c, p + i, e, 0, true);
        i = js_skip_ws(p, n, i + e);
        if (i >= n || p[i] != ',')
            return;
        i++;
    }
}

/* The arrays held by the top-level keys of the object p[0..n) (Records,
 * Events, logEvents, ...): their elements, each as a record. */
static void check_wrapped(struct corpus *c, const char *p, size_t n)
{
    size_t i = 1;
    for (;;) {
        i = js_skip_ws(p, n, i);
        if (i >= n || p[i] != '"')
            return;
        size_t e;
        const char *why;
        if (js_value_end(p + i, n - i, &e, &why) != JS_OK)
            return;
        i = js_skip_ws(p, n, i + e);
        if (i >= n || p[i] != ':')
            return;
        i = js_skip_ws(p, n, i + 1);
        if (i >= n || js_value_end(p + i, n - i, &e, &why) != JS_OK)
            return;
        if (p[i] == '[')
            check_elements(c, p + i, e);
        i = js_skip_ws(p, n, i + e);
        if (i >= n || p[i] != ',')
            return;
        i++;
    }
}

static void check_text(struct corpus *c, const char *p, size_t n)
{
    /* values back to back, as the readers split them */
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while ((i = js_skip_ws(p, n, i)) < n) {
        size_t e;
        const char *why;
        if ((p[i] == '{' || p[i] == '[') && js_value_end(p + i, n - i, &e, &why) == JS_OK) {
            check_record(c, p + i, e, 0, true);
            if (p[i] == '[')
                check_elements(c, p + i, e);
            else if (p[i] == '{')
                check_wrapped(c, p + i, e);
            i += e;
        } else {
            /* not an object or array, or broken: the readers skip the line */
            const char *nl = memchr(p + i, '\n', n - i);
            i = nl ? (size_t)(nl - p) + 1 : n;
        }
    }
    /* and every line on its own (JSON lines; fragments of the others) */
    for (i = 0; i < n;) {
        const char *nl = memchr(p + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - p) : n;
        check_record(c, p + i, e - i, 0, false);
        i = e + 1;
    }
}

/* Read a file, inflating gzip (zlib reads plain files as they are). */
static int read_file(const char *path, struct strbuf *out)
{
    sb_reset(out);
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return -1;
    char buf[65536];
    int n;
    while ((n = gzread(gz, buf, sizeof buf)) > 0)
        sb_append(out, buf, (size_t)n);
    int err;
    gzerror(gz, &err);
    gzclose(gz);
    return n < 0 && err != Z_BUF_ERROR ? -1 : 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under dir, sorted. */
static void list_files(const char *dir, char ***files, size_t *n, size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char *path = xasprintf("%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            list_files(path, files, n, cap);
            free(path);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            *files = xgrow(*files, cap, *n + 1, sizeof **files);
            (*files)[(*n)++] = path;
        } else {
            free(path);
        }
    }
    closedir(d);
}

static void check_tree(struct runner *r, const char *dir, const char *label)
{
    char **files = NULL;
    size_t n = 0, cap = 0;
    list_files(dir, &files, &n, &cap);
    qsort(files, n, sizeof *files, cmp_str);
    struct corpus c = {.r = r};
    const char *const *fixed[] = {plan_nested, plan_objects, plan_missing, plan_none};
    for (size_t i = 0; i < N_FIXED; i++) {
        if (i < 4)
            plan_of(&c.fixed[i].plan, fixed[i], list_len(fixed[i]));
        else
            plan_init_all(&c.fixed[i].plan);
        c.fixed[i].jp = jf_plan_new(&c.fixed[i].plan, jfd_meta_keys, JFD_N_META);
        c.fixed[i].s = jf_scanner_new(c.fixed[i].jp);
    }
    struct strbuf text = STRBUF_INIT;
    long unreadable = 0;
    long before_ok = r->diff.n_ok, before_inv = r->diff.n_invalid,
         before_dom = r->diff.n_need_dom, before_checks = r->diff.n_checks;
    for (size_t i = 0; i < n; i++) {
        c.file = files[i];
        if (read_file(files[i], &text) != 0) {
            /* a corrupt .gz (testdata/bad) is read up to where it breaks */
            unreadable++;
        }
        check_text(&c, text.buf ? text.buf : "", text.len);
        free(files[i]);
    }
    free(files);
    sb_free(&text);
    sb_free(&c.names);
    for (size_t i = 0; i < N_FIXED; i++) {
        jf_scanner_free(c.fixed[i].s);
        jf_plan_free(c.fixed[i].jp);
    }
    printf("%s: %zu files (%ld cut short), %ld records, %ld checks: %ld compared, %ld both "
           "invalid, %ld JF_NEED_DOM; %ld records disagree\n",
           label, n, unreadable, c.n_records, r->diff.n_checks - before_checks,
           r->diff.n_ok - before_ok, r->diff.n_invalid - before_inv,
           r->diff.n_need_dom - before_dom, c.n_failed);
    printf("%s: JF_NEED_DOM under the fixed plans: nested leaves %ld, objects %ld, missing %ld, "
           "none %ld; all fields %ld of %ld records (repeated keys)\n", label, c.need_dom[0],
           c.need_dom[1], c.need_dom[2], c.need_dom[3], c.need_dom[4], c.n_records);
    TEST(label)
    {
        CHECK(n > 0);
        CHECK(c.n_records > 0);
        CHECK_INT(c.n_failed, 0);
    }
}

int main(void)
{
    struct runner r = {0};
    hand_cases(&r);
    all_fields_cases(&r);
    fuzz_regressions(&r);
    check_tree(&r, "testdata", "differential: testdata");
    /* The larger corpus, $SHARED/data (tests/run.sh and make unit set
     * SHARED), when it is there; without it the three checks of
     * check_tree() are counted as skipped. */
    const char *shared = getenv("SHARED");
    char *dir = xasprintf("%s/data", shared ? shared : "");
    struct stat st;
    if (shared && *shared && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        check_tree(&r, dir, "differential: $SHARED/data");
    else
        test_skip(3, "differential: $SHARED/data (the larger corpus is not here)");
    free(dir);
    rb_free(&r.b);
    jfd_free(&r.diff);
    return test_report("jsonfields");
}
