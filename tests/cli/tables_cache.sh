#!/bin/sh
# The table snapshot cache (fileio.c): the same results with and without it; a
# changed, broken or unreadable table is never answered from an old snapshot.
. tests/lib.sh

C="$TMPD/cache"
T="$TMPD/tables"
cp -r "${SWITCHSIM_TABLES:-tables}" "$T"
rm -f "$T/.snapshot"* 2>/dev/null

SWITCHSIM_CACHE=off run "$SWITCHSIM" tables check --tables "$T"
expect_rc "check without cache" 0
cp "$OUT" "$TMPD/check.off"
[ ! -e "$C" ] && ok "cache off writes nothing" || not_ok "cache off writes nothing"

SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables check --tables "$T"
expect_rc "first check with cache" 0
cmp -s "$OUT" "$TMPD/check.off" && ok "same check output" || not_ok "same check output"
[ -s "$C/tables.snapshot" ] && ok "snapshot written" || not_ok "snapshot written"
ino1=$(ls -i "$C/tables.snapshot" | cut -d' ' -f1)

SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables check --tables "$T"
expect_rc "second check with cache" 0
cmp -s "$OUT" "$TMPD/check.off" && ok "same check output from the snapshot" ||
    not_ok "same check output from the snapshot"
ino2=$(ls -i "$C/tables.snapshot" | cut -d' ' -f1)
# A hit reads the snapshot and leaves it; a miss would write a new file (new inode).
[ "$ino1" = "$ino2" ] && ok "second load came from the snapshot" ||
    not_ok "second load came from the snapshot ($ino1 -> $ino2)"

