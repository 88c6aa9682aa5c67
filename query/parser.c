/*
 * parser.c — recursive-descent parser from query text to syntax tree.
 *
 * query_parse() reads a whole Logs Insights query (trailq(1), QUERY LANGUAGE) into a
 * struct query (ast.h). It pulls tokens from the lexer one at a time with
 * one token of lookahead; each read says whether an operand or an operator
 * is expected there, which is all the lexer needs to tell a /regex/ from a
 * division. Each parse function below carries the grammar rule it reads.
 *
 * Expression precedence, loosest first (docs/language.md#operators-and-precedence):
 *
 *     level  operators                                   assoc
 *       1    or                                          left
 *       2    and                                         left
 *       3    not (prefix)                                right
 *       4    = != < <= > >=  [not] like  =~  [not] in    none (a = b = c is an error)
 *       5    + -                                         left
 *       6    * / %                                       left
 *       7    ^                                           right
 *       8    - (prefix)                                  right
 *       9    postfix .key and [i]; literals, fields, calls, ( )
 *
 * Depth: every nested expression, prefix operator and link of an arithmetic
 * chain counts one level, so the tree the analyser and compiler walk
 * recursively is never deeper than PARSE_MAX_DEPTH (a chain of `and` or
 * `or` is one node however long, see parse_logic).
 *
 * Errors: the first problem found stops the parse; it is recorded in a
 * struct qerror with the span of the offending token (at the end of the
 * query: an empty span just after the last token). All nodes live in the
 * query's arena, so failing needs no cleanup beyond query_free().
 */
#include "query/parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/strdist.h"
#include "base/xalloc.h"
#include "query/funcs.h"
#include "query/lexer.h"

struct parser {
    struct lexer lx;        /* reads from q->text */
    struct query *q;        /* the query being built */
    struct arena *a;        /* q's arena */
    struct qerror *err;     /* where the first error goes */
    struct token tok;       /* the lookahead token (valid when have) */
    bool have;              /* tok holds the token at cursor, read in tok_mode */
    enum lex_mode tok_mode; /* the mode tok was read in */
    uint32_t cursor;        /* end of the last consumed token */
    struct token prev;      /* the last consumed token (kind TK_EOF before any) */
    int depth;              /* current nesting level (see the header comment) */
    bool in_sub;            /* inside a subquery: ')' ends its commands */
};

/* ---- tokens ------------------------------------------------------------ */

/* The next token, read in mode (re-read if it was read in another mode).
 * A lexical error is recorded here, the first time it is seen. */
static const struct token *peek(struct parser *p, enum lex_mode mode)
{
    if (!p->have || p->tok_mode != mode) {
        lex_seek(&p->lx, p->cursor);
        lex_next(&p->lx, mode, &p->tok);
        p->have = true;
        p->tok_mode = mode;
        if (p->tok.kind == TK_ERROR)
            qerror_set(p->err, p->tok.span, "%s", p->tok.msg);
    }
    return &p->tok;
}

/* Consume the token last returned by peek(). */
static struct token advance(struct parser *p)
{
    p->prev = p->tok;
    p->cursor = p->tok.span.end;
    p->have = false;
    return p->prev;
}

static bool is_word(struct parser *p, enum lex_mode mode, const char *kw)
{
    return lex_is_word(peek(p, mode), kw);
}

/* A token as quoted in a message: 'stats', "a string", /re/, end of query.
 * Long or multi-line text is cut with "...". (Arena memory.) */
static const char *describe(struct parser *p, const struct token *t)
{
    if (t->kind == TK_EOF)
        return "end of query";
    const char *s = p->q->text + t->span.start;
    size_t n = t->span.end - t->span.start;
    bool cut = false;
    const char *nl = memchr(s, '\n', n);
    if (nl) {
        n = (size_t)(nl - s);
        cut = true;
    }
    if (n > 40) {
        n = 37;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* do not split a UTF-8 character */
        cut = true;
    }
    const char *dots = cut ? "..." : "";
    if (t->kind == TK_STRING || t->kind == TK_REGEX)
        return arena_printf(p->a, "%.*s%s", (int)n, s, dots);
    return arena_printf(p->a, "'%.*s%s'", (int)n, s, dots);
}

/* The last consumed token, described. */
static const char *prev_text(struct parser *p)
{
    return describe(p, &p->prev);
}

/* "LINE:COL" of a byte offset, for messages that point back. */
static const char *position(struct parser *p, uint32_t off)
{
    int line, col;
    qerror_position(p->q->text, p->q->len, off, &line, &col);
    return arena_printf(p->a, "%d:%d", line, col);
}

static void fail(struct parser *p, struct span where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(struct parser *p, struct span where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qerror_vset(p->err, where, fmt, ap);
    va_end(ap);
}

/* Go one level deeper; false (error recorded, level not taken) past the
 * limit. The error points at the token that opened the level. */
static bool enter(struct parser *p)
{
    if (p->depth >= PARSE_MAX_DEPTH) {
        fail(p, p->prev.span, "query nested too deeply (more than %d levels)", PARSE_MAX_DEPTH);
        return false;
    }
    p->depth++;
    return true;
}

/* ---- nodes ------------------------------------------------------------- */

static struct expr *new_expr(struct parser *p, enum expr_kind kind, struct span span)
{
    struct expr *e = arena_alloc(p->a, sizeof *e);
    e->kind = kind;
    e->span = span;
    return e;
}

static struct span cover(struct span a, struct span b)
{
    struct span s = {a.start, b.end};
    return s;
}

static struct expr *new_binary(struct parser *p, enum expr_kind kind, enum expr_op op,
                               struct expr *l, struct expr *r)
{
    struct expr *e = new_expr(p, kind, cover(l->span, r->span));
    e->op = op;
    e->args = arena_alloc(p->a, 2 * sizeof *e->args);
    e->args[0] = l;
    e->args[1] = r;
    e->n_args = 2;
    return e;
}

static struct expr *new_unary(struct parser *p, enum expr_op op, struct span opspan, struct expr *x)
{
    struct expr *e = new_expr(p, EX_UNARY, cover(opspan, x->span));
    e->op = op;
    e->args = arena_alloc(p->a, sizeof *e->args);
    e->args[0] = x;
    e->n_args = 1;
    return e;
}

/* Append e to an arena array of expression pointers. */
static void push_expr(struct parser *p, struct expr ***arr, size_t *n, size_t *cap, struct expr *e)
{
    *arr = arena_grow(p->a, *arr, cap, *n + 1, sizeof **arr);
    (*arr)[(*n)++] = e;
}

/* A literal token as a leaf node (number, string, regex, period). */
static struct expr *literal(struct parser *p, const struct token *t)
{
    static const enum expr_kind kinds[] = {
        [TK_NUMBER] = EX_NUMBER, [TK_STRING] = EX_STRING,
        [TK_REGEX] = EX_REGEX,   [TK_PERIOD] = EX_PERIOD,
    };
    struct expr *e = new_expr(p, kinds[t->kind], t->span);
    e->num = t->num;
    e->is_int = t->is_int;
    e->ival = t->ival;
    e->str = t->str;
    e->period = t->period;
    return e;
}

/* ---- expressions ------------------------------------------------------- */

static struct expr *parse_expr(struct parser *p);
static struct query *parse_subquery(struct parser *p, const char *what);

/* Words that are operators or clause keywords, never an operand. */
static bool is_reserved(const struct token *t)
{
    static const char *const words[] = {"and", "or", "not", "like", "in", "as", "by"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (lex_is_word(t, words[k]))
            return true;
    return false;
}

/* The "expected an expression" error at token t. */
static struct expr *no_operand(struct parser *p, const struct token *t)
{
    if (t->kind == TK_ERROR)
        return NULL;
    if (p->prev.kind == TK_EOF)
        fail(p, t->span, "expected an expression");
    else
        fail(p, t->span, "expected an expression after %s", prev_text(p));
    return NULL;
}

/* list = "[" [ expr { "," expr } ] "]" */
static struct expr *parse_list(struct parser *p)
{
    struct token open = advance(p);
    struct expr *e = new_expr(p, EX_LIST, open.span);
    size_t cap = 0;
    if (peek(p, LEX_OPERAND)->kind != TK_RBRACKET) {
        for (;;) {
            struct expr *x = parse_expr(p);
            if (!x)
                return NULL;
            push_expr(p, &e->args, &e->n_args, &cap, x);
            const struct token *t = peek(p, LEX_OPERATOR);
            if (t->kind == TK_COMMA) {
                advance(p);
                continue;
            }
            if (t->kind == TK_RBRACKET)
                break;
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected ',' or ']' to close '[' at %s",
                     position(p, open.span.start));
            return NULL;
        }
    }
    e->span.end = advance(p).span.end;
    return e;
}

/* call = funcname "(" [ "*" | expr { "," expr } ] ")"   (name already read) */
static struct expr *parse_call(struct parser *p, const struct token *name)
{
    struct token open = advance(p);
    struct expr *e = new_expr(p, EX_CALL, name->span);
    e->name = name->str;
    e->name_span = name->span;
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind == TK_STAR) {
        advance(p);
        t = peek(p, LEX_OPERATOR);
        if (t->kind != TK_RPAREN) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected ')' after '*'");
            return NULL;
        }
        e->star = true;
    } else if (t->kind != TK_RPAREN) {
        size_t cap = 0;
        for (;;) {
            struct expr *x = parse_expr(p);
            if (!x)
                return NULL;
            push_expr(p, &e->args, &e->n_args, &cap, x);
            t = peek(p, LEX_OPERATOR);
            if (t->kind == TK_COMMA) {
                advance(p);
                continue;
            }
            if (t->kind == TK_RPAREN)
                break;
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected ',' or ')' to close '%s(' at %s", name->str,
                     position(p, open.span.start));
            return NULL;
        }
    }
    e->span.end = advance(p).span.end;
    return e;
}

