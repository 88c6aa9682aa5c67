/*
 * pager.c — running the pager (see pager.h).
 */
#include "cmd/pager.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "cmd/msgs.h"

extern char **environ;

struct pager {
    pid_t pid;                    /* the pager process */
    FILE *fp;                     /* the write end of its standard input */
    struct sigaction old_int;     /* SIGINT and SIGQUIT as they were */
    struct sigaction old_quit;
};

/* The command to run, or NULL for none. */
static const char *pager_command(void)
{
    const char *cmd = getenv("TRAILQ_PAGER");
    if (!cmd)
        cmd = getenv("PAGER");
    if (!cmd)
        cmd = "less -SRFX";
    while (*cmd == ' ' || *cmd == '\t')
        cmd++;
    return *cmd ? cmd : NULL;
}

/* Split a command without shell syntax at blanks into argv (owned, and
 * its strings in *copy); NULL when it needs a shell. */
static char **split_plain(const char *cmd, char **copy)
{
    if (strpbrk(cmd, "\"'\\$`|&;<>()*?[]{}~#=\n"))
        return NULL;
    *copy = xstrdup(cmd);
    size_t n = 0, cap = 0;
    char **argv = NULL;
    for (char *p = *copy; *p;) {
        while (*p == ' ' || *p == '\t')
            *p++ = '\0';
        if (!*p)
            break;
        argv = xgrow(argv, &cap, n + 2, sizeof *argv);
        argv[n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
    }
    argv = xgrow(argv, &cap, n + 1, sizeof *argv);
    argv[n] = NULL;
    return argv;
}

struct pager *pager_open(void)
{
    const char *cmd = pager_command();
    if (!cmd)
        return NULL;
    int fds[2];
    if (pipe(fds) < 0) {
        warnf("cannot start the pager: %s", strerror(errno));
        return NULL;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    /* trailq ignores SIGPIPE (a closed pipe is a quiet end); the pager
     * gets the default back */
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t dfl;
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &dfl);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    char *copy = NULL;
    char **argv = split_plain(cmd, &copy);
    char *sh_argv[] = {"sh", "-c", (char *)cmd, NULL};
    pid_t pid;
    int rc = argv ? posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ)
                  : posix_spawn(&pid, "/bin/sh", &fa, &attr, sh_argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    free(argv);
    free(copy);
    close(fds[0]);
    if (rc != 0) {
        close(fds[1]);
        warnf("cannot start the pager '%s': %s (set TRAILQ_PAGER, or use --no-pager)", cmd,
              strerror(rc));
        return NULL;
    }
    struct pager *p = xcalloc(1, sizeof *p);
    p->pid = pid;
    p->fp = fdopen(fds[1], "w");
    if (!p->fp) {
        close(fds[1]);
        waitpid(pid, NULL, 0);
        free(p);
        return NULL;
    }
    struct sigaction ign = {.sa_handler = SIG_IGN};
    sigemptyset(&ign.sa_mask);
    sigaction(SIGINT, &ign, &p->old_int);
    sigaction(SIGQUIT, &ign, &p->old_quit);
    return p;
}

FILE *pager_file(struct pager *p)
{
    return p->fp;
}

void pager_close(struct pager *p)
{
    if (!p)
        return;
    fclose(p->fp); /* an EPIPE here (the user left early) is no error */
    while (waitpid(p->pid, NULL, 0) < 0 && errno == EINTR)
        ;
    sigaction(SIGINT, &p->old_int, NULL);
    sigaction(SIGQUIT, &p->old_quit, NULL);
    free(p);
}
