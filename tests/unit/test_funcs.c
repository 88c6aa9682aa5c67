/*
 * test_funcs.c — the function and command tables (query/funcs.c): every
 * entry is complete and consistent, lookups ignore case and know the
 * aliases, every function of the reference's §5.1–§5.8 that trailq
 * supports is there with the documented shape, and every SQL name in the
 * table is really registered by sqlfn_register() with the arities the
 * table allows.
 */
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "query/funcs.h"
#include "query/sqlfn.h"
#include "tests/unit/testhelp.h"

/* Is an SQL function of this name registered on db (any arity)? */
static bool sql_function_exists(sqlite3 *db, const char *name)
{
    sqlite3_stmt *st;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_function_list WHERE name = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

/* Does "SELECT name(NULL, ...)" with n arguments compile? */
static bool sql_call_prepares(sqlite3 *db, const char *name, int n)
{
    char sql[256];
    size_t len = (size_t)snprintf(sql, sizeof sql, "SELECT %s(", name);
    for (int k = 0; k < n && len < sizeof sql - 8; k++)
        len += (size_t)snprintf(sql + len, sizeof sql - len, k ? ", NULL" : "NULL");
    snprintf(sql + len, sizeof sql - len, ")");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_finalize(st);
    return rc == SQLITE_OK;
}

static bool has_period_arg(const struct func_def *f)
{
    for (int k = 0; k < FUNC_MAX_TYPED_ARGS; k++)
        if (f->args[k] == VT_PERIOD)
            return true;
    return false;
}

int main(void)
{
    TEST("every entry is complete") {
        CHECK(n_funcs > 0);
        for (size_t k = 0; k < n_funcs; k++) {
            const struct func_def *f = &funcs[k];
            CHECK(f->name && f->name[0]);
            CHECK(f->signature && f->signature[0]);
            CHECK(f->help && f->help[0]);
            if (f->help && f->help[0])
                CHECK(f->help[strlen(f->help) - 1] != '.');
            CHECK(f->min_args >= 0);
            CHECK(f->max_args == -1 || f->min_args <= f->max_args);
            /* the signature starts with the name */
            if (f->name && f->signature)
                CHECK(strncmp(f->signature, f->name, strlen(f->name)) == 0);
            for (size_t j = k + 1; j < n_funcs; j++)
                CHECK(strcasecmp(f->name, funcs[j].name) != 0);
            if (f->sql)
                CHECK(strncmp(f->sql, "tq_", 3) == 0);
            /* scalar SQL names are tq_ + the lower-case name */
            if (f->sql && f->kind == FK_SCALAR) {
                char want[64] = "tq_";
                size_t i = 3;
                for (const char *p = f->name; *p && i < sizeof want - 1; p++)
                    want[i++] = (char)tolower((unsigned char)*p);
                want[i] = '\0';
                CHECK_STR(f->sql, want);
            }
        }
    }

    TEST("every function of §5.1-§5.9 that applies to local data") {
        static const char *const names[] = {
            "abs", "ceil", "floor", "greatest", "least", "log", "sqrt", "round", "haversine",
            "toNumber", "toInt", "toLong", "toDouble",
            "isempty", "isblank", "concat", "ltrim", "rtrim", "trim", "strlen", "toupper",
            "tolower", "substr", "replace", "regexReplace", "strcontains", "startsWith",
            "endsWith", "urlencode", "urldecode", "base64encode", "base64decode", "split",
            "hexToAscii", "hexToDec", "decToHex",
            "bin", "datefloor", "dateceil", "fromMillis", "toMillis", "now", "formatDate", "parseDate",
            "ispresent", "coalesce", "if", "case", "isNumeric", "messageSize",
            "jsonParse", "jsonStringify", "jsonArraySize", "jsonArrayContains",
            "isValidIp", "isValidIpV4", "isValidIpV6", "isIpInSubnet", "isIpv4InSubnet",
            "isIpv6InSubnet", "ipv4ToNumber", "isPrivateIP", "isPublicIP", "isReservedIP",
            "md5", "sha256",
            "avg", "count", "count_distinct", "max", "min", "pct", "stddev", "sum",
            "earliest", "latest", "sortsFirst", "sortsLast",
            "rate", "count_over_time", "sum_over_time", "histogram",
        };
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            const struct func_def *f = func_lookup(names[k]);
            CHECK(f != NULL);
            if (f)
                CHECK_STR(f->name, names[k]);
            else
                fprintf(stderr, "  missing: %s\n", names[k]);
        }
        CHECK_INT(n_funcs, sizeof names / sizeof names[0]);
    }

    TEST("lookups ignore case; aliases; unknown names") {
        const struct func_def *f = func_lookup("Count_Distinct");
        CHECK(f && strcmp(f->name, "count_distinct") == 0);
        f = func_lookup("countDistinct");
        CHECK(f && strcmp(f->name, "count_distinct") == 0);
        f = func_lookup("COUNTDISTINCT");
        CHECK(f && strcmp(f->name, "count_distinct") == 0);
        f = func_lookup("ISVALIDIPV4");
        CHECK(f && strcmp(f->name, "isValidIpV4") == 0);
        f = func_lookup("isipv4insubnet");
        CHECK(f && strcmp(f->name, "isIpv4InSubnet") == 0);
        f = func_lookup("SortsFirst");
        CHECK(f && strcmp(f->name, "sortsFirst") == 0);
        CHECK(func_lookup("nosuchfunction") == NULL);
        CHECK(func_lookup("") == NULL);
        CHECK(func_lookup(NULL) == NULL);
        CHECK(func_lookup("count_") == NULL);
        CHECK(func_lookup("filter") == NULL);
        /* formatDate, its alias strftime, and parseDate */
        f = func_lookup("strftime");
        CHECK(f && strcmp(f->name, "formatDate") == 0);
        f = func_lookup("PARSEDATE");
        CHECK(f && strcmp(f->name, "parseDate") == 0);
        /* AWS-state functions are left out */
        CHECK(func_lookup("queryStartTime") == NULL);
    }

    TEST("shapes the compiler relies on") {
        static const char *const built_by_compiler[] = {"count", "count_distinct", "ispresent",
                                                        "coalesce", "if", "case", "bin", "now"};
        for (size_t k = 0; k < sizeof built_by_compiler / sizeof built_by_compiler[0]; k++) {
            const struct func_def *f = func_lookup(built_by_compiler[k]);
            CHECK(f && f->sql == NULL);
        }
        const struct func_def *f = func_lookup("count");
        CHECK(f && f->kind == FK_AGGREGATE && f->min_args == 0 && f->max_args == 1 &&
              f->result == VT_NUM);
        f = func_lookup("bin");
        CHECK(f && f->args[0] == VT_PERIOD && f->result == VT_TIME && f->min_args == 1 &&
              f->max_args == 1);
        f = func_lookup("datefloor");
        CHECK(f && f->args[1] == VT_PERIOD && f->result == VT_TIME && f->sql &&
              strcmp(f->sql, "tq_datefloor") == 0);
        f = func_lookup("dateceil");
        CHECK(f && f->args[1] == VT_PERIOD && f->result == VT_TIME);
        f = func_lookup("fromMillis");
        CHECK(f && f->result == VT_TIME && strcmp(f->sql, "tq_frommillis") == 0);
        f = func_lookup("toMillis");
        CHECK(f && f->result == VT_NUM && strcmp(f->sql, "tq_tomillis") == 0);
        f = func_lookup("pct");
        CHECK(f && f->kind == FK_AGGREGATE && f->min_args == 2 && f->max_args == 2 &&
              strcmp(f->sql, "tq_pct") == 0);
        f = func_lookup("regexReplace");
        CHECK(f && f->args[1] == VT_ANY && f->min_args == 3 && f->max_args == 3);
        f = func_lookup("jsonParse");
        CHECK(f && f->result == VT_JSON && strcmp(f->sql, "tq_jsonparse") == 0);
        f = func_lookup("split");
        CHECK(f && f->result == VT_LIST);
        f = func_lookup("concat");
        CHECK(f && f->min_args == 1 && f->max_args == -1 && f->result == VT_STR);
        f = func_lookup("case");
        CHECK(f && f->min_args == 2 && f->max_args == 21);
        static const char *const aggregates[] = {"count", "count_distinct", "sum", "avg",
                                                 "min", "max", "pct", "stddev"};
        for (size_t k = 0; k < sizeof aggregates / sizeof aggregates[0]; k++) {
            f = func_lookup(aggregates[k]);
            CHECK(f && f->kind == FK_AGGREGATE);
        }
        static const char *const pickers[] = {"earliest", "latest", "sortsFirst", "sortsLast"};
        for (size_t k = 0; k < sizeof pickers / sizeof pickers[0]; k++) {
            f = func_lookup(pickers[k]);
            CHECK(f && f->kind == FK_STATS_ONLY && f->sql != NULL);
        }
        static const char *const booleans[] = {
            "ispresent", "isValidIp", "isValidIpV4", "isValidIpV6", "isIpInSubnet",
            "isIpv4InSubnet", "isIpv6InSubnet", "isPrivateIP", "isPublicIP", "isReservedIP",
            "isNumeric", "jsonArrayContains"};
        for (size_t k = 0; k < sizeof booleans / sizeof booleans[0]; k++) {
            f = func_lookup(booleans[k]);
            CHECK(f && f->result == VT_BOOL);
        }
        /* documented as number 1/0, not boolean */
        static const char *const ones[] = {"strcontains", "startsWith", "endsWith", "isempty",
                                           "isblank"};
        for (size_t k = 0; k < sizeof ones / sizeof ones[0]; k++) {
            f = func_lookup(ones[k]);
            CHECK(f && f->result == VT_NUM);
        }
    }

    TEST("commands") {
        static const char *const supported[] = {
            "fields", "display", "filter", "where",   "stats",      "sort",    "order",
            "limit",  "head",    "tail",   "parse",   "dedup",      "unnest",  "pattern",
            "anomaly", "diff",   "logcompare", "sessionize", "lookup", "cidrlookup",
            "countFrequent", "count_frequent", "accum", "autoregress", "filldown",
            "addtotals", "outlier", "expand", "fillmissing", "relevantfields", "join",
            "appendcols"};
        static const char *const refused[] = {"unmask", "filterIndex", "SOURCE", "search"};
        size_t n_sup = sizeof supported / sizeof supported[0];
        size_t n_ref = sizeof refused / sizeof refused[0];
        CHECK_INT(n_commands, n_sup + n_ref);
        for (size_t k = 0; k < n_sup; k++) {
            const struct command_def *c = command_lookup(supported[k]);
            CHECK(c && c->supported);
        }
        for (size_t k = 0; k < n_ref; k++) {
            const struct command_def *c = command_lookup(refused[k]);
            CHECK(c && !c->supported);
            if (c)
                CHECK_STR(c->name, refused[k]);
        }
        for (size_t k = 0; k < n_commands; k++) {
            CHECK(commands[k].name && commands[k].name[0]);
            CHECK(commands[k].syntax && commands[k].syntax[0]);
            CHECK(commands[k].help && commands[k].help[0]);
            for (size_t j = k + 1; j < n_commands; j++)
                CHECK(strcasecmp(commands[k].name, commands[j].name) != 0);
        }
        const struct command_def *c = command_lookup("FILTER");
        CHECK(c && strcmp(c->name, "filter") == 0);
        c = command_lookup("Stats");
        CHECK(c && strcmp(c->name, "stats") == 0);
        c = command_lookup("source");
        CHECK(c && strcmp(c->name, "SOURCE") == 0 && !c->supported);
        c = command_lookup("FILTERINDEX");
        CHECK(c && strcmp(c->name, "filterIndex") == 0);
        CHECK(command_lookup("nosuch") == NULL);
        CHECK(command_lookup("") == NULL);
        CHECK(command_lookup(NULL) == NULL);
    }

    TEST("every SQL name is registered") {
        sqlite3 *db;
        CHECK_INT(sqlite3_open(":memory:", &db), SQLITE_OK);
        CHECK_INT(sqlfn_register(db), SQLITE_OK);
        for (size_t k = 0; k < n_funcs; k++) {
            const struct func_def *f = &funcs[k];
            if (!f->sql)
                continue;
            bool exists = sql_function_exists(db, f->sql);
            CHECK(exists);
            if (!exists)
                fprintf(stderr, "  not registered: %s (%s)\n", f->sql, f->name);
            /* periods become several SQL arguments, and the stats-only
             * functions get extra ones from the compiler: check the
             * arities of the plain scalars only */
            if (f->kind != FK_SCALAR || has_period_arg(f))
                continue;
            int hi = f->max_args < 0 ? f->min_args + 3 : f->max_args;
            for (int n = f->min_args; n <= hi; n++) {
                bool ok = sql_call_prepares(db, f->sql, n);
                CHECK(ok);
                if (!ok)
                    fprintf(stderr, "  %s with %d arguments does not compile\n", f->sql, n);
            }
            if (f->max_args >= 0)
                CHECK(!sql_call_prepares(db, f->sql, f->max_args + 1));
        }
        /* the compiler's access into jsonParse results */
        CHECK(sql_call_prepares(db, "tq_jsonget", 2));
        sqlite3_close(db);
    }

    return test_report("funcs");
}
