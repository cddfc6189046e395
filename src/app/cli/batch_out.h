/* batch_out.h - what `switchsim batch` writes and varies (batch_out.c): a compact
 * JSON writer (the text of cJSON_PrintUnformatted() without its printf), the
 * variants of --vary applied to a parsed scenario, and the summary line of one
 * household and variant (--summary). */
#ifndef SWITCHSIM_BATCH_OUT_H
#define SWITCHSIM_BATCH_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

#include "switchsim/engine.h"
#include "switchsim/scenario.h"

/* A growing text; nomem once a reservation failed (then the text is partial). */
struct sbuf {
    char *p;
    size_t len, cap;
    bool nomem;
};

void sb_put(struct sbuf *b, const char *s, size_t n);
void sb_putc(struct sbuf *b, char c);
void sb_str(struct sbuf *b, const char *s);           /* as is, no quotes */
void sb_string(struct sbuf *b, const char *s);        /* a JSON string */
void sb_int(struct sbuf *b, int64_t v);
void sb_json(struct sbuf *b, const cJSON *item);      /* compact JSON of item */

/* The compact text of obj (freed here), malloc'ed; NULL when out of memory. */
char *json_line(cJSON *obj);

/* --- variants (--vary FIELD=V1,V2,...) --- */

enum batch_field { BATCH_HOURS, BATCH_LOONWAARDE, BATCH__FIELDS };

#define BATCH_MAX_VALUES 64

/* The values given for each field; a field not varied has none. A run takes
 * one value of every varied field: all combinations, the first field slowest. */
struct batch_vary {
    int64_t values[BATCH__FIELDS][BATCH_MAX_VALUES];   /* hundredths */
    size_t n[BATCH__FIELDS];
};

/* Parse one --vary argument, "hours=8,16,24" (job.hours_per_week, 1-40) or
 * "loonwaarde=20,35.5" (the percent of every job.loonwaarde period, 0-100), up
 * to 2 decimals, into v. False with a message on stderr naming '--vary' and
 * what is wrong (an unknown field, a field given twice, a bad or out-of-range
 * value, more than BATCH_MAX_VALUES values). */
bool batch_vary_parse(struct batch_vary *v, const char *text);

/* Whether any field is varied. */
bool batch_varied(const struct batch_vary *v);

/* How many runs one household makes: the product of the counts (1 when nothing
 * is varied). */
size_t batch_vary_count(const struct batch_vary *v);

/* Run k's value of each varied field into s (a parsed scenario, changed as if
 * its JSON said so). SW_ERR_INVALID naming "job.loonwaarde" when loonwaarde is
 * varied and the scenario has no loonwaarde periods. */
sw_status batch_vary_apply(const struct batch_vary *v, size_t k, struct sw_scenario *s,
                           struct sw_err *err) __attribute__((warn_unused_result));

/* {"hours_per_week": 16, "loonwaarde": 35} of run k; nothing when nothing is
 * varied. */
void batch_vary_json(struct sbuf *b, const struct batch_vary *v, size_t k);

/* The summary line of one run (--summary), without a newline:
 *   {"line", ["variant",] "start_month", "months", "job_start", "average_gain",
 *    "total_gain", "gain_after_switch", "loss_months", "break_even",
 *    "recoveries", "recoveries_total", "voorlopig", "projected"}
 * (README.md, "switchsim batch"). */
void batch_summary(struct sbuf *b, long line, const struct batch_vary *v, size_t k,
                   const struct sw_scenario *s, const struct sw_timeline *tl);

#endif
