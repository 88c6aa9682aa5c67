# Property-style tests: the Insights sort order and bin() alignment, end to
# end, on 1,000 pseudo-random events (fixed seeds), against independent
# reference implementations in awk that never call trailq:
#   testdata/lang/sortgen.awk, sortref.awk  - random values, the order of docs/language.md#sort-order
#   testdata/lang/bingen.awk, binref.awk    - random timestamps, docs/language.md#time-buckets-and-periods
# Each case prints one line per check; "same" means trailq's answer and the
# reference's are identical. Week periods are in fixed.t.

### the sort reference reproduces the documented order (documented example 11)
# The 17 documented values, given i = 17..1 so ties fall back to i: "1" and
# "01" are equal numbers, so i decides (3 before 4).
# checked: docs/language.md#documented-examples (11) lists !: # *%04 0# 5A 111A 2345_ @ @_ A A9876fghj
# a12345hfh 0 01 1 2 3 — i.e. i = 17 16 ... 6 5, then 4/3 in either order, 2 1
$ printf '%s\n' '!:' '#' '*%04' '0#' '5A' '111A' '2345_' '@' '@_' 'A' 'A9876fghj' 'a12345hfh' '0' '01' '1' '2' '3' | \
$   awk '{ printf "{\"i\":%d,\"x\":\"%s\"}\n", 18 - NR, $0 }' | awk -f testdata/lang/sortref.awk | tr '\n' ' '; echo
> 17 16 15 14 13 12 11 10 9 8 7 6 5 3 4 2 1 

### sort x asc / desc on 1,000 random strings, numbers and missing values
# checked: the order of i from `sort x <dir>, i asc` equals sortref.awk's
$ d=$(mktemp -d) && awk -v n=1000 -v seed=42 -f testdata/lang/sortgen.awk > $d/e.jsonl && \
$ for dir in asc desc; do \
$   awk -v desc=$([ $dir = desc ] && echo 1 || echo 0) -f testdata/lang/sortref.awk $d/e.jsonl > $d/want; \
$   trailq -o tsv "sort x $dir, i asc | fields i" $d/e.jsonl | tail -n +2 > $d/got; \
$   if cmp -s $d/want $d/got; then echo "$dir same"; else echo "$dir differ"; fi; done; \
$ wc -l < $d/want; grep -c '"x"' $d/e.jsonl
> asc same
> desc same
> 1000
> 959

### sort on a second seed
$ d=$(mktemp -d) && awk -v n=1000 -v seed=2024 -f testdata/lang/sortgen.awk > $d/e.jsonl && \
$ for dir in asc desc; do \
$   awk -v desc=$([ $dir = desc ] && echo 1 || echo 0) -f testdata/lang/sortref.awk $d/e.jsonl > $d/want; \
$   trailq -o tsv "sort x $dir, i asc | fields i" $d/e.jsonl | tail -n +2 > $d/got; \
$   if cmp -s $d/want $d/got; then echo "$dir same"; else echo "$dir differ"; fi; done
> asc same
> desc same

### the bin generator writes eventTime and ms for the same instant
# checked: jq's fromdate over the ISO text plus the milliseconds, minus "ms",
# is 0 for all 1,000 events (validates bingen.awk's date conversion)
$ awk -v n=1000 -v seed=7 -f testdata/lang/bingen.awk | \
$   jq -r '(.eventTime | sub("\\.[0-9]+Z$"; "Z") | fromdate) * 1000 + (.eventTime | capture("\\.(?<f>[0-9]+)Z").f | tonumber) - .ms' | sort -u
> 0

### bin alignment over seven years: ms..d from the epoch, months, quarters, years
# 1,000 timestamps between 2020-01-01 and 2027-01-01; each line compares
# `stats count(*) by bin(P) [offset O]` (bucket start as epoch ms, count)
# with binref.awk's floor((t + O) / P) * P (the offset looks back: the bucket
# labelled B counts the events of [B - O, B - O + P)), calendar units from 1970-01.
$ d=$(mktemp -d) && awk -v n=1000 -v seed=7 -f testdata/lang/bingen.awk > $d/e.jsonl && \
$ for spec in 7m 90s 13h 1d 3d 1mo 5mo 1q 1y 3y "1h 7m" "1d 90m" "1h 90m" "1d 25h" "1mo 1d" "1mo 40d"; do \
$   set -- $spec; p=$1; o=${2:-}; \
$   trailq -o tsv "stats count(*) as n by bin($p) as b${o:+ offset $o} | fields toMillis(b) as t, n" $d/e.jsonl | tail -n +2 | sort > $d/got; \
$   awk -v period=$p -v offset="$o" -f testdata/lang/binref.awk $d/e.jsonl | sort > $d/want; \
$   if cmp -s $d/got $d/want; then echo "$spec same"; else echo "$spec differ"; fi; done
> 7m same
> 90s same
> 13h same
> 1d same
> 3d same
> 1mo same
> 5mo same
> 1q same
> 1y same
> 3y same
> 1h 7m same
> 1d 90m same
> 1h 90m same
> 1d 25h same
> 1mo 1d same
> 1mo 40d same

### bin alignment within two days: buckets holding many events
# 1,000 timestamps in 2020-01-01 .. 2020-01-03, so short periods group events.
$ d=$(mktemp -d) && awk -v n=1000 -v seed=7 -v days=2 -f testdata/lang/bingen.awk > $d/e.jsonl && \
$ for spec in 1ms 250ms 1s 7s 1m 7m 90s 5m 1h "1h 7m" "15m 90s"; do \
$   set -- $spec; p=$1; o=${2:-}; \
$   trailq -o tsv "stats count(*) as n by bin($p) as b${o:+ offset $o} | fields toMillis(b) as t, n" $d/e.jsonl | tail -n +2 | sort > $d/got; \
$   awk -v period=$p -v offset="$o" -f testdata/lang/binref.awk $d/e.jsonl | sort > $d/want; \
$   if cmp -s $d/got $d/want; then echo "$spec same"; else echo "$spec differ"; fi; done
> 1ms same
> 250ms same
> 1s same
> 7s same
> 1m same
> 7m same
> 90s same
> 5m same
> 1h same
> 1h 7m same
> 15m 90s same

### bin(7m) over two days: the buckets really group events
# checked: the reference's own numbers (printed): 371 buckets for 1,000 events
$ d=$(mktemp -d) && awk -v n=1000 -v seed=7 -v days=2 -f testdata/lang/bingen.awk > $d/e.jsonl && \
$ awk -v period=7m -f testdata/lang/binref.awk $d/e.jsonl | awk '{ b++; n += $2 } END { print b, n }'; \
$ trailq -o tsv 'stats count(*) as n by bin(7m) | stats count(*) as buckets, sum(n) as events' $d/e.jsonl | tail -n 1
> 371 1000
> 371	1000
