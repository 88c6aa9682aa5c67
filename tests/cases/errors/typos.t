# A field the query reads that no event has, when the logs have one of a
# near name (the same in other case, or one edit away for names of 4 to 10
# characters, two up to 20: base/strdist.h),
# gets a warning with a caret and the suggestion; the query still runs and
# prints what it found (nothing, or one empty group). Counts over
# testdata/AWSLogs were checked with jq: 2900 events, 130 with eventName
# "GetUser" (zcat -f $(find testdata/AWSLogs -type f) | jq -r
# '.Records[] | select(.eventName=="GetUser")' | ...).

### a field name in the wrong case: the warning names the right one, the query gives 0
$ trailq -o tsv 'filter eventname = "GetUser" | stats count(*) as n' testdata/AWSLogs
> n
> 0
! trailq: warning at 1:8: no event has the field 'eventname' (did you mean eventName?)
!   filter eventname = "GetUser" | stats count(*) as n
!          ^^^^^^^^^

### the example of issue 11: eventname for eventName, and the count once corrected
# checked: 2 ConsoleLogin events (zcat -f $(find testdata/AWSLogs -type f) |
# jq -r '.Records[].eventName' | grep -c ConsoleLogin)
$ trailq -o tsv 'filter eventname = "ConsoleLogin" | stats count(*) as n' testdata/AWSLogs; trailq -o tsv 'filter eventName = "ConsoleLogin" | stats count(*) as n' testdata/AWSLogs
> n
> 0
> n
> 2
! trailq: warning at 1:8: no event has the field 'eventname' (did you mean eventName?)
!   filter eventname = "ConsoleLogin" | stats count(*) as n
!          ^^^^^^^^^

### the corrected query finds the events (checked: 130 with jq)
$ trailq -o tsv 'filter eventName = "GetUser" | stats count(*) as n' testdata/AWSLogs
> n
> 130

### by a mistyped field: one empty group of every event, and the warning
# checked: 2900 events in all (jq)
$ trailq -o tsv 'stats count(*) as n by useridentity.arn' testdata/AWSLogs
> useridentity.arn	n
> 	2900
! trailq: warning at 1:24: no event has the field 'useridentity.arn' (did you mean userIdentity.arn?)
!   stats count(*) as n by useridentity.arn
!                          ^^^^^^^^^^^^^^^^

### a letter left out is one edit
$ trailq -o tsv 'filter eventNme = "GetUser" | stats count(*) as n' testdata/AWSLogs
> n
> 0
! trailq: warning at 1:8: no event has the field 'eventNme' (did you mean eventName?)
!   filter eventNme = "GetUser" | stats count(*) as n
!          ^^^^^^^^

### an object by its path: useridentity for userIdentity
$ trailq -o tsv 'filter ispresent(useridentity) | stats count(*) as n' testdata/AWSLogs
> n
> 0
! trailq: warning at 1:18: no event has the field 'useridentity' (did you mean userIdentity?)
!   filter ispresent(useridentity) | stats count(*) as n
!                    ^^^^^^^^^^^^

### a field no event has, with no near name, is no mistake: no warning
$ trailq -o tsv 'filter ispresent(zzzzqq) | stats count(*) as n' testdata/AWSLogs
> n
> 0

### a field that some events have is not checked against others
$ trailq -o tsv 'filter ispresent(errorCode) | stats count(*) as n' testdata/shapes/events.jsonl
> n
> 0

### the field is named where it first appears, the query runs over --db too
$ trailq --db $TMPDIR/typo.db -o tsv 'fields eventname | filter eventName = "GetUser" | stats count(*) as n by eventname' testdata/AWSLogs; rm -f $TMPDIR/typo.db
> eventname	n
> 	130
! trailq: warning at 1:8: no event has the field 'eventname' (did you mean eventName?)
!   fields eventname | filter eventName = "GetUser" | stats count(*) as n by eventname
!          ^^^^^^^^^

### a suggestion that needs backquotes is written with them
# checked: x_amzid is one substitution from x-amzid (7 characters: one allowed)
$ printf '{"x-amzid":"a"}\n{"x-amzid":"b"}\n' > $TMPDIR/odd.jsonl; trailq -o tsv 'filter ispresent(x_amzid) | stats count(*) as n' $TMPDIR/odd.jsonl; trailq -o tsv 'filter ispresent(`x-amzid`) | stats count(*) as n' $TMPDIR/odd.jsonl
> n
> 0
> n
> 2
! trailq: warning at 1:18: no event has the field 'x_amzid' (did you mean `x-amzid`?)
!   filter ispresent(x_amzid) | stats count(*) as n
!                    ^^^^^^^

### a field that the query's filter left out of a one-shot index is not missing
# checked: no event is "NoSuchCall", so the index holds none; eventName is in every event
$ trailq -o tsv 'filter eventName = "NoSuchCall" | fields eventName' testdata/AWSLogs
> eventName

### an array index beyond the events' arrays is no typo of another index
$ trailq -o tsv 'filter ispresent(requestParameters.ipPermissions.items.7.ipProtocol) | stats count(*) as n' testdata/AWSLogs
> n
> 0

### another field two letters away is no typo (eventTime is not eventName)
# checked: eventTime and eventName differ in T/N and i/a: two edits, 9 characters
$ printf '{"eventName":"a"}\n' > $TMPDIR/name.jsonl; trailq -o tsv 'filter ispresent(eventTime) | stats count(*) as n' $TMPDIR/name.jsonl
> n
> 0

### a mistyped system field is a typo too: @mesage for @message, @logstream for @logStream
# checked: 2900 events (jq, above); @message and @logStream are no event's own
# fields, so before they were not suggested and the query gave 0 without a word
$ trailq -o tsv 'filter @mesage like "GetUser" | stats count(*) as n' testdata/AWSLogs; trailq -o tsv 'stats count(*) as n by @logstream' testdata/AWSLogs
> n
> 0
> @logstream	n
> 	2900
! trailq: warning at 1:8: no event has the field '@mesage' (did you mean @message?)
!   filter @mesage like "GetUser" | stats count(*) as n
!          ^^^^^^^
! trailq: warning at 1:24: no event has the field '@logstream' (did you mean @logStream?)
!   stats count(*) as n by @logstream
!                          ^^^^^^^^^^

### ... also over --db, whose catalogue holds no system field either
$ trailq --db $TMPDIR/typo2.db -o tsv 'fields @Timestamp | limit 1' testdata/AWSLogs; rm -f $TMPDIR/typo2.db
> @Timestamp
>
! trailq: warning at 1:8: no event has the field '@Timestamp' (did you mean @timestamp?)
!   fields @Timestamp | limit 1
!          ^^^^^^^^^^
