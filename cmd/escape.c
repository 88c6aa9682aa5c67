/*
 * escape.c — control characters made visible (see escape.h).
 *
 * One pass over the bytes, copying runs of plain text with one append
 * each, so the common case (no control character at all) costs a scan.
 * Bytes below 0x80 need no decoding; above it, the only C1 control a
 * well-formed text can hold starts with 0xc2 (a lead byte, never a
 * continuation), so full UTF-8 decoding is needed only with ESC_RAW_C1,
 * which also counts display columns by Unicode's rules (uwidth.h).
 */
#include "cmd/escape.h"

#include "cmd/uwidth.h"

static const char hex[] = "0123456789abcdef";

size_t esc_utf8_len(const unsigned char *s, size_t n)
{
    uint32_t cp;
    return uwidth_decode((const char *)s, n, &cp);
}

/* Append "\xNN" for byte c. */
static void put_hex(struct strbuf *sb, unsigned char c)
{
    char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
    sb_append(sb, e, 4);
}

size_t esc_append(struct strbuf *sb, const char *s, size_t n, unsigned flags)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t width = 0, run = 0, i = 0;
    while (i < n) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x7f && !(c == '\\' && (flags & ESC_BACKSLASH))) {
            run++;
            width++;
            i++;
            continue;
        }
        if (c == '\n' && (flags & ESC_KEEP_LF)) {
            run++;
            i++;
            continue;
        }
        if (c >= 0x80) {
            if (c == 0xc2 && i + 1 < n && u[i + 1] < 0xa0 && u[i + 1] >= 0x80) {
                sb_append(sb, s + i - run, run); /* U+0080-U+009F */
                run = 0;
                put_hex(sb, c);
                put_hex(sb, u[i + 1]);
                width += 8;
                i += 2;
                continue;
            }
            uint32_t cp = 0xfffd;
            size_t len = (flags & ESC_RAW_C1) ? uwidth_decode(s + i, n - i, &cp) : 1;
            if (len == 0 && c < 0xa0) {
                sb_append(sb, s + i - run, run); /* a stray 0x80-0x9f */
                run = 0;
                put_hex(sb, c);
                width += 4;
                i++;
                continue;
            }
            if (len == 0) {
                len = 1; /* a stray byte: one U+FFFD on a terminal */
                cp = 0xfffd;
            }
            /* its columns; without decoding, count lead bytes only */
            width += (flags & ESC_RAW_C1) ? (size_t)uwidth_cp(cp) : (c & 0xc0) != 0x80;
            run += len;
            i += len;
            continue;
        }
        sb_append(sb, s + i - run, run);
        run = 0;
        switch (c) {
        case '\\': sb_append(sb, "\\\\", 2); width += 2; break;
        case '\n': sb_append(sb, "\\n", 2); width += 2; break;
        case '\t': sb_append(sb, "\\t", 2); width += 2; break;
        case '\r': sb_append(sb, "\\r", 2); width += 2; break;
        default: put_hex(sb, c); width += 4;
        }
        i++;
    }
    sb_append(sb, s + n - run, run);
    return width;
}
