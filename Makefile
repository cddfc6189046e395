# switchsim - plain GNU Makefile.
#
#   make                 bin/switchsim, bin/switchsim.cgi, bin/switchsim.fcgi,
#                        build/libswitchsim.a
#   make check           install what is missing, build with ASan+UBSan, run every test
#   make serve [PORT=8080]  lighttpd on 127.0.0.1 with the web page and the API
#                        (FastCGI; FRONT=cgi for the plain CGI)
#   make bench           the benchmarks
#   make fuzz [FUZZ_SECONDS=60]   libFuzzer harnesses (clang), each for that long
#   make valgrind        the CLI tests under valgrind (no leaks, no errors)
#   make loadtest [LOAD_SECONDS=10]   lighttpd + CGI on 127.0.0.1 under wrk
#   make DEVELOPER=1     adds -Werror
#
# Settings may be overridden on the command line or in an optional config.mak.

CC        ?= cc
PKG_CONFIG ?= pkg-config
PORT      ?= 8080
BUILD     ?= build
BINDIR    ?= bin
PREFIX    ?= /usr/local
BINDIR_INSTALL ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR   ?= $(PREFIX)/share
MANDIR    ?= $(DATADIR)/man

-include config.mak

PKGS      := libxml-2.0 libcjson libcurl
WARN      := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wwrite-strings -Wvla -Wformat-security -Wpointer-arith -Wundef
ifeq ($(DEVELOPER),1)
WARN      += -Werror
endif
OPT       ?= -O2 -g
# SW_CHECK_IDS: a lookup that finds an id by its address also compares the
# text, and stops on a difference (sw_ctx.cache in include/switchsim/tables.h).
ifeq ($(SAN),1)
OPT       := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=undefined -DSW_CHECK_IDS
LDSAN     := -fsanitize=address,undefined
endif

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libcurl is not linked: `tables fetch` loads it when it runs (src/app/io/curl_dl.c),
# so that no other start pays for the libraries it pulls in. Nor is libxml2: the
# programs load it when they parse a table (src/app/io/xml_dl.c; a start that
# uses the snapshot cache parses none). Only the tests and fuzz harnesses that
# call sw_tables_new() (switchsim/tables_xml.h) link it: XML_LIBS.
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs libcjson 2>/dev/null)
XML_LIBS   := $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null)
CURL_LIBS  := $(shell $(PKG_CONFIG) --libs libcurl 2>/dev/null)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

TABLES_DIR := $(CURDIR)/tables

