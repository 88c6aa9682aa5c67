/*
 * jsonfields.c — validating single-pass field extraction (see jsonfields.h).
 *
 * The wanted paths form a trie of path segments (split on '.'). A field
 * name is the path text P of a value: a key k of an object at path P gives
 * P + "." + k (just k when P is empty), element i of an array gives
 * P + "." + i. Keys may themselves contain dots, so a key is matched by
 * walking the trie one dot-separated piece at a time; two different keys of
 * one object can never reach the same node, which is how a repeated key is
 * noticed (each trie node remembers the stamp of the object it was last
 * seen in).
 *
 * The scanner is one loop over the bytes with an explicit stack of open
 * containers (no recursion). Values below no wanted path are validated but
 * nothing is decoded: strings are skipped 16 bytes at a time with SSE2
 * where available, stopping only at '"', '\\', control bytes and non-ASCII
 * bytes (UTF-8 is checked sequence by sequence).
 *
 * An all-fields plan has no trie: it keeps the dotted path of the current
 * value in one buffer, each open container remembering the path length at
 * its start, so a key or an index only truncates the buffer and appends
 * itself. Strings without escapes go from the text straight into the
 * batch. Every key is entered in a hash set of (object, key) pairs for the
 * record, so a repeated key is noticed in constant time however wide the
 * object.
 *
 * Both kinds of plan run the one loop of the grammar (scan_text); they
 * differ only in how a value is named (struct jf_at and the small
 * functions around it). The loop is inlined into each of scan_wanted and
 * scan_all with the kind as a constant, so each runs as fast as a loop
 * written for it alone.
 */
#include "parsers/jsonfields.h"

#include <assert.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/chars.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

/* The shared scan loop is inlined into each of its two callers, which stay
 * apart (see scan_wanted). */
#define ALWAYS_INLINE static inline __attribute__((always_inline))
#define NOINLINE __attribute__((noinline))

/* ---- the trie of wanted paths ---- */

struct jf_node {
    const char *path;       /* the dotted path (field name), NUL-terminated */
    size_t path_len;        /* its length */
    const char *label;      /* the last segment: a suffix of path */
    size_t label_len;       /* its length */
    int64_t index;          /* label as an array index ("0", "17"), or -1 */
    uint32_t id;            /* position in jf_plan.nodes */
    bool wanted;            /* the path is one of the plan's fields */
    bool counted;           /* wanted, or the base X of a wanted "X#N": a second
                               leaf here in one record means names repeat
                               (JF_NEED_DOM: flatten numbers them) */
    struct jf_node **kids;  /* longer wanted paths one segment down */
    size_t n_kids;
};

struct jf_plan {
    bool all_fields;        /* add every leaf (scan_all); the trie is only its root */
    struct jf_node **nodes; /* every node; nodes[0] is the root (empty path) */
    size_t n_nodes, cap_nodes;
    char **meta_keys;       /* top-level keys reported by every scan */
    size_t *meta_lens;      /* their lengths */
    size_t n_meta;
    locale_t c_locale;      /* for strtod_l: numbers use '.' whatever the locale */
};

/* One open container. */
struct jf_frame {
    const struct jf_node *node; /* trie node of its path; NULL when nothing below is wanted */
    uint64_t stamp;             /* objects with a node: instance stamp for repeated keys */
    uint32_t index;             /* arrays: index of the current element */
    size_t base;                /* all-fields: path length of the container itself */
    bool is_obj;                /* object (else array) */
    bool dotted;                /* its path went through a key with a dot, or an
                                   empty key: not a nested path (flatten.c) */
};

/* All-fields mode: one key of an object of the record being scanned. */
struct jf_key {
    uint64_t stamp;   /* the object's instance stamp */
    const char *raw;  /* the key's bytes in the text (no escapes), or NULL ... */
    size_t off;       /* ... then: offset of its decoded bytes in jf_scanner.key_text */
    size_t len;       /* its (decoded) length in bytes */
    uint32_t hash;    /* hash of the bytes and the stamp */
    uint32_t slot;    /* its slot in jf_scanner.key_tab */
};

/* Where a meta key's string value lies in the scanned text. */
struct jf_meta_raw {
    const char *raw;  /* first byte inside the quotes */
    size_t len;       /* bytes up to the closing quote */
    bool esc;         /* holds escapes: decode at the end */
    size_t off;       /* decoded: offset in jf_scanner.meta_text */
};

