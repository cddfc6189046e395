#!/bin/sh
# tests/cli/install.sh - `make install` into a DESTDIR (issue 20, item 11): the
# man page switchsim(1) renders with `man -l` without warnings and names every
# command of `switchsim --help`; the library installs with a pkg-config file, and
# a tiny program builds against the installed library with
# `pkg-config --cflags --libs switchsim` and computes a published figure.
# Uses the build under test (BUILD, BINDIR and SAN as `make check` sets them):
# nothing is compiled again, only copied.
. tests/lib.sh

BUILD=${BUILD:-build}
BINDIR=${BINDIR:-bin}
PREFIX=/opt/switchsim
DEST="$TMPD/root"
MAN=src/app/cli/switchsim.1

# --- the man page in the tree ---
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$MAN" >"$OUT" 2>"$ERR"
RC=$?
expect_rc "man -l renders switchsim.1" 0
if [ -s "$ERR" ]; then not_ok "man -l: warnings: $(head -c 300 "$ERR")"; else ok "man -l: no warnings"; fi
expect_out "man page: its name line" "switchsim - what stays in the wallet"
# A warning check that sees nothing proves nothing: a broken page must warn.
printf '.TH X 1\n.SH NAME\n.nosuchmacro\n' >"$TMPD/bad.1"
LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l "$TMPD/bad.1" >/dev/null 2>"$TMPD/bad.err"
if grep -q 'warning' "$TMPD/bad.err"; then ok "man --warnings reports a broken page"; else not_ok "man --warnings silent on a broken page"; fi

