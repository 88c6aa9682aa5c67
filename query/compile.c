/*
 * compile.c — commands to a chain of SQL CTEs (see compile.h).
 *
 * The walk runs twice when SQL is wanted: the first pass (no SQL) finds
 * every event field the query reads, so the second can start the chain
 * with a base relation that has exactly those columns:
 *
 *   WITH s0 AS (SELECT e.id AS _id, e.ts AS _ts, <fields> FROM events e ...),
 *        s1 AS (SELECT * FROM s0 WHERE <filter>),
 *        s2 AS (SELECT *, <expr> AS v1 FROM s1),            -- fields / parse
 *        s3 AS (SELECT <keys>, <aggregates> FROM s2 GROUP BY <keys>),
 *        ...
 *   SELECT <projection> FROM sN ORDER BY <current order> [LIMIT n]
 *
 * Order is tracked, not trusted to subqueries: every relation has a
 * "current order" (newest first for events, stats keys ascending after
 * stats, the sort keys after sort), and limit, dedup and the final SELECT
 * use it explicitly.
 */
#include "query/compile.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/timeval.h"
#include "query/compile_int.h"
#include "query/parser.h"
#include "query/regex.h"
#include "query/sqlfn.h"

/* The default order: newest first, ties in input order. */
#define NEWEST_FIRST "_ts DESC, _id"

/* ---- small helpers ---- */

int cc_error(struct cctx *c, struct span where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qerror_vset(c->err, where, fmt, ap);
    va_end(ap);
    return -1;
}

const char *cc_new_col(struct cctx *c)
{
    return arena_printf(c->a, "v%d", ++c->next_col);
}

/* json_each's value column gives true and false as 1 and 0, an integer
 * beyond int64 as a double and 1e999 as infinity. An event field holds
 * them as the text true and false and a number's text as written
 * (trailq(1), Fields), so unnest and expand give the element the same way:
 * the exact text from the element's JSON (j.json -> j.fullkey) for the
 * numbers a double or int64 cannot hold. */
const char *cc_each_value(struct cctx *c, const char *j)
{
    return arena_printf(c->a,
                        "CASE %s.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
                        "WHEN 'integer' THEN iif(typeof(%s.value) = 'integer', %s.value, "
                        "%s.json -> %s.fullkey) "
                        "WHEN 'real' THEN iif(abs(%s.value) <= 1.7976931348623157e308, %s.value, "
                        "%s.json -> %s.fullkey) ELSE %s.value END",
                        j, j, j, j, j, j, j, j, j, j);
}

struct sym *cc_scope_find(struct cctx *c, const char *name)
{
    for (size_t i = c->n_syms; i-- > 0;)
        if (strcmp(c->syms[i].name, name) == 0)
            return &c->syms[i];
    return NULL;
}

static struct sym *scope_add(struct cctx *c, const char *name, const char *col, enum vtype type,
                             bool ephemeral, struct span def)
{
    c->syms = arena_grow(c->a, c->syms, &c->cap_syms, c->n_syms + 1, sizeof *c->syms);
    struct sym *s = &c->syms[c->n_syms++];
    *s = (struct sym){.name = name, .col = col, .type = type, .ephemeral = ephemeral, .def = def};
    return s;
}

void cc_add_raw_field(struct cctx *c, const char *name)
{
    for (size_t i = 0; i < c->n_raw; i++)
        if (strcmp(c->raw[i], name) == 0)
            return;
    /* the first pass finds every field the base relation reads; the emit
     * pass, which has already written it (base_relation), only finds them
     * again */
    assert(!c->emit);
    c->raw = arena_grow(c->a, c->raw, &c->cap_raw, c->n_raw + 1, sizeof *c->raw);
    c->raw[c->n_raw++] = arena_strdup(c->a, name);
    c->width++; /* a column of the base relation */
}

/* Define an ephemeral name; defining one twice is an error (Insights:
 * "Ephemeral field is already defined"). */
static int define(struct cctx *c, const char *name, const char *col, enum vtype type,
                  struct span where)
{
    if (c->raw_scope && cx_is_system_name(name))
        return cc_error(c, where, "%s is a system field and cannot be redefined", name);
    struct sym *old = cc_scope_find(c, name);
    if (old && old->ephemeral) {
        int line, column;
        qerror_position(c->q->text, c->q->len, old->def.start, &line, &column);
        return cc_error(c, where, "field '%s' is already defined (at %d:%d)", name, line, column);
    }
    scope_add(c, name, col, type, true, where);
    return 0;
}

const char *cc_expr_text(struct cctx *c, const struct expr *e)
{
    struct strbuf sb = STRBUF_INIT;
    expr_to_text(c->q, e, &sb);
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

/* ---- output projection ---- */

/* Add a column (or replace the one of the same name); returns it. */
struct proj *cc_plist_add(struct cctx *c, struct plist *l, const char *name, const char *sql,
                          enum vtype type, const char *field)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].name, name) == 0) {
            l->items[i] = (struct proj){name, sql, type, field, COL_ROW};
            return &l->items[i];
        }
    l->items = arena_grow(c->a, l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n] = (struct proj){name, sql, type, field, COL_ROW};
    return &l->items[l->n++];
}

/* ---- the walk ---- */

/* The name of stage k: s<k>, or <prefix><k> in a subquery (whose stage 0
 * is the shared base relation s0). */
static const char *stage_name(struct cctx *c, const struct walk *w, int k)
{
    if (w->prefix && k > 0)
        return arena_printf(c->a, "%s%d", w->prefix, k);
    return arena_printf(c->a, "s%d", k);
}

/* Start a new CTE: `s<N> AS (<body>)`. */
static void add_stage(struct cctx *c, struct walk *w, const char *body)
{
    /* SQLite's work to prepare a stage grows with its columns times the
     * stages below it (it looks through them for each column's type) */
    c->chain++;
    c->prep_cost += (unsigned long long)c->width * (unsigned long long)c->chain;
    if (c->width > c->max_width)
        c->max_width = c->width;
    if (!c->emit)
        return;
    sb_puts(&w->with, w->stage == 0 && w->with.len == 0 && !w->prefix ? "WITH " : ", ");
    sb_printf(&w->with, "%s AS (%s)", stage_name(c, w, w->stage + 1), body);
    w->stage++;
    c->seg_stages++;
}

/* The limit on that work (prep_cost): about a second to prepare. 1,000
 * chained fields commands gather into some 150 stages and stay under it;
 * so do 1,000 commands of any kind over a few fields, or 2,000 fields
 * through a few stages. */
#define PREP_COST_MAX 10000000ULL

static int check_prep_cost(struct cctx *c, const struct command *cmd)
{
    if (c->prep_cost <= PREP_COST_MAX)
        return 0;
    return cc_error(c, cmd->kw_span,
                    "query too long for SQLite: %d stages carrying up to %d columns (the time to "
                    "prepare grows with stages squared times columns; the limit is %llu)",
                    c->chain, c->max_width, PREP_COST_MAX);
}

/* The limit on the window subqueries' nesting (cc_add_stage). */
enum { WINDOW_NEST_MAX = 1000 };

static int check_nesting(struct cctx *c, const struct command *cmd)
{
    if (cx_check_width(c, cmd->kw_span, "a field of this command"))
        return -1;
    if (c->nest_height <= WINDOW_NEST_MAX)
        return 0;
    return cc_error(c, cmd->kw_span,
                    "query nests too deeply for SQLite: the commands that walk the rows in order "
                    "(accum, autoregress, filldown, sessionize, ...) add up to more than it takes; "
                    "use fewer, or fewer fields in each");
}

static const char *prev(struct cctx *c, struct walk *w)
{
    return stage_name(c, w, w->stage);
}

/* ---- staying inside SQLite's limits across stages ---- */

/* What SQLite may build when it merges the stages since the last barrier
 * into one query (compile_limits.c): its expression trees may be 1000
 * deep (our heights are upper bounds), and a column named twice per stage
 * doubles in size with every stage. The height budget is well below 1000
 * because a barrier stage computes each of its columns from the last
 * barrier on, for every row: 1,000 chained `fields x + 1 as y` over 2,900
 * events ran in 30 s with barriers at 600, 5 s at 150. Ordinary queries
 * stay far below it. */
enum { STAGE_HEIGHT_BUDGET = 150, STAGE_SEGMENT_MAX = 100 };

/* SQLite joins at most 64 tables in one query, and merging the stages
 * joins the tables of all of them: the events with raw and sources, and a
 * table function per unnest and parse ... multi. */
enum { STAGE_JOIN_MAX = 60 };
#define STAGE_WEIGHT_BUDGET ((size_t)4 << 20)

/* A stage SQLite does not merge with what follows (a subquery with an
 * OFFSET is never flattened): what comes after sees its columns as plain
 * columns again. */
static void barrier(struct cctx *c, struct walk *w)
{
    add_stage(c, w, arena_printf(c->a, "SELECT * FROM %s LIMIT -1 OFFSET 0", prev(c, w)));
    for (size_t k = 0; k < c->n_colinfo; k++)
        c->colinfo[k] = (struct colinfo){1, 4};
    c->seg_stages = 0;
    c->seg_filters = 0;
    c->seg_where_height = 0;
    c->seg_tables = 1; /* the barrier itself */
}

/* The substituted height and size of the expressions sqls[0..n) (NULLs
 * skipped). */
