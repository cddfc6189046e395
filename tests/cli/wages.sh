#!/bin/sh
# `switchsim net` and `switchsim wml`: the CONTRACT.md examples, published table rows
# and minimum wages, and bad input (exit 1, the option named, nothing on stdout;
# usage errors exit 2). Every expected figure names its source; the written-out
# hand calculations are in tests/unit/check_loonheffing.c and check_wml.c.
. tests/lib.sh

# --- net -------------------------------------------------------------------------

# CONTRACT.md: {"gross":200000,"loonheffing":6125,"net":193875,"korting_applied":true}.
# 2026 by hand: L = 444 x 54 = 23 976; floor(23 976 x 0,3575) = 8 571; AHK 3 115;
# arbeidskorting ceil(996 + 0,31009 x 12 011) = 4 721; (8 571 - 7 836) / 12 = 61,25.
run "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --json
expect_rc "contract example" 0
expect_json "contract: gross" '.gross' 200000
expect_json "contract: loonheffing" '.loonheffing' 6125
expect_json "contract: net" '.net' 193875
expect_json "contract: korting applied" '.korting_applied' true
expect_json "table wage 1 998,00 (row below 2 000)" '.table_wage' 199800
expect_json "table wage annual 23 976" '.table_wage_annual' 2397600
expect_json "tax annual 8 571" '.tax_annual' 857100
expect_json "ahk 3 115" '.ahk' 311500
expect_json "arbeidskorting 4 721" '.arbeidskorting' 472100
expect_json "below AOW age" '.aow_age' false
expect_json "nothing provisional in 2026" '.provisional | length' 0
expect_json "tables named by sha256" '.tables.sha256 | length' 64
expect_json "explanation names the table step" \
    '[.explanation[0].parameters[].id] | index("loonheffing.table.annual_step") != null' true

# Published 2026 witte maandtabel (wit_mnd_nl_std_20260101, page 24/25 as transcribed
# in EdwinCycling/LiquidHR PAYLAB03-INDEPENDENT-ORACLE.md): 3 996,00 zonder 1 442,17,
# met 818,67; 4 000,49 falls in that row; 4 000,50 is the next row, met 820,92.
run "$SWITCHSIM" net --gross 4000.49 --date 2026-06-25 --json
expect_json "4000.49 uses row 3996.00" '.table_wage' 399600
expect_json "4000.49 met korting 818,67" '.loonheffing' 81867
run "$SWITCHSIM" net --gross 4000.50 --date 2026-06-25 --json
expect_json "4000.50 met korting 820,92" '.loonheffing' 82092
run "$SWITCHSIM" net --gross 3996 --date 2026-06-25 --no-korting --json
expect_rc "no korting" 0
expect_json "3996.00 zonder korting 1 442,17" '.loonheffing' 144217
expect_json "no korting: none applied" '[.korting_applied, .ahk, .arbeidskorting] | map(tostring) | join(",")' "false,0,0"
# 9 000,00: zonder 3 615,92, met 3 480,67 (page 55)
run "$SWITCHSIM" net --gross 9000 --date 2026-12-31 --json
expect_json "9000.00 met korting 3 480,67" '.loonheffing' 348067

# AOW age, born 1946 or later, 2026 (T26 rows of the official table): 4 000,50 met
# korting 405,33, with the alleenstaande-ouderenkorting 360,33.
run "$SWITCHSIM" net --gross 4000.50 --date 2026-03-01 --birth-date 1955-05-01 --json
expect_json "AOW 4000.50 met korting 405,33" '.loonheffing' 40533
expect_json "AOW tables used" '.aow_age' true
run "$SWITCHSIM" net --gross 4000.50 --date 2026-03-01 --birth-date 1955-05-01 --aok --json
expect_json "AOW 4000.50 with AOK 360,33" '.loonheffing' 36033

