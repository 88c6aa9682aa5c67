# The example queries (docs/language.md#example-queries) that apply to
# CloudTrail (§8.1, §8.2) and to plain logs (§8.6), run against the data
# sets: the copies in testdata/ (the whole Invictus trail, the OTRF file, the
# AWS-documentation records), the larger corpus in $SHARED/data (cases that
# need it are skipped without it), or a small hand-made input, each
# checked independently IN the command: the rows trailq prints are compared with rows computed by jq from the same
# files (testdata/lang/records.sh unpacks them, testdata/lang/jqdefs.jq
# formats timestamps and values as trailq prints them). "jq: the same N
# rows" means trailq's rows (as a set for stats, in order for sorted
# listings, ties in input order) equal jq's. Where the query finds nothing
# in any collection, the case shows the empty result (header only) and the
# same query shape with a value that exists.
# Collections: invictus (2,900 events, testdata/AWSLogs), traildiscover
# (563), stratus (310), SANS (30,477; only with a selective filter), OTRF
# (103, testdata/cloudtrail/otrf), the 7 AWS-documentation records
# (testdata/cloudtrail/edge/cloudtrail_log.json).


### §8.1 q1: stats count(*) by eventSource, eventName, awsRegion
~ [ -d "$SHARED/data" ]
# columns eventSource, eventName, awsRegion, count(*); one row per combination
# checked: jq group_by over the same events (stratus, 310 events)
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'stats count(*) by eventSource, eventName, awsRegion' $D | tee $d/t | head -n 1; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[]] | group_by([.eventSource, .eventName, .awsRegion]) | .[] | [(.[0].eventSource|s), (.[0].eventName|s), (.[0].awsRegion|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> eventSource	eventName	awsRegion	count(*)
> jq: the same 65 rows

### §8.1 q2: EC2 start/stop calls in us-east-2 (none in any collection)
~ [ -d "$SHARED/data" ]
# raw events (@timestamp, @message), newest first; no collection has such an event
# checked: jq finds 0 matching events in stratus, traildiscover and the AWS doc records
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs $SHARED/data/cloudtrail/traildiscover_logExamples $SHARED/data/cloudtrail/edge-cases/otel_awslogsencodingextension/cloudtrail_log.json"; trailq -o tsv 'filter (eventName="StartInstances" or eventName="StopInstances") and awsRegion="us-east-2"' $D; \
$ echo "jq: $(sh testdata/lang/records.sh $D | jq -c 'select((.eventName=="StartInstances" or .eventName=="StopInstances") and .awsRegion=="us-east-2")' | wc -l) events"
> @timestamp	@message
> jq: 0 events
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q2, the same query for us-east-1: newest first
~ [ -d "$SHARED/data" ]
# checked: jq lists the 4 traildiscover events (two files hold the same pair) with these times
$ D="$SHARED/data/cloudtrail/traildiscover_logExamples"; trailq -o tsv 'filter (eventName="StartInstances" or eventName="StopInstances") and awsRegion="us-east-1"' $D | cut -f1; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -r 'include "jqdefs"; select((.eventName=="StartInstances" or .eventName=="StopInstances") and .awsRegion=="us-east-1") | ts' | sort -r
> @timestamp
> 2024-08-18 14:46:08.000
> 2024-08-18 14:46:08.000
> 2024-08-18 14:13:22.000
> 2024-08-18 14:13:22.000
> 2024-08-18 14:46:08.000
> 2024-08-18 14:46:08.000
> 2024-08-18 14:13:22.000
> 2024-08-18 14:13:22.000
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q3: CreateUser with region, new user name and ARN
# checked: jq over invictus (4 CreateUser events); newest first
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter eventName="CreateUser" | fields awsRegion, requestParameters.userName, responseElements.user.arn' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName=="CreateUser")] | sort_by((.eventTime|fromdate|-.)) | .[] | [(.awsRegion|s), (.requestParameters.userName|s), (.responseElements.user.arn|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> awsRegion	requestParameters.userName	responseElements.user.arn
> us-east-1	stratus-red-team-login-profile-user	arn:aws:iam::123837392027:user/stratus-red-team-login-profile-user
> us-east-1	malicious-iam-user	arn:aws:iam::123837392027:user/malicious-iam-user
> us-east-1	stratus-red-team-backdoor-u-user	arn:aws:iam::123837392027:user/stratus-red-team-backdoor-u-user
> us-east-1	stratus-red-team-nmfalu-gfjyeaypjt	arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt
> jq: the same 4 rows

### §8.1 q4: failed UpdateTrail calls by error code and message
~ [ -d "$SHARED/data" ]
# no row for successful calls
# checked: jq over traildiscover and the AWS doc records: 2 AccessDenied, 1 TrailNotFoundException
$ D="$SHARED/data/cloudtrail/traildiscover_logExamples $SHARED/data/cloudtrail/edge-cases/otel_awslogsencodingextension/cloudtrail_log.json"; d=$(mktemp -d); trailq -o tsv 'filter eventName="UpdateTrail" and ispresent(errorCode) | stats count(*) by errorCode, errorMessage' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName=="UpdateTrail" and .errorCode != null)] | group_by([.errorCode, .errorMessage]) | .[] | [(.[0].errorCode|s), (.[0].errorMessage|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> errorCode	errorMessage	count(*)
> AccessDenied	User: arn:aws:iam::111111111111:user/TrailDiscover is not authorized to perform: cloudtrail:UpdateTrail on resource: arn:aws:cloudtrail:us-east-1:192374575148:trail/TrailDiscoverName because no identity-based policy allows the cloudtrail:UpdateTrail action	2
> TrailNotFoundException	Unknown trail: arn:aws:cloudtrail:us-east-1:111122223333:trail/myTrail2 for the user: 111122223333	1
> jq: the same 2 rows
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q5: legacy-TLS calls per caller, service and agent (none in the data)
# columns: the eight by keys, then numOutdatedTlsCalls; no event in any collection uses TLS 1.0/1.1
# checked: jq finds no such event in invictus
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter tlsDetails.tlsVersion in [ "TLSv1", "TLSv1.1" ] | stats count(*) as numOutdatedTlsCalls by userIdentity.accountId, recipientAccountId, eventSource, eventName, awsRegion, tlsDetails.tlsVersion, tlsDetails.cipherSuite, userAgent | sort eventSource, eventName, awsRegion, tlsDetails.tlsVersion' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.tlsDetails.tlsVersion | IN("TLSv1", "TLSv1.1"))] | length | select(. > 0)' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> userIdentity.accountId	recipientAccountId	eventSource	eventName	awsRegion	tlsDetails.tlsVersion	tlsDetails.cipherSuite	userAgent	numOutdatedTlsCalls
> jq: the same 0 rows

### §8.1 q5 with TLSv1.3: the same query finds rows, sorted by the four keys
~ [ -d "$SHARED/data" ]
# checked: jq group_by gives the same rows; the four sort columns are in order (LC_ALL=C sort -c agrees with the Insights order for these values)
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'filter tlsDetails.tlsVersion in [ "TLSv1.3" ] | stats count(*) as numOutdatedTlsCalls by userIdentity.accountId, recipientAccountId, eventSource, eventName, awsRegion, tlsDetails.tlsVersion, tlsDetails.cipherSuite, userAgent | sort eventSource, eventName, awsRegion, tlsDetails.tlsVersion' $D > $d/t; head -n 1 $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.tlsDetails.tlsVersion == "TLSv1.3")] | group_by([.userIdentity.accountId, .recipientAccountId, .eventSource, .eventName, .awsRegion, .tlsDetails.tlsVersion, .tlsDetails.cipherSuite, .userAgent]) | .[] | [(.[0].userIdentity.accountId|s), (.[0].recipientAccountId|s), (.[0].eventSource|s), (.[0].eventName|s), (.[0].awsRegion|s), (.[0].tlsDetails.tlsVersion|s), (.[0].tlsDetails.cipherSuite|s), (.[0].userAgent|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"; tail -n +2 $d/t | cut -f3-6 | LC_ALL=C sort -c && echo sorted
> userIdentity.accountId	recipientAccountId	eventSource	eventName	awsRegion	tlsDetails.tlsVersion	tlsDetails.cipherSuite	userAgent	numOutdatedTlsCalls
> jq: the same 54 rows
> sorted

### §8.1 q6: services ranked by legacy-TLS calls (none in the data)
# checked: jq finds no TLS 1.0/1.1 event in invictus
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter tlsDetails.tlsVersion in [ "TLSv1", "TLSv1.1" ] | stats count(*) as numOutdatedTlsCalls by eventSource | sort numOutdatedTlsCalls desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.tlsDetails.tlsVersion | IN("TLSv1", "TLSv1.1"))] | length | select(. > 0)' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> eventSource	numOutdatedTlsCalls
> jq: the same 0 rows

