/* check_lks.c - loonkostensubsidie per month and over a job, and the loonwaarde
 * from hoofdtaken. Every expected figure is a hand calculation written out next to
 * it, on the shipped tables: WML 2026-01-01 EUR 14.71/h (tables/wml.xml),
 * vakantiebijslag 8 %, LKS max 70 %, forfait 50 %, werkgeverslasten 23.5 %
 * (tables/lks.xml). Monthly wage = hourly x hours x 52 / 12, half up to cents. */
#include <string.h>

#include "switchsim/lks.h"
#include "switchsim/money.h"
#include "testutil.h"

#define PCT(x) ((int64_t)(x) * SW_PPM_PER_PERCENT)

struct lks_case {
    const char *what;
    const char *date;
    int64_t hours_x100;
    int64_t loonwaarde;     /* ppm */
    int64_t hourly_wage;    /* 0 = WML */
    bool forfaitair;
    const char *birth;      /* NULL = full age */
    int64_t wml_incl, lks, werkgeverslasten, total;
    bool capped;
};

static const struct lks_case lks_cases[] = {
    /* Full time, 40 h, loonwaarde 50 %, WML wage, 2026-01-01:
     * WML month 1471 x 40 x 52 / 12 = 2549.7333 -> 2549.73; VT 8 % = 203.9784 -> 203.98;
     * incl. 2753.71. Loonwaarde 50 % of 2753.71 = 1376.855 -> 1376.86 (half up).
     * LKS 2753.71 - 1376.86 = 1376.85 (cap 70 % = 1927.597 -> 1927.60, not binding).
     * Werkgeverslasten 1376.85 x 0.235 = 323.55975 -> 323.56. Total 1700.41. */
    {"full time 40 h, 50 %", "2026-01-01", 4000, PCT(50), 0, false, NULL,
     275371, 137685, 32356, 170041, false},
    /* Part time, 32 h, loonwaarde 35 %: WML month 1471 x 32 x 52 / 12 = 2039.78667 ->
     * 2039.79; VT 163.1832 -> 163.18; incl. 2202.97. Loonwaarde 35 % = 771.0395 ->
     * 771.04. LKS 2202.97 - 771.04 = 1431.93 (cap 1542.079 -> 1542.08). Werkgeverslasten
     * 1431.93 x 0.235 = 336.50355 -> 336.50. Total 1768.43. */
    {"part time 32 h, 35 %", "2026-01-01", 3200, PCT(35), 0, false, NULL,
     220297, 143193, 33650, 176843, false},
    /* The 70 % cap: 32 h, loonwaarde 20 %: 2202.97 - 440.594 (-> 440.59) = 1762.38 >
     * cap 1542.08 -> LKS 1542.08. Werkgeverslasten 1542.08 x 0.235 = 362.3888 -> 362.39.
     * Total 1904.47. */
    {"70 % cap binds at loonwaarde 20 %", "2026-01-01", 3200, PCT(20), 0, false, NULL,
     220297, 154208, 36239, 190447, true},
    /* Loonwaarde 100 %: 2202.97 - 2202.97 = 0; no subsidy, no surcharge. */
    {"loonwaarde 100 %: nothing", "2026-01-01", 3200, PCT(100), 0, false, NULL,
     220297, 0, 0, 0, false},
    /* Loonwaarde 0 %: the difference is the whole WML 2202.97, capped at 1542.08. */
    {"loonwaarde 0 %: the cap", "2026-01-01", 3200, 0, 0, false, NULL,
     220297, 154208, 36239, 190447, true},
    /* Cao wage above the WML: EUR 16.00/h, 32 h, loonwaarde 50 %. Wage month 1600 x 32 x
     * 52 / 12 = 2218.6667 -> 2218.67; VT 177.4936 -> 177.49; incl. 2396.16. Loonwaarde
     * 50 % of the cao wage = 1198.08. LKS = WML incl. 2202.97 - 1198.08 = 1004.89.
     * Werkgeverslasten 1004.89 x 0.235 = 236.14915 -> 236.15. Total 1241.04 - the same
     * as the per-hour route in the research (lks_employer.md 1.4: EUR 1.241,04). */
    {"cao wage 16.00 above WML", "2026-01-01", 3200, PCT(50), 1600, false, NULL,
     220297, 100489, 23615, 124104, false},
    /* Cao wage so high that the loonwaarde exceeds the WML: 95 % of 2396.16 =
     * 2276.352 -> 2276.35 > 2202.97 -> no LKS. */
    {"loonwaarde above the WML: nothing", "2026-01-01", 3200, PCT(95), 1600, false, NULL,
     220297, 0, 0, 0, false},
    /* Youth WML: born 2007-03-15, 18 on 2026-01-01 -> 50 %: 14.71 x 0.5 = 7.355 -> 7.36
     * (params.md 1.2: 18 y 2026 = 7,36). Month 736 x 32 x 52 / 12 = 1020.58667 ->
     * 1020.59; VT 81.6472 -> 81.65; incl. 1102.24. Loonwaarde 40 % = 440.896 -> 440.90.
     * LKS 661.34 (cap 771.568 -> 771.57). Werkgeverslasten 661.34 x 0.235 = 155.4149 ->
     * 155.41. Total 816.75. */
    {"youth WML 18 y, 40 %", "2026-01-01", 3200, PCT(40), 0, false, "2007-03-15",
     110224, 66134, 15541, 81675, false},
    /* Forfaitaire LKS: 50 % of 2202.97 = 1101.485 -> 1101.49; werkgeverslasten
     * 1101.49 x 0.235 = 258.85015 -> 258.85; total 1360.34. */
    {"forfaitair 32 h", "2026-01-01", 3200, 0, 0, true, NULL,
     220297, 110149, 25885, 136034, false},
    /* 2025-07-01, WML 14.40, 36 h, loonwaarde 60 %: month 1440 x 36 x 52 / 12 = 2246.40;
     * VT 179.712 -> 179.71; incl. 2426.11. Loonwaarde 60 % = 1455.666 -> 1455.67. LKS
     * 970.44. Werkgeverslasten 970.44 x 0.235 = 228.0534 -> 228.05. Total 1198.49. */
    {"36 h on 2025-07-01, 60 %", "2025-07-01", 3600, PCT(60), 0, false, NULL,
     242611, 97044, 22805, 119849, false},
};

