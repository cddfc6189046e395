/* check_terugval.c - the way back after a job (terugval.c): the zoektermijn of
 * the bijstand for someone under 27 (Participatiewet art. 41 lid 4: "een persoon
 * jonger dan 27 jaar", four weeks after the melding) and the weeks until a new
 * Wmo indication (Wmo 2015 art. 2.3.2 lid 1: research within six weeks, art.
 * 2.3.5 lid 1: a decision within two weeks, 6 + 2 = 8 weeks). */
#include <string.h>

#include "switchsim/terugval.h"
#include "testutil.h"

struct zoek_case {
    const char *birth;       /* NULL: no birth date (an adult) */
    bool applies;
    const char *bijstand_from;
};

/* Reported on 2026-06-01: born 2002-05-01 is 24 -> 4 weeks, bijstand from
 * 2026-06-29; born 1999-06-02 is 26 (27 one day later) -> 2026-06-29; born
 * 1999-06-01 is 27 that day -> at once; no birth date -> at once. */
static const struct zoek_case zoek[] = {
    {"2002-05-01", true, "2026-06-29"},
    {"1999-06-02", true, "2026-06-29"},
    {"1999-06-01", false, "2026-06-01"},
    {NULL, false, "2026-06-01"},
};

START_TEST(test_terugval_zoektermijn_under_27)
{
    const struct zoek_case *k = &zoek[_i];
    struct sw_ctx c = test_ctx();
    struct sw_zoektermijn z;
    struct sw_trace tr;
    struct sw_err err;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_terugval_zoektermijn(&c, test_date("2026-06-01"),
                                             k->birth ? test_date(k->birth) : SW_NO_DATE, &z,
                                             &tr, &err), SW_OK);
    ck_assert_int_eq(z.weeks, 4);
    ck_assert_int_eq(z.age_below, 27);
    ck_assert_int_eq(z.applies, k->applies);
    ck_assert_int_eq(z.bijstand_from, test_date(k->bijstand_from));
    ck_assert_ptr_nonnull(strstr(tr.rule, "art. 41 lid 4"));
    ck_assert_int_eq((long)tr.nparams, 2);
}
END_TEST

/* Asked on 2026-06-01: 8 weeks = 56 days -> 2026-07-27. */
START_TEST(test_terugval_new_indication_eight_weeks)
{
    struct sw_ctx c = test_ctx();
    struct sw_new_indication n;
    struct sw_err err;

    ck_assert_int_eq(sw_terugval_new_indication(&c, test_date("2026-06-01"), &n, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(n.weeks, 8);
    ck_assert_int_eq(n.from, test_date("2026-07-27"));
}
END_TEST

static Suite *terugval_suite(void)
{
    Suite *s = suite_create("terugval");
    TCase *tc = tcase_create("terugval");

    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_terugval_zoektermijn_under_27, 0,
                        (int)(sizeof(zoek) / sizeof(zoek[0])));
    tcase_add_test(tc, test_terugval_new_indication_eight_weeks);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(terugval_suite)
