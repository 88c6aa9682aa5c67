/*
 * test_collate.c — unit tests for the Insights sort order (query/collate.c):
 * the reference's §9 case 11 through insights_compare_text(), through
 * ORDER BY tq_sortkey(x) and through COLLATE INSIGHTS; a randomized check
 * that sort keys order exactly as the comparison does (and that the
 * comparison is a total order); numbers against text.
 *
 * The reference lists "0, 01, 1, 2, 3" and notes that 01 and 1 tie (both
 * are the number one), so the tests accept those two in either order.
 */
#include <float.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "query/sqlfn.h"
#include "query/sqlfn_groups.h"
#include "tests/unit/testhelp.h"

static const char *const REF11[] = {
    "!:", "#",  "*%04", "0#", "5A", "111A", "2345_", "@", "@_",
    "A",  "A9876fghj", "a12345hfh", "0", "01", "1", "2", "3",
};
enum { N_REF11 = sizeof REF11 / sizeof REF11[0] };

/* Deterministic xorshift64* generator; state owned by the caller. */
static uint64_t rnd(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static void shuffle(const char **v, size_t n, uint64_t *seed)
{
    for (size_t k = n - 1; k > 0; k--) {
        size_t j = (size_t)(rnd(seed) % (k + 1));
        const char *t = v[k];
        v[k] = v[j];
        v[j] = t;
    }
}

/* Is got (n strings) REF11, allowing "01" and "1" to swap? */
static bool is_ref11_order(const char *const *got, size_t n)
{
    if (n != N_REF11)
        return false;
    for (size_t k = 0; k < n; k++) {
        const char *want = REF11[k];
        if (strcmp(want, "01") == 0 && strcmp(got[k], "1") == 0)
            continue;
        if (strcmp(want, "1") == 0 && strcmp(got[k], "01") == 0)
            continue;
        if (strcmp(got[k], want) != 0)
            return false;
    }
    return true;
}

static int qsort_text(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    return insights_compare_text(x, strlen(x), y, strlen(y));
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* SQLite's BLOB order: memcmp, then shorter first. */
static int blob_cmp(const void *a, int an, const void *b, int bn)
{
    int c = memcmp(a, b, (size_t)(an < bn ? an : bn));
    if (c != 0)
        return sign(c);
    return (an > bn) - (an < bn);
}

/* Test helper SQL function: insights_compare_values(a, b). */
static void fn_cmpv(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, insights_compare_values(argv[0], argv[1]));
}

/* Run sql and collect the first column of every row into out, joined by
 * sep ("N" for NULL). */
static const char *rows(sqlite3 *db, const char *sql, const char *sep, struct strbuf *out)
{
    sqlite3_stmt *st;
    sb_reset(out);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        sb_printf(out, "E:%s", sqlite3_errmsg(db));
        return sb_str(out);
    }
    bool first = true;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!first)
            sb_puts(out, sep);
        first = false;
        const char *t = (const char *)sqlite3_column_text(st, 0);
        sb_puts(out, t ? t : "N");
    }
    sqlite3_finalize(st);
    return sb_str(out);
}

/* A random string over an alphabet of digits, '0' runs, letters,
 * punctuation, a multibyte character and NUL; sometimes digits only. */
static size_t random_string(uint64_t *seed, char *out, size_t cap)
{
    static const char *const parts[] = {
        "0", "1", "2", "5", "9", "00", "000", "a", "b", "A", "Z", "!", "_", "~", ".", "-",
        " ", "\xc3\xa9", "\0",
    };
    size_t n = 0;
    size_t len = (size_t)(rnd(seed) % 9);
    bool digits_only = rnd(seed) % 4 == 0;
    if (digits_only)
        len = (size_t)(rnd(seed) % 26);
    for (size_t k = 0; k < len; k++) {
        if (digits_only) {
            out[n++] = (char)('0' + (rnd(seed) % 3 == 0 ? 0 : rnd(seed) % 10));
            continue;
        }
        size_t p = (size_t)(rnd(seed) % (sizeof parts / sizeof parts[0]));
        size_t pl = p == sizeof parts / sizeof parts[0] - 1 ? 1 : strlen(parts[p]);
        if (n + pl > cap)
            break;
        memcpy(out + n, parts[p], pl);
        n += pl;
    }
    return n;
}

/* A random number value for the key test: INTEGER, REAL or digit TEXT. */
struct numval {
    int type;            /* SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
    long long i;         /* INTEGER value */
    double d;            /* REAL value */
    char text[32];       /* TEXT digits */
};

