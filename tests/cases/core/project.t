# fields (with as and expressions), display, arithmetic, the default
# columns. Data: testdata/cloudtrail/stratus (8 Stratus Red Team events, one
# per file) and testdata/AWSLogs. Expected values from jq over the same
# files: jq -r '.[] | [.eventTime, .eventName, ...] | @tsv' testdata/cloudtrail/stratus/*

### without fields or display: @timestamp and @message
# checked: jq -c '.[0]' testdata/cloudtrail/stratus/aws.initial-access.console-login-without-mfa.json | cut -c1-40
$ trailq 'filter eventName = "ConsoleLogin"' testdata/cloudtrail/stratus | cut -c1-64
> @timestamp	@message
> 2024-08-02 08:53:24.000	{"additionalEventData":{"LoginTo":"https

### fields selects, in the order written; as renames
# checked: jq -r '.[] | [.eventTime, .eventName, .eventSource] | @tsv' testdata/cloudtrail/stratus/* | sort | head -3
$ trailq 'fields eventSource as source, eventName | sort @timestamp | limit 3' testdata/cloudtrail/stratus
> source	eventName
> iam.amazonaws.com	CreateAccessKey
> cloudtrail.amazonaws.com	DeleteTrail
> cloudtrail.amazonaws.com	StopLogging

### an unaliased expression is named by its text, spaces inside kept, outer and line breaks normalised
# checked: by hand (docs/language.md#result-columns-and-output); strlen("UpdateLoginProfile") = 18
$ trailq 'fields strlen(eventName),  strlen( eventName )  , concat(eventName,   "-",\
$    awsRegion) | sort @timestamp desc | limit 1' testdata/cloudtrail/stratus
> strlen(eventName)	strlen( eventName )	concat(eventName, "-", awsRegion)
> 18	18	UpdateLoginProfile-megov-southcentral-3r

### two items of one fields that would show different values under one name are an error
# checked: by hand: `a-b` is the field (5), a-b the expression 3 - 1 (2); before, one column
# "a-b" showed 2 and the field's 5 was lost; the same field twice is still one column
$ printf '%s\n' '{"k":1,"a-b":5,"a":3,"b":1}' > "$TMPDIR/ab.jsonl"; \
$ trailq -o jsonl 'fields k, `a-b`, a-b' "$TMPDIR/ab.jsonl"; trailq -o jsonl 'fields k, `a-b`, a-b as d, a, a' "$TMPDIR/ab.jsonl"
> {"k":1,"a-b":5,"d":2,"a":3}
! trailq: query error at 1:18: two columns named 'a-b' (the first at 1:11) would show different values; name one with as
!   fields k, `a-b`, a-b
!                    ^^^

### arithmetic: precedence, parentheses, / gives fractions, %, ^ (right-associative), unary minus
# checked: by hand: strlen("CreateAccessKey") = 15: 15*2+1 = 31, (15+1)*2 = 32, 15/4 = 3.75, 15%4 = 3,
# 2^(3^2) = 512; "DeleteTrail" = 11
$ trailq 'fields eventName, strlen(eventName) * 2 + 1 as x, (strlen(eventName) + 1) * 2 as y, strlen(eventName) / 4 as z, strlen(eventName) % 4 as r, 2 ^ 3 ^ 2 as p, -strlen(eventName) as neg | sort @timestamp | limit 2' testdata/cloudtrail/stratus
> eventName	x	y	z	r	p	neg
> CreateAccessKey	31	32	3.75	3	512	-15
> DeleteTrail	23	24	2.75	3	512	-11

### arithmetic on numbers from the events; a missing operand gives a missing result
# checked: jq -c 'select(.eventName == "ListBuckets") | .additionalEventData | [.bytesTransferredOut, .bytesTransferredIn]' = [6322,0];
# 6322/1000 = 6.322, 6322 % 1000 = 322, (6322-322)/1000*2 = 12, 6322^2 = 39967684; errorCode is absent
$ trailq -o jsonl 'filter eventName = "ListBuckets" | fields additionalEventData.bytesTransferredOut as out | fields out / 1000 as kb, out % 1000 as rest, (out - 322) / 1000 * 2 as x, -out as neg, out ^ 2 as sq, out + additionalEventData.bytesTransferredIn as total, out + errorCode as missing | limit 1' testdata/AWSLogs
> {"out":6322,"kb":6.322,"rest":322,"x":12,"neg":-6322,"sq":39967684,"total":6322}

### two fields commands add up
# checked: as above
$ trailq 'fields eventName | fields eventSource | sort @timestamp | limit 1' testdata/cloudtrail/stratus
> eventName	eventSource
> CreateAccessKey	iam.amazonaws.com

### display picks the final columns, in its own order, from what fields made
# checked: as above
$ trailq 'fields eventName, eventSource, awsRegion | display eventSource, eventName | sort @timestamp | limit 2' testdata/cloudtrail/stratus
> eventSource	eventName
> iam.amazonaws.com	CreateAccessKey
> cloudtrail.amazonaws.com	DeleteTrail

### display alone, with a system field and an expression
# checked: jq -r '.[] | [.eventTime, .eventName] | @tsv' ... | sort | tail -1: 2024-08-28T09:54:40Z UpdateLoginProfile
$ trailq 'display eventName, @timestamp, toupper(userIdentity.userName) as who | limit 1' testdata/cloudtrail/stratus
> eventName	@timestamp	who
> UpdateLoginProfile	2024-08-28 09:54:40.000	CHRISTOPHE

### display after stats shows only the chosen result columns
# checked: jq -r .eventSource over the stratus files | sort -u: 4 sources, sorted by hand
$ trailq 'stats count(*) as n by eventSource | display eventSource | sort eventSource' testdata/cloudtrail/stratus
> eventSource
> cloudtrail.amazonaws.com
> ec2.amazonaws.com
> iam.amazonaws.com
> signin.amazonaws.com
