/* check_employer.c - the employer's month (premies, LKS, LKV, cost per productive
 * hour) and the municipality's business case (break-even month). Expected figures
 * are hand calculations on the shipped tables, written out next to them:
 * 2026 rates from tables/werkgever.xml (AWf laag 2.74 %, Aof laag 6.27 %,
 * kinderopvang 0.50 %, Whk 1.52 %, Zvw 6.10 %, Ufo 0.68 %; LKV banenafspraak
 * EUR 1.01/h max 2,000/yr, arbeidsgehandicapt EUR 3.05/h max 6,000/yr), WML
 * EUR 14.71/h, LKS 70 % / 50 % / 23.5 %; municipal prices from tables/gemeenten/. */
#include <string.h>

#include "switchsim/employer.h"
#include "switchsim/money.h"
#include "testutil.h"

#define PCT(x) ((int64_t)(x) * SW_PPM_PER_PERCENT)

/* A 32 h job at the WML from 2025-06-01: forfait, then a measured 50 % from
 * 2025-12-01. */
static struct sw_loonwaarde_period periods[2];

static struct sw_employer_input base_input(void)
{
    struct sw_employer_input in;

    memset(&in, 0, sizeof(in));
    periods[0].from = test_date("2025-06-01");
    periods[0].percent = PCT(50);
    periods[0].forfaitair = true;
    periods[1].from = test_date("2025-12-01");
    periods[1].percent = PCT(50);
    periods[1].forfaitair = false;
    in.job.start = test_date("2025-06-01");
    in.job.end = SW_NO_DATE;
    in.job.birth = SW_NO_DATE;
    in.job.hours_x100 = 3200;
    in.job.periods = periods;
    in.job.nperiods = 2;
    in.lks = true;
    in.whk_rate = -1;
    in.lkv = SW_LKV_BANENAFSPRAAK;
    in.doelgroepregister = true;
    return in;
}

/* February 2026, market employer, AWf laag, Aof laag, average Whk:
 *   gross 14.71 x 32 x 52 / 12 = 2039.78667 -> 2039.79; VT 8 % = 163.1832 -> 163.18;
 *   premieloon 2202.97 (below the monthly maximum 79,409 / 12 = 6617.42)
 *   AWf 2202.97 x 2.74 %  =  60.361378 -> 60.36
 *   Aof 2202.97 x 6.27 %  = 138.126219 -> 138.13
 *   kinderopvang x 0.50 % =  11.01485  -> 11.01
 *   Whk x 1.52 %          =  33.485144 -> 33.49
 *   Zvw x 6.10 %          = 134.38117  -> 134.38
 *   charges 377.37; labour cost 2202.97 + 377.37 = 2580.34
 *   LKS (measured 50 % of 2202.97 = 1101.485 -> 1101.49): 2202.97 - 1101.49 = 1101.48;
 *     werkgeverslasten 1101.48 x 0.235 = 258.8478 -> 258.85; received 1360.33
 *   LKV banenafspraak: hours 32 x 52 / 12 = 138.6667 -> 138.67 h; x 1.01 = 140.0567 ->
 *     140.06 (< 2,000 / 12 = 166.67); start 2025 -> 3 years, so still running
 *   net cost 2580.34 - 1360.33 - 140.06 = 1079.95
 *   productive hours 138.67 x 50 % = 69.335 -> 69.34 h
 *   per productive hour 1079.95 / 69.34 = 15.5746 -> 15.57 */
