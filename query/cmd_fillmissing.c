/*
 * cmd_fillmissing.c — compiling `fillmissing [with value for field, ...]`
 * (trailq(1), QUERY LANGUAGE; docs/language.md#the-data-commands).
 *
 * After `stats ... by bin(period)` (other keys allowed), add a row for
 * every bin with no events: from the bin of --start to the last bin before
 * --end when they are given, else from the first bin of the results to the
 * last; for every combination of the other keys that the results have.
 * The added rows have the keys, the `with` values for the fields named,
 * and nothing else. The period must have a fixed length (ms to weeks), and
 * a series has at most FILL_MAX_BINS bins.
 *
 * SQL: a recursive CTE of the bins (the WITH becomes WITH RECURSIVE), the
 * distinct other keys, and the grid of both LEFT JOINed to the results.
 */
#include <string.h>
#include <strings.h>

#include "base/timeval.h"
#include "query/compile_int.h"
#include "query/parser.h"

enum { FILL_MAX_BINS = 1000000 };

/* The stats command whose results are the rows now, or NULL. */
static const struct command *last_stats(const struct query *q, const struct command *cmd)
{
    for (size_t i = (size_t)(cmd - q->cmds); i-- > 0;)
        if (q->cmds[i].kind == CMD_STATS)
            return &q->cmds[i];
    return NULL;
}

