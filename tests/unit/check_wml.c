/* check_wml.c - the minimum wage by age and hours, part months and the
 * vakantiebijslag, against published amounts and hand calculations. */
#include <stdio.h>
#include <string.h>

#include "switchsim/wml.h"
#include "testutil.h"

/* The hourly minimum wage, 21 and older, on each date it changed (the tables'
 * sources: Regelingen aanpassing WML, SVB, Stcrt. 2025, 12264, Rijksoverheid
 * "Uitkeringsbedragen per 1 januari 2026", Regeling indexatie WML per 1 juli 2026
 * (Stcrt. 2026, 16505; Rijksoverheid "Bedragen minimumloon 2026": EUR 14,99)), and
 * the day before the next change. */
struct adult_case {
    const char *date;
    int64_t hourly;
};

static const struct adult_case adults[] = {
    {"2024-01-01", 1327}, {"2024-06-30", 1327}, {"2024-07-01", 1368},
    {"2025-01-01", 1406}, {"2025-07-01", 1440}, {"2026-01-01", 1471},
    {"2026-06-30", 1471}, {"2026-07-01", 1499}, {"2026-12-31", 1499},
};

START_TEST(test_adult_hourly)
{
    struct sw_ctx c = test_ctx();
    struct sw_wml w;
    struct sw_err err;

    ck_assert_int_eq(sw_wml_hourly(&c, test_date(adults[_i].date), SW_NO_DATE, "--birth-date",
                                   &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.hourly, adults[_i].hourly);
    ck_assert_int_eq(w.percent, 1000000);
    ck_assert_int_eq(w.age, -1);
}
END_TEST

/* Youth amounts 1 July 2024, published by slagers.nl: "21 jaar en ouder 13,68,
 * 20 jaar 10,94, 19 jaar 8,21, 18 jaar 6,84, 17 jaar 5,40, 16 jaar 4,72,
 * 15 jaar 4,10". By hand, 13,68 x the Besluit minimumjeugdloon percentage, half
 * up: x 0,80 = 10,944 -> 10,94; x 0,60 = 8,208 -> 8,21; x 0,50 = 6,84;
 * x 0,395 = 5,4036 -> 5,40; x 0,345 = 4,7196 -> 4,72; x 0,30 = 4,104 -> 4,10. */
struct youth_case {
    const char *birth;   /* age on 2024-07-01 */
    int age;
    int64_t percent, hourly;
};

static const struct youth_case youth[] = {
    {"2003-07-01", 21, 1000000, 1368}, {"2004-01-15", 20, 800000, 1094},
    {"2005-03-01", 19, 600000, 821},   {"2006-07-01", 18, 500000, 684},
    {"2006-07-02", 17, 395000, 540},   {"2008-02-29", 16, 345000, 472},
    {"2009-06-30", 15, 300000, 410},
};

START_TEST(test_youth_2024_07)
{
    struct sw_ctx c = test_ctx();
    struct sw_wml w;
    struct sw_err err;

    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2024-07-01"), test_date(youth[_i].birth),
                                   "--birth-date", &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.age, youth[_i].age);
    ck_assert_int_eq(w.percent, youth[_i].percent);
    ck_assert_int_eq(w.hourly, youth[_i].hourly);
}
END_TEST

/* Youth amounts 1 July 2026, published as Rijksoverheid "Bedragen minimumloon 2026"
 * (quoted by the secondary sources in tables/wml.xml): "21 jaar en ouder 14,99,
 * 20 jaar 11,99, 19 jaar 8,99, 18 jaar 7,50, 17 jaar 5,92, 16 jaar 5,17, 15 jaar
 * 4,50". By hand, 14,99 x the Besluit minimumjeugdloon percentage, half up:
 * x 0,80 = 11,992 -> 11,99; x 0,60 = 8,994 -> 8,99; x 0,50 = 7,495 -> 7,50 (the
 * half cent up); x 0,395 = 5,92105 -> 5,92; x 0,345 = 5,17155 -> 5,17;
 * x 0,30 = 4,497 -> 4,50. */
static const struct youth_case youth_2026_07[] = {
    {"2005-07-01", 21, 1000000, 1499}, {"2006-01-15", 20, 800000, 1199},
    {"2007-03-01", 19, 600000, 899},   {"2008-07-01", 18, 500000, 750},
    {"2008-07-02", 17, 395000, 592},   {"2010-02-28", 16, 345000, 517},
    {"2011-06-30", 15, 300000, 450},
};

