/*
 * pattern.h — clustering text values into patterns (the `pattern` command).
 *
 * A pattern miner takes values one at a time and groups them into patterns:
 * templates in which the tokens that vary are shown as placeholders. The
 * algorithm is Drain's fixed-depth prefix tree (He et al., "Drain: An Online
 * Log Parsing Approach with Fixed Depth Tree", ICWS 2017), made
 * deterministic; the rules a user sees are in the man page (QUERY LANGUAGE,
 * pattern) and docs/language.md#pattern:
 *
 *   - A value is split into tokens at runs of whitespace; a token of the
 *     form key=value is split after the first '=' into "key=" and "value",
 *     which are shown joined. Past PAT_MAX_TOKENS the rest of the value is
 *     one last token, shown as <*> when it varies.
 *   - A token whose type is evident (a number, an IPv4 or IPv6 address, a
 *     UUID, a hex id, a timestamp, a date or a time of day) is a value, not
 *     a word: it is always a placeholder. ARNs and URLs are words until they
 *     vary.
 *   - Values are routed by their token count and their first
 *     PAT_TREE_TOKENS tokens (a token with a digit, and any token past
 *     PAT_MAX_CHILDREN distinct ones at a node, takes the wildcard branch),
 *     then compared with the patterns at that leaf: the similarity is the
 *     share of positions where the pattern's word equals the value's token
 *     (or the pattern has a placeholder and the token is a value). The most
 *     similar pattern at or above PAT_SIMILARITY takes the value, the first
 *     made on a tie; positions that differ become placeholders. Otherwise
 *     the value starts a pattern of its own.
 *   - A placeholder is <Type-N>, N counting placeholders from 1 left to
 *     right, Type the one type of every token seen at that position
 *     (Number, IPv4, IPv6, UUID, Hex, Timestamp, Date, Time, ARN, URL), or
 *     Token when they differ or are plain words.
 *   - The severity of a value is the first level word among its tokens
 *     (error, warn, info, debug and their spellings, any case, ignoring
 *     punctuation around it); a pattern's label is the most frequent
 *     severity of its values, the more severe on a tie, "Unknown" without
 *     any.
 *
 * The result depends on the order of the values (as Drain does), and only
 * on it. Memory is bounded by the number of patterns (their templates and
 * the tree nodes on their paths), never by the number of values.
 *
 * Ownership: pat_new returns a miner the caller frees with pat_free; the
 * results pat_finish hands out belong to the miner.
 */
#ifndef TRAILQ_PATTERN_H
#define TRAILQ_PATTERN_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

enum {
    PAT_MAX_TOKENS = 256,   /* tokens per value; the rest is one last token */
    PAT_TREE_TOKENS = 1,    /* leading tokens that route a value in the tree */
    PAT_MAX_CHILDREN = 100, /* distinct tokens per tree node before the wildcard branch */
};

/* Minimum similarity (share of positions that agree) to join a pattern. */
#define PAT_SIMILARITY 0.5

struct pat_miner;

/* One pattern, as pat_finish reports it. */
struct pat_result {
    const char *pattern;   /* the template text (owned by the miner; NUL-terminated, but a
                              value's NUL bytes are kept, so use pattern_len) */
    size_t pattern_len;
    int64_t count;         /* values it took */
    int64_t previous;      /* values it took through pat_add_previous */
    const char *severity;  /* "Error", "Warning", "Info", "Debug" or "Unknown" */
    int64_t first_ms;      /* smallest timestamp given with its values (INT64_MAX: none) */
    int64_t last_ms;       /* largest (INT64_MIN: none) */
    uint32_t id;           /* creation order, from 0 */
    /* after pat_watch: the pattern's anomalies (query/anomaly.h), or NULL */
    const char *anomaly_types;       /* "New pattern, Token variation" */
    const char *anomaly_description; /* one sentence per kind */
    const char *anomaly_priority;    /* "HIGH", "MEDIUM" or "LOW" */
};

struct pat_miner *pat_new(void);
void pat_free(struct pat_miner *m);

/* Keep the statistics the anomaly rules need (query/anomaly.h), for
 * values whose timestamps lie in [t0_ms, t1_ms]. Call before the first
 * value. */
void pat_watch(struct pat_miner *m, int64_t t0_ms, int64_t t1_ms);

/* Add one value of n bytes; ts_ms is its timestamp, or INT64_MIN for none. */
void pat_add(struct pat_miner *m, const char *s, size_t n, int64_t ts_ms);

/* Add a value of the comparison window (`diff`): it is clustered like
 * any other, but counted in `previous`, not in `count` or pat_total. */
void pat_add_previous(struct pat_miner *m, const char *s, size_t n, int64_t ts_ms);

/* Values added so far (not counting pat_add_previous). */
int64_t pat_total(const struct pat_miner *m);

/* The patterns, most values first, ties in the order they were made.
 * *n gets their number. The array and its strings stay valid until
 * pat_free; no value may be added afterwards. */
const struct pat_result *pat_finish(struct pat_miner *m, size_t *n);

#endif
