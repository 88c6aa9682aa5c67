/*
 * test_lexer.c — unit tests for the query tokenizer (query/lexer.c).
 *
 * Each case lexes a small text and checks kinds, decoded values and byte
 * spans worked out by hand from the reference's lexical rules (§1). The
 * helper seq() reads a whole text choosing the mode with lex_mode_after(),
 * as the parser does (operand at the start and after operators and
 * keywords, operator after a value, segment after a dot) and prints the tokens in a compact form: NAME:x NUM:5 STR:x RE:x
 * PER:5m ERR:message, punctuation as itself, EOF at the end.
 */
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "query/lexer.h"
#include "tests/unit/testhelp.h"

static struct arena arena = ARENA_INIT;

/* The first token of src read in mode. */
static struct token first(const char *src, enum lex_mode mode)
{
    struct lexer lx;
    struct token t;
    lex_init(&lx, src, strlen(src), &arena);
    lex_next(&lx, mode, &t);
    return t;
}

static const char *punct_text(enum lex_kind k)
{
    switch (k) {
    case TK_PIPE: return "|";
    case TK_COMMA: return ",";
    case TK_LPAREN: return "(";
    case TK_RPAREN: return ")";
    case TK_LBRACKET: return "[";
    case TK_RBRACKET: return "]";
    case TK_DOT: return ".";
    case TK_PLUS: return "+";
    case TK_MINUS: return "-";
    case TK_STAR: return "*";
    case TK_SLASH: return "/";
    case TK_PERCENT: return "%";
    case TK_CARET: return "^";
    case TK_EQ: return "=";
    case TK_NE: return "!=";
    case TK_LT: return "<";
    case TK_LE: return "<=";
    case TK_GT: return ">";
    case TK_GE: return ">=";
    case TK_MATCH: return "=~";
    default: return "?";
    }
}

static const char *unit_name(enum period_unit u)
{
    static const char *const names[] = {"ms", "s", "m", "h", "d", "w", "mo", "q", "y"};
    return names[u];
}

static struct strbuf out = STRBUF_INIT;

/* All tokens of src, as described in the header comment. */
static const char *seq(const char *src)
{
    struct lexer lx;
    lex_init(&lx, src, strlen(src), &arena);
    sb_reset(&out);
    enum lex_mode mode = LEX_OPERAND;
    for (int guard = 0; guard < 100; guard++) {
        struct token t;
        lex_next(&lx, mode, &t);
        if (out.len)
            sb_putc(&out, ' ');
        switch (t.kind) {
        case TK_EOF: sb_puts(&out, "EOF"); return sb_str(&out);
        case TK_ERROR: sb_printf(&out, "ERR:%s", t.msg); return sb_str(&out);
        case TK_NAME: sb_printf(&out, "NAME:%s", t.str); break;
        case TK_STRING: sb_printf(&out, "STR:%s", t.str); break;
        case TK_REGEX: sb_printf(&out, "RE:%s", t.str); break;
        case TK_NUMBER:
            if (t.is_int)
                sb_printf(&out, "NUM:%lld", (long long)t.ival);
            else
                sb_printf(&out, "NUM:%g", t.num);
            break;
        case TK_PERIOD:
            sb_printf(&out, "PER:%lld%s", (long long)t.period.n, unit_name(t.period.unit));
            break;
        default: sb_puts(&out, punct_text(t.kind)); break;
        }
        mode = lex_mode_after(&t);
    }
    return "runaway";
}

