/* wml.c - the minimum wage by age and hours (Wml, Besluit minimumjeugdloon). */
#include <stdio.h>

#include "switchsim/money.h"
#include "switchsim/wml.h"

sw_status sw_wml_hourly(const struct sw_ctx *c, sw_date date, sw_date birth,
                        const char *field, struct sw_wml *out, struct sw_trace *tr,
                        struct sw_err *err)
{
    int64_t full, full_age, min_age, pct = SW_PPM_ONE;
    int age = -1;
    sw_status st;

    st = sw_param_t(c, "wml.hourly", date, SW_UNIT_EUROCENT, &full, tr, err);
    if (st)
        return st;
    if (birth != SW_NO_DATE) {
        age = sw_age_on(birth, date);
        st = sw_param_t(c, "wml.full_age", date, SW_UNIT_YEARS, &full_age, tr, err);
        if (!st)
            st = sw_param_t(c, "wml.min_age", date, SW_UNIT_YEARS, &min_age, tr, err);
        if (st)
            return st;
        if (age < min_age)
            return sw_err_set(err, SW_ERR_INVALID, field,
                              "no minimum wage below age %lld: '%s' gives age %d",
                              (long long)min_age, field, age);
        if (age < full_age) {
            char id[48];
            /* Besluit minimumjeugdloon art. 1: a percentage per age. */
            snprintf(id, sizeof(id), "wml.youth_percent.age_%d", age);
            st = sw_param_text_t(c, id, date, SW_UNIT_PERCENT, &pct, tr, err);
            if (st)
                return st;
        }
    }
    out->age = age;
    out->percent = pct;
    /* Besluit minimumjeugdloon: youth amounts rounded half up to whole cents. */
    out->hourly = sw_money_rate_half_up(full, pct);
    sw_trace_rule(tr, "Wet minimumloon art. 8 en 14; Besluit minimumjeugdloon art. 1",
                  "minimumuurloon x percentage voor de leeftijd, afgerond op hele centen");
    if (age >= 0)
        sw_trace_input(tr, "leeftijd", age, SW_UNIT_YEARS);
    return SW_OK;
}

sw_status sw_wage_monthly(const struct sw_ctx *c, sw_date date, int64_t hourly,
                          int64_t hours_x100, int64_t *out, struct sw_trace *tr,
                          struct sw_err *err)
{
    int64_t weeks, months;
    sw_status st;

    st = sw_param_t(c, "wml.weeks_per_year", date, SW_UNIT_WEEKS, &weeks, tr, err);
    if (!st)
        st = sw_param_t(c, "wml.months_per_year", date, SW_UNIT_MONTHS, &months, tr, err);
    if (st)
        return st;
    /* hourly (cents) x hours (hundredths) x weeks / (100 x months), half up. */
    *out = sw_div_half_up(hourly * hours_x100 * weeks, 100 * months);
    sw_trace_rule(tr, "Wet minimumloon (uurloon); rekenconventie",
                  "uurloon x uren per week x %lld / %lld", (long long)weeks, (long long)months);
    sw_trace_input(tr, "uurloon", hourly, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "uren per week", hours_x100, SW_UNIT_HOURS);
    return SW_OK;
}

int64_t sw_wage_part_month(int64_t monthly, sw_month month, sw_date start, sw_date end)
{
    sw_date first = sw_month_first_day(month), last = sw_month_last_day(month);
    sw_date from = start > first ? start : first;
    sw_date to = (end != SW_NO_DATE && end < last) ? end : last;

    if (to < from)
        return 0;
    if (from == first && to == last)
        return monthly;
    return sw_money_scale_half_up(monthly, to - from + 1, sw_month_days(month));
}

sw_status sw_holiday_pay(const struct sw_ctx *c, sw_date date, int64_t gross, int64_t *out,
                         struct sw_trace *tr, struct sw_err *err)
{
    int64_t rate;
    sw_status st = sw_param_t(c, "wml.holiday_pay_rate", date, SW_UNIT_PERCENT, &rate, tr, err);

    if (st)
        return st;
    *out = sw_money_rate_half_up(gross, rate);
    sw_trace_rule(tr, "Wet minimumloon art. 15 lid 1", "vakantiebijslag: loon x percentage");
    sw_trace_input(tr, "brutoloon", gross, SW_UNIT_EUROCENT);
    return SW_OK;
}
