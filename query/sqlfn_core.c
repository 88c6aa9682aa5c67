/*
 * sqlfn_core.c — the SQL functions behind Insights operators: arithmetic
 * (tq_add .. tq_pow), comparisons (tq_eq .. tq_ge), `like`, `=~`, `in`,
 * truthiness, and the regex helpers the compiler uses for `parse`
 * (tq_rxgroup for one group of the first match, the table-valued function
 * tq_matches for `parse ... multi`).
 *
 * Value rules are those of sqlfn.h: NULL is missing; arithmetic on a
 * missing or non-numeric operand is NULL; every boolean is INTEGER 1/0 and a
 * test with a missing operand is 0, negated forms included.
 *
 * The regex functions share one per-connection pattern cache (regex.h),
 * given to SQLite as their user data, so that tq_rxgroup(s, p, 1) and
 * tq_rxgroup(s, p, 2) in one statement reuse one compiled pattern and one
 * match of s.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "query/regex.h"
#include "query/rterror.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* ---- comparisons ---- */

/* Exact comparison of an integer with a double (no rounding of i). */
static int cmp_int_double(long long i, double d)
{
    if (d >= 9223372036854775808.0)
        return -1;
    if (d < -9223372036854775808.0)
        return 1;
    double t = trunc(d);
    long long ti = (long long)t;
    if (i != ti)
        return i < ti ? -1 : 1;
    double frac = d - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c != 0)
        return c < 0 ? -1 : 1;
    return (an > bn) - (an < bn);
}

bool sqlfn_compare(sqlite3_value *a, sqlite3_value *b, int *cmp)
{
    if (sqlite3_value_type(a) == SQLITE_NULL || sqlite3_value_type(b) == SQLITE_NULL)
        return false;
    double da, db;
    long long ia, ib;
    bool inta, intb;
    if (sqlfn_value_number(a, &da, &ia, &inta) && sqlfn_value_number(b, &db, &ib, &intb)) {
        if (inta && intb)
            *cmp = (ia > ib) - (ia < ib);
        else if (inta)
            *cmp = cmp_int_double(ia, db);
        else if (intb)
            *cmp = -cmp_int_double(ib, da);
        else
            *cmp = (da > db) - (da < db);
        return true;
    }
    char ba[NUMFMT_MAX], bb[NUMFMT_MAX];
    size_t an, bn;
    const char *sa = sqlfn_value_text(a, &an, ba);
    const char *sb = sqlfn_value_text(b, &bn, bb);
    *cmp = cmp_bytes(sa, an, sb, bn);
    return true;
}

enum cmp_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

static void compare_result(sqlite3_context *ctx, sqlite3_value **argv, enum cmp_op op)
{
    int c;
    int r = 0;
    if (sqlfn_compare(argv[0], argv[1], &c)) {
        switch (op) {
        case OP_EQ: r = c == 0; break;
        case OP_NE: r = c != 0; break;
        case OP_LT: r = c < 0; break;
        case OP_LE: r = c <= 0; break;
        case OP_GT: r = c > 0; break;
        case OP_GE: r = c >= 0; break;
        }
    }
    sqlite3_result_int(ctx, r);
}

static void fn_eq(sqlite3_context *ctx, int argc, sqlite3_value **argv) { compare_result(ctx, argv, OP_EQ); }
static void fn_ne(sqlite3_context *ctx, int argc, sqlite3_value **argv) { compare_result(ctx, argv, OP_NE); }
static void fn_lt(sqlite3_context *ctx, int argc, sqlite3_value **argv) { compare_result(ctx, argv, OP_LT); }
static void fn_le(sqlite3_context *ctx, int argc, sqlite3_value **argv) { compare_result(ctx, argv, OP_LE); }
static void fn_gt(sqlite3_context *ctx, int argc, sqlite3_value **argv) { compare_result(ctx, argv, OP_GT); }
static void fn_ge(sqlite3_context *ctx, int argc, sqlite3_value **argv) { compare_result(ctx, argv, OP_GE); }

/* tq_in(x, v1, ..., vn): x equals some vi. */
static bool in_list(int argc, sqlite3_value **argv)
{
    int c;
    for (int k = 1; k < argc; k++) {
        if (sqlfn_compare(argv[0], argv[k], &c) && c == 0)
            return true;
    }
    return false;
}

static void fn_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, argc >= 1 && in_list(argc, argv));
}

static void fn_nin(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, argc >= 1 && sqlite3_value_type(argv[0]) != SQLITE_NULL &&
                                !in_list(argc, argv));
}

/* ---- arithmetic ---- */

