/*
 * sysfield.h — the system fields every event has, named once.
 *
 * The query language names them with an '@' (docs/language.md, "Fields and
 * values"; man page, "Fields"). The store keeps them in columns of their
 * own, not in the field catalogue of store.h:
 *
 *   @timestamp      events.ts                          a time
 *   @message        raw.msg                            text
 *   @log            sources.path                       text
 *   @logStream      events.stream, else sources.base   text
 *   @ptr            sources.path ':' events.seq        text
 *   @ingestionTime  events.ingest                      a time
 *
 * A log's own key that starts with '@' is exposed with one more '@'
 * (flatten.c), so no input field can take one of these names.
 */
#ifndef TRAILQ_SYSFIELD_H
#define TRAILQ_SYSFIELD_H

#include <stdbool.h>

enum sys_field {
    SYSF_NONE = -1, /* not a system field */
    SYSF_TIMESTAMP,
    SYSF_MESSAGE,
    SYSF_LOG,
    SYSF_LOG_STREAM,
    SYSF_PTR,
    SYSF_INGESTION_TIME,
    SYSF_COUNT
};

struct sys_field_def {
    const char *name; /* "@timestamp", ... */
    bool is_time;     /* a time in ms since the epoch (else text) */
};

/* The system fields in the order of enum sys_field, the order in which
 * the field list and the REPL's completion show them. */
extern const struct sys_field_def sys_fields[SYSF_COUNT];

/* The system field called name, or SYSF_NONE. */
enum sys_field sys_field_find(const char *name);

#endif
