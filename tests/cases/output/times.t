# Times in every format (trailq(1), --tz and --time-format): the zone and
# the style change how times are shown, never which events match or where
# bin() buckets start. testdata/hand/dst.jsonl holds four events around the
# 2024 daylight-saving changes of America/New_York (2024-03-10 07:00 UTC
# and 2024-11-03 06:00 UTC). Every expected time was computed independently:
#   python3 -c 'from zoneinfo import ZoneInfo; from datetime import datetime, timezone
#   d = datetime.fromisoformat("2024-03-10T06:59:59").replace(tzinfo=timezone.utc)
#   print(d.astimezone(ZoneInfo("America/New_York")).isoformat(), int(d.timestamp() * 1000))'
# -> 2024-03-10T01:59:59-05:00 1710053999000, and so on for each event:
#   07:00:00Z 03:00:00-04:00 1710054000000; 2024-11-03 05:30:00Z 01:30-04:00
#   1730611800000; 06:30:00Z 01:30-05:00 1730615400000; Asia/Kolkata is +05:30.

### --tz: each time in the zone, with the offset in force at that instant (DST both ways)
$ trailq --tz America/New_York -o tsv 'fields @timestamp, eventName | sort @timestamp asc' testdata/hand/dst.jsonl
> @timestamp	eventName
> 2024-03-10 01:59:59.000-05:00	BeforeSpringForward
> 2024-03-10 03:00:00.000-04:00	AfterSpringForward
> 2024-11-03 01:30:00.000-04:00	FirstOneThirty
> 2024-11-03 01:30:00.000-05:00	SecondOneThirty

### --tz in a table: the offset is part of the time, never cut
$ trailq --tz America/New_York -o table 'fields @timestamp, eventName | sort @timestamp asc | limit 2' testdata/hand/dst.jsonl
> @timestamp                     eventName
> -----------------------------  -------------------
> 2024-03-10 01:59:59.000-05:00  BeforeSpringForward
> 2024-03-10 03:00:00.000-04:00  AfterSpringForward

### --time-format iso with a zone: RFC 3339 with the offset
$ trailq --tz Asia/Kolkata --time-format iso -o jsonl 'fields @timestamp | sort @timestamp asc' testdata/hand/dst.jsonl
> {"@timestamp":"2024-03-10T12:29:59.000+05:30"}
> {"@timestamp":"2024-03-10T12:30:00.000+05:30"}
> {"@timestamp":"2024-11-03T11:00:00.000+05:30"}
> {"@timestamp":"2024-11-03T12:00:00.000+05:30"}

### --time-format iso in UTC ends in Z; the default insights style has no offset in UTC
$ trailq --time-format iso -o tsv 'fields @timestamp | sort @timestamp asc | limit 1' testdata/hand/dst.jsonl; trailq --tz UTC -o tsv 'fields @timestamp | sort @timestamp asc | limit 1' testdata/hand/dst.jsonl
> @timestamp
> 2024-03-10T06:59:59.000Z
> @timestamp
> 2024-03-10 06:59:59.000

### --time-format epoch: milliseconds, JSON numbers (jq sees numbers)
$ trailq --time-format epoch -o json 'fields @timestamp, eventName | sort @timestamp asc | limit 2' testdata/hand/dst.jsonl; trailq --time-format epoch -o json 'fields @timestamp' testdata/hand/dst.jsonl | jq -c 'map(.["@timestamp"] | type) | unique'
> [
> {"@timestamp":1710053999000,"eventName":"BeforeSpringForward"},
> {"@timestamp":1710054000000,"eventName":"AfterSpringForward"}
> ]
> ["number"]

### epoch ignores the zone: an instant has one number
$ trailq --tz America/New_York --time-format epoch -o tsv 'fields @timestamp | sort @timestamp asc | limit 1' testdata/hand/dst.jsonl
> @timestamp
> 1710053999000

### --tz local is $TZ; a fixed offset works too
$ TZ=Asia/Kolkata trailq --tz local -o tsv 'fields @timestamp | sort @timestamp asc | limit 1' testdata/hand/dst.jsonl; trailq --tz +05:30 -o tsv 'fields @timestamp | sort @timestamp asc | limit 1' testdata/hand/dst.jsonl
> @timestamp
> 2024-03-10 12:29:59.000+05:30
> @timestamp
> 2024-03-10 12:29:59.000+05:30

### bin() stays aligned to UTC: a 1d bucket starts at 00:00 UTC, shown as 19:00 or 20:00 the day before in New York
# checked: 2024-03-10 00:00Z is 2024-03-09 19:00-05:00 (EST); 2024-11-03 00:00Z is 2024-11-02 20:00-04:00 (EDT)
$ trailq --tz America/New_York -o tsv 'stats count(*) as n by bin(1d) as day' testdata/hand/dst.jsonl
> day	n
> 2024-03-09 19:00:00.000-05:00	2
> 2024-11-02 20:00:00.000-04:00	2

### the zone does not change which events --start keeps (it is read as UTC)
$ trailq --tz America/New_York --start 2024-03-10T07:00:00Z -o tsv 'stats count(*) as n' testdata/hand/dst.jsonl
> n
> 3

### --files shows its times in the zone too
$ trailq --tz America/New_York -o tsv --files testdata/hand/dst.jsonl | cut -f 1,6,7
> source	first	last
> testdata/hand/dst.jsonl	2024-03-10 01:59:59.000-05:00	2024-11-03 01:30:00.000-05:00

### an unknown zone is a usage error
$ trailq --tz Mars/Olympus_Mons 'fields 1' testdata/hand/dst.jsonl
! trailq: invalid --tz: unknown time zone 'Mars/Olympus_Mons' (an IANA name such as Europe/Paris, local, UTC, or an offset such as +02:00)
! Try 'trailq --help' for more information.
? 2

### --tz local with a $TZ that names no zone is a usage error
$ TZ=Nowhere/Zone trailq --tz local 'fields 1' testdata/hand/dst.jsonl
! trailq: invalid --tz: local: $TZ is 'Nowhere/Zone', which names no time zone
! Try 'trailq --help' for more information.
? 2

### an unknown time format names the allowed ones
$ trailq --time-format rfc 'fields 1' testdata/hand/dst.jsonl
! trailq: invalid value 'rfc' for --time-format (expected one of: insights iso epoch)
! Try 'trailq --help' for more information.
? 2
