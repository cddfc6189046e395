/* engine_pay.c - money on the day it arrives: pay dates, 4-weekly and weekly
 * payslips, the eindejaarsuitkering, varying hours, and what the municipality
 * counts and knows of the income of each month (engine_pay.h). */
#include <string.h>

#include "engine_pay.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/wml.h"

/* The items a salary brings, moved with it to the month it is paid in. */
static const enum sw_item salary_items[] = {SW_ITEM_GROSS_WAGE, SW_ITEM_HOLIDAY_PAY,
                                            SW_ITEM_YEAR_END_BONUS, SW_ITEM_LOONHEFFING,
                                            SW_ITEM_NET_WAGE};
#define N_SALARY_ITEMS (sizeof(salary_items) / sizeof(salary_items[0]))

sw_status eng_hourly_wage(struct eng_run *r, int i, sw_date d, bool warn, int64_t *out,
                          struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_wml wml;
    sw_status st;

    st = sw_wml_hourly(r->c, d, s->household.birth, "household.birth_date", &wml, tr, err);
    if (st)
        return st;
    *out = wml.hourly;
    if (s->job.hourly_wage < 0)
        return SW_OK;
    /* Wml art. 7: at least the minimum wage for every hour worked. */
    if (s->job.hourly_wage >= wml.hourly) {
        *out = s->job.hourly_wage;
    } else if (warn) {
        char b1[32], b2[32];
        sw_money_format_nl(b1, sizeof(b1), s->job.hourly_wage);
        sw_money_format_nl(b2, sizeof(b2), wml.hourly);
        eng_warning(r, "hourly_wage_below_wml", r->run->rows[i].month,
                    wml.hourly - s->job.hourly_wage,
                    "Het uurloon in het aanbod (%s) is lager dan het minimumloon (%s). "
                    "De werkgever moet minstens het minimumloon betalen; switchsim rekent "
                    "daarmee.", b1, b2);
    }
    return SW_OK;
}

bool eng_listed_hours(const struct sw_scenario *s, sw_month m, int64_t *hours_x100)
{
    for (size_t k = 0; k < s->job.n_hours_per_month; k++) {
        if (s->job.hours_per_month[k].month == m) {
            *hours_x100 = s->job.hours_per_month[k].hours_x100;
            return true;
        }
    }
    return false;
}

static sw_date day_in_month(sw_month m, int day)
{
    sw_date last = sw_month_last_day(m);
    sw_date d = sw_month_first_day(m) + day - 1;

    return d < last ? d : last;
}

sw_date eng_salary_date(const struct sw_scenario *s, sw_month m)
{
    sw_month paid = s->job.pay_next_month ? m + 1 : m;
    sw_date d;

    if (s->job.pay_day > 0)
        return day_in_month(paid, s->job.pay_day);
    /* The last working day: back from the last day over Saturday and Sunday. */
    d = sw_month_last_day(paid);
    while (sw_date_weekday(d) >= 5) /* calendar: 5 Saturday, 6 Sunday */
        d--;
    return d;
}

sw_date eng_benefit_date(sw_month m, int day)
{
    return day_in_month(m, day);
}

/* Loonheffing on a bijzondere beloning paid on `d` (vakantiebijslag once a year,
 * eindejaarsuitkering): the tabel bijzondere beloningen at the expected jaarloon
 * of a new employee, the full-period wage x periods a year plus vakantiebijslag,
 * in whole euros (as the month loop does for the May vakantiebijslag). */
static sw_status bijzonder_tax(struct eng_run *r, sw_date d, int64_t amount, int64_t year_wage,
                               int64_t *tax, struct sw_trace *tr, struct sw_err *err)
{
    struct sw_lh_bijzonder bz;
    int64_t year_holiday;
    sw_status st;

    *tax = 0;
    if (amount <= 0)
        return SW_OK;
    st = sw_holiday_pay(r->c, d, year_wage, &year_holiday, NULL, err);
    if (!st)
        st = sw_loonheffing_bijzonder(r->c, d, amount,
                                      sw_money_floor_euros(year_wage + year_holiday),
                                      r->s->household.birth,
                                      r->s->job.loonheffingskorting ? SW_LH_KORTING : 0, &bz,
                                      tr, err);
    if (!st)
        *tax = bz.loonheffing;
    return st;
}

/* The eindejaarsuitkering: job.year_end_bonus_percent of the gross wage earned
 * in the calendar year, paid with the salary of the table month (the contract's
 * year_end_bonus_month) or with the last one of the job. `gross` is this
 * payslip's wage; *acc the wage accrued this year. Returns the bonus and its
 * loonheffing through *bonus and *tax. */
