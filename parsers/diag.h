/*
 * diag.h — problems found while reading inputs, collected for cmd/ to print.
 *
 * Parsers never print. They append a diagnostic naming the file and line
 * ("trailq: FILE:LINE: message" is how cmd/ renders it) and carry on with
 * the rest of the input. A list keeps the first DIAG_KEEP messages in full
 * and only counts the rest, so a broken multi-gigabyte file cannot make
 * memory grow without bound.
 *
 * Ownership: the list owns its messages; diag_list_free() releases them.
 */
#ifndef TRAILQ_DIAG_H
#define TRAILQ_DIAG_H

#include <stddef.h>

enum diag_level {
    DIAG_NOTE,    /* informational: a digest file skipped, say; not an error */
    DIAG_ERROR,   /* part of an input could not be read: exit status 1 */
};

struct diag {
    enum diag_level level;
    long line;        /* 1-based line in the (decompressed) input, 0 if none */
    char *msg;        /* what is wrong, without the file name */
};

struct diag_list {
    char *path;           /* the input these are about, as given on the command line */
    struct diag *items;   /* the first DIAG_KEEP problems */
    size_t n_items, cap_items;
    size_t n_errors;      /* every DIAG_ERROR, kept or not */
    size_t n_dropped;     /* messages counted but not kept */
    long records_skipped; /* records or lines that were not loaded because of errors */
};

enum { DIAG_KEEP = 20 };

void diag_init(struct diag_list *dl, const char *path);
void diag_add(struct diag_list *dl, enum diag_level level, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_list_free(struct diag_list *dl);

/* A byte of the input as a message shows it: "'x'" for a printable ASCII
 * character, "byte 0x1b" for anything else (a raw control byte must not
 * reach a terminal). Written into buf, which is returned. */
const char *diag_char(unsigned char c, char buf[16]);

#endif
