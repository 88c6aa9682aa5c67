/*
 * cmd_subquery.c — subqueries: `filter x in ( query )`, `join` and
 * `appendcols` (trailq(1), QUERY LANGUAGE; docs/language.md#subqueries-join-and-appendcols).
 *
 * A subquery reads the same events as the query around it (the same input
 * files or index, and --start/--end). It is compiled into the same SQL
 * statement: its commands become CTEs named q<id>_1, q<id>_2 ... over the
 * shared base relation s0 (whose columns are the union of the fields both
 * read), and one result CTE q<id> gives its rows in its own order with
 *
 *   _q<id>c<i>  the fields it shows (what it would print on its own),
 *   _q<id>r<i>  the other fields the outer query reads as b.x after a join,
 *   _q<id>k<i>  a join's right-hand keys, as tq_key() values,
 *   _q<id>n     the row's position (1, 2, ...) in the subquery's order,
 *
 * cut to its trailing limit if it has one. The names a join's b.x needs are
 * known after the first (analysis) pass, which is why every subquery keeps
 * a record here across the two passes.
 *
 * Keys compare as values do under `=` (a number equals the same number
 * written differently; text compares byte by byte): both sides go through
 * tq_key(), which gives the number for a value that is one and the text
 * otherwise, so SQLite can hash them. A missing key never matches.
 *
 * Subqueries do not nest, cannot hold diff or logcompare, and a query with
 * a subquery does not use the literal pre-filter (each side reads events
 * the other's filters would drop).
 */
#include <string.h>
#include <strings.h>

#include "query/compile_int.h"

struct subq {
    const struct query *q;
    int id;                   /* q<id> */
    int done;                 /* the pass last compiled in: 1 analysis, 2 SQL */
    const char *rel;          /* the result CTE */
    struct plist shown;       /* the fields it shows: names, _q<id>c<i> columns */
    /* the scope at its end, for a join's b.x */
    struct sym *syms;
    size_t n_syms;
    bool raw_scope, have_ts;
    const char *replaced_by;
    /* the other fields read as b.x: names and types, columns _q<id>r<i> */
    struct plist refs;
};

/* ---- the subquery's own walk ---- */

static struct subq *record(struct cctx *c, const struct query *q)
{
    for (size_t i = 0; i < c->n_subs; i++)
        if (c->subs[i].q == q)
            return &c->subs[i];
    c->subs = arena_grow(c->a, c->subs, &c->cap_subs, c->n_subs + 1, sizeof *c->subs);
    struct subq *r = &c->subs[c->n_subs++];
    *r = (struct subq){.q = q, .id = (int)c->n_subs};
    r->rel = arena_printf(c->a, "q%d", r->id);
    return r;
}

/* A field of the subquery's result, with its scope live: a shown field by
 * name, else any name its last scope resolves. SQL over its last stage. */
static int live_field(struct cctx *c, struct subq *r, const struct plist *shown_sql,
                      const char *name, struct span where, struct cexpr *out)
{
    for (size_t i = 0; i < shown_sql->n; i++)
        if (strcmp(shown_sql->items[i].name, name) == 0) {
            out->sql = shown_sql->items[i].sql;
            out->type = shown_sql->items[i].type;
            return 0;
        }
    (void)r;
    return cx_field(c, name, where, out);
}

/* Compile the subquery q (once per pass); for a join, its right keys. */
static int compile_sub(struct cctx *c, const struct query *q, const struct command *join,
                       struct subq **out)
{
    struct subq *r = record(c, q);
    *out = r;
    int pass = c->emit ? 2 : 1;
    if (r->done == pass)
        return 0;
    r->done = pass;
    if (c->diff_cmd)
        return cc_error(c, q->span, "a query with diff or logcompare cannot have a subquery");
    for (size_t i = 0; i < q->n_cmds; i++)
        if (q->cmds[i].kind == CMD_DIFF)
            return cc_error(c, q->cmds[i].kw_span,
                            "diff and logcompare cannot be used in a subquery");

