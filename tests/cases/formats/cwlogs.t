# CloudWatch Logs JSON (trailq(1) INPUTS, `cwlogs`): filter-log-events
# and get-log-events output (pages concatenated), subscription payloads
# (plain, gzip, base64-gzip in {"awslogs":{"data":...}}), CONTROL_MESSAGE
# payloads skipped with a note. @timestamp = timestamp (ms; below 10^11 read
# as seconds), @ingestionTime = ingestionTime, @logStream = logStreamName or
# the payload's logStream, @message = message; a JSON message yields its
# fields as CloudTrail records do. Expected values come from jq over the
# files (jq '.logEvents[]' / '.events[]') and `date -u -d @SECONDS`.

### the CloudWatch samples of Datadog and OpenTelemetry: events per log group; the CONTROL_MESSAGE is skipped with a note
# checked: jq -r '"\(.owner):\(.logGroup) \(.logEvents | length)"' per file (multiple_json_objects.json
#   holds two payloads of 1 event each, in two groups); valid_cloudwatch_log_control.json is the
#   CONTROL_MESSAGE. @log is owner:logGroup, as Insights shows it
$ trailq 'stats count(*) as n by @log | sort @log' testdata/cwlogs/datadog testdata/cwlogs/otel 2>&1
> trailq: note: testdata/cwlogs/otel/valid_cloudwatch_log_control.json:1: CloudWatch Logs CONTROL_MESSAGE skipped (not log events)
> @log	n
> 123456789010:/aws/cloudtrail/logs	1
> 123456789012:/aws/rds/cluster	1
> 123456789012:/my/first/log/group	1
> 123456789012:/my/second/log/group	1
> 123456789012:CloudTrail	3
> 123456789123:aws-cloudtrail-logs-123456789123-c81b5193	4
> 123456789123:testLogGroup	2
> 425362996713:/aws/vendedlogs/states/logs-to-traces-sequential-Logs	1

### the log group and the account are fields of their own: @logGroup and @owner
# checked: the same jq listing; the events per file are those of the previous case
$ trailq 'stats count(*) as n by @owner, @logGroup | sort @owner, @logGroup | limit 3' testdata/cwlogs/datadog testdata/cwlogs/otel 2>/dev/null
> @owner	@logGroup	n
> 123456789010	/aws/cloudtrail/logs	1
> 123456789012	/aws/rds/cluster	1
> 123456789012	/my/first/log/group	1

### a filter on @log, and @log from a base64-gzipped awslogs payload (as Lambda receives it)
# checked: base64 -d of awslogs.data | gunzip | jq -c '{owner, logGroup, n: (.logEvents | length)}'
$ trailq 'filter @log like /:\/aws\/lambda\// | stats count(*) as n by @log' testdata/cwlogs/awslogs-lambda-event.json
> @log	n
> 123456789010:/aws/lambda/orders	4

### where the input names no log group (filter-log-events, get-log-events), @log is the file and @logGroup missing
$ trailq 'stats count(*) as n, count(@logGroup) as g, count(@owner) as o by @log | sort @log' testdata/cwlogs/filter-log-events.json testdata/cwlogs/get-log-events.json
> @log	n	g	o
> testdata/cwlogs/filter-log-events.json	4	0	0
> testdata/cwlogs/get-log-events.json	2	0	0

### the same in a --db index, whose fields are all kept
$ trailq --db $TMPDIR/cw.db -o tsv 'stats count(*) as n by @log | sort n desc | limit 1' testdata/cwlogs/datadog 2>/dev/null; trailq --db $TMPDIR/cw.db -o tsv 'filter @owner = "123456789123" | stats count(*) as n'
> @log	n
> 123456789123:aws-cloudtrail-logs-123456789123-c81b5193	4
> n
> 6

