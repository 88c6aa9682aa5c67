# The history of the interactive mode (tests/tools/tty.py: see editing.t).
# A query is one history entry however many lines it has, in memory and in
# the file, which is readline's format with a "#<seconds>" line before
# each entry (shown here as #TIME). Counts over testdata/AWSLogs checked
# with jq: 130 GetUser events of 2900.
~ command -v tmux >/dev/null

### a query typed over two lines and a pasted one are one entry each, in the file
$ python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h1 -- trailq testdata/AWSLogs >/dev/null; \
$ sed 's/^#[0-9][0-9]*$/#TIME/' $TMPDIR/h1
< prompt trailq> 
< type filter eventName = "GetUser" |
< key Enter
< prompt    ...> 
< type stats count(*) as n
< key Enter
< wait 130
< prompt trailq> 
< paste fields eventName\n| filter eventName = "GetUser"\n\n| stats count(*) as m
< prompt | stats count(*) as m
< key Enter
< wait   m
< prompt trailq> 
< type .format
< key Enter
< wait format: table
< prompt trailq> 
< key C-d
< exit
> #TIME
> filter eventName = "GetUser" |
> stats count(*) as n
> #TIME
> fields eventName
> | filter eventName = "GetUser"
> | stats count(*) as m
> #TIME
> .format

### after a restart, Up recalls the multi-line query whole, and Enter runs all of it
$ printf '#1700000000\nfilter eventName = "GetUser" |\nstats count(*) as n\n#1700000001\n.format\n' > $TMPDIR/h2; \
$ python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h2 -- trailq testdata/AWSLogs
< prompt trailq> 
< key Up
< prompt trailq> .format
< key Up
< prompt stats count(*) as n
< key Enter
< wait 130
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName = "GetUser" |
> stats count(*) as n
>   n
> ---
> 130
> 1 row (2,900 events scanned)
> trailq>

### a history file of an older trailq (a line an entry) is read, then rewritten as entries
$ printf 'stats count(*) as n\nfilter eventName = "GetUser" | stats count(*) as n\n' > $TMPDIR/h3; \
$ python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h3 -- trailq testdata/AWSLogs; \
$ sed 's/^#[0-9][0-9]*$/#TIME/' $TMPDIR/h3
< prompt trailq> 
< key Up
< prompt trailq> filter eventName = "GetUser" | stats count(*) as n
< key Up
< prompt trailq> stats count(*) as n
< key Enter
< wait 2900
< prompt trailq> 
< key C-d
< exit
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n
>    n
> ----
> 2900
> 1 row (2,900 events scanned)
> trailq>
> #TIME
> stats count(*) as n
> #TIME
> filter eventName = "GetUser" | stats count(*) as n
> #TIME
> stats count(*) as n

### a comment line that would read as a timestamp is kept as the query's, with a space
$ python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h4 -- trailq testdata/AWSLogs >/dev/null; \
$ sed 's/^#[0-9][0-9]*$/#TIME/' $TMPDIR/h4
< prompt trailq> 
< paste #1 the GetUser calls\nfilter eventName = "GetUser" | stats count(*) as n
< prompt filter eventName = "GetUser" | stats count(*) as n
< key Enter
< wait 130
< prompt trailq> 
< key C-d
< exit
> #TIME
>  #1 the GetUser calls
> filter eventName = "GetUser" | stats count(*) as n

### without TRAILQ_HISTORY: $XDG_STATE_HOME/trailq/history, its directory made
$ mkdir $TMPDIR/h5; python3 tests/tools/tty.py -e HOME=$TMPDIR/h5 -e XDG_STATE_HOME=$TMPDIR/h5/state -- trailq testdata/AWSLogs >/dev/null; \
$ cd $TMPDIR/h5 && find . | LC_ALL=C sort && grep -v '^#' state/trailq/history
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 2900
< prompt trailq> 
< key C-d
< exit
> .
> ./state
> ./state/trailq
> ./state/trailq/history
> stats count(*) as n

### without XDG_STATE_HOME: ~/.local/state/trailq/history
$ mkdir $TMPDIR/h6; python3 tests/tools/tty.py -e HOME=$TMPDIR/h6 -- trailq testdata/AWSLogs >/dev/null; \
$ cd $TMPDIR/h6 && find . | LC_ALL=C sort
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 2900
< prompt trailq> 
< key C-d
< exit
> .
> ./.local
> ./.local/state
> ./.local/state/trailq
> ./.local/state/trailq/history

