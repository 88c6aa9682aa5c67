# The interactive mode needs a terminal: script(1) gives it one. TERM=dumb
# keeps readline from sending terminal control sequences. What the terminal
# echoes before trailq starts reading is dropped with sed.

### REPL: a query over two lines, .help on a function, an error, .format, .quit
# checked: counts against jq over testdata/AWSLogs (Decrypt 178, DescribeRouteTables 163,
# GetUser 130: zcat ... | jq -r '.Records[].eventName' | sort | uniq -c | sort -rn | head -3)
$ printf 'stats count(*) as n by eventName |\nsort n desc | limit 3\n.help count\nstats bogus(x)\n.format tsv\nfilter eventName = "GetUser" | stats count(*) as n\n.quit\n' | TERM=dumb COLUMNS=80 script -qec "trailq testdata/AWSLogs" /dev/null | tr -d '\r' | sed -n '/events loaded/,$p'
> trailq: 2900 events loaded. Type .help for help, .quit to leave.
> trailq> stats count(*) as n by eventName |
>    ...> sort n desc | limit 3
> eventName              n
> -------------------  ---
> Decrypt              178
> DescribeRouteTables  163
> GetUser              130
> trailq> .help count
> count(*) | count() | count(field)
>   Number of events, or of events where the field is present
> trailq> stats bogus(x)
> trailq: query error at 1:7: unknown function 'bogus'
>   stats bogus(x)
>         ^^^^^
> trailq> .format tsv
> trailq> filter eventName = "GetUser" | stats count(*) as n
> n
> 130
> trailq> .quit

### REPL: history is saved to TRAILQ_HISTORY, each entry after a timestamp line
$ printf 'stats count(*) as n\n.quit\n' | TERM=dumb TRAILQ_HISTORY=$TMPDIR/hist script -qec "trailq testdata/shapes/events.jsonl" /dev/null >/dev/null; sed 's/^#[0-9][0-9]*$/#TIME/' $TMPDIR/hist; rm $TMPDIR/hist
> #TIME
> stats count(*) as n
> #TIME
> .quit
