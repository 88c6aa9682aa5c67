# stats: every aggregate of trailq(1) FUNCTIONS, expressions inside and around
# aggregates, alias reuse, keys, two-stage stats and the errors of §3.4.
# testdata/lang/nums.jsonl (14 events, 2024-03-01T00:00:SS, SS in brackets):
#   g=a: v 30 [04], 10 [01], 40 [03], 20 [02]; bytes 300, 100, 400, 200
#   g=b: v "5" [05], "x" [06], missing [07], 7 [08]
#   g=c: v "beta" [09], "alpha" [10], "Gamma" [11]
#   g=d: v "first" [12], "second" [12]   (same timestamp, in this file order)
#   no g: v 1 [13]

### count, count(f), sum, avg by a key; rows in key order, missing key last in its own group
# checked: a: 4 events, sum 100, avg 25; b: "5" and 7 are numbers, "x" is
# skipped, one event has no v -> count(v) 3, sum 12, avg 6; c, d: no numbers,
# so sum and avg are absent; the event without g forms the last group
$ trailq -o jsonl 'stats count(*), count(v), sum(v), avg(v) by g' testdata/lang/nums.jsonl
> {"g":"a","count(*)":4,"count(v)":4,"sum(v)":100,"avg(v)":25}
> {"g":"b","count(*)":4,"count(v)":3,"sum(v)":12,"avg(v)":6}
> {"g":"c","count(*)":3,"count(v)":3}
> {"g":"d","count(*)":2,"count(v)":2}
> {"count(*)":1,"count(v)":1,"sum(v)":1,"avg(v)":1}

### min and max: numeric when every value is a number, else string order
# checked: a: 10/40; b: "5", "x", 7 are not all numbers -> as strings
# "5" < "7" < "x"; c: code points G < a < b -> Gamma / beta; d: first / second
$ trailq -o jsonl 'stats min(v), max(v) by g' testdata/lang/nums.jsonl
> {"g":"a","min(v)":10,"max(v)":40}
> {"g":"b","min(v)":"5","max(v)":"x"}
> {"g":"c","min(v)":"Gamma","max(v)":"beta"}
> {"g":"d","min(v)":"first","max(v)":"second"}
> {"min(v)":1,"max(v)":1}

### pct is nearest-rank: the value at rank ceil(p/100 * N), at least 1
# checked: a sorted = 10 20 30 40 (N=4): p=0 -> rank 1 (10); 25 -> 1 (10);
# 50 -> 2 (20); 50.1 -> ceil(2.004)=3 (30); 75 -> 3 (30); 90 -> ceil(3.6)=4;
# 99.9 -> 4; 100 -> 4 (40)
$ trailq -o jsonl 'filter g = "a" | stats pct(v, 0), pct(v, 25), pct(v, 50), pct(v, 50.1), pct(v, 75), pct(v, 90), pct(v, 99.9), pct(v, 100)' testdata/lang/nums.jsonl
> {"pct(v, 0)":10,"pct(v, 25)":10,"pct(v, 50)":20,"pct(v, 50.1)":30,"pct(v, 75)":30,"pct(v, 90)":40,"pct(v, 99.9)":40,"pct(v, 100)":40}

### pct skips values that are not numbers, and uses numeric strings
# checked: b's numbers are 5 ("5") and 7: p50 -> rank 1 = 5, p90 -> rank 2 = 7
$ trailq -o jsonl 'filter g = "b" | stats pct(v, 50), pct(v, 90)' testdata/lang/nums.jsonl
> {"pct(v, 50)":5,"pct(v, 90)":7}

### stddev is the sample standard deviation; one value gives none
# checked: python3 statistics.stdev([10,20,30,40]) = 12.909944487358056,
# stdev([5,7]) = 1.4142135623730951; a single value has no sample stddev
$ trailq -o jsonl 'stats stddev(v) by g' testdata/lang/nums.jsonl
> {"g":"a","stddev(v)":12.909944487358056}
> {"g":"b","stddev(v)":1.4142135623730951}
> {"g":"c"}
> {"g":"d"}
> {}

### earliest and latest take the value of the earliest / latest event; ties by input order
# checked: a: [01] -> 10, [04] -> 30; b: [05] "5", [08] 7 (the event
# without v is skipped); c: beta / Gamma; d: both at [12]: the first in the
# file is earliest, the last in the file is latest (trailq's reading of
# "ties by input order", docs/language.md#aggregates)
$ trailq -o jsonl 'stats earliest(v), latest(v) by g' testdata/lang/nums.jsonl
> {"g":"a","earliest(v)":10,"latest(v)":30}
> {"g":"b","earliest(v)":"5","latest(v)":7}
> {"g":"c","earliest(v)":"beta","latest(v)":"Gamma"}
> {"g":"d","earliest(v)":"first","latest(v)":"second"}
> {"earliest(v)":1,"latest(v)":1}