# Above the table (2026 Lmax 133 110 = 11 092,50 a month): 4 651,67 + floor(907,50 x
# 49,50 % = 449,2125) = 5 100,88.
run "$SWITCHSIM" net --gross 12000 --date 2026-03-01 --json
expect_json "above the table" '[.above_table, .loonheffing] | map(tostring) | join(",")' "true,510088"

# ADP (hartvannederland.nl, "stijging nettoloon 2026"): 2 000 a month earns 21,58
# more net in 2026 than in 2025, so 2025 withholds 61,25 + 21,58 = 82,83.
run "$SWITCHSIM" net --gross 2000 --date 2025-03-01 --json
expect_json "2025: 82,83 (ADP difference 21,58)" '.loonheffing' 8283
# ADP 2024 -> 2025 ("eerste loonstrookje 2025"): 4 000 a month: 55,50 less tax in
# 2025 (851,75) than in 2024, so 2024 withholds 907,25.
run "$SWITCHSIM" net --gross 4000 --date 2024-03-01 --json
expect_json "2024: 907,25 (ADP difference 55,50)" '.loonheffing' 90725

# Vakantiebijslag by the tabel bijzondere beloningen 2026 (official, row from 29 737:
# 40,20 %): 1 500,00 x 0,4020 = 603,00.
run "$SWITCHSIM" net --gross 2500 --date 2026-05-25 --holiday-pay 1500 --annual-wage 30000 --json
expect_rc "holiday pay" 0
expect_json "holiday pay percent 40,20" '.holiday_pay_percent' 40.2
expect_json "holiday pay loonheffing 603,00" '.holiday_pay_loonheffing' 60300
expect_json "net total = both nets" '.net_total == (.net + .holiday_pay_net)' true
# Default jaarloon 12 x 2 500 + 1 500 = 31 500: the same row.
run "$SWITCHSIM" net --gross 2500 --date 2026-05-25 --holiday-pay 1500 --json
expect_json "default annual wage 31 500" '.holiday_pay_annual_wage' 3150000
# 2025 rows are provisional (derived; a few confirmed by humanwave.nl).
run "$SWITCHSIM" net --gross 2500 --date 2025-05-25 --holiday-pay 1500 --json
expect_json "2025 bijzondere beloningen provisional" '.provisional | index("loonheffing.bijzonder") != null' true

# AOW age with korting, vakantiebijslag by the AOW column of the tabel bijzondere
# beloningen 2026 (wit_bb_nl_std_20260101, born 1946 or later, excl.
# alleenstaande-ouderenkorting, row from 38 884: 37,56 + 2,22 = 39,78 %):
# 1 000,00 x 0,3978 = 397,80.
run "$SWITCHSIM" net --gross 2000 --date 2026-05-25 --birth-date 1950-01-01 --holiday-pay 1000 --annual-wage 40000 --json
expect_rc "AOW holiday pay" 0
expect_json "AOW holiday pay percent 39,78" '.holiday_pay_percent' 39.78
expect_json "AOW holiday pay loonheffing 397,80" '.holiday_pay_loonheffing' 39780
# Born before 1946: the first bracket runs to 41 123, the row from 34 719 (17,85 +
# 2,22 = 20,07 %) still applies at 40 000: 200,70.
run "$SWITCHSIM" net --gross 2000 --date 2026-05-25 --birth-date 1940-01-01 --holiday-pay 1000 --annual-wage 40000 --json
expect_json "AOW before 1946 holiday pay 200,70" '.holiday_pay_loonheffing' 20070

# 2027 (Rekenvoorschriften 2027, Prinsjesdagversie, provisional): above the table
# (Lmax 139 050 = 11 587,50 a month): c3 29 169 + floor(60 624 x 0,495) = 59 177
# / 12 = 4 931,42, + floor(412,50 x 0,495 = 204,1875) = 5 135,60.
run "$SWITCHSIM" net --gross 12000 --date 2027-03-01 --json
expect_rc "2027 above the table" 0
expect_json "2027 above the table: 5 135,60" '[.above_table, .loonheffing] | map(tostring) | join(",")' "true,513560"
expect_json "2027 Lmax provisional" '.provisional | index("loonheffing.table.max_annual") != null' true
expect_json "2027 brackets provisional" '.provisional | index("loonheffing.brackets") != null' true

