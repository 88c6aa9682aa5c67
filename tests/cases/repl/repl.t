# The interactive mode needs a terminal: script(1) gives it one. TERM=dumb
# keeps readline from sending terminal control sequences. What the terminal
# echoes before trailq starts reading is dropped with sed.

### REPL: a query over two lines, .help on a function, an error, .format, .quit
# checked: counts against jq over testdata/AWSLogs (Decrypt 178, DescribeRouteTables 163,
# GetUser 130: zcat ... | jq -r '.Records[].eventName' | sort | uniq -c | sort -rn | head -3)
$ printf 'stats count(*) as n by eventName |\nsort n desc | limit 3\n.help count\nstats bogus(x)\n.format tsv\nfilter eventName = "GetUser" | stats count(*) as n\n.quit\n' | TERM=dumb COLUMNS=80 script -qec "trailq testdata/AWSLogs" /dev/null | tr -d '\r' | sed -n '/events loaded/,$p'
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n by eventName |
>    ...> sort n desc | limit 3
> eventName              n
> -------------------  ---
> Decrypt              178
> DescribeRouteTables  163
> GetUser              130
> 3 rows (2,900 events scanned)
> trailq> .help count
> count(*) | count() | count(field)
>   Number of events, or of events where the field is present
> trailq> stats bogus(x)
> trailq: query error at 1:7: unknown function 'bogus'
>   stats bogus(x)
>         ^^^^^
> trailq> .format tsv
> trailq> filter eventName = "GetUser" | stats count(*) as n
> n
> 130
> 1 row (2,900 events scanned)
> trailq> .quit

### REPL: history is saved to TRAILQ_HISTORY, each entry after a timestamp line
$ printf 'stats count(*) as n\n.quit\n' | TERM=dumb TRAILQ_HISTORY=$TMPDIR/hist script -qec "trailq testdata/shapes/events.jsonl" /dev/null >/dev/null; sed 's/^#[0-9][0-9]*$/#TIME/' $TMPDIR/hist; rm $TMPDIR/hist
> #TIME
> stats count(*) as n
> #TIME
> .quit

### REPL: .tz, .timer, .chart and .pager show their setting alone and change it with a value
# checked: 2024-03-10T06:59:59Z is 07:59:59+01:00 in Paris (python3 zoneinfo); one event per name
#   (testdata/hand/dst.jsonl); the status line says the rows and the events, and the time only after
#   .timer on (replaced by T here); bars on 60 columns: 60 - 19 (label) - 1 (value) - 4 = 36, and
#   without keys 60 - 1 - 1 - 4 = 54
$ printf '.tz\n.tz Europe/Paris\n.tz\nfields @timestamp | sort @timestamp asc | limit 1\n.tz Mars/X\n.timer\n.timer maybe\n.chart on\nstats count(*) as n by eventName | limit 2\n.chart\n.timer on\nstats count(*) as n\n.pager off\n.pager\n.quit\n' | TERM=dumb COLUMNS=60 script -qec "trailq -o tsv testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | sed -n '/events loaded/,$p' | sed -E 's/in [0-9]+\.[0-9]+ s\)/in T s)/'
> trailq: 4 events loaded. Type .help for help, .quit to leave.
> trailq> .tz
> tz: UTC
> trailq> .tz Europe/Paris
> trailq> .tz
> tz: Europe/Paris
> trailq> fields @timestamp | sort @timestamp asc | limit 1
> @timestamp
> 2024-03-10 07:59:59.000+01:00
> 1 row (4 events scanned)
> trailq> .tz Mars/X
> unknown time zone 'Mars/X' (an IANA name such as Europe/Paris, local, UTC, or an offset such as +02:00)
> trailq> .timer
> timer: off
> trailq> .timer maybe
> invalid value 'maybe' for timer (expected one of: on off)
> trailq> .chart on
> trailq> stats count(*) as n by eventName | limit 2
> n by eventName
> AfterSpringForward  |#################################### 1
> BeforeSpringForward |#################################### 1
> 2 rows (4 events scanned)
> trailq> .chart
> chart: on
> trailq> .timer on
> trailq> stats count(*) as n
> n by (all events)
>   |###################################################### 4
> 1 row (4 events scanned in T s)
> trailq> .pager off
> trailq> .pager
> pager: off
> trailq> .quit

### REPL: a table taller than the terminal goes through the pager, until .pager off
# checked: by hand: 6 lines (header, rule, 4 rows) on a 5-line terminal
$ printf 'fields eventName | sort @timestamp asc\n.pager off\nfields eventName | sort @timestamp asc\n.quit\n' | TERM=dumb TRAILQ_PAGER='sed s/^/P:/' script -qec "stty rows 5 cols 60; trailq testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | sed -n '/events loaded/,$p'
> trailq: 4 events loaded. Type .help for help, .quit to leave.
> trailq> fields eventName | sort @timestamp asc
> P:eventName
> P:-------------------
> P:BeforeSpringForward
> P:AfterSpringForward
> P:FirstOneThirty
> P:SecondOneThirty
> 4 rows (4 events scanned)
> trailq> .pager off
> trailq> fields eventName | sort @timestamp asc
> eventName
> -------------------
> BeforeSpringForward
> AfterSpringForward
> FirstOneThirty
> SecondOneThirty
> 4 rows (4 events scanned)
> trailq> .quit

### REPL: .format raw prints each matching event's original line
# checked: grep '"ok":false' testdata/hand/dst.jsonl is this one line
$ printf '.format raw\nfilter ok = false\n.quit\n' | TERM=dumb script -qec "trailq testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | sed -n '/events loaded/,$p'; grep -c '"ok":false' testdata/hand/dst.jsonl
> trailq: 4 events loaded. Type .help for help, .quit to leave.
> trailq> .format raw
> trailq> filter ok = false
> {"eventTime":"2024-03-10T07:00:00Z","eventName":"AfterSpringForward","ok":false,"tags":["c"]}
> 1 row (4 events scanned)
> trailq> .quit
> 1

### REPL: .help on the commands of issue 12, from the one command table
# checked: the syntax and help lines of query/funcs.c's commands table
$ printf '.help pattern\n.help sessionize\n.help diff\n.quit\n' | TERM=dumb COLUMNS=80 script -qec "trailq testdata/lang/sessions.jsonl" /dev/null | tr -d '\r' | sed -n '/events loaded/,$p'
> trailq: 9 events loaded. Type .help for help, .quit to leave.
> trailq> .help pattern
> pattern expr
>   Cluster the values into patterns: @pattern, @ratio, @sampleCount, @severityLabel
> trailq> .help sessionize
> sessionize field, ... [maxspan period] [as name]
>   Number each key's events into sessions split by gaps longer than maxspan (30m)
> trailq> .help diff
> diff [previousDay|previousWeek|previousMonth]
>   Patterns of @message now and in an earlier range of the same length
> trailq> .quit
