/* engine_months.c - the month loop of one run: status, wage and vakantiebijslag,
 * loonheffing, bijstand entitled and paid (the ledger), the vakantietoeslag of the
 * bijstand, the Wmo eigen bijdrage and the LKS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "engine_kept.h"
#include "engine_ledger.h"
#include "engine_pay.h"
#include "engine_resume.h"
#include "switchsim/bijstand.h"
#include "switchsim/lks.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/terugval.h"
#include "switchsim/uitvoering.h"
#include "switchsim/wml.h"
#include "switchsim/wmo.h"
#include "switchsim/ww.h"

static sw_date first_day(sw_month m)
{
    return sw_month_first_day(m);
}

/* The youngest of s's children born on or before d (SW_NO_DATE: none). */
static sw_date youngest_child(const struct sw_scenario *s, sw_date d)
{
    sw_date y = SW_NO_DATE;

    for (size_t i = 0; i < s->household.n_children; i++) {
        sw_date b = s->household.children[i];
        if (b <= d && (y == SW_NO_DATE || b > y))
            y = b;
    }
    return y;
}

/* The household's facts on date d: the scenario's, with the youngest child
 * born by then (the only fact that changes with the date). */
static void household_facts(const struct sw_scenario *s, sw_date d,
                            struct sw_household_facts *f)
{
    sw_household_facts_init(f);
    switch (s->household.composition) {
    case SW_HH_SINGLE: f->composition = SW_HOUSEHOLD_SINGLE; break;
    case SW_HH_COUPLE: f->composition = SW_HOUSEHOLD_COUPLE; break;
    case SW_HH_SINGLE_PARENT: f->composition = SW_HOUSEHOLD_SINGLE_PARENT; break;
    }
    f->birth = s->household.birth;
    f->partner_birth = s->household.partner_birth;
    f->cost_sharers = s->household.cost_sharers;
    f->medical_hour_limit = s->household.medical_hour_limit;
    f->lks_doelgroep = s->job.lks_doelgroep;        /* onder z and aa */
    f->lks_no_more_hours = s->job.no_more_hours;
    f->youngest_child_birth = youngest_child(s, d);
}

/* Days of employment in month m (0 = none). */
static int employed_days(const struct sw_scenario *s, sw_month m)
{
    sw_date a = first_day(m), b = sw_month_last_day(m);
    sw_date from = s->job.start > a ? s->job.start : a;
    sw_date to = (s->job.end != SW_NO_DATE && s->job.end < b) ? s->job.end : b;

    return to >= from ? to - from + 1 : 0;
}

static enum sw_month_status month_status(const struct eng_run *r, sw_month m)
{
    const struct sw_scenario *s = r->s;

    if (!r->is_switch)
        return SW_STATUS_BIJSTAND;
    if (employed_days(s, m) > 0)
        return SW_STATUS_WORK;
    if (m > sw_month_of(s->job.start))
        return SW_STATUS_FALLBACK;
    if (s->job.trial_start != SW_NO_DATE && sw_month_of(s->job.trial_start) <= m &&
        m <= sw_month_of(s->job.trial_end))
        return SW_STATUS_TRIAL;
    return SW_STATUS_BIJSTAND;
}

/* The wage terms of the month before (without traces), for reuse: the hourly
 * and monthly wage, and the vakantiebijslag on its gross wage and the month it
 * is paid in. */
struct wage_prev {
    struct sw_window w;   /* ok: kept, its lookups in w */
    sw_date age_lo, age_hi;
    int64_t hourly, full, gross, accrual, holiday_month;
};

/* The hourly and monthly wage on d, or the month before's: eng_hourly_wage()
 * and sw_wage_monthly() (wml.c) use the date only for their lookups (the
 * window) and for the resident's age (the youth wage); the job's terms are the
 * same in every month. Not kept when the offer is below the minimum wage (a
 * warning for the month). Opens wp->w when it computes: wage_terms_end() closes
 * it after the vakantiebijslag's lookups. */
