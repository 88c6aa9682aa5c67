/*
 * sqlfn_hash.c — the Insights hashing functions as SQL functions
 * (trailq(1), Hash functions): tq_md5 and tq_sha256 give the lower-case hex digest of
 * the value's UTF-8 bytes (a number is hashed as its text, "1.5"); missing
 * gives missing. sqlfn_register_hash() installs them.
 *
 * Both digests come from libcrypto (base/digest.h), the library that also
 * hashes the sources of a --db index. They are for fingerprinting log
 * values, not for security.
 */
#include "base/digest.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* ---- SQL ---------------------------------------------------------------- */

/* Hash the argument's text with `digest` and return its lower-case hex. */
static void hash_hex(sqlite3_context *ctx, sqlite3_value *v,
                     bool (*digest)(const void *, size_t, unsigned char *), size_t digest_len)
{
    char buf[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(v, &n, buf);
    if (!s) {
        sqlite3_result_null(ctx);
        return;
    }
    unsigned char d[DIGEST_SHA256_LEN];
    char out[2 * DIGEST_SHA256_LEN + 1];
    if (!digest(s, n, d)) {
        sqlite3_result_error(ctx, "hashing failed (libcrypto)", -1);
        return;
    }
    digest_hex(d, digest_len, out);
    sqlite3_result_text(ctx, out, (int)(2 * digest_len), SQLITE_TRANSIENT);
}

static void fn_md5(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    hash_hex(ctx, argv[0], digest_md5, DIGEST_MD5_LEN);
}

static void fn_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    hash_hex(ctx, argv[0], digest_sha256, DIGEST_SHA256_LEN);
}

static const struct sqlfn_entry hash_fns[] = {
    {"tq_md5", 1, 0, fn_md5},
    {"tq_sha256", 1, 0, fn_sha256},
};

int sqlfn_register_hash(sqlite3 *db)
{
    return sqlfn_register_table(db, hash_fns, sizeof hash_fns / sizeof hash_fns[0]);
}
