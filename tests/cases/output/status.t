# The status line (trailq(1), OUTPUT): after a query, when standard error
# is a terminal, one line on it says how many rows came out, how many
# events the query looked at and how long it took. The time varies, so
# each case replaces it with T. Terminal cases run trailq under script(1).
# testdata/hand/dst.jsonl has 4 events, 3 of them with ok = true (grep -c).

### rows, events scanned and the time, after the rows
$ script -qec "trailq -o tsv 'filter ok = true | fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | sed -E 's/in [0-9]+\.[0-9]+ s\)/in T s)/'
> eventName
> BeforeSpringForward
> FirstOneThirty
> SecondOneThirty
> 3 rows (4 events scanned in T s)

### no rows is said
$ script -qec "trailq -o tsv 'filter ok = 3' testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | sed -E 's/in [0-9]+\.[0-9]+ s\)/in T s)/'
> @timestamp	@message
> 0 rows (4 events scanned in T s)

### one row is a row
$ script -qec "trailq -o tsv 'stats count(*) as n' testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | sed -E 's/in [0-9]+\.[0-9]+ s\)/in T s)/'
> n
> 4
> 1 row (4 events scanned in T s)

### counts are grouped by thousands
# checked: 2900 events in the invictus logs (jq '.Records | length' summed over the files)
$ script -qec "trailq -o tsv 'stats count(*) as n' testdata/AWSLogs" /dev/null | tr -d '\r' | sed -E 's/in [0-9]+\.[0-9]+ s\)/in T s)/'
> n
> 2900
> 1 row (2,900 events scanned in T s)

### results into a file, messages to the terminal: the status line is still shown
$ script -qec "trailq -o tsv 'stats count(*) as n' testdata/hand/dst.jsonl > $TMPDIR/n.tsv" /dev/null | tr -d '\r' | sed -E 's/in [0-9]+\.[0-9]+ s\)/in T s)/'; cat $TMPDIR/n.tsv
> 1 row (4 events scanned in T s)
> n
> 4

### stderr not a terminal: no status line
$ trailq -o tsv 'stats count(*) as n' testdata/hand/dst.jsonl 2>&1
> n
> 4

### a failed query gets its error, not a status line
$ script -qec "trailq -o tsv 'filter nosuchfunc(ok)' testdata/hand/dst.jsonl" /dev/null | tr -d '\r'
> trailq: query error at 1:8: unknown function 'nosuchfunc'
>   filter nosuchfunc(ok)
>          ^^^^^^^^^^