START_TEST(test_lks_compute_hand_calculations)
{
    const struct lks_case *k = &lks_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_lks_input in = {0};
    struct sw_lks r;
    struct sw_trace tr;
    struct sw_err err;

    memset(&tr, 0, sizeof(tr));
    in.hours_x100 = k->hours_x100;
    in.loonwaarde = k->loonwaarde;
    in.hourly_wage = k->hourly_wage;
    in.forfaitair = k->forfaitair;
    in.birth = k->birth ? test_date(k->birth) : SW_NO_DATE;
    ck_assert_msg(sw_lks_compute(&c, test_date(k->date), &in, &r, &tr, &err) == SW_OK, "%s: %s",
                  k->what, err.msg);
    ck_assert_int_eq(r.wml_incl, k->wml_incl);
    ck_assert_int_eq(r.lks, k->lks);
    ck_assert_int_eq(r.werkgeverslasten, k->werkgeverslasten);
    ck_assert_int_eq(r.total, k->total);
    ck_assert_int_eq(r.capped, k->capped);
    ck_assert_int_eq(r.total, r.lks + r.werkgeverslasten);
    /* The trace names the law and the parameters it used. */
    ck_assert_ptr_nonnull(strstr(tr.rule, "art. 10d"));
    ck_assert_int_gt((long)tr.nparams, 3);
}
END_TEST

