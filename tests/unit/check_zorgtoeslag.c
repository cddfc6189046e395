/* check_zorgtoeslag.c - the zorgtoeslag against the Belastingdienst's published
 * tables and the Dienst Toeslagen rekenvoorbeelden; the Awir rounding and minimum;
 * the toetsingsinkomen; hand calculations at the income limits. */
#include <string.h>

#include "switchsim/toeslagen.h"
#include "switchsim/wml.h"
#include "testutil.h"

struct row {
    int year;
    bool partner;
    int64_t income;   /* euros: the row "inkomen tot EUR X" taken at X */
    int64_t month;    /* euros per month as published */
};

/* Belastingdienst, "Hoeveel zorgtoeslag krijg ik?" - tabel 2025 zonder
 * toeslagpartner ("De bedragen per maand zijn afgerond").
 * https://www.belastingdienst.nl/wps/wcm/connect/nl/zorgtoeslag/content/hoeveel-zorgtoeslag
 * (rows as transcribed in the research note, sweep 2026-10-09). */
static const struct row t2025_single[] = {
    {2025, false, 28000, 131}, {2025, false, 28500, 130}, {2025, false, 29000, 124},
    {2025, false, 29500, 118}, {2025, false, 30000, 112}, {2025, false, 30500, 107},
    {2025, false, 31000, 101}, {2025, false, 31500, 95},  {2025, false, 32000, 90},
    {2025, false, 32500, 84},  {2025, false, 33000, 78},  {2025, false, 33500, 73},
    {2025, false, 34000, 67},  {2025, false, 34500, 61},  {2025, false, 35000, 55},
    {2025, false, 35500, 50},  {2025, false, 36000, 44},  {2025, false, 36500, 38},
    {2025, false, 37000, 33},  {2025, false, 37500, 27},  {2025, false, 38000, 21},
    {2025, false, 38500, 15},  {2025, false, 39000, 10},  {2025, false, 39500, 4},
};

/* Same page, tabel 2025 met toeslagpartner (joint toetsingsinkomen). */
static const struct row t2025_partner[] = {
    {2025, true, 28000, 250}, {2025, true, 28500, 249}, {2025, true, 29000, 244},
    {2025, true, 29500, 238}, {2025, true, 30000, 232}, {2025, true, 30500, 226},
    {2025, true, 31000, 221}, {2025, true, 31500, 215}, {2025, true, 32000, 209},
    {2025, true, 32500, 204}, {2025, true, 33000, 198}, {2025, true, 33500, 192},
    {2025, true, 34000, 187}, {2025, true, 34500, 181}, {2025, true, 35000, 175},
    {2025, true, 35500, 169}, {2025, true, 36000, 164}, {2025, true, 36500, 158},
    {2025, true, 37000, 152}, {2025, true, 37500, 147}, {2025, true, 38000, 141},
    {2025, true, 38500, 135}, {2025, true, 39000, 129}, {2025, true, 39500, 124},
    {2025, true, 40000, 118}, {2025, true, 40500, 112}, {2025, true, 41000, 107},
    {2025, true, 41500, 101}, {2025, true, 42000, 95},  {2025, true, 42500, 89},
    {2025, true, 43000, 84},  {2025, true, 43500, 78},  {2025, true, 44000, 72},
    {2025, true, 44500, 67},  {2025, true, 45000, 61},  {2025, true, 45500, 55},
    {2025, true, 46000, 50},  {2025, true, 46500, 44},  {2025, true, 47000, 38},
    {2025, true, 47500, 32},  {2025, true, 48000, 27},  {2025, true, 48500, 21},
    {2025, true, 49000, 15},  {2025, true, 49500, 10},  {2025, true, 50000, 4},
};

/* Belastingdienst, "Hoeveel zorgtoeslag krijg ik?" - tabel 2026 zonder
 * toeslagpartner; the last row "41.000: geen zorgtoeslag".
 * https://www.belastingdienst.nl/wps/wcm/connect/nl/zorgtoeslag/content/hoeveel-zorgtoeslag-in-2026
 * The same single table: metronieuws.nl/geld-carriere/toeslagen/2025/11/
 * dit-inkomen-2026-maximale-zorgtoeslag-br/ ("Bron: Rijksoverheid"). */
static const struct row t2026_single[] = {
    {2026, false, 29500, 129}, {2026, false, 30000, 126}, {2026, false, 30500, 120},
    {2026, false, 31000, 114}, {2026, false, 31500, 109}, {2026, false, 32000, 103},
    {2026, false, 32500, 97},  {2026, false, 33000, 91},  {2026, false, 33500, 86},
    {2026, false, 34000, 80},  {2026, false, 34500, 74},  {2026, false, 35000, 69},
    {2026, false, 35500, 63},  {2026, false, 36000, 57},  {2026, false, 36500, 51},
    {2026, false, 37000, 46},  {2026, false, 37500, 40},  {2026, false, 38000, 34},
    {2026, false, 38500, 28},  {2026, false, 39000, 23},  {2026, false, 39500, 17},
    {2026, false, 40000, 11},  {2026, false, 40500, 6},   {2026, false, 41000, 0},
};

