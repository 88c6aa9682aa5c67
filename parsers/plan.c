/*
 * plan.c — checks parsers make against an ingest_plan (see plan.h).
 */
#include "parsers/plan.h"

#include <string.h>

#include "base/timeval.h"

void plan_init_all(struct ingest_plan *p)
{
    *p = (struct ingest_plan){0};
    p->all_fields = true;
    p->keep_message = true;
}

bool plan_wants_field(const struct ingest_plan *p, const char *path, size_t len)
{
    if (p->all_fields)
        return true;
    for (size_t i = 0; i < p->n_fields; i++) {
        const char *f = p->fields[i];
        if (strlen(f) == len && memcmp(f, path, len) == 0)
            return true;
    }
    return false;
}

bool plan_wants_below(const struct ingest_plan *p, const char *path, size_t len)
{
    if (p->all_fields)
        return true;
    for (size_t i = 0; i < p->n_fields; i++) {
        const char *f = p->fields[i];
        size_t fl = strlen(f);
        if (fl > len && f[len] == '.' && memcmp(f, path, len) == 0)
            return true;
    }
    return false;
}

bool plan_may_match(const struct ingest_plan *p, const char *raw, size_t len)
{
    if (p->n_groups == 0)
        return true;
    int escapes = -1; /* unknown yet */
    for (size_t g = 0; g < p->n_groups; g++) {
        const struct plan_group *grp = &p->groups[g];
        bool found = false;
        for (size_t i = 0; i < grp->n_lits && !found; i++)
            found = memmem(raw, len, grp->lits[i], strlen(grp->lits[i])) != NULL;
        if (found)
            continue;
        if (escapes < 0)
            escapes = memmem(raw, len, "\\u", 2) != NULL || memmem(raw, len, "\\/", 2) != NULL;
        if (!escapes)
            return false;
    }
    return true;
}

bool plan_in_range(const struct ingest_plan *p, int64_t ts_ms)
{
    if (!p->has_range)
        return true;
    if (ts_ms == TS_NONE)
        return false;
    return ts_ms >= p->start_ms && ts_ms < p->end_ms;
}
