/*
 * sqlfn.h — the SQL functions and collation that implement Insights
 * semantics inside SQLite.
 *
 * The compiler (compile.c) turns every Insights operator and function into
 * calls of these. sqlfn_register() installs them all on a connection from
 * static tables, checking every return code; they are flagged
 * SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS where that is true (not now()).
 *
 * Value conventions shared by every function here (docs/language.md,
 * #fields-and-values and #functions):
 *   - SQL NULL is "missing". Unless a function says otherwise, a missing
 *     argument gives a missing result.
 *   - Numbers are SQLite INTEGER or REAL. A TEXT value "parses as a number"
 *     when the whole string is an optional sign, digits, an optional
 *     fraction and an optional exponent (no spaces, no hex): "200", "-1.5",
 *     "2e3". JSON booleans are stored as TEXT 'true' / 'false' and count as
 *     1 / 0 wherever a number is needed.
 *   - Booleans produced by functions and operators are INTEGER 1 / 0, never
 *     NULL: a comparison with a missing operand is 0.
 *   - Timestamps are INTEGER milliseconds since the epoch (UTC).
 *   - Numbers are turned into text exactly as output does (numfmt.h), so
 *     concat(1.5, "x") is "1.5x" and strlen(100) is 3.
 *   - Regex arguments are PCRE2 patterns compiled once per statement
 *     (sqlite3_get_auxdata / set_auxdata) with match limits set. A bad
 *     pattern fails the statement with an error message that begins
 *     "regex:" (query/rterror.h) so cmd/ can map it back to the query.
 *
 * The Insights sort order (docs/language.md#sort-order) is available three ways
 * that always agree: the collation INSIGHTS (text against text), the C
 * function insights_compare_values() (any two values), and tq_sortkey(x), a BLOB
 * whose memcmp order is that order (ORDER BY uses it).
 */
#ifndef TRAILQ_SQLFN_H
#define TRAILQ_SQLFN_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* Install every function and the INSIGHTS collation. Returns SQLITE_OK or
 * the first failing code. */
int sqlfn_register(sqlite3 *db);

/* Does the text parse completely as a number (rule above)? On success
 * stores the value; *is_int tells whether it is an integer that fits int64. */
bool sqlfn_text_to_number(const char *s, size_t n, double *d, long long *i, bool *is_int);

/* Insights' string ordering (docs/language.md#sort-order) for two texts: <0, 0, >0.
 * Values made only of digits sort after all others and compare by value;
 * other values compare chunk by chunk (digit runs by length, then value;
 * other runs by code point). */
int insights_compare_text(const char *a, size_t an, const char *b, size_t bn);

/* The same order for any two values (collate.c): INTEGER and REAL values
 * and TEXT made only of digits are "number values", which sort after all
 * others and compare by value, exactly (digit strings of any length
 * included); everything else compares by its text under
 * insights_compare_text(). A NULL sorts after everything (two NULLs are
 * equal). Returns <0, 0, >0; for non-NULL values it agrees with the memcmp
 * order of tq_sortkey() (which is NULL for NULL). */
int insights_compare_values(sqlite3_value *a, sqlite3_value *b);

/* Insights comparison (docs/language.md#comparisons-and-missing-values;
 * sqlfn_core.c), the rule behind = != < <= > >= and `in`: when both values
 * are numbers under the value rules, compare numerically (exactly for two
 * integers, and for an integer against a
 * double); otherwise compare their text forms bytewise, a prefix first.
 * Returns false when either value is NULL; else stores <0, 0, >0 in *cmp. */
bool sqlfn_compare(sqlite3_value *a, sqlite3_value *b, int *cmp);

#endif
