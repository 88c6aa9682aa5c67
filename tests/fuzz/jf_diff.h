/*
 * jf_diff.h — the differential check between parsers/jsonfields.c and the
 * reference path (jdom_load + flatten_json: jansson's json_loadb, with
 * base/jsondom.h's rewrite for the numbers and \u0000 jansson refuses and
 * nothing else), shared by the unit
 * test (tests/unit/test_jsonfields.c) and the libFuzzer harness
 * (tests/fuzz/fuzz_jsonfields.c). Header-only, all static.
 *
 * For one record and one plan it checks that:
 *   - jf_scan returns JF_INVALID exactly when jdom_load(p, n, 0) fails;
 *   - on JF_OK, the fields added are those flatten_json adds: same names,
 *     kinds and values (strings byte for byte, reals bit for bit), in the
 *     same order; the top-level kind and every meta key's value agree with
 *     json_object_get on the DOM;
 *   - JF_NEED_DOM is returned only when it is justified: jansson rejects
 *     the text, or flatten added a subtree (FV_JSON), or the text has a
 *     repeated key (jdom_load with JSON_REJECT_DUPLICATES fails), or two
 *     leaves of the DOM have the same dotted name (jfd_names_repeat, its
 *     own walk of the DOM).
 * A disagreement is described in jfd.why.
 */
#ifndef TRAILQ_JF_DIFF_H
#define TRAILQ_JF_DIFF_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/plan.h"
#include "index/record.h"
#include "base/jsondom.h"
#include "base/strbuf.h"
#include "parsers/flatten.h"
#include "parsers/jsonfields.h"

/* The meta keys every check asks for (CloudTrail's, plus a few that
 * exercise non-string values). */
static const char *const jfd_meta_keys[] = {
    "eventTime", "@timestamp", "timestamp", "time", "recipientAccountId", "awsRegion",
    "digestStartTime", "logFiles", "Records", "readOnly", "", "a",
};
#define JFD_N_META (sizeof jfd_meta_keys / sizeof *jfd_meta_keys)

struct jfd {
    struct rec_batch ref;   /* flatten_json's fields */
    struct rec_batch got;   /* jf_scan's fields */
    struct strbuf why;      /* what disagreed, after a failed check */
    long n_checks;          /* checks run */
    long n_ok;              /* ... where both accepted and the fields were compared */
    long n_invalid;         /* ... where both rejected */
    long n_need_dom;        /* ... where jf asked for the DOM */
};

static void jfd_free(struct jfd *d)
{
    rb_free(&d->ref);
    rb_free(&d->got);
    sb_free(&d->why);
}

static const char *jfd_kind_name(int kind)
{
    switch (kind) {
    case FV_STR: return "str";
    case FV_INT: return "int";
    case FV_REAL: return "real";
    case FV_BOOL: return "bool";
    case FV_JSON: return "json";
    default: return "?";
    }
}

static void jfd_describe(struct strbuf *sb, const struct rec_batch *b, const struct rec_field *f)
{
    sb_printf(sb, "%.*s=%s:", (int)f->name_len, rb_text(b, f->name_off), jfd_kind_name(f->kind));
    switch (f->kind) {
    case FV_STR:
    case FV_JSON:
        sb_json_quote(sb, rb_text(b, f->val_off), f->val_len);
        break;
    case FV_REAL:
        sb_printf(sb, "%.17g", f->dval);
        break;
    default:
        sb_printf(sb, "%lld", (long long)f->ival);
        break;
    }
}

static int jfd_same_field(const struct rec_batch *a, const struct rec_field *x,
                          const struct rec_batch *b, const struct rec_field *y)
{
    if (x->kind != y->kind || x->name_len != y->name_len ||
        memcmp(rb_text(a, x->name_off), rb_text(b, y->name_off), x->name_len) != 0)
        return 0;
    switch (x->kind) {
    case FV_STR:
    case FV_JSON:
        return x->val_len == y->val_len &&
               memcmp(rb_text(a, x->val_off), rb_text(b, y->val_off), x->val_len) == 0;
    case FV_REAL:
        return memcmp(&x->dval, &y->dval, sizeof x->dval) == 0;
    default:
        return x->ival == y->ival;
    }
}

