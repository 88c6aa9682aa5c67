# A directory mixing every input type, read in one run, each file detected
# by its content (docs/language.md#inputs) — the names in testdata/mixed are deliberately no
# help: a flow log called "flows", a payload called "payload", JSON lines in
# "events.log", syslog text in "records.json". What each file holds is in
# SOURCES.md; the counts below are read off the files by hand.

### one run over the directory: events per file, and fields only the right reader gives
# checked: by hand: export 000000.gz 3 lines (one JSON message with "status"); CloudTrail file 1 record
#   (zcat | jq '.Records | length'; the S3 name gives @ingestionTime); events.log 7 JSON lines with
#   "level"; flows 2 records; function.log 12 lines, 3 of them joined to their line before (indented),
#   6 START/END/REPORT, 1 JSON line with "level"; page.json 4 events with ingestionTime, 2 JSON
#   messages with "level"; payload 2 flow records; records.json 2 syslog lines. The file comes from
#   @ptr (PATH:N): @log of a subscription payload is owner:logGroup
$ trailq 'parse @ptr /^(?<file>.*):[0-9]+$/ | stats count(*) as n, count(eventName) as ct, count(@ingestionTime) as ing, count(srcAddr) as vpc, count(@type) as lam, count(level) as lvl, count(status) as st by file | sort file' testdata/mixed
> file	n	ct	ing	vpc	lam	lvl	st
> testdata/mixed/000000.gz	3	0	0	0	0	0	1
> testdata/mixed/218007301253_CloudTrail_us-east-1_20230710T1235Z_Vp7r3boWJKtPb3wM.json.gz	1	1	1	0	0	0	0
> testdata/mixed/events.log	7	0	0	0	0	7	0
> testdata/mixed/flows	2	0	0	2	0	0	0
> testdata/mixed/function.log	10	0	0	0	6	1	0
> testdata/mixed/page.json	4	0	4	0	0	2	0
> testdata/mixed/payload	2	0	0	2	0	0	0
> testdata/mixed/records.json	2	0	0	0	0	0	0
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time

### each file reads exactly as it does when its type is forced with -t
# checked: in the command (events and field list compared, auto against -t TYPE; the expected type of
#   each file is from SOURCES.md)
$ for p in 000000.gz:export 218007301253_CloudTrail_us-east-1_20230710T1235Z_Vp7r3boWJKtPb3wM.json.gz:cloudtrail events.log:jsonl flows:vpcflow function.log:lambda page.json:cwlogs payload:cwlogs records.json:text; do f=testdata/mixed/${p%%:*}; t=${p##*:}; if cmp -s <(trailq -o jsonl 'fields @timestamp, @message, @logStream' $f; trailq --fields $f) <(trailq -t $t -o jsonl 'fields @timestamp, @message, @logStream' $f; trailq -t $t --fields $f); then echo "$t ok"; else echo "$t DIFFERS: ${p%%:*}"; fi; done
> export ok
> cloudtrail ok
> jsonl ok
> vpcflow ok
> lambda ok
> cwlogs ok
> cwlogs ok
> text ok
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time

### ... and a wrong type forced with -t does read differently (so the check above can fail)
# checked: by hand: page.json read as text has no JSON fields and no ingestion times (as cwlogs: 2 and 4)
$ trailq -t text 'stats count(*) as n, count(level) as lvl, count(@ingestionTime) as ing' testdata/mixed/page.json
> n	lvl	ing
> 4	0	0
! trailq: note: 4 events in 1 input had no time of their own: their @timestamp is the file's modification time

### a file that is no log at all beside them: reported, the others read, exit status 1
# checked: testdata/bad/junk.bin is binary; 31 events in testdata/mixed (the sum of the first case)
$ trailq 'stats count(*) as n' testdata/mixed testdata/bad/junk.bin
> n
> 31
! trailq: testdata/bad/junk.bin: cannot tell what kind of log this is (use -t TYPE to say)
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time
! trailq: 1 of 9 inputs could not be read
? 1

### every test data directory of these readers in one run, with CloudTrail beside them
# checked: the sums of the per-type cases: cwlogs/ 47 (export 14, awslogs 4, filter-log-events 4,
#   get-log-events 2, subscription 2, bad-event 2, cloudtrail-subscription 5, datadog/ 8, otel/ 6: jq
#   -s 'map(select(.messageType=="DATA_MESSAGE") | .logEvents | length) | add' per file); lambda/ 72
#   (3 + 4 + 19 + 10 + 3, and json-format* 11 + 11 + 11); vpcflow/ 31 (18 + 2 + 3 + 2 + 1 + 2 + 1 + 2); text/ 43 (access 3, epoch-nul 5, lineends 4,
#   stacktrace 5, syslog 4, app.jsonl 11, styles 8, brackets 3); mixed/ 31; AWSLogs 2900 (inputs/shapes.t)
$ trailq 'stats count(*) as n' testdata/cwlogs testdata/lambda testdata/vpcflow testdata/text testdata/mixed testdata/AWSLogs 2>/dev/null
> n
> 3124
? 1
