/* check_engine.c - the month engine (sw_simulate) on scenarios built in code.
 * Every expected figure is worked out by hand in the comment above it, from
 * published values:
 *   - bijstand norm alleenstaande 21 - AOW-leeftijd EUR 1,401.50 from 2026-01-01
 *     (Participatiewet art. 21 onder a; Normenbrief 1 januari 2026), of which 95 %
 *     is paid each month and 5 % is reserved as vakantietoeslag, paid in June or
 *     after the bijstand ends (art. 19 lid 3, art. 45 lid 1);
 *   - inkomstenvrijlating 25 % of the net wage, at most EUR 285.00 a month from
 *     2026-01-01 (art. 31 lid 2 onder n);
 *   - WML EUR 14.71 an hour from 2026-01-01 and EUR 14.99 from 2026-07-01; a month
 *     is hourly x hours x 52 / 12, half up to cents;
 *   - loonheffing by the witte maandtabel 2026 (Rekenvoorschriften 2026 par. 2.2):
 *     year wage down to a multiple of EUR 54, first bracket 35.75 % up to 38,883,
 *     algemene heffingskorting 3,115 minus 6.398 % above 29,736, arbeidskorting
 *     8.324 % up to 11,965, then 996 + 31.009 % up to 25,845, then 5,300 + 1.95 %;
 *     tax per bracket down and kortingen up to whole euros, kortingen at most the
 *     tax; the year's tax / 12, half up to cents;
 *   - Wmo abonnementstarief EUR 21.00 (2025) and EUR 21.80 (2026), billed by the
 *     CAK the month after (hetcak.nl);
 *   - WW: 26 of 36 weeks, 3 months, 75 % then 70 % (after 2 months) of the
 *     dagloon, 261 dagloondagen a year (WW art. 17, 47; uwv.nl).
 * The municipality here pays bijstand in advance on the last income it knows and
 * corrects the next month (DOMAIN.md, "Bijstand paid vs. entitled"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "switchsim/engine.h"
#include "switchsim/scenario.h"
#include "switchsim/trace.h"
#include "testutil.h"

/* Single, born 1994-05-01 (31 or 32 in 2026: the norm for 21 to the AOW age, and
 * the vrijlating onder n), no toeslagen, no dagbesteding, paid in advance, the
 * municipality does not apply the loonheffingskorting; a job at the minimum wage. */
static void scenario(struct sw_scenario *s, int year, int month, int months)
{
    sw_scenario_init(s);
    s->start_month = sw_month_from_ym(year, month);
    s->months = months;
    s->household.birth = test_date("1994-05-01");
    s->job.kind = SW_JOB_BESCHUT;
    s->settlement.method = SW_SETTLE_ADVANCE;
    s->settlement.municipality_applies_korting = false;
    s->toeslagen.zorgtoeslag = false;
    s->toeslagen.huurtoeslag = false;
}

static struct sw_timeline *simulate(const struct sw_scenario *s)
{
    struct sw_timeline *tl = NULL;
    struct sw_err err;

    ck_assert_msg(sw_simulate(&tl, test_tables(), s, SW_SIM_TRACE, &err) == SW_OK, "%s: %s",
                  err.field, err.msg);
    ck_assert_ptr_nonnull(tl);
    return tl;
}

static const int64_t *row(const struct sw_run *run, int i)
{
    ck_assert_int_lt(i, run->n);
    return run->rows[i].v;
}

static bool has_warning(const struct sw_timeline *tl, const char *code, sw_month m)
{
    for (size_t i = 0; i < tl->n_warnings; i++)
        if (strcmp(tl->warnings[i].code, code) == 0 && tl->warnings[i].month == m)
            return true;
    return false;
}

/* Staying on bijstand, January - June 2026:
 *   norm 1401.50; paid 95 %: 1401.50 x 0.95 = 1331.425 -> 1331.43 (half up);
 *   reserved 1401.50 - 1331.43 = 70.07 a month.
 * June pays the vakantietoeslag of the twelve months June 2025 - May 2026; the
 * months before the horizon count at the first month's reserve (the engine's
 * convention): 12 x 70.07 = 840.84. Received in January: 1331.43. */
