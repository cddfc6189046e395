#!/bin/sh
# `switchsim batch --summary` and `--vary`: the summary's figures against simulate's
# JSON for the same scenario (an independent computation in jq) and against a hand
# calculation for the seeds' resident; the variants against simulate on the
# scenario with the value written in; bad --vary input.
. tests/lib.sh

jq -c . tests/cases/seed_resident.json >"$TMPD/in.jsonl"
jq -c . tests/bench/scenario.json >>"$TMPD/in.jsonl"
jq -c . tests/cases/couple.json >>"$TMPD/in.jsonl"

# --- the seeds' resident by hand (tests/cases/seed_resident.expect) ---
# Safe to spend with the job: January-March bijstand 1331.43 (as staying);
# April net wage 2179.84 (the bijstand paid on the March income set apart);
# May net wage 2399.41 + the bijstand vakantietoeslag 700.70 = 3100.11;
# June 2179.84. Staying: 1331.43 a month, June + the year's reserve 840.84 =
# 2172.27. Gains: 0, 0, 0, 848.41, 1768.68, 7.57 = 2624.66 over 6 months:
# 437.443 -> 437.44; from the job's start (April) 2624.66 / 3 = 874.887 ->
# 874.89; never a loss, so break-even in the job's first month (April); one
# recovery, the April bijstand 1331.43. The ordinary month after the switch
# (tests/cases/steady_month.expect defines it) is July: net wage 2208.36 (WML
# 2026-07) against staying 1348.49 (the norm of July x 95 %): 859.87.
run "$SWITCHSIM" batch "$TMPD/in.jsonl" --summary --threads 2
expect_rc "summary" 0
n=$(wc -l <"$OUT")
[ "$n" -eq 3 ] && ok "one summary line per input line" || not_ok "3 summary lines: got $n"
head -n 1 "$OUT" >"$TMPD/s1"
got=$(jq -r '[.line, .months, .job_start, .average_gain, .total_gain, .gain_after_switch,
              .loss_months, .break_even, .steady_month, .steady_gain, .recoveries,
              .recoveries_total, .voorlopig] | @tsv' "$TMPD/s1")
want=$(printf '1\t6\t2026-04\t43744\t262466\t87489\t0\t2026-04\t2026-07\t85987\t1\t133143\tfalse')
[ "$got" = "$want" ] && ok "seed resident: the hand calculation" ||
    not_ok "seed resident: got '$got', want '$want'"

