# Row commands: the default order and its ties, sort direction keywords,
# limit / head / tail, dedup and unnest (docs/language.md#commands).
# testdata/lang/dedup.jsonl: t = 1..6 at 2024-05-01T00:00:0t; server a, a, b,
# null, missing, a; severity INFO, ERROR, INFO, INFO, ERROR, INFO.
# testdata/lang/times.jsonl: i = 0..10; newest first the order is
# 10 9 8 6 5 4 3 2 1 0 7 (see time.t).

### without sort, events come newest first
# checked: by hand from the timestamps listed in time.t
$ trailq -o tsv 'fields i' testdata/lang/times.jsonl | tr '\n' ' '; echo
> i 10 9 8 6 5 4 3 2 1 0 7 

### equal timestamps keep the input order, also under sort @timestamp in either direction
# nums.jsonl: "first" and "second" share 00:00:12; the event without g is at :13.
# checked: by hand: file order first, second in all three
$ trailq -o tsv 'filter g = "d" or not ispresent(g) | fields v' testdata/lang/nums.jsonl | tr '\n' ' '; echo; \
$ trailq -o tsv 'filter g = "d" or not ispresent(g) | sort @timestamp asc | fields v' testdata/lang/nums.jsonl | tr '\n' ' '; echo; \
$ trailq -o tsv 'filter g = "d" or not ispresent(g) | sort @timestamp desc | fields v' testdata/lang/nums.jsonl | tr '\n' ' '; echo
> v 1 first second 
> v first second 1 
> v 1 first second 

### sort without a direction is ascending; sort by and order by are accepted
# checked: docs/language.md#sort-limit-and-the-default-order (ascending default); t = 1..6
$ trailq -o tsv 'sort t | fields t | limit 2' testdata/lang/dedup.jsonl; trailq -o tsv 'sort by t desc | fields t | limit 2' testdata/lang/dedup.jsonl; trailq -o tsv 'order by t asc | fields t | limit 2' testdata/lang/dedup.jsonl
> t
> 1
> 2
> t
> 6
> 5
> t
> 1
> 2

### missing values sort last in both directions; numeric strings and numbers tie
# values.jsonl: st "200" (r1), 200 (r2), "007" (r3), "404" (r4), missing (r5).
# checked: docs/language.md#sort-order: digits-only values compare numerically (7 < 200 = 200 < 404);
# r2 and r1 tie and keep the default order (r2 is newer); r5 is last both ways
$ trailq -o tsv 'sort st asc | fields id, st' testdata/lang/values.jsonl; trailq -o tsv 'sort st desc | fields id, st' testdata/lang/values.jsonl
> id	st
> r3	007
> r2	200
> r1	200
> r4	404
> r5	
> id	st
> r4	404
> r2	200
> r1	200
> r3	007
> r5	

### sort on several keys; ties of the first key broken by the second
# checked: by hand: severity ERROR (t 2, 5) before INFO (t 1, 3, 4, 6), each by t desc
$ trailq -o tsv 'sort severity asc, t desc | fields severity, t' testdata/lang/dedup.jsonl
> severity	t
> ERROR	5
> ERROR	2
> INFO	6
> INFO	4
> INFO	3
> INFO	1

### limit N keeps the first N rows of the current order; head is the same
# checked: newest first 10 9 8
$ trailq -o tsv 'fields i | limit 3' testdata/lang/times.jsonl | tr '\n' ' '; echo; trailq -o tsv 'fields i | head 3' testdata/lang/times.jsonl | tr '\n' ' '; echo
> i 10 9 8 
> i 10 9 8 

### limit any N is accepted
# checked: the default order gives 10 9 8 as for limit 3
$ trailq -o tsv 'fields i | limit any 3' testdata/lang/times.jsonl | tr '\n' ' '; echo
> i 10 9 8 

### tail N keeps the last N rows of the current order, shown in that order
# checked: the order ends ... 1 0 7
$ trailq -o tsv 'fields i | tail 3' testdata/lang/times.jsonl | tr '\n' ' '; echo
> i 1 0 7 

### limit, then sort, then limit
# checked: the 5 newest are 10 9 8 6 5; ascending: 5 6
$ trailq -o tsv 'fields i | limit 5 | sort i asc | limit 2' testdata/lang/times.jsonl | tr '\n' ' '; echo
> i 5 6 

### a later limit cannot bring back rows
# checked: limit 2 leaves two rows
$ trailq -o tsv 'fields i | limit 2 | limit 5' testdata/lang/times.jsonl | tr '\n' ' '; echo
> i 10 9 

### limit before stats limits the events counted
# checked: 3 of 11 events
$ trailq -o tsv 'limit 3 | stats count(*) as n' testdata/lang/times.jsonl
> n
> 3

### limit needs a positive whole number
$ trailq 'fields i | limit 0' testdata/lang/times.jsonl
! trailq: query error at 1:18: expected a positive whole number after 'limit'
!   fields i | limit 0
!                    ^
? 2

### dedup after sort asc keeps the oldest per key, and every row without the key
# checked: by hand: t1 (a), t3 (b); t4 (null) and t5 (missing) are both kept
$ trailq -o jsonl 'fields t, server | sort t asc | dedup server' testdata/lang/dedup.jsonl
> {"t":1,"server":"a"}
> {"t":3,"server":"b"}
> {"t":4}
> {"t":5}

