# The documented examples of docs/language.md#documented-examples, one
# golden case each, named §9.N by their number there.
# trailq differs on cases 19 and 20: bin(300s) is five-minute buckets, and
# there is no 10,000-row cap.
# Inputs are the hand-made files in testdata/lang (see testdata/SOURCES.md).

### §9.1 2 ^ 3 is 8
# checked: 2*2*2 = 8 (documented example 1)
$ trailq -o tsv 'fields 2 ^ 3' testdata/lang/one.jsonl
> 2 ^ 3
> 8

### §9.2 10 % 3 is 1
# checked: 10 = 3*3 + 1 (documented example 2)
$ trailq -o tsv 'fields 10 % 3' testdata/lang/one.jsonl
> 10 % 3
> 1

### §9.3 ltrim with a character set
# checked: strip any of x,y,Z from the left of xyZxyfooxyZ -> fooxyZ (documented example 3)
$ trailq -o tsv 'fields ltrim("xyZxyfooxyZ","xyZ")' testdata/lang/one.jsonl
> ltrim("xyZxyfooxyZ","xyZ")
> fooxyZ

### §9.4 rtrim with a character set
# checked: strip any of x,y,Z from the right of xyZfooxyxyZ -> xyZfoo (documented example 4)
$ trailq -o tsv 'fields rtrim("xyZfooxyxyZ","xyZ")' testdata/lang/one.jsonl
> rtrim("xyZfooxyxyZ","xyZ")
> xyZfoo

### §9.5 trim with a character set
# checked: both ends of xyZxyfooxyxyZ -> foo (documented example 5)
$ trailq -o tsv 'fields trim("xyZxyfooxyxyZ","xyZ")' testdata/lang/one.jsonl
> trim("xyZxyfooxyxyZ","xyZ")
> foo

### §9.6 substr is 0-based
# checked: xyZfooxyZ, characters 3,4,5 (0-based) = foo (documented example 6)
$ trailq -o tsv 'fields substr("xyZfooxyZ", 3, 3)' testdata/lang/one.jsonl
> substr("xyZfooxyZ", 3, 3)
> foo

### §9.7 replace replaces every occurrence
# checked: both o's of foo become 0 (documented example 7)
$ trailq -o tsv 'fields replace("foo","o","0")' testdata/lang/one.jsonl
> replace("foo","o","0")
> f00

### §9.8 hexToDec of 0xff
# checked: 0xff = 15*16 + 15 = 255
$ trailq -o tsv 'fields hexToDec("0xff")' testdata/lang/one.jsonl
> hexToDec("0xff")
> 255

### §9.9 decToHex of 255
# checked: 255 = 0xff, lowercase with 0x prefix (documented example 9)
$ trailq -o tsv 'fields decToHex(255)' testdata/lang/one.jsonl
> decToHex(255)
> 0xff

### §9.10 toMillis of 2022-01-14T13:18:31.000-08:00
# one.jsonl's eventTime is that instant; also given as a string literal.
# checked: date -u -d '2022-01-14T13:18:31-08:00' +%s = 1642195111, times 1000
$ trailq -o tsv 'fields @timestamp, toMillis(@timestamp), toMillis("2022-01-14T13:18:31.000-08:00")' testdata/lang/one.jsonl
> @timestamp	toMillis(@timestamp)	toMillis("2022-01-14T13:18:31.000-08:00")
> 2022-01-14 21:18:31.000	1642195111000	1642195111000

### §9.11 sort x asc over the documented values (shuffled), missing last
# sortorder.jsonl holds the 17 values in shuffled order plus one event
# without x; "01" is newer than "1", so the stable sort keeps 01 first
# among the two equal numbers, as the documentation lists them.
# checked: documented example 11 (AWS's sort documentation lists exactly this order);
# the event without x sorts last (docs/language.md#sort-order)
$ trailq -o tsv 'sort x asc | fields x' testdata/lang/sortorder.jsonl
> x
> !:
> #
> *%04
> 0#
> 5A
> 111A
> 2345_
> @
> @_
> A
> A9876fghj
> a12345hfh
> 0
> 01
> 1
> 2
> 3
>

### §9.12 glob parse, unanchored, lazy stars and a greedy last star
# checked: documented example 12
$ trailq -o tsv 'parse line "[*] * The error was: *" as level, config, exception | filter ispresent(level) | fields level, config, exception' testdata/lang/parse.jsonl
> level	config	exception
> ERROR	{foo=2, bar=data}	DataIntegrityException

### §9.13 regex parse with named groups on the same line
# checked: documented example 13, same three values as §9.12
$ trailq -o tsv 'parse line /\[(?<level>\S+)\]\s+(?<config>\{.*\})\s+The error was: (?<exception>\S+)/ | filter ispresent(level) | fields level, config, exception' testdata/lang/parse.jsonl
> level	config	exception
> ERROR	{foo=2, bar=data}	DataIntegrityException

