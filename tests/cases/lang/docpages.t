# The example query of each command page of the Insights documentation
# (CWL_QuerySyntax-<Command>), run as written on small inputs that have the
# fields it names, with the output shape the page describes (issue 12,
# "the examples of each command's documentation page run"). pattern,
# anomaly, join, subqueries and appendcols have theirs in pattern.t,
# anomaly.t and subquery.t. Inputs written by hand in
# testdata/lang/docpages/: web.jsonl (six requests, some without host or
# cpu fields), hosts.jsonl (six samples, one cpu and one memory outlier,
# some numbers missing), api.jsonl (five requests, two slow),
# devices.jsonl (seven events of two users on two devices) and
# net_table.csv. Every expected row was worked out by hand from those
# files, as each case's comment says; rows come newest first unless the
# command sorts.

### accum: fields @timestamp, bytes | accum bytes AS totalBytes
# checked: by hand: running sum newest first: 300, +25, +400, +50, +200, +100
$ trailq -o tsv 'fields @timestamp, bytes | accum bytes AS totalBytes' testdata/lang/docpages/web.jsonl
> @timestamp	bytes	totalBytes
> 2024-06-01 10:05:00.000	300	300
> 2024-06-01 10:03:50.000	25	325
> 2024-06-01 10:03:20.000	400	725
> 2024-06-01 10:01:10.000	50	775
> 2024-06-01 10:00:30.000	200	975
> 2024-06-01 10:00:00.000	100	1075

### filldown: fields @timestamp, host, cpu_user, cpu_system | filldown host cpu*
# checked: by hand: the first row has nothing to carry; each empty cell
# takes the last value above it in the same column
$ trailq -o tsv 'fields @timestamp, host, cpu_user, cpu_system | filldown host cpu*' testdata/lang/docpages/web.jsonl
> @timestamp	host	cpu_user	cpu_system
> 2024-06-01 10:05:00.000			
> 2024-06-01 10:03:50.000	web-1		
> 2024-06-01 10:03:20.000	web-1	40	4
> 2024-06-01 10:01:10.000	web-2	30	4
> 2024-06-01 10:00:30.000	web-2	30	2
> 2024-06-01 10:00:00.000	web-1	10	1

### autoregress: fields @timestamp, bytes | autoregress bytes p=1-4
# checked: by hand: bytes_pN is the bytes of the row N above
$ trailq -o tsv 'fields @timestamp, bytes | autoregress bytes p=1-4' testdata/lang/docpages/web.jsonl
> @timestamp	bytes	bytes_p1	bytes_p2	bytes_p3	bytes_p4
> 2024-06-01 10:05:00.000	300				
> 2024-06-01 10:03:50.000	25	300			
> 2024-06-01 10:03:20.000	400	25	300		
> 2024-06-01 10:01:10.000	50	400	25	300	
> 2024-06-01 10:00:30.000	200	50	400	25	300
> 2024-06-01 10:00:00.000	100	200	50	400	25

### countFrequent: fields method, status | countFrequent method, status
# checked: by hand: GET 200 three times, POST 500 twice, GET 404 once
$ trailq -o tsv 'fields method, status | countFrequent method, status' testdata/lang/docpages/web.jsonl
> method	status	_approxcount
> GET	200	3
> POST	500	2
> GET	404	1

### fillmissing: ... | stats avg(latency) as avg_latency by bin(1m) | fillmissing with 0 for avg_latency
# checked: by hand: 10:00 (100+300)/2, 10:01 200, 10:03 (100+500)/2,
# 10:05 50; 10:02 and 10:04 had no event and are filled with 0
$ trailq -o tsv 'fields @timestamp, latency | stats avg(latency) as avg_latency by bin(1m) | fillmissing with 0 for avg_latency' testdata/lang/docpages/web.jsonl
> bin(1m)	avg_latency
> 2024-06-01 10:00:00.000	200
> 2024-06-01 10:01:00.000	200
> 2024-06-01 10:02:00.000	0
> 2024-06-01 10:03:00.000	300
> 2024-06-01 10:04:00.000	0
> 2024-06-01 10:05:00.000	50

### outlier: ... | outlier action=remove param=3.0 uselower=true mark=true cpu memory
# checked: by hand with nearest-rank quartiles of six values (ranks 2 and
# 5): cpu 21 and 24, bounds 21 - 3*3 = 12 and 24 + 3*3 = 33, so 95 is out;
# memory 200 and 215, bounds 155 and 260, so 5 is out (uselower). The
# other four rows stay, marked false.
$ trailq -o tsv 'fields @timestamp, cpu, memory | outlier action=remove param=3.0 uselower=true mark=true cpu memory' testdata/lang/docpages/hosts.jsonl
> @timestamp	cpu	memory	cpu_outlier	memory_outlier
> 2024-06-01 10:03:00.000	23	215	false	false
> 2024-06-01 10:02:00.000	21	205	false	false
> 2024-06-01 10:01:00.000	22	210	false	false
> 2024-06-01 10:00:00.000	20	200	false	false

