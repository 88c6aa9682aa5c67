# sort (several keys, asc/desc, Insights' natural ordering of docs/language.md#sort-order,
# missing values last both ways), limit, the newest-first default order, and
# no implicit row cap. Data: testdata/AWSLogs (2900 invictus events), four
# copies of it (11,600), and the SANS set in $SHARED (30,477 events; skipped
# without it). Orderings were worked out by hand from
# that rule; counts with jq over the same records.

### natural ordering: digit runs compare by length then value, digits before letters
# checked: by hand from jq -r .sourceIPAddress | sort | uniq -c: 3 < 10 < 52 < 192 (run length first),
# 10.8 < 10.107 < 10.248; '3' (0x33) < 'A' (0x41) < 'c'; "inspector2" after "health"
$ trailq 'stats count(*) as n by sourceIPAddress as ip | sort ip' testdata/AWSLogs
> ip	n
> 3.225.16.109	13
> 10.8.8.10	281
> 10.107.112.14	1
> 10.107.159.90	1
> 10.248.16.43	89
> 52.45.102.28	8
> 192.168.10.20	2154
> AWS Internal	170
> cloudtrail.amazonaws.com	8
> ec2.amazonaws.com	6
> health.amazonaws.com	25
> inspector2.amazonaws.com	6
> lambda.amazonaws.com	2
> rds.amazonaws.com	14
> rolesanywhere.amazonaws.com	6
> secretsmanager.amazonaws.com	116

### desc is the exact reverse
# checked: the list above, reversed
$ trailq 'stats count(*) as n by sourceIPAddress as ip | sort ip desc' testdata/AWSLogs
> ip	n
> secretsmanager.amazonaws.com	116
> rolesanywhere.amazonaws.com	6
> rds.amazonaws.com	14
> lambda.amazonaws.com	2
> inspector2.amazonaws.com	6
> health.amazonaws.com	25
> ec2.amazonaws.com	6
> cloudtrail.amazonaws.com	8
> AWS Internal	170
> 192.168.10.20	2154
> 52.45.102.28	8
> 10.248.16.43	89
> 10.107.159.90	1
> 10.107.112.14	1
> 10.8.8.10	281
> 3.225.16.109	13

### values made only of digits sort after all others; missing values last
# checked: jq -r '.apiVersion // empty' | sort | uniq -c: 2012-06-01 1, 2013-04-01 2, 20140328 6, 2015-12-01 1;
# 2890 events have none. Plain byte order would put 20140328 before 2015-12-01
$ trailq 'stats count(*) as n by apiVersion | sort apiVersion' testdata/AWSLogs
> apiVersion	n
> 2012-06-01	1
> 2013-04-01	2
> 2015-12-01	1
> 20140328	6
> 	2890

### ... and in desc the digit-only value comes first, missing still last
# checked: the list above reversed, the missing group kept at the end
$ trailq 'stats count(*) as n by apiVersion | sort apiVersion desc' testdata/AWSLogs
> apiVersion	n
> 20140328	6
> 2015-12-01	1
> 2013-04-01	2
> 2012-06-01	1
> 	2890

### @ptr sorts by record number (":9" before ":10"), and digit-only text after the rest
# checked: the file holds 12 records (zcat | jq '.Records | length'); by hand: ":1".. ":9" are not
# digit-only, "10" "11" "12" are
$ f=testdata/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1220Z_AkYyuTYmKtOUB1Lx.json.gz; trailq 'fields @ptr | sort @ptr' $f | sed 's/.*://' | tr '\n' ' '; echo; trailq 'fields substr(@ptr, strlen(@ptr) - 2) as tail | sort tail' $f | tr '\n' ' '; echo
> @ptr 1 2 3 4 5 6 7 8 9 10 11 12 
> tail :1 :2 :3 :4 :5 :6 :7 :8 :9 10 11 12 

### several keys: count descending, then name descending within a count
# checked: jq -r .eventSource | sort | uniq -c, the sources with at most 4 events, ordered by hand
$ trailq 'stats count(*) as n by eventSource | filter n <= 4 | sort n desc, eventSource desc' testdata/AWSLogs
> eventSource	n
> organizations.amazonaws.com	4
> guardduty.amazonaws.com	4
> devops-guru.amazonaws.com	4
> signin.amazonaws.com	3
> resource-explorer-2.amazonaws.com	3
> account.amazonaws.com	3
> route53.amazonaws.com	2
> ram.amazonaws.com	2
> elasticloadbalancing.amazonaws.com	2
> ce.amazonaws.com	2
> servicecatalog-appregistry.amazonaws.com	1
> securityhub.amazonaws.com	1
> route53resolver.amazonaws.com	1
> monitoring.amazonaws.com	1
> autoscaling.amazonaws.com	1

