#!/usr/bin/env bash
# tests/fuzz/seed.sh TARGET OUTDIR — the seed corpus of one fuzz target,
# built from the repository's own files into OUTDIR (one file per seed,
# named by the hash of its content; records are deduplicated and numbered):
#
#   readers (cloudtrail cwlogs export jsonl lambda vpcflow text detect):
#             every file of testdata/ decompressed, whole when under
#             64 KiB, else its first 64 KiB; for cloudtrail, jsonl and
#             detect also every JSON record alone (Records[] or array
#             elements, JSON lines), compacted by jq
#   gzip:     every testdata/ file under 64 KiB as it is on disk (plain
#             or gzip), each small plain one gzipped, and two gzip members
#             back to back
#   query, run:  every query of the golden cases (the single-quoted
#             argument of a `$ trailq` line that starts with a command)
#   jsonfields:  every whole file under 64 KiB as it is and every record
#             re-serialised compactly by jq
set -eu
target=$1
out=$2
mkdir -p "$out"
cd "$(dirname "$0")/../.."

# put: store stdin as a seed
put() {
    local tmp="$out/.tmp.$$"
    cat > "$tmp"
    if [ -s "$tmp" ]; then
        mv "$tmp" "$out/seed-$(sha1sum < "$tmp" | cut -c1-16)"
    else
        rm -f "$tmp"
    fi
}

files() { find testdata -type f ! -name '*.awk' ! -name '*.jq' ! -name '*.sh' | LC_ALL=C sort; }

records() {
    files | while read -r f; do
        zcat -f "$f" 2>/dev/null |
            jq -c 'if type == "object" and (.Records | type) == "array" then .Records[]
                   elif type == "array" then .[] else . end' 2>/dev/null || true
    done | LC_ALL=C sort -u | split -l 1 -a 5 - "$out/rec-"
}

case $target in
cloudtrail | cwlogs | export | jsonl | lambda | vpcflow | text | detect)
    files | while read -r f; do zcat -f "$f" 2>/dev/null | head -c 65536 | put; done
    case $target in cloudtrail | jsonl | detect) records ;; esac
    ;;
gzip)
    files | while read -r f; do
        [ "$(wc -c < "$f")" -lt 65536 ] || continue
        put < "$f"
        if [ "$(head -c 2 "$f" | od -An -tx1 | tr -d ' ')" != 1f8b ]; then
            gzip -n -c "$f" | put
        fi
    done
    { printf 'first member\n' | gzip -n -c; printf 'second member\n' | gzip -n -c; } | put
    ;;
query | run)
    grep -h '^\$ .*trailq' -r tests/cases | grep -o "'[^']*'" | sed "s/^'//; s/'\$//" |
        grep -E '^[[:space:]]*(fields|display|filter|where|stats|sort|order|limit|head|tail|parse|dedup|unnest|pattern|diff|unmask|SOURCE)\b' |
        LC_ALL=C sort -u | while IFS= read -r q; do printf '%s' "$q" | put; done
    ;;
jsonfields)
    files | while read -r f; do
        if [ "$(zcat -f "$f" 2>/dev/null | wc -c)" -lt 65536 ]; then
            zcat -f "$f" 2>/dev/null | put
        fi
    done
    records
    ;;
*)
    echo "seed.sh: unknown target '$target'" >&2
    exit 2
    ;;
esac