/* primary = number | string | regex | period | "true" | "false" | list
 *         | fieldref | call | "(" expr ")"
 * *postfix_ok says whether postfix access may follow (fields, calls, ( )). */
static struct expr *parse_primary(struct parser *p, bool *postfix_ok)
{
    *postfix_ok = false;
    const struct token *t = peek(p, LEX_OPERAND);
    switch (t->kind) {
    case TK_NUMBER:
    case TK_STRING:
    case TK_REGEX:
    case TK_PERIOD: {
        struct token lit = advance(p);
        return literal(p, &lit);
    }
    case TK_LBRACKET:
        return parse_list(p);
    case TK_LPAREN: {
        struct token open = advance(p);
        struct expr *x = parse_expr(p);
        if (!x)
            return NULL;
        const struct token *close = peek(p, LEX_OPERATOR);
        if (close->kind != TK_RPAREN) {
            if (close->kind != TK_ERROR)
                fail(p, close->span, "expected ')' to close '(' at %s", position(p, open.span.start));
            return NULL;
        }
        /* no node for parentheses: the inner node's text takes them in */
        x->span = cover(open.span, advance(p).span);
        *postfix_ok = true;
        return x;
    }
    case TK_NAME: {
        if (is_reserved(t))
            return no_operand(p, t);
        struct token name = advance(p);
        if (lex_is_word(&name, "true") || lex_is_word(&name, "false")) {
            struct expr *e = new_expr(p, EX_BOOL, name.span);
            e->ival = lex_is_word(&name, "true");
            return e;
        }
        if (peek(p, LEX_OPERATOR)->kind == TK_LPAREN) {
            if (!name.word) {
                fail(p, name.span, "%s is not a function name", describe(p, &name));
                return NULL;
            }
            *postfix_ok = true;
            return parse_call(p, &name);
        }
        struct expr *e = new_expr(p, EX_FIELD, name.span);
        e->name = name.str;
        e->name_span = name.span;
        *postfix_ok = true;
        return e;
    }
    default:
        return no_operand(p, t);
    }
}

/* postfix = primary { "." key | "[" expr "]" }
 * (access on calls, parenthesised expressions and fields; a dotted name
 * such as a.b.c is already one field token) */
static struct expr *parse_postfix(struct parser *p)
{
    bool ok;
    struct expr *e = parse_primary(p, &ok);
    int links = 0;
    while (e && ok) {
        const struct token *t = peek(p, LEX_OPERATOR);
        if (t->kind != TK_DOT && t->kind != TK_LBRACKET)
            break;
        struct token op = advance(p);
        if (!enter(p)) {
            e = NULL;
            break;
        }
        links++;
        struct expr *acc = new_expr(p, EX_ACCESS, e->span);
        acc->args = arena_alloc(p->a, 2 * sizeof *acc->args);
        acc->args[0] = e;
        acc->n_args = 1;
        if (op.kind == TK_DOT) {
            const struct token *k = peek(p, LEX_SEGMENT);
            if (k->kind != TK_NAME) {
                if (k->kind != TK_ERROR)
                    fail(p, k->span, "expected a key after '.'");
                e = NULL;
                break;
            }
            struct token key = advance(p);
            acc->name = key.str;
            acc->name_span = key.span;
            acc->span.end = key.span.end;
        } else {
            struct expr *idx = parse_expr(p);
            if (!idx) {
                e = NULL;
                break;
            }
            const struct token *close = peek(p, LEX_OPERATOR);
            if (close->kind != TK_RBRACKET) {
                if (close->kind != TK_ERROR)
                    fail(p, close->span, "expected ']' to close '[' at %s",
                         position(p, op.span.start));
                e = NULL;
                break;
            }
            acc->args[1] = idx;
            acc->n_args = 2;
            acc->span.end = advance(p).span.end;
        }
        e = acc;
    }
    p->depth -= links;
    return e;
}

/* unary = "-" unary | postfix */
static struct expr *parse_unary(struct parser *p)
{
    if (peek(p, LEX_OPERAND)->kind != TK_MINUS)
        return parse_postfix(p);
    struct token op = advance(p);
    if (!enter(p))
        return NULL;
    struct expr *x = parse_unary(p);
    p->depth--;
    return x ? new_unary(p, OP_NEG, op.span, x) : NULL;
}

/* pow_expr = unary [ "^" pow_expr ]      (right-associative) */
static struct expr *parse_pow(struct parser *p)
{
    struct expr *l = parse_unary(p);
    if (!l || peek(p, LEX_OPERATOR)->kind != TK_CARET)
        return l;
    advance(p);
    if (!enter(p))
        return NULL;
    struct expr *r = parse_pow(p);
    p->depth--;
    return r ? new_binary(p, EX_BINARY, OP_POW, l, r) : NULL;
}

/* The operator of levels 5 and 6 that token t is, or OP_NONE. */
static enum expr_op arith_op(const struct token *t, int level)
{
    if (level == 5)
        return t->kind == TK_PLUS ? OP_ADD : t->kind == TK_MINUS ? OP_SUB : OP_NONE;
    switch (t->kind) {
    case TK_STAR: return OP_MUL;
    case TK_SLASH: return OP_DIV;
    case TK_PERCENT: return OP_MOD;
    default: return OP_NONE;
    }
}

/* add_expr = mul_expr { ("+" | "-") mul_expr }     (level 5)
 * mul_expr = pow_expr { ("*" | "/" | "%") pow_expr } (level 6) */
static struct expr *parse_arith(struct parser *p, int level)
{
    struct expr *l = level == 5 ? parse_arith(p, 6) : parse_pow(p);
    int links = 0;
    while (l) {
        enum expr_op op = arith_op(peek(p, LEX_OPERATOR), level);
        if (op == OP_NONE)
            break;
        advance(p);
        if (!enter(p)) {
            l = NULL;
            break;
        }
        links++;
        struct expr *r = level == 5 ? parse_arith(p, 6) : parse_pow(p);
        l = r ? new_binary(p, EX_BINARY, op, l, r) : NULL;
    }
    p->depth -= links;
    return l;
}

/* Whether t starts a comparison (to reject a chained one). */
static bool starts_comparison(const struct token *t)
{
    switch (t->kind) {
    case TK_EQ: case TK_NE: case TK_LT: case TK_LE: case TK_GT: case TK_GE: case TK_MATCH:
        return true;
    default:
        return lex_is_word(t, "like") || lex_is_word(t, "in") || lex_is_word(t, "not");
    }
}

static enum expr_op compare_op(enum lex_kind k)
{
    switch (k) {
    case TK_EQ: return OP_EQ;
    case TK_NE: return OP_NE;
    case TK_LT: return OP_LT;
    case TK_LE: return OP_LE;
    case TK_GT: return OP_GT;
    case TK_GE: return OP_GE;
    default: return OP_NONE;
    }
}