static void stage_shape(struct cctx *c, const char *const *sqls, size_t n, int *height,
                        size_t *weight)
{
    *height = 0;
    *weight = 0;
    for (size_t i = 0; i < n; i++) {
        if (!sqls[i])
            continue;
        struct sql_shape sh;
        cx_sql_shape(c, sqls[i], &sh);
        if (sh.height + sh.ref_height > *height)
            *height = sh.height + sh.ref_height;
        *weight += sh.len + sh.ref_weight;
    }
}

/* Before a stage that holds the expressions sqls[0..n) (a WHERE clause when
 * filter): a barrier first when merging it with the stages since the last
 * one would go over the budget. */
static void fit_stage(struct cctx *c, struct walk *w, const char *const *sqls, size_t n,
                      bool filter)
{
    if (!c->emit)
        return;
    if (c->seg_tables >= STAGE_JOIN_MAX && c->seg_stages > 0)
        barrier(c, w);
    int height;
    size_t weight;
    stage_shape(c, sqls, n, &height, &weight);
    int merged = height;
    if (filter) /* the WHERE clauses merge into one chain of AND */
        merged = c->seg_filters + 1 + (height > c->seg_where_height ? height : c->seg_where_height);
    if ((merged > STAGE_HEIGHT_BUDGET || weight > STAGE_WEIGHT_BUDGET ||
         c->seg_stages >= STAGE_SEGMENT_MAX) &&
        c->seg_stages > 0) {
        barrier(c, w);
        stage_shape(c, sqls, n, &height, &weight);
    }
    if (filter) {
        c->seg_filters++;
        if (height > c->seg_where_height)
            c->seg_where_height = height;
    }
}

static void fit_one(struct cctx *c, struct walk *w, const char *sql, bool filter)
{
    fit_stage(c, w, &sql, 1, filter);
}

/* Column col ("v<N>") of the stage just added stands for sql. */
static void note_col(struct cctx *c, const char *col, const char *sql)
{
    if (!c->emit)
        return;
    size_t k = (size_t)strtoul(col + 1, NULL, 10);
    struct sql_shape sh;
    cx_sql_shape(c, sql, &sh);
    if (k >= c->n_colinfo) {
        c->colinfo = arena_grow(c->a, c->colinfo, &c->cap_colinfo, k + 1, sizeof *c->colinfo);
        for (size_t i = c->n_colinfo; i < k; i++)
            c->colinfo[i] = (struct colinfo){1, 4};
        c->n_colinfo = k + 1;
    }
    c->colinfo[k] = (struct colinfo){sh.height + sh.ref_height, sh.len + sh.ref_weight};
}

/* ---- the pending stage ----
 *
 * One CTE per command (or per computed field) makes long pipelines costly
 * for SQLite: it prepares a chain of N stages carrying W columns in time
 * that grows like N * N * W, so a thousand `fields` commands took a minute
 * before they ran. Consecutive fields, display, filter and parse commands
 * therefore gather into one pending stage,
 *
 *     SELECT *, <expr> AS v1, <expr> AS v2 FROM s<N> WHERE <cond> AND <cond>
 *
 * which is what SQLite makes of the separate stages anyway once it merges
 * them (result columns are computed for the rows the WHERE keeps, either
 * way). A name defined in the pending stage is not a column yet: a later
 * expression of the same stage uses its SQL in its place (sym.pending).
 * When that would make the expression too deep or too large, the pending
 * stage is emitted first and the expression compiled again over its
 * columns. Every other command emits it before it starts. */
enum { INLINE_MAX_NEST = 16 };
#define INLINE_MAX_BYTES ((size_t)64 << 10)

static void pending_flush(struct cctx *c, struct walk *w)
{
    if (w->n_pend == 0 && w->n_conds == 0)
        return;
    size_t n = w->n_pend + w->n_conds;
    const char **shapes = arena_alloc(c->a, n * sizeof *shapes);
    for (size_t i = 0; i < w->n_pend; i++)
        shapes[i] = w->pend_sqls[i];
    for (size_t i = 0; i < w->n_conds; i++)
        shapes[w->n_pend + i] = w->pend_conds[i];
    fit_stage(c, w, shapes, n, w->n_conds > 0);
    struct strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "SELECT *");
    for (size_t i = 0; i < w->n_pend; i++)
        sb_printf(&sb, ", %s AS %s", w->pend_sqls[i], w->pend_cols[i]);
    sb_printf(&sb, " FROM %s", prev(c, w));
    if (w->n_conds == 1)
        sb_printf(&sb, " WHERE %s", w->pend_conds[0]);
    else if (w->n_conds > 1) {
        sb_puts(&sb, " WHERE ");
        cx_chain_sql(&sb, w->pend_conds, w->n_conds, "AND");
    }
    add_stage(c, w, arena_strdup(c->a, sb_str(&sb)));
    sb_free(&sb);
    for (size_t i = 0; i < w->n_pend; i++)
        note_col(c, w->pend_cols[i], w->pend_sqls[i]);
    for (size_t i = 0; i < c->n_syms; i++)
        c->syms[i].pending = NULL;
    w->n_pend = 0;
    w->n_conds = 0;
}

/* Add column col standing for sql to the pending stage. */
static void pending_col(struct cctx *c, struct walk *w, const char *col, const char *sql)
{
    w->pend_cols = arena_grow(c->a, w->pend_cols, &w->cap_pend_cols, w->n_pend + 1,
                              sizeof *w->pend_cols);
    w->pend_sqls = arena_grow(c->a, w->pend_sqls, &w->cap_pend_sqls, w->n_pend + 1,
                              sizeof *w->pend_sqls);
    w->pend_cols[w->n_pend] = col;
    w->pend_sqls[w->n_pend++] = sql;
}

/* Is sql, made with pending SQL in place of names, too deep or too large
 * to keep that way? */
static bool inline_too_big(const char *sql)
{
    return strlen(sql) > INLINE_MAX_BYTES || cx_sql_paren_depth(sql) > INLINE_MAX_NEST;
}

/* Compile e for the pending stage (a condition when cond): with the SQL of
 * pending names in their place, or, when that fails or is too big, over
 * the columns of the pending stage, emitted first. */
static int pending_compile(struct cctx *c, struct walk *w, const struct expr *e, bool cond,
                           struct cexpr *out)
{
    struct qerror saved = c->err ? *c->err : (struct qerror){0};
    c->used_pending = false;
    out->type = VT_BOOL;
    int rc = cond ? cx_cond(c, e, false, &out->sql) : cx_expr(c, e, out);
    if (c->used_pending && (rc != 0 || inline_too_big(out->sql))) {
        if (c->err)
            *c->err = saved;
        pending_flush(c, w);
        c->used_pending = false;
        out->type = VT_BOOL;
        rc = cond ? cx_cond(c, e, false, &out->sql) : cx_expr(c, e, out);
    }
    return rc;
}

/* ORDER BY terms that sort `sql` by the Insights order, missing last. */
const char *cc_order_terms(struct cctx *c, const char *sql, enum vtype type, bool desc)
{
    /* A constant sorts nothing, and SQLite would read a bare integer such
     * as "sort 2" as the number of a result column. */
    if (sql[0] && sql[strspn(sql, "0123456789")] == '\0')
        return arena_printf(c->a, "(%s) IS NULL", sql);
    if (type == VT_TIME || type == VT_NUM || type == VT_BOOL)
        return arena_printf(c->a, "(%s) IS NULL, %s%s", sql, sql, desc ? " DESC" : "");
    return arena_printf(c->a, "(%s) IS NULL, tq_sortkey(%s)%s", sql, sql, desc ? " DESC" : "");
}

/* The length of the ORDER BY term at p: terms are separated by ", " at
 * parenthesis depth 0, outside literals. */
static size_t order_term(const char *p)
{
    const char *start = p;
    int depth = 0;
    while (*p && !(depth == 0 && p[0] == ',' && p[1] == ' ')) {
        if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        else if (*p == '\'') {
            p++;
            while (*p && !(*p == '\'' && p[1] != '\''))
                p += (*p == '\'' ? 2 : 1);
        }
        if (*p)
            p++;
    }
    return (size_t)(p - start);
}

/* The "reverse" of the current order, for tail N. */
static const char *reverse_order(struct cctx *c, const char *order)
{
    /* Each term is either "X IS NULL" (kept: missing stays last) or a key
     * with or without DESC, which flips. */
    struct strbuf out = STRBUF_INIT;
    const char *p = order;
    while (*p) {
        const char *start = p;
        size_t len = order_term(p);
        p += len;
        if (out.len)
            sb_puts(&out, ", ");
        if (len > 8 && memcmp(start + len - 8, " IS NULL", 8) == 0)
            sb_append(&out, start, len);
        else if (len > 5 && memcmp(start + len - 5, " DESC", 5) == 0)
            sb_append(&out, start, len - 5);
        else {
            sb_append(&out, start, len);
            sb_puts(&out, " DESC");
        }
        if (*p)
            p += 2;
    }
    const char *r = arena_strdup(c->a, sb_str(&out));
    sb_free(&out);
    return r;
}

/* The terms of an order that are not a repeat of an earlier one (a key
 * sorted on again, in either direction, decides no tie), and how many
 * remain. Used only when an order is longer than SQLite takes, so that the
 * SQL of ordinary queries is not touched. */
