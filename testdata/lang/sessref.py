#!/usr/bin/env python3
# sessref.py — sessions computed independently of trailq, for
# tests/cases/lang/sessionize.t (the rule: docs/language.md#sessionize).
#
# usage: sessref.py FILE.jsonl TIMEFIELD MAXSPAN_MS NAME KEY [KEY ...]
# Reads events (one JSON object a line) with TIMEFIELD (ISO-8601, UTC) and
# the key fields (dotted paths); prints, in time order (ties in file
# order), a TSV like trailq's
#   display @timestamp, KEY..., NAME
# A key's events start a new session at the first event and after every
# gap longer than MAXSPAN_MS; the id is "s-" + the first 16 hex digits of
# sha256 of each key value and the session's first time in ms, each
# followed by the byte 0x1f. Events without a key get no id.
import datetime
import hashlib
import json
import sys

path, timefield, maxspan, name, keys = (sys.argv[1], sys.argv[2], int(sys.argv[3]),
                                        sys.argv[4], sys.argv[5:])


def get(ev, path):
    for part in path.split("."):
        if not isinstance(ev, dict) or part not in ev:
            return None
        ev = ev[part]
    return ev


def text(v):
    return v if isinstance(v, str) else json.dumps(v)


rows = []
for i, line in enumerate(open(path, encoding="utf-8")):
    ev = json.loads(line)
    t = datetime.datetime.fromisoformat(get(ev, timefield).replace("Z", "+00:00"))
    ms = int(t.timestamp() * 1000)
    rows.append((ms, i, ev))
rows.sort(key=lambda r: (r[0], r[1]))
last, start, ids = {}, {}, {}
for ms, i, ev in rows:
    if any(get(ev, k) is None for k in keys):
        continue
    key = tuple(text(get(ev, k)) for k in keys)
    if key not in last or ms - last[key] > maxspan:
        start[key] = ms
    last[key] = ms
    hashed = "".join(v + "\x1f" for v in key) + str(start[key]) + "\x1f"
    ids[i] = "s-" + hashlib.sha256(hashed.encode()).hexdigest()[:16]
print("\t".join(["@timestamp"] + keys + [name]))
for ms, i, ev in rows:
    t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    stamp = t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (ms % 1000)
    vals = [get(ev, k) for k in keys]
    print("\t".join([stamp] + ["" if v is None else text(v) for v in vals] + [ids.get(i, "")]))
