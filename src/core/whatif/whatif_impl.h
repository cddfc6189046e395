/* whatif_impl.h - private to src/core/whatif/: what the employer's what-if and
 * the municipality's business case share (list splitting, the scenario's job). */
#ifndef SWITCHSIM_WHATIF_IMPL_H
#define SWITCHSIM_WHATIF_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "switchsim/whatif.h"

/* Split "a,b,c" into at most `max` items of fewer than SW_WHATIF_LABEL_MAX
 * characters; false on an empty item, a too long one or too many (items then
 * hold what was split so far). *n is the number of items. */
bool whatif_split(const char *text, char items[][SW_WHATIF_LABEL_MAX], size_t max, size_t *n);

/* The job of scenario s as the LKS and employer rules see it (as the month engine
 * builds it): its periods point into s. */
void whatif_scenario_job(struct sw_lks_job *job, const struct sw_scenario *s);

/* One period from the job's start at `percent` (measured), for a job without
 * loonwaarde periods (100 %) or a tried loonwaarde. */
void whatif_one_period(struct sw_lks_job *job, struct sw_loonwaarde_period *p, int64_t percent);

#endif
