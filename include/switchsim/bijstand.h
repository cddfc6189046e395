/* bijstand.h - Participatiewet algemene bijstand: the norm by household, age and
 * kostendelende medebewoners (art. 20-22a), the inkomstenvrijlating (art. 31 lid 2
 * onder n, r and y, lid 5) and the aanvullende bijstand that results (art. 19), of
 * which the vakantietoeslag is reserved and paid once a year (art. 19 lid 3, 45).
 *
 * Every amount, percentage, age and duration comes from tables/participatiewet.xml
 * (and aow.xml); all amounts are eurocents per calendar month, norms include the
 * vakantietoeslag. The functions are pure and keep no state: the month engine calls
 * them once per month with that month's date and facts.
 *
 * Not modelled (documented in the tables): art. 20 lid 3 (2026 supplement for
 * 18-20-year-olds who cannot rely on their parents), art. 22a lid 4 (mantelzorg
 * elsewhere), art. 23 (inrichting), art. 24 (a spouse without a right to bijstand),
 * and the aanspraak op
 * vakantietoeslag over income (art. 31 lid 4).
 */
#ifndef SWITCHSIM_BIJSTAND_H
#define SWITCHSIM_BIJSTAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"
#include "switchsim/wml.h"   /* SW_NO_DATE */

/* Input sanity limits (not legal values): more kostendelende medebewoners than
 * this is taken for a typing error; it also keeps B x (40 + 30 x A) inside int64
 * for any B up to SW_MONEY_MAX. The month index is at most 100 years. */
#define SW_BIJSTAND_MAX_COST_SHARERS 50
#define SW_BIJSTAND_MAX_MONTH_INDEX 1200

enum sw_household_kind {
    SW_HOUSEHOLD_SINGLE,         /* alleenstaande */
    SW_HOUSEHOLD_SINGLE_PARENT,  /* alleenstaande ouder */
    SW_HOUSEHOLD_COUPLE          /* gehuwden (or a gezamenlijke huishouding, art. 3) */
};

/* How the facts are named in error messages. NULL in the facts means the
 * scenario's JSON paths ("household.birth_date", ...); the CLI passes its options
 * ("--birth-date", ...). All strings are literals owned by the caller. */
struct sw_bijstand_fields {
    const char *date;
    const char *household;
    const char *birth;
    const char *partner_birth;
    const char *cost_sharers;
    const char *housemate_birth;
    const char *youngest_child_birth;
    const char *income;
    const char *month_index;
};

/* What the norm and the vrijlating depend on, as of the month's date. */
struct sw_household_facts {
    enum sw_household_kind composition;
    sw_date birth;                 /* the resident; SW_NO_DATE = an adult of 27 or
                                    * older below the AOW age */
    sw_date partner_birth;         /* couple only; SW_NO_DATE as for birth */
    int cost_sharers;              /* kostendelende medebewoners already judged to
                                    * count (art. 19a lid 1), 0..MAX_COST_SHARERS */
    const sw_date *housemate_births; /* other adults in the home: each counts as a
                                    * kostendelende medebewoner from the table age
                                    * (27) on; may be NULL when n_housemates is 0 */
    size_t n_housemates;
    sw_date youngest_child_birth;  /* SW_NO_DATE = no child; a child counts as ten
                                    * laste komend below the table age (18) */
    bool medical_hour_limit;       /* medisch urenbeperkt (art. 6b) */
    bool lks_doelgroep;            /* works in a dienstbetrekking with loonkostensubsidie
                                    * (art. 10d lid 1 or 2): onder z and aa */
    bool lks_no_more_hours;        /* the college judges more hours not possible: onder aa */
    const struct sw_bijstand_fields *fields; /* NULL = scenario JSON paths */
};

/* Facts for a single adult without children or housemates. */
void sw_household_facts_init(struct sw_household_facts *f);

/* "single" | "single_parent" | "couple" -> kind. SW_ERR_INVALID naming `field` for
 * any other text. */
sw_status sw_household_parse(enum sw_household_kind *out, const char *text, const char *field,
                             struct sw_err *err) __attribute__((warn_unused_result));
