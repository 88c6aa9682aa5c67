/*
 * cmd_countfrequent.c — compiling `countFrequent field, ...` (also
 * `count_frequent`; trailq(1), QUERY LANGUAGE;
 * docs/language.md#the-data-commands).
 *
 * One row per distinct combination of the fields with its count in
 * _approxcount, most frequent first, ties in ascending order of the
 * fields. The counts are exact (Insights calls them approximate): one
 * GROUP BY. Rows where a field is missing form a group of their own, as in
 * stats. Afterwards only these fields exist.
 */
#include "query/compile_int.h"

int cmd_countfrequent(struct cctx *c, struct walk *w, const struct command *cmd)
{
    struct strbuf sel = STRBUF_INIT, group = STRBUF_INIT;
    struct sym *syms = arena_alloc(c->a, (cmd->n_dedup + 1) * sizeof *syms);
    struct plist out = {0};
    const char *count = cc_new_col(c);
    const char *order = arena_printf(c->a, "%s DESC", count);
    for (size_t i = 0; i < cmd->n_dedup; i++) {
        struct cexpr v;
        if (cx_expr(c, cmd->dedup[i], &v)) {
            sb_free(&sel);
            sb_free(&group);
            return -1;
        }
        if (v.type == VT_JSON || v.type == VT_LIST) {
            sb_free(&sel);
            sb_free(&group);
            return cc_error(c, cmd->dedup[i]->span, "a map or list cannot be a countFrequent key");
        }
        const char *col = cc_new_col(c);
        sb_printf(&sel, "%s AS %s, ", cx_group_key(c, &v), col);
        sb_printf(&group, "%s%s", i ? ", " : "", col);
        syms[i] = (struct sym){.name = cmd->dedup[i]->name, .col = col, .type = v.type,
                               .ephemeral = true, .def = cmd->dedup[i]->span};
        cc_plist_add(c, &out, cmd->dedup[i]->name, col, v.type, v.field);
        order = arena_printf(c->a, "%s, %s", order, cc_order_terms(c, col, v.type, false));
    }
    syms[cmd->n_dedup] = (struct sym){.name = "_approxcount", .col = count, .type = VT_NUM,
                                      .ephemeral = true, .def = cmd->kw_span};
    cc_plist_add(c, &out, "_approxcount", count, VT_NUM, NULL);
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT %scount(*) AS %s FROM %s GROUP BY %s", sb_str(&sel),
                              count, cc_prev(c, w), sb_str(&group)));
    sb_free(&sel);
    sb_free(&group);
    cc_result_scope(c, w, "countFrequent", syms, cmd->n_dedup + 1, &out, order);
    return 0;
}
