/* check_pay.c - money on the day it arrives (issue 17): the witte vierweken- and
 * weektabel as the annual calculation with their herleidingsfactor, and the
 * engine's pay dates and settlement methods on small scenarios, against hand
 * calculations written out here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "switchsim/engine.h"
#include "switchsim/loonheffing.h"
#include "switchsim/scenario.h"
#include "testutil.h"

static struct sw_lh_month period(const char *date, int64_t gross, enum sw_lh_tijdvak tv)
{
    struct sw_ctx c = test_ctx();
    struct sw_lh_month m;
    struct sw_err err;

    ck_assert_msg(sw_loonheffing_period(&c, test_date(date), gross, SW_NO_DATE, SW_LH_KORTING,
                                        tv, &m, NULL, &err) == SW_OK, "%s", err.msg);
    return m;
}

/* Rekenvoorschriften 2026 par. 2.2.1 tabel 1b: vierwekenloon F2 = 13. 959.36 (16 h x
 * 4 weeks x 14.99): L = 959.36 x 13 = 12471.68 -> 230 x 54 = 12420; X1 = floor(12420 x
 * 35.75 %) = 4440; AHK 3115; AK 996 + 31.009 % x (12420 - 11965) = 1137.09 -> 1138;
 * 4440 - 3115 - 1138 = 187; 187 / 13 = 14.3846 -> 14.38. */
START_TEST(test_four_weeks_is_the_year_over_13)
{
    struct sw_lh_month m = period("2026-08-31", 95936, SW_LH_FOUR_WEEKS);

    ck_assert_int_eq(m.table_wage_annual, 1242000);
    ck_assert_int_eq(m.tax_annual, 444000);
    ck_assert_int_eq(m.arbeidskorting, 113800);
    ck_assert_int_eq(m.loonheffing_annual, 18700);
    ck_assert_int_eq(m.loonheffing, 1438);
    ck_assert_int_eq(m.net, 94498);
}
END_TEST

/* Weekloon F2 = 52: 239.84 x 52 = 12471.68, the same annual wage: 187 / 52 = 3.596 ->
 * 3.60. */
START_TEST(test_week_is_the_year_over_52)
{
    struct sw_lh_month m = period("2026-08-09", 23984, SW_LH_WEEK);

    ck_assert_int_eq(m.loonheffing_annual, 18700);
    ck_assert_int_eq(m.loonheffing, 360);
}
END_TEST

/* The month is the same calculation over 12: sw_loonheffing_month agrees. */
START_TEST(test_month_table_unchanged)
{
    struct sw_lh_month m = period("2026-04-25", 200000, SW_LH_MONTH);

    ck_assert_int_eq(m.loonheffing, 6125);   /* CONTRACT.md: net --gross 2000 */
}
END_TEST

/* A part-time scenario (divosa_part_time_achteraf.expect): 16 h from 1 August 2026. */
static const char part_time[] =
    "{\"version\": 1, \"start_month\": \"2026-07\", \"months\": 5,"
    " \"household\": {\"composition\": \"single\", \"birth_date\": \"1994-05-01\"},"
    " \"before\": {\"benefit\": \"participatiewet\", \"dagbesteding_dagdelen_per_week\": 0},"
    " \"job\": {\"kind\": \"beschut\", \"start\": \"2026-08-01\", \"hours_per_week\": 16%s},"
    " \"settlement\": {\"method\": \"%s\", \"benefit_pay_day\": %d,"
    " \"municipality_applies_korting\": false},"
    " \"toeslagen\": {\"zorgtoeslag\": false, \"huurtoeslag\": false}}";

static struct sw_timeline *run(const char *job_extra, const char *method, int pay_day)
{
    char json[1024];
    struct sw_scenario s;
    struct sw_timeline *tl = NULL;
    struct sw_err err;

    snprintf(json, sizeof(json), part_time, job_extra, method, pay_day);
    ck_assert_msg(sw_scenario_parse(&s, test_tables(), json, strlen(json), NULL, &err) == SW_OK,
                  "%s: %s", err.field, err.msg);
    ck_assert_msg(sw_simulate(&tl, test_tables(), &s, 0, &err) == SW_OK, "%s", err.msg);
    return tl;
}

#define PAID(tl, i) ((tl)->scenario.rows[i].v[SW_ITEM_BIJSTAND_PAID])

/* Each method on the same job (1348.49 full, 619.08 due from August): what is paid in
 * August and September. Voorschot: 1348.49, then 619.08 - 729.41 < 0: nothing.
 * Achteraf: 1348.49, then 619.08 (the August payslip deducted once). Op de maand on the
 * 25th with the salary on the 25th: August waits for its payslip (0), September pays
 * August's 619.08. Schatten: 619.08 from the start. */
START_TEST(test_each_method_in_the_first_months)
{
    static const struct {
        const char *method;
        int64_t aug, sep;
    } cases[] = {{"voorschot", 134849, 0},
                 {"achteraf", 134849, 61908},
                 {"op_de_maand", 0, 61908},
                 {"schatten", 61908, 61908}};

    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        struct sw_timeline *tl = run("", cases[k].method, 25);
        ck_assert_msg(PAID(tl, 1) == cases[k].aug, "%s August %lld", cases[k].method,
                      (long long)PAID(tl, 1));
        ck_assert_msg(PAID(tl, 2) == cases[k].sep, "%s September %lld", cases[k].method,
                      (long long)PAID(tl, 2));
        sw_timeline_free(tl);
    }
}
END_TEST

/* The municipality's pay day decides when a payslip is in: op de maand with bijstand on
 * the 28th and the salary on the 25th pays August's 619.08 in August itself. */
START_TEST(test_pay_day_after_the_salary)
{
    struct sw_timeline *tl = run("", "op_de_maand", 28);

    ck_assert_int_eq(PAID(tl, 1), 61908);
    sw_timeline_free(tl);
}
END_TEST

/* The last working day: 31 October 2026 is a Saturday, so the salary comes on Friday
 * 30 October - still October; the salary of the month lands in the month. */
START_TEST(test_last_working_day)
{
    struct sw_timeline *tl = run(", \"pay_day\": \"last_working_day\"", "voorschot", 25);

    ck_assert_int_eq(tl->scenario.rows[3].v[SW_ITEM_NET_WAGE], 102373);
    /* The October payslip (30 October) is in before 25 November: no change against
     * the 25th for a voorschot. */
    ck_assert_int_eq(PAID(tl, 4), 61908);
    sw_timeline_free(tl);
}
END_TEST

static Suite *pay_suite(void)
{
    Suite *s = suite_create("pay");
    TCase *tc = tcase_create("tijdvakken");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_four_weeks_is_the_year_over_13);
    tcase_add_test(tc, test_week_is_the_year_over_52);
    tcase_add_test(tc, test_month_table_unchanged);
    suite_add_tcase(s, tc);
    tc = tcase_create("settlement");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_each_method_in_the_first_months);
    tcase_add_test(tc, test_pay_day_after_the_salary);
    tcase_add_test(tc, test_last_working_day);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(pay_suite)
