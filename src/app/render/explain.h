/* explain.h - how one figure of a timeline came about, in plain Dutch
 * (taalniveau B1) and as JSON: the rule, the formula in words, the table values
 * (id, value, valid from, source) and the inputs, then the figures it is built on.
 * Front end only; shared by `switchsim explain` and the CGI's "waarom?" links. */
#ifndef SWITCHSIM_EXPLAIN_H
#define SWITCHSIM_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "switchsim/engine.h"

/* A short Dutch name of an item for people ("bijstand betaald"). Never NULL:
 * an item without a Dutch name gives its JSON name. */
const char *explain_item_label(enum sw_item item);

/* The items `item` is computed from in the engine (e.g. bijstand_paid from
 * bijstand_entitled). Fills up to `max` into out; returns how many there are. */
size_t explain_parts(enum sw_item item, enum sw_item *out, size_t max);

/* Write the Dutch explanation of item `item` in month index `i` of the scenario
 * run (baseline false) or of the baseline run (true) to f. The timeline must
 * have been simulated with SW_SIM_TRACE; without traces only the figures and
 * the plain description are written. i must lie in [0, run->n). */
void explain_render(FILE *f, const struct sw_timeline *tl, bool baseline, int i,
                    enum sw_item item);

/* The same text in a malloc'ed NUL-terminated string; free() it. NULL when out
 * of memory. */
char *explain_text(const struct sw_timeline *tl, bool baseline, int i, enum sw_item item);

/* {"month", "item", "value", "run": "scenario"|"baseline", "label", "text",
 *  "trace": sw_trace_json(...), "parts": [{"item", "label", "value", "trace"}]}
 * for the same figure (the trace is {} -> an empty trace without tracing).
 * NULL when out of memory; free with cJSON_Delete(). */
cJSON *explain_json(const struct sw_timeline *tl, bool baseline, int i, enum sw_item item);

#endif
