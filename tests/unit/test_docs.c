/*
 * test_docs.c — the user documentation agrees with the tables it documents.
 *
 * The option table (cmd/options.c opt_table) and the function and command
 * tables (query/funcs.c funcs[], commands[]) are the single source of what
 * trailq accepts. This test reads the files that describe them — the man
 * page man/trailq.1 (mdoc), the shell completions completions/trailq.bash,
 * completions/_trailq and completions/trailq.fish, README.md, and `--help`
 * (options_help()) — and
 * checks, in both directions where a direction makes sense:
 *
 *   - every option is in OPTIONS (as `Fl -name`, `Fl x`, its argument as
 *     `Ar`, each allowed value), in the three completion files (fish names
 *     them `-l name` and `-s x`), in --help and in the README; the man page
 *     and the completions name no option the table lacks;
 *   - the man page's FUNCTIONS list is exactly what the table generates
 *     (signature and help line of every entry, in table order), and names
 *     no function the table lacks;
 *   - every command (supported or refused) is named in QUERY LANGUAGE, and
 *     the supported ones in the README;
 *   - every dot-command of the interactive mode (cmd/repl_dot.c dot_cmds)
 *     is named in INTERACTIVE MODE, in the README and in --help;
 *   - every command line of the man page's EXAMPLES is run by a golden
 *     case in tests/cases/docs/examples.t.
 *
 * It runs from the repository root (as `make check` and tests/run.sh run
 * it). With the argument --mdoc-functions it prints the FUNCTIONS list in
 * mdoc instead, to paste into the man page after the table changed.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/options.h"
#include "cmd/repl_int.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "query/funcs.h"
#include "tests/unit/testhelp.h"

static const char *const man_path = "man/trailq.1";
static const char *const bash_path = "completions/trailq.bash";
static const char *const zsh_path = "completions/_trailq";
static const char *const fish_path = "completions/trailq.fish";
static const char *const readme_path = "README.md";
static const char *const examples_path = "tests/cases/docs/examples.t";

/* Markers around the generated function list in the man page. */
static const char *const gen_begin = ".\\\" BEGIN FUNCTION LIST (test_docs --mdoc-functions)\n";
static const char *const gen_end = ".\\\" END FUNCTION LIST\n";

/* ---- reading ------------------------------------------------------------ */

/* The whole file as a NUL-terminated string (caller frees), or NULL with a
 * message on stderr. */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "test_docs: cannot open %s (run from the repository root)\n", path);
        return NULL;
    }
    struct strbuf sb = STRBUF_INIT;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_append(&sb, buf, n);
    fclose(fp);
    sb_putc(&sb, '\0');
    sb_truncate(&sb, sb.len - 1);
    return sb_detach(&sb);
}

/* The body of the man page section ".Sh NAME" (up to the next .Sh), as a
 * new string (caller frees); "" if there is no such section. */
