/*
 * ingest.c — inputs to index, file by file (see ingest.h).
 */
#include "cmd/ingest.h"

#include <string.h>
#include <sys/stat.h>

#include "cmd/msgs.h"
#include "index/diag.h"
#include "parsers/detect.h"
#include "parsers/input.h"

struct sink {
    struct store *st;
    int64_t source_id;
    int64_t n_events;
    bool failed;
};

static int flush_batch(void *arg, struct rec_batch *b)
{
    struct sink *s = arg;
    struct strbuf err = STRBUF_INIT;
    if (store_add_batch(s->st, s->source_id, b, &err) < 0) {
        errorf("%s", sb_str(&err));
        sb_free(&err);
        s->failed = true;
        return -1;
    }
    s->n_events += (int64_t)b->n_recs;
    rb_reset(b);
    return 0;
}

/* Read one file. Returns 0, or -1 on a fatal index error. */
static int ingest_one(struct store *st, const char *path, const struct ingest_plan *plan,
                      const struct ingest_opts *opts, struct rec_batch *batch,
                      struct ingest_result *res)
{
    struct strbuf err = STRBUF_INIT;
    int rc = 0;
    res->n_inputs++;
    if (opts->reuse && strcmp(path, "-") != 0) {
        struct stat stt;
        int64_t size, mtime;
        int64_t id = store_find_source(st, path, &size, &mtime);
        if (id && stat(path, &stt) == 0) {
            int64_t now_mtime = (int64_t)stt.st_mtim.tv_sec * 1000 + stt.st_mtim.tv_nsec / 1000000;
            if (size == stt.st_size && mtime == now_mtime) {
                res->n_reused++;
                return 0;
            }
            if (store_drop_source(st, id, &err) < 0) {
                errorf("%s", sb_str(&err));
                sb_free(&err);
                return -1;
            }
        }
    }
    struct input *in = NULL;
    if (input_open(&in, path, &err) < 0) {
        errorf("%s: %s", path, sb_str(&err));
        sb_free(&err);
        res->n_unreadable++;
        return 0;
    }
    enum input_type type = opts->type;
    if (type == IT_AUTO) {
        /* A read error here (a truncated .gz, say) still leaves what was
         * read before it; the parser reports the error when it gets there. */
        if (input_fill(in, DETECT_BYTES) < 0 && input_avail(in) == 0) {
            errorf("%s: %s", path, input_error(in));
            res->n_unreadable++;
            goto out;
        }
        if (input_avail(in) == 0 && input_eof(in))
            goto out; /* an empty input holds no events; nothing is wrong */
        type = detect_type(input_data(in), input_avail(in));
        if (type == IT_UNKNOWN) {
            errorf("%s: cannot tell what kind of log this is (use -t TYPE to say)", path);
            res->n_unreadable++;
            goto out;
        }
    }
    struct sink sink = {.st = st};
    sink.source_id = store_add_source(st, path, input_type_name(type), input_size(in),
                                      input_mtime(in), &err);
    if (sink.source_id < 0) {
        errorf("%s", sb_str(&err));
        rc = -1;
        goto out;
    }
    struct diag_list diags;
    diag_init(&diags, path);
    struct parse_ctx ctx = {
        .in = in,
        .path = path,
        .plan = plan,
        .batch = batch,
        .flush = flush_batch,
        .flush_arg = &sink,
        .diags = &diags,
        .file_time = TS_NONE,
    };
    rb_reset(batch);
    parse_input(&ctx, type);
    msg_diags(&diags);
    if (diags.n_errors)
        res->n_with_errors++;
    res->n_skipped += diags.records_skipped;
    res->n_events += sink.n_events;
    if (sink.failed) {
        rc = -1;
    } else if (store_finish_source(st, sink.source_id, sink.n_events, (int64_t)diags.n_errors,
                                   &err) < 0) {
        errorf("%s", sb_str(&err));
        rc = -1;
    }
    diag_list_free(&diags);
out:
    input_close(in);
    sb_free(&err);
    return rc;
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
    struct rec_batch batch = {0};
    int rc = 0;
    for (size_t i = 0; i < files->n && rc == 0; i++)
        rc = ingest_one(st, files->paths[i], plan, opts, &batch, res);
    rb_free(&batch);
    if (rc == 0 && store_commit(st, &err) < 0) {
        errorf("%s", sb_str(&err));
        rc = -1;
    }
    sb_free(&err);
    return rc;
}