struct jf_scanner {
    const struct jf_plan *plan;   /* what to extract */
    struct jf_frame *stack;       /* JF_MAX_DEPTH open containers */
    uint64_t *seen;               /* per trie node: stamp of the object it was last a key of */
    uint64_t stamp;               /* last stamp handed out */
    uint64_t *hit;                /* per trie node: the scan that last gave it a leaf */
    uint64_t scan_no;             /* scans so far (this one's number) */
    struct strbuf scratch;        /* a decoded key or string value */
    struct strbuf numbuf;         /* a number's text, NUL-terminated, for strtod */
    struct strbuf meta_text;      /* decoded meta strings */
    struct jf_value *meta;        /* results for plan->meta_keys */
    struct jf_meta_raw *meta_raw; /* where string results lie before decoding */
    enum jf_kind root_kind;       /* kind of the top-level value */
    const char *text;             /* the text being scanned */
    bool prefix;                  /* jf_scan_prefix: stop after the first value */
    bool dotted;                  /* all-fields: the record has a key with a dot or an
                                     empty key, so its names may repeat */
    uint32_t *name_tab;           /* all-fields: a set of field indexes, to find them */
    size_t name_tab_cap;          /* its slots (a power of two) */
    size_t used;                  /* jf_scan_prefix: where that value ended */
    /* all-fields mode only */
    char *path;                   /* dotted path of the current value (not NUL-terminated) */
    size_t path_len, path_cap;    /* its length; bytes allocated */
    struct jf_key *keys;          /* keys of the record's objects, in order */
    size_t n_keys, cap_keys;
    uint32_t *key_tab;            /* open-addressing set: 1 + index in keys, 0 = free */
    size_t key_tab_cap;           /* slots (a power of two, 0 before the first key) */
    struct strbuf key_text;       /* decoded bytes of keys that held escapes */
};

static struct jf_node *node_new(struct jf_plan *jp, const char *path, size_t path_len,
                                size_t label_len)
{
    struct jf_node *nd = xcalloc(1, sizeof *nd);
    char *copy = xstrndup(path, path_len);
    nd->path = copy;
    nd->path_len = path_len;
    nd->label = copy + path_len - label_len;
    nd->label_len = label_len;
    nd->index = -1;
    /* canonical decimal, as flatten prints indexes: 0, or no leading zero */
    if (label_len > 0 && label_len <= 18 && (label_len == 1 || nd->label[0] != '0')) {
        int64_t v = 0;
        size_t i = 0;
        for (; i < label_len && ch_is_digit(nd->label[i]); i++)
            v = v * 10 + (nd->label[i] - '0');
        if (i == label_len)
            nd->index = v;
    }
    nd->id = (uint32_t)jp->n_nodes;
    jp->nodes = xgrow(jp->nodes, &jp->cap_nodes, jp->n_nodes + 1, sizeof *jp->nodes);
    jp->nodes[jp->n_nodes++] = nd;
    return nd;
}

static struct jf_node *find_kid(const struct jf_node *nd, const char *seg, size_t len)
{
    for (size_t i = 0; i < nd->n_kids; i++) {
        struct jf_node *k = nd->kids[i];
        if (k->label_len == len && (len == 0 || (k->label[0] == seg[0] &&
                                                 memcmp(k->label, seg, len) == 0)))
            return k;
    }
    return NULL;
}

static void plan_add_path(struct jf_plan *jp, const char *path, bool wanted)
{
    size_t len = strlen(path);
    struct jf_node *nd = jp->nodes[0];
    if (len == 0) {
        if (wanted)
            nd->wanted = true; /* never used: the top level is not a field */
        return;
    }
    size_t start = 0;
    for (;;) {
        const char *dot = memchr(path + start, '.', len - start);
        size_t end = dot ? (size_t)(dot - path) : len;
        struct jf_node *kid = find_kid(nd, path + start, end - start);
        if (!kid) {
            kid = node_new(jp, path, end, end - start);
            nd->kids = xrealloc(nd->kids, (nd->n_kids + 1) * sizeof *nd->kids);
            nd->kids[nd->n_kids++] = kid;
        }
        nd = kid;
        if (!dot)
            break;
        start = end + 1;
    }
    if (wanted)
        nd->wanted = true;
    nd->counted = true;
}

/* The length of X when name is "X#N" (N decimal digits), else 0. */
static size_t numbered_base(const char *name)
{
    const char *hash = strrchr(name, '#');
    if (!hash || hash == name || !hash[1] || strspn(hash + 1, "0123456789") != strlen(hash + 1))
        return 0;
    return (size_t)(hash - name);
}

struct jf_plan *jf_plan_new(const struct ingest_plan *plan, const char *const *meta_keys,
                            size_t n_meta)
{
    struct jf_plan *jp = xcalloc(1, sizeof *jp);
    jp->all_fields = plan->all_fields;
    node_new(jp, "", 0, 0);
    for (size_t i = 0; !jp->all_fields && i < plan->n_fields; i++) {
        plan_add_path(jp, plan->fields[i], true);
        size_t base = numbered_base(plan->fields[i]);
        if (base) {
            char *x = xstrndup(plan->fields[i], base);
            plan_add_path(jp, x, false);
            free(x);
        }
    }
    jp->n_meta = n_meta;
    jp->meta_keys = xcalloc(n_meta ? n_meta : 1, sizeof *jp->meta_keys);
    jp->meta_lens = xcalloc(n_meta ? n_meta : 1, sizeof *jp->meta_lens);
    for (size_t i = 0; i < n_meta; i++) {
        jp->meta_keys[i] = xstrdup(meta_keys[i]);
        jp->meta_lens[i] = strlen(meta_keys[i]);
    }
    jp->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return jp;
}

void jf_plan_free(struct jf_plan *jp)
{
    if (!jp)
        return;
    for (size_t i = 0; i < jp->n_nodes; i++) {
        free((char *)jp->nodes[i]->path);
        free(jp->nodes[i]->kids);
        free(jp->nodes[i]);
    }
    free(jp->nodes);
    for (size_t i = 0; i < jp->n_meta; i++)
        free(jp->meta_keys[i]);
    free(jp->meta_keys);
    free(jp->meta_lens);
    if (jp->c_locale)
        freelocale(jp->c_locale);
    free(jp);
}

