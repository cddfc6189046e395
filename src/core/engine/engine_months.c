/* engine_months.c - the month loop of one run: status, wage and vakantiebijslag,
 * loonheffing, bijstand entitled and paid (the ledger), the vakantietoeslag of the
 * bijstand, the Wmo eigen bijdrage and the LKS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "engine_pay.h"
#include "switchsim/bijstand.h"
#include "switchsim/lks.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/terugval.h"
#include "switchsim/uitvoering.h"
#include "switchsim/wml.h"
#include "switchsim/wmo.h"
#include "switchsim/ww.h"

/* One bijstand month in the ledger; index 0 is the month before the first one
 * shown (on bijstand without income), index i + 1 month index i. */
struct ledger_month {
    int64_t payable;          /* entitlement excl. the reserve */
    int64_t estimate;         /* what was paid for it before its income was known */
    int64_t counted;          /* counted income from work */
    sw_date known;            /* when its income reaches the municipality (SW_NO_DATE:
                               * none, known once the month is over) */
    bool settled;             /* achteraf/schatten: its correction is made;
                               * op de maand: it is paid */
};

/* State carried from month to month. */
struct ledger {
    enum sw_settlement_code method;
    bool after_month;         /* op de maand: the month is paid in the next month */
    int pay_day;              /* the municipality's bijstand pay day */
    struct ledger_month mo[SW_SCENARIO_MAX_MONTHS + 1];
    int64_t prev_counted;     /* the income the municipality last learned of */
    bool warned;              /* the first month that waits for its payslip is said */
    int64_t balance;          /* achteraf: paid minus entitled since the job started,
                               * settled when bijstand stops (< 0: overpaid) */
    int64_t debt;             /* overpayment not yet set off (<= 0) */
    int64_t held;             /* voorschot/schatten: set apart for it and not yet used */
    sw_month debt_since;      /* month the oldest part of the debt arose */
    int64_t vt_accrued;       /* vakantietoeslag reserved, not yet paid */
    bool had_entitlement;     /* the previous month had bijstand */
    bool vt_due;              /* bijstand ended last month: pay the reserve out now */
    int work_months;          /* K: months with income from work so far */
    int64_t holiday_accrued;  /* vakantiebijslag from work, not yet paid */
    int64_t last_full_wage;   /* the job's full-month wage, for the WW dagloon */
    bool offset_vt;           /* set a recovery off against the vakantietoeslag (art. 60a) */
    int64_t instalment_ppm;   /* aflossing per month, of the norm; 0 = at once */
    int64_t letter;           /* a recovery found this month, booked after the
                               * vakantietoeslag is known (flush_letter) */
    sw_month letter_month;
};

static sw_date first_day(sw_month m)
{
    return sw_month_first_day(m);
}

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
    f->youngest_child_birth = SW_NO_DATE;
    for (size_t i = 0; i < s->household.n_children; i++) {
        sw_date b = s->household.children[i];
        if (b <= d && (f->youngest_child_birth == SW_NO_DATE || b > f->youngest_child_birth))
            f->youngest_child_birth = b;
    }
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

