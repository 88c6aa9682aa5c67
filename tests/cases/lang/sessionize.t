# sessionize: each key's events into sessions split by gaps longer than
# maxspan (trailq(1), QUERY LANGUAGE; docs/language.md#sessionize; issue 12
# item 4). Inputs: testdata/lang/sessions.jsonl (nine events written by
# hand, one without a user), and the Stratus Red Team CloudTrail logs of
# $SHARED/data. Expected rows are computed by testdata/lang/sessref.py,
# which shares no code with trailq (python3: sort, compare gaps, hashlib).

### the sessions of sessions.jsonl, by hand
# checked: by hand: alice 10:00, 10:10 | 10:45 (35 min later), 10:50; bob
# 10:05 | 11:00 (55 min); carol 12:00, 12:30 (exactly 30 min: the same
# session, as only a longer gap splits); the event without a user has no id
# (its group comes last: missing keys sort last)
$ trailq -o tsv 'sessionize user | sort @timestamp asc | stats count(*) as events by user, session_id | stats count(*) as sessions, sum(events) as events by user' testdata/lang/sessions.jsonl
> user	sessions	events
> alice	2	4
> bob	2	2
> carol	1	2
> 	1	1

### the session ids, against the independent computation
$ trailq -o tsv 'sessionize user | display @timestamp, user, session_id | sort @timestamp asc' testdata/lang/sessions.jsonl > "$TMPDIR/got"; python3 testdata/lang/sessref.py testdata/lang/sessions.jsonl time 1800000 session_id user | diff - "$TMPDIR/got" && echo same
> same

### two keys, maxspan 1h, a name of one's own
# checked: by hand: alice on the laptop 10:00, 10:10, 10:50 is one session
# (no gap over 1h); alice on the phone at 10:45 is another; bob's gap of
# 55 min is within the hour; carol: one. Four sessions.
$ trailq -o tsv 'sessionize user, device maxspan 1h as s | display @timestamp, user, device, s | sort @timestamp asc' testdata/lang/sessions.jsonl > "$TMPDIR/got"; python3 testdata/lang/sessref.py testdata/lang/sessions.jsonl time 3600000 s user device | diff - "$TMPDIR/got" && echo same; trailq -o tsv 'sessionize user, device maxspan 1h as s | stats count_distinct(s) as sessions' testdata/lang/sessions.jsonl
> same
> sessions
> 4

### the ids are the same in another query, on --db, and whatever else is loaded
# checked: the id depends only on the key and the session's start
$ trailq -o tsv 'filter user = "bob" | sessionize user | display session_id' testdata/lang/sessions.jsonl > "$TMPDIR/a"; trailq --db "$TMPDIR/s.db" -o tsv 'sessionize user | filter user = "bob" | display session_id' testdata/lang/sessions.jsonl testdata/lang/app.log > "$TMPDIR/b"; cmp "$TMPDIR/a" "$TMPDIR/b" && cat "$TMPDIR/a"
> session_id
> s-3112c73ab7db8a17
> s-72ea12cfc8c5aa4c

### the order of the rows is kept; the field is shown like a parse field
# checked: by hand: default order, newest first; carol's two rows last two
$ trailq -o tsv 'sessionize user | fields action | limit 2' testdata/lang/sessions.jsonl
> action	session_id
> logout	s-91304f715329bf06
> login	s-91304f715329bf06

### CloudTrail: sessions of userIdentity.arn, against the independent computation
~ [ -d "$SHARED/data" ]
$ D="$SHARED/data/cloudtrail/stratus-red-team_detonation-logs"; sh testdata/lang/records.sh "$D" > "$TMPDIR/ct.jsonl"; trailq -o tsv 'sessionize userIdentity.arn maxspan 5m as sid | display @timestamp, userIdentity.arn, sid | sort @timestamp asc' "$D" > "$TMPDIR/got"; python3 testdata/lang/sessref.py "$TMPDIR/ct.jsonl" eventTime 300000 sid userIdentity.arn | diff - "$TMPDIR/got" && echo same
> same

### errors: sessionize needs timestamps, field names, and a period of fixed length
# checked: "sessionize" starts at column 26 (25 characters before it)
$ trailq 'stats count(*) by user | sessionize user' testdata/lang/sessions.jsonl
! trailq: query error at 1:26: sessionize needs the events' timestamps; it cannot follow stats or pattern
!   stats count(*) by user | sessionize user
!                            ^^^^^^^^^^
? 2

### ... field names only
$ trailq 'sessionize toupper(user)' testdata/lang/sessions.jsonl
! trailq: query error at 1:12: sessionize takes field names
!   sessionize toupper(user)
!              ^^^^^^^^^^^^^
? 2

### ... maxspan in months has no fixed length
$ trailq 'sessionize user maxspan 1mo' testdata/lang/sessions.jsonl
! trailq: query error at 1:25: maxspan must be in ms, s, m, h, d or w
!   sessionize user maxspan 1mo
!                           ^^^
? 2

### ... the name must be new
$ trailq 'sessionize user | sessionize device' testdata/lang/sessions.jsonl
! trailq: query error at 1:19: field 'session_id' is already defined (at 1:1)
!   sessionize user | sessionize device
!                     ^^^^^^^^^^
? 2
