# The case index (issue 8, items 2-4, 6, 7): sources known by their bytes,
# scoped queries, --files, ownership of the file. Counts are checked against
# jq in the case itself: testdata/AWSLogs holds 2900 CloudTrail records in 55
# files. Each case works in its own directory under $TMPDIR.

### three spellings of the same directory leave the index size unchanged (events and sources)
$ rm -rf "$TMPDIR/i1" && mkdir "$TMPDIR/i1" && cp -r testdata/AWSLogs "$TMPDIR/i1/addtest" && cd "$TMPDIR/i1" && \
$ ct=$(find addtest -name '*.gz' -exec zcat {} + | jq '.Records | length' | jq -s add) && \
$ for p in addtest "$PWD/addtest" ./addtest/; do trailq --db s.db -o tsv 'stats count(*) as n' "$p" | tail -1; done; \
$ echo "$(trailq --db s.db -o tsv 'stats count(*)' | tail -1) events, $(trailq --db s.db -o tsv --files | tail -n +2 | wc -l) sources, jq: $ct"
> 2900
> 2900
> 2900
> 2900 events, 55 sources, jq: 2900

### standard input loaded again adds nothing; the same bytes as a file add nothing either
# checked: one CloudTrail file of 161 records (jq)
$ rm -rf "$TMPDIR/i2" && mkdir "$TMPDIR/i2" && cd "$TMPDIR/i2" && f=$(find "$OLDPWD/testdata/AWSLogs" -name '*1220Z_WMiHxZgr5Hdd6UDc*') && \
$ for i in 1 2 3; do trailq --db s.db -o tsv 'stats count(*)' - < "$f" | tail -1; done; cp "$f" copy.json.gz; trailq --db s.db -o tsv 'stats count(*)' copy.json.gz | tail -1; \
$ echo "$(trailq --db s.db -o tsv 'stats count(*)' | tail -1) in the index, jq: $(zcat "$f" | jq '.Records | length')"
> 13
> 13
> 13
> 13
> 13 in the index, jq: 13
! trailq: note: 1 input held bytes already in s.db (the same file under another name, or standard input loaded before): nothing added
! trailq: note: 1 input held bytes already in s.db (the same file under another name, or standard input loaded before): nothing added
! trailq: note: 1 input held bytes already in s.db (the same file under another name, or standard input loaded before): nothing added

### a changed file replaces its events (in the same transaction); a deleted one keeps them and shows as missing
# checked: events.jsonl has 5 events, single-event.json 1, bare-array.json 5 (jq)
$ rm -rf "$TMPDIR/i3" && mkdir "$TMPDIR/i3" && cd "$TMPDIR/i3" && cp "$OLDPWD/testdata/shapes/events.jsonl" a.jsonl && cp "$OLDPWD/testdata/shapes/bare-array.json" b.json && \
$ trailq --db s.db -o tsv 'stats count(*) as n' . | tail -1 && cat "$OLDPWD/testdata/shapes/single-event.json" >> a.jsonl && \
$ trailq --db s.db -o tsv 'stats count(*) as n' . | tail -1 && rm b.json && trailq --db s.db -o tsv 'stats count(*) as n' . | tail -1 && \
$ trailq --db s.db -o tsv --files | cut -f1-5
> 10
> 11
> 11
> source	type	state	events	unreadable
> ./b.json	cloudtrail	missing	5	0
> ./a.jsonl	cloudtrail	present	6	0
! trailq: note: 1 source of s.db replaced: its file changed since it was loaded

### scope: --db F QUERY PATH queries exactly the sources under PATH; no PATH: the whole index
# checked: testdata/shapes/events.jsonl 5 events, testdata/vpcflow/flows-v2.log 10 lines (wc -l)
$ rm -rf "$TMPDIR/i4" && mkdir "$TMPDIR/i4" && trailq --db "$TMPDIR/i4/s.db" -o tsv 'stats count(*) as n' testdata/shapes/events.jsonl | tail -1 && \
$ trailq --db "$TMPDIR/i4/s.db" -o tsv 'stats count(*) as n' testdata/vpcflow/flows-v2.log | tail -1 && \
$ trailq --db "$TMPDIR/i4/s.db" -o tsv 'stats count(*) as n' testdata/shapes/events.jsonl | tail -1 && \
$ trailq --db "$TMPDIR/i4/s.db" -o tsv 'stats count(*) as n' | tail -1; echo "jq/wc: $(jq -c . testdata/shapes/events.jsonl | wc -l) $(wc -l < testdata/vpcflow/flows-v2.log)"
> 5
> 18
> 5
> 23
> jq/wc: 5 18

