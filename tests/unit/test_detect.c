/*
 * test_detect.c — content detection of input types (parsers/detect.c).
 *
 * Two parts: small hand-written samples of every variant (what each should
 * be is given by docs/language.md#inputs and the formats' documentation), and every file of
 * the larger sample corpus ($SHARED/data, when it is there), whose
 * expected type follows from its folder as described in its SOURCES.md:
 * cloudtrail/ is CloudTrail (except one CSV export, which is text),
 * cloudwatch/ and lambda/ are CloudWatch subscription payloads, vpcflow/ is
 * flow log text (and one payload), text/ is text. Files are read as the CLI
 * reads them: through input.h (gunzip) and the first DETECT_BYTES.
 */
#include "parsers/detect.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/strbuf.h"
#include "parsers/input.h"
#include "tests/unit/testhelp.h"

static enum input_type det(const char *s)
{
    return detect_type(s, strlen(s));
}

static const char *name(enum input_type t)
{
    return input_type_name(t);
}

/* ---- the shared data ---- */

struct expect {
    const char *prefix;   /* path below data/ */
    const char *suffix;   /* and its ending ("" for any) */
    enum input_type type; /* the type it must get */
};

static const struct expect expectations[] = {
    {"cloudtrail/edge-cases/otrf_aws_s3_honeybucketlogs/", ".csv", IT_TEXT},
    {"cloudtrail/", "", IT_CLOUDTRAIL},
    {"cloudwatch/", "", IT_CWLOGS},
    {"lambda/", "", IT_CWLOGS},
    {"vpcflow/", ".json", IT_CWLOGS},
    {"vpcflow/", ".log", IT_VPCFLOW},
    {"text/", "", IT_TEXT},
};

struct tally {
    int files;     /* files checked */
    int wrong;     /* detected as something else */
    int by_type[IT_UNKNOWN + 1];
};

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static void check_file(const char *path, const char *rel, struct tally *t)
{
    if (strcmp(rel, "SOURCES.md") == 0 || strcmp(rel, "MANIFEST.tsv") == 0)
        return;
    const struct expect *e = NULL;
    for (size_t i = 0; i < sizeof expectations / sizeof *expectations && !e; i++)
        if (strncmp(rel, expectations[i].prefix, strlen(expectations[i].prefix)) == 0 &&
            ends_with(rel, expectations[i].suffix))
            e = &expectations[i];
    struct input *in;
    struct strbuf err = STRBUF_INIT;
    if (input_open(&in, path, &err) < 0) {
        fprintf(stderr, "cannot open %s: %s\n", path, sb_str(&err));
        sb_free(&err);
        t->wrong++;
        return;
    }
    input_fill(in, DETECT_BYTES);
    enum input_type got = detect_type(input_data(in), input_avail(in));
    input_close(in);
    t->files++;
    t->by_type[got]++;
    if (!e || got != e->type) {
        t->wrong++;
        if (t->wrong <= 20)
            fprintf(stderr, "%s: detected %s, want %s\n", rel, name(got),
                    e ? name(e->type) : "(no expectation)");
    }
}

