#!/bin/sh
# `switchsim sweep`: every step equals the simulate run with that value; the marginal
# rate; the formats; errors.
. tests/lib.sh

S=tests/cases/toeslagen_year_end.json   # regulier, 36 h at 20.00/h, zorgtoeslag, 2026

run "$SWITCHSIM" sweep "$S" --hours 8:24:8 --json
expect_rc "hours sweep" 0
cp "$OUT" "$TMPD/sweep.json"
expect_json "three steps" '.steps | length' 3
expect_json "step values" '[.steps[].value] | map(tostring) | join(",")' "8,16,24"
expect_json "field named" '.sweep.field' job.hours_per_week
expect_json "tables named" '.tables.sha256 | length' 64
expect_json "first step has no marginal rate" '.steps[0].marginal_rate' null

# Each step equals `simulate` with job.hours_per_week set to that value.
k=0
for h in 8 16 24; do
    jq ".job.hours_per_week = $h" "$S" >"$TMPD/h.json"
    "$SWITCHSIM" simulate "$TMPD/h.json" --json >"$TMPD/sim.json"
    want=$(jq -c '[.average_gain, .total_gain,
                   ((.scenario.totals.gross_wage + .scenario.totals.holiday_pay) as $g | $g)]' \
        "$TMPD/sim.json")
    got=$(jq -c ".steps[$k] | [.average_gain, .total_gain, .gross_pay * 12]" "$TMPD/sweep.json")
    # gross_pay is the average per month (12 months here), rounded to cents: compare
    # gain figures exactly and the gross within 6 cents of rounding.
    wa=$(echo "$want" | jq '.[0:2]' -c)
    ga=$(echo "$got" | jq '.[0:2]' -c)
    dg=$(jq -n "($want)[2] - ($got)[2] | fabs <= 6")
    if [ -n "$wa" ] && [ "$wa" = "$ga" ] && [ "$dg" = true ]; then
        ok "$h hours equals simulate ($wa)"
    else
        not_ok "$h hours equals simulate: want $want, got $got"
    fi
    k=$((k + 1))
done

