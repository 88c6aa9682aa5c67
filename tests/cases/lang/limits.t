# Query limits (issue 9): every valid query runs or gets a query error
# (exit 2) that names the limit it hit and points at it. Long queries are
# generated here with python3 and run with -f (a command-line argument is
# limited to 128 KiB); answers are checked against tests/tools/trail_count.py,
# which reads the sample trail with Python's gzip and json alone.
~ command -v python3 >/dev/null

### a filter of 10,000 or terms runs (83 hit SQLite's parser stack before)
# checked: trail_count.py counts the events named GetUser or Decrypt (130 + 178)
$ python3 -c 'print("filter " + " or ".join("eventName = \"n%d\"" % i for i in range(9998)) + " or eventName = \"GetUser\" or eventName = \"Decrypt\" | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'e.get("eventName") in ("GetUser", "Decrypt")'
> count(*)
> 308
> 308

### 83 or terms, the size that failed first
# checked: trail_count.py as above
$ trailq -o tsv "$(python3 -c 'print("filter " + " or ".join("eventName = \"n%d\"" % i for i in range(81)) + " or eventName = \"GetUser\" or eventName = \"Decrypt\" | stats count(*)")')" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'e.get("eventName") in ("GetUser", "Decrypt")'
> count(*)
> 308
> 308

### a filter of 10,000 and terms runs (80 hit SQLite's parser stack before)
# checked: trail_count.py counts the events not named Decrypt (2900 - 178)
$ python3 -c 'print("filter " + " and ".join("eventName != \"n%d\"" % i for i in range(9999)) + " and eventName != \"Decrypt\" | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'e.get("eventName") != "Decrypt"'
> count(*)
> 2722
> 2722

### 10,000 terms of and and or mixed, and not, in one filter
# checked: trail_count.py: (readOnly and not Decrypt) or GetUser, with 9,996 terms that match nothing
$ python3 -c 'print("filter (readOnly = \"true\" and not eventName = \"Decrypt\" and " + " and ".join("eventName != \"n%d\"" % i for i in range(4998)) + ") or " + " or ".join("eventName = \"m%d\"" % i for i in range(4998)) + " or eventName = \"GetUser\" | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count '(e.get("readOnly") is True and e.get("eventName") != "Decrypt") or e.get("eventName") == "GetUser"'
> count(*)
> 2148
> 2148

### 1,000 filter stages run ("Expression tree is too large" before)
# checked: trail_count.py counts the events not named Decrypt
$ python3 -c 'print(" | ".join("filter eventName != \"n%d\"" % i for i in range(999)) + " | filter eventName != \"Decrypt\" | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'e.get("eventName") != "Decrypt"'
> count(*)
> 2722
> 2722

### 1,000 fields commands, each using the one before
# checked: trail_count.py: the length of eventName plus 1000, per value, for the GetUser and DescribeRouteTables events
$ python3 -c 'print("filter eventName in [\"GetUser\", \"DescribeRouteTables\"] | fields strlen(eventName) as v0 | " + " | ".join("fields v%d + 1 as v%d" % (i, i + 1) for i in range(1000)) + " | stats count(*) by v1000 | sort v1000")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py by 'len(e["eventName"]) + 1000' 'e.get("eventName") in ("GetUser", "DescribeRouteTables")'
> v1000	count(*)
> 1007	130
> 1019	163
> 1007	130
> 1019	163

### 900 fields commands, each on its own, and 900 parse commands
# checked: trail_count.py: the length of eventName plus 899 for the field, its first letter for the parse
$ python3 -c 'print(" | ".join("fields strlen(eventName) + %d as w%d" % (i, i) for i in range(900)) + " | " + " | ".join("parse eventName /^(?<p%d>.)/" % i for i in range(900)) + " | stats count(*) by w899, p899 | sort w899, p899 | limit 3")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py by '"%d\t%s" % (len(e["eventName"]) + 899, e["eventName"][0])' | head -n 3
> w899	p899	count(*)
> 906	D	178
> 906	E	42
> 906	G	161
> 906	D	178
> 906	E	42
> 906	G	161

### 1,000 stages of every command that runs row by row, in turn
# checked: trail_count.py: the events not named Decrypt with an "e" after the first letter of their name
$ python3 -c 'print(" | ".join(("filter eventName != \"n%d\"" % i, "fields eventName as f%d" % i, "parse f%d /.(?<g%d>e)/" % (i - 1, i), "display eventName, g%d" % (i - 1), "sort eventName")[i % 5] for i in range(1000)) + " | filter eventName != \"Decrypt\" and ispresent(g997) | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'e["eventName"] != "Decrypt" and "e" in e["eventName"][1:]'
> count(*)
> 2655
> 2655

