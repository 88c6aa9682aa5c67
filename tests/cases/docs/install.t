# `make install` and `make uninstall` with DESTDIR and PREFIX put the binary,
# the man page and the three completions where the Makefile's header says, and
# take them away again. The binary under test is installed (BIN=...), and
# `-o` tells make not to rebuild it, so the case never compiles anything.

### make install / uninstall DESTDIR=... PREFIX=/usr
$ d=$(mktemp -d) && b=$(command -v trailq) && \
$ make -s -o "$b" BIN="$b" install DESTDIR="$d" PREFIX=/usr >/dev/null && \
$ (cd "$d" && find . -type f | LC_ALL=C sort) && \
$ cmp man/trailq.1 "$d/usr/share/man/man1/trailq.1" && \
$ cmp completions/trailq.bash "$d/usr/share/bash-completion/completions/trailq" && \
$ cmp completions/_trailq "$d/usr/share/zsh/site-functions/_trailq" && \
$ cmp completions/trailq.fish "$d/usr/share/fish/vendor_completions.d/trailq.fish" && \
$ test -x "$d/usr/bin/trailq" && "$d/usr/bin/trailq" --version | sed -E 's/[0-9]+(\.[0-9]+)*/N/g' && \
$ make -s uninstall DESTDIR="$d" PREFIX=/usr >/dev/null && \
$ (cd "$d" && find . -type f | wc -l)
> ./usr/bin/trailq
> ./usr/share/bash-completion/completions/trailq
> ./usr/share/fish/vendor_completions.d/trailq.fish
> ./usr/share/man/man1/trailq.1
> ./usr/share/zsh/site-functions/_trailq
> trailq N (SQLite N, jansson N)
> 0
