/* employer.h - the employer's month (wage, vakantiebijslag, premies, LKS received,
 * loonkostenvoordeel, net cost per productive hour) and the municipality's
 * business case (cost before against cost after, cumulative, break-even month).
 * Amounts in cents, rates in ppm, hours in hundredths. Nothing here allocates. */
#ifndef SWITCHSIM_EMPLOYER_H
#define SWITCHSIM_EMPLOYER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/lks.h"
#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* Loonkostenvoordeel (Wet tegemoetkomingen loondomein) the employer claims. */
enum sw_lkv_kind {
    SW_LKV_NONE = 0,
    SW_LKV_BANENAFSPRAAK,       /* doelgroep banenafspraak / scholingsbelemmerden */
    SW_LKV_ARBEIDSGEHANDICAPT,  /* arbeidsgehandicapte werknemer */
    SW_LKV_HERPLAATST           /* herplaatsen arbeidsgehandicapte werknemer */
};

/* "none", "banenafspraak", "arbeidsgehandicapt", "herplaatst"; parse returns false
 * for an unknown name. */
const char *sw_lkv_kind_name(enum sw_lkv_kind k);
bool sw_lkv_kind_parse(const char *name, enum sw_lkv_kind *out);

struct sw_employer_input {
    /* Hours, wage, start/end and loonwaarde periods (required: they give the
     * productive hours; a job without LKS passes one period {start, 100 %}). */
    struct sw_lks_job job;
    bool lks;                   /* the municipality pays loonkostensubsidie */
    bool government;            /* overheidswerkgever: pays Ufo ("market" is the default) */
    bool awf_high;              /* no written permanent contract: AWf hoog (default laag) */
    bool aof_high;              /* not a small employer: Aof hoog (default laag) */
    int64_t whk_rate;           /* the employer's own Whk rate in ppm; < 0 = table average */
    enum sw_lkv_kind lkv;
    bool doelgroepregister;     /* banenafspraak or beschut werk: no-risk polis applies */
};

struct sw_employer_month {
    int days;                   /* days employed in the month */
    int64_t gross_wage;         /* wage for the month (part month by days) */
    int64_t holiday_pay;        /* vakantiebijslag accrued on it (cost, paid in May) */
    int64_t premieloon;         /* gross + holiday pay */
    int64_t awf, aof, kinderopvang, whk, ufo, zvw;  /* employer premiums */
    int64_t charges;            /* their sum */
    int64_t labour_cost;        /* gross + holiday pay + charges */
    struct sw_lks_month lks;    /* LKS received (lks.total) */
    int64_t lkv;                /* loonkostenvoordeel accrued this month */
    int lkv_paid_year;          /* the year the LKV is paid out (the next calendar year) */
    int64_t net_cost;           /* labour_cost - lks.total - lkv */
    int64_t hours_x100;         /* paid hours in the month */
    int64_t productive_hours_x100;  /* hours x loonwaarde */
    int64_t cost_per_productive_hour;  /* net_cost per productive hour; -1 = none */
    bool no_risk_polis;         /* Ziektewet art. 29b: sickness benefit to the employer */
};

/* The employer's month `month` for `in`: gross wage for the hours (the minimum
 * wage for the age when in->job.hourly_wage is 0), vakantiebijslag accrued, the
 * premies werknemersverzekeringen on the premieloon up to the maximum (AWf laag or
 * hoog, Aof laag or hoog plus the kinderopvang opslag, Whk, Ufo for government),
 * the werkgeversheffing Zvw, the LKS received (sw_lks_month), the LKV accrued (per
 * hour, at most the yearly maximum pro rata, within its duration) and the net cost
 * per productive hour. A month outside the employment gives zeros. Errors as
 * sw_lks_month; SW_ERR_NO_VALUE naming a premium for a year not in the tables. */
