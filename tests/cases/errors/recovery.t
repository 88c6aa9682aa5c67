# Record-level recovery (issue 9): a broken record is reported once with its
# number, counted once, and reading resumes at the next record of the same
# file, in every reader. The resynchronisation rules are the man page's
# (INPUTS, "Broken records"). The small inputs are written by
# testdata/hand/hostile.py (testdata/SOURCES.md); big ones are made by the
# commands themselves in $TMPDIR.

### the example of issue 9: ok1, 2,100 nested arrays, ok2 -> ok1 and ok2, one record skipped
# checked: hostile.py writes Records [ok1, "[" * 2100 + "]" * 2100, ok2]; python3's json
# gives up on the middle one (RecursionError), reads the other two alone
$ trailq 'fields eventName, @ptr | sort @ptr' testdata/hand/broken/records-deep.json
> eventName	@ptr
> ok1	testdata/hand/broken/records-deep.json:1
> ok2	testdata/hand/broken/records-deep.json:3
! trailq: testdata/hand/broken/records-deep.json:1: record 2: invalid JSON: nesting deeper than 2048 levels
! trailq: 1 input read with errors, 1 record skipped
? 1

### ... the same with a pre-filter (the record's end is found before it is parsed) and in --db
# checked: as above; ok2 is the only record holding the literal "ok2"
$ trailq 'filter eventName = "ok2" | fields eventName, @ptr' testdata/hand/broken/records-deep.json 2>/dev/null; trailq --db "$TMPDIR/recovery.db" 'stats count(*) as n' testdata/hand/broken/records-deep.json 2>&1
> eventName	@ptr
> ok2	testdata/hand/broken/records-deep.json:3
> trailq: testdata/hand/broken/records-deep.json:1: record 2: invalid JSON: nesting deeper than 2048 levels
> n
> 2
> trailq: 1 input read with errors, 1 record skipped
? 1

### every kind of mismatched bracket: each broken record skipped alone, all six good ones read
# checked: hostile.py writes 11 records: ok1, [1,2}} (']' written '}'), ok2, [1,2} (']' missing),
# ok3, "extra" (whole, then one '}' too many), ok4, 1,2]} (a ']' with no '['), ok5, 2,100
# arrays, ok6. By the rules, record 2 ends at its first '}' (which closes its '{'), the second '}'
# is a stray byte; record 4 ends at its '}'; "extra" is whole and its '}' stray; record 8 ends at
# the ']' that matches nothing; 4 records skipped, 7 read
$ trailq 'fields eventName, @ptr | sort @ptr' testdata/hand/broken/records-mismatch.json
> eventName	@ptr
> ok1	testdata/hand/broken/records-mismatch.json:1
> ok2	testdata/hand/broken/records-mismatch.json:3
> ok3	testdata/hand/broken/records-mismatch.json:5
> extra	testdata/hand/broken/records-mismatch.json:6
> ok4	testdata/hand/broken/records-mismatch.json:7
> ok5	testdata/hand/broken/records-mismatch.json:9
> ok6	testdata/hand/broken/records-mismatch.json:11
! trailq: testdata/hand/broken/records-mismatch.json:1: record 2: invalid JSON: expected ']' before '}'
! trailq: testdata/hand/broken/records-mismatch.json:1: invalid JSON: expected ',' or ']' after record 2, found '}'
! trailq: testdata/hand/broken/records-mismatch.json:1: record 4: invalid JSON: expected ']' before '}'
! trailq: testdata/hand/broken/records-mismatch.json:1: invalid JSON: expected ',' or ']' after record 6, found '}'
! trailq: testdata/hand/broken/records-mismatch.json:1: record 8: invalid JSON: unexpected ']'
! trailq: testdata/hand/broken/records-mismatch.json:1: invalid JSON: expected ',' or ']' after record 8, found '}'
! trailq: testdata/hand/broken/records-mismatch.json:1: record 10: invalid JSON: nesting deeper than 2048 levels
! trailq: 1 input read with errors, 4 records skipped
? 1

### pretty-printed events back to back, the middle one missing a ']': the one after it is read
# checked: hostile.py indents three events; the second's "x": [1, 2 is never closed, so its
# '}' on line 15 closes the object (the rule: a '}' closes the nearest '{')
$ trailq 'fields eventName, @ptr | sort @ptr' testdata/hand/broken/pretty-broken.json
> eventName	@ptr
> ok1	testdata/hand/broken/pretty-broken.json:1
> ok2	testdata/hand/broken/pretty-broken.json:3
! trailq: testdata/hand/broken/pretty-broken.json:15: record 2: invalid JSON: expected ']' before '}'
! trailq: 1 input read with errors, 1 record skipped
? 1

