# --explain, --help, --version, bad options, the exit statuses 0/1/2/3 of
# trailq(1), and a closed pipe.

### --explain prints the SQL and SQLite's plan, and exits 0 (matched loosely: the two section headers)
# checked: trailq(1); the exact SQL is trailq's business
$ trailq --explain 'filter eventName = "GetUser" | stats count(*) as n by userIdentity.arn' testdata/AWSLogs > "$TMPDIR/explain.txt"; echo "status $?"; grep -c -e '^-- SQL$' -e '^-- plan$' "$TMPDIR/explain.txt"
> status 0
> 2

### --explain shows SQL with the user's literal quoted, not pasted
# checked: by hand: the string literal appears as an SQL string ('GetUser'), and a quote inside a literal is doubled
$ trailq --explain "filter eventName = \"Get'User\" | stats count(*) as n" testdata/shapes/events.jsonl | grep -c "'Get''User'"
> 1

### --explain with a bad query is a query error
# checked: trailq(1) (exit 2, caret)
$ trailq --explain 'bogus' testdata/shapes/events.jsonl
! trailq: query error at 1:1: unknown command 'bogus'
!   bogus
!   ^^^^^
? 2

### --help and -h print the usage and exit 0
# checked: trailq(1), OPTIONS
$ trailq --help > "$TMPDIR/help.txt"; echo "status $?"; head -1 "$TMPDIR/help.txt"; trailq -h > "$TMPDIR/h.txt"; echo "status $?"; grep -c -e '--start TIME' -e '--explain' -e '--db FILE' "$TMPDIR/h.txt"
> status 0
> usage: trailq [OPTIONS] QUERY [PATH ...]
> status 0
> 3

### --version and -V print the version and exit 0
# checked: trailq(1) (the text after the name depends on the libraries, so only its start is matched)
$ trailq --version > "$TMPDIR/version.txt"; echo "status $?"; grep -c '^trailq [0-9][0-9.]* ' "$TMPDIR/version.txt"; trailq -V > "$TMPDIR/v.txt"; echo "status $?"; grep -c '^trailq [0-9]' "$TMPDIR/v.txt"
> status 0
> 1
> status 0
> 1

### an unknown long option: status 2, the message and a hint
# checked: trailq(1), EXIT STATUS (2: the command line is wrong)
$ trailq --bogus 'stats count(*)' testdata/shapes/events.jsonl
! trailq: unknown option '--bogus'
! Try 'trailq --help' for more information.
? 2

### an unknown short option
# checked: as above
$ trailq -z 'stats count(*)' testdata/shapes/events.jsonl
! trailq: unknown option '-z'
! Try 'trailq --help' for more information.
? 2

### an unknown output format
# checked: as above; the formats are those of trailq(1)
$ trailq -o xml 'stats count(*)' testdata/shapes/events.jsonl
! trailq: invalid value 'xml' for --output (expected one of: table tsv csv json jsonl raw)
! Try 'trailq --help' for more information.
? 2

### an unknown input type
# checked: the types of trailq(1) INPUTS and auto
$ trailq -t syslog 'stats count(*)' testdata/shapes/events.jsonl
! trailq: invalid value 'syslog' for --type (expected one of: auto cloudtrail cwlogs export jsonl lambda vpcflow text)
! Try 'trailq --help' for more information.
? 2

### no query at all, stdin not a terminal
# checked: trailq(1): without QUERY the REPL needs a terminal
$ trailq
! trailq: no query given (and standard input is not a terminal for the interactive mode)
! Try 'trailq --help' for more information.
? 2

### status 0: every input read; zero result rows is success too
# checked: trailq(1), EXIT STATUS
$ trailq 'filter eventName = "NoSuchCall" | fields eventName' testdata/AWSLogs
> eventName