START_TEST(test_employer_month_hand_calculation)
{
    struct sw_ctx c = test_ctx();
    struct sw_employer_input in = base_input();
    struct sw_employer_month m;
    struct sw_err err;

    ck_assert_msg(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err) == SW_OK,
                  "%s", err.msg);
    ck_assert_int_eq(m.days, 28);
    ck_assert_int_eq(m.gross_wage, 203979);
    ck_assert_int_eq(m.holiday_pay, 16318);
    ck_assert_int_eq(m.premieloon, 220297);
    ck_assert_int_eq(m.awf, 6036);
    ck_assert_int_eq(m.aof, 13813);
    ck_assert_int_eq(m.kinderopvang, 1101);
    ck_assert_int_eq(m.whk, 3349);
    ck_assert_int_eq(m.zvw, 13438);
    ck_assert_int_eq(m.ufo, 0);
    ck_assert_int_eq(m.charges, 37737);
    ck_assert_int_eq(m.labour_cost, 258034);
    ck_assert_int_eq(m.lks.total, 136033);
    ck_assert_int_eq(m.lkv, 14006);
    ck_assert_int_eq(m.lkv_paid_year, 2027);
    ck_assert_int_eq(m.net_cost, 107995);
    ck_assert_int_eq(m.hours_x100, 13867);
    ck_assert_int_eq(m.productive_hours_x100, 6934);
    ck_assert_int_eq(m.cost_per_productive_hour, 1557);
    ck_assert(m.no_risk_polis);
}
END_TEST

START_TEST(test_employer_month_variants)
{
    struct sw_ctx c = test_ctx();
    struct sw_employer_input in = base_input();
    struct sw_employer_month m;
    struct sw_err err;

    /* Government employer: Ufo 2202.97 x 0.68 % = 14.980196 -> 14.98 on top. */
    in.government = true;
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.ufo, 1498);
    ck_assert_int_eq(m.charges, 37737 + 1498);
    in.government = false;
    /* AWf hoog 7.74 %: 2202.97 x 7.74 % = 170.509878 -> 170.51. */
    in.awf_high = true;
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.awf, 17051);
    in.awf_high = false;
    /* Own Whk rate 2 %: 2202.97 x 2 % = 44.0594 -> 44.06. */
    in.whk_rate = PCT(2);
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.whk, 4406);
    in.whk_rate = -1;
    /* No LKS, no LKV: net cost = labour cost 2580.34. */
    in.lks = false;
    in.lkv = SW_LKV_NONE;
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lks.total, 0);
    ck_assert_int_eq(m.lkv, 0);
    ck_assert_int_eq(m.net_cost, 258034);
    /* Before the job: zeros, no cost per hour. */
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2025, 5), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.net_cost, 0);
    ck_assert_int_eq(m.cost_per_productive_hour, -1);
}
END_TEST

/* The LKV maximum is pro rata a full working week; at 40 h it binds. Its duration
 * runs years past the last published WML (2026-07-01; tables/wml.xml ends,
 * unpublished, on 2027-01-01), so the wage there is projected (c.project): the LKV
 * figures depend on hours only. */
START_TEST(test_employer_lkv_maximum_and_duration)
{
    struct sw_ctx c = test_ctx();
    struct sw_employer_input in = base_input();
    struct sw_employer_month m;
    struct sw_err err;

    c.project = true;

    in.job.hours_x100 = 4000;
    /* 40 x 52 / 12 = 173.3333 -> 173.33 h; x 3.05 = 528.6565 -> 528.66 > 6,000 / 12 =
     * 500.00: LKV arbeidsgehandicapt 500.00. */
    in.lkv = SW_LKV_ARBEIDSGEHANDICAPT;
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lkv, 50000);
    /* Banenafspraak: 173.33 x 1.01 = 175.0633 -> 175.06 > 2,000 / 12 = 166.666 -> 166.67. */
    in.lkv = SW_LKV_BANENAFSPRAAK;
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lkv, 16667);
    /* Started 2025-06-01 under the old rules: 3 years, up to 2028-05-31. */
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2028, 5), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lkv, 16667);
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2028, 6), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lkv, 0);
    /* Started 2026-01-01: for as long as the job lasts (Wtl 2026). */
    periods[0].from = in.job.start = test_date("2026-01-01");
    periods[1].from = test_date("2026-07-01");
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2029, 6), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lkv, 16667);
    /* Herplaatst: 1 year from 2026-01-01, so nothing in January 2027. */
    in.lkv = SW_LKV_HERPLAATST;
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 12), &in, &m, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(m.lkv, 50000);
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2027, 1), &in, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lkv, 0);
}
END_TEST