START_TEST(test_engine_baseline_norm_2026_paid_95_percent)
{
    struct sw_scenario s;
    struct sw_timeline *tl;

    scenario(&s, 2026, 1, 6);
    s.job.start = test_date("2026-06-01");
    s.job.hours_x100 = 1200;
    tl = simulate(&s);
    for (int i = 0; i < 6; i++) {
        const int64_t *v = row(&tl->baseline, i);
        ck_assert_int_eq(tl->baseline.rows[i].status, SW_STATUS_BIJSTAND);
        ck_assert_int_eq(v[SW_ITEM_BIJSTAND_NORM], 140150);
        ck_assert_int_eq(v[SW_ITEM_BIJSTAND_ENTITLED], 133143);
        ck_assert_int_eq(v[SW_ITEM_BIJSTAND_PAID], 133143);
        ck_assert_int_eq(v[SW_ITEM_BIJSTAND_RESERVE], 7007);
        ck_assert_int_eq(v[SW_ITEM_BIJSTAND_HOLIDAY_PAID], i == 5 ? 84084 : 0);
        ck_assert_int_eq(v[SW_ITEM_GROSS_WAGE], 0);
    }
    ck_assert_int_eq(row(&tl->baseline, 0)[SW_ITEM_RECEIVED], 133143);
    ck_assert_int_eq(row(&tl->baseline, 0)[SW_ITEM_SAFE_TO_SPEND], 133143);
    ck_assert_int_eq(row(&tl->baseline, 5)[SW_ITEM_RECEIVED], 133143 + 84084);
    /* The baseline has no recoveries of its own. */
    ck_assert_int_eq(tl->baseline.totals[SW_ITEM_RECOVERY_COLLECTED], 0);
    ck_assert_int_eq(tl->baseline.totals[SW_ITEM_BIJSTAND_PAID], 6 * 133143);
    sw_timeline_free(tl);
}
END_TEST

/* A part-time job of 12 h from 2026-03-01 (February - April 2026). Bijstand goes
 * on, lower; the first salary and March's full bijstand arrive together, and the
 * municipality sets the difference off in April.
 *   Gross: 14.71 x 12 x 52 / 12 = 14.71 x 52 = 764.92.
 *   Loonheffing: year 764.92 x 12 = 9179.04 -> 169 x 54 = 9126; tax 35.75 % =
 *     3262.545 -> 3262; AHK 3115 (below 29,736); AK 8.324 % x 9126 = 759.65 -> 760;
 *     kortingen 3875 > 3262, so no tax: 0. Net 764.92.
 *   Vrijlating (1st month with work, 31 years): 25 % x 764.92 = 191.23 (< 285.00).
 *   Counted 764.92 - 191.23 = 573.69; entitled 1401.50 - 573.69 = 827.81; paid
 *     monthly 95 % = 786.4195 -> 786.42; reserve 41.39.
 *   March: paid in advance on February's income (none): 1331.43; 1331.43 - 786.42
 *     = 545.01 too much: set aside.
 *   April: the estimate on March's income is 786.42, minus the correction 545.01:
 *     paid 241.41; the 545.01 set aside is used. April's own entitlement (2nd
 *     month, same wage) is again 786.42, as estimated: nothing more to set aside.
 *   Received March 764.92 + 1331.43 = 2096.35, safe to spend 2096.35 - 545.01 =
 *     1551.34; April 764.92 + 241.41 = 1006.33, safe 1006.33 + 545.01 = 1551.34.
 *   No letter: the overpayment is set off. */
