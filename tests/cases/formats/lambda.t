# Lambda logs (docs/language.md#inputs; example queries q36-q40): START/END/REPORT
# lines give @type, @requestId, @duration, @billedDuration, @initDuration,
# @memorySize and @maxMemoryUsed (bytes = MB x 10^6), @xrayTraceId and
# @xraySegmentId; application lines give @requestId, their prefix's time and
# the fields of their first JSON object. Lambda lines are found in CloudWatch
# payloads (the Datadog samples of testdata/lambda), S3 export files and plain Lambda
# text. The REPORT lines used below are listed with
#   jq -r '.logEvents[] | select(.message|startswith("REPORT")) | [.timestamp, .message] | @tsv' testdata/lambda/cloudwatch_*.json
# giving 1583425836750 (2020-03-05 16:30:36.750) 619.31 ms / 118 MB,
# 1591284559101 (2020-06-04 15:29:19.101) 1.76 ms / 48 MB / init 120.96,
# 1591714946151 (2020-06-09 15:02:26.151) 3003.16 ms / 48 MB / init 127.02
# (times with `date -u -d @SECONDS`); two of those files write the
# separators as the two characters \t and \n (SOURCES.md §3).

### done-when query: REPORT durations and memory by 5-minute bin over the Datadog samples
# checked: the three REPORT lines above, one per bin (16:30, 15:25, 15:00)
$ trailq 'filter @type = "REPORT" | stats avg(@duration), max(@maxMemoryUsed) by bin(5m)' testdata/lambda/cloudwatch_*.json
> bin(5m)	avg(@duration)	max(@maxMemoryUsed)
> 2020-03-05 16:30:00.000	619.31	118000000
> 2020-06-04 15:25:00.000	1.76	48000000
> 2020-06-09 15:00:00.000	3003.16	48000000

### platform lines by type (the other 21 events are application lines)
# checked: jq -r '.logEvents[].message | split(" ")[0]' testdata/lambda/cloudwatch_*.json | sort | uniq -c
#   -> 3 END, 3 REPORT, 2 START; 29 events in all (jq '.logEvents | length', summed)
$ trailq 'stats count(*) as n by @type | sort @type' testdata/lambda/cloudwatch_*.json
> @type	n
> END	3
> REPORT	3
> START	2
> 	21

### cold starts: Init Duration, with literal "\t" separators
# checked: the two REPORT lines with Init Duration above (Memory Size 128 MB = 128000000 bytes)
$ trailq 'filter ispresent(@initDuration) | fields @requestId, @initDuration, @duration, @billedDuration, @memorySize, @maxMemoryUsed | sort @requestId' testdata/lambda/cloudwatch_*.json
> @requestId	@initDuration	@duration	@billedDuration	@memorySize	@maxMemoryUsed
> 7c9567b5-107b-4a6c-8798-0157ac21db52	127.02	3003.16	3000	128000000	48000000
> db275f87-a934-471a-8980-b63bf4dc1beb	120.96	1.76	100	128000000	48000000

### X-Ray trace and segment IDs on the second line of a REPORT message
# checked: the REPORT of cloudwatch_log_lambda_invocation.json ("XRAY TraceId: ... SegmentId: ...")
$ trailq 'filter ispresent(@xrayTraceId) | fields @requestId, @xrayTraceId, @xraySegmentId' testdata/lambda/cloudwatch_*.json
> @requestId	@xrayTraceId	@xraySegmentId
> f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb	1-5e61292c-cc1229a4dfbeae1043928548	07a85e713f6302b2

### example q40 on the Datadog samples: the timeout line (space-separated prefix) has a request ID
# checked: cloudwatch_log_timeout.json, 4th event: timestamp 1591714946151, "2020-06-09T15:02:26.150Z 7c9567b5-... Task timed out"
$ trailq 'filter @message like /Task timed out/ | fields @timestamp, @requestId | sort @timestamp desc | limit 20' testdata/lambda/cloudwatch_*.json
> @timestamp	@requestId
> 2020-06-09 15:02:26.151	7c9567b5-107b-4a6c-8798-0157ac21db52

### the first JSON object of an application line yields fields (Datadog's debug lines)
# checked: a Python script taking, for each message, the first '{' at which json.JSONDecoder.raw_decode
#   reads an object: 13 objects have "status", all "debug"
$ trailq 'filter ispresent(status) | stats count(*) by status' testdata/lambda/cloudwatch_*.json
> status	count(*)
> debug	13

# ---- example queries 8.3 (docs/language.md#example-queries) over an S3 export of a Lambda log group ----
# testdata/cwlogs/export/<task>/2024/03/01/[$LATEST].../000000.gz, made by hand (SOURCES.md): eight
# invocations, REPORT lines (zcat | grep ' REPORT ', Duration / Max Memory Used / Init Duration):
#   10:00:01.5 1200.50/100/350.25  10:02:00 80.00/110  10:04:30 95.50/120 (epoch-ms prefix)
#   10:07:10 2500.75/130  11:15:00 300.25/90/410.75  11:16:00 60.00/95  11:40:00 1500.00/140
#   11:50:00 45.25/85/200.50; Memory Size 512 MB everywhere.

