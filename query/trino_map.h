/*
 * trino_map.h — the CloudTrail tables of Athena and CloudTrail Lake, as
 * trees of the fields Insights names (trailq(1), SQL FOR ATHENA AND
 * CLOUDTRAIL LAKE, has the mapping table).
 *
 * Each node maps one CloudTrail key, spelled as in the event (the name an
 * Insights query uses: userIdentity.sessionContext.sessionIssuer.userName)
 * to its SQL name and kind. The Athena tree is the table of the Athena
 * documentation's partition-projection DDL (trino_ddl() prints it from this
 * tree); the Lake tree is the documented schema of a CloudTrail event data
 * store. Data only; trino.c walks it.
 */
#ifndef TRAILQ_TRINO_MAP_H
#define TRAILQ_TRINO_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "query/trino.h"

enum tnode_kind {
    TN_STRING,  /* varchar */
    TN_BOOL,    /* boolean: compared and shown as the text true / false, as in the event */
    TN_TIME,    /* timestamp: shown in CloudTrail's text form 2023-07-10T12:25:08Z */
    TN_STRUCT,  /* a row; kids are its fields */
    TN_ARRAY,   /* an array of rows; kids are the row's fields */
    TN_MAP,     /* map(varchar, varchar): a key below is a lookup */
    TN_JSON,    /* varchar holding JSON text: a path below is json_extract_scalar */
    TN_JSONMAP, /* map(varchar, varchar) whose values may be JSON text (Lake's
                   requestParameters): a key, then a JSON path */
};

struct tnode {
    const char *name;         /* CloudTrail's spelling, as Insights names it */
    const char *col;          /* the SQL column or field name */
    enum tnode_kind kind;
    const struct tnode *kids; /* TN_STRUCT, TN_ARRAY */
    size_t n_kids;
};

struct tschema {
    const char *what;         /* "the Athena CloudTrail table", for messages */
    const struct tnode *top;  /* the columns */
    size_t n_top;
};

const struct tschema *tschema_for(enum sql_target target);

/* The child of kids named name[0..len): exactly (case-sensitive, as trailq
 * matches keys), or NULL. */
const struct tnode *tnode_child(const struct tnode *kids, size_t n, const char *name, size_t len);
/* The same ignoring case, for "did you mean" in errors. */
const struct tnode *tnode_child_nocase(const struct tnode *kids, size_t n, const char *name,
                                       size_t len);

/* The Hive type of a node as the DDL writes it (STRING, STRUCT<...>, ...). */
void tnode_hive_type(const struct tnode *n, struct strbuf *out);

/* The AWS regions listed in the DDL's region projection. */
extern const char *const trino_regions[];
extern const size_t n_trino_regions;

#endif