### sortsFirst and sortsLast follow the Insights sort order
# checked: docs/language.md#sort-order: digit-only values sort after all others: b -> "x" first,
# 7 last; c: by code point Gamma < alpha < beta
$ trailq -o jsonl 'stats sortsFirst(v), sortsLast(v) by g' testdata/lang/nums.jsonl
> {"g":"a","sortsFirst(v)":10,"sortsLast(v)":40}
> {"g":"b","sortsFirst(v)":"x","sortsLast(v)":7}
> {"g":"c","sortsFirst(v)":"Gamma","sortsLast(v)":"beta"}
> {"g":"d","sortsFirst(v)":"first","sortsLast(v)":"second"}
> {"sortsFirst(v)":1,"sortsLast(v)":1}

### count_distinct is exact; countDistinct and count() are accepted spellings
# checked: v has 13 values, all different; g has 4 distinct values (missing not counted)
$ trailq -o jsonl 'stats count_distinct(v), countDistinct(g) as dg, count() as n' testdata/lang/nums.jsonl
> {"count_distinct(v)":13,"dg":4,"n":14}

### count_distinct over a real trail equals jq's count
# checked: jq over the same files (second line): 260 event names, 16 source IPs
$ trailq -o tsv 'stats count_distinct(eventName) as names, count_distinct(sourceIPAddress) as ips' testdata/AWSLogs; \
$ sh testdata/lang/records.sh testdata/AWSLogs | jq -rs '"\([.[].eventName // empty] | unique | length)\t\([.[].sourceIPAddress // empty] | unique | length)"'
> names	ips
> 260	16
> 260	16

### a field with numbers in some events and text in others groups by how a value prints
# checked: python3 below groups the values by their printed form (an int as str(int), a float
# as repr, text as itself): 443 three times ("443" once among them), 1.5 twice, "0443" and
# "1.50" alone; before, 443 and "443" were two groups that printed alike (3 rows of 443)
$ printf '%s\n' '{"t":1,"port":443}' '{"t":2,"port":"443"}' '{"t":3,"port":443}' '{"t":4,"port":"0443"}' '{"t":5,"port":1.5}' '{"t":6,"port":"1.5"}' '{"t":7,"port":"1.50"}' '{"t":8}' > "$TMPDIR/mixed.jsonl"; \
$ python3 -c 'import json,sys,collections; c=collections.Counter((v if isinstance(v,str) else repr(v)) for v in (json.loads(l).get("port") for l in open(sys.argv[1])) if v is not None); print(sorted(c.items()), len(c))' "$TMPDIR/mixed.jsonl"; \
$ trailq -o jsonl 'stats count(*) as n by port' "$TMPDIR/mixed.jsonl"; \
$ trailq -o tsv 'stats count_distinct(port) as d, count(port) as n'  "$TMPDIR/mixed.jsonl"; \
$ trailq -o tsv 'fields t, port | sort t asc | dedup port' "$TMPDIR/mixed.jsonl"; \
$ trailq -o tsv 'countFrequent port' "$TMPDIR/mixed.jsonl"
> [('0443', 1), ('1.5', 2), ('1.50', 1), ('443', 3)] 4
> {"port":"1.50","n":1}
> {"port":1.5,"n":2}
> {"port":443,"n":3}
> {"port":"0443","n":1}
> {"n":1}
> d	n
> 4	7
> t	port
> 1	443
> 4	0443
> 5	1.5
> 7	1.50
> 8	
> port	_approxcount
> 443	3
> 1.5	2
> 1.50	1
> 0443	1
> 	1

### ... and over real trails: requestParameters.maxResults holds 1 and "1", 100 and "100"
~ [ -d "$SHARED/data" ]
# checked: jq groups the values by tostring (1 and "1" alike); before, trailq printed
# the keys 1 and 100 twice each
$ D=$SHARED/data/cloudtrail; D="$D/invictus-ir_aws_dataset $D/stratus-red-team_detonation-logs $D/traildiscover_logExamples"; \
$ trailq -o tsv 'filter ispresent(requestParameters.maxResults) | stats count(*) as n by requestParameters.maxResults' $D 2>/dev/null | tail -n +2 | sort > "$TMPDIR/t"; \
$ sh testdata/lang/records.sh $D | jq -r '.requestParameters.maxResults // empty | tostring' | sort | uniq -c | awk '{print $2 "\t" $1}' | sort > "$TMPDIR/j"; \
$ cmp "$TMPDIR/t" "$TMPDIR/j" && echo "jq: the same $(wc -l < "$TMPDIR/j") keys, $(awk '{s+=$2} END {print s}' "$TMPDIR/j") events"
> jq: the same 8 keys, 79 events

