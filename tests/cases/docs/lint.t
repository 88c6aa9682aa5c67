# The man page lints clean with mandoc (installed by `make deps`), and the
# bash completion parses and completes options, values and files without
# the bash-completion package (its fallback path).

### mandoc -Tlint -W warning: no messages
$ mandoc -Tlint -W warning man/trailq.1

### the man page renders with mandoc, and its NAME line is the summary
$ mandoc -Tascii man/trailq.1 | col -b | sed -n '/^NAME/{n;p;n;p;}'
>      trailq - search CloudTrail and CloudWatch logs with the Logs Insights
>      query language

### the bash completion parses
$ bash -n completions/trailq.bash

### bash completion: long options, values of -o, -t and --color=, files for --db
$ bash -c 'source completions/trailq.bash; t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _trailq; echo "${COMPREPLY[*]}"; }; \
$ t trailq --o; t trailq -o ""; t trailq --type c; t trailq --color=a; t trailq --f; t trailq --db man/trailq.; t trailq --progress n'
> --output=
> table tsv csv json jsonl raw
> cloudtrail cwlogs
> auto always
> --file= --fields --files
> man/trailq.1
> never
