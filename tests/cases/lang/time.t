# Time: bin() with every unit and alias of trailq(1) Literals, multiples and
# offset; datefloor, dateceil, fromMillis, toMillis, now(); alignment per
# docs/language.md#time-buckets-and-periods (UTC epoch for ms..d, Monday for weeks, calendar months, quarters
# and years). Week cases are in fixed.t (they found a bug: bin(w) was once
# aligned to the epoch's Thursday).
# testdata/lang/t1.jsonl: one event at 2024-03-15T13:47:29.123Z (a Friday).
# testdata/lang/times.jsonl: eleven events, "i" = 0..10 in file order:
#   0 2024-01-01T00:00:00.000Z   4 2024-01-01T01:30:00.000Z   8 2024-03-31T12:00:00.000Z
#   1 2024-01-01T00:29:59.999Z   5 2024-01-07T23:59:59.999Z   9 2024-04-01T00:00:00.000Z
#   2 2024-01-01T00:30:00.000Z   6 2024-01-08T00:00:00.000Z  10 2024-12-31T23:59:59.999Z
#   3 2024-01-01T01:15:00.000Z   7 2023-12-31T23:59:59.999Z

### bin: every alias of ms, s, m, h, d, mo, q, y (and plurals) on one timestamp
# checked: by hand from 2024-03-15 13:47:29.123: ms keeps it, s drops the
# fraction, m the seconds, h the minutes, d the time, mo -> 03-01, q and y
# -> 01-01; the units' case does not matter (1H, 1MO)
$ for u in ms msec millisecond msecs milliseconds s sec second secs seconds m min minute mins minutes h hr hour hrs hours H Hr d day days D mo mon month mons months MO q qtr quarter qtrs quarters y yr year yrs years; do \
$   printf '%s ' $u; trailq -o tsv "fields bin(1$u) as b" testdata/lang/t1.jsonl | tail -n 1; done
> ms 2024-03-15 13:47:29.123
> msec 2024-03-15 13:47:29.123
> millisecond 2024-03-15 13:47:29.123
> msecs 2024-03-15 13:47:29.123
> milliseconds 2024-03-15 13:47:29.123
> s 2024-03-15 13:47:29.000
> sec 2024-03-15 13:47:29.000
> second 2024-03-15 13:47:29.000
> secs 2024-03-15 13:47:29.000
> seconds 2024-03-15 13:47:29.000
> m 2024-03-15 13:47:00.000
> min 2024-03-15 13:47:00.000
> minute 2024-03-15 13:47:00.000
> mins 2024-03-15 13:47:00.000
> minutes 2024-03-15 13:47:00.000
> h 2024-03-15 13:00:00.000
> hr 2024-03-15 13:00:00.000
> hour 2024-03-15 13:00:00.000
> hrs 2024-03-15 13:00:00.000
> hours 2024-03-15 13:00:00.000
> H 2024-03-15 13:00:00.000
> Hr 2024-03-15 13:00:00.000
> d 2024-03-15 00:00:00.000
> day 2024-03-15 00:00:00.000
> days 2024-03-15 00:00:00.000
> D 2024-03-15 00:00:00.000
> mo 2024-03-01 00:00:00.000
> mon 2024-03-01 00:00:00.000
> month 2024-03-01 00:00:00.000
> mons 2024-03-01 00:00:00.000
> months 2024-03-01 00:00:00.000
> MO 2024-03-01 00:00:00.000
> q 2024-01-01 00:00:00.000
> qtr 2024-01-01 00:00:00.000
> quarter 2024-01-01 00:00:00.000
> qtrs 2024-01-01 00:00:00.000
> quarters 2024-01-01 00:00:00.000
> y 2024-01-01 00:00:00.000
> yr 2024-01-01 00:00:00.000
> year 2024-01-01 00:00:00.000
> yrs 2024-01-01 00:00:00.000
> years 2024-01-01 00:00:00.000