run "$SWITCHSIM" net --gross 2000 --date 2026-03-01
expect_rc "text output" 0
expect_out "text names the net wage" "nettoloon"
expect_out "text in euros" "1.938,75"

# Bad input: exit 1, the option named, nothing on stdout.
fail_input "negative gross" "--gross" "$SWITCHSIM" net --gross -5 --date 2026-03-01
fail_input "malformed gross" "--gross" "$SWITCHSIM" net --gross abc --date 2026-03-01
fail_input "exponent gross" "--gross" "$SWITCHSIM" net --gross 1e5 --date 2026-03-01
fail_input "absurd gross" "--gross" "$SWITCHSIM" net --gross 99999999999 --date 2026-03-01
fail_input "too many decimals" "--gross" "$SWITCHSIM" net --gross 2000.001 --date 2026-03-01
fail_input "impossible date" "--date" "$SWITCHSIM" net --gross 2000 --date 2026-02-30
fail_input "date before the tables" "--date" "$SWITCHSIM" net --gross 2000 --date 2023-06-01
fail_input "date after the tables (2028, strict)" "loonheffing.brackets" "$SWITCHSIM" net --gross 2000 --date 2028-01-01 --strict
fail_input "birth date after the date" "--birth-date" "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --birth-date 2026-03-02
fail_input "malformed birth date" "--birth-date" "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --birth-date 1990-13-01
fail_input "malformed holiday pay" "--holiday-pay" "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --holiday-pay x
fail_input "negative annual wage" "--annual-wage" "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --holiday-pay 100 --annual-wage -1
fail_input "2025 above the arbeidskorting: Lmax not found" "loonheffing.table.max_annual" "$SWITCHSIM" net --gross 11000 --date 2025-03-01
fail_input "AOW-age bijzondere beloningen 2025 not found" "loonheffing.bijzonder.aow" "$SWITCHSIM" net --gross 2000 --date 2025-05-25 --birth-date 1950-01-01 --holiday-pay 1000
fail_input "AOW-age bijzondere beloningen with the alleenstaande-ouderenkorting not in the tables" "loonheffing.bijzonder.aow_aok" "$SWITCHSIM" net --gross 2000 --date 2026-05-25 --birth-date 1950-01-01 --aok --holiday-pay 1000

# Usage errors: exit 2.
run env SWITCHSIM_TODAY=2026-12-05 "$SWITCHSIM" net --gross 2000 --json
expect_rc "no --date: today" 0
expect_json "no --date: the date is today" '.date' 2026-12-05 
run "$SWITCHSIM" net --date 2026-03-01
expect_rc "missing --gross" 2
run "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --frobnicate
expect_rc "unknown option" 2
run "$SWITCHSIM" net --gross
expect_rc "option without value" 2
run "$SWITCHSIM" net --help
expect_rc "help" 0
expect_out "help shows usage" "usage: switchsim net"

# --- wml -------------------------------------------------------------------------

# CONTRACT.md: {"hourly":1471,"monthly":...,"percent":100}; 2026-01-01: 14,71
# (Rijksoverheid, uitkeringsbedragen per 1 januari 2026); 14,71 x 28 x 52 / 12 =
# 1 784,8133 -> 1 784,81; vakantiebijslag 8 % = 142,78.
run "$SWITCHSIM" wml --date 2026-01-15 --hours 28 --json
expect_rc "wml contract example" 0
expect_json "wml: hourly 14,71" '.hourly' 1471
expect_json "wml: percent 100" '.percent' 100
expect_json "wml: monthly 1 784,81" '.monthly' 178481
expect_json "wml: holiday pay accrued 142,78" '.holiday_pay_accrued' 14278
expect_json "wml: holiday pay in May" '.holiday_pay_month' 5
expect_json "wml: no age without birth date" '.age' null

