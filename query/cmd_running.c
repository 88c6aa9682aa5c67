/*
 * cmd_running.c — the commands that walk the rows in their current order
 * (trailq(1), QUERY LANGUAGE; docs/language.md#the-data-commands), each a
 * window function over that order (newest first unless sorted):
 *
 *   accum field [as name]      the running sum of the field's numbers (rows
 *                              without one add nothing and show the sum so
 *                              far; missing before the first); without as,
 *                              it replaces the field;
 *   autoregress field [as name] [p=N[-M]]
 *                              the field's value N (to M) rows back (p=1 by
 *                              default), as name when one lag is asked for
 *                              with as, else name_pN (name: as's, or the
 *                              field's); missing for the first rows;
 *   filldown [name ...]        each field takes the last value it had in an
 *                              earlier row where it is missing; a name may
 *                              hold '*' (cpu*: every field whose name fits);
 *                              no name: every field shown now.
 */
#include <string.h>

#include "query/compile_int.h"

/* Does name fit the pattern ('*' any run of characters)? Linear in the
 * lengths: on a mismatch only the last '*' seen takes one more character
 * (the earlier ones never need to: the last one can absorb it), so
 * "**********t" costs no more than "*t". A recursive match backtracked over
 * every star and took seconds for 18 of them (found by fuzzing). */
static bool fits(const char *pat, const char *name)
{
    const char *star = NULL, *resume = NULL;
    while (*name) {
        if (*pat == '*') {
            star = pat++;
            resume = name;
        } else if (*pat == *name) {
            pat++;
            name++;
        } else if (star) {
            pat = star + 1;
            name = ++resume;
        } else {
            return false;
        }
    }
    while (*pat == '*')
        pat++;
    return !*pat;
}

static void add_name(struct cctx *c, const char ***names, size_t *n, size_t *cap, const char *name)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*names)[i], name) == 0)
            return;
    *names = arena_grow(c->a, *names, cap, *n + 1, sizeof **names);
    (*names)[(*n)++] = name;
}

/* The fields filldown fills, in the order named (patterns expanded in the
 * order the names are known: shown, then defined, then the event fields). */
static int filldown_names(struct cctx *c, struct walk *w, const struct command *cmd,
                          const char ***names, size_t *n)
{
    size_t cap = 0;
    struct plist shown;
    if (cc_projection(c, w, &shown))
        return -1;
    if (cmd->n_aliases == 0) {
        for (size_t i = 0; i < shown.n; i++)
            add_name(c, names, n, &cap, shown.items[i].name);
        return 0;
    }
    for (size_t k = 0; k < cmd->n_aliases; k++) {
        const char *pat = cmd->aliases[k];
        if (!strchr(pat, '*')) {
            add_name(c, names, n, &cap, pat);
            continue;
        }
        for (size_t i = 0; i < shown.n; i++)
            if (fits(pat, shown.items[i].name))
                add_name(c, names, n, &cap, shown.items[i].name);
        for (size_t i = 0; i < c->n_syms; i++)
            if (fits(pat, c->syms[i].name))
                add_name(c, names, n, &cap, c->syms[i].name);
        if (c->raw_scope) {
            if (!c->store) {
                /* the analysis before loading: the event fields are not
                 * known yet, so every one must be loaded */
                c->want_all_fields = true;
                continue;
            }
            for (size_t i = 0; i < store_n_fields(c->store); i++) {
                const struct store_field *f = store_field_at(c->store, i);
                if (f && fits(pat, f->name))
                    add_name(c, names, n, &cap, arena_strdup(c->a, f->name));
            }
        }
    }
    return 0;
}

