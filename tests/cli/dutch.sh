#!/bin/sh
# tests/cli/dutch.sh - the CLI for Dutch users (issue 20, item 11): CSV for Dutch
# Excel (Dutch headers, semicolons, decimal comma) from every command that writes
# CSV; no English role or household names inside the Dutch text; euro amounts
# typed the Dutch way ("2.000,50") while 2000 and 2000.00 keep working, and
# ambiguous forms refused naming the option.
. tests/lib.sh

S=tests/cases/seed_resident.json
export SWITCHSIM_TODAY=2026-03-01

# --- CSV: which commands write it, and a run of each ---
# Every subcommand whose --help offers csv must have a case here, so that a new
# CSV output cannot slip past this test with English headers.
csv_case() {
    case "$1" in
    simulate) "$SWITCHSIM" simulate "$S" --format csv ;;
    sweep) "$SWITCHSIM" sweep "$S" --hours 8:16:4 --format csv ;;
    *) return 99 ;;
    esac
}
# The English names a header must not use: the keys of the same command's JSON,
# except those that are Dutch words in the JSON too.
json_keys() {
    case "$1" in
    simulate) "$SWITCHSIM" simulate "$S" --json | jq -r '.scenario.months[0] | keys[]' ;;
    sweep) "$SWITCHSIM" sweep "$S" --hours 8:16:4 --json |
        jq -r '(.steps[0] | keys[]), .sweep.field' ;;
    esac | grep -vx -e loonheffing -e vrijlating -e kinderbijslag
}

commands=$("$SWITCHSIM" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] && ok "the commands listed by switchsim --help" ||
    not_ok "no commands in switchsim --help"
ncsv=0
for c in $commands; do
    "$SWITCHSIM" "$c" --help 2>/dev/null | grep -qw csv || continue
    ncsv=$((ncsv + 1))
    csv_case "$c" >"$OUT" 2>"$ERR"
    RC=$?
    if [ "$RC" -eq 99 ]; then
        not_ok "$c writes CSV but this test has no case for it"
        continue
    fi
    expect_rc "$c: csv" 0
    head -n 1 "$OUT" | tr -d '\r' | tr ';' '\n' >"$TMPD/header"
    json_keys "$c" >"$TMPD/keys"
    english=$(grep -xF -f "$TMPD/keys" "$TMPD/header" | tr '\n' ' ')
    [ -z "$english" ] && ok "$c: no JSON (English) name in the CSV header" ||
        not_ok "$c: English CSV headers: $english"
    grep -q '_' "$TMPD/header" && not_ok "$c: a header with an underscore: $(grep '_' "$TMPD/header" | head -n 3 | tr '\n' ' ')" ||
        ok "$c: headers are words, not identifiers"
    dup=$(sort "$TMPD/header" | uniq -d | tr '\n' ' ')
    if [ -n "$dup" ] || grep -qE '^$|null' "$TMPD/header"; then
        not_ok "$c: an empty, null or repeated header: '$dup'"
    else
        ok "$c: every header once, none empty"
    fi
    LC_ALL=C grep -q '[^ -~]' "$TMPD/header" && not_ok "$c: a non-ASCII header (Excel reads CSV without a BOM as ANSI)" ||
        ok "$c: headers in plain ASCII"
    # Every row has as many fields as the header; amounts have a decimal comma.
    bad_rows=$(tr -d '\r' <"$OUT" | awk -F';' 'NR == 1 { n = NF } NF != n { bad++ } END { print bad + 0 }')
    [ "$bad_rows" = 0 ] && ok "$c: every row as wide as the header" || not_ok "$c: $bad_rows rows of another width"
    grep -qE ';[0-9]+\.[0-9]{2}(;|\r?$)' "$OUT" && not_ok "$c: an amount with a decimal point" ||
        ok "$c: no decimal points in amounts"
    grep -qE ';[0-9]+,[0-9]{2}(;|\r?$)' "$OUT" && ok "$c: amounts with a decimal comma" ||
        not_ok "$c: no amount with a decimal comma"
done
[ "$ncsv" -ge 2 ] && ok "simulate and sweep offer CSV ($ncsv commands)" ||
    not_ok "only $ncsv commands offer CSV"

