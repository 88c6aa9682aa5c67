#!/usr/bin/env bash
# bench/run.sh — the trailq benchmark (issue 5): trailq against jq, DuckDB and
# lnav on generated CloudTrail, answers checked before anything is timed.
#
# `make bench` runs it from the repository root. What it does:
#   1. installs what is missing (bench/setup.sh: apt jq lnav time python3,
#      npm @duckdb/node-api pinned in bench/package.json), builds bench/floor.c;
#   2. generates each data set once into bench/data/ (gen-cloudtrail, seed 42,
#      3 accounts, 4 regions, 7 days, gzipped S3 layout) and reuses it;
#   3. picks the Q6 bucket once per data set (the least frequent
#      requestParameters.bucketName, ties by byte order; DuckDB, else jq);
#   4. correctness: runs every tool once on every query, normalises the
#      answers (bench/tools.sh) and compares them with trailq's one-shot
#      answer; a tool whose answer differs gets no time for that query, the
#      difference is printed and kept in bench/results/, and the run exits 1;
#   5. timing: N repetitions, round-robin (each repetition runs every tool
#      once per query, the tool order rotating), plus the --db ingest into a
#      fresh file and the floor (gunzip + full jansson parse, 2 threads) once
#      per repetition; wall time (bash $EPOCHREALTIME around the command) and
#      peak RSS (GNU time %M) of every run go to bench/results/runs-SET.tsv;
#   6. the pattern benchmark (trailq alone): `pattern @message` over the
#      loghub text samples of $SHARED/data and over Lambda logs generated for
#      each set size (gen-cloudtrail --kind lambda, seed 42), checked (the
#      header, and the counts add up to the events), then timed N times with
#      peak RSS into bench/results/runs-pattern.tsv;
#   7. writes bench/RESULTS.md (bench/report.sh): medians, ratios, targets.
#
# Environment:
#   BENCH_QUICK=1        only the 100 MB set
#   BENCH_SETS="100MB 1GB"  data sets (gen-cloudtrail --size values; default both)
#   BENCH_RUNS=3         repetitions (N)
#   BENCH_TOOLS="trailq trailq-db jq duckdb lnav"  tools to run (trailq always)
#   BENCH_TIMEOUT=600    seconds allowed for one run of one tool
#   TRAILQ=./trailq      binary under test (copied first, so a rebuild during
#                        the run cannot mix two versions)
#   SHARED=../shared     where tools/gen-cloudtrail is
# Exit status: 0 all answers agreed and every run finished; 1 otherwise.
set -u -o pipefail
cd "$(dirname "$0")/.." || exit 1

N=${BENCH_RUNS:-3}
TIMEOUT=${BENCH_TIMEOUT:-600}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
    SETS="100MB"
else
    SETS=${BENCH_SETS:-"100MB 1GB"}
fi
GEN=${SHARED:-../shared}/tools/gen-cloudtrail
WORK=bench/work
RES=bench/results
DATA=bench/data
FAILED=0

source bench/setup.sh
source bench/tools.sh

TOOLS="trailq"
for t in ${BENCH_TOOLS:-$ALL_TOOLS}; do
    case " $ALL_TOOLS " in
    *" $t "*) [ "$t" = trailq ] || TOOLS="$TOOLS $t" ;;
    *) echo "bench: unknown tool '$t' in BENCH_TOOLS (known: $ALL_TOOLS)" >&2; exit 2 ;;
    esac
done

say() { printf 'bench: %s\n' "$*" >&2; }
loud() { printf '\nbench: *** %s ***\n\n' "$*" >&2; }

mkdir -p "$WORK" "$RES" "$DATA"

# ---- 1. tools ---------------------------------------------------------------
setup_all || exit 1
SRC_TRAILQ=${TRAILQ:-./trailq}
if [ ! -x "$SRC_TRAILQ" ]; then
    say "no trailq binary at $SRC_TRAILQ (run make first)"
    exit 1
