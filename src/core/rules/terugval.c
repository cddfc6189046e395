/* terugval.c - the weeks after a job ends: the zoektermijn of the bijstand for
 * young people and the time a new Wmo indication takes (tables/terugval.xml). */
#include "switchsim/terugval.h"

/* The days of a number of weeks (the tables give the terms in weeks). */
static sw_date days_of_weeks(int64_t weeks)
{
    return (sw_date)(7 * weeks); /* calendar: days a week */
}

sw_status sw_terugval_zoektermijn(const struct sw_ctx *c, sw_date reported, sw_date birth,
                                  struct sw_zoektermijn *out, struct sw_trace *tr,
                                  struct sw_err *err)
{
    struct sw_zoektermijn z;
    sw_status st;

    st = sw_param_t(c, "participatiewet.zoektermijn.weeks", reported, SW_UNIT_WEEKS, &z.weeks,
                    tr, err);
    if (!st)
        st = sw_param_t(c, "participatiewet.zoektermijn.age_below", reported, SW_UNIT_YEARS,
                        &z.age_below, tr, err);
    if (st)
        return st;
    /* Participatiewet art. 41 lid 4: below the age limit, the application can
     * only be made the table's number of weeks after the report, and bijstand
     * starts no earlier (art. 44 lid 2). */
    z.applies = birth != SW_NO_DATE && sw_age_on(birth, reported) < z.age_below;
    z.bijstand_from = z.applies ? reported + days_of_weeks(z.weeks) : reported;
    sw_trace_rule(tr, "Participatiewet art. 41 lid 4 en 44 lid 2 (zoektermijn)",
                  "jonger dan %lld jaar: de bijstand gaat pas %lld weken na de melding in",
                  (long long)z.age_below, (long long)z.weeks);
    *out = z;
    return SW_OK;
}

sw_status sw_terugval_new_indication(const struct sw_ctx *c, sw_date asked,
                                     struct sw_new_indication *out, struct sw_trace *tr,
                                     struct sw_err *err)
{
    int64_t weeks;
    sw_status st;

    /* Wmo 2015 art. 2.3.2 lid 1 (research after the melding) and art. 2.3.5 lid 1
     * (decision on the aanvraag): the table holds the two terms together. */
    st = sw_param_t(c, "wmo.new_indication_weeks", asked, SW_UNIT_WEEKS, &weeks, tr, err);
    if (st)
        return st;
    out->weeks = weeks;
    out->from = asked + days_of_weeks(weeks);
    sw_trace_rule(tr, "Wmo 2015 art. 2.3.2 lid 1 en 2.3.5 lid 1",
                  "een nieuwe indicatie voor dagbesteding duurt %lld weken", (long long)weeks);
    return SW_OK;
}