/* Both records (the last one of each batch, still open) as text, for a report. */
static void jfd_dump_fields(struct jfd *d)
{
    sb_puts(&d->why, "\n  jansson+flatten:");
    for (size_t i = d->ref.cur.first_field; i < d->ref.n_fields; i++) {
        sb_puts(&d->why, " ");
        jfd_describe(&d->why, &d->ref, &d->ref.fields[i]);
    }
    sb_puts(&d->why, "\n  jsonfields:     ");
    for (size_t i = d->got.cur.first_field; i < d->got.n_fields; i++) {
        sb_puts(&d->why, " ");
        jfd_describe(&d->why, &d->got, &d->got.fields[i]);
    }
}

/* Append to `names` the dotted name of every leaf (string, number,
 * boolean) of v, as flatten names them before numbering, each followed by
 * a NUL byte. */
static void jfd_leaf_names(const json_t *v, struct strbuf *path, struct strbuf *names)
{
    size_t base = path->len;
    if (json_is_object(v)) {
        for (void *it = json_object_iter((json_t *)v); it;
             it = json_object_iter_next((json_t *)v, it)) {
            const char *k = json_object_iter_key(it);
            size_t kl = json_object_iter_key_len(it);
            if (base)
                sb_putc(path, '.');
            else if (kl && k[0] == '@')
                sb_putc(path, '@');
            sb_append(path, k, kl);
            jfd_leaf_names(json_object_iter_value(it), path, names);
            sb_truncate(path, base);
        }
    } else if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (base)
                sb_putc(path, '.');
            sb_printf(path, "%zu", i);
            jfd_leaf_names(json_array_get(v, i), path, names);
            sb_truncate(path, base);
        }
    } else if (!json_is_null(v) && base) {
        sb_append(names, path->buf, path->len);
        sb_putc(names, '\0');
    }
}

static int jfd_cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Do two leaves of dom have the same name? (Names with a NUL byte cannot
 * occur: jdom_load reads \u0000 as U+FFFD.) */
