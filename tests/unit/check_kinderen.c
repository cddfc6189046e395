/* check_kinderen.c - kinderbijslag, kindgebonden budget and the inkomensafhankelijke
 * combinatiekorting (kinderen.c) against the published figures:
 *  - kinderbijslag per kwartaal 2026 (first half): 295,07 (0-5), 358,30 (6-11),
 *    421,53 (12-17) (slimgeldbeheer.nl 'Kinderbijslag 2026'); July 2024 281,69 /
 *    342,05 / 402,41 (metronieuws.nl naar de SVB); the age on the first day of
 *    the quarter counts (SVB: 'Is je kind op de eerste dag van een kwartaal 6 of
 *    12 jaar? Dan krijg je voor dat kwartaal het hogere bedrag').
 *  - kindgebonden budget 2026 (Wet op het kindgebonden budget, tekst per
 *    2026-01-01, art. 1 en 2): 2.580 per kind, 724 (12-15), 964 (16-17), 3.416
 *    alleenstaande-ouderkop, afbouw 7,60 % boven 29.736 (met partner 29.736 +
 *    9.405 = 39.141, zandwijken.nl).
 *  - IACK 2026 (Wet IB 2001 art. 8.14a, tekst per 2026-01-01): 11,45 % boven
 *    6.239, ten hoogste 3.032.
 *  - kinderbijslag per 1 januari 2025, 1 juli 2025 and 1 juli 2026 (AKW art. 12
 *    lid 3, tekst per die datum): 286,45 / 347,83 / 409,21; 291,49 / 353,95 /
 *    416,41; 298,40 / 362,35 / 426,29 (the 2025 amounts also on metronieuws.nl
 *    2025-01, 'bron: Sociale Verzekeringsbank').
 *  - kindgebonden budget 2024 and 2025 (WKB art. 2, tekst per 2024-01-01 and
 *    2025-01-01): 2.436 / 2.511 per kind, 3.480 / 3.389 ouderkop, afbouw 6,75 % /
 *    7,10 %, met partner + 9.030 / 9.139; drempelinkomen 26.819 / 28.406.
 *  - IACK 2024 and 2025 (Belastingdienst IACK-tabel): meer dan 6.073 / 6.145,
 *    ten hoogste 2.950 / 2.986.
 * Each expected figure is worked out by hand in the comment above it. */
#include <string.h>

#include "switchsim/kinderen.h"
#include "testutil.h"

START_TEST(test_kinderbijslag_2026_q1)
{
    struct sw_ctx c = test_ctx();
    sw_date kids[3] = {test_date("2020-05-15"), test_date("2014-02-10"),
                       test_date("2008-03-01")};
    struct sw_err err;
    int64_t amount;
    int n;

    /* On 2026-01-01 the children are 5, 11 and 17: 295,07 + 358,30 + 421,53 = 1.074,90. */
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2026-01-01"), kids, 3, &amount, &n,
                                              NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 107490);
    ck_assert_int_eq(n, 3);
    /* On 2026-04-01: 5 (295,07), 12 since 10 February (421,53), 18 since 1 March
     * (none): 716,60. */
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2026-04-01"), kids, 3, &amount, &n,
                                              NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 71660);
    ck_assert_int_eq(n, 2);
}
END_TEST

START_TEST(test_kinderbijslag_born_in_quarter)
{
    struct sw_ctx c = test_ctx();
    sw_date born_first = test_date("2026-01-01"), born_later = test_date("2026-01-02");
    struct sw_err err;
    int64_t amount;

    /* Born on the first day of the quarter: kinderbijslag for that quarter
     * (metronieuws.nl: 'Alleen als je kind op de allereerste dag van het kwartaal
     * geboren wordt ... begint de bijslag dan al'); a day later: not yet. */
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2026-01-01"), &born_first, 1,
                                              &amount, NULL, NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 29507);
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2026-01-01"), &born_later, 1,
                                              &amount, NULL, NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 0);
    /* July 2024, a child of 2: 281,69. */
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2024-07-01"),
                                              (sw_date[]){test_date("2022-01-01")}, 1, &amount,
                                              NULL, NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 28169);
}
END_TEST