# The layout is the boundary (DESIGN.md): src/core/ is the library - no I/O, no
# globals, no clock - in base/, tables/, rules/, scenario/, engine/, whatif/;
# src/app/ holds the front ends: cli/, cgi/, render/ (JSON, table, CSV, HTML,
# explanations) and io/ (files, the table fetcher). A core file sees only
# include/ and the core's own folders; an app file also sees the app folders.
CORE_DIRS := $(sort $(dir $(wildcard src/core/*/*.c)))
APP_DIRS  := src/app/cli/ src/app/cgi/ src/app/render/ src/app/io/
CORE_INC  := -Iinclude $(patsubst %/,-I%,$(CORE_DIRS))
APP_INC   := $(CORE_INC) $(patsubst %/,-I%,$(APP_DIRS))

CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DSW_TABLES_DIR='"$(TABLES_DIR)"' -DSW_WEB_DIR='"$(CURDIR)/web"'
CFLAGS    += -std=c11 $(WARN) $(OPT) $(PKG_CFLAGS) -MMD -MP
LDFLAGS   += $(LDSAN)
LDLIBS    += $(PKG_LIBS) -lm -lpthread -ldl

CORE_SRC  := $(wildcard src/core/*/*.c)
CLI_SRC   := $(wildcard src/app/cli/*.c)
# The API's handler and endpoints; each front (cgi_main.c: plain CGI,
# fcgi_main.c: FastCGI, which sends through fcgi_send.c) is a main of its own
# around them.
FCGI_SEND := src/app/cgi/fcgi_send.c
CGI_SRC   := $(filter-out src/app/cgi/cgi_main.c src/app/cgi/fcgi_main.c $(FCGI_SEND),\
                          $(wildcard src/app/cgi/*.c))
# What the CLI, the CGI and the tests share: rendering and files.
SHARED_SRC := $(wildcard src/app/render/*.c) $(wildcard src/app/io/*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))

LIB       := $(BUILD)/libswitchsim.a
CLI       := $(BINDIR)/switchsim
CGI       := $(BINDIR)/switchsim.cgi
FCGI      := $(BINDIR)/switchsim.fcgi
FCGI_LIBS := $(shell $(PKG_CONFIG) --libs fcgi 2>/dev/null || echo -lfcgi)

UNIT_SRC  := $(wildcard tests/unit/check_*.c)
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/test/%,$(UNIT_SRC))
TESTUTIL  := $(call obj,tests/unit/testutil.c)

.PHONY: all lib check test-build run-tests deps serve bench fuzz valgrind clean \
        fuzz-build loadtest \
        install distclean lint

all: $(CLI) $(CGI) $(FCGI) $(LIB)

lib: $(LIB)

$(BUILD)/obj/src/core/%.o: src/core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CORE_INC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(APP_INC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(call obj,$(CORE_SRC))
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(CLI): $(call obj,$(CLI_SRC) $(SHARED_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(call obj,$(CLI_SRC) $(SHARED_SRC)) $(LIB) $(LDLIBS)

# The CGI starts per request: it links neither the table fetcher nor libcurl.
CGI_SHARED := $(filter-out src/app/io/fetch.c src/app/io/install.c src/app/io/curl_dl.c,\
                           $(SHARED_SRC))
CGI_LIBS   := $(PKG_LIBS) -lm -lpthread -ldl

$(CGI): $(call obj,src/app/cgi/cgi_main.c $(CGI_SRC) $(CGI_SHARED)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(call obj,src/app/cgi/cgi_main.c $(CGI_SRC) $(CGI_SHARED)) $(LIB) \
	    $(CGI_LIBS)

# The same handler as a FastCGI process (libfcgi): tables loaded once.
$(FCGI): $(call obj,src/app/cgi/fcgi_main.c $(FCGI_SEND) $(CGI_SRC) $(CGI_SHARED)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(call obj,src/app/cgi/fcgi_main.c $(FCGI_SEND) $(CGI_SRC) $(CGI_SHARED)) $(LIB) \
	    $(CGI_LIBS) $(FCGI_LIBS)

$(BUILD)/obj/tests/unit/%.o: CFLAGS += $(CHECK_CFLAGS)

$(BUILD)/test/%: $(BUILD)/obj/tests/unit/%.o $(TESTUTIL) $(call obj,$(SHARED_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LDLIBS) $(XML_LIBS)

# The API's handler in the arena of switchsim.fcgi against the plain one.
$(BUILD)/test/check_cgi_arena: $(BUILD)/obj/tests/unit/check_cgi_arena.o $(call obj,$(CGI_SRC)) \
                               $(TESTUTIL) $(call obj,$(SHARED_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LDLIBS) $(XML_LIBS)

deps:
	@sh .ci/install-deps

# `make check`: install what is missing, then build everything under
# AddressSanitizer + UndefinedBehaviorSanitizer in build/san and run all tests.
check: deps
	@$(MAKE) --no-print-directory SAN=1 BUILD=build/san BINDIR=build/san/bin test-build
	@$(MAKE) --no-print-directory SAN=1 BUILD=build/san BINDIR=build/san/bin run-tests

# The libcurl client of the end-to-end tests (tests/e2e/).
E2E_CLIENT := $(BUILD)/test/e2e_client
$(BUILD)/test/e2e_client: tests/e2e/client.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CURL_LIBS)

test-build: $(CLI) $(CGI) $(FCGI) $(LIB) $(UNIT_BIN) $(E2E_CLIENT)

run-tests:
	@LC_ALL=C BUILD=$(BUILD) BINDIR=$(BINDIR) sh tests/run

FRONT     ?= fastcgi
serve: deps all
	@SWITCHSIM_FRONT=$(FRONT) SWITCHSIM_CGI=$(CGI) SWITCHSIM_FCGI=$(FCGI) sh web/serve $(PORT)

# The in-process timings of `make bench` (tests/bench/engine.c).
BENCH_ENGINE := $(BUILD)/bench/engine
BENCH_APP := $(call obj,$(CGI_SRC) $(CGI_SHARED))
$(BENCH_ENGINE): tests/bench/engine.c $(BENCH_APP) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(APP_INC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BENCH_APP) $(LIB) $(LDLIBS)

# The generated caseload of `make bench` (tests/bench/caseload.c, no library).
BENCH_CASELOAD := $(BUILD)/bench/caseload
$(BENCH_CASELOAD): tests/bench/caseload.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

# The floor of bench section 5 (tests/bench/fcgi_floor.c): a FastCGI backend
# that answers a fixed body without work, sent as switchsim.fcgi sends (fcgi_send.c).
BENCH_FLOOR := $(BUILD)/bench/fcgi_floor
$(BENCH_FLOOR): tests/bench/fcgi_floor.c $(call obj,$(FCGI_SEND)) $(BENCH_APP) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(APP_INC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(call obj,$(FCGI_SEND)) \
	    $(BENCH_APP) $(LIB) $(LDLIBS) $(FCGI_LIBS)

bench: all $(BENCH_ENGINE) $(BENCH_CASELOAD) $(BENCH_FLOOR)
	@SWITCHSIM_BENCH=1 SWITCHSIM_BROWSER=0 sh .ci/install-deps
	@BUILD=$(BUILD) BINDIR=$(BINDIR) sh tests/bench/run

lint:
	@sh tests/cli/lint.sh

# `make install [PREFIX=/usr/local] [DESTDIR=...]`: the CLI, its man page
# (src/app/cli/switchsim.1, next to the commands it describes), the library with
# its headers and pkg-config file (src/core/switchsim.pc.in), the tables and the
# page. DESTDIR stages the tree; the paths inside (switchsim.pc) name PREFIX.
VERSION := $(shell sed -n 's/^\#define SWITCHSIM_VERSION "\(.*\)"/\1/p' include/switchsim/version.h)

install: all
	install -d $(DESTDIR)$(BINDIR_INSTALL) $(DESTDIR)$(DATADIR)/switchsim \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/switchsim
	install -m 755 $(CLI) $(DESTDIR)$(BINDIR_INSTALL)/switchsim
	install -m 644 src/app/cli/switchsim.1 $(DESTDIR)$(MANDIR)/man1/switchsim.1
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libswitchsim.a
	install -m 644 include/switchsim/*.h $(DESTDIR)$(INCLUDEDIR)/switchsim/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    src/core/switchsim.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/switchsim.pc
	chmod 644 $(DESTDIR)$(LIBDIR)/pkgconfig/switchsim.pc
	cp -r tables web $(DESTDIR)$(DATADIR)/switchsim/

# --- trust: fuzzing, valgrind (tests/fuzz, tests/valgrind) ---
# `make fuzz [FUZZ_SECONDS=60]` builds the libFuzzer harnesses with clang in
# build/fuzz and runs each for FUZZ_SECONDS; the test build links the same
# harnesses to tests/fuzz/standalone.c so that `make check` replays the corpora.
FUZZ_TARGETS := scenario tables cgi parse snapshot overrides
FUZZ_SECONDS ?= 60
FUZZ_LINK_SRC := $(CGI_SRC) $(SHARED_SRC)
REPLAY_BIN := $(patsubst %,$(BUILD)/test/replay_%,$(FUZZ_TARGETS))
ifeq ($(FUZZ),1)
OPT       := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined,fuzzer-no-link \
             -fno-sanitize-recover=undefined
LDSAN     := -fsanitize=address,undefined
endif

$(BUILD)/test/replay_%: $(BUILD)/obj/tests/fuzz/fuzz_%.o $(BUILD)/obj/tests/fuzz/standalone.o \
                        $(call obj,$(FUZZ_LINK_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(XML_LIBS)

$(BUILD)/fuzz/fuzz_%: $(BUILD)/obj/tests/fuzz/fuzz_%.o $(call obj,$(FUZZ_LINK_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS) $(XML_LIBS)

test-build: $(REPLAY_BIN)

fuzz-build: $(patsubst %,$(BUILD)/fuzz/fuzz_%,$(FUZZ_TARGETS))

fuzz:
	@SWITCHSIM_FUZZ=1 SWITCHSIM_BROWSER=0 sh .ci/install-deps
	@$(MAKE) --no-print-directory CC=clang FUZZ=1 BUILD=build/fuzz BINDIR=build/fuzz/bin fuzz-build
	@sh tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# `make loadtest [LOAD_SECONDS=10]`: lighttpd + the CGI on 127.0.0.1 under wrk.
loadtest: all
	@SWITCHSIM_LOAD=1 SWITCHSIM_BROWSER=0 sh .ci/install-deps
	@SWITCHSIM_FRONT=$(FRONT) SWITCHSIM_CGI=$(CURDIR)/$(CGI) SWITCHSIM_FCGI=$(CURDIR)/$(FCGI) \
	    sh tests/load/run

# `make valgrind`: the CLI tests with switchsim (a plain -O1 -g build in
# build/valgrind) under valgrind; fails on any memory error or leak.
valgrind:
	@SWITCHSIM_VALGRIND=1 SWITCHSIM_BROWSER=0 sh .ci/install-deps
	@$(MAKE) --no-print-directory BUILD=build/valgrind BINDIR=build/valgrind/bin OPT="-O1 -g" all
	@sh tests/valgrind/run

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
