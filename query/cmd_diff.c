/*
 * cmd_diff.c — compiling `diff [previousDay|previousWeek|previousMonth]`
 * and `logcompare timeshift PERIOD` (trailq(1), QUERY LANGUAGE;
 * docs/language.md#diff-and-logcompare).
 *
 * Both cluster @message into patterns, as `pattern @message` does, over
 * the events of two windows, and count each pattern's values in each:
 *
 *   current     --start to --end; with one of them missing, the data's
 *               first or last timestamp stands in for it; with neither, the
 *               second half of the data's own range;
 *   comparison  the current window moved back by its own length (diff),
 *               a day, a week, a calendar month, or logcompare's period.
 *
 * The windows are one row of SQL, the CTE dw(c0, c1, p0, p1) (each
 * half-open: start <= @timestamp < end), computed before s0 from the
 * events table, so the base relation keeps the events of both windows and
 * every command before diff sees them all. The aggregate tq_diff(value,
 * ts, c0) (sqlfn_pattern.c) counts the values before c0 apart. The ingest
 * range is widened to the comparison window (compile_result.range_start_ms).
 */
#include <stdint.h>

#include "base/timeval.h"
#include "query/compile_int.h"

enum { DAY_MS = 86400000 };

/* The shift as milliseconds, or 0 with *months set for calendar shifts;
 * -1 for diff's own length. */
static int64_t shift_ms(const struct command *d, int64_t *months)
{
    *months = 0;
    switch (d->diff) {
    case DIFF_PREVIOUS: return -1;
    case DIFF_DAY: return DAY_MS;
    case DIFF_WEEK: return 7LL * DAY_MS;
    case DIFF_MONTH: *months = 1; return 0;
    case DIFF_SHIFT:
        switch (d->shift.unit) {
        case PU_MONTH: *months = d->shift.n; return 0;
        case PU_QUARTER: *months = 3 * d->shift.n; return 0;
        case PU_YEAR: *months = 12 * d->shift.n; return 0;
        default: return tv_period_ms(d->shift);
        }
    }
    return -1;
}

/* SQL of the window bounds over the events table. */
void cc_diff_windows(struct cctx *c, struct strbuf *sb)
{
    const struct compile_opts *o = c->opts;
    bool has_start = o->has_range && o->start_ms != INT64_MIN;
    bool has_end = o->has_range && o->end_ms != INT64_MAX;
    const char *lo = has_start ? arena_printf(c->a, "%lld", (long long)o->start_ms)
                     : has_end ? arena_printf(c->a, "(SELECT min(ts) FROM events WHERE ts < %lld)",
                                              (long long)o->end_ms)
                               : "(SELECT min(ts) FROM events)";
    const char *hi = has_end ? arena_printf(c->a, "%lld", (long long)o->end_ms)
                     : has_start ? arena_printf(c->a,
                                                "(SELECT max(ts) + 1 FROM events WHERE ts >= %lld)",
                                                (long long)o->start_ms)
                                 : "(SELECT max(ts) + 1 FROM events)";
    const char *c0 = has_start || has_end ? "lo" : "lo + (hi - lo) / 2";
    int64_t months;
    int64_t ms = shift_ms(c->diff_cmd, &months);
    const char *prev;
    if (ms < 0)
        prev = "c0 - (c1 - c0) AS p0, c0 AS p1";
    else if (months)
        prev = arena_printf(c->a, "tq_monthsback(c0, %lld) AS p0, tq_monthsback(c1, %lld) AS p1",
                            (long long)months, (long long)months);
    else
        prev = arena_printf(c->a, "c0 - %lld AS p0, c1 - %lld AS p1", (long long)ms, (long long)ms);
    sb_printf(sb,
              "dw AS (SELECT c0, c1, %s FROM (SELECT %s AS c0, hi AS c1 FROM (SELECT %s AS lo, %s "
              "AS hi)))",
              prev, c0, lo, hi);
}