struct jf_scanner *jf_scanner_new(const struct jf_plan *jp)
{
    struct jf_scanner *s = xcalloc(1, sizeof *s);
    s->plan = jp;
    s->stack = xmalloc(JF_MAX_DEPTH * sizeof *s->stack);
    s->seen = xcalloc(jp->n_nodes, sizeof *s->seen);
    s->hit = xcalloc(jp->n_nodes, sizeof *s->hit);
    s->meta = xcalloc(jp->n_meta ? jp->n_meta : 1, sizeof *s->meta);
    s->meta_raw = xcalloc(jp->n_meta ? jp->n_meta : 1, sizeof *s->meta_raw);
    return s;
}

void jf_scanner_free(struct jf_scanner *s)
{
    if (!s)
        return;
    free(s->stack);
    free(s->seen);
    free(s->hit);
    free(s->name_tab);
    free(s->meta);
    free(s->meta_raw);
    sb_free(&s->scratch);
    sb_free(&s->numbuf);
    sb_free(&s->meta_text);
    free(s->path);
    free(s->keys);
    free(s->key_tab);
    sb_free(&s->key_text);
    free(s);
}

enum jf_kind jf_root_kind(const struct jf_scanner *s)
{
    return s->root_kind;
}

const struct jf_value *jf_meta(const struct jf_scanner *s)
{
    return s->meta;
}

/* ---- lexical pieces ---- */

typedef const unsigned char *cursor;

static inline cursor skip_ws(cursor p, cursor end)
{
    while (p < end && ch_is_json_ws(*p))
        p++;
    return p;
}

/* jansson's quirk, reproduced: its lexer reads one byte past a number or
 * a true/false/null and puts it back, but a NUL byte put back is lost (its
 * one-character buffer treats NUL as "empty"). So one NUL byte right after
 * such a token is skipped: json_loadb accepts "[1\0]" as [1]. */
static inline cursor skip_nul(cursor p, cursor end)
{
    return p < end && *p == '\0' ? p + 1 : p;
}

/* Byte classes inside a string: 0 plain, 1 needs a look ('"', '\\',
 * control, non-ASCII). */
static const unsigned char str_special[256] = {
    /* 0x00-0x1f: control bytes */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
    /* 0x80-0xff: UTF-8 sequences */
    [0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The 4 hex digits at p (p + 4 <= end checked by the caller), or -1. */
static inline int32_t hex4(cursor p)
{
    int a = ch_hex_value(p[0]), b = ch_hex_value(p[1]), c = ch_hex_value(p[2]), d = ch_hex_value(p[3]);
    if ((a | b | c | d) < 0)
        return -1;
    return (int32_t)((a << 12) | (b << 8) | (c << 4) | d);
}

/* Length of the valid UTF-8 sequence (2-4 bytes) at p, whose first byte is
 * >= 0x80; 0 when invalid (jansson's utf8_check_first/utf8_check_full:
 * no overlong forms, no surrogates, nothing above U+10FFFF). */
static size_t utf8_seq(cursor p, cursor end)
{
    unsigned c = p[0];
    size_t avail = (size_t)(end - p);
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return avail >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && p[1] >= 0xA0)
            return 0; /* U+D800..U+DFFF */
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
            (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0; /* overlong */
        if (c == 0xF4 && p[1] >= 0x90)
            return 0; /* above U+10FFFF */
        return 4;
    }
    return 0;
}

/* Check the escape at p (p[0] == '\\'); returns its length (2, 6 or 12)
 * or 0 when jansson rejects it (unknown escape, bad hex). \u0000 and a
 * surrogate without its pair are accepted: they decode to U+FFFD
 * (base/jsondom.h). */
static size_t escape_len(cursor p, cursor end)
{
    if (end - p < 2)
        return 0;
    switch (p[1]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return 2;
    case 'u':
        break;
    default:
        return 0;
    }
    if (end - p < 6)
        return 0;
    int32_t v = hex4(p + 2);
    if (v < 0) /* bad hex */
        return 0;
    if (v < 0xD800 || v > 0xDBFF)
        return 6; /* also a low surrogate alone */
    if (end - p < 12 || p[6] != '\\' || p[7] != 'u')
        return 6;
    int32_t lo = hex4(p + 8);
    if (lo < 0xDC00 || lo > 0xDFFF)
        return 6;
    return 12;
}

/* Scan a string whose opening quote is just before p. Returns the
 * position just past the closing quote, or NULL when the string is invalid
 * or unterminated; *esc is set when it holds escapes. */
static cursor scan_string(cursor p, cursor end, bool *esc)
{
    for (;;) {
#ifdef __SSE2__
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i bslash = _mm_set1_epi8('\\');
        const __m128i space = _mm_set1_epi8(0x20);
        while (end - p >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
            /* signed compare: control bytes and bytes >= 0x80 are both < 0x20 */
            __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                  _mm_cmpeq_epi8(v, bslash)),
                                     _mm_cmplt_epi8(v, space));
            unsigned mask = (unsigned)_mm_movemask_epi8(m);
            if (mask) {
                p += __builtin_ctz(mask);
                goto special;
            }
            p += 16;
        }
#endif
        while (p < end && !str_special[*p])
            p++;
        if (p >= end)
            return NULL;
#ifdef __SSE2__
    special:
#endif
        if (*p == '"')
            return p + 1;
        if (*p == '\\') {
            size_t e = escape_len(p, end);
            if (!e)
                return NULL;
            *esc = true;
            p += e;
        } else if (*p < 0x20) {
            return NULL;
        } else {
            size_t e = utf8_seq(p, end);
            if (!e)
                return NULL;
            p += e;
        }
    }
}

