# Expressions: comparisons of numbers and strings, the missing-value rules,
# like / =~ / in and their negations, not, booleans (docs/language.md#comparisons-and-missing-values);
# column names, duplicate aliases, comments, quoting, keyword case.
# testdata/lang/values.jsonl, newest first r5 r4 r3 r2 r1:
#   r1 st "200"  name "abc"  ok true
#   r2 st 200    name "ABC"  ok false
#   r3 st "007"  name "abd"
#   r4 st "404"  name "x|y"
#   r5 (no st)   name null (missing)

### numeric comparison when both sides are numbers or numeric strings
# checked: docs/language.md#comparisons-and-missing-values: "200" = 200, "007" = 7, "404" > 100
$ trailq -o tsv 'filter st = 200 | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter st = "200" | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter st = 7 | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter st > 100 | fields id' testdata/lang/values.jsonl
> id
> r2
> r1
> id
> r2
> r1
> id
> r3
> id
> r4
> r2
> r1

### numeric strings on both sides still compare as numbers
# checked: 200, 7, 404 are all below 1000; "007" < 10 numerically
$ trailq -o tsv 'filter st >= "1000" | stats count(*) as n' testdata/lang/values.jsonl; trailq -o tsv 'filter st < 10 | fields id' testdata/lang/values.jsonl
> n
> 0
> id
> r3

### a non-number against a number compares as strings
# checked: docs/language.md#comparisons-and-missing-values: "abc" > 1000 as strings ("a" > "1"); every name
# but the missing one is > "1000" ("A", "a", "x" all sort after "1")
$ trailq -o tsv 'filter name > 1000 | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter "abc" > 1000 | stats count(*) as n' testdata/lang/values.jsonl
> id
> r4
> r3
> r2
> r1
> n
> 5

### string comparison is by code point and case-sensitive
# checked: "ABC" < "abc" < "abd"; "x|y" > "abd"
$ trailq -o tsv 'filter name < "abd" | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter name = "abc" | fields id' testdata/lang/values.jsonl
> id
> r2
> r1
> id
> r1

### != with a missing operand is false; not (=) is true
# checked: docs/language.md#comparisons-and-missing-values: r5 has no st: dropped by !=, kept by not (st = 200)
$ trailq -o tsv 'filter st != 200 | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter not (st = 200) | fields id' testdata/lang/values.jsonl
> id
> r4
> r3
> id
> r5
> r4
> r3

### like with a string is a case-sensitive substring test; not like is false for missing
# checked: "b" is in abc and abd only; not like keeps ABC and x|y, not the missing name
$ trailq -o tsv 'filter name like "b" | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter name not like "b" | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter not (name like "b") | fields id' testdata/lang/values.jsonl
> id
> r3
> r1
> id
> r4
> r2
> id
> r5
> r4
> r2

### like and =~ with a regex search unanchored; (?i) ignores case; anchors inside
# checked: /^a/ matches abc, abd; /(?i)^abc$/ matches abc and ABC; /c$/ only abc
$ trailq -o tsv 'filter name like /^a/ | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter name =~ /(?i)^abc$/ | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter name =~ /c$/ | fields id' testdata/lang/values.jsonl
> id
> r3
> r1
> id
> r2
> r1
> id
> r1

### not like with a regex
# checked: names not ending in d: abc, ABC, x|y (the missing one is dropped)
$ trailq -o tsv 'filter name not like /d$/ | fields id' testdata/lang/values.jsonl
> id
> r4
> r2
> r1

### like "a" and not like /d$/ combined
# checked: contains "a" -> abc, abd; not ending in d -> abc
$ trailq -o tsv 'filter name like "a" and name not like /d$/ | fields id' testdata/lang/values.jsonl
> id
> r1

### in and not in compare like = (numbers with numeric strings); missing is false for both
# checked: st in [200, 404] -> r1 r2 r4; not in -> r3 only (r5 has no st);
# not (st in [200]) -> r3 r4 r5
$ trailq -o tsv 'filter st in [200, 404] | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter st not in [200, 404] | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter not (st in [200]) | fields id' testdata/lang/values.jsonl
> id
> r4
> r2
> r1
> id
> r3
> id
> r5
> r4
> r3

### in matches whole values only, and lists may mix strings and numbers
# checked: "ABC" equals the first element; no name equals "ab"
$ trailq -o tsv 'filter name in ["ABC", 1] | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter name in ["ab"] | stats count(*) as n' testdata/lang/values.jsonl
> id
> r2
> n
> 0

### JSON booleans: equal to true/false, usable as conditions, 1/0 in arithmetic
# checked: docs/language.md#fields-and-values: r1 ok=true, r2 ok=false; missing ok is not true, so not ok keeps it
$ trailq -o tsv 'filter ok = true | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter ok = false | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter ok | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter not ok | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter ok = 1 | fields id' testdata/lang/values.jsonl
> id
> r1
> id
> r2
> id
> r1
> id
> r5
> r4
> r3
> r2
> id
> r1

### comparison results are booleans; missing operands make = and != false
# checked: docs/language.md#comparisons-and-missing-values; ok + 1 is 2 / 1 for true / false and missing otherwise
$ trailq -o jsonl 'fields st = 200 as eq, st != 200 as ne, not (st = 200) as neg, ok as b, ok + 1 as bn, ok and true as band | display id, eq, ne, neg, b, bn, band' testdata/lang/values.jsonl
> {"id":"r5","eq":false,"ne":false,"neg":true,"band":false}
> {"id":"r4","eq":false,"ne":true,"neg":true,"band":false}
> {"id":"r3","eq":false,"ne":true,"neg":true,"band":false}
> {"id":"r2","eq":true,"ne":false,"neg":false,"b":false,"bn":1,"band":false}
> {"id":"r1","eq":true,"ne":false,"neg":false,"b":true,"bn":2,"band":true}