### example q36: over-provisioned memory
# checked: max 512; used min 85, max 140, avg (100+110+120+130+90+95+140+85)/8 = 870/8 = 108.75; 512-140 = 372
$ trailq 'filter @type = "REPORT" | stats max(@memorySize / 1000 / 1000) as provisonedMemoryMB, min(@maxMemoryUsed / 1000 / 1000) as smallestMemoryRequestMB, avg(@maxMemoryUsed / 1000 / 1000) as avgMemoryUsedMB, max(@maxMemoryUsed / 1000 / 1000) as maxMemoryUsedMB, provisonedMemoryMB - maxMemoryUsedMB as overProvisionedMB' testdata/cwlogs/export
> provisonedMemoryMB	smallestMemoryRequestMB	avgMemoryUsedMB	maxMemoryUsedMB	overProvisionedMB
> 512	85	108.75	140	372

### example q37: latency per 5-minute bin
# checked: 10:00 bin {1200.5, 80, 95.5}: avg 1376/3 = 458.666..., shortest form 458.6666666666667;
#   10:05 {2500.75}; 11:15 {300.25, 60}: avg 180.125; 11:40 {1500}; 11:50 {45.25}
$ trailq 'filter @type = "REPORT" | stats avg(@duration), max(@duration), min(@duration) by bin(5m)' testdata/cwlogs/export
> bin(5m)	avg(@duration)	max(@duration)	min(@duration)
> 2024-03-01 10:00:00.000	458.6666666666667	1200.5	80
> 2024-03-01 10:05:00.000	2500.75	2500.75	2500.75
> 2024-03-01 11:15:00.000	180.125	300.25	60
> 2024-03-01 11:40:00.000	1500	1500	1500
> 2024-03-01 11:50:00.000	45.25	45.25	45.25

### p95 duration by hour (nearest rank)
# checked: 10:00 {80, 95.5, 1200.5, 2500.75}: rank ceil(0.95*4) = 4 -> 2500.75; 11:00 {45.25, 60, 300.25, 1500} -> 1500
$ trailq 'filter @type = "REPORT" | stats pct(@duration, 95) as p95 by bin(1h)' testdata/cwlogs/export
> bin(1h)	p95
> 2024-03-01 10:00:00.000	2500.75
> 2024-03-01 11:00:00.000	1500

### example q38: invocations slower than 1 s, newest first
# checked: durations above 1000: 11:40 (7777...), 10:07:10 (4444...), 10:00:01.5 (1111...)
$ trailq 'fields @timestamp, @requestId, @duration | filter @type = "REPORT" and @duration > 1000 | sort @timestamp desc | dedup @requestId | limit 20' testdata/cwlogs/export
> @timestamp	@requestId	@duration
> 2024-03-01 11:40:00.000	77777777-7777-4777-8777-777777777777	1500
> 2024-03-01 10:07:10.000	44444444-4444-4444-8444-444444444444	2500.75
> 2024-03-01 10:00:01.500	11111111-1111-4111-8111-111111111111	1200.5

### example q39: cold starts per hour
# checked: Init Duration at 10:00:01.5 (350.25) and at 11:15, 11:50 (410.75, 200.50): 11:00 avg 611.25/2 = 305.625,
#   p95 of two values = the larger (rank ceil(1.9) = 2) = 410.75
$ trailq 'filter @type = "REPORT" and ispresent(@initDuration) | stats count(*) as coldStarts, avg(@initDuration) as avgInitMs, pct(@initDuration, 95) as p95InitMs by bin(1h)' testdata/cwlogs/export
> bin(1h)	coldStarts	avgInitMs	p95InitMs
> 2024-03-01 10:00:00.000	1	350.25	350.25
> 2024-03-01 11:00:00.000	2	305.625	410.75

### example q40: timeouts
# checked: zcat ... | grep 'Task timed out': one line, 2024-03-01T11:39:58.000Z, request 7777...
$ trailq 'filter @message like /Task timed out/ | fields @timestamp, @requestId, @message | sort @timestamp desc | limit 20' testdata/cwlogs/export
> @timestamp	@requestId	@message
> 2024-03-01 11:39:58.000	77777777-7777-4777-8777-777777777777	2024-03-01T11:39:58.000Z 77777777-7777-4777-8777-777777777777 Task timed out after 1.50 seconds

# ---- Lambda through a subscription payload, base64 and gzip in {"awslogs":{"data":...}} ----

### the Lambda fields and the JSON fragment "charged {...}" of an application line
# checked: by hand from the payload (base64 -d | zcat of .awslogs.data): START, app line, END, REPORT
#   390.12 ms / 256 MB / init 180.40
$ trailq 'fields @timestamp, @type, @requestId, @duration, @initDuration, @memorySize, orderId, cents | sort @timestamp, @ptr' testdata/cwlogs/awslogs-lambda-event.json
> @timestamp	@type	@requestId	@duration	@initDuration	@memorySize	orderId	cents
> 2024-03-01 12:00:00.000	START	9a9a9a9a-0000-4000-8000-000000000001					
> 2024-03-01 12:00:00.200		9a9a9a9a-0000-4000-8000-000000000001				B-7	1999
> 2024-03-01 12:00:00.400	END	9a9a9a9a-0000-4000-8000-000000000001					
> 2024-03-01 12:00:00.400	REPORT	9a9a9a9a-0000-4000-8000-000000000001	390.12	180.4	256000000		

