/*
 * fieldcheck.c — warnings for fields no event has, with a suggestion (see
 * fieldcheck.h).
 */
#include "cmd/fieldcheck.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/strdist.h"
#include "base/xalloc.h"
#include "cmd/msgs.h"
#include "index/sysfield.h"
#include "parsers/detect.h"
#include "parsers/diag.h"
#include "parsers/input.h"
#include "query/lexer.h"
#include "query/qerror.h"

/* The names a suggestion may be, with how many events have each: an
 * open-addressing hash set, as a sample adds each name of each event. */
struct names {
    char **v;           /* the names (owned), in order of arrival */
    int64_t *count;     /* events with v[i] (or, for an object, with a field below it) */
    size_t n, cap, cap_count;
    size_t *slots;      /* index + 1 into v, 0 when free; a power of two long */
    size_t n_slots;
};

static uint64_t name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void names_rehash(struct names *ns)
{
    size_t n_slots = ns->n_slots ? ns->n_slots * 2 : 256;
    size_t *slots = xcalloc(n_slots, sizeof *slots);
    for (size_t i = 0; i < ns->n; i++) {
        size_t k = name_hash(ns->v[i], strlen(ns->v[i])) & (n_slots - 1);
        while (slots[k])
            k = (k + 1) & (n_slots - 1);
        slots[k] = i + 1;
    }
    free(ns->slots);
    ns->slots = slots;
    ns->n_slots = n_slots;
}

static void names_add(struct names *ns, const char *name, size_t len, int64_t count)
{
    if (2 * (ns->n + 1) > ns->n_slots)
        names_rehash(ns);
    size_t k = name_hash(name, len) & (ns->n_slots - 1);
    for (; ns->slots[k]; k = (k + 1) & (ns->n_slots - 1)) {
        size_t i = ns->slots[k] - 1;
        if (strncmp(ns->v[i], name, len) == 0 && ns->v[i][len] == '\0') {
            ns->count[i] += count;
            return;
        }
    }
    ns->v = xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
    ns->count = xgrow(ns->count, &ns->cap_count, ns->n + 1, sizeof *ns->count);
    ns->v[ns->n] = xstrndup(name, len);
    ns->count[ns->n] = count;
    ns->slots[k] = ++ns->n;
}

/* A name and every object above it (a.b.c: a, a.b, a.b.c). */
static void names_add_path(struct names *ns, const char *name, size_t len, int64_t count)
{
    for (size_t i = 0; i < len; i++)
        if (name[i] == '.')
            names_add(ns, name, i, count);
    names_add(ns, name, len, count);
}

static void names_free(struct names *ns)
{
    for (size_t i = 0; i < ns->n; i++)
        free(ns->v[i]);
    free(ns->v);
    free(ns->count);
    free(ns->slots);
}

/* Is the field unknown to the index (no event has it, nor anything below
 * it)? */