/* Published worked example (older rules): rendement.nl 2016-07-27 "Loonkostensubsidie:
 * denk aan vakantiebijslag", forfaitair, full time, WML EUR 1.537,20:
 * "Inclusief vakantiebijslag ... EUR 1.660,18"; "forfaitaire loonkostensubsidie van
 * 50% ... EUR 830,09"; "werkgeverslasten van 23% ...: EUR 190,92". */
START_TEST(test_lks_published_example_rendement_2016)
{
    struct sw_ctx c = test_ctx();
    struct sw_lks_rates rates = {PCT(70), PCT(50), PCT(23)};
    struct sw_lks r;
    struct sw_err err;
    int64_t vt;

    memset(&r, 0, sizeof(r));
    /* 1537.20 x 8 % = 122.976 -> 122.98; 1537.20 + 122.98 = 1660.18 */
    ck_assert_int_eq(sw_holiday_pay(&c, test_date("2016-07-01"), 153720, &vt, NULL, &err), SW_OK);
    ck_assert_int_eq(153720 + vt, 166018);
    sw_lks_apply(&rates, 166018, 0, true, &r);
    ck_assert_int_eq(r.lks, 83009);              /* 1660.18 x 0.5 = 830.09 */
    ck_assert_int_eq(r.werkgeverslasten, 19092); /* 830.09 x 0.23 = 190.9207 -> 190.92 */
    /* At today's 23.5 %: 830.09 x 0.235 = 195.07115 -> 195.07 (research 1.5). */
    rates.werkgeverslasten_percent = 235000;
    sw_lks_apply(&rates, 166018, 0, true, &r);
    ck_assert_int_eq(r.werkgeverslasten, 19507);
}
END_TEST

