# The dot-commands of the interactive mode (tests/tools/tty.py: see
# editing.t). Counts over testdata/AWSLogs checked with jq: 2900 events,
# 130 GetUser; by eventTime, 798 before 2023-07-10T12:00:00Z and 2102 at or
# after it (jq -r '.Records[].eventTime' | awk '$0 >= "2023-07-10T12"').
~ command -v tmux >/dev/null

### alone, a dot-command with a setting shows it; .explain alone says how to use it
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type .format
< key Enter
< wait format:
< prompt trailq> 
< type .output
< key Enter
< wait output:
< prompt trailq> 
< type .start
< key Enter
< wait start:
< prompt trailq> 
< type .end
< key Enter
< wait end:
< prompt trailq> 
< type .explain
< key Enter
< wait usage
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .format
> format: table
> trailq> .output
> output: the terminal
> trailq> .start
> start: none
> trailq> .end
> end: none
> trailq> .explain
> usage: .explain QUERY (or alone, after a query: explain that query)
> trailq>

### mistakes: a mistyped dot-command, an argument where none goes, an unknown format or name
# checked: cuont is count with two neighbours swapped (one edit); zzzz is near no name
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type .fromat tsv
< key Enter
< wait unknown
< prompt trailq> 
< type .fields all
< key Enter
< wait argument
< prompt trailq> 
< type .format xml
< key Enter
< wait unknown format
< prompt trailq> 
< type .nothing
< key Enter
< wait lists them
< prompt trailq> 
< type .help .output
< key Enter
< wait back
< prompt trailq> 
< type .help cuont
< key Enter
< wait did you mean
< prompt trailq> 
< type .help zzzz
< key Enter
< wait zzzz'
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .fromat tsv
> unknown command '.fromat' (did you mean .format?)
> trailq> .fields all
> .fields takes no argument
> trailq> .format xml
> unknown format 'xml' (table tsv csv json jsonl raw)
> trailq> .nothing
> unknown command '.nothing' (.help lists them)
> trailq> .help .output
> .output [FILE|-]
>   show where results go, send them to FILE, or back (-)
> trailq> .help cuont
> no command or function named 'cuont' (did you mean count?)
> trailq> .help zzzz
> no command or function named 'zzzz'
> trailq>

### .output FILE sends the results there, .output - back to the terminal
$ d=$(mktemp -d) && cd $d && python3 $OLDPWD/tests/tools/tty.py -- trailq $OLDPWD/testdata/AWSLogs && echo '--- results.tsv' && cat results.tsv
< prompt trailq> 
< type .output results.tsv
< key Enter
< prompt trailq> 
< type .format tsv
< key Enter
< prompt trailq> 
< type filter eventName = "GetUser" | stats count(*) as n
< key Enter
< prompt trailq> 
< type .output
< key Enter
< wait output: results.tsv
< prompt trailq> 
< type .output -
< key Enter
< prompt trailq> 
< type stats count(*) as all
< key Enter
< wait 2900
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .output results.tsv
> trailq> .format tsv
> trailq> filter eventName = "GetUser" | stats count(*) as n
> 1 row (2,900 events scanned)
> trailq> .output
> output: results.tsv
> trailq> .output -
> trailq> stats count(*) as all
> all
> 2900
> 1 row (2,900 events scanned)
> trailq>
> --- results.tsv
> n
> 130

### .explain alone explains the last query; into an .output file too
$ d=$(mktemp -d) && cd $d && python3 $OLDPWD/tests/tools/tty.py -- trailq $OLDPWD/testdata/AWSLogs >/dev/null && sed -n 1p plan.txt && grep -cx -- '-- plan' plan.txt
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 2900
< prompt trailq> 
< type .output plan.txt
< key Enter
< prompt trailq> 
< type .explain
< key Enter
< prompt trailq> 
< type .output -
< key Enter
< prompt trailq> 
> -- SQL
> 1

