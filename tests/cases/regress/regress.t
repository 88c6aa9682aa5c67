# Regression cases: each one a bug that was found and fixed, named after it.

### truncated gzip: the events before the cut are kept (the last batch was dropped)
# checked: the gzip -n of testdata/cloudtrail/otrf (JSON lines, 103 events) cut
# after 6,000 bytes inflates to 38,915 bytes, which hold 41 complete lines:
# gzip -nc ... | head -c 6000 | gzip -dc 2>/dev/null | grep -c '}$'  -> 41
$ gzip -nc testdata/cloudtrail/otrf/*.json | head -c 6000 > $TMPDIR/cut.gz; cd $TMPDIR; trailq 'stats count(*) as n' cut.gz
> n
> 41
! trailq: cut.gz:42: truncated gzip data (input ends after 38915 bytes of decompressed data)
! trailq: 1 input read with errors
? 1

### pre-filter: a value written with the \/ escape still matches its literal
# checked: by hand: "a\/b" is the JSON text of a/b
$ printf '{"eventName":"a\\/b","eventTime":"2024-01-01T00:00:00Z"}\n' > $TMPDIR/esc.json; trailq 'filter eventName = "a/b" | stats count(*) as n' $TMPDIR/esc.json
> n
> 1

### every field of every event is stored (the grown seen-stamp array was not zeroed)
# checked: by hand: 300 fields per event, 3 events; each field present 3 times
$ awk 'BEGIN { for (e = 1; e <= 3; e++) { printf "{\"eventTime\":\"2024-01-0%dT00:00:00Z\"", e; for (i = 1; i <= 300; i++) printf ",\"k%d\":%d", i, i * e; print "}" } }' > $TMPDIR/wide.jsonl; trailq 'stats count(k1) as a, count(k150) as b, count(k300) as c, sum(k300) as s' $TMPDIR/wide.jsonl
> a	b	c	s
> 3	3	3	1800

### a system field cannot be redefined before stats (parse ... as @timestamp replaced the time with text)
$ trailq 'parse @message "\"eventTime\":\"*\"" as @timestamp' testdata/shapes/single-event.json
! trailq: query error at 1:41: @timestamp is a system field and cannot be redefined
!   parse @message "\"eventTime\":\"*\"" as @timestamp
!                                           ^^^^^^^^^^
? 2

### ... but a stats result may take the name (it is a new row set)
# checked: single-event.json's eventTime is 2023-07-10T12:16:29Z, eventName DescribeDBInstances
$ trailq 'stats max(@timestamp) as @timestamp by eventName' testdata/shapes/single-event.json
> eventName	@timestamp
> DescribeDBInstances	2023-07-10 12:16:29.000