    /* the subquery gets a scope of its own; what it adds to the base
       relation (fields read, system columns) stays */
    struct cctx saved = *c;
    struct walk *outer = c->cur_walk;
    c->q = (struct query *)q;
    c->syms = NULL;
    c->n_syms = c->cap_syms = 0;
    c->stats_aliases = NULL;
    c->n_stats_aliases = c->cap_stats_aliases = 0;
    c->by_names = NULL;
    c->n_by_names = c->cap_by_names = 0;
    struct walk iw = {.prefix = arena_printf(c->a, "q%d_", r->id)};
    if (q->source) {
        /* SOURCE 'path': the inputs whose @log is path, or lies under it */
        c->need_log = true;
        size_t n = strlen(q->source);
        bool dir = q->source[n - 1] == '/';
        const char *under = arena_printf(c->a, "%s%s", q->source, dir ? "" : "/");
        cc_add_stage(c, &iw,
                     arena_printf(c->a, "SELECT * FROM s0 WHERE _log = %s OR substr(_log, 1, %zu) = %s",
                                  cx_quote(c, q->source), strlen(under), cx_quote(c, under)));
    }
    c->raw_scope = c->have_ts = true;
    c->replaced_by = NULL;
    c->n_stats = 0;
    iw.order = "_ts DESC, _id"; /* the events' order, newest first */
    int rc = q->n_cmds ? cc_walk(c, &iw) : 0;
    struct plist proj = {0};
    if (!rc)
        rc = cc_projection(c, &iw, &proj);
    c->place = EP_ROW;

    /* the result CTE */
    struct strbuf sel = STRBUF_INIT;
    r->shown = (struct plist){0};
    for (size_t i = 0; i < proj.n && !rc; i++) {
        const char *col = arena_printf(c->a, "_q%dc%zu", r->id, i);
        cc_plist_add(c, &r->shown, proj.items[i].name, col, proj.items[i].type,
                     proj.items[i].field);
        sb_printf(&sel, "%s AS %s, ", proj.items[i].sql, col);
    }
    for (size_t i = 0; i < r->refs.n && !rc; i++) {
        struct cexpr v;
        rc = live_field(c, r, &proj, r->refs.items[i].name, q->span, &v);
        if (!rc)
            sb_printf(&sel, "%s AS %s, ", v.sql, r->refs.items[i].sql);
    }
    for (size_t i = 0; join && i < join->n_jkeys && !rc; i++) {
        struct cexpr v;
        rc = live_field(c, r, &proj, join->jr[i]->name, join->jr[i]->span, &v);
        if (!rc && (v.type == VT_JSON || v.type == VT_LIST))
            rc = cc_error(c, join->jr[i]->span, "a map or list cannot be a join key");
        if (!rc)
            sb_printf(&sel, "tq_key(%s) AS _q%dk%zu, ", v.sql, r->id, i);
    }
    /* the scope at the end, for b.x */
    r->syms = c->syms;
    r->n_syms = c->n_syms;
    r->raw_scope = c->raw_scope;
    r->have_ts = c->have_ts;
    r->replaced_by = c->replaced_by;

    if (!rc && c->emit) {
        const char *last = cc_prev(c, &iw);
        const char *body = arena_printf(c->a, "SELECT %srow_number() OVER (ORDER BY %s) AS _q%dn FROM %s",
                                        sb_str(&sel), iw.order, r->id, last);
        bool limited = iw.final_limit || (q->n_cmds && q->cmds[q->n_cmds - 1].kind == CMD_LIMIT);
        if (limited && iw.final_limit_tail)
            body = arena_printf(c->a, "SELECT * FROM (%s) WHERE _q%dn > (SELECT count(*) FROM %s) - %lld",
                                body, r->id, last, (long long)iw.final_limit);
        else if (limited)
            body = arena_printf(c->a, "SELECT * FROM (%s) WHERE _q%dn <= %lld", body, r->id,
                                (long long)iw.final_limit);
        sb_append(&outer->with, iw.with.buf, iw.with.len);
        sb_printf(&outer->with, ", %s AS (%s)", r->rel, body);
    }
    sb_free(&sel);
    sb_free(&iw.with);

    struct cctx inner = *c;
    *c = saved;
    c->raw = inner.raw;
    c->n_raw = inner.n_raw;
    c->cap_raw = inner.cap_raw;
    c->need_msg = inner.need_msg;
    c->need_log = inner.need_log;
    c->need_stream = inner.need_stream;
    c->need_ptr = inner.need_ptr;
    c->need_ingest = inner.need_ingest;
    c->want_all_fields = inner.want_all_fields;
    c->recursive = inner.recursive;
    c->hints = inner.hints;
    c->n_hints = inner.n_hints;
    c->cap_hints = inner.cap_hints;
    c->stats_hint = inner.stats_hint;
    c->uses_ts = inner.uses_ts;
    c->subs = inner.subs;
    c->n_subs = inner.n_subs;
    c->cap_subs = inner.cap_subs;
    /* the regexes it runs, and the probe connection it may have opened */
    c->sites = inner.sites;
    c->n_sites = inner.n_sites;
    c->cap_sites = inner.cap_sites;
    c->probe = inner.probe;
    return rc;
}

/* ---- x in ( subquery ) ---- */

