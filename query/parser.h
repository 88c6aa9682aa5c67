/*
 * parser.h — query text to syntax tree (lexer.c + parser.c).
 *
 * query_parse() tokenises and parses a whole query. On success it returns a
 * struct query the caller owns and frees with query_free(); on failure it
 * returns NULL and fills *err (message + span). Only syntax is checked here:
 * unknown functions, argument counts and the command-order rules are the
 * analyser's job (compile.c), so that every message can still point at the
 * right token.
 */
#ifndef TRAILQ_PARSER_H
#define TRAILQ_PARSER_H

#include <stddef.h>

#include "query/ast.h"
#include "query/qerror.h"

/* Parsing gives up with "query nested too deeply" past this depth. */
enum { PARSE_MAX_DEPTH = 200 };

struct query *query_parse(const char *text, size_t len, struct qerror *err);
void query_free(struct query *q);

/* Print an expression back as normalised text (single spaces), as used for
 * unaliased column names: "count(*)", "avg(@duration)", "bin(5m)". The
 * result is written into out. */
void expr_to_text(const struct query *q, const struct expr *e, struct strbuf *out);

#endif
