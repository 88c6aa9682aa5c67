/*
 * operands.c — mistakes in the order and kind of the operands (see
 * operands.h).
 */
#include "cmd/operands.h"

#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/msgs.h"
#include "query/parser.h"
#include "query/qerror.h"

static bool exists(const char *path)
{
    struct stat st;
    return strcmp(path, "-") == 0 || stat(path, &st) == 0;
}

static bool parses_as_query(const char *text)
{
    struct qerror qe = {0};
    struct query *q = query_parse(text, strlen(text), &qe);
    bool ok = q != NULL;
    if (q)
        query_free(q);
    return ok;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

/* A slash, a leading . or ~, or the extension of a log file; and no
 * blank or pipe, which a path rarely has and a query nearly always. */
static bool looks_like_path(const char *s)
{
    static const char *const extensions[] = {".json", ".jsonl", ".ndjson", ".gz",
                                              ".log",  ".txt",   ".csv"};
    if (strpbrk(s, " \t\n|"))
        return false;
    if (strchr(s, '/') || s[0] == '.' || s[0] == '~')
        return true;
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
        if (ends_with(s, extensions[i]))
            return true;
    return false;
}

int operands_check(const struct options *o)
{
    if (o->ddl)
        return 0; /* --ddl takes no operand at all: sqlgen says so */
    for (size_t k = 0; k < o->n_paths; k++) {
        const char *p = o->paths[k];
        if (exists(p) || !parses_as_query(p))
            continue;
        if (o->query_file)
            errorf("'%s' is a query, but -f %s gives the query: the operands are paths", p,
                   o->query_file);
        else if (o->fields || o->files)
            errorf("'%s' is a query, but --%s takes none: the operands are paths", p,
                   o->fields ? "fields" : "files");
        else if (k == 0)
            errorf("'%s' is a second query: give one query, then paths", p);
        else
            errorf("queries go before paths: '%s' comes after %s (trailq 'QUERY' PATH...)", p,
                   o->paths[k - 1]);
        return -1;
    }
    if (o->query && !o->query_file && !parses_as_query(o->query) && looks_like_path(o->query)) {
        errorf("no such file: %s", o->query);
        return -1;
    }
    return 0;
}