static sw_status wage_terms(struct eng_run *r, int i, sw_date d, struct wage_prev *wp,
                            bool *kept, bool *open, int64_t *hourly, int64_t *full,
                            struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_GROSS_WAGE);
    sw_status st;

    *open = false;
    *kept = !tr && sw_window_holds(&wp->w, d) && d >= wp->age_lo && d < wp->age_hi;
    if (*kept) {
        *hourly = wp->hourly;
        *full = wp->full;
        return SW_OK;
    }
    wp->w.ok = false;
    if (!tr)
        sw_window_begin(r->c, &wp->w, d);
    st = eng_hourly_wage(r, i, d, true, hourly, tr, err);
    if (!st)
        st = sw_wage_monthly(r->c, d, *hourly, s->job.hours_x100, full, tr, err);
    *open = !tr;
    if (*open && (st || (s->job.hourly_wage >= 0 && *hourly != s->job.hourly_wage))) {
        sw_window_end(r->c, &wp->w);
        wp->w.ok = false;
        *open = false;
    }
    return st;
}

/* Close wp->w (left open by wage_terms()) and keep the terms when it held and
 * the month's lookups succeeded (st). */
static void wage_terms_end(struct eng_run *r, struct wage_prev *wp, sw_status st, sw_date d,
                           int64_t hourly, int64_t full, int64_t gross, int64_t accrual,
                           int64_t holiday_month)
{
    sw_date lo = INT32_MIN, hi = INT32_MAX;

    sw_window_end(r->c, &wp->w);
    if (st || !wp->w.ok || !eng_same_age_span(r->s->household.birth, d, &lo, &hi)) {
        wp->w.ok = false;
        return;
    }
    wp->age_lo = lo;
    wp->age_hi = hi;
    wp->hourly = hourly;
    wp->full = full;
    wp->gross = gross;
    wp->accrual = accrual;
    wp->holiday_month = holiday_month;
}

