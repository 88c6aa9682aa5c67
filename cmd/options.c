/*
 * options.c — parsing the command line from the option table (see
 * options.h). Accepts --name VALUE, --name=VALUE, -x VALUE, -xVALUE and
 * "--" to end options. The first operand is the query unless -f, --fields
 * or --help was given, or it names an existing file or directory (then
 * every operand is an input and, on a terminal, the REPL starts).
 */
#include "cmd/options.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/output.h"
#include "cmd/repl_int.h"
#include "cmd/term.h"
#include "base/xalloc.h"
#include "query/trino.h"

const struct opt_def opt_table[] = {
    {OPT_OUTPUT, "output", 'o', "FORMAT", "table tsv csv json jsonl raw",
     "output format (default: table on a terminal, else tsv)"},
    {OPT_FILE, "file", 'f', "QUERYFILE", NULL, "read the query from a file"},
    {OPT_START, "start", 0, "TIME", NULL,
     "keep events at or after TIME (ISO-8601, epoch s/ms, now, -15m, -2h, -7d)"},
    {OPT_END, "end", 0, "TIME", NULL, "keep events before TIME"},
    {OPT_TYPE, "type", 't', "TYPE", "auto cloudtrail cwlogs export jsonl lambda vpcflow text",
     "input format (default: detected from each input's content)"},
    {OPT_DB, "db", 0, "FILE", NULL,
     "keep the index (a case file) in FILE; later runs read only new or changed inputs, and "
     "a query with PATHs sees only their sources"},
    {OPT_EXPLAIN, "explain", 0, NULL, NULL, "print the SQL and SQLite's plan; run nothing"},
    {OPT_FIELDS, "fields", 0, NULL, NULL, "list the fields found in the inputs, with counts"},
    {OPT_FILES, "files", 0, NULL, NULL,
     "list the sources (of the index, or of the inputs): names, SHA-256, counts, times"},
    {OPT_SQL, "sql", 0, "TARGET", "athena lake",
     "print the query as one Trino SQL statement for Amazon Athena or CloudTrail Lake; run "
     "nothing"},
    {OPT_SQL_TABLE, "sql-table", 0, "NAME", NULL,
     "with --sql: the Athena table (default cloudtrail_logs) or the Lake event data store id"},
    {OPT_SQL_APPROX, "sql-approx", 0, NULL, NULL,
     "with --sql: count_distinct and pct by Trino's approximate aggregates"},
    {OPT_DDL, "ddl", 0, "S3URI", NULL,
     "with --sql athena: print the CREATE TABLE for the CloudTrail folder S3URI instead"},
    {OPT_TZ, "tz", 0, "ZONE", NULL,
     "show times in ZONE: an IANA name (Europe/Paris), local, UTC (default) or +02:00"},
    {OPT_TIME_FORMAT, "time-format", 0, "FORMAT", "insights iso epoch",
     "how times are written (default insights: 2024-03-01 10:00:00.000)"},
    {OPT_CHART, "chart", 0, NULL, NULL,
     "draw a stats result as a bar chart (a time series for stats ... by bin())"},
    {OPT_NO_PAGER, "no-pager", 0, NULL, NULL,
     "never page a table taller than the terminal ($TRAILQ_PAGER, $PAGER, less -SRFX)"},
    {OPT_COLOR, "color", 0, "WHEN", "auto always never", "colour messages and table headers"},
    {OPT_PROGRESS, "progress", 0, "WHEN", "auto always never",
     "show reading progress on stderr (auto: on a terminal, for long reads)"},
    {OPT_LOOKUP, "lookup", 0, "NAME=FILE", NULL,
     "a table (CSV with a header, or JSON lines) for lookup and cidrlookup; repeatable"},
    {OPT_HELP, "help", 'h', NULL, NULL, "show this help"},
    {OPT_VERSION, "version", 'V', NULL, NULL, "show the version"},
};
const size_t opt_count = sizeof opt_table / sizeof opt_table[0];