static void walk(struct strbuf *path, size_t root_len, struct tally *t)
{
    DIR *d = opendir(path->buf);
    if (!d)
        return;
    struct dirent *de;
    size_t base = path->len;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        sb_truncate(path, base);
        sb_printf(path, "/%s", de->d_name);
        struct stat st;
        if (stat(path->buf, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(path, root_len, t);
        else if (S_ISREG(st.st_mode))
            check_file(path->buf, path->buf + root_len + 1, t);
    }
    sb_truncate(path, base);
    closedir(d);
}

int main(void)
{
    TEST("CloudTrail shapes")
    {
        CHECK_STR(name(det("{\"Records\":[{\"eventVersion\":\"1.08\"}]}")), "cloudtrail");
        CHECK_STR(name(det("[\n   {\n      \"awsRegion\": \"x\",\n      \"eventName\": \"A\",\n"
                           "      \"eventSource\": \"s3.amazonaws.com\"")),
                  "cloudtrail");
        CHECK_STR(name(det("{\"eventVersion\":\"1.05\",\"eventName\":\"X\"}\n{\"eventVersion\"")),
                  "cloudtrail");
        CHECK_STR(name(det("{\"Events\":[{\"EventId\":\"1\",\"CloudTrailEvent\":\"{}\"}]}")),
                  "cloudtrail");
        CHECK_STR(name(det("{\"awsAccountId\":\"1\",\"digestStartTime\":\"2025-10-21T00:00:00Z\"")),
                  "cloudtrail");
        CHECK_STR(name(det("[]")), "cloudtrail");
        /* a JavaScript object literal of an event: still CloudTrail (and broken) */
        CHECK_STR(name(det("[ \n{\n    awsRegion: \"us-east-1\",\n    eventVersion: \"1.09\",")),
                  "cloudtrail");
        /* the first record is longer than the sample: the keys seen so far decide */
        CHECK_STR(name(det("{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\"")),
                  "cloudtrail");
    }
    TEST("CloudWatch Logs shapes")
    {
        CHECK_STR(name(det("{\n    \"events\": [\n        {\n"
                           "            \"logStreamName\": \"s\",\n"
                           "            \"timestamp\": 1, \"message\": \"m\"}]}")),
                  "cwlogs");
        CHECK_STR(name(det("{\"events\":[{\"timestamp\":1,\"message\":\"m\",\"ingestionTime\":2}],"
                           "\"nextForwardToken\":\"f/1\"}")),
                  "cwlogs");
        CHECK_STR(name(det("{\"events\":[],\"nextForwardToken\":\"f/1\"}")), "cwlogs");
        CHECK_STR(name(det("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logEvents\":[]}")),
                  "cwlogs");
        CHECK_STR(name(det("{\"awslogs\":{\"data\":\"H4sIAAAA\"}}")), "cwlogs");
        /* an "events" array of other things is just JSON */
        CHECK_STR(name(det("{\"events\":[{\"foo\":1}]}")), "jsonl");
        CHECK_STR(name(det("{\"events\":[]}")), "jsonl");
    }
    TEST("JSON lines of other objects")
    {
        CHECK_STR(name(det("{\"level\":\"info\",\"ts\":1700000000,\"msg\":\"hi\"}\n"
                           "{\"level\":1}\n")),
                  "jsonl");
        CHECK_STR(name(det("{\"eventName\":\"A\",\"eventTime\":\"2024-01-01T00:00:00Z\"}\n")),
                  "jsonl");
        CHECK_STR(name(det("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}\n")), "jsonl");
        CHECK_STR(name(det("[{\"a\":1},{\"a\":2}]")), "jsonl");
        CHECK_STR(name(det("{}")), "jsonl");
        /* starts like JSON and is broken: never text */
        CHECK_STR(name(det("{\"eventName\": oops}\n")), "jsonl");
        CHECK_STR(name(det("[1, 2, 3]")), "unknown");
        CHECK_STR(name(det("[\"a\", \"b\"]")), "unknown");
    }
    TEST("VPC flow logs")
    {
        CHECK_STR(name(det("version account-id interface-id srcaddr dstaddr srcport dstport "
                           "protocol packets bytes start end action log-status\n"
                           "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 "
                           "20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n")),
                  "vpcflow");
        CHECK_STR(name(det("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 "
                           "20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"
                           "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1418530010 "
                           "1418530070 - NODATA\n")),
                  "vpcflow");
        CHECK_STR(name(det("vpc-id srcaddr dstaddr pkt-srcaddr\nvpc-1 10.0.0.1 10.0.0.2 -\n")),
                  "vpcflow");
        /* 13 fields: not the default layout, and no header says otherwise */
        CHECK_STR(name(det("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 "
                           "20641 22 6 20 4249 1418530010 1418530070 ACCEPT\n")),
                  "text");
    }
    TEST("S3 export lines")
    {
        CHECK_STR(name(det("2020-06-09T14:56:37.617Z START RequestId: x Version: $LATEST\n"
                           "2020-06-09T14:56:37.620Z {\"a\":1}\n")),
                  "export");
        CHECK_STR(name(det("1591714943146 hello\n1591714943147 world\n")), "export");
        CHECK_STR(name(det("2020-06-09T14:56:37.000Z first\n    continued\n"
                           "2020-06-09T14:56:38.000Z b\n2020-06-09T14:56:39.000Z c\n"
                           "2020-06-09T14:56:40.000Z d\n")),
                  "export");
        /* mostly continuation lines (tracebacks): the lines with a time decide */
        CHECK_STR(name(det("2020-06-09T14:56:37.000Z [ERROR] a\nTraceback (most recent call last):\n"
                           "  File \"app.py\", line 3\nValueError: bad\n"
                           "2020-06-09T14:56:38.000Z [ERROR] b\nTraceback (most recent call last):\n"
                           "  File \"app.py\", line 3\nValueError: bad\n")),
                  "export");
        /* ... but not when other times start most lines */
        CHECK_STR(name(det("2020-06-09T14:56:37.000Z a\n2020-06-09 14:56:38 b\n"
                           "2020-06-09 14:56:39 c\n")),
                  "text");
        /* to the second only: an application's text log, not an export */
        CHECK_STR(name(det("2020-06-09T14:56:37Z first\n2020-06-09T14:56:38Z b\n")), "text");
        /* other ISO shapes are ordinary text logs */
        CHECK_STR(name(det("2015-10-18 18:01:47,978 INFO [main] x\n")), "text");
        CHECK_STR(name(det("2020-06-09T14:56:37.617+02:00 x\n")), "text");
    }
    TEST("Lambda text")
    {
        CHECK_STR(name(det("START RequestId: 8286a188-ba32-4475-8077-530cd35c09a9 "
                           "Version: $LATEST\n"
                           "hello from print\n"
                           "END RequestId: 8286a188-ba32-4475-8077-530cd35c09a9\n"
                           "REPORT RequestId: 8286a188-ba32-4475-8077-530cd35c09a9\tDuration: 2.1 "
                           "ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 60 "
                           "MB\t\n")),
                  "lambda");
        CHECK_STR(name(det("2020-03-05T16:30:36.113Z\tf08bb4c8-d6b2-4f05-ac17-af7e2ba005fb"
                           "\tINFO\thi\n")),
                  "lambda");
        CHECK_STR(name(det("[INFO]\t2020-03-05T16:30:36.113Z\t"
                           "f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb\thi\n")),
                  "lambda");
    }
    TEST("text and junk")
    {
        CHECK_STR(name(det("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: x\n")), "text");
        CHECK_STR(name(det("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok\n")), "text");
        CHECK_STR(name(det("[10.30 16:49:06] chrome.exe - x\n")), "text");
        CHECK_STR(name(det("{main} started\n")), "text");
        CHECK_STR(name(det("plain words\r\nmore words\r\n")), "text");
        CHECK_STR(name(det("caf\xe9 au lait, one Latin-1 byte in a long enough line\n")), "text");
        CHECK_STR(name(det("")), "text");
        CHECK_STR(name(det("  \n\n")), "text");
        CHECK_STR(name(detect_type("ab\0\0\0\0\0\0\0\0\0\0cd\n", 15)), "unknown");
        CHECK_STR(name(det("\x89PNG\r\n\x1a\n\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f")),
                  "unknown");
        /* 2,048 bytes of a fixed pseudo-random sequence */
        char junk[2048];
        uint32_t x = 2463534242u;
        for (size_t i = 0; i < sizeof junk; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            junk[i] = (char)(x >> 24);
        }
        CHECK_STR(name(detect_type(junk, sizeof junk)), "unknown");
    }
    TEST("every sample file in the shared data")
    {
        /* $SHARED names the larger corpus (tests/run.sh and make unit set it) */
        const char *shared = getenv("SHARED");
        struct strbuf path = STRBUF_INIT;
        sb_printf(&path, "%s/data", shared ? shared : "");
        struct stat st;
        if (!shared || !*shared || stat(path.buf, &st) != 0) {
            /* the six checks below, counted as skipped */
            test_skip(6, "every sample file of $SHARED/data (the larger corpus is not here)");
        } else {
            struct tally t = {0};
            walk(&path, path.len, &t);
            CHECK_INT(t.wrong, 0);
            /* SOURCES.md's counts: 4,555 CloudTrail files (3872 + 55 + 584 +
             * 35 + 1 + 4 + 2 + 2; the CSV is text), 8 CloudWatch + 4 Lambda +
             * 1 VPC payloads, 3 flow log files, 17 text files + the CSV. */
            CHECK_INT(t.by_type[IT_CLOUDTRAIL], 4555);
            CHECK_INT(t.by_type[IT_CWLOGS], 13);
            CHECK_INT(t.by_type[IT_VPCFLOW], 3);
            CHECK_INT(t.by_type[IT_TEXT], 18);
            CHECK_INT(t.files, 4589);
        }
        sb_free(&path);
    }
    return test_report("detect");
}
