/*
 * reader.c — the entry point shared by all input formats (see reader.h):
 * type names, dispatch to the format's reader, and batch flushing.
 */
#include "parsers/reader.h"

#include <assert.h>
#include <string.h>

static const char *const type_names[] = {
    [IT_AUTO] = "auto",         [IT_CLOUDTRAIL] = "cloudtrail", [IT_CWLOGS] = "cwlogs",
    [IT_EXPORT] = "export",     [IT_JSONL] = "jsonl",           [IT_LAMBDA] = "lambda",
    [IT_VPCFLOW] = "vpcflow",   [IT_TEXT] = "text",             [IT_UNKNOWN] = "unknown",
};

const char *input_type_name(enum input_type t)
{
    return t <= IT_UNKNOWN ? type_names[t] : "unknown";
}

enum input_type input_type_parse(const char *name)
{
    for (int t = IT_AUTO; t < IT_UNKNOWN; t++)
        if (strcmp(name, type_names[t]) == 0)
            return (enum input_type)t;
    return IT_UNKNOWN;
}

int parse_emit(struct parse_ctx *ctx)
{
    assert(ctx->batch->open); /* a record was begun, and not yet ended or aborted */
    rb_end(ctx->batch);
    ctx->n_records++;
    if (ctx->batch->n_recs >= BATCH_MAX_RECS || ctx->batch->bytes.len >= BATCH_MAX_BYTES) {
        if (ctx->flush(ctx->flush_arg, ctx->batch) < 0) {
            ctx->stopped = 1;
            return -1;
        }
        assert(ctx->batch->n_recs == 0); /* the flush used it and left it reset */
    }
    return 0;
}

int parse_input(struct parse_ctx *ctx, enum input_type type)
{
    int rc;
    switch (type) {
    case IT_CLOUDTRAIL:
        rc = ct_parse(ctx);
        break;
    case IT_CWLOGS:
        rc = cwl_parse(ctx);
        break;
    case IT_EXPORT:
        rc = export_parse(ctx);
        break;
    case IT_JSONL:
        rc = jsonl_parse(ctx);
        break;
    case IT_LAMBDA:
        rc = lambda_parse(ctx);
        break;
    case IT_VPCFLOW:
        rc = vpc_parse(ctx);
        break;
    case IT_TEXT:
        rc = text_parse(ctx);
        break;
    default:
        diag_add(ctx->diags, DIAG_ERROR, 0, "cannot read inputs of type %s",
                 input_type_name(type));
        return 0;
    }
    /* a reader that read to the end left no record half built */
    assert(rc != 0 || !ctx->batch->open);
    if (rc == 0 && ctx->batch->n_recs > 0 && ctx->flush(ctx->flush_arg, ctx->batch) < 0) {
        ctx->stopped = 1;
        rc = -1;
    }
    return rc;
}
