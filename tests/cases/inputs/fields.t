# Fields of an event (docs/language.md#fields-and-values): the system fields, dotted paths, array
# segments, booleans, subtrees, null, and no cap on the number of fields.
# Expected values come from jq over the same files; "the invictus records"
# means `zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -c '.Records[]'`.

### @timestamp is eventTime, printed YYYY-MM-DD HH:MM:SS.mmm (newest two events)
# checked: jq -r '.eventTime' over the invictus records | sort -r | head -2
$ trailq 'fields @timestamp, eventTime, eventName | limit 2' testdata/AWSLogs
> @timestamp	eventTime	eventName
> 2023-07-10 12:37:50.000	2023-07-10T12:37:50Z	DescribeEventAggregates
> 2023-07-10 12:34:46.000	2023-07-10T12:34:46Z	DescribeEventAggregates

### @timestamp equals eventTime for all 2900 events (rows, mismatches)
# checked: in the command: awk rewrites eventTime as YYYY-MM-DD HH:MM:SS.000 and compares
$ trailq 'fields @timestamp, eventTime' testdata/AWSLogs | tail -n +2 | awk -F'\t' '{t = $2; sub("T", " ", t); sub("Z", ".000", t); if (t != $1) bad++} END {print NR, bad + 0}'
> 2900 0

### @message is the record's JSON: same content and key order as jq -c, for all 2900 events
# checked: in the command (both sides normalised by jq -c, which keeps key order)
$ diff <(trailq -o jsonl 'fields @message' testdata/AWSLogs | jq -r '."@message"' | jq -c . | sort) <(zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -c '.Records[]' | sort) && echo same
> same

### @message is compact text, byte for byte the compact record (events.jsonl was made by jq -c)
# checked: in the command
$ trailq -o jsonl 'fields @message | sort @timestamp asc' testdata/shapes/events.jsonl | jq -r '."@message"' | cmp - testdata/shapes/events.jsonl && echo identical
> identical

### @message of a pretty-printed record is compacted, keys kept in file order
# checked: jq -c '.[0]' testdata/cloudtrail/stratus/aws.defense-evasion.cloudtrail-stop.json, compared in the command
$ diff <(trailq -o jsonl 'fields @message' testdata/cloudtrail/stratus/aws.defense-evasion.cloudtrail-stop.json | jq -r '."@message"') <(jq -c '.[0]' testdata/cloudtrail/stratus/aws.defense-evasion.cloudtrail-stop.json) && echo identical
> identical

### @log is the path as given, @ptr is path:record number (1-based)
# checked: zcat <file> | jq -r '.Records | to_entries[] | select(.value.eventTime == "2023-07-10T12:37:50Z") | .key + 1' = 2
$ trailq -o jsonl 'fields @log, @ptr | limit 1' testdata/AWSLogs
> {"@log":"testdata/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1240Z_C1qUFaqvZS64BcIN.json.gz","@ptr":"testdata/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1240Z_C1qUFaqvZS64BcIN.json.gz:2"}

### @log keeps the spelling of the argument (./ stays)
# checked: by hand
$ trailq 'fields @log, @ptr' ./testdata/shapes/single-event.json
> @log	@ptr
> ./testdata/shapes/single-event.json	./testdata/shapes/single-event.json:1