/* Gross wage, vakantiebijslag, loonheffing and net wage of month index i. */
static sw_status wage_month(struct eng_run *r, struct ledger *lg, int i, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    sw_date d = first_day(m);
    struct sw_lh_month lh;
    int64_t hourly, full, gross, hours, accrual, holiday_paid = 0, lh_total, holiday_month;
    bool last_month;
    sw_status st;

    st = eng_hourly_wage(r, i, d, true, &hourly, eng_trace(r, i, SW_ITEM_GROSS_WAGE), err);
    if (!st)
        st = sw_wage_monthly(r->c, d, hourly, s->job.hours_x100, &full,
                             eng_trace(r, i, SW_ITEM_GROSS_WAGE), err);
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
                          "uurloon x uren per week x weken per jaar / maanden per jaar, voor %d van de %d dagen van de maand",
                          employed_days(s, m), sw_month_days(m));
    }
    sw_trace_input(eng_trace(r, i, SW_ITEM_GROSS_WAGE), "maandloon bij een hele maand", full,
                   SW_UNIT_EUROCENT);
    st = sw_holiday_pay(r->c, d, gross, &accrual, eng_trace(r, i, SW_ITEM_HOLIDAY_PAY), err);
    if (!st)
        st = sw_param_t(r->c, "wml.holiday_pay_month", d, SW_UNIT_MONTH_OF_YEAR, &holiday_month,
                        eng_trace(r, i, SW_ITEM_HOLIDAY_PAY), err);
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
    st = sw_loonheffing_month(r->c, d,
                              gross + (s->job.holiday_pay == SW_HOLIDAY_MONTHLY ? holiday_paid : 0),
                              s->household.birth, s->job.loonheffingskorting ? SW_LH_KORTING : 0,
                              &lh, eng_trace(r, i, SW_ITEM_LOONHEFFING), err);
    if (st)
        return st;
    lh_total = lh.loonheffing;
    r->employer_ahk[i] = lh.ahk;
    if (s->job.holiday_pay != SW_HOLIDAY_MONTHLY && holiday_paid > 0) {
        struct sw_lh_bijzonder bz;
        struct sw_trace bz_tr = {0};
        struct sw_trace *lh_tr = eng_trace(r, i, SW_ITEM_LOONHEFFING);
        int64_t year_accrual;
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
    wb->weeks_worked = (s->job.end - s->job.start + 1) / 7;
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
    wb->new_application = !running;
    if (running) {
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
    struct sw_lh_month lh;
    sw_status st;

    if (!wb->active || !wb->ww)
        return SW_OK;
    claim.from = wb->ww_from;
    claim.until = wb->ww_until;
    claim.dagloon = wb->ww_dagloon;
    st = sw_ww_month(r->c, &claim, row->month, &ww, eng_trace(r, i, SW_ITEM_WW_GROSS), err);
    if (st || ww.days_first + ww.days_after == 0)
        return st;
    st = sw_loonheffing_month(r->c, sw_month_first_day(row->month), ww.gross,
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
    struct sw_bijstand bj;
    sw_status st;

    household_facts(r->s, first_day(m), &f);
    st = sw_bijstand_entitled(r->c, first_day(m), &f, 0, counted, 0, &bj, NULL, err);
    if (st)
        return st;
    *out = bj.monthly_payment;
    return SW_OK;
}

/* Record an overpayment that can no longer be set off: the letter, for
 * `amount` found in month m, less what the municipality sets off against the
 * vakantietoeslag it pays out in month index i (art. 60a Pw, when its table says
 * so; i < 0: nothing paid out in the horizon). Collected at once after the
 * uitvoering table's term, or in instalments of the municipality's percentage of
 * the norm (gemeente.bijstand.recovery_instalment_percent). */
static sw_status bijstand_letter(struct eng_run *r, struct ledger *lg, int i, sw_month m,
                                 int64_t amount, struct sw_err *err)
{
    struct sw_collection when;
    struct sw_recovery *rec;
    char period[16], mb[32];
    char why[400];
    int64_t offset = 0, instalment = 0, norm;
    size_t before = r->tl->n_recoveries;
    sw_status st;

    /* The letter comes in the month the income is processed; it is shown as paid
     * back in full after the table's term (the worst case; ask for a regeling). */
    st = sw_uitvoering_bijstand(r->c, m, &when, NULL, err);
    if (st)
        return st;
    if (lg->offset_vt && i >= 0 && r->run->rows[i].v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] > 0) {
        struct sw_month_row *row = &r->run->rows[i];
        offset = row->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] < amount
                     ? row->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] : amount;
        row->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] -= offset;
        row->v[SW_ITEM_RESERVE_RELEASED] += offset;
        sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID),
                      "Participatiewet art. 19 lid 3, 45 lid 1 en 60a (verrekening)",
                      "de gereserveerde vakantietoeslag, min wat de gemeente verrekent met de "
                      "bijstand die zij terugvordert");
        sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID), "verrekend", offset,
                       SW_UNIT_EUROCENT);
        amount -= offset;
    }
    if (lg->instalment_ppm > 0) {
        norm = r->run->rows[i >= 0 ? i : r->run->n - 1].v[SW_ITEM_BIJSTAND_NORM];
        /* The municipality's percentage of the norm, down to cents. */
        instalment = sw_money_rate_down(norm, lg->instalment_ppm);
    }
    sw_month_format(period, sizeof(period), lg->debt_since);
    sw_month_nl(mb, sizeof(mb), lg->debt_since);
    snprintf(why, sizeof(why),
             "Geef het nieuwe inkomen vooraf door en vraag de gemeente de bijstand over %s "
             "niet (volledig) uit te betalen, of zet dit bedrag apart zodra het binnenkomt.",
             mb);
    eng_recovery_plan(r, SW_RECOVERY_BIJSTAND, period, lg->debt_since, amount, when.letter,
                      when.collected, instalment, why);
    if (r->tl->n_recoveries > before) {
        rec = &r->tl->recoveries[before];
        rec->offset = offset;
    } else if (offset > 0 && r->is_switch) {
        /* All of it set off: no letter, but say so. */
        char b[32];
        sw_money_format_nl(b, sizeof(b), offset);
        eng_warning(r->tl, "bijstand_offset", m, offset,
                    "De gemeente verrekent %s te veel betaalde bijstand met de vakantietoeslag "
                    "die zij nu uitbetaalt: die komt dus niet (helemaal) op uw rekening.", b);
    }
    return SW_OK;
}