static int filldown(struct cctx *c, struct walk *w, const struct command *cmd)
{
    const char **names = NULL;
    size_t n = 0;
    if (filldown_names(c, w, cmd, &names, &n))
        return -1;
    if (n == 0)
        return 0;
    const char **vals = arena_alloc(c->a, n * sizeof *vals), **grps = arena_alloc(c->a, n * sizeof *grps);
    enum vtype *types = arena_alloc(c->a, n * sizeof *types);
    struct strbuf counts = STRBUF_INIT, firsts = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        struct cexpr v;
        if (cx_field(c, names[i], cmd->kw_span, &v)) {
            sb_free(&counts);
            sb_free(&firsts);
            return -1;
        }
        vals[i] = v.sql;
        types[i] = v.type;
        grps[i] = arena_printf(c->a, "_fg%d", c->next_col + 1 + (int)i);
        sb_printf(&counts, ", count(%s) OVER (ORDER BY %s ROWS UNBOUNDED PRECEDING) AS %s", v.sql,
                  w->order, grps[i]);
    }
    cc_add_stage(c, w, arena_printf(c->a, "SELECT *%s FROM %s", sb_str(&counts), cc_prev(c, w)));
    const char **cols = arena_alloc(c->a, n * sizeof *cols);
    for (size_t i = 0; i < n; i++) {
        cols[i] = cc_new_col(c);
        sb_printf(&firsts, ", first_value(%s) OVER (PARTITION BY %s ORDER BY %s) AS %s", vals[i],
                  grps[i], w->order, cols[i]);
    }
    cc_add_stage(c, w, arena_printf(c->a, "SELECT *%s FROM %s", sb_str(&firsts), cc_prev(c, w)));
    sb_free(&counts);
    sb_free(&firsts);
    for (size_t i = 0; i < n; i++) {
        cc_shadow(c, names[i], cols[i], types[i], cmd->kw_span);
        cc_replace_shown(c, w, names[i], cols[i], types[i]);
    }
    return 0;
}

int cmd_running(struct cctx *c, struct walk *w, const struct command *cmd)
{
    if (cmd->kind == CMD_FILLDOWN)
        return filldown(c, w, cmd);
    const struct expr *f = cmd->dedup[0];
    struct cexpr v;
    if (cx_expr(c, f, &v))
        return -1;
    const char *from = cc_prev(c, w);
    if (cmd->kind == CMD_ACCUM) {
        const char *col = cc_new_col(c);
        const char *over = arena_printf(c->a, "OVER (ORDER BY %s ROWS UNBOUNDED PRECEDING)", w->order);
        cc_add_stage(c, w,
                     arena_printf(c->a,
                                  "SELECT *, CASE WHEN count(tq_tonumber(%s)) %s = 0 THEN NULL ELSE "
                                  "sum(tq_tonumber(%s)) %s END AS %s FROM %s",
                                  v.sql, over, v.sql, over, col, from));
        if (cmd->into) {
            if (cc_define(c, cmd->into, col, VT_NUM, cmd->into_span))
                return -1;
            cc_show(c, w, cmd->into, col, VT_NUM);
        } else {
            cc_shadow(c, f->name, col, VT_NUM, f->span);
            cc_replace_shown(c, w, f->name, col, VT_NUM);
        }
        return 0;
    }
    /* autoregress */
    struct strbuf sel = STRBUF_INIT;
    const char *base = cmd->into ? cmd->into : f->name;
    for (int k = cmd->lag_from; k <= cmd->lag_to; k++) {
        const char *col = cc_new_col(c);
        sb_printf(&sel, ", lag(%s, %d) OVER (ORDER BY %s) AS %s", v.sql, k, w->order, col);
        const char *name = cmd->into && cmd->lag_from == cmd->lag_to
                               ? cmd->into
                               : arena_printf(c->a, "%s_p%d", base, k);
        if (cc_define(c, name, col, v.type, cmd->into ? cmd->into_span : cmd->lag_span)) {
            sb_free(&sel);
            return -1;
        }
        cc_show(c, w, name, col, v.type);
    }
    cc_add_stage(c, w, arena_printf(c->a, "SELECT *%s FROM %s", sb_str(&sel), from));
    sb_free(&sel);
    return 0;
}
