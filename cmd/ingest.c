/*
 * ingest.c — inputs to index (see ingest.h): parser threads, one writer.
 *
 * Files are independent, so they are parsed on every core while the main
 * thread, the only one that touches SQLite, inserts what they produce
 * (docs/performance.md: parse in parallel, one SQLite writer fed by a queue). Results
 * must not depend on thread timing, so the writer consumes files strictly
 * in input order: file i's records all get lower ids than file i+1's, and
 * messages come out file by file, as with one thread.
 *
 * Each file in flight owns a slot in a small ring: the worker parsing it
 * queues finished batches there (waiting when the queue is long, so memory
 * stays bounded), and the writer drains slot after slot in file order,
 * printing each file's problems when it is done with it.
 *
 * With identity, the worker hashes the file before parsing it and
 * publishes the digest with its type; the writer, which alone asks the
 * index, decides in file order whether the bytes are new. When they are
 * not it sets the slot's cancel flag (the parser stops at its next batch)
 * and drops what was queued (with identity, a source is its bytes: --db
 * and --files). Without identity (a temporary index) every input is
 * read, copies too, and only the files whose size another input shares
 * are hashed, to say how many were copies; the usual run, whose files
 * differ in size, hashes nothing.
 */
#include "cmd/ingest.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/digest.h"
#include "cmd/clock.h"
#include "cmd/msgs.h"
#include "cmd/progress.h"
#include "parsers/diag.h"
#include "base/xalloc.h"
#include "parsers/detect.h"
#include "parsers/input.h"

enum {
    MAX_WORKERS = 8,
    QUEUE_MAX = 2,     /* finished batches a file may have waiting for the writer */
    HASH_CHUNK = 1 << 20,
    COMMIT_EVERY_MS = 1000, /* an existing index: commit whole sources this often */
};

struct batch_node {
    struct rec_batch batch;
    struct batch_node *next;
};

/* What one file produced, handed from its worker to the writer. Slot k
 * serves the files to read number k, k + n_slots, k + 2 n_slots ... in
 * that order and no other: a worker waits until its slot's `next` is its
 * file's number, so a later file can never take a slot an earlier one is
 * waiting for. */
struct slot {
    size_t next;                   /* number (in to_read order) of the next file it serves */
    size_t file;                   /* index of the file it holds */
    bool in_use;                   /* holds file `file` */
    bool type_known;               /* type/size/mtime are set */
    bool done;                     /* the worker finished the file */
    bool unreadable;               /* could not be opened or recognised */
    bool empty;                    /* an empty input: no events, nothing wrong */
    char *error;                   /* why it was unreadable (owned) */
    bool cancel;                   /* the writer does not want its events */
    bool changed;                  /* the file changed while it was read */
    enum input_type type;
    int64_t size, mtime;
    int64_t ref_time;              /* the file time line parsers fall back to, or TS_NONE */
    char sha256[DIGEST_SHA256_HEX + 1]; /* with identity: its digest, "" if none */
    struct store_path state;       /* device, inode, size, mtime (ns) when hashed */
    struct batch_node *head, *tail;
    size_t queued;
    int64_t pos;                   /* input_position when the last batch was queued */
    struct diag_list diags;
};

struct shared {
    pthread_mutex_t mu;
    pthread_cond_t cond;           /* any change: a slot filled, freed, a batch queued */
    const struct file_list *files;
    const size_t *to_read;            /* indexes of the files to read, in order */
    size_t n_to_read;
    const struct ingest_plan *plan;
    enum input_type forced;
    bool identity;                 /* names recorded; a file changed while read is dropped */
    const bool *hash;              /* hash[i]: hash file i before parsing it */
    const char *stdin_sha256;      /* the digest of spooled standard input */
    size_t next_read;              /* next entry of to_read for a worker to take */
    struct slot *slots;
    size_t n_slots;
    struct batch_node *free_batches;
    bool abort;                    /* the writer failed: workers stop */
};

