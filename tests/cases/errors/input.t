# Input errors (docs/language.md#inputs, trailq(1) EXIT STATUS): each problem is reported as
# "trailq: FILE:LINE: message", then a summary line; the readable records of
# the input and the other inputs are still used; the status is 1 (3 when no
# input could be read at all). Counts of good records: jq over the good
# parts (shapes/events.jsonl has 5 records).

### truncated gzip: the records before the cut are used (62 of them)
# checked: head -c 20000 of the gzip; zcat of the cut file gives 101281 bytes (zcat ... 2>/dev/null | wc -c);
# a JSON decoder walking the Records array of that prefix finds 62 complete records (python json.raw_decode, offline)
$ f=testdata/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json.gz; head -c 20000 $f > "$TMPDIR/cut.json.gz"; cd "$TMPDIR" && trailq 'stats count(*) as n' cut.json.gz
> n
> 62
! trailq: cut.json.gz:1: truncated gzip data (input ends after 101281 bytes of decompressed data)
! trailq: 1 input read with errors
? 1

### truncated gzip with no whole record, next to a good file
# checked: zcat testdata/bad/truncated.json.gz 2>/dev/null | wc -c = 789, less than the first record; 5 good records
$ trailq 'stats count(*) as n' testdata/bad/truncated.json.gz testdata/shapes/events.jsonl
> n
> 5
! trailq: testdata/bad/truncated.json.gz:1: truncated gzip data (input ends after 789 bytes of decompressed data)
! trailq: 1 input read with errors
? 1

### invalid JSON in one line of JSON lines: that record is skipped, the others used
# checked: lines 1 and 3 of testdata/bad/bad-line.jsonl are valid (jq -c . per line), events A and C
$ trailq 'fields eventName, @ptr | sort eventName' testdata/bad/bad-line.jsonl
> eventName	@ptr
> A	testdata/bad/bad-line.jsonl:1
> C	testdata/bad/bad-line.jsonl:3
! trailq: testdata/bad/bad-line.jsonl:2: record 2: invalid JSON: not a JSON value near 'oops'
! trailq: 1 input read with errors, 1 record skipped
? 1

### invalid JSON as published (cloudtrail2sightings: commas missing between records at lines 112 and 201)
# checked: grep -n '^{' shows records starting right after "}" at lines 112 and 201 without a comma; three
# records (grep -c '"eventName"' = 3) are whole and used
$ trailq 'fields eventName, eventTime | sort eventTime' testdata/cloudtrail/edge/aws.execution.ec2-user-data.json
> eventName	eventTime
> StopInstances	2022-07-20T21:00:00Z
> ModifyInstanceAttribute	2022-07-20T21:00:38Z
> StartInstances	2022-07-20T21:00:39Z
! trailq: testdata/cloudtrail/edge/aws.execution.ec2-user-data.json:112: invalid JSON: expected ',' or ']' after record 1
! trailq: testdata/cloudtrail/edge/aws.execution.ec2-user-data.json:201: invalid JSON: expected ',' or ']' after record 2
! trailq: 1 input read with errors
? 1

### not JSON at all though it starts like it (a JavaScript object literal): never read as text
~ [ -d "$SHARED/data" ]
# checked: line 4 of the file is "    awsRegion: ..." (unquoted key); docs/language.md#inputs: a file that starts like JSON is not text
$ trailq 'stats count(*) as n' $SHARED/data/cloudtrail/edge-cases/suzaku-sample-data_traildiscover/CreateApiKey.json testdata/shapes/events.jsonl 2>&1 | sed "s|$SHARED|\$SHARED|"
> trailq: $SHARED/data/cloudtrail/edge-cases/suzaku-sample-data_traildiscover/CreateApiKey.json:4: record 1: invalid JSON: expected a key in double quotes or '}' near 'awsRegion'
> n
> 5
> trailq: 1 input read with errors, 1 record skipped

### ... the same with a JavaScript object literal made for the tests (in a clone alone)
# checked: grep -n 'eventName:' testdata/hand/object-literal.json gives line 4, the first unquoted key
$ trailq 'stats count(*) as n' testdata/hand/object-literal.json testdata/shapes/events.jsonl 2>&1
> trailq: testdata/hand/object-literal.json:4: record 1: invalid JSON: expected a key in double quotes or '}' near 'eventName'
> n
> 5
> trailq: 1 input read with errors, 1 record skipped
? 1

### the input ends inside a record: the record before it is used
# checked: testdata/bad/unterminated.json holds record A whole and B cut off mid-key
$ trailq 'fields eventName' testdata/bad/unterminated.json
> eventName
> A
! trailq: testdata/bad/unterminated.json:1: record 2: invalid JSON: the input ends inside a value that starts on line 1
! trailq: 1 input read with errors, 1 record skipped
? 1

### binary junk in the middle of JSON lines: that line is skipped
# checked: lines 1-2 and 4-6 are the five records of events.jsonl
$ { head -2 testdata/shapes/events.jsonl; printf 'PK\003\004\024\000\010\000binary junk\n'; tail -3 testdata/shapes/events.jsonl; } > "$TMPDIR/junk-inside.jsonl"; cd "$TMPDIR" && trailq 'stats count(*) as n' junk-inside.jsonl
> n
> 5
! trailq: junk-inside.jsonl:3: not CloudTrail JSON: expected '{' or '[', found 'P'
! trailq: 1 input read with errors, 1 record skipped
? 1

### a file of binary junk is of no known format: it is not read, the other inputs are
# checked: testdata/bad/junk.bin is 2048 random bytes
$ trailq 'stats count(*) as n' testdata/bad/junk.bin testdata/shapes/events.jsonl
> n
> 5
! trailq: testdata/bad/junk.bin: cannot tell what kind of log this is (use -t TYPE to say)
! trailq: 1 of 2 inputs could not be read
? 1

