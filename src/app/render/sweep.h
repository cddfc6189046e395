/* sweep.h - a scenario rerun for a range of hours per week or loonwaarde:
 * the resident's average monthly gain per step and the marginal rate between
 * steps (how much of each extra euro earned is lost to less bijstand, less
 * toeslagen and more tax: where the armoedeval bites). Rendered as a table, CSV,
 * JSON or a small SVG chart. Front end only; for `switchsim sweep` and the CGI. */
#ifndef SWITCHSIM_SWEEP_H
#define SWITCHSIM_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "switchsim/err.h"
#include "switchsim/scenario.h"
#include "switchsim/tables.h"

#define SWEEP_MAX_STEPS 500

/* What sweep_parse_range() accepts per field (hundredths), as the scenario parser
 * does; the parser checks each step again. */
#define SWEEP_HOURS_MIN_X100 100
#define SWEEP_HOURS_MAX_X100 4000
#define SWEEP_PERCENT_MIN_X100 0
#define SWEEP_PERCENT_MAX_X100 10000

enum sweep_kind {
    SWEEP_HOURS,       /* job.hours_per_week */
    SWEEP_LOONWAARDE   /* job.loonwaarde[*].percent, every period alike */
};

/* One run. Amounts in cents; averages per month of the horizon, rounded half up. */
struct sweep_step {
    int64_t value_x100;          /* hours or percent, in hundredths */
    int64_t gross_total;         /* gross wage + holiday pay over the horizon */
    int64_t gain_total;          /* timeline total_gain */
    int64_t gross_pay;           /* gross_total per month */
    int64_t safe_to_spend;       /* the switch, per month */
    int64_t baseline_safe_to_spend;
    int64_t average_gain;        /* timeline average_gain */
    int64_t lks;                 /* loonkostensubsidie to the employer, per month */
    size_t n_recoveries;
    int64_t recoveries_total;
    bool has_rate;               /* false for the first step and when the gross pay
                                  * did not change */
    int64_t marginal_ppm;        /* 1 - d gain / d gross pay, in ppm (may be < 0 or > 1) */
};

struct sweep {
    enum sweep_kind kind;
    int64_t from_x100, to_x100, step_x100;
    struct sweep_step steps[SWEEP_MAX_STEPS];
    size_t n;
    int months;
    sw_month start_month;
    char tables_version[16];
    char tables_sha256[65];
    struct sw_used used;         /* union of the values every step used */
};

/* Parse "FROM:TO:STEP" (decimals with at most 2 digits after the point) for
 * `option`, within [min_x100, max_x100], FROM <= TO, STEP > 0, at most
 * SWEEP_MAX_STEPS steps. SW_ERR_INVALID naming option otherwise. */
sw_status sweep_parse_range(const char *text, const char *option, int64_t min_x100,
                            int64_t max_x100, int64_t *from, int64_t *to, int64_t *step,
                            struct sw_err *err) __attribute__((warn_unused_result));

/* Rerun the scenario json[0..len) (already valid) once per step with the swept
 * field replaced, exactly as if the file said so (each variant goes through the
 * scenario parser); `strict` as --strict. *out must have kind, from, to and step set; fills the rest.
 * On failure err names the step ("--hours 44: job.hours_per_week: ...") and
 * *out's used list is released. Release a finished sweep with sweep_release(). */
sw_status sweep_run(struct sweep *out, const struct sw_tables *t, const char *json, size_t len,
                    const char *option, bool strict, struct sw_err *err) __attribute__((warn_unused_result));

void sweep_release(struct sweep *sw);

/* Renderings: a Dutch table, CSV for Dutch Excel, JSON, an SVG line chart. */
void sweep_render_table(FILE *f, const struct sweep *sw);
void sweep_render_csv(FILE *f, const struct sweep *sw);
/* {"version": 1, "sweep": {"field", "from", "to", "step"}, "start_month", "months",
 *  "tables": {...}, "steps": [{"value", "gross_pay", "safe_to_spend",
 *  "baseline_safe_to_spend", "average_gain", "total_gain", "marginal_rate", "lks",
 *  "recoveries", "recoveries_total"}]}; NULL when out of memory. */
cJSON *sweep_json(const struct sweep *sw);
void sweep_render_svg(FILE *f, const struct sweep *sw);

#endif
