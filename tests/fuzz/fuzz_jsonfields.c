/*
 * fuzz_jsonfields.c — libFuzzer entry point for parsers/jsonfields.c.
 *
 * Each input is one record. It is parsed by jdom_load (jansson, flags 0,
 * with base/jsondom.h's rules)
 * and scanned by jf_scan under several plans: the all-fields plan (every
 * leaf, as --db and the REPL keep them), short keys and array segments a
 * fuzzer easily produces, every leaf path of the record, every top-level
 * key, and no fields at all. Any disagreement with jansson +
 * flatten_json (tests/fuzz/jf_diff.h) is printed and abort()s, so libFuzzer
 * saves the input. Built and run by `make fuzz` (tests/fuzz/README), or by
 * hand as
 *
 *   build/fuzz/fuzz_jsonfields -dict=tests/fuzz/json.dict build/fuzz/corpus/jsonfields
 *
 * Every finding becomes a named case in tests/unit/test_jsonfields.c (and
 * its input may go to tests/fuzz/crashes/jsonfields/, replayed by make check).
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/plan.h"
#include "index/record.h"
#include "base/jsondom.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "parsers/flatten.h"
#include "parsers/jsonfields.h"
#include "tests/fuzz/jf_diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const short_paths[] = {
    "a", "b", "a.b", "a.0", "0", "0.a", "1", "1.0", "", "a.", ".a", "a..b", "a.b.c",
    "b.0.c", "c", "a.1", "0.0", "eventName", "x.y", "\xc3\xa9", "a\\",
};

static void check(struct jfd *d, const char *p, size_t n, const json_t *dom,
                  const char *const *fields, size_t n_fields, const char *what)
{
    struct ingest_plan plan = {0};
    plan.fields = (const char **)fields;
    plan.n_fields = n_fields;
    if (jfd_check(d, p, n, dom, &plan, NULL) == 0)
        return;
    fprintf(stderr, "jsonfields disagrees with jansson (%s plan): %s\n", what, sb_str(&d->why));
    abort();
}

/* The all-fields plan, twice with one scanner (what the first scan left
 * behind, its key set and path, must not change the second). */
static void check_all(struct jfd *d, const char *p, size_t n, const json_t *dom)
{
    struct ingest_plan plan;
    plan_init_all(&plan);
    struct jf_plan *jp = jf_plan_new(&plan, jfd_meta_keys, JFD_N_META);
    struct jf_scanner *s = jf_scanner_new(jp);
    for (int round = 1; round <= 2; round++) {
        if (jfd_check(d, p, n, dom, &plan, s) != 0) {
            fprintf(stderr, "jsonfields disagrees with jansson (all-fields plan, scan %d): %s\n",
                    round, sb_str(&d->why));
            abort();
        }
    }
    jf_scanner_free(s);
    jf_plan_free(jp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    struct jfd d = {0};
    json_t *dom = jdom_load(p, size, 0, NULL);
    check_all(&d, p, size, dom);
    check(&d, p, size, dom, short_paths, sizeof short_paths / sizeof *short_paths, "short");
    check(&d, p, size, dom, NULL, 0, "empty");
    if (dom) {
        /* every leaf path of the record */
        struct rec_batch all = {0};
        struct ingest_plan every;
        plan_init_all(&every);
        rb_begin(&all, 1);
        flatten_json(&all, dom, NULL, &every);
        char **names = xcalloc(all.n_fields + 1, sizeof *names);
        for (size_t i = 0; i < all.n_fields; i++)
            names[i] = xstrndup(rb_text(&all, all.fields[i].name_off), all.fields[i].name_len);
        check(&d, p, size, dom, (const char *const *)names, all.n_fields, "leaves");
        for (size_t i = 0; i < all.n_fields; i++)
            free(names[i]);
        free(names);
        rb_free(&all);
        /* every top-level key */
        if (json_is_object(dom)) {
            size_t k = 0;
            const char **keys = xcalloc(json_object_size(dom) + 1, sizeof *keys);
            const char *key;
            json_t *v;
            json_object_foreach(dom, key, v) {
                (void)v;
                keys[k++] = key;
            }
            check(&d, p, size, dom, keys, k, "top-level keys");
            free(keys);
        }
    }
    json_decref(dom);
    jfd_free(&d);
    return 0;
}