/* July 2026, the same job at the WML of 1 July 2026: EUR 14.99 an hour (Regeling
 * indexatie WML per 1 juli 2026, Stcrt. 2026, 16505; Rijksoverheid "Bedragen
 * minimumloon 2026"); the 2026 premium rates are unchanged mid-year:
 *   gross 14.99 x 32 x 52 / 12 = 2078.61333 -> 2078.61; VT 8 % = 166.2888 -> 166.29;
 *   premieloon 2244.90
 *   AWf 2244.90 x 2.74 %  =  61.51026 -> 61.51
 *   Aof 2244.90 x 6.27 %  = 140.75523 -> 140.76
 *   kinderopvang x 0.50 % =  11.2245  -> 11.22
 *   Whk x 1.52 %          =  34.12248 -> 34.12
 *   Zvw x 6.10 %          = 136.93890 -> 136.94
 *   charges 384.55; labour cost 2244.90 + 384.55 = 2629.45
 *   LKS (measured 50 % of 2244.90 = 1122.45): 2244.90 - 1122.45 = 1122.45;
 *     werkgeverslasten 1122.45 x 0.235 = 263.77575 -> 263.78; received 1386.23
 *   LKV banenafspraak 138.67 h x 1.01 = 140.06 (unchanged: hours only)
 *   net cost 2629.45 - 1386.23 - 140.06 = 1103.16
 *   per productive hour 1103.16 / 69.34 = 15.9094 -> 15.91 */
START_TEST(test_employer_month_july_2026)
{
    struct sw_ctx c = test_ctx();
    struct sw_employer_input in = base_input();
    struct sw_employer_month m;
    struct sw_err err;

    ck_assert_msg(sw_employer_month(&c, sw_month_from_ym(2026, 7), &in, &m, NULL, &err) == SW_OK,
                  "%s", err.msg);
    ck_assert_int_eq(m.gross_wage, 207861);
    ck_assert_int_eq(m.holiday_pay, 16629);
    ck_assert_int_eq(m.premieloon, 224490);
    ck_assert_int_eq(m.awf, 6151);
    ck_assert_int_eq(m.aof, 14076);
    ck_assert_int_eq(m.kinderopvang, 1122);
    ck_assert_int_eq(m.whk, 3412);
    ck_assert_int_eq(m.zvw, 13694);
    ck_assert_int_eq(m.charges, 38455);
    ck_assert_int_eq(m.labour_cost, 262945);
    ck_assert_int_eq(m.lks.total, 138623);
    ck_assert_int_eq(m.lkv, 14006);
    ck_assert_int_eq(m.net_cost, 110316);
    ck_assert_int_eq(m.cost_per_productive_hour, 1591);
}
END_TEST

/* Employer rates for 2027 as far as published by 2026-12-05. The voorlopige
 * percentages in the Memorie van toelichting begroting SZW 2027 (par. 7.1.1): AWf
 * 2,74 % / 7,74 % (unchanged), Aof 6,67 % / 8,03 %, opslag kinderopvang 0,50 %;
 * provisional in the tables until the Regeling premiepercentages 2027 is found. The
 * rest (Ufo, average Whk, Zvw, maximum premieloon, maximum bijdrageloon Zvw) was not
 * found: no silent 2026 value in 2027. */
struct rate_case {
    const char *id;
    int64_t y2026, y2027;   /* ppm */
};