### lookup-events output and a bare array, each with a broken entry between two good ones
# checked: hostile.py writes Events [ok1 entry, {"EventId":"e2","x":[1}}, ok2 entry] and
# [ok1, {...,"x":[}, ok2]
$ trailq 'fields eventName, @ptr | sort @ptr' testdata/hand/broken/lookup-broken.json testdata/hand/broken/bare-broken.json
> eventName	@ptr
> ok1	testdata/hand/broken/bare-broken.json:1
> ok2	testdata/hand/broken/bare-broken.json:3
> ok1	testdata/hand/broken/lookup-broken.json:1
> ok2	testdata/hand/broken/lookup-broken.json:3
! trailq: testdata/hand/broken/lookup-broken.json:1: record 2: invalid JSON: expected ']' before '}'
! trailq: testdata/hand/broken/lookup-broken.json:1: invalid JSON: expected ',' or ']' after record 2, found '}'
! trailq: testdata/hand/broken/bare-broken.json:1: record 2: invalid JSON: expected ']' before '}'
! trailq: 2 inputs read with errors, 2 records skipped
? 1

### a record longer than 256 MiB inside a one-line Records file: skipped by walking it, not holding it
# checked: the generated file is Records [ok1, an event with a 300,000,000-byte string, ok2]
$ python3 -c 'import sys; e=lambda n,x="": "{\"eventVersion\":\"1.08\",\"eventTime\":\"2023-07-10T12:00:00Z\",\"eventName\":\"%s\"%s}" % (n, x); sys.stdout.write("{\"Records\":[" + e("ok1") + "," + e("huge", ",\"pad\":\"" + "a" * 300000000 + "\"") + "," + e("ok2") + "]}\n")' | trailq 'fields eventName, @ptr | sort @ptr' -
> eventName	@ptr
> ok1	-:1
> ok2	-:3
! trailq: -:1: record 2: longer than 256 MiB
! trailq: 1 input read with errors, 1 record skipped
? 1

### CloudWatch: a filter-log-events page with a mismatched and a too-deep event between good ones
# checked: hostile.py writes events [ok1, {...,"x":[1,2}}, ok2, {...,"x":<2,100 arrays>}, ok3]
$ trailq 'fields @message, @logStream, @ptr | sort @ptr' testdata/hand/broken/cwlogs-page-broken.json
> @message	@logStream	@ptr
> ok1	app	testdata/hand/broken/cwlogs-page-broken.json:1
> ok2	app	testdata/hand/broken/cwlogs-page-broken.json:3
> ok3	app	testdata/hand/broken/cwlogs-page-broken.json:5
! trailq: testdata/hand/broken/cwlogs-page-broken.json:1: record 2: invalid JSON: expected ']' before '}'
! trailq: testdata/hand/broken/cwlogs-page-broken.json:1: invalid JSON: expected ',' or ']' after record 2, found '}'
! trailq: testdata/hand/broken/cwlogs-page-broken.json:1: record 4: invalid JSON: nesting deeper than 2048 levels
! trailq: 1 input read with errors, 2 records skipped
? 1

### CloudWatch: subscription payloads, as they are and inside awslogs.data, one log event broken
# checked: hostile.py writes two payloads (streams s1 and s2): logEvents [p-ok1, {...,"x":[1}}, p-ok2]
# and [q-ok1, q-ok2]; the .json holds them on two lines, awslogs.data their gzip in base64
$ trailq 'fields @message, @logStream, @ptr | sort @ptr' testdata/hand/broken/cwlogs-payload-broken.json testdata/hand/broken/cwlogs-awslogs-broken.json
> @message	@logStream	@ptr
> p-ok1	s1	testdata/hand/broken/cwlogs-awslogs-broken.json:1
> p-ok2	s1	testdata/hand/broken/cwlogs-awslogs-broken.json:3
> q-ok1	s2	testdata/hand/broken/cwlogs-awslogs-broken.json:4
> q-ok2	s2	testdata/hand/broken/cwlogs-awslogs-broken.json:5
> p-ok1	s1	testdata/hand/broken/cwlogs-payload-broken.json:1
> p-ok2	s1	testdata/hand/broken/cwlogs-payload-broken.json:3
> q-ok1	s2	testdata/hand/broken/cwlogs-payload-broken.json:4
> q-ok2	s2	testdata/hand/broken/cwlogs-payload-broken.json:5
! trailq: testdata/hand/broken/cwlogs-payload-broken.json:1: record 2: invalid JSON: expected ']' before '}'
! trailq: testdata/hand/broken/cwlogs-payload-broken.json:1: invalid JSON: expected ',' or ']' after record 2, found '}'
! trailq: testdata/hand/broken/cwlogs-awslogs-broken.json:1: awslogs.data: record 2: invalid JSON: expected ']' before '}'
! trailq: testdata/hand/broken/cwlogs-awslogs-broken.json:1: awslogs.data: invalid JSON: expected ',' or ']' after record 2, found '}'
! trailq: 2 inputs read with errors, 2 records skipped
? 1

