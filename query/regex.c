/*
 * regex.c — PCRE2 in one place (see regex.h): compiling with trailq's flags
 * and limits, the remembered first match, scanning all matches, the named
 * group list and glob translation for the compiler, the per-connection
 * pattern cache and the SQLite auxdata glue.
 *
 * Patterns are compiled with PCRE2_UTF | PCRE2_MATCH_INVALID_UTF: subjects
 * are log text, which is not always valid UTF-8, and must never make a
 * match fail with a UTF error.
 *
 * Every match goes through run_match(), which applies the limits of
 * regex.h: the statement's step budget, a JIT stack grown on demand, the
 * interpreter when JIT cannot go on.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "query/regex.h"

#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "query/rterror.h"
#include "query/sqlfn_util.h"

enum {
    RX_FLAGS = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
    RX_JIT_STACK_START = 32 * 1024,       /* what a JIT stack holds at first */
    RX_JIT_STACK_FIRST = 1024 * 1024,     /* the first JIT stack's size */
    RX_CACHE_SLOTS = 16,
};

struct rx {
    int refs;                     /* owners: auxdata slots, cache slots, scans, callers */
    char *pattern;                /* copy of the source pattern (NUL-terminated) */
    size_t pattern_len;           /* its length in bytes */
    pcre2_code *code;             /* the compiled pattern */
    pcre2_general_context *gctx;  /* allocator for the objects below: xmalloc/free */
    pcre2_match_context *mctx;    /* match/depth limits, JIT stack */
    pcre2_jit_stack *jit_stack;   /* NULL when the pattern is not JIT-compiled */
    size_t jit_stack_size;        /* the size it may grow to */
    pcre2_code *timed_code;       /* the pattern with a callout (timed_code()), or NULL */
    bool timed_failed;            /* ... which did not compile */
    pcre2_match_data *md;         /* the remembered first match of `last` */
    int n_captures;               /* capture groups, not counting group 0 */
    char *last;                   /* copy of the last subject given to rx_first */
    size_t last_len;              /* its length */
    size_t last_cap;              /* bytes allocated for `last` */
    int last_rc;                  /* rx_first's answer for it: 1 or 0 */
    bool have_last;               /* last/last_rc are valid */
};

struct rx_scan {
    struct rx *rx;                /* the pattern (one reference held) */
    pcre2_match_data *md;         /* this scan's match data */
    struct rx_budget *budget;     /* the statement's (NULL: a fixed limit), not owned */
    const char *s;                /* subject, not owned */
    size_t n;                     /* its length */
    size_t pos;                   /* where the next search starts */
    bool prev_empty;              /* the previous match was empty (at pos) */
    bool matched;                 /* md holds a current match */
    bool done;                    /* no more matches */
};

struct rx_cache {
    int refs;                          /* registrations sharing the cache, plus creator */
    struct rx *slot[RX_CACHE_SLOTS];   /* most recently used first; NULL = free */
    struct rx_budget budget;           /* the statement running on the connection */
};

/* PCRE2's allocator for match contexts, match data and JIT stacks: xmalloc
 * never returns NULL, so neither do their constructors. */
static void *pcre_alloc(PCRE2_SIZE n, void *data)
{
    return xmalloc(n);
}

static void pcre_free(void *p, void *data)
{
    free(p);
}

/* ---- messages ---- */

static void error_text(int code, char *msg, size_t msgsize)
{
    PCRE2_UCHAR buf[RX_MSG_MAX];
    if (pcre2_get_error_message(code, buf, sizeof buf) < 0)
        snprintf(msg, msgsize, "PCRE2 error %d", code);
    else
        snprintf(msg, msgsize, "%s", (const char *)buf);
}

static pcre2_code *compile_code(const char *pattern, size_t len, char *msg, size_t msgsize,
                                size_t *offset)
{
    int err = 0;
    PCRE2_SIZE off = 0;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, len, RX_FLAGS, &err, &off, NULL);
    if (!code) {
        error_text(err, msg, msgsize);
        if (offset)
            *offset = off;
    }
    return code;
}

/* ---- compiler helpers ---- */

int rx_check(const char *pattern, size_t len, char *msg, size_t msgsize, size_t *offset)
{
    pcre2_code *code = compile_code(pattern, len, msg, msgsize, offset);
    if (!code)
        return -1;
    pcre2_code_free(code);
    if (msgsize)
        msg[0] = '\0';
    return 0;
}