### sort without a direction is ascending; missing last in both directions
# checked: jq -r '.userIdentity.type // "MISSING"' | sort | uniq -c; 'W' (0x57) < 's' (0x73) puts AWSService first
$ trailq 'stats count(*) as n by userIdentity.type as t | sort t' testdata/AWSLogs; trailq 'stats count(*) as n by userIdentity.type as t | sort t desc' testdata/AWSLogs
> t	n
> AWSService	34
> AssumedRole	76
> IAMUser	2748
> 	42
> t	n
> IAMUser	2748
> AssumedRole	76
> AWSService	34
> 	42

### sort on @timestamp ascending, limit
# checked: jq -r '[.eventTime, .eventName] | @tsv' | sort | head -1 (the second-oldest second holds two events: not shown)
$ trailq 'fields @timestamp, eventName | sort @timestamp asc | limit 1' testdata/AWSLogs
> @timestamp	eventName
> 2023-07-10 11:42:18.000	GetRegionOptStatus

### limit caps the rows
# checked: by hand
$ trailq 'fields eventID | limit 7' testdata/AWSLogs | wc -l
> 8

### newest first by default: no row is newer than the one before it (rows, violations)
# checked: in the command with awk over the @timestamp column
$ trailq 'fields @timestamp' testdata/AWSLogs | tail -n +2 | awk 'NR > 1 && $0 > prev {bad++} {prev = $0} END {print NR, bad + 0}'
> 2900 0

### ... and the same after a filter
# checked: in the command; 16 AccessDenied events (jq)
$ trailq 'filter errorCode = "AccessDenied" | fields @timestamp' testdata/AWSLogs | tail -n +2 | awk 'NR > 1 && $0 > prev {bad++} {prev = $0} END {print NR, bad + 0}'
> 16 0

### no implicit row cap: 15,079 PutObject events, all returned (Insights would stop at 10,000)
~ [ -d "$SHARED/data" ]
# checked: in the command: jq over the same gzip files counts the PutObject records
$ D=$SHARED/data/cloudtrail/suzaku-sample-data_SANS-504-S3-ransomware-lab; trailq 'filter eventName = "PutObject" | fields eventID' $D | tail -n +2 | wc -l; find $D -name '*.json.gz' -exec zcat {} + | jq -r '.Records[] | select(.eventName == "PutObject") | .eventID' | wc -l
> 15079
> 15079

### ... and all 30,477 events of the set in JSON lines
~ [ -d "$SHARED/data" ]
# checked: $SHARED/data/SOURCES.md §1.1 and jq: 30477 records
$ trailq -o jsonl 'fields eventID' $SHARED/data/cloudtrail/suzaku-sample-data_SANS-504-S3-ransomware-lab | wc -l
> 30477

### no implicit row cap without the larger corpus: four copies of the trail, 11,600 rows, all returned
# checked: in the command: the copies are made with zcat (4 x 2,900 records); jq counts the
#   records of the file trailq reads, and the rows come back newest first (awk finds no rise)
$ for i in 1 2 3 4; do zcat testdata/AWSLogs/*/CloudTrail/*/*/*/*/*.json.gz; done > "$TMPDIR/four.json"; \
$ trailq 'fields @timestamp, eventID' "$TMPDIR/four.json" | tail -n +2 | awk -F '\t' 'NR > 1 && $1 > prev {bad++} {prev = $1} END {print NR, bad + 0}'; jq '.Records | length' "$TMPDIR/four.json" | awk '{n += $1} END {print n}'
> 11600 0
> 11600

### ... and in JSON lines, one object per event
# checked: as above
$ for i in 1 2 3 4; do zcat testdata/AWSLogs/*/CloudTrail/*/*/*/*/*.json.gz; done > "$TMPDIR/four.json"; trailq -o jsonl 'fields eventID' "$TMPDIR/four.json" | wc -l
> 11600