### bin: multiples are honoured exactly, epoch-aligned for ms..d
# checked: python/by hand: epoch ms 1710510449123 floored to multiples of
# 250 ms, 7 s (…:25), 300 s (13:45), 90 min (13:30), 2 d (epoch day 19797 ->
# 19796 = 03-14), 3 d (19797 is a multiple of 3 -> 03-15)
$ for p in 250ms 7s 300s 90m 2d 3d; do printf '%s ' $p; trailq -o tsv "fields bin($p) as b" testdata/lang/t1.jsonl | tail -n 1; done
> 250ms 2024-03-15 13:47:29.000
> 7s 2024-03-15 13:47:25.000
> 300s 2024-03-15 13:45:00.000
> 90m 2024-03-15 13:30:00.000
> 2d 2024-03-14 00:00:00.000
> 3d 2024-03-15 00:00:00.000

### bin: multiples of months, quarters and years count calendar units from 1970-01
# trailq's choice (docs/language.md#time-buckets-and-periods): months since
# 1970-01 floored to a multiple. checked: 2024-03 is month 650 = 2*325 = 5*130
# -> 2024-03; quarter 216 = 2*108 -> 2024-Q1; year offset 54 = 3*18 -> 2024,
# 54 -> 49 for 7 y -> 2019
$ for p in 2mo 5mo 2q 3y 7y; do printf '%s ' $p; trailq -o tsv "fields bin($p) as b" testdata/lang/t1.jsonl | tail -n 1; done
> 2mo 2024-03-01 00:00:00.000
> 5mo 2024-03-01 00:00:00.000
> 2q 2024-01-01 00:00:00.000
> 3y 2024-01-01 00:00:00.000
> 7y 2019-01-01 00:00:00.000

### bin as a stats key: hourly buckets, ascending, empty hours not produced
# checked: by hand from the table above: 00:xx holds i=0,1,2; 01:xx holds 3,4;
# 2023-12-31 23:xx holds 7; the other five are alone in their hours
$ trailq -o tsv 'stats count(*) by bin(1h)' testdata/lang/times.jsonl
> bin(1h)	count(*)
> 2023-12-31 23:00:00.000	1
> 2024-01-01 00:00:00.000	3
> 2024-01-01 01:00:00.000	2
> 2024-01-07 23:00:00.000	1
> 2024-01-08 00:00:00.000	1
> 2024-03-31 12:00:00.000	1
> 2024-04-01 00:00:00.000	1
> 2024-12-31 23:00:00.000	1

### bin: buckets without events are not produced
# minutes.jsonl: 00:00:00, 00:01:30, 00:04:59.999, 00:05:00, 00:09:00, 00:17:00.
# checked: by hand: nothing in [00:10, 00:15), so no row for it
$ trailq -o tsv 'stats count(*) as n by bin(5m) as t | sort t' testdata/lang/minutes.jsonl
> t	n
> 2024-01-01 00:00:00.000	3
> 2024-01-01 00:05:00.000	2
> 2024-01-01 00:15:00.000	1

### bin: months, quarters and years are calendar buckets in UTC
# checked: by hand: Dec 2023 = i7; Jan 2024 = i0..6; Mar = i8; Apr = i9; Dec = i10
$ trailq -o tsv 'stats count(*) by bin(1mo)' testdata/lang/times.jsonl; trailq -o tsv 'stats count(*) by bin(1q)' testdata/lang/times.jsonl; trailq -o tsv 'stats count(*) by bin(1y)' testdata/lang/times.jsonl
> bin(1mo)	count(*)
> 2023-12-01 00:00:00.000	1
> 2024-01-01 00:00:00.000	7
> 2024-03-01 00:00:00.000	1
> 2024-04-01 00:00:00.000	1
> 2024-12-01 00:00:00.000	1
> bin(1q)	count(*)
> 2023-10-01 00:00:00.000	1
> 2024-01-01 00:00:00.000	8
> 2024-04-01 00:00:00.000	1
> 2024-10-01 00:00:00.000	1
> bin(1y)	count(*)
> 2023-01-01 00:00:00.000	1
> 2024-01-01 00:00:00.000	10

