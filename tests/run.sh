#!/usr/bin/env bash
# tests/run.sh — trailq's test driver: unit tests, then golden end-to-end cases.
#
# Golden cases live in tests/cases/**/*.t, several per file:
#
#   ### what the case checks
#   $ trailq -o tsv 'stats count(*)' testdata/shapes/events.jsonl
#   > count(*)          <- expected stdout, one line per "> " (">" alone: empty line)
#   > 5
#   ! trailq: ...       <- expected stderr lines (none given: stderr must be empty)
#   ? 0                 <- expected exit status (default 0)
#   < input line        <- optional standard input for the command
#   ~ CONDITION         <- run the case only if the shell CONDITION holds,
#                          else count it as skipped (e.g. ~ [ -d "$SHARED/data" ]
#                          for a case that reads the larger corpus beside the
#                          repository, ~ command -v node). A "~" line before
#                          the first "###" of a file applies to all its cases.
#
# The command runs with bash in the repository root, with `trailq` on PATH
# being $TRAILQ, LC_ALL=C, TZ=UTC, NO_COLOR=1 and a private HOME. Output
# must match exactly. A "$ " line ending in a backslash continues on the
# next "$ " line.
#
# Usage: tests/run.sh [FILE.t ...]      (default: every case file)
# Environment: TRAILQ (binary to test, default ./trailq), UNIT_BINS (unit
# test binaries to run first), SHARED (path to ../shared, for cases that
# read the larger data sets there).
#
# Prints one line per failure with a diff, one line per file with skipped
# cases, and ends with "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
TRAILQ=${TRAILQ:-$ROOT/trailq}
# Without ../shared, SHARED still names where it would be, so that a case's
# condition [ -d "$SHARED/data" ] is false (never "/data" of an empty SHARED).
export SHARED=${SHARED:-$(cd "$ROOT/../shared" 2>/dev/null && pwd || echo "$ROOT/../shared")}

passed=0
failed=0
skipped=0

# ---- unit tests: each binary prints "suite: N passed, N failed" ----
for t in ${UNIT_BINS:-}; do
    out=$("$t" 2>&1)
    status=$?
    line=$(printf '%s\n' "$out" | grep -E '^[A-Za-z0-9_ -]+: [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' | tail -n 1)
    p=$(printf '%s' "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    k=$(printf '%s' "$line" | sed -nE 's/.* ([0-9]+) skipped$/\1/p')
    skipped=$((skipped + ${k:-0}))
    [ -n "${k:-}" ] && [ "$k" -gt 0 ] && echo "skip unit $(basename "$t"): $k checks (they need what is not here: $(printf '%s\n' "$out" | grep -m1 '^skip: ' | cut -c7-))"
    if [ -z "$line" ]; then
        p=0
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$status" -ne 0 ] || [ "$f" -ne 0 ] || [ -z "$line" ]; then
        [ "$f" -eq 0 ] && failed=$((failed + 1))
        echo "FAIL unit $(basename "$t") (exit $status)"
        printf '%s\n' "$out" | grep -vE ': [0-9]* passed, [0-9]* failed(, [0-9]+ skipped)?$' | head -n 40 | sed 's/^/    /'
    fi
done

# ---- golden cases ----
work=$(mktemp -d "${TMPDIR:-/tmp}/trailq-tests.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home"
ln -s "$TRAILQ" "$work/bin/trailq"

# Does every condition (file-level and the case's own) hold? Conditions
# run like the commands: in the repository root, with SHARED set.
conditions_hold() {
    local c
    for c in "$@"; do
        [ -n "$c" ] || continue
        (cd "$ROOT" && SHARED="$SHARED" bash -c "$c") >/dev/null 2>&1 </dev/null || return 1
    done
    return 0
}

run_case() {
    local file=$1 line=$2 name=$3 cmd=$4 want_status=$5
    local got_status
    (
        cd "$ROOT" || exit 2
        env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work/home" LC_ALL=C TZ=UTC \
            NO_COLOR=1 SHARED="$SHARED" TMPDIR="$work" ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
            UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
            bash -c "$cmd" <"$work/stdin" >"$work/out" 2>"$work/err"
    )
    got_status=$?
    local ok=1
    cmp -s "$work/out" "$work/want_out" || ok=0
    cmp -s "$work/err" "$work/want_err" || ok=0
    [ "$got_status" = "$want_status" ] || ok=0
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $file:$line: $name"
        echo "    \$ $cmd"
        [ "$got_status" = "$want_status" ] || echo "    exit status: got $got_status, want $want_status"
        if ! cmp -s "$work/out" "$work/want_out"; then
            echo "    stdout (- want, + got):"
            diff -u "$work/want_out" "$work/out" | tail -n +3 | head -n 30 | sed 's/^/      /'
        fi
        if ! cmp -s "$work/err" "$work/want_err"; then
            echo "    stderr (- want, + got):"
            diff -u "$work/want_err" "$work/err" | tail -n +3 | head -n 30 | sed 's/^/      /'
        fi
    fi
}

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    mapfile -t files < <(find tests/cases -name '*.t' | LC_ALL=C sort)
fi

for file in "${files[@]}"; do
    in_case=0
    name="" cmd="" status=0 case_line=0 n=0 file_cond="" case_cond="" file_skips=0 skip_why=""
    : >"$work/want_out"; : >"$work/want_err"; : >"$work/stdin"
    flush() {
        if [ $in_case = 1 ]; then
            if [ -z "$cmd" ]; then
                failed=$((failed + 1))
                echo "FAIL $file:$case_line: $name: no command"
            elif ! conditions_hold "$file_cond" "$case_cond"; then
                skipped=$((skipped + 1))
                file_skips=$((file_skips + 1))
                skip_why=${case_cond:-$file_cond}
            else
                run_case "$file" "$case_line" "$name" "$cmd" "$status"
            fi
        fi
        : >"$work/want_out"; : >"$work/want_err"; : >"$work/stdin"
        cmd="" status=0 case_cond=""
    }
    while IFS= read -r l || [ -n "$l" ]; do
        n=$((n + 1))
        case "$l" in
        '### '*)
            flush
            in_case=1 name=${l#'### '} case_line=$n
            ;;
        '$ '*)
            if [ -n "$cmd" ] && [ "${cmd%\\}" != "$cmd" ]; then
                cmd="${cmd%\\}"$'\n'"${l#'$ '}"
            else
                cmd=${l#'$ '}
            fi
            ;;
        '> '*) printf '%s\n' "${l#'> '}" >>"$work/want_out" ;;
        '>') printf '\n' >>"$work/want_out" ;;
        '! '*) printf '%s\n' "${l#'! '}" >>"$work/want_err" ;;
        '!') printf '\n' >>"$work/want_err" ;;
        '< '*) printf '%s\n' "${l#'< '}" >>"$work/stdin" ;;
        '? '*) status=${l#'? '} ;;
        '~ '*)
            if [ $in_case = 1 ]; then
                case_cond="${case_cond:+$case_cond && }${l#'~ '}"
            else
                file_cond="${file_cond:+$file_cond && }${l#'~ '}"
            fi
            ;;
        '#'* | '') ;;
        *)
            echo "FAIL $file:$n: cannot read this line: $l"
            failed=$((failed + 1))
            ;;
        esac
    done <"$file"
    flush
    [ "$file_skips" -gt 0 ] && echo "skip $file: $file_skips case(s), as this does not hold here: $skip_why"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
