/*
 * compile_limits.c — keeping the SQL a query compiles to inside SQLite's
 * limits, or saying which limit the query hit and where.
 *
 * SQLite refuses SQL that is too deep or too wide for it: its parser has a
 * fixed stack of 100 entries (about 28 nested function calls, fewer in some
 * places), an expression tree may be at most 1000 deep, a result or a table
 * at most 2000 columns wide, an ORDER BY or GROUP BY at most 2000 terms.
 * Without care these surface at run time as "internal error" with no hint
 * of which part of the query is to blame. This file holds the checks the
 * compiler makes instead, each ending in a query error that points at the
 * offending text:
 *
 *   - cx_check_sql(): every compiled expression is measured. Its SQL is
 *     scanned for the nesting of parentheses; an expression nested deeper
 *     than SQL_SAFE_NEST is handed to SQLite's own parser (a private
 *     in-memory connection, padded with the parentheses that stand for the
 *     deepest place an expression is put in the statement), which is the
 *     only exact judge of what it accepts.
 *
 *   - cx_sql_shape() measures SQL for the flattening budget that
 *     compile.c keeps (fit_stage): SQLite merges the chain of CTEs into one
 *     query, substituting each column by its expression and joining the
 *     WHERE clauses of successive stages with AND, so many small stages can
 *     add up to an expression too deep, and a column used twice per stage
 *     doubles in size at every stage. The compiler keeps, for each
 *     generated column, an estimate of the height and size its expression
 *     has once substituted (struct colinfo), and before a stage that would
 *     go over the budget it puts a stage SQLite does not merge through (a
 *     subquery with an OFFSET). Ordinary queries stay far below the budget
 *     and compile to the same SQL as without it.
 *
 *   - cx_check_width(): the columns of the current relation.
 */
#include <sqlite3.h>
#include <string.h>

#include "query/compile_int.h"

/* A paren-nesting depth at or below which an expression always parses: our
 * SQL puts at most 8 parser-stack entries on one level of parentheses, and
 * an expression has 63 entries to itself in the deepest place it goes. */
enum { SQL_SAFE_NEST = 6 };

/* Parentheses that pad a probed expression so that it has no more stack
 * than in the deepest place the compiler puts an expression: a sort key
 * inside tq_sortkey() inside the window of a dedup inside a CTE leaves 63
 * of SQLite's 100 parser-stack entries; a bare "SELECT x" leaves 93. */
enum { PROBE_PADDING = 30 };

/* The largest SQL text one expression may compile to. */
#define SQL_MAX_EXPR_BYTES ((size_t)16 << 20)

/* ---- the shape of an SQL expression ---- */

static bool is_ident_char(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
}

/* An SQL operator keyword (an upper-case word of ours)? */
static bool is_op_word(const char *w, size_t n)
{
    static const char *const words[] = {"AND", "OR",  "NOT",  "IS",   "IN",      "LIKE",
                                        "CASE", "WHEN", "THEN", "ELSE", "BETWEEN", "GLOB"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && memcmp(words[k], w, n) == 0)
            return true;
    return false;
}