# Every reference case gives the same JSON from the snapshot as from the XML.
same=0
for f in tests/cases/*.json; do
    SWITCHSIM_CACHE=off "$SWITCHSIM" simulate "$f" --json --tables "$T" >"$TMPD/a.json" 2>&1
    SWITCHSIM_CACHE="$C" "$SWITCHSIM" simulate "$f" --json --tables "$T" >"$TMPD/b.json" 2>&1
    cmp -s "$TMPD/a.json" "$TMPD/b.json" || { same=1; echo "    differs: $f"; }
done
[ "$same" -eq 0 ] && ok "every case the same with the snapshot" ||
    not_ok "every case the same with the snapshot"
SWITCHSIM_CACHE=off "$SWITCHSIM" explain tests/cases/seed_resident.json --month 2026-02 \
    --item bijstand_paid --tables "$T" >"$TMPD/a.txt" 2>&1
SWITCHSIM_CACHE="$C" "$SWITCHSIM" explain tests/cases/seed_resident.json --month 2026-02 \
    --item bijstand_paid --tables "$T" >"$TMPD/b.txt" 2>&1
cmp -s "$TMPD/a.txt" "$TMPD/b.txt" && ok "explain the same with the snapshot (sources, dates)" ||
    not_ok "explain the same with the snapshot"

# A changed value: the norm 1401.50 becomes 1401.51 in the copy.
sed -i 's/amount="140150"/amount="140151"/' "$T/participatiewet.xml"
SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables show participatiewet.norm.single --tables "$T"
expect_rc "changed table" 0
expect_out "the changed value, not the snapshot's" "1401.51 euro"
SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables check --tables "$T"
cmp -s "$OUT" "$TMPD/check.off" && not_ok "changed table has another sha256" ||
    ok "changed table has another sha256"

# A broken table after a good load: the loader's error, exit 3.
cp "$T/participatiewet.xml" "$TMPD/p.xml"
printf '<tables' >"$T/participatiewet.xml"
SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables check --tables "$T"
expect_rc "broken table is an error despite a snapshot" 3
expect_err "names the broken file" "participatiewet.xml"
expect_no_out "broken table"
cp "$TMPD/p.xml" "$T/participatiewet.xml"

# A changed schema makes the snapshot stale too.
SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables check --tables "$T"
printf '<broken' >"$T/schema/v1/tables.xsd"
SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables check --tables "$T"
expect_rc "broken schema is an error despite a snapshot" 3
expect_no_out "broken schema"

# A damaged snapshot is ignored and replaced.
cp -r "${SWITCHSIM_TABLES:-tables}" "$TMPD/t2"
SWITCHSIM_CACHE="$C" "$SWITCHSIM" tables check --tables "$TMPD/t2" >"$TMPD/check.t2" 2>&1
head -c 1000 "$C/tables.snapshot" >"$TMPD/cut" && cp "$TMPD/cut" "$C/tables.snapshot"
SWITCHSIM_CACHE="$C" run "$SWITCHSIM" tables check --tables "$TMPD/t2"
expect_rc "damaged snapshot" 0
cmp -s "$OUT" "$TMPD/check.t2" && ok "damaged snapshot: same output" ||
    not_ok "damaged snapshot: same output"
size=$(wc -c <"$C/tables.snapshot")
[ "$size" -gt 1000 ] && ok "damaged snapshot replaced" || not_ok "damaged snapshot replaced"

# A cache that cannot be written: no cache, same result.
: >"$TMPD/afile"
SWITCHSIM_CACHE="$TMPD/afile/sub" run "$SWITCHSIM" tables check --tables "$TMPD/t2"
expect_rc "unwritable cache" 0
cmp -s "$OUT" "$TMPD/check.t2" && ok "unwritable cache: same output" ||
    not_ok "unwritable cache: same output"

# --- the stamp record: the key found from the files' metadata, no table read ---
# A fresh copy is "racy" (its files changed too recently for their metadata to
# be trusted): the record is written by the first load after it settled.
S="$TMPD/s"
SC="$TMPD/scache"
cp -r "${SWITCHSIM_TABLES:-tables}" "$S"
SWITCHSIM_CACHE=off "$SWITCHSIM" tables check --tables "$S" >"$TMPD/check.s" 2>&1
# stamp_wait: load until the cache holds a stamp record (bounded: 300 loads).
stamp_wait() {
    rm -f "$SC/tables.stamp"
    i=0
    while [ $i -lt 300 ] && [ ! -s "$SC/tables.stamp" ]; do
        SWITCHSIM_CACHE="$SC" "$SWITCHSIM" tables check --tables "$S" >/dev/null 2>&1
        i=$((i + 1))
    done
    [ -s "$SC/tables.stamp" ]
}
stamp_wait && ok "stamp record written once the files settled" ||
    not_ok "stamp record written once the files settled"
ino1=$(ls -i "$SC/tables.snapshot" | cut -d' ' -f1)
SWITCHSIM_CACHE="$SC" run "$SWITCHSIM" tables check --tables "$S"
cmp -s "$OUT" "$TMPD/check.s" && ok "stamp hit: the same check output" ||
    not_ok "stamp hit: the same check output"
ino2=$(ls -i "$SC/tables.snapshot" | cut -d' ' -f1)
[ "$ino1" = "$ino2" ] && ok "stamp hit: from the snapshot" || not_ok "stamp hit: from the snapshot"
for f in tests/cases/seed_resident.json tests/cases/couple.json; do
    SWITCHSIM_CACHE=off "$SWITCHSIM" simulate "$f" --json --tables "$S" >"$TMPD/a.json" 2>&1
    SWITCHSIM_CACHE="$SC" "$SWITCHSIM" simulate "$f" --json --tables "$S" >"$TMPD/b.json" 2>&1
    cmp -s "$TMPD/a.json" "$TMPD/b.json" && ok "stamp hit: $f byte for byte (tables sha256 too)" ||
        not_ok "stamp hit: $f differs"
done

# Changed in place: same file (inode), same size, another value.
stamp_wait
sed 's/amount="140150"/amount="140151"/' "$S/participatiewet.xml" >"$TMPD/p2.xml"
cat "$TMPD/p2.xml" >"$S/participatiewet.xml"
SWITCHSIM_CACHE="$SC" run "$SWITCHSIM" tables show participatiewet.norm.single --tables "$S"
expect_out "in-place change of the same size: the new value" "1401.51 euro"

# Added: a valid municipal table appears.
stamp_wait
sed -e 's/id="gemeente_amsterdam"/id="gemeente_testdorp"/' \
    -e 's/municipality="amsterdam"/municipality="testdorp"/' \
    -e 's/gemeente\.amsterdam\./gemeente.testdorp./g' \
    "$S/gemeenten/amsterdam.xml" >"$S/gemeenten/testdorp.xml"
SWITCHSIM_CACHE=off run "$SWITCHSIM" tables list --tables "$S"
cp "$OUT" "$TMPD/list.added"
SWITCHSIM_CACHE="$SC" run "$SWITCHSIM" tables list --tables "$S"
expect_out "added table: listed" "testdorp"
cmp -s "$OUT" "$TMPD/list.added" && ok "added table: the same list as without cache" ||
    not_ok "added table: the same list as without cache"

# Removed: the municipal table goes again.
stamp_wait
rm "$S/gemeenten/testdorp.xml"
SWITCHSIM_CACHE="$SC" run "$SWITCHSIM" tables list --tables "$S"
if grep -q testdorp "$OUT"; then not_ok "removed table: not listed"; else ok "removed table: not listed"; fi

# A stamp record of another build is not used (and replaced).
stamp_wait
SWITCHSIM_CACHE=off "$SWITCHSIM" tables check --tables "$S" >"$TMPD/check.s" 2>&1
sed -i '2s/.*/0123456789abcdef0123456789abcdef01234567/' "$SC/tables.stamp"
sed -i 's/build [0-9a-f]*;/build 0123456789abcdef0123456789abcdef01234567;/' "$SC/tables.stamp"
SWITCHSIM_CACHE="$SC" run "$SWITCHSIM" tables check --tables "$S"
cmp -s "$OUT" "$TMPD/check.s" && ok "foreign stamp record: the same output" ||
    not_ok "foreign stamp record: the same output"
