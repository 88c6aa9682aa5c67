/*
 * test_cmdsyntax.c — the completion table of command keywords
 * (query/cmdsyntax.c) against the parser (query/parser.c) and the
 * command table (query/funcs.c).
 *
 * The table restates the parser's grammar for REPL completion; these
 * checks keep the two from drifting: every supported command has a row
 * and every row names supported commands; each row's example parses
 * under each of the row's names; every keyword, option and option value
 * the row offers appears in its example, so each is a word the parser
 * accepted there. Last, the words completion leaves out at a point are
 * checked to be refused by the parser at that point.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/strbuf.h"
#include "query/cmdsyntax.h"
#include "query/funcs.h"
#include "query/parser.h"
#include "tests/unit/testhelp.h"

static bool parses(const char *text)
{
    struct qerror err = {0};
    struct query *q = query_parse(text, strlen(text), &err);
    query_free(q);
    return q != NULL;
}

/* The same, saying which text failed. */
static bool parses_loud(const char *text)
{
    bool ok = parses(text);
    if (!ok)
        fprintf(stderr, "  does not parse: %s\n", text);
    return ok;
}

/* Does text hold word (len bytes) as a whole word, in any case? */
static bool has_word(const char *text, const char *word, size_t len)
{
    for (const char *s = text; *s;) {
        if (isalnum((unsigned char)*s) || *s == '_') {
            size_t n = 0;
            while (isalnum((unsigned char)s[n]) || s[n] == '_')
                n++;
            if (n == len && strncasecmp(s, word, len) == 0)
                return true;
            s += n;
        } else {
            s++;
        }
    }
    return false;
}

/* Each word of a list (space- or '|'-separated; "name=" counts as name;
 * "!" and token kinds skipped) is in the example. */
static void check_words(const struct cmd_syntax *row, const char *list)
{
    for (const char *s = list; s && *s;) {
        size_t n = strcspn(s, " |=");
        const char *w = s[0] == '!' ? s + 1 : s;
        size_t len = n - (size_t)(w - s);
        if (len && (isalpha((unsigned char)w[0]) || w[0] == '_')) {
            bool found = has_word(row->example, w, len);
            if (!found)
                fprintf(stderr, "  %s: '%.*s' not in its example\n", row->names, (int)len, w);
            CHECK(found);
        }
        s += n;
        s += strspn(s, " |=");
    }
}

int main(void)
{
    TEST("every supported command has a row, every row's names are commands")
    {
        for (size_t i = 0; i < n_commands; i++)
            if (commands[i].supported) {
                bool found = cmd_syntax_lookup(commands[i].name, strlen(commands[i].name)) != NULL;
                if (!found)
                    fprintf(stderr, "  no row for %s\n", commands[i].name);
                CHECK(found);
            }
        for (size_t i = 0; i < n_cmd_syntaxes; i++)
            for (const char *s = cmd_syntaxes[i].names; *s;) {
                size_t n = strcspn(s, " ");
                char *name = strndup(s, n);
                const struct command_def *d = command_lookup(name);
                CHECK(d && d->supported);
                free(name);
                s += n + (s[n] ? 1 : 0);
            }
    }

    TEST("each row's example parses, under each of its names")
    {
        for (size_t i = 0; i < n_cmd_syntaxes; i++) {
            const struct cmd_syntax *row = &cmd_syntaxes[i];
            CHECK(row->n_phases >= 1 && row->n_phases <= SYN_MAX_PHASES);
            CHECK(parses_loud(row->example));
            size_t first = strcspn(row->example, " ");
            for (const char *s = row->names; *s;) {
                size_t n = strcspn(s, " ");
                struct strbuf q = STRBUF_INIT;
                sb_append(&q, s, n);
                sb_puts(&q, row->example + first);
                CHECK(parses_loud(sb_str(&q)));
                sb_free(&q);
                s += n + (s[n] ? 1 : 0);
            }
        }
    }

    TEST("every keyword, option and value of a row is in its example")
    {
        for (size_t i = 0; i < n_cmd_syntaxes; i++) {
            const struct cmd_syntax *row = &cmd_syntaxes[i];
            check_words(row, row->options);
            for (size_t k = 0; k < row->n_phases; k++) {
                const struct syn_phase *ph = &row->phases[k];
                check_words(row, ph->opens);
                check_words(row, ph->first_kw);
                check_words(row, ph->operand_kw);
                check_words(row, ph->value_kw);
                check_words(row, ph->alias_kw);
                CHECK(ph->comma_to >= 0 && (size_t)ph->comma_to < row->n_phases);
            }
        }
    }

    TEST("syn_list_has: any case, name= as name, '=' itself")
    {
        CHECK(syn_list_has("OUTPUT OUTPUTNEW", "outputnew", 9));
        CHECK(!syn_list_has("OUTPUT OUTPUTNEW", "OUTPU", 5));
        CHECK(syn_list_has("as p=", "p", 1));
        CHECK(syn_list_has("=", "=", 1));
        CHECK(!syn_list_has(NULL, "as", 2));
        CHECK(cmd_syntax_lookup("COUNT_FREQUENT", 14) != NULL);
        CHECK(cmd_syntax_lookup("search", 6) == NULL);
    }

    /* The places the tty cases of tests/cases/repl/complete.t check that a
     * word is not offered: the parser refuses it there too. */
    TEST("words completion leaves out are refused there")
    {
        CHECK(!parses("sessionize a offset 5m"));        /* offers maxspan, as */
        CHECK(!parses("sessionize a as s maxspan 5m"));  /* after as s: nothing */
        CHECK(!parses("parse @message as x"));           /* offers logfmt, csv */
        CHECK(!parses("parse @message \"*\" as x multi")); /* glob: as only */
        CHECK(!parses("diff maxspan"));                  /* offers previousDay ... */
        CHECK(!parses("stats count(*) by x maxspan 5m")); /* offers as, offset */
        CHECK(!parses("stats count(*) offset 5m by x")); /* offset after by */
        CHECK(!parses("lookup t a as b"));               /* OUTPUT must come */
        CHECK(!parses("join where l.a = r.a (stats count(*))")); /* left=, right= first */
        CHECK(!parses("autoregress a p=1 as b"));        /* as before p= */
        CHECK(!parses("fillmissing for a"));             /* with first */
        CHECK(!parses("outlier a action=remove"));       /* options before fields */
        CHECK(!parses("filter a not b"));                /* not like, not in */
    }
    return test_report("cmdsyntax");
}