static int cmp_group_name(const void *a, const void *b)
{
    const struct rx_group_name *x = a, *y = b;
    return (x->number > y->number) - (x->number < y->number);
}

int rx_group_names(const char *pattern, size_t len, struct rx_group_name **names,
                   size_t *n_names, int *n_captures, char *msg, size_t msgsize,
                   size_t *offset)
{
    *names = NULL;
    *n_names = 0;
    *n_captures = 0;
    pcre2_code *code = compile_code(pattern, len, msg, msgsize, offset);
    if (!code)
        return -1;
    uint32_t caps = 0, count = 0, entry = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &caps);
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    *n_captures = (int)caps;
    if (count > 0) {
        struct rx_group_name *v = xcalloc(count, sizeof *v);
        for (uint32_t k = 0; k < count; k++) {
            PCRE2_SPTR e = table + (size_t)k * entry;
            v[k].number = (e[0] << 8) | e[1];
            v[k].name = xstrdup((const char *)e + 2);
        }
        qsort(v, count, sizeof *v, cmp_group_name);
        *names = v;
        *n_names = count;
    }
    pcre2_code_free(code);
    return 0;
}

void rx_group_names_free(struct rx_group_name *names, size_t n_names)
{
    for (size_t k = 0; k < n_names; k++)
        free(names[k].name);
    free(names);
}

void rx_glob_to_pcre(const char *glob, size_t n, struct strbuf *out)
{
    sb_puts(out, "(?s)");
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)glob[k];
        if (c == '*') {
            sb_puts(out, k + 1 == n ? "(.*)" : "(.*?)");
        } else if (c == '\0') {
            sb_puts(out, "\\x00");
        } else if (c < 0x80 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
                   !(c >= 'A' && c <= 'Z')) {
            /* PCRE2: a backslash before any non-alphanumeric ASCII
             * character makes it literal. */
            sb_putc(out, '\\');
            sb_putc(out, (char)c);
        } else {
            sb_putc(out, (char)c);
        }
    }
}

/* What rx_rename_at_groups() puts in place of a group name's '@'. */
#define AT_GROUP_PREFIX "tq_at_"

void rx_rename_at_groups(const char *pattern, struct strbuf *out)
{
    for (const char *p = pattern; *p; p++) {
        if (strncmp(p, "(?<@", 4) == 0) {
            sb_puts(out, "(?<" AT_GROUP_PREFIX);
            p += 3;
        } else {
            sb_putc(out, *p);
        }
    }
}

const char *rx_at_group_rest(const char *name)
{
    size_t n = strlen(AT_GROUP_PREFIX);
    return strncmp(name, AT_GROUP_PREFIX, n) == 0 ? name + n : NULL;
}

/* ---- compiled patterns ---- */

struct rx *rx_compile(const char *pattern, size_t len, char *msg, size_t msgsize)
{
    char why[RX_MSG_MAX];
    size_t off = 0;
    pcre2_code *code = compile_code(pattern, len, why, sizeof why, &off);
    if (!code) {
        snprintf(msg, msgsize, "%s at offset %zu", why, off);
        return NULL;
    }
    struct rx *rx = xcalloc(1, sizeof *rx);
    rx->refs = 1;
    rx->pattern = xstrndup(pattern, len);
    rx->pattern_len = len;
    rx->code = code;
    uint32_t caps = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &caps);
    rx->n_captures = (int)caps;
    rx->gctx = pcre2_general_context_create(pcre_alloc, pcre_free, NULL);
    rx->mctx = pcre2_match_context_create(rx->gctx);
    rx->md = pcre2_match_data_create_from_pattern(code, rx->gctx);
    pcre2_set_match_limit(rx->mctx, RX_MATCH_LIMIT);
    pcre2_set_heap_limit(rx->mctx, RX_HEAP_LIMIT_KIB);
    /* JIT when available; any failure leaves the interpreter in charge. */
    if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0) {
        rx->jit_stack = pcre2_jit_stack_create(RX_JIT_STACK_START, RX_JIT_STACK_FIRST, rx->gctx);
        if (rx->jit_stack) {
            pcre2_jit_stack_assign(rx->mctx, NULL, rx->jit_stack);
            rx->jit_stack_size = RX_JIT_STACK_FIRST;
        }
    }
    return rx;
}

