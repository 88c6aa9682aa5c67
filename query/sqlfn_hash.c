/*
 * sqlfn_hash.c — the Insights hashing functions as SQL functions
 * (trailq(1), Hash functions): tq_md5 and tq_sha256 give the lower-case hex digest of
 * the value's UTF-8 bytes (a number is hashed as its text, "1.5"); missing
 * gives missing. sqlfn_register_hash() installs them.
 *
 * Both digests are implemented here (MD5 from RFC 1321, SHA-256 from
 * FIPS 180-4) because trailq links no crypto library. They are for
 * fingerprinting log values, not for security.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* ---- what MD5 and SHA-256 share ---------------------------------------- */

static uint32_t rotl32(uint32_t x, int n)
{
    return (x << n) | (x >> (32 - n));
}

static uint32_t rotr32(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

/* One 64-byte block into the chaining state h. */
typedef void digest_block_fn(uint32_t *h, const unsigned char *block);

/* The Merkle-Damgard construction both digests use: the 64-byte blocks of
 * s[0..n) and then of the padding (a 1 bit, zeros, and the message length
 * in bits in the last 8 bytes of a block) through block(), from the initial
 * state h[0..n_words); then h as the digest, out[0..4*n_words). Lengths
 * and words are little-endian for MD5, big-endian for SHA-256. */
static void digest_run(uint32_t *h, int n_words, digest_block_fn *block, bool big_endian,
                       const unsigned char *s, size_t n, unsigned char *out)
{
    size_t full = n / 64 * 64;
    for (size_t k = 0; k < full; k += 64)
        block(h, s + k);
    unsigned char tail[128] = {0};
    size_t rest = n - full;
    memcpy(tail, s + full, rest);
    tail[rest] = 0x80;
    size_t tail_len = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)n * 8;
    for (int k = 0; k < 8; k++)
        tail[big_endian ? tail_len - 1 - k : tail_len - 8 + k] = (unsigned char)(bits >> (8 * k));
    for (size_t k = 0; k < tail_len; k += 64)
        block(h, tail + k);
    for (int k = 0; k < n_words; k++)
        for (int j = 0; j < 4; j++)
            out[4 * k + j] = (unsigned char)(h[k] >> (big_endian ? 24 - 8 * j : 8 * j));
}

/* ---- MD5 (RFC 1321) ---------------------------------------------------- */

/* T[i] = floor(2^32 * |sin(i + 1)|), RFC 1321 §3.4. */
static const uint32_t md5_t[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
    0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
    0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
    0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
    0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
    0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
    0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
    0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
    0xeb86d391,
};

/* Per-round left rotations, four per round. */
static const int md5_s[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

static void md5_block(uint32_t *h, const unsigned char *p)
{
    uint32_t x[16];
    for (int k = 0; k < 16; k++)
        x[k] = (uint32_t)p[4 * k] | (uint32_t)p[4 * k + 1] << 8 | (uint32_t)p[4 * k + 2] << 16 |
               (uint32_t)p[4 * k + 3] << 24;
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i / 16) {
        case 0: f = (b & c) | (~b & d), g = i; break;
        case 1: f = (b & d) | (c & ~d), g = (5 * i + 1) % 16; break;
        case 2: f = b ^ c ^ d, g = (3 * i + 5) % 16; break;
        default: f = c ^ (b | ~d), g = (7 * i) % 16; break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rotl32(a + f + md5_t[i] + x[g], md5_s[(i / 16) * 4 + i % 4]);
        a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
}

/* The 16-byte MD5 digest of s[0..n). */
static void md5(const unsigned char *s, size_t n, unsigned char out[16])
{
    uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    digest_run(h, 4, md5_block, false, s, n, out);
}

/* ---- SHA-256 (FIPS 180-4) ---------------------------------------------- */

/* First 32 bits of the fractional parts of the cube roots of the first 64
 * primes, FIPS 180-4 §4.2.2. */
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

static void sha256_block(uint32_t *h, const unsigned char *p)
{
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
               (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = rotr32(w[t - 15], 7) ^ rotr32(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = rotr32(w[t - 2], 17) ^ rotr32(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t big_s1 = rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = hh + big_s1 + ch + sha256_k[t] + w[t];
        uint32_t big_s0 = rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = big_s0 + maj;
        hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

/* The 32-byte SHA-256 digest of s[0..n). */
static void sha256(const unsigned char *s, size_t n, unsigned char out[32])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    digest_run(h, 8, sha256_block, true, s, n, out);
}

/* ---- SQL ---------------------------------------------------------------- */

/* Hash the argument's text with `digest` and return its lower-case hex. */
static void hash_hex(sqlite3_context *ctx, sqlite3_value *v,
                     void (*digest)(const unsigned char *, size_t, unsigned char *),
                     size_t digest_len)
{
    static const char hex[] = "0123456789abcdef";
    char buf[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(v, &n, buf);
    if (!s) {
        sqlite3_result_null(ctx);
        return;
    }
    unsigned char d[32];
    char out[64];
    digest((const unsigned char *)s, n, d);
    for (size_t k = 0; k < digest_len; k++) {
        out[2 * k] = hex[d[k] >> 4];
        out[2 * k + 1] = hex[d[k] & 15];
    }
    sqlite3_result_text(ctx, out, (int)(2 * digest_len), SQLITE_TRANSIENT);
}

static void fn_md5(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    hash_hex(ctx, argv[0], md5, 16);
}

static void fn_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    hash_hex(ctx, argv[0], sha256, 32);
}

static const struct sqlfn_entry hash_fns[] = {
    {"tq_md5", 1, 0, fn_md5},
    {"tq_sha256", 1, 0, fn_sha256},
};

int sqlfn_register_hash(sqlite3 *db)
{
    return sqlfn_register_table(db, hash_fns, sizeof hash_fns / sizeof hash_fns[0]);
}