const char *cc_diff_base_filter(struct cctx *c)
{
    return "((e.ts >= (SELECT c0 FROM dw) AND e.ts < (SELECT c1 FROM dw)) OR "
           "(e.ts >= (SELECT p0 FROM dw) AND e.ts < (SELECT p1 FROM dw)))";
}

int64_t cc_diff_start_ms(const struct cctx *c)
{
    const struct compile_opts *o = c->opts;
    if (!o->has_range || o->start_ms == INT64_MIN || o->end_ms == INT64_MAX)
        return INT64_MIN;
    int64_t months;
    int64_t ms = shift_ms(c->diff_cmd, &months);
    if (ms < 0)
        return o->start_ms - (o->end_ms - o->start_ms);
    if (months)
        return months > 120000 ? INT64_MIN : tv_months_back(o->start_ms, (int)months);
    return o->start_ms - ms;
}

/* The fields of a diff row: name, SQL over the JSON element j, type. */
static const struct {
    const char *name;
    const char *sql;
    enum vtype type;
} diff_fields[] = {
    {"@pattern", "json_extract(j.value, '$[0]')", VT_STR},
    {"@ratio", "json_extract(j.value, '$[1]')", VT_NUM},
    {"@sampleCount", "json_extract(j.value, '$[2]')", VT_NUM},
    {"@previousSampleCount", "json_extract(j.value, '$[9]')", VT_NUM},
    {"@difference", "json_extract(j.value, '$[2]') - json_extract(j.value, '$[9]')", VT_NUM},
    {"@severityLabel", "json_extract(j.value, '$[3]')", VT_STR},
};

enum { N_DIFF_FIELDS = sizeof diff_fields / sizeof diff_fields[0] };

int cmd_diff(struct cctx *c, struct walk *w, const struct command *cmd)
{
    if (!c->raw_scope || !c->have_ts)
        return cc_error(c, cmd->kw_span, "%s compares events: it cannot follow stats or pattern",
                        cmd->diff == DIFF_SHIFT ? "logcompare" : "diff");
    if (cmd->diff == DIFF_SHIFT) {
        int64_t months;
        int64_t ms = shift_ms(cmd, &months);
        if (cmd->shift.n <= 0 || (!months && ms <= 0))
            return cc_error(c, cmd->shift_span, "the timeshift must be a positive period");
    }
    struct cexpr v;
    if (cx_field(c, "@message", cmd->kw_span, &v))
        return -1;
    const char *from = cc_prev(c, w);
    cc_add_stage(c, w,
                 arena_printf(c->a,
                              "SELECT tq_diff(_pv, _pt, (SELECT c0 FROM dw)) AS _pa FROM (SELECT %s "
                              "AS _pv, _ts AS _pt FROM %s ORDER BY %s)",
                              v.sql, from, w->order));
    const char *agg = cc_prev(c, w);
    struct strbuf sel = STRBUF_INIT;
    struct sym syms[N_DIFF_FIELDS];
    struct plist out = {0};
    const char *difference = NULL;
    for (size_t i = 0; i < N_DIFF_FIELDS; i++) {
        const char *col = cc_new_col(c);
        sb_printf(&sel, ", %s AS %s", diff_fields[i].sql, col);
        syms[i] = (struct sym){.name = diff_fields[i].name, .col = col,
                               .type = diff_fields[i].type, .ephemeral = true,
                               .def = cmd->kw_span};
        cc_plist_add(c, &out, diff_fields[i].name, col, diff_fields[i].type, NULL);
        if (i == 4) /* @difference */
            difference = col;
    }
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT j.key AS _pk%s FROM %s, json_each(%s._pa) AS j",
                              sb_str(&sel), agg, agg));
    sb_free(&sel);
    cc_result_scope(c, w, cmd->diff == DIFF_SHIFT ? "logcompare" : "diff", syms, N_DIFF_FIELDS,
                    &out, arena_printf(c->a, "%s DESC, _pk", difference));
    return 0;
}
