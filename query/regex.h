/*
 * regex.h — every use of PCRE2 in trailq goes through here.
 *
 * A `struct rx` is one compiled pattern (UTF, invalid UTF tolerated in
 * subjects, JIT-compiled when the library allows) together with what it
 * needs to run: a match context carrying its limits, a JIT stack, and match
 * data that remembers the first match in the last subject it was asked
 * about. Several tq_rxgroup() calls on the same row (one per group of a
 * `parse`) therefore run the regex once.
 *
 * Limits. A reasonable regex never stops on a stack: the JIT stack starts
 * at 1 MiB and is replaced by one 8 times larger whenever a match runs out
 * of it, up to RX_JIT_STACK_MAX; past that (or when JIT is not available)
 * the match runs again in PCRE2's interpreter, whose frames live on the
 * heap (at most RX_HEAP_LIMIT_KIB). A pathological regex fails the
 * statement within seconds, whatever the number of rows:
 *
 *   - one match may take RX_MATCH_LIMIT backtracking steps (exponential
 *     backtracking on one value stops there at once);
 *   - the regexes of one statement share a time budget (struct rx_budget):
 *     RX_TIME_BASE_NS, plus RX_TIME_PER_BYTE_NS for each byte of each
 *     value searched, so a regex that works in time linear in its values
 *     never runs out of it, while one that is slow on every row (a few
 *     million steps each, under the step limit) or quadratic in its value
 *     (PCRE2 counts a possessive loop as one step) does. Matches are timed
 *     with the thread's CPU-time clock (so the load of other programs
 *     never makes a query fail): every match on a value of
 *     RX_LONG_SUBJECT bytes or more, also from inside the match (a callout
 *     at each position a match is tried from), the first RX_TIME_FIRST of
 *     a statement, then one in RX_TIME_SAMPLE of the shorter ones at
 *     random, counted RX_TIME_SAMPLE times, which keeps the clock out of
 *     the cost of ordinary matches.
 *
 * Lifetime: an rx is reference-counted. The SQL layer keeps one reference in
 * each statement's auxdata slot (compile once per statement) and one in a
 * small per-connection cache (`struct rx_cache`, kept as the user data of the
 * regex functions), so call sites with the same pattern share one rx and its
 * remembered match. Nothing here is global; a connection is used by one
 * thread at a time, which is all the sharing needs.
 *
 * The compiler uses the stateless helpers: rx_check() to validate a /regex/
 * literal, rx_group_names() for `parse /(?<a>..)/`, rx_glob_to_pcre() for
 * `parse "glob"`.
 *
 * Error messages written into caller buffers are complete sentences without
 * the "regex:" prefix; the SQL layer adds it (rx_sql_error()).
 */
#ifndef TRAILQ_REGEX_H
#define TRAILQ_REGEX_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

enum {
    RX_MSG_MAX = 256,               /* enough for any PCRE2 message plus offset */
    RX_MATCH_LIMIT = 10000000,      /* backtracking steps of one match */
    RX_HEAP_LIMIT_KIB = 256 * 1024, /* the interpreter's frames, per match */
    RX_LONG_SUBJECT = 16 * 1024,    /* values timed from inside the match */
    RX_TIME_SAMPLE = 16,            /* one shorter match in this many is timed ... */
    RX_TIME_FIRST = 256,            /* ... after the first ones of a statement, all timed */
};
#define RX_JIT_STACK_MAX ((size_t)256 << 20)  /* the largest JIT stack, per pattern */
#define RX_TIME_BASE_NS 1000000000LL          /* a statement's regexes may run 1 s ... */
#define RX_TIME_PER_BYTE_NS 100LL             /* ... plus 100 ns per byte searched */

/* The regex time of one statement (see above); reset when a statement
 * starts. */
struct rx_budget {
    long long left_ns;              /* time its regexes may still take */
    unsigned long long matches;     /* matches so far */
    unsigned long long rng;         /* xorshift state choosing the timed matches */
};

void rx_budget_reset(struct rx_budget *b);

/* ---- compile-time helpers for the query compiler ---- */

/* Is pattern[0..len) a valid PCRE2 pattern under trailq's flags? Returns 0,
 * or -1 with PCRE2's message in msg (always NUL-terminated) and the byte
 * offset in the pattern where the error was found in *offset (may be NULL). */
int rx_check(const char *pattern, size_t len, char *msg, size_t msgsize, size_t *offset);

/* One named capture group. */
struct rx_group_name {
    char *name;   /* NUL-terminated group name, owned by the array */
    int number;   /* its capture group number, 1-based */
};

/* The named groups of a pattern, in increasing group number (a name used
 * for several groups under (?J) appears once per group), and the total
 * number of capture groups (named or not) in *n_captures.
 * On success returns 0 and *names is a new array of *n_names entries (NULL
 * when there are none) that the caller frees with rx_group_names_free().
 * On a pattern error returns -1 with msg/offset filled as by rx_check(). */
int rx_group_names(const char *pattern, size_t len, struct rx_group_name **names,
                   size_t *n_names, int *n_captures, char *msg, size_t msgsize,
                   size_t *offset);
void rx_group_names_free(struct rx_group_name *names, size_t n_names);

/* Append to out the PCRE2 pattern for an Insights `parse` glob: "(?s)", then
 * the glob with every literal character escaped, each `*` a capture group,
 * lazy "(.*?)" except a `*` that ends the glob, which is greedy "(.*)". The
 * result is meant for an unanchored search. */
void rx_glob_to_pcre(const char *glob, size_t n, struct strbuf *out);

