/*
 * lookup.h — the lookup tables of `--lookup NAME=FILE` (and the REPL's
 * `.lookup NAME FILE`), for the lookup and cidrlookup commands.
 *
 * A table is read once, whole, into memory: a CSV file with a header row
 * (RFC 4180: quoted fields may hold commas, quotes doubled, newlines), or
 * JSON lines (one object a line; the columns are the keys in the order
 * they first appear; strings as they are, other scalars as JSON text,
 * objects and arrays as compact JSON, null missing). An empty cell is a
 * missing value. The content decides: a file whose first character is
 * '{' is JSON lines. Problems are reported as "FILE:LINE: message".
 *
 * Before a query runs, lookup_install copies every table not yet copied
 * into a temporary table of the index's connection (lk1, lk2, ... one per file read; every
 * column TEXT, with an index, rows in file order), and the compiler reads
 * the names and columns from set->tables (query/compile.h).
 *
 * Ownership: the set owns everything in it; lookup_free releases it.
 */
#ifndef TRAILQ_LOOKUP_H
#define TRAILQ_LOOKUP_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "query/compile.h"

struct lookup_rows;

struct lookup_set {
    struct lookup_table *tables;   /* what the compiler sees */
    struct lookup_rows *rows;      /* the cells, per table */
    bool *installed;               /* copied into the connection already */
    size_t n, cap;
    size_t serial;                 /* tables read so far: names lk1, lk2, ... */
};

/* Read NAME=FILE into the set (a table of the same name is replaced).
 * Returns 0, or -1 with a message in err. */
int lookup_add(struct lookup_set *set, const char *spec, struct strbuf *err);

/* Read FILE as table NAME. */
int lookup_add_file(struct lookup_set *set, const char *name, const char *path,
                    struct strbuf *err);

/* A new connection to the index (its temporary tables are gone): the next
 * lookup_install copies every table again. */
void lookup_connection_changed(struct lookup_set *set);

/* Copy the tables not yet copied into db. Returns 0, or -1 with err set. */
int lookup_install(struct lookup_set *set, sqlite3 *db, struct strbuf *err);

void lookup_free(struct lookup_set *set);

#endif
