/*
 * repl_dot.c — the dot-commands of the interactive mode (see repl_int.h).
 *
 * One table: the loop runs a line through it, .help prints it, and Tab
 * completes names and arguments from it. A dot-command with a setting and
 * no argument shows the setting; with one, it changes it. Dot-commands
 * print to the terminal (stdout), never to the .output file, which gets
 * only results.
 */
#include "cmd/repl_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <readline/tilde.h>

#include "base/strdist.h"
#include "base/timeval.h"
#include "base/xalloc.h"
#include "cmd/clock.h"
#include "cmd/fieldlist.h"
#include "cmd/filelist.h"
#include "cmd/msgs.h"
#include "cmd/options.h"
#include "cmd/output.h"
#include "cmd/term.h"
#include "query/funcs.h"

static void dot_help(struct repl *r, const char *arg);

static void dot_quit(struct repl *r, const char *arg)
{
    (void)arg;
    r->quit = true;
}

/* The settings for what a dot-command prints: the session's, but to the
 * terminal (never to the .output file). */
static struct settings to_terminal(const struct repl *r)
{
    struct settings s = *r->show; /* a view: borrows the zone, owns nothing */
    s.out = stdout;
    s.out_path = NULL;
    return s;
}

static void dot_fields(struct repl *r, const char *arg)
{
    (void)arg;
    struct settings show = to_terminal(r);
    fieldlist_print(r->st, &show);
    fflush(stdout);
}

static void dot_files(struct repl *r, const char *arg)
{
    (void)arg;
    struct settings show = to_terminal(r);
    filelist_print(r->st, r->scoped, &show);
    fflush(stdout);
}

static void dot_format(struct repl *r, const char *arg)
{
    if (!*arg) {
        printf("format: %s\n", out_format_name((enum out_format)r->show->format));
        return;
    }
    if (out_format_parse(arg) < 0)
        printf("unknown format '%s' (%s)\n", arg, opt_table[OPT_OUTPUT].values);
    else
        settings_set(r->show, "format", arg, NULL);
}

static void dot_output(struct repl *r, const char *arg)
{
    if (!*arg) {
        printf("output: %s\n", r->show->out_path ? r->show->out_path : "the terminal");
        return;
    }
    FILE *fp = NULL;
    char *path = NULL;
    if (strcmp(arg, "-") != 0) {
        path = tilde_expand(arg); /* ~/x, as Tab completes it; malloc'd */
        fp = fopen(path, "w");
        if (!fp) {
            errorf("cannot write %s: %s", path, strerror(errno));
            free(path);
            return;
        }
    }
    struct settings *show = r->show;
    if (show->out_path && fclose(show->out) != 0)
        errorf("writing %s failed: %s", show->out_path, strerror(errno));
    free(show->out_path);
    show->out_path = path;
    show->out = fp ? fp : stdout;
}

static void show_bound(const char *what, int64_t ms, int64_t none)
{
    char buf[TV_FMT_MAX];
    if (ms == none) {
        printf("%s: none\n", what);
    } else {
        tv_format(ms, buf);
        printf("%s: %s\n", what, buf);
    }
}

/* .start and .end: show, clear (none) or set one bound of the window. */
static void set_bound(struct repl *r, const char *arg, bool is_start)
{
    const char *what = is_start ? "start" : "end";
    int64_t *bound = is_start ? &r->copts.start_ms : &r->copts.end_ms;
    int64_t none = is_start ? INT64_MIN : INT64_MAX;
    if (!*arg) {
        show_bound(what, *bound, none);
        return;
    }
    int64_t ms = none;
    if (strcasecmp(arg, "none") != 0 && !tv_parse_cli_time(arg, clock_wall_ms(), &ms)) {
        errorf("invalid time '%s' (use ISO-8601, epoch seconds or ms, now, -15m, or none)", arg);
        return;
    }
    int64_t start = is_start ? ms : r->copts.start_ms, end = is_start ? r->copts.end_ms : ms;
    if (start != INT64_MIN && end != INT64_MAX && start >= end) {
        errorf("the start must be before the end (.start and .end show them)");
        return;
    }
    *bound = ms;
    r->copts.has_range = r->copts.start_ms != INT64_MIN || r->copts.end_ms != INT64_MAX;
    show_bound(what, ms, none);
    if (r->range_loaded && is_start && start < r->loaded_start_ms) {
        char buf[TV_FMT_MAX];
        tv_format(r->loaded_start_ms, buf);
        notef("events before %s were not read (--start without --db): the window cannot show them",
              buf);
    }
    if (r->range_loaded && !is_start && end > r->loaded_end_ms) {
        char buf[TV_FMT_MAX];
        tv_format(r->loaded_end_ms, buf);
        notef("events at or after %s were not read (--end without --db): the window cannot show "
              "them",
              buf);
    }
}

