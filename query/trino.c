/*
 * trino.c — an Insights query as one Trino SQL statement for Athena or
 * CloudTrail Lake (see trino.h; the rules are in trailq(1), SQL FOR ATHENA
 * AND CLOUDTRAIL LAKE).
 *
 * The analysis of compile.c runs first, so every query error trailq gives
 * locally is given here too. Then the commands become a chain of CTEs over
 * the CloudTrail table, as compile.c builds them over the index:
 *
 *   WITH s0 AS (SELECT t.*, <eventtime in ms> AS _ts FROM <table> t
 *               WHERE <range> AND <partitions>),
 *        s1 AS (SELECT s0.* FROM s0 WHERE <filter>), ...
 *   SELECT <projection> FROM sN ORDER BY <current order> [LIMIT n]
 *
 * Values keep trailq's rules (docs/language.md) by construction, not by
 * trust in Trino's defaults:
 *  - times are bigint milliseconds (_ts) until the final projection makes
 *    them timestamps, so bin() and comparisons are the same arithmetic;
 *  - a text that is a number (trailq's grammar, and true/false as 1/0) is
 *    read with a regular expression before CAST, never by Trino's laxer
 *    cast (numeric());
 *  - a comparison is numeric when both sides are numbers, else textual;
 *    a missing operand makes it false, also under not (coalesce);
 *  - the Insights sort order (digits-only values last by value, other text
 *    chunk by chunk) is one varchar key per value (natural_key());
 *  - the default order is newest first, ties by eventid (Trino has no
 *    input order; trailq keeps the order it read the events in).
 * Whatever cannot keep these rules is refused with a caret on it.
 */
#include "query/trino.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/chars.h"
#include "base/numfmt.h"
#include "base/timeval.h"
#include "index/sysfield.h"
#include "query/compile_int.h"
#include "query/funcs.h"
#include "query/parser.h"
#include "query/regex.h"
#include "query/sqlfn.h"
#include "query/trino_map.h"

/* A number as trailq reads one from text (sqlfn_text_to_number), anchored
 * at both ends in a way Joni, RE2 and PCRE agree on. */
#define NUM_RE "'\\A[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\\z'"

/* Trino types of translated values. */
enum tt {
    TT_STR,   /* varchar */
    TT_NUM,   /* double */
    TT_INT,   /* bigint */
    TT_BOOL,  /* boolean */
    TT_TIME,  /* bigint milliseconds since the epoch */
    TT_ROW,   /* a row of the table (node gives its fields) */
    TT_ARRAY, /* an array of rows (node gives the row's fields) */
    TT_MAP,   /* map(varchar, varchar) */
    TT_STRS,  /* array(varchar), from split() */
};

struct tval {
    const char *sql;
    enum tt t;
    const struct tnode *node; /* TT_ROW, TT_ARRAY */
    const char *arr, *idx;    /* TT_ROW: element idx (1-based SQL) of the array arr */
};

struct tsym {
    const char *name;
    struct tval v;
    bool is_agg;              /* an aggregate of the stats being compiled */
};

struct oterm {
    const char *sql;
    bool desc;
    bool fixed;               /* "x IS NULL": missing stays last in both directions */
};

struct order {
    struct oterm *t;
    size_t n, cap;
};

struct tproj {
    const char *name;
    struct tval v;
    struct span at;           /* for the error when it cannot be shown */
};

struct tplist {
    struct tproj *items;
    size_t n, cap;
};

enum tplace { TP_ROW, TP_ITEM, TP_IN_AGG, TP_BY };

struct tctx {
    struct query *q;
    struct arena *a;
    const struct compile_opts *co;
    const struct trino_opts *to;
    const struct tschema *schema;
    struct qerror *err;

    struct tsym *syms;
    size_t n_syms, cap_syms;
    bool need_path;            /* the base relation selects "$path" */

    enum tplace place;
    int64_t offset_ms;         /* stats ... offset, for bin() in its by keys */

    struct strbuf with;        /* ", s1 AS (...)" ... */
    int stage;
    struct order order;
    int next_col;
    struct tplist fields, parsed, stats_out, display;
    bool have_display, have_stats;
    bool final_limit;
    int64_t limit_n;
    bool limit_tail;
};

/* ---- small helpers ---- */