/* The name as parsed above; never NULL. */
const char *sw_household_name(enum sw_household_kind kind);

/* The applicable norm and what it was derived from. */
struct sw_bijstand_norm {
    int64_t norm;          /* cents per month, incl. vakantietoeslag */
    const char *article;   /* literal: "art. 21 onder a", "art. 22a lid 1 en 2", ... */
    int age;               /* -1: no birth date given */
    int partner_age;       /* -1: no partner or no birth date */
    bool aow;              /* the resident has reached the AOW age */
    bool partner_aow;
    bool children;         /* a ten laste komend kind (art. 4 lid 1) */
    int cost_sharers;      /* kostendelende medebewoners counted in total */
    int persons_a;         /* A of art. 22a lid 1; 0 when art. 22a does not apply */
    sw_date same_from, same_to; /* the dates around `date` (same_from <= d <
                            * same_to) on which the same facts give this norm
                            * but for age and partner_age, with the same values
                            * looked up while those hold */
};

/* The norm of art. 20, 21, 22 or 22a on `date` for the facts. Youth norms for 18,
 * 19 and 20; the couple norm of art. 22 when one or both partners have reached the
 * AOW age (sw_aow_reached); the kostendelersnorm B x (40 + 30 x A) / (100 x A),
 * rounded half up to cents per person, summed per spouse (art. 22a lid 2), plus the
 * fixed amount of lid 3 for a young spouse. Fills *out only on success.
 * SW_ERR_INVALID naming the field for facts that are out of range (a birth date
 * after `date`, an age below 18, negative or absurd cost sharers, a partner date
 * without a couple); SW_ERR_NO_VALUE naming the parameter when the tables lack
 * `date`. tr (may be NULL) gets the rule, the formula in Dutch and every value. */
