/* check_ww.c - the WW rule (ww.c): the wekeneis, the dagloon with its maximum,
 * the duration on the wekeneis alone and the WW per calendar month. Every
 * expected figure is a hand calculation written out next to it, from published
 * values: WW art. 17 and uwv.nl ("in de laatste 36 weken ... in minstens 26 weken
 * hebben gewerkt"; "krijgt u 3 maanden een WW-uitkering"), WW art. 47 (75 % of the
 * dagloon the first 2 months, then 70 %), 261 dagloondagen a year (uwv.nl: the
 * month is the dagbedrag x 21.75 = 261 / 12), the maximum dagloon EUR 304.25 from
 * 2026-01-01 (Stcrt. 2025, 42324) and WML EUR 14.71/h (2026-01-01) and EUR 14.99/h
 * (2026-07-01). */
#include <string.h>

#include "switchsim/ww.h"
#include "testutil.h"

/* The front ends' context: a value past the published ones is carried forward
 * (the maximum dagloon per 2026-07-01 is not in the tables yet). */
static struct sw_ctx projecting_ctx(void)
{
    struct sw_ctx c;

    sw_ctx_init(&c, test_tables(), false);
    return c;
}

struct wekeneis_case {
    int weeks_worked;
    int weeks_counted;
    bool met;
};

/* 26 of the last 36 weeks: 25 is one short, 26 is enough, and weeks before the
 * reference period do not count (40 worked -> 36 counted). */
static const struct wekeneis_case wekeneis[] = {
    {0, 0, false}, {13, 13, false}, {25, 25, false}, {26, 26, true},
    {30, 30, true}, {36, 36, true}, {40, 36, true},
};

START_TEST(test_ww_wekeneis_26_of_36_weeks)
{
    const struct wekeneis_case *k = &wekeneis[_i];
    struct sw_ctx c = test_ctx();
    struct sw_ww_wekeneis w;
    struct sw_trace tr;
    struct sw_err err;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_ww_wekeneis(&c, test_date("2026-08-01"), k->weeks_worked, &w, &tr, &err),
                     SW_OK);
    ck_assert_int_eq(w.weeks_needed, 26);
    ck_assert_int_eq(w.reference_weeks, 36);
    ck_assert_int_eq(w.weeks_counted, k->weeks_counted);
    ck_assert_int_eq(w.met, k->met);
    ck_assert_ptr_nonnull(strstr(tr.rule, "art. 17"));
    ck_assert_int_eq((long)tr.nparams, 2);
}
END_TEST

/* The dagloon from a full month's wage: wage x 12 / 261, rounded down to cents. */
START_TEST(test_ww_dagloon_from_month_wage)
{
    struct sw_ctx c = test_ctx();
    struct sw_ww_dagloon d;
    struct sw_err err;

    /* 36 h at the WML of 2026-07-01, EUR 14.99: 14.99 x 36 x 52 / 12 = 2338.44 a
     * month; 2338.44 x 12 = 28061.28; / 261 = 107.5145... -> 107.51. */
    ck_assert_int_eq(sw_ww_dagloon(&c, test_date("2026-01-01"), 233844, &d, NULL, &err), SW_OK);
    ck_assert_int_eq(d.uncapped, 10751);
    ck_assert_int_eq(d.dagloon, 10751);
    ck_assert_int_eq(d.max, 30425);
    ck_assert(!d.capped);
    /* 40 h at EUR 14.71: 14.71 x 40 x 52 / 12 = 2549.7333 -> 2549.73; x 12 =
     * 30596.76; / 261 = 117.2289... -> 117.22 (down, not half up). */
    ck_assert_int_eq(sw_ww_dagloon(&c, test_date("2026-01-01"), 254973, &d, NULL, &err), SW_OK);
    ck_assert_int_eq(d.dagloon, 11722);
}
END_TEST

/* Above the maximum: EUR 8,000.00 a month x 12 / 261 = 367.8160... -> 367.81 >
 * the maximum dagloon 304.25 of 2026-01-01, so 304.25. */
START_TEST(test_ww_dagloon_capped_at_maximum)
{
    struct sw_ctx c = test_ctx();
    struct sw_ww_dagloon d;
    struct sw_trace tr;
    struct sw_err err;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_ww_dagloon(&c, test_date("2026-03-01"), 800000, &d, &tr, &err), SW_OK);
    ck_assert_int_eq(d.uncapped, 36781);
    ck_assert(d.capped);
    ck_assert_int_eq(d.dagloon, 30425);
    /* The trace names the maximum, the dagloondagen and the months per year. */
    ck_assert_int_eq((long)tr.nparams, 3);
    ck_assert_str_eq(tr.params[0].id, "ww.max_dagloon");
}
END_TEST

/* On the wekeneis alone: 3 months from the first day without work, 2026-08-01 ..
 * 2026-10-31. */
