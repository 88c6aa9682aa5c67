# Query errors: queries Insights documents as wrong (each with
# its message and caret), and the commands trailq does not support, which
# must fail loudly with exit 2 and a message naming the command (issue 3
# item 6, docs/language.md#refused-commands), never run as a silent no-op.

### §8 negative 1: the second stats references a field the first did not produce
$ trailq 'FIELDS @message | STATS SUM(Fault) by Operation | STATS MAX(strlen(@message))' testdata/lang/one.jsonl
! trailq: query error at 1:68: unknown field '@message': after stats only the stats results exist
!   FIELDS @message | STATS SUM(Fault) by Operation | STATS MAX(strlen(@message))
!                                                                      ^^^^^^^^
? 2

### §8 negative 2: bin in the second stats without a timestamp
$ trailq 'FIELDS strlen(@message) AS l | STATS sum(l) AS b BY @logStream | STATS avg(b) BY bin(5m)' testdata/lang/one.jsonl
! trailq: query error at 1:82: bin() needs @timestamp, which the first stats did not produce (keep it with max(@timestamp) as @t and use datefloor(@t, 5m))
!   FIELDS strlen(@message) AS l | STATS sum(l) AS b BY @logStream | STATS avg(b) BY bin(5m)
!                                                                                    ^^^^^^^
? 2

### §8 negative 3: sort before the second stats
$ trailq 'stats count(*) by x | sort x | stats count(*)' testdata/lang/one.jsonl
! trailq: query error at 1:23: sort must come after the second stats
!   stats count(*) by x | sort x | stats count(*)
!                         ^^^^
? 2

### §8 negative 4: anything but limit after dedup
$ trailq 'sort @timestamp desc | dedup server | sort server' testdata/lang/one.jsonl
! trailq: query error at 1:39: only limit may follow dedup
!   sort @timestamp desc | dedup server | sort server
!                                         ^^^^
? 2

### §8 negative 5: an ephemeral field redefined
$ trailq 'parse @message "a=*" as v | fields v as v' testdata/lang/one.jsonl
! trailq: query error at 1:41: field 'v' is already defined (at 1:25)
!   parse @message "a=*" as v | fields v as v
!                                           ^
? 2

### §8 negative 6: offset without a bin key fails ...
$ trailq 'stats count(*) by x offset 30s' testdata/lang/one.jsonl
! trailq: query error at 1:28: offset needs a bin() among the by keys
!   stats count(*) by x offset 30s
!                              ^^^
? 2

### §8 negative 6: ... while offset after by bin(1h) is fine
# checked: one event at 2022-01-14 21:18:31 UTC; 30 s later it is still in
# the hour of 21:00, which is its label
$ trailq -o tsv 'stats count(*) by bin(1h) offset 30s' testdata/lang/one.jsonl
> bin(1h)	count(*)
> 2022-01-14 21:00:00.000	1

### every unsupported command is refused by name, at any position, in any case
# checked: the list of refused commands in trailq(1) QUERY LANGUAGE
$ for c in unmask filterIndex SOURCE search; do \
$   trailq "fields s | $c x" testdata/lang/one.jsonl 2>&1 | head -n 1; echo "exit ${PIPESTATUS[0]}"; done
> trailq: query error at 1:12: 'unmask' is not supported by trailq: it reveals what a CloudWatch data-protection policy masked, and nothing masks local files
> exit 2
> trailq: query error at 1:12: 'filterIndex' is not supported by trailq: it needs the field indexes of a CloudWatch account; use filter
> exit 2
> trailq: query error at 1:12: 'SOURCE' is not supported by trailq: it selects CloudWatch log groups, and trailq reads the files given to it (in a subquery, SOURCE "path" picks inputs by @log)
> exit 2
> trailq: query error at 1:12: 'search' is not supported by trailq: it is the legacy full-text search; use filter @message like "text"
> exit 2

### an unsupported first command, in capitals, with its caret
$ trailq 'UNMASK @message' testdata/lang/one.jsonl
! trailq: query error at 1:1: 'UNMASK' is not supported by trailq: it reveals what a CloudWatch data-protection policy masked, and nothing masks local files
!   UNMASK @message
!   ^^^^^^
? 2

### SOURCE logGroups(...) is refused
$ trailq 'SOURCE logGroups(namePrefix: ["a"]) | fields x' testdata/lang/one.jsonl
! trailq: query error at 1:1: 'SOURCE' is not supported by trailq: it selects CloudWatch log groups, and trailq reads the files given to it (in a subquery, SOURCE "path" picks inputs by @log)
!   SOURCE logGroups(namePrefix: ["a"]) | fields x
!   ^^^^^^
? 2

### the unsupported-command error comes before any input is read
# checked: the path does not exist; the query error is all that is reported
$ trailq 'unmask' testdata/lang/no-such-file.jsonl
! trailq: query error at 1:1: 'unmask' is not supported by trailq: it reveals what a CloudWatch data-protection policy masked, and nothing masks local files
!   unmask
!   ^^^^^^
? 2