### §9.14 the documented glob does not match the documented line
# parse.jsonl's second event is the docs' line (method= not method:); the
# third event does match. Non-matching events are kept, without the fields.
# checked: by hand: "user=user1234, method=sampleMehod, ..." has no "method:";
# "user=ana, method:GET, latency := 12 ms" gives ana / GET / "12 ms"
$ trailq -o jsonl 'parse line "user=*, method:*, latency := *" as u, m, l | fields @timestamp, u, m, l' testdata/lang/parse.jsonl
> {"@timestamp":"2024-02-01 10:00:05.000"}
> {"@timestamp":"2024-02-01 10:00:04.000"}
> {"@timestamp":"2024-02-01 10:00:03.000","u":"ana","m":"GET","l":"12 ms"}
> {"@timestamp":"2024-02-01 10:00:02.000"}
> {"@timestamp":"2024-02-01 10:00:01.000"}

### §9.15 dedup in the default order keeps the newest per key, and every missing key
# rows (t=1,a) (t=2,a) (t=3,b) (t=4,null) (t=5,missing): newest first is
# 5,4,3,2,1; t=1 repeats a.
# checked: documented example 15 expects t=2 (a), t=3 (b), t=4, t=5
$ trailq -o jsonl 'filter t <= 5 | fields t, server | dedup server' testdata/lang/dedup.jsonl
> {"t":5}
> {"t":4}
> {"t":3,"server":"b"}
> {"t":2,"server":"a"}

### §9.16 stats count(*) without by: one row with N
# checked: wc -l testdata/lang/nums.jsonl = 14
$ trailq -o tsv 'stats count(*)' testdata/lang/nums.jsonl; wc -l < testdata/lang/nums.jsonl
> count(*)
> 14
> 14

### §9.16 stats count(*) over a real trail equals jq's count
# checked: testdata/SOURCES.md says 2,900 events; jq counts them too
$ trailq -o tsv 'stats count(*)' testdata/AWSLogs; sh testdata/lang/records.sh testdata/AWSLogs | wc -l
> count(*)
> 2900
> 2900

### §9.17 count(f) counts the events that have f
# checked: v is present on 13 of the 14 events of nums.jsonl (jq below)
$ trailq -o tsv 'stats count(v), count(*)' testdata/lang/nums.jsonl; jq -s '[.[] | select(.v != null)] | length' testdata/lang/nums.jsonl
> count(v)	count(*)
> 13	14
> 13

### §9.17 count(errorCode) over a real trail equals jq's count
# checked: the larger corpus's SOURCES.md says 300 of the 2,900 Invictus events carry an error; jq counts them
$ trailq -o tsv 'stats count(errorCode) as k, count(*) as n' testdata/AWSLogs; sh testdata/lang/records.sh testdata/AWSLogs | jq -c 'select(.errorCode != null)' | wc -l
> k	n
> 300	2900
> 300

### §9.18 isempty and isblank on missing, "" and " "
# one.jsonl: e is "", b is " ", nope does not exist.
# checked: documented example 18: isempty 1/1/0, isblank 1/1/1
$ trailq -o tsv 'fields isempty(nope), isempty(e), isempty(b), isblank(nope), isblank(e), isblank(b)' testdata/lang/one.jsonl
> isempty(nope)	isempty(e)	isempty(b)	isblank(nope)	isblank(e)	isblank(b)
> 1	1	0	1	1	1

### §9.19 (trailq differs) bin(300s) is five-minute buckets, the same as bin(5m)
# minutes.jsonl: 00:00:00, 00:01:30, 00:04:59.999, 00:05:00, 00:09:00, 00:17:00.
# checked: by hand: [00:00,00:05) holds 3, [00:05,00:10) 2, [00:15,00:20) 1
$ trailq -o tsv 'stats count(*) by bin(300s)' testdata/lang/minutes.jsonl; trailq -o tsv 'stats count(*) by bin(5m)' testdata/lang/minutes.jsonl
> bin(300s)	count(*)
> 2024-01-01 00:00:00.000	3
> 2024-01-01 00:05:00.000	2
> 2024-01-01 00:15:00.000	1
> bin(5m)	count(*)
> 2024-01-01 00:00:00.000	3
> 2024-01-01 00:05:00.000	2
> 2024-01-01 00:15:00.000	1

### §9.19 (trailq differs) bin(60s) keeps one-minute buckets
# checked: by hand: each of the six events is in its own minute
$ trailq -o tsv 'stats count(*) by bin(60s)' testdata/lang/minutes.jsonl
> bin(60s)	count(*)
> 2024-01-01 00:00:00.000	1
> 2024-01-01 00:01:00.000	1
> 2024-01-01 00:04:00.000	1
> 2024-01-01 00:05:00.000	1
> 2024-01-01 00:09:00.000	1
> 2024-01-01 00:17:00.000	1

### §9.20 (trailq differs) 15,000 matching events give 15,000 rows, exit 0
# checked: awk writes 15,000 events; the header line makes 15,001 lines
$ d=$(mktemp -d) && awk 'BEGIN { for (i = 0; i < 15000; i++) printf "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"i\":%d}\n", i }' > $d/e.jsonl && \
$ trailq -o tsv 'filter i >= 0 | fields i' $d/e.jsonl | wc -l; echo "exit ${PIPESTATUS[0]}"
> 15001
> exit 0