### ... and alone it leaves nothing to do: status 3
# checked: trailq(1), EXIT STATUS
$ trailq 'stats count(*) as n' testdata/bad/junk.bin
! trailq: testdata/bad/junk.bin: cannot tell what kind of log this is (use -t TYPE to say)
! trailq: no readable input
? 3

### a format forced with -t that the input is not: each line is reported
# checked: two text lines, neither starts with '{' or '['
$ printf 'hello world\nsecond line\n' > "$TMPDIR/plain.txt"; cd "$TMPDIR" && trailq -t cloudtrail 'stats count(*) as n' plain.txt
> n
> 0
! trailq: plain.txt:1: not CloudTrail JSON: expected '{' or '[', found 'h'
! trailq: plain.txt:2: not CloudTrail JSON: expected '{' or '[', found 's'
! trailq: 1 input read with errors, 2 records skipped
? 1

### deep nesting: the record is skipped, the file's other records are used
# checked: line 3 nests 5000 arrays; lines 1-2 and 4-6 are the five records of events.jsonl
$ { head -2 testdata/shapes/events.jsonl; jq -c . testdata/shapes/single-event.json | sed 's/}$/,"deep":/' | tr -d '\n'; head -c 5000 /dev/zero | tr '\0' '['; head -c 5000 /dev/zero | tr '\0' ']'; printf '}\n'; tail -3 testdata/shapes/events.jsonl; } > "$TMPDIR/deep.jsonl"; cd "$TMPDIR" && trailq 'stats count(*) as n' deep.jsonl
> n
> 5
! trailq: deep.jsonl:3: record 3: invalid JSON: nesting deeper than 2048 levels
! trailq: 1 input read with errors, 1 record skipped
? 1

### deep nesting in a Records array (testdata/bad/deep.json) next to a good file
# checked: head -c 100 testdata/bad/deep.json shows {"Records":[[[[...
$ trailq 'stats count(*) as n' testdata/bad/deep.json testdata/shapes/events.jsonl
> n
> 5
! trailq: testdata/bad/deep.json:1: record 1: invalid JSON: nesting deeper than 2048 levels
! trailq: 1 input read with errors, 1 record skipped
? 1

### a huge line (one 300 MB record) on standard input: reported and skipped, quickly, the rest read
# checked: lines 1-2 and 4-6 are the five records of events.jsonl; line 3 is a CloudTrail record with a 300,000,000-byte string
$ { head -2 testdata/shapes/events.jsonl; jq -c . testdata/shapes/single-event.json | sed 's/}$/,"padding":"/' | tr -d '\n'; head -c 300000000 /dev/zero | tr '\0' a; printf '"}\n'; tail -3 testdata/shapes/events.jsonl; } | trailq 'stats count(*) as n' -
> n
> 5
! trailq: -:3: record 3: longer than 256 MiB
! trailq: 1 input read with errors, 1 record skipped
? 1

### a directory that cannot be read (a symbolic link loop) and a dangling link: reported, the rest read
# checked: the tree holds a.json and sub/b.json (one record each), "loop" -> itself, "dangling" -> /nonexistent
$ cd "$TMPDIR" && rm -rf walk && mkdir -p walk/sub && cp "$OLDPWD/testdata/shapes/single-event.json" walk/a.json && cp "$OLDPWD/testdata/shapes/single-event.json" walk/sub/b.json && ln -s loop walk/loop && ln -s /nonexistent walk/dangling && trailq 'stats count(*) as n' walk
> n
> 2
! trailq: walk/dangling: No such file or directory
! trailq: walk/loop: Too many levels of symbolic links
! trailq: note: 1 input held the same bytes as an input before it (a copy under another name): its events are counted again, as every input's are (with --db a copy adds nothing)
! trailq: 2 of 4 inputs could not be read
? 1

### ... given directly as a PATH
# checked: as above
$ cd "$TMPDIR" && rm -rf walk2 && mkdir -p walk2/sub && cp "$OLDPWD/testdata/shapes/single-event.json" walk2/sub/b.json && ln -s loop walk2/loop && trailq 'stats count(*) as n' walk2/loop walk2/sub
> n
> 1
! trailq: walk2/loop: Too many levels of symbolic links
! trailq: 1 of 2 inputs could not be read
? 1

### every bad input together: each reported in input order, one summary, the good records used
# checked: 2 (bad-line) + 0 (deep) + 0 (empty) + 0 (truncated) + 1 (unterminated) + 5 (events.jsonl) = 8;
# junk.bin cannot be read; bad-line, deep, truncated and unterminated are read with errors
$ trailq 'stats count(*) as n' testdata/bad testdata/shapes/events.jsonl
> n
> 8
! trailq: testdata/bad/bad-line.jsonl:2: record 2: invalid JSON: not a JSON value near 'oops'
! trailq: testdata/bad/deep.json:1: record 1: invalid JSON: nesting deeper than 2048 levels
! trailq: testdata/bad/junk.bin: cannot tell what kind of log this is (use -t TYPE to say)
! trailq: testdata/bad/truncated.json.gz:1: truncated gzip data (input ends after 789 bytes of decompressed data)
! trailq: testdata/bad/unterminated.json:1: record 2: invalid JSON: the input ends inside a value that starts on line 1
! trailq: 1 of 7 inputs could not be read, 4 inputs read with errors, 3 records skipped
? 1

### an empty file is not an error
# checked: testdata/bad/empty.json is 0 bytes
$ trailq 'stats count(*) as n' testdata/bad/empty.json
> n
> 0