### sum and avg add with compensation: python's math.fsum, whatever the order of the values
# checked: math.fsum gives 1.0 for ten 0.1 (a plain loop 0.9999999999999999) and 1.0 for
# 1e16, 1, -1e16 in either order (a plain loop 0 or 2); sort puts the values in both orders
$ python3 -c 'import json; [print(json.dumps({"t": i, "v": 0.1, "g": "a"})) for i in range(10)]; [print(json.dumps({"t": 10 + i, "v": v, "g": "b"})) for i, v in enumerate([1e16, 1.0, -1e16])]' > "$TMPDIR/sums.jsonl"; \
$ python3 -c 'import math; print(math.fsum([0.1] * 10), math.fsum([1e16, 1.0, -1e16]), math.fsum([-1e16, 1.0, 1e16]))'; \
$ trailq -o tsv 'sort t asc | stats sum(v) as s, avg(v) as a by g' "$TMPDIR/sums.jsonl"; trailq -o tsv 'sort t desc | stats sum(v) as s by g' "$TMPDIR/sums.jsonl"
> 1.0 1.0 1.0
> g	s	a
> a	1	0.1
> b	1	0.3333333333333333
> g	s
> a	1
> b	1

### booleans count as 1/0 in sum
# checked: v present on 13 events; v > 15: a 20,30,40 (3); "x" > "15" as
# strings (1); beta, alpha, Gamma > "15" (3); first, second (2) -> 9
$ trailq -o jsonl 'stats sum(ispresent(v)) as withv, sum(v > 15) as big' testdata/lang/nums.jsonl
> {"withv":13,"big":9}

### expressions inside aggregates, around them, and reuse of earlier aliases
# checked: a: sum(bytes)/count(*) = 1000/4 = 250; max(v*2) = 80; 80-250 = -170;
# b: no bytes -> per and diff are absent; max(v*2) = 14 ("x"*2 is missing)
$ trailq -o jsonl 'stats sum(bytes) / count(*) as per, max(v * 2) as m2, m2 - per as diff, sum(v) + 1 by g' testdata/lang/nums.jsonl
> {"g":"a","per":250,"m2":80,"diff":-170,"sum(v) + 1":101}
> {"g":"b","m2":14,"sum(v) + 1":13}
> {"g":"c"}
> {"g":"d"}
> {"m2":2,"sum(v) + 1":2}

### min and max of text compare code points; sortsFirst and sortsLast use the sort order
# checked: by hand: bytewise "Linux/5.10" < "Linux/5.4" ('1' < '4'); in the
# Insights order the digit runs compare by length, so 5.4 sorts before 5.10
# (docs/language.md#aggregates; before, the docs said min and max used the sort order)
$ printf '%s\n' '{"k":"Linux/5.10"}' '{"k":"Linux/5.4"}' > $TMPDIR/minmax.jsonl; trailq -o tsv 'stats min(k), max(k), sortsFirst(k), sortsLast(k)' $TMPDIR/minmax.jsonl
> min(k)	max(k)	sortsFirst(k)	sortsLast(k)
> Linux/5.10	Linux/5.4	Linux/5.4	Linux/5.10

### the Lambda sample's shape: max(x / k) as a, min(x / k) as b, a - b
# checked: bytes/100 = 1..4 -> max 4, min 1, spread 3; avg(bytes) = 250 -> 2.5
$ trailq -o jsonl 'stats max(bytes / 100) as hmax, min(bytes / 100) as hmin, hmax - hmin as spread, avg(bytes) / 100 as mean' testdata/lang/nums.jsonl
> {"hmax":4,"hmin":1,"spread":3,"mean":2.5}

### by keys may be aliased and may be expressions
# checked: only group a has bytes
$ trailq -o jsonl 'stats count(*) as n by g as grp, ispresent(bytes) as hb' testdata/lang/nums.jsonl
> {"grp":"a","hb":true,"n":4}
> {"grp":"b","hb":false,"n":4}
> {"grp":"c","hb":false,"n":3}
> {"grp":"d","hb":false,"n":2}
> {"hb":false,"n":1}

