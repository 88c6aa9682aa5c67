/*
 * fuzz_gzip.c — libFuzzer entry point for the input layer
 * (parsers/input.c): plain or gzip-compressed bytes, one or several gzip
 * members, truncated or corrupt.
 *
 * Each input is read twice to its end: as a file (a small gzip file is
 * inflated whole by libdeflate, falling back to zlib) and as standard input
 * (always streamed through zlib, in chunks). Both must fail or succeed
 * together and hand out the same bytes up to where they stop; then the
 * file is read again line by line with input_getline(), whose lines must
 * hold no line end. Built and run by `make fuzz` (tests/fuzz/README); past
 * crashes in tests/fuzz/crashes/gzip/ are replayed by `make check`.
 */
#include <stdbool.h>
#include <string.h>

#include "tests/fuzz/fuzz_reader.h"

/* Read the whole input through input_fill/input_consume, asking for a
 * different amount each time; returns 0 at the end, -1 on an error. */
static int read_all(const char *path, struct strbuf *out)
{
    struct strbuf err = STRBUF_INIT;
    struct input *in = NULL;
    FUZZ_CHECK(input_open(&in, path, &err) == 0);
    sb_free(&err);
    static const size_t wants[] = {1, 7, 4096, 300000, 2};
    int rc = 0;
    for (size_t k = 0;; k++) {
        ssize_t got = input_fill(in, wants[k % 5]);
        if (got < 0) {
            FUZZ_CHECK(input_error(in)[0] != '\0');
            rc = -1;
            break;
        }
        FUZZ_CHECK((size_t)got == input_avail(in));
        if (got == 0) {
            FUZZ_CHECK(input_eof(in));
            break;
        }
        size_t take = (size_t)got < wants[(k + 1) % 5] ? (size_t)got : wants[(k + 1) % 5];
        sb_append(out, input_data(in), take);
        input_consume(in, take);
    }
    input_close(in);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    int fd = fuzz_memfile(data, size, path);
    FUZZ_CHECK(fd >= 0);
    struct strbuf as_file = STRBUF_INIT, as_stdin = STRBUF_INIT;
    int rc_file = read_all(path, &as_file);

    int saved = dup(STDIN_FILENO);
    FUZZ_CHECK(dup2(fd, STDIN_FILENO) == STDIN_FILENO && lseek(fd, 0, SEEK_SET) == 0);
    int rc_stdin = read_all("-", &as_stdin);
    if (saved >= 0) {
        dup2(saved, STDIN_FILENO);
        close(saved);
    } else {
        close(STDIN_FILENO);
    }
    bool same = as_file.len == as_stdin.len &&
                (as_file.len == 0 || memcmp(as_file.buf, as_stdin.buf, as_file.len) == 0);
    if (rc_file != rc_stdin || (rc_file == 0 && !same)) {
        fprintf(stderr, "file and stdin disagree: status %d/%d, %zu/%zu bytes\n", rc_file,
                rc_stdin, as_file.len, as_stdin.len);
        abort();
    }

    struct strbuf err = STRBUF_INIT;
    struct input *in = NULL;
    FUZZ_CHECK(input_open(&in, path, &err) == 0);
    const char *line;
    size_t len;
    int r;
    while ((r = input_getline(in, &line, &len)) != 0 && r != -1)
        if (r == 1)
            FUZZ_CHECK(!memchr(line, '\n', len) && !memchr(line, '\r', len));
    input_close(in);
    sb_free(&err);
    sb_free(&as_file);
    sb_free(&as_stdin);
    return 0;
}
