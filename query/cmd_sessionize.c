/*
 * cmd_sessionize.c — compiling `sessionize field, ... [maxspan period]
 * [as name]` (trailq(1), QUERY LANGUAGE; docs/language.md#sessionize).
 *
 * Each key's events, in time order (ties in input order), form sessions:
 * a new session starts at the key's first event and at every event that
 * comes more than maxspan (default 30m) after the key's previous one. The
 * session id is "s-" and the first 16 hex digits of the SHA-256 of the key
 * values and the session's first timestamp in ms, each followed by the
 * byte 0x1f (key values as text, as concat() writes them): it names the
 * session by what it is, so it is the same in any query over the same
 * events, whatever else is loaded. A row with a key missing gets no id.
 *
 * Three window-function CTEs over the current relation: the gap to the
 * key's previous event, the running count of session starts, and the
 * first timestamp of each session. The order of the rows is unchanged.
 */
#include "base/timeval.h"
#include "query/compile_int.h"

int cmd_sessionize(struct cctx *c, struct walk *w, const struct command *cmd)
{
    if (!c->raw_scope || !c->have_ts)
        return cc_error(
            c, cmd->kw_span,
            "sessionize needs the events' timestamps; it cannot follow stats or pattern");
    int64_t maxspan = 30LL * 60 * 1000;
    if (cmd->has_maxspan) {
        maxspan = tv_period_ms(cmd->maxspan);
        if (maxspan <= 0)
            return cc_error(c, cmd->maxspan_span, "maxspan must be in ms, s, m, h, d or w");
    }
    struct strbuf keys = STRBUF_INIT, missing = STRBUF_INIT, text = STRBUF_INIT;
    for (size_t i = 0; i < cmd->n_dedup; i++) {
        struct cexpr v;
        if (cx_expr(c, cmd->dedup[i], &v)) {
            sb_free(&keys);
            sb_free(&missing);
            sb_free(&text);
            return -1;
        }
        if (v.type == VT_JSON || v.type == VT_LIST) {
            sb_free(&keys);
            sb_free(&missing);
            sb_free(&text);
            return cc_error(c, cmd->dedup[i]->span, "a map or list cannot be a sessionize key");
        }
        sb_printf(&keys, "%s%s", i ? ", " : "", cx_group_key(c, &v));
        sb_printf(&missing, "%s(%s) IS NULL", i ? " OR " : "", v.sql);
        sb_printf(&text, "%s, char(31), ", v.sql);
    }
    const char *name = cmd->into ? cmd->into : "session_id";
    struct span at = cmd->into ? cmd->into_span : cmd->kw_span;
    const char *col = cc_new_col(c);
    const char *gap = arena_printf(c->a, "_sg%s", col), *num = arena_printf(c->a, "_sn%s", col),
               *first = arena_printf(c->a, "_sf%s", col);
    const char *by = arena_printf(c->a, "PARTITION BY %s ORDER BY _ts, _id", sb_str(&keys));
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT *, _ts - lag(_ts) OVER (%s) AS %s FROM %s", by, gap,
                              cc_prev(c, w)));
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT *, sum(%s IS NULL OR %s > %lld) OVER (%s ROWS UNBOUNDED "
                              "PRECEDING) AS %s FROM %s",
                              gap, gap, (long long)maxspan, by, num, cc_prev(c, w)));
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT *, first_value(_ts) OVER (PARTITION BY %s, %s ORDER BY _ts, "
                              "_id) AS %s FROM %s",
                              sb_str(&keys), num, first, cc_prev(c, w)));
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT *, CASE WHEN %s THEN NULL ELSE 's-' || "
                              "substr(tq_sha256(tq_concat(%s%s, char(31))), 1, 16) END AS %s FROM %s",
                              sb_str(&missing), sb_str(&text), first, col, cc_prev(c, w)));
    sb_free(&keys);
    sb_free(&missing);
    sb_free(&text);
    if (cc_define(c, name, col, VT_STR, at))
        return -1;
    cc_plist_add(c, &w->parsed, name, col, VT_STR, NULL);
    return 0;
}
