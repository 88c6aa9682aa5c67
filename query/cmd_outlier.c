/*
 * cmd_outlier.c — compiling `outlier [action=remove|transform] [param=n]
 * [uselower=bool] [mark=bool] field ...` (trailq(1), QUERY LANGUAGE;
 * docs/language.md#the-data-commands).
 *
 * For each field, over the numbers it holds in all rows: Q1 and Q3 are the
 * nearest-rank 25th and 75th percentiles (as pct() computes them), the IQR
 * Q3 - Q1; a value is an outlier above Q3 + param * IQR (param 2.5 by
 * default) and, with uselower=true, below Q1 - param * IQR. transform (the
 * default) puts an outlier at the bound it crossed; remove drops every row
 * with an outlier in one of the fields; mark=true adds a boolean field
 * FIELD_outlier, true where the row's value was an outlier. Rows whose
 * value is not a number are left alone.
 */
#include <string.h>
#include <strings.h>

#include "base/numfmt.h"
#include "query/compile_int.h"

/* SQLite expands each stage that reads its input twice into both places,
 * so its work to prepare a chain of outlier commands doubles with each:
 * 8 took 0.3 s, 12 took 2.4 s, 15 took 17 s. */
enum { OUTLIER_MAX_PER_QUERY = 8 };

int cmd_outlier(struct cctx *c, struct walk *w, const struct command *cmd)
{
    size_t before = 0;
    for (size_t i = 0; i < c->q->n_cmds && &c->q->cmds[i] != cmd; i++)
        before += c->q->cmds[i].kind == CMD_OUTLIER;
    if (before >= OUTLIER_MAX_PER_QUERY)
        return cc_error(c, cmd->kw_span, "at most %d outlier commands in one query",
                        OUTLIER_MAX_PER_QUERY);
    bool remove = false, uselower = false, mark = false;
    double param = 2.5;
    for (size_t i = 0; i < cmd->n_opts; i++) {
        const struct cmd_option *o = &cmd->opts[i];
        if (strcasecmp(o->name, "action") == 0) {
            const char *a = o->value->kind == EX_FIELD ? o->value->name
                            : o->value->kind == EX_STRING ? o->value->str : "";
            if (strcasecmp(a, "remove") == 0 || strcasecmp(a, "rm") == 0)
                remove = true;
            else if (strcasecmp(a, "transform") == 0 || strcasecmp(a, "tf") == 0)
                remove = false;
            else
                return cc_error(c, o->value->span, "action= takes remove or transform");
        } else if (strcasecmp(o->name, "param") == 0) {
            if (cc_option_number(c, o, &param))
                return -1;
            if (!(param >= 0))
                return cc_error(c, o->value->span, "param= takes a number of 0 or more");
        } else if (strcasecmp(o->name, "uselower") == 0) {
            if (cc_option_bool(c, o, &uselower))
                return -1;
        } else if (strcasecmp(o->name, "mark") == 0) {
            if (cc_option_bool(c, o, &mark))
                return -1;
        } else {
            return cc_error(c, o->name_span,
                            "unknown outlier option '%s' (action, param, uselower, mark)", o->name);
        }
    }
    char pbuf[NUMFMT_MAX];
    fmt_double(param, pbuf);
    /* The quartiles come from one aggregate over the rows, joined to every
     * row: the stage reads its input twice whatever the number of fields
     * (a scalar subquery per use would read it six times a field, and a
     * chain of outlier commands multiplies that: five of them took 1.7 s to
     * prepare, ten did not prepare). */
    const char *from = cc_prev(c, w);
    struct strbuf sel = STRBUF_INIT, any = STRBUF_INIT, quart = STRBUF_INIT;
    const char **cols = arena_alloc(c->a, cmd->n_dedup * sizeof *cols);
    const char **marks = arena_alloc(c->a, cmd->n_dedup * sizeof *marks);
    for (size_t i = 0; i < cmd->n_dedup; i++) {
        struct cexpr v;
        if (cx_expr(c, cmd->dedup[i], &v)) {
            sb_free(&sel);
            sb_free(&any);
            sb_free(&quart);
            return -1;
        }
        const char *q1 = cc_new_col(c), *q3 = cc_new_col(c);
        sb_printf(&quart, "%stq_pct(%s, 25) AS %s, tq_pct(%s, 75) AS %s", i ? ", " : "", v.sql,
                  q1, v.sql, q3);
        const char *hi = arena_printf(c->a, "(%s + %s * (%s - %s))", q3, pbuf, q3, q1);
        const char *lo = arena_printf(c->a, "(%s - %s * (%s - %s))", q1, pbuf, q3, q1);
        const char *num = arena_printf(c->a, "tq_tonumber(%s)", v.sql);
        const char *is_out = arena_printf(c->a, "coalesce(%s > %s%s, 0)", num, hi,
                                          uselower ? arena_printf(c->a, " OR %s < %s", num, lo)
                                                   : "");
        sb_printf(&any, "%s%s", i ? " OR " : "", is_out);
        cols[i] = cc_new_col(c);
        if (remove)
            sb_printf(&sel, ", %s AS %s", v.sql, cols[i]);
        else
            sb_printf(&sel, ", CASE WHEN %s > %s THEN %s %s ELSE %s END AS %s", num, hi, hi,
                      uselower ? arena_printf(c->a, "WHEN %s < %s THEN %s", num, lo, lo) : "",
                      v.sql, cols[i]);
        marks[i] = NULL;
        if (mark) {
            marks[i] = cc_new_col(c);
            sb_printf(&sel, ", %s AS %s", is_out, marks[i]);
        }
    }
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT %s.*, _oq.* FROM %s, (SELECT %s FROM %s) AS _oq", from,
                              from, sb_str(&quart), from));
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT *%s FROM %s%s%s", sb_str(&sel), cc_prev(c, w),
                              remove ? " WHERE NOT (" : "", remove ? arena_printf(c->a, "%s)", sb_str(&any)) : ""));
    sb_free(&quart);
    sb_free(&sel);
    sb_free(&any);
    for (size_t i = 0; i < cmd->n_dedup; i++) {
        const char *name = cmd->dedup[i]->name;
        if (!remove) {
            cc_shadow(c, name, cols[i], VT_ANY, cmd->dedup[i]->span);
            cc_replace_shown(c, w, name, cols[i], VT_ANY);
        }
        if (marks[i]) {
            const char *mname = arena_printf(c->a, "%s_outlier", name);
            if (cc_define(c, mname, marks[i], VT_BOOL, cmd->dedup[i]->span))
                return -1;
            cc_show(c, w, mname, marks[i], VT_BOOL);
        }
    }
    return 0;
}
