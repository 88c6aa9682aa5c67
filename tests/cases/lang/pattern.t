# pattern: clustering values into templates (docs/language.md#pattern,
# issue 12 item 1). Inputs: testdata/lang/app.log (eight log lines, by
# hand), the text and Lambda samples of testdata/, and the loghub samples
# and Lambda logs of the larger corpus ($SHARED/data). Exact expectations are worked out by
# hand from the rules in trailq(1); on the larger inputs the properties any
# clustering has are checked by testdata/lang/patcheck.py, which shares no
# code with trailq: counts add up, @ratio = count/total, every value
# matches a pattern (each placeholder read as a wildcard), no pattern
# claims more values than match it.

### app.log: the eight lines give five patterns
# checked: by hand. Rows come newest first: the carl line (method=GET is
# split after "=", so 11 tokens), [WARN], [INFO] (10 tokens) and [ERROR]
# each start a pattern ([ERROR] vs [WARN]: 0 of 3 words agree); the four
# "user=..., method:..." lines (10 tokens, their third token "user=" is a
# word where [INFO] has "[") share one: the dates and times are values,
# ana/bob and method:GET/POST vary, latency varies as a number. Ratios
# 4/8 and 1/8; ties keep the order the patterns were made.
$ trailq -o tsv 'pattern @message' testdata/lang/app.log
> @pattern	@ratio	@sampleCount	@severityLabel
> <Date-1> <Time-2> user=<Token-3>, <Token-4>, latency := <Number-5>	0.5	4	Unknown
> <Date-1> <Time-2> user=carl, method=GET, latency := <Number-3>	0.125	1	Unknown
> <Date-1> <Time-2> [WARN] slow disk	0.125	1	Warning
> <Date-1> <Time-2> [INFO] retrying [attempt <Number-3>]	0.125	1	Info
> <Date-1> <Time-2> [ERROR] disk full	0.125	1	Error

### after filter, over the rows that are left
# checked: by hand: 5 lines have "user="; the carl line is 1 of 5
$ trailq -o tsv 'filter @message like "user=" | pattern @message' testdata/lang/app.log
> @pattern	@ratio	@sampleCount	@severityLabel
> <Date-1> <Time-2> user=<Token-3>, <Token-4>, latency := <Number-5>	0.8	4	Unknown
> <Date-1> <Time-2> user=carl, method=GET, latency := <Number-3>	0.2	1	Unknown

### sort, filter, fields and display after pattern
# checked: by hand from the first case: the four rows of 1, in the order
# they were made, then the pattern of 4; a ratio as a percentage
$ trailq -o tsv 'pattern @message | sort @sampleCount asc | filter @severityLabel != "Unknown" | fields @ratio * 100 as pct | display @severityLabel, pct' testdata/lang/app.log
> @severityLabel	pct
> Warning	12.5
> Info	12.5
> Error	12.5

### limit after pattern, and a second stats over the patterns
# checked: by hand: 5 patterns, their counts add up to the 8 lines
$ trailq -o tsv 'pattern @message | limit 1 | fields @sampleCount' testdata/lang/app.log; trailq -o tsv 'pattern @message | stats count(*) as patterns, sum(@sampleCount) as lines' testdata/lang/app.log
> @sampleCount
> 4
> patterns	lines
> 5	8

### pattern of a field made by parse: one-word values
# checked: by hand: user= is on 5 lines (ana x3, bob, carl); single words
# that differ share nothing, so each is a pattern; carl is made first
# (newest first), then ana, then bob
$ trailq -o tsv 'parse @message "user=*," as u | pattern u' testdata/lang/app.log
> @pattern	@ratio	@sampleCount	@severityLabel
> ana	0.6	3	Unknown
> carl	0.2	1	Unknown
> bob	0.2	1	Unknown

### pattern of an expression built with string functions
# checked: by hand: the first case, upper-cased
$ trailq -o tsv 'pattern toupper(@message) | limit 2 | display @pattern' testdata/lang/app.log
> @pattern
> <Date-1> <Time-2> USER=<Token-3>, <Token-4>, LATENCY := <Number-5>
> <Date-1> <Time-2> USER=CARL, METHOD=GET, LATENCY := <Number-3>

### rows without the value are left out of the counts and the ratio
# checked: by hand: without ana, u is carl on one line and bob on another;
# the three rows without u are no values
$ trailq -o tsv 'parse @message "user=*," as u | filter u != "ana" or not ispresent(u) | pattern u' testdata/lang/app.log
> @pattern	@ratio	@sampleCount	@severityLabel
> carl	0.5	1	Unknown
> bob	0.5	1	Unknown

### no values: no rows
$ trailq -o tsv 'filter @message like "nothing" | pattern @message' testdata/lang/app.log
> @pattern	@ratio	@sampleCount	@severityLabel

