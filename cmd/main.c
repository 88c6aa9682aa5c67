/*
 * main.c — trailq's entry point: wires the layers together.
 *
 *   argv --options--> query text --parse/analyse--> ingest plan
 *        --walk/ingest (parsers -> index)--> SQL --run--> output
 *
 * This file owns the exit status (trailq(1), EXIT STATUS), decided in one place,
 * finish(): 0 everything read and the query ran; 1 it ran but some input
 * could not be read; 2 the command line or query is wrong; 3 nothing
 * could be done.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cmd/clock.h"
#include "cmd/exitcode.h"
#include "cmd/fieldcheck.h"
#include "cmd/fieldlist.h"
#include "cmd/filelist.h"
#include "cmd/ingest.h"
#include "cmd/lookup.h"
#include "cmd/msgs.h"
#include "cmd/operands.h"
#include "cmd/options.h"
#include "cmd/output.h"
#include "cmd/repl.h"
#include "cmd/run.h"
#include "cmd/sqlgen.h"
#include "cmd/term.h"
#include "cmd/walk.h"
#include "index/dbfile.h"
#include "index/store.h"
#include "base/timeval.h"
#include "base/xalloc.h"
#include "parsers/ctname.h"
#include "parsers/reader.h"
#include "query/compile.h"
#include "query/parser.h"
#include "query/sqlfn.h"

#define TRAILQ_VERSION "0.1.0"

/* How long a load waits for another trailq writing the same --db file
 * (TRAILQ_LOCK_WAIT seconds overrides it), and when it says it waits. */
enum { LOCK_WAIT_S = 30, LOCK_NOTE_MS = 1000, LOCK_POLL_MS = 100 };

/* The signal (SIGINT, SIGTERM) that asked a --db load to stop, or 0. A
 * signal handler can only reach static storage; set only by on_stop. */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig; /* SA_RESETHAND: a second one ends the process at once */
}

/* Without SA_RESTART, so that a read of standard input or a nap that waits
 * returns early and the stop is seen. */
static void catch_stop_signals(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_stop;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static char *read_query_file(const char *path)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp) {
        errorf("%s: %s", path, strerror(errno));
        return NULL;
    }
    struct strbuf sb = STRBUF_INIT;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_append(&sb, buf, n);
        if (sb.len > (1u << 20)) {
            errorf("%s: query file larger than 1 MiB", path);
            break;
        }
    }
    bool bad = ferror(fp) || sb.len > (1u << 20);
    if (fp != stdin)
        fclose(fp);
    if (bad) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

struct run_state {
    struct options opt;
    char *query_text;        /* owned */
    struct query *q;
    struct store *st;
    struct file_list files;
    struct walk_stats walk;
    size_t walk_problems;
    struct ingest_result ir;
    int lock_fd;             /* --db: the writer's flock, or -1 */
    struct strbuf scope;     /* --db with PATH: the condition of the query's scope */
    bool scoped;             /* scope restricts the index (temp.tq_scope_src is set) */
    size_t n_in_scope;       /* sources in it (with repeats) */
    int64_t run_start_ms;    /* wall clock: when the run started (sources loaded before it) */
    int64_t start_mono_ms;   /* monotonic: when the run started (the status line's time) */
    struct ingest_plan plan;
    struct plan_group *plan_groups; /* owned: the query's pre-filter, for the plan */
    struct compile_opts copts;
    struct lookup_set lookups;      /* --lookup tables */
};