int main(void)
{
    TEST("words and punctuation") {
        CHECK_STR(seq("fields a, b"), "NAME:fields NAME:a , NAME:b EOF");
        CHECK_STR(seq("stats count(*) by bin(5m)"),
                  "NAME:stats NAME:count ( * ) NAME:by NAME:bin ( PER:5m ) EOF");
        CHECK_STR(seq("a=1|b!=2|c<3|d<=4|e>5|f>=6|g=~/x/"),
                  "NAME:a = NUM:1 | NAME:b != NUM:2 | NAME:c < NUM:3 | NAME:d <= NUM:4 | "
                  "NAME:e > NUM:5 | NAME:f >= NUM:6 | NAME:g =~ RE:x EOF");
        CHECK_STR(seq("a+b-c*d/e%f^g"),
                  "NAME:a + NAME:b - NAME:c * NAME:d / NAME:e % NAME:f ^ NAME:g EOF");
        CHECK_STR(seq("x in [1, 2]"), "NAME:x NAME:in [ NUM:1 , NUM:2 ] EOF");
        CHECK_STR(seq("a || b"), "NAME:a | | NAME:b EOF");
    }

    TEST("whitespace and newlines separate tokens") {
        CHECK_STR(seq("  fields\ta\r\n\n| limit\f5  "), "NAME:fields NAME:a | NAME:limit NUM:5 EOF");
        struct lexer lx;
        struct token t;
        const char *src = "a\n  b";
        lex_init(&lx, src, strlen(src), &arena);
        lex_next(&lx, LEX_OPERAND, &t);
        CHECK_INT(t.span.start, 0);
        CHECK_INT(t.span.end, 1);
        lex_next(&lx, LEX_OPERATOR, &t);
        CHECK_INT(t.kind, TK_NAME);
        CHECK_INT(t.span.start, 4);
        CHECK_INT(t.span.end, 5);
    }

    TEST("end of text: empty span just after the last token, repeatable") {
        struct lexer lx;
        struct token t;
        const char *src = "ab  # trailing comment\n\n";
        lex_init(&lx, src, strlen(src), &arena);
        lex_next(&lx, LEX_OPERAND, &t);
        CHECK_STR(t.str, "ab");
        lex_next(&lx, LEX_OPERATOR, &t);
        CHECK_INT(t.kind, TK_EOF);
        CHECK_INT(t.span.start, 2);
        CHECK_INT(t.span.end, 2);
        lex_next(&lx, LEX_OPERATOR, &t);
        CHECK_INT(t.kind, TK_EOF);
        t = first("", LEX_OPERAND);
        CHECK_INT(t.kind, TK_EOF);
        CHECK_INT(t.span.start, 0);
        CHECK_INT(t.span.end, 0);
        t = first("   # only a comment", LEX_OPERAND);
        CHECK_INT(t.kind, TK_EOF);
        CHECK_INT(t.span.start, 0);
    }

    TEST("comments run to the end of the line, anywhere outside literals") {
        CHECK_STR(seq("fields a # the first field\n| filter b"),
                  "NAME:fields NAME:a | NAME:filter NAME:b EOF");
        CHECK_STR(seq("fields a\n# | filter x = 1\n| limit 5"),
                  "NAME:fields NAME:a | NAME:limit NUM:5 EOF");
        CHECK_STR(seq("filter x like /#\\d+/ # a comment"), "NAME:filter NAME:x NAME:like RE:#\\d+ EOF");
        CHECK_STR(seq("filter x = '#1' or y = \"#2\""),
                  "NAME:filter NAME:x = STR:#1 NAME:or NAME:y = STR:#2 EOF");
        CHECK_STR(seq("fields `a#b`"), "NAME:fields NAME:a#b EOF");
        CHECK_STR(seq("fields a#b"), "NAME:fields NAME:a EOF");
    }

    TEST("pipe inside a string, regex or backtick name is not a separator") {
        CHECK_STR(seq("filter x = 'A|B'"), "NAME:filter NAME:x = STR:A|B EOF");
        CHECK_STR(seq("filter x like /A|B/"), "NAME:filter NAME:x NAME:like RE:A|B EOF");
        CHECK_STR(seq("fields `a|b`"), "NAME:fields NAME:a|b EOF");
    }

    TEST("keywords are words, compared case-insensitively") {
        struct token t = first("AND", LEX_OPERATOR);
        CHECK(t.word);
        CHECK(lex_is_word(&t, "and"));
        t = first("Like", LEX_OPERATOR);
        CHECK(lex_is_word(&t, "like"));
        CHECK(!lex_is_word(&t, "lik"));
        t = first("`and`", LEX_OPERATOR);
        CHECK_STR(t.str, "and");
        CHECK(!t.word);
        CHECK(!lex_is_word(&t, "and"));
        t = first("@and", LEX_OPERATOR);
        CHECK(!lex_is_word(&t, "and"));
        t = first("x.and", LEX_OPERATOR);
        CHECK(!t.word);
        t = first("count_frequent", LEX_OPERAND);
        CHECK(t.word);
        t = first("$x", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NAME);
        CHECK_STR(t.str, "$x");
        CHECK(!t.word);
        t = first("_a1", LEX_OPERAND);
        CHECK(t.word);
        CHECK_STR(t.str, "_a1");
    }

    TEST("field references: @, dots, numeric segments") {
        struct token t = first("@message", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NAME);
        CHECK_STR(t.str, "@message");
        CHECK(!t.dotted);
        const char *src = "requestParameters.instancesSet.items.0.instanceId";
        t = first(src, LEX_OPERAND);
        CHECK_INT(t.kind, TK_NAME);
        CHECK_STR(t.str, src);
        CHECK(t.dotted);
        CHECK(!t.word);
        CHECK_INT(t.span.start, 0);
        CHECK_INT(t.span.end, strlen(src));
        t = first("resources.0.ARN", LEX_OPERATOR);
        CHECK_STR(t.str, "resources.0.ARN");
        t = first("@@example.com", LEX_OPERAND);
        CHECK_STR(t.str, "@@example.com");
        CHECK_STR(seq("fields event-name"), "NAME:fields NAME:event - NAME:name EOF");
        CHECK_STR(seq("fields a.b, c"), "NAME:fields NAME:a.b , NAME:c EOF");
    }

    TEST("backtick names") {
        struct token t = first("`foo-bar`", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NAME);
        CHECK_STR(t.str, "foo-bar");
        CHECK_INT(t.span.end, 9);
        t = first("@`aws.tag.aws:cloudformation:stack-name`", LEX_OPERAND);
        CHECK_STR(t.str, "@aws.tag.aws:cloudformation:stack-name");
        CHECK(!t.dotted);
        CHECK_INT(t.span.end, 40);
        t = first("json_message.`user.id`", LEX_OPERAND);
        CHECK_STR(t.str, "json_message.user.id");
        CHECK(t.dotted);
        t = first("`a\\`b`", LEX_OPERAND);
        CHECK_STR(t.str, "a`b");
        t = first("`a\\b c`", LEX_OPERAND);
        CHECK_STR(t.str, "a\\b c");
        t = first("`detail-type`.x", LEX_OPERAND);
        CHECK_STR(t.str, "detail-type.x");
    }

    TEST("backtick and dot errors") {
        struct token t = first("x = `abc", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NAME);
        CHECK_STR(seq("x = `abc"), "NAME:x = ERR:unterminated backtick name");
        struct lexer lx;
        lex_init(&lx, "x = `abc", 8, &arena);
        lex_next(&lx, LEX_OPERAND, &t);
        lex_next(&lx, LEX_OPERATOR, &t);
        lex_next(&lx, LEX_OPERAND, &t);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_INT(t.span.start, 4);
        CHECK_INT(t.span.end, 5);
        t = first("`ab\ncd`", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "unterminated backtick name");
        t = first("``", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "empty backtick name");
        CHECK_INT(t.span.end, 2);
        t = first("a. b", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "expected a name after '.'");
        CHECK_INT(t.span.start, 1);
        CHECK_INT(t.span.end, 2);
        t = first("a..b", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_INT(t.span.start, 1);
    }

    TEST("segment mode reads one key after a postfix dot") {
        CHECK_STR(seq("f(x).status"), "NAME:f ( NAME:x ) . NAME:status EOF");
        CHECK_STR(seq("f(x).0.a"), "NAME:f ( NAME:x ) . NAME:0 . NAME:a EOF");
        CHECK_STR(seq("f(x).`odd key`"), "NAME:f ( NAME:x ) . NAME:odd key EOF");
        struct token t = first("a.b", LEX_SEGMENT);
        CHECK_STR(t.str, "a");
        CHECK_INT(t.span.end, 1);
        t = first("0", LEX_SEGMENT);
        CHECK_INT(t.kind, TK_NAME);
        CHECK(!t.word);
    }

    TEST("numbers") {
        struct token t = first("123", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NUMBER);
        CHECK(t.is_int);
        CHECK_INT(t.ival, 123);
        CHECK(t.num == 123.0);
        t = first("1.5", LEX_OPERAND);
        CHECK(!t.is_int);
        CHECK(t.num == 1.5);
        t = first("0.5", LEX_OPERATOR);
        CHECK(t.num == 0.5);
        CHECK_INT(t.span.end, 3);
        t = first(".5", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NUMBER);
        CHECK(t.num == 0.5);
        t = first(".5", LEX_OPERATOR);
        CHECK_INT(t.kind, TK_DOT);
        t = first("1e3", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NUMBER);
        CHECK(!t.is_int);
        CHECK(t.num == 1000.0);
        t = first("2.5E-3", LEX_OPERAND);
        CHECK(t.num == 0.0025);
        CHECK_INT(t.span.end, 6);
        t = first("9223372036854775807", LEX_OPERAND);
        CHECK(t.is_int);
        CHECK(t.ival == INT64_MAX);
        t = first("9223372036854775808", LEX_OPERAND);
        CHECK_INT(t.kind, TK_NUMBER);
        CHECK(!t.is_int);
        CHECK(t.num == 9223372036854775808.0);
        t = first("007", LEX_OPERAND);
        CHECK_INT(t.ival, 7);
        CHECK_STR(seq("1.x"), "NUM:1 . NAME:x EOF");
        CHECK_STR(seq("a-1"), "NAME:a - NUM:1 EOF");
    }

    TEST("periods") {
        struct token t = first("5m", LEX_OPERAND);
        CHECK_INT(t.kind, TK_PERIOD);
        CHECK_INT(t.period.n, 5);
        CHECK_INT(t.period.unit, PU_MIN);
        CHECK_INT(t.span.end, 2);
        CHECK_STR(seq("100ms 1h 2hrs 1mo 1q 1y 30s 1d 1w 3mins 10sec 1qtr 2years 5M"),
                  "PER:100ms PER:1h PER:2h PER:1mo PER:1q PER:1y PER:30s PER:1d PER:1w "
                  "PER:3m PER:10s PER:1q PER:2y PER:5m EOF");
        t = first("0m", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "invalid period '0m'");
        CHECK_INT(t.span.end, 2);
        t = first("5x", LEX_OPERAND);
        CHECK_STR(t.msg, "unknown time unit 'x' in '5x'");
        t = first("5mx", LEX_OPERAND);
        CHECK_STR(t.msg, "unknown time unit 'mx' in '5mx'");
        t = first("1.5h", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "invalid number '1.5h'");
        CHECK_INT(t.span.start, 0);
        CHECK_INT(t.span.end, 4);
        CHECK_STR(seq("5 m"), "NUM:5 NAME:m EOF");
    }

    TEST("strings and escapes") {
        struct token t = first("'ERROR'", LEX_OPERAND);
        CHECK_INT(t.kind, TK_STRING);
        CHECK_STR(t.str, "ERROR");
        CHECK_INT(t.span.end, 7);
        t = first("\"ERROR\"", LEX_OPERAND);
        CHECK_STR(t.str, "ERROR");
        t = first("\"\\\"userId\\\": \\\"*\\\"\"", LEX_OPERAND); /* "\"userId\": \"*\"" */
        CHECK_STR(t.str, "\"userId\": \"*\"");
        t = first("'a\\\\b'", LEX_OPERAND);
        CHECK_STR(t.str, "a\\b");
        t = first("'\\''", LEX_OPERAND);
        CHECK_STR(t.str, "'");
        t = first("'\\n\\t\\r\\/'", LEX_OPERAND);
        CHECK_STR(t.str, "\n\t\r/");
        t = first("'\\u00e9'", LEX_OPERAND);
        CHECK_STR(t.str, "\xc3\xa9");
        t = first("'\\u20AC'", LEX_OPERAND);
        CHECK_STR(t.str, "\xe2\x82\xac");
        t = first("'\\ud83d\\ude00'", LEX_OPERAND);
        CHECK_STR(t.str, "\xf0\x9f\x98\x80");
        t = first("'\\x\\d'", LEX_OPERAND);
        CHECK_STR(t.str, "xd");
        t = first("'C:\\users'", LEX_OPERAND);
        CHECK_STR(t.str, "C:users");
        t = first("'it''s'", LEX_OPERAND);
        CHECK_STR(t.str, "it's");
        CHECK_INT(t.span.end, 7);
        t = first("''", LEX_OPERAND);
        CHECK_INT(t.kind, TK_STRING);
        CHECK_STR(t.str, "");
        CHECK_STR(seq("'' ''"), "STR: STR: EOF");
        t = first("\"'fieldsA': '*'\"", LEX_OPERAND);
        CHECK_STR(t.str, "'fieldsA': '*'");
        t = first("\"a\"\"b\"", LEX_OPERAND);
        CHECK_STR(t.str, "a");
        t = first("'two\nlines'", LEX_OPERAND);
        CHECK_STR(t.str, "two\nlines");
    }

    TEST("string errors") {
        struct token t = first("'abc", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "unterminated string");
        CHECK_INT(t.span.start, 0);
        CHECK_INT(t.span.end, 1);
        t = first("\"abc\\\"", LEX_OPERAND); /* "abc\"  : the quote is escaped */
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "unterminated string");
        t = first("'it''", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        t = first("'a\\u0000b'", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "a string cannot contain \\u0000");
        CHECK_INT(t.span.start, 2);
        CHECK_INT(t.span.end, 8);
    }

    TEST("regex literals") {
        struct token t = first("/Exception/", LEX_OPERAND);
        CHECK_INT(t.kind, TK_REGEX);
        CHECK_STR(t.str, "Exception");
        CHECK_INT(t.span.end, 11);
        t = first("/0\\.0\\.0\\.0\\/0|::\\/0/", LEX_OPERAND);
        CHECK_STR(t.str, "0\\.0\\.0\\.0/0|::/0");
        t = first("/\\/health-check/", LEX_OPERAND);
        CHECK_STR(t.str, "/health-check");
        t = first("/2\\d\\d/", LEX_OPERAND);
        CHECK_STR(t.str, "2\\d\\d");
        t = first("/(?i)error|failure/", LEX_OPERAND);
        CHECK_STR(t.str, "(?i)error|failure");
        t = first("/a\\\\/", LEX_OPERAND); /* /a\\/ : an escaped backslash, then the end */
        CHECK_STR(t.str, "a\\\\");
        CHECK_INT(t.span.end, 5);
        t = first("/(?<user2>.*?), method/", LEX_OPERAND);
        CHECK_STR(t.str, "(?<user2>.*?), method");
    }

    TEST("regex or division depends on the mode") {
        CHECK_STR(seq("a / b"), "NAME:a / NAME:b EOF");
        CHECK_STR(seq("a/2/3"), "NAME:a / NUM:2 / NUM:3 EOF");
        CHECK_STR(seq("f(x) / 2"), "NAME:f ( NAME:x ) / NUM:2 EOF");
        CHECK_STR(seq("x like /b/"), "NAME:x NAME:like RE:b EOF");
        CHECK_STR(seq("x =~ /b/"), "NAME:x =~ RE:b EOF");
        CHECK_STR(seq("f(/x/, /y/)"), "NAME:f ( RE:x , RE:y ) EOF");
        CHECK_STR(seq("a and /x/"), "NAME:a NAME:and RE:x EOF");
        struct token t = first("/x/", LEX_OPERATOR);
        CHECK_INT(t.kind, TK_SLASH);
        CHECK_INT(t.span.end, 1);
    }

    TEST("the mode after a token") {
        CHECK_INT(lex_mode_after(&(struct token){.kind = TK_DOT}), LEX_SEGMENT);
        CHECK_INT(lex_mode_after(&(struct token){.kind = TK_RPAREN}), LEX_OPERATOR);
        CHECK_INT(lex_mode_after(&(struct token){.kind = TK_RBRACKET}), LEX_OPERATOR);
        CHECK_INT(lex_mode_after(&(struct token){.kind = TK_LPAREN}), LEX_OPERAND);
        CHECK_INT(lex_mode_after(&(struct token){.kind = TK_COMMA}), LEX_OPERAND);
        CHECK_INT(lex_mode_after(&(struct token){.kind = TK_EQ}), LEX_OPERAND);
        const char *operand_words[] = {"and", "OR", "Not", "like", "in"};
        for (size_t i = 0; i < sizeof operand_words / sizeof *operand_words; i++) {
            struct token t = first(operand_words[i], LEX_OPERAND);
            CHECK_INT(lex_mode_after(&t), LEX_OPERAND);
        }
        struct token t = first("`and`", LEX_OPERAND); /* a field, not the keyword */
        CHECK_INT(lex_mode_after(&t), LEX_OPERATOR);
        t = first("5m", LEX_OPERAND);
        CHECK_INT(lex_mode_after(&t), LEX_OPERATOR);
        t = first("'s'", LEX_OPERAND);
        CHECK_INT(lex_mode_after(&t), LEX_OPERATOR);
    }

    TEST("regex errors") {
        struct token t = first("/abc", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "unterminated regex");
        CHECK_INT(t.span.start, 0);
        CHECK_INT(t.span.end, 1);
        t = first("/abc\n| stats count(*) by x/", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "unterminated regex");
        t = first("/abc\\/", LEX_OPERAND);
        CHECK_STR(t.msg, "unterminated regex");
        t = first("/x/i", LEX_OPERAND);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "regex flags after the closing / are not supported; use (?i) inside the pattern");
        CHECK_INT(t.span.start, 3);
        CHECK_INT(t.span.end, 4);
    }

    TEST("operator errors") {
        struct token t = first("==", LEX_OPERATOR);
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "use = for comparison");
        CHECK_INT(t.span.end, 2);
        CHECK_STR(seq("a == 1"), "NAME:a ERR:use = for comparison");
        t = first("<>", LEX_OPERATOR);
        CHECK_STR(t.msg, "use != for comparison");
        t = first("&&", LEX_OPERATOR);
        CHECK_STR(t.msg, "use 'and' instead of '&&'");
        t = first("&", LEX_OPERATOR);
        CHECK_STR(t.msg, "unexpected character '&'");
        t = first("!", LEX_OPERATOR);
        CHECK_STR(t.msg, "unexpected character '!'; use 'not' or '!='");
        t = first("~x", LEX_OPERATOR);
        CHECK_STR(t.msg, "unexpected character '~'");
        CHECK_INT(t.span.end, 1);
        t = first("\xc3\xa9t\xc3\xa9", LEX_OPERAND); /* été */
        CHECK_INT(t.kind, TK_ERROR);
        CHECK_STR(t.msg, "unexpected character '\xc3\xa9'");
        CHECK_INT(t.span.end, 2);
        t = first("\x01", LEX_OPERAND);
        CHECK_STR(t.msg, "unexpected byte 0x01");
        t = first("\xff", LEX_OPERAND);
        CHECK_STR(t.msg, "unexpected byte 0xff");
    }

    TEST("after an error the lexer moves on") {
        struct lexer lx;
        struct token t;
        const char *src = "~ a";
        lex_init(&lx, src, strlen(src), &arena);
        lex_next(&lx, LEX_OPERAND, &t);
        CHECK_INT(t.kind, TK_ERROR);
        lex_next(&lx, LEX_OPERAND, &t);
        CHECK_INT(t.kind, TK_NAME);
        CHECK_STR(t.str, "a");
        lex_seek(&lx, 0);
        lex_next(&lx, LEX_OPERAND, &t);
        CHECK_INT(t.kind, TK_ERROR);
    }

    TEST("kind names") {
        CHECK_STR(lex_kind_name(TK_EOF), "end of query");
        CHECK_STR(lex_kind_name(TK_COMMA), "','");
        CHECK_STR(lex_kind_name(TK_STRING), "a string");
        CHECK_STR(lex_kind_name(TK_MATCH), "'=~'");
    }

    sb_free(&out);
    arena_free(&arena);
    return test_report("lexer");
}
