/* wmo.h - the Wmo 2015 eigen bijdrage for a maatwerkvoorziening such as
 * dagbesteding: the abonnementstarief per household and month (Wmo 2015 art.
 * 2.1.4a), the exemption for couples below the AOW age (Uitvoeringsbesluit Wmo
 * 2015 art. 3.8), and the month in which the CAK bills it. Every value comes from
 * tables/wmo.xml (wmo.*); amounts in cents. Pure; nothing here allocates. */
#ifndef SWITCHSIM_WMO_H
#define SWITCHSIM_WMO_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* Who the eigen bijdrage is asked from. */
struct sw_wmo_household {
    bool couple;               /* gehuwd or a gezamenlijke huishouding */
    sw_date birth;             /* the client; SW_NO_DATE = below the AOW age */
    sw_date partner_birth;     /* couple only; SW_NO_DATE as for birth */
};

/* The month whose eigen bijdrage the CAK bills in `billed`: wmo.billing_lag_months
 * earlier (the bijdrage is collected afterwards). Looked up on the first day of
 * `billed`. Fills *out only on success; SW_ERR_NO_VALUE naming the parameter. */
sw_status sw_wmo_service_month(const struct sw_ctx *c, sw_month billed, sw_month *out,
                               struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Whether household h owes no abonnementstarief on `date`: when
 * wmo.couple_below_aow_exempt holds, a couple of whom at least one has not
 * reached the AOW age (sw_aow_reached) is exempt; a single client never is.
 * Fills *out only on success. */
sw_status sw_wmo_couple_exempt(const struct sw_ctx *c, sw_date date,
                               const struct sw_wmo_household *h, bool *out,
                               struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The eigen bijdrage of household h for a month `service` in which the
 * maatwerkvoorziening ran: the wmo.abonnementstarief of that month, or 0 when the
 * household is exempt (sw_wmo_couple_exempt). Looks up the tarief, then the
 * exemption. Fills *out only on success. */
sw_status sw_wmo_eigen_bijdrage(const struct sw_ctx *c, sw_month service,
                                const struct sw_wmo_household *h, int64_t *out,
                                struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