/* Gross wage, vakantiebijslag, loonheffing and net wage of month index i. */
static sw_status wage_month(struct eng_run *r, struct ledger *lg, int i, struct eng_lh_prev *prev,
                            struct wage_prev *wp, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    sw_date d = first_day(m);
    struct sw_lh_month lh;
    int64_t hourly, full, gross, hours, accrual, holiday_paid = 0, lh_total, holiday_month;
    bool last_month, kept, open;
    sw_status st;

    st = wage_terms(r, i, d, wp, &kept, &open, &hourly, &full, err);
    if (st)
        return st;
    if (eng_listed_hours(s, m, &hours)) {
        /* A varying-hours contract: the hours worked in the month x the hourly
         * wage, half up to cents. */
        gross = sw_money_scale_half_up(hourly, hours, 100);
        sw_trace_rule(eng_trace(r, i, SW_ITEM_GROSS_WAGE), "Wet minimumloon; oproep- of "
                      "min-maxcontract", "uurloon x de uren die deze maand gewerkt zijn");
        sw_trace_input(eng_trace(r, i, SW_ITEM_GROSS_WAGE), "uren deze maand", hours,
                       SW_UNIT_HOURS);
    } else {
        gross = sw_wage_part_month(full, m, s->job.start, s->job.end);
        if (gross != full)
            sw_trace_rule(eng_trace(r, i, SW_ITEM_GROSS_WAGE),
                          "Wet minimumloon; kalenderdagenmethode",
                          "uurloon x uren per week x weken per jaar / maanden per jaar, voor "
                          "%d van de %d dagen van de maand",
                          employed_days(s, m), sw_month_days(m));
    }
    sw_trace_input(eng_trace(r, i, SW_ITEM_GROSS_WAGE), "maandloon bij een hele maand", full,
                   SW_UNIT_EUROCENT);
    if (kept && gross == wp->gross && !eng_trace(r, i, SW_ITEM_HOLIDAY_PAY)) {
        /* sw_holiday_pay() on the same gross wage, and the month's lookup, in
         * the window that holds: the same answers. */
        accrual = wp->accrual;
        holiday_month = wp->holiday_month;
        st = SW_OK;
    } else {
        st = sw_holiday_pay(r->c, d, gross, &accrual, eng_trace(r, i, SW_ITEM_HOLIDAY_PAY), err);
        if (!st)
            st = sw_param_t(r->c, "wml.holiday_pay_month", d, SW_UNIT_MONTH_OF_YEAR,
                            &holiday_month, eng_trace(r, i, SW_ITEM_HOLIDAY_PAY), err);
    }
    if (open)
        wage_terms_end(r, wp, st, d, hourly, full, gross, accrual, holiday_month);
    if (st)
        return st;
    last_month = s->job.end != SW_NO_DATE && sw_month_of(s->job.end) == m;
    if (s->job.holiday_pay == SW_HOLIDAY_MONTHLY) {
        holiday_paid = accrual;
    } else {
        lg->holiday_accrued += accrual;
        /* Wml art. 16: paid once a year (the table's month), and at the end of the
         * employment. */
        if (sw_month_number(m) == holiday_month || last_month) {
            holiday_paid = lg->holiday_accrued;
            lg->holiday_accrued = 0;
        }
    }

    /* Loonheffing: the monthly table on the month's wage; a vakantiebijslag paid
     * monthly is part of that wage, a yearly one is a bijzondere beloning. */
    st = eng_wage_loonheffing(r, d,
                              gross + (s->job.holiday_pay == SW_HOLIDAY_MONTHLY ? holiday_paid : 0),
                              &lh, eng_trace(r, i, SW_ITEM_LOONHEFFING), prev, err);
    if (st)
        return st;
    lh_total = lh.loonheffing;
    r->employer_ahk[i] = lh.ahk;
    r->lh_gross[i] = lh.gross;
    r->lh_net[i] = lh.net;
    if (s->job.holiday_pay != SW_HOLIDAY_MONTHLY && holiday_paid > 0) {
        struct sw_lh_bijzonder bz;
        struct sw_trace bz_tr;   /* some 2 kB: cleared only when traced */
        struct sw_trace *lh_tr = eng_trace(r, i, SW_ITEM_LOONHEFFING);
        int64_t year_accrual;

        if (lh_tr)
            memset(&bz_tr, 0, sizeof(bz_tr));
        /* The jaarloon that selects the percentage: the expected wage of a full
         * year incl. vakantiebijslag (a new employee), in whole euros. */
        st = sw_holiday_pay(r->c, d, full * 12, &year_accrual, NULL, err);
        if (!st)
            st = sw_loonheffing_bijzonder(r->c, d, holiday_paid,
                                          sw_money_floor_euros(full * 12 + year_accrual),
                                          s->household.birth,
                                          s->job.loonheffingskorting ? SW_LH_KORTING : 0, &bz,
                                          lh_tr ? &bz_tr : NULL, err);
        if (st)
            return st;
        lh_total += bz.loonheffing;
        if (lh_tr) {
            char rate[16];
            /* One explanation for both parts: keep the month table's values and add
             * the bijzondere-beloningen ones. */
            sw_rate_format(rate, sizeof(rate), bz.rate);
            sw_trace_merge(lh_tr, &bz_tr);
            sw_trace_rule(lh_tr, "Wet op de loonbelasting 1964; Rekenvoorschriften (witte "
                                 "maandtabel en tabel bijzondere beloningen)",
                          "loonheffing op het maandloon volgens de witte maandtabel, plus "
                          "het bijzonder tarief (%s%%) op de vakantiebijslag", rate);
            sw_trace_input(lh_tr, "loonheffing op de vakantiebijslag", bz.loonheffing,
                           SW_UNIT_EUROCENT);
        }
    }
    lg->last_full_wage = full;
    r->full_wage[i] = full;
    row->v[SW_ITEM_GROSS_WAGE] = gross;
    row->v[SW_ITEM_HOLIDAY_PAY] = holiday_paid;
    row->v[SW_ITEM_LOONHEFFING] = lh_total;
    row->v[SW_ITEM_NET_WAGE] = gross + holiday_paid - lh_total;
    sw_trace_rule(eng_trace(r, i, SW_ITEM_NET_WAGE), "Wet op de loonbelasting 1964",
                  "brutoloon + vakantiebijslag - loonheffing");
    sw_trace_input(eng_trace(r, i, SW_ITEM_NET_WAGE), "brutoloon", gross, SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_NET_WAGE), "vakantiebijslag", holiday_paid,
                   SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_NET_WAGE), "loonheffing", lh_total,
                   SW_UNIT_EUROCENT);
    return SW_OK;
}

/* --- the way back: after job.end --- */

/* Plan what follows the end of the job, once the run reaches it: WW when the
 * wekeneis is met (ww.c), bijstand again (a new application when it had stopped;
 * the zoektermijn for young people, terugval.c), and when dagbesteding can start
 * again (a new indication, terugval.c). `running`: bijstand was still paid in the
 * last month of work. The lookups keep this order: wekeneis, zoektermijn, new
 * indication, then the WW right. */
