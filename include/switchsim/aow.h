/* aow.h - the pensioengerechtigde leeftijd (AOW age, art. 7a AOW), which the
 * Participatiewet norms, the loonheffing and the toeslagen depend on. */
#ifndef SWITCHSIM_AOW_H
#define SWITCHSIM_AOW_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* The AOW ages the code handles: SW_AOW_AGE_YEARS_MIN to SW_AOW_AGE_YEARS_MAX
 * years (aow.age_years) and 0 to SW_AOW_AGE_MONTHS_MAX months above them
 * (aow.age_months). Not legal values - the legal ages come from tables/aow.xml
 * (art. 7a AOW: 67 years, 67 and 3 months from 2028) - but implementation
 * bounds: sw_aow_date() searches only the years in which an age in this range
 * is reached, and below SW_AOW_AGE_YEARS_MIN years sw_aow_reached() and the
 * fast paths that copy it (sw_aow_surely_below(), the engine's kept spans)
 * answer "below the AOW age" without asking the tables. tables/aow.xml declares
 * this range on both parameters, so that the loader refuses a value outside
 * it, and sw_aow_check_tables() refuses a set that declares none or a wider
 * one. */
#define SW_AOW_AGE_YEARS_MIN 60
#define SW_AOW_AGE_YEARS_MAX 75
#define SW_AOW_AGE_MONTHS_MAX 11

/* SW_ERR_TABLE naming the parameter unless the set declares, on aow.age_years
 * and aow.age_months (when it has them), a range within the AOW ages the code
 * handles (above). For the loader, once a set is finished. */
sw_status sw_aow_check_tables(const struct sw_tables *t, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The date on which someone born on `birth` reaches the AOW age: the age in force
 * for the calendar year in which it is reached (tables aow.age_years and
 * aow.age_months, valid from 1 January of that year). SW_ERR_NO_VALUE when the
 * tables do not cover that year; SW_ERR_TABLE naming aow.age_years when they
 * give an age outside the ones the code handles (SW_AOW_AGE_YEARS_MIN ...). */
sw_status sw_aow_date(const struct sw_ctx *c, sw_date birth, sw_date *out,
                      struct sw_trace *tr, struct sw_err *err) __attribute__((warn_unused_result));

/* True when someone born on `birth` is surely below the AOW age on `date`
 * without asking the tables: no birth date, or fewer than SW_AOW_AGE_YEARS_MIN
 * x 365 days lived (that many years hold at least that many days;
 * sw_aow_reached() answers false then and looks nothing up). */
static inline bool sw_aow_surely_below(sw_date birth, sw_date date)
{
    return birth == SW_NO_DATE || (int64_t)date - birth < SW_AOW_AGE_YEARS_MIN * 365;
}

/* Whether someone born on `birth` has reached the AOW age on `date`. A birth date
 * of SW_NO_DATE (see wml.h) is below the AOW age. */
sw_status sw_aow_reached(const struct sw_ctx *c, sw_date birth, sw_date date, bool *out,
                         struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* sw_aow_reached(), also giving the AOW date when the answer asked for it
 * (*aow; SW_NO_DATE when it did not: younger than SW_AOW_AGE_YEARS_MIN on
 * `date`). */
sw_status sw_aow_reached_date(const struct sw_ctx *c, sw_date birth, sw_date date, bool *out,
                              sw_date *aow, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
