/*
 * pattern.c — Drain-style clustering of values into patterns (see
 * pattern.h for the rules, docs/language.md#pattern for why).
 *
 * Layout: a value is tokenized into an array of struct ptok (pointers into
 * the value, nothing copied). The prefix tree is an array of nodes; a
 * node's children are found through one open-addressing hash table keyed by
 * (parent, token text), plus a separate wildcard child. Leaves hold the
 * indexes of their clusters. A cluster keeps one copy of its template: the
 * literal text of each position (or "dynamic"), the types seen there and
 * the counters. Nothing is kept per value.
 */
#include "query/pattern.h"

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "query/anomaly.h"

/* ---- token types ---- */

enum ptype {
    PT_WORD,      /* anything without an evident type */
    PT_NUMBER,
    PT_IPV4,
    PT_IPV6,
    PT_UUID,
    PT_HEX,
    PT_TIMESTAMP,
    PT_DATE,
    PT_TIME,
    PT_ARN,
    PT_URL,
    PT_N
};

static const char *const type_names[PT_N] = {
    "Token", "Number", "IPv4", "IPv6", "UUID", "Hex", "Timestamp", "Date", "Time", "ARN", "URL",
};

/* Values, not words: always a placeholder. */
static bool type_is_value(unsigned t)
{
    return t >= PT_NUMBER && t <= PT_TIME;
}

/* ---- severity ---- */

enum { SEV_ERROR, SEV_WARNING, SEV_INFO, SEV_DEBUG, SEV_N };

static const char *const severity_names[SEV_N] = {"Error", "Warning", "Info", "Debug"};

static const struct {
    const char *word;
    int sev;
} level_words[] = {
    {"error", SEV_ERROR},     {"err", SEV_ERROR},       {"fatal", SEV_ERROR},
    {"crit", SEV_ERROR},      {"critical", SEV_ERROR},  {"severe", SEV_ERROR},
    {"emerg", SEV_ERROR},     {"emergency", SEV_ERROR}, {"alert", SEV_ERROR},
    {"panic", SEV_ERROR},     {"warn", SEV_WARNING},    {"warning", SEV_WARNING},
    {"info", SEV_INFO},       {"information", SEV_INFO}, {"notice", SEV_INFO},
    {"debug", SEV_DEBUG},     {"trace", SEV_DEBUG},     {"verbose", SEV_DEBUG},
    {"fine", SEV_DEBUG},      {"finer", SEV_DEBUG},     {"finest", SEV_DEBUG},
};

/* The severity a word names (any case), or -1. */
static int level_of(const char *s, size_t n)
{
    if (n < 3 || n > 11)
        return -1;
    char low[12];
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (ch < 'a' || ch > 'z')
            return -1;
        low[i] = (char)ch;
    }
    for (size_t k = 0; k < sizeof level_words / sizeof level_words[0]; k++)
        if (strlen(level_words[k].word) == n && memcmp(level_words[k].word, low, n) == 0)
            return level_words[k].sev;
    return -1;
}

/* ---- tokens of one value ---- */

struct ptok {
    const char *s;     /* the token's bytes, inside the value */
    uint32_t len;
    uint8_t type;      /* enum ptype */
    uint8_t glued;     /* shown with no space before the next token (a "key=" part) */
    uint8_t tail;      /* the rest of a value past PAT_MAX_TOKENS - 1 tokens */
    uint8_t punct;     /* a punctuation character that is a token of its own */
    uint8_t digit;     /* contains a digit: takes the tree's wildcard branch */
    uint8_t pre, suf;  /* bytes of punctuation before and after its core (at most 255) */
};

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* n digits at s. */
static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]))
            return false;
    return n > 0;
}

/* [+-]digits[.digits][(e|E)[+-]digits] */
static bool is_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    size_t start = i;
    while (i < n && is_digit((unsigned char)s[i]))
        i++;
    if (i == start)
        return false;
    if (i < n && s[i] == '.') {
        size_t f = ++i;
        while (i < n && is_digit((unsigned char)s[i]))
            i++;
        if (i == f)
            return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t e = i;
        while (i < n && is_digit((unsigned char)s[i]))
            i++;
        if (i == e)
            return false;
    }
    return i == n;
}

