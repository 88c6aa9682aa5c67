/*
 * repl.h — the interactive mode: queries typed at a prompt over an index
 * loaded once, with readline editing, history, completion and
 * dot-commands (trailq(1), INTERACTIVE MODE).
 */
#ifndef TRAILQ_REPL_H
#define TRAILQ_REPL_H

#include <stdbool.h>

#include "cmd/settings.h"
#include "cmd/lookup.h"
#include "index/store.h"
#include "query/compile.h"

struct repl_opts {
    bool scoped;        /* .files lists only the sources in scope (copts->scope_where) */
    bool range_loaded;  /* only events inside copts' --start/--end were read (no --db) */
    struct settings *show; /* the display settings, which the dot-commands change
                              (cmd/settings.h): format, output, zone... */
    struct lookup_set *lookups; /* --lookup's tables; .lookup adds to them */
};

/* Runs until Ctrl-D or .quit; returns the exit status (0). copts is
 * copied: .start and .end change the copy. */
int repl_run(struct store *st, const struct compile_opts *copts, const struct repl_opts *ro);

#endif