### @ptr leads back to the record with the same eventID, for all 2900 events
# checked: in the command: jq lists "<file>:<index + 1>\t<eventID>" for every record of every file
$ diff <(trailq 'fields @ptr, eventID' testdata/AWSLogs | tail -n +2 | sort) <(for f in testdata/AWSLogs/*/*/*/*/*/*/*.json.gz; do zcat "$f" | jq -r --arg f "$f" '.Records | to_entries[] | "\($f):\(.key + 1)\t\(.value.eventID)"'; done | sort) && echo same
> same

### @ptr counts records, not lines, in a pretty-printed array
# checked: jq -r '.[] | .eventID' testdata/shapes/bare-array.json (array index + 1; the records span ~30 lines each)
$ trailq 'fields @ptr, eventID | sort @timestamp asc' testdata/shapes/bare-array.json
> @ptr	eventID
> testdata/shapes/bare-array.json:1	d8dd4a1e-62fd-4029-bbba-a0fe838ba0c7
> testdata/shapes/bare-array.json:2	084a0d08-2e94-4777-9042-48df97531113
> testdata/shapes/bare-array.json:3	4f5bcccd-e830-4f81-92c9-12223f60538d
> testdata/shapes/bare-array.json:4	52a2921f-683b-4c64-91d6-a62edb999543
> testdata/shapes/bare-array.json:5	0670b8d5-8a8f-466d-82f0-bbeaae7d68f9

### @logStream is <recipientAccountId>_CloudTrail_<awsRegion> (Stratus: anonymised regions)
# checked: jq -r '.[] | .recipientAccountId + "_CloudTrail_" + .awsRegion' testdata/cloudtrail/stratus/* | sort | uniq -c
$ trailq 'stats count(*) as n by @logStream | sort @logStream' testdata/cloudtrail/stratus
> @logStream	n
> 118238665043_CloudTrail_me-south-1r	1
> 143434273843_CloudTrail_apiso-centralnorth-2r	1
> 498376118699_CloudTrail_megov-south-1r	1
> 562283505220_CloudTrail_eu-west-2r	1
> 756680937392_CloudTrail_me-central-3r	1
> 763751499319_CloudTrail_megov-southcentral-3r	1
> 847129010505_CloudTrail_megov-westwest-1r	1
> 946986569305_CloudTrail_ap-central-2r	1

### @logStream of the invictus events: the recipient account, not the account in the S3 path
# checked: jq -r '.recipientAccountId + "_CloudTrail_" + .awsRegion' over the invictus records | sort | uniq -c = 2900 x 123837392027_CloudTrail_us-east-1
$ trailq 'stats count(*) as n by @logStream' testdata/AWSLogs
> @logStream	n
> 123837392027_CloudTrail_us-east-1	2900

### @ingestionTime is the delivery time in the S3 file name (..._20230710T1205Z_...)
# checked: per file, sed the YYYYMMDDTHHMMZ out of the name and sum jq '.Records | length' per time (awk)
$ trailq 'stats count_distinct(@log) as files, count(*) as n by @ingestionTime | sort @ingestionTime' testdata/AWSLogs
> @ingestionTime	files	n
> 2023-07-10 11:45:00.000	2	80
> 2023-07-10 11:50:00.000	1	2
> 2023-07-10 12:00:00.000	2	526
> 2023-07-10 12:05:00.000	8	346
> 2023-07-10 12:10:00.000	7	494
> 2023-07-10 12:15:00.000	8	645
> 2023-07-10 12:20:00.000	6	168
> 2023-07-10 12:25:00.000	5	40
> 2023-07-10 12:30:00.000	12	407
> 2023-07-10 12:35:00.000	3	190
> 2023-07-10 12:40:00.000	1	2

### @ingestionTime is absent when the file name carries no delivery time
# checked: by hand: shapes/ names are not S3 object names
$ trailq -o jsonl 'fields eventName, @ingestionTime | limit 1' testdata/shapes/events.jsonl
> {"eventName":"DescribeDBSnapshots"}

### dotted paths and .N. array segments (0-based), in output and in arithmetic
# checked: jq -c '.[0].requestParameters.ipPermissions.items[0] | [.ipRanges.items[0].cidrIp, .fromPort, .toPort, .ipProtocol]'
# testdata/cloudtrail/traildiscover/AuthorizeSecurityGroupIngress.json.cloudtrail = ["0.0.0.0/24",22,22,"tcp"]
$ trailq -o jsonl 'fields requestParameters.ipPermissions.items.0.ipRanges.items.0.cidrIp as cidr, requestParameters.ipPermissions.items.0.fromPort + 1 as p1, requestParameters.ipPermissions.items.0.ipProtocol as proto, requestParameters.ipPermissions.items.1.ipProtocol as none' testdata/cloudtrail/traildiscover/AuthorizeSecurityGroupIngress.json.cloudtrail
> {"cidr":"0.0.0.0/24","p1":23,"proto":"tcp"}

### resources.0.ARN across the invictus set
# checked: jq -r '.resources[0].ARN // empty' over the invictus records | grep -c . = 693; jq -r '.resources[1].ARN // empty' | grep -c . = 14
$ trailq 'stats count(resources.0.ARN) as first, count(resources.1.ARN) as second' testdata/AWSLogs
> first	second
> 693	14

### a field naming an object yields the subtree as compact JSON (keys in file order)
# checked: jq -c '.[0].requestParameters.ipPermissions.items, .[0].userIdentity' of the same file
$ trailq -o jsonl 'fields requestParameters.ipPermissions.items as items, userIdentity' testdata/cloudtrail/traildiscover/AuthorizeSecurityGroupIngress.json.cloudtrail | jq -c '.items, .userIdentity'
> [{"fromPort":22,"groups":{},"ipProtocol":"tcp","ipRanges":{"items":[{"cidrIp":"0.0.0.0/24"}]},"ipv6Ranges":{},"prefixListIds":{},"toPort":22}]
> {"accessKeyId":"AKIA****************","accountId":"111111111111","arn":"arn:aws:iam::111111111111:user/TrailDiscover","principalId":"AROA****************:User","type":"IAMUser","userName":"TrailDiscover"}

### fields userIdentity (tsv): one compact JSON cell
# checked: jq -c '.userIdentity' testdata/shapes/single-event.json
$ trailq 'fields userIdentity' testdata/shapes/single-event.json
> userIdentity
> {"type":"IAMUser","principalId":"AIDATFQR7NSC5AU2ZV3IE","arn":"arn:aws:iam::123837392027:user/bert-jan","accountId":"123837392027","accessKeyId":"AKIATFQR7NSC8Q4X20BJ","userName":"bert-jan"}

### booleans: shown as true/false, equal to true/false, 1/0 in sum and arithmetic
# checked: jq -r '[.readOnly, .managementEvent] | @tsv' over the invictus records | sort | uniq -c:
# 574 "false true", 2326 "true true"
$ trailq 'stats count(*) as n, sum(readOnly) as ro, sum(managementEvent) as me by readOnly as r' testdata/AWSLogs
> r	n	ro	me
> false	574	0	574
> true	2326	2326	2326

### booleans compare with the literals true and false
# checked: as above, 2326 true, 574 false
$ trailq 'filter readOnly = true | stats count(*) as t' testdata/AWSLogs; trailq 'filter readOnly = false | stats count(*) as f' testdata/AWSLogs; trailq 'filter readOnly != true | stats count(*) as nt' testdata/AWSLogs
> t
> 2326
> f
> 574
> nt
> 574

### a boolean in arithmetic is 1 or 0
# checked: SearchInsights has readOnly true (jq), so readOnly + 10 = 11 and readOnly * 5 = 5
$ trailq -o jsonl 'filter eventName = "SearchInsights" | fields readOnly, readOnly + 10 as a, readOnly * 5 as b | limit 1' testdata/AWSLogs
> {"readOnly":true,"a":11,"b":5}

### JSON null is missing: responseElements is null in 2573 of the 2900 invictus events
# checked: jq -r 'if .responseElements == null then "null" else "value" end' | sort | uniq -c = 2573 null, 327 value
$ trailq 'stats count(*) as n, count(responseElements) as with_re, sum(ispresent(responseElements)) as present, sum(isempty(responseElements)) as empty' testdata/AWSLogs
> n	with_re	present	empty
> 2900	327	327	2573

### ... and a null is not the text "null" nor ""
# checked: by hand from docs/language.md#fields-and-values (null is missing; comparisons with a missing operand are false)
$ trailq 'filter responseElements = "null" or responseElements = "" | stats count(*) as n' testdata/AWSLogs
> n
> 0

### ... and a missing by key forms its own group (here renamed with coalesce)
# checked: 2573 as above
$ trailq 'stats count(*) as n by coalesce(responseElements, "(missing)") as re | sort n desc | limit 1' testdata/AWSLogs
> re	n
> (missing)	2573

### numbers keep their value: 1.688560107857E9 in the source reads as 1688560107.857
# checked: jq -c 'select(.eventName == "SearchInsights") | .requestParameters.StartTimeRange.FromTime' over the invictus records
$ trailq -o jsonl 'filter eventName = "SearchInsights" | fields requestParameters.StartTimeRange.FromTime as f, requestParameters.StartTimeRange.FromTime * 1000 as ms | sort f' testdata/AWSLogs
> {"f":1688560107.857,"ms":1688560107857}
> {"f":1688905708.62,"ms":1688905708620}

### no field cap: testdata/hand/wide.json has 624 leaves, all listed by --fields (+ 5 system fields + header)
# checked: jq '[paths(type == "string" or type == "number" or type == "boolean")] | length' testdata/hand/wide.json = 624
$ trailq --fields testdata/hand/wide.json | wc -l
> 630

### ... the same names as jq's leaf paths
# checked: in the command
$ diff <(trailq --fields testdata/hand/wide.json | tail -n +2 | cut -f1 | grep -v '^@' | sort) <(jq -r 'paths(type == "string" or type == "number" or type == "boolean") | map(tostring) | join(".")' testdata/hand/wide.json | sort) && echo same
> same

### ... and the last of them can be queried
# checked: jq -r '.requestParameters.tagSet.items[299] | .key, .value' testdata/hand/wide.json = k299, v299
$ trailq 'fields requestParameters.tagSet.items.299.key as k, requestParameters.tagSet.items.299.value as v, requestParameters.tagSet.items.300.value as none' testdata/hand/wide.json
> k	v	none
> k299	v299	

### --fields lists each field with the number of events that have it, and its type
# checked: jq -r 'EXPR // empty' over the invictus records | wc -l: errorCode 300, userIdentity.type 2858,
# bytesTransferredOut 267 (numbers), resources[0].ARN 693, apiVersion 10 (strings); readOnly in all 2900 (booleans)
$ trailq --fields testdata/AWSLogs | grep -E '^(field|@timestamp|@ingestionTime|eventName|errorCode|readOnly|userIdentity\.type|additionalEventData\.bytesTransferredOut|resources\.0\.ARN|apiVersion)	'
> field	events	type
> @timestamp	2900	timestamp
> @ingestionTime	2900	timestamp
> additionalEventData.bytesTransferredOut	267	number
> apiVersion	10	string
> errorCode	300	string
> eventName	2900	string
> readOnly	2900	boolean
> resources.0.ARN	693	string
> userIdentity.type	2858	string