/* a.b.c.d (each 0-255), optionally followed by :port or /prefix. */
static bool is_ipv4(const char *s, size_t n)
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part) {
            if (i >= n || s[i] != '.')
                return false;
            i++;
        }
        size_t start = i;
        unsigned v = 0;
        while (i < n && is_digit((unsigned char)s[i]) && i - start < 3)
            v = v * 10 + (unsigned)(s[i++] - '0');
        if (i == start || v > 255 || (i < n && is_digit((unsigned char)s[i])))
            return false;
    }
    if (i == n)
        return true;
    if (s[i] != ':' && s[i] != '/')
        return false;
    return digits(s + i + 1, n - i - 1) && n - i - 1 <= 5;
}

static bool is_ipv6(const char *s, size_t n)
{
    if (n < 2 || n > 45)
        return false;
    int colons = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ':')
            colons++;
        else if (!is_hex(c) && c != '.')
            return false;
    }
    if (colons < 2)
        return false;
    char buf[46];
    unsigned char addr[16];
    memcpy(buf, s, n);
    buf[n] = '\0';
    return inet_pton(AF_INET6, buf, addr) == 1;
}

/* 8-4-4-4-12 hex digits. */
static bool is_uuid(const char *s, size_t n)
{
    if (n != 36)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !is_hex((unsigned char)s[i]))
            return false;
    }
    return true;
}

/* 0x followed by hex digits, or 8 or more hex digits with a digit among them. */
static bool is_hex_id(const char *s, size_t n)
{
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        for (size_t i = 2; i < n; i++)
            if (!is_hex((unsigned char)s[i]))
                return false;
        return true;
    }
    if (n < 8)
        return false;
    bool digit = false;
    for (size_t i = 0; i < n; i++) {
        if (!is_hex((unsigned char)s[i]))
            return false;
        digit |= is_digit((unsigned char)s[i]);
    }
    return digit;
}

/* HH:MM[:SS[(.|,)fraction]] at s; returns its length or 0. */
static size_t time_len(const char *s, size_t n)
{
    if (n < 5 || !digits(s, 2) || s[2] != ':' || !digits(s + 3, 2))
        return 0;
    size_t i = 5;
    if (i + 3 <= n && s[i] == ':' && digits(s + i + 1, 2)) {
        i += 3;
        if (i < n && (s[i] == '.' || s[i] == ',') && i + 1 < n && is_digit((unsigned char)s[i + 1])) {
            i++;
            while (i < n && is_digit((unsigned char)s[i]))
                i++;
        }
    }
    return i;
}

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* YYYY-MM-DD, YYYY/MM/DD or DD/Mon/YYYY at s; returns its length or 0. */
static size_t date_len(const char *s, size_t n)
{
    if (n >= 10 && digits(s, 4) && (s[4] == '-' || s[4] == '/') && digits(s + 5, 2) &&
        s[7] == s[4] && digits(s + 8, 2))
        return 10;
    if (n >= 11 && digits(s, 2) && s[2] == '/' && s[6] == '/' && digits(s + 7, 4))
        for (size_t m = 0; m < 12; m++)
            if (memcmp(s + 3, months[m], 3) == 0)
                return 11;
    return 0;
}

/* A weekday or month name, abbreviated or not, capitalised or all upper
 * case ("Mon", "JUL", "September"): a part of a date. */
static bool is_date_word(const char *s, size_t n)
{
    static const char *const names[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",   "Saturday", "Sunday",
        "January", "February", "March",   "April",    "May",      "June",     "July",
        "August",  "September", "October", "November", "December",
    };
    if (n < 3 || n > 9 || s[0] < 'A' || s[0] > 'Z')
        return false;
    bool upper = n > 1 && s[1] >= 'A' && s[1] <= 'Z';
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t len = strlen(names[k]);
        if (n != 3 && n != len)
            continue;
        size_t i = 1;
        for (; i < n; i++) {
            char want = names[k][i];
            if (upper)
                want = (char)(want - 32);
            if (s[i] != want)
                break;
        }
        if (i == n && (n == 3 || n == len))
            return true;
    }
    return false;
}

/* A date, then T or :, a time, an optional zone (Z, +hh, +hhmm, +hh:mm). */
static bool is_timestamp(const char *s, size_t n, size_t dlen)
{
    if (dlen == 0 || dlen + 1 >= n || (s[dlen] != 'T' && s[dlen] != ':'))
        return false;
    size_t i = dlen + 1;
    size_t t = time_len(s + i, n - i);
    if (t == 0)
        return false;
    i += t;
    if (i == n)
        return true;
    if (s[i] == 'Z')
        return i + 1 == n;
    if (s[i] != '+' && s[i] != '-')
        return false;
    i++;
    size_t rest = n - i;
    return (rest == 2 && digits(s + i, 2)) || (rest == 4 && digits(s + i, 4)) ||
           (rest == 5 && digits(s + i, 2) && s[i + 2] == ':' && digits(s + i + 3, 2));
}

