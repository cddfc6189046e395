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
 * with EUR 100,00 of toeslagen lost the voet is 1.431,43 and 748,41 is taken.
 *
 * The maximum beslagvrije voet (art. 475da lid 1 Rv; tables/schulden.xml): per
 * 1 juli 2025 (fundamentvoor.nl) alleenstaande EUR 2.093,67, alleenstaande ouder
 * 2.264,67, gehuwden zonder kinderen 2.771,07, met kinderen 2.888,00; per 1 januari
 * 2021 (vng.nl) alleenstaande 1.661,40; per 1 januari 2024 (schuldinfo.nl)
 * alleenstaande 1.996,21, which stands in (voorlopig) for 1 juli 2024 (not found):
 *   1.331,43 + 800,00 = 2.131,43 > 2.093,67: the maximum; 2.500,00 - 2.093,67 = 406,33
 *   1.331,43 + 950,00 = 2.281,43 > 2.264,67 (single parent)
 *   95 % of 2.000,00 = 1.900,00 + 1.000,00 = 2.900,00 > 2.888,00 (a child of 10) and
 *   > 2.771,07 (the child is 18: gehuwden zonder kinderen jonger dan 18)
 *   1.331,43 + 500,00 = 1.831,43 < 2.093,67: not capped
 *   1.021,67 + 700,00 = 1.721,67 > 1.661,40 (2021)
 *   1.331,43 + 800,00 = 2.131,43 > 1.996,21 (September 2024, voorlopig) */
#include <string.h>

#include "switchsim/schulden.h"
#include "testutil.h"

struct bvv_case {
    const char *date;
    enum sw_debt_regime regime;
    int64_t norm, comp, income, vrij, taken;
    enum sw_composition hh;
    const char *child;   /* a child's birth date, or NULL */
};

static const struct bvv_case cases[] = {
    /* schuldinfo.nl: single, income at the norm incl. vakantietoeslag. */
    {"2021-01-01", SW_DEBTS_BESLAG, 107544, 0, 107544, 102167, 5377, SW_HH_SINGLE, NULL},
    /* schuldinfo.nl: couple. */
    {"2021-01-01", SW_DEBTS_BESLAG, 153634, 0, 153634, 145952, 7682, SW_HH_SINGLE, NULL},
    /* Income below the voet: nothing taken. */
    {"2021-06-01", SW_DEBTS_BESLAG, 107544, 0, 102167, 102167, 0, SW_HH_SINGLE, NULL},
    /* 2026, hand calculation above. */
    {"2026-04-01", SW_DEBTS_BESLAG, 140150, 0, 217984, 133143, 84841, SW_HH_SINGLE, NULL},
    {"2026-04-01", SW_DEBTS_BESLAG, 140150, 10000, 217984, 143143, 74841, SW_HH_SINGLE, NULL},
    /* Negative compensation counts as none. */
    {"2026-04-01", SW_DEBTS_BESLAG, 140150, -500, 217984, 133143, 84841, SW_HH_SINGLE, NULL},
    /* Wsnp: the same basis (Recofa since 2021), the rest to the boedel. */
    {"2026-04-01", SW_DEBTS_WSNP, 140150, 0, 217984, 133143, 84841, SW_HH_SINGLE, NULL},
    /* The maximum beslagvrije voet (hand calculations above). */
    {"2025-09-01", SW_DEBTS_BESLAG, 140150, 80000, 250000, 209367, 40633, SW_HH_SINGLE, NULL},
    {"2025-09-01", SW_DEBTS_WSNP, 140150, 80000, 250000, 209367, 40633, SW_HH_SINGLE, NULL},
    {"2025-09-01", SW_DEBTS_BESLAG, 140150, 95000, 250000, 226467, 23533, SW_HH_SINGLE_PARENT,
     "2015-05-01"},
    {"2025-09-01", SW_DEBTS_BESLAG, 200000, 100000, 300000, 288800, 11200, SW_HH_COUPLE,
     "2015-05-01"},
    {"2025-09-01", SW_DEBTS_BESLAG, 200000, 100000, 300000, 277107, 22893, SW_HH_COUPLE,
     "2007-08-31"},
    {"2025-09-01", SW_DEBTS_BESLAG, 140150, 50000, 250000, 183143, 66857, SW_HH_SINGLE, NULL},
    {"2021-01-01", SW_DEBTS_BESLAG, 107544, 70000, 200000, 166140, 33860, SW_HH_SINGLE, NULL},
    {"2024-09-01", SW_DEBTS_BESLAG, 140150, 80000, 250000, 199621, 50379, SW_HH_SINGLE, NULL},
};

START_TEST(test_schulden_month)
{
    const struct bvv_case *k = &cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_trace tr;
    struct sw_err err;
    int64_t vrij = -1, taken = -1;
    sw_date child = k->child ? test_date(k->child) : SW_NO_DATE;
    struct sw_debt_household hh = {k->hh, &child, k->child ? 1 : 0};

    /* 2026 and the second half of 2024: the last published maximum stands in. */
    c.project = true;
    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_schulden_month(&c, test_date(k->date), k->regime, &hh, k->norm, k->comp,
                                       k->income, &vrij, &taken, &tr, &err), SW_OK);
    ck_assert_int_eq(vrij, k->vrij);
    ck_assert_int_eq(taken, k->taken);
    /* The maximum is looked up only with a compensation. */
    ck_assert_int_eq((long)tr.nparams > 1, k->comp > 0);
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

    struct sw_debt_household hh = {SW_HH_SINGLE, NULL, 0};

    ck_assert_int_eq(sw_schulden_month(&c, test_date("1990-01-01"), SW_DEBTS_NONE, &hh, 140150, 0,
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

    struct sw_debt_household hh = {SW_HH_SINGLE, NULL, 0};

    ck_assert_int_eq(sw_schulden_month(&c, test_date("2020-12-01"), SW_DEBTS_BESLAG, &hh, 140150, 0,
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
