#!/usr/bin/env bash
# tests/trino/run.sh — the --sql test (run.mjs) as one unit of `make check`:
# prints "trino: N passed, N failed". Its node packages are pinned by
# package-lock.json and installed by `make deps` (npm ci); a checkout
# without them (a fresh clone) installs them first, from npm's cache when it
# can. Where node or the packages cannot be had it prints "trino: 0 passed,
# 0 failed, N skipped", N being the corpus queries not run, and the reason.
cd "$(dirname "$0")" || exit 2
have_packages() {
    [ -d node_modules/@duckdb/node-api ] && [ -d node_modules/node-sql-parser ]
}
if command -v node >/dev/null 2>&1 && ! have_packages && command -v npm >/dev/null 2>&1; then
    npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null 2>&1 || rm -rf node_modules
fi
if ! command -v node >/dev/null 2>&1 || ! have_packages; then
    n=$(grep -cvE '^(#|$)' corpus.txt)
    echo "skip: node, @duckdb/node-api or node-sql-parser is not installed (make deps)"
    echo "trino: 0 passed, 0 failed, $n skipped"
    exit 0
fi
exec node run.mjs
