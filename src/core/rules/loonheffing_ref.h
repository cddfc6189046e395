/* loonheffing_ref.h - the two searches of sw_gross_from_net_benefit() one by
 * one, and the net of a gross benefit, for tests/unit/check_loonheffing.c: the
 * search by every cent as first written (the reference) against the fast one
 * the library uses. Private to the core and its tests. */
#ifndef SWITCHSIM_LOONHEFFING_REF_H
#define SWITCHSIM_LOONHEFFING_REF_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"

/* The net the municipality pays out of each gross benefit gross .. gross + n - 1
 * (cents) on `date`: the gross minus the loonheffing it withholds, in net[0..n). */
sw_status lh_ref_benefit_net(const struct sw_ctx *c, sw_date date, int64_t gross, size_t n,
                             sw_date birth, unsigned korting, int64_t *net, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The gross of each net benefit net .. net + n - 1, in gross[0..n), by the search
 * by every cent (fast = false) or the fast search (fast = true; SW_ERR_INTERNAL
 * when the tables do not allow it). */
sw_status lh_ref_benefit_gross(const struct sw_ctx *c, sw_date date, int64_t net, size_t n,
                               sw_date birth, unsigned korting, bool fast, int64_t *gross,
                               struct sw_err *err) __attribute__((warn_unused_result));

#endif