static void put_utf8(struct strbuf *out, uint32_t cp)
{
    char buf[4];
    size_t n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_append(out, buf, n);
}

/* Append the unescaped text of a string already checked by scan_string:
 * raw[0..len) is what lies between the quotes. */
static void decode_string(struct strbuf *out, const char *raw, size_t len)
{
    const char *p = raw, *end = raw + len;
    while (p < end) {
        const char *bs = memchr(p, '\\', (size_t)(end - p));
        if (!bs) {
            sb_append(out, p, (size_t)(end - p));
            return;
        }
        sb_append(out, p, (size_t)(bs - p));
        char c = bs[1];
        p = bs + 2;
        switch (c) {
        case 'b': sb_putc(out, '\b'); break;
        case 'f': sb_putc(out, '\f'); break;
        case 'n': sb_putc(out, '\n'); break;
        case 'r': sb_putc(out, '\r'); break;
        case 't': sb_putc(out, '\t'); break;
        case 'u': {
            uint32_t cp = (uint32_t)hex4((cursor)p);
            p += 4;
            int32_t lo = cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 && p[0] == '\\' &&
                                 p[1] == 'u'
                             ? hex4((cursor)p + 2)
                             : -1;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                p += 6;
                cp = ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00) + 0x10000;
            } else if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                cp = 0xFFFD; /* as jdom_load reads it */
            }
            put_utf8(out, cp);
            break;
        }
        default: /* '"', '\\', '/' */
            sb_putc(out, c);
            break;
        }
    }
}

/* A number at p (first byte '-' or a digit). On success returns the end of
 * it and, when want_value, sets *kind and the value: JF_INT (*ival),
 * JF_REAL (*dval), or JF_NUMTEXT for a number jansson cannot hold (an
 * integer outside int64, a real that overflows a double), whose text is
 * the token itself. Returns NULL on bad grammar. */
static cursor scan_number(struct jf_scanner *s, cursor p, cursor end, bool want_value,
                          enum jf_kind *kind, int64_t *ival, double *dval)
{
    cursor start = p;
    bool neg = *p == '-';
    if (neg)
        p++;
    cursor digits = p;
    if (p >= end)
        return NULL;
    if (*p == '0') {
        p++;
        if (p < end && ch_is_digit(*p))
            return NULL;
    } else if (ch_is_digit(*p)) {
        p++;
        while (p < end && ch_is_digit(*p))
            p++;
    } else {
        return NULL;
    }
    size_t n_int = (size_t)(p - digits);
    bool real = false, has_exp = false;
    if (p < end && *p == '.') {
        p++;
        if (p >= end || !ch_is_digit(*p))
            return NULL;
        while (p < end && ch_is_digit(*p))
            p++;
        real = true;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || !ch_is_digit(*p))
            return NULL;
        while (p < end && ch_is_digit(*p))
            p++;
        real = has_exp = true;
    }
    if (!want_value)
        return p;
    if (!real) {
        *kind = JF_INT;
        if (n_int >= 19) {
            if (n_int > 19 ||
                memcmp(digits, neg ? "9223372036854775808" : "9223372036854775807", 19) > 0) {
                *kind = JF_NUMTEXT;
                return p;
            }
        }
        {
            uint64_t u = 0;
            for (cursor d = digits; d < p; d++)
                u = u * 10 + (uint64_t)(*d - '0');
            if (!neg)
                *ival = (int64_t)u;
            else if (u == (uint64_t)1 << 63)
                *ival = INT64_MIN;
            else
                *ival = -(int64_t)u;
        }
        return p;
    }
    *kind = JF_REAL;
    sb_reset(&s->numbuf);
    sb_append(&s->numbuf, (const char *)start, (size_t)(p - start));
    errno = 0;
    double v = s->plan->c_locale ? strtod_l(s->numbuf.buf, NULL, s->plan->c_locale)
                                 : strtod(s->numbuf.buf, NULL);
    if ((v == HUGE_VAL || v == -HUGE_VAL) && errno == ERANGE)
        *kind = JF_NUMTEXT;
    *dval = v;
    return p;
}

/* The trie node for key k of an object whose path node is nd, or NULL
 * when no wanted path goes through it. */