static const struct rate_case rates_2027[] = {
    {"werkgever.awf.low", PCT(274) / 100, PCT(274) / 100},
    {"werkgever.awf.high", PCT(774) / 100, PCT(774) / 100},
    {"werkgever.aof.low", PCT(627) / 100, PCT(667) / 100},
    {"werkgever.aof.high", PCT(763) / 100, PCT(803) / 100},
    {"werkgever.aof.kinderopvang_opslag", PCT(50) / 100, PCT(50) / 100},
};

START_TEST(test_employer_rates_2027)
{
    static const char *const missing[] = {"werkgever.ufo", "werkgever.whk.average",
                                          "werkgever.zvw.rate"};
    static const char *const missing_amounts[] = {"werkgever.max_premieloon",
                                                  "werkgever.zvw.max_bijdrageloon"};
    struct sw_ctx c = test_ctx();
    struct sw_value_info info;
    struct sw_err err;
    int64_t v = -1;

    for (size_t i = 0; i < sizeof(rates_2027) / sizeof(rates_2027[0]); i++) {
        ck_assert_int_eq(sw_param(&c, rates_2027[i].id, test_date("2026-12-31"),
                                  SW_UNIT_PERCENT, &v, NULL, &err), SW_OK);
        ck_assert_int_eq(v, rates_2027[i].y2026);
        ck_assert_int_eq(sw_param(&c, rates_2027[i].id, test_date("2027-01-01"),
                                  SW_UNIT_PERCENT, &v, &info, &err), SW_OK);
        ck_assert_int_eq(v, rates_2027[i].y2027);
        ck_assert(info.provisional);
        /* 2028 is not known yet. */
        ck_assert_int_eq(sw_param(&c, rates_2027[i].id, test_date("2028-01-01"),
                                  SW_UNIT_PERCENT, &v, NULL, &err), SW_ERR_NO_VALUE);
    }
    for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
        ck_assert_int_eq(sw_param(&c, missing[i], test_date("2026-12-31"), SW_UNIT_PERCENT, &v,
                                  NULL, &err), SW_OK);
        ck_assert_int_eq(sw_param(&c, missing[i], test_date("2027-01-01"), SW_UNIT_PERCENT, &v,
                                  NULL, &err), SW_ERR_NO_VALUE);
        ck_assert_str_eq(err.field, missing[i]);
    }
    for (size_t i = 0; i < sizeof(missing_amounts) / sizeof(missing_amounts[0]); i++) {
        /* 2026: EUR 79,409 (stcrt-2025-42324, stcrt-2025-38055). */
        ck_assert_int_eq(sw_param(&c, missing_amounts[i], test_date("2026-12-31"),
                                  SW_UNIT_EUROCENT, &v, NULL, &err), SW_OK);
        ck_assert_int_eq(v, 7940900);
        ck_assert_int_eq(sw_param(&c, missing_amounts[i], test_date("2027-01-01"),
                                  SW_UNIT_EUROCENT, &v, NULL, &err), SW_ERR_NO_VALUE);
    }
    /* Ufo 2026 (0,68 %) stands; projected into 2027 only when asked. */
    c.project = true;
    ck_assert_int_eq(sw_param(&c, "werkgever.ufo", test_date("2027-01-01"), SW_UNIT_PERCENT, &v,
                              &info, &err), SW_OK);
    ck_assert_int_eq(v, PCT(68) / 100);
    ck_assert(info.projected);
}
END_TEST

START_TEST(test_employer_bad_input)
{
    struct sw_ctx c = test_ctx();
    struct sw_employer_input in = base_input();
    struct sw_employer_month m;
    struct sw_err err;

    in.job.hourly_wage = 1000;   /* EUR 10.00 < WML 14.71 */
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "job.hourly_wage");
    in.job.hourly_wage = 0;
    in.job.hours_x100 = 4100;
    ck_assert_int_eq(sw_employer_month(&c, sw_month_from_ym(2026, 2), &in, &m, NULL, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "job.hours_per_week");
    in.job.hours_x100 = 3200;
    ck_assert(sw_lkv_kind_parse("arbeidsgehandicapt", &in.lkv));
    ck_assert_int_eq(in.lkv, SW_LKV_ARBEIDSGEHANDICAPT);
    ck_assert(!sw_lkv_kind_parse("oudere", &in.lkv));
    ck_assert_str_eq(sw_lkv_kind_name(SW_LKV_HERPLAATST), "herplaatst");
}
END_TEST

