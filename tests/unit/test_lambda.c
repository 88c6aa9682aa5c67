/*
 * test_lambda.c — the Lambda line parser and its fields (parsers/lambda.c).
 *
 * The lines are those of the Datadog forwarder fixtures (testdata/lambda:
 * real tabs, and literal "\t" / "\n" escapes), the AWS
 * documentation's REPORT example (14.97 ms, 15 ms, 128 MB,
 * 67 MB) and the runtimes' documented prefixes. Expected values are read
 * off the lines by hand; memory is MB x 10^6 bytes (docs/language.md#inputs).
 */
#include "parsers/lambda.h"

#include <string.h>

#include "parsers/plan.h"
#include "index/record.h"
#include "tests/unit/testhelp.h"

static struct lambda_line parse(const char *s)
{
    struct lambda_line ll;
    lambda_parse_line(s, strlen(s), &ll);
    return ll;
}

static bool span_is(const char *p, size_t n, const char *want)
{
    return p && n == strlen(want) && memcmp(p, want, n) == 0;
}

/* A field of the record being built, as text ("(none)" if absent). */
static const char *field(struct rec_batch *b, const char *name, char *buf, size_t cap)
{
    const struct rec_field *f = rb_find(b, name, strlen(name));
    if (!f)
        return "(none)";
    switch (f->kind) {
    case FV_STR:
    case FV_JSON:
        snprintf(buf, cap, "%.*s", (int)f->val_len, rb_text(b, f->val_off));
        break;
    case FV_INT:
    case FV_BOOL:
        snprintf(buf, cap, "%lld", (long long)f->ival);
        break;
    default:
        snprintf(buf, cap, "%.17g", f->dval);
        break;
    }
    return buf;
}

