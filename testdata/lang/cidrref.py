#!/usr/bin/env python3
# cidrref.py — cidrlookup computed independently of trailq (python3's
# ipaddress module), for tests/cases/lang/lookup.t: for each event (one
# JSON object a line on stdin), the label of the table row whose block
# holds FIELD's address with the longest prefix (the first row among
# equals); prints the counts per label like trailq's
#   cidrlookup t FIELD OUTPUT label | stats count(*) as n by label
# (labels in order, the events without a match last).
# usage: records.sh ... | cidrref.py TABLE.csv FIELD
import collections
import ipaddress
import json
import sys

table, field = sys.argv[1], sys.argv[2]
nets = []
for i, line in enumerate(open(table, encoding="utf-8").read().splitlines()[1:]):
    cidr, label = line.split(",")
    nets.append((ipaddress.ip_network(cidr, strict=False), i, label))
counts = collections.Counter()
for line in sys.stdin:
    value = json.loads(line).get(field)
    try:
        ip = ipaddress.ip_address(value)
    except ValueError:
        counts[None] += 1
        continue
    hits = [(-n.prefixlen, i, label) for n, i, label in nets if n.version == ip.version and ip in n]
    counts[min(hits)[2] if hits else None] += 1
print("label\tn")
for label in sorted(k for k in counts if k is not None):
    print(f"{label}\t{counts[label]}")
if None in counts:
    print(f"\t{counts[None]}")
