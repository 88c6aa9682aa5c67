# trailq — build, test and install.
#
#   make                 build ./trailq
#   make check           unit tests + golden end-to-end tests
#   make SANITIZE=1 check   the same, built with ASan + UBSan (into build/san)
#   make deps            install the Debian 12 packages needed to build and test
#   make install / uninstall   (PREFIX, DESTDIR honoured)
#   make golden          the golden end-to-end cases only; make unit: unit tests only
#   make lint-man        mandoc's lint of the man page
#   make bench           benchmark against jq, lnav and DuckDB (not part of check)
#   make V=1             show the full compiler command lines
#   make DEVELOPER=1     warnings are errors (make check, unit and golden set it;
#                        DEVELOPER=0 turns it off). A plain `make` never fails
#                        on a warning a newer compiler adds.
#
# CC, CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS are honoured (OPT replaces the
# default -O2 -g).

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

CC      ?= cc
OPT     ?= -O2 -g

# The libraries, as pkg-config names them, each with the Debian package
# that provides it (`make deps` installs them). A missing one is reported by
# name, with what to install, before anything is compiled (rule pkgcheck).
PKG_DEBS := jansson:libjansson-dev libpcre2-8:libpcre2-dev sqlite3:libsqlite3-dev \
            readline:libreadline-dev zlib:zlib1g-dev libdeflate:libdeflate-dev \
            libcrypto:libssl-dev
PKGS     := $(foreach x,$(PKG_DEBS),$(firstword $(subst :, ,$(x))))
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# make check (and so CI) builds in developer mode unless told otherwise.
ifneq ($(filter check unit golden,$(MAKECMDGOALS)),)
  DEVELOPER ?= 1
endif
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
ifeq ($(DEVELOPER),1)
  WARN  += -Werror
endif

CFLAGS_ALL = -std=c11 -D_GNU_SOURCE -I. $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) -pthread $(OPT) $(CFLAGS)
LIBS    := $(PKG_LIBS) -lm -pthread

ifeq ($(SANITIZE),1)
  BUILD := build/san
  CFLAGS_ALL += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDSAN := -fsanitize=address,undefined
  BIN   := $(BUILD)/trailq
else
  BUILD := build/rel
  LDSAN :=
  BIN   := trailq
endif

ifeq ($(V),1)
  Q :=
  say := @true
else
  Q := @
  say := @printf '  %-6s %s\n'
endif