static bool is_arn(const char *s, size_t n)
{
    if (n < 8 || memcmp(s, "arn:", 4) != 0)
        return false;
    int colons = 0;
    for (size_t i = 0; i < n; i++)
        colons += s[i] == ':';
    return colons >= 5;
}

static bool is_url(const char *s, size_t n)
{
    size_t i = 0;
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
    while (i < n && i < 16 &&
           ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || is_digit((unsigned char)s[i]) ||
            s[i] == '+' || s[i] == '.' || s[i] == '-'))
        i++;
    return i + 3 < n && memcmp(s + i, "://", 3) == 0;
}

/* The token without the punctuation that often surrounds a value. */
static void token_core(const char *s, size_t n, const char **cs, size_t *cn)
{
    /* a leading ':' too ("key":value in JSON), but not the "::" of IPv6 */
    bool colon_ok = !(n > 1 && s[0] == ':' && s[1] == ':');
    while (n && s[0] && (strchr("([{<\"'", s[0]) || (colon_ok && s[0] == ':'))) {
        s++;
        n--;
    }
    while (n && s[n - 1] && strchr(")]}>\"',;:.", s[n - 1]))
        n--;
    *cs = s;
    *cn = n;
}

/* The type of a token whose core is c (cn bytes). */
static enum ptype classify(const char *c, size_t cn)
{
    if (cn == 0)
        return PT_WORD;
    unsigned char f = (unsigned char)c[0];
    if (is_digit(f) || f == '+' || f == '-') {
        if (is_number(c, cn))
            return PT_NUMBER;
        size_t d = date_len(c, cn);
        if (d == cn)
            return PT_DATE;
        if (d && is_timestamp(c, cn, d))
            return PT_TIMESTAMP;
        if (time_len(c, cn) == cn)
            return PT_TIME;
        if (is_ipv4(c, cn))
            return PT_IPV4;
    }
    if (is_hex(f) || f == ':') {
        if (is_uuid(c, cn))
            return PT_UUID;
        if (is_hex_id(c, cn))
            return PT_HEX;
        if (is_ipv6(c, cn))
            return PT_IPV6;
    }
    if (is_date_word(c, cn))
        return PT_DATE;
    if (f == 'a' && is_arn(c, cn))
        return PT_ARN;
    if (is_url(c, cn))
        return PT_URL;
    return PT_WORD;
}

/* The characters that are tokens of their own: JSON and list punctuation,
 * so that {"level":"info","msg":"x"} has words to compare. */
static bool is_split(unsigned char c)
{
    return c == '"' || c == ',' || c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == '|' ||
           c == ')';
}

/* A comma between two digits (1,234 or 05,123) belongs to the word. */
static bool digit_comma(const char *s, size_t n, size_t i)
{
    return s[i] == ',' && i > 0 && i + 1 < n && is_digit((unsigned char)s[i - 1]) &&
           is_digit((unsigned char)s[i + 1]);
}

/* Add the word s[0..len) at t[nt] (two tokens for key=value); returns the
 * new count. */
static size_t add_word(const char *s, size_t len, struct ptok *t, size_t nt, int *sev)
{
    /* key=value: split after the first '=' (not "==", not a leading '=') */
    const char *eq = memchr(s, '=', len);
    size_t cut = eq ? (size_t)(eq - s) + 1 : 0;
    size_t parts = eq && cut > 1 && !(cut < len && s[cut] == '=') && nt + 2 < PAT_MAX_TOKENS ? 2 : 1;
    if (parts == 1)
        cut = len;
    for (size_t p = 0; p < parts; p++) {
        bool key = parts == 2 && p == 0;
        const char *ts = p == 0 ? s : s + cut;
        size_t tl = p == 0 ? cut : len - cut;
        struct ptok *k = &t[nt++];
        *k = (struct ptok){.s = ts, .len = (uint32_t)tl, .glued = 1};
        for (size_t q = 0; q < tl && !k->digit; q++)
            k->digit = is_digit((unsigned char)ts[q]);
        if (key)
            continue;
        const char *c;
        size_t cn;
        token_core(ts, tl, &c, &cn);
        size_t pre = (size_t)(c - ts), suf = tl - pre - cn;
        if (pre < 256 && suf < 256 && cn > 0) {
            k->pre = (uint8_t)pre;
            k->suf = (uint8_t)suf;
        }
        k->type = (uint8_t)classify(c, cn);
        if (*sev < 0 && k->type == PT_WORD)
            *sev = level_of(c, cn);
    }
    return nt;
}