START_TEST(test_kinderbijslag_paid_after_quarter)
{
    struct sw_ctx c = test_ctx();
    struct sw_err err;
    sw_month pay;

    /* The SVB pays the first quarter at the start of April. */
    ck_assert_int_eq(sw_kinderbijslag_pay_month(&c, sw_month_from_ym(2026, 3), &pay, &err), SW_OK);
    ck_assert_int_eq(pay, sw_month_from_ym(2026, 4));
}
END_TEST

START_TEST(test_kgb_single_parent_full)
{
    struct sw_ctx c = test_ctx();
    sw_date kids[2] = {test_date("2020-05-15"), test_date("2014-02-10")};
    struct sw_kgb_facts f = {2000000, false, kids, 2, false, 0};
    struct sw_kgb_month m;
    struct sw_err err;

    /* January 2026, income 20.000 (below the drempel 29.736): 2 x 2.580 + 3.416 =
     * 8.576; no supplement yet (the 12th birthday is in February). */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 1), &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.children, 2);
    ck_assert_int_eq(m.year_claim, 857600);
    /* February: still none (the month of the birthday); March: + 724 = 9.300. */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 2), &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 857600);
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 3), &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 930000);
}
END_TEST

/* The vermogenstoets (WKB art. 1 lid 4, text per 2026-01-01): no claim when the
 * rendementsgrondslag at the start of the year is 'meer dan € 146.011' (without a
 * partner) or, jointly, 'meer dan € 184.633' (with one). At the grens itself the
 * claim of test_kgb_single_parent_full stays: 8.576. */
START_TEST(test_kgb_vermogen)
{
    struct sw_ctx c = test_ctx();
    sw_date kids[2] = {test_date("2020-05-15"), test_date("2014-02-10")};
    struct sw_kgb_facts f = {2000000, false, kids, 2, true, 14601100};
    struct sw_kgb_month m;
    struct sw_err err;
    sw_month jan = sw_month_from_ym(2026, 1);

    ck_assert_int_eq(sw_kgb_month(&c, jan, &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 857600);
    f.vermogen = 14601101;
    ck_assert_int_eq(sw_kgb_month(&c, jan, &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 0);
    /* With a partner the joint grens is 184.633: 146.011,01 still gets the claim
     * (2 x 2.580 = 5.160 on an income below the drempel + 9.405). */
    f.partner = true;
    ck_assert_int_eq(sw_kgb_month(&c, jan, &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 516000);
    f.vermogen = 18463301;
    ck_assert_int_eq(sw_kgb_month(&c, jan, &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 0);
    f.vermogen = -1;
    ck_assert_int_eq(sw_kgb_month(&c, jan, &f, &m, NULL, &err), SW_ERR_INVALID);
}
END_TEST

START_TEST(test_kgb_afbouw)
{
    struct sw_ctx c = test_ctx();
    sw_date kid = test_date("2023-03-01");
    struct sw_kgb_facts single = {3500000, false, &kid, 1, false, 0};
    struct sw_kgb_facts couple = {4800000, true, &kid, 1, false, 0};
    struct sw_kgb_month m;
    struct sw_err err;

    /* Single parent, income 35.000: 2.580 + 3.416 - 7,6 % x (35.000 - 29.736) =
     * 5.996 - 400,064 -> 400,06 = 5.595,94. */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 6), &single, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.reduction, 40006);
    ck_assert_int_eq(m.year_claim, 559594);
    /* Couple, joint income 48.000: no ouderkop; 2.580 - 7,6 % x (48.000 - 39.141)
     * = 2.580 - 673,284 -> 673,28 = 1.906,72. */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 6), &couple, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 190672);
    /* Couple, joint income 80.000: 7,6 % x 40.859 = 3.105,28 > 2.580: nothing. */
    couple.income = 8000000;
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 6), &couple, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 0);
}
END_TEST

START_TEST(test_kgb_claim_months)
{
    struct sw_ctx c = test_ctx();
    sw_date newborn = test_date("2026-05-20"), adult = test_date("2008-06-10");
    struct sw_kgb_facts f = {0, false, &newborn, 1, false, 0};
    struct sw_kgb_month m;
    struct sw_err err;

    /* Art. 2 lid 1: from the month after the birth (June), through the month of
     * the 18th birthday (June 2026 for a child born June 2008). */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 5), &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.children, 0);
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 6), &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.children, 1);
    f.births = &adult;
    /* June 2026: 17 -> 18 this month, still a claim: 2.580 + 964 + 3.416 = 6.960. */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 6), &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 696000);
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2026, 7), &f, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.children, 0);
    ck_assert_int_eq(m.year_claim, 0);
}
END_TEST

