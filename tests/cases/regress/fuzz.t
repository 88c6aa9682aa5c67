# Bugs found by the fuzz targets (tests/fuzz/README), one case each; the
# inputs themselves are replayed from tests/fuzz/crashes/<target>/.

### fuzz run: a number literal beyond the double range is Infinity (was SQL "inf": internal error)
# checked: 1e999 overflows a double (python3 float('1e999') = inf); json
# output writes non-finite numbers as strings (man page, OUTPUT)
$ trailq -o jsonl 'fields 1e999 as big | limit 1' testdata/lang/values.jsonl
> {"big":"Infinity"}

### fuzz run: sort by an integer constant keeps the default order (SQLite read it as column number 6789)
# checked: by hand: a constant key ties every row, so the default order
# (newest first) decides; values.jsonl's events are r1..r5 at 00:00:01..05
$ trailq -o tsv 'fields id | sort 6789 | limit 2' testdata/lang/values.jsonl
> id
> r5
> r4

### fuzz run: "sort 1" does not sort by the first result column
# checked: by hand: as above; before the fix the oldest event (r1) came first
$ trailq -o tsv 'sort 1 | fields id | limit 2' testdata/lang/values.jsonl
> id
> r5
> r4

### fuzz gzip: a file whose gzip header CRC is wrong is refused, as from standard input (libdeflate skipped the check)
# checked: gzip -dc of the same bytes says "header checksum 0x77a6 !=
# computed checksum 0x77a7"; the header CRC (FHCRC, flag 0x02) is the low
# 16 bits of the CRC-32 of the 10 header bytes (RFC 1952 2.3.1), made with
# python3 zlib and flipped in its lowest bit
$ printf '\037\213\010\002\000\000\000\000\000\003\246\167\063\062\060\062\321\065\060\325\065\060\014\061\060\260\002\041\303\050\205\214\324\234\234\174\056\000\273\177\232\005\033\000\000\000' > $TMPDIR/bad.gz; cd $TMPDIR; trailq 'fields @message' bad.gz
! trailq: bad.gz: corrupt gzip data: a checksum does not match (the data is damaged)
! trailq: no readable input
? 3

### fuzz gzip: a correct gzip header CRC is read, from a file and from standard input
# checked: gzip -dc of the same bytes prints the one line
$ printf '\037\213\010\002\000\000\000\000\000\003\247\167\063\062\060\062\321\065\060\325\065\060\014\061\060\260\002\041\303\050\205\214\324\234\234\174\056\000\273\177\232\005\033\000\000\000' > $TMPDIR/good.gz; cd $TMPDIR; trailq -o tsv 'fields @message' good.gz; trailq -o tsv 'fields @message' - < good.gz
> @message
> 2024-05-01T00:00:01Z hello
> @message
> 2024-05-01T00:00:01Z hello

### fuzz vpcflow: a start of 170929081709290900 seconds is no time (its ms overflowed int64: UBSan)
# checked: 170929081709290900 * 1000 > 2^63 - 1 = 9223372036854775807
# (python3); a record without a time takes the previous record's, here
# 1709287200 = 2024-03-01 10:00:00 UTC (date -u -d @1709287200)
$ printf '2 123456789010 eni-0a1b2c3d4e5f60001 10.0.0.5 10.0.0.9 1000 80 6 2 100 1709287200 1709287260 ACCEPT OK\n2 123456789010 eni-0a1b2c3d4e5f60001 10.0.0.5 10.0.0.9 1000 80 6 2 100 170929081709290900 1709287260 ACCEPT OK\n' > $TMPDIR/v.log; trailq -o jsonl 'fields @timestamp, start | sort start' $TMPDIR/v.log
> {"@timestamp":"2024-03-01 10:00:00.000","start":1709287200}
> {"@timestamp":"2024-03-01 10:00:00.000","start":170929081709290900}

### fuzz run: a sort of 68 ORDER BY terms whose only use of @message is past the 63rd (SQLite 3.40 crashed)
# SQLite 3.40.1 dropped the LEFT JOIN of the raw text when its column was
# used only by ORDER BY terms past the 63rd, then read a missing row
# (SEGV). 32 missing keys take 64 terms; the rows then go by @message,
# newest first. checked: python3 sorts the five lines of the file in
# reverse and prints their eventName (the @message of a JSON line is the line).
$ trailq -o tsv "sort $(python3 -c 'print(", ".join("k%d" % i for i in range(32)))'), @message desc | fields eventName" testdata/shapes/events.jsonl; python3 -c 'import json; [print(json.loads(l)["eventName"]) for l in sorted(open("testdata/shapes/events.jsonl"), reverse=True)]'
> eventName
> DescribeDBSnapshots
> DescribeDBSnapshots
> DescribeDBInstances
> DescribeDBInstances
> DescribeDBInstances
> DescribeDBSnapshots
> DescribeDBSnapshots
> DescribeDBInstances
> DescribeDBInstances
> DescribeDBInstances

### fuzz query: a newline in a quoted zone name is escaped in the message, which stays one line
# The error is three lines (message, query line, caret) whatever the literal holds.
$ printf 'fields parseDate("2024", "yy", "a\nb") as t' > "$TMPDIR/q"; trailq -f "$TMPDIR/q" testdata/shapes/events.jsonl
! trailq: query error at 1:32: unknown time zone 'a\nb' (an IANA name such as America/New_York, UTC, or an offset such as +02:00)
!   fields parseDate("2024", "yy", "a
!                                  ^^
? 2

### fuzz run: a filldown field pattern of many '*' ends at once (the match backtracked over every star)
# checked: the second event has only "id", so a field is filled in it
# exactly when its name fits the pattern; which names fit is worked out by
# python3's fnmatch (the names and patterns hold no ? or [); 40 stars
# took hours before the fix, `timeout 20` makes a regression fail, not hang
$ for pat in 'cpu*' '*cpu' '*cpu*' 'c*c*' '*******************u*****' 'c**' 'x*u' '*'; do \
$   timeout 20 trailq -o tsv "sort @timestamp asc | filldown $pat | display cpu_user, cpu_sys, mem, c, xcpu, cpucpu, ccc" testdata/lang/globfields.jsonl | tail -n 1 > $TMPDIR/got; \
$   python3 -c 'import fnmatch,sys; names=["cpu_user","cpu_sys","mem","c","xcpu","cpucpu","ccc"]; vals=[1,2,3,4,5,6,7]; print("\t".join(str(v) if fnmatch.fnmatchcase(n, sys.argv[1]) else "" for n, v in zip(names, vals)))' "$pat" > $TMPDIR/want; \
$   cmp -s $TMPDIR/got $TMPDIR/want && echo "$pat same" || echo "$pat differ"; done
> cpu* same
> *cpu same
> *cpu* same
> c*c* same
> *******************u***** same
> c** same
> x*u same
> * same

### fuzz run: 40 '*' in a filldown pattern (the input kept in tests/fuzz/crashes/run/)
# checked: by hand: the pattern fits every name ending in t, so nothing of
# the second event changes; before the fix this did not end
$ timeout 20 trailq -o tsv "filldown $(printf '%.0s*' $(seq 40))t | limit 1 | display id" testdata/lang/globfields.jsonl; echo "status $?"
> id
> second
> status 0
