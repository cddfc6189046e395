/* engine_debts.c - household.debts in the month engine: what a beslag on income
 * or the Wsnp's boedelafdracht takes of each month's income, and the beslagvrije
 * voet or vrij te laten bedrag it leaves (src/core/rules/schulden.c). Runs after
 * the toeslagen and before the wallet, which takes it off what is received.
 *
 * Conventions of the simulation (stated in README.md): the income that can be
 * seized is what its payers pay in the month - net wage (with holiday pay and
 * bonus when paid), WW, bijstand and its vakantietoeslag -, so the 5 % of the
 * bijstand that the beslag may take is taken when the vakantietoeslag is paid
 * out; the compensation for toeslagen lost above bijstandsniveau is the
 * baseline's toeslagen (staying on bijstand) minus the switch's, month by month;
 * a beslag with a known amount owed stops once that is taken; the partner's
 * income is not counted. */
#include "engine_impl.h"
#include "switchsim/schulden.h"

static bool debts_month(const struct sw_scenario *s, sw_month m)
{
    if (s->household.debts.regime == SW_DEBTS_NONE)
        return false;
    if (s->household.debts.from != SW_NO_DATE && m < sw_month_of(s->household.debts.from))
        return false;
    if (s->household.debts.until != SW_NO_DATE && m > sw_month_of(s->household.debts.until))
        return false;
    return true;
}

static int64_t toeslagen(const int64_t *v)
{
    return v[SW_ITEM_ZORGTOESLAG_ENTITLED] + v[SW_ITEM_HUURTOESLAG_ENTITLED] +
           v[SW_ITEM_KGB_ENTITLED];
}

sw_status eng_debts(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    int64_t left = s->household.debts.amount > 0 ? s->household.debts.amount : -1;

    for (int i = 0; i < r->run->n; i++) {
        int64_t *v = r->run->rows[i].v;
        int64_t income, comp = 0, vrij, taken;
        struct sw_trace *tr = eng_trace(r, i, SW_ITEM_DEBT_FREE);
        sw_status st;

        if (!debts_month(s, r->run->rows[i].month))
            continue;
        income = v[SW_ITEM_NET_WAGE] + v[SW_ITEM_WW_NET] + v[SW_ITEM_BIJSTAND_PAID] +
                 v[SW_ITEM_BIJSTAND_HOLIDAY_PAID];
        if (r->is_switch && r->base)
            comp = toeslagen(r->base->run->rows[i].v) - toeslagen(v);
        st = sw_schulden_month(r->c, sw_month_first_day(r->run->rows[i].month),
                               s->household.debts.regime, v[SW_ITEM_BIJSTAND_NORM], comp, income,
                               &vrij, &taken, tr, err);
        if (st)
            return st;
        if (left >= 0 && taken > left)
            taken = left;
        if (left >= 0)
            left -= taken;
        v[SW_ITEM_DEBT_FREE] = vrij;
        v[SW_ITEM_DEBT_TAKEN] = taken;
        if (tr) {
            struct sw_trace *tt = eng_trace(r, i, SW_ITEM_DEBT_TAKEN);
            *tt = *tr;
            sw_trace_input(tt, s->household.debts.regime == SW_DEBTS_WSNP
                                   ? "vrij te laten bedrag"
                                   : "beslagvrije voet",
                           vrij, SW_UNIT_EUROCENT);
            if (s->household.debts.amount > 0)
                sw_trace_input(tt, "schuld in totaal", s->household.debts.amount,
                               SW_UNIT_EUROCENT);
        }
    }
    return SW_OK;
}
