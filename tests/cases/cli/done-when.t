# Issue 2, "Done when": the ten most frequent API calls over the whole of
# $SHARED/data/cloudtrail (4556 files, 34,375 CloudTrail events plus the 302
# lines of a CSV file read as text), as a table and as JSON lines.
#
# How the counts were checked (independently of trailq):
#  - jq over every file that is valid JSON: zcat of the .json.gz files |
#    jq -r '.Records[].eventName', and jq -r over the plain files (arrays,
#    Records objects and single objects), leaving out the three files that
#    are not valid JSON and the digest file; the 3 eventNames of
#    aws.execution.ec2-user-data.json (invalid JSON as published, but every
#    record whole) taken with grep; the CSV (edge-cases/otrf_aws_s3_honeybucketlogs)
#    counted as 302 text events without an eventName (wc -l);
#  - the same per-collection totals with a Python json.JSONDecoder walk
#    (34,372 events in valid files + 3 recovered = 34,375) and against
#    $SHARED/data/SOURCES.md §1.7 (PutObject 15079, GetBucketAcl 6781,
#    GenerateDataKey 5117, Decrypt 1310, GetObject 1170, HeadBucket 325,
#    AssumeRole 249, DescribeRouteTables 180, DescribeInstanceInformation 141).
#  - the group without eventName: 302 CSV lines + 1 CloudTrail Insight event
#    (jq '.Records[] | select(.eventName == null)' cloudtrail_log.json) = 303.
# The edge-cases folder is broken on purpose: its messages are expected
# exactly, and the status is 1.
#
# Those four cases need the larger corpus beside the repository and are
# skipped without it. The cases at the end ask the same of every CloudTrail
# file in testdata/ (Invictus, the Stratus, TrailDiscover and OTRF samples,
# the edge cases), which a clone always has.

### done when: the table
~ [ -d "$SHARED/data" ]
# checked: see the file header
$ trailq -o table 'stats count(*) as n by eventName | sort n desc | limit 10' $SHARED/data/cloudtrail 2> "$TMPDIR/done-err.txt"; echo "status $?"; sed "s|$SHARED|\$SHARED|" "$TMPDIR/done-err.txt" >&2
> eventName                        n
> ---------------------------  -----
> PutObject                    15079
> GetBucketAcl                  6781
> GenerateDataKey               5117
> Decrypt                       1310
> GetObject                     1170
> HeadBucket                     325
>                                303
> AssumeRole                     249
> DescribeRouteTables            180
> DescribeInstanceInformation    141
> status 1
! trailq: $SHARED/data/cloudtrail/edge-cases/cloudtrail2sightings/aws.execution.ec2-user-data.json:112: invalid JSON: expected ',' or ']' after record 1
! trailq: $SHARED/data/cloudtrail/edge-cases/cloudtrail2sightings/aws.execution.ec2-user-data.json:201: invalid JSON: expected ',' or ']' after record 2
! trailq: note: $SHARED/data/cloudtrail/edge-cases/otel_awslogsencodingextension/cloudtrail_digest.json:1: CloudTrail digest file skipped (not events)
! trailq: $SHARED/data/cloudtrail/edge-cases/suzaku-sample-data_traildiscover/CreateApiKey.json:4: record 1: invalid JSON: expected a key in double quotes or '}' near 'awsRegion'
! trailq: note: 302 events in 1 input had no time of their own: their @timestamp is the file's modification time
! trailq: note: 270 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)
! trailq: 2 inputs read with errors, 1 record skipped

### done when: the same query as JSON lines (the group without eventName has no eventName key)
~ [ -d "$SHARED/data" ]
# checked: see the file header
$ trailq -o jsonl 'stats count(*) as n by eventName | sort n desc | limit 10' $SHARED/data/cloudtrail 2>/dev/null
> {"eventName":"PutObject","n":15079}
> {"eventName":"GetBucketAcl","n":6781}
> {"eventName":"GenerateDataKey","n":5117}
> {"eventName":"Decrypt","n":1310}
> {"eventName":"GetObject","n":1170}
> {"eventName":"HeadBucket","n":325}
> {"n":303}
> {"eventName":"AssumeRole","n":249}
> {"eventName":"DescribeRouteTables","n":180}
> {"eventName":"DescribeInstanceInformation","n":141}
? 1

### done when: the counts agree with jq's, computed in the test
~ [ -d "$SHARED/data" ]
# checked: in the command (the recipe of the file header)
$ D=$SHARED/data/cloudtrail; diff <(trailq -o jsonl 'stats count(*) as n by eventName | sort n desc | limit 10' $D 2>/dev/null | jq -r '"\(.n) \(.eventName // "-")"') <({ find $D -name '*.json.gz' -exec zcat {} + | jq -r '.Records[] | .eventName // "-"'; find $D -type f ! -name '*.gz' ! -name '*.csv' ! -name CreateApiKey.json ! -name cloudtrail_digest.json ! -name aws.execution.ec2-user-data.json -exec jq -r 'if type == "array" then .[] elif has("Records") then .Records[] else . end | .eventName // "-"' {} +; grep -o '"eventName": "[^"]*"' $D/edge-cases/cloudtrail2sightings/aws.execution.ec2-user-data.json | cut -d'"' -f4; sed 's/.*/-/' $D/edge-cases/otrf_aws_s3_honeybucketlogs/AWS_S3_HoneyBucketLogs.csv; } | sort | uniq -c | sort -k1,1nr -k2 | head -10 | awk '{print $1, $2}') && echo same
> same

