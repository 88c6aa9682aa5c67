/*
 * flatten.c — JSON DOM to dotted-path fields (see flatten.h).
 *
 * Names can repeat within one event: a key that holds a dot ("a.b") or an
 * empty key joins into the same text as a nested path ("a":{"b":..}). The
 * walk counts on that only once it has met such a key (or when the plan
 * names a "#N" field, whose number depends on every leaf before it): from
 * then on every name given is kept in a set, seeded with the names the
 * open record already has, and a name already given becomes name#2 (or
 * the next free #N). Until then names are unique by construction and
 * nothing is counted.
 */
#include "parsers/flatten.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsondom.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

/* The names given so far in collide mode: open addressing over offsets
 * into `text`. */
struct nameset {
    struct strbuf text;   /* the names, one after another */
    size_t *off, *len;    /* per slot: where a name lies (len SIZE_MAX: free) */
    size_t cap, n;        /* slots (a power of two) and names held */
};

struct flat {
    struct rec_batch *b;
    const struct ingest_plan *plan;
    struct strbuf path;    /* dotted path of the current value */
    bool collide;          /* names may repeat: count them */
    struct nameset names;  /* ... in here */
    struct strbuf numbered; /* scratch: a name with its #N */
};

static uint64_t name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void names_grow(struct nameset *ns)
{
    size_t cap = ns->cap ? ns->cap * 2 : 64;
    size_t *off = xmalloc(cap * sizeof *off), *len = xmalloc(cap * sizeof *len);
    for (size_t i = 0; i < cap; i++)
        len[i] = SIZE_MAX;
    for (size_t i = 0; i < ns->cap; i++) {
        if (ns->len[i] == SIZE_MAX)
            continue;
        size_t j = name_hash(ns->text.buf + ns->off[i], ns->len[i]) & (cap - 1);
        while (len[j] != SIZE_MAX)
            j = (j + 1) & (cap - 1);
        off[j] = ns->off[i];
        len[j] = ns->len[i];
    }
    free(ns->off);
    free(ns->len);
    ns->off = off;
    ns->len = len;
    ns->cap = cap;
}

/* Add s[0..n) to the set; false when it was there already. */
static bool names_add(struct nameset *ns, const char *s, size_t n)
{
    if ((ns->n + 1) * 2 > ns->cap)
        names_grow(ns);
    size_t j = name_hash(s, n) & (ns->cap - 1);
    for (; ns->len[j] != SIZE_MAX; j = (j + 1) & (ns->cap - 1))
        if (ns->len[j] == n && memcmp(ns->text.buf + ns->off[j], s, n) == 0)
            return false;
    ns->off[j] = ns->text.len;
    ns->len[j] = n;
    sb_append(&ns->text, s, n);
    ns->n++;
    return true;
}

static void names_free(struct nameset *ns)
{
    sb_free(&ns->text);
    free(ns->off);
    free(ns->len);
}

/* Start counting names: those the open record already has are taken. */
static void start_collide(struct flat *fl)
{
    if (fl->collide)
        return;
    fl->collide = true;
    const struct rec_batch *b = fl->b;
    for (size_t i = b->cur.first_field; i < b->n_fields; i++)
        names_add(&fl->names, rb_text(b, b->fields[i].name_off), b->fields[i].name_len);
}

/* The name of the leaf at fl->path: the path itself, or, when that name is
 * taken, the path with the first free #N (N from 2). */
static const char *leaf_name(struct flat *fl, size_t *len)
{
    const char *p = fl->path.buf;
    *len = fl->path.len;
    if (!fl->collide || names_add(&fl->names, p, *len))
        return p;
    for (unsigned k = 2;; k++) {
        sb_reset(&fl->numbered);
        sb_append(&fl->numbered, p, fl->path.len);
        sb_printf(&fl->numbered, "#%u", k);
        if (names_add(&fl->names, fl->numbered.buf, fl->numbered.len)) {
            *len = fl->numbered.len;
            return fl->numbered.buf;
        }
    }
}

