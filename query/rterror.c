/*
 * rterror.c — errors that come back while the compiled SQL runs, said
 * about the query (see compile_runtime_error() in compile.h).
 *
 * The SQL functions cannot know where in the query they were written; the
 * compiler can. A regex that fails while matching (too slow, too much
 * backtracking, out of memory: regex.h) fails the statement with
 * "regex: <why> in /<pattern>/" (rterror.h); the compiler kept every place the SQL
 * runs a regex (struct regex_site), so the error is put back at the
 * pattern as the user wrote it, with the field it searched:
 *
 *     trailq: query error at 1:20: regex /(a|a)+$/ on m: too slow (...)
 *       filter m like /(a|a)+$/
 *                     ^^^^^^^^^
 *
 * A pattern that came from a value (regexReplace(x, field, ...)) is put at
 * the call's pattern argument. The same pattern written twice is blamed on
 * its first place.
 */
#include "query/rterror.h"

#include <stdio.h>
#include <string.h>

#include "query/compile.h"

enum rterror_kind rterror_kind(const char *msg)
{
    static const char prefix[] = RTERROR_REGEX_PREFIX;
    return msg && strncmp(msg, prefix, sizeof prefix - 1) == 0 ? RTE_REGEX : RTE_OTHER;
}

/* The pattern as written in the query, cut at the line's end and at 60
 * bytes (not inside a UTF-8 character). */
static void written(const struct query *q, struct span sp, char *out, size_t outsz)
{
    size_t start = sp.start < q->len ? sp.start : q->len;
    size_t end = sp.end < q->len ? sp.end : q->len;
    if (end < start)
        end = start;
    const char *s = q->text + start;
    size_t n = end - start;
    const char *nl = memchr(s, '\n', n);
    bool cut = false;
    if (nl) {
        n = (size_t)(nl - s);
        cut = true;
    }
    if (n > 60) {
        n = 57;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = true;
    }
    snprintf(out, outsz, "%.*s%s", (int)n, s, cut ? "..." : "");
}

bool compile_runtime_error(const struct query *q, const struct compile_result *cr,
                           const char *msg, struct qerror *err)
{
    if (rterror_kind(msg) != RTE_REGEX || cr->n_regex_sites == 0)
        return false;
    const char *why = msg + strlen(RTERROR_REGEX_PREFIX);
    size_t why_len = strlen(why);
    char shown[80];
    /* the site whose pattern ends the message */
    for (size_t i = 0; i < cr->n_regex_sites; i++) {
        const struct regex_site *site = &cr->regex_sites[i];
        if (!site->pattern)
            continue;
        size_t pn = strlen(site->pattern);
        /* why = <reason> " in /" <pattern> "/" */
        if (why_len < pn + 6 || memcmp(why + why_len - pn - 6, " in /", 5) != 0 ||
            memcmp(why + why_len - pn - 1, site->pattern, pn) != 0 || why[why_len - 1] != '/')
            continue;
        written(q, site->span, shown, sizeof shown);
        qerror_set(err, site->span, "regex %s on %s: %.*s", shown, site->subject,
                   (int)(why_len - pn - 6), why);
        return true;
    }
    /* else a pattern taken from a value */
    for (size_t i = 0; i < cr->n_regex_sites; i++) {
        const struct regex_site *site = &cr->regex_sites[i];
        if (site->pattern)
            continue;
        written(q, site->span, shown, sizeof shown);
        qerror_set(err, site->span, "regex from %s on %s: %s", shown, site->subject, why);
        return true;
    }
    return false;
}
