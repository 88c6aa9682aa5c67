/*
 * compile_expr.c — Insights expressions to SQL (the rules of docs/language.md).
 *
 * Operators become calls of the tq_* functions (sqlfn.h) so that the
 * number-or-string comparison rule, missing-value rule and boolean
 * rendering hold everywhere; a few shapes that are provably equivalent get
 * plain SQL so SQLite can use indexes (`x = "text"` is `x IS 'text'`).
 * Functions are checked against the function table (funcs.h): existence,
 * argument count, literal kinds, and where aggregates may appear.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/timeval.h"
#include "base/tzone.h"
#include "index/sysfield.h"
#include "query/compile_int.h"
#include "query/parser.h"
#include "query/regex.h"
#include "query/sqlfn.h"

const char *cx_quote(struct cctx *c, const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    sb_sql_quote(&sb, s, strlen(s));
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

static const char *fmt(struct cctx *c, const char *f, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(struct cctx *c, const char *f, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;
    va_start(ap, f);
    sb_vprintf(&sb, f, ap);
    va_end(ap);
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

/* A bare column name (f3, v12, _msg): SQL that may be written twice. A
 * larger operand written twice doubles at every level it is nested in, so
 * the templates that name their operand twice have a one-mention form for
 * those. */
static bool is_column(const char *sql)
{
    for (const char *p = sql; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '.'))
            return false;
    return *sql != '\0';
}

static bool is_numeric_text(const char *s)
{
    return sqlfn_text_to_number(s, strlen(s), NULL, NULL, NULL);
}

int cx_check_regex(struct cctx *c, const struct expr *re)
{
    char msg[256];
    size_t offset = 0;
    if (rx_check(re->str, strlen(re->str), msg, sizeof msg, &offset) == 0)
        return 0;
    /* Point at the offending character inside /.../ when we can. */
    struct span at = re->span;
    if (re->kind == EX_REGEX && offset < strlen(re->str) && re->span.start + 1 + offset < re->span.end) {
        at.start = re->span.start + 1 + (uint32_t)offset;
        at.end = at.start + 1;
    }
    return cc_error(c, at, "invalid regex: %s", msg);
}

void cx_regex_site(struct cctx *c, const char *pattern, struct span span,
                   const struct expr *subject)
{
    if (!c->emit)
        return;
    const char *text = "@message";
    if (subject) {
        struct strbuf sb = STRBUF_INIT;
        expr_to_text(c->q, subject, &sb);
        text = arena_strdup(c->a, sb_str(&sb));
        sb_free(&sb);
    }
    c->sites = arena_grow(c->a, c->sites, &c->cap_sites, c->n_sites + 1, sizeof *c->sites);
    c->sites[c->n_sites++] =
        (struct regex_site){pattern ? arena_strdup(c->a, pattern) : NULL, span, text};
}

/* ---- fields ---- */

/* Mark a system column of the base relation as needed; a new one widens
 * every relation up to the first stats. */
static void need(struct cctx *c, bool *flag)
{
    assert(*flag || !c->emit); /* as cc_add_raw_field: found in the first pass */
    if (!*flag)
        c->width++;
    *flag = true;
}

static const char *system_col(struct cctx *c, const char *name, enum vtype *type)
{
    enum sys_field f = sys_field_find(name);
    *type = f != SYSF_NONE && sys_fields[f].is_time ? VT_TIME : VT_ANY;
    if (f == SYSF_TIMESTAMP) {
        if (c->have_ts)
            c->uses_ts = true;
        return c->have_ts ? "_ts" : NULL;
    }
    if (!c->raw_scope)
        return NULL;
    switch (f) {
    case SYSF_MESSAGE:
        need(c, &c->need_msg);
        return "_msg";
    case SYSF_LOG:
        /* owner:logGroup where the input says so (base_relation) */
        need(c, &c->need_log);
        cc_add_raw_field(c, "@owner");
        cc_add_raw_field(c, "@logGroup");
        return "_log";
    case SYSF_LOG_STREAM:
        need(c, &c->need_stream);
        return "_stream";
    case SYSF_PTR:
        need(c, &c->need_ptr);
        return "_ptr";
    case SYSF_INGESTION_TIME:
        need(c, &c->need_ingest);
        return "_ingest";
    default:
        return NULL;
    }
}

bool cx_is_system_name(const char *name)
{
    return sys_field_find(name) != SYSF_NONE;
}