void rx_ref(struct rx *rx)
{
    rx->refs++;
}

void rx_unref(void *p)
{
    struct rx *rx = p;
    if (!rx || --rx->refs > 0)
        return;
    pcre2_match_data_free(rx->md);
    pcre2_jit_stack_free(rx->jit_stack);
    pcre2_match_context_free(rx->mctx);
    pcre2_code_free(rx->code);
    pcre2_code_free(rx->timed_code);
    pcre2_general_context_free(rx->gctx);
    free(rx->pattern);
    free(rx->last);
    free(rx);
}

bool rx_is_pattern(const struct rx *rx, const char *pattern, size_t len)
{
    return rx->pattern_len == len && memcmp(rx->pattern, pattern, len) == 0;
}

const char *rx_pattern(const struct rx *rx, size_t *len)
{
    *len = rx->pattern_len;
    return rx->pattern;
}

int rx_capture_count(const struct rx *rx)
{
    return rx->n_captures;
}

/* ---- running a match ---- */

void rx_budget_reset(struct rx_budget *b)
{
    b->left_ns = RX_TIME_BASE_NS;
    b->matches = 0;
    b->rng = 0x9E3779B97F4A7C15ULL;
}

/* The CPU time of this thread: the budget counts the work a regex does,
 * not the time the machine spends on other programs, so a query gives the
 * same answer on a busy machine as on an idle one. (Wall-clock time let a
 * legitimate regex fail under load.) */
static long long now_ns(void)
{
    struct timespec t;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0)
        clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Replace the JIT stack by one 8 times larger; false when it is at its
 * largest or the memory is not there. */
static bool grow_jit_stack(struct rx *rx)
{
    if (!rx->jit_stack || rx->jit_stack_size >= RX_JIT_STACK_MAX)
        return false;
    size_t size = rx->jit_stack_size * 8;
    if (size > RX_JIT_STACK_MAX)
        size = RX_JIT_STACK_MAX;
    pcre2_jit_stack *st = pcre2_jit_stack_create(RX_JIT_STACK_START, size, rx->gctx);
    if (!st)
        return false;
    pcre2_jit_stack_assign(rx->mctx, NULL, st);
    pcre2_jit_stack_free(rx->jit_stack);
    rx->jit_stack = st;
    rx->jit_stack_size = size;
    return true;
}

/* The pattern with a callout where each match attempt starts, for timing
 * long values from inside the match (compiled the first time one comes;
 * NULL when that fails, and then they are timed from outside only). The
 * callout goes after the (*VERB) items that must open a pattern. */
