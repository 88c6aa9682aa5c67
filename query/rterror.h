/*
 * rterror.h — the errors that come back while compiled SQL runs: which
 * kind a message is, and the one encoding that tells them apart.
 *
 * SQLite hands back an error as text only. The SQL functions of query/
 * that fail because of what the query asked (a regex too slow, one that
 * backtracks too much, a pattern taken from a value that does not
 * compile: regex.h) start their message with RTERROR_REGEX_PREFIX; every
 * other message is SQLite's own or the store's. Callers outside query/ ask
 * rterror_kind() and never look at the text.
 */
#ifndef TRAILQ_RTERROR_H
#define TRAILQ_RTERROR_H

/* The start of the message of a regex that failed while the SQL ran. */
#define RTERROR_REGEX_PREFIX "regex: "

enum rterror_kind {
    RTE_OTHER, /* the run failed for a reason of its own (SQLite, the store) */
    RTE_REGEX, /* a regex of the query failed: the query's fault */
};

/* The kind of msg, an error message from running compiled SQL (NULL:
 * RTE_OTHER). */
enum rterror_kind rterror_kind(const char *msg);

#endif
