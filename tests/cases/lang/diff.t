# diff and logcompare: patterns of @message in a window and in an earlier
# one (trailq(1), QUERY LANGUAGE; docs/language.md#diff-and-logcompare;
# issue 12 item 3). Inputs, written by hand: testdata/lang/diff.log, six
# events on 2024-06-01 and nine on 2024-06-02 (from 00:00:00.000 on the
# first day to 23:59:59.999 on the second), and testdata/lang/diff-old.log,
# one event on 2024-05-26 (a week before) and one on 2024-05-02 (a month
# before).
#
#   2024-06-01: user alice logged in x3, GET /index 200 x2, disk full on /data
#   2024-06-02: user bob x2 and carol x1 logged in, GET /index 200 x4,
#               connection reset by peer x2

### diff previousDay: 2024-06-02 against 2024-06-01
# checked: by hand from the list above: the user lines share a pattern
# (alice, bob, carol vary) with 3 values each day; GET 4 against 2; the
# connection resets are new; disk full is gone. Ratios over the 9 events
# of the current day (4/9, 2/9, 3/9, 0). Largest difference first; GET and
# connection tie at +2 and keep the pattern order (most values first).
$ trailq -o tsv --start 2024-06-02 --end 2024-06-03 'diff previousDay' testdata/lang/diff.log testdata/lang/diff-old.log
> @pattern	@ratio	@sampleCount	@previousSampleCount	@difference	@severityLabel
> GET /index <Number-1>	0.4444444444444444	4	2	2	Unknown
> connection reset by peer	0.2222222222222222	2	0	2	Unknown
> user <Token-1> logged in	0.3333333333333333	3	3	0	Unknown
> disk full on /data	0	0	1	-1	Unknown

### diff: the window before, of the same length, is the same day here
$ trailq -o tsv --start 2024-06-02 --end 2024-06-03 'diff' testdata/lang/diff.log testdata/lang/diff-old.log | cut -f 1,3,4
> @pattern	@sampleCount	@previousSampleCount
> GET /index <Number-1>	4	2
> connection reset by peer	2	0
> user <Token-1> logged in	3	3
> disk full on /data	0	1

### diff without --start and --end: the second half of the data's range against the first
# checked: by hand: diff.log runs from 06-01 00:00:00.000 to 06-02
# 23:59:59.999, so the halves are the two days, as in the first case
$ trailq -o tsv 'diff' testdata/lang/diff.log | cut -f 1,3,4,5
> @pattern	@sampleCount	@previousSampleCount	@difference
> GET /index <Number-1>	4	2	2
> connection reset by peer	2	0	2
> user <Token-1> logged in	3	3	0
> disk full on /data	0	1	-1

### only --start: the data's last timestamp ends the window
# checked: by hand: [06-02 00:00, 06-02 23:59:59.999] and the day before
$ trailq -o tsv --start 2024-06-02 'diff | display @pattern, @previousSampleCount' testdata/lang/diff.log
> @pattern	@previousSampleCount
> GET /index <Number-1>	2
> connection reset by peer	0
> user <Token-1> logged in	3
> disk full on /data	1

### diff previousWeek and previousMonth
# checked: by hand: the week before 06-02 is 05-26 (backup done), the month
# before is 05-02 (monthly report sent)
$ for m in previousWeek previousMonth; do trailq -o tsv --start 2024-06-02 --end 2024-06-03 "diff $m | filter @previousSampleCount > 0 | display @pattern, @previousSampleCount" testdata/lang/diff.log testdata/lang/diff-old.log; done
> @pattern	@previousSampleCount
> backup done	1
> @pattern	@previousSampleCount
> monthly report sent	1

### previousMonth is a calendar month; a day past the month's end is its last day
# checked: by hand: 2024-03-31 back one month is 2024-02-29 (leap year);
# the one event of the month before is in the window only by that rule.
# (Read as plain text, @message keeps the line's timestamp.)
$ printf '2024-02-29T12:00:00Z late\n2024-03-31T12:00:00Z now\n' | trailq -o tsv --start 2024-03-31 --end 2024-04-01 'diff previousMonth | display @pattern, @sampleCount, @previousSampleCount'
> @pattern	@sampleCount	@previousSampleCount
> <Timestamp-1> now	1	0
> <Timestamp-1> late	0	1

### logcompare timeshift: the same with any period
$ trailq -o tsv --start 2024-06-02 --end 2024-06-03 'logcompare timeshift 1d | display @pattern, @difference' testdata/lang/diff.log; trailq -o tsv --start 2024-06-02 --end 2024-06-03 'logcompare timeshift 7d | filter @previousSampleCount > 0 | display @pattern' testdata/lang/diff.log testdata/lang/diff-old.log
> @pattern	@difference
> GET /index <Number-1>	2
> connection reset by peer	2
> user <Token-1> logged in	0
> disk full on /data	-1
> @pattern
> backup done

### commands before diff see both windows; a --db index gives the same answer
# checked: by hand: only the GET lines are left, 4 and 2
$ trailq -o tsv --start 2024-06-02 --end 2024-06-03 'filter @message like "GET" | diff previousDay' testdata/lang/diff.log | cut -f 1,3,4; trailq --db "$TMPDIR/d.db" -o tsv 'stats count(*)' testdata/lang/diff.log testdata/lang/diff-old.log; trailq --db "$TMPDIR/d.db" -o tsv --start 2024-06-02 --end 2024-06-03 'filter @message like "GET" | diff previousDay' | cut -f 1,3,4
> @pattern	@sampleCount	@previousSampleCount
> GET /index <Number-1>	4	2
> count(*)
> 17
> @pattern	@sampleCount	@previousSampleCount
> GET /index <Number-1>	4	2

### errors: diff needs events, one diff per query, modifiers, the timeshift
# checked: columns counted by hand
$ trailq 'stats count(*) | diff' testdata/lang/diff.log
! trailq: query error at 1:18: diff compares events: it cannot follow stats or pattern
!   stats count(*) | diff
!                    ^^^^
? 2

### ... a modifier that is not one of the three
$ trailq 'diff yesterday' testdata/lang/diff.log
! trailq: query error at 1:6: unexpected 'yesterday'; expected previousDay, previousWeek, previousMonth or '|'
!   diff yesterday
!        ^^^^^^^^^
? 2

### ... two comparisons
$ trailq 'diff | logcompare timeshift 1d' testdata/lang/diff.log
! trailq: query error at 1:8: a query can have only one diff or logcompare
!   diff | logcompare timeshift 1d
!          ^^^^^^^^^^
? 2

### ... logcompare needs timeshift and a period
$ trailq 'logcompare 1d' testdata/lang/diff.log; trailq 'logcompare timeshift x' testdata/lang/diff.log
! trailq: query error at 1:12: expected timeshift and a time period such as 7d after 'logcompare'
!   logcompare 1d
!              ^^
! trailq: query error at 1:22: expected a time period such as 7d after 'timeshift'
!   logcompare timeshift x
!                        ^
? 2