/* Insights allows group names that start with '@' ((?<@transId>...)),
 * PCRE2 does not: append pattern to out with each "(?<@" written
 * "(?<tq_at_". rx_at_group_rest() turns such a name back. */
void rx_rename_at_groups(const char *pattern, struct strbuf *out);
/* For a group name renamed by rx_rename_at_groups(): the name after its
 * '@' ("transId" for "tq_at_transId"); NULL for any other name. */
const char *rx_at_group_rest(const char *name);

/* ---- compiled patterns ---- */

struct rx;

/* Compile pattern[0..len). Returns a new rx holding one reference, or NULL
 * with "<message> at offset N" in msg. */
struct rx *rx_compile(const char *pattern, size_t len, char *msg, size_t msgsize);
void rx_ref(struct rx *rx);
/* Drop one reference (void * so it can be an SQLite destructor); the last
 * one frees the rx. NULL is allowed. */
void rx_unref(void *rx);

/* Does the rx hold exactly this source pattern? */
bool rx_is_pattern(const struct rx *rx, const char *pattern, size_t len);

/* The source pattern (owned by the rx); *len gets its length. */
const char *rx_pattern(const struct rx *rx, size_t *len);

/* Number of capture groups (not counting group 0). */
int rx_capture_count(const struct rx *rx);

/* First match in s[0..n): returns 1 (matched), 0 (no match) or -1 (match
 * error such as a spent budget, message in msg). b is the statement's
 * budget (NULL: untimed). The result is remembered with a copy of the
 * subject: asking again about the same bytes does not run the regex. */
int rx_first(struct rx *rx, struct rx_budget *b, const char *s, size_t n, char *msg,
             size_t msgsize);

/* After rx_first() returned 1: the byte span [*start, *end) of group g of
 * the remembered match (0 = whole match). false if g does not exist or did
 * not take part in the match. */
bool rx_first_group(const struct rx *rx, int g, size_t *start, size_t *end);

/* Same, with the group given by name (name[0..n)). With duplicate names the
 * first group of that name that took part wins. */
bool rx_first_named(const struct rx *rx, const char *name, size_t n, size_t *start, size_t *end);

/* ---- scanning all matches of a subject (tq_matches) ---- */

/* Iteration state: its own match data and position, so scanning does not
 * disturb the remembered first match. Holds a reference to its rx. */
struct rx_scan;

/* Start scanning s[0..n) (not copied: s must stay valid while scanning),
 * drawing on budget b (may be NULL, as for rx_first). */
struct rx_scan *rx_scan_new(struct rx *rx, struct rx_budget *b, const char *s, size_t n);
void rx_scan_free(struct rx_scan *sc);

/* Next non-overlapping match, left to right; an empty match is retried as
 * non-empty at the same place and otherwise the scan advances one
 * character (as PCRE2's pcre2demo does). Returns 1, 0 (no more) or -1 (match
 * error, message in msg). */
int rx_scan_next(struct rx_scan *sc, char *msg, size_t msgsize);

/* Group g of the current match, as for rx_first_group(). */
bool rx_scan_group(const struct rx_scan *sc, int g, size_t *start, size_t *end);

/* Append to out the current match as a compact JSON object: every group
 * number that took part as a string key ("1", "2", ...) and then every group
 * name (once, first participating group of that name), each mapped to the
 * captured text. */
void rx_scan_groups_json(const struct rx_scan *sc, struct strbuf *out);

/* ---- per-connection cache and SQL glue ---- */

/* A small most-recently-used cache of compiled patterns, keyed by pattern
 * bytes, and the budget of the statement running on the connection;
 * reference-counted so several SQLite registrations can share it (each
 * holds a reference and releases it from its destructor). */
struct rx_cache;

struct rx_cache *rx_cache_new(void);        /* one reference, the caller's */
void rx_cache_ref(struct rx_cache *c);
void rx_cache_unref(void *c);               /* SQLite destructor form */

/* The compiled pattern for these bytes, from the cache or compiled (and
 * cached) now. Returns a new reference, or NULL with the message as by
 * rx_compile(). */
struct rx *rx_cache_get(struct rx_cache *c, const char *pattern, size_t len, char *msg,
                        size_t msgsize);

/* The budget of the connection's current statement (NULL for a NULL cache). */
struct rx_budget *rx_cache_budget(struct rx_cache *c);

/* The compiled pattern of SQL argument `arg` (TEXT; numbers by their text):
 * from the call site's auxdata when it holds this pattern, else from cache
 * (may be NULL: compile without caching). Returns a reference the caller
 * must pass to rx_sql_release() when done with it. Returns NULL when the
 * argument is NULL (nothing set) or the pattern does not compile (then the
 * statement's error "regex: <message> at offset N" is set, and *failed is
 * true). */
struct rx *rx_sql_pattern(sqlite3_context *ctx, struct rx_cache *cache, sqlite3_value **argv,
                          int arg, bool *failed);

/* Give up the reference from rx_sql_pattern(): it is stored in the call
 * site's auxdata for the next row when it did not come from there. */
void rx_sql_release(sqlite3_context *ctx, int arg, struct rx *rx);

/* Fail the statement with "regex: <msg>". */
void rx_sql_error(sqlite3_context *ctx, const char *msg);

/* A match of rx failed: "regex: <msg> in /<pattern>/", the form
 * compile_runtime_error() (compile.h) maps back to the query. */
void rx_sql_match_error(sqlite3_context *ctx, const struct rx *rx, const char *msg);
/* The same text, for a virtual table's error (sqlite3_mprintf'd). */
char *rx_match_error_text(const struct rx *rx, const char *msg);

#endif
