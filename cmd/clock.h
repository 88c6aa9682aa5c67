/*
 * clock.h — the two clocks of cmd/, one home for each.
 *
 *   clock_wall_ms  CLOCK_REALTIME, ms since the epoch: a moment that is
 *                  stored or compared with event times — a query's now()
 *                  and --start/--end, when a source was loaded, the time
 *                  given to events of standard input that have none.
 *   clock_mono_ms  CLOCK_MONOTONIC, ms from an arbitrary start: a length
 *                  of time — how long a query or a load took, the progress
 *                  rate and ETA, the commit interval, the wait for a lock.
 *                  It never jumps when the system clock is set.
 */
#ifndef TRAILQ_CLOCK_H
#define TRAILQ_CLOCK_H

#include <stdint.h>

int64_t clock_wall_ms(void);
int64_t clock_mono_ms(void);

#endif
