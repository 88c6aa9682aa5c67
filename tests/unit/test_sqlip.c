/*
 * test_sqlip.c — the IP address SQL functions (query/sqlfn_ip.c), run
 * through SQLite on an in-memory database: address validity, CIDR
 * membership (byte and non-byte prefixes, families, malformed blocks, the
 * per-statement cache with constant and changing blocks), ipv4ToNumber,
 * and the private / reserved / public classes at the edges of each range.
 * Expected values come from the RFC 1918, RFC 6890 and RFC 4291 ranges.
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
    TEST("register") { CHECK_INT(sqlfn_register_ip(r.db), SQLITE_OK); }

    TEST("isValidIp") {
        EXPECT_INT("SELECT tq_isvalidip('192.168.1.1')", 1);
        EXPECT_INT("SELECT tq_isvalidip('::1')", 1);
        EXPECT_INT("SELECT tq_isvalidip('2001:db8::1')", 1);
        EXPECT_INT("SELECT tq_isvalidip('::ffff:1.2.3.4')", 1);
        EXPECT_INT("SELECT tq_isvalidip('256.1.1.1')", 0);
        EXPECT_INT("SELECT tq_isvalidip('1.2.3')", 0);
        EXPECT_INT("SELECT tq_isvalidip('01.2.3.4')", 0);
        EXPECT_INT("SELECT tq_isvalidip(' 1.2.3.4')", 0);
        EXPECT_INT("SELECT tq_isvalidip('1.2.3.4 ')", 0);
        EXPECT_INT("SELECT tq_isvalidip('fe80::1%eth0')", 0);
        EXPECT_INT("SELECT tq_isvalidip('[::1]')", 0);
        EXPECT_INT("SELECT tq_isvalidip('')", 0);
        EXPECT_INT("SELECT tq_isvalidip(NULL)", 0);
        EXPECT_INT("SELECT tq_isvalidip(123)", 0);
        EXPECT_INT("SELECT tq_isvalidip('1.2.3.4/24')", 0);
        EXPECT_INT("SELECT tq_isvalidip('gggg::1')", 0);
        EXPECT_INT("SELECT tq_isvalidip('1:2:3:4:5:6:7:8:9')", 0);
        EXPECT_INT("SELECT tq_isvalidipv4('1.2.3.4')", 1);
        EXPECT_INT("SELECT tq_isvalidipv4('::1')", 0);
        EXPECT_INT("SELECT tq_isvalidipv4(NULL)", 0);
        EXPECT_INT("SELECT tq_isvalidipv6('::1')", 1);
        EXPECT_INT("SELECT tq_isvalidipv6('::ffff:1.2.3.4')", 1);
        EXPECT_INT("SELECT tq_isvalidipv6('1.2.3.4')", 0);
        EXPECT_INT("SELECT tq_isvalidipv6(NULL)", 0);
    }

    TEST("isIpInSubnet") {
        EXPECT_INT("SELECT tq_isipinsubnet('192.168.1.10', '192.168.1.0/24')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('192.168.2.10', '192.168.1.0/24')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('10.1.2.3', '10.0.0.0/8')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('11.0.0.0', '10.0.0.0/8')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('172.31.255.255', '172.16.0.0/12')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('172.32.0.0', '172.16.0.0/12')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '0.0.0.0/0')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '1.2.3.4')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.5', '1.2.3.4')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '1.2.3.4/32')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('10.1.2.3', '10.9.9.9/8')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('192.168.1.129', '192.168.1.128/25')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('192.168.1.127', '192.168.1.128/25')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('2001:db8::1', '2001:db8::/32')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('2001:db9::1', '2001:db8::/32')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('fe80::1', 'fe80::/10')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('febf::1', 'fe80::/10')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('fec0::1', 'fe80::/10')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('::', '::/128')", 1);
        EXPECT_INT("SELECT tq_isipinsubnet('::1', '::/128')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('::1', '0.0.0.0/0')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '::/0')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('::ffff:10.0.0.1', '10.0.0.0/8')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '1.2.3.0/33')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '1.2.3.0/')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '1.2.3.0/a')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '1.2.3.0/-1')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '1.2.3.0/0024')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('1.2.3.4', '/24')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('::1', '::/129')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet(NULL, '10.0.0.0/8')", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('10.0.0.1', NULL)", 0);
        EXPECT_INT("SELECT tq_isipinsubnet('x', '10.0.0.0/8')", 0);
        EXPECT_INT("SELECT tq_isipv4insubnet('10.0.0.1', '10.0.0.0/8')", 1);
        EXPECT_INT("SELECT tq_isipv4insubnet('::1', '::/0')", 0);
        EXPECT_INT("SELECT tq_isipv4insubnet(NULL, '10.0.0.0/8')", 0);
        EXPECT_INT("SELECT tq_isipv6insubnet('::1', '::/0')", 1);
        EXPECT_INT("SELECT tq_isipv6insubnet('10.0.0.1', '10.0.0.0/8')", 0);
        EXPECT_INT("SELECT tq_isipv6insubnet('::1', NULL)", 0);
        EXPECT_TEXT("WITH t(ip) AS (VALUES ('10.0.0.1'), ('11.0.0.1'), (NULL), ('10.255.0.0'))"
                    " SELECT group_concat(tq_isipinsubnet(ip, '10.0.0.0/8'), ',') FROM t",
                    "1,0,0,1");
        EXPECT_TEXT("WITH t(ip, c) AS (VALUES ('10.0.0.1', '10.0.0.0/8'),"
                    " ('10.0.0.1', '11.0.0.0/8'),"
                    " ('10.0.0.1', NULL), ('::1', '::1/128'), ('::1', 'bad'))"
                    " SELECT group_concat(tq_isipinsubnet(ip, c), ',') FROM t",
                    "1,0,0,1,0");
    }

    TEST("ipv4ToNumber") {
        EXPECT_INT("SELECT tq_ipv4tonumber('1.2.3.4')", 16909060);
        EXPECT_INT("SELECT tq_ipv4tonumber('255.255.255.255')", 4294967295LL);
        EXPECT_INT("SELECT tq_ipv4tonumber('0.0.0.0')", 0);
        EXPECT_INT("SELECT tq_ipv4tonumber('10.0.0.1')", 167772161);
        EXPECT_NULL("SELECT tq_ipv4tonumber('::1')");
        EXPECT_NULL("SELECT tq_ipv4tonumber('x')");
        EXPECT_NULL("SELECT tq_ipv4tonumber(NULL)");
    }

    TEST("isPrivateIP") {
        EXPECT_INT("SELECT tq_isprivateip('10.0.0.1')", 1);
        EXPECT_INT("SELECT tq_isprivateip('172.16.0.1')", 1);
        EXPECT_INT("SELECT tq_isprivateip('172.31.255.255')", 1);
        EXPECT_INT("SELECT tq_isprivateip('172.32.0.1')", 0);
        EXPECT_INT("SELECT tq_isprivateip('192.168.0.1')", 1);
        EXPECT_INT("SELECT tq_isprivateip('192.169.0.1')", 0);
        EXPECT_INT("SELECT tq_isprivateip('fc00::1')", 1);
        EXPECT_INT("SELECT tq_isprivateip('fd12:3456::1')", 1);
        EXPECT_INT("SELECT tq_isprivateip('fe00::1')", 0);
        EXPECT_INT("SELECT tq_isprivateip('::ffff:10.1.2.3')", 1);
        EXPECT_INT("SELECT tq_isprivateip('8.8.8.8')", 0);
        EXPECT_INT("SELECT tq_isprivateip('127.0.0.1')", 0);
        EXPECT_INT("SELECT tq_isprivateip('x')", 0);
        EXPECT_INT("SELECT tq_isprivateip(NULL)", 0);
    }

    TEST("isReservedIP") {
        EXPECT_INT("SELECT tq_isreservedip('127.0.0.1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('0.0.0.0')", 1);
        EXPECT_INT("SELECT tq_isreservedip('0.255.255.255')", 1);
        EXPECT_INT("SELECT tq_isreservedip('100.64.0.1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('100.127.255.255')", 1);
        EXPECT_INT("SELECT tq_isreservedip('100.128.0.0')", 0);
        EXPECT_INT("SELECT tq_isreservedip('169.254.169.254')", 1);
        EXPECT_INT("SELECT tq_isreservedip('192.0.0.1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('192.0.1.1')", 0);
        EXPECT_INT("SELECT tq_isreservedip('192.0.2.5')", 1);
        EXPECT_INT("SELECT tq_isreservedip('198.18.0.1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('198.19.255.255')", 1);
        EXPECT_INT("SELECT tq_isreservedip('198.20.0.0')", 0);
        EXPECT_INT("SELECT tq_isreservedip('198.51.100.7')", 1);
        EXPECT_INT("SELECT tq_isreservedip('203.0.113.9')", 1);
        EXPECT_INT("SELECT tq_isreservedip('224.0.0.1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('239.255.255.255')", 1);
        EXPECT_INT("SELECT tq_isreservedip('240.0.0.1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('255.255.255.255')", 1);
        EXPECT_INT("SELECT tq_isreservedip('10.0.0.1')", 0);
        EXPECT_INT("SELECT tq_isreservedip('8.8.8.8')", 0);
        EXPECT_INT("SELECT tq_isreservedip('::1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('::')", 1);
        EXPECT_INT("SELECT tq_isreservedip('::2')", 0);
        EXPECT_INT("SELECT tq_isreservedip('fe80::1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('ff02::1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('2001:db8::1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('2001:4860::8888')", 0);
        EXPECT_INT("SELECT tq_isreservedip('::ffff:127.0.0.1')", 1);
        EXPECT_INT("SELECT tq_isreservedip('fc00::1')", 0);
        EXPECT_INT("SELECT tq_isreservedip('x')", 0);
        EXPECT_INT("SELECT tq_isreservedip(NULL)", 0);
    }

    TEST("isPublicIP") {
        EXPECT_INT("SELECT tq_ispublicip('8.8.8.8')", 1);
        EXPECT_INT("SELECT tq_ispublicip('1.1.1.1')", 1);
        EXPECT_INT("SELECT tq_ispublicip('2001:4860:4860::8888')", 1);
        EXPECT_INT("SELECT tq_ispublicip('::ffff:8.8.8.8')", 1);
        EXPECT_INT("SELECT tq_ispublicip('100.128.0.0')", 1);
        EXPECT_INT("SELECT tq_ispublicip('172.32.0.1')", 1);
        EXPECT_INT("SELECT tq_ispublicip('10.0.0.1')", 0);
        EXPECT_INT("SELECT tq_ispublicip('127.0.0.1')", 0);
        EXPECT_INT("SELECT tq_ispublicip('fd00::1')", 0);
        EXPECT_INT("SELECT tq_ispublicip('ff02::1')", 0);
        EXPECT_INT("SELECT tq_ispublicip('::ffff:192.168.1.1')", 0);
        EXPECT_INT("SELECT tq_ispublicip('x')", 0);
        EXPECT_INT("SELECT tq_ispublicip('')", 0);
        EXPECT_INT("SELECT tq_ispublicip(NULL)", 0);
    }

    sqlite3_close(r.db);
    return test_report("sqlip");
}
