/*
 * funcs.c — the table of Insights functions and commands (see funcs.h).
 *
 * One entry per function of the reference's §5.1–§5.8 that makes sense on
 * local files, in the reference's order. The analyser checks names, argument
 * counts and literal kinds against it; the compiler takes the SQL name; REPL
 * completion, `.help` and the man page's function list read the signature and
 * help text. Left out on purpose: queryStartTime / queryEndTime /
 * queryTimeRange (they describe the AWS query request).
 *
 * Argument kinds say what a function expects. By the value rules (sqlfn.h)
 * numbers are accepted where strings are expected and numeric strings where
 * numbers are, so only VT_PERIOD and VT_REGEX are strict (literal required).
 * regexReplace takes its pattern as VT_ANY: AWS documents a string pattern,
 * and a /regex/ literal is accepted too.
 *
 * Entries with sql == NULL are built by the compiler itself: count,
 * count_distinct, ispresent, coalesce, if, case, bin, now, count_over_time. Lookups ignore
 * case; the aliases are countDistinct for count_distinct and strftime for formatDate.
 *
 * Everything here is static, read-only data; nothing is allocated.
 */
#include "query/funcs.h"

#include <strings.h>

/* Shorthands that keep the table readable. */
#define A1(a) {a}
#define A2(a, b) {a, b}
#define A3(a, b, c) {a, b, c}
#define A4(a, b, c, d) {a, b, c, d}
#define ANY VT_ANY
#define NUM VT_NUM
#define STR VT_STR

