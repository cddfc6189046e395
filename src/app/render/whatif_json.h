/* whatif_json.h - the what-ifs of whatif.h as JSON: the one writer of the
 * employer's what-if, the municipality's business case, the way back and the
 * loonwaarde, for `switchsim employer|municipality|wayback|loonwaarde --json` and
 * POST /employer|/municipality|/wayback|/loonwaarde alike (amounts
 * in cents, months "YYYY-MM", dates "YYYY-MM-DD", percentages and hours as
 * numbers). */
#ifndef SWITCHSIM_WHATIF_JSON_H
#define SWITCHSIM_WHATIF_JSON_H

#include <cjson/cJSON.h>

#include "switchsim/whatif.h"

/* {"version", "assumptions", "variants": [{"months", "totals", "average_net_cost",
 * "cost_per_productive_hour", "label", "loonwaarde", "lks"}], "tables"}; per hours
 * {"hours": [that object + "hours_per_week": the hours as given]}. NULL when out
 * of memory. Free with cJSON_Delete(). */
cJSON *sw_employer_whatif_json(const struct sw_employer_whatif *w);

/* {"version", "municipality", "lks", "dagdelen_before", "dagdelen_after",
 * "dagdeel_price", "dagdeel_price_source"?, "products", "months", "totals",
 * "break_even", "tables"}. NULL when out of memory. Free with cJSON_Delete(). */
cJSON *sw_municipality_whatif_json(const struct sw_municipality_whatif *w);

/* {"version", "steps": [{"after_months", "job_end", "weeks_worked", "ww",
 * "ww_until"?, "bijstand_from", "gap_days", "dagbesteding_from",
 * "months_after_shown", "safe_to_spend_after", "safe_to_spend_staying"}],
 * "tables"}: `switchsim wayback --json` and POST /wayback. NULL when out of
 * memory. */
cJSON *sw_way_back_whatif_json(const struct sw_way_back_whatif *w);

/* {"date" (or "rules_from" without a date), "loonwaarde", "exact", "tasks":
 * [{"name", "share", "tempo", "tempo_counted", "kwaliteit", "inzetbaarheid",
 * "prestatie", "contribution", "below_hoofdtaak_min_share"}], "tables"}, the
 * percentages as exact numbers: `switchsim loonwaarde --json` and POST
 * /loonwaarde. `used`: the values the calculation used. NULL when out of memory. */
cJSON *sw_loonwaarde_whatif_json(const struct sw_loonwaarde_input *in,
                                 const struct sw_loonwaarde_whatif *w, const struct sw_tables *t,
                                 const struct sw_used *used);

#endif