/* The right side of like / =~: a string (like only) or a regex. */
static struct expr *parse_pattern_operand(struct parser *p, bool string_ok)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind == TK_REGEX || (string_ok && t->kind == TK_STRING)) {
        struct token lit = advance(p);
        return literal(p, &lit);
    }
    if (t->kind != TK_ERROR)
        fail(p, t->span, "expected %s after %s",
             string_ok ? "a string or a /regex/" : "a /regex/", prev_text(p));
    return NULL;
}

/* cmp_expr = add_expr [ ("=" | "!=" | "<" | "<=" | ">" | ">=") add_expr
 *                     | ["not"] "like" (string | regex)
 *                     | "=~" regex
 *                     | ["not"] "in" list ]                        (level 4) */
static struct expr *parse_cmp(struct parser *p)
{
    struct expr *l = parse_arith(p, 5);
    if (!l)
        return NULL;
    const struct token *t = peek(p, LEX_OPERATOR);
    struct expr *e;
    enum expr_op op = compare_op(t->kind);
    if (op != OP_NONE) {
        advance(p);
        struct expr *r = parse_arith(p, 5);
        if (!r)
            return NULL;
        e = new_binary(p, EX_BINARY, op, l, r);
    } else if (t->kind == TK_MATCH) {
        advance(p);
        struct expr *r = parse_pattern_operand(p, false);
        if (!r)
            return NULL;
        e = new_binary(p, EX_MATCH, OP_NONE, l, r);
    } else if (lex_is_word(t, "like") || lex_is_word(t, "in") || lex_is_word(t, "not")) {
        bool negated = false;
        if (lex_is_word(t, "not")) {
            advance(p);
            negated = true;
            t = peek(p, LEX_OPERATOR);
            if (!lex_is_word(t, "like") && !lex_is_word(t, "in")) {
                if (t->kind != TK_ERROR)
                    fail(p, t->span, "expected 'like' or 'in' after %s", prev_text(p));
                return NULL;
            }
        }
        bool is_like = lex_is_word(t, "like");
        advance(p);
        struct expr *r;
        if (is_like) {
            r = parse_pattern_operand(p, true);
        } else {
            t = peek(p, LEX_OPERAND);
            if (t->kind == TK_LBRACKET) {
                r = parse_list(p);
            } else if (t->kind == TK_LPAREN) {
                /* in ( subquery ): an empty list node stands in its place */
                struct query *sub = parse_subquery(p, "in");
                if (!sub)
                    return NULL;
                r = new_expr(p, EX_LIST, sub->span);
                r->sub = sub;
            } else {
                if (t->kind != TK_ERROR)
                    fail(p, t->span, "expected a [list] or a ( subquery ) after %s", prev_text(p));
                return NULL;
            }
        }
        if (!r)
            return NULL;
        e = new_binary(p, is_like ? EX_LIKE : EX_IN, OP_NONE, l, r);
        e->negated = negated;
        e->sub = r->sub;
    } else {
        return l;
    }
    t = peek(p, LEX_OPERATOR);
    if (starts_comparison(t)) {
        fail(p, t->span, "comparisons cannot be chained; use 'and' or parentheses");
        return NULL;
    }
    return e;
}

/* not_expr = "not" not_expr | cmp_expr                                (level 3) */
static struct expr *parse_not(struct parser *p)
{
    if (!is_word(p, LEX_OPERAND, "not"))
        return parse_cmp(p);
    struct token op = advance(p);
    if (!enter(p))
        return NULL;
    struct expr *x = parse_not(p);
    p->depth--;
    return x ? new_unary(p, OP_NOT, op.span, x) : NULL;
}

/* or_expr  = and_expr { "or" and_expr }                              (level 1)
 * and_expr = not_expr { "and" not_expr }                             (level 2)
 *
 * A chain of the same operator is one node with all its operands (and and
 * or are associative), so a filter of 10,000 terms is a flat list, not a
 * tree 10,000 deep: the links of a chain take no nesting level. */
static struct expr *parse_logic(struct parser *p, int level)
{
    const char *kw = level == 1 ? "or" : "and";
    struct expr *first = level == 1 ? parse_logic(p, 2) : parse_not(p);
    if (!first || !is_word(p, LEX_OPERATOR, kw))
        return first;
    struct expr *e = new_expr(p, EX_BINARY, first->span);
    e->op = level == 1 ? OP_OR : OP_AND;
    size_t cap = 0;
    push_expr(p, &e->args, &e->n_args, &cap, first);
    while (is_word(p, LEX_OPERATOR, kw)) {
        advance(p);
        struct expr *r = level == 1 ? parse_logic(p, 2) : parse_not(p);
        if (!r)
            return NULL;
        push_expr(p, &e->args, &e->n_args, &cap, r);
        e->span.end = r->span.end;
    }
    return e;
}

/* expr = or_expr   (one nesting level: parentheses, arguments, lists) */
static struct expr *parse_expr(struct parser *p)
{
    if (!enter(p))
        return NULL;
    struct expr *e = parse_logic(p, 1);
    p->depth--;
    return e;
}

/* ---- command parts ----------------------------------------------------- */

/* alias = name | `backtick name`    (one segment; may start with @) */
static bool parse_alias(struct parser *p, char **alias, struct span *span)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_NAME) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected a name after %s", prev_text(p));
        return false;
    }
    if (t->dotted) {
        fail(p, t->span, "a new field name cannot contain '.' unless it is in backticks: `%s`",
             t->str);
        return false;
    }
    struct token name = advance(p);
    *alias = name.str;
    *span = name.span;
    return true;
}

/* item = expr [ "as" alias ] */
static bool parse_item(struct parser *p, struct item *it)
{
    it->expr = parse_expr(p);
    if (!it->expr)
        return false;
    it->span = it->expr->span;
    if (is_word(p, LEX_OPERATOR, "as")) {
        advance(p);
        if (!parse_alias(p, &it->alias, &it->alias_span))
            return false;
        it->span.end = it->alias_span.end;
    }
    return true;
}

/* items = item { "," item } */
static bool parse_items(struct parser *p, struct item **items, size_t *n)
{
    size_t cap = 0;
    for (;;) {
        *items = arena_grow(p->a, *items, &cap, *n + 1, sizeof **items);
        if (!parse_item(p, &(*items)[*n]))
            return false;
        (*n)++;
        if (peek(p, LEX_OPERATOR)->kind != TK_COMMA)
            return true;
        advance(p);
    }
}

/* The end of a command: '|' or the end of the query must come next;
 * expected names what else could have come, for the message. */
static bool end_command(struct parser *p, const char *expected)
{
    const struct token *t = peek(p, LEX_OPERATOR);
    switch (t->kind) {
    case TK_PIPE:
    case TK_EOF:
        return true;
    case TK_ERROR:
        return false;
    case TK_RPAREN:
        if (p->in_sub)
            return true; /* the end of the subquery */
        fail(p, t->span, "unbalanced ')'");
        return false;
    case TK_RBRACKET:
        fail(p, t->span, "unbalanced ']'");
        return false;
    default:
        fail(p, t->span, "unexpected %s; expected %s", describe(p, t), expected);
        return false;
    }
}

/* ---- commands ---------------------------------------------------------- */

/* fields  = "fields" item { "," item }
 * display = "display" item { "," item } */
static bool parse_fields(struct parser *p, struct command *c, const struct token *kw)
{
    return parse_items(p, &c->items, &c->n_items) && end_command(p, "',' or '|'");
}

/* filter = ( "filter" | "where" ) expr */
static bool parse_filter(struct parser *p, struct command *c, const struct token *kw)
{
    c->cond = parse_expr(p);
    return c->cond && end_command(p, "'and', 'or' or '|'");
}

