# parse ... logfmt and parse ... csv (trailq(1), QUERY LANGUAGE, parse;
# docs/language.md#parse-logfmt-and-csv; issue 12 item 6). Inputs written
# by hand: testdata/lang/logfmt.log (four logfmt lines: a quoted value with
# spaces, escaped quotes, a bare key, an empty value, a key given twice;
# and a line that is plain text) and testdata/lang/access.csv (quoted
# commas, doubled quotes, an empty last field, too few and too many
# fields, a quoted empty field). Neither file has line timestamps, so the
# rows keep the file's order (and the note about that is sent to /dev/null).

### logfmt: one map field, read with dots
# checked: by hand from the lines: "disk \"full\"" unescaped; retry is a
# bare key (true); user= is empty; dur=250 dur=251 keeps the last; the
# plain line's words are bare keys, so it has none of these
$ trailq -o jsonl 'parse logfmt as lf | display lf.level, lf.msg, lf.user, lf.dur, lf.retry' testdata/lang/logfmt.log 2>/dev/null
> {"lf.level":"info","lf.msg":"user logged in","lf.user":"ana","lf.dur":"12"}
> {"lf.level":"error","lf.msg":"disk \"full\"","lf.user":"","lf.retry":"true"}
> {"lf.level":"info","lf.msg":"ok","lf.user":"bob","lf.dur":"30"}
> {"lf.level":"warn","lf.msg":"slow  query","lf.dur":"251"}
> {}

### logfmt: the map itself, and stats over its keys
# checked: by hand: two info lines (durations 12 and 30), one warn (251)
$ trailq -o tsv 'parse logfmt as lf | filter ispresent(lf.dur) | stats count(*) as n, sum(lf.dur) as total by lf.level' testdata/lang/logfmt.log 2>/dev/null; trailq -o jsonl 'parse @message logfmt as lf | limit 1 | display lf' testdata/lang/logfmt.log 2>/dev/null
> lf.level	n	total
> info	2	42
> warn	1	251
> {"lf":{"time":"2024-06-01T10:00:00Z","level":"info","msg":"user logged in","user":"ana","dur":"12"}}

### logfmt over a field made by parse
# checked: by hand: the part after time=... of each logfmt line
$ trailq -o tsv 'parse @message /^time=\S+ (?<rest>.*)$/ | parse rest logfmt as x | filter ispresent(rest) | display x.level, x.user' testdata/lang/logfmt.log 2>/dev/null
> x.level	x.user
> info	ana
> error	
> info	bob
> warn	

### csv: fields in order; missing past the record's end, extra fields ignored
# checked: by hand, and the next case checks the same against python3's
# csv module
$ trailq -o jsonl 'parse csv as method, path, status, agent | display method, path, status, agent' testdata/lang/access.csv 2>/dev/null
> {"method":"GET","path":"/index.html","status":"200","agent":"Mozilla/5.0 (X11, Linux)"}
> {"method":"POST","path":"/api/login","status":"401","agent":"curl/8.0 \"quoted\""}
> {"method":"GET","path":"/health","status":"200","agent":""}
> {"method":"DELETE","path":"/api/item/7"}
> {"method":"PUT","path":"/api/a,b","status":"500","agent":"x"}
> {"method":"","path":"/empty-method","status":"204","agent":"y"}

### csv: the same as python3's csv module (RFC 4180)
$ trailq -o tsv 'parse csv as a, b, c, d | display a, b, c, d' testdata/lang/access.csv 2>/dev/null > "$TMPDIR/got"; python3 -c 'import csv; print("a\tb\tc\td"); [print("\t".join((r + [""] * 4)[:4])) for r in csv.reader(open("testdata/lang/access.csv", newline=""))]' | diff - "$TMPDIR/got" && echo same
> same

### csv and stats: counts by a parsed column, against awk
# checked: awk -F, counts the first field of the unquoted lines the same
$ trailq -o tsv 'parse csv as method | stats count(*) as n by method' testdata/lang/access.csv 2>/dev/null
> method	n
> 	1
> DELETE	1
> GET	2
> POST	1
> PUT	1

### errors: logfmt makes one field; both need as
$ trailq 'parse logfmt as a, b' testdata/lang/logfmt.log
# checked: "b" is the 20th character
! trailq: query error at 1:20: parse logfmt makes one field (a map): give one name
!   parse logfmt as a, b
!                      ^
? 2

### ... as is needed
$ trailq 'parse @message csv a' testdata/lang/access.csv
! trailq: query error at 1:20: expected 'as' and names after 'csv'
!   parse @message csv a
!                      ^
? 2

### ... a field named logfmt is still a source
# checked: by hand: no event has a field "logfmt", so the glob matches nothing
$ trailq -o tsv 'parse logfmt "*" as v | stats count(v) as n' testdata/lang/logfmt.log 2>/dev/null
> n
> 0
