# VPC flow logs (docs/language.md#inputs; example queries q41-q45): the version 2
# default layout, layouts named by a header line, NODATA/SKIPDATA, "-" for
# missing values, integers, @timestamp = start. Expected values are worked
# out with awk over the raw lines (fields: $4 srcaddr, $5 dstaddr, $7
# dstport, $8 protocol, $9 packets, $10 bytes, $11 start, $13 action, $14
# log-status of the default layout), as each case says.

### done-when query over the OpenTelemetry samples: REJECT bytes by source
# checked: { cat testdata/vpcflow/valid_*.log; jq -r '.logEvents[].message' testdata/vpcflow/valid_*.json; }
#   | awk '$13=="REJECT"{b[$4]+=$10} END{for(k in b) print k, b[k]}' -> 172.31.9.69 8498
#   (the same record once in valid_vpc_flow_log_multi.log and once inside the CloudWatch payload)
$ trailq 'filter action = "REJECT" | stats sum(bytes) as b by srcAddr | sort b desc' testdata/vpcflow/valid_*
> srcAddr	b
> 172.31.9.69	8498

### every OpenTelemetry flow log sample is read: records per file (the header lines are not records)
# checked: wc -l of the .log files minus their header line: tgw 1, single 1 (NODATA), multi 2;
#   jq '.logEvents | length' of the payload = 2 (the file from @ptr: the payload's @log is owner:logGroup)
$ trailq 'parse @ptr /^(?<file>.*):[0-9]+$/ | stats count(*) as n by file | sort file' testdata/vpcflow/valid_*
> file	n
> testdata/vpcflow/valid_tgw_flow_log.log	1
> testdata/vpcflow/valid_vpc_flow_cw.json	2
> testdata/vpcflow/valid_vpc_flow_log.log	1
> testdata/vpcflow/valid_vpc_flow_log_multi.log	2

### example q41: top host pairs by packets (the NODATA/SKIPDATA records form the keyless group, last)
# checked: awk '$4!="-"{p[$4"\t"$5]+=$9} END{for(k in p) print k"\t"p[k]}' flows-v2.log | sort -t$'\t' -k3,3nr
$ trailq 'stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred desc | limit 15' testdata/vpcflow/flows-v2.log
> srcAddr	dstAddr	packetsTransferred
> 192.0.2.10	10.0.0.5	130
> 10.0.0.5	192.0.2.10	98
> 203.0.113.9	10.0.0.5	11
> 198.51.100.7	10.0.0.5	9
> 10.0.0.6	192.0.2.11	6
> 192.0.2.11	10.0.0.6	4
> 192.0.2.10	10.0.0.6	2
> 192.0.2.12	10.0.0.7	1
> 		

### example q42: top destinations of traffic from 192.0.2.0/24
# checked: awk '$4 ~ /^192\.0\.2\./{b[$5]+=$10} END{for(k in b) print k"\t"b[k]}' flows-v2.log | sort -t$'\t' -k2,2nr
$ trailq 'filter isIpv4InSubnet(srcAddr, "192.0.2.0/24") | stats sum(bytes) as bytesTransferred by dstAddr | sort bytesTransferred desc | limit 15' testdata/vpcflow/flows-v2.log
> dstAddr	bytesTransferred
> 10.0.0.5	104400
> 10.0.0.6	470
> 10.0.0.7	76

### example q43: UDP flows per source (sorted here for a fixed order)
# checked: awk '$8==17{n[$4]++} END{for(k in n) print k"\t"n[k]}' flows-v2.log | sort
$ trailq 'filter protocol=17 | stats count(*) by srcAddr | sort srcAddr' testdata/vpcflow/flows-v2.log
> srcAddr	count(*)
> 10.0.0.6	1
> 192.0.2.10	1
> 192.0.2.11	1
> 192.0.2.12	1

### example q44: hours with SKIPDATA records (hours without them are absent)
# checked: awk '$14=="SKIPDATA"{print strftime("%F %H:00", int($11/3600)*3600, 1)}' flows-v2.log | uniq -c
$ trailq 'filter logStatus="SKIPDATA" | stats count(*) by bin(1h) as t | sort t' testdata/vpcflow/flows-v2.log
> t	count(*)
> 2024-03-01 10:00:00.000	1
> 2024-03-01 11:00:00.000	1
> 2024-03-01 13:00:00.000	1

