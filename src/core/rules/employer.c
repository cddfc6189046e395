/* employer.c - what one month of a job costs the employer: wage, vakantiebijslag,
 * premies (Wfsv, Zvw), minus the loonkostensubsidie received and the
 * loonkostenvoordeel (Wet tegemoetkomingen loondomein), per productive hour. */
#include <string.h>

#include "switchsim/employer.h"
#include "switchsim/money.h"
#include "switchsim/wml.h"

static const char *const lkv_names[] = {"none", "banenafspraak", "arbeidsgehandicapt",
                                        "herplaatst"};

const char *sw_lkv_kind_name(enum sw_lkv_kind k)
{
    return (unsigned)k < sizeof(lkv_names) / sizeof(lkv_names[0]) ? lkv_names[k] : "none";
}

bool sw_lkv_kind_parse(const char *name, enum sw_lkv_kind *out)
{
    for (size_t i = 0; name && i < sizeof(lkv_names) / sizeof(lkv_names[0]); i++) {
        if (strcmp(name, lkv_names[i]) == 0) {
            *out = (enum sw_lkv_kind)i;
            return true;
        }
    }
    return false;
}

/* A yearly amount per month (the tijdvak maximum), half up to cents. */
static sw_status per_month(const struct sw_ctx *c, const char *id, sw_date date, int64_t *out,
                           struct sw_trace *tr, struct sw_err *err)
{
    int64_t year, months;
    sw_status st = sw_param_t(c, id, date, SW_UNIT_EUROCENT, &year, tr, err);

    if (!st)
        st = sw_param_t(c, "wml.months_per_year", date, SW_UNIT_MONTHS, &months, tr, err);
    if (!st)
        *out = sw_money_scale_half_up(year, 1, months);
    return st;
}

/* premium = rate x base, half up to cents: a cost estimate per employee (the
 * loonaangifte totals per tijdvak; rounding there is not modelled). */
static sw_status premium(const struct sw_ctx *c, const char *id, sw_date date, int64_t base,
                         int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    int64_t rate;
    sw_status st = sw_param_t(c, id, date, SW_UNIT_PERCENT, &rate, tr, err);

    if (!st)
        *out = sw_money_rate_half_up(base, rate);
    return st;
}

/* Contract hours per month: hours per week x weeks / months, in hundredths, half up. */
static sw_status hours_month(const struct sw_ctx *c, sw_date date, int64_t hours_x100,
                             int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    int64_t weeks, months;
    sw_status st = sw_param_t(c, "wml.weeks_per_year", date, SW_UNIT_WEEKS, &weeks, tr, err);

    if (!st)
        st = sw_param_t(c, "wml.months_per_year", date, SW_UNIT_MONTHS, &months, tr, err);
    if (!st)
        *out = sw_div_half_up(hours_x100 * weeks, months);
    return st;
}

/* The loonkostenvoordeel accrued in `month`: per verloond uur, at most the yearly
 * maximum pro rata (the maximum is for a full working week; flexmarkt.nl "naar
 * rato van het aantal uren"), within the duration from the start of the
 * dienstbetrekking, under the rules that applied on the start date. */
