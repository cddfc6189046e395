/* whatif.h - the what-ifs on a scenario as core use cases, plain structs in and
 * plain structs out: the employer's what-if per loonwaarde (and per hours) and the
 * municipality's business case. Each builds its lookup context with
 * sw_scenario_ctx() and nothing else; the CLI and the CGI parse, call one of these
 * and render. Amounts in cents, rates in ppm, hours in hundredths.
 *
 * Memory: sw_employer_whatif() and sw_municipality_whatif() allocate their result;
 * release it with the matching _free(), which accepts NULL. Table strings in a
 * result (sources, ids) are owned by the table set and stay valid until
 * sw_tables_free(). */
#ifndef SWITCHSIM_WHATIF_H
#define SWITCHSIM_WHATIF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/date.h"
#include "switchsim/employer.h"
#include "switchsim/err.h"
#include "switchsim/scenario.h"
#include "switchsim/tables.h"

#define SW_WHATIF_MAX_LOONWAARDE 8
#define SW_WHATIF_MAX_HOURS 8
#define SW_WHATIF_LABEL_MAX 64     /* a label or product name, with its NUL */

/* --- the employer's what-if --- */

/* One loonwaarde to try: measured (no forfait), with LKS. */
struct sw_whatif_loonwaarde {
    int64_t percent;                     /* ppm, 0..SW_PPM_ONE */
    char label[SW_WHATIF_LABEL_MAX];     /* as the user wrote it ("17"); "" = formatted */
};

/* One number of hours per week to run the whole what-if for. */
struct sw_whatif_hours {
    int64_t hours_x100;                  /* SW_LKS_MIN_HOURS..SW_LKS_MAX_HOURS */
    char label[16];                      /* as the user wrote it ("24.5"); may be "" */
};

struct sw_employer_whatif_input {
    struct sw_whatif_loonwaarde loonwaarde[SW_WHATIF_MAX_LOONWAARDE];
    size_t n_loonwaarde;                 /* 0..SW_WHATIF_MAX_LOONWAARDE */
    /* 0 = one block for the scenario's own hours; else one block per entry, each
     * with the scenario's job at those hours. */
    struct sw_whatif_hours hours[SW_WHATIF_MAX_HOURS];
    size_t n_hours;
    /* The loonkostenvoordeel claimed. Not given: banenafspraak when the person is
     * in the doelgroepregister (beschut werk, banenafspraak), else none. */
    bool lkv_given;
    enum sw_lkv_kind lkv;
    bool government;                     /* overheidswerkgever (Ufo) */
    bool awf_high;                       /* AWf hoog (no written permanent contract) */
    bool aof_high;                       /* Aof hoog (not a small employer) */
};

/* The defaults: the loonwaarden 20, 35, 50, 65 and 80 % (a spread over the range,
 * not a legal value), the scenario's hours, the LKV by the job kind, a market
 * employer with AWf and Aof laag. */
void sw_employer_whatif_init(struct sw_employer_whatif_input *in);

/* Replace the loonwaarden with "17,30,50": up to SW_WHATIF_MAX_LOONWAARDE
 * percentages from 0 to 100 (up to 4 decimals), each labelled with its text.
 * SW_ERR_INVALID with field "loonwaarde" on an empty item, too many items or a
 * value out of range; `in` is then unchanged. */