static const struct jf_node *key_node(const struct jf_plan *jp, const struct jf_node *nd,
                                      const char *k, size_t len)
{
    if (len == 0 && nd == jp->nodes[0])
        return nd; /* the path stays empty: children are named from the top */
    char at_name[256];
    char *heap = NULL;
    if (nd == jp->nodes[0] && k[0] == '@') {
        /* a name starting with '@' is exposed with another '@' (flatten.c) */
        char *buf = len + 1 <= sizeof at_name ? at_name : (heap = xmalloc(len + 1));
        buf[0] = '@';
        memcpy(buf + 1, k, len);
        k = buf;
        len++;
    }
    for (;;) {
        const char *dot = memchr(k, '.', len);
        size_t seg = dot ? (size_t)(dot - k) : len;
        nd = find_kid(nd, k, seg);
        if (!nd || !dot)
            break;
        k += seg + 1;
        len -= seg + 1;
    }
    free(heap);
    return nd;
}

static inline const struct jf_node *index_node(const struct jf_node *nd, uint32_t i)
{
    if (!nd)
        return NULL;
    for (size_t k = 0; k < nd->n_kids; k++)
        if (nd->kids[k]->index == (int64_t)i)
            return nd->kids[k];
    return NULL;
}

/* The meta key index for a top-level key, or -1. */
static int meta_index(const struct jf_plan *jp, const char *k, size_t len)
{
    for (size_t i = 0; i < jp->n_meta; i++)
        if (jp->meta_lens[i] == len &&
            (len == 0 || (jp->meta_keys[i][0] == k[0] &&
                          memcmp(jp->meta_keys[i], k, len) == 0)))
            return (int)i;
    return -1;
}

/* Decode the meta strings that held escapes; point the others into the text. */
static void finish_meta(struct jf_scanner *s)
{
    const struct jf_plan *jp = s->plan;
    sb_reset(&s->meta_text);
    for (size_t i = 0; i < jp->n_meta; i++) {
        struct jf_value *v = &s->meta[i];
        struct jf_meta_raw *r = &s->meta_raw[i];
        if (v->kind != JF_STRING)
            continue;
        if (!r->esc) {
            v->str = r->raw;
            v->len = r->len;
            continue;
        }
        r->off = s->meta_text.len;
        decode_string(&s->meta_text, r->raw, r->len);
        v->len = s->meta_text.len - r->off;
        v->str = NULL;
    }
    /* only now: meta_text may have moved while it grew */
    for (size_t i = 0; i < jp->n_meta; i++) {
        struct jf_value *v = &s->meta[i];
        if (v->kind == JF_STRING && s->meta_raw[i].esc)
            v->str = s->meta_text.buf + s->meta_raw[i].off;
    }
}

/* ---- every field (all-fields plans) ---- */

/* Room for `extra` more bytes in the path buffer. */
static inline void path_reserve(struct jf_scanner *s, size_t extra)
{
    if (s->path_len + extra > s->path_cap)
        s->path = xgrow(s->path, &s->path_cap, s->path_len + extra, 1);
}

/* Make the path that of member k[0..len) (decoded) of a container whose
 * own path is the first `base` bytes: flatten joins with a dot, except
 * below the empty path. */
static inline void path_set(struct jf_scanner *s, size_t base, const char *k, size_t len)
{
    s->path_len = base;
    path_reserve(s, len + 1);
    if (base)
        s->path[s->path_len++] = '.';
    else if (len && k[0] == '@')
        s->path[s->path_len++] = '@'; /* "@x" is exposed as "@@x", as flatten does */
    if (len)
        memcpy(s->path + s->path_len, k, len);
    s->path_len += len;
}

/* Make the path that of element i of an array whose path is `base` bytes. */
static inline void path_index(struct jf_scanner *s, size_t base, uint32_t i)
{
    char digits[10];
    size_t n = 0;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    path_set(s, base, digits + sizeof digits - n, n);
}

/* Hash of a key and its object's stamp, 8 bytes at a time (a byte-wise
 * hash was a fifth of the scan's time). Only spreads slots: equal keys
 * are compared byte for byte. */
static uint32_t key_hash(const char *k, size_t len, uint64_t stamp)
{
    const uint64_t mul = 0x9E3779B97F4A7C15ull;
    uint64_t h = (stamp + len) * mul;
    uint64_t w;
    for (; len >= 8; k += 8, len -= 8) {
        memcpy(&w, k, 8);
        h = (h ^ w) * mul;
        h ^= h >> 29;
    }
    /* the last 0-7 bytes without a byte loop (overlapping loads, as
     * wyhash does): a loop storing bytes to reload them as a word stalls */
    if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, k, 4);
        memcpy(&b, k + len - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (len) {
        w = (uint64_t)(unsigned char)k[0] << 16 | (uint64_t)(unsigned char)k[len / 2] << 8 |
            (unsigned char)k[len - 1];
    } else {
        w = 0;
    }
    h = (h ^ w) * mul;
    return (uint32_t)(h >> 32);
}

/* Double the key set (64 slots at first) and re-enter every key. */
static void keys_grow(struct jf_scanner *s)
{
    size_t cap = s->key_tab_cap ? s->key_tab_cap * 2 : 64;
    free(s->key_tab);
    s->key_tab = xcalloc(cap, sizeof *s->key_tab);
    s->key_tab_cap = cap;
    for (size_t i = 0; i < s->n_keys; i++) {
        size_t j = s->keys[i].hash & (cap - 1);
        while (s->key_tab[j])
            j = (j + 1) & (cap - 1);
        s->key_tab[j] = (uint32_t)(i + 1);
        s->keys[i].slot = (uint32_t)j;
    }
}

