/*
 * test_sqlnumeric.c — the numeric SQL functions (query/sqlfn_numeric.c),
 * run through SQLite on an in-memory database: values, result types
 * (INTEGER when integral, REAL otherwise), missing and non-numeric
 * arguments. Expected values are worked out by hand; the haversine
 * distances were computed separately (R = 6371 km; 1 degree of a great
 * circle is 6371 * pi / 180 km).
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
    TEST("register") { CHECK_INT(sqlfn_register_numeric(r.db), SQLITE_OK); }

    TEST("abs") {
        EXPECT_INT("SELECT tq_abs(-5)", 5);
        EXPECT_INT("SELECT tq_abs(5)", 5);
        EXPECT_REAL("SELECT tq_abs(-2.5)", 2.5);
        EXPECT_INT("SELECT tq_abs('-3')", 3);
        EXPECT_INT("SELECT tq_abs(-3.0)", 3);
        EXPECT_INT("SELECT tq_abs('true')", 1);
        EXPECT_REAL("SELECT tq_abs(-9223372036854775807 - 1)", 9223372036854775808.0);
        EXPECT_NULL("SELECT tq_abs('abc')");
        EXPECT_NULL("SELECT tq_abs('')");
        EXPECT_NULL("SELECT tq_abs(NULL)");
    }

    TEST("ceil / floor") {
        EXPECT_INT("SELECT tq_ceil(1.2)", 2);
        EXPECT_INT("SELECT tq_ceil(-1.2)", -1);
        EXPECT_INT("SELECT tq_ceil(5)", 5);
        EXPECT_REAL("SELECT tq_ceil(1e300)", 1e300);
        EXPECT_INT("SELECT tq_floor(1.8)", 1);
        EXPECT_INT("SELECT tq_floor(-1.2)", -2);
        EXPECT_INT("SELECT tq_floor('2.5')", 2);
        EXPECT_NULL("SELECT tq_ceil(NULL)");
        EXPECT_NULL("SELECT tq_floor('x')");
    }

    TEST("greatest / least") {
        EXPECT_INT("SELECT tq_greatest(1, 5, 3)", 5);
        EXPECT_REAL("SELECT tq_greatest(1, 'x', 2.5)", 2.5);
        EXPECT_INT("SELECT tq_greatest('10', 9)", 10);
        EXPECT_INT("SELECT tq_greatest(7)", 7);
        EXPECT_INT("SELECT tq_greatest(NULL, 4)", 4);
        EXPECT_INT("SELECT tq_greatest(9007199254740992, 9007199254740993)", 9007199254740993LL);
        EXPECT_NULL("SELECT tq_greatest(NULL, 'x')");
        EXPECT_INT("SELECT tq_least(3, -1, 2)", -1);
        EXPECT_REAL("SELECT tq_least(1.5, 2)", 1.5);
        EXPECT_INT("SELECT tq_least('abc', 8, NULL)", 8);
        EXPECT_NULL("SELECT tq_least(NULL)");
    }

    TEST("log / sqrt") {
        EXPECT_INT("SELECT tq_log(1)", 0);
        EXPECT_REAL("SELECT tq_log(10)", 2.302585092994046);
        EXPECT_REAL("SELECT tq_log('10')", 2.302585092994046);
        EXPECT_NULL("SELECT tq_log(0)");
        EXPECT_NULL("SELECT tq_log(-1)");
        EXPECT_NULL("SELECT tq_log('e')");
        EXPECT_NULL("SELECT tq_log(NULL)");
        EXPECT_INT("SELECT tq_sqrt(16)", 4);
        EXPECT_INT("SELECT tq_sqrt(0)", 0);
        EXPECT_REAL("SELECT tq_sqrt(2)", 1.4142135623730951);
        EXPECT_REAL("SELECT tq_sqrt(0.25)", 0.5);
        EXPECT_NULL("SELECT tq_sqrt(-1)");
        EXPECT_NULL("SELECT tq_sqrt(NULL)");
    }

    TEST("round") {
        EXPECT_INT("SELECT tq_round(2.5)", 3);
        EXPECT_INT("SELECT tq_round(-2.5)", -3);
        EXPECT_INT("SELECT tq_round(2.4)", 2);
        EXPECT_INT("SELECT tq_round(0.5)", 1);
        EXPECT_INT("SELECT tq_round(0.49999999999999994)", 0);
        EXPECT_INT("SELECT tq_round('2.5')", 3);
        EXPECT_INT("SELECT tq_round(5, 2)", 5);
        EXPECT_REAL("SELECT tq_round(2.675, 2)", 2.68);
        EXPECT_REAL("SELECT tq_round(1.005, 2)", 1.01);
        EXPECT_REAL("SELECT tq_round(-1.005, 2)", -1.01);
        EXPECT_REAL("SELECT tq_round(1234.5678, 2)", 1234.57);
        EXPECT_REAL("SELECT tq_round(123.456, 1.9)", 123.5);
        EXPECT_REAL("SELECT tq_round(0.0005, 3)", 0.001);
        EXPECT_REAL("SELECT tq_round(1.25, 5)", 1.25);
        EXPECT_INT("SELECT tq_round(0.0004, 3)", 0);
        EXPECT_INT("SELECT tq_round(9.999, 2)", 10);
        EXPECT_INT("SELECT tq_round(99.95, 1)", 100);
        EXPECT_INT("SELECT tq_round(1234, -2)", 1200);
        EXPECT_INT("SELECT tq_round(1250, -2)", 1300);
        EXPECT_INT("SELECT tq_round(-1250, -2)", -1300);
        EXPECT_INT("SELECT tq_round(49, -2)", 0);
        EXPECT_INT("SELECT tq_round(50, -2)", 100);
        EXPECT_REAL("SELECT tq_round(1e20, 2)", 1e20);
        EXPECT_NULL("SELECT tq_round(NULL)");
        EXPECT_NULL("SELECT tq_round(1.5, NULL)");
        EXPECT_NULL("SELECT tq_round('x', 1)");
    }

    TEST("toNumber / toInt / toLong / toDouble") {
        EXPECT_INT("SELECT tq_tonumber('42')", 42);
        EXPECT_REAL("SELECT tq_tonumber('4.5')", 4.5);
        EXPECT_INT("SELECT tq_tonumber('1e3')", 1000);
        EXPECT_INT("SELECT tq_tonumber(7)", 7);
        EXPECT_INT("SELECT tq_tonumber('9007199254740993')", 9007199254740993LL);
        EXPECT_NULL("SELECT tq_tonumber('abc')");
        EXPECT_NULL("SELECT tq_tonumber(' 42')");
        EXPECT_NULL("SELECT tq_tonumber(NULL)");
        EXPECT_INT("SELECT tq_toint('3.7')", 3);
        EXPECT_INT("SELECT tq_toint(-3.7)", -3);
        EXPECT_INT("SELECT tq_toint(2147483647)", 2147483647);
        EXPECT_INT("SELECT tq_toint(2147483647.9)", 2147483647);
        EXPECT_INT("SELECT tq_toint(-2147483648)", -2147483648LL);
        EXPECT_NULL("SELECT tq_toint(2147483648)");
        EXPECT_NULL("SELECT tq_toint(-2147483649)");
        EXPECT_NULL("SELECT tq_toint('x')");
        EXPECT_NULL("SELECT tq_toint(NULL)");
        EXPECT_INT("SELECT tq_tolong('9223372036854775807')", 9223372036854775807LL);
        EXPECT_INT("SELECT tq_tolong('-3.9')", -3);
        EXPECT_INT("SELECT tq_tolong(3000000000)", 3000000000LL);
        EXPECT_INT("SELECT tq_tolong(-9.2e18)", -9200000000000000000LL);
        EXPECT_NULL("SELECT tq_tolong(1e19)");
        EXPECT_NULL("SELECT tq_tolong(-9.3e18)");
        EXPECT_NULL("SELECT tq_tolong('x')");
        EXPECT_NULL("SELECT tq_tolong(NULL)");
        EXPECT_REAL("SELECT tq_todouble(5)", 5.0);
        EXPECT_REAL("SELECT tq_todouble('2.5')", 2.5);
        EXPECT_REAL("SELECT tq_todouble('7')", 7.0);
        EXPECT_NULL("SELECT tq_todouble('1e999')");
        EXPECT_NULL("SELECT tq_todouble('x')");
        EXPECT_NULL("SELECT tq_todouble(NULL)");
    }

    TEST("haversine") {
        EXPECT_REAL("SELECT tq_haversine(0, 0, 0, 1)", 111.19492664455873);
        EXPECT_REAL("SELECT tq_haversine(0, 0, 0, 180)", 20015.086796020572);
        EXPECT_REAL("SELECT tq_haversine(90, 0, -90, 0)", 20015.086796020572);
        /* Paris to London, about 343.6 km */
        EXPECT_REAL("SELECT tq_haversine(48.8566, 2.3522, 51.5074, -0.1278)", 343.55606034104164);
        EXPECT_INT("SELECT tq_haversine(51.5, 0, 51.5, 0)", 0);
        EXPECT_REAL("SELECT tq_haversine('0', '0', '0', '1')", 111.19492664455873);
        EXPECT_NULL("SELECT tq_haversine(NULL, 0, 0, 1)");
        EXPECT_NULL("SELECT tq_haversine(0, 0, 0, 'x')");
    }

    TEST("isNumeric") {
        EXPECT_INT("SELECT tq_isnumeric(5)", 1);
        EXPECT_INT("SELECT tq_isnumeric(2.5)", 1);
        EXPECT_INT("SELECT tq_isnumeric('42')", 1);
        EXPECT_INT("SELECT tq_isnumeric('-1.5e3')", 1);
        EXPECT_INT("SELECT tq_isnumeric('true')", 0);
        EXPECT_INT("SELECT tq_isnumeric('abc')", 0);
        EXPECT_INT("SELECT tq_isnumeric('')", 0);
        EXPECT_INT("SELECT tq_isnumeric(' 1')", 0);
        EXPECT_INT("SELECT tq_isnumeric('0x1f')", 0);
        EXPECT_INT("SELECT tq_isnumeric(NULL)", 0);
    }

    sqlite3_close(r.db);
    return test_report("sqlnumeric");
}
