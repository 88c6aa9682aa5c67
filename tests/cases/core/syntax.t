# Lexical matters end to end: # comments, backtick names, case-insensitive
# commands/keywords/functions, case-sensitive field names. Data:
# testdata/AWSLogs (2900 invictus events); counts with jq over
# zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -c '.Records[]'.

### # comments: whole lines (a commented-out stage too) and after code
# checked: jq -r 'select(.eventSource == "s3.amazonaws.com") | .eventName' | sort | uniq -c | sort -rn | head -2
# (the commented-out "filter readOnly = false" would leave no GetBucketAcl)
$ trailq '# the busiest S3 calls\
$ filter eventSource = "s3.amazonaws.com"   # only S3\
$ # | filter readOnly = false\
$ | stats count(*) as n by eventName   # per call\
$ | sort n desc | limit 2' testdata/AWSLogs
> eventName	n
> GetBucketAcl	42
> GetBucketLogging	18

### a # inside a string or a regex is not a comment
# checked: no eventName contains '#' (jq -r .eventName | grep -c '#' = 0), so both filters keep nothing,
# and the query parses (a comment would leave an unterminated string/regex)
$ trailq 'filter eventName = "x#y" or eventName like /#/ | stats count(*) as n' testdata/AWSLogs
> n
> 0

### commands, keywords and functions in any case
# checked: jq: events whose eventName contains "Bucket", other than GetBucketAcl, counted per name:
# GetBucketLogging 18, GetBucketPolicyStatus 16, GetBucketPublicAccessBlock 16
$ trailq 'FIELDS eventName | FILTER eventName LIKE "Bucket" AND NOT eventName IN ["GetBucketAcl"] | STATS COUNT(*) AS n BY eventName | SORT n DESC, eventName ASC | LIMIT 3' testdata/AWSLogs
> eventName	n
> GetBucketLogging	18
> GetBucketPolicyStatus	16
> GetBucketPublicAccessBlock	16

### mixed-case function names
# checked: S3 events: 271, 28 distinct names, 247 read-only, the oldest at 2023-07-10T11:42:23Z (jq + awk)
$ trailq 'Filter eventSource = "s3.amazonaws.com" | Stats Count(*) as n, Count_Distinct(eventName) as d, SUM(readOnly) as r, Min(eventTime) as mn' testdata/AWSLogs
> n	d	r	mn
> 271	28	247	2023-07-10T11:42:23Z

### field names are case-sensitive: eventname and EventName do not exist
# checked: jq 'select(has("eventname") or has("EventName"))' prints nothing
$ trailq 'stats count(eventname) as lower, count(EventName) as upper, count(eventName) as right' testdata/AWSLogs
> lower	upper	right
> 0	0	2900
! trailq: warning at 1:13: no event has the field 'eventname' (did you mean eventName?)
!   stats count(eventname) as lower, count(EventName) as upper, count(eventName) as right
!               ^^^^^^^^^
! trailq: warning at 1:40: no event has the field 'EventName' (did you mean eventName?)
!   stats count(eventname) as lower, count(EventName) as upper, count(eventName) as right
!                                          ^^^^^^^^^

### backticks for names with '-': a whole dotted name, or one segment
# checked: jq 'select(.additionalEventData."x-amz-id-2" != null)' = 267, 'select(.requestParameters."x-amz-acl" != null)' = 5
$ trailq 'filter ispresent(`additionalEventData.x-amz-id-2`) | stats count(*) as n, count(requestParameters.`x-amz-acl`) as acl' testdata/AWSLogs
> n	acl
> 267	5

### without backticks, a-b is a subtraction: x - amz - acl is missing, so nothing is counted
# checked: by hand (trailq(1), Names); none of requestParameters.x, amz, acl exists
$ trailq 'stats count(requestParameters.x-amz-acl) as n' testdata/AWSLogs
> n
> 0

### backticks for aliases with spaces and for plain names
# checked: the first CreateBucket with x-amz-acl (jq): "private"
$ trailq 'filter ispresent(requestParameters.`x-amz-acl`) | fields requestParameters.`x-amz-acl` as acl, `eventName` as `event name` | display `event name`, acl | sort @timestamp | limit 1' testdata/AWSLogs
> event name	acl
> CreateBucket	private
