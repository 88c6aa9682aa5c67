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
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cmd/fieldlist.h"
#include "cmd/ingest.h"
#include "cmd/msgs.h"
#include "cmd/options.h"
#include "cmd/output.h"
#include "cmd/repl.h"
#include "cmd/run.h"
#include "cmd/walk.h"
#include "index/store.h"
#include "base/timeval.h"
#include "base/xalloc.h"
#include "parsers/reader.h"
#include "query/compile.h"
#include "query/parser.h"
#include "query/sqlfn.h"

#define TRAILQ_VERSION "0.1.0"

enum exit_status { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_FAIL = 3 };

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *cols = getenv("COLUMNS");
    if (cols) {
        long v = strtol(cols, NULL, 10);
        if (v > 0 && v < 100000)
            return (int)v;
    }
    return 0;
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
    struct ingest_plan plan;
    struct plan_group *plan_groups; /* owned: the query's pre-filter, for the plan */
    struct compile_opts copts;
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

/* --start: CloudTrail S3 objects delivered before it hold no event at or
 * after it (an event is always delivered after it happened), so they are
 * not opened at all. Only --start prunes: a file delivered after --end may
 * still hold earlier events, as delivery can be late. Not with --db, whose
 * index must serve later queries over other ranges. */
static void prune_by_time(struct run_state *rs)
{
    if (!rs->plan.has_range || rs->opt.db || rs->copts.start_ms == INT64_MIN ||
        (rs->opt.type != IT_AUTO && rs->opt.type != IT_CLOUDTRAIL))
        return;
    size_t kept = 0;
    for (size_t i = 0; i < rs->files.n; i++) {
        int64_t t = ct_delivery_time(rs->files.paths[i]);
        if (t != TS_NONE && t < rs->copts.start_ms) {
            free(rs->files.paths[i]);
        } else {
            rs->files.ids[kept] = rs->files.ids[i];
            rs->files.paths[kept++] = rs->files.paths[i];
        }
    }
    rs->files.n = kept;
}

/* Read the inputs (or reuse the --db index). Returns an exit status to
 * stop with, or -1 to go on. */
static int load(struct run_state *rs)
{
    struct strbuf err = STRBUF_INIT;
    int max_cols = rs->plan.all_fields ? STORE_MAX_COLS : 1 << 20;
    if (store_open(&rs->st, rs->opt.db ? STORE_FILE : STORE_TEMP, rs->opt.db, max_cols, &err) <
        0) {
        errorf("%s", sb_str(&err));
        sb_free(&err);
        return EXIT_FAIL;
    }
    sb_free(&err);
    if (sqlfn_register(store_db(rs->st)) != SQLITE_OK) {
        errorf("cannot register SQL functions: %s", sqlite3_errmsg(store_db(rs->st)));
        return EXIT_FAIL;
    }
    char *stdin_path[] = {"-"};
    char *const *paths = rs->opt.paths;
    size_t n_paths = rs->opt.n_paths;
    if (n_paths == 0) {
        if (rs->opt.db) {
            /* query the index as it is; an empty one is most likely a typo */
            if (store_n_events(rs->st) == 0)
                notef("%s holds no events yet (give files or directories to load)", rs->opt.db);
            return -1;
        }
        if (rs->opt.query_file && strcmp(rs->opt.query_file, "-") == 0) {
            errorf("the query was read from standard input (-f -), so it holds no logs: "
                   "name the files or directories to search");
            return EXIT_USAGE;
        }
        if (isatty(STDIN_FILENO)) {
            errorf("no input: give files or directories, or pipe logs into standard input");
            return EXIT_USAGE;
        }
        paths = stdin_path;
        n_paths = 1;
    }
    rs->walk_problems = walk_inputs(paths, n_paths, &rs->files, &rs->walk);
    if (rs->files.n == 0 && rs->walk_problems == 0) {
        errorf("no input files: the paths given hold no file to read");
        return EXIT_FAIL;
    }
    prune_by_time(rs);
    struct ingest_opts io = {
        .type = rs->opt.type,
        .reuse = rs->opt.db != NULL,
        .progress = rs->opt.progress == WHEN_ALWAYS ||
                    (rs->opt.progress == WHEN_AUTO && isatty(STDERR_FILENO)),
    };
    if (ingest_files(rs->st, &rs->files, &rs->plan, &io, &rs->ir) < 0)
        return EXIT_FAIL;
    size_t tried = rs->ir.n_inputs + rs->walk_problems;
    if (tried > 0 && rs->walk_problems + rs->ir.n_unreadable == tried &&
        store_n_events(rs->st) == 0) {
        errorf("no readable input");
        return EXIT_FAIL;
    }
    return -1;
}