/* A REAL result; NaN and infinities are missing. */
static void result_double(sqlite3_context *ctx, double d)
{
    if (isnan(d) || isinf(d))
        sqlite3_result_null(ctx);
    else
        sqlite3_result_double(ctx, d);
}

static void fn_num(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double d;
    long long i;
    bool is_int;
    if (!sqlfn_value_number(argv[0], &d, &i, &is_int))
        return; /* NULL */
    if (is_int)
        sqlite3_result_int64(ctx, i);
    else
        sqlfn_result_number(ctx, d);
}

/* Both operands as numbers; false (result stays NULL) unless both are. */
static bool two_numbers(sqlite3_value **argv, double *da, long long *ia, bool *inta, double *db,
                        long long *ib, bool *intb)
{
    return sqlfn_value_number(argv[0], da, ia, inta) && sqlfn_value_number(argv[1], db, ib, intb);
}

enum arith_op { AR_ADD, AR_SUB, AR_MUL };

static void arith(sqlite3_context *ctx, sqlite3_value **argv, enum arith_op op)
{
    double da, db;
    long long ia, ib, r;
    bool inta, intb;
    if (!two_numbers(argv, &da, &ia, &inta, &db, &ib, &intb))
        return;
    if (inta && intb) {
        bool ovf = op == AR_ADD   ? __builtin_add_overflow(ia, ib, &r)
                   : op == AR_SUB ? __builtin_sub_overflow(ia, ib, &r)
                                  : __builtin_mul_overflow(ia, ib, &r);
        if (!ovf) {
            sqlite3_result_int64(ctx, r);
            return;
        }
    }
    result_double(ctx, op == AR_ADD ? da + db : op == AR_SUB ? da - db : da * db);
}

static void fn_add(sqlite3_context *ctx, int argc, sqlite3_value **argv) { arith(ctx, argv, AR_ADD); }
static void fn_sub(sqlite3_context *ctx, int argc, sqlite3_value **argv) { arith(ctx, argv, AR_SUB); }
static void fn_mul(sqlite3_context *ctx, int argc, sqlite3_value **argv) { arith(ctx, argv, AR_MUL); }

static void fn_neg(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double d;
    long long i;
    bool is_int;
    if (!sqlfn_value_number(argv[0], &d, &i, &is_int))
        return;
    if (is_int && i != LLONG_MIN)
        sqlite3_result_int64(ctx, -i);
    else
        result_double(ctx, -d);
}

static void fn_div(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double da, db;
    long long ia, ib;
    bool inta, intb;
    if (!two_numbers(argv, &da, &ia, &inta, &db, &ib, &intb) || db == 0)
        return;
    /* An exact integer quotient stays exact beyond 2^53. */
    if (inta && intb && !(ia == LLONG_MIN && ib == -1) && ia % ib == 0) {
        sqlite3_result_int64(ctx, ia / ib);
        return;
    }
    sqlfn_result_number(ctx, da / db);
}

static void fn_mod(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double da, db;
    long long ia, ib;
    bool inta, intb;
    if (!two_numbers(argv, &da, &ia, &inta, &db, &ib, &intb) || db == 0)
        return;
    if (inta && intb)
        sqlite3_result_int64(ctx, ib == -1 ? 0 : ia % ib); /* LLONG_MIN % -1 is UB */
    else
        result_double(ctx, fmod(da, db));
}

static void fn_pow(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double da, db;
    long long ia, ib;
    bool inta, intb;
    if (!two_numbers(argv, &da, &ia, &inta, &db, &ib, &intb))
        return;
    sqlfn_result_number(ctx, pow(da, db));
}

/* ---- truthiness, like ---- */

static void fn_truthy(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double d;
    int r;
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_NULL:
        r = 0;
        break;
    case SQLITE_INTEGER:
        r = sqlite3_value_int64(argv[0]) != 0;
        break;
    default:
        /* REAL, numeric text and 'true'/'false' by value; other text and
         * blobs by being non-empty. */
        if (sqlfn_value_number(argv[0], &d, NULL, NULL))
            r = d != 0;
        else
            r = sqlite3_value_bytes(argv[0]) > 0;
    }
    sqlite3_result_int(ctx, r);
}

/* Does s contain lit (text forms)? -1 when either is missing. */
static int contains(sqlite3_value **argv)
{
    char bs[NUMFMT_MAX], bl[NUMFMT_MAX];
    size_t sn, ln;
    const char *s = sqlfn_value_text(argv[0], &sn, bs);
    const char *lit = sqlfn_value_text(argv[1], &ln, bl);
    if (!s || !lit)
        return -1;
    if (ln == 0)
        return 1;
    return memmem(s, sn, lit, ln) != NULL;
}