static void dot_start(struct repl *r, const char *arg)
{
    set_bound(r, arg, true);
}

static void dot_end(struct repl *r, const char *arg)
{
    set_bound(r, arg, false);
}

/* .tz, .timer, .pager, .chart: alone, show the setting; with a value, set
 * it as the command line's option would (cmd/settings.h). */
static void setting_command(struct repl *r, const char *name, const char *arg)
{
    struct strbuf sb = STRBUF_INIT;
    if (!*arg) {
        settings_show(r->show, name, &sb);
        printf("%s: %s\n", name, sb_str(&sb));
    } else if (settings_set(r->show, name, arg, &sb) < 0) {
        printf("%s\n", sb_str(&sb));
    }
    sb_free(&sb);
}

static void dot_tz(struct repl *r, const char *arg)
{
    setting_command(r, "tz", arg);
}

static void dot_timer(struct repl *r, const char *arg)
{
    setting_command(r, "timer", arg);
}

static void dot_pager(struct repl *r, const char *arg)
{
    setting_command(r, "pager", arg);
}

static void dot_chart(struct repl *r, const char *arg)
{
    setting_command(r, "chart", arg);
}

static void dot_explain(struct repl *r, const char *arg)
{
    if (*arg)
        repl_run_query(r, arg, true);
    else if (r->last_query)
        repl_run_query(r, r->last_query, true);
    else
        printf("usage: .explain QUERY (or alone, after a query: explain that query)\n");
}

/* .lookup NAME FILE: read the table and copy it into the index's connection. */
static void dot_lookup_table(struct repl *r, const char *arg)
{
    const char *sp = strchr(arg, ' ');
    if (!r->lookups || !*arg || !sp) {
        printf("usage: .lookup NAME FILE\n");
        return;
    }
    char *name = xstrndup(arg, (size_t)(sp - arg));
    while (*sp == ' ')
        sp++;
    struct strbuf err = STRBUF_INIT;
    if (lookup_add_file(r->lookups, name, sp, &err) < 0 ||
        lookup_install(r->lookups, store_db(r->st), &err) < 0)
        errorf("%s", sb_str(&err));
    else
        for (size_t i = 0; i < r->lookups->n; i++)
            if (strcmp(r->lookups->tables[i].name, name) == 0)
                printf("lookup table '%s': %zu column%s\n", name, r->lookups->tables[i].n_columns,
                       r->lookups->tables[i].n_columns == 1 ? "" : "s");
    r->copts.lookups = r->lookups->tables;
    r->copts.n_lookups = r->lookups->n;
    sb_free(&err);
    free(name);
}

const struct dot_cmd dot_cmds[] = {
    {".help", "[NAME]", "this help, or help on a command or function", DA_NAME, dot_help},
    {".fields", "", "list the fields of the loaded logs, with counts", DA_NONE, dot_fields},
    {".files", "", "list the sources: names, SHA-256, counts, times", DA_NONE, dot_files},
    {".format", "[FORMAT]", "show or set the output format", DA_FORMAT, dot_format},
    {".output", "[FILE|-]", "show where results go, send them to FILE, or back (-)", DA_FILE,
     dot_output},
    {".start", "[TIME|none]", "show or set the start of the time window of later queries",
     DA_TIME, dot_start},
    {".end", "[TIME|none]", "show or set the end of the time window of later queries", DA_TIME,
     dot_end},
    {".tz", "[ZONE]", "show or set the zone times are shown in (UTC, local, Europe/Paris)",
     DA_ZONE, dot_tz},
    {".timer", "[on|off]", "show or set whether the status line says how long a query took",
     DA_ONOFF, dot_timer},
    {".pager", "[on|off]", "show or set whether tall tables go through the pager", DA_ONOFF,
     dot_pager},
    {".chart", "[on|off]", "show or set whether stats results are drawn as charts", DA_ONOFF,
     dot_chart},
    {".explain", "[QUERY]", "show the SQL and plan of a query (alone: of the last one)", DA_QUERY,
     dot_explain},
    {".lookup", "NAME FILE", "read a lookup table (CSV or JSON lines) for lookup, cidrlookup",
     DA_FILE, dot_lookup_table},
    {".quit", "", "leave (or Ctrl-D)", DA_NONE, dot_quit},
    {".exit", "", "the same as .quit", DA_NONE, dot_quit},
};
const size_t n_dot_cmds = sizeof dot_cmds / sizeof dot_cmds[0];

