# The data commands of issue 12 item 6: countFrequent, accum, autoregress,
# filldown, addtotals, outlier, expand, fillmissing, relevantfields
# (trailq(1), QUERY LANGUAGE; docs/language.md#the-data-commands). Inputs:
# testdata/lang/metrics.jsonl (34 events a minute or less apart with a
# four-minute gap; bytes as numbers, "n/a" or missing; cpu_user and
# cpu_system now and then; host sometimes missing; a 25000-byte outlier),
# generated once with a fixed seed (testdata/SOURCES.md). Each case's
# expected rows come from testdata/lang/dataref.py, which computes them in
# python3 without trailq, or by hand on small inputs.

### accum: the running sum, against the reference
$ trailq -o tsv 'sort @timestamp asc | accum bytes as total | display @timestamp, bytes, total' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl accum bytes total | diff - "$TMPDIR/got" && echo same
> same

### accum: without as the field itself becomes the running sum; in the current order
# checked: awk sums the last three events' bytes newest first (tac), as
# the default order walks them
$ trailq -o tsv 'accum bytes | limit 3 | display bytes' testdata/lang/metrics.jsonl | tail -n +2 > "$TMPDIR/got"; tail -3 testdata/lang/metrics.jsonl | tac | jq -r .bytes | awk '{ s += $1; print s }' | diff - "$TMPDIR/got" && echo same
> same

### autoregress: the values 1 to 3 rows back, against the reference
$ trailq -o tsv 'sort @timestamp asc | autoregress bytes p=1-3 | display @timestamp, bytes, bytes_p1, bytes_p2, bytes_p3' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl autoregress bytes 1 3 | diff - "$TMPDIR/got" && echo same
> same

### autoregress: one lag named with as; p defaults to 1
# checked: by hand: the first row has no previous one
$ trailq -o tsv 'sort @timestamp asc | autoregress status as prev | limit 3 | display status, prev' testdata/lang/metrics.jsonl; trailq -o tsv 'sort @timestamp asc | autoregress status | limit 2 | display status, status_p1' testdata/lang/metrics.jsonl
> status	prev
> 500	
> 500	500
> 404	500
> status	status_p1
> 500	
> 500	500

### filldown: named fields and a pattern, against the reference
$ trailq -o tsv 'sort @timestamp asc | filldown host cpu* | display @timestamp, host, cpu_user, cpu_system' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl filldown host cpu_user cpu_system | diff - "$TMPDIR/got" && echo same
> same

### filldown without fields fills every field shown; --db gives the same
$ trailq -o tsv 'sort @timestamp asc | fields host, cpu_user | filldown' testdata/lang/metrics.jsonl > "$TMPDIR/a"; trailq --db "$TMPDIR/m.db" -o tsv 'sort @timestamp asc | fields host, cpu_user | filldown' testdata/lang/metrics.jsonl > "$TMPDIR/b"; cmp "$TMPDIR/a" "$TMPDIR/b" && python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl filldown host cpu_user | cut -f 2- | diff - "$TMPDIR/a" && echo same
> same

### addtotals: row totals of the numbers, against the reference
$ trailq -o tsv 'sort @timestamp asc | addtotals bytes, cpu_user, cpu_system | display @timestamp, bytes, cpu_user, cpu_system, Total' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl addtotals bytes cpu_user cpu_system | diff - "$TMPDIR/got" && echo same
> same

### addtotals: every shown field, a name of one's own, and a row of column totals
# checked: jq groups the events whose bytes is a number by host (missing
# host last, as stats sorts), sums bytes, counts, adds the two; the last
# row is the same over all of them
$ trailq -o tsv 'filter isNumeric(bytes) | stats sum(bytes) as b, count(*) as n by host | addtotals col=true fieldname=All' testdata/lang/metrics.jsonl > "$TMPDIR/got"; { printf 'host\tb\tn\tAll\n'; jq -rs '[.[] | select(.bytes | type == "number")] | ((group_by(.host) | sort_by(.[0].host == null) | .[] | [(.[0].host // ""), (map(.bytes) | add), length, ((map(.bytes) | add) + length)]), ["", (map(.bytes) | add), length, ((map(.bytes) | add) + length)]) | @tsv' testdata/lang/metrics.jsonl; } | diff - "$TMPDIR/got" && echo same
> same

