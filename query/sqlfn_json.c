/*
 * sqlfn_json.c — the Insights JSON functions as SQL functions (reference
 * §5.5): tq_jsonparse, tq_jsonget (the compiler's access into a jsonParse
 * result: js.a.b, js[0]), tq_jsonstringify, tq_jsonarraysize,
 * tq_jsonarraycontains. sqlfn_register_json() installs them.
 *
 * In SQL a map or list (VT_JSON, VT_LIST) is its compact JSON text. Parsing
 * uses jansson, which keeps object keys in document order; output is written
 * here so that numbers look as everywhere else (numfmt: 1.5, 1e+20, a real
 * with an integral value such as 2.0 as 2) and strings are escaped by
 * sb_json_quote. Text is read as events are (base/jsondom.h): a number
 * beyond int64 or a double keeps its text (tq_jsonget gives that text, as
 * an event field holds it), \u0000 and a lone surrogate escape are U+FFFD.
 * Only a JSON object or array counts as JSON text: "5", "\"x\""
 * and "true" are plain values.
 *
 * Values of tq_jsonget: strings as TEXT, integers as INTEGER, reals as REAL,
 * true/false as TEXT 'true'/'false' (how JSON booleans are stored), null or
 * absent as NULL, objects and arrays as compact JSON text.
 *
 * tq_jsonarraycontains(arr, v) is 1 when some element equals v, else 0
 * (also for missing, invalid or non-array input): a string element when it
 * equals v's text byte for byte (case-sensitive; a number v by its rendered
 * text); a number element when v is a number or numeric text of the same
 * value; true/false when v is the text 'true'/'false' or the number 1/0
 * (the literal true compiles to 1); an object or array element when v is
 * JSON text of an equal value; null never.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsondom.h"
#include "base/strbuf.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* s[0..n) parsed as a JSON object or array, or NULL. The caller owns the
 * result (json_decref). Read as events are (jsondom.h): a number beyond
 * int64 or a double keeps its text, \u0000 and a lone surrogate are U+FFFD,
 * so jsonParse(@message) reads every record the loader reads, with the
 * values its fields hold. */
static json_t *load_container(const char *s, size_t n)
{
    return jdom_load(s, n, 0, NULL);
}

/* The argument's text parsed as a JSON object or array, or NULL. */
static json_t *load_arg(sqlite3_value *v)
{
    if (sqlite3_value_type(v) != SQLITE_TEXT && sqlite3_value_type(v) != SQLITE_BLOB)
        return NULL;
    const char *s = (const char *)sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    return s ? load_container(s, n) : NULL;
}

/* Set the TEXT result to j's compact JSON. */
static void result_dump(sqlite3_context *ctx, const json_t *j)
{
    struct strbuf sb = STRBUF_INIT;
    jdom_dump(&sb, j);
    size_t len = sb.len;
    sqlite3_result_text64(ctx, sb_detach(&sb), len, free, SQLITE_UTF8);
}

static void fn_jsonparse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    json_t *j = load_arg(argv[0]);
    if (!j) {
        sqlite3_result_null(ctx);
        return;
    }
    result_dump(ctx, j);
    json_decref(j);
}

/* An array index from an SQL key: a non-negative integer, or text made only
 * of digits. False otherwise. */
static bool index_key(sqlite3_value *key, size_t *idx)
{
    double d;
    long long i;
    bool is_int;
    if (sqlite3_value_type(key) == SQLITE_TEXT) {
        const char *s = (const char *)sqlite3_value_text(key);
        size_t n = (size_t)sqlite3_value_bytes(key);
        if (n == 0 || strspn(s, "0123456789") != n)
            return false;
    }
    if (!sqlfn_value_number(key, &d, &i, &is_int))
        return false;
    if (!is_int) {
        if (!(d >= 0 && d <= 9e18) || d != (double)(long long)d)
            return false;
        i = (long long)d;
    }
    if (i < 0)
        return false;
    *idx = (size_t)i;
    return true;
}