### and / or / not with parentheses
# checked: by hand: (st = 200 and ok) -> r1; or name = "x|y" -> r4
$ trailq -o tsv 'filter (st = 200 and ok) or name = "x|y" | fields id' testdata/lang/values.jsonl; trailq -o tsv 'filter ispresent(st) and not ispresent(ok) | fields id' testdata/lang/values.jsonl
> id
> r4
> r1
> id
> r4
> r3

### a | inside a string or a regex is not a command separator
# checked: docs/language.md#lexical-rules (a | inside a string is not a pipe): r4's name is x|y
$ trailq -o tsv 'filter name = "x|y" | fields id' testdata/lang/values.jsonl; trailq -o tsv "filter name = 'x|y' | fields id" testdata/lang/values.jsonl; trailq -o tsv 'filter name =~ /x\|y/ | fields id' testdata/lang/values.jsonl
> id
> r4
> id
> r4
> id
> r4

### where is filter
# checked: same rows as filter st = 200
$ trailq -o tsv 'where st = 200 | fields id' testdata/lang/values.jsonl
> id
> r2
> r1

### commands and keywords ignore case
# checked: same as the lowercase queries above
$ trailq -o tsv 'FILTER st IN [200] AND name LIKE "b" | SORT id DESC | FIELDS id' testdata/lang/values.jsonl
> id
> r1

### backtick names, and @ outside the backticks
# checked: `name` is name; @`id` is the field "@id", which does not exist
$ trailq -o jsonl 'filter `name` = "abc" | fields `id`, @`id`' testdata/lang/values.jsonl
> {"id":"r1"}

### # starts a comment anywhere outside strings and regexes; a commented-out stage is skipped
# checked: docs/language.md#lexical-rules: the filter line is ignored; /#|b/ keeps its #
$ trailq -o tsv 'fields id # pick id'$'\n''# | filter id = "r1"'$'\n''| filter name like /#|b/ # regex with #'$'\n''| sort id' testdata/lang/values.jsonl
> id
> r1
> r3

### string escapes: doubled single quote, \" and \'
# checked: docs/language.md#lexical-rules
$ trailq -o tsv "fields 'it''s' as a, \"q\\\"x\" as b, 'a\\'b' as c | limit 1" testdata/lang/values.jsonl
> a	b	c
> it's	q"x	a'b

### unaliased columns are named by their text, whitespace normalised to single spaces
# checked: docs/language.md#result-columns-and-output: runs of spaces and newlines become one space; text inside
# a string literal is kept as written
$ trailq -o tsv 'fields abs(  n  ),   concat(s,'$'\n''   "x")  ,n   *   2, "a  b"' testdata/lang/one.jsonl
> abs( n )	concat(s, "x")	n * 2	"a  b"
> 2.5	xyZfooxyZx	-5	a  b

### unaliased stats columns keep their text, including the spelling of names
# checked: docs/language.md#result-columns-and-output
$ trailq -o tsv 'stats count(   *   ),  count() by   bin(  1h )' testdata/lang/one.jsonl; trailq -o tsv 'STATS Count(*) BY Bin(1H)' testdata/lang/one.jsonl
> bin( 1h )	count( * )	count()
> 2022-01-14 21:00:00.000	1	1
> Bin(1H)	Count(*)
> 2022-01-14 21:00:00.000	1

### an alias may be a backtick name with spaces
# checked: by hand
$ trailq -o tsv 'fields s as `my col`' testdata/lang/one.jsonl
> my col
> xyZfooxyZ

### the same alias twice in one fields is rejected
$ trailq 'fields v as a, g as a' testdata/lang/values.jsonl
! trailq: query error at 1:21: field 'a' is already defined (at 1:13)
!   fields v as a, g as a
!                       ^
? 2

### an alias defined in an earlier command cannot be defined again
$ trailq 'fields st as a | fields name as a' testdata/lang/values.jsonl
! trailq: query error at 1:33: field 'a' is already defined (at 1:14)
!   fields st as a | fields name as a
!                                   ^
? 2

### several fields commands accumulate; display shows only its own fields
# checked: docs/language.md#fields-and-display
$ trailq -o tsv 'fields id | fields st | limit 1' testdata/lang/values.jsonl; trailq -o tsv 'fields id | fields st | display id | limit 1' testdata/lang/values.jsonl
> id	st
> r5	
> id
> r5

### display may compute a value with an alias (example q55)
# checked: only r1 has name "abc"
$ trailq -o tsv 'display id, name = "abc" as isAbc | limit 5' testdata/lang/values.jsonl
> id	isAbc
> r5	false
> r4	false
> r3	false
> r2	false
> r1	true

### a fields alias is usable in later commands
# checked: st * 2: 400 for r1 and r2, 14 for r3, 808 for r4
$ trailq -o tsv 'fields st * 2 as dbl | filter dbl > 100 | sort dbl desc | display id, dbl' testdata/lang/values.jsonl
> id	dbl
> r4	808
> r2	400
> r1	400

### an unknown command is a syntax error naming it
$ trailq 'fields id | blah y' testdata/lang/values.jsonl
! trailq: query error at 1:13: unknown command 'blah'
!   fields id | blah y
!               ^^^^
? 2