static int terr(struct tctx *c, struct span at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int terr(struct tctx *c, struct span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qerror_vset(c->err, at, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *S(struct tctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *S(struct tctx *c, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

static const char *quote(struct tctx *c, const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    sb_sql_quote(&sb, s, strlen(s));
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

/* A double-quoted identifier (result column names). */
static const char *ident(struct tctx *c, const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    sb_putc(&sb, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_putc(&sb, '"');
        sb_putc(&sb, *p);
    }
    sb_putc(&sb, '"');
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

static const char *tnew_col(struct tctx *c)
{
    return S(c, "v%d", ++c->next_col);
}

static const char *prev(struct tctx *c)
{
    return S(c, "s%d", c->stage);
}

static void add_stage(struct tctx *c, const char *body)
{
    c->stage++;
    sb_printf(&c->with, ", s%d AS (%s)", c->stage, body);
}

static struct tsym *scope_get(struct tctx *c, const char *name)
{
    for (size_t i = c->n_syms; i-- > 0;)
        if (strcmp(c->syms[i].name, name) == 0)
            return &c->syms[i];
    return NULL;
}

static void scope_put(struct tctx *c, const char *name, struct tval v, bool is_agg)
{
    c->syms = arena_grow(c->a, c->syms, &c->cap_syms, c->n_syms + 1, sizeof *c->syms);
    c->syms[c->n_syms++] = (struct tsym){name, v, is_agg};
}

static void tplist_add(struct tctx *c, struct tplist *l, const char *name, struct tval v,
                      struct span at)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].name, name) == 0) {
            l->items[i].v = v;
            l->items[i].at = at;
            return;
        }
    l->items = arena_grow(c->a, l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = (struct tproj){name, v, at};
}

static const char *expr_text(struct tctx *c, const struct expr *e)
{
    struct strbuf sb = STRBUF_INIT;
    expr_to_text(c->q, e, &sb);
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

static bool is_numeric_text(const char *s)
{
    return sqlfn_text_to_number(s, strlen(s), NULL, NULL, NULL) || strcmp(s, "true") == 0 ||
           strcmp(s, "false") == 0;
}

/* ---- value conversions ---- */

/* The value as a double, or NULL where trailq's number rules give none. */
static const char *numeric(struct tctx *c, const struct tval *v)
{
    switch (v->t) {
    case TT_NUM:
        return v->sql;
    case TT_INT:
    case TT_TIME:
        return S(c, "CAST(%s AS double)", v->sql);
    case TT_BOOL:
        return S(c, "IF(%s, 1e0, 0e0)", v->sql);
    case TT_STR:
        return S(c,
                 "(CASE WHEN %s = 'true' THEN 1e0 WHEN %s = 'false' THEN 0e0 WHEN regexp_like(%s, "
                 NUM_RE ") THEN CAST(%s AS double) END)",
                 v->sql, v->sql, v->sql, v->sql);
    default:
        return "CAST(NULL AS double)";
    }
}

/* Can the value be text exactly as trailq writes it? */
static bool textual(const struct tval *v)
{
    return v->t == TT_STR || v->t == TT_INT;
}

static int as_text(struct tctx *c, const struct tval *v, struct span at, const char **out)
{
    if (v->t == TT_STR) {
        *out = v->sql;
        return 0;
    }
    if (v->t == TT_INT) {
        *out = S(c, "CAST(%s AS varchar)", v->sql);
        return 0;
    }
    if (v->t == TT_NUM)
        return terr(c, at,
                    "this number would be text here, and Trino writes decimals otherwise "
                    "(1.5E0); no --sql translation");
    if (v->t == TT_TIME)
        return terr(c, at, "a time used as text has no --sql translation");
    if (v->t == TT_BOOL)
        return terr(c, at, "a true/false value used as text has no --sql translation");
    return terr(c, at, "this is an object or a list in %s, not text: name one of its fields",
                c->schema->what);
}

static bool is_numberish(enum tt t)
{
    return t == TT_NUM || t == TT_INT || t == TT_TIME || t == TT_BOOL;
}

/* The Insights sort order of a varchar as one varchar key
 * (docs/language.md#sort-order): "2" and the digits without leading zeros,
 * prefixed by their count, for a value of digits only; else "1" and its
 * chunks, a run of digits as "0", its length in 10 digits and the digits,
 * a run of other characters with U+0001 escaped as U+0001 U+0002 and ended
 * by U+0001 U+0001 (so a chunk sorts before its own extensions). */
static const char *natural_key(struct tctx *c, const char *x)
{
    return S(c,
             "IF(regexp_like(%s, '\\A[0-9]+\\z'), '2' || lpad(CAST(length(regexp_replace(%s, "
             "'^0+', '')) AS varchar), 10, '0') || regexp_replace(%s, '^0+', ''), '1' || "
             "array_join(transform(regexp_extract_all(%s, '[0-9]+|[^0-9]+'), k -> "
             "IF(regexp_like(k, '^[0-9]'), '0' || lpad(CAST(length(k) AS varchar), 10, '0') || k, "
             "replace(k, chr(1), chr(1) || chr(2)) || chr(1) || chr(1))), ''))",
             x, x, x, x);
}

static void order_add(struct tctx *c, struct order *o, const char *sql, bool desc, bool fixed)
{
    o->t = arena_grow(c->a, o->t, &o->cap, o->n + 1, sizeof *o->t);
    o->t[o->n++] = (struct oterm){sql, desc, fixed};
}

/* ORDER BY terms that sort v in the Insights order, missing last. */
static int sort_terms(struct tctx *c, const struct tval *v, bool desc, struct order *o,
                      struct span at)
{
    if (v->t == TT_ROW || v->t == TT_ARRAY || v->t == TT_MAP || v->t == TT_STRS)
        return terr(c, at, "a map or list cannot be sorted");
    order_add(c, o, S(c, "(%s) IS NULL", v->sql), false, true);
    order_add(c, o, v->t == TT_STR ? natural_key(c, v->sql) : v->sql, desc, false);
    return 0;
}

static const char *order_sql(struct tctx *c, const struct order *o, bool reverse)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < o->n; i++) {
        bool desc = o->t[i].fixed ? false : o->t[i].desc != reverse;
        sb_printf(&sb, "%s%s%s", i ? ", " : "", o->t[i].sql, desc ? " DESC" : "");
    }
    const char *r = arena_strdup(c->a, sb.len ? sb_str(&sb) : "1");
    sb_free(&sb);
    return r;
}

/* ---- fields ---- */

/* A JSON path for the dotted segments s[0..n): $.key, [i] for a number,
 * ["key"] for a key that is not an identifier. */
static const char *json_path(struct tctx *c, const char *s, size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    sb_putc(&sb, '$');
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '.')
            j++;
        bool digits = j > i, word = j > i && (ch_is_alpha(s[i]) || s[i] == '_');
        for (size_t k = i; k < j; k++) {
            digits &= ch_is_digit(s[k]);
            word &= ch_is_alnum(s[k]) || s[k] == '_';
        }
        if (digits)
            sb_printf(&sb, "[%.*s]", (int)(j - i), s + i);
        else if (word)
            sb_printf(&sb, ".%.*s", (int)(j - i), s + i);
        else {
            sb_puts(&sb, "[\"");
            for (size_t k = i; k < j; k++) {
                if (s[k] == '"' || s[k] == '\\')
                    sb_putc(&sb, '\\');
                sb_putc(&sb, s[k]);
            }
            sb_puts(&sb, "\"]");
        }
        i = j + 1;
    }
    const char *r = quote(c, sb_str(&sb));
    sb_free(&sb);
    return r;
}

/* The value of a node reached by sql. */
static struct tval node_value(struct tctx *c, const struct tnode *n, const char *sql)
{
    switch (n->kind) {
    case TN_BOOL:
        return (struct tval){S(c, "CAST(%s AS varchar)", sql), TT_STR, NULL, NULL, NULL};
    case TN_TIME:
        return (struct tval){S(c, "date_format(%s, '%%Y-%%m-%%dT%%H:%%i:%%sZ')", sql), TT_STR,
                             NULL, NULL, NULL};
    case TN_STRUCT:
        return (struct tval){sql, TT_ROW, n, NULL, NULL};
    case TN_ARRAY:
        return (struct tval){sql, TT_ARRAY, n, NULL, NULL};
    case TN_MAP:
    case TN_JSONMAP:
        return (struct tval){sql, TT_MAP, n, NULL, NULL};
    default:
        return (struct tval){sql, TT_STR, NULL, NULL, NULL};
    }
}

/* Where a walk down a dotted name stands: at sql, or, inside an element
 * of an array, at the lambda path lam ("x.a.b") of element idx of arr. */
struct wpos {
    const char *sql;
    const char *arr, *idx, *lam;
};

static const char *wpos_sql(struct tctx *c, const struct wpos *w)
{
    if (!w->arr)
        return w->sql;
    if (strcmp(w->lam, "x") == 0)
        return S(c, "element_at(%s, %s)", w->arr, w->idx);
    /* a field of an element: element_at(transform(arr, x -> x.f), i) keeps
     * to syntax every Trino and its parsers read */
    return S(c, "element_at(transform(%s, x -> %s), %s)", w->arr, w->lam, w->idx);
}

static int walk_end(struct tctx *c, const struct tnode *n, const struct wpos *w, struct tval *out)
{
    if (w->arr && strcmp(w->lam, "x") == 0) {
        *out = (struct tval){wpos_sql(c, w), TT_ROW, n, w->arr, w->idx};
        return 0;
    }
    *out = node_value(c, n, wpos_sql(c, w));
    return 0;
}

/* The rest of a dotted name below node n, standing at w. */
static int walk_path(struct tctx *c, const char *full, const struct tnode *n, struct wpos w,
                     const char *rest, struct span at, struct tval *out)
{
    while (*rest) {
        const char *dot = strchr(rest, '.');
        size_t len = dot ? (size_t)(dot - rest) : strlen(rest);
        const char *here = wpos_sql(c, &w);
        switch (n->kind) {
        case TN_JSON:
            *out = (struct tval){S(c, "json_extract_scalar(%s, %s)", here,
                                   json_path(c, rest, strlen(rest))),
                                 TT_STR, NULL, NULL, NULL};
            return 0;
        case TN_MAP:
            *out = (struct tval){S(c, "element_at(%s, %s)", here, quote(c, rest)), TT_STR, NULL,
                                 NULL, NULL};
            return 0;
        case TN_JSONMAP: {
            const char *v = S(c, "element_at(%s, %s)", here,
                              quote(c, arena_strndup(c->a, rest, len)));
            *out = dot ? (struct tval){S(c, "json_extract_scalar(%s, %s)", v,
                                         json_path(c, dot + 1, strlen(dot + 1))),
                                       TT_STR, NULL, NULL, NULL}
                       : (struct tval){v, TT_STR, NULL, NULL, NULL};
            return 0;
        }
        case TN_ARRAY: {
            if (w.arr && strcmp(w.lam, "x") != 0)
                return terr(c, at, "'%s': a list inside a list has no --sql translation", full);
            bool digits = len > 0 && len < 10 && !w.arr;
            for (size_t k = 0; k < len && digits; k++)
                digits = ch_is_digit(rest[k]);
            if (!w.arr && !digits)
                return terr(c, at, "'%s': %s is a list in %s; name an element (%s.0.%s) or "
                            "unnest it", full, n->name, c->schema->what, n->name,
                            n->n_kids ? n->kids[0].name : "x");
            if (!w.arr) {
                /* element i (from 0) of the list, NULL past its end */
                w = (struct wpos){NULL, w.sql, S(c, "%lld", strtoll(rest, NULL, 10) + 1), "x"};
                rest += len + (dot ? 1 : 0);
                continue;
            }
            /* at an element: the name below is a field of the row */
            const struct tnode *kid = tnode_child(n->kids, n->n_kids, rest, len);
            if (!kid)
                goto unknown;
            w.lam = S(c, "%s.%s", w.lam, kid->col);
            n = kid;
            rest += len + (dot ? 1 : 0);
            continue;
        }
        case TN_STRUCT: {
            const struct tnode *kid = tnode_child(n->kids, n->n_kids, rest, len);
            if (!kid)
                goto unknown;
            if (w.arr)
                w.lam = S(c, "%s.%s", w.lam, kid->col);
            else
                w.sql = S(c, "%s.%s", w.sql, kid->col);
            n = kid;
            rest += len + (dot ? 1 : 0);
            continue;
        }
        default:
            return terr(c, at, "'%s': %s is text in %s, with no fields below it", full, n->name,
                        c->schema->what);
        }
    unknown: {
        const struct tnode *near = tnode_child_nocase(n->kids, n->n_kids, rest, len);
        if (near)
            return terr(c, at, "'%s' is not a field of %s (names are case-sensitive: %.*s%s)",
                        full, c->schema->what, (int)(rest - full), full, near->name);
        return terr(c, at, "'%s' is not a field of %s, so it has no --sql translation", full,
                    c->schema->what);
    }
    }
    return walk_end(c, n, &w, out);
}

/* A field of the table: the top-level column, then walk_path. */
static int table_field(struct tctx *c, const char *name, struct span at, struct tval *out)
{
    const char *dot = strchr(name, '.');
    size_t len = dot ? (size_t)(dot - name) : strlen(name);
    const struct tnode *top = tnode_child(c->schema->top, c->schema->n_top, name, len);
    if (!top) {
        const struct tnode *near = tnode_child_nocase(c->schema->top, c->schema->n_top, name, len);
        if (near)
            return terr(c, at, "'%s' is not a field of %s (names are case-sensitive: %s)", name,
                        c->schema->what, near->name);
        return terr(c, at, "'%s' is not a field of %s, so it has no --sql translation", name,
                    c->schema->what);
    }
    if (!dot) {
        *out = node_value(c, top, top->col);
        return 0;
    }
    return walk_path(c, name, top, (struct wpos){top->col, NULL, NULL, NULL}, dot + 1, at, out);
}

static int system_field(struct tctx *c, const char *name, struct span at, struct tval *out)
{
    enum sys_field f = sys_field_find(name);
    assert(f != SYSF_NONE); /* tx_field sends only system names */
    switch (f) {
    case SYSF_TIMESTAMP:
        *out = (struct tval){"_ts", TT_TIME, NULL, NULL, NULL};
        return 0;
    case SYSF_LOG_STREAM:
        /* <recipientAccountId>_CloudTrail_<awsRegion>, as parsers/cloudtrail.c */
        *out = (struct tval){"(recipientaccountid || '_CloudTrail_' || awsregion)", TT_STR, NULL, NULL, NULL};
        return 0;
    case SYSF_INGESTION_TIME: {
        if (c->to->target != SQL_ATHENA)
            return terr(c, at,
                        "@ingestionTime is the delivery time in an S3 object name, which %s "
                        "does not keep",
                        c->schema->what);
        c->need_path = true;
        /* ..._CloudTrail_<region>_YYYYMMDDTHHMMZ_... (parsers/cloudtrail.c) */
        const char *d = "regexp_extract(_path, '_CloudTrail_[^_/]+_([0-9]{8}T[0-9]{4})Z_[^/]*$', 1)";
        *out = (struct tval){
            S(c, "CAST(to_unixtime(from_iso8601_timestamp(substr(%s, 1, 4) || '-' || substr(%s, 5, "
              "2) || '-' || substr(%s, 7, 2) || 'T' || substr(%s, 10, 2) || ':' || substr(%s, 12, "
              "2) || ':00Z')) * 1000 AS bigint)",
              d, d, d, d, d),
            TT_TIME, NULL, NULL, NULL};
        return 0;
    }
    case SYSF_MESSAGE:
        return terr(c, at, "@message is the raw event, which %s does not keep; name its fields",
                    c->schema->what);
    case SYSF_LOG:
        return terr(c, at, "@log is the input file, which has no counterpart in %s",
                    c->schema->what);
    case SYSF_PTR:
    default:
        return terr(c, at, "%s is the place of the event in its input file, which has no counterpart "
                    "in %s", name, c->schema->what);
    }
}

static int tx_field(struct tctx *c, const char *name, struct span at, struct tval *out)
{
    struct tsym *s = scope_get(c, name);
    if (s) {
        *out = s->v;
        return 0;
    }
    /* a.b.c where a (or a.b) is an unnested row */
    size_t n = strlen(name);
    for (size_t cut = n; cut-- > 1;) {
        if (name[cut] != '.')
            continue;
        char *head = arena_strndup(c->a, name, cut);
        struct tsym *base = scope_get(c, head);
        if (!base)
            continue;
        if (base->v.t == TT_ROW && base->v.node && base->v.arr)
            return walk_path(c, name, base->v.node,
                             (struct wpos){NULL, base->v.arr, base->v.idx, "x"}, name + cut + 1,
                             at, out);
        return terr(c, at, "'%s' reaches into %s, which has no fields in --sql", name, head);
    }
    if (name[0] == '@' && cx_is_system_name(name))
        return system_field(c, name, at, out);
    return table_field(c, name, at, out);
}

/* ---- expressions ---- */

static int tx_expr(struct tctx *c, const struct expr *e, struct tval *out);
static int tx_cond(struct tctx *c, const struct expr *e, bool strict, const char **out);

static const char *strict_bool(struct tctx *c, const char *sql, bool strict)
{
    return strict ? S(c, "coalesce(%s, false)", sql) : sql;
}

static const char *sql_op(enum expr_op op)
{
    switch (op) {
    case OP_EQ: return "=";
    case OP_NE: return "<>";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    default: return NULL;
    }
}

/* The text trailq gives a number literal when it compares it as text. */
static const char *number_text(struct tctx *c, const struct expr *e)
{
    char buf[NUMFMT_MAX];
    if (e->is_int)
        fmt_int(e->ival, buf);
    else
        fmt_double(e->num, buf);
    return quote(c, buf);
}

/* A double literal (Trino reads 1.5 as a decimal, 1.5e0 as a double). */
static const char *double_sql(struct tctx *c, double d)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.17g", d);
    return strpbrk(buf, "eE") ? S(c, "%s", buf) : S(c, "%se0", buf);
}

