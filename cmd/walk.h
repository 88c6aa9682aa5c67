/*
 * walk.h — the inputs named on the command line, expanded to files.
 *
 * A file (or "-") stays as given; a directory is read recursively, entries
 * in byte order of their names, so results never depend on the order the
 * file system returns them. Entries whose names start with '.' are skipped
 * inside directories (editor and OS droppings), never when named directly.
 * Problems (a path that does not exist, a directory that cannot be read)
 * are reported on stderr and counted; the rest is still returned.
 *
 * Ownership: the list owns its strings; file_list_free() releases them.
 */
#ifndef TRAILQ_WALK_H
#define TRAILQ_WALK_H

#include <stddef.h>

struct file_list {
    char **paths;
    size_t n, cap;
};

/* Returns the number of problems reported. */
size_t walk_inputs(char *const *paths, size_t n, struct file_list *out);
void file_list_free(struct file_list *l);

#endif