/* One place for the exit status and the summary line. */
static int finish(struct run_state *rs, int status)
{
    if (status == EXIT_OK || status == EXIT_PARTIAL) {
        size_t bad_inputs = rs->walk_problems + rs->ir.n_unreadable;
        size_t tried = rs->ir.n_inputs + rs->walk_problems;
        if (bad_inputs || rs->ir.n_with_errors) {
            struct strbuf sum = STRBUF_INIT;
            if (bad_inputs)
                sb_printf(&sum, "%zu of %zu input%s could not be read", bad_inputs, tried,
                          tried == 1 ? "" : "s");
            if (rs->ir.n_with_errors)
                sb_printf(&sum, "%s%zu input%s read with errors", sum.len ? ", " : "",
                          rs->ir.n_with_errors, rs->ir.n_with_errors == 1 ? "" : "s");
            if (rs->ir.n_skipped)
                sb_printf(&sum, ", %lld record%s skipped", (long long)rs->ir.n_skipped,
                          rs->ir.n_skipped == 1 ? "" : "s");
            errorf("%s", sb_str(&sum));
            sb_free(&sum);
            status = EXIT_PARTIAL;
        }
    }
    if (fflush(stdout) != 0 && errno != EPIPE) {
        errorf("writing the results failed: %s", strerror(errno));
        status = EXIT_FAIL;
    }
    store_close(rs->st);
    dbfile_unlock(rs->lock_fd); /* after SQLite closed the file: see index/dbfile.h */
    ingest_result_free(&rs->ir);
    sb_free(&rs->scope);
    lookup_free(&rs->lookups);
    if (rs->q)
        query_free(rs->q);
    free(rs->query_text);
    free(rs->plan_groups);
    file_list_free(&rs->files);
    options_free(&rs->opt);
    return status;
}

static int parse_range(struct run_state *rs)
{
    int64_t now = rs->copts.now_ms;
    rs->copts.start_ms = INT64_MIN;
    rs->copts.end_ms = INT64_MAX;
    if (rs->opt.start && !tv_parse_cli_time(rs->opt.start, now, &rs->copts.start_ms)) {
        errorf("invalid --start time '%s' (use ISO-8601, epoch seconds or ms, now, or -15m)",
               rs->opt.start);
        return -1;
    }
    if (rs->opt.end && !tv_parse_cli_time(rs->opt.end, now, &rs->copts.end_ms)) {
        errorf("invalid --end time '%s' (use ISO-8601, epoch seconds or ms, now, or -15m)",
               rs->opt.end);
        return -1;
    }
    rs->copts.has_range = rs->opt.start || rs->opt.end;
    if (rs->copts.has_range && rs->copts.start_ms >= rs->copts.end_ms) {
        errorf("--start must be before --end");
        return -1;
    }
    return 0;
}

/* With --start: CloudTrail S3 objects whose names rule out the range
 * (parsers/ctname.h) are not opened at all. Not with --db, whose index
 * must serve later queries over other ranges. */
static void prune_by_time(struct run_state *rs)
{
    if (!rs->plan.has_range || rs->opt.db || rs->plan.start_ms == INT64_MIN ||
        (rs->opt.type != IT_AUTO && rs->opt.type != IT_CLOUDTRAIL))
        return;
    size_t kept = 0;
    for (size_t i = 0; i < rs->files.n; i++) {
        if (!ct_name_may_hold(rs->files.paths[i], rs->plan.start_ms, rs->plan.end_ms)) {
            free(rs->files.paths[i]);
        } else {
            rs->files.ids[kept] = rs->files.ids[i];
            rs->files.paths[kept++] = rs->files.paths[i];
        }
    }
    rs->files.n = kept;
}

static int open_store(struct run_state *rs, enum store_mode mode, const char *file)
{
    struct strbuf err = STRBUF_INIT;
    int max_cols = rs->plan.all_fields ? STORE_MAX_COLS : 1 << 20;
    if (store_open(&rs->st, mode, file, rs->opt.db, max_cols, &err) < 0) {
        errorf("%s", sb_str(&err));
        sb_free(&err);
        return EXIT_FAIL;
    }
    sb_free(&err);
    if (sqlfn_register(store_db(rs->st)) != SQLITE_OK) {
        errorf("cannot register SQL functions: %s", sqlite3_errmsg(store_db(rs->st)));
        return EXIT_FAIL;
    }
    struct strbuf lerr = STRBUF_INIT;
    lookup_connection_changed(&rs->lookups);
    if (lookup_install(&rs->lookups, store_db(rs->st), &lerr) < 0) {
        errorf("%s", sb_str(&lerr));
        sb_free(&lerr);
        return EXIT_FAIL;
    }
    sb_free(&lerr);
    return -1;
}