sw_status sw_employer_month(const struct sw_ctx *c, sw_month month,
                            const struct sw_employer_input *in, struct sw_employer_month *out,
                            struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* --- the municipality's business case --- */

#define SW_MUNI_MAX_MONTHS 120
#define SW_MUNI_MAX_PRODUCTS 8

/* A priced product in the municipal tables, by name NAME:
 *   gemeente.NAME.price_per_month   eurocent per month, or
 *   gemeente.NAME.price_per_year    eurocent per year (/ months per year);
 *   gemeente.NAME.max_months        optional: only the first so many months;
 *   gemeente.NAME.reference_hours   optional: the price is for so many hours per
 *                                   week and scales with the contract hours.
 * Dagbesteding is priced per dagdeel: gemeente.NAME.price_per_dagdeel. */
struct sw_muni_product {
    const char *name;           /* not owned */
    int64_t month_price;        /* per month at the first month it ran (cents) */
    int64_t total;              /* over the horizon */
    bool after;                 /* a cost of the situation with the job */
    struct sw_value_info price; /* the price used, with its source (first month) */
};

/* A price the user gives, instead of the table's or where the table has none
 * (issue 20: every municipality): for the dagbesteding product, per dagdeel; for
 * another product, per month for this job (no reference-hours scaling). */
struct sw_muni_price {
    const char *name;           /* product name, not owned */
    int64_t amount;             /* cents, >= 0 */
};

/* The source text of a user's price in every output. */
#define SW_MUNI_USER_SOURCE "zelf ingevuld"

struct sw_muni_input {
    sw_month first;             /* first month of the horizon */
    int months;                 /* 1..SW_MUNI_MAX_MONTHS */
    /* From the month engine: bijstand paid per month without and with the job. */
    const int64_t *bijstand_before;   /* [months] */
    const int64_t *bijstand_after;    /* [months] */
    /* Dagbesteding: product name (NULL = "dagbesteding"), dagdelen per week before the
     * job, and dagdelen per week kept while working (usually 0). */
    const char *dagbesteding;
    int dagdelen_before;
    int dagdelen_after;
    /* Other products: before = e.g. an ontwikkelarrangement while on dagbesteding,
     * counted from the first month; after = begeleiding, jobcoach, a traject from the
     * job start while employed. Names, not owned. */
    const char *const *before_products;
    size_t n_before;
    const char *const *after_products;
    size_t n_after;
    struct sw_lks_job job;      /* the job; LKS per month from sw_lks_month */
    bool lks;                   /* the municipality pays LKS */
    /* Prices the user gave (may be NULL); they win over the tables'. */
    const struct sw_muni_price *prices;
    size_t n_prices;
};

struct sw_muni_month {
    sw_month month;
    int64_t bijstand_before, dagbesteding_before, products_before, cost_before;
    int64_t bijstand_after, lks, dagbesteding_after, products_after, cost_after;
    int64_t saving;             /* cost_before - cost_after */
    int64_t cumulative_saving;
};

struct sw_muni_case {
    struct sw_muni_month months[SW_MUNI_MAX_MONTHS];
    int nmonths;
    int64_t dagdeel_price;      /* at the first month (0 when no dagdelen are used) */
    struct sw_value_info dagdeel_price_info;
    struct sw_muni_product products[SW_MUNI_MAX_PRODUCTS];
    size_t nproducts;
    int64_t total_before, total_after, total_saving;
    /* The first month, at or after the job's first month, from which the cumulative
     * saving is >= 0 in every remaining month of the horizon; -1 when none. */
    sw_month break_even;
    bool has_break_even;
};

/* The municipality's business case over in->months months. Per month: cost before
 * = bijstand before + dagbesteding (price per dagdeel x dagdelen per week x weeks
 * per year / months per year) + before products; cost after = bijstand after + LKS
 * (incl. werkgeverslasten) + dagbesteding and before products for the days not
 * employed + dagdelen kept while employed + after products for the days employed.
 * A price a municipality lacks is SW_ERR_NO_VALUE naming the parameter and the
 * municipality (c->municipality), never a zero. SW_ERR_INVALID for months out of
 * range, too many products, negative bijstand or dagdelen, or bad job facts. *out
 * is written only on success. */
sw_status sw_municipality_case(const struct sw_ctx *c, const struct sw_muni_input *in,
                               struct sw_muni_case *out, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
