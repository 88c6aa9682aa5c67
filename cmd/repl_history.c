/*
 * repl_history.c — the history of the interactive mode (see repl_int.h).
 *
 * Where: $TRAILQ_HISTORY if set; else ~/.trailq_history if that file
 * already exists (where trailq kept it before); else
 * $XDG_STATE_HOME/trailq/history, $XDG_STATE_HOME being ~/.local/state
 * when unset or not absolute (the XDG base directory rules). Directories
 * are made on the first save.
 *
 * A query typed over several lines is one entry, in memory and on disk.
 * The file is readline's own format with timestamps, as bash writes it
 * with lithist: each entry is preceded by a "#<seconds>" line, and the
 * lines up to the next such line are one entry. A file written by an
 * older trailq (no timestamp lines) is read one entry per line and
 * rewritten in the new format on the first save. Before an entry is
 * stored, its blank lines are dropped and a line that would read as a
 * timestamp ("#" and a digit: a query comment) gets a leading space,
 * which the query language ignores: what is recalled after a restart is
 * exactly what was recalled before it.
 *
 * The whole list (at most HIST_MAX entries) is written after every entry,
 * so a session that is killed loses nothing. A file that cannot be written
 * gets one note for the session.
 */
#include "cmd/repl_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <readline/history.h>

#include "base/xalloc.h"
#include "cmd/msgs.h"

enum { HIST_MAX = 1000 };

/* The session's history file; readline's history list is global too. */
static struct {
    char *path;     /* owned; NULL: no history file (no HOME) */
    bool noted;     /* the note about an unwritable file was given */
} hist;

static char *history_path(void)
{
    const char *env = getenv("TRAILQ_HISTORY");
    if (env && *env)
        return xstrdup(env);
    const char *home = getenv("HOME");
    if (home && *home) {
        char *old = xasprintf("%s/.trailq_history", home);
        struct stat sb;
        if (stat(old, &sb) == 0)
            return old;
        free(old);
    }
    const char *state = getenv("XDG_STATE_HOME");
    if (state && state[0] == '/')
        return xasprintf("%s/trailq/history", state);
    if (home && *home)
        return xasprintf("%s/.local/state/trailq/history", home);
    return NULL;
}

/* mkdir -p of the directory part of path (mode 0700 for what is made). */
static int make_parent_dirs(const char *path)
{
    char *dir = xstrdup(path);
    int rc = 0;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            rc = -1;
            break;
        }
        *p = '/';
    }
    free(dir);
    return rc;
}

void rhist_open(void)
{
    hist.path = history_path();
    hist.noted = false;
    using_history();
    stifle_history(HIST_MAX);
    history_comment_char = '#';
    history_write_timestamps = 1;
    if (hist.path)
        read_history(hist.path); /* a missing file is an empty history */
}

static void save(void)
{
    if (!hist.path)
        return;
    int rc = make_parent_dirs(hist.path) == 0 ? write_history(hist.path) : errno;
    if (rc != 0 && !hist.noted) {
        notef("cannot save the history to %s: %s; it is kept for this session only", hist.path,
              strerror(rc));
        hist.noted = true;
    }
}

/* The entry as it is stored: no blank lines, no line that reads as a
 * timestamp. New string. */
static char *normalise(const char *entry)
{
    struct strbuf sb = STRBUF_INIT;
    const char *p = entry;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
            k++;
        if (k < n) {
            if (sb.len)
                sb_putc(&sb, '\n');
            if (p[0] == '#' && n > 1 && p[1] >= '0' && p[1] <= '9')
                sb_putc(&sb, ' ');
            sb_append(&sb, p, n);
        }
        p += n + (eol ? 1 : 0);
    }
    return sb_detach(&sb);
}

void rhist_add(const char *entry)
{
    char *e = normalise(entry);
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (e[0] && !(last && strcmp(last->line, e) == 0)) {
        add_history(e);
        save();
    }
    free(e);
}

void rhist_close(void)
{
    free(hist.path);
    hist.path = NULL;
}