int cx_field(struct cctx *c, const char *name, struct span where, struct cexpr *out)
{
    out->field = NULL;
    if (c->place == EP_STATS_ITEM) {
        /* outside an aggregate, a stats item may only name a by key or an
         * earlier aggregate of the same stats */
        bool ok = false;
        for (size_t i = 0; i < c->n_by_names && !ok; i++)
            ok = strcmp(c->by_names[i], name) == 0;
        struct sym *agg = cc_scope_find(c, name);
        if (!ok && !(agg && agg->is_agg) && !c->bare_field) {
            /* reported once the whole item is compiled (do_stats), so that an
             * item with no aggregate at all gets the plainer message */
            c->bare_field = true;
            c->bare_span = where;
            c->bare_name = name;
        }
    }
    struct sym *s = cc_scope_find(c, name);
    if (s) {
        if (s->is_agg) {
            if (c->place == EP_IN_AGG)
                return cc_error(c, where, "'%s' is an aggregate and cannot be aggregated again",
                                name);
            c->saw_agg = true;
        }
        out->sql = s->col;
        if (s->pending) {
            out->sql = fmt(c, "(%s)", s->pending);
            c->used_pending = true;
        }
        out->type = s->type;
        out->field = s->field;
        return 0;
    }
    int jr = cc_join_field(c, name, where, out); /* a.x, b.x after a join */
    if (jr <= 0)
        return jr;
    /* a.b.c where a (or a.b) holds a jsonParse result: access into it */
    size_t n = strlen(name);
    for (size_t cut = n; cut-- > 1;) {
        if (name[cut] != '.')
            continue;
        char *head = arena_strndup(c->a, name, cut);
        struct sym *base = cc_scope_find(c, head);
        if (!base || (base->type != VT_JSON && base->type != VT_LIST && base->type != VT_ANY) ||
            !base->ephemeral)
            continue;
        const char *sql = base->col;
        if (base->pending) {
            sql = fmt(c, "(%s)", base->pending);
            c->used_pending = true;
        }
        const char *rest = name + cut + 1;
        while (*rest) {
            const char *dot = strchr(rest, '.');
            size_t len = dot ? (size_t)(dot - rest) : strlen(rest);
            sql = fmt(c, "tq_jsonget(%s, %s)", sql, cx_quote(c, arena_strndup(c->a, rest, len)));
            rest += len + (dot ? 1 : 0);
        }
        out->sql = sql;
        out->type = VT_ANY;
        return 0;
    }
    enum vtype type;
    const char *col = system_col(c, name, &type);
    if (col) {
        out->sql = col;
        out->type = type;
        return cx_check_width(c, where, fmt(c, "'%s'", name));
    }
    if (!c->raw_scope && c->replaced_by)
        return cc_error(c, where, "unknown field '%s': after %s only its results exist", name,
                        strncmp(c->replaced_by, "pattern", 7) == 0 ? "pattern" : c->replaced_by);
    if (!c->raw_scope) {
        if (strcmp(name, "@timestamp") == 0)
            return cc_error(c, where,
                            "@timestamp is not available after stats; keep it with an aggregate "
                            "such as max(@timestamp) as @t");
        return cc_error(c, where, "unknown field '%s': after stats only the stats results exist",
                        name);
    }
    if (cx_is_system_name(name))
        return cc_error(c, where, "%s is not available here", name);
    cc_add_raw_field(c, name);
    /* the base relation names the i-th raw field f<i> */
    for (size_t i = 0; i < c->n_raw; i++)
        if (strcmp(c->raw[i], name) == 0) {
            out->sql = fmt(c, "f%zu", i);
            out->type = VT_ANY;
            out->field = c->raw[i];
            return cx_check_width(c, where, fmt(c, "'%s'", name));
        }
    return cc_error(c, where, "internal error resolving '%s'", name);
}

const char *cx_group_key(struct cctx *c, const struct cexpr *v)
{
    if (!v->field || !c->store)
        return v->sql;
    const struct store_field *f = store_field(c->store, v->field);
    if (!f || !(f->kinds & FV_STR) || !(f->kinds & (FV_INT | FV_REAL)))
        return v->sql;
    return fmt(c, "tq_canon(%s)", v->sql);
}

/* ---- literals ---- */

static const char *number_sql(struct cctx *c, const struct expr *e)
{
    if (e->is_int)
        return fmt(c, "%lld", (long long)e->ival);
    if (isinf(e->num)) /* 1e999: "%g" says "inf", which SQL reads as a name */
        return "9e999";
    return fmt(c, "%.17g", e->num);
}

/* A string literal compared with a timestamp: its instant, when it is one. */
static bool literal_time(const struct expr *e, int64_t *ms)
{
    return e->kind == EX_STRING && tv_parse_iso8601(e->str, strlen(e->str), ms);
}