### status 1: an input cannot be read, the query still runs over the rest (2900 events), with a summary line
# checked: trailq(1); 55 files + 1 missing path = 56 inputs
$ trailq 'stats count(*) as n' testdata/AWSLogs /nonexistent/trail.json.gz
> n
> 2900
! trailq: /nonexistent/trail.json.gz: No such file or directory
! trailq: 1 of 56 inputs could not be read
? 1

### status 3: no input can be read at all
# checked: trailq(1), EXIT STATUS (3: nothing could be done); nothing is printed on stdout
$ trailq 'stats count(*) as n' /nonexistent/a.json testdata/bad/junk.bin
! trailq: /nonexistent/a.json: No such file or directory
! trailq: testdata/bad/junk.bin: cannot tell what kind of log this is (use -t TYPE to say)
! trailq: no readable input
? 3

### a closed pipe ends quietly with status 0 (2900 events of @message, several MB, cut after the header)
# checked: trailq(1), EXIT STATUS; PIPESTATUS[0] is trailq's status, stderr must stay empty
$ for o in tsv table csv json jsonl; do trailq -o $o 'fields @message' testdata/AWSLogs | head -c 10 >/dev/null; echo "$o ${PIPESTATUS[0]}"; done
> tsv 0
> table 0
> csv 0
> json 0
> jsonl 0

### ... also under set -o pipefail, with head -1
# checked: as above
$ set -o pipefail; trailq 'fields @timestamp, @message' testdata/AWSLogs | head -1; echo "status $?"
> @timestamp	@message
> status 0

### the temporary index lives in TMPDIR, is already unlinked while trailq runs, and nothing is left after SIGTERM
~ [ -d "$SHARED/data" ]
# checked: issue 2 §4 (deleted on exit, also on SIGINT/SIGTERM); /proc/PID/fd shows the open file as "(deleted)";
# the loop waits up to 10 s for trailq to open it
$ T="$TMPDIR/tempindex"; rm -rf "$T"; mkdir -p "$T"; TMPDIR="$T" trailq 'fields @message | sort eventID' $SHARED/data/cloudtrail/suzaku-sample-data_SANS-504-S3-ransomware-lab > /dev/null & pid=$!; seen=no; for i in $(seq 1 200); do if ls -l /proc/$pid/fd 2>/dev/null | grep -q "$T/.*(deleted)"; then seen=yes; break; fi; sleep 0.05; done; kill -TERM $pid; wait $pid; echo "seen $seen, left $(ls -A "$T" | wc -l)"
> seen yes, left 0

### ... the same without the larger corpus: standard input held open, so trailq is still loading when killed
# checked: as above; 30 copies of the Invictus trail (about 110 MB of JSON) are written into a FIFO
#   that stays open, so trailq cannot finish before the TERM; the loop waits up to 20 s
$ T="$TMPDIR/tempindex3"; rm -rf "$T"; mkdir -p "$T"; mkfifo "$TMPDIR/tq.fifo"; TMPDIR="$T" trailq 'fields @message | sort eventID' - < "$TMPDIR/tq.fifo" > /dev/null & pid=$!; exec 3> "$TMPDIR/tq.fifo"; \
$ (for i in $(seq 1 30); do cat testdata/AWSLogs/*/CloudTrail/*/*/*/*/*.json.gz; done >&3 2>/dev/null) & wpid=$!; \
$ seen=no; for i in $(seq 1 400); do if ls -l /proc/$pid/fd 2>/dev/null | grep -q "$T/.*(deleted)"; then seen=yes; break; fi; sleep 0.05; done; kill -TERM $pid; wait $pid; exec 3>&-; wait $wpid; rm -f "$TMPDIR/tq.fifo"; echo "seen $seen, left $(ls -A "$T" | wc -l)"
> seen yes, left 0

### ... and nothing is left after a normal run
# checked: as above
$ T="$TMPDIR/tempindex2"; rm -rf "$T"; mkdir -p "$T"; TMPDIR="$T" trailq 'stats count(*) as n' testdata/AWSLogs; ls -A "$T" | wc -l
> n
> 2900
> 0
