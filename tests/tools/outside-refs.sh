#!/usr/bin/env bash
# tests/tools/outside-refs.sh — source comments cite docs/ and the man page,
# never a document outside the repository.
#
# Lists every line of the sources, tests, benchmark and Makefile that names
# one of the documents trailq was first designed from (the original
# contract, the language reference's numbered sections, the performance
# and style notes) or the folder that held them beside the repository.
# Installed node packages (node_modules) are not ours and are not read.
# Lines that name the SHARED variable are allowed: they are the tests and
# the benchmark reading the larger corpus where it exists.
#
# The patterns are spelled in pieces so that this file does not match them.
# Usage: outside-refs.sh [ROOT]   (default: the repository). Prints each
# line as FILE:LINE:text; exits 1 if there is any.
set -u
cd "${1:-$(dirname "$0")/../..}" || exit 2
spec='S''PEC'
ref='reference'' §'
perf='PERF''[.]md'
style='S''TYLE'
beside='[.][.]''/shared'
found=$(grep -rnE --exclude-dir=node_modules "$spec|$ref|$perf|$style|$beside" base cmd query parsers index tests bench Makefile 2>/dev/null |
    grep -v 'SHARED')
[ -z "$found" ] && exit 0
printf '%s\n' "$found"
exit 1