/* A zone literal of formatDate or parseDate names a zone (base/tzone.h). */
static int check_zone(struct cctx *c, const struct expr *lit)
{
    struct tzone *z = NULL;
    struct strbuf err = STRBUF_INIT;
    int rc = tz_open(lit->str, strlen(lit->str), &z, &err);
    sb_free(&err);
    tz_close(z);
    if (rc == 0)
        return 0;
    return cc_error(c, lit->span,
                    "unknown time zone '%s' (an IANA name such as America/New_York, UTC, or an "
                    "offset such as +02:00)",
                    lit->str);
}

/* ---- functions ---- */

static bool name_is(const struct func_def *fd, const char *name)
{
    return strcasecmp(fd->name, name) == 0;
}

static const char *ts_sql(struct cctx *c, struct span where)
{
    struct sym *s = cc_scope_find(c, "@timestamp");
    if (s)
        return s->col;
    if (c->have_ts)
        return "_ts";
    cc_error(c, where,
             "bin() needs @timestamp, which the first stats did not produce (keep it with "
             "max(@timestamp) as @t and use datefloor(@t, 5m))");
    return NULL;
}

static int period_args(struct cctx *c, const struct expr *p, const char **n, const char **unit)
{
    if (p->kind != EX_PERIOD)
        return cc_error(c, p->span, "expected a period such as 5m, 1h or 1d");
    *n = fmt(c, "%lld", (long long)p->period.n);
    *unit = fmt(c, "%d", (int)p->period.unit);
    return 0;
}

static void func_suggest(const char *name, char *out, size_t outsz)
{
    /* the table entry with the smallest edit distance, if close */
    size_t best = (size_t)-1;
    const char *best_name = NULL;
    size_t ln = strlen(name);
    for (size_t i = 0; i < n_funcs; i++) {
        const char *f = funcs[i].name;
        size_t lf = strlen(f);
        if (ln > 40 || lf > 40)
            continue;
        size_t d[41][41];
        for (size_t x = 0; x <= ln; x++)
            d[x][0] = x;
        for (size_t y = 0; y <= lf; y++)
            d[0][y] = y;
        for (size_t x = 1; x <= ln; x++)
            for (size_t y = 1; y <= lf; y++) {
                size_t cost = (name[x - 1] | 32) == (f[y - 1] | 32) ? 0 : 1;
                size_t v = d[x - 1][y - 1] + cost;
                if (d[x - 1][y] + 1 < v)
                    v = d[x - 1][y] + 1;
                if (d[x][y - 1] + 1 < v)
                    v = d[x][y - 1] + 1;
                d[x][y] = v;
            }
        if (d[ln][lf] < best) {
            best = d[ln][lf];
            best_name = f;
        }
    }
    if (best_name && best <= 2 && best < ln)
        snprintf(out, outsz, " (did you mean %s?)", best_name);
    else
        out[0] = '\0';
}

static const char *join_args(struct cctx *c, const struct cexpr *args, size_t n, size_t from)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = from; i < n; i++) {
        if (i > from)
            sb_puts(&sb, ", ");
        sb_puts(&sb, args[i].sql);
    }
    const char *r = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