START_TEST(test_engine_first_salary_with_bijstand_set_off)
{
    struct sw_scenario s;
    struct sw_timeline *tl;
    const int64_t *mar, *apr;

    scenario(&s, 2026, 2, 3);
    s.job.start = test_date("2026-03-01");
    s.job.hours_x100 = 1200;
    tl = simulate(&s);
    mar = row(&tl->scenario, 1);
    apr = row(&tl->scenario, 2);
    ck_assert_int_eq(tl->scenario.rows[0].status, SW_STATUS_BIJSTAND);
    ck_assert_int_eq(tl->scenario.rows[1].status, SW_STATUS_WORK);
    ck_assert_int_eq(mar[SW_ITEM_GROSS_WAGE], 76492);
    ck_assert_int_eq(mar[SW_ITEM_LOONHEFFING], 0);
    ck_assert_int_eq(mar[SW_ITEM_NET_WAGE], 76492);
    ck_assert_int_eq(mar[SW_ITEM_VRIJLATING], 19123);
    ck_assert_int_eq(tl->scenario.rows[1].vrijlating_month, 1);
    ck_assert_int_eq(mar[SW_ITEM_BIJSTAND_ENTITLED], 78642);
    ck_assert_int_eq(mar[SW_ITEM_BIJSTAND_RESERVE], 4139);
    ck_assert_int_eq(mar[SW_ITEM_BIJSTAND_PAID], 133143);
    ck_assert_int_eq(mar[SW_ITEM_SET_ASIDE], 54501);
    ck_assert_int_eq(mar[SW_ITEM_RECEIVED], 209635);
    ck_assert_int_eq(mar[SW_ITEM_SAFE_TO_SPEND], 155134);
    ck_assert_int_eq(apr[SW_ITEM_BIJSTAND_ENTITLED], 78642);
    ck_assert_int_eq(tl->scenario.rows[2].vrijlating_month, 2);
    ck_assert_int_eq(apr[SW_ITEM_BIJSTAND_PAID], 24141);
    ck_assert_int_eq(apr[SW_ITEM_RESERVE_RELEASED], 54501);
    ck_assert_int_eq(apr[SW_ITEM_SET_ASIDE], 0);
    ck_assert_int_eq(apr[SW_ITEM_RECEIVED], 100633);
    ck_assert_int_eq(apr[SW_ITEM_SAFE_TO_SPEND], 155134);
    ck_assert_int_eq((long)tl->n_recoveries, 0);
    ck_assert(has_warning(tl, "bijstand_set_off", sw_month_from_ym(2026, 4)));
    sw_timeline_free(tl);
}
END_TEST

/* A full-time job of 40 h from 2026-03-01 (February - May 2026) ends the bijstand;
 * March's bijstand was paid in advance all the same and comes back by letter.
 *   Gross: 14.71 x 40 x 52 / 12 = 2549.7333 -> 2549.73.
 *   Loonheffing: year 30596.76 -> 566 x 54 = 30564; tax 35.75 % = 10926.63 ->
 *     10926; AHK 3115 - 6.398 % x (30564 - 29736) = 3115 - 52.98 = 3062.02 -> 3063;
 *     AK 5300 + 1.95 % x (30564 - 25845) = 5392.02 -> 5393; year 10926 - 3063 -
 *     5393 = 2470; / 12 = 205.8333 -> 205.83. Net 2549.73 - 205.83 = 2343.90.
 *   Counted 2343.90 - 285.00 (25 % = 585.98, above the maximum) = 2058.90 > 1401.50:
 *     no bijstand from March.
 *   March: paid in advance 1331.43 on February's income; all of it to set aside.
 *   April: the estimate on March's income is nil and nothing is left to set off
 *     against: a letter in April for 1331.43 over March, paid in May (the
 *     municipality's term, one month).
 *   The vakantietoeslag reserved since the June 2025 payout - June 2025 - January
 *     2026, 8 months at the first month's 70.07, plus February's 70.07: 9 x 70.07 =
 *     630.63 - is paid in April, the month after the bijstand ended.
 *   May: the vakantiebijslag of March - May, 3 x 8 % x 2549.73 (203.9784 -> 203.98)
 *     = 611.94, is paid with the wage. */
