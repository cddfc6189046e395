/* schulden.h - what a resident with debts keeps of an income: the beslagvrije voet
 * under beslag on income (Rv art. 475c-475e, Wet vereenvoudiging beslagvrije voet,
 * from 2021) and the vrij te laten bedrag in the Wsnp (Faillissementswet art. 295,
 * Recofa method). Every percentage comes from tables/schulden.xml (schulden.*);
 * amounts in cents. Pure; nothing here allocates. */
#ifndef SWITCHSIM_SCHULDEN_H
#define SWITCHSIM_SCHULDEN_H

#include <stdint.h>

#include "switchsim/scenario.h"
#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* The leefsituatie that sets the maximum beslagvrije voet (art. 475da lid 1 Rv):
 * alleenstaande, alleenstaande ouder, gehuwden without or with children below
 * schulden.beslagvrije_voet.max.child_age_below on the month's date. */
struct sw_debt_household {
    enum sw_composition composition;
    const sw_date *children;       /* birth dates */
    size_t n_children;
};

/* What a month's income under beslag or in the Wsnp leaves the resident:
 * vrij = percent x norm (rounded half up to cents, which on a norm of
 * EUR 1.075,44 gives EUR 1.021,67 and leaves the EUR 53,77 of schuldinfo.nl)
 * + compensation, at most the maximum beslagvrije voet for the household's
 * leefsituatie (schulden.beslagvrije_voet.max.*, looked up only when there is a
 * compensation: 95 % of the norm alone is always below it); taken = income -
 * vrij, not below 0.
 *   norm          the applicable bijstandsnorm incl. vakantietoeslag (cents/month)
 *   compensation  the toeslagen the resident would get at bijstandsniveau minus
 *                 what he gets now, not below 0 (the "compensatiekop")
 *   income        the month's income that can be seized: net wage, WW, bijstand
 *                 and its vakantietoeslag as paid (toeslagen, kinderbijslag and
 *                 kindgebonden budget are not vatbaar voor beslag)
 * regime SW_DEBTS_BESLAG reads schulden.beslagvrije_voet.percent, SW_DEBTS_WSNP
 * schulden.vtlb.percent; SW_DEBTS_NONE gives vrij = income, taken = 0 without a
 * lookup. Fills *vrij and *taken only on success; SW_ERR_NO_VALUE names the
 * parameter. */
sw_status sw_schulden_month(const struct sw_ctx *c, sw_date date, enum sw_debt_regime regime,
                            const struct sw_debt_household *hh, int64_t norm,
                            int64_t compensation, int64_t income, int64_t *vrij, int64_t *taken,
                            struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