/* Forget the previous record's keys (only the slots they used, when the
 * set grew large for one big record). */
static void keys_reset(struct jf_scanner *s)
{
    if (s->n_keys * 4 >= s->key_tab_cap) {
        if (s->key_tab_cap)
            memset(s->key_tab, 0, s->key_tab_cap * sizeof *s->key_tab);
    } else {
        for (size_t i = 0; i < s->n_keys; i++)
            s->key_tab[s->keys[i].slot] = 0;
    }
    s->n_keys = 0;
    sb_reset(&s->key_text);
}

/* Enter key k[0..len) (decoded) of the object with `stamp`; raw is where
 * those bytes lie in the text when the key held no escape (else NULL: they
 * are copied). Returns false when that object already has the key. */
static bool keys_add(struct jf_scanner *s, uint64_t stamp, const char *k, size_t len,
                     const char *raw)
{
    if ((s->n_keys + 1) * 2 > s->key_tab_cap)
        keys_grow(s);
    assert((s->n_keys + 1) * 2 <= s->key_tab_cap); /* a free slot ends every probe */
    uint32_t h = key_hash(k, len, stamp);
    size_t mask = s->key_tab_cap - 1, j = h & mask;
    for (uint32_t e; (e = s->key_tab[j]) != 0; j = (j + 1) & mask) {
        const struct jf_key *o = &s->keys[e - 1];
        if (o->hash == h && o->stamp == stamp && o->len == len &&
            (len == 0 || memcmp(o->raw ? o->raw : s->key_text.buf + o->off, k, len) == 0))
            return false;
    }
    s->keys = xgrow(s->keys, &s->cap_keys, s->n_keys + 1, sizeof *s->keys);
    struct jf_key *nk = &s->keys[s->n_keys++];
    *nk = (struct jf_key){.stamp = stamp, .raw = raw, .len = len, .hash = h, .slot = (uint32_t)j};
    if (!raw) {
        nk->off = s->key_text.len;
        sb_append(&s->key_text, k, len);
    }
    s->key_tab[j] = (uint32_t)s->n_keys;
    return true;
}

/* Do two fields of the open record of b share a name? (Only after a key
 * with a dot or an empty key: otherwise names cannot repeat.) */
static bool names_repeat(struct jf_scanner *s, const struct rec_batch *b)
{
    assert(b->open); /* its fields are those of the open record */
    size_t first = b->cur.first_field, n = b->n_fields - first;
    size_t cap = 64;
    while (cap < n * 2)
        cap *= 2;
    if (s->name_tab_cap < cap) {
        free(s->name_tab);
        s->name_tab = xmalloc(cap * sizeof *s->name_tab);
        s->name_tab_cap = cap;
    }
    memset(s->name_tab, 0, s->name_tab_cap * sizeof *s->name_tab);
    size_t mask = s->name_tab_cap - 1;
    for (size_t i = 0; i < n; i++) {
        const struct rec_field *f = &b->fields[first + i];
        const char *name = rb_text(b, f->name_off);
        size_t j = key_hash(name, f->name_len, 0) & mask;
        for (uint32_t e; (e = s->name_tab[j]) != 0; j = (j + 1) & mask) {
            const struct rec_field *g = &b->fields[first + e - 1];
            if (g->name_len == f->name_len &&
                memcmp(rb_text(b, g->name_off), name, f->name_len) == 0)
                return true;
        }
        s->name_tab[j] = (uint32_t)(i + 1);
    }
    return false;
}

/* ---- the scan ---- */

/* A leaf at counted node nd: true when this record has had one there
 * already (two leaves with one name: a key holding a dot beside a nested
 * path), which flatten numbers. */
static inline bool leaf_again(struct jf_scanner *s, const struct jf_node *nd)
{
    if (s->hit[nd->id] == s->scan_no)
        return true;
    s->hit[nd->id] = s->scan_no;
    return false;
}

/* Where the value about to be read stands in the plan. With a trie
 * (`all` false) that is its node; with an all-fields plan, its dotted path
 * in s->path. */
struct jf_at {
    const struct jf_node *node; /* trie: the value's node; NULL when nothing wanted
                                   is at or below it */
    bool dotted;                /* trie: its path went through a key with a dot or
                                   an empty key */
    int meta;                   /* index of the meta key it is the value of, or -1 */
};

/* The name a leaf at `at` is added under: true with *name set (NULL when
 * the leaf is not wanted), false when the record must go through jansson
 * (a second leaf with this name). */
ALWAYS_INLINE bool leaf_name(struct jf_scanner *s, bool all, const struct jf_at *at,
                             const char **name, size_t *len)
{
    if (all) {
        *name = s->path_len ? s->path : NULL;
        *len = s->path_len;
        return true;
    }
    const struct jf_node *nd = at->node;
    *name = NULL;
    *len = 0;
    if (!nd)
        return true;
    if (nd->counted && leaf_again(s, nd))
        return false;
    if (nd->wanted && nd != s->plan->nodes[0]) {
        *name = nd->path;
        *len = nd->path_len;
    }
    return true;
}

/* A container opens at `at`: fill its frame. Returns false when the record
 * must go through jansson (a wanted object or array: flatten's JSON text,
 * except below a key with a dot, whose subtree is not the one the name
 * gives). */