static bool missing(struct store *st, const char *name)
{
    return !store_field(st, name) && !store_has_children(st, name);
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

/* How near field is to name (str_near's answer, -1 for not near). The
 * segments both start with (ignoring case) are left out first, so that
 * requestParameters.keyId is compared with requestParameters.vpcId as
 * keyId with vpcId. A name that is field's parent or child, or that
 * differs first in an array index (items.1 and items.0), is not near. */
static int near_path(const char *field, const char *name)
{
    size_t a = 0, b = 0; /* where the remainders start */
    for (;;) {
        size_t la = strcspn(field + a, "."), lb = strcspn(name + b, ".");
        if (la != lb || strncasecmp(field + a, name + b, la) != 0)
            break;
        if (!field[a + la] || !name[b + lb])
            return -1; /* one is the other's parent (or its case variant: compared whole) */
        a += la + 1;
        b += lb + 1;
    }
    size_t la = strcspn(field + a, "."), lb = strcspn(name + b, ".");
    if (all_digits(field + a, la) && all_digits(name + b, lb))
        return -1;
    return str_near(field + a, name + b);
}

/* The nearest name to field, or NULL: fewest edits, then most events,
 * then the first in byte order. */
static const char *nearest(const struct names *ns, const char *field)
{
    const char *best = NULL;
    int best_d = -1;
    int64_t best_count = 0;
    for (size_t i = 0; i < ns->n; i++) {
        if (strcmp(ns->v[i], field) == 0)
            continue;
        int d = strcasecmp(ns->v[i], field) == 0 ? 0 : near_path(field, ns->v[i]);
        if (d < 0)
            continue;
        bool better = !best || d < best_d ||
                      (d == best_d && (ns->count[i] > best_count ||
                                       (ns->count[i] == best_count && strcmp(ns->v[i], best) < 0)));
        if (better) {
            best = ns->v[i];
            best_d = d;
            best_count = ns->count[i];
        }
    }
    return best;
}

/* Is name among the names (exactly)? */
static bool names_have(const struct names *ns, const char *name)
{
    if (!ns->n_slots)
        return false;
    size_t len = strlen(name);
    for (size_t k = name_hash(name, len) & (ns->n_slots - 1); ns->slots[k];
         k = (k + 1) & (ns->n_slots - 1))
        if (strcmp(ns->v[ns->slots[k] - 1], name) == 0)
            return true;
    return false;
}

/* Where the query names the field first: the span of that name token,
 * found by lexing the text as the parser would (an operand after an
 * operator, an operator after a value). False if it is not found. */
static bool find_field(const char *text, size_t len, const char *field, struct span *where)
{
    struct arena a = {0};
    struct lexer lx;
    lex_init(&lx, text, len, &a);
    enum lex_mode mode = LEX_OPERAND;
    bool found = false;
    for (;;) {
        struct token t;
        lex_next(&lx, mode, &t);
        if (t.kind == TK_EOF)
            break;
        if (t.kind == TK_NAME && strcmp(t.str, field) == 0) {
            *where = t.span;
            found = true;
            break;
        }
        switch (t.kind) {
        case TK_NAME:
            mode = t.word && (lex_is_word(&t, "and") || lex_is_word(&t, "or") ||
                              lex_is_word(&t, "not") || lex_is_word(&t, "like") ||
                              lex_is_word(&t, "in") || lex_is_word(&t, "by"))
                       ? LEX_OPERAND
                       : LEX_OPERATOR;
            break;
        case TK_NUMBER:
        case TK_STRING:
        case TK_REGEX:
        case TK_PERIOD:
        case TK_RPAREN:
        case TK_RBRACKET:
        case TK_ERROR:
            mode = LEX_OPERATOR;
            break;
        case TK_DOT:
            mode = LEX_SEGMENT;
            break;
        default:
            mode = LEX_OPERAND;
            break;
        }
    }
    arena_free(&a);
    return found;
}

static void warn_one(const char *text, size_t len, const char *field, const char *suggestion)
{
    char *shown = fieldcheck_query_name(suggestion);
    struct qerror qe = {0};
    struct span where;
    if (!find_field(text, len, field, &where)) {
        warnf("no event has the field '%s' (did you mean %s?)", field, shown);
        free(shown);
        return;
    }
    qerror_set(&qe, where, "no event has the field '%s' (did you mean %s?)", field, shown);
    struct strbuf sb = STRBUF_INIT, out = STRBUF_INIT;
    qerror_render(&qe, text, len, &sb);
    /* the renderer's "query error at" becomes "warning at": same place, same caret */
    const char *at = strstr(sb_str(&sb), " at ");
    sb_printf(&out, "trailq: warning%s", at ? at : sb_str(&sb));
    msg_raw(sb_str(&out));
    sb_free(&out);
    sb_free(&sb);
    free(shown);
}

/* The system fields are no event's fields, but a query may mistype them
 * as well (@mesage, @logstream): they are names to suggest, after the
 * events' own on a tie (no event counts for them). */
static void names_add_system(struct names *ns)
{
    for (int k = 0; k < SYSF_COUNT; k++)
        names_add(ns, sys_fields[k].name, strlen(sys_fields[k].name), 0);
}

/* also_known: a field among the names is not missing either (a one-shot
 * index holds only the events the query kept). */
static size_t warn_all(struct store *st, struct names *ns, bool also_known, const char *text,
                       size_t len, const char *const *fields, size_t n_fields)
{
    size_t n = 0;
    names_add_system(ns);
    for (size_t i = 0; i < n_fields; i++) {
        if (!missing(st, fields[i]) || (also_known && names_have(ns, fields[i])))
            continue;
        const char *s = nearest(ns, fields[i]);
        if (s) {
            warn_one(text, len, fields[i], s);
            n++;
        }
    }
    return n;
}

static size_t count_missing(struct store *st, const char *const *fields, size_t n_fields)
{
    size_t n = 0;
    for (size_t i = 0; i < n_fields; i++)
        n += missing(st, fields[i]);
    return n;
}

size_t fieldcheck_store(struct store *st, const char *text, size_t len, const char *const *fields,
                        size_t n_fields)
{
    if (count_missing(st, fields, n_fields) == 0)
        return 0;
    struct names ns = {0};
    size_t nf = store_n_fields(st);
    for (size_t i = 0; i < nf; i++) {
        const struct store_field *f = store_field_at(st, i);
        if (f && f->n_events > 0)
            names_add_path(&ns, f->name, f->name_len, f->n_events);
    }
    size_t n = warn_all(st, &ns, false, text, len, fields, n_fields);
    names_free(&ns);
    return n;
}

/* ---- sampling the inputs ---- */

struct sample {
    struct names *ns;
    int64_t n_events;   /* events seen so far, all files */
};

/* The parser's batch: take its field names, stop when enough were seen. */
static int sample_flush(void *arg, struct rec_batch *b)
{
    struct sample *s = arg;
    for (size_t r = 0; r < b->n_recs; r++) {
        const struct rec *rec = &b->recs[r];
        for (uint32_t k = 0; k < rec->n_fields; k++) {
            const struct rec_field *f = &b->fields[rec->first_field + k];
            names_add_path(s->ns, rb_text(b, f->name_off), f->name_len, 1);
        }
    }
    s->n_events += (int64_t)b->n_recs;
    rb_reset(b);
    return s->n_events >= FIELDCHECK_SAMPLE_EVENTS ? -1 : 0;
}

static void sample_file(const char *path, enum input_type type, struct sample *s)
{
    struct input *in = NULL;
    struct strbuf err = STRBUF_INIT;
    if (input_open(&in, path, &err) < 0) {
        sb_free(&err);
        return;
    }
    sb_free(&err);
    if (type == IT_AUTO) {
        input_fill(in, DETECT_BYTES);
        size_t n = input_avail(in) < DETECT_BYTES ? input_avail(in) : DETECT_BYTES;
        type = n ? detect_type(input_data(in), n) : IT_UNKNOWN;
    }
    if (type != IT_UNKNOWN) {
        struct ingest_plan plan;
        plan_init_all(&plan);
        struct rec_batch batch = {0};
        struct diag_list diags;
        diag_init(&diags, path);
        struct parse_ctx ctx = {.in = in, .path = path, .plan = &plan, .batch = &batch,
                                .flush = sample_flush, .flush_arg = s, .diags = &diags,
                                .file_time = TS_NONE};
        parse_input(&ctx, type);
        diag_list_free(&diags); /* reported by the load already */
        rb_free(&batch);
    }
    input_close(in);
}

size_t fieldcheck_sampled(struct store *st, const struct file_list *files, enum input_type type,
                          const char *text, size_t len, const char *const *fields,
                          size_t n_fields)
{
    if (count_missing(st, fields, n_fields) == 0)
        return 0;
    struct names ns = {0};
    struct sample s = {.ns = &ns};
    for (size_t i = 0; i < files->n && s.n_events < FIELDCHECK_SAMPLE_EVENTS; i++)
        if (strcmp(files->paths[i], "-") != 0) /* standard input cannot be read again */
            sample_file(files->paths[i], type, &s);
    size_t n = warn_all(st, &ns, true, text, len, fields, n_fields);
    names_free(&ns);
    return n;
}

char *fieldcheck_query_name(const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    const char *p = name;
    bool first = true;
    while (first || *p) {
        size_t n = strcspn(p, ".");
        bool bare = n > 0 && !(first && isdigit((unsigned char)p[0]));
        for (size_t k = 0; k < n && bare; k++) {
            unsigned char ch = (unsigned char)p[k];
            bare = isalnum(ch) || ch == '_' || ch == '$' || (ch == '@' && first && k == 0);
        }
        if (!first)
            sb_putc(&sb, '.');
        if (bare) {
            sb_append(&sb, p, n);
        } else {
            sb_putc(&sb, '`');
            for (size_t k = 0; k < n; k++) {
                if (p[k] == '`')
                    sb_putc(&sb, '\\'); /* the lexer's escape inside backquotes */
                sb_putc(&sb, p[k]);
            }
            sb_putc(&sb, '`');
        }
        p += n;
        if (*p == '.')
            p++;
        first = false;
    }
    return sb_detach(&sb);
}
