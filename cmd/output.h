/*
 * output.h — result rows to text: table, tsv, csv, json, jsonl, raw (trailq(1),
 * OUTPUT).
 *
 * run.c opens a writer with the result columns (names in projection order,
 * and the static type that decides how a value is shown), then feeds it
 * one row at a time straight from the SQLite statement, then closes it.
 *
 * Value rendering, the same in every format:
 *   - SQL NULL is a missing value: an empty cell in table/tsv/csv, and the
 *     key is left out of the object in json/jsonl.
 *   - OT_TIME: INTEGER (or REAL) ms since the epoch printed in the time
 *     style (out_set_times): insights "YYYY-MM-DD HH:MM:SS.mmm" (tv_format)
 *     in the zone, followed by its offset then ("+02:00") outside UTC; iso
 *     the same with 'T' and "Z" or the offset; epoch the number of ms (a
 *     number, also in JSON). An offset with seconds (before 1900 in some
 *     zones) is written "+hh:mm:ss". A TEXT value is printed as is. A REAL
 *     is floored to whole ms; one that is not finite or outside the int64
 *     range is printed as a number, but as text (a JSON string).
 *   - OT_BOOL: INTEGER 0/1 printed as false/true; TEXT as is. Any non-zero
 *     number (INTEGER or REAL) is true.
 *   - INTEGER and REAL: numfmt.h (fmt_int / fmt_double).
 *   - TEXT: as is. BLOB: as text bytes.
 *   - json/jsonl: numbers (INTEGER/REAL, not OT_TIME/OT_BOOL) are JSON
 *     numbers (NaN/Infinity as strings); booleans (OT_BOOL, and the text
 *     true/false of OT_TEXTBOOL) JSON booleans; the JSON text of OT_JSON
 *     (a TEXT starting with '[' or '{') the JSON value itself; everything
 *     else is a JSON string.
 *
 * Formats:
 *   table  header row, a rule of '-' under it, columns separated by two
 *          spaces, numbers right-aligned, everything else left-aligned.
 *          Widths come from every row (the rows are kept until out_close)
 *          and count display columns by Unicode's rules; fitting to
 *          term_width (0 = unlimited, as into a pipe: nothing is cut)
 *          shrinks free text only, never a number or a time — the rules
 *          are in cmd/table.h. Control characters in cells are shown as
 *          \n, \t, \r, \xNN so a row stays one line (escape.h). Zero rows
 *          print nothing at all (no header).
 *          Details: "Control characters" are C0, DEL and C1
 *          (U+0080-U+009F) plus stray bytes 0x80-0x9f outside well-formed
 *          UTF-8, escaped per byte (\xNN, lower-case hex: U+0085 is
 *          \xc2\x85); each escape counts as its printed width. No line
 *          ends in spaces: the last column is not padded, nor are
 *          trailing empty cells.
 *   tsv    header line of column names, then one line per row, fields
 *          separated by a tab; backslash, tab, newline and CR inside a
 *          value are written as \\ \t \n \r, the other control characters
 *          (C0, DEL, C1) as \xNN per byte; to a terminal also stray bytes
 *          0x80-0x9f. Every escape can be undone, so the data is kept.
 *   csv    RFC 4180: header line, CRLF line ends, fields quoted with "
 *          when they contain , " CR or LF (quotes doubled); the empty
 *          value of a one-column row as "" (no blank line). To a terminal,
 *          control characters are shown as in a table (not undoable).
 *   json   one JSON array of row objects, "[]" for no rows, one row object
 *          per line: "[\n{...},\n{...}\n]\n".
 *   jsonl  one JSON object per line; nothing for no rows.
 *          To a terminal, json and jsonl also write DEL and C1 as \u
 *          escapes (the same characters) and a stray byte 0x80-0x9f as
 *          \ufffd.
 *          Objects are compact ({"a":1,"b":"x"}, no spaces); a row whose
 *          values are all NULL is {}.
 *   raw    the first column's text (-o raw compiles the query to show
 *          each event's @message), one per line, as is; to a terminal
 *          control characters other than the line break are escaped.
 *   tsv and csv write their header line before the first row (or in
 *   out_close), so it appears even when there are no rows; column names
 *   are escaped/quoted like values.
 *
 * Terminals: nothing from the data reaches a terminal as a raw control
 * character, in any format. Whether fp is a terminal is asked once, in
 * out_open (isatty); into a pipe or a file, json, jsonl and csv keep the
 * data exact and tsv's escapes can be undone.
 *
 * Errors: writes go through stdio; out_close() flushes and returns -1 with
 * errno set if any write failed (EPIPE is the caller's to treat as a quiet
 * end).
 *
 * Ownership: the writer owns copies of the column names; out_close frees it.
 */