static sw_status year_end_bonus(struct eng_run *r, int i, sw_date paid, int64_t gross,
                                bool last, int64_t year_wage, int64_t *acc, int *acc_year,
                                int64_t *bonus, int64_t *tax, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_YEAR_END_BONUS);
    int year = sw_month_year(sw_month_of(paid));
    sw_status st;

    *bonus = *tax = 0;
    if (s->job.year_end_bonus_ppm == 0)
        return SW_OK;
    if (*acc_year != year) {
        *acc = 0;
        *acc_year = year;
    }
    *acc += gross;
    if (sw_month_number(sw_month_of(paid)) != s->job.year_end_bonus_month && !last)
        return SW_OK;
    if (*acc == 0)
        return SW_OK;
    /* The contract's percentage of the year's wage, rounded half up to cents. */
    *bonus = sw_money_rate_half_up(*acc, s->job.year_end_bonus_ppm);
    sw_trace_rule(tr, "arbeidsovereenkomst / cao (eindejaarsuitkering, dertiende maand)",
                  "percentage uit het contract x het brutoloon van dit kalenderjaar tot nu");
    sw_trace_input(tr, "brutoloon dit jaar", *acc, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "percentage", s->job.year_end_bonus_ppm, SW_UNIT_PERCENT);
    *acc = 0;
    st = bijzonder_tax(r, paid, *bonus, year_wage, tax, NULL, err);
    if (!st)
        sw_trace_input(eng_trace(r, i, SW_ITEM_LOONHEFFING),
                       "loonheffing op de eindejaarsuitkering (tabel bijzondere beloningen)",
                       *tax, SW_UNIT_EUROCENT);
    return st;
}

/* The day a payslip paid on `paid` reaches the municipality: job.payslip_delay_months
 * later (the same day without a delay, worked out without the calendar). */
static sw_date slip_known(const struct sw_scenario *s, sw_date paid)
{
    return s->job.payslip_delay_months ? sw_date_add_months(paid, s->job.payslip_delay_months)
                                       : paid;
}

static void add_slip(struct eng_run *r, struct eng_pay *p, int i, sw_date paid, int64_t gross,
                     int64_t holiday, int64_t bonus, int64_t tax)
{
    int64_t *v = r->run->rows[i].v;
    int64_t net = gross + holiday + bonus - tax;
    sw_date known = slip_known(r->s, paid);

    v[SW_ITEM_GROSS_WAGE] += gross;
    v[SW_ITEM_HOLIDAY_PAY] += holiday;
    v[SW_ITEM_YEAR_END_BONUS] += bonus;
    v[SW_ITEM_LOONHEFFING] += tax;
    v[SW_ITEM_NET_WAGE] += net;
    p->counted[i] += net;
    p->expected[i] += net;
    if (p->known[i] == SW_NO_DATE || known > p->known[i])
        p->known[i] = known;
}

/* The payslips of a 4-weekly or weekly job: periods of 28 or 7 days from
 * job.start, each paid on its payday (job.first_pay_date + k periods, or the
 * period's last day), the wage hourly x hours per week x weeks, the last period
 * pro rata by days; loonheffing by the witte vierweken- or weektabel. Each
 * payslip lands in the month of its payday and counts for the bijstand of that
 * month (the income actually received in the month, as RSD De Liemers and
 * Delft write; the werkwijzer's other way, x 13 / 12, is not modelled). */