### §8.1 q6 with TLSv1.3: services ranked by count, ties in key order
~ [ -d "$SHARED/data" ]
# checked: jq counts per eventSource (printed after trailq's rows, count desc, then name)
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; trailq -o tsv 'filter tlsDetails.tlsVersion in [ "TLSv1.3" ] | stats count(*) as numOutdatedTlsCalls by eventSource | sort numOutdatedTlsCalls desc' $D; \
$ sh testdata/lang/records.sh $D | jq -rs '[.[] | select(.tlsDetails.tlsVersion == "TLSv1.3")] | group_by(.eventSource) | map([.[0].eventSource, length]) | sort_by(-.[1]) | .[] | @tsv'
> eventSource	numOutdatedTlsCalls
> ec2.amazonaws.com	87
> secretsmanager.amazonaws.com	26
> sts.amazonaws.com	16
> bedrock.amazonaws.com	15
> iam.amazonaws.com	10
> ec2-instance-connect.amazonaws.com	6
> cloudtrail.amazonaws.com	3
> lambda.amazonaws.com	3
> rolesanywhere.amazonaws.com	2
> organizations.amazonaws.com	1
> rds.amazonaws.com	1
> route53resolver.amazonaws.com	1
> signin.amazonaws.com	1
> ec2.amazonaws.com	87
> secretsmanager.amazonaws.com	26
> sts.amazonaws.com	16
> bedrock.amazonaws.com	15
> iam.amazonaws.com	10
> ec2-instance-connect.amazonaws.com	6
> cloudtrail.amazonaws.com	3
> lambda.amazonaws.com	3
> rolesanywhere.amazonaws.com	2
> organizations.amazonaws.com	1
> rds.amazonaws.com	1
> route53resolver.amazonaws.com	1
> signin.amazonaws.com	1