/* Fill t[] with the tokens of s; returns how many. *sev gets the severity of
 * the first level word, or -1. */
static size_t tokenize(const char *s, size_t n, struct ptok *t, int *sev)
{
    size_t nt = 0, i = 0;
    *sev = -1;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (is_space(ch)) {
            if (nt)
                t[nt - 1].glued = 0;
            i++;
            continue;
        }
        size_t start = i;
        if (nt == PAT_MAX_TOKENS - 1) {
            /* the rest of the value is one token */
            size_t end = n;
            while (end > start && is_space((unsigned char)s[end - 1]))
                end--;
            t[nt++] = (struct ptok){.s = s + start, .len = (uint32_t)(end - start), .tail = 1,
                                    .digit = 1};
            break;
        }
        if (is_split(ch) && !digit_comma(s, n, i)) {
            t[nt++] = (struct ptok){.s = s + start, .len = 1, .glued = 1, .punct = 1};
            i++;
            continue;
        }
        while (i < n && !is_space((unsigned char)s[i]) &&
               (!is_split((unsigned char)s[i]) || digit_comma(s, n, i)))
            i++;
        nt = add_word(s + start, i - start, t, nt, sev);
    }
    if (nt)
        t[nt - 1].glued = 0;
    return nt;
}

/* ---- clusters ---- */

#define DYNAMIC UINT32_MAX

struct cluster {
    uint32_t n;           /* positions */
    uint32_t id;          /* creation order */
    char *text;           /* literal texts of the positions, back to back */
    uint32_t text_len;    /* its length */
    uint32_t *off;        /* per position: offset into text */
    uint32_t *len;        /* per position: length, or DYNAMIC */
    uint16_t *types;      /* per position: bit set of enum ptype seen */
    uint8_t *flags;       /* per position: FL_GLUED | FL_TAIL */
    uint8_t *pre, *suf;   /* per position: punctuation kept around a placeholder, when
                             every token there had the same (0 when they differ) */
    int64_t count;        /* values taken */
    int64_t previous;     /* values of the comparison window taken */
    int64_t sev[SEV_N];   /* values per severity */
    int64_t first_ms, last_ms;
    int64_t *buckets;          /* watched: values per time bucket (ANOM_BUCKETS) */
    struct anom_pos **watch;   /* watched: per dynamic position, NULL otherwise */
};

enum { FL_GLUED = 1, FL_TAIL = 2, FL_PUNCT = 4 };

static struct cluster *cluster_new(uint32_t id, const struct ptok *t, size_t n)
{
    struct cluster *c = xcalloc(1, sizeof *c);
    size_t text_len = 0;
    for (size_t i = 0; i < n; i++)
        text_len += t[i].len;
    c->n = (uint32_t)n;
    c->id = id;
    c->text = xmalloc(text_len + 1);
    c->off = xmalloc((n ? n : 1) * sizeof *c->off);
    c->len = xmalloc((n ? n : 1) * sizeof *c->len);
    c->types = xmalloc((n ? n : 1) * sizeof *c->types);
    c->flags = xmalloc(n ? n : 1);
    c->pre = xmalloc(n ? n : 1);
    c->suf = xmalloc(n ? n : 1);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(c->text + at, t[i].s, t[i].len);
        c->off[i] = (uint32_t)at;
        at += t[i].len;
        c->len[i] = type_is_value(t[i].type) ? DYNAMIC : t[i].len;
        c->types[i] = (uint16_t)(1u << t[i].type);
        c->flags[i] = (uint8_t)((t[i].glued ? FL_GLUED : 0) | (t[i].tail ? FL_TAIL : 0) | (t[i].punct ? FL_PUNCT : 0));
        c->pre[i] = t[i].pre;
        c->suf[i] = t[i].suf;
    }
    c->text_len = (uint32_t)at;
    c->first_ms = INT64_MAX;
    c->last_ms = INT64_MIN;
    return c;
}

static void cluster_free(struct cluster *c)
{
    if (!c)
        return;
    free(c->text);
    free(c->off);
    free(c->len);
    free(c->types);
    free(c->flags);
    free(c->pre);
    free(c->suf);
    if (c->watch)
        for (uint32_t i = 0; i < c->n; i++)
            anom_pos_free(c->watch[i]);
    free(c->watch);
    free(c->buckets);
    free(c);
}

