# --help and --version. The help text is what options_help() prints from the
# option table (cmd/options.c): the four usage lines, a paragraph, every
# option "  %-24s %s" with its values under -o and -t, two examples and the
# exit statuses. tests/unit/test_docs.c checks the same table against the
# man page and the completions.

### --help, exactly
$ trailq --help
> usage: trailq [OPTIONS] QUERY [PATH ...]
>        trailq [OPTIONS] -f QUERYFILE [PATH ...]
>        trailq [OPTIONS] [PATH ...]          (interactive, when stdin is a terminal)
>        trailq --sql athena|lake [OPTIONS] QUERY    (print it as Trino SQL; run nothing)
>
> Search CloudTrail and CloudWatch-style logs with the CloudWatch Logs Insights
> query language. PATH is a file, a directory (read recursively) or - for
> standard input; .gz is detected by content.
>
> Options:
>   -o, --output FORMAT      output format (default: table on a terminal, else tsv)
>                              (table tsv csv json jsonl raw)
>   -f, --file QUERYFILE     read the query from a file
>       --start TIME         keep events at or after TIME (ISO-8601, epoch s/ms, now, -15m, -2h, -7d)
>       --end TIME           keep events before TIME
>   -t, --type TYPE          input format (default: detected from each input's content)
>                              (auto cloudtrail cwlogs export jsonl lambda vpcflow text)
>       --db FILE            keep the index (a case file) in FILE; later runs read only new or changed inputs, and a query with PATHs sees only their sources
>       --explain            print the SQL and SQLite's plan; run nothing
>       --fields             list the fields found in the inputs, with counts
>       --files              list the sources (of the index, or of the inputs): names, SHA-256, counts, times
>       --sql TARGET         print the query as one Trino SQL statement for Amazon Athena or CloudTrail Lake; run nothing
>                              (athena lake)
>       --sql-table NAME     with --sql: the Athena table (default cloudtrail_logs) or the Lake event data store id
>       --sql-approx         with --sql: count_distinct and pct by Trino's approximate aggregates
>       --ddl S3URI          with --sql athena: print the CREATE TABLE for the CloudTrail folder S3URI instead
>       --tz ZONE            show times in ZONE: an IANA name (Europe/Paris), local, UTC (default) or +02:00
>       --time-format FORMAT how times are written (default insights: 2024-03-01 10:00:00.000)
>                              (insights iso epoch)
>       --chart              draw a stats result as a bar chart (a time series for stats ... by bin())
>       --no-pager           never page a table taller than the terminal ($TRAILQ_PAGER, $PAGER, less -SRFX)
>       --color WHEN         colour messages and table headers
>                              (auto always never)
>       --progress WHEN      show reading progress on stderr (auto: on a terminal, for long reads)
>                              (auto always never)
>       --lookup NAME=FILE   a table (CSV with a header, or JSON lines) for lookup and cidrlookup; repeatable
>   -h, --help               show this help
>   -V, --version            show the version
>
> Interactive mode (Tab completes; Ctrl-C drops the query being typed):
>   .help .fields .files .format .output .start .end .tz .timer .pager .chart
>   .explain .lookup .quit .exit
>
> Examples:
>   trailq 'filter errorCode like /AccessDenied/ | stats count(*) by userIdentity.arn' AWSLogs/
>   trailq -o jsonl 'fields @timestamp, eventName | sort @timestamp desc | limit 5' trail.json.gz
>
> Exit status: 0 success, 1 some input could not be read, 2 bad command line or
> query, 3 nothing could be done. The full reference is trailq(1).

### -h is --help, and --help wins over a query and paths
$ trailq -h | cmp - <(trailq --help) && trailq --help 'stats count(*)' testdata/shapes | head -n 1
> usage: trailq [OPTIONS] QUERY [PATH ...]

### --version: trailq's version, then SQLite's and jansson's (numbers replaced)
$ trailq --version | sed -E 's/[0-9]+(\.[0-9]+)*/N/g'
> trailq N (SQLite N, jansson N)

### -V is --version
$ trailq -V | cmp - <(trailq --version) && echo same
> same

### an unknown option points to --help
$ trailq --colour never 'stats count(*)' testdata/shapes
! trailq: unknown option '--colour'
! Try 'trailq --help' for more information.
? 2

### a bad value names the allowed ones
$ trailq -o yaml 'stats count(*)' testdata/shapes
! trailq: invalid value 'yaml' for --output (expected one of: table tsv csv json jsonl raw)
! Try 'trailq --help' for more information.
? 2