/* --- the municipality --- */

static const int64_t before6[6] = {130000, 130000, 130000, 130000, 130000, 130000};
static const int64_t after6[6] = {130000, 130000, 130000, 0, 0, 0};

/* Amersfoort, January-June 2026; job from 2026-03-01, 32 h at the WML with the
 * forfaitaire LKS; 6 dagdelen dagactiviteiten basis before; Jaartraject (begeleiding
 * op afstand, EUR 350 a month) while working.
 *   dagbesteding 51.20 x 6 x 52 / 12 = 1331.20 a month
 *   before, every month: 1300.00 + 1331.20 = 2631.20
 *   after Jan, Feb: the same (saving 0, cumulative 0)
 *   after Mar: bijstand 1300.00 (paid in advance) + LKS 1360.34 + 350.00 = 3010.34;
 *     saving -379.14; cumulative -379.14
 *   after Apr-Jun: 0 + 1360.34 + 350.00 = 1710.34; saving 920.86;
 *     cumulative 541.72, 1462.58, 2383.44
 *   break-even: April 2026 (from April on the cumulative saving stays >= 0)
 *   totals: before 6 x 2631.20 = 15787.20; after 2 x 2631.20 + 3010.34 + 3 x 1710.34 =
 *     13403.76; saving 2383.44 */
START_TEST(test_municipality_break_even_hand_calculation)
{
    struct sw_ctx c = test_ctx();
    static const char *const after_products[] = {"jaartraject"};
    struct sw_loonwaarde_period p[1] = {{0, PCT(50), true}};
    struct sw_muni_input in;
    static struct sw_muni_case r;
    struct sw_err err;

    c.municipality = "amersfoort";
    memset(&in, 0, sizeof(in));
    p[0].from = test_date("2026-03-01");
    in.first = sw_month_from_ym(2026, 1);
    in.months = 6;
    in.bijstand_before = before6;
    in.bijstand_after = after6;
    in.dagdelen_before = 6;
    in.after_products = after_products;
    in.n_after = 1;
    in.lks = true;
    in.job.start = test_date("2026-03-01");
    in.job.end = SW_NO_DATE;
    in.job.birth = SW_NO_DATE;
    in.job.hours_x100 = 3200;
    in.job.periods = p;
    in.job.nperiods = 1;
    ck_assert_msg(sw_municipality_case(&c, &in, &r, &err) == SW_OK, "%s", err.msg);
    ck_assert_int_eq(r.dagdeel_price, 5120);
    ck_assert_ptr_nonnull(strstr(r.dagdeel_price_info.source, "000_2e7113b4d01c7151.txt"));
    ck_assert_int_eq(r.months[0].dagbesteding_before, 133120);
    ck_assert_int_eq(r.months[0].cost_before, 263120);
    ck_assert_int_eq(r.months[0].saving, 0);
    ck_assert_int_eq(r.months[2].lks, 136034);
    ck_assert_int_eq(r.months[2].dagbesteding_after, 0);
    ck_assert_int_eq(r.months[2].products_after, 35000);
    ck_assert_int_eq(r.months[2].cost_after, 301034);
    ck_assert_int_eq(r.months[2].cumulative_saving, -37914);
    ck_assert_int_eq(r.months[3].saving, 92086);
    ck_assert_int_eq(r.months[3].cumulative_saving, 54172);
    ck_assert_int_eq(r.months[5].cumulative_saving, 238344);
    ck_assert(r.has_break_even);
    ck_assert_int_eq(r.break_even, sw_month_from_ym(2026, 4));
    ck_assert_int_eq(r.total_before, 1578720);
    ck_assert_int_eq(r.total_after, 1340376);
    ck_assert_int_eq(r.total_saving, 238344);
    ck_assert_int_eq((long)r.nproducts, 1);
    ck_assert_int_eq(r.products[0].month_price, 35000);
    ck_assert_int_eq(r.products[0].total, 4 * 35000);
}
END_TEST

