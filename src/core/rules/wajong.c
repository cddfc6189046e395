/* wajong.c - the Wajong per month without and with income from work
 * (tables/wajong.xml; wajong.h). */
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/wajong.h"
#include "switchsim/wml.h"

sw_status sw_wajong_month(const struct sw_ctx *c, sw_date date, sw_date birth,
                          bool arbeidsvermogen, int64_t income, struct sw_wajong_month *out,
                          struct sw_trace *tr, struct sw_err *err)
{
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
        st = sw_param_t(c, arbeidsvermogen ? "wajong.work_reduction_percent"
                                           : "wajong.work_reduction_percent.geen_arbeidsvermogen",
                        date, SW_UNIT_PERCENT, &work_rate, tr, err);
    if (st)
        return st;
    w.full = sw_money_rate_half_up(w.grondslag, w.percent);
    w.reduction = income > 0 ? sw_money_rate_half_up(income, work_rate) : 0;
    w.gross = w.full > w.reduction ? w.full - w.reduction : 0;
    if (income > 0)
        sw_trace_rule(tr, arbeidsvermogen ? "Wet Wajong, zoals gewijzigd door de Wet "
                                            "vereenvoudiging Wajong (kamerstuk 35 213, vanaf 2021)"
                                          : "Wet Wajong art. 1a:4 (Wajong 2015: 0,75 x (grondslag "
                                            "- inkomen), vanaf 2021)",
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