START_TEST(test_youth_2026_07)
{
    struct sw_ctx c = test_ctx();
    struct sw_wml w;
    struct sw_err err;

    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2026-07-01"),
                                   test_date(youth_2026_07[_i].birth), "--birth-date", &w, NULL,
                                   &err), SW_OK);
    ck_assert_int_eq(w.age, youth_2026_07[_i].age);
    ck_assert_int_eq(w.percent, youth_2026_07[_i].percent);
    ck_assert_int_eq(w.hourly, youth_2026_07[_i].hourly);
}
END_TEST

/* The minimumuurloon follows from the referentiemaandloon (art. 14 lid 10 Wml):
 * A / (4 1/3 x 36), rounded up to a cent. Regeling indexatie WML per 1 juli 2026
 * (Stcrt. 2026, 16505): referentiemaandloon EUR 2.337,00 -> 2.337,00 / 156 =
 * 14,9808 -> 14,99, the hourly amount the tables give. */
START_TEST(test_hourly_from_referentiemaandloon_2026_07)
{
    struct sw_ctx c = test_ctx();
    struct sw_wml w;
    struct sw_err err;
    const int64_t referentiemaandloon = 233700, hours_per_month = 156;

    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2026-07-01"), SW_NO_DATE, "--birth-date", &w,
                                   NULL, &err), SW_OK);
    ck_assert_int_eq(w.hourly, (referentiemaandloon + hours_per_month - 1) / hours_per_month);
}
END_TEST

/* The youth percentages from 1 January 2027 (Rijksoverheid 24-04-2025 "Minimumjeugdloon
 * gaat omhoog" and 04-12-2025 "Internetconsultatie: Verhoging minimumjeugdloon 2027":
 * 20 jaar 87,5%, 19 jaar 75%, 18 jaar 62,5%, 17 jaar 50%, 16 jaar 40%, 15 jaar 30%);
 * provisional in the tables until the amending Besluit minimumjeugdloon is found.
 * The day before, the 2019 staffel still applies. */
struct youth_pct_case {
    int age;
    int64_t before, from_2027;   /* ppm */
};

static const struct youth_pct_case youth_pct_2027[] = {
    {15, 300000, 300000}, {16, 345000, 400000}, {17, 395000, 500000},
    {18, 500000, 625000}, {19, 600000, 750000}, {20, 800000, 875000},
};

START_TEST(test_youth_percent_2027)
{
    struct sw_ctx c = test_ctx();
    struct sw_value_info info;
    struct sw_err err;
    char id[64];
    int64_t pct = -1;

    snprintf(id, sizeof(id), "wml.youth_percent.age_%d", youth_pct_2027[_i].age);
    ck_assert_int_eq(sw_param(&c, id, test_date("2026-12-31"), SW_UNIT_PERCENT, &pct, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(pct, youth_pct_2027[_i].before);
    ck_assert_int_eq(sw_param(&c, id, test_date("2027-01-01"), SW_UNIT_PERCENT, &pct, &info, &err),
                     SW_OK);
    ck_assert_int_eq(pct, youth_pct_2027[_i].from_2027);
    /* The raised percentages are marked provisional; 15 is unchanged (the 2019 value). */
    ck_assert(info.provisional == (youth_pct_2027[_i].age != 15));
}
END_TEST

/* The age counts on the date itself: born 2005-03-10 is 19 on 2025-03-09 and 20
 * on 2025-03-10. 2025-01 WML 14,06: x 0,60 = 8,436 -> 8,44; x 0,80 = 11,248 ->
 * 11,25. */
START_TEST(test_youth_birthday)
{
    struct sw_ctx c = test_ctx();
    struct sw_wml w;
    struct sw_err err;

    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2025-03-09"), test_date("2005-03-10"), "b",
                                   &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.age, 19);
    ck_assert_int_eq(w.hourly, 844);
    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2025-03-10"), test_date("2005-03-10"), "b",
                                   &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.age, 20);
    ck_assert_int_eq(w.hourly, 1125);
}
END_TEST