static const char *order_without_repeats(struct cctx *c, const char *order, size_t *n_terms)
{
    struct strbuf out = STRBUF_INIT;
    const char **seen = NULL;
    size_t *seen_len = NULL, n = 0, cap = 0, cap_len = 0;
    for (const char *p = order; *p;) {
        size_t len = order_term(p), key = len;
        if (key > 5 && memcmp(p + key - 5, " DESC", 5) == 0)
            key -= 5;
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++)
            dup = seen_len[k] == key && memcmp(seen[k], p, key) == 0;
        if (!dup) {
            seen = arena_grow(c->a, seen, &cap, n + 1, sizeof *seen);
            seen_len = arena_grow(c->a, seen_len, &cap_len, n + 1, sizeof *seen_len);
            seen[n] = p;
            seen_len[n++] = key;
            if (out.len)
                sb_puts(&out, ", ");
            sb_append(&out, p, len);
        }
        p += len;
        if (*p)
            p += 2;
    }
    *n_terms = n;
    const char *r = arena_strdup(c->a, sb_str(&out));
    sb_free(&out);
    return r;
}

/* From how many ORDER BY terms the final sort reads a materialized table
 * (the final SELECT): SQLite's masks of used columns are 64 bits wide. */
enum { ORDER_TERMS_MATERIALIZED = 60 };

static size_t order_count(const char *order)
{
    size_t n = 0;
    for (const char *p = order; *p;) {
        p += order_term(p);
        n++;
        if (*p)
            p += 2;
    }
    return n;
}

/* Pre-filter: literals a kept event must contain, from filter conjuncts. */
static bool safe_literal(const char *s, bool message)
{
    if (!*s || strlen(s) < 3)
        return false; /* too short to be worth a search */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == '"' || *p == '\\')
            return false;
        if (message && (*p == ' ' || *p == ':' || *p == ',' || *p == '{' || *p == '}' ||
                        *p == '[' || *p == ']'))
            return false;
    }
    return true;
}

static bool prefilter_field(struct cctx *c, const struct expr *f, bool *message)
{
    if (f->kind != EX_FIELD || cc_scope_find(c, f->name))
        return false;
    *message = strcmp(f->name, "@message") == 0;
    /* other @ fields are derived (Lambda's @type is "REPORT" for a JSON
       record that says "platform.report"): their values need not be in the
       text */
    return *message || f->name[0] != '@';
}

static void add_group(struct cctx *c, const char **lits, size_t n)
{
    c->groups = arena_grow(c->a, c->groups, &c->cap_groups, c->n_groups + 1, sizeof *c->groups);
    c->groups[c->n_groups++] = (struct prefilter_group){lits, n};
}

static void add_hint(struct cctx *c, const char **fields, size_t n)
{
    if (n == 0)
        return;
    c->hints = arena_grow(c->a, c->hints, &c->cap_hints, c->n_hints + 1, sizeof *c->hints);
    c->hints[c->n_hints++] = (struct index_hint){fields, n};
}

/* An event field (not defined by the query) named by e, for index hints. */
static const char *hint_field(struct cctx *c, const struct expr *e)
{
    if (e->kind != EX_FIELD || cc_scope_find(c, e->name))
        return NULL;
    if (strcmp(e->name, "@timestamp") == 0 || e->name[0] != '@')
        return e->name;
    return NULL;
}

static void one_field_hint(struct cctx *c, const char *name)
{
    const char **f = arena_alloc(c->a, sizeof *f);
    f[0] = name;
    add_hint(c, f, 1);
}

static void collect_filter_hints(struct cctx *c, const struct expr *e)
{
    if (e->kind == EX_BINARY && e->op == OP_AND) {
        for (size_t i = 0; i < e->n_args; i++)
            collect_filter_hints(c, e->args[i]);
        return;
    }
    const char *f = NULL;
    if (e->kind == EX_BINARY && e->op == OP_EQ) {
        const struct expr *a = e->args[0], *b = e->args[1];
        if (b->kind == EX_STRING || b->kind == EX_NUMBER)
            f = hint_field(c, a);
        else if (a->kind == EX_STRING || a->kind == EX_NUMBER)
            f = hint_field(c, b);
    } else if (e->kind == EX_IN && !e->negated) {
        f = hint_field(c, e->args[0]);
    }
    if (f)
        one_field_hint(c, f);
}

/* First stats: its keys and aggregated fields, when all are plain. */
static void collect_stats_hint(struct cctx *c, const struct command *cmd)
{
    const char *cols[4];
    size_t n = 0;
    for (size_t i = 0; i < cmd->n_by; i++) {
        const struct expr *k = cmd->by[i].expr;
        const char *f = hint_field(c, k);
        if (!f && k->kind == EX_CALL && strcasecmp(k->name, "bin") == 0 && k->n_args == 1 &&
            k->args[0]->kind == EX_PERIOD) {
            /* index the bucket itself, so grouping walks the index in order */
            int64_t len = k->args[0]->period.unit < PU_WEEK ? tv_period_ms(k->args[0]->period) : 0;
            f = len > 0 && !cmd->has_offset ? arena_printf(c->a, "@bin:%lld", (long long)len)
                                            : "@timestamp";
        }
        if (!f || n == 4)
            return;
        cols[n++] = f;
    }
    for (size_t i = 0; i < cmd->n_items; i++) {
        const struct expr *a = cmd->items[i].expr;
        if (a->kind != EX_CALL)
            return;
        if (a->star || a->n_args == 0)
            continue;
        const char *f = hint_field(c, a->args[0]);
        if (!f)
            return;
        bool dup = false;
        for (size_t k = 0; k < n; k++)
            dup |= strcmp(cols[k], f) == 0;
        if (dup)
            continue;
        if (n == 4)
            return;
        cols[n++] = f;
    }
    const char **f = arena_alloc(c->a, (n ? n : 1) * sizeof *f);
    memcpy(f, cols, n * sizeof *f);
    c->stats_hint = (struct index_hint){f, n};
}

/* After the walk: one index that covers the whole query when it reads few
 * fields and no @message (stats keys first, so grouping walks it in
 * order); else the first stats' keys and aggregated fields. */
static void finish_hints(struct cctx *c)
{
    enum { COVER_MAX = 5 };
    const char *cols[COVER_MAX];
    size_t n = 0;
    bool covers = !c->need_msg && !c->need_log && !c->need_stream && !c->need_ptr &&
                  !c->need_ingest && c->stats_hint.n_fields + c->n_raw + 1 <= 2 * COVER_MAX;
    bool binned = false;
    for (size_t i = 0; i < c->stats_hint.n_fields && n < COVER_MAX; i++) {
        cols[n++] = c->stats_hint.fields[i];
        binned |= strncmp(c->stats_hint.fields[i], "@bin:", 5) == 0;
    }
    for (size_t i = 0; i < c->n_raw && covers; i++) {
        bool dup = false;
        for (size_t k = 0; k < n; k++)
            dup |= strcmp(cols[k], c->raw[i]) == 0;
        if (dup)
            continue;
        if (n == COVER_MAX)
            covers = false;
        else
            cols[n++] = c->raw[i];
    }
    if (covers && c->uses_ts && !binned) {
        bool dup = false;
        for (size_t k = 0; k < n; k++)
            dup |= strcmp(cols[k], "@timestamp") == 0;
        if (!dup && n == COVER_MAX)
            covers = false;
        else if (!dup)
            cols[n++] = "@timestamp";
    }
    if (covers && n > 0) {
        const char **f = arena_alloc(c->a, n * sizeof *f);
        memcpy(f, cols, n * sizeof *f);
        add_hint(c, f, n);
    } else if (c->stats_hint.n_fields) {
        add_hint(c, c->stats_hint.fields, c->stats_hint.n_fields);
    }
}

static void collect_prefilter(struct cctx *c, const struct expr *e)
{
    if (e->kind == EX_BINARY && e->op == OP_AND) {
        for (size_t i = 0; i < e->n_args; i++)
            collect_prefilter(c, e->args[i]);
        return;
    }
    bool message;
    if (e->kind == EX_BINARY && e->op == OP_EQ) {
        const struct expr *f = e->args[0], *v = e->args[1];
        if (f->kind != EX_FIELD) {
            f = e->args[1];
            v = e->args[0];
        }
        if (prefilter_field(c, f, &message) && v->kind == EX_STRING &&
            !sqlfn_text_to_number(v->str, strlen(v->str), NULL, NULL, NULL) &&
            safe_literal(v->str, message)) {
            const char **lits = arena_alloc(c->a, sizeof *lits);
            lits[0] = v->str;
            add_group(c, lits, 1);
        }
        return;
    }
    if (e->kind == EX_LIKE && !e->negated && e->args[1]->kind == EX_STRING &&
        prefilter_field(c, e->args[0], &message) && safe_literal(e->args[1]->str, message)) {
        const char **lits = arena_alloc(c->a, sizeof *lits);
        lits[0] = e->args[1]->str;
        add_group(c, lits, 1);
        return;
    }
    if (e->kind == EX_IN && !e->negated && prefilter_field(c, e->args[0], &message) &&
        e->args[1]->kind == EX_LIST && e->args[1]->n_args > 0) {
        const struct expr *list = e->args[1];
        for (size_t i = 0; i < list->n_args; i++) {
            const struct expr *v = list->args[i];
            if (v->kind != EX_STRING ||
                sqlfn_text_to_number(v->str, strlen(v->str), NULL, NULL, NULL) ||
                !safe_literal(v->str, message))
                return;
        }
        const char **lits = arena_alloc(c->a, list->n_args * sizeof *lits);
        for (size_t i = 0; i < list->n_args; i++)
            lits[i] = list->args[i]->str;
        add_group(c, lits, list->n_args);
    }
}

