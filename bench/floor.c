/* floor.c — the "gunzip + full jansson parse" floor for the trailq benchmark.
 *
 * Reads a list of .json.gz paths (one per line) and, on THREADS threads that
 * take files from a shared counter, inflates each whole file with zlib into
 * memory and parses it completely with json_loadb (a full jansson DOM), then
 * throws the DOM away. Nothing else: no field extraction, no SQLite. This is
 * what issue 5 calls the floor of ingest ("gunzip + a full jansson parse on
 * both cores"); bench/run.sh compiles it with the same pkg-config flags as
 * trailq and times it like the other tools.
 *
 *   floor [-t THREADS] [-a] LISTFILE
 *     -t N   threads (default 2)
 *     -a     give jansson a bump (arena) allocator per thread, reset after each
 *            file, instead of malloc/free (docs/performance.md: both measured)
 *
 * Prints one line: "files=N bytes=B events=E seconds=S mb_per_s=R" where B is
 * the uncompressed size and E the total length of the Records arrays. Exits 1
 * if any file cannot be read, inflated or parsed (with a message on stderr).
 */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

/* The list of input files, shared read-only by the workers. */
struct file_list {
    char **paths; /* owned: each path and the array */
    size_t n;     /* number of paths */
};

/* Work shared by all threads: the next file to take and the totals. */
struct shared_work {
    const struct file_list *files; /* borrowed */
    atomic_size_t next;            /* index of the next file to take */
    atomic_uint_fast64_t bytes;    /* uncompressed bytes parsed */
    atomic_uint_fast64_t events;   /* Records elements seen */
    atomic_int failed;             /* set when any file failed */
};

/* One thread's arena for jansson (used with -a): a list of big chunks. */
struct arena_chunk {
    struct arena_chunk *next; /* older chunk */
    size_t size;              /* usable bytes after the header */
    size_t used;              /* bytes handed out */
};

/* Per-thread arena state. jansson's allocator hooks take no context pointer,
 * so the only way to give each thread its own arena is thread-local storage;
 * this is a benchmark tool, not part of trailq. */
static _Thread_local struct arena_chunk *tl_arena;

static void *floor_arena_malloc(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    struct arena_chunk *c = tl_arena;
    if (!c || c->size - c->used < size) {
        size_t want = size > (1u << 20) ? size : (1u << 20);
        struct arena_chunk *n = malloc(sizeof *n + want + 16);
        if (!n)
            return NULL;
        n->next = c;
        n->size = want;
        n->used = 0;
        tl_arena = n;
        c = n;
    }
    char *base = (char *)(c + 1);
    base += (16 - ((uintptr_t)base & 15)) & 15;
    void *p = base + c->used;
    c->used += size;
    return p;
}

static void floor_arena_free(void *p)
{
    (void)p; /* released all at once by floor_arena_reset */
}

/* Forget everything allocated in this thread's arena; keeps the newest chunk. */
static void floor_arena_reset(void)
{
    struct arena_chunk *c = tl_arena;
    if (!c)
        return;
    struct arena_chunk *old = c->next;
    while (old) {
        struct arena_chunk *n = old->next;
        free(old);
        old = n;
    }
    c->next = NULL;
    c->used = 0;
}

static void floor_arena_release(void)
{
    floor_arena_reset();
    free(tl_arena);
    tl_arena = NULL;
}

/* Reads a whole file. Returns a malloc'd buffer (caller frees) or NULL. */
static unsigned char *floor_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Inflates a whole gzip buffer (all members). Returns a malloc'd buffer
 * (caller frees) or NULL on a zlib error. */
