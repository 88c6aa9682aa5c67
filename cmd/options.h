/*
 * options.h — the command line: one table of options, and the parser.
 *
 * The table (opt_table) is the single source for argument parsing,
 * `--help`, and the checks in tests that the man page and the shell
 * completions list the same options.
 */
#ifndef TRAILQ_OPTIONS_H
#define TRAILQ_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/strbuf.h"
#include "cmd/settings.h"
#include "parsers/reader.h"

enum opt_id {
    OPT_OUTPUT, OPT_FILE, OPT_START, OPT_END, OPT_TYPE, OPT_DB, OPT_EXPLAIN, OPT_FIELDS, OPT_FILES,
    OPT_SQL, OPT_SQL_TABLE, OPT_SQL_APPROX, OPT_DDL, OPT_TZ, OPT_TIME_FORMAT,
    OPT_CHART, OPT_NO_PAGER, OPT_COLOR, OPT_PROGRESS, OPT_HELP, OPT_VERSION,
    OPT_LOOKUP,
};

struct opt_def {
    enum opt_id id;
    const char *long_name;  /* without the dashes */
    char short_name;        /* 0 if none */
    const char *arg;        /* argument name for help, NULL for a flag */
    const char *values;     /* the allowed values, space-separated, or NULL */
    const char *help;       /* one line */
};

extern const struct opt_def opt_table[];
extern const size_t opt_count;

enum when { WHEN_AUTO, WHEN_ALWAYS, WHEN_NEVER };

struct options {
    const char *query;        /* the query text (from argv or -f) */
    const char *query_file;   /* -f */
    char **paths;             /* inputs, as given */
    size_t n_paths;
    struct settings show;     /* -o, --tz, --time-format, --chart, --no-pager (owned) */
    const char *start, *end;  /* --start / --end as given */
    enum input_type type;     /* -t; IT_AUTO by default */
    const char *db;           /* --db */
    bool explain, fields, files, help, version;
    int sql;                  /* --sql: enum sql_target (query/trino.h), or -1 */
    const char *sql_table;    /* --sql-table */
    bool sql_approx;          /* --sql-approx */
    const char *ddl;          /* --ddl S3URI */
    const char **lookups;     /* --lookup NAME=FILE, as given, in order (pointers into argv) */
    size_t n_lookups, cap_lookups;
    enum when color, progress;
};

/* Returns 0, or -1 with a usage message in err. paths points into argv. */
int options_parse(int argc, char **argv, struct options *o, struct strbuf *err);
void options_help(FILE *fp);
/* --color: whether what is written to fd gets colour (auto: fd is a
 * terminal and $NO_COLOR is not set). */
bool options_color(const struct options *o, int fd);
void options_free(struct options *o);

#endif