### --files in every output format: the SHA-256 is sha256sum's, the counts jq's
$ f=testdata/shapes/events.jsonl; h=$(sha256sum $f | cut -c1-64); echo "sha256sum $h, jq $(jq -c . $f | wc -l)"; \
$ trailq --files -o tsv $f | cut -f1-5,10; trailq --files -o csv $f | cut -d, -f1-5,10; \
$ trailq --files -o json $f | jq -c '.[] | [.source, .state, .events, .sha256 == "'$h'", .first, .last]'; \
$ echo "size $(stat -c %s $f)"; trailq --files -o jsonl $f | jq -c '[.events, .unreadable, .size, (.names | endswith("/testdata/shapes/events.jsonl"))]'; \
$ trailq --files -o table $f | head -1 | tr -s ' '
> sha256sum f27eb65eb051a93e936d45e4fc713b4d26c84812625ec7c95ca5632f704ee31d, jq 5
> source	type	state	events	unreadable	sha256
> testdata/shapes/events.jsonl	cloudtrail	present	5	0	f27eb65eb051a93e936d45e4fc713b4d26c84812625ec7c95ca5632f704ee31d
> source,type,state,events,unreadable,sha256
> testdata/shapes/events.jsonl,cloudtrail,present,5,0,f27eb65eb051a93e936d45e4fc713b4d26c84812625ec7c95ca5632f704ee31d
> ["testdata/shapes/events.jsonl","present",5,true,"2023-07-10 12:16:29.000","2023-07-10 12:21:02.000"]
> size 5865
> [5,0,5865,true]
> source type state events unreadable first last size modified sha256 loaded names

### an unrelated SQLite database: status 3, the file byte for byte unchanged, no file beside it
$ cd "$TMPDIR" && rm -f other.sqlite* && python3 -c 'import sqlite3; c = sqlite3.connect("other.sqlite"); c.execute("create table t(x)"); c.execute("insert into t values (1)"); c.commit()' && \
$ before=$(sha256sum other.sqlite) && trailq --db other.sqlite 'stats count(*)' "$OLDPWD/testdata/shapes/events.jsonl"; echo "status $?"; \
$ [ "$before" = "$(sha256sum other.sqlite)" ] && echo unchanged; ls other.sqlite*
> status 3
> unchanged
> other.sqlite
! trailq: other.sqlite is an SQLite database that trailq did not make (or an index of a trailq older than schema 2); it was left as it is: give --db a new file name

### another application's database (its own application_id) is refused by name too
$ cd "$TMPDIR" && rm -f app.db && python3 -c 'import sqlite3; c = sqlite3.connect("app.db"); c.execute("pragma application_id = 1234"); c.execute("create table t(x)"); c.commit()' && \
$ trailq --db app.db --files; echo "status $?"
> status 3
! trailq: app.db is an SQLite database of another application (application_id 0x000004d2); it was left as it is: give --db a new file name

### --db files are created 0600, whatever the umask
$ cd "$TMPDIR" && rm -f perm.db && umask 022 && trailq --db perm.db 'stats count(*)' "$OLDPWD/testdata/shapes/events.jsonl" >/dev/null && stat -c %a perm.db
> 600

### a second writer waits a bounded time, says so, then fails naming the file; a reader does not wait
$ cd "$TMPDIR" && rm -f lk.db && trailq --db lk.db 'stats count(*)' "$OLDPWD/testdata/shapes/events.jsonl" >/dev/null && \
$ flock lk.db sleep 4 & sleep 0.5; cd "$TMPDIR" && trailq --db lk.db -o tsv 'stats count(*) as n' | tail -1; \
$ TRAILQ_LOCK_WAIT=2 trailq --db lk.db 'stats count(*)' "$OLDPWD/testdata/shapes/single-event.json"; echo "status $?"; wait
> 5
> status 3
! trailq: note: lk.db is being written by another trailq; waiting for it (at most 2s)
! trailq: lk.db is being written by another trailq (waited 2s); try again when it has finished

### --db with no such file and no PATH: status 3, nothing created
$ cd "$TMPDIR" && trailq --db nothing.db 'stats count(*)'; echo "status $?"; ls nothing.db 2>&1; true
> status 3
> ls: cannot access 'nothing.db': No such file or directory
! trailq: nothing.db: no such index (name files or directories to load into it)

