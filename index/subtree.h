/*
 * subtree.h — a whole object or array of a stored JSON event, by path.
 *
 * A full index stores leaves only; when a query names an object such as
 * `userIdentity`, the SQL function tq_subtree(msg, 'userIdentity') takes it
 * from @message and returns it as compact JSON text with keys in their
 * original order, written by jdom_dump (base/jsondom.h) (NULL if the path is absent or a leaf is null). Path
 * segments are matched as object keys, or as 0-based indexes in arrays,
 * exactly as fields are named at ingest (docs/language.md#fields-and-values).
 * A message that is not JSON as a whole is searched for the JSON object
 * in it that ingest read fields from (a Lambda line's "Received event {...}").
 */
#ifndef TRAILQ_SUBTREE_H
#define TRAILQ_SUBTREE_H

#include <sqlite3.h>

int subtree_register(sqlite3 *db);

#endif
