/* wajong.c - the Wajong per month without and with income from work
 * (tables/wajong.xml; wajong.h). */
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/wajong.h"
#include "switchsim/wml.h"

/* The group's share of the income from work (tables/wajong.xml) and the
 * article that sets it, for the trace. */
struct work_rule {
    const char *param, *law;
};

static struct work_rule work_rule(enum sw_wajong_regime regime, bool arbeidsvermogen)
{
    if (arbeidsvermogen)
        return (struct work_rule){"wajong.work_reduction_percent",
                                  "Wet Wajong, zoals gewijzigd door de Wet vereenvoudiging "
                                  "Wajong (kamerstuk 35 213, vanaf 2021)"};
    switch (regime) {
    case SW_WAJONG_OUD:
        return (struct work_rule){"wajong.work_reduction_percent.geen_arbeidsvermogen.owajong",
                                  "Wet Wajong art. 3:8a en 3:8b (oude Wajong, duurzaam geen "
                                  "arbeidsvermogen: 0,75 x (grondslag - inkomen), vanaf 2021)"};
    case SW_WAJONG_2010:
        return (struct work_rule){"wajong.work_reduction_percent.geen_arbeidsvermogen.wajong2010",
                                  "Wet Wajong art. 2:45 en 2:46 (Wajong 2010, duurzaam geen "
                                  "arbeidsvermogen: 0,75 x (grondslag - inkomen), vanaf 2021)"};
    case SW_WAJONG_2015:
    default:
        return (struct work_rule){"wajong.work_reduction_percent.geen_arbeidsvermogen",
                                  "Wet Wajong art. 1a:4 (Wajong 2015: 0,75 x (grondslag - "
                                  "inkomen), vanaf 2021)"};
    }
}

sw_status sw_wajong_month(const struct sw_ctx *c, sw_date date, sw_date birth,
                          enum sw_wajong_regime regime, bool arbeidsvermogen, int64_t income,
                          struct sw_wajong_month *out, struct sw_trace *tr, struct sw_err *err)
{
    struct work_rule rule = work_rule(regime, arbeidsvermogen);
    struct sw_wajong_month w;
    struct sw_wml wml;
    int64_t hours, work_rate = 0;
    sw_status st;

    memset(&w, 0, sizeof(w));
    st = sw_wml_hourly(c, date, birth, "household.birth_date", &wml, tr, err);
    if (!st)
        st = sw_param_t(c, "wajong.grondslag_hours", date, SW_UNIT_HOURS, &hours, tr, err);
    if (!st)
        st = sw_wage_monthly(c, date, wml.hourly, hours, &w.grondslag, tr, err);
    if (!st)
        st = sw_param_t(c, arbeidsvermogen ? "wajong.uitkering_percent.arbeidsvermogen"
                                           : "wajong.uitkering_percent.geen_arbeidsvermogen",
                        date, SW_UNIT_PERCENT, &w.percent, tr, err);
    if (!st && income > 0)
        st = sw_param_t(c, rule.param, date, SW_UNIT_PERCENT, &work_rate, tr, err);
    if (st)
        return st;
    w.full = sw_money_rate_half_up(w.grondslag, w.percent);
    w.reduction = income > 0 ? sw_money_rate_half_up(income, work_rate) : 0;
    w.gross = w.full > w.reduction ? w.full - w.reduction : 0;
    if (income > 0)
        sw_trace_rule(tr, rule.law,
                      "grondslag (minimum(jeugd)loon per maand) x percentage, min een deel van "
                      "het bruto loon, niet minder dan 0");
    else
        sw_trace_rule(tr, "Wet Wajong (uitkering zonder werk)",
                      "grondslag (minimum(jeugd)loon per maand) x percentage");
    sw_trace_input(tr, "grondslag per maand", w.grondslag, SW_UNIT_EUROCENT);
    if (income > 0)
        sw_trace_input(tr, "bruto loon van de maand", income, SW_UNIT_EUROCENT);
    *out = w;
    return SW_OK;
}