const struct func_def funcs[] = {
    /* §5.1 numeric */
    {"abs", FK_SCALAR, 1, 1, A1(NUM), NUM, "tq_abs", "abs(number)", "Absolute value"},
    {"ceil", FK_SCALAR, 1, 1, A1(NUM), NUM, "tq_ceil", "ceil(number)",
     "Smallest integer greater than or equal to the number"},
    {"floor", FK_SCALAR, 1, 1, A1(NUM), NUM, "tq_floor", "floor(number)",
     "Largest integer less than or equal to the number"},
    {"greatest", FK_SCALAR, 1, -1, A1(NUM), NUM, "tq_greatest", "greatest(number, ...)",
     "Largest of the numeric arguments (others are ignored)"},
    {"least", FK_SCALAR, 1, -1, A1(NUM), NUM, "tq_least", "least(number, ...)",
     "Smallest of the numeric arguments (others are ignored)"},
    {"log", FK_SCALAR, 1, 1, A1(NUM), NUM, "tq_log", "log(number)",
     "Natural logarithm; missing for numbers <= 0"},
    {"sqrt", FK_SCALAR, 1, 1, A1(NUM), NUM, "tq_sqrt", "sqrt(number)",
     "Square root; missing for negative numbers"},
    {"round", FK_SCALAR, 1, 2, A2(NUM, NUM), NUM, "tq_round", "round(number [, decimals])",
     "Round half away from zero, to an integer or to the given number of decimals"},
    {"haversine", FK_SCALAR, 4, 4, A4(NUM, NUM, NUM, NUM), NUM, "tq_haversine",
     "haversine(lat1, lon1, lat2, lon2)",
     "Great-circle distance in kilometres between two points given in degrees"},
    {"toNumber", FK_SCALAR, 1, 1, A1(ANY), NUM, "tq_tonumber", "toNumber(value)",
     "The value as a number, or missing if it is not one"},
    {"toInt", FK_SCALAR, 1, 1, A1(ANY), NUM, "tq_toint", "toInt(value)",
     "The value as a 32-bit integer (truncated); missing if out of range"},
    {"toLong", FK_SCALAR, 1, 1, A1(ANY), NUM, "tq_tolong", "toLong(value)",
     "The value as a 64-bit integer (truncated); missing if out of range"},
    {"toDouble", FK_SCALAR, 1, 1, A1(ANY), NUM, "tq_todouble", "toDouble(value)",
     "The value as a floating-point number"},

    /* §5.2 string */
    {"isempty", FK_SCALAR, 1, 1, A1(ANY), NUM, "tq_isempty", "isempty(value)",
     "1 if the value is missing or the empty string, else 0"},
    {"isblank", FK_SCALAR, 1, 1, A1(ANY), NUM, "tq_isblank", "isblank(value)",
     "1 if the value is missing, empty or only whitespace, else 0"},
    {"concat", FK_SCALAR, 1, -1, A1(STR), STR, "tq_concat", "concat(str, ...)",
     "Concatenation of the arguments; missing arguments are skipped"},
    {"ltrim", FK_SCALAR, 1, 2, A2(STR, STR), STR, "tq_ltrim", "ltrim(str [, chars])",
     "Remove leading whitespace, or leading characters found in chars"},
    {"rtrim", FK_SCALAR, 1, 2, A2(STR, STR), STR, "tq_rtrim", "rtrim(str [, chars])",
     "Remove trailing whitespace, or trailing characters found in chars"},
    {"trim", FK_SCALAR, 1, 2, A2(STR, STR), STR, "tq_trim", "trim(str [, chars])",
     "Remove leading and trailing whitespace, or characters found in chars"},
    {"strlen", FK_SCALAR, 1, 1, A1(STR), NUM, "tq_strlen", "strlen(str)",
     "Length in Unicode code points"},
    {"toupper", FK_SCALAR, 1, 1, A1(STR), STR, "tq_toupper", "toupper(str)",
     "Upper-case version of the string (Latin, Greek and Cyrillic letters)"},
    {"tolower", FK_SCALAR, 1, 1, A1(STR), STR, "tq_tolower", "tolower(str)",
     "Lower-case version of the string (Latin, Greek and Cyrillic letters)"},
    {"substr", FK_SCALAR, 2, 3, A3(STR, NUM, NUM), STR, "tq_substr",
     "substr(str, start [, length])",
     "Substring from a 0-based code-point start, to the end or of the given length"},
    {"replace", FK_SCALAR, 3, 3, A3(STR, STR, STR), STR, "tq_replace",
     "replace(str, search, replacement)", "Replace every literal occurrence of search"},
    {"regexReplace", FK_SCALAR, 3, 3, A3(STR, ANY, STR), STR, "tq_regexreplace",
     "regexReplace(str, pattern, replacement)",
     "Replace every match of the regex; \\1 or $1 or ${name} in the replacement insert groups"},
    {"strcontains", FK_SCALAR, 2, 3, A3(STR, STR, VT_BOOL), NUM, "tq_strcontains",
     "strcontains(str, search [, caseInsensitive])",
     "1 if str contains search (ignoring ASCII case when the third argument is true), else 0"},
    {"startsWith", FK_SCALAR, 2, 2, A2(STR, STR), NUM, "tq_startswith",
     "startsWith(str, prefix)", "1 if str starts with prefix, else 0"},
    {"endsWith", FK_SCALAR, 2, 2, A2(STR, STR), NUM, "tq_endswith", "endsWith(str, suffix)",
     "1 if str ends with suffix, else 0"},
    {"urlencode", FK_SCALAR, 1, 1, A1(STR), STR, "tq_urlencode", "urlencode(str)",
     "Percent-encode everything but RFC 3986 unreserved characters"},
    {"urldecode", FK_SCALAR, 1, 1, A1(STR), STR, "tq_urldecode", "urldecode(str)",
     "Decode %XX escapes and '+'; missing if the input is malformed"},
    {"base64encode", FK_SCALAR, 1, 1, A1(STR), STR, "tq_base64encode", "base64encode(str)",
     "Standard base64 encoding (with padding) of the string's UTF-8 bytes"},
    {"base64decode", FK_SCALAR, 1, 1, A1(STR), STR, "tq_base64decode", "base64decode(str)",
     "Decode standard base64; missing if invalid or not UTF-8 text"},
    {"split", FK_SCALAR, 2, 2, A2(STR, STR), VT_LIST, "tq_split", "split(str, delimiter)",
     "List of the pieces between delimiters (an empty delimiter splits into characters)"},
    {"hexToAscii", FK_SCALAR, 1, 1, A1(STR), STR, "tq_hextoascii", "hexToAscii(hex)",
     "Text whose bytes the hex digits spell; missing if invalid"},
    {"hexToDec", FK_SCALAR, 1, 1, A1(STR), NUM, "tq_hextodec", "hexToDec(hex)",
     "Number from hex digits, with or without 0x (\"0xff\" is 255)"},
    {"decToHex", FK_SCALAR, 1, 1, A1(NUM), STR, "tq_dectohex", "decToHex(number)",
     "Lower-case hex text of the integer part (255 is \"0xff\", -255 is \"-0xff\")"},

    /* §5.3 datetime */
    {"bin", FK_SCALAR, 1, 1, A1(VT_PERIOD), VT_TIME, NULL, "bin(period)",
     "@timestamp rounded down to a multiple of the period"},
    {"datefloor", FK_SCALAR, 2, 2, A2(VT_TIME, VT_PERIOD), VT_TIME, "tq_datefloor",
     "datefloor(timestamp, period)", "Timestamp truncated to the period"},
    {"dateceil", FK_SCALAR, 2, 2, A2(VT_TIME, VT_PERIOD), VT_TIME, "tq_dateceil",
     "dateceil(timestamp, period)", "Timestamp rounded up to the period"},
    {"fromMillis", FK_SCALAR, 1, 1, A1(NUM), VT_TIME, "tq_frommillis", "fromMillis(millis)",
     "Timestamp from milliseconds since the epoch"},
    {"toMillis", FK_SCALAR, 1, 1, A1(VT_TIME), NUM, "tq_tomillis", "toMillis(timestamp)",
     "Milliseconds since the epoch"},
    {"now", FK_SCALAR, 0, 0, A1(ANY), NUM, NULL, "now()",
     "Time the query started, in seconds since the epoch"},
    {"formatDate", FK_SCALAR, 2, 3, A3(VT_TIME, STR, STR), STR, "tq_formatdate",
     "formatDate(timestamp, format [, tz])",
     "Timestamp as text with strftime conversions (%Y-%m-%d %H:%M:%S, %L for ms, %Z the zone), in "
     "UTC or in tz: a zone such as \"America/New_York\" or an offset such as \"+02:00\"; alias "
     "strftime"},
    {"parseDate", FK_SCALAR, 2, 3, A3(STR, STR, STR), NUM, "tq_parsedate",
     "parseDate(text, pattern [, tz])",
     "Milliseconds since the epoch from text read with a Java DateTimeFormatter pattern "
     "(yyyy-MM-dd HH:mm:ss.SSS, XXX for an offset); tz: UTC, a zone or an offset, for text without "
     "one"},

    /* §5.4 general */
    {"ispresent", FK_SCALAR, 1, 1, A1(ANY), VT_BOOL, NULL, "ispresent(field)",
     "True if the field exists in the event"},
    {"coalesce", FK_SCALAR, 1, -1, A1(ANY), ANY, NULL, "coalesce(value, ...)",
     "First argument that is not missing"},
    {"if", FK_SCALAR, 3, 3, A3(VT_BOOL, ANY, ANY), ANY, NULL, "if(condition, then, else)",
     "The second argument when the condition is true, else the third"},
    {"case", FK_SCALAR, 2, 21, A4(VT_BOOL, ANY, VT_BOOL, ANY), ANY, NULL,
     "case(cond1, value1, ..., [default])",
     "Value of the first true condition, else the default (up to 10 branches)"},
    {"isNumeric", FK_SCALAR, 1, 1, A1(ANY), VT_BOOL, "tq_isnumeric", "isNumeric(value)",
     "True if the value is a number or text that parses as one"},
    {"messageSize", FK_SCALAR, 1, 1, A1(STR), NUM, "tq_messagesize", "messageSize(str)",
     "Length of the string in bytes"},

    /* §5.5 JSON */
    {"jsonParse", FK_SCALAR, 1, 1, A1(STR), VT_JSON, "tq_jsonparse", "jsonParse(str)",
     "Map or list from a JSON object or array string, read as events are (a number too large "
     "keeps its text); missing otherwise"},
    {"jsonStringify", FK_SCALAR, 1, 1, A1(ANY), STR, "tq_jsonstringify",
     "jsonStringify(value)", "Compact JSON text of the value"},
    {"jsonArraySize", FK_SCALAR, 1, 1, A1(STR), NUM, "tq_jsonarraysize",
     "jsonArraySize(str)", "Number of elements of a JSON array string"},
    {"jsonArrayContains", FK_SCALAR, 2, 2, A2(STR, ANY), VT_BOOL, "tq_jsonarraycontains",
     "jsonArrayContains(str, value)",
     "True if the JSON array string has an element equal to the value (case-sensitive)"},

    /* §5.6 IP address */
    {"isValidIp", FK_SCALAR, 1, 1, A1(STR), VT_BOOL, "tq_isvalidip", "isValidIp(str)",
     "True if the value is an IPv4 or IPv6 address"},
    {"isValidIpV4", FK_SCALAR, 1, 1, A1(STR), VT_BOOL, "tq_isvalidipv4", "isValidIpV4(str)",
     "True if the value is an IPv4 address"},
    {"isValidIpV6", FK_SCALAR, 1, 1, A1(STR), VT_BOOL, "tq_isvalidipv6", "isValidIpV6(str)",
     "True if the value is an IPv6 address"},
    {"isIpInSubnet", FK_SCALAR, 2, 2, A2(STR, STR), VT_BOOL, "tq_isipinsubnet",
     "isIpInSubnet(ip, cidr)", "True if the IPv4 or IPv6 address lies in the CIDR block"},
    {"isIpv4InSubnet", FK_SCALAR, 2, 2, A2(STR, STR), VT_BOOL, "tq_isipv4insubnet",
     "isIpv4InSubnet(ip, cidr)", "True if the IPv4 address lies in the IPv4 CIDR block"},
    {"isIpv6InSubnet", FK_SCALAR, 2, 2, A2(STR, STR), VT_BOOL, "tq_isipv6insubnet",
     "isIpv6InSubnet(ip, cidr)", "True if the IPv6 address lies in the IPv6 CIDR block"},
    {"ipv4ToNumber", FK_SCALAR, 1, 1, A1(STR), NUM, "tq_ipv4tonumber", "ipv4ToNumber(ip)",
     "The IPv4 address as a 32-bit unsigned number"},
    {"isPrivateIP", FK_SCALAR, 1, 1, A1(STR), VT_BOOL, "tq_isprivateip", "isPrivateIP(ip)",
     "True for RFC 1918 IPv4 and fc00::/7 IPv6 addresses"},
    {"isPublicIP", FK_SCALAR, 1, 1, A1(STR), VT_BOOL, "tq_ispublicip", "isPublicIP(ip)",
     "True for valid addresses that are neither private nor reserved"},
    {"isReservedIP", FK_SCALAR, 1, 1, A1(STR), VT_BOOL, "tq_isreservedip",
     "isReservedIP(ip)",
     "True for special-purpose addresses (loopback, link-local, multicast ...), not private"},

    /* §5.7 hashing */
    {"md5", FK_SCALAR, 1, 1, A1(STR), STR, "tq_md5", "md5(str)",
     "MD5 digest of the string, lower-case hex"},
    {"sha256", FK_SCALAR, 1, 1, A1(STR), STR, "tq_sha256", "sha256(str)",
     "SHA-256 digest of the string, lower-case hex"},

    /* §5.8 aggregates */
    {"avg", FK_AGGREGATE, 1, 1, A1(NUM), NUM, "tq_avg", "avg(field)",
     "Mean of the numeric values"},
    {"count", FK_AGGREGATE, 0, 1, A1(ANY), NUM, NULL, "count(*) | count() | count(field)",
     "Number of events, or of events where the field is present"},
    {"count_distinct", FK_AGGREGATE, 1, 1, A1(ANY), NUM, NULL, "count_distinct(field)",
     "Number of distinct values of the field"},
    {"max", FK_AGGREGATE, 1, 1, A1(ANY), ANY, "tq_max", "max(field)", "Largest value: by number when all are numbers, else by code point"},
    {"min", FK_AGGREGATE, 1, 1, A1(ANY), ANY, "tq_min", "min(field)", "Smallest value: by number when all are numbers, else by code point"},
    {"pct", FK_AGGREGATE, 2, 2, A2(NUM, NUM), NUM, "tq_pct", "pct(field, percentile)",
     "Nearest-rank percentile of the numeric values (percentile is a number literal)"},
    {"stddev", FK_AGGREGATE, 1, 1, A1(NUM), NUM, "tq_stddev", "stddev(field)",
     "Sample standard deviation of the numeric values"},
    {"sum", FK_AGGREGATE, 1, 1, A1(NUM), NUM, "tq_sum", "sum(field)",
     "Sum of the numeric values, added with compensation: their order does not change it, "
     "but in rare cases"},
    {"earliest", FK_STATS_ONLY, 1, 1, A1(ANY), ANY, "tq_earliest", "earliest(field)",
     "Value of the field in the event with the earliest @timestamp"},
    {"latest", FK_STATS_ONLY, 1, 1, A1(ANY), ANY, "tq_latest", "latest(field)",
     "Value of the field in the event with the latest @timestamp"},
    {"sortsFirst", FK_STATS_ONLY, 1, 1, A1(ANY), ANY, "tq_sortsfirst", "sortsFirst(field)",
     "Value of the field that sorts first"},
    {"sortsLast", FK_STATS_ONLY, 1, 1, A1(ANY), ANY, "tq_sortslast", "sortsLast(field)",
     "Value of the field that sorts last"},

    /* §5.9 time-series (sqlfn_timeseries.c) */
    {"rate", FK_AGGREGATE, 2, 2, A2(NUM, VT_PERIOD), NUM, "tq_rate", "rate(field, period)",
     "Change of the field per period from its first to its last number in time (first stats)"},
    {"count_over_time", FK_AGGREGATE, 1, 1, A1(ANY), NUM, NULL, "count_over_time(field)",
     "Number of events where the field is present, as count(field)"},
    {"sum_over_time", FK_AGGREGATE, 1, 1, A1(NUM), NUM, "tq_sum", "sum_over_time(field)",
     "Sum of the numeric values, as sum(field)"},
    {"histogram", FK_AGGREGATE, 2, 2, A2(NUM, NUM), VT_JSON, "tq_histogram",
     "histogram(field, buckets)",
     "Map of the counts in equal-width buckets from the smallest to the largest number"},
};