const struct dot_cmd *dot_lookup(const char *name, size_t len)
{
    for (size_t i = 0; i < n_dot_cmds; i++)
        if (strlen(dot_cmds[i].name) == len && memcmp(dot_cmds[i].name, name, len) == 0)
            return &dot_cmds[i];
    return NULL;
}

static void print_help(void)
{
    printf("Type a query and press Enter. A line ending in | or \\, or a next line starting\n"
           "with |, continues it; Ctrl-C drops it. Tab completes.\n");
    for (size_t i = 0; i < n_dot_cmds; i++) {
        char left[32];
        snprintf(left, sizeof left, "%s%s%s", dot_cmds[i].name, dot_cmds[i].args[0] ? " " : "",
                 dot_cmds[i].args);
        printf("  %-20s %s\n", left, dot_cmds[i].help);
    }
    printf("\nCommands:\n");
    for (size_t i = 0; i < n_commands; i++)
        if (commands[i].supported)
            printf("  %-12s %s\n", commands[i].name, commands[i].help);
    printf("\nFunctions (.help NAME for one):\n ");
    int col = 1;
    for (size_t i = 0; i < n_funcs; i++) {
        int w = (int)strlen(funcs[i].name) + 1;
        if (col + w > 78) {
            printf("\n ");
            col = 1;
        }
        printf(" %s", funcs[i].name);
        col += w;
    }
    printf("\n");
}

/* The name .help knows (a function, a command or a dot-command) that is
 * nearest to name by str_near's rule, or NULL. */
static const char *help_near(const char *name)
{
    const char *near = NULL;
    int near_d = -1;
    for (size_t i = 0; i < n_funcs + n_commands + n_dot_cmds; i++) {
        const char *known = i < n_funcs                ? funcs[i].name
                            : i < n_funcs + n_commands ? commands[i - n_funcs].name
                                                       : dot_cmds[i - n_funcs - n_commands].name;
        int dist = str_near(name, known);
        if (dist >= 0 && (near_d < 0 || dist < near_d)) {
            near = known;
            near_d = dist;
        }
    }
    return near;
}

static void dot_help(struct repl *r, const char *arg)
{
    (void)r;
    if (!*arg) {
        print_help();
        return;
    }
    /* "isIpInSubnet(" or "count()" as completion or habit writes them */
    size_t n = strcspn(arg, "( ");
    char *name = xstrndup(arg, n);
    const struct func_def *f = func_lookup(name);
    const struct command_def *c = f ? NULL : command_lookup(name);
    const struct dot_cmd *d = f || c ? NULL : dot_lookup(name, n);
    if (f)
        printf("%s\n  %s\n", f->signature, f->help);
    else if (c)
        if (c->supported)
            printf("%s\n  %s\n", c->syntax, c->help);
        else
            printf("%s\n  %s (not supported by trailq: %s)\n", c->syntax, c->help,
                   command_why_refused(c));
    else if (d)
        printf("%s%s%s\n  %s\n", d->name, d->args[0] ? " " : "", d->args, d->help);
    else if (help_near(name))
        printf("no command or function named '%s' (did you mean %s?)\n", name, help_near(name));
    else
        printf("no command or function named '%s'\n", name);
    free(name);
}

void dot_run(struct repl *r, const char *line)
{
    size_t n = strcspn(line, " \t");
    const char *arg = line + n;
    while (*arg == ' ' || *arg == '\t')
        arg++;
    const struct dot_cmd *d = dot_lookup(line, n);
    if (!d) {
        char *name = xstrndup(line, n);
        const char *near = NULL;
        int near_d = -1;
        for (size_t i = 0; i < n_dot_cmds; i++) {
            int dist = str_near(name + 1, dot_cmds[i].name + 1);
            if (dist >= 0 && (near_d < 0 || dist < near_d)) {
                near = dot_cmds[i].name;
                near_d = dist;
            }
        }
        if (near)
            printf("unknown command '%s' (did you mean %s?)\n", name, near);
        else
            printf("unknown command '%s' (.help lists them)\n", name);
        free(name);
        return;
    }
    if (d->arg == DA_NONE && *arg) {
        printf("%s takes no argument\n", d->name);
        return;
    }
    d->run(r, arg);
}
