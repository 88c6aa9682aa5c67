# Output formats of trailq(1): table, tsv, csv (RFC 4180), json (one array),
# jsonl; column order = projection order; missing values omitted in JSON;
# numbers as JSON numbers, booleans as JSON booleans, everything else as
# strings; timestamps as
# YYYY-MM-DD HH:MM:SS.mmm; table width. The same eight DeleteBucket events in
# every format; their values from jq over the invictus records
# (zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -c '.Records[]'):
#   jq -r 'select(.eventName == "DeleteBucket") | [.eventTime, (.errorCode // "-"),
#          .additionalEventData.bytesTransferredOut, .requestParameters.bucketName, .readOnly] | @tsv' | sort
# (two events share 12:08:05; the second sort key orders them by bucket name)

### tsv: header line, tab-separated, empty cell for a missing value
# checked: from the jq listing above, newest first
$ trailq -o tsv 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode, additionalEventData.bytesTransferredOut as bytes, readOnly | sort @timestamp desc, bucket' testdata/AWSLogs
> @timestamp	bucket	errorCode	bytes	readOnly
> 2023-07-10 12:28:40.000	stratus-red-team-backdoor-f-bucket-ufamgrrnmw		0	false
> 2023-07-10 12:28:38.000	stratus-red-team-olc-bucket-xhfgzaowxc		0	false
> 2023-07-10 12:28:37.000	stratus-red-team-bdbp-lhfzvgcamn		0	false
> 2023-07-10 12:08:10.000	stratus-red-team-ctlr-bucket-zqfsvooxqj		0	false
> 2023-07-10 12:08:09.000	stratus-red-team-ctlr-bucket-zqfsvooxqj	BucketNotEmpty	339	false
> 2023-07-10 12:08:06.000	stratus-red-team-ctes-bucket-qyxyekjbtk		0	false
> 2023-07-10 12:08:05.000	stratus-red-team-ctes-bucket-qyxyekjbtk	BucketNotEmpty	339	false
> 2023-07-10 12:08:05.000	stratus-red-team-ctlr-bucket-zqfsvooxqj	BucketNotEmpty	339	false

### tsv is the default when stdout is not a terminal
# checked: same as the first two lines above
$ trailq 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode, additionalEventData.bytesTransferredOut as bytes, readOnly | sort @timestamp desc, bucket | limit 1' testdata/AWSLogs
> @timestamp	bucket	errorCode	bytes	readOnly
> 2023-07-10 12:28:40.000	stratus-red-team-backdoor-f-bucket-ufamgrrnmw		0	false

### tsv escapes newline, tab and backslash as jq's @tsv does (policy text with newlines; @message with \n escapes)
# checked: in the command, against jq -r '[...] | @tsv' over the same records
$ diff <(trailq -o tsv 'filter ispresent(requestParameters.policy) | fields requestParameters.policy' testdata/AWSLogs | tail -n +2 | sort) <(zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -r '.Records[] | select(.requestParameters.policy != null) | [.requestParameters.policy] | @tsv' | sort) && diff <(trailq -o tsv 'filter ispresent(requestParameters.policy) | fields @message' testdata/AWSLogs | tail -n +2 | sort) <(zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -r '.Records[] | select(.requestParameters.policy != null) | [tojson] | @tsv' | sort) && echo same
> same

### csv: RFC 4180, lines end in CRLF, empty field for a missing value
# checked: the jq listing above; line ends shown by cat -A
$ trailq -o csv 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode, additionalEventData.bytesTransferredOut as bytes, readOnly | sort @timestamp desc, bucket' testdata/AWSLogs | cat -A
> @timestamp,bucket,errorCode,bytes,readOnly^M$
> 2023-07-10 12:28:40.000,stratus-red-team-backdoor-f-bucket-ufamgrrnmw,,0,false^M$
> 2023-07-10 12:28:38.000,stratus-red-team-olc-bucket-xhfgzaowxc,,0,false^M$
> 2023-07-10 12:28:37.000,stratus-red-team-bdbp-lhfzvgcamn,,0,false^M$
> 2023-07-10 12:08:10.000,stratus-red-team-ctlr-bucket-zqfsvooxqj,,0,false^M$
> 2023-07-10 12:08:09.000,stratus-red-team-ctlr-bucket-zqfsvooxqj,BucketNotEmpty,339,false^M$
> 2023-07-10 12:08:06.000,stratus-red-team-ctes-bucket-qyxyekjbtk,,0,false^M$
> 2023-07-10 12:08:05.000,stratus-red-team-ctes-bucket-qyxyekjbtk,BucketNotEmpty,339,false^M$
> 2023-07-10 12:08:05.000,stratus-red-team-ctlr-bucket-zqfsvooxqj,BucketNotEmpty,339,false^M$