/* ---- commands ---- */

static int do_filter(struct cctx *c, struct walk *w, const struct command *cmd)
{
    if (c->prefilter_open && !c->emit) {
        collect_prefilter(c, cmd->cond);
        collect_filter_hints(c, cmd->cond);
    }
    struct cexpr cond;
    if (pending_compile(c, w, cmd->cond, true, &cond))
        return -1;
    w->pend_conds = arena_grow(c->a, w->pend_conds, &w->cap_conds, w->n_conds + 1,
                               sizeof *w->pend_conds);
    w->pend_conds[w->n_conds++] = cond.sql;
    return 0;
}

/* Two items of one fields or display that would show different values
 * under one name (`a-b`, the field, and a-b, the expression): the later
 * would hide the earlier's column. 0, or -1 with a query error. */
static int check_item_name(struct cctx *c, const struct command *cmd, size_t i, const char **names,
                           const char **cols)
{
    for (size_t k = 0; k < i; k++) {
        if (strcmp(names[k], names[i]) != 0 || strcmp(cols[k], cols[i]) == 0)
            continue;
        int line, column;
        qerror_position(c->q->text, c->q->len, cmd->items[k].span.start, &line, &column);
        return cc_error(c, cmd->items[i].span,
                        "two columns named '%s' (the first at %d:%d) would show different "
                        "values; name one with as",
                        names[i], line, column);
    }
    return 0;
}

/* fields and display share item handling. Each computed item gets its own
 * stage, so a later item of the same command can use an earlier one's
 * alias (fields x as out, out / 1000 as kb). */
static int do_items(struct cctx *c, struct walk *w, const struct command *cmd, struct plist *into)
{
    const char **names = arena_alloc(c->a, (cmd->n_items + 1) * sizeof *names);
    const char **cols = arena_alloc(c->a, (cmd->n_items + 1) * sizeof *cols);
    for (size_t i = 0; i < cmd->n_items; i++) {
        const struct item *it = &cmd->items[i];
        struct cexpr v;
        if (pending_compile(c, w, it->expr, false, &v))
            return -1;
        const char *name = it->alias ? it->alias
                           : it->expr->kind == EX_FIELD ? it->expr->name
                                                        : cc_expr_text(c, it->expr);
        const char *col = v.sql;
        if (it->alias || it->expr->kind != EX_FIELD) {
            col = cc_new_col(c);
            c->width++;
            if (cx_check_width(c, it->span, arena_printf(c->a, "'%s'", name)))
                return -1;
            pending_col(c, w, col, v.sql);
            struct sym *s = NULL;
            if (it->alias) {
                if (define(c, name, col, v.type, it->alias_span))
                    return -1;
                s = cc_scope_find(c, name);
            } else if (!cc_scope_find(c, name)) {
                s = scope_add(c, name, col, v.type, false, it->span);
            }
            if (s) {
                s->pending = v.sql;
                s->field = v.field;
            }
        } else {
            /* a name shown as it is: its column (pending or not) */
            struct sym *s = cc_scope_find(c, it->expr->name);
            if (s && s->pending)
                col = s->col;
        }
        names[i] = name;
        cols[i] = col;
        if (check_item_name(c, cmd, i, names, cols))
            return -1;
        cc_plist_add(c, into, name, col, v.type, v.field);
    }
    return 0;
}

static int do_parse(struct cctx *c, struct walk *w, const struct command *cmd)
{
    /* parse ... multi joins each row to its matches: a stage of its own;
     * otherwise its fields join the pending stage */
    if (cmd->multi)
        pending_flush(c, w);
    struct cexpr src;
    if (cmd->source) {
        if (cmd->multi ? cx_expr(c, cmd->source, &src)
                       : pending_compile(c, w, cmd->source, false, &src))
            return -1;
    } else if (cx_field(c, "@message", cmd->kw_span, &src)) {
        return -1;
    }
    /* The regex and the names of what it captures. */
    struct strbuf re = STRBUF_INIT;
    if (cmd->mode == PARSE_GLOB) {
        rx_glob_to_pcre(cmd->pattern, strlen(cmd->pattern), &re);
    } else {
        /* group names starting with @ are renamed, and back below */
        rx_rename_at_groups(cmd->pattern, &re);
    }
    char msg[256];
    size_t offset = 0;
    if (rx_check(re.buf, re.len, msg, sizeof msg, &offset) != 0) {
        sb_free(&re);
        return cc_error(c, cmd->pattern_span, "invalid regex: %s", msg);
    }
    const char *pattern = cx_quote(c, sb_str(&re));
    cx_regex_site(c, sb_str(&re), cmd->pattern_span, cmd->source);
    struct rx_group_name *names = NULL;
    size_t n_named = 0;
    int ngroups = 0;
    int grc = rx_group_names(re.buf, re.len, &names, &n_named, &ngroups, msg, sizeof msg, &offset);
    sb_free(&re);
    if (grc != 0)
        return cc_error(c, cmd->pattern_span, "invalid regex: %s", msg);

    /* names: glob and "as" lists name groups 1..n; otherwise named groups */
    size_t n_names = cmd->n_aliases ? cmd->n_aliases : n_named;
    if (cmd->mode == PARSE_REGEX && cmd->n_aliases && cmd->n_aliases > (size_t)ngroups) {
        rx_group_names_free(names, n_named);
        return cc_error(c, cmd->pattern_span, "the regex has %d group%s but %zu names follow as",
                        ngroups, ngroups == 1 ? "" : "s", cmd->n_aliases);
    }
    if (n_names == 0) {
        rx_group_names_free(names, n_named);
        return cc_error(c, cmd->pattern_span,
                        "the regex names no fields: use (?<name>...) groups, or add as name");
    }
    c->width += (int)n_names;
    if (cx_check_width(c, cmd->pattern_span, "a field of this parse")) {
        rx_group_names_free(names, n_named);
        return -1;
    }
    struct strbuf cols = STRBUF_INIT;
    int rc = 0;
    if (cmd->multi)
        fit_one(c, w, src.sql, false);
    const char *m = arena_printf(c->a, "m%d", w->stage + 1);
    for (size_t i = 0; i < n_names; i++) {
        const char *name;
        struct span at;
        const char *group_key; /* SQL: group number or quoted name */
        if (cmd->n_aliases) {
            name = cmd->aliases[i];
            at = cmd->alias_spans[i];
            group_key = arena_printf(c->a, "%zu", i + 1);
        } else {
            const char *rest = rx_at_group_rest(names[i].name);
            name = rest ? arena_printf(c->a, "@%s", rest) : arena_strdup(c->a, names[i].name);
            group_key = cx_quote(c, names[i].name);
            at = cmd->pattern_span;
        }
        const char *col = cc_new_col(c);
        const char *sql = NULL;
        if (cmd->multi) {
            sb_printf(&cols, ", json_extract(%s.groups, '$.\"' || %s || '\"') AS %s", m,
                      group_key, col);
        } else {
            sql = arena_printf(c->a, "tq_rxgroup(%s, %s, %s)", src.sql, pattern, group_key);
            pending_col(c, w, col, sql);
        }
        if (define(c, name, col, VT_ANY, at)) {
            rc = -1;
            break;
        }
        cc_scope_find(c, name)->pending = sql;
        cc_plist_add(c, &w->parsed, name, col, VT_ANY, NULL);
    }
    rx_group_names_free(names, n_named);
    if (rc == 0 && cmd->multi) {
        const char *p = prev(c, w);
        add_stage(c, w,
                  arena_printf(c->a, "SELECT %s.*%s FROM %s LEFT JOIN tq_matches(%s, %s) AS %s",
                               p, sb_str(&cols), p, src.sql, pattern, m));
        c->seg_tables++;
    }
    sb_free(&cols);
    return rc;
}

