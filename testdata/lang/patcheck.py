#!/usr/bin/env python3
# patcheck.py — the properties any clustering of values into patterns must
# have, checked independently of trailq's own code (tests/cases/lang/pattern.t,
# docs/language.md#pattern):
#
#   1. the counts add up to the number of values;
#   2. @ratio is count / total (as a float, exactly);
#   3. every value matches at least one pattern, reading each placeholder
#      (<Type-N>) as any run of non-blank characters, <*> as anything, and a
#      space as any run of whitespace (trailq joins tokens with one space);
#   4. no pattern claims more values than match it.
#
# usage: patcheck.py VALUES.jsonl FIELD PATTERNS.tsv
#   VALUES.jsonl  one JSON object per value (trailq -o jsonl 'fields FIELD');
#                 objects without FIELD are not values (pattern skips them)
#   PATTERNS.tsv  trailq -o tsv 'pattern FIELD' (header @pattern @ratio
#                 @sampleCount @severityLabel)
# Prints "ok: N values, M patterns", or each failure and exits 1.
import json
import re
import sys

# trailq's whitespace is ASCII only (query/pattern.c)
WHITESPACE = " \t\n\r\v\f"
NOT_BLANK = "[^ \t\n\r\v\f]*"
BLANKS = "[ \t\n\r\v\f]+"
PLACEHOLDER = re.compile(r"<\*>|<[A-Za-z0-9]+-[0-9]+>")


def tsv_unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def to_regex(pattern):
    parts, last = [], 0
    for m in PLACEHOLDER.finditer(pattern):
        parts.append(literal(pattern[last:m.start()]))
        parts.append(".*" if m.group(0) == "<*>" else NOT_BLANK)
        last = m.end()
    parts.append(literal(pattern[last:]))
    return re.compile("".join(parts), re.S)


def literal(text):
    return BLANKS.join(re.escape(w) for w in text.split(" "))


def main():
    values_path, field, patterns_path = sys.argv[1:4]
    values = []
    with open(values_path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            obj = json.loads(line)
            if field in obj:
                v = obj[field]
                values.append(v if isinstance(v, str) else json.dumps(v))
    rows = []
    with open(patterns_path, encoding="utf-8", errors="surrogateescape") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header[:4] == ["@pattern", "@ratio", "@sampleCount", "@severityLabel"], header
        for line in f:
            p, ratio, count, sev = line.rstrip("\n").split("\t")[:4]
            rows.append((tsv_unescape(p), float(ratio), int(count), sev))
    errors = []
    total = sum(r[2] for r in rows)
    if total != len(values):
        errors.append(f"counts add up to {total}, but there are {len(values)} values")
    for p, ratio, count, _ in rows:
        if ratio != count / len(values):
            errors.append(f"@ratio {ratio!r} is not {count}/{len(values)}: {p!r}")
    regexes = [to_regex(p) for p, _, _, _ in rows]
    matching = [0] * len(rows)
    for v in values:
        text = v.strip(WHITESPACE)
        hit = False
        for k, rx in enumerate(regexes):
            if rx.fullmatch(text):
                matching[k] += 1
                hit = True
        if not hit:
            errors.append(f"no pattern matches {text[:200]!r}")
    for k, (p, _, count, _) in enumerate(rows):
        if count > matching[k]:
            errors.append(f"{p!r} claims {count} values but {matching[k]} match it")
    if errors:
        for e in errors[:20]:
            print(e)
        sys.exit(1)
    print(f"ok: {len(values)} values, {len(rows)} patterns")


main()