### 2,000 fields: a query reads as many as SQLite's 2000 columns allow
# checked: SQLite allows 2000 columns; trailq keeps 2 for the event order until the first stats, so 1998
# fields are shown (wc counts the header's names) and the 1999th is refused at its own name, whose
# column python3 computes
$ python3 -c 'print("fields " + ", ".join("x%d" % i for i in range(1998)))' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/shapes/events.jsonl | head -n 1 | tr '\t' '\n' | wc -l; python3 -c 'print("fields " + ", ".join("x%d" % i for i in range(2000)))' > "$TMPDIR/q2"; trailq -f "$TMPDIR/q2" testdata/shapes/events.jsonl 2>&1 | head -n 1; echo "status ${PIPESTATUS[0]}"; python3 -c 'print(open("'"$TMPDIR/q2"'").read().index("x1998") + 1)'
> 1998
> trailq: query error at 1:12884: too many fields: 'x1998' would be column 2001, and SQLite allows 2000 (every field read or made counts, and 2 more until the first stats)
> status 2
> 12884

### a display before stats does not outlive it (it named fields stats drops: "internal error" before)
# checked: by hand: the 5 events of the file
$ trailq -o tsv 'display eventName | stats count(*)' testdata/shapes/events.jsonl
> count(*)
> 5

### 100,000 open parentheses: the parser's depth limit, at the 200th
# checked: python3: "filter " is 7 bytes, so the 200th "(" is at column 207
$ python3 -c 'print("filter " + "(" * 100000 + "a" + ")" * 100000)' > "$TMPDIR/q"; trailq -f "$TMPDIR/q" testdata/shapes/events.jsonl 2>&1 | head -n 1; echo "status ${PIPESTATUS[0]}"
> trailq: query error at 1:207: query nested too deeply (more than 200 levels)
> status 2

### 100,000 of every other kind of nesting is the same error
# checked: the depth limit counts not, unary minus, calls, lists and arithmetic links alike
$ for u in 'not ' '-' 'abs(' '[' 'a + ' 'a.b['; do python3 -c 'import sys; print("filter " + sys.argv[1] * 100000 + "a")' "$u" > "$TMPDIR/q"; trailq -f "$TMPDIR/q" testdata/shapes/events.jsonl 2>&1 | head -n 1 | sed 's/ at 1:[0-9]*//'; done
> trailq: query error: query nested too deeply (more than 200 levels)
> trailq: query error: query nested too deeply (more than 200 levels)
> trailq: query error: query nested too deeply (more than 200 levels)
> trailq: query error: query nested too deeply (more than 200 levels)
> trailq: query error: query nested too deeply (more than 200 levels)
> trailq: query error: query nested too deeply (more than 200 levels)

### 20 nested calls run; 21 are more than SQLite's parser takes, said at the call that is too deep
# checked: python3 for the answer (len("DescribeDBInstances") = 19); SQLite's parser stack of 100
# holds 21 nested calls where trailq puts a sort key (the deepest place): the outermost call is refused
$ trailq -o tsv "fields $(python3 -c 'print("abs(" * 20 + "strlen(eventName)" + ")" * 20)') as x | limit 1" testdata/shapes/events.jsonl; python3 -c 'print(len("DescribeDBSnapshots"))'; trailq "fields $(python3 -c 'print("abs(" * 21 + "strlen(eventName)" + ")" * 21)') as x" testdata/shapes/events.jsonl
> x
> 19
> 19
! trailq: query error at 1:8: expression nested too deeply for SQLite (its parser takes about 20 levels of calls and operators); split it with fields ... as name
!   fields abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(strlen(eventName)))))))))))))))))))))) as x
!          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
? 2

### what is too deep in one expression runs when split with fields ... as name
# checked: as above: 21 calls over two fields commands
$ trailq -o tsv "fields $(python3 -c 'print("abs(" * 11 + "strlen(eventName)" + ")" * 11)') as x | fields $(python3 -c 'print("abs(" * 10 + "x" + ")" * 10)') as y | display y | limit 1" testdata/shapes/events.jsonl
> y
> 19

### a comparison nested 16 deep compiles once, not 2^16 times (it hung before)
# checked: python3: eventName != "a" is true for every event, and true != "a" is true again
$ trailq -o tsv "stats count(*) by $(python3 -c 'print("(" * 16 + "eventName" + " != \"a\")" * 16)') as t" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'True'
> t	count(*)
> true	2900
> 2900

### 40 fields commands each naming the one before twice run at once (SQLite's copies doubled: it hung)
# checked: as above: every value is true
$ python3 -c 'print("fields eventName as v0 | " + " | ".join("fields v%d != \"a\" as v%d" % (i, i + 1) for i in range(40)) + " | stats count(*) by v40")' > "$TMPDIR/q"; timeout 60 trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs
> v40	count(*)
> true	2900

