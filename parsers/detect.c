/*
 * detect.c — content-based detection of the input type (see detect.h).
 *
 * The sample is the first DETECT_BYTES of the decompressed input. In order:
 *
 *   1. Binary junk: more than one byte in ten is a NUL, a control
 *      character other than tab/LF/CR/FF/VT/ESC, or not part of valid UTF-8
 *      -> IT_UNKNOWN ("cannot tell what kind of log this is").
 *   2. JSON (the first non-blank byte is '{' or '[' and what follows it
 *      can be JSON, so "[Sun Dec 04 ...]" is text): the keys of the first
 *      object (or of a top-level array's first element) decide, read
 *      leniently so a truncated sample or a broken file still tells:
 *        Records, digestStartTime, Events[] of CloudTrailEvent, eventVersion,
 *        eventName with eventSource or userIdentity      -> cloudtrail
 *        logEvents, messageType, awslogs, events[] of objects with message
 *        or timestamp (or an empty events[] beside a paging token) -> cwlogs
 *        any other object                                -> jsonl
 *        an empty array                                  -> cloudtrail (no events either way)
 *        an array of non-objects                         -> IT_UNKNOWN
 *      A file that starts like JSON is never read as text (docs/language.md#inputs).
 *   3. Lines (the last one dropped when the sample may have cut it):
 *        the first line is a flow log header, or it and half the lines
 *        are version 2 flow records                      -> vpcflow
 *        the first line and four in five of the lines that start with
 *        a time (textts.h) start with "YYYY-MM-DDTHH:MM:SS.fffZ " or
 *        13-digit epoch ms and a space (what export tasks write; lines
 *        without a time continue a multi-line message) -> export
 *        one in five lines is a Lambda platform line or has the runtime's
 *        application prefix                              -> lambda
 *        anything else                                   -> text
 *
 * The file name is never looked at.
 */
#include "parsers/detect.h"

#include <stdbool.h>
#include <string.h>

#include "base/chars.h"

#include "parsers/jsonscan.h"
#include "parsers/lambda.h"
#include "parsers/textts.h"
#include "parsers/vpcflow.h"

/* ---- binary junk ---- */

/* Length of the valid UTF-8 sequence at p[i] (2-4), 0 if invalid, -1 if
 * the sample ends inside it. */
static int utf8_len(const unsigned char *p, size_t n, size_t i)
{
    unsigned char c = p[i];
    int len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    for (int k = 1; k < len; k++) {
        if (i + (size_t)k >= n)
            return -1;
        unsigned char b = p[i + (size_t)k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
            return 0;
    }
    return len;
}

static bool is_binary(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
                 c != 0x1b) ||
                c == 0x7f)
                bad++;
            i++;
            continue;
        }
        int len = utf8_len(p, n, i);
        if (len < 0)
            break;
        if (len == 0) {
            bad++;
            i++;
        } else {
            i += (size_t)len;
        }
    }
    return bad * 10 > n;
}

/* ---- JSON keys ---- */

enum key_bit {
    K_RECORDS = 1 << 0,
    K_EVENTS_CT = 1 << 1,       /* "Events" */
    K_EVENTS = 1 << 2,          /* "events" */
    K_LOGEVENTS = 1 << 3,
    K_MESSAGETYPE = 1 << 4,
    K_AWSLOGS = 1 << 5,
    K_EVENTVERSION = 1 << 6,
    K_EVENTNAME = 1 << 7,
    K_EVENTSOURCE = 1 << 8,
    K_USERIDENTITY = 1 << 9,
    K_CLOUDTRAILEVENT = 1 << 10,
    K_DIGEST = 1 << 11,         /* digestStartTime */
    K_MESSAGE = 1 << 12,
    K_TIMESTAMP = 1 << 13,
    K_TOKEN = 1 << 14,          /* nextToken, nextForwardToken, ... */
};

static const struct {
    const char *name;
    unsigned bit;
} key_names[] = {
    {"Records", K_RECORDS},
    {"Events", K_EVENTS_CT},
    {"events", K_EVENTS},
    {"logEvents", K_LOGEVENTS},
    {"messageType", K_MESSAGETYPE},
    {"awslogs", K_AWSLOGS},
    {"eventVersion", K_EVENTVERSION},
    {"eventName", K_EVENTNAME},
    {"eventSource", K_EVENTSOURCE},
    {"userIdentity", K_USERIDENTITY},
    {"CloudTrailEvent", K_CLOUDTRAILEVENT},
    {"digestStartTime", K_DIGEST},
    {"message", K_MESSAGE},
    {"timestamp", K_TIMESTAMP},
    {"nextToken", K_TOKEN},
    {"nextForwardToken", K_TOKEN},
    {"nextBackwardToken", K_TOKEN},
    {"searchedLogStreams", K_TOKEN},
};

