#!/usr/bin/env python3
# offsetref.py — reference for `stats count(*)|avg(F) by bin(P) offset D`
# (tests/cases/lang/docpages.t, window.t), independent of trailq: the
# query reads the events with start - D <= t < end - D (when a window is
# given) and labels the event at t with bin(t + D), bin being the floor to
# a multiple of P since the epoch (weeks from Monday 1970-01-05).
# Prints "<label ms>\t<count or average>" per label, in order.
# Usage: offsetref.py PERIOD OFFSET FILE [--field F] [--time-field NAME]
#        [--start ISO] [--end ISO]      (PERIOD, OFFSET: 5m, 1h, 2d, 1w, 30s)
import argparse, datetime, json

UNITS = {"ms": 1, "s": 1000, "m": 60000, "h": 3600000, "d": 86400000, "w": 604800000}

def period_ms(text):
    n = text.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(n) * UNITS[text[len(n):]]

def iso_ms(text):
    t = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return round(t.timestamp() * 1000)

ap = argparse.ArgumentParser()
ap.add_argument("period"); ap.add_argument("offset"); ap.add_argument("file")
ap.add_argument("--field"); ap.add_argument("--time-field", default="time")
ap.add_argument("--start"); ap.add_argument("--end")
a = ap.parse_args()
p, d = period_ms(a.period), period_ms(a.offset)
base = 345600000 if a.period.endswith("w") else 0   # Monday 1970-01-05
lo = iso_ms(a.start) - d if a.start else None
hi = iso_ms(a.end) - d if a.end else None
groups = {}
for line in open(a.file):
    e = json.loads(line)
    t = iso_ms(e[a.time_field])
    if (lo is not None and t < lo) or (hi is not None and t >= hi):
        continue
    label = (t + d - base) // p * p + base
    groups.setdefault(label, []).append(e.get(a.field) if a.field else 1)
for label in sorted(groups):
    v = groups[label]
    if a.field:
        v = [x for x in v if x is not None]
        print("%d\t%s" % (label, "%g" % (sum(v) / len(v)) if v else ""))
    else:
        print("%d\t%d" % (label, len(v)))