fi
TRAILQ=$WORK/trailq-under-test
cp "$SRC_TRAILQ" "$TRAILQ" || exit 1
COMMIT="$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (work tree has changes)')"

FLOOR=$WORK/floor
if [ -z "${MISSING[floor]:-}" ]; then
    # shellcheck disable=SC2046
    cc -std=c11 -D_GNU_SOURCE -O2 -pthread $(pkg-config --cflags jansson zlib) \
        -o "$FLOOR" bench/floor.c $(pkg-config --libs jansson zlib) ||
        MISSING[floor]="bench/floor.c does not compile"
fi
for t in $TOOLS; do
    [ -n "${MISSING[$t]:-}" ] && { loud "$t: n/a (${MISSING[$t]})"; FAILED=1; }
done

# ---- helpers ----------------------------------------------------------------
# Runs a command with a timeout; sets R_US (wall µs), R_KB (peak RSS KiB),
# R_RC (exit status; 124 = timed out). usage: run_timed OUT ERR cmd...
run_timed()
{
    local out=$1 err=$2 t0 t1
    shift 2
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$WORK/rss" timeout -k 10 "$TIMEOUT" "$@" >"$out" 2>"$err"
    R_RC=$?
    t1=$EPOCHREALTIME
    t0=${t0//[!0-9]/}
    t1=${t1//[!0-9]/}
    R_US=$((10#$t1 - 10#$t0))
    R_KB=$(tail -n 1 "$WORK/rss" 2>/dev/null)
    case $R_KB in '' | *[!0-9]*) R_KB=0 ;; esac
}

# A one-line reason for a failed run. usage: fail_reason ERRFILE
fail_reason()
{
    if [ "$R_RC" = 124 ] || [ "$R_RC" = 137 ]; then
        printf 'timed out after %s s' "$TIMEOUT"
    else
        printf 'exit %s: %s' "$R_RC" "$(grep -v '^Command exited' "$1" | head -n 1 | cut -c1-120)"
    fi
}

# Appends one timed run. usage: record SET REP TOOL QUERY STATUS
record()
{
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$R_US" "$R_KB" "$5" >>"$RUNS"
}

# ---- per data set -----------------------------------------------------------
# Generates the data set once; the stats file is written last, as the marker.
make_data()
{
    local size=$1 dir=$DATA/ct-$1
    [ -s "$DATA/ct-$size.stats.json" ] && [ -d "$dir" ] && return 0
    [ -x "$GEN" ] || [ -f "$GEN" ] || { say "gen-cloudtrail not found at $GEN (set SHARED)"; return 1; }
    say "generating $size of CloudTrail into $dir (once)"
    rm -rf "$dir" "$DATA/ct-$size.stats.json"
    python3 "$GEN" "$dir" --size "$size" --seed 42 --accounts 3 --regions 4 --days 7 \
        --jobs "$(nproc)" --stats "$WORK/stats.tmp" >&2 || return 1
    mv "$WORK/stats.tmp" "$DATA/ct-$size.stats.json"
}

# The Q6 bucket: least frequent requestParameters.bucketName (ties: first in
# byte order), computed once and kept beside the data.
pick_bucket()
{
    local size=$1 f=$DATA/ct-$1.bucket b=""
    if [ -s "$f" ]; then cat "$f"; return 0; fi
    if [ -z "${MISSING[duckdb]:-}" ]; then
        b=$(node bench/duckdb.mjs bucket "$DATA/ct-$size")
    fi
    if [ -z "$b" ]; then
        b=$(xargs -d '\n' -a "$WORK/$size.files" zcat -- | jq -nr '
            reduce (inputs | .Records[] | .requestParameters | objects | .bucketName | strings)
              as $b ({}; .[$b] += 1)
            | to_entries | sort_by(.value, .key) | .[0].key // empty')
    fi
    [ -n "$b" ] || return 1
    printf '%s\n' "$b" >"$f"
    cat "$f"
}

# The --db ingest: a fresh index file, every field of every event.
# usage: ingest SIZE DBFILE REP ; returns 1 if it failed or miscounted.
ingest()
{
    local size=$1 db=$2 rep=$3 events
    rm -f "$db" "$db"-journal "$db"-wal "$db"-shm
    run_timed "$WORK/ingest.out" "$WORK/ingest.err" "$TRAILQ" --db "$db" -o tsv 'stats count(*)' "$DATA/ct-$size"
    events=$(jq -r .events "$DATA/ct-$size.stats.json")
    if [ "$R_RC" != 0 ]; then
        record "$size" "$rep" trailq-db ingest "fail"
        INGEST_REASON="ingest failed: $(fail_reason "$WORK/ingest.err")"
        return 1
    fi
    if [ "$(tail -n 1 "$WORK/ingest.out")" != "$events" ]; then
        record "$size" "$rep" trailq-db ingest "fail"
        INGEST_REASON="ingest counted $(tail -n 1 "$WORK/ingest.out") events, the generator wrote $events"
        return 1
    fi
    record "$size" "$rep" trailq-db ingest ok
}

bench_set()
{
    local size=$1 dir=$DATA/ct-$1 list=$WORK/$1.files bucket db=$WORK/$1.db
    local q t rep raw norm reason i k
    RUNS=$RES/runs-$size.tsv
    local status=$RES/status-$size.tsv
    printf 'set\trep\ttool\tquery\twall_us\trss_kib\tstatus\n' >"$RUNS"
    printf 'tool\tquery\tstatus\n' >"$status"

    make_data "$size" || { loud "$size: cannot generate the data"; FAILED=1; return; }
    find "$dir" -type f -name '*.gz' | LC_ALL=C sort >"$list"
    bucket=$(pick_bucket "$size") || { loud "$size: cannot pick a Q6 bucket"; FAILED=1; return; }
    say "$size: $(wc -l <"$list") files; Q6 bucket: $bucket"
    {
        jq -r '"files\t\(.files)\nevents\t\(.events)\nbytes\t\(.bytes)\ngz_bytes\t\(.bytes_written)"' \
            "$DATA/ct-$size.stats.json"
        printf 'bucket\t%s\n' "$bucket"
    } >"$RES/set-$size.tsv"

    # ---- correctness (repetition 0, not used for medians) ----
    declare -A ST=() WHY=()
    INGEST_REASON=""
    local dbok=0
    if [[ " $TOOLS " == *" trailq-db "* ]]; then
        say "$size: --db ingest (check run)"
        if ingest "$size" "$db" 0; then dbok=1; else loud "$size: trailq --db: $INGEST_REASON"; FAILED=1; fi
    fi
    for q in $QUERIES; do
        local ref=""
        for t in $TOOLS; do
            if [ -n "${MISSING[$t]:-}" ]; then ST[$t,$q]="n/a (${MISSING[$t]})"; continue; fi
            if [ "$t" = trailq-db ] && [ "$dbok" = 0 ]; then ST[$t,$q]="n/a ($INGEST_REASON)"; continue; fi
            say "$size: check $q with $t"
            raw=$WORK/$size-$q-$t.raw
            norm=$RES/answer-$size-$q-$t.tsv
            tool_cmd "$t" "$q" "$dir" "$list" "$bucket" "$db"
            run_timed "$raw" "$WORK/$size-$q-$t.err" "${CMD[@]}"
            if [ "$R_RC" != 0 ]; then
                record "$size" 0 "$t" "$q" fail
                ST[$t,$q]="n/a ($(fail_reason "$WORK/$size-$q-$t.err"))"
                loud "$size $q $t: ${ST[$t,$q]}"
                FAILED=1
                continue
            fi
            if ! reason=$(tool_normalise "$t" "$q" "$raw" "$norm"); then
                record "$size" 0 "$t" "$q" fail
                ST[$t,$q]="n/a (bad output: $reason)"
                loud "$size $q $t: ${ST[$t,$q]}"
                FAILED=1
                continue
            fi
            record "$size" 0 "$t" "$q" ok
            if [ "$t" = trailq ]; then
                ref=$norm
                ST[$t,$q]=ok
                [ -s "$ref" ] || say "$size $q: note: trailq's answer has no rows"
            elif [ -z "$ref" ]; then
                ST[$t,$q]="n/a (no trailq answer to compare with)"
                FAILED=1
            elif cmp -s "$ref" "$norm"; then
                ST[$t,$q]=ok
            else
                diff "$ref" "$norm" >"$RES/diff-$size-$q-$t.txt"
                ST[$t,$q]="n/a (answer differs from trailq's: results/diff-$size-$q-$t.txt)"
                if [ -z "${WHY[$t]+set}" ]; then WHY[$t]=$(tool_diagnose "$t" "$list"); fi
                [ -n "${WHY[$t]}" ] && ST[$t,$q]="${ST[$t,$q]%)}; ${WHY[$t]})"
                loud "$size $q: $t DISAGREES with trailq ($(wc -l <"$ref") vs $(wc -l <"$norm") rows); first differences:"
                head -n 10 "$RES/diff-$size-$q-$t.txt" >&2
                FAILED=1
            fi
        done
        # Who agrees with whom, when trailq is alone against the others.
        for t in $TOOLS; do
            [[ "${ST[$t,$q]:-}" == *"differs from trailq"* ]] || continue
            for k in $TOOLS; do
                [ "$k" != "$t" ] && [ "$k" != trailq ] && [ -s "$RES/answer-$size-$q-$k.tsv" ] &&
                    cmp -s "$RES/answer-$size-$q-$t.tsv" "$RES/answer-$size-$q-$k.tsv" &&
                    ST[$t,$q]="${ST[$t,$q]%)}; same as $k's)"
            done
        done
    done

    # ---- timing: N repetitions, round-robin ----
    local -a order
    read -r -a order <<<"$TOOLS"
    local nt=${#order[@]}
    for ((rep = 1; rep <= N; rep++)); do
        say "$size: repetition $rep of $N"
        # The ingest is timed into a file of its own: the timed --db queries
        # run against the index of the check run, whose first query of each
        # kind already built the indexes it wants (that first-query time is
        # reported apart, from repetition 0), so they measure re-queries.
        if [ "$dbok" = 1 ] && ! ingest "$size" "$WORK/$size.ingest.db" "$rep"; then
            loud "$size: trailq --db: $INGEST_REASON"
            FAILED=1
            for q in $QUERIES; do ST[trailq-db,$q]="n/a ($INGEST_REASON)"; done
            dbok=0
        fi
        if [ -z "${MISSING[floor]:-}" ]; then
            run_timed "$WORK/floor.out" "$WORK/floor.err" "$FLOOR" -t 2 -a "$list"
            if [ "$R_RC" = 0 ]; then record "$size" "$rep" floor floor ok; else
                record "$size" "$rep" floor floor fail
                loud "$size: floor failed: $(fail_reason "$WORK/floor.err")"
            fi
        fi
        # The baseline cost of the measuring itself (fork/exec of time + timeout).
        run_timed /dev/null /dev/null true
        record "$size" "$rep" overhead overhead ok
        for q in $QUERIES; do
            for ((i = 0; i < nt; i++)); do
                t=${order[$(((i + rep - 1) % nt))]}
                [ "${ST[$t,$q]}" = ok ] || continue
                raw=$WORK/$size-$q-$t.raw
                tool_cmd "$t" "$q" "$dir" "$list" "$bucket" "$db"
                run_timed "$raw" "$WORK/$size-$q-$t.err" "${CMD[@]}"
                if [ "$R_RC" != 0 ]; then
                    record "$size" "$rep" "$t" "$q" fail
                    ST[$t,$q]="n/a (repetition $rep: $(fail_reason "$WORK/$size-$q-$t.err"))"
                    loud "$size $q $t: ${ST[$t,$q]}"
                    FAILED=1
                elif tool_normalise "$t" "$q" "$raw" "$WORK/norm" >/dev/null &&
                    cmp -s "$WORK/norm" "$RES/answer-$size-$q-$t.tsv"; then
                    record "$size" "$rep" "$t" "$q" ok
                else
                    record "$size" "$rep" "$t" "$q" fail
                    ST[$t,$q]="n/a (repetition $rep gave a different answer)"
                    loud "$size $q $t: ${ST[$t,$q]}"
                    FAILED=1
                fi
            done
        done
    done
    for t in $TOOLS; do
        for q in $QUERIES; do printf '%s\t%s\t%s\n' "$t" "$q" "${ST[$t,$q]:-n/a}" >>"$status"; done
    done
    if [ "$dbok" = 1 ]; then
        printf 'trailq-db\tingest\tok\n' >>"$status"
    else
        printf 'trailq-db\tingest\t%s\n' "n/a (${INGEST_REASON:-not run})" >>"$status"
    fi
    if [ -n "${MISSING[floor]:-}" ]; then
        printf 'floor\tfloor\tn/a (%s)\n' "${MISSING[floor]}" >>"$status"
    else
        printf 'floor\tfloor\tok\n' >>"$status"
    fi
    rm -f "$db"
}

# ---- the pattern benchmark --------------------------------------------------
# Generates a Lambda log set once (the stats file last, as the marker).
make_lambda()
{
    local size=$1 dir=$DATA/lambda-$1
    [ -s "$DATA/lambda-$size.stats.json" ] && [ -d "$dir" ] && return 0
    [ -x "$GEN" ] || [ -f "$GEN" ] || { say "gen-cloudtrail not found at $GEN (set SHARED)"; return 1; }
    say "generating $size of Lambda logs into $dir (once)"
    rm -rf "$dir" "$DATA/lambda-$size.stats.json"
    # (--stats is for CloudTrail; for Lambda the summary line on stdout is kept)
    python3 "$GEN" "$dir" --kind lambda --size "$size" --seed 42 --no-gz \
        --jobs "$(nproc)" >"$WORK/stats.tmp" || return 1
    mv "$WORK/stats.tmp" "$DATA/lambda-$size.stats.json"
}

# One pattern set: check once, then N timed runs. usage: pattern_set NAME DIR
pattern_set()
{
    local name=$1 dir=$2 events sum head rep
    RUNS=$RES/runs-pattern.tsv
    say "pattern: $name: check"
    run_timed "$WORK/pattern-count.out" "$WORK/pattern.err" "$TRAILQ" -o tsv 'stats count(*)' "$dir"
    events=$(tail -n 1 "$WORK/pattern-count.out")
    run_timed "$WORK/pattern.out" "$WORK/pattern.err" "$TRAILQ" -o tsv "$PATTERN_QUERY" "$dir"
    head=$(head -n 1 "$WORK/pattern.out")
    sum=$(tail -n +2 "$WORK/pattern.out" | awk -F'\t' '{ s += $3 } END { print s + 0 }')
    if [ "$R_RC" != 0 ] || [ "$head" != "$PATTERN_HEADER" ] || [ "$sum" != "$events" ]; then
        record "$name" 0 trailq pattern fail
        loud "pattern: $name: $(if [ "$R_RC" != 0 ]; then fail_reason "$WORK/pattern.err";
            else echo "header '$head', counts add up to $sum of $events events"; fi)"
        printf '%s\t%s\t%s\n' "$name" "$events" "n/a (check failed)" >>"$RES/pattern-sets.tsv"
        FAILED=1
        return
    fi
    record "$name" 0 trailq pattern ok
    for ((rep = 1; rep <= N; rep++)); do
        say "pattern: $name: repetition $rep of $N"
        run_timed "$WORK/pattern.out" "$WORK/pattern.err" "$TRAILQ" -o tsv "$PATTERN_QUERY" "$dir"
        if [ "$R_RC" = 0 ]; then record "$name" "$rep" trailq pattern ok; else
            record "$name" "$rep" trailq pattern fail
            loud "pattern: $name: $(fail_reason "$WORK/pattern.err")"
            FAILED=1
        fi
    done
    printf '%s\t%s\t%s\t%s\n' "$name" "$events" "$(du -sb "$dir" | cut -f1)" \
        "$(($(wc -l <"$WORK/pattern.out") - 1))" >>"$RES/pattern-sets.tsv"
}

bench_pattern()
{
    local loghub=${SHARED:-../shared}/data/text/loghub s
    printf 'set\trep\ttool\tquery\twall_us\trss_kib\tstatus\n' >"$RES/runs-pattern.tsv"
    printf 'set\tevents\tbytes\tpatterns\n' >"$RES/pattern-sets.tsv"
    if [ -d "$loghub" ]; then pattern_set loghub "$loghub"; else
        loud "pattern: no loghub samples at $loghub (set SHARED)"
        FAILED=1
    fi
    for s in $SETS; do
        if make_lambda "$s"; then pattern_set "lambda-$s" "$DATA/lambda-$s"; else
            loud "pattern: cannot generate $s of Lambda logs"
            FAILED=1
        fi
    done
}

# ---- run --------------------------------------------------------------------
# CPU ticks used by everything on the machine (user, nice, system, irq,
# softirq, steal), to tell how much other work shared the CPUs with us.
cpu_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
BUSY0=$(cpu_busy_ticks)
WALL0=$EPOCHREALTIME
for s in $SETS; do bench_set "$s"; done
bench_pattern

# Cores kept busy by other processes on average: all busy CPU time minus the
# CPU time of this script's children (every tool run), over the wall time.
BUSY1=$(cpu_busy_ticks)
WALL1=$EPOCHREALTIME
times >"$WORK/times"
OURS=$(tail -n 1 "$WORK/times")
OTHER_CORES=$(awk -v b0="$BUSY0" -v b1="$BUSY1" -v w0="$WALL0" -v w1="$WALL1" -v hz="$(getconf CLK_TCK)" -v ours="$OURS" '
    function secs(t,   m) { m = t; sub(/m.*/, "", m); sub(/^[0-9]+m/, "", t); sub(/s$/, "", t); return m * 60 + t }
    BEGIN { split(ours, o, " "); mine = secs(o[1]) + secs(o[2]); w = w1 - w0
            x = w > 0 ? ((b1 - b0) / hz - mine) / w : 0; printf "%.2f", x < 0 ? 0 : x }')

# Machine, versions, settings for the report.
{
    printf 'date\t%s\n' "$STARTED"
    printf 'cpu\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    printf 'cores\t%s\n' "$(nproc)"
    printf 'load_start\t%s\n' "$LOAD_START"
    printf 'other_cores\t%s\n' "$OTHER_CORES"
    printf 'ram\t%s\n' "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    printf 'os\t%s\n' "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
    printf 'commit\t%s\n' "$COMMIT"
    printf 'trailq_sha\t%s\n' "$(sha256sum "$TRAILQ" | cut -c1-12)"
    printf 'runs\t%s\n' "$N"
    printf 'sets\t%s\n' "$SETS"
    printf 'quick\t%s\n' "${BENCH_QUICK:-0}"
    printf 'tools\t%s\n' "$TOOLS"
    printf 'timeout\t%s\n' "$TIMEOUT"
    for t in trailq jq duckdb lnav; do
        printf 'version_%s\t%s\n' "$t" "$(if [ -n "${MISSING[$t]:-}" ]; then echo "n/a (${MISSING[$t]})"; else tool_version "$t"; fi)"
    done
    printf 'version_jansson_zlib\tjansson %s, zlib %s\n' "$(pkg-config --modversion jansson 2>/dev/null)" "$(pkg-config --modversion zlib 2>/dev/null)"
} >"$RES/meta.tsv"

bash bench/report.sh >bench/RESULTS.md || { say "report failed"; exit 1; }
say "wrote bench/RESULTS.md (raw runs in bench/results/)"
if [ "$FAILED" != 0 ]; then
    loud "some answers disagreed or some runs failed: see bench/RESULTS.md"
    exit 1
fi
exit 0
