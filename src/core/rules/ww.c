/* ww.c - WW after a job ends: the wekeneis, the dagloon and the WW per month
 * (Werkloosheidswet art. 17 and 45-47; tables/ww.xml). */
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/ww.h"

sw_status sw_ww_wekeneis(const struct sw_ctx *c, sw_date first_day, int weeks_worked,
                         struct sw_ww_wekeneis *out, struct sw_trace *tr, struct sw_err *err)
{
    struct sw_ww_wekeneis w;
    sw_status st;

    memset(&w, 0, sizeof(w));
    /* WW art. 17 lid 1: work in at least the table's number of weeks of the
     * reference period right before the first day of unemployment. */
    st = sw_param_t(c, "ww.wekeneis.weeks_worked", first_day, SW_UNIT_WEEKS, &w.weeks_needed, tr,
                    err);
    if (!st)
        st = sw_param_t(c, "ww.wekeneis.reference_weeks", first_day, SW_UNIT_WEEKS,
                        &w.reference_weeks, tr, err);
    if (st)
        return st;
    /* Only the weeks within the reference period count. */
    w.weeks_counted = weeks_worked < w.reference_weeks ? weeks_worked : (int)w.reference_weeks;
    if (w.weeks_counted < 0)
        w.weeks_counted = 0;
    w.met = w.weeks_counted >= w.weeks_needed;
    sw_trace_rule(tr, "Werkloosheidswet art. 17 lid 1 (wekeneis)",
                  "recht op WW als u in ten minste %lld van de laatste %lld weken hebt gewerkt",
                  (long long)w.weeks_needed, (long long)w.reference_weeks);
    sw_trace_input(tr, "weken gewerkt", weeks_worked, SW_UNIT_WEEKS);
    *out = w;
    return SW_OK;
}

sw_status sw_ww_dagloon(const struct sw_ctx *c, sw_date date, int64_t month_wage,
                        struct sw_ww_dagloon *out, struct sw_trace *tr, struct sw_err *err)
{
    struct sw_ww_dagloon d;
    int64_t days_year, months_year;
    sw_status st;

    memset(&d, 0, sizeof(d));
    st = sw_param_t(c, "ww.max_dagloon", date, SW_UNIT_EUROCENT, &d.max, tr, err);
    if (!st)
        st = sw_param_t(c, "ww.dagloondagen_per_year", date, SW_UNIT_DAYS, &days_year, tr, err);
    if (!st)
        st = sw_param_t(c, "wml.months_per_year", date, SW_UNIT_MONTHS, &months_year, tr, err);
    if (st)
        return st;
    /* Dagloonbesluit werknemersverzekeringen: the wage of the refertejaar over its
     * dagloondagen, days without wage not counted (CRvB 2024:1523) - a full
     * month's wage x months per year / the table's dagloondagen, in cents rounded
     * down; Wfsv art. 17: at most the maximum dagloon. */
    d.uncapped = sw_div_floor(month_wage * months_year, days_year);
    d.capped = d.uncapped > d.max;
    d.dagloon = d.capped ? d.max : d.uncapped;
    sw_trace_rule(tr, "Dagloonbesluit werknemersverzekeringen; Wfsv art. 17 (maximumdagloon)",
                  "maandloon x %lld / %lld dagloondagen, naar beneden afgerond op centen, ten "
                  "hoogste het maximumdagloon", (long long)months_year, (long long)days_year);
    sw_trace_input(tr, "maandloon", month_wage, SW_UNIT_EUROCENT);
    *out = d;
    return SW_OK;
}

sw_status sw_ww_claim(const struct sw_ctx *c, sw_date first_day, int64_t month_wage,
                      struct sw_ww_claim *out, struct sw_trace *tr, struct sw_err *err)
{
    struct sw_ww_dagloon d;
    int64_t months;
    sw_status st;

    /* On the wekeneis alone (no jareneis) WW runs the table's number of months. */
    st = sw_param_t(c, "ww.wekeneis.duration_months", first_day, SW_UNIT_MONTHS, &months, tr,
                    err);
    if (!st)
        st = sw_ww_dagloon(c, first_day, month_wage, &d, tr, err);
    if (st)
        return st;
    out->from = first_day;
    out->until = sw_date_add_months(first_day, (int)months) - 1;
    out->dagloon = d.dagloon;
    return SW_OK;
}

/* WW for the days from..to (within one month of `mdays` days) at `rate`: WW art.
 * 47, the rate x the dagloon per uitkeringsdag (half up to cents), times the
 * table's dagloondagen per year / months per year for a full month, pro rata by
 * calendar days, half up. */
static int64_t stretch(int64_t dagloon, int64_t rate, int64_t days_year, int64_t months_year,
                       int days, int mdays)
{
    return sw_div_half_up(sw_money_rate_half_up(dagloon, rate) * days_year * days,
                          months_year * mdays);
}

sw_status sw_ww_month(const struct sw_ctx *c, const struct sw_ww_claim *claim, sw_month month,
                      struct sw_ww_month *out, struct sw_trace *tr, struct sw_err *err)
{
    sw_date a = sw_month_first_day(month), b = sw_month_last_day(month), switch_day;
    int64_t first, after, first_months, days_year, months_year;
    int mdays = sw_month_days(month);
    struct sw_ww_month w;
    sw_status st;

    memset(&w, 0, sizeof(w));
    if (claim->until < a || claim->from > b) {
        *out = w;
        return SW_OK;
    }
    st = sw_param_t(c, "ww.rate_first", claim->from, SW_UNIT_PERCENT, &first, tr, err);
    if (!st)
        st = sw_param_t(c, "ww.rate_after", claim->from, SW_UNIT_PERCENT, &after, tr, err);
    if (!st)
        st = sw_param_t(c, "ww.rate_first_months", claim->from, SW_UNIT_MONTHS, &first_months,
                        tr, err);
    if (!st)
        st = sw_param_t(c, "ww.dagloondagen_per_year", claim->from, SW_UNIT_DAYS, &days_year, tr,
                        err);
    if (!st)
        st = sw_param_t(c, "wml.months_per_year", claim->from, SW_UNIT_MONTHS, &months_year, tr,
                        err);
    if (st)
        return st;
    w.full_first = stretch(claim->dagloon, first, days_year, months_year, mdays, mdays);
    w.full_after = stretch(claim->dagloon, after, days_year, months_year, mdays, mdays);
    /* WW art. 47: the first rate for the table's first months, then the later
     * one; each stretch of the month at one rate is computed on its own. */
    switch_day = sw_date_add_months(claim->from, (int)first_months);
    for (int seg = 0; seg < 2; seg++) {
        sw_date from = seg == 0 ? claim->from : switch_day;
        sw_date to = seg == 0 && switch_day - 1 < claim->until ? switch_day - 1 : claim->until;
        int64_t rate = seg == 0 ? first : after;
        int days;

        if (from < a)
            from = a;
        if (to > b)
            to = b;
        if (to < from)
            continue;
        days = (int)(to - from + 1);
        w.gross += stretch(claim->dagloon, rate, days_year, months_year, days, mdays);
        if (seg == 0)
            w.days_first = days;
        else
            w.days_after = days;
    }
    sw_trace_rule(tr, "Werkloosheidswet art. 17 (wekeneis), 45-47 (hoogte)",
                  "percentage x dagloon x dagloondagen per jaar / 12 per maand (eerst het "
                  "hogere percentage, daarna het lagere), naar rato van de dagen met WW");
    sw_trace_input(tr, "dagloon", claim->dagloon, SW_UNIT_EUROCENT);
    *out = w;
    return SW_OK;
}
