#!/bin/sh
# `switchsim lks` and `switchsim loonwaarde`: the CLI contract, hand-calculated
# figures (worked out in tests/unit/check_lks.c) and bad input (exit 1, the option
# named on stderr, nothing on stdout).
. tests/lib.sh

# 32 h at the WML on 2026-01-01, loonwaarde 35 %: WML incl. VT 2202.97 - 771.04 =
# 1431.93; werkgeverslasten 1431.93 x 0.235 = 336.50355 -> 336.50; total 1768.43.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 35 --json
expect_rc "lks part time" 0
expect_json "lks = 1431.93" '.lks' 143193
expect_json "werkgeverslasten = 336.50" '.werkgeverslasten' 33650
expect_json "total = 1768.43" '.total' 176843
expect_json "WML incl. vakantiebijslag 2202.97" '.wml_incl_holiday_pay' 220297
expect_json "not capped" '.capped' false
expect_json "tables named" '.tables.sha256 | length' 64

# Full time 40 h, 50 %: 2753.71 - 1376.86 = 1376.85; + 323.56 = 1700.41.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 40 --loonwaarde 50 --json
expect_json "full time total 1700.41" '.total' 170041

# The 70 % cap: loonwaarde 20 % at 32 h -> 1542.08 + 362.39 = 1904.47.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 20 --json
expect_json "cap binds" '.capped' true
expect_json "capped lks 1542.08" '.lks' 154208
expect_json "capped total 1904.47" '.total' 190447

# Loonwaarde 100 %: nothing.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 100 --json
expect_json "loonwaarde 100: no lks" '.total' 0

# Cao wage 16.00 above the WML, 50 %: 2202.97 - 1198.08 = 1004.89 + 236.15 = 1241.04.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 50 --hourly-wage 16.00 --json
expect_json "cao wage: lks on the WML minus 50 % of the cao wage" '.total' 124104
expect_json "cao wage incl. VT 2396.16" '.wage_incl_holiday_pay' 239616

# Youth: 18 on 2026-01-01 -> 7.36/h; 40 %: 661.34 + 155.41 = 816.75.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 40 --birth-date 2007-03-15 --json
expect_json "youth hourly 7.36" '.wml_hourly' 736
expect_json "youth total 816.75" '.total' 81675

# Forfaitair: 50 % of 2202.97 = 1101.49 + 258.85 = 1360.34; no --loonwaarde needed.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --forfaitair --json
expect_rc "forfaitair without loonwaarde" 0
expect_json "forfait total 1360.34" '.total' 136034
expect_json "forfait flagged" '.forfaitair' true

# Readable text by default.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 35
expect_rc "text output" 0
expect_out "text names the subsidy" "loonkostensubsidie"
expect_out "text shows the total in Dutch notation" "€ 1.768,43"

# An override (a value supplied by the user) is used: werkgeverslasten 20 % of
# 1431.93 = 286.386 -> 286.39.
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 35 \
    --override lks.werkgeverslasten_percent=20 --json
expect_json "override applies" '.werkgeverslasten' 28639

# Bad input: exit 1, the option named, nothing on stdout.
fail_input "loonwaarde above 100" "--loonwaarde" "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 101
fail_input "negative loonwaarde" "--loonwaarde" "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde -5
fail_input "loonwaarde not a number" "--loonwaarde" "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde abc
fail_input "hours above 40" "--hours" "$SWITCHSIM" lks --date 2026-01-01 --hours 41 --loonwaarde 50
fail_input "hours below 1" "--hours" "$SWITCHSIM" lks --date 2026-01-01 --hours 0.5 --loonwaarde 50
fail_input "negative wage" "--hourly-wage" "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 50 --hourly-wage -16
fail_input "wage below the WML" "--hourly-wage" "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 50 --hourly-wage 12.00
fail_input "zero wage" "--hourly-wage" "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 50 --hourly-wage 0
fail_input "bad date" "--date" "$SWITCHSIM" lks --date 2026-02-30 --hours 32 --loonwaarde 50
fail_input "too young for a minimum wage" "--birth-date" "$SWITCHSIM" lks --date 2026-01-01 --hours 32 --loonwaarde 50 --birth-date 2013-01-01
fail_input "date before the tables" "2023-01-01" "$SWITCHSIM" lks --date 2023-01-01 --hours 32 --loonwaarde 50

run env SWITCHSIM_TODAY=2026-12-05 "$SWITCHSIM" lks --hours 32 --loonwaarde 50 --json
expect_rc "no --date: today" 0
expect_json "no --date: the date is today" '.date' 2026-12-05 
run "$SWITCHSIM" lks --date 2026-01-01 --hours 32
expect_rc "missing --loonwaarde is a usage error" 2
run "$SWITCHSIM" lks --help
expect_rc "lks --help" 0
expect_out "help shows the synopsis" "--hourly-wage"

# --- loonwaarde ---

# 0.60 x 0.80 x 0.90 x 1.00 + 0.40 x 0.50 x 1.00 x 0.80 = 0.432 + 0.16 = 0.592 -> 59 %.
run "$SWITCHSIM" loonwaarde --task "inpakken:60:80:90:100" --task "schoonmaken:40:50:100:80" --json
expect_rc "loonwaarde two tasks" 0
expect_json "loonwaarde 59" '.loonwaarde' 59
expect_json "exact 59.2" '.exact' 59.2
expect_json "task contribution 43.2" '.tasks[0].contribution' 43.2
expect_json "task name kept" '.tasks[1].name' schoonmaken

# Half a percent rounds up: 1.0 x 0.75 x 0.70 x 1.0 = 52.5 -> 53 (art. 3 lid 1).
run "$SWITCHSIM" loonwaarde --task "a:100:75:70:100" --date 2026-01-01 --json
expect_json "rekenkundig afgerond 52.5 -> 53" '.loonwaarde' 53
expect_json "date given" '.date' 2026-01-01

# A tempo above 100 counts as 100 (provisional table value, named in the output).
run "$SWITCHSIM" loonwaarde --task "a:100:120:80:90" --json
expect_json "tempo capped: 0.8 x 0.9 = 72" '.loonwaarde' 72
expect_json "provisional value listed" '.tables.provisional | index("lks.tempo_max") != null' true

# 5 % of the time is less than a hoofdtaak (1/16).
run "$SWITCHSIM" loonwaarde --task "a:95:100:80:90" --task "b:5:50:50:50"
expect_rc "small task accepted" 0
expect_out "small task flagged" "minder dan een hoofdtaak"

fail_input "shares not 100" "--task" "$SWITCHSIM" loonwaarde --task "a:60:80:90:100" --task "b:30:50:100:80"
fail_input "kwaliteit above 100" "--task" "$SWITCHSIM" loonwaarde --task "a:100:80:101:100"
fail_input "negative tempo" "--task" "$SWITCHSIM" loonwaarde --task "a:100:-80:90:100"
fail_input "missing field" "--task" "$SWITCHSIM" loonwaarde --task "a:100:80:90"
fail_input "no name" "--task" "$SWITCHSIM" loonwaarde --task ":100:80:90:100"
fail_input "three decimals" "--task" "$SWITCHSIM" loonwaarde --task "a:100:80.125:90:100"
fail_input "before the Besluit 2021" "2021-06-01" "$SWITCHSIM" loonwaarde --task "a:100:80:90:100" --date 2021-06-01
run "$SWITCHSIM" loonwaarde
expect_rc "no --task is a usage error" 2
