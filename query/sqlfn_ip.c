/*
 * sqlfn_ip.c — the Insights IP address functions as SQL functions
 * (trailq(1), IP address functions): tq_isvalidip, tq_isvalidipv4, tq_isvalidipv6,
 * tq_isipinsubnet, tq_isipv4insubnet, tq_isipv6insubnet, tq_ipv4tonumber,
 * tq_isprivateip, tq_isreservedip, tq_ispublicip; and tq_cidrprefix for
 * cidrlookup.
 * sqlfn_register_ip() installs them.
 *
 * Addresses are parsed with inet_pton: dotted-quad IPv4 (no leading zeros,
 * no shorthand such as "10.1"), and IPv6 in any RFC 4291 text form
 * (including "::ffff:1.2.3.4"), without zone ("%eth0"), brackets, port or
 * surrounding spaces. The boolean functions answer 1 or 0, never missing: a
 * missing or invalid address or CIDR block gives 0. A CIDR block is
 * "address/prefix" (prefix 0..32 or 0..128) or a bare address (one host);
 * host bits below the prefix are ignored. It is parsed once per statement
 * (auxdata). isIpInSubnet needs the address and the block to be of the same
 * family; an IPv4-mapped IPv6 address is not inside an IPv4 block.
 *
 * Address classes (an IPv4-mapped IPv6 address, ::ffff:0:0/96, is
 * classified by its IPv4 address):
 *   private:  10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918);
 *             fc00::/7 (unique local, RFC 4193).
 *   reserved: 0.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16,
 *             192.0.0.0/24, 192.0.2.0/24, 198.18.0.0/15, 198.51.100.0/24,
 *             203.0.113.0/24, 224.0.0.0/4, 240.0.0.0/4 (which holds
 *             255.255.255.255); ::/128, ::1/128, fe80::/10, ff00::/8,
 *             2001:db8::/32.
 *   public:   a valid address that is neither private nor reserved.
 */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

/* An address, or a block of addresses. */
struct ipnet {
    int family;            /* 4 or 6 */
    unsigned char b[16];   /* network byte order; IPv4 uses b[0..3] */
    int prefix;            /* leading bits that matter: 32 / 128 for one address */
};

/* text[0..n) as an address (prefix set to the full length). */
static bool parse_addr(const char *text, size_t n, struct ipnet *a)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf || memchr(text, '\0', n))
        return false;
    memcpy(buf, text, n);
    buf[n] = '\0';
    memset(a->b, 0, sizeof a->b);
    if (inet_pton(AF_INET, buf, a->b) == 1) {
        a->family = 4, a->prefix = 32;
        return true;
    }
    if (inet_pton(AF_INET6, buf, a->b) == 1) {
        a->family = 6, a->prefix = 128;
        return true;
    }
    return false;
}

