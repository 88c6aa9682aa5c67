/*
 * cmd_parse_format.c — compiling `parse [field] logfmt as name` and
 * `parse [field] csv as name, ...` (trailq(1), QUERY LANGUAGE, parse;
 * docs/language.md#parse-logfmt-and-csv). The glob and regex forms are in
 * compile.c.
 *
 * logfmt makes one field, a map of the line's key=value pairs
 * (tq_logfmt, sqlfn_parse.c), read with dots: name.key. csv makes one
 * field per name, the record's fields in order (tq_csvfield); names past
 * the record's last field are missing. One CTE; the source defaults to
 * @message, and the new fields are shown as parse fields are.
 */
#include "query/compile_int.h"

int cmd_parse_format(struct cctx *c, struct walk *w, const struct command *cmd)
{
    struct cexpr src;
    if (cmd->source) {
        if (cx_expr(c, cmd->source, &src))
            return -1;
    } else if (cx_field(c, "@message", cmd->kw_span, &src)) {
        return -1;
    }
    struct strbuf cols = STRBUF_INIT;
    for (size_t i = 0; i < cmd->n_aliases; i++) {
        const char *col = cc_new_col(c);
        enum vtype type = cmd->mode == PARSE_LOGFMT ? VT_JSON : VT_ANY;
        if (cmd->mode == PARSE_LOGFMT)
            sb_printf(&cols, ", tq_logfmt(%s) AS %s", src.sql, col);
        else
            sb_printf(&cols, ", tq_csvfield(%s, %zu) AS %s", src.sql, i + 1, col);
        if (cc_define(c, cmd->aliases[i], col, type, cmd->alias_spans[i])) {
            sb_free(&cols);
            return -1;
        }
        cc_plist_add(c, &w->parsed, cmd->aliases[i], col, type, NULL);
    }
    cc_add_stage(c, w, arena_printf(c->a, "SELECT *%s FROM %s", sb_str(&cols), cc_prev(c, w)));
    sb_free(&cols);
    return 0;
}
