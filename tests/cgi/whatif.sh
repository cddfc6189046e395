#!/bin/sh
# tests/cgi/whatif.sh - POST /sweep, /wayback and /loonwaarde (issue 20, item 10):
# the same JSON as `switchsim sweep|wayback|loonwaarde --json` for the same
# input, a loonwaarde worked out by hand, and bad input named by its field.
# (tests/cgi/openapi.sh checks them against web/openapi.json.)
. tests/lib.sh
. tests/lib_cgi.sh

S=tests/cases/seed_resident.json
W=tests/cases/way_back_open.json

# same_as_cli NAME CLI-ARGS...: the body of the last request is the CLI's JSON.
same_as_cli() {
    n=$1
    shift
    "$SWITCHSIM" "$@" --tables "$TABLES" >"$TMPD/cli.json" 2>"$TMPD/cli.err"
    if [ -s "$TMPD/cli.json" ] && [ "$(jq -S . "$OUT")" = "$(jq -S . "$TMPD/cli.json")" ]; then
        ok "$n: the same JSON as switchsim $1 --json"
    else
        not_ok "$n: differs from switchsim $* ($(head -c 200 "$TMPD/cli.err"))"
    fi
}

# --- sweep ---
post /sweep "$S" "hours=8:16:4"
expect_status "sweep hours" 200
expect_json "sweep: 3 steps" '[.steps[].value] | join(",")' "8,12,16"
same_as_cli "sweep hours" sweep "$S" --hours 8:16:4 --json
jq '.job.loonwaarde = [{"from": .job.start, "percent": 50}]' "$S" >"$TMPD/lw.json"
post /sweep "$TMPD/lw.json" "loonwaarde=30:50:10"
expect_status "sweep loonwaarde" 200
expect_json "sweep: the field varied" .sweep.field job.loonwaarde.percent
same_as_cli "sweep loonwaarde" sweep "$TMPD/lw.json" --loonwaarde 30:50:10 --json
post /sweep "$S" "loonwaarde=30:50:10"
expect_status "sweep loonwaarde without loonwaarde periods" 422
expect_error "... names the query key" invalid loonwaarde
post /sweep "$S" "hours=8:16:0"
expect_status "sweep: a step of 0" 422
expect_error "... names hours" invalid hours
post /sweep "$S" "hours=1:40:0.01"
expect_status "sweep: more than 500 steps" 422
post /sweep "$S"
expect_status "sweep: no range" 422
jq '.job.hours_per_week = 99' "$S" >"$TMPD/bad.json"
post /sweep "$TMPD/bad.json" "hours=8:16:4"
expect_status "sweep: an invalid scenario" 422
expect_error "... names the JSON path" invalid job.hours_per_week
expect_quiet "sweep: nothing on stderr"

# --- wayback ---
post /wayback "$W" "after=3,6"
expect_status "wayback" 200
same_as_cli "wayback" wayback "$W" --after 3,6 --json
# tests/cli/wayback.sh works these out: 13 weeks after 3 months (no WW), 26
# after 6 (the wekeneis of 26 of 36 weeks: WW).
expect_json "wayback: WW only after 26 weeks" '[.steps[] | "\(.weeks_worked):\(.ww)"] | join(",")' \
    "13:false,26:true"
post /wayback "$W"
expect_json "wayback: after 3, 6, 9 and 12 months by default" '[.steps[].after_months] | join(",")' \
    "3,6,9,12"
expect_json "wayback: a job that outlasts the horizon says so" \
    '[.steps[] | select(.in_horizon | not) | .bijstand_from] | all(. == null)' true
post /wayback "$W" "after=0"
expect_status "wayback: 0 months" 422
expect_error "... names after" invalid after
post /wayback "$W" "after=3,,6"
expect_status "wayback: an empty item" 422
post /wayback "$W" "after=$(seq -s, 1 25)"
expect_status "wayback: more than 24 steps" 422

# --- loonwaarde ---
# Hand calculation (Besluit LKS Pw 2021 art. 3 lid 1; tempo counted up to
# lks.tempo_max, 100 % in tables/lks.xml): inpakken 60 % x 80 % x 90 % x 100 %
# = 43,2 %; schoonmaken 40 % x min(120 %, 100 %) x 100 % x 100 % = 40 %; sum
# 83,2 %, rekenkundig afgerond 83 %.
cat >"$TMPD/lw_req.json" <<'JSON'
{"date": "2026-03-01", "tasks": [
  {"name": "inpakken", "share": 60, "tempo": 80, "kwaliteit": 90, "inzetbaarheid": 100},
  {"name": "schoonmaken", "share": 40, "tempo": 120, "kwaliteit": 100, "inzetbaarheid": 100}]}
JSON
post /loonwaarde "$TMPD/lw_req.json"
expect_status "loonwaarde" 200
expect_json "loonwaarde: 83 % (hand calculation)" .loonwaarde 83
expect_json "loonwaarde: the exact sum 83.2 %" .exact 83.2
expect_json "loonwaarde: per task" '[.tasks[] | "\(.name)=\(.contribution)"] | join(",")' \
    "inpakken=43.2,schoonmaken=40"
expect_json "loonwaarde: the tempo counted" '.tasks[1].tempo_counted' 100
same_as_cli "loonwaarde" loonwaarde --date 2026-03-01 --task inpakken:60:80:90:100 \
    --task schoonmaken:40:120:100:100 --json
jq 'del(.date)' "$TMPD/lw_req.json" >"$TMPD/lw_nodate.json"
post /loonwaarde "$TMPD/lw_nodate.json"
expect_json "loonwaarde without a date: the newest rules" 'has("rules_from") and (has("date") | not)' true
jq '.tasks[0].share = 50' "$TMPD/lw_req.json" >"$TMPD/lw_sum.json"
post /loonwaarde "$TMPD/lw_sum.json"
expect_status "loonwaarde: shares adding up to 90" 422
expect_error "... names tasks" invalid tasks
jq '.tasks[1].tempo = 80.125 | .tasks[0].kwaliteit = -1 | .tasks[0].name = ""' "$TMPD/lw_req.json" \
    >"$TMPD/lw_bad.json"
post /loonwaarde "$TMPD/lw_bad.json"
expect_status "loonwaarde: bad values" 422
expect_json "... each named by its JSON path" '[.error.problems[].field] | sort | join(",")' \
    "tasks[0].kwaliteit,tasks[0].name,tasks[1].tempo"
printf '{"tasks": []}' >"$TMPD/lw_none.json"
post /loonwaarde "$TMPD/lw_none.json"
expect_status "loonwaarde: no tasks" 422
expect_error "... names tasks" invalid tasks
jq '.date = "2026-02-30"' "$TMPD/lw_req.json" >"$TMPD/lw_date.json"
post /loonwaarde "$TMPD/lw_date.json"
expect_status "loonwaarde: a date that does not exist" 422
expect_error "... names date" invalid date
jq '.tasks = [range(33) | {"name": "t\(.)", "share": 1, "tempo": 100, "kwaliteit": 100, "inzetbaarheid": 100}]' \
    "$TMPD/lw_req.json" >"$TMPD/lw_many.json"
post /loonwaarde "$TMPD/lw_many.json"
expect_status "loonwaarde: 33 tasks" 422
printf '[{"name": "x"}]' >"$TMPD/lw_arr.json"
post /loonwaarde "$TMPD/lw_arr.json"
expect_status "loonwaarde: not an object" 400
post /loonwaarde "$TMPD/lw_req.json" "date=2026-03-01"
expect_status "loonwaarde: no query parameters" 400
expect_quiet "loonwaarde: nothing on stderr"
