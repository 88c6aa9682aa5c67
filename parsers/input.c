/*
 * input.c — buffered, optionally gunzipped reading of one input (see
 * input.h).
 */
#include "parsers/input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libdeflate.h>
#include <unistd.h>
#include <zlib.h>

#include "base/xalloc.h"

enum { READ_CHUNK = 256 * 1024 };

/* gzip files up to this size (compressed) whose data fits WHOLE_MAX_OUT are
 * inflated in one call with libdeflate (about twice zlib's speed: docs/performance.md,
 * bench/); bigger ones, standard input and anything libdeflate rejects go
 * through zlib, streaming, which also gives the precise error and keeps
 * the data before it. */
#define WHOLE_MAX_IN ((int64_t)64 << 20)
#define WHOLE_MAX_OUT ((size_t)256 << 20)

struct input {
    char *path;
    int fd;
    bool is_stdin;
    int64_t size, mtime;

    char *buf;             /* decompressed data: valid bytes are buf[start..end) */
    size_t start, end, cap;
    bool eof;              /* no more data will come */
    bool failed;
    char errmsg[256];

    bool gz_checked;       /* compression detected */
    bool gz;
    bool gz_stream_ended;  /* the current member is complete */
    z_stream zs;
    bool zs_init;
    unsigned char *zin;    /* compressed bytes read from fd */
    size_t zin_len;
    bool fd_eof;
    uint64_t total_out;    /* decompressed bytes so far */
    int64_t raw_read;      /* bytes read from fd (input_position) */
};

static int set_error(struct input *in, const char *fmt, const char *detail)
{
    in->failed = true;
    snprintf(in->errmsg, sizeof in->errmsg, fmt, detail);
    return -1;
}

int input_open(struct input **out, const char *path, struct strbuf *err)
{
    struct input *in = xcalloc(1, sizeof *in);
    in->path = xstrdup(path);
    in->size = in->mtime = -1;
    if (strcmp(path, "-") == 0) {
        in->fd = 0;
        in->is_stdin = true;
    } else {
        in->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (in->fd < 0) {
            sb_puts(err, strerror(errno));
            free(in->path);
            free(in);
            return -1;
        }
        struct stat st;
        if (fstat(in->fd, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                sb_puts(err, "is a directory");
                close(in->fd);
                free(in->path);
                free(in);
                return -1;
            }
            in->size = st.st_size;
            in->mtime = (int64_t)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
        }
    }
    *out = in;
    return 0;
}

struct input *input_open_mem(const char *name, char *data, size_t n)
{
    struct input *in = xcalloc(1, sizeof *in);
    in->path = xstrdup(name);
    in->fd = -1;
    in->size = (int64_t)n;
    in->mtime = -1;
    in->gz_checked = true;
    in->eof = true;
    in->buf = data;
    in->cap = data ? n : 0;
    in->end = data ? n : 0;
    return in;
}

void input_close(struct input *in)
{
    if (!in)
        return;
    if (!in->is_stdin && in->fd >= 0)
        close(in->fd);
    if (in->zs_init)
        inflateEnd(&in->zs);
    free(in->zin);
    free(in->buf);
    free(in->path);
    free(in);
}

/* Make room for at least `room` more bytes after end. */
static void make_room(struct input *in, size_t room)
{
    if (in->start > 0 && (in->start >= in->cap / 2 || in->cap - in->end < room)) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    if (in->cap - in->end < room) {
        size_t cap = in->cap ? in->cap : READ_CHUNK;
        while (cap - in->end < room)
            cap *= 2;
        in->buf = xrealloc(in->buf, cap);
        in->cap = cap;
    }
}

/* Read raw bytes from the file into dst; returns count, 0 at EOF, -1 error. */
static ssize_t read_raw(struct input *in, void *dst, size_t n)
{
    for (;;) {
        ssize_t r = read(in->fd, dst, n);
        if (r >= 0) {
            in->raw_read += r;
            return r;
        }
        if (errno != EINTR)
            return set_error(in, "read error: %s", strerror(errno));
    }
}