static const struct opt_def *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < opt_count; i++)
        if (strlen(opt_table[i].long_name) == len && strncmp(opt_table[i].long_name, name, len) == 0)
            return &opt_table[i];
    return NULL;
}

static const struct opt_def *find_short(char c)
{
    for (size_t i = 0; i < opt_count; i++)
        if (opt_table[i].short_name == c)
            return &opt_table[i];
    return NULL;
}

static int parse_when(const char *v, enum when *w)
{
    if (strcmp(v, "auto") == 0)
        *w = WHEN_AUTO;
    else if (strcmp(v, "always") == 0)
        *w = WHEN_ALWAYS;
    else if (strcmp(v, "never") == 0)
        *w = WHEN_NEVER;
    else
        return -1;
    return 0;
}

static int apply(const struct opt_def *d, const char *v, struct options *o, struct strbuf *err)
{
    switch (d->id) {
    case OPT_OUTPUT:
        if (out_format_parse(v) < 0)
            goto bad_value;
        settings_set(&o->show, "format", v, err);
        break;
    case OPT_TZ: {
        struct strbuf why = STRBUF_INIT;
        int rc = settings_set(&o->show, "tz", v, &why);
        if (rc < 0)
            sb_printf(err, "invalid --tz: %s", sb_str(&why));
        sb_free(&why);
        if (rc < 0)
            return -1;
        break;
    }
    case OPT_TIME_FORMAT:
        if (settings_set(&o->show, "time-format", v, NULL) < 0)
            goto bad_value;
        break;
    case OPT_NO_PAGER:
        o->show.pager = false;
        break;
    case OPT_CHART:
        o->show.chart = true;
        break;
    case OPT_FILE:
        o->query_file = v;
        break;
    case OPT_START:
        o->start = v;
        break;
    case OPT_END:
        o->end = v;
        break;
    case OPT_TYPE:
        o->type = input_type_parse(v);
        if (o->type == IT_UNKNOWN)
            goto bad_value;
        break;
    case OPT_DB:
        o->db = v;
        break;
    case OPT_EXPLAIN:
        o->explain = true;
        break;
    case OPT_FIELDS:
        o->fields = true;
        break;
    case OPT_FILES:
        o->files = true;
        break;
    case OPT_SQL:
        o->sql = trino_target_parse(v);
        if (o->sql < 0)
            goto bad_value;
        break;
    case OPT_SQL_TABLE:
        o->sql_table = v;
        break;
    case OPT_SQL_APPROX:
        o->sql_approx = true;
        break;
    case OPT_DDL:
        o->ddl = v;
        break;
    case OPT_COLOR:
        if (parse_when(v, &o->color))
            goto bad_value;
        break;
    case OPT_PROGRESS:
        if (parse_when(v, &o->progress))
            goto bad_value;
        break;
    case OPT_HELP:
        o->help = true;
        break;
    case OPT_VERSION:
        o->version = true;
        break;
    case OPT_LOOKUP:
        o->lookups = xgrow(o->lookups, &o->cap_lookups, o->n_lookups + 1, sizeof *o->lookups);
        o->lookups[o->n_lookups++] = v;
        break;
    }
    return 0;
bad_value:
    sb_printf(err, "invalid value '%s' for --%s (expected one of: %s)", v, d->long_name,
              d->values);
    return -1;
}

static bool is_existing_path(const char *s)
{
    struct stat st;
    return strcmp(s, "-") == 0 || stat(s, &st) == 0;
}

