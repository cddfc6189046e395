#!/bin/sh
# tests/cli/toeslagen.sh - `switchsim zorgtoeslag` and `switchsim huurtoeslag`: the
# CLI contract (CONTRACT.md), published figures, and bad input (exit 1 naming the
# option, nothing on stdout). Every expected figure names its source; the hand
# calculations are written out in tests/unit/check_{zorg,huur}toeslag.c.
. tests/lib.sh
S=$SWITCHSIM

# --- zorgtoeslag ---

# Belastingdienst "Hoeveel zorgtoeslag krijg ik?" 2025, single, row 28.000 -> 131;
# Dienst Toeslagen Berekening zorgtoeslag 2025 rekenvoorbeeld 1: normpremie 538,58,
# 1.573,42 a year (-> 1.573, Awir art. 14); published limit 39.719.
run $S zorgtoeslag --year 2025 --income 28000 --json
expect_rc "zorgtoeslag 2025 single 28.000" 0
expect_json "year_amount in whole euros" .year_amount 157300
expect_json "month_amount as paid" .month_amount 13100
expect_json "amount before rounding" .amount_exact 157342
expect_json "normpremie" .normpremie 53858
expect_json "standaardpremie 2025" .standaardpremie 211200
expect_json "max_income derived = published 39.719" .max_income 3971900
expect_json "no provisional values" '.provisional | length' 0
expect_json "tables named" '.tables.sha256 | length' 64

# Same page, 2026 met toeslagpartner, row 44.500 -> 78.
run $S zorgtoeslag --year 2026 --income 44500 --partner --json
expect_rc "zorgtoeslag 2026 partner 44.500" 0
expect_json "2026 partner 44.500 -> 78 a month" .month_amount 7800
expect_json "2 x standaardpremie 2026" .standaardpremie 423800

# Dienst Toeslagen 2025 rekenvoorbeeld 2: partner not insured, 33.200 together:
# 1.176,72 a year -> 1.177, 98 a month.
run $S zorgtoeslag --year 2025 --income 33200 --partner --partner-uninsured --json
expect_json "uninsured partner: 50 %" .amount_exact 117672
expect_json "uninsured partner: month" .month_amount 9800
expect_json "uninsured partner flag" .partner_insured false

# Belastingdienst "Hoeveel inkomen mag ik hebben voor zorgtoeslag?" 2026: with a
# partner not above 51.142: at 51.142 the EUR 24 minimum, one euro more nothing.
run $S zorgtoeslag --year 2026 --income 51142 --partner --json
expect_json "2026 partner at the limit: 24 a year" .year_amount 2400
run $S zorgtoeslag --year 2026 --income 51143 --partner --json
expect_json "2026 partner one euro above: nothing" .year_amount 0
expect_json "... no advance" .month_amount 0

run $S zorgtoeslag --year 2025 --income 28000
expect_rc "zorgtoeslag text" 0
expect_out "text: advance per month" "voorschot per maand"
expect_out "text: EUR 131" "131,00"
expect_out "text: income limit" "39.719,00"

# An override is a table value for this run: standaardpremie 2.000,00 for 2025,
# income 20.000: 2.000 - 538,58 = 1.461,42 -> 1.461; 1.461 / 12 = 121,75 -> 121.
run $S zorgtoeslag --year 2025 --income 20000 --override zorgtoeslag.standaardpremie=200000 --json
expect_json "override standaardpremie" .month_amount 12100

run $S zorgtoeslag --help
expect_rc "zorgtoeslag --help" 0
expect_out "usage names --partner-uninsured" "--partner-uninsured"

fail_input "zorgtoeslag bad income" "--income" $S zorgtoeslag --year 2025 --income abc
fail_input "zorgtoeslag negative income" "--income" $S zorgtoeslag --year 2025 --income -5
fail_input "zorgtoeslag bad year" "--year" $S zorgtoeslag --year 20x5 --income 1000
fail_input "zorgtoeslag year out of range" "--year" $S zorgtoeslag --year 1800 --income 1000
fail_input "zorgtoeslag uninsured without partner" "--partner-uninsured" \
    $S zorgtoeslag --year 2025 --income 1000 --partner-uninsured
fail_input "zorgtoeslag year without tables" "zorgtoeslag." $S zorgtoeslag --year 2023 --income 1000
fail_input "zorgtoeslag bad override" "--override" \
    $S zorgtoeslag --year 2025 --income 1000 --override zorgtoeslag.standaardpremie=abc
run $S zorgtoeslag --year 2025
expect_rc "zorgtoeslag without --income is a usage error" 2
expect_no_out "zorgtoeslag usage error"
run $S zorgtoeslag --year 2025 --income 1000 --bogus
expect_rc "zorgtoeslag unknown option" 2

# --- huurtoeslag ---

# 2025 eenpersoons, kale huur 900: row 26.500 -> 414 (metronieuws.nl 2025-01,
# nosnews.nl/?p=4799); basishuur 282,77 and the parts as written out in
# check_huurtoeslag.c (414,99 -> 414).
run $S huurtoeslag --date 2025-03-01 --rent 900 --income 26500 --json
expect_rc "huurtoeslag 2025 table row" 0
expect_json "2025 row 26.500 -> 414" .month_amount 41400
expect_json "entitlement in cents" .month_exact 41499
expect_json "basishuur" .basishuur 28277
expect_json "rekenhuur" .rekenhuur 90000
expect_json "part 100 %" .part_100 19443
expect_json "part 65 %" .part_65 13374
expect_json "part 40 %" .part_40 8682
expect_json "outcome paid" .outcome paid
expect_json "2025 1p MIP is not provisional" '.provisional | length' 0

