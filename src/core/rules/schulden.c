/* schulden.c - the beslagvrije voet and the Wsnp's vrij te laten bedrag for one
 * month (tables/schulden.xml). */
#include "switchsim/date.h"
#include "switchsim/money.h"
#include "switchsim/schulden.h"

/* The maximum beslagvrije voet for the household's leefsituatie on date. */
static sw_status max_voet(const struct sw_ctx *c, sw_date date, const struct sw_debt_household *hh,
                          int64_t *max, struct sw_trace *tr, struct sw_err *err)
{
    const char *id = "schulden.beslagvrije_voet.max.single";
    int64_t below;
    sw_status st;

    if (hh->composition == SW_HH_SINGLE_PARENT) {
        id = "schulden.beslagvrije_voet.max.single_parent";
    } else if (hh->composition == SW_HH_COUPLE) {
        size_t young = 0;

        id = "schulden.beslagvrije_voet.max.couple";
        if (hh->n_children > 0) {
            st = sw_param_t(c, "schulden.beslagvrije_voet.max.child_age_below", date,
                            SW_UNIT_YEARS, &below, tr, err);
            if (st)
                return st;
            for (size_t i = 0; i < hh->n_children; i++)
                if (sw_age_on(hh->children[i], date) < below)
                    young++;
        }
        if (young > 0)
            id = "schulden.beslagvrije_voet.max.couple_children";
    }
    return sw_param_t(c, id, date, SW_UNIT_EUROCENT, max, tr, err);
}

sw_status sw_schulden_month(const struct sw_ctx *c, sw_date date, enum sw_debt_regime regime,
                            const struct sw_debt_household *hh, int64_t norm,
                            int64_t compensation, int64_t income, int64_t *vrij, int64_t *taken,
                            struct sw_trace *tr, struct sw_err *err)
{
    const char *id;
    int64_t ppm, v, max = -1;
    sw_status st;

    if (regime == SW_DEBTS_NONE) {
        *vrij = income;
        *taken = 0;
        return SW_OK;
    }
    id = regime == SW_DEBTS_WSNP ? "schulden.vtlb.percent" : "schulden.beslagvrije_voet.percent";
    st = sw_param_t(c, id, date, SW_UNIT_PERCENT, &ppm, tr, err);
    if (st)
        return st;
    if (compensation < 0)
        compensation = 0;
    /* Rv art. 475da: a percentage of the norm incl. vakantietoeslag, rounded to
     * cents as the law's amounts are (half up: the 95 % of EUR 1.075,44 is
     * EUR 1.021,668, kept as EUR 1.021,67), plus the compensatiekop for the
     * toeslagen lost above bijstandsniveau. */
    v = sw_money_rate_half_up(norm, ppm) + compensation;
    /* Art. 475da lid 1 Rv: never above the maximum for the leefsituatie. Without
     * a compensation the voet is 95 % of the norm, always below it: no lookup. */
    if (compensation > 0) {
        st = max_voet(c, date, hh, &max, tr, err);
        if (st)
            return st;
        if (v > max)
            v = max;
        else
            max = -1;
    }
    *vrij = v;
    *taken = income > v ? income - v : 0;
    if (regime == SW_DEBTS_WSNP)
        sw_trace_rule(tr, "Faillissementswet art. 295 (Wsnp); Recofa-methode vrij te laten bedrag",
                      "vrij te laten bedrag = percentage x bijstandsnorm (met vakantietoeslag) + "
                      "compensatie voor minder toeslagen; de rest van het inkomen gaat naar de "
                      "boedel");
    else
        sw_trace_rule(tr, "Rv art. 475da (Wet vereenvoudiging beslagvrije voet)",
                      "beslagvrije voet = percentage x bijstandsnorm (met vakantietoeslag) + "
                      "compensatie voor minder toeslagen; wat het inkomen daarboven is, houdt "
                      "de beslaglegger in");
    sw_trace_input(tr, "bijstandsnorm met vakantietoeslag", norm, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "compensatie voor minder toeslagen", compensation, SW_UNIT_EUROCENT);
    if (max >= 0)
        sw_trace_input(tr, "maximale beslagvrije voet (art. 475da lid 1 Rv)", max,
                       SW_UNIT_EUROCENT);
    sw_trace_input(tr, "inkomen waarop beslag kan", income, SW_UNIT_EUROCENT);
    return SW_OK;
}
