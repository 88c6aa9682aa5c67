# lookup and cidrlookup: enriching rows from --lookup tables (trailq(1),
# QUERY LANGUAGE and OPTIONS; docs/language.md#lookup-and-cidrlookup;
# issue 12 item 5). Inputs written by hand in testdata/lang/lookup/:
# events.jsonl (six events), users.csv (a quoted comma, doubled quotes, an
# empty cell, a duplicate key u1 last), users.jsonl (numbers, a boolean, a
# list, a null), nets.csv (nested blocks, a bare address, IPv6),
# ranges.csv and categories.csv for the larger corpus.

### lookup: by key, OUTPUT replaces the field where a row matched
# checked: by hand: u1 is the first row (not the duplicate) and replaces
# the event's department "unknown"; u2's empty department is missing; U1
# does not match u1 (case); the event without userId and u9 match nothing
$ trailq -o tsv --lookup users=testdata/lang/lookup/users.csv 'lookup users id as userId OUTPUT name, email, department | display userId, name, email, department | sort @timestamp asc' testdata/lang/lookup/events.jsonl
> userId	name	email	department
> u1	Ana Lima	ana@example.com	security
> u2	Bob, Jr.	bob@example.com	
> u3	Carol "CJ" Jones	carol@example.com	finance
> U1			
> 			
> u9			

### OUTPUTNEW fills only what the row lacks; a row without a match keeps its value
# checked: by hand: the first event keeps "unknown"; u3 gets finance
$ trailq -o tsv --lookup users=testdata/lang/lookup/users.csv 'lookup users id as userId OUTPUTNEW department as department | display userId, department | sort @timestamp asc | limit 3' testdata/lang/lookup/events.jsonl; trailq -o tsv --lookup users=testdata/lang/lookup/users.csv 'fields "before" as name | lookup users id as userId OUTPUT name | display userId, name | sort @timestamp asc | limit 4' testdata/lang/lookup/events.jsonl
> userId	department
> u1	unknown
> u2	
> u3	finance
> userId	name
> u1	Ana Lima
> u2	Bob, Jr.
> u3	Carol "CJ" Jones
> U1	before

### JSON lines tables: other values as JSON text, null missing, blank lines skipped
$ trailq -o jsonl --lookup u=testdata/lang/lookup/users.jsonl 'lookup u id as userId OUTPUT name as who, level, admin, tags | display userId, who, level, admin, tags | sort @timestamp asc | limit 3' testdata/lang/lookup/events.jsonl
> {"userId":"u1","who":"Ana Lima","level":"3","admin":"true"}
> {"userId":"u2","who":"Bob, Jr.","tags":"[\"a\",\"b\"]"}
> {"userId":"u3","level":"1"}

### a key column named like the field needs no as; two keys must both match
# checked: by hand: users.csv's name column matched against a field "name"
# made by fields; only u1 with "Ana Lima" matches both keys
$ trailq -o tsv --lookup users=testdata/lang/lookup/users.csv 'fields "Ana Lima" as name | lookup users name, id as userId OUTPUT email | display userId, email | sort @timestamp asc | limit 2' testdata/lang/lookup/events.jsonl
> userId	email
> u1	ana@example.com
> u2	

### cidrlookup: the longest prefix that holds the address
# checked: by hand: 10.1.2.3 is in 10/8, 10.1/16 and 10.1.2/24 (payments);
# 10.1.9.9 in the /16; 10.200.0.1 in the /8; 192.0.2.7 is the bare
# address; 8.8.8.8 in nothing; 2001:db8::5 in the IPv6 block
$ trailq -o tsv --lookup nets=testdata/lang/lookup/nets.csv 'cidrlookup nets src OUTPUT region, owner as team | display src, region, team | sort @timestamp asc' testdata/lang/lookup/events.jsonl
> src	region	team
> 10.1.2.3	eu-west-1	payments
> 10.1.9.9	eu-west-1	platform
> 10.200.0.1	internal	it
> 192.0.2.7	internal	bastion
> 8.8.8.8		
> 2001:db8::5	v6-lab	research

### cidrlookup: another CIDR column with as
$ printf 'name,block\nten,10.0.0.0/8\n' > "$TMPDIR/t.csv"; trailq -o tsv --lookup t="$TMPDIR/t.csv" 'cidrlookup t src as block OUTPUT name | filter ispresent(name) | stats count(*) as n by name' testdata/lang/lookup/events.jsonl
> name	n
> ten	3

