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
expect_out "table has the headline" "In een gewone maand na de overstap houdt u"
expect_out "table shows the recovery" "bijstand over 2026-04"

run "$SWITCHSIM" simulate "$S" --format csv
expect_rc "csv format" 0
expect_out "csv is semicolon separated, Dutch headers" "berekening;maand;situatie;brutoloon"
expect_out "csv has a decimal comma" "overstap;2026-04;werk;2294,76"

run "$SWITCHSIM" simulate "$S" --format html
expect_rc "html format" 0
expect_out "html is a page" "<!DOCTYPE html>"
expect_out "html is Dutch" '<html lang="nl">'
expect_out "html names the amount to set apart" "1.331,43"
expect_out "html: the actions' dates in Dutch" "<li>Vóór 1 april 2026: "
if grep -q '<li>Vóór [0-9]\{4\}-' "$OUT"; then not_ok "html: an action with an ISO date"; else ok "html: no action with an ISO date"; fi

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
# Past the published values: --strict (or "strict": true) refuses naming the
# parameter and the date; by default the answer comes with the projected values.
sed 's/"start_month": "2026-01"/"start_month": "2026-07"/; s/"months": 6/"months": 9/; s/"2026-04-01"/"2026-10-01"/' "$S" >"$TMPD/late.json"
fail_input "past the published tables, --strict" "no value for 'participatiewet.norm.single' on '2027-01-01'" \
    "$SWITCHSIM" simulate "$TMPD/late.json" --strict
sed 's/^{/{"strict": true,/' "$TMPD/late.json" >"$TMPD/late_strict.json"
fail_input "past the published tables, \"strict\": true" "no value for 'participatiewet.norm.single' on '2027-01-01'" \
    "$SWITCHSIM" simulate "$TMPD/late_strict.json"
sed 's/^{/{"strict": true, "project_unpublished": true,/' "$TMPD/late.json" >"$TMPD/late_both.json"
fail_input "strict and project_unpublished contradict" "strict" "$SWITCHSIM" simulate "$TMPD/late_both.json"
run "$SWITCHSIM" simulate "$TMPD/late.json" --format json
expect_rc "past the published tables: an answer by default" 0
expect_json "the projected norm is listed" '.tables.projected | index("participatiewet.norm.single") != null' true
expect_json "December 2026 is not voorlopig" '.scenario.months[5] | has("projected")' false
expect_json "January 2027 is voorlopig, by name" '.scenario.months[6].projected | index("participatiewet.norm.single") != null' true
expect_json "the baseline's January 2027 too" '.baseline.months[6].projected | index("participatiewet.norm.single") != null' true
expect_json "a B1 warning names the month and what is missing" '[.warnings[] | select(.code == "projected_values") | .text | test("^Voorlopig vanaf januari 2027: de nieuwe bedragen voor de bijstandsnorm")] | any' true
run "$SWITCHSIM" simulate "$TMPD/late.json" --format table
expect_out "table: January 2027 marked" "jan 2027*"
expect_out "table: the projected value named" "participatiewet.norm.single: € 1.419,46, bekend vanaf 2026-07-01, nieuwe waarde vanaf 2027-01-01 nog niet bekend"
# A recovery is voorlopig by the values its own calculation uses
# (tests/cases/next_year.json: December 2026 + 12 months, Amersfoort, with rent
# and dagbesteding): the bijstand over January 2027 depends on the projected
# norm, not on the Wmo's or the huurtoeslag's values, which January's row names.
run "$SWITCHSIM" simulate tests/cases/next_year.json --json
expect_json "the bijstand recovery over 2027-01 names the norm" '[.recoveries[] | select(.for_period == "2027-01") | .projected | index("participatiewet.norm.single") != null] | any' true
expect_json "... and no Wmo, huurtoeslag or zorgtoeslag value" '[.recoveries[] | select(.kind == "bijstand") | .projected // [] | .[] | select(test("^(wmo|huurtoeslag|zorgtoeslag)[.]"))] | length' 0
expect_json "... which January 2027's row does name" '[.scenario.months[] | select(.month == "2027-01") | .projected | index("wmo.abonnementstarief") != null] | any' true
run "$SWITCHSIM" simulate tests/cases/next_year.json --format table
if grep -q 'bijstand over 2027-01: € [0-9.,]* (voorlopig)' "$OUT"; then ok "table: the recovery over 2027-01 says (voorlopig)"; else not_ok "table: the recovery over 2027-01 not marked voorlopig"; fi
run "$SWITCHSIM" simulate "$TMPD/late.json" --format table
if grep -q 'bijstand over 2026-10: € [0-9.,]*,' "$OUT"; then ok "table: the recovery over 2026-10 is not voorlopig"; else not_ok "table: the recovery over 2026-10 marked or missing"; fi
run "$SWITCHSIM" simulate "$TMPD/late.json" --format csv
expect_out "csv: a voorlopig column" ";voorlopig"
expect_out "csv: January 2027 names the projected value" "overstap;2027-01;"
got=$(grep '^overstap;2027-01;' "$OUT" | grep -c 'participatiewet.norm.single')
[ "$got" = 1 ] && ok "csv: the row of January 2027 names participatiewet.norm.single" || not_ok "csv row: '$got'"
run "$SWITCHSIM" simulate "$TMPD/late.json" --format html
expect_out "html: the banner" "Voorlopige bedragen"
expect_out "html: the marked month" 'class="voorlopig-maand"'