# The simulate CSV in detail: the status is Dutch too, and the columns the
# resident reads by name are there.
run "$SWITCHSIM" simulate "$S" --format csv
expect_out "csv: the situation in Dutch" "overstap;2026-04;werk;"
expect_out "csv: what they may spend" ";te besteden;"
expect_out "csv: the baseline rows" "blijven;2026-01;bijstand;"
if grep -qE ';(work|trial|fallback);' "$OUT"; then not_ok "csv: an English status"; else ok "csv: no English status"; fi

# --- the text output: Dutch names for who acts and for the household ---
run "$SWITCHSIM" simulate "$S" --format table
expect_rc "table" 0
expect_out "table: who acts, in Dutch" "  - inwoner, vóór 1 april 2026: "
if grep -qE '\((resident|consultant|employer)\)|\b(resident|consultant|employer)\b' "$OUT"; then
    not_ok "table: an English role in the Dutch text: $(grep -E 'resident|consultant|employer' "$OUT" | head -n 1)"
else
    ok "table: no English role names"
fi
run "$SWITCHSIM" bijstand --household couple --birth-date 1994-05-01 --partner-birth-date 1990-01-01
expect_out "bijstand text: the household in Dutch" "Bijstand op 2026-03-01, gehuwden of samenwonenden"
run "$SWITCHSIM" bijstand --household single_parent --birth-date 1994-05-01
expect_out "bijstand text: a single parent in Dutch" ", alleenstaande ouder,"
run "$SWITCHSIM" bijstand --household single --birth-date 1994-05-01 --json
expect_json "bijstand JSON keeps the contract's name" .household single

# --- euro amounts typed the Dutch way ---
# Hand figures: 2.000,50 is two thousand euros and fifty cents = 200050 cents.
amount() {   # amount TEXT CENTS: net --gross TEXT gives gross CENTS
    run "$SWITCHSIM" net --gross "$1" --date 2026-03-01 --json
    if [ "$RC" -eq 0 ] && [ "$(jq -r .gross "$OUT")" = "$2" ]; then
        ok "--gross $1 is $2 cents"
    else
        not_ok "--gross $1: expected $2 cents"
    fi
}
amount 2000 200000
amount 2000.00 200000
amount 2000,5 200050
amount 2.000,50 200050
amount 1.234,56 123456
amount 1.000.000 100000000
run "$SWITCHSIM" net --gross 2.000,50 --date 2026-03-01 --json
same=$(jq -r .net "$OUT")
run "$SWITCHSIM" net --gross 2000.50 --date 2026-03-01 --json
[ "$(jq -r .net "$OUT")" = "$same" ] && ok "2.000,50 and 2000.50 give the same net wage" ||
    not_ok "2.000,50 and 2000.50 differ"

fail_input "--gross 2.000 is ambiguous" "--gross" "$SWITCHSIM" net --gross 2.000 --date 2026-03-01
expect_err "... and says how to write it" "write 2000 or 2.000,00"
fail_input "--gross 12.345 is ambiguous" "--gross" "$SWITCHSIM" net --gross 12.345 --date 2026-03-01
fail_input "--gross 2,000 is ambiguous" "--gross" "$SWITCHSIM" net --gross 2,000 --date 2026-03-01
fail_input "--gross 2,000.50 (English grouping)" "--gross" "$SWITCHSIM" net --gross 2,000.50 --date 2026-03-01
fail_input "--gross 2.00.000 (bad grouping)" "--gross" "$SWITCHSIM" net --gross 2.00.000 --date 2026-03-01
fail_input "--gross 2.000,505 (3 decimals)" "--gross" "$SWITCHSIM" net --gross 2.000,505 --date 2026-03-01
# The other euro options go through the same parser.
run "$SWITCHSIM" huurtoeslag --rent 650 --income 22.000,00 --date 2026-03-01 --json
expect_rc "huurtoeslag --income 22.000,00" 0
expect_json "huurtoeslag: the income as typed" .income 2200000
fail_input "huurtoeslag --rent 1.000 is ambiguous" "--rent" \
    "$SWITCHSIM" huurtoeslag --rent 1.000 --income 22000 --date 2026-03-01