int main(int argc, char **argv)
{
    struct run_state rs = {0};
    signal(SIGPIPE, SIG_IGN);
    store_library_init();
    /* Into a file or a pipe, write in 64 KiB blocks rather than stdio's
     * 4 KiB (36k result rows: 789 write calls -> 50); a terminal keeps
     * its line buffering. */
    static char stdout_buffer[1 << 16]; /* glibc ignores the size without a buffer */
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
    struct strbuf err = STRBUF_INIT;
    if (options_parse(argc, argv, &rs.opt, &err) < 0) {
        errorf("%s", sb_str(&err));
        fputs("Try 'trailq --help' for more information.\n", stderr);
        sb_free(&err);
        return finish(&rs, EXIT_USAGE);
    }
    sb_free(&err);
    msg_set_color(rs.opt.color == WHEN_ALWAYS ||
                  (rs.opt.color == WHEN_AUTO && isatty(STDERR_FILENO) && !getenv("NO_COLOR")));
    if (rs.opt.help) {
        options_help(stdout);
        return finish(&rs, EXIT_OK);
    }
    if (rs.opt.version) {
        printf("trailq %s (SQLite %s, jansson %s)\n", TRAILQ_VERSION, sqlite3_libversion(),
               JANSSON_VERSION);
        return finish(&rs, EXIT_OK);
    }
    rs.copts.now_ms = now_ms();
    if (parse_range(&rs) < 0)
        return finish(&rs, EXIT_USAGE);

    if (rs.opt.query_file) {
        rs.query_text = read_query_file(rs.opt.query_file);
        if (!rs.query_text)
            return finish(&rs, EXIT_USAGE);
    } else if (rs.opt.query) {
        rs.query_text = xstrdup(rs.opt.query);
    }

    plan_init_all(&rs.plan);
    /* A --db index keeps every event: later queries may ask for other ranges. */
    rs.plan.has_range = rs.copts.has_range && !rs.opt.db;
    rs.plan.start_ms = rs.copts.start_ms;
    rs.plan.end_ms = rs.copts.end_ms;

    if (rs.opt.fields) {
        int st = load(&rs);
        if (st >= 0)
            return finish(&rs, st);
        int fmt = rs.opt.format >= 0 ? rs.opt.format : isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_TSV;
        return finish(&rs, fieldlist_print(rs.st, fmt, stdout, terminal_width()));
    }

    if (!rs.query_text) {
        if (!isatty(STDIN_FILENO)) {
            errorf("no query given (and standard input is not a terminal for the interactive mode)");
            fputs("Try 'trailq --help' for more information.\n", stderr);
            return finish(&rs, EXIT_USAGE);
        }
        int st = load(&rs);
        if (st >= 0)
            return finish(&rs, st);
        int status = repl_run(rs.st, &rs.copts, rs.opt.format);
        return finish(&rs, status);
    }

    /* One query: parse and analyse it before reading anything. */
    struct qerror qe = {0};
    rs.q = query_parse(rs.query_text, strlen(rs.query_text), &qe);
    struct compile_result an;
    if (rs.q && compile_query(rs.q, NULL, &rs.copts, &an, &qe) == 0) {
        if (!rs.opt.db) {
            rs.plan.all_fields = false;
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
        .format = rs.opt.format >= 0 ? rs.opt.format : isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_TSV,
        .explain = rs.opt.explain,
        .make_indexes = rs.opt.db != NULL,
        .color = rs.opt.color == WHEN_ALWAYS ||
                 (rs.opt.color == WHEN_AUTO && isatty(STDOUT_FILENO) && !getenv("NO_COLOR")),
        .term_width = isatty(STDOUT_FILENO) ? terminal_width() : 0,
        .out = stdout,
        .copts = &rs.copts,
    };
    return finish(&rs, run_query(rs.st, rs.q, &ro));
}