START_TEST(test_lks_bad_input_names_field)
{
    static const struct sw_lks_fields f = {"--hours", "--loonwaarde", "--hourly-wage",
                                           "--birth-date"};
    struct sw_ctx c = test_ctx();
    struct sw_lks_input in = {3200, PCT(50), 0, false, SW_NO_DATE, &f};
    struct sw_lks r;
    struct sw_err err;
    sw_date d = test_date("2026-01-01");

    in.hours_x100 = 4001;   /* 40.01 h */
    ck_assert_int_eq(sw_lks_compute(&c, d, &in, &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--hours");
    in.hours_x100 = 99;     /* 0.99 h */
    ck_assert_int_eq(sw_lks_compute(&c, d, &in, &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--hours");
    in.hours_x100 = 3200;
    in.loonwaarde = PCT(100) + 1;
    ck_assert_int_eq(sw_lks_compute(&c, d, &in, &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--loonwaarde");
    in.loonwaarde = -1;
    ck_assert_int_eq(sw_lks_compute(&c, d, &in, &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--loonwaarde");
    in.loonwaarde = PCT(50);
    in.hourly_wage = -100;
    ck_assert_int_eq(sw_lks_compute(&c, d, &in, &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--hourly-wage");
    /* 14.70 is one cent below the WML of 14.71. */
    in.hourly_wage = 1470;
    ck_assert_int_eq(sw_lks_compute(&c, d, &in, &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--hourly-wage");
    ck_assert_ptr_nonnull(strstr(err.msg, "14.71"));
    /* No minimum wage below 15 (the staffel begins at 15). */
    in.hourly_wage = 0;
    in.birth = test_date("2012-01-01");
    ck_assert_int_eq(sw_lks_compute(&c, d, &in, &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--birth-date");
    /* Before the tables' first WML (2024-01-01) there is no value: not a zero. */
    in.birth = SW_NO_DATE;
    ck_assert_int_eq(sw_lks_compute(&c, test_date("2023-06-01"), &in, &r, NULL, &err),
                     SW_ERR_NO_VALUE);
}
END_TEST

/* A job: forfaitaire LKS from the start 2025-12-01, measured 35 % from 2026-06-01.
 * (The WML table ends, unpublished, on 2026-07-01: these months lie before it.) */
static const struct sw_loonwaarde_period forfait_then_35[] = {
    {0, PCT(50), true}, {0, PCT(35), false}};

static struct sw_lks_job make_job(struct sw_loonwaarde_period *p, size_t n, const char *start,
                                  const char *end)
{
    struct sw_lks_job j;

    memset(&j, 0, sizeof(j));
    j.start = test_date(start);
    j.end = end ? test_date(end) : SW_NO_DATE;
    j.birth = SW_NO_DATE;
    j.hours_x100 = 3200;
    j.periods = p;
    j.nperiods = n;
    return j;
}

START_TEST(test_lks_month_forfait_then_measured)
{
    struct sw_ctx c = test_ctx();
    struct sw_loonwaarde_period p[2];
    struct sw_lks_job j;
    struct sw_lks_month m;
    struct sw_err err;

    memcpy(p, forfait_then_35, sizeof(p));
    p[0].from = test_date("2025-12-01");
    p[1].from = test_date("2026-06-01");
    j = make_job(p, 2, "2025-12-01", NULL);
    /* November 2025: not yet employed. */
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2025, 11), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.total, 0);
    ck_assert_int_eq(m.days, 0);
    /* January 2026: forfait, full month = the "forfaitair 32 h" case: 1101.49 + 258.85. */
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 1), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lks, 110149);
    ck_assert_int_eq(m.total, 136034);
    ck_assert(m.forfaitair);
    /* May 2026: still the forfait (the 6th month: Dec, Jan, Feb, Mar, Apr, May). */
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 5), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.total, 136034);
    /* June 2026: measured 35 % = the "part time 32 h, 35 %" case: 1431.93 + 336.50. */
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 6), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lks, 143193);
    ck_assert_int_eq(m.total, 176843);
    ck_assert(!m.forfaitair);
    ck_assert_int_eq(m.loonwaarde, PCT(35));
}
END_TEST

START_TEST(test_lks_month_forfait_longer_than_six_months_is_an_error)
{
    struct sw_ctx c = test_ctx();
    struct sw_loonwaarde_period p[1] = {{0, PCT(50), true}};
    struct sw_lks_job j;
    struct sw_lks_month m;
    struct sw_err err;

    p[0].from = test_date("2025-12-01");
    j = make_job(p, 1, "2025-12-01", NULL);
    /* 2025-12-01 + 6 months = 2026-06-01: May is the last forfait month. */
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 5), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 6), &j, &m, NULL, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "job.loonwaarde");
    ck_assert_ptr_nonnull(strstr(err.msg, "2026-06-01"));
}
END_TEST

START_TEST(test_lks_month_part_months)
{
    struct sw_ctx c = test_ctx();
    struct sw_loonwaarde_period p[2];
    struct sw_lks_job j;
    struct sw_lks_month m;
    struct sw_err err;

    /* Start 2026-01-15: 17 of 31 days in January. Forfait 1101.49 x 17 / 31 = 604.0429
     * -> 604.04; werkgeverslasten 258.85 x 17 / 31 = 141.95 exactly; total 745.99. */
    memcpy(p, forfait_then_35, sizeof(p));
    p[0].from = test_date("2026-01-15");
    p[1].from = test_date("2026-04-16");
    j = make_job(p, 2, "2026-01-15", NULL);
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 1), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.days, 17);
    ck_assert_int_eq(m.lks, 60404);
    ck_assert_int_eq(m.werkgeverslasten, 14195);
    ck_assert_int_eq(m.total, 74599);
    /* April: forfait on the 1st-15th, 35 % from the 16th (15 + 15 of 30 days).
     * LKS 1101.49 / 2 = 550.745 -> 550.75 and 1431.93 / 2 = 715.965 -> 715.97: 1266.72.
     * Werkgeverslasten 258.85 / 2 = 129.425 -> 129.43 and 336.50 / 2 = 168.25: 297.68.
     * Total 1564.40. */
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 4), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.lks, 126672);
    ck_assert_int_eq(m.werkgeverslasten, 29768);
    ck_assert_int_eq(m.total, 156440);
    ck_assert(m.forfaitair);
    /* A job 2026-04-01 .. 2026-05-10 on the forfait: 10 of 31 days in May.
     * 1101.49 x 10 / 31 = 355.319 -> 355.32; 258.85 x 10 / 31 = 83.5 -> 83.50;
     * total 438.82. */
    p[0].from = test_date("2026-04-01");
    p[1].from = test_date("2026-06-01");
    j = make_job(p, 2, "2026-04-01", "2026-05-10");
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 5), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.total, 43882);
    ck_assert_int_eq(sw_lks_month(&c, sw_month_from_ym(2026, 6), &j, &m, NULL, &err), SW_OK);
    ck_assert_int_eq(m.total, 0);
}
END_TEST

