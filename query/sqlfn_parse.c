/*
 * sqlfn_parse.c — the SQL functions behind `parse ... logfmt` and
 * `parse ... csv` (trailq(1), QUERY LANGUAGE, parse;
 * docs/language.md#parse-logfmt-and-csv):
 *
 *   tq_logfmt(text)      the key=value pairs of a logfmt line as a JSON
 *                        object (a map: name.key reads it). Pairs are
 *                        separated by whitespace; a value may be quoted
 *                        ("a b", with \" \\ \n \t escapes); a key without
 *                        '=' has the value "true", key= the empty string;
 *                        a key given twice keeps its last value. A line
 *                        with no key at all gives missing.
 *   tq_csvfield(text, i) field i (from 1) of the text read as one CSV
 *                        record (RFC 4180: fields quoted with ", a quote
 *                        inside doubled, commas and line breaks inside
 *                        quotes); missing when there are fewer fields. An
 *                        empty field is the empty string.
 *
 * Both read numbers as their text, and give missing for a missing text.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "query/sqlfn_groups.h"
#include "query/sqlfn_util.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* One logfmt pair, read from s[*i..n): key into key, value into val. */
static void read_pair(const char *s, size_t n, size_t *i, struct strbuf *key, struct strbuf *val,
                      bool *has_value)
{
    size_t start = *i;
    while (*i < n && !is_space(s[*i]) && s[*i] != '=')
        (*i)++;
    sb_append(key, s + start, *i - start);
    *has_value = *i < n && s[*i] == '=';
    if (!*has_value)
        return;
    (*i)++;
    if (*i < n && s[*i] == '"') {
        (*i)++;
        while (*i < n && s[*i] != '"') {
            if (s[*i] == '\\' && *i + 1 < n) {
                char e = s[*i + 1];
                sb_putc(val, e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                *i += 2;
                continue;
            }
            sb_putc(val, s[(*i)++]);
        }
        if (*i < n)
            (*i)++; /* the closing quote */
        return;
    }
    start = *i;
    while (*i < n && !is_space(s[*i]))
        (*i)++;
    sb_append(val, s + start, *i - start);
}

static void fn_logfmt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char num[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(argv[0], &n, num);
    if (!s)
        return;
    /* pairs first, so that a repeated key keeps its last value */
    struct strbuf *keys = NULL, *vals = NULL;
    size_t n_pairs = 0, cap = 0, i = 0;
    while (i < n) {
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n)
            break;
        struct strbuf k = STRBUF_INIT, v = STRBUF_INIT;
        bool has_value;
        read_pair(s, n, &i, &k, &v, &has_value);
        if (!has_value)
            sb_puts(&v, "true");
        if (k.len == 0) {
            sb_free(&k);
            sb_free(&v);
            while (i < n && !is_space(s[i]))
                i++; /* "=x": no key, skipped */
            continue;
        }
        size_t at = n_pairs;
        for (size_t p = 0; p < n_pairs; p++)
            if (keys[p].len == k.len && memcmp(keys[p].buf, k.buf, k.len) == 0)
                at = p;
        if (at == n_pairs) {
            if (n_pairs == cap) {
                cap = cap ? 2 * cap : 8;
                keys = realloc(keys, cap * sizeof *keys);
                vals = realloc(vals, cap * sizeof *vals);
                if (!keys || !vals) {
                    free(keys);
                    free(vals);
                    sqlite3_result_error_nomem(ctx);
                    return;
                }
            }
            keys[n_pairs] = k;
            vals[n_pairs++] = v;
        } else {
            sb_free(&k);
            sb_free(&vals[at]);
            vals[at] = v;
        }
    }
    if (n_pairs == 0) {
        free(keys);
        free(vals);
        return;
    }
    struct strbuf out = STRBUF_INIT;
    sb_putc(&out, '{');
    for (size_t p = 0; p < n_pairs; p++) {
        if (p)
            sb_putc(&out, ',');
        sb_json_quote(&out, keys[p].buf ? keys[p].buf : "", keys[p].len);
        sb_putc(&out, ':');
        sb_json_quote(&out, vals[p].buf ? vals[p].buf : "", vals[p].len);
        sb_free(&keys[p]);
        sb_free(&vals[p]);
    }
    sb_putc(&out, '}');
    free(keys);
    free(vals);
    sqlite3_result_text64(ctx, out.buf, out.len, free, SQLITE_UTF8);
}

static void fn_csvfield(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char num[NUMFMT_MAX];
    size_t n;
    const char *s = sqlfn_value_text(argv[0], &n, num);
    if (!s || sqlite3_value_type(argv[1]) != SQLITE_INTEGER)
        return;
    long long want = sqlite3_value_int64(argv[1]);
    if (want < 1)
        return;
    long long field = 1;
    size_t i = 0;
    for (;;) {
        struct strbuf f = STRBUF_INIT;
        bool mine = field == want;
        if (i < n && s[i] == '"') {
            i++;
            while (i < n) {
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') {
                        if (mine)
                            sb_putc(&f, '"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (mine)
                    sb_putc(&f, s[i]);
                i++;
            }
            /* text after the closing quote belongs to the field */
            while (i < n && s[i] != ',') {
                if (mine)
                    sb_putc(&f, s[i]);
                i++;
            }
        } else {
            size_t start = i;
            while (i < n && s[i] != ',')
                i++;
            if (mine)
                sb_append(&f, s + start, i - start);
        }
        if (mine) {
            if (!f.buf) {
                sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
            } else {
                size_t len = f.len;
                sqlite3_result_text64(ctx, sb_detach(&f), len, free, SQLITE_UTF8);
            }
            return;
        }
        sb_free(&f);
        if (i >= n)
            return; /* fewer fields */
        i++; /* the comma */
        field++;
    }
}

static const struct sqlfn_entry parse_fns[] = {
    {"tq_logfmt", 1, 0, fn_logfmt},
    {"tq_csvfield", 2, 0, fn_csvfield},
};

int sqlfn_register_parse(sqlite3 *db)
{
    return sqlfn_register_table(db, parse_fns, sizeof parse_fns / sizeof parse_fns[0]);
}
