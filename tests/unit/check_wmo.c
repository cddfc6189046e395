/* check_wmo.c - the Wmo eigen bijdrage (wmo.c): the abonnementstarief per
 * household and month, the exemption for couples below the AOW age and the month
 * the CAK bills. Published values: hetcak.nl "Verandering in de eigen bijdrage
 * Wmo 2026" ("wijzigt van maximaal EUR 21,- naar EUR 21,80 per maand"), EUR 20.60 in
 * 2024 (gemeente Leiden), hetcak.nl "In januari 2026 betaalt u de eigen bijdrage
 * van december 2025"; Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 3 onder f (no
 * bijdrage from spouses of whom one is below the AOW age); AOW age 67 for 2024
 * to 2027 (AOW art. 7a). */
#include <string.h>

#include "switchsim/wmo.h"
#include "testutil.h"

static struct sw_ctx projecting_ctx(void)
{
    struct sw_ctx c;

    sw_ctx_init(&c, test_tables(), false);
    return c;
}

struct tarief_case {
    int year, month;
    int64_t tarief;
};

static const struct tarief_case tarieven[] = {
    {2024, 1, 2060}, {2024, 12, 2060}, {2025, 1, 2100}, {2025, 12, 2100}, {2026, 1, 2180},
    {2026, 12, 2180},
};

START_TEST(test_wmo_abonnementstarief_single)
{
    const struct tarief_case *k = &tarieven[_i];
    struct sw_ctx c = test_ctx();
    struct sw_wmo_household h = {false, test_date("1994-05-01"), SW_NO_DATE};
    struct sw_trace tr;
    struct sw_err err;
    int64_t bijdrage;

    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_wmo_eigen_bijdrage(&c, sw_month_from_ym(k->year, k->month), &h,
                                           &bijdrage, &tr, &err), SW_OK);
    ck_assert_int_eq(bijdrage, k->tarief);
    ck_assert_ptr_nonnull(strstr(tr.rule, "Wmo 2015"));
    /* The tarief and the exemption rule; no AOW lookup for a single client. */
    ck_assert_int_eq((long)tr.nparams, 2);
}
END_TEST

/* The CAK bills a month's bijdrage the month after: January 2026 bills December
 * 2025 (EUR 21.00), February 2026 bills January 2026 (EUR 21.80). */
START_TEST(test_wmo_billed_a_month_later)
{
    struct sw_ctx c = test_ctx();
    struct sw_wmo_household h = {false, SW_NO_DATE, SW_NO_DATE};
    sw_month service;
    int64_t bijdrage;
    struct sw_err err;

    ck_assert_int_eq(sw_wmo_service_month(&c, sw_month_from_ym(2026, 1), &service, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(service, sw_month_from_ym(2025, 12));
    ck_assert_int_eq(sw_wmo_eigen_bijdrage(&c, service, &h, &bijdrage, NULL, &err), SW_OK);
    ck_assert_int_eq(bijdrage, 2100);
    ck_assert_int_eq(sw_wmo_service_month(&c, sw_month_from_ym(2026, 2), &service, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(service, sw_month_from_ym(2026, 1));
    ck_assert_int_eq(sw_wmo_eigen_bijdrage(&c, service, &h, &bijdrage, NULL, &err), SW_OK);
    ck_assert_int_eq(bijdrage, 2180);
}
END_TEST

/* Couples, 2026 (AOW age 67):
 *   both born 1990: both below the AOW age -> exempt, 0;
 *   born 1958-01-01 (67 on 2025-01-01) and 1960-03-01 (67 on 2027-03-01): one
 *     below -> exempt, 0;
 *   born 1955-01-01 and 1957-06-01 (67 on 2024-06-01): both above -> EUR 21.80;
 *   a single client above the AOW age (1950): EUR 21.80. */
struct couple_case {
    bool couple;
    const char *birth, *partner;
    bool exempt;
    int64_t bijdrage;
};

static const struct couple_case couples[] = {
    {true, "1990-03-01", "1992-01-01", true, 0},
    {true, "1958-01-01", "1960-03-01", true, 0},
    {true, "1955-01-01", "1957-06-01", false, 2180},
    {false, "1950-01-01", NULL, false, 2180},
};

START_TEST(test_wmo_couple_below_aow_exempt)
{
    const struct couple_case *k = &couples[_i];
    struct sw_ctx c = test_ctx();
    struct sw_wmo_household h;
    sw_date d = test_date("2026-05-01");
    int64_t bijdrage;
    bool exempt;
    struct sw_err err;

    h.couple = k->couple;
    h.birth = test_date(k->birth);
    h.partner_birth = k->partner ? test_date(k->partner) : SW_NO_DATE;
    ck_assert_int_eq(sw_wmo_couple_exempt(&c, d, &h, &exempt, NULL, &err), SW_OK);
    ck_assert_int_eq(exempt, k->exempt);
    ck_assert_int_eq(sw_wmo_eigen_bijdrage(&c, sw_month_of(d), &h, &bijdrage, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(bijdrage, k->bijdrage);
}
END_TEST

/* The couple born 1958 and 1960: from March 2027 both have reached the AOW age
 * and the exemption ends. The tarief of 2027 is not published in the tables: it
 * is carried forward (EUR 21.80), and strict mode names it. */
START_TEST(test_wmo_exemption_ends_at_aow_age)
{
    struct sw_ctx c = projecting_ctx();
    struct sw_wmo_household h = {true, test_date("1958-01-01"), test_date("1960-03-01")};
    int64_t bijdrage;
    struct sw_err err;

    ck_assert_int_eq(sw_wmo_eigen_bijdrage(&c, sw_month_from_ym(2027, 2), &h, &bijdrage, NULL,
                                           &err), SW_OK);
    ck_assert_int_eq(bijdrage, 0);
    ck_assert_int_eq(sw_wmo_eigen_bijdrage(&c, sw_month_from_ym(2027, 3), &h, &bijdrage, NULL,
                                           &err), SW_OK);
    ck_assert_int_eq(bijdrage, 2180);
    c = test_ctx();
    ck_assert_int_eq(sw_wmo_eigen_bijdrage(&c, sw_month_from_ym(2027, 3), &h, &bijdrage, NULL,
                                           &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "wmo.abonnementstarief");
}
END_TEST

static Suite *wmo_suite(void)
{
    Suite *s = suite_create("wmo");
    TCase *tc = tcase_create("wmo");

    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_wmo_abonnementstarief_single, 0,
                        (int)(sizeof(tarieven) / sizeof(tarieven[0])));
    tcase_add_test(tc, test_wmo_billed_a_month_later);
    tcase_add_loop_test(tc, test_wmo_couple_below_aow_exempt, 0,
                        (int)(sizeof(couples) / sizeof(couples[0])));
    tcase_add_test(tc, test_wmo_exemption_ends_at_aow_age);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(wmo_suite)
