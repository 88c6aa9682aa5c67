/*
 * jsondom.c — jansson with trailq's reading and writing rules (see
 * jsondom.h).
 *
 * The rewrite for what jansson refuses copies the text once, turning each
 * number jansson cannot hold into the string "\u0000<number>" and each
 * \u0000 escape and each unpaired surrogate escape (\uD83D alone) into
 * \uFFFD, and hands the copy to jansson with
 * JSON_ALLOW_NUL. Line and column numbers of errors stay those of the
 * original text: the rewrite never adds or removes a line break.
 */
#include "base/jsondom.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/chars.h"
#include "base/numfmt.h"

/* Is tok[0..n) a JSON number (RFC 8259 grammar, completely) that jansson
 * refuses: an integer outside int64, or a number beyond a double? */
static bool refused_number(const char *tok, size_t n)
{
    size_t i = 0;
    bool neg = n && tok[0] == '-';
    if (neg)
        i++;
    size_t int_start = i;
    if (i < n && tok[i] == '0')
        i++;
    else
        while (i < n && ch_is_digit(tok[i]))
            i++;
    size_t n_int = i - int_start;
    if (n_int == 0)
        return false;
    bool real = false;
    if (i < n && tok[i] == '.') {
        size_t f = ++i;
        while (i < n && ch_is_digit(tok[i]))
            i++;
        if (i == f)
            return false;
        real = true;
    }
    if (i < n && (tok[i] == 'e' || tok[i] == 'E')) {
        i++;
        if (i < n && (tok[i] == '+' || tok[i] == '-'))
            i++;
        size_t e = i;
        while (i < n && ch_is_digit(tok[i]))
            i++;
        if (i == e)
            return false;
        real = true;
    }
    if (i != n)
        return false;
    if (!real) {
        if (n_int != 19)
            return n_int > 19;
        return memcmp(tok + int_start, neg ? "9223372036854775808" : "9223372036854775807",
                      19) > 0;
    }
    char small[64];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return false;
    memcpy(buf, tok, n);
    buf[n] = '\0';
    errno = 0;
    double d = strtod(buf, NULL);
    bool over = (d == HUGE_VAL || d == -HUGE_VAL) && errno == ERANGE;
    if (buf != small)
        free(buf);
    return over;
}

/* The value of the 4 hex digits at p, or -1. */
static int32_t hex4(const char *p)
{
    int a = ch_hex_value(p[0]), b = ch_hex_value(p[1]), c = ch_hex_value(p[2]),
        d = ch_hex_value(p[3]);
    if ((a | b | c | d) < 0)
        return -1;
    return (int32_t)((a << 12) | (b << 8) | (c << 4) | d);
}

/* The \u escape at p[i] (p[i+1] == 'u', 6 bytes there): 1 when jansson
 * refuses it but it reads as U+FFFD (\u0000, a surrogate without its
 * pair), 2 for a whole surrogate pair (12 bytes), 0 otherwise. */
static int u_escape(const char *p, size_t n, size_t i)
{
    int32_t v = hex4(p + i + 2);
    if (v == 0 || (v >= 0xDC00 && v <= 0xDFFF))
        return 1;
    if (v < 0xD800 || v > 0xDBFF)
        return 0;
    int32_t lo = n - i >= 12 && p[i + 6] == '\\' && p[i + 7] == 'u' ? hex4(p + i + 8) : -1;
    return lo >= 0xDC00 && lo <= 0xDFFF ? 2 : 1;
}

/* Copy p[0..n) into out with refused numbers as "\u0000<text>" strings and
 * \u0000 and unpaired surrogate escapes as \uFFFD. Bytes that are not
 * valid JSON are copied as they are, for jansson to report. */
