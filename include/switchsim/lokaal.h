/* lokaal.h - what a municipality gives residents with a low income (its
 * minimaregelingen), from its own table (tables/gemeenten/<name>.xml):
 *
 *   iit             individuele inkomenstoeslag (Participatiewet art. 36): a yearly
 *                   amount by household after a waiting period at a low income;
 *   kwijtschelding  the gemeentelijke belastingen that need not be paid (a yearly
 *                   amount by one- or more-person household);
 *   lokale_pas      a city pass or meedoenregeling: a yearly value per adult and
 *                   per child;
 *   gemeentepolis   the collectieve zorgverzekering: what the municipality pays of
 *                   the premium, per month per insured adult.
 *
 * Each scheme has an income limit: the bijstandsnorm plus a percentage of it
 * (gemeente.<scheme>.limit_above_norm_percent: 10 = a limit of 110 % of the
 * norm). The income it is tested against is the engine's (engine_lokaal.c). A
 * scheme whose table has no limit is not tested; a scheme with a limit but no
 * amount is tested and its loss reported without an amount. Every figure comes
 * from the table; nothing is invented for a municipality that lacks it.
 */
#ifndef SWITCHSIM_LOKAAL_H
#define SWITCHSIM_LOKAAL_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

enum sw_local_scheme {
    SW_LOCAL_IIT,
    SW_LOCAL_KWIJTSCHELDING,
    SW_LOCAL_PAS,
    SW_LOCAL_ZORGPOLIS,
    SW_LOCAL__COUNT
};

/* "iit", "kwijtschelding", "lokale_pas", "gemeentepolis". */
const char *sw_local_scheme_name(enum sw_local_scheme k);
/* Plain Dutch: "individuele inkomenstoeslag", ... */
const char *sw_local_scheme_label(enum sw_local_scheme k);

struct sw_local_household {
    bool couple;                   /* two adults */
    bool single_parent;
    int children;
};

/* One scheme as the municipality's table gives it on a date, for a household. */
struct sw_local_terms {
    bool tested;                   /* the table has an income limit for it */
    int64_t above_ppm;             /* the limit: norm + this share of it (ppm) */
    int64_t limit;                 /* cents per month: norm + above_ppm x norm, half up
                                    * (the norm without vakantietoeslag) */
    bool value_known;              /* the table gives what it is worth */
    int64_t year_value;            /* cents per year for this household */
    int64_t month_value;           /* what one month is worth (IIT: 0, paid once a year) */
    int64_t waiting_months;        /* IIT: months at a low income before it is paid */
    int64_t months_per_year;       /* gemeente.lokaal.months_per_year */
    bool entered;                  /* the limit or the value is the user's own
                                    * (an override, scenario "overrides") */
};

/* The income limit of a scheme in cents per month: the norm (without
 * vakantietoeslag) plus above_ppm of it, that share rounded half up to cents. */
int64_t sw_local_limit(int64_t norm, int64_t above_ppm);

/* The terms of scheme k on `date` for household h and the month's bijstandsnorm
 * without vakantietoeslag (cents: what the bijstand pays monthly without other
 * income). A parameter the municipality's table (and the
 * defaults) lack leaves the scheme untested or its value unknown; never an
 * error. Fails only on a tables problem (a value of the wrong unit). */
sw_status sw_local_terms(const struct sw_ctx *c, enum sw_local_scheme k, sw_date date,
                         const struct sw_local_household *h, int64_t norm,
                         struct sw_local_terms *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