START_TEST(test_engine_recovery_when_first_salary_and_bijstand_arrive_together)
{
    struct sw_scenario s;
    struct sw_timeline *tl;
    const struct sw_recovery *rec;
    const int64_t *mar, *apr, *may;

    scenario(&s, 2026, 2, 4);
    s.job.start = test_date("2026-03-01");
    s.job.hours_x100 = 4000;
    tl = simulate(&s);
    mar = row(&tl->scenario, 1);
    apr = row(&tl->scenario, 2);
    may = row(&tl->scenario, 3);
    ck_assert_int_eq(mar[SW_ITEM_GROSS_WAGE], 254973);
    ck_assert_int_eq(mar[SW_ITEM_LOONHEFFING], 20583);
    ck_assert_int_eq(mar[SW_ITEM_NET_WAGE], 234390);
    ck_assert_int_eq(mar[SW_ITEM_VRIJLATING], 28500);
    ck_assert_int_eq(mar[SW_ITEM_BIJSTAND_ENTITLED], 0);
    ck_assert_int_eq(mar[SW_ITEM_BIJSTAND_PAID], 133143);
    ck_assert_int_eq(mar[SW_ITEM_SET_ASIDE], 133143);
    ck_assert_int_eq(apr[SW_ITEM_BIJSTAND_PAID], 0);
    ck_assert_int_eq(apr[SW_ITEM_BIJSTAND_HOLIDAY_PAID], 63063);
    ck_assert_int_eq((long)tl->n_recoveries, 1);
    rec = &tl->recoveries[0];
    ck_assert_int_eq(rec->kind, SW_RECOVERY_BIJSTAND);
    ck_assert_str_eq(rec->for_period, "2026-03");
    ck_assert_int_eq(rec->amount, 133143);
    ck_assert_int_eq(rec->caused, sw_month_from_ym(2026, 3));
    ck_assert_int_eq(rec->expected, sw_month_from_ym(2026, 4));
    ck_assert_int_eq(rec->collected, sw_month_from_ym(2026, 5));
    ck_assert_int_eq(may[SW_ITEM_RECOVERY_COLLECTED], 133143);
    ck_assert_int_eq(may[SW_ITEM_RESERVE_RELEASED], 133143);
    ck_assert_int_eq(may[SW_ITEM_HOLIDAY_PAY], 61194);
    ck_assert(has_warning(tl, "bijstand_recovery", sw_month_from_ym(2026, 3)));
    ck_assert(has_warning(tl, "bijstand_ends", sw_month_from_ym(2026, 3)));
    sw_timeline_free(tl);
}
END_TEST

/* Dagbesteding (4 dagdelen a week) from before January 2026; a job from
 * 2026-03-01. The CAK bills each month the bijdrage of the month before:
 *   January bills December 2025: 21.00; February - May bill 2026 months: 21.80.
 * Staying: every month. Switching without keeping the indication: it ends on
 * 2026-02-28, so March still bills February (21.80) and April bills nothing.
 * Keeping it until 2026-03-31: April bills March (21.80), May nothing. */
START_TEST(test_engine_wmo_billed_a_month_later)
{
    static const int64_t stay[] = {2100, 2180, 2180, 2180, 2180};
    static const int64_t ends[] = {2100, 2180, 2180, 0, 0};
    static const int64_t kept[] = {2100, 2180, 2180, 2180, 0};
    struct sw_scenario s;
    struct sw_timeline *tl;

    scenario(&s, 2026, 1, 5);
    s.before.dagbesteding_dagdelen = 4;
    s.job.start = test_date("2026-03-01");
    s.job.hours_x100 = 1200;
    tl = simulate(&s);
    for (int i = 0; i < 5; i++) {
        ck_assert_int_eq(row(&tl->baseline, i)[SW_ITEM_WMO_EIGEN_BIJDRAGE], stay[i]);
        ck_assert_int_eq(row(&tl->scenario, i)[SW_ITEM_WMO_EIGEN_BIJDRAGE], ends[i]);
    }
    /* The bijdrage is paid out of what comes in: January staying, 1331.43 - 21.00. */
    ck_assert_int_eq(row(&tl->baseline, 0)[SW_ITEM_RECEIVED], 133143 - 2100);
    sw_timeline_free(tl);

    s.job.dagbesteding_until = test_date("2026-03-31");
    tl = simulate(&s);
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(row(&tl->scenario, i)[SW_ITEM_WMO_EIGEN_BIJDRAGE], kept[i]);
    sw_timeline_free(tl);
}
END_TEST

/* A couple both below the AOW age (born 1994 and 1996) owes no abonnementstarief
 * (Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 3 onder f). */
START_TEST(test_engine_wmo_couple_below_aow_pays_nothing)
{
    struct sw_scenario s;
    struct sw_timeline *tl;

    scenario(&s, 2026, 1, 3);
    s.household.composition = SW_HH_COUPLE;
    s.household.partner_birth = test_date("1996-02-01");
    s.before.dagbesteding_dagdelen = 4;
    s.job.start = test_date("2026-03-01");
    s.job.hours_x100 = 1200;
    tl = simulate(&s);
    ck_assert_int_eq(tl->baseline.totals[SW_ITEM_WMO_EIGEN_BIJDRAGE], 0);
    ck_assert_int_eq(tl->scenario.totals[SW_ITEM_WMO_EIGEN_BIJDRAGE], 0);
    sw_timeline_free(tl);
}
END_TEST

