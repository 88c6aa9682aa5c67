/*
 * exitcode.h — trailq's exit statuses (trailq(1), EXIT STATUS), named once
 * for every file of cmd/ that returns one.
 *
 * cmd/main.c decides the status of the whole run from these (finish());
 * the parts it calls (run, fieldlist, filelist, sqlgen, the REPL) return
 * the one their own work earned.
 */
#ifndef TRAILQ_EXITCODE_H
#define TRAILQ_EXITCODE_H

enum exit_status {
    EXIT_OK = 0,       /* everything was read and the query ran */
    EXIT_PARTIAL = 1,  /* it ran, but some input could not be read */
    EXIT_USAGE = 2,    /* the command line or the query is wrong */
    EXIT_FAIL = 3,     /* nothing could be done (index, output, memory) */
};

#endif