static const char *number_sql(struct tctx *c, const struct expr *e)
{
    if (e->is_int)
        return S(c, "%lld", (long long)e->ival);
    return double_sql(c, e->num);
}

/* a op b with trailq's rule: as numbers when both are, else as text. */
static int compare_values(struct tctx *c, const struct tval *a, const struct tval *b,
                          enum expr_op op, struct span at, const char **sql)
{
    const char *o = sql_op(op);
    if (is_numberish(a->t) && is_numberish(b->t)) {
        if (a->t == b->t && a->t != TT_BOOL)
            *sql = S(c, "(%s %s %s)", a->sql, o, b->sql);
        else
            *sql = S(c, "(%s %s %s)", numeric(c, a), o, numeric(c, b));
        return 0;
    }
    if (a->t == TT_STR && b->t == TT_STR) {
        *sql = S(c, "(CASE WHEN %s IS NOT NULL AND %s IS NOT NULL THEN %s %s %s ELSE %s %s %s END)",
                 numeric(c, a), numeric(c, b), numeric(c, a), o, numeric(c, b), a->sql, o,
                 b->sql);
        return 0;
    }
    /* a number against a text: as numbers when the text is one, else the
     * number's text against the text */
    const struct tval *num = is_numberish(a->t) ? a : b, *txt = num == a ? b : a;
    if (txt->t != TT_STR || !textual(num))
        return terr(c, at, "this comparison has no --sql translation (compare values of "
                    "the same kind)");
    const char *ntext = S(c, "CAST(%s AS varchar)", num->sql);
    const char *l = num == a ? numeric(c, num) : numeric(c, txt);
    const char *r = num == a ? numeric(c, txt) : numeric(c, num);
    const char *lt = num == a ? ntext : txt->sql, *rt = num == a ? txt->sql : ntext;
    *sql = S(c, "(CASE WHEN %s IS NOT NULL THEN %s %s %s ELSE %s %s %s END)", numeric(c, txt), l,
             o, r, lt, o, rt);
    return 0;
}

static bool is_literal(const struct expr *e)
{
    return e->kind == EX_STRING || e->kind == EX_NUMBER || e->kind == EX_BOOL;
}

static int tx_compare(struct tctx *c, const struct expr *e, const char **sql)
{
    const struct expr *l = e->args[0], *r = e->args[1];
    enum expr_op op = e->op;
    if (is_literal(l) && !is_literal(r)) {
        const struct expr *t = l;
        l = r;
        r = t;
        op = op == OP_LT ? OP_GT : op == OP_LE ? OP_GE : op == OP_GT ? OP_LT : op == OP_GE ? OP_LE : op;
    }
    struct tval a;
    if (tx_expr(c, l, &a))
        return -1;
    const char *o = sql_op(op);
    int64_t ms;
    if (a.t == TT_TIME && r->kind == EX_STRING && tv_parse_iso8601(r->str, strlen(r->str), &ms)) {
        *sql = S(c, "(%s %s %lld)", a.sql, o, (long long)ms);
        return 0;
    }
    if (r->kind == EX_BOOL) {
        if (a.t == TT_BOOL)
            *sql = S(c, "(%s %s %s)", a.sql, o, r->ival ? "true" : "false");
        else if (a.t == TT_STR)
            *sql = op == OP_EQ ? S(c, "(%s = %s)", a.sql, r->ival ? "'true'" : "'false'")
                               : S(c, "(%s <> %s)", a.sql, r->ival ? "'true'" : "'false'");
        else
            *sql = op == OP_EQ ? "false" : S(c, "(%s IS NOT NULL)", a.sql);
        return 0;
    }
    if (r->kind == EX_STRING && !is_numeric_text(r->str)) {
        /* text that is not a number compares as text */
        const char *at;
        if (as_text(c, &a, l->span, &at))
            return -1;
        *sql = S(c, "(%s %s %s)", at, o, quote(c, r->str));
        return 0;
    }
    if (r->kind == EX_STRING || r->kind == EX_NUMBER) {
        const char *lit_num, *lit_text;
        if (r->kind == EX_NUMBER) {
            lit_num = number_sql(c, r);
            lit_text = number_text(c, r);
        } else {
            double d = 0;
            if (strcmp(r->str, "true") == 0 || strcmp(r->str, "false") == 0)
                d = r->str[0] == 't';
            else
                sqlfn_text_to_number(r->str, strlen(r->str), &d, NULL, NULL);
            lit_num = double_sql(c, d);
            lit_text = quote(c, r->str);
        }
        if (is_numberish(a.t)) {
            *sql = S(c, "(%s %s %s)", a.t == TT_INT || a.t == TT_TIME || a.t == TT_NUM
                                         ? a.sql : numeric(c, &a), o, lit_num);
            return 0;
        }
        if (a.t != TT_STR)
            return terr(c, l->span, "this is an object or a list in %s, not a value to compare",
                        c->schema->what);
        const char *n = numeric(c, &a);
        *sql = S(c, "(CASE WHEN %s IS NOT NULL THEN %s %s %s ELSE %s %s %s END)", n, n, o, lit_num,
                 a.sql, o, lit_text);
        return 0;
    }
    struct tval b;
    if (tx_expr(c, r, &b))
        return -1;
    return compare_values(c, &a, &b, op, e->span, sql);
}

static int tx_in(struct tctx *c, const struct expr *e, const char **sql)
{
    if (e->sub)
        return terr(c, e->sub->span, "a subquery has no --sql translation yet");
    const struct expr *list = e->args[1];
    struct tval x;
    if (tx_expr(c, e->args[0], &x))
        return -1;
    if (list->n_args == 0) {
        *sql = e->negated ? S(c, "(%s IS NOT NULL)", x.sql) : "false";
        return 0;
    }
    bool all_text = x.t == TT_STR;
    for (size_t i = 0; i < list->n_args; i++)
        if (list->args[i]->kind != EX_STRING || is_numeric_text(list->args[i]->str))
            all_text = false;
    struct strbuf sb = STRBUF_INIT;
    if (all_text) {
        sb_printf(&sb, e->negated ? "(%s IS NOT NULL AND %s NOT IN (" : "(%s IN (", x.sql, x.sql);
        for (size_t i = 0; i < list->n_args; i++)
            sb_printf(&sb, "%s%s", i ? ", " : "", quote(c, list->args[i]->str));
        sb_puts(&sb, "))");
    } else {
        /* one comparison per element, each false when missing */
        sb_puts(&sb, e->negated ? S(c, "(%s IS NOT NULL AND NOT (", x.sql) : "(");
        for (size_t i = 0; i < list->n_args; i++) {
            struct expr eq = {.kind = EX_BINARY, .op = OP_EQ, .span = list->args[i]->span};
            struct expr *args[2] = {e->args[0], list->args[i]};
            eq.args = args;
            eq.n_args = 2;
            const char *one;
            if (tx_compare(c, &eq, &one)) {
                sb_free(&sb);
                return -1;
            }
            sb_printf(&sb, "%scoalesce(%s, false)", i ? " OR " : "", one);
        }
        sb_puts(&sb, e->negated ? "))" : ")");
    }
    *sql = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return 0;
}

