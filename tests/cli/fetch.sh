#!/bin/sh
# `switchsim tables fetch`: a loopback HTTP server (tests/fetch/server.py) serves a
# good table, a wrong checksum, a broken table, an overlapping one, a server that
# hangs, a redirect loop, bodies that are too large...; each refusal exits 3 (1 for
# a bad argument) with nothing on stdout and the installed tables byte-for-byte
# unchanged. The good ones are installed and shown by `tables list`. Works on a
# copy of tables/ in a temporary directory, never on the repository's.
. tests/lib.sh

if ! command -v python3 >/dev/null 2>&1; then
    not_ok "python3 is needed for the loopback server"
    exit 1
fi

T="$TMPD/tables"
cp -r tables "$T"
rm -f "$T/.sources"
WWW="$TMPD/www"
mkdir -p "$WWW"

python3 tests/fetch/server.py "$TMPD/port" "$WWW" &
SRV=$!
trap 'kill "$SRV" 2>/dev/null; rm -rf "$TMPD"' EXIT
i=0
while [ ! -s "$TMPD/port" ] && [ "$i" -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
PORT=$(cat "$TMPD/port" 2>/dev/null)
[ -n "$PORT" ] || { not_ok "loopback server did not start"; exit 1; }
BASE="http://127.0.0.1:$PORT"

sha() { sha256sum "$1" | cut -d' ' -f1; }
# Every file in the tables directory, hidden ones too, with its checksum.
state() { (cd "$T" && find . -type f | LC_ALL=C sort | xargs sha256sum; find . -type d | LC_ALL=C sort); }

# refused NAME EXIT TEXT CMD...: exit code, message, empty stdout, tables unchanged.
refused() {
    n=$1
    code=$2
    text=$3
    shift 3
    state >"$TMPD/before"
    run "$@"
    state >"$TMPD/after"
    if [ "$RC" -eq "$code" ] && [ ! -s "$OUT" ] && grep -qF -- "$text" "$ERR" &&
        cmp -s "$TMPD/before" "$TMPD/after"; then
        ok "$n (exit $code, '$text', tables unchanged)"
    else
        not_ok "$n: expected exit $code with '$text', empty stdout and unchanged tables"
        diff "$TMPD/before" "$TMPD/after" | head -n 5 | sed 's/^/    /'
    fi
}

# --- the documents served ---
cat >"$WWW/good.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tables xmlns="urn:switchsim:tables:1" schema="1" id="fetchtest" kind="national" version="2026-11-01" title="Fetch test">
  <param id="fetchtest.amount" unit="eurocent" per="month">
    <description>a published amount</description>
    <value from="2026-01-01" amount="12345" source="Stcrt. 2026, 1 (test)" url="https://example.org/stcrt"/>
  </param>
</tables>
XML
cat >"$WWW/gemeente.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tables xmlns="urn:switchsim:tables:1" schema="1" id="gemeente_fetchdorp" kind="municipality" municipality="fetchdorp" version="2026-11-01" title="Fetchdorp">
  <param id="gemeente.fetch.price_per_month" unit="eurocent" per="month">
    <description>a price</description>
    <value from="2026-01-01" amount="5120" source="Gemeenteblad 2026, 1 (test)"/>
  </param>
</tables>
XML
printf '<?xml version="1.0"?>\n<tables xmlns="urn:switchsim:tables:1" schema="1" id="broken"\n' >"$WWW/broken.xml"
cat >"$WWW/overlap.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tables xmlns="urn:switchsim:tables:1" schema="1" id="wml_extra" kind="national" version="2026-11-01" title="Overlaps wml.xml">
  <param id="wml.hourly" unit="eurocent" per="hour">
    <description>the minimum wage again</description>
    <value from="2025-07-01" amount="9999" source="not a real publication"/>
  </param>
</tables>
XML
sed 's/title="Fetch test"/title="Fetch test, moved"/' "$WWW/good.xml" >"$WWW/dupid.xml"
sed 's/fetchtest.amount/fetchtest.other/' "$WWW/good.xml" >"$WWW/sameid.xml"
cat >"$WWW/schema-bad.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tables xmlns="urn:switchsim:tables:1" schema="1" id="nosource" kind="national" version="2026-11-01" title="No source">
  <param id="nosource.amount" unit="eurocent">
    <description>a value without a source</description>
    <value from="2026-01-01" amount="1"/>
  </param>
</tables>
XML
cat >"$WWW/evil-id.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tables xmlns="urn:switchsim:tables:1" schema="1" id="../../etc/x" kind="national" version="2026-11-01" title="Evil">
  <param id="evil.amount" unit="eurocent">
    <description>x</description>
    <value from="2026-01-01" amount="1" source="nowhere"/>
  </param>
</tables>
XML
: >"$WWW/empty.xml"
sed 's/Bruto wettelijk minimumuurloon, 21 jaar/Bruto minimumuurloon, 21 jaar/' tables/wml.xml >"$WWW/wml.xml"
GOOD=$(sha "$WWW/good.xml")

# --- arguments ---
run "$SWITCHSIM" tables fetch "$BASE/t/good.xml" --tables "$T"
expect_rc "fetch without --sha256 is a usage error" 2
expect_no_out "fetch without --sha256"
run "$SWITCHSIM" tables fetch --sha256 "$GOOD" --tables "$T"
expect_rc "fetch without a URL is a usage error" 2
refused "a --sha256 that is not 64 hex digits" 1 "--sha256" \
    "$SWITCHSIM" tables fetch "$BASE/t/good.xml" --sha256 abc123 --tables "$T"
refused "a --sha256 with a non-hex digit" 1 "--sha256" \
    "$SWITCHSIM" tables fetch "$BASE/t/good.xml" --sha256 "$(echo "$GOOD" | sed 's/^./g/')" --tables "$T"
refused "plain http to a non-loopback host" 1 "loopback" \
    "$SWITCHSIM" tables fetch "http://example.org/wml.xml" --sha256 "$GOOD" --tables "$T"
refused "a file:// URL" 1 "unsupported protocol 'file'" \
    "$SWITCHSIM" tables fetch "file:///etc/passwd" --sha256 "$GOOD" --tables "$T"
refused "an ftp:// URL" 1 "unsupported protocol 'ftp'" \
    "$SWITCHSIM" tables fetch "ftp://127.0.0.1/x.xml" --sha256 "$GOOD" --tables "$T"
refused "not a URL" 1 "URL" \
    "$SWITCHSIM" tables fetch "no url at all" --sha256 "$GOOD" --tables "$T"
refused "a bad --timeout" 1 "--timeout" \
    "$SWITCHSIM" tables fetch "$BASE/t/good.xml" --sha256 "$GOOD" --timeout 0 --tables "$T"

# --- refusals after the download ---
refused "wrong checksum" 3 "checksum mismatch" \
    "$SWITCHSIM" tables fetch "$BASE/t/good.xml" --sha256 "$(sha "$WWW/broken.xml")" --tables "$T"
refused "broken table (malformed XML)" 3 "malformed XML" \
    "$SWITCHSIM" tables fetch "$BASE/t/broken.xml" --sha256 "$(sha "$WWW/broken.xml")" --tables "$T"
refused "table that fails the schema" 3 "does not match the schema" \
    "$SWITCHSIM" tables fetch "$BASE/t/schema-bad.xml" --sha256 "$(sha "$WWW/schema-bad.xml")" --tables "$T"
refused "table overlapping the installed wml.xml" 3 "overlaps" \
    "$SWITCHSIM" tables fetch "$BASE/t/overlap.xml" --sha256 "$(sha "$WWW/overlap.xml")" --tables "$T"
refused "id that is not a file name" 3 "does not match the schema" \
    "$SWITCHSIM" tables fetch "$BASE/t/evil-id.xml" --sha256 "$(sha "$WWW/evil-id.xml")" --tables "$T"
refused "empty body" 3 "empty" \
    "$SWITCHSIM" tables fetch "$BASE/t/empty.xml" --sha256 "$(sha "$WWW/empty.xml")" --tables "$T"
refused "HTTP 404" 3 "HTTP 404" \
    "$SWITCHSIM" tables fetch "$BASE/t/missing.xml" --sha256 "$GOOD" --tables "$T"
refused "HTTP 500" 3 "HTTP 500" \
    "$SWITCHSIM" tables fetch "$BASE/status/500" --sha256 "$GOOD" --tables "$T"
refused "redirect loop" 3 "more than 3 redirects" \
    "$SWITCHSIM" tables fetch "$BASE/loop" --sha256 "$GOOD" --tables "$T"
# Three redirects are followed: the download completes (and the checksum decides).
refused "three redirects are followed" 3 "checksum mismatch" \
    "$SWITCHSIM" tables fetch "$BASE/redirect/3/good.xml" --sha256 "$(sha "$WWW/broken.xml")" --tables "$T"
refused "four redirects" 3 "more than 3 redirects" \
    "$SWITCHSIM" tables fetch "$BASE/redirect/4/good.xml" --sha256 "$GOOD" --tables "$T"
refused "redirect to plain http elsewhere" 3 "refused redirect" \
    "$SWITCHSIM" tables fetch "$BASE/to-remote" --sha256 "$GOOD" --tables "$T"
refused "redirect to file://" 3 "refused redirect" \
    "$SWITCHSIM" tables fetch "$BASE/to-file" --sha256 "$GOOD" --tables "$T"
refused "body over 1 MiB (Content-Length)" 3 "larger than 1048576 bytes" \
    "$SWITCHSIM" tables fetch "$BASE/big" --sha256 "$GOOD" --tables "$T"
refused "body over 1 MiB (chunked)" 3 "larger than 1048576 bytes" \
    "$SWITCHSIM" tables fetch "$BASE/bigchunked" --sha256 "$GOOD" --tables "$T"

start=$(date +%s)
refused "server that never answers" 3 "timed out" \
    "$SWITCHSIM" tables fetch "$BASE/hang" --sha256 "$GOOD" --timeout 2 --tables "$T"
took=$(($(date +%s) - start))
[ "$took" -le 10 ] && ok "hanging server given up after ${took}s (--timeout 2)" ||
    not_ok "hanging server took ${took}s"
start=$(date +%s)
refused "body that trickles in" 3 "timed out" \
    "$SWITCHSIM" tables fetch "$BASE/slow/good.xml" --sha256 "$GOOD" --timeout 3 --tables "$T"
took=$(($(date +%s) - start))
[ "$took" -le 12 ] && ok "trickling body given up after ${took}s (--timeout 3)" ||
    not_ok "trickling body took ${took}s"

# Another fetch holds the lock (flock on .tables.lock next to the directory,
# which is replaced as a whole) until it is killed.
python3 -c 'import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(120)' "$TMPD/.tables.lock" "$TMPD/locked" &
locker=$!
i=0
while [ ! -e "$TMPD/locked" ] && [ "$i" -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
refused "a second fetch while one is installing" 3 "another fetch" \
    "$SWITCHSIM" tables fetch "$BASE/t/good.xml" --sha256 "$GOOD" --tables "$T"
kill "$locker"
wait "$locker" 2>/dev/null
[ ! -e "$T/.sources" ] && ok "no source recorded by a refusal" || not_ok "a refusal wrote .sources"

# --- the good ones ---
run "$SWITCHSIM" tables check --tables "$T"
before_sha=$(sed -n 's/.*sha256 //p' "$OUT")
run "$SWITCHSIM" tables fetch "$BASE/redirect/2/good.xml" --sha256 "$GOOD" --tables "$T" --json
expect_rc "good table through two redirects" 0
expect_json "installed as tables/fetchtest.xml" .installed tables/fetchtest.xml
expect_json "new, not a replacement" .replaced false
expect_json "sha256 reported" .sha256 "$GOOD"
cmp -s "$WWW/good.xml" "$T/fetchtest.xml" && ok "installed byte-for-byte" || not_ok "installed file differs"
ls -a "$T" | grep -q '\.tmp-' && not_ok "temporary file left behind" || ok "no temporary file left behind"
ls -a "$TMPD" | grep -q '^\.tables\.fetch-' && not_ok "a new or old set left behind" ||
    ok "no new or old set left behind next to the directory"
[ -d "$T" ] && [ ! -L "$T" ] && ok "a plain directory stays a plain directory" ||
    not_ok "a plain directory stays a plain directory"
after_sha=$(jq -r .tables_sha256 "$OUT")
[ "$before_sha" != "$after_sha" ] && ok "the set's sha256 changed" || not_ok "set sha256 unchanged"

run "$SWITCHSIM" tables check --tables "$T"
expect_rc "the set with the fetched table passes check" 0
expect_out "check names the new set sha256" "$after_sha"
run "$SWITCHSIM" tables show fetchtest.amount --date 2026-03-01 --tables "$T" --json
expect_json "the fetched value is used" .value 12345

run "$SWITCHSIM" tables list --tables "$T" --json
expect_rc "tables list after fetch" 0
expect_json "list: fetched origin" '.documents[] | select(.file == "tables/fetchtest.xml") | .origin' fetched
expect_json "list: source url" '.documents[] | select(.file == "tables/fetchtest.xml") | .source.url' \
    "$BASE/redirect/2/good.xml"
expect_json "list: source sha256" '.documents[] | select(.file == "tables/fetchtest.xml") | .source.sha256' "$GOOD"
expect_json "list: fetched time" \
    '.documents[] | select(.file == "tables/fetchtest.xml") | .source.fetched | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$")' true
expect_json "list: not modified since" \
    '.documents[] | select(.file == "tables/fetchtest.xml") | .source.modified_since' false
expect_json "list: shipped tables are local" '.documents[] | select(.file == "tables/wml.xml") | .origin' local
run "$SWITCHSIM" tables list --tables "$T"
expect_out "list text shows the url" "from $BASE/redirect/2/good.xml"
expect_out "list text shows the sha256" "sha256 $GOOD"

# The same id installed under another file name: a second copy is refused.
mv "$T/fetchtest.xml" "$T/other.xml"
refused "the same id under another file name" 3 "installed as 'tables/other.xml'" \
    "$SWITCHSIM" tables fetch "$BASE/t/sameid.xml" --sha256 "$(sha "$WWW/sameid.xml")" --tables "$T"
mv "$T/other.xml" "$T/fetchtest.xml"

run "$SWITCHSIM" tables fetch "$BASE/t/dupid.xml" --sha256 "$(sha "$WWW/dupid.xml")" --tables "$T" --json
expect_rc "a new version of a fetched table" 0
expect_json "it replaces the file" .replaced true
run "$SWITCHSIM" tables list --tables "$T" --json
expect_json "one source line per file" \
    '[.documents[] | select(.file == "tables/fetchtest.xml")] | length' 1
expect_json "the source is the new one" \
    '.documents[] | select(.file == "tables/fetchtest.xml") | .source.url' "$BASE/t/dupid.xml"

run "$SWITCHSIM" tables fetch "$BASE/t/wml.xml" --sha256 "$(sha "$WWW/wml.xml")" --tables "$T"
expect_rc "an update of the shipped wml.xml" 0
expect_out "reported as an update" "updated tables/wml.xml"
cmp -s "$WWW/wml.xml" "$T/wml.xml" && ok "wml.xml replaced" || not_ok "wml.xml not replaced"

rm -rf "$T/gemeenten.bak"
run "$SWITCHSIM" tables fetch "$BASE/t/gemeente.xml" --sha256 "$(sha "$WWW/gemeente.xml")" --tables "$T" --json
expect_rc "a municipal table" 0
expect_json "installed in gemeenten/" .installed tables/gemeenten/fetchdorp.xml
run "$SWITCHSIM" tables list --tables "$T" --json
expect_json "list: municipal source" \
    '.documents[] | select(.municipality == "fetchdorp") | .source.url' "$BASE/t/gemeente.xml"

echo "<!-- changed by hand -->" >>"$T/fetchtest.xml"
run "$SWITCHSIM" tables list --tables "$T" --json
expect_json "list: a fetched file edited since is flagged" \
    '.documents[] | select(.file == "tables/fetchtest.xml") | .source.modified_since' true

run "$SWITCHSIM" tables check --tables "$T"
expect_rc ".sources is not loaded as a table" 0

# --- one step: a fetch killed anywhere leaves the set whole, the next run tidies up ---
# The table and its .sources record are installed together: the new set is built
# next to the directory (.tables.fetch-XXXXXX) and exchanged with it in one
# rename. SWITCHSIM_TEST_FETCH_KILL=built|exchanged makes the fetch kill itself
# with SIGKILL at that point (a kill -9 between the steps).
sed 's/fetchtest/killtest/g; s/Fetch test/Kill test/' "$WWW/good.xml" >"$WWW/kill.xml"
KILL=$(sha "$WWW/kill.xml")
leftovers() { ls -a "$TMPD" | grep -c '^\.tables\.fetch-'; }
state >"$TMPD/before"
run env SWITCHSIM_TEST_FETCH_KILL=built "$SWITCHSIM" tables fetch "$BASE/t/kill.xml" --sha256 "$KILL" --tables "$T"
state >"$TMPD/after"
[ "$RC" -eq 137 ] && ok "killed (-9) with the new set built, before the exchange" ||
    not_ok "the fetch was not killed before the exchange (exit $RC)"
cmp -s "$TMPD/before" "$TMPD/after" && ok "... the installed set is unchanged" ||
    not_ok "a fetch killed before the exchange changed the installed set"
[ "$(leftovers)" -eq 1 ] && ok "... and its unfinished set lies next to it" ||
    not_ok "expected the unfinished set next to the directory: $(leftovers)"
run "$SWITCHSIM" tables check --tables "$T"
expect_rc "... the installed set passes check" 0
refused "the next run (even a refused one) removes what the killed one left" 3 "checksum mismatch" \
    "$SWITCHSIM" tables fetch "$BASE/t/kill.xml" --sha256 "$GOOD" --tables "$T"
[ "$(leftovers)" -eq 0 ] && ok "... nothing left next to the directory" ||
    not_ok "the next run left $(leftovers) directories"

run env SWITCHSIM_TEST_FETCH_KILL=exchanged "$SWITCHSIM" tables fetch "$BASE/t/kill.xml" --sha256 "$KILL" --tables "$T"
[ "$RC" -eq 137 ] && ok "killed (-9) right after the exchange" ||
    not_ok "the fetch was not killed after the exchange (exit $RC)"
cmp -s "$WWW/kill.xml" "$T/killtest.xml" && ok "... the new table is installed" ||
    not_ok "the new table is not installed"
grep -q "^killtest.xml	$BASE/t/kill.xml	$KILL	" "$T/.sources" &&
    ok "... together with its .sources record" ||
    not_ok "the table is installed without its .sources record"
run "$SWITCHSIM" tables list --tables "$T" --json
expect_json "... tables list shows where it came from" \
    '.documents[] | select(.file == "tables/killtest.xml") | .source.url' "$BASE/t/kill.xml"
[ "$(leftovers)" -eq 1 ] && ok "... the old set lies next to it" ||
    not_ok "expected the old set next to the directory: $(leftovers)"
run "$SWITCHSIM" tables check --tables "$T"
expect_rc "... the installed set passes check" 0

# Temporary files an earlier switchsim left in the directory when it was killed
# between its two renames (.NAME.tmp-XXXXXX): the next run removes them.
printf 'half a table' >"$T/.killtest.xml.tmp-Ab12Cd"
printf 'half a record' >"$T/.sources.tmp-Zz99Yy"
printf 'half a table' >"$T/gemeenten/.fetchdorp.xml.tmp-Qq11Ww"
printf 'kept' >"$T/.keep.tmp-notmine"
run "$SWITCHSIM" tables fetch "$BASE/t/kill.xml" --sha256 "$GOOD" --tables "$T"
expect_rc "a run after leftovers of an old switchsim (refused: checksum)" 3
if [ ! -e "$T/.killtest.xml.tmp-Ab12Cd" ] && [ ! -e "$T/.sources.tmp-Zz99Yy" ] &&
    [ ! -e "$T/gemeenten/.fetchdorp.xml.tmp-Qq11Ww" ]; then
    ok "... its temporary files are removed"
else
    not_ok "temporary files of a killed fetch are left behind: $(ls -a "$T" "$T/gemeenten" | grep tmp- | tr '\n' ' ')"
fi
[ -e "$T/.keep.tmp-notmine" ] && ok "... and only those" || not_ok "a file that is not a leftover was removed"
rm -f "$T/.keep.tmp-notmine"
[ "$(leftovers)" -eq 0 ] && ok "... and the old set is gone" || not_ok "the old set is left: $(leftovers)"

# A directory reached through a symbolic link: the link stays, its target gets
# the new set.
ln -s tables "$TMPD/linked"
run "$SWITCHSIM" tables fetch "$BASE/t/sameid.xml" --sha256 "$(sha "$WWW/sameid.xml")" --tables "$TMPD/linked" --json
expect_rc "a fetch through a symbolic link to the directory" 0
[ -L "$TMPD/linked" ] && [ "$(readlink "$TMPD/linked")" = tables ] && ok "... the link is kept" ||
    not_ok "the link was replaced"
cmp -s "$WWW/sameid.xml" "$T/fetchtest.xml" && ok "... the directory it points to has the new table" ||
    not_ok "the new table did not reach the directory the link points to"
run "$SWITCHSIM" tables check --tables "$T"
expect_rc "... and passes check" 0

# The same without the hook, whatever the steps are: a kill -9 at the 1st, 2nd or
# 3rd rename of a fetch (strace injects SIGKILL there) leaves the table with its
# .sources record, or neither - never one without the other.
if command -v strace >/dev/null 2>&1; then
    sed 's/fetchtest/stracetest/g; s/Fetch test/Strace test/' "$WWW/good.xml" >"$WWW/strace.xml"
    STRACE=$(sha "$WWW/strace.xml")
    for when in 1 2 3; do
        rm -f "$T/stracetest.xml"
        grep -v '^stracetest.xml	' "$T/.sources" >"$TMPD/sources" && cat "$TMPD/sources" >"$T/.sources"
        # LeakSanitizer cannot run under ptrace.
        ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e trace=rename,renameat,renameat2 \
            -e inject=rename,renameat,renameat2:signal=SIGKILL:when=$when \
            "$SWITCHSIM" tables fetch "$BASE/t/strace.xml" --sha256 "$STRACE" --tables "$T" \
            >/dev/null 2>&1
        has_table=no
        has_record=no
        [ -e "$T/stracetest.xml" ] && has_table=yes
        grep -q '^stracetest.xml	' "$T/.sources" && has_record=yes
        [ "$has_table" = "$has_record" ] &&
            ok "killed at rename $when: table $has_table, record $has_record" ||
            not_ok "killed at rename $when: table $has_table but record $has_record"
        run "$SWITCHSIM" tables fetch "$BASE/t/strace.xml" --sha256 "$STRACE" --tables "$T"
        if [ "$RC" -eq 0 ] && [ "$(leftovers)" -eq 0 ] && ! ls -a "$T" | grep -q '\.tmp-'; then
            ok "... the next run installs it and leaves nothing behind"
        else
            not_ok "after a kill at rename $when the next run failed or left files behind"
        fi
    done
else
    ok "# SKIP strace is not installed"
fi