static void add_subtree(struct rec_batch *b, const struct strbuf *path, const json_t *v)
{
    struct strbuf text = STRBUF_INIT;
    jdom_dump(&text, v);
    rb_add_json(b, path->buf, path->len, text.buf, text.len);
    sb_free(&text);
}

/* v is at fl->path; `dotted` says a key on the way there held a dot or was
 * empty, so that the path is not the nested path of its name: an object or
 * array there is not the one its name gives (tq_subtree, index/subtree.h,
 * follows nesting only), and is not added as a subtree. */
static void walk(struct flat *fl, const json_t *v, bool dotted)
{
    struct rec_batch *b = fl->b;
    const struct ingest_plan *plan = fl->plan;
    struct strbuf *path = &fl->path;
    size_t base = path->len;
    if (plan->all_fields && base &&
        ((json_is_object(v) && json_object_size(v) == 0) ||
         (json_is_array(v) && json_array_size(v) == 0))) {
        /* an empty object or array has no leaf: it is one, so that an
         * index of every field knows it is there (ispresent, --fields) */
        size_t nlen;
        const char *name = leaf_name(fl, &nlen);
        rb_add_json(b, name, nlen, json_is_object(v) ? "{}" : "[]", 2);
        return;
    }
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        if (!plan->all_fields && base && !dotted && plan_wants_field(plan, path->buf, path->len))
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
            bool odd_key = klen == 0 || memchr(key, '.', klen);
            if (odd_key && !fl->collide)
                start_collide(fl);
            if (base)
                sb_putc(path, '.');
            else if (klen && key[0] == '@')
                sb_putc(path, '@'); /* a log's own "@x" is exposed as "@@x" (docs/language.md) */
            sb_append(path, key, klen);
            walk(fl, child, dotted || odd_key);
            sb_truncate(path, base);
            iter = json_object_iter_next((json_t *)v, iter);
        }
        return;
    }
    case JSON_ARRAY: {
        if (!plan->all_fields && base && !dotted && plan_wants_field(plan, path->buf, path->len))
            add_subtree(b, path, v);
        if (!plan->all_fields && base && !plan_wants_below(plan, path->buf, path->len))
            return;
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n; i++) {
            if (base)
                sb_putc(path, '.');
            sb_printf(path, "%zu", i);
            walk(fl, json_array_get(v, i), dotted);
            sb_truncate(path, base);
        }
        return;
    }
    case JSON_NULL:
        return; /* missing: no field, no name taken */
    default:
        break;
    }
    if (!base)
        return;
    size_t nlen;
    const char *name = leaf_name(fl, &nlen);
    if (!plan_wants_field(plan, name, nlen))
        return;
    switch (json_typeof(v)) {
    case JSON_STRING: {
        /* a number kept as text (jsondom.h) is stored as that text */
        size_t len;
        const char *big = jdom_bignum(v, &len);
        if (big)
            rb_add_str(b, name, nlen, big, len);
        else
            rb_add_str(b, name, nlen, json_string_value(v), json_string_length(v));
        break;
    }
    case JSON_INTEGER:
        rb_add_int(b, name, nlen, (int64_t)json_integer_value(v));
        break;
    case JSON_REAL:
        rb_add_real(b, name, nlen, json_real_value(v));
        break;
    case JSON_TRUE:
        rb_add_bool(b, name, nlen, true);
        break;
    case JSON_FALSE:
        rb_add_bool(b, name, nlen, false);
        break;
    default:
        break;
    }
}

void flatten_json(struct rec_batch *b, const json_t *value, const char *prefix,
                  const struct ingest_plan *plan)
{
    struct flat fl = {.b = b, .plan = plan};
    if (prefix && *prefix)
        sb_puts(&fl.path, prefix);
    /* a numbered name's number depends on every leaf before it */
    for (size_t i = 0; !plan->all_fields && i < plan->n_fields; i++)
        if (strchr(plan->fields[i], '#'))
            start_collide(&fl);
    walk(&fl, value, false);
    sb_free(&fl.path);
    sb_free(&fl.numbered);
    names_free(&fl.names);
}
