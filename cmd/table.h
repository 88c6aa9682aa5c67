/*
 * table.h — the table format's layout: a grid of text cells sized from
 * every row and fitted to the terminal (trailq(1), OUTPUT).
 *
 * cmd/output.c turns each value into text and hands it here with its kind;
 * this module keeps every row (the widest value may come last), then
 * writes the header, a rule of '-' and the rows with columns two spaces
 * apart. Cells are escaped on the way in (escape.h: a control character
 * never reaches the terminal) and measured in display columns by
 * Unicode's rules (uwidth.h: CJK two, combining marks none).
 *
 * Narrowing to term_width (0 = never, as into a pipe):
 *   1. Only columns of free text shrink: the widest first, one column at a
 *      time down to the next widest, never below TBL_MIN_FIT (a column
 *      already narrower keeps its width) nor below the widest number,
 *      time or boolean it holds. A cut cell ends with "…".
 *   2. If that is not enough, a column of only numbers, times and
 *      booleans whose header is wider than its values gives up the
 *      difference (its header is cut).
 *   3. Beyond that the lines stay wider than the terminal: a number or a
 *      time is never cut.
 * Numbers are right-aligned, everything else left; a header is
 * right-aligned when its column holds numbers and no other text. No line
 * ends in spaces. Zero rows print nothing (no header).
 *
 * Ownership: the table owns copies of everything given to it; tbl_free
 * frees it.
 */
#ifndef TRAILQ_TABLE_H
#define TRAILQ_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Narrowing never takes a column of free text below this. */
enum { TBL_MIN_FIT = 8 };

enum tbl_kind {
    TBL_NULL,    /* a missing value: an empty cell */
    TBL_TEXT,    /* free text: left-aligned, may be cut to fit */
    TBL_NUMBER,  /* right-aligned, never cut */
    TBL_WHOLE,   /* a time or a boolean: left-aligned, never cut */
};

struct table;

/* A table of n_cols columns named names[0..n_cols) (copied). */
struct table *tbl_new(const char *const *names, size_t n_cols);
/* The next cell of the current row (cells come in column order; the
 * n_cols-th ends the row). s[0..n) is the value's text, not yet escaped. */
void tbl_cell(struct table *t, enum tbl_kind kind, const char *s, size_t n);
/* Rows given so far. */
size_t tbl_rows(const struct table *t);
/* Lines tbl_write will write: header, rule and rows; 0 without rows. */
size_t tbl_lines(const struct table *t);
/* Write the table to fp, fitted to term_width (0: unlimited), the header
 * in bold with bold_header. Returns 0, or -1 with errno set when a write
 * failed. */
int tbl_write(struct table *t, FILE *fp, int term_width, bool bold_header);
void tbl_free(struct table *t);

#endif