commands=$("$SWITCHSIM" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
n=0
for c in $commands; do
    n=$((n + 1))
    # Each command has its own subsection: a heading line starting with its name.
    if grep -qE "^   $c( |$)" "$OUT"; then ok "man page describes '$c'"; else not_ok "man page lacks '$c'"; fi
done
[ "$n" -ge 15 ] && ok "$n commands in switchsim --help" || not_ok "only $n commands found in --help"
for word in "EXIT STATUS" "ENVIRONMENT" "SWITCHSIM_TABLES" "2.000,50" "--strict"; do
    grep -qF -- "$word" "$OUT" && ok "man page: $word" || not_ok "man page lacks '$word'"
done
tr -s ' \n' '  ' <"$OUT" | grep -qF "print a table only when standard output is a terminal and JSON otherwise" &&
    ok "man page: the table only on a terminal" || not_ok "man page: when a table is printed"

# --- make install into a DESTDIR ---
# MAKEFLAGS from `make check` (SAN=1 BUILD=... BINDIR=...) reach this make too;
# the explicit BUILD and BINDIR cover a run by hand.
make --no-print-directory install DESTDIR="$DEST" PREFIX="$PREFIX" BUILD="$BUILD" \
    BINDIR="$BINDIR" ${SAN:+SAN=$SAN} >"$OUT" 2>"$ERR"
RC=$?
expect_rc "make install DESTDIR=... PREFIX=$PREFIX" 0
if grep -qE '(^| )(cc|gcc|clang) ' "$OUT"; then not_ok "make install compiled something (the build under test was not up to date)"; else ok "make install only copies"; fi
for f in bin/switchsim share/man/man1/switchsim.1 lib/libswitchsim.a \
         lib/pkgconfig/switchsim.pc include/switchsim/engine.h include/switchsim/wml.h \
         share/switchsim/tables/wml.xml share/switchsim/web/index.html; do
    [ -f "$DEST$PREFIX/$f" ] && ok "installed $f" || not_ok "not installed: $PREFIX/$f"
done
if [ -n "$(find "$DEST" -path "$DEST$PREFIX" -prune -o -type f -print | head -n 1)" ]; then
    not_ok "files installed outside DESTDIR$PREFIX: $(find "$DEST" -path "$DEST$PREFIX" -prune -o -type f -print | head -n 3)"
else
    ok "everything under DESTDIR/PREFIX"
fi

# The installed man page renders and man finds it by name.
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$DEST$PREFIX/share/man/man1/switchsim.1" >"$OUT" 2>"$ERR"
RC=$?
expect_rc "the installed man page renders" 0
[ -s "$ERR" ] && not_ok "installed man page: warnings" || ok "installed man page: no warnings"
LC_ALL=C.UTF-8 MANPATH="$DEST$PREFIX/share/man" man -w switchsim >"$OUT" 2>"$ERR"
RC=$?
expect_out "man -w switchsim finds the installed page" "$DEST$PREFIX/share/man/man1/switchsim.1"

# --- pkg-config: the file names PREFIX; the sysroot maps it into DESTDIR ---
PC="$DEST$PREFIX/lib/pkgconfig"
run env PKG_CONFIG_PATH="$PC" PKG_CONFIG_SYSROOT_DIR="$DEST" pkg-config --modversion switchsim
expect_out "pkg-config --modversion" "$(sed -n 's/^#define SWITCHSIM_VERSION "\(.*\)"/\1/p' include/switchsim/version.h)"
run env PKG_CONFIG_PATH="$PC" pkg-config --variable=prefix switchsim
expect_out "switchsim.pc names PREFIX, not DESTDIR" "$PREFIX"
run env PKG_CONFIG_PATH="$PC" PKG_CONFIG_SYSROOT_DIR="$DEST" pkg-config --cflags --libs switchsim
expect_rc "pkg-config --cflags --libs switchsim" 0
expect_out "... the installed headers" "-I$DEST$PREFIX/include"
expect_out "... the library" "-lswitchsim"
flags=$(cat "$OUT")

# A tiny program: the table set from the installed tables, and the adult
# minimum wage per hour on 1 March 2026. Independent figure: EUR 14,71 per hour
# from 1 January 2026 (Rijksoverheid, "Uitkeringsbedragen per 1 januari 2026",
# 10-12-2025; Wml art. 14).
cat >"$TMPD/tiny.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <switchsim/date.h>
#include <switchsim/money.h>
#include <switchsim/tables.h>
#include <switchsim/wml.h>

static char *slurp(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    FILE *f;
    char *buf = malloc(1 << 20);

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (!f || !buf) {
        perror(path);
        exit(2);
    }
    *len = fread(buf, 1, (1 << 20) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    struct sw_tables *t = NULL;
    struct sw_ctx c;
    struct sw_wml w;
    struct sw_err err;
    sw_date d;
    size_t xl, wl;
    char *xsd, *wml, eur[48];

    if (argc != 2)
        return 2;
    xsd = slurp(argv[1], "schema/v1/tables.xsd", &xl);
    wml = slurp(argv[1], "wml.xml", &wl);
    if (sw_tables_new(&t, xsd, xl, &err) || sw_tables_add(t, "tables/wml.xml", wml, wl, &err) ||
        sw_tables_finish(t, &err) || sw_date_parse(&d, "2026-03-01", "date", &err)) {
        fprintf(stderr, "tiny: %s\n", err.msg);
        return 1;
    }
    sw_ctx_init(&c, t, false);
    if (sw_wml_hourly(&c, d, SW_NO_DATE, "birth", &w, NULL, &err)) {
        fprintf(stderr, "tiny: %s\n", err.msg);
        return 1;
    }
    sw_money_format_nl(eur, sizeof(eur), w.hourly);
    printf("%lld %s\n", (long long)w.hourly, eur);
    sw_tables_free(t);
    free(xsd);
    free(wml);
    return 0;
}
EOF
# The sanitizer build's library needs the sanitizer runtime at link time: a
# property of that build, not of the installed .pc.
san=""
[ "${SAN:-0}" = 1 ] && san="-fsanitize=address,undefined"
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -Wall -Wextra -Werror $san -o "$TMPD/tiny" "$TMPD/tiny.c" $flags >"$OUT" 2>"$ERR"
RC=$?
expect_rc "a tiny program builds against the installed library" 0
run "$TMPD/tiny" "$DEST$PREFIX/share/switchsim/tables"
expect_rc "the tiny program runs" 0
expect_out "WML per hour on 2026-03-01: 1471 cents (Rijksoverheid: EUR 14,71)" "1471 € 14,71"

# --- the installed program reads the installed tables ---
# Without --tables or SWITCHSIM_TABLES, the program under PREFIX/bin reads
# PREFIX/share/switchsim/tables, not the source tree it was built in: a table
# removed from the installed copy is missing from its list, and present in the
# build's own list.
rm -f "$DEST$PREFIX/share/switchsim/tables/gemeenten/amsterdam.xml"
(cd "$TMPD" && env -u SWITCHSIM_TABLES SWITCHSIM_CACHE=off "$DEST$PREFIX/bin/switchsim" tables list) >"$OUT" 2>"$ERR"
RC=$?
expect_rc "the installed switchsim lists its tables" 0
expect_out "... including the installed gemeenten" "tables/gemeenten/amersfoort.xml"
if grep -q 'amsterdam' "$OUT"; then not_ok "the installed switchsim read the source tree's tables"; else ok "the installed switchsim reads PREFIX/share/switchsim/tables"; fi
(cd "$TMPD" && env -u SWITCHSIM_TABLES SWITCHSIM_CACHE=off "$SWITCHSIM" tables list) >"$OUT" 2>"$ERR"
expect_out "the build under test still reads its source tree" "tables/gemeenten/amsterdam.xml"
