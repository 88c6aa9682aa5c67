/*
 * walk.h — the inputs named on the command line, expanded to files, each
 * file once.
 *
 * A file (or "-") stays as given; a directory is read recursively, entries
 * in byte order of their names, so results never depend on the order the
 * file system returns them. Entries whose names start with '.' are skipped
 * inside directories (editor and OS droppings), never when named directly;
 * how many were skipped, and the first, is a note.
 *
 * Identity: a file is one input however it is reached. Files and
 * directories are known by device and inode, so a file named twice, reached
 * through a symbolic link, named beside its directory or spelled two ways
 * is listed once (the first time it is met, in command-line then walk
 * order), and a directory reached a second time is not read again. A
 * directory that is one of its own ancestors (a symbolic link loop such as
 * `ln -s . d/loop` or `ln -s .. d/b/up`) is reported once and not entered.
 *
 * Messages (stderr, one line each): a path that does not exist or a
 * directory that cannot be read is an error and counted as a problem; a
 * loop, a directory named on the command line that holds no file, the
 * number of files and directories skipped as reached a second time, and
 * the number of entries skipped for their leading '.' are notes. The rest is still returned.
 *
 * Ownership: the list owns its strings; file_list_free() releases them.
 */
#ifndef TRAILQ_WALK_H
#define TRAILQ_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* What identifies a file: its device and inode (both 0 for "-"). */
struct file_id {
    dev_t dev;
    ino_t ino;
};

struct file_list {
    char **paths;          /* as given or as reached by the walk */
    struct file_id *ids;   /* ids[i] identifies paths[i] */
    size_t n, cap;
};

struct walk_stats {
    size_t problems;       /* errors reported: missing paths, unreadable directories */
    size_t dup_files;      /* files reached a second time, skipped */
    size_t dup_dirs;       /* directories reached a second time, not read again */
    size_t loops;          /* symbolic link loops reported */
    size_t empty_dirs;     /* directories named on the command line that held no file */
    size_t hidden;         /* entries skipped inside directories for their leading '.' */
};

/* Expand paths into out (appending), reporting as described above.
 * Returns the number of problems (also in stats->problems). */
size_t walk_inputs(char *const *paths, size_t n, struct file_list *out, struct walk_stats *stats);
void file_list_free(struct file_list *l);

#endif