/* Constructs of PCRE2 that Trino's regex engine (Joni) reads otherwise. */
static int check_portable_regex(struct tctx *c, const char *re, struct span at)
{
    static const struct {
        const char *seq, *why;
    } bad[] = {
        {"\\Q", "\\Q...\\E quoting is PCRE's; Trino's regex engine does not have it"},
        {"\\K", "\\K is PCRE's; Trino's regex engine does not have it"},
        {"(?|", "(?|...) branch reset is PCRE's; Trino's regex engine does not have it"},
        {"(*", "(*VERB) is PCRE's; Trino's regex engine does not have it"},
        {"\\p{", "\\p{...} classes are named otherwise in Trino's regex engine"},
        {"\\X", "\\X is PCRE's; Trino's regex engine does not have it"},
        {"(?(", "conditional groups are PCRE's; Trino's regex engine does not have them"},
        {"\\k<", "a back-reference by name has no --sql translation"},
        {"(?P=", "a back-reference by name has no --sql translation"},
    };
    for (const char *p = re; *p; p++) {
        if (*p == '\\' && p[1] && p[1] != 'Q' && p[1] != 'K' && p[1] != 'p' && p[1] != 'X' &&
            p[1] != 'k') {
            p++;
            continue;
        }
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
            if (strncmp(p, bad[i].seq, strlen(bad[i].seq)) == 0)
                return terr(c, at, "%s", bad[i].why);
    }
    return 0;
}

/* The regex with its named groups written as plain groups: the statement
 * takes groups by number, and (?<name>...) is (?P<name>...) in RE2 and
 * has its own rules for names in Joni. Lookbehinds stay. */
