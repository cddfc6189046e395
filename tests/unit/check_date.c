/* check_date.c - calendar arithmetic without a clock. */
#include <stdio.h>
#include <string.h>

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

/* The Gregorian calendar, counted here independently of date.c: a leap year
 * is divisible by 4, not by 100 unless by 400. */
static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && leap_year(y) ? 29 : dim[m - 1];
}

/* y-m-day one day on. */
static void next_day(int *y, int *m, int *day)
{
    if (++*day > days_in_month(*y, *m)) {
        *day = 1;
        if (++*m > 12) {
            *m = 1;
            ++*y;
        }
    }
}

/* Every day from 1900-01-01 to 2200-12-31, walked with the Gregorian rule
 * (a leap year: divisible by 4, not by 100 unless by 400): its month, year and
 * day, and each month's first and last day and length, as the calendar counts
 * them. */
START_TEST(test_month_of_every_day)
{
    sw_date d, last;
    int y = 1900, m = 1, day = 1;

    ck_assert(sw_date_from_ymd(&d, 1900, 1, 1));
    while (y <= 2200) {
        int dim = days_in_month(y, m);
        sw_month mo = sw_month_from_ym(y, m);
        int yy, mm, dd;

        /* A ck_assert per day would write 110,000 check points: only on a failure. */
        sw_date_to_ymd(d, &yy, &mm, &dd);
        if (sw_month_of(d) != mo || yy != y || mm != m || dd != day ||
            sw_month_days(mo) != dim)
            ck_abort_msg("%d-%d-%d: read %d-%d-%d in month %d, %d days", y, m, day, yy, mm,
                         dd, (int)sw_month_of(d), sw_month_days(mo));
        if (day == 1)
            ck_assert_int_eq(sw_month_first_day(mo), d);
        if (day == dim)
            ck_assert_int_eq(sw_month_last_day(mo), d);
        d++;
        next_day(&y, &m, &day);
    }
    ck_assert(sw_date_from_ymd(&last, 2200, 12, 31));
    ck_assert_int_eq(d, last + 1);
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

/* The inline month helpers at the edges of their table (1900-01 to the month
 * after 2200-12) and past them, where date.c's *_far forms answer: the months
 * follow each other without a gap, December 1899 and January 2201 have 31
 * days, and inside the table both forms agree. */
START_TEST(test_month_helpers_at_the_table_edges)
{
    sw_month first = sw_month_from_ym(1900, 1), after = sw_month_from_ym(2201, 1);
    sw_date d;

    for (sw_month m = first - 40; m <= after + 40; m++) {
        ck_assert_int_eq(sw_month_last_day(m), sw_month_first_day(m + 1) - 1);
        ck_assert_int_eq(sw_month_days(m), sw_month_first_day(m + 1) - sw_month_first_day(m));
        ck_assert_int_eq(sw_month_first_day(m), sw_month_first_day_far(m));
        ck_assert_int_eq(sw_month_days(m), sw_month_days_far(m));
        ck_assert_int_ge(sw_month_days(m), 28);
        ck_assert_int_le(sw_month_days(m), 31);
    }
    ck_assert(sw_date_from_ymd(&d, 1900, 1, 1));
    ck_assert_int_eq(sw_month_first_day(first - 1), d - 31);
    ck_assert_int_eq(sw_month_last_day(first - 1), d - 1);
    ck_assert(sw_date_from_ymd(&d, 2200, 12, 31));
    ck_assert_int_eq(sw_month_first_day(after), d + 1);
    ck_assert_int_eq(sw_month_days(after), 31);
    /* 1900 is no leap year, 2000 is. */
    ck_assert_int_eq(sw_month_days(sw_month_from_ym(1900, 2)), 28);
    ck_assert_int_eq(sw_month_days(sw_month_from_ym(2000, 2)), 29);
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

/* sw_age_on() on every day from 1900-01-01 to 2200-12-31 for births on a
 * 29 February, a month's last day and a first day, counted by walking the
 * calendar: one year older on each birthday (for 29 February: on 1 March in
 * a common year). */
START_TEST(test_age_on_every_day)
{
    static const int births[][3] = {{1904, 2, 29}, {1950, 1, 31}, {2000, 3, 1}, {2123, 12, 31}};

    for (size_t k = 0; k < sizeof(births) / sizeof(births[0]); k++) {
        int by = births[k][0], bm = births[k][1], bd = births[k][2];
        int y = 1900, m = 1, day = 1, age = -1;
        sw_date d, b;

        ck_assert(sw_date_from_ymd(&d, 1900, 1, 1));
        ck_assert(sw_date_from_ymd(&b, by, bm, bd));
        while (y <= 2200) {
            /* The birthday this year; 29 February in a common year: 1 March. */
            int tm = bm, td = bd;

            if (bm == 2 && bd == 29 && !leap_year(y)) {
                tm = 3;
                td = 1;
            }
            if (y == by && m == bm && day == bd)
                age = 0;
            else if (age >= 0 && m == tm && day == td)
                age++;
            /* A ck_assert per day would write 440,000 check points: only on a failure. */
            if (sw_age_on(b, d) != age)
                ck_abort_msg("born %d-%d-%d, on %d-%d-%d: age %d, not %d", by, bm, bd, y, m,
                             day, sw_age_on(b, d), age);
            d++;
            next_day(&y, &m, &day);
        }
    }
}
END_TEST

/* sw_date_reaching_age() as worked out from the birth's year, month and day
 * (the birthday's day in the month `years` and `months` on, or the first of
 * the next month when that month is shorter): the plain path, without the
 * month table. */
static sw_date reaching_age_plain(sw_date birth, int years, int months)
{
    int by, bm, bd;
    sw_month target;

    sw_date_to_ymd(birth, &by, &bm, &bd);
    target = sw_month_from_ym(by, bm) + years * 12 + months;
    if (bd > sw_month_days(target))
        return sw_month_first_day(target + 1);
    return sw_month_first_day(target) + bd - 1;
}

/* sw_date_reaching_age() (which takes the month table where it can) on every
 * birth date from 1899-11-01 to 2201-02-28, for ages that reach before, into,
 * across and past the table's ends and months of every length. */
START_TEST(test_reaching_age_every_day)
{
    static const int ages[][2] = {{0, 0},  {0, 1},  {1, 0},   {18, 0},  {21, 0}, {27, 0},
                                  {60, 0}, {66, 4}, {67, 3},  {-1, 0},  {0, -1}, {-300, 0},
                                  {300, 0}, {301, 1}, {100, 11}, {0, 13}};
    sw_date from = sw_month_first_day(sw_month_from_ym(1899, 11));
    sw_date to = sw_month_first_day(sw_month_from_ym(2201, 3)) - 1;

    for (sw_date b = from; b <= to; b++) {
        for (size_t k = 0; k < sizeof(ages) / sizeof(ages[0]); k++) {
            sw_date got = sw_date_reaching_age(b, ages[k][0], ages[k][1]);
            sw_date want = reaching_age_plain(b, ages[k][0], ages[k][1]);
            /* A ck_assert each would write millions of check points: only on a failure. */
            if (got != want)
                ck_abort_msg("born on day %d, age %d years %d months: %d, not %d", (int)b,
                             ages[k][0], ages[k][1], (int)got, (int)want);
        }
    }
}
END_TEST

/* The texts written by hand read as snprintf() writes them, also cut short
 * at every buffer size: every month 1900-2200 and every 7th day. */
START_TEST(test_texts_as_snprintf)
{
    static const char *const names[12] = {
        "januari", "februari", "maart",     "april",   "mei",      "juni",
        "juli",    "augustus", "september", "oktober", "november", "december"};
    char got[32], want[32];
    sw_date first, last;

    for (sw_month m = sw_month_from_ym(1900, 1); m <= sw_month_from_ym(2200, 12); m++) {
        int y = m / 12, mo = m % 12 + 1;
        for (size_t size = 0; size <= 20; size += (m % 50 == 0 ? 1 : 20)) {
            memset(got, 'x', sizeof(got));
            memset(want, 'x', sizeof(want));
            sw_month_format(got, size, m);
            snprintf(want, size, "%04d-%02d", y, mo);
            ck_assert_mem_eq(got, want, sizeof(got));
            sw_month_nl(got, size, m);
            snprintf(want, size, "%s %d", names[mo - 1], y);
            ck_assert_mem_eq(got, want, sizeof(got));
        }
    }
    ck_assert(sw_date_from_ymd(&first, 1900, 1, 1));
    ck_assert(sw_date_from_ymd(&last, 2200, 12, 31));
    for (sw_date d = first; d <= last; d += 7) {
        int y, mo, dd;
        sw_date_to_ymd(d, &y, &mo, &dd);
        for (size_t size = 0; size <= 20; size += (d % 97 == 0 ? 1 : 20)) {
            memset(got, 'x', sizeof(got));
            memset(want, 'x', sizeof(want));
            sw_date_format(got, size, d);
            snprintf(want, size, "%04d-%02d-%02d", y, mo, dd);
            ck_assert_mem_eq(got, want, sizeof(got));
            sw_date_nl(got, size, d);
            snprintf(want, size, "%d %s %d", dd, names[mo - 1], y);
            ck_assert_mem_eq(got, want, sizeof(got));
        }
    }
}
END_TEST

/* The same for years of one to five digits (sw_month_nl() and sw_date_nl() write
 * the whole text first and then cut it): every 7th month and every 997th day
 * from the year 0 to past 10000, at every buffer size up to 40 now and then. */
START_TEST(test_texts_as_snprintf_far)
{
    static const char *const names[12] = {
        "januari", "februari", "maart",     "april",   "mei",      "juni",
        "juli",    "augustus", "september", "oktober", "november", "december"};
    char got[48], want[48];

    for (sw_month m = 0; m <= sw_month_from_ym(10100, 12); m += 7) {
        int y = m / 12, mo = m % 12 + 1;
        for (size_t size = 0; size <= 40; size += (m % 89 == 0 ? 1 : 40)) {
            memset(got, 'x', sizeof(got));
            memset(want, 'x', sizeof(want));
            sw_month_nl(got, size, m);
            snprintf(want, size, "%s %d", names[mo - 1], y);
            ck_assert_mem_eq(got, want, sizeof(got));
        }
    }
    for (sw_date d = -719468; d <= 3000000; d += 997) {   /* 0000-03-01 on */
        int y, mo, dd;
        sw_date_to_ymd(d, &y, &mo, &dd);
        ck_assert_int_ge(y, 0);
        for (size_t size = 0; size <= 40; size += (d % 89 == 0 ? 1 : 40)) {
            memset(got, 'x', sizeof(got));
            memset(want, 'x', sizeof(want));
            sw_date_nl(got, size, d);
            snprintf(want, size, "%d %s %d", dd, names[mo - 1], y);
            ck_assert_mem_eq(got, want, sizeof(got));
        }
    }
}
END_TEST

START_TEST(test_weekday)
{
    ck_assert_int_eq(sw_date_weekday(test_date("2026-11-22")), 6);  /* a Sunday */
    ck_assert_int_eq(sw_date_weekday(test_date("2026-01-01")), 3);  /* a Thursday */
}
END_TEST

/* Malformed, impossible and out of range are three different messages: a
 * well-formed real day before 1900 or after 2200 is "out of range", with the
 * range, not "not a date" (issue 19). */
static const struct {
    const char *text;
    bool month;
    enum sw_date_problem want;
} date_problems[] = {
    {"0001-01-01", false, SW_DATE_RANGE},      {"9999-12-31", false, SW_DATE_RANGE},
    {"1899-12-31", false, SW_DATE_RANGE},      {"2201-01-01", false, SW_DATE_RANGE},
    {"2025-02-29", false, SW_DATE_IMPOSSIBLE}, {"1900-02-29", false, SW_DATE_IMPOSSIBLE},
    {"0001-02-29", false, SW_DATE_IMPOSSIBLE}, {"2025-13-01", false, SW_DATE_IMPOSSIBLE},
    {"2025-4-01", false, SW_DATE_FORM},        {"2025-04-01 ", false, SW_DATE_FORM},
    {"1900-01-01", false, SW_DATE_OK},         {"2200-12-31", false, SW_DATE_OK},
    {"2999-01", true, SW_DATE_RANGE},          {"1899-12", true, SW_DATE_RANGE},
    {"2026-13", true, SW_DATE_IMPOSSIBLE},     {"2026-00", true, SW_DATE_IMPOSSIBLE},
    {"26-01", true, SW_DATE_FORM},             {"2200-12", true, SW_DATE_OK},
};

START_TEST(test_date_problem_kinds)
{
    sw_date d = 7;
    sw_month m = 7;
    enum sw_date_problem got = date_problems[_i].month ? sw_month_check(&m, date_problems[_i].text)
                                                       : sw_date_check(&d, date_problems[_i].text);

    ck_assert_msg(got == date_problems[_i].want, "'%s': %d, expected %d", date_problems[_i].text,
                  (int)got, (int)date_problems[_i].want);
    if (got != SW_DATE_OK)
        ck_assert_int_eq(date_problems[_i].month ? m : d, 7);   /* untouched */
}
END_TEST

START_TEST(test_out_of_range_message_names_the_range)
{
    sw_date d;
    sw_month m;
    struct sw_err err;

    ck_assert_int_eq(sw_date_parse(&d, "9999-12-31", "job.end", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "date '9999-12-31' out of range (1900-01-01 to 2200-12-31) for 'job.end'");
    ck_assert_int_eq(sw_month_parse(&m, "2999-01", "start_month", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "month '2999-01' out of range (1900-01 to 2200-12) for 'start_month'");
    ck_assert_int_eq(sw_date_parse(&d, "2025-02-29", "x", &err), SW_ERR_INVALID);
    ck_assert_ptr_null(strstr(err.msg, "out of range"));
}
END_TEST

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *core = tcase_create("Core"), *limits = tcase_create("Limits");

    /* The walks over every day 1900-2200 take a few seconds under the sanitizers. */
    tcase_set_timeout(core, 60);
    tcase_add_test(core, test_date_roundtrip);
    tcase_add_test(core, test_month_helpers);
    tcase_add_test(core, test_month_helpers_at_the_table_edges);
    tcase_add_test(core, test_month_of_every_day);
    tcase_add_test(core, test_add_months_clamps);
    tcase_add_test(core, test_age_on_birthday);
    tcase_add_test(core, test_age_on_every_day);
    tcase_add_test(core, test_reaching_age_every_day);
    tcase_add_test(core, test_weekday);
    tcase_add_test(core, test_texts_as_snprintf);
    tcase_add_test(core, test_texts_as_snprintf_far);
    tcase_add_loop_test(limits, test_date_parse_rejects, 0,
                        (int)(sizeof(bad_dates) / sizeof(bad_dates[0])));
    tcase_add_loop_test(limits, test_date_problem_kinds, 0,
                        (int)(sizeof(date_problems) / sizeof(date_problems[0])));
    tcase_add_test(limits, test_out_of_range_message_names_the_range);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(date_suite)