### bin ... offset looks back: the bucket labelled T counts the events of T - offset
# checked: by hand: each time plus 30m, floored to the hour: i0, i1, i7 ->
# 2024-01-01 00:00; i2, i3 -> 01:00; i4 -> 02:00; i5, i6 -> 2024-01-08 00:00;
# i8 -> 2024-03-31 12:00; i9 -> 2024-04-01 00:00; i10 -> 2025-01-01 00:00
$ trailq -o tsv 'stats count(*) by bin(1h) offset 30m' testdata/lang/times.jsonl
> bin(1h)	count(*)
> 2024-01-01 00:00:00.000	3
> 2024-01-01 01:00:00.000	2
> 2024-01-01 02:00:00.000	1
> 2024-01-08 00:00:00.000	2
> 2024-03-31 12:00:00.000	1
> 2024-04-01 00:00:00.000	1
> 2025-01-01 00:00:00.000	1

### bin ... offset with an aliased key, sorted descending and limited
# checked: the two latest buckets of the case above
$ trailq -o tsv 'stats count(*) as n by bin(1h) as t offset 30m | sort t desc | limit 2' testdata/lang/times.jsonl
> t	n
> 2025-01-01 00:00:00.000	1
> 2024-04-01 00:00:00.000	1

### bin(1mo) offset 1d: each month counts the events of a day earlier (tq_bin)
# checked: by hand: a day later i0..i7 all fall in January 2024 (i7 is
# 2023-12-31 23:59:59.999), i8 (03-31 12:00) and i9 in April, i10 in 2025
$ trailq -o tsv 'stats count(*) by bin(1mo) offset 1d' testdata/lang/times.jsonl
> bin(1mo)	count(*)
> 2024-01-01 00:00:00.000	8
> 2024-04-01 00:00:00.000	2
> 2025-01-01 00:00:00.000	1

### offset needs a bin() key
$ trailq 'stats count(*) by i offset 30s' testdata/lang/times.jsonl
! trailq: query error at 1:28: offset needs a bin() among the by keys
!   stats count(*) by i offset 30s
!                              ^^^
? 2

### bin is also a function in fields and filter
# checked: by hand: 13:47:29.123 -> 13:00
$ trailq -o tsv 'fields bin(1h) as b | filter b = "2024-03-15 13:00:00.000"' testdata/lang/t1.jsonl
> b
> 2024-03-15 13:00:00.000

### bin needs a period
$ trailq 'fields bin(i)' testdata/lang/times.jsonl
! trailq: query error at 1:12: bin expects a period such as 5m here
!   fields bin(i)
!              ^
? 2

### a period of 0 is rejected
$ trailq 'fields bin(0s)' testdata/lang/t1.jsonl
! trailq: query error at 1:12: invalid period '0s'
!   fields bin(0s)
!              ^^
? 2

### an unknown time unit is rejected
$ trailq 'fields bin(5x)' testdata/lang/t1.jsonl
! trailq: query error at 1:12: unknown time unit 'x' in '5x'
!   fields bin(5x)
!              ^^
? 2

### a period is only allowed where a period is expected
$ trailq 'fields abs(5m)' testdata/lang/t1.jsonl
! trailq: query error at 1:12: a period such as 5m is only allowed as an argument of bin, datefloor or dateceil
!   fields abs(5m)
!              ^^
? 2

### datefloor and dateceil with ms..d periods
# checked: by hand from 2024-03-15 13:47:29.123
$ trailq -o tsv 'fields datefloor(@timestamp, 1h), dateceil(@timestamp, 1h), datefloor(@timestamp, 15m), dateceil(@timestamp, 15m), datefloor(@timestamp, 1s), dateceil(@timestamp, 1s), dateceil(@timestamp, 1d)' testdata/lang/t1.jsonl
> datefloor(@timestamp, 1h)	dateceil(@timestamp, 1h)	datefloor(@timestamp, 15m)	dateceil(@timestamp, 15m)	datefloor(@timestamp, 1s)	dateceil(@timestamp, 1s)	dateceil(@timestamp, 1d)
> 2024-03-15 13:00:00.000	2024-03-15 14:00:00.000	2024-03-15 13:45:00.000	2024-03-15 14:00:00.000	2024-03-15 13:47:29.000	2024-03-15 13:47:30.000	2024-03-16 00:00:00.000

