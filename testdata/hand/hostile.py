#!/usr/bin/env python3
"""hostile.py — writes the small hand-made inputs of tests/cases/inputs/hostile.t.

Run from the repository root: python3 testdata/hand/hostile.py
Every file is deterministic; testdata/SOURCES.md says what each one holds.
Records are CloudTrail-like events with just the keys a case needs.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "..", "bad")


def event(name, second, **extra):
    ev = {"eventVersion": "1.08", "eventTime": "2023-07-10T12:00:%02dZ" % second,
          "eventName": name, "awsRegion": "us-east-1", "recipientAccountId": "111122223333"}
    ev.update(extra)
    return json.dumps(ev, separators=(",", ":"))


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def records(*recs):
    return '{"Records":[' + ",".join(recs) + "]}\n"


# numbers jansson refuses (valid JSON), between two ordinary records
big = event("big", 1)[:-1] + (',"big":18446744073709551616,"neg":-9223372036854775809,'
                              '"huge":1e999,"requestParameters":{"Ratio":0.1,"Limit":1e999,'
                              '"Id":18446744073709551616}}')
write(os.path.join(HERE, "numbers.json"), records(event("ok1", 0), big, event("ok2", 2)))

# the same numbers one per line, for comparisons, arithmetic and sort
lines = ['{"n":"a","v":18446744073709551616}', '{"n":"b","v":-9223372036854775809}',
         '{"n":"c","v":1e999}', '{"n":"d","v":-1e999}', '{"n":"e","v":5}',
         '{"n":"f","v":1.5}', '{"n":"g","v":9223372036854775807}']
write(os.path.join(HERE, "numbers.jsonl"), "\n".join(lines) + "\n")

# \u0000 in a value and in a key
nul = event("nul", 1)[:-1] + ',"userAgent":"curl\\u0000/8","k\\u0000":1}'
write(os.path.join(HERE, "nul.json"), records(event("ok1", 0), nul, event("ok2", 2)))

# a real inside an object: {"Ratio":0.1} (the 17-digit case of issue 9)
write(os.path.join(HERE, "ratio.json"),
      records(event("ratio", 0, requestParameters={"Ratio": 0.1}),
              event("other", 1, requestParameters={"Ratio": 0.25, "Scale": 1.5e-07,
                                                   "Tags": [0.1, 2.0]})))