int cx_in_subquery(struct cctx *c, const struct expr *e, bool strict, const char **sql)
{
    struct cexpr x;
    if (cx_expr(c, e->args[0], &x))
        return -1;
    struct subq *r;
    if (compile_sub(c, e->sub, NULL, &r))
        return -1;
    const struct proj *col = NULL;
    if (e->args[0]->kind == EX_FIELD)
        for (size_t i = 0; i < r->shown.n; i++)
            if (strcmp(r->shown.items[i].name, e->args[0]->name) == 0)
                col = &r->shown.items[i];
    if (!col && r->shown.n == 1)
        col = &r->shown.items[0];
    if (!col)
        return cc_error(c, e->sub->span,
                        "the subquery shows %zu fields and none is named like the value before "
                        "in; end it with fields and one field",
                        r->shown.n);
    if (e->negated)
        *sql = arena_printf(c->a,
                            "(%s IS NOT NULL AND tq_key(%s) NOT IN (SELECT tq_key(%s) FROM %s "
                            "WHERE tq_key(%s) IS NOT NULL))",
                            x.sql, x.sql, col->sql, r->rel, col->sql);
    else
        *sql = arena_printf(c->a, strict ? "coalesce(tq_key(%s) IN (SELECT tq_key(%s) FROM %s), 0)"
                                         : "(tq_key(%s) IN (SELECT tq_key(%s) FROM %s))",
                            x.sql, col->sql, r->rel);
    return 0;
}

/* ---- join ---- */

/* The alias symbols "a." and "b." that make a.x and b.x resolve. */
static void add_alias(struct cctx *c, const char *alias, int side, struct subq *r, struct span where)
{
    const char *name = arena_printf(c->a, "%s.", alias);
    cc_shadow(c, name, "NULL", VT_ANY, where);
    struct sym *s = cc_scope_find(c, name);
    s->join_side = side;
    s->join = r;
}

int cc_join_field(struct cctx *c, const char *name, struct span where, struct cexpr *out)
{
    const char *dot = strchr(name, '.');
    if (!dot || !dot[1] || !c->n_subs)
        return 1;
    struct sym *s = cc_scope_find(c, arena_strndup(c->a, name, (size_t)(dot - name) + 1));
    if (!s || !s->join_side)
        return 1;
    const char *field = dot + 1;
    if (s->join_side == 1)
        return cx_field(c, field, where, out);
    struct subq *r = s->join;
    for (size_t i = 0; i < r->shown.n; i++)
        if (strcmp(r->shown.items[i].name, field) == 0) {
            out->sql = r->shown.items[i].sql;
            out->type = r->shown.items[i].type;
            return 0;
        }
    for (size_t i = 0; i < r->refs.n; i++)
        if (strcmp(r->refs.items[i].name, field) == 0) {
            out->sql = r->refs.items[i].sql;
            out->type = r->refs.items[i].type;
            return 0;
        }
    if (c->emit)
        return cc_error(c, where, "internal error: '%s' was not seen in the analysis", name);
    /* first use (analysis pass): check the name in the subquery's last scope */
    struct sym *syms = c->syms;
    size_t n = c->n_syms, cap = c->cap_syms;
    bool raw = c->raw_scope, ts = c->have_ts;
    const char *rep = c->replaced_by;
    enum expr_place place = c->place;
    c->syms = r->syms;
    c->n_syms = c->cap_syms = r->n_syms;
    c->raw_scope = r->raw_scope;
    c->have_ts = r->have_ts;
    c->replaced_by = r->replaced_by;
    c->place = EP_ROW;
    struct cexpr v;
    int rc = cx_field(c, field, where, &v);
    c->syms = syms;
    c->n_syms = n;
    c->cap_syms = cap;
    c->raw_scope = raw;
    c->have_ts = ts;
    c->replaced_by = rep;
    c->place = place;
    if (rc)
        return -1;
    const char *col = arena_printf(c->a, "_q%dr%zu", r->id, r->refs.n);
    cc_plist_add(c, &r->refs, arena_strdup(c->a, field), col, v.type, v.field);
    out->sql = col;
    out->type = v.type;
    return 0;
}

/* The columns of the result CTE that the joined rows carry. */
static const char *carried(struct cctx *c, const struct subq *r)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < r->shown.n; i++)
        sb_printf(&sb, "R.%s AS %s, ", r->shown.items[i].sql, r->shown.items[i].sql);
    for (size_t i = 0; i < r->refs.n; i++)
        sb_printf(&sb, "R.%s AS %s, ", r->refs.items[i].sql, r->refs.items[i].sql);
    sb_printf(&sb, "R._q%dn AS _q%dn", r->id, r->id);
    const char *s = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return s;
}

