#!/bin/sh
# `switchsim batch`: one result line per input line, in order, equal to simulate;
# bad lines are error lines; errors of the command itself.
. tests/lib.sh

# 60 lines: the reference cases in turn, line 37 broken.
i=0
: >"$TMPD/in.jsonl"
while [ "$i" -lt 6 ]; do
    for f in tests/cases/*.json; do
        jq -c . "$f" >>"$TMPD/in.jsonl"
    done
    i=$((i + 1))
done
head -n 60 "$TMPD/in.jsonl" | awk 'NR == 37 { print "{\"version\": 1, \"start_month\": "; next } { print }' \
    >"$TMPD/in60.jsonl"
n_in=$(wc -l <"$TMPD/in60.jsonl")
[ "$n_in" -eq 60 ] && ok "60 input lines" || not_ok "60 input lines: got $n_in"

run "$SWITCHSIM" batch "$TMPD/in60.jsonl" --threads 4
expect_rc "batch with a broken line" 0
n_out=$(wc -l <"$OUT")
[ "$n_out" -eq 60 ] && ok "60 output lines" || not_ok "60 output lines: got $n_out"
n_err=$(grep -c '"error"' "$OUT")
[ "$n_err" -eq 1 ] && ok "one error line" || not_ok "one error line: got $n_err"
sed -n 37p "$OUT" >"$TMPD/l37"
got=$(jq -r '.line, .error.code' "$TMPD/l37" | tr '\n' ' ')
[ "$got" = "37 invalid " ] && ok "line 37 is the error, numbered" || not_ok "line 37: '$got'"
got=$(jq -r '.error.message' "$TMPD/l37")
case "$got" in
*"not valid JSON"*) ok "error says why" ;;
*) not_ok "error says why: '$got'" ;;
esac
cp "$OUT" "$TMPD/out4"

# The results equal individual simulate runs (a few lines, key order aside).
for k in 1 2 5 36 38 60; do
    sed -n "${k}p" "$TMPD/in60.jsonl" >"$TMPD/one.json"
    "$SWITCHSIM" simulate "$TMPD/one.json" --json | jq -S . >"$TMPD/want.json"
    sed -n "${k}p" "$TMPD/out4" | jq -S . >"$TMPD/got.json"
    if [ -s "$TMPD/want.json" ] && cmp -s "$TMPD/want.json" "$TMPD/got.json"; then
        ok "line $k equals simulate"
    else
        not_ok "line $k equals simulate"
    fi
done

# One thread and many give the same output, byte for byte.
run "$SWITCHSIM" batch "$TMPD/in60.jsonl" --threads 1
expect_rc "one thread" 0
cmp -s "$OUT" "$TMPD/out4" && ok "1 and 4 threads give the same output" ||
    not_ok "1 and 4 threads give the same output"

# Standard input; CRLF line ends; an empty line; an over-long line; no final newline.
run_in "$TMPD/in60.jsonl" "$SWITCHSIM" batch --threads 2
expect_rc "stdin" 0
cmp -s "$OUT" "$TMPD/out4" && ok "stdin gives the same output" || not_ok "stdin gives the same output"

{
    head -n 1 "$TMPD/in60.jsonl" | sed 's/$/\r/'
    echo
    # a scenario padded with spaces past 64 KiB
    head -n 1 "$TMPD/in60.jsonl" | sed 's/}$//' | tr -d '\n'
    printf '%70000s}\n' ''
    head -n 2 "$TMPD/in60.jsonl" | tail -n 1 | tr -d '\n'
} >"$TMPD/odd.jsonl"
run "$SWITCHSIM" batch "$TMPD/odd.jsonl" --threads 3
expect_rc "odd lines" 0
n_out=$(wc -l <"$OUT")
[ "$n_out" -eq 4 ] && ok "odd lines: 4 results" || not_ok "odd lines: 4 results, got $n_out"
got=$(sed -n 1p "$OUT" | jq -r '.version')
[ "$got" = 1 ] && ok "CRLF line simulated" || not_ok "CRLF line simulated: '$got'"
got=$(sed -n 2p "$OUT" | jq -r '"\(.line) \(.error.message)"')
[ "$got" = "2 empty line" ] && ok "empty line is an error line" || not_ok "empty line: '$got'"
got=$(sed -n 3p "$OUT" | jq -r '"\(.line) \(.error.code)"')
[ "$got" = "3 too_big" ] && ok "over-long line is an error line" || not_ok "over-long line: '$got'"
got=$(sed -n 4p "$OUT" | jq -r '.version')
[ "$got" = 1 ] && ok "last line without newline simulated" || not_ok "last line: '$got'"

# A scenario the engine refuses (past the tables in strict mode) is an error line
# naming the parameter, the others are unaffected.
printf '%s\n' '{"version":1,"strict":true,"start_month":"2030-01","months":2,"household":{"composition":"single","birth_date":"1994-05-01"},"job":{"kind":"beschut","start":"2030-01-01","hours_per_week":20}}' \
    >"$TMPD/late.jsonl"
head -n 1 "$TMPD/in60.jsonl" >>"$TMPD/late.jsonl"
run "$SWITCHSIM" batch "$TMPD/late.jsonl"
expect_rc "engine error line" 0
got=$(sed -n 1p "$OUT" | jq -r '"\(.line) \(.error.code)"')
[ "$got" = "1 no_value" ] && ok "no value for 2030 is an error line" || not_ok "2030: '$got'"
got=$(sed -n 2p "$OUT" | jq -r '.version')
[ "$got" = 1 ] && ok "next line unaffected" || not_ok "next line unaffected: '$got'"

run "$SWITCHSIM" batch "$TMPD/in60.jsonl" --threads 2 --progress
expect_rc "progress" 0
expect_err "progress line on stderr" "switchsim batch: 60 lines, 1 with errors"

run "$SWITCHSIM" batch /dev/null
expect_rc "empty input" 0
expect_no_out "empty input"

run "$SWITCHSIM" batch --help
expect_rc "help" 0
expect_out "help states exit 0 with bad lines" "also when some lines were bad"

# Errors of the command: exit 1 naming the option or file, nothing on stdout.
fail_input "missing input file" "nope.jsonl" "$SWITCHSIM" batch "$TMPD/nope.jsonl"
fail_input "threads not a number" "--threads" "$SWITCHSIM" batch "$TMPD/in60.jsonl" --threads x
fail_input "zero threads" "--threads" "$SWITCHSIM" batch "$TMPD/in60.jsonl" --threads 0
fail_input "too many threads" "--threads" "$SWITCHSIM" batch "$TMPD/in60.jsonl" --threads 100000
run "$SWITCHSIM" batch a.jsonl b.jsonl
expect_rc "two input files" 2
expect_no_out "two input files"
run "$SWITCHSIM" batch --bogus
expect_rc "unknown option" 2
expect_no_out "unknown option"
