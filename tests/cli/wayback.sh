#!/bin/sh
# `switchsim wayback`: what if the job stops after N months (issue 10, "the way back").
# The resident is 24 and starts full time on 1 August 2025 (tests/cases/way_back_open.json).
. tests/lib.sh

S=tests/cases/way_back_open.json
run "$SWITCHSIM" wayback "$S" --after 5,7 --json
expect_rc "wayback runs" 0
# 5 months: 1 August - 31 December 2025 = 153 days = 21 weeks < 26: no WW (WW art. 17),
# bijstand again after the 4-week zoektermijn (under 27, art. 41 lid 4 Pw):
# 1 January + 28 days = 29 January 2026.
expect_json "5 months: 21 weeks" '.steps[0].weeks_worked' 21
expect_json "5 months: no WW" '.steps[0].ww' false
expect_json "5 months: bijstand after the zoektermijn" '.steps[0].bijstand_from' 2026-01-29
expect_json "5 months: 28 days without income" '.steps[0].gap_days' 28
# 7 months: to 28 February 2026 = 212 days = 30 weeks: WW for 3 months, no gap.
expect_json "7 months: 30 weeks" '.steps[1].weeks_worked' 30
expect_json "7 months: WW" '.steps[1].ww' true
expect_json "7 months: WW until 31 May 2026" '.steps[1].ww_until' 2026-05-31
expect_json "7 months: no gap" '.steps[1].gap_days' 0

run "$SWITCHSIM" wayback "$S" --after 5
expect_rc "table output" 0
expect_out "table names WW" "WW"

fail_input "after out of range" "--after" "$SWITCHSIM" wayback "$S" --after 0
fail_input "after not a number" "--after" "$SWITCHSIM" wayback "$S" --after x
run "$SWITCHSIM" wayback
expect_rc "no file: usage" 2
