# The include rules of the four parts and the base library (docs/architecture.md),
# checked over every source file by tests/tools/layers.sh.

### base/ includes only base/; index/ base/ and index/; parsers/ and query/ never meet; only cmd/ prints
$ bash tests/tools/layers.sh

### the checker catches a violation (a copy of the tree with base/ including index/)
$ d=$(mktemp -d); cp -r base index parsers query cmd tests "$d"; echo '#include "index/store.h"' >>"$d/base/arena.h"; \
$ bash "$d/tests/tools/layers.sh"; echo "status $?"; rm -rf "$d"
> base/arena.h:31: base/ may not include index/
> status 1

### the checker catches an include loop (a copy of the tree with plan.h including lines.h, which includes reader.h, which includes plan.h)
$ d=$(mktemp -d); cp -r base index parsers query cmd tests "$d"; echo '#include "parsers/lines.h"' >>"$d/parsers/plan.h"; \
$ bash "$d/tests/tools/layers.sh"; echo "status $?"; rm -rf "$d"
> parsers/lines: in an include loop
> parsers/plan: in an include loop
> parsers/reader: in an include loop
> status 1
