/*
 * reader.h — what every input-format parser looks like to cmd/.
 *
 * cmd/ opens an input, decides its type (detect.h, or -t), and calls
 * parse_input(). The parser reads the input, turns each event into a record
 * of the batch (index/record.h) according to the plan (parsers/plan.h), and
 * calls ctx->flush whenever the batch has grown large, and once at the end.
 * Problems go into ctx->diags with their line; the parser then carries on
 * with the rest of the input. Nothing here prints.
 *
 * One file per format: cloudtrail.c, cwlogs.c, export.c, jsonl.c,
 * lambda.c, vpcflow.c, text.c.
 */
#ifndef TRAILQ_READER_H
#define TRAILQ_READER_H

#include <stdint.h>

#include "parsers/diag.h"
#include "parsers/plan.h"
#include "index/record.h"
#include "parsers/input.h"

enum input_type {
    IT_AUTO,
    IT_CLOUDTRAIL,
    IT_CWLOGS,
    IT_EXPORT,
    IT_JSONL,
    IT_LAMBDA,
    IT_VPCFLOW,
    IT_TEXT,
    IT_UNKNOWN,   /* detection could not tell */
};

/* Flush a batch when it holds this many records or bytes. */
enum { BATCH_MAX_RECS = 1024, BATCH_MAX_BYTES = 1 << 20 };

struct parse_ctx {
    struct input *in;                 /* the open input */
    const char *path;                 /* as given on the command line */
    const struct ingest_plan *plan;   /* what to keep */
    struct rec_batch *batch;          /* where records go */
    /* Hand a batch over; the callee uses it and leaves it reset.
     * Returns 0, or -1 to stop reading (the error is the callee's). */
    int (*flush)(void *arg, struct rec_batch *batch);
    void *flush_arg;
    struct diag_list *diags;          /* problems found */
    int64_t n_records;                /* events kept so far */
    int64_t n_seen;                   /* records read (kept, filtered or broken) */
    int64_t file_time;                /* time from the file's name or mtime (ms), or TS_NONE */
    int stopped;                      /* flush asked to stop */
};

/* Names of types for -t and messages ("cloudtrail", ...); NULL for IT_AUTO. */
const char *input_type_name(enum input_type t);
/* Parse a -t argument; IT_UNKNOWN if it names no type. */
enum input_type input_type_parse(const char *name);

/* Read the whole input as `type`. Returns 0 when the input was read to its
 * end (problems are in diags), -1 when reading stopped early (a flush
 * failure; an unreadable input is a diag, not -1). */
int parse_input(struct parse_ctx *ctx, enum input_type type);

/* Finish the current record and flush the batch if it is full. Returns 0
 * or -1 if the flush asked to stop. Used by every format. */
int parse_emit(struct parse_ctx *ctx);

/* Per-format entry points (same contract as parse_input). */
int ct_parse(struct parse_ctx *ctx);
int cwl_parse(struct parse_ctx *ctx);
int export_parse(struct parse_ctx *ctx);
int jsonl_parse(struct parse_ctx *ctx);
int lambda_parse(struct parse_ctx *ctx);
int vpc_parse(struct parse_ctx *ctx);
int text_parse(struct parse_ctx *ctx);

#endif
