#!/bin/sh
# household.debts (issue 16 point 5): the beslagvrije voet and the Wsnp's vrij te
# laten bedrag in every output. The figures are worked out by hand in
# tests/cases/debts_beslag.expect and debts_wsnp.expect (April 2026: net wage
# 2.179,84, voet 95 % x 1.401,50 = 1.331,43, taken 848,41 once the recovery is paid, as in
# June); here the table, CSV,
# HTML, explain and the API say them, and bad input names its field.
. tests/lib.sh

case=tests/cases/debts_beslag.json
run "$SWITCHSIM" simulate "$case" --format table
expect_rc "table with a beslag" 0
expect_out "headline says the gain is after the beslag" "evenveel over als zonder deze baan (na het beslag)"
expect_out "headline_more: what is kept and what goes to the beslaglegger" "houdt u met de baan € 1.348,49 te besteden; € 859,87 gaat naar de beslaglegger. Zonder schulden hield u € 859,87 meer over."
expect_out "a column for the debts" "schulden"
expect_out "June: 848,41 taken" "-848,41"

run "$SWITCHSIM" simulate "$case" --format csv
expect_out "CSV: Dutch header for the voet" "beslagvrije voet of vrij te laten bedrag"
expect_out "CSV: Dutch header for what is taken" "ingehouden voor schulden"
expect_out "CSV: June's 848,41" "1331,43;848,41"

run "$SWITCHSIM" simulate "$case" --format html
expect_out "print: a column for the debts" "<th>Ingehouden voor schulden</th>"
expect_out "print: June's 848,41" "<td>848,41</td>"
expect_out "print: the recovery within the voet" "alleen van wat boven de beslagvrije voet ligt"

run "$SWITCHSIM" explain "$case" --month 2026-06 --item debt_taken
expect_rc "explain debt_taken" 0
expect_out "explain: in plain Dutch" "Ingehouden voor schulden in juni 2026: € 848,41"
expect_out "explain: the article" "475da"
run "$SWITCHSIM" explain tests/cases/debts_wsnp.json --month 2026-04 --item debt_free_amount
expect_out "explain: the Wsnp's vrij te laten bedrag" "Wsnp"

# No debts: the same scenario as steady_month keeps its gain and has no column.
run "$SWITCHSIM" simulate tests/cases/steady_month.json --format table
if grep -q "schulden" "$OUT"; then not_ok "no debts: no debts column"; else ok "no debts: no debts column"; fi

# The Wajong is seized like any benefit (UWV pays it; Rv art. 475c): a Wajong
# 2010 resident with bijstand on top (tests/cases/wajong_part_month.json) under
# beslag keeps the voet, 95 % x the norm 1.401,50 = 1.331,425 -> 1.331,43 (no
# toeslagen to compensate); what the Wajong and the bijstand pay above it is taken.
jq '.household.debts = {"regime": "beslag", "from": "2026-01-01"}' tests/cases/wajong_part_month.json >"$TMPD/wajong_debts.json"
run "$SWITCHSIM" simulate "$TMPD/wajong_debts.json" --json
expect_rc "Wajong with a beslag" 0
expect_json "Wajong: the voet is 1.331,43" '.baseline.months[0].debt_free_amount' 133143
expect_json "Wajong: the Wajong and the bijstand above the voet are taken" '.baseline.months[0] | .wajong_net > 0 and .debt_taken == .wajong_net + .bijstand_paid - 133143' true
expect_json "Wajong: the resident keeps the voet" '.baseline.months[0].received' 133143

# Bad input names the field; nothing on stdout.
bad() {
    jq "$2" "$case" >"$TMPD/bad.json"
    fail_input "$1" "$3" "$SWITCHSIM" simulate "$TMPD/bad.json" --json
}
bad "unknown regime" '.household.debts.regime = "bewind"' "household.debts.regime"
bad "no regime" '.household.debts = {"from": "2026-01-01"}' "household.debts.regime"
bad "until before from" '.household.debts = {"regime": "beslag", "from": "2026-05-01", "until": "2026-04-30"}' "household.debts.until"
bad "amount with wsnp" '.household.debts = {"regime": "wsnp", "amount": 100000}' "household.debts.amount"
bad "negative amount" '.household.debts.amount = -1' "household.debts.amount"
bad "bad from" '.household.debts.from = "2026-13-01"' "household.debts.from"
bad "unknown key" '.household.debts.beslaglegger = "x"' "household.debts.beslaglegger"
bad "not an object" '.household.debts = "beslag"' "household.debts"
# A month before 2021 (no value in tables/schulden.xml) is tests/unit/check_schulden.c:
# the other tables hold no 2020 values either.