static void random_number(uint64_t *seed, struct numval *v)
{
    static const double pow2[] = {1, 0x1p52, 0x1p53, 0x1p60, 0x1p63, 0x1p80};
    switch (rnd(seed) % 7) {
    case 0:
        v->type = SQLITE_INTEGER;
        v->i = (long long)(rnd(seed) % 2001) - 1000;
        break;
    case 1:
        v->type = SQLITE_INTEGER;
        v->i = (long long)rnd(seed);
        break;
    case 2: /* integral REAL near a power of two, possibly equal to an INTEGER */
        v->type = SQLITE_FLOAT;
        v->d = pow2[rnd(seed) % 6] + (double)(rnd(seed) % 5) * (rnd(seed) % 2 ? 1 : 4096);
        if (rnd(seed) % 2)
            v->d = -v->d;
        break;
    case 3: /* fractions, some with short decimal forms */
        v->type = SQLITE_FLOAT;
        v->d = (double)((long long)(rnd(seed) % 20001) - 10000) / (double)(1 + rnd(seed) % 1000);
        break;
    case 4: /* any finite double */
        v->type = SQLITE_FLOAT;
        do {
            uint64_t bits = rnd(seed);
            memcpy(&v->d, &bits, sizeof v->d);
        } while (!isfinite(v->d));
        break;
    case 5:
        v->type = SQLITE_INTEGER;
        v->i = (long long)(rnd(seed) % 2) * 1152921504606846976LL; /* 0 or 2^60 */
        break;
    default: {
        v->type = SQLITE_TEXT;
        size_t n = 1 + (size_t)(rnd(seed) % 25);
        for (size_t k = 0; k < n; k++)
            v->text[k] = (char)('0' + (rnd(seed) % 3 == 0 ? 0 : rnd(seed) % 10));
        v->text[n] = '\0';
        break;
    }
    }
}

static void bind_number(sqlite3_stmt *st, int col, const struct numval *v)
{
    if (v->type == SQLITE_INTEGER)
        sqlite3_bind_int64(st, col, v->i);
    else if (v->type == SQLITE_FLOAT)
        sqlite3_bind_double(st, col, v->d);
    else
        sqlite3_bind_text(st, col, v->text, -1, SQLITE_STATIC);
}

/* Exact comparison of two INTEGER/REAL values through long double (which
 * holds every int64 and double exactly on x86-64 and aarch64); 2 when not
 * applicable. */
static int exact_cmp(const struct numval *a, const struct numval *b)
{
    if (LDBL_MANT_DIG < 64 || a->type == SQLITE_TEXT || b->type == SQLITE_TEXT)
        return 2;
    long double x = a->type == SQLITE_INTEGER ? (long double)a->i : (long double)a->d;
    long double y = b->type == SQLITE_INTEGER ? (long double)b->i : (long double)b->d;
    return (x > y) - (x < y);
}