static bool addr_arg(sqlite3_value *v, struct ipnet *a)
{
    char num[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(v, &n, num);
    return s && parse_addr(s, n, a);
}

/* "address[/prefix]" as a block. */
static bool parse_cidr(const char *s, size_t n, struct ipnet *c)
{
    const char *slash = memchr(s, '/', n);
    if (!parse_addr(s, slash ? (size_t)(slash - s) : n, c))
        return false;
    if (!slash)
        return true;
    const char *p = slash + 1, *end = s + n;
    if (p == end || end - p > 3)
        return false;
    int prefix = 0;
    for (; p < end; p++) {
        if (*p < '0' || *p > '9')
            return false;
        prefix = prefix * 10 + (*p - '0');
    }
    if (prefix > c->prefix)
        return false;
    c->prefix = prefix;
    return true;
}

/* A parsed CIDR argument, kept as the statement's auxdata. */
struct cidr_cached {
    bool valid;        /* did the text parse as a block */
    struct ipnet net;  /* the block when valid */
};

/* The block of argument `arg`, parsed once per statement; false when it is
 * missing or invalid. */
static bool cidr_arg(sqlite3_context *ctx, sqlite3_value **argv, int arg, struct ipnet *out)
{
    const struct cidr_cached *cached = sqlite3_get_auxdata(ctx, arg);
    if (cached) {
        *out = cached->net;
        return cached->valid;
    }
    char num[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(argv[arg], &n, num);
    if (!s)
        return false; /* NULL: nothing worth caching */
    struct cidr_cached *fresh = xcalloc(1, sizeof *fresh);
    fresh->valid = parse_cidr(s, n, &fresh->net);
    *out = fresh->net;
    bool valid = fresh->valid;
    /* set_auxdata may free `fresh` at once; nothing reads it afterwards */
    sqlite3_set_auxdata(ctx, arg, fresh, free);
    return valid;
}

static bool net_contains(const struct ipnet *net, const struct ipnet *a)
{
    if (net->family != a->family)
        return false;
    int full = net->prefix / 8, rest = net->prefix % 8;
    if (memcmp(net->b, a->b, (size_t)full) != 0)
        return false;
    if (rest == 0)
        return true;
    unsigned char mask = (unsigned char)(0xFF << (8 - rest));
    return (net->b[full] & mask) == (a->b[full] & mask);
}

/* ---- validity --------------------------------------------------------- */

static void valid_test(sqlite3_context *ctx, sqlite3_value *v, int family)
{
    struct ipnet a;
    sqlite3_result_int(ctx, addr_arg(v, &a) && (family == 0 || a.family == family));
}

static void fn_isvalidip(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    valid_test(ctx, argv[0], 0);
}

static void fn_isvalidipv4(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    valid_test(ctx, argv[0], 4);
}

static void fn_isvalidipv6(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    valid_test(ctx, argv[0], 6);
}

/* ---- subnets ---------------------------------------------------------- */

static void subnet_test(sqlite3_context *ctx, sqlite3_value **argv, int family)
{
    struct ipnet a, net;
    bool in = cidr_arg(ctx, argv, 1, &net) && addr_arg(argv[0], &a) &&
              (family == 0 || a.family == family) && net_contains(&net, &a);
    sqlite3_result_int(ctx, in);
}

static void fn_isipinsubnet(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    subnet_test(ctx, argv, 0);
}

static void fn_isipv4insubnet(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    subnet_test(ctx, argv, 4);
}

static void fn_isipv6insubnet(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    subnet_test(ctx, argv, 6);
}

static void fn_ipv4tonumber(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct ipnet a;
    if (!addr_arg(argv[0], &a) || a.family != 4) {
        sqlite3_result_null(ctx);
        return;
    }
    uint32_t v = (uint32_t)a.b[0] << 24 | (uint32_t)a.b[1] << 16 | (uint32_t)a.b[2] << 8 | a.b[3];
    sqlite3_result_int64(ctx, (sqlite3_int64)v);
}

/* ---- address classes -------------------------------------------------- */

static const struct ipnet private_nets[] = {
    {4, {10}, 8},
    {4, {172, 16}, 12},
    {4, {192, 168}, 16},
    {6, {0xfc}, 7},
};

static const struct ipnet reserved_nets[] = {
    {4, {0}, 8},
    {4, {100, 64}, 10},
    {4, {127}, 8},
    {4, {169, 254}, 16},
    {4, {192, 0, 0}, 24},
    {4, {192, 0, 2}, 24},
    {4, {198, 18}, 15},
    {4, {198, 51, 100}, 24},
    {4, {203, 0, 113}, 24},
    {4, {224}, 4},
    {4, {240}, 4},
    {6, {0}, 128},                                          /* :: */
    {6, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128}, /* ::1 */
    {6, {0xfe, 0x80}, 10},
    {6, {0xff}, 8},
    {6, {0x20, 0x01, 0x0d, 0xb8}, 32},
};

static bool in_any(const struct ipnet *nets, size_t n, const struct ipnet *a)
{
    for (size_t k = 0; k < n; k++)
        if (net_contains(&nets[k], a))
            return true;
    return false;
}

enum ip_class { IP_INVALID, IP_PRIVATE, IP_RESERVED, IP_PUBLIC };

static enum ip_class classify(sqlite3_value *v)
{
    static const unsigned char mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    struct ipnet a;
    if (!addr_arg(v, &a))
        return IP_INVALID;
    if (a.family == 6 && memcmp(a.b, mapped_prefix, 12) == 0) {
        memmove(a.b, a.b + 12, 4);
        memset(a.b + 4, 0, 12);
        a.family = 4, a.prefix = 32;
    }
    if (in_any(private_nets, sizeof private_nets / sizeof private_nets[0], &a))
        return IP_PRIVATE;
    if (in_any(reserved_nets, sizeof reserved_nets / sizeof reserved_nets[0], &a))
        return IP_RESERVED;
    return IP_PUBLIC;
}

static void fn_isprivateip(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, classify(argv[0]) == IP_PRIVATE);
}

static void fn_isreservedip(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, classify(argv[0]) == IP_RESERVED);
}

static void fn_ispublicip(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_result_int(ctx, classify(argv[0]) == IP_PUBLIC);
}

/* tq_cidrprefix(cidr, ip): the block's prefix length when the address lies
 * in it, else missing (cidrlookup picks the longest). The block varies
 * from row to row of the lookup table, so it is parsed each time. */
static void fn_cidrprefix(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char num[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(argv[0], &n, num);
    struct ipnet net, a;
    if (!s || !parse_cidr(s, n, &net) || !addr_arg(argv[1], &a) || !net_contains(&net, &a))
        return;
    sqlite3_result_int(ctx, net.prefix);
}

static const struct sqlfn_entry ip_fns[] = {
    {"tq_cidrprefix", 2, 0, fn_cidrprefix},
    {"tq_isvalidip", 1, 0, fn_isvalidip},
    {"tq_isvalidipv4", 1, 0, fn_isvalidipv4},
    {"tq_isvalidipv6", 1, 0, fn_isvalidipv6},
    {"tq_isipinsubnet", 2, 0, fn_isipinsubnet},
    {"tq_isipv4insubnet", 2, 0, fn_isipv4insubnet},
    {"tq_isipv6insubnet", 2, 0, fn_isipv6insubnet},
    {"tq_ipv4tonumber", 1, 0, fn_ipv4tonumber},
    {"tq_isprivateip", 1, 0, fn_isprivateip},
    {"tq_isreservedip", 1, 0, fn_isreservedip},
    {"tq_ispublicip", 1, 0, fn_ispublicip},
};

int sqlfn_register_ip(sqlite3 *db)
{
    return sqlfn_register_table(db, ip_fns, sizeof ip_fns / sizeof ip_fns[0]);
}