static void rewrite(const char *p, size_t n, struct strbuf *out)
{
    size_t i = 0, copied = 0;
    sb_reserve(out, n + 64);
    while (i < n) {
        char c = p[i];
        if (c == '"') {
            for (i++; i < n && p[i] != '"'; i++) {
                if (p[i] != '\\' || i + 1 >= n)
                    continue;
                int u = p[i + 1] == 'u' && n - i >= 6 ? u_escape(p, n, i) : 0;
                if (u == 1) {
                    sb_append(out, p + copied, i - copied);
                    sb_puts(out, "\\uFFFD");
                    copied = i + 6;
                    i += 5;
                } else if (u == 2) {
                    i += 11; /* a pair: both escapes as they are */
                } else {
                    i++; /* the escaped character */
                }
            }
            i++;
            continue;
        }
        if (c == '-' || ch_is_digit(c)) {
            size_t start = i;
            while (i < n && (ch_is_digit(p[i]) || p[i] == '-' || p[i] == '+' || p[i] == '.' ||
                             p[i] == 'e' || p[i] == 'E'))
                i++;
            if (refused_number(p + start, i - start)) {
                sb_append(out, p + copied, start - copied);
                sb_puts(out, "\"\\u0000");
                sb_append(out, p + start, i - start);
                sb_putc(out, '"');
                copied = i;
                /* jansson skips one NUL byte right after a number, not after
                 * a string: drop it with the number (found by the fuzzer) */
                if (i < n && p[i] == '\0')
                    copied = ++i;
            }
            continue;
        }
        i++;
    }
    sb_append(out, p + copied, n - copied);
}

json_t *jdom_load(const char *p, size_t n, size_t flags, json_error_t *err)
{
    json_error_t local;
    json_error_t *e = err ? err : &local;
    json_t *v = json_loadb(p, n, flags, e);
    if (v)
        return v;
    enum json_error_code code = json_error_code(e);
    if (code != json_error_numeric_overflow && code != json_error_null_character &&
        code != json_error_null_byte_in_key &&
        strncmp(e->text, "invalid Unicode '", 17) != 0) /* an unpaired surrogate */
        return NULL;
    struct strbuf text = STRBUF_INIT;
    rewrite(p, n, &text);
    v = json_loadb(text.buf ? text.buf : "", text.len, flags | JSON_ALLOW_NUL, e);
    sb_free(&text);
    return v;
}

json_t *jdom_first_object(const char *p, size_t n, size_t *at)
{
    const char *from = p;
    for (int tries = 0; tries < 16; tries++) {
        const char *brace = memchr(from, '{', n - (size_t)(from - p));
        if (!brace)
            return NULL;
        json_t *v = jdom_load(brace, n - (size_t)(brace - p), JSON_DISABLE_EOF_CHECK, NULL);
        if (v && json_is_object(v)) {
            *at = (size_t)(brace - p);
            return v;
        }
        json_decref(v);
        from = brace + 1;
    }
    return NULL;
}

const char *jdom_bignum(const json_t *v, size_t *len)
{
    if (!json_is_string(v))
        return NULL;
    size_t n = json_string_length(v);
    const char *s = json_string_value(v);
    if (n < 2 || s[0] != '\0')
        return NULL;
    *len = n - 1;
    return s + 1;
}

const char *jdom_string(const json_t *v, size_t *len)
{
    if (!json_is_string(v))
        return NULL;
    size_t n = json_string_length(v);
    const char *s = json_string_value(v);
    if (n >= 2 && s[0] == '\0')
        return NULL;
    if (len)
        *len = n;
    return s;
}

void jdom_dump(struct strbuf *out, const json_t *v)
{
    char num[NUMFMT_MAX];
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        bool first = true;
        sb_putc(out, '{');
        for (void *it = json_object_iter((json_t *)v); it;
             it = json_object_iter_next((json_t *)v, it)) {
            if (!first)
                sb_putc(out, ',');
            first = false;
            sb_json_quote(out, json_object_iter_key(it), json_object_iter_key_len(it));
            sb_putc(out, ':');
            jdom_dump(out, json_object_iter_value(it));
        }
        sb_putc(out, '}');
        break;
    }
    case JSON_ARRAY:
        sb_putc(out, '[');
        for (size_t k = 0; k < json_array_size(v); k++) {
            if (k)
                sb_putc(out, ',');
            jdom_dump(out, json_array_get(v, k));
        }
        sb_putc(out, ']');
        break;
    case JSON_STRING: {
        size_t len;
        const char *big = jdom_bignum(v, &len);
        if (big)
            sb_append(out, big, len);
        else
            sb_json_quote(out, json_string_value(v), json_string_length(v));
        break;
    }
    case JSON_INTEGER:
        sb_append(out, num, fmt_int((long long)json_integer_value(v), num));
        break;
    case JSON_REAL:
        sb_append(out, num, fmt_double(json_real_value(v), num));
        break;
    case JSON_TRUE:
        sb_puts(out, "true");
        break;
    case JSON_FALSE:
        sb_puts(out, "false");
        break;
    case JSON_NULL:
        sb_puts(out, "null");
        break;
    }
}

