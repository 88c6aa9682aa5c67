/*
 * textts.h — the timestamp at the start of a plain-text log line.
 *
 * The text and lambda readers give each line the time it starts with. The
 * formats recognised are those that can be read without guessing (no
 * day/month order to choose, no field that might be something else):
 *
 *   2024-03-01T10:00:00.123Z, 2024-03-01 10:00:00,123 ...   ISO-8601 variants
 *   [2024-03-01 10:00:00]                                     bracketed ISO
 *   2024/03/01 10:00:00                                       Go's log package
 *   <13>1 2024-03-01T10:00:00Z ... / <13>Jun 14 15:16:01 ...  syslog priority
 *   Jun 14 15:16:01, Jul  1 09:00:55                          RFC 3164 syslog
 *   Jun 14 2024 15:16:01                                      syslog with year
 *   [Sun Dec 04 04:47:44 2005], Sun Dec 04 04:47:44.123 2005  ctime / Apache error log
 *   127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700]            Apache/nginx access log
 *   [10/Oct/2000:13:55:36 -0700]                              the same, alone
 *   1700000000, 1700000000.25, 1700000000123                  epoch seconds / ms
 *   - 1117838570 2005.06.03 ...                               BGL / Thunderbird
 *   081109 203615                                             HDFS (yyMMdd HHmmss)
 *   20171223-22:15:29:606                                     HealthApp
 *   [10.30 16:49:06]                                          Proxifier (MM.dd)
 *   03-17 16:13:38.811                                        Android logcat (MM-dd)
 *
 * Times without an offset are taken as UTC. Formats without a year (syslog,
 * Proxifier, logcat) take the year of the reference time (the file's
 * modification time), or the year before when that would put the line more
 * than a day after the reference time (a log written in December and read
 * in January). Not recognised, because they are ambiguous: yy/MM/dd (Spark,
 * also read as dd/MM/yy or MM/dd/yy elsewhere), a timestamp that is not at
 * the start of the line (OpenStack's file-name prefix, HPC's fifth field).
 *
 * Nothing here allocates or keeps state.
 */
#ifndef TRAILQ_TEXTTS_H
#define TRAILQ_TEXTTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* If line[0..n) starts with a timestamp in one of the formats above, set *ms
 * (ms since the epoch) and return true. ref_ms supplies missing years. */
bool textts_scan(const char *line, size_t n, int64_t ref_ms, int64_t *ms);

#endif