sw_status sw_bijstand_norm(const struct sw_ctx *c, sw_date date,
                           const struct sw_household_facts *f, struct sw_bijstand_norm *out,
                           struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Whether a housemate born on `birth` counts as a kostendelende medebewoner on
 * `date` by age (art. 19a lid 1: 27 or older since 2023). The other exclusions of
 * art. 19a (commercial tenants, students) are for the caller to judge. */
sw_status sw_bijstand_cost_sharer_counts(const struct sw_ctx *c, sw_date date, sw_date birth,
                                         bool *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

enum sw_vrijlating_kind {
    SW_VRIJLATING_NONE,
    SW_VRIJLATING_N,   /* art. 31 lid 2 onder n: 25 %, 6 months, 27+ */
    SW_VRIJLATING_R,   /* onder r: single parent, child < 12, 12.5 %, 30 months after n */
    SW_VRIJLATING_Y,   /* onder y: medisch urenbeperkt, 15 %, no end, unless n applies */
    SW_VRIJLATING_Z,   /* onder z: doelgroep LKS, 15 %, 12 months after n, unless y */
    SW_VRIJLATING_AA   /* onder aa: doelgroep LKS after z, no end, when more hours are not
                        * possible (the college's judgment) */
};

/* "n", "r", "y", "z", "aa"; NULL for SW_VRIJLATING_NONE. */
const char *sw_vrijlating_kind_name(enum sw_vrijlating_kind kind);

struct sw_vrijlating {
    enum sw_vrijlating_kind kind;
    int64_t amount;        /* cents not counted as middelen this month */
    int64_t percent;       /* ppm of net income from work; 0 for none */
    int64_t max;           /* cents per month; 0 for none */
    int months_left;       /* months after this one in which this kind can still
                            * apply; -1 when it has no end or for none */
    const char *why;       /* literal, Dutch: why this kind (or none) applies */
    int same_from, same_to; /* the month indexes that give this answer (but for
                            * months_left) with the same values looked up, for
                            * the same facts, income and date */
};

/* The inkomstenvrijlating for the month (see also onder z and aa below) in which the resident has net income from
 * work `net_income_from_work` (cents, >= 0) and which is the `month_index`-th month
 * with income from work (1 = the first; 0 = no income from work: none). In the
 * order of the law: n for those of 27 or older (art. 31 lid 5) in months 1..6, or
 * in any month from the AOW age on; otherwise y when medisch urenbeperkt (y applies
 * "tenzij onderdeel n van toepassing is"; r yields to y); otherwise r for a single
 * parent of 27 or older with a child under 12 in months 7..36. The amount is the
 * percentage of the income rounded half up to cents, at most the maximum. Fills
 * *out only on success; errors as sw_bijstand_norm(), the month index and income
 * named by their fields. */
sw_status sw_vrijlating(const struct sw_ctx *c, sw_date date, const struct sw_household_facts *f,
                        int64_t net_income_from_work, int month_index, struct sw_vrijlating *out,
                        struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The amount of a vrijlating of `percent` (ppm) with maximum `max` on net income
 * from work `income`, as sw_vrijlating() computes it from the percentage and
 * maximum it looked up: the share rounded half up to cents, at most the maximum. */
int64_t sw_vrijlating_share(int64_t income, int64_t percent, int64_t max);

/* The sums of sw_bijstand_entitled() (see there) from the norm's amount, the
 * net income from work, its vrijlating, the other net income and the
 * vakantietoeslag percentage (ppm) it looked up: for a caller that keeps the
 * values looked up (engine_kept.c) and asks again with other incomes. */
struct sw_bijstand_sums {
    int64_t counted_income;
    int64_t entitled;
    int64_t monthly_payment;
    int64_t holiday_allowance_reserve;
};
void sw_bijstand_sum(int64_t norm, int64_t work, int64_t vrijlating, int64_t other,
                     int64_t holiday_allowance_percent, struct sw_bijstand_sums *out);

/* The result of one month. */
struct sw_bijstand {
    int64_t norm;                      /* cents, incl. vakantietoeslag */
    int64_t net_income_from_work;
    int64_t other_net_income;          /* counted in full (no vrijlating) */
    int64_t vrijlating;
    int64_t counted_income;            /* work - vrijlating + other */
    int64_t entitled;                  /* norm - counted income, not below 0 */
    int64_t monthly_payment;           /* entitled x (100 - VT) %, half up */
    int64_t holiday_allowance_reserve; /* entitled - monthly payment */
    int64_t holiday_allowance_percent; /* ppm */
    int holiday_allowance_month;       /* 1..12: when the reserve is paid out */
    struct sw_bijstand_norm norm_detail;
    struct sw_vrijlating vrijlating_detail;
};

/* One trace per figure, for `explain` and the web page. */
struct sw_bijstand_traces {
    struct sw_trace norm;
    struct sw_trace vrijlating;
    struct sw_trace entitled;
    struct sw_trace payment;
};

/* The aanvullende bijstand for a month (art. 19 lid 1 en 2 with art. 31 lid 2):
 * norm - (net income from work - vrijlating + other net income), not below zero,
 * in cents; then split into the monthly payment and the vakantietoeslag reserved
 * (art. 19 lid 3; percentage and month of payment, art. 45 lid 1, from the
 * tables). Fills *out only on success; errors as sw_vrijlating(). tr may be NULL;
 * its traces are overwritten. */
sw_status sw_bijstand_entitled(const struct sw_ctx *c, sw_date date,
                               const struct sw_household_facts *f, int64_t net_income_from_work,
                               int64_t other_net_income, int month_index, struct sw_bijstand *out,
                               struct sw_bijstand_traces *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* sw_bijstand_entitled() with the norm `norm` that sw_bijstand_norm() gave for
 * the same date and facts (a caller that keeps it from month to month,
 * engine_kept.c): the same answer and the same lookups after the norm's. NULL,
 * or a trace asked for: the norm is computed (and traced) here. */
sw_status sw_bijstand_entitled_on_norm(const struct sw_ctx *c, sw_date date,
                                       const struct sw_household_facts *f,
                                       const struct sw_bijstand_norm *norm,
                                       int64_t net_income_from_work, int64_t other_net_income,
                                       int month_index, struct sw_bijstand *out,
                                       struct sw_bijstand_traces *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
