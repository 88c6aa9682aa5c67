/*
 * settings.h — how results are shown, in one struct that both the command
 * line and the interactive mode set (trailq(1): OPTIONS, INTERACTIVE MODE).
 *
 * cmd/options.c fills it from -o, --tz, --time-format, --chart and
 * --no-pager; a dot-command of the REPL changes one setting with the same
 * call, by name, so the two can never read a value differently:
 *
 *   settings_set(&s, "tz", "Europe/Paris", &err)     .tz Europe/Paris
 *   settings_set(&s, "pager", "off", &err)           .pager off
 *   settings_show(&s, "tz", &sb)                     .tz   (shows the setting)
 *
 *   name         values                                 command line
 *   format       table tsv csv json jsonl raw, auto     -o
 *   time-format  insights iso epoch                     --time-format
 *   tz           UTC, local, a zone name, an offset     --tz
 *   timer        on off (the time in the status line)   (on; REPL: off)
 *   pager        on off                                 --no-pager
 *   chart        on off                                 --chart
 *
 * Where results go (out, out_path) is not a setting by name: the REPL's
 * .output (repl_dot.c) opens the file, expanding ~, and reports a failed
 * close of the one before.
 *
 * Every setting applies to the next query run with them (run.h takes a
 * pointer to the struct). What depends on the terminal (table or tsv,
 * whether to page, whether to print the status line) is decided then,
 * from where the results and the messages go.
 *
 * Ownership: the struct owns its zone and its output file; settings_free
 * releases them.
 */
#ifndef TRAILQ_SETTINGS_H
#define TRAILQ_SETTINGS_H

#include <stdbool.h>
#include <stdio.h>

#include <sqlite3.h>

#include "base/strbuf.h"
#include "base/tzone.h"
#include "cmd/output.h"

struct settings {
    int format;                 /* enum out_format, or -1: table on a terminal, else tsv */
    enum time_style time_style; /* --time-format */
    struct tzone *tz;           /* --tz (owned); NULL is UTC */
    bool timer;                 /* the status line after each query says how long it took */
    bool pager;                 /* tables taller than the terminal go through the pager */
    bool chart;                 /* stats results drawn as charts (cmd/chart.h) */
    FILE *out;                  /* where results go: stdout, or the file of .output */
    char *out_path;             /* that file's name (owned), NULL for stdout */
};

/* The defaults: format auto, insights times in UTC, timer and pager on,
 * no chart, standard output. */
void settings_init(struct settings *s);
/* Set one setting from its text; returns 0, or -1 with a message in err
 * (when err is not NULL; the setting is then unchanged). */
int settings_set(struct settings *s, const char *name, const char *value, struct strbuf *err);
/* Append the current value of a setting ("on", "Europe/Paris", "auto"),
 * or of every setting as "name value" lines when name is NULL. Returns
 * -1 for an unknown name. */
int settings_show(const struct settings *s, const char *name, struct strbuf *out);
/* The names, for completion; NULL-terminated. */
extern const char *const settings_names[];
/* The values of a setting, space-separated, for completion and messages
 * ("on off"); NULL for an unknown name. */
const char *settings_values(const char *name);
void settings_free(struct settings *s);

/* A writer for a result: to s->out, in the format the settings give for
 * it (auto: table on a terminal), fitted to the terminal's width when it is
 * one, times in the settings' style and zone (output.h). The writer
 * borrows the zone: keep s alive until out_close. */
struct out_writer *settings_writer(const struct settings *s, const struct out_col *cols,
                                   size_t n_cols);

/* The rows of stmt as a result with these columns, through
 * settings_writer(); finalizes stmt. Returns EXIT_OK, or EXIT_FAIL with
 * the error reported (a step that failed, a write that failed; a closed
 * pipe is no error). */
int settings_print_rows(const struct settings *s, const struct out_col *cols, size_t n_cols,
                        sqlite3_stmt *stmt);

#endif
