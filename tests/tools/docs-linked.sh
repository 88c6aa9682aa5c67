#!/usr/bin/env bash
# tests/tools/docs-linked.sh — every file under docs/ can be found: it is
# linked from README.md or from docs/architecture.md. And every link of the
# form docs/FILE.md#anchor in the sources, tests, docs and README leads to a
# heading of that file (anchors as GitHub makes them: lower case, spaces as
# hyphens, other punctuation dropped).
#
# Usage: docs-linked.sh [ROOT]   (default: the repository). Prints each
# problem; exits 1 if there is any.
set -u
cd "${1:-$(dirname "$0")/../..}" || exit 2
bad=0
for f in docs/*; do
    [ -f "$f" ] || continue
    name=${f#docs/}
    if ! grep -qF "](docs/$name)" README.md && ! grep -qF "]($name)" docs/architecture.md; then
        echo "$f: linked from neither README.md nor docs/architecture.md"
        bad=1
    fi
done
anchors() {
    grep -E '^#{1,6} ' "$1" | sed -E 's/^#+ +//' | tr 'A-Z' 'a-z' |
        sed -E 's/[^a-z0-9 _-]//g; s/ /-/g'
}
while IFS= read -r hit; do
    where=${hit%%:docs/*}
    link=docs/${hit#*:docs/}
    file=${link%%#*}
    anchor=${link#*#}
    if [ ! -f "$file" ]; then
        echo "$where: $link: no such file"
        bad=1
    elif ! anchors "$file" | grep -qxF "$anchor"; then
        echo "$where: $link: no such heading in $file"
        bad=1
    fi
done < <(grep -rnoE 'docs/[a-z]+\.md#[a-z0-9_-]+' base cmd query parsers index tests bench docs README.md Makefile 2>/dev/null |
    sed -E 's/^([^:]+:[0-9]+):/\1:/' | sort -u)
exit $bad