/* jansson's messages (load.c) and ours. "%s" in `plain` takes the word
 * that follows jansson's prefix (a byte or an escape); what comes after
 * that word (" near '...'") is kept. */
static const struct {
    const char *jansson; /* the start of jansson's text */
    const char *plain;   /* what trailq says */
} messages[] = {
    {"unable to decode byte ", "invalid UTF-8 (byte %s)"},
    {"premature end of input", "the text ends inside a value"},
    {"unexpected newline", "a line break inside a string"},
    {"control character ", "a control character (%s) inside a string"},
    {"invalid escape", "an invalid escape in a string"},
    {"invalid Unicode escape ", "an invalid \\u escape (%s) in a string"},
    {"invalid Unicode ", "an unpaired UTF-16 surrogate (%s) in a string"},
    {"too big negative integer", "a number out of range"},
    {"too big integer", "a number out of range"},
    {"real number overflow", "a number out of range"},
    {"maximum parsing depth reached", "nesting deeper than 2048 levels"},
    {"string or '}' expected", "expected a key in double quotes or '}'"},
    {"':' expected", "expected ':' after a key"},
    {"'}' expected", "expected ',' or '}'"},
    {"']' expected", "expected ',' or ']'"},
    {"'[' or '{' expected", "not a JSON object or array"},
    {"invalid token", "not a JSON value"},
    {"unexpected token", "expected a value"},
    {"end of file expected", "more text after the end of the value"},
    {"\\u0000 is not allowed", "\\u0000 in a string"},
    {"NUL byte in object key", "\\u0000 in a key"},
};

/* Append s (jansson's quote of the input near an error) with every byte
 * that could act on a terminal written as \xNN: C0 controls, DEL, C1
 * controls (UTF-8 C2 80..C2 9F) and bytes that are not valid UTF-8. */
static void put_printable(struct strbuf *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        size_t len = 0;
        if (c >= 0x20 && c < 0x7f)
            len = 1;
        else if (c >= 0xC2 && c < 0xE0 && (p[1] & 0xC0) == 0x80 && !(c == 0xC2 && p[1] < 0xA0))
            len = 2;
        else if (c >= 0xE0 && c < 0xF0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
            len = 3;
        else if (c >= 0xF0 && c < 0xF5 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
                 (p[3] & 0xC0) == 0x80)
            len = 4;
        if (len) {
            sb_append(out, (const char *)p, len);
            p += len;
            continue;
        }
        char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
        sb_append(out, esc, 4);
        p++;
    }
}

void jdom_error(struct strbuf *out, const json_error_t *err)
{
    const char *t = err->text;
    for (size_t i = 0; i < sizeof messages / sizeof *messages; i++) {
        size_t k = strlen(messages[i].jansson);
        if (strncmp(t, messages[i].jansson, k) != 0)
            continue;
        const char *rest = t + k;
        const char *word = rest;
        if (strstr(messages[i].plain, "%s")) {
            rest = strstr(word, " near ");
            if (!rest)
                rest = word + strlen(word);
        } else {
            /* the rest of jansson's sentence, up to " near ..." */
            const char *near = strstr(rest, " near ");
            rest = near ? near : rest + strlen(rest);
        }
        const char *pct = strstr(messages[i].plain, "%s");
        if (pct) {
            sb_append(out, messages[i].plain, (size_t)(pct - messages[i].plain));
            sb_append(out, word, (size_t)(rest - word));
            sb_puts(out, pct + 2);
        } else {
            sb_puts(out, messages[i].plain);
        }
        put_printable(out, rest);
        return;
    }
    put_printable(out, t);
}
