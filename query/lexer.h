/*
 * lexer.h — the tokenizer of the Logs Insights query language.
 *
 * The lexer turns query text into tokens one at a time, on demand, for the
 * recursive-descent parser (parser.c). It is hand-written (as SQLite's
 * tokenize.c is) and knows nothing about grammar beyond what the parser
 * tells it through the mode argument of lex_next():
 *
 *   LEX_OPERAND   an operand is expected: '/' starts a /regex/ and ".5" is
 *                 a number (after '(', ',', 'and', '=', at the start ...)
 *   LEX_OPERATOR  a value was just read: '/' is division, '.' is a dot
 *   LEX_SEGMENT   just after a postfix '.': a bare key such as 0, status or
 *                 `odd key` (jsonParse(@message).status)
 *
 * Whitespace (including newlines) separates tokens; '#' starts a comment
 * that runs to the end of the line. Both are skipped. A field reference
 * with dots ("requestParameters.items.0.instanceId", "@`odd name`",
 * "a.`b-c`") is ONE token whose decoded name joins the segments with '.'.
 * Words such as "and" or "stats" are TK_NAME tokens too; lex_is_word()
 * tells the parser whether a token is a given keyword (case-insensitive).
 *
 * Every token carries its byte range in the text. Decoded strings (string
 * literals with escapes resolved, regex bodies, field names) are allocated
 * in the arena given to lex_init() and live as long as it does. A lexical
 * error is returned as a TK_ERROR token whose msg says what is wrong (it
 * is static or in the arena); the lexer itself never records it anywhere.
 */
#ifndef TRAILQ_LEXER_H
#define TRAILQ_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/timeval.h"
#include "query/ast.h"

enum lex_kind {
    TK_EOF,       /* end of the text; empty span where lexing started */
    TK_ERROR,     /* a lexical error: msg says what, span says where */
    TK_NAME,      /* field reference or word: str is the decoded name */
    TK_NUMBER,    /* num (and is_int / ival when written as an integer) */
    TK_STRING,    /* '...' or "...": str with escapes resolved */
    TK_REGEX,     /* /.../: str is the body with \/ turned into / */
    TK_PERIOD,    /* 5m, 100ms, 2hrs: period */
    TK_PIPE,      /* | */
    TK_COMMA,     /* , */
    TK_LPAREN,    /* ( */
    TK_RPAREN,    /* ) */
    TK_LBRACKET,  /* [ */
    TK_RBRACKET,  /* ] */
    TK_DOT,       /* . (postfix access) */
    TK_PLUS,      /* + */
    TK_MINUS,     /* - */
    TK_STAR,      /* * */
    TK_SLASH,     /* / (division) */
    TK_PERCENT,   /* % */
    TK_CARET,     /* ^ */
    TK_EQ,        /* = */
    TK_NE,        /* != */
    TK_LT,        /* < */
    TK_LE,        /* <= */
    TK_GT,        /* > */
    TK_GE,        /* >= */
    TK_MATCH,     /* =~ */
};

enum lex_mode {
    LEX_OPERAND,  /* an operand is expected: '/' opens a regex */
    LEX_OPERATOR, /* after a value: '/' divides, '.' is TK_DOT */
    LEX_SEGMENT,  /* after a postfix '.': a bare key (may start with a digit) */
};

struct token {
    enum lex_kind kind;
    struct span span;       /* the token's bytes in the query text */
    char *str;              /* TK_NAME, TK_STRING, TK_REGEX: decoded text (arena) */
    const char *msg;        /* TK_ERROR: what is wrong (static or arena) */
    bool word;              /* TK_NAME: a bare identifier [A-Za-z_][A-Za-z0-9_]*
                               without '@', '$', dots or backticks (may be a keyword) */
    bool dotted;            /* TK_NAME: written with more than one segment (a.b) */
    bool is_int;            /* TK_NUMBER: written as an integer that fits int64 */
    int64_t ival;           /* TK_NUMBER when is_int */
    double num;             /* TK_NUMBER */
    struct period period;   /* TK_PERIOD */
};

struct lexer {
    const char *src;        /* the query text (not owned) */
    uint32_t len;           /* its length in bytes */
    uint32_t pos;           /* where the next token is looked for */
    struct arena *arena;    /* where decoded strings go (not owned) */
};

/* Start lexing src[0..len). len must be below UINT32_MAX (the parser checks). */
void lex_init(struct lexer *lx, const char *src, size_t len, struct arena *arena);

/* Read the next token after lx->pos in the given mode into *tok and move
 * past it. At the end it returns TK_EOF (again and again); on an error,
 * TK_ERROR with tok->msg set and lx->pos moved past the bad text. */
void lex_next(struct lexer *lx, enum lex_mode mode, struct token *tok);

/* Move the read position (to re-read a token in another mode). */
void lex_seek(struct lexer *lx, uint32_t pos);

/* True if tok is the bare word kw, compared case-insensitively
 * ("AND", "And" and "and" are all the keyword and; `and` is a field). */
bool lex_is_word(const struct token *tok, const char *kw);

/* The mode in which to read the token after tok inside an expression: a
 * segment after '.', an operator after a value, else an operand. Whoever
 * re-reads expression text token by token (the parser's expr_to_text, the
 * lexer's tests) steps with this. */
enum lex_mode lex_mode_after(const struct token *tok);

/* A short description of a kind for messages and tests: "','", "a string",
 * "end of query" ... (static). */
const char *lex_kind_name(enum lex_kind kind);

#endif