### the same input gives the same output, on a temporary index and on --db
$ trailq -o tsv 'pattern @message' testdata/text/*.log > "$TMPDIR/a" 2>/dev/null; trailq --db "$TMPDIR/x.db" -o tsv 'pattern @message' testdata/text/*.log > "$TMPDIR/b" 2>/dev/null; trailq --db "$TMPDIR/x.db" -o tsv 'pattern @message' > "$TMPDIR/c"; cmp "$TMPDIR/a" "$TMPDIR/b" && cmp "$TMPDIR/a" "$TMPDIR/c" && echo same
> same

### properties on the text samples of testdata/
$ for f in testdata/text/*.log testdata/lang/app.log; do trailq -o jsonl 'fields @message' "$f" > "$TMPDIR/v" 2>/dev/null; trailq -o tsv 'pattern @message' "$f" > "$TMPDIR/p" 2>/dev/null; python3 testdata/lang/patcheck.py "$TMPDIR/v" @message "$TMPDIR/p" | cut -d: -f1; done
> ok
> ok
> ok
> ok
> ok
> ok
> ok
> ok

### properties on the Lambda samples of testdata/
$ trailq -o jsonl 'fields @message' testdata/lambda > "$TMPDIR/v" 2>/dev/null; trailq -o tsv 'pattern @message' testdata/lambda > "$TMPDIR/p" 2>/dev/null; python3 testdata/lang/patcheck.py "$TMPDIR/v" @message "$TMPDIR/p" | cut -d: -f1
> ok

### properties on the sixteen loghub samples (2,000 lines each)
~ [ -d "$SHARED/data" ]
$ for f in "$SHARED"/data/text/loghub/*.log; do trailq -o jsonl 'fields @message' "$f" > "$TMPDIR/v" 2>/dev/null; trailq -o tsv 'pattern @message' "$f" > "$TMPDIR/p" 2>/dev/null; python3 testdata/lang/patcheck.py "$TMPDIR/v" @message "$TMPDIR/p" | cut -d, -f1; done
# checked: each sample has 2,000 lines, one event each (wc -l)
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values
> ok: 2000 values

### properties on the Lambda logs of $SHARED/data, and on a field
~ [ -d "$SHARED/data" ]
$ trailq -o jsonl 'fields @message' "$SHARED"/data/lambda > "$TMPDIR/v"; trailq -o tsv 'pattern @message' "$SHARED"/data/lambda > "$TMPDIR/p"; python3 testdata/lang/patcheck.py "$TMPDIR/v" @message "$TMPDIR/p" | cut -d: -f1; trailq -o jsonl 'fields eventName' "$SHARED"/data/cloudtrail/stratus-red-team_detonation-logs > "$TMPDIR/v"; trailq -o tsv 'pattern eventName' "$SHARED"/data/cloudtrail/stratus-red-team_detonation-logs > "$TMPDIR/p"; python3 testdata/lang/patcheck.py "$TMPDIR/v" eventName "$TMPDIR/p" | cut -d: -f1
> ok
> ok

### the Apache sample: a few exact patterns
~ [ -d "$SHARED/data" ]
# checked: by hand on Apache_2k.log: its lines are "[Day Mon DD HH:MM:SS
# YYYY] [level] message"; weekday and month names are date parts, so the
# Sunday and Monday lines share their patterns; the counts are those of
# grep -c 'jk2_init() Found child', 'workerEnv.init() ok' and
# 'mod_jk child workerEnv in error state' in the file
$ trailq -o tsv 'pattern @message | limit 3' "$SHARED"/data/text/loghub/Apache_2k.log; for s in 'jk2_init() Found child' 'workerEnv.init() ok' 'mod_jk child workerEnv in error state'; do grep -cF "$s" "$SHARED"/data/text/loghub/Apache_2k.log; done
> @pattern	@ratio	@sampleCount	@severityLabel
> [<Date-1> <Date-2> <Number-3> <Time-4> <Number-5>] [notice] jk2_init() Found child <Number-6> in scoreboard slot <Number-7>	0.418	836	Info
> [<Date-1> <Date-2> <Number-3> <Time-4> <Number-5>] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties	0.2845	569	Info
> [<Date-1> <Date-2> <Number-3> <Time-4> <Number-5>] [error] mod_jk child workerEnv in error state <Number-6>	0.2695	539	Error
> 836
> 569
> 539

### errors: pattern needs an expression
$ trailq 'pattern' testdata/lang/app.log
! trailq: query error at 1:8: expected an expression after 'pattern'
!   pattern
!          ^
? 2

### errors: an aggregate is for stats
$ trailq 'pattern count(*)' testdata/lang/app.log
! trailq: query error at 1:9: count() can only be used in stats
!   pattern count(*)
!           ^^^^^
? 2

### errors: after pattern only its four fields exist
$ trailq 'pattern @message | fields @timestamp' testdata/lang/app.log
! trailq: query error at 1:27: unknown field '@timestamp': after pattern only its results exist
!   pattern @message | fields @timestamp
!                             ^^^^^^^^^^
? 2

### the examples of the Insights documentation run and give its shape
# checked: by hand: one [ERROR] line in app.log; "pattern @message" over all
# lines is the first case of this file
$ trailq -o tsv 'filter @message like /ERROR/ | pattern @message | sort @sampleCount asc' testdata/lang/app.log; trailq -o tsv 'pattern @message' testdata/lang/app.log | wc -l
> @pattern	@ratio	@sampleCount	@severityLabel
> <Date-1> <Time-2> [ERROR] disk full	1	1	Error
> 6