/* The pending letter of this month, once its vakantietoeslag is known. */
static sw_status flush_letter(struct eng_run *r, struct ledger *lg, int i, struct sw_err *err)
{
    int64_t amount = lg->letter;

    if (amount <= 0)
        return SW_OK;
    lg->letter = 0;
    return bijstand_letter(r, lg, i, lg->letter_month, amount, err);
}

/* The day month index k's income is known for settling (k = -1: the month
 * before the horizon): its last payslip, or the month's end without income. */
static sw_date known_by(const struct eng_run *r, const struct ledger *lg, int k)
{
    sw_date known = lg->mo[k + 1].known;

    return known != SW_NO_DATE ? known : sw_month_last_day(r->s->start_month + k);
}

/* Op de maand (Divosa werkwijzer 4.2): the bijstand over a month is paid, with
 * its income settled, on the first pay day after its payslip is in (not before
 * the month itself, or the next month when the municipality pays after the
 * month): it waits for the payslip. Pays in month index i every month that is
 * now due. No overpayment, no recovery; a month paid late is a month without. */
static void pay_op_de_maand(struct eng_run *r, struct ledger *lg, int i)
{
    struct sw_month_row *row = &r->run->rows[i];
    sw_date pay = eng_benefit_date(row->month, lg->pay_day);
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_BIJSTAND_PAID);
    int64_t paid = 0;

    for (int k = -1; k <= i - (lg->after_month ? 1 : 0); k++) {
        struct ledger_month *mo = &lg->mo[k + 1];
        if (mo->settled || (mo->known != SW_NO_DATE && mo->known >= pay))
            continue;
        paid += mo->payable;
        mo->settled = true;
        if (tr) {
            char name[48];
            snprintf(name, sizeof(name), "bijstand over %d-%02d",
                     sw_month_year(r->s->start_month + k),
                     sw_month_number(r->s->start_month + k));
            sw_trace_input(tr, name, mo->payable, SW_UNIT_EUROCENT);
        }
    }
    row->v[SW_ITEM_BIJSTAND_PAID] = paid;
    if (!lg->warned && !lg->mo[i + 1].settled && lg->mo[i + 1].payable > 0 &&
        r->run->rows[i].v[SW_ITEM_COUNTED_INCOME] > 0) {
        char b[32], mb[32];
        lg->warned = true;
        sw_money_format_nl(b, sizeof(b), lg->mo[i + 1].payable);
        sw_month_nl(mb, sizeof(mb), row->month);
        eng_warning(r->tl, "bijstand_waits_for_payslip", row->month, lg->mo[i + 1].payable,
                    "De gemeente betaalt de bijstand over %s (%s) pas als uw loonstrook van "
                    "die maand binnen is. Die maand komt er dus minder binnen: zorg dat u de "
                    "loonstrook meteen inlevert, of vraag een voorschot.", mb, b);
    }
    sw_trace_rule(tr, lg->after_month
                          ? "Participatiewet art. 45 lid 1; betaling achteraf, na de loonstrook "
                            "(gemeentelijke tabel; Divosa-werkwijzer par. 4.2)"
                          : "Participatiewet art. 45 lid 1; verrekenen op de maand (gemeentelijke "
                            "tabel; Divosa-werkwijzer par. 4.2)",
                  "de bijstand over elke maand waarvan de loonstrook vóór de betaaldag binnen "
                  "is, met het loon van die maand al verrekend");
}

