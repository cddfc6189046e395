#!/bin/sh
# The municipality's minimaregelingen and the armoedeval (issue 16 point 6) in
# every output: JSON, table, CSV, the HTML print and explain. The figures are
# worked out by hand in tests/cases/oss_armoedeval.expect (Oss: pass 12,50 and
# gemeentepolis 25,00 a month below 120 % of the norm without vakantietoeslag,
# 1.597,72, kwijtschelding 25,23 a month below 100 %, 1.331,43 (COELO's average
# afvalstoffenheffing 302,74 of 2025); all lost in April 2026 with a net wage of
# 1.733,81) and tests/cases/amsterdam_iit_armoedeval.expect (Amsterdam's
# kwijtschelding, 29,33 a month).
. tests/lib.sh

oss=tests/cases/oss_armoedeval.json

run "$SWITCHSIM" simulate "$oss" --format table
expect_rc "table" 0
expect_out "table: the municipality's schemes" "Regelingen van de gemeente (bij een laag inkomen):"
expect_out "table: the pass's limit and value" "lokale pas of meedoenregeling: inkomen tot 120 % van de bijstandsnorm, nu € 1.597,72; € 150,00 per jaar."
expect_out "table: the armoedeval month and what is lost" "Armoedeval vanaf april 2026: met een inkomen boven € 1.331,43 per maand vervalt de kwijtschelding gemeentelijke belastingen (€ 302,74 per jaar); met een inkomen boven € 1.597,72 per maand vervalt de lokale pas"
expect_out "table: a column for what the municipality gives" "gemeente"

run "$SWITCHSIM" simulate "$oss" --format html
expect_rc "html" 0
expect_out "print: the municipality's schemes" "<h2>Regelingen van de gemeente</h2>"
expect_out "print: a column for what the municipality gives" "<th>Van de gemeente</th>"
expect_out "print: the armoedeval" "Armoedeval vanaf april 2026"

run "$SWITCHSIM" simulate "$oss" --format csv
expect_rc "csv" 0
col=$(head -n 1 "$OUT" | tr -d '\r' | tr ';' '\n' | grep -nx "verlies door armoedeval" | cut -d: -f1)
got=$(grep '^overstap;2026-04;' "$OUT" | cut -d';' -f"${col:-1}")
if [ -n "$col" ] && [ "$got" = "62,73" ]; then
    ok "csv: April's armoedeval 62,73 under a Dutch header"
else
    not_ok "csv: armoedeval column '$col', April '$got', expected 62,73"
fi
for h in "individuele inkomenstoeslag" "kwijtschelding gemeentebelastingen" "lokale pas" "korting gemeentepolis"; do
    if head -n 1 "$OUT" | tr ';' '\n' | grep -qx "$h"; then ok "csv header '$h'"; else not_ok "csv header '$h' missing"; fi
done

run "$SWITCHSIM" explain "$oss" --month 2026-04 --item armoedeval
expect_rc "explain armoedeval" 0
expect_out "explain: the loss in the month" "Armoedeval in april 2026: € 62,73"
expect_out "explain: the income the municipality tests" "getoetst inkomen: € 1.733,81"
run "$SWITCHSIM" explain "$oss" --month 2026-02 --item gemeentepolis
expect_out "explain: the polis names its source" "gemeente.zorgpolis.discount.adult: € 25,00"
expect_out "explain: the limit" "inkomensgrens van de gemeente: € 1.597,72"

# Nijmegen: the Meedoen-regeling's value is known, its income limit is not: listed,
# never tested, never counted. The CAZ (gemeentepolis) has a limit (130 %,
# 1.730,86) but no amount. The IIT (nijmegen.nl, Nieuwsbrief Werk en Inkomen
# oktober 2019): three years below 110 %: 1.331,43 + 133,14 = 1.464,57; 355 a year
# for a single person (worked out in tests/cases/nijmegen_iit_armoedeval.expect).
# The net wage 1.733,81 passes both limits in April.
jq '.municipality = "nijmegen"' "$oss" >"$TMPD/nijmegen.json"
run "$SWITCHSIM" simulate "$TMPD/nijmegen.json" --json
expect_rc "nijmegen" 0
expect_json "nijmegen: the pass without a limit" '.local_schemes[] | select(.scheme == "lokale_pas") | [.scheme, .limit, .year_value] | map(tostring) | join(" ")' "lokale_pas null 15000"
expect_json "nijmegen: nothing counted that cannot be tested" '[.scenario.months[].lokale_pas] | add' "0"
expect_json "nijmegen: the IIT below 110 %, three years, 355" '.local_schemes[] | select(.scheme == "iit") | [.limit, .waiting_months, .year_value] | map(tostring) | join(" ")' "146457 36 35500"
expect_json "nijmegen: the IIT and the CAZ are lost" '.armoedeval | map(.scheme + " " + .month + " " + (.limit | tostring)) | join(",")' "iit 2026-04 146457,gemeentepolis 2026-04 173086"
run "$SWITCHSIM" simulate "$TMPD/nijmegen.json" --format table
expect_out "nijmegen table: the IIT's limit and amount" "individuele inkomenstoeslag: inkomen tot 110 % van de bijstandsnorm, nu € 1.464,57; € 355,00 per jaar"

