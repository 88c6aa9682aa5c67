/*
 * test_sqlhash.c — tq_md5 and tq_sha256 (query/sqlfn_hash.c) against the
 * standard test vectors: RFC 1321 §A.5's suite for MD5; FIPS 180-4's
 * examples ("abc", the 448- and 896-bit messages, one million 'a') and the
 * empty string for SHA-256. Inputs of 55, 56, 63, 64, 65, 119 and 120 bytes
 * (the padding edges) and a multibyte character are checked against
 * digests from Python's hashlib; numbers hash as their text.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "query/sqlfn_groups.h"
#include "tests/unit/sqltest.h"
#include "tests/unit/testhelp.h"

int main(void)
{
    struct sqlt_row r = {0};
    if (sqlite3_open(":memory:", &r.db) != SQLITE_OK)
        return 1;
    TEST("register") { CHECK_INT(sqlfn_register_hash(r.db), SQLITE_OK); }

    TEST("md5: RFC 1321 suite") {
        EXPECT_TEXT("SELECT tq_md5('')", "d41d8cd98f00b204e9800998ecf8427e");
        EXPECT_TEXT("SELECT tq_md5('a')", "0cc175b9c0f1b6a831c399e269772661");
        EXPECT_TEXT("SELECT tq_md5('abc')", "900150983cd24fb0d6963f7d28e17f72");
        EXPECT_TEXT("SELECT tq_md5('message digest')", "f96b697d7cb7938d525a2f31aaf161d0");
        EXPECT_TEXT("SELECT tq_md5('abcdefghijklmnopqrstuvwxyz')",
                    "c3fcd3d76192e4007dfb496cca67e13b");
        EXPECT_TEXT("SELECT tq_md5('ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "abcdefghijklmnopqrstuvwxyz0123456789')",
                    "d174ab98d277d9f5a5611c2c9f419d9f");
        EXPECT_TEXT("SELECT tq_md5('1234567890123456789012345678901234567890"
                    "1234567890123456789012345678901234567890')",
                    "57edf4a22be3c955ac49da2e2107b67a");
    }

    TEST("sha256: FIPS 180-4 examples") {
        EXPECT_TEXT("SELECT tq_sha256('')",
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        EXPECT_TEXT("SELECT tq_sha256('abc')",
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        EXPECT_TEXT("SELECT tq_sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')",
                    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        EXPECT_TEXT("SELECT tq_sha256('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu')",
                    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
        EXPECT_TEXT("SELECT tq_sha256(replace(hex(zeroblob(1000000)), '00', 'a'))",
                    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    TEST("padding edges") {
        static const struct {
            int len;              /* bytes of 'x' */
            const char *md5;      /* hashlib.md5 */
            const char *sha256;   /* hashlib.sha256 */
        } edge[] = {
            {55, "04364420e25c512fd958a70738aa8f72",
             "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
            {56, "668a72d5ba17f08e62dabcafad6db14b",
             "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
            {63, "7dc2ca208106a2f703567bdff99d8981",
             "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
            {64, "c1bb4f81d892b2d57947682aeb252456",
             "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
            {65, "1bc932052302d074bdec39795fe00cf6",
             "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
            {119, "ab347a5f68c8a443cfcddc633f12c24f",
             "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
            {120, "fb98667f98096de92620b64f46e1c5b5",
             "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
        };
        for (size_t k = 0; k < sizeof edge / sizeof edge[0]; k++) {
            char sql[160];
            snprintf(sql, sizeof sql, "SELECT tq_md5(replace(hex(zeroblob(%d)), '00', 'x'))",
                     edge[k].len);
            EXPECT_TEXT(sql, edge[k].md5);
            snprintf(sql, sizeof sql, "SELECT tq_sha256(replace(hex(zeroblob(%d)), '00', 'x'))",
                     edge[k].len);
            EXPECT_TEXT(sql, edge[k].sha256);
        }
    }

    TEST("text forms, UTF-8, missing") {
        EXPECT_TEXT("SELECT tq_md5(123)", "202cb962ac59075b964b07152d234b70");
        EXPECT_TEXT("SELECT tq_sha256(123)",
                    "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3");
        EXPECT_TEXT("SELECT tq_md5(1.5)", "6008647277c4454cecd97d33c069f0ca");
        EXPECT_TEXT("SELECT tq_sha256(1.5)",
                    "9f29a130438b81170b92a42650f9a94291ecad60bd47af2a3886e75f7f728725");
        EXPECT_TEXT("SELECT tq_md5('\xc3\xa9')", "66ddcd97cfdeabb2f6fb8a999b4bc76f");
        EXPECT_TEXT("SELECT tq_sha256('\xc3\xa9')",
                    "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
        EXPECT_NULL("SELECT tq_md5(NULL)");
        EXPECT_NULL("SELECT tq_sha256(NULL)");
    }

    sqlite3_close(r.db);
    return test_report("sqlhash");
}
