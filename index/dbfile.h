/*
 * dbfile.h — the --db file itself: what it holds, who may write it, and
 * how a new index comes into place whole.
 *
 * Ownership of the file (trailq opens as an index only a file it made):
 * dbfile_inspect() reads the first 100 bytes with read(2), so a file that
 * is not a trailq index of this schema is never opened by SQLite and is
 * left byte for byte as it was. An index is marked by SQLite's
 * application_id (DBFILE_APP_ID) and user_version (DBFILE_SCHEMA), both
 * written when it is complete.
 *
 * One writer at a time: a loading trailq holds an flock(2) on the file
 * (created empty and 0600 when missing, as a placeholder) for the whole
 * load; readers take no lock and read SQLite's last committed state (the
 * index is in WAL mode). flock and SQLite's fcntl locks do not interact,
 * but closing any descriptor of a file drops the process's fcntl locks on
 * it: the lock's descriptor is closed only after SQLite has closed the
 * file.
 *
 * A new index is built journal-less in a temporary file beside the target
 * (path + ".trailq-tmp-XXXXXX", 0600, itself flocked) and renamed into
 * place when complete, so an interrupted first load never leaves a file
 * that could be queried. Temporary files whose builder died (their flock
 * is free) are removed by dbfile_sweep().
 *
 * Nothing here prints; errors come back in a strbuf, worded for
 * "trailq: MESSAGE".
 */
#ifndef TRAILQ_DBFILE_H
#define TRAILQ_DBFILE_H

#include <stdbool.h>

#include "base/strbuf.h"

enum {
    DBFILE_APP_ID = 0x54724c71, /* "TrLq" */
    DBFILE_SCHEMA = 2,          /* the layout of index/store.h; 1 had no identity */
};

enum dbfile_state {
    DBF_MISSING,  /* no such file */
    DBF_EMPTY,    /* a file of 0 bytes (a placeholder, or touched): a new index */
    DBF_INDEX,    /* a complete trailq index of this schema */
};

/* What path holds. Returns 0, or -1 with a message naming the file and
 * what to do when it is anything else (another application's database, an
 * index of another schema, not a database, unreadable). */
int dbfile_inspect(const char *path, enum dbfile_state *state, struct strbuf *err);

/* Take the writer's lock on path, creating an empty 0600 file if there is
 * none. Returns 1 with *fd set (release with dbfile_unlock), 0 when another
 * process holds it, -1 with err set. */
int dbfile_try_lock(const char *path, int *fd, struct strbuf *err);
void dbfile_unlock(int fd);

/* Create the temporary file a new index is built in: *tmp_path (owned by
 * the caller) and *tmp_fd (its flock; close it with dbfile_unlock after
 * SQLite closed the file). Returns 0, or -1 with err set. */
int dbfile_temp(const char *path, char **tmp_path, int *tmp_fd, struct strbuf *err);
/* Remove the temporary files of builders that died. */
void dbfile_sweep(const char *path);
/* Writeback while a new index is built: a thread that asks the kernel,
 * every 250 ms, to start writing the temporary file's dirty pages
 * (sync_file_range(2), which does not wait), so the fsync of
 * dbfile_publish finds little left to write instead of the whole index.
 * dbfile_flusher_start returns NULL where no thread could be made (then the
 * fsync does all the work, as without it); dbfile_flusher_stop(NULL) is a
 * no-op. fd stays the caller's. */
struct dbfile_flusher;
struct dbfile_flusher *dbfile_flusher_start(int fd);
void dbfile_flusher_stop(struct dbfile_flusher *f);

/* Put a complete index in place: fsync it, rename it to path, fsync the
 * directory. Returns 0, or -1 with err set (tmp is left for the caller to
 * discard). */
int dbfile_publish(const char *tmp, const char *path, struct strbuf *err);
/* Remove a temporary index and SQLite's files beside it. */
void dbfile_discard(const char *tmp);

#endif