static int compile_call(struct cctx *c, const struct expr *e, struct cexpr *out)
{
    const struct func_def *fd = func_lookup(e->name);
    if (!fd) {
        char hint[80];
        func_suggest(e->name, hint, sizeof hint);
        return cc_error(c, e->name_span, "unknown function '%s'%s", e->name, hint);
    }
    int n = (int)e->n_args;
    if (e->star && !name_is(fd, "count"))
        return cc_error(c, e->span, "only count takes *");
    if (!e->star && (n < fd->min_args || (fd->max_args >= 0 && n > fd->max_args))) {
        if (fd->min_args == fd->max_args)
            return cc_error(c, e->span, "%s takes %d argument%s, got %d", fd->name, fd->min_args,
                            fd->min_args == 1 ? "" : "s", n);
        if (fd->max_args < 0)
            return cc_error(c, e->span, "%s takes at least %d argument%s, got %d", fd->name,
                            fd->min_args, fd->min_args == 1 ? "" : "s", n);
        return cc_error(c, e->span, "%s takes %d to %d arguments, got %d", fd->name, fd->min_args,
                        fd->max_args, n);
    }
    /* from here on the count is the table's: the branches below read the
     * arguments the table promises (args[0] of count_distinct, e->args[1]
     * of pct, ...) without looking at n again */
    assert(e->star || (n >= fd->min_args && (fd->max_args < 0 || n <= fd->max_args)));
    for (int i = 0; i < n && i < FUNC_MAX_TYPED_ARGS; i++) {
        if (fd->args[i] == VT_PERIOD && e->args[i]->kind != EX_PERIOD)
            return cc_error(c, e->args[i]->span, "%s expects a period such as 5m here", fd->name);
        if (fd->args[i] == VT_REGEX && e->args[i]->kind != EX_REGEX)
            return cc_error(c, e->args[i]->span, "%s expects a /regex/ here", fd->name);
    }
    if ((name_is(fd, "formatDate") || name_is(fd, "parseDate")) && n == 3 &&
        e->args[2]->kind == EX_STRING && check_zone(c, e->args[2]))
        return -1;
    for (int i = 0; i < n; i++) {
        if (e->args[i]->kind == EX_PERIOD &&
            (i >= FUNC_MAX_TYPED_ARGS || fd->args[i] != VT_PERIOD))
            return cc_error(
                c, e->args[i]->span,
                "a period such as 5m is only allowed as an argument of bin, datefloor or "
                "dateceil");
    }

    bool aggregate = fd->kind != FK_SCALAR;
    enum expr_place saved = c->place;
    if (aggregate) {
        if (c->place == EP_IN_AGG)
            return cc_error(c, e->span, "aggregates cannot be nested: %s inside another aggregate",
                            fd->name);
        if (c->place == EP_STATS_BY)
            return cc_error(c, e->name_span, "an aggregate cannot be a by key");
        if (c->place != EP_STATS_ITEM) {
            const char *text = cc_expr_text(c, e);
            if (cc_scope_find(c, text)) /* stats count(*) | sort count(*) desc */
                return cc_error(c, e->span,
                                "%s() can only be used in stats; for the column the stats "
                                "before made, write `%s`",
                                fd->name, text);
            return cc_error(c, e->name_span, "%s() can only be used in stats", fd->name);
        }
        c->saw_agg = true;
        c->place = EP_IN_AGG;
    }
    enum { MAX_CALL_ARGS = 64 };
    struct cexpr args[MAX_CALL_ARGS];
    if (n > MAX_CALL_ARGS) {
        c->place = saved;
        return cc_error(c, e->args[MAX_CALL_ARGS]->span,
                        "%s takes at most %d arguments in trailq, got %d", fd->name, MAX_CALL_ARGS,
                        n);
    }
    int rc = 0;
    /* Periods and regexes are not compiled as values. */
    for (int i = 0; i < n; i++) {
        if (e->args[i]->kind == EX_PERIOD) {
            args[i].sql = "NULL";
            args[i].type = VT_PERIOD;
            continue;
        }
        if (e->args[i]->kind == EX_REGEX) {
            if (cx_check_regex(c, e->args[i])) {
                rc = -1;
                break;
            }
            args[i].sql = cx_quote(c, e->args[i]->str);
            args[i].type = VT_REGEX;
            continue;
        }
        if (cx_expr(c, e->args[i], &args[i])) {
            rc = -1;
            break;
        }
    }
    c->place = saved;
    if (rc)
        return -1;
    /* the regexes it runs: its /regex/ arguments, regexReplace's pattern */
    for (int i = 0; i < n; i++) {
        const struct expr *a = e->args[i];
        bool rx_arg = a->kind == EX_REGEX || (name_is(fd, "regexReplace") && i == 1);
        if (rx_arg && n > 0)
            cx_regex_site(c, a->kind == EX_REGEX || a->kind == EX_STRING ? a->str : NULL, a->span,
                          e->args[0]);
    }

    out->type = fd->result;
    if (name_is(fd, "count")) {
        out->sql = (e->star || n == 0) ? "count(*)" : fmt(c, "count(%s)", args[0].sql);
        out->type = VT_NUM;
    } else if (name_is(fd, "count_distinct")) {
        out->sql = fmt(c, "count(DISTINCT %s)", cx_group_key(c, &args[0]));
        out->type = VT_NUM;
    } else if (name_is(fd, "ispresent")) {
        out->sql = fmt(c, "(%s IS NOT NULL)", args[0].sql);
        out->type = VT_BOOL;
    } else if (name_is(fd, "coalesce")) {
        out->sql = n == 1 ? args[0].sql : fmt(c, "coalesce(%s)", join_args(c, args, (size_t)n, 0));
        out->type = args[0].type;
        for (int i = 1; i < n; i++)
            if (args[i].type != out->type)
                out->type = VT_ANY;
    } else if (name_is(fd, "if")) {
        const char *cond;
        if (cx_cond(c, e->args[0], true, &cond))
            return -1;
        out->sql = fmt(c, "(CASE WHEN %s THEN %s ELSE %s END)", cond, args[1].sql,
                       n > 2 ? args[2].sql : "NULL");
        out->type = n > 2 && args[1].type != args[2].type ? VT_ANY : args[1].type;
    } else if (name_is(fd, "case")) {
        struct strbuf sb = STRBUF_INIT;
        sb_puts(&sb, "(CASE");
        int i = 0;
        out->type = args[n > 1 ? 1 : 0].type;
        for (; i + 1 < n; i += 2) {
            const char *cond;
            if (cx_cond(c, e->args[i], true, &cond)) {
                sb_free(&sb);
                return -1;
            }
            sb_printf(&sb, " WHEN %s THEN %s", cond, args[i + 1].sql);
            if (args[i + 1].type != out->type)
                out->type = VT_ANY;
        }
        if (i < n) {
            sb_printf(&sb, " ELSE %s", args[i].sql);
            if (args[i].type != out->type)
                out->type = VT_ANY;
        }
        sb_puts(&sb, " END)");
        out->sql = arena_strdup(c->a, sb_str(&sb));
        sb_free(&sb);
    } else if (name_is(fd, "bin")) {
        const char *pn = NULL, *pu = NULL, *ts = ts_sql(c, e->span);
        if (!ts || period_args(c, e->args[0], &pn, &pu))
            return -1;
        /* stats ... offset D looks back: the event at ts is counted in the
         * bucket labelled bin(ts + D) (offset_window in compile.c) */
        long long off = c->place == EP_STATS_BY ? (long long)c->offset_ms : 0LL;
        /* ms..day: multiples of the period since the epoch, in plain SQL
         * arithmetic; weeks (from a Monday), months, quarters, years: tq_bin */
        long long len = e->args[0]->period.unit < PU_WEEK
                            ? (long long)tv_period_ms(e->args[0]->period)
                            : 0;
        /* the SQL adds len to a remainder: past a quarter of the int64 range
         * that could overflow (bin(106751991167d) went to floating point and
         * 1-second buckets), and so could a time computed by a first stats
         * near the ends of the range (ingested times are far from them), so
         * tq_bin works those out with checked arithmetic; _ts + offset
         * stays far inside too (the offset is at most OFFSET_MAX_MS) */
        if (len > INT64_MAX / 4 || strcmp(ts, "_ts") != 0)
            len = 0;
        const char *t = off ? fmt(c, "(%s + %lld)", ts, off) : ts;
        if (len > 0)
            /* fixed length: floor to a multiple of it, in plain SQL arithmetic
             * (the modulo made non-negative so times before 1970 floor too) */
            out->sql = fmt(c, "(%s - (((%s %% %lld) + %lld) %% %lld))", t, t, len, len, len);
        else
            out->sql = fmt(c, "tq_bin(%s, %s, %s, %lld)", ts, pn, pu, off);
        out->type = VT_TIME;
        if (c->place == EP_STATS_BY)
            c->stats_offset = false; /* the offset found its bin */
    } else if (name_is(fd, "datefloor") || name_is(fd, "dateceil")) {
        const char *pn = NULL, *pu = NULL;
        if (period_args(c, e->args[1], &pn, &pu))
            return -1;
        out->sql = fmt(c, "%s(%s, %s, %s)", fd->sql, args[0].sql, pn, pu);
        out->type = VT_TIME;
    } else if (name_is(fd, "now")) {
        out->sql = fmt(c, "%lld", (long long)(c->opts->now_ms / 1000));
        out->type = VT_NUM;
    } else if (name_is(fd, "pct")) {
        const struct expr *p = e->args[1];
        if (p->kind != EX_NUMBER || p->num < 0 || p->num > 100)
            return cc_error(c, p->span, "pct needs a percentile between 0 and 100 here");
        out->sql = fmt(c, "tq_pct(%s, %s)", args[0].sql, args[1].sql);
        out->type = args[0].type == VT_TIME ? VT_TIME : VT_NUM;
    } else if (name_is(fd, "rate") || name_is(fd, "histogram") ||
               name_is(fd, "count_over_time")) {
        return cx_timeseries(c, fd, e, args, out);
    } else if (name_is(fd, "earliest") || name_is(fd, "latest")) {
        if (!c->have_ts)
            return cc_error(
                c, e->name_span,
                "%s() needs each event's @timestamp, so it only works in the first stats",
                fd->name);
        out->sql = fmt(c, "%s(_ts, _id, %s)", fd->sql, args[0].sql);
        out->type = args[0].type;
        out->field = args[0].field; /* one of its values: prints as the field */
    } else if (name_is(fd, "min") || name_is(fd, "max") || name_is(fd, "sortsFirst") ||
               name_is(fd, "sortsLast")) {
        out->sql = fmt(c, "%s(%s)", fd->sql, args[0].sql);
        out->type = args[0].type;
        out->field = args[0].field;
    } else if (fd->sql) {
        /* string, number and time functions see a map or list as missing
         * (docs/language.md#comparisons-and-missing-values) */
        for (int i = 0; i < n && i < FUNC_MAX_TYPED_ARGS; i++)
            if ((fd->args[i] == VT_STR || fd->args[i] == VT_NUM || fd->args[i] == VT_TIME) &&
                (args[i].type == VT_JSON || args[i].type == VT_LIST)) {
                out->sql = "NULL";
                return 0;
            }
        out->sql = fmt(c, "%s(%s)", fd->sql, join_args(c, args, (size_t)n, 0));
    } else {
        return cc_error(c, e->name_span, "%s() is not available in trailq", fd->name);
    }
    return 0;
}