static pcre2_code *timed_code(struct rx *rx)
{
    if (rx->timed_code || rx->timed_failed)
        return rx->timed_code;
    size_t at = 0;
    while (at + 1 < rx->pattern_len && rx->pattern[at] == '(' && rx->pattern[at + 1] == '*') {
        const char *close = memchr(rx->pattern + at, ')', rx->pattern_len - at);
        if (!close)
            break;
        at = (size_t)(close - rx->pattern) + 1;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_append(&sb, rx->pattern, at);
    sb_puts(&sb, "(?C255)");
    sb_append(&sb, rx->pattern + at, rx->pattern_len - at);
    int err = 0;
    PCRE2_SIZE off = 0;
    rx->timed_code = pcre2_compile((PCRE2_SPTR)sb.buf, sb.len, RX_FLAGS, &err, &off, NULL);
    sb_free(&sb);
    if (!rx->timed_code)
        rx->timed_failed = true;
    else if (rx->jit_stack)
        pcre2_jit_compile(rx->timed_code, PCRE2_JIT_COMPLETE);
    return rx->timed_code;
}

/* A match being timed from inside: give up past the deadline. */
struct timed_run {
    long long deadline_ns;         /* this thread's CPU time (now_ns) */
    unsigned calls;                /* callouts so far (the clock is read every 64th) */
};

static int timed_callout(pcre2_callout_block *block, void *data)
{
    struct timed_run *run = data;
    if ((++run->calls & 63) == 0 && now_ns() > run->deadline_ns)
        return PCRE2_ERROR_CALLOUT;
    return 0;
}

/* pcre2_match; a match that runs out of JIT stack runs again on a larger
 * one, and in the interpreter when there is none. */
static int match_any_stack(struct rx *rx, const pcre2_code *code, pcre2_match_data *md,
                           const char *s, size_t n, size_t start, uint32_t options)
{
    for (;;) {
        int rc = pcre2_match(code, (PCRE2_SPTR)s, n, start, options, md, rx->mctx);
        if (rc != PCRE2_ERROR_JIT_STACKLIMIT)
            return rc;
        if (!grow_jit_stack(rx))
            options |= PCRE2_NO_JIT;
    }
}

/* Should this short match be timed? The first ones, then one in
 * RX_TIME_SAMPLE at random. */
static bool sample(struct rx_budget *b)
{
    if (b->matches++ < RX_TIME_FIRST)
        return true;
    b->rng ^= b->rng << 13;
    b->rng ^= b->rng >> 7;
    b->rng ^= b->rng << 17;
    return b->rng % RX_TIME_SAMPLE == 0;
}

/* One match, within the limits of regex.h: 1 matched, 0 no match, -1
 * error (msg). */
static int run_match(struct rx *rx, struct rx_budget *b, pcre2_match_data *md, const char *s,
                     size_t n, size_t start, uint32_t options, char *msg, size_t msgsize)
{
    /* PCRE2 wants a non-NULL subject pointer even for an empty subject. */
    const char *subject = s ? s : "";
    size_t len = n - start;
    const pcre2_code *code = rx->code;
    long long weight = 0, t0 = 0;
    struct timed_run run = {0};
    if (b) {
        unsigned long long more = (unsigned long long)RX_TIME_PER_BYTE_NS * len;
        if (b->left_ns < LLONG_MAX / 4 && more < LLONG_MAX / 4)
            b->left_ns += (long long)more;
        if (len >= RX_LONG_SUBJECT) {
            weight = 1;
            t0 = now_ns();
            run.deadline_ns = t0 + b->left_ns;
            const pcre2_code *tc = timed_code(rx);
            if (tc) {
                code = tc;
                pcre2_set_callout(rx->mctx, timed_callout, &run);
            }
        } else if (sample(b)) {
            weight = b->matches <= RX_TIME_FIRST ? 1 : RX_TIME_SAMPLE;
            t0 = now_ns();
        }
    }
    int rc = match_any_stack(rx, code, md, subject, n, start, options);
    if (code != rx->code)
        pcre2_set_callout(rx->mctx, NULL, NULL);
    if (weight) {
        b->left_ns -= weight * (now_ns() - t0);
        if (b->left_ns < 0 || rc == PCRE2_ERROR_CALLOUT) {
            b->left_ns = 0;
            snprintf(msg, msgsize,
                     "too slow (the regexes of one query may run for %lld s plus %lld ns per "
                     "byte they search)",
                     RX_TIME_BASE_NS / 1000000000LL, RX_TIME_PER_BYTE_NS);
            return -1;
        }
    }
    if (rc >= 0)
        return 1;
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc == PCRE2_ERROR_MATCHLIMIT)
        snprintf(msg, msgsize, "too much backtracking (more than %d steps in one match)",
                 RX_MATCH_LIMIT);
    else if (rc == PCRE2_ERROR_HEAPLIMIT)
        snprintf(msg, msgsize, "one match needs more than %d MiB of memory",
                 RX_HEAP_LIMIT_KIB / 1024);
    else
        error_text(rc, msg, msgsize);
    return -1;
}

int rx_first(struct rx *rx, struct rx_budget *b, const char *s, size_t n, char *msg,
             size_t msgsize)
{
    if (rx->have_last && rx->last_len == n && memcmp(rx->last, s, n) == 0)
        return rx->last_rc;
    rx->have_last = false;
    int rc = run_match(rx, b, rx->md, s, n, 0, 0, msg, msgsize);
    if (rc < 0)
        return rc;
    if (rx->last_cap < n + 1) {
        rx->last_cap = n + 1;
        rx->last = xrealloc(rx->last, rx->last_cap);
    }
    memcpy(rx->last, s, n);
    rx->last_len = n;
    rx->last_rc = rc;
    rx->have_last = true;
    return rc;
}

