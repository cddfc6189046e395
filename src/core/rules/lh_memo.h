/* lh_memo.h - the slots of a struct sw_lh_memo (loonheffing.h), for
 * loonheffing.c's gross-up: kept answers by a key of 6 (lh_memo_key()). Private
 * to the core. */
#ifndef SWITCHSIM_LH_MEMO_H
#define SWITCHSIM_LH_MEMO_H

#include <stdint.h>

#include "switchsim/loonheffing.h"

/* The key of the gross-up of `net` with the parameters p: all it reads. */
void lh_memo_key(const struct sw_lh_params *p, int64_t net, int64_t key[6]);

/* The answer kept in m for key k when c's set is the one m was bound to, or
 * NULL. */
const struct sw_lh_memo_slot *lh_memo_get(const struct sw_lh_memo *m, const struct sw_ctx *c,
                                          const int64_t k[6]);
/* Keep answer b for key k in m (when c's set is the one m was bound to): in a
 * free slot of its probes, else over the first. */
void lh_memo_put(struct sw_lh_memo *m, const struct sw_ctx *c, const int64_t k[6],
                 const struct sw_lh_benefit *b);

#endif
