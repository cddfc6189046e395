/* ww.h - the Werkloosheidswet as far as the way back needs it: whether the
 * wekeneis is met when a job ends (art. 17), the dagloon with its maximum, how long
 * WW on the wekeneis alone runs, and the WW per calendar month at the first and the
 * later percentage (art. 47). Every value comes from tables/ww.xml (ww.*) and the
 * months per year from tables/wml.xml; amounts in cents, rates in ppm. The
 * functions are pure and keep no state; nothing here allocates. */
#ifndef SWITCHSIM_WW_H
#define SWITCHSIM_WW_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* The wekeneis on the first day without work. */
struct sw_ww_wekeneis {
    int64_t weeks_needed;      /* ww.wekeneis.weeks_worked */
    int64_t reference_weeks;   /* ww.wekeneis.reference_weeks */
    int weeks_counted;         /* weeks with work within the reference period */
    bool met;
};

/* Whether someone who worked in `weeks_worked` weeks (>= 0) right before
 * `first_day` (the first day without work) meets the wekeneis of WW art. 17: at
 * least the table's number of weeks with work within the table's reference
 * period. Only the weeks inside the reference period count. Fills *out only on
 * success; SW_ERR_NO_VALUE naming the parameter when the tables lack the date. */
sw_status sw_ww_wekeneis(const struct sw_ctx *c, sw_date first_day, int weeks_worked,
                         struct sw_ww_wekeneis *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

struct sw_ww_dagloon {
    int64_t dagloon;           /* cents per day, after the maximum */
    int64_t uncapped;          /* before the maximum */
    int64_t max;               /* ww.max_dagloon */
    bool capped;               /* the maximum bound */
};

/* The dagloon on `date` for a job whose wage for a full month is `month_wage`
 * (cents, >= 0): the wage of the refertejaar over its dagloondagen, days without
 * wage not counted (CRvB 2024:1523) - a full month's wage x months per year /
 * ww.dagloondagen_per_year, rounded down to cents - at most ww.max_dagloon
 * (Wfsv art. 17). Looks up ww.max_dagloon, ww.dagloondagen_per_year and
 * wml.months_per_year, in that order. Fills *out only on success. */
sw_status sw_ww_dagloon(const struct sw_ctx *c, sw_date date, int64_t month_wage,
                        struct sw_ww_dagloon *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* A WW right on the wekeneis alone. */
struct sw_ww_claim {
    sw_date from;              /* the first day without work */
    sw_date until;             /* the last day with WW, inclusive */
    int64_t dagloon;           /* cents per day, after the maximum */
};

/* The WW right that starts on `first_day` for a job whose full-month wage is
 * `month_wage`: ww.wekeneis.duration_months calendar months (the duration without
 * the jareneis), on the dagloon of sw_ww_dagloon(). The caller checks the
 * wekeneis first (sw_ww_wekeneis). Fills *out only on success. */
sw_status sw_ww_claim(const struct sw_ctx *c, sw_date first_day, int64_t month_wage,
                      struct sw_ww_claim *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The WW of one calendar month. */
struct sw_ww_month {
    int64_t gross;             /* gross WW for the days of the month with WW */
    int64_t full_first;        /* a full month at ww.rate_first */
    int64_t full_after;        /* a full month at ww.rate_after */
    int days_first;            /* days of the month at the first rate */
    int days_after;            /* days of the month at the later rate */
};

/* Gross WW for calendar month `month` of `claim` (WW art. 45-47): the first
 * ww.rate_first_months months from claim->from at ww.rate_first, then ww.rate_after;
 * per uitkeringsdag the rate x the dagloon, half up to cents; a month is that
 * dagbedrag x ww.dagloondagen_per_year / months per year, and a part month (or a
 * stretch at one rate) that x its days / the days of the month, half up per
 * stretch. A month outside the claim gives all zeros and looks nothing up (no
 * trace either). Fills *out only on success. */
sw_status sw_ww_month(const struct sw_ctx *c, const struct sw_ww_claim *claim, sw_month month,
                      struct sw_ww_month *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
