/* check_wajong.c - the Wajong rule (wajong.c) against hand calculations from
 * published values: the grondslag is the minimumloon for a 36-hour week
 * (rijksoverheid.nl, "Uitkeringsbedragen per 1 januari 2026": "afgeleid ... bij een
 * 36-urige werkweek"), WML EUR 14.71/h from 2026-01-01 (wml.xml); without work 70 %
 * (arbeidsvermogen) or 75 % (duurzaam geen arbeidsvermogen) of it; with work the
 * Wajong drops by 70 % of the gross wage (uwv.nl: "U houdt van iedere euro die u
 * verdient 30 cent over"). */
#include <string.h>

#include "switchsim/wajong.h"
#include "testutil.h"

/* 14.71 x 36 x 52 / 12 = 2294.76; 70 % = 1606.332 -> 1606.33. */
START_TEST(test_wajong_without_work_70_percent)
{
    struct sw_ctx c = test_ctx();
    struct sw_wajong_month w;
    struct sw_trace tr;
    struct sw_err err;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                     SW_WAJONG_2010, true, 0, &w, &tr, &err), SW_OK);
    ck_assert_int_eq(w.grondslag, 229476);
    ck_assert_int_eq(w.full, 160633);
    ck_assert_int_eq(w.gross, 160633);
    ck_assert_ptr_nonnull(strstr(tr.rule, "Wajong"));
}
END_TEST

/* Wajong 2015 (duurzaam geen arbeidsvermogen): 75 % of 2294.76 = 1721.07 without work;
 * with work per art. 1a:4 lid 2 Wet Wajong (Stb. 2020, 173, in force 2021-01-01):
 * 0,75 x (G - I):
 *   1000.00 -> 75 % = 750.00; 1721.07 - 750.00 = 971.07
 *   1784.81 -> 75 % = 1338.6075 -> 1338.61; 382.46 (0,75 x 509.95 = 382.4625 -> 382.46)
 *   2294.76 -> 1721.07: 0 (income = grondslag) */
START_TEST(test_wajong_without_arbeidsvermogen_75_percent)
{
    struct sw_ctx c = test_ctx();
    struct sw_wajong_month w;
    struct sw_err err;

    ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                     SW_WAJONG_2015, false, 0, &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.gross, 172107);
    ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                     SW_WAJONG_2015, false, 100000, &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.reduction, 75000);
    ck_assert_int_eq(w.gross, 97107);
    ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                     SW_WAJONG_2015, false, 178481, &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.gross, 38246);
    ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                     SW_WAJONG_2015, false, 229476, &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.gross, 0);
    /* Before 2021 the rule (all income off, art. 1a:4 lid 3 old) is not in the tables:
     * an error naming the parameter. */
    ck_assert_int_ne(sw_wajong_month(&c, test_date("2020-03-01"), test_date("1994-05-01"),
                                     SW_WAJONG_2015, false, 100000, &w, NULL, &err), SW_OK);
}
END_TEST

/* The oude Wajong and the Wajong 2010 for someone with duurzaam geen
 * arbeidsvermogen: from 2021 the same 0,75 x (G - I) as the Wajong 2015, each by
 * its own article (Wet Wajong 2021-01-01 text, wetten.overheid.nl BWBR0008657):
 * art. 2:46 lid 1 for the Wajong 2010 ("De uitkering, bedoeld in artikel 2:45,
 * bedraagt per dag 0,75 * (G - I)"), art. 3:8b lid 1 for the oude Wajong with 80 %
 * or more arbeidsongeschiktheid (art. 3:8a). With 1000.00 income:
 * 0,75 x (2294.76 - 1000.00) = 0,75 x 1294.76 = 971.07. */
START_TEST(test_wajong_old_regimes_without_arbeidsvermogen)
{
    static const struct {
        enum sw_wajong_regime regime;
        const char *article, *param;
    } k[] = {
        {SW_WAJONG_OUD, "3:8b", "wajong.work_reduction_percent.geen_arbeidsvermogen.owajong"},
        {SW_WAJONG_2010, "2:46", "wajong.work_reduction_percent.geen_arbeidsvermogen.wajong2010"},
    };
    struct sw_ctx c = test_ctx();
    struct sw_wajong_month w;
    struct sw_trace tr;
    struct sw_err err;

    for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
        memset(&tr, 0, sizeof(tr));
        ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                         k[i].regime, false, 0, &w, NULL, &err), SW_OK);
        ck_assert_int_eq(w.gross, 172107);
        ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                         k[i].regime, false, 100000, &w, &tr, &err), SW_OK);
        ck_assert_int_eq(w.reduction, 75000);
        ck_assert_int_eq(w.gross, 97107);
        ck_assert_ptr_nonnull(strstr(tr.rule, k[i].article));
        /* The trace names the regime's own parameter (tables/wajong.xml). */
        bool found = false;
        for (size_t j = 0; j < tr.nparams; j++)
            found = found || strcmp(tr.params[j].id, k[i].param) == 0;
        ck_assert_msg(found, "trace names %s", k[i].param);
    }
}
END_TEST

struct work_case {
    int64_t income, gross;
};

/* 1606.33 - 70 % x income (half up), not below 0:
 *   1000.00 -> 1606.33 - 700.00 = 906.33
 *   1784.81 -> 70 % = 1249.367 -> 1249.37; 356.96
 *   2294.76 (full-time WML) -> 1606.332 -> 1606.33; 0: total = the minimumloon
 *   3000.00 -> 2100.00 > 1606.33: 0 */
static const struct work_case work[] = {
    {100000, 90633}, {178481, 35696}, {229476, 0}, {300000, 0},
};

START_TEST(test_wajong_with_work_keeps_30_cents)
{
    struct sw_ctx c = test_ctx();
    struct sw_wajong_month w;
    struct sw_err err;

    ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("1994-05-01"),
                                     SW_WAJONG_2010, true, work[_i].income, &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.gross, work[_i].gross);
}
END_TEST

/* Under 21 the minimumjeugdloon: 18 years old on 2026-03-01 -> 50 % of 14.71 = 7.355 ->
 * 7.36 (Besluit minimumjeugdloon); 7.36 x 156 = 1148.16; 70 % = 803.712 -> 803.71. */
START_TEST(test_wajong_youth_grondslag)
{
    struct sw_ctx c = test_ctx();
    struct sw_wajong_month w;
    struct sw_err err;

    ck_assert_int_eq(sw_wajong_month(&c, test_date("2026-03-01"), test_date("2007-06-01"),
                                     SW_WAJONG_2010, true, 0, &w, NULL, &err), SW_OK);
    ck_assert_int_eq(w.grondslag, 114816);
    ck_assert_int_eq(w.gross, 80371);
}
END_TEST

static Suite *wajong_suite(void)
{
    Suite *s = suite_create("wajong");
    TCase *tc = tcase_create("wajong");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_wajong_without_work_70_percent);
    tcase_add_test(tc, test_wajong_without_arbeidsvermogen_75_percent);
    tcase_add_test(tc, test_wajong_old_regimes_without_arbeidsvermogen);
    tcase_add_loop_test(tc, test_wajong_with_work_keeps_30_cents, 0,
                        (int)(sizeof(work) / sizeof(work[0])));
    tcase_add_test(tc, test_wajong_youth_grondslag);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(wajong_suite)