/* stats = "stats" item { "," item } [ "by" item { "," item } ] [ "offset" period ] */
static bool parse_stats(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_items(p, &c->items, &c->n_items))
        return false;
    const char *expected = "',', 'by' or '|'";
    if (is_word(p, LEX_OPERATOR, "by")) {
        advance(p);
        if (!parse_items(p, &c->by, &c->n_by))
            return false;
        expected = "',', 'offset' or '|'";
    }
    if (is_word(p, LEX_OPERATOR, "offset")) {
        advance(p);
        const struct token *t = peek(p, LEX_OPERAND);
        if (t->kind != TK_PERIOD) {
            if (t->kind == TK_MINUS)
                /* docs/language.md#stats: an offset looks back */
                fail(p, t->span, "an offset looks back: it takes a positive period such as 1h "
                     "(a negative offset is not supported)");
            else if (t->kind != TK_ERROR)
                fail(p, t->span, "expected a time period such as 1h after %s", prev_text(p));
            return false;
        }
        struct token per = advance(p);
        c->has_offset = true;
        c->offset = per.period;
        c->offset_span = per.span;
        expected = "'|'";
    }
    return end_command(p, expected);
}

/* sort    = ( "sort" | "order" ) [ "by" ] sortkey { "," sortkey }
 * sortkey = expr [ "asc" | "desc" ] */
static bool parse_sort(struct parser *p, struct command *c, const struct token *kw)
{
    if (is_word(p, LEX_OPERAND, "by"))
        advance(p);
    size_t cap = 0;
    bool dir = false;
    for (;;) {
        c->keys = arena_grow(p->a, c->keys, &cap, c->n_keys + 1, sizeof *c->keys);
        struct sort_key *k = &c->keys[c->n_keys];
        k->expr = parse_expr(p);
        if (!k->expr)
            return false;
        c->n_keys++;
        dir = false;
        if (is_word(p, LEX_OPERATOR, "asc") || is_word(p, LEX_OPERATOR, "desc")) {
            k->desc = is_word(p, LEX_OPERATOR, "desc");
            k->explicit_dir = true;
            dir = true;
            advance(p);
        }
        if (peek(p, LEX_OPERATOR)->kind != TK_COMMA)
            break;
        advance(p);
    }
    return end_command(p, dir ? "',' or '|'" : "'asc', 'desc', ',' or '|'");
}

/* limit = ( "limit" [ "any" ] | "head" | "tail" ) integer */
static bool parse_limit(struct parser *p, struct command *c, const struct token *kw)
{
    c->limit_tail = lex_is_word(kw, "tail");
    if (lex_is_word(kw, "limit") && is_word(p, LEX_OPERAND, "any")) {
        advance(p);
        c->limit_any = true;
    }
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_NUMBER || !t->is_int || t->ival < 1) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected a positive whole number after %s", prev_text(p));
        return false;
    }
    c->limit = advance(p).ival;
    return end_command(p, "'|'");
}

/* The parse modes named by a word: logfmt and csv. */
static bool parse_mode_word(const struct token *t, enum parse_mode *mode)
{
    if (lex_is_word(t, "logfmt"))
        *mode = PARSE_LOGFMT;
    else if (lex_is_word(t, "csv"))
        *mode = PARSE_CSV;
    else
        return false;
    return true;
}

/* aliases = alias { "," alias }   (into c->aliases) */
static bool parse_alias_list(struct parser *p, struct command *c)
{
    size_t cap = 0, span_cap = 0;
    for (;;) {
        c->aliases = arena_grow(p->a, c->aliases, &cap, c->n_aliases + 1, sizeof *c->aliases);
        c->alias_spans = arena_grow(p->a, c->alias_spans, &span_cap, c->n_aliases + 1,
                                    sizeof *c->alias_spans);
        if (!parse_alias(p, &c->aliases[c->n_aliases], &c->alias_spans[c->n_aliases]))
            return false;
        c->n_aliases++;
        if (peek(p, LEX_OPERATOR)->kind != TK_COMMA)
            return true;
        advance(p);
    }
}

/* "logfmt" "as" alias | "csv" "as" alias { "," alias }   (the word was read) */
static bool parse_format(struct parser *p, struct command *c, enum parse_mode mode,
                         const struct token *word)
{
    c->mode = mode;
    c->pattern_span = word->span;
    const struct token *t = peek(p, LEX_OPERAND);
    if (!lex_is_word(t, "as")) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected 'as' and %s after %s",
                 mode == PARSE_LOGFMT ? "a name" : "names", prev_text(p));
        return false;
    }
    advance(p);
    if (!parse_alias_list(p, c))
        return false;
    if (mode == PARSE_LOGFMT && c->n_aliases != 1) {
        fail(p, c->alias_spans[1], "parse logfmt makes one field (a map): give one name");
        return false;
    }
    return end_command(p, mode == PARSE_LOGFMT ? "'|'" : "',' or '|'");
}

/* parse = "parse" [ fieldref ] ( string "as" alias { "," alias }
 *                              | regex [ "as" alias { "," alias } ] [ "multi" ]
 *                              | "logfmt" "as" alias
 *                              | "csv" "as" alias { "," alias } ) */
static bool parse_parse(struct parser *p, struct command *c, const struct token *kw)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind == TK_NAME) {
        struct token name = advance(p);
        t = peek(p, LEX_OPERAND);
        enum parse_mode mode;
        /* "parse logfmt as x": the mode; "parse logfmt ..." anything else: a field */
        if (parse_mode_word(&name, &mode) && lex_is_word(t, "as"))
            return parse_format(p, c, mode, &name);
        c->source = new_expr(p, EX_FIELD, name.span);
        c->source->name = name.str;
        c->source->name_span = name.span;
        if (t->kind == TK_NAME && parse_mode_word(t, &mode)) {
            struct token word = advance(p);
            return parse_format(p, c, mode, &word);
        }
        if (t->kind != TK_STRING && t->kind != TK_REGEX) {
            if (t->kind != TK_ERROR)
                fail(p, t->span,
                     "expected a \"glob\", a /regex/, logfmt or csv after the parse source %s",
                     prev_text(p));
            return false;
        }
    } else if (t->kind != TK_STRING && t->kind != TK_REGEX) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected a field name, a \"glob\", a /regex/, logfmt or csv after %s",
                 prev_text(p));
        return false;
    }
    struct token pat = advance(p);
    c->mode = pat.kind == TK_STRING ? PARSE_GLOB : PARSE_REGEX;
    c->pattern = pat.str;
    c->pattern_span = pat.span;

    if (c->mode == PARSE_GLOB) {
        t = peek(p, LEX_OPERATOR);
        if (!lex_is_word(t, "as")) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected 'as' and names after the parse pattern");
            return false;
        }
        advance(p);
        if (!parse_alias_list(p, c))
            return false;
        size_t stars = 0;
        for (const char *s = c->pattern; *s; s++)
            stars += *s == '*';
        if (stars != c->n_aliases) {
            fail(p, c->pattern_span, "glob has %zu '*' but %zu name%s after as", stars,
                 c->n_aliases, c->n_aliases == 1 ? "" : "s");
            return false;
        }
        if (is_word(p, LEX_OPERATOR, "multi")) {
            fail(p, peek(p, LEX_OPERATOR)->span, "multi applies only to a /regex/ pattern");
            return false;
        }
        return end_command(p, "',' or '|'");
    }

    const char *expected = "'as', 'multi' or '|'";
    if (is_word(p, LEX_OPERATOR, "as")) {
        advance(p);
        if (!parse_alias_list(p, c))
            return false;
        expected = "',', 'multi' or '|'";
    }
    if (is_word(p, LEX_OPERATOR, "multi")) {
        advance(p);
        c->multi = true;
        expected = "'|'";
    }
    return end_command(p, expected);
}

/* fieldrefs = fieldref { "," fieldref }   (into c->dedup; sep: also spaces when
 * commas is false) */
static bool parse_fieldrefs(struct parser *p, struct command *c, const char *cmd_name, bool commas)
{
    size_t cap = 0;
    for (;;) {
        const struct token *t = peek(p, LEX_OPERAND);
        if (t->kind != TK_NAME || is_reserved(t)) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected a field name after %s", prev_text(p));
            return false;
        }
        struct expr *e = parse_expr(p);
        if (!e)
            return false;
        if (e->kind != EX_FIELD) {
            fail(p, e->span, "%s takes field names", cmd_name);
            return false;
        }
        push_expr(p, &c->dedup, &c->n_dedup, &cap, e);
        t = peek(p, LEX_OPERATOR);
        if (t->kind == TK_COMMA) {
            advance(p);
            continue;
        }
        if (!commas && t->kind == TK_NAME && !is_reserved(t) && !lex_is_word(t, "where"))
            continue;
        return true;
    }
}

