# The progress line (trailq(1), --progress): after the first second of
# reading, redrawn on standard error as events reach the index, and
# cleared at the end. The line's text for one large file (bytes within the
# file, percent, rate, ETA) is checked in tests/unit/test_progress.c; here a
# pause in standard input makes the read take over a second.

### standard input that pauses: the line is drawn (MB read, rate; no size, so no ETA), then cleared
# checked: by hand: 8 events, 744 bytes (wc -c of the file is 372) in about 1.1 s: 0 MB, 0k events/s; \r ESC[K redraws
$ { cat testdata/hand/dst.jsonl; sleep 1.1; cat testdata/hand/dst.jsonl; } | trailq --progress always -o tsv 'stats count(*) as n' 2>&1 | cat -A
> ^M^[[Kreading: 0/1 files, 0 MB, 0k events/s^M^[[Kn$
> 8$

### --progress never: no line
$ { cat testdata/hand/dst.jsonl; sleep 1.1; cat testdata/hand/dst.jsonl; } | trailq --progress never -o tsv 'stats count(*) as n' 2>&1 | cat -A
> n$
> 8$
