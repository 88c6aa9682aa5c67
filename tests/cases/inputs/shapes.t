# Input shapes of trailq(1) INPUTS (type cloudtrail): S3 delivery objects, bare
# arrays, single objects, JSON lines, concatenated objects, lookup-events,
# empty arrays, digest files; gzip by content; standard input; directories.
# The shapes/ files hold the same five invictus records (see SOURCES.md), so
# each shape must give the same five events.

### Records: the S3 layout, 55 gzip-compressed {"Records":[...]} files
# checked: zcat testdata/AWSLogs/.../*.json.gz | jq '.Records | length' summed = 2900;
# 55 files = find testdata/AWSLogs -type f | wc -l
$ trailq 'stats count(*) as events, count_distinct(@log) as files' testdata/AWSLogs
> events	files
> 2900	55

### Records: the invictus source file uncompressed (plain .json) gives the same 2900 events
~ [ -d "$SHARED/data" ]
# checked: jq '.Records|length' over $SHARED/data/cloudtrail/invictus-ir_aws_dataset/CloudTrail/*.json summed = 2900
$ trailq 'stats count(*) as events, count_distinct(eventID) as ids' $SHARED/data/cloudtrail/invictus-ir_aws_dataset
> events	ids
> 2900	2900

### Records: the same 55 files gunzipped into plain .json files (in a clone alone) give the same 2900 events
# checked: jq '.Records | length' over the gunzipped files, summed, in the command
$ P="$TMPDIR/plain"; mkdir -p "$P"; for f in testdata/AWSLogs/*/CloudTrail/*/*/*/*/*.json.gz; do zcat "$f" > "$P/$(basename "$f" .gz)"; done; \
$ trailq 'stats count(*) as events, count_distinct(eventID) as ids, count_distinct(@log) as files' "$P"; jq '.Records | length' "$P"/*.json | awk '{n += $1} END {print n}'
> events	ids	files
> 2900	2900	55
> 2900

### bare array: the five records, oldest first
# checked: jq -r '.[] | [.eventID, .eventName] | @tsv' testdata/shapes/bare-array.json (already in eventTime order)
$ trailq 'fields eventID, eventName | sort @timestamp asc' testdata/shapes/bare-array.json
> eventID	eventName
> d8dd4a1e-62fd-4029-bbba-a0fe838ba0c7	DescribeDBInstances
> 084a0d08-2e94-4777-9042-48df97531113	DescribeDBInstances
> 4f5bcccd-e830-4f81-92c9-12223f60538d	DescribeDBInstances
> 52a2921f-683b-4c64-91d6-a62edb999543	DescribeDBSnapshots
> 0670b8d5-8a8f-466d-82f0-bbeaae7d68f9	DescribeDBSnapshots

### JSON lines: the same five records
# checked: jq -r '[.eventID, .eventName] | @tsv' testdata/shapes/events.jsonl
$ trailq 'fields eventID, eventName | sort @timestamp asc' testdata/shapes/events.jsonl
> eventID	eventName
> d8dd4a1e-62fd-4029-bbba-a0fe838ba0c7	DescribeDBInstances
> 084a0d08-2e94-4777-9042-48df97531113	DescribeDBInstances
> 4f5bcccd-e830-4f81-92c9-12223f60538d	DescribeDBInstances
> 52a2921f-683b-4c64-91d6-a62edb999543	DescribeDBSnapshots
> 0670b8d5-8a8f-466d-82f0-bbeaae7d68f9	DescribeDBSnapshots

### JSON lines in the wild: OTRF's Logstash export, 103 lines, @timestamp from "@timestamp" (no eventTime)
# checked: wc -l = 103; jq -r '."@timestamp"' | sort | sed -n '1p;$p' = 2020-09-14T00:44:20.000Z, 2020-09-14T01:13:20.000Z;
# jq 'select(.eventTime != null)' prints nothing
$ trailq 'stats count(*) as n, min(@timestamp) as first, max(@timestamp) as last, count(eventTime) as with_eventTime' testdata/cloudtrail/otrf
> n	first	last	with_eventTime
> 103	2020-09-14 00:44:20.000	2020-09-14 01:13:20.000	0

### lookup-events: the embedded CloudTrailEvent is the event
# checked: jq -r '.Events[] | (.CloudTrailEvent | fromjson | [.eventID, .eventName]) | @tsv' testdata/shapes/lookup-events.json
$ trailq 'fields eventID, eventName | sort @timestamp asc' testdata/shapes/lookup-events.json
> eventID	eventName
> d8dd4a1e-62fd-4029-bbba-a0fe838ba0c7	DescribeDBInstances
> 084a0d08-2e94-4777-9042-48df97531113	DescribeDBInstances
> 4f5bcccd-e830-4f81-92c9-12223f60538d	DescribeDBInstances
> 52a2921f-683b-4c64-91d6-a62edb999543	DescribeDBSnapshots
> 0670b8d5-8a8f-466d-82f0-bbeaae7d68f9	DescribeDBSnapshots

### lookup-events: the wrapper's keys (EventId, Username, CloudTrailEvent ...) are not fields of the event
# checked: by hand: the wrapper keys are outside the embedded record
$ trailq 'filter ispresent(EventId) or ispresent(Username) or ispresent(CloudTrailEvent) or ispresent(Events.0.EventId) | stats count(*) as n' testdata/shapes/lookup-events.json
> n
> 0
! trailq: warning at 1:18: no event has the field 'EventId' (did you mean eventID?)
!   filter ispresent(EventId) or ispresent(Username) or ispresent(CloudTrailEvent) or ispresent(Events.0.EventId) | stats count(*) as n
!                    ^^^^^^^

### lookup-events: @message is the embedded record's text, byte for byte
# checked: in the command: diff against jq -r '.Events[].CloudTrailEvent' (no output = identical)
$ diff <(trailq 'fields @message | sort @timestamp asc' testdata/shapes/lookup-events.json | tail -n +2) <(jq -r '.Events[].CloudTrailEvent' testdata/shapes/lookup-events.json) && echo identical
> identical

### concatenated pretty-printed objects: both are read
# checked: jq -c . testdata/shapes/concatenated.json | wc -l = 2; ids by jq -r .eventID
$ trailq 'fields eventID | sort @timestamp asc' testdata/shapes/concatenated.json
> eventID
> d8dd4a1e-62fd-4029-bbba-a0fe838ba0c7
> 084a0d08-2e94-4777-9042-48df97531113

### an array of whole files (jq -s): each Records file and lookup-events page in it is read as one
# checked: in the command: jq's own count of the records in the array: 80 of the two 11:45
# S3 objects, 10 of the lookup-events page twice (its 5 ids); each file was one event before
$ A="$TMPDIR/slurped.json"; (zcat testdata/AWSLogs/*/CloudTrail/*/2023/07/10/*_20230710T1145Z_*.json.gz; cat testdata/shapes/lookup-events.json testdata/shapes/lookup-events.json) | jq -s . > "$A"; \
$ trailq 'stats count(*) as n, count_distinct(eventID) as ids' "$A"; jq '[.[] | (.Records // .Events) | length] | add' "$A"
> n	ids
> 90	85
> 90

### single object (TrailDiscover DescribeDBClusters, not in an array)
# checked: jq -r 'type, .eventName, .eventTime' testdata/cloudtrail/traildiscover/DescribeDBClusters.json.cloudtrail = object, DescribeDBClusters, 2025-10-12T15:08:10Z
$ trailq 'fields @timestamp, eventName' testdata/cloudtrail/traildiscover/DescribeDBClusters.json.cloudtrail
> @timestamp	eventName
> 2025-10-12 15:08:10.000	DescribeDBClusters

### every shape together: 5 + 5 + 5 + 2 + 1 events, 5 distinct
# checked: sum of the counts above; the shapes/ files share the five invictus eventIDs
$ trailq 'stats count(*) as n, count_distinct(eventID) as ids' testdata/shapes
> n	ids
> 18	5

### empty array: zero events, no message, status 0
# checked: the file is the two bytes "[]" (wc -c = 2)
$ trailq 'stats count(*) as n' testdata/cloudtrail/traildiscover/ChangeResourceRecordSets.json.cloudtrail
> n
> 0

### empty Records array on standard input
# checked: by hand
$ printf '{"Records":[]}\n' | trailq 'stats count(*) as n' -
> n
> 0

### digest file: skipped with a note, status 0
# checked: the file has digestStartTime/logFiles and no event keys (jq keys)
$ trailq 'stats count(*) as n' testdata/cloudtrail/edge/cloudtrail_digest.json
> n
> 0
! trailq: note: testdata/cloudtrail/edge/cloudtrail_digest.json:1: CloudTrail digest file skipped (not events)

### digest file next to a log file: the log's 7 records are read, the digest noted
# checked: jq '.Records | length' testdata/cloudtrail/edge/cloudtrail_log.json = 7
$ trailq 'stats count(*) as n' testdata/cloudtrail/edge/cloudtrail_digest.json testdata/cloudtrail/edge/cloudtrail_log.json
> n
> 7
! trailq: note: testdata/cloudtrail/edge/cloudtrail_digest.json:1: CloudTrail digest file skipped (not events)

### gzip is detected by content: a gzip file without .gz in its name
# checked: jq -c . testdata/shapes/events.jsonl | wc -l = 5
$ gzip -n -c testdata/shapes/events.jsonl > "$TMPDIR/gz-without-suffix.json" && trailq 'stats count(*) as n, count_distinct(eventID) as ids' "$TMPDIR/gz-without-suffix.json"
> n	ids
> 5	5

### ... and a plain JSON file named .gz is read as plain JSON
# checked: jq '. | length' testdata/shapes/bare-array.json = 5
$ cp testdata/shapes/bare-array.json "$TMPDIR/plain-named.json.gz" && trailq 'stats count(*) as n' "$TMPDIR/plain-named.json.gz"
> n
> 5

### ... and gzip on standard input
# checked: as above, 5 records
$ gzip -n -c testdata/shapes/bare-array.json | trailq 'stats count(*) as n' -
> n
> 5

### standard input as "-": @log is "-" and @ptr "-:<record>"
# checked: jq -r .eventID testdata/shapes/events.jsonl | sed -n 5p; the fifth line is the newest event
$ cat testdata/shapes/events.jsonl | trailq 'fields @log, @ptr, eventID | limit 1' -
> @log	@ptr	eventID
> -	-:5	0670b8d5-8a8f-466d-82f0-bbeaae7d68f9

### no PATH and standard input not a terminal: standard input is read
# checked: 5 records in events.jsonl
$ trailq 'stats count(*) as n, count_distinct(@log) as logs' < testdata/shapes/events.jsonl
> n	logs
> 5	1

### "-" among files: standard input and the file are both read
# checked: 1 (single-event.json) + 5 (stdin) = 6; 2 distinct @log values
$ trailq 'stats count(*) as n by @log' testdata/shapes/single-event.json - < testdata/shapes/events.jsonl
> @log	n
> -	5
> testdata/shapes/single-event.json	1

### a directory is read recursively, in sorted (byte) order: every file of testdata/hand/dirorder
# checked: find testdata/hand/dirorder -type f | LC_ALL=C sort; the six files hold the same
# record (same @timestamp), so the rows come in input order
$ trailq 'fields @log' testdata/hand/dirorder
> @log
> testdata/hand/dirorder/B.json
> testdata/hand/dirorder/a.json
> testdata/hand/dirorder/b.json
> testdata/hand/dirorder/m/a.json
> testdata/hand/dirorder/m/z.json.gz
> testdata/hand/dirorder/z.json
! trailq: note: 4 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### ... and earliest/latest, which break ties by input order (docs/language.md#aggregates), see the first and last file
# checked: first and last of the sorted list above
$ trailq 'stats earliest(@log) as first, latest(@log) as last, count(*) as n' testdata/hand/dirorder
> first	last	n
> testdata/hand/dirorder/B.json	testdata/hand/dirorder/z.json	6
! trailq: note: 4 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### a directory and a file: the order of the PATH arguments is kept
# checked: by hand: the file given first comes first among equal timestamps
$ trailq 'stats earliest(@log) as first, latest(@log) as last' testdata/hand/dirorder/z.json testdata/hand/dirorder/m
> first	last
> testdata/hand/dirorder/z.json	testdata/hand/dirorder/m/z.json.gz
! trailq: note: 1 input held the same bytes as an input before it (a copy under another name): its events are counted again, as every input's are (with --db a copy adds nothing)