/* ---- operators ---- */

static const char *cmp_func(enum expr_op op)
{
    switch (op) {
    case OP_EQ: return "tq_eq";
    case OP_NE: return "tq_ne";
    case OP_LT: return "tq_lt";
    case OP_LE: return "tq_le";
    case OP_GT: return "tq_gt";
    case OP_GE: return "tq_ge";
    default: return NULL;
    }
}

static const char *arith_func(enum expr_op op)
{
    switch (op) {
    case OP_ADD: return "tq_add";
    case OP_SUB: return "tq_sub";
    case OP_MUL: return "tq_mul";
    case OP_DIV: return "tq_div";
    case OP_MOD: return "tq_mod";
    case OP_POW: return "tq_pow";
    default: return NULL;
    }
}

/* Comparisons, with exact fast paths. */
static int compile_compare(struct cctx *c, const struct expr *e, bool strict, const char **sql)
{
    const struct expr *l = e->args[0], *r = e->args[1];
    enum expr_op op = e->op;
    /* literal on the left: mirror */
    if ((l->kind == EX_STRING || l->kind == EX_NUMBER || l->kind == EX_BOOL) &&
        !(r->kind == EX_STRING || r->kind == EX_NUMBER || r->kind == EX_BOOL)) {
        const struct expr *t = l;
        l = r;
        r = t;
        switch (op) {
        case OP_LT: op = OP_GT; break;
        case OP_LE: op = OP_GE; break;
        case OP_GT: op = OP_LT; break;
        case OP_GE: op = OP_LE; break;
        default: break;
        }
    }
    struct cexpr a, b;
    if (cx_expr(c, l, &a))
        return -1;
    int64_t ms;
    if (a.type == VT_TIME && literal_time(r, &ms)) {
        /* a timestamp against "2024-03-01T10:00Z": compare instants */
        *sql = fmt(c, "%s(%s, %lld)", cmp_func(op), a.sql, (long long)ms);
        return 0;
    }
    if (r->kind == EX_BOOL) {
        if (op != OP_EQ && op != OP_NE)
            return cc_error(c, e->span, "true and false can only be compared with = or !=");
        if (a.type == VT_BOOL) {
            *sql = fmt(c, "(%s %s %d)", a.sql, op == OP_EQ ? "=" : "!=", (int)r->ival);
        } else {
            const char *lit = r->ival ? "'true'" : "'false'";
            *sql = op == OP_EQ         ? fmt(c, "(%s IS %s)", a.sql, lit)
                   : is_column(a.sql) ? fmt(c, "(%s IS NOT NULL AND %s IS NOT %s)", a.sql, a.sql, lit)
                                       : fmt(c, "coalesce(%s <> %s, 0)", a.sql, lit);
        }
        return 0;
    }
    if (r->kind == EX_STRING && !is_numeric_text(r->str) && a.type != VT_TIME &&
        (op == OP_EQ || op == OP_NE)) {
        /* Text that is not a number equals only the same text: plain SQL
         * gives the same answer and can use an index. */
        const char *lit = cx_quote(c, r->str);
        if (op == OP_EQ)
            *sql = fmt(c, strict ? "(%s IS %s)" : "(%s = %s)", a.sql, lit);
        else if (is_column(a.sql))
            *sql = fmt(c, "(%s IS NOT NULL AND %s IS NOT %s)", a.sql, a.sql, lit);
        else
            *sql = fmt(c, "coalesce(%s <> %s, 0)", a.sql, lit);
        return 0;
    }
    if (cx_expr(c, r, &b))
        return -1;
    *sql = fmt(c, "%s(%s, %s)", cmp_func(op), a.sql, b.sql);
    return 0;
}