# The marginal rate from the runs themselves: 1 - d total_gain / d gross (wage +
# holiday pay), as a percentage.
jq ".job.hours_per_week = 8" "$S" | "$SWITCHSIM" simulate - --json >"$TMPD/a.json"
jq ".job.hours_per_week = 16" "$S" | "$SWITCHSIM" simulate - --json >"$TMPD/b.json"
want=$(jq -n --slurpfile a "$TMPD/a.json" --slurpfile b "$TMPD/b.json" '
    ($a[0].scenario.totals.gross_wage + $a[0].scenario.totals.holiday_pay) as $ga |
    ($b[0].scenario.totals.gross_wage + $b[0].scenario.totals.holiday_pay) as $gb |
    (100 - 100 * ($b[0].total_gain - $a[0].total_gain) / ($gb - $ga)) * 100 | round')
got=$(jq '.steps[1].marginal_rate * 100 | round' "$TMPD/sweep.json")
[ -n "$want" ] && [ "$want" = "$got" ] && ok "marginal rate 8 -> 16 h is $got/100 %" ||
    not_ok "marginal rate 8 -> 16 h: want $want, got $got"

# Loonwaarde: every period's percent set to the step.
jq '.job.kind = "beschut" | .job.hourly_wage = null |
    .job.loonwaarde = [{"from": "2026-01-01", "percent": 50, "forfaitair": true},
                       {"from": "2026-07-01", "percent": 35}]' "$S" >"$TMPD/lw.json"
run "$SWITCHSIM" sweep "$TMPD/lw.json" --loonwaarde 20:80:30 --json
expect_rc "loonwaarde sweep" 0
cp "$OUT" "$TMPD/lwsweep.json"
expect_json "loonwaarde steps" '[.steps[].value] | map(tostring) | join(",")' "20,50,80"
k=0
for p in 20 50 80; do
    jq ".job.loonwaarde[].percent = $p" "$TMPD/lw.json" | "$SWITCHSIM" simulate - --json \
        >"$TMPD/sim.json"
    want=$(jq -c '[.average_gain, .total_gain, .scenario.totals.lks]' "$TMPD/sim.json")
    got=$(jq -c ".steps[$k] | [.average_gain, .total_gain, .lks * 12]" "$TMPD/lwsweep.json")
    wa=$(echo "$want" | jq -c '.[0:2]')
    ga=$(echo "$got" | jq -c '.[0:2]')
    dl=$(jq -n "($want)[2] - ($got)[2] | fabs <= 6")
    if [ -n "$wa" ] && [ "$wa" = "$ga" ] && [ "$dl" = true ]; then
        ok "loonwaarde $p equals simulate"
    else
        not_ok "loonwaarde $p equals simulate: want $want, got $got"
    fi
    k=$((k + 1))
done

run "$SWITCHSIM" sweep "$S" --hours 8:24:8 --format table
expect_rc "table" 0
expect_out "table in Dutch" "Wat levert werken op?"
expect_out "table names the marginal rate" "marginale druk"
expect_out "table row for 16 hours" "16 uur"

run "$SWITCHSIM" sweep "$S" --hours 8:24:8 --format csv
expect_rc "csv" 0
expect_out "csv header" "uren per week;bruto loon per maand;te besteden met baan"
if grep -qE '^16;[0-9]+,[0-9]{2};[0-9]+,[0-9]{2};' "$OUT"; then ok "csv decimal comma"; else not_ok "csv decimal comma"; fi

run "$SWITCHSIM" sweep "$S" --hours 8:24:8 --format svg
expect_rc "svg" 0
expect_out "svg root" "<svg xmlns=\"http://www.w3.org/2000/svg\""
expect_out "svg Dutch axis label" "Uren per week"
if xmllint --noout "$OUT" 2>/dev/null; then ok "svg is well-formed XML"; else not_ok "svg is well-formed XML"; fi

run_in "$S" "$SWITCHSIM" sweep - --hours 8:8:1 --json
expect_rc "scenario from stdin" 0
expect_json "single step" '.steps | length' 1

# Errors: exit 1 naming the option, nothing on stdout; usage errors exit 2.
fail_input "hours above the maximum" "--hours" "$SWITCHSIM" sweep "$S" --hours 8:44:4
fail_input "hours below the minimum" "--hours" "$SWITCHSIM" sweep "$S" --hours 0:8:4
fail_input "not a range" "--hours" "$SWITCHSIM" sweep "$S" --hours 8-40
fail_input "not a number" "--hours" "$SWITCHSIM" sweep "$S" --hours 8:x:4
fail_input "zero step" "--hours" "$SWITCHSIM" sweep "$S" --hours 8:40:0
fail_input "from above to" "--hours" "$SWITCHSIM" sweep "$S" --hours 40:8:4
fail_input "too many decimals" "--hours" "$SWITCHSIM" sweep "$S" --hours 8.125:9:1
fail_input "percent above 100" "--loonwaarde" "$SWITCHSIM" sweep "$TMPD/lw.json" --loonwaarde 10:110:10
fail_input "no loonwaarde periods" "--loonwaarde" "$SWITCHSIM" sweep "$S" --loonwaarde 10:100:10
printf 'not json' >"$TMPD/bad.json"
fail_input "invalid scenario" "not valid JSON" "$SWITCHSIM" sweep "$TMPD/bad.json" --hours 8:40:4
run "$SWITCHSIM" sweep "$S"
expect_rc "no sweep option" 2
expect_no_out "no sweep option"
run "$SWITCHSIM" sweep "$S" --hours 8:40:4 --loonwaarde 10:100:10
expect_rc "both sweep options" 2
expect_no_out "both sweep options"
run "$SWITCHSIM" sweep "$S" --hours 8:40:4 --format pdf
expect_rc "unknown format" 2
expect_no_out "unknown format"
