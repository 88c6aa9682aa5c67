# Query errors (docs/language.md#command-line-and-exit-status, issue 2 §7): the message with line:column, the
# query line, and a caret (or carets) under the offending token; status 2;
# nothing on stdout. Columns were counted independently of trailq (1-based,
# python's str.index + 1 on the query text); the wording is trailq's own.

### unknown command
# checked: "foo" starts at column 1
$ trailq 'foo x' testdata/shapes/events.jsonl
! trailq: query error at 1:1: unknown command 'foo'
!   foo x
!   ^^^
? 2

### a mistyped command gets the nearest command as a suggestion
# checked: "stast" is "stats" with its last two letters swapped: one edit
# (base/strdist.h counts a swap as one)
$ trailq 'stast count(*)' testdata/shapes/events.jsonl
! trailq: query error at 1:1: unknown command 'stast' (did you mean stats?)
!   stast count(*)
!   ^^^^^
? 2

### a command typo after a pipe, one letter missing
# checked: "fitler" is "filter" with "lt" swapped (1 edit), "limt" lacks an "i"
# (1 edit); "limt" starts at column 17 (after the 16 bytes "filter id = 1 | ")
$ trailq 'filter id = 1 | limt 2' testdata/shapes/events.jsonl; trailq 'fitler id = 1' testdata/shapes/events.jsonl
! trailq: query error at 1:17: unknown command 'limt' (did you mean limit?)
!   filter id = 1 | limt 2
!                   ^^^^
! trailq: query error at 1:1: unknown command 'fitler' (did you mean filter?)
!   fitler id = 1
!   ^^^^^^
? 2

### a name far from every command gets no suggestion
# checked: "xyz" is 3 edits from every 3- and 4-letter command (sort, tail, head...)
$ trailq 'xyz' testdata/shapes/events.jsonl
! trailq: query error at 1:1: unknown command 'xyz'
!   xyz
!   ^^^
? 2

### an Insights command trailq does not support is named as such
# checked: "unmask" starts at column 20
$ trailq 'fields eventName | unmask @message' testdata/shapes/events.jsonl
! trailq: query error at 1:20: 'unmask' is not supported by trailq: it reveals what a CloudWatch data-protection policy masked, and nothing masks local files
!   fields eventName | unmask @message
!                      ^^^^^^
? 2

### unknown function, with a suggestion
# checked: "toupperr" starts at column 8
$ trailq 'fields toupperr(eventName)' testdata/shapes/events.jsonl
! trailq: query error at 1:8: unknown function 'toupperr' (did you mean toupper?)
!   fields toupperr(eventName)
!          ^^^^^^^^
? 2

### unknown aggregate function in stats, with a suggestion
# checked: "cuont" starts at column 7
$ trailq 'stats cuont(*) by eventName' testdata/shapes/events.jsonl
! trailq: query error at 1:7: unknown function 'cuont' (did you mean count?)
!   stats cuont(*) by eventName
!         ^^^^^
? 2

### wrong argument count: too many, too few; the whole call is underlined
# checked: the calls start at column 8; strlen takes 1 argument, substr 2 or 3 (trailq(1), String functions)
$ trailq 'fields strlen(eventName, 2)' testdata/shapes/events.jsonl; trailq 'fields substr(eventName)' testdata/shapes/events.jsonl
! trailq: query error at 1:8: strlen takes 1 argument, got 2
!   fields strlen(eventName, 2)
!          ^^^^^^^^^^^^^^^^^^^^
! trailq: query error at 1:8: substr takes 2 to 3 arguments, got 1
!   fields substr(eventName)
!          ^^^^^^^^^^^^^^^^^
? 2

### unterminated string (double and single quotes)
# checked: the opening quote is at column 20
$ trailq 'filter eventName = "GetUser' testdata/shapes/events.jsonl; trailq "filter eventName = 'GetUser" testdata/shapes/events.jsonl
! trailq: query error at 1:20: unterminated string
!   filter eventName = "GetUser
!                      ^
! trailq: query error at 1:20: unterminated string
!   filter eventName = 'GetUser
!                      ^
? 2

