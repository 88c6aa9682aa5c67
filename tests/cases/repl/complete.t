# Tab in the interactive mode (tests/tools/tty.py: see editing.t). Each
# case types, presses Tab, and waits for the line it expects before the
# cursor; where Tab must change nothing, a marker letter typed after it
# shows the line as Tab left it. Field names are those of testdata/AWSLogs
# (trailq --fields; e.g. additionalEventData.x-amz-id-2 is the only field
# under additionalEventData starting with x: jq '[.Records[].additionalEventData
# // {} | keys[]] | unique' on its files).
~ command -v tmux >/dev/null

### inside a string or a regex, Tab changes nothing ("As" stays, it is not the keyword as)
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type filter eventName = "As
< prompt trailq> filter eventName = "As
< key Tab
< type Z
< prompt trailq> filter eventName = "AsZ
< key C-c
< prompt trailq> 
< type filter @message like /Acc
< prompt trailq> filter @message like /Acc
< key Tab
< type Z
< prompt trailq> filter @message like /AccZ
< key C-c
< prompt trailq> 
< type filter x = 1 # a comment about st
< prompt trailq> filter x = 1 # a comment about st
< key Tab
< type Z
< prompt trailq> filter x = 1 # a comment about stZ
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName = "AsZ^C
> trailq> filter @message like /AccZ^C
> trailq> filter x = 1 # a comment about stZ

### a command, at the start or after "|", and a space after it
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type stat
< prompt trailq> stat
< key Tab
< prompt trailq> stats 
< type count(*) as n | so
< prompt trailq> stats count(*) as n | so
< key Tab
< prompt trailq> stats count(*) as n | sort 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n | sort

### on the continuation line, the query's earlier lines give the context
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type filter eventName = "GetUser" |
< key Enter
< prompt    ...> 
< type sta
< prompt    ...> sta
< key Tab
< prompt    ...> stats 
< type count(*) as n b
< prompt    ...> stats count(*) as n b
< key Tab
< prompt    ...> stats count(*) as n by 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName = "GetUser" |
>    ...> stats count(*) as n by

### field names where a field goes, exactly or else ignoring case; quoted when they must be
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type filter eventN
< prompt trailq> filter eventN
< key Tab
< prompt trailq> filter eventName
< key C-c
< prompt trailq> 
< type filter eventn
< prompt trailq> filter eventn
< key Tab
< prompt trailq> filter eventName
< key C-c
< prompt trailq> 
< type filter ispresent(additionalEventData.x
< prompt trailq> filter ispresent(additionalEventData.x
< key Tab
< prompt trailq> filter ispresent(additionalEventData.`x-amz-id-2`
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName^C
> trailq> filter eventName^C
> trailq> filter ispresent(additionalEventData.`x-amz-id-2`

### system field names complete from index/sysfield.h's table
# (@ingestionTime is the only name starting with @i, @logStream the only one
# with @logS: CloudTrail fields have no '@', trailq --fields testdata/AWSLogs)
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type fields @i
< prompt trailq> fields @i
< key Tab
< prompt trailq> fields @ingestionTime
< key C-c
< prompt trailq> 
< type fields @logS
< prompt trailq> fields @logS
< key Tab
< prompt trailq> fields @logStream
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> fields @ingestionTime^C
> trailq> fields @logStream

### functions in expressions, aggregates in stats, keywords after a value
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type fields tolow
< prompt trailq> fields tolow
< key Tab
< prompt trailq> fields tolower(
< type eventName) a
< prompt trailq> fields tolower(eventName) a
< key Tab
< prompt trailq> fields tolower(eventName) as 
< key C-c
< prompt trailq> 
< type stats sum_o
< prompt trailq> stats sum_o
< key Tab
< prompt trailq> stats sum_over_time(
< key C-c
< prompt trailq> 
< type stats count(*) by da
< prompt trailq> stats count(*) by da
< key Tab
< prompt trailq> stats count(*) by date
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> fields tolower(eventName) as ^C
> trailq> stats sum_over_time(^C
> trailq> stats count(*) by date

### no completion where a new name goes (after as), nor in limit
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type stats count(*) as event
< prompt trailq> stats count(*) as event
< key Tab
< type Z
< prompt trailq> stats count(*) as eventZ
< key C-c
< prompt trailq> 
< type fields eventName | limit s
< prompt trailq> fields eventName | limit s
< key Tab
< type Z
< prompt trailq> fields eventName | limit sZ
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as eventZ^C
> trailq> fields eventName | limit sZ

### Tab twice lists what may come: the keywords after a value in filter
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type filter eventName 
< prompt trailq> filter eventName 
< key Tab
< key Tab
< wait like
< prompt trailq> filter eventName 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> filter eventName
> and   in    like  not   or
> trailq> filter eventName

### dot-commands and their arguments
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type .fo
< prompt trailq> .fo
< key Tab
< prompt trailq> .format 
< type t
< key Tab
< key Tab
< wait tsv
< prompt trailq> .format t
< type s
< key Tab
< prompt trailq> .format tsv
< key Enter
< prompt trailq> 
< type .format
< key Enter
< wait format: tsv
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .format t
> table  tsv
> trailq> .format tsv
> trailq> .format
> format: tsv
> trailq>

### .help completes to names it accepts: no "(" after a function
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type .help isIp
< prompt trailq> .help isIp
< key Tab
< key Tab
< wait isIpv6InSubnet
< prompt trailq> .help isIp
< type I
< key Tab
< prompt trailq> .help isIpInSubnet
< key Enter
< wait isIpInSubnet(
< prompt trailq> 
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .help isIp
> isIpInSubnet    isIpv4InSubnet  isIpv6InSubnet
> trailq> .help isIpInSubnet
> isIpInSubnet(ip, cidr)
>   True if the IPv4 or IPv6 address lies in the CIDR block
> trailq>

### .output completes file names, a directory with "/"
$ d=$(mktemp -d) && cd $d && mkdir -p outdir/results.d && python3 $OLDPWD/tests/tools/tty.py -- trailq $OLDPWD/testdata/AWSLogs
< prompt trailq> 
< type .output out
< prompt trailq> .output out
< key Tab
< prompt trailq> .output outdir/
< key Tab
< prompt trailq> .output outdir/results.d/
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .output outdir/results.d/

### .start and .end complete none and now
$ python3 tests/tools/tty.py -- trailq testdata/AWSLogs
< prompt trailq> 
< type .sta
< key Tab
< prompt trailq> .start 
< type non
< key Tab
< prompt trailq> .start none
< key Enter
< wait start: none
< prompt trailq> 
< type .end no
< key Tab
< key Tab
< wait now
< prompt trailq> .end no
< screen
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> .start none
> start: none
> trailq> .end no
> none  now
> trailq> .end no
