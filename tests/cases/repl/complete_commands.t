# Tab in the commands of issue 12: each command's keywords where its
# grammar puts them (query/cmdsyntax.c; the parser's rules in
# query/parser.c), name=value options and their values, --lookup tables
# and their columns, subqueries. Driven as in complete.t (tests/tools/tty.py).
# The events are testdata/lang/lookup/events.jsonl (6 lines; fields
# action, department, src, time, userId: jq -s '[.[] | keys[]] | unique'),
# the tables users.csv (columns id, name, email, department) and nets.csv
# (cidr, region, owner): their header lines. Where Tab must offer nothing,
# the marker Z typed after it shows the line unchanged; each such word is
# also refused by the parser there (tests/unit/test_cmdsyntax.c).
~ command -v tmux >/dev/null

### sessionize: maxspan and as after the keys; a field after ','; nothing after as
$ python3 tests/tools/tty.py -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type sessionize userId 
< key Tab
< key Tab
< wait maxspan
< prompt trailq> sessionize userId 
< key BSpace
< type , s
< key Tab
< prompt trailq> sessionize userId, src
< type  o
< key Tab
< type Z
< prompt trailq> sessionize userId, src oZ
< key C-c
< prompt trailq> 
< type sessionize userId maxspan 30m 
< key Tab
< prompt trailq> sessionize userId maxspan 30m as 
< type s
< key Tab
< type Z
< prompt trailq> sessionize userId maxspan 30m as sZ
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> sessionize userId
> as       maxspan
> trailq> sessionize userId, src oZ^C
> trailq> sessionize userId maxspan 30m as sZ

### diff's ranges, logcompare's timeshift; nothing else after diff
$ python3 tests/tools/tty.py -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type diff 
< key Tab
< prompt trailq> diff previous
< key Tab
< key Tab
< wait previousWeek
< prompt trailq> diff previous
< key C-c
< prompt trailq> 
< type diff m
< key Tab
< type Z
< prompt trailq> diff mZ
< key C-c
< prompt trailq> 
< type logcompare 
< key Tab
< prompt trailq> logcompare timeshift 
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> diff previous
> previousDay    previousMonth  previousWeek
> trailq> diff previous^C
> trailq> diff mZ^C
> trailq> logcompare timeshift

### parse: logfmt or csv after the source (not as), as after a glob, as and multi after a regex
$ python3 tests/tools/tty.py -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type parse @message 
< key Tab
< key Tab
< wait logfmt
< prompt trailq> parse @message 
< type a
< key Tab
< type Z
< prompt trailq> parse @message aZ
< key C-c
< prompt trailq> 
< type parse @message lo
< key Tab
< prompt trailq> parse @message logfmt 
< key Tab
< prompt trailq> parse @message logfmt as 
< key C-c
< prompt trailq> 
< type parse @message "* *" 
< key Tab
< prompt trailq> parse @message "* *" as 
< key C-c
< prompt trailq> 
< type parse @message /(?<a>\w+)/ 
< key Tab
< key Tab
< wait multi
< prompt trailq> parse @message /(?<a>\w+)/ 
< type as a 
< key Tab
< prompt trailq> parse @message /(?<a>\w+)/ as a multi 
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> parse @message
> csv     logfmt
> trailq> parse @message aZ^C
> trailq> parse @message logfmt as ^C
> trailq> parse @message "* *" as ^C
> trailq> parse @message /(?<a>\w+)/
> as     multi
> trailq> parse @message /(?<a>\w+)/ as a multi

### stats: offset only after by, and after a key's name
$ python3 tests/tools/tty.py -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type stats count(*) o
< key Tab
< type Z
< prompt trailq> stats count(*) oZ
< key C-c
< prompt trailq> 
< type stats count(*) by bin(5m) 
< key Tab
< key Tab
< wait offset
< prompt trailq> stats count(*) by bin(5m) 
< type as t 
< key Tab
< prompt trailq> stats count(*) by bin(5m) as t offset 
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) oZ^C
> trailq> stats count(*) by bin(5m)
> as      offset
> trailq> stats count(*) by bin(5m) as t offset

### lookup and cidrlookup: the --lookup tables, their columns, OUTPUT and OUTPUTNEW
$ python3 tests/tools/tty.py -- trailq --lookup users=testdata/lang/lookup/users.csv --lookup nets=testdata/lang/lookup/nets.csv testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type lookup 
< key Tab
< key Tab
< wait users
< prompt trailq> lookup 
< type u
< key Tab
< prompt trailq> lookup users 
< key Tab
< key Tab
< wait department
< prompt trailq> lookup users 
< type id as u
< key Tab
< prompt trailq> lookup users id as userId
< type  
< key Tab
< prompt trailq> lookup users id as userId OUTPUT
< key Tab
< key Tab
< wait OUTPUTNEW
< prompt trailq> lookup users id as userId OUTPUT
< type  n
< key Tab
< prompt trailq> lookup users id as userId OUTPUT name
< key C-c
< prompt trailq> 
< type cidrlookup nets src 
< key Tab
< key Tab
< wait OUTPUTNEW
< prompt trailq> cidrlookup nets src 
< type as 
< key Tab
< key Tab
< wait region
< prompt trailq> cidrlookup nets src as 
< type c
< key Tab
< prompt trailq> cidrlookup nets src as cidr
< type  
< key Tab
< prompt trailq> cidrlookup nets src as cidr OUTPUT
< type  
< key Tab
< key Tab
< wait region
< prompt trailq> cidrlookup nets src as cidr OUTPUT 
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> lookup
> nets   users
> trailq> lookup users
> department  email       id          name
> trailq> lookup users id as userId OUTPUT
> OUTPUT     OUTPUTNEW
> trailq> lookup users id as userId OUTPUT name^C
> trailq> cidrlookup nets src
> OUTPUT     OUTPUTNEW  as
> trailq> cidrlookup nets src as
> cidr    owner   region
> trailq> cidrlookup nets src as cidr OUTPUT
> cidr    owner   region
> trailq> cidrlookup nets src as cidr OUTPUT

