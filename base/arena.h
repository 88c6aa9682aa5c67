/*
 * arena.h — a bump allocator for things that live and die together.
 *
 * A query's tokens, AST and compiled pieces all come from one arena and are
 * released by one arena_free() (docs/style.md: what belongs to one query lives in one
 * arena). Memory from an arena is never freed individually.
 */
#ifndef TRAILQ_ARENA_H
#define TRAILQ_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
    struct arena_block *head; /* newest block first */
};

#define ARENA_INIT {NULL}

/* Zeroed memory aligned for any type; owned by the arena. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Grow an arena array (old contents copied; the old block is simply abandoned). */
void *arena_grow(struct arena *a, void *p, size_t *cap, size_t need, size_t elem);
void arena_free(struct arena *a);

#endif
