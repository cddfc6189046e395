#!/bin/sh
# `switchsim simulate`: formats, stdin, and errors (exit codes, nothing on stdout).
. tests/lib.sh

S=tests/cases/seed_resident.json

run "$SWITCHSIM" simulate "$S" --format json
expect_rc "json format" 0
expect_json "contract: version" '.version' 1
expect_json "contract: tables sha256" '.tables.sha256 | length' 64
expect_json "contract: scenario months" '.scenario.months | length' 6
expect_json "contract: baseline months" '.baseline.months | length' 6
expect_json "contract: every MONTH field" \
    '[.scenario.months[0] | has("month","status","gross_wage","holiday_pay","loonheffing","net_wage","bijstand_norm","vrijlating","bijstand_entitled","bijstand_paid","bijstand_holiday_allowance_paid","zorgtoeslag_entitled","zorgtoeslag_paid","huurtoeslag_entitled","huurtoeslag_paid","wmo_eigen_bijdrage","recovery_collected","received","set_aside","safe_to_spend","lks")] | all' true
expect_json "contract: recovery fields" \
    '[.recoveries[0] | has("kind","for_period","amount","expected","avoidable_by")] | all' true
expect_json "contract: warning fields" '[.warnings[0] | has("code","month","amount","text")] | all' true
expect_json "contract: action fields" '[.actions[0] | has("before","who","text")] | all' true
expect_json "actions in date order" '[.actions[].before] == ([.actions[].before] | sort)' true
expect_json "totals add the months" \
    '.scenario.totals.net_wage == ([.scenario.months[].net_wage] | add)' true

run_in "$S" "$SWITCHSIM" simulate - --json
expect_rc "scenario from stdin" 0
expect_json "stdin gives the same result" '.recoveries[0].amount' 133143

run "$SWITCHSIM" simulate "$S" --format table
expect_rc "table format" 0
expect_out "table has the headline" "Met deze baan houdt u gemiddeld"
expect_out "table shows the recovery" "bijstand over 2026-04"

run "$SWITCHSIM" simulate "$S" --format csv
expect_rc "csv format" 0
expect_out "csv is semicolon separated" "run;maand;status;gross_wage"
expect_out "csv has a decimal comma" "overstap;2026-04;work;2294,76"

run "$SWITCHSIM" simulate "$S" --format html
expect_rc "html format" 0
expect_out "html is a page" "<!DOCTYPE html>"
expect_out "html is Dutch" '<html lang="nl">'
expect_out "html names the amount to set apart" "1.331,43"

run "$SWITCHSIM" simulate "$S" --trace --json
expect_rc "trace run" 0

# Errors: a message naming the field, exit 1, nothing on stdout.
printf '{"version":1,"start_month":"2026-01","household":{"composition":"single","birth_date":"1994-05-01"},"job":{"kind":"beschut","start":"2026-04-01","hours_per_week":99}}' >"$TMPD/bad.json"
fail_input "hours out of range" "job.hours_per_week" "$SWITCHSIM" simulate "$TMPD/bad.json"
printf 'not json' >"$TMPD/notjson.json"
fail_input "not JSON" "not valid JSON" "$SWITCHSIM" simulate "$TMPD/notjson.json"
: >"$TMPD/empty.json"
fail_input "empty file" "not valid JSON" "$SWITCHSIM" simulate "$TMPD/empty.json"
fail_input "missing file" "cannot read" "$SWITCHSIM" simulate "$TMPD/nope.json"
# A month the tables cannot answer for: the parameter and date are named.
sed 's/"months": 6/"months": 9/' "$S" >"$TMPD/late.json"
fail_input "past the published tables" "no value for 'wml.hourly' on '2026-07-01'" \
    "$SWITCHSIM" simulate "$TMPD/late.json"

run "$SWITCHSIM" simulate
expect_rc "no file is a usage error" 2
run "$SWITCHSIM" simulate "$S" --format pdf
expect_rc "unknown format is a usage error" 2
expect_no_out "unknown format"

mkdir -p "$TMPD/tables"
run "$SWITCHSIM" simulate "$S" --tables "$TMPD/tables"
expect_rc "no tables: exit 3" 3
expect_no_out "no tables"
