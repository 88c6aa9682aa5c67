# stats ... by bin(P) offset D looks back (docs/language.md#stats): the row
# labelled T shows the events of T - D. With --start S / --end E the whole
# query reads the events of [S - D, E - D) and its labels lie in [S, E).
# testdata/lang/offset.jsonl: events a..k around the window 10:00-11:00;
# testdata/lang/offsetref.py computes the expected rows without trailq.

### the window moves back: events up to 30m before --start count, those of the last 30m do not
# checked: offsetref.py (next case) and by hand: [09:30, 10:30) holds c, k (09:30, 09:31 ->
# label 10:00), d (09:45 -> 10:10), e (09:59:59.999 -> 10:20), f (10:00 -> 10:30), g
# (10:29:59.999 -> 10:50); a and b are before 09:30, h and i in [10:30, 11:00), j after 11:00;
# the sums are their latencies (4+8, 16, 32, 64, 128)
$ trailq -o tsv --start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z 'stats count(*) as n, sum(latency) as s by bin(10m) as b offset 30m' testdata/lang/offset.jsonl
> b	n	s
> 2024-06-01 10:00:00.000	2	12
> 2024-06-01 10:10:00.000	1	16
> 2024-06-01 10:20:00.000	1	32
> 2024-06-01 10:30:00.000	1	64
> 2024-06-01 10:50:00.000	1	128

### ... the same rows as offsetref.py, with both bounds, --start alone and --end alone
$ for w in "--start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z" "--start 2024-06-01T10:00:00Z" "--end 2024-06-01T11:00:00Z" ""; do \
$   trailq -o tsv $w 'stats count(*) as n by bin(10m) as b offset 30m | fields toMillis(b) as t, n' testdata/lang/offset.jsonl | tail -n +2 > $TMPDIR/got; \
$   python3 testdata/lang/offsetref.py 10m 30m testdata/lang/offset.jsonl $w > $TMPDIR/want; \
$   echo "${w:-no window}: $(cmp -s $TMPDIR/got $TMPDIR/want && echo same || echo differ), $(wc -l < $TMPDIR/got) rows"; done
> --start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z: same, 5 rows
> --start 2024-06-01T10:00:00Z: same, 8 rows
> --end 2024-06-01T11:00:00Z: same, 7 rows
> no window: same, 10 rows

### a filter before the stats and a second stats after it see the moved window
# checked: of the six events of [09:30, 10:30), latency > 4 drops c (4): five events, each
# in its own bucket (k alone is left at 10:00)
$ trailq -o tsv --start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z 'filter latency > 4 | stats count(*) as n by bin(10m) as b offset 30m | stats count(*) as bins, sum(n) as events, min(b) as first' testdata/lang/offset.jsonl
> bins	events	first
> 5	5	2024-06-01 10:00:00.000

### an offset on a second stats: the window still moves, and the first stats' times are labelled
# checked: offsetref.py 20m 30m (each event has its own id, so the first stats keeps every
# event's time): 1717236000000 3, 1717237200000 2, 1717238400000 1
$ trailq -o tsv --start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z 'stats max(@timestamp) as @timestamp by id | stats count(*) as n by bin(20m) as b offset 30m | fields toMillis(b) as t, n' testdata/lang/offset.jsonl
> t	n
> 1717236000000	3
> 1717237200000	2
> 1717238400000	1

### fillmissing fills the labels of the window asked for
# checked: the labels run from 10:00 to 10:50 (the bins of [--start, --end)); only 10:40 has no
# event (its events would be those of 10:10-10:20); the averages are the sums above over n
$ trailq -o tsv --start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z 'stats avg(latency) as a by bin(10m) as b offset 30m | fillmissing with 0 for a' testdata/lang/offset.jsonl
> b	a
> 2024-06-01 10:00:00.000	6
> 2024-06-01 10:10:00.000	16
> 2024-06-01 10:20:00.000	32
> 2024-06-01 10:30:00.000	64
> 2024-06-01 10:40:00.000	0
> 2024-06-01 10:50:00.000	128

