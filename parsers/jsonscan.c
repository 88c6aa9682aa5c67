/*
 * jsonscan.c — splitting and compacting JSON text without parsing it
 * (see jsonscan.h).
 */
#include "parsers/jsonscan.h"

#include <string.h>

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t js_skip_ws(const char *p, size_t n, size_t from)
{
    while (from < n && is_ws((unsigned char)p[from]))
        from++;
    return from;
}

size_t js_count_lines(const char *p, size_t n)
{
    size_t count = 0;
    const char *end = p + n;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        count++;
        p++;
    }
    return count;
}

/* Offset just past the closing quote of the string starting at p[i] == '"',
 * or 0 if the buffer ends first. */
static size_t string_end(const char *p, size_t n, size_t i)
{
    i++;
    while (i < n) {
        const char *q = p + i;
        /* jump to the next quote or backslash */
        size_t rem = n - i;
        const char *dq = memchr(q, '"', rem);
        if (!dq)
            return 0;
        const char *bs = memchr(q, '\\', (size_t)(dq - q));
        if (!bs)
            return (size_t)(dq - p) + 1;
        i = (size_t)(bs - p) + 2; /* skip the escaped character */
    }
    return 0;
}

enum js_status js_value_end(const char *p, size_t n, size_t *end, const char **why)
{
    char stack[JS_MAX_DEPTH];
    size_t depth = 0;
    size_t i = 0;
    if (n == 0)
        return JS_MORE;
    unsigned char c = (unsigned char)p[0];
    if (c == '"') {
        size_t e = string_end(p, n, 0);
        if (!e)
            return JS_MORE;
        *end = e;
        return JS_OK;
    }
    if (c != '{' && c != '[') {
        /* a scalar: runs until a delimiter */
        while (i < n) {
            c = (unsigned char)p[i];
            if (is_ws(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"')
                break;
            i++;
        }
        if (i == n)
            return JS_MORE;
        if (i == 0) {
            *end = 0;
            *why = "unexpected character";
            return JS_ERROR;
        }
        *end = i;
        return JS_OK;
    }
    while (i < n) {
        c = (unsigned char)p[i];
        switch (c) {
        case '"': {
            size_t e = string_end(p, n, i);
            if (!e)
                return JS_MORE;
            i = e;
            continue;
        }
        case '{':
        case '[':
            if (depth >= JS_MAX_DEPTH) {
                *end = i;
                *why = "nesting too deep";
                return JS_ERROR;
            }
            stack[depth++] = (char)c;
            break;
        case '}':
        case ']':
            if (depth == 0 || stack[depth - 1] != (c == '}' ? '{' : '[')) {
                *end = i;
                *why = c == '}' ? "unexpected '}'" : "unexpected ']'";
                return JS_ERROR;
            }
            if (--depth == 0) {
                *end = i + 1;
                return JS_OK;
            }
            break;
        default:
            break;
        }
        i++;
    }
    return JS_MORE;
}

void js_compact(const char *p, size_t n, struct strbuf *out)
{
    sb_reserve(out, n);
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        if (c == '"') {
            size_t e = string_end(p, n, i);
            if (!e)
                e = n;
            run += e - i;
            i = e;
            continue;
        }
        if (is_ws(c)) {
            sb_append(out, p + i - run, run);
            run = 0;
            i++;
            continue;
        }
        run++;
        i++;
    }
    sb_append(out, p + n - run, run);
}

int js_needs_compact(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        if (c == '"') {
            size_t e = string_end(p, n, i);
            if (!e)
                return 0;
            i = e;
            continue;
        }
        if (is_ws(c))
            return 1;
        i++;
    }
    return 0;
}