ALWAYS_INLINE bool open_frame(struct jf_scanner *s, bool all, const struct jf_at *at,
                              struct jf_frame *f, bool obj)
{
    f->is_obj = obj;
    f->index = 0;
    if (all) {
        f->base = s->path_len;
        if (obj)
            f->stamp = ++s->stamp;
        return true;
    }
    const struct jf_node *nd = at->node;
    if (nd && nd->wanted && nd != s->plan->nodes[0] && !at->dotted)
        return false;
    f->dotted = at->dotted;
    f->node = nd && nd->n_kids ? nd : NULL;
    if (obj && f->node)
        f->stamp = ++s->stamp;
    return true;
}

/* The next element of the array f (its index already set) is about to be
 * read: where it stands. */
ALWAYS_INLINE void at_element(struct jf_scanner *s, bool all, const struct jf_frame *f,
                              struct jf_at *at)
{
    if (all)
        path_index(s, f->base, f->index);
    else
        *at = (struct jf_at){.node = index_node(f->node, f->index), .dotted = f->dotted};
    at->meta = -1;
}

/* Key k[0..klen) of the object f at `depth` (the raw bytes between the
 * quotes, holding escapes when esc): where its value stands. Returns false when the
 * record must go through jansson (the object repeats a key that matters). */
ALWAYS_INLINE bool at_key(struct jf_scanner *s, bool all, const struct jf_frame *f, size_t depth,
                          const char *k, size_t klen, bool esc, struct jf_at *at)
{
    const struct jf_plan *jp = s->plan;
    at->node = NULL;
    at->meta = -1;
    at->dotted = all ? false : f->dotted;
    /* a trie plan decodes only the keys it may match */
    if (!all && !f->node && !(depth == 1 && jp->n_meta))
        return true;
    const char *raw = k;
    if (esc) {
        sb_reset(&s->scratch);
        decode_string(&s->scratch, k, klen);
        k = s->scratch.buf;
        klen = s->scratch.len;
        raw = NULL;
    }
    if (all) {
        if (!keys_add(s, f->stamp, k, klen, raw))
            return false; /* jansson keeps the last value at the first key's place */
        if (klen == 0 || memchr(k, '.', klen))
            s->dotted = true;
        path_set(s, f->base, k, klen);
    } else if (f->node) {
        at->node = key_node(jp, f->node, k, klen);
        if (at->node) {
            if (klen == 0 || memchr(k, '.', klen))
                at->dotted = true;
            if (s->seen[at->node->id] == f->stamp)
                return false; /* repeated key: the last one wins */
            s->seen[at->node->id] = f->stamp;
        }
    }
    if (depth == 1 && jp->n_meta)
        at->meta = meta_index(jp, k, klen);
    return true;
}

/* The grammar of one JSON text, from its first byte (p[0] is '{' or '['),
 * as one loop over the bytes with an explicit stack of open containers.
 * Both kinds of plan share it: `all` says how a value is named (see
 * struct jf_at) and is a constant at each call, so the compiler makes two
 * loops of it, each without the other's tests. */
ALWAYS_INLINE enum jf_status scan_text(struct jf_scanner *s, cursor p, cursor end,
                                       struct rec_batch *b, const bool all)
{
    struct jf_frame *stack = s->stack, *top = NULL;
    size_t depth = 0;
    struct jf_at at = {.node = s->plan->nodes[0], .meta = -1};
    const char *name;
    size_t name_len;

value:
    /* p is at the first byte of a value (whitespace skipped); `at` is where it stands */
    if (p >= end || depth >= JF_MAX_DEPTH)
        return JF_INVALID;
    switch (*p) {
    case '{':
    case '[': {
        bool obj = *p == '{';
        if (at.meta >= 0)
            s->meta[at.meta].kind = obj ? JF_OBJECT : JF_ARRAY;
        top = &stack[depth++];
        if (!open_frame(s, all, &at, top, obj))
            return JF_NEED_DOM;
        p = skip_ws(p + 1, end);
        if (p >= end)
            return JF_INVALID;
        if (*p == (obj ? '}' : ']')) {
            p++;
            depth--;
            if (all && s->path_len) /* an empty container is a leaf (as flatten's) */
                rb_add_json(b, s->path, s->path_len, obj ? "{}" : "[]", 2);
            goto after_value;
        }
        if (obj)
            goto key;
        at_element(s, all, top, &at);
        goto value;
    }
    case '"': {
        bool esc = false;
        cursor q = scan_string(p + 1, end, &esc);
        if (!q)
            return JF_INVALID;
        const char *raw = (const char *)p + 1;
        size_t len = (size_t)(q - p) - 2;
        if (!leaf_name(s, all, &at, &name, &name_len))
            return JF_NEED_DOM;
        if (name) {
            if (esc) {
                sb_reset(&s->scratch);
                decode_string(&s->scratch, raw, len);
                rb_add_str(b, name, name_len, s->scratch.buf, s->scratch.len);
            } else {
                rb_add_str(b, name, name_len, raw, len);
            }
        }
        if (at.meta >= 0) {
            s->meta[at.meta].kind = JF_STRING;
            s->meta_raw[at.meta] = (struct jf_meta_raw){raw, len, esc, 0};
        }
        p = q;
        goto after_value;
    }
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9': {
        if (!leaf_name(s, all, &at, &name, &name_len))
            return JF_NEED_DOM;
        enum jf_kind kind = JF_INT;
        int64_t iv = 0;
        double dv = 0;
        cursor num = p;
        p = scan_number(s, p, end, name || at.meta >= 0, &kind, &iv, &dv);
        if (!p)
            return JF_INVALID;
        size_t num_len = (size_t)(p - num);
        p = skip_nul(p, end);
        if (name) {
            if (kind == JF_INT)
                rb_add_int(b, name, name_len, iv);
            else if (kind == JF_REAL)
                rb_add_real(b, name, name_len, dv);
            else
                rb_add_str(b, name, name_len, (const char *)num, num_len);
        }
        if (at.meta >= 0)
            s->meta[at.meta] = (struct jf_value){.kind = kind, .ival = iv, .dval = dv,
                                                 .str = (const char *)num, .len = num_len};
        goto after_value;
    }
    case 't':
    case 'f': {
        bool t = *p == 't';
        size_t len = t ? 4 : 5;
        if ((size_t)(end - p) < len || memcmp(p, t ? "true" : "false", len) != 0)
            return JF_INVALID;
        p = skip_nul(p + len, end);
        if (!leaf_name(s, all, &at, &name, &name_len))
            return JF_NEED_DOM;
        if (name)
            rb_add_bool(b, name, name_len, t);
        if (at.meta >= 0)
            s->meta[at.meta].kind = t ? JF_TRUE : JF_FALSE;
        goto after_value;
    }
    case 'n':
        if (end - p < 4 || memcmp(p, "null", 4) != 0)
            return JF_INVALID;
        p = skip_nul(p + 4, end);
        if (at.meta >= 0)
            s->meta[at.meta].kind = JF_NULL;
        goto after_value;
    default:
        return JF_INVALID;
    }

