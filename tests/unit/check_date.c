/* check_date.c - calendar arithmetic without a clock. */
#include "switchsim/date.h"
#include "testutil.h"

START_TEST(test_date_roundtrip)
{
    char b[16];
    sw_date d;

    ck_assert(sw_date_from_ymd(&d, 1970, 1, 1));
    ck_assert_int_eq(d, 0);
    ck_assert(sw_date_from_ymd(&d, 2000, 3, 1));
    ck_assert_int_eq(d, 11017);  /* 30 years incl. 7 leap days + Jan/Feb 2000 (31+29) */
    for (sw_date x = -25000; x < 80000; x += 37)  /* 1901 .. 2189 */ {
        int y, m, dd;
        sw_date back;
        sw_date_to_ymd(x, &y, &m, &dd);
        ck_assert(sw_date_from_ymd(&back, y, m, dd));
        ck_assert_int_eq(back, x);
    }
    sw_date_format(b, sizeof(b), test_date("2026-02-28") + 1);
    ck_assert_str_eq(b, "2026-03-01");
    sw_date_format(b, sizeof(b), test_date("2024-02-28") + 1);
    ck_assert_str_eq(b, "2024-02-29");
}
END_TEST

static const char *const bad_dates[] = {
    "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-4-01", "25-04-01",
    "2025/04/01", "2025-04-01T00:00", "", "1899-12-31", "2201-01-01", "abcd-ef-gh",
    "1900-02-29",
};

START_TEST(test_date_parse_rejects)
{
    sw_date d = 7;
    struct sw_err err;

    ck_assert_int_eq(sw_date_parse(&d, bad_dates[_i], "job.start", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "job.start");
    ck_assert_int_eq(d, 7);
}
END_TEST

START_TEST(test_month_helpers)
{
    sw_month m;
    struct sw_err err;
    char b[16];

    ck_assert_int_eq(sw_month_parse(&m, "2026-02", "start_month", &err), SW_OK);
    ck_assert_int_eq(sw_month_days(m), 28);
    ck_assert_int_eq(sw_month_days(m - 12 * 2), 29);  /* 2024-02 */
    ck_assert_int_eq(sw_month_year(m + 11), 2027);
    ck_assert_int_eq(sw_month_number(m + 11), 1);
    sw_month_format(b, sizeof(b), m + 11);
    ck_assert_str_eq(b, "2027-01");
    ck_assert_int_eq(sw_month_first_day(m), test_date("2026-02-01"));
    ck_assert_int_eq(sw_month_last_day(m), test_date("2026-02-28"));
    ck_assert_int_eq(sw_month_of(test_date("2026-02-15")), m);
    ck_assert_int_eq(sw_month_parse(&m, "2026-13", "start_month", &err), SW_ERR_INVALID);
    ck_assert_int_eq(sw_month_parse(&m, "2026-1", "start_month", &err), SW_ERR_INVALID);
}
END_TEST

START_TEST(test_add_months_clamps)
{
    ck_assert_int_eq(sw_date_add_months(test_date("2025-01-31"), 1), test_date("2025-02-28"));
    ck_assert_int_eq(sw_date_add_months(test_date("2024-01-31"), 1), test_date("2024-02-29"));
    ck_assert_int_eq(sw_date_add_months(test_date("2025-03-15"), -3), test_date("2024-12-15"));
}
END_TEST

START_TEST(test_age_on_birthday)
{
    sw_date b = test_date("1999-05-01");

    ck_assert_int_eq(sw_age_on(b, test_date("2026-04-30")), 26);
    ck_assert_int_eq(sw_age_on(b, test_date("2026-05-01")), 27);  /* on the birthday */
    ck_assert_int_eq(sw_age_on(b, test_date("1999-04-30")), -1);
    /* Born on 29 February: a year older on 1 March in a common year. */
    b = test_date("2004-02-29");
    ck_assert_int_eq(sw_age_on(b, test_date("2025-02-28")), 20);
    ck_assert_int_eq(sw_age_on(b, test_date("2025-03-01")), 21);
    ck_assert_int_eq(sw_date_reaching_age(b, 21, 0), test_date("2025-03-01"));
    ck_assert_int_eq(sw_date_reaching_age(test_date("1959-11-30"), 67, 3),
                     test_date("2027-03-01"));  /* 2027-02 has no 30th: 1 March */
}
END_TEST

START_TEST(test_weekday)
{
    ck_assert_int_eq(sw_date_weekday(test_date("2026-11-22")), 6);  /* a Sunday */
    ck_assert_int_eq(sw_date_weekday(test_date("2026-01-01")), 3);  /* a Thursday */
}
END_TEST

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *core = tcase_create("Core"), *limits = tcase_create("Limits");

    tcase_add_test(core, test_date_roundtrip);
    tcase_add_test(core, test_month_helpers);
    tcase_add_test(core, test_add_months_clamps);
    tcase_add_test(core, test_age_on_birthday);
    tcase_add_test(core, test_weekday);
    tcase_add_loop_test(limits, test_date_parse_rejects, 0,
                        (int)(sizeof(bad_dates) / sizeof(bad_dates[0])));
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(date_suite)
