/*
 * lexer.c — the tokenizer of the Logs Insights query language (see lexer.h).
 *
 * One function, lex_next(), skips whitespace and '#' comments and then
 * reads one token by looking at its first byte. The only context it needs
 * is the mode the parser passes in: whether an operand is expected (a '/'
 * then opens a regex literal) or a value was just read ('/' divides).
 *
 * Decoding rules (docs/language.md#lexical-rules):
 *   names    [@]ident{.segment}; ident = [A-Za-z_$@][A-Za-z0-9_$@]*; a
 *            segment after a dot may start with a digit or be `quoted`;
 *            in backticks \` is a backtick, anything but a newline goes;
 *            @`odd name` is the name "@odd name"
 *   strings  '...' or "..."; \\ \" \' \n \t \r \/ \uXXXX; any other \x
 *            is x; '' inside '...' is one quote
 *   regexes  /.../ body kept as written except \/ becomes /; it may not
 *            span lines; letters after the closing / (flags) are an error
 *   numbers  123, 1.5, .5 (operand position), 1e3, 2.5E-3
 *   periods  an integer immediately followed by a time unit: 5m, 2hrs, 1mo
 */
#include "query/lexer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/chars.h"
#include "base/strbuf.h"

void lex_init(struct lexer *lx, const char *src, size_t len, struct arena *arena)
{
    lx->src = src;
    lx->len = (uint32_t)len;
    lx->pos = 0;
    lx->arena = arena;
}

void lex_seek(struct lexer *lx, uint32_t pos)
{
    lx->pos = pos <= lx->len ? pos : lx->len;
}

/* A character that may start a field name (trailq(1), Names). */
static bool is_ident_start(char c)
{
    return ch_is_alpha(c) || c == '_' || c == '$' || c == '@';
}

/* A character that may continue a name (or start a segment after a dot). */
static bool is_ident_char(char c)
{
    return is_ident_start(c) || ch_is_digit(c);
}

/* The byte at i, or NUL past the end (the text itself may hold no NUL:
 * the parser rejects such a query before lexing). */
static char at(const struct lexer *lx, uint32_t i)
{
    return i < lx->len ? lx->src[i] : '\0';
}

static void set_error(struct token *tok, uint32_t start, uint32_t end, const char *msg)
{
    tok->kind = TK_ERROR;
    tok->span.start = start;
    tok->span.end = end;
    tok->msg = msg;
}

/* Skip whitespace and comments from lx->pos. */
static void skip_blank(struct lexer *lx)
{
    while (lx->pos < lx->len) {
        char c = lx->src[lx->pos];
        if (ch_is_space(c)) {
            lx->pos++;
        } else if (c == '#') {
            while (lx->pos < lx->len && lx->src[lx->pos] != '\n')
                lx->pos++;
        } else {
            break;
        }
    }
}

/* Append code point cp to sb as UTF-8. */
static void put_utf8(struct strbuf *sb, uint32_t cp)
{
    if (cp < 0x80) {
        sb_putc(sb, (char)cp);
    } else if (cp < 0x800) {
        sb_putc(sb, (char)(0xC0 | (cp >> 6)));
        sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        sb_putc(sb, (char)(0xE0 | (cp >> 12)));
        sb_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
    } else {
        sb_putc(sb, (char)(0xF0 | (cp >> 18)));
        sb_putc(sb, (char)(0x80 | ((cp >> 12) & 0x3F)));
        sb_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
    }
}

