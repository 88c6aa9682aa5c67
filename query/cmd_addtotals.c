/*
 * cmd_addtotals.c — compiling `addtotals [fieldname=Name] [row=bool]
 * [col=bool] [field, ...]` (trailq(1), QUERY LANGUAGE;
 * docs/language.md#the-data-commands).
 *
 * row=true (the default) adds a column (Total, or Name) holding the sum of
 * the row's values of the fields that are numbers (tq_rowsum), missing
 * when none is. col=true adds one row at the end whose fields are the sums
 * of their columns' numbers (and whose Total is the sum of the totals).
 * The fields are those named, or else every field shown now except
 * timestamps and the @ fields of the events.
 *
 * The extra row: the current relation LEFT JOINed to a two-row table
 * (_tot 0 and 1), matching only _tot 0, so _tot 1 is one row of missing
 * values; the summed fields take their column sums there, from a scalar
 * subquery over the relation before the join (computed once).
 */
#include <string.h>
#include <strings.h>

#include "query/compile_int.h"

int cmd_addtotals(struct cctx *c, struct walk *w, const struct command *cmd)
{
    const char *total_name = "Total";
    bool row = true, col = false;
    for (size_t i = 0; i < cmd->n_opts; i++) {
        const struct cmd_option *o = &cmd->opts[i];
        if (strcasecmp(o->name, "fieldname") == 0) {
            if (o->value->kind != EX_FIELD && o->value->kind != EX_STRING)
                return cc_error(c, o->value->span, "fieldname= takes a name");
            total_name = o->value->kind == EX_FIELD ? o->value->name : o->value->str;
        } else if (strcasecmp(o->name, "row") == 0) {
            if (cc_option_bool(c, o, &row))
                return -1;
        } else if (strcasecmp(o->name, "col") == 0) {
            if (cc_option_bool(c, o, &col))
                return -1;
        } else {
            return cc_error(c, o->name_span, "unknown addtotals option '%s' (fieldname, row, col)",
                            o->name);
        }
    }
    /* the fields summed: their names and SQL */
    const char **names = NULL, **sqls = NULL;
    size_t n = 0, cap = 0, cap2 = 0;
    if (cmd->n_dedup) {
        for (size_t i = 0; i < cmd->n_dedup; i++) {
            struct cexpr v;
            if (cx_expr(c, cmd->dedup[i], &v))
                return -1;
            names = arena_grow(c->a, names, &cap, n + 1, sizeof *names);
            sqls = arena_grow(c->a, sqls, &cap2, n + 1, sizeof *sqls);
            names[n] = cmd->dedup[i]->name;
            sqls[n++] = v.sql;
        }
    } else {
        struct plist shown;
        if (cc_projection(c, w, &shown))
            return -1;
        for (size_t i = 0; i < shown.n; i++) {
            if (shown.items[i].type == VT_TIME || shown.items[i].name[0] == '@' ||
                strcmp(shown.items[i].name, total_name) == 0)
                continue;
            names = arena_grow(c->a, names, &cap, n + 1, sizeof *names);
            sqls = arena_grow(c->a, sqls, &cap2, n + 1, sizeof *sqls);
            names[n] = shown.items[i].name;
            sqls[n++] = shown.items[i].sql;
        }
    }
    const char **cols = arena_alloc(c->a, (n ? n : 1) * sizeof *cols);
    for (size_t i = 0; i < n; i++)
        cols[i] = sqls[i];
    if (col) {
        const char *before = cc_prev(c, w);
        const char *tot = arena_printf(c->a, "_tot%d", c->next_col + 1);
        cc_add_stage(c, w,
                     arena_printf(c->a,
                                  "SELECT t._tot AS %s, p.* FROM (SELECT 0 AS _tot UNION ALL "
                                  "SELECT 1) AS t LEFT JOIN %s AS p ON t._tot = 0",
                                  tot, before));
        struct strbuf sel = STRBUF_INIT;
        for (size_t i = 0; i < n; i++) {
            cols[i] = cc_new_col(c);
            sb_printf(&sel, ", CASE WHEN %s = 1 THEN (SELECT tq_sum(%s) FROM %s) ELSE %s END AS %s",
                      tot, sqls[i], before, sqls[i], cols[i]);
        }
        cc_add_stage(c, w, arena_printf(c->a, "SELECT *%s FROM %s", sb_str(&sel), cc_prev(c, w)));
        sb_free(&sel);
        w->order = arena_printf(c->a, "%s, %s", tot, w->order);
        for (size_t i = 0; i < n; i++) {
            cc_shadow(c, names[i], cols[i], VT_ANY, cmd->kw_span);
            cc_replace_shown(c, w, names[i], cols[i], VT_ANY);
        }
    }
    if (row) {
        struct strbuf args = STRBUF_INIT;
        for (size_t i = 0; i < n; i++)
            sb_printf(&args, "%s%s", i ? ", " : "", cols[i]);
        const char *t = cc_new_col(c);
        cc_add_stage(c, w,
                     arena_printf(c->a, "SELECT *, %s AS %s FROM %s",
                                  n ? arena_printf(c->a, "tq_rowsum(%s)", sb_str(&args)) : "NULL",
                                  t, cc_prev(c, w)));
        sb_free(&args);
        if (cc_define(c, total_name, t, VT_NUM, cmd->kw_span))
            return -1;
        cc_show(c, w, total_name, t, VT_NUM);
    }
    return 0;
}