### records unreadable at load time are noted by later --db queries, pointing at --files
# checked: bad-line.jsonl has 3 lines, line 2 is not JSON (jq stops there); events.jsonl 5 events: 5 + 2
$ rm -rf "$TMPDIR/i5" && mkdir "$TMPDIR/i5" && cd "$TMPDIR/i5" && trailq --db s.db 'stats count(*)' "$OLDPWD/testdata/shapes/events.jsonl" "$OLDPWD/testdata/bad/bad-line.jsonl" >/dev/null 2>&1; \
$ trailq --db s.db -o tsv 'stats count(*) as n'; trailq --db s.db -o tsv --files | cut -f3-5
> n
> 7
> state	events	unreadable
> present	5	0
> present	2	1
! trailq: note: 1 record in 1 source of s.db could not be read when loaded; they are not counted (--files lists them)

### a field that is a value in some events and an object or array in others, an object, and a log's own "@x": --db answers as one-shot
$ rm -rf "$TMPDIR/i20" && mkdir "$TMPDIR/i20" && cd "$TMPDIR/i20" && \
$ printf '{"n":1,"a":true}\n{"n":2,"a":{"b":1}}\n{"n":3,"a":[1,2]}\n{"n":4,"o":{"k":"v"},"@x":{"y":1}}\n' > m.jsonl && \
$ q='fields n, a, o, @@x | sort n'; trailq -o jsonl "$q" m.jsonl; trailq --db s.db -o jsonl "$q" m.jsonl; \
$ trailq -o tsv 'stats count(a)' m.jsonl | tail -1; trailq --db s.db -o tsv 'stats count(a)' | tail -1
> {"n":1,"a":"true"}
> {"n":2,"a":"{\"b\":1}"}
> {"n":3,"a":"[1,2]"}
> {"n":4,"o":{"k":"v"},"@@x":{"y":1}}
> {"n":1,"a":"true"}
> {"n":2,"a":"{\"b\":1}"}
> {"n":3,"a":"[1,2]"}
> {"n":4,"o":{"k":"v"},"@@x":{"y":1}}
> 3
> 3

### a file emptied, or made unreadable, since it was loaded replaces its events with none, as other bytes would
# checked: events.jsonl has 5 events, bare-array.json 5 (jq)
$ rm -rf "$TMPDIR/i21" && mkdir -p "$TMPDIR/i21/d" && cd "$TMPDIR/i21" && cp "$OLDPWD/testdata/shapes/events.jsonl" d/a.jsonl && cp "$OLDPWD/testdata/shapes/bare-array.json" d/b.json && \
$ trailq --db s.db -o tsv 'stats count(*) as n' d | tail -1 && : > d/a.jsonl && \
$ trailq -o tsv 'stats count(*) as n' d | tail -1 && trailq --db s.db -o tsv 'stats count(*) as n' d | tail -1 && \
$ printf '\001\002\003' > d/b.json; trailq --db s.db -o tsv 'stats count(*) as n' d | tail -1; trailq --db s.db -o tsv --files | cut -f1-5
> 10
> 5
> 5
> 0
> source	type	state	events	unreadable
! trailq: note: 1 source of s.db replaced: its file changed since it was loaded
! trailq: d/b.json: cannot tell what kind of log this is (use -t TYPE to say)
! trailq: note: 1 source of s.db replaced: its file changed since it was loaded
! trailq: 1 of 2 inputs could not be read

### a PATH whose directory or file has gone since it was loaded still scopes the query to the events recorded under it
# checked: events.jsonl has 5 events, bare-array.json 5 (jq)
$ rm -rf "$TMPDIR/i22" && mkdir -p "$TMPDIR/i22/d/sub" && cd "$TMPDIR/i22" && cp "$OLDPWD/testdata/shapes/events.jsonl" d/a.jsonl && cp "$OLDPWD/testdata/shapes/bare-array.json" d/sub/b.json && \
$ trailq --db s.db -o tsv 'stats count(*) as n' d | tail -1 && rm -r d/sub && \
$ trailq --db s.db -o tsv 'stats count(*) as n' d/sub | tail -1; trailq --db s.db -o tsv 'stats count(*) as n' d/sub/b.json | tail -1; \
$ trailq --db s.db -o tsv 'stats count(*) as n' d/gone | tail -1
> 10
> 5
> 5
> 0
! trailq: d/sub: No such file or directory
! trailq: 1 of 1 input could not be read
! trailq: d/sub/b.json: No such file or directory
! trailq: 1 of 1 input could not be read
! trailq: d/gone: No such file or directory
! trailq: 1 of 1 input could not be read

