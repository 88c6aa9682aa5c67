/*
 * test_jsonscan.c — parsers/jsonscan.c: where a JSON value ends
 * (js_value_end) and where a broken one ends by the resynchronisation
 * rules of the man page (INPUTS, Broken records: js_resync_walk).
 *
 * Every expected end was worked out by hand from the rules; each walk is
 * also run with the text cut into two pieces at every position, which
 * must give the same end, problem and line count (the readers walk a
 * record of any size piece by piece).
 */
#include <stdlib.h>
#include <string.h>

#include "parsers/jsonscan.h"
#include "tests/unit/testhelp.h"

struct walk {
    bool ended;        /* the value ended in the text */
    size_t end;        /* ... just before this offset */
    const char *why;   /* the first problem, or NULL */
    uint64_t why_lines; /* line breaks before it */
};

static struct walk walk_pieces(const char *open, const char *text, size_t cut)
{
    struct js_resync rs;
    js_resync_init(&rs, open, strlen(open));
    size_t n = strlen(text), used = 0;
    struct walk w = {0};
    if (cut > 0 && js_resync_walk(&rs, text, cut, &used)) {
        w.ended = true;
        w.end = used;
    } else if (js_resync_walk(&rs, text + cut, n - cut, &used)) {
        w.ended = true;
        w.end = cut + used;
    }
    w.why = rs.why;
    w.why_lines = rs.why_lines;
    return w;
}

/* Walk text (inside the brackets `open`) whole and cut at every offset:
 * all the same? Returns the whole walk. */
static struct walk walk(const char *open, const char *text, int *same)
{
    struct walk w = walk_pieces(open, text, 0);
    *same = 1;
    for (size_t cut = 1; cut <= strlen(text); cut++) {
        struct walk v = walk_pieces(open, text, cut);
        if (v.ended != w.ended || v.end != w.end || v.why != w.why ||
            v.why_lines != w.why_lines)
            *same = 0;
    }
    return w;
}

/* The walk of text ends after `end` bytes with problem `why` (NULL: none). */
#define WALK(open, text, want_end, want_why)                                             \
    do {                                                                                 \
        int same_;                                                                       \
        struct walk got_ = walk(open, text, &same_);                                       \
        CHECK(same_);                                                                    \
        CHECK(got_.ended);                                                                 \
        CHECK_INT(got_.end, want_end);                                                     \
        CHECK_STR(got_.why ? got_.why : "(none)", want_why ? want_why : "(none)");           \
    } while (0)

int main(void)
{
    TEST("a whole value ends where it closes, brackets in strings aside")
    {
        WALK("", "{\"a\":[1,{\"b\":\"}]\\\"\"}]}, {\"next\":1}", 22, NULL);
        WALK("", "[[],{}] tail", 7, NULL);
    }
    TEST("a closing bracket closes the nearest open bracket of its kind")
    {
        /* ']' written '}': the '}' closes the '{', the '[' is left open */
        WALK("", "{\"x\":[1,2}},{\"ok\":2}", 10, "expected ']' before '}'");
        /* ']' missing: the same, and the record's own '}' ends it */
        WALK("", "{\"x\":[1,2},{\"ok\":2}]", 10, "expected ']' before '}'");
        /* a '}' missing inside an array: the ']' closes the array */
        WALK("", "[{\"a\":1]", 8, "expected '}' before ']'");
        /* a missing ']' deep inside: the object's '}' closes it all */
        WALK("", "{\"a\":{\"b\":[1,2},\"c\":3}x", 22, "expected ']' before '}'");
    }
    TEST("a closing bracket with nothing of its kind open ends the value there")
    {
        WALK("", "{\"x\":1,2]},{\"ok\":2}", 9, "unexpected ']'");
        WALK("", "[1,2}]", 5, "unexpected '}'");
    }
    TEST("a string cut by a line break ends there")
    {
        WALK("", "{\"a\":\"open\n,\"b\":1}", 18, "a line break inside a string");
        int same;
        struct walk w = walk("", "{\n\"a\":\n\"open\n}", &same);
        CHECK(same && w.ended && w.end == 14);
        CHECK_INT(w.why_lines, 2); /* on the third line */
    }
    TEST("beyond 2048 levels brackets are only counted")
    {
        size_t depth = 2100;
        char *t = malloc(2 * depth + 8);
        memset(t, '[', depth);
        memset(t + depth, ']', depth);
        strcpy(t + 2 * depth, ",[1]");
        int same;
        struct js_resync rs;
        js_resync_init(&rs, "", 0);
        size_t used = 0;
        CHECK(js_resync_walk(&rs, t, strlen(t), &used));
        CHECK_INT(used, 2 * depth);
        CHECK_STR(rs.why, JS_TOO_DEEP);
        /* counted only: a '}' closes a '[' up there without a word */
        t[depth] = '}';
        js_resync_init(&rs, "", 0);
        CHECK(js_resync_walk(&rs, t, strlen(t), &used));
        CHECK_INT(used, 2 * depth);
        CHECK_STR(rs.why, JS_TOO_DEEP);
        (void)same;
        free(t);
    }
    TEST("inside open brackets: the walk ends where the last of them closes")
    {
        /* a broken member of a top-level object: skip to the object's end */
        WALK("{", "[1,2}\n{\"next\":1}", 5, "expected ']' before '}'");
        WALK("{", "\"v\",\"k\":[1]} rest", 12, NULL);
    }
    TEST("a value that does not end")
    {
        int same;
        struct walk w = walk("", "{\"a\":[1,2", &same);
        CHECK(same);
        CHECK(!w.ended);
        CHECK(w.why == NULL);
    }
    TEST("js_value_end: the splitter's limit is jansson's")
    {
        size_t e = 0;
        const char *why = NULL;
        char *t = malloc(2 * 2048 + 1);
        memset(t, '[', 2048);
        memset(t + 2048, ']', 2048);
        t[4096] = '\0';
        CHECK_INT(js_value_end(t, 4096, &e, &why), JS_OK);
        CHECK_INT(e, 4096);
        free(t);
        t = malloc(2 * 2049 + 1);
        memset(t, '[', 2049);
        memset(t + 2049, ']', 2049);
        CHECK_INT(js_value_end(t, 4098, &e, &why), JS_ERROR);
        CHECK_STR(why, JS_TOO_DEEP);
        free(t);
        CHECK_INT(js_value_end("{\"a\":[}", 7, &e, &why), JS_ERROR);
        CHECK_INT(e, 6);
    }
    return test_report("jsonscan");
}
