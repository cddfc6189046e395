#!/bin/sh
# tests/e2e/fastcgi.sh - the FastCGI front under lighttpd (web/serve's
# configuration): the tables are loaded once per process and loaded again when
# they change; a changed set that does not load is not used - the old one keeps
# answering - and the error log says why without anything of a request.
# No timing: the process looks for a change (inotify events, then the tables'
# stamp) before every request, so the first request after a change sees it; the
# poll below is bounded by a number of requests, not by time. A change in
# gemeenten/ and a directory swapped in by renames are seen too.
. tests/lib.sh
. tests/e2e/serverlib

ORIG=${SWITCHSIM_TABLES:-tables}
T="$TMPD/tables"
cp -r "$ORIG" "$T"
SWITCHSIM_TABLES="$T"
SWITCHSIM_FRONT=fastcgi
export SWITCHSIM_FRONT
start_server || exit 1

# A resident's scenario with a marker birth date that must never be logged.
BIRTH=1979-11-23
jq --arg b "$BIRTH" '.household.birth_date = $b' tests/cases/seed_resident.json >"$TMPD/s.json"

sha_of() { SWITCHSIM_CACHE=off "$SWITCHSIM" tables list --json --tables "$T" | jq -r .sha256; }

# served_sha N: GET /api/tables up to N times until it names $want; sets GOT, TRIES.
served_sha() {
    TRIES=0
    GOT=
    while [ "$TRIES" -lt "$1" ]; do
        TRIES=$((TRIES + 1))
        http "$BASE/api/tables"
        GOT=$(jq -r .sha256 "$BODY" 2>/dev/null)
        [ "$GOT" = "$want" ] && return 0
    done
    return 1
}

want=$(sha_of)
http "$BASE/api/tables"
expect_status "tables at start" 200
expect_json "the set loaded at start" .sha256 "$want"
sha_a=$want
# Answers before the change: each process keeps its lookup cache between
# requests (sw_baseline_new_cache), which must not outlive the set it was made for.
i=0
fine=0
while [ $i -lt 4 ]; do
    http -d "$TMPD/s.json" -H 'Content-Type: application/json' "$BASE/api/simulate"
    [ "$STATUS" = 200 ] && [ "$(jq -r '.scenario.months[0].bijstand_norm' "$BODY")" = 140150 ] &&
        fine=$((fine + 1))
    i=$((i + 1))
done
[ "$fine" = 4 ] && ok "simulate before the change uses the norm 140150 in every answer" ||
    not_ok "simulate before the change: $fine of 4 answers right"

# --- a valid change: the norm for a single person from 2026 is 1501.50 ---
sed 's/amount="140150"/amount="150150"/' "$T/participatiewet.xml" >"$TMPD/p.xml"
printf '<!-- changed for tests/e2e/fastcgi.sh -->\n' >>"$TMPD/p.xml"
cp "$TMPD/p.xml" "$T/participatiewet.xml"
want=$(sha_of)
[ "$want" != "$sha_a" ] && ok "the changed set has another sha256" ||
    not_ok "the changed set has another sha256"
# Every FastCGI process sees it on its next request; with several processes a
# few requests reach each (bounded: 20).
if served_sha 20; then
    ok "the changed set is served (after $TRIES request(s))"
else
    not_ok "the changed set is not served: sha256 '$GOT', expected '$want'"
fi
i=0
fine=0
while [ $i -lt 4 ]; do
    http -d "$TMPD/s.json" -H 'Content-Type: application/json' "$BASE/api/simulate"
    [ "$STATUS" = 200 ] && [ "$(jq -r .tables.sha256 "$BODY")" = "$want" ] &&
        [ "$(jq -r '.scenario.months[0].bijstand_norm' "$BODY")" = 150150 ] && fine=$((fine + 1))
    i=$((i + 1))
done
[ "$fine" = 4 ] && ok "simulate uses the new norm 150150 (the changed table) in every answer" ||
    not_ok "simulate with the changed table: $fine of 4 answers right"

# --- an invalid change: the old set keeps answering ---
sha_b=$want
printf '<tables xmlns="urn:switchsim:tables:1"' >"$T/participatiewet.xml"
want=$sha_b
served_sha 1 && ok "a broken table: the set loaded before is still served" ||
    not_ok "a broken table: served sha256 '$GOT', expected the old '$sha_b'"
expect_status "a broken table: GET /api/tables still answers" 200
i=0
fine=0
while [ $i -lt 4 ]; do
    http -d "$TMPD/s.json" -H 'Content-Type: application/json' "$BASE/api/simulate"
    [ "$STATUS" = 200 ] && [ "$(jq -r .tables.sha256 "$BODY")" = "$sha_b" ] &&
        [ "$(jq -r '.scenario.months[0].bijstand_norm' "$BODY")" = 150150 ] && fine=$((fine + 1))
    i=$((i + 1))
done
[ "$fine" = 4 ] && ok "a broken table: simulate answers with the old set every time" ||
    not_ok "a broken table: $fine of 4 simulate answers from the old set"

# --- repaired: the new set is served ---
sed 's/amount="140150"/amount="140151"/' "$ORIG/participatiewet.xml" \
    >"$T/participatiewet.xml"
want=$(sha_of)
if served_sha 20; then
    ok "the repaired set is served (after $TRIES request(s))"
else
    not_ok "the repaired set is not served: sha256 '$GOT', expected '$want'"
fi

# --- a municipality's table changed (gemeenten/): served ---
g=$(ls "$T"/gemeenten/*.xml | grep -v default.xml | head -n 1)
printf '<!-- changed for tests/e2e/fastcgi.sh -->\n' >>"$g"
want=$(sha_of)
if served_sha 20; then
    ok "a changed table in gemeenten/ is served (after $TRIES request(s))"
else
    not_ok "a changed table in gemeenten/ is not served: sha256 '$GOT', expected '$want'"
fi

# --- another directory swapped in by renames (as a deployment does): served ---
cp -r "$T" "$TMPD/tables.new"
printf '<!-- the new directory -->\n' >>"$TMPD/tables.new/participatiewet.xml"
mv "$T" "$TMPD/tables.old"
mv "$TMPD/tables.new" "$T"
want=$(sha_of)
if served_sha 20; then
    ok "a directory swapped in by renames is served (after $TRIES request(s))"
else
    not_ok "a directory swapped in by renames is not served: sha256 '$GOT', expected '$want'"
fi

# --- two changes with no request between them (a process notices the first,
# and looks again only at its next request): the set after both is served ---
printf '<!-- the first of two changes -->\n' >>"$T/participatiewet.xml"
printf '<!-- the second of two changes -->\n' >>"$T/wml.xml"
want=$(sha_of)
if served_sha 20; then
    ok "two changes in a row: the set after both is served (after $TRIES request(s))"
else
    not_ok "two changes in a row: sha256 '$GOT', expected '$want'"
fi

# The error log names the broken table and that the old set stayed; nothing of
# the scenarios posted.
i=0
while ! grep -q 'changed tables are not used' "$SERVER_LOG" && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
grep -q 'changed tables are not used.*participatiewet.xml' "$SERVER_LOG" &&
    ok "the error log names the broken table and keeps the old set" ||
    not_ok "the error log lacks the refused reload: $(head -c 600 "$SERVER_LOG")"
grep -q "still answering with tables sha256 $sha_b" "$SERVER_LOG" &&
    ok "the error log names the set still in use" || not_ok "the error log names the set still in use"
stop_server
if grep -qF -e "$BIRTH" "$SERVER_LOG"; then
    not_ok "the log holds the birth date"
else
    ok "the log holds nothing of the scenarios"
fi