# Row 46.500 -> 0.
run $S huurtoeslag --date 2025-03-01 --rent 900 --income 46500 --json
expect_json "2025 row 46.500 -> 0" .month_amount 0

# Gemeente Capelle a/d IJssel: 2025 limit 900,07, single, low income -> 498.
run $S huurtoeslag --date 2025-03-01 --rent 900.07 --income 18000 --json
expect_json "2025 rent at the limit -> 498" .month_amount 49800
# One cent above: art. 13 lid 1 (2025), no huurtoeslag (not an error).
run $S huurtoeslag --date 2025-03-01 --rent 900.08 --income 18000 --json
expect_rc "rent above the 2025 limit is an answer" 0
expect_json "rent above the 2025 limit" .outcome rent_too_high
expect_json "... nothing paid" .month_amount 0

# 2026: the limit only caps (art. 21 lid 1 onder d): rent 1.000 counts as 932,93:
# 295,68 + 139,633 + 87,964 = 523,28 -> 523 (check_huurtoeslag.c); the 2026
# minimum-inkomensijkpunt is provisional and listed.
run $S huurtoeslag --date 2026-02-01 --rent 1000 --income 20000 --json
expect_json "2026 rent above the cap still paid" .month_amount 52300
expect_json "2026 rent counted up to the cap" .rent_subsidised 93293
expect_json "2026 provisional MIP listed" '.provisional | index("huurtoeslag.mip.single") != null' true
# 2026 afbouw: income 30.000: (30.000 - 23.425) x 27% / 12 = 147,94 -> 375,34.
run $S huurtoeslag --date 2026-02-01 --rent 932.93 --income 30000 --json
expect_json "2026 afbouw" .afbouw 14794
expect_json "2026 afbouw result" .month_exact 37534
# Service costs no longer count in 2026; in 2025 at most 48: 600 + 60 -> 648.
run $S huurtoeslag --date 2026-02-01 --rent 700 --service-costs 40 --income 20000 --json
expect_json "2026 service costs ignored" .rekenhuur 70000
run $S huurtoeslag --date 2025-02-01 --rent 600 --service-costs 60 --income 20000 --json
expect_json "2025 service costs capped at 48" .rekenhuur 64800
# Three persons, 2026: aftoppingsgrens 764,14; 537,867 -> 537,87.
run $S huurtoeslag --date 2026-02-01 --rent 932.93 --income 31500 --household multi --persons 3 --json
expect_json "2026 three persons" .month_exact 53787
expect_json "2026 three persons aftopping" .aftoppingsgrens 76414
# Age: 17 -> nothing (art. 8).
run $S huurtoeslag --date 2025-06-01 --rent 500 --income 10000 --birth-date 2008-01-01 --json
expect_json "under 18" .outcome under_age
# 2024, two persons with a member at the AOW age: meerpersoonsouderen, 416,35.
run $S huurtoeslag --date 2024-05-01 --rent 700 --income 20000 --household multi --aow --json
expect_json "2024 ouderen type" .household_type meerpersoonsouderen
expect_json "2024 ouderen amount" .month_exact 41635

run $S huurtoeslag --date 2025-03-01 --rent 900 --income 26500
expect_rc "huurtoeslag text" 0
expect_out "text: basishuur" "basishuur"
expect_out "text: 414,99" "414,99"

run $S huurtoeslag --help
expect_rc "huurtoeslag --help" 0
expect_out "usage names --service-costs" "--service-costs"

fail_input "huurtoeslag bad rent" "--rent" $S huurtoeslag --date 2025-01-01 --rent x --income 1000
fail_input "huurtoeslag bad income" "--income" $S huurtoeslag --date 2025-01-01 --rent 500 --income 1e5
fail_input "huurtoeslag bad date" "--date" $S huurtoeslag --date 2025-02-30 --rent 500 --income 1000
fail_input "huurtoeslag bad household" "--household" \
    $S huurtoeslag --date 2025-01-01 --rent 500 --income 1000 --household family
fail_input "huurtoeslag zero persons" "--persons" \
    $S huurtoeslag --date 2025-01-01 --rent 500 --income 1000 --persons 0
fail_input "huurtoeslag two persons single" "--persons" \
    $S huurtoeslag --date 2025-01-01 --rent 500 --income 1000 --persons 2
fail_input "huurtoeslag one person multi" "--persons" \
    $S huurtoeslag --date 2025-01-01 --rent 500 --income 1000 --household multi --persons 1
fail_input "huurtoeslag birth after date" "--birth-date" \
    $S huurtoeslag --date 2025-01-01 --rent 500 --income 1000 --birth-date 2030-01-01
fail_input "huurtoeslag negative service costs" "--service-costs" \
    $S huurtoeslag --date 2025-01-01 --rent 500 --income 1000 --service-costs -1
fail_input "huurtoeslag date without tables" "huurtoeslag." \
    $S huurtoeslag --date 2023-06-01 --rent 500 --income 1000
run $S huurtoeslag --date 2025-01-01 --income 1000
expect_rc "huurtoeslag without --rent is a usage error" 2
expect_no_out "huurtoeslag usage error"
