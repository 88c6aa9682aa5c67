/*
 * strdist.h — how far apart two names are, for "did you mean".
 *
 * The distance is the optimal string alignment distance (Levenshtein with
 * the swap of two neighbouring characters counted as one edit, the most
 * common typing slip: "stast" is one edit from "stats"). Names are short
 * (field and command names), so the whole table is computed.
 *
 * str_near() is the one rule trailq uses to decide that a typed name was
 * probably meant to be a known one: the same ignoring case, or at most one
 * edit for names of up to 4 characters, two up to 10, three beyond (the
 * edits counted ignoring case), and never as many edits as the name has
 * characters.
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
