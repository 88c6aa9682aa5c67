/*
 * overflow.c — encoding and reading the overflow blob (see overflow.h).
 */
#include "index/overflow.h"

#include <string.h>

static void put_varint(struct strbuf *ov, uint64_t v)
{
    char buf[10];
    size_t n = 0;
    do {
        unsigned char byte = v & 0x7f;
        v >>= 7;
        if (v)
            byte |= 0x80;
        buf[n++] = (char)byte;
    } while (v);
    sb_append(ov, buf, n);
}

static void put_u64(struct strbuf *ov, uint64_t v)
{
    char buf[8];
    for (int i = 0; i < 8; i++)
        buf[i] = (char)(v >> (8 * i));
    sb_append(ov, buf, 8);
}

void overflow_append(struct strbuf *ov, int64_t field_id, const struct rec_batch *b,
                     const struct rec_field *f)
{
    put_varint(ov, (uint64_t)field_id);
    sb_putc(ov, (char)f->kind);
    switch (f->kind) {
    case FV_STR:
    case FV_JSON:
        put_varint(ov, f->val_len);
        sb_append(ov, rb_text(b, f->val_off), f->val_len);
        break;
    case FV_INT:
        put_u64(ov, (uint64_t)f->ival);
        break;
    case FV_REAL: {
        uint64_t bits;
        memcpy(&bits, &f->dval, sizeof bits);
        put_u64(ov, bits);
        break;
    }
    case FV_BOOL:
        sb_putc(ov, f->ival ? 1 : 0);
        break;
    }
}

/* Read a varint at *p (< end); false on a malformed blob. */
static int get_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
    uint64_t x = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char byte = *(*p)++;
        x |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *v = x;
            return 1;
        }
    }
    return 0;
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* tq_xf(ov, field_id) */
static void fn_xf(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB)
        return; /* NULL */
    const unsigned char *p = sqlite3_value_blob(argv[0]);
    const unsigned char *end = p + sqlite3_value_bytes(argv[0]);
    uint64_t want = (uint64_t)sqlite3_value_int64(argv[1]);
    while (p < end) {
        uint64_t id, len;
        if (!get_varint(&p, end, &id) || p >= end)
            break;
        unsigned char kind = *p++;
        switch (kind) {
        case FV_STR:
        case FV_JSON:
            if (!get_varint(&p, end, &len) || len > (uint64_t)(end - p))
                goto corrupt;
            if (id == want) {
                sqlite3_result_text(ctx, (const char *)p, (int)len, SQLITE_TRANSIENT);
                return;
            }
            p += len;
            break;
        case FV_INT:
        case FV_REAL:
            if (end - p < 8)
                goto corrupt;
            if (id == want) {
                uint64_t bits = get_u64(p);
                if (kind == FV_INT) {
                    sqlite3_result_int64(ctx, (sqlite3_int64)bits);
                } else {
                    double d;
                    memcpy(&d, &bits, sizeof d);
                    sqlite3_result_double(ctx, d);
                }
                return;
            }
            p += 8;
            break;
        case FV_BOOL:
            if (p >= end)
                goto corrupt;
            if (id == want) {
                sqlite3_result_text(ctx, *p ? "true" : "false", *p ? 4 : 5, SQLITE_STATIC);
                return;
            }
            p++;
            break;
        default:
            goto corrupt;
        }
    }
    return;
corrupt:
    sqlite3_result_error(ctx, "index: corrupt overflow field data", -1);
}

int overflow_register(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "tq_xf", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      fn_xf, NULL, NULL, NULL);
}

int overflow_each_id(const void *blob, size_t n, void (*fn)(void *arg, int64_t id), void *arg)
{
    const unsigned char *p = blob, *end = p + n;
    while (p < end) {
        uint64_t id, len;
        if (!get_varint(&p, end, &id) || p >= end)
            return -1;
        fn(arg, (int64_t)id);
        switch (*p++) {
        case FV_STR:
        case FV_JSON:
            if (!get_varint(&p, end, &len) || len > (uint64_t)(end - p))
                return -1;
            p += len;
            break;
        case FV_INT:
        case FV_REAL:
            if (end - p < 8)
                return -1;
            p += 8;
            break;
        case FV_BOOL:
            if (p >= end)
                return -1;
            p++;
            break;
        default:
            return -1;
        }
    }
    return 0;
}