static void fn_jsonget(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    json_t *j = load_arg(argv[0]);
    json_t *val = NULL;
    if (j && json_is_object(j)) {
        char buf[NUMFMT_MAX];
        size_t n;
        const char *key = sqlfn_value_text(argv[1], &n, buf);
        if (key)
            val = json_object_getn(j, key, n);
    } else if (j && json_is_array(j)) {
        size_t idx;
        if (index_key(argv[1], &idx))
            val = json_array_get(j, idx);
    }
    switch (val ? json_typeof(val) : JSON_NULL) {
    case JSON_STRING: {
        /* a number kept as text is that text, as an event field holds it */
        size_t len;
        const char *t = jdom_bignum(val, &len);
        if (!t) {
            t = json_string_value(val);
            len = json_string_length(val);
        }
        sqlite3_result_text64(ctx, t, len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    case JSON_INTEGER:
        sqlite3_result_int64(ctx, (sqlite3_int64)json_integer_value(val));
        break;
    case JSON_REAL:
        sqlite3_result_double(ctx, json_real_value(val));
        break;
    case JSON_TRUE:
        sqlite3_result_text(ctx, "true", 4, SQLITE_STATIC);
        break;
    case JSON_FALSE:
        sqlite3_result_text(ctx, "false", 5, SQLITE_STATIC);
        break;
    case JSON_NULL:
        sqlite3_result_null(ctx);
        break;
    case JSON_OBJECT:
    case JSON_ARRAY:
        result_dump(ctx, val);
        break;
    }
    json_decref(j);
}

static void fn_jsonstringify(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char buf[NUMFMT_MAX];
    size_t n;
    int type = sqlite3_value_type(argv[0]);
    const char *s = sqlfn_value_text(argv[0], &n, buf);
    if (!s) {
        sqlite3_result_null(ctx);
        return;
    }
    if (type == SQLITE_INTEGER || type == SQLITE_FLOAT ||
        (n == 4 && memcmp(s, "true", 4) == 0) || (n == 5 && memcmp(s, "false", 5) == 0)) {
        sqlite3_result_text64(ctx, s, n, SQLITE_TRANSIENT, SQLITE_UTF8);
        return;
    }
    json_t *j = load_container(s, n);
    if (j) {
        result_dump(ctx, j);
        json_decref(j);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_json_quote(&sb, s, n);
    size_t len = sb.len;
    sqlite3_result_text64(ctx, sb_detach(&sb), len, free, SQLITE_UTF8);
}

static void fn_jsonarraysize(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    json_t *j = load_arg(argv[0]);
    if (j && json_is_array(j))
        sqlite3_result_int64(ctx, (sqlite3_int64)json_array_size(j));
    else
        sqlite3_result_null(ctx);
    json_decref(j);
}

/* Does the array element el equal the SQL value v (rules at the top)? */
static bool element_equals(const json_t *el, sqlite3_value *v)
{
    int type = sqlite3_value_type(v);
    char buf[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(v, &n, buf);
    if (!s)
        return false;
    bool text_true = type == SQLITE_TEXT && n == 4 && memcmp(s, "true", 4) == 0;
    bool text_false = type == SQLITE_TEXT && n == 5 && memcmp(s, "false", 5) == 0;
    double d = 0;
    long long i = 0;
    bool is_int = false, numeric = false;
    if (type == SQLITE_INTEGER || type == SQLITE_FLOAT ||
        (type == SQLITE_TEXT && !text_true && !text_false))
        numeric = sqlfn_value_number(v, &d, &i, &is_int);

    switch (json_typeof(el)) {
    case JSON_STRING: {
        size_t len;
        const char *big = jdom_bignum(el, &len);
        if (big) /* a number kept as text: the same text, or the same value */
            return (len == n && memcmp(big, s, n) == 0) ||
                   (numeric && strtod(big, NULL) == (is_int ? (double)i : d));
        return json_string_length(el) == n && memcmp(json_string_value(el), s, n) == 0;
    }
    case JSON_INTEGER:
        if (!numeric)
            return false;
        if (is_int)
            return (long long)json_integer_value(el) == i;
        return (double)json_integer_value(el) == d;
    case JSON_REAL:
        return numeric && json_real_value(el) == d;
    case JSON_TRUE:
        return text_true || (type != SQLITE_TEXT && numeric && d == 1);
    case JSON_FALSE:
        return text_false || (type != SQLITE_TEXT && numeric && d == 0);
    case JSON_OBJECT:
    case JSON_ARRAY: {
        if (type != SQLITE_TEXT)
            return false;
        json_t *other = load_container(s, n);
        bool eq = other && json_equal((json_t *)el, other);
        json_decref(other);
        return eq;
    }
    case JSON_NULL:
        return false;
    }
    return false;
}

static void fn_jsonarraycontains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    json_t *j = load_arg(argv[0]);
    bool found = false;
    if (j && json_is_array(j))
        for (size_t k = 0; !found && k < json_array_size(j); k++)
            found = element_equals(json_array_get(j, k), argv[1]);
    json_decref(j);
    sqlite3_result_int(ctx, found);
}

static const struct sqlfn_entry json_fns[] = {
    {"tq_jsonparse", 1, 0, fn_jsonparse},
    {"tq_jsonget", 2, 0, fn_jsonget},
    {"tq_jsonstringify", 1, 0, fn_jsonstringify},
    {"tq_jsonarraysize", 1, 0, fn_jsonarraysize},
    {"tq_jsonarraycontains", 2, 0, fn_jsonarraycontains},
};

int sqlfn_register_json(sqlite3 *db)
{
    return sqlfn_register_table(db, json_fns, sizeof json_fns / sizeof json_fns[0]);
}