/* The writer's lock on the --db file, waiting a bounded time for another
 * trailq that holds it. Returns -1 when held, else an exit status. */
static int lock_db(struct run_state *rs)
{
    struct strbuf err = STRBUF_INIT;
    const char *env = getenv("TRAILQ_LOCK_WAIT");
    long wait_s = env && *env ? strtol(env, NULL, 10) : LOCK_WAIT_S;
    if (wait_s < 0)
        wait_s = 0;
    int64_t start = clock_mono_ms();
    bool noted = false;
    for (;;) {
        int r = dbfile_try_lock(rs->opt.db, &rs->lock_fd, &err);
        if (r < 0) {
            errorf("%s", sb_str(&err));
            sb_free(&err);
            return EXIT_FAIL;
        }
        if (r > 0)
            return -1;
        if (stop_signal) {
            errorf("stopped by %s while waiting for %s; nothing was loaded",
                   stop_signal == SIGTERM ? "SIGTERM" : "SIGINT", rs->opt.db);
            return 128 + stop_signal;
        }
        int64_t waited = clock_mono_ms() - start;
        if (waited >= wait_s * 1000) {
            errorf("%s is being written by another trailq (waited %lds); try again when it "
                   "has finished",
                   rs->opt.db, wait_s);
            return EXIT_FAIL;
        }
        if (!noted && waited >= LOCK_NOTE_MS) {
            notef("%s is being written by another trailq; waiting for it (at most %lds)",
                  rs->opt.db, wait_s);
            noted = true;
        }
        struct timespec nap = {0, LOCK_POLL_MS * 1000000L};
        nanosleep(&nap, NULL);
    }
}

/* The absolute name of a path that may be gone: realpath(3) of its
 * nearest existing parent, then the rest as written. NULL when a gone
 * part is "." or "..", which only the file system could resolve. */
static char *resolve_gone(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    if (errno != ENOENT)
        return NULL;
    char *copy = xstrdup(path);
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    char *slash = strrchr(copy, '/');
    const char *base = slash ? slash + 1 : copy;
    char *out = NULL;
    if (*base && strcmp(base, ".") != 0 && strcmp(base, "..") != 0) {
        char *parent;
        if (!slash)
            parent = realpath(".", NULL);
        else if (slash == copy)
            parent = xstrdup("/");
        else {
            *slash = '\0';
            parent = resolve_gone(copy);
        }
        if (parent)
            out = xasprintf("%s/%s", strcmp(parent, "/") == 0 ? "" : parent, base);
        free(parent);
    }
    free(copy);
    return out;
}

/* --db with a PATH: the query's scope is the sources the inputs resolved
 * to and every source recorded under a PATH (a file deleted since it was
 * loaded stays in the case). */
static int set_scope(struct run_state *rs, char *const *paths, size_t n_paths)
{
    struct strbuf err = STRBUF_INIT;
    int64_t *ids = NULL;
    size_t n = rs->ir.n_scope, cap = 0;
    ids = xgrow(ids, &cap, n + 1, sizeof *ids);
    if (n) /* memcpy from NULL is undefined even for 0 bytes */
        memcpy(ids, rs->ir.scope, n * sizeof *ids);
    int rc = 0;
    for (size_t i = 0; i < n_paths && rc == 0; i++) {
        if (strcmp(paths[i], "-") == 0)
            continue;
        char *dir = resolve_gone(paths[i]);
        if (dir)
            rc = store_sources_under(rs->st, dir, &ids, &n, &cap, &err);
        free(dir);
    }
    if (rc == 0)
        rc = store_scope_sql(rs->st, ids, n, &rs->scope, &err);
    rs->n_in_scope = n;
    free(ids);
    if (rc < 0) {
        errorf("%s", sb_str(&err));
        sb_free(&err);
        return EXIT_FAIL;
    }
    sb_free(&err);
    rs->scoped = true;
    rs->copts.scope_where = sb_str(&rs->scope);
    return -1;
}

