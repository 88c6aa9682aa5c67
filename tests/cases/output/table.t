# The table format (man page, OUTPUT): widths from every row, display
# width by Unicode's rules, and narrowing to the terminal that shrinks free
# text only. Terminal cases run trailq under script(1) (see terminal.t),
# with stderr (the status line) dropped.

### 100,000 rows whose widest values come after row 1,000: into a pipe every value is whole
# checked: the expected table is written by awk from the same rule: i is 6 wide (100000), s 12
# (value-100000); numbers right-aligned, two spaces between columns, the last column not padded
$ gen() { awk 'BEGIN{for(i=1;i<=100000;i++) printf "{\"timestamp\":\"2024-03-01T10:00:00Z\",\"i\":%d,\"s\":\"%s\"}\n", i, (i<=1000?"x":"value-" i)}'; }; \
$ want() { printf '     i  s\n------  ------------\n'; awk 'BEGIN{for(i=1;i<=100000;i++) printf "%6d  %s\n", i, (i<=1000?"x":"value-" i)}'; }; \
$ gen | trailq -o table 'fields i, s | sort i asc' > $TMPDIR/got; want | cmp - $TMPDIR/got && echo same; grep -c '…' $TMPDIR/got || true
> same
> 0

### the issue's example: the largest counts of a sorted stats come last and are shown whole
# checked: awk writes 1,200 minutes with one event each, then three minutes with 10, 11 and 12 events;
# sorted by n ascending the last three rows are those, and n is 2 wide
$ awk 'BEGIN{for(m=0;m<1200;m++) printf "{\"timestamp\":%.0f,\"e\":\"x\"}\n", 1709287200000+m*60000; for(k=0;k<3;k++) for(j=0;j<10+k;j++) printf "{\"timestamp\":%.0f,\"e\":\"x\"}\n", 1709287200000+(1300+k)*60000}' | trailq -o table 'stats count(*) as n by bin(1m) as minute | sort n asc' | tail -3
> 2024-03-02 07:40:00.000  10
> 2024-03-02 07:41:00.000  11
> 2024-03-02 07:42:00.000  12

### wide and zero-width characters: CJK and emoji take two columns, a combining mark none
# checked: by hand: 売上データ is 5 wide characters (10 columns), "cafe" + U+0301 is 4 columns,
# U+1F680 + " launch" is 2 + 7 = 9; the name column is 10 wide
$ trailq -o table 'fields name, region, n | sort n' testdata/hand/wide-chars.jsonl
> name        region             n
> ----------  --------------  ----
> 売上データ  ap-northeast-1     1
> café        eu-west-3         22
> 🚀 launch   us-east-1        333
> plain       us-west-2       4444

### narrowed to a 24-column terminal: the longest free text first, a wide character never split
# checked: by hand: 10 + 14 + 4 + 2 x 2 = 32, 8 too many; region (14) goes down to 10, then name and
# region together to 8; a cut cell keeps at most 7 columns and adds "…": 売上デ is 6 (a fourth
# wide character would make 8), "🚀 laun" is 7, eu-west-3 (9) loses its last two; n (numbers)
# is never cut
$ script -qec "exec 2>/dev/null; stty cols 24; trailq -o table 'fields name, region, n | sort n' testdata/hand/wide-chars.jsonl" /dev/null | tr -d '\r'
> name      region       n
> --------  --------  ----
> 売上デ…   ap-nort…     1
> café      eu-west…    22
> 🚀 laun…  us-east…   333
> plain     us-west…  4444

### a terminal too narrow for the numbers and times: the lines stay wider, nothing of them is cut
# checked: by hand: @timestamp is 23 wide and n 2 (1 and 22); the free-text column stops at 8
$ script -qec "exec 2>/dev/null; stty cols 20; trailq -o table 'fields @timestamp, name, n | sort n | limit 2' testdata/hand/wide-chars.jsonl" /dev/null | tr -d '\r'
> @timestamp               name       n
> -----------------------  --------  --
> 2024-03-01 10:00:00.000  売上デ…    1
> 2024-03-01 10:01:00.000  café      22