/* The way back with WW: 36 h from 2026-01-01 to 2026-07-31 (212 days: 30 whole
 * weeks, at least 26 of the last 36), so WW from 2026-08-01 for 3 months, until
 * 2026-10-31.
 *   The last full month's wage (July, WML 14.99): 14.99 x 36 x 52 / 12 = 2338.44;
 *   dagloon 2338.44 x 12 / 261 = 107.5145 -> 107.51 (down; below the maximum).
 *   August, September at 75 %: 80.6325 -> 80.63 a day; x 261 / 12 = 1753.7025 ->
 *     1753.70. October at 70 %: 75.257 -> 75.26; x 261 / 12 = 1636.905 -> 1636.91.
 *   Bijstand had stopped (the wage is above the norm): a new application, from
 *   2026-08-01 (32 years: no zoektermijn), no days without income. */
START_TEST(test_engine_way_back_ww_after_26_weeks)
{
    static const int64_t ww[] = {175370, 175370, 163691, 0};
    struct sw_scenario s;
    struct sw_timeline *tl;
    const struct sw_way_back *wb;

    scenario(&s, 2026, 1, 11);
    s.job.start = test_date("2026-01-01");
    s.job.end = test_date("2026-07-31");
    s.job.hours_x100 = 3600;
    tl = simulate(&s);
    wb = &tl->way_back;
    ck_assert(wb->active);
    ck_assert_int_eq(wb->weeks_worked, 30);
    ck_assert(wb->ww);
    ck_assert_int_eq(wb->ww_from, test_date("2026-08-01"));
    ck_assert_int_eq(wb->ww_until, test_date("2026-10-31"));
    ck_assert_int_eq(wb->ww_dagloon, 10751);
    ck_assert(wb->new_application);
    ck_assert_int_eq(wb->bijstand_from, test_date("2026-08-01"));
    ck_assert_int_eq(wb->gap_days, 0);
    ck_assert_int_eq(row(&tl->scenario, 6)[SW_ITEM_GROSS_WAGE], 233844);
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(tl->scenario.rows[7 + i].status, SW_STATUS_FALLBACK);
        ck_assert_int_eq(row(&tl->scenario, 7 + i)[SW_ITEM_WW_GROSS], ww[i]);
    }
    ck_assert(has_warning(tl, "way_back_ww", sw_month_from_ym(2026, 8)));
    sw_timeline_free(tl);
}
END_TEST

/* The way back without WW, under 27: born 2002-05-01 (24), 36 h from 2026-03-01 to
 * 2026-05-31 (92 days: 13 weeks, fewer than 26): no WW. Bijstand had stopped; the
 * zoektermijn of 4 weeks runs from the report on 2026-06-01, so bijstand from
 * 2026-06-29 and 28 days without income. June's bijstand is for 2 of its 30 days:
 *   entitled incl. vakantietoeslag 1401.50 x 2 / 30 = 93.4333 -> 93.43;
 *   the monthly payment 1331.43 x 2 / 30 = 88.762 -> 88.76.
 * A new indication for dagbesteding takes 8 weeks from 2026-06-01: 2026-07-27. */
START_TEST(test_engine_way_back_zoektermijn_under_27)
{
    struct sw_scenario s;
    struct sw_timeline *tl;
    const struct sw_way_back *wb;

    scenario(&s, 2026, 2, 5);
    s.household.birth = test_date("2002-05-01");
    s.before.dagbesteding_dagdelen = 2;
    s.job.start = test_date("2026-03-01");
    s.job.end = test_date("2026-05-31");
    s.job.hours_x100 = 3600;
    tl = simulate(&s);
    wb = &tl->way_back;
    ck_assert(wb->active);
    ck_assert_int_eq(wb->weeks_worked, 13);
    ck_assert(!wb->ww);
    ck_assert(wb->new_application);
    ck_assert_int_eq(wb->bijstand_from, test_date("2026-06-29"));
    ck_assert_int_eq(wb->gap_days, 28);
    ck_assert(!wb->wmo_kept);
    ck_assert_int_eq(wb->dagbesteding_from, test_date("2026-07-27"));
    ck_assert_int_eq(tl->scenario.rows[4].status, SW_STATUS_FALLBACK);
    ck_assert_int_eq(row(&tl->scenario, 4)[SW_ITEM_BIJSTAND_ENTITLED], 8876);
    ck_assert_int_eq(row(&tl->scenario, 4)[SW_ITEM_WW_GROSS], 0);
    ck_assert(has_warning(tl, "way_back_no_ww", sw_month_from_ym(2026, 6)));
    ck_assert(has_warning(tl, "way_back_gap", sw_month_from_ym(2026, 6)));
    sw_timeline_free(tl);
}
END_TEST