/* sw_kgb_year_kept() against sw_kgb_year(): one kept struct in one context asked
 * for another year, then in `year` for the other partner fact (both start it
 * anew), then for f on another income (the values on 1 January kept) and for f
 * itself; the plain calls in a context of their own. The same claims, and the
 * same values used in the same order. */
static void kgb_kept_same(int year, const struct sw_kgb_facts *f)
{
    struct sw_ctx a = test_ctx(), b = test_ctx();
    struct sw_used ua = {0}, ub = {0};
    struct sw_kgb_month ka[12], kb[12];
    struct sw_kgb_kept k;
    struct sw_kgb_facts g[4] = {*f, *f, *f, *f};
    int years[4] = {year == 2024 ? 2025 : 2024, year, year, year};
    struct sw_err err;

    memset(&k, 0, sizeof(k));
    g[1].partner = !f->partner;
    g[2].income = f->income >= 2500000 ? f->income - 2500000 : f->income + 2500000;
    ck_assert_int_eq(sw_lookup_cache_new(&a.cache, &err), SW_OK);
    ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &err), SW_OK);
    a.used = &ua;
    b.used = &ub;
    for (int i = 0; i < 4; i++) {
        /* (The tables' vermogensgrens starts in 2025.) */
        g[i].vermogen_known = g[i].vermogen_known && years[i] >= 2025;
        ck_assert_msg(sw_kgb_year(&a, years[i], &g[i], ka, NULL, &err) == SW_OK, "%s", err.msg);
        ck_assert_msg(sw_kgb_year_kept(&b, &k, years[i], &g[i], kb, &err) == SW_OK, "%s",
                      err.msg);
        for (int m = 0; m < 12; m++) {
            ck_assert_int_eq(ka[m].children, kb[m].children);
            ck_assert_int_eq(ka[m].base, kb[m].base);
            ck_assert_int_eq(ka[m].reduction, kb[m].reduction);
            ck_assert_int_eq(ka[m].year_claim, kb[m].year_claim);
        }
    }
    test_same_used(&ua, &ub, false);
    sw_used_release(&ua);
    sw_used_release(&ub);
    sw_lookup_cache_free(a.cache);
    sw_lookup_cache_free(b.cache);
}

/* sw_kgb_year() against twelve sw_kgb_month() calls: the same claims, and with a
 * lookup cache the same values used in the same order (the per-month rule is the
 * one checked against the published figures above). */
static void kgb_year_same(int year, const struct sw_kgb_facts *f)
{
    struct sw_ctx a = test_ctx(), b = test_ctx();
    struct sw_used ua = {0}, ub = {0};
    struct sw_kgb_month km[12], m;
    struct sw_err err;

    ck_assert_int_eq(sw_lookup_cache_new(&a.cache, &err), SW_OK);
    ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &err), SW_OK);
    a.used = &ua;
    b.used = &ub;
    ck_assert_msg(sw_kgb_year(&b, year, f, km, NULL, &err) == SW_OK, "%d: %s", year, err.msg);
    for (int k = 0; k < 12; k++) {
        ck_assert_int_eq(sw_kgb_month(&a, sw_month_from_ym(year, k + 1), f, &m, NULL, &err),
                         SW_OK);
        ck_assert_int_eq(km[k].children, m.children);
        ck_assert_int_eq(km[k].base, m.base);
        ck_assert_int_eq(km[k].reduction, m.reduction);
        ck_assert_int_eq(km[k].year_claim, m.year_claim);
    }
    test_same_used(&ua, &ub, false);
    sw_used_release(&ua);
    sw_used_release(&ub);
    sw_lookup_cache_free(a.cache);
    sw_lookup_cache_free(b.cache);
    kgb_kept_same(year, f);
}

