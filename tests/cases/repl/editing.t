# The interactive mode on a real terminal: tests/tools/tty.py runs trailq
# inside tmux (80x24 unless -s says otherwise), types what the "<" lines
# say, waits for each prompt to show before going on (never a fixed
# sleep), and prints the screen. Before a Ctrl-C the case waits for the
# text typed to show: the terminal sends SIGINT at once and drops input
# not yet read. Counts over testdata/AWSLogs were checked
# with jq: 2900 events, 130 of them GetUser (zcat -f $(find testdata/AWSLogs
# -type f) | jq -r '.Records[].eventName' | sort | uniq -c).
~ command -v tmux >/dev/null

### Ctrl-C at "...>" drops the half-typed query and gives a fresh prompt
# The next query is the one typed after it alone: 2900 events, not the
# GetUser-filtered count a kept first line would give.
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type filter eventName = "GetUser" |
< key Enter
< prompt    ...> 
< type stats count(*) as n by eventSourc
< prompt    ...> stats count(*) as n by eventSourc
< key C-c
< prompt trailq> 
< type stats count(*) as n
< key Enter
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName = "GetUser" |
>    ...> stats count(*) as n by eventSourc^C
> trailq> stats count(*) as n
>    n
> ----
> 2900
> 1 row (2,900 events scanned)
> trailq>

### Ctrl-C at "trailq>" drops the line typed so far
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type filter eventName = "GetUser" | stats count(*) as n
< key C-a
< wait filter
< key C-c
< prompt trailq> 
< type filter eventName = "GetUser" | stats count(*) as n
< key Enter
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName = "GetUser" | stats count(*) as n^C
> trailq> filter eventName = "GetUser" | stats count(*) as n
>   n
> ---
> 130
> 1 row (2,900 events scanned)
> trailq>

### Ctrl-D at "...>" drops the query and stays; at "trailq>" it leaves, with status 0
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type fields eventName |
< key Enter
< prompt    ...> 
< key C-d
< prompt trailq> 
< type filter eventName = "GetUser" | stats count(*) as n
< key Enter
< prompt trailq> 
< key C-d
< exit
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> fields eventName |
>    ...>
> trailq> filter eventName = "GetUser" | stats count(*) as n
>   n
> ---
> 130
> 1 row (2,900 events scanned)
> trailq>

### Ctrl-D on a line with text deletes, it does not leave
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type stats count(*) as nn
< key Left
< key C-d
< prompt trailq> stats count(*) as n
< key Enter
< prompt trailq> 
< type .quit
< key Enter
< exit
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n
>    n
> ----
> 2900
> 1 row (2,900 events scanned)
> trailq> .quit

### Ctrl-Z at a prompt suspends; after fg the line is shown again and editing goes on
# checked: testdata/shapes/events.jsonl holds 5 events (wc -l)
$ python3 tests/tools/tty.py -e PS1='$ ' -- bash --norc --noprofile
< prompt $ 
< type trailq testdata/shapes/events.jsonl
< key Enter
< prompt trailq> 
< type stats cou
< prompt trailq> stats cou
< key C-z
< wait Stopped
< prompt $ 
< type fg
< key Enter
< prompt trailq> stats cou
< type nt(*) as n
< key Enter
< wait -
< prompt trailq> 
< screen
> $ trailq testdata/shapes/events.jsonl
> trailq: 5 events loaded. Type .help for help, .quit to leave.
> trailq> stats cou
> [1]+  Stopped                 trailq testdata/shapes/events.jsonl
> $ fg
> trailq testdata/shapes/events.jsonl
> trailq> stats count(*) as n
> n
> -
> 5
> 1 row (5 events scanned)
> trailq>
