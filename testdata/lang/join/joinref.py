#!/usr/bin/env python3
# joinref.py — join, in (subquery) and appendcols computed independently of
# trailq, for tests/cases/lang/subquery.t (the rules: trailq(1) QUERY
# LANGUAGE, docs/language.md#subqueries-join-and-appendcols). Reads api.jsonl,
# fn.jsonl and lat.jsonl next to this file and prints a TSV shaped like
# trailq's output:
#
#   joinref.py inner|left   filter status >= 500
#                           | join type=T left=api right=lambda
#                               where api.requestId = lambda.requestId
#                               (SOURCE "<dir>/fn.jsonl")
#                           | fields api.requestId, api.status, api.latency,
#                               lambda.duration, lambda.memoryUsed
#                           | sort api.latency desc
#   joinref.py in TYPE      filter ispresent(status) and requestId in
#                             (SOURCE "<dir>/fn.jsonl" | filter errorType = TYPE
#                              | fields requestId)
#                           | fields requestId, svc, latency | sort @timestamp desc
#   joinref.py notin        filter ispresent(status) and requestId not in
#                             (SOURCE "<dir>" | filter ispresent(duration)
#                              | fields requestId) | fields requestId, status
#   joinref.py appendcols   fields svc | stats count(*) as cnt by svc
#                           | appendcols override=true (SOURCE "<dir>/lat.jsonl"
#                              | stats avg(latency) as avgLat by svc)
#                           over api.jsonl and lat.jsonl
#
# Keys compare as trailq's = does: numbers (and numeric text) as numbers,
# anything else as text; a missing key matches nothing. "Newest first" is
# the default order; a sort keeps the earlier order for ties.
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name)) as f:
        return [json.loads(line) for line in f if line.strip()]


def key(v):
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return ("n", float(v))
    try:
        return ("n", float(v))
    except ValueError:
        return ("s", str(v))


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def newest_first(rows):
    # times are distinct in these files; ties would keep file order
    return sorted(rows, key=lambda r: r["time"], reverse=True)


def main():
    api, fn, lat = load("api.jsonl"), load("fn.jsonl"), load("lat.jsonl")
    what = sys.argv[1]
    if what in ("inner", "left"):
        right = newest_first(fn)
        out = []
        for a in newest_first(api + fn):
            if not (isinstance(a.get("status"), int) and a["status"] >= 500):
                continue
            k = key(a.get("requestId"))
            matches = [b for b in right if k is not None and key(b.get("requestId")) == k]
            if not matches and what == "left":
                matches = [{}]
            for b in matches:
                out.append((a, b))
        out.sort(key=lambda ab: -ab[0]["latency"])  # stable
        print("api.requestId\tapi.status\tapi.latency\tlambda.duration\tlambda.memoryUsed")
        for a, b in out:
            print("\t".join(fmt(x) for x in (a.get("requestId"), a["status"], a["latency"],
                                             b.get("duration"), b.get("memoryUsed"))))
    elif what == "in":
        keys = {key(b.get("requestId")) for b in fn if b.get("errorType") == sys.argv[2]}
        keys.discard(None)
        print("requestId\tsvc\tlatency")
        for a in newest_first(api):
            if key(a.get("requestId")) in keys:
                print("\t".join(fmt(a.get(f)) for f in ("requestId", "svc", "latency")))
    elif what == "notin":
        keys = {key(b.get("requestId")) for b in fn if "duration" in b}
        keys.discard(None)
        print("requestId\tstatus")
        for a in newest_first(api):
            k = key(a.get("requestId"))
            if k is not None and k not in keys:
                print(f"{fmt(a['requestId'])}\t{fmt(a['status'])}")
    elif what == "appendcols":
        cnt, lats = {}, {}
        for r in api + lat:
            cnt[r["svc"]] = cnt.get(r["svc"], 0) + 1
        for r in lat:
            lats.setdefault(r["svc"], []).append(r["latency"])
        left = sorted(cnt.items())
        right = [(s, sum(v) / len(v)) for s, v in sorted(lats.items())]
        print("svc\tcnt\tavgLat")
        for i, (svc, n) in enumerate(left):
            if i < len(right):
                print(f"{right[i][0]}\t{n}\t{fmt(right[i][1])}")
            else:
                print(f"{svc}\t{n}\t")
    else:
        sys.exit("usage: joinref.py inner|left|in TYPE|notin|appendcols")


if __name__ == "__main__":
    main()
