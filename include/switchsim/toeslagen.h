/* toeslagen.h - zorgtoeslag and huurtoeslag on the year's toetsingsinkomen, and the
 * Awir rules they share: the toetsingsinkomen in whole euros, the year amount
 * rounded to whole euros, nothing below the minimum (Awir art. 8 and 14).
 *
 * Toeslagen are advances on the income of the whole calendar year: every function
 * here takes that year's income, whatever month it was earned in. All amounts are
 * int64_t eurocents; no function allocates. Each rule function fills the caller's
 * result struct only on success and, when `tr` is not NULL, a trace whose formula
 * is in Dutch words.
 */
#ifndef SWITCHSIM_TOESLAGEN_H
#define SWITCHSIM_TOESLAGEN_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* ---------------------------------------------------------------- Awir */

/* Annual gross components of one person's toetsingsinkomen (Awir art. 8: the
 * verzamelinkomen, or without an aangifte the fiscaal loon on the jaaropgaaf).
 * Each >= 0, cents. The month engine fills these; grossing up a net benefit is
 * the wages module's job, not this one's. */
struct sw_income_parts {
    int64_t wage;             /* gross wage (fiscaal loon) from all employers */
    int64_t holiday_pay;      /* vakantiebijslag paid in the year */
    int64_t benefit;          /* gross bijstand (or other benefit) paid in the year */
    int64_t benefit_holiday;  /* vakantietoeslag on the benefit paid in the year */
    int64_t other;            /* any other taxable income (WW, pension, ...) */
};

/* The toetsingsinkomen: the sum of the parts, rounded down to whole euros. Writes
 * *out (cents, a multiple of 100). SW_ERR_INVALID naming the part ("wage",
 * "holiday_pay", ...) when one is negative or over SW_MONEY_MAX. */
