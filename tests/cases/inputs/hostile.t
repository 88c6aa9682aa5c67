# Hostile input (issue 9): valid JSON that jansson refuses is read, numbers
# keep their text, subtrees print numbers in their shortest form, messages
# speak plainly. The small inputs are written by testdata/hand/hostile.py
# (testdata/SOURCES.md).

### numbers beyond int64 and double keep their exact text; the records around them are read
# checked: python3 -c 'import json; r=json.load(open("testdata/hand/numbers.json"))["Records"]; print([e["eventName"] for e in r], r[1]["big"], r[1]["neg"])'
# gives ['ok1', 'big', 'ok2'] 18446744073709551616 -9223372036854775809 (Python keeps big
# integers exactly; it reads 1e999 as inf, trailq keeps the text "1e999")
$ trailq 'fields eventName, big, neg, huge, requestParameters.Id, @ptr | sort @ptr' testdata/hand/numbers.json
> eventName	big	neg	huge	requestParameters.Id	@ptr
> ok1					testdata/hand/numbers.json:1
> big	18446744073709551616	-9223372036854775809	1e999	18446744073709551616	testdata/hand/numbers.json:2
> ok2					testdata/hand/numbers.json:3

### ... and in a subtree shown as JSON, as written, in both the one-shot and the --db index
# checked: the requestParameters object of record 2 in the file, as written
$ trailq 'filter eventName = "big" | fields requestParameters' testdata/hand/numbers.json; trailq --db "$TMPDIR/hostile-numbers.db" 'filter eventName = "big" | fields requestParameters' testdata/hand/numbers.json
> requestParameters
> {"Ratio":0.1,"Limit":1e999,"Id":18446744073709551616}
> requestParameters
> {"Ratio":0.1,"Limit":1e999,"Id":18446744073709551616}

### comparison, arithmetic and aggregates take them as the nearest double (1e999 as infinity)
# checked by hand: 2^64 = 18446744073709551616 and 18446744073709551617 have the same nearest
# double 1.8446744073709552e+19 (python3 -c 'print(float(2**64) == float(2**64+1), float(2**64)+1, 2*float(2**64))'
# prints True 1.8446744073709552e+19 3.6893488147419103e+19); inf + 1 is no number: missing
$ trailq 'fields n, v, v + 1 as w, v * 2 as twice, v > 1e19 as big, v = 18446744073709551617 as same | sort n' testdata/hand/numbers.jsonl
> n	v	w	twice	big	same
> a	18446744073709551616	1.8446744073709552e+19	3.6893488147419103e+19	true	true
> b	-9223372036854775809	-9.223372036854776e+18	-1.8446744073709552e+19	false	false
> c	1e999			true	false
> d	-1e999			false	false
> e	5	6	10	false	false
> f	1.5	2.5	3	false	false
> g	9223372036854775807	9.223372036854776e+18	1.8446744073709552e+19	false	false

### sort: one made only of digits sorts with the numbers, by value; a sign or an exponent sorts as text
# checked: the man page's Sort order (digit-only values are number values); the texts
# "-1e999" < "-9223372036854775809" < "1e999" by code point ('-' 0x2d, '1' 0x31; then 'e' > '9')
$ trailq 'sort v | fields n, v' testdata/hand/numbers.jsonl
> n	v
> d	-1e999
> b	-9223372036854775809
> c	1e999
> f	1.5
> e	5
> g	9223372036854775807
> a	18446744073709551616

### they are strings to JSON output and to --fields: the text is what is kept
# checked: the rows of numbers.jsonl whose n is a or c
$ trailq -o jsonl 'filter n = "a" or n = "c" | fields n, v | sort n' testdata/hand/numbers.jsonl; trailq --fields testdata/hand/numbers.jsonl | grep '^v'
> {"n":"a","v":"18446744073709551616"}
> {"n":"c","v":"1e999"}
> v	7	string number

### a real inside an object prints in its shortest form: the 17-digit case of issue 9
# checked: python3 -c 'import json; [print(json.dumps(e["requestParameters"], separators=(",",":"))) for e in json.load(open("testdata/hand/ratio.json"))["Records"]]'
# prints {"Ratio":0.1} and {"Ratio":0.25,"Scale":1.5e-07,"Tags":[0.1,2.0]}; trailq writes 2.0 as 2
# as it writes every integral real
$ trailq 'fields eventName, requestParameters | sort eventName' testdata/hand/ratio.json; trailq --db "$TMPDIR/hostile-ratio.db" 'fields eventName, requestParameters | sort eventName' testdata/hand/ratio.json
> eventName	requestParameters
> other	{"Ratio":0.25,"Scale":1.5e-07,"Tags":[0.1,2]}
> ratio	{"Ratio":0.1}
> eventName	requestParameters
> other	{"Ratio":0.25,"Scale":1.5e-07,"Tags":[0.1,2]}
> ratio	{"Ratio":0.1}

