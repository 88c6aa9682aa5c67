#!/usr/bin/env bash
# tests/tools/layers.sh — checks the include rules of docs/architecture.md.
#
#   base/     includes nothing of ours but base/
#   index/    base/ and index/
#   parsers/  base/, index/ and parsers/
#   query/    base/, index/ and query/   (query/ and parsers/ never meet)
#   cmd/      anything: it wires the others together
#
# and nothing below cmd/ writes to the terminal (the one exception is
# base/xalloc.c's "out of memory", written just before it exits). In
# base/, index/ and parsers/ no file depends on itself through others: a
# file pair X.c + X.h that includes Y.h depends on Y, and the dependencies
# have no loop (tsort finds one).
# Prints each violation as FILE:LINE: what; exits 1 if there is any.
set -u
cd "$(dirname "$0")/../.." || exit 2
bad=0
allowed() {
    case $1 in
    base) echo 'base' ;;
    index) echo 'base|index' ;;
    parsers) echo 'base|index|parsers' ;;
    query) echo 'base|index|query' ;;
    cmd) echo 'base|index|parsers|query|cmd' ;;
    esac
}
for layer in base index parsers query cmd; do
    ok=$(allowed "$layer")
    for f in "$layer"/*.[ch]; do
        [ -e "$f" ] || continue
        while IFS=: read -r line inc; do
            dir=${inc#*\"}
            dir=${dir%%/*}
            if ! [[ $dir =~ ^($ok)$ ]]; then
                echo "$f:$line: $layer/ may not include $dir/"
                bad=1
            fi
        done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z]*/' "$f" | sed -E 's/^([0-9]+):.*#[[:space:]]*include[[:space:]]*("[^"]*").*/\1:\2/')
    done
done
for d in base index parsers; do
    for f in "$d"/*.[ch]; do
        [ -e "$f" ] || continue
        sed -nE 's|^[[:space:]]*#[[:space:]]*include[[:space:]]*"([a-z]+/[a-z_0-9]+)\.h".*|\1|p' "$f" |
            while read -r to; do
                [ "$to" != "${f%.*}" ] && echo "${f%.*} $to"
            done
    done
done | tsort 2>&1 >/dev/null | sed -n 's/^tsort: \([a-z]*\/[a-z_0-9]*\)$/\1: in an include loop/p' | sort -u | grep . && bad=1
for f in base/*.c index/*.c parsers/*.c query/*.c; do
    [ "$f" = base/xalloc.c ] && continue
    grep -nE '(^|[^a-z_])(printf|fprintf|puts|fputs|putchar|perror|fwrite)[[:space:]]*\(' "$f" |
        grep -vE 'snprintf|vsnprintf|sb_printf' | while IFS=: read -r line _; do
        echo "$f:$line: only cmd/ writes to the terminal"
    done | grep . && bad=1
done
for d in base index parsers query cmd; do
    for f in "$d"/*.[ch]; do
        [ -e "$f" ] || continue
        # every file opens with a comment naming itself
        head -n 2 "$f" | grep -q "^ \* $(basename "$f") — " || { echo "$f:2: no header comment naming the file"; bad=1; }
    done
done
exit $bad
