#!/usr/bin/env bash
# tests/tools/crash.sh — crash safety of a --db load into an existing index
# (issue 8, item 5), run by tests/cases/identity/crash.t.
#
#   crash.sh kill N     N loads, each killed by SIGKILL or SIGINT (in turn)
#                       after a random delay
#   crash.sh full       loads into an index on a small tmpfs that fills up
#                       (needs root: mount)
#
# The data is testdata/AWSLogs (55 files, 2900 events). An index holding
# the first 27 files is made once; each load starts from a copy of it and
# loads the whole directory. After every interrupted load:
#   - a query counts events by @log: every source present must hold exactly
#     its file's events, counted independently with jq (whole sources, no
#     duplicate event), and the 27 old ones must all be there;
#   - the same load run again must succeed (status 0) with exactly 2900.
# Prints one line per failure and a final summary line.
set -u
mode=${1:?usage: crash.sh kill N | full}
work=$(mktemp -d "${TMPDIR:-/tmp}/trailq-crash.XXXXXX")
mnt=""
main_pid=$BASHPID
cleanup() {
    # only the script itself: a forked child hit by a signal before its
    # exec must not remove the work directory
    [ "$BASHPID" = "$main_pid" ] || return 0
    [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 2
mkdir -p data/AWSLogs
mapfile -t all < <(cd "$OLDPWD/testdata" && find AWSLogs -name '*.gz' | LC_ALL=C sort)
src=$OLDPWD/testdata
# the expected count of every file: jq over its records
for f in "${all[@]}"; do
    printf '%s\t%s\n' "data/$f" "$(zcat "$src/$f" | jq '.Records | length')"
done | LC_ALL=C sort >expected.tsv
total=$(awk -F'\t' '{s += $2} END {print s}' expected.tsv)
# the base index: the first 27 files
for f in "${all[@]:0:27}"; do
    mkdir -p "data/$(dirname "$f")" && cp "$src/$f" "data/$f"
done
trailq --db base.db 'stats count(*)' data >/dev/null 2>&1 || { echo "cannot build the base index"; exit 1; }
old=$(trailq --db base.db -o tsv 'stats count(*) as n' | tail -1)
for f in "${all[@]:27}"; do
    mkdir -p "data/$(dirname "$f")" && cp "$src/$f" "data/$f"
done
fail=0

# Is the index at $1 the old state plus whole sources? Then reload it whole.
check() {
    local db=$1 what=$2 got bad sum
    got=$(trailq --db "$db" -o tsv 'stats count(*) as n by @log' 2>/dev/null | tail -n +2 | LC_ALL=C sort)
    bad=$(LC_ALL=C comm -23 <(printf '%s\n' "$got") expected.tsv)
    sum=$(printf '%s\n' "$got" | awk -F'\t' '{s += $2} END {print s + 0}')
    if [ -n "$bad" ]; then
        echo "$what: sources not whole: $bad"
        fail=$((fail + 1))
    elif [ "$sum" -lt "$old" ]; then
        echo "$what: $sum events, fewer than the $old before the load"
        fail=$((fail + 1))
    fi
    if ! trailq --db "$db" 'stats count(*)' data >/dev/null 2>reload.err; then
        echo "$what: the reload failed: $(cat reload.err)"
        fail=$((fail + 1))
    fi
    sum=$(trailq --db "$db" -o tsv 'stats count(*) as n' | tail -1)
    if [ "$sum" != "$total" ]; then
        echo "$what: after the reload $sum events, not $total"
        fail=$((fail + 1))
    fi
}

case $mode in
kill)
    n=${2:-50}
    partial=0
    for ((i = 1; i <= n; i++)); do
        rm -f i.db i.db-wal i.db-shm
        cp base.db i.db
        sig=KILL
        [ $((i % 2)) = 0 ] && sig=INT
        # one reading thread: a load of 28 small files takes long enough to
        # be killed at any point of it
        TRAILQ_THREADS=1 trailq --db i.db 'stats count(*)' data >/dev/null 2>load.err &
        pid=$!
        sleep "$(printf '0.%03d' $((RANDOM % 40)))"
        kill -s "$sig" "$pid" 2>/dev/null
        wait "$pid"
        st=$?
        # (an empty message: killed before it could catch the signal)
        if [ "$st" = 130 ] && [ -s load.err ] && ! grep -q '^trailq: stopped by SIGINT: i.db keeps the whole sources loaded before it' load.err; then
            echo "load $i: status 130 without the message of what was kept: $(cat load.err)"
            fail=$((fail + 1))
        fi
        if [ "$sig" = INT ] && [ "$st" != 0 ] && [ "$st" != 130 ]; then
            echo "load $i (SIGINT): status $st, not 0 or 130: $(cat load.err)"
            fail=$((fail + 1))
        fi
        got=$(trailq --db i.db -o tsv 'stats count(*) as n' 2>/dev/null | tail -1)
        [ "$got" != "$total" ] && partial=$((partial + 1))
        check i.db "load $i ($sig)"
    done
    if [ "$partial" = 0 ]; then
        echo "no load was killed before it finished: the test proves nothing"
        fail=$((fail + 1))
    fi
    echo "$n loads killed ($partial before they finished): $fail failures"
    ;;
full)
    mnt=$work/mnt
    mkdir "$mnt"
    # room for the base index and a little of the rest
    size=$(( $(stat -c %s base.db) / 1024 + 300 ))
    mount -t tmpfs -o "size=${size}k" tmpfs "$mnt" || { echo "cannot mount a tmpfs"; exit 1; }
    cp base.db "$mnt/i.db"
    trailq --db "$mnt/i.db" 'stats count(*)' data >/dev/null 2>load.err
    st=$?
    full=no
    grep -q 'full' load.err && full=yes
    echo "the load ran out of room: $full, status $st"
    [ -n "${CRASH_SHOW:-}" ] && cat load.err
    mount -o remount,size=64m "$mnt"
    check "$mnt/i.db" "full disk"
    echo "full disk: $fail failures"
    ;;
esac
[ "$fail" = 0 ]
