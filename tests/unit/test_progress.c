/*
 * test_progress.c — the progress line's text (cmd/progress.h) and how far
 * into a file reading has got (input_position, parsers/input.h), which it
 * shows for one large file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "cmd/progress.h"
#include "parsers/input.h"
#include "tests/unit/testhelp.h"

static void text_of(const struct progress *p, size_t n_files, int64_t events, int64_t ms,
                    char *out, size_t cap)
{
    struct strbuf sb = STRBUF_INIT;
    progress_text(&sb, p, n_files, events, ms);
    snprintf(out, cap, "%s", sb_str(&sb));
    sb_free(&sb);
}

static void test_text(void)
{
    char got[200];
    TEST("one large file: bytes of it, percent, rate and ETA")
    {
        /* 72 of 159 MB after 10 s: 45.3%; 1.2M events in 10 s = 120k/s;
         * 10 / 0.4528 - 10 = 12.1 s to go */
        struct progress p = {.total_bytes = 159000000, .cur_bytes = 72000000};
        text_of(&p, 1, 1200000, 10000, got, sizeof got);
        CHECK_STR(got, "reading: 0/1 files, 72 of 159 MB (45%), 120k events/s, ETA 12s");
    }
    TEST("finished files and the current one add up")
    {
        /* 2 files of 50 MB done, 25 MB into the third of 150 MB total:
         * 125/150 = 83%; 5 / 0.8333 - 5 = 1 s */
        struct progress p = {.total_bytes = 150000000, .done_bytes = 100000000,
                             .cur_bytes = 25000000, .files_done = 2};
        text_of(&p, 3, 500000, 5000, got, sizeof got);
        CHECK_STR(got, "reading: 2/3 files, 125 of 150 MB (83%), 100k events/s, ETA 1s");
    }
    TEST("no ETA before 1% is read")
    {
        struct progress p = {.total_bytes = 1000000000, .cur_bytes = 5000000};
        text_of(&p, 1, 2000, 2000, got, sizeof got);
        CHECK_STR(got, "reading: 0/1 files, 5 of 1000 MB (0%), 1k events/s");
    }
    TEST("standard input: no size, no percent, no ETA")
    {
        struct progress p = {.cur_bytes = 72000000};
        text_of(&p, 1, 1200000, 10000, got, sizeof got);
        CHECK_STR(got, "reading: 0/1 files, 72 MB, 120k events/s");
    }
    TEST("a file that grew while it was read stops at 100%")
    {
        struct progress p = {.total_bytes = 1000000, .cur_bytes = 2000000};
        text_of(&p, 1, 10, 1000, got, sizeof got);
        CHECK_STR(got, "reading: 0/1 files, 1 of 1 MB (100%), 0k events/s, ETA 0s");
    }
}

/* A file of n lines "line NNNNNN\n" (12 bytes each); its path in path. */
static void write_lines(const char *path, int n, bool gz)
{
    char line[16];
    if (gz) {
        gzFile g = gzopen(path, "wb9");
        for (int i = 0; i < n; i++) {
            snprintf(line, sizeof line, "line %06d\n", i);
            gzputs(g, line);
        }
        gzclose(g);
    } else {
        FILE *f = fopen(path, "w");
        for (int i = 0; i < n; i++)
            fprintf(f, "line %06d\n", i);
        fclose(f);
    }
}

static void test_position(void)
{
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char path[512];
    snprintf(path, sizeof path, "%s/test_progress.%d", dir, (int)getpid());
    TEST("a plain file: the bytes handed to the parser")
    {
        write_lines(path, 1000, false); /* 12,000 bytes */
        struct input *in = NULL;
        struct strbuf err = STRBUF_INIT;
        CHECK(input_open(&in, path, &err) == 0);
        CHECK_INT(input_position(in), 0);
        CHECK(input_fill(in, 100) >= 100);
        CHECK_INT(input_position(in), 0); /* read ahead, not yet handed out */
        input_consume(in, 6000);
        CHECK_INT(input_position(in), 6000);
        CHECK(input_fill(in, 100000) == 6000);
        input_consume(in, 6000);
        CHECK_INT(input_position(in), 12000);
        CHECK_INT(input_size(in), 12000);
        input_close(in);
        sb_free(&err);
    }
    TEST("a small gzip file, inflated whole: its share of the compressed size")
    {
        write_lines(path, 1000, true);
        struct input *in = NULL;
        struct strbuf err = STRBUF_INIT;
        CHECK(input_open(&in, path, &err) == 0);
        CHECK(input_fill(in, 100000) == 12000); /* 12,000 bytes once inflated */
        int64_t size = input_size(in);
        CHECK(size > 0 && size < 12000);
        CHECK_INT(input_position(in), 0);
        input_consume(in, 3000); /* a quarter of the data */
        CHECK_INT(input_position(in), size / 4);
        input_consume(in, 9000);
        CHECK_INT(input_position(in), size);
        input_close(in);
        sb_free(&err);
    }
    unlink(path);
}

int main(void)
{
    test_text();
    test_position();
    return test_report("progress");
}
