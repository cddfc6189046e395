# switchsim - plain GNU Makefile.
#
#   make                 bin/switchsim, bin/switchsim.cgi, build/libswitchsim.a
#   make check           install what is missing, build with ASan+UBSan, run every test
#   make serve [PORT=8080]  lighttpd on 127.0.0.1 with the web page and the CGI
#   make bench           the benchmarks
#   make DEVELOPER=1     adds -Werror
#
# Settings may be overridden on the command line or in an optional config.mak.

CC        ?= cc
PKG_CONFIG ?= pkg-config
PORT      ?= 8080
BUILD     ?= build
BINDIR    ?= bin
PREFIX    ?= /usr/local

-include config.mak

PKGS      := libxml-2.0 libcjson libcurl
WARN      := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wwrite-strings -Wvla -Wformat-security -Wpointer-arith -Wundef
ifeq ($(DEVELOPER),1)
WARN      += -Werror
endif
OPT       ?= -O2 -g
ifeq ($(SAN),1)
OPT       := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=undefined
LDSAN     := -fsanitize=address,undefined
endif

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

TABLES_DIR := $(CURDIR)/tables
CPPFLAGS  += -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DSW_TABLES_DIR='"$(TABLES_DIR)"' -DSW_WEB_DIR='"$(CURDIR)/web"'
CFLAGS    += -std=c11 $(WARN) $(OPT) $(PKG_CFLAGS) -MMD -MP
LDFLAGS   += $(LDSAN)
LDLIBS    += $(PKG_LIBS) -lm -lpthread

# The core (no I/O, no globals) is everything in src/ but the front ends.
FRONT_SRC := $(wildcard src/cli*.c) $(wildcard src/cgi*.c) $(wildcard src/front_*.c) \
             src/fileio.c
CORE_SRC  := $(filter-out $(FRONT_SRC),$(wildcard src/*.c))
SHARED_SRC := src/fileio.c $(wildcard src/front_*.c)
CLI_SRC   := $(wildcard src/cli*.c)
CGI_SRC   := $(wildcard src/cgi*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))

LIB       := $(BUILD)/libswitchsim.a
CLI       := $(BINDIR)/switchsim
CGI       := $(BINDIR)/switchsim.cgi

UNIT_SRC  := $(wildcard tests/unit/check_*.c)
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/test/%,$(UNIT_SRC))
TESTUTIL  := $(call obj,tests/unit/testutil.c)

.PHONY: all lib check test-build run-tests deps serve bench fuzz valgrind clean \
        install distclean lint

all: $(CLI) $(CGI) $(LIB)

lib: $(LIB)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(call obj,$(CORE_SRC))
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(CLI): $(call obj,$(CLI_SRC) $(SHARED_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(call obj,$(CLI_SRC) $(SHARED_SRC)) $(LIB) $(LDLIBS)

$(CGI): $(call obj,$(CGI_SRC) $(SHARED_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(call obj,$(CGI_SRC) $(SHARED_SRC)) $(LIB) $(LDLIBS)

$(BUILD)/obj/tests/unit/%.o: CFLAGS += $(CHECK_CFLAGS)

$(BUILD)/test/%: $(BUILD)/obj/tests/unit/%.o $(TESTUTIL) $(call obj,$(SHARED_SRC)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LDLIBS)

deps:
	@sh .ci/install-deps

# `make check`: install what is missing, then build everything under
# AddressSanitizer + UndefinedBehaviorSanitizer in build/san and run all tests.
check: deps
	@$(MAKE) --no-print-directory SAN=1 BUILD=build/san BINDIR=build/san/bin test-build
	@$(MAKE) --no-print-directory SAN=1 BUILD=build/san BINDIR=build/san/bin run-tests

test-build: $(CLI) $(CGI) $(LIB) $(UNIT_BIN)

run-tests:
	@LC_ALL=C BUILD=$(BUILD) BINDIR=$(BINDIR) sh tests/run

serve: deps all
	@sh web/serve $(PORT)

bench: all
	@sh tests/bench/run

lint:
	@sh tests/cli/lint.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/switchsim
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/switchsim
	cp -r tables web $(DESTDIR)$(PREFIX)/share/switchsim/

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