static void fn_like(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, contains(argv) == 1);
}

static void fn_nlike(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, contains(argv) == 0);
}

/* ---- regex ---- */

/* First match of pattern argv[1] in subject argv[0]: 1, 0, -1 when the
 * subject or pattern is missing, -2 after an error (already set). *rxp
 * receives the pattern reference for rx_sql_release (may be NULL). *subj
 * (may be NULL) receives the subject text, which may live in the caller's
 * num buffer. */
static int regex_first(sqlite3_context *ctx, sqlite3_value **argv, struct rx **rxp,
                       const char **subj, char num[NUMFMT_MAX])
{
    *rxp = NULL;
    size_t n;
    const char *s = sqlfn_value_text(argv[0], &n, num);
    if (!s)
        return -1;
    bool failed;
    struct rx *rx = rx_sql_pattern(ctx, sqlite3_user_data(ctx), argv, 1, &failed);
    if (!rx)
        return failed ? -2 : -1;
    *rxp = rx;
    char msg[RX_MSG_MAX];
    int rc = rx_first(rx, rx_cache_budget(sqlite3_user_data(ctx)), s, n, msg, sizeof msg);
    if (rc < 0) {
        rx_sql_match_error(ctx, rx, msg);
        return -2;
    }
    if (subj)
        *subj = s;
    return rc;
}

static void fn_regex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct rx *rx;
    char num[NUMFMT_MAX];
    int rc = regex_first(ctx, argv, &rx, NULL, num);
    if (rc != -2)
        sqlite3_result_int(ctx, rc == 1);
    rx_sql_release(ctx, 1, rx);
}

static void fn_nregex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct rx *rx;
    char num[NUMFMT_MAX];
    int rc = regex_first(ctx, argv, &rx, NULL, num);
    if (rc != -2)
        sqlite3_result_int(ctx, rc == 0);
    rx_sql_release(ctx, 1, rx);
}

/* tq_rxgroup(subject, pattern, group): the text of a group of the first
 * match. The subject text is the remembered copy's equal, so offsets into
 * it are valid. */
static void fn_rxgroup(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct rx *rx;
    const char *s = NULL;
    char num[NUMFMT_MAX];
    int rc = regex_first(ctx, argv, &rx, &s, num);
    if (rc == 1) {
        size_t a = 0, b = 0;
        bool found = false;
        switch (sqlite3_value_type(argv[2])) {
        case SQLITE_INTEGER: {
            long long g = sqlite3_value_int64(argv[2]);
            found = g >= 0 && g <= INT_MAX && rx_first_group(rx, (int)g, &a, &b);
            break;
        }
        case SQLITE_TEXT:
            found = rx_first_named(rx, (const char *)sqlite3_value_text(argv[2]),
                                   (size_t)sqlite3_value_bytes(argv[2]), &a, &b);
            break;
        default:
            break;
        }
        if (found)
            sqlite3_result_text(ctx, s + a, (int)(b - a), SQLITE_TRANSIENT);
    }
    rx_sql_release(ctx, 1, rx);
}

/* ---- tq_matches(subject, pattern): one row per match ---- */

enum { MCOL_IDX, MCOL_GROUPS, MCOL_SUBJECT, MCOL_PATTERN };

struct matches_vtab {
    sqlite3_vtab base;        /* SQLite's part; must be first */
    struct rx_cache *cache;   /* the connection's pattern cache (not owned) */
};

struct matches_cursor {
    sqlite3_vtab_cursor base; /* SQLite's part; must be first */
    struct rx *rx;            /* pattern of the current scan (one reference) */
    struct rx_scan *scan;     /* NULL when there is no subject */
    char *subject;            /* copy of the subject text */
    size_t subject_len;       /* its length */
    sqlite3_int64 idx;        /* 0-based number of the current match */
    struct strbuf groups;     /* JSON object of the current match */
    bool eof;                 /* no current row */
};

