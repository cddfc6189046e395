#!/bin/sh
# `switchsim bijstand`: the CONTRACT.md example, published norms, the vrijlating rules
# per month, provisional values and overrides, and bad input (exit 1, the option
# named, nothing on stdout). Every expected figure names its source; see also
# tests/unit/check_bijstand.c for the written-out hand calculations.
. tests/lib.sh

# CONTRACT.md: {"norm":140150,"vrijlating":15000,"counted_income":45000,"entitled":95150}.
# Norm: Participatiewet art. 21 onder a per 2026-01-01 (wetten.overheid.nl/BWBR0015703/
# 2026-01-01#Artikel21) € 1.401,50; 25 % x 600,00 = 150,00; 1.401,50 - 450,00 = 951,50;
# paid 951,50 x 0,95 = 903,925 -> 903,93, reserve 951,50 - 903,93 = 47,57.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --net-income 600 --json
expect_rc "contract example" 0
expect_json "contract: norm" '.norm' 140150
expect_json "contract: vrijlating" '.vrijlating' 15000
expect_json "contract: counted_income" '.counted_income' 45000
expect_json "contract: entitled" '.entitled' 95150
expect_json "contract: monthly payment 95 %" '.monthly_payment' 90393
expect_json "contract: holiday allowance reserve" '.holiday_allowance_reserve' 4757
expect_json "contract: kind n" '.vrijlating_kind' n
expect_json "contract: 5 months of n left" '.vrijlating_months_left' 5
expect_json "contract: default K is 1" '.vrijlating_month' 1
expect_json "contract: nothing provisional" '.provisional | length' 0
expect_json "art. 45 lid 1: vakantietoeslag in juni" '.holiday_allowance_month' 6
expect_json "norm article" '.norm_article' "art. 21 onder a"
expect_json "explanation names the formula" \
    '.explanation[] | select(.item == "entitled") | .formula | test("norm - \\(netto inkomen - vrijlating\\)")' true
expect_json "tables named by sha256" '.tables.sha256 | length' 64

# Month 7: onder n is over (ten hoogste zes maanden); 1.401,50 - 600,00 = 801,50.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 1990-05-01 \
    --net-income 600 --vrijlating-month 7 --json
expect_rc "month 7" 0
expect_json "month 7: no vrijlating" '.vrijlating' 0
expect_json "month 7: kind null" '.vrijlating_kind' null
expect_json "month 7: entitled 801,50" '.entitled' 80150
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 1990-05-01 \
    --net-income 600 --vrijlating-month 6 --json
expect_json "month 6: still n, 0 months left" '[.vrijlating_kind, .vrijlating_months_left] | join(",")' "n,0"

# Art. 31 lid 5: n not below 27. Born 1999-06-01 is 26 on 2026-01-01: 801,50;
# born 1999-01-01 is 27: 25 % x 600 = 150,00 -> 951,50.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 1999-06-01 --net-income 600 --json
expect_json "age 26: no vrijlating" '.entitled' 80150
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 1999-01-01 --net-income 600 --json
expect_json "age 27: onder n" '.entitled' 95150

# Single parent, child of 8, month 7: onder r 12,5 % x 600,00 = 75,00;
# 1.401,50 - 525,00 = 876,50; 36 - 7 = 29 months left.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single_parent --birth-date 1990-05-01 \
    --youngest-child-birth-date 2017-06-01 --net-income 600 --vrijlating-month 7 --json
expect_rc "single parent month 7" 0
expect_json "single parent: kind r" '.vrijlating_kind' r
expect_json "single parent: 12,5 % of 600" '.vrijlating' 7500
expect_json "single parent: entitled 876,50" '.entitled' 87650
expect_json "single parent: 29 months of r left" '.vrijlating_months_left' 29
# The child turned 12 on the date: "kind tot 12 jaar" no longer -> no r, 801,50.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single_parent --birth-date 1990-05-01 \
    --youngest-child-birth-date 2014-01-01 --net-income 600 --vrijlating-month 7 --json
expect_json "child of 12: no r" '[.vrijlating_kind, .entitled] | map(tostring) | join(",")' "null,80150"