### ... so a filter on the subtree finds what the same filter on @message finds
# checked: only the "ratio" record holds the text 0.1} (grep -o '"Ratio":0.1}' testdata/hand/ratio.json)
$ trailq 'filter requestParameters like "0.1}" | fields eventName'  testdata/hand/ratio.json; trailq 'filter @message like "0.1}" | fields eventName'  testdata/hand/ratio.json
> eventName
> ratio
> eventName
> ratio

### \u0000 is valid JSON: it reads as U+FFFD (EF BF BD), in a value and in a key; the record is kept
# checked: python3 -c 'import json; e=json.load(open("testdata/hand/nul.json"))["Records"][1]; print(repr(e["userAgent"]), list(e)[-1].encode())'
# shows 'curl\x00/8' and b'k\x00': one NUL each, which trailq replaces by U+FFFD
$ trailq $'fields eventName, userAgent, `k\xef\xbf\xbd` | sort eventName' testdata/hand/nul.json | od -An -c | tr -s ' '
>  e v e n t N a m e \t u s e r A g
>  e n t \t k 357 277 275 \n n u l \t c u r
>  l 357 277 275 / 8 \t 1 \n o k 1 \t \t \n o
>  k 2 \t \t \n

### ... and @message keeps the record as written
# checked: the second record of testdata/hand/nul.json, as written (python3 prints the text
# of @message from the JSON output, so that no output format's escapes are in the way)
$ trailq -o json 'filter eventName = "nul" | fields @message' testdata/hand/nul.json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["@message"])'
> {"eventVersion":"1.08","eventTime":"2023-07-10T12:00:01Z","eventName":"nul","awsRegion":"us-east-1","recipientAccountId":"111122223333","userAgent":"curl\u0000/8","k\u0000":1}

### a surrogate escape without its pair (JSON.stringify of a cut string) reads as U+FFFD; the record is kept
# checked: python3 -c 'import json,sys; [print(ascii(json.loads(l))) for l in open(sys.argv[1])]' "$TMPDIR/surrogates.jsonl"
# reads all three records: '\ud83d' alone, '\ude00x' and the pair '\U0001f600' after a lone high one;
# Python keeps a lone surrogate, trailq writes U+FFFD (EF BF BD) for it (they were skipped as invalid)
$ printf '%s\n' '{"n":1,"s":"a\ud83d"}' '{"n":2,"s":"\ude00x","k\udbff":1}' '{"n":3,"s":"\ud83d\ud83d\ude00"}' > "$TMPDIR/surrogates.jsonl"; \
$ trailq -o jsonl 'fields n, s | sort n asc' "$TMPDIR/surrogates.jsonl" | sed -n l; trailq --fields "$TMPDIR/surrogates.jsonl" | grep '^k' | sed -n l
> {"n":1,"s":"a\357\277\275"}$
> {"n":2,"s":"\357\277\275x"}$
> {"n":3,"s":"\357\277\275\360\237\230\200"}$
> k\357\277\275\t1\tnumber$

### invalid JSON is reported in plain words, with its line, and control bytes escaped
# checked: line 2 holds the byte 0x01 where a value should be
$ printf '{"a":1}\n{"a":\001}\n{"a":"x" "b":2}\n{"a":[1 2]}\n{"a":"\001"}\n' > "$TMPDIR/hostile-plain.jsonl"; cd "$TMPDIR" && trailq 'fields a' hostile-plain.jsonl
> a
> 1
! trailq: hostile-plain.jsonl:2: record 2: invalid JSON: not a JSON value near '\x01'
! trailq: hostile-plain.jsonl:3: record 3: invalid JSON: expected ',' or '}' near '"b"'
! trailq: hostile-plain.jsonl:4: record 4: invalid JSON: expected ',' or ']' near '2'
! trailq: hostile-plain.jsonl:5: record 5: invalid JSON: a control character (0x1) inside a string near '"'
! trailq: 1 input read with errors, 4 records skipped
? 1

