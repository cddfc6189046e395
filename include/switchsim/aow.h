/* aow.h - the pensioengerechtigde leeftijd (AOW age, art. 7a AOW), which the
 * Participatiewet norms, the loonheffing and the toeslagen depend on. */
#ifndef SWITCHSIM_AOW_H
#define SWITCHSIM_AOW_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* The date on which someone born on `birth` reaches the AOW age: the age in force
 * for the calendar year in which it is reached (tables aow.age_years and
 * aow.age_months, valid from 1 January of that year). SW_ERR_NO_VALUE when the
 * tables do not cover that year. */
sw_status sw_aow_date(const struct sw_ctx *c, sw_date birth, sw_date *out,
                      struct sw_trace *tr, struct sw_err *err) __attribute__((warn_unused_result));

/* True when someone born on `birth` is surely below the AOW age on `date`
 * without asking the tables: no birth date, or fewer than 60 x 365 days lived
 * (sixty years hold at least that many; sw_aow_reached() answers false then and
 * looks nothing up). */
static inline bool sw_aow_surely_below(sw_date birth, sw_date date)
{
    return birth == SW_NO_DATE || (int64_t)date - birth < 60 * 365;
}

/* Whether someone born on `birth` has reached the AOW age on `date`. A birth date
 * of SW_NO_DATE (see wml.h) is below the AOW age. */
sw_status sw_aow_reached(const struct sw_ctx *c, sw_date birth, sw_date date, bool *out,
                         struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* sw_aow_reached(), also giving the AOW date when the answer asked for it
 * (*aow; SW_NO_DATE when it did not: younger than 60 on `date`). */
sw_status sw_aow_reached_date(const struct sw_ctx *c, sw_date birth, sw_date date, bool *out,
                              sw_date *aow, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
