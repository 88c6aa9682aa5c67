/*
 * bench_jsonfields.c — throughput of the field scanner (parsers/jsonfields.c)
 * against json_loadb + flatten_json on CloudTrail files, one core.
 *
 * Not built by make (a measuring tool, not a test):
 *   gen-cloudtrail --size 200MB --seed 1 --no-gz /tmp/ct200
 *   cc -std=c11 -D_GNU_SOURCE -O2 -I. -o /tmp/bench_jf tests/fuzz/bench_jsonfields.c \
 *      parsers/jsonfields.c parsers/flatten.c parsers/jsonscan.c index/record.c \
 *      parsers/plan.c base/xalloc.c base/strbuf.c $(pkg-config --cflags --libs jansson) -lm
 *   /tmp/bench_jf /tmp/ct200
 *
 * Reads every file under the folder into memory, splits the Records[]
 * elements, then times each path over all records for several plans (the
 * all-fields plan of --db and the REPL first) and prints MB/s of record
 * bytes, records/s and how many records the scanner handed back for the
 * DOM (JF_NEED_DOM). An optional third argument runs only the plans whose
 * name contains it ("all fields").
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "parsers/plan.h"
#include "index/record.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "parsers/flatten.h"
#include "parsers/jsonfields.h"
#include "parsers/jsonscan.h"

struct span {
    size_t off, len; /* a record in the text buffer */
};

struct corpus {
    struct strbuf text;  /* every file, back to back */
    struct span *recs;   /* the Records[] elements */
    size_t n_recs, cap_recs;
    size_t bytes;        /* sum of record lengths */
};

static void add_file(struct corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t base = c->text.len;
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(&c->text, buf, n);
    fclose(f);
    /* {"Records":[ e, e, ... ]} */
    const char *p = c->text.buf + base;
    size_t len = c->text.len - base;
    const char *arr = memmem(p, len, "\"Records\":[", 11);
    if (!arr)
        return;
    size_t i = (size_t)(arr - p) + 11;
    for (;;) {
        i = js_skip_ws(p, len, i);
        if (i >= len || p[i] == ']')
            return;
        size_t e;
        const char *why;
        if (js_value_end(p + i, len - i, &e, &why) != JS_OK)
            return;
        c->recs = xgrow(c->recs, &c->cap_recs, c->n_recs + 1, sizeof *c->recs);
        c->recs[c->n_recs++] = (struct span){base + i, e};
        c->bytes += e;
        i = js_skip_ws(p, len, i + e);
        if (i >= len || p[i] != ',')
            return;
        i++;
    }
}

