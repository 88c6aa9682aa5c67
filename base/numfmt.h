/*
 * numfmt.h — how numbers become text, everywhere in trailq.
 *
 * Output, string functions (concat, strlen of a number) and comparisons of a
 * number with a string all use this one rendering, so a value always looks
 * the same: integers without a fraction ("3", also for a double 3.0 below
 * 1e15), other doubles in the shortest form that reads back to the same
 * value ("0.1", "14.97", "1e+20").
 */
#ifndef TRAILQ_NUMFMT_H
#define TRAILQ_NUMFMT_H

#include <stddef.h>

enum { NUMFMT_MAX = 32 };

/* Write d into out (NUMFMT_MAX bytes); returns the length. NaN and
 * infinities are written as "NaN", "Infinity", "-Infinity". */
size_t fmt_double(double d, char out[NUMFMT_MAX]);
size_t fmt_int(long long v, char out[NUMFMT_MAX]);

#endif