/* A worker's view while parsing one file. */
struct worker_file {
    struct shared *sh;
    struct slot *slot;
    struct input *in;              /* the file being parsed (its position, for progress) */
    struct rec_batch batch;        /* the batch being filled (the parser's ctx.batch) */
};

static struct batch_node *take_batch(struct shared *sh)
{
    struct batch_node *b = sh->free_batches;
    if (b) {
        sh->free_batches = b->next;
        b->next = NULL;
        return b;
    }
    return xcalloc(1, sizeof *b);
}

/* parse_ctx.flush: hand the full batch to the writer. Its contents move
 * into a queue node (a struct swap, no copying) and the parser goes on
 * with the node's empty buffers. */
static int worker_flush(void *arg, struct rec_batch *batch)
{
    struct worker_file *wf = arg;
    struct shared *sh = wf->sh;
    pthread_mutex_lock(&sh->mu);
    while (wf->slot->queued >= QUEUE_MAX && !sh->abort && !wf->slot->cancel)
        pthread_cond_wait(&sh->cond, &sh->mu);
    if (sh->abort || wf->slot->cancel) {
        pthread_mutex_unlock(&sh->mu);
        rb_reset(batch);
        return -1;
    }
    struct batch_node *full = take_batch(sh);
    struct rec_batch tmp = full->batch;
    full->batch = *batch;
    *batch = tmp;
    rb_reset(batch);
    if (wf->slot->tail)
        wf->slot->tail->next = full;
    else
        wf->slot->head = full;
    wf->slot->tail = full;
    wf->slot->queued++;
    wf->slot->pos = input_position(wf->in);
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->mu);
    return 0;
}

static void publish_type(struct shared *sh, struct slot *s)
{
    pthread_mutex_lock(&sh->mu);
    s->type_known = true;
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->mu);
}

static int64_t ns_of(struct timespec t)
{
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* The SHA-256 of the file's bytes as stored, and its state then. Returns
 * 0, or -1 with a message in err. */
static int hash_file(const char *path, struct slot *s, struct strbuf *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sb_puts(err, strerror(errno));
        return -1;
    }
    struct stat st;
    struct digest *d = digest_new();
    char *buf = xmalloc(HASH_CHUNK);
    int rc = 0;
    if (!d) {
        sb_puts(err, "cannot compute SHA-256 (libcrypto)");
        rc = -1;
    } else if (fstat(fd, &st) != 0) {
        sb_puts(err, strerror(errno));
        rc = -1;
    } else if (!S_ISREG(st.st_mode)) {
        /* a named pipe cannot be read twice: loaded without a digest */
        s->state = (struct store_path){0, (int64_t)st.st_dev, (int64_t)st.st_ino, -1, -1};
    } else {
        s->state = (struct store_path){0, (int64_t)st.st_dev, (int64_t)st.st_ino,
                                       (int64_t)st.st_size, ns_of(st.st_mtim)};
        for (;;) {
            ssize_t r = read(fd, buf, HASH_CHUNK);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0) {
                sb_printf(err, "read error: %s", strerror(errno));
                rc = -1;
                break;
            }
            if (r == 0)
                break;
            digest_update(d, buf, (size_t)r);
        }
        if (rc == 0)
            digest_final_hex(d, s->sha256);
    }
    free(buf);
    digest_free(d);
    close(fd);
    return rc;
}

/* Did the file change since it was hashed? */
static bool changed_since(const char *path, const struct store_path *was)
{
    struct stat st;
    return stat(path, &st) != 0 || (int64_t)st.st_dev != was->dev ||
           (int64_t)st.st_ino != was->ino || (int64_t)st.st_size != was->size ||
           ns_of(st.st_mtim) != was->mtime_ns;
}