### an existing ~/.trailq_history is used where it is
$ mkdir $TMPDIR/h7; : > $TMPDIR/h7/.trailq_history; python3 tests/tools/tty.py -e HOME=$TMPDIR/h7 -e XDG_STATE_HOME=$TMPDIR/h7/state -- trailq testdata/AWSLogs >/dev/null; \
$ cd $TMPDIR/h7 && find . | LC_ALL=C sort && grep -v '^#' .trailq_history
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 2900
< prompt trailq> 
< key C-d
< exit
> .
> ./.trailq_history
> stats count(*) as n

### a history file that cannot be written gets one note, and the session goes on
$ : > $TMPDIR/h8; python3 tests/tools/tty.py -s 160x24 -e TRAILQ_HISTORY=$TMPDIR/h8/history -- trailq testdata/AWSLogs | sed "s|$TMPDIR|TMP|"
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 2900
< prompt trailq> 
< type filter eventName = "GetUser" | stats count(*) as n
< key Enter
< wait 130
< prompt trailq> 
< key Up
< key Up
< prompt trailq> stats count(*) as n
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n
> trailq: note: cannot save the history to TMP/h8/history: Not a directory; it is kept for this session only
>    n
> ----
> 2900
> 1 row (2,900 events scanned)
> trailq> filter eventName = "GetUser" | stats count(*) as n
>   n
> ---
> 130
> 1 row (2,900 events scanned)
> trailq> stats count(*) as n

### two sessions at once: each entry is added to the file as it is then, none is lost
# A second session starts and saves its query while the first is open;
# the first session's next entry goes after it. (testdata/shapes/events.jsonl
# holds 5 events: wc -l.)
$ python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h9 -- trailq testdata/AWSLogs >/dev/null; \
$ sed 's/^#[0-9][0-9]*$/#TIME/' $TMPDIR/h9
< prompt trailq> 
< type stats count(*) as first
< key Enter
< wait 2900
< prompt trailq> 
< sh printf 'prompt trailq> \ntype stats count(*) as second\nkey Enter\nwait 5\nprompt trailq> \nkey C-d\nexit\n' | python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h9 -- trailq testdata/shapes/events.jsonl
< type stats count(*) as third
< key Enter
< wait third
< prompt trailq> 
< key C-d
< exit
> #TIME
> stats count(*) as first
> #TIME
> stats count(*) as second
> #TIME
> stats count(*) as third

### the file keeps the last 1000 entries: the oldest goes when one is added
# The file holds 1000 two-line entries (fields n1 | limit 1, ...); after one
# more, awk counts 1000 timestamp lines, the first entry now being n2's.
$ awk 'BEGIN { for (i = 1; i <= 1000; i++) printf "#1700000000\nfields n%d |\nlimit 1\n", i }' > $TMPDIR/h10; \
$ python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h10 -- trailq testdata/shapes/events.jsonl >/dev/null; \
$ grep -c '^#[0-9]' $TMPDIR/h10; sed -n '2,3p' $TMPDIR/h10; tail -n 2 $TMPDIR/h10 | sed 's/^#[0-9][0-9]*$/#TIME/'
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 5
< prompt trailq> 
< key C-d
< exit
> 1000
> fields n2 |
> limit 1
> #TIME
> stats count(*) as n

### a writable history file in a directory that is not: written in place
# (as root every directory is writable: the case needs another user)
~ [ "$(id -u)" != 0 ]
$ mkdir $TMPDIR/h11 && printf '#1700000000\nfields old\n' > $TMPDIR/h11/history && chmod 555 $TMPDIR/h11; \
$ python3 tests/tools/tty.py -e TRAILQ_HISTORY=$TMPDIR/h11/history -- trailq testdata/shapes/events.jsonl; \
$ chmod 755 $TMPDIR/h11; sed 's/^#[0-9][0-9]*$/#TIME/' $TMPDIR/h11/history
< prompt trailq> 
< type stats count(*) as n
< key Enter
< wait 5
< prompt trailq> 
< key C-d
< exit
< screen
> trailq: 5 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n
> n
> -
> 5
> trailq>
> #TIME
> fields old
> #TIME
> stats count(*) as n
