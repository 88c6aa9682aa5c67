/*
 * subtree.c — tq_subtree(msg, path) (see subtree.h).
 */
#include "index/subtree.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsondom.h"

static const json_t *step(const json_t *node, const char *seg, size_t len)
{
    if (json_is_object(node)) {
        return json_object_getn(node, seg, len);
    }
    if (json_is_array(node)) {
        size_t idx = 0;
        if (len == 0)
            return NULL;
        for (size_t i = 0; i < len; i++) {
            if (seg[i] < '0' || seg[i] > '9' || idx > 100000000)
                return NULL;
            idx = idx * 10 + (size_t)(seg[i] - '0');
        }
        return json_array_get(node, idx);
    }
    return NULL;
}

static void fn_subtree(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT || sqlite3_value_type(argv[1]) != SQLITE_TEXT)
        return;
    const char *msg = (const char *)sqlite3_value_text(argv[0]);
    size_t msg_len = (size_t)sqlite3_value_bytes(argv[0]);
    const char *path = (const char *)sqlite3_value_text(argv[1]);
    json_t *root = jdom_load(msg, msg_len, 0, NULL);
    size_t at;
    if (!root) /* a Lambda line's "Received event {...}", as ingest read it */
        root = jdom_first_object(msg, msg_len, &at);
    if (!root)
        return;
    const json_t *node = root;
    const char *p = path;
    /* a log's own top-level "@x" is the field "@@x" (parsers/flatten.c) */
    if (p[0] == '@' && p[1] == '@')
        p++;
    while (node && *p) {
        const char *dot = strchr(p, '.');
        size_t len = dot ? (size_t)(dot - p) : strlen(p);
        node = step(node, p, len);
        p += len + (dot ? 1 : 0);
    }
    if (node && !json_is_null(node)) {
        /* a string as it is; anything else as JSON text (a number kept as
         * text as written) */
        size_t len;
        const char *s = jdom_string(node, &len);
        struct strbuf text = STRBUF_INIT;
        if (!s) {
            jdom_dump(&text, node);
            s = text.buf;
            len = text.len;
        }
        sqlite3_result_text(ctx, s ? s : "", (int)len, SQLITE_TRANSIENT);
        sb_free(&text);
    }
    json_decref(root);
}

int subtree_register(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "tq_subtree", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      fn_subtree, NULL, NULL, NULL);
}