### CloudWatch: a log event longer than 256 MiB in an events array
# checked: the generated page is events [ok1, an event with a 300,000,000-byte message, ok2]
$ python3 -c 'import sys; e=lambda i,m: "{\"timestamp\":%d,\"message\":\"%s\"}" % (1688990400000 + i, m); sys.stdout.write("{\"events\":[" + e(0, "ok1") + "," + e(1, "a" * 300000000) + "," + e(2, "ok2") + "]}\n")' | trailq -t cwlogs 'fields @message, @ptr | sort @ptr' -
> @message	@ptr
> ok1	-:1
> ok2	-:3
! trailq: -:1: record 2: longer than 256 MiB
! trailq: 1 input read with errors, 1 record skipped
? 1

### JSON lines: a broken element of an array, a too-deep one, a broken pretty-printed object
# checked: hostile.py writes ok1; [a1, {"n":"bad","x":[1,2}}, a2, <2,100 arrays>, a3]; ok2; a
# pretty object whose "x": [1, 2} is closed by '}' (brackets balance by count: jansson reports
# it); ok3 -> 9 records, 3 skipped
$ trailq 'fields n, @ptr | sort @ptr' testdata/hand/broken/jsonl-broken.jsonl
> n	@ptr
> ok1	testdata/hand/broken/jsonl-broken.jsonl:1
> a1	testdata/hand/broken/jsonl-broken.jsonl:2
> a2	testdata/hand/broken/jsonl-broken.jsonl:4
> a3	testdata/hand/broken/jsonl-broken.jsonl:6
> ok2	testdata/hand/broken/jsonl-broken.jsonl:7
> ok3	testdata/hand/broken/jsonl-broken.jsonl:9
! trailq: testdata/hand/broken/jsonl-broken.jsonl:2: record 3: invalid JSON: expected ']' before '}'
! trailq: testdata/hand/broken/jsonl-broken.jsonl:2: invalid JSON: expected ',' or ']' after record 3, found '}'
! trailq: testdata/hand/broken/jsonl-broken.jsonl:2: record 5: invalid JSON: nesting deeper than 2048 levels
! trailq: testdata/hand/broken/jsonl-broken.jsonl:6: record 8: invalid JSON: expected ',' or ']' near '}'
! trailq: 1 input read with errors, 3 records skipped
? 1

### JSON lines: a pretty-printed value longer than 256 MiB is followed to its end; the next is read
# checked: the generated file is {"n":"ok1"}, an object over 301 lines of 1,000,000-byte strings, {"n":"ok2"}
$ python3 -c 'import sys; w=sys.stdout.write; w("{\"n\":\"ok1\"}\n{\n\"n\":\"huge\",\n"); [w("\"p%d\":\"%s\",\n" % (i, "a" * 1000000)) for i in range(300)]; w("\"end\":1}\n{\"n\":\"ok2\"}\n")' | trailq -t jsonl 'fields n, @ptr | sort @ptr' -
> n	@ptr
> ok1	-:1
> ok2	-:3
! trailq: -:2: record 2: longer than 256 MiB
! trailq: 1 input read with errors, 1 record skipped
? 1

### line-oriented readers: a line longer than 256 MiB is skipped, the lines around it read
# checked: the generated file is three export-style lines, the second 300,000,025 bytes long;
# text, lambda and export read lines 1 and 3 (export without the timestamp prefix)
$ for t in text lambda export; do python3 -c 'import sys; sys.stdout.write("2023-07-10T12:00:00.000Z first\n2023-07-10T12:00:01.000Z " + "a" * 300000000 + "\n2023-07-10T12:00:02.000Z third\n")' | trailq -t $t 'fields @ptr, @message | sort @ptr' - 2>&1; done
> trailq: -:2: line longer than 256 MiB skipped
> @ptr	@message
> -:1	2023-07-10T12:00:00.000Z first
> -:3	2023-07-10T12:00:02.000Z third
> trailq: 1 input read with errors, 1 record skipped
> trailq: -:2: line longer than 256 MiB skipped
> @ptr	@message
> -:1	2023-07-10T12:00:00.000Z first
> -:3	2023-07-10T12:00:02.000Z third
> trailq: 1 input read with errors, 1 record skipped
> trailq: -:2: line longer than 256 MiB skipped
> @ptr	@message
> -:1	first
> -:3	third
> trailq: 1 input read with errors, 1 record skipped
? 1