static ssize_t fill_plain(struct input *in)
{
    /* One chunk at a time, so the buffer grows only as far as asked (a huge
     * record is cut off at INPUT_MAX_SPAN, not read whole). */
    make_room(in, READ_CHUNK);
    ssize_t r = read_raw(in, in->buf + in->end, READ_CHUNK);
    if (r < 0)
        return -1;
    if (r == 0)
        in->eof = true;
    in->end += (size_t)r;
    return r;
}

static ssize_t fill_gz(struct input *in)
{
    if (!in->zs_init) {
        if (inflateInit2(&in->zs, 16 + MAX_WBITS) != Z_OK)
            return set_error(in, "%s", "cannot start gzip decompression");
        in->zs_init = true;
        in->zin = xmalloc(READ_CHUNK);
    }
    make_room(in, READ_CHUNK);
    size_t produced = 0;
    while (produced == 0 && !in->eof) {
        if (in->zs.avail_in == 0 && !in->fd_eof) {
            ssize_t r = read_raw(in, in->zin, READ_CHUNK);
            if (r < 0)
                return -1;
            if (r == 0)
                in->fd_eof = true;
            in->zs.next_in = in->zin;
            in->zs.avail_in = (uInt)r;
        }
        if (in->gz_stream_ended) {
            /* Another member may follow; skip zero padding as gzip does. */
            while (in->zs.avail_in && *in->zs.next_in == 0) {
                in->zs.next_in++;
                in->zs.avail_in--;
            }
            if (in->zs.avail_in == 0) {
                if (in->fd_eof) {
                    in->eof = true;
                    break;
                }
                continue;
            }
            if (in->zs.avail_in >= 1 && *in->zs.next_in != 0x1f)
                return set_error(in, "%s", "trailing garbage after gzip data");
            inflateReset(&in->zs);
            in->gz_stream_ended = false;
        }
        if (in->zs.avail_in == 0 && in->fd_eof) {
            char detail[96];
            snprintf(detail, sizeof detail, "%llu bytes", (unsigned long long)in->total_out);
            return set_error(in, "truncated gzip data (input ends after %s of decompressed data)",
                             detail);
        }
        size_t room = in->cap - in->end < 4 * READ_CHUNK ? in->cap - in->end : 4 * READ_CHUNK;
        in->zs.next_out = (unsigned char *)in->buf + in->end;
        in->zs.avail_out = (uInt)room;
        int rc = inflate(&in->zs, Z_NO_FLUSH);
        size_t got = room - in->zs.avail_out;
        in->end += got;
        produced += got;
        in->total_out += got;
        if (rc == Z_STREAM_END) {
            in->gz_stream_ended = true;
        } else if (rc == Z_BUF_ERROR) {
            if (in->zs.avail_in == 0 && in->fd_eof) {
                char detail[96];
                snprintf(detail, sizeof detail, "%llu bytes",
                         (unsigned long long)in->total_out);
                return set_error(
                    in, "truncated gzip data (input ends after %s of decompressed data)", detail);
            }
        } else if (rc != Z_OK) {
            char detail[160];
            if (in->total_out)
                snprintf(detail, sizeof detail, "%s, after %llu bytes of decompressed data",
                         input_zlib_words(in->zs.msg), (unsigned long long)in->total_out);
            else
                snprintf(detail, sizeof detail, "%s", input_zlib_words(in->zs.msg));
            return set_error(in, "corrupt gzip data: %s", detail);
        }
    }
    return (ssize_t)produced;
}

/* Read the whole (regular, small) gzip file and inflate it in one call.
 * Returns 1 when done (data in the buffer, eof set), 0 to fall back to
 * streaming, -1 on a read error. */
