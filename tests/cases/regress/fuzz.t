# Bugs found by the fuzz targets (tests/fuzz/README), one case each; the
# inputs themselves are replayed from tests/fuzz/crashes/<target>/.

### fuzz run: a number literal beyond the double range is Infinity (was SQL "inf": internal error)
# checked: 1e999 overflows a double (python3 float('1e999') = inf); json
# output writes non-finite numbers as strings (man page, OUTPUT)
$ trailq -o jsonl 'fields 1e999 as big | limit 1' testdata/lang/values.jsonl
> {"big":"Infinity"}

### fuzz run: sort by an integer constant keeps the default order (SQLite read it as column number 6789)
# checked: by hand: a constant key ties every row, so the default order
# (newest first) decides; values.jsonl's events are r1..r5 at 00:00:01..05
$ trailq -o tsv 'fields id | sort 6789 | limit 2' testdata/lang/values.jsonl
> id
> r5
> r4

### fuzz run: "sort 1" does not sort by the first result column
# checked: by hand: as above; before the fix the oldest event (r1) came first
$ trailq -o tsv 'sort 1 | fields id | limit 2' testdata/lang/values.jsonl
> id
> r5
> r4
