# Every command of the man page's EXAMPLES section, run as printed there.
# tests/unit/test_docs.c checks that each "$ " line of EXAMPLES appears in
# a command below. The expected outputs were computed independently with jq
# and awk over the same files (zcat | jq -c '.Records[]' for testdata/AWSLogs),
# not copied from trailq.

### EXAMPLES: the five most frequent API calls
$ trailq 'stats count(*) as n by eventName | sort n desc | limit 5' testdata/AWSLogs
> eventName	n
> Decrypt	178
> DescribeRouteTables	163
> GetUser	130
> DescribeParameters	122
> ListTagsForResource	88

### EXAMPLES: the most frequent error codes
$ trailq 'filter ispresent(errorCode) | stats count(*) as n by errorCode | sort n desc | limit 3' testdata/AWSLogs
> errorCode	n
> ThrottlingException	102
> Client.UnauthorizedOperation	44
> AccessDenied	16

### EXAMPLES: who was refused, and how often (ties keep the by-key order)
$ trailq 'filter errorCode like /AccessDenied|Unauthorized/ | stats count(*) as denied by userIdentity.arn | sort denied desc' testdata/AWSLogs
> userIdentity.arn	denied
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-get-password-data-role/aws-go-sdk-1688990082523310002	29
> arn:aws:iam::123837392027:user/bert-jan	15
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-get-usr-data-role/aws-go-sdk-1688990565286187801	15
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-leave-org-role/aws-go-sdk-1688990515440126480	1

### EXAMPLES: activity in 15-minute buckets
$ trailq 'stats count(*) as calls by bin(15m) as t | sort t' testdata/AWSLogs
> t	calls
> 2023-07-10 11:30:00.000	80
> 2023-07-10 11:45:00.000	718
> 2023-07-10 12:00:00.000	1413
> 2023-07-10 12:15:00.000	682
> 2023-07-10 12:30:00.000	7

### EXAMPLES: --start, filter with like, fields, jsonl output, newest first
$ trailq -o jsonl --start 2023-07-10T12:30:00Z 'filter sourceIPAddress like "amazonaws.com" | fields @timestamp, eventName, sourceIPAddress' testdata/AWSLogs
> {"@timestamp":"2023-07-10 12:37:50.000","eventName":"DescribeEventAggregates","sourceIPAddress":"health.amazonaws.com"}
> {"@timestamp":"2023-07-10 12:34:46.000","eventName":"DescribeEventAggregates","sourceIPAddress":"health.amazonaws.com"}
> {"@timestamp":"2023-07-10 12:32:49.000","eventName":"DescribeEventAggregates","sourceIPAddress":"health.amazonaws.com"}
> {"@timestamp":"2023-07-10 12:32:01.000","eventName":"DeleteNetworkInterface","sourceIPAddress":"rds.amazonaws.com"}
> {"@timestamp":"2023-07-10 12:32:00.000","eventName":"AssumeRole","sourceIPAddress":"rds.amazonaws.com"}
> {"@timestamp":"2023-07-10 12:32:00.000","eventName":"AssumeRole","sourceIPAddress":"rds.amazonaws.com"}

### EXAMPLES: parse with a glob
$ trailq 'parse userAgent "terraform-provider-aws/* " as provider | filter ispresent(provider) | stats count(*) as n by provider | sort n desc' testdata/AWSLogs
> provider	n
> 3.76.1	1604
> 4.67.0	313
> dev	21

### EXAMPLES: parse with a regex and named groups
$ trailq 'parse userAgent /aws-sdk-(?<lang>[a-z]+)\/(?<ver>[0-9.]+)/ | filter ispresent(lang) | stats count(*) as n by lang, ver | sort n desc | limit 3' testdata/AWSLogs
> lang	ver	n
> go	1.44.157	1604
> go	1.44.261	281
> java	1.12.488	70

### EXAMPLES: two stats commands (the group without userIdentity.arn last)
$ trailq 'stats count(*) as calls by userIdentity.arn, eventSource | stats count(*) as services, sum(calls) as total by userIdentity.arn | sort total desc | limit 3' testdata/AWSLogs
> userIdentity.arn	services	total
> arn:aws:iam::123837392027:user/bert-jan	27	2641
> arn:aws:iam::123837392027:user/benjamin	6	105
> 	5	77

### EXAMPLES: dedup keeps the newest event per user
$ trailq 'filter ispresent(userIdentity.userName) | display @timestamp, userIdentity.userName, eventName | dedup userIdentity.userName' testdata/AWSLogs
> @timestamp	userIdentity.userName	eventName
> 2023-07-10 12:37:50.000	benjamin	DescribeEventAggregates
> 2023-07-10 12:34:46.000	bert-jan	DescribeEventAggregates
> 2023-07-10 12:23:15.000	stratus-red-team-nmfalu-gfjyeaypjt	ConsoleLogin

### EXAMPLES: IP address functions
$ trailq 'filter isValidIp(sourceIPAddress) and not isPrivateIP(sourceIPAddress) | stats count(*) as n by sourceIPAddress | sort n desc' testdata/AWSLogs
> sourceIPAddress	n
> 3.225.16.109	13
> 52.45.102.28	8

