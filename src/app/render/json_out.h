/* json_out.h - the timeline and traces as cJSON trees, exactly as CONTRACT.md
 * names the fields (amounts in cents, months "YYYY-MM", dates "YYYY-MM-DD").
 * Shared by the CLI and the CGI. */
#ifndef SWITCHSIM_JSON_OUT_H
#define SWITCHSIM_JSON_OUT_H

#include <cjson/cJSON.h>

#include "switchsim/engine.h"
#include "switchsim/scenario.h"
#include "switchsim/trace.h"

/* The simulate output object. NULL when out of memory. Free with cJSON_Delete(). */
cJSON *sw_timeline_json(const struct sw_timeline *tl);

/* --- the same text without the tree (timeline_text.c; a change to
 * sw_timeline_json() is made there too, check_timeline_text.c compares them) --- */
struct sw_jbuf;
/* The compact text of sw_timeline_json(tl) (what sw_json_text(.., false, ..)
 * writes of it), malloc'ed, its length in *len; NULL when out of memory. */
char *sw_timeline_text(const struct sw_timeline *tl, size_t *len);
/* The same text without its closing brace, into b: the caller adds members (as
 * cJSON_Add...ToObject would, at the end) and closes it with '}'. */
void sw_timeline_text_open(struct sw_jbuf *b, const struct sw_timeline *tl);
/* ,"name":"s" (nothing when s is NULL, as cJSON_AddStringToObject). */
void sw_jb_member_string(struct sw_jbuf *b, const char *name, const char *s);
/* The text written into b, NUL-terminated (its length in *len), handed over;
 * NULL (and b's buffer freed) when memory ran out. */
char *sw_jb_finish(struct sw_jbuf *b, size_t *len);

/* One trace: {"rule", "formula", "parameters": [{id, value, unit, from, source,
 * url, provisional}], "inputs": [{name, value, unit}]}. NULL when out of memory. */
cJSON *sw_trace_json(const struct sw_trace *tr);

/* {"version", "sha256", "provisional": [ids], and where values were carried
 * forward past the published ones "projected": [ids] and "projected_values":
 * [{id, description, unit, value, published_from, missing_from, source}]} for
 * any set of used values: the one writer of the "tables" block. */
cJSON *sw_tables_json(const char *version, const char *sha256, const struct sw_used *used);

/* The same "provisional", "projected", "projected_values" and "overridden" added
 * to `o` (the component commands put them at the top level). */
void sw_json_add_used(cJSON *o, const struct sw_used *used);

/* {"error": {"code", "field", "message", "problems": [...]}} for an error and,
 * optionally, the scenario parser's list of problems. */
cJSON *sw_error_json(const struct sw_err *err, const struct sw_problems *problems);

/* The ids of the provisional (or projected) table values in `used`, each once,
 * as a JSON array. NULL when out of memory. */
cJSON *sw_provisional_json(const struct sw_used *used);

/* Add a rate (ppm) as a JSON number of percent with its exact decimals ("35.82"). */
bool sw_json_add_percent(cJSON *obj, const char *name, int64_t ppm);

/* Add an int64 amount as a JSON number (exact up to 2^53, which every amount
 * switchsim produces is far below). Returns false when out of memory. */
bool sw_json_add_cents(cJSON *obj, const char *name, int64_t cents);

#endif