static sw_status lkv_month(const struct sw_ctx *c, sw_month month, sw_date date,
                           const struct sw_employer_input *in, int64_t month_hours,
                           int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_lks_job *job = &in->job;
    const char *hourly_id, *max_id, *years_id;
    int64_t hourly, max_month, years, while_employed = 0, full, by_hours;
    sw_date window_end;
    sw_status st;

    switch (in->lkv) {
    case SW_LKV_BANENAFSPRAAK:
        hourly_id = "werkgever.lkv.banenafspraak.hourly";
        max_id = "werkgever.lkv.banenafspraak.max_year";
        years_id = "werkgever.lkv.banenafspraak.years";
        /* Wtl, from 2026: for as long as the dienstbetrekking lasts. */
        st = sw_param_t(c, "werkgever.lkv.banenafspraak.while_employed", job->start,
                        SW_UNIT_BOOL, &while_employed, tr, err);
        if (st)
            return st;
        break;
    case SW_LKV_ARBEIDSGEHANDICAPT:
        hourly_id = "werkgever.lkv.arbeidsgehandicapt.hourly";
        max_id = "werkgever.lkv.arbeidsgehandicapt.max_year";
        years_id = "werkgever.lkv.arbeidsgehandicapt.years";
        break;
    case SW_LKV_HERPLAATST:
        hourly_id = "werkgever.lkv.herplaatst.hourly";
        max_id = "werkgever.lkv.herplaatst.max_year";
        years_id = "werkgever.lkv.herplaatst.years";
        break;
    default:
        *out = 0;
        return SW_OK;
    }
    st = sw_param_t(c, hourly_id, date, SW_UNIT_EUROCENT, &hourly, tr, err);
    if (!st)
        st = per_month(c, max_id, date, &max_month, tr, err);
    if (!st)
        st = sw_param_t(c, years_id, job->start, SW_UNIT_YEARS, &years, tr, err);
    if (st)
        return st;
    window_end = job->end;
    if (!while_employed) {
        sw_date last = sw_date_add_months(job->start, (int)(years * 12)) - 1;
        if (window_end == SW_NO_DATE || last < window_end)
            window_end = last;
    }
    /* Wtl: an amount per verloond uur (hours in hundredths), half up to cents. */
    by_hours = sw_div_half_up(hourly * month_hours, 100);
    full = by_hours < max_month ? by_hours : max_month;
    *out = sw_wage_part_month(full, month, job->start, window_end);
    return SW_OK;
}

/* Productive hours: contract hours x the loonwaarde of each period, by calendar
 * days for a part month. */
static int64_t productive_hours(const struct sw_lks_job *job, sw_month month,
                                int64_t month_hours)
{
    int64_t sum = 0;

    for (size_t i = 0; i < job->nperiods; i++) {
        sw_date from = job->periods[i].from > job->start ? job->periods[i].from : job->start;
        sw_date to = i + 1 < job->nperiods ? job->periods[i + 1].from - 1 : job->end;
        int64_t full = sw_money_rate_half_up(month_hours, job->periods[i].percent);

        if (job->end != SW_NO_DATE && to != SW_NO_DATE && to > job->end)
            to = job->end;
        if (to != SW_NO_DATE && to < from)
            continue;
        sum += sw_wage_part_month(full, month, from, to);
    }
    return sum;
}