/* How well a cluster fits the tokens, or -1 when the shapes differ: the
 * share of positions where the cluster's word equals the token, among the
 * positions that are not a value meeting a placeholder (those agree, and
 * are left out, as Drain leaves its parameters out). 1 when none is left. */
static double similarity(const struct cluster *c, const struct ptok *t, size_t n)
{
    if (c->n != n)
        return -1;
    size_t same = 0, counted = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t fl = (uint8_t)((t[i].glued ? FL_GLUED : 0) | (t[i].tail ? FL_TAIL : 0) | (t[i].punct ? FL_PUNCT : 0));
        if (fl != c->flags[i])
            return -1;
        if (fl & FL_PUNCT) {
            if (c->text[c->off[i]] != t[i].s[0])
                return -1;
            continue;
        }
        if (c->len[i] == DYNAMIC && type_is_value(t[i].type))
            continue;
        counted++;
        same += c->len[i] != DYNAMIC && c->len[i] == t[i].len &&
                memcmp(c->text + c->off[i], t[i].s, t[i].len) == 0;
    }
    return counted ? (double)same / (double)counted : 1;
}

/* The punctuation around token t equals the one kept at position i. */
static bool same_affixes(const struct cluster *c, size_t i, const struct ptok *t)
{
    const char *s = c->text + c->off[i];
    size_t len = (i + 1 < c->n ? c->off[i + 1] : c->text_len) - c->off[i];
    return c->pre[i] == t->pre && c->suf[i] == t->suf && memcmp(s, t->s, t->pre) == 0 &&
           memcmp(s + len - c->suf[i], t->s + t->len - t->suf, t->suf) == 0;
}

static void cluster_take(struct cluster *c, const struct ptok *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        c->types[i] |= (uint16_t)(1u << t[i].type);
        if ((c->pre[i] || c->suf[i]) && !same_affixes(c, i, &t[i]))
            c->pre[i] = c->suf[i] = 0;
        if (c->len[i] != DYNAMIC &&
            (c->len[i] != t[i].len || memcmp(c->text + c->off[i], t[i].s, t[i].len) != 0))
            c->len[i] = DYNAMIC;
    }
}

/* ---- the prefix tree ---- */

struct node {
    uint32_t parent;      /* index of the parent node (root: itself) */
    uint32_t wild;        /* index of the wildcard child, 0 for none */
    uint32_t n_children;  /* keyed children */
    uint32_t key_len;     /* the token (or token count) that leads here */
    char *key;
    uint64_t hash;        /* hash of (parent, key) */
    uint32_t *clusters;   /* a leaf's clusters, by index */
    size_t n_clusters, cap_clusters;
};

struct pat_miner {
    struct node *nodes;           /* [0] is the root */
    size_t n_nodes, cap_nodes;
    uint32_t *slots;              /* hash table: node index + 1, 0 empty */
    size_t n_slots;               /* a power of two */
    struct cluster **clusters;    /* by creation order */
    size_t n_clusters, cap_clusters;
    int64_t total;                /* values added */
    struct ptok *toks;            /* scratch: PAT_MAX_TOKENS tokens */
    struct pat_result *results;   /* after pat_finish */
    char **rendered;              /* their pattern texts */
    char **anomaly_text;          /* the anomaly strings of the results (3 per cluster) */
    bool watching;                /* pat_watch was called */
    int64_t t0_ms, t1_ms;         /* ... with this range */
};

static uint64_t hash_key(uint32_t parent, const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ULL);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h ^ (h >> 29);
}

static void rehash(struct pat_miner *m, size_t n_slots)
{
    free(m->slots);
    m->slots = xcalloc(n_slots, sizeof *m->slots);
    m->n_slots = n_slots;
    for (size_t i = 1; i < m->n_nodes; i++) {
        if (!m->nodes[i].key)
            continue; /* wildcard children are not in the table */
        size_t k = (size_t)m->nodes[i].hash & (n_slots - 1);
        while (m->slots[k])
            k = (k + 1) & (n_slots - 1);
        m->slots[k] = (uint32_t)i + 1;
    }
}

static uint32_t add_node(struct pat_miner *m, uint32_t parent)
{
    m->nodes = xgrow(m->nodes, &m->cap_nodes, m->n_nodes + 1, sizeof *m->nodes);
    uint32_t id = (uint32_t)m->n_nodes++;
    m->nodes[id] = (struct node){.parent = parent};
    return id;
}