static const char *plain_regex(struct tctx *c, const char *re)
{
    struct strbuf sb = STRBUF_INIT;
    for (const char *p = re; *p; p++) {
        if (*p == '\\' && p[1]) {
            sb_putc(&sb, *p++);
            sb_putc(&sb, *p);
        } else if (strncmp(p, "(?<", 3) == 0 && p[3] != '=' && p[3] != '!' && strchr(p, '>')) {
            sb_putc(&sb, '(');
            p = strchr(p, '>');
        } else {
            sb_putc(&sb, *p);
        }
    }
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

static int tx_like(struct tctx *c, const struct expr *e, const char **sql)
{
    struct tval x;
    if (tx_expr(c, e->args[0], &x))
        return -1;
    const char *s;
    if (as_text(c, &x, e->args[0]->span, &s))
        return -1;
    const struct expr *pat = e->args[1];
    const char *test;
    if (pat->kind == EX_REGEX) {
        if (check_portable_regex(c, pat->str, pat->span))
            return -1;
        test = S(c, "regexp_like(%s, %s)", s, quote(c, plain_regex(c, pat->str)));
    } else {
        test = S(c, "(strpos(%s, %s) > 0)", s, quote(c, pat->str));
    }
    *sql = e->negated ? S(c, "(%s IS NOT NULL AND NOT %s)", s, test) : test;
    return 0;
}

static int tx_cond(struct tctx *c, const struct expr *e, bool strict, const char **out)
{
    const char *sql = NULL;
    switch (e->kind) {
    case EX_BINARY:
        if (e->op == OP_AND || e->op == OP_OR) {
            /* every operand, however many the parser put in one node */
            struct strbuf sb = STRBUF_INIT;
            sb_putc(&sb, '(');
            for (size_t i = 0; i < e->n_args; i++) {
                const char *a;
                if (tx_cond(c, e->args[i], strict, &a)) {
                    sb_free(&sb);
                    return -1;
                }
                sb_printf(&sb, "%s%s", i ? (e->op == OP_AND ? " AND " : " OR ") : "", a);
            }
            sb_putc(&sb, ')');
            *out = arena_strdup(c->a, sb_str(&sb));
            sb_free(&sb);
            return 0;
        }
        if (sql_op(e->op)) {
            if (tx_compare(c, e, &sql))
                return -1;
            *out = strict_bool(c, sql, strict);
            return 0;
        }
        break;
    case EX_UNARY:
        if (e->op == OP_NOT) {
            const char *a;
            if (tx_cond(c, e->args[0], true, &a))
                return -1;
            *out = S(c, "(NOT %s)", a);
            return 0;
        }
        break;
    case EX_LIKE:
    case EX_MATCH:
        if (tx_like(c, e, &sql))
            return -1;
        *out = strict_bool(c, sql, strict);
        return 0;
    case EX_IN:
        if (tx_in(c, e, &sql))
            return -1;
        *out = strict_bool(c, sql, strict);
        return 0;
    case EX_BOOL:
        *out = e->ival ? "true" : "false";
        return 0;
    default:
        break;
    }
    struct tval v;
    if (tx_expr(c, e, &v))
        return -1;
    switch (v.t) {
    case TT_BOOL:
        *out = strict_bool(c, v.sql, strict);
        return 0;
    case TT_INT:
    case TT_NUM:
    case TT_TIME:
        *out = S(c, "coalesce(%s <> 0, false)", v.sql);
        return 0;
    case TT_STR:
        /* trailq's truth of a value: a number by its value, other text by
         * being non-empty (sqlfn_core.c, tq_truthy) */
        *out = S(c, "coalesce(%s <> 0, length(%s) > 0, false)", numeric(c, &v), v.sql);
        return 0;
    default:
        *out = S(c, "(%s IS NOT NULL)", v.sql);
        return 0;
    }
}

/* ---- functions ---- */

static bool fname_is(const struct func_def *fd, const char *name)
{
    return strcasecmp(fd->name, name) == 0;
}

static int no_translation(struct tctx *c, const struct expr *e, const char *why)
{
    return terr(c, e->name_span, "%s() has no --sql translation: %s", e->name, why);
}

/* Arguments compiled as values (periods and regexes excepted). */
static int call_args(struct tctx *c, const struct expr *e, struct tval *args)
{
    for (size_t i = 0; i < e->n_args; i++) {
        if (e->args[i]->kind == EX_PERIOD || e->args[i]->kind == EX_REGEX) {
            args[i] = (struct tval){"NULL", TT_STR, NULL, NULL, NULL};
            continue;
        }
        if (tx_expr(c, e->args[i], &args[i]))
            return -1;
    }
    return 0;
}

static int text_arg(struct tctx *c, const struct expr *e, struct tval *args, size_t i,
                    const char **out)
{
    return as_text(c, &args[i], e->args[i]->span, out);
}

/* A literal string argument (for the functions whose Trino form needs one). */
static int literal_arg(struct tctx *c, const struct expr *e, size_t i, const char *why,
                       const char **out)
{
    if (e->args[i]->kind != EX_STRING)
        return terr(c, e->args[i]->span, "--sql needs a \"string\" literal here (%s)", why);
    *out = e->args[i]->str;
    return 0;
}

/* ms of a time bucket: fixed periods by arithmetic on the epoch, weeks
 * (from Monday), months, quarters and years of one unit by date_trunc. An
 * offset labels ts with the bucket of ts + off (stats ... offset looks
 * back: docs/language.md#stats). */
static int bucket(struct tctx *c, const char *ts, const struct expr *p, int64_t off, bool ceil_,
                  struct span at, const char **out)
{
    struct period per = p->period;
    if (off)
        ts = S(c, "(%s + %lld)", ts, (long long)off);
    if (per.unit < PU_WEEK) {
        long long len = (long long)tv_period_ms(per);
        if (len <= 0)
            return terr(c, p->span, "this period has no --sql translation");
        const char *fl = S(c, "(%s - (((%s %% %lld) + %lld) %% %lld))", ts, ts, len, len, len);
        *out = ceil_ ? S(c, "(%s + IF(%s = %s, 0, %lld))", fl, fl, ts, len) : fl;
        return 0;
    }
    if (per.n != 1)
        return terr(c, at, "a bucket of several calendar units has no --sql translation (use "
                    "one week, month, quarter or year)");
    static const char *const units[] = {"week", "month", "quarter", "year"};
    const char *u = units[per.unit - PU_WEEK];
    const char *fl = S(c, "CAST(to_unixtime(date_trunc('%s', from_unixtime(%s / 1e3))) * 1000 AS bigint)",
                       u, ts);
    *out = ceil_ ? S(c, "IF(%s = %s, %s, CAST(to_unixtime(date_add('%s', 1, date_trunc('%s', "
                     "from_unixtime(%s / 1e3)))) * 1000 AS bigint))",
                     fl, ts, ts, u, u, ts)
                 : fl;
    return 0;
}

static int tx_aggregate(struct tctx *c, const struct expr *e, const struct func_def *fd,
                        struct tval *args, struct tval *out)
{
    const struct tval *x = e->n_args ? &args[0] : NULL;
    if (fname_is(fd, "count")) {
        *out = (struct tval){e->star || !x ? "count(*)" : S(c, "count(%s)", x->sql), TT_INT, NULL, NULL, NULL};
        return 0;
    }
    if (x && (x->t == TT_ROW || x->t == TT_ARRAY || x->t == TT_MAP || x->t == TT_STRS))
        return terr(c, e->args[0]->span, "this is an object or a list in %s; aggregate one of its "
                    "fields", c->schema->what);
    if (fname_is(fd, "count_distinct")) {
        *out = (struct tval){S(c, c->to->approx ? "approx_distinct(%s)" : "count(DISTINCT %s)",
                               x->sql),
                             TT_INT, NULL, NULL, NULL};
        return 0;
    }
    const char *n = numeric(c, x);
    if (fname_is(fd, "sum")) {
        *out = x->t == TT_INT ? (struct tval){S(c, "sum(%s)", x->sql), TT_INT, NULL, NULL, NULL}
                              : (struct tval){S(c, "sum(%s)", n), TT_NUM, NULL, NULL, NULL};
        return 0;
    }
    if (fname_is(fd, "avg")) {
        *out = (struct tval){S(c, "avg(%s)", n), TT_NUM, NULL, NULL, NULL};
        return 0;
    }
    if (fname_is(fd, "stddev")) {
        *out = (struct tval){S(c, "stddev_samp(%s)", n), TT_NUM, NULL, NULL, NULL};
        return 0;
    }
    if (fname_is(fd, "pct")) {
        const struct expr *p = e->args[1];
        double pv = p->num;
        if (c->to->approx) {
            *out = (struct tval){S(c, "approx_percentile(%s, %.17g)", n, pv / 100), TT_NUM, NULL, NULL, NULL};
        } else {
            /* nearest rank, ceil(p/100 * N) clamped to [1, N], with the
             * slack of sqlfn_agg.c for p not exact in binary */
            const char *cnt = S(c, "count(%s)", n);
            const char *x100 = S(c, "(%.17g * %s / 100e0)", pv, cnt);
            *out = (struct tval){
                /* array_sort puts the missing values last, past rank N */
                S(c, "element_at(array_sort(array_agg(%s)), greatest(1, least(%s, "
                  "CAST(ceil(%s - abs(%s) * 1e-12) AS bigint))))",
                  n, cnt, x100, x100),
                TT_NUM, NULL, NULL, NULL};
        }
        if (x->t == TT_TIME)
            out->sql = S(c, "CAST(%s AS bigint)", out->sql), out->t = TT_TIME;
        return 0;
    }
    if (fname_is(fd, "min") || fname_is(fd, "max")) {
        bool mn = fname_is(fd, "min");
        if (x->t == TT_STR)
            /* numbers by value when every value is one, else by text
             * (sqlfn_agg.c, min and max) */
            *out = (struct tval){S(c, "IF(count(%s) = count(%s), %s(%s, %s), %s(%s))", x->sql, n,
                                   mn ? "min_by" : "max_by", x->sql, n, mn ? "min" : "max",
                                   x->sql),
                                 TT_STR, NULL, NULL, NULL};
        else
            *out = (struct tval){S(c, "%s(%s)", mn ? "min" : "max", x->sql), x->t, NULL, NULL, NULL};
        return 0;
    }
    if (fname_is(fd, "earliest") || fname_is(fd, "latest")) {
        bool first = fname_is(fd, "earliest");
        /* the key is NULL (so the row is skipped) where x is missing */
        *out = (struct tval){S(c, "%s(%s, IF(%s IS NOT NULL, lpad(CAST(_ts AS varchar), 15, '0') "
                               "|| coalesce(eventid, ''), NULL))",
                               first ? "min_by" : "max_by", x->sql, x->sql),
                             x->t, x->node, NULL, NULL};
        return 0;
    }
    if (fname_is(fd, "sortsFirst") || fname_is(fd, "sortsLast")) {
        bool first = fname_is(fd, "sortsFirst");
        if (x->t == TT_STR)
            *out = (struct tval){S(c, "%s(%s, %s)", first ? "min_by" : "max_by", x->sql,
                                   natural_key(c, x->sql)),
                                 TT_STR, NULL, NULL, NULL};
        else
            *out = (struct tval){S(c, "%s(%s)", first ? "min" : "max", x->sql), x->t, NULL, NULL, NULL};
        return 0;
    }
    return no_translation(c, e, "no Trino aggregate gives the same answer");
}

/* The IPv4 rules of sqlfn_ip.c as a regex: four decimal parts 0..255
 * without leading zeros. */
#define IPV4_RE "'\\A((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\z'"

static int tx_call(struct tctx *c, const struct expr *e, struct tval *out)
{
    const struct func_def *fd = func_lookup(e->name);
    if (!fd)
        return terr(c, e->name_span, "unknown function '%s'", e->name);
    size_t n = e->n_args;
    struct tval args[64];
    if (n > 64)
        return terr(c, e->span, "too many arguments");
    enum tplace saved = c->place;
    if (fd->kind != FK_SCALAR)
        c->place = TP_IN_AGG;
    int rc = 0;
    /* jsonParse of a row or list of the table is that row or list */
    if (fname_is(fd, "jsonParse")) {
        rc = tx_expr(c, e->args[0], out);
        c->place = saved;
        if (rc)
            return -1;
        if (out->t == TT_ROW || out->t == TT_ARRAY || out->t == TT_MAP)
            return 0;
        return no_translation(c, e, "on Athena and Lake only an object or list column of the "
                              "table (resources, userIdentity, ...) can stand for a map or list");
    }
    rc = call_args(c, e, args);
    c->place = saved;
    if (rc)
        return -1;
    if (fd->kind != FK_SCALAR)
        return tx_aggregate(c, e, fd, args, out);

    const char *s0 = NULL, *s1 = NULL, *lit = NULL;
    if (fname_is(fd, "ispresent")) {
        *out = (struct tval){S(c, "(%s IS NOT NULL)", args[0].sql), TT_BOOL, NULL, NULL, NULL};
    } else if (fname_is(fd, "coalesce") || fname_is(fd, "if") || fname_is(fd, "case")) {
        /* the branches must be of one Trino type */
        size_t first = fname_is(fd, "coalesce") ? 0 : 1;
        enum tt t = args[first].t;
        for (size_t i = 0; i < n; i++) {
            bool value = fname_is(fd, "coalesce") || (fname_is(fd, "if") ? i > 0 : (i % 2 == 1 || i + 1 == n));
            if (value && args[i].t != t) {
                if (is_numberish(t) && is_numberish(args[i].t) && t != TT_TIME && args[i].t != TT_TIME)
                    t = TT_NUM;
                else
                    return terr(c, e->args[i]->span, "%s() needs values of one kind in --sql "
                                "(here text and a number, or a time)", fd->name);
            }
        }
        struct tval conv[64];
        for (size_t i = 0; i < n; i++)
            conv[i] = t == TT_NUM && args[i].t != TT_NUM
                          ? (struct tval){numeric(c, &args[i]), TT_NUM, NULL, NULL, NULL}
                          : args[i];
        struct strbuf sb = STRBUF_INIT;
        if (fname_is(fd, "coalesce")) {
            sb_puts(&sb, n == 1 ? "(" : "coalesce(");
            for (size_t i = 0; i < n; i++)
                sb_printf(&sb, "%s%s", i ? ", " : "", conv[i].sql);
            sb_puts(&sb, ")");
        } else {
            sb_puts(&sb, "(CASE");
            size_t i = 0;
            size_t pairs = fname_is(fd, "if") ? 2 : n;
            for (; i + 1 < pairs; i += 2) {
                const char *cond;
                if (tx_cond(c, e->args[i], true, &cond)) {
                    sb_free(&sb);
                    return -1;
                }
                sb_printf(&sb, " WHEN %s THEN %s", cond, conv[i + 1].sql);
            }
            if (fname_is(fd, "if"))
                sb_printf(&sb, " ELSE %s", conv[2].sql);
            else if (i < n)
                sb_printf(&sb, " ELSE %s", conv[i].sql);
            sb_puts(&sb, " END)");
        }
        *out = (struct tval){arena_strdup(c->a, sb_str(&sb)), t, args[first].node, NULL, NULL};
        sb_free(&sb);
    } else if (fname_is(fd, "bin")) {
        const char *ts;
        struct tsym *s = scope_get(c, "@timestamp");
        ts = s ? s->v.sql : "_ts";
        if (bucket(c, ts, e->args[0], c->place == TP_BY ? c->offset_ms : 0, false, e->span, &ts))
            return -1;
        *out = (struct tval){ts, TT_TIME, NULL, NULL, NULL};
    } else if (fname_is(fd, "datefloor") || fname_is(fd, "dateceil")) {
        const char *r;
        if (args[0].t != TT_TIME)
            return no_translation(c, e, "its first argument must be a time here");
        if (bucket(c, args[0].sql, e->args[1], 0, fname_is(fd, "dateceil"), e->span, &r))
            return -1;
        *out = (struct tval){r, TT_TIME, NULL, NULL, NULL};
    } else if (fname_is(fd, "toMillis")) {
        if (args[0].t != TT_TIME)
            return no_translation(c, e, "its argument must be a time here");
        *out = (struct tval){args[0].sql, TT_INT, NULL, NULL, NULL};
    } else if (fname_is(fd, "now")) {
        *out = (struct tval){S(c, "%lld", (long long)(c->co->now_ms / 1000)), TT_INT, NULL, NULL, NULL};
    } else if (fname_is(fd, "toNumber") || fname_is(fd, "toDouble")) {
        *out = (struct tval){numeric(c, &args[0]), TT_NUM, NULL, NULL, NULL};
    } else if (fname_is(fd, "isNumeric")) {
        *out = (struct tval){is_numberish(args[0].t) ? S(c, "(%s IS NOT NULL)", args[0].sql)
                                                     : S(c, "(%s IS NOT NULL)", numeric(c, &args[0])),
                             TT_BOOL, NULL, NULL, NULL};
    } else if (fname_is(fd, "abs") || fname_is(fd, "ceil") || fname_is(fd, "floor")) {
        *out = (struct tval){S(c, "%s(%s)", fd->name, numeric(c, &args[0])), TT_NUM, NULL, NULL, NULL};
    } else if (fname_is(fd, "sqrt")) {
        const char *x = numeric(c, &args[0]);
        *out = (struct tval){S(c, "IF(%s >= 0, sqrt(%s), NULL)", x, x), TT_NUM, NULL, NULL, NULL};
    } else if (fname_is(fd, "log")) {
        const char *x = numeric(c, &args[0]);
        *out = (struct tval){S(c, "IF(%s > 0, ln(%s), NULL)", x, x), TT_NUM, NULL, NULL, NULL};
    } else if (fname_is(fd, "round")) {
        if (n > 1 && (e->args[1]->kind != EX_NUMBER || !e->args[1]->is_int ||
                      e->args[1]->ival < 0 || e->args[1]->ival > 15))
            return terr(c, e->args[1]->span, "--sql needs a whole number of decimals 0..15 here");
        /* half away from zero, as Trino's round(double) */
        *out = (struct tval){n > 1 ? S(c, "round(%s, %lld)", numeric(c, &args[0]),
                                       (long long)e->args[1]->ival)
                                   : S(c, "round(%s)", numeric(c, &args[0])),
                             TT_NUM, NULL, NULL, NULL};
    } else if (fname_is(fd, "isempty") || fname_is(fd, "isblank")) {
        if (args[0].t != TT_STR)
            *out = (struct tval){S(c, "IF(%s IS NULL, 1, 0)", args[0].sql), TT_INT, NULL, NULL, NULL};
        else if (fname_is(fd, "isempty"))
            *out = (struct tval){S(c, "IF(%s IS NULL OR %s = '', 1, 0)", args[0].sql, args[0].sql),
                                 TT_INT, NULL, NULL, NULL};
        else
            *out = (struct tval){S(c, "IF(%s IS NULL OR regexp_like(%s, '\\A[ \\t\\n\\x0B\\f\\r]*\\z'), 1, 0)",
                                   args[0].sql, args[0].sql),
                                 TT_INT, NULL, NULL, NULL};
    } else if (fname_is(fd, "strlen")) {
        if (text_arg(c, e, args, 0, &s0))
            return -1;
        *out = (struct tval){S(c, "length(%s)", s0), TT_INT, NULL, NULL, NULL};
    } else if (fname_is(fd, "toupper") || fname_is(fd, "tolower")) {
        if (text_arg(c, e, args, 0, &s0))
            return -1;
        *out = (struct tval){S(c, "%s(%s)", fname_is(fd, "toupper") ? "upper" : "lower", s0),
                             TT_STR, NULL, NULL, NULL};
    } else if (fname_is(fd, "concat")) {
        struct strbuf sb = STRBUF_INIT, any = STRBUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (text_arg(c, e, args, i, &s0)) {
                sb_free(&sb);
                sb_free(&any);
                return -1;
            }
            sb_printf(&sb, "%scoalesce(%s, '')", i ? ", " : "", s0);
            sb_printf(&any, "%s%s IS NOT NULL", i ? " OR " : "", s0);
        }
        /* missing arguments are skipped; all missing is missing */
        *out = (struct tval){S(c, "IF(%s, concat(%s%s), NULL)", sb_str(&any), sb_str(&sb),
                               n == 1 ? ", ''" : ""),
                             TT_STR, NULL, NULL, NULL};
        sb_free(&sb);
        sb_free(&any);
    } else if (fname_is(fd, "substr")) {
        for (size_t i = 1; i < n; i++)
            if (e->args[i]->kind != EX_NUMBER || !e->args[i]->is_int || e->args[i]->ival < 0)
                return terr(c, e->args[i]->span,
                            "--sql needs a whole number literal, 0 or more, here");
        if (text_arg(c, e, args, 0, &s0))
            return -1;
        *out = (struct tval){n > 2 ? S(c, "substr(%s, %lld, %lld)", s0,
                                       (long long)e->args[1]->ival + 1, (long long)e->args[2]->ival)
                                   : S(c, "substr(%s, %lld)", s0, (long long)e->args[1]->ival + 1),
                             TT_STR, NULL, NULL, NULL};
    } else if (fname_is(fd, "replace")) {
        if (text_arg(c, e, args, 0, &s0) ||
            literal_arg(c, e, 1, "Trino's replace() treats an empty search otherwise", &lit) ||
            text_arg(c, e, args, 2, &s1))
            return -1;
        if (!*lit)
            return terr(c, e->args[1]->span, "an empty search string has no --sql translation");
        *out = (struct tval){S(c, "replace(%s, %s, %s)", s0, quote(c, lit), s1), TT_STR, NULL, NULL, NULL};
    } else if (fname_is(fd, "strcontains")) {
        if (n > 2 && !(e->args[2]->kind == EX_BOOL && e->args[2]->ival == 0))
            return terr(c, e->args[2]->span, "a case-insensitive strcontains() has no --sql "
                        "translation (Trino's lower() maps every script)");
        if (text_arg(c, e, args, 0, &s0) || text_arg(c, e, args, 1, &s1))
            return -1;
        *out = (struct tval){S(c, "IF(%s IS NULL OR %s IS NULL, NULL, IF(strpos(%s, %s) > 0, 1, 0))",
                               s0, s1, s0, s1),
                             TT_INT, NULL, NULL, NULL};
    } else if (fname_is(fd, "startsWith") || fname_is(fd, "endsWith")) {
        if (text_arg(c, e, args, 0, &s0) || text_arg(c, e, args, 1, &s1))
            return -1;
        const char *test = fname_is(fd, "startsWith")
                               ? S(c, "substr(%s, 1, length(%s)) = %s", s0, s1, s1)
                               : S(c, "length(%s) >= length(%s) AND substr(%s, length(%s) - "
                                   "length(%s) + 1) = %s", s0, s1, s0, s0, s1, s1);
        *out = (struct tval){S(c, "IF(%s IS NULL OR %s IS NULL, NULL, IF(%s, 1, 0))", s0, s1, test),
                             TT_INT, NULL, NULL, NULL};
    } else if (fname_is(fd, "split")) {
        if (text_arg(c, e, args, 0, &s0) ||
            literal_arg(c, e, 1, "Trino's split() needs a delimiter", &lit))
            return -1;
        if (!*lit)
            return terr(c, e->args[1]->span, "an empty delimiter has no --sql translation");
        *out = (struct tval){S(c, "split(%s, %s)", s0, quote(c, lit)), TT_STRS, NULL, NULL, NULL};
    } else if (fname_is(fd, "isValidIpV4")) {
        if (text_arg(c, e, args, 0, &s0))
            return -1;
        *out = (struct tval){S(c, "coalesce(regexp_like(%s, " IPV4_RE "), false)", s0), TT_BOOL,
                             NULL, NULL, NULL};
    } else {
        return no_translation(c, e, "no Trino function gives the same answers");
    }
    return 0;
}

