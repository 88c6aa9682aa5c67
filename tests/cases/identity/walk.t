# Input identity in one run (issue 8, item 1): a file is one input however it
# is named. Every count is checked against an independent count made in the
# case itself: jq over the decompressed CloudTrail files of testdata/AWSLogs
# (2900 records in 55 files; `ct` below prints that sum).

### the same directory named twice gives the single count, with one note
$ ct=$(find testdata/AWSLogs -name '*.gz' -exec zcat {} + | jq '.Records | length' | jq -s add); \
$ got=$(trailq -o tsv 'stats count(*) as n' testdata/AWSLogs testdata/AWSLogs | tail -1); echo "$got $ct"
> 2900 2900
! trailq: note: 1 directory reached by more than one path (named twice, through a symbolic link, or inside a directory also named) read once

### a file named beside its directory, and the same file spelled two ways, is read once
$ f=$(find testdata/AWSLogs -name '*.gz' | sort | head -1); d=$(dirname "$f"); \
$ ct=$(zcat "$d"/*.gz | jq '.Records | length' | jq -s add); \
$ got=$(trailq -o tsv 'stats count(*) as n' "$f" "$d" "./$f" "$PWD/$f" | tail -1); echo "$got $ct"
> 2900 2900
! trailq: note: 3 files reached by more than one path (named twice, through a symbolic link, or inside a directory also named) read once

### a symbolic link to a directory inside the tree (ln -s 2023 latest) does not count its events twice
$ rm -rf "$TMPDIR/w1" && mkdir "$TMPDIR/w1" && cp -r testdata/AWSLogs "$TMPDIR/w1/" && \
$ ln -s 2023 "$TMPDIR/w1/AWSLogs/218007301253/CloudTrail/us-east-1/latest" && \
$ ct=$(find testdata/AWSLogs -name '*.gz' -exec zcat {} + | jq '.Records | length' | jq -s add) && \
$ got=$(trailq -o tsv 'stats count(*) as n' "$TMPDIR/w1/AWSLogs" | tail -1); echo "$got $ct"
> 2900 2900
! trailq: note: 1 directory reached by more than one path (named twice, through a symbolic link, or inside a directory also named) read once

### a symbolic link to a file counts once
$ rm -rf "$TMPDIR/w2" && mkdir "$TMPDIR/w2" && cp testdata/shapes/events.jsonl "$TMPDIR/w2/a.jsonl" && ln -s a.jsonl "$TMPDIR/w2/b.jsonl" && \
$ echo "$(trailq -o tsv 'stats count(*)' "$TMPDIR/w2" | tail -1) $(jq -c . testdata/shapes/events.jsonl | wc -l)"
> 5 5
! trailq: note: 1 file reached by more than one path (named twice, through a symbolic link, or inside a directory also named) read once

### a copy under another name (other bytes on disk, the same content) is counted, as jq counts it, with a note
# checked: jq counts every file given; c.jsonl has the size of a.jsonl but one byte differs,
# so it is no copy; with --db the copy adds nothing (identity.db.t)
$ rm -rf "$TMPDIR/w5" && mkdir "$TMPDIR/w5" && cp testdata/shapes/events.jsonl "$TMPDIR/w5/a.jsonl" && cp "$TMPDIR/w5/a.jsonl" "$TMPDIR/w5/b.jsonl" && \
$ sed 's/"eventVersion":"1.08"/"eventVersion":"1.09"/' "$TMPDIR/w5/a.jsonl" > "$TMPDIR/w5/c.jsonl" && cmp -s "$TMPDIR/w5/a.jsonl" "$TMPDIR/w5/c.jsonl" || \
$ echo "sizes $(stat -c %s "$TMPDIR"/w5/*.jsonl | sort -u | wc -l), jq $(cat "$TMPDIR"/w5/*.jsonl | jq -c . | wc -l)"; \
$ trailq -o tsv 'stats count(*) as n' "$TMPDIR/w5"
> sizes 1, jq 15
> n
> 15
! trailq: note: 1 input held the same bytes as an input before it (a copy under another name): its events are counted again, as every input's are (with --db a copy adds nothing)

### --files without --db lists a copy as one source with both names (it failed with an index error)
$ rm -rf "$TMPDIR/w6" && mkdir "$TMPDIR/w6" && cp testdata/shapes/events.jsonl "$TMPDIR/w6/a.jsonl" && cp "$TMPDIR/w6/a.jsonl" "$TMPDIR/w6/b.jsonl" && \
$ cd "$TMPDIR/w6" && trailq --files -o tsv a.jsonl b.jsonl | cut -f1,4,10,12 | sed "s|$TMPDIR/w6/||g"; echo "status ${PIPESTATUS[0]}"; sha256sum a.jsonl | cut -c1-64
> source	events	sha256	names
> a.jsonl	5	f27eb65eb051a93e936d45e4fc713b4d26c84812625ec7c95ca5632f704ee31d	a.jsonl; b.jsonl
> status 0
> f27eb65eb051a93e936d45e4fc713b4d26c84812625ec7c95ca5632f704ee31d
! trailq: note: 1 input held the same bytes as an input before it (a copy under another name): listed as one source

### a symbolic link loop (ln -s . d/loop) finishes and reports the loop once
$ rm -rf "$TMPDIR/w3" && mkdir -p "$TMPDIR/w3/d" && cp testdata/shapes/events.jsonl "$TMPDIR/w3/d/" && ln -s . "$TMPDIR/w3/d/loop" && \
$ cd "$TMPDIR/w3" && timeout 20 trailq -o tsv 'stats count(*) as n' d
> n
> 5
! trailq: note: d/loop: symbolic link loop (leads back to d), not followed

### a loop to a parent (ln -s .. d/b/up) does not multiply the count
$ rm -rf "$TMPDIR/w4" && mkdir -p "$TMPDIR/w4/d/b" && cp testdata/shapes/events.jsonl "$TMPDIR/w4/d/" && \
$ cp testdata/shapes/single-event.json "$TMPDIR/w4/d/b/" && ln -s .. "$TMPDIR/w4/d/b/up" && \
$ cd "$TMPDIR/w4" && echo "$(timeout 20 trailq -o tsv 'stats count(*)' d | tail -1) $(cat d/events.jsonl d/b/single-event.json | jq -s length)"
> 6 6
! trailq: note: d/b/up: symbolic link loop (leads back to d), not followed

### an empty directory: a note, and with no file at all to read, status 3
$ rm -rf "$TMPDIR/w5" && mkdir -p "$TMPDIR/w5/empty" && cd "$TMPDIR" && trailq 'stats count(*)' w5/empty
! trailq: note: w5/empty: no files in this directory
! trailq: no input files: the paths given hold no file to read
? 3

### an empty directory beside inputs: the note, and the query runs (regression: qsort of no names)
$ rm -rf "$TMPDIR/w6" && mkdir -p "$TMPDIR/w6/empty" && cd "$TMPDIR" && trailq -o tsv 'stats count(*)' w6/empty "$OLDPWD/testdata/shapes/events.jsonl"
> count(*)
> 5
! trailq: note: w6/empty: no files in this directory

### an empty subdirectory inside a tree is not worth a note
$ rm -rf "$TMPDIR/w7" && mkdir -p "$TMPDIR/w7/d/empty" && cp testdata/shapes/events.jsonl "$TMPDIR/w7/d/" && trailq -o tsv 'stats count(*)' "$TMPDIR/w7/d"
> count(*)
> 5

### -f - reads the query from standard input: with no PATH there is nothing to search (status 2)
$ echo 'stats count(*)' | trailq -f -
! trailq: the query was read from standard input (-f -), so it holds no logs: name the files or directories to search
? 2

### standard input named twice is read once
$ trailq -o tsv 'stats count(*)' - - < testdata/shapes/events.jsonl
> count(*)
> 5
! trailq: note: 1 file reached by more than one path (named twice, through a symbolic link, or inside a directory also named) read once

### files and directories whose names start with '.' are skipped inside a directory, with a note; named, they are read
# checked: ls -A of the tree: a.jsonl (5 lines), .b.jsonl and .hid/c.jsonl (copies), so 5 read; naming .b.jsonl reads its 5
$ rm -rf "$TMPDIR/w8" && mkdir -p "$TMPDIR/w8/d/.hid" && cp testdata/shapes/events.jsonl "$TMPDIR/w8/d/a.jsonl" && \
$ cp testdata/shapes/events.jsonl "$TMPDIR/w8/d/.b.jsonl" && cp testdata/shapes/events.jsonl "$TMPDIR/w8/d/.hid/c.jsonl" && cd "$TMPDIR/w8" && \
$ trailq -o tsv 'stats count(*)' d; trailq -o tsv 'stats count(*)' d/.b.jsonl
> count(*)
> 5
> count(*)
> 5
! trailq: note: 2 entries inside directories not read: names that start with '.' are skipped (the first: d/.b.jsonl); name one to read it
