/*
 * fuzz_reader.h — what the libFuzzer entry points of the input readers
 * share (tests/fuzz/fuzz_<format>.c, fuzz_detect.c, fuzz_gzip.c, and the
 * fixed index of fuzz_run.c). Header-only, all static inline.
 *
 * The input bytes are written to a memory file (memfd) and opened by path
 * through /proc/self/fd/N, so input_open(), the gzip layer and the parser
 * run exactly as they do for a file named on the command line: the same
 * parse_input() entry point cmd/ingest.c calls (parsers/reader.h).
 *
 * Each input is read twice: with the all-fields plan (--db, the REPL,
 * --fields) and with a narrow plan as a one-shot query makes (a few fields,
 * no @message, a pre-filter and a time range), so both the keep-everything
 * and the skip-what-is-not-needed paths of every parser are exercised. The
 * flush callback checks the batch's invariants (every offset inside the
 * byte buffer, every record's fields inside the field array, one known
 * kind per field) and abort()s on a violation, so libFuzzer keeps the
 * input.
 *
 * The memfd is per process and reused (a fuzzer runs one input at a time).
 */
#ifndef TRAILQ_FUZZ_READER_H
#define TRAILQ_FUZZ_READER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "index/record.h"
#include "parsers/detect.h"
#include "parsers/diag.h"
#include "parsers/input.h"
#include "parsers/plan.h"
#include "parsers/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write data to the process's memory file; returns its descriptor (offset
 * 0) and its path in path[], or -1 if it cannot be made. */
static inline int fuzz_memfile(const uint8_t *data, size_t size, char path[64])
{
    static int fd = -1;
    if (fd < 0)
        fd = memfd_create("trailq-fuzz", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, 0) != 0)
        return -1;
    size_t done = 0;
    while (done < size) {
        ssize_t w = pwrite(fd, data + done, size - done, (off_t)done);
        if (w <= 0)
            return -1;
        done += (size_t)w;
    }
    if (lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    snprintf(path, 64, "/proc/self/fd/%d", fd);
    return fd;
}

#define FUZZ_CHECK(cond)                                                               \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                   \
        }                                                                              \
    } while (0)

/* The invariants of a batch a parser hands over (index/record.h). */
static inline void fuzz_check_batch(const struct rec_batch *b)
{
    size_t bytes = b->bytes.len;
    FUZZ_CHECK(!b->open);
    for (size_t r = 0; r < b->n_recs; r++) {
        const struct rec *rec = &b->recs[r];
        FUZZ_CHECK((size_t)rec->first_field + rec->n_fields <= b->n_fields);
        FUZZ_CHECK((size_t)rec->msg_off + rec->msg_len <= bytes);
        FUZZ_CHECK((size_t)rec->stream_off + rec->stream_len <= bytes);
        for (uint32_t k = 0; k < rec->n_fields; k++) {
            const struct rec_field *f = &b->fields[rec->first_field + k];
            FUZZ_CHECK((size_t)f->name_off + f->name_len <= bytes);
            FUZZ_CHECK(f->kind == FV_STR || f->kind == FV_INT || f->kind == FV_REAL ||
                       f->kind == FV_BOOL || f->kind == FV_JSON);
            if (f->kind == FV_STR || f->kind == FV_JSON)
                FUZZ_CHECK((size_t)f->val_off + f->val_len <= bytes);
            if (f->kind == FV_BOOL)
                FUZZ_CHECK(f->ival == 0 || f->ival == 1);
        }
    }
}

static inline int fuzz_flush(void *arg, struct rec_batch *b)
{
    (void)arg;
    fuzz_check_batch(b);
    rb_reset(b);
    return 0;
}

/* Read the input as `type` under one plan; returns the records kept. */
static inline int64_t fuzz_parse_with(const char *path, enum input_type type,
                               const struct ingest_plan *plan)
{
    struct strbuf err = STRBUF_INIT;
    struct input *in = NULL;
    if (input_open(&in, path, &err) < 0) {
        fprintf(stderr, "fuzz: cannot open %s: %s\n", path, sb_str(&err));
        abort();
    }
    sb_free(&err);
    struct rec_batch batch = {0};
    struct diag_list diags;
    diag_init(&diags, path);
    struct parse_ctx ctx = {
        .in = in,
        .path = path,
        .plan = plan,
        .batch = &batch,
        .flush = fuzz_flush,
        .diags = &diags,
        .file_time = TS_NONE,
    };
    FUZZ_CHECK(parse_input(&ctx, type) == 0);
    FUZZ_CHECK(batch.n_recs == 0 && !batch.open);
    FUZZ_CHECK(ctx.n_records >= 0 && ctx.n_seen >= 0);
    FUZZ_CHECK(diags.n_items <= DIAG_KEEP);
    FUZZ_CHECK(diags.records_skipped >= 0);
    for (size_t i = 0; i < diags.n_items; i++)
        FUZZ_CHECK(diags.items[i].msg && diags.items[i].line >= 0);
    diag_list_free(&diags);
    rb_free(&batch);
    input_close(in);
    return ctx.n_records;
}

/* Read data as `type` with the all-fields plan, then with a narrow one. */
static inline int fuzz_read_as(const uint8_t *data, size_t size, enum input_type type)
{
    char path[64];
    if (fuzz_memfile(data, size, path) < 0) {
        perror("fuzz: memfd");
        abort();
    }
    struct ingest_plan all;
    plan_init_all(&all);
    fuzz_parse_with(path, type, &all);

    static const char *fields[] = {"eventName", "a", "a.b", "0", "userIdentity.arn",
                                   "requestParameters", "message", "srcaddr", "level"};
    static const char *lits[] = {"e", "1", "ERROR"};
    static struct plan_group group = {lits, sizeof lits / sizeof *lits};
    struct ingest_plan narrow = {
        .fields = fields,
        .n_fields = sizeof fields / sizeof *fields,
        .groups = &group,
        .n_groups = 1,
        .start_ms = 0,                      /* 1970-01-01 */
        .end_ms = (int64_t)4102444800000,   /* 2100-01-01 */
        .has_range = true,
    };
    fuzz_parse_with(path, type, &narrow);
    return 0;
}

#endif