START_TEST(test_hourly_errors)
{
    struct sw_ctx c = test_ctx();
    struct sw_wml w;
    struct sw_err err;

    /* Below 15 there is no minimum wage: the error names the field given. */
    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2026-01-01"), test_date("2012-01-02"),
                                   "--birth-date", &w, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--birth-date");
    ck_assert_ptr_nonnull(strstr(err.msg, "15"));
    /* Before the tables: the lookup names the parameter and the date. */
    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2023-12-31"), SW_NO_DATE, "--birth-date", &w,
                                   NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "wml.hourly");
    ck_assert_ptr_nonnull(strstr(err.msg, "2023-12-31"));
    /* The amount per 1 January 2027 is not in the tables: no silent 14,99. */
    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2027-01-01"), SW_NO_DATE, "--birth-date", &w,
                                   NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "wml.hourly");
}
END_TEST

/* The monthly wage: uurloon x uren per week x 52 / 12, half up. */
struct monthly_case {
    const char *date;
    int64_t hourly, hours_x100, monthly;
};

static const struct monthly_case monthly[] = {
    /* mkbservicedesk.nl (July 2025): 40 uur: 14,40 x 40 x 52 / 12 = 2.496,00 */
    {"2025-07-01", 1440, 4000, 249600},
    /* 13,68 x 36 x 52 / 12 = 2.134,08 (bijstand research par. 5: the Normenbrief's
     * 2.133,60 is not this product; the WML per hour is what the law sets) */
    {"2024-07-01", 1368, 3600, 213408},
    /* 14,71 x 28 = 411,88; x 52 = 21.417,76; / 12 = 1.784,8133 -> 1.784,81 */
    {"2026-01-01", 1471, 2800, 178481},
    /* 14,71 x 28,5 = 419,235; x 52 = 21.800,22; / 12 = 1.816,685 -> 1.816,69 */
    {"2026-01-01", 1471, 2850, 181669},
    /* a cao wage of 15,50 for 36 h: 15,50 x 36 x 52 / 12 = 2.418,00 */
    {"2026-01-01", 1550, 3600, 241800},
    /* youth 17 (2025-07): 14,40 x 0,395 = 5,688 -> 5,69; x 20 x 52 / 12 =
     * 493,1333 -> 493,13 */
    {"2025-07-01", 569, 2000, 49313},
    /* 36 h at the WML of 1 July 2026 (EUR 14,99, Stcrt. 2026, 16505): 14,99 x 36 =
     * 539,64; x 52 = 28.061,28; / 12 = 2.338,44 (the "36 uur ~ 2.338,4" indication
     * next to Rijksoverheid's "Bedragen minimumloon 2026"; the published
     * referentiemaandloon 2.337,00 is the art. 8 lid 1 onder b amount, not this product) */
    {"2026-07-01", 1499, 3600, 233844},
    /* 40 h: 14,99 x 40 x 52 / 12 = 2.598,2667 -> 2.598,27 */
    {"2026-07-01", 1499, 4000, 259827},
};

