/*
 * jsonscan.c — splitting and compacting JSON text without parsing it
 * (see jsonscan.h).
 */
#include "parsers/jsonscan.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/chars.h"

size_t js_skip_ws(const char *p, size_t n, size_t from)
{
    while (from < n && ch_is_json_ws((unsigned char)p[from]))
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

/* Offset of the first byte at or after i that is a quote or a backslash
 * (n if none): sixteen bytes at a time where SSE2 is available. */
static size_t next_quote_or_escape(const char *p, size_t n, size_t i)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i bslash = _mm_set1_epi8('\\');
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)));
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i < n && p[i] != '"' && p[i] != '\\')
        i++;
    return i;
}

/* Offset of the first byte at or after i that can change the structure:
 * a quote or a bracket (n if none). */
static size_t next_structural(const char *p, size_t n, size_t i)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    /* '[' | 0x20 is '{' and ']' | 0x20 is '}'; no other byte maps to those */
    const __m128i lower = _mm_set1_epi8(0x20);
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i t = _mm_or_si128(v, lower);
        __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                 _mm_or_si128(_mm_cmpeq_epi8(t, open), _mm_cmpeq_epi8(t, close)));
        unsigned mask = (unsigned)_mm_movemask_epi8(m);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i < n && p[i] != '"' && p[i] != '{' && p[i] != '}' && p[i] != '[' && p[i] != ']')
        i++;
    return i;
}

/* Offset just past the closing quote of the string starting at p[i] == '"',
 * or 0 if the buffer ends first. */
static size_t string_end(const char *p, size_t n, size_t i)
{
    i++;
    for (;;) {
        i = next_quote_or_escape(p, n, i);
        if (i >= n)
            return 0;
        if (p[i] == '"')
            return i + 1;
        i += 2; /* skip the escaped character */
    }
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
            if (ch_is_json_ws(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"')
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
    while ((i = next_structural(p, n, i)) < n) {
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
                *why = JS_TOO_DEEP;
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

void js_resync_init(struct js_resync *r, const char *open, size_t n_open)
{
    r->depth = 0;
    r->in_str = r->esc = false;
    r->why = NULL;
    r->why_lines = r->lines = r->bytes = 0;
    for (size_t i = 0; i < n_open && i < JS_MAX_DEPTH; i++)
        r->kind[r->depth++] = open[i];
}

/* Note the first problem of the walk. */
static void problem(struct js_resync *r, const char *why)
{
    if (!r->why) {
        r->why = why;
        r->why_lines = r->lines;
    }
}

bool js_resync_walk(struct js_resync *r, const char *p, size_t n, size_t *used)
{
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\n') {
            if (r->in_str) {
                /* the string is broken on the line it ends */
                problem(r, "a line break inside a string");
                r->in_str = r->esc = false;
            }
            r->lines++;
            continue;
        }
        if (r->in_str) {
            if (r->esc) {
                r->esc = false;
            } else if (c == '\\') {
                r->esc = true;
            } else if (c == '"') {
                r->in_str = false;
            }
            continue;
        }
        switch (c) {
        case '"':
            r->in_str = true;
            continue;
        case '{':
        case '[':
            if (r->depth >= JS_MAX_DEPTH)
                problem(r, JS_TOO_DEEP);
            else
                r->kind[r->depth] = c;
            r->depth++;
            continue;
        case '}':
        case ']':
            break;
        default:
            continue;
        }
        char want = c == '}' ? '{' : '[';
        if (r->depth > JS_MAX_DEPTH) {
            r->depth--; /* only counted up there */
        } else {
            uint64_t k = r->depth;
            while (k > 0 && r->kind[k - 1] != want)
                k--;
            if (k == 0) {
                /* nothing of its kind is open: the value ends here */
                problem(r, c == '}' ? "unexpected '}'" : "unexpected ']'");
                r->depth = 0;
            } else {
                if (k != r->depth)
                    problem(r, r->kind[r->depth - 1] == '{' ? "expected '}' before ']'"
                                                            : "expected ']' before '}'");
                r->depth = k - 1;
            }
        }
        if (r->depth == 0) {
            r->bytes += i + 1;
            *used = i + 1;
            return true;
        }
    }
    r->bytes += n;
    return false;
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
        if (ch_is_json_ws(c)) {
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
        if (ch_is_json_ws(c))
            return 1;
        i++;
    }
    return 0;
}