/* Same page, tabel 2026 met toeslagpartner; the last row "51.500: geen". The row
 * 44.500 -> 78 holds only with the Dienst's drempelinkomen of 29.736. */
static const struct row t2026_partner[] = {
    {2026, true, 29500, 246}, {2026, true, 30000, 243}, {2026, true, 30500, 238},
    {2026, true, 31000, 232}, {2026, true, 31500, 226}, {2026, true, 32000, 221},
    {2026, true, 32500, 215}, {2026, true, 33000, 209}, {2026, true, 33500, 203},
    {2026, true, 34000, 198}, {2026, true, 34500, 192}, {2026, true, 35000, 186},
    {2026, true, 35500, 180}, {2026, true, 36000, 175}, {2026, true, 36500, 169},
    {2026, true, 37000, 163}, {2026, true, 37500, 158}, {2026, true, 38000, 152},
    {2026, true, 38500, 146}, {2026, true, 39000, 140}, {2026, true, 39500, 135},
    {2026, true, 40000, 129}, {2026, true, 40500, 123}, {2026, true, 41000, 118},
    {2026, true, 41500, 112}, {2026, true, 42000, 106}, {2026, true, 42500, 100},
    {2026, true, 43000, 95},  {2026, true, 43500, 89},  {2026, true, 44000, 83},
    {2026, true, 44500, 78},  {2026, true, 45000, 72},  {2026, true, 45500, 66},
    {2026, true, 46000, 60},  {2026, true, 46500, 55},  {2026, true, 47000, 49},
    {2026, true, 47500, 43},  {2026, true, 48000, 37},  {2026, true, 48500, 32},
    {2026, true, 49000, 26},  {2026, true, 49500, 20},  {2026, true, 50000, 15},
    {2026, true, 50500, 9},   {2026, true, 51000, 3},   {2026, true, 51500, 0},
};

static struct sw_zorgtoeslag run_year(int year, bool partner, bool uninsured, int64_t income)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts f;
    struct sw_zorgtoeslag z;
    struct sw_err err;

    memset(&f, 0, sizeof(f));
    f.birth = SW_NO_DATE;
    f.partner = partner;
    f.partner_uninsured = uninsured;
    f.income = income;
    memset(&z, 0, sizeof(z));
    ck_assert_msg(sw_zorgtoeslag_year(&c, year, &f, &z, NULL, &err) == SW_OK, "%s", err.msg);
    return z;
}

static void check_row(const struct row *r)
{
    struct sw_zorgtoeslag z = run_year(r->year, r->partner, false, r->income * 100);

    /* The published amounts agree exactly, not just within EUR 1. */
    ck_assert_msg(z.month_amount == r->month * 100, "%d %s %lld: got %lld, published %lld",
                  r->year, r->partner ? "partner" : "single", (long long)r->income,
                  (long long)z.month_amount, (long long)r->month * 100);
}

START_TEST(test_zorgtoeslag_table_2025_single) { check_row(&t2025_single[_i]); }
END_TEST
START_TEST(test_zorgtoeslag_table_2025_partner) { check_row(&t2025_partner[_i]); }
END_TEST
START_TEST(test_zorgtoeslag_table_2026_single) { check_row(&t2026_single[_i]); }
END_TEST
START_TEST(test_zorgtoeslag_table_2026_partner) { check_row(&t2026_partner[_i]); }
END_TEST

/* Dienst Toeslagen, "Berekening zorgtoeslag" leaflets (TG 082-1Z41FD 2024,
 * TG 082-1Z51FD 2025, TG 082-1Z61FD 2026), rekenvoorbeelden as transcribed in the
 * research note: normpremie, year amount before rounding, month amount paid. */
struct example {
    int year;
    bool partner, uninsured;
    int64_t income, normpremie, exact, year_amount, month;
};

static const struct example examples[] = {
    /* 2024 rv 1: alleenstaande, 19.000: normpremie 503,93; 1.483,07 per jaar;
     * 123,59 per maand "na afronding € 123". Year: 1.483,07 -> 1.483. */
    {2024, false, false, 1900000, 50393, 148307, 148300, 12300},
    /* 2024 rv 2: gehuwd, 7.000 + 26.200 = 33.200, partner geen verzekerde:
     * normpremie 2.013,70; 3.974 - 2.013,70 = 1.960,30; 50% = 980,15;
     * per maand 81,68 -> 81. Year 980, 980 / 12 = 81,67 -> 81. */
    {2024, true, true, 3320000, 201370, 98015, 98000, 8100},
    /* 2025 rv 1: alleenstaande onder het drempelinkomen: normpremie 538,58;
     * 1.573,42 per jaar; 131,12 per maand -> 131. (Income 20.000, any income at or
     * below 28.406 gives the same.) */
    {2025, false, false, 2000000, 53858, 157342, 157300, 13100},
    /* 2025 rv 2: partner (militair) geen verzekerde, 33.200 samen: normpremie
     * 1.870,57; (4.224 - 1.870,57) x 50% = 1.176,715 -> 1.176,72; per maand
     * 98,06 -> 98. Year 1.177, 1.177 / 12 = 98,08 -> 98. */
    {2025, true, true, 3320000, 187057, 117672, 117700, 9800},
    /* 2026 rv 1: alleenstaande 25.000: normpremie 568,55; 1.550,45 per jaar;
     * 129,20 per maand -> 129. */
    {2026, false, false, 2500000, 56855, 155045, 155000, 12900},
};

