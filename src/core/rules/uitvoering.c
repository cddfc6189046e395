/* uitvoering.c - the months in which toeslagen, income tax and bijstand are
 * settled and collected (tables/uitvoering.xml). */
#include "switchsim/uitvoering.h"

/* A letter in month number `month_id` of the year after `year`, paid `term_id`
 * months later; both looked up on 1 January of that next year. */
static sw_status next_year(const struct sw_ctx *c, int year, const char *month_id,
                           const char *term_id, struct sw_collection *out, struct sw_trace *tr,
                           struct sw_err *err)
{
    sw_date jan1 = sw_month_first_day(sw_month_from_ym(year + 1, 1));
    int64_t month_no, term;
    sw_status st;

    st = sw_param_t(c, month_id, jan1, SW_UNIT_MONTH_OF_YEAR, &month_no, tr, err);
    if (!st)
        st = sw_param_t(c, term_id, jan1, SW_UNIT_MONTHS, &term, tr, err);
    if (st)
        return st;
    out->letter = sw_month_from_ym(year + 1, (int)month_no);
    out->collected = out->letter + (sw_month)term;
    return SW_OK;
}

sw_status sw_uitvoering_toeslag(const struct sw_ctx *c, int year, struct sw_collection *out,
                                struct sw_trace *tr, struct sw_err *err)
{
    /* Awir art. 19 (definitieve berekening) and 26 (terugvordering); the month is
     * the Dienst Toeslagen's practice, the term the one its beschikking names. */
    sw_status st = next_year(c, year, "uitvoering.toeslagen.final_assessment_month",
                             "uitvoering.toeslagen.payment_term_months", out, tr, err);

    if (!st)
        sw_trace_rule(tr, "Awir art. 19 en 26; uitvoering Dienst Toeslagen",
                      "de definitieve berekening komt in het jaar na het toeslagjaar; "
                      "terugbetalen binnen de betaaltermijn");
    return st;
}

sw_status sw_uitvoering_toeslag_recovered(const struct sw_ctx *c, sw_month letter, int64_t amount,
                                          bool *out, struct sw_trace *tr, struct sw_err *err)
{
    int64_t threshold;
    sw_status st;

    /* The Dienst Toeslagen does not recover a small amount (doelmatigheidsgrens),
     * as set for the year of the definitive berekening. */
    st = sw_param_t(c, "uitvoering.toeslagen.recovery_threshold", sw_month_first_day(letter),
                    SW_UNIT_EUROCENT, &threshold, tr, err);
    if (st)
        return st;
    *out = amount > threshold;
    return SW_OK;
}

sw_status sw_uitvoering_ib(const struct sw_ctx *c, int year, struct sw_collection *out,
                           struct sw_trace *tr, struct sw_err *err)
{
    /* Invorderingswet 1990 art. 9 lid 1: pay within the term after the date of
     * the aanslag; the month of the aanslag is the Belastingdienst's practice
     * for an aangifte before 1 April. */
    sw_status st = next_year(c, year, "uitvoering.ib.assessment_month",
                             "uitvoering.ib.payment_term_months", out, tr, err);

    if (!st)
        sw_trace_rule(tr, "Invorderingswet 1990 art. 9 lid 1",
                      "de aanslag inkomstenbelasting komt in het jaar erna; betalen binnen "
                      "de betaaltermijn");
    return st;
}

sw_status sw_uitvoering_bijstand(const struct sw_ctx *c, sw_month letter,
                                 struct sw_collection *out, struct sw_trace *tr,
                                 struct sw_err *err)
{
    int64_t lag;
    sw_status st;

    /* Participatiewet art. 58: the terugvorderingsbeschikking names a term; the
     * table holds the simulation's convention for it (all at once, the worst
     * case). */
    st = sw_param_t(c, "uitvoering.bijstand.recovery_payment_months", sw_month_first_day(letter),
                    SW_UNIT_MONTHS, &lag, tr, err);
    if (st)
        return st;
    out->letter = letter;
    out->collected = letter + (sw_month)lag;
    sw_trace_rule(tr, "Participatiewet art. 58",
                  "terugvordering van te veel betaalde bijstand, terugbetaald na de "
                  "betaaltermijn");
    return SW_OK;
}
