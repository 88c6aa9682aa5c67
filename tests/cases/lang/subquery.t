# Subqueries: filter ... in (query), join and appendcols (trailq(1), QUERY
# LANGUAGE; docs/language.md#subqueries-join-and-appendcols; issue 12 item 6).
# Inputs written by hand in testdata/lang/join/: api.jsonl (eight API
# requests: statuses 200-504, one without requestId, a numeric requestId 7,
# an "R1" that differs from "r1" only in case), fn.jsonl (seven function
# invocations: r3 twice, "7.0", r9 that no request has, errorType on
# three), lat.jsonl (six latencies of three services). Expected rows come
# from testdata/lang/join/joinref.py (python3, without trailq) or by hand.

### join, the documented example: inner, one row per match, sorted
# checked: joinref.py: r3 matches twice (the newer invocation first, the
# subquery's order, kept as the sort's tie-break); 7 matches "7.0"; r5, R1
# and the request without requestId match nothing
$ trailq -o tsv 'filter status >= 500 | join type=inner left=api right=lambda where api.requestId=lambda.requestId (SOURCE "testdata/lang/join/fn.jsonl") | fields api.requestId, api.status, api.latency, lambda.duration, lambda.memoryUsed | sort api.latency desc' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl > "$TMPDIR/got"; python3 testdata/lang/join/joinref.py inner | diff - "$TMPDIR/got" && cat "$TMPDIR/got"
> api.requestId	api.status	api.latency	lambda.duration	lambda.memoryUsed
> r3	502	3100	1450	512
> r3	502	3100	1500	512
> r2	500	950	900.25	256
> 7	503	640	610	1024

### join type=left keeps the rows without a match, without the right-hand fields
$ trailq -o tsv 'filter status >= 500 | join type=left left=api right=lambda where lambda.requestId = api.requestId (SOURCE "testdata/lang/join/fn.jsonl") | fields api.requestId, api.status, api.latency, lambda.duration, lambda.memoryUsed | sort api.latency desc' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl > "$TMPDIR/got"; python3 testdata/lang/join/joinref.py left | diff - "$TMPDIR/got" && echo same
> same

### without fields: the row's own columns, then the subquery's shown fields as b.name
# checked: by hand: the subquery shows requestId and n; plain requestId
# and svc still name the row's own fields
$ trailq -o tsv 'filter status = 502 | join left=a right=b where a.requestId = b.requestId (filter ispresent(duration) | stats count(*) as n by requestId) | fields @timestamp, svc, requestId, b.requestId, b.n' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl; trailq -o tsv 'filter status = 502 | join left=a right=b where a.requestId = b.requestId (filter ispresent(duration) | stats count(*) as n by requestId)' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl | cut -f 1,3,4
> @timestamp	svc	requestId	b.requestId	b.n
> 2024-06-01 10:02:00.000	pay	r3	r3	2
> @timestamp	b.requestId	b.n
> 2024-06-01 10:02:00.000	r3	2

### b.x reaches any field the subquery still has, not only the shown ones; stats over the pairs
# checked: by hand: the five matched pairs of the first case; memoryUsed
# 512 + 512 + 256 + 1024 = 2304 in three services
$ trailq -o tsv 'filter status >= 500 | join left=a right=b where a.requestId = b.requestId (SOURCE "testdata/lang/join/fn.jsonl" | fields requestId) | stats count(*) as pairs, sum(b.memoryUsed) as mem, count_distinct(a.svc) as svcs' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl
> pairs	mem	svcs
> 4	2304	2

### two keys must both match; a directory as SOURCE
# checked: by hand: only r3 has the same requestId and the same (numeric)
# memoryUsed 512 on both sides' rows; the SOURCE directory holds all three files
$ trailq -o tsv 'filter ispresent(status) | fields requestId, 512 as mem | join left=a right=b where a.requestId = b.requestId and a.mem = b.memoryUsed (SOURCE "testdata/lang/join/") | display requestId, b.duration' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl
> requestId	b.duration
> r3	1450
> r3	1500

### in (subquery), the documented example
$ trailq -o tsv 'filter ispresent(status) and requestId in (SOURCE "testdata/lang/join/fn.jsonl" | filter errorType = "DatabaseConnectionTimeout" | fields requestId) | fields requestId, svc, latency | sort @timestamp desc' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl > "$TMPDIR/got"; python3 testdata/lang/join/joinref.py in DatabaseConnectionTimeout | diff - "$TMPDIR/got" && cat "$TMPDIR/got"
> requestId	svc	latency
> r3	pay	3100
> r2	cart	950

### not in drops missing values, as != does; numbers match as numbers
$ trailq -o tsv 'filter ispresent(status) and requestId not in (SOURCE "testdata/lang/join" | filter ispresent(duration) | fields requestId) | fields requestId, status' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl > "$TMPDIR/got"; python3 testdata/lang/join/joinref.py notin | diff - "$TMPDIR/got" && cat "$TMPDIR/got"
> requestId	status
> R1	500
> r5	504

### in (subquery) uses the field named like the value, or the only one; limit and sort inside count
# checked: by hand: the two newest invocations are r9 and 7.0; of the
# requests only 7 is among them. The subquery's second field is ignored
$ trailq -o tsv 'filter ispresent(status) and requestId in (filter ispresent(duration) | limit 2 | fields duration, requestId) | fields requestId' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl; trailq -o tsv 'filter ispresent(status) and requestId in (filter ispresent(duration) | sort duration desc | limit 1 | fields requestId as id) | fields requestId' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl
> requestId
> 7
> requestId
> r3