/* The keyed child of parent for the key, created when create is set;
 * 0 when there is none. */
static uint32_t child(struct pat_miner *m, uint32_t parent, const char *key, size_t n, bool create)
{
    uint64_t h = hash_key(parent, key, n);
    size_t k = (size_t)h & (m->n_slots - 1);
    while (m->slots[k]) {
        const struct node *c = &m->nodes[m->slots[k] - 1];
        if (c->hash == h && c->parent == parent && c->key_len == n && memcmp(c->key, key, n) == 0)
            return m->slots[k] - 1;
        k = (k + 1) & (m->n_slots - 1);
    }
    if (!create)
        return 0;
    uint32_t id = add_node(m, parent);
    struct node *c = &m->nodes[id];
    c->key = xmalloc(n + 1);
    memcpy(c->key, key, n);
    c->key[n] = '\0';
    c->key_len = (uint32_t)n;
    c->hash = h;
    m->nodes[parent].n_children++;
    m->slots[k] = id + 1;
    if ((m->n_nodes + 1) * 2 > m->n_slots)
        rehash(m, m->n_slots * 2);
    return id;
}

static uint32_t wild_child(struct pat_miner *m, uint32_t parent, bool create)
{
    if (m->nodes[parent].wild || !create)
        return m->nodes[parent].wild;
    uint32_t id = add_node(m, parent);
    m->nodes[parent].wild = id;
    return id;
}