/* Every item of every month carries a trace naming its rule once traced; the
 * WW and the Wmo items name their law. */
START_TEST(test_engine_traces_name_the_law)
{
    struct sw_scenario s;
    struct sw_timeline *tl;

    scenario(&s, 2026, 1, 11);
    s.before.dagbesteding_dagdelen = 4;
    s.job.start = test_date("2026-01-01");
    s.job.end = test_date("2026-07-31");
    s.job.hours_x100 = 3600;
    tl = simulate(&s);
    ck_assert_ptr_nonnull(strstr(tl->scenario.rows[7].trace[SW_ITEM_WW_GROSS].rule,
                                 "Werkloosheidswet"));
    ck_assert_ptr_nonnull(strstr(tl->baseline.rows[0].trace[SW_ITEM_WMO_EIGEN_BIJDRAGE].rule,
                                 "Wmo 2015"));
    ck_assert_ptr_nonnull(strstr(tl->baseline.rows[0].trace[SW_ITEM_BIJSTAND_NORM].rule,
                                 "Participatiewet"));
    sw_timeline_free(tl);
}
END_TEST

/* A trace keeps what it is given until it is full; then it says it is incomplete
 * instead of dropping the rest without a word. */
START_TEST(test_trace_full_is_incomplete)
{
    struct sw_trace tr;
    static const char *const names[SW_TRACE_MAX_INPUTS + 1] = {
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k",
        "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"};

    memset(&tr, 0, sizeof(tr));
    for (int k = 0; k < SW_TRACE_MAX_INPUTS; k++)
        sw_trace_input(&tr, names[k], k, SW_UNIT_EUROCENT);
    sw_trace_input(&tr, names[0], 100, SW_UNIT_EUROCENT); /* an update, no new slot */
    ck_assert(!tr.incomplete);
    ck_assert_int_eq(tr.inputs[0].value, 100);
    sw_trace_input(&tr, names[SW_TRACE_MAX_INPUTS], 1, SW_UNIT_EUROCENT);
    ck_assert(tr.incomplete);
    ck_assert_uint_eq(tr.ninputs, SW_TRACE_MAX_INPUTS);
}
END_TEST

/* Every figure of every reference case keeps all its inputs and table values
 * (a full trace used to drop the last inputs of `received` - "terugbetaald"
 * for a parent with the gemeente's regelingen - without a word). */
static bool traces_complete(const struct sw_scenario *s, const char *path, void *arg)
{
    struct sw_timeline *tl = NULL;
    struct sw_err err;
    const struct sw_run *runs[2];

    (void)arg;
    ck_assert_msg(sw_simulate(&tl, test_tables(), s, SW_SIM_TRACE, &err) == SW_OK, "%s: %s",
                  path, err.msg);
    runs[0] = &tl->scenario;
    runs[1] = &tl->baseline;
    for (int r = 0; r < 2; r++)
        for (int i = 0; i < runs[r]->n; i++)
            for (int item = 0; item < SW_ITEM__COUNT; item++)
                ck_assert_msg(!runs[r]->rows[i].trace[item].incomplete,
                              "%s: run %d month %d item %d: trace incomplete", path, r, i, item);
    sw_timeline_free(tl);
    return true;
}

START_TEST(test_engine_traces_complete)
{
    ck_assert_int_gt(test_each_case(traces_complete, NULL), 20);
}
END_TEST

