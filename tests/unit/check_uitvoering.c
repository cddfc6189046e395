/* check_uitvoering.c - when the letters come (uitvoering.c). Published practice
 * and law: the definitive berekening of a toeslag "vanaf 15 juni" of the next
 * year (Dienst Toeslagen), paid "6 weken na de datum van de
 * terugvorderingsbeschikking" (belastingdienst.nl; 2 whole months); no recovery
 * of EUR 116 or less for a definitieve berekening in 2024 (belastingdienst.nl);
 * the income-tax assessment before 1 July after an aangifte before April
 * (Belastingdienst), paid within two months (Invorderingswet 1990 art. 9 lid 1);
 * a bijstand letter shown as paid one month later (the tables' convention). */
#include <string.h>

#include "switchsim/uitvoering.h"
#include "testutil.h"

/* Toeslag year 2026: the letter in June 2027, paid in August 2027. */
START_TEST(test_uitvoering_toeslag_june_next_year)
{
    struct sw_ctx c = test_ctx();
    struct sw_collection when;
    struct sw_trace tr;
    struct sw_err err;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_uitvoering_toeslag(&c, 2026, &when, &tr, &err), SW_OK);
    ck_assert_int_eq(when.letter, sw_month_from_ym(2027, 6));
    ck_assert_int_eq(when.collected, sw_month_from_ym(2027, 8));
    ck_assert_int_eq((long)tr.nparams, 2);
}
END_TEST

/* The doelmatigheidsgrens of a definitive berekening in June 2025: EUR 116.00 (the
 * 2024 amount carried on in the tables) is not recovered, EUR 116.01 is. */
START_TEST(test_uitvoering_toeslag_threshold)
{
    struct sw_ctx c = test_ctx();
    bool recovered;
    struct sw_err err;

    ck_assert_int_eq(sw_uitvoering_toeslag_recovered(&c, sw_month_from_ym(2025, 6), 11600,
                                                     &recovered, NULL, &err), SW_OK);
    ck_assert(!recovered);
    ck_assert_int_eq(sw_uitvoering_toeslag_recovered(&c, sw_month_from_ym(2025, 6), 11601,
                                                     &recovered, NULL, &err), SW_OK);
    ck_assert(recovered);
    /* 2023: EUR 106. */
    ck_assert_int_eq(sw_uitvoering_toeslag_recovered(&c, sw_month_from_ym(2023, 6), 10601,
                                                     &recovered, NULL, &err), SW_OK);
    ck_assert(recovered);
}
END_TEST

/* Income tax over 2026: the aanslag in June 2027, paid by August 2027. */
START_TEST(test_uitvoering_ib_two_months_after_june)
{
    struct sw_ctx c = test_ctx();
    struct sw_collection when;
    struct sw_err err;

    ck_assert_int_eq(sw_uitvoering_ib(&c, 2026, &when, NULL, &err), SW_OK);
    ck_assert_int_eq(when.letter, sw_month_from_ym(2027, 6));
    ck_assert_int_eq(when.collected, sw_month_from_ym(2027, 8));
}
END_TEST

/* A bijstand letter in April 2026 is shown as paid in May 2026. */
START_TEST(test_uitvoering_bijstand_next_month)
{
    struct sw_ctx c = test_ctx();
    struct sw_collection when;
    struct sw_err err;

    ck_assert_int_eq(sw_uitvoering_bijstand(&c, sw_month_from_ym(2026, 4), &when, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(when.letter, sw_month_from_ym(2026, 4));
    ck_assert_int_eq(when.collected, sw_month_from_ym(2026, 5));
}
END_TEST

static Suite *uitvoering_suite(void)
{
    Suite *s = suite_create("uitvoering");
    TCase *tc = tcase_create("uitvoering");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_uitvoering_toeslag_june_next_year);
    tcase_add_test(tc, test_uitvoering_toeslag_threshold);
    tcase_add_test(tc, test_uitvoering_ib_two_months_after_june);
    tcase_add_test(tc, test_uitvoering_bijstand_next_month);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(uitvoering_suite)
