# stats on real CloudTrail events (testdata/AWSLogs, 2900 invictus events):
# count(*), count(f), count_distinct, sum, avg, min, max; by keys with
# aliases; missing keys as their own group; two stats.
# Checked with jq/awk over the same records:
#   zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -c '.Records[]' > inv.jsonl

### count(*) without by: one row
# checked: jq -s length inv.jsonl = 2900
$ trailq 'stats count(*)' testdata/AWSLogs
> count(*)
> 2900

### unaliased columns are named by their text; a missing by key is its own group, last
# checked: per userIdentity.type (null for 42 AwsServiceEvent records), awk over
# jq -r '[(.userIdentity.type // "-"), .eventSource, (.errorCode // ""), .eventTime] | @tsv':
# rows, events with errorCode, distinct eventSource, min and max eventTime
$ trailq 'stats count(*), count(errorCode), count_distinct(eventSource), min(eventTime), max(eventTime) by userIdentity.type | sort userIdentity.type' testdata/AWSLogs
> userIdentity.type	count(*)	count(errorCode)	count_distinct(eventSource)	min(eventTime)	max(eventTime)
> AWSService	34	0	2	2023-07-10T11:55:22Z	2023-07-10T12:32:00Z
> AssumedRole	76	47	4	2023-07-10T11:54:47Z	2023-07-10T12:32:01Z
> IAMUser	2748	253	29	2023-07-10T11:42:18Z	2023-07-10T12:37:50Z
> 	42	0	2	2023-07-10T11:55:23Z	2023-07-10T12:08:27Z

### aliases on aggregates and on the by key; the missing key is absent from its JSON row
# checked: jq -r '.userIdentity.type // "MISSING"' | sort | uniq -c = AWSService 34, AssumedRole 76, IAMUser 2748, MISSING 42
$ trailq -o jsonl 'stats count(*) as n by userIdentity.type as t | sort n desc' testdata/AWSLogs
> {"t":"IAMUser","n":2748}
> {"t":"AssumedRole","n":76}
> {"n":42}
> {"t":"AWSService","n":34}

### sum, avg, min, max of a number field, per key (the six largest sums)
# checked: awk over jq -r 'select(.additionalEventData.bytesTransferredOut != null) | [.eventName, .additionalEventData.bytesTransferredOut] | @tsv':
# GetBucketPolicy 14 events sum 7278 -> avg 519.857142857142857..., printed with 16 significant digits
$ trailq 'filter ispresent(additionalEventData.bytesTransferredOut) | stats count(*) as c, sum(additionalEventData.bytesTransferredOut) as s, avg(additionalEventData.bytesTransferredOut) as a, min(additionalEventData.bytesTransferredOut) as mn, max(additionalEventData.bytesTransferredOut) as mx by eventName | sort s desc, eventName | limit 6' testdata/AWSLogs
> eventName	c	s	a	mn	mx
> GetBucketAcl	42	23184	552	552	552
> ListBuckets	3	18966	6322	6322	6322
> GetBucketPolicy	14	7278	519.8571428571429	312	1815
> GetBucketPublicAccessBlock	16	5552	347	326	371
> GetBucketLogging	18	5202	289	289	289
> GetBucketObjectLockConfiguration	10	3748	374.8	367	386

### aggregates skip events without the field; count(f) counts only events that have it
# checked: jq -s '[.[].additionalEventData.bytesTransferredOut // empty] | add, length' = 97112, 267;
# the same for bytesTransferredIn: sum 2348 (over the same 267 events)
$ trailq 'stats count(*) as n, count(additionalEventData.bytesTransferredOut) as c, sum(additionalEventData.bytesTransferredOut) as s, sum(additionalEventData.bytesTransferredIn) as si' testdata/AWSLogs
> n	c	s	si
> 2900	267	97112	2348

### numeric aggregates skip values that are not numbers (a group of text only has no sum or avg)
# checked: docs/language.md#aggregates: sum/avg skip strings that do not parse as numbers; errorCode and eventName are text
$ trailq -o jsonl 'stats sum(errorCode) as s, avg(eventName) as a, count(*) as n' testdata/AWSLogs
> {"n":2900}

### stats keys may be expressions, aliased
# checked: jq -r '.eventSource | split(".")[0]' | sort | uniq -c | sort -rn | head -3: ec2 892, ssm 488, iam 398
$ trailq 'stats count(*) as n by replace(eventSource, ".amazonaws.com", "") as service | sort n desc | limit 3' testdata/AWSLogs
> service	n
> ec2	892
> ssm	488
> iam	398

### two keys
# checked: jq -r '[.readOnly, (.errorCode != null)] | @tsv' | sort | uniq -c:
# false/false 480, false/true 94, true/false 2120, true/true 206
$ trailq 'stats count(*) as n by readOnly, ispresent(errorCode) as failed | sort readOnly, failed' testdata/AWSLogs
> readOnly	failed	n
> false	false	480
> false	true	94
> true	false	2120
> true	true	206

### a second stats over the first one's results
# checked: jq -r .eventSource | sort | uniq -c | awk: 29 sources, 2900 events, largest 892 (ec2), smallest 1, mean 100
$ trailq 'stats count(*) as n by eventSource | stats count(*) as sources, sum(n) as total, max(n) as biggest, min(n) as smallest, avg(n) as mean' testdata/AWSLogs
> sources	total	biggest	smallest	mean
> 29	2900	892	1	100

### filter between two stats
# checked: jq -r .eventSource | sort | uniq -c | awk '$1 >= 100': 7 sources with 2672 events
$ trailq 'stats count(*) as n by eventSource | filter n >= 100 | stats count(*) as busy_sources, sum(n) as events' testdata/AWSLogs
> busy_sources	events
> 7	2672

### arithmetic on aggregates, and on an earlier alias of the same stats
# checked: 300 of 2900 events have an errorCode (jq); 300 * 100 / 2900 = 10.344827586206897
$ trailq 'stats count(errorCode) as failed, count(*) as n, failed * 100 / n as pct' testdata/AWSLogs
> failed	n	pct
> 300	2900	10.344827586206897

### booleans are 1/0 in sum: the share of read-only calls per source (three largest sources)
# checked: jq -r 'select(.eventSource == "ec2.amazonaws.com") | .readOnly' | sort | uniq -c and likewise for ssm, iam:
# ec2 737 true of 892, ssm 323 of 488, iam 310 of 398
$ trailq 'stats count(*) as n, sum(readOnly) as ro by eventSource | sort n desc | limit 3' testdata/AWSLogs
> eventSource	n	ro
> ec2.amazonaws.com	892	737
> ssm.amazonaws.com	488	323
> iam.amazonaws.com	398	310