int main(void)
{
    sqlite3 *db;
    struct strbuf sb = STRBUF_INIT;
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return 1;
    CHECK_INT(sqlfn_register_collate(db), SQLITE_OK);
    CHECK_INT(sqlite3_create_function(db, "cmpv", 2, SQLITE_UTF8, NULL, fn_cmpv, NULL, NULL),
              SQLITE_OK);

    TEST("reference 9.11 with insights_compare_text") {
        const char *v[N_REF11];
        for (int round = 0; round < 50; round++) {
            memcpy(v, REF11, sizeof v);
            shuffle(v, N_REF11, &seed);
            qsort(v, N_REF11, sizeof v[0], qsort_text);
            CHECK(is_ref11_order(v, N_REF11));
        }
        /* pairs worked out by hand from the rule */
        CHECK(insights_compare_text("01", 2, "1", 1) == 0);
        CHECK(insights_compare_text("0", 1, "01", 2) < 0);
        CHECK(insights_compare_text("2345_", 5, "@", 1) < 0); /* '2' < '@' */
        CHECK(insights_compare_text("*%04", 4, "0#", 2) < 0); /* '*' < '0' */
        CHECK(insights_compare_text("5A", 2, "111A", 4) < 0); /* shorter digit run first */
        CHECK(insights_compare_text("a9", 2, "a10", 3) < 0);
        CHECK(insights_compare_text("a007", 4, "a7", 2) > 0);  /* length before value */
        CHECK(insights_compare_text("A", 1, "A9876fghj", 9) < 0);
        CHECK(insights_compare_text("z", 1, "0", 1) < 0);     /* numbers last */
        CHECK(insights_compare_text("", 0, "!", 1) < 0);
        CHECK(insights_compare_text("", 0, "", 0) == 0);
        CHECK(insights_compare_text("99999999999999999999", 20, "100000000000000000000", 21) < 0);
        CHECK(insights_compare_text("12345678901234567890123", 23, "12345678901234567890124", 23) < 0);
        CHECK(insights_compare_text("a\0b", 3, "a", 1) > 0);
        CHECK(insights_compare_text("a\0", 2, "a\x01", 2) < 0);
        CHECK(insights_compare_text("\xc3\xa9", 2, "z", 1) > 0); /* U+00E9 after 'z' */
    }

    TEST("reference 9.11 through SQLite") {
        const char *v[N_REF11];
        memcpy(v, REF11, sizeof v);
        shuffle(v, N_REF11, &seed);
        sqlite3_exec(db, "CREATE TABLE t(x TEXT)", NULL, NULL, NULL);
        sqlite3_stmt *ins;
        sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1)", -1, &ins, NULL);
        for (size_t k = 0; k < N_REF11; k++) {
            sqlite3_bind_text(ins, 1, v[k], -1, SQLITE_STATIC);
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
        sqlite3_finalize(ins);
        const char *queries[] = {
            "SELECT x FROM t ORDER BY tq_sortkey(x)",
            "SELECT x FROM t ORDER BY x COLLATE INSIGHTS",
        };
        for (size_t qn = 0; qn < 2; qn++) {
            rows(db, queries[qn], "\n", &sb);
            const char *got[N_REF11 + 1];
            size_t n = 0;
            for (char *s = sb.buf; s && n <= N_REF11;) {
                got[n++] = s;
                char *nl = strchr(s, '\n');
                if (!nl)
                    break;
                *nl = '\0';
                s = nl + 1;
            }
            CHECK(is_ref11_order(got, n));
        }
        CHECK_STR(rows(db, "SELECT x FROM t ORDER BY tq_sortkey(x) DESC LIMIT 3", ",", &sb),
                  "3,2,1");
        CHECK_STR(rows(db, "SELECT 'a10' < 'a9' COLLATE INSIGHTS", ",", &sb), "0");
        CHECK_STR(rows(db, "SELECT '10' > 'z' COLLATE INSIGHTS", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT '007' = '7' COLLATE INSIGHTS", ",", &sb), "1");
    }

    TEST("sort keys agree with the comparison (random pairs)") {
        sqlite3_stmt *st;
        CHECK_INT(sqlite3_prepare_v2(db, "SELECT tq_sortkey(?1), tq_sortkey(?2), cmpv(?1, ?2)",
                                     -1, &st, NULL),
                  SQLITE_OK);
        int bad_key = 0, bad_values = 0, bad_equal = 0;
        char a[64], b[64];
        for (int k = 0; k < 200000; k++) {
            size_t an = random_string(&seed, a, sizeof a);
            size_t bn = random_string(&seed, b, sizeof b);
            if (k % 7 == 0) { /* often share a prefix */
                memcpy(b, a, an < bn ? an : bn);
            }
            int c = sign(insights_compare_text(a, an, b, bn));
            sqlite3_bind_text(st, 1, a, (int)an, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, b, (int)bn, SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_ROW) {
                bad_key++;
                sqlite3_reset(st);
                continue;
            }
            int kc = blob_cmp(sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0),
                              sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1));
            if (kc != c)
                bad_key++;
            if (sign(sqlite3_column_int(st, 2)) != c)
                bad_values++;
            if (kc == 0 && c != 0)
                bad_equal++;
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        CHECK_INT(bad_key, 0);
        CHECK_INT(bad_values, 0);
        CHECK_INT(bad_equal, 0);
    }

    TEST("sort keys agree with the comparison (random numbers)") {
        sqlite3_stmt *st;
        CHECK_INT(sqlite3_prepare_v2(db, "SELECT tq_sortkey(?1), tq_sortkey(?2), cmpv(?1, ?2), cmpv(?2, ?1)",
                                     -1, &st, NULL),
                  SQLITE_OK);
        int bad_key = 0, bad_exact = 0, bad_anti = 0, exact_checked = 0;
        for (int k = 0; k < 200000; k++) {
            struct numval a, b;
            random_number(&seed, &a);
            random_number(&seed, &b);
            bind_number(st, 1, &a);
            bind_number(st, 2, &b);
            if (sqlite3_step(st) != SQLITE_ROW) {
                bad_key++;
                sqlite3_reset(st);
                continue;
            }
            int c = sign(sqlite3_column_int(st, 2));
            int kc = blob_cmp(sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0),
                              sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1));
            if (kc != c)
                bad_key++;
            if (sign(sqlite3_column_int(st, 3)) != -c)
                bad_anti++;
            int e = exact_cmp(&a, &b);
            if (e != 2) {
                exact_checked++;
                if (e != c)
                    bad_exact++;
            }
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        CHECK_INT(bad_key, 0);
        CHECK_INT(bad_anti, 0);
        CHECK_INT(bad_exact, 0);
        CHECK(LDBL_MANT_DIG < 64 || exact_checked > 100000);
    }

    TEST("the comparison is a total order (random triples)") {
        int bad_anti = 0, bad_trans = 0;
        char a[64], b[64], c[64];
        for (int k = 0; k < 100000; k++) {
            size_t an = random_string(&seed, a, sizeof a);
            size_t bn = random_string(&seed, b, sizeof b);
            size_t cn = random_string(&seed, c, sizeof c);
            int ab = sign(insights_compare_text(a, an, b, bn));
            int ba = sign(insights_compare_text(b, bn, a, an));
            int bc = sign(insights_compare_text(b, bn, c, cn));
            int ac = sign(insights_compare_text(a, an, c, cn));
            if (ab != -ba)
                bad_anti++;
            if (ab <= 0 && bc <= 0 && !(ac <= 0))
                bad_trans++;
            if (ab == 0 && bc == 0 && ac != 0)
                bad_trans++;
            if (ab >= 0 && bc >= 0 && !(ac >= 0))
                bad_trans++;
        }
        CHECK_INT(bad_anti, 0);
        CHECK_INT(bad_trans, 0);
    }

    TEST("numbers against text") {
        CHECK_STR(rows(db, "SELECT cmpv(5, 'abc') > 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(-3, 2) < 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(2, 2.5) < 0 AND cmpv(2.5, 3) < 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv('10', 9) > 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv('007', 7)", ",", &sb), "0");
        CHECK_STR(rows(db, "SELECT cmpv(7.0, 7)", ",", &sb), "0");
        CHECK_STR(rows(db, "SELECT cmpv(0.1, '0') > 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(-0.5, -0.25) < 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(-1.55, -1.5) < 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(-3, 'zzz') > 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv('-3', 'abc') < 0", ",", &sb), "1"); /* '-3' is text */
        CHECK_STR(rows(db, "SELECT cmpv('2.5', 'abc') < 0", ",", &sb), "1"); /* so is '2.5' */
        CHECK_STR(rows(db, "SELECT cmpv('99999999999999999999', 9223372036854775807) > 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(1e20, '100000000000000000000')", ",", &sb), "0");
        CHECK_STR(rows(db, "SELECT cmpv(9007199254740993, 9007199254740992.0) > 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(-9223372036854775808, -9.3e18) > 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(1152921504606846976, 1152921504606846976.0)", ",", &sb), "0");
        CHECK_STR(rows(db, "SELECT cmpv(1e23, '99999999999999991611392')", ",", &sb), "0");
        CHECK_STR(rows(db, "SELECT cmpv(0.1, 0.1000000000000001) < 0", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT cmpv(NULL, 1) > 0 AND cmpv(1, NULL) < 0 AND cmpv(NULL, NULL) = 0",
                       ",", &sb),
                  "1");
        CHECK_STR(rows(db, "SELECT tq_sortkey(NULL) IS NULL", ",", &sb), "1");
        CHECK_STR(rows(db, "SELECT typeof(tq_sortkey('a'))", ",", &sb), "blob");
        sqlite3_exec(db,
                     "CREATE TABLE mix(x); INSERT INTO mix VALUES (5), ('abc'), (-3), (2), (2.5),"
                     " (3), ('10'), ('2345_'), (''), ('A'), (-0.5), (0), ('0.5'), (1e300),"
                     " (-1e300), ('100000000000000000000000'), (-1.5), (-1.55),"
                     " (1152921504606847232.0), (1152921504606846976), (1152921504606847000)",
                     NULL, NULL, NULL);
        CHECK_STR(rows(db, "SELECT x FROM mix ORDER BY tq_sortkey(x)", ",", &sb),
                  ",0.5,2345_,A,abc,-1.0e+300,-3,-1.55,-1.5,-0.5,0,2,2.5,3,5,10,"
                  "1152921504606846976,1152921504606847000,1.15292150460685e+18,"
                  "100000000000000000000000,1.0e+300");
        /* every pair of mix agrees between cmpv and the keys */
        CHECK_STR(rows(db,
                       "SELECT count(*) FROM mix a, mix b WHERE"
                       " (cmpv(a.x, b.x) < 0) != (tq_sortkey(a.x) < tq_sortkey(b.x))"
                       " OR (cmpv(a.x, b.x) = 0) != (tq_sortkey(a.x) = tq_sortkey(b.x))",
                       ",", &sb),
                  "0");
    }

    sb_free(&sb);
    CHECK_INT(sqlite3_close(db), SQLITE_OK);
    return test_report("collate");
}