static void add_tree(struct corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char *path = xasprintf("%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            add_tree(c, path);
        else if (S_ISREG(st.st_mode))
            add_file(c, path);
        free(path);
    }
    closedir(d);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const meta_keys[] = {"eventTime", "@timestamp", "timestamp", "time",
                                        "recipientAccountId", "awsRegion", "digestStartTime",
                                        "logFiles"};

static double run_jansson(struct corpus *c, const struct ingest_plan *plan, size_t *n_fields)
{
    struct rec_batch b = {0};
    double t = now();
    *n_fields = 0;
    for (size_t i = 0; i < c->n_recs; i++) {
        json_t *dom = json_loadb(c->text.buf + c->recs[i].off, c->recs[i].len, 0, NULL);
        if (!dom)
            continue;
        rb_begin(&b, (int64_t)i);
        /* what cloudtrail.c does besides flattening */
        if (json_object_get(dom, "eventTime") && json_object_get(dom, "recipientAccountId") &&
            json_object_get(dom, "awsRegion"))
            b.cur.ts = 0;
        flatten_json(&b, dom, NULL, plan);
        rb_end(&b);
        json_decref(dom);
        if (b.n_recs == 4096) {
            *n_fields += b.n_fields;
            rb_reset(&b);
        }
    }
    *n_fields += b.n_fields;
    t = now() - t;
    rb_free(&b);
    return t;
}

static double run_jf(struct corpus *c, const struct ingest_plan *plan, size_t *n_fields,
                     size_t *n_dom)
{
    struct jf_plan *jp = jf_plan_new(plan, meta_keys, sizeof meta_keys / sizeof *meta_keys);
    struct jf_scanner *s = jf_scanner_new(jp);
    struct rec_batch b = {0};
    *n_fields = 0;
    *n_dom = 0;
    double t = now();
    for (size_t i = 0; i < c->n_recs; i++) {
        rb_begin(&b, (int64_t)i);
        enum jf_status st = jf_scan(s, c->text.buf + c->recs[i].off, c->recs[i].len, &b);
        if (st == JF_OK) {
            rb_end(&b);
        } else {
            rb_abort(&b);
            *n_dom += st == JF_NEED_DOM;
        }
        if (b.n_recs == 4096) {
            *n_fields += b.n_fields;
            rb_reset(&b);
        }
    }
    *n_fields += b.n_fields;
    t = now() - t;
    rb_free(&b);
    jf_scanner_free(s);
    jf_plan_free(jp);
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 3;
    const char *only = argc > 3 ? argv[3] : NULL;
    struct corpus c = {0};
    add_tree(&c, argv[1]);
    double mb = (double)c.bytes / 1e6;
    printf("%zu records, %.1f MB of record text\n", c.n_recs, mb);
    static const char *const p0[] = {NULL};
    static const char *const p1[] = {"eventName"};
    static const char *const p3[] = {"eventName", "userIdentity.arn", "sourceIPAddress"};
    static const char *const pq2[] = {"eventName", "responseElements.ConsoleLogin",
                                      "userIdentity.arn", "sourceIPAddress"};
    static const char *const p10[] = {
        "eventName", "eventSource", "userIdentity.arn", "userIdentity.type",
        "sourceIPAddress", "userAgent", "errorCode", "requestParameters.bucketName",
        "resources.0.ARN", "tlsDetails.tlsVersion"};
    static const char *const pobj[] = {"eventName", "requestParameters"};
    struct {
        const char *name;
        const char *const *fields;
        size_t n;
    } plans[] = {
        {"all fields (--db, REPL, --fields)", NULL, 0},
        {"0 fields (validate + meta)", p0, 0},
        {"1 field: eventName", p1, 1},
        {"3 fields: eventName, userIdentity.arn, sourceIPAddress", p3, 3},
        {"Q2's 4 fields", pq2, 4},
        {"10 fields", p10, 10},
        {"an object path: requestParameters", pobj, 2},
    };
    for (size_t k = 0; k < sizeof plans / sizeof *plans; k++) {
        if (only && !strstr(plans[k].name, only))
            continue;
        struct ingest_plan plan = {0};
        if (!plans[k].fields)
            plan_init_all(&plan);
        plan.fields = (const char **)plans[k].fields;
        plan.n_fields = plans[k].n;
        double best_j = 1e9, best_f = 1e9;
        size_t nf_j = 0, nf_f = 0, n_dom = 0;
        for (int r = 0; r < rounds; r++) {
            double tj = run_jansson(&c, &plan, &nf_j);
            double tf = run_jf(&c, &plan, &nf_f, &n_dom);
            best_j = tj < best_j ? tj : best_j;
            best_f = tf < best_f ? tf : best_f;
        }
        printf("%-55s jansson+flatten %6.1f MB/s %8.0f rec/s | jsonfields %7.1f MB/s %9.0f rec/s"
               " | x%.1f | fields %zu/%zu, JF_NEED_DOM %zu (%.2f%%)\n",
               plans[k].name, mb / best_j, (double)c.n_recs / best_j, mb / best_f,
               (double)c.n_recs / best_f, best_j / best_f, nf_f, nf_j, n_dom,
               100.0 * (double)n_dom / (double)c.n_recs);
    }
    sb_free(&c.text);
    free(c.recs);
    return 0;
}