### §8.1 q7: attempts to weaken or remove auditing, newest first
# checked: jq over invictus: 8 events, sorted by time descending, ties in input order
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter eventSource = "cloudtrail.amazonaws.com" and eventName in ["StopLogging","DeleteTrail","UpdateTrail","PutEventSelectors","PutInsightSelectors"] | fields @timestamp, userIdentity.arn, sourceIPAddress, eventName, requestParameters.name | sort @timestamp desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventSource == "cloudtrail.amazonaws.com" and (.eventName | IN("StopLogging","DeleteTrail","UpdateTrail","PutEventSelectors","PutInsightSelectors")))] | sort_by((.eventTime|fromdate|-.)) | .[] | [ts, (.userIdentity.arn|s), (.sourceIPAddress|s), (.eventName|s), (.requestParameters.name|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	sourceIPAddress	eventName	requestParameters.name
> 2023-07-10 12:08:04.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	DeleteTrail	stratus-red-team-ctes-trail-qyxyekjbtk
> 2023-07-10 12:08:04.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	DeleteTrail	stratus-red-team-ctlr-trail-zqfsvooxqj
> 2023-07-10 12:07:49.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	PutEventSelectors	
> 2023-07-10 12:01:27.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	StopLogging	stratus-red-team-ct-stop-trail-qzbgnfqisx
> 2023-07-10 12:01:23.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	StopLogging	stratus-red-team-ct-stop-trail-qzbgnfqisx
> 2023-07-10 12:00:42.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	StopLogging	stratus-red-team-ct-stop-trail-qzbgnfqisx
> 2023-07-10 12:00:08.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	PutEventSelectors	
> 2023-07-10 11:59:02.000	arn:aws:iam::123837392027:user/bert-jan	192.168.10.20	DeleteTrail	stratus-red-team-cloudtraild-trail-aueolsaccp
> jq: the same 8 rows

### §8.1 q8: IAM permission grants, oldest first; fields missing for an API are empty
# checked: jq over invictus: 12 events in time order
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter eventSource = "iam.amazonaws.com" and eventName in ["AttachUserPolicy","AttachRolePolicy","AttachGroupPolicy","PutUserPolicy","PutRolePolicy","PutGroupPolicy","CreatePolicyVersion","SetDefaultPolicyVersion"] | fields @timestamp, userIdentity.arn, eventName, requestParameters.policyArn, requestParameters.roleName, requestParameters.userName | sort @timestamp asc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventSource == "iam.amazonaws.com" and (.eventName | IN("AttachUserPolicy","AttachRolePolicy","AttachGroupPolicy","PutUserPolicy","PutRolePolicy","PutGroupPolicy","CreatePolicyVersion","SetDefaultPolicyVersion")))] | sort_by((.eventTime|fromdate)) | .[] | [ts, (.userIdentity.arn|s), (.eventName|s), (.requestParameters.policyArn|s), (.requestParameters.roleName|s), (.requestParameters.userName|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	eventName	requestParameters.policyArn	requestParameters.roleName	requestParameters.userName
> 2023-07-10 11:54:39.000	arn:aws:iam::123837392027:user/bert-jan	PutRolePolicy		stratus-red-team-ec2-get-password-data-role	
> 2023-07-10 11:55:08.000	arn:aws:iam::123837392027:user/bert-jan	PutRolePolicy		stratus-red-team-ec2-steal-credentials-role	
> 2023-07-10 11:55:10.000	arn:aws:iam::123837392027:user/bert-jan	AttachRolePolicy	arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore	stratus-red-team-ec2-steal-credentials-role	
> 2023-07-10 12:01:52.000	arn:aws:iam::123837392027:user/bert-jan	PutRolePolicy		stratus-red-team-leave-org-role	
> 2023-07-10 12:02:22.000	arn:aws:iam::123837392027:user/bert-jan	PutRolePolicy		stratus-red-team-remove-flow-logs-role	
> 2023-07-10 12:02:42.000	arn:aws:iam::123837392027:user/bert-jan	PutRolePolicy		stratus-red-team-get-usr-data-role	
> 2023-07-10 12:03:13.000	arn:aws:iam::123837392027:user/bert-jan	AttachRolePolicy	arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore	stratus-red-team-ec2-enumerate-role	
> 2023-07-10 12:06:33.000	arn:aws:iam::123837392027:user/bert-jan	AttachRolePolicy	arn:aws:iam::123837392027:policy/stratus-red-team-ec2lui-policy-pcccexdthk	stratus-red-team-ec2lui-role-pcccexdthk	
> 2023-07-10 12:07:17.000	arn:aws:iam::123837392027:user/bert-jan	AttachRolePolicy	arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore	stratus-red-team-usr-data-role	
> 2023-07-10 12:09:22.000	arn:aws:iam::123837392027:user/bert-jan	AttachRolePolicy	arn:aws:iam::123837392027:policy/stratus-red-team-ec2lui-policy-wuzemnoeqa	stratus-red-team-ec2lui-role-wuzemnoeqa	
> 2023-07-10 12:24:10.000	arn:aws:iam::123837392027:user/bert-jan	AttachRolePolicy	arn:aws:iam::aws:policy/AdministratorAccess	stratus-red-team-backdoor-r-role	
> 2023-07-10 12:24:49.000	arn:aws:iam::123837392027:user/bert-jan	AttachUserPolicy	arn:aws:iam::aws:policy/AdministratorAccess		malicious-iam-user
> jq: the same 12 rows

### §8.1 q9: new access keys, who created them, for whom
~ [ -d "$SHARED/data" ]
# checked: jq over invictus and stratus: 4 CreateAccessKey events
$ D="$SHARED/data/cloudtrail/invictus-ir_aws_dataset $SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'filter eventName = "CreateAccessKey" | fields @timestamp, userIdentity.arn, requestParameters.userName, responseElements.accessKey.accessKeyId, sourceIPAddress' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "CreateAccessKey")] | sort_by((.eventTime|fromdate|-.)) | .[] | [ts, (.userIdentity.arn|s), (.requestParameters.userName|s), (.responseElements.accessKey.accessKeyId|s), (.sourceIPAddress|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	requestParameters.userName	responseElements.accessKey.accessKeyId	sourceIPAddress
> 2024-08-01 13:33:28.000	arn:aws:iam::229654561268:user/christophe	malicious-iam-user	AKIAXAFZN8JEPF6L682H	075.050.255.67
> 2024-07-30 21:53:13.000	arn:aws:iam::946986569305:user/christophe	stratus-red-team-backdoor-u-user	AKIAL80DWDVKKM0UXEER	211.9.016.253
> 2023-07-10 12:24:50.000	arn:aws:iam::123837392027:user/bert-jan	malicious-iam-user	AKIATFQR7NSCQLA2F4OD	192.168.10.20
> 2023-07-10 12:24:29.000	arn:aws:iam::123837392027:user/bert-jan	stratus-red-team-backdoor-u-user	AKIATFQR7NSC3ZO6PKAZ	192.168.10.20
> jq: the same 4 rows

### §8.1 q10: security-group rules opened to the whole internet (regex on @message)
~ [ -d "$SHARED/data" ]
# checked: jq over invictus, stratus and traildiscover: 5 AuthorizeSecurityGroupIngress events, 2 mention 0.0.0.0/0 or ::/0
$ D="$SHARED/data/cloudtrail/invictus-ir_aws_dataset $SHARED/data/cloudtrail/stratus-red-team_detonation-logs $SHARED/data/cloudtrail/traildiscover_logExamples"; d=$(mktemp -d); trailq -o tsv 'filter eventName = "AuthorizeSecurityGroupIngress" and @message like /0\.0\.0\.0\/0|::\/0/ | fields @timestamp, userIdentity.arn, requestParameters.groupId' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "AuthorizeSecurityGroupIngress" and (tojson | test("0\\.0\\.0\\.0/0|::/0")))] | sort_by((.eventTime|fromdate|-.)) | .[] | [ts, (.userIdentity.arn|s), (.requestParameters.groupId|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	requestParameters.groupId
> 2023-07-10 12:10:08.000	arn:aws:iam::123837392027:user/bert-jan	sg-04cfb7a4712d75b00
> 2023-07-10 12:10:05.000	arn:aws:iam::123837392027:user/bert-jan	sg-04cfb7a4712d75b00
> jq: the same 2 rows
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q11: bucket-exposure changes per bucket, API and actor, most first
~ [ -d "$SHARED/data" ]
# checked: jq over invictus and traildiscover (printed after trailq's rows as a sorted set)
$ D="$SHARED/data/cloudtrail/invictus-ir_aws_dataset $SHARED/data/cloudtrail/traildiscover_logExamples"; d=$(mktemp -d); trailq -o tsv 'filter eventSource = "s3.amazonaws.com" and eventName in ["PutBucketPolicy","DeleteBucketPolicy","PutBucketAcl","PutBucketPublicAccessBlock","DeleteBucketPublicAccessBlock"] | stats count(*) as changes by requestParameters.bucketName, eventName, userIdentity.arn | sort changes desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventSource == "s3.amazonaws.com" and (.eventName | IN("PutBucketPolicy","DeleteBucketPolicy","PutBucketAcl","PutBucketPublicAccessBlock","DeleteBucketPublicAccessBlock")))] | group_by([.requestParameters.bucketName, .eventName, .userIdentity.arn]) | .[] | [(.[0].requestParameters.bucketName|s), (.[0].eventName|s), (.[0].userIdentity.arn|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"; tail -n +2 $d/t | cut -f4 | sort -c -n -r && echo 'changes: descending'
> requestParameters.bucketName	eventName	userIdentity.arn	changes
> TrailDiscover	PutBucketPolicy	arn:aws:iam::111111111111:user/TrailDiscover	2
> TrailDiscoverBucket	PutBucketAcl	arn:aws:iam::111111111111:user/TrailDiscover	2
> TrailDiscoverBucketName	DeleteBucketPolicy	arn:aws:iam::111111111111:user/TrailDiscover	2
> stratus-red-team-bdbp-lhfzvgcamn	DeleteBucketPolicy	arn:aws:iam::123837392027:user/bert-jan	1
> stratus-red-team-bdbp-lhfzvgcamn	PutBucketPolicy	arn:aws:iam::123837392027:user/bert-jan	1
> stratus-red-team-ctes-bucket-qyxyekjbtk	PutBucketPolicy	arn:aws:iam::123837392027:user/bert-jan	1
> stratus-red-team-ctlr-bucket-zqfsvooxqj	PutBucketPolicy	arn:aws:iam::123837392027:user/bert-jan	1
> jq: the same 7 rows
> changes: descending
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q12: destructive KMS key operations (none in the data)
~ [ -d "$SHARED/data" ]
# checked: jq finds none in invictus, stratus or traildiscover
$ D="$SHARED/data/cloudtrail/invictus-ir_aws_dataset $SHARED/data/cloudtrail/stratus-red-team_detonation-logs $SHARED/data/cloudtrail/traildiscover_logExamples"; d=$(mktemp -d); trailq -o tsv 'filter eventSource = "kms.amazonaws.com" and eventName in ["ScheduleKeyDeletion","DisableKey","PutKeyPolicy"] | fields @timestamp, userIdentity.arn, requestParameters.keyId, eventName' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventSource == "kms.amazonaws.com" and (.eventName | IN("ScheduleKeyDeletion","DisableKey","PutKeyPolicy")))] | sort_by((.eventTime|fromdate|-.)) | .[] | [ts, (.userIdentity.arn|s), (.requestParameters.keyId|s), (.eventName|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	requestParameters.keyId	eventName
> jq: the same 0 rows
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q12 with CreateKey and DescribeKey: the same query shape finds rows
~ [ -d "$SHARED/data" ]
# checked: jq over traildiscover: 4 events
$ D="$SHARED/data/cloudtrail/traildiscover_logExamples"; d=$(mktemp -d); trailq -o tsv 'filter eventSource = "kms.amazonaws.com" and eventName in ["CreateKey","DescribeKey"] | fields @timestamp, userIdentity.arn, requestParameters.keyId, eventName' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventSource == "kms.amazonaws.com" and (.eventName | IN("CreateKey","DescribeKey")))] | sort_by((.eventTime|fromdate|-.)) | .[] | [ts, (.userIdentity.arn|s), (.requestParameters.keyId|s), (.eventName|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	requestParameters.keyId	eventName
> 2025-02-15 14:52:52.000	arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_ReadOnlyAccess_ff7f8c5c5851db50/AdanAlvarez		DescribeKey
> 2025-02-15 14:52:52.000	arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_ReadOnlyAccess_ff7f8c5c5851db50/AdanAlvarez		DescribeKey
> 2025-02-15 14:51:04.000	arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_ReadOnlyAccess_ff7f8c5c5851db50/AdanAlvarez		CreateKey
> 2025-02-15 14:51:04.000	arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_ReadOnlyAccess_ff7f8c5c5851db50/AdanAlvarez		CreateKey
> jq: the same 4 rows
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q13: top destructive actions by service, API and actor
# checked: jq over invictus: 34 groups (fewer than the limit of 50), counts descending
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter eventName like /^(Delete|Terminate|Remove)/ | stats count(*) as n by eventSource, eventName, userIdentity.arn | sort n desc | limit 50' $D > $d/t; head -n 3 $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName | test("^(Delete|Terminate|Remove)"))] | group_by([.eventSource, .eventName, .userIdentity.arn]) | .[] | [(.[0].eventSource|s), (.[0].eventName|s), (.[0].userIdentity.arn|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"; tail -n +2 $d/t | cut -f4 | sort -c -n -r && echo 'n: descending'
> eventSource	eventName	userIdentity.arn	n
> ssm.amazonaws.com	DeleteParameter	arn:aws:iam::123837392027:user/bert-jan	78
> secretsmanager.amazonaws.com	DeleteSecret	arn:aws:iam::123837392027:user/bert-jan	17
> jq: the same 34 rows
> n: descending

### §8.1 q14: launched instances with type and first instance ID (array index 0 path)
# checked: jq over invictus: 8 RunInstances events; failed launches have no instance ID
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter eventName = "RunInstances" | fields @timestamp, userIdentity.arn, awsRegion, requestParameters.instanceType, responseElements.instancesSet.items.0.instanceId' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "RunInstances")] | sort_by((.eventTime|fromdate|-.)) | .[] | [ts, (.userIdentity.arn|s), (.awsRegion|s), (.requestParameters.instanceType|s), (.responseElements.instancesSet.items[0].instanceId|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	awsRegion	requestParameters.instanceType	responseElements.instancesSet.items.0.instanceId
> 2023-07-10 12:09:31.000	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-wuzemnoeqa/aws-go-sdk-1688990966084647983	us-east-1	p2.xlarge	
> 2023-07-10 12:06:42.000	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-pcccexdthk/aws-go-sdk-1688990797103471741	us-east-1	p2.xlarge	
> 2023-07-10 12:03:24.000	arn:aws:iam::123837392027:user/bert-jan	us-east-1	t3.micro	i-05c30218156bcc246
> 2023-07-10 12:03:21.000	arn:aws:iam::123837392027:user/bert-jan	us-east-1	t3.micro	
> 2023-07-10 12:03:20.000	arn:aws:iam::123837392027:user/bert-jan	us-east-1	t3.micro	
> 2023-07-10 11:55:21.000	arn:aws:iam::123837392027:user/bert-jan	us-east-1	t3.micro	i-0dbc91f429e48eeed
> 2023-07-10 11:55:18.000	arn:aws:iam::123837392027:user/bert-jan	us-east-1	t3.micro	
> 2023-07-10 11:55:16.000	arn:aws:iam::123837392027:user/bert-jan	us-east-1	t3.micro	
> jq: the same 8 rows

### §8.1 q15: activity per region, most first
~ [ -d "$SHARED/data" ]
# checked: jq counts per awsRegion over traildiscover (count desc, then region; printed after trailq's rows)
$ D="$SHARED/data/cloudtrail/traildiscover_logExamples"; trailq -o tsv 'stats count(*) as n by awsRegion | sort n desc' $D; \
$ sh testdata/lang/records.sh $D | jq -rs 'group_by(.awsRegion) | map([.[0].awsRegion, length]) | sort_by(-.[1]) | .[] | @tsv'
> awsRegion	n
> us-east-1	508
> us-west-2	27
> ap-south-2r	2
> apgov-northsouth-2r	2
> ca-centraleast-3r	2
> eu-southeast-3r	2
> euiso-westwest-1r	2
> me-isob-eastcentral-1r	2
> me-south-2r	2
> sa-central-3r	2
> us-east-2	2
> us-north-3r	2
> ap-east-3r	1
> ca-centralsouth-1r	1
> ca-isob-northwest-1r	1
> ca-southwest-3r	1
> cn-northcentral-3r	1
> cn-south-3r	1
> euiso-south-2r	1
> us-west-2r	1
> us-east-1	508
> us-west-2	27
> ap-south-2r	2
> apgov-northsouth-2r	2
> ca-centraleast-3r	2
> eu-southeast-3r	2
> euiso-westwest-1r	2
> me-isob-eastcentral-1r	2
> me-south-2r	2
> sa-central-3r	2
> us-east-2	2
> us-north-3r	2
> ap-east-3r	1
> ca-centralsouth-1r	1
> ca-isob-northwest-1r	1
> ca-southwest-3r	1
> cn-northcentral-3r	1
> cn-south-3r	1
> euiso-south-2r	1
> us-west-2r	1
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

### §8.1 q16: read vs write volume per service; JSON booleans print as true/false
# otrf has readOnly on only 13 of its 103 events: the others form groups without readOnly
# checked: jq group_by over the same events (sorted set), counts descending
$ D=testdata/cloudtrail/otrf; d=$(mktemp -d); trailq -o tsv 'stats count(*) as n by readOnly, eventSource | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; group_by([.readOnly, .eventSource]) | .[] | [(.[0].readOnly|s), (.[0].eventSource|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> readOnly	eventSource	n
> 	ec2.amazonaws.com	80
> true	s3.amazonaws.com	11
> 	sts.amazonaws.com	5
> 	elasticloadbalancing.amazonaws.com	3
> true	compute-optimizer.amazonaws.com	2
> 	monitoring.amazonaws.com	2
> jq: the same 6 rows

### §8.2 q17: root-credential actions with first/last time and source IP (SANS)
~ [ -d "$SHARED/data" ]
# the twelve small region folders of the SANS set (us-west-1, 3,852 files, left out to keep the case fast)
# checked: jq over the same events with userIdentity.type Root: count, min and max eventTime per (eventName, sourceIPAddress), as a sorted set; counts descending
$ D="$(ls -d $SHARED/data/cloudtrail/suzaku-sample-data_SANS-504-S3-ransomware-lab/* | grep -v us-west-1)"; d=$(mktemp -d); trailq -o tsv 'filter userIdentity.type = "Root" | stats count(*) as n, earliest(@timestamp) as first, latest(@timestamp) as last by eventName, sourceIPAddress | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.userIdentity.type == "Root")] | group_by([.eventName, .sourceIPAddress]) | .[] | [(.[0].eventName|s), (.[0].sourceIPAddress|s), length, (min_by(.eventTime)|ts), (max_by(.eventTime)|ts)] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"; tail -n +2 $d/t | cut -f3 | sort -c -n -r && echo 'n: descending'
> eventName	sourceIPAddress	n	first	last
> ListFunctions20150331	96.253.26.224	11	2021-07-29 23:53:26.000	2021-07-29 23:53:26.000
> DescribeEventAggregates	96.253.26.224	4	2021-07-29 23:54:02.000	2021-07-30 10:37:38.000
> GetTotalAmountForForecast	96.253.26.224	2	2021-07-30 10:37:43.000	2021-07-30 10:37:43.000
> AttachRolePolicy	96.253.26.224	1	2021-07-29 23:53:37.000	2021-07-29 23:53:37.000
> ConsoleLogin	96.253.26.224	1	2021-07-30 10:37:34.000	2021-07-30 10:37:34.000
> CreatePolicy	96.253.26.224	1	2021-07-29 23:53:37.000	2021-07-29 23:53:37.000
> CreateRole	96.253.26.224	1	2021-07-29 23:53:37.000	2021-07-29 23:53:37.000
> GetBillsForBillingPeriod	96.253.26.224	1	2021-07-30 10:37:43.000	2021-07-30 10:37:43.000
> jq: the same 8 rows
> n: descending

### §8.2 q18: failed console logins per user and IP (SANS)
~ [ -d "$SHARED/data" ]
# the SANS delivery file holding the set's one failed login (and one success); the failure is a root login, which has no userIdentity.userName
# checked: jq over the same file
$ D="$SHARED/data/cloudtrail/suzaku-sample-data_SANS-504-S3-ransomware-lab/us-west-1/2021/07/29/342082656213_CloudTrail_us-west-1_20210729T1300Z_5geczUTO20DHkdGn.json.gz"; d=$(mktemp -d); trailq -o tsv 'filter eventName = "ConsoleLogin" and responseElements.ConsoleLogin = "Failure" | stats count(*) as failures by userIdentity.userName, sourceIPAddress | sort failures desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "ConsoleLogin" and .responseElements.ConsoleLogin == "Failure")] | group_by([.userIdentity.userName, .sourceIPAddress]) | .[] | [(.[0].userIdentity.userName|s), (.[0].sourceIPAddress|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> userIdentity.userName	sourceIPAddress	failures
> 	96.253.26.224	1
> jq: the same 1 rows

### §8.2 q19: successful console logins without MFA
~ [ -d "$SHARED/data" ]
# checked: jq over invictus and stratus: 2 events
$ D="$SHARED/data/cloudtrail/invictus-ir_aws_dataset $SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'filter eventName = "ConsoleLogin" and responseElements.ConsoleLogin = "Success" and additionalEventData.MFAUsed = "No" | fields @timestamp, userIdentity.arn, sourceIPAddress' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "ConsoleLogin" and .responseElements.ConsoleLogin == "Success" and .additionalEventData.MFAUsed == "No")] | sort_by((.eventTime|fromdate|-.)) | .[] | [ts, (.userIdentity.arn|s), (.sourceIPAddress|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	sourceIPAddress
> 2024-08-02 08:53:24.000	arn:aws:iam::562283505220:user/stratus-red-team-nmfalu-jfzdtsvchl	225.01.00.16
> 2023-07-10 12:23:15.000	arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt	192.168.10.20
> jq: the same 2 rows

### §8.2 q20: top denied principal/API pairs
# checked: jq over invictus: errorCode in the list or containing AccessDenied; 6 groups (under the limit of 25), as a sorted set; counts descending
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter errorCode in ["AccessDenied","Client.UnauthorizedOperation","UnauthorizedOperation"] or errorCode like /AccessDenied/ | stats count(*) as denied by userIdentity.arn, eventSource, eventName | sort denied desc | limit 25' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select((.errorCode | IN("AccessDenied","Client.UnauthorizedOperation","UnauthorizedOperation")) or (.errorCode // "" | test("AccessDenied")))] | group_by([.userIdentity.arn, .eventSource, .eventName]) | .[] | [(.[0].userIdentity.arn|s), (.[0].eventSource|s), (.[0].eventName|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"; tail -n +2 $d/t | cut -f4 | sort -c -n -r && echo 'denied: descending'
> userIdentity.arn	eventSource	eventName	denied
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-get-password-data-role/aws-go-sdk-1688990082523310002	ec2.amazonaws.com	GetPasswordData	29
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-get-usr-data-role/aws-go-sdk-1688990565286187801	ec2.amazonaws.com	DescribeInstanceAttribute	15
> arn:aws:iam::123837392027:user/bert-jan	sts.amazonaws.com	AssumeRole	13
> arn:aws:iam::123837392027:user/bert-jan	ce.amazonaws.com	GetCostAndUsage	1
> arn:aws:iam::123837392027:user/bert-jan	ce.amazonaws.com	GetCostForecast	1
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-leave-org-role/aws-go-sdk-1688990515440126480	organizations.amazonaws.com	LeaveOrganization	1
> jq: the same 6 rows
> denied: descending

### §8.2 q21: everything a (possibly leaked) key did, from where
# checked: jq over the AWS documentation records (4 events with AKIAIOSFODNN7EXAMPLE; the ConsoleLogin record has an empty key)
$ D=testdata/cloudtrail/edge/cloudtrail_log.json; d=$(mktemp -d); trailq -o tsv 'filter userIdentity.accessKeyId = "AKIAIOSFODNN7EXAMPLE" | stats count(*) as n by eventSource, eventName, sourceIPAddress | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.userIdentity.accessKeyId == "AKIAIOSFODNN7EXAMPLE")] | group_by([.eventSource, .eventName, .sourceIPAddress]) | .[] | [(.[0].eventSource|s), (.[0].eventName|s), (.[0].sourceIPAddress|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> eventSource	eventName	sourceIPAddress	n
> cloudtrail.amazonaws.com	UpdateTrail	192.0.2.0	1
> ec2.amazonaws.com	StartInstances	192.0.2.0	1
> iam.amazonaws.com	CreateUser	192.0.2.0	1
> sns.amazonaws.com	Publish	192.0.2.0	1
> jq: the same 4 rows

### §8.2 q22: timeline of one principal, oldest first
# checked: jq over the AWS documentation records: Mateo has one event (no errorCode)
$ D=testdata/cloudtrail/edge/cloudtrail_log.json; d=$(mktemp -d); trailq -o tsv 'filter userIdentity.arn = "arn:aws:iam::123456789012:user/Mateo" | fields @timestamp, eventSource, eventName, awsRegion, sourceIPAddress, errorCode | sort @timestamp asc | limit 1000' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.userIdentity.arn == "arn:aws:iam::123456789012:user/Mateo")] | sort_by((.eventTime|fromdate)) | .[] | [ts, (.eventSource|s), (.eventName|s), (.awsRegion|s), (.sourceIPAddress|s), (.errorCode|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	eventSource	eventName	awsRegion	sourceIPAddress	errorCode
> 2023-07-19 21:17:28.000	ec2.amazonaws.com	StartInstances	us-east-1	192.0.2.0	
> jq: the same 1 rows

### §8.2 q23: principals using the most distinct source IPs
# checked: jq over invictus: distinct sourceIPAddress and event count per userIdentity.arn (sorted set); ips descending
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'stats count_distinct(sourceIPAddress) as ips, count(*) as calls by userIdentity.arn | sort ips desc | limit 20' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; group_by(.userIdentity.arn) | .[] | [(.[0].userIdentity.arn|s), ([.[].sourceIPAddress // empty] | unique | length), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"; tail -n +2 $d/t | cut -f2 | sort -c -n -r && echo 'ips: descending'
> userIdentity.arn	ips	calls
> 	8	77
> arn:aws:iam::123837392027:user/bert-jan	6	2641
> arn:aws:iam::123837392027:user/benjamin	4	105
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-steal-credentials-role/i-0dbc91f429e48eeed	2	15
> arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt	1	1
> arn:aws:sts::123837392027:assumed-role/AWSServiceRoleForAmazonInspector2/MandoService364061179539770931	1	1
> arn:aws:sts::123837392027:assumed-role/AWSServiceRoleForAmazonInspector2/MandoService2842426183934887787	1	1
> arn:aws:sts::123837392027:assumed-role/AWSServiceRoleForRDS/SLRManagement	1	4
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-enumerate-role/i-05c30218156bcc246	1	8
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-get-password-data-role/aws-go-sdk-1688990082523310002	1	29
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-pcccexdthk/aws-go-sdk-1688990797103471741	1	1
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-wuzemnoeqa/aws-go-sdk-1688990966084647983	1	1
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-get-usr-data-role/aws-go-sdk-1688990565286187801	1	15
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-leave-org-role/aws-go-sdk-1688990515440126480	1	1
> jq: the same 14 rows
> ips: descending

### §8.2 q24: who assumes which role, how often
~ [ -d "$SHARED/data" ]
# two AssumeRole calls in stratus have no requestParameters.roleArn and group under a missing key
# checked: jq over stratus (12 AssumeRole events)
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'filter eventName = "AssumeRole" | stats count(*) as n by requestParameters.roleArn, userIdentity.arn | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "AssumeRole")] | group_by([.requestParameters.roleArn, .userIdentity.arn]) | .[] | [(.[0].requestParameters.roleArn|s), (.[0].userIdentity.arn|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> requestParameters.roleArn	userIdentity.arn	n
> arn:aws:iam::307578594326:role/stratus-red-team-leave-org-role	arn:aws:iam::307578594326:user/christophe	2
> arn:aws:iam::321848314756:role/stratus-red-team-get-usr-data-role	arn:aws:iam::321848314756:user/christophe	2
> arn:aws:iam::457448411975:role/stratus-red-team-ec2-get-password-data-role	arn:aws:iam::457448411975:user/christophe	2
> arn:aws:iam::900138736586:role/stratus-red-team-ec2lui-role-idtzskbvtd	arn:aws:iam::900138736586:user/christophe	2
> 	arn:aws:iam::321848314756:user/christophe	2
> 	arn:aws:iam::457448411975:user/christophe	2
> jq: the same 6 rows

### §8.2 q25: activity per role and session name, extracted with a glob
~ [ -d "$SHARED/data" ]
# the SSO ARN has no second "/" and does not match: those events group with role and session missing
# checked: jq capture with the same lazy/greedy groups over stratus (68 AssumedRole events)
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'filter userIdentity.type = "AssumedRole" | parse userIdentity.arn "arn:aws:sts::*:assumed-role/*/*" as acct, role, session | stats count(*) as n by role, session | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.userIdentity.type == "AssumedRole") | (.userIdentity.arn | capture("arn:aws:sts::(?<acct>.*?):assumed-role/(?<role>.*?)/(?<session>.*)") // {})] | group_by([.role, .session]) | .[] | [(.[0].role|s), (.[0].session|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> role	session	n
> stratus-red-team-ec2-get-password-data-role	aws-go-sdk-1722375070115152000	30
> stratus-red-team-get-usr-data-role	aws-go-sdk-1722455550269043000	15
> test-role	cli	15
> 		4
> stratus-red-team-ec2-steal-credentials-role	i-786a3A8B5C0d92eF4	2
> stratus-red-team-ec2lui-role-idtzskbvtd	aws-go-sdk-1722511821294449000	1
> stratus-red-team-leave-org-role	aws-go-sdk-1722587398902687000	1
> jq: the same 7 rows

### §8.2 q26: best-effort actor name per event, aggregated
~ [ -d "$SHARED/data" ]
# checked: jq with // over the same three paths, over stratus
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'fields coalesce(userIdentity.userName, userIdentity.sessionContext.sessionIssuer.userName, userIdentity.principalId) as who | stats count(*) as n by who | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; group_by(.userIdentity.userName // .userIdentity.sessionContext.sessionIssuer.userName // .userIdentity.principalId) | .[] | [(.[0] | (.userIdentity.userName // .userIdentity.sessionContext.sessionIssuer.userName // .userIdentity.principalId) | s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> who	n
> christophe	239
> stratus-red-team-ec2-get-password-data-role	30
> stratus-red-team-get-usr-data-role	15
> test-role	15
> AWSReservedSSO_account-admin_599c9e90e350d2ff	4
> stratus-red-team-ec2-steal-credentials-role	2
> stratus-red-team-user-federation-user	2
> stratus-red-team-ec2lui-role-idtzskbvtd	1
> stratus-red-team-leave-org-role	1
> stratus-red-team-nmfalu-jfzdtsvchl	1
> jq: the same 10 rows

### §8.2 q27: calls from outside the corporate CIDR; service-name sources excluded
# checked: jq over invictus: sourceIPAddress that is a dotted IPv4 address (none is in 203.0.113.0/24), grouped with the ARN
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter ispresent(sourceIPAddress) and isValidIp(sourceIPAddress) and not isIpInSubnet(sourceIPAddress, "203.0.113.0/24") | stats count(*) as n by sourceIPAddress, userIdentity.arn | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.sourceIPAddress // "" | test("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$"))] | group_by([.sourceIPAddress, .userIdentity.arn]) | .[] | [(.[0].sourceIPAddress|s), (.[0].userIdentity.arn|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> sourceIPAddress	userIdentity.arn	n
> 192.168.10.20	arn:aws:iam::123837392027:user/bert-jan	2104
> 10.8.8.10	arn:aws:iam::123837392027:user/bert-jan	280
> 10.248.16.43	arn:aws:iam::123837392027:user/benjamin	89
> 192.168.10.20	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-get-password-data-role/aws-go-sdk-1688990082523310002	29
> 192.168.10.20	arn:aws:sts::123837392027:assumed-role/stratus-red-team-get-usr-data-role/aws-go-sdk-1688990565286187801	15
> 3.225.16.109	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-steal-credentials-role/i-0dbc91f429e48eeed	13
> 52.45.102.28	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-enumerate-role/i-05c30218156bcc246	8
> 192.168.10.20	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-steal-credentials-role/i-0dbc91f429e48eeed	2
> 10.8.8.10		1
> 10.107.112.14	arn:aws:iam::123837392027:user/benjamin	1
> 10.107.159.90	arn:aws:iam::123837392027:user/bert-jan	1
> 192.168.10.20	arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt	1
> 192.168.10.20	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-pcccexdthk/aws-go-sdk-1688990797103471741	1
> 192.168.10.20	arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-wuzemnoeqa/aws-go-sdk-1688990966084647983	1
> 192.168.10.20	arn:aws:sts::123837392027:assumed-role/stratus-red-team-leave-org-role/aws-go-sdk-1688990515440126480	1
> jq: the same 15 rows

### §8.2 q28: hourly secret reads per principal
# columns: userIdentity.arn, bin(1h), reads
# checked: jq over invictus: GetSecretValue grouped by ARN and the hour of eventTime
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter eventName = "GetSecretValue" | stats count(*) as reads by userIdentity.arn, bin(1h) | sort reads desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "GetSecretValue")] | group_by([.userIdentity.arn, .eventTime[0:13]]) | .[] | [(.[0].userIdentity.arn|s), (.[0].eventTime[0:13] | sub("T"; " ") + ":00:00.000"), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> userIdentity.arn	bin(1h)	reads
> arn:aws:iam::123837392027:user/bert-jan	2023-07-10 11:00:00.000	40
> arn:aws:iam::123837392027:user/bert-jan	2023-07-10 12:00:00.000	20
> jq: the same 2 rows

### §8.2 q29: APIs being throttled
# checked: jq over invictus (102 ThrottlingException events)
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter errorCode in ["ThrottlingException","Throttling","RequestLimitExceeded"] | stats count(*) as throttled by eventSource, eventName | sort throttled desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.errorCode | IN("ThrottlingException","Throttling","RequestLimitExceeded"))] | group_by([.eventSource, .eventName]) | .[] | [(.[0].eventSource|s), (.[0].eventName|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> eventSource	eventName	throttled
> ssm.amazonaws.com	DescribeParameters	39
> ssm.amazonaws.com	DeleteParameter	38
> ssm.amazonaws.com	PutParameter	25
> jq: the same 3 rows

### §8.2 q30: the latest event for each principal; events without an ARN all kept
~ [ -d "$SHARED/data" ]
# checked: jq over stratus: for each ARN the newest event (ties: first in input order), plus every event without an ARN, newest first
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; d=$(mktemp -d); trailq -o tsv 'fields @timestamp, userIdentity.arn, eventName, sourceIPAddress | sort @timestamp desc | dedup userIdentity.arn' $D > $d/t; head -n 1 $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; sort_by(.eventTime | fromdate | -.) | reduce .[] as $e ({seen: {}, out: []}; if $e.userIdentity.arn == null then .out += [$e] elif .seen[$e.userIdentity.arn] then . else .seen[$e.userIdentity.arn] = true | .out += [$e] end) | .out[] | [ts, (.userIdentity.arn|s), (.eventName|s), (.sourceIPAddress|s)] | @tsv' > $d/j; \
$ tail -n +2 $d/t | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> @timestamp	userIdentity.arn	eventName	sourceIPAddress
> jq: the same 41 rows

### §8.2 q31: S3 data-event reads per bucket and principal
# checked: jq over otrf (2 GetObject events)
$ D=testdata/cloudtrail/otrf; d=$(mktemp -d); trailq -o tsv 'filter eventName = "GetObject" | stats count(*) as gets by requestParameters.bucketName, userIdentity.arn | sort gets desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.eventName == "GetObject")] | group_by([.requestParameters.bucketName, .userIdentity.arn]) | .[] | [(.[0].requestParameters.bucketName|s), (.[0].userIdentity.arn|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> requestParameters.bucketName	userIdentity.arn	gets
> mordors3stack-s3bucket-llp2yingx64a	arn:aws:sts::123456789123:assumed-role/MordorNginxStack-BankingWAFRole-9S3E0UAE1MM0/i-0317f6c6b66ae9c40	2
> jq: the same 1 rows

### §8.2 q32: error codes in the last hour of the query window (none: the data is older)
# no stats row at all when no event passes the filter
# checked: the newest event of invictus (2023-07-10) is years before now()
$ D=testdata/AWSLogs; trailq -o tsv 'filter toMillis(@timestamp) >= now() * 1000 - 3600000 and ispresent(errorCode) | stats count(*) by errorCode' $D; echo "exit $?"; \
$ sh testdata/lang/records.sh $D | jq -rs 'map(.eventTime | fromdate) | max | if . < now - 3600 then "jq: newest event is older than an hour" else "jq: recent events" end'
> errorCode	count(*)
> exit 0
> jq: newest event is older than an hour

### §8.2 q33: per-service calls and failures for busy services (boolean sum)
# checked: jq over invictus: count and number of events with an errorCode per eventSource, kept when count > 100
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'stats count(*) as calls, sum(ispresent(errorCode)) as failed by eventSource | filter calls > 100 | sort failed desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; group_by(.eventSource) | map(select(length > 100)) | .[] | [(.[0].eventSource|s), length, ([.[] | select(.errorCode != null)] | length)] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> eventSource	calls	failed
> ssm.amazonaws.com	488	104
> s3.amazonaws.com	271	83
> ec2.amazonaws.com	892	77
> iam.amazonaws.com	398	5
> rds.amazonaws.com	150	1
> kms.amazonaws.com	240	0
> secretsmanager.amazonaws.com	233	0
> jq: the same 7 rows

### §8.2 q34: two-stage stats: worst hour and mean hourly errors per principal
# checked: jq over invictus: errors per (ARN, hour), then max and mean per ARN; means are whole or .5 here, printed as trailq prints numbers
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'filter ispresent(errorCode) | stats count(*) as errs by userIdentity.arn, bin(1h) | stats max(errs) as worstHour, avg(errs) as avgPerHour by userIdentity.arn | sort worstHour desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | select(.errorCode != null)] | group_by(.userIdentity.arn) | .[] | [(.[0].userIdentity.arn|s), (group_by(.eventTime[0:13]) | map(length) | max, (add / length))] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> userIdentity.arn	worstHour	avgPerHour
> arn:aws:iam::123837392027:user/bert-jan	205	119.5
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-get-password-data-role/aws-go-sdk-1688990082523310002	29	29
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-get-usr-data-role/aws-go-sdk-1688990565286187801	15	15
> arn:aws:iam::123837392027:user/benjamin	14	14
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-pcccexdthk/aws-go-sdk-1688990797103471741	1	1
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2lui-role-wuzemnoeqa/aws-go-sdk-1688990966084647983	1	1
> arn:aws:sts::123837392027:assumed-role/stratus-red-team-leave-org-role/aws-go-sdk-1688990515440126480	1	1
> jq: the same 7 rows

### §8.2 q35: resource types touched (jsonParse + unnest)
# checked: jq over invictus: one row per resources[] element that has an ARN, grouped by type
$ D=testdata/AWSLogs; d=$(mktemp -d); trailq -o tsv 'fields jsonParse(@message) as e | unnest e.resources into r | filter ispresent(r.ARN) | stats count(*) as n by r.type | sort n desc' $D | tee $d/t; \
$ sh testdata/lang/records.sh $D | jq -L testdata/lang -rs 'include "jqdefs"; [.[] | .resources // [] | .[] | select(.ARN != null)] | group_by(.type) | .[] | [(.[0].type|s), length] | @tsv' | sort > $d/j; \
$ tail -n +2 $d/t | sort | cmp -s - $d/j && echo "jq: the same $(wc -l < $d/j) rows"
> r.type	n
> AWS::KMS::Key	240
> AWS::S3::Bucket	237
> 	226
> AWS::IAM::Role	36
> jq: the same 4 rows

### §8.6 q49: the 25 newest events of a web server log (plain text)
~ [ -d "$SHARED/data" ]
# checked: awk turns each line's [dd/Mon/yyyy:hh:mm:ss +0000] into trailq's timestamp form; a stable sort by it, descending (ties in file order), first 25
$ D=$SHARED/data/text/elastic-examples/apache_logs; d=$(mktemp -d); trailq -o tsv 'fields @timestamp, @message | sort @timestamp desc | limit 25' $D > $d/t; head -n 2 $d/t; \
$ awk 'BEGIN { split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", m, " "); for (i = 1; i <= 12; i++) M[m[i]] = sprintf("%02d", i) } \
$   { match($0, /\[[0-9][0-9]\/[A-Z][a-z][a-z]\/[0-9]+:[0-9:]+/); t = substr($0, RSTART + 1, RLENGTH - 1); line = $0; gsub(/\\/, "\\\\", line); \
$     printf "%s-%s-%s %s.000\t%s\n", substr(t, 8, 4), M[substr(t, 4, 3)], substr(t, 1, 2), substr(t, 13), line }' $D | \
$   sort -s -t "$(printf '\t')" -k1,1r | head -n 25 > $d/j; tail -n +2 $d/t | cmp -s - $d/j && echo "awk: the same $(wc -l < $d/j) rows"
> @timestamp	@message
> 2015-05-20 21:05:59.000	66.249.73.135 - - [20/May/2015:21:05:59 +0000] "GET /blog/tags/wine HTTP/1.1" 200 10021 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 6_0 like Mac OS X) AppleWebKit/536.26 (KHTML, like Gecko) Version/6.0 Mobile/10A5376e Safari/8536.25 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
> awk: the same 25 rows

### §8.6 q50: hours ranked by exception count (plain text)
~ [ -d "$SHARED/data" ]
# checked: grep/awk: the 8 lines with Exception all fall in 2015-10-18 18:xx
$ D=$SHARED/data/text/loghub/Hadoop_2k.log; trailq -o tsv 'filter @message like /Exception/ | stats count(*) as exceptionCount by bin(1h) | sort exceptionCount desc' $D; \
$ grep Exception $D | awk '{ print $1 " " substr($2, 1, 2) ":00:00.000" }' | sort | uniq -c | awk '{ print "grep: " $2 " " $3 "\t" $1 }'
> bin(1h)	exceptionCount
> 2015-10-18 18:00:00.000	8
> grep: 2015-10-18 18:00:00.000	8

### §8.6 q51: events without the word Exception (case-sensitive)
~ [ -d "$SHARED/data" ]
# checked: grep -vc Exception counts the other lines; the header makes one more line
$ D=$SHARED/data/text/loghub/Hadoop_2k.log; trailq -o tsv 'fields @message | filter @message not like /Exception/' $D | wc -l; grep -vc Exception $D
> 1993
> 1992

### §8.6 q52: the latest event per (server, severity); rows missing a key all kept
# testdata/lang/dedup.jsonl (JSON lines with server, severity, message).
# checked: by hand: newest first t6 (a, INFO), t5 (no server), t4 (server null), t3 (b, INFO),
# t2 (a, ERROR); t1 repeats (a, INFO)
$ trailq -o tsv 'fields @timestamp, server, severity, message | sort @timestamp desc | dedup server, severity' testdata/lang/dedup.jsonl
> @timestamp	server	severity	message
> 2024-05-01 00:00:06.000	a	INFO	event 6
> 2024-05-01 00:00:05.000		ERROR	event 5
> 2024-05-01 00:00:04.000		INFO	event 4
> 2024-05-01 00:00:03.000	b	INFO	event 3
> 2024-05-01 00:00:02.000	a	ERROR	event 2

### §8.6 q53: average latency per method and user (glob parse, aliases starting with @)
# testdata/lang/app.log: ana GET 12 and 18, bob GET 30, ana POST 100; four lines do not match
# (their group has no keys and no average).
# checked: by hand: (12 + 18) / 2 = 15
$ trailq -o tsv 'parse @message "user=*, method:*, latency := *" as @user, @method, @latency | stats avg(@latency) by @method, @user' testdata/lang/app.log
> @method	@user	avg(@latency)
> GET	ana	15
> GET	bob	30
> POST	ana	100
> 		

### §8.6 q54: the docs' regex form groups by fields that do not exist (quirk)
# The groups are named user2/method2/latency2 but the query groups by @method2/@user2,
# which no event has: one group with both keys missing; the last lazy group matches "",
# so avg(latency2) has no number and is missing (a known quirk of the documentation's example).
# checked: by hand
$ trailq -o tsv 'parse @message /user=(?<user2>.*?), method:(?<method2>.*?), latency := (?<latency2>.*?)/ | stats avg(latency2) by @method2, @user2' testdata/lang/app.log
> @method2	@user2	avg(latency2)
> 		

### §8.6 q55: ERROR/INFO lines only, upper-case keywords, an expression in DISPLAY
# checked: by hand: "* [*] *" on "2024-07-01 10:00:05,000 [INFO] retrying [attempt 2]" gives
# time, INFO, "retrying [attempt 2]"; the WARN line is filtered out; newest first
$ trailq -o tsv 'FIELDS @message | PARSE @message "* [*] *" as loggingTime, loggingType, loggingMessage | FILTER loggingType IN ["ERROR", "INFO"] | DISPLAY loggingMessage, loggingType = "ERROR" as isError' testdata/lang/app.log
> loggingMessage	isError
> retrying [attempt 2]	false
> disk full	true

### §8.6 q56: peak, minimum and mean MB per 5-minute bin (two-stage stats, plain text)
~ [ -d "$SHARED/data" ]
# checked: awk sums the line lengths (CR removed) per 5-minute bucket of the leading
# timestamp, in MB; both sides printed with 9 decimals
$ D=$SHARED/data/text/loghub/Hadoop_2k.log; trailq -o tsv 'FIELDS strlen(@message) AS message_length | STATS sum(message_length)/1024/1024 as logs_mb BY bin(5m) | STATS max(logs_mb) AS peak_ingest_mb, min(logs_mb) AS min_ingest_mb, avg(logs_mb) AS avg_ingest_mb' $D | \
$   awk -F '\t' 'NR == 1 { print; next } { printf "%.9f\t%.9f\t%.9f\n", $1, $2, $3 }'; \
$ awk '{ sub(/\r$/, ""); b = substr($0, 1, 14) sprintf("%02d", int(substr($0, 15, 2) / 5) * 5); s[b] += length($0) } \
$   END { for (k in s) { v = s[k] / 1024 / 1024; if (n == 0 || v > mx) mx = v; if (n == 0 || v < mn) mn = v; t += v; n++ } printf "%.9f\t%.9f\t%.9f\n", mx, mn, t / n }' $D
> peak_ingest_mb	min_ingest_mb	avg_ingest_mb
> 0.177120209	0.034815788	0.121100744
> 0.177120209	0.034815788	0.121100744

### §8.6 q57: average stream volume by the 5-minute ceiling of each stream's last event
~ [ -d "$SHARED/data" ]
# three plain-text logs, one stream each (@logStream is the file name).
# checked: awk sums each file's line lengths (CR removed) and finds its last timestamp
# (printed below): Zookeeper 11:26:28,145 -> 11:30; Hadoop 18:10:55,202 -> 18:15;
# Windows 02:04:40 -> 02:05; each ceiling holds one stream, so the average is its sum
$ D=$SHARED/data/text/loghub; trailq -o tsv 'FIELDS strlen(@message) AS message_length | STATS sum(message_length) AS ingested_bytes, max(@timestamp) as @t BY @logStream | STATS avg(ingested_bytes) BY dateceil(@t, 5m)' $D/Hadoop_2k.log $D/Zookeeper_2k.log $D/Windows_2k.log; \
$ for f in Zookeeper Hadoop Windows; do awk '{ sub(/\r$/, ""); n += length($0); t = substr($0, 1, 19); if (t > m) m = t } END { printf "awk: %s %d\n", m, n }' $D/${f}_2k.log; done
> dateceil(@t, 5m)	avg(ingested_bytes)
> 2015-08-25 11:30:00.000	275893
> 2015-10-18 18:15:00.000	380950
> 2016-09-29 02:05:00.000	281435
> awk: 2015-08-25 11:26:28 275893
> awk: 2015-10-18 18:10:55 380950
> awk: 2016-09-29 02:04:40 281435