int cmd_join(struct cctx *c, struct walk *w, const struct command *cmd)
{
    /* the left keys, in the outer scope */
    struct strbuf keys = STRBUF_INIT;
    for (size_t i = 0; i < cmd->n_jkeys; i++) {
        struct cexpr v;
        if (cx_field(c, cmd->jl[i]->name, cmd->jl[i]->span, &v)) {
            sb_free(&keys);
            return -1;
        }
        if (v.type == VT_JSON || v.type == VT_LIST) {
            sb_free(&keys);
            return cc_error(c, cmd->jl[i]->span, "a map or list cannot be a join key");
        }
        sb_printf(&keys, ", tq_key(%s) AS _j%zu", v.sql, i);
    }
    struct subq *r;
    if (compile_sub(c, cmd->sub, cmd, &r)) {
        sb_free(&keys);
        return -1;
    }
    const char *keyed = cc_next_stage(c, w);
    cc_add_stage(c, w, arena_printf(c->a, "SELECT *%s FROM %s", sb_str(&keys), cc_prev(c, w)));
    sb_reset(&keys);
    for (size_t i = 0; i < cmd->n_jkeys; i++)
        sb_printf(&keys, "%sR._q%dk%zu = L._j%zu", i ? " AND " : "", r->id, i, i);
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT L.*, %s FROM %s AS L %sJOIN %s AS R ON %s",
                              carried(c, r), keyed, cmd->join_left ? "LEFT " : "", r->rel,
                              sb_str(&keys)));
    sb_free(&keys);
    /* each left row's matches in the subquery's order */
    w->order = arena_printf(c->a, "%s, _q%dn", w->order, r->id);
    add_alias(c, cmd->left_alias, 1, r, cmd->kw_span);
    add_alias(c, cmd->right_alias, 2, r, cmd->kw_span);
    /* the right side's fields show as b.x: beside what the left shows, or
       among the fields named so far */
    for (size_t i = 0; i < r->shown.n; i++) {
        const char *name = arena_printf(c->a, "%s.%s", cmd->right_alias, r->shown.items[i].name);
        if (w->have_display || w->have_stats)
            cc_show(c, w, name, r->shown.items[i].sql, r->shown.items[i].type);
        else
            cc_plist_add(c, w->fields.n ? &w->fields : &w->joined, name, r->shown.items[i].sql,
                         r->shown.items[i].type, r->shown.items[i].field);
    }
    return 0;
}

/* ---- appendcols ---- */

int cmd_appendcols(struct cctx *c, struct walk *w, const struct command *cmd)
{
    bool override = false;
    double max = 10000;
    for (size_t i = 0; i < cmd->n_opts; i++) {
        const struct cmd_option *o = &cmd->opts[i];
        if (strcasecmp(o->name, "override") == 0) {
            if (cc_option_bool(c, o, &override))
                return -1;
        } else if (strcasecmp(o->name, "max") == 0) {
            if (cc_option_number(c, o, &max))
                return -1;
            if (max < 1 || max > 100000 || max != (double)(long long)max)
                return cc_error(c, o->value->span, "max= takes a whole number from 1 to 100000");
        } else {
            return cc_error(c, o->name_span,
                            "unknown appendcols option '%s'; expected override or max", o->name);
        }
    }
    struct plist now;
    if (cc_projection(c, w, &now))
        return -1;
    struct subq *r;
    if (compile_sub(c, cmd->sub, NULL, &r))
        return -1;
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT L.*, %s FROM (SELECT *, row_number() OVER (ORDER BY %s) AS "
                              "_a%dn FROM %s) AS L LEFT JOIN %s AS R ON R._q%dn = L._a%dn AND "
                              "R._q%dn <= %lld",
                              carried(c, r), w->order, r->id, cc_prev(c, w), r->rel, r->id, r->id,
                              r->id, (long long)max));
    for (size_t i = 0; i < r->shown.n; i++) {
        const struct proj *p = &r->shown.items[i];
        const struct proj *old = NULL;
        for (size_t k = 0; k < now.n; k++)
            if (strcmp(now.items[k].name, p->name) == 0)
                old = &now.items[k];
        if (old && !override)
            continue;
        if (old) {
            const char *col = arena_printf(c->a, "(CASE WHEN _q%dn IS NULL THEN %s ELSE %s END)",
                                           r->id, old->sql, p->sql);
            enum vtype type = old->type == p->type ? p->type : VT_ANY;
            cc_replace_shown(c, w, p->name, col, type);
            cc_shadow(c, p->name, col, type, cmd->kw_span);
        } else {
            cc_show(c, w, p->name, p->sql, p->type);
            cc_shadow(c, p->name, p->sql, p->type, cmd->kw_span);
        }
    }
    return 0;
}