static int inflate_whole(struct input *in)
{
    size_t n = (size_t)in->size;
    unsigned char *comp = xmalloc(n);
    comp[0] = 0x1f;
    comp[1] = 0x8b;
    size_t have = 2;
    while (have < n) {
        ssize_t r = read_raw(in, comp + have, n - have);
        if (r < 0) {
            free(comp);
            return -1;
        }
        if (r == 0)
            break;
        have += (size_t)r;
    }
    /* the last member's trailer holds its size mod 2^32: a first guess */
    size_t guess = have >= 4 ? (size_t)comp[have - 4] | (size_t)comp[have - 3] << 8 |
                                   (size_t)comp[have - 2] << 16 | (size_t)comp[have - 1] << 24
                             : 0;
    size_t cap = guess + 1 > 4096 ? guess + 1 : 4096;
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    int done = 0;
    size_t pos = 0, out = 0;
    char *buf = NULL;
    if (!d || cap > WHOLE_MAX_OUT)
        goto fallback;
    buf = xmalloc(cap);
    while (pos < have) {
        size_t in_used = 0, got = 0;
        if (have - pos > 3 && (comp[pos + 3] & 0x02))
            goto fallback; /* FHCRC: libdeflate skips the header CRC, zlib checks it */
        enum libdeflate_result rc = libdeflate_gzip_decompress_ex(
            d, comp + pos, have - pos, buf + out, cap - out, &in_used, &got);
        if (rc == LIBDEFLATE_INSUFFICIENT_SPACE) {
            if (cap * 2 > WHOLE_MAX_OUT)
                goto fallback;
            cap *= 2;
            buf = xrealloc(buf, cap);
            continue;
        }
        if (rc != LIBDEFLATE_SUCCESS)
            goto fallback; /* corrupt or truncated: let zlib say where */
        pos += in_used;
        out += got;
        while (pos < have && comp[pos] == 0)
            pos++; /* zero padding between members, as gzip allows */
        if (pos < have && (have - pos < 2 || comp[pos] != 0x1f || comp[pos + 1] != 0x8b))
            goto fallback;
    }
    free(in->buf);
    in->buf = buf;
    in->cap = cap;
    in->start = 0;
    in->end = out;
    in->eof = true;
    in->total_out = out;
    buf = NULL;
    done = 1;
fallback:
    free(buf);
    free(comp);
    if (d)
        libdeflate_free_decompressor(d);
    return done;
}

static int detect_gzip(struct input *in)
{
    /* Peek at the first two raw bytes without losing them. */
    in->gz_checked = true;
    unsigned char head[2];
    size_t have = 0;
    while (have < 2) {
        ssize_t r = read_raw(in, head + have, 2 - have);
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        have += (size_t)r;
    }
    in->gz = have == 2 && head[0] == 0x1f && head[1] == 0x8b;
    if (in->gz && !in->is_stdin && in->size > 18 && in->size <= WHOLE_MAX_IN) {
        int r = inflate_whole(in);
        if (r != 0)
            return r < 0 ? -1 : 0;
        /* not for libdeflate: start over, streaming */
        if (lseek(in->fd, 2, SEEK_SET) != 2)
            return set_error(in, "cannot seek: %s", strerror(errno));
    }
    if (in->gz) {
        if (inflateInit2(&in->zs, 16 + MAX_WBITS) != Z_OK)
            return set_error(in, "%s", "cannot start gzip decompression");
        in->zs_init = true;
        in->zin = xmalloc(READ_CHUNK);
        memcpy(in->zin, head, 2);
        ssize_t r = read_raw(in, in->zin + 2, READ_CHUNK - 2);
        if (r < 0)
            return -1;
        if (r == 0)
            in->fd_eof = true;
        in->zs.next_in = in->zin;
        in->zs.avail_in = (uInt)(2 + r);
    } else {
        make_room(in, READ_CHUNK);
        for (size_t k = 0; k < have && k < sizeof head; k++)
            in->buf[in->end++] = (char)head[k];
        if (have < 2)
            in->eof = true;
    }
    return 0;
}

ssize_t input_fill(struct input *in, size_t want)
{
    if (in->failed)
        return -1;
    if (!in->gz_checked && detect_gzip(in) < 0)
        return -1;
    while (in->end - in->start < want && !in->eof) {
        if (want > INPUT_MAX_SPAN)
            want = INPUT_MAX_SPAN;
        ssize_t r = in->gz ? fill_gz(in) : fill_plain(in);
        if (r < 0)
            return -1;
    }
    return (ssize_t)(in->end - in->start);
}

const char *input_data(const struct input *in)
{
    return in->buf ? in->buf + in->start : "";
}

size_t input_avail(const struct input *in)
{
    return in->end - in->start;
}