# ---- plain Lambda text (type lambda): testdata/lambda/python-runtime.log ----
# Lines without a time of their own take the previous line's; the first line takes the file's
# modification time, set here with touch on a copy.

### @timestamp from the Python prefix [LEVEL]\t<time>\t<id>, a JSON line's "timestamp", or the line before
# checked: by hand (line 1 START: the file time 2024-03-02; the traceback's indented lines join line 4;
#   line 10 is JSON with "timestamp": "2024-03-01T09:05:00.010Z")
$ cp testdata/lambda/python-runtime.log "$TMPDIR/fn.log" && touch -d 2024-03-02T00:00:00Z "$TMPDIR/fn.log" && trailq 'fields @timestamp, @type, @requestId, @duration, @maxMemoryUsed, detail.bucket, photoCount | sort @timestamp, @ptr' "$TMPDIR/fn.log"
> @timestamp	@type	@requestId	@duration	@maxMemoryUsed	detail.bucket	photoCount
> 2024-03-01 09:00:00.120		aaaaaaaa-0000-4000-8000-000000000001			photos	
> 2024-03-01 09:00:00.120						
> 2024-03-01 09:00:00.450		aaaaaaaa-0000-4000-8000-000000000001				
> 2024-03-01 09:00:00.450	END	aaaaaaaa-0000-4000-8000-000000000001				
> 2024-03-01 09:00:00.450	REPORT	aaaaaaaa-0000-4000-8000-000000000001	330.08	64000000		
> 2024-03-01 09:00:00.450	START	aaaaaaaa-0000-4000-8000-000000000002				
> 2024-03-01 09:05:00.010						3
> 2024-03-01 09:05:00.010	END	aaaaaaaa-0000-4000-8000-000000000002				
> 2024-03-01 09:05:00.010	REPORT	aaaaaaaa-0000-4000-8000-000000000002	12.5	65000000		
> 2024-03-02 00:00:00.000	START	aaaaaaaa-0000-4000-8000-000000000001				
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time

# ---- Lambda's JSON log format (LogFormat JSON): testdata/lambda/json-format.jsonl ----
# Two invocations written by hand after Lambda's documented JSON records
# (platform.initStart/start/runtimeDone/report, application records with
# level and requestId, a Java-style AWSRequestId), the same two in the text
# format (json-format-text.log), and the JSON records as the messages of a
# subscription payload (json-format-cw.json).

### the JSON records give the same Lambda fields as the text lines
# checked: by hand: REPORT metrics from record.metrics (MB x 10^6), the
# X-Ray trace from tracing.value's Root= and the segment from spanId;
# runtimeDone is END; initStart, like INIT_START, has no @type
$ for f in json-format.jsonl json-format-text.log json-format-cw.json; do trailq -o tsv 'filter ispresent(@requestId) | display @type, @requestId, @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration, @xrayTraceId, @xraySegmentId | sort @requestId, @type' "testdata/lambda/$f" 2>/dev/null | md5sum; done | uniq -c | sed 's/ *\([0-9]*\) .*/\1 same/'; trailq -o tsv 'filter @type = "REPORT" | display @requestId, @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration, @xrayTraceId, @xraySegmentId | sort @requestId' testdata/lambda/json-format.jsonl
> 3 same
> @requestId	@duration	@billedDuration	@memorySize	@maxMemoryUsed	@initDuration	@xrayTraceId	@xraySegmentId
> 11111111-2222-4333-8444-555555555555	250.12	251	512000000	88000000	240.5		
> 66666666-7777-4888-9999-000000000000	43.07	44	512000000	89000000		1-66335d46-5fb1c8d7c8a9f6a1b2c3d4e5	2c7a1f3e9b4d5a60

### @type counts, the cold starts and the records' own fields
# checked: by hand: two of each platform type; one REPORT with
# initDurationMs; the application records keep level and orderId
$ trailq -o tsv 'stats count(*) as n by @type | sort @type' testdata/lambda/json-format.jsonl; trailq -o tsv 'filter ispresent(@initDuration) | stats count(*) as coldStarts, avg(@initDuration) as init' testdata/lambda/json-format.jsonl; trailq -o tsv 'filter ispresent(level) | display level, @requestId, orderId | sort @timestamp asc' testdata/lambda/json-format.jsonl
> @type	n
> END	2
> REPORT	2
> START	2
> 	5
> coldStarts	init
> 1	240.5
> level	@requestId	orderId
> INFO	11111111-2222-4333-8444-555555555555	o-17
> ERROR	11111111-2222-4333-8444-555555555555	
> INFO	66666666-7777-4888-9999-000000000000	o-18
> WARN	aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee	
