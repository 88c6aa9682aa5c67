/*
 * fuzz_query.c — libFuzzer entry point for the query front end: lexer,
 * parser, analyser and compiler (query/), without an index.
 *
 * Each input is one query text, handled as cmd/main.c handles a query
 * before reading any input: query_parse(), then compile_query() with no
 * store (the analysis that yields the ingest plan), and on an error
 * qerror_render(), whose text must be the three lines it promises.
 * Built and run by `make fuzz` (tests/fuzz/README); past crashes in
 * tests/fuzz/crashes/query/ are replayed by `make check`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "query/compile.h"
#include "query/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    struct qerror qe = {0};
    struct query *q = query_parse(text, size, &qe);
    if (q) {
        struct compile_opts opts = {.now_ms = INT64_C(1700000000000)};
        struct compile_result cr;
        if (compile_query(q, NULL, &opts, &cr, &qe) == 0 && qe.set)
            abort(); /* success with an error recorded */
    } else if (!qe.set) {
        abort(); /* failure without a message */
    }
    if (qe.set) {
        struct strbuf sb = STRBUF_INIT;
        qerror_render(&qe, text, size, &sb);
        size_t lines = 0;
        for (size_t i = 0; i < sb.len; i++)
            lines += sb.buf[i] == '\n';
        if (lines != 3 || sb.buf[sb.len - 1] != '\n')
            abort();
        sb_free(&sb);
    }
    query_free(q);
    return 0;
}
