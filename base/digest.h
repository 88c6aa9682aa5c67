/*
 * digest.h — SHA-256 and MD5 from libcrypto (OpenSSL), the one place that
 * names the library.
 *
 * The case index records a SHA-256 of every source's bytes (cmd/ingest.c,
 * fed while the file is read) and the query functions sha256() and md5()
 * hash values (query/sqlfn_hash.c). A well-kept library does both rather
 * than code of our own: it is reviewed, tested against the standards'
 * vectors and uses the CPU's SHA instructions where there are some.
 *
 * Ownership: digest_new() returns a context the caller frees with
 * digest_free(); it can be reused after digest_final() with digest_reset().
 */
#ifndef TRAILQ_DIGEST_H
#define TRAILQ_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

enum { DIGEST_SHA256_LEN = 32, DIGEST_MD5_LEN = 16, DIGEST_SHA256_HEX = 64 };

struct digest;

/* A streaming SHA-256; NULL only if libcrypto cannot provide one. */
struct digest *digest_new(void);
void digest_reset(struct digest *d);
void digest_update(struct digest *d, const void *data, size_t n);
/* The lower-case hex digest of everything fed since the last reset,
 * NUL-terminated. */
void digest_final_hex(struct digest *d, char hex[DIGEST_SHA256_HEX + 1]);
void digest_free(struct digest *d);

/* One-shot digests of s[0..n) into out; false if libcrypto failed. */
bool digest_sha256(const void *s, size_t n, unsigned char out[DIGEST_SHA256_LEN]);
bool digest_md5(const void *s, size_t n, unsigned char out[DIGEST_MD5_LEN]);

/* bytes[0..n) as lower-case hex into out[0..2n], NUL-terminated. */
void digest_hex(const unsigned char *bytes, size_t n, char *out);

#endif