static int compile_in(struct cctx *c, const struct expr *e, bool strict, const char **sql)
{
    if (e->sub)
        return cx_in_subquery(c, e, strict, sql);
    struct cexpr x;
    if (cx_expr(c, e->args[0], &x))
        return -1;
    const struct expr *list = e->args[1];
    if (list->kind != EX_LIST)
        return cc_error(c, list->span, "in needs a list such as [\"a\", \"b\"]");
    if (list->n_args == 0) {
        *sql = e->negated ? fmt(c, "(%s IS NOT NULL)", x.sql) : "0";
        return 0;
    }
    bool all_text = true;
    for (size_t i = 0; i < list->n_args; i++) {
        const struct expr *el = list->args[i];
        if (el->kind != EX_STRING || is_numeric_text(el->str))
            all_text = false;
    }
    struct strbuf sb = STRBUF_INIT;
    if (all_text && x.type != VT_TIME) {
        if (!e->negated)
            sb_printf(&sb, "(%s IN (", x.sql);
        else if (is_column(x.sql))
            sb_printf(&sb, "(%s IS NOT NULL AND %s NOT IN (", x.sql, x.sql);
        else
            sb_printf(&sb, "coalesce(%s NOT IN (", x.sql);
        for (size_t i = 0; i < list->n_args; i++) {
            if (i)
                sb_puts(&sb, ", ");
            sb_puts(&sb, cx_quote(c, list->args[i]->str));
        }
        sb_puts(&sb, e->negated && !is_column(x.sql) ? "), 0)" : "))");
        if (strict && !e->negated) {
            const char *inner = arena_strdup(c->a, sb_str(&sb));
            sb_reset(&sb);
            sb_printf(&sb, "coalesce(%s, 0)", inner);
        }
    } else {
        /* SQLite passes a function at most 127 arguments: a longer list is
         * split into calls of IN_CHUNK elements, any of which may hold the
         * value (all of which must not, for not in) */
        enum { IN_CHUNK = 100 };
        size_t n_calls = (list->n_args + IN_CHUNK - 1) / IN_CHUNK;
        const char **calls = arena_alloc(c->a, n_calls * sizeof *calls);
        struct strbuf call = STRBUF_INIT;
        for (size_t k = 0; k < n_calls; k++) {
            sb_reset(&call);
            sb_printf(&call, "%s(%s", e->negated ? "tq_nin" : "tq_in", x.sql);
            for (size_t i = k * IN_CHUNK; i < list->n_args && i < (k + 1) * IN_CHUNK; i++) {
                struct cexpr v;
                if (cx_expr(c, list->args[i], &v)) {
                    sb_free(&call);
                    sb_free(&sb);
                    return -1;
                }
                sb_printf(&call, ", %s", v.sql);
            }
            sb_puts(&call, ")");
            calls[k] = arena_strdup(c->a, sb_str(&call));
        }
        sb_free(&call);
        if (n_calls == 1)
            sb_puts(&sb, calls[0]);
        else
            cx_chain_sql(&sb, calls, n_calls, e->negated ? "AND" : "OR");
    }
    *sql = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return 0;
}

