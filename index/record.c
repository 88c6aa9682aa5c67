/*
 * record.c — building batches of parsed events (see record.h).
 */
#include "index/record.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void rb_begin(struct rec_batch *b, int64_t seq)
{
    assert(!b->open); /* the last record was ended or aborted */
    b->open = true;
    b->cur = (struct rec){.ts = TS_NONE, .ingest_ts = TS_NONE, .seq = seq};
    b->cur.first_field = (uint32_t)b->n_fields;
    b->cur_bytes_start = b->bytes.len;
}

void rb_set_ts(struct rec_batch *b, int64_t ts_ms)
{
    assert(b->open);
    b->cur.ts = ts_ms;
}

void rb_set_ingest_ts(struct rec_batch *b, int64_t ts_ms)
{
    assert(b->open);
    b->cur.ingest_ts = ts_ms;
}

static uint32_t put_bytes(struct rec_batch *b, const char *s, size_t n)
{
    uint32_t off = (uint32_t)b->bytes.len;
    sb_append(&b->bytes, s, n);
    return off;
}

void rb_set_message(struct rec_batch *b, const char *s, size_t n)
{
    assert(b->open);
    b->cur.msg_off = put_bytes(b, s, n);
    b->cur.msg_len = (uint32_t)n;
}

void rb_append_message(struct rec_batch *b, const char *s, size_t n)
{
    /* Only valid while the message is the last thing written. */
    assert(b->open);
    assert(b->cur.msg_len == 0 || b->cur.msg_off + b->cur.msg_len == b->bytes.len);
    if (b->cur.msg_len == 0)
        b->cur.msg_off = (uint32_t)b->bytes.len;
    sb_append(&b->bytes, s, n);
    b->cur.msg_len += (uint32_t)n;
}

void rb_set_stream(struct rec_batch *b, const char *s, size_t n)
{
    assert(b->open);
    b->cur.stream_off = put_bytes(b, s, n);
    b->cur.stream_len = (uint32_t)n;
}

static struct rec_field *new_field(struct rec_batch *b, const char *name, size_t nlen, uint8_t kind)
{
    assert(b->open); /* rb_add_*: fields of the record being built */
    b->fields = xgrow(b->fields, &b->cap_fields, b->n_fields + 1, sizeof *b->fields);
    struct rec_field *f = &b->fields[b->n_fields++];
    *f = (struct rec_field){0};
    f->name_off = put_bytes(b, name, nlen);
    f->name_len = (uint32_t)nlen;
    f->kind = kind;
    b->cur.n_fields++;
    return f;
}

void rb_add_str(struct rec_batch *b, const char *name, size_t nlen, const char *v, size_t vlen)
{
    struct rec_field *f = new_field(b, name, nlen, FV_STR);
    f->val_off = put_bytes(b, v, vlen);
    f->val_len = (uint32_t)vlen;
}

void rb_add_json(struct rec_batch *b, const char *name, size_t nlen, const char *v, size_t vlen)
{
    struct rec_field *f = new_field(b, name, nlen, FV_JSON);
    f->val_off = put_bytes(b, v, vlen);
    f->val_len = (uint32_t)vlen;
}

void rb_add_int(struct rec_batch *b, const char *name, size_t nlen, int64_t v)
{
    new_field(b, name, nlen, FV_INT)->ival = v;
}

void rb_add_real(struct rec_batch *b, const char *name, size_t nlen, double v)
{
    new_field(b, name, nlen, FV_REAL)->dval = v;
}

void rb_add_bool(struct rec_batch *b, const char *name, size_t nlen, bool v)
{
    new_field(b, name, nlen, FV_BOOL)->ival = v ? 1 : 0;
}

const struct rec_field *rb_find(const struct rec_batch *b, const char *name, size_t nlen)
{
    for (size_t i = b->cur.first_field; i < b->n_fields; i++) {
        const struct rec_field *f = &b->fields[i];
        if (f->name_len == nlen && memcmp(b->bytes.buf + f->name_off, name, nlen) == 0)
            return f;
    }
    return NULL;
}

void rb_end(struct rec_batch *b)
{
    if (!b->open)
        return;
    /* Offsets are 32 bits: a batch is flushed at 1 MiB (parsers/reader.h)
     * and a record is at most 256 MiB (the man page's LIMITS), so a batch
     * never reaches 4 GiB. Checked once a record, not per field. */
    assert(b->bytes.len <= UINT32_MAX);
    b->recs = xgrow(b->recs, &b->cap_recs, b->n_recs + 1, sizeof *b->recs);
    b->recs[b->n_recs++] = b->cur;
    b->open = false;
}

void rb_abort(struct rec_batch *b)
{
    if (!b->open)
        return;
    b->n_fields = b->cur.first_field;
    sb_truncate(&b->bytes, b->cur_bytes_start);
    b->open = false;
}

void rb_reset(struct rec_batch *b)
{
    sb_reset(&b->bytes);
    b->n_recs = 0;
    b->n_fields = 0;
    b->open = false;
}

void rb_free(struct rec_batch *b)
{
    sb_free(&b->bytes);
    free(b->recs);
    free(b->fields);
    *b = (struct rec_batch){0};
}