sw_status sw_employer_whatif_parse_loonwaarde(struct sw_employer_whatif_input *in,
                                              const char *text, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Set the LKV from its name (sw_lkv_kind_name()). SW_ERR_INVALID with field "lkv"
 * for an unknown name; `in` is then unchanged. */
sw_status sw_employer_whatif_parse_lkv(struct sw_employer_whatif_input *in, const char *text,
                                       struct sw_err *err) __attribute__((warn_unused_result));

/* One employed month of a variant: the month and the employer's figures
 * (sw_employer_month(): gross, holiday pay, premiums, charges, labour cost, LKS in
 * em.lks.total, LKV, net cost, hours, productive hours, cost per productive hour
 * (-1 = none), no-risk polis). */
struct sw_employer_whatif_month {
    sw_month month;
    struct sw_employer_month em;
};

/* Sums over the employed months of a variant, and the averages for display (half
 * up to a cent: ratios, not legal amounts). The averages are 0 when months is 0;
 * cost_per_productive_hour is 0 when productive_hours_x100 is 0. */
struct sw_employer_whatif_totals {
    int months;                          /* employed months in the horizon */
    int64_t gross_wage, holiday_pay, charges, labour_cost, lks, lkv, net_cost;
    int64_t hours_x100, productive_hours_x100;
    int64_t average_labour_cost, average_lks, average_net_cost;
    int64_t cost_per_productive_hour;    /* net cost per productive hour, cents */
};

struct sw_employer_whatif_variant {
    bool plan;                           /* the scenario's own loonwaarde periods */
    int64_t loonwaarde;                  /* ppm of a tried loonwaarde; -1 for the plan */
    char label[SW_WHATIF_LABEL_MAX];     /* "plan", or the loonwaarde's label */
    bool lks;                            /* LKS counted (the plan: only with loonwaarde periods) */
    struct sw_employer_whatif_month months[SW_SCENARIO_MAX_MONTHS];  /* employed only */
    int nmonths;
    struct sw_employer_whatif_totals totals;
};

/* What a block assumed, for the output. */
struct sw_employer_whatif_assumptions {
    enum sw_job_kind job_kind;
    sw_date start;
    int64_t hours_x100;                  /* hours per week of this block */
    int64_t hourly_wage;                 /* cents; 0 = the minimum wage for the age */
    enum sw_lkv_kind lkv;
    bool government, awf_high, aof_high;
    bool doelgroepregister;              /* beschut werk or banenafspraak: no-risk polis */
};

/* The what-if for one number of hours: the plan first, then one variant per
 * loonwaarde in the order given. */
struct sw_employer_whatif_block {
    char hours_label[16];                /* the hours entry's label ("" without hours) */
    struct sw_employer_whatif_assumptions assumptions;
    struct sw_employer_whatif_variant variants[1 + SW_WHATIF_MAX_LOONWAARDE];
    size_t nvariants;
    struct sw_used used;                 /* every table value this block used */
};

struct sw_employer_whatif {
    bool per_hours;                      /* the input named hours: one block per entry */
    struct sw_employer_whatif_block *blocks;
    size_t nblocks;
    char tables_version[16];
    char tables_sha256[65];
};

/* The employer's what-if for the job of scenario s on tables t, over the
 * scenario's months: per variant and employed month, sw_employer_month() with the
 * variant's loonwaarde (the plan: the scenario's periods with LKS, or 100 % without
 * LKS when it has none), and the totals. *out is allocated; release with
 * sw_employer_whatif_free(). On failure *out is NULL and err names the problem:
 * SW_ERR_INVALID for a bad input or job fact, SW_ERR_NO_VALUE naming a parameter
 * and date the tables lack (strict scenario), SW_ERR_NOMEM. */
sw_status sw_employer_whatif(struct sw_employer_whatif **out, const struct sw_tables *t,
                             const struct sw_scenario *s,
                             const struct sw_employer_whatif_input *in, struct sw_err *err)
    __attribute__((warn_unused_result));

void sw_employer_whatif_free(struct sw_employer_whatif *w);

/* --- the municipality's business case --- */

struct sw_municipality_whatif_input {
    /* Priced products of the municipal tables (see sw_muni_product in employer.h):
     * before = while on dagbesteding, after = while employed. Names [a-z0-9_]. */
    char before[SW_MUNI_MAX_PRODUCTS][SW_WHATIF_LABEL_MAX];
    size_t n_before;
    char after[SW_MUNI_MAX_PRODUCTS][SW_WHATIF_LABEL_MAX];
    size_t n_after;                      /* n_before + n_after <= SW_MUNI_MAX_PRODUCTS */
    int dagdelen_after;                  /* dagdelen per week kept while working, 0..10 */
    /* Count no LKS even when the job has loonwaarde periods (without them there is
     * never LKS). */
    bool without_lks;
    /* Prices the user gives (struct sw_muni_price in employer.h): "dagbesteding"
     * per dagdeel, a product per month for this job. */
    char price_names[SW_MUNI_MAX_PRODUCTS + 1][SW_WHATIF_LABEL_MAX];
    int64_t price_amounts[SW_MUNI_MAX_PRODUCTS + 1];
    size_t n_prices;
};

/* No products, no dagdelen kept, LKS as the scenario plans it. */
void sw_municipality_whatif_init(struct sw_municipality_whatif_input *in);

/* Replace the before (after = false) or after products with "a,b": names of
 * [a-z0-9_], at most SW_MUNI_MAX_PRODUCTS; "" = none. The after list also checks
 * the total with the before list, so parse the before list first. SW_ERR_INVALID
 * with field "before" or "after"; `in` is then unchanged. */
sw_status sw_municipality_whatif_parse_products(struct sw_municipality_whatif_input *in,
                                                bool after, const char *text,
                                                struct sw_err *err)
    __attribute__((warn_unused_result));

/* Set the user's prices from "dagbesteding:51.20,jobcoach:300": a product name
 * ([a-z0-9_]) and euros ("." for decimals), at most SW_MUNI_MAX_PRODUCTS + 1, each
 * name once. SW_ERR_INVALID with field "prices"; `in` is then unchanged. */
sw_status sw_municipality_whatif_parse_prices(struct sw_municipality_whatif_input *in,
                                              const char *text, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Set the dagdelen per week kept while working from "2" (a whole number 0..10).
 * SW_ERR_INVALID with field "dagdelen_after"; `in` is then unchanged. */
sw_status sw_municipality_whatif_parse_dagdelen(struct sw_municipality_whatif_input *in,
                                                const char *text, struct sw_err *err)
    __attribute__((warn_unused_result));

struct sw_municipality_whatif {
    char municipality[64];               /* the scenario's, or "default" */
    bool lks;                            /* LKS counted */
    int dagdelen_before, dagdelen_after;
    /* Per month cost before and after, totals, break-even month, the dagdeel price
     * and each product's price with its source (sw_municipality_case()). The
     * product names point into product_names below: do not copy this struct. */
    struct sw_muni_case mcase;
    char product_names[SW_MUNI_MAX_PRODUCTS][SW_WHATIF_LABEL_MAX];
    char price_names[SW_MUNI_MAX_PRODUCTS + 1][SW_WHATIF_LABEL_MAX];   /* the user's */
    struct sw_used used;                 /* every table value used, the engine run's too */
    char tables_version[16];
    char tables_sha256[65];
};

/* The municipality's business case for scenario s on tables t: the bijstand paid
 * per month with and without the job from the month engine (sw_simulate(); a
 * bijstand recovery counts in the month it was paid), then
 * sw_municipality_case() with the scenario's dagdelen and job. *out is allocated;
 * release with sw_municipality_whatif_free(). On failure *out is NULL and err
 * names the problem: SW_ERR_INVALID, SW_ERR_NO_VALUE naming a price or parameter
 * the tables lack, SW_ERR_NOMEM. */
sw_status sw_municipality_whatif(struct sw_municipality_whatif **out,
                                 const struct sw_tables *t, const struct sw_scenario *s,
                                 const struct sw_municipality_whatif_input *in,
                                 struct sw_err *err) __attribute__((warn_unused_result));

void sw_municipality_whatif_free(struct sw_municipality_whatif *w);

#endif