if grep -q 0123456789abcdef "$SC/tables.stamp"; then
    not_ok "foreign stamp record replaced"
else
    ok "foreign stamp record replaced"
fi

# A snapshot of another set under this set's stamp record: refused, rebuilt.
stamp_wait
cp "$C/tables.snapshot" "$SC/tables.snapshot"
SWITCHSIM_CACHE="$SC" run "$SWITCHSIM" tables check --tables "$S"
expect_rc "foreign snapshot" 0
cmp -s "$OUT" "$TMPD/check.s" && ok "foreign snapshot: the same output" ||
    not_ok "foreign snapshot: the same output"
cmp -s "$C/tables.snapshot" "$SC/tables.snapshot" && not_ok "foreign snapshot replaced" ||
    ok "foreign snapshot replaced"

# A damaged stamp record: ignored.
printf 'switchsim stamp 1\nzz\n' >"$SC/tables.stamp"
SWITCHSIM_CACHE="$SC" run "$SWITCHSIM" tables check --tables "$S"
cmp -s "$OUT" "$TMPD/check.s" && ok "damaged stamp record: the same output" ||
    not_ok "damaged stamp record: the same output"

# --- the default cache directory: the user's own ---
# tests/lib.sh sets XDG_CACHE_HOME to a directory of this test; SWITCHSIM_CACHE
# is unset.
X="$TMPD/xdg"
D="$TMPD/d"
cp -r "${SWITCHSIM_TABLES:-tables}" "$D"
SWITCHSIM_CACHE=off "$SWITCHSIM" tables check --tables "$D" >"$TMPD/check.d" 2>&1
XDG_CACHE_HOME="$X" run "$SWITCHSIM" tables check --tables "$D"
expect_rc "default cache: first load" 0
cmp -s "$OUT" "$TMPD/check.d" && ok "default cache: same check output" ||
    not_ok "default cache: same check output"
[ -s "$X/switchsim/tables.snapshot" ] && ok "default cache: \$XDG_CACHE_HOME/switchsim" ||
    not_ok "default cache: \$XDG_CACHE_HOME/switchsim"
