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
# checked: one event at 2022-01-14 21:18:31 UTC; hours shifted by 30 s start at hh:00:30
$ trailq -o tsv 'stats count(*) by bin(1h) offset 30s' testdata/lang/one.jsonl
> bin(1h)	count(*)
> 2022-01-14 21:00:30.000	1

### every unsupported command is refused by name, at any position, in any case
# checked: the list of refused commands in trailq(1) QUERY LANGUAGE
$ for c in pattern anomaly diff unmask filterIndex SOURCE lookup join addtotals autoregress logcompare filldown fillmissing cidrlookup outlier accum appendcols sessionize countFrequent count_frequent relevantfields expand search; do \
$   trailq "fields s | $c x" testdata/lang/one.jsonl 2>&1 | head -n 1; echo "exit ${PIPESTATUS[0]}"; done
> trailq: query error at 1:12: 'pattern' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'anomaly' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'diff' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'unmask' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'filterIndex' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'SOURCE' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'lookup' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'join' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'addtotals' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'autoregress' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'logcompare' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'filldown' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'fillmissing' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'cidrlookup' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'outlier' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'accum' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'appendcols' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'sessionize' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'countFrequent' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'count_frequent' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'relevantfields' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'expand' is not supported by trailq
> exit 2
> trailq: query error at 1:12: 'search' is not supported by trailq
> exit 2

### an unsupported first command, in capitals, with its caret
$ trailq 'PATTERN @message' testdata/lang/one.jsonl
! trailq: query error at 1:1: 'PATTERN' is not supported by trailq
!   PATTERN @message
!   ^^^^^^^
? 2

### SOURCE logGroups(...) is refused
$ trailq 'SOURCE logGroups(namePrefix: ["a"]) | fields x' testdata/lang/one.jsonl
! trailq: query error at 1:1: 'SOURCE' is not supported by trailq
!   SOURCE logGroups(namePrefix: ["a"]) | fields x
!   ^^^^^^
? 2

### join is refused
$ trailq 'join left=a right=b where a.x = b.x (SOURCE "g")' testdata/lang/one.jsonl
! trailq: query error at 1:1: 'join' is not supported by trailq
!   join left=a right=b where a.x = b.x (SOURCE "g")
!   ^^^^
? 2

### subqueries after in are refused
$ trailq 'filter x in (SOURCE "g" | fields x)' testdata/lang/one.jsonl
! trailq: query error at 1:13: subqueries are not supported by trailq; use a [list] after 'in'
!   filter x in (SOURCE "g" | fields x)
!               ^
? 2

### parse logfmt and parse csv are refused
$ trailq 'parse @message logfmt as lf' testdata/lang/one.jsonl; trailq 'parse @message csv as a, b' testdata/lang/one.jsonl
! trailq: query error at 1:16: parse logfmt is not supported by trailq
!   parse @message logfmt as lf
!                  ^^^^^^
! trailq: query error at 1:16: parse csv is not supported by trailq
!   parse @message csv as a, b
!                  ^^^
? 2

### the unsupported-command error comes before any input is read
# checked: the path does not exist; the query error is all that is reported
$ trailq 'anomaly' testdata/lang/no-such-file.jsonl
! trailq: query error at 1:1: 'anomaly' is not supported by trailq
!   anomaly
!   ^^^^^^^
? 2
