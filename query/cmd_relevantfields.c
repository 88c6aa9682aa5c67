/*
 * cmd_relevantfields.c — compiling `relevantfields [field, ...] where
 * condition` (trailq(1), QUERY LANGUAGE; docs/language.md#the-data-commands).
 *
 * For each field, the aggregate tq_relevance (sqlfn_cmds.c) compares its
 * values in the rows where the condition holds with the others and scores
 * how differently they are spread (0 to 1). One row per field: @fieldName,
 * @relevanceScore, @topRelevanceContributors (the values whose share moved
 * most, for fields that are not numbers), @conditionalMedian and
 * @baselineMedian (for numbers); highest score first, then by name.
 * Without a list: the RELEVANT_MAX_FIELDS event fields present in the
 * most events (or every field after stats). Afterwards only these fields
 * exist.
 *
 * SQL: a CTE marks each row with the condition (1/0); then one SELECT per
 * group of up to RELEVANT_PER_SELECT fields (SQLite caps a function's
 * arguments) puts the fields' JSON results in an array, and json_each
 * turns the arrays into rows.
 */
#include <stdlib.h>
#include <string.h>

#include "query/compile_int.h"

enum { RELEVANT_MAX_FIELDS = 200, RELEVANT_PER_SELECT = 100 };

static int by_events(const void *a, const void *b)
{
    const struct store_field *x = *(const struct store_field *const *)a;
    const struct store_field *y = *(const struct store_field *const *)b;
    if (x->n_events != y->n_events)
        return x->n_events > y->n_events ? -1 : 1;
    return strcmp(x->name, y->name);
}

int cmd_relevantfields(struct cctx *c, struct walk *w, const struct command *cmd)
{
    const char **names = NULL;
    size_t n = 0, cap = 0;
    if (cmd->n_dedup) {
        for (size_t i = 0; i < cmd->n_dedup; i++) {
            names = arena_grow(c->a, names, &cap, n + 1, sizeof *names);
            names[n++] = cmd->dedup[i]->name;
        }
    } else if (!c->raw_scope) {
        for (size_t i = 0; i < c->n_syms; i++) {
            names = arena_grow(c->a, names, &cap, n + 1, sizeof *names);
            names[n++] = c->syms[i].name;
        }
    } else if (!c->store) {
        c->want_all_fields = true; /* the analysis before loading: load them all */
    } else {
        size_t nf = store_n_fields(c->store);
        const struct store_field **f = arena_alloc(c->a, (nf ? nf : 1) * sizeof *f);
        size_t k = 0;
        for (size_t i = 0; i < nf; i++) {
            const struct store_field *sf = store_field_at(c->store, i);
            if (sf && sf->name[0] != '@')
                f[k++] = sf;
        }
        qsort(f, k, sizeof *f, by_events);
        for (size_t i = 0; i < k && i < RELEVANT_MAX_FIELDS; i++) {
            names = arena_grow(c->a, names, &cap, n + 1, sizeof *names);
            names[n++] = arena_strdup(c->a, f[i]->name);
        }
    }
    const char *cond;
    if (cx_cond(c, cmd->cond, true, &cond))
        return -1;
    const char *mark = arena_printf(c->a, "_rc%d", c->next_col + 1);
    cc_add_stage(c, w, arena_printf(c->a, "SELECT *, %s AS %s FROM %s", cond, mark, cc_prev(c, w)));
    const char *marked = cc_prev(c, w);
    struct strbuf sel = STRBUF_INIT;
    for (size_t i = 0; i < n; i += RELEVANT_PER_SELECT) {
        sb_puts(&sel, i ? " UNION ALL SELECT json_array(" : "SELECT json_array(");
        for (size_t k = i; k < n && k < i + RELEVANT_PER_SELECT; k++) {
            struct cexpr v;
            struct span at = cmd->n_dedup ? cmd->dedup[k]->span : cmd->kw_span;
            if (cx_field(c, names[k], at, &v)) {
                sb_free(&sel);
                return -1;
            }
            sb_printf(&sel, "%sjson_object('n', %s, 'r', json(tq_relevance(%s, %s)))",
                      k > i ? ", " : "", cx_quote(c, names[k]), v.sql, mark);
        }
        sb_printf(&sel, ") AS _ra FROM %s", marked);
    }
    if (n == 0)
        sb_printf(&sel, "SELECT '[]' AS _ra");
    cc_add_stage(c, w, arena_strdup(c->a, sb_str(&sel)));
    sb_free(&sel);
    const char *arrays = cc_prev(c, w);
    static const struct {
        const char *name, *path;
        enum vtype type;
    } fields[] = {
        {"@fieldName", "$.n", VT_STR},
        {"@relevanceScore", "$.r.score", VT_NUM},
        {"@topRelevanceContributors", "$.r.top", VT_STR},
        {"@conditionalMedian", "$.r.cond", VT_NUM},
        {"@baselineMedian", "$.r.base", VT_NUM},
    };
    enum { N = sizeof fields / sizeof fields[0] };
    struct sym syms[N];
    struct plist out = {0};
    struct strbuf cols = STRBUF_INIT;
    const char *score = NULL, *fname = NULL;
    for (size_t i = 0; i < N; i++) {
        const char *col = cc_new_col(c);
        sb_printf(&cols, "%sjson_extract(j.value, '%s') AS %s", i ? ", " : "", fields[i].path, col);
        syms[i] = (struct sym){.name = fields[i].name, .col = col, .type = fields[i].type,
                               .ephemeral = true, .def = cmd->kw_span};
        cc_plist_add(c, &out, fields[i].name, col, fields[i].type, NULL);
        if (i == 0)
            fname = col;
        if (i == 1)
            score = col;
    }
    cc_add_stage(c, w,
                 arena_printf(c->a, "SELECT %s FROM %s, json_each(%s._ra) AS j", sb_str(&cols),
                              arrays, arrays));
    sb_free(&cols);
    cc_result_scope(c, w, "relevantfields", syms, N, &out,
                    arena_printf(c->a, "%s, %s", cc_order_terms(c, score, VT_NUM, true),
                                 cc_order_terms(c, fname, VT_STR, false)));
    return 0;
}
