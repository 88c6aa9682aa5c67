/*
 * cmd_lookup.c — compiling `lookup` and `cidrlookup` (trailq(1), QUERY
 * LANGUAGE; docs/language.md#lookup-and-cidrlookup).
 *
 *   lookup TABLE col [as field], ... OUTPUT|OUTPUTNEW col [as name], ...
 *   cidrlookup TABLE field [as col] OUTPUT|OUTPUTNEW col [as name], ...
 *
 * The tables are temporary tables that cmd/ filled from --lookup files
 * before the query runs (compile_opts.lookups; every column TEXT, rows in
 * file order). Two CTEs: the rowid of the table row that matches each row
 * (lookup: every key column equal to its field's text, case-sensitive, the
 * first such row of the file; cidrlookup: the row whose CIDR block holds
 * the address with the longest prefix, the first of those), then a LEFT
 * JOIN on it for the output columns. OUTPUT replaces the field where a row
 * matched and leaves it alone where none did; OUTPUTNEW fills only fields
 * the row lacks.
 */
#include <string.h>

#include "query/compile_int.h"

static const struct lookup_table *find_table(const struct cctx *c, const char *name)
{
    for (size_t i = 0; i < c->opts->n_lookups; i++)
        if (strcmp(c->opts->lookups[i].name, name) == 0)
            return &c->opts->lookups[i];
    return NULL;
}

/* The index of a column, or -1 with the error set (pointing at where). */
static int column(struct cctx *c, const struct lookup_table *t, const char *name, struct span where)
{
    for (size_t i = 0; i < t->n_columns; i++)
        if (strcmp(t->columns[i], name) == 0)
            return (int)i;
    struct strbuf cols = STRBUF_INIT;
    for (size_t i = 0; i < t->n_columns && i < 12; i++)
        sb_printf(&cols, "%s%s", i ? ", " : "", t->columns[i]);
    if (t->n_columns > 12)
        sb_puts(&cols, ", ...");
    cc_error(c, where, "lookup table '%s' has no column '%s' (its columns: %s)", t->name, name,
             sb_str(&cols));
    sb_free(&cols);
    return -1;
}

int cmd_lookup(struct cctx *c, struct walk *w, const struct command *cmd)
{
    bool cidr = cmd->kind == CMD_CIDRLOOKUP;
    const struct lookup_table *t = find_table(c, cmd->table);
    if (!t)
        return cc_error(c, cmd->table_span,
                        "no lookup table named '%s': give it with --lookup %s=FILE (or .lookup in "
                        "the interactive mode)",
                        cmd->table, cmd->table);
    struct strbuf match = STRBUF_INIT, order = STRBUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < cmd->n_lk && rc == 0; i++) {
        struct cexpr v;
        if (cx_expr(c, cmd->lk_fields[i], &v)) {
            rc = -1;
            break;
        }
        int k;
        if (cidr) {
            k = -1;
            if (cmd->lk_cols[0])
                k = column(c, t, cmd->lk_cols[0], cmd->lk_col_spans[0]);
            else
                for (size_t j = 0; j < t->n_columns && k < 0; j++)
                    if (strcmp(t->columns[j], "cidr") == 0)
                        k = (int)j;
            if (k < 0 && cmd->lk_cols[0]) {
                rc = -1;
                break;
            }
            if (k < 0)
                k = 0;
            /* SQLite's ORDER BY in a correlated subquery cannot see the outer
             * row, so the longest prefix, then the first row, is the
             * smallest (128 - prefix) * 2^32 + rowid */
            sb_printf(&order, "(128 - tq_cidrprefix(c%d, %s)) * 4294967296 + rowid", k, v.sql);
        } else {
            k = column(c, t, cmd->lk_cols[i], cmd->lk_col_spans[i]);
            if (k < 0) {
                rc = -1;
                break;
            }
            sb_printf(&match, "%sc%d = tq_concat(%s) AND (%s) IS NOT NULL", i ? " AND " : "", k,
                      v.sql, v.sql);
        }
    }
    const char *row = arena_printf(c->a, "_lr%d", c->next_col + 1);
    if (rc == 0 && cidr)
        cc_add_stage(c, w,
                     arena_printf(c->a, "SELECT *, (SELECT min(%s) %% 4294967296 FROM %s) AS %s FROM %s",
                                  sb_str(&order), t->sql_name, row, cc_prev(c, w)));
    else if (rc == 0)
        cc_add_stage(c, w,
                     arena_printf(c->a,
                                  "SELECT *, (SELECT rowid FROM %s WHERE %s ORDER BY rowid LIMIT 1) "
                                  "AS %s FROM %s",
                                  t->sql_name, sb_str(&match), row, cc_prev(c, w)));
    sb_free(&match);
    sb_free(&order);
    if (rc)
        return -1;

    struct strbuf sel = STRBUF_INIT;
    const char **names = arena_alloc(c->a, (cmd->n_out ? cmd->n_out : 1) * sizeof *names);
    const char **cols = arena_alloc(c->a, (cmd->n_out ? cmd->n_out : 1) * sizeof *cols);
    for (size_t i = 0; i < cmd->n_out; i++) {
        int k = column(c, t, cmd->out_cols[i], cmd->out_col_spans[i]);
        if (k < 0) {
            sb_free(&sel);
            return -1;
        }
        /* the row's own value of the field, if it has one */
        const char *own = "NULL";
        struct sym *s = cc_scope_find(c, cmd->out_names[i]);
        if (s) {
            own = s->col;
        } else if (c->raw_scope) {
            struct cexpr v;
            if (cx_field(c, cmd->out_names[i], cmd->out_name_spans[i], &v)) {
                sb_free(&sel);
                return -1;
            }
            own = v.sql;
        }
        const char *col = cc_new_col(c);
        if (cmd->output_new)
            sb_printf(&sel, ", CASE WHEN (%s) IS NOT NULL THEN %s ELSE lt.c%d END AS %s", own, own,
                      k, col);
        else
            sb_printf(&sel, ", CASE WHEN %s IS NOT NULL THEN lt.c%d ELSE %s END AS %s", row, k, own,
                      col);
        names[i] = cmd->out_names[i];
        cols[i] = col;
    }
    cc_fit_tables(c, w, 1); /* the table */
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT p.*%s FROM %s AS p LEFT JOIN %s AS lt ON lt.rowid = %s",
                              sb_str(&sel), cc_prev(c, w), t->sql_name, row));
    sb_free(&sel);
    for (size_t i = 0; i < cmd->n_out; i++) {
        cc_shadow(c, names[i], cols[i], VT_ANY, cmd->out_name_spans[i]);
        cc_plist_add(c, &w->parsed, names[i], cols[i], VT_ANY, NULL);
    }
    return 0;
}
