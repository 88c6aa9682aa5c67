/*
 * flatten.c — JSON DOM to dotted-path fields (see flatten.h).
 */
#include "parsers/flatten.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsondom.h"
#include "base/strbuf.h"

static void add_subtree(struct rec_batch *b, const struct strbuf *path, const json_t *v)
{
    struct strbuf text = STRBUF_INIT;
    jdom_dump(&text, v);
    rb_add_json(b, path->buf, path->len, text.buf, text.len);
    sb_free(&text);
}

static void walk(struct rec_batch *b, struct strbuf *path, const json_t *v,
                 const struct ingest_plan *plan)
{
    size_t base = path->len;
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        if (!plan->all_fields && base && plan_wants_field(plan, path->buf, path->len))
            add_subtree(b, path, v);
        if (!plan->all_fields && base && !plan_wants_below(plan, path->buf, path->len))
            return;
        const char *key;
        size_t klen;
        json_t *child;
        void *iter = json_object_iter((json_t *)v);
        while (iter) {
            key = json_object_iter_key(iter);
            klen = json_object_iter_key_len(iter);
            child = json_object_iter_value(iter);
            if (base)
                sb_putc(path, '.');
            else if (klen && key[0] == '@')
                sb_putc(path, '@'); /* a log's own "@x" is exposed as "@@x" (docs/language.md) */
            sb_append(path, key, klen);
            walk(b, path, child, plan);
            sb_truncate(path, base);
            iter = json_object_iter_next((json_t *)v, iter);
        }
        return;
    }
    case JSON_ARRAY: {
        if (!plan->all_fields && base && plan_wants_field(plan, path->buf, path->len))
            add_subtree(b, path, v);
        if (!plan->all_fields && base && !plan_wants_below(plan, path->buf, path->len))
            return;
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n; i++) {
            if (base)
                sb_putc(path, '.');
            sb_printf(path, "%zu", i);
            walk(b, path, json_array_get(v, i), plan);
            sb_truncate(path, base);
        }
        return;
    }
    default:
        break;
    }
    if (!base || !plan_wants_field(plan, path->buf, path->len))
        return;
    switch (json_typeof(v)) {
    case JSON_STRING: {
        /* a number kept as text (jsondom.h) is stored as that text */
        size_t len;
        const char *big = jdom_bignum(v, &len);
        if (big)
            rb_add_str(b, path->buf, path->len, big, len);
        else
            rb_add_str(b, path->buf, path->len, json_string_value(v), json_string_length(v));
        break;
    }
    case JSON_INTEGER:
        rb_add_int(b, path->buf, path->len, (int64_t)json_integer_value(v));
        break;
    case JSON_REAL:
        rb_add_real(b, path->buf, path->len, json_real_value(v));
        break;
    case JSON_TRUE:
        rb_add_bool(b, path->buf, path->len, true);
        break;
    case JSON_FALSE:
        rb_add_bool(b, path->buf, path->len, false);
        break;
    default: /* null: missing */
        break;
    }
}

void flatten_json(struct rec_batch *b, const json_t *value, const char *prefix,
                  const struct ingest_plan *plan)
{
    struct strbuf path = STRBUF_INIT;
    if (prefix && *prefix)
        sb_puts(&path, prefix);
    walk(b, &path, value, plan);
    sb_free(&path);
}