static int compile_like(struct cctx *c, const struct expr *e, const char **sql)
{
    struct cexpr x;
    if (cx_expr(c, e->args[0], &x))
        return -1;
    const struct expr *pat = e->args[1];
    if (pat->kind == EX_REGEX) {
        if (cx_check_regex(c, pat))
            return -1;
        cx_regex_site(c, pat->str, pat->span, e->args[0]);
        *sql = fmt(c, "%s(%s, %s)", e->negated ? "tq_nregex" : "tq_regex", x.sql,
                   cx_quote(c, pat->str));
        return 0;
    }
    if (pat->kind != EX_STRING)
        return cc_error(c, pat->span, "like needs a \"string\" or a /regex/");
    *sql = fmt(c, "%s(%s, %s)", e->negated ? "tq_nlike" : "tq_like", x.sql, cx_quote(c, pat->str));
    return 0;
}

/* Terms of an and/or chain, as "(t1 OP t2 OP ... OP tn)". SQLite builds a
 * left-deep tree of a flat chain, and its expression trees may be at most
 * 1000 deep, so a chain longer than CHAIN_GROUP is written as a balanced
 * tree of parenthesised groups of at most CHAIN_GROUP terms: 10,000 terms
 * nest 4 groups deep, 100,000 terms 5 (same answers: and and or are
 * associative). */
enum { CHAIN_GROUP = 16 };

void cx_chain_sql(struct strbuf *sb, const char **terms, size_t n, const char *op)
{
    size_t per = 1; /* terms per group at this level: the largest power of CHAIN_GROUP below n */
    while (per * CHAIN_GROUP < n)
        per *= CHAIN_GROUP;
    sb_putc(sb, '(');
    for (size_t i = 0; i < n; i += per) {
        if (i)
            sb_printf(sb, " %s ", op);
        size_t k = n - i < per ? n - i : per;
        if (k == 1)
            sb_puts(sb, terms[i]);
        else
            cx_chain_sql(sb, terms + i, k, op);
    }
    sb_putc(sb, ')');
}

