/*
 * repl_input.c — reading the lines of the interactive mode (see repl_int.h).
 *
 * readline runs in its callback mode: this file waits for input itself
 * (poll), hands readline one byte at a time, and gets the finished line
 * back through a handler. That is what lets Ctrl-C at a prompt throw the
 * line away and come back with a fresh prompt: our SIGINT handler only
 * sets a flag, poll() returns EINTR, and we reset readline's state (as
 * Python's readline module does). Ctrl-D on an empty line reaches the
 * handler as a NULL line (RIN_EOF); the loop decides what it means.
 *
 * readline reads its bytes through rin_getc from our own buffer, filled
 * from the terminal. So after a line is entered, the bytes already typed
 * or pasted after it can be looked at without consuming them
 * (rin_next_line_continues): a query pasted from the Insights console,
 * each line after the first starting with "| ", is one query even on a
 * terminal without bracketed paste.
 *
 * While a query runs, Ctrl-C interrupts it (sqlite3_interrupt) instead.
 * Ctrl-Z at a prompt gives the terminal back before stopping and takes it
 * again, redrawing the line, after fg (suspend).
 *
 * A signal handler sets its flag and writes a byte to a pipe that the wait
 * for input also polls (the self-pipe trick): a signal that comes between
 * the look at the flags and the wait still ends the wait, instead of
 * waiting for the next key.
 *
 * readline's callbacks and signal handlers take no user pointer, so the
 * state lives in one static struct, set up by rin_open.
 */
#include "cmd/repl_int.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

enum { RIN_BUFSIZE = 4096 };

static struct {
    int fd;                          /* the terminal we read */
    unsigned char buf[RIN_BUFSIZE];  /* bytes read, not yet given to readline */
    size_t pos, len;                 /* buf[pos..len) are unread */
    bool eof;                        /* read() returned 0 */
    char *line;                      /* the line the handler got (owned until taken) */
    bool done;                       /* the handler was called */
    struct store *st;                /* whose query Ctrl-C interrupts */
    struct sigaction old_int, old_winch, old_tstp;
} in;

static volatile sig_atomic_t got_sigint;    /* Ctrl-C at a prompt */
static volatile sig_atomic_t got_sigwinch;  /* the terminal was resized */
static volatile sig_atomic_t got_sigtstp;   /* Ctrl-Z at a prompt */
static volatile sig_atomic_t query_running; /* Ctrl-C interrupts the query */
static sqlite3 *volatile running_db;
static int wake_pipe[2] = {-1, -1};         /* written by the handlers, polled by rin_read */

/* From a signal handler: end the wait for input in rin_read. */
static void wake_up(void)
{
    int saved = errno;
    if (wake_pipe[1] >= 0) {
        ssize_t n = write(wake_pipe[1], "", 1); /* full: a wake-up is pending anyway */
        (void)n;
    }
    errno = saved;
}

static void drain_wake_pipe(void)
{
    char buf[64];
    while (read(wake_pipe[0], buf, sizeof buf) > 0)
        ;
}

static void on_sigint(int sig)
{
    (void)sig;
    if (query_running && running_db) {
        sqlite3_interrupt(running_db);
    } else {
        got_sigint = 1;
        wake_up();
    }
}

static void on_sigwinch(int sig)
{
    (void)sig;
    got_sigwinch = 1;
    wake_up();
}

static void on_sigtstp(int sig)
{
    (void)sig;
    got_sigtstp = 1;
    wake_up();
}

/* Ctrl-Z at a prompt: give the terminal back in its normal mode, stop,
 * and when continued (fg) take it again and redraw the line. Without
 * this, the shell's settings stay after fg: echo on, the line unseen. */
static void suspend(void)
{
    const char *meta = rl_variable_value("input-meta");
    (*rl_deprep_term_function)();
    fflush(rl_outstream ? rl_outstream : stdout);
    struct sigaction dfl = {0}, ours;
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &ours);
    raise(SIGTSTP); /* stopped here until continued */
    sigaction(SIGTSTP, &ours, NULL);
    (*rl_prep_term_function)(meta && strcmp(meta, "on") == 0);
    rl_forced_update_display();
}

/* Read what the terminal has into the buffer. wait: block until there is
 * something; else only take what is already there. Returns false at the
 * end of input or on an error. */
static bool fill(bool wait)
{
    if (in.pos < in.len)
        return true;
    in.pos = in.len = 0;
    if (in.eof)
        return false;
    if (!wait) {
        struct pollfd p = {.fd = in.fd, .events = POLLIN};
        if (poll(&p, 1, 0) <= 0)
            return false;
    }
    for (;;) {
        ssize_t n = read(in.fd, in.buf, sizeof in.buf);
        if (n > 0) {
            in.len = (size_t)n;
            return true;
        }
        if (n == 0 || errno != EINTR) {
            in.eof = true;
            return false;
        }
        /* a signal: in the middle of a key sequence, keep reading; the
         * flag is seen when readline returns to our loop */
    }
}