static int do_stats(struct cctx *c, struct walk *w, const struct command *cmd)
{
    if (c->n_stats == 2)
        return cc_error(c, cmd->kw_span, "a query can have at most two stats commands");
    if (c->n_stats == 0 && !c->emit)
        collect_stats_hint(c, cmd);
    c->n_stats++;
    c->prefilter_open = false;
    c->n_stats_aliases = 0;
    c->n_by_names = 0;
    for (size_t i = 0; i < cmd->n_by; i++)
        if (cmd->by[i].expr->kind == EX_FIELD) {
            c->by_names = arena_grow(c->a, c->by_names, &c->cap_by_names, c->n_by_names + 1,
                                     sizeof *c->by_names);
            c->by_names[c->n_by_names++] = cmd->by[i].expr->name;
        }
    c->offset_ms = 0;
    c->stats_offset = cmd->has_offset;
    if (cmd->has_offset) {
        /* checked for the whole query by offset_window */
        if (w->prefix)
            return cc_error(c, cmd->offset_span,
                        "offset belongs in the outer query: it moves the window the whole "
                        "query reads");
        c->offset_ms = tv_period_ms(cmd->offset);
    }
    struct strbuf sel = STRBUF_INIT, group = STRBUF_INIT;
    struct plist out = {0};
    struct sym *newsyms = NULL;
    size_t n_new = 0, cap_new = 0;
    const char *order = NULL;
    int rc = 0;
    /* the stage's columns and what each stands for */
    size_t n_out = cmd->n_by + cmd->n_items;
    const char **out_cols = arena_alloc(c->a, (n_out ? n_out : 1) * sizeof *out_cols);
    const char **out_sqls = arena_alloc(c->a, (n_out ? n_out : 1) * sizeof *out_sqls);
    size_t n_done = 0;
    if (n_out > SQL_MAX_COLUMNS) {
        const struct item *it = cmd->n_by > SQL_MAX_COLUMNS ? &cmd->by[SQL_MAX_COLUMNS]
                                                            : &cmd->items[SQL_MAX_COLUMNS - cmd->n_by];
        return cc_error(c, it->span,
                        "too many stats results: SQLite allows %d columns, and this would be "
                        "column %d",
                        SQL_MAX_COLUMNS, SQL_MAX_COLUMNS + 1);
    }
    if (2 * cmd->n_by > SQL_MAX_COLUMNS)
        return cc_error(
            c, cmd->by[SQL_MAX_COLUMNS / 2].span,
            "too many by keys: stats sorts by them, SQLite takes %d ORDER BY terms and a "
            "key needs 2 (at most %d keys)",
            SQL_MAX_COLUMNS, SQL_MAX_COLUMNS / 2);

    /* by keys */
    for (size_t i = 0; i < cmd->n_by && rc == 0; i++) {
        const struct item *it = &cmd->by[i];
        struct cexpr v;
        c->place = EP_STATS_BY;
        rc = cx_expr(c, it->expr, &v);
        c->place = EP_ROW;
        if (rc)
            break;
        if (v.type == VT_JSON || v.type == VT_LIST) {
            rc = cc_error(c, it->expr->span, "a map or list cannot be a stats key");
            break;
        }
        const char *col = cc_new_col(c);
        const char *name = it->alias ? it->alias
                           : it->expr->kind == EX_FIELD ? it->expr->name
                                                        : cc_expr_text(c, it->expr);
        const char *key = cx_group_key(c, &v);
        sb_printf(&sel, "%s%s AS %s", sel.len ? ", " : "", key, col);
        out_cols[n_done] = col;
        out_sqls[n_done++] = key;
        sb_printf(&group, "%s%s", group.len ? ", " : "", col);
        cc_plist_add(c, &out, name, col, v.type, v.field)->role = COL_KEY;
        newsyms = arena_grow(c->a, newsyms, &cap_new, n_new + 1, sizeof *newsyms);
        newsyms[n_new++] = (struct sym){.name = name, .col = col, .type = v.type, .field = v.field,
                                        .ephemeral = it->alias != NULL, .def = it->span};
        const char *t = cc_order_terms(c, col, v.type, false);
        order = order ? arena_printf(c->a, "%s, %s", order, t) : t;
    }
    if (rc == 0 && c->stats_offset)
        rc = cc_error(c, cmd->offset_span, "offset needs a bin() among the by keys");

    /* aggregates: an earlier alias of this stats may be reused */
    for (size_t i = 0; i < cmd->n_items && rc == 0; i++) {
        const struct item *it = &cmd->items[i];
        struct cexpr v;
        size_t saved_syms = c->n_syms;
        for (size_t k = 0; k < c->n_stats_aliases; k++)
            scope_add(c, c->stats_aliases[k].name, c->stats_aliases[k].col,
                      c->stats_aliases[k].type, false, c->stats_aliases[k].def)->is_agg = true;
        c->place = EP_STATS_ITEM;
        c->saw_agg = false;
        c->bare_field = false;
        rc = cx_expr(c, it->expr, &v);
        c->place = EP_ROW;
        c->n_syms = saved_syms;
        if (rc)
            break;
        if (!c->saw_agg) {
            rc = cc_error(c, it->expr->span,
                          "stats needs an aggregate here, such as count(*), sum(x) or avg(x)");
            break;
        }
        if (c->bare_field) {
            rc = cc_error(c, c->bare_span, "'%s' is neither a by key nor inside an aggregate",
                          c->bare_name);
            break;
        }
        const char *name = it->alias ? it->alias : cc_expr_text(c, it->expr);
        const char *col = cc_new_col(c);
        /* Inline: an alias stands for its aggregate's SQL in later items. */
        c->stats_aliases = arena_grow(c->a, c->stats_aliases, &c->cap_stats_aliases,
                                      c->n_stats_aliases + 1, sizeof *c->stats_aliases);
        c->stats_aliases[c->n_stats_aliases++] =
            (struct sym){.name = name, .col = arena_printf(c->a, "(%s)", v.sql), .type = v.type,
                         .ephemeral = true, .def = it->span, .is_agg = true};
        sb_printf(&sel, "%s%s AS %s", sel.len ? ", " : "", v.sql, col);
        out_cols[n_done] = col;
        out_sqls[n_done++] = v.sql;
        /* v.field: a value-picking aggregate (latest, min, ...) of a field,
         * whose booleans and maps stay JSON booleans and maps in output */
        cc_plist_add(c, &out, name, col, v.type, v.field)->role = COL_AGG;
        for (size_t k = 0; k < n_new; k++)
            if (strcmp(newsyms[k].name, name) == 0) {
                rc = cc_error(c, it->alias ? it->alias_span : it->span,
                              "field '%s' is already defined in this stats", name);
                break;
            }
        newsyms = arena_grow(c->a, newsyms, &cap_new, n_new + 1, sizeof *newsyms);
        newsyms[n_new++] =
            (struct sym){.name = name, .col = col, .type = v.type, .field = v.field,
                         .ephemeral = true, .def = it->span};
    }
    if (rc == 0) {
        fit_stage(c, w, out_sqls, n_done, false);
        add_stage(c, w,
                  arena_printf(c->a, "SELECT %s FROM %s%s%s", sb_str(&sel), prev(c, w),
                               group.len ? " GROUP BY " : "", sb_str(&group)));
        for (size_t k = 0; k < n_done; k++)
            note_col(c, out_cols[k], out_sqls[k]);
        c->width = (int)n_done;
        c->chain = 0; /* aggregates end the look for column types */
        /* From here on only the stats results exist. */
        c->replaced_by = NULL;
        c->n_syms = 0;
        for (size_t k = 0; k < n_new; k++)
            scope_add(c, newsyms[k].name, newsyms[k].col, newsyms[k].type, newsyms[k].ephemeral,
                      newsyms[k].def)->field = newsyms[k].field;
        c->raw_scope = false;
        c->have_ts = false;
        w->order = order ? order : "1";
        w->stats_out = out;
        w->have_stats = true;
        if (!w->stats_kw.end)
            w->stats_kw = cmd->kw_span;
        w->fields = (struct plist){0};
        w->parsed = (struct plist){0};
        /* a display before stats names what no longer exists */
        w->display = (struct plist){0};
        w->have_display = false;
    }
    sb_free(&sel);
    sb_free(&group);
    return rc;
}

static int do_sort(struct cctx *c, struct walk *w, const struct command *cmd)
{
    const char *terms = NULL;
    for (size_t i = 0; i < cmd->n_keys; i++) {
        struct cexpr v;
        if (cx_expr(c, cmd->keys[i].expr, &v))
            return -1;
        if (v.type == VT_JSON || v.type == VT_LIST)
            return cc_error(c, cmd->keys[i].expr->span, "a map or list cannot be sorted");
        const char *t = cc_order_terms(c, v.sql, v.type, cmd->keys[i].desc);
        terms = terms ? arena_printf(c->a, "%s, %s", terms, t) : t;
    }
    /* stable: ties keep the previous order */
    w->order = w->order ? arena_printf(c->a, "%s, %s", terms, w->order) : terms;
    size_t n = order_count(w->order);
    if (n > SQL_MAX_COLUMNS)
        w->order = order_without_repeats(c, w->order, &n);
    if (n > SQL_MAX_COLUMNS)
        return cc_error(
            c, cmd->span,
            "too many sort keys: SQLite takes %d ORDER BY terms, and each key, with the "
            "keys of earlier sorts, needs 2",
            SQL_MAX_COLUMNS);
    return 0;
}

static int do_limit(struct cctx *c, struct walk *w, const struct command *cmd, bool last)
{
    c->prefilter_open = false;
    if (cmd->limit < 0)
        return cc_error(c, cmd->span, "limit must not be negative");
    if (last) {
        w->final_limit = cmd->limit;
        w->final_limit_tail = cmd->limit_tail;
        return 0;
    }
    fit_one(c, w, w->order, false);
    add_stage(c, w,
              arena_printf(c->a, "SELECT * FROM %s ORDER BY %s LIMIT %lld", prev(c, w),
                           cmd->limit_tail ? reverse_order(c, w->order) : w->order,
                           (long long)cmd->limit));
    return 0;
}

static int do_dedup(struct cctx *c, struct walk *w, const struct command *cmd)
{
    c->prefilter_open = false;
    struct strbuf part = STRBUF_INIT, keep = STRBUF_INIT;
    for (size_t i = 0; i < cmd->n_dedup; i++) {
        struct cexpr v;
        if (cx_expr(c, cmd->dedup[i], &v) ||
            ((v.type == VT_JSON || v.type == VT_LIST) &&
             cc_error(c, cmd->dedup[i]->span, "a map or list cannot be a dedup key"))) {
            sb_free(&part);
            sb_free(&keep);
            return -1;
        }
        sb_printf(&part, "%s%s", i ? ", " : "", cx_group_key(c, &v));
        sb_printf(&keep, " OR (%s) IS NULL", v.sql);
    }
    c->width++; /* the row number */
    if (cx_check_width(c, cmd->kw_span, "the row number of dedup")) {
        sb_free(&part);
        sb_free(&keep);
        return -1;
    }
    const char *shapes[] = {sb_str(&part), w->order, sb_str(&keep)};
    fit_stage(c, w, shapes, 3, false);
    const char *rn = arena_printf(c->a, "_rn%d", w->stage + 1);
    add_stage(c, w,
              arena_printf(c->a,
                           "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY %s ORDER BY "
                           "%s) AS %s FROM %s) WHERE %s = 1%s",
                           sb_str(&part), w->order, rn, prev(c, w), rn, sb_str(&keep)));
    sb_free(&part);
    sb_free(&keep);
    return 0;
}

