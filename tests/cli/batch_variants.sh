#!/bin/sh
# `switchsim batch --vary`: every variant's full output is what `switchsim
# simulate` prints for the scenario with that value written in (the reference is
# simulate on its own, a process per variant), for every reference case and the
# bench scenario with overrides (whose ids the kept baseline must follow). batch
# runs the baseline (staying on bijstand) once per line for all its variants
# (sw_simulate_keep); this shows that doing so changes no byte of any answer, also
# for lines that follow each other with the same household and other job terms.
. tests/lib.sh

: >"$TMPD/in.jsonl"
for f in tests/cases/*.json; do
    jq -c . "$f" >>"$TMPD/in.jsonl"
done
# The bench scenario with overrides used by both runs (huurtoeslag), twice: the
# second line differs from the first only in its hours, so the kept baseline of
# the first line's last variant fits it too.
jq -c '.overrides = {"huurtoeslag.max_rent": 95000, "huurtoeslag.normhuur_mip": 24000}' \
    tests/bench/scenario.json >>"$TMPD/in.jsonl"
jq -c '.overrides = {"huurtoeslag.max_rent": 95000, "huurtoeslag.normhuur_mip": 24000} |
       .job.hours_per_week = 30' tests/bench/scenario.json >>"$TMPD/in.jsonl"
lines=$(wc -l <"$TMPD/in.jsonl")

# check_variants NAME VARY... : batch with the --vary arguments against simulate.
check_variants() {
    name=$1
    shift
    run "$SWITCHSIM" batch "$TMPD/in.jsonl" --threads 2 "$@"
    expect_rc "$name: batch" 0
    cp "$OUT" "$TMPD/batch.jsonl"
    k=0
    same=0
    differ=
    while IFS= read -r out; do
        k=$((k + 1))
        line=$(printf '%s' "$out" | jq -r .line)
        if printf '%s' "$out" | jq -e .error >/dev/null; then
            continue   # loonwaarde varied on a line without loonwaarde periods
        fi
        hours=$(printf '%s' "$out" | jq -r '.variant.hours_per_week // empty')
        lw=$(printf '%s' "$out" | jq -r '.variant.loonwaarde // empty')
        sed -n "${line}p" "$TMPD/in.jsonl" |
            jq --arg h "$hours" --arg l "$lw" '
                (if $h != "" then .job.hours_per_week = ($h | tonumber) else . end) |
                (if $l != "" then .job.loonwaarde |= map(.percent = ($l | tonumber))
                 else . end)' >"$TMPD/one.json"
        "$SWITCHSIM" simulate "$TMPD/one.json" --json 2>"$TMPD/sim.err" | jq -S -c . \
            >"$TMPD/want.json"
        printf '%s' "$out" | jq -S -c 'del(.line, .variant)' >"$TMPD/got.json"
        if [ -s "$TMPD/want.json" ] && cmp -s "$TMPD/want.json" "$TMPD/got.json"; then
            same=$((same + 1))
        else
            differ="$differ $line/$hours/$lw"
        fi
    done <"$TMPD/batch.jsonl"
    [ -z "$differ" ] && [ "$same" -gt 0 ] &&
        ok "$name: all $same variants equal simulate" ||
        not_ok "$name: variants unlike simulate (line/hours/loonwaarde):$differ"
}

check_variants "hours" --vary hours=12,32
n=$(wc -l <"$TMPD/batch.jsonl")
[ "$n" -eq $((lines * 2)) ] && ok "hours: two lines per input line" ||
    not_ok "hours: $n lines for $lines input lines"
check_variants "hours x loonwaarde" --vary hours=20,36 --vary loonwaarde=25,70.5
