/*
 * cmd_anomaly.c — compiling `anomaly` (trailq(1), QUERY LANGUAGE;
 * docs/language.md#anomaly).
 *
 * After `pattern`, whose aggregate kept the statistics of the anomaly
 * rules (query/anomaly.h) because this command follows it
 * (cmd_pattern.c), anomaly keeps the pattern rows that have an anomaly and
 * adds three fields read from the row's JSON element (the hidden column
 * _pj): @anomalyType, @description and @priority. On its own, over events,
 * it is `pattern @message | anomaly`.
 */
#include <string.h>

#include "query/compile_int.h"

static const struct {
    const char *name;
    int index;   /* in the pattern's JSON element (sqlfn_pattern.c) */
} anomaly_fields[] = {
    {"@anomalyType", 6},
    {"@description", 7},
    {"@priority", 8},
};

int cmd_anomaly(struct cctx *c, struct walk *w, const struct command *cmd)
{
    bool after_pattern = c->replaced_by && strcmp(c->replaced_by, "pattern+") == 0;
    if (!after_pattern) {
        if (!c->raw_scope)
            return cc_error(c, cmd->kw_span,
                            "anomaly needs the rows of pattern, or the events: it cannot follow %s",
                            c->replaced_by ? "pattern here" : "stats");
        if (cc_pattern_rows(c, w, NULL, cmd->kw_span, true))
            return -1;
    }
    struct strbuf sel = STRBUF_INIT;
    const char *first = NULL;
    for (size_t i = 0; i < sizeof anomaly_fields / sizeof anomaly_fields[0]; i++) {
        const char *col = cc_new_col(c);
        const char *sql = arena_printf(c->a, "json_extract(_pj, '$[%d]')", anomaly_fields[i].index);
        if (!first)
            first = sql;
        sb_printf(&sel, ", %s AS %s", sql, col);
        if (cc_define(c, anomaly_fields[i].name, col, VT_STR, cmd->kw_span)) {
            sb_free(&sel);
            return -1;
        }
        cc_plist_add(c, w->have_stats ? &w->stats_out : &w->fields, anomaly_fields[i].name, col,
                     VT_STR, NULL);
    }
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT *%s FROM %s WHERE %s IS NOT NULL", sb_str(&sel),
                              cc_prev(c, w), first));
    sb_free(&sel);
    return 0;
}
