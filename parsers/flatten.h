/*
 * flatten.h — a parsed JSON event (jansson) to the fields of a record.
 *
 * Every leaf becomes a field named by its dotted path; array elements are
 * numeric segments, 0-based (docs/language.md#fields-and-values); a name that would start with '@'
 * gets a second '@' ("@version" is "@@version", as in Insights). Strings, integers, reals and
 * booleans keep their kind; null is missing (no field). With a plan that
 * does not keep every field, only the named fields are added, and a name
 * that is an object or array is added as one FV_JSON field holding that
 * subtree as compact JSON (jdom_dump: reals in their shortest round-trip
 * form). `value` comes from jdom_load (base/jsondom.h): a number kept as
 * its text there is added as a string field holding that text.
 *
 * `prefix` (may be NULL or "") is put in front of every name, with a dot.
 */
#ifndef TRAILQ_FLATTEN_H
#define TRAILQ_FLATTEN_H

#include <jansson.h>

#include "parsers/plan.h"
#include "index/record.h"

void flatten_json(struct rec_batch *b, const json_t *value, const char *prefix,
                  const struct ingest_plan *plan);

#endif
