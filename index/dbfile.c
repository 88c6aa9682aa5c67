/*
 * dbfile.c — ownership, locking and publication of a --db file (see
 * dbfile.h).
 */
#include "index/dbfile.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"

static const char tmp_suffix[] = ".trailq-tmp-";

/* SQLite's header: the magic string, user_version at 60, application_id at
 * 68, both big-endian (sqlite.org/fileformat.html). */
static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int dbfile_inspect(const char *path, enum dbfile_state *state, struct strbuf *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT) {
            *state = DBF_MISSING;
            return 0;
        }
        sb_printf(err, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        sb_printf(err, "%s: not a regular file, so not a trailq index", path);
        return -1;
    }
    if (st.st_size == 0) {
        *state = DBF_EMPTY;
        return 0;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        return -1;
    }
    unsigned char h[100];
    size_t have = 0;
    while (have < sizeof h) {
        ssize_t r = read(fd, h + have, sizeof h - have);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        have += (size_t)r;
    }
    close(fd);
    if (have < sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
        sb_printf(err,
                  "%s is not a trailq index (not an SQLite database); it was left as it is: "
                  "give --db a new file name",
                  path);
        return -1;
    }
    uint32_t app = be32(h + 68), version = be32(h + 60);
    if (app != DBFILE_APP_ID) {
        if (app == 0)
            sb_printf(err,
                      "%s is an SQLite database that trailq did not make (or an index of a "
                      "trailq older than schema %d); it was left as it is: give --db a new "
                      "file name",
                      path, DBFILE_SCHEMA);
        else
            sb_printf(err,
                      "%s is an SQLite database of another application (application_id "
                      "0x%08x); it was left as it is: give --db a new file name",
                      path, (unsigned)app);
        return -1;
    }
    if (version != DBFILE_SCHEMA) {
        sb_printf(err,
                  "%s is a trailq index of schema %u; this trailq reads schema %d: load the "
                  "inputs again into a new file (the old one was left as it is)",
                  path, (unsigned)version, DBFILE_SCHEMA);
        return -1;
    }
    *state = DBF_INDEX;
    return 0;
}

int dbfile_try_lock(const char *path, int *fd, struct strbuf *err)
{
    /* A finishing first load renames its index over the placeholder: the
     * lock taken may be on a file that is no longer at path; then again. */
    for (int attempt = 0; attempt < 8; attempt++) {
        int f = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
        if (f < 0) {
            sb_printf(err, "cannot open index %s: %s", path, strerror(errno));
            return -1;
        }
        if (flock(f, LOCK_EX | LOCK_NB) != 0) {
            int e = errno;
            close(f);
            if (e == EWOULDBLOCK || e == EINTR)
                return 0;
            sb_printf(err, "%s: cannot lock: %s", path, strerror(e));
            return -1;
        }
        struct stat held, now;
        if (fstat(f, &held) == 0 && stat(path, &now) == 0 && held.st_dev == now.st_dev &&
            held.st_ino == now.st_ino) {
            *fd = f;
            return 1;
        }
        close(f);
    }
    return 0;
}

void dbfile_unlock(int fd)
{
    if (fd >= 0)
        close(fd);
}

int dbfile_temp(const char *path, char **tmp_path, int *tmp_fd, struct strbuf *err)
{
    char *tmp = xasprintf("%s%sXXXXXX", path, tmp_suffix);
    int fd = mkstemp(tmp); /* 0600 */
    if (fd < 0) {
        sb_printf(err, "%s: cannot create a file beside it: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        sb_printf(err, "%s: cannot lock: %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    *tmp_path = tmp;
    *tmp_fd = fd;
    return 0;
}

void dbfile_discard(const char *tmp)
{
    static const char *const sidecars[] = {"", "-journal", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof sidecars / sizeof sidecars[0]; i++) {
        char *p = xasprintf("%s%s", tmp, sidecars[i]);
        unlink(p);
        free(p);
    }
}

void dbfile_sweep(const char *path)
{
    char *pattern = xasprintf("%s%s??????", path, tmp_suffix);
    glob_t g;
    if (glob(pattern, GLOB_NOSORT, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++) {
            int fd = open(g.gl_pathv[i], O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            if (flock(fd, LOCK_EX | LOCK_NB) == 0)
                dbfile_discard(g.gl_pathv[i]); /* its builder is gone */
            close(fd);
        }
        globfree(&g);
    }
    free(pattern);
}

struct dbfile_flusher {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int fd;
    bool stop;
};

static void *flusher_main(void *arg)
{
    struct dbfile_flusher *f = arg;
    pthread_mutex_lock(&f->mu);
    while (!f->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 250 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&f->cv, &f->mu, &until);
        if (f->stop)
            break;
        pthread_mutex_unlock(&f->mu);
        /* Errors are left to the fsync, which reports them. */
        (void)sync_file_range(f->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
        pthread_mutex_lock(&f->mu);
    }
    pthread_mutex_unlock(&f->mu);
    return NULL;
}

struct dbfile_flusher *dbfile_flusher_start(int fd)
{
    struct dbfile_flusher *f = xcalloc(1, sizeof *f);
    f->fd = fd;
    pthread_mutex_init(&f->mu, NULL);
    pthread_cond_init(&f->cv, NULL);
    /* The thread takes no signals: they go to the loading thread, whose
     * reads they are meant to interrupt. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int made = pthread_create(&f->thread, NULL, flusher_main, f);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (made != 0) {
        pthread_cond_destroy(&f->cv);
        pthread_mutex_destroy(&f->mu);
        free(f);
        return NULL;
    }
    return f;
}

void dbfile_flusher_stop(struct dbfile_flusher *f)
{
    if (!f)
        return;
    pthread_mutex_lock(&f->mu);
    f->stop = true;
    pthread_cond_signal(&f->cv);
    pthread_mutex_unlock(&f->mu);
    pthread_join(f->thread, NULL);
    pthread_cond_destroy(&f->cv);
    pthread_mutex_destroy(&f->mu);
    free(f);
}

static int fsync_path(const char *p, int flags)
{
    int fd = open(p, flags | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int dbfile_publish(const char *tmp, const char *path, struct strbuf *err)
{
    if (fsync_path(tmp, O_RDONLY) != 0) {
        sb_printf(err, "%s: cannot write the index to disk: %s", path, strerror(errno));
        return -1;
    }
    if (rename(tmp, path) != 0) {
        sb_printf(err, "%s: cannot put the new index in place: %s", path, strerror(errno));
        return -1;
    }
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    fsync_path(slash ? dir : ".", O_RDONLY | O_DIRECTORY);
    free(dir);
    return 0;
}
