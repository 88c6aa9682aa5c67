/*
 * term.h — what trailq asks of the terminal, asked in one place: whether
 * a descriptor is one, and its size.
 *
 * A size is only reported for a terminal: into a pipe or a file the width
 * is 0 (unlimited), so nothing written there is ever cut to fit a screen.
 * When the terminal does not say its size (TIOCGWINSZ fails or gives 0),
 * $COLUMNS and $LINES are used, as a shell exports them.
 */
#ifndef TRAILQ_TERM_H
#define TRAILQ_TERM_H

#include <stdbool.h>

bool term_is(int fd);
/* Columns of the terminal on fd; 0 when fd is not a terminal or its width
 * is not known. */
int term_width(int fd);
/* Lines of the terminal on fd; 0 as for term_width. */
int term_height(int fd);
/* Does the locale say UTF-8 ($LC_ALL, else $LC_CTYPE, else $LANG, as
 * setlocale reads them)? Charts then draw with Unicode blocks. */
bool term_utf8(void);
/* Does $NO_COLOR ask for no colour? Set and not empty, as no-color.org
 * says: NO_COLOR= alone asks nothing. */
bool term_no_color(void);

#endif
