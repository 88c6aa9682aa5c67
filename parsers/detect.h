/*
 * detect.h — deciding what kind of log an input holds, from its content.
 *
 * detect_type() looks at the first bytes of the (decompressed) input, never
 * at its name. It answers IT_UNKNOWN rather than guess when the bytes fit
 * no format: a wrong guess gives wrong answers, an unknown type gives a
 * clear message.
 */
#ifndef TRAILQ_DETECT_H
#define TRAILQ_DETECT_H

#include <stddef.h>

#include "parsers/reader.h"

/* How many leading bytes detection wants to see (fewer is fine at EOF). */
enum { DETECT_BYTES = 64 * 1024 };

enum input_type detect_type(const char *p, size_t n);

#endif
