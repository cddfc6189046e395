/* whatif_json.h - the what-ifs of whatif.h as JSON: the one writer of the
 * employer's what-if and the municipality's business case, for `switchsim
 * employer|municipality --json` and POST /employer|/municipality alike (amounts
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

#endif