### an empty object or array is a field of a --db index too: ispresent and fields answer as one-shot
# checked: jq counts 669 events of testdata/AWSLogs whose
# userIdentity.sessionContext.webIdFederationData is {}; before, --db found none
$ rm -rf "$TMPDIR/i23" && mkdir "$TMPDIR/i23" && cd "$TMPDIR/i23" && \
$ echo "jq $(find "$OLDPWD/testdata/AWSLogs" -name '*.gz' -exec zcat {} + | jq '[.Records[] | select(.userIdentity.sessionContext.webIdFederationData == {})] | length' | jq -s add)"; \
$ q='filter ispresent(userIdentity.sessionContext.webIdFederationData) | stats count(*) as n'; \
$ trailq -o tsv "$q" "$OLDPWD/testdata/AWSLogs" | tail -1; trailq --db s.db -o tsv "$q" "$OLDPWD/testdata/AWSLogs" | tail -1; \
$ printf '{"n":1,"a":{}}\n{"n":2,"a":{"b":1}}\n{"n":3,"a":[]}\n{"n":4,"a":"x"}\n{"n":5}\n' > e.jsonl; \
$ q='fields n, a, isempty(a) as e | sort n'; trailq -o jsonl "$q" e.jsonl; trailq --db e.db -o jsonl "$q" e.jsonl
> jq 669
> 669
> 669
> {"n":1,"a":"{}","e":0}
> {"n":2,"a":"{\"b\":1}","e":0}
> {"n":3,"a":"[]","e":0}
> {"n":4,"a":"x","e":0}
> {"n":5,"e":1}
> {"n":1,"a":"{}","e":0}
> {"n":2,"a":"{\"b\":1}","e":0}
> {"n":3,"a":"[]","e":0}
> {"n":4,"a":"x","e":0}
> {"n":5,"e":1}

### -t on an input the index already holds as another type: kept as it was, and a note says so
# checked: events.jsonl has 5 events (jq); read as text it would be 5 lines too, so the
# note, not the count, tells; a new --db reads it as text (the type --files shows)
$ rm -rf "$TMPDIR/i24" && mkdir "$TMPDIR/i24" && cd "$TMPDIR/i24" && cp "$OLDPWD/testdata/shapes/events.jsonl" a.jsonl && cp a.jsonl b.jsonl && \
$ trailq --db s.db -o tsv 'stats count(*) as n' a.jsonl | tail -1; trailq --db s.db -t text -o tsv 'stats count(*) as n' a.jsonl b.jsonl | tail -1; \
$ trailq --db s.db --files -o tsv | cut -f1,2; trailq --db t.db -t text --files -o tsv a.jsonl 2>/dev/null | cut -f1,2
> 5
> 5
> source	type
> a.jsonl	cloudtrail
> source	type
> a.jsonl	text
! trailq: note: 1 input held bytes already in s.db (the same file under another name, or standard input loaded before): nothing added
! trailq: note: 2 inputs are already in s.db as another type than -t text (the first: a.jsonl): kept as they were; to read them as text, load them into a new --db

### an object in JSON inside a Lambda line ("Received event {...}") is read back whole from a --db index too
# checked: by hand: the objects of the two lines as written; before, --db gave {} for both rows
$ rm -rf "$TMPDIR/i25" && mkdir "$TMPDIR/i25" && cd "$TMPDIR/i25" && \
$ printf '%s\t%s\tINFO\t%s\n' 2024-01-01T00:00:00.000Z 11111111-1111-1111-1111-111111111111 'Received event {"detail":{"a":1,"b":[1,2]},"x":"y"}' 2024-01-01T00:00:01.000Z 11111111-1111-1111-1111-111111111111 'plain {not json} then {"detail":{"a":2}}' > fn.log; \
$ q='fields detail, detail.b | sort @timestamp'; trailq -o jsonl "$q" fn.log; trailq --db s.db -o jsonl "$q" fn.log
> {"detail":{"a":1,"b":[1,2]},"detail.b":[1,2]}
> {"detail":{"a":2}}
> {"detail":{"a":1,"b":[1,2]},"detail.b":[1,2]}
> {"detail":{"a":2}}