static int matches_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                           sqlite3_vtab **out, char **err)
{
    int rc = sqlite3_declare_vtab(
        db, "CREATE TABLE x(idx INTEGER, groups TEXT, subject HIDDEN, pattern HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    struct matches_vtab *vt = sqlite3_malloc(sizeof *vt);
    if (!vt)
        return SQLITE_NOMEM;
    memset(vt, 0, sizeof *vt);
    vt->cache = aux;
    *out = &vt->base;
    return SQLITE_OK;
}

static int matches_disconnect(sqlite3_vtab *vt)
{
    sqlite3_free(vt);
    return SQLITE_OK;
}

/* Both hidden columns must be given by equality (they are the function's
 * arguments); a plan where one is not yet usable is refused. */
static int matches_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
    int arg_at[2] = {-1, -1};
    bool unusable = false;
    for (int k = 0; k < info->nConstraint; k++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[k];
        if (c->iColumn < MCOL_SUBJECT || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        if (!c->usable)
            unusable = true;
        else
            arg_at[c->iColumn - MCOL_SUBJECT] = k;
    }
    if (arg_at[0] < 0 || arg_at[1] < 0) {
        if (unusable)
            return SQLITE_CONSTRAINT;
        info->idxNum = 0; /* arguments missing: no rows */
        info->estimatedCost = 1e9;
        return SQLITE_OK;
    }
    for (int j = 0; j < 2; j++) {
        info->aConstraintUsage[arg_at[j]].argvIndex = j + 1;
        info->aConstraintUsage[arg_at[j]].omit = 1;
    }
    info->idxNum = 1;
    info->estimatedCost = 10;
    info->estimatedRows = 10;
    return SQLITE_OK;
}

static int matches_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
    struct matches_cursor *cur = sqlite3_malloc(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    memset(cur, 0, sizeof *cur);
    cur->eof = true;
    *out = &cur->base;
    return SQLITE_OK;
}

static void matches_reset(struct matches_cursor *cur)
{
    rx_scan_free(cur->scan);
    cur->scan = NULL;
    free(cur->subject);
    cur->subject = NULL;
    cur->subject_len = 0;
    cur->eof = true;
}

static int matches_close(sqlite3_vtab_cursor *c)
{
    struct matches_cursor *cur = (struct matches_cursor *)c;
    matches_reset(cur);
    rx_unref(cur->rx);
    sb_free(&cur->groups);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int matches_fail(struct matches_cursor *cur, const char *msg)
{
    sqlite3_vtab *vt = cur->base.pVtab;
    sqlite3_free(vt->zErrMsg);
    vt->zErrMsg = sqlite3_mprintf(RTERROR_REGEX_PREFIX "%s", msg);
    cur->eof = true;
    return SQLITE_ERROR;
}

/* Move to the next match. */
static int matches_step(struct matches_cursor *cur)
{
    char msg[RX_MSG_MAX];
    int rc = rx_scan_next(cur->scan, msg, sizeof msg);
    if (rc < 0) {
        sqlite3_vtab *vt = cur->base.pVtab;
        sqlite3_free(vt->zErrMsg);
        vt->zErrMsg = rx_match_error_text(cur->rx, msg);
        cur->eof = true;
        return SQLITE_ERROR;
    }
    if (rc == 0) {
        cur->eof = true;
        return SQLITE_OK;
    }
    cur->idx++;
    sb_reset(&cur->groups);
    rx_scan_groups_json(cur->scan, &cur->groups);
    return SQLITE_OK;
}

static int matches_filter(sqlite3_vtab_cursor *c, int idx_num, const char *idx_str, int argc,
                          sqlite3_value **argv)
{
    struct matches_cursor *cur = (struct matches_cursor *)c;
    struct matches_vtab *vt = (struct matches_vtab *)c->pVtab;
    matches_reset(cur);
    cur->idx = -1;
    if (idx_num != 1 || argc != 2)
        return SQLITE_OK;
    char nb[NUMFMT_MAX], pb[NUMFMT_MAX];
    size_t sn, pn;
    const char *s = sqlfn_value_text(argv[0], &sn, nb);
    const char *pat = sqlfn_value_text(argv[1], &pn, pb);
    if (!s || !pat)
        return SQLITE_OK;
    if (!cur->rx || !rx_is_pattern(cur->rx, pat, pn)) {
        char msg[RX_MSG_MAX];
        rx_unref(cur->rx);
        cur->rx = vt->cache ? rx_cache_get(vt->cache, pat, pn, msg, sizeof msg)
                            : rx_compile(pat, pn, msg, sizeof msg);
        if (!cur->rx)
            return matches_fail(cur, msg);
    }
    cur->subject = xstrndup(s, sn);
    cur->subject_len = sn;
    cur->scan = rx_scan_new(cur->rx, rx_cache_budget(vt->cache), cur->subject, sn);
    cur->eof = false;
    return matches_step(cur);
}

static int matches_next(sqlite3_vtab_cursor *c)
{
    return matches_step((struct matches_cursor *)c);
}

static int matches_eof(sqlite3_vtab_cursor *c)
{
    return ((struct matches_cursor *)c)->eof;
}

static int matches_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
    struct matches_cursor *cur = (struct matches_cursor *)c;
    switch (col) {
    case MCOL_IDX:
        sqlite3_result_int64(ctx, cur->idx);
        break;
    case MCOL_GROUPS:
        sqlite3_result_text(ctx, sb_str(&cur->groups), (int)cur->groups.len, SQLITE_TRANSIENT);
        break;
    case MCOL_SUBJECT:
        if (cur->scan)
            sqlite3_result_text(ctx, cur->subject, (int)cur->subject_len, SQLITE_TRANSIENT);
        break;
    default:
        if (cur->scan) {
            size_t pn;
            const char *pat = rx_pattern(cur->rx, &pn);
            sqlite3_result_text(ctx, pat, (int)pn, SQLITE_TRANSIENT);
        }
        break;
    }
    return SQLITE_OK;
}

static int matches_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
    *rowid = ((struct matches_cursor *)c)->idx;
    return SQLITE_OK;
}