static void parse_file(struct shared *sh, struct slot *s, const char *path)
{
    struct strbuf err = STRBUF_INIT;
    struct input *in = NULL;
    bool is_stdin = strcmp(path, "-") == 0;
    if (sh->hash[s->file]) {
        if (is_stdin) {
            snprintf(s->sha256, sizeof s->sha256, "%s", sh->stdin_sha256);
        } else if (hash_file(path, s, &err) < 0) {
            s->unreadable = true;
            s->error = xasprintf("%s: %s", path, sb_str(&err));
            sb_free(&err);
            return;
        }
    }
    if (input_open(&in, path, &err) < 0) {
        s->unreadable = true;
        s->error = xasprintf("%s: %s", path, sb_str(&err));
        sb_free(&err);
        return;
    }
    sb_free(&err);
    enum input_type type = sh->forced;
    if (type == IT_AUTO) {
        /* A read error here (a truncated .gz, say) still leaves what was
         * read before it; the parser reports the error when it gets there. */
        if (input_fill(in, DETECT_BYTES) < 0 && input_avail(in) == 0) {
            s->unreadable = true;
            s->error = xasprintf("%s: %s", path, input_error(in));
            input_close(in);
            return;
        }
        if (input_avail(in) == 0 && input_eof(in)) {
            s->empty = true; /* no events, and nothing wrong */
            input_close(in);
            return;
        }
        size_t sample = input_avail(in) < DETECT_BYTES ? input_avail(in) : DETECT_BYTES;
        type = detect_type(input_data(in), sample);
        if (type == IT_UNKNOWN) {
            s->unreadable = true;
            s->error = xasprintf("%s: cannot tell what kind of log this is (use -t TYPE to say)",
                                 path);
            input_close(in);
            return;
        }
    }
    s->type = type;
    s->size = input_size(in);
    s->mtime = input_mtime(in);
    /* The line readers take the file's time for events without one of
     * their own (lines_ref_time): set it here, so the writer can count
     * them. CloudTrail's file time is its delivery time, left to it. */
    s->ref_time = TS_NONE;
    if (type == IT_TEXT || type == IT_LAMBDA || type == IT_VPCFLOW)
        s->ref_time = s->mtime >= 0 && !is_stdin ? s->mtime : clock_wall_ms();
    publish_type(sh, s);

    struct worker_file wf = {.sh = sh, .slot = s, .in = in};
    struct parse_ctx ctx = {
        .in = in,
        .path = path,
        .plan = sh->plan,
        .batch = &wf.batch,
        .flush = worker_flush,
        .flush_arg = &wf,
        .diags = &s->diags,
        .file_time = s->ref_time,
    };
    parse_input(&ctx, type);
    rb_free(&wf.batch);
    input_close(in);
    if (sh->identity && !is_stdin && changed_since(path, &s->state)) {
        pthread_mutex_lock(&sh->mu);
        s->changed = true;
        pthread_mutex_unlock(&sh->mu);
    }
}

static void *worker_main(void *arg)
{
    struct shared *sh = arg;
    for (;;) {
        pthread_mutex_lock(&sh->mu);
        if (sh->abort || sh->next_read >= sh->n_to_read) {
            pthread_mutex_unlock(&sh->mu);
            return NULL;
        }
        size_t ord = sh->next_read++;
        size_t i = sh->to_read[ord];
        struct slot *s = &sh->slots[ord % sh->n_slots];
        while ((s->in_use || s->next != ord) && !sh->abort)
            pthread_cond_wait(&sh->cond, &sh->mu);
        if (sh->abort) {
            pthread_mutex_unlock(&sh->mu);
            return NULL;
        }
        s->file = i;
        s->in_use = true;
        s->type_known = s->done = s->unreadable = s->empty = false;
        s->cancel = s->changed = false;
        s->sha256[0] = '\0';
        s->state = (struct store_path){0};
        s->ref_time = TS_NONE;
        s->head = s->tail = NULL;
        s->queued = 0;
        pthread_mutex_unlock(&sh->mu);

        diag_init(&s->diags, sh->files->paths[i]);
        parse_file(sh, s, sh->files->paths[i]);

        pthread_mutex_lock(&sh->mu);
        s->type_known = true;
        s->done = true;
        pthread_cond_broadcast(&sh->cond);
        pthread_mutex_unlock(&sh->mu);
    }
}