/* --db: one line on the records of the sources in scope that could not be
 * read when they were loaded by an earlier run (this run's are reported
 * as they are read). */
static void note_unreadable(struct run_state *rs)
{
    sqlite3_stmt *st = NULL;
    const char *sql = rs->scoped ? "SELECT count(*), coalesce(sum(n_skipped), 0) FROM sources"
                                   " WHERE n_skipped > 0 AND loaded_at < ?"
                                   " AND id IN (SELECT id FROM temp.tq_scope_src)"
                                 : "SELECT count(*), coalesce(sum(n_skipped), 0) FROM sources"
                                   " WHERE n_skipped > 0 AND loaded_at < ?";
    if (sqlite3_prepare_v2(store_db(rs->st), sql, -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, rs->run_start_ms);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0) {
        long long n_src = sqlite3_column_int64(st, 0), n_rec = sqlite3_column_int64(st, 1);
        notef("%lld record%s in %lld source%s of %s could not be read when loaded; they are not "
              "counted (--files lists them)",
              n_rec, n_rec == 1 ? "" : "s", n_src, n_src == 1 ? "" : "s", rs->opt.db);
    }
    sqlite3_finalize(st);
}

/* A stopped or finished load of a new index: put it in place (whole
 * sources only) and open it for the query. */
static int publish_new(struct run_state *rs, char *tmp, int tmp_fd)
{
    struct strbuf err = STRBUF_INIT;
    int status = -1;
    if (store_mark_complete(rs->st, &err) < 0) {
        errorf("%s", sb_str(&err));
        status = EXIT_FAIL;
    }
    store_close(rs->st);
    rs->st = NULL;
    if (status < 0 && dbfile_publish(tmp, rs->opt.db, &err) < 0) {
        errorf("%s", sb_str(&err));
        status = EXIT_FAIL;
    }
    if (status >= 0)
        dbfile_discard(tmp);
    dbfile_unlock(tmp_fd);
    free(tmp);
    sb_free(&err);
    if (status >= 0)
        return status;
    return open_store(rs, STORE_FILE, rs->opt.db);
}

/* --db: the index file (and SQLite's files and trailq's temporary ones
 * beside it) inside a directory being read is not an input. */
static void drop_own_files(struct run_state *rs)
{
    char *dir = realpath(rs->opt.db, NULL);
    if (!dir) {
        /* not there yet: its directory and name */
        char *copy = xstrdup(rs->opt.db);
        char *slash = strrchr(copy, '/');
        const char *base = slash ? slash + 1 : copy;
        if (slash)
            *slash = '\0';
        char *parent = realpath(slash ? (*copy ? copy : "/") : ".", NULL);
        if (parent)
            dir = xasprintf("%s/%s", strcmp(parent, "/") == 0 ? "" : parent, base);
        free(parent);
        free(copy);
        if (!dir)
            return;
    }
    size_t len = strlen(dir), kept = 0;
    for (size_t i = 0; i < rs->files.n; i++) {
        char *real = strcmp(rs->files.paths[i], "-") ? realpath(rs->files.paths[i], NULL) : NULL;
        bool own = real && strncmp(real, dir, len) == 0 &&
                   (real[len] == '\0' || real[len] == '-' || real[len] == '.');
        free(real);
        if (own) {
            free(rs->files.paths[i]);
            continue;
        }
        rs->files.ids[kept] = rs->files.ids[i];
        rs->files.paths[kept++] = rs->files.paths[i];
    }
    rs->files.n = kept;
    free(dir);
}