### outlier: transform puts the outlier at the bound, against the reference
$ trailq -o tsv 'sort @timestamp asc | outlier bytes | display @timestamp, bytes' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl outlier bytes 2.5 | diff - "$TMPDIR/got" && echo same
> same

### outlier: remove, uselower and mark
# checked: by hand on 10, 20, 40, 1000 (nearest-rank Q1 10, Q3 40, IQR 30):
# param 1 gives bounds -20 and 70, so only 1000 is an outlier and its row goes
$ printf '{"v":10}\n{"v":20}\n{"v":40}\n{"v":1000}\n{"v":"x"}\n' | trailq -o tsv 'outlier action=remove param=1 uselower=true mark=true v | display v, v_outlier'
> v	v_outlier
> 10	false
> 20	false
> 40	false
> x	false

### countFrequent: exact counts, most frequent first, against the reference
# checked: count_frequent against jq, sort and uniq -c (most first)
$ trailq -o tsv 'countFrequent host, status' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl countfrequent host status | diff - "$TMPDIR/got" && echo same; trailq -o tsv 'count_frequent status' testdata/lang/metrics.jsonl | tail -n +2 > "$TMPDIR/got"; jq -r .status testdata/lang/metrics.jsonl | sort | uniq -c | sort -k1,1nr -k2,2n | awk '{ print $2 "\t" $1 }' | diff - "$TMPDIR/got" && echo same
> same
> same

### expand: one row per element, in the field's place
# checked: by hand: a two-element list, an empty one (no row), a value that
# is not a list (one row), a missing one (one row without it), a nested list
$ printf '{"i":1,"items":["x","y"]}\n{"i":2,"items":[]}\n{"i":3,"items":"solo"}\n{"i":4}\n{"i":5,"items":[1,[2,3]]}\n' | trailq -o jsonl 'sort i asc | expand items | display i, items'
> {"i":1,"items":"x"}
> {"i":1,"items":"y"}
> {"i":3,"items":"solo"}
> {"i":4}
> {"i":5,"items":1}
> {"i":5,"items":"[2,3]"}

### fillmissing: the empty minutes with 0, against the reference
$ trailq -o tsv 'stats count(*) as n by bin(60s) | fillmissing with 0 for n' testdata/lang/metrics.jsonl > "$TMPDIR/got"; python3 testdata/lang/dataref.py testdata/lang/metrics.jsonl fillmissing 60 | diff - "$TMPDIR/got" && echo same; grep -c '	0$' "$TMPDIR/got"
> same
> 4

### fillmissing: without with, the added rows have only the key; --start and --end bound the bins
# checked: the first event is at 10:00:10, so 09:58 and 09:59 are empty;
# --end 10:03 ends the bins at 10:02; jq and uniq -c count the minutes
$ trailq -o tsv --start 2024-06-01T09:58:00Z --end 2024-06-01T10:03:00Z 'stats count(*) as n by bin(1m) | fillmissing' testdata/lang/metrics.jsonl; jq -r 'select(.time < "2024-06-01T10:03") | .time[11:16]' testdata/lang/metrics.jsonl | uniq -c | awk '{ print $2, $1 }'
> bin(1m)	n
> 2024-06-01 09:58:00.000	
> 2024-06-01 09:59:00.000	
> 2024-06-01 10:00:00.000	2
> 2024-06-01 10:01:00.000	1
> 2024-06-01 10:02:00.000	1
> 10:00 2
> 10:01 1
> 10:02 1

