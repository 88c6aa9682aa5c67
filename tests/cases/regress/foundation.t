# Bugs found by the foundation tests (issue 2), fixed since: regression cases.

### fields: an alias defined earlier in the same fields command can be used (was: internal SQL error, exit 3)
# checked: jq -c 'select(.eventName == "ListBuckets") | .additionalEventData.bytesTransferredOut' = 6322; 6322/1000 = 6.322.
# Reference §3.4 allows reusing an earlier alias in the same stats (trailq does that); fields should too, and an
# "internal error: the compiled SQL does not prepare: no such column: v1" is never a right answer (query errors are exit 2).
# Two separate fields commands give the expected row today (see tests/cases/core/project.t).
$ trailq -o jsonl 'filter eventName = "ListBuckets" | fields additionalEventData.bytesTransferredOut as out, out / 1000 as kb | limit 1' testdata/AWSLogs
> {"out":6322,"kb":6.322}

### a huge line (one 300 MB record) in a regular file is reported and skipped as on standard input (was: read whole, 1.5 GB RSS, status 0)
# checked: the same bytes through standard input give "-:3: record 3: longer than 256 MiB", 5 records and
# status 1 (tests/cases/errors/input.t); a file must not behave differently, and parsers/input.h promises that memory
# does not grow with the input. Measured now: /usr/bin/time shows maxrss about 1.5 GB and 11 s for this file, 6 records.
$ { head -2 testdata/shapes/events.jsonl; jq -c . testdata/shapes/single-event.json | sed 's/}$/,"padding":"/' | tr -d '\n'; head -c 300000000 /dev/zero | tr '\0' a; printf '"}\n'; tail -3 testdata/shapes/events.jsonl; } > "$TMPDIR/huge.jsonl"; cd "$TMPDIR" && trailq 'stats count(*) as n' huge.jsonl; status=$?; rm -f huge.jsonl; exit $status
> n
> 5
! trailq: huge.jsonl:3: record 3: longer than 256 MiB
! trailq: 1 input read with errors, 1 record skipped
? 1
