/*
 * ctname.c — the delivery time in a CloudTrail S3 object name, and what it
 * rules out (see ctname.h).
 */
#include "parsers/ctname.h"

#include <stdio.h>
#include <string.h>

#include "base/chars.h"
#include "base/timeval.h"

int64_t ct_delivery_time(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *ct = strstr(base, "_CloudTrail_");
    if (!ct)
        return TS_NONE;
    for (const char *p = ct; (p = strchr(p + 1, '_')) != NULL;) {
        /* _YYYYMMDDTHHMMZ_ */
        const char *t = p + 1;
        bool ok = strlen(t) >= 15 && t[8] == 'T' && t[13] == 'Z' && t[14] == '_';
        for (int i = 0; ok && i < 13; i++)
            if (i != 8 && !ch_is_digit((unsigned char)t[i]))
                ok = false;
        if (!ok)
            continue;
        char iso[32];
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2sT%.2s:%.2sZ", t, t + 4, t + 6, t + 9, t + 11);
        int64_t ms;
        if (tv_parse_iso8601(iso, strlen(iso), &ms))
            return ms;
    }
    return TS_NONE;
}

bool ct_name_may_hold(const char *path, int64_t start_ms, int64_t end_ms)
{
    (void)end_ms; /* a late delivery can hold events from before end_ms */
    int64_t delivered = ct_delivery_time(path);
    return delivered == TS_NONE || start_ms < INT64_MIN + CT_NAME_MARGIN_MS ||
           delivered >= start_ms - CT_NAME_MARGIN_MS;
}