/* Read the inputs (or reuse the --db index). Returns an exit status to
 * stop with, or -1 to go on. */
static int load(struct run_state *rs)
{
    struct strbuf err = STRBUF_INIT;
    char *stdin_path[] = {"-"};
    char *const *paths = rs->opt.paths;
    size_t n_paths = rs->opt.n_paths;
    enum dbfile_state state = DBF_MISSING;
    if (rs->opt.db && dbfile_inspect(rs->opt.db, &state, &err) < 0) {
        errorf("%s", sb_str(&err));
        sb_free(&err);
        return EXIT_FAIL;
    }
    if (n_paths == 0) {
        if (rs->opt.db) {
            /* query the index as it is */
            if (state == DBF_MISSING) {
                errorf("%s: no such index (name files or directories to load into it)",
                       rs->opt.db);
                return EXIT_FAIL;
            }
            if (state == DBF_EMPTY) {
                notef("%s holds no events yet (another trailq may be loading it)", rs->opt.db);
                return open_store(rs, STORE_TEMP, NULL);
            }
            int st = open_store(rs, STORE_FILE, rs->opt.db);
            if (st < 0 && !rs->opt.fields && !rs->opt.files)
                note_unreadable(rs);
            return st;
        }
        if (rs->opt.query_file && strcmp(rs->opt.query_file, "-") == 0) {
            errorf("the query was read from standard input (-f -), so it holds no logs: "
                   "name the files or directories to search");
            return EXIT_USAGE;
        }
        if (term_is(STDIN_FILENO)) {
            errorf("no input: give files or directories, or pipe logs into standard input");
            return EXIT_USAGE;
        }
        paths = stdin_path;
        n_paths = 1;
    }
    rs->walk_problems = walk_inputs(paths, n_paths, &rs->files, &rs->walk);
    if (rs->files.n == 0 && rs->walk_problems == 0 && !rs->opt.db) {
        errorf("no input files: the paths given hold no file to read");
        return EXIT_FAIL;
    }
    prune_by_time(rs);

    if (rs->opt.db)
        drop_own_files(rs);

    /* --db: the writer's lock, then the index as it is now */
    char *tmp = NULL;
    int tmp_fd = -1;
    bool created = state == DBF_MISSING;
    enum store_mode mode = STORE_TEMP;
    bool load_failed = false;
    if (rs->opt.db) {
        int st = lock_db(rs);
        if (st >= 0)
            return st;
        if (dbfile_inspect(rs->opt.db, &state, &err) < 0) {
            errorf("%s", sb_str(&err));
            sb_free(&err);
            return EXIT_FAIL;
        }
        if (state == DBF_INDEX) {
            mode = STORE_FILE;
        } else {
            dbfile_sweep(rs->opt.db);
            if (dbfile_temp(rs->opt.db, &tmp, &tmp_fd, &err) < 0) {
                errorf("%s", sb_str(&err));
                sb_free(&err);
                return EXIT_FAIL;
            }
            mode = STORE_NEW;
        }
    }
    int st = open_store(rs, mode, mode == STORE_FILE ? rs->opt.db : tmp);
    if (st < 0) {
        struct ingest_opts io = {
            .type = rs->opt.type,
            .identity = rs->opt.db != NULL || rs->opt.files,
            .reuse = rs->opt.db != NULL,
            .commit_often = mode == STORE_FILE,
            .progress = rs->opt.progress == WHEN_ALWAYS ||
                        (rs->opt.progress == WHEN_AUTO && term_is(STDERR_FILENO)),
            .stop = rs->opt.db ? &stop_signal : NULL,
        };
        struct dbfile_flusher *flusher = mode == STORE_NEW ? dbfile_flusher_start(tmp_fd) : NULL;
        int ingest_rc = ingest_files(rs->st, &rs->files, &rs->plan, &io, &rs->ir);
        dbfile_flusher_stop(flusher);
        if (ingest_rc < 0) {
            st = EXIT_FAIL;
            load_failed = true;
        }
        if (rs->opt.db) {
            signal(SIGINT, SIG_DFL);
            signal(SIGTERM, SIG_DFL);
        }
    }
    if (mode == STORE_NEW) {
        bool keep = st < 0 && rs->ir.n_loaded > 0;
        if (keep) {
            st = publish_new(rs, tmp, tmp_fd);
        } else {
            store_close(rs->st);
            rs->st = NULL;
            dbfile_discard(tmp);
            dbfile_unlock(tmp_fd);
            free(tmp);
            if (created) {
                /* nothing to keep: no empty placeholder left behind */
                struct stat held, now;
                if (fstat(rs->lock_fd, &held) == 0 && stat(rs->opt.db, &now) == 0 &&
                    held.st_ino == now.st_ino && held.st_dev == now.st_dev && now.st_size == 0)
                    unlink(rs->opt.db);
            }
            if (st < 0)
                st = open_store(rs, STORE_TEMP, NULL);
        }
    }
    if (rs->ir.stopped && st < 0) {
        int sig = stop_signal;
        errorf("stopped by %s: %s keeps the whole sources loaded before it (%zu added now, "
               "%lld events); %zu input%s not loaded: run the same command again to load %s",
               sig == SIGTERM ? "SIGTERM" : "SIGINT", rs->opt.db, rs->ir.n_loaded,
               (long long)rs->ir.n_events, rs->ir.n_not_loaded,
               rs->ir.n_not_loaded == 1 ? " was" : "s were",
               rs->ir.n_not_loaded == 1 ? "it" : "them");
        return 128 + (sig ? sig : SIGINT);
    }
    if (st >= 0) {
        if (load_failed && mode == STORE_FILE)
            errorf("%s keeps the sources committed before the failure; run again to load the "
                   "rest",
                   rs->opt.db);
        return st;
    }
    if (rs->ir.n_time_fallback) {
        bool one = rs->ir.n_time_fallback == 1;
        notef("%lld event%s in %zu input%s had no time of %s own: %s @timestamp is %s",
              (long long)rs->ir.n_time_fallback, one ? "" : "s", rs->ir.n_time_fallback_inputs,
              rs->ir.n_time_fallback_inputs == 1 ? "" : "s", one ? "its" : "their",
              one ? "its" : "their",
              strcmp(rs->ir.time_fallback_first, "-") == 0 && rs->ir.n_time_fallback_inputs == 1
                  ? "the time standard input was read"
                  : "the file's modification time");
    }
    if (rs->ir.n_same_bytes && rs->opt.db)
        notef("%zu input%s held bytes already in %s (the same file under another name, or "
              "standard input loaded before): nothing added",
              rs->ir.n_same_bytes, rs->ir.n_same_bytes == 1 ? "" : "s", rs->opt.db);
    else if (rs->ir.n_same_bytes)
        notef("%zu input%s held the same bytes as an input before %s (a copy under another "
              "name): listed as one source",
              rs->ir.n_same_bytes, rs->ir.n_same_bytes == 1 ? "" : "s",
              rs->ir.n_same_bytes == 1 ? "it" : "them");
    if (rs->ir.n_other_type)
        notef("%zu input%s already in %s as another type than -t %s (the first: %s): kept as "
              "%s; to read %s as %s, load %s into a new --db",
              rs->ir.n_other_type, rs->ir.n_other_type == 1 ? " is" : "s are", rs->opt.db,
              input_type_name(rs->opt.type), rs->ir.other_type_first,
              rs->ir.n_other_type == 1 ? "it was" : "they were",
              rs->ir.n_other_type == 1 ? "it" : "them", input_type_name(rs->opt.type),
              rs->ir.n_other_type == 1 ? "it" : "them");
    if (rs->ir.n_copies)
        notef("%zu input%s held the same bytes as an input before %s (a copy under another "
              "name): %s events are counted again, as every input's are (with --db a copy "
              "adds nothing)",
              rs->ir.n_copies, rs->ir.n_copies == 1 ? "" : "s",
              rs->ir.n_copies == 1 ? "it" : "them", rs->ir.n_copies == 1 ? "its" : "their");
    if (rs->ir.n_replaced)
        notef("%zu source%s of %s replaced: %s file%s changed since %s loaded",
              rs->ir.n_replaced, rs->ir.n_replaced == 1 ? "" : "s", rs->opt.db,
              rs->ir.n_replaced == 1 ? "its" : "their", rs->ir.n_replaced == 1 ? "" : "s",
              rs->ir.n_replaced == 1 ? "it was" : "they were");
    if (rs->opt.db) {
        st = set_scope(rs, paths, n_paths);
        if (st >= 0)
            return st;
        if (!rs->opt.fields && !rs->opt.files)
            note_unreadable(rs);
    }
    size_t tried = rs->ir.n_inputs + rs->walk_problems;
    if (rs->opt.db && rs->files.n == 0 && rs->walk_problems == 0 && rs->n_in_scope == 0) {
        errorf("no input files: the paths given hold no file to read");
        return EXIT_FAIL;
    }
    if (tried > 0 && rs->walk_problems + rs->ir.n_unreadable == tried &&
        store_n_events(rs->st) == 0) {
        errorf("no readable input");
        return EXIT_FAIL;
    }
    return -1;
}

