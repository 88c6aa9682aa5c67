#!/usr/bin/env bash
# tests/fuzz/seed.sh OUTDIR — seed corpus for fuzz_jsonfields from testdata/:
# every whole file under 64 KiB as it is (original spacing and escapes),
# and every record (Records[] elements, array elements, JSON lines, single
# objects) re-serialised compactly by jq, one file per distinct record.
set -eu
out=$1
mkdir -p "$out"
cd "$(dirname "$0")/../.."
find testdata -type f | sort | while read -r f; do
    if [ "$(zcat -f "$f" 2>/dev/null | wc -c)" -lt 65536 ]; then
        h=$(zcat -f "$f" 2>/dev/null | sha1sum | cut -c1-16)
        zcat -f "$f" > "$out/file-$h" 2>/dev/null || true
    fi
    zcat -f "$f" 2>/dev/null |
        jq -c 'if type == "object" and (.Records | type) == "array" then .Records[]
               elif type == "array" then .[] else . end' 2>/dev/null |
        while IFS= read -r rec; do
            printf '%s' "$rec" > "$out/tmp.$$"
            mv "$out/tmp.$$" "$out/rec-$(printf '%s' "$rec" | sha1sum | cut -c1-16)"
        done || true
done
