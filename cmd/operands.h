/*
 * operands.h — mistakes in the order and kind of the operands (trailq(1),
 * DESCRIPTION: the first operand is the query unless it names a file).
 *
 * options.c takes the first operand as the query when it names no file,
 * and every other operand as a path. Two mistakes then go wrong in ways
 * that hide the cause: a query written after the paths is read as a file
 * that does not exist (or opens the interactive mode), and a mistyped
 * path in first place is parsed as a query ("/var/log/x" is a regex with
 * flags). operands_check() names them before anything is read:
 *
 *   trailq logs/ 'stats count(*)'   queries go before paths: 'stats count(*)' ...
 *   trailq /no/such/dir             no such file: /no/such/dir
 *
 * An operand that names no file is a query when it parses as one; the
 * first operand, when it does not, is a path when it looks like one (a
 * slash, a leading . or ~, or the extension of a log file).
 */
#ifndef TRAILQ_OPERANDS_H
#define TRAILQ_OPERANDS_H

#include "cmd/options.h"

/* 0 when the operands are in order, else -1 after the error is reported
 * (exit status 2). */
int operands_check(const struct options *o);

#endif