### name=value options and their values: outlier, join (where once left= and right= are given)
$ python3 tests/tools/tty.py -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type outlier m
< key Tab
< prompt trailq> outlier mark=
< key Tab
< key Tab
< wait false
< prompt trailq> outlier mark=
< type t
< key Tab
< prompt trailq> outlier mark=true 
< type action=
< prompt trailq> outlier mark=true action=
< key Tab
< key Tab
< wait transform
< prompt trailq> outlier mark=true action=
< type r
< key Tab
< prompt trailq> outlier mark=true action=remove 
< type s
< key Tab
< prompt trailq> outlier mark=true action=remove src
< key C-c
< prompt trailq> 
< type join w
< key Tab
< type Z
< prompt trailq> join wZ
< key C-c
< prompt trailq> 
< type join 
< key Tab
< key Tab
< wait right=
< prompt trailq> join 
< type left=a right=b 
< key Tab
< key Tab
< wait where
< prompt trailq> join left=a right=b 
< type ty
< key Tab
< prompt trailq> join left=a right=b type=
< key Tab
< key Tab
< wait inner
< prompt trailq> join left=a right=b type=
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> outlier mark=
> false  true
> trailq> outlier mark=true action=
> remove     transform
> trailq> outlier mark=true action=remove src^C
> trailq> join wZ^C
> trailq> join
> left=   right=  type=
> trailq> join left=a right=b
> type=  where
> trailq> join left=a right=b type=
> inner  left
> trailq> join left=a right=b type=

### join's keys: the names left= and right= gave, then their fields as side.field
$ python3 tests/tools/tty.py -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type join left=a right=b where 
< key Tab
< key Tab
< wait b.
< prompt trailq> join left=a right=b where 
< type a.us
< key Tab
< prompt trailq> join left=a right=b where a.userId
< type  = b
< key Tab
< prompt trailq> join left=a right=b where a.userId = b.
< type us
< key Tab
< prompt trailq> join left=a right=b where a.userId = b.userId
< type  
< key Tab
< prompt trailq> join left=a right=b where a.userId = b.userId and 
< type a.d
< key Tab
< prompt trailq> join left=a right=b where a.userId = b.userId and a.department
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> join left=a right=b where
> a.  b.
> trailq> join left=a right=b where a.userId = b.userId and a.department

### subqueries: commands and SOURCE inside, the outer command after ')'
$ python3 tests/tools/tty.py -s 150x24 -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type join left=a right=b where a.src = b.src 
< key Tab
< prompt trailq> join left=a right=b where a.src = b.src and 
< type a.userId = b.userId (SO
< key Tab
< key Tab
< wait SOURCE
< prompt trailq> join left=a right=b where a.src = b.src and a.userId = b.userId (SO
< type URCE "x" | stats count(*) by src, userId) 
< key Tab
< type Z
< prompt trailq> join left=a right=b where a.src = b.src and a.userId = b.userId (SOURCE "x" | stats count(*) by src, userId) Z
< key BSpace
< type | so
< key Tab
< prompt trailq> join left=a right=b where a.src = b.src and a.userId = b.userId (SOURCE "x" | stats count(*) by src, userId) | sort 
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> join left=a right=b where a.src = b.src and a.userId = b.userId (SO
> SOURCE  sort
> trailq> join left=a right=b where a.src = b.src and a.userId = b.userId (SOURCE "x" | stats count(*) by src, userId) | sort

### fillmissing, relevantfields, autoregress, addtotals, accum, filldown; nothing after expand's field
$ python3 tests/tools/tty.py -- trailq testdata/lang/lookup/events.jsonl
< prompt trailq> 
< type fillmissing 
< key Tab
< prompt trailq> fillmissing with 
< type 0 
< key Tab
< prompt trailq> fillmissing with 0 for 
< key C-c
< prompt trailq> 
< type relevantfields src 
< key Tab
< prompt trailq> relevantfields src where 
< key C-c
< prompt trailq> 
< type autoregress src 
< key Tab
< key Tab
< wait p=
< prompt trailq> autoregress src 
< type p
< key Tab
< prompt trailq> autoregress src p=
< key C-c
< prompt trailq> 
< type addtotals r
< key Tab
< prompt trailq> addtotals row=
< key Tab
< key Tab
< wait false
< prompt trailq> addtotals row=
< key C-c
< prompt trailq> 
< type accum src 
< key Tab
< prompt trailq> accum src as 
< key C-c
< prompt trailq> 
< type filldown src d
< key Tab
< prompt trailq> filldown src department
< key C-c
< prompt trailq> 
< type expand src a
< key Tab
< type Z
< prompt trailq> expand src aZ
< screen
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> fillmissing with 0 for ^C
> trailq> relevantfields src where ^C
> trailq> autoregress src
> as  p=
> trailq> autoregress src p=^C
> trailq> addtotals row=
> false  true
> trailq> addtotals row=^C
> trailq> accum src as ^C
> trailq> filldown src department^C
> trailq> expand src aZ