static const sqlite3_module matches_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous-only: usable as tq_matches(...), never CREATE VIRTUAL TABLE */
    .xConnect = matches_connect,
    .xBestIndex = matches_best_index,
    .xDisconnect = matches_disconnect,
    .xDestroy = NULL,
    .xOpen = matches_open,
    .xClose = matches_close,
    .xFilter = matches_filter,
    .xNext = matches_next,
    .xEof = matches_eof,
    .xColumn = matches_column,
    .xRowid = matches_rowid,
};

/* ---- registration ---- */

static const struct sqlfn_entry core_fns[] = {
    {"tq_num", 1, 0, fn_num},
    {"tq_add", 2, 0, fn_add},
    {"tq_sub", 2, 0, fn_sub},
    {"tq_mul", 2, 0, fn_mul},
    {"tq_neg", 1, 0, fn_neg},
    {"tq_div", 2, 0, fn_div},
    {"tq_mod", 2, 0, fn_mod},
    {"tq_pow", 2, 0, fn_pow},
    {"tq_eq", 2, 0, fn_eq},
    {"tq_ne", 2, 0, fn_ne},
    {"tq_lt", 2, 0, fn_lt},
    {"tq_le", 2, 0, fn_le},
    {"tq_gt", 2, 0, fn_gt},
    {"tq_ge", 2, 0, fn_ge},
    {"tq_like", 2, 0, fn_like},
    {"tq_nlike", 2, 0, fn_nlike},
    {"tq_in", -1, 0, fn_in},
    {"tq_nin", -1, 0, fn_nin},
    {"tq_truthy", 1, 0, fn_truthy},
};

/* Functions that take the connection's pattern cache (and budget) as user
 * data. */
static const struct sqlfn_entry regex_fns[] = {
    {"tq_regex", 2, 0, fn_regex},
    {"tq_nregex", 2, 0, fn_nregex},
    {"tq_rxgroup", 3, 0, fn_rxgroup},
    {"tq_regexreplace", 3, 0, sqlfn_regexreplace},
};

/* A statement starts: its regexes get a full budget (regex.h). */
static int statement_starts(unsigned type, void *cache, void *stmt, void *sql)
{
    rx_budget_reset(rx_cache_budget(cache));
    return 0;
}

int sqlfn_register_core(sqlite3 *db)
{
    int rc = sqlfn_register_table(db, core_fns, sizeof core_fns / sizeof core_fns[0]);
    if (rc != SQLITE_OK)
        return rc;
    /* Every registration holds a reference to the cache and drops it from
     * its destructor, which SQLite also calls when registration fails. */
    struct rx_cache *cache = rx_cache_new();
    for (size_t k = 0; rc == SQLITE_OK && k < sizeof regex_fns / sizeof regex_fns[0]; k++) {
        rx_cache_ref(cache);
        rc = sqlite3_create_function_v2(db, regex_fns[k].name, regex_fns[k].n_args,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        cache, regex_fns[k].fn, NULL, NULL, rx_cache_unref);
    }
    if (rc == SQLITE_OK) {
        rx_cache_ref(cache);
        rc = sqlite3_create_module_v2(db, "tq_matches", &matches_module, cache, rx_cache_unref);
    }
    /* The functions' references keep the cache as long as the connection:
     * the trace hook (the connection's only one) may use it as long. */
    if (rc == SQLITE_OK)
        rc = sqlite3_trace_v2(db, SQLITE_TRACE_STMT, statement_starts, cache);
    rx_cache_unref(cache);
    return rc;
}
