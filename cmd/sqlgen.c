/*
 * sqlgen.c — trailq --sql (see sqlgen.h; trailq(1), SQL FOR ATHENA AND
 * CLOUDTRAIL LAKE). The translation is query/trino.c's; this file checks
 * the options that go with it, prints the statement on stdout and the
 * errors on stderr.
 */
#include "cmd/sqlgen.h"

#include <stdio.h>
#include <string.h>

#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "query/parser.h"
#include "query/trino.h"


bool sqlgen_wanted(const struct options *o)
{
    return o->sql >= 0 || o->sql_table || o->sql_approx || o->ddl;
}

static int usage(const char *msg)
{
    errorf("%s", msg);
    msg_try_help();
    return EXIT_USAGE;
}

int sqlgen_run(const struct options *o, const char *query_text, const struct compile_opts *co)
{
    if (o->sql < 0)
        return usage("--sql-table, --sql-approx and --ddl go with --sql athena or --sql lake");
    if (o->ddl && (query_text || o->n_paths > 0))
        return usage("--ddl prints the table and takes no query");
    if (o->n_paths > 0)
        return usage("--sql prints SQL and reads no input: give the query and no PATH");
    if (o->db || o->explain || o->fields || o->files)
        return usage("--sql cannot be combined with --db, --explain, --fields or --files");
    if (o->sql_table && !trino_table_name_ok(o->sql_table)) {
        errorf("invalid --sql-table '%s' (letters, digits, '_', '-' and '.' only)", o->sql_table);
        return EXIT_USAGE;
    }
    struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
    if (o->ddl) {
        if (o->sql != SQL_ATHENA)
            return usage("--ddl is for --sql athena (a CloudTrail Lake event data store has "
                         "its schema already)");
        if (trino_ddl(o->ddl, o->sql_table, &out, &err)) {
            errorf("%s", sb_str(&err));
            sb_free(&err);
            sb_free(&out);
            return EXIT_USAGE;
        }
        fputs(sb_str(&out), stdout);
        sb_free(&out);
        return EXIT_OK;
    }
    if (!query_text)
        return usage("--sql needs a query");
    if (o->sql == SQL_LAKE && !o->sql_table)
        return usage("--sql lake needs --sql-table EVENT_DATA_STORE_ID");
    struct qerror qe = {0};
    struct query *q = query_parse(query_text, strlen(query_text), &qe);
    struct trino_opts to = {.target = (enum sql_target)o->sql, .table = o->sql_table,
                            .approx = o->sql_approx};
    if (!q || trino_compile(q, co, &to, &out, &qe)) {
        struct strbuf sb = STRBUF_INIT;
        qerror_render(&qe, query_text, strlen(query_text), &sb);
        msg_raw(sb_str(&sb));
        sb_free(&sb);
        sb_free(&out);
        if (q)
            query_free(q);
        return EXIT_USAGE;
    }
    fputs(sb_str(&out), stdout);
    fputc('\n', stdout);
    sb_free(&out);
    query_free(q);
    return EXIT_OK;
}
