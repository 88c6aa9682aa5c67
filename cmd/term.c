/*
 * term.c — the terminal's size and character set (see term.h).
 */
#include "cmd/term.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

bool term_is(int fd)
{
    return isatty(fd) == 1;
}

/* A positive size from the environment (COLUMNS, LINES), or 0. */
static int env_size(const char *name)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    return *end == '\0' && n > 0 && n < 100000 ? (int)n : 0;
}

static int term_size(int fd, bool cols)
{
    if (!term_is(fd))
        return 0;
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && (cols ? ws.ws_col : ws.ws_row) > 0)
        return cols ? ws.ws_col : ws.ws_row;
    return env_size(cols ? "COLUMNS" : "LINES");
}

int term_width(int fd)
{
    return term_size(fd, true);
}

int term_height(int fd)
{
    return term_size(fd, false);
}

bool term_no_color(void)
{
    const char *v = getenv("NO_COLOR");
    return v && *v;
}

bool term_utf8(void)
{
    const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *v = getenv(names[i]);
        if (v && *v)
            return strcasestr(v, "UTF-8") || strcasestr(v, "utf8");
    }
    return false;
}