### 100 unnest commands run (SQLite joins at most 64 tables in one query)
# checked: trail_count.py: each unnest of a plain value keeps the one row
$ python3 -c 'print(" | ".join("unnest eventName into u%d" % i for i in range(100)) + " | filter u99 = \"GetUser\" | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'e.get("eventName") == "GetUser"'
> count(*)
> 130
> 130

### too many stages over too many columns for SQLite to prepare in time is a query error
# checked: 1,000 unnest commands (each its own stage, each a column more): the limit is met at the
# 309th, whose column python3 computes
$ python3 -c 'print(" | ".join("unnest eventName into u%d" % i for i in range(1000)))' > "$TMPDIR/q"; trailq -f "$TMPDIR/q" testdata/shapes/events.jsonl 2>&1 | head -n 1; echo "status ${PIPESTATUS[0]}"; python3 -c 'print(open("'"$TMPDIR/q"'").read().index("unnest eventName into u308") + 1)'
> trailq: query error at 1:8823: query too long for SQLite: 309 stages carrying up to 312 columns (the time to prepare grows with stages squared times columns; the limit is 10000000)
> status 2
> 8823

### 1,000 sorts on one key keep the order terms SQLite takes; 1,000 keys are too many
# checked: SQLite sorts by at most 2000 terms; each key takes 2 and the event order 2 more, so the
# 1,000th key (python3 finds its column) is one too many; sorting 1,000 times on one key is sorting once
$ python3 -c 'print("filter eventName = \"GetUser\" | " + " | ".join("sort eventName" for i in range(1000)) + " | fields eventName | limit 1")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 -c 'print(" | ".join("sort k%d" % i for i in range(1001)))' > "$TMPDIR/q2"; trailq -f "$TMPDIR/q2" testdata/shapes/events.jsonl 2>&1 | head -n 1; echo "status ${PIPESTATUS[0]}"; python3 -c 'print(open("'"$TMPDIR/q2"'").read().index("sort k999 ") + 1)'
> eventName
> GetUser
> trailq: query error at 1:11879: too many sort keys: SQLite takes 2000 ORDER BY terms, and each key, with the keys of earlier sorts, needs 2
> status 2
> 11879

### an order of 60 terms or more sorts a materialized copy of the rows, with the same answer
# checked: each key takes 2 terms and the event order 2 more, so 28 keys are 58 terms and 29 are
# 60, from which the sort reads a temporary table (--explain: "sorted AS MATERIALIZED"; the
# man page's LIMITS). The rows come shuffled; the keys after a and b are fields no event has, and
# (a, b) is distinct, so both orders are a, then b: python3 writes that order
$ python3 -c 'import json; f = open("'"$TMPDIR/ab.jsonl"'", "w"); [f.write(json.dumps({"a": (i * 17 % 40) % 5, "b": (i * 17 % 40) // 5}) + "\n") for i in range(40)]'; python3 -c 'print("\n".join("%d\t%d" % (a, b) for a in range(5) for b in range(8)))' > "$TMPDIR/want"; for k in 26 27; do q="sort a, b, $(python3 -c "print(', '.join('z%d' % i for i in range($k)))") | fields a, b"; echo "$(trailq --explain "$q" "$TMPDIR/ab.jsonl" | grep -c 'sorted AS MATERIALIZED') materialized"; trailq -o tsv "$q" "$TMPDIR/ab.jsonl" | tail -n +2 | diff - "$TMPDIR/want" && echo "same order"; done
> 0 materialized
> same order
> 1 materialized
> same order

### in with 10,000 numbers and 10,000 strings (SQLite passes a function 127 arguments)
# checked: trail_count.py: the events whose name is 7 or 19 letters long, and those named GetUser
$ python3 -c 'print("filter strlen(eventName) in [" + ", ".join(str(i) for i in range(100000, 109998)) + ", 7, 19] | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'len(e["eventName"]) in (7, 19)'; python3 -c 'print("filter eventName not in [" + ", ".join("\"n%d\"" % i for i in range(10000)) + ", \"GetUser\"] | stats count(*)")' > "$TMPDIR/q"; trailq -o tsv -f "$TMPDIR/q" testdata/AWSLogs; python3 tests/tools/trail_count.py count 'e.get("eventName") != "GetUser"'
> count(*)
> 801
> 801
> count(*)
> 2770
> 2770

