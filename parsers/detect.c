/*
 * detect.c — content-based detection of the input type (see detect.h).
 *
 * JSON input is read as CloudTrail; anything else is not recognised.
 */
#include "parsers/detect.h"

#include <string.h>

enum input_type detect_type(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    if (i == n)
        return n == 0 ? IT_TEXT : IT_UNKNOWN;
    if (p[i] == '{' || p[i] == '[')
        return IT_CLOUDTRAIL;
    return IT_UNKNOWN;
}