static sw_status period_slips(struct eng_run *r, struct eng_pay *p, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    bool weekly = s->job.pay_frequency == SW_PAY_WEEKLY;
    int weeks = weekly ? 1 : 4, len = 7 * weeks; /* calendar: a week or four, in days */
    enum sw_lh_tijdvak tv = weekly ? SW_LH_WEEK : SW_LH_FOUR_WEEKS;
    const char *pid = weekly ? "loonheffing.table.periods_per_year.week"
                             : "loonheffing.table.periods_per_year.four_weeks";
    sw_date horizon_end = sw_month_last_day(s->start_month + s->months - 1);
    sw_date first = s->job.first_pay_date != SW_NO_DATE ? s->job.first_pay_date
                                                        : s->job.start + len - 1;
    int64_t holiday_acc = 0, bonus_acc = 0, periods, holiday_month;
    int bonus_year = 0, holiday_year = 0;
    sw_status st = SW_OK;

    for (int k = 0; !st; k++) {
        sw_date from = s->job.start + k * len, to = from + len - 1, paid = first + k * len;
        bool last = s->job.end != SW_NO_DATE && to >= s->job.end;
        int i = eng_index(r, sw_month_of(paid));
        struct sw_trace *gtr, *ltr, tmp;
        struct sw_lh_month lh;
        int64_t hourly, full, gross, acc, holiday = 0, bonus, bonus_tax, holiday_tax = 0;

        if ((s->job.end != SW_NO_DATE && from > s->job.end) || paid > horizon_end || i < 0)
            break;
        if (last)
            to = s->job.end;
        gtr = eng_trace(r, i, SW_ITEM_GROSS_WAGE);
        st = eng_hourly_wage(r, i, from, true, &hourly, NULL, err);
        if (!st)
            st = sw_param_t(r->c, pid, paid, SW_UNIT_COUNT, &periods, gtr, err);
        if (!st)
            st = sw_param_t(r->c, "wml.holiday_pay_month", paid, SW_UNIT_MONTH_OF_YEAR,
                            &holiday_month, eng_trace(r, i, SW_ITEM_HOLIDAY_PAY), err);
        if (st)
            break;
        /* hourly x hours per week x weeks in the period, half up to cents */
        full = sw_money_scale_half_up(hourly, s->job.hours_x100 * weeks, 100);
        gross = to - from + 1 == len ? full : sw_money_scale_half_up(full, to - from + 1, len);
        if (gtr) {
            sw_trace_rule(gtr, weekly ? "Wet minimumloon; loon per week"
                                      : "Wet minimumloon; loon per vier weken",
                          "uurloon x uren per week x %d weken, betaald op de betaaldag%s",
                          weeks, " (een laatste deelperiode naar rato van de dagen)");
            sw_trace_input(gtr, "betaald (loon over een periode)", gross, SW_UNIT_EUROCENT);
        }
        st = sw_holiday_pay(r->c, paid, gross, &acc, eng_trace(r, i, SW_ITEM_HOLIDAY_PAY), err);
        if (st)
            break;
        if (s->job.holiday_pay == SW_HOLIDAY_MONTHLY) {
            holiday = acc;
        } else {
            int y = sw_month_year(sw_month_of(paid));
            holiday_acc += acc;
            /* Wml art. 16: once a year with the first pay in the table's month, and
             * at the end of the employment. */
            if ((sw_month_number(sw_month_of(paid)) == holiday_month && holiday_year != y) ||
                last) {
                holiday = holiday_acc;
                holiday_acc = 0;
                holiday_year = y;
            }
        }
        /* A second payslip in the month: its own calculation, added to the trace. */
        ltr = eng_trace(r, i, SW_ITEM_LOONHEFFING);
        if (ltr && r->run->rows[i].v[SW_ITEM_GROSS_WAGE] > 0) {
            memset(&tmp, 0, sizeof(tmp));
            ltr = &tmp;
        }
        st = sw_loonheffing_period(r->c, paid,
                                   gross + (s->job.holiday_pay == SW_HOLIDAY_MONTHLY ? holiday : 0),
                                   s->household.birth,
                                   s->job.loonheffingskorting ? SW_LH_KORTING : 0, tv, &lh, ltr,
                                   err);
        if (!st && s->job.holiday_pay != SW_HOLIDAY_MONTHLY)
            st = bijzonder_tax(r, paid, holiday, full * periods, &holiday_tax, NULL, err);
        if (!st)
            st = year_end_bonus(r, i, paid, gross, last, full * periods, &bonus_acc,
                                &bonus_year, &bonus, &bonus_tax, err);
        if (st)
            break;
        r->employer_ahk[i] = lh.ahk;
        add_slip(r, p, i, paid, gross, holiday, bonus, lh.loonheffing + holiday_tax + bonus_tax);
        if (eng_trace(r, i, SW_ITEM_LOONHEFFING)) {
            struct sw_trace *t = eng_trace(r, i, SW_ITEM_LOONHEFFING);
            sw_trace_input(t, "loonheffing op dit loon", lh.loonheffing, SW_UNIT_EUROCENT);
            if (holiday_tax)
                sw_trace_input(t, "loonheffing op de vakantiebijslag (bijzonder tarief)",
                               holiday_tax, SW_UNIT_EUROCENT);
        }
        if (p->full_month_wage == 0)
            st = sw_wage_monthly(r->c, from, hourly, s->job.hours_x100, &p->full_month_wage,
                                 NULL, err);
        if (last)
            break;
    }
    return st;
}

