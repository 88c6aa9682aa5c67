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

### --start prunes CloudTrail objects delivered before it without opening them
# checked: the broken object (gzip magic, then junk) says it was delivered at 2023-07-10 11:00,
# before --start, so trailq never opens it (no error, status 0); the good one,
# delivered 12:25, holds the 5 events of shapes/bare-array.json, all at 12:16-12:17
# (jq -r '.[].eventTime' testdata/shapes/bare-array.json)
$ d=$TMPDIR/prune/AWSLogs/1/CloudTrail/us-east-1/2023/07/10; mkdir -p $d; printf '\037\213\010\000junkjunkjunk' > $d/1_CloudTrail_us-east-1_20230710T1100Z_aaaa.json.gz; jq '{Records: .}' testdata/shapes/bare-array.json | gzip > $d/1_CloudTrail_us-east-1_20230710T1225Z_bbbb.json.gz; trailq --start 2023-07-10T12:00:00Z 'stats count(*) as n' $TMPDIR/prune
> n
> 5

### --start keeps a CloudTrail object delivered within 15 minutes before it
# checked: by hand: the object's name says 12:16 (cut to the minute), and it
# holds events of 12:16:29-12:21:02 (jq -r '.[].eventTime'
# testdata/shapes/bare-array.json); with --start 12:16:45 the 4 events of
# 12:16:45 and later count (python3 below), so the file must be opened
# though its name's minute is before --start; the broken object named
# 12:01 (15 min 45 s before) is still not opened
$ d=$TMPDIR/prune2/AWSLogs/1/CloudTrail/us-east-1/2023/07/10; mkdir -p $d; printf '\037\213\010\000junkjunkjunk' > $d/1_CloudTrail_us-east-1_20230710T1201Z_aaaa.json.gz; jq '{Records: .}' testdata/shapes/bare-array.json | gzip > $d/1_CloudTrail_us-east-1_20230710T1216Z_bbbb.json.gz; trailq -o tsv --start 2023-07-10T12:16:45Z 'stats count(*) as n' $TMPDIR/prune2 | tail -n 1; python3 -c 'import json; print(sum(1 for e in json.load(open("testdata/shapes/bare-array.json")) if e["eventTime"] >= "2023-07-10T12:16:45Z"))'
> 4
> 4

### ... and without --start the broken object is read and reported
$ d=$TMPDIR/prune/AWSLogs/1/CloudTrail/us-east-1/2023/07/10; mkdir -p $d; printf '\037\213\010\000junkjunkjunk' > $d/1_CloudTrail_us-east-1_20230710T1100Z_aaaa.json.gz; jq '{Records: .}' testdata/shapes/bare-array.json | gzip > $d/1_CloudTrail_us-east-1_20230710T1225Z_bbbb.json.gz; cd $TMPDIR; trailq 'stats count(*) as n' prune
> n
> 5
! trailq: prune/AWSLogs/1/CloudTrail/us-east-1/2023/07/10/1_CloudTrail_us-east-1_20230710T1100Z_aaaa.json.gz: corrupt gzip data: the compressed data is damaged
! trailq: 1 of 2 inputs could not be read
? 1

### --db with --start keeps every event in the index (a range limits the query, not the index)
# checked: testdata/shapes holds 18 events (5+2+5+5+1); 13 of them are at or after
# 12:17 (jq over the files: 5 at 12:16:29, 4 at 12:17:32, 3 each at 12:19, 12:20, 12:21),
# and a later query without a range sees all 18
$ trailq --db $TMPDIR/r.db --start 2023-07-10T12:17:00Z 'stats count(*) as n' testdata/shapes; trailq --db $TMPDIR/r.db 'stats count(*) as n'
> n
> 13
> n
> 18

### an event's own "@" keys are exposed with another "@" and no longer hide system fields
# checked: the OTRF records carry Logstash's "@timestamp" (2020-09-14T01:13:20.000Z in the
# last two lines: tail -2 of the file) and "@version" "1"; @timestamp is trailq's own (ms).
$ trailq -o jsonl 'fields @timestamp, @@timestamp, @@version | limit 2' testdata/cloudtrail/otrf
> {"@timestamp":"2020-09-14 01:13:20.000","@@timestamp":"2020-09-14T01:13:20.000Z","@@version":"1"}
> {"@timestamp":"2020-09-14 01:13:20.000","@@timestamp":"2020-09-14T01:13:20.000Z","@@version":"1"}

### ... the same through the full index
$ trailq --db $TMPDIR/at.db -o jsonl 'fields @@version | limit 1' testdata/cloudtrail/otrf
> {"@@version":"1"}

### --db naming no file and no inputs says so, status 3, and creates nothing (a mistyped index name went unnoticed)
$ cd $TMPDIR && trailq --db new.db 'stats count(*) as n'; echo "status $?"; ls new.db
> status 3
! trailq: new.db: no such index (name files or directories to load into it)
! ls: cannot access 'new.db': No such file or directory
? 2

### CloudTrail times follow the one rule of every JSON reader, on both paths (the scanner and jansson)
# checked: by hand: 1e300 is no time (it was cast to int64, undefined behaviour) and leaves @timestamp missing;
# "1700000000" is epoch seconds = 2023-11-14 22:13:20 UTC (date -u -d @1700000000), as for JSON lines; the
# record with a repeated key goes through jansson and gets the same answer as the scanned one
$ trailq -o tsv 'fields @timestamp, eventName | sort eventName' testdata/hand/times.json
> @timestamp	eventName
> 2023-11-14 22:13:20.000	DigitString
> 	Huge
> 	HugeDup
> 2023-11-14 22:13:20.123	Millis