### example q45: top rejected sources and ports
# checked: awk '$13=="REJECT"{n[$4"\t"$7]++} END{for(k in n) print k"\t"n[k]}' flows-v2.log | sort -t$'\t' -k3,3nr
$ trailq 'filter action = "REJECT" | stats count(*) as rejections by srcAddr, dstPort | sort rejections desc | limit 10' testdata/vpcflow/flows-v2.log
> srcAddr	dstPort	rejections
> 203.0.113.9	22	3
> 198.51.100.7	22	2
> 198.51.100.7	3389	1

### rejected bytes by source (the done-when query on the hand-made file)
# checked: awk '$13=="REJECT"{b[$4]+=$10} END{for(k in b) print k"\t"b[k]}' flows-v2.log | sort -t$'\t' -k2,2nr
$ trailq 'filter action = "REJECT" | stats sum(bytes) as b by srcAddr | sort b desc' testdata/vpcflow/flows-v2.log
> srcAddr	b
> 203.0.113.9	660
> 198.51.100.7	540

### numbers are numbers; "-" is missing (sum/count skip it)
# checked: awk '$10!="-"{b+=$10; p+=$9; nb++} END{print b, p, NR, nb}' flows-v2.log -> 172858 261 18 14
$ trailq 'stats sum(bytes) as b, sum(packets) as p, count(*) as n, count(bytes) as nb' testdata/vpcflow/flows-v2.log
> b	p	n	nb
> 172858	261	18	14

### a NODATA record: only version, account, interface, start, end and status are present
# checked: line 7 of flows-v2.log, "2 123456789010 eni-0a1b2c3d4e5f60002 - - - - - - - 1709287400 1709287460 - NODATA";
#   date -u -d @1709287400 = 2024-03-01 10:03:20
$ trailq 'filter logStatus = "NODATA" | fields @timestamp, @ptr, interfaceId, srcAddr, bytes, action, start, end, ispresent(srcAddr) as has' testdata/vpcflow/flows-v2.log
> @timestamp	@ptr	interfaceId	srcAddr	bytes	action	start	end	has
> 2024-03-01 10:03:20.000	testdata/vpcflow/flows-v2.log:7	eni-0a1b2c3d4e5f60002				1709287400	1709287460	false

### --start/--end apply to @timestamp = start
# checked: awk '$11>=1709290800 && $11<1709294400' flows-v2.log | wc -l = 7 (11:00 <= start < 12:00); min/max start by sort
$ trailq --start 2024-03-01T11:00:00Z --end 2024-03-01T12:00:00Z 'stats count(*) as n, min(start) as lo, max(start) as hi' testdata/vpcflow/flows-v2.log
> n	lo	hi
> 7	1709290800	1709291000

### the field list of the default layout (the names of trailq(1) INPUTS; integers are numbers, the rest strings)
# checked: by hand from flows-v2.log: 18 records; the 4 NODATA/SKIPDATA lines have "-" for
#   addresses, ports, protocol, packets, bytes and action, so those fields are in 14
$ trailq --fields testdata/vpcflow/flows-v2.log
> field	events	type
> @timestamp	18	timestamp
> @message	18	string
> @log	18	string
> @logStream	18	string
> @ptr	18	string
> accountId	18	string
> action	14	string
> bytes	14	number
> dstAddr	14	string
> dstPort	14	number
> end	18	number
> interfaceId	18	string
> logStatus	18	string
> packets	14	number
> protocol	14	number
> srcAddr	14	string
> srcPort	14	number
> start	18	number
> version	18	number

### a custom (version 5) layout named by its header: kebab-case names become camelCase
# checked: by hand from the header of custom-v5.log (29 names; srcaddr/dstaddr/srcport/dstport keep the
#   Insights' spelling srcAddr...; pkt-srcaddr -> pktSrcaddr); "-" values are missing (1 record each)
$ trailq --fields testdata/vpcflow/custom-v5.log
> field	events	type
> @timestamp	2	timestamp
> @message	2	string
> @log	2	string
> @logStream	2	string
> @ptr	2	string
> accountId	2	string
> action	2	string
> azId	2	string
> bytes	2	number
> dstAddr	2	string
> dstPort	2	number
> end	2	number
> flowDirection	2	string
> instanceId	2	string
> interfaceId	2	string
> logStatus	2	string
> packets	2	number
> pktDstAwsService	1	string
> pktDstaddr	2	string
> pktSrcAwsService	1	string
> pktSrcaddr	2	string
> protocol	2	number
> region	2	string
> srcAddr	2	string
> srcPort	2	number
> start	2	number
> subnetId	2	string
> tcpFlags	2	number
> trafficPath	1	number
> type	2	string
> version	2	number
> vpcId	2	string