/* dedup = "dedup" fieldref { "," fieldref } */
static bool parse_dedup(struct parser *p, struct command *c, const struct token *kw)
{
    return parse_fieldrefs(p, c, "dedup", true) && end_command(p, "',' or '|'");
}

/* unnest = "unnest" expr "into" alias */
static bool parse_unnest(struct parser *p, struct command *c, const struct token *kw)
{
    c->unnest_expr = parse_expr(p);
    if (!c->unnest_expr)
        return false;
    const struct token *t = peek(p, LEX_OPERATOR);
    if (!lex_is_word(t, "into")) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected 'into' and a name after the unnest expression");
        return false;
    }
    advance(p);
    return parse_alias(p, &c->into, &c->into_span) && end_command(p, "'|'");
}

/* pattern = "pattern" expr */
static bool parse_pattern(struct parser *p, struct command *c, const struct token *kw)
{
    c->source = parse_expr(p);
    return c->source && end_command(p, "an operator or '|'");
}

/* anomaly = "anomaly" */
static bool parse_anomaly(struct parser *p, struct command *c, const struct token *kw)
{
    return end_command(p, "'|'");
}

/* diff = "diff" [ "previousDay" | "previousWeek" | "previousMonth" ] */
static bool parse_diff(struct parser *p, struct command *c, const struct token *kw)
{
    static const struct {
        const char *word;
        enum diff_kind kind;
    } modifiers[] = {
        {"previousDay", DIFF_DAY}, {"previousWeek", DIFF_WEEK}, {"previousMonth", DIFF_MONTH}};
    c->diff = DIFF_PREVIOUS;
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind == TK_NAME) {
        for (size_t k = 0; k < sizeof modifiers / sizeof modifiers[0]; k++)
            if (lex_is_word(t, modifiers[k].word)) {
                c->diff = modifiers[k].kind;
                advance(p);
                return end_command(p, "'|'");
            }
        fail(p, t->span, "unexpected %s; expected previousDay, previousWeek, previousMonth or '|'",
             describe(p, t));
        return false;
    }
    return end_command(p, "previousDay, previousWeek, previousMonth or '|'");
}

/* logcompare = "logcompare" "timeshift" period */
static bool parse_logcompare(struct parser *p, struct command *c, const struct token *kw)
{
    c->diff = DIFF_SHIFT;
    const struct token *t = peek(p, LEX_OPERAND);
    if (!lex_is_word(t, "timeshift")) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected timeshift and a time period such as 7d after 'logcompare'");
        return false;
    }
    advance(p);
    t = peek(p, LEX_OPERAND);
    if (t->kind != TK_PERIOD) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected a time period such as 7d after 'timeshift'");
        return false;
    }
    struct token per = advance(p);
    c->shift = per.period;
    c->shift_span = per.span;
    return end_command(p, "'|'");
}

/* sessionize = "sessionize" fieldref { "," fieldref } [ "maxspan" period ] [ "as" alias ] */
static bool parse_sessionize(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_fieldrefs(p, c, "sessionize", true))
        return false;
    const char *expected = "',', 'maxspan', 'as' or '|'";
    if (is_word(p, LEX_OPERATOR, "maxspan")) {
        advance(p);
        const struct token *t = peek(p, LEX_OPERAND);
        if (t->kind != TK_PERIOD) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected a time period such as 30m after 'maxspan'");
            return false;
        }
        struct token per = advance(p);
        c->has_maxspan = true;
        c->maxspan = per.period;
        c->maxspan_span = per.span;
        expected = "'as' or '|'";
    }
    if (is_word(p, LEX_OPERATOR, "as")) {
        advance(p);
        if (!parse_alias(p, &c->into, &c->into_span))
            return false;
        expected = "'|'";
    }
    return end_command(p, expected);
}

/* A field reference made from a name token (a column named like a field). */
static struct expr *field_from(struct parser *p, const struct token *t)
{
    struct expr *e = new_expr(p, EX_FIELD, t->span);
    e->name = t->str;
    e->name_span = t->span;
    return e;
}

/* A column name of a lookup table (a name, or a `backtick name`). */
static bool parse_column(struct parser *p, char **name, struct span *span, const char *what)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_NAME || is_reserved(t)) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected %s after %s", what, prev_text(p));
        return false;
    }
    struct token tok = advance(p);
    *name = tok.str;
    *span = tok.span;
    return true;
}

/* outputs = ( "OUTPUT" | "OUTPUTNEW" ) column [ "as" alias ] { "," column [ "as" alias ] } */
static bool parse_outputs(struct parser *p, struct command *c)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (!lex_is_word(t, "output") && !lex_is_word(t, "outputnew")) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected OUTPUT or OUTPUTNEW and the columns to add, after %s",
                 prev_text(p));
        return false;
    }
    c->output_new = lex_is_word(t, "outputnew");
    advance(p);
    size_t cap = 0, cap2 = 0, cap3 = 0, cap4 = 0;
    for (;;) {
        c->out_cols = arena_grow(p->a, c->out_cols, &cap, c->n_out + 1, sizeof *c->out_cols);
        c->out_col_spans = arena_grow(p->a, c->out_col_spans, &cap2, c->n_out + 1,
                                      sizeof *c->out_col_spans);
        c->out_names = arena_grow(p->a, c->out_names, &cap3, c->n_out + 1, sizeof *c->out_names);
        c->out_name_spans = arena_grow(p->a, c->out_name_spans, &cap4, c->n_out + 1,
                                       sizeof *c->out_name_spans);
        size_t i = c->n_out;
        if (!parse_column(p, &c->out_cols[i], &c->out_col_spans[i], "a column of the table"))
            return false;
        c->out_names[i] = c->out_cols[i];
        c->out_name_spans[i] = c->out_col_spans[i];
        c->n_out++;
        if (is_word(p, LEX_OPERATOR, "as")) {
            advance(p);
            if (!parse_alias(p, &c->out_names[i], &c->out_name_spans[i]))
                return false;
        }
        if (peek(p, LEX_OPERATOR)->kind != TK_COMMA)
            return end_command(p, "',', 'as' or '|'");
        advance(p);
    }
}

/* lookup = "lookup" table column [ "as" fieldref ] { "," column [ "as" fieldref ] } outputs */
static bool parse_lookup(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_column(p, &c->table, &c->table_span, "the name of a lookup table"))
        return false;
    size_t cap = 0, cap2 = 0, cap3 = 0;
    for (;;) {
        c->lk_cols = arena_grow(p->a, c->lk_cols, &cap, c->n_lk + 1, sizeof *c->lk_cols);
        c->lk_col_spans = arena_grow(p->a, c->lk_col_spans, &cap2, c->n_lk + 1,
                                     sizeof *c->lk_col_spans);
        c->lk_fields = arena_grow(p->a, c->lk_fields, &cap3, c->n_lk + 1, sizeof *c->lk_fields);
        size_t i = c->n_lk;
        const struct token *t = peek(p, LEX_OPERAND);
        if (t->kind != TK_NAME || is_reserved(t) || lex_is_word(t, "output") ||
            lex_is_word(t, "outputnew")) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected a column of the table to match, after %s",
                     prev_text(p));
            return false;
        }
        struct token col = advance(p);
        c->lk_cols[i] = col.str;
        c->lk_col_spans[i] = col.span;
        c->lk_fields[i] = field_from(p, &col);
        c->n_lk++;
        if (is_word(p, LEX_OPERATOR, "as")) {
            advance(p);
            struct expr *e = parse_expr(p);
            if (!e)
                return false;
            if (e->kind != EX_FIELD) {
                fail(p, e->span, "lookup matches a column with a field name");
                return false;
            }
            c->lk_fields[i] = e;
        }
        if (peek(p, LEX_OPERATOR)->kind != TK_COMMA)
            break;
        advance(p);
    }
    return parse_outputs(p, c);
}