static char *man_section(const char *man, const char *name)
{
    struct strbuf head = STRBUF_INIT;
    sb_printf(&head, ".Sh %s\n", name);
    const char *p = man;
    const char *start = NULL;
    while (p && *p) {
        if (strncmp(p, sb_str(&head), head.len) == 0) {
            start = p + head.len;
            break;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    sb_free(&head);
    if (!start)
        return xstrdup("");
    const char *end = strstr(start, "\n.Sh ");
    return xstrndup(start, end ? (size_t)(end - start + 1) : strlen(start));
}

/* mdoc escapes to plain text: \e \& \- \(aq \(dq \(ga \*q; others kept. */
static char *mdoc_unescape(const char *s)
{
    static const struct {
        const char *esc;  /* as written in mdoc */
        const char *text; /* what it stands for */
    } escapes[] = {
        {"\\e", "\\"}, {"\\&", ""},   {"\\-", "-"},  {"\\(aq", "'"},
        {"\\(dq", "\""}, {"\\(ga", "`"}, {"\\*q", "\""},
    };
    struct strbuf sb = STRBUF_INIT;
    while (*s) {
        bool done = false;
        if (*s == '\\') {
            for (size_t k = 0; k < sizeof escapes / sizeof escapes[0]; k++) {
                size_t n = strlen(escapes[k].esc);
                if (strncmp(s, escapes[k].esc, n) == 0) {
                    sb_puts(&sb, escapes[k].text);
                    s += n;
                    done = true;
                    break;
                }
            }
        }
        if (!done)
            sb_putc(&sb, *s++);
    }
    sb_putc(&sb, '\0');
    sb_truncate(&sb, sb.len - 1);
    return sb_detach(&sb);
}

/* ---- mdoc macro lines ---------------------------------------------------- */

enum { MAX_ARGS = 64 };

/* The arguments of one macro line (line points at its '.'); quoted
 * arguments keep their spaces ("" inside quotes is one quote). Returns the
 * count; the strings are new (free them with free_args). */
static size_t macro_args(const char *line, char *args[MAX_ARGS])
{
    size_t n = 0;
    const char *p = line + 1;
    while (*p && *p != '\n' && n < MAX_ARGS) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '\n')
            break;
        struct strbuf sb = STRBUF_INIT;
        if (*p == '"') {
            p++;
            while (*p && *p != '\n') {
                if (p[0] == '"' && p[1] == '"') {
                    sb_putc(&sb, '"');
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    sb_putc(&sb, *p++);
                }
            }
        } else {
            while (*p && *p != '\n' && *p != ' ' && *p != '\t')
                sb_putc(&sb, *p++);
        }
        sb_putc(&sb, '\0');
        sb_truncate(&sb, sb.len - 1);
        args[n++] = sb_detach(&sb);
    }
    return n;
}

static void free_args(char *args[], size_t n)
{
    for (size_t k = 0; k < n; k++)
        free(args[k]);
}

/* Call fn on every macro line of text (lines that start with '.', comment
 * lines .\" excepted). */
static void each_macro_line(const char *text, void (*fn)(char *args[], size_t n, void *arg),
                            void *arg)
{
    for (const char *p = text; p && *p;) {
        if (*p == '.' && strncmp(p, ".\\\"", 3) != 0) {
            char *args[MAX_ARGS];
            size_t n = macro_args(p, args);
            fn(args, n, arg);
            free_args(args, n);
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
}

/* ---- words --------------------------------------------------------------- */

static bool is_word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/* Does word occur in text with no word character (letters, digits, _ -)
 * right before or after it? */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool left = p == text || !is_word_char(p[-1]);
        bool right = !is_word_char(p[n]);
        if (left && right)
            return true;
    }
    return false;
}

static const struct opt_def *opt_by_long(const char *name)
{
    for (size_t i = 0; i < opt_count; i++)
        if (strcmp(opt_table[i].long_name, name) == 0)
            return &opt_table[i];
    return NULL;
}

static const struct opt_def *opt_by_short(char c)
{
    for (size_t i = 0; i < opt_count; i++)
        if (opt_table[i].short_name && opt_table[i].short_name == c)
            return &opt_table[i];
    return NULL;
}

/* ---- the function list, generated from funcs[] -------------------------- */

/* Headings of the function list: a heading goes before the named entry. */
static const struct {
    const char *first; /* name of the first function under the heading */
    const char *title; /* the .Ss title */
} func_groups[] = {
    {"abs", "Numeric functions"},
    {"isempty", "String functions"},
    {"bin", "Date and time functions"},
    {"ispresent", "General functions"},
    {"jsonParse", "JSON functions"},
    {"isValidIp", "IP address functions"},
    {"md5", "Hash functions"},
    {"avg", "Aggregate functions"},
    {"earliest", "Value-picking functions"},
    {"rate", "Time-series functions"},
};