### EXAMPLES: unnest a list from jsonParse
$ trailq 'filter ispresent(resources) | unnest jsonParse(resources) into r | filter ispresent(r.type) | stats count(*) as n by r.type | sort n desc' testdata/AWSLogs
> r.type	n
> AWS::KMS::Key	240
> AWS::S3::Bucket	237
> AWS::IAM::Role	36

### EXAMPLES: dedup keeps every row whose key is missing
$ trailq 'display @timestamp, eventName, errorCode | dedup errorCode' testdata/cloudtrail/traildiscover
> @timestamp	eventName	errorCode
> 2026-02-22 16:11:47.000	CreateServiceLinkedRole	
> 2025-10-12 15:08:10.000	DescribeDBClusters	
> 2025-01-24 11:43:00.000	SendEmail	
> 2024-08-18 15:07:59.000	RunInstances	Client.InvalidParameterValue
> 2024-08-18 14:52:17.000	AuthorizeSecurityGroupIngress	Client.UnauthorizedOperation
> 2024-08-18 13:23:03.000	PutBucketPolicy	NoSuchBucket
> 2024-08-18 13:05:25.000	DeleteTrail	AccessDenied

### EXAMPLES: gzipped logs on standard input
$ cat testdata/AWSLogs/*/CloudTrail/us-east-1/2023/07/10/*.json.gz | trailq 'stats count(*) as events, count_distinct(eventName) as names'
> events	names
> 2900	260

### EXAMPLES: csv output (CR LF line ends shown as \r)
$ trailq -o csv 'filter eventName = "GetSecretValue" | fields @timestamp, userIdentity.arn, errorCode' testdata/cloudtrail/traildiscover | sed 's/\r$/\\r/'
> @timestamp,userIdentity.arn,errorCode\r
> 2024-08-18 12:31:31.000,arn:aws:iam::111111111111:user/TrailDiscover,AccessDenied\r

### EXAMPLES: --fields
$ trailq --fields testdata/cloudtrail/traildiscover/DeleteTrail.json.cloudtrail
> field	events	type
> @timestamp	1	timestamp
> @message	1	string
> @log	1	string
> @logStream	1	string
> @ptr	1	string
> awsRegion	1	string
> errorCode	1	string
> errorMessage	1	string
> eventCategory	1	string
> eventID	1	string
> eventName	1	string
> eventSource	1	string
> eventTime	1	string
> eventType	1	string
> eventVersion	1	string
> managementEvent	1	boolean
> readOnly	1	boolean
> recipientAccountId	1	string
> requestID	1	string
> sourceIPAddress	1	string
> tlsDetails.cipherSuite	1	string
> tlsDetails.clientProvidedHostHeader	1	string
> tlsDetails.tlsVersion	1	string
> userAgent	1	string
> userIdentity.accessKeyId	1	string
> userIdentity.accountId	1	string
> userIdentity.arn	1	string
> userIdentity.principalId	1	string
> userIdentity.type	1	string
> userIdentity.userName	1	string

### EXAMPLES: --db keeps the index; a run without paths queries it; a rerun reuses it
$ d=$(mktemp -d) && ln -s "$PWD/testdata" "$d/testdata" && cd "$d" && \
$ trailq --db trail.db 'stats count(*) as n' testdata/AWSLogs && \
$ trailq --db trail.db 'stats count(*) as n by eventSource | sort n desc | limit 3' && \
$ trailq --db trail.db 'stats count(*) as n' testdata/AWSLogs
> n
> 2900
> eventSource	n
> ec2.amazonaws.com	892
> ssm.amazonaws.com	488
> iam.amazonaws.com	398
> n
> 2900

### EXAMPLES: --sql athena --ddl, the table with its partitions where CloudTrail delivers
$ trailq --sql athena --ddl s3://my-trail/AWSLogs/123456789012/CloudTrail/ | grep -E "^CREATE|^PARTITIONED|^LOCATION|storage.location|projection.timestamp.(format|range)|^    (eventname|requestparameters|resources) "
> CREATE EXTERNAL TABLE cloudtrail_logs (
>     eventname STRING,
>     requestparameters STRING,
>     resources ARRAY<STRUCT<arn:STRING, accountid:STRING, type:STRING>>,
> PARTITIONED BY (region STRING, `timestamp` STRING)
> LOCATION 's3://my-trail/AWSLogs/123456789012/CloudTrail/'
>     'projection.timestamp.format' = 'yyyy/MM/dd',
>     'projection.timestamp.range' = '2013/11/01,NOW',
>     'storage.location.template' = 's3://my-trail/AWSLogs/123456789012/CloudTrail/${region}/${timestamp}'

### EXAMPLES: --sql athena --start: an eventtime predicate in ms (computed here with date) and the day folders from that day
$ ms=$(( $(date -u -d 2023-07-10T00:00:00Z +%s) * 1000 )); \
$ trailq --sql athena --start 2023-07-10T00:00:00Z 'filter errorCode like /AccessDenied|Unauthorized/ | stats count(*) as denied by userIdentity.arn | sort denied desc' | \
$ grep -oE "AS bigint\) >= [0-9]+|\"timestamp\" >= '[0-9/]+'|regexp_like\(errorcode, '[^']*'\)|useridentity.arn AS v1" | sed "s/ >= $ms$/ >= START/"
> AS bigint) >= START
> "timestamp" >= '2023/07/10'
> regexp_like(errorcode, 'AccessDenied|Unauthorized')
> useridentity.arn AS v1
