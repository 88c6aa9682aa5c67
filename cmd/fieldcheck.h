/*
 * fieldcheck.h — a warning for a field the query reads that no event has,
 * when the logs have one of a near name (trailq(1), DIAGNOSTICS):
 *
 *     trailq: warning at 1:8: no event has the field 'eventname' (did you mean eventName?)
 *       filter eventname = "ConsoleLogin"
 *              ^^^^^^^^^
 *
 * The query still runs. "Near" is base/strdist.h's rule: the same name in
 * other case, or a few edits away; an object counts by its path
 * (useridentity for userIdentity.arn's parent). A field no event has with
 * no near name is no mistake worth a word (errorCode in logs without
 * errors).
 *
 * The check runs where the compiled query meets the store's field
 * catalogue: the query's raw fields (compile_result.raw_fields) against
 * it. An index that holds every field (the interactive mode, --db) is its
 * own list of names. A one-shot index holds only the fields the query
 * reads, of only the events its filters and time range kept; so the names
 * come from reading the first events of the inputs again, with every
 * field (FIELDCHECK_SAMPLE_EVENTS at most, their problems not reported
 * twice), and a field is missing when neither has it.
 */
#ifndef TRAILQ_FIELDCHECK_H
#define TRAILQ_FIELDCHECK_H

#include <stddef.h>

#include "cmd/walk.h"
#include "index/store.h"
#include "parsers/reader.h"

enum { FIELDCHECK_SAMPLE_EVENTS = 20000 };

/* An index with every field: warn about the fields (the query text[0..len)
 * reads them) that it lacks. Returns the number of warnings. */
size_t fieldcheck_store(struct store *st, const char *text, size_t len, const char *const *fields,
                        size_t n_fields);

/* A one-shot index: the same, with the names of the first events of files
 * (read as type, IT_AUTO to detect). Returns the number of warnings. */
size_t fieldcheck_sampled(struct store *st, const struct file_list *files, enum input_type type,
                          const char *text, size_t len, const char *const *fields,
                          size_t n_fields);

/* A field name as a query writes it: segments that are not bare names in
 * backquotes (`odd-key`). New string. */
char *fieldcheck_query_name(const char *name);

#endif