SRC_LIB := $(wildcard base/*.c index/*.c parsers/*.c query/*.c) $(filter-out cmd/main.c,$(wildcard cmd/*.c))
SRC_MAIN := cmd/main.c
OBJ_LIB := $(SRC_LIB:%.c=$(BUILD)/%.o)
OBJ_MAIN := $(SRC_MAIN:%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all check unit golden deps install uninstall clean bench lint-man pkgcheck

all: $(BIN)

# Every library pkg-config cannot find, by name, with the package to install.
pkgcheck:
	@command -v pkg-config >/dev/null || { \
	    echo "trailq: pkg-config is not installed: run 'make deps' (as root), or apt-get install pkg-config" >&2; \
	    exit 1; }
	@missing=""; debs=""; \
	for x in $(PKG_DEBS); do \
	    pkg-config --exists "$${x%%:*}" || { missing="$$missing $${x%%:*}"; debs="$$debs $${x#*:}"; }; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "trailq: pkg-config cannot find:$$missing" >&2; \
	    echo "trailq: install them with 'make deps' (as root), or: apt-get install$$debs" >&2; \
	    exit 1; \
	fi

$(BIN): $(OBJ_MAIN) $(BUILD)/libtrailq.a
	$(say) LINK $@
	$(Q)$(CC) $(LDFLAGS) $(LDSAN) -o $@ $(OBJ_MAIN) $(BUILD)/libtrailq.a $(LIBS) $(LDLIBS)

$(BUILD)/libtrailq.a: $(OBJ_LIB)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $(OBJ_LIB)

$(BUILD)/%.o: %.c | pkgcheck
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libtrailq.a tests/unit/testhelp.h tests/unit/sqltest.h
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -MF $@.d $(LDFLAGS) $(LDSAN) -o $@ $< $(BUILD)/libtrailq.a $(LIBS) $(LDLIBS)

-include $(OBJ_LIB:.o=.d) $(OBJ_MAIN:.o=.d) $(UNIT_BIN:%=%.d)

# The whole test suite: unit tests, then golden end-to-end tests. The driver
# prints one line "N passed, N failed, N skipped" and exits non-zero on any
# failure (cases that need the larger corpus, $SHARED/data, are skipped
# when it is absent).
# tests/trino/run.sh is the --sql test (node, DuckDB): it reports like a unit
# test, and counts its checks as skipped where node or its packages are missing.
check: $(BIN) $(UNIT_BIN)
	@TRAILQ=$(abspath $(BIN)) UNIT_BINS="$(abspath $(UNIT_BIN)) $(abspath tests/trino/run.sh)" bash tests/run.sh

# SHARED names the larger corpus beside the repository, as tests/run.sh sets it.
unit: $(UNIT_BIN)
	@export SHARED="$${SHARED:-$(abspath ..)/shared}"; for t in $(UNIT_BIN); do $$t || exit 1; done

golden: $(BIN)
	@TRAILQ=$(abspath $(BIN)) bash tests/run.sh

lint-man:
	mandoc -Tlint -W warning man/trailq.1

# Debian 12 packages for building, testing and the man-page lint; then the
# node packages of the --sql test, at the versions tests/trino/package-lock.json pins.
DEBS := build-essential pkg-config libjansson-dev libpcre2-dev libsqlite3-dev \
        libreadline-dev zlib1g-dev libdeflate-dev libssl-dev mandoc jq python3 tzdata \
        tmux zsh fish bash-completion
# Node.js comes from Debian only where the machine has none: Debian's npm
# conflicts with a NodeSource nodejs, which carries its own npm.
deps:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBS) \
	    $$(command -v node >/dev/null || echo nodejs) $$(command -v npm >/dev/null || echo npm) >/dev/null
	cd tests/trino && npm ci --no-audit --no-fund --loglevel=error >/dev/null

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/trailq
	install -m 644 man/trailq.1 $(DESTDIR)$(MANDIR)/man1/trailq.1
	install -m 644 completions/trailq.bash $(DESTDIR)$(BASHCOMPDIR)/trailq
	install -m 644 completions/_trailq $(DESTDIR)$(ZSHCOMPDIR)/_trailq
	install -m 644 completions/trailq.fish $(DESTDIR)$(FISHCOMPDIR)/trailq.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/trailq $(DESTDIR)$(MANDIR)/man1/trailq.1 \
	      $(DESTDIR)$(BASHCOMPDIR)/trailq $(DESTDIR)$(ZSHCOMPDIR)/_trailq \
	      $(DESTDIR)$(FISHCOMPDIR)/trailq.fish

bench: $(BIN)
	bash bench/run.sh

clean:
	rm -rf build trailq tests/out

# ---- fuzzing (tests/fuzz/README) ----
# One libFuzzer entry point per tests/fuzz/fuzz_*.c (the input readers, the
# type detector, the gzip layer, the query front end, compile-and-run, the
# JSON field scanner), each linked with the whole library ($(SRC_LIB))
# built by clang with ASan + UBSan and coverage into build/fuzz/obj/.
#   make fuzz                  build every target and run each FUZZ_TIME s
#   make fuzz FUZZ_TIME=3600 FUZZ_JOBS=2   the long campaign
#   make fuzz FUZZ_TARGETS="query run"     only these
#   make fuzz-build            build only
# Results: build/fuzz/summary.txt, logs/, findings/, corpus/ (run.sh).
# `make check` replays every tests/fuzz/crashes/<target>/ input through the
# same entry point built without libFuzzer (tests/fuzz/replay.c).
FUZZ_CC      ?= clang
FUZZ_TIME    ?= 60
FUZZ_JOBS    ?= 1
FUZZ_ALL     := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_DIR     := build/fuzz
FUZZ_FLAGS   := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter -pthread -I. \
                -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=undefined $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_OBJ     := $(SRC_LIB:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_BINS    := $(FUZZ_ALL:%=$(FUZZ_DIR)/fuzz_%)
FUZZ_HDRS    := $(wildcard tests/fuzz/*.h)
FUZZ_REPLAY  := $(FUZZ_ALL:%=$(BUILD)/fuzz-replay/%)
DEBS         += clang libclang-rt-14-dev

.PHONY: fuzz fuzz-build
fuzz: fuzz-build
	@FUZZ_TIME=$(FUZZ_TIME) FUZZ_JOBS=$(FUZZ_JOBS) FUZZ_DIR=$(FUZZ_DIR) \
	    bash tests/fuzz/run.sh $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_BINS) $(FUZZ_DIR)/query.dict $(FUZZ_DIR)/detect.dict

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) FUZZCC $<
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/libtrailq.a: $(FUZZ_OBJ)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $(FUZZ_OBJ)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_HDRS) $(FUZZ_DIR)/libtrailq.a
	$(say) FUZZ $@
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_DIR)/libtrailq.a $(LIBS)

# The query dictionary: keywords by hand, function and command names from
# query/funcs.c's table (printed by tests/fuzz/gen_dict.c).
$(FUZZ_DIR)/gen_dict: tests/fuzz/gen_dict.c $(BUILD)/libtrailq.a
	@mkdir -p $(dir $@)
	$(say) CC $@
	$(Q)$(CC) $(CFLAGS_ALL) $(LDSAN) -o $@ $< $(BUILD)/libtrailq.a $(LIBS)

$(FUZZ_DIR)/query.dict: tests/fuzz/query.dict $(FUZZ_DIR)/gen_dict
	$(Q)cat tests/fuzz/query.dict > $@.tmp && $(FUZZ_DIR)/gen_dict >> $@.tmp && mv $@.tmp $@

$(FUZZ_DIR)/detect.dict: tests/fuzz/json.dict tests/fuzz/lines.dict
	@mkdir -p $(dir $@)
	$(Q)cat tests/fuzz/json.dict tests/fuzz/lines.dict > $@

# Crash regressions: each entry point with tests/fuzz/replay.c's main, run
# by `make check` like a unit test.
$(BUILD)/fuzz-replay/%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(FUZZ_HDRS) $(BUILD)/libtrailq.a
	@mkdir -p $(dir $@)
	$(say) CC $@
	$(Q)$(CC) $(CFLAGS_ALL) -DFUZZ_TARGET='"$*"' $(LDSAN) -o $@ tests/fuzz/replay.c \
	    tests/fuzz/fuzz_$*.c $(BUILD)/libtrailq.a $(LIBS)

UNIT_BIN += $(FUZZ_REPLAY)
check unit: $(FUZZ_REPLAY)

-include $(FUZZ_OBJ:.o=.d)