key:
    /* p is at the first byte of a key of the object `top` */
    assert(depth > 0 && top == &stack[depth - 1] && top->is_obj);
    {
        if (*p != '"')
            return JF_INVALID;
        bool esc = false;
        cursor q = scan_string(p + 1, end, &esc);
        if (!q)
            return JF_INVALID;
        if (!at_key(s, all, top, depth, (const char *)p + 1, (size_t)(q - p) - 2, esc, &at))
            return JF_NEED_DOM;
        p = skip_ws(q, end);
        if (p >= end || *p != ':')
            return JF_INVALID;
        p = skip_ws(p + 1, end);
        goto value;
    }

after_value:
    if (depth == 0) {
        if (s->prefix)
            s->used = (size_t)((const char *)p - s->text);
        else if (skip_ws(p, end) != end)
            return JF_INVALID;
        if (all && s->dotted && names_repeat(s, b))
            return JF_NEED_DOM; /* flatten numbers repeated names */
        finish_meta(s);
        return JF_OK;
    }
    p = skip_ws(p, end);
    top = &stack[depth - 1];
    if (p >= end)
        return JF_INVALID;
    if (*p == ',') {
        p = skip_ws(p + 1, end);
        if (p >= end)
            return JF_INVALID;
        if (top->is_obj)
            goto key;
        top->index++;
        at_element(s, all, top, &at);
        goto value;
    }
    if (*p == (top->is_obj ? '}' : ']')) {
        p++;
        depth--;
        goto after_value;
    }
    return JF_INVALID;
}

/* The two loops: with the trie of wanted paths, and with every field.
 * Each is its own function (noinline): inlined together into jf_scan they
 * made one body too large to keep its state in registers, 4-7% slower. */
static NOINLINE enum jf_status scan_wanted(struct jf_scanner *s, cursor p, cursor end,
                                           struct rec_batch *b)
{
    return scan_text(s, p, end, b, false);
}

static NOINLINE enum jf_status scan_all(struct jf_scanner *s, cursor p, cursor end,
                                        struct rec_batch *b)
{
    keys_reset(s);
    s->path_len = 0;
    return scan_text(s, p, end, b, true);
}

enum jf_status jf_scan_prefix(struct jf_scanner *s, const char *text, size_t n,
                              struct rec_batch *b, size_t *used)
{
    s->prefix = true;
    enum jf_status rc = jf_scan(s, text, n, b);
    s->prefix = false;
    if (rc == JF_OK) {
        assert(s->used <= n); /* the value ends inside the text */
        *used = s->used;
    }
    return rc;
}

enum jf_status jf_scan(struct jf_scanner *s, const char *text, size_t n, struct rec_batch *b)
{
    const struct jf_plan *jp = s->plan;
    cursor p = (cursor)text, end = p + n;
    s->text = text;
    for (size_t i = 0; i < jp->n_meta; i++)
        s->meta[i].kind = JF_ABSENT;
    s->root_kind = JF_ABSENT;
    s->scan_no++;
    s->dotted = false;

    p = skip_ws(p, end);
    if (p >= end || (*p != '{' && *p != '['))
        return JF_INVALID;
    s->root_kind = *p == '{' ? JF_OBJECT : JF_ARRAY;
    return jp->all_fields ? scan_all(s, p, end, b) : scan_wanted(s, p, end, b);
}
