# --db FILE in its basic form (trailq(1)): the index is kept in FILE; a later
# run with --db and no PATH queries it without reading any input; the same
# inputs are not read twice; a changed input is read again. Each case uses
# its own files under $TMPDIR (shared by all cases of a run).

### build the index, then query it with no PATH even after the input is gone
# checked: 5 events in events.jsonl (jq -c . | wc -l)
$ rm -rf "$TMPDIR/db1" && mkdir "$TMPDIR/db1" && cp testdata/shapes/events.jsonl "$TMPDIR/db1/e.jsonl" && trailq --db "$TMPDIR/db1/i.db" 'stats count(*) as n' "$TMPDIR/db1/e.jsonl" && rm "$TMPDIR/db1/e.jsonl" && trailq --db "$TMPDIR/db1/i.db" 'stats count(*) as n, count_distinct(eventID) as ids'
> n
> 5
> n	ids
> 5	5

### with --db and no PATH, standard input is not read (the index is queried as it is)
# checked: trailq(1), --db: with no PATH the index is queried as it is; stdin holds 5 more events
$ rm -rf "$TMPDIR/db2" && mkdir "$TMPDIR/db2" && trailq --db "$TMPDIR/db2/i.db" 'stats count(*) as n' testdata/shapes/single-event.json >/dev/null && trailq --db "$TMPDIR/db2/i.db" 'stats count(*) as n' < testdata/shapes/bare-array.json
> n
> 1

### re-running with the same inputs reads nothing new: the count does not double
# checked: 5 + 2 events (events.jsonl, concatenated.json), three times
$ rm -rf "$TMPDIR/db3" && mkdir "$TMPDIR/db3" && for i in 1 2 3; do trailq --db "$TMPDIR/db3/i.db" 'stats count(*) as n' testdata/shapes/events.jsonl testdata/shapes/concatenated.json | tail -1; done
> 7
> 7
> 7

### a new input is added to the index; the old ones stay (a query with PATH sees only its sources, one without sees all)
# checked: 5 (events.jsonl) + 1 (single-event.json)
$ rm -rf "$TMPDIR/db4" && mkdir "$TMPDIR/db4" && trailq --db "$TMPDIR/db4/i.db" 'stats count(*) as n' testdata/shapes/events.jsonl >/dev/null && trailq --db "$TMPDIR/db4/i.db" 'stats count(*) as n by @log' testdata/shapes/single-event.json && trailq --db "$TMPDIR/db4/i.db" 'stats count(*) as n by @log'
> @log	n
> testdata/shapes/single-event.json	1
> @log	n
> testdata/shapes/events.jsonl	5
> testdata/shapes/single-event.json	1

### a changed input is read again, replacing its old events (5, then 5 + 1, not 11)
# checked: single-event.json appended to a copy of events.jsonl adds one event
$ rm -rf "$TMPDIR/db5" && mkdir "$TMPDIR/db5" && cp testdata/shapes/events.jsonl "$TMPDIR/db5/e.jsonl" && cd "$TMPDIR/db5" && trailq --db i.db 'stats count(*) as n' e.jsonl | tail -1 && cat "$OLDPWD/testdata/shapes/single-event.json" >> e.jsonl && trailq --db i.db 'stats count(*) as n' e.jsonl | tail -1 && trailq --db i.db 'stats count(*) as n, count_distinct(eventID) as ids' | tail -1
> 5
> 6
> 6	5
! trailq: note: 1 source of i.db replaced: its file changed since it was loaded

### a file touched (same size, new time) is read again, not added twice
# checked: still 5 events
$ rm -rf "$TMPDIR/db6" && mkdir "$TMPDIR/db6" && cp testdata/shapes/events.jsonl "$TMPDIR/db6/e.jsonl" && trailq --db "$TMPDIR/db6/i.db" 'stats count(*) as n' "$TMPDIR/db6/e.jsonl" | tail -1 && touch -d '2030-01-01 00:00:00' "$TMPDIR/db6/e.jsonl" && trailq --db "$TMPDIR/db6/i.db" 'stats count(*) as n' "$TMPDIR/db6/e.jsonl" | tail -1
> 5
> 5

### the index answers every query: fields, filters, --fields
# checked: 2 DescribeDBSnapshots among the 5 events (jq); natural order puts "52a2..." before "0670..." (a 2-digit run
# before a 4-digit one); 23 leaves are in all 5 records (jq paths, uniq -c) + 5 system fields = 28 fields with 5 events
$ rm -rf "$TMPDIR/db7" && mkdir "$TMPDIR/db7" && trailq --db "$TMPDIR/db7/i.db" 'stats count(*)' testdata/shapes/events.jsonl >/dev/null && trailq --db "$TMPDIR/db7/i.db" 'filter eventName = "DescribeDBSnapshots" | fields eventID | sort eventID' && trailq --db "$TMPDIR/db7/i.db" --fields | grep -c '	5	'
> eventID
> 52a2921f-683b-4c64-91d6-a62edb999543
> 0670b8d5-8a8f-466d-82f0-bbeaae7d68f9
> 28

### --db in a place that cannot be written: nothing can be done, status 3
# checked: trailq(1), EXIT STATUS (3: index or I/O failure)
$ trailq --db /nonexistent-dir/trailq-index.db 'stats count(*)' testdata/shapes/events.jsonl
! trailq: cannot open index /nonexistent-dir/trailq-index.db: No such file or directory
? 3

### --db naming a file that is not an index: status 3, the file left as it was
# checked: cmp against the original
$ cp testdata/shapes/events.jsonl "$TMPDIR/not-an-index" && cd "$TMPDIR" && trailq --db not-an-index 'stats count(*)' "$OLDPWD/testdata/shapes/single-event.json"; echo $?; cmp not-an-index "$OLDPWD/testdata/shapes/events.jsonl" && echo unchanged
> 3
> unchanged
! trailq: not-an-index is not a trailq index (not an SQLite database); it was left as it is: give --db a new file name

### --db: the newest-first "limit N" reads the time index instead of sorting every event
# checked: SQLite's plan names the index tq_time and no temporary B-tree for the ORDER BY; the newest eventTime
# of the 5 events (jq: sort_by(.eventTime) | last) is 2023-07-10T12:21:02Z
$ rm -rf "$TMPDIR/db8" && mkdir "$TMPDIR/db8" && trailq --db "$TMPDIR/db8/i.db" 'stats count(*)' testdata/shapes/events.jsonl >/dev/null && trailq --db "$TMPDIR/db8/i.db" --explain 'fields eventName | limit 2' | grep -c -e 'tq_time' -e 'TEMP B-TREE FOR ORDER BY'; trailq --db "$TMPDIR/db8/i.db" -o tsv 'fields @timestamp | limit 1'
> 1
> @timestamp
> 2023-07-10 12:21:02.000