### the CloudTrail events alone (edge cases left out): 34,353 events, the top 10 of SOURCES.md §1.7, status 0
~ [ -d "$SHARED/data" ]
# checked: $SHARED/data/SOURCES.md §1.7 (34353 events; the top-10 table), and jq as above
$ cd $SHARED/data/cloudtrail && trailq -o jsonl 'stats count(*) as n by eventName | sort n desc | limit 10' invictus-ir_aws_dataset otrf_ec2_proxy_s3_exfiltration stratus-red-team_detonation-logs suzaku-sample-data_SANS-504-S3-ransomware-lab traildiscover_logExamples; echo "status $?"; trailq 'stats count(*) as n' invictus-ir_aws_dataset otrf_ec2_proxy_s3_exfiltration stratus-red-team_detonation-logs suzaku-sample-data_SANS-504-S3-ransomware-lab traildiscover_logExamples
> {"eventName":"PutObject","n":15079}
> {"eventName":"GetBucketAcl","n":6781}
> {"eventName":"GenerateDataKey","n":5117}
> {"eventName":"Decrypt","n":1310}
> {"eventName":"GetObject","n":1170}
> {"eventName":"HeadBucket","n":325}
> {"eventName":"AssumeRole","n":249}
> {"eventName":"DescribeRouteTables","n":180}
> {"eventName":"DescribeInstanceInformation","n":141}
> {"eventName":"GetUser","n":132}
> status 0
> n
> 34353
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)
! trailq: note: 269 inputs held the same bytes as an input before them (a copy under another name): their events are counted again, as every input's are (with --db a copy adds nothing)

# ---- the same, over the CloudTrail files of testdata/ (in a clone alone) ----
# How the counts were checked: 3034 events = 2900 Invictus records
# (testdata/SOURCES.md) + the other files, counted with the jq recipe of
# the case below; the top nine Invictus names and counts are those of the
# shared corpus's SOURCES.md §1.2 (Decrypt 178, DescribeRouteTables 163,
# GetUser 130, ...), GetSecretValue 60 + 1 in traildiscover/. The broken
# file and the digest file of testdata/cloudtrail/edge give the messages.

### done when, in the repository alone: the ten most frequent API calls of testdata/, as a table
# checked: see above; status 1 because one input was read with errors
$ trailq -o table 'stats count(*) as n by eventName | sort n desc | limit 10' testdata/AWSLogs testdata/cloudtrail 2> "$TMPDIR/done-err.txt"; echo "status $?"; cat "$TMPDIR/done-err.txt" >&2
> eventName              n
> -------------------  ---
> Decrypt              178
> DescribeRouteTables  163
> GetUser              130
> DescribeParameters   122
> ListTagsForResource   88
> GetParameter          82
> DeleteParameter       78
> PutParameter          67
> GetSecretValue        61
> AssumeRole            55
> status 1
! trailq: testdata/cloudtrail/edge/aws.execution.ec2-user-data.json:112: invalid JSON: expected ',' or ']' after record 1
! trailq: testdata/cloudtrail/edge/aws.execution.ec2-user-data.json:201: invalid JSON: expected ',' or ']' after record 2
! trailq: note: testdata/cloudtrail/edge/cloudtrail_digest.json:1: CloudTrail digest file skipped (not events)
! trailq: 1 input read with errors

### ... the counts and the total agree with jq's, computed in the test
# checked: in the command: zcat | jq over the gzip trail, jq over every other file but the digest and the
#   broken one, grep for the three whole records of the broken one
$ J() { find testdata/AWSLogs -name '*.json.gz' -exec zcat {} + | jq -r '.Records[] | .eventName // "-"'; find testdata/cloudtrail -type f ! -name cloudtrail_digest.json ! -name aws.execution.ec2-user-data.json -exec jq -r 'if type == "array" then .[] elif has("Records") then .Records[] else . end | .eventName // "-"' {} +; grep -o '"eventName": "[^"]*"' testdata/cloudtrail/edge/aws.execution.ec2-user-data.json | cut -d'"' -f4; }; \
$ diff <(trailq -o jsonl 'stats count(*) as n by eventName | sort n desc | limit 10' testdata/AWSLogs testdata/cloudtrail 2>/dev/null | jq -r '"\(.n) \(.eventName // "-")"') <(J | sort | uniq -c | sort -k1,1nr -k2 | head -10 | awk '{print $1, $2}') && echo same; \
$ trailq -o tsv 'stats count(*) as n' testdata/AWSLogs testdata/cloudtrail 2>/dev/null | tail -n 1; J | wc -l
> same
> 3034
> 3034