/* Text for an mdoc text line: backslash as \e, a leading . or ' guarded. */
static void mdoc_text(struct strbuf *sb, const char *s)
{
    if (*s == '.' || *s == '\'')
        sb_puts(sb, "\\&");
    for (; *s; s++) {
        if (*s == '\\')
            sb_puts(sb, "\\e");
        else
            sb_putc(sb, *s);
    }
}

/* The mdoc text of the function list, one tagged list per group. */
static void gen_functions(struct strbuf *sb)
{
    bool open = false;
    for (size_t k = 0; k < n_funcs; k++) {
        const struct func_def *f = &funcs[k];
        for (size_t g = 0; g < sizeof func_groups / sizeof func_groups[0]; g++) {
            if (strcmp(func_groups[g].first, f->name) != 0)
                continue;
            if (open)
                sb_puts(sb, ".El\n");
            sb_printf(sb, ".Ss %s\n.Bl -tag -width Ds\n", func_groups[g].title);
            open = true;
        }
        if (!open) {
            sb_puts(sb, ".Bl -tag -width Ds\n");
            open = true;
        }
        /* The signature is one quoted argument; it holds no '"'. */
        sb_puts(sb, ".It Li \"");
        mdoc_text(sb, f->signature);
        sb_puts(sb, "\"\n");
        mdoc_text(sb, f->help);
        sb_puts(sb, ".\n");
    }
    if (open)
        sb_puts(sb, ".El\n");
}

/* ---- checks on macro lines ---------------------------------------------- */

/* Every Fl in the man page names an option of the table. */
struct fl_scan {
    int unknown;     /* Fl arguments that name no option */
};

static void scan_fl(char *args[], size_t n, void *arg)
{
    struct fl_scan *sc = arg;
    for (size_t k = 0; k + 1 < n; k++) {
        if (strcmp(args[k], "Fl") != 0)
            continue;
        const char *a = args[k + 1];
        if (a[0] == '-' && a[1] == '\\')
            continue; /* Fl \- : a lone dash */
        if (a[0] == '-') {
            if (!opt_by_long(a + 1)) {
                fprintf(stderr, "  man page names --%s, which opt_table lacks\n", a + 1);
                sc->unknown++;
            }
        } else if (isalpha((unsigned char)a[0])) {
            for (const char *c = a; *c; c++)
                if (!opt_by_short(*c)) {
                    fprintf(stderr, "  man page names -%c, which opt_table lacks\n", *c);
                    sc->unknown++;
                }
        }
    }
}

/* Does an .It line of text carry the tokens "Fl <flag>" (and, when arg is
 * not NULL, "Ar <arg>")? */
struct it_find {
    const char *flag; /* "-output" or "o" */
    const char *arg;  /* lower-case argument name, or NULL */
    bool found;
};

static void find_it(char *args[], size_t n, void *argp)
{
    struct it_find *f = argp;
    if (n == 0 || strcmp(args[0], "It") != 0)
        return;
    bool flag = false, arg = f->arg == NULL;
    for (size_t k = 1; k + 1 < n; k++) {
        if (strcmp(args[k], "Fl") == 0 && strcmp(args[k + 1], f->flag) == 0)
            flag = true;
        if (f->arg && strcmp(args[k], "Ar") == 0 && strcmp(args[k + 1], f->arg) == 0)
            arg = true;
    }
    if (flag && arg)
        f->found = true;
}

/* The text of one option's entry in OPTIONS: from its ".It ... Fl -name"
 * line to the next ".It Fl" line (nested value lists included). New
 * string, "" if not found. */
static char *option_entry(const char *options, const char *long_name)
{
    char flag[40];
    snprintf(flag, sizeof flag, "-%s", long_name);
    const char *start = NULL;
    for (const char *p = options; p && *p;) {
        const char *eol = strchr(p, '\n');
        if (!start && strncmp(p, ".It ", 4) == 0) {
            struct it_find f = {.flag = flag, .arg = NULL};
            char *args[MAX_ARGS];
            size_t n = macro_args(p, args);
            find_it(args, n, &f);
            free_args(args, n);
            if (f.found)
                start = p;
        } else if (start && strncmp(p, ".It Fl ", 7) == 0) {
            return xstrndup(start, (size_t)(p - start));
        }
        p = eol ? eol + 1 : NULL;
    }
    return xstrdup(start ? start : "");
}

