# anomaly: the anomaly rules over the patterns of pattern (trailq(1),
# QUERY LANGUAGE; docs/language.md#anomaly; issue 12 item 2). Input:
# testdata/lang/anomaly.log, 62 lines written for these rules between
# 2024-05-01 00:00 and 10:00 (testdata/SOURCES.md says how): the range cuts
# into ten buckets of one hour; 00:00-05:00 is the baseline, 05:00-10:00
# the current period.
#
#   heartbeat ok from node1   twice an hour, and at 10:00  no anomaly
#   login failed for user     once an hour, ten times at 08:1x
#   disk quota exceeded       twice at 07:0x, never before
#   connect from region X     us-east-1, eu-west-1, us-east-1 | us-east-1, ap-south-1
#   query took N ms           10 11 12 10 11 | 12 95
#   GET /api status N         200 x5 | 200 500 503

### the five kinds of anomaly, one pattern each
# checked: by hand from the rules in trailq(1):
# - login: buckets 1,1,1,1,1,1,1,1,10,1: median 1, MAD 0, limit
#   1 + 3 * max(0, sqrt(1), 1) = 4; bucket 8 (08:00-09:00) holds 10 >= 5
# - GET: status is always 100-599; errors 2 of 3 = 66.7% now, 0% before
# - query: baseline mean 54/5 = 10.8, sample sd sqrt(2.8/4) = 0.837;
#   current mean (12 + 95)/2 = 53.5, more than 10.8 + 3 * 0.837 away
# - connect: the baseline took 2 regions, the current period ap-south-1 too
# - disk: 2 values, none before the middle of the range (05:00)
# Priorities: HTTP error code is HIGH, a new pattern MEDIUM, the rest LOW
# (no level words). Rows in pattern order (most values first); heartbeat
# has no anomaly and is left out.
$ trailq -o tsv 'pattern @message | anomaly' testdata/lang/anomaly.log
> @pattern	@ratio	@sampleCount	@severityLabel	@anomalyType	@description	@priority
> <Timestamp-1> login failed for user alice	0.3064516129032258	19	Unknown	Pattern frequency	10 values from 2024-05-01 08:00:00.000 to 2024-05-01 09:00:00.000, typically 1 per bucket	LOW
> <Timestamp-1> GET /api status <Number-2>	0.12903225806451613	8	Unknown	HTTP error code	<Number-2>: 66.7% error codes, baseline 0%	HIGH
> <Timestamp-1> query took <Number-2> ms	0.11290322580645161	7	Unknown	Numerical token	<Number-2> averaged 53.5, baseline mean 10.8, standard deviation 0.837	LOW
> <Timestamp-1> connect from region <Token-2> ok	0.08064516129032258	5	Unknown	Token variation	<Token-2> took 1 new value (ap-south-1)	LOW
> <Timestamp-1> disk quota exceeded on /dev/sda1	0.03225806451612903	2	Unknown	New pattern	2 values, none before 2024-05-01 05:00:00.000	MEDIUM

### anomaly on its own is pattern @message | anomaly
$ trailq -o tsv 'anomaly' testdata/lang/anomaly.log > "$TMPDIR/a"; trailq -o tsv 'pattern @message | anomaly' testdata/lang/anomaly.log > "$TMPDIR/b"; cmp "$TMPDIR/a" "$TMPDIR/b" && wc -l < "$TMPDIR/a"
> 6

### filter and sort between pattern and anomaly, and after it
# checked: by hand from the first case: only the patterns of more than 5
# values are judged; sorted by priority name (HIGH, LOW, LOW)
$ trailq -o tsv 'pattern @message | filter @sampleCount > 5 | anomaly | sort @priority | display @sampleCount, @anomalyType, @priority' testdata/lang/anomaly.log
> @sampleCount	@anomalyType	@priority
> 8	HTTP error code	HIGH
> 19	Pattern frequency	LOW
> 7	Numerical token	LOW

### after filter on events: the range is that of the values left
# checked: by hand: without the 08:1x burst the login pattern is steady;
# the other rows are the same (the range is still 00:00-10:00)
$ trailq -o tsv 'filter @message not like "08:1" | anomaly | display @anomalyType' testdata/lang/anomaly.log
> @anomalyType
> HTTP error code
> Numerical token
> Token variation
> New pattern

### no anomaly: no rows; and no range (one timestamp) has none
# checked: by hand: the heartbeat is steady (2 or 3 an hour, one text);
# one.jsonl has one event, so its range is empty
$ trailq -o tsv 'filter @message like "heartbeat" | anomaly' testdata/lang/anomaly.log; trailq -o tsv 'anomaly' testdata/lang/one.jsonl
> @pattern	@ratio	@sampleCount	@severityLabel	@anomalyType	@description	@priority
> @pattern	@ratio	@sampleCount	@severityLabel	@anomalyType	@description	@priority

### the examples of the Insights documentation run and give its shape
$ trailq -o tsv 'filter @message like /status/ | pattern @message | anomaly' testdata/lang/anomaly.log | cut -f 1,5,7
> @pattern	@anomalyType	@priority
> <Timestamp-1> GET /api status <Number-2>	HTTP error code	HIGH

### errors: anomaly needs timestamps and the rows of pattern
$ trailq 'stats count(*) by @message | anomaly' testdata/lang/anomaly.log
# checked: "anomaly" starts at column 30 (python3: len of what precedes + 1)
! trailq: query error at 1:30: anomaly needs the rows of pattern, or the events: it cannot follow stats
!   stats count(*) by @message | anomaly
!                                ^^^^^^^
? 2

### ... pattern after stats has no timestamps to judge
# checked: "pattern" starts at column 35
$ trailq 'stats count(*) as n by @message | pattern @message | anomaly' testdata/lang/anomaly.log
! trailq: query error at 1:35: anomaly needs the timestamps of the rows; it cannot follow stats
!   stats count(*) as n by @message | pattern @message | anomaly
!                                     ^^^^^^^
? 2

### ... anything after anomaly is an error of its own
$ trailq 'anomaly x' testdata/lang/anomaly.log
! trailq: query error at 1:9: unexpected 'x'; expected '|'
!   anomaly x
!           ^
? 2