static int compile_chain(struct cctx *c, const struct expr *e, bool strict, const char **sql)
{
    const char **terms = arena_alloc(c->a, e->n_args * sizeof *terms);
    for (size_t i = 0; i < e->n_args; i++)
        if (cx_cond(c, e->args[i], strict, &terms[i]))
            return -1;
    struct strbuf sb = STRBUF_INIT;
    cx_chain_sql(&sb, terms, e->n_args, e->op == OP_AND ? "AND" : "OR");
    *sql = arena_strdup(c->a, sb_str(&sb));
    sb_free(&sb);
    return 0;
}

static int cond_node(struct cctx *c, const struct expr *e, bool strict, const char **sql)
{
    switch (e->kind) {
    case EX_BINARY:
        if (e->op == OP_AND || e->op == OP_OR)
            return compile_chain(c, e, strict, sql);
        if (cmp_func(e->op))
            return compile_compare(c, e, strict, sql);
        break;
    case EX_UNARY:
        if (e->op == OP_NOT) {
            const char *a;
            if (cx_cond(c, e->args[0], true, &a))
                return -1;
            *sql = fmt(c, "(NOT %s)", a);
            return 0;
        }
        break;
    case EX_LIKE:
    case EX_MATCH:
        return compile_like(c, e, sql);
    case EX_IN:
        return compile_in(c, e, strict, sql);
    case EX_BOOL:
        *sql = e->ival ? "1" : "0";
        return 0;
    default:
        break;
    }
    struct cexpr v;
    if (cx_expr(c, e, &v))
        return -1;
    if (v.type == VT_BOOL)
        *sql = v.sql;
    else
        *sql = fmt(c, "tq_truthy(%s)", v.sql);
    return 0;
}

static int expr_node(struct cctx *c, const struct expr *e, struct cexpr *out)
{
    out->type = VT_ANY;
    out->field = NULL;
    switch (e->kind) {
    case EX_NUMBER:
        out->sql = number_sql(c, e);
        out->type = VT_NUM;
        return 0;
    case EX_STRING:
        out->sql = cx_quote(c, e->str);
        out->type = VT_STR;
        return 0;
    case EX_BOOL:
        out->sql = e->ival ? "1" : "0";
        out->type = VT_BOOL;
        return 0;
    case EX_REGEX:
        return cc_error(c, e->span,
                        "a /regex/ can only follow like or =~, or be a function argument");
    case EX_PERIOD:
        return cc_error(c, e->span,
                        "a period such as 5m is only allowed as an argument of bin, datefloor or "
                        "dateceil");
    case EX_LIST:
        return cc_error(c, e->span, "a [list] can only follow in");
    case EX_FIELD:
        return cx_field(c, e->name, e->span, out);
    case EX_CALL:
        return compile_call(c, e, out);
    case EX_ACCESS: {
        struct cexpr base;
        if (cx_expr(c, e->args[0], &base))
            return -1;
        if (e->name) {
            out->sql = fmt(c, "tq_jsonget(%s, %s)", base.sql, cx_quote(c, e->name));
        } else {
            struct cexpr idx;
            if (cx_expr(c, e->args[1], &idx))
                return -1;
            out->sql = fmt(c, "tq_jsonget(%s, %s)", base.sql, idx.sql);
        }
        return 0;
    }
    case EX_UNARY:
        if (e->op == OP_NEG) {
            struct cexpr a;
            if (cx_expr(c, e->args[0], &a))
                return -1;
            out->sql = fmt(c, "tq_neg(%s)", a.sql);
            out->type = VT_NUM;
            return 0;
        }
        out->type = VT_BOOL;
        return cx_cond(c, e, true, &out->sql);
    case EX_BINARY:
        if (arith_func(e->op)) {
            struct cexpr a, b;
            if (cx_expr(c, e->args[0], &a) || cx_expr(c, e->args[1], &b))
                return -1;
            out->sql = fmt(c, "%s(%s, %s)", arith_func(e->op), a.sql, b.sql);
            out->type = VT_NUM;
            return 0;
        }
        out->type = VT_BOOL;
        return cx_cond(c, e, true, &out->sql);
    case EX_LIKE:
    case EX_MATCH:
    case EX_IN:
        out->type = VT_BOOL;
        return cx_cond(c, e, true, &out->sql);
    }
    return cc_error(c, e->span, "unsupported expression");
}

/* Every compiled node is checked against SQLite's limits on its way up, so
 * an error names the smallest part of the query that is too deep. */
int cx_cond(struct cctx *c, const struct expr *e, bool strict, const char **sql)
{
    return cond_node(c, e, strict, sql) || cx_check_sql(c, e, *sql) ? -1 : 0;
}

int cx_expr(struct cctx *c, const struct expr *e, struct cexpr *out)
{
    return expr_node(c, e, out) || cx_check_sql(c, e, out->sql) ? -1 : 0;
}