START_TEST(test_kgb_year)
{
    struct sw_ctx c = test_ctx();
    /* Turns 12 in March 2026: the supplement from April (art. 2 lid 3). Year
     * claims without income: 2.580 + 3.416 = 5.996 in January to March, + 724 =
     * 6.720 from April. */
    sw_date twelve = test_date("2014-03-10");
    sw_date kids[5] = {test_date("2014-03-10"), test_date("2010-07-31"),
                       test_date("2008-11-02"), test_date("2026-05-20"),
                       test_date("2026-12-01")};
    struct sw_kgb_facts f = {0, false, &twelve, 1, false, 0};
    struct sw_kgb_month km[12];
    struct sw_err err;

    ck_assert_int_eq(sw_kgb_year(&c, 2026, &f, km, NULL, &err), SW_OK);
    ck_assert_int_eq(km[0].year_claim, 599600);
    ck_assert_int_eq(km[2].year_claim, 599600);
    ck_assert_int_eq(km[3].year_claim, 672000);
    ck_assert_int_eq(km[11].year_claim, 672000);
    /* A child turning 16 (July), one turning 18 (November: the last month), a
     * newborn and one born in December; single and with a partner, below and
     * above the drempel, with and without vermogen; 2024 to 2026. */
    for (int year = 2024; year <= 2026; year++) {
        for (size_t n = 0; n <= 5; n++) {
            for (int v = 0; v < 4; v++) {
                struct sw_kgb_facts g = {v & 1 ? 4500000 : 1000000, (v & 2) != 0, kids, n,
                                         v >= 2, v == 3 ? 30000000 : 1000000};
                /* (The tables' vermogensgrens starts in 2025.) */
                g.vermogen_known = g.vermogen_known && year >= 2025;
                kgb_year_same(year, &g);
                g.vermogen_known = !g.vermogen_known && year >= 2025;
                kgb_year_same(year, &g);
            }
        }
    }
    /* Children born in every month of three years, turning 12, 16 and 18 (and
     * born) in every month of the years asked: a class that changes in any
     * month, after a month whose classes were worked out anew or kept. */
    for (int b = 0; b < 36; b++) {
        sw_date two[2];
        two[0] = sw_month_first_day(sw_month_from_ym(2008, 1) + b) + 9;
        two[1] = sw_month_first_day(sw_month_from_ym(2012, 1) + b) + 20;
        for (int year = 2024; year <= 2026; year++) {
            struct sw_kgb_facts g = {1000000, false, two, 2, false, 0};
            kgb_year_same(year, &g);
            g.births = &two[1];
            g.n = 1;
            kgb_year_same(year, &g);
        }
    }
    /* More children than sw_kgb_year() works out the birth months of once
     * (16): month by month, the same figures. */
    {
        sw_date many[20];
        for (int i = 0; i < 20; i++)
            many[i] = kids[i % 5];
        for (size_t n = 15; n <= 20; n++) {
            struct sw_kgb_facts g = {1000000, n % 2 == 0, many, n, false, 0};
            kgb_year_same(2026, &g);
        }
    }
    /* A bad income fails as the month rule does. */
    f.income = -1;
    ck_assert_int_eq(sw_kgb_year(&c, 2026, &f, km, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "income");
}
END_TEST

START_TEST(test_iack_2026)
{
    struct sw_ctx c = test_ctx();
    sw_date kid = test_date("2020-05-15"), old = test_date("2013-12-31");
    sw_date born_july = test_date("2026-07-01"), born_aug = test_date("2026-08-01");
    struct sw_err err;
    int64_t k;

    /* 11,45 % x (20.000 - 6.239) = 1.575,63 -> 1.575 (whole euros). */
    ck_assert_int_eq(sw_iack_year(&c, 2026, 2000000, 0, false, &kid, 1, &k, NULL, &err), SW_OK);
    ck_assert_int_eq(k, 157500);
    /* 11,45 % x (40.000 - 6.239) = 3.865,63: at most 3.032. */
    ck_assert_int_eq(sw_iack_year(&c, 2026, 4000000, 0, false, &kid, 1, &k, NULL, &err), SW_OK);
    ck_assert_int_eq(k, 303200);
    /* Below the threshold: none. */
    ck_assert_int_eq(sw_iack_year(&c, 2026, 600000, 0, false, &kid, 1, &k, NULL, &err), SW_OK);
    ck_assert_int_eq(k, 0);
    /* The partner earns less: the korting is the partner's, not the resident's. */
    ck_assert_int_eq(sw_iack_year(&c, 2026, 2000000, 1500000, true, &kid, 1, &k, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(k, 0);
    /* 12 on 1 January 2026 (born 31 December 2013): none. */
    ck_assert_int_eq(sw_iack_year(&c, 2026, 2000000, 0, false, &old, 1, &k, NULL, &err), SW_OK);
    ck_assert_int_eq(k, 0);
    /* Born 1 July: six months in the household, enough; 1 August: five, not. */
    ck_assert_int_eq(sw_iack_year(&c, 2026, 2000000, 0, false, &born_july, 1, &k, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(k, 157500);
    ck_assert_int_eq(sw_iack_year(&c, 2026, 2000000, 0, false, &born_aug, 1, &k, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(k, 0);
}
END_TEST

START_TEST(test_kinderbijslag_2025_and_july_2026)
{
    struct sw_ctx c = test_ctx();
    sw_date kids[3] = {test_date("2020-05-15"), test_date("2014-02-10"),
                       test_date("2008-03-01")};
    struct sw_err err;
    int64_t amount;
    int n;

    /* On 2025-01-01 the children are 4, 10 and 16: 286,45 + 347,83 + 409,21 = 1.043,49. */
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2025-01-01"), kids, 3, &amount, &n,
                                              NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 104349);
    /* On 2025-07-01 they are 5, 11 and 17: 291,49 + 353,95 + 416,41 = 1.061,85. */
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2025-07-01"), kids, 3, &amount, &n,
                                              NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 106185);
    /* On 2026-07-01 they are 6, 12 and 18 (none): 362,35 + 426,29 = 788,64. */
    ck_assert_int_eq(sw_kinderbijslag_quarter(&c, test_date("2026-07-01"), kids, 3, &amount, &n,
                                              NULL, &err), SW_OK);
    ck_assert_int_eq(amount, 78864);
    ck_assert_int_eq(n, 2);
}
END_TEST

START_TEST(test_kgb_2024_2025)
{
    struct sw_ctx c = test_ctx();
    sw_date kid = test_date("2021-03-01");
    struct sw_kgb_facts single = {3000000, false, &kid, 1, false, 0};
    struct sw_kgb_facts couple = {4000000, true, &kid, 1, false, 0};
    struct sw_kgb_month m;
    struct sw_err err;

    /* 2025, single parent, income 30.000: 2.511 + 3.389 = 5.900 minus
     * 7,10 % x (30.000 - 28.406) = 113,174 -> 113,17: 5.786,83. */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2025, 6), &single, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.reduction, 11317);
    ck_assert_int_eq(m.year_claim, 578683);
    /* 2024, couple, joint income 40.000: 2.436 - 6,75 % x (40.000 - (26.819 + 9.030))
     * = 2.436 - 6,75 % x 4.151 = 2.436 - 280,1925 -> 280,19 = 2.155,81. */
    ck_assert_int_eq(sw_kgb_month(&c, sw_month_from_ym(2024, 6), &couple, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.year_claim, 215581);
}
END_TEST

START_TEST(test_iack_2024_2025)
{
    struct sw_ctx c = test_ctx();
    sw_date kid = test_date("2020-05-15");
    struct sw_err err;
    int64_t k;

    /* 2025: 11,45 % x (20.000 - 6.145) = 1.586,40 -> 1.586 (whole euros). */
    ck_assert_int_eq(sw_iack_year(&c, 2025, 2000000, 0, false, &kid, 1, &k, NULL, &err), SW_OK);
    ck_assert_int_eq(k, 158600);
    /* 2024: 11,45 % x (40.000 - 6.073) = 3.884,64: at most 2.950. */
    ck_assert_int_eq(sw_iack_year(&c, 2024, 4000000, 0, false, &kid, 1, &k, NULL, &err), SW_OK);
    ck_assert_int_eq(k, 295000);
}
END_TEST

static Suite *kinderen_suite(void)
{
    Suite *s = suite_create("kinderen");
    TCase *tc = tcase_create("kinderen");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_kinderbijslag_2026_q1);
    tcase_add_test(tc, test_kinderbijslag_born_in_quarter);
    tcase_add_test(tc, test_kinderbijslag_paid_after_quarter);
    tcase_add_test(tc, test_kgb_single_parent_full);
    tcase_add_test(tc, test_kgb_afbouw);
    tcase_add_test(tc, test_kgb_vermogen);
    tcase_add_test(tc, test_kgb_claim_months);
    tcase_add_test(tc, test_kgb_year);
    tcase_add_test(tc, test_iack_2026);
    tcase_add_test(tc, test_kinderbijslag_2025_and_july_2026);
    tcase_add_test(tc, test_kgb_2024_2025);
    tcase_add_test(tc, test_iack_2024_2025);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(kinderen_suite)
