/*
 * overflow.h — the per-event blob holding fields that have no column.
 *
 * Encoding, entry after entry (no header):
 *     varint field_id, kind byte (enum fv_kind), payload
 * where the payload is: FV_STR / FV_JSON: varint length + bytes;
 * FV_INT: 8 bytes little-endian; FV_REAL: 8 bytes (IEEE-754, little-endian);
 * FV_BOOL: 1 byte (0/1). Varints are LEB128 (7 bits per byte, low first).
 *
 * The SQL function tq_xf(ov, field_id) returns the field's value (TEXT,
 * INTEGER, REAL; booleans as TEXT 'true'/'false', like promoted columns)
 * or NULL. It is registered on the index connection by store_open().
 */
#ifndef TRAILQ_OVERFLOW_H
#define TRAILQ_OVERFLOW_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "index/record.h"
#include "base/strbuf.h"

void overflow_append(struct strbuf *ov, int64_t field_id, const struct rec_batch *b,
                     const struct rec_field *f);
int overflow_register(sqlite3 *db);
/* Call fn for the field id of every entry of a blob (removing a source
 * takes its events out of the catalogue's counts). Returns 0, or -1 on a
 * malformed blob. */
int overflow_each_id(const void *blob, size_t n, void (*fn)(void *arg, int64_t id), void *arg);

#endif