### the version 6 Transit Gateway sample (31 named fields)
# checked: by hand from valid_tgw_flow_log.log; date -u -d @1700000000 = 2023-11-14 22:13:20
$ trailq 'fields tgwId, tgwSrcVpcId, tgwPairAttachmentId, packetsLostNoRoute, packetsLostTtlExpired, flowDirection, type, tcpFlags, srcAddr, dstPort, @timestamp' testdata/vpcflow/valid_tgw_flow_log.log
> tgwId	tgwSrcVpcId	tgwPairAttachmentId	packetsLostNoRoute	packetsLostTtlExpired	flowDirection	type	tcpFlags	srcAddr	dstPort	@timestamp
> tgw-0abc12345def67890	vpc-0abc12345def67890	tgw-attach-0def12345abc67890	1	4	ingress	IPv4	2	10.0.0.1	443	2023-11-14 22:13:20.000

### a second header changes the layout; a record without start takes the previous record's time
# checked: by hand: line 4 start 1709287300 = 10:01:40, line 5 start "-" inherits it; line 2 start = 10:00:00
$ trailq 'fields @ptr, @timestamp, srcAddr, action, bytes, logStatus | sort @ptr' testdata/vpcflow/layout-change.log
> @ptr	@timestamp	srcAddr	action	bytes	logStatus
> testdata/vpcflow/layout-change.log:2	2024-03-01 10:00:00.000	10.0.0.5	ACCEPT	100	OK
> testdata/vpcflow/layout-change.log:4	2024-03-01 10:01:40.000	10.0.0.7	REJECT	200	
> testdata/vpcflow/layout-change.log:5	2024-03-01 10:01:40.000	10.0.0.8	ACCEPT	300	

### bad input: a header-less line with 13 fields is reported and skipped, the rest kept
# checked: line 2 of bad-fields.log has 13 space-separated fields (awk '{print NF}')
$ trailq 'fields @ptr | sort @ptr' testdata/vpcflow/bad-fields.log
> @ptr
> testdata/vpcflow/bad-fields.log:1
> testdata/vpcflow/bad-fields.log:3
! trailq: testdata/vpcflow/bad-fields.log:2: expected 14 space-separated fields (the default version 2 flow log format; a header line names other layouts), found 13
! trailq: 1 input read with errors, 1 record skipped
? 1

### bad input under a header: the message names the header's line
# checked: by hand (the header names 3 fields, line 3 has 4)
$ printf 'srcaddr dstaddr action\n10.0.0.1 10.0.0.2 ACCEPT\n10.0.0.1 10.0.0.2 ACCEPT extra\n' | trailq -t vpcflow 'stats count(*) as n' -
> n
> 1
! trailq: -:3: expected 3 fields as named by the header on line 1, found 4
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the time standard input was read
! trailq: 1 input read with errors, 1 record skipped
? 1

### flow records delivered through CloudWatch Logs get the flow log fields too
# checked: by hand from the two logEvents of subscription.json.gz (zcat | jq); the CONTROL_MESSAGE
#   payload after them holds no log events
$ trailq 'fields @logStream, srcAddr, dstPort, action, bytes, @timestamp | sort @timestamp' testdata/cwlogs/subscription.json.gz
> @logStream	srcAddr	dstPort	action	bytes	@timestamp
> eni-0a1b2c3d4e5f60001-all	198.51.100.7	22	REJECT	180	2024-03-01 10:00:00.000
> eni-0a1b2c3d4e5f60001-all	10.0.0.5	49152	ACCEPT	5200	2024-03-01 10:01:00.000
! trailq: note: testdata/cwlogs/subscription.json.gz:1: CloudWatch Logs CONTROL_MESSAGE skipped (not log events)
