/*
 * chart.h — a stats result drawn as a chart in the terminal (trailq(1):
 * --chart, and .chart in the interactive mode), as the Logs Insights
 * console's Visualization tab draws it.
 *
 * What is drawn depends on the result's columns (query/compile.h, roles):
 *
 *   - a by key that is a time (bin(5m), or @timestamp): a time series of
 *     vertical bars, one column of the chart per time bucket (several
 *     buckets per column, summed, when there are more buckets than
 *     columns; buckets with no row count 0). Each combination of the
 *     other keys is one series, stacked, the largest first, at most
 *     CHART_MAX_SERIES of them (the others are left out and said so).
 *   - any other stats result: a horizontal bar per row, the largest
 *     first, at most as many as fit the terminal (CHART_MAX_BARS
 *     elsewhere), the others said so.
 *
 * The value drawn is the first aggregate. Rows whose value is missing or
 * not a number are left out; negative values are drawn as 0. The chart
 * takes the terminal's width and height (80 by 24 into a pipe or a file)
 * and Unicode block characters, or ASCII ('#', and one character per
 * series) when the locale is not UTF-8 (LANG=C).
 *
 * A result that is not a stats result (no aggregate column) is not drawn:
 * chart_wanted says so and the caller shows the rows.
 */
#ifndef TRAILQ_CHART_H
#define TRAILQ_CHART_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "cmd/settings.h"
#include "query/compile.h"

enum { CHART_MAX_SERIES = 5, CHART_MAX_BARS = 20 };

/* Can this result be drawn (has it an aggregate column)? */
bool chart_possible(const struct result_col *cols, size_t n_cols);

/* Step stmt to its end and draw its rows to fp, width x height characters
 * (0: 80 x 24), in Unicode or ASCII, times in the settings' style and
 * zone. Returns 0, or the SQLite error code of a failed step (stmt's
 * database has the message), or -1 if writing failed (errno set). */
int chart_draw(sqlite3_stmt *stmt, const struct result_col *cols, size_t n_cols,
               const struct settings *show, FILE *fp, int width, int height, bool unicode,
               size_t *n_rows);

#endif
