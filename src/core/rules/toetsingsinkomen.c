/* toetsingsinkomen.c - what the toeslagen share under the Awir: the toetsingsinkomen
 * in whole euros (art. 8) and the year amount of a tegemoetkoming (art. 14). */
#include "switchsim/money.h"
#include "switchsim/toeslagen.h"

static sw_status check_part(int64_t v, const char *field, struct sw_err *err)
{
    if (v < 0 || v > SW_MONEY_MAX)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "income part '%s' must be between 0 and %lld cents", field,
                          (long long)SW_MONEY_MAX);
    return SW_OK;
}

sw_status sw_toetsingsinkomen(const struct sw_income_parts *p, int64_t *out,
                              struct sw_trace *tr, struct sw_err *err)
{
    sw_status st;
    int64_t sum;

    if ((st = check_part(p->wage, "wage", err)) ||
        (st = check_part(p->holiday_pay, "holiday_pay", err)) ||
        (st = check_part(p->benefit, "benefit", err)) ||
        (st = check_part(p->benefit_holiday, "benefit_holiday", err)) ||
        (st = check_part(p->other, "other", err)))
        return st;
    /* Five parts of at most SW_MONEY_MAX each: far inside int64. */
    sum = p->wage + p->holiday_pay + p->benefit + p->benefit_holiday + p->other;
    /* Awir art. 8 lid 1: the toetsingsinkomen is the verzamelinkomen (Wet IB 2001)
     * or, without an aangifte, the fiscaal loon of the jaaropgaaf; both are whole
     * euros, the cents dropped (as on the aanslag and the jaaropgaaf). */
    *out = sw_money_floor_euros(sum);
    sw_trace_rule(tr, "Awir art. 8",
                  "toetsingsinkomen = brutoloon + vakantiebijslag + bruto uitkering + "
                  "vakantietoeslag + overig inkomen, naar beneden afgerond op hele euro's");
    sw_trace_input(tr, "brutoloon", p->wage, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "vakantiebijslag", p->holiday_pay, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "bruto uitkering", p->benefit, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "vakantietoeslag uitkering", p->benefit_holiday, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "overig inkomen", p->other, SW_UNIT_EUROCENT);
    return SW_OK;
}

sw_status sw_awir_round(int64_t num, int64_t den, int64_t minimum, int64_t *out,
                        struct sw_err *err)
{
    int64_t euros;

    if (den < 1 || num < 0)
        return sw_err_set(err, SW_ERR_INTERNAL, "awir",
                          "year amount %lld/%lld is not a non-negative fraction",
                          (long long)num, (long long)den);
    /* Awir art. 14: "Het bedrag van de tegemoetkoming wordt rekenkundig afgerond op
     * hele euro's" - half up, on the exact amount num / den cents. */
    euros = sw_div_half_up(num, den * 100);
    /* Awir art. 14: "niet toegekend indien deze minder dan [awir.min_year_amount]
     * zou bedragen". */
    *out = euros * 100 < minimum ? 0 : euros * 100;
    return SW_OK;
}

sw_status sw_awir_year_amount(const struct sw_ctx *c, sw_date date, int64_t num, int64_t den,
                              int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    int64_t minimum;
    sw_status st;

    if (den < 1 || num < 0)
        return sw_awir_round(num, den, 0, out, err);
    st = sw_param_t(c, "awir.min_year_amount", date, SW_UNIT_EUROCENT, &minimum, tr, err);
    if (st)
        return st;
    return sw_awir_round(num, den, minimum, out, err);
}
