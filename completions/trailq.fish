# trailq.fish — fish completion for trailq(1).
#
# Installed by `make install` as $(FISHCOMPDIR)/trailq.fish, a directory
# fish reads completions from. The options and their values are those of
# the option table in cmd/options.c; tests/unit/test_docs.c checks that
# this file names every option and value of the table and no other
# option, and tests/cases/docs/completions.t asks fish for them. Operands
# (the query, then files and directories) complete as file names.

complete -c trailq -s o -l output -x -a 'table tsv csv json jsonl raw' -d 'output format'
complete -c trailq -s f -l file -r -F -d 'read the query from a file'
complete -c trailq -l start -x -a 'now -15m -1h -2h -1d -7d' -d 'keep events at or after TIME'
complete -c trailq -l end -x -a 'now -15m -1h -2h -1d -7d' -d 'keep events before TIME'
complete -c trailq -s t -l type -x -a 'auto cloudtrail cwlogs export jsonl lambda vpcflow text' -d 'input format'
complete -c trailq -l db -r -F -d 'keep the index in FILE and reuse it'
complete -c trailq -l explain -d 'print the SQL and the plan; run nothing'
complete -c trailq -l fields -d 'list the fields of the inputs, with counts'
complete -c trailq -l files -d 'list the sources: names, SHA-256, counts, times'
complete -c trailq -l sql -x -a 'athena lake' -d 'print the query as Trino SQL; run nothing'
complete -c trailq -l sql-table -x -d 'the Athena table or the Lake event data store id'
complete -c trailq -l sql-approx -d 'count_distinct and pct by approximate aggregates'
complete -c trailq -l ddl -x -d 'print the Athena CREATE TABLE for this CloudTrail folder'
complete -c trailq -l tz -x -a 'UTC local' -d 'show times in this zone'
complete -c trailq -l time-format -x -a 'insights iso epoch' -d 'how times are written'
complete -c trailq -l chart -d 'draw a stats result as a bar chart'
complete -c trailq -l no-pager -d 'never page a table taller than the terminal'
complete -c trailq -l color -x -a 'auto always never' -d 'colour messages'
complete -c trailq -l progress -x -a 'auto always never' -d 'show reading progress on stderr'
complete -c trailq -l lookup -r -F -d 'a lookup table NAME=FILE for lookup and cidrlookup'
complete -c trailq -s h -l help -d 'show the help'
complete -c trailq -s V -l version -d 'show the version'