/* The WML per 2027-01-01 is not published (tables/wml.xml ends there, unpublished):
 * in strict mode the LKS stops with an error naming it; by default the last
 * published value (EUR 14.99 per 2026-07-01) stands in, named as projected.
 * By hand: 14.99 x 32 x 52 / 12 = 2,078.61; + 8 % = 166.29 -> 2,244.90; loonwaarde
 * 35 % = 785.715 -> 785.72; LKS 2,244.90 - 785.72 = 1,459.18 (below the 70 % cap
 * 1,571.43); + 23.5 % werkgeverslasten 342.9073 -> 342.91; total 1,802.09. */
START_TEST(test_lks_past_the_published_wml)
{
    struct sw_ctx c = test_ctx();
    struct sw_used used = {0};
    struct sw_lks_input in = {3200, PCT(35), 0, false, SW_NO_DATE, NULL};
    struct sw_lks r;
    struct sw_err err;
    bool projected = false;

    ck_assert_int_eq(sw_lks_compute(&c, test_date("2027-02-01"), &in, &r, NULL, &err),
                     SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "wml.hourly");
    c.project = true;
    c.used = &used;
    ck_assert_int_eq(sw_lks_compute(&c, test_date("2027-02-01"), &in, &r, NULL, &err), SW_OK);
    ck_assert_int_eq(r.total, 180209);
    for (size_t i = 0; i < used.len; i++)
        if (strcmp(used.items[i].id, "wml.hourly") == 0)
            projected = used.items[i].projected;
    ck_assert(projected);
    sw_used_release(&used);
}
END_TEST