### .start and .end set the time window of the queries after them
$ python3 tests/tools/tty.py -s 100x30 -- trailq testdata/AWSLogs
< prompt trailq> 
< type .start 2023-07-10T12:00:00Z
< key Enter
< wait start:
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 2102
< prompt trailq> 
< type .start none
< key Enter
< wait start: none
< prompt trailq> 
< type .end 2023-07-10T12:00:00Z
< key Enter
< wait end:
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 798
< prompt trailq> 
< type .start 2023-07-10T13:00:00Z
< key Enter
< wait before
< prompt trailq> 
< type .end tomorrow
< key Enter
< wait invalid
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .start 2023-07-10T12:00:00Z
> start: 2023-07-10 12:00:00.000
> trailq> stats count(*) as n
>    n
> ----
> 2102
> 1 row (2,102 events scanned)
> trailq> .start none
> start: none
> trailq> .end 2023-07-10T12:00:00Z
> end: 2023-07-10 12:00:00.000
> trailq> stats count(*) as n
>   n
> ---
> 798
> 1 row (798 events scanned)
> trailq> .start 2023-07-10T13:00:00Z
> trailq: the start must be before the end (.start and .end show them)
> trailq> .end tomorrow
> trailq: invalid time 'tomorrow' (use ISO-8601, epoch seconds or ms, now, -15m, or none)
> trailq>

### --start without --db read only the events after it: a wider .start says so
# checked: 2102 events at or after 12:00 (see above)
$ python3 tests/tools/tty.py -s 120x24 -- trailq --start 2023-07-10T12:00:00Z testdata/AWSLogs
< prompt trailq> 
< type .start
< key Enter
< wait start:
< prompt trailq> 
< type .start 2023-07-10T11:00:00Z
< key Enter
< wait not read
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 2102
< prompt trailq> 
< screen
> trailq: 2102 events loaded. Type .help for help, .quit to leave.
> trailq> .start
> start: 2023-07-10 12:00:00.000
> trailq> .start 2023-07-10T11:00:00Z
> start: 2023-07-10 11:00:00.000
> trailq: note: events before 2023-07-10 12:00:00.000 were not read (--start without --db): the window cannot show them
> trailq> stats count(*) as n
>    n
> ----
> 2102
> 1 row (2,102 events scanned)
> trailq>

### a mistyped field or command in the interactive mode: the same warning and suggestion
# checked: 130 GetUser events (jq); eventname is eventName in other case
$ python3 tests/tools/tty.py -s 100x24 -- trailq testdata/AWSLogs
< prompt trailq> 
< type filter eventname = "GetUser" | stats count(*) as n
< key Enter
< prompt trailq> 
< type filter eventName = "GetUser" | stast count(*) as n
< key Enter
< wait did you mean stats
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventname = "GetUser" | stats count(*) as n
> trailq: warning at 1:8: no event has the field 'eventname' (did you mean eventName?)
>   filter eventname = "GetUser" | stats count(*) as n
>          ^^^^^^^^^
> n
> -
> 0
> 1 row (2,900 events scanned)
> trailq> filter eventName = "GetUser" | stast count(*) as n
> trailq: query error at 1:32: unknown command 'stast' (did you mean stats?)
>   filter eventName = "GetUser" | stast count(*) as n
>                                  ^^^^^
> trailq>

### .output ~/FILE: the ~ is the home directory, as Tab completes it
# checked: 2900 events (jq); the file gets the table as the terminal would
$ d=$(mktemp -d) && mkdir $d/results && python3 tests/tools/tty.py -e HOME=$d -- trailq testdata/AWSLogs | sed "s|$d|HOME|" && echo '--- n.txt' && cat $d/results/n.txt
< prompt trailq> 
< type .output ~/res
< key Tab
< prompt trailq> .output ~/results/
< type n.txt
< key Enter
< prompt trailq> 
< type stats count(*) as n
< key Enter
< prompt trailq> 
< type .output
< key Enter
< wait output:
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .output ~/results/n.txt
> trailq> stats count(*) as n
> 1 row (2,900 events scanned)
> trailq> .output
> output: HOME/results/n.txt
> trailq>
> --- n.txt
>    n
> ----
> 2900