START_TEST(test_zorgtoeslag_rekenvoorbeelden)
{
    const struct example *e = &examples[_i];
    struct sw_zorgtoeslag z = run_year(e->year, e->partner, e->uninsured, e->income);

    ck_assert_int_eq(z.normpremie, e->normpremie);
    ck_assert_int_eq(z.amount_exact, e->exact);
    ck_assert_int_eq(z.year_amount, e->year_amount);
    ck_assert_int_eq(z.month_amount, e->month);
}
END_TEST

/* The maximum incomes the Belastingdienst publishes ("Hoeveel inkomen mag ik hebben
 * voor zorgtoeslag?", .../zorgtoeslag/content/maximaal-inkomen-voor-zorgtoeslag;
 * 2024 from the Dienst leaflet, stap 2) - derived here, not stored. Also the
 * maximum per month (metronieuws.nl 2024-11 and 2025-11-24: 131/250 and 129/246;
 * 2024 123/236 = the leaflet's 1.483 / 12 and (3.974 - 1.141,42) / 12). */
struct limit {
    int year;
    bool partner;
    int64_t max_income, max_month;
};

static const struct limit max_limits[] = {
    {2024, false, 3749600, 12300}, {2024, true, 4736800, 23600},
    {2025, false, 3971900, 13100}, {2025, true, 5020600, 25000},
    {2026, false, 4085700, 12900}, {2026, true, 5114200, 24600},
};

START_TEST(test_zorgtoeslag_max_income_derived)
{
    const struct limit *l = &max_limits[_i];
    struct sw_zorgtoeslag z = run_year(l->year, l->partner, false, 0);

    ck_assert(z.has_max_income);
    ck_assert_int_eq(z.max_income, l->max_income);
    ck_assert_int_eq(z.month_amount, l->max_month);
}
END_TEST

START_TEST(test_zorgtoeslag_limit_2025_single_by_hand)
{
    struct sw_zorgtoeslag z;

    /* 39.719: normpremie = 1,896% x 28.406 + 13,7% x (39.719 - 28.406 = 11.313)
     *   = 538,57776 + 1.549,881 = 2.088,45876 -> 2.088,46;
     * 2.112 - 2.088,46 = 23,54 -> 24 (half up), not below 24: paid; 24 / 12 = 2. */
    z = run_year(2025, false, false, 3971900);
    ck_assert_int_eq(z.normpremie, 208846);
    ck_assert_int_eq(z.amount_exact, 2354);
    ck_assert_int_eq(z.year_amount, 2400);
    ck_assert_int_eq(z.month_amount, 200);
    /* 39.720: + 13,7% x 1 -> 2.088,59576 -> 2.088,60; 23,40 -> 23 < 24: nothing. */
    z = run_year(2025, false, false, 3972000);
    ck_assert_int_eq(z.amount_exact, 2340);
    ck_assert_int_eq(z.year_amount, 0);
    ck_assert_int_eq(z.month_amount, 0);
}
END_TEST

START_TEST(test_zorgtoeslag_limit_2026_partner_by_hand)
{
    struct sw_zorgtoeslag z;

    /* 51.142: normpremie = 4,289% x 29.736 + 13,73% x (51.142 - 29.736 = 21.406)
     *   = 1.275,37704 + 2.939,0438 = 4.214,42084 -> 4.214,42;
     * 2 x 2.119 - 4.214,42 = 23,58 -> 24: paid, 2 per month. */
    z = run_year(2026, true, false, 5114200);
    ck_assert_int_eq(z.normpremie, 421442);
    ck_assert_int_eq(z.year_amount, 2400);
    ck_assert_int_eq(z.month_amount, 200);
    /* 51.143: 4.214,55814 -> 4.214,56; 23,44 -> 23: nothing. */
    z = run_year(2026, true, false, 5114300);
    ck_assert_int_eq(z.amount_exact, 2344);
    ck_assert_int_eq(z.year_amount, 0);
}
END_TEST

START_TEST(test_zorgtoeslag_income_in_whole_euros)
{
    /* 28.000,99 counts as 28.000 (toetsingsinkomen in whole euros, cents dropped):
     * the same as the table row 28.000 -> 1.573,42 (below the drempel). */
    struct sw_zorgtoeslag z = run_year(2025, false, false, 2800099);

    ck_assert_int_eq(z.income, 2800000);
    ck_assert_int_eq(z.amount_exact, 157342);
}
END_TEST