/* Span of group g in md, if it took part. */
static bool md_group(const struct rx *rx, pcre2_match_data *md, int g, size_t *start,
                     size_t *end)
{
    if (g < 0 || g > rx->n_captures || (uint32_t)g >= pcre2_get_ovector_count(md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[2 * g] == PCRE2_UNSET)
        return false;
    *start = ov[2 * g];
    *end = ov[2 * g + 1];
    return true;
}

/* Span of the first participating group called name[0..n) in md. */
static bool md_named(const struct rx *rx, pcre2_match_data *md, const char *name, size_t n,
                     size_t *start, size_t *end)
{
    uint32_t count = 0, entry = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(rx->code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(rx->code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(rx->code, PCRE2_INFO_NAMETABLE, &table);
    /* The table is sorted by name, then number: duplicates are adjacent and
     * visited in group order. */
    for (uint32_t k = 0; k < count; k++) {
        PCRE2_SPTR e = table + (size_t)k * entry;
        const char *en = (const char *)e + 2;
        if (n + 3 <= entry && memcmp(en, name, n) == 0 && en[n] == '\0' &&
            md_group(rx, md, (e[0] << 8) | e[1], start, end))
            return true;
    }
    return false;
}

bool rx_first_group(const struct rx *rx, int g, size_t *start, size_t *end)
{
    if (!rx->have_last || rx->last_rc != 1)
        return false;
    return md_group(rx, rx->md, g, start, end);
}

bool rx_first_named(const struct rx *rx, const char *name, size_t n, size_t *start, size_t *end)
{
    if (!rx->have_last || rx->last_rc != 1)
        return false;
    return md_named(rx, rx->md, name, n, start, end);
}

/* ---- scanning ---- */

struct rx_scan *rx_scan_new(struct rx *rx, struct rx_budget *b, const char *s, size_t n)
{
    struct rx_scan *sc = xcalloc(1, sizeof *sc);
    rx_ref(rx);
    sc->rx = rx;
    sc->budget = b;
    sc->md = pcre2_match_data_create_from_pattern(rx->code, rx->gctx);
    sc->s = s;
    sc->n = n;
    return sc;
}

void rx_scan_free(struct rx_scan *sc)
{
    if (!sc)
        return;
    pcre2_match_data_free(sc->md);
    rx_unref(sc->rx);
    free(sc);
}

int rx_scan_next(struct rx_scan *sc, char *msg, size_t msgsize)
{
    sc->matched = false;
    while (!sc->done) {
        if (sc->pos > sc->n) {
            sc->done = true;
            break;
        }
        uint32_t opts = sc->prev_empty ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
        int rc = run_match(sc->rx, sc->budget, sc->md, sc->s, sc->n, sc->pos, opts, msg, msgsize);
        if (rc < 0) {
            sc->done = true;
            return -1;
        }
        if (rc == 0) {
            if (!sc->prev_empty) {
                sc->done = true;
                break;
            }
            /* No non-empty match where the empty one was: move on one
             * character (skipping UTF-8 continuation bytes). */
            sc->prev_empty = false;
            sc->pos++;
            while (sc->pos < sc->n && ((unsigned char)sc->s[sc->pos] & 0xC0) == 0x80)
                sc->pos++;
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        /* \K in a lookbehind can report a match ending before it starts. */
        size_t next = ov[1] > sc->pos ? ov[1] : sc->pos;
        sc->prev_empty = ov[0] == ov[1];
        sc->pos = next;
        sc->matched = true;
        return 1;
    }
    return 0;
}

bool rx_scan_group(const struct rx_scan *sc, int g, size_t *start, size_t *end)
{
    return sc->matched && md_group(sc->rx, sc->md, g, start, end);
}

void rx_scan_groups_json(const struct rx_scan *sc, struct strbuf *out)
{
    bool first = true;
    size_t a, b;
    sb_putc(out, '{');
    for (int g = 1; g <= sc->rx->n_captures; g++) {
        if (!rx_scan_group(sc, g, &a, &b))
            continue;
        char key[16];
        int kn = snprintf(key, sizeof key, "%d", g);
        if (!first)
            sb_putc(out, ',');
        first = false;
        sb_json_quote(out, key, (size_t)kn);
        sb_putc(out, ':');
        sb_json_quote(out, sc->s + a, b - a);
    }
    uint32_t count = 0, entry = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(sc->rx->code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(sc->rx->code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(sc->rx->code, PCRE2_INFO_NAMETABLE, &table);
    const char *prev = NULL;
    for (uint32_t k = 0; k < count; k++) {
        const char *name = (const char *)table + (size_t)k * entry + 2;
        if (prev && strcmp(prev, name) == 0)
            continue; /* duplicate name: handled with its first entry */
        prev = name;
        size_t nn = strlen(name);
        if (!sc->matched || !md_named(sc->rx, sc->md, name, nn, &a, &b))
            continue;
        if (!first)
            sb_putc(out, ',');
        first = false;
        sb_json_quote(out, name, nn);
        sb_putc(out, ':');
        sb_json_quote(out, sc->s + a, b - a);
    }
    sb_putc(out, '}');
}

/* ---- per-connection cache ---- */

struct rx_cache *rx_cache_new(void)
{
    struct rx_cache *c = xcalloc(1, sizeof *c);
    c->refs = 1;
    rx_budget_reset(&c->budget);
    return c;
}

void rx_cache_ref(struct rx_cache *c)
{
    c->refs++;
}

void rx_cache_unref(void *p)
{
    struct rx_cache *c = p;
    if (!c || --c->refs > 0)
        return;
    for (int k = 0; k < RX_CACHE_SLOTS; k++)
        rx_unref(c->slot[k]);
    free(c);
}

struct rx *rx_cache_get(struct rx_cache *c, const char *pattern, size_t len, char *msg,
                        size_t msgsize)
{
    int k;
    for (k = 0; k < RX_CACHE_SLOTS && c->slot[k]; k++) {
        if (rx_is_pattern(c->slot[k], pattern, len))
            break;
    }
    struct rx *rx;
    if (k < RX_CACHE_SLOTS && c->slot[k]) {
        rx = c->slot[k];
    } else {
        rx = rx_compile(pattern, len, msg, msgsize);
        if (!rx)
            return NULL;
        if (k == RX_CACHE_SLOTS) {
            k = RX_CACHE_SLOTS - 1;
            rx_unref(c->slot[k]); /* evict the least recently used */
        }
        c->slot[k] = rx; /* the cache's reference */
    }
    /* Move to the front. */
    memmove(&c->slot[1], &c->slot[0], (size_t)k * sizeof c->slot[0]);
    c->slot[0] = rx;
    rx_ref(rx); /* the caller's reference */
    return rx;
}

struct rx_budget *rx_cache_budget(struct rx_cache *c)
{
    return c ? &c->budget : NULL;
}

/* ---- SQL glue ---- */

void rx_sql_error(sqlite3_context *ctx, const char *msg)
{
    char buf[RX_MSG_MAX + 16];
    snprintf(buf, sizeof buf, RTERROR_REGEX_PREFIX "%s", msg);
    sqlite3_result_error(ctx, buf, -1);
}

char *rx_match_error_text(const struct rx *rx, const char *msg)
{
    return sqlite3_mprintf(RTERROR_REGEX_PREFIX "%s in /%.*s/", msg, (int)rx->pattern_len,
                           rx->pattern);
}

void rx_sql_match_error(sqlite3_context *ctx, const struct rx *rx, const char *msg)
{
    char *text = rx_match_error_text(rx, msg);
    if (!text) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_error(ctx, text, -1);
    sqlite3_free(text);
}

struct rx *rx_sql_pattern(sqlite3_context *ctx, struct rx_cache *cache, sqlite3_value **argv,
                          int arg, bool *failed)
{
    *failed = false;
    char num[NUMFMT_MAX];
    size_t len;
    const char *pat = sqlfn_value_text(argv[arg], &len, num);
    if (!pat)
        return NULL;
    struct rx *rx = sqlite3_get_auxdata(ctx, arg);
    if (rx && rx_is_pattern(rx, pat, len)) {
        rx_ref(rx);
        return rx;
    }
    char msg[RX_MSG_MAX];
    rx = cache ? rx_cache_get(cache, pat, len, msg, sizeof msg)
               : rx_compile(pat, len, msg, sizeof msg);
    if (!rx) {
        rx_sql_error(ctx, msg);
        *failed = true;
    }
    return rx;
}

void rx_sql_release(sqlite3_context *ctx, int arg, struct rx *rx)
{
    if (!rx)
        return;
    if (sqlite3_get_auxdata(ctx, arg) == rx)
        rx_unref(rx);
    else
        sqlite3_set_auxdata(ctx, arg, rx, rx_unref); /* hands over our reference */
}
