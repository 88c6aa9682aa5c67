# The time-series functions rate, count_over_time, sum_over_time and
# histogram (trailq(1) FUNCTIONS; docs/language.md#time-series-functions;
# issue 12 item 6). Input: testdata/lang/metrics.jsonl (see data.t);
# expected rows from testdata/lang/dataref.py (python3, without trailq) or
# by hand.

### all four per 10-minute bin, against the reference
# checked: dataref.py: rate from the first to the last number of each bin
# ("n/a" skipped), count_over_time counts "n/a" too (present), histogram's
# four buckets between the bin's smallest and largest number
$ trailq -o tsv 'stats rate(bytes, 60s) as r, count_over_time(bytes) as c, sum_over_time(bytes) as s, histogram(bytes, 4) as h by bin(600s)' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl timeseries bytes 600 60 4 | diff - "$TMPDIR/got" && echo same
> same

### the same with decimals, a falling rate and an empty bin, against the reference
$ trailq -o tsv 'stats rate(cpu_system, 1h) as r, count_over_time(cpu_system) as c, sum_over_time(cpu_system) as s, histogram(cpu_system, 3) as h by bin(300s)' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl timeseries cpu_system 300 3600 3 | diff - "$TMPDIR/got" && echo same
> same

### by hand on the first events: one number has no rate; equal values make one bucket; maps read with dots
# checked: by hand: the first event's bytes 149 alone; the first three
# events: 149 at 10:00:10 and 696 at 10:01:33 (83 s): 547 / 83000 ms *
# 60000 ms = 395.42... (python3 -c 'print(547 / 83000 * 60000)');
# sum_over_time = sum, count_over_time = count; jq counts statuses 200
# (16), 404 (11) and 500 (7) for the buckets 200-300-400-500
$ trailq -o jsonl 'sort @timestamp asc | limit 1 | stats rate(bytes, 1m) as r, histogram(bytes, 5) as h, count_over_time(bytes) as c' testdata/lang/metrics.jsonl; trailq -o tsv 'sort @timestamp asc | limit 3 | stats rate(bytes, 1m) as r, sum_over_time(bytes) as s, sum(bytes) as s2, count_over_time(bytes) as c, count(bytes) as c2' testdata/lang/metrics.jsonl; trailq -o tsv 'stats histogram(status, 3) as h | fields h.`[200, 300)` as low, h.`[400, 500]` as high, h' testdata/lang/metrics.jsonl
> {"h":{"[149, 149]":1},"c":1}
> r	s	s2	c	c2
> 395.421686746988	845	845	3	3
> low	high	h
> 16	18	{"[200, 300)":16,"[300, 400)":0,"[400, 500]":18}

### count_over_time over CloudTrail, per day, against jq
~ [ -d "$SHARED/data" ]
# checked: jq groups the events by the day of eventTime and counts those
# with an errorCode
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; trailq -o tsv 'stats count_over_time(errorCode) as c by bin(1d)' "$D" | tail -n +2 > "$TMPDIR/got"; sh testdata/lang/records.sh "$D" | jq -rs 'group_by(.eventTime[0:10]) | .[] | "\(.[0].eventTime[0:10]) 00:00:00.000\t\([.[] | select(.errorCode != null)] | length)"' | diff - "$TMPDIR/got" && echo same
> same

### errors: literals where they are needed, rate only in the first stats
$ trailq 'stats rate(bytes, 1mo)' testdata/lang/metrics.jsonl; trailq 'stats rate(bytes, 60)' testdata/lang/metrics.jsonl; trailq 'stats histogram(bytes, 0)' testdata/lang/metrics.jsonl; trailq 'stats histogram(bytes, status)' testdata/lang/metrics.jsonl; trailq 'stats count(*) as n, max(bytes) as b by host | stats rate(b, 1m)' testdata/lang/metrics.jsonl; trailq 'fields rate(bytes, 1m)' testdata/lang/metrics.jsonl
! trailq: query error at 1:19: rate needs a period of fixed length (ms to weeks) here
!   stats rate(bytes, 1mo)
!                     ^^^
! trailq: query error at 1:19: rate expects a period such as 5m here
!   stats rate(bytes, 60)
!                     ^^
! trailq: query error at 1:24: histogram needs a whole number of buckets from 1 to 1000 here
!   stats histogram(bytes, 0)
!                          ^
! trailq: query error at 1:24: histogram needs a whole number of buckets from 1 to 1000 here
!   stats histogram(bytes, status)
!                          ^^^^^^
! trailq: query error at 1:54: rate() needs each event's @timestamp, so it only works in the first stats
!   stats count(*) as n, max(bytes) as b by host | stats rate(b, 1m)
!                                                        ^^^^
! trailq: query error at 1:8: rate() can only be used in stats
!   fields rate(bytes, 1m)
!          ^^^^
? 2
