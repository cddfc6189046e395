/* bijstand_facts.h - the dates on which sw_bijstand_norm() gives the same norm
 * for the same facts (struct sw_bijstand_norm, same_from and same_to): private
 * to the rules (bijstand.c, bijstand_facts.c). */
#ifndef SWITCHSIM_BIJSTAND_FACTS_H
#define SWITCHSIM_BIJSTAND_FACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/bijstand.h"

/* n->same_from and n->same_to for the norm n worked out on date d for the facts
 * f (n->age and n->partner_age filled): where every age sw_bijstand_norm() read
 * stays on the same side of the limits it compared it with - min_age and adult
 * (looked up on d) and SW_AOW_AGE_YEARS_MIN (aow.h) for the resident and the
 * partner, from then on also of their AOW date (aow[0] the resident's, aow[1]
 * the partner's; SW_NO_DATE when not known: then d only), the exact age for the
 * youngest child (when child_read) and each housemate - and no birth date of
 * the facts lies after the date. */
void bijstand_norm_span(const struct sw_household_facts *f, sw_date d, int64_t min_age,
                        int64_t adult, bool child_read, const sw_date aow[2],
                        struct sw_bijstand_norm *n);

#endif
