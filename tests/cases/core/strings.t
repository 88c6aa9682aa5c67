# The string functions of issue 2 §5 on real events: concat, strlen,
# toupper, tolower, substr, trim/ltrim/rtrim, replace, strcontains,
# ispresent, isempty, isblank, coalesce. Data: testdata/cloudtrail/stratus
# (8 events) and testdata/cloudtrail/traildiscover (13 events, one without
# userIdentity). Expected values: jq over the same files
# (ascii_upcase, ascii_downcase, length, .[a:b], sub, contains) and by hand.

### toupper, tolower, strlen, substr (0-based start, optional length), replace, concat
# checked: jq -r '.[] | [.eventTime, .eventName, (.eventName|ascii_upcase), (.eventName|ascii_downcase), (.eventName|length),
# .eventName[0:6], .eventName[6:], (.eventSource|sub(".amazonaws.com"; "")), "\(.userIdentity.userName)@\(.awsRegion)"] | @tsv'
# testdata/cloudtrail/stratus/* | sort
$ trailq 'fields eventName, toupper(eventName) as up, tolower(eventName) as low, strlen(eventName) as len, substr(eventName, 0, 6) as first6, substr(eventName, 6) as from6, replace(eventSource, ".amazonaws.com", "") as svc, concat(userIdentity.userName, "@", awsRegion) as who | sort @timestamp' testdata/cloudtrail/stratus
> eventName	up	low	len	first6	from6	svc	who
> CreateAccessKey	CREATEACCESSKEY	createaccesskey	15	Create	AccessKey	iam	christophe@ap-central-2r
> DeleteTrail	DELETETRAIL	deletetrail	11	Delete	Trail	cloudtrail	christophe@megov-westwest-1r
> StopLogging	STOPLOGGING	stoplogging	11	StopLo	gging	cloudtrail	christophe@apiso-centralnorth-2r
> DeleteFlowLogs	DELETEFLOWLOGS	deleteflowlogs	14	Delete	FlowLogs	ec2	christophe@megov-south-1r
> ModifyImageAttribute	MODIFYIMAGEATTRIBUTE	modifyimageattribute	20	Modify	ImageAttribute	ec2	christophe@me-south-1r
> ModifySnapshotAttribute	MODIFYSNAPSHOTATTRIBUTE	modifysnapshotattribute	23	Modify	SnapshotAttribute	ec2	christophe@me-central-3r
> ConsoleLogin	CONSOLELOGIN	consolelogin	12	Consol	eLogin	signin	stratus-red-team-nmfalu-jfzdtsvchl@eu-west-2r
> UpdateLoginProfile	UPDATELOGINPROFILE	updateloginprofile	18	Update	LoginProfile	iam	christophe@megov-southcentral-3r

### trim, ltrim, rtrim: whitespace by default, or any of the given characters
# checked: by hand: "  CreateAccessKey " trimmed; trim("iam.amazonaws.com", "amazonaws.com") strips {a,m,z,o,n,w,s,.,c}
# from both ends -> "i"; ltrim(.., "ic") -> "am.amazonaws.com"; "cloudtrail..." keeps its inner "l" -> "loudtrail"
$ trailq -o jsonl 'fields concat("  ", eventName, " ") as padded, trim(concat("  ", eventName, " ")) as t, ltrim(concat("  ", eventName, " ")) as l, rtrim(concat("  ", eventName, " ")) as r, trim(eventSource, "amazonaws.com") as tc, ltrim(eventSource, "ic") as lc, rtrim(eventSource, ".mocswanz") as rc | sort @timestamp | limit 2' testdata/cloudtrail/stratus
> {"padded":"  CreateAccessKey ","t":"CreateAccessKey","l":"CreateAccessKey ","r":"  CreateAccessKey","tc":"i","lc":"am.amazonaws.com","rc":"i"}
> {"padded":"  DeleteTrail ","t":"DeleteTrail","l":"DeleteTrail ","r":"  DeleteTrail","tc":"loudtrail","lc":"loudtrail.amazonaws.com","rc":"cloudtrail"}

### ispresent, coalesce, isempty, isblank, strcontains (case-sensitive unless the third argument is true)
# checked: jq -r 'if type == "array" then .[] else . end | [.eventName, (.userIdentity.type // "-"), (.userIdentity.userName // "-"),
# (.errorCode // "-"), .userAgent] | @tsv' testdata/cloudtrail/traildiscover/*: SendEmail has no userIdentity;
# CreateServiceLinkedRole and DescribeDBClusters have no userName (their arn is used) and no errorCode; every userAgent has "aws-cli"
$ trailq 'fields eventName, ispresent(userIdentity) as has_ui, coalesce(userIdentity.userName, userIdentity.arn, "nobody") as who, isempty(errorCode) as no_error, isblank(errorCode) as blank, strcontains(userAgent, "aws-cli") as cli, strcontains(userAgent, "AWS-CLI") as cli_upper, strcontains(userAgent, "AWS-CLI", true) as cli_ci | sort eventName' testdata/cloudtrail/traildiscover
> eventName	has_ui	who	no_error	blank	cli	cli_upper	cli_ci
> AssumeRole	true	TrailDiscover	0	0	1	0	1
> AttachUserPolicy	true	TrailDiscover	0	0	1	0	1
> AuthorizeSecurityGroupIngress	true	TrailDiscover	0	0	1	0	1
> CreateAccessKey	true	TrailDiscover	0	0	1	0	1
> CreateServiceLinkedRole	true	arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_1b74cd717d47002b/AdanAlvarez	1	1	1	0	1
> CreateUser	true	TrailDiscover	0	0	1	0	1
> DeleteTrail	true	TrailDiscover	0	0	1	0	1
> DescribeDBClusters	true	arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_1b74cd717d47002b/AdanAlvarez	1	1	1	0	1
> GetSecretValue	true	TrailDiscover	0	0	1	0	1
> PutBucketPolicy	true	TrailDiscover	0	0	1	0	1
> RunInstances	true	TrailDiscover	0	0	1	0	1
> SendEmail	false	nobody	1	1	1	0	1
> StopLogging	true	TrailDiscover	0	0	1	0	1

### isempty and isblank tell "" and "   " apart
# checked: by hand: isempty("") = 1, isempty("   ") = 0, isblank("   ") = 1, isblank("x") = 0
$ trailq -o jsonl 'fields isempty(substr(eventName, 0, 0)) as e1, isempty("   ") as e2, isblank("   ") as b1, isblank(eventName) as b2 | limit 1' testdata/cloudtrail/stratus
> {"e1":1,"e2":0,"b1":1,"b2":0}

### string functions in filter and as stats keys
# checked: jq over the traildiscover files: userIdentity.type AssumedRole 2 (no errorCode), IAMUser 10 (all with one),
# 1 without userIdentity (no errorCode)
$ trailq 'filter strlen(eventName) > 0 | stats count(*) as n by toupper(userIdentity.type) as t, isblank(errorCode) as ok | sort t' testdata/cloudtrail/traildiscover
> t	ok	n
> ASSUMEDROLE	1	2
> IAMUSER	0	10
> 	1	1
