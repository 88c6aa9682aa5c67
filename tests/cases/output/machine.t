# Machine formats (trailq(1), OUTPUT): in json and jsonl booleans are JSON
# booleans and lists and maps JSON values, so jq reads them without a second
# decode; -o raw prints each result event's original text (@message).
# testdata/hand/dst.jsonl: ok is a boolean in every line; tags is a list in
# three lines and a map in one (by hand; jq -c '.ok, .tags' shows them).

### json values: booleans, lists and maps as they are in the input, and computed lists and booleans
# checked: jq -c '{eventName, ok, tags}' testdata/hand/dst.jsonl gives the first three keys of each
# line; split("FirstOneThirty", "O") is ["First","neThirty"] by hand
$ trailq -o jsonl 'fields eventName, ok, tags, split(eventName, "O") as parts, ispresent(ok) as has | sort @timestamp asc' testdata/hand/dst.jsonl
> {"eventName":"BeforeSpringForward","ok":true,"tags":["a","b"],"parts":["BeforeSpringForward"],"has":true}
> {"eventName":"AfterSpringForward","ok":false,"tags":["c"],"parts":["AfterSpringForward"],"has":true}
> {"eventName":"FirstOneThirty","ok":true,"tags":{"k":"v"},"parts":["First","neThirty"],"has":true}
> {"eventName":"SecondOneThirty","ok":true,"tags":[],"parts":["Second","neThirty"],"has":true}

### jq sees the types without decoding twice; the same values round-trip
$ trailq -o json 'fields ok, tags | sort @timestamp asc' testdata/hand/dst.jsonl | jq -c 'map([(.ok | type), (.tags | type)]) | unique'; diff <(trailq -o jsonl 'fields ok, tags | sort @timestamp asc' testdata/hand/dst.jsonl) <(jq -c '{ok, tags}' testdata/hand/dst.jsonl) && echo same
> [["boolean","array"],["boolean","object"]]
> same

### a stats key that is a boolean field stays a boolean
# checked: jq -s 'group_by(.ok) | map({ok: .[0].ok, n: length})' -> false 1, true 3
$ trailq -o jsonl 'stats count(*) as n by ok' testdata/hand/dst.jsonl
> {"ok":false,"n":1}
> {"ok":true,"n":3}

### min, max, earliest, latest, sortsFirst and sortsLast of a boolean or list field keep its JSON type
# checked: jq -s -c 'sort_by(.eventTime) | [(map(.ok) | min, max), .[0].ok, .[-1].ok, .[0].tags, .[-1].tags]'
# testdata/hand/dst.jsonl gives [false,true,true,true,["a","b"],[]]; sortsLast(tags) is the map, which
# sorts after the lists as its JSON text {"k":"v"} sorts after [...] (by hand)
$ trailq -o jsonl 'stats min(ok) as a, max(ok) as b, earliest(ok) as e, latest(ok) as l, earliest(tags) as et, latest(tags) as lt, sortsFirst(ok) as sf, sortsLast(tags) as sl' testdata/hand/dst.jsonl; trailq -o jsonl 'stats latest(ok) as l by eventName | stats count(*) as n by l' testdata/hand/dst.jsonl
> {"a":false,"b":true,"e":true,"l":true,"et":["a","b"],"lt":[],"sf":false,"sl":{"k":"v"}}
> {"l":false,"n":1}
> {"l":true,"n":3}

### a field whose values are sometimes text stays text; text that looks like JSON is a string
$ printf '{"eventTime":"2024-01-01T00:00:00Z","v":true,"s":"[1]"}\n{"eventTime":"2024-01-01T00:00:01Z","v":"true","s":"{}"}\n' > $TMPDIR/mixed.jsonl; trailq -o jsonl 'fields v, s | sort @timestamp asc' $TMPDIR/mixed.jsonl
> {"v":"true","s":"[1]"}
> {"v":"true","s":"{}"}

### tsv and csv still show lists and maps as their JSON text
$ trailq -o tsv 'fields tags | sort @timestamp asc' testdata/hand/dst.jsonl
> tags
> ["a","b"]
> ["c"]
> {"k":"v"}
> []

### -o raw: each matching event's original line, one per line
# checked: the lines of the input whose ok is true (grep '"ok":true'), in time order
$ trailq -o raw 'filter ok = true | sort @timestamp asc' testdata/hand/dst.jsonl; grep -c '"ok":true' testdata/hand/dst.jsonl
> {"eventTime":"2024-03-10T06:59:59Z","eventName":"BeforeSpringForward","ok":true,"tags":["a","b"]}
> {"eventTime":"2024-11-03T05:30:00Z","eventName":"FirstOneThirty","ok":true,"tags":{"k":"v"}}
> {"eventTime":"2024-11-03T06:30:00Z","eventName":"SecondOneThirty","ok":true,"tags":[]}
> 3

### -o raw of CloudTrail records pipes into jq: the same events as jq finds in the files
$ trailq -o raw 'filter eventName = "DeleteBucket"' testdata/AWSLogs | jq -r .eventID | sort | md5sum; zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -r '.Records[] | select(.eventName == "DeleteBucket") | .eventID' | sort | md5sum
> 008953f9955d78b5c46958265cbad3cb  -
> 008953f9955d78b5c46958265cbad3cb  -

### -o raw of a text log: its lines
$ trailq -o raw 'sort @timestamp asc | limit 2' testdata/lang/app.log; sort testdata/lang/app.log | head -2
> 2024-07-01 10:00:00,000 user=ana, method:GET, latency := 12
> 2024-07-01 10:00:01,000 user=bob, method:GET, latency := 30
> 2024-07-01 10:00:00,000 user=ana, method:GET, latency := 12
> 2024-07-01 10:00:01,000 user=bob, method:GET, latency := 30

### -o raw after stats is a query error: a stats row is no event
$ trailq -o raw 'filter ok = true | stats count(*)' testdata/hand/dst.jsonl
! trailq: query error at 1:20: -o raw prints each event's @message, and a stats result has no events
!   filter ok = true | stats count(*)
!                      ^^^^^
? 2

### -o raw to a terminal: control characters are shown escaped; into a pipe the text is as is
$ printf '2024-05-01T00:00:01Z title \033]0;PWNED\007 end\n' > $TMPDIR/esc.log; script -qec "exec 2>/dev/null; stty -opost; trailq -o raw 'limit 1' $TMPDIR/esc.log" /dev/null | cat -A; trailq -o raw 'limit 1' $TMPDIR/esc.log | cat -A
> 2024-05-01T00:00:01Z title \x1b]0;PWNED\x07 end$
> 2024-05-01T00:00:01Z title ^[]0;PWNED^G end$