# mkbservicedesk.nl (July 2025): 14,40 x 40 x 52 / 12 = 2 496,00.
run "$SWITCHSIM" wml --date 2025-07-01 --hours 40 --json
expect_json "wml 2025-07 40 h: 2 496,00" '.monthly' 249600

# slagers.nl, 1 July 2024: "17 jaar € 5,40" (13,68 x 39,5 % = 5,4036).
run "$SWITCHSIM" wml --date 2024-07-01 --birth-date 2007-01-01 --json
expect_json "youth 17 in July 2024: 5,40" '.hourly' 540
expect_json "youth 17: 39,5 %" '.percent' 39.5
expect_json "youth 17: age" '.age' 17

# A cao wage above the minimum: 15,50 x 36 x 52 / 12 = 2 418,00.
run "$SWITCHSIM" wml --date 2026-01-15 --hours 36 --hourly-wage 15.50 --json
expect_json "cao hourly wage used" '[.hourly, .minimum_hourly, .monthly] | map(tostring) | join(",")' "1550,1471,241800"

# Part month: starts 15 April 2026, 16 of 30 days: 1 784,81 x 16 / 30 = 951,90.
run "$SWITCHSIM" wml --date 2026-04-01 --hours 28 --start 2026-04-15 --json
expect_json "part month 951,90" '.part_month' 95190
expect_json "part month days" '[.days_employed, .days_in_month] | map(tostring) | join("/")' "16/30"

run "$SWITCHSIM" wml --date 2026-01-15 --hours 28
expect_rc "wml text" 0
expect_out "wml text in euros" "14,71"

fail_input "wml date before the tables" "--date" "$SWITCHSIM" wml --date 2023-06-01
# 1 July 2026: 14,99 (Regeling indexatie WML per 1 juli 2026, Stcrt. 2026, 16505);
# 1 January 2027 is not in the tables yet.
run "$SWITCHSIM" wml --date 2026-07-01 --hours 36 --json
expect_json "wml 2026-07: hourly 14,99" '.hourly' 1499
fail_input "wml 1 January 2027 not in the tables (--strict)" "wml.hourly" "$SWITCHSIM" wml --date 2027-01-01 --strict
fail_input "wml under 15" "--birth-date" "$SWITCHSIM" wml --date 2026-01-15 --birth-date 2014-01-01
fail_input "wml birth after date" "--birth-date" "$SWITCHSIM" wml --date 2026-01-15 --birth-date 2026-02-01
fail_input "wml cao wage below the minimum" "--hourly-wage" "$SWITCHSIM" wml --date 2026-01-15 --hourly-wage 10
fail_input "wml hours malformed" "--hours" "$SWITCHSIM" wml --date 2026-01-15 --hours abc
fail_input "wml hours zero" "--hours" "$SWITCHSIM" wml --date 2026-01-15 --hours 0
fail_input "wml hours negative" "--hours" "$SWITCHSIM" wml --date 2026-01-15 --hours -4
fail_input "wml more hours than a week" "--hours" "$SWITCHSIM" wml --date 2026-01-15 --hours 169
fail_input "wml end before start" "--end" "$SWITCHSIM" wml --date 2026-04-01 --hours 28 --start 2026-04-15 --end 2026-04-10
fail_input "wml malformed start" "--start" "$SWITCHSIM" wml --date 2026-04-01 --hours 28 --start 2026-04-31

run env SWITCHSIM_TODAY=2026-12-05 "$SWITCHSIM" wml --hours 28 --json
expect_rc "wml no --date: today" 0
expect_json "wml no --date: the date is today" '.date' 2026-12-05 
run "$SWITCHSIM" wml --date 2026-01-15 --start 2026-01-10
expect_rc "wml --start without --hours" 2