mode=$(stat -c %a "$X/switchsim" 2>/dev/null)
[ "$mode" = 700 ] && ok "default cache: created 0700" || not_ok "default cache: created 0700 ($mode)"
# Every reference case, JSON and text, byte for byte with the default cache
# (from the snapshot: the cache was filled above) and without.
same=0
for f in tests/cases/*.json; do
    for fmt in --json ""; do
        SWITCHSIM_CACHE=off "$SWITCHSIM" simulate "$f" $fmt --tables "$D" >"$TMPD/a.out" 2>&1
        ra=$?
        XDG_CACHE_HOME="$X" "$SWITCHSIM" simulate "$f" $fmt --tables "$D" >"$TMPD/b.out" 2>&1
        rb=$?
        { [ "$ra" = "$rb" ] && cmp -s "$TMPD/a.out" "$TMPD/b.out"; } ||
            { same=1; echo "    differs: $f $fmt"; }
    done
done
[ "$same" -eq 0 ] && ok "default cache: every case the same, JSON and text" ||
    not_ok "default cache: every case the same, JSON and text"

# Without XDG_CACHE_HOME (or with a relative one): $HOME/.cache/switchsim.
H="$TMPD/home"
mkdir "$H"
env -u XDG_CACHE_HOME HOME="$H" "$SWITCHSIM" tables check --tables "$D" >"$OUT" 2>"$ERR"
RC=$?
expect_rc "HOME cache" 0
cmp -s "$OUT" "$TMPD/check.d" && ok "HOME cache: same output" || not_ok "HOME cache: same output"
[ -s "$H/.cache/switchsim/tables.snapshot" ] && ok "HOME cache: \$HOME/.cache/switchsim" ||
    not_ok "HOME cache: \$HOME/.cache/switchsim"
rm -rf "$H/.cache"
XDG_CACHE_HOME=relative/dir HOME="$H" run "$SWITCHSIM" tables check --tables "$D"
[ -s "$H/.cache/switchsim/tables.snapshot" ] && [ ! -e relative ] &&
    ok "relative XDG_CACHE_HOME: not used" || not_ok "relative XDG_CACHE_HOME: not used"
# Neither: no cache, the same result.
env -u XDG_CACHE_HOME -u HOME "$SWITCHSIM" tables check --tables "$D" >"$OUT" 2>"$ERR"
RC=$?
expect_rc "no HOME, no XDG_CACHE_HOME" 0
cmp -s "$OUT" "$TMPD/check.d" && ok "no cache directory at all: same output" ||
    not_ok "no cache directory at all: same output"

# SWITCHSIM_CACHE=off: nothing written in the default directory.
X2="$TMPD/xdg2"
XDG_CACHE_HOME="$X2" SWITCHSIM_CACHE=off run "$SWITCHSIM" tables check --tables "$D"
cmp -s "$OUT" "$TMPD/check.d" && [ ! -e "$X2" ] && ok "SWITCHSIM_CACHE=off: nothing written" ||
    not_ok "SWITCHSIM_CACHE=off: nothing written"

# A default directory that cannot be made (its parent is a file): no error, no
# message, the same output.
XDG_CACHE_HOME="$TMPD/afile" run "$SWITCHSIM" simulate tests/cases/seed_resident.json --json \
    --tables "$D"
expect_rc "cache directory cannot be made" 0
SWITCHSIM_CACHE=off "$SWITCHSIM" simulate tests/cases/seed_resident.json --json --tables "$D" \
    >"$TMPD/a.out" 2>/dev/null
cmp -s "$OUT" "$TMPD/a.out" && [ ! -s "$ERR" ] && ok "cache directory cannot be made: same output" ||
    not_ok "cache directory cannot be made: same output"

# A cache directory others can write to is not used (nor written).
W="$TMPD/wcache"
mkdir "$W"
chmod 0777 "$W"
SWITCHSIM_CACHE="$W" run "$SWITCHSIM" tables check --tables "$D"
expect_rc "world-writable cache" 0
cmp -s "$OUT" "$TMPD/check.d" && [ ! -e "$W/tables.snapshot" ] &&
    ok "world-writable cache: not used, same output" ||
    not_ok "world-writable cache: not used, same output"
