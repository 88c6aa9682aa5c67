/*
 * cmd_pattern.c — compiling `pattern expr` (trailq(1), QUERY LANGUAGE;
 * docs/language.md#pattern).
 *
 * The values of expr, in the current order of the rows, go to the
 * aggregate tq_pattern (sqlfn_pattern.c), which clusters them and returns
 * every pattern in one JSON array; json_each turns the array back into
 * rows. Two CTEs:
 *
 *   sA AS (SELECT tq_pattern(_pv, _pt) AS _pa
 *          FROM (SELECT <expr> AS _pv, _ts AS _pt FROM sP ORDER BY <order>)),
 *   sB AS (SELECT j.key AS _pk, json_extract(j.value, '$[0]') AS v1, ...
 *          FROM sA, json_each(sA._pa) AS j)
 *
 * SQLite keeps the ORDER BY of a subquery that feeds an aggregate (it does
 * not flatten it into the aggregate), so the clustering sees the rows in
 * that order, and the result is the same on every run. From here on only
 * the four pattern fields exist, in the order of the array (most values
 * first) unless sorted.
 *
 * When an `anomaly` follows (cmd_anomaly.c), the aggregate also gets the
 * time range of the values, tq_pattern(_pv, _pt, t0, t1), keeps the
 * statistics of the anomaly rules, and each row keeps its JSON element as
 * the hidden column _pj for anomaly to read.
 */
#include "query/compile_int.h"

/* The fields a pattern row has: name, position in the JSON array, type. */
static const struct {
    const char *name;
    int index;
    enum vtype type;
} pattern_fields[] = {
    {"@pattern", 0, VT_STR},
    {"@ratio", 1, VT_NUM},
    {"@sampleCount", 2, VT_NUM},
    {"@severityLabel", 3, VT_STR},
};

enum { N_PATTERN_FIELDS = sizeof pattern_fields / sizeof pattern_fields[0] };

/* Does an anomaly use the rows of the pattern command at index i? */
static bool anomaly_follows(const struct query *q, const struct command *cmd)
{
    size_t i = (size_t)(cmd - q->cmds);
    for (size_t k = i + 1; k < q->n_cmds; k++) {
        if (q->cmds[k].kind == CMD_ANOMALY)
            return true;
        if (q->cmds[k].kind == CMD_STATS || q->cmds[k].kind == CMD_PATTERN)
            return false;
    }
    return false;
}

int cc_pattern_rows(struct cctx *c, struct walk *w, const struct expr *source, struct span kw,
                    bool watch)
{
    struct cexpr v;
    if (source) {
        if (cx_expr(c, source, &v))
            return -1;
    } else if (cx_field(c, "@message", kw, &v)) {
        return -1;
    }
    if (watch && !c->have_ts)
        return cc_error(c, kw, "anomaly needs the timestamps of the rows; it cannot follow stats");
    const char *from = cc_prev(c, w);
    const char *range = "";
    if (watch)
        range = arena_printf(c->a,
                             ", (SELECT min(_ts) FROM %s WHERE (%s) IS NOT NULL), "
                             "(SELECT max(_ts) FROM %s WHERE (%s) IS NOT NULL)",
                             from, v.sql, from, v.sql);
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT tq_pattern(_pv, _pt%s) AS _pa FROM (SELECT %s AS _pv, %s AS "
                              "_pt FROM %s ORDER BY %s)",
                              range, v.sql, c->have_ts ? "_ts" : "NULL", from, w->order));
    const char *agg = cc_prev(c, w);
    struct strbuf sel = STRBUF_INIT;
    struct sym syms[N_PATTERN_FIELDS];
    struct plist out = {0};
    for (size_t i = 0; i < N_PATTERN_FIELDS; i++) {
        const char *col = cc_new_col(c);
        sb_printf(&sel, ", json_extract(j.value, '$[%d]') AS %s", pattern_fields[i].index, col);
        syms[i] = (struct sym){.name = pattern_fields[i].name, .col = col,
                               .type = pattern_fields[i].type, .ephemeral = true, .def = kw};
        cc_plist_add(c, &out, pattern_fields[i].name, col, pattern_fields[i].type, NULL);
    }
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT j.key AS _pk%s%s FROM %s, json_each(%s._pa) AS j",
                              watch ? ", j.value AS _pj" : "", sb_str(&sel), agg, agg));
    sb_free(&sel);
    cc_result_scope(c, w, watch ? "pattern+" : "pattern", syms, N_PATTERN_FIELDS, &out, "_pk");
    return 0;
}

int cmd_pattern(struct cctx *c, struct walk *w, const struct command *cmd)
{
    return cc_pattern_rows(c, w, cmd->source, cmd->kw_span, anomaly_follows(c->q, cmd));
}