static int tx_expr(struct tctx *c, const struct expr *e, struct tval *out)
{
    switch (e->kind) {
    case EX_NUMBER:
        *out = e->is_int ? (struct tval){number_sql(c, e), TT_INT, NULL, NULL, NULL}
                         : (struct tval){number_sql(c, e), TT_NUM, NULL, NULL, NULL};
        return 0;
    case EX_STRING:
        *out = (struct tval){quote(c, e->str), TT_STR, NULL, NULL, NULL};
        return 0;
    case EX_BOOL:
        *out = (struct tval){e->ival ? "true" : "false", TT_BOOL, NULL, NULL, NULL};
        return 0;
    case EX_FIELD:
        return tx_field(c, e->name, e->span, out);
    case EX_CALL:
        return tx_call(c, e, out);
    case EX_ACCESS: {
        struct tval base;
        if (tx_expr(c, e->args[0], &base))
            return -1;
        if (base.t == TT_ROW && base.node && base.arr && e->name)
            return walk_path(c, e->name, base.node, (struct wpos){NULL, base.arr, base.idx, "x"},
                             e->name, e->span, out);
        return terr(c, e->span, "access into a map or list has no --sql translation here");
    }
    case EX_UNARY:
        if (e->op == OP_NEG) {
            struct tval a;
            if (tx_expr(c, e->args[0], &a))
                return -1;
            *out = (struct tval){S(c, "(-%s)", numeric(c, &a)), TT_NUM, NULL, NULL, NULL};
            return 0;
        }
        out->t = TT_BOOL;
        out->node = NULL;
        return tx_cond(c, e, true, &out->sql);
    case EX_BINARY:
        if (e->op >= OP_ADD && e->op <= OP_POW) {
            struct tval a, b;
            if (tx_expr(c, e->args[0], &a) || tx_expr(c, e->args[1], &b))
                return -1;
            const char *x = numeric(c, &a), *y = numeric(c, &b);
            const char *r;
            switch (e->op) {
            case OP_ADD: r = S(c, "(%s + %s)", x, y); break;
            case OP_SUB: r = S(c, "(%s - %s)", x, y); break;
            case OP_MUL: r = S(c, "(%s * %s)", x, y); break;
            case OP_DIV: r = S(c, "(%s / nullif(%s, 0))", x, y); break;
            case OP_MOD: r = S(c, "mod(%s, nullif(%s, 0))", x, y); break;
            default: r = S(c, "power(%s, %s)", x, y); break;
            }
            *out = (struct tval){r, TT_NUM, NULL, NULL, NULL};
            return 0;
        }
        out->t = TT_BOOL;
        out->node = NULL;
        return tx_cond(c, e, true, &out->sql);
    case EX_LIKE:
    case EX_MATCH:
    case EX_IN:
        out->t = TT_BOOL;
        out->node = NULL;
        return tx_cond(c, e, true, &out->sql);
    default:
        return terr(c, e->span, "this expression has no --sql translation");
    }
}

/* ---- commands ---- */

static int do_filter(struct tctx *c, const struct command *cmd)
{
    const char *cond;
    if (tx_cond(c, cmd->cond, false, &cond))
        return -1;
    add_stage(c, S(c, "SELECT %s.* FROM %s WHERE %s", prev(c), prev(c), cond));
    return 0;
}