START_TEST(test_zorgtoeslag_uninsured_partner_limit_lower)
{
    /* With an uninsured partner the claim is halved, so the EUR 24 minimum needs a
     * half claim of at least 23,50 (-> 24), i.e. a full claim of at least 47,00:
     * 4.224 - normpremie >= 47,00 -> normpremie <= 4.177,00 -> 1.213,78838 +
     * 13,7% x (Y - 28.406) <= 4.177,00 -> Y - 28.406 <= 21.629,28 -> Y <= 50.035.
     * At 50.035: 1.213,78838 + 13,7% x 21.629 = 1.213,78838 + 2.963,173 =
     * 4.176,96138 -> 4.176,96; 4.224 - 4.176,96 = 47,04; 50% = 23,52 -> 24: paid.
     * At 50.036: + 0,137 -> 4.177,09838 -> 4.177,10; 46,90; 50% = 23,45 -> 23:
     * nothing. (Without the 50% the limit is the published 50.206.) */
    struct sw_zorgtoeslag z = run_year(2025, true, true, 5003500);

    ck_assert_int_eq(z.amount_exact, 2352);
    ck_assert_int_eq(z.year_amount, 2400);
    ck_assert(z.has_max_income);
    ck_assert_int_eq(z.max_income, 5003500);
    z = run_year(2025, true, true, 5003600);
    ck_assert_int_eq(z.amount_exact, 2345);
    ck_assert_int_eq(z.year_amount, 0);
}
END_TEST

START_TEST(test_zorgtoeslag_vermogensgrens)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts f = {0};
    struct sw_zorgtoeslag z;
    struct sw_err err;

    /* Wzt art. 3 lid 1 (2026): no claim when the rendementsgrondslag "meer bedraagt
     * dan € 146.011"; at exactly 146.011 the claim stays (2026 rv 1: 1.550). */
    f.birth = SW_NO_DATE;
    f.income = 2500000;
    f.vermogen_known = true;
    f.vermogen = 14601100;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2026, &f, &z, NULL, &err), SW_OK);
    ck_assert_int_eq(z.year_amount, 155000);
    ck_assert(!z.vermogen_excluded);
    f.vermogen = 14601101;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2026, &f, &z, NULL, &err), SW_OK);
    ck_assert_int_eq(z.year_amount, 0);
    ck_assert(z.vermogen_excluded);
    /* With a partner the limit is 184.633: 150.000 is fine. */
    f.partner = true;
    f.vermogen = 15000000;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2026, &f, &z, NULL, &err), SW_OK);
    ck_assert(!z.vermogen_excluded);
    ck_assert_int_gt(z.year_amount, 0);
}
END_TEST

START_TEST(test_zorgtoeslag_months_age_18)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts m[12];
    struct sw_zorgtoeslag z;
    struct sw_err err;

    /* Born 2007-05-10: turns 18 in May 2025, a verzekerde from 1 June (Wzt art. 1
     * lid 1 onder c): June-December = 7 months. Income 20.000 (below the drempel):
     * year formula 1.573,42 (2025 rv 1); 7 / 12 x 1.573,42 = 917,82833 -> 918. */
    memset(m, 0, sizeof(m));
    for (int i = 0; i < 12; i++) {
        m[i].income = 2000000;
        m[i].birth = test_date("2007-05-10");
    }
    ck_assert_int_eq(sw_zorgtoeslag_months(&c, 2025, m, &z, NULL, &err), SW_OK);
    ck_assert_int_eq(z.months, 7);
    ck_assert_int_eq(z.amount_exact, 91783);
    ck_assert_int_eq(z.year_amount, 91800);
}
END_TEST

START_TEST(test_zorgtoeslag_months_partner_from_july)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts m[12];
    struct sw_zorgtoeslag z;
    struct sw_err err;

    /* 2025, income 20.000 all year; single January-June (1.573,42 a year), a partner
     * from July with joint income 33.200 (4.224 - 1.870,57 = 2.353,43 a year):
     * (6 x 1.573,42 + 6 x 2.353,43) / 12 = (9.440,52 + 14.120,58) / 12
     *   = 23.561,10 / 12 = 1.963,425 -> 1.963,43 exact; 1.963 rounded (Awir art. 14).
     * March: not insured (e.g. abroad): drop 1.573,42 / 12 = 131,1183 ->
     *   (23.561,10 - 1.573,42) / 12 = 21.987,68 / 12 = 1.832,30667 -> 1.832. */
    memset(m, 0, sizeof(m));
    for (int i = 0; i < 12; i++) {
        m[i].birth = SW_NO_DATE;
        m[i].income = i < 6 ? 2000000 : 3320000;
        m[i].partner = i >= 6;
    }
    ck_assert_int_eq(sw_zorgtoeslag_months(&c, 2025, m, &z, NULL, &err), SW_OK);
    ck_assert_int_eq(z.months, 12);
    ck_assert_int_eq(z.amount_exact, 196343);
    ck_assert_int_eq(z.year_amount, 196300);
    m[2].uninsured = true;
    ck_assert_int_eq(sw_zorgtoeslag_months(&c, 2025, m, &z, NULL, &err), SW_OK);
    ck_assert_int_eq(z.months, 11);
    ck_assert_int_eq(z.year_amount, 183200);
}
END_TEST

