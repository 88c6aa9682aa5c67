/*
 * chars.h — the character classes of trailq's own scanners, in one place.
 *
 * The query lexer, the JSON scanner, the timestamp parsers and the SQL
 * functions read bytes, not characters of a locale. These classes are
 * ASCII only and the same whatever the locale (as SQLite's sqlite3Isdigit
 * family): a byte at or above 0x80 is never a digit, a letter or white
 * space here. <ctype.h> would consult the locale, and is undefined for a
 * negative char; these take a char or an unsigned char alike.
 *
 * Two kinds of white space: ch_is_space() is C's (space, \t, \n, \v, \f,
 * \r), what the query language and the string functions skip;
 * ch_is_json_ws() is JSON's (RFC 8259: space, \t, \n, \r only).
 */
#ifndef TRAILQ_CHARS_H
#define TRAILQ_CHARS_H

#include <stdbool.h>

/* '0'..'9' */
static inline bool ch_is_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10u;
}

/* 'A'..'Z' */
static inline bool ch_is_upper(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u;
}

/* 'a'..'z' */
static inline bool ch_is_lower(unsigned char c)
{
    return (unsigned)(c - 'a') < 26u;
}

/* An ASCII letter. */
static inline bool ch_is_alpha(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

/* An ASCII letter or digit. */
static inline bool ch_is_alnum(unsigned char c)
{
    return ch_is_alpha(c) || ch_is_digit(c);
}

/* C's white space in the C locale: space, \t, \n, \v, \f, \r. */
static inline bool ch_is_space(unsigned char c)
{
    return c == ' ' || (unsigned)(c - '\t') < 5u;
}

/* JSON's white space (RFC 8259): space, \t, \n, \r. */
static inline bool ch_is_json_ws(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The value of a hexadecimal digit (either case), or -1. */
static inline int ch_hex_value(unsigned char c)
{
    if (ch_is_digit(c))
        return c - '0';
    unsigned l = (unsigned)(c | 0x20) - 'a';
    return l < 6u ? (int)l + 10 : -1;
}

/* A hexadecimal digit, either case. */
static inline bool ch_is_xdigit(unsigned char c)
{
    return ch_hex_value(c) >= 0;
}

/* The ASCII letter in lower (upper) case; any other byte unchanged. */
static inline char ch_to_lower(unsigned char c)
{
    return (char)(ch_is_upper(c) ? c + ('a' - 'A') : c);
}

static inline char ch_to_upper(unsigned char c)
{
    return (char)(ch_is_lower(c) ? c - ('a' - 'A') : c);
}

#endif