#ifndef TRAILQ_OUTPUT_H
#define TRAILQ_OUTPUT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/timeval.h"
#include "base/tzone.h"

enum out_format { OUT_TABLE, OUT_TSV, OUT_CSV, OUT_JSON, OUT_JSONL, OUT_RAW };

enum out_type {
    OT_ANY,       /* render by the SQL storage class */
    OT_TIME,      /* integer ms: timestamp */
    OT_BOOL,      /* integer 0/1: false/true */
    OT_JSON,      /* a map or list as JSON text: a JSON value in json/jsonl */
    OT_TEXTBOOL,  /* text "true"/"false" of a field that only holds booleans:
                     JSON booleans in json/jsonl */
};

/* How times are written (--time-format). */
enum time_style {
    TIME_INSIGHTS,  /* 2024-03-01 10:00:00.000, then the offset outside UTC */
    TIME_ISO,       /* RFC 3339: 2024-03-01T10:00:00.000Z, or the offset */
    TIME_EPOCH,     /* milliseconds since the epoch, a number */
};

/* Room for a time's text with its offset ("+hh:mm:ss") and a NUL. */
#define OUT_TIME_MAX (TV_FMT_MAX + 10)
/* A time (ms since the epoch) as the formats write it in style and zone
 * (NULL is UTC); returns its length. */
size_t out_time_text(enum time_style style, const struct tzone *zone, int64_t ms,
                     char buf[OUT_TIME_MAX]);

struct out_col {
    const char *name;
    enum out_type type;
};

struct out_writer;

/* Parse a format name ("table", "tsv", ...); returns -1 if unknown. */
int out_format_parse(const char *name);
/* The name of a format ("table"). */
const char *out_format_name(enum out_format fmt);
/* The format to write to fp: format when one was asked for (>= 0), else
 * table on a terminal and tsv elsewhere (trailq(1), OUTPUT). */
enum out_format out_format_for(int format, FILE *fp);

/* A writer for n_cols columns (never NULL; free it with out_close). The
 * names are copied; fp is borrowed and must outlive the writer. term_width
 * is used by the table format only (0 or negative = unlimited). */
struct out_writer *out_open(enum out_format fmt, FILE *fp, const struct out_col *cols,
                            size_t n_cols, int term_width);
/* Write as to a terminal (on) or not, whatever fp is (tests and the fuzz
 * harness). Call before the first row; later calls do nothing. */
void out_set_terminal(struct out_writer *w, bool on);
/* Render the current row of stmt; column i of the statement is cols[i].
 * Returns 0, or -1 with errno set when a write failed; the first failure is
 * remembered, and every later out_row returns -1 at once (stop the loop, but
 * still call out_close). Table rows are kept until out_close, so a failure
 * to write them shows only there. */
int out_row(struct out_writer *w, sqlite3_stmt *stmt);
/* --color: the table's header line in bold (other formats: no effect).
 * Call before the first row. */
void out_set_color(struct out_writer *w, bool on);
/* --time-format and --tz: how times are written (default: insights, UTC).
 * zone is borrowed (NULL is UTC) and must outlive the writer. Call before
 * the first row. */
void out_set_times(struct out_writer *w, enum time_style style, const struct tzone *zone);
/* Table: the lines out_close will write (header, rule, rows); 0 for the
 * other formats, which write as rows come. */
size_t out_table_lines(const struct out_writer *w);
/* Write what is still to come to fp instead (the pager); call before
 * out_close. fp is borrowed. */
void out_redirect(struct out_writer *w, FILE *fp);
/* Rows received. */
size_t out_rows(const struct out_writer *w);
/* Finish (table: flush buffered rows; json: closing bracket), flush, free.
 * Returns -1 with errno set if any write or the fflush failed, else 0. The
 * FILE is not closed. w may be NULL (returns 0). */
int out_close(struct out_writer *w);

#endif