START_TEST(test_zorgtoeslag_months_equal_year)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts m[12];
    struct sw_zorgtoeslag z;
    struct sw_err err;

    /* Twelve equal months give the year function's result: 2025 rv 2, 1.177. */
    memset(m, 0, sizeof(m));
    for (int i = 0; i < 12; i++) {
        m[i].birth = SW_NO_DATE;
        m[i].income = 3320000;
        m[i].partner = m[i].partner_uninsured = true;
    }
    ck_assert_int_eq(sw_zorgtoeslag_months(&c, 2025, m, &z, NULL, &err), SW_OK);
    ck_assert_int_eq(z.amount_exact, 117672);
    ck_assert_int_eq(z.year_amount, 117700);
    ck_assert_int_eq(z.month_amount, 9800);
}
END_TEST

START_TEST(test_zorgtoeslag_bad_input)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts f = {0}, m[12];
    struct sw_zorgtoeslag z;
    struct sw_err err;

    f.birth = SW_NO_DATE;
    f.income = -1;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2025, &f, &z, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "income");
    f.income = 0;
    f.vermogen_known = true;
    f.vermogen = -5;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2025, &f, &z, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "vermogen");
    f.vermogen_known = false;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 99999, &f, &z, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "year");
    /* The tables start in 2024: 2023 is a clear missing value, not a zero. */
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2023, &f, &z, NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_ptr_nonnull(strstr(err.msg, "zorgtoeslag."));
    memset(m, 0, sizeof(m));
    m[4].income = -100;
    ck_assert_int_eq(sw_zorgtoeslag_months(&c, 2025, m, &z, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "months[4].income");
}
END_TEST

START_TEST(test_zorgtoeslag_trace)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts f = {0};
    struct sw_zorgtoeslag z;
    struct sw_trace tr;
    struct sw_err err;
    bool seen = false;

    memset(&tr, 0, sizeof(tr));
    f.birth = SW_NO_DATE;
    f.income = 2800000;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2025, &f, &z, &tr, &err), SW_OK);
    ck_assert_ptr_nonnull(strstr(tr.rule, "zorgtoeslag art. 2"));
    ck_assert_ptr_nonnull(strstr(tr.formula, "normpremie = 1,896% van het drempelinkomen"));
    for (size_t i = 0; i < tr.nparams; i++)
        if (strcmp(tr.params[i].id, "zorgtoeslag.standaardpremie") == 0) {
            seen = true;
            ck_assert_int_eq(tr.params[i].amount, 211200);
            ck_assert_ptr_nonnull(strstr(tr.params[i].source, "Stcrt. 2024, 38887"));
        }
    ck_assert(seen);
}
END_TEST

/* Wzt art. 2 lid 4: with an uninsured partner the toeslag is the table's share
 * (zorgtoeslag.partner_uninsured_percent, 50 in the shipped tables); the trace
 * names that share, so an override to 40 % shows 40 %, not a fixed 50. */
START_TEST(test_zorgtoeslag_trace_uninsured_share)
{
    struct sw_override ov = {"zorgtoeslag.partner_uninsured_percent", 400000};
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts f = {0};
    struct sw_zorgtoeslag z;
    struct sw_trace tr;
    struct sw_err err;

    f.birth = SW_NO_DATE;
    f.partner = f.partner_uninsured = true;
    f.income = 2800000;
    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2025, &f, &z, &tr, &err), SW_OK);
    ck_assert_ptr_nonnull(strstr(tr.formula, "2 x standaardpremie - normpremie, daarvan 50%;"));
    c.overrides = &ov;
    c.n_overrides = 1;
    memset(&tr, 0, sizeof(tr));
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2025, &f, &z, &tr, &err), SW_OK);
    ck_assert_ptr_nonnull(strstr(tr.formula, "2 x standaardpremie - normpremie, daarvan 40%;"));
}
END_TEST

/* The 2027 percentages of the normpremie: Besluit percentages drempel- en
 * toetsingsinkomen zorgtoeslag as amended by the besluit of 4 December 2025
 * (Stb. 2025, 412), art. I, row 2027: "1,930% / 4,307% / 13,760%" (zonder partner /
 * met partner / boven het drempelinkomen), as quoted - text read 2026-10-08 - in
 * TheAndries/toeslagrecht law/SOURCES.md. One secondary source, so the tables mark
 * them provisional; the 2028 row was not retrieved, so 2028 is a clear missing
 * value. Replace this by the Dienst Toeslagen's 2027 table rows once published. */
START_TEST(test_zorgtoeslag_2027_percentages_published)
{
    static const struct {
        const char *id;
        int64_t ppm;
    } row[] = {
        {"zorgtoeslag.normpremie.single", 19300},         /* 1,930 % */
        {"zorgtoeslag.normpremie.partner", 43070},        /* 4,307 % */
        {"zorgtoeslag.normpremie.above_drempel", 137600}, /* 13,760 % */
    };
    struct sw_ctx c = test_ctx();
    struct sw_value_info info;
    struct sw_err err;
    int64_t v;

    for (size_t i = 0; i < sizeof(row) / sizeof(row[0]); i++) {
        memset(&info, 0, sizeof(info));
        v = -1;
        ck_assert_int_eq(sw_param(&c, row[i].id, test_date("2027-01-01"), SW_UNIT_PERCENT, &v,
                                  &info, &err), SW_OK);
        ck_assert_int_eq(v, row[i].ppm);
        ck_assert(info.provisional);
        ck_assert_ptr_nonnull(strstr(info.source, "Stb. 2025, 412"));
        /* Still in force on the last day of 2027. */
        ck_assert_int_eq(sw_param(&c, row[i].id, test_date("2027-12-31"), SW_UNIT_PERCENT, &v,
                                  NULL, &err), SW_OK);
        ck_assert_int_eq(v, row[i].ppm);
        ck_assert_int_eq(sw_param(&c, row[i].id, test_date("2028-01-01"), SW_UNIT_PERCENT, &v,
                                  NULL, &err), SW_ERR_NO_VALUE);
        ck_assert_ptr_nonnull(strstr(err.msg, row[i].id));
    }
}
END_TEST

