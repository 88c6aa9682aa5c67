/*
 * cmdsyntax.c — the keywords each command accepts, and where (see
 * cmdsyntax.h).
 *
 * One row per command of the parser's table (parser.c, command_parsers),
 * its phases in the order of the grammar rule above the command's parse
 * function there; docs/language.md describes the same syntax in prose.
 * Keywords are written as the docs write them (OUTPUT in capitals); the
 * parser reads them in any case.
 */
#include "query/cmdsyntax.h"

#include <string.h>
#include <strings.h>

#define EXPR_OPS "and or not like in"

const struct cmd_syntax cmd_syntaxes[] = {
    /* fields = "fields" item { "," item }; item = expr [ "as" alias ] */
    {"fields display", NULL, "fields a as b, c", 1,
     {{.slot = SS_EXPR, .value_kw = "as"}}},
    /* filter = ( "filter" | "where" ) expr */
    {"filter where", NULL, "filter not a like \"x\" and b in [1] or c not like /y/ or d not in [2]",
     1, {{.slot = SS_EXPR, .operand_kw = "not", .value_kw = EXPR_OPS}}},
    /* stats = "stats" item { "," item } [ "by" item { "," item } ] [ "offset" period ] */
    {"stats", NULL, "stats count(*) as n by bin(5m) as t offset 1m", 3,
     {{.slot = SS_AGG, .value_kw = "as by", .alias_kw = "by"},
      {.opens = "by", .slot = SS_EXPR, .value_kw = "as offset", .alias_kw = "offset"},
      {.opens = "offset", .slot = SS_PERIOD}}},
    /* sort = ( "sort" | "order" ) [ "by" ] expr [ "asc" | "desc" ] { "," ... } */
    {"sort order", NULL, "sort by a asc, b desc", 2,
     {{.slot = SS_EXPR, .first_kw = "by", .value_kw = "asc desc"},
      {.opens = "by", .slot = SS_EXPR, .value_kw = "asc desc"}}},
    /* limit = "limit" [ "any" ] integer */
    {"limit", NULL, "limit any 5", 1, {{.slot = SS_NUMBER, .first_kw = "any"}}},
    {"head tail", NULL, "head 5", 1, {{.slot = SS_NUMBER}}},
    /* parse = "parse" [ fieldref ] ( string "as" alias { "," alias }
     *                              | regex [ "as" alias { "," alias } ] [ "multi" ]
     *                              | ( "logfmt" | "csv" ) "as" alias { "," alias } ) */
    {"parse", NULL, "parse a /(?<x>.)/ as y multi | parse \"*\" as z | parse a logfmt as m "
                    "| parse csv as c, d", 5,
     {{.slot = SS_FIELD, .first_kw = "logfmt csv", .flags = SYN_ONE},
      {.slot = SS_NONE, .first_kw = "logfmt csv"},
      {.opens = "\"", .slot = SS_NONE, .value_kw = "as"},
      {.opens = "/", .slot = SS_NONE, .value_kw = "as multi", .alias_kw = "multi"},
      {.opens = "logfmt csv", .slot = SS_NONE, .first_kw = "as"}}},
    /* dedup = "dedup" fieldref { "," fieldref } */
    {"dedup", NULL, "dedup a, b", 1, {{.slot = SS_FIELD}}},
    /* unnest = "unnest" expr "into" alias */
    {"unnest", NULL, "unnest a into b", 1, {{.slot = SS_EXPR, .value_kw = "into"}}},
    /* pattern = "pattern" expr */
    {"pattern", NULL, "pattern a", 1, {{.slot = SS_EXPR}}},
    /* anomaly = "anomaly" */
    {"anomaly", NULL, "anomaly", 1, {{.slot = SS_NONE}}},
    /* diff = "diff" [ "previousDay" | "previousWeek" | "previousMonth" ] */
    {"diff", NULL, "diff previousDay | diff previousWeek | diff previousMonth", 1,
     {{.slot = SS_NONE, .first_kw = "previousDay previousWeek previousMonth"}}},
    /* logcompare = "logcompare" "timeshift" period */
    {"logcompare", NULL, "logcompare timeshift 7d", 2,
     {{.slot = SS_NONE, .first_kw = "timeshift"}, {.opens = "timeshift", .slot = SS_PERIOD}}},
    /* sessionize = "sessionize" fieldref { "," fieldref } [ "maxspan" period ] [ "as" alias ] */
    {"sessionize", NULL, "sessionize a, b maxspan 5m as s", 2,
     {{.slot = SS_FIELD, .value_kw = "maxspan as"},
      {.opens = "maxspan", .slot = SS_PERIOD, .value_kw = "as"}}},
    /* lookup = "lookup" table column [ "as" fieldref ] { "," ... } outputs
     * outputs = ( "OUTPUT" | "OUTPUTNEW" ) column [ "as" alias ] { "," ... } */
    {"lookup", NULL, "lookup t a as b, c OUTPUT d as e | lookup t a OUTPUTNEW d", 3,
     {{.slot = SS_TABLE, .flags = SYN_ONE},
      {.slot = SS_COLUMN, .value_kw = "as OUTPUT OUTPUTNEW", .alias_kw = "OUTPUT OUTPUTNEW",
       .flags = SYN_AS_FIELD},
      {.opens = "OUTPUT OUTPUTNEW", .slot = SS_COLUMN, .value_kw = "as"}}},
    /* cidrlookup = "cidrlookup" table fieldref [ "as" column ] outputs */
    {"cidrlookup", NULL, "cidrlookup t a as b OUTPUT d as e | cidrlookup t a OUTPUTNEW d", 3,
     {{.slot = SS_TABLE, .flags = SYN_ONE},
      {.slot = SS_FIELD, .value_kw = "as OUTPUT OUTPUTNEW", .alias_kw = "OUTPUT OUTPUTNEW",
       .flags = SYN_AS_COLUMN},
      {.opens = "OUTPUT OUTPUTNEW", .slot = SS_COLUMN, .value_kw = "as"}}},
    /* countFrequent = ( "countFrequent" | "count_frequent" ) fieldref { "," fieldref } */
    {"countFrequent count_frequent", NULL, "countFrequent a, b", 1, {{.slot = SS_FIELD}}},
    /* accum = "accum" fieldref [ "as" alias ] */
    {"accum", NULL, "accum a as b", 1, {{.slot = SS_FIELD, .value_kw = "as"}}},
    /* autoregress = "autoregress" fieldref [ "as" alias ] [ "p" "=" integer [ "-" integer ] ] */
    {"autoregress", NULL, "autoregress a as b p=1-3", 2,
     {{.slot = SS_FIELD, .value_kw = "as p=", .alias_kw = "p="},
      {.opens = "p=", .slot = SS_NUMBER}}},
    /* filldown = "filldown" { name-or-pattern } */
    {"filldown", NULL, "filldown a b, c*", 1, {{.slot = SS_FIELD, .flags = SYN_SPACED}}},
    /* expand = "expand" fieldref */
    {"expand", NULL, "expand a", 1, {{.slot = SS_FIELD}}},
    /* addtotals = "addtotals" { option } [ fieldref { "," fieldref } ] */
    {"addtotals", "fieldname= row=true|false col=true|false",
     "addtotals fieldname=T row=true col=false a, b", 1, {{.slot = SS_FIELD}}},
    /* outlier = "outlier" { option } fieldref { fieldref } */
    {"outlier", "action=remove|transform param= uselower=true|false mark=true|false",
     "outlier action=remove param=2 uselower=true mark=false a b | outlier action=transform a", 1,
     {{.slot = SS_FIELD, .flags = SYN_SPACED}}},
    /* fillmissing = "fillmissing" [ "with" expr "for" name { "," expr "for" name } ] */
    {"fillmissing", NULL, "fillmissing with 0 for a, 1 for b", 3,
     {{.slot = SS_NONE, .first_kw = "with"},
      {.opens = "with", .slot = SS_EXPR, .value_kw = "for"},
      {.opens = "for", .slot = SS_FIELD, .comma_to = 1}}},
    /* relevantfields = "relevantfields" [ fieldref { "," fieldref } ] "where" expr */
    {"relevantfields", NULL, "relevantfields a, b where not c like \"x\" and d not in [1] or e",
     2,
     {{.slot = SS_FIELD, .first_kw = "where", .value_kw = "where"},
      {.opens = "where", .slot = SS_EXPR, .operand_kw = "not", .value_kw = EXPR_OPS}}},
    /* join = "join" [ "type=" ( "inner" | "left" ) ] "left=" name "right=" name
     *        "where" key { "and" key } subquery;  key = left.field "=" right.field */
    {"join", "type=inner|left !left= !right=",
     "join type=inner left=l right=r where l.a = r.a and l.b = r.b (stats count(*) by a, b)", 4,
     {{.slot = SS_NONE, .value_kw = "where"},
      {.opens = "where and", .slot = SS_JOINKEY},
      {.opens = "=", .slot = SS_JOINKEY, .value_kw = "and"},
      {.opens = "(", .slot = SS_SUBQUERY}}},
    /* appendcols = "appendcols" { option } subquery */
    {"appendcols", "override=true|false max=",
     "appendcols override=true max=5 (stats count(*)) | appendcols override=false (stats sum(a))", 2, {{.slot = SS_NONE}, {.opens = "(", .slot = SS_SUBQUERY}}},
};

const size_t n_cmd_syntaxes = sizeof cmd_syntaxes / sizeof cmd_syntaxes[0];

int syn_list_has(const char *list, const char *word, size_t len)
{
    while (list && *list) {
        size_t n = strcspn(list, " ");
        size_t m = n > 1 && list[n - 1] == '=' ? n - 1 : n;
        if (m == len && strncasecmp(list, word, len) == 0)
            return 1;
        list += n + (list[n] ? 1 : 0);
    }
    return 0;
}

const struct cmd_syntax *cmd_syntax_lookup(const char *name, size_t len)
{
    for (size_t i = 0; i < n_cmd_syntaxes; i++)
        if (syn_list_has(cmd_syntaxes[i].names, name, len))
            return &cmd_syntaxes[i];
    return NULL;
}