/* ---- the writer (main thread) ---- */

/* What the writer keeps across files. */
struct writer {
    struct store *st;
    const struct ingest_opts *opts;
    char **names;                  /* per file: the name recorded (absolute), or NULL */
    int64_t last_commit;           /* ms (monotonic) of the last checkpoint */
};

static void scope_add(struct ingest_result *res, int64_t src)
{
    res->scope = xgrow(res->scope, &res->cap_scope, res->n_scope + 1, sizeof *res->scope);
    res->scope[res->n_scope++] = src;
}

/* A name left source old (0: none): remove old when no name holds it any
 * more (its file changed or emptied: same transaction). */
static int drop_orphan(struct writer *w, int64_t old, struct ingest_result *res,
                       struct strbuf *err)
{
    if (!old || store_source_names(w->st, old) != 0)
        return 0;
    if (store_remove_source(w->st, old, err) < 0)
        return -1;
    res->n_replaced++;
    return 0;
}

/* Record that name now holds src; remove the source the name held before
 * if no name is left to it (its file changed: same transaction). */
static int record_name(struct writer *w, const char *name, const struct store_path *state,
                       int64_t src, struct ingest_result *res, struct strbuf *err)
{
    struct store_path p = *state;
    p.src = src;
    int64_t old = 0;
    if (store_set_path(w->st, name, &p, &old, err) < 0)
        return -1;
    return drop_orphan(w, old, res, err);
}

/* The name now holds no source: remove the source it held if no name is
 * left to it. */
static int forget_name(struct writer *w, const char *name, struct ingest_result *res,
                       struct strbuf *err)
{
    int64_t old = 0;
    if (store_forget_path(w->st, name, &old, err) < 0)
        return -1;
    return drop_orphan(w, old, res, err);
}

/* An input the index already holds (source src) with -t T given: when it
 * was read as another type it is kept as it is; counted for the note. */
static void check_type(struct store *st, int64_t src, enum input_type forced, const char *path,
                       struct ingest_result *res)
{
    if (forced == IT_AUTO || store_source_is_type(st, src, input_type_name(forced)))
        return;
    if (res->n_other_type++ == 0)
        res->other_type_first = xstrdup(path);
}

static bool stop_asked(const struct ingest_opts *o)
{
    return o->stop && *o->stop;
}

/* Insert the output of the ord-th file to read; returns 0, or -1 on an
 * index error. */