static int do_unnest(struct cctx *c, struct walk *w, const struct command *cmd)
{
    struct cexpr v;
    if (cx_expr(c, cmd->unnest_expr, &v))
        return -1;
    const char *col = cc_new_col(c);
    c->width++;
    if (cx_check_width(c, cmd->into_span, arena_printf(c->a, "'%s'", cmd->into)))
        return -1;
    /* the list is named four times */
    const char *shapes[] = {v.sql, v.sql, v.sql, v.sql};
    fit_stage(c, w, shapes, 4, false);
    const char *j = arena_printf(c->a, "j%d", w->stage + 1);
    const char *p = prev(c, w);
    if (define(c, cmd->into, col, VT_ANY, cmd->into_span))
        return -1;
    cc_plist_add(c, &w->parsed, cmd->into, col, VT_ANY, NULL);
    /* A list gives one row per element; any other value is a list of one. */
    add_stage(c, w,
              arena_printf(c->a,
                           "SELECT %s.*, %s AS %s FROM %s, json_each(CASE WHEN "
                           "json_valid(%s) AND json_type(%s) = 'array' THEN %s ELSE "
                           "json_array(%s) END) AS %s",
                           p, cc_each_value(c, j), col, p, v.sql, v.sql, v.sql, v.sql, j));
    c->seg_tables++;
    return 0;
}

/* The order rules between commands (docs/language.md#order-rules-between-commands). */
static int check_order(struct cctx *c, const struct query *q)
{
    int stats_seen = 0;
    const struct command *sort_before_stats = NULL;
    for (size_t i = 0; i < q->n_cmds; i++) {
        const struct command *cmd = &q->cmds[i];
        if (cmd->kind == CMD_STATS) {
            stats_seen++;
            if (stats_seen == 2 && sort_before_stats)
                return cc_error(c, sort_before_stats->kw_span,
                                "%s must come after the second stats",
                                sort_before_stats->kind == CMD_SORT    ? "sort"
                                : sort_before_stats->kind == CMD_LIMIT ? "limit"
                                                                   : "dedup");
        }
        if (stats_seen >= 1 && (cmd->kind == CMD_SORT || cmd->kind == CMD_LIMIT ||
                                cmd->kind == CMD_DEDUP) && !sort_before_stats)
            sort_before_stats = cmd;
        if (cmd->kind == CMD_DEDUP) {
            for (size_t k = i + 1; k < q->n_cmds; k++)
                if (q->cmds[k].kind != CMD_LIMIT)
                    return cc_error(c, q->cmds[k].kw_span, "only limit may follow dedup");
        }
    }
    return 0;
}

/* A stored field's value in the base relation (events e). */
static void stored_field_sql(struct strbuf *sb, const struct store_field *f)
{
    if (f->col >= 0)
        sb_printf(sb, "e.c%d", f->col);
    else
        sb_printf(sb, "tq_xf(e.ov, %lld)", (long long)f->id);
}

/* The base relation s0: one row per event, a column per field read. */
static void base_relation(struct cctx *c, struct walk *w)
{
    struct strbuf sb = STRBUF_INIT;
    bool join_raw = c->need_msg; /* the raw record: @message, or a field's subtree */
    sb_puts(&sb, c->recursive ? "WITH RECURSIVE " : "WITH ");
    if (c->diff_cmd) {
        cc_diff_windows(c, &sb);
        sb_puts(&sb, ", ");
    }
    sb_puts(&sb, "s0 AS (SELECT e.id AS _id, e.ts AS _ts");
    for (size_t i = 0; i < c->n_raw; i++) {
        const struct store_field *f = store_field(c->store, c->raw[i]);
        if (f && store_has_children(c->store, c->raw[i])) {
            /* a full index keeps leaves only: a name that is a leaf (or
             * an empty object or array) in some events and an object or
             * array in others has the leaf's column, and the subtree for
             * the rest (an index that keeps the name whole has every
             * value in the column: the subtree is not read) */
            sb_puts(&sb, ", coalesce(");
            stored_field_sql(&sb, f);
            sb_puts(&sb, ", tq_subtree(r.msg, ");
            sb_sql_quote(&sb, c->raw[i], strlen(c->raw[i]));
            sb_printf(&sb, ")) AS f%zu", i);
            join_raw = true;
        } else if (f) {
            sb_puts(&sb, ", ");
            stored_field_sql(&sb, f);
            sb_printf(&sb, " AS f%zu", i);
        } else if (store_has_children(c->store, c->raw[i])) {
            sb_puts(&sb, ", tq_subtree(r.msg, ");
            sb_sql_quote(&sb, c->raw[i], strlen(c->raw[i]));
            sb_printf(&sb, ") AS f%zu", i);
            join_raw = true;
        } else
            sb_printf(&sb, ", NULL AS f%zu", i);
    }
    if (c->need_msg)
        sb_puts(&sb, ", r.msg AS _msg");
    if (c->need_log) {
        /* Insights' account-id:log-group-name where the input gives both
         * (CloudWatch subscription payloads), else the input path */
        size_t owner = c->n_raw, group = c->n_raw;
        for (size_t i = 0; i < c->n_raw; i++) {
            if (strcmp(c->raw[i], "@owner") == 0)
                owner = i;
            else if (strcmp(c->raw[i], "@logGroup") == 0)
                group = i;
        }
        const struct store_field *fo = owner < c->n_raw ? store_field(c->store, "@owner") : NULL;
        const struct store_field *fg =
            group < c->n_raw ? store_field(c->store, "@logGroup") : NULL;
        if (fo && fg) {
            sb_puts(&sb, ", coalesce(");
            stored_field_sql(&sb, fo);
            sb_puts(&sb, " || ':' || ");
            stored_field_sql(&sb, fg);
            sb_puts(&sb, ", s.path) AS _log");
        } else {
            sb_puts(&sb, ", s.path AS _log");
        }
    }
    if (c->need_stream)
        sb_puts(&sb, ", coalesce(e.stream, s.base) AS _stream");
    if (c->need_ptr)
        sb_puts(&sb, ", s.path || ':' || e.seq AS _ptr");
    if (c->need_ingest)
        sb_puts(&sb, ", e.ingest AS _ingest");
    sb_puts(&sb, " FROM events e");
    if (join_raw)
        sb_puts(&sb, " LEFT JOIN raw r ON r.id = e.id");
    if (c->need_log || c->need_stream || c->need_ptr)
        sb_puts(&sb, " JOIN sources s ON s.id = e.src");
    if (c->diff_cmd)
        sb_printf(&sb, " WHERE %s", cc_diff_base_filter(c));
    else if (c->opts->has_range)
        sb_printf(&sb, " WHERE e.ts >= %lld AND e.ts < %lld", (long long)c->opts->start_ms,
                  (long long)c->opts->end_ms);
    if (c->opts->scope_where && *c->opts->scope_where)
        sb_printf(&sb, " %s %s", c->opts->has_range ? "AND" : "WHERE", c->opts->scope_where);
    sb_puts(&sb, ")");
    sb_append(&w->with, sb.buf, sb.len);
    sb_free(&sb);
    w->stage = 0;
}