/* What the municipality expects from the contract in a month with listed hours
 * (schatten): the month's wage at job.hours_per_week instead of the hours
 * worked, the difference in net regular wage taken off what was counted. */
static sw_status contract_expectation(struct eng_run *r, struct eng_pay *p, int i,
                                      struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    sw_month m = r->run->rows[i].month;
    sw_date d = sw_month_first_day(m);
    int64_t hours, hourly, full, gross, actual;
    struct sw_lh_month a, c;
    unsigned korting = s->job.loonheffingskorting ? SW_LH_KORTING : 0;
    sw_status st;

    if (!eng_listed_hours(s, m, &hours))
        return SW_OK;
    actual = r->run->rows[i].v[SW_ITEM_GROSS_WAGE];
    st = eng_hourly_wage(r, i, d, false, &hourly, NULL, err);
    if (!st)
        st = sw_wage_monthly(r->c, d, hourly, s->job.hours_x100, &full, NULL, err);
    if (st)
        return st;
    gross = sw_wage_part_month(full, m, s->job.start, s->job.end);
    st = sw_loonheffing_month(r->c, d, actual, s->household.birth, korting, &a, NULL, err);
    if (!st)
        st = sw_loonheffing_month(r->c, d, gross, s->household.birth, korting, &c, NULL, err);
    if (!st)
        p->expected[i] += c.net - a.net;
    return st;
}

/* Monthly pay: the eindejaarsuitkering, what is counted and expected, when it
 * is known; then every salary moves to the month it is paid in. */
static sw_status monthly_slips(struct eng_run *r, struct eng_pay *p, int64_t full,
                               struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    int64_t bonus_acc = 0;
    int bonus_year = 0;
    sw_status st = SW_OK;
    int n = r->run->n;

    /* A resumed run (r->from > 0) starts in a January: the bonus accrues anew. */
    for (int i = r->from; i < n && !st; i++) {
        struct sw_month_row *row = &r->run->rows[i];
        sw_month m = row->month;
        sw_date paid = eng_salary_date(s, m);
        bool last = s->job.end != SW_NO_DATE && sw_month_of(s->job.end) == m;
        int64_t bonus, tax;

        if (row->status != SW_STATUS_WORK)
            continue;
        st = year_end_bonus(r, i, paid, row->v[SW_ITEM_GROSS_WAGE], last, full * 12, &bonus_acc,
                            &bonus_year, &bonus, &tax, err);
        if (st)
            break;
        row->v[SW_ITEM_YEAR_END_BONUS] += bonus;
        row->v[SW_ITEM_LOONHEFFING] += tax;
        row->v[SW_ITEM_NET_WAGE] += bonus - tax;
        p->counted[i] = p->expected[i] = row->v[SW_ITEM_NET_WAGE];
        p->known[i] = slip_known(s, paid);
        st = contract_expectation(r, p, i, err);
    }
    if (st || !s->job.pay_next_month)
        return st;
    /* Paid on pay_day of the next month: each salary lands one row later (the
     * last one after the horizon), its trace with it. */
    for (int i = n - 1; i >= 0; i--) {
        struct sw_month_row *to = &r->run->rows[i];
        for (size_t k = 0; k < N_SALARY_ITEMS; k++) {
            enum sw_item it = salary_items[k];
            to->v[it] = i > 0 ? r->run->rows[i - 1].v[it] : 0;
            if (r->traces) {
                if (i > 0)
                    to->trace[it] = r->run->rows[i - 1].trace[it];
                else
                    memset(&to->trace[it], 0, sizeof(to->trace[it]));
            }
        }
        r->employer_ahk[i] = i > 0 ? r->employer_ahk[i - 1] : 0;
    }
    return SW_OK;
}

sw_status eng_pay_schedule(struct eng_run *r, struct eng_pay *p, int64_t full_month_wage,
                           struct sw_err *err)
{
    /* Only the run's months (index < n): the slips and the month loop read and
     * write no others. */
    for (int i = 0; i < r->run->n; i++) {
        p->counted[i] = p->expected[i] = 0;
        p->known[i] = SW_NO_DATE;
    }
    p->full_month_wage = full_month_wage;
    if (!r->is_switch)
        return SW_OK;
    if (r->s->job.pay_frequency == SW_PAY_MONTHLY)
        return monthly_slips(r, p, full_month_wage, err);
    return period_slips(r, p, err);
}