int main(void)
{
    TEST("REPORT with real tabs, X-Ray trace on a second line")
    {
        struct lambda_line ll =
            parse("REPORT RequestId: f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb\tDuration: 619.31 "
                  "ms\tBilled Duration: 700 ms\tMemory Size: 128 MB\tMax Memory Used: 118 "
                  "MB\t\nXRAY TraceId: 1-5e61292c-cc1229a4dfbeae1043928548\tSegmentId: "
                  "07a85e713f6302b2\tSampled: true\t\n");
        CHECK_INT(ll.kind, LAMBDA_REPORT);
        CHECK(span_is(ll.request_id, ll.request_id_len, "f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb"));
        CHECK(ll.has_duration && ll.duration == 619.31);
        CHECK(ll.has_billed && ll.billed_duration == 700);
        CHECK(!ll.has_init);
        CHECK(ll.has_memory_size);
        CHECK_INT(ll.memory_size, 128000000);
        CHECK(ll.has_max_memory);
        CHECK_INT(ll.max_memory_used, 118000000);
        CHECK(span_is(ll.xray_trace_id, ll.xray_trace_id_len,
                      "1-5e61292c-cc1229a4dfbeae1043928548"));
        CHECK(span_is(ll.xray_segment_id, ll.xray_segment_id_len, "07a85e713f6302b2"));
    }
    TEST("REPORT with literal backslash-t separators and a cold start")
    {
        struct lambda_line ll =
            parse("REPORT RequestId: db275f87-a934-471a-8980-b63bf4dc1beb\\tDuration: 1.76 "
                  "ms\\tBilled Duration: 100 ms\\tMemory Size: 128 MB\\tMax Memory Used: 48 "
                  "MB\\tInit Duration: 120.96 ms\\t\\n");
        CHECK_INT(ll.kind, LAMBDA_REPORT);
        CHECK(span_is(ll.request_id, ll.request_id_len, "db275f87-a934-471a-8980-b63bf4dc1beb"));
        CHECK(ll.has_duration && ll.duration == 1.76);
        CHECK(ll.has_billed && ll.billed_duration == 100);
        CHECK(ll.has_init && ll.init_duration == 120.96);
        CHECK_INT(ll.max_memory_used, 48000000);
        CHECK(ll.xray_trace_id == NULL);
    }
    TEST("REPORT: item order and SnapStart's restore durations do not confuse Duration")
    {
        struct lambda_line ll =
            parse("REPORT RequestId: 3f6f0c31-0000-4000-8000-000000000001 Restore Duration: "
                  "300.5 ms Billed Restore Duration: 150 ms Duration: 14.97 ms Billed "
                  "Duration: 15 ms Memory Size: 128 MB Max Memory Used: 67 MB");
        CHECK(ll.has_duration && ll.duration == 14.97);
        CHECK(ll.has_billed && ll.billed_duration == 15);
        CHECK_INT(ll.memory_size, 128000000);
        CHECK_INT(ll.max_memory_used, 67000000);
    }
    TEST("START and END, with a literal backslash-n after the ID")
    {
        struct lambda_line s =
            parse("START RequestId: db275f87-a934-471a-8980-b63bf4dc1beb Version: $LATEST\\n");
        CHECK_INT(s.kind, LAMBDA_START);
        CHECK(span_is(s.request_id, s.request_id_len, "db275f87-a934-471a-8980-b63bf4dc1beb"));
        CHECK(s.body == NULL);
        struct lambda_line e = parse("END RequestId: db275f87-a934-471a-8980-b63bf4dc1beb\\n");
        CHECK_INT(e.kind, LAMBDA_END);
        CHECK(span_is(e.request_id, e.request_id_len, "db275f87-a934-471a-8980-b63bf4dc1beb"));
        struct lambda_line e2 = parse("END RequestId: f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb\n");
        CHECK(span_is(e2.request_id, e2.request_id_len, "f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb"));
    }
    TEST("application prefixes")
    {
        /* Node.js: time, request ID, level, message (2020-03-05T16:30:36.172Z =
         * 1583425836172 ms, worked out with GNU date) */
        struct lambda_line n = parse("2020-03-05T16:30:36.172Z\tf08bb4c8-d6b2-4f05-ac17-"
                                     "af7e2ba005fb\tINFO\t[dd.trace_id=1] Request Headers\n");
        CHECK_INT(n.kind, LAMBDA_APP);
        CHECK_INT(n.ts, 1583425836172LL);
        CHECK(span_is(n.request_id, n.request_id_len, "f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb"));
        CHECK(span_is(n.body, n.body_len, "[dd.trace_id=1] Request Headers\n"));
        /* Python: [LEVEL], time, request ID, message */
        struct lambda_line p = parse("[ERROR]\t2020-03-05T16:30:36.172Z\tf08bb4c8-d6b2-4f05-ac17-"
                                     "af7e2ba005fb\tboom");
        CHECK_INT(p.kind, LAMBDA_APP);
        CHECK_INT(p.ts, 1583425836172LL);
        CHECK(span_is(p.body, p.body_len, "boom"));
        /* the runtime's timeout line uses spaces */
        struct lambda_line t = parse("2020-06-09T15:02:26.150Z 7c9567b5-107b-4a6c-8798-"
                                     "0157ac21db52 Task timed out after 3.00 seconds\\n\\n");
        CHECK_INT(t.kind, LAMBDA_APP);
        CHECK_INT(t.ts, 1591714946150LL);
        CHECK(span_is(t.request_id, t.request_id_len, "7c9567b5-107b-4a6c-8798-0157ac21db52"));
        /* runtime errors */
        struct lambda_line r = parse("RequestId: 7c9567b5-107b-4a6c-8798-0157ac21db52 Error: "
                                     "Runtime exited with error: exit status 1");
        CHECK_INT(r.kind, LAMBDA_APP);
        CHECK(span_is(r.request_id, r.request_id_len, "7c9567b5-107b-4a6c-8798-0157ac21db52"));
    }
    TEST("not Lambda lines")
    {
        CHECK_INT(parse("hello world").kind, LAMBDA_NONE);
        CHECK_INT(parse("STARTED RequestId: x").kind, LAMBDA_NONE);
        CHECK_INT(parse("2020-03-05T16:30:36.172Z\tnot-a-uuid\tINFO\tx").kind, LAMBDA_NONE);
        CHECK_INT(parse("START RequestId:").kind, LAMBDA_NONE);
        struct lambda_line ll = parse("{\"a\":1}");
        CHECK_INT(ll.kind, LAMBDA_NONE);
        CHECK(span_is(ll.body, ll.body_len, "{\"a\":1}"));
    }
    TEST("fields added to a record")
    {
        struct ingest_plan plan;
        plan_init_all(&plan);
        struct rec_batch b = {0};
        char buf[128];
        rb_begin(&b, 1);
        struct lambda_line ll =
            parse("REPORT RequestId: 8286a188-ba32-4475-8077-530cd35c09a9\tDuration: 14.97 "
                  "ms\tBilled Duration: 15 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\t");
        lambda_add_fields(&b, &ll, &plan);
        CHECK_STR(field(&b, "@type", buf, sizeof buf), "REPORT");
        CHECK_STR(field(&b, "@requestId", buf, sizeof buf), "8286a188-ba32-4475-8077-530cd35c09a9");
        CHECK_STR(field(&b, "@duration", buf, sizeof buf), "14.970000000000001");
        CHECK_STR(field(&b, "@billedDuration", buf, sizeof buf), "15");
        CHECK_STR(field(&b, "@memorySize", buf, sizeof buf), "128000000");
        CHECK_STR(field(&b, "@maxMemoryUsed", buf, sizeof buf), "67000000");
        CHECK_STR(field(&b, "@initDuration", buf, sizeof buf), "(none)");
        rb_end(&b);

        /* the first JSON fragment of an application line */
        rb_begin(&b, 2);
        ll = parse("2020-03-05T16:30:36.114Z\tf08bb4c8-d6b2-4f05-ac17-af7e2ba005fb\tDEBUG\t"
                   "[dd.trace_id=3172564172058669914] {broken {\"autoPatchHTTP\":true,"
                   "\"status\":\"debug\",\"n\":{\"k\":[1,2]}} {\"second\":1}\n");
        lambda_add_fields(&b, &ll, &plan);
        CHECK_STR(field(&b, "@requestId", buf, sizeof buf), "f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb");
        CHECK_STR(field(&b, "@type", buf, sizeof buf), "(none)");
        CHECK_STR(field(&b, "autoPatchHTTP", buf, sizeof buf), "1");
        CHECK_STR(field(&b, "status", buf, sizeof buf), "debug");
        CHECK_STR(field(&b, "n.k.1", buf, sizeof buf), "2");
        CHECK_STR(field(&b, "second", buf, sizeof buf), "(none)");
        rb_end(&b);

        /* a plan that wants one field gets only that one */
        const char *wanted[] = {"@duration"};
        struct ingest_plan some = {.fields = wanted, .n_fields = 1};
        rb_begin(&b, 3);
        ll = parse("REPORT RequestId: 8286a188-ba32-4475-8077-530cd35c09a9\tDuration: 2 ms\t"
                   "Memory Size: 128 MB");
        lambda_add_fields(&b, &ll, &some);
        CHECK_STR(field(&b, "@duration", buf, sizeof buf), "2");
        CHECK_STR(field(&b, "@memorySize", buf, sizeof buf), "(none)");
        CHECK_STR(field(&b, "@type", buf, sizeof buf), "(none)");
        rb_end(&b);
        rb_free(&b);
    }
    TEST("UUIDs")
    {
        CHECK(lambda_is_uuid("f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb", 36));
        CHECK(lambda_is_uuid("F08BB4C8-D6B2-4F05-AC17-AF7E2BA005FB", 36));
        CHECK(!lambda_is_uuid("f08bb4c8-d6b2-4f05-ac17-af7e2ba005f", 35));
        CHECK(!lambda_is_uuid("f08bb4c8xd6b2-4f05-ac17-af7e2ba005fb", 36));
        CHECK(!lambda_is_uuid("g08bb4c8-d6b2-4f05-ac17-af7e2ba005fb", 36));
    }
    return test_report("lambda");
}