static int walk(struct cctx *c, struct walk *w)
{
    const struct query *q = c->q;
    c->n_syms = 0;
    c->raw_scope = true;
    c->have_ts = true;
    c->n_stats = 0;
    c->replaced_by = NULL;
    c->next_col = 0;
    c->place = EP_ROW;
    /* a subquery reads events the outer filters drop, and the other way round */
    c->prefilter_open = !w->prefix && !q->has_sub;
    c->cur_walk = w;
    /* the base relation: _id, _ts, the raw fields (all known in the emit
     * pass, found as the walk goes in the first) and the system columns */
    c->width = 2 + (int)c->n_raw + c->need_msg + c->need_log + c->need_stream + c->need_ptr +
               c->need_ingest;
    c->n_colinfo = 0;
    c->chain = 0;
    c->prep_cost = 0;
    c->max_width = 0;
    c->seg_stages = 0;
    c->seg_filters = 0;
    c->seg_where_height = 0;
    c->seg_tables = 3; /* events, raw, sources */
    c->nest_height = 0;
    w->order = NEWEST_FIRST;
    if (check_order(c, q))
        return -1;
    c->diff_cmd = NULL;
    for (size_t i = 0; i < q->n_cmds; i++)
        if (q->cmds[i].kind == CMD_DIFF) {
            if (c->diff_cmd)
                return cc_error(c, q->cmds[i].kw_span,
                                "a query can have only one diff or logcompare");
            c->diff_cmd = &q->cmds[i];
        }
    if (c->emit && !w->prefix)
        base_relation(c, w);
    w->n_pend = 0;
    w->n_conds = 0;
    for (size_t i = 0; i < q->n_cmds; i++) {
        const struct command *cmd = &q->cmds[i];
        int rc = 0;
        if (cmd->kind != CMD_FILTER && cmd->kind != CMD_FIELDS && cmd->kind != CMD_DISPLAY &&
            cmd->kind != CMD_PARSE && cmd->kind != CMD_SORT)
            pending_flush(c, w); /* (sort makes no stage: its keys may use pending SQL) */
        switch (cmd->kind) {
        case CMD_FILTER:
            rc = do_filter(c, w, cmd);
            break;
        case CMD_FIELDS:
            rc = do_items(c, w, cmd, &w->fields);
            break;
        case CMD_DISPLAY:
            w->display = (struct plist){0};
            rc = do_items(c, w, cmd, &w->display);
            w->have_display = true;
            break;
        case CMD_PARSE:
            rc = cmd->mode == PARSE_LOGFMT || cmd->mode == PARSE_CSV ? cmd_parse_format(c, w, cmd)
                                                                       : do_parse(c, w, cmd);
            break;
        case CMD_STATS:
            rc = do_stats(c, w, cmd);
            break;
        case CMD_SORT:
            rc = do_sort(c, w, cmd);
            break;
        case CMD_LIMIT:
            rc = do_limit(c, w, cmd, i + 1 == q->n_cmds);
            break;
        case CMD_DEDUP:
            rc = do_dedup(c, w, cmd);
            break;
        case CMD_UNNEST:
            rc = do_unnest(c, w, cmd);
            break;
        case CMD_PATTERN:
            rc = cmd_pattern(c, w, cmd);
            break;
        case CMD_ANOMALY:
            rc = cmd_anomaly(c, w, cmd);
            break;
        case CMD_DIFF:
            rc = cmd_diff(c, w, cmd);
            break;
        case CMD_SESSIONIZE:
            rc = cmd_sessionize(c, w, cmd);
            break;
        case CMD_LOOKUP:
        case CMD_CIDRLOOKUP:
            rc = cmd_lookup(c, w, cmd);
            break;
        case CMD_COUNTFREQUENT:
            rc = cmd_countfrequent(c, w, cmd);
            break;
        case CMD_ACCUM:
        case CMD_AUTOREGRESS:
        case CMD_FILLDOWN:
            rc = cmd_running(c, w, cmd);
            break;
        case CMD_EXPAND:
            rc = cmd_expand(c, w, cmd);
            break;
        case CMD_ADDTOTALS:
            rc = cmd_addtotals(c, w, cmd);
            break;
        case CMD_OUTLIER:
            rc = cmd_outlier(c, w, cmd);
            break;
        case CMD_FILLMISSING:
            rc = cmd_fillmissing(c, w, cmd);
            break;
        case CMD_RELEVANTFIELDS:
            rc = cmd_relevantfields(c, w, cmd);
            break;
        case CMD_JOIN:
            rc = cmd_join(c, w, cmd);
            break;
        case CMD_APPENDCOLS:
            rc = cmd_appendcols(c, w, cmd);
            break;
        }
        if (rc || check_prep_cost(c, cmd) || check_nesting(c, cmd))
            return -1;
    }
    pending_flush(c, w);
    return q->n_cmds ? check_prep_cost(c, &q->cmds[q->n_cmds - 1]) : 0;
}

/* The columns shown (docs/language.md#fields-and-display): the last display; else after stats its
 * results (or the fields named after it); else the fields named (or
 * @timestamp and @message), plus what parse and unnest made. */
static int projection(struct cctx *c, struct walk *w, struct plist *out)
{
    *out = (struct plist){0};
    if (c->opts->raw_message) {
        /* -o raw: each result event's original text */
        if (w->have_stats)
            return cc_error(
                c, w->stats_kw,
                "-o raw prints each event's @message, and a stats result has no events");
        struct cexpr msg;
        if (cx_field(c, "@message", (struct span){0, 0}, &msg))
            return -1;
        cc_plist_add(c, out, "@message", msg.sql, VT_ANY, NULL);
        return 0;
    }
    if (w->have_display) {
        *out = w->display;
        return 0;
    }
    if (w->have_stats) {
        *out = w->fields.n ? w->fields : w->stats_out;
        for (size_t i = 0; i < w->parsed.n; i++)
            cc_plist_add(c, out, w->parsed.items[i].name, w->parsed.items[i].sql,
                         w->parsed.items[i].type, w->parsed.items[i].field);
        return 0;
    }
    if (w->fields.n) {
        for (size_t i = 0; i < w->fields.n; i++)
            cc_plist_add(c, out, w->fields.items[i].name, w->fields.items[i].sql,
                         w->fields.items[i].type, w->fields.items[i].field);
    } else {
        struct cexpr ts, msg;
        if (cx_field(c, "@timestamp", (struct span){0, 0}, &ts) ||
            cx_field(c, "@message", (struct span){0, 0}, &msg))
            return -1;
        cc_plist_add(c, out, "@timestamp", ts.sql, VT_TIME, NULL);
        cc_plist_add(c, out, "@message", msg.sql, VT_ANY, NULL);
        for (size_t i = 0; i < w->joined.n; i++)
            cc_plist_add(c, out, w->joined.items[i].name, w->joined.items[i].sql,
                         w->joined.items[i].type, w->joined.items[i].field);
    }
    for (size_t i = 0; i < w->parsed.n; i++)
        cc_plist_add(c, out, w->parsed.items[i].name, w->parsed.items[i].sql,
                     w->parsed.items[i].type, w->parsed.items[i].field);
    return 0;
}

static int compile_sql(struct cctx *c, struct compile_result *out);

/* `stats ... by bin(P) offset D` looks back D (docs/language.md#stats): the
 * whole query reads the window D earlier, [start - D, end - D), and the
 * bin() key of that stats labels an event at ts with bin(ts + D), so the
 * rows' labels lie in the window asked for. One stats of the query may
 * have an offset, in the outer query. *read gets the window read (bounds
 * that are not given stay open; a bound pushed past the int64 range
 * saturates). */
static int offset_window(struct cctx *c, struct compile_opts *read)
{
    *read = *c->opts;
    const struct command *first = NULL;
    int64_t d = 0;
    for (size_t i = 0; i < c->q->n_cmds; i++) {
        const struct command *cmd = &c->q->cmds[i];
        if (cmd->kind != CMD_STATS || !cmd->has_offset)
            continue;
        if (first) {
            int line, col;
            qerror_position(c->q->text, c->q->len, first->offset_span.start, &line, &col);
            return cc_error(c, cmd->offset_span,
                        "a query can have one offset: it moves the window the whole query "
                        "reads (the first is at %d:%d)", line, col);
        }
        d = tv_period_ms(cmd->offset);
        if (d <= 0)
            return cc_error(c, cmd->offset_span, "offset must be in ms, s, m, h, d or w");
        if (d > OFFSET_MAX_MS)
            return cc_error(c, cmd->offset_span,
                        "offset too long: '%.*s' is more than %lldd (10000 years, the span of "
                        "the times trailq reads)",
                        (int)(cmd->offset_span.end - cmd->offset_span.start),
                        c->q->text + cmd->offset_span.start,
                        (long long)(OFFSET_MAX_MS / 86400000));
        first = cmd;
    }
    if (read->start_ms != INT64_MIN && __builtin_sub_overflow(read->start_ms, d, &read->start_ms))
        read->start_ms = INT64_MIN;
    if (read->end_ms != INT64_MAX && __builtin_sub_overflow(read->end_ms, d, &read->end_ms))
        read->end_ms = INT64_MIN + 1;
    return 0;
}

int compile_query(struct query *q, struct store *store, const struct compile_opts *opts,
                  struct compile_result *out, struct qerror *err)
{
    struct cctx c = {.q = q, .a = &q->arena, .store = store, .opts = opts, .asked = opts,
                     .err = err};
    struct compile_opts read;
    if (offset_window(&c, &read))
        return -1;
    c.opts = &read;
    int rc = compile_sql(&c, out);
    cx_limits_free(&c);
    return rc;
}