### CloudTrail records as messages: their fields, @logStream from the payload
# checked: jq -r '.logEvents[].message | fromjson | .eventName' cloudwatch_log_cloudtrail.json | sort | uniq -c
$ trailq 'stats count(*) as n by eventName, @logStream | sort eventName' testdata/cwlogs/datadog/cloudwatch_log_cloudtrail.json
> eventName	@logStream	n
> DescribeEventAggregates	123456789123_CloudTrail_us-east-1	1
> DescribeLogStreams	123456789123_CloudTrail_us-east-1	3

### @timestamp is the log event's timestamp, not the record's eventTime (a documented choice)
# checked: jq '.logEvents[0].timestamp' cloudtrail_log_cw.json = 1418530010000; date -u -d @1418530010
$ trailq 'fields @timestamp, eventTime, eventName, @logStream' testdata/cwlogs/otel/cloudtrail_log_cw.json
> @timestamp	eventTime	eventName	@logStream
> 2014-12-14 04:06:50.000	2026-01-28T09:26:59Z	PutObject	123456789010_CloudTrail_us-east-1

### a timestamp in seconds (the Datadog sample's 1737735732) is read as seconds
# checked: date -u -d @1737735732 = 2025-01-24 16:22:12
$ trailq 'fields @timestamp, status, ddtags' testdata/cwlogs/datadog/cloudwatch_logs_2.json
> @timestamp	status	ddtags
> 2025-01-24 16:22:12.000	info	my:tag

### messages that are broken JSON (truncated records, unescaped quotes) give no fields and no error
# checked: jq -r '.logEvents[].message | fromjson? // "broken"' over both files prints "broken" 4 times
$ trailq 'stats count(*) as n, count(eventVersion) as ev, count(id) as id, count(type) as ty' testdata/cwlogs/otel/valid_cloudwatch_log.json testdata/cwlogs/datadog/step_functions_log.json
> n	ev	id	ty
> 4	0	0	0

### filter-log-events, two pages back to back: system fields and the fields of JSON messages
# checked: jq -c '.events[] | [.logStreamName, .timestamp, .ingestionTime, (.message | fromjson? | [.level, .msg, .port, .tls, .path])]'
#   filter-log-events.json, times converted with date -u -d @SECONDS
$ trailq 'fields @ptr, @timestamp, @ingestionTime, @logStream, level, msg, port, tls, path' testdata/cwlogs/filter-log-events.json
> @ptr	@timestamp	@ingestionTime	@logStream	level	msg	port	tls	path
> testdata/cwlogs/filter-log-events.json:4	2024-03-01 10:03:00.000	2024-03-01 10:03:01.000	web/i-0a1b2c3d4e5f60002					
> testdata/cwlogs/filter-log-events.json:3	2024-03-01 10:02:00.000	2024-03-01 10:02:01.500	web/i-0a1b2c3d4e5f60002	error	upstream timeout	8080		/api/orders
> testdata/cwlogs/filter-log-events.json:2	2024-03-01 10:01:00.000	2024-03-01 10:01:01.000	web/i-0a1b2c3d4e5f60001					
> testdata/cwlogs/filter-log-events.json:1	2024-03-01 10:00:00.123	2024-03-01 10:00:01.000	web/i-0a1b2c3d4e5f60001	info	started	8080	true	

### the field list: JSON messages' fields with their kinds, @ingestionTime present
# checked: by hand from the four messages (two JSON, two text)
$ trailq --fields testdata/cwlogs/filter-log-events.json
> field	events	type
> @timestamp	4	timestamp
> @message	4	string
> @log	4	string
> @logStream	4	string
> @ptr	4	string
> @ingestionTime	4	timestamp
> level	2	string
> msg	2	string
> path	1	string
> port	2	number
> tls	1	boolean

### @message is the message as given
# checked: jq -r '.events[1].message' filter-log-events.json
$ trailq 'filter @ptr like /:2$/ | fields @message' testdata/cwlogs/filter-log-events.json
> @message
> GET /health 200 3ms

