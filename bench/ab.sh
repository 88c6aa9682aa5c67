#!/usr/bin/env bash
# bench/ab.sh — two trailq binaries, before and after a change, on the same
# data in one run: the --db ingest into a fresh file and re-queries of the
# index it built, timed alternately (A B A B ...) so that the machine's
# state weighs on both alike. For changes to the load path, whose cost the
# full benchmark (bench/run.sh) measures only against other tools.
#
#   bench/ab.sh OLD_TRAILQ NEW_TRAILQ [SET]      (SET: 100MB or 1GB, default 1GB)
#
# The data set is the one `make bench` generates into bench/data/ct-SET.
# BENCH_RUNS (default 3) repetitions; prints medians of wall time (bash
# $EPOCHREALTIME) and CPU time (user + sys, GNU time) as a Markdown table.
# The answers of the two must agree, else it stops with status 1. Before
# each ingest the indexes are removed and sync(1) run, and the order
# alternates (A B, B A, ...), so neither meets the other's writeback.
set -u -o pipefail
cd "$(dirname "$0")/.." || exit 1

[ $# -ge 2 ] || { echo "usage: bench/ab.sh OLD_TRAILQ NEW_TRAILQ [SET]" >&2; exit 2; }
SET=${3:-1GB}
DATA=bench/data/ct-$SET
N=${BENCH_RUNS:-3}
[ -d "$DATA" ] || { echo "bench/ab.sh: $DATA is missing (make bench generates it)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$1" "$WORK/A" && cp "$2" "$WORK/B" || exit 2

QUERIES=(
    'stats count(*) by eventName'
    'filter userAgent like /python-requests|curl|Boto3/ | stats count(*) by userIdentity.arn'
    'stats count_distinct(sourceIPAddress) by userIdentity.arn'
)

# usage: timed NAME cmd...   appends "NAME wall_s cpu_s" to $WORK/times
timed()
{
    local name=$1 t0 t1
    shift
    t0=${EPOCHREALTIME//[!0-9]/}
    /usr/bin/time -f '%U %S' -o "$WORK/cpu" "$@" >"$WORK/out.$name" 2>"$WORK/err" || {
        echo "bench/ab.sh: $name failed: $(head -n 1 "$WORK/err")" >&2
        exit 1
    }
    t1=${EPOCHREALTIME//[!0-9]/}
    read -r u s <"$WORK/cpu"
    echo "$name $(((10#$t1 - 10#$t0) / 1000)) $u $s" >>"$WORK/times"
}

for rep in $(seq "$N"); do
    # A B, then B A: the one that runs second meets the page cache the
    # first left behind
    order="A B"
    [ $((rep % 2)) -eq 0 ] && order="B A"
    for v in $order; do
        # the other's index written out and gone before this ingest starts
        rm -f "$WORK"/*.db*
        sync
        timed "ingest-$v" "$WORK/$v" --db "$WORK/$v.db" -o tsv 'stats count(*)' "$DATA"
        q=0
        for query in "${QUERIES[@]}"; do
            q=$((q + 1))
            timed "Q$q-$v" "$WORK/$v" --db "$WORK/$v.db" -o tsv "$query"
            # the same answer from both (rows in any order)
            if [ -e "$WORK/out.Q$q-A" ] && [ -e "$WORK/out.Q$q-B" ]; then
                cmp -s <(sort "$WORK/out.Q$q-A") <(sort "$WORK/out.Q$q-B") ||
                    { echo "bench/ab.sh: Q$q: the answers differ" >&2; exit 1; }
            fi
        done
    done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "| | A wall | B wall | B/A | A CPU | B CPU |"
echo "|---|---|---|---|---|---|"
for name in ingest $(seq -f 'Q%g' ${#QUERIES[@]}); do
    aw=$(awk -v n="$name-A" '$1 == n { print $2 }' "$WORK/times" | median)
    bw=$(awk -v n="$name-B" '$1 == n { print $2 }' "$WORK/times" | median)
    ac=$(awk -v n="$name-A" '$1 == n { print $3 + $4 }' "$WORK/times" | median)
    bc=$(awk -v n="$name-B" '$1 == n { print $3 + $4 }' "$WORK/times" | median)
    awk -v n="$name" -v aw="$aw" -v bw="$bw" -v ac="$ac" -v bc="$bc" 'BEGIN {
        printf "| %s | %.2f s | %.2f s | %.2f | %.2f s | %.2f s |\n", n, aw / 1000, bw / 1000, bw / aw, ac, bc }'
done
echo
echo "Queries: $(for i in "${!QUERIES[@]}"; do printf 'Q%d `%s`; ' $((i + 1)) "${QUERIES[$i]}"; done)"
echo "Data: $DATA; $N runs each, alternating; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
