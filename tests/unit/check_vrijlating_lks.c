/* check_vrijlating_lks.c - the inkomstenvrijlating for the doelgroep
 * loonkostensubsidie (Participatiewet art. 31 lid 2 onder z and aa, bijstand.c),
 * against the law text per 2026-01-01 (BWBR0015703, MinBZK/regelrecht-corpus):
 * onder z: 'tot 15 procent van deze inkomsten uit arbeid, met een maximum van
 * € 180,19 per maand, gedurende een periode van twaalf maanden nadat de periode
 * van zes maanden, bedoeld in onderdeel n, is verstreken, ..., tenzij onderdeel y
 * van toepassing is'; onder aa: the same percentage and maximum after those
 * twelve months, when the college judges more hours not possible. Art. 31 lid 5
 * excludes n and r below 27, not z and aa. */
#include <string.h>

#include "switchsim/bijstand.h"
#include "testutil.h"

static struct sw_household_facts lks_facts(const char *birth)
{
    struct sw_household_facts f;

    sw_household_facts_init(&f);
    f.birth = test_date(birth);
    f.lks_doelgroep = true;
    return f;
}

START_TEST(test_z_after_n)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = lks_facts("1990-03-10");
    struct sw_vrijlating v;
    struct sw_err err;

    /* Month 6: still onder n (25 %, max 285,00): 25 % x 1.000,00 = 250,00. */
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &f, 100000, 6, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_N);
    ck_assert_int_eq(v.amount, 25000);
    /* Month 7: onder z, 15 % x 1.000,00 = 150,00 (below 180,19), 11 months left. */
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &f, 100000, 7, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_Z);
    ck_assert_int_eq(v.amount, 15000);
    ck_assert_int_eq(v.months_left, 11);
    /* 15 % x 1.247,95 = 187,1925: the maximum 180,19. */
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &f, 124795, 18, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_Z);
    ck_assert_int_eq(v.amount, 18019);
    ck_assert_int_eq(v.months_left, 0);
    /* Month 19: z is over; without the college's judgment nothing. */
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &f, 100000, 19, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_NONE);
    ck_assert_int_eq(v.amount, 0);
    /* With it: onder aa, without end: 15 % x 1.000,01 = 150,0015 -> 150,00. */
    f.lks_no_more_hours = true;
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &f, 100001, 40, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_AA);
    ck_assert_int_eq(v.amount, 15000);
    ck_assert_int_eq(v.months_left, -1);
    ck_assert_str_eq(sw_vrijlating_kind_name(v.kind), "aa");
}
END_TEST

START_TEST(test_y_before_z_and_young)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = lks_facts("1990-03-10");
    struct sw_household_facts young = lks_facts("2003-01-01");
    struct sw_vrijlating v;
    struct sw_err err;

    /* Medisch urenbeperkt: onder y ('tenzij onderdeel y van toepassing is'). */
    f.medical_hour_limit = true;
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &f, 100000, 7, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_Y);
    /* 23 on 2026-01-01: no onder n in months 1-6 (art. 31 lid 5), onder z from
     * month 7: lid 5 does not name z. */
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &young, 100000, 3, &v, NULL,
                                   &err), SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_NONE);
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2026-01-01"), &young, 100000, 7, &v, NULL,
                                   &err), SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_Z);
    ck_assert_int_eq(v.amount, 15000);
}
END_TEST

START_TEST(test_z_2024_maximum)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = lks_facts("1990-03-10");
    struct sw_vrijlating v;
    struct sw_err err;

    /* Per 2024-01-01 the maximum of z was 157,96 (text per that date). */
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2024-01-01"), &f, 200000, 10, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_Z);
    ck_assert_int_eq(v.amount, 15796);
    /* Per 2024-07-01 170,18 and per 2025-07-01 176,35 (Participatiewet art. 31 lid 2
     * onder z, texts per those dates): 15 % of 2.000,00 = 300,00, capped. */
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2024-07-01"), &f, 200000, 10, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.amount, 17018);
    ck_assert_int_eq(sw_vrijlating(&c, test_date("2025-07-01"), &f, 200000, 10, &v, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v.kind, SW_VRIJLATING_Z);
    ck_assert_int_eq(v.amount, 17635);
}
END_TEST

static Suite *vrijlating_lks_suite(void)
{
    Suite *s = suite_create("vrijlating_lks");
    TCase *tc = tcase_create("vrijlating_lks");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_z_after_n);
    tcase_add_test(tc, test_y_before_z_and_young);
    tcase_add_test(tc, test_z_2024_maximum);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(vrijlating_lks_suite)
