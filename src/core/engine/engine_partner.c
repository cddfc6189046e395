/* engine_partner.c - the partner's own income (household.partner_income) in the
 * month engine: the wage or benefit the partner's payer pays, what of it counts
 * for the couple's bijstand (Participatiewet art. 32: the middelen of both
 * spouses; art. 31 lid 2 and 5: the vrijlating on income from work, per person),
 * and the loonheffingskorting applied twice on the partner's side. The toeslagen
 * add the partner's gross to the joint toetsingsinkomen (engine_toeslagen.c).
 *
 * Conventions (not legal values): the partner's income is the same in the switch
 * and the baseline run; an income that started before the first month shown (no
 * `from`) is taken to have started long ago, so the months of onder n are over;
 * a start inside a month counts its calendar days. */
#include <string.h>

#include "engine_impl.h"
#include "switchsim/bijstand.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/wml.h"

/* The K-th month with income from work for the partner (art. 31 lid 2 onder n). */
static int partner_work_month(const struct sw_scenario *s, sw_month m)
{
    sw_date from = s->household.partner_income.from;
    int k;

    if (from == SW_NO_DATE)
        return SW_BIJSTAND_MAX_MONTH_INDEX;
    k = m - sw_month_of(from) + 1;
    return k > SW_BIJSTAND_MAX_MONTH_INDEX ? SW_BIJSTAND_MAX_MONTH_INDEX : k;
}

sw_status eng_partner_month(struct eng_run *r, int i, int64_t *counted, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    sw_date d, from = s->household.partner_income.from;
    struct sw_trace *tg = eng_trace(r, i, SW_ITEM_PARTNER_GROSS);
    struct sw_trace *tn = eng_trace(r, i, SW_ITEM_PARTNER_NET);
    int64_t gross, net;
    bool work = s->household.partner_income.kind == SW_PARTNER_WORK;
    sw_status st;

    *counted = 0;
    r->partner_ahk[i] = 0;
    if (s->household.partner_income.kind == SW_PARTNER_NONE)
        return SW_OK;   /* most households: no date worked out */
    d = sw_month_first_day(m);
    gross = sw_wage_part_month(s->household.partner_income.gross, m,
                               from == SW_NO_DATE ? d : from, SW_NO_DATE);
    sw_trace_rule(tg, work ? "Participatiewet art. 32 (inkomen van de partner)"
                           : "Participatiewet art. 32 (uitkering van de partner)",
                  from != SW_NO_DATE && gross != s->household.partner_income.gross
                      ? "het opgegeven bruto bedrag per maand, voor de dagen vanaf de startdatum"
                      : "het opgegeven bruto bedrag per maand");
    sw_trace_input(tg, "bruto per maand (opgegeven)", s->household.partner_income.gross,
                   SW_UNIT_EUROCENT);
    if (gross == 0)
        return SW_OK;
    if (s->household.partner_income.net >= 0) {
        net = sw_wage_part_month(s->household.partner_income.net, m,
                                 from == SW_NO_DATE ? d : from, SW_NO_DATE);
        sw_trace_rule(tn, "Participatiewet art. 32",
                      "het opgegeven netto bedrag per maand (loonstrook of beschikking)");
        sw_trace_input(tn, "netto per maand (opgegeven)", s->household.partner_income.net,
                       SW_UNIT_EUROCENT);
    } else {
        /* Only work gets here (a benefit needs its net amount, scenario.c): the
         * partner's employer withholds by the monthly table, with the korting
         * when it applies it. */
        struct sw_lh_month lh;
        st = sw_loonheffing_month(r->c, d, gross, s->household.partner_birth,
                                  s->household.partner_income.loonheffingskorting ? SW_LH_KORTING
                                                                                  : 0,
                                  &lh, tn, err);
        if (st)
            return st;
        net = gross - lh.loonheffing;
        r->partner_ahk[i] = lh.ahk;
        sw_trace_rule(tn, "Wet op de loonbelasting 1964 (witte maandtabel)",
                      "brutoloon van de partner - loonheffing");
        sw_trace_input(tn, "loonheffing", lh.loonheffing, SW_UNIT_EUROCENT);
    }
    row->v[SW_ITEM_PARTNER_GROSS] = gross;
    row->v[SW_ITEM_PARTNER_NET] = net;
    *counted = net;
    if (work) {
        /* Art. 31 lid 2 onder n (and lid 5): the partner's own vrijlating, by the
         * partner's age and the partner's months with work. Onder r is for a
         * single parent and onder y for the resident's own medische urenbeperking:
         * neither applies to a spouse here. */
        struct sw_household_facts pf;
        struct sw_vrijlating v;

        sw_household_facts_init(&pf);
        pf.composition = SW_HOUSEHOLD_COUPLE;
        pf.birth = s->household.partner_birth;
        pf.partner_birth = s->household.birth;
        st = sw_vrijlating(r->c, d, &pf, net, partner_work_month(s, m), &v,
                           eng_trace(r, i, SW_ITEM_PARTNER_VRIJLATING), err);
        if (st)
            return st;
        row->v[SW_ITEM_PARTNER_VRIJLATING] = v.amount;
        *counted = net - v.amount;
    }
    return SW_OK;
}

void eng_partner_korting_twice(struct eng_run *r)
{
    const struct sw_scenario *s = r->s;

    if (!r->is_switch || s->household.partner_income.kind == SW_PARTNER_NONE ||
        !s->household.partner_income.loonheffingskorting ||
        !s->settlement.municipality_applies_korting)
        return;
    for (int i = 0; i < r->run->n; i++) {
        const int64_t *v = r->run->rows[i].v;
        if (v[SW_ITEM_PARTNER_NET] > 0 && r->bijstand_net_incl_vt[i] > 0) {
            eng_warning(r, "partner_korting_twice", r->run->rows[i].month, 0,
                        "Uw partner krijgt loonheffingskorting van de eigen werkgever of "
                        "uitkeringsinstantie, en de gemeente geeft die korting ook op de helft "
                        "van de bijstand die voor uw partner is. Dan wordt te weinig belasting "
                        "ingehouden en volgt een aanslag inkomstenbelasting. Maar één betaler "
                        "mag de korting geven: vraag de gemeente of de andere betaler die te "
                        "stoppen.");
            return;
        }
    }
}
