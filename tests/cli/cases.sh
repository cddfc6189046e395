#!/bin/sh
# Reference scenarios: tests/cases/NAME.json is run through `switchsim simulate
# --json`; tests/cases/NAME.expect lists "JQ_FILTER => VALUE  # derivation" lines,
# each figure worked out by hand from sourced parameters in the comment beside it.
. tests/lib.sh

for scen in tests/cases/*.json; do
    name=$(basename "$scen" .json)
    exp="tests/cases/$name.expect"
    [ -f "$exp" ] || continue
    run "$SWITCHSIM" simulate "$scen" --json
    if [ "$RC" -ne 0 ]; then
        not_ok "$name: simulate failed"
        continue
    fi
    cp "$OUT" "$TMPD/$name.out"
    while IFS= read -r line; do
        case "$line" in ''|'#'*) continue ;; esac
        filter=${line%% => *}
        rest=${line#* => }
        want=${rest%%  #*}
        want=$(printf '%s' "$want" | sed 's/[[:space:]]*$//')
        got=$(jq -r "$filter" "$TMPD/$name.out" 2>&1)
        if [ "$got" = "$want" ]; then
            ok "$name: $filter == $want"
        else
            echo "not ok - $name: $filter is '$got', expected '$want'"
            echo "    ($line)"
        fi
    done <"$exp"
done