/* The ordinary month after the switch (engine.h, struct sw_steady) does not depend
 * on the window. A job of 36 h at the minimum wage from 1 January 2026:
 *   gross 14.71 x 36 x 52 / 12 = 2294.76; loonheffing 114.92 (year wage 27537.12
 *   -> 27486; 35.75 %: 9826; AHK 3115; AK 5332; 1379 / 12); net 2179.84.
 *   Net 2179.84 - vrijlating 285.00 = 1894.84 > norm 1401.50: no bijstand, so the
 *   vrijlating plays no role. January's bijstand (1331.43, paid in advance) is
 *   recovered and collected in March: April is the first settled month.
 *   gain = 2179.84 - 1331.43 = 848.41. */
START_TEST(test_engine_steady_month_independent_of_window)
{
    static const int windows[] = {4, 6, 12, 18};

    for (size_t k = 0; k < sizeof(windows) / sizeof(windows[0]); k++) {
        struct sw_scenario s;
        struct sw_timeline *tl;

        scenario(&s, 2026, 1, windows[k]);
        s.job.start = test_date("2026-01-01");
        s.job.hours_x100 = 3600;
        tl = simulate(&s);
        ck_assert_msg(tl->steady.found, "window %d", windows[k]);
        ck_assert_int_eq(tl->steady.month, sw_month_from_ym(2026, 4));
        ck_assert_int_eq(tl->steady.gain, 84841);
        ck_assert_int_eq(tl->steady.first_months, 3);
        ck_assert_int_eq(tl->steady.n_projected, 0);
        sw_timeline_free(tl);
    }
}
END_TEST

/* A job that ends before an ordinary month: none, and no failure. */
START_TEST(test_engine_steady_none_when_the_job_ends)
{
    struct sw_scenario s;
    struct sw_timeline *tl;

    scenario(&s, 2026, 1, 6);
    s.job.start = test_date("2026-01-01");
    s.job.end = test_date("2026-02-28");
    s.job.hours_x100 = 3600;
    tl = simulate(&s);
    ck_assert(!tl->steady.found);
    sw_timeline_free(tl);
}
END_TEST

/* Which projected values a recovery names (the voorlopig mark on its amount).
 * A synthetic list of used values, projected from the dates given: the rule is
 * the period's last month (December for a year's settlement) and only the
 * schemes that enter the calculation. Worked out by hand:
 *   bijstand over 2027-01: the norm (Pw) yes; Wmo, huurtoeslag, zorgtoeslag no
 *     (the bijstand counts none of them); loonheffing due 2027-07 not yet -> 1.
 *   inkomstenbelasting over 2027: the norm (the bijstand is taxed income) and
 *     loonheffing from July (the year counts it) -> 2; Wmo and toeslagen no.
 *   zorgtoeslag over 2027: the norm, loonheffing (the toetsingsinkomen) and its
 *     own standaardpremie -> 3; not the huurtoeslag's or the Wmo's values. */
START_TEST(test_engine_recovery_projected_names_its_own_values)
{
    struct sw_value_info items[] = {
        {.id = "participatiewet.norm.single", .projected = true},
        {.id = "wmo.abonnementstarief", .projected = true},
        {.id = "huurtoeslag.max_rent", .projected = true},
        {.id = "loonheffing.table.x", .projected = true},
        {.id = "zorgtoeslag.standaardpremie", .projected = true},
        {.id = "participatiewet.norm.single", .projected = true},   /* named once */
    };
    struct sw_timeline *tl = calloc(1, sizeof(*tl));
    struct sw_recovery r = {0};
    const struct sw_value_info *p[8];

    ck_assert_ptr_nonnull(tl);
    for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++)
        items[i].projected_from = test_date(i == 3 ? "2027-07-01" : "2027-01-01");
    tl->used.items = items;
    tl->used.len = sizeof(items) / sizeof(items[0]);

    r.kind = SW_RECOVERY_BIJSTAND;
    snprintf(r.for_period, sizeof(r.for_period), "2027-01");
    r.caused = sw_month_from_ym(2027, 1);
    ck_assert_uint_eq(sw_recovery_projected(tl, &r, p, 8), 1);
    ck_assert_str_eq(p[0]->id, "participatiewet.norm.single");

    r.kind = SW_RECOVERY_INKOMSTENBELASTING;
    snprintf(r.for_period, sizeof(r.for_period), "2027");
    ck_assert_uint_eq(sw_recovery_projected(tl, &r, p, 8), 2);
    ck_assert_str_eq(p[1]->id, "loonheffing.table.x");

    r.kind = SW_RECOVERY_ZORGTOESLAG;
    ck_assert_uint_eq(sw_recovery_projected(tl, &r, p, 8), 3);
    ck_assert_str_eq(p[2]->id, "zorgtoeslag.standaardpremie");

    /* The same year in December 2026: nothing projected yet. */
    snprintf(r.for_period, sizeof(r.for_period), "2026");
    r.caused = sw_month_from_ym(2026, 12);
    ck_assert_uint_eq(sw_recovery_projected(tl, &r, NULL, 0), 0);
    free(tl);
}
END_TEST