/* cidrlookup = "cidrlookup" table fieldref [ "as" column ] outputs */
static bool parse_cidrlookup(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_column(p, &c->table, &c->table_span, "the name of a lookup table"))
        return false;
    c->lk_cols = arena_alloc(p->a, sizeof *c->lk_cols);
    c->lk_col_spans = arena_alloc(p->a, sizeof *c->lk_col_spans);
    c->lk_fields = arena_alloc(p->a, sizeof *c->lk_fields);
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_NAME || is_reserved(t)) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected the field that holds the address, after %s",
                 prev_text(p));
        return false;
    }
    struct expr *e = parse_expr(p);
    if (!e)
        return false;
    if (e->kind != EX_FIELD) {
        fail(p, e->span, "cidrlookup matches a field name");
        return false;
    }
    c->lk_fields[0] = e;
    c->n_lk = 1;
    if (is_word(p, LEX_OPERATOR, "as")) {
        advance(p);
        if (!parse_column(p, &c->lk_cols[0], &c->lk_col_spans[0], "the table's CIDR column"))
            return false;
    }
    return parse_outputs(p, c);
}

/* option = name "=" ( number | string | word )   (when the token after a name is '=') */
static bool at_option(struct parser *p)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_NAME || t->dotted)
        return false;
    uint32_t after = t->span.end;
    while (after < p->q->len && (p->q->text[after] == ' ' || p->q->text[after] == '\t'))
        after++;
    return after < p->q->len && p->q->text[after] == '=' &&
           (after + 1 >= p->q->len || p->q->text[after + 1] != '=');
}

static bool parse_options(struct parser *p, struct command *c)
{
    size_t cap = 0;
    while (at_option(p)) {
        struct token name = advance(p);
        const struct token *eq = peek(p, LEX_OPERATOR);
        if (eq->kind != TK_EQ) {
            if (eq->kind != TK_ERROR)
                fail(p, eq->span, "expected '=' after %s", prev_text(p));
            return false;
        }
        advance(p);
        const struct token *v = peek(p, LEX_OPERAND);
        if (v->kind != TK_NUMBER && v->kind != TK_STRING && v->kind != TK_NAME) {
            if (v->kind != TK_ERROR)
                fail(p, v->span, "expected a value after %s=", name.str);
            return false;
        }
        struct token val = advance(p);
        struct expr *e = val.kind == TK_NAME ? field_from(p, &val) : literal(p, &val);
        if (val.kind == TK_NUMBER && peek(p, LEX_OPERATOR)->kind == TK_MINUS)
            break; /* p=1-4 is autoregress's own */
        c->opts = arena_grow(p->a, c->opts, &cap, c->n_opts + 1, sizeof *c->opts);
        c->opts[c->n_opts++] = (struct cmd_option){name.str, name.span, e};
    }
    return true;
}

/* countFrequent = ( "countFrequent" | "count_frequent" ) fieldref { "," fieldref } */
static bool parse_countfrequent(struct parser *p, struct command *c, const struct token *kw)
{
    return parse_fieldrefs(p, c, "countFrequent", true) && end_command(p, "',' or '|'");
}

/* accum = "accum" fieldref [ "as" alias ] */
static bool parse_accum(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_fieldrefs(p, c, "accum", true))
        return false;
    if (c->n_dedup != 1) {
        fail(p, c->dedup[1]->span, "accum takes one field");
        return false;
    }
    if (is_word(p, LEX_OPERATOR, "as")) {
        advance(p);
        if (!parse_alias(p, &c->into, &c->into_span))
            return false;
    }
    return end_command(p, "'as' or '|'");
}

/* autoregress = "autoregress" fieldref [ "as" alias ] [ "p" "=" integer [ "-" integer ] ] */
static bool parse_autoregress(struct parser *p, struct command *c, const struct token *kw)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_NAME || is_reserved(t)) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected a field name after 'autoregress'");
        return false;
    }
    struct expr *e = parse_expr(p);
    if (!e)
        return false;
    if (e->kind != EX_FIELD) {
        fail(p, e->span, "autoregress takes a field name");
        return false;
    }
    size_t cap = 0;
    push_expr(p, &c->dedup, &c->n_dedup, &cap, e);
    if (is_word(p, LEX_OPERATOR, "as")) {
        advance(p);
        if (!parse_alias(p, &c->into, &c->into_span))
            return false;
    }
    c->lag_from = c->lag_to = 1;
    c->lag_span = c->dedup[0]->span;
    if (is_word(p, LEX_OPERAND, "p")) {
        struct token pw = advance(p);
        if (peek(p, LEX_OPERATOR)->kind != TK_EQ) {
            fail(p, peek(p, LEX_OPERATOR)->span, "expected '=' after 'p'");
            return false;
        }
        advance(p);
        const struct token *n1 = peek(p, LEX_OPERAND);
        if (n1->kind != TK_NUMBER || !n1->is_int || n1->ival < 1 || n1->ival > 1000) {
            if (n1->kind != TK_ERROR)
                fail(p, n1->span, "expected a whole number from 1 to 1000 after p=");
            return false;
        }
        struct token a = advance(p);
        c->lag_from = c->lag_to = (int)a.ival;
        c->lag_span = (struct span){pw.span.start, a.span.end};
        if (peek(p, LEX_OPERATOR)->kind == TK_MINUS) {
            advance(p);
            const struct token *n2 = peek(p, LEX_OPERAND);
            if (n2->kind != TK_NUMBER || !n2->is_int || n2->ival < a.ival || n2->ival > 1000) {
                if (n2->kind != TK_ERROR)
                    fail(p, n2->span, "expected a whole number from %lld to 1000 after '-'",
                         (long long)a.ival);
                return false;
            }
            struct token b = advance(p);
            c->lag_to = (int)b.ival;
            c->lag_span.end = b.span.end;
        }
    }
    return end_command(p, "'as', 'p=' or '|'");
}

/* filldown = "filldown" { name-or-pattern }   (a pattern may end in or hold '*') */
static bool parse_filldown(struct parser *p, struct command *c, const struct token *kw)
{
    size_t cap = 0, cap2 = 0;
    for (;;) {
        const struct token *t = peek(p, LEX_OPERAND);
        if (t->kind == TK_PIPE || t->kind == TK_EOF)
            return true;
        if (t->kind == TK_COMMA && c->n_aliases) {
            advance(p);
            continue;
        }
        if (t->kind != TK_NAME && t->kind != TK_STAR) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected a field name or a pattern such as cpu* after %s",
                     prev_text(p));
            return false;
        }
        /* glue name and '*' pieces that touch: cpu*, *_ms, a*b */
        struct token first = advance(p);
        struct strbuf name = STRBUF_INIT;
        sb_puts(&name, first.kind == TK_STAR ? "*" : first.str);
        struct span span = first.span;
        for (;;) {
            const struct token *n = peek(p, first.kind == TK_STAR ? LEX_OPERAND : LEX_OPERATOR);
            if (n->span.start != span.end || (n->kind != TK_STAR && n->kind != TK_NAME))
                break;
            struct token piece = advance(p);
            sb_puts(&name, piece.kind == TK_STAR ? "*" : piece.str);
            span.end = piece.span.end;
            first.kind = piece.kind;
        }
        c->aliases = arena_grow(p->a, c->aliases, &cap, c->n_aliases + 1, sizeof *c->aliases);
        c->alias_spans = arena_grow(p->a, c->alias_spans, &cap2, c->n_aliases + 1,
                                    sizeof *c->alias_spans);
        c->aliases[c->n_aliases] = arena_strdup(p->a, sb_str(&name));
        c->alias_spans[c->n_aliases++] = span;
        sb_free(&name);
    }
}

/* expand = "expand" fieldref */
static bool parse_expand(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_fieldrefs(p, c, "expand", true))
        return false;
    if (c->n_dedup != 1) {
        fail(p, c->dedup[1]->span, "expand takes one field");
        return false;
    }
    return end_command(p, "'|'");
}

/* addtotals = "addtotals" { option } [ fieldref { "," fieldref } ] */
static bool parse_addtotals(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_options(p, c))
        return false;
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind == TK_NAME && !parse_fieldrefs(p, c, "addtotals", true))
        return false;
    return end_command(p, "',' or '|'");
}

/* outlier = "outlier" { option } fieldref { fieldref } */
static bool parse_outlier(struct parser *p, struct command *c, const struct token *kw)
{
    return parse_options(p, c) && parse_fieldrefs(p, c, "outlier", false) &&
           end_command(p, "a field name or '|'");
}