### weeks with an offset in a window: Monday labels, events two days earlier (tq_bin)
# checked: offsetref.py (weeks from Monday 1970-01-05) gives 1704672000000 (2024-01-08) 2
# and 1711929600000 (2024-04-01) 2; by hand: the window read is [2024-01-06, 2024-04-06):
# i5 (01-07 23:59:59.999) and i6 (01-08) + 2d fall in the week of 01-08, i8 (03-31 12:00)
# and i9 (04-01) + 2d in the week of 04-01
$ trailq -o tsv --start 2024-01-08T00:00:00Z --end 2024-04-08T00:00:00Z 'stats count(*) as n by bin(1w) as b offset 2d' testdata/lang/times.jsonl; \
$ trailq -o tsv --start 2024-01-08T00:00:00Z --end 2024-04-08T00:00:00Z 'stats count(*) as n by bin(1w) as b offset 2d | fields toMillis(b) as t, n' testdata/lang/times.jsonl | tail -n +2 | cmp - <(python3 testdata/lang/offsetref.py 1w 2d testdata/lang/times.jsonl --time-field eventTime --start 2024-01-08T00:00:00Z --end 2024-04-08T00:00:00Z) && echo "offsetref.py: same"
> b	n
> 2024-01-08 00:00:00.000	2
> 2024-04-01 00:00:00.000	2
> offsetref.py: same

### ... and fillmissing's grid of weeks is Mondays: 13 from 2024-01-08 to 2024-04-01
# checked: python3: (date(2024,4,1) - date(2024,1,8)).days / 7 + 1 = 13, all Mondays
$ trailq -o tsv --start 2024-01-08T00:00:00Z --end 2024-04-08T00:00:00Z 'stats count(*) as n by bin(1w) as b offset 2d | fillmissing with 0 for n' testdata/lang/times.jsonl | tail -n +2 | awk -F '\t' '{ n++; s += $2 } END { print n, "weeks,", s, "events" }'; \
$ trailq -o tsv --start 2024-01-08T00:00:00Z --end 2024-04-08T00:00:00Z 'stats count(*) as n by bin(1w) as b offset 2d | fillmissing | fields toMillis(b) as t' testdata/lang/times.jsonl | tail -n +2 | python3 -c 'import sys, datetime; print(sorted({datetime.datetime.fromtimestamp(int(l) / 1000, datetime.timezone.utc).strftime("%A") for l in sys.stdin}))'
> 13 weeks, 4 events
> ['Monday']

### months with an offset in a window: the window read is a day earlier
# checked: by hand: the window read is [2023-12-31, 2024-03-31): i0..i7 (i7 is 2023-12-31
# 23:59:59.999), each a day later in January; i8 (03-31 12:00) is outside it. Without
# offset the window is [01-01, 04-01): i0..i6 in January, i8 in March
$ trailq -o tsv --start 2024-01-01T00:00:00Z --end 2024-04-01T00:00:00Z 'stats count(*) as n by bin(1mo) as b offset 1d' testdata/lang/times.jsonl; trailq -o tsv --start 2024-01-01T00:00:00Z --end 2024-04-01T00:00:00Z 'stats count(*) as n by bin(1mo) as b' testdata/lang/times.jsonl
> b	n
> 2024-01-01 00:00:00.000	8
> b	n
> 2024-01-01 00:00:00.000	7
> 2024-03-01 00:00:00.000	1

### CloudTrail objects delivered in the moved window are read, not pruned by --start
# The window 12:30-12:40 moved back 20m is 12:10-12:20, whose events are in objects
# delivered before --start (12:10-12:25); pruning at --start would lose them all.
# checked: records.sh + jq (gzip -dcf, independent of trailq) and offsetref.py
$ trailq -o tsv --start 2023-07-10T12:30:00Z --end 2023-07-10T12:40:00Z 'stats count(*) as n by bin(5m) as b offset 20m' testdata/AWSLogs; \
$ sh testdata/lang/records.sh testdata/AWSLogs > $TMPDIR/ct.jsonl && python3 testdata/lang/offsetref.py 5m 20m $TMPDIR/ct.jsonl --time-field eventTime --start 2023-07-10T12:30:00Z --end 2023-07-10T12:40:00Z
> b	n
> 2023-07-10 12:30:00.000	301
> 2023-07-10 12:35:00.000	65
> 1688992200000	301
> 1688992500000	65