static int jfd_names_repeat(const json_t *dom)
{
    struct strbuf path = STRBUF_INIT, names = STRBUF_INIT;
    jfd_leaf_names(dom, &path, &names);
    size_t n = 0;
    for (size_t i = 0; i < names.len; i++)
        n += names.buf[i] == '\0';
    const char **v = malloc((n ? n : 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < names.len; i += strlen(names.buf + i) + 1)
        v[k++] = names.buf + i;
    qsort(v, n, sizeof *v, jfd_cmp_str);
    int rep = 0;
    for (size_t i = 1; i < n && !rep; i++)
        rep = strcmp(v[i - 1], v[i]) == 0;
    free(v);
    sb_free(&path);
    sb_free(&names);
    return rep;
}

static int jfd_has_subtree(const struct rec_batch *b)
{
    for (size_t i = b->cur.first_field; i < b->n_fields; i++)
        if (b->fields[i].kind == FV_JSON)
            return 1;
    return 0;
}

static int jfd_check_meta(struct jfd *d, const struct jf_scanner *s, const json_t *dom)
{
    const struct jf_value *mv = jf_meta(s);
    for (size_t i = 0; i < JFD_N_META; i++) {
        const json_t *v = json_is_object(dom) ? json_object_get(dom, jfd_meta_keys[i]) : NULL;
        enum jf_kind want = JF_ABSENT;
        if (v) {
            switch (json_typeof(v)) {
            case JSON_OBJECT: want = JF_OBJECT; break;
            case JSON_ARRAY: want = JF_ARRAY; break;
            case JSON_STRING: {
                size_t bl;
                want = jdom_bignum(v, &bl) ? JF_NUMTEXT : JF_STRING;
                break;
            }
            case JSON_INTEGER: want = JF_INT; break;
            case JSON_REAL: want = JF_REAL; break;
            case JSON_TRUE: want = JF_TRUE; break;
            case JSON_FALSE: want = JF_FALSE; break;
            case JSON_NULL: want = JF_NULL; break;
            }
        }
        int same = mv[i].kind == want;
        if (same && want == JF_STRING)
            same = mv[i].len == json_string_length(v) &&
                   memcmp(mv[i].str, json_string_value(v), mv[i].len) == 0;
        if (same && want == JF_NUMTEXT) {
            size_t bl;
            const char *bt = jdom_bignum(v, &bl);
            same = mv[i].len == bl && memcmp(mv[i].str, bt, bl) == 0;
        }
        if (same && want == JF_INT)
            same = mv[i].ival == (int64_t)json_integer_value(v);
        if (same && want == JF_REAL) {
            double x = json_real_value(v);
            same = memcmp(&mv[i].dval, &x, sizeof x) == 0;
        }
        if (!same) {
            sb_printf(&d->why, "meta key \"%s\": kind %d, want %d", jfd_meta_keys[i],
                      (int)mv[i].kind, (int)want);
            return -1;
        }
    }
    enum jf_kind root = json_is_object(dom) ? JF_OBJECT : JF_ARRAY;
    if (jf_root_kind(s) != root) {
        sb_printf(&d->why, "top-level kind %d, want %d", (int)jf_root_kind(s), (int)root);
        return -1;
    }
    return 0;
}

/* Check record p[0..n) against plan; dom is jdom_load(p, n, 0) (NULL when
 * it failed). s, when not NULL, is a scanner of jf_plan_new(plan,
 * jfd_meta_keys, JFD_N_META) to reuse; otherwise one is made for the call.
 * Returns 0 when both paths agree, -1 with d->why set. */
static int jfd_check(struct jfd *d, const char *p, size_t n, const json_t *dom,
                     const struct ingest_plan *plan, struct jf_scanner *reuse)
{
    sb_reset(&d->why);
    d->n_checks++;
    struct jf_plan *jp = reuse ? NULL : jf_plan_new(plan, jfd_meta_keys, JFD_N_META);
    struct jf_scanner *s = reuse ? reuse : jf_scanner_new(jp);
    rb_reset(&d->ref);
    rb_reset(&d->got);
    rb_begin(&d->ref, 1);
    rb_begin(&d->got, 1);
    if (dom)
        flatten_json(&d->ref, dom, NULL, plan);
    enum jf_status st = jf_scan(s, p, n, &d->got);
    int rc = 0;
    if (st == JF_NEED_DOM) {
        d->n_need_dom++;
        if (dom && !jfd_has_subtree(&d->ref) && !jfd_names_repeat(dom)) {
            json_t *strict = jdom_load(p, n, JSON_REJECT_DUPLICATES, NULL);
            if (strict) {
                json_decref(strict);
                sb_puts(&d->why, "JF_NEED_DOM without a subtree or a repeated key");
                jfd_dump_fields(d);
                rc = -1;
            }
        }
        goto out;
    }
    if ((st == JF_INVALID) != (dom == NULL)) {
        sb_printf(&d->why, "jsonfields says %s, jansson says %s",
                  st == JF_INVALID ? "invalid" : "valid", dom ? "valid" : "invalid");
        rc = -1;
        goto out;
    }
    if (st == JF_INVALID) {
        d->n_invalid++;
        goto out;
    }
    d->n_ok++;
    size_t nr = d->ref.n_fields - d->ref.cur.first_field;
    size_t ng = d->got.n_fields - d->got.cur.first_field;
    int same = nr == ng;
    for (size_t i = 0; same && i < nr; i++)
        same = jfd_same_field(&d->ref, &d->ref.fields[d->ref.cur.first_field + i], &d->got,
                              &d->got.fields[d->got.cur.first_field + i]);
    if (!same) {
        sb_puts(&d->why, "fields differ");
        jfd_dump_fields(d);
        rc = -1;
        goto out;
    }
    rc = jfd_check_meta(d, s, dom);
    if (rc == 0) {
        /* jf_scan_prefix on the record followed by more text: the same
         * fields, and it ends where the value does */
        size_t vlen = n;
        while (vlen && (p[vlen - 1] == ' ' || p[vlen - 1] == '\t' || p[vlen - 1] == '\n' ||
                        p[vlen - 1] == '\r'))
            vlen--;
        struct strbuf more = STRBUF_INIT;
        sb_append(&more, p, n);
        sb_puts(&more, ",{\"next\":[1,2]}]}");
        struct rec_batch pre = {0};
        rb_begin(&pre, 1);
        size_t used = 0;
        enum jf_status pst = jf_scan_prefix(s, more.buf, more.len, &pre, &used);
        size_t np = pre.n_fields - pre.cur.first_field;
        int psame = pst == JF_OK && used == vlen && np == ng;
        for (size_t i = 0; psame && i < np; i++)
            psame = jfd_same_field(&d->got, &d->got.fields[d->got.cur.first_field + i], &pre,
                                   &pre.fields[pre.cur.first_field + i]);
        if (!psame) {
            sb_printf(&d->why, "jf_scan_prefix: status %d, used %zu of %zu, %zu fields of %zu",
                      (int)pst, used, vlen, np, ng);
            rc = -1;
        }
        rb_free(&pre);
        sb_free(&more);
    }
out:
    if (!reuse) {
        jf_scanner_free(s);
        jf_plan_free(jp);
    }
    return rc;
}

#endif
