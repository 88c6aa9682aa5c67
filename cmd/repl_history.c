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
 * Every entry is saved at once, so a session that is killed loses
 * nothing: the file is read again, the entry added at its end, the oldest
 * entries beyond HIST_MAX dropped, and the result written to a temporary
 * file renamed over it. Two sessions at once thus both keep their entries
 * in the file, in the order they were entered (as psql's history does);
 * each session's Up recalls its own entries and those in the file when it
 * started. A file that cannot be written gets one note for the session.
 */
#include "cmd/repl_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

/* Does the line (up to its newline) read as a timestamp: '#' and a digit? */
static bool is_stamp(const char *line)
{
    return line[0] == '#' && line[1] >= '0' && line[1] <= '9';
}

/* One entry of the file: its timestamp line (without '\n'; NULL when the
 * file had none) and its text, both pointing into the file's buffer. */
struct hist_entry {
    const char *stamp;
    size_t stamp_len;
    const char *text;
    size_t text_len;
};

/* Split the file's text into entries: after each timestamp line, the
 * lines up to the next one; in a file without timestamps (an older
 * trailq's), one line each. Returns the number, *out is malloc'd. */
static size_t split_entries(const char *buf, size_t len, struct hist_entry **out)
{
    struct hist_entry *v = NULL;
    size_t n = 0, cap = 0;
    bool stamped = len > 0 && is_stamp(buf);
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        size_t line_len = (size_t)((eol ? eol : end) - p);
        if (stamped && is_stamp(p)) {
            v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = (struct hist_entry){.stamp = p, .stamp_len = line_len, .text = next};
        } else if (stamped && n > 0) {
            v[n - 1].text_len = (size_t)((eol ? eol : end) - v[n - 1].text);
        } else if (line_len > 0) {
            v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = (struct hist_entry){.text = p, .text_len = line_len};
        }
        p = next;
    }
    *out = v;
    return n;
}

/* Read the whole file into sb. A missing file is empty. */
static int read_file(const char *path, struct strbuf *sb)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return errno == ENOENT ? 0 : errno;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_append(sb, buf, n);
    int rc = ferror(fp) ? EIO : 0;
    fclose(fp);
    return rc;
}

/* Write n bytes of buf to fd. Returns 0 or an errno value. */
static int write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0 && errno != EINTR)
            return errno;
        if (w > 0) {
            buf += w;
            n -= (size_t)w;
        }
    }
    return 0;
}

/* Add entry at the end of the history file as it is now (see the header
 * comment). Returns 0 or an errno value. */
static int save_entry(const char *entry)
{
    if (make_parent_dirs(hist.path) != 0)
        return errno;
    struct strbuf old = STRBUF_INIT, out = STRBUF_INIT;
    int rc = read_file(hist.path, &old);
    if (rc != 0) {
        sb_free(&old);
        return rc;
    }
    struct hist_entry *e = NULL;
    size_t n = split_entries(old.buf ? old.buf : "", old.len, &e);
    long long now = (long long)time(NULL);
    for (size_t i = n + 1 > HIST_MAX ? n + 1 - HIST_MAX : 0; i < n; i++) {
        if (e[i].text_len == 0)
            continue; /* a timestamp line with no entry after it */
        if (e[i].stamp)
            sb_append(&out, e[i].stamp, e[i].stamp_len);
        else
            sb_printf(&out, "#%lld", now);
        sb_putc(&out, '\n');
        sb_append(&out, e[i].text, e[i].text_len);
        sb_putc(&out, '\n');
    }
    sb_printf(&out, "#%lld\n%s\n", now, entry);
    free(e);
    sb_free(&old);

    /* a temporary file beside the file (through a symbolic link: beside
     * its target), renamed over it */
    char *target = realpath(hist.path, NULL);
    if (!target)
        target = xstrdup(hist.path);
    char *tmp = xasprintf("%s.tmp-XXXXXX", target);
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        rc = write_all(fd, out.buf, out.len);
        if (close(fd) != 0 && rc == 0)
            rc = errno;
        if (rc == 0 && rename(tmp, target) != 0)
            rc = errno;
        if (rc != 0)
            unlink(tmp);
    } else {
        /* a writable file in a directory we cannot write: in place */
        fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        rc = fd < 0 ? errno : write_all(fd, out.buf, out.len);
        if (fd >= 0 && close(fd) != 0 && rc == 0)
            rc = errno;
    }
    free(tmp);
    free(target);
    sb_free(&out);
    return rc;
}

static void save(const char *entry)
{
    if (!hist.path)
        return;
    int rc = save_entry(entry);
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
        save(e);
    }
    free(e);
}

void rhist_close(void)
{
    free(hist.path);
    hist.path = NULL;
}