/* What the first object says about itself. */
struct keys {
    unsigned top;      /* key bits of the object */
    unsigned first;    /* key bits of the first element of its Events /
                          events / logEvents array */
    bool empty_array;  /* that array is empty */
};

static bool ident_char(char c)
{
    return ch_is_alnum(c) || c == '_' || c == '$' || c == '@' || c == '-' || c == '.';
}

/* Skip the value at p[i]; returns the offset after it (n if the sample
 * ends inside it). */
static size_t skip_value(const char *p, size_t n, size_t i)
{
    int depth = 0;
    bool in_str = false;
    for (; i < n; i++) {
        char c = p[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
            if (!in_str && depth == 0)
                return i + 1;
            continue;
        }
        if (c == '"')
            in_str = true;
        else if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; /* the end of the enclosing container */
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || ch_is_json_ws(c)))
            return i;
    }
    return n;
}

/* The key at p[*i] ("quoted", or a bare word as in JavaScript object
 * literals); its bit (0 for other keys). Returns false if there is none. */
static bool read_key(const char *p, size_t n, size_t *i, unsigned *bit)
{
    size_t s = *i, e;
    if (s < n && p[s] == '"') {
        e = s + 1;
        while (e < n && p[e] != '"') {
            if (p[e] == '\\')
                e++;
            e++;
        }
        if (e >= n)
            return false;
        *i = e + 1;
        s++;
    } else {
        e = s;
        while (e < n && ident_char(p[e]))
            e++;
        if (e == s)
            return false;
        *i = e;
    }
    *bit = 0;
    for (size_t k = 0; k < sizeof key_names / sizeof *key_names; k++)
        if (strlen(key_names[k].name) == e - s && memcmp(key_names[k].name, p + s, e - s) == 0)
            *bit = key_names[k].bit;
    return true;
}

/* Keys of the object at p[i] (p[i] == '{'), into *top; with `inner`, also
 * the keys of the first element of an event array, into k->first. */
static void object_keys(const char *p, size_t n, size_t i, unsigned *top, struct keys *inner)
{
    i++;
    for (;;) {
        i = js_skip_ws(p, n, i);
        if (i >= n || p[i] == '}')
            return;
        if (p[i] == ',') {
            i++;
            continue;
        }
        unsigned bit;
        if (!read_key(p, n, &i, &bit))
            return;
        i = js_skip_ws(p, n, i);
        if (i >= n || p[i] != ':')
            return;
        i = js_skip_ws(p, n, i + 1);
        if (i >= n)
            return;
        *top |= bit;
        if (inner && (bit & (K_EVENTS_CT | K_EVENTS | K_LOGEVENTS)) && p[i] == '[') {
            size_t j = js_skip_ws(p, n, i + 1);
            if (j < n && p[j] == '{')
                object_keys(p, n, j, &inner->first, NULL);
            else if (j < n && p[j] == ']')
                inner->empty_array = true;
        }
        size_t next = skip_value(p, n, i);
        if (next == i)
            return; /* a stray bracket */
        i = next;
    }
}

static enum input_type classify(const struct keys *k)
{
    unsigned t = k->top;
    if (t & (K_RECORDS | K_DIGEST))
        return IT_CLOUDTRAIL;
    if ((t & K_EVENTS_CT) && ((k->first & K_CLOUDTRAILEVENT) || k->empty_array))
        return IT_CLOUDTRAIL;
    if (t & (K_LOGEVENTS | K_MESSAGETYPE | K_AWSLOGS))
        return IT_CWLOGS;
    if ((t & K_EVENTS) &&
        ((k->first & (K_MESSAGE | K_TIMESTAMP)) || (k->empty_array && (t & K_TOKEN))))
        return IT_CWLOGS;
    if ((t & K_EVENTVERSION) || ((t & K_EVENTNAME) && (t & (K_EVENTSOURCE | K_USERIDENTITY))))
        return IT_CLOUDTRAIL;
    return IT_JSONL;
}

static enum input_type detect_json(const char *p, size_t n, size_t i)
{
    if (p[i] == '[') {
        i = js_skip_ws(p, n, i + 1);
        if (i >= n || p[i] == ']')
            return IT_CLOUDTRAIL;
        if (p[i] != '{')
            return IT_UNKNOWN;
    }
    struct keys k = {0};
    object_keys(p, n, i, &k.top, &k);
    return classify(&k);
}

