# parse: glob and regex patterns, multi, sources, chaining, non-matches
# (docs/language.md#parse, issue 3 item 1). Inputs: testdata/lang/parse.jsonl
# (five events; the field "line" holds a log line, "req.args" a query string)
# and testdata/lang/glob.jsonl (regex metacharacters and a newline in "s").

### glob: the number of * must equal the number of names (too few names)
$ trailq 'parse line "[*] *" as a' testdata/lang/parse.jsonl
! trailq: query error at 1:12: glob has 2 '*' but 1 name after as
!   parse line "[*] *" as a
!              ^^^^^^^
? 2

### glob: the number of * must equal the number of names (too many names)
$ trailq 'parse line "[*]" as a, b' testdata/lang/parse.jsonl
! trailq: query error at 1:12: glob has 1 '*' but 2 names after as
!   parse line "[*]" as a, b
!              ^^^^^
? 2

### glob: a glob without * is an error
$ trailq 'parse line "abc" as a' testdata/lang/parse.jsonl
! trailq: query error at 1:12: glob has 0 '*' but 1 name after as
!   parse line "abc" as a
!              ^^^^^
? 2

### glob: unanchored, every * but the last is lazy, the last takes the rest
# checked: by hand on "from 10.0.0.1 to 10.0.0.2 via 192.168.1.254": the
# first * stops at the first " to ", the last one runs to the end
$ trailq -o tsv 'parse line "from * to *" as a, b | filter ispresent(a) | fields a, b' testdata/lang/parse.jsonl
> a	b
> 10.0.0.1	10.0.0.2 via 192.168.1.254

### glob: a lazy * stops at the first occurrence of the text after it
# checked: by hand: "user=ana, method:GET, ..." -> the * after "user=" ends at the first ","
$ trailq -o tsv 'parse line "user=*," as u | filter ispresent(u) | fields u' testdata/lang/parse.jsonl
> u
> ana
> user1234

### glob: regex metacharacters in the literal text are matched literally
# glob.jsonl: s = a.b(c)+d?e$f^g|h\i{j}*k and the same with x for the dot.
# checked: by hand: only the first event has "a.b"; p = d, q = j
$ trailq -o jsonl 'parse s "a.b(c)+*?e$f^g|h\\i{*}" as p, q | fields @timestamp, p, q' testdata/lang/glob.jsonl
> {"@timestamp":"2024-02-02 00:00:03.000"}
> {"@timestamp":"2024-02-02 00:00:02.000"}
> {"@timestamp":"2024-02-02 00:00:01.000","p":"d","q":"j"}

### glob: * also matches across a newline in the value
# trailq's choice (docs/language.md#parse): * matches any characters.
# checked: by hand: "first\nsecond line" between "first" and "line" is "\nsecond "
$ trailq -o jsonl 'parse s "first*line" as p | filter ispresent(p) | fields p' testdata/lang/glob.jsonl
> {"p":"\nsecond "}

### regex: . does not match a newline (PCRE default), so this does not match
# checked: by hand, docs/language.md#lexical-rules (PCRE2 semantics)
$ trailq -o tsv 'parse s /first(?<p>.*)line/ | stats count(p) as matched' testdata/lang/glob.jsonl
> matched
> 0

### regex: named groups create fields without as
# checked: by hand: "a=1&requestid=r-42&b=2" -> r-42
$ trailq -o jsonl 'parse req.args /requestid=(?<rid>[^&]+)/ | fields @timestamp, rid' testdata/lang/parse.jsonl
> {"@timestamp":"2024-02-01 10:00:05.000"}
> {"@timestamp":"2024-02-01 10:00:04.000"}
> {"@timestamp":"2024-02-01 10:00:03.000","rid":"r-42"}
> {"@timestamp":"2024-02-01 10:00:02.000"}
> {"@timestamp":"2024-02-01 10:00:01.000"}

### regex: an optional named group that does not take part leaves its field missing
# checked: by hand: no "x" before "user=" in either line
$ trailq -o jsonl 'parse line /(?<a>x)?user=(?<u>\w+)/ | filter ispresent(u) | fields a, u' testdata/lang/parse.jsonl
> {"u":"ana"}
> {"u":"user1234"}

### regex: unnamed groups need as
$ trailq 'parse line /(\d+)/' testdata/lang/parse.jsonl
! trailq: query error at 1:12: the regex names no fields: use (?<name>...) groups, or add as name
!   parse line /(\d+)/
!              ^^^^^^^
? 2

### regex: as must name as many fields as there are groups
$ trailq 'parse line /(\d+)/ as a, b' testdata/lang/parse.jsonl
! trailq: query error at 1:12: the regex has 1 group but 2 names follow as
!   parse line /(\d+)/ as a, b
!              ^^^^^^^
? 2

### regex with multi: one row per match; events without a match keep one row
# checked: by hand: only "from 10.0.0.1 to 10.0.0.2 via 192.168.1.254" has
# dotted quads, three of them, in that order
$ trailq -o jsonl 'parse line /(\d+\.\d+\.\d+\.\d+)/ as ip multi | fields @timestamp, ip' testdata/lang/parse.jsonl
> {"@timestamp":"2024-02-01 10:00:05.000"}
> {"@timestamp":"2024-02-01 10:00:04.000","ip":"10.0.0.1"}
> {"@timestamp":"2024-02-01 10:00:04.000","ip":"10.0.0.2"}
> {"@timestamp":"2024-02-01 10:00:04.000","ip":"192.168.1.254"}
> {"@timestamp":"2024-02-01 10:00:03.000"}
> {"@timestamp":"2024-02-01 10:00:02.000"}
> {"@timestamp":"2024-02-01 10:00:01.000"}

