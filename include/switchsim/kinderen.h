/* kinderen.h - what a household gets for its children: kinderbijslag (Algemene
 * Kinderbijslagwet, per quarter), the kindgebonden budget with the
 * alleenstaande-ouderkop (Wet op het kindgebonden budget, per month, income
 * tested) and the inkomensafhankelijke combinatiekorting (Wet IB 2001 art. 8.14a,
 * in the income-tax assessment). Amounts, ages and percentages from
 * tables/kinderbijslag.xml, kindgebonden_budget.xml and inkomstenbelasting.xml.
 * Pure functions; results filled only on success; tr may be NULL. */
#ifndef SWITCHSIM_KINDEREN_H
#define SWITCHSIM_KINDEREN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/date.h"
#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* Kinderbijslag for the calendar quarter that starts on `quarter_start` (a first
 * day of January, April, July or October): per child born on or before that day
 * and younger than the end age on it, the quarter amount for its age on that day
 * (AKW: verzekerd op de eerste dag van het kwartaal). *out in cents; *children
 * (may be NULL) the number of children counted. */
sw_status sw_kinderbijslag_quarter(const struct sw_ctx *c, sw_date quarter_start,
                                   const sw_date *births, size_t n, int64_t *out, int *children,
                                   struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The month (1..) after the quarter in which the SVB pays it: the quarter's last
 * month + kinderbijslag.paid_months_after_quarter. */
sw_status sw_kinderbijslag_pay_month(const struct sw_ctx *c, sw_month quarter_last,
                                     sw_month *out, struct sw_err *err)
    __attribute__((warn_unused_result));

/* One month's situation for the kindgebonden budget. */
struct sw_kgb_facts {
    int64_t income;           /* the year's (joint) toetsingsinkomen, cents */
    bool partner;             /* has a toeslagpartner: no alleenstaande-ouderkop and
                                 the higher drempel of art. 2 lid 8 */
    const sw_date *births;    /* the children's birth dates */
    size_t n;
    bool vermogen_known;      /* false: the vermogensgrens is not checked */
    int64_t vermogen;         /* rendementsgrondslag at the start of the year (joint
                                 with the partner), cents (art. 1 lid 4 WKB) */
};

struct sw_kgb_month {
    int children;             /* children with a claim this month (art. 2 lid 1) */
    int64_t base;             /* year amounts before the afbouw: per child + supplements
                                 (+ the alleenstaande-ouderkop) */
    int64_t reduction;        /* afbouw rate x income above the drempel, half up */
    int64_t year_claim;       /* base - reduction, not below 0: the claim on a year
                                 basis for this month's situation (art. 2 lid 11) */
};

/* The kindgebonden budget of calendar month m on a year basis (art. 2 WKB): the
 * amount per child from the month after its birth through the month it reaches
 * the end age, the supplements from the month after the 12th and the 16th
 * birthday, the alleenstaande-ouderkop without a partner; minus the afbouw above
 * the drempelinkomen (with a partner: plus the partner extra, and the ouderkop
 * does not apply). Parameters on 1 January of m's year except the ages. */
sw_status sw_kgb_month(const struct sw_ctx *c, sw_month m, const struct sw_kgb_facts *f,
                       struct sw_kgb_month *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* sw_kgb_month() for each month of `year` on the same facts: out[k] for month
 * k + 1, tr (may be NULL) for December's. A month whose ages and children's
 * classes equal the month before's is that month's answer, without asking the
 * rule again. The same figures, errors and values used as twelve calls. Its
 * lookups of the ages skip dates on which the last ones answer alike (a
 * window, sw_window_begin()): not to be called while another window records. */
sw_status sw_kgb_year(const struct sw_ctx *c, int year, const struct sw_kgb_facts *f,
                      struct sw_kgb_month out[12], struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The kindgebonden budget's values on 1 January after the ages. */
struct sw_kgb_params {
    int64_t per_child, sup12, sup16, drempel, rate, single, extra;
};

/* What sw_kgb_year_kept() keeps of one year's values on 1 January (for one
 * partner fact), as the first asking in a context looked up and recorded them.
 * Zeroed: nothing kept. */
struct sw_kgb_kept {
    bool set, partner, have_grens, have_params;
    int year;
    int64_t grens;                /* the vermogensgrens */
    struct sw_kgb_params p;
};

/* sw_kgb_year() without a trace, through k: the values on 1 January the year's
 * first asking in this context (c, its record of values used) looked up are
 * not asked again. The same figures and values used as sw_kgb_year(); k kept
 * for another year or partner fact starts anew. */
sw_status sw_kgb_year_kept(const struct sw_ctx *c, struct sw_kgb_kept *k, int year,
                           const struct sw_kgb_facts *f, struct sw_kgb_month out[12],
                           struct sw_err *err)
    __attribute__((warn_unused_result));

/* The inkomensafhankelijke combinatiekorting for `year` (art. 8.14a Wet IB
 * 2001): rate x (arbeidsinkomen - threshold), at most the maximum, when the
 * arbeidsinkomen is above the threshold, a child younger than the table age on
 * 1 January belongs to the household for at least the table's months of the
 * year (a child born in the year: from its birth month), and the resident has
 * no partner or a lower arbeidsinkomen than the partner. Whole euros, rounded
 * down (the korting is a whole-euro amount in the assessment). */
sw_status sw_iack_year(const struct sw_ctx *c, int year, int64_t arbeidsinkomen,
                       int64_t partner_arbeidsinkomen, bool partner, const sw_date *births,
                       size_t n, int64_t *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