START_TEST(test_lks_job_check_rejects_bad_periods)
{
    struct sw_loonwaarde_period p[2] = {{0, PCT(50), false}, {0, PCT(40), false}};
    struct sw_lks_job j;
    struct sw_err err;

    p[0].from = test_date("2026-05-01");
    p[1].from = test_date("2026-06-01");
    j = make_job(p, 2, "2026-04-01", NULL);   /* first period after the start */
    ck_assert_int_eq(sw_lks_job_check(&j, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "job.loonwaarde");
    p[0].from = test_date("2026-07-01");      /* out of order */
    j = make_job(p, 2, "2026-04-01", NULL);
    ck_assert_int_eq(sw_lks_job_check(&j, &err), SW_ERR_INVALID);
    p[0].from = test_date("2026-04-01");
    p[1].percent = PCT(101);
    j = make_job(p, 2, "2026-04-01", NULL);
    ck_assert_int_eq(sw_lks_job_check(&j, &err), SW_ERR_INVALID);
    j = make_job(p, 0, "2026-04-01", NULL);
    ck_assert_int_eq(sw_lks_job_check(&j, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "job.loonwaarde");
}
END_TEST

/* --- loonwaarde from hoofdtaken --- */

struct lw_case {
    const char *what;
    size_t n;
    struct sw_task t[3];
    int64_t percent, exact;
};

static const struct lw_case lw_cases[] = {
    /* 0.60 x 0.80 x 0.90 x 1.00 = 0.432; 0.40 x 0.50 x 1.00 x 0.80 = 0.160; sum 0.592 ->
     * 59 %. */
    {"two tasks", 2, {{"inpakken", PCT(60), PCT(80), PCT(90), PCT(100)},
                      {"schoonmaken", PCT(40), PCT(50), PCT(100), PCT(80)}}, PCT(59), 592000},
    /* The seed's "loonwaarde maar 17 %": 0.5 x 0.4 x 0.5 x 0.8 = 0.08; 0.5 x 0.3 x 0.6 x
     * 1.0 = 0.09; sum 0.17 -> 17 %. */
    {"seventeen percent", 2, {{"a", PCT(50), PCT(40), PCT(50), PCT(80)},
                              {"b", PCT(50), PCT(30), PCT(60), PCT(100)}}, PCT(17), 170000},
    /* Half a percent rounds up ("rekenkundig"): 1.0 x 0.75 x 0.70 x 1.0 = 0.525 -> 53. */
    {"half up at .5", 1, {{"a", PCT(100), PCT(75), PCT(70), PCT(100)}}, PCT(53), 525000},
    /* 52.49 % -> 52 (two decimals: 5249 hundredths). */
    {"down below .5", 1, {{"a", PCT(100), 524900, PCT(100), PCT(100)}}, PCT(52), 524900},
    /* Tempo 120 % counts as 100 % (lks.tempo_max): 1.0 x 1.0 x 0.8 x 0.9 = 0.72. */
    {"tempo capped at 100", 1, {{"a", PCT(100), PCT(120), PCT(80), PCT(90)}}, PCT(72), 720000},
    /* Three tasks with decimals: 0.3333 x 0.9 x 0.9 x 0.9 = 0.24298 (0.242976);
     * 0.3333 x 0.6 x 1 x 1 = 0.19998; 0.3334 x 0.5 x 0.8 x 0.5 = 0.06668; sum 0.509636
     * -> 51 %. */
    {"three tasks with decimals", 3, {{"a", 333300, PCT(90), PCT(90), PCT(90)},
                                      {"b", 333300, PCT(60), PCT(100), PCT(100)},
                                      {"c", 333400, PCT(50), PCT(80), PCT(50)}},
     PCT(51), 509636},
};

START_TEST(test_loonwaarde_hand_calculations)
{
    const struct lw_case *k = &lw_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_loonwaarde r;
    struct sw_err err;

    ck_assert_msg(sw_loonwaarde_tasks(&c, test_date("2026-01-01"), k->t, k->n, "--task", &r,
                                      NULL, &err) == SW_OK, "%s: %s", k->what, err.msg);
    ck_assert_int_eq(r.percent, k->percent);
    ck_assert_int_eq(r.exact, k->exact);
    ck_assert_int_eq((long)r.ntasks, (long)k->n);
}
END_TEST

START_TEST(test_loonwaarde_task_details)
{
    struct sw_ctx c = test_ctx();
    struct sw_task t[2] = {{"a", PCT(95), PCT(120), PCT(80), PCT(90)},
                           {"b", PCT(5), PCT(50), PCT(50), PCT(50)}};
    struct sw_loonwaarde r;
    struct sw_err err;

    ck_assert_int_eq(sw_loonwaarde_tasks(&c, test_date("2026-01-01"), t, 2, "--task", &r, NULL,
                                         &err), SW_OK);
    ck_assert_int_eq(r.tasks[0].tempo_counted, PCT(100));
    ck_assert_int_eq(r.tasks[0].prestatie, 720000);      /* 1.0 x 0.8 x 0.9 */
    ck_assert_int_eq(r.tasks[0].contribution, 684000);   /* 0.95 x 0.72 */
    ck_assert_int_eq(r.tasks[1].prestatie, 125000);      /* 0.5 x 0.5 x 0.5 */
    ck_assert_int_eq(r.tasks[1].contribution, 6250);     /* 0.05 x 0.125 */
    /* 5 % < 1/16 = 6.25 % of the working time: not a hoofdtaak (Besluit art. 1). */
    ck_assert(!r.tasks[0].below_min_share);
    ck_assert(r.tasks[1].below_min_share);
    ck_assert(r.any_below_min_share);
    /* 0.684 + 0.00625 = 0.69025 -> 69 %. */
    ck_assert_int_eq(r.percent, PCT(69));
}
END_TEST

START_TEST(test_loonwaarde_bad_input)
{
    struct sw_ctx c = test_ctx();
    struct sw_task t[2] = {{"a", PCT(60), PCT(80), PCT(90), PCT(100)},
                           {"b", PCT(30), PCT(50), PCT(100), PCT(80)}};
    struct sw_loonwaarde r;
    struct sw_err err;
    sw_date d = test_date("2026-01-01");

    /* Shares 60 + 30 = 90, not 100. */
    ck_assert_int_eq(sw_loonwaarde_tasks(&c, d, t, 2, "--task", &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--task");
    ck_assert_ptr_nonnull(strstr(err.msg, "90"));
    t[1].share = PCT(40);
    t[1].kwaliteit = PCT(101);
    ck_assert_int_eq(sw_loonwaarde_tasks(&c, d, t, 2, "--task", &r, NULL, &err), SW_ERR_INVALID);
    t[1].kwaliteit = 999950;   /* 99.995: three decimals */
    ck_assert_int_eq(sw_loonwaarde_tasks(&c, d, t, 2, "--task", &r, NULL, &err), SW_ERR_INVALID);
    t[1].kwaliteit = PCT(100);
    t[1].inzetbaarheid = -PCT(1);
    ck_assert_int_eq(sw_loonwaarde_tasks(&c, d, t, 2, "--task", &r, NULL, &err), SW_ERR_INVALID);
    t[1].inzetbaarheid = PCT(80);
    ck_assert_int_eq(sw_loonwaarde_tasks(&c, d, t, 0, "--task", &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_int_eq(sw_loonwaarde_tasks(&c, d, t, 2, "--task", &r, NULL, &err), SW_OK);
    /* Before the Besluit 2021 (in force 2021-07-01) the tables have no rules. */
    ck_assert_int_eq(sw_loonwaarde_tasks(&c, test_date("2021-06-30"), t, 2, "--task", &r, NULL,
                                         &err), SW_ERR_NO_VALUE);
}
END_TEST

static Suite *lks_suite(void)
{
    Suite *s = suite_create("lks");
    TCase *core = tcase_create("Core");
    TCase *limits = tcase_create("Limits");

    tcase_add_loop_test(core, test_lks_compute_hand_calculations, 0,
                        (int)(sizeof(lks_cases) / sizeof(lks_cases[0])));
    tcase_add_test(core, test_lks_published_example_rendement_2016);
    tcase_add_test(core, test_lks_month_forfait_then_measured);
    tcase_add_test(core, test_lks_month_part_months);
    tcase_add_loop_test(core, test_loonwaarde_hand_calculations, 0,
                        (int)(sizeof(lw_cases) / sizeof(lw_cases[0])));
    tcase_add_test(core, test_loonwaarde_task_details);
    tcase_add_test(limits, test_lks_bad_input_names_field);
    tcase_add_test(limits, test_lks_month_forfait_longer_than_six_months_is_an_error);
    tcase_add_test(limits, test_lks_job_check_rejects_bad_periods);
    tcase_add_test(limits, test_lks_past_the_published_wml);
    tcase_add_test(limits, test_loonwaarde_bad_input);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(lks_suite)