### addtotals: the four examples of its page
# checked: by hand: a + b per row (a missing value adds nothing); price +
# tax, qty left out; val alone as RowSum (no total where val is missing);
# x with a last row of column totals, 1+2+3+4+5 = 15
$ trailq -o tsv 'fields a, b | addtotals' testdata/lang/docpages/hosts.jsonl; trailq -o tsv 'fields price, tax, qty | addtotals price, tax' testdata/lang/docpages/hosts.jsonl; trailq -o tsv 'fields val | addtotals fieldname=RowSum' testdata/lang/docpages/hosts.jsonl; trailq -o tsv 'fields x | addtotals col=true x' testdata/lang/docpages/hosts.jsonl
> a	b	Total
> 10	20	30
> 2	1	3
> 	8	8
> 5		5
> 3	4	7
> 1	2	3
> price	tax	qty	Total
> 1	0.25	1	1.25
> 	3		3
> 7.25		3	7.25
> 5	0.5	4	5.5
> 20	2	1	22
> 10	1	2	11
> val	RowSum
> 9	9
> 8	8
> 7	7
> 	
> 6	6
> 5	5
> x	Total
> 5	5
> 	
> 4	4
> 3	3
> 2	2
> 1	1
> 15	15

### expand: expand items | stats count(*) by items, host
# checked: by hand: the page's event (apple, banana, cherry on web-01) gives
# three rows; banana again on web-01, apple once on web-02; the two events
# without items keep one row each, without items
$ trailq -o tsv 'expand items | stats count(*) by items, host' testdata/lang/docpages/api.jsonl
> items	host	count(*)
> apple	web-01	1
> apple	web-02	1
> banana	web-01	2
> cherry	web-01	1
> 	web-01	1
> 	web-02	1

### relevantfields: Controller, Path, Service where Time > 400
# checked: by hand: the slow rows (Time 900 and 450) are both Cart, /cart,
# shop; the others Home (3), / (2) and /about (1), web (3): every share
# moves, each score is 1; /cart +100 points, / -66.7, /about -33.3
$ trailq -o tsv 'relevantfields Controller, Path, Service where Time > 400' testdata/lang/docpages/api.jsonl
> @fieldName	@relevanceScore	@topRelevanceContributors	@conditionalMedian	@baselineMedian
> Controller	1	Home (-100), Cart (+100)		
> Path	1	/cart (+100), / (-66.7), /about (-33.3)		
> Service	1	web (-100), shop (+100)		

### relevantfields where Time > 400, and where Duration > 5000 (the same rows here)
# checked: by hand: numbers get nearest-rank medians (Duration 5200 of
# 5200, 6000 against 800 of 700, 800, 900; Time 450 against 120); host is
# web-02/web-01 half and half against one third/two thirds (0.1667);
# items.0 is apple/banana against apple/missing/missing (0.6667)
$ trailq -o tsv 'relevantfields where Time > 400' testdata/lang/docpages/api.jsonl > "$TMPDIR/time"; trailq -o tsv 'relevantfields where Duration > 5000' testdata/lang/docpages/api.jsonl | diff "$TMPDIR/time" - && echo same; grep -E '^(@fieldName|Duration|Time|host|items.0)	' "$TMPDIR/time"
> same
> @fieldName	@relevanceScore	@topRelevanceContributors	@conditionalMedian	@baselineMedian
> Duration	1		5200	800
> Time	1		450	120
> items.0	0.6667	(missing) (-66.7), banana (+50), apple (+16.7)		
> host	0.1667	web-02 (+16.7), web-01 (-16.7)		

### sessionize: fields @timestamp, userId, deviceId | sessionize userId, deviceId maxspan 1h as my_session
# checked: by hand: alice's laptop at 09:00 and 09:50 is one session (50
# minutes apart), 11:05 a new one; alice's phone (09:20, 11:10) and bob's
# laptop (10:30, 12:40) are over an hour apart, two sessions each: 6 in all; the ids against testdata/lang/sessref.py (in time
# order, so the rows are reversed)
$ trailq -o tsv 'fields @timestamp, userId, deviceId | sessionize userId, deviceId maxspan 1h as my_session' testdata/lang/docpages/devices.jsonl > "$TMPDIR/got"; (head -n 1 "$TMPDIR/got"; tail -n +2 "$TMPDIR/got" | tac) | diff <(python3 testdata/lang/sessref.py testdata/lang/docpages/devices.jsonl time 3600000 my_session userId deviceId) - && echo same; tail -n +2 "$TMPDIR/got" | cut -f 4 | sort -u | wc -l; cut -f 1,4 "$TMPDIR/got" | grep -E '09:(00|50)' | cut -f 2 | uniq | wc -l
> same
> 6
> 1