static sw_status plan_way_back(struct eng_run *r, struct ledger *lg, bool running,
                               struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_way_back *wb = &r->tl->way_back;
    sw_date after = s->job.end + 1;
    struct sw_ww_wekeneis wk;
    struct sw_zoektermijn zt;
    struct sw_new_indication ni;
    struct sw_ww_claim claim;
    sw_status st;

    memset(wb, 0, sizeof(*wb));
    wb->active = true;
    wb->job_end = s->job.end;
    wb->weeks_worked = (s->job.end - s->job.start + 1) / 7; /* calendar: days a week */
    st = sw_ww_wekeneis(r->c, after, wb->weeks_worked, &wk, NULL, err);
    if (!st)
        st = sw_terugval_zoektermijn(r->c, after, s->household.birth, &zt, NULL, err);
    if (!st)
        st = sw_terugval_new_indication(r->c, after, &ni, NULL, err);
    if (st)
        return st;
    wb->ww = wk.met;
    if (wb->ww) {
        /* The dagloon from the job's last full-month wage. */
        st = sw_ww_claim(r->c, after, lg->last_full_wage, &claim, NULL, err);
        if (st)
            return st;
        wb->ww_from = claim.from;
        wb->ww_until = claim.until;
        wb->ww_dagloon = claim.dagloon;
    }
    /* The Wajong revives the day after the job (Wet vereenvoudiging Wajong:
     * always back to the Wajong); bijstand only tops it up, without a gap. */
    wb->wajong = s->before.benefit == SW_BEFORE_WAJONG;
    wb->new_application = !running && !wb->wajong;
    if (running || wb->wajong) {
        wb->bijstand_from = after;
    } else {
        /* A new application the day after the job: under the age limit, first the
         * zoektermijn; with WW in between, a timely report makes its weeks run
         * during the WW. */
        sw_date from = zt.bijstand_from;
        wb->bijstand_from = from;
        if (!wb->ww)
            wb->gap_days = from - after;
        else if (from > wb->ww_until + 1)
            wb->gap_days = from - (wb->ww_until + 1);
    }
    wb->wmo_kept = s->job.dagbesteding_until != SW_NO_DATE && s->job.dagbesteding_until >= s->job.end;
    wb->dagbesteding_from = wb->wmo_kept ? after : ni.from;
    return SW_OK;
}

/* WW for month index i (ww.c); loonheffing by the monthly table with the korting
 * (the UWV applies it once the employer no longer does). */
static sw_status ww_month(struct eng_run *r, int i, struct sw_err *err)
{
    const struct sw_way_back *wb = &r->tl->way_back;
    struct sw_month_row *row = &r->run->rows[i];
    struct sw_ww_claim claim;
    struct sw_ww_month ww;
    struct sw_lh_benefit lh;
    sw_status st;

    if (!wb->active || !wb->ww)
        return SW_OK;
    claim.from = wb->ww_from;
    claim.until = wb->ww_until;
    claim.dagloon = wb->ww_dagloon;
    st = sw_ww_month(r->c, &claim, row->month, &ww, eng_trace(r, i, SW_ITEM_WW_GROSS), err);
    if (st || ww.days_first + ww.days_after == 0)
        return st;
    /* UWV withholds as on any benefit: the brackets and the algemene
     * heffingskorting, never the arbeidskorting (a WW benefit is no income from
     * present employment; Wet IB 2001 art. 8.11). */
    st = sw_loonheffing_benefit(r->c, sw_month_first_day(row->month), ww.gross,
                                r->s->household.birth, SW_LH_KORTING, &lh,
                                eng_trace(r, i, SW_ITEM_WW_NET), err);
    if (st)
        return st;
    row->v[SW_ITEM_WW_GROSS] = ww.gross;
    row->v[SW_ITEM_WW_NET] = ww.gross - lh.loonheffing;
    return SW_OK;
}

/* The share of month m with a right to bijstand after the job: none before
 * bijstand_from, pro rata in its month (art. 45 lid 3 Pw). num/den. */
static void bijstand_share(const struct eng_run *r, sw_month m, int64_t *num, int64_t *den)
{
    const struct sw_way_back *wb = &r->tl->way_back;
    sw_date a = sw_month_first_day(m), b = sw_month_last_day(m);

    *num = *den = 1;
    if (!wb->active || wb->bijstand_from <= a)
        return;
    *den = sw_month_days(m);
    *num = wb->bijstand_from > b ? 0 : b - wb->bijstand_from + 1;
}

/* The bijstand entitlement of a month for a counted income (the estimate the
 * municipality pays in advance on). */
static sw_status estimate(struct eng_run *r, sw_month m, int64_t counted, int64_t *out,
                          struct sw_err *err)
{
    struct sw_household_facts f;
    const struct sw_household_facts *fp = &f;
    struct eng_bj bj;
    sw_status st;