/* The leaf for the tokens: found (create false, 0 if none) or made. */
static uint32_t leaf(struct pat_miner *m, const struct ptok *t, size_t n, bool create)
{
    char count[24];
    size_t cl = 0;
    size_t v = n;
    do {
        count[cl++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    uint32_t node = child(m, 0, count, cl, create);
    if (!node)
        return 0;
    size_t words = 0;
    for (size_t i = 0; i < n && words < PAT_TREE_TOKENS; i++) {
        if (t[i].punct)
            continue;
        words++;
        uint32_t next;
        if (t[i].digit || t[i].tail || type_is_value(t[i].type)) {
            next = wild_child(m, node, create);
        } else {
            next = child(m, node, t[i].s, t[i].len, false);
            if (!next && create && m->nodes[node].n_children < PAT_MAX_CHILDREN)
                next = child(m, node, t[i].s, t[i].len, true);
            if (!next)
                next = wild_child(m, node, create);
        }
        if (!next)
            return 0;
        node = next;
    }
    return node;
}

/* ---- the miner ---- */

struct pat_miner *pat_new(void)
{
    struct pat_miner *m = xcalloc(1, sizeof *m);
    add_node(m, 0);
    m->n_slots = 64;
    m->slots = xcalloc(m->n_slots, sizeof *m->slots);
    m->toks = xmalloc(PAT_MAX_TOKENS * sizeof *m->toks);
    return m;
}

void pat_free(struct pat_miner *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_nodes; i++) {
        free(m->nodes[i].key);
        free(m->nodes[i].clusters);
    }
    free(m->nodes);
    free(m->slots);
    for (size_t i = 0; i < m->n_clusters; i++)
        cluster_free(m->clusters[i]);
    free(m->clusters);
    free(m->toks);
    if (m->rendered)
        for (size_t i = 0; i < m->n_clusters; i++)
            free(m->rendered[i]);
    free(m->rendered);
    if (m->anomaly_text)
        for (size_t i = 0; i < 2 * m->n_clusters; i++)
            free(m->anomaly_text[i]);
    free(m->anomaly_text);
    free(m->results);
    free(m);
}

int64_t pat_total(const struct pat_miner *m)
{
    return m->total;
}

void pat_watch(struct pat_miner *m, int64_t t0_ms, int64_t t1_ms)
{
    m->watching = true;
    m->t0_ms = t0_ms;
    m->t1_ms = t1_ms;
}

/* One token's text, without the punctuation around it, to p. */
static void watch_token(struct anom_pos *p, const char *s, size_t n, bool current, int64_t times)
{
    const char *c;
    size_t cn;
    token_core(s, n, &c, &cn);
    anom_pos_add(p, c, cn, current, times);
}

/* Statistics of a watched cluster for a value in bucket b (-1: no
 * timestamp). A position that has just become dynamic is seeded with its
 * literal, which every earlier value had. */
static void watch_value(struct cluster *c, const struct ptok *t, int b)
{
    if (b < 0)
        return;
    bool current = b >= ANOM_BUCKETS / 2;
    for (uint32_t i = 0; i < c->n; i++) {
        if (c->len[i] != DYNAMIC)
            continue;
        if (!c->watch[i]) {
            /* dynamic since this value: the values so far all had the literal */
            c->watch[i] = anom_pos_new();
            int64_t base = 0, cur = 0;
            for (int k = 0; k < ANOM_BUCKETS; k++)
                *(k < ANOM_BUCKETS / 2 ? &base : &cur) += c->buckets[k];
            const char *lit = c->text + c->off[i];
            size_t len = (i + 1 < c->n ? c->off[i + 1] : c->text_len) - c->off[i];
            watch_token(c->watch[i], lit, len, false, base);
            watch_token(c->watch[i], lit, len, true, cur);
        }
        watch_token(c->watch[i], t[i].s, t[i].len, current, 1);
    }
    c->buckets[b]++;
}

/* The best cluster of a leaf for the tokens, or NULL. */
static struct cluster *best_match(struct pat_miner *m, uint32_t lf, const struct ptok *t, size_t n)
{
    const struct node *nd = &m->nodes[lf];
    struct cluster *best = NULL;
    double best_sim = -1;
    for (size_t i = 0; i < nd->n_clusters; i++) {
        struct cluster *c = m->clusters[nd->clusters[i]];
        double s = similarity(c, t, n);
        if (s > best_sim) {
            best_sim = s;
            best = c;
        }
    }
    return best && best_sim >= PAT_SIMILARITY ? best : NULL;
}

static void add(struct pat_miner *m, const char *s, size_t n, int64_t ts_ms, bool previous);

void pat_add(struct pat_miner *m, const char *s, size_t n, int64_t ts_ms)
{
    add(m, s, n, ts_ms, false);
}

void pat_add_previous(struct pat_miner *m, const char *s, size_t n, int64_t ts_ms)
{
    add(m, s, n, ts_ms, true);
}

static void add(struct pat_miner *m, const char *s, size_t n, int64_t ts_ms, bool previous)
{
    int sev;
    size_t nt = tokenize(s, n, m->toks, &sev);
    const struct ptok *t = m->toks;
    struct cluster *c = NULL;
    uint32_t lf = leaf(m, t, nt, false);
    if (lf)
        c = best_match(m, lf, t, nt);
    if (c) {
        cluster_take(c, t, nt);
    } else {
        lf = leaf(m, t, nt, true);
        c = cluster_new((uint32_t)m->n_clusters, t, nt);
        if (m->watching) {
            c->buckets = xcalloc(ANOM_BUCKETS, sizeof *c->buckets);
            c->watch = xcalloc(nt ? nt : 1, sizeof *c->watch);
        }
        m->clusters = xgrow(m->clusters, &m->cap_clusters, m->n_clusters + 1, sizeof *m->clusters);
        m->clusters[m->n_clusters++] = c;
        struct node *nd = &m->nodes[lf];
        nd->clusters = xgrow(nd->clusters, &nd->cap_clusters, nd->n_clusters + 1,
                             sizeof *nd->clusters);
        nd->clusters[nd->n_clusters++] = c->id;
    }
    if (previous) {
        c->previous++;
        if (sev >= 0)
            c->sev[sev]++;
        return;
    }
    if (m->watching)
        watch_value(c, t, ts_ms == INT64_MIN ? -1 : anom_bucket(ts_ms, m->t0_ms, m->t1_ms));
    c->count++;
    if (sev >= 0)
        c->sev[sev]++;
    if (ts_ms != INT64_MIN) {
        if (ts_ms < c->first_ms)
            c->first_ms = ts_ms;
        if (ts_ms > c->last_ms)
            c->last_ms = ts_ms;
    }
    m->total++;
}

/* The template text of a cluster (its length in *len). With names, each
 * dynamic position's placeholder text is stored there (caller frees). */
static char *render(const struct cluster *c, size_t *len_out, char **names)
{
    struct strbuf sb = STRBUF_INIT;
    int placeholder = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        if (c->len[i] != DYNAMIC) {
            sb_append(&sb, c->text + c->off[i], c->len[i]);
        } else if (c->flags[i] & FL_TAIL) {
            sb_puts(&sb, "<*>");
            if (names)
                names[i] = xstrdup("<*>");
        } else {
            unsigned types = c->types[i];
            const char *name = type_names[PT_WORD];
            if (types && (types & (types - 1)) == 0)
                name = type_names[__builtin_ctz(types)];
            const char *text = c->text + c->off[i];
            size_t len = (i + 1 < c->n ? c->off[i + 1] : c->text_len) - c->off[i];
            sb_append(&sb, text, c->pre[i]);
            sb_printf(&sb, "<%s-%d>", name, ++placeholder);
            if (names)
                names[i] = xasprintf("<%s-%d>", name, placeholder);
            sb_append(&sb, text + len - c->suf[i], c->suf[i]);
        }
        if (i + 1 < c->n && !(c->flags[i] & FL_GLUED))
            sb_putc(&sb, ' ');
    }
    *len_out = sb.len;
    if (!sb.buf)
        return xstrdup("");
    return sb_detach(&sb);
}

