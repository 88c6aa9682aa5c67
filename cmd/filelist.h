/*
 * filelist.h — the sources of the index as a result table (--files, and
 * .files in the REPL).
 *
 * One row per source, in load order: the name it was loaded under
 * (@log), its type, its state now (present: a name still holds the same
 * file; changed: a name holds a different file, not loaded yet; missing:
 * no name holds a file any more, its events are kept; stdin), its event
 * count, the records that could not be read, its first and last
 * @timestamp, its size and modification time when loaded, the SHA-256 of
 * its bytes as stored, when it was loaded, and every name it was seen
 * under (absolute, "; " between them).
 */
#ifndef TRAILQ_FILELIST_H
#define TRAILQ_FILELIST_H

#include <stdbool.h>

#include "cmd/settings.h"
#include "index/store.h"

/* scoped: only the sources of temp.tq_scope_src (store_scope_sql). Printed
 * as the settings say (format, times, zone, output). Returns an exit
 * status: 0, or 3 after an index or write error (reported). */
int filelist_print(struct store *st, bool scoped, const struct settings *show);

#endif
