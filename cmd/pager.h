/*
 * pager.h — results taller than the terminal go through a pager
 * (trailq(1): --no-pager, ENVIRONMENT).
 *
 * The command is $TRAILQ_PAGER, else $PAGER, else "less -SRFX" (-S: long
 * lines are cut, not folded, and scroll sideways; -R: colours pass; -F:
 * quit at once if it fits; -X: what was shown stays on the screen). An
 * empty variable means no pager. A command without shell syntax is run
 * directly, so one that cannot be started is known before anything is
 * written to it (the results then go to the terminal, with a warning);
 * one with quotes, pipes or the like is run by /bin/sh -c.
 *
 * While the pager runs trailq ignores SIGINT and SIGQUIT: Ctrl-C is the
 * pager's to handle (less stops reading), and the pager must not be left
 * alone on the terminal.
 */
#ifndef TRAILQ_PAGER_H
#define TRAILQ_PAGER_H

#include <stdio.h>

struct pager;

/* Start the pager; NULL when there is none to use (no command, or it
 * could not be started: a warning says so). */
struct pager *pager_open(void);
/* Where to write what it shows. */
FILE *pager_file(struct pager *p);
/* Close its input and wait until the user leaves it; frees p. */
void pager_close(struct pager *p);

#endif