### filters on message fields and on @logStream; time range on @timestamp
# checked: one message has level "error" (event 3); two events are in stream ...0002; events 2 and 3 have
#   timestamps in [10:01, 10:03)
$ trailq 'filter level = "error" | fields @ptr, msg' testdata/cwlogs/filter-log-events.json
> @ptr	msg
> testdata/cwlogs/filter-log-events.json:3	upstream timeout

### ... a filter on @logStream (not pre-filtered: the stream is not in the message)
$ trailq 'filter @logStream = "web/i-0a1b2c3d4e5f60002" | stats count(*) as n' testdata/cwlogs/filter-log-events.json
> n
> 2

### ... and --start/--end
$ trailq --start 2024-03-01T10:01:00Z --end 2024-03-01T10:03:00Z 'fields @ptr' testdata/cwlogs/filter-log-events.json
> @ptr
> testdata/cwlogs/filter-log-events.json:3
> testdata/cwlogs/filter-log-events.json:2

### get-log-events has no stream names: @logStream is the file's base name (trailq(1), Fields)
# checked: jq '.events[] | .message' get-log-events.json
$ trailq 'fields @ptr, @logStream, job, ms' testdata/cwlogs/get-log-events.json
> @ptr	@logStream	job	ms
> testdata/cwlogs/get-log-events.json:2	get-log-events.json	resize	412
> testdata/cwlogs/get-log-events.json:1	get-log-events.json		

### CloudTrail delivered through CloudWatch Logs gives the same fields as the records themselves, and the payload's two
# checked: in the command; cloudtrail-subscription.json.gz was made from testdata/shapes/events.jsonl
#   with jq (each record, jq -c, as a message; SOURCES.md); its 5 events carry the payload's
#   @logGroup and @owner
$ diff <(trailq --fields testdata/shapes/events.jsonl) <(trailq --fields testdata/cwlogs/cloudtrail-subscription.json.gz)
> 6a7,8
> > @logGroup	5	string
> > @owner	5	string
? 1

### ... and the same values
$ diff <(trailq 'fields eventName, userIdentity.arn, requestParameters.dBInstanceIdentifier, @logStream | sort eventID' testdata/shapes/events.jsonl) <(trailq 'fields eventName, userIdentity.arn, requestParameters.dBInstanceIdentifier, @logStream | sort eventID' testdata/cwlogs/cloudtrail-subscription.json.gz) && echo same
> same

### bad input: awslogs.data that is not base64
# checked: by hand ('*' and spaces are not base64)
$ trailq 'stats count(*) as n' testdata/cwlogs/bad-base64.json
> n
> 0
! trailq: testdata/cwlogs/bad-base64.json:1: awslogs.data: not valid base64
! trailq: 1 input read with errors, 1 record skipped
? 1

### bad input: an invalid event and an event without a message are reported; the others are kept
# checked: by hand (bad-event.json: 4 events, the 2nd has a bare word, the 3rd no "message")
$ trailq 'fields @ptr, @message | sort @ptr' testdata/cwlogs/bad-event.json
> @ptr	@message
> testdata/cwlogs/bad-event.json:1	first
> testdata/cwlogs/bad-event.json:4	fourth
! trailq: testdata/cwlogs/bad-event.json:3: record 2: invalid JSON: not a JSON value near 'oops'
! trailq: testdata/cwlogs/bad-event.json:4: record 3: log event without a "message" string
! trailq: 1 input read with errors, 2 records skipped
? 1

### bad input: a truncated gzip payload
# checked: truncated.json.gz is the first half of a gzipped payload (SOURCES.md)
$ trailq 'stats count(*) as n' testdata/cwlogs/truncated.json.gz
> n
> 0
! trailq: testdata/cwlogs/truncated.json.gz:1: truncated gzip data (input ends after 135 bytes of decompressed data)
! trailq: 1 input read with errors
? 1