/* sw_timeline_projected() as its definition reads, item by item with
 * sw_used_first_projected(): on lists of projected values and others, ids
 * met again (also as another copy of the same text), more than its 64 ids
 * kept in one pass, and dates on either side of each month asked. */
START_TEST(test_engine_projected_as_first_projected)
{
    enum { N_IDS = 90, N_ITEMS = 400 };
    static char ids[2][N_IDS][32];
    static struct sw_value_info items[N_ITEMS];
    const struct sw_value_info *got[N_ITEMS], *want[N_ITEMS];
    struct sw_timeline *tl = calloc(1, sizeof(*tl));
    unsigned x = 12345;

    ck_assert_ptr_nonnull(tl);
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < N_IDS; i++)
            snprintf(ids[k][i], sizeof(ids[k][i]), "domain%d.value%d", i % 7, i);
    for (int round = 0; round < 20; round++) {
        size_t len = (size_t)(round * 20 + 1);
        for (size_t i = 0; i < len; i++) {
            x = x * 1103515245u + 12345u;
            /* few ids in the early rounds (met often), up to all later */
            unsigned n_ids = 5 + (unsigned)round * 5 < N_IDS ? 5 + (unsigned)round * 5 : N_IDS;
            items[i].id = ids[(x >> 8) & 1][(x >> 12) % n_ids];
            items[i].projected = ((x >> 20) % 3) != 0;
            items[i].projected_from = sw_month_first_day(sw_month_from_ym(2026, 1) +
                                                         (sw_month)((x >> 24) % 30));
        }
        tl->used.items = items;
        tl->used.len = len;
        for (sw_month m = sw_month_from_ym(2025, 12); m <= sw_month_from_ym(2028, 7); m += 5) {
            size_t n = 0, ng = sw_timeline_projected(tl, m, got, N_ITEMS);
            for (size_t i = 0; i < len; i++)
                if (sw_used_first_projected(&tl->used, i) &&
                    items[i].projected_from <= sw_month_last_day(m))
                    want[n++] = &items[i];
            ck_assert_uint_eq(ng, n);
            for (size_t i = 0; i < n; i++)
                ck_assert_ptr_eq(got[i], want[i]);
        }
    }
    free(tl);
}
END_TEST

static Suite *engine_suite(void)
{
    Suite *s = suite_create("engine");
    TCase *tc = tcase_create("engine");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_engine_baseline_norm_2026_paid_95_percent);
    tcase_add_test(tc, test_engine_first_salary_with_bijstand_set_off);
    tcase_add_test(tc, test_engine_recovery_when_first_salary_and_bijstand_arrive_together);
    tcase_add_test(tc, test_engine_wmo_billed_a_month_later);
    tcase_add_test(tc, test_engine_wmo_couple_below_aow_pays_nothing);
    tcase_add_test(tc, test_engine_way_back_ww_after_26_weeks);
    tcase_add_test(tc, test_engine_way_back_zoektermijn_under_27);
    tcase_add_test(tc, test_engine_traces_name_the_law);
    tcase_add_test(tc, test_trace_full_is_incomplete);
    tcase_add_test(tc, test_engine_traces_complete);
    tcase_add_test(tc, test_engine_steady_month_independent_of_window);
    tcase_add_test(tc, test_engine_steady_none_when_the_job_ends);
    tcase_add_test(tc, test_engine_recovery_projected_names_its_own_values);
    tcase_add_test(tc, test_engine_projected_as_first_projected);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(engine_suite)
