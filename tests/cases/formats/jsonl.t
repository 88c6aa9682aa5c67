# JSON lines of any objects (docs/language.md#inputs): @timestamp from the first of
# @timestamp, timestamp, time, eventTime, ts that parses (ISO-8601, epoch
# seconds or milliseconds, as numbers or digit strings); fields as for
# CloudTrail; @ptr = record number; bad lines reported with their line
# number, the rest kept. testdata/text/app.jsonl is hand-made (SOURCES.md);
# its lines are listed with `cat -n`; epoch values converted with
# `date -u -d @N`.

### time keys in order of preference; a record without one has no @timestamp
# checked: by hand: 1709287201 = 10:00:01, 1709287202500 ms = 10:00:02.500, "1709287204" = 10:00:04,
#   record 6: "time" does not parse so "ts" 1709287205 = 10:00:05; 10:00:07+01:00 = 09:00:07 UTC
$ trailq 'fields @ptr, @timestamp, level, msg | sort @ptr' testdata/text/app.jsonl
> @ptr	@timestamp	level	msg
> testdata/text/app.jsonl:1	2024-03-01 10:00:00.000	info	boot
> testdata/text/app.jsonl:2	2024-03-01 10:00:01.000	info	epoch seconds
> testdata/text/app.jsonl:3	2024-03-01 10:00:02.500	warn	epoch millis
> testdata/text/app.jsonl:4	2024-03-01 10:00:03.000	info	eventTime key
> testdata/text/app.jsonl:5	2024-03-01 10:00:04.000	debug	digits in a string
> testdata/text/app.jsonl:6	2024-03-01 10:00:05.000	info	first key that parses wins
> testdata/text/app.jsonl:7		error	no time at all
> testdata/text/app.jsonl:9	2024-03-01 09:00:07.000	info	after the broken one
> testdata/text/app.jsonl:11			
> testdata/text/app.jsonl:12	2024-03-01 10:00:09.000		
> testdata/text/app.jsonl:13	2024-03-01 10:00:10.000	info	pretty-printed
! trailq: testdata/text/app.jsonl:8: record 8: invalid JSON: the object is not closed before the next line that starts one
! trailq: testdata/text/app.jsonl:10: record 10: not JSON: expected '{' or '[', found 'n'
! trailq: testdata/text/app.jsonl:18: record 14: invalid JSON: not a JSON value near 'oops'
! trailq: 1 input read with errors, 3 records skipped
? 1

### two objects on one line, and a pretty-printed object (lines 12-17) compacted in @message
# checked: cat -n app.jsonl: line 11 holds {"a":1} {"a":2,...}; jq -c . on lines 12-17
$ trailq -o jsonl 'filter @ptr like /:1[123]$/ | fields @ptr, a, nested.k.0, @message | sort @ptr' testdata/text/app.jsonl 2>/dev/null
> {"@ptr":"testdata/text/app.jsonl:11","a":1,"@message":"{\"a\":1}"}
> {"@ptr":"testdata/text/app.jsonl:12","a":2,"@message":"{\"a\":2,\"time\":\"2024-03-01T10:00:09Z\"}"}
> {"@ptr":"testdata/text/app.jsonl:13","nested.k.0":1,"@message":"{\"level\":\"info\",\"msg\":\"pretty-printed\",\"time\":\"2024-03-01T10:00:10Z\",\"nested\":{\"k\":[1,{\"x\":null}]}}"}
? 1

### the field list: kinds of JSON values, arrays as numbered paths, null missing
# checked: by hand from the 11 good records (level in 8, msg in 8, tags.0/.1 in record 3, ok false in
#   record 7, nested.k.1.x is null so only nested.k.0; "time" is a number in record 3 and a string in
#   4 others; the JSON key "@timestamp" of record 1 is the field @@timestamp, docs/language.md#fields-and-values)
$ trailq --fields testdata/text/app.jsonl 2>/dev/null
> field	events	type
> @timestamp	9	timestamp
> @message	11	string
> @log	11	string
> @logStream	11	string
> @ptr	11	string
> @@timestamp	1	string
> a	2	number
> eventTime	1	string
> level	9	string
> msg	9	string
> nested.k.0	1	number
> ok	1	boolean
> pid	1	number
> tags.0	1	string
> tags.1	1	string
> time	5	string number
> timestamp	1	number
> ts	2	string number
? 1

### a top-level array of objects is a list of records
# checked: by hand
$ printf '[{"ts": 1709287200, "k": "x"},\n {"ts": 1709287201, "k": "y"}]\n' | trailq -t jsonl 'fields @ptr, @timestamp, k' -
> @ptr	@timestamp	k
> -:2	2024-03-01 10:00:01.000	y
> -:1	2024-03-01 10:00:00.000	x

### JSON lines of non-CloudTrail objects are detected as jsonl: the shared invalid line is reported
# checked: testdata/bad/bad-line.jsonl line 2 is {"eventName": oops}
$ trailq 'fields eventName | sort eventName' testdata/bad/bad-line.jsonl
> eventName
> A
> C
! trailq: testdata/bad/bad-line.jsonl:2: record 2: invalid JSON: not a JSON value near 'oops'
! trailq: 1 input read with errors, 1 record skipped
? 1