### dedup on two keys: a row with either key missing is kept
# checked: newest first: t6 (a,INFO) kept, t5 and t4 lack server, t3 (b,INFO),
# t2 (a,ERROR) new, t1 (a,INFO) repeats t6 -> dropped
$ trailq -o jsonl 'fields t, server, severity | dedup server, severity' testdata/lang/dedup.jsonl
> {"t":6,"server":"a","severity":"INFO"}
> {"t":5,"severity":"ERROR"}
> {"t":4,"severity":"INFO"}
> {"t":3,"server":"b","severity":"INFO"}
> {"t":2,"server":"a","severity":"ERROR"}

### dedup then limit
# checked: first two rows of the deduplicated newest-first order: t6, t5
$ trailq -o jsonl 'fields t, server | dedup server | limit 2' testdata/lang/dedup.jsonl
> {"t":6,"server":"a"}
> {"t":5}

### dedup over stats results
# checked: ERROR 2 events, INFO 4; the counts differ, both rows stay
$ trailq -o jsonl 'stats count(*) as n by severity | dedup n' testdata/lang/dedup.jsonl
> {"severity":"ERROR","n":2}
> {"severity":"INFO","n":4}

### only limit may follow dedup (filter)
$ trailq 'dedup server | filter t = 1' testdata/lang/dedup.jsonl
! trailq: query error at 1:16: only limit may follow dedup
!   dedup server | filter t = 1
!                  ^^^^^^
? 2

### dedup takes field names
$ trailq 'dedup tolower(server)' testdata/lang/dedup.jsonl
! trailq: query error at 1:7: dedup takes field names
!   dedup tolower(server)
!         ^^^^^^^^^^^^^^^
? 2

### unnest: one row per list element, the element's keys reachable with dots
# unnest.jsonl: e1 has two resources, e2 an empty list, e3 one object (not a
# list), e4 no resources, e5 one resource without ARN.
# checked: by hand: e1 gives arn:1 and arn:2 in list order; e3's object
# counts as a one-element list; e4 (missing) keeps one row without r; e2's
# empty list gives no row (trailq's choice, docs/language.md#unnest)
$ trailq -o jsonl 'fields jsonParse(@message) as e | unnest e.resources into r | display id, r.ARN, r.type' testdata/lang/unnest.jsonl
> {"id":"e5","r.type":"AWS::KMS::Key"}
> {"id":"e4"}
> {"id":"e3","r.ARN":"arn:3","r.type":"AWS::IAM::Role"}
> {"id":"e1","r.ARN":"arn:1","r.type":"AWS::S3::Bucket"}
> {"id":"e1","r.ARN":"arn:2","r.type":"AWS::S3::Object"}

### unnest of a JSON array held in a string field
# checked: e4's tags is the text ["red","blue"]
$ trailq -o jsonl 'fields jsonParse(tags) as tg | unnest tg into tag | filter ispresent(tag) | display id, tag' testdata/lang/unnest.jsonl
> {"id":"e4","tag":"red"}
> {"id":"e4","tag":"blue"}

### unnest and expand give booleans and numbers as the event's fields hold them
# checked: python3 -c 'import json; print(json.loads("[true,false,123456789012345678901234567890,0.1,7]"))'
# gives [True, False, 123456789012345678901234567890, 0.1, 7]; the number beyond int64 keeps its
# text as a field does (trailq(1), Fields), and so does 1e999 (Python reads it as inf)
$ printf '{"eventTime":"2024-01-01T00:00:00Z","l":[true,false,123456789012345678901234567890,1e999,0.1,7]}\n' > $TMPDIR/elems.jsonl; trailq -o jsonl 'unnest l into t | fields t' $TMPDIR/elems.jsonl; trailq -o tsv 'expand l | fields l' $TMPDIR/elems.jsonl | tr '\n' ' '; echo
> {"t":"true"}
> {"t":"false"}
> {"t":"123456789012345678901234567890"}
> {"t":"1e999"}
> {"t":0.1}
> {"t":7}
> l true false 123456789012345678901234567890 1e999 0.1 7 

### unnest of split()
# checked: split("a,b", ",") has two elements: 5 events x 2 rows
$ trailq -o tsv 'unnest split("a,b", ",") into z | stats count(*) as n by z' testdata/lang/unnest.jsonl
> z	n
> a	5
> b	5

### unnest then stats by an element's key (example q35's shape)
# checked: arn:1 S3 Bucket, arn:2 S3 Object, arn:3 IAM Role; e5 has no ARN
$ trailq -o tsv 'fields jsonParse(@message) as e | unnest e.resources into r | filter ispresent(r.ARN) | stats count(*) as n by r.type | sort n desc' testdata/lang/unnest.jsonl
> r.type	n
> AWS::IAM::Role	1
> AWS::S3::Bucket	1
> AWS::S3::Object	1

### unnest needs into
$ trailq 'unnest tags' testdata/lang/unnest.jsonl
! trailq: query error at 1:12: expected 'into' and a name after the unnest expression
!   unnest tags
!              ^
? 2