### datefloor and dateceil with weeks, months, quarters and years
# checked: by hand: 2024-03-15 is a Friday; its week runs from Monday 03-11
# to Monday 03-18; month 03-01..04-01; quarter 01-01..04-01; year 2024..2025
$ trailq -o tsv 'fields datefloor(@timestamp, 1w), dateceil(@timestamp, 1w), datefloor(@timestamp, 1mo), dateceil(@timestamp, 1mo), datefloor(@timestamp, 1q), dateceil(@timestamp, 1q), datefloor(@timestamp, 1y), dateceil(@timestamp, 1y)' testdata/lang/t1.jsonl
> datefloor(@timestamp, 1w)	dateceil(@timestamp, 1w)	datefloor(@timestamp, 1mo)	dateceil(@timestamp, 1mo)	datefloor(@timestamp, 1q)	dateceil(@timestamp, 1q)	datefloor(@timestamp, 1y)	dateceil(@timestamp, 1y)
> 2024-03-11 00:00:00.000	2024-03-18 00:00:00.000	2024-03-01 00:00:00.000	2024-04-01 00:00:00.000	2024-01-01 00:00:00.000	2024-04-01 00:00:00.000	2024-01-01 00:00:00.000	2025-01-01 00:00:00.000

### dateceil of a timestamp on a boundary is the timestamp itself
# checked: i0 = 2024-01-01T00:00:00.000Z is the start of an hour, a Monday,
# a month, a quarter and a year
$ trailq -o tsv 'filter i = 0 | fields dateceil(@timestamp, 1h) as h, dateceil(@timestamp, 1w) as w, dateceil(@timestamp, 1mo) as mo, dateceil(@timestamp, 1y) as y' testdata/lang/times.jsonl
> h	w	mo	y
> 2024-01-01 00:00:00.000	2024-01-01 00:00:00.000	2024-01-01 00:00:00.000	2024-01-01 00:00:00.000

### dateceil one millisecond before a year boundary
# checked: i7 = 2023-12-31T23:59:59.999Z
$ trailq -o tsv 'filter i = 7 | fields dateceil(@timestamp, 1s) as s, dateceil(@timestamp, 1w) as w, dateceil(@timestamp, 1y) as y, datefloor(@timestamp, 1q) as q' testdata/lang/times.jsonl
> s	w	y	q
> 2024-01-01 00:00:00.000	2024-01-01 00:00:00.000	2024-01-01 00:00:00.000	2023-10-01 00:00:00.000

### toMillis and fromMillis
# checked: date -u -d @1710510449.123 = 2024-03-15 13:47:29.123; 86400000 ms = 1 day
$ trailq -o tsv 'fields toMillis(@timestamp), fromMillis(0), fromMillis(1710510449123), toMillis(fromMillis(86400000)), fromMillis(toMillis(@timestamp) + 1)' testdata/lang/t1.jsonl
> toMillis(@timestamp)	fromMillis(0)	fromMillis(1710510449123)	toMillis(fromMillis(86400000))	fromMillis(toMillis(@timestamp) + 1)
> 1710510449123	1970-01-01 00:00:00.000	2024-03-15 13:47:29.123	86400000	2024-03-15 13:47:29.124

### now() is the current time in epoch seconds
# checked: compared with date +%s taken just before and after the run
$ a=$(date +%s); n=$(trailq -o tsv 'fields now() as n' testdata/lang/t1.jsonl | tail -n 1); b=$(date +%s); \
$ [ "$n" -ge "$a" ] && [ "$n" -le "$b" ] && echo "now() is between the two readings of the clock"
> now() is between the two readings of the clock

### the toMillis/now idiom keeps only recent events (here: none)
# checked: t1.jsonl's event (2024) is long before now() minus one hour
$ trailq -o tsv 'filter toMillis(@timestamp) >= now() * 1000 - 3600000 | stats count(*) as n' testdata/lang/t1.jsonl
> n
> 0

### @timestamp compares with a date string by instant
# checked: by hand: i8 (03-31 12:00), i9 and i10 are at or after 2024-03-31T12:00:00Z;
# only i7 is before 2024-01-01
$ trailq -o tsv 'filter @timestamp >= "2024-03-31T12:00:00Z" | fields i' testdata/lang/times.jsonl; trailq -o tsv 'filter @timestamp < "2024-01-01" | fields i' testdata/lang/times.jsonl
> i
> 10
> 9
> 8
> i
> 7