static unsigned char *floor_inflate(const unsigned char *in, size_t in_len, size_t *out_len)
{
    size_t cap = in_len * 8 + 4096, n = 0;
    unsigned char *out = malloc(cap);
    if (!out)
        return NULL;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        free(out);
        return NULL;
    }
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)in_len;
    for (;;) {
        if (n == cap) {
            unsigned char *nb = realloc(out, cap * 2);
            if (!nb)
                break;
            out = nb;
            cap *= 2;
        }
        z.next_out = out + n;
        z.avail_out = (uInt)(cap - n);
        int rc = inflate(&z, Z_NO_FLUSH);
        n = cap - z.avail_out;
        if (rc == Z_STREAM_END) {
            if (z.avail_in == 0) {
                inflateEnd(&z);
                *out_len = n;
                return out;
            }
            inflateReset(&z); /* another gzip member follows */
        } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && z.avail_out == 0)) {
            break;
        }
    }
    inflateEnd(&z);
    free(out);
    return NULL;
}

static void *floor_worker(void *arg)
{
    struct shared_work *w = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, 1);
        if (i >= w->files->n)
            break;
        const char *path = w->files->paths[i];
        size_t gz_len = 0, len = 0;
        unsigned char *gz = floor_read_file(path, &gz_len);
        unsigned char *text = gz ? floor_inflate(gz, gz_len, &len) : NULL;
        free(gz);
        if (!text) {
            fprintf(stderr, "floor: %s: cannot read or inflate\n", path);
            atomic_store(&w->failed, 1);
            continue;
        }
        json_error_t jerr;
        json_t *doc = json_loadb((const char *)text, len, 0, &jerr);
        if (!doc) {
            fprintf(stderr, "floor: %s:%d: %s\n", path, jerr.line, jerr.text);
            atomic_store(&w->failed, 1);
        } else {
            json_t *recs = json_object_get(doc, "Records");
            atomic_fetch_add(&w->events, json_is_array(recs) ? json_array_size(recs) : 0);
            json_decref(doc);
        }
        atomic_fetch_add(&w->bytes, len);
        free(text);
        floor_arena_reset();
    }
    floor_arena_release();
    return NULL;
}

/* Reads the list of paths, one per line. Returns 0, or -1 with errno set. */
static int floor_read_list(const char *listfile, struct file_list *fl)
{
    FILE *f = fopen(listfile, "r");
    if (!f)
        return -1;
    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        if (line[got - 1] == '\n')
            line[--got] = '\0';
        if (got == 0)
            continue;
        if (fl->n == cap) {
            cap = cap ? cap * 2 : 256;
            char **np = realloc(fl->paths, cap * sizeof *np);
            if (!np)
                abort();
            fl->paths = np;
        }
        fl->paths[fl->n++] = strdup(line);
    }
    free(line);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    int threads = 2, arena = 0, argi = 1;
    while (argi < argc && argv[argi][0] == '-') {
        if (strcmp(argv[argi], "-t") == 0 && argi + 1 < argc) {
            threads = (int)strtol(argv[argi + 1], NULL, 10);
            argi += 2;
        } else if (strcmp(argv[argi], "-a") == 0) {
            arena = 1;
            argi++;
        } else {
            break;
        }
    }
    if (argi + 1 != argc || threads < 1 || threads > 256) {
        fprintf(stderr, "usage: floor [-t THREADS] [-a] LISTFILE\n");
        return 2;
    }
    struct file_list fl = {0};
    if (floor_read_list(argv[argi], &fl) < 0) {
        fprintf(stderr, "floor: %s: %s\n", argv[argi], strerror(errno));
        return 2;
    }
    if (arena)
        json_set_alloc_funcs(floor_arena_malloc, floor_arena_free);

    struct shared_work w = {.files = &fl};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t *tid = calloc((size_t)threads, sizeof *tid);
    for (int i = 0; i < threads; i++)
        pthread_create(&tid[i], NULL, floor_worker, &w);
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    uint64_t bytes = atomic_load(&w.bytes);
    printf("files=%zu bytes=%llu events=%llu seconds=%.3f mb_per_s=%.1f\n", fl.n,
           (unsigned long long)bytes, (unsigned long long)atomic_load(&w.events), secs,
           secs > 0 ? (double)bytes / 1e6 / secs : 0.0);
    for (size_t i = 0; i < fl.n; i++)
        free(fl.paths[i]);
    free(fl.paths);
    free(tid);
    return atomic_load(&w.failed) ? 1 : 0;
}
