/*
 * input.h — one input (file or standard input) as a stream of bytes.
 *
 * Compression is detected by content: data starting with the gzip magic
 * bytes 1f 8b is inflated (several gzip members in a row are read as one
 * stream, as gzip(1) does); anything else is read as is. Reading is
 * buffered: a parser looks at input_data()/input_avail(), asks for more
 * with input_fill(), and drops what it has handled with input_consume().
 * The buffer grows only as far as the longest single record or line needs,
 * up to INPUT_MAX_SPAN; memory does not grow with the size of the input.
 *
 * Errors (unreadable file, corrupt or truncated gzip) are kept in the input:
 * input_fill() returns -1 and input_error() says what went wrong, worded
 * for "trailq: FILE:LINE: <message>".
 *
 * Ownership: input_open() returns an input the caller closes with
 * input_close().
 */
#ifndef TRAILQ_INPUT_H
#define TRAILQ_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "base/strbuf.h"

/* No record or line may be longer than this (a "huge line" is an error). */
#define INPUT_MAX_SPAN ((size_t)256 << 20)

struct input;

/* Open path ("-" is standard input). Returns 0, or -1 with a message in err
 * (e.g. "No such file or directory"). */
int input_open(struct input **out, const char *path, struct strbuf *err);
/* An input over data[0..n) (text decoded from another input, allocated
 * with malloc; the input takes it over and frees it, NULL when n is 0);
 * `name` is its path for messages. It never fails. */
struct input *input_open_mem(const char *name, char *data, size_t n);
void input_close(struct input *in);

/* Make at least `want` bytes available (fewer only at the end of the input).
 * Returns the number available, or -1 on a read or decompression error. */
ssize_t input_fill(struct input *in, size_t want);
const char *input_data(const struct input *in);
size_t input_avail(const struct input *in);
void input_consume(struct input *in, size_t n);
/* True once the whole input has been read into the buffer. (After a read
 * error input_fill keeps returning -1; what was read before it stays in
 * the buffer, to be used.) */
bool input_eof(const struct input *in);
const char *input_error(const struct input *in);

bool input_is_gzip(const struct input *in);
int64_t input_size(const struct input *in);   /* bytes on disk, -1 for stdin */
int64_t input_mtime(const struct input *in);  /* ms since the epoch, -1 for stdin */
const char *input_path(const struct input *in);
/* How far reading has got, in bytes of the input as stored: for gzip,
 * compressed bytes (for progress: compare with input_size). */
int64_t input_position(const struct input *in);

/* Read one line: *line and *len point into the buffer (without the line end;
 * "\r\n", "\n" and a lone "\r" all end a line). Valid until the next call.
 * Returns 1 for a line, 0 at the end, -1 on error (input_error; only once
 * the lines read before the error have all been returned), -2 for a line
 * longer than INPUT_MAX_SPAN (skipped; the next call continues). */
int input_getline(struct input *in, const char **line, size_t *len);

/* What zlib's message about corrupt data (z_stream.msg, may be NULL)
 * means, in plain words: a checksum that does not match, an invalid gzip
 * header, or damaged compressed data. */
const char *input_zlib_words(const char *zmsg);

#endif
