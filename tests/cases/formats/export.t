# CloudWatch Logs S3 export files (trailq(1) INPUTS, `export`): lines
# `<ISO-8601 or epoch-ms timestamp> <message>` in any order, gzip-compressed,
# under <prefix>/<taskId>/<logStreamName>/000000.gz. The message's own
# fields (JSON, Lambda, VPC) come as for cwlogs; a line without a leading
# timestamp continues the message before it. The Lambda export used here is
# described in lambda.t (which also runs example queries q36-q40 over it); its lines
# are listed with `zcat .../000000.gz | cat -n`.

### @timestamp from either prefix, @message without it, @ptr = line number, any order
# checked: zcat | cat -n: line 2 is START at 10:00:00.000, line 6 starts with epoch ms 1709287470000
#   (date -u -d @1709287470 = 10:04:30), line 1 is a REPORT at 10:00:01.500
$ trailq 'filter @ptr like /gz:[126]$/ | fields @ptr, @timestamp, @type | sort @timestamp' testdata/cwlogs/export | sed 's|^testdata/cwlogs/export/.*/000000|000000|'
> @ptr	@timestamp	@type
> 000000.gz:2	2024-03-01 10:00:00.000	START
> 000000.gz:1	2024-03-01 10:00:01.500	REPORT
> 000000.gz:6	2024-03-01 10:04:30.000	REPORT

### @logStream: the path between the task ID (a UUID) and the file, or the parent directory
# checked: by hand from the paths: export/8c1e5f0a-.../2024/03/01/[$LATEST]0123.../000000.gz (14 events from
#   16 lines: lines 10-11 continue line 9) and mixed/000000.gz (3 lines, no UUID in the path)
$ trailq 'stats count(*) as n by @logStream | sort n desc' testdata/cwlogs/export testdata/mixed/000000.gz
> @logStream	n
> 2024/03/01/[$LATEST]0123456789abcdef0123456789abcdef	14
> mixed	3

### a line without a timestamp continues the message before it (a stack trace)
# checked: lines 9-11 of the file; the continuation lines start with four spaces
$ trailq -o json 'filter @message like /stack trace/ | fields @ptr, @message' testdata/cwlogs/export | sed 's|testdata/cwlogs/export/.*/000000|000000|'
> [
> {"@ptr":"000000.gz:9","@message":"[ERROR] stack trace follows\n    at handler (/var/task/index.js:10:11)\n    at process (node:internal/process:1:1)"}
> ]

### JSON in a message, and the first JSON fragment of a Lambda application line
# checked: line 3's message ends with {"event":"order","orderId":"A-1","amount":12.5}; line 8's with
#   Invoke Error {"errorType":"Error","errorMessage":"upstream slow"}; the stream name is a Lambda one
$ trailq 'filter ispresent(orderId) or ispresent(errorType) | fields @requestId, orderId, amount, errorType, errorMessage | sort @requestId' testdata/cwlogs/export
> @requestId	orderId	amount	errorType	errorMessage
> 11111111-1111-4111-8111-111111111111	A-1	12.5		
> 44444444-4444-4444-8444-444444444444			Error	upstream slow

### plain export lines: a JSON message yields fields (mixed/000000.gz, three lines)
# checked: zcat testdata/mixed/000000.gz: 08:00:00 "GET /a 200", 08:00:01 {"status":500,"path":"/b"},
#   1709280002000 = 08:00:02 "GET /c 404"
$ trailq 'fields @timestamp, @message, status, path | sort @timestamp' testdata/mixed/000000.gz
> @timestamp	@message	status	path
> 2024-03-01 08:00:00.000	GET /a 200		
> 2024-03-01 08:00:01.000	{"status":500,"path":"/b"}	500	/b
> 2024-03-01 08:00:02.000	GET /c 404		

### bad input: a first line that is not `<timestamp> <message>` is reported; the rest is read
# checked: by hand
$ printf 'junk first\n2024-03-01T10:00:00Z ok\n  continued\n1709287201000 {"k":"v"}\n' | trailq -t export -o jsonl 'fields @ptr, @timestamp, @message, k | sort @ptr' -
> {"@ptr":"-:2","@timestamp":"2024-03-01 10:00:00.000","@message":"ok\n  continued"}
> {"@ptr":"-:4","@timestamp":"2024-03-01 10:00:01.000","@message":"{\"k\":\"v\"}","k":"v"}
! trailq: -:1: not an export line (expected '<timestamp> <message>')
! trailq: 1 input read with errors, 1 record skipped
? 1

### an export whose messages are mostly continuation lines (Python tracebacks) is still an export
# checked: python3 -c 'import sys,re; t=open(sys.argv[1]).read(); print(len(re.findall(r"^\d{4}-\d\d-\d\dT[\d:.]{12}Z ", t, re.M)), t.count("\n"))'
#   on the file gives 3 events in 12 lines; it was read as text, 9 events, one per unindented line
$ printf '%s [ERROR] failed\nTraceback (most recent call last):\n  File "app.py", line 3, in handler\nValueError: bad\n' 2024-03-01T10:00:00.000Z 2024-03-01T10:00:01.000Z 2024-03-01T10:00:02.000Z > "$TMPDIR/tracebacks.log"; \
$ trailq -o jsonl 'fields @ptr, @message | sort @timestamp' "$TMPDIR/tracebacks.log" | sed "s|$TMPDIR/||"; trailq --files "$TMPDIR/tracebacks.log" | cut -f2
> {"@ptr":"tracebacks.log:1","@message":"[ERROR] failed\nTraceback (most recent call last):\n  File \"app.py\", line 3, in handler\nValueError: bad"}
> {"@ptr":"tracebacks.log:5","@message":"[ERROR] failed\nTraceback (most recent call last):\n  File \"app.py\", line 3, in handler\nValueError: bad"}
> {"@ptr":"tracebacks.log:9","@message":"[ERROR] failed\nTraceback (most recent call last):\n  File \"app.py\", line 3, in handler\nValueError: bad"}
> type
> export