# Medisch urenbeperkt, month 7: onder y 15 % x 600,00 = 90,00; 1.401,50 - 510,00 = 891,50.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 1990-05-01 \
    --net-income 600 --vrijlating-month 7 --medical-hour-limit --json
expect_json "medical hour limit: kind y" '.vrijlating_kind' y
expect_json "medical hour limit: 90,00" '.vrijlating' 9000
expect_json "medical hour limit: no end" '.vrijlating_months_left' null
expect_json "medical hour limit: entitled 891,50" '.entitled' 89150

# Income above the norm: 1.700,00 - 285,00 = 1.415,00 >= 1.401,50: nothing.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --net-income 1700 --json
expect_json "income above norm: entitled 0" '.entitled' 0
expect_json "income above norm: vrijlating capped at 285,00" '.vrijlating' 28500
expect_json "income above norm: nothing paid" '.monthly_payment + .holiday_allowance_reserve' 0

# Youth norm: art. 20 lid 1 onder a per 2026-01-01 € 345,99 (born 2006-03-01: 19).
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 2006-03-01 --json
expect_json "youth norm 345,99" '.norm' 34599
expect_json "youth norm article" '.norm_article' "art. 20 lid 1 onder a"

# AOW-age couple: art. 22 onder c per 2026-01-01 € 2.144,16 (born 1958-06-01 reached 67
# on 2025-06-01; the partner is 60).
run "$SWITCHSIM" bijstand --date 2026-01-01 --household couple --birth-date 1958-06-01 \
    --partner-birth-date 1966-01-01 --json
expect_json "AOW couple norm 2.144,16" '.norm' 214416
expect_json "AOW couple article" '.norm_article' "art. 22 onder c"
expect_json "AOW reached" '.aow_age_reached' true

# Kostendelersnorm, gemeente Velsen per 1 juli 2024 (velsen.nl/bijstandsnormen-per-
# 1-juli-2024): 3-persoonshuishouden € 809,99 = 1.869,21 x 130 / 300.
run "$SWITCHSIM" bijstand --date 2024-07-01 --household single --cost-sharers 2 --json
expect_json "Velsen 2024-07 A=3: 809,99" '.norm' 80999
expect_json "A = 3" '.persons_a' 3
# A housemate of 27 counts (art. 19a lid 1), one of 26 does not: 2.002,13 x 50 % =
# 1.001,065 -> 1.001,07 vs 1.401,50.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --housemate-birth-date 1999-01-01 --json
expect_json "housemate of 27 counts" '.norm' 100107
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --housemate-birth-date 1999-01-02 --json
expect_json "housemate of 26 does not count" '.norm' 140150

# 2026-07-01: the norm (wettekst per 2026-07-01 and SZW-normenbrief 1 juli 2026,
# € 1.419,46) is confirmed; the n maximum (normenbrief only: "€ 285,00 per 1 juli
# 2026: € 289,00") is provisional and named: 25 % x 1.200 = 300 capped at 289,00.
# An override replaces a value and is named too.
run "$SWITCHSIM" bijstand --date 2026-07-01 --household single --net-income 1200 --json
expect_rc "2026-07 provisional" 0
expect_json "2026-07 norm 1.419,46" '.norm' 141946
expect_json "2026-07 n maximum 289,00" '.vrijlating' 28900
expect_json "2026-07 the norm is not provisional" '.provisional | index("participatiewet.norm.single")' null
expect_json "2026-07 names the provisional n maximum" '.provisional | index("participatiewet.vrijlating.n.max") != null' true
run "$SWITCHSIM" bijstand --date 2026-07-01 --household single --net-income 1200 \
    --override participatiewet.vrijlating.n.max=28800 --json
expect_json "override: 25 % x 1.200 = 300 capped at 288,00" '.vrijlating' 28800
expect_json "override: no longer provisional" '.provisional | index("participatiewet.vrijlating.n.max")' null
expect_json "override: named" '.overridden | index("participatiewet.vrijlating.n.max") != null' true
run "$SWITCHSIM" bijstand --date 2026-07-01 --household single --net-income 600
expect_rc "text output 2026-07" 0
expect_out "text names the provisional values" "let op: voorlopige tabelwaarde 'participatiewet.vrijlating.n.max'"

