/* uitvoering.h - when the letters come: the months in which the Dienst Toeslagen,
 * the Belastingdienst and the municipality settle and collect, as far as they set
 * when a resident must have money apart. Most of this is practice, not law; each
 * value in tables/uitvoering.xml says which. Pure; nothing here allocates. */
#ifndef SWITCHSIM_UITVOERING_H
#define SWITCHSIM_UITVOERING_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* When an assessment for a year arrives and when it is paid. */
struct sw_collection {
    sw_month letter;           /* the month the assessment or letter is expected */
    sw_month collected;        /* the month it is paid back (the last day to pay) */
};

/* The definitive berekening of a toeslag over `year`: in the month
 * uitvoering.toeslagen.final_assessment_month of the next year, paid back
 * uitvoering.toeslagen.payment_term_months later. Looked up on 1 January of the
 * next year. Fills *out only on success; SW_ERR_NO_VALUE naming the parameter. */
sw_status sw_uitvoering_toeslag(const struct sw_ctx *c, int year, struct sw_collection *out,
                                struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Whether a toeslag overpaid by `amount` (cents) is recovered after a definitive
 * berekening in month `letter`: only above uitvoering.toeslagen.recovery_threshold
 * (the doelmatigheidsgrens of that month). Fills *out only on success. */
sw_status sw_uitvoering_toeslag_recovered(const struct sw_ctx *c, sw_month letter, int64_t amount,
                                          bool *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The income-tax assessment over `year`: in the month uitvoering.ib.assessment_month
 * of the next year, paid uitvoering.ib.payment_term_months later (Invorderingswet
 * 1990 art. 9). Looked up on 1 January of the next year. Fills *out only on
 * success. */
sw_status sw_uitvoering_ib(const struct sw_ctx *c, int year, struct sw_collection *out,
                           struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* A municipality's letter recovering bijstand (Participatiewet art. 58) that
 * arrives in month `letter`: shown as paid back in full
 * uitvoering.bijstand.recovery_payment_months later (the worst case). Fills *out
 * only on success. */
sw_status sw_uitvoering_bijstand(const struct sw_ctx *c, sw_month letter,
                                 struct sw_collection *out, struct sw_trace *tr,
                                 struct sw_err *err) __attribute__((warn_unused_result));

#endif