/* Names following "Ic" on .It lines of a section, for the command lists. */
struct ic_scan {
    const char *name; /* looked-for command */
    bool found;
};

static void scan_ic(char *args[], size_t n, void *arg)
{
    struct ic_scan *sc = arg;
    for (size_t k = 0; k + 1 < n; k++)
        if (strcmp(args[k], "Ic") == 0 && strcmp(args[k + 1], sc->name) == 0)
            sc->found = true;
}

/* Reverse check of the function list: each ".It Li" names a function. */
struct li_scan {
    int n_items;  /* .It Li lines seen */
    int unknown;  /* of those, naming no function */
};

static void scan_li(char *args[], size_t n, void *arg)
{
    struct li_scan *sc = arg;
    if (n < 3 || strcmp(args[0], "It") != 0 || strcmp(args[1], "Li") != 0)
        return;
    sc->n_items++;
    size_t len = strcspn(args[2], "(");
    char *name = xstrndup(args[2], len);
    const struct func_def *f = func_lookup(name);
    if (!f || strcmp(f->name, name) != 0) {
        fprintf(stderr, "  FUNCTIONS lists %s, which funcs[] lacks\n", name);
        sc->unknown++;
    }
    free(name);
}

/* The "$ " command lines of a golden-case file (continuations joined). */
static size_t case_commands(const char *t, char ***out)
{
    size_t n = 0, cap = 0;
    char **cmds = NULL;
    bool continuing = false;
    for (const char *p = t; p && *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len >= 2 && p[0] == '$' && p[1] == ' ') {
            if (continuing) {
                char *prev = cmds[n - 1];
                prev[strlen(prev) - 1] = '\0';
                cmds[n - 1] = xasprintf("%s\n%.*s", prev, (int)(len - 2), p + 2);
                free(prev);
            } else {
                cmds = xgrow(cmds, &cap, n + 1, sizeof *cmds);
                cmds[n++] = xstrndup(p + 2, len - 2);
            }
            const char *c = cmds[n - 1];
            continuing = c[0] && c[strlen(c) - 1] == '\\';
        } else {
            continuing = false;
        }
        p = eol ? eol + 1 : NULL;
    }
    *out = cmds;
    return n;
}

/* The documentation files, read whole (borrowed by check_docs). */
struct docs {
    const char *man;      /* man/trailq.1 */
    const char *bash;     /* completions/trailq.bash */
    const char *zsh;      /* completions/_trailq */
    const char *fish;     /* completions/trailq.fish */
    const char *readme;   /* README.md */
    const char *examples; /* tests/cases/docs/examples.t */
};