### csv quotes fields with commas or quotes, doubling the quotes; UTF-8 passes through
# checked: jq -c '.[0] | .responseElements.role.createDate, .requestParameters' of the file:
# "Feb 22, 2026, 4:11:47<U+202F>PM" (24 code points) and {"aWSServiceName":"autoscaling.amazonaws.com"}
$ trailq -o csv 'fields eventName, responseElements.role.createDate as created, requestParameters, strlen(responseElements.role.createDate) as len' testdata/cloudtrail/traildiscover/CreateServiceLinkedRole.json.cloudtrail | tr -d '\r'
> eventName,created,requestParameters,len
> CreateServiceLinkedRole,"Feb 22, 2026, 4:11:47 PM","{""aWSServiceName"":""autoscaling.amazonaws.com""}",24

### csv keeps a newline inside a quoted field
# checked: the policy of the first AssumeRole with a policy (12:15:04) begins "{\n  \"Version\": \"2008-10-17\"," (jq -r)
$ trailq -o csv 'filter eventName = "AssumeRole" and ispresent(requestParameters.policy) | fields @timestamp, requestParameters.policy as policy | sort @timestamp | limit 1' testdata/AWSLogs | tr -d '\r' | head -3
> @timestamp,policy
> 2023-07-10 12:15:04.000,"{
>   ""Version"": ""2008-10-17"",

### csv: a lone empty field is written "" so that the row is no blank line that readers skip
# checked: python3 -c 'import csv,sys; w=csv.writer(sys.stdout); w.writerow(["tags"]); w.writerow([""])'
# writes tags and "" (CRLF); a blank line is no row to csv.reader (it gives []) or to pandas.
# testdata/hand/dst.jsonl has no eventSource (jq -c .eventSource prints null 4 times)
$ trailq -o csv 'fields eventSource | sort @timestamp asc | limit 2' testdata/hand/dst.jsonl | cat -A; trailq -o csv 'fields eventSource, eventName | sort @timestamp asc | limit 1' testdata/hand/dst.jsonl | cat -A
> eventSource^M$
> ""^M$
> ""^M$
> eventSource,eventName^M$
> ,BeforeSpringForward^M$

### json: one array of objects; keys in projection order; a missing value is left out; numbers are numbers, booleans booleans, timestamps strings
# checked: the jq listing above
$ trailq -o json 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode, additionalEventData.bytesTransferredOut as bytes, readOnly | sort @timestamp desc, bucket' testdata/AWSLogs
> [
> {"@timestamp":"2023-07-10 12:28:40.000","bucket":"stratus-red-team-backdoor-f-bucket-ufamgrrnmw","bytes":0,"readOnly":false},
> {"@timestamp":"2023-07-10 12:28:38.000","bucket":"stratus-red-team-olc-bucket-xhfgzaowxc","bytes":0,"readOnly":false},
> {"@timestamp":"2023-07-10 12:28:37.000","bucket":"stratus-red-team-bdbp-lhfzvgcamn","bytes":0,"readOnly":false},
> {"@timestamp":"2023-07-10 12:08:10.000","bucket":"stratus-red-team-ctlr-bucket-zqfsvooxqj","bytes":0,"readOnly":false},
> {"@timestamp":"2023-07-10 12:08:09.000","bucket":"stratus-red-team-ctlr-bucket-zqfsvooxqj","errorCode":"BucketNotEmpty","bytes":339,"readOnly":false},
> {"@timestamp":"2023-07-10 12:08:06.000","bucket":"stratus-red-team-ctes-bucket-qyxyekjbtk","bytes":0,"readOnly":false},
> {"@timestamp":"2023-07-10 12:08:05.000","bucket":"stratus-red-team-ctes-bucket-qyxyekjbtk","errorCode":"BucketNotEmpty","bytes":339,"readOnly":false},
> {"@timestamp":"2023-07-10 12:08:05.000","bucket":"stratus-red-team-ctlr-bucket-zqfsvooxqj","errorCode":"BucketNotEmpty","bytes":339,"readOnly":false}
> ]

### json parses as JSON: types and key order as seen by jq
# checked: in the command (jq -c '[.[] | keys_unsorted]' keeps the output's key order)
$ trailq -o json 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode, additionalEventData.bytesTransferredOut as bytes, readOnly | sort @timestamp desc, bucket | limit 5' testdata/AWSLogs | jq -c 'length, (.[4] | keys_unsorted, map_values(type))'
> 5
> ["@timestamp","bucket","errorCode","bytes","readOnly"]
> {"@timestamp":"string","bucket":"string","errorCode":"string","bytes":"number","readOnly":"boolean"}

