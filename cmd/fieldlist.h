/*
 * fieldlist.h — `--fields` and the REPL's `.fields`: every field in the
 * index with how many events have it and what kinds of value it holds.
 */
#ifndef TRAILQ_FIELDLIST_H
#define TRAILQ_FIELDLIST_H

#include "cmd/settings.h"
#include "index/store.h"

/* Print the list as the settings say (format, output). Returns an exit
 * status (0, or 3 if the index or the output failed). */
int fieldlist_print(struct store *st, const struct settings *show);

#endif