static int write_file(struct shared *sh, struct writer *w, size_t ord, struct ingest_result *res,
                      struct progress *prog)
{
    struct store *st = w->st;
    size_t i = sh->to_read[ord];
    struct slot *s = &sh->slots[ord % sh->n_slots];
    struct strbuf err = STRBUF_INIT;
    int64_t source_id = 0, n_events = 0, n_fallback = 0, same_as = 0;
    int rc = 0;
    pthread_mutex_lock(&sh->mu);
    while (!(s->in_use && s->file == i && s->type_known))
        pthread_cond_wait(&sh->cond, &sh->mu);
    bool unreadable = s->unreadable, empty = s->empty;
    pthread_mutex_unlock(&sh->mu);
    res->n_inputs++;
    if (!unreadable && !empty && s->sha256[0])
        same_as = store_find_hash(st, s->sha256);
    bool copy = same_as && !w->opts->identity;
    if (copy) {
        /* a temporary index: a copy is read again, as every input named
         * is (jq and grep count it too); the note says so */
        same_as = 0;
        res->n_copies++;
    }
    if (same_as) {
        /* bytes the index holds: the parse is not wanted */
        check_type(st, same_as, w->opts->type, sh->files->paths[i], res);
        pthread_mutex_lock(&sh->mu);
        s->cancel = true;
        pthread_cond_broadcast(&sh->cond);
        pthread_mutex_unlock(&sh->mu);
    } else if (!unreadable && !empty) {
        source_id = store_add_source(st, sh->files->paths[i], input_type_name(s->type), s->size,
                                     s->mtime, &err);
        if (source_id < 0)
            rc = -1;
    }
    bool stopped = false;
    for (;;) {
        pthread_mutex_lock(&sh->mu);
        while (!s->head && !s->done)
            pthread_cond_wait(&sh->cond, &sh->mu);
        struct batch_node *b = s->head;
        if (b) {
            prog->cur_bytes = s->pos;
            s->head = b->next;
            if (!s->head)
                s->tail = NULL;
            s->queued--;
            pthread_cond_broadcast(&sh->cond);
        }
        pthread_mutex_unlock(&sh->mu);
        if (!b)
            break; /* done and drained */
        if (!stopped && stop_asked(w->opts)) {
            stopped = true;
            pthread_mutex_lock(&sh->mu);
            s->cancel = true;
            pthread_cond_broadcast(&sh->cond);
            pthread_mutex_unlock(&sh->mu);
        }
        if (rc == 0 && source_id > 0 && !stopped) {
            if (store_add_batch(st, source_id, &b->batch, &err) < 0)
                rc = -1;
            n_events += (int64_t)b->batch.n_recs;
            if (s->ref_time != TS_NONE)
                for (size_t r = 0; r < b->batch.n_recs; r++)
                    n_fallback += b->batch.recs[r].ts == s->ref_time;
        }
        rb_reset(&b->batch);
        pthread_mutex_lock(&sh->mu);
        b->next = sh->free_batches;
        sh->free_batches = b;
        pthread_mutex_unlock(&sh->mu);
        progress_update(prog, sh->files->n, res->n_events + n_events, false);
    }
    if (rc == 0 && (stopped || stop_asked(w->opts)) && !same_as) {
        /* stopped: this source is not whole, so it is not kept */
        if (source_id > 0 && store_remove_source(st, source_id, &err) < 0)
            rc = -1;
        res->stopped = true;
        diag_list_free(&s->diags);
        goto release;
    }
    if (rc == 0 && source_id > 0 && s->changed) {
        if (store_remove_source(st, source_id, &err) < 0)
            rc = -1;
        source_id = 0;
        n_events = 0;
        unreadable = true;
        free(s->error);
        s->error = xasprintf("%s: changed while it was being read; not loaded (load it again "
                             "when it is complete)",
                             sh->files->paths[i]);
    }
    if (unreadable) {
        errorf("%s", s->error);
        res->n_unreadable++;
    }
    msg_diags(&s->diags);
    if (s->diags.n_errors)
        res->n_with_errors++;
    res->n_skipped += s->diags.records_skipped;
    res->n_events += n_events;
    if (n_fallback) {
        res->n_time_fallback += n_fallback;
        if (res->n_time_fallback_inputs++ == 0)
            res->time_fallback_first = xstrdup(sh->files->paths[i]);
    }
    if (rc == 0 && source_id > 0) {
        struct source_done done = {
            .sha256 = s->sha256[0] && !copy ? s->sha256 : NULL,
            .n_errors = (int64_t)s->diags.n_errors,
            .n_skipped = s->diags.records_skipped,
            .loaded_at = clock_wall_ms(),
        };
        if (store_finish_source(st, source_id, &done, &err) < 0)
            rc = -1;
        res->n_loaded++;
    }
    if (same_as) {
        /* the same name with the same bytes (touched, copied back) is no news */
        struct store_path was;
        if (!w->names[i] || strcmp(w->names[i], "-") == 0 ||
            !store_find_path(st, w->names[i], &was) || was.src != same_as)
            res->n_same_bytes++;
    }
    int64_t src = source_id > 0 ? source_id : same_as;
    if (rc == 0 && src && w->names[i]) {
        if (record_name(w, w->names[i], &s->state, src, res, &err) < 0)
            rc = -1;
        scope_add(res, src);
    } else if (rc == 0 && !src && w->names[i] && s->sha256[0] && (empty || s->unreadable)) {
        /* the name's file was hashed, so it is there, and its bytes now
         * hold no events (emptied, or turned into what cannot be read):
         * its earlier source is replaced by nothing, as by other bytes */
        if (forget_name(w, w->names[i], res, &err) < 0)
            rc = -1;
    }
    if (rc == 0 && w->opts->commit_often && clock_mono_ms() - w->last_commit >= COMMIT_EVERY_MS) {
        if (store_checkpoint(st, &err) < 0)
            rc = -1;
        w->last_commit = clock_mono_ms();
    }
    diag_list_free(&s->diags);
release:
    if (rc < 0)
        errorf("%s", sb_str(&err));
    sb_free(&err);
    free(s->error);
    s->error = NULL;
    if (s->size > 0)
        prog->done_bytes += s->size;
    prog->cur_bytes = 0;
    prog->files_done++;
    pthread_mutex_lock(&sh->mu);
    s->in_use = false;
    s->next = ord + sh->n_slots;
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->mu);
    return rc;
}