int options_parse(int argc, char **argv, struct options *o, struct strbuf *err)
{
    *o = (struct options){.type = IT_AUTO, .sql = -1};
    settings_init(&o->show);
    char **operands = xcalloc((size_t)argc + 1, sizeof *operands);
    size_t n_ops = 0;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            operands[n_ops++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = true;
            continue;
        }
        const struct opt_def *d;
        const char *value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            d = find_long(name, eq ? (size_t)(eq - name) : strlen(name));
            if (!d) {
                sb_printf(err, "unknown option '%s'", a);
                goto fail;
            }
            if (eq) {
                if (!d->arg) {
                    sb_printf(err, "option '--%s' takes no value", d->long_name);
                    goto fail;
                }
                value = eq + 1;
            }
        } else {
            d = find_short(a[1]);
            if (!d) {
                sb_printf(err, "unknown option '-%c'", a[1]);
                goto fail;
            }
            if (a[2]) {
                if (!d->arg) {
                    sb_printf(err, "option '-%c' takes no value", a[1]);
                    goto fail;
                }
                value = a + 2;
            }
        }
        if (d->arg && !value) {
            if (i + 1 >= argc) {
                sb_printf(err, "option '--%s' needs a value (%s)", d->long_name, d->arg);
                goto fail;
            }
            value = argv[++i];
        }
        if (apply(d, value, o, err))
            goto fail;
    }
    size_t first_path = 0;
    if (!o->query_file && !o->fields && !o->files && !o->help && !o->version && !o->ddl &&
        n_ops > 0 &&
        !is_existing_path(operands[0])) {
        o->query = operands[0];
        first_path = 1;
    }
    o->n_paths = n_ops - first_path;
    o->paths = xcalloc(o->n_paths + 1, sizeof *o->paths);
    for (size_t k = 0; k < o->n_paths; k++)
        o->paths[k] = operands[first_path + k];
    free(operands);
    return 0;
fail:
    free(operands);
    free(o->lookups);
    o->lookups = NULL;
    return -1;
}

bool options_color(const struct options *o, int fd)
{
    return o->color == WHEN_ALWAYS ||
           (o->color == WHEN_AUTO && term_is(fd) && !term_no_color());
}

void options_free(struct options *o)
{
    free(o->paths);
    o->paths = NULL;
    settings_free(&o->show);
    free(o->lookups);
    o->lookups = NULL;
}

void options_help(FILE *fp)
{
    fputs("usage: trailq [OPTIONS] QUERY [PATH ...]\n"
          "       trailq [OPTIONS] -f QUERYFILE [PATH ...]\n"
          "       trailq [OPTIONS] [PATH ...]          (interactive, when stdin is a terminal)\n"
          "       trailq --sql athena|lake [OPTIONS] QUERY    (print it as Trino SQL; run nothing)\n"
          "\n"
          "Search CloudTrail and CloudWatch-style logs with the CloudWatch Logs Insights\n"
          "query language. PATH is a file, a directory (read recursively) or - for\n"
          "standard input; .gz is detected by content.\n"
          "\n"
          "Options:\n",
          fp);
    for (size_t i = 0; i < opt_count; i++) {
        const struct opt_def *d = &opt_table[i];
        char left[64];
        if (d->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", d->short_name, d->long_name,
                     d->arg ? " " : "", d->arg ? d->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", d->long_name, d->arg ? " " : "",
                     d->arg ? d->arg : "");
        fprintf(fp, "  %-24s %s\n", left, d->help);
        if (d->values)
            fprintf(fp, "  %-24s   (%s)\n", "", d->values);
    }
    fputs("\nInteractive mode (Tab completes; Ctrl-C drops the query being typed):\n ", fp);
    size_t col = 1;
    for (size_t i = 0; i < n_dot_cmds; i++) {
        size_t w = strlen(dot_cmds[i].name) + 1;
        if (col + w > 78) {
            fputs("\n ", fp);
            col = 1;
        }
        fprintf(fp, " %s", dot_cmds[i].name);
        col += w;
    }
    fputs("\n"
          "\n"
          "Examples:\n"
          "  trailq 'filter errorCode like /AccessDenied/ | stats count(*) by userIdentity.arn' AWSLogs/\n"
          "  trailq -o jsonl 'fields @timestamp, eventName | sort @timestamp desc | limit 5' trail.json.gz\n"
          "\n"
          "Exit status: 0 success, 1 some input could not be read, 2 bad command line or\n"
          "query, 3 nothing could be done. The full reference is trailq(1).\n",
          fp);
}