    /* The facts of the loop's month, or worked out for another; the loop's own
     * answer when the counted income is its (in range, as the other income
     * sw_bijstand_entitled() checks). */
    if (r->bj_memo && r->bj_memo->facts_d == first_day(m)) {
        const struct eng_bj_memo *mm = r->bj_memo;
        if (mm->month_set && counted == mm->month_counted && counted >= 0 &&
            counted <= SW_MONEY_MAX) {
            *out = mm->month_payment;
            return SW_OK;
        }
        fp = &mm->facts;
    } else
        household_facts(r->s, first_day(m), &f);
    st = eng_entitled_kept(r, first_day(m), fp, 0, counted, 0, &bj, err);
    if (st)
        return st;
    *out = bj.monthly_payment;
    return SW_OK;
}

sw_status eng_estimate(struct eng_run *r, sw_month m, int64_t counted, int64_t *out,
                       struct sw_err *err)
{
    return estimate(r, m, counted, out, err);
}

/* The Wmo eigen bijdrage charged in month index i (wmo.c): the bijdrage of the
 * month the CAK bills now, if the indication ran in that month. */
static sw_status wmo_month(struct eng_run *r, int i, struct eng_wmo_prev *wp, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    sw_month m = r->run->rows[i].month;
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_WMO_EIGEN_BIJDRAGE);
    struct sw_wmo_household h;
    int64_t bijdrage;
    sw_month service;
    sw_date until;
    bool covered;
    sw_status st;

    if (s->before.dagbesteding_dagdelen == 0)
        return SW_OK;
    /* sw_wmo_service_month() uses the month billed only for its lookup (the
     * window) and counts back from it: the same distance while that holds. */
    if (!tr && sw_window_holds(&wp->lag_w, first_day(m))) {
        service = m - wp->lag;
    } else {
        if (!tr)
            sw_window_begin(r->c, &wp->lag_w, first_day(m));
        st = sw_wmo_service_month(r->c, m, &service, tr, err);
        if (!tr)
            sw_window_end(r->c, &wp->lag_w);
        wp->lag_w.ok = wp->lag_w.ok && !tr && !st;
        wp->lag = m - service;
        if (st)
            return st;
    }
    /* The indication ends the day before the job starts, unless kept longer. */
    until = s->job.dagbesteding_until != SW_NO_DATE ? s->job.dagbesteding_until
                                                     : s->job.start - 1;
    covered = !r->is_switch || first_day(service) <= until;
    /* The way back: dagbesteding again once the (kept or new) indication runs. */
    if (r->is_switch && r->tl->way_back.active &&
        service >= sw_month_of(r->tl->way_back.dagbesteding_from))
        covered = true;
    if (!covered)
        return SW_OK;
    h.couple = s->household.composition == SW_HH_COUPLE;
    h.birth = s->household.birth;
    h.partner_birth = s->household.partner_birth;
    st = eng_wmo_bijdrage(r, service, &h, wp, &bijdrage, tr, err);
    if (st)
        return st;
    r->run->rows[i].v[SW_ITEM_WMO_EIGEN_BIJDRAGE] = bijdrage;
    return SW_OK;
}

/* Vakantietoeslag of the bijstand: reserved each month, paid in the municipality's
 * month over the twelve months before it, or after bijstand ends (art. 45 lid 1). */
static sw_status holiday_allowance(struct eng_run *r, struct ledger *lg, int i, int64_t reserve,
                                   bool has_entitlement, struct sw_err *err)
{
    struct sw_month_row *row = &r->run->rows[i];
    int64_t month_no;
    sw_status st;

    st = eng_param_kept(r, &lg->vt_month, "gemeente.bijstand.holiday_allowance_month",
                        first_day(row->month), SW_UNIT_MONTH_OF_YEAR, &month_no,
                        eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID), err);
    if (st)
        return st;
    /* Art. 45 lid 1: within three months after bijstand ends; the municipality
     * learns of it from the next month's income form, and pays it then. A single
     * month without a right (two 4-weekly paydays, a bonus) does not end the
     * bijstand: when the right is back in that next month, nothing is paid out
     * early and the reserve keeps growing until the municipality's month. */
    if (sw_month_number(row->month) == month_no || (lg->vt_due && !has_entitlement)) {
        row->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] = lg->vt_accrued;
        sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID),
                      "Participatiewet art. 19 lid 3 en 45 lid 1",
                      sw_month_number(row->month) == month_no
                          ? "de vakantietoeslag die de twaalf maanden hiervoor is gereserveerd"
                          : "de gereserveerde vakantietoeslag, uitbetaald nu de bijstand stopt");
        sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID), "gereserveerd",
                       lg->vt_accrued, SW_UNIT_EUROCENT);
        lg->vt_accrued = 0;
    }
    sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_RESERVE), "Participatiewet art. 19 lid 3",
                  "het deel van de bijstand dat als vakantietoeslag wordt gereserveerd "
                  "(bijstand inclusief vakantietoeslag - de maandbetaling)");
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_RESERVE), "gereserveerd tot nu toe",
                   lg->vt_accrued + reserve, SW_UNIT_EUROCENT);
    lg->vt_due = lg->had_entitlement && !has_entitlement && lg->vt_accrued > 0;
    lg->vt_accrued += reserve;
    row->v[SW_ITEM_BIJSTAND_RESERVE] = reserve;
    lg->had_entitlement = has_entitlement;
    return SW_OK;
}

