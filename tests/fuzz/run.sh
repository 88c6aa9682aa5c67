#!/usr/bin/env bash
# tests/fuzz/run.sh — run fuzz targets for a while and say what they found
# (called by `make fuzz`; see tests/fuzz/README).
#
#   tests/fuzz/run.sh [TARGET ...]      (default: every built target)
#
# Environment: FUZZ_TIME seconds per target (default 60), FUZZ_JOBS targets
# at once (default 1), FUZZ_NICE niceness (default 10), FUZZ_TIMEOUT
# seconds one input may take before it counts as a hang (default 10),
# FUZZ_DIR the build directory (default build/fuzz).
#
# Per target T, under FUZZ_DIR:
#   corpus/T/    the corpus, seeded once by tests/fuzz/seed.sh and kept
#                between runs (libFuzzer adds what reaches new code)
#   findings/T/  crash-*, leak-*, timeout-*, oom-* inputs (artifacts)
#   logs/T.log   libFuzzer's output
# A run that hits a finding is restarted for the rest of its time (at most
# 20 times), so a long campaign is not ended by its first finding. At the
# end one line per target: runs, coverage (libFuzzer's cov = edges, ft =
# features), corpus size and findings; the same table goes to
# FUZZ_DIR/summary.txt. Exits 1 when any target has findings.
set -u
cd "$(dirname "$0")/../.." || exit 2
FUZZ_TIME=${FUZZ_TIME:-60}
FUZZ_JOBS=${FUZZ_JOBS:-1}
FUZZ_NICE=${FUZZ_NICE:-10}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
FUZZ_DIR=${FUZZ_DIR:-build/fuzz}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in tests/fuzz/fuzz_*.c; do
        t=${f#tests/fuzz/fuzz_}
        targets+=("${t%.c}")
    done
fi

dict_of() {
    case $1 in
    cloudtrail | cwlogs | jsonl | jsonfields) echo tests/fuzz/json.dict ;;
    export | lambda | vpcflow | text) echo tests/fuzz/lines.dict ;;
    detect) echo "$FUZZ_DIR/detect.dict" ;;
    query | run) echo "$FUZZ_DIR/query.dict" ;;
    *) echo "" ;;
    esac
}

# Run one target for FUZZ_TIME seconds (restarting after findings).
fuzz_one() {
    local t=$1 bin="$FUZZ_DIR/fuzz_$1"
    local corpus="$FUZZ_DIR/corpus/$t" findings="$FUZZ_DIR/findings/$t" log="$FUZZ_DIR/logs/$t.log"
    mkdir -p "$corpus" "$findings" "$FUZZ_DIR/logs"
    if [ ! -e "$corpus/.seeded" ]; then
        bash tests/fuzz/seed.sh "$t" "$corpus" && touch "$corpus/.seeded"
    fi
    local dict
    dict=$(dict_of "$t")
    : > "$log"
    local start=$SECONDS left restarts=0
    while :; do
        left=$((FUZZ_TIME - (SECONDS - start)))
        [ "$left" -gt 0 ] || break
        nice -n "$FUZZ_NICE" "$bin" -max_total_time="$left" -timeout="$FUZZ_TIMEOUT" \
            -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" \
            ${dict:+-dict="$dict"} "$corpus" >> "$log" 2>&1 </dev/null
        [ $? -eq 0 ] && break
        restarts=$((restarts + 1))
        [ "$restarts" -lt 20 ] || break
    done
}

running=0
for t in "${targets[@]}"; do
    if [ ! -x "$FUZZ_DIR/fuzz_$t" ]; then
        echo "run.sh: $FUZZ_DIR/fuzz_$t is not built (make fuzz-build)" >&2
        exit 2
    fi
done
for t in "${targets[@]}"; do
    echo "fuzzing $t for ${FUZZ_TIME}s (log: $FUZZ_DIR/logs/$t.log)"
    fuzz_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$FUZZ_JOBS" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

status=0
summary=$FUZZ_DIR/summary.txt
printf '%-11s %12s %7s %8s %7s %9s\n' target runs cov ft corpus findings > "$summary"
for t in "${targets[@]}"; do
    log="$FUZZ_DIR/logs/$t.log"
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
    last=$(grep -E '^#[0-9]+.* cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corpus=$(find "$FUZZ_DIR/corpus/$t" -type f ! -name '.*' | wc -l)
    found=$(find "$FUZZ_DIR/findings/$t" -type f | wc -l)
    [ "$found" -eq 0 ] || status=1
    printf '%-11s %12s %7s %8s %7s %9s\n' "$t" "$runs" "${cov:--}" "${ft:--}" "$corpus" "$found" >> "$summary"
done
cat "$summary"
[ $status -eq 0 ] || echo "findings are in $FUZZ_DIR/findings/ (tests/fuzz/README says what to do with them)"
exit $status
