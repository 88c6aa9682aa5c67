/*
 * settings.c — the display settings, set by name (see settings.h).
 */
#include "cmd/settings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/exitcode.h"
#include "cmd/msgs.h"
#include "cmd/term.h"

const char *const settings_names[] = {"format", "time-format", "tz",   "timer",
                                      "pager",  "chart",       NULL};

static const char *const time_style_names[] = {"insights", "iso", "epoch"};

void settings_init(struct settings *s)
{
    *s = (struct settings){.format = -1, .time_style = TIME_INSIGHTS, .timer = true,
                           .pager = true, .out = stdout};
}

const char *settings_values(const char *name)
{
    if (strcmp(name, "format") == 0)
        return "table tsv csv json jsonl raw auto";
    if (strcmp(name, "time-format") == 0)
        return "insights iso epoch";
    if (strcmp(name, "tz") == 0)
        return "UTC local ZONE +HH:MM";
    if (strcmp(name, "timer") == 0 || strcmp(name, "pager") == 0 || strcmp(name, "chart") == 0)
        return "on off";
    return NULL;
}

static int parse_on_off(const char *v, bool *out)
{
    if (strcmp(v, "on") == 0)
        *out = true;
    else if (strcmp(v, "off") == 0)
        *out = false;
    else
        return -1;
    return 0;
}

/* --tz local: $TZ as the C library reads it (a zone name, a file, a
 * POSIX rule; empty is UTC), else /etc/localtime, else UTC. */
static int open_local(struct tzone **out, struct strbuf *err)
{
    const char *env = getenv("TZ");
    *out = NULL;
    if (!env) {
        struct strbuf why = STRBUF_INIT;
        if (tz_open_file("/etc/localtime", "local", out, &why) < 0)
            *out = NULL; /* no local zone configured: UTC, as the C library does */
        sb_free(&why);
        return 0;
    }
    if (*env == ':')
        env++;
    if (!*env)
        return 0;
    struct strbuf why = STRBUF_INIT;
    int rc = env[0] == '/' ? tz_open_file(env, env, out, &why) : tz_open(env, strlen(env), out, &why);
    if (rc < 0 && env[0] != '/') {
        sb_reset(&why);
        rc = tz_open_rule(env, out, &why);
    }
    if (rc < 0 && err)
        sb_printf(err, "local: $TZ is '%s', which names no time zone", env);
    sb_free(&why);
    return rc;
}

static int set_tz(struct settings *s, const char *v, struct strbuf *err)
{
    struct tzone *z = NULL;
    if (strcmp(v, "local") == 0) {
        if (open_local(&z, err) < 0)
            return -1;
    } else {
        struct strbuf why = STRBUF_INIT;
        int rc = tz_open(v, strlen(v), &z, &why);
        sb_free(&why);
        if (rc < 0) {
            if (err)
                sb_printf(err, "unknown time zone '%s' (an IANA name such as Europe/Paris, "
                               "local, UTC, or an offset such as +02:00)",
                          v);
            return -1;
        }
    }
    if (z && tz_is_utc(z)) {
        tz_close(z);
        z = NULL;
    }
    tz_close(s->tz);
    s->tz = z;
    return 0;
}

int settings_set(struct settings *s, const char *name, const char *value, struct strbuf *err)
{
    const char *v = value ? value : "";
    if (strcmp(name, "format") == 0) {
        int f = strcmp(v, "auto") == 0 ? -1 : out_format_parse(v);
        if (f < 0 && strcmp(v, "auto") != 0)
            goto bad_value;
        s->format = f;
        return 0;
    }
    if (strcmp(name, "time-format") == 0) {
        for (size_t i = 0; i < sizeof time_style_names / sizeof *time_style_names; i++)
            if (strcmp(v, time_style_names[i]) == 0) {
                s->time_style = (enum time_style)i;
                return 0;
            }
        goto bad_value;
    }
    if (strcmp(name, "tz") == 0)
        return set_tz(s, v, err);
    bool *flag = strcmp(name, "timer") == 0   ? &s->timer
                 : strcmp(name, "pager") == 0 ? &s->pager
                 : strcmp(name, "chart") == 0 ? &s->chart
                                              : NULL;
    if (!flag) {
        if (err)
            sb_printf(err, "unknown setting '%s'", name);
        return -1;
    }
    if (parse_on_off(v, flag) < 0)
        goto bad_value;
    return 0;
bad_value:
    if (err)
        sb_printf(err, "invalid value '%s' for %s (expected one of: %s)", v, name,
                  settings_values(name));
    return -1;
}

static void show_one(const struct settings *s, const char *name, struct strbuf *out)
{
    if (strcmp(name, "format") == 0)
        sb_puts(out, s->format < 0 ? "auto" : out_format_name((enum out_format)s->format));
    else if (strcmp(name, "time-format") == 0)
        sb_puts(out, time_style_names[s->time_style]);
    else if (strcmp(name, "tz") == 0)
        sb_puts(out, tz_name(s->tz));
    else if (strcmp(name, "timer") == 0)
        sb_puts(out, s->timer ? "on" : "off");
    else if (strcmp(name, "pager") == 0)
        sb_puts(out, s->pager ? "on" : "off");
    else if (strcmp(name, "chart") == 0)
        sb_puts(out, s->chart ? "on" : "off");
}

int settings_show(const struct settings *s, const char *name, struct strbuf *out)
{
    if (name) {
        if (!settings_values(name))
            return -1;
        show_one(s, name, out);
        return 0;
    }
    for (size_t i = 0; settings_names[i]; i++) {
        sb_printf(out, "%s ", settings_names[i]);
        show_one(s, settings_names[i], out);
        sb_putc(out, '\n');
    }
    return 0;
}

void settings_free(struct settings *s)
{
    tz_close(s->tz);
    s->tz = NULL;
    if (s->out && s->out != stdout)
        fclose(s->out);
    s->out = stdout;
    free(s->out_path);
    s->out_path = NULL;
}

struct out_writer *settings_writer(const struct settings *s, const struct out_col *cols,
                                   size_t n_cols)
{
    int fd = fileno(s->out);
    struct out_writer *w = out_open(out_format_for(s->format, s->out), s->out, cols, n_cols,
                                    fd >= 0 ? term_width(fd) : 0);
    out_set_times(w, s->time_style, s->tz);
    return w;
}

int settings_print_rows(const struct settings *s, const struct out_col *cols, size_t n_cols,
                        sqlite3_stmt *stmt)
{
    sqlite3 *db = sqlite3_db_handle(stmt);
    struct out_writer *w = settings_writer(s, cols, n_cols);
    int rc;
    bool failed = false;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out_row(w, stmt) < 0) {
            failed = true;
            break;
        }
    }
    sqlite3_finalize(stmt);
    errno = 0;
    if ((out_close(w) < 0 || failed) && errno != EPIPE) {
        errorf("writing the results failed: %s", strerror(errno ? errno : EIO));
        return EXIT_FAIL;
    }
    if (!failed && rc != SQLITE_DONE) {
        errorf("index: %s", sqlite3_errmsg(db));
        return EXIT_FAIL;
    }
    return EXIT_OK;
}