/* Achteraf (Divosa werkwijzer 4.3): each month the bijstand on the income of
 * the last month whose payslip is in, no correction; what the months paid
 * beyond their entitlement (`correction`, the months now known) stays open
 * and comes back as a recovery once bijstand stops ("een vordering ter hoogte
 * van het laatstverdiende salaris"); too little paid is paid then. */
static sw_status pay_achteraf(struct eng_run *r, struct ledger *lg, int i, int64_t correction,
                              sw_month first_short, struct sw_err *err)
{
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    int64_t est, before = lg->balance;
    sw_status st;

    if (correction < 0 && before >= 0)
        lg->debt_since = first_short;
    lg->balance += correction;
    /* A month paid too little gives back what was set apart for an earlier one. */
    if (correction > 0 && before < 0)
        eng_add(r, m, SW_ITEM_RESERVE_RELEASED, correction < -before ? correction : -before);
    st = estimate(r, m, lg->prev_counted, &est, err);
    if (st)
        return st;
    row->v[SW_ITEM_BIJSTAND_PAID] = est;
    if (est == 0 && row->v[SW_ITEM_BIJSTAND_ENTITLED] == 0 && lg->balance < 0) {
        /* Bijstand stops: what was paid too much is recovered. */
        lg->letter += -lg->balance;
        lg->letter_month = m;
        lg->balance = 0;
    } else if (est == 0 && row->v[SW_ITEM_BIJSTAND_ENTITLED] == 0 && lg->balance > 0) {
        row->v[SW_ITEM_BIJSTAND_PAID] = lg->balance;
        lg->balance = 0;
    }
    if (est > row->v[SW_ITEM_BIJSTAND_ENTITLED])
        row->v[SW_ITEM_SET_ASIDE] += est - row->v[SW_ITEM_BIJSTAND_ENTITLED];
    sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID),
                  "Participatiewet art. 45 en 58; achteraf verrekenen (gemeentelijke tabel; "
                  "Divosa-werkwijzer par. 4.3)",
                  "de bijstand min het loon van de maand waarvan de loonstrook het laatst is "
                  "ingeleverd; wat eerder te veel is betaald, komt terug als de bijstand stopt");
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), "bijstand op het laatst opgegeven loon",
                   est, SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), "nog open (te veel betaald < 0)",
                   lg->balance, SW_UNIT_EUROCENT);
    lg->mo[i + 1].estimate = est;
    return SW_OK;
}

/* Bijstand paid in month index i under the municipality's method; updates the
 * ledger. payable = this month's entitlement excl. the reserve; counted its
 * income from work, expected what the contract lets the municipality expect,
 * known when the payslip is in; fallback: the job has ended (the municipality
 * pays on the WW it knows of, `ww`). */
