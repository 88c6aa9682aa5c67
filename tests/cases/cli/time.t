# --start/--end with every TIME form of trailq(1); start <= @timestamp < end.
# Data: testdata/shapes/events.jsonl, five invictus events at
# 2023-07-10T12:16:29Z, 12:17:32Z, 12:19:27Z, 12:20:30Z, 12:21:02Z
# (jq -r .eventTime). 12:17:32Z is epoch 1688991452 (date -u -d @1688991452).
# The relative forms use real data from 2023 (so -15m/-2h/-7d exclude it
# whatever today is), and events made on the fly from a real record with
# eventTime set relative to the current time (minutes of margin).

### ISO date: the whole day and later
# checked: all five events are on 2023-07-10
$ trailq --start 2023-07-10 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --start 2023-07-11 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --end 2023-07-10 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --end 2023-07-11 'stats count(*) as n' testdata/shapes/events.jsonl
> n
> 5
> n
> 0
> n
> 0
> n
> 5

### date-time with Z: start is inclusive (an event's exact eventTime is kept)
# checked: 12:17:32 and the three later events
$ trailq --start 2023-07-10T12:17:32Z 'fields @timestamp' testdata/shapes/events.jsonl
> @timestamp
> 2023-07-10 12:21:02.000
> 2023-07-10 12:20:30.000
> 2023-07-10 12:19:27.000
> 2023-07-10 12:17:32.000

### ... and end is exclusive (the event at exactly end is dropped)
# checked: only 12:16:29 is before 12:17:32
$ trailq --end 2023-07-10T12:17:32Z 'fields @timestamp' testdata/shapes/events.jsonl
> @timestamp
> 2023-07-10 12:16:29.000

### --start and --end together, also as --opt=value
# checked: 12:19:27 <= t < 12:21:02 keeps 12:19:27 and 12:20:30
$ trailq --start=2023-07-10T12:19:27Z --end=2023-07-10T12:21:02Z 'fields @timestamp' testdata/shapes/events.jsonl
> @timestamp
> 2023-07-10 12:20:30.000
> 2023-07-10 12:19:27.000

### with an offset: 14:17:32+02:00 and 07:17:32-05:00 are 12:17:32Z
# checked: by hand; 4 events at or after 12:17:32Z
$ trailq --start 2023-07-10T14:17:32+02:00 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --start 2023-07-10T07:17:32-05:00 'stats count(*) as n' testdata/shapes/events.jsonl
> n
> 4
> n
> 4

### with a fraction: a millisecond before keeps 12:17:32, a millisecond after drops it
# checked: by hand
$ trailq --start 2023-07-10T12:17:31.999Z 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --start 2023-07-10T12:17:32.001Z 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --start 2023-07-10T12:17:32.000+00:00 'stats count(*) as n' testdata/shapes/events.jsonl
> n
> 4
> n
> 3
> n
> 4

### a 1 ms wide window holds exactly the event at its start
# checked: by hand
$ trailq --start 2023-07-10T12:17:32Z --end 2023-07-10T12:17:32.001Z 'fields @timestamp' testdata/shapes/events.jsonl
> @timestamp
> 2023-07-10 12:17:32.000

### epoch seconds and epoch milliseconds
# checked: date -u -d @1688991452 = 2023-07-10 12:17:32 UTC; one ms later drops that event
$ trailq --start 1688991452 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --start 1688991452000 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --start 1688991452001 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --end 1688991452 'stats count(*) as n' testdata/shapes/events.jsonl
> n
> 4
> n
> 4
> n
> 3
> n
> 1

### now: the 2023 events are all before it
# checked: by hand
$ trailq --end now 'stats count(*) as n' testdata/shapes/events.jsonl; trailq --start now 'stats count(*) as n' testdata/shapes/events.jsonl
> n
> 5
> n
> 0

### relative times on 2023 data: -15m, -2h, -7d start after it, -100000d (about 274 years) before it
# checked: by hand: today is after 2023-07-17
$ for t in -15m -2h -7d -100000d; do trailq --start $t 'stats count(*) as n' testdata/shapes/events.jsonl | tail -1; done; for t in -15m -2h -7d -100000d; do trailq --end $t 'stats count(*) as n' testdata/shapes/events.jsonl | tail -1; done
> 0
> 0
> 0
> 5
> 5
> 5
> 5
> 0

### relative times against events made now: 10 min, 20 min, 90 min, 3 h, 6 d and 8 d ago, and 10 min ahead
# checked: by hand: -15m keeps the 10-minute one, -2h three, -7d five; --end now drops the future one
$ for a in 10min 20min 90min 3hour 6day 8day; do jq -c --arg t "$(date -u -d "-$a" +%Y-%m-%dT%H:%M:%SZ)" --arg n "ago-$a" '.eventTime = $t | .eventName = $n' testdata/shapes/single-event.json; done > "$TMPDIR/relative.jsonl"; jq -c --arg t "$(date -u -d '+10min' +%Y-%m-%dT%H:%M:%SZ)" '.eventTime = $t | .eventName = "ahead-10min"' testdata/shapes/single-event.json >> "$TMPDIR/relative.jsonl"; \
$ for r in -15m -2h -7d; do trailq --start $r --end now 'stats count(*) as n, earliest(eventName) as oldest' "$TMPDIR/relative.jsonl" | tail -1; done; trailq --start now 'fields eventName' "$TMPDIR/relative.jsonl"; trailq --end now 'stats count(*) as n' "$TMPDIR/relative.jsonl" | tail -1
> 1	ago-10min
> 3	ago-90min
> 5	ago-6day
> eventName
> ahead-10min
> 6

### an invalid TIME is a command-line error (status 2)
# checked: trailq(1), EXIT STATUS (exit 2 for a wrong command line)
$ trailq --start 'last tuesday' 'stats count(*)' testdata/shapes/events.jsonl
! trailq: invalid --start time 'last tuesday' (use ISO-8601, epoch seconds or ms, now, or -15m)
? 2

### ... also an impossible date, a bad unit, an hour 25
# checked: as above
$ trailq --end 2023-13-01 'stats count(*)' testdata/shapes/events.jsonl; echo $?; trailq --start -5x 'stats count(*)' testdata/shapes/events.jsonl; echo $?; trailq --start 2023-07-10T25:00:00Z 'stats count(*)' testdata/shapes/events.jsonl; echo $?
> 2
> 2
> 2
! trailq: invalid --end time '2023-13-01' (use ISO-8601, epoch seconds or ms, now, or -15m)
! trailq: invalid --start time '-5x' (use ISO-8601, epoch seconds or ms, now, or -15m)
! trailq: invalid --start time '2023-07-10T25:00:00Z' (use ISO-8601, epoch seconds or ms, now, or -15m)

### --start not before --end is an error
# checked: an empty range can hold nothing; trailq refuses it with status 2
$ trailq --start 2023-07-11 --end 2023-07-10 'stats count(*)' testdata/shapes/events.jsonl
! trailq: --start must be before --end
? 2

### a TIME value is required
# checked: trailq(1), OPTIONS
$ trailq 'stats count(*)' testdata/shapes/events.jsonl --start
! trailq: option '--start' needs a value (TIME)
! Try 'trailq --help' for more information.
? 2