int64_t input_position(const struct input *in)
{
    int64_t buffered = (int64_t)(in->end - in->start);
    if (in->gz && in->zs_init)
        return in->raw_read - (int64_t)in->zs.avail_in; /* compressed bytes inflated */
    if (in->gz) {
        /* inflated whole: the share of its data handed out, of the file */
        if (in->total_out == 0 || in->size < 0)
            return in->raw_read;
        return (int64_t)((double)in->size * (double)((int64_t)in->total_out - buffered) /
                         (double)in->total_out);
    }
    int64_t pos = in->raw_read - buffered;
    return pos < 0 ? 0 : pos;
}

void input_consume(struct input *in, size_t n)
{
    if (n > in->end - in->start)
        n = in->end - in->start;
    in->start += n;
    if (in->start == in->end)
        in->start = in->end = 0;
}

bool input_eof(const struct input *in)
{
    return in->eof;
}

const char *input_error(const struct input *in)
{
    return in->failed ? in->errmsg : "";
}

bool input_is_gzip(const struct input *in)
{
    return in->gz;
}

int64_t input_size(const struct input *in)
{
    return in->size;
}

int64_t input_mtime(const struct input *in)
{
    return in->mtime;
}

const char *input_path(const struct input *in)
{
    return in->path;
}

int input_getline(struct input *in, const char **line, size_t *len)
{
    size_t scanned = 0;
    for (;;) {
        const char *p = in->buf ? in->buf + in->start : NULL;
        size_t avail = in->end - in->start;
        const char *nl = NULL;
        if (avail > scanned) {
            const char *from = p + scanned;
            size_t rem = avail - scanned;
            const char *lf = memchr(from, '\n', rem);
            const char *cr = memchr(from, '\r', lf ? (size_t)(lf - from) : rem);
            nl = cr ? cr : lf;
        }
        if (nl) {
            size_t n = (size_t)(nl - p);
            size_t eol = 1;
            if (*nl == '\r') {
                /* "\r\n" is one line end; a "\r" at the buffer's end needs a peek. */
                if (n + 1 >= avail && !in->eof && !in->failed) {
                    (void)input_fill(in, avail + 1); /* an error: reported at the end */
                    p = in->buf + in->start;
                    avail = in->end - in->start;
                }
                if (n + 1 < avail && p[n + 1] == '\n')
                    eol = 2;
            }
            *line = p;
            *len = n;
            in->start += n + eol; /* consumed on the next call's view */
            if (in->start == in->end)
                in->start = in->end = 0;
            /* The caller's pointer stays valid: buffers only move on fill. */
            return 1;
        }
        if (in->eof || in->failed) {
            /* at the end, or after an error: what is buffered is still read,
             * then the error is returned */
            if (avail == 0)
                return in->failed ? -1 : 0;
            *line = p;
            *len = avail;
            in->start = in->end = 0;
            return 1;
        }
        if (avail >= INPUT_MAX_SPAN) {
            /* Skip the rest of this huge line. */
            in->start = in->end = 0;
            for (;;) {
                if (input_fill(in, 1) < 0)
                    return -1;
                if (in->end == in->start)
                    return -2;
                const char *q = memchr(in->buf + in->start, '\n', in->end - in->start);
                if (q) {
                    in->start = (size_t)(q - in->buf) + 1;
                    return -2;
                }
                in->start = in->end = 0;
            }
        }
        scanned = avail;
        (void)input_fill(in, avail + READ_CHUNK); /* an error: the lines before it first */
    }
}

const char *input_zlib_words(const char *zmsg)
{
    static const char *const checksum[] = {"incorrect data check", "incorrect length check",
                                           "header crc mismatch"};
    static const char *const header[] = {"incorrect header check", "unknown compression method",
                                         "invalid window size", "unknown header flags set"};
    for (size_t i = 0; zmsg && i < sizeof checksum / sizeof *checksum; i++)
        if (strcmp(zmsg, checksum[i]) == 0)
            return "a checksum does not match (the data is damaged)";
    for (size_t i = 0; zmsg && i < sizeof header / sizeof *header; i++)
        if (strcmp(zmsg, header[i]) == 0)
            return "the gzip header is invalid";
    return "the compressed data is damaged";
}