/* Four hex digits at i as a code unit, or -1. */
static long hex4(const struct lexer *lx, uint32_t i)
{
    long v = 0;
    for (uint32_t k = 0; k < 4; k++) {
        int h = ch_hex_value(at(lx, i + k));
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* '...' or "..." starting at lx->pos (the quote). */
static void lex_string(struct lexer *lx, struct token *tok)
{
    uint32_t start = lx->pos;
    char q = lx->src[start];
    struct strbuf sb = STRBUF_INIT;
    uint32_t i = start + 1;
    for (;;) {
        if (i >= lx->len) {
            sb_free(&sb);
            lx->pos = lx->len;
            set_error(tok, start, start + 1, "unterminated string");
            return;
        }
        char c = lx->src[i];
        if (c == q) {
            if (q == '\'' && at(lx, i + 1) == '\'') {
                sb_putc(&sb, '\'');
                i += 2;
                continue;
            }
            i++;
            break;
        }
        if (c != '\\') {
            sb_putc(&sb, c);
            i++;
            continue;
        }
        if (i + 1 >= lx->len) {
            i++;
            continue; /* runs into the end: unterminated */
        }
        char e = lx->src[i + 1];
        i += 2;
        switch (e) {
        case 'n': sb_putc(&sb, '\n'); break;
        case 't': sb_putc(&sb, '\t'); break;
        case 'r': sb_putc(&sb, '\r'); break;
        case 'u': {
            long cp = hex4(lx, i);
            if (cp < 0) {
                sb_putc(&sb, 'u'); /* not \uXXXX: "any other \x keeps x" */
                break;
            }
            uint32_t esc_start = i - 2;
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && at(lx, i) == '\\' && at(lx, i + 1) == 'u') {
                long lo = hex4(lx, i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD; /* a lone surrogate */
            if (cp == 0) {
                sb_free(&sb);
                lx->pos = i;
                set_error(tok, esc_start, i, "a string cannot contain \\u0000");
                return;
            }
            put_utf8(&sb, (uint32_t)cp);
            break;
        }
        default:
            sb_putc(&sb, e); /* \\ \" \' \/ and any other \x: x */
            break;
        }
    }
    tok->kind = TK_STRING;
    tok->span.start = start;
    tok->span.end = i;
    tok->str = arena_strndup(lx->arena, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    lx->pos = i;
}

/* /.../ starting at lx->pos (the slash). */
static void lex_regex(struct lexer *lx, struct token *tok)
{
    uint32_t start = lx->pos;
    struct strbuf sb = STRBUF_INIT;
    uint32_t i = start + 1;
    for (;;) {
        char c = at(lx, i);
        if (i >= lx->len || c == '\n') {
            sb_free(&sb);
            lx->pos = i;
            set_error(tok, start, start + 1, "unterminated regex");
            return;
        }
        if (c == '/')
            break;
        if (c == '\\' && i + 1 < lx->len && lx->src[i + 1] != '\n') {
            if (lx->src[i + 1] == '/') {
                sb_putc(&sb, '/');
            } else {
                sb_putc(&sb, '\\');
                sb_putc(&sb, lx->src[i + 1]);
            }
            i += 2;
            continue;
        }
        sb_putc(&sb, c);
        i++;
    }
    i++; /* the closing slash */
    if (ch_is_alpha(at(lx, i))) {
        uint32_t f = i;
        while (ch_is_alpha(at(lx, i)))
            i++;
        sb_free(&sb);
        lx->pos = i;
        set_error(tok, f, i,
                  "regex flags after the closing / are not supported; use (?i) inside the pattern");
        return;
    }
    tok->kind = TK_REGEX;
    tok->span.start = start;
    tok->span.end = i;
    tok->str = arena_strndup(lx->arena, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    lx->pos = i;
}

/* A `backtick` segment at *pi (the opening backtick), appended to sb.
 * Returns false (and fills tok) on an error. */
static bool lex_backtick(struct lexer *lx, uint32_t *pi, struct strbuf *sb, struct token *tok)
{
    uint32_t start = *pi;
    uint32_t i = start + 1;
    size_t before = sb->len;
    for (;;) {
        char c = at(lx, i);
        if (i >= lx->len || c == '\n') {
            lx->pos = i;
            set_error(tok, start, start + 1, "unterminated backtick name");
            return false;
        }
        if (c == '`')
            break;
        if (c == '\\' && at(lx, i + 1) == '`') {
            sb_putc(sb, '`');
            i += 2;
            continue;
        }
        sb_putc(sb, c);
        i++;
    }
    i++;
    if (sb->len == before) {
        lx->pos = i;
        set_error(tok, start, i, "empty backtick name");
        return false;
    }
    *pi = i;
    return true;
}

/* A run of name characters at *pi appended to sb. Returns whether the run
 * is a plain word ([A-Za-z0-9_] only, not starting with a digit). */
static bool lex_ident_run(struct lexer *lx, uint32_t *pi, struct strbuf *sb)
{
    uint32_t i = *pi;
    bool word = !ch_is_digit(at(lx, i));
    while (i < lx->len && is_ident_char(lx->src[i])) {
        char c = lx->src[i];
        if (c == '@' || c == '$')
            word = false;
        sb_putc(sb, c);
        i++;
    }
    *pi = i;
    return word;
}

/* A field reference or word at lx->pos: [@]ident{.segment} (lexer.h). In
 * LEX_SEGMENT mode only one segment is read. */
static void lex_name(struct lexer *lx, enum lex_mode mode, struct token *tok)
{
    uint32_t start = lx->pos;
    uint32_t i = start;
    struct strbuf sb = STRBUF_INIT;
    bool word = true;
    int segments = 0;
    for (;;) {
        char c = at(lx, i);
        if (c == '@' && at(lx, i + 1) == '`') {
            sb_putc(&sb, '@');
            i++;
            c = '`';
        }
        if (c == '`') {
            word = false;
            if (!lex_backtick(lx, &i, &sb, tok)) {
                sb_free(&sb);
                return;
            }
        } else {
            bool w = lex_ident_run(lx, &i, &sb);
            word = word && w;
        }
        segments++;
        if (mode == LEX_SEGMENT || at(lx, i) != '.')
            break;
        char n = at(lx, i + 1);
        if (!is_ident_char(n) && n != '`') {
            sb_free(&sb);
            lx->pos = i + 1;
            set_error(tok, i, i + 1, "expected a name after '.'");
            return;
        }
        sb_putc(&sb, '.');
        i++;
    }
    tok->kind = TK_NAME;
    tok->span.start = start;
    tok->span.end = i;
    tok->word = word && segments == 1;
    tok->dotted = segments > 1;
    tok->str = arena_strndup(lx->arena, sb.buf, sb.len);
    sb_free(&sb);
    lx->pos = i;
}

/* A number or period at lx->pos (a digit, or '.' followed by a digit). */
static void lex_number(struct lexer *lx, struct token *tok)
{
    uint32_t start = lx->pos;
    uint32_t i = start;
    bool integral = true;
    while (ch_is_digit(at(lx, i)))
        i++;
    uint32_t int_end = i;
    if (at(lx, i) == '.' && ch_is_digit(at(lx, i + 1))) {
        integral = false;
        i++;
        while (ch_is_digit(at(lx, i)))
            i++;
    }
    char e = at(lx, i);
    if ((e == 'e' || e == 'E') &&
        (ch_is_digit(at(lx, i + 1)) ||
         ((at(lx, i + 1) == '+' || at(lx, i + 1) == '-') && ch_is_digit(at(lx, i + 2))))) {
        integral = false;
        i += 2;
        while (ch_is_digit(at(lx, i)))
            i++;
    }
    if (ch_is_alpha(at(lx, i)) || at(lx, i) == '_') {
        /* digits glued to letters: a period such as 5m, or a mistake */
        uint32_t unit = i;
        while (i < lx->len && (ch_is_alpha(lx->src[i]) || ch_is_digit(lx->src[i]) || lx->src[i] == '_'))
            i++;
        lx->pos = i;
        const char *lit = arena_strndup(lx->arena, lx->src + start, i - start);
        if (integral && int_end == unit) {
            if (tv_parse_period(lx->src + start, i - start, &tok->period)) {
                tok->kind = TK_PERIOD;
                tok->span.start = start;
                tok->span.end = i;
                return;
            }
            enum period_unit pu;
            bool nonzero = false;
            for (uint32_t k = start; k < unit; k++)
                nonzero |= lx->src[k] != '0';
            if (tv_parse_unit(lx->src + unit, i - unit, &pu) && nonzero)
                set_error(tok, start, i,
                          arena_printf(lx->arena,
                                       "period too long: '%s' is more than 9223372036854775807 "
                                       "ms (about 292 million years; a month counts 31 days, a "
                                       "year 366)",
                                       lit));
            else if (tv_parse_unit(lx->src + unit, i - unit, &pu))
                set_error(tok, start, i,
                          arena_printf(lx->arena, "invalid period '%s'", lit));
            else
                set_error(tok, start, i,
                          arena_printf(lx->arena, "unknown time unit '%.*s' in '%s'",
                                       (int)(i - unit), lx->src + unit, lit));
            return;
        }
        set_error(tok, start, i, arena_printf(lx->arena, "invalid number '%s'", lit));
        return;
    }
    char *text = arena_strndup(lx->arena, lx->src + start, i - start);
    tok->kind = TK_NUMBER;
    tok->span.start = start;
    tok->span.end = i;
    tok->num = strtod(text, NULL);
    if (integral) {
        errno = 0;
        long long v = strtoll(text, NULL, 10);
        if (errno != ERANGE) {
            tok->is_int = true;
            tok->ival = v;
        }
    }
    lx->pos = i;
}

/* An unexpected byte at lx->pos: name it (a whole UTF-8 character when it
 * is one) and step over it. */
static void lex_bad_char(struct lexer *lx, struct token *tok)
{
    uint32_t start = lx->pos;
    unsigned char c = (unsigned char)lx->src[start];
    uint32_t n = 1;
    if (c >= 0xC2 && c <= 0xF4) {
        uint32_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        uint32_t k = 1;
        while (k < want && ((unsigned char)at(lx, start + k) & 0xC0) == 0x80)
            k++;
        if (k == want)
            n = want;
    }
    lx->pos = start + n;
    const char *msg;
    if (n > 1)
        msg = arena_printf(lx->arena, "unexpected character '%.*s'", (int)n, lx->src + start);
    else if (c > 0x20 && c < 0x7F)
        msg = arena_printf(lx->arena, "unexpected character '%c'", c);
    else
        msg = arena_printf(lx->arena, "unexpected byte 0x%02x", c);
    set_error(tok, start, start + n, msg);
}

/* A token of one or two punctuation bytes. */
static void punct(struct lexer *lx, struct token *tok, enum lex_kind kind, uint32_t n)
{
    tok->kind = kind;
    tok->span.start = lx->pos;
    tok->span.end = lx->pos + n;
    lx->pos += n;
}

void lex_next(struct lexer *lx, enum lex_mode mode, struct token *tok)
{
    memset(tok, 0, sizeof *tok);
    uint32_t from = lx->pos;
    skip_blank(lx);
    if (lx->pos >= lx->len) {
        /* the end: an empty span just after the last token */
        tok->kind = TK_EOF;
        tok->span.start = tok->span.end = from;
        return;
    }
    char c = lx->src[lx->pos];
    char n = at(lx, lx->pos + 1);
    if (mode == LEX_SEGMENT && (is_ident_char(c) || c == '`')) {
        lex_name(lx, mode, tok);
        return;
    }
    if (is_ident_start(c) || c == '`') {
        lex_name(lx, mode, tok);
        return;
    }
    if (ch_is_digit(c) || (c == '.' && mode == LEX_OPERAND && ch_is_digit(n))) {
        lex_number(lx, tok);
        return;
    }
    switch (c) {
    case '\'':
    case '"': lex_string(lx, tok); return;
    case '|': punct(lx, tok, TK_PIPE, 1); return;
    case ',': punct(lx, tok, TK_COMMA, 1); return;
    case '(': punct(lx, tok, TK_LPAREN, 1); return;
    case ')': punct(lx, tok, TK_RPAREN, 1); return;
    case '[': punct(lx, tok, TK_LBRACKET, 1); return;
    case ']': punct(lx, tok, TK_RBRACKET, 1); return;
    case '.': punct(lx, tok, TK_DOT, 1); return;
    case '+': punct(lx, tok, TK_PLUS, 1); return;
    case '-': punct(lx, tok, TK_MINUS, 1); return;
    case '*': punct(lx, tok, TK_STAR, 1); return;
    case '%': punct(lx, tok, TK_PERCENT, 1); return;
    case '^': punct(lx, tok, TK_CARET, 1); return;
    case '/':
        if (mode == LEX_OPERAND)
            lex_regex(lx, tok);
        else
            punct(lx, tok, TK_SLASH, 1);
        return;
    case '=':
        if (n == '=') {
            set_error(tok, lx->pos, lx->pos + 2, "use = for comparison");
            lx->pos += 2;
        } else if (n == '~') {
            punct(lx, tok, TK_MATCH, 2);
        } else {
            punct(lx, tok, TK_EQ, 1);
        }
        return;
    case '!':
        if (n == '=') {
            punct(lx, tok, TK_NE, 2);
        } else {
            set_error(tok, lx->pos, lx->pos + 1, "unexpected character '!'; use 'not' or '!='");
            lx->pos++;
        }
        return;
    case '<':
        if (n == '=') {
            punct(lx, tok, TK_LE, 2);
        } else if (n == '>') {
            set_error(tok, lx->pos, lx->pos + 2, "use != for comparison");
            lx->pos += 2;
        } else {
            punct(lx, tok, TK_LT, 1);
        }
        return;
    case '>':
        punct(lx, tok, n == '=' ? TK_GE : TK_GT, n == '=' ? 2 : 1);
        return;
    case '&':
        if (n == '&') {
            set_error(tok, lx->pos, lx->pos + 2, "use 'and' instead of '&&'");
            lx->pos += 2;
            return;
        }
        break;
    default:
        break;
    }
    lex_bad_char(lx, tok);
}

bool lex_is_word(const struct token *tok, const char *kw)
{
    return tok->kind == TK_NAME && tok->word && strcasecmp(tok->str, kw) == 0;
}

const char *lex_kind_name(enum lex_kind kind)
{
    switch (kind) {
    case TK_EOF: return "end of query";
    case TK_ERROR: return "an invalid token";
    case TK_NAME: return "a name";
    case TK_NUMBER: return "a number";
    case TK_STRING: return "a string";
    case TK_REGEX: return "a regex";
    case TK_PERIOD: return "a period";
    case TK_PIPE: return "'|'";
    case TK_COMMA: return "','";
    case TK_LPAREN: return "'('";
    case TK_RPAREN: return "')'";
    case TK_LBRACKET: return "'['";
    case TK_RBRACKET: return "']'";
    case TK_DOT: return "'.'";
    case TK_PLUS: return "'+'";
    case TK_MINUS: return "'-'";
    case TK_STAR: return "'*'";
    case TK_SLASH: return "'/'";
    case TK_PERCENT: return "'%'";
    case TK_CARET: return "'^'";
    case TK_EQ: return "'='";
    case TK_NE: return "'!='";
    case TK_LT: return "'<'";
    case TK_LE: return "'<='";
    case TK_GT: return "'>'";
    case TK_GE: return "'>='";
    case TK_MATCH: return "'=~'";
    }
    return "?";
}

enum lex_mode lex_mode_after(const struct token *t)
{
    switch (t->kind) {
    case TK_DOT:
        return LEX_SEGMENT;
    case TK_NAME:
        if (lex_is_word(t, "and") || lex_is_word(t, "or") || lex_is_word(t, "not") ||
            lex_is_word(t, "like") || lex_is_word(t, "in"))
            return LEX_OPERAND;
        return LEX_OPERATOR;
    case TK_NUMBER: case TK_STRING: case TK_REGEX: case TK_PERIOD:
    case TK_RPAREN: case TK_RBRACKET:
        return LEX_OPERATOR;
    default:
        return LEX_OPERAND;
    }
}
