/*
 * timeseries.c — compiling Insights' time-series functions (trailq(1)
 * FUNCTIONS; docs/language.md#time-series-functions): the checks on
 * rate's period and histogram's bucket count, which must be literals, and
 * their SQL (query/sqlfn_timeseries.c). count_over_time is count(), and
 * sum_over_time tq_sum through the function table.
 */
#include <string.h>

#include "base/timeval.h"
#include "query/compile_int.h"

int cx_timeseries(struct cctx *c, const struct func_def *fd, const struct expr *e,
                  const struct cexpr *args, struct cexpr *out)
{
    out->type = fd->result;
    if (strcmp(fd->name, "rate") == 0) {
        if (!c->have_ts)
            return cc_error(
                c, e->name_span,
                "rate() needs each event's @timestamp, so it only works in the first stats");
        const struct expr *p = e->args[1];
        if (p->period.unit > PU_WEEK)
            return cc_error(c, p->span, "rate needs a period of fixed length (ms to weeks) here");
        out->sql = arena_printf(c->a, "tq_rate(_ts, _id, %s, %lld)", args[0].sql,
                                (long long)tv_period_ms(p->period));
        return 0;
    }
    if (strcmp(fd->name, "count_over_time") == 0) {
        out->sql = arena_printf(c->a, "count(%s)", args[0].sql);
        return 0;
    }
    /* histogram */
    const struct expr *n = e->args[1];
    if (n->kind != EX_NUMBER || !n->is_int || n->ival < 1 || n->ival > 1000)
        return cc_error(c, n->span,
                        "histogram needs a whole number of buckets from 1 to 1000 here");
    out->sql = arena_printf(c->a, "tq_histogram(%s, %lld)", args[0].sql, (long long)n->ival);
    return 0;
}