START_TEST(test_ww_claim_three_months)
{
    struct sw_ctx c = projecting_ctx();
    struct sw_ww_claim claim;
    struct sw_err err;

    ck_assert_int_eq(sw_ww_claim(&c, test_date("2026-08-01"), 233844, &claim, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(claim.from, test_date("2026-08-01"));
    ck_assert_int_eq(claim.until, test_date("2026-10-31"));
    ck_assert_int_eq(claim.dagloon, 10751);
    /* From the 15th: until the 14th three months later. */
    ck_assert_int_eq(sw_ww_claim(&c, test_date("2026-08-15"), 233844, &claim, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(claim.until, test_date("2026-11-14"));
}
END_TEST

/* WW per month on a dagloon of 107.51:
 *   first rate: 75 % x 107.51 = 80.6325 -> 80.63 a day; x 261 / 12 = 2104443 / 12
 *     cents = 175370.25 -> 1753.70 a full month;
 *   later rate: 70 % x 107.51 = 75.257 -> 75.26 a day; x 261 / 12 = 1964286 / 12
 *     cents = 163690.5 -> 1636.91 (half up).
 * Claim 2026-08-01 .. 2026-10-31: August and September at the first rate, October
 * at the later one; nothing in July or November. */
struct month_case {
    const char *month;
    int64_t gross;
    int days_first, days_after;
};

static const struct month_case full_months[] = {
    {"2026-07", 0, 0, 0},
    {"2026-08", 175370, 31, 0},
    {"2026-09", 175370, 30, 0},
    {"2026-10", 163691, 0, 31},
    {"2026-11", 0, 0, 0},
};

START_TEST(test_ww_month_first_and_later_rate)
{
    const struct month_case *k = &full_months[_i];
    struct sw_ctx c = test_ctx();
    struct sw_ww_claim claim = {test_date("2026-08-01"), test_date("2026-10-31"), 10751};
    struct sw_ww_month w;
    struct sw_trace tr;
    sw_month m;
    struct sw_err err;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_month_parse(&m, k->month, "test", &err), SW_OK);
    ck_assert_int_eq(sw_ww_month(&c, &claim, m, &w, &tr, &err), SW_OK);
    ck_assert_int_eq(w.gross, k->gross);
    ck_assert_int_eq(w.days_first, k->days_first);
    ck_assert_int_eq(w.days_after, k->days_after);
    if (k->gross > 0) {
        ck_assert_int_eq(w.full_first, 175370);
        ck_assert_int_eq(w.full_after, 163691);
        ck_assert_ptr_nonnull(strstr(tr.rule, "Werkloosheidswet"));
        ck_assert_int_eq((long)tr.nparams, 5);
    } else {
        /* Outside the claim nothing is looked up. */
        ck_assert_int_eq((long)tr.nparams, 0);
    }
}
END_TEST

/* A claim from 2026-08-15 .. 2026-11-14: part months, and the rate changes on
 * 2026-10-15 (2 months after the start), each stretch half up on its own:
 *   August, 17 of 31 days at 80.63: 8063 x 261 x 17 / (12 x 31) = 35775531 / 372 =
 *     96170.78 -> 961.71;
 *   October, 1-14 at 80.63: 8063 x 261 x 14 / 372 = 29462202 / 372 = 79199.47 ->
 *     791.99; 15-31 at 75.26: 7526 x 261 x 17 / 372 = 33392862 / 372 = 89765.76 ->
 *     897.66; together 1689.65;
 *   November, 1-14 of 30 at 75.26: 7526 x 261 x 14 / 360 = 27500004 / 360 =
 *     76388.90 -> 763.89. */
START_TEST(test_ww_month_part_months_and_rate_change)
{
    struct sw_ctx c = test_ctx();
    struct sw_ww_claim claim = {test_date("2026-08-15"), test_date("2026-11-14"), 10751};
    struct sw_ww_month w;
    struct sw_err err;

    ck_assert_int_eq(sw_ww_month(&c, &claim, sw_month_from_ym(2026, 8), &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.gross, 96171);
    ck_assert_int_eq(w.days_first, 17);
    ck_assert_int_eq(sw_ww_month(&c, &claim, sw_month_from_ym(2026, 10), &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.days_first, 14);
    ck_assert_int_eq(w.days_after, 17);
    ck_assert_int_eq(w.gross, 79199 + 89766);
    ck_assert_int_eq(sw_ww_month(&c, &claim, sw_month_from_ym(2026, 11), &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.gross, 76389);
}
END_TEST

/* Strict mode: a value the tables do not hold yet is an error naming it (the
 * maximum dagloon per 2026-07-01 is not published in the tables). */
START_TEST(test_ww_strict_names_missing_value)
{
    struct sw_ctx c;
    struct sw_ww_dagloon d;
    struct sw_err err;

    sw_ctx_init(&c, test_tables(), true);
    ck_assert_int_eq(sw_ww_dagloon(&c, test_date("2026-08-01"), 233844, &d, NULL, &err),
                     SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "ww.max_dagloon");
    /* Carried forward (the default): the last published maximum. */
    c = projecting_ctx();
    ck_assert_int_eq(sw_ww_dagloon(&c, test_date("2026-08-01"), 233844, &d, NULL, &err), SW_OK);
    ck_assert_int_eq(d.max, 30425);
}
END_TEST

static Suite *ww_suite(void)
{
    Suite *s = suite_create("ww");
    TCase *tc = tcase_create("ww");

    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_ww_wekeneis_26_of_36_weeks, 0,
                        (int)(sizeof(wekeneis) / sizeof(wekeneis[0])));
    tcase_add_test(tc, test_ww_dagloon_from_month_wage);
    tcase_add_test(tc, test_ww_dagloon_capped_at_maximum);
    tcase_add_test(tc, test_ww_claim_three_months);
    tcase_add_loop_test(tc, test_ww_month_first_and_later_rate, 0,
                        (int)(sizeof(full_months) / sizeof(full_months[0])));
    tcase_add_test(tc, test_ww_month_part_months_and_rate_change);
    tcase_add_test(tc, test_ww_strict_names_missing_value);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(ww_suite)
