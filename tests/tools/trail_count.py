#!/usr/bin/env python3
# tests/tools/trail_count.py — independent answers for golden cases over
# the sample trail in testdata/AWSLogs, computed with Python alone (gzip,
# json), never with trailq.
#
#   trail_count.py count PRED          the number of events e for which the
#                                      Python expression PRED is true
#   trail_count.py by KEY [PRED]       "key<TAB>count" per value of the Python
#                                      expression KEY, sorted by key (events
#                                      where PRED holds; KEY None is skipped)
#
# An event is the dict of one record of a {"Records": [...]} file; e.get()
# gives None for a missing field.
import glob
import gzip
import json
import sys


def events():
    for path in sorted(glob.glob("testdata/AWSLogs/**/*.json.gz", recursive=True)):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            yield from json.load(f)["Records"]


def main(argv):
    if len(argv) >= 2 and argv[0] == "count":
        pred = compile(argv[1], "PRED", "eval")
        print(sum(1 for e in events() if eval(pred, {"e": e})))
        return 0
    if len(argv) >= 2 and argv[0] == "by":
        key = compile(argv[1], "KEY", "eval")
        pred = compile(argv[2] if len(argv) > 2 else "True", "PRED", "eval")
        counts = {}
        for e in events():
            if eval(pred, {"e": e}):
                k = eval(key, {"e": e})
                if k is not None:
                    counts[k] = counts.get(k, 0) + 1
        for k in sorted(counts):
            print(f"{k}\t{counts[k]}")
        return 0
    print(__doc__ or "usage: trail_count.py count PRED | by KEY [PRED]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