static void copy_trace(struct sw_trace *dst, const struct sw_trace *src)
{
    if (dst)
        *dst = *src;
}

/* The wage of every month as earned (monthly pay), then each salary moved to
 * the month it is paid in (engine_pay.c). */
static sw_status wages(struct eng_run *r, struct ledger *lg, struct eng_pay *pay,
                       struct sw_err *err)
{
    struct eng_lh_prev prev = {.w = {.ok = false}};
    struct wage_prev wp = {.w = {.ok = false}};
    sw_status st;

    for (int i = r->from; i < r->run->n; i++) {
        struct sw_month_row *row = &r->run->rows[i];
        row->status = month_status(r, row->month);
        r->lh_gross[i] = -1;
        if (row->status == SW_STATUS_WORK && r->s->job.pay_frequency == SW_PAY_MONTHLY) {
            st = wage_month(r, lg, i, &prev, &wp, err);
            if (st)
                return st;
        }
    }
    eng_seg(r, ENG_SEG_PAY);
    st = eng_pay_schedule(r, pay, lg->last_full_wage, err);
    if (!st && r->s->job.pay_frequency != SW_PAY_MONTHLY) {
        lg->last_full_wage = pay->full_month_wage;
        for (int i = 0; i < r->run->n; i++)
            if (r->run->rows[i].status == SW_STATUS_WORK)
                r->full_wage[i] = pay->full_month_wage;
    }
    return st;
}

/* The ledger before the first month shown: the resident was on bijstand without
 * income, the month before is taken as the first month without income. */
static sw_status first_month(struct eng_run *r, struct ledger *lg, struct eng_wajong *wj,
                             struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    sw_month m0 = s->start_month, last_payout;
    struct sw_household_facts f;
    struct eng_bj bj;
    int64_t month_no, partner_counted = 0, wajong_net = 0;
    sw_status st;

    household_facts(s, first_day(m0), &f);
    /* The partner's own income ran before the first month too (engine_partner.c). */
    st = eng_partner_month(r, 0, &partner_counted, err);
    /* A Wajong ran before the first month too, in full (engine_wajong.c). */
    if (!st)
        st = eng_wajong_full_net(r, wj, m0 - 1, &wajong_net, err);
    if (!st)
        st = eng_entitled_kept(r, first_day(m0), &f, 0, partner_counted + wajong_net, 0, &bj, err);
    if (st)
        return st;
    lg->mo[0].payable = lg->mo[0].estimate = bj.monthly_payment;
    lg->mo[0].known = SW_NO_DATE;
    /* Paid in its own month already, unless the municipality pays after the month. */
    lg->mo[0].settled = !(lg->method == SW_SETTLEMENT_OP_DE_MAAND && lg->after_month);
    lg->prev_counted = lg->mo[0].counted = partner_counted + wajong_net;
    lg->had_entitlement = bj.entitled > 0;
    r->first_month_bijstand = bj.entitled;
    /* The vakantietoeslag reserved since the last yearly payment before m0. */
    st = sw_param(r->c, "gemeente.bijstand.holiday_allowance_month", first_day(m0),
                  SW_UNIT_MONTH_OF_YEAR, &month_no, NULL, err);
    if (st)
        return st;
    last_payout = sw_month_from_ym(sw_month_year(m0), (int)month_no);
    if (last_payout >= m0)
        last_payout -= 12;
    lg->vt_accrued = bj.holiday_allowance_reserve * (m0 - last_payout);
    return SW_OK;
}

