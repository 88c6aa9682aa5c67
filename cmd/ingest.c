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
 */
#include "cmd/ingest.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd/msgs.h"
#include "parsers/diag.h"
#include "base/xalloc.h"
#include "parsers/detect.h"
#include "parsers/input.h"

enum {
    MAX_WORKERS = 8,
    QUEUE_MAX = 2,     /* finished batches a file may have waiting for the writer */
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
    enum input_type type;
    int64_t size, mtime;
    struct batch_node *head, *tail;
    size_t queued;
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
    while (wf->slot->queued >= QUEUE_MAX && !sh->abort)
        pthread_cond_wait(&sh->cond, &sh->mu);
    if (sh->abort) {
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

static void parse_file(struct shared *sh, struct slot *s, const char *path)
{
    struct strbuf err = STRBUF_INIT;
    struct input *in = NULL;
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
    publish_type(sh, s);

    struct worker_file wf = {.sh = sh, .slot = s};
    struct parse_ctx ctx = {
        .in = in,
        .path = path,
        .plan = sh->plan,
        .batch = &wf.batch,
        .flush = worker_flush,
        .flush_arg = &wf,
        .diags = &s->diags,
        .file_time = TS_NONE,
    };
    parse_input(&ctx, type);
    rb_free(&wf.batch);
    input_close(in);
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

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct progress {
    bool on;
    int64_t start, last;
    int64_t total_bytes, done_bytes;
    size_t files_done;
    bool shown;
};

static void progress_update(struct progress *p, size_t n_files, int64_t events, bool final)
{
    if (!p->on)
        return;
    int64_t t = now_ms();
    if (final) {
        if (p->shown)
            msg_progress_clear();
        return;
    }
    if (t - p->start < 1000 || t - p->last < 200)
        return;
    p->last = t;
    double secs = (double)(t - p->start) / 1000.0;
    double frac = p->total_bytes > 0 ? (double)p->done_bytes / (double)p->total_bytes : 0;
    double eta = frac > 0.01 ? secs / frac - secs : 0;
    msg_progress("reading: %zu/%zu files, %.0f MB, %.0fk events/s, ETA %.0fs", p->files_done,
                 n_files, (double)p->done_bytes / 1e6,
                 secs > 0 ? (double)events / secs / 1000.0 : 0.0, eta);
    p->shown = true;
}

/* Insert the output of the ord-th file to read; returns 0, or -1 on an
 * index error. */
static int write_file(struct shared *sh, struct store *st, size_t ord, struct ingest_result *res,
                      struct progress *prog)
{
    size_t i = sh->to_read[ord];
    struct slot *s = &sh->slots[ord % sh->n_slots];
    struct strbuf err = STRBUF_INIT;
    int64_t source_id = 0, n_events = 0;
    int rc = 0;
    pthread_mutex_lock(&sh->mu);
    while (!(s->in_use && s->file == i && s->type_known))
        pthread_cond_wait(&sh->cond, &sh->mu);
    bool unreadable = s->unreadable, empty = s->empty;
    pthread_mutex_unlock(&sh->mu);
    res->n_inputs++;
    if (!unreadable && !empty) {
        source_id = store_add_source(st, sh->files->paths[i], input_type_name(s->type), s->size,
                                     s->mtime, &err);
        if (source_id < 0)
            rc = -1;
    }
    for (;;) {
        pthread_mutex_lock(&sh->mu);
        while (!s->head && !s->done)
            pthread_cond_wait(&sh->cond, &sh->mu);
        struct batch_node *b = s->head;
        if (b) {
            s->head = b->next;
            if (!s->head)
                s->tail = NULL;
            s->queued--;
            pthread_cond_broadcast(&sh->cond);
        }
        pthread_mutex_unlock(&sh->mu);
        if (!b)
            break; /* done and drained */
        if (rc == 0 && store_add_batch(st, source_id, &b->batch, &err) < 0)
            rc = -1;
        n_events += (int64_t)b->batch.n_recs;
        rb_reset(&b->batch);
        pthread_mutex_lock(&sh->mu);
        b->next = sh->free_batches;
        sh->free_batches = b;
        pthread_mutex_unlock(&sh->mu);
        progress_update(prog, sh->files->n, res->n_events + n_events, false);
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
    if (rc == 0 && source_id > 0 &&
        store_finish_source(st, source_id, n_events, (int64_t)s->diags.n_errors, &err) < 0)
        rc = -1;
    if (rc < 0)
        errorf("%s", sb_str(&err));
    sb_free(&err);
    diag_list_free(&s->diags);
    free(s->error);
    s->error = NULL;
    if (s->size > 0)
        prog->done_bytes += s->size;
    prog->files_done++;
    pthread_mutex_lock(&sh->mu);
    s->in_use = false;
    s->next = ord + sh->n_slots;
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->mu);
    return rc;
}

/* --db: inputs already loaded and unchanged are skipped; changed ones are
 * dropped so they can be read again. */
static int plan_reuse(struct store *st, const struct file_list *files, bool *skip,
                      struct ingest_result *res)
{
    struct strbuf err = STRBUF_INIT;
    for (size_t i = 0; i < files->n; i++) {
        const char *path = files->paths[i];
        struct stat stt;
        int64_t size, mtime;
        if (strcmp(path, "-") == 0 || stat(path, &stt) != 0)
            continue;
        int64_t id = store_find_source(st, path, &size, &mtime);
        if (!id)
            continue;
        int64_t cur = (int64_t)stt.st_mtim.tv_sec * 1000 + stt.st_mtim.tv_nsec / 1000000;
        if (size == stt.st_size && mtime == cur) {
            skip[i] = true;
            res->n_reused++;
        } else if (store_drop_source(st, id, &err) < 0) {
            errorf("%s", sb_str(&err));
            sb_free(&err);
            return -1;
        }
    }
    sb_free(&err);
    return 0;
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
    if (store_begin(st, &err) < 0) {
        errorf("%s", sb_str(&err));
        sb_free(&err);
        return -1;
    }
    bool *skip = xcalloc(files->n ? files->n : 1, sizeof *skip);
    if (opts->reuse && plan_reuse(st, files, skip, res) < 0) {
        free(skip);
        return -1;
    }
    size_t *to_read = xcalloc(files->n ? files->n : 1, sizeof *to_read);
    size_t n_to_read = 0;
    for (size_t i = 0; i < files->n; i++)
        if (!skip[i])
            to_read[n_to_read++] = i;
    int n_workers = worker_count(n_to_read);
    struct shared sh = {
        .files = files,
        .to_read = to_read,
        .n_to_read = n_to_read,
        .plan = plan,
        .forced = opts->type,
        .n_slots = (size_t)n_workers * 2 + 2,
    };
    sh.slots = xcalloc(sh.n_slots, sizeof *sh.slots);
    for (size_t k = 0; k < sh.n_slots; k++)
        sh.slots[k].next = k;
    pthread_mutex_init(&sh.mu, NULL);
    pthread_cond_init(&sh.cond, NULL);

    struct progress prog = {.on = opts->progress, .start = now_ms()};
    for (size_t i = 0; i < files->n; i++) {
        struct stat stt;
        if (!skip[i] && strcmp(files->paths[i], "-") != 0 && stat(files->paths[i], &stt) == 0)
            prog.total_bytes += stt.st_size;
    }

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
        if (write_file(&sh, st, ord, res, &prog) < 0) {
            rc = -1;
            pthread_mutex_lock(&sh.mu);
            sh.abort = true;
            pthread_cond_broadcast(&sh.cond);
            pthread_mutex_unlock(&sh.mu);
        }
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
    free(skip);
    pthread_mutex_destroy(&sh.mu);
    pthread_cond_destroy(&sh.cond);
    if (rc == 0 && store_commit(st, &err) < 0) {
        errorf("%s", sb_str(&err));
        rc = -1;
    }
    sb_free(&err);
    return rc;
}