### relevantfields: scores by hand on a small input
# checked: by hand: status 500 on the two rows with host b; host's shares
# are b 100% vs 0% (total variation 1; a and b move as much, the first
# seen comes first); bytes, numbers, are spread apart
# completely (Kolmogorov-Smirnov distance 1, medians 15 and 300)
$ printf '{"host":"a","bytes":100,"status":200}\n{"host":"a","bytes":300,"status":200}\n{"host":"b","bytes":10,"status":500}\n{"host":"b","bytes":20,"status":500}\n{"host":"a","bytes":500,"status":200}\n' | trailq -o tsv 'relevantfields host, bytes where status = 500'
> @fieldName	@relevanceScore	@topRelevanceContributors	@conditionalMedian	@baselineMedian
> bytes	1		10	300
> host	1	a (-100), b (+100)		

### relevantfields: without a list, the event fields; highest score first
# checked: by hand: in metrics.jsonl status 500 is on 7 events; status
# itself separates them completely
$ trailq -o tsv 'relevantfields where status = 500 | limit 1 | display @fieldName, @relevanceScore' testdata/lang/metrics.jsonl
> @fieldName	@relevanceScore
> status	1

### errors: fillmissing needs stats by bin(), of fixed length
$ trailq 'fillmissing' testdata/lang/metrics.jsonl; trailq 'stats count(*) by host | fillmissing' testdata/lang/metrics.jsonl; trailq 'stats count(*) by bin(1mo) | fillmissing' testdata/lang/metrics.jsonl
! trailq: query error at 1:1: fillmissing needs the results of stats ... by bin() before it
!   fillmissing
!   ^^^^^^^^^^^
! trailq: query error at 1:26: fillmissing needs the results of stats ... by bin() before it
!   stats count(*) by host | fillmissing
!                            ^^^^^^^^^^^
! trailq: query error at 1:23: fillmissing needs a bin() of fixed length (ms, s, m, h, d or w)
!   stats count(*) by bin(1mo) | fillmissing
!                         ^^^
? 2

### errors: options and their values
$ trailq 'outlier action=drop v' testdata/lang/metrics.jsonl; trailq 'addtotals rows=true' testdata/lang/metrics.jsonl; trailq 'outlier param=x v' testdata/lang/metrics.jsonl
! trailq: query error at 1:16: action= takes remove or transform
!   outlier action=drop v
!                  ^^^^
! trailq: query error at 1:11: unknown addtotals option 'rows' (fieldname, row, col)
!   addtotals rows=true
!             ^^^^
! trailq: query error at 1:15: param= takes a number
!   outlier param=x v
!                 ^
? 2

### outlier: at most 8 in one query; 8 run, each over the rows the one before left
# checked: by hand (testdata/lang/docpages/hosts.jsonl, see docpages.t):
# the first remove drops the cpu 95 and memory 5 rows; over the four left
# (cpu 20-23, memory 200-215) nothing is outside 3 IQRs, so 4 rows stay
$ trailq -o tsv "fields cpu, memory$(for i in 1 2 3 4 5 6 7 8; do printf ' | outlier action=remove param=3 uselower=true cpu memory'; done) | stats count(*) as n" testdata/lang/docpages/hosts.jsonl; trailq "outlier a | outlier a | outlier a | outlier a | outlier a | outlier a | outlier a | outlier a | outlier a" testdata/lang/docpages/hosts.jsonl
> n
> 4
! trailq: query error at 1:97: at most 8 outlier commands in one query
!   outlier a | outlier a | outlier a | outlier a | outlier a | outlier a | outlier a | outlier a | outlier a
!                                                                                                   ^^^^^^^
? 2

### errors: autoregress lags, accum and expand take one field
$ trailq 'autoregress v p=3-1' testdata/lang/metrics.jsonl; trailq 'accum a, b' testdata/lang/metrics.jsonl; trailq 'relevantfields host' testdata/lang/metrics.jsonl
! trailq: query error at 1:19: expected a whole number from 3 to 1000 after '-'
!   autoregress v p=3-1
!                     ^
! trailq: query error at 1:10: accum takes one field
!   accum a, b
!            ^
! trailq: query error at 1:20: expected 'where' and a condition after 'host'
!   relevantfields host
!                      ^
? 2