### a key holding a dot beside the nested path of the same name: both reachable, the second as #2
# checked: testdata/hand/collide.json (hostile.py) in document order: dotted-first has "tags.env":"prod"
# then "tags":{"env":"dev"}; nested-first the other way round; one-only no dotted key; three has
# "tags.env":"a", then "tags":{"env":"b","env#2":"c"}, whose "tags.env#2" is taken by "b" by then:
# the first free number for it is #2 (the man page's rule, INPUTS, Fields)
$ trailq 'fields eventName, tags.env, `tags.env#2`, `tags.env#2#2` | sort eventName' testdata/hand/collide.json
> eventName	tags.env	tags.env#2	tags.env#2#2
> dotted-first	prod	dev	
> nested-first	dev	prod	
> one-only	test		
> three	a	b	c

### ... the same names in the --db index, in --fields, and for a filter on a numbered name alone
# checked: as above; 4 events have tags.env, 3 a tags.env#2, 1 a tags.env#2#2
$ trailq --db "$TMPDIR/hostile-collide.db" 'fields eventName, tags.env, `tags.env#2`, `tags.env#2#2` | sort eventName' testdata/hand/collide.json; trailq --fields testdata/hand/collide.json | grep '^tags'; trailq 'filter `tags.env#2` = "prod" | fields eventName' testdata/hand/collide.json
> eventName	tags.env	tags.env#2	tags.env#2#2
> dotted-first	prod	dev	
> nested-first	dev	prod	
> one-only	test		
> three	a	b	c
> tags.env	4	string
> tags.env#2	3	string
> tags.env#2#2	1	string
> eventName
> nested-first

### ... and a name that leads to an object is the nested path's
# checked: the "tags" object of each record, as written
$ trailq 'fields eventName, tags | sort eventName' testdata/hand/collide.json
> eventName	tags
> dotted-first	{"env":"dev"}
> nested-first	{"env":"dev"}
> one-only	{"env":"test"}
> three	{"env":"b","env#2":"c"}

### corrupt gzip data is described in plain words, not in zlib's
# checked: byte 3 (the gzip flags) set to 0xe0, which gzip(1) refuses ("gzip: unknown method" /
# flags); the last 8 bytes hold CRC-32 and length: byte -5 flipped breaks the CRC, found once
# all the data is out: its 394 records (zcat FILE | jq '.Records | length') are still read
$ f=testdata/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json.gz; python3 -c 'import sys; d=bytearray(open(sys.argv[1],"rb").read()); d[3]=0xe0; open(sys.argv[2],"wb").write(d); d=bytearray(open(sys.argv[1],"rb").read()); d[-5]^=0xff; open(sys.argv[3],"wb").write(d)' $f "$TMPDIR/hostile-hdr.json.gz" "$TMPDIR/hostile-crc.json.gz"; cd "$TMPDIR" && trailq 'stats count(*) as n' hostile-hdr.json.gz hostile-crc.json.gz
> n
> 394
! trailq: hostile-hdr.json.gz: corrupt gzip data: the gzip header is invalid
! trailq: hostile-crc.json.gz:1: corrupt gzip data: a checksum does not match (the data is damaged), after 521389 bytes of decompressed data
! trailq: 1 of 2 inputs could not be read, 1 input read with errors
? 1

### ... and so is corrupt gzip data inside a CloudWatch awslogs.data
# checked: the base64 of a gzip whose deflate data is 16 bytes of 0xff (an invalid block type)
$ printf '{"awslogs":{"data":"%s"}}\n' "$(printf '\037\213\010\000\000\000\000\000\000\003\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' | base64 -w0)" | trailq -t cwlogs 'stats count(*) as n' -
> n
> 0
! trailq: -:1: awslogs.data: corrupt gzip data: the compressed data is damaged
! trailq: 1 input read with errors, 1 record skipped
? 1

### an object below a key holding a dot is reached by its leaves, not as the object its name gives
# checked: the first record has "a.b":{"c":1} and the nested "a":{"b":{"d":2}}, the second only
# "a.b":{"c":1}; a.b is the nested object (the man page's rule), a.b.c the dotted key's leaf
$ printf '{"n":"both","a.b":{"c":1},"a":{"b":{"d":2}}}\n{"n":"dotted","a.b":{"c":1}}\n' > "$TMPDIR/hostile-dotobj.jsonl"; cd "$TMPDIR" && trailq 'fields n, a.b, a.b.c | sort n' hostile-dotobj.jsonl; trailq --db hostile-dotobj.db 'fields n, a.b, a.b.c | sort n' hostile-dotobj.jsonl
> n	a.b	a.b.c
> both	{"d":2}	1
> dotted		1
> n	a.b	a.b.c
> both	{"d":2}	1
> dotted		1