sw_status eng_months(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct ledger lg;
    struct eng_bj bj;
    struct sw_bijstand_traces *bt = NULL;
    /* On the stack (some 3.4 kB together): a heap block each cost more than the
     * months of a short run spend in them. eng_pay_schedule() and
     * eng_wajong_init() set what is read of the first two before anything
     * reads it. */
    struct eng_pay pay_s, *pay = &pay_s;
    struct eng_wajong wj_s, *wj = &wj_s;
    struct eng_bj_memo bj_memo;
    /* The facts of the loop's month, where estimate() finds them. */
    struct sw_household_facts *f = &bj_memo.facts;
    struct eng_lks_prev lks = {.w = {.ok = false}};
    struct eng_wmo_prev wmo = {.lag_w = {.ok = false}, .w = {.ok = false}};
    int64_t partner_counted = 0;
    sw_status st = SW_OK;

    r->bj_memo = &bj_memo;
    eng_bj_memo_init(r->bj_memo);
    if (r->traces) {
        bt = calloc(1, sizeof(*bt));
        if (!bt) {
            st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
            goto out;
        }
    }
    eng_seg(r, ENG_SEG_WAGES);
    if (r->res) {
        lg = r->res->lg;
    } else {
        memset(&lg, 0, sizeof(lg));
        st = eng_ledger_settlement(r, &lg, err);
    }
    if (!st)
        st = wages(r, &lg, pay, err);
    eng_seg(r, ENG_SEG_LOOP);
    if (!st)
        st = eng_wajong_init(r, wj, err);
    if (st)
        goto out;
    /* A resumed run starts from the ledger where the run it resumes ended. */
    if (!r->res)
        st = first_month(r, &lg, wj, err);
    if (st)
        goto out;

    /* The facts of every month: only the youngest child moves with the date. */
    household_facts(s, first_day(s->start_month), f);
    for (int i = r->from; i < r->run->n; i++) {
        struct sw_month_row *row = &r->run->rows[i];
        sw_date d = first_day(row->month);
        int64_t net_work, expected;
        bool fallback;

        /* The month the job ends: plan the way back (bijstand still running means
         * it was paid in the month before). */
        if (r->is_switch && s->job.end != SW_NO_DATE && !r->tl->way_back.active &&
            sw_month_of(s->job.end) == row->month) {
            st = plan_way_back(r, &lg, lg.had_entitlement, err);
            if (st)
                goto out;
        }
        if (r->is_switch) {
            st = ww_month(r, i, err);
            if (st)
                goto out;
        }
        /* The Wajong, after the wage and WW it settles (engine_wajong.c; the
         * checks before a call here are the callee's own first ones, made
         * without a call in the months where they say there is nothing to do). */
        st = wj->active ? eng_wajong_month(r, wj, i, err) : SW_OK;
        if (st)
            goto out;
        /* After the job the municipality knows what comes in: no wage, and the WW
         * the UWV decided on. It pays on that, not on the last wage slip. */
        fallback = r->is_switch && row->status == SW_STATUS_FALLBACK;
        /* The income of the month's payslips (engine_pay.c), not what is paid in it. */
        net_work = pay->counted[i];
        row->v[SW_ITEM_COUNTED_INCOME] = net_work;
        if (net_work > 0)
            lg.work_months++;
        if (s->household.n_children > 0)
            f->youngest_child_birth = youngest_child(s, d);
        r->bj_memo->facts_d = d;
        r->bj_memo->month_set = false;
        if (s->household.partner_income.kind != SW_PARTNER_NONE) {
            st = eng_partner_month(r, i, &partner_counted, err);
            if (st)
                goto out;
        } else {
            partner_counted = 0;   /* as eng_partner_month() without a partner income */
            r->partner_ahk[i] = 0;
        }
        /* WW and Wajong count in full, without vrijlating (art. 31 lid 2 covers
         * work only); the partner's income after the partner's own vrijlating
         * (art. 32). */
        if (bt) {
            struct sw_bijstand traced;
            st = sw_bijstand_entitled(r->c, d, f, net_work,
                                      row->v[SW_ITEM_WW_NET] + row->v[SW_ITEM_WAJONG_NET] +
                                          partner_counted,
                                      net_work > 0 ? lg.work_months : 0, &traced, bt, err);
            if (!st)
                eng_bj_of(&traced, &bj);
        } else
            st = eng_entitled_kept(r, d, f, net_work,
                               row->v[SW_ITEM_WW_NET] + row->v[SW_ITEM_WAJONG_NET] +
                                   partner_counted,
                               net_work > 0 ? lg.work_months : 0, &bj, err);
        if (st)
            goto out;
        /* Not with traces: there the estimates are worked out plainly
         * (check_kept_spans compares). */
        r->bj_memo->month_set = !bt;
        r->bj_memo->month_counted = bj.counted_income;
        r->bj_memo->month_payment = bj.monthly_payment;
        if (r->is_switch && r->tl->way_back.active && r->tl->way_back.new_application) {
            int64_t num, den;
            bijstand_share(r, row->month, &num, &den);
            if (num != den) {
                /* Part of the month without a right to bijstand (the zoektermijn). */
                bj.entitled = sw_money_scale_half_up(bj.entitled, num, den);
                bj.monthly_payment = sw_money_scale_half_up(bj.monthly_payment, num, den);
                bj.holiday_allowance_reserve = bj.entitled - bj.monthly_payment;
                sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_ENTITLED),
                               "dagen met recht op bijstand", num, SW_UNIT_DAYS);
            }
        }
        row->v[SW_ITEM_BIJSTAND_NORM] = bj.norm;
        row->v[SW_ITEM_VRIJLATING] = bj.vrijlating;
        row->v[SW_ITEM_BIJSTAND_ENTITLED] = bj.monthly_payment;
        row->vrijlating_month = net_work > 0 ? lg.work_months : 0;
        {
            const char *k = sw_vrijlating_kind_name(bj.vrijlating_kind);
            row->vrijlating_kind = k ? k[0] : 0;
        }
        if (bt) {
            copy_trace(eng_trace(r, i, SW_ITEM_BIJSTAND_NORM), &bt->norm);
            copy_trace(eng_trace(r, i, SW_ITEM_VRIJLATING), &bt->vrijlating);
            copy_trace(eng_trace(r, i, SW_ITEM_BIJSTAND_ENTITLED), &bt->payment);
            sw_trace_merge(eng_trace(r, i, SW_ITEM_BIJSTAND_ENTITLED), &bt->entitled);
            if (s->household.partner_income.kind != SW_PARTNER_NONE) {
                sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_ENTITLED),
                               "netto inkomen partner (in ander netto inkomen)",
                               row->v[SW_ITEM_PARTNER_NET], SW_UNIT_EUROCENT);
                sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_ENTITLED), "vrijlating partner",
                               row->v[SW_ITEM_PARTNER_VRIJLATING], SW_UNIT_EUROCENT);
            }
            copy_trace(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), &bt->payment);
        }
        r->bijstand_net_incl_vt[i] = bj.entitled;
        expected = bj.counted_income;
        if (pay->expected[i] != net_work) {
            /* Schatten: the counted income of what the contract lets expect. */
            struct eng_bj ex;
            st = eng_entitled_kept(r, d, f, pay->expected[i],
                               row->v[SW_ITEM_WW_NET] + row->v[SW_ITEM_WAJONG_NET] +
                                   partner_counted,
                               pay->expected[i] > 0 ? lg.work_months : 0, &ex, err);
            if (st)
                goto out;
            expected = ex.counted_income;
        }
        st = eng_ledger_pay(r, &lg, i, bj.monthly_payment, bj.counted_income, expected,
                          pay->known[i], fallback,
                          row->v[SW_ITEM_WW_NET] + row->v[SW_ITEM_WAJONG_NET], err);
        if (!st)
            st = holiday_allowance(r, &lg, i, bj.holiday_allowance_reserve, bj.entitled > 0, err);
        if (!st && lg.letter > 0)
            st = eng_ledger_flush(r, &lg, i, err);
        if (!st)
            st = wmo_month(r, i, &wmo, err);
        if (!st && r->is_switch && s->job.n_loonwaarde > 0 && row->status == SW_STATUS_WORK)
            st = eng_lks_month(r, i, &lks, err);
        if (st)
            goto out;
        r->wage_and_bijstand[i] = row->v[SW_ITEM_GROSS_WAGE] > 0 &&
                                  (row->v[SW_ITEM_BIJSTAND_PAID] > 0 ||
                                   row->v[SW_ITEM_BIJSTAND_ENTITLED] > 0);
    }
    /* The ledger where this run ends, for a longer run that resumes it (a
     * resumed run's record keeps only its marks: none resumes it). */
    if (r->rec && !r->res)
        r->rec->lg = lg;
    eng_seg(r, ENG_SEG_CLOSE);
    st = eng_ledger_close(r, &lg, err);
    if (!st)
        st = eng_wajong_close(r, wj, err);
out:
    free(bt);
    r->bj_memo = NULL;
    return st;
}