### lookup over CloudTrail, against jq and awk
~ [ -d "$SHARED/data" ]
# checked: jq prints each event's eventName; awk maps it with the CSV
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; trailq -o tsv --lookup c=testdata/lang/lookup/categories.csv 'lookup c eventName OUTPUT category | stats count(*) as n by category' "$D" | tail -n +2 | sort > "$TMPDIR/got"; sh testdata/lang/records.sh "$D" | jq -r '.eventName' | awk -F, 'NR==FNR { if (FNR > 1) cat[$1] = $2; next } { n[($0 in cat) ? cat[$0] : ""]++ } END { for (k in n) print k "\t" n[k] }' testdata/lang/lookup/categories.csv - | sort | diff - "$TMPDIR/got" && echo same
> same

### cidrlookup over CloudTrail source addresses, against python3's ipaddress
~ [ -d "$SHARED/data" ]
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; trailq -o tsv --lookup r=testdata/lang/lookup/ranges.csv 'cidrlookup r sourceIPAddress OUTPUT label | stats count(*) as n by label' "$D" > "$TMPDIR/got"; sh testdata/lang/records.sh "$D" | python3 testdata/lang/cidrref.py testdata/lang/lookup/ranges.csv sourceIPAddress | diff - "$TMPDIR/got" && echo same
> same

### the interactive mode reads a table with .lookup
$ printf '.lookup users testdata/lang/lookup/users.csv\nlookup users id as userId OUTPUT name | stats count(name) as n\n.quit\n' | TERM=dumb COLUMNS=80 script -qec "trailq -o tsv testdata/lang/lookup/events.jsonl" /dev/null | tr -d '\r' | sed -n '/events loaded/,$p'
> trailq: 6 events loaded. Type .help for help, .quit to leave.
> trailq> .lookup users testdata/lang/lookup/users.csv
> lookup table 'users': 4 columns
> trailq> lookup users id as userId OUTPUT name | stats count(name) as n
> n
> 3
> 1 row (6 events scanned)
> trailq> .quit

### errors: a table that was not given
$ trailq 'lookup users id as userId OUTPUT name' testdata/lang/lookup/events.jsonl
! trailq: query error at 1:8: no lookup table named 'users': give it with --lookup users=FILE (or .lookup in the interactive mode)
!   lookup users id as userId OUTPUT name
!          ^^^^^
? 2

### ... a column the table does not have
$ trailq --lookup users=testdata/lang/lookup/users.csv 'lookup users id as userId OUTPUT nom' testdata/lang/lookup/events.jsonl
! trailq: query error at 1:34: lookup table 'users' has no column 'nom' (its columns: id, name, email, department)
!   lookup users id as userId OUTPUT nom
!                                    ^^^
? 2

### ... OUTPUT is needed
$ trailq --lookup users=testdata/lang/lookup/users.csv 'lookup users id' testdata/lang/lookup/events.jsonl
! trailq: query error at 1:16: expected OUTPUT or OUTPUTNEW and the columns to add, after 'id'
!   lookup users id
!                  ^
? 2

### ... malformed files name the file and line, before anything is read
$ printf 'a,b\n1,2\n3\n' > "$TMPDIR/bad.csv"; trailq --lookup t="$TMPDIR/bad.csv" 'fields a' testdata/lang/lookup/events.jsonl 2>&1 | sed "s|$TMPDIR|TMP|"; printf 'a,b\n"1,2\n' > "$TMPDIR/q.csv"; trailq --lookup t="$TMPDIR/q.csv" 'fields a' testdata/lang/lookup/events.jsonl 2>&1 | sed "s|$TMPDIR|TMP|"; printf '{"a":1}\n[1]\n' > "$TMPDIR/b.jsonl"; trailq --lookup t="$TMPDIR/b.jsonl" 'fields a' testdata/lang/lookup/events.jsonl 2>&1 | sed "s|$TMPDIR|TMP|"; printf 'a,a\n' > "$TMPDIR/h.csv"; trailq --lookup t="$TMPDIR/h.csv" 'fields a' nothing 2>&1 | sed "s|$TMPDIR|TMP|"; echo "exit ${PIPESTATUS[0]}"
> trailq: TMP/bad.csv:3: 1 field, but the header has 2
> trailq: TMP/q.csv:2: a quoted field is not closed
> trailq: TMP/b.jsonl:2: not a JSON object
> trailq: TMP/h.csv:1: the header names column 'a' twice
> exit 2

### ... the option's form
$ trailq --lookup users 'fields a' testdata/lang/lookup/events.jsonl; trailq --lookup 'a b=x' 'fields a' testdata/lang/lookup/events.jsonl
! trailq: invalid --lookup 'users' (expected NAME=FILE)
! trailq: invalid lookup table name 'a b' (letters, digits, '_' and '-')
? 2
