/*
 * cmd_expand.c — compiling `expand field` (trailq(1), QUERY LANGUAGE;
 * docs/language.md#the-data-commands).
 *
 * One row per element of the field's JSON array, the element in the
 * field's place and every other field repeated; as unnest does, a value
 * that is not an array counts as an array of one, a missing value gives
 * one row without it, and an empty array gives no row. Rows keep their
 * order, the elements theirs.
 */
#include "query/compile_int.h"

int cmd_expand(struct cctx *c, struct walk *w, const struct command *cmd)
{
    const struct expr *f = cmd->dedup[0];
    struct cexpr v;
    if (cx_expr(c, f, &v))
        return -1;
    const char *col = cc_new_col(c);
    const char *j = arena_printf(c->a, "x%s", col);
    cc_fit_tables(c, w, 1); /* json_each */
    const char *p = cc_prev(c, w);
    const char *key = arena_printf(c->a, "_xk%s", col);
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT %s.*, %s AS %s, %s.key AS %s FROM %s, json_each(CASE "
                              "WHEN json_valid(%s) AND json_type(%s) = 'array' THEN %s ELSE "
                              "json_array(%s) END) AS %s",
                              p, cc_each_value(c, j), col, j, key, p, v.sql, v.sql, v.sql,
                              v.sql, j));
    /* the elements of one row stay in their order */
    w->order = arena_printf(c->a, "%s, %s", w->order, key);
    cc_shadow(c, f->name, col, VT_ANY, f->span);
    cc_replace_shown(c, w, f->name, col, VT_ANY);
    return 0;
}