# --- every summary figure from simulate's JSON, computed apart in jq ---
k=0
while read -r line; do
    k=$((k + 1))
    printf '%s\n' "$line" >"$TMPD/one.json"
    "$SWITCHSIM" simulate "$TMPD/one.json" --json >"$TMPD/sim.json"
    # The job's first month, from the scenario itself (break-even counts from it).
    jsm=$(jq -r '.job.start[0:7]' "$TMPD/one.json")
    want=$(jq -r --argjson k "$k" --arg jsm "$jsm" '
        . as $r | [.scenario.months, .baseline.months] | transpose
        | map(.[0].safe_to_spend - .[1].safe_to_spend) as $g
        | ($g | length) as $n
        | ([range(0; $n)] | map($g[:(. + 1)] | add)) as $cum
        | (($r.scenario.months | map(.month) | index($jsm)) // 0) as $js
        | ([range($js; $n)] | map(select(. as $i | $cum[$i:] | all(. >= 0))) | first) as $even
        | {line: $k, months: $n, average_gain: $r.average_gain, total_gain: $r.total_gain,
           loss_months: ($g | map(select(. < 0)) | length),
           break_even: (if $even == null then null else $r.scenario.months[$even].month end),
           steady_month: $r.steady.month, steady_gain: $r.steady.gain,
           recoveries: ($r.recoveries | length),
           recoveries_total: ($r.recoveries | map(.amount) | add // 0),
           voorlopig: (($r.tables.projected // []) | length > 0),
           projected: ($r.tables.projected // [])} | tojson' "$TMPD/sim.json")
    got=$(sed -n "${k}p" "$OUT" | jq -c '{line, months, average_gain, total_gain, loss_months,
                                           break_even, steady_month, steady_gain,
                                           recoveries, recoveries_total, voorlopig,
                                           projected}')
    [ "$(printf '%s' "$want" | jq -c .)" = "$got" ] && ok "line $k: summary = simulate JSON" ||
        not_ok "line $k: summary '$got', simulate '$want'"
    # gain_after_switch: the months from the job's start month on.
    want=$(jq -r --arg js "$(sed -n "${k}p" "$OUT" | jq -r .job_start)" '
        [.scenario.months, .baseline.months] | transpose
        | map(select(.[0].month >= $js) | .[0].safe_to_spend - .[1].safe_to_spend)
        | (add * 2 / length + 1) / 2 | floor' "$TMPD/sim.json")
    got=$(sed -n "${k}p" "$OUT" | jq -r .gain_after_switch)
    [ "$want" = "$got" ] && ok "line $k: gain after the switch" ||
        not_ok "line $k: gain_after_switch $got, want $want"
done <"$TMPD/in.jsonl"

# --- variants: each equals simulate on the scenario with that value ---
run "$SWITCHSIM" batch "$TMPD/in.jsonl" --summary --vary hours=16,24.5 --vary loonwaarde=30,45
expect_rc "summary with variants" 0
n=$(wc -l <"$OUT")
[ "$n" -eq 12 ] && ok "4 variants x 3 lines" || not_ok "12 lines: got $n"
got=$(jq -r 'select(.line == 2) | "\(.variant.hours_per_week)/\(.variant.loonwaarde)"' "$OUT" |
      tr '\n' ' ')
[ "$got" = "16/30 16/45 24.5/30 24.5/45 " ] && ok "variants in order, hours slowest" ||
    not_ok "variant order: '$got'"
# The seeds' resident has no loonwaarde periods: an error line per variant.
got=$(jq -r 'select(.line == 1) | .error.field' "$OUT" | sort -u)
[ "$got" = "job.loonwaarde" ] && ok "loonwaarde variant without periods names the field" ||
    not_ok "loonwaarde variant without periods: '$got'"
cp "$OUT" "$TMPD/vary"
for v in "16 30" "24.5 45"; do
    set -- $v
    jq -c --argjson h "$1" --argjson p "$2" \
        '.job.hours_per_week = $h | .job.loonwaarde |= map(.percent = $p)' \
        tests/bench/scenario.json >"$TMPD/edited.json"
    want=$("$SWITCHSIM" simulate "$TMPD/edited.json" --json | jq -c '[.average_gain, .total_gain]')
    got=$(jq -c --argjson h "$1" --argjson p "$2" \
          'select(.line == 2 and .variant.hours_per_week == $h and .variant.loonwaarde == $p)
           | [.average_gain, .total_gain]' "$TMPD/vary")
    [ "$want" = "$got" ] && ok "variant hours $1, loonwaarde $2 = simulate" ||
        not_ok "variant hours $1, loonwaarde $2: $got, simulate $want"
done
# The full output of a variant is simulate's, with the line and the variant.
run "$SWITCHSIM" batch "$TMPD/in.jsonl" --vary hours=20
expect_rc "full output with a variant" 0
jq -c '.job.hours_per_week = 20' tests/bench/scenario.json >"$TMPD/edited.json"
"$SWITCHSIM" simulate "$TMPD/edited.json" --json | jq -S . >"$TMPD/want.json"
sed -n 2p "$OUT" | jq -S 'del(.line, .variant)' >"$TMPD/got.json"
cmp -s "$TMPD/want.json" "$TMPD/got.json" && ok "full variant line = simulate" ||
    not_ok "full variant line = simulate"
expect_json "full variant line names line and variant" \
    'select(.line == 2) | "\(.line) \(.variant.hours_per_week)"' "2 20"
# One thread and two give the same lines.
run "$SWITCHSIM" batch "$TMPD/in.jsonl" --summary --vary hours=16,24.5 --vary loonwaarde=30,45 \
    --threads 1
cmp -s "$OUT" "$TMPD/vary" && ok "1 and 2 threads: the same summary" ||
    not_ok "1 and 2 threads: the same summary"

# --- bad --vary: exit 2 naming the option and what is wrong, nothing on stdout ---
for bad in "hour=8" "hours=0.5" "hours=41" "hours=8,x" "hours=8.125" "loonwaarde=101" \
           "hours=" "hours=8,,16" "=8"; do
    run "$SWITCHSIM" batch "$TMPD/in.jsonl" --summary --vary "$bad"
    if [ "$RC" -eq 2 ] && [ ! -s "$OUT" ] && grep -qF -- "--vary" "$ERR"; then
        ok "--vary $bad refused (exit 2, names '--vary')"
    else
        not_ok "--vary $bad refused"
    fi
done
run "$SWITCHSIM" batch "$TMPD/in.jsonl" --vary hours=8 --vary hours=16
[ "$RC" -eq 2 ] && grep -qF "given twice" "$ERR" && ok "a field varied twice is refused" ||
    not_ok "a field varied twice is refused"
run "$SWITCHSIM" batch --help
expect_out "--help documents --summary" "--summary"
expect_out "--help documents --vary" "--vary hours="