/* The name a by key has in the results. */
static const char *key_name(struct cctx *c, const struct item *it)
{
    if (it->alias)
        return it->alias;
    if (it->expr->kind == EX_FIELD)
        return it->expr->name;
    struct strbuf sb = STRBUF_INIT;
    expr_to_text(c->q, it->expr, &sb);
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

int cmd_fillmissing(struct cctx *c, struct walk *w, const struct command *cmd)
{
    const struct command *st = last_stats(c->q, cmd);
    if (!st || c->raw_scope || c->replaced_by)
        return cc_error(c, cmd->kw_span,
                        "fillmissing needs the results of stats ... by bin() before it");
    const struct item *bin = NULL;
    for (size_t i = 0; i < st->n_by; i++) {
        const struct expr *e = st->by[i].expr;
        if (e->kind == EX_CALL && strcasecmp(e->name, "bin") == 0 && e->n_args == 1 &&
            e->args[0]->kind == EX_PERIOD)
            bin = &st->by[i];
    }
    if (!bin)
        return cc_error(c, cmd->kw_span,
                        "fillmissing needs the results of stats ... by bin() before it");
    const struct expr *per = bin->expr->args[0];
    int64_t step = per->period.unit < PU_MONTH ? tv_period_ms(per->period) : 0;
    if (step <= 0)
        return cc_error(c, per->span, "fillmissing needs a bin() of fixed length (ms, s, m, h, d or w)");

    /* the keys in the scope now */
    const char *bin_name = key_name(c, bin);
    struct sym *bsym = cc_scope_find(c, bin_name);
    if (!bsym)
        return cc_error(c, cmd->kw_span, "fillmissing needs the bin() key '%s' of the stats",
                        bin_name);
    const char *bcol = bsym->col;
    const char **others = arena_alloc(c->a, (st->n_by ? st->n_by : 1) * sizeof *others);
    size_t n_others = 0;
    for (size_t i = 0; i < st->n_by; i++) {
        if (&st->by[i] == bin)
            continue;
        struct sym *s = cc_scope_find(c, key_name(c, &st->by[i]));
        if (s)
            others[n_others++] = s->col;
    }
    /* the fill values, checked against the fields */
    const char **fill_col = arena_alloc(c->a, (cmd->n_aliases ? cmd->n_aliases : 1) * sizeof *fill_col);
    const char **fill_sql = arena_alloc(c->a, (cmd->n_aliases ? cmd->n_aliases : 1) * sizeof *fill_sql);
    for (size_t i = 0; i < cmd->n_aliases; i++) {
        struct sym *s = cc_scope_find(c, cmd->aliases[i]);
        if (!s)
            return cc_error(c, cmd->alias_spans[i],
                            "unknown field '%s': fillmissing fills the fields of the stats",
                            cmd->aliases[i]);
        if (strcmp(s->col, bcol) == 0)
            return cc_error(c, cmd->alias_spans[i], "'%s' is the bin() key: it is never missing",
                            cmd->aliases[i]);
        struct cexpr v;
        if (cx_expr(c, cmd->dedup[i], &v))
            return -1;
        fill_col[i] = s->col;
        fill_sql[i] = v.sql;
    }
    c->recursive = true;
    const char *res = cc_prev(c, w);
    const char *first, *last;
    /* the bins are labelled in the window asked for, also when a stats
     * offset moved the window read (offset_window in compile.c) */
    const struct compile_opts *win = c->asked;
    if (win->has_range && win->start_ms != INT64_MIN && win->end_ms != INT64_MAX) {
        int64_t b0 = tv_floor(win->start_ms, per->period); /* weeks: from a Monday */
        int64_t b1 = tv_floor(win->end_ms - 1, per->period);
        first = arena_printf(c->a, "%lld", (long long)b0);
        last = arena_printf(c->a, "%lld", (long long)b1);
    } else {
        first = arena_printf(c->a, "(SELECT min(%s) FROM %s)", bcol, res);
        last = arena_printf(c->a, "(SELECT max(%s) FROM %s)", bcol, res);
    }
    const char *bins = cc_next_stage(c, w);
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT %s AS _fb, 1 AS _fn WHERE %s IS NOT NULL UNION ALL SELECT _fb + "
                              "%lld, _fn + 1 FROM %s WHERE _fb + %lld <= %s AND _fn < %d",
                              first, first, (long long)step, bins, (long long)step, last,
                              FILL_MAX_BINS));
    struct strbuf keys = STRBUF_INIT, on = STRBUF_INIT, sel = STRBUF_INIT;
    for (size_t i = 0; i < n_others; i++) {
        sb_printf(&keys, "%s%s", i ? ", " : "", others[i]);
        sb_printf(&on, " AND p.%s IS g.%s", others[i], others[i]);
    }
    /* every column of the results: the keys from the grid, the rest from
     * the results or the fill value */
    const char **seen = arena_alloc(c->a, (c->n_syms ? c->n_syms : 1) * sizeof *seen);
    size_t n_seen = 0;
    for (size_t i = 0; i < c->n_syms; i++) {
        const char *col = c->syms[i].col;
        bool dup = false;
        for (size_t k = 0; k < n_seen; k++)
            dup |= strcmp(seen[k], col) == 0;
        if (dup)
            continue;
        seen[n_seen++] = col;
        if (strcmp(col, bcol) == 0) {
            sb_printf(&sel, "%sg._fb AS %s", sel.len ? ", " : "", col);
            continue;
        }
        bool key = false;
        for (size_t k = 0; k < n_others; k++)
            key |= strcmp(others[k], col) == 0;
        if (key) {
            sb_printf(&sel, "%sg.%s AS %s", sel.len ? ", " : "", col, col);
            continue;
        }
        const char *fill = "NULL";
        for (size_t k = 0; k < cmd->n_aliases; k++)
            if (strcmp(fill_col[k], col) == 0)
                fill = fill_sql[k];
        sb_printf(&sel, "%sCASE WHEN p.%s IS NULL THEN %s ELSE p.%s END AS %s", sel.len ? ", " : "",
                  bcol, fill, col, col);
    }
    const char *grid = n_others
                           ? arena_printf(c->a, "(SELECT b._fb, k.* FROM %s AS b, (SELECT DISTINCT %s FROM %s) AS k)",
                                          bins, sb_str(&keys), res)
                           : arena_printf(c->a, "(SELECT b._fb FROM %s AS b)", bins);
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT %s FROM %s AS g LEFT JOIN %s AS p ON p.%s = g._fb%s",
                              sb_str(&sel), grid, res, bcol, sb_str(&on)));
    sb_free(&keys);
    sb_free(&on);
    sb_free(&sel);
    return 0;
}