static void check_docs(const struct docs *docs)
{
    const char *man = docs->man, *bash = docs->bash, *zsh = docs->zsh, *fish = docs->fish;
    const char *readme = docs->readme, *examples = docs->examples;
    char *synopsis = man_section(man, "SYNOPSIS");
    char *options = man_section(man, "OPTIONS");
    char *language = man_section(man, "QUERY LANGUAGE");
    char *functions = man_section(man, "FUNCTIONS");
    char *man_examples = man_section(man, "EXAMPLES");
    char *interactive = man_section(man, "INTERACTIVE MODE");

    char *help = NULL;
    size_t help_len = 0;
    FILE *mem = open_memstream(&help, &help_len);
    options_help(mem);
    fclose(mem);

    TEST("the man page has its sections") {
        static const char *const sections[] = {
            "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "INPUTS", "QUERY LANGUAGE",
            "FUNCTIONS", "OUTPUT", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "SEE ALSO",
        };
        for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
            char *body = man_section(man, sections[k]);
            if (!body[0])
                fprintf(stderr, "  no section %s\n", sections[k]);
            CHECK(body[0] != '\0');
            free(body);
        }
    }

    TEST("every option is in the man page's OPTIONS, with its argument and values") {
        for (size_t i = 0; i < opt_count; i++) {
            const struct opt_def *d = &opt_table[i];
            char lower[32] = "";
            if (d->arg) {
                size_t j = 0;
                for (; d->arg[j] && j < sizeof lower - 1; j++)
                    lower[j] = (char)tolower((unsigned char)d->arg[j]);
                lower[j] = '\0';
            }
            char flag[40];
            snprintf(flag, sizeof flag, "-%s", d->long_name);
            struct it_find f = {.flag = flag, .arg = d->arg ? lower : NULL};
            each_macro_line(options, find_it, &f);
            if (!f.found)
                fprintf(stderr, "  OPTIONS lacks '.It ... Fl %s%s%s'\n", flag,
                        d->arg ? " ... Ar " : "", d->arg ? lower : "");
            CHECK(f.found);
            if (d->short_name) {
                char s[2] = {d->short_name, '\0'};
                struct it_find fs = {.flag = s, .arg = NULL};
                each_macro_line(options, find_it, &fs);
                if (!fs.found)
                    fprintf(stderr, "  OPTIONS lacks '.It Fl %s'\n", s);
                CHECK(fs.found);
            }
            if (d->values) {
                char *entry = option_entry(options, d->long_name);
                char *vals = xstrdup(d->values);
                for (char *v = vals; *v;) {
                    size_t len = strcspn(v, " ");
                    char save = v[len];
                    v[len] = '\0';
                    if (!has_word(entry, v))
                        fprintf(stderr, "  OPTIONS entry of --%s lacks the value %s\n",
                                d->long_name, v);
                    CHECK(has_word(entry, v));
                    v += len + (save ? 1 : 0);
                }
                free(vals);
                free(entry);
            }
        }
    }

    TEST("the man page names no option that opt_table lacks") {
        struct fl_scan sc = {0};
        each_macro_line(man, scan_fl, &sc);
        CHECK_INT(sc.unknown, 0);
        /* and the synopsis uses some, so the scan saw something */
        CHECK(strstr(synopsis, "Fl ") != NULL);
    }

    TEST("every option is in the three completion files, with its values") {
        const char *files[] = {bash, zsh, fish};
        const char *names[] = {bash_path, zsh_path, fish_path};
        for (size_t c = 0; c < 3; c++) {
            bool is_fish = files[c] == fish;
            for (size_t i = 0; i < opt_count; i++) {
                const struct opt_def *d = &opt_table[i];
                char word[48];
                snprintf(word, sizeof word, is_fish ? "-l %s" : "--%s", d->long_name);
                if (!has_word(files[c], word))
                    fprintf(stderr, "  %s lacks %s\n", names[c], word);
                CHECK(has_word(files[c], word));
                if (d->short_name) {
                    char s[8];
                    /* "-o" followed by a non-word character (zsh: -o+) */
                    snprintf(s, sizeof s, is_fish ? "-s %c" : "-%c", d->short_name);
                    if (!has_word(files[c], s))
                        fprintf(stderr, "  %s lacks %s\n", names[c], s);
                    CHECK(has_word(files[c], s));
                }
                if (d->values) {
                    char *vals = xstrdup(d->values);
                    for (char *v = vals; *v;) {
                        size_t len = strcspn(v, " ");
                        char save = v[len];
                        v[len] = '\0';
                        if (!has_word(files[c], v))
                            fprintf(stderr, "  %s lacks the value %s of --%s\n", names[c], v,
                                    d->long_name);
                        CHECK(has_word(files[c], v));
                        v += len + (save ? 1 : 0);
                    }
                    free(vals);
                }
            }
        }
    }

    TEST("the completion files name no long option that opt_table lacks") {
        const char *files[] = {bash, zsh, fish};
        const char *names[] = {bash_path, zsh_path, fish_path};
        for (size_t c = 0; c < 3; c++) {
            int unknown = 0;
            const char *mark = files[c] == fish ? "-l " : "--";
            size_t mlen = strlen(mark);
            for (const char *p = strstr(files[c], mark); p; p = strstr(p + mlen, mark)) {
                if ((p > files[c] && is_word_char(p[-1])) || !islower((unsigned char)p[mlen]))
                    continue;
                size_t len = 0;
                while (islower((unsigned char)p[mlen + len]) || p[mlen + len] == '-')
                    len++;
                char *name = xstrndup(p + mlen, len);
                if (!opt_by_long(name)) {
                    fprintf(stderr, "  %s names --%s, which opt_table lacks\n", names[c], name);
                    unknown++;
                }
                free(name);
            }
            CHECK_INT(unknown, 0);
        }
    }

    TEST("every option is in --help, with its argument, help line and values") {
        CHECK(help != NULL && help_len > 0);
        for (size_t i = 0; help && i < opt_count; i++) {
            const struct opt_def *d = &opt_table[i];
            char want[64];
            if (d->short_name)
                snprintf(want, sizeof want, "-%c, --%s%s%s", d->short_name, d->long_name,
                         d->arg ? " " : "", d->arg ? d->arg : "");
            else
                snprintf(want, sizeof want, "--%s%s%s", d->long_name, d->arg ? " " : "",
                         d->arg ? d->arg : "");
            if (!strstr(help, want))
                fprintf(stderr, "  --help lacks '%s'\n", want);
            CHECK(strstr(help, want) != NULL);
            if (!strstr(help, d->help))
                fprintf(stderr, "  --help lacks the help line of --%s\n", d->long_name);
            CHECK(strstr(help, d->help) != NULL);
            /* --help lists the values of -o and -t; the WHEN values of
             * --color and --progress are left to the man page. */
            if (d->values && d->id != OPT_COLOR && d->id != OPT_PROGRESS) {
                char *vals = xasprintf("(%s)", d->values);
                CHECK(strstr(help, vals) != NULL);
                free(vals);
            }
        }
    }

    TEST("every option is in the README") {
        for (size_t i = 0; i < opt_count; i++) {
            char word[40];
            snprintf(word, sizeof word, "--%s", opt_table[i].long_name);
            if (!has_word(readme, word))
                fprintf(stderr, "  README.md lacks %s\n", word);
            CHECK(has_word(readme, word));
        }
    }

    TEST("the man page's function list is the one the table generates") {
        struct strbuf want = STRBUF_INIT;
        gen_functions(&want);
        const char *b = strstr(functions, gen_begin);
        const char *e = b ? strstr(b, gen_end) : NULL;
        CHECK(b != NULL && e != NULL);
        if (b && e) {
            b += strlen(gen_begin);
            char *got = xstrndup(b, (size_t)(e - b));
            bool same = strcmp(got, sb_str(&want)) == 0;
            if (!same)
                fprintf(stderr, "  FUNCTIONS differs from the table: regenerate it with "
                                "build/rel/tests/test_docs --mdoc-functions\n");
            CHECK(same);
            free(got);
        }
        sb_free(&want);
    }

    TEST("every function is named in FUNCTIONS, with its signature and help line") {
        char *text = mdoc_unescape(functions);
        for (size_t k = 0; k < n_funcs; k++) {
            char *item = xasprintf("Li \"%s\"", funcs[k].signature);
            bool sig = strstr(text, item) != NULL;
            bool hlp = strstr(text, funcs[k].help) != NULL;
            if (!sig || !hlp)
                fprintf(stderr, "  FUNCTIONS lacks %s%s\n", funcs[k].name,
                        sig ? "'s help line" : "'s signature");
            CHECK(sig);
            CHECK(hlp);
            free(item);
        }
        free(text);
        struct li_scan sc = {0};
        each_macro_line(functions, scan_li, &sc);
        CHECK_INT(sc.n_items, n_funcs);
        CHECK_INT(sc.unknown, 0);
    }

    TEST("every command is in QUERY LANGUAGE; the supported ones in the README") {
        for (size_t k = 0; k < n_commands; k++) {
            struct ic_scan sc = {.name = commands[k].name};
            each_macro_line(language, scan_ic, &sc);
            if (!sc.found)
                fprintf(stderr, "  QUERY LANGUAGE lacks 'Ic %s'\n", commands[k].name);
            CHECK(sc.found);
            if (commands[k].supported) {
                char *word = xasprintf("`%s", commands[k].name);
                if (!strstr(readme, word))
                    fprintf(stderr, "  README.md lacks %s`\n", word);
                CHECK(strstr(readme, word) != NULL);
                free(word);
            }
        }
    }

    TEST("every dot-command is in INTERACTIVE MODE, the README and --help") {
        for (size_t k = 0; k < n_dot_cmds; k++) {
            struct ic_scan sc = {.name = dot_cmds[k].name};
            each_macro_line(interactive, scan_ic, &sc);
            if (!sc.found)
                fprintf(stderr, "  INTERACTIVE MODE lacks 'Ic %s'\n", dot_cmds[k].name);
            CHECK(sc.found);
            char *word = xasprintf("`%s", dot_cmds[k].name);
            if (!strstr(readme, word))
                fprintf(stderr, "  README.md lacks %s`\n", word);
            CHECK(strstr(readme, word) != NULL);
            free(word);
            CHECK(help && has_word(help, dot_cmds[k].name));
        }
    }

    TEST("every EXAMPLES command runs in tests/cases/docs/examples.t") {
        char **cmds = NULL;
        size_t n_cmds = case_commands(examples, &cmds);
        int n_examples = 0;
        for (const char *p = man_examples; p && *p;) {
            const char *eol = strchr(p, '\n');
            size_t len = eol ? (size_t)(eol - p) : strlen(p);
            if (len > 2 && p[0] == '$' && p[1] == ' ') {
                char *raw = xstrndup(p + 2, len - 2);
                char *cmd = mdoc_unescape(raw);
                bool found = false;
                for (size_t k = 0; k < n_cmds && !found; k++)
                    found = strstr(cmds[k], cmd) != NULL;
                if (!found)
                    fprintf(stderr, "  no golden case runs: %s\n", cmd);
                CHECK(found);
                n_examples++;
                free(cmd);
                free(raw);
            }
            p = eol ? eol + 1 : NULL;
        }
        CHECK(n_examples >= 8);
        for (size_t k = 0; k < n_cmds; k++)
            free(cmds[k]);
        free(cmds);
    }

    free(help);
    free(synopsis);
    free(options);
    free(language);
    free(functions);
    free(man_examples);
    free(interactive);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--mdoc-functions") == 0) {
        struct strbuf sb = STRBUF_INIT;
        gen_functions(&sb);
        fputs(sb_str(&sb), stdout);
        sb_free(&sb);
        return 0;
    }

    char *man = slurp(man_path);
    char *bash = slurp(bash_path);
    char *zsh = slurp(zsh_path);
    char *fish = slurp(fish_path);
    char *readme = slurp(readme_path);
    char *examples = slurp(examples_path);
    TEST("the documentation files are readable") {
        CHECK(man && bash && zsh && fish && readme && examples);
    }
    if (man && bash && zsh && fish && readme && examples) {
        struct docs d = {man, bash, zsh, fish, readme, examples};
        check_docs(&d);
    }
    free(man);
    free(bash);
    free(zsh);
    free(fish);
    free(readme);
    free(examples);
    return test_report("docs");
}
