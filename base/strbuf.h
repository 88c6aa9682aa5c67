/*
 * strbuf.h — a growable byte buffer, always NUL-terminated.
 *
 * Used everywhere text is built: SQL, error messages, output rows, record
 * batches. A zeroed `struct strbuf` (STRBUF_INIT) is a valid empty buffer.
 * The buffer owns `buf`; sb_free() releases it, sb_detach() hands it over.
 */
#ifndef TRAILQ_STRBUF_H
#define TRAILQ_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
    char *buf;   /* NUL-terminated contents, or NULL while empty */
    size_t len;  /* bytes used, not counting the NUL */
    size_t cap;  /* bytes allocated */
};

#define STRBUF_INIT {NULL, 0, 0}

void sb_reserve(struct strbuf *sb, size_t extra);
void sb_append(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/* Append s as an SQL string literal: 'it''s'. */
void sb_sql_quote(struct strbuf *sb, const char *s, size_t n);
/* Append s as an SQL identifier: "a""b". */
void sb_sql_ident(struct strbuf *sb, const char *s);
/* Append s as a JSON string (with quotes and escapes). */
void sb_json_quote(struct strbuf *sb, const char *s, size_t n);
void sb_truncate(struct strbuf *sb, size_t len);
void sb_reset(struct strbuf *sb);
/* The contents ("" when empty); valid until the next change. */
const char *sb_str(const struct strbuf *sb);
/* Hand the buffer to the caller (who frees it); sb becomes empty. */
char *sb_detach(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
