#!/usr/bin/env python3
"""hostile.py — writes the small hand-made inputs of tests/cases/inputs/hostile.t.

Run from the repository root: python3 testdata/hand/hostile.py
Every file is deterministic; testdata/SOURCES.md says what each one holds.
Records are CloudTrail-like events with just the keys a case needs.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "broken")


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

# ---- broken records between good ones (testdata/hand/broken/) ----

DEEP = "[" * 2100 + "]" * 2100  # deeper than jansson's 2048 levels


def broken(name, second, tail):
    """An event whose JSON is cut open after its last key and ends with tail."""
    return event(name, second)[:-1] + ',"x":' + tail


# the example of issue 9: ok1, 2,100 nested arrays, ok2
write(os.path.join(BAD, "records-deep.json"), records(event("ok1", 0), DEEP, event("ok2", 2)))

# each kind of bracket mismatch, with a good record after each
write(os.path.join(BAD, "records-mismatch.json"), records(
    event("ok1", 0),
    broken("wrongkind", 1, "[1,2}}"),    # ']' written as '}'
    event("ok2", 2),
    broken("noclose", 3, "[1,2}"),       # ']' missing
    event("ok3", 4),
    broken("extra", 5, "1}}"),           # one '}' too many (the record itself is whole)
    event("ok4", 6),
    broken("noopen", 7, "1,2]}"),        # a ']' with no '[' open
    event("ok5", 8),
    broken("deep", 9, DEEP + "}"),
    event("ok6", 10)))

# pretty-printed events back to back, the second broken (a ']' missing)
pretty = [json.dumps(json.loads(event("ok1", 0)), indent=2),
          json.dumps(json.loads(event("bad", 1)), indent=2)[:-2] + ',\n  "x": [1, 2\n}',
          json.dumps(json.loads(event("ok2", 2)), indent=2)]
write(os.path.join(BAD, "pretty-broken.json"), "\n".join(pretty) + "\n")

# aws cloudtrail lookup-events output with a broken entry between two good ones
def lookup(ev, eid):
    return json.dumps({"EventId": eid, "EventName": json.loads(ev)["eventName"],
                       "CloudTrailEvent": ev}, separators=(",", ":"))
write(os.path.join(BAD, "lookup-broken.json"),
      '{"Events":[' + lookup(event("ok1", 0), "e1") + ',{"EventId":"e2","x":[1}},'
      + lookup(event("ok2", 2), "e3") + ']}\n')

# a bare array of events with a broken element
write(os.path.join(BAD, "bare-broken.json"),
      "[" + event("ok1", 0) + "," + broken("bad", 1, "[}") + "," + event("ok2", 2) + "]\n")


# ---- CloudWatch Logs ----

def log_event(i, msg, stream=True):
    ev = {"timestamp": 1688990400000 + i * 1000, "message": msg}
    if stream:
        ev.update(logStreamName="app", ingestionTime=1688990400500 + i * 1000, eventId=str(i))
    return json.dumps(ev, separators=(",", ":"))


# a filter-log-events page: good, mismatched, good, too deep, good
write(os.path.join(BAD, "cwlogs-page-broken.json"),
      '{"events":[' + ",".join([log_event(0, "ok1"),
                                '{"timestamp":1688990401000,"message":"bad","x":[1,2}}',
                                log_event(2, "ok2"),
                                '{"timestamp":1688990403000,"message":"deep","x":' + DEEP + "}",
                                log_event(4, "ok3")]) + '],"nextToken":"t1"}\n')

# two subscription payloads back to back, the first with a broken log event
def payload(names, stream):
    evs = [log_event(i, n, stream=False) if n != "bad" else
           '{"id":"x","timestamp":1688990401000,"message":"bad","x":[1}}' for i, n in enumerate(names)]
    evs = [e if n == "bad" else e[:-1] + ',"id":"%d"}' % i for i, (e, n) in enumerate(zip(evs, names))]
    return ('{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/aws/app",'
            '"logStream":"%s","subscriptionFilters":["all"],"logEvents":[%s]}' % (stream, ",".join(evs)))
p1 = payload(["p-ok1", "bad", "p-ok2"], "s1")
p2 = payload(["q-ok1", "q-ok2"], "s2")
write(os.path.join(BAD, "cwlogs-payload-broken.json"), p1 + "\n" + p2 + "\n")

# the same two payloads gzipped and base64-encoded, as a Lambda gets them
import base64
import gzip
data = base64.b64encode(gzip.compress((p1 + p2).encode(), mtime=0)).decode()
write(os.path.join(BAD, "cwlogs-awslogs-broken.json"), json.dumps({"awslogs": {"data": data}}) + "\n")


# ---- JSON lines ----

write(os.path.join(BAD, "jsonl-broken.jsonl"), "\n".join([
    '{"n":"ok1"}',
    '[{"n":"a1"},{"n":"bad","x":[1,2}},{"n":"a2"},' + DEEP + ',{"n":"a3"}]',
    '{"n":"ok2"}',
    '{',
    '  "n": "pretty-bad",',
    '  "x": [1, 2}',
    '}',
    '{"n":"ok3"}']) + "\n")

# ---- names that collide: a key holding a dot beside a nested path ----
write(os.path.join(HERE, "collide.json"), records(
    event("dotted-first", 0, **{"tags.env": "prod", "tags": {"env": "dev"}}),
    event("nested-first", 1, **{"tags": {"env": "dev"}, "tags.env": "prod"}),
    event("one-only", 2, **{"tags": {"env": "test"}}),
    event("three", 3, **{"tags.env": "a", "tags": {"env": "b", "env#2": "c"}})))

# a bare array of log events, the second with '[' closed by '}'
write(os.path.join(BAD, "cwlogs-bare-broken.json"),
      "[" + log_event(0, "b-ok1") + ',{"timestamp":1688990401000,"message":"bad","x":[}' + ","
      + log_event(2, "b-ok2") + "]\n")