/* Amsterdam, no LKS: begeleiding beschut werk EUR 8,500 a year for 36 h, pro rata 32 h,
 * and the jobcoach EUR 2,500 in the first year; job from 2026-03-16.
 *   begeleiding 8500 / 12 = 708.3333 -> 708.33; x 32 / 36 = 629.6267 -> 629.63
 *   jobcoach 2500 / 12 = 208.3333 -> 208.33 a month, 2026-03-16 .. 2027-03-15
 *   March 2026, 16 of 31 days: 629.63 x 16 / 31 = 324.9703 -> 324.97;
 *     208.33 x 16 / 31 = 107.5252 -> 107.53; together 432.50
 *   April 2026: 629.63 + 208.33 = 837.96
 *   March 2027, 15 days of jobcoach: 208.33 x 15 / 31 = 100.8048 -> 100.80;
 *     with begeleiding 730.43
 *   No bijstand saved and nothing else before: the case never breaks even. */
START_TEST(test_municipality_amsterdam_begeleiding_pro_rata)
{
    struct sw_ctx c = test_ctx();
    static const char *const after_products[] = {"begeleiding_beschut", "jobcoach"};
    static const int64_t zeros[13];
    struct sw_muni_input in;
    static struct sw_muni_case r;
    struct sw_err err;

    c.municipality = "amsterdam";
    memset(&in, 0, sizeof(in));
    in.first = sw_month_from_ym(2026, 3);
    in.months = 13;
    in.bijstand_before = zeros;
    in.bijstand_after = zeros;
    in.after_products = after_products;
    in.n_after = 2;
    in.job.start = test_date("2026-03-16");
    in.job.end = SW_NO_DATE;
    in.job.birth = SW_NO_DATE;
    in.job.hours_x100 = 3200;
    ck_assert_msg(sw_municipality_case(&c, &in, &r, &err) == SW_OK, "%s", err.msg);
    ck_assert_int_eq(r.products[0].month_price, 62963);
    ck_assert_int_eq(r.products[1].month_price, 20833);
    ck_assert_int_eq(r.months[0].products_after, 43250);
    ck_assert_int_eq(r.months[1].products_after, 83796);
    ck_assert_int_eq(r.months[12].products_after, 73043);
    ck_assert_ptr_nonnull(strstr(r.products[0].price.source, "8.500 euro"));
    ck_assert(!r.has_break_even);
    ck_assert_int_eq(r.break_even, -1);
}
END_TEST

/* Rijk van Nijmegen: the ontwikkelarrangement EUR 3,200 a year while on dagbesteding
 * (3200 / 12 = 266.6667 -> 266.67 a month); with a job from 2026-02-01 it stops. */