### a call takes at most 64 arguments, said at the 65th
# checked: python3 finds the column of the 65th argument, "x64"
$ q="fields concat($(python3 -c 'print(", ".join("\"x%d\"" % i for i in range(70)))'))"; trailq "$q" testdata/shapes/events.jsonl 2>&1 | head -n 1; echo "status ${PIPESTATUS[0]}"; python3 -c 'import sys; print(sys.argv[1].index("\"x64\"") + 1)' "$q"
> trailq: query error at 1:453: concat takes at most 64 arguments in trailq, got 70
> status 2
> 453

### bin(106751991167d), the longest period, puts every event of 1970 on in the bucket of 1970-01-01
# checked: python3: 106751991167 days is 9223372036828800000 ms, just under 2^63 - 1, so every
# time from 1970 to 292278994 floors to 0 (it went through floating point before and gave
# 1-second buckets)
$ trailq -o tsv 'stats count(*) by bin(106751991167d) as b' testdata/shapes/events.jsonl
> b	count(*)
> 1970-01-01 00:00:00.000	5

### an offset is at most 3652425d (10,000 years): the longest one labels the events 10,000 years on
# checked: python3: 3652425 days are 25 cycles of 400 Gregorian years (146097 days each), so
# the day of the events, 2023-07-10, is labelled 12023-07-10; a day more, and the longest
# period, are refused at the offset (bin(ts + offset) would leave the int64 range)
$ trailq -o tsv 'stats count(*) by bin(1d) as b offset 3652425d' testdata/shapes/events.jsonl; trailq -o tsv 'stats count(*) by bin(1d) as b offset 3652426d' testdata/shapes/events.jsonl; trailq -o tsv 'stats count(*) by bin(1d) as b offset 106751991167d' testdata/shapes/events.jsonl
> b	count(*)
> 12023-07-10 00:00:00.000	5
! trailq: query error at 1:39: offset too long: '3652426d' is more than 3652425d (10000 years, the span of the times trailq reads)
!   stats count(*) by bin(1d) as b offset 3652426d
!                                         ^^^^^^^^
! trailq: query error at 1:39: offset too long: '106751991167d' is more than 3652425d (10000 years, the span of the times trailq reads)
!   stats count(*) by bin(1d) as b offset 106751991167d
!                                         ^^^^^^^^^^^^^
? 2

### a period one day longer is a query error at the period
# checked: python3: 106751991168 days is 9223372036915200000 ms, past 2^63 - 1
$ trailq 'stats count(*) by bin(106751991168d)' testdata/shapes/events.jsonl; trailq 'fields datefloor(@timestamp, 300000000000y)' testdata/shapes/events.jsonl
! trailq: query error at 1:23: period too long: '106751991168d' is more than 9223372036854775807 ms (about 292 million years; a month counts 31 days, a year 366)
!   stats count(*) by bin(106751991168d)
!                         ^^^^^^^^^^^^^
! trailq: query error at 1:30: period too long: '300000000000y' is more than 9223372036854775807 ms (about 292 million years; a month counts 31 days, a year 366)
!   fields datefloor(@timestamp, 300000000000y)
!                                ^^^^^^^^^^^^^
? 2

### a bucket boundary outside the int64 range of milliseconds is missing, not clamped
# checked: python3: the first and last ms of the range (-2^63, 2^63 - 1) are not year boundaries,
# nor is the last a day boundary; every ms is a 1ms boundary; the day boundaries nearest the ends
# are 106751991167 days either side of 1970 (+-9223372036828800000 ms)
$ trailq -o jsonl 'fields datefloor(fromMillis(-9223372036854775808), 1y) as a, dateceil(fromMillis(9223372036854775807), 1y) as b, dateceil(fromMillis(9223372036854775807), 1d) as c, datefloor(fromMillis(-9223372036854775808), 1ms) as d, toMillis(datefloor(fromMillis(-9223372036800000000), 1d)) as e, toMillis(dateceil(fromMillis(9223372036800000001), 1d)) as f | limit 1' testdata/shapes/events.jsonl
> {"d":"-292275055-05-16 16:47:04.192","e":-9223372036828800000,"f":9223372036828800000}

### parseDate and formatDate past the int64 range of milliseconds are missing
# checked: python3 with H. Hinnant's days_from_civil: 292278994-01-01 is 9223372017129600000 ms,
# 292278995-01-01 is past 2^63 - 1; 1e300 ms and the last ms moved an hour east are past the range
$ trailq -o jsonl 'fields parseDate("292278994-01-01", "yyyy-MM-dd") as a, parseDate("292278995-01-01", "yyyy-MM-dd") as b, formatDate(1e300, "%Y") as c, formatDate(9223372036854775807, "%Y", "+01:00") as d, formatDate(9223372036854775807, "%Y") as e | limit 1' testdata/shapes/events.jsonl
> {"a":9223372017129600000,"e":"292278994"}
