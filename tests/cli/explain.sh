#!/bin/sh
# `switchsim explain`: the derivation of one figure in Dutch and as JSON; errors.
. tests/lib.sh

S=tests/cases/seed_resident.json

# The seeds' resident (tests/cases/seed_resident.expect): single, 31, on bijstand in
# February 2026. Norm alleenstaande 21-AOW per 2026-01-01: 1.401,50 (Participatiewet
# art. 21 onder a; Normenbrief 1 januari 2026). Paid monthly without the 5 %
# vakantietoeslag (art. 19 lid 3): 1401.50 x 0.95 = 1331.425 -> 1331.43 (half up).
run "$SWITCHSIM" explain "$S" --month 2026-02 --item bijstand_paid
expect_rc "explain bijstand_paid" 0
expect_out "names the figure and the amount" "Bijstand betaald in februari 2026: € 1.331,43"
expect_out "names the norm" "participatiewet.norm.single: € 1.401,50"
expect_out "names article 21" "Participatiewet art. 21 onder a"
expect_out "names the vakantietoeslag rule" "art. 19 lid 3"
expect_out "names the reserve percentage" "participatiewet.holiday_allowance_percent: 5 %"
expect_out "names when the norm applies" "geldt vanaf 1 januari 2026"
expect_out "names the source link" "https://wetten.overheid.nl/BWBR0015703"
expect_out "names the inputs (age)" "leeftijd: 31 jaar"
expect_out "plain Dutch: what the figure is" "De bijstand die de gemeente deze maand op uw rekening zet."
expect_out "names the tables" "Tabellen: versie"

run "$SWITCHSIM" explain "$S" --month 2026-02 --item bijstand_paid --json
expect_rc "explain --json" 0
expect_json "json: month" '.month' 2026-02
expect_json "json: item" '.item' bijstand_paid
expect_json "json: value in cents (1331.43)" '.value' 133143
expect_json "json: run" '.run' scenario
expect_json "json: trace has the rule" '.trace.rule | test("Participatiewet art. 45")' true
expect_json "json: trace has parameters" '.trace.parameters | length > 0' true
expect_json "json: the norm among the parts" \
    '[.parts[] | select(.item == "bijstand_norm")][0].value' 140150
expect_json "json: the norm's parameter" \
    '[.parts[].trace.parameters[] | select(.id == "participatiewet.norm.single")][0].value' 140150
expect_json "json: the norm's article" \
    '[.parts[] | select(.item == "bijstand_norm")][0].trace.rule' "Participatiewet art. 21 onder a"
expect_json "json: the Dutch text" '.text | test("€ 1.331,43")' true
expect_json "json: the value equals simulate's" '.value' \
    "$("$SWITCHSIM" simulate "$S" --json | jq '.scenario.months[1].bijstand_paid')"

# April: the job starts; 36 h x 14.71 x 52 / 12 = 2294.76 gross (seed_resident.expect).
run "$SWITCHSIM" explain "$S" --month 2026-04 --item net_wage
expect_rc "explain net_wage" 0
expect_out "net wage amount" "Nettoloon in april 2026: € 2.179,84"
expect_out "sum: gross wage" "+ brutoloon: € 2.294,76"
expect_out "sum: loonheffing" "- loonheffing: € 114,92"
expect_out "minimum wage parameter" "wml.hourly: € 14,71"

# safe_to_spend in April: received 3511.27 - set aside 1331.43 = 2179.84.
run "$SWITCHSIM" explain "$S" --month 2026-04 --item safe_to_spend
expect_rc "explain safe_to_spend" 0
expect_out "sum: received" "+ ontvangen: € 3.511,27"
expect_out "sum: set aside" "- apart zetten: € 1.331,43"
expect_out "the recovery behind the set-aside" "bijstand: € 1.331,43 te veel ontvangen over april 2026"

run "$SWITCHSIM" explain "$S" --month 2026-02 --item bijstand_paid --baseline --json
expect_rc "explain the baseline" 0
expect_json "baseline run named" '.run' baseline
expect_json "baseline value" '.value' 133143

