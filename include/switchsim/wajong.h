/* wajong.h - the Wajong (Wet arbeidsongeschiktheidsvoorziening jonggehandicapten)
 * after the Wet vereenvoudiging Wajong (income rules from 2021-01-01): the monthly
 * grondslag (the minimum(jeugd)loon for the table's hours), the uitkering without
 * work, and with income from work (the uitkering drops by the table's percentage
 * of the gross wage). Every value comes from tables/wajong.xml and wml.xml.
 * Pure; nothing here allocates. */
#ifndef SWITCHSIM_WAJONG_H
#define SWITCHSIM_WAJONG_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/scenario.h"
#include "switchsim/tables.h"
#include "switchsim/trace.h"

struct sw_wajong_month {
    int64_t grondslag;         /* the minimum(jeugd)loon per month for the hours, cents */
    int64_t percent;           /* ppm of the grondslag without work */
    int64_t full;              /* the uitkering without work: grondslag x percent */
    int64_t reduction;         /* what the income takes off: income x the work percentage */
    int64_t gross;             /* the uitkering for the month, never below 0 */
};

/* The gross Wajong for a month beginning on `date` of someone born on `birth`
 * in `regime`, with `arbeidsvermogen` or not (duurzaam geen arbeidsvermogen; for
 * the Wajong 2015 always not), and a gross income from work of `income` (cents, 0
 * = none): grondslag = the minimum hourly wage for the age (wml.c) x
 * wajong.grondslag_hours x 52 / 12; without work grondslag x the percentage for
 * the group (wajong.uitkering_percent.*), half up to cents; with work that minus
 * the group's share of the income, half up, not below 0: with arbeidsvermogen
 * wajong.work_reduction_percent; without it 0,75 x (G - I) per regime,
 * wajong.work_reduction_percent.geen_arbeidsvermogen (Wajong 2015, art. 1a:4),
 * .geen_arbeidsvermogen.wajong2010 (art. 2:46) or .geen_arbeidsvermogen.owajong
 * (oude Wajong, art. 3:8b). Fills *out only on success. */
sw_status sw_wajong_month(const struct sw_ctx *c, sw_date date, sw_date birth,
                          enum sw_wajong_regime regime, bool arbeidsvermogen, int64_t income,
                          struct sw_wajong_month *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