static const char *severity_label(const struct cluster *c)
{
    int best = -1;
    for (int k = 0; k < SEV_N; k++)
        if (c->sev[k] > 0 && (best < 0 || c->sev[k] > c->sev[best]))
            best = k; /* strictly more: a tie keeps the more severe */
    return best < 0 ? "Unknown" : severity_names[best];
}

static int by_count(const void *a, const void *b)
{
    const struct pat_result *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* The anomalies of cluster c into result r (strings kept in slots). */
static void judge(struct pat_miner *m, const struct cluster *c, struct pat_result *r, char **slots,
                  int64_t total_base)
{
    char **names = xcalloc(c->n ? c->n : 1, sizeof *names);
    size_t len;
    free(render(c, &len, names));
    struct anom_pos **pos = xcalloc(c->n ? c->n : 1, sizeof *pos);
    const char **pos_names = xcalloc(c->n ? c->n : 1, sizeof *pos_names);
    bool *pos_words = xcalloc(c->n ? c->n : 1, sizeof *pos_words);
    const unsigned words = 1u << PT_WORD | 1u << PT_ARN | 1u << PT_URL | 1u << PT_IPV4 | 1u << PT_IPV6;
    size_t n_pos = 0;
    for (uint32_t i = 0; i < c->n; i++)
        if (c->len[i] == DYNAMIC) {
            pos[n_pos] = c->watch[i];
            pos_words[n_pos] = (c->types[i] & ~words) == 0;
            pos_names[n_pos++] = names[i] ? names[i] : "<*>";
        }
    struct anom_pattern ap = {.buckets = c->buckets, .severity = r->severity, .n_pos = n_pos,
                              .pos = pos, .pos_names = pos_names, .pos_words = pos_words};
    struct strbuf types = STRBUF_INIT, desc = STRBUF_INIT;
    const char *priority = NULL;
    if (anom_judge(&ap, m->t0_ms, m->t1_ms, total_base, &types, &desc, &priority)) {
        slots[0] = sb_detach(&types);
        slots[1] = sb_detach(&desc);
        r->anomaly_types = slots[0];
        r->anomaly_description = slots[1];
        r->anomaly_priority = priority;
    }
    sb_free(&types);
    sb_free(&desc);
    for (uint32_t i = 0; i < c->n; i++)
        free(names[i]);
    free(names);
    free(pos);
    free(pos_names);
    free(pos_words);
}

const struct pat_result *pat_finish(struct pat_miner *m, size_t *n)
{
    if (!m->results) {
        m->results = xcalloc(m->n_clusters ? m->n_clusters : 1, sizeof *m->results);
        m->rendered = xcalloc(m->n_clusters ? m->n_clusters : 1, sizeof *m->rendered);
        int64_t total_base = 0;
        if (m->watching) {
            m->anomaly_text = xcalloc(2 * (m->n_clusters ? m->n_clusters : 1), sizeof(char *));
            for (size_t i = 0; i < m->n_clusters; i++)
                for (int k = 0; k < ANOM_BUCKETS / 2; k++)
                    total_base += m->clusters[i]->buckets[k];
        }
        for (size_t i = 0; i < m->n_clusters; i++) {
            const struct cluster *c = m->clusters[i];
            size_t len;
            m->rendered[i] = render(c, &len, NULL);
            m->results[i] = (struct pat_result){.pattern = m->rendered[i], .pattern_len = len,
                                                .count = c->count,
                                                .previous = c->previous,
                                                .severity = severity_label(c),
                                                .first_ms = c->first_ms, .last_ms = c->last_ms,
                                                .id = c->id};
            if (m->watching)
                judge(m, c, &m->results[i], m->anomaly_text + 2 * i, total_base);
        }
        qsort(m->results, m->n_clusters, sizeof *m->results, by_count);
    }
    *n = m->n_clusters;
    return m->results;
}
