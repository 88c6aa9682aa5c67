# bench/setup.sh — installs what the benchmark needs, when it is missing.
#
# Sourced by bench/run.sh (not run on its own). Idempotent and quick when
# everything is already there: it looks for each command first and only then
# calls apt-get (Debian 12, as root) or npm. Nothing here fails the run: a
# tool that cannot be had is recorded in MISSING[tool]="reason", and run.sh
# shows it as "n/a (reason)" in every table instead of skipping it silently.
#
#   apt: jq lnav time python3 (gen-cloudtrail is a Python script), and the
#        C toolchain + jansson/zlib headers for bench/floor.c
#   npm: @duckdb/node-api, the exact version pinned in bench/package.json
#        (with bench/package-lock.json), into bench/node_modules

declare -A MISSING=()
APT_UPDATED=0

# Installs Debian packages (as root) unless all the given commands exist.
# usage: setup_apt "cmd1 cmd2" pkg...
setup_apt()
{
    local cmds=$1 c need=0
    shift
    for c in $cmds; do
        command -v "$c" >/dev/null 2>&1 || need=1
    done
    [ "$need" = 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "bench: missing $cmds and cannot install it (need root and apt-get): apt-get install $*" >&2
        return 1
    fi
    echo "bench: installing $* (apt)" >&2
    if [ "$APT_UPDATED" = 0 ]; then
        apt-get update -qq >/dev/null 2>&1 || true
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || {
        echo "bench: apt-get install $* failed" >&2
        return 1
    }
    for c in $cmds; do
        command -v "$c" >/dev/null 2>&1 || return 1
    done
}

# True when the C pieces for floor.c are there (compiler, pkg-config, headers).
setup_have_cdev()
{
    command -v cc >/dev/null 2>&1 && command -v pkg-config >/dev/null 2>&1 &&
        pkg-config --exists jansson zlib 2>/dev/null
}

setup_all()
{
    setup_apt "jq" jq || MISSING[jq]="jq not installed"
    setup_apt "lnav" lnav || MISSING[lnav]="lnav not installed"
    [ -x /usr/bin/time ] || setup_apt "/usr/bin/time" time || {
        echo "bench: GNU time (/usr/bin/time) is required for peak RSS" >&2
        return 1
    }
    setup_apt "python3" python3 || {
        echo "bench: python3 is required to generate the data (gen-cloudtrail)" >&2
        return 1
    }
    if ! setup_have_cdev; then
        setup_apt "cc pkg-config" build-essential pkg-config libjansson-dev zlib1g-dev || true
        setup_have_cdev || MISSING[floor]="no C compiler or jansson/zlib headers"
    fi
    # jq is also the harness's JSON reader (data stats, lnav output).
    if [ -n "${MISSING[jq]:-}" ]; then
        echo "bench: jq is required by the harness itself" >&2
        return 1
    fi

    # DuckDB through Node: the pinned @duckdb/node-api in bench/node_modules.
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        setup_apt "node npm" nodejs npm || true
    fi
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        MISSING[duckdb]="node/npm not installed"
        return 0
    fi
    local want have
    want=$(jq -r '.dependencies["@duckdb/node-api"]' bench/package.json)
    have=$(jq -r '.version // empty' bench/node_modules/@duckdb/node-api/package.json 2>/dev/null || true)
    if [ "$have" != "$want" ]; then
        echo "bench: installing @duckdb/node-api $want (npm, into bench/node_modules)" >&2
        (cd bench && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || {
            MISSING[duckdb]="npm install of @duckdb/node-api $want failed"
            return 0
        }
    fi
    node bench/duckdb.mjs version >/dev/null 2>&1 ||
        MISSING[duckdb]="@duckdb/node-api does not load (node bench/duckdb.mjs version)"
    return 0
}
