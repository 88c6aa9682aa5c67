# Charts (trailq(1), --chart): a stats result drawn as bars, sized to the
# terminal, in ASCII under LC_ALL=C (the suite's locale) and in Unicode
# blocks under a UTF-8 locale. testdata/hand/minutes.jsonl has 7 events:
# 10:00 a a a b, 10:01 a b, 10:03 b (none at 10:02), by hand.

### stats by bin(): a time series, one bar per bucket, the empty 10:02 bucket drawn as 0
# checked: by hand: 40x10 terminal: 5 rows of plot (10 - 5); the scale is 4 (its width 1, so 37
#   columns for 4 buckets: 8 each, 7 of bar and a gap); 4 -> 5 cells, 2 -> 2.5 -> 3, 1 -> 1.25 -> 1
$ script -qec "stty cols 40 rows 10; trailq --chart 'stats count(*) as n by bin(1m) as m' testdata/hand/minutes.jsonl 2>/dev/null" /dev/null | tr -d '\r'
> n by m
> 4 |#######
>   |#######
>   |####### #######
>   |####### #######
>   |####### #######         #######
> 0 +--------------------------------
>    2024-03-01 10:00:00.000

### the same in Unicode blocks: eighths of a cell at the top of each bar
# checked: by hand: 5 rows = 40 eighths for 4: 2 is 20 eighths (2 cells and 4/8: ▄), 1 is 10 (1 cell and 2/8: ▂)
$ script -qec "stty cols 40 rows 10; LC_ALL=C.UTF-8 trailq --chart 'stats count(*) as n by bin(1m) as m' testdata/hand/minutes.jsonl 2>/dev/null" /dev/null | tr -d '\r'
> n by m
> 4 │███████
>   │███████
>   │███████ ▄▄▄▄▄▄▄
>   │███████ ███████         ▂▂▂▂▂▂▂
>   │███████ ███████         ███████
> 0 └────────────────────────────────
>    2024-03-01 10:00:00.000

### another key: one stacked series per value, the largest first, with a legend
# checked: by hand: a 4 events, b 3; plot 4 rows (10 - 5 - 2 legend lines... at least 4); 10:00 a 3 of 4
#   -> 3 cells, b on top; 10:01 a 1 -> 1 cell, b -> 2; 10:03 b 1 -> 1
$ script -qec "stty cols 40 rows 10; trailq --chart 'stats count(*) as n by bin(1m) as m, k' testdata/hand/minutes.jsonl 2>/dev/null" /dev/null | tr -d '\r'
> n by m
> 4 |=======
>   |#######
>   |####### =======
>   |####### #######         =======
> 0 +--------------------------------
>    2024-03-01 10:00:00.000
> # a
> = b

### stats without a time key: a bar per row, the largest first, 80 columns into a pipe
# checked: trailq -o tsv 'stats count(*) as n by g' gives a 4, b 4, c 3, d 2, (none) 1; bars of
#   80 - 6 (label) - 1 (value) - 4 = 69 columns for 4: 3 -> 51.75 -> 52, 2 -> 34.5 -> 35, 1 -> 17.25 -> 17
$ trailq --chart 'stats count(*) as n by g' testdata/lang/nums.jsonl
> n by g
> a      |##################################################################### 4
> b      |##################################################################### 4
> c      |####################################################                  3
> d      |###################################                                   2
> (none) |#################                                                     1

### in Unicode, a bar ends in eighths of a cell; the scale is the largest value drawn
# checked: by hand: 69 columns for 3; 2 is 46 cells; 1 is 23; then 72 columns for 3 (value width 3):
#   2.6 is 62.4 columns = 499 eighths: 62 cells and 3/8 (▍)
$ LC_ALL=C.UTF-8 trailq --chart 'stats count(*) as n by g | sort n asc | limit 3' testdata/lang/nums.jsonl; printf '{"eventTime":"2024-01-01T00:00:00Z","g":"x","v":3}\n{"eventTime":"2024-01-01T00:00:01Z","g":"y","v":2.6}\n' > $TMPDIR/v.jsonl; LC_ALL=C.UTF-8 trailq --chart 'stats max(v) as m by g' $TMPDIR/v.jsonl
> n by g
> c      │█████████████████████████████████████████████████████████████████████ 3
> d      │██████████████████████████████████████████████                        2
> (none) │███████████████████████                                               1
> m by g
> x │████████████████████████████████████████████████████████████████████████   3
> y │██████████████████████████████████████████████████████████████▍          2.6

### more rows than fit: the largest are drawn and the others counted
# checked: zcat the invictus records | jq -r '.Records[].eventName' | sort | uniq -c | sort -rn gives
#   Decrypt 178, DescribeRouteTables 163, GetUser 130, DescribeParameters 122, ListTagsForResource 88;
#   260 names (sort -u | wc -l). 40x8 terminal: 5 bars; labels cut to 40/3 = 13 columns; bars
#   40 - 13 - 3 - 4 = 20 wide: 163/178*20 = 18.3 -> 18, 130 -> 14.6 -> 15, 122 -> 13.7 -> 14, 88 -> 9.9 -> 10
$ script -qec "stty cols 40 rows 8; trailq --chart 'stats count(*) as n by eventName' testdata/AWSLogs 2>/dev/null" /dev/null | tr -d '\r'
> n by eventName
> Decrypt       |#################### 178
> DescribeRo... |##################   163
> GetUser       |###############      130
> DescribePa... |##############       122
> ListTagsFo... |##########            88
> (255 more not shown)

### a query that is not a stats result is shown as rows, with a warning
$ trailq --chart -o tsv 'fields k | sort @timestamp asc | limit 2' testdata/hand/minutes.jsonl
> k
> a
> a
! trailq: warning: a chart draws the result of stats; this query's rows are shown as they are
