# The repository stands on its own: its design documents are in docs/, every
# one of them can be found from the README or docs/architecture.md, the
# links into them lead somewhere, and no source comment sends the reader to
# a document outside the repository (tests/tools/outside-refs.sh,
# tests/tools/docs-linked.sh).

### no source, test, benchmark or Makefile line points to a document outside the repository
$ bash tests/tools/outside-refs.sh; echo "status $?"
> status 0

### ... and the checker finds one when it is there (a copy of the tree with a comment citing the old contract)
# checked: the planted line, appended as the last line of cmd/main.c, is the only one printed
$ d=$(mktemp -d); cp -r base cmd query parsers index tests bench Makefile "$d"; p='S''PEC'; \
$ printf '/* the exit status (%s §1) */\n' "$p" >> "$d/cmd/main.c"; n=$(wc -l < "$d/cmd/main.c"); \
$ bash tests/tools/outside-refs.sh "$d" | sed "s/$p/<old contract>/; s/:$n:/:LAST:/"; echo "status ${PIPESTATUS[0]}"; rm -rf "$d"
> cmd/main.c:LAST:/* the exit status (<old contract> §1) */
> status 1

### every file under docs/ is linked from the README or docs/architecture.md, and every docs/FILE.md#anchor cited exists
$ bash tests/tools/docs-linked.sh; echo "status $?"
> status 0

### ... and the checker finds a document nobody links to and a link to a heading that is not there
# checked: docs/orphan.md is linked from nowhere; the planted comment cites an anchor no heading of
#   docs/language.md makes (spelled in pieces here, so that this file does not cite it); each is
#   reported once
$ d=$(mktemp -d); cp -r base cmd query parsers index tests bench docs README.md Makefile "$d"; echo '# Orphan' > "$d/docs/orphan.md"; \
$ a='no-such''-heading'; echo "/* see docs/language.md#$a */" >> "$d/base/arena.h"; n=$(wc -l < "$d/base/arena.h"); \
$ bash tests/tools/docs-linked.sh "$d" | sed "s/:$n:/:LAST:/; s/$a/<missing>/g"; echo "status ${PIPESTATUS[0]}"; rm -rf "$d"
> docs/orphan.md: linked from neither README.md nor docs/architecture.md
> base/arena.h:LAST: docs/language.md#<missing>: no such heading in docs/language.md
> status 1
