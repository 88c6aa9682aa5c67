# bench/tools.sh — the six benchmark queries and how each tool runs them.
#
# Sourced by bench/run.sh. For every tool and query it says which command to
# time (tool_cmd fills the array CMD) and how to turn that command's output
# into the common form that answers are compared in (tool_normalise): rows
# as tab-separated text, no header, the columns in trailq's order, missing
# values as empty fields, counts as plain integers, timestamps as trailq
# prints them ("YYYY-MM-DD HH:MM:SS.mmm", UTC), sorted bytewise.
#
# Tools:
#   trailq      one-shot: temporary index, files to answer
#   trailq-db   the same query against an index built once with --db
#   jq          zcat of the files | jq 1.6 (bench/jq/Qn.jq)
#   duckdb      node bench/duckdb.mjs (read_json over the .gz files, 2 threads)
#   lnav        lnav -n with SQL over lnav_file.content (bench/lnav/Qn.sql)

QUERIES="Q1 Q2 Q3 Q4 Q5 Q6"
ALL_TOOLS="trailq trailq-db jq duckdb lnav"

declare -A Q_TEXT=(
    [Q1]='stats count(*) by eventName'
    [Q2]='filter eventName = "ConsoleLogin" and responseElements.ConsoleLogin = "Failure" | fields @timestamp, userIdentity.arn, sourceIPAddress'
    [Q3]='stats count(*) by bin(1h)'
    [Q4]='filter userAgent like /python-requests|curl|Boto3/ | stats count(*) by userIdentity.arn'
    [Q5]='stats count_distinct(sourceIPAddress) by userIdentity.arn'
    [Q6]='filter requestParameters.bucketName = "@BUCKET@" | fields @timestamp, eventName'
)

# The header line trailq must print (checks the column order too).
declare -A Q_HEADER=(
    [Q1]=$'eventName\tcount(*)'
    [Q2]=$'@timestamp\tuserIdentity.arn\tsourceIPAddress'
    [Q3]=$'bin(1h)\tcount(*)'
    [Q4]=$'userIdentity.arn\tcount(*)'
    [Q5]=$'userIdentity.arn\tcount_distinct(sourceIPAddress)'
    [Q6]=$'@timestamp\teventName'
)

# The pattern benchmark (trailq only: no other tool clusters log lines):
# `pattern @message` over the loghub text samples and over generated Lambda
# logs; the answer is checked by its header and by its counts adding up to
# the number of events.
PATTERN_QUERY='pattern @message'
PATTERN_HEADER=$'@pattern\t@ratio\t@sampleCount\t@severityLabel'

declare -A TOOL_LABEL=(
    [trailq]="trailq"
    [trailq-db]="trailq --db"
    [jq]="jq"
    [duckdb]="DuckDB"
    [lnav]="lnav"
)

# The Insights text of query Q for this data set (Q6 gets the bucket).
# usage: query_text Q BUCKET
query_text()
{
    local t=${Q_TEXT[$1]}
    printf '%s' "${t//@BUCKET@/$2}"
}

# Fills CMD with the command that answers query Q with TOOL.
# usage: tool_cmd TOOL Q DATADIR FILELIST BUCKET DBFILE
# Uses $TRAILQ (the binary under test).
tool_cmd()
{
    local tool=$1 q=$2 dir=$3 list=$4 bucket=$5 db=$6 text sql
    text=$(query_text "$q" "$bucket")
    case $tool in
    trailq) CMD=("$TRAILQ" -o tsv "$text" "$dir") ;;
    trailq-db) CMD=("$TRAILQ" --db "$db" -o tsv "$text") ;;
    jq)
        CMD=(bash -c 'set -o pipefail; xargs -d "\n" -a "$1" zcat -- | jq -nr --arg bucket "$2" -f "$3"'
            bench-jq "$list" "$bucket" "bench/jq/$q.jq")
        ;;
    duckdb) CMD=(node bench/duckdb.mjs "$q" "$dir" "$bucket") ;;
    lnav)
        # One SQL statement per file; comment lines dropped, joined on one line.
        sql=$(grep -v '^--' "bench/lnav/$q.sql" | tr '\n' ' ')
        local -a files
        mapfile -t files <"$list"
        CMD=(env BENCH_BUCKET="$bucket" lnav -n -c ";$sql" -c ':write-jsonlines-to -' "${files[@]}")
        ;;
    *) return 1 ;;
    esac
}

# Turns TOOL's raw output for query Q into the common form.
# usage: tool_normalise TOOL Q RAWFILE OUTFILE ; returns 1 (with a message on
# stdout) when the raw output is malformed (for trailq: a wrong header).
tool_normalise()
{
    local tool=$1 q=$2 raw=$3 out=$4 head
    case $tool in
    trailq | trailq-db)
        head=$(head -n 1 "$raw")
        if [ "$head" != "${Q_HEADER[$q]}" ]; then
            printf 'header is "%s", expected "%s"' "$head" "${Q_HEADER[$q]}"
            return 1
        fi
        tail -n +2 "$raw" | LC_ALL=C sort >"$out"
        ;;
    jq | duckdb) LC_ALL=C sort "$raw" >"$out" ;;
    lnav)
        # JSON lines, one object per row, keys in the SELECT's column order.
        jq -r '[.[] | if . == null then "" else tostring end] | @tsv' "$raw" | LC_ALL=C sort >"$out" || {
            printf 'output is not JSON lines'
            return 1
        }
        ;;
    esac
}

# The tool's version, one line.
tool_version()
{
    case $1 in
    trailq | trailq-db) "$TRAILQ" --version 2>&1 | head -n 1 ;;
    jq) jq --version 2>&1 | head -n 1 ;;
    duckdb) printf 'DuckDB %s (@duckdb/node-api %s, Node.js %s)' \
        "$(node bench/duckdb.mjs version 2>/dev/null)" \
        "$(jq -r .version bench/node_modules/@duckdb/node-api/package.json 2>/dev/null)" \
        "$(node --version 2>/dev/null)" ;;
    lnav) lnav -V 2>&1 | head -n 1 ;;
    esac
}

# After a wrong answer: a one-line explanation when one can be found, else
# nothing. usage: tool_diagnose TOOL FILELIST
tool_diagnose()
{
    local tool=$1 list=$2 opened want
    case $tool in
    lnav)
        # lnav 0.11.1 silently leaves files unopened when given many .gz files.
        local -a files
        mapfile -t files <"$list"
        want=${#files[@]}
        opened=$(timeout -k 10 "${TIMEOUT:-600}" lnav -n -c ';SELECT count(*) AS n FROM lnav_file' \
            -c ':write-jsonlines-to -' "${files[@]}" 2>/dev/null | jq -r '.n' 2>/dev/null)
        if [ -n "$opened" ] && [ "$opened" != "$want" ]; then
            printf 'lnav opened only %s of the %s files it was given, without a message' "$opened" "$want"
        fi
        ;;
    esac
}
