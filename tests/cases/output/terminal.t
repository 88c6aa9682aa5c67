# Control characters from the data, to a terminal and into a pipe (man
# page, OUTPUT). testdata/hand/controls.jsonl holds three userAgents: an
# OSC title sequence (ESC ] 0;PWNED BEL), tab/newline/CR/backslash, and
# C1 controls U+009B (CSI) and U+0085 (NEL) with DEL and an é. The suite
# redirects stdout, so the terminal cases run trailq under script(1)
# with output post-processing off (stty -opost: "\n" stays "\n"). Bytes
# are shown exactly with cat -A: ^[ = ESC 0x1b, ^G = BEL, ^? = DEL,
# ^I = tab, ^M = CR, $ = end of line, M-x = x + 0x80 (M-B = 0xc2,
# M-^[ = 0x9b, M-^E = 0x85, M-CM-) = é = c3 a9, M-bM-^BM-, = € = e2 82 ac).
# checked: by hand, byte by byte, against the rules in the man page: into
# a pipe json/jsonl/csv are exact (JSON escapes only C0) and tsv escapes
# every control character; to a terminal nothing raw gets through.
# "exec 2>/dev/null" in each terminal case drops the status line that
# follows a query when stderr is a terminal (its cases are in status.t).

### tsv into a pipe
$ trailq -o tsv 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl | cat -A
> eventName^IuserAgent$
> C1^Icsi\xc2\x9b31m del\x7f nel\xc2\x85 M-CM-)$
> Layout^Ia\tb\nc\rd\\e$
> Title^Ix\x1b]0;PWNED\x07$

### tsv into a terminal
$ script -qec "exec 2>/dev/null; stty -opost; trailq -o tsv 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl" /dev/null | cat -A
> eventName^IuserAgent$
> C1^Icsi\xc2\x9b31m del\x7f nel\xc2\x85 M-CM-)$
> Layout^Ia\tb\nc\rd\\e$
> Title^Ix\x1b]0;PWNED\x07$

### csv into a pipe
$ trailq -o csv 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl | cat -A
> eventName,userAgent^M$
> C1,csiM-BM-^[31m del^? nelM-BM-^E M-CM-)^M$
> Layout,"a^Ib$
> c^Md\e"^M$
> Title,x^[]0;PWNED^G^M$

### csv into a terminal
$ script -qec "exec 2>/dev/null; stty -opost; trailq -o csv 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl" /dev/null | cat -A
> eventName,userAgent^M$
> C1,csi\xc2\x9b31m del\x7f nel\xc2\x85 M-CM-)^M$
> Layout,a\tb\nc\rd\e^M$
> Title,x\x1b]0;PWNED\x07^M$

### json into a pipe
$ trailq -o json 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl | cat -A
> [$
> {"eventName":"C1","userAgent":"csiM-BM-^[31m del^? nelM-BM-^E M-CM-)"},$
> {"eventName":"Layout","userAgent":"a\tb\nc\rd\\e"},$
> {"eventName":"Title","userAgent":"x\u001b]0;PWNED\u0007"}$
> ]$

### json into a terminal
$ script -qec "exec 2>/dev/null; stty -opost; trailq -o json 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl" /dev/null | cat -A
> [$
> {"eventName":"C1","userAgent":"csi\u009b31m del\u007f nel\u0085 M-CM-)"},$
> {"eventName":"Layout","userAgent":"a\tb\nc\rd\\e"},$
> {"eventName":"Title","userAgent":"x\u001b]0;PWNED\u0007"}$
> ]$

### jsonl into a pipe
$ trailq -o jsonl 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl | cat -A
> {"eventName":"C1","userAgent":"csiM-BM-^[31m del^? nelM-BM-^E M-CM-)"}$
> {"eventName":"Layout","userAgent":"a\tb\nc\rd\\e"}$
> {"eventName":"Title","userAgent":"x\u001b]0;PWNED\u0007"}$

### jsonl into a terminal
$ script -qec "exec 2>/dev/null; stty -opost; trailq -o jsonl 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl" /dev/null | cat -A
> {"eventName":"C1","userAgent":"csi\u009b31m del\u007f nel\u0085 M-CM-)"}$
> {"eventName":"Layout","userAgent":"a\tb\nc\rd\\e"}$
> {"eventName":"Title","userAgent":"x\u001b]0;PWNED\u0007"}$

### table into a pipe
$ trailq -o table 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl | cat -A
> eventName  userAgent$
> ---------  ------------------------------------$
> C1         csi\xc2\x9b31m del\x7f nel\xc2\x85 M-CM-)$
> Layout     a\tb\nc\rd\e$
> Title      x\x1b]0;PWNED\x07$