# Issue 15: a scenario that starts this month (December 2026) and runs a year
# gets an answer without any flag, and lists what is projected.
cat >"$TMPD/now.json" <<'EOF2'
{"version": 1, "start_month": "2026-12", "months": 12, "municipality": "amersfoort",
 "household": {"composition": "single", "birth_date": "1994-05-01", "rent": 65000},
 "before": {"benefit": "participatiewet", "dagbesteding_dagdelen_per_week": 6},
 "job": {"kind": "beschut", "start": "2027-01-04", "hours_per_week": 28,
         "loonwaarde": [{"from": "2027-01-04", "percent": 50, "forfaitair": true},
                        {"from": "2027-07-01", "percent": 40}]}}
EOF2
run "$SWITCHSIM" simulate "$TMPD/now.json" --format json
expect_rc "from this month for a year: an answer" 0
expect_json "12 months" '.scenario.months | length' 12
expect_json "what is projected is listed" '.tables.projected | length > 0' true
expect_json "every projected value says since when it is missing" '[.tables.projected_values[] | .missing_from | test("^20[0-9][0-9]-(01|07)-01$")] | all' true
# ... and so do the what-ifs, each marking what is carried forward.
run "$SWITCHSIM" employer "$TMPD/now.json"
expect_rc "employer from this month: an answer" 0
expect_out "employer text names the projected values" "voorlopig (doorgetrokken, --strict weigert): wml.hourly"
run "$SWITCHSIM" municipality "$TMPD/now.json"
expect_out "municipality text names the projected values" "voorlopig (doorgetrokken, --strict weigert): participatiewet.norm.single"
run "$SWITCHSIM" sweep "$TMPD/now.json" --hours 12:36:12 --format table
expect_out "sweep table names the projected values" "voorlopig (doorgetrokken, --strict weigert): participatiewet.norm.single"
run "$SWITCHSIM" wayback "$TMPD/now.json" --after 3
expect_out "wayback text names the projected values" "voorlopig (doorgetrokken, --strict weigert): participatiewet.norm.single"
run "$SWITCHSIM" wayback "$TMPD/now.json" --after 3 --json
expect_json "wayback JSON lists the projected values" '.tables.projected | index("participatiewet.norm.single") != null' true
run "$SWITCHSIM" wayback "$TMPD/now.json" --after 3 --strict
expect_rc "wayback --strict refuses" 1

# One option style for every subcommand: options after the file, and a missing
# value said as such.
run "$SWITCHSIM" simulate "$S" --format csv
expect_rc "an option after the file" 0
expect_out "an option after the file is used" "berekening;maand;situatie"
run "$SWITCHSIM" simulate "$S" --format
expect_rc "--format without a value is a usage error" 2
expect_err "... named as a missing value" "option '--format' needs a value"
expect_no_out "--format without a value"
run "$SWITCHSIM" tables --json status --date 2026-12-05 --within 1
expect_rc "tables: options before and after the action" 0
run "$SWITCHSIM" bijstand --household single --net-income
expect_rc "bijstand: a missing value" 2
expect_err "bijstand: a missing value named" "option '--net-income' needs a value"
run "$SWITCHSIM" simulate
expect_rc "no file is a usage error" 2
run "$SWITCHSIM" simulate "$S" --format pdf
expect_rc "unknown format is a usage error" 2
expect_no_out "unknown format"

mkdir -p "$TMPD/tables"
run "$SWITCHSIM" simulate "$S" --tables "$TMPD/tables"
expect_rc "no tables: exit 3" 3
expect_no_out "no tables"
