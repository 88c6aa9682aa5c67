/*
 * escape.h — control characters in data made visible, so that nothing
 * trailq writes to a terminal (results or messages) can move the cursor,
 * retitle the window or otherwise drive the terminal.
 *
 * "Control characters" are C0 (bytes 0x00-0x1f), DEL (0x7f) and C1
 * (U+0080-U+009F, in UTF-8 the bytes c2 80 .. c2 9f). Each is written as
 * \n, \t or \r, or else as \xNN per byte with lower-case hex (U+009B is
 * \xc2\x9b), so the escape names the exact bytes. With ESC_RAW_C1, a byte
 * 0x80-0x9f that is not part of a well-formed UTF-8 character is written
 * as \xNN too: a terminal that is not in UTF-8 mode would take it for a C1
 * control (0x9b is CSI). Other bytes, valid UTF-8 or not, are copied.
 *
 * Used by cmd/output.c (table always; tsv always, with backslashes doubled;
 * csv and json to a terminal) and cmd/msgs.c (every message on stderr).
 */
#ifndef TRAILQ_ESCAPE_H
#define TRAILQ_ESCAPE_H

#include <stddef.h>

#include "base/strbuf.h"

enum esc_flags {
    ESC_BACKSLASH = 1,  /* write "\" as "\\" (tsv: the escapes can be undone) */
    ESC_RAW_C1 = 2,     /* escape bytes 0x80-0x9f outside well-formed UTF-8 */
    ESC_KEEP_LF = 4,    /* copy "\n" as is (multi-line messages) */
};

/* Append s[0..n) to sb with control characters escaped as above. Returns
 * the display width of what was appended, an escape counting its length.
 * With ESC_RAW_C1 the text is decoded and each character counts its
 * columns (uwidth.h: 2 for wide CJK, 0 for combining marks), each byte
 * outside well-formed UTF-8 one (a terminal shows one U+FFFD for it);
 * without, continuation bytes count zero and every other byte one. */
size_t esc_append(struct strbuf *sb, const char *s, size_t n, unsigned flags);

/* Length of the well-formed UTF-8 character at s[0..n) (1-4; 1 for ASCII),
 * or 0 when s does not start with one (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). n must be at least 1. */
size_t esc_utf8_len(const unsigned char *s, size_t n);

#endif
