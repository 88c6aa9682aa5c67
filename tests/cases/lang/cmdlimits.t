# Long chains of the data commands stay inside SQLite's limits or end in a
# query error at the command that goes past them, never in an internal
# error (trailq(1), LIMITS, Queries; issue 12). Input:
# testdata/lang/docpages/ (see docpages.t).

### 100 accum commands run; the running sum of the last over the six events is 1075
# checked: by hand: 100 + 200 + 50 + 400 + 25 + 300 = 1075, at the oldest row
$ python3 -c 'print("fields @timestamp, bytes" + "".join(" | accum bytes as t%d" % i for i in range(100)) + " | sort @timestamp asc | limit 1 | display t0, t99")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/lang/docpages/web.jsonl
> t0	t99
> 1075	1075

### the 101st is a query error at that command ("Expression tree is too large" before)
# checked: python3 finds the offset of the 101st accum
$ python3 -c 'print("fields @timestamp, bytes" + "".join(" | accum bytes as t%d" % i for i in range(101)))' > "$TMPDIR/q"; trailq -f "$TMPDIR/q" testdata/lang/docpages/web.jsonl 2>&1 | head -n 1; echo "status ${PIPESTATUS[0]}"; python3 -c 'print(open("'"$TMPDIR/q"'").read().index("accum bytes as t100") + 1)'
> trailq: query error at 1:2118: query nests too deeply for SQLite: the commands that walk the rows in order (accum, autoregress, filldown, sessionize, ...) add up to more than it takes; use fewer, or fewer fields in each
> status 2
> 2118

### the same for filldown of many fields and for sessionize: errors, not internal errors
$ python3 -c 'print("fields @timestamp, bytes, host, cpu_user, cpu_system, method, status, latency" + " | filldown" * 50)' > "$TMPDIR/q"; trailq -f "$TMPDIR/q" testdata/lang/docpages/web.jsonl 2>&1 | head -n 1 | sed 's/ at 1:[0-9]*//' | cut -c 1-62; echo "status ${PIPESTATUS[0]}"; python3 -c 'print("fields @timestamp, host" + "".join(" | sessionize host as s%d" % i for i in range(66)))' > "$TMPDIR/q"; trailq -f "$TMPDIR/q" testdata/lang/docpages/web.jsonl 2>&1 | head -n 1 | sed 's/ at 1:[0-9]*//' | cut -c 1-62; echo "status ${PIPESTATUS[0]}"
> trailq: query error: query nests too deeply for SQLite: the co
> status 2
> trailq: query error: query nests too deeply for SQLite: the co
> status 2

### 150 expand commands join 150 table functions (SQLite joins at most 64 in one query)
# checked: by hand (api.jsonl): three apples..cherries, one apple, one
# banana, two events without items: 7 rows; each later expand sees one
# value, a list of one
$ python3 -c 'print("fields @timestamp, items" + " | expand items" * 150 + " | stats count(*) as n")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/lang/docpages/api.jsonl
> n
> 7

### 120 lookup and 120 cidrlookup commands join 120 tables each
# checked: by hand (devices.jsonl, net_table.csv): every cidrlookup gives the same region; 10.1.2.3 is eu-west-1
$ python3 -c 'print("fields @timestamp, srcAddr" + "".join(" | cidrlookup net_table srcAddr OUTPUT region as r%d" % i for i in range(120)) + " | sort @timestamp asc | limit 1 | display srcAddr, r0, r119")' > "$TMPDIR/q"; trailq -o tsv --lookup net_table=testdata/lang/docpages/net_table.csv -f "$TMPDIR/q" testdata/lang/docpages/devices.jsonl; python3 -c 'print("fields @timestamp, userId" + "".join(" | lookup users id as userId OUTPUT name as n%d" % i for i in range(120)) + " | filter ispresent(n119) | stats count(*) as n")' > "$TMPDIR/q"; trailq -o tsv --lookup users=testdata/lang/lookup/users.csv -f "$TMPDIR/q" testdata/lang/lookup/events.jsonl
> srcAddr	r0	r119
> 10.1.2.3	eu-west-1	eu-west-1
> n
> 3