### table into a terminal
$ script -qec "exec 2>/dev/null; stty -opost; trailq -o table 'fields eventName, userAgent | sort eventName' testdata/hand/controls.jsonl" /dev/null | cat -A
> eventName  userAgent$
> ---------  ------------------------------------$
> C1         csi\xc2\x9b31m del\x7f nel\xc2\x85 M-CM-)$
> Layout     a\tb\nc\rd\e$
> Title      x\x1b]0;PWNED\x07$

### stray bytes 0x80-0x9f (not UTF-8) in a text log are kept into a pipe
# checked: by hand: printf's \233 is 0x9b and \200 is 0x80; € (e2 82 ac)
# holds 0x82 inside a well-formed character and is never touched
$ printf '2024-05-01T00:00:01Z csi\2331m euro\342\202\254 stray\200 ok\n' > $TMPDIR/stray.log; trailq -o tsv 'fields @message' $TMPDIR/stray.log | cat -A
> @message$
> 2024-05-01T00:00:01Z csiM-^[1m euroM-bM-^BM-, strayM-^@ ok$

### stray bytes 0x80-0x9f are shown as \xNN in tsv and csv to a terminal
$ printf '2024-05-01T00:00:01Z csi\2331m euro\342\202\254 stray\200 ok\n' > $TMPDIR/stray.log; script -qec "exec 2>/dev/null; stty -opost; trailq -o tsv 'fields @message' $TMPDIR/stray.log; trailq -o csv 'fields @message' $TMPDIR/stray.log" /dev/null | cat -A
> @message$
> 2024-05-01T00:00:01Z csi\x9b1m euroM-bM-^BM-, stray\x80 ok$
> @message^M$
> 2024-05-01T00:00:01Z csi\x9b1m euroM-bM-^BM-, stray\x80 ok^M$

### stray bytes 0x80-0x9f are \ufffd in json to a terminal (JSON strings hold no raw bytes)
$ printf '2024-05-01T00:00:01Z csi\2331m euro\342\202\254 stray\200 ok\n' > $TMPDIR/stray.log; script -qec "exec 2>/dev/null; stty -opost; trailq -o jsonl 'fields @message' $TMPDIR/stray.log" /dev/null | cat -A
> {"@message":"2024-05-01T00:00:01Z csi\ufffd1m euroM-bM-^BM-, stray\ufffd ok"}$

### stray bytes 0x80-0x9f are always escaped in a table
$ printf '2024-05-01T00:00:01Z csi\2331m euro\342\202\254 stray\200 ok\n' > $TMPDIR/stray.log; trailq -o table 'fields @message' $TMPDIR/stray.log | cat -A
> @message$
> -------------------------------------------------$
> 2024-05-01T00:00:01Z csi\x9b1m euroM-bM-^BM-, stray\x80 ok$

### column names are escaped like values (--fields lists names from the data)
# checked: by hand: the key "k\u001bK" is k ESC K; --fields prints
# field/events/type
$ printf '{"eventTime":"2024-05-01T00:00:01Z","k\\u001bK":1}\n' > $TMPDIR/key.jsonl; script -qec "exec 2>/dev/null; stty -opost; trailq --fields -o tsv $TMPDIR/key.jsonl" /dev/null | cat -A
> field^Ievents^Itype$
> @timestamp^I1^Itimestamp$
> @message^I1^Istring$
> @log^I1^Istring$
> @logStream^I1^Istring$
> @ptr^I1^Istring$
> eventTime^I1^Istring$
> k\x1bK^I1^Inumber$

### messages quote a file name with its control characters escaped
$ trailq 'stats count(*)' "$(printf 'no\033]0;PWNED\007such.log')" "$(printf 'a\302\233b.log')"
! trailq: no\x1b]0;PWNED\x07such.log: No such file or directory
! trailq: a\xc2\x9bb.log: No such file or directory
! trailq: no readable input
? 3

### NO_COLOR set and not empty turns the colour of messages off; NO_COLOR= (empty) does not (no-color.org)
$ NO_COLOR=1 script -qec "stty -opost; trailq 'stats count(*)' /no/such" /dev/null | cat -A; \
$ NO_COLOR= script -qec "stty -opost; trailq 'stats count(*)' /no/such" /dev/null | cat -A
> trailq: /no/such: No such file or directory$
> trailq: no readable input$
> ^[[1;31mtrailq:^[[0m /no/such: No such file or directory$
> ^[[1;31mtrailq:^[[0m no readable input$

### messages on a terminal: the same escapes
$ script -qec "stty -opost; trailq 'stats count(*)' \"\$(printf 'no\033]0;PWNED\007such.log')\"" /dev/null | cat -A
> trailq: no\x1b]0;PWNED\x07such.log: No such file or directory$
> trailq: no readable input$