# After the published values (2027): by default the last published norm stands in,
# named as projected (voorlopig); --strict refuses with an error naming --date and
# the parameter; an override supplies the norm.
run "$SWITCHSIM" bijstand --date 2027-02-01 --household single --json
expect_rc "2027 by default: an answer" 0
expect_json "2027: the norm of 2026-07-01 carried forward" '.norm' 141946
expect_json "2027: named as projected" '.projected | index("participatiewet.norm.single") != null' true
expect_json "2027: when it went missing" '.projected_values[] | select(.id == "participatiewet.norm.single") | .missing_from' 2027-01-01
run "$SWITCHSIM" bijstand --date 2027-02-01 --household single
expect_out "2027 text: marked voorlopig by name" "voorlopig (doorgetrokken, --strict weigert): participatiewet.norm.single"
fail_input "2027 with --strict lies outside the tables" "--date" \
    "$SWITCHSIM" bijstand --date 2027-02-01 --household single --strict
expect_err "2027 --strict names the missing parameter" "participatiewet.norm.single"
run "$SWITCHSIM" bijstand --date 2027-02-01 --household single \
    --override participatiewet.norm.single=143000 --json
expect_rc "2027 with an override" 0
expect_json "2027 override used" '.norm' 143000

# Default text output for a consultant.
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --net-income 600
expect_rc "text output" 0
expect_out "text: entitlement" "Aanvullende bijstand"
expect_out "text: 951,50" "951,50"
expect_out "text: rule" "Participatiewet art. 31 lid 2 onder n"

# Bad input: exit 1, the option named, nothing on stdout.
fail_input "unknown household" "--household" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household triple
fail_input "negative cost sharers" "--cost-sharers" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --cost-sharers -1
fail_input "absurd cost sharers" "--cost-sharers" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --cost-sharers 1000
fail_input "cost sharers not a number" "--cost-sharers" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --cost-sharers two
fail_input "birth date after the date" "--birth-date" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 2026-02-01
fail_input "resident under 18" "--birth-date" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --birth-date 2010-01-01
fail_input "partner birth date after the date" "--partner-birth-date" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household couple --partner-birth-date 2027-01-01
fail_input "partner date without a couple" "--partner-birth-date" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --partner-birth-date 1990-01-01
fail_input "child born after the date" "--youngest-child-birth-date" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single_parent --youngest-child-birth-date 2026-03-01
fail_input "housemate born after the date" "--housemate-birth-date" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --housemate-birth-date 2026-03-01
fail_input "vrijlating month 0" "--vrijlating-month" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --net-income 600 --vrijlating-month 0
fail_input "vrijlating month negative" "--vrijlating-month" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --vrijlating-month -3
fail_input "vrijlating month not a number" "--vrijlating-month" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --vrijlating-month 1.5
fail_input "negative income" "--net-income" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --net-income -5
fail_input "date before the tables" "--date" \
    "$SWITCHSIM" bijstand --date 2023-06-01 --household single
fail_input "impossible date" "--date" \
    "$SWITCHSIM" bijstand --date 2026-02-30 --household single
fail_input "bad override" "--override" \
    "$SWITCHSIM" bijstand --date 2026-01-01 --household single --override participatiewet.norm.single=abc

# Usage errors: exit 2, nothing on stdout.
# Without --date: today (SWITCHSIM_TODAY fixes the clock; a bad one is a usage error).
run env SWITCHSIM_TODAY=2026-12-05 "$SWITCHSIM" bijstand --household single --json
expect_rc "no --date: today" 0
expect_json "no --date: the date is today" '.date' 2026-12-05
run env SWITCHSIM_TODAY=2026-13-05 "$SWITCHSIM" bijstand --household single
expect_rc "a bad SWITCHSIM_TODAY is a usage error" 2
expect_err "a bad SWITCHSIM_TODAY is named" "SWITCHSIM_TODAY"
expect_no_out "a bad SWITCHSIM_TODAY"
run "$SWITCHSIM" bijstand --date 2026-01-01
expect_rc "missing --household" 2
run "$SWITCHSIM" bijstand --date 2026-01-01 --household single --frobnicate
expect_rc "unknown option" 2
expect_no_out "unknown option"
run "$SWITCHSIM" bijstand --help
expect_rc "help" 0
expect_out "help shows usage" "--vrijlating-month K"
