/*
 * progress.h — the reading progress line on stderr (trailq(1), --progress).
 *
 * The loader (ingest.c) reports, as batches of events reach the index,
 * how many files are done, how far into the current file reading has got
 * (in bytes as stored: compressed bytes for gzip, input_position) and how
 * many events were loaded. After the first second, at most five times a
 * second, the line is redrawn:
 *
 *   reading: 0/1 files, 72 of 159 MB (45%), 120k events/s, ETA 11s
 *
 * so one large file shows its progress too. Standard input has no size:
 * its line says only the MB read and the rate.
 */
#ifndef TRAILQ_PROGRESS_H
#define TRAILQ_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

struct progress {
    bool on;                /* --progress: draw the line */
    int64_t start, last;    /* clock_mono_ms() at the start and at the last redraw */
    int64_t total_bytes;    /* of every file to read; 0 when unknown (standard input) */
    int64_t done_bytes;     /* of the files finished */
    int64_t cur_bytes;      /* read of the file being loaded */
    size_t files_done;
    bool shown;             /* the line is on the screen */
};

/* Redraw the line if it is time to (final: clear it). */
void progress_update(struct progress *p, size_t n_files, int64_t events, bool final);

/* The text of the line after elapsed_ms, without the redraw codes. */
void progress_text(struct strbuf *out, const struct progress *p, size_t n_files,
                   int64_t events, int64_t elapsed_ms);

#endif