static int do_items(struct tctx *c, const struct command *cmd, struct tplist *into)
{
    for (size_t i = 0; i < cmd->n_items; i++) {
        const struct item *it = &cmd->items[i];
        struct tval v;
        if (tx_expr(c, it->expr, &v))
            return -1;
        const char *name = it->alias ? it->alias
                           : it->expr->kind == EX_FIELD ? it->expr->name
                                                        : expr_text(c, it->expr);
        if (it->alias || it->expr->kind != EX_FIELD) {
            const char *col = tnew_col(c);
            add_stage(c, S(c, "SELECT %s.*, %s AS %s FROM %s", prev(c), v.sql, col, prev(c)));
            v.sql = col;
            if (it->alias || !scope_get(c, name))
                scope_put(c, name, v, false);
        }
        tplist_add(c, into, name, v, it->expr->span);
    }
    return 0;
}

static int do_parse(struct tctx *c, const struct command *cmd)
{
    if (cmd->multi)
        return terr(c, cmd->kw_span, "parse ... multi has no --sql translation (Trino has no "
                    "regex function that returns every match with its groups)");
    struct tval src;
    if (cmd->source) {
        if (tx_expr(c, cmd->source, &src))
            return -1;
    } else if (tx_field(c, "@message", cmd->kw_span, &src)) {
        return -1;
    }
    const char *s;
    if (as_text(c, &src, cmd->source ? cmd->source->span : cmd->kw_span, &s))
        return -1;
    struct strbuf re = STRBUF_INIT;
    if (cmd->mode == PARSE_GLOB) {
        rx_glob_to_pcre(cmd->pattern, strlen(cmd->pattern), &re);
    } else {
        rx_rename_at_groups(cmd->pattern, &re);
        if (check_portable_regex(c, re.buf, cmd->pattern_span)) {
            sb_free(&re);
            return -1;
        }
    }
    char msg[256];
    size_t offset = 0;
    struct rx_group_name *names = NULL;
    size_t n_named = 0;
    int ngroups = 0;
    if (rx_group_names(re.buf, re.len, &names, &n_named, &ngroups, msg, sizeof msg, &offset)) {
        sb_free(&re);
        return terr(c, cmd->pattern_span, "invalid regex: %s", msg);
    }
    const char *pattern = quote(c, plain_regex(c, sb_str(&re)));
    sb_free(&re);
    size_t n_names = cmd->n_aliases ? cmd->n_aliases : n_named;
    struct strbuf cols = STRBUF_INIT;
    for (size_t i = 0; i < n_names; i++) {
        const char *name;
        int group;
        if (cmd->n_aliases) {
            name = cmd->aliases[i];
            group = (int)i + 1;
        } else {
            const char *rest = rx_at_group_rest(names[i].name);
            name = rest ? S(c, "@%s", rest) : arena_strdup(c->a, names[i].name);
            group = names[i].number;
        }
        const char *col = tnew_col(c);
        sb_printf(&cols, ", regexp_extract(%s, %s, %d) AS %s", s, pattern, group, col);
        struct tval v = {col, TT_STR, NULL, NULL, NULL};
        scope_put(c, name, v, false);
        tplist_add(c, &c->parsed, name, v, cmd->pattern_span);
    }
    rx_group_names_free(names, n_named);
    add_stage(c, S(c, "SELECT %s.*%s FROM %s", prev(c), sb_str(&cols), prev(c)));
    sb_free(&cols);
    return 0;
}

static int do_stats(struct tctx *c, const struct command *cmd)
{
    c->offset_ms = cmd->has_offset ? tv_period_ms(cmd->offset) : 0;
    struct strbuf sel = STRBUF_INIT, group = STRBUF_INIT;
    struct tplist out = {0};
    struct tsym *newsyms = NULL;
    size_t n_new = 0, cap_new = 0;
    struct order ord = {0};
    int rc = 0, ordinal = 0;
    for (size_t i = 0; i < cmd->n_by && rc == 0; i++) {
        const struct item *it = &cmd->by[i];
        struct tval v;
        c->place = TP_BY;
        rc = tx_expr(c, it->expr, &v);
        c->place = TP_ROW;
        if (rc)
            break;
        if (v.t == TT_ROW || v.t == TT_ARRAY || v.t == TT_MAP || v.t == TT_STRS) {
            rc = terr(c, it->expr->span, "this is an object or a list in %s; group by one of its "
                      "fields", c->schema->what);
            break;
        }
        const char *col = tnew_col(c);
        const char *name = it->alias ? it->alias
                           : it->expr->kind == EX_FIELD ? it->expr->name
                                                        : expr_text(c, it->expr);
        sb_printf(&sel, "%s%s AS %s", sel.len ? ", " : "", v.sql, col);
        sb_printf(&group, "%s%d", group.len ? ", " : "", ++ordinal);
        struct tval cv = {col, v.t, NULL, NULL, NULL};
        tplist_add(c, &out, name, cv, it->expr->span);
        newsyms = arena_grow(c->a, newsyms, &cap_new, n_new + 1, sizeof *newsyms);
        newsyms[n_new++] = (struct tsym){name, cv, false};
        rc = sort_terms(c, &cv, false, &ord, it->expr->span);
    }
    size_t base_syms = c->n_syms;
    for (size_t i = 0; i < cmd->n_items && rc == 0; i++) {
        const struct item *it = &cmd->items[i];
        struct tval v;
        c->place = TP_ITEM;
        rc = tx_expr(c, it->expr, &v);
        c->place = TP_ROW;
        if (rc)
            break;
        if (v.t == TT_ROW || v.t == TT_ARRAY || v.t == TT_MAP || v.t == TT_STRS) {
            rc = terr(c, it->expr->span, "this is an object or a list in %s; it cannot be a "
                      "stats result", c->schema->what);
            break;
        }
        const char *name = it->alias ? it->alias : expr_text(c, it->expr);
        const char *col = tnew_col(c);
        sb_printf(&sel, "%s%s AS %s", sel.len ? ", " : "", v.sql, col);
        struct tval cv = {col, v.t, NULL, NULL, NULL};
        tplist_add(c, &out, name, cv, it->expr->span);
        /* a later item of this stats may use this one's name */
        scope_put(c, name, (struct tval){S(c, "(%s)", v.sql), v.t, NULL, NULL, NULL}, true);
        newsyms = arena_grow(c->a, newsyms, &cap_new, n_new + 1, sizeof *newsyms);
        newsyms[n_new++] = (struct tsym){name, cv, false};
    }
    c->n_syms = base_syms;
    if (rc == 0) {
        add_stage(c, S(c, "SELECT %s FROM %s%s%s", sb_str(&sel), prev(c),
                       group.len ? " GROUP BY " : "", sb_str(&group)));
        c->n_syms = 0;
        for (size_t k = 0; k < n_new; k++)
            scope_put(c, newsyms[k].name, newsyms[k].v, false);
        c->order = ord;
        c->stats_out = out;
        c->have_stats = true;
        c->fields = (struct tplist){0};
        c->parsed = (struct tplist){0};
    }
    sb_free(&sel);
    sb_free(&group);
    return rc;
}

static int do_sort(struct tctx *c, const struct command *cmd)
{
    struct order ord = {0};
    for (size_t i = 0; i < cmd->n_keys; i++) {
        struct tval v;
        if (tx_expr(c, cmd->keys[i].expr, &v) ||
            sort_terms(c, &v, cmd->keys[i].desc, &ord, cmd->keys[i].expr->span))
            return -1;
    }
    /* stable: ties keep the previous order */
    for (size_t i = 0; i < c->order.n; i++)
        order_add(c, &ord, c->order.t[i].sql, c->order.t[i].desc, c->order.t[i].fixed);
    c->order = ord;
    return 0;
}

static int do_limit(struct tctx *c, const struct command *cmd, bool last)
{
    if (last) {
        c->final_limit = true;
        c->limit_n = cmd->limit;
        c->limit_tail = cmd->limit_tail;
        return 0;
    }
    add_stage(c, S(c, "SELECT %s.* FROM %s ORDER BY %s LIMIT %lld", prev(c), prev(c),
                   order_sql(c, &c->order, cmd->limit_tail), (long long)cmd->limit));
    return 0;
}

static int do_dedup(struct tctx *c, const struct command *cmd)
{
    struct strbuf part = STRBUF_INIT, keep = STRBUF_INIT;
    for (size_t i = 0; i < cmd->n_dedup; i++) {
        struct tval v;
        if (tx_expr(c, cmd->dedup[i], &v)) {
            sb_free(&part);
            sb_free(&keep);
            return -1;
        }
        if (v.t == TT_ROW || v.t == TT_ARRAY || v.t == TT_MAP || v.t == TT_STRS) {
            sb_free(&part);
            sb_free(&keep);
            return terr(c, cmd->dedup[i]->span, "a map or list cannot be a dedup key");
        }
        sb_printf(&part, "%s%s", i ? ", " : "", v.sql);
        sb_printf(&keep, " OR (%s) IS NULL", v.sql);
    }
    const char *rn = S(c, "_rn%d", c->stage + 1);
    add_stage(c, S(c, "SELECT d.* FROM (SELECT %s.*, row_number() OVER (PARTITION BY %s ORDER BY "
                   "%s) AS %s FROM %s) d WHERE %s = 1%s",
                   prev(c), sb_str(&part), order_sql(c, &c->order, false), rn, prev(c), rn,
                   sb_str(&keep)));
    sb_free(&part);
    sb_free(&keep);
    return 0;
}