void cx_sql_shape(const struct cctx *c, const char *sql, struct sql_shape *out)
{
    /* per open parenthesis: operators seen at its level, tallest child */
    enum { MAX_LEVELS = 256 };
    struct level {
        int ops, child;
    } lv[MAX_LEVELS];
    int depth = 0, max_depth = 0, overflow = 0;
    lv[0] = (struct level){0, 0};
    *out = (struct sql_shape){0};
    const char *p = sql;
    while (*p) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '\'') { /* a literal: '' is a quote inside it */
            p++;
            while (*p && !(*p == '\'' && p[1] != '\''))
                p += *p == '\'' ? 2 : 1;
            if (*p)
                p++;
            continue;
        }
        if (ch == '(') {
            if (depth + 1 < MAX_LEVELS)
                lv[++depth] = (struct level){0, 0};
            else
                overflow++; /* deeper than SQLite parses: counted, not tracked */
            if (depth + overflow > max_depth)
                max_depth = depth + overflow;
            p++;
            continue;
        }
        if (ch == ')') {
            if (overflow > 0) {
                overflow--;
            } else if (depth > 0) {
                int h = 1 + lv[depth].ops + lv[depth].child;
                depth--;
                if (h > lv[depth].child)
                    lv[depth].child = h;
            }
            p++;
            continue;
        }
        if (is_ident_char(ch)) {
            const char *w = p;
            while (is_ident_char((unsigned char)*p))
                p++;
            size_t n = (size_t)(p - w);
            bool qualified = w > sql && w[-1] == '.';
            if (is_op_word(w, n)) {
                lv[depth].ops++;
            } else if (!qualified && n > 1 && w[0] == 'v' && w[1] >= '1' && w[1] <= '9') {
                /* v<N>: a column the compiler made; what it stands for
                 * comes along when SQLite substitutes it */
                size_t k = 0, i = 1;
                while (i < n && w[i] >= '0' && w[i] <= '9' && k < ((size_t)1 << 40))
                    k = k * 10 + (size_t)(w[i++] - '0');
                if (i == n && k < c->n_colinfo) {
                    const struct colinfo *ci = &c->colinfo[k];
                    if (ci->height > out->ref_height)
                        out->ref_height = ci->height;
                    out->ref_weight += ci->weight;
                }
            }
            continue;
        }
        if (strchr("=<>!+-*/%|&~", ch))
            lv[depth].ops++;
        p++;
    }
    while (depth > 0) { /* unbalanced (never for our SQL): close what is open */
        int h = 1 + lv[depth].ops + lv[depth].child;
        depth--;
        if (h > lv[depth].child)
            lv[depth].child = h;
    }
    out->nest = max_depth;
    out->height = 1 + lv[0].ops + lv[0].child;
    out->len = (size_t)(p - sql);
}

/* ---- expressions SQLite can parse ---- */

/* Does SQLite's parser accept sql where the compiler puts an expression?
 * false only for its two nesting errors; any other complaint (unknown
 * columns and functions: the probe database has none) comes after parsing. */
static bool parses(struct cctx *c, const char *sql)
{
    if (!c->probe && sqlite3_open_v2(":memory:", &c->probe,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sqlite3_close(c->probe);
        c->probe = NULL;
        return true; /* cannot ask: leave it to the real statement */
    }
    struct strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "SELECT ");
    for (int i = 0; i < PROBE_PADDING; i++)
        sb_putc(&sb, '(');
    sb_puts(&sb, sql);
    for (int i = 0; i < PROBE_PADDING; i++)
        sb_putc(&sb, ')');
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(c->probe, sb_str(&sb), (int)sb.len, &st, NULL);
    sqlite3_finalize(st);
    sb_free(&sb);
    if (rc == SQLITE_OK)
        return true;
    const char *msg = sqlite3_errmsg(c->probe);
    return !(strstr(msg, "parser stack overflow") || strstr(msg, "Expression tree is too large"));
}

int cx_sql_paren_depth(const char *sql)
{
    int depth = 0, max_depth = 0;
    for (const char *p = sql; *p; p++) {
        if (*p == '\'') {
            p++;
            while (*p && !(*p == '\'' && p[1] != '\''))
                p += *p == '\'' ? 2 : 1;
            if (!*p)
                break;
        } else if (*p == '(' && ++depth > max_depth) {
            max_depth = depth;
        } else if (*p == ')') {
            depth--;
        }
    }
    return max_depth;
}

int cx_check_sql(struct cctx *c, const struct expr *e, const char *sql)
{
    if (!sql)
        return 0;
    size_t len = strlen(sql);
    if (len > SQL_MAX_EXPR_BYTES)
        return cc_error(c, e->span, "expression too large: its SQL would be over %zu MiB",
                        SQL_MAX_EXPR_BYTES >> 20);
    /* a cheap bound first: most expressions nest a few levels */
    if (cx_sql_paren_depth(sql) <= SQL_SAFE_NEST || parses(c, sql))
        return 0;
    return cc_error(c, e->span,
                    "expression nested too deeply for SQLite (its parser takes about 20 levels of "
                    "calls and operators); split it with fields ... as name");
}

void cx_limits_free(struct cctx *c)
{
    sqlite3_close(c->probe);
    c->probe = NULL;
}

int cx_check_width(struct cctx *c, struct span where, const char *what)
{
    if (c->width <= SQL_MAX_COLUMNS)
        return 0;
    return cc_error(c, where,
                    "too many fields: %s would be column %d, and SQLite allows %d (every field "
                    "read or made counts, and 2 more until the first stats)",
                    what, c->width, SQL_MAX_COLUMNS);
}