/* ---- lines ---- */

enum { SAMPLE_LINES = 400 };

/* "YYYY-MM-DDTHH:MM:SS.fffZ " or 13 digits and a space: exactly what
 * export tasks write (milliseconds and Z), so that a text log stamped to
 * the second is not taken for an export. */
static bool export_prefix(const char *s, size_t n)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ ";
    size_t i = 0;
    for (; i < sizeof shape - 1; i++) {
        if (i >= n)
            return false;
        bool ok = shape[i] == 'd' ? ch_is_digit(s[i]) : s[i] == shape[i];
        if (!ok)
            break;
    }
    if (i == sizeof shape - 1)
        return true;
    for (i = 0; i < 13; i++)
        if (i >= n || s[i] < '0' || s[i] > '9')
            return false;
    return i < n && s[i] == ' ';
}

static enum input_type detect_lines(const char *p, size_t n, size_t i)
{
    bool may_be_cut = n >= DETECT_BYTES;
    size_t lines = 0, vpc = 0, exp = 0, stamped = 0, lam = 0;
    bool first = true, first_export = false, first_vpc = false;
    while (i < n && lines < SAMPLE_LINES) {
        size_t e = i;
        while (e < n && p[e] != '\n' && p[e] != '\r')
            e++;
        if (e == n && may_be_cut && lines > 0)
            break; /* a line the sample may have cut */
        const char *s = p + i;
        size_t len = e - i;
        size_t k = 0;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k < len) {
            if (first && vpc_is_header(s, len))
                return IT_VPCFLOW;
            if (first) {
                first_export = export_prefix(s, len);
                first_vpc = vpc_is_default_record(s, len);
            }
            first = false;
            lines++;
            vpc += vpc_is_default_record(s, len);
            bool export_line = export_prefix(s, len);
            int64_t ms;
            exp += export_line;
            stamped += export_line || textts_scan(s, len, 0, &ms);
            struct lambda_line ll;
            lam += lambda_parse_line(s, len, &ll);
        }
        i = e;
        if (i < n && p[i] == '\r')
            i++;
        if (i < n && p[i] == '\n')
            i++;
    }
    if (lines == 0)
        return IT_TEXT;
    if (first_vpc && vpc * 2 >= lines)
        return IT_VPCFLOW;
    if (first_export && exp * 5 >= stamped * 4)
        return IT_EXPORT;
    if (lam > 0 && lam * 5 >= lines)
        return IT_LAMBDA;
    return IT_TEXT;
}

/* Does the '{' or '[' at p[i] really open JSON? A text line may start
 * with a bracket too ("[Sun Dec 04 ...]", "[10.30 16:49:06]", "{main}"):
 * JSON needs a key (quoted, or a bare word and ':' as in the JavaScript
 * object literals some tools write) or '}' after '{', and after '[' a value
 * followed by ',' or ']' (or the end of the sample). */
static bool opens_json(const char *p, size_t n, size_t i)
{
    size_t j = js_skip_ws(p, n, i + 1);
    if (j >= n)
        return true;
    char c = p[j];
    if (p[i] == '{') {
        if (c == '"' || c == '}')
            return true;
        size_t e = j;
        while (e < n && ident_char(p[e]))
            e++;
        e = js_skip_ws(p, n, e);
        return e > j && (e >= n || p[e] == ':');
    }
    if (c == '{' || c == '[' || c == ']' || c == '"')
        return true;
    size_t e = j;
    if (c == '-' || ch_is_digit(c)) {
        while (e < n && (ch_is_digit(p[e]) || p[e] == '.' || p[e] == 'e' ||
                         p[e] == 'E' || p[e] == '+' || p[e] == '-'))
            e++;
    } else {
        static const char *const words[] = {"true", "false", "null"};
        for (size_t k = 0; k < 3 && e == j; k++)
            if (n - j >= strlen(words[k]) && memcmp(p + j, words[k], strlen(words[k])) == 0)
                e = j + strlen(words[k]);
        if (e == j)
            return false;
    }
    e = js_skip_ws(p, n, e);
    return e >= n || p[e] == ',' || p[e] == ']';
}

enum input_type detect_type(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        i = 3;
    if (is_binary(p + i, n - i))
        return IT_UNKNOWN;
    size_t j = js_skip_ws(p, n, i);
    if (j == n)
        return IT_TEXT; /* empty or blank: no events either way */
    if ((p[j] == '{' || p[j] == '[') && opens_json(p, n, j))
        return detect_json(p, n, j);
    return detect_lines(p, n, i);
}