/* Standard input, copied into an unlinked temporary file that becomes
 * descriptor 0, hashing as it goes: its digest must be known before it is
 * parsed, and it cannot be read twice. Returns 0, or -1 (reported). */
static int spool_stdin(char sha256[DIGEST_SHA256_HEX + 1], const struct ingest_opts *opts,
                       struct ingest_result *res)
{
    const char *dir = getenv("TMPDIR");
    char *tmpl = xasprintf("%s/trailq-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmpl);
    if (fd < 0) {
        errorf("standard input: cannot create a temporary file in %s: %s",
               dir && *dir ? dir : "/tmp", strerror(errno));
        free(tmpl);
        return -1;
    }
    unlink(tmpl);
    free(tmpl);
    struct digest *d = digest_new();
    char *buf = xmalloc(HASH_CHUNK);
    int rc = d ? 0 : -1;
    while (rc == 0) {
        ssize_t r = read(STDIN_FILENO, buf, HASH_CHUNK);
        if (r < 0 && errno == EINTR) {
            /* the stop signals interrupt a read of a pipe that waits */
            if (stop_asked(opts)) {
                res->stopped = true;
                rc = -1;
                break;
            }
            continue;
        }
        if (r <= 0) {
            if (r < 0) {
                errorf("standard input: read error: %s", strerror(errno));
                rc = -1;
            }
            break;
        }
        digest_update(d, buf, (size_t)r);
        for (ssize_t off = 0; off < r && rc == 0;) {
            ssize_t wr = write(fd, buf + off, (size_t)(r - off));
            if (wr < 0 && errno == EINTR)
                continue;
            if (wr < 0) {
                errorf("standard input: cannot copy it to a temporary file: %s",
                       strerror(errno));
                rc = -1;
            } else {
                off += wr;
            }
        }
    }
    if (rc == 0) {
        digest_final_hex(d, sha256);
        if (lseek(fd, 0, SEEK_SET) != 0 || dup2(fd, STDIN_FILENO) < 0) {
            errorf("standard input: %s", strerror(errno));
            rc = -1;
        }
    }
    free(buf);
    digest_free(d);
    close(fd);
    return rc;
}

/* --db: the name each input is recorded under, and which of them need no
 * reading (a name whose file is as it was when recorded). */
static void plan_reuse(struct store *st, const struct file_list *files, char **names, bool *skip,
                       enum input_type forced, struct ingest_result *res)
{
    for (size_t i = 0; i < files->n; i++) {
        const char *path = files->paths[i];
        if (strcmp(path, "-") == 0) {
            names[i] = xstrdup("-");
            continue;
        }
        names[i] = realpath(path, NULL);
        struct stat stt;
        struct store_path known;
        if (!names[i] || stat(path, &stt) != 0 || !store_find_path(st, names[i], &known))
            continue;
        if (known.dev == (int64_t)stt.st_dev && known.ino == (int64_t)stt.st_ino &&
            known.size == (int64_t)stt.st_size && known.mtime_ns == ns_of(stt.st_mtim)) {
            skip[i] = true;
            res->n_reused++;
            scope_add(res, known.src);
            check_type(st, known.src, forced, path, res);
        }
    }
}

struct sized_file {
    int64_t size;   /* -1: not a regular file with bytes (standard input, a pipe) */
    size_t i;       /* its index in the file list */
};

static int cmp_sized(const void *a, const void *b)
{
    const struct sized_file *x = a, *y = b;
    return x->size != y->size ? (x->size < y->size ? -1 : 1) : (x->i > y->i) - (x->i < y->i);
}

/* The size of each input (owned array): a regular file's with bytes,
 * else -1 (standard input, a pipe, an empty or missing file). Read once,
 * for the progress line and for plan_hashing. */
static int64_t *input_sizes(const struct file_list *files)
{
    int64_t *size = xcalloc(files->n ? files->n : 1, sizeof *size);
    for (size_t i = 0; i < files->n; i++) {
        struct stat stt;
        bool regular = strcmp(files->paths[i], "-") != 0 && stat(files->paths[i], &stt) == 0 &&
                       S_ISREG(stt.st_mode) && stt.st_size > 0;
        size[i] = regular ? (int64_t)stt.st_size : -1;
    }
    return size;
}

/* Which files to hash (owned array, one per file): all with identity;
 * else the regular files whose size another input shares (they may be
 * copies, which the note counts). */
static bool *plan_hashing(const int64_t *size, size_t n, bool identity)
{
    bool *hash = xcalloc(n ? n : 1, sizeof *hash);
    if (identity || n < 2) {
        for (size_t i = 0; i < n; i++)
            hash[i] = identity;
        return hash;
    }
    struct sized_file *by_size = xcalloc(n, sizeof *by_size);
    for (size_t i = 0; i < n; i++)
        by_size[i] = (struct sized_file){size[i], i};
    qsort(by_size, n, sizeof *by_size, cmp_sized);
    for (size_t k = 0; k + 1 < n; k++)
        if (by_size[k].size >= 0 && by_size[k].size == by_size[k + 1].size)
            hash[by_size[k].i] = hash[by_size[k + 1].i] = true;
    free(by_size);
    return hash;
}

static int worker_count(size_t n_files)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    const char *env = getenv("TRAILQ_THREADS");
    if (env && *env)
        cpus = strtol(env, NULL, 10);
    if (cpus < 1)
        cpus = 1;
    if (cpus > MAX_WORKERS)
        cpus = MAX_WORKERS;
    if ((size_t)cpus > n_files)
        cpus = n_files ? (long)n_files : 1;
    return (int)cpus;
}