START_TEST(test_zorgtoeslag_2027_amounts_not_published)
{
    struct sw_ctx c = test_ctx();
    struct sw_zorgtoeslag_facts f = {0};
    struct sw_zorgtoeslag z;
    struct sw_err err;

    /* Searched 2026-12-05 and not found: the Regeling vaststelling standaardpremie
     * 2027, the WML of January 2027 (drempelinkomen) and the vermogensgrenzen 2027.
     * Without projection a 2027 calculation stops and names the missing parameter
     * instead of quietly using the 2026 amounts. */
    f.birth = SW_NO_DATE;
    f.income = 2500000;
    ck_assert_int_eq(sw_zorgtoeslag_year(&c, 2027, &f, &z, NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_ptr_nonnull(strstr(err.msg, "zorgtoeslag.standaardpremie"));
}
END_TEST

/* --- Awir --- */

START_TEST(test_awir_year_amount_rounding_and_minimum)
{
    struct sw_ctx c = test_ctx();
    sw_date d = test_date("2026-01-01");
    struct sw_err err;
    int64_t y = -1;

    /* Awir art. 14: 23,50 -> 24 (half up), not below 24: granted. */
    ck_assert_int_eq(sw_awir_year_amount(&c, d, 2350, 1, &y, NULL, &err), SW_OK);
    ck_assert_int_eq(y, 2400);
    /* 23,49 -> 23 < 24: not granted. */
    ck_assert_int_eq(sw_awir_year_amount(&c, d, 2349, 1, &y, NULL, &err), SW_OK);
    ck_assert_int_eq(y, 0);
    /* 1.573,50 -> 1.574; 1.573,49 -> 1.573. */
    ck_assert_int_eq(sw_awir_year_amount(&c, d, 157350, 1, &y, NULL, &err), SW_OK);
    ck_assert_int_eq(y, 157400);
    ck_assert_int_eq(sw_awir_year_amount(&c, d, 157349, 1, &y, NULL, &err), SW_OK);
    ck_assert_int_eq(y, 157300);
    /* A fraction: 18.881,94 / 12 = 1.573,495 -> 1.573 (rounded once, not via the
     * cents 1.573,50 which would give 1.574). */
    ck_assert_int_eq(sw_awir_year_amount(&c, d, 1888194, 12, &y, NULL, &err), SW_OK);
    ck_assert_int_eq(y, 157300);
}
END_TEST

START_TEST(test_toetsingsinkomen_sum_whole_euros)
{
    struct sw_income_parts p = {0};
    struct sw_err err;
    int64_t out = -1;

    /* 18.000,00 wage + 1.440,00 vakantiebijslag (8%) + 6.123,45 gross bijstand +
     * 306,17 vakantietoeslag = 25.869,62 -> 25.869 (whole euros, cents dropped). */
    p.wage = 1800000;
    p.holiday_pay = 144000;
    p.benefit = 612345;
    p.benefit_holiday = 30617;
    ck_assert_int_eq(sw_toetsingsinkomen(&p, &out, NULL, &err), SW_OK);
    ck_assert_int_eq(out, 2586900);
    /* 0,99 of other income alone stays below a euro: 0. */
    memset(&p, 0, sizeof(p));
    p.other = 99;
    ck_assert_int_eq(sw_toetsingsinkomen(&p, &out, NULL, &err), SW_OK);
    ck_assert_int_eq(out, 0);
    p.benefit = -1;
    out = 7;
    ck_assert_int_eq(sw_toetsingsinkomen(&p, &out, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "benefit");
    ck_assert_int_eq(out, 7);
}
END_TEST

/* sw_zorgtoeslag_months_kept() against sw_zorgtoeslag_months(): one kept
 * struct through a sequence of calls as a simulation makes them (incomes that
 * differ, the vermogensgrens and the uninsured partner first needed in a later
 * call, another year, back again): the same figures, and with a lookup cache
 * the same values used in the same order. A kept value altered by hand comes
 * out (the comparison would see a wrong reuse); another year is looked up anew. */
START_TEST(test_zorgtoeslag_months_kept)
{
    static const struct {
        int year;
        int64_t income;
        bool partner, uninsured, verm;
    } calls[] = {
        {2025, 2000000, false, false, false}, {2025, 3100000, false, false, false},
        {2025, 2600000, false, false, true},  {2025, 2600000, true, true, true},
        {2026, 2200000, true, false, false},  {2026, 4800000, true, false, true},
        {2025, 1900000, false, false, true},  {2026, 0, false, false, false},
    };
    struct sw_ctx a = test_ctx(), b = test_ctx();
    struct sw_used ua = {0}, ub = {0};
    struct sw_zorgtoeslag_kept k;
    struct sw_zorgtoeslag_facts m[12];
    struct sw_zorgtoeslag x, y;
    struct sw_err err;

    memset(&k, 0, sizeof(k));
    ck_assert_int_eq(sw_lookup_cache_new(&a.cache, &err), SW_OK);
    ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &err), SW_OK);
    a.used = &ua;
    b.used = &ub;
    for (size_t n = 0; n < sizeof(calls) / sizeof(calls[0]); n++) {
        memset(m, 0, sizeof(m));
        for (int i = 0; i < 12; i++) {
            m[i].income = calls[n].income;
            m[i].partner = calls[n].partner && i >= 6;
            m[i].partner_uninsured = calls[n].uninsured && i >= 6;
            m[i].vermogen_known = calls[n].verm;
            m[i].vermogen = i < 3 ? 1000000 : 20000000;
            m[i].birth = test_date("2007-05-10");
        }
        ck_assert_int_eq(sw_zorgtoeslag_months(&a, calls[n].year, m, &x, NULL, &err), SW_OK);
        ck_assert_int_eq(sw_zorgtoeslag_months_kept(&b, &k, calls[n].year, m, &y, &err), SW_OK);
        ck_assert_int_eq(x.year_amount, y.year_amount);
        ck_assert_int_eq(x.month_amount, y.month_amount);
        ck_assert_int_eq(x.amount_exact, y.amount_exact);
        ck_assert_int_eq(x.months, y.months);
        ck_assert_int_eq(x.minimum, y.minimum);
        ck_assert_int_eq(x.normpremie, y.normpremie);
        ck_assert_int_eq(x.standaardpremie, y.standaardpremie);
    }
    test_same_used(&ua, &ub, false);
    /* The standaardpremie kept for 2026 (k.v[0]) is what the next call uses. */
    memset(m, 0, sizeof(m));
    for (int i = 0; i < 12; i++)
        m[i].income = 2000000;
    ck_assert_int_eq(sw_zorgtoeslag_months(&a, 2026, m, &x, NULL, &err), SW_OK);
    ck_assert_int_eq(k.year, 2026);
    k.v[0] += 1200;
    ck_assert_int_eq(sw_zorgtoeslag_months_kept(&b, &k, 2026, m, &y, &err), SW_OK);
    ck_assert_int_eq(y.standaardpremie, x.standaardpremie + 1200);
    /* Asked for 2025, it looks 2025 up again. */
    ck_assert_int_eq(sw_zorgtoeslag_months(&a, 2025, m, &x, NULL, &err), SW_OK);
    ck_assert_int_eq(sw_zorgtoeslag_months_kept(&b, &k, 2025, m, &y, &err), SW_OK);
    ck_assert_int_eq(y.standaardpremie, x.standaardpremie);
    ck_assert_int_eq(y.year_amount, x.year_amount);
    sw_used_release(&ua);
    sw_used_release(&ub);
    sw_lookup_cache_free(a.cache);
    sw_lookup_cache_free(b.cache);
}
END_TEST

/* sw_zorgtoeslag_same_kept() (one situation all year, the engine's fast path)
 * against sw_zorgtoeslag_months() on twelve copies of it, over many incomes,
 * years and households: single and partner (insured or not), uninsured,
 * vermogen unknown, below and above the grens, of age, turning 18 in the
 * year's months and a minor all year; an income out of range. The same status,
 * error, figures and values used in the same order, with one kept struct per
 * year through all calls as a simulation keeps it. */
static void same_zorgtoeslag(const struct sw_zorgtoeslag *x, const struct sw_zorgtoeslag *y)
{
    ck_assert_int_eq(x->year, y->year);
    ck_assert_int_eq(x->income, y->income);
    ck_assert_int_eq(x->standaardpremie, y->standaardpremie);
    ck_assert_int_eq(x->drempelinkomen, y->drempelinkomen);
    ck_assert_int_eq(x->rate_drempel, y->rate_drempel);
    ck_assert_int_eq(x->rate_above, y->rate_above);
    ck_assert_int_eq(x->normpremie, y->normpremie);
    ck_assert_int_eq(x->amount_exact, y->amount_exact);
    ck_assert_int_eq(x->year_amount, y->year_amount);
    ck_assert_int_eq(x->month_amount, y->month_amount);
    ck_assert_int_eq(x->minimum, y->minimum);
    ck_assert_int_eq(x->has_max_income, y->has_max_income);
    ck_assert_int_eq(x->max_income, y->max_income);
    ck_assert_int_eq(x->vermogen_excluded, y->vermogen_excluded);
    ck_assert_int_eq(x->months, y->months);
}

START_TEST(test_zorgtoeslag_same_kept)
{
    static const char *const births[] = {NULL, "1980-01-01", "2006-07-15", "2007-01-31",
                                         "2007-12-01", "2008-06-30", "2012-03-03"};
    struct sw_ctx a = test_ctx(), b = test_ctx();
    struct sw_used ua = {0}, ub = {0};
    struct sw_zorgtoeslag_kept k[4];
    struct sw_err ea, eb;
    int calls = 0, paid = 0;

    memset(k, 0, sizeof(k));
    ck_assert_int_eq(sw_lookup_cache_new(&a.cache, &ea), SW_OK);
    ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &eb), SW_OK);
    a.used = &ua;
    b.used = &ub;
    for (int64_t income = -100; income <= 9000000; income += 61237) {
        for (int h = 0; h < 48; h++) {
            int year = 2024 + (int)((income / 61237 + h) % 4);
            struct sw_zorgtoeslag_facts m[12], f;
            struct sw_zorgtoeslag x, y;
            const char *birth = births[(h / 6) % 7];
            sw_status sa, sb;

            memset(&f, 0, sizeof(f));
            f.income = income;
            f.partner = h & 1;
            f.partner_uninsured = (h & 2) && f.partner;
            f.uninsured = h % 23 == 22;
            f.birth = birth ? test_date(birth) : SW_NO_DATE;
            f.vermogen_known = h % 3 != 0;
            f.vermogen = h % 3 == 2 ? 250000000 : 1000000;
            for (int i = 0; i < 12; i++)
                memcpy(&m[i], &f, sizeof(f));
            memset(&x, 0, sizeof(x));
            memset(&y, 0, sizeof(y));
            memset(&ea, 0, sizeof(ea));
            memset(&eb, 0, sizeof(eb));
            sa = sw_zorgtoeslag_months(&a, year, m, &x, NULL, &ea);
            sb = sw_zorgtoeslag_same_kept(&b, &k[year - 2024], year, &f, &y, &eb);
            ck_assert_int_eq(sa, sb);
            ck_assert_str_eq(ea.field, eb.field);
            ck_assert_str_eq(ea.msg, eb.msg);
            if (sa == SW_OK)
                same_zorgtoeslag(&x, &y);
            calls++;
            paid += sa == SW_OK && y.year_amount > 0;
        }
    }
    test_same_used(&ua, &ub, false);
    /* The walk covered claims and no claims. */
    ck_assert_int_gt(paid, calls / 8);
    ck_assert_int_lt(paid, calls);
    sw_used_release(&ua);
    sw_used_release(&ub);
    sw_lookup_cache_free(a.cache);
    sw_lookup_cache_free(b.cache);
}
END_TEST