START_TEST(test_municipality_before_product_stops_with_the_job)
{
    struct sw_ctx c = test_ctx();
    static const char *const before_products[] = {"ontwikkelarrangement"};
    static const int64_t zeros[3];
    struct sw_muni_input in;
    static struct sw_muni_case r;
    struct sw_err err;

    c.municipality = "rijk_van_nijmegen";
    memset(&in, 0, sizeof(in));
    in.first = sw_month_from_ym(2026, 1);
    in.months = 3;
    in.bijstand_before = zeros;
    in.bijstand_after = zeros;
    in.before_products = before_products;
    in.n_before = 1;
    in.job.start = test_date("2026-02-01");
    in.job.end = SW_NO_DATE;
    in.job.birth = SW_NO_DATE;
    in.job.hours_x100 = 3200;
    ck_assert_msg(sw_municipality_case(&c, &in, &r, &err) == SW_OK, "%s", err.msg);
    ck_assert_int_eq(r.months[0].products_before, 26667);
    ck_assert_int_eq(r.months[0].products_after, 26667);
    ck_assert_int_eq(r.months[1].products_before, 26667);
    ck_assert_int_eq(r.months[1].products_after, 0);
    /* Savings 0, 266.67, 266.67: cumulative >= 0 throughout; the job's first month
     * (February) is the break-even month. */
    ck_assert(r.has_break_even);
    ck_assert_int_eq(r.break_even, sw_month_from_ym(2026, 2));
}
END_TEST

START_TEST(test_municipality_missing_price_is_an_error)
{
    struct sw_ctx c = test_ctx();
    static const char *const after_products[] = {"begeleiding_beschut"};
    static const int64_t zeros[3];
    struct sw_muni_input in;
    static struct sw_muni_case r;
    struct sw_err err;

    memset(&in, 0, sizeof(in));
    in.first = sw_month_from_ym(2026, 1);
    in.months = 3;
    in.bijstand_before = zeros;
    in.bijstand_after = zeros;
    in.dagdelen_before = 4;
    in.job.start = test_date("2026-02-01");
    in.job.end = SW_NO_DATE;
    in.job.birth = SW_NO_DATE;
    in.job.hours_x100 = 3200;
    /* Rijk van Nijmegen's dagdeel tariff is not in the source: an error naming it. */
    c.municipality = "rijk_van_nijmegen";
    ck_assert_int_eq(sw_municipality_case(&c, &in, &r, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "gemeente.dagbesteding.price_per_dagdeel");
    ck_assert_ptr_nonnull(strstr(err.msg, "rijk_van_nijmegen"));
    /* The national defaults hold no prices at all. */
    c.municipality = NULL;
    in.dagdelen_before = 0;
    in.after_products = after_products;
    in.n_after = 1;
    ck_assert_int_eq(sw_municipality_case(&c, &in, &r, &err), SW_ERR_NO_VALUE);
    ck_assert_ptr_nonnull(strstr(err.msg, "gemeente.begeleiding_beschut.price_per_month"));
    ck_assert_ptr_nonnull(strstr(err.msg, "'default'"));
    /* Bad input. */
    c.municipality = "amsterdam";
    in.months = 0;
    ck_assert_int_eq(sw_municipality_case(&c, &in, &r, &err), SW_ERR_INVALID);
    in.months = 3;
    in.dagdelen_before = -1;
    ck_assert_int_eq(sw_municipality_case(&c, &in, &r, &err), SW_ERR_INVALID);
    in.dagdelen_before = 0;
    in.lks = true;   /* LKS without loonwaarde periods */
    ck_assert_int_eq(sw_municipality_case(&c, &in, &r, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "job.loonwaarde");
}
END_TEST

static Suite *employer_suite(void)
{
    Suite *s = suite_create("employer");
    TCase *core = tcase_create("Core");
    TCase *limits = tcase_create("Limits");

    tcase_add_test(core, test_employer_month_hand_calculation);
    tcase_add_test(core, test_employer_month_variants);
    tcase_add_test(core, test_employer_lkv_maximum_and_duration);
    tcase_add_test(core, test_employer_month_july_2026);
    tcase_add_test(core, test_employer_rates_2027);
    tcase_add_test(core, test_municipality_break_even_hand_calculation);
    tcase_add_test(core, test_municipality_amsterdam_begeleiding_pro_rata);
    tcase_add_test(core, test_municipality_before_product_stops_with_the_job);
    tcase_add_test(limits, test_employer_bad_input);
    tcase_add_test(limits, test_municipality_missing_price_is_an_error);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(employer_suite)