### --db: the index keeps every event, so a later run with a window and an offset gives the same rows
$ trailq --db $TMPDIR/o.db 'stats count(*) as n' testdata/lang/offset.jsonl; trailq --db $TMPDIR/o.db -o tsv --start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z 'stats count(*) as n by bin(10m) as b offset 30m'
> n
> 11
> b	n
> 2024-06-01 10:00:00.000	2
> 2024-06-01 10:10:00.000	1
> 2024-06-01 10:20:00.000	1
> 2024-06-01 10:30:00.000	1
> 2024-06-01 10:50:00.000	1

### interactive mode: .start/.end and an offset; the status line counts the events of the moved window
# checked: the six events of [09:30, 10:30), as in the first case
$ printf '.start 2024-06-01T10:00:00Z\n.end 2024-06-01T11:00:00Z\n.format tsv\nstats count(*) as n by bin(10m) as b offset 30m\n.quit\n' | TERM=dumb COLUMNS=80 script -qec "trailq testdata/lang/offset.jsonl" /dev/null | tr -d '\r' | sed -n '/^trailq> stats count/,/scanned/p'
> trailq> stats count(*) as n by bin(10m) as b offset 30m
> b	n
> 2024-06-01 10:00:00.000	2
> 2024-06-01 10:10:00.000	1
> 2024-06-01 10:20:00.000	1
> 2024-06-01 10:30:00.000	1
> 2024-06-01 10:50:00.000	1
> 5 rows (6 events scanned)

### interactive mode with --start (no --db): a query reading before it is told what it misses
# checked: only f, g, h, i are loaded ([10:00, 11:00)); of the window read, [09:30, 10:30),
# f and g are there
$ printf 'stats count(*) as n by bin(10m) as b offset 30m\n.quit\n' | TERM=dumb COLUMNS=80 script -qec "trailq -o tsv --start 2024-06-01T10:00:00Z --end 2024-06-01T11:00:00Z testdata/lang/offset.jsonl" /dev/null | tr -d '\r' | sed -n '/events loaded/,/scanned/p'
> trailq: 4 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n by bin(10m) as b offset 30m
> trailq: note: this query reads events before 2024-06-01 10:00:00.000, which were not read (--start without --db): its results miss them
> b	n
> 2024-06-01 10:30:00.000	1
> 2024-06-01 10:50:00.000	1
> 2 rows (2 events scanned)

### one offset a query, in the outer query, positive, in ms..w
$ for q in 'stats count(*) by bin(5m) offset -1h' 'stats count(*) by bin(5m) offset 1h | stats count(*) by bin(1h) offset 1h' 'filter id in (stats count(*) by id, bin(1m) offset 1m | fields id) | stats count(*)' 'stats count(*) by bin(1mo) offset 1mo'; do \
$   trailq "$q" testdata/lang/offset.jsonl 2>&1; echo "exit $?"; done
> trailq: query error at 1:34: an offset looks back: it takes a positive period such as 1h (a negative offset is not supported)
>   stats count(*) by bin(5m) offset -1h
>                                    ^
> exit 2
> trailq: query error at 1:72: a query can have one offset: it moves the window the whole query reads (the first is at 1:34)
>   stats count(*) by bin(5m) offset 1h | stats count(*) by bin(1h) offset 1h
>                                                                          ^^
> exit 2
> trailq: query error at 1:52: offset belongs in the outer query: it moves the window the whole query reads
>   filter id in (stats count(*) by id, bin(1m) offset 1m | fields id) | stats count(*)
>                                                      ^^
> exit 2
> trailq: query error at 1:35: offset must be in ms, s, m, h, d or w
>   stats count(*) by bin(1mo) offset 1mo
>                                     ^^^
> exit 2
