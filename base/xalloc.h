/*
 * xalloc.h — allocation wrappers used by every layer of trailq.
 *
 * Each wrapper either returns usable memory or ends the process with
 * "trailq: out of memory" and exit status 3 (trailq(1), EXIT STATUS: nothing could be done).
 * This is the one place below cmd/ allowed to write to stderr: there is no
 * way to report an allocation failure upward without allocating.
 *
 * Ownership: the caller owns what these return and frees it with free().
 */
#ifndef TRAILQ_XALLOC_H
#define TRAILQ_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array: returns p resized to hold at least `need` elements of
 * `elem` bytes, updating *cap (doubling). */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a freshly allocated string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