### cidrlookup: fields @timestamp, srcAddr | cidrlookup net_table srcAddr OUTPUT region, owner, datacenter
# checked: by hand: the most specific block wins (10.1.2.3 is in /8, /16
# and /24); 172.16.5.5 is in none; 192.0.2.0/24 has no datacenter; the
# event without srcAddr gets nothing
$ trailq -o tsv --lookup net_table=testdata/lang/docpages/net_table.csv 'fields @timestamp, srcAddr | cidrlookup net_table srcAddr OUTPUT region, owner, datacenter' testdata/lang/docpages/devices.jsonl
> @timestamp	srcAddr	region	owner	datacenter
> 2024-06-01 12:40:00.000				
> 2024-06-01 11:10:00.000	2001:db8::1	v6-lab	research	dc-lab
> 2024-06-01 11:05:00.000	192.0.2.10	test-net	docs	
> 2024-06-01 10:30:00.000	172.16.5.5			
> 2024-06-01 09:50:00.000	10.9.0.1	internal	it	dc-main
> 2024-06-01 09:20:00.000	10.1.200.4	eu-west-1	platform	dc-dublin
> 2024-06-01 09:00:00.000	10.1.2.3	eu-west-1	payments	dc-dublin-2

### logcompare: the page's example starts with SOURCE, which is refused by name
$ trailq 'SOURCE lg start=-1d end=now | logcompare timeshift 7d' testdata/lang/docpages/devices.jsonl
! trailq: query error at 1:1: 'SOURCE' is not supported by trailq: it selects CloudWatch log groups, and trailq reads the files given to it (in a subquery, SOURCE "path" picks inputs by @log)
!   SOURCE lg start=-1d end=now | logcompare timeshift 7d
!   ^^^^^^
? 2

### ... its window given with --start and --end instead: the documented columns
# checked: by hand (testdata/lang/diff.log, diff-old.log; see diff.t): on
# 2024-06-02, 4 GET lines, 3 logins, 2 resets of 9; a week before, one
# "backup done" (the monthly report is a month before, outside)
$ trailq -o tsv --start 2024-06-02 --end 2024-06-03 'logcompare timeshift 7d' testdata/lang/diff.log testdata/lang/diff-old.log
> @pattern	@ratio	@sampleCount	@previousSampleCount	@difference	@severityLabel
> GET /index <Number-1>	0.4444444444444444	4	0	4	Unknown
> user <Token-1> logged in	0.3333333333333333	3	0	3	Unknown
> connection reset by peer	0.2222222222222222	2	0	2	Unknown
> backup done	0	0	1	-1	Unknown

### time-series functions: the two offset examples of the page
# offset looks back: the row labelled T shows the events of T - offset. The
# events are at 10:00-10:05, so offset 1h labels them 11:00 and 11:05 (5
# events in 10:00-10:05, one at 10:05) and offset 1d labels the minute
# averages (those of the fillmissing case, without the empty minutes) one
# day later; the next case checks both against python3
$ trailq -o tsv 'stats count(*) by bin(5m) offset 1h' testdata/lang/docpages/web.jsonl; trailq -o tsv 'stats avg(latency) by bin(1m) offset 1d' testdata/lang/docpages/web.jsonl
> bin(5m)	count(*)
> 2024-06-01 11:00:00.000	5
> 2024-06-01 11:05:00.000	1
> bin(1m)	avg(latency)
> 2024-06-02 10:00:00.000	200
> 2024-06-02 10:01:00.000	200
> 2024-06-02 10:03:00.000	300
> 2024-06-02 10:05:00.000	50

### ... the offset rows are python3's, and the rows without offset moved by the offset
# testdata/lang/offsetref.py labels each event with bin(time + offset)
$ for spec in "5m 1h 3600000 count(*)" "1m 1d 86400000 avg(latency)"; do set -- $spec; \
$   trailq -o tsv "stats $4 as v by bin($1) as b offset $2 | fields toMillis(b) as t, v" testdata/lang/docpages/web.jsonl | tail -n +2 > $TMPDIR/got; \
$   python3 testdata/lang/offsetref.py $1 $2 testdata/lang/docpages/web.jsonl $([ "$4" = "count(*)" ] || echo --field latency) > $TMPDIR/want; \
$   trailq -o tsv "stats $4 as v by bin($1) as b | fields toMillis(b) as t, v" testdata/lang/docpages/web.jsonl | tail -n +2 | awk -F '\t' -v d=$3 '{ printf "%.0f\t%s\n", $1 + d, $2 }' > $TMPDIR/moved; \
$   echo "$1 offset $2: python3 $(cmp -s $TMPDIR/got $TMPDIR/want && echo same || echo differ), moved $(cmp -s $TMPDIR/got $TMPDIR/moved && echo same || echo differ), $(wc -l < $TMPDIR/got) rows"; done
> 5m offset 1h: python3 same, moved same, 2 rows
> 1m offset 1d: python3 same, moved same, 4 rows

