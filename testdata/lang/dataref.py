#!/usr/bin/env python3
# dataref.py — the data commands computed independently of trailq, for
# tests/cases/lang/data.t (the rules: trailq(1) QUERY LANGUAGE and
# docs/language.md#the-data-commands). Reads JSON lines with "time"
# (ISO-8601, UTC), walks them oldest first, and prints a TSV shaped like
# trailq's output for the query named in each usage line:
#
#   dataref.py FILE accum FIELD NAME       sort @timestamp asc | accum FIELD as NAME
#                                          | display @timestamp, FIELD, NAME
#   dataref.py FILE autoregress FIELD N M  sort @timestamp asc | autoregress FIELD p=N-M
#                                          | display @timestamp, FIELD, FIELD_pN..FIELD_pM
#   dataref.py FILE filldown FIELD ...     sort @timestamp asc | filldown FIELD ...
#                                          | display @timestamp, FIELD ...
#   dataref.py FILE addtotals FIELD ...    sort @timestamp asc | addtotals FIELD, ...
#                                          | display @timestamp, FIELD ..., Total
#   dataref.py FILE fillmissing SECONDS    stats count(*) as n by bin(SECONDSs)
#                                          | fillmissing with 0 for n
#   dataref.py FILE countfrequent FIELD .. countFrequent FIELD, ...
#   dataref.py FILE outlier FIELD PARAM    sort @timestamp asc | outlier param=PARAM FIELD
#                                          | display @timestamp, FIELD
#   dataref.py FILE timeseries FIELD SECONDS PERIOD BUCKETS
#                                          stats rate(FIELD, PERIODs) as r,
#                                          count_over_time(FIELD) as c,
#                                          sum_over_time(FIELD) as s,
#                                          histogram(FIELD, BUCKETS) as h by bin(SECONDSs)
# Numbers print as trailq prints them: integers without a point, others in
# the fewest digits (up to 17) that read back the same.
import datetime
import json
import math
import sys


def num(v):
    """The value as a number under trailq's rules, or None."""
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str):
        try:
            f = float(v)
        except ValueError:
            return None
        if v.strip() != v or v.lower() in ("nan", "inf", "-inf", "infinity", "-infinity"):
            return None
        return int(v) if v.lstrip("+-").isdigit() else f
    return None


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v == math.floor(v) and abs(v) < 1e15:
            return "%.0f" % v
        for prec in (15, 16, 17):
            s = "%.*g" % (prec, v)
            if float(s) == v or prec == 17:
                return s
    return str(v)


def stamp(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)