int main(int argc, char **argv)
{
    struct run_state rs = {.lock_fd = -1};
    signal(SIGPIPE, SIG_IGN);
    store_library_init();
    /* Into a file or a pipe, write in 64 KiB blocks rather than stdio's
     * 4 KiB (36k result rows: 789 write calls -> 50); a terminal keeps
     * its line buffering. */
    static char stdout_buffer[1 << 16]; /* glibc ignores the size without a buffer */
    if (!term_is(STDOUT_FILENO))
        setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
    struct strbuf err = STRBUF_INIT;
    if (options_parse(argc, argv, &rs.opt, &err) < 0) {
        errorf("%s", sb_str(&err));
        msg_try_help();
        sb_free(&err);
        return finish(&rs, EXIT_USAGE);
    }
    sb_free(&err);
    if (rs.opt.db) {
        /* a --db load stops after its last whole source (see load) */
        catch_stop_signals();
    }
    msg_set_color(options_color(&rs.opt, STDERR_FILENO));
    if (rs.opt.help) {
        options_help(stdout);
        return finish(&rs, EXIT_OK);
    }
    if (rs.opt.version) {
        printf("trailq %s (SQLite %s, jansson %s)\n", TRAILQ_VERSION, sqlite3_libversion(),
               JANSSON_VERSION);
        return finish(&rs, EXIT_OK);
    }
    rs.start_mono_ms = clock_mono_ms();
    rs.copts.now_ms = clock_wall_ms();
    rs.run_start_ms = rs.copts.now_ms;
    if (parse_range(&rs) < 0)
        return finish(&rs, EXIT_USAGE);
    for (size_t i = 0; i < rs.opt.n_lookups; i++) {
        struct strbuf lerr = STRBUF_INIT;
        if (lookup_add(&rs.lookups, rs.opt.lookups[i], &lerr) < 0) {
            errorf("%s", sb_str(&lerr));
            sb_free(&lerr);
            return finish(&rs, EXIT_USAGE);
        }
    }
    rs.copts.lookups = rs.lookups.tables;
    rs.copts.n_lookups = rs.lookups.n;

    if (rs.opt.query_file) {
        rs.query_text = read_query_file(rs.opt.query_file);
        if (!rs.query_text)
            return finish(&rs, EXIT_USAGE);
    } else if (rs.opt.query) {
        rs.query_text = xstrdup(rs.opt.query);
    }

    if (operands_check(&rs.opt) < 0)
        return finish(&rs, EXIT_USAGE);

    if (sqlgen_wanted(&rs.opt))
        return finish(&rs, sqlgen_run(&rs.opt, rs.query_text, &rs.copts));

    plan_init_all(&rs.plan);
    /* A --db index keeps every event: later queries may ask for other ranges. */
    rs.plan.has_range = rs.copts.has_range && !rs.opt.db;
    rs.plan.start_ms = rs.copts.start_ms;
    rs.plan.end_ms = rs.copts.end_ms;

    if (rs.opt.fields || rs.opt.files) {
        int st = load(&rs);
        if (st >= 0)
            return finish(&rs, st);
        if (rs.opt.files)
            return finish(&rs, filelist_print(rs.st, rs.scoped, &rs.opt.show));
        return finish(&rs, fieldlist_print(rs.st, &rs.opt.show));
    }

    if (!rs.query_text) {
        if (!term_is(STDIN_FILENO)) {
            errorf("no query given (and standard input is not a terminal for the interactive mode)");
            msg_try_help();
            return finish(&rs, EXIT_USAGE);
        }
        int st = load(&rs);
        if (st >= 0)
            return finish(&rs, st);
        struct repl_opts ro = {.scoped = rs.scoped, .range_loaded = rs.plan.has_range,
                               .show = &rs.opt.show, .lookups = &rs.lookups};
        int status = repl_run(rs.st, &rs.copts, &ro);
        return finish(&rs, status);
    }

    /* One query: parse and analyse it before reading anything. */
    struct qerror qe = {0};
    rs.q = query_parse(rs.query_text, strlen(rs.query_text), &qe);
    struct compile_result an;
    rs.copts.raw_message = out_format_for(rs.opt.show.format, stdout) == OUT_RAW;
    if (rs.q && compile_query(rs.q, NULL, &rs.copts, &an, &qe) == 0) {
        /* diff reads a comparison window before --start */
        if (an.range_start_ms < rs.plan.start_ms)
            rs.plan.start_ms = an.range_start_ms;
        if (!rs.opt.db) {
            rs.plan.all_fields = an.all_fields;
            rs.plan.fields = an.raw_fields;
            rs.plan.n_fields = an.n_raw_fields;
            rs.plan.keep_message = an.needs_message;
            rs.plan_groups = xcalloc(an.n_groups ? an.n_groups : 1, sizeof *rs.plan_groups);
            for (size_t g = 0; g < an.n_groups; g++)
                rs.plan_groups[g] = (struct plan_group){an.groups[g].lits, an.groups[g].n_lits};
            rs.plan.groups = rs.plan_groups;
            rs.plan.n_groups = an.n_groups;
        }
    } else {
        struct strbuf sb = STRBUF_INIT;
        qerror_render(&qe, rs.query_text, strlen(rs.query_text), &sb);
        msg_raw(sb_str(&sb));
        sb_free(&sb);
        return finish(&rs, EXIT_USAGE);
    }
    int st = load(&rs);
    if (st >= 0)
        return finish(&rs, st);
    struct run_opts ro = {
        .show = &rs.opt.show,
        .explain = rs.opt.explain,
        .make_indexes = rs.opt.db != NULL,
        .color = options_color(&rs.opt, STDOUT_FILENO),
        .status = true,
        .start_ms = rs.start_mono_ms,
        .copts = &rs.copts,
        .check_fields = rs.opt.db != NULL,
    };
    int status = run_query(rs.st, rs.q, &ro);
    /* a one-shot index holds only the fields the query reads: the names
     * to suggest come from the inputs' first events */
    if (status == EXIT_OK && !rs.opt.db && !rs.opt.explain)
        fieldcheck_sampled(rs.st, &rs.files, rs.opt.type, rs.q->text, rs.q->len, an.raw_fields,
                           an.n_raw_fields);
    return finish(&rs, status);
}