static sw_status pay_bijstand(struct eng_run *r, struct ledger *lg, int i, int64_t payable,
                              int64_t counted, int64_t expected, sw_date known, bool fallback,
                              int64_t ww, struct sw_err *err)
{
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    sw_date pay = eng_benefit_date(m, lg->pay_day);
    struct ledger_month *mo = &lg->mo[i + 1];
    int64_t est, correction = 0, due, paid;
    sw_month first_short = -1;
    sw_status st;

    mo->payable = payable;
    mo->counted = counted;
    mo->known = known;
    if (lg->method == SW_SETTLEMENT_OP_DE_MAAND) {
        pay_op_de_maand(r, lg, i);
        return SW_OK;
    }
    /* Achteraf and schatten: the corrections of the months whose payslips are in
     * before this pay day (art. 58 lid 4 Pw: set off against the next payments). */
    for (int k = -1; k < i; k++) {
        struct ledger_month *p = &lg->mo[k + 1];
        if (p->settled || known_by(r, lg, k) >= pay)
            continue;
        p->settled = true;
        correction += p->payable - p->estimate;
        if (p->payable < p->estimate && first_short < 0)
            first_short = r->s->start_month + k;
        lg->prev_counted = p->counted;
    }
    /* Achteraf deducts the last payslip once more in the month after the job:
     * it pays over the month before (Divosa 4.3, "maand 2"). */
    if (fallback && lg->method != SW_SETTLEMENT_ACHTERAF)
        lg->prev_counted = ww;
    if (lg->method == SW_SETTLEMENT_ACHTERAF)
        return pay_achteraf(r, lg, i, correction, first_short, err);
    if (correction < 0 && lg->debt == 0)
        lg->debt_since = first_short;
    /* The voorschot: on the income last learned of (achteraf), or on what the
     * contract says this month brings (schatten). */
    st = estimate(r, m, lg->method == SW_SETTLEMENT_SCHATTEN && !fallback ? expected
                                                                        : lg->prev_counted,
                  &est, err);
    if (st)
        return st;
    due = est + correction + lg->debt;
    if (est == 0 && payable == 0 && correction + lg->debt < 0) {
        /* Bijstand stops: nothing left to set off against; a recovery letter. (A
         * month paid nothing on an old payslip while it has a right of its own,
         * e.g. after a month with two 4-weekly paydays, is set off later.) */
        lg->letter += -(correction + lg->debt);
        lg->letter_month = m;
        lg->held -= -(correction + lg->debt) < lg->held ? -(correction + lg->debt) : lg->held;
        paid = 0;
        lg->debt = 0;
    } else {
        int64_t withheld;
        paid = due < 0 ? 0 : due;
        lg->debt = due < 0 ? due : 0;
        /* What this month gets less than its entitlement is paid out of what was
         * set apart for it before (no more than is still apart). */
        withheld = payable - paid < lg->held ? payable - paid : lg->held;
        if (withheld > 0) {
            eng_add(r, m, SW_ITEM_RESERVE_RELEASED, withheld);
            lg->held -= withheld;
        }
    }
    row->v[SW_ITEM_BIJSTAND_PAID] = paid;
    /* What is paid for this month beyond the entitlement will be taken back:
     * keep it apart now. */
    if (est > payable) {
        row->v[SW_ITEM_SET_ASIDE] += est - payable;
        lg->held += est - payable;
    }
    sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID),
                  lg->method == SW_SETTLEMENT_SCHATTEN
                      ? "Participatiewet art. 45 en 58; schatten (gemeentelijke tabel; "
                        "Divosa-werkwijzer par. 4.4)"
                      : "Participatiewet art. 45 en 58; voorschot op het laatst opgegeven "
                        "inkomen, de volgende maand verrekend (gemeentelijke tabel)",
                  lg->method == SW_SETTLEMENT_SCHATTEN
                      ? "voorschot op het loon dat het contract deze maand verwacht, plus of "
                        "min de correctie over de maanden waarvan de loonstrook nu binnen is"
                      : "voorschot op basis van het laatst opgegeven inkomen, plus of min de "
                        "correctie over de maanden waarvan de loonstrook nu binnen is");
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), "voorschot deze maand", est,
                   SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), "correctie eerdere maanden",
                   correction, SW_UNIT_EUROCENT);
    mo->estimate = est;
    return SW_OK;
}

