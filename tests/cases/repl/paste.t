# Pasting into the interactive mode (tests/tools/tty.py: see editing.t).
# A query copied from the CloudWatch Logs Insights console has one command
# a line, each line after the first starting with "| ". Counts over
# testdata/AWSLogs checked with jq: 130 GetUser events of 2900.
~ command -v tmux >/dev/null

### a pasted multi-line query (bracketed paste) is one query, run on Enter
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< paste fields @timestamp, eventName\n| filter eventName = "GetUser"\n| stats count(*) as n
< prompt | stats count(*) as n
< key Enter
< wait 130
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> fields @timestamp, eventName
> | filter eventName = "GetUser"
> | stats count(*) as n
>   n
> ---
> 130
> 1 row (2,900 events scanned)
> trailq>

### without bracketed paste, lines already typed that start with "|" continue the query
# tmux sends the text as if typed, newlines as Enter: the first line ends
# in no "|", yet the lines after it are read as the same query.
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< rawpaste fields @timestamp, eventName\n  | filter eventName = "GetUser"\n| stats count(*) as n\n
< wait 130
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> fields @timestamp, eventName
>    ...>   | filter eventName = "GetUser"
>    ...> | stats count(*) as n
>   n
> ---
> 130
> 1 row (2,900 events scanned)
> trailq>

### a pasted line that does not start with "|" is a query of its own
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< rawpaste filter eventName = "GetUser" | stats count(*) as n\nstats count(*) as all\n
< wait 2900
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName = "GetUser" | stats count(*) as n
>   n
> ---
> 130
> 1 row (2,900 events scanned)
> trailq> stats count(*) as all
>  all
> ----
> 2900
> 1 row (2,900 events scanned)
> trailq>