static Suite *zorgtoeslag_suite(void)
{
    Suite *s = suite_create("zorgtoeslag");
    TCase *tables = tcase_create("PublishedTables");
    TCase *core = tcase_create("Core");
    TCase *limits = tcase_create("Limits");

    tcase_add_loop_test(tables, test_zorgtoeslag_table_2025_single, 0,
                        (int)(sizeof(t2025_single) / sizeof(t2025_single[0])));
    tcase_add_loop_test(tables, test_zorgtoeslag_table_2025_partner, 0,
                        (int)(sizeof(t2025_partner) / sizeof(t2025_partner[0])));
    tcase_add_loop_test(tables, test_zorgtoeslag_table_2026_single, 0,
                        (int)(sizeof(t2026_single) / sizeof(t2026_single[0])));
    tcase_add_loop_test(tables, test_zorgtoeslag_table_2026_partner, 0,
                        (int)(sizeof(t2026_partner) / sizeof(t2026_partner[0])));
    tcase_add_loop_test(tables, test_zorgtoeslag_rekenvoorbeelden, 0,
                        (int)(sizeof(examples) / sizeof(examples[0])));
    tcase_add_test(tables, test_zorgtoeslag_2027_percentages_published);
    tcase_add_loop_test(limits, test_zorgtoeslag_max_income_derived, 0,
                        (int)(sizeof(max_limits) / sizeof(max_limits[0])));
    tcase_add_test(limits, test_zorgtoeslag_limit_2025_single_by_hand);
    tcase_add_test(limits, test_zorgtoeslag_limit_2026_partner_by_hand);
    tcase_add_test(limits, test_zorgtoeslag_uninsured_partner_limit_lower);
    tcase_add_test(limits, test_zorgtoeslag_vermogensgrens);
    tcase_add_test(limits, test_zorgtoeslag_bad_input);
    tcase_add_test(limits, test_zorgtoeslag_2027_amounts_not_published);
    tcase_add_test(limits, test_awir_year_amount_rounding_and_minimum);
    tcase_add_test(core, test_zorgtoeslag_income_in_whole_euros);
    tcase_add_test(core, test_zorgtoeslag_months_age_18);
    tcase_add_test(core, test_zorgtoeslag_months_partner_from_july);
    tcase_add_test(core, test_zorgtoeslag_months_equal_year);
    tcase_add_test(core, test_zorgtoeslag_months_kept);
    tcase_add_test(core, test_zorgtoeslag_same_kept);
    tcase_add_test(core, test_zorgtoeslag_trace);
    tcase_add_test(core, test_zorgtoeslag_trace_uninsured_share);
    tcase_add_test(core, test_toetsingsinkomen_sum_whole_euros);
    suite_add_tcase(s, tables);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(zorgtoeslag_suite)
