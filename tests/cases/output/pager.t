# The pager (trailq(1), --no-pager, ENVIRONMENT): a table taller than the
# terminal goes through $TRAILQ_PAGER, else $PAGER, else less -SRFX. The
# cases use a sed that marks each line it shows, on a terminal of 5 rows
# (the table of testdata/hand/dst.jsonl is 6 lines: header, rule, 4 rows).
# stderr (the status line) is dropped.

### a table taller than the terminal goes through $TRAILQ_PAGER
$ script -qec "exec 2>/dev/null; stty rows 5; TRAILQ_PAGER='sed s/^/P:/' trailq 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r'
> P:eventName
> P:-------------------
> P:BeforeSpringForward
> P:AfterSpringForward
> P:FirstOneThirty
> P:SecondOneThirty

### else through $PAGER
$ script -qec "exec 2>/dev/null; stty rows 5; PAGER='sed s/^/Q:/' trailq 'fields eventName | sort @timestamp asc | limit 4' testdata/hand/dst.jsonl" /dev/null | tr -d '\r'
> Q:eventName
> Q:-------------------
> Q:BeforeSpringForward
> Q:AfterSpringForward
> Q:FirstOneThirty
> Q:SecondOneThirty

### a pager command with shell syntax runs through sh
$ script -qec "exec 2>/dev/null; stty rows 5; TRAILQ_PAGER='sed \"s/^/S:/\" | head -n 2' trailq 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r'
> S:eventName
> S:-------------------

### --no-pager: straight to the terminal
$ script -qec "exec 2>/dev/null; stty rows 5; TRAILQ_PAGER='sed s/^/P:/' trailq --no-pager 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r'
> eventName
> -------------------
> BeforeSpringForward
> AfterSpringForward
> FirstOneThirty
> SecondOneThirty

### an empty TRAILQ_PAGER means no pager
$ script -qec "exec 2>/dev/null; stty rows 5; TRAILQ_PAGER= PAGER='sed s/^/Q:/' trailq 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | head -n 1
> eventName

### a table that fits is not paged
$ script -qec "exec 2>/dev/null; stty rows 10; TRAILQ_PAGER='sed s/^/P:/' trailq 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | head -n 1
> eventName

### only tables are paged: tsv to a terminal is not
$ script -qec "exec 2>/dev/null; stty rows 5; TRAILQ_PAGER='sed s/^/P:/' trailq -o tsv 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | head -n 1
> eventName

### into a pipe nothing is paged
$ TRAILQ_PAGER='sed s/^/P:/' trailq -o table 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl | head -n 1
> eventName

### a pager that cannot be started: a warning, and the table on the terminal
$ script -qec "stty rows 5; TRAILQ_PAGER=no-such-pager-x trailq 'fields eventName | sort @timestamp asc' testdata/hand/dst.jsonl" /dev/null | tr -d '\r' | head -n 3
> trailq: warning: cannot start the pager 'no-such-pager-x': No such file or directory (set TRAILQ_PAGER, or use --no-pager)
> eventName
> -------------------