/* After the last month: what the corrections still open will do. */
static sw_status close_ledger(struct eng_run *r, struct ledger *lg, struct sw_err *err)
{
    sw_month next = r->s->start_month + r->s->months;
    int64_t est, correction = 0;
    sw_month first_short = -1;
    sw_status st;

    if (lg->method == SW_SETTLEMENT_OP_DE_MAAND)
        return SW_OK;
    if (lg->method == SW_SETTLEMENT_ACHTERAF) {
        /* Open until bijstand stops; the months not yet known count too. */
        for (int k = -1; k < r->run->n; k++) {
            if (lg->mo[k + 1].settled)
                continue;
            if (lg->balance >= 0 && lg->mo[k + 1].payable < lg->mo[k + 1].estimate)
                lg->debt_since = r->s->start_month + k;
            lg->balance += lg->mo[k + 1].payable - lg->mo[k + 1].estimate;
            lg->prev_counted = lg->mo[k + 1].counted;
        }
        st = estimate(r, next - 1, lg->prev_counted, &est, err);
        if (st || lg->balance >= 0)
            return st;
        if (est > 0) {
            char b[32];
            sw_money_format_nl(b, sizeof(b), -lg->balance);
            eng_warning(r->tl, "bijstand_open_balance", lg->debt_since, -lg->balance,
                        "Er is %s bijstand meer betaald dan waar u recht op had. De gemeente "
                        "verrekent dat achteraf: zij vraagt het terug als uw bijstand stopt. "
                        "Zet dit bedrag apart.", b);
            return SW_OK;
        }
        return bijstand_letter(r, lg, -1, next, -lg->balance, err);
    }
    for (int k = -1; k < r->run->n; k++) {
        struct ledger_month *p = &lg->mo[k + 1];
        if (p->settled)
            continue;
        correction += p->payable - p->estimate;
        if (p->payable < p->estimate && first_short < 0)
            first_short = r->s->start_month + k;
        lg->prev_counted = p->counted;
    }
    if (correction >= 0 && lg->debt == 0)
        return SW_OK;
    if (correction < 0 && lg->debt == 0)
        lg->debt_since = first_short;
    /* Next month's estimate, on the norm of the last month shown. */
    st = estimate(r, next - 1, lg->prev_counted, &est, err);
    if (st)
        return st;
    if (est == 0 || est + correction + lg->debt < 0)
        return bijstand_letter(r, lg, -1, next,
                               -(correction + lg->debt) - (est > 0 ? est : 0), err);
    return SW_OK;
}

/* The Wmo eigen bijdrage charged in month index i (wmo.c): the bijdrage of the
 * month the CAK bills now, if the indication ran in that month. */
static sw_status wmo_month(struct eng_run *r, int i, struct sw_err *err)
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
    st = sw_wmo_service_month(r->c, m, &service, tr, err);
    if (st)
        return st;
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
    st = sw_wmo_eigen_bijdrage(r->c, service, &h, &bijdrage, tr, err);
    if (st)
        return st;
    r->run->rows[i].v[SW_ITEM_WMO_EIGEN_BIJDRAGE] = bijdrage;
    return SW_OK;
}

