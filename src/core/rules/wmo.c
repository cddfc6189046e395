/* wmo.c - the Wmo eigen bijdrage (abonnementstarief) for dagbesteding: how much
 * per household and month, and when the CAK bills it (tables/wmo.xml). */
#include "switchsim/aow.h"
#include "switchsim/wmo.h"

sw_status sw_wmo_service_month(const struct sw_ctx *c, sw_month billed, sw_month *out,
                               struct sw_trace *tr, struct sw_err *err)
{
    int64_t lag;
    sw_status st;

    /* The CAK collects the bijdrage of a month the table's number of months
     * later. */
    st = sw_param_t(c, "wmo.billing_lag_months", sw_month_first_day(billed), SW_UNIT_MONTHS,
                    &lag, tr, err);
    if (st)
        return st;
    *out = billed - (sw_month)lag;
    return SW_OK;
}

sw_status sw_wmo_couple_exempt(const struct sw_ctx *c, sw_date date,
                               const struct sw_wmo_household *h, bool *out,
                               struct sw_trace *tr, struct sw_err *err)
{
    int64_t exempt;
    bool aow1, aow2;
    sw_status st;

    /* Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 3 onder f: no bijdrage from
     * spouses of whom at least one is below the pensioengerechtigde leeftijd. */
    st = sw_param_t(c, "wmo.couple_below_aow_exempt", date, SW_UNIT_BOOL, &exempt, tr, err);
    if (st)
        return st;
    if (!exempt || !h->couple) {
        *out = false;
        return SW_OK;
    }
    st = sw_aow_reached(c, h->birth, date, &aow1, tr, err);
    if (!st)
        st = sw_aow_reached(c, h->partner_birth, date, &aow2, tr, err);
    if (st)
        return st;
    *out = !aow1 || !aow2;
    return SW_OK;
}

sw_status sw_wmo_eigen_bijdrage(const struct sw_ctx *c, sw_month service,
                                const struct sw_wmo_household *h, int64_t *out,
                                struct sw_trace *tr, struct sw_err *err)
{
    sw_date d = sw_month_first_day(service);
    int64_t tarief;
    bool exempt;
    sw_status st;

    /* Wmo 2015 art. 2.1.4a lid 4: at most the abonnementstarief per month per
     * household. */
    st = sw_param_t(c, "wmo.abonnementstarief", d, SW_UNIT_EUROCENT, &tarief, tr, err);
    if (!st)
        st = sw_wmo_couple_exempt(c, d, h, &exempt, tr, err);
    if (st)
        return st;
    *out = exempt ? 0 : tarief;
    sw_trace_rule(tr, "Wmo 2015 art. 2.1.4; Uitvoeringsbesluit Wmo 2015 (abonnementstarief)",
                  "vast bedrag per maand waarin de dagbesteding loopt, achteraf geind door "
                  "het CAK");
    return SW_OK;
}