# Ede: the IIT (at the norm), meedoen and gemeentepolis limits (130 %) without an
# amount for a single adult: the loss is named, without one. The kwijtschelding
# (limit 100 %, basistarief afvalstoffenheffing 224,88 a year) is lost in the same
# month with its amount: the warning counts only that.
jq '.municipality = "ede" | .job.hours_per_week = 36' "$oss" >"$TMPD/ede.json"
run "$SWITCHSIM" simulate "$TMPD/ede.json" --json
expect_rc "ede" 0
expect_json "ede: the armoedeval counts only the known amount" '.warnings[] | select(.code == "armoedeval") | [.month, .amount] | map(tostring) | join(" ")' "2026-04 22488"
expect_json "ede: its text says the polis's value is not known" '.warnings[] | select(.code == "armoedeval") | .text | test("gemeentepolis\\) \\(waarde niet bekend\\)")' "true"
expect_json "ede: the polis's year value is null" '.armoedeval[] | select(.scheme == "gemeentepolis") | .year_value' "null"
expect_json "ede: the kwijtschelding's 224,88 a year, 18,74 a month" '[(.armoedeval[] | select(.scheme == "kwijtschelding") | .year_value), .baseline.months[3].kwijtschelding] | map(tostring) | join(" ")' "22488 1874"

# Amsterdam: the kwijtschelding with its amount (tests/cases/amsterdam_iit_armoedeval.expect:
# 352,00 a year below 100 % of the norm, 1.331,43; 29,33 a month) in every output.
ams=tests/cases/amsterdam_iit_armoedeval.json
run "$SWITCHSIM" simulate "$ams" --format table
expect_rc "amsterdam table" 0
expect_out "amsterdam table: the kwijtschelding's limit and aanslag" "kwijtschelding gemeentelijke belastingen: inkomen tot 100 % van de bijstandsnorm, nu € 1.331,43; € 352,00 per jaar."
expect_out "amsterdam table: its loss in April" "met een inkomen boven € 1.331,43 per maand vervalt de kwijtschelding gemeentelijke belastingen (€ 352,00 per jaar)"
run "$SWITCHSIM" simulate "$ams" --format html
expect_out "amsterdam print: the kwijtschelding" "kwijtschelding gemeentelijke belastingen: inkomen tot 100 % van de bijstandsnorm, nu € 1.331,43; € 352,00 per jaar."
run "$SWITCHSIM" simulate "$ams" --format csv
col=$(head -n 1 "$OUT" | tr -d '\r' | tr ';' '\n' | grep -nx "kwijtschelding gemeentebelastingen" | cut -d: -f1)
jan=$(grep '^overstap;2026-01;' "$OUT" | cut -d';' -f"${col:-1}")
apr=$(grep '^overstap;2026-04;' "$OUT" | cut -d';' -f"${col:-1}")
if [ -n "$col" ] && [ "$jan" = "29,33" ] && [ "$apr" = "0,00" ]; then
    ok "amsterdam csv: 29,33 in January, 0,00 from April"
else
    not_ok "amsterdam csv: kwijtschelding column '$col', January '$jan', April '$apr'"
fi
run "$SWITCHSIM" explain "$ams" --month 2026-02 --item kwijtschelding
expect_rc "amsterdam explain" 0
expect_out "explain: the month's kwijtschelding" "Kwijtschelding gemeentelijke belastingen in februari 2026: € 29,33"
expect_out "explain: the aanslag per year" "bedrag per jaar: € 352,00"
expect_out "explain: a twelfth, rounded half up" "een twaalfde van het bedrag per jaar (half naar boven afgerond op centen)"
expect_out "explain: the aanslag's source" "gemeente.kwijtschelding.amount.single: € 352,00"

# Every kwijtschelding amount or limit in a municipality's table names its source
# and a page (tables show per municipality and parameter): 18 timelines today
# (Oss's amounts and Amersfoort's three since the third search of 2026-12-06).
shown=0
for m in amsterdam arnhem ede almere oss amersfoort; do
    for id in amount.single amount.multi limit_above_norm_percent; do
        run "$SWITCHSIM" tables show "gemeente.kwijtschelding.$id" --municipality "$m" --json
        [ "$RC" = 0 ] || continue
        shown=$((shown + 1))
        expect_json "$m $id: a source and an https page on every value, from the municipality's file" \
            "[.values[] | (.source | length > 20) and (.url | test(\"^https://\")) and (.file | endswith(\"gemeenten/$m.xml\"))] | all" "true"
    done
done
if [ "$shown" = 18 ]; then ok "18 kwijtschelding timelines shown"; else not_ok "kwijtschelding timelines shown: $shown, expected 18"; fi

# Without a municipality: the national defaults hold no scheme.
jq 'del(.municipality)' "$oss" >"$TMPD/none.json"
run "$SWITCHSIM" simulate "$TMPD/none.json" --json
expect_json "no municipality: no schemes" '[(.local_schemes | length), (.armoedeval | length), ([.scenario.months[] | .iit + .kwijtschelding + .lokale_pas + .gemeentepolis + .armoedeval] | add)] | map(tostring) | join(" ")' "0 0 0"

# The IIT is yearly money: the ordinary month of the headline is never its month.
run "$SWITCHSIM" simulate tests/cases/amersfoort_iit_armoedeval.json --json
expect_json "the ordinary month is not an IIT month" '.steady.month as $m | [.scenario.months[], .baseline.months[] | select(.month == $m) | .iit] | add' "0"

# A municipality that has no table is still refused, naming the field.
jq '.municipality = "utrecht"' "$oss" >"$TMPD/utrecht.json"
fail_input "unknown municipality" "municipality" "$SWITCHSIM" simulate "$TMPD/utrecht.json" --json