sw_status sw_toetsingsinkomen(const struct sw_income_parts *parts, int64_t *out,
                              struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The tegemoetkoming for a berekeningsjaar from its exact amount num / den cents
 * (den >= 1: 1 for a sum of monthly amounts, 12 for a sum of monthly claims on a
 * year basis): rounded half up to whole euros (Awir art. 14 "rekenkundig afgerond
 * op hele euro's"), and 0 when that is less than awir.min_year_amount on `date`
 * (art. 14: "niet toegekend indien deze minder dan € 24 zou bedragen"). Writes
 * *out in cents. SW_ERR_NO_VALUE when the tables lack the minimum. */
sw_status sw_awir_year_amount(const struct sw_ctx *c, sw_date date, int64_t num, int64_t den,
                              int64_t *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));
/* sw_awir_year_amount() with the minimum (awir.min_year_amount) given: no
 * lookup; the same answer and errors once the minimum is found. */
sw_status sw_awir_round(int64_t num, int64_t den, int64_t minimum, int64_t *out,
                        struct sw_err *err) __attribute__((warn_unused_result));

/* ---------------------------------------------------------- zorgtoeslag */

/* One month's situation (or the whole year's) for the zorgtoeslag. A zeroed
 * struct is a single insured adult with no vermogen check. */
struct sw_zorgtoeslag_facts {
    int64_t income;           /* toetsingsinkomen of the year, joint with a toeslagpartner */
    bool partner;             /* has a toeslagpartner (Wzt art. 2 lid 1 and 2) */
    bool partner_uninsured;   /* the partner is not a verzekerde: 50 % (art. 2 lid 4) */
    bool uninsured;           /* the applicant is not a verzekerde: no claim */
    sw_date birth;            /* applicant's birth date for the age-18 rule in the
                                 month functions; SW_NO_DATE (wml.h) = of age */
    bool vermogen_known;      /* false: the vermogensgrens is not checked (the
                                 scenario has no household.vermogen) */
    int64_t vermogen;         /* rendementsgrondslag on 1 January (joint with the
                                 partner), compared with zorgtoeslag.vermogensgrens.*;
                                 per month the partner limit follows the month's
                                 partner flag (Wzt art. 3 uses it only for the same
                                 partner all year: the caller decides) */
};

struct sw_zorgtoeslag {
    int year;
    int64_t income;           /* toetsingsinkomen used: whole euros (cents) */
    int64_t standaardpremie;  /* once, or twice with a partner */
    int64_t drempelinkomen;
    int64_t rate_drempel;     /* normpremie % of the drempelinkomen (ppm) */
    int64_t rate_above;       /* normpremie % above the drempelinkomen (ppm) */
    int64_t normpremie;       /* cents, half up */
    int64_t amount_exact;     /* the claim for the year before the Awir rounding, cents
                                 (after the 50 % for an uninsured partner) */
    int64_t year_amount;      /* Awir art. 14: whole euros; 0 below the minimum */
    int64_t month_amount;     /* monthly advance as the Belastingdienst pays it:
                                 year_amount / 12 rounded down to whole euros */
    int64_t minimum;          /* awir.min_year_amount */
    bool has_max_income;      /* false when no income limit exists for these facts */
    int64_t max_income;       /* the highest toetsingsinkomen (whole euros) that still
                                 gets at least the minimum, derived from the formula */
    bool vermogen_excluded;   /* no claim: vermogen over the vermogensgrens */
    int months;               /* months with a claim (12 for a whole year) */
};

/* The zorgtoeslag for a whole calendar year in one situation (Wzt art. 2):
 *   normpremie = rate_drempel x drempelinkomen + rate_above x (income - drempel)+,
 *   claim = standaardpremie (x2 with a partner) - normpremie, not below 0,
 *   x 50 % for an uninsured partner; then Awir art. 14.
 * Parameters on 1 January of `year`. f->birth and f->uninsured are ignored except
 * that uninsured gives 0. Also derives max_income. SW_ERR_INVALID naming "income"
 * or "vermogen" for a negative or too large amount; SW_ERR_NO_VALUE when the
 * tables lack the year. */
sw_status sw_zorgtoeslag_year(const struct sw_ctx *c, int year,
                              const struct sw_zorgtoeslag_facts *f, struct sw_zorgtoeslag *out,
                              struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The final zorgtoeslag of a year whose situation changes by month (Wzt art. 2
 * lid 5: the claim is determined per calendar month): months[0..11] are January to
 * December; a month counts 1/12 of the year formula for its own situation, and
 * counts not at all when the applicant is uninsured or not yet a verzekerde (18:
 * from the first day of the month after the month of the 18th birthday, Wzt art. 1
 * lid 1 onder c). The sum is rounded once (Awir art. 14). amount_exact is the sum
 * of the twelfths (cents, half up); the per-figure fields (standaardpremie,
 * normpremie, ...) are those of the last month with a claim; has_max_income is
 * false. Same failures as sw_zorgtoeslag_year, the field naming the month
 * ("months[3].income"). */
sw_status sw_zorgtoeslag_months(const struct sw_ctx *c, int year,
                                const struct sw_zorgtoeslag_facts months[12],
                                struct sw_zorgtoeslag *out, struct sw_trace *tr,
                                struct sw_err *err) __attribute__((warn_unused_result));

/* The parameters sw_zorgtoeslag_months_kept() looked up for one year, kept for
 * its next call in the same context: the values are in that context's record
 * of values used already (each was recorded when looked up), so a call that
 * takes them from here records what asking again would: nothing. Every
 * parameter is on 1 January and none depends on the income; those of a
 * situation (the vermogensgrens, the uninsured partner) are looked up when a
 * situation first needs them, where the plain call asks them. Zero it before
 * the first use; keep one per year and context (a simulation), no longer. */
struct sw_zorgtoeslag_kept {
    bool set;                 /* the year's parameters below are kept */
    int year;
    int64_t v[7];             /* the year's parameters (zorgtoeslag.c) */
    bool have[4];             /* the situation parameters kept */
    int64_t sit[4];
};

/* sw_zorgtoeslag_months() without a trace, through k: the same answer, errors
 * and values used. */
sw_status sw_zorgtoeslag_months_kept(const struct sw_ctx *c, struct sw_zorgtoeslag_kept *k,
                                     int year, const struct sw_zorgtoeslag_facts months[12],
                                     struct sw_zorgtoeslag *out, struct sw_err *err)
    __attribute__((warn_unused_result));

/* sw_zorgtoeslag_months_kept() with the same facts *f in all twelve months: the
 * same answer, errors and values used as twelve copies of *f. */
sw_status sw_zorgtoeslag_same_kept(const struct sw_ctx *c, struct sw_zorgtoeslag_kept *k,
                                   int year, const struct sw_zorgtoeslag_facts *f,
                                   struct sw_zorgtoeslag *out, struct sw_err *err)
    __attribute__((warn_unused_result));

/* ---------------------------------------------------------- huurtoeslag */

/* The household and the dwelling in one month. A zeroed struct (with income and
 * rent set) is a single adult below the AOW age, no service costs. */
struct sw_huurtoeslag_facts {
    int64_t income;           /* rekeninkomen: the year's joint toetsingsinkomens of
                                 huurder, partner and medebewoners (Wht art. 1 onder i) */
    int64_t rent;             /* kale huur per month (huurprijs) */
    int64_t service_costs;    /* subsidiable service costs per month (Wht art. 5 lid 3);
                                 capped by huurtoeslag.service_costs_max, 0 from 2026 */
    bool multi;               /* meerpersoonshuishouden (Wht art. 2 onder b) */
    int persons;              /* household size without onderhuurders; 0 = 1 when
                                 single, 2 when multi */
    sw_date birth;            /* birth date of the OLDEST member (the huurder when
                                 single); SW_NO_DATE = an adult below the AOW age.
                                 Used for art. 8 (18+), the youth limit of art. 13 and,
                                 in 2024, the AOW age of art. 2 and 21 */
    bool aow;                 /* a member has reached the AOW age (also on 1 January);
                                 added to what `birth` gives */
    bool child;               /* a (foster) child lives in the home (art. 13 lid 1 a 1) */
    bool handicap;            /* a member below the youth age has a handicap (art. 13
                                 lid 1 a 2) */
    bool adapted_dwelling;    /* the home is adapted for a handicap (art. 13 lid 2 a;
                                 2024: art. 21 lid 1 c 3) */
    bool earlier_toeslag;     /* huurtoeslag was granted before for this home
                                 (art. 13 lid 2 c) */
    bool partner;             /* has a toeslagpartner (Awir vermogensgrens) */
    bool vermogen_known;      /* false: the vermogensgrens is not checked (the
                                 scenario has no household.vermogen) */
    int64_t vermogen;         /* rendementsgrondslag on 1 January of huurder and
                                 partner, against awir.vermogensgrens.*; the
                                 medebewoners' own limits are not modelled */
};

enum sw_huurtoeslag_outcome {
    SW_HT_PAID = 0,           /* a toeslag */
    SW_HT_UNDER_AGE,          /* huurder not of age (art. 8) */
    SW_HT_VERMOGEN,           /* over the vermogensgrens (Awir art. 7 lid 3) */
    SW_HT_RENT_TOO_HIGH,      /* rekenhuur over the maximale huurgrens (art. 13, to 2025) */
    SW_HT_NOTHING_LEFT,       /* the basishuur or the afbouw leaves nothing */
    SW_HT_BELOW_MINIMUM       /* a whole year of it would be under the Awir minimum */
};

struct sw_huurtoeslag {
    enum sw_huurtoeslag_outcome outcome;
    const char *household_type;   /* "eenpersoons", "meerpersoons", "eenpersoonsouderen",
                                     "meerpersoonsouderen" (static string) */
    int persons;
    int64_t income;           /* rekeninkomen used: whole euros (cents) */
    int64_t service_costs;    /* service costs counted */
    int64_t rekenhuur;        /* rent + service costs counted (art. 5) */
    int64_t max_rent;         /* maximale huurgrens that applies (art. 13) */
    bool max_rent_excludes;   /* true: above it no toeslag; false: only capped */
    int64_t rent_subsidised;  /* rekenhuur after the cap of art. 13 lid 3 / 21 lid 1 d */
    int64_t mip;              /* minimum-inkomensijkpunt (per year) */
    int64_t normhuur;
    int64_t basishuur;        /* normhuur + opslag - verlaging eigen bijdrage */
    int64_t kwaliteitskortingsgrens;
    int64_t aftoppingsgrens;
    int64_t rate_band2;       /* ppm */
    int64_t rate_band3;       /* ppm; 0 where the 40 % band does not apply (2024) */
    int64_t part_100;         /* basishuur .. kwaliteitskortingsgrens, 100 % */
    int64_t part_65;          /* .. aftoppingsgrens, 65 % (rounded half up to cents) */
    int64_t part_40;          /* above the aftoppingsgrens, 40 % (half up) */
    int64_t afbouw;           /* 2026: (income - mip)+ x afbouw % / 12, half up */
    int64_t month_exact;      /* the entitlement for this month, cents */
    int64_t month_amount;     /* as paid: month_exact rounded down to whole euros; 0 when
                                 a whole year of it stays under the Awir minimum */
    int64_t year_amount;      /* this situation for a whole year: Awir art. 14 on
                                 12 x month_exact */
    int same_age_lo, same_age_hi; /* the oldest member's ages on the date (from `birth`)
                                 for which the same facts and the same values looked up
                                 give this same answer: lo <= age < hi (the rule
                                 compares the age with the minimum and the youth age
                                 only) */
};

/* The huurtoeslag for the month holding `date` (Wht art. 5, 8, 13 and 16-21, Wet
 * verlaging eigen bijdrage huurtoeslag art. 1), with the parameters in force on
 * `date`. A household that gets nothing is not an error: outcome says why and
 * every amount after the reason is 0. SW_ERR_INVALID naming "income", "rent",
 * "service_costs", "persons" or "vermogen" for a bad fact; SW_ERR_NO_VALUE naming
 * the parameter when the tables lack it (e.g. a provisional value overridden away). */
sw_status sw_huurtoeslag_month(const struct sw_ctx *c, sw_date date,
                               const struct sw_huurtoeslag_facts *f, struct sw_huurtoeslag *out,
                               struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* A Dutch phrase for an outcome ("geen huurtoeslag: de huur is hoger dan de
 * maximale huurgrens"), for output. Never NULL. */
const char *sw_huurtoeslag_outcome_text(enum sw_huurtoeslag_outcome o);

#endif