sw_status sw_employer_month(const struct sw_ctx *c, sw_month month,
                            const struct sw_employer_input *in, struct sw_employer_month *out,
                            struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_lks_job *job = &in->job;
    const char *wage_field = job->fields ? job->fields->wage : "job.hourly_wage";
    const char *birth_field = job->fields ? job->fields->birth : "household.birth_date";
    struct sw_employer_month r;
    sw_date first = sw_month_first_day(month), last = sw_month_last_day(month), date;
    struct sw_wml wml;
    int64_t hourly, monthly, month_hours, max_wv, max_zvw, base, whk_rate;
    char a[32], b[32];
    sw_status st;

    memset(&r, 0, sizeof(r));
    r.cost_per_productive_hour = -1;
    r.lkv_paid_year = sw_month_year(month) + 1;
    r.no_risk_polis = in->doelgroepregister;
    st = sw_lks_job_check(job, err);
    if (st)
        return st;
    if (in->whk_rate > SW_PPM_ONE)
        return sw_err_set(err, SW_ERR_INVALID, "employer.whk_rate",
                          "Whk rate over 100%% in '%s'", "employer.whk_rate");
    if (job->start > last || (job->end != SW_NO_DATE && job->end < first)) {
        *out = r;
        return SW_OK;
    }
    date = job->start > first ? job->start : first;
    r.days = (int)(((job->end != SW_NO_DATE && job->end < last) ? job->end : last) - date + 1);

    /* Wml art. 8 and 13: at least the minimum wage for the age. */
    st = sw_wml_hourly(c, date, job->birth, birth_field, &wml, NULL, err);
    if (st)
        return st;
    hourly = job->hourly_wage ? job->hourly_wage : wml.hourly;
    if (hourly < wml.hourly) {
        char ds[16];
        sw_money_format(a, sizeof(a), hourly);
        sw_money_format(b, sizeof(b), wml.hourly);
        sw_date_format(ds, sizeof(ds), date);
        return sw_err_set(err, SW_ERR_INVALID, wage_field,
                          "hourly wage %s is below the minimum wage %s for this age on '%s' "
                          "in '%s'", a, b, ds, wage_field);
    }
    st = sw_wage_monthly(c, date, hourly, job->hours_x100, &monthly, NULL, err);
    if (!st)
        st = hours_month(c, date, job->hours_x100, &month_hours, tr, err);
    if (st)
        return st;
    r.gross_wage = sw_wage_part_month(monthly, month, job->start, job->end);
    r.hours_x100 = sw_wage_part_month(month_hours, month, job->start, job->end);
    /* Wml art. 15 lid 1: vakantiebijslag accrues on the wage (paid in the table's
     * month, wml.holiday_pay_month). */
    st = sw_holiday_pay(c, date, r.gross_wage, &r.holiday_pay, tr, err);
    if (st)
        return st;
    r.premieloon = r.gross_wage + r.holiday_pay;

    /* Wfsv: premies werknemersverzekeringen on the premieloon up to the maximum. */
    st = per_month(c, "werkgever.max_premieloon", date, &max_wv, tr, err);
    if (!st)
        st = per_month(c, "werkgever.zvw.max_bijdrageloon", date, &max_zvw, tr, err);
    if (st)
        return st;
    base = r.premieloon < max_wv ? r.premieloon : max_wv;
    st = premium(c, in->awf_high ? "werkgever.awf.high" : "werkgever.awf.low", date, base,
                 &r.awf, tr, err);
    if (!st)
        st = premium(c, in->aof_high ? "werkgever.aof.high" : "werkgever.aof.low", date, base,
                     &r.aof, tr, err);
    if (!st)
        st = premium(c, "werkgever.aof.kinderopvang_opslag", date, base, &r.kinderopvang, tr,
                     err);
    /* Whk: the employer's own rate (beschikking) or the average. */
    whk_rate = in->whk_rate;
    if (!st && whk_rate < 0)
        st = sw_param_t(c, "werkgever.whk.average", date, SW_UNIT_PERCENT, &whk_rate, tr, err);
    if (!st && in->government)
        /* Ufo: government employers only (vanoers.nl). */
        st = premium(c, "werkgever.ufo", date, base, &r.ufo, tr, err);
    if (!st)
        /* Zvw: werkgeversheffing on the bijdrageloon up to its maximum. */
        st = premium(c, "werkgever.zvw.rate", date,
                     r.premieloon < max_zvw ? r.premieloon : max_zvw, &r.zvw, tr, err);
    if (st)
        return st;
    r.whk = sw_money_rate_half_up(base, whk_rate);
    r.charges = r.awf + r.aof + r.kinderopvang + r.whk + r.ufo + r.zvw;
    r.labour_cost = r.premieloon + r.charges;

    if (in->lks) {
        st = sw_lks_month(c, month, job, &r.lks, NULL, err);
        if (st)
            return st;
    }
    st = lkv_month(c, month, date, in, month_hours, &r.lkv, tr, err);
    if (st)
        return st;
    r.net_cost = r.labour_cost - r.lks.total - r.lkv;
    r.productive_hours_x100 = productive_hours(job, month, month_hours);
    if (r.productive_hours_x100 > 0)
        /* Cents per hour, half up (a ratio for display). */
        r.cost_per_productive_hour = sw_div_half_up(r.net_cost * 100, r.productive_hours_x100);
    sw_trace_rule(tr, "Wfsv; Zvw; Participatiewet art. 10d; Wet tegemoetkomingen loondomein",
                  "brutoloon + vakantiebijslag + werkgeverspremies - loonkostensubsidie - "
                  "loonkostenvoordeel, per productief uur (uren x loonwaarde)");
    sw_trace_input(tr, "brutoloon", r.gross_wage, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "werkgeverspremies", r.charges, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "loonkostensubsidie", r.lks.total, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "loonkostenvoordeel", r.lkv, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "productieve uren", r.productive_hours_x100, SW_UNIT_HOURS);
    *out = r;
    return SW_OK;
}