static int compile_sql(struct cctx *c, struct compile_result *out)
{
    struct query *q = c->q;
    struct store *store = c->store;
    struct walk w = {0};
    *out = (struct compile_result){0};
    /* pass 1: analysis */
    struct plist proj;
    if (walk(c, &w) || projection(c, &w, &proj)) {
        sb_free(&w.with);
        return -1;
    }
    out->raw_fields = c->raw;
    out->n_raw_fields = c->n_raw;
    out->range_start_ms = c->diff_cmd ? cc_diff_start_ms(c) : c->opts->start_ms;
    out->window_start_ms = c->opts->start_ms;
    out->window_end_ms = c->opts->end_ms;
    out->needs_message = c->need_msg;
    out->all_fields = c->want_all_fields;
    finish_hints(c);
    out->groups = c->groups;
    out->n_groups = c->n_groups;
    out->hints = c->hints;
    out->n_hints = c->n_hints;
    sb_free(&w.with);
    if (!store)
        return 0;

    /* pass 2: SQL, with the base relation known */
    struct walk w2 = {0};
    c->emit = true;
    c->groups = NULL;
    c->n_groups = c->cap_groups = 0;
    c->hints = NULL;
    c->n_hints = c->cap_hints = 0;
    if (walk(c, &w2) || projection(c, &w2, &proj)) {
        sb_free(&w2.with);
        return -1;
    }
    /* the final SELECT names the shown columns and sorts */
    const char **shapes = arena_alloc(c->a, (proj.n + 1) * sizeof *shapes);
    for (size_t i = 0; i < proj.n; i++)
        shapes[i] = proj.items[i].sql;
    shapes[proj.n] = w2.order;
    fit_stage(c, &w2, shapes, proj.n + 1, false);
    struct strbuf sql = STRBUF_INIT;
    sb_append(&sql, w2.with.buf, w2.with.len);
    sb_puts(&sql, " SELECT ");
    out->cols = arena_alloc(c->a, (proj.n ? proj.n : 1) * sizeof *out->cols);
    out->n_cols = proj.n;
    for (size_t i = 0; i < proj.n; i++) {
        sb_printf(&sql, "%s%s", i ? ", " : "", proj.items[i].sql);
        out->cols[i].name = proj.items[i].name;
        out->cols[i].type = proj.items[i].type;
        out->cols[i].field = proj.items[i].field;
        out->cols[i].role = proj.items[i].role;
    }
    if (!proj.n)
        sb_puts(&sql, "NULL");
    sb_printf(&sql, " FROM s%d", w2.stage);
    if (w2.final_limit_tail) {
        /* tail N: the last N rows in the current order, shown in that order */
        struct strbuf sel = STRBUF_INIT;
        for (size_t i = 0; i < proj.n; i++)
            sb_printf(&sel, "%s%s", i ? ", " : "", proj.items[i].sql);
        sb_reset(&sql);
        sb_printf(&sql, "%s, t AS (SELECT * FROM s%d ORDER BY %s LIMIT %lld) SELECT %s FROM t"
                  " ORDER BY %s",
                  w2.with.buf, w2.stage, reverse_order(c, w2.order), (long long)w2.final_limit,
                  proj.n ? sb_str(&sel) : "NULL", w2.order);
        sb_free(&sel);
    } else if (order_count(w2.order) >= ORDER_TERMS_MATERIALIZED) {
        /* SQLite 3.40 drops a LEFT JOIN whose columns only ORDER BY terms
         * past the 63rd use (and then reads a row that is not there:
         * a crash found by the fuzzer). The stages are made into a table
         * first, so the sort reads columns, not joins. */
        struct strbuf sel = STRBUF_INIT;
        for (size_t i = 0; i < proj.n; i++)
            sb_printf(&sel, "%s%s", i ? ", " : "", proj.items[i].sql);
        sb_reset(&sql);
        sb_printf(&sql, "%s, sorted AS MATERIALIZED (SELECT * FROM s%d) SELECT %s FROM sorted"
                  " ORDER BY %s",
                  w2.with.buf, w2.stage, proj.n ? sb_str(&sel) : "NULL", w2.order);
        sb_free(&sel);
        if (w2.final_limit || (q->n_cmds && q->cmds[q->n_cmds - 1].kind == CMD_LIMIT))
            sb_printf(&sql, " LIMIT %lld", (long long)w2.final_limit);
    } else {
        sb_printf(&sql, " ORDER BY %s", w2.order);
        if (w2.final_limit || (q->n_cmds && q->cmds[q->n_cmds - 1].kind == CMD_LIMIT))
            sb_printf(&sql, " LIMIT %lld", (long long)w2.final_limit);
    }
    out->sql = arena_strdup(c->a, sb_str(&sql));
    out->regex_sites = c->sites;
    out->n_regex_sites = c->n_sites;
    out->limits_newest_first = w2.final_limit && strcmp(w2.order, NEWEST_FIRST) == 0;
    sb_free(&sql);
    sb_free(&w2.with);
    return 0;
}

/* ---- for the command files (cmd_*.c, compile_int.h) ---- */

const char *cc_prev(struct cctx *c, struct walk *w)
{
    return prev(c, w);
}

void cc_fit_tables(struct cctx *c, struct walk *w, int n)
{
    if (c->emit && c->seg_tables + n > STAGE_JOIN_MAX && c->seg_stages > 0)
        barrier(c, w);
    c->seg_tables += n;
}

/* The distinct window definitions ("OVER (...)") in a stage's SQL. */
static int window_specs(const char *body)
{
    enum { MAX_WINDOWS = 64 };
    const char *spec[MAX_WINDOWS];
    size_t len[MAX_WINDOWS];
    int n = 0, more = 0;
    for (const char *p = strstr(body, " OVER ("); p; p = strstr(p + 1, " OVER (")) {
        const char *q = p + 7;
        int depth = 1;
        while (*q && depth > 0) {
            depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
            q++;
        }
        size_t l = (size_t)(q - p);
        bool seen = false;
        for (int k = 0; k < n && !seen; k++)
            seen = len[k] == l && memcmp(spec[k], p, l) == 0;
        if (seen)
            continue;
        if (n < MAX_WINDOWS) {
            spec[n] = p;
            len[n++] = l;
        } else {
            more++;
        }
    }
    return n + more;
}

/* The columns a stage "SELECT *, a AS x, b AS y FROM ..." (or "SELECT
 * p.*, ...") adds to its input: the items after the star; 0 for a stage of
 * another shape (one that replaces the columns sets the width itself). */
static int added_columns(const char *body)
{
    if (strncmp(body, "SELECT ", 7) != 0)
        return 0;
    const char *p = body + 7;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '_')
        p++;
    if (p > body + 7 && *p == '.')
        p++;
    if (*p != '*')
        return 0;
    int n = 0, depth = 0;
    for (p++; *p; p++) {
        if (*p == '\'') { /* a literal: '' is a quote inside it */
            for (p++; *p && !(*p == '\'' && p[1] != '\''); p += *p == '\'' ? 2 : 1)
                ;
            if (!*p)
                break;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')') {
            depth--;
        } else if (depth == 0 && *p == ',') {
            n++;
        } else if (depth == 0 && strncmp(p, " FROM ", 6) == 0) {
            break;
        }
    }
    return n;
}

void cc_add_stage(struct cctx *c, struct walk *w, const char *body)
{
    c->width += added_columns(body);
    /* SQLite runs each window definition of a stage as a subquery of its
     * own, nested in the ones after it, and adds up the heights of their
     * expressions against its limit of 1000 (SQLITE_MAX_EXPR_DEPTH): 150
     * accum commands, 80 sessionize or 50 filldown of 8 fields did not
     * prepare. The estimate here (definitions times the stage's height) is
     * above what SQLite counts; cc_check_nesting refuses a query past it. */
    if (c->emit) {
        int specs = window_specs(body);
        if (specs > 0) {
            struct sql_shape sh;
            cx_sql_shape(c, body, &sh);
            c->nest_height += specs * (sh.height + 1);
        }
    }
    add_stage(c, w, body);
}

int cc_define(struct cctx *c, const char *name, const char *col, enum vtype type, struct span where)
{
    return define(c, name, col, type, where);
}

void cc_shadow(struct cctx *c, const char *name, const char *col, enum vtype type, struct span where)
{
    scope_add(c, name, col, type, true, where);
}

void cc_result_scope(struct cctx *c, struct walk *w, const char *command, const struct sym *syms,
                     size_t n, const struct plist *out, const char *order)
{
    c->replaced_by = command;
    c->n_syms = 0;
    c->width = (int)n;
    for (size_t k = 0; k < n; k++)
        scope_add(c, syms[k].name, syms[k].col, syms[k].type, syms[k].ephemeral, syms[k].def);
    c->raw_scope = false;
    c->have_ts = false;
    c->prefilter_open = false;
    w->order = order;
    w->stats_out = *out;
    w->have_stats = true;
    w->fields = (struct plist){0};
    w->parsed = (struct plist){0};
}

int cc_projection(struct cctx *c, struct walk *w, struct plist *out)
{
    return projection(c, w, out);
}

void cc_replace_shown(struct cctx *c, struct walk *w, const char *name, const char *col,
                      enum vtype type)
{
    struct plist *lists[] = {&w->fields, &w->parsed, &w->display, &w->stats_out};
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++)
        for (size_t i = 0; i < lists[k]->n; i++)
            if (strcmp(lists[k]->items[i].name, name) == 0) {
                lists[k]->items[i].sql = col;
                lists[k]->items[i].type = type;
                lists[k]->items[i].field = NULL;
            }
}

void cc_show(struct cctx *c, struct walk *w, const char *name, const char *col, enum vtype type)
{
    if (w->have_display)
        cc_plist_add(c, &w->display, name, col, type, NULL);
    else if (w->have_stats && !w->fields.n)
        cc_plist_add(c, &w->stats_out, name, col, type, NULL);
    else
        cc_plist_add(c, &w->parsed, name, col, type, NULL);
}

int cc_option_bool(struct cctx *c, const struct cmd_option *o, bool *out)
{
    const struct expr *v = o->value;
    if (v->kind == EX_FIELD && (strcasecmp(v->name, "true") == 0 || strcasecmp(v->name, "false") == 0)) {
        *out = strcasecmp(v->name, "true") == 0;
        return 0;
    }
    if (v->kind == EX_BOOL) {
        *out = v->ival != 0;
        return 0;
    }
    return cc_error(c, v->span, "%s= takes true or false", o->name);
}

int cc_option_number(struct cctx *c, const struct cmd_option *o, double *out)
{
    if (o->value->kind != EX_NUMBER)
        return cc_error(c, o->value->span, "%s= takes a number", o->name);
    *out = o->value->num;
    return 0;
}

const char *cc_next_stage(struct cctx *c, struct walk *w)
{
    return stage_name(c, w, w->stage + 1);
}

int cc_walk(struct cctx *c, struct walk *w)
{
    return walk(c, w);
}
