/*
 * record.h — a batch of parsed log events: what parsers/ hand to the index.
 *
 * A parser fills a batch one record at a time (rb_begin, rb_add_*, rb_end)
 * and passes it to the store, which copies what it needs and resets it. All
 * text of a batch (field names, values, @message) lives in one byte buffer
 * and is addressed by offsets, so growing the buffer never invalidates a
 * record. A record may be dropped half-way with rb_abort (a pre-filter or
 * time-range miss, or an error found late).
 *
 * Values follow docs/language.md#fields-and-values: strings, integers, reals, booleans (JSON
 * true/false), and FV_JSON for a whole subtree kept as compact JSON text.
 * JSON null is "missing": parsers simply do not add the field.
 *
 * Ownership: the batch owns its buffers; rb_free() releases them.
 */
#ifndef TRAILQ_RECORD_H
#define TRAILQ_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "base/timeval.h" /* TS_NONE: rec.ts and rec.ingest_ts without a time */

/* Kinds of field value; also used as bits in the field catalogue. */
enum fv_kind {
    FV_STR = 1,   /* text */
    FV_INT = 2,   /* 64-bit integer */
    FV_REAL = 4,  /* double */
    FV_BOOL = 8,  /* JSON true/false: ival 1 or 0 */
    FV_JSON = 16, /* object or array, as compact JSON text */
};

struct rec_field {
    uint32_t name_off, name_len; /* dotted path, in bytes */
    uint32_t val_off, val_len;   /* FV_STR / FV_JSON text, in bytes */
    int64_t ival;                /* FV_INT value; FV_BOOL 0/1 */
    double dval;                 /* FV_REAL value */
    uint8_t kind;                /* one enum fv_kind */
};

struct rec {
    int64_t ts;                      /* @timestamp, ms since the epoch, or TS_NONE */
    int64_t ingest_ts;               /* @ingestionTime, ms, or TS_NONE */
    int64_t seq;                     /* record (JSON) or line (text) number, 1-based: @ptr */
    uint32_t msg_off, msg_len;       /* @message in bytes */
    uint32_t stream_off, stream_len; /* @logStream; length 0 means "the input's base name" */
    uint32_t first_field, n_fields;  /* this record's slice of fields[] */
};

struct rec_batch {
    struct strbuf bytes;             /* every name, value and message of the batch */
    struct rec *recs;                /* finished records, in input order */
    size_t n_recs, cap_recs;
    struct rec_field *fields;        /* fields of all records, record by record */
    size_t n_fields, cap_fields;
    bool open;                       /* a record is being built */
    struct rec cur;                  /* the record being built */
    size_t cur_bytes_start;          /* bytes.len when cur began (for rb_abort) */
};

/* Start a record; any previous open record must have been ended or aborted. */
void rb_begin(struct rec_batch *b, int64_t seq);
void rb_set_ts(struct rec_batch *b, int64_t ts_ms);
void rb_set_ingest_ts(struct rec_batch *b, int64_t ts_ms);
void rb_set_message(struct rec_batch *b, const char *s, size_t n);
/* Append to @message (for messages built in pieces, e.g. compacted JSON). */
void rb_append_message(struct rec_batch *b, const char *s, size_t n);
void rb_set_stream(struct rec_batch *b, const char *s, size_t n);
void rb_add_str(struct rec_batch *b, const char *name, size_t nlen, const char *v, size_t vlen);
void rb_add_json(struct rec_batch *b, const char *name, size_t nlen, const char *v, size_t vlen);
void rb_add_int(struct rec_batch *b, const char *name, size_t nlen, int64_t v);
void rb_add_real(struct rec_batch *b, const char *name, size_t nlen, double v);
void rb_add_bool(struct rec_batch *b, const char *name, size_t nlen, bool v);
/* Find a field of the open record by name; NULL if absent. */
const struct rec_field *rb_find(const struct rec_batch *b, const char *name, size_t nlen);
void rb_end(struct rec_batch *b);
void rb_abort(struct rec_batch *b);
/* Empty the batch, keeping its buffers for reuse. */
void rb_reset(struct rec_batch *b);
void rb_free(struct rec_batch *b);

/* Accessors for finished records. */
static inline const char *rb_text(const struct rec_batch *b, uint32_t off)
{
    return b->bytes.buf + off;
}

#endif