static int do_unnest(struct tctx *c, const struct command *cmd)
{
    struct tval v;
    if (tx_expr(c, cmd->unnest_expr, &v))
        return -1;
    if (v.t != TT_ARRAY && v.t != TT_STRS)
        return terr(c, cmd->unnest_expr->span,
                    "unnest needs a list in --sql: an array column of %s (resources) or split()",
                    c->schema->what);
    /* one row per element by its index (1-based); a missing list gives one
     * row without the name, an empty list none (docs/language.md#unnest) */
    const char *u = S(c, "_u%d", c->stage + 1);
    add_stage(c, S(c, "SELECT %s.*, %s.i AS %s FROM %s LEFT JOIN UNNEST(IF(cardinality(%s) > 0, "
                   "sequence(1, cardinality(%s)), NULL)) AS %s(i) ON true WHERE %s IS NULL OR "
                   "cardinality(%s) > 0",
                   prev(c), u, u, prev(c), v.sql, v.sql, u, v.sql, v.sql));
    struct tval el = v.t == TT_ARRAY
                         ? (struct tval){S(c, "element_at(%s, %s)", v.sql, u), TT_ROW, v.node, v.sql, u}
                         : (struct tval){S(c, "element_at(%s, %s)", v.sql, u), TT_STR, NULL, NULL, NULL};
    scope_put(c, cmd->into, el, false);
    tplist_add(c, &c->parsed, cmd->into, el, cmd->into_span);
    order_add(c, &c->order, u, false, false);
    return 0;
}

static int walk(struct tctx *c)
{
    const struct query *q = c->q;
    for (size_t i = 0; i < q->n_cmds; i++) {
        const struct command *cmd = &q->cmds[i];
        int rc;
        switch (cmd->kind) {
        case CMD_FILTER:
            rc = do_filter(c, cmd);
            break;
        case CMD_FIELDS:
            rc = do_items(c, cmd, &c->fields);
            break;
        case CMD_DISPLAY:
            c->display = (struct tplist){0};
            rc = do_items(c, cmd, &c->display);
            c->have_display = true;
            break;
        case CMD_PARSE:
            rc = do_parse(c, cmd);
            break;
        case CMD_STATS:
            rc = do_stats(c, cmd);
            break;
        case CMD_SORT:
            rc = do_sort(c, cmd);
            break;
        case CMD_LIMIT:
            rc = do_limit(c, cmd, i + 1 == q->n_cmds);
            break;
        case CMD_DEDUP:
            rc = do_dedup(c, cmd);
            break;
        case CMD_UNNEST:
            rc = do_unnest(c, cmd);
            break;
        default: {
            /* a command added to the language after this back end */
            size_t len = cmd->kw_span.end - cmd->kw_span.start;
            rc = terr(c, cmd->kw_span, "%.*s has no --sql translation yet", (int)len,
                      q->text + cmd->kw_span.start);
            break;
        }
        }
        if (rc)
            return -1;
    }
    return 0;
}

/* The columns shown, by the rules of compile.c's projection(). */
static void projection(struct tctx *c, struct tplist *out)
{
    *out = (struct tplist){0};
    if (c->have_display) {
        *out = c->display;
        return;
    }
    if (c->have_stats) {
        *out = c->fields.n ? c->fields : c->stats_out;
    } else if (c->fields.n) {
        for (size_t i = 0; i < c->fields.n; i++)
            tplist_add(c, out, c->fields.items[i].name, c->fields.items[i].v,
                      c->fields.items[i].at);
    } else {
        tplist_add(c, out, "@timestamp", (struct tval){"_ts", TT_TIME, NULL, NULL, NULL}, (struct span){0, 0});
        tplist_add(c, out, "@message", (struct tval){NULL, TT_STR, NULL, NULL, NULL}, (struct span){0, 0});
    }
    for (size_t i = 0; i < c->parsed.n; i++)
        tplist_add(c, out, c->parsed.items[i].name, c->parsed.items[i].v, c->parsed.items[i].at);
}

/* ---- the base relation ---- */

static void day_text(int64_t ms, char out[16])
{
    struct tv_parts p;
    tv_split(ms, &p);
    snprintf(out, 16, "%04d/%02d/%02d", (int)(p.year % 10000), p.month, p.day);
}

static void iso_text(int64_t ms, char out[TV_FMT_MAX + 2])
{
    char buf[TV_FMT_MAX];
    tv_format(ms, buf);
    buf[10] = 'T';
    snprintf(out, TV_FMT_MAX + 2, "%sZ", buf);
}

static const char *table_ref(struct tctx *c)
{
    const char *t = c->to->table ? c->to->table : TRINO_DEFAULT_TABLE;
    if (c->to->target == SQL_LAKE)
        return ident(c, t);
    return t;
}

static void base_relation(struct tctx *c, struct strbuf *out)
{
    bool lake = c->to->target == SQL_LAKE;
    const char *ts = lake ? "CAST(to_unixtime(t.eventtime) * 1000 AS bigint)"
                          : "CAST(to_unixtime(from_iso8601_timestamp(t.eventtime)) * 1000 AS bigint)";
    sb_printf(out, "WITH s0 AS (SELECT t.*, %s AS _ts%s FROM %s t", ts,
              c->need_path ? ", t.\"$path\" AS _path" : "", table_ref(c));
    if (c->co->has_range) {
        const char *and = " WHERE ";
        bool has_start = c->co->start_ms != INT64_MIN, has_end = c->co->end_ms != INT64_MAX;
        char iso[TV_FMT_MAX + 2], day[16];
        if (has_start) {
            if (lake) {
                iso_text(c->co->start_ms, iso);
                sb_printf(out, "%st.eventtime >= from_iso8601_timestamp('%s')", and, iso);
            } else {
                sb_printf(out, "%s%s >= %lld", and, ts, (long long)c->co->start_ms);
            }
            and = " AND ";
        }
        if (has_end) {
            if (lake) {
                iso_text(c->co->end_ms, iso);
                sb_printf(out, "%st.eventtime < from_iso8601_timestamp('%s')", and, iso);
            } else {
                sb_printf(out, "%s%s < %lld", and, ts, (long long)c->co->end_ms);
            }
            and = " AND ";
        }
        if (!lake) {
            /* the days of the S3 folders: an event is delivered after it
             * happened, within a day (trailq(1): the partition predicate) */
            if (has_start) {
                day_text(c->co->start_ms, day);
                sb_printf(out, " AND t.\"timestamp\" >= '%s'", day);
            }
            if (has_end) {
                day_text(c->co->end_ms - 1 + 86400000, day);
                sb_printf(out, " AND t.\"timestamp\" <= '%s'", day);
            }
        }
    }
    sb_puts(out, ")");
}

/* ---- entry points ---- */

int trino_target_parse(const char *name)
{
    if (strcmp(name, "athena") == 0)
        return SQL_ATHENA;
    if (strcmp(name, "lake") == 0)
        return SQL_LAKE;
    return -1;
}

bool trino_table_name_ok(const char *name)
{
    if (!*name || strlen(name) > 255)
        return false;
    for (const char *p = name; *p; p++)
        if (!ch_is_alnum(*p) && *p != '_' && *p != '-' && *p != '.')
            return false;
    return true;
}

int trino_compile(struct query *q, const struct compile_opts *copts, const struct trino_opts *to,
                  struct strbuf *sql, struct qerror *err)
{
    struct compile_result an;
    if (compile_query(q, NULL, copts, &an, err))
        return -1;
    /* a stats offset moves the window the query reads back by it
     * (compile_result.window_start_ms) */
    struct compile_opts read = *copts;
    read.start_ms = an.window_start_ms;
    read.end_ms = an.window_end_ms;
    struct tctx c = {.q = q, .a = &q->arena, .co = &read, .to = to,
                     .schema = tschema_for(to->target), .err = err};
    order_add(&c, &c.order, "_ts", true, false);
    order_add(&c, &c.order, "eventid", false, false);
    int rc = walk(&c);
    struct tplist proj;
    if (rc == 0) {
        projection(&c, &proj);
        for (size_t i = 0; i < proj.n && rc == 0; i++) {
            const struct tproj *p = &proj.items[i];
            if (!p->v.sql)
                rc = terr(&c, (struct span){0, 0},
                          "the default result shows @message, the raw event, which %s does not "
                          "keep: end the query with fields, display or stats",
                          c.schema->what);
            else if (p->v.t == TT_ROW || p->v.t == TT_ARRAY || p->v.t == TT_MAP || p->v.t == TT_STRS)
                rc = terr(&c, p->at, "'%s' is an object or a list in %s and cannot be shown: "
                          "show its fields (or leave it out with display)", p->name,
                          c.schema->what);
        }
    }
    if (rc) {
        sb_free(&c.with);
        return -1;
    }
    struct strbuf sel = STRBUF_INIT;
    for (size_t i = 0; i < proj.n; i++) {
        const struct tproj *p = &proj.items[i];
        const char *v = p->v.t == TT_TIME ? S(&c, "from_unixtime(%s / 1e3)", p->v.sql) : p->v.sql;
        sb_printf(&sel, "%s%s AS %s", i ? ", " : "", v, ident(&c, p->name));
    }
    base_relation(&c, sql);
    sb_append(sql, c.with.buf, c.with.len);
    const char *order = order_sql(&c, &c.order, false);
    if (c.final_limit && c.limit_tail) {
        sb_printf(sql, ", t AS (SELECT s%d.* FROM s%d ORDER BY %s LIMIT %lld) SELECT %s FROM t "
                  "ORDER BY %s",
                  c.stage, c.stage, order_sql(&c, &c.order, true), (long long)c.limit_n,
                  sb_str(&sel), order);
    } else {
        sb_printf(sql, " SELECT %s FROM s%d ORDER BY %s", sb_str(&sel), c.stage, order);
        if (c.final_limit)
            sb_printf(sql, " LIMIT %lld", (long long)c.limit_n);
    }
    sb_free(&sel);
    sb_free(&c.with);
    return 0;
}