def load(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    for r in rows:
        r["@t"] = datetime.datetime.fromisoformat(r["time"].replace("Z", "+00:00"))
    rows.sort(key=lambda r: r["@t"])
    return rows


def main():
    path, op, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = load(path)
    out = []
    if op == "accum":
        f, name = args
        out.append(["@timestamp", f, name])
        total = None
        for r in rows:
            n = num(r.get(f))
            if n is not None:
                total = n if total is None else total + n
            out.append([stamp(r["@t"]), fmt(r.get(f)), fmt(total)])
    elif op == "autoregress":
        f, lo, hi = args[0], int(args[1]), int(args[2])
        out.append(["@timestamp", f] + ["%s_p%d" % (f, k) for k in range(lo, hi + 1)])
        for i, r in enumerate(rows):
            lags = [fmt(rows[i - k].get(f)) if i - k >= 0 else "" for k in range(lo, hi + 1)]
            out.append([stamp(r["@t"]), fmt(r.get(f))] + lags)
    elif op == "filldown":
        out.append(["@timestamp"] + args)
        last = {}
        for r in rows:
            cells = [stamp(r["@t"])]
            for f in args:
                if r.get(f) is not None:
                    last[f] = r[f]
                cells.append(fmt(last.get(f)))
            out.append(cells)
    elif op == "addtotals":
        out.append(["@timestamp"] + args + ["Total"])
        for r in rows:
            ns = [num(r.get(f)) for f in args]
            ns = [n for n in ns if n is not None]
            total = sum(ns) if ns else None
            out.append([stamp(r["@t"])] + [fmt(r.get(f)) for f in args] + [fmt(total)])
    elif op == "fillmissing":
        step = int(args[0])
        counts = {}
        for r in rows:
            e = int(r["@t"].timestamp())
            b = e - e % step
            counts[b] = counts.get(b, 0) + 1
        out.append(["bin(%ss)" % step, "n"])
        for b in range(min(counts), max(counts) + 1, step):
            t = datetime.datetime.fromtimestamp(b, datetime.timezone.utc)
            out.append([stamp(t), str(counts.get(b, 0))])
    elif op == "countfrequent":
        counts = {}
        for r in rows:
            key = tuple(fmt(r.get(f)) if r.get(f) is not None else None for f in args)
            counts[key] = counts.get(key, 0) + 1
        out.append(args + ["_approxcount"])
        # most frequent first; ties: the keys ascending, missing last
        # (trailq's sort order: these keys are words and numbers < 1000)
        def keyorder(k):
            return [(v is None, (0, int(v)) if v is not None and v.isdigit() else (-1, v or ""))
                    for v in k]
        for k in sorted(counts, key=lambda k: (-counts[k], keyorder(k))):
            out.append(["" if v is None else v for v in k] + [str(counts[k])])
    elif op == "outlier":
        f, param = args[0], float(args[1])
        nums = sorted(n for n in (num(r.get(f)) for r in rows) if n is not None)
        def rank(p):
            return nums[max(1, math.ceil(p * len(nums) / 100)) - 1]
        q1, q3 = rank(25), rank(75)
        hi = q3 + param * (q3 - q1)
        out.append(["@timestamp", f])
        for r in rows:
            n = num(r.get(f))
            v = hi if n is not None and n > hi else r.get(f)
            out.append([stamp(r["@t"]), fmt(v)])
    elif op == "timeseries":
        f, step, period, nb = args[0], int(args[1]), int(args[2]), int(args[3])
        bins = {}
        for r in rows:
            e = int(r["@t"].timestamp())
            bins.setdefault(e - e % step, []).append(r)
        out.append(["bin(%ss)" % step, "r", "c", "s", "h"])
        for b in sorted(bins):
            rs = bins[b]
            nums = [(r["@t"], num(r.get(f))) for r in rs if num(r.get(f)) is not None]
            rate = None
            if len(nums) >= 2 and nums[-1][0] != nums[0][0]:
                ms = (nums[-1][0] - nums[0][0]).total_seconds() * 1000
                rate = (nums[-1][1] - nums[0][1]) / ms * (period * 1000)
            c = sum(1 for r in rs if r.get(f) is not None)
            # trailq adds with compensation (sqlfn_agg.c): the sum rounded
            # once, as math.fsum gives it
            ns = [n for _, n in nums]
            total = (sum(ns) if all(isinstance(n, int) for n in ns) else math.fsum(ns)) if ns else None
            h = None
            if nums:
                vs = [float(n) for _, n in nums]
                lo, hi = min(vs), max(vs)
                k = 1 if lo == hi else nb
                w = (hi - lo) / k
                counts = [0] * k
                for v in vs:
                    i = min(int(math.floor((v - lo) / w)) if w > 0 else 0, k - 1)
                    counts[i] += 1
                parts = []
                for i in range(k):
                    a = lo + w * i
                    z = hi if i + 1 == k else lo + w * (i + 1)
                    parts.append('"[%s, %s%s":%d' % (fmt(a), fmt(z), "]" if i + 1 == k else ")",
                                                      counts[i]))
                h = "{" + ",".join(parts) + "}"
            t = datetime.datetime.fromtimestamp(b, datetime.timezone.utc)
            out.append([stamp(t), fmt(rate), str(c), fmt(total), h or ""])
    else:
        sys.exit("unknown operation " + op)
    for cells in out:
        print("\t".join(cells))


main()
