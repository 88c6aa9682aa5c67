/*
 * strdist.h — how far apart two names are, for "did you mean".
 *
 * The distance is the optimal string alignment distance (Levenshtein with
 * the swap of two neighbouring characters counted as one edit, the most
 * common typing slip: "stast" is one edit from "stats"). Names are short
 * (field and command names), so the whole table is computed.
 *
 * str_near() is the one rule trailq uses to decide that a typed name was
 * probably meant to be a known one: the same ignoring case, or (edits
 * counted ignoring case) one edit for names of 4 to 10 characters, two up
 * to 20, three beyond; none for names of 3 characters or fewer, where one
 * edit makes another plausible name (id, ip). Two edits in a short name
 * are as often another field (eventTime, eventName) as a typo.
 */
#ifndef TRAILQ_STRDIST_H
#define TRAILQ_STRDIST_H

#include <stdbool.h>
#include <stddef.h>

enum { STRDIST_MAX_LEN = 128 };

/* The distance between a and b, comparing bytes (fold: ASCII case
 * ignored). SIZE_MAX when either is longer than STRDIST_MAX_LEN. */
size_t str_distance(const char *a, const char *b, bool fold);

/* How close typed is to known: 0 the same ignoring case, k > 0 the number
 * of edits when within the rule above, or -1 when not near. */
int str_near(const char *typed, const char *known);

#endif