### VPC flow logs: a line longer than 256 MiB and a record with a field missing, between good records
# checked: lines 1 and 4 are version 2 records of 14 fields; line 2 is 300,000,001 bytes; line 3
# has 13 fields
$ python3 -c 'import sys; r="2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"; sys.stdout.write(r + "a" * 300000001 + "\n" + r.replace(" OK", "") + r.replace("20641", "20642"))' | trailq -t vpcflow 'fields @ptr, srcPort | sort @ptr' -
> @ptr	srcPort
> -:1	20641
> -:4	20642
! trailq: -:2: line longer than 256 MiB skipped
! trailq: -:3: expected 14 space-separated fields (the default version 2 flow log format; a header line names other layouts), found 13
! trailq: 1 input read with errors, 2 records skipped
? 1

### a read error (truncated gzip) ends the input where it is: every line decompressed before it is read
# checked in the command: zcat of the cut file, counted by awk (a last line without its end counts);
# before, the lines still buffered when the error came were dropped (106,634 of 113,486 read)
$ seq 1 200000 | sed 's/^/2023-07-10T12:00:00Z line /' | gzip -n | head -c 300000 > "$TMPDIR/recovery-cut.gz"; cd "$TMPDIR" && n=$(trailq -t text 'stats count(*) as n' recovery-cut.gz 2>/dev/null | tail -1); want=$(zcat recovery-cut.gz 2>/dev/null | awk 'END { print NR }'); echo "$n $want"; trailq -t text 'stats count(*)' recovery-cut.gz >/dev/null
> 113486 113486
! trailq: recovery-cut.gz:113487: truncated gzip data (input ends after 3633930 bytes of decompressed data)
! trailq: 1 input read with errors
? 1

### a CloudWatch awslogs.data that inflates past 256 MiB (a gzip bomb): the events before the limit are read
# checked: the payload is logEvents [a 2-byte message "ok", a 300,000,000-byte message]; gzip makes
# it about 290 KB; only the first event fits in 256 MiB
$ python3 -c 'import gzip, base64, json, sys; e=lambda i,m: json.dumps({"id":str(i),"timestamp":1688990400000+i,"message":m}); p="{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":[" + e(0,"ok") + "," + e(1,"a"*300000000) + "]}"; sys.stdout.write(json.dumps({"awslogs":{"data":base64.b64encode(gzip.compress(p.encode(), 9, mtime=0)).decode()}}) + "\n")' | trailq -t cwlogs 'fields @message, @ptr' -
> @message	@ptr
> ok	-:1
! trailq: -:1: awslogs.data: decompressed data longer than 256 MiB
! trailq: -:1: awslogs.data: record 2: invalid JSON: the text ends inside a value
! trailq: 1 input read with errors, 1 record skipped
? 1

### the first 20 problems of an input are shown, the others counted; every good record is read
# checked: 50 lines alternate {"n":i} (i = 1..25, sum 325) and a line "bad": 25 read, 25 skipped,
# 20 messages shown and 5 not
$ for i in $(seq 1 25); do echo "{\"n\":$i}"; echo bad; done | trailq -t jsonl 'stats count(*) as c, sum(n) as total' - 2>&1 | awk '/: record [0-9]*: not JSON/ { k++; next } { print } END { print k " shown" }'
> trailq: -: ... and 5 more problems not shown
> c	total
> 25	325
> trailq: 1 input read with errors, 25 records skipped
> 20 shown

### CloudWatch: a bare array of log events with a broken one between two good ones
# checked: hostile.py writes [b-ok1, {...,"x":[}, b-ok2]; the '}' closes the event's '{'
$ trailq -t cwlogs 'fields @message, @ptr | sort @ptr' testdata/hand/broken/cwlogs-bare-broken.json
> @message	@ptr
> b-ok1	testdata/hand/broken/cwlogs-bare-broken.json:1
> b-ok2	testdata/hand/broken/cwlogs-bare-broken.json:3
! trailq: testdata/hand/broken/cwlogs-bare-broken.json:1: record 2: invalid JSON: expected ']' before '}'
! trailq: 1 input read with errors, 1 record skipped
? 1
