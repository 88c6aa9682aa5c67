/*
 * test_sqljson.c — the JSON SQL functions (query/sqlfn_json.c), run through
 * SQLite on an in-memory database: jsonParse's compact re-serialisation
 * (key order kept), access by key and index with the value types of each
 * JSON kind, jsonStringify, jsonArraySize and jsonArrayContains, with
 * missing and invalid inputs. Expected values are worked out by hand.
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
    TEST("register") { CHECK_INT(sqlfn_register_json(r.db), SQLITE_OK); }

    TEST("jsonParse") {
        EXPECT_TEXT("SELECT tq_jsonparse('{\"b\":1,\"a\":[1,2,{\"c\":null}],\"d\":\"x\"}')",
                    "{\"b\":1,\"a\":[1,2,{\"c\":null}],\"d\":\"x\"}");
        EXPECT_TEXT("SELECT tq_jsonparse('{ \"a\" : 1 ,' || char(10) ||"
                    " ' \"b\" : [ true , false ] }')",
                    "{\"a\":1,\"b\":[true,false]}");
        EXPECT_TEXT("SELECT tq_jsonparse('[1.5, 2.0, 1e20, 0.1, -3]')", "[1.5,2,1e+20,0.1,-3]");
        EXPECT_TEXT("SELECT tq_jsonparse('{\"s\":\"a\\\"b\\\\c\\u00e9\\n\"}')",
                    "{\"s\":\"a\\\"b\\\\c\xc3\xa9\\n\"}");
        /* read as events are (jsondom.h): numbers beyond int64 or a double
         * keep their text, \u0000 and a lone surrogate are U+FFFD */
        EXPECT_TEXT("SELECT tq_jsonparse('[123456789012345678901234567890]')",
                    "[123456789012345678901234567890]");
        EXPECT_TEXT("SELECT tq_jsonparse('{\"c\":1e999,\"d\":-1E+999}')", "{\"c\":1e999,\"d\":-1E+999}");
        EXPECT_TEXT("SELECT tq_jsonparse('[\"a\\u0000b\",\"\\ud83d\"]')",
                    "[\"a\xef\xbf\xbd" "b\",\"\xef\xbf\xbd\"]");
        EXPECT_TEXT("SELECT tq_jsonget('{\"b\":18446744073709551616}', 'b')",
                    "18446744073709551616");
        EXPECT_TEXT("SELECT tq_jsonstringify('{\"c\":1e999}')", "{\"c\":1e999}");
        EXPECT_INT("SELECT tq_jsonarraycontains('[1e999,18446744073709551616]', "
                   "'18446744073709551616')", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[18446744073709551616]', 1.8446744073709552e19)", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[18446744073709551616]', 'x')", 0);
        EXPECT_TEXT("SELECT tq_jsonparse('{}')", "{}");
        EXPECT_TEXT("SELECT tq_jsonparse('[]')", "[]");
        EXPECT_TEXT("SELECT tq_jsonparse('{\"\":1}')", "{\"\":1}");
        EXPECT_NULL("SELECT tq_jsonparse('\"x\"')");
        EXPECT_NULL("SELECT tq_jsonparse('5')");
        EXPECT_NULL("SELECT tq_jsonparse('true')");
        EXPECT_NULL("SELECT tq_jsonparse('null')");
        EXPECT_NULL("SELECT tq_jsonparse('not json')");
        EXPECT_NULL("SELECT tq_jsonparse('{\"a\":1} x')");
        EXPECT_NULL("SELECT tq_jsonparse('{\"a\":')");
        EXPECT_NULL("SELECT tq_jsonparse('')");
        EXPECT_NULL("SELECT tq_jsonparse(5)");
        EXPECT_NULL("SELECT tq_jsonparse(NULL)");
    }

    TEST("jsonget") {
        EXPECT_TEXT("SELECT tq_jsonget('{\"a\":{\"b\":[10,\"x\"]},\"z\":0}', 'a')",
                    "{\"b\":[10,\"x\"]}");
#define ARR "'[10,\"x\",2.5,true,false,null,{\"c\":1},[1, 2]]'"
        EXPECT_INT("SELECT tq_jsonget(" ARR ", 0)", 10);
        EXPECT_INT("SELECT tq_jsonget(" ARR ", '0')", 10);
        EXPECT_TEXT("SELECT tq_jsonget(" ARR ", '1')", "x");
        sqlt_run(&r, "SELECT tq_jsonget(" ARR ", 2)");
        CHECK_INT(r.type, SQLITE_FLOAT);
        CHECK(r.d == 2.5);
        EXPECT_TEXT("SELECT tq_jsonget(" ARR ", 3)", "true");
        EXPECT_TEXT("SELECT tq_jsonget(" ARR ", 4)", "false");
        EXPECT_NULL("SELECT tq_jsonget(" ARR ", 5)");
        EXPECT_TEXT("SELECT tq_jsonget(" ARR ", 6)", "{\"c\":1}");
        EXPECT_TEXT("SELECT tq_jsonget(" ARR ", 7)", "[1,2]");
        EXPECT_NULL("SELECT tq_jsonget(" ARR ", 8)");
        EXPECT_NULL("SELECT tq_jsonget(" ARR ", -1)");
        EXPECT_NULL("SELECT tq_jsonget(" ARR ", '-1')");
        EXPECT_NULL("SELECT tq_jsonget(" ARR ", 'a')");
        EXPECT_NULL("SELECT tq_jsonget(" ARR ", 1.5)");
#undef ARR
        EXPECT_NULL("SELECT tq_jsonget('{\"a\":1}', 'b')");
        EXPECT_TEXT("SELECT tq_jsonget('{\"0\":\"zero\"}', 0)", "zero");
        sqlt_run(&r, "SELECT tq_jsonget('{\"a\":2.0}', 'a')");
        CHECK_INT(r.type, SQLITE_FLOAT);
        CHECK(r.d == 2.0);
        EXPECT_TEXT("SELECT tq_jsonget('{\"a\":\"\xc3\xa9\"}', 'a')", "\xc3\xa9");
        EXPECT_TEXT("SELECT tq_jsonget('{\"A\":1,\"a\":\"lower\"}', 'a')", "lower");
        EXPECT_INT("SELECT tq_jsonget(tq_jsonget(tq_jsonparse('{\"a\":{\"b\":7}}'), 'a'), 'b')", 7);
        EXPECT_NULL("SELECT tq_jsonget(NULL, 'a')");
        EXPECT_NULL("SELECT tq_jsonget('{\"a\":1}', NULL)");
        EXPECT_NULL("SELECT tq_jsonget('x', 'a')");
        EXPECT_NULL("SELECT tq_jsonget('\"a\"', 0)");
    }

    TEST("jsonStringify") {
        EXPECT_TEXT("SELECT tq_jsonstringify('{ \"a\" : [1, 2] }')", "{\"a\":[1,2]}");
        EXPECT_TEXT("SELECT tq_jsonstringify('[ ]')", "[]");
        EXPECT_TEXT("SELECT tq_jsonstringify('hello')", "\"hello\"");
        EXPECT_TEXT("SELECT tq_jsonstringify('say \"hi\"')", "\"say \\\"hi\\\"\"");
        EXPECT_TEXT("SELECT tq_jsonstringify('[1,')", "\"[1,\"");
        EXPECT_TEXT("SELECT tq_jsonstringify('')", "\"\"");
        EXPECT_TEXT("SELECT tq_jsonstringify('200')", "\"200\"");
        EXPECT_TEXT("SELECT tq_jsonstringify(42)", "42");
        EXPECT_TEXT("SELECT tq_jsonstringify(1.5)", "1.5");
        EXPECT_TEXT("SELECT tq_jsonstringify('true')", "true");
        EXPECT_TEXT("SELECT tq_jsonstringify('false')", "false");
        EXPECT_NULL("SELECT tq_jsonstringify(NULL)");
    }

    TEST("jsonArraySize") {
        EXPECT_INT("SELECT tq_jsonarraysize('[1,2,3]')", 3);
        EXPECT_INT("SELECT tq_jsonarraysize('[]')", 0);
        EXPECT_INT("SELECT tq_jsonarraysize('[[1,2],3]')", 2);
        EXPECT_NULL("SELECT tq_jsonarraysize('{\"a\":1}')");
        EXPECT_NULL("SELECT tq_jsonarraysize('x')");
        EXPECT_NULL("SELECT tq_jsonarraysize(3)");
        EXPECT_NULL("SELECT tq_jsonarraysize(NULL)");
    }

    TEST("jsonArrayContains") {
        EXPECT_INT("SELECT tq_jsonarraycontains('[\"a\",\"b\"]', 'a')", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[\"a\",\"b\"]', 'A')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[\"a\",\"b\"]', 'c')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[1,2,3]', 2)", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[1,2,3]', '2')", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[1,2,3]', 2.0)", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[1,2,3]', 4)", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[1.5]', 1.5)", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[1.5]', '1.50')", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[\"1\"]', 1)", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[\"1.0\"]', 1)", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[true]', 'true')", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[true]', 1)", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[false]', 0)", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[true]', 'false')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[1]', 'true')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[{\"a\":1}]', '{\"a\": 1}')", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[[1,2]]', '[1, 2]')", 1);
        EXPECT_INT("SELECT tq_jsonarraycontains('[[1,2]]', '[2, 1]')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[null]', NULL)", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[\"a\"]', NULL)", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('{\"a\":1}', 'a')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('invalid', 'a')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains('[]', 'a')", 0);
        EXPECT_INT("SELECT tq_jsonarraycontains(NULL, 'a')", 0);
    }

    sqlite3_close(r.db);
    return test_report("sqljson");
}