START_TEST(test_monthly)
{
    struct sw_ctx c = test_ctx();
    struct sw_err err;
    int64_t m = -1;

    ck_assert_int_eq(sw_wage_monthly(&c, test_date(monthly[_i].date), monthly[_i].hourly,
                                     monthly[_i].hours_x100, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m, monthly[_i].monthly);
}
END_TEST

/* Part months by calendar days (kalenderdagenmethode), half up; monthly 1.784,81. */
struct part_case {
    const char *month, *start, *end;  /* end NULL: no end */
    int64_t part;
};

static const struct part_case parts[] = {
    /* starts 15 April: 16 of 30 days: 1.784,81 x 16 / 30 = 951,8987 -> 951,90 */
    {"2026-04", "2026-04-15", NULL, 95190},
    /* started earlier, ends 10 April: 10 of 30: 594,9367 -> 594,94 */
    {"2026-04", "2026-01-01", "2026-04-10", 59494},
    /* 10 to 20 February 2026: 11 of 28 days: 701,1754 -> 701,18 */
    {"2026-02", "2026-02-10", "2026-02-20", 70118},
    /* the whole month */
    {"2026-05", "2026-04-15", NULL, 178481},
    /* starts 1 May, ends 31 May: whole month */
    {"2026-05", "2026-05-01", "2026-05-31", 178481},
    /* before the start and after the end: nothing */
    {"2026-03", "2026-04-15", NULL, 0},
    {"2026-05", "2026-01-01", "2026-04-30", 0},
    /* one day: 31 January, 1 of 31: 57,5745 -> 57,57 */
    {"2026-01", "2026-01-31", NULL, 5757},
};

START_TEST(test_part_month)
{
    struct sw_err err;
    sw_month m;
    sw_date end = parts[_i].end ? test_date(parts[_i].end) : SW_NO_DATE;

    ck_assert_int_eq(sw_month_parse(&m, parts[_i].month, "m", &err), SW_OK);
    ck_assert_int_eq(sw_wage_part_month(178481, m, test_date(parts[_i].start), end),
                     parts[_i].part);
}
END_TEST

/* Vakantiebijslag: 8 % of the wage (Wml art. 15 lid 1), half up; paid in May by
 * default (wml.holiday_pay_month). */
START_TEST(test_holiday_pay)
{
    struct sw_ctx c = test_ctx();
    struct sw_err err;
    int64_t v = -1, month = 0;

    /* 1.784,81 x 0,08 = 142,7848 -> 142,78 */
    ck_assert_int_eq(sw_holiday_pay(&c, test_date("2026-01-01"), 178481, &v, NULL, &err), SW_OK);
    ck_assert_int_eq(v, 14278);
    /* 2.496,00 x 0,08 = 199,68 */
    ck_assert_int_eq(sw_holiday_pay(&c, test_date("2025-07-01"), 249600, &v, NULL, &err), SW_OK);
    ck_assert_int_eq(v, 19968);
    /* A year of 1.784,81: 21.417,72 x 0,08 = 1.713,4176 -> 1.713,42 */
    ck_assert_int_eq(sw_holiday_pay(&c, test_date("2026-01-01"), 2141772, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v, 171342);
    /* Half a cent rounds up: 0,07 x 0,08 = 0,0056 -> 0,01 */
    ck_assert_int_eq(sw_holiday_pay(&c, test_date("2026-01-01"), 7, &v, NULL, &err), SW_OK);
    ck_assert_int_eq(v, 1);
    ck_assert_int_eq(sw_param(&c, "wml.holiday_pay_month", test_date("2026-01-01"),
                              SW_UNIT_MONTH_OF_YEAR, &month, NULL, &err), SW_OK);
    ck_assert_int_eq(month, 5);
}
END_TEST

START_TEST(test_trace)
{
    struct sw_ctx c = test_ctx();
    struct sw_trace tr;
    struct sw_wml w;
    struct sw_err err;
    bool hourly = false;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_wml_hourly(&c, test_date("2026-01-01"), test_date("2007-06-01"), "b", &w,
                                   &tr, &err), SW_OK);
    ck_assert_ptr_nonnull(tr.rule);
    for (size_t i = 0; i < tr.nparams; i++)
        if (strcmp(tr.params[i].id, "wml.hourly") == 0 && tr.params[i].amount == 1471)
            hourly = true;
    ck_assert(hourly);
}
END_TEST

static Suite *wml_suite(void)
{
    Suite *s = suite_create("wml");
    TCase *tc = tcase_create("wml");

    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_adult_hourly, 0, (int)(sizeof(adults) / sizeof(adults[0])));
    tcase_add_loop_test(tc, test_youth_2024_07, 0, (int)(sizeof(youth) / sizeof(youth[0])));
    tcase_add_loop_test(tc, test_youth_2026_07, 0,
                        (int)(sizeof(youth_2026_07) / sizeof(youth_2026_07[0])));
    tcase_add_test(tc, test_hourly_from_referentiemaandloon_2026_07);
    tcase_add_loop_test(tc, test_youth_percent_2027, 0,
                        (int)(sizeof(youth_pct_2027) / sizeof(youth_pct_2027[0])));
    tcase_add_test(tc, test_youth_birthday);
    tcase_add_test(tc, test_hourly_errors);
    tcase_add_loop_test(tc, test_monthly, 0, (int)(sizeof(monthly) / sizeof(monthly[0])));
    tcase_add_loop_test(tc, test_part_month, 0, (int)(sizeof(parts) / sizeof(parts[0])));
    tcase_add_test(tc, test_holiday_pay);
    tcase_add_test(tc, test_trace);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(wml_suite)
