# Operand mistakes (trailq(1), DESCRIPTION): the first operand is the query
# unless it names a file. A query after the paths, or a mistyped path where
# the query goes, is named as such before anything is read, with status 2.

### a query after a path: queries go before paths (standard input not a terminal)
$ trailq testdata/hand/dst.jsonl 'stats count(*)' </dev/null
! trailq: queries go before paths: 'stats count(*)' comes after testdata/hand/dst.jsonl (trailq 'QUERY' PATH...)
? 2

### the same on a terminal: no interactive mode, no "No such file"
$ script -qec "trailq testdata/hand/dst.jsonl 'stats count(*)'; echo status \$?" /dev/null | tr -d '\r'
> trailq: queries go before paths: 'stats count(*)' comes after testdata/hand/dst.jsonl (trailq 'QUERY' PATH...)
> status 2

### a second query after the paths
$ trailq 'stats count(*)' testdata/hand/dst.jsonl testdata/lang/one.jsonl 'limit 1'
! trailq: queries go before paths: 'limit 1' comes after testdata/lang/one.jsonl (trailq 'QUERY' PATH...)
? 2

### two queries in a row
$ trailq 'stats count(*)' 'limit 1' testdata/hand/dst.jsonl
! trailq: 'limit 1' is a second query: give one query, then paths
? 2

### a path that does not exist, in the query's place: no such file, not a regex error
$ trailq /nonexistent/path </dev/null
! trailq: no such file: /nonexistent/path
? 2

### relative paths and file names with a log extension are paths too
$ trailq ./missing.json </dev/null; echo status $?; trailq trail.json.gz </dev/null; echo status $?
> status 2
> status 2
! trailq: no such file: ./missing.json
! trailq: no such file: trail.json.gz

### a word that is neither a file nor a command is still a query error with a caret
$ trailq logs </dev/null
! trailq: query error at 1:1: unknown command 'logs'
!   logs
!   ^^^^
? 2

### a query that contains slashes is a query (it parses): it runs
# checked: grep -c BeforeSpring testdata/hand/dst.jsonl = 1
$ trailq -o tsv 'filter eventName like /Before/ | stats count(*) as n' testdata/hand/dst.jsonl
> n
> 1

### with -f the operands are paths, so a query among them is a mistake
$ echo 'stats count(*)' > $TMPDIR/q.txt; cd $TMPDIR && trailq -f q.txt $OLDPWD/testdata/hand/dst.jsonl 'limit 1'
! trailq: 'limit 1' is a query, but -f q.txt gives the query: the operands are paths
? 2

### --fields takes no query
$ trailq --fields testdata/hand/dst.jsonl 'limit 1'
! trailq: 'limit 1' is a query, but --fields takes none: the operands are paths
? 2

### an existing file after the query is read as before
$ trailq -o tsv 'stats count(*) as n' testdata/hand/dst.jsonl
> n
> 4
