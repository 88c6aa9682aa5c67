/*
 * lambda.h — AWS Lambda log lines and the fields Insights derives from them.
 *
 * Lambda writes three platform lines per invocation and the function's own
 * output between them:
 *
 *   START RequestId: <id> Version: $LATEST
 *   2020-03-05T16:30:36.113Z\t<id>\tINFO\t<message>        (Node.js)
 *   [INFO]\t2020-03-05T16:30:36.113Z\t<id>\t<message>      (Python)
 *   2020-06-09T15:02:26.150Z <id> Task timed out after 3.00 seconds
 *   END RequestId: <id>
 *   REPORT RequestId: <id>\tDuration: 1.76 ms\tBilled Duration: 100 ms\t
 *     Memory Size: 128 MB\tMax Memory Used: 48 MB\tInit Duration: 120.96 ms\t
 *     [\nXRAY TraceId: 1-...\tSegmentId: ...\tSampled: true]
 *
 * Fields (docs/language.md#inputs): @type (START, END, REPORT), @requestId,
 * @duration, @billedDuration, @initDuration (ms, reals), @memorySize,
 * @maxMemoryUsed (bytes = MB x 10^6, integers), @xrayTraceId,
 * @xraySegmentId; for an application line also @requestId, the time of its
 * prefix, and the fields of the first JSON object embedded in it (Insights
 * discovers that fragment for Lambda only).
 *
 * Separators may be tabs, spaces, newlines, or the two characters "\t" /
 * "\n" (some forwarders write the escapes literally; SOURCES.md §3).
 * Request IDs are UUIDs in application-line prefixes; after "RequestId:"
 * any word is accepted.
 *
 * lambda_parse() (parser.h) reads a file of such lines: one event per line
 * (a line starting with whitespace continues the previous one), @timestamp
 * from the prefix or another leading timestamp (textts.h), or for a JSON
 * line its time key (as jsonl), else the previous line's, else the file
 * time.
 */
#ifndef TRAILQ_LAMBDA_H
#define TRAILQ_LAMBDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parsers/plan.h"
#include "index/record.h"

enum lambda_kind {
    LAMBDA_NONE,   /* not recognisably a Lambda line */
    LAMBDA_START,  /* START RequestId: ... */
    LAMBDA_END,    /* END RequestId: ... */
    LAMBDA_REPORT, /* REPORT RequestId: ... */
    LAMBDA_APP,    /* the function's output with the runtime's prefix */
};

/* One parsed line. Pointers point into the line given to lambda_parse_line. */
struct lambda_line {
    enum lambda_kind kind;
    const char *request_id;      /* the request ID, or NULL */
    size_t request_id_len;       /* its length */
    int64_t ts;                  /* the application prefix's time, or TS_NONE */
    const char *body;            /* where an embedded JSON object is looked for: the */
    size_t body_len;             /* text after the prefix (the whole line for NONE); */
                                 /* NULL for platform lines */
    bool has_duration;           /* Duration: seen */
    double duration;             /* ms */
    bool has_billed;             /* Billed Duration: seen */
    double billed_duration;      /* ms */
    bool has_init;               /* Init Duration: seen (cold start) */
    double init_duration;        /* ms */
    bool has_memory_size;        /* Memory Size: seen */
    int64_t memory_size;         /* bytes */
    bool has_max_memory;         /* Max Memory Used: seen */
    int64_t max_memory_used;     /* bytes */
    const char *xray_trace_id;   /* XRAY TraceId: value, or NULL */
    size_t xray_trace_id_len;
    const char *xray_segment_id; /* SegmentId: value, or NULL */
    size_t xray_segment_id_len;
};

/* Parse s[0..n). Always fills *out; returns true when the line is a
 * platform line or has the application prefix (kind != LAMBDA_NONE). */
bool lambda_parse_line(const char *s, size_t n, struct lambda_line *out);

/* Lambda's JSON log format (LogFormat JSON) gives the same fields:
 *
 *   {"time": ..., "type": "platform.start", "record": {"requestId": ...}}
 *   {"time": ..., "type": "platform.runtimeDone", "record": {"requestId": ...}}
 *   {"time": ..., "type": "platform.report", "record": {"requestId": ...,
 *     "metrics": {"durationMs", "billedDurationMs", "memorySizeMB",
 *                 "maxMemoryUsedMB", "initDurationMs"},
 *     "tracing": {"spanId": ..., "value": "Root=1-...;Parent=...;Sampled=1"}}}
 *   {"timestamp": ..., "level": "INFO", "requestId": ..., "message": ...}
 *
 * start, runtimeDone and report are the START, END and REPORT lines
 * (@type, @requestId; a report's metrics and @xrayTraceId from Root=,
 * @xraySegmentId from spanId, else Parent=); an application record with a
 * string "level" gives @requestId from "requestId" or "AWSRequestId".
 * Other platform records (initStart, ...) give nothing, as INIT_START
 * lines do. Returns whether obj is one of these records. */
struct json_t;
bool lambda_add_json_fields(struct rec_batch *b, struct json_t *obj,
                            const struct ingest_plan *plan);

/* Whether the plan reads a field that lambda_add_json_fields gives, and
 * whether the JSON text p[0..n) may be such a record: a JSON lines reader
 * then needs the record's DOM. */
bool lambda_json_planned(const struct ingest_plan *plan);
bool lambda_json_maybe(const char *p, size_t n);

/* Add the fields of a parsed line to the open record of b (as the plan
 * wants them), including those of the first JSON object in its body. */
void lambda_add_fields(struct rec_batch *b, const struct lambda_line *ll,
                       const struct ingest_plan *plan);

/* Add the fields of the first JSON object embedded in s[0..n) (the first
 * '{' at which a complete, valid object starts). Returns true if one was
 * found. */
bool lambda_add_json_fragment(struct rec_batch *b, const char *s, size_t n,
                              const struct ingest_plan *plan);

/* Is s[0..n) a UUID (8-4-4-4-12 hex digits)? */
bool lambda_is_uuid(const char *s, size_t n);

#endif
