/* check_schulden.c - the beslagvrije voet and the Wsnp's vrij te laten bedrag for
 * one month (schulden.c, tables/schulden.xml), against published figures:
 *  - schuldinfo.nl "Beslag op bijstand? Draag nooit meer dan 5% af!" (2021): a
 *    single's norm incl. vakantietoeslag of EUR 1.075,44; the beslagvrije voet is
 *    95 % of it, so never more than EUR 53,77 is taken (1.075,44 - 53,77 =
 *    1.021,67); for a couple EUR 1.536,34 and at most EUR 76,82 (1.459,52 left);
 *  - NOS 2021-03 (rekenvoorbeeld VNG/KBvG): "1022 euro per maand, plus 53 euro
 *    vakantietoeslag, dus in totaal 1075 euro [...] 95 procent van 1075 is 1021
 *    euro. Deurwaarders zouden dus 1075-1021=54 euro moeten krijgen" (rounded to
 *    euros; the cents above).
 * Hand calculations with the 2026 norm (Normenbrief 1-1-2026: alleenstaande
 * EUR 1.401,50 incl. vakantietoeslag): 95 % = 1.331,425 -> 1.331,43 (half up);
 * a net wage of EUR 2.179,84 leaves 2.179,84 - 1.331,43 = 848,41 to the beslag;
 * with EUR 100,00 of toeslagen lost the voet is 1.431,43 and 748,41 is taken. */
#include <string.h>

#include "switchsim/schulden.h"
#include "testutil.h"

struct bvv_case {
    const char *date;
    enum sw_debt_regime regime;
    int64_t norm, comp, income, vrij, taken;
};

static const struct bvv_case cases[] = {
    /* schuldinfo.nl: single, income at the norm incl. vakantietoeslag. */
    {"2021-01-01", SW_DEBTS_BESLAG, 107544, 0, 107544, 102167, 5377},
    /* schuldinfo.nl: couple. */
    {"2021-01-01", SW_DEBTS_BESLAG, 153634, 0, 153634, 145952, 7682},
    /* Income below the voet: nothing taken. */
    {"2021-06-01", SW_DEBTS_BESLAG, 107544, 0, 102167, 102167, 0},
    /* 2026, hand calculation above. */
    {"2026-04-01", SW_DEBTS_BESLAG, 140150, 0, 217984, 133143, 84841},
    {"2026-04-01", SW_DEBTS_BESLAG, 140150, 10000, 217984, 143143, 74841},
    /* Negative compensation counts as none. */
    {"2026-04-01", SW_DEBTS_BESLAG, 140150, -500, 217984, 133143, 84841},
    /* Wsnp: the same basis (Recofa since 2021), the rest to the boedel. */
    {"2026-04-01", SW_DEBTS_WSNP, 140150, 0, 217984, 133143, 84841},
};

START_TEST(test_schulden_month)
{
    const struct bvv_case *k = &cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_trace tr;
    struct sw_err err;
    int64_t vrij = -1, taken = -1;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_schulden_month(&c, test_date(k->date), k->regime, k->norm, k->comp,
                                       k->income, &vrij, &taken, &tr, &err), SW_OK);
    ck_assert_int_eq(vrij, k->vrij);
    ck_assert_int_eq(taken, k->taken);
    ck_assert_int_eq((long)tr.nparams, 1);
    ck_assert_str_eq(tr.params[0].id, k->regime == SW_DEBTS_WSNP
                                          ? "schulden.vtlb.percent"
                                          : "schulden.beslagvrije_voet.percent");
}
END_TEST

/* No debts: everything is kept, no lookup. */
START_TEST(test_schulden_none)
{
    struct sw_ctx c = test_ctx();
    struct sw_err err;
    int64_t vrij, taken;

    ck_assert_int_eq(sw_schulden_month(&c, test_date("1990-01-01"), SW_DEBTS_NONE, 140150, 0,
                                       217984, &vrij, &taken, NULL, &err), SW_OK);
    ck_assert_int_eq(vrij, 217984);
    ck_assert_int_eq(taken, 0);
}
END_TEST

/* Before the Wet vereenvoudiging beslagvrije voet (2021) the tables hold no
 * value: an error naming the parameter, never a guess. */
START_TEST(test_schulden_before_2021)
{
    struct sw_ctx c = test_ctx();
    struct sw_err err;
    int64_t vrij = 7, taken = 7;

    ck_assert_int_eq(sw_schulden_month(&c, test_date("2020-12-01"), SW_DEBTS_BESLAG, 140150, 0,
                                       217984, &vrij, &taken, NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "schulden.beslagvrije_voet.percent");
    ck_assert_int_eq(vrij, 7);
    ck_assert_int_eq(taken, 7);
}
END_TEST

static Suite *schulden_suite(void)
{
    Suite *s = suite_create("schulden");
    TCase *tc = tcase_create("schulden");

    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_schulden_month, 0, (int)(sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, test_schulden_none);
    tcase_add_test(tc, test_schulden_before_2021);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(schulden_suite)
