# Named time zones in formatDate and parseDate (man page, Date and time
# functions; docs/language.md#functions). Expected times come from GNU
# date, which uses the C library's zone code:
#   TZ=America/New_York date -d @1688992120 '+%F %T %Z %z'
# (1688992120 = 2023-07-10 12:28:40 UTC, the newest DeleteBucket).

### formatDate in named zones: the offset and abbreviation in force at that instant
# checked: GNU date: New York 2023-07-10 08:28:40 EDT -0400, Kolkata 17:58:40 IST +0530,
# Paris 14:28:40 CEST +0200
$ trailq -o tsv 'filter eventName = "DeleteBucket" | sort @timestamp desc | limit 1 | fields formatDate(@timestamp, "%F %T %Z %z", "America/New_York") as ny, formatDate(@timestamp, "%F %T %Z %z", "Asia/Kolkata") as kolkata, formatDate(@timestamp, "%F %T %Z %z", "Europe/Paris") as paris' testdata/AWSLogs
> ny	kolkata	paris
> 2023-07-10 08:28:40 EDT -0400	2023-07-10 17:58:40 IST +0530	2023-07-10 14:28:40 CEST +0200

### formatDate in winter: the same zone, another offset
# checked: GNU date: TZ=America/New_York date -d 2024-03-01T10:00:00Z '+%F %T %Z' -> 2024-03-01 05:00:00 EST
$ trailq -o tsv 'sort @timestamp asc | limit 1 | fields formatDate(@timestamp, "%F %T %Z", "America/New_York") as ny' testdata/hand/wide-chars.jsonl
> ny
> 2024-03-01 05:00:00 EST

### parseDate in a named zone, a time that happens twice and one that never happens
# checked: GNU date: TZ=America/New_York date -d '2023-07-10 08:28:40' +%s -> 1688992120;
# '2023-11-05 01:30' (clocks set back at 02:00) -> 1699162200, the earlier (EDT) instant;
# 2024-03-10 02:30 does not exist (02:00 -> 03:00): read with EST, 07:30 UTC = 1710055800
$ trailq -o tsv 'limit 1 | fields parseDate("2023-07-10 08:28:40", "yyyy-MM-dd HH:mm:ss", "America/New_York") as a, parseDate("2023-11-05 01:30", "yyyy-MM-dd HH:mm", "America/New_York") as twice, parseDate("2024-03-10 02:30", "yyyy-MM-dd HH:mm", "America/New_York") as never' testdata/hand/wide-chars.jsonl
> a	twice	never
> 1688992120000	1699162200000	1710055800000

### an unknown zone name in a literal is a query error with a caret
$ trailq 'fields formatDate(@timestamp, "%F", "America/New_Yrok") as t' testdata/hand/wide-chars.jsonl
! trailq: query error at 1:37: unknown time zone 'America/New_Yrok' (an IANA name such as America/New_York, UTC, or an offset such as +02:00)
!   fields formatDate(@timestamp, "%F", "America/New_Yrok") as t
!                                       ^^^^^^^^^^^^^^^^^^
? 2

### parseDate's zone literal is checked the same way
$ trailq 'fields parseDate("2024", "yyyy", "../../etc/passwd") as t' testdata/hand/wide-chars.jsonl
! trailq: query error at 1:34: unknown time zone '../../etc/passwd' (an IANA name such as America/New_York, UTC, or an offset such as +02:00)
!   fields parseDate("2024", "yyyy", "../../etc/passwd") as t
!                                    ^^^^^^^^^^^^^^^^^^
? 2

### a zone taken from the data that names no zone gives a missing value
# checked: the zone argument is the field name, "売上データ" etc.: no zone, so t is empty
$ trailq -o tsv 'sort n | limit 1 | fields n, formatDate(@timestamp, "%F", name) as t' testdata/hand/wide-chars.jsonl
> n	t
> 1	
