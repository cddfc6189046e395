#!/bin/sh
# `switchsim employer` and `switchsim municipality` (issue 6): the what-ifs on the
# command line, the same computation as /api/employer and /api/municipality.
. tests/lib.sh

S=tests/cases/amersfoort_beschut.json   # beschut werk, 36 h at WML from April 2026, Amersfoort

run "$SWITCHSIM" employer "$S" --loonwaarde 17,30,50 --json
expect_rc "employer what-if" 0
expect_json "plan + one variant per loonwaarde" '.variants | length' 4
# LKS per month (art. 10d Pw): WML 14.71 x 36 x 52 / 12 = 2294.76 + 8 % vakantiebijslag
# 183.58 = 2478.34. Loonwaarde 50 %: 2478.34 - 1239.17 = 1239.17 (below the 70 % cap
# 1734.84); + 23.5 % werkgeverslasten 291.20 = 1530.37 (Regeling LKS Pw art. 1).
expect_json "LKS at loonwaarde 50" '.variants[3].months[0].lks' 153037
# Loonwaarde 17 %: 2478.34 x 83 % = 2057.02 > cap 70 % = 1734.84 (1734.838 -> 1734.84);
# + 23.5 % = 407.6874 -> 407.69: 2142.53. Loonwaarde 30 % is capped the same way.
expect_json "LKS at loonwaarde 17 hits the 70 % cap" '.variants[1].months[0].lks' 214253
expect_json "LKS at loonwaarde 30 is capped too" '.variants[2].months[0].lks' 214253

run "$SWITCHSIM" employer "$S" --loonwaarde 50 --hours 18,36 --json
expect_rc "employer per hours" 0
expect_json "one block per hours" '.hours | length' 2
# Half the hours: 14.71 x 18 x 52 / 12 = 1147.38; + 8 % 91.79 = 1239.17. The loonwaarde
# is an amount: 50 % of 1239.17 = 619.585 -> 619.59 (half up to cents); the LKS is the
# difference 1239.17 - 619.59 = 619.58; + 23.5 % = 145.6013 -> 145.60: 765.18.
expect_json "LKS at 18 hours" '.hours[0].variants[1].months[0].lks' 76518

run "$SWITCHSIM" employer "$S" --loonwaarde 17,50
expect_rc "employer table" 0
expect_out "table header" "loonwaarde"

fail_input "loonwaarde above 100" "loonwaarde" "$SWITCHSIM" employer "$S" --loonwaarde 120
fail_input "hours above 40" "--hours" "$SWITCHSIM" employer "$S" --hours 50

run "$SWITCHSIM" municipality "$S" --json
expect_rc "municipality business case" 0
# April 2026, before: bijstand 1401.50 x 95 % = 1331.43 + dagbesteding 51.20 per dagdeel
# (Amersfoort, seed 000 line 707) x 6 dagdelen x 52 / 12 = 1331.20: 2662.63.
expect_json "cost before in April" '.months[3].cost_before' 266263
# After: no bijstand for April, the LKS 1530.37 (forfait 50 %, see above).
expect_json "cost after in April" '.months[3].cost_after' 153037
expect_json "break-even month" '.break_even' 2026-04

run "$SWITCHSIM" municipality "$S"
expect_rc "municipality table" 0
expect_out "names the break-even" "Terugverdiend vanaf: 2026-04"

# A municipality without a dagdeel price: a clear error naming the parameter.
sed 's/"amersfoort"/"amsterdam"/' "$S" >"$TMPD/ams.json"
fail_input "no dagdeel price in Amsterdam" "gemeente.dagbesteding.price_per_dagdeel" \
    "$SWITCHSIM" municipality "$TMPD/ams.json"

# --- one core use case, one JSON writer (issue 21) ---
# The CLI calls the core what-ifs itself (whatif.h), no longer the CGI: `--json`
# and POST /api/employer|/api/municipality are written by the same code and agree
# to the byte once formatting is set aside.
CGI=${SWITCHSIM_CGI:-bin/switchsim.cgi}
TABLES=${SWITCHSIM_TABLES:-tables}
# cgi_body PATH QUERY: the CGI's JSON body for the scenario $S
cgi_body() {
    env -i PATH="$PATH" ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
        SWITCHSIM_TABLES="$TABLES" GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=POST \
        PATH_INFO="$1" QUERY_STRING="$2" CONTENT_LENGTH="$(wc -c <"$S" | tr -d ' ')" \
        "$CGI" <"$S" | sed '1,/^\r\{0,1\}$/d'
}
same_json() {
    if jq -e -S '.version == 1' "$1" >/dev/null 2>&1 &&
        jq -S . "$1" >"$TMPD/a.json" 2>/dev/null && jq -S . "$2" >"$TMPD/b.json" 2>/dev/null &&
        cmp -s "$TMPD/a.json" "$TMPD/b.json"; then
        ok "$3"
    else
        not_ok "$3: the CLI's and the API's JSON differ"
    fi
}
run "$SWITCHSIM" employer "$S" --loonwaarde 17,30,50 --lkv arbeidsgehandicapt --json
cp "$OUT" "$TMPD/cli_employer.json"
cgi_body /employer "loonwaarde=17,30,50&lkv=arbeidsgehandicapt" >"$TMPD/cgi_employer.json"
same_json "$TMPD/cli_employer.json" "$TMPD/cgi_employer.json" "employer: CLI --json = API"
run "$SWITCHSIM" municipality "$S" --after jaartraject --dagdelen-after 2 --json
cp "$OUT" "$TMPD/cli_muni.json"
cgi_body /municipality "after=jaartraject&dagdelen_after=2" >"$TMPD/cgi_muni.json"
same_json "$TMPD/cli_muni.json" "$TMPD/cgi_muni.json" "municipality: CLI --json = API"

# The table per hours (it used to leak its JSON under the sanitizers).
run "$SWITCHSIM" employer "$S" --loonwaarde 50 --hours 18,36
expect_rc "employer table per hours" 0
expect_out "a block per hours" "18 uur per week"
# Without LKS the municipality pays only the products: April saves the whole cost
# before, 2662.63 (see above).
run "$SWITCHSIM" municipality "$S" --no-lks --json
expect_json "no LKS: April costs nothing after" '.months[3].cost_after' 0
expect_json "no LKS: named" '.lks' false
fail_input "a bad product name" "after" "$SWITCHSIM" municipality "$S" --after ../etc
fail_input "too many dagdelen kept" "dagdelen_after" "$SWITCHSIM" municipality "$S" \
    --dagdelen-after 11
fail_input "an unknown LKV" "lkv" "$SWITCHSIM" employer "$S" --lkv whatever
