#!/bin/sh
# records.sh — prints every CloudTrail event found under the given files or
# directories as one compact JSON object per line, for tests that check
# trailq's answers with jq. Independent of trailq: gzip -dcf unpacks .gz
# (and passes plain files through), jq unwraps {"Records":[...]}, bare
# arrays, single objects and JSON lines. Digest files (no eventVersion and
# a "logFiles" key) are skipped, as trailq skips them.
# jq reads the files' JSON values one after another, so files need not end
# with a newline.
# Usage: sh testdata/lang/records.sh PATH... | jq ...
find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 gzip -dcf |
    jq -c 'if type == "array" then .[]
           elif type == "object" and has("Records") then .Records[]
           elif type == "object" and has("logFiles") then empty
           else . end'
