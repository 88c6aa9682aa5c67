/*
 * diag.c — bounded list of input problems (see diag.h).
 */
#include "parsers/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"

void diag_init(struct diag_list *dl, const char *path)
{
    *dl = (struct diag_list){0};
    dl->path = xstrdup(path ? path : "-");
}

void diag_add(struct diag_list *dl, enum diag_level level, long line, const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        dl->n_errors++;
    if (dl->n_items >= DIAG_KEEP) {
        dl->n_dropped++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    dl->items = xgrow(dl->items, &dl->cap_items, dl->n_items + 1, sizeof *dl->items);
    dl->items[dl->n_items++] = (struct diag){level, line, msg};
}

void diag_list_free(struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n_items; i++)
        free(dl->items[i].msg);
    free(dl->items);
    free(dl->path);
    *dl = (struct diag_list){0};
}

const char *diag_char(unsigned char c, char buf[16])
{
    if (c >= 0x20 && c < 0x7f)
        snprintf(buf, 16, "'%c'", c);
    else
        snprintf(buf, 16, "byte 0x%02x", c);
    return buf;
}