/* fillmissing = "fillmissing" [ "with" expr "for" name { "," expr "for" name } ] */
static bool parse_fillmissing(struct parser *p, struct command *c, const struct token *kw)
{
    if (!is_word(p, LEX_OPERAND, "with"))
        return end_command(p, "'with' or '|'");
    advance(p);
    size_t cap = 0, cap2 = 0, cap3 = 0;
    for (;;) {
        struct expr *v = parse_expr(p);
        if (!v)
            return false;
        push_expr(p, &c->dedup, &c->n_dedup, &cap, v);
        const struct token *t = peek(p, LEX_OPERATOR);
        if (!lex_is_word(t, "for")) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected 'for' and a field name after the value");
            return false;
        }
        advance(p);
        c->aliases = arena_grow(p->a, c->aliases, &cap2, c->n_aliases + 1, sizeof *c->aliases);
        c->alias_spans = arena_grow(p->a, c->alias_spans, &cap3, c->n_aliases + 1,
                                    sizeof *c->alias_spans);
        if (!parse_column(p, &c->aliases[c->n_aliases], &c->alias_spans[c->n_aliases],
                          "a field name"))
            return false;
        c->n_aliases++;
        if (peek(p, LEX_OPERATOR)->kind != TK_COMMA)
            return end_command(p, "',' or '|'");
        advance(p);
    }
}

/* relevantfields = "relevantfields" [ fieldref { "," fieldref } ] "where" expr */
static bool parse_relevantfields(struct parser *p, struct command *c, const struct token *kw)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (!lex_is_word(t, "where") && !parse_fieldrefs(p, c, "relevantfields", true))
        return false;
    t = peek(p, LEX_OPERAND);
    if (!lex_is_word(t, "where")) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected 'where' and a condition after %s", prev_text(p));
        return false;
    }
    advance(p);
    c->cond = parse_expr(p);
    return c->cond && end_command(p, "'and', 'or' or '|'");
}

/* ---- subqueries: join, appendcols, in ( ... ) (query/cmd_subquery.c) ---- */

static bool parse_pipeline(struct parser *p, struct query *q, bool sub);

/* source = "SOURCE" string: the subquery reads the inputs whose @log is it */
static bool parse_sub_source(struct parser *p, struct query *q)
{
    struct token kw = advance(p);
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_STRING) {
        if (t->kind != TK_ERROR)
            fail(p, cover(kw.span, t->span),
                 "in a subquery, SOURCE takes one quoted input path (matched against @log); "
                 "log groups need CloudWatch");
        return false;
    }
    struct token v = advance(p);
    if (!v.str[0]) {
        fail(p, v.span, "SOURCE needs a non-empty input path");
        return false;
    }
    q->source = v.str;
    q->source_span = v.span;
    t = peek(p, LEX_OPERATOR);
    if (t->kind != TK_PIPE && t->kind != TK_RPAREN) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "unexpected %s; expected '|' or ')'", describe(p, t));
        return false;
    }
    return true;
}

/* subquery = "(" [ source "|" ] query ")" | "(" source ")"   (not nested) */
static struct query *parse_subquery(struct parser *p, const char *what)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_LPAREN) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected a ( subquery ) after %s", prev_text(p));
        return NULL;
    }
    if (p->in_sub) {
        fail(p, t->span, "a subquery cannot hold another subquery (%s)", what);
        return NULL;
    }
    struct token open = advance(p);
    struct query *sq = arena_alloc(p->a, sizeof *sq);
    sq->text = p->q->text;
    sq->len = p->q->len;
    sq->span = open.span;
    p->q->has_sub = true;
    p->in_sub = true;
    bool ok = enter(p) && parse_pipeline(p, sq, true);
    p->in_sub = false;
    if (!ok)
        return NULL;
    p->depth--;
    sq->span.end = advance(p).span.end; /* the ')' */
    return sq;
}

/* One side of a join key: alias.field, split at the first '.'. */
static struct expr *join_side(struct parser *p, const struct command *c, bool *is_left)
{
    const struct token *t = peek(p, LEX_OPERAND);
    if (t->kind != TK_NAME || is_reserved(t)) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected %s.field or %s.field after %s", c->left_alias,
                 c->right_alias, prev_text(p));
        return NULL;
    }
    struct token tok = advance(p);
    const char *dot = strchr(tok.str, '.');
    size_t n = dot ? (size_t)(dot - tok.str) : 0;
    bool l = dot && strlen(c->left_alias) == n && strncmp(tok.str, c->left_alias, n) == 0;
    bool r = dot && strlen(c->right_alias) == n && strncmp(tok.str, c->right_alias, n) == 0;
    if ((!l && !r) || !dot[1]) {
        fail(p, tok.span, "'%s' is neither %s.field nor %s.field", tok.str, c->left_alias,
             c->right_alias);
        return NULL;
    }
    *is_left = l;
    struct expr *e = new_expr(p, EX_FIELD, tok.span);
    e->name = arena_strdup(p->a, dot + 1);
    e->name_span = tok.span;
    return e;
}

/* join = "join" [ "type=" ("inner" | "left") ] "left=" name "right=" name
 *        "where" key { "and" key } subquery
 * key  = left.field "=" right.field   (either side first) */
static bool parse_join(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_options(p, c))
        return false;
    for (size_t i = 0; i < c->n_opts; i++) {
        const struct cmd_option *o = &c->opts[i];
        const char *v = o->value->kind == EX_FIELD ? o->value->name : NULL;
        if (strcasecmp(o->name, "type") == 0) {
            if (!v || (strcasecmp(v, "inner") != 0 && strcasecmp(v, "left") != 0)) {
                fail(p, o->value->span, "join type is inner or left");
                return false;
            }
            c->join_left = strcasecmp(v, "left") == 0;
        } else if (strcasecmp(o->name, "left") == 0 || strcasecmp(o->name, "right") == 0) {
            if (!v || strchr(v, '.') || v[0] == '@') {
                fail(p, o->value->span, "expected a plain name after %s=", o->name);
                return false;
            }
            if (o->name[0] == 'l' || o->name[0] == 'L')
                c->left_alias = (char *)v;
            else
                c->right_alias = (char *)v;
        } else {
            fail(p, o->name_span, "unknown join option '%s'; expected type, left or right",
                 o->name);
            return false;
        }
    }
    const struct token *t = peek(p, LEX_OPERAND);
    if (!c->left_alias || !c->right_alias) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "join needs left=NAME and right=NAME before %s", describe(p, t));
        return false;
    }
    if (strcmp(c->left_alias, c->right_alias) == 0) {
        fail(p, kw->span, "join's left and right names must differ");
        return false;
    }
    if (!lex_is_word(t, "where")) {
        if (t->kind != TK_ERROR)
            fail(p, t->span, "expected 'where' and the join keys after %s", prev_text(p));
        return false;
    }
    advance(p);
    size_t cap_l = 0, cap_r = 0, n_r = 0;
    for (;;) {
        bool a_left, b_left;
        struct expr *a = join_side(p, c, &a_left);
        if (!a)
            return false;
        t = peek(p, LEX_OPERATOR);
        if (t->kind != TK_EQ) {
            if (t->kind != TK_ERROR)
                fail(p, t->span, "expected '=' after %s", prev_text(p));
            return false;
        }
        advance(p);
        struct expr *b = join_side(p, c, &b_left);
        if (!b)
            return false;
        if (a_left == b_left) {
            fail(p, cover(a->span, b->span), "a join key needs one %s.field and one %s.field",
                 c->left_alias, c->right_alias);
            return false;
        }
        push_expr(p, &c->jl, &c->n_jkeys, &cap_l, a_left ? a : b);
        push_expr(p, &c->jr, &n_r, &cap_r, a_left ? b : a);
        if (!is_word(p, LEX_OPERATOR, "and"))
            break;
        advance(p);
    }
    c->sub = parse_subquery(p, "join");
    return c->sub && end_command(p, "'|'");
}

/* appendcols = "appendcols" { option } subquery   (override=bool, max=N) */
static bool parse_appendcols(struct parser *p, struct command *c, const struct token *kw)
{
    if (!parse_options(p, c))
        return false;
    c->sub = parse_subquery(p, "appendcols");
    return c->sub && end_command(p, "'|'");
}