### second stats over the first one's rows, with filter and fields between
# checked: n per g: a 4, b 4, c 3, d 2, none 1; n > 2 keeps a, b, c ->
# n10 = 40 + 40 + 30 = 110 over 3 groups
$ trailq -o jsonl 'stats count(*) as n by g | filter n > 2 | fields n * 10 as n10 | stats sum(n10) as total, count(*) as groups' testdata/lang/nums.jsonl
> {"total":110,"groups":3}

### second stats: an unaliased aggregate of the first stats' alias
# checked: min over 4, 4, 3, 2, 1 = 1
$ trailq -o jsonl 'stats count(*) as n by g | stats max(n) as biggest, min(n)' testdata/lang/nums.jsonl
> {"biggest":4,"min(n)":1}

### two-stage stats with bin: the worst and mean 2-second bucket per key
# checked: a at [01] [02] [03] [04] -> buckets [00] 1, [02] 2, [04] 1 -> max 2,
# mean 4/3; b [05]..[08] the same shape; c [09] [10] [11] -> 1, 2; d one bucket of 2
$ trailq -o jsonl 'stats count(*) as n by bin(2s) as t, g | stats max(n) as worst, avg(n) as mean, count(*) as buckets by g' testdata/lang/nums.jsonl
> {"g":"a","worst":2,"mean":1.3333333333333333,"buckets":3}
> {"g":"b","worst":2,"mean":1.3333333333333333,"buckets":3}
> {"g":"c","worst":2,"mean":1.5,"buckets":2}
> {"g":"d","worst":2,"mean":2,"buckets":1}
> {"worst":1,"mean":1,"buckets":1}

### second stats by dateceil of a timestamp kept by the first (max(@timestamp) as @t)
# checked: last event per g: a [04], b [08], c [11], d [12], none [13];
# ceil to 5 s: [05] 4; [10] 4; [15] 3 + 2 + 1
$ trailq -o jsonl 'stats count(*) as n, max(@timestamp) as @t by g | stats sum(n) as total by dateceil(@t, 5s)' testdata/lang/nums.jsonl
> {"dateceil(@t, 5s)":"2024-03-01 00:00:05.000","total":4}
> {"dateceil(@t, 5s)":"2024-03-01 00:00:10.000","total":4}
> {"dateceil(@t, 5s)":"2024-03-01 00:00:15.000","total":6}

### sort and limit after the second stats
# checked: from the two-stage case above, sorted by total desc
$ trailq -o tsv 'stats count(*) as n, max(@timestamp) as @t by g | stats sum(n) as total by dateceil(@t, 5s) as t | sort total desc | limit 1' testdata/lang/nums.jsonl
> t	total
> 2024-03-01 00:00:15.000	6

### fields after stats may use only the stats results
$ trailq 'stats count(*) by g | fields v' testdata/lang/nums.jsonl
! trailq: query error at 1:30: unknown field 'v': after stats only the stats results exist
!   stats count(*) by g | fields v
!                                ^
? 2

### limit must come after the second stats
$ trailq 'stats count(*) by x | limit 2 | stats count(*)' testdata/lang/nums.jsonl
! trailq: query error at 1:23: limit must come after the second stats
!   stats count(*) by x | limit 2 | stats count(*)
!                         ^^^^^
? 2

### at most two stats
$ trailq 'stats count(*) | stats count(*) | stats count(*)' testdata/lang/nums.jsonl
! trailq: query error at 1:35: a query can have at most two stats commands
!   stats count(*) | stats count(*) | stats count(*)
!                                     ^^^^^
? 2

### an alias defined twice in one stats is rejected
$ trailq 'stats count(*) as n, sum(v) as n' testdata/lang/nums.jsonl
! trailq: query error at 1:32: field 'n' is already defined in this stats
!   stats count(*) as n, sum(v) as n
!                                  ^
? 2

### stats needs an aggregate
$ trailq 'stats v' testdata/lang/nums.jsonl
! trailq: query error at 1:7: stats needs an aggregate here, such as count(*), sum(x) or avg(x)
!   stats v
!         ^
? 2

### aggregates only in stats
$ trailq 'fields sum(v)' testdata/lang/nums.jsonl
! trailq: query error at 1:8: sum() can only be used in stats
!   fields sum(v)
!          ^^^
? 2

### earliest and the other stats-only functions only in stats
$ trailq 'filter earliest(v) = 1' testdata/lang/nums.jsonl
! trailq: query error at 1:8: earliest() can only be used in stats
!   filter earliest(v) = 1
!          ^^^^^^^^
? 2

### pct takes two arguments
$ trailq 'stats pct(v)' testdata/lang/nums.jsonl
! trailq: query error at 1:7: pct takes 2 arguments, got 1
!   stats pct(v)
!         ^^^^^^
? 2