### regex with multi and named groups: every match gives a row
# checked: by hand: the first two octets of 10.0.0.1, 10.0.0.2, 192.168.1.254
$ trailq -o jsonl 'parse line /(?<a>\d+)\.(?<b>\d+)\.\d+\.\d+/ multi | filter ispresent(a) | fields a, b' testdata/lang/parse.jsonl
> {"a":"10","b":"0"}
> {"a":"10","b":"0"}
> {"a":"192","b":"168"}

### multi then stats counts the matches
# checked: 3 matches in one event, 4 events without a match
$ trailq -o tsv 'parse line /(\d+\.\d+\.\d+\.\d+)/ as ip multi | stats count(*) as rows, count(ip) as ips' testdata/lang/parse.jsonl
> rows	ips
> 7	3

### multi applies to regex patterns only
$ trailq 'parse line "*" as a multi' testdata/lang/parse.jsonl
! trailq: query error at 1:21: multi applies only to a /regex/ pattern
!   parse line "*" as a multi
!                       ^^^^^
? 2

### default source is @message (for JSON, the record's JSON text)
# checked: by hand: only the fifth event has "other":"no line field" in its JSON
$ trailq -o jsonl 'parse "\"other\":\"*\"" as o | filter ispresent(o) | fields o' testdata/lang/parse.jsonl
> {"o":"no line field"}

### default source @message with a regex
# checked: as above
$ trailq -o jsonl 'parse /"other":"(?<o>[^"]*)"/ | filter ispresent(o) | fields o' testdata/lang/parse.jsonl
> {"o":"no line field"}

### the source may be a dotted field
# checked: by hand: req.args of events 3 and 4 are "a=1&requestid=r-42&b=2" and "none"
$ trailq -o jsonl 'parse req.args "a=*&" as a | fields @timestamp, req.args, a | filter ispresent(req.args)' testdata/lang/parse.jsonl
> {"@timestamp":"2024-02-01 10:00:04.000","req.args":"none"}
> {"@timestamp":"2024-02-01 10:00:03.000","req.args":"a=1&requestid=r-42&b=2","a":"1"}

### chaining: parse a field made by an earlier parse
# checked: by hand: l = "12 ms" for ana; "* ms" -> 12
$ trailq -o jsonl 'parse line "user=*, method:*, latency := *" as u, m, l | parse l "* ms" as num | filter ispresent(u) | display u, l, num' testdata/lang/parse.jsonl
> {"u":"ana","l":"12 ms","num":"12"}

### parsed digit strings are numbers in arithmetic and aggregates
# checked: 12 * 2 = 24; sum over the single match = 12
$ trailq -o tsv 'parse line "latency := * ms" as lat | filter ispresent(lat) | display lat * 2 as twice' testdata/lang/parse.jsonl; trailq -o tsv 'parse line "latency := * ms" as lat | stats sum(lat) as s, count(*) as n' testdata/lang/parse.jsonl
> twice
> 24
> s	n
> 12	5

### non-matching events are kept, without the new fields
# checked: 5 events; only event 1 matches "The error was: *"
$ trailq -o tsv 'parse line "The error was: *" as exc | stats count(*) as events, count(exc) as matched' testdata/lang/parse.jsonl
> events	matched
> 5	1

### a source field missing on an event is a non-match, not an error
# checked: no event has a field "nosuch"
$ trailq -o tsv 'parse nosuch "*" as z | stats count(*) as n, count(z) as k' testdata/lang/parse.jsonl
> n	k
> 5	0

### parse aliases may start with @
# checked: by hand, as the "user=*," case above
$ trailq -o jsonl 'parse line "user=*," as @u | filter ispresent(@u) | fields @u' testdata/lang/parse.jsonl
> {"@u":"ana"}
> {"@u":"user1234"}

### fields created by parse are shown without being listed
# checked: docs/language.md#fields-and-display (parse fields are added to the output)
$ trailq -o tsv 'parse line "from * to *" as a, b | filter ispresent(a)' testdata/lang/parse.jsonl | cut -f3-
> a	b
> 10.0.0.1	10.0.0.2 via 192.168.1.254

### PARSE is case-insensitive, and so is AS
# checked: same result as the lowercase form above
$ trailq -o tsv 'PARSE line "from * to *" AS a, b | FILTER ispresent(a) | DISPLAY a' testdata/lang/parse.jsonl
> a
> 10.0.0.1

### fields created by parse are added to the output even when fields lists others
# trailq's reading (docs/language.md#fields-and-display): parse-made fields are always shown
# (display alone decides the columns). checked: by hand
$ trailq -o tsv 'parse line "from * to *" as a, b | filter ispresent(a) | fields a' testdata/lang/parse.jsonl
> a	b
> 10.0.0.1	10.0.0.2 via 192.168.1.254

### a parse alias cannot be defined twice
$ trailq 'parse line "from * to *" as a, a' testdata/lang/parse.jsonl
! trailq: query error at 1:32: field 'a' is already defined (at 1:29)
!   parse line "from * to *" as a, a
!                                  ^
? 2

### an invalid regex is a query error with a caret
# checked: the group is not closed; the caret covers the regex
$ trailq 'parse line /(?<a>x/' testdata/lang/parse.jsonl
! trailq: query error at 1:12: invalid regex: missing closing parenthesis
!   parse line /(?<a>x/
!              ^^^^^^^^
? 2