### appendcols, the documented example: by position, override=true
$ trailq -o tsv 'fields svc | stats count(*) as cnt by svc | appendcols override=true ( SOURCE "testdata/lang/join/lat.jsonl" | stats avg(latency) as avgLat by svc )' testdata/lang/join/api.jsonl testdata/lang/join/lat.jsonl > "$TMPDIR/got"; python3 testdata/lang/join/joinref.py appendcols | diff - "$TMPDIR/got" && cat "$TMPDIR/got"
> svc	cnt	avgLat
> cart	5	200
> pay	4	2000
> search	5	70

### appendcols: a field the rows show stays without override; max cuts the subquery; extra rows dropped
# checked: by hand: the subquery's two rows (max=2) are cart and pay in
# its order (svc ascending); the third row gets nothing; its svc does not
# replace the rows' svc. With override, row i's cnt is the subquery's row
# i: rows search, cart, pay (count desc) get the sums of search, pay, cart
$ trailq -o tsv 'stats count(*) as cnt by svc | appendcols max=2 (stats max(latency) as top by svc)' testdata/lang/join/lat.jsonl; trailq -o tsv 'stats count(*) as cnt by svc | sort cnt desc | appendcols override=true (stats sum(latency) as cnt by svc | sort svc desc | display cnt)' testdata/lang/join/lat.jsonl
> svc	cnt	top
> cart	2	300
> pay	1	2000
> search	3	
> svc	cnt
> search	210
> cart	2000
> pay	400

### --db gives the same as one-shot
$ trailq --db "$TMPDIR/j.db" -o tsv 'filter status >= 500 | join type=inner left=api right=lambda where api.requestId=lambda.requestId (SOURCE "testdata/lang/join/fn.jsonl") | fields api.requestId, api.status, api.latency, lambda.duration, lambda.memoryUsed | sort api.latency desc' testdata/lang/join/api.jsonl testdata/lang/join/fn.jsonl > "$TMPDIR/got"; python3 testdata/lang/join/joinref.py inner | diff - "$TMPDIR/got" && echo same
> same

### errors point at the offending part
$ trailq 'join left=a right=b where a.x = c.y (fields y)' testdata/lang/join/api.jsonl; trailq 'join left=a right=b where a.x = b.z (stats count(*) as n by y)' testdata/lang/join/api.jsonl; trailq 'join left=a right=b where a.x = b.y (filter x in (fields y))' testdata/lang/join/api.jsonl; trailq 'filter x in (fields a, b)' testdata/lang/join/api.jsonl; trailq 'filter x in (SOURCE logGroups(namePrefix: ["a"]) | fields y)' testdata/lang/join/api.jsonl; trailq 'appendcols max=0 (fields y)' testdata/lang/join/api.jsonl; trailq 'filter x in (diff)' testdata/lang/join/api.jsonl
! trailq: query error at 1:33: 'c.y' is neither a.field nor b.field
!   join left=a right=b where a.x = c.y (fields y)
!                                   ^^^
! trailq: query error at 1:33: unknown field 'z': after stats only the stats results exist
!   join left=a right=b where a.x = b.z (stats count(*) as n by y)
!                                   ^^^
! trailq: query error at 1:50: a subquery cannot hold another subquery (in)
!   join left=a right=b where a.x = b.y (filter x in (fields y))
!                                                    ^
! trailq: query error at 1:13: the subquery shows 2 fields and none is named like the value before in; end it with fields and one field
!   filter x in (fields a, b)
!               ^^^^^^^^^^^^^
! trailq: query error at 1:14: in a subquery, SOURCE takes one quoted input path (matched against @log); log groups need CloudWatch
!   filter x in (SOURCE logGroups(namePrefix: ["a"]) | fields y)
!                ^^^^^^^^^^^^^^^^
! trailq: query error at 1:16: max= takes a whole number from 1 to 100000
!   appendcols max=0 (fields y)
!                  ^
! trailq: query error at 1:14: diff and logcompare cannot be used in a subquery
!   filter x in (diff)
!                ^^^^
? 2

### in (subquery) over CloudTrail: every event from an address that was denied somewhere, against jq
~ [ -d "$SHARED/data" ]
# checked: jq collects the addresses of the AccessDenied events and counts
# the events from them
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; trailq -o tsv 'filter sourceIPAddress in (filter errorCode = "AccessDenied" | fields sourceIPAddress) | stats count(*) as n' "$D" | tail -n +2 > "$TMPDIR/got"; sh testdata/lang/records.sh "$D" | jq -s '([.[] | select(.errorCode == "AccessDenied" and .sourceIPAddress != null) | .sourceIPAddress] | unique) as $ips | [.[] | select(.sourceIPAddress as $s | $ips | index([$s]))] | length' | diff - "$TMPDIR/got" && echo same
> same

### join over CloudTrail with dotted keys: each AssumeRole caller's total calls, against jq
~ [ -d "$SHARED/data" ]
# checked: jq counts each userIdentity.arn's events and sums them over the
# AssumeRole events that have one
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; trailq -o tsv 'filter eventName = "AssumeRole" | join left=a right=b where a.userIdentity.arn = b.userIdentity.arn (stats count(*) as calls by userIdentity.arn) | stats sum(b.calls) as s, count(*) as n' "$D" | tail -n +2 > "$TMPDIR/got"; sh testdata/lang/records.sh "$D" | jq -rs '(group_by(.userIdentity.arn) | map(select(.[0].userIdentity.arn != null) | {key: .[0].userIdentity.arn, value: length}) | from_entries) as $c | [.[] | select(.eventName == "AssumeRole" and .userIdentity.arn != null) | $c[.userIdentity.arn]] | "\(add)\t\(length)"' | diff - "$TMPDIR/got" && echo same
> same