int ingest_files(struct store *st, const struct file_list *files, const struct ingest_plan *plan,
                 const struct ingest_opts *opts, struct ingest_result *res)
{
    *res = (struct ingest_result){0};
    struct strbuf err = STRBUF_INIT;
    char stdin_sha[DIGEST_SHA256_HEX + 1] = "";
    if (opts->identity) {
        for (size_t i = 0; i < files->n; i++)
            if (strcmp(files->paths[i], "-") == 0 && spool_stdin(stdin_sha, opts, res) < 0) {
                if (!res->stopped)
                    return -1;
                res->n_not_loaded = files->n; /* stopped before anything was read */
                return 0;
            }
    }
    if (store_begin(st, &err) < 0) {
        errorf("%s", sb_str(&err));
        sb_free(&err);
        return -1;
    }
    bool *skip = xcalloc(files->n ? files->n : 1, sizeof *skip);
    char **names = xcalloc(files->n ? files->n : 1, sizeof *names);
    if (opts->identity && opts->reuse)
        plan_reuse(st, files, names, skip, opts->type, res);
    else if (opts->identity)
        for (size_t i = 0; i < files->n; i++)
            names[i] = strcmp(files->paths[i], "-") == 0 ? xstrdup("-")
                                                         : realpath(files->paths[i], NULL);
    size_t *to_read = xcalloc(files->n ? files->n : 1, sizeof *to_read);
    size_t n_to_read = 0;
    for (size_t i = 0; i < files->n; i++)
        if (!skip[i])
            to_read[n_to_read++] = i;
    int n_workers = worker_count(n_to_read);
    int64_t *size = input_sizes(files);
    bool *hash = plan_hashing(size, files->n, opts->identity);
    struct shared sh = {
        .files = files,
        .to_read = to_read,
        .n_to_read = n_to_read,
        .plan = plan,
        .forced = opts->type,
        .identity = opts->identity,
        .hash = hash,
        .stdin_sha256 = stdin_sha,
        .n_slots = (size_t)n_workers * 2 + 2,
    };
    sh.slots = xcalloc(sh.n_slots, sizeof *sh.slots);
    for (size_t k = 0; k < sh.n_slots; k++)
        sh.slots[k].next = k;
    pthread_mutex_init(&sh.mu, NULL);
    pthread_cond_init(&sh.cond, NULL);

    struct progress prog = {.on = opts->progress, .start = clock_mono_ms()};
    for (size_t i = 0; i < files->n; i++)
        if (!skip[i] && size[i] > 0)
            prog.total_bytes += size[i];
    free(size);
    struct writer w = {.st = st, .opts = opts, .names = names, .last_commit = clock_mono_ms()};

    pthread_t threads[MAX_WORKERS];
    int started = 0;
    for (int t = 0; t < n_workers; t++)
        if (pthread_create(&threads[t], NULL, worker_main, &sh) == 0)
            started++;
    int rc = 0;
    if (started == 0 && files->n > 0) {
        errorf("cannot start a reading thread");
        rc = -1;
    }
    for (size_t ord = 0; ord < n_to_read && rc == 0; ord++) {
        if (stop_asked(opts))
            res->stopped = true;
        else if (write_file(&sh, &w, ord, res, &prog) < 0)
            rc = -1;
        if (res->stopped) {
            res->n_not_loaded = n_to_read - ord; /* this one was not kept whole */
            break;
        }
    }
    if (rc < 0 || res->stopped) {
        pthread_mutex_lock(&sh.mu);
        sh.abort = true;
        pthread_cond_broadcast(&sh.cond);
        pthread_mutex_unlock(&sh.mu);
    }
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    progress_update(&prog, files->n, res->n_events, true);

    /* release what an abort left behind */
    for (size_t k = 0; k < sh.n_slots; k++) {
        struct slot *s = &sh.slots[k];
        if (s->in_use) {
            for (struct batch_node *b = s->head; b;) {
                struct batch_node *next = b->next;
                rb_free(&b->batch);
                free(b);
                b = next;
            }
            diag_list_free(&s->diags);
            free(s->error);
        }
    }
    for (struct batch_node *b = sh.free_batches; b;) {
        struct batch_node *next = b->next;
        rb_free(&b->batch);
        free(b);
        b = next;
    }
    free(sh.slots);
    free(to_read);
    free(hash);
    free(skip);
    for (size_t i = 0; i < files->n; i++)
        free(names[i]);
    free(names);
    pthread_mutex_destroy(&sh.mu);
    pthread_cond_destroy(&sh.cond);
    if (rc == 0 && store_commit(st, &err) < 0) {
        errorf("%s", sb_str(&err));
        rc = -1;
    }
    if (rc < 0)
        store_rollback(st);
    sb_free(&err);
    return rc;
}

void ingest_result_free(struct ingest_result *res)
{
    free(res->scope);
    free(res->time_fallback_first);
    free(res->other_type_first);
    res->scope = NULL;
    res->time_fallback_first = NULL;
    res->other_type_first = NULL;
}