### json with no rows is an empty array
# checked: by hand
$ trailq -o json 'filter eventName = "NoSuchCall" | fields eventName' testdata/AWSLogs | jq -c .
> []

### jsonl: one object per row
# checked: the jq listing above
$ trailq -o jsonl 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode, additionalEventData.bytesTransferredOut as bytes, readOnly | sort @timestamp desc, bucket' testdata/AWSLogs
> {"@timestamp":"2023-07-10 12:28:40.000","bucket":"stratus-red-team-backdoor-f-bucket-ufamgrrnmw","bytes":0,"readOnly":false}
> {"@timestamp":"2023-07-10 12:28:38.000","bucket":"stratus-red-team-olc-bucket-xhfgzaowxc","bytes":0,"readOnly":false}
> {"@timestamp":"2023-07-10 12:28:37.000","bucket":"stratus-red-team-bdbp-lhfzvgcamn","bytes":0,"readOnly":false}
> {"@timestamp":"2023-07-10 12:08:10.000","bucket":"stratus-red-team-ctlr-bucket-zqfsvooxqj","bytes":0,"readOnly":false}
> {"@timestamp":"2023-07-10 12:08:09.000","bucket":"stratus-red-team-ctlr-bucket-zqfsvooxqj","errorCode":"BucketNotEmpty","bytes":339,"readOnly":false}
> {"@timestamp":"2023-07-10 12:08:06.000","bucket":"stratus-red-team-ctes-bucket-qyxyekjbtk","bytes":0,"readOnly":false}
> {"@timestamp":"2023-07-10 12:08:05.000","bucket":"stratus-red-team-ctes-bucket-qyxyekjbtk","errorCode":"BucketNotEmpty","bytes":339,"readOnly":false}
> {"@timestamp":"2023-07-10 12:08:05.000","bucket":"stratus-red-team-ctlr-bucket-zqfsvooxqj","errorCode":"BucketNotEmpty","bytes":339,"readOnly":false}

### jsonl strings with newlines and quotes decode back to the original text
# checked: in the command, against jq -r over the same records
$ diff <(trailq -o jsonl 'filter ispresent(requestParameters.policy) | fields requestParameters.policy as p' testdata/AWSLogs | jq -r .p | sort) <(zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -r '.Records[] | .requestParameters.policy // empty' | sort) && echo same
> same

### --output and --output=FORMAT are the long forms of -o
# checked: as the csv case above
$ trailq --output csv 'filter eventName = "DeleteBucket" | fields @timestamp | sort @timestamp | limit 1' testdata/AWSLogs | tr -d '\r'; trailq --output=jsonl 'filter eventName = "DeleteBucket" | fields @timestamp | sort @timestamp | limit 1' testdata/AWSLogs
> @timestamp
> 2023-07-10 12:08:05.000
> {"@timestamp":"2023-07-10 12:08:05.000"}

### table: aligned columns two spaces apart, a rule line, numbers right-aligned, no trailing spaces
# checked: column widths by hand: 23 (timestamp), 45 (the longest bucket name, wc -c), 14 (BucketNotEmpty),
# 5 (header "bytes"), 8 ("readOnly"); values from the jq listing above
$ trailq -o table 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode, additionalEventData.bytesTransferredOut as bytes, readOnly | sort @timestamp desc, bucket' testdata/AWSLogs
> @timestamp               bucket                                         errorCode       bytes  readOnly
> -----------------------  ---------------------------------------------  --------------  -----  --------
> 2023-07-10 12:28:40.000  stratus-red-team-backdoor-f-bucket-ufamgrrnmw                      0  false
> 2023-07-10 12:28:38.000  stratus-red-team-olc-bucket-xhfgzaowxc                             0  false
> 2023-07-10 12:28:37.000  stratus-red-team-bdbp-lhfzvgcamn                                   0  false
> 2023-07-10 12:08:10.000  stratus-red-team-ctlr-bucket-zqfsvooxqj                            0  false
> 2023-07-10 12:08:09.000  stratus-red-team-ctlr-bucket-zqfsvooxqj        BucketNotEmpty    339  false
> 2023-07-10 12:08:06.000  stratus-red-team-ctes-bucket-qyxyekjbtk                            0  false
> 2023-07-10 12:08:05.000  stratus-red-team-ctes-bucket-qyxyekjbtk        BucketNotEmpty    339  false
> 2023-07-10 12:08:05.000  stratus-red-team-ctlr-bucket-zqfsvooxqj        BucketNotEmpty    339  false

