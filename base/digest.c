/*
 * digest.c — SHA-256 and MD5 through libcrypto's EVP interface (see
 * digest.h). EVP rather than the SHA256() family, which OpenSSL 3
 * deprecates.
 */
#include "base/digest.h"

#include <openssl/evp.h>

#include "base/xalloc.h"

struct digest {
    EVP_MD_CTX *ctx;
};

struct digest *digest_new(void)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(ctx);
        return NULL;
    }
    struct digest *d = xmalloc(sizeof *d);
    d->ctx = ctx;
    return d;
}

void digest_reset(struct digest *d)
{
    EVP_DigestInit_ex(d->ctx, EVP_sha256(), NULL);
}

void digest_update(struct digest *d, const void *data, size_t n)
{
    if (n)
        EVP_DigestUpdate(d->ctx, data, n);
}

void digest_final_hex(struct digest *d, char hex[DIGEST_SHA256_HEX + 1])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(d->ctx, md, &len);
    digest_hex(md, DIGEST_SHA256_LEN, hex);
}

void digest_free(struct digest *d)
{
    if (!d)
        return;
    EVP_MD_CTX_free(d->ctx);
    free(d);
}

bool digest_sha256(const void *s, size_t n, unsigned char out[DIGEST_SHA256_LEN])
{
    unsigned int len = 0;
    return EVP_Digest(s, n, out, &len, EVP_sha256(), NULL) == 1 && len == DIGEST_SHA256_LEN;
}

bool digest_md5(const void *s, size_t n, unsigned char out[DIGEST_MD5_LEN])
{
    unsigned int len = 0;
    return EVP_Digest(s, n, out, &len, EVP_md5(), NULL) == 1 && len == DIGEST_MD5_LEN;
}

void digest_hex(const unsigned char *bytes, size_t n, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t k = 0; k < n; k++) {
        out[2 * k] = hex[bytes[k] >> 4];
        out[2 * k + 1] = hex[bytes[k] & 15];
    }
    out[2 * n] = '\0';
}