/* readline's byte source. */
static int rin_getc(FILE *fp)
{
    (void)fp;
    if (!fill(true))
        return EOF;
    return in.buf[in.pos++];
}

/* readline asks whether input is waiting (to tell ESC from an escape
 * sequence). */
static int rin_input_available(void)
{
    if (in.pos < in.len)
        return 1;
    struct pollfd p = {.fd = in.fd, .events = POLLIN};
    return poll(&p, 1, 100) > 0;
}

static void on_line(char *line)
{
    in.line = line;
    in.done = true;
    /* No new prompt until the caller asks: the query's output comes next,
     * on a terminal in its normal mode. */
    rl_callback_handler_remove();
}

void rin_open(struct store *st)
{
    in.fd = fileno(stdin);
    in.pos = in.len = 0;
    in.eof = false;
    in.st = st;
    if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        wake_pipe[0] = wake_pipe[1] = -1; /* then a signal is seen at the next key */
    rl_readline_name = "trailq";
    rl_getc_function = rin_getc;
    rl_input_available_hook = rin_input_available;
    /* our handlers, not readline's: see the header comment */
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &in.old_int);
    sa.sa_handler = on_sigwinch;
    sigaction(SIGWINCH, &sa, &in.old_winch);
}

void rin_close(void)
{
    sigaction(SIGINT, &in.old_int, NULL);
    sigaction(SIGWINCH, &in.old_winch, NULL);
    free(in.line);
    in.line = NULL;
    for (int i = 0; i < 2; i++) {
        if (wake_pipe[i] >= 0)
            close(wake_pipe[i]);
        wake_pipe[i] = -1;
    }
}

/* Ctrl-C at a prompt: show it after the line, forget the line and what
 * was typed ahead. */
static void interrupted(void)
{
    rl_point = rl_end;
    rl_redisplay();
    fputs("^C\n", rl_outstream ? rl_outstream : stdout);
    fflush(rl_outstream ? rl_outstream : stdout);
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_callback_handler_remove();
    in.pos = in.len = 0;
}

enum rin_result rin_read(const char *prompt, char **line)
{
    *line = NULL;
    in.done = false;
    in.line = NULL;
    got_sigint = 0;
    got_sigtstp = 0;
    /* Ctrl-Z is ours while reading (suspend); while a query runs the
     * terminal is in its normal mode and the default stop is right */
    struct sigaction sa = {0};
    sa.sa_handler = on_sigtstp;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTSTP, &sa, &in.old_tstp);
    /* readline resets this in readline(), not in callback mode: left set
     * after a Ctrl-D, every later line would end with an extra newline */
    rl_eof_found = 0;
    fflush(stdout);
    rl_callback_handler_install(prompt, on_line);
    while (!in.done) {
        if (got_sigwinch) {
            got_sigwinch = 0;
            rl_resize_terminal();
        }
        if (got_sigtstp) {
            got_sigtstp = 0;
            suspend();
        }
        if (got_sigint) {
            got_sigint = 0;
            interrupted();
            sigaction(SIGTSTP, &in.old_tstp, NULL);
            return RIN_INTERRUPT;
        }
        if (in.pos == in.len && !in.eof) {
            struct pollfd p[2] = {{.fd = in.fd, .events = POLLIN},
                                  {.fd = wake_pipe[0], .events = POLLIN}};
            if (poll(p, wake_pipe[0] >= 0 ? 2 : 1, -1) < 0) {
                if (errno == EINTR)
                    continue;
                break;
            }
            if (wake_pipe[0] >= 0 && (p[1].revents & POLLIN)) {
                drain_wake_pipe();
                continue; /* the flags first */
            }
        }
        rl_callback_read_char();
        if (in.eof && in.pos == in.len && !in.done) {
            /* the terminal is gone: nothing more will come */
            rl_callback_handler_remove();
            break;
        }
    }
    sigaction(SIGTSTP, &in.old_tstp, NULL);
    if (!in.done || !in.line) {
        free(in.line);
        in.line = NULL;
        return RIN_EOF;
    }
    *line = in.line;
    in.line = NULL;
    return RIN_LINE;
}

bool rin_next_line_continues(void)
{
    if (!fill(false))
        return false;
    for (size_t i = in.pos; i < in.len; i++) {
        if (in.buf[i] == ' ' || in.buf[i] == '\t')
            continue;
        return in.buf[i] == '|';
    }
    return false;
}

void rin_query_begin(void)
{
    running_db = store_db(in.st);
    query_running = 1;
}

void rin_query_end(void)
{
    query_running = 0;
    got_sigint = 0;
}