/* The commands trailq implements: name (case-insensitive), kind, reader. */
static const struct {
    const char *name;
    enum cmd_kind kind;
    bool (*parse)(struct parser *p, struct command *c, const struct token *kw);
} command_parsers[] = {
    {"fields", CMD_FIELDS, parse_fields},   {"display", CMD_DISPLAY, parse_fields},
    {"filter", CMD_FILTER, parse_filter},   {"where", CMD_FILTER, parse_filter},
    {"stats", CMD_STATS, parse_stats},      {"sort", CMD_SORT, parse_sort},
    {"order", CMD_SORT, parse_sort},        {"limit", CMD_LIMIT, parse_limit},
    {"head", CMD_LIMIT, parse_limit},       {"tail", CMD_LIMIT, parse_limit},
    {"parse", CMD_PARSE, parse_parse},      {"dedup", CMD_DEDUP, parse_dedup},
    {"unnest", CMD_UNNEST, parse_unnest},   {"pattern", CMD_PATTERN, parse_pattern},
    {"anomaly", CMD_ANOMALY, parse_anomaly},   {"diff", CMD_DIFF, parse_diff},
    {"logcompare", CMD_DIFF, parse_logcompare},
    {"sessionize", CMD_SESSIONIZE, parse_sessionize},
    {"lookup", CMD_LOOKUP, parse_lookup},   {"cidrlookup", CMD_CIDRLOOKUP, parse_cidrlookup},
    {"countFrequent", CMD_COUNTFREQUENT, parse_countfrequent},
    {"count_frequent", CMD_COUNTFREQUENT, parse_countfrequent},
    {"accum", CMD_ACCUM, parse_accum},      {"autoregress", CMD_AUTOREGRESS, parse_autoregress},
    {"filldown", CMD_FILLDOWN, parse_filldown}, {"expand", CMD_EXPAND, parse_expand},
    {"addtotals", CMD_ADDTOTALS, parse_addtotals}, {"outlier", CMD_OUTLIER, parse_outlier},
    {"fillmissing", CMD_FILLMISSING, parse_fillmissing},
    {"relevantfields", CMD_RELEVANTFIELDS, parse_relevantfields},
    {"join", CMD_JOIN, parse_join},         {"appendcols", CMD_APPENDCOLS, parse_appendcols},
};

/* The supported command nearest to a typo (base/strdist.h), or NULL. */
static const char *command_near(const char *name)
{
    const char *best = NULL;
    int best_d = -1;
    for (size_t k = 0; k < n_commands; k++) {
        int d = commands[k].supported ? str_near(name, commands[k].name) : -1;
        if (d >= 0 && (best_d < 0 || d < best_d)) {
            best = commands[k].name;
            best_d = d;
        }
    }
    return best;
}

/* command = name ...   (the name was checked to be a word) */
static bool parse_command(struct parser *p, struct command *c)
{
    struct token kw = advance(p);
    c->kw_span = kw.span;
    c->span = kw.span;
    for (size_t k = 0; k < sizeof command_parsers / sizeof command_parsers[0]; k++) {
        if (lex_is_word(&kw, command_parsers[k].name)) {
            c->kind = command_parsers[k].kind;
            if (!command_parsers[k].parse(p, c, &kw))
                return false;
            c->span.end = p->prev.span.end;
            return true;
        }
    }
    const struct command_def *def = command_lookup(kw.str);
    const char *near = def ? NULL : command_near(kw.str);
    if (def && !def->supported)
        fail(p, kw.span, "'%s' is not supported by trailq: %s", kw.str, command_why_refused(def));
    else if (near)
        fail(p, kw.span, "unknown command '%s' (did you mean %s?)", kw.str, near);
    else
        fail(p, kw.span, "unknown command '%s'", kw.str);
    return false;
}

/* query = command { "|" command }
 * (in a subquery, the commands end at its ')', and SOURCE may come first) */
static bool parse_pipeline(struct parser *p, struct query *q, bool sub)
{
    size_t cap = 0;
    for (;;) {
        const struct token *t = peek(p, LEX_OPERAND);
        bool first = q->n_cmds == 0;
        if (t->kind == TK_ERROR)
            return false;
        if (sub && first && !q->source && lex_is_word(t, "SOURCE")) {
            if (!parse_sub_source(p, q))
                return false;
            if (peek(p, LEX_OPERATOR)->kind == TK_RPAREN)
                return true;
            advance(p); /* the '|' */
            continue;
        }
        if (sub && (t->kind == TK_RPAREN || t->kind == TK_EOF)) {
            fail(p, t->span, "expected a command after %s", prev_text(p));
            return false;
        }
        if (t->kind == TK_EOF || t->kind == TK_PIPE) {
            if (first && t->kind == TK_EOF)
                fail(p, t->span, "empty query");
            else if (first)
                fail(p, t->span, "expected a command before '|'");
            else
                fail(p, t->kind == TK_PIPE ? t->span : p->prev.span,
                     "expected a command after '|'");
            return false;
        }
        if (!t->word) {
            if (t->kind == TK_NAME)
                fail(p, t->span, "unknown command %s", describe(p, t));
            else
                fail(p, t->span, "expected a command name, found %s", describe(p, t));
            return false;
        }
        q->cmds = arena_grow(p->a, q->cmds, &cap, q->n_cmds + 1, sizeof *q->cmds);
        if (!parse_command(p, &q->cmds[q->n_cmds]))
            return false;
        q->n_cmds++;
        const struct token *end = peek(p, LEX_OPERATOR);
        if (sub && end->kind == TK_RPAREN)
            return true;
        if (sub && end->kind == TK_EOF) {
            fail(p, end->span, "expected ')' to close '(' at %s", position(p, q->span.start));
            return false;
        }
        if (end->kind == TK_EOF)
            return true;
        advance(p); /* the '|' (end_command let nothing else through) */
    }
}

static bool parse_query(struct parser *p)
{
    return parse_pipeline(p, p->q, false);
}

/* ---- entry points ------------------------------------------------------ */

struct query *query_parse(const char *text, size_t len, struct qerror *err)
{
    struct qerror e = {0};
    struct query *q = xcalloc(1, sizeof *q);
    if (len >= UINT32_MAX) {
        qerror_set(&e, (struct span){0, 0}, "query too long");
        goto fail;
    }
    q->text = arena_strndup(&q->arena, len ? text : "", len);
    q->len = len;
    const char *nul = memchr(q->text, '\0', len);
    if (nul) {
        uint32_t at = (uint32_t)(nul - q->text);
        qerror_set(&e, (struct span){at, at + 1}, "the query contains a NUL byte");
        goto fail;
    }
    struct parser p = {.q = q, .a = &q->arena, .err = &e};
    lex_init(&p.lx, q->text, len, &q->arena);
    if (!parse_query(&p) || e.set) {
        if (!e.set)
            qerror_set(&e, p.prev.span, "syntax error");
        goto fail;
    }
    return q;
fail:
    if (err)
        *err = e;
    query_free(q);
    return NULL;
}

void query_free(struct query *q)
{
    if (!q)
        return;
    arena_free(&q->arena);
    free(q);
}

/* Re-read the expression's own text token by token (so strings, regexes
 * and backtick names are kept whole) and join the tokens with a single
 * space wherever the source had whitespace or a comment between them. */
void expr_to_text(const struct query *q, const struct expr *e, struct strbuf *out)
{
    uint32_t start = e->span.start, end = e->span.end;
    if (end > q->len)
        end = (uint32_t)q->len;
    if (start > end)
        start = end;
    struct arena scratch = ARENA_INIT;
    struct lexer lx;
    lex_init(&lx, q->text, end, &scratch);
    lex_seek(&lx, start);
    enum lex_mode mode = LEX_OPERAND;
    uint32_t prev_end = start;
    for (;;) {
        struct token t;
        lex_next(&lx, mode, &t);
        if (t.kind == TK_EOF)
            break;
        if (t.kind == TK_ERROR) {
            /* cannot happen for parsed text; keep the rest as written */
            sb_append(out, q->text + prev_end, end - prev_end);
            break;
        }
        if (t.span.start > prev_end && prev_end > start)
            sb_putc(out, ' ');
        sb_append(out, q->text + t.span.start, t.span.end - t.span.start);
        prev_end = t.span.end;
        mode = lex_mode_after(&t);
    }
    arena_free(&scratch);
}