### table: width counts columns, not bytes (U+202F is one column)
# checked: "Feb 22, 2026, 4:11:47<U+202F>PM" is 24 code points; the column is 24 wide
$ trailq -o table 'fields eventName, responseElements.role.createDate as created, strlen(responseElements.role.createDate) as len' testdata/cloudtrail/traildiscover/CreateServiceLinkedRole.json.cloudtrail
> eventName                created                   len
> -----------------------  ------------------------  ---
> CreateServiceLinkedRole  Feb 22, 2026, 4:11:47 PM   24

### table on a pipe is not fitted to COLUMNS: lines keep their full width (86 here)
# checked: by hand: 23 + 45 + 14 + 2 x 2 separators = 86
$ COLUMNS=60 trailq -o table 'filter eventName = "DeleteBucket" | fields @timestamp, requestParameters.bucketName as bucket, errorCode | sort @timestamp desc, bucket' testdata/AWSLogs | awk '{print length($0)}' | sort -n | tail -1
> 86

### table on a 60-column terminal fits in 60 columns: free text is narrowed, never the timestamps
# checked: by hand: 86 > 60; @timestamp (23) is a time and is never cut; of the free-text columns
# the widest, bucket (45), loses the 26 extra columns -> 23 + 19 + 14 + 4 = 60;
# a cut cell keeps 18 characters and adds "…"
$ script -qec "exec 2>/dev/null; stty cols 60; trailq -o table 'filter eventName = \"DeleteBucket\" | fields @timestamp, requestParameters.bucketName as bucket, errorCode | sort @timestamp desc, bucket | limit 5' testdata/AWSLogs" /dev/null | tr -d '\r'
> @timestamp               bucket               errorCode
> -----------------------  -------------------  --------------
> 2023-07-10 12:28:40.000  stratus-red-team-b…
> 2023-07-10 12:28:38.000  stratus-red-team-o…
> 2023-07-10 12:28:37.000  stratus-red-team-b…
> 2023-07-10 12:08:10.000  stratus-red-team-c…
> 2023-07-10 12:08:09.000  stratus-red-team-c…  BucketNotEmpty

### table is the default on a terminal
# checked: by hand: widths come from this one row: 23 + 45 + 9 (header errorCode) + 4 = 81; the 45-wide column
# loses the 21 extra columns -> 24 wide, 23 characters and "…"
$ script -qec "exec 2>/dev/null; stty cols 60; trailq 'filter eventName = \"DeleteBucket\" | fields @timestamp, requestParameters.bucketName as bucket, errorCode | sort @timestamp desc, bucket | limit 1' testdata/AWSLogs" /dev/null | tr -d '\r'
> @timestamp               bucket                    errorCode
> -----------------------  ------------------------  ---------
> 2023-07-10 12:28:40.000  stratus-red-team-backdo…

### a table that fits is not changed on a wide terminal
# checked: widths by hand: 23 + 19 (DescribeDBSnapshots) + 2 = 44 <= 200
$ script -qec "exec 2>/dev/null; stty cols 200; trailq -o table 'fields @timestamp, eventName | limit 2' testdata/shapes/events.jsonl" /dev/null | tr -d '\r'
> @timestamp               eventName
> -----------------------  -------------------
> 2023-07-10 12:21:02.000  DescribeDBSnapshots
> 2023-07-10 12:20:30.000  DescribeDBSnapshots

### a subnormal real prints in its shortest form too, in every format and inside a subtree
# checked: python3 -c 'print(5e-324, 1e-310, -3e-320, 2.2250738585072014e-308)' prints
# 5e-324 1e-310 -3e-320 2.2250738585072014e-308 (repr: the shortest text that reads back)
$ printf '{"eventTime":"2024-01-01T00:00:00Z","a":5e-324,"b":1e-310,"c":-3e-320,"d":2.2250738585072014e-308,"e":{"x":5e-324}}\n' > $TMPDIR/subnormal.jsonl; trailq -o tsv 'fields a, b, c, d, e, a * 1 as f' $TMPDIR/subnormal.jsonl; trailq -o jsonl 'fields a, e' $TMPDIR/subnormal.jsonl
> a	b	c	d	e	f
> 5e-324	1e-310	-3e-320	2.2250738585072014e-308	{"x":5e-324}	5e-324
> {"a":5e-324,"e":{"x":5e-324}}