const size_t n_funcs = sizeof funcs / sizeof funcs[0];

/* Documented alternative spellings. */
static const struct {
    const char *alias;     /* as the user may write it */
    const char *canonical; /* the table's name */
} func_aliases[] = {
    {"countDistinct", "count_distinct"},
    {"strftime", "formatDate"},
};

const struct func_def *func_lookup(const char *name)
{
    if (!name)
        return NULL;
    for (size_t k = 0; k < sizeof func_aliases / sizeof func_aliases[0]; k++)
        if (strcasecmp(name, func_aliases[k].alias) == 0) {
            name = func_aliases[k].canonical;
            break;
        }
    for (size_t k = 0; k < n_funcs; k++)
        if (strcasecmp(name, funcs[k].name) == 0)
            return &funcs[k];
    return NULL;
}

const struct command_def commands[] = {
    {"fields", true, "fields expr [as name], ...",
     "Choose the fields to show, computing new ones"},
    {"display", true, "display expr [as name], ...", "Show only these fields in the result"},
    {"filter", true, "filter condition", "Keep the events for which the condition is true"},
    {"where", true, "where condition", "Same as filter"},
    {"stats", true, "stats agg [as name], ... [by expr [as name], ...]",
     "Aggregate the events, per group of the by keys"},
    {"sort", true, "sort expr [asc|desc], ...", "Order the results (ascending by default)"},
    {"order", true, "order by expr [asc|desc], ...", "Same as sort"},
    {"limit", true, "limit N | limit any N", "Keep the first N results"},
    {"head", true, "head N", "Same as limit (deprecated)"},
    {"tail", true, "tail N", "Keep the last N results (deprecated)"},
    {"parse", true, "parse [field] \"glob\" as name, ... | parse [field] /regex/ [multi]",
     "Extract fields from text with a glob or a regex with named groups"},
    {"dedup", true, "dedup field, ...", "Keep the first event of each distinct key"},
    {"unnest", true, "unnest expr into name", "One row per element of a list"},
    {"pattern", true, "pattern expr",
     "Cluster the values into patterns: @pattern, @ratio, @sampleCount, @severityLabel"},
    {"anomaly", true, "anomaly",
     "Keep the patterns with anomalies: @anomalyType, @description, @priority"},
    {"diff", true, "diff [previousDay|previousWeek|previousMonth]",
     "Patterns of @message now and in an earlier range of the same length"},
    {"unmask", false, "unmask [expr]", "Show data masked by a data-protection policy"},
    {"filterIndex", false, "filterIndex condition", "Filter using CloudWatch field indexes"},
    {"SOURCE", false, "SOURCE logGroups(...)", "Select CloudWatch log groups in the query"},
    {"lookup", true, "lookup table col [as field], ... OUTPUT|OUTPUTNEW col [as name], ...",
     "Add columns of the first table row whose key columns equal the fields (--lookup)"},
    {"join", true, "join [type=inner|left] left=a right=b where a.field = b.field (subquery)",
     "Pair each row with the subquery's rows of equal keys; then a.x and b.x"},
    {"addtotals", true, "addtotals [fieldname=Name] [row=bool] [col=bool] [field, ...]",
     "Add a column of row totals (Total) and, with col=true, a row of column totals"},
    {"autoregress", true, "autoregress field [as name] [p=N[-M]]",
     "The field's value N (to M) rows back, as field_pN"},
    {"logcompare", true, "logcompare timeshift period",
     "Patterns of @message now and the same range shifted back by the period"},
    {"filldown", true, "filldown [field-or-pattern ...]",
     "Fill missing values with the field's last value in an earlier row"},
    {"fillmissing", true, "fillmissing [with value for field, ...]",
     "Add rows for the empty bins of stats ... by bin()"},
    {"cidrlookup", true, "cidrlookup table field [as col] OUTPUT|OUTPUTNEW col [as name], ...",
     "Add columns of the table row whose CIDR block holds the address (longest prefix)"},
    {"outlier", true, "outlier [action=remove|transform] [param=n] [uselower=bool] [mark=bool] field ...",
     "Clamp (or drop the rows of) values beyond the interquartile range times param"},
    {"accum", true, "accum field [as name]", "Running total of the field's numbers"},
    {"appendcols", true, "appendcols [override=bool] [max=n] (subquery)",
     "Add the subquery's fields to the rows by position"},
    {"sessionize", true, "sessionize field, ... [maxspan period] [as name]",
     "Number each key's events into sessions split by gaps longer than maxspan (30m)"},
    {"countFrequent", true, "countFrequent field, ...",
     "Count each combination of the fields (exactly) in _approxcount, most frequent first"},
    {"count_frequent", true, "count_frequent field, ...", "Same as countFrequent"},
    {"relevantfields", true, "relevantfields [field, ...] where condition",
     "Rank fields by how differently they are spread where the condition holds"},
    {"expand", true, "expand field", "One row per element of the field's JSON array, in its place"},
    {"search", false, "search ...", "Legacy full-text search"},
};

const size_t n_commands = sizeof commands / sizeof commands[0];

const struct command_def *command_lookup(const char *name)
{
    if (!name)
        return NULL;
    for (size_t k = 0; k < n_commands; k++)
        if (strcasecmp(name, commands[k].name) == 0)
            return &commands[k];
    return NULL;
}

const char *command_why_refused(const struct command_def *c)
{
    static const struct {
        const char *name;
        const char *why;
    } why[] = {
        {"unmask", "it reveals what a CloudWatch data-protection policy masked, and nothing masks "
                   "local files"},
        {"filterIndex", "it needs the field indexes of a CloudWatch account; use filter"},
        {"SOURCE", "it selects CloudWatch log groups, and trailq reads the files given to it (in "
                   "a subquery, SOURCE \"path\" picks inputs by @log)"},
        {"search", "it is the legacy full-text search; use filter @message like \"text\""},
    };
    for (size_t k = 0; k < sizeof why / sizeof why[0]; k++)
        if (strcasecmp(c->name, why[k].name) == 0)
            return why[k].why;
    return "it needs an AWS account";
}