run "$SWITCHSIM" explain --item list
expect_rc "list the items" 0
expect_out "list has bijstand_paid" "bijstand_paid"

run "$SWITCHSIM" explain --help
expect_rc "help" 0
expect_out "help names --month" "--month"

# Errors: exit 1 naming the option, nothing on stdout.
fail_input "unknown item" "--item" "$SWITCHSIM" explain "$S" --month 2026-02 --item bijstand
fail_input "month after the horizon" "--month" "$SWITCHSIM" explain "$S" --month 2026-07 --item net_wage
fail_input "month before the horizon" "--month" "$SWITCHSIM" explain "$S" --month 2025-12 --item net_wage
fail_input "not a month" "--month" "$SWITCHSIM" explain "$S" --month 2026-13 --item net_wage
printf '{"version":1,"start_month":"2026-01","household":{"composition":"single","birth_date":"1994-05-01"},"job":{"kind":"beschut","start":"2026-04-01","hours_per_week":99}}' >"$TMPD/bad.json"
fail_input "invalid scenario" "job.hours_per_week" "$SWITCHSIM" explain "$TMPD/bad.json" --month 2026-02 --item net_wage
fail_input "missing file" "nope.json" "$SWITCHSIM" explain "$TMPD/nope.json" --month 2026-02 --item net_wage

run "$SWITCHSIM" explain "$S" --item net_wage
expect_rc "--month is required" 2
expect_no_out "--month is required"
expect_err "--month named" "--month"
run "$SWITCHSIM" explain "$S" --month 2026-02
expect_rc "--item is required" 2
expect_no_out "--item is required"

# Input names are literals that outlive the trace (trace.h): the quarter's kinderbijslag
# and the months a bijstand payment settles are named in words, not from a stack buffer.
run "$SWITCHSIM" explain tests/cases/single_parent_children.json --month 2026-01 --item kinderbijslag --json
expect_rc "explain kinderbijslag" 0
expect_json "kinderbijslag input named in words" '.trace.inputs[1].name' \
    "kinderbijslag over het kwartaal dat vorige maand eindigde"
run "$SWITCHSIM" explain tests/cases/settle_op_de_maand.json --month 2026-05 --item bijstand_paid --json
expect_rc "explain bijstand paid op de maand" 0
expect_out "settled month named in words" "bijstand over de vorige maand"

# A toeslag paid after the year (tests/cases/toeslagen_nabetaling.expect: 1550 due for
# 2026, 12 x 129 = 1548 paid): 2.00 in June 2027, with its rule and the toeslag it is
# for, and as a part of what lands in the account.
N=tests/cases/toeslagen_nabetaling.json
run "$SWITCHSIM" explain "$N" --month 2027-06 --item toeslagen_nabetaling --baseline
expect_rc "explain toeslagen_nabetaling" 0
expect_out "nabetaling: figure and amount" "Nabetaling toeslagen in juni 2027: € 2,00"
expect_out "nabetaling: the definitive berekening's article" "Awir art. 19"
expect_out "nabetaling: the toeslag it is for" "zorgtoeslag: € 2,00"
run "$SWITCHSIM" explain "$N" --month 2027-06 --item received --baseline --json
expect_rc "explain received with a nabetaling" 0
expect_json "nabetaling is a part of received" \
    '[.parts[] | select(.item == "toeslagen_nabetaling")][0].value' 200

# Every term of `received` is listed, also for a parent with the gemeente's regelingen
# (11 inputs; a trace held 10 and dropped "terugbetaald" without a word): 1331.43
# bijstand + 353.95 kinderbijslag + 499.00 kindgebonden budget + 676.40 regelingen
# (IIT 643.00 + kwijtschelding 33.40) = 2860.78.
run "$SWITCHSIM" explain tests/cases/amersfoort_kwijtschelding.json --month 2026-01 --item received --json
expect_rc "explain received, eleven terms" 0
expect_json "received: all eleven inputs" '.trace.inputs | length' 11
expect_json "received: the last input is what was paid back" '.trace.inputs[10].name' "terugbetaald"
expect_json "received: the trace is complete" '.trace.incomplete // false' false
expect_json "received: the figure" '.value' 286078