### unterminated regex (an escaped slash does not close it)
# checked: the opening slash is at column 23
$ trailq 'filter eventName like /Get(User' testdata/shapes/events.jsonl; trailq 'filter eventName like /ab\/' testdata/shapes/events.jsonl
! trailq: query error at 1:23: unterminated regex
!   filter eventName like /Get(User
!                         ^
! trailq: query error at 1:23: unterminated regex
!   filter eventName like /ab\/
!                         ^
? 2

### bad regex: PCRE2's message, the caret at PCRE2's error offset inside the regex
# checked: PCRE2 10.42 (pcre2_compile in a small C program) reports "numbers out of order in {} quantifier"
# at offset 5 of a{2,1}; the body starts at column 22, so column 27 (the "}")
$ trailq 'filter eventName =~ /a{2,1}/' testdata/shapes/events.jsonl
! trailq: query error at 1:27: invalid regex: numbers out of order in {} quantifier
!   filter eventName =~ /a{2,1}/
!                             ^
? 2

### ... another offset: a duplicate group name
# checked: PCRE2 reports offset 12 of (?<n>a)(?<n>b) ("two named subpatterns have the same name (PCRE2_DUPNAMES not set)");
# the body starts at column 24, so column 36
$ trailq 'filter eventName like /(?<n>a)(?<n>b)/' testdata/shapes/events.jsonl
! trailq: query error at 1:36: invalid regex: two named subpatterns have the same name (PCRE2_DUPNAMES not set)
!   filter eventName like /(?<n>a)(?<n>b)/
!                                      ^
? 2

### ... an error at the very end of the pattern underlines the whole regex
# checked: PCRE2 reports "missing closing parenthesis" at offset 3 of a(b = its end; the regex spans columns 23-27
$ trailq 'filter eventName like /a(b/' testdata/shapes/events.jsonl
! trailq: query error at 1:23: invalid regex: missing closing parenthesis
!   filter eventName like /a(b/
!                         ^^^^^
? 2

### dangling operator: the caret is just after the query's end
# checked: the queries are 26 and 17 characters long: columns 27 and 18
$ trailq 'filter eventName = "a" and' testdata/shapes/events.jsonl; trailq 'fields readOnly +' testdata/shapes/events.jsonl
! trailq: query error at 1:27: expected an expression after 'and'
!   filter eventName = "a" and
!                             ^
! trailq: query error at 1:18: expected an expression after '+'
!   fields readOnly +
!                    ^
? 2

### unbalanced parentheses: a missing ')' and an extra one
# checked: end of a 23-character query is column 24, the '(' at column 8; the extra ')' at column 23
$ trailq 'filter (eventName = "a"' testdata/shapes/events.jsonl; trailq 'filter eventName = "a")' testdata/shapes/events.jsonl
! trailq: query error at 1:24: expected ')' to close '(' at 1:8
!   filter (eventName = "a"
!                          ^
! trailq: query error at 1:23: unbalanced ')'
!   filter eventName = "a")
!                         ^
? 2

### an aggregate outside stats
# checked: "count" at column 8 in both
$ trailq 'filter count(*) > 1' testdata/shapes/events.jsonl; trailq 'fields count(*) as n' testdata/shapes/events.jsonl
! trailq: query error at 1:8: count() can only be used in stats
!   filter count(*) > 1
!          ^^^^^
! trailq: query error at 1:8: count() can only be used in stats
!   fields count(*) as n
!          ^^^^^
? 2

### an aggregate after stats that names one of its columns: the error says how to write the column
# checked: "count(*)" starts at column 36; with backquotes the query sorts by the column
$ trailq 'stats count(*) by eventName | sort count(*) desc' testdata/shapes/events.jsonl; trailq -o tsv 'stats count(*) by eventName | sort `count(*)` desc | limit 1' testdata/shapes/events.jsonl
> eventName	count(*)
> DescribeDBInstances	3
! trailq: query error at 1:36: count() can only be used in stats; for the column the stats before made, write `count(*)`
!   stats count(*) by eventName | sort count(*) desc
!                                      ^^^^^^^^

### a field defined twice
# checked: the second "e" is at column 39, the first at column 21
$ trailq 'fields eventName as e, eventSource as e' testdata/shapes/events.jsonl
! trailq: query error at 1:39: field 'e' is already defined (at 1:21)
!   fields eventName as e, eventSource as e
!                                         ^
? 2

### ... also inside one stats
# checked: the second "n" is at column 32
$ trailq 'stats count(*) as n, sum(1) as n' testdata/shapes/events.jsonl
! trailq: query error at 1:32: field 'n' is already defined in this stats
!   stats count(*) as n, sum(1) as n
!                                  ^
? 2

### too many stats (at most two)
# checked: the third "stats" starts at column 63 (32 + 3 + 24 + 3 + 1)
$ trailq 'stats count(*) as n by eventName | stats count(*) as m by n | stats count(*) as k by m' testdata/shapes/events.jsonl
! trailq: query error at 1:63: a query can have at most two stats commands
!   stats count(*) as n by eventName | stats count(*) as m by n | stats count(*) as k by m
!                                                                 ^^^^^
? 2

### sort (or limit) before a second stats
# checked: "sort" and "limit" start at column 36 (docs/language.md#order-rules-between-commands: sort/limit must come after the second stats)
$ trailq 'stats count(*) as n by eventName | sort n | stats count(*) as m by n' testdata/shapes/events.jsonl; trailq 'stats count(*) as n by eventName | limit 1 | stats count(*) as m by n' testdata/shapes/events.jsonl
! trailq: query error at 1:36: sort must come after the second stats
!   stats count(*) as n by eventName | sort n | stats count(*) as m by n
!                                      ^^^^
! trailq: query error at 1:36: limit must come after the second stats
!   stats count(*) as n by eventName | limit 1 | stats count(*) as m by n
!                                      ^^^^^
? 2

### after dedup only limit may follow
# checked: "sort" and "fields" start at column 19 (docs/language.md#order-rules-between-commands)
$ trailq 'dedup eventName | sort eventName' testdata/shapes/events.jsonl; trailq 'dedup eventName | fields eventName' testdata/shapes/events.jsonl
! trailq: query error at 1:19: only limit may follow dedup
!   dedup eventName | sort eventName
!                     ^^^^
! trailq: query error at 1:19: only limit may follow dedup
!   dedup eventName | fields eventName
!                     ^^^^^^
? 2

### ... and dedup followed by limit is fine
# checked: two distinct eventNames among the five events (jq -r .eventName | sort -u)
$ trailq 'dedup eventName | limit 5' testdata/shapes/events.jsonl | wc -l
> 3

### a multi-line query from -f with the error on line 3: line:column of that line, that line shown
# checked: the third line is "| stats counnt(*) by eventName"; "counnt" starts at its column 9
$ printf '# top calls\nfilter eventName like "DB"\n| stats counnt(*) by eventName\n| sort eventName\n' > "$TMPDIR/query3.txt"; trailq -f "$TMPDIR/query3.txt" testdata/shapes/events.jsonl
! trailq: query error at 3:9: unknown function 'counnt' (did you mean count?)
!   | stats counnt(*) by eventName
!           ^^^^^^
? 2

### ... the same file, corrected, runs
# checked: 3 DescribeDBInstances and 2 DescribeDBSnapshots (jq -r .eventName | sort | uniq -c)
$ printf '# top calls\nfilter eventName like "DB"\n| stats count(*) by eventName\n| sort eventName\n' > "$TMPDIR/query3ok.txt"; trailq -f "$TMPDIR/query3ok.txt" testdata/shapes/events.jsonl
> eventName	count(*)
> DescribeDBInstances	3
> DescribeDBSnapshots	2

### a query file that does not exist
# checked: trailq(1), EXIT STATUS (2: the command line is wrong)
$ trailq -f /nonexistent/query.txt testdata/shapes/events.jsonl; echo $?
> 2
! trailq: /nonexistent/query.txt: No such file or directory

### an empty query
# checked: by hand
$ trailq '' testdata/shapes/events.jsonl
! trailq: query error at 1:1: empty query
!   
!   ^
? 2