static sw_status lks_month(struct eng_run *r, int i, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_lks_job job;
    struct sw_lks_month lm;
    sw_status st;

    if (!r->is_switch || s->job.n_loonwaarde == 0 || employed_days(s, r->run->rows[i].month) == 0)
        return SW_OK;
    memset(&job, 0, sizeof(job));
    job.start = s->job.start;
    job.end = s->job.end;
    job.birth = s->household.birth;
    job.hours_x100 = s->job.hours_x100;
    job.hourly_wage = s->job.hourly_wage > 0 ? s->job.hourly_wage : 0;
    job.periods = s->job.loonwaarde;
    job.nperiods = s->job.n_loonwaarde;
    st = sw_lks_month(r->c, r->run->rows[i].month, &job, &lm, eng_trace(r, i, SW_ITEM_LKS), err);
    if (st)
        return st;
    r->run->rows[i].v[SW_ITEM_LKS] = lm.total;
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

    st = sw_param_t(r->c, "gemeente.bijstand.holiday_allowance_month", first_day(row->month),
                    SW_UNIT_MONTH_OF_YEAR, &month_no,
                    eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID), err);
    if (st)
        return st;
    /* Art. 45 lid 1: within three months after bijstand ends; the municipality
     * learns of it from the next month's income form, and pays it then. */
    if (sw_month_number(row->month) == month_no || lg->vt_due) {
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

/* The municipality's settlement: the scenario's choice, else its table. */
static sw_status settlement(struct eng_run *r, struct ledger *lg, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    sw_date d = first_day(s->start_month);
    int64_t v;
    sw_status st;

    switch (s->settlement.method) {
    case SW_SETTLE_ADVANCE: lg->method = SW_SETTLEMENT_VOORSCHOT; break;
    case SW_SETTLE_ACHTERAF: lg->method = SW_SETTLEMENT_ACHTERAF; break;
    case SW_SETTLE_IN_ARREARS:
        lg->method = SW_SETTLEMENT_OP_DE_MAAND;
        lg->after_month = true;
        break;
    case SW_SETTLE_OP_DE_MAAND: lg->method = SW_SETTLEMENT_OP_DE_MAAND; break;
    case SW_SETTLE_SCHATTEN: lg->method = SW_SETTLEMENT_SCHATTEN; break;
    case SW_SETTLE_VOORSCHOT: lg->method = SW_SETTLEMENT_VOORSCHOT; break;
    case SW_SETTLE_DEFAULT:
        st = sw_param(r->c, "gemeente.bijstand.settlement_method", d, SW_UNIT_SETTLEMENT, &v,
                      NULL, err);
        if (st)
            return st;
        lg->method = (enum sw_settlement_code)v;
        break;
    }
    if (lg->method == SW_SETTLEMENT_OP_DE_MAAND && s->settlement.method == SW_SETTLE_DEFAULT) {
        st = sw_param(r->c, "gemeente.bijstand.settlement_in_arrears", d, SW_UNIT_BOOL, &v,
                      NULL, err);
        if (st)
            return st;
        lg->after_month = v != 0;
    }
    if (s->settlement.benefit_pay_day > 0) {
        lg->pay_day = s->settlement.benefit_pay_day;
    } else {
        st = sw_param(r->c, "gemeente.bijstand.pay_day", d, SW_UNIT_DAY_OF_MONTH, &v, NULL, err);
        if (st)
            return st;
        lg->pay_day = (int)v;
    }
    if (s->settlement.offset_holiday_allowance >= 0) {
        lg->offset_vt = s->settlement.offset_holiday_allowance != 0;
    } else {
        st = sw_param(r->c, "gemeente.bijstand.offset_holiday_allowance", d, SW_UNIT_BOOL, &v,
                      NULL, err);
        if (st)
            return st;
        lg->offset_vt = v != 0;
    }
    if (s->settlement.instalment_ppm >= 0)
        lg->instalment_ppm = s->settlement.instalment_ppm;
    else
        return sw_param(r->c, "gemeente.bijstand.recovery_instalment_percent", d,
                        SW_UNIT_PERCENT, &lg->instalment_ppm, NULL, err);
    return SW_OK;
}

/* The wage of every month as earned (monthly pay), then each salary moved to
 * the month it is paid in (engine_pay.c). */
static sw_status wages(struct eng_run *r, struct ledger *lg, struct eng_pay *pay,
                       struct sw_err *err)
{
    sw_status st;

    for (int i = 0; i < r->run->n; i++) {
        struct sw_month_row *row = &r->run->rows[i];
        row->status = month_status(r, row->month);
        if (row->status == SW_STATUS_WORK && r->s->job.pay_frequency == SW_PAY_MONTHLY) {
            st = wage_month(r, lg, i, err);
            if (st)
                return st;
        }
    }
    st = eng_pay_schedule(r, pay, lg->last_full_wage, err);
    if (!st && r->s->job.pay_frequency != SW_PAY_MONTHLY)
        lg->last_full_wage = pay->full_month_wage;
    return st;
}

sw_status eng_months(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct ledger lg;
    struct sw_household_facts f;
    struct sw_bijstand bj;
    struct sw_bijstand_traces *bt = NULL;
    struct eng_pay *pay = NULL;
    sw_month m0 = s->start_month, last_payout;
    int64_t month_no;
    sw_status st;

    memset(&lg, 0, sizeof(lg));
    pay = calloc(1, sizeof(*pay));
    if (!pay)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    if (r->run->rows[0].trace) {
        bt = calloc(1, sizeof(*bt));
        if (!bt) {
            st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
            goto out;
        }
    }
    st = settlement(r, &lg, err);
    if (!st)
        st = wages(r, &lg, pay, err);
    if (st)
        goto out;
    /* Before the first month shown the resident was on bijstand without income:
     * the month before is taken as the first month without income. */
    household_facts(s, first_day(m0), &f);
    st = sw_bijstand_entitled(r->c, first_day(m0), &f, 0, 0, 0, &bj, NULL, err);
    if (st)
        goto out;
    lg.mo[0].payable = lg.mo[0].estimate = bj.monthly_payment;
    lg.mo[0].known = SW_NO_DATE;
    /* Paid in its own month already, unless the municipality pays after the month. */
    lg.mo[0].settled = !(lg.method == SW_SETTLEMENT_OP_DE_MAAND && lg.after_month);
    lg.had_entitlement = bj.entitled > 0;
    r->first_month_bijstand = bj.entitled;
    /* The vakantietoeslag reserved since the last yearly payment before m0. */
    st = sw_param(r->c, "gemeente.bijstand.holiday_allowance_month", first_day(m0),
                  SW_UNIT_MONTH_OF_YEAR, &month_no, NULL, err);
    if (st)
        goto out;
    last_payout = sw_month_from_ym(sw_month_year(m0), (int)month_no);
    if (last_payout >= m0)
        last_payout -= 12;
    lg.vt_accrued = bj.holiday_allowance_reserve * (m0 - last_payout);

    for (int i = 0; i < r->run->n; i++) {
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
        /* After the job the municipality knows what comes in: no wage, and the WW
         * the UWV decided on. It pays on that, not on the last wage slip. */
        fallback = r->is_switch && row->status == SW_STATUS_FALLBACK;
        /* The income of the month's payslips (engine_pay.c), not what is paid in it. */
        net_work = pay->counted[i];
        row->v[SW_ITEM_COUNTED_INCOME] = net_work;
        if (net_work > 0)
            lg.work_months++;
        household_facts(s, d, &f);
        /* WW counts in full, without vrijlating (art. 31 lid 2 covers work only). */
        st = sw_bijstand_entitled(r->c, d, &f, net_work, row->v[SW_ITEM_WW_NET],
                                  net_work > 0 ? lg.work_months : 0, &bj, bt, err);
        if (st)
            goto out;
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
            const char *k = sw_vrijlating_kind_name(bj.vrijlating_detail.kind);
            row->vrijlating_kind = k ? k[0] : 0;
        }
        if (bt) {
            copy_trace(eng_trace(r, i, SW_ITEM_BIJSTAND_NORM), &bt->norm);
            copy_trace(eng_trace(r, i, SW_ITEM_VRIJLATING), &bt->vrijlating);
            copy_trace(eng_trace(r, i, SW_ITEM_BIJSTAND_ENTITLED), &bt->payment);
            sw_trace_merge(eng_trace(r, i, SW_ITEM_BIJSTAND_ENTITLED), &bt->entitled);
            copy_trace(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), &bt->payment);
        }
        r->bijstand_net_incl_vt[i] = bj.entitled;
        expected = bj.counted_income;
        if (pay->expected[i] != net_work) {
            /* Schatten: the counted income of what the contract lets expect. */
            struct sw_bijstand ex;
            st = sw_bijstand_entitled(r->c, d, &f, pay->expected[i], row->v[SW_ITEM_WW_NET],
                                      pay->expected[i] > 0 ? lg.work_months : 0, &ex, NULL, err);
            if (st)
                goto out;
            expected = ex.counted_income;
        }
        st = pay_bijstand(r, &lg, i, bj.monthly_payment, bj.counted_income, expected,
                          pay->known[i], fallback, row->v[SW_ITEM_WW_NET], err);
        if (!st)
            st = holiday_allowance(r, &lg, i, bj.holiday_allowance_reserve, bj.entitled > 0, err);
        if (!st)
            st = flush_letter(r, &lg, i, err);
        if (!st)
            st = wmo_month(r, i, err);
        if (!st)
            st = lks_month(r, i, err);
        if (st)
            goto out;
        r->wage_and_bijstand[i] = row->v[SW_ITEM_GROSS_WAGE] > 0 &&
                                  (row->v[SW_ITEM_BIJSTAND_PAID] > 0 ||
                                   row->v[SW_ITEM_BIJSTAND_ENTITLED] > 0);
    }
    st = close_ledger(r, &lg, err);
out:
    free(bt);
    free(pay);
    return st;
}
