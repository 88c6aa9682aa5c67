/*
 * repl.h — the interactive mode: queries typed at a prompt over an index
 * loaded once, with readline editing, history and completion.
 */
#ifndef TRAILQ_REPL_H
#define TRAILQ_REPL_H

#include <stdbool.h>

#include "index/store.h"
#include "query/compile.h"

/* Runs until end of input or .quit; returns the exit status (0). scoped:
 * .files lists only the sources in scope (copts->scope_where). */
int repl_run(struct store *st, const struct compile_opts *copts, bool scoped, int format);

#endif
