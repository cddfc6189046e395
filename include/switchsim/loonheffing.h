/* loonheffing.h - loonbelasting/premie volksverzekeringen as a payer withholds it:
 * the witte maandtabel as the Belastingdienst's Rekenvoorschriften compute it, the
 * tabel bijzondere beloningen (e.g. vakantiebijslag), and the gross amount of a net
 * bijstand payment (bruteren, art. 19 lid 4 Participatiewet). Amounts in cents. */
#ifndef SWITCHSIM_LOONHEFFING_H
#define SWITCHSIM_LOONHEFFING_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/aow.h"
#include "switchsim/tables.h"
#include "switchsim/trace.h"

/* Flags for the `korting` argument. `true` means SW_LH_KORTING, so a bool may be
 * passed. */
#define SW_LH_KORTING 1u  /* this payer applies the loonheffingskorting */
#define SW_LH_AOK 2u      /* with SW_LH_KORTING at AOW age: also the
                           * alleenstaande-ouderenkorting (ignored below AOW age) */

/* One month's loonheffing by the witte maandtabel. Annual amounts are whole euros
 * (in cents); the kortingen are the ones applied, after capping at the tax. */
struct sw_lh_month {
    int64_t gross;               /* loon voor de loonheffing of the month (input) */
    int64_t table_wage;          /* the table row (tabelloon): table_wage_annual / 12, up */
    int64_t table_wage_annual;   /* L: gross x 12 rounded down to the table step */
    int64_t tax_annual;          /* tax on L by the brackets, before kortingen */
    int64_t ahk;                 /* algemene heffingskorting applied */
    int64_t arbeidskorting;      /* arbeidskorting applied */
    int64_t ouderenkorting;      /* AOW age only */
    int64_t aok;                 /* alleenstaande-ouderenkorting applied */
    int64_t loonheffing_annual;  /* tax_annual minus the kortingen */
    int64_t loonheffing;         /* withheld this month */
    int64_t arbeidskorting_month;/* verrekende arbeidskorting per month (table column) */
    int64_t net;                 /* gross - loonheffing */
    bool korting;                /* the loonheffingskorting was applied */
    bool aow_age;                /* the AOW tables were used */
    bool born_before_split;      /* AOW table for those born before 1946 */
    bool above_table;            /* wage above the table's last row (Lmax rule) */
};

/* Loonheffing on `gross` (a month's loon voor de loonheffing, cents, >= 0) paid on
 * `date`, by the witte maandtabel of that calendar year (Rekenvoorschriften voor de
 * geautomatiseerde loonadministratie par. 2.2), for someone born on `birth`
 * (SW_NO_DATE = below the AOW age). The AOW tables apply from the month in which the
 * AOW age is reached. `korting`: SW_LH_KORTING [| SW_LH_AOK] or 0. Fills *out.
 * SW_ERR_INVALID naming "gross" or "birth_date" for a negative or too large wage or
 * a birth date after `date`; SW_ERR_NO_VALUE naming the parameter when the tables
 * have no value for the date (e.g. outside 2024-2026). */
sw_status sw_loonheffing_month(const struct sw_ctx *c, sw_date date, int64_t gross,
                               sw_date birth, unsigned korting, struct sw_lh_month *out,
                               struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The loontijdvak of a table (Rekenvoorschriften par. 2.2.1 tabel 1b). */
enum sw_lh_tijdvak { SW_LH_MONTH, SW_LH_FOUR_WEEKS, SW_LH_WEEK };

/* As sw_loonheffing_month() for the wage of one pay period `tv`: the witte
 * vierweken- and weektabel are the annual calculation with their own
 * herleidingsfactor (loonheffing.table.periods_per_year[.four_weeks|.week]):
 * period wage x F2 is the annual wage, the year's tax / F2 the period's. The
 * fields named "month" in *out then hold the period's amounts. */
sw_status sw_loonheffing_period(const struct sw_ctx *c, sw_date date, int64_t gross,
                                sw_date birth, unsigned korting, enum sw_lh_tijdvak tv,
                                struct sw_lh_month *out, struct sw_trace *tr,
                                struct sw_err *err) __attribute__((warn_unused_result));

struct sw_lh_bijzonder {
    int64_t amount;        /* the bijzondere beloning (input) */
    int64_t annual_wage;   /* the jaarloon that selects the row, whole euros */
    int64_t rate;          /* the percentage applied, ppm */
    int64_t loonheffing;   /* amount x rate, rounded down to cents */
    int64_t net;           /* amount - loonheffing */
    bool korting;
    bool aow_age;          /* the AOW-age column was used */
    bool born_before_split;/* AOW-age column for those born before 1946 */
};

/* Loonheffing on a bijzondere beloning `amount` (e.g. vakantiebijslag) paid on
 * `date`, by the tabel bijzondere beloningen: the percentage of the row holding
 * `annual_wage` (the jaarloon of the previous calendar year, or the expected one
 * for a new employee, incl. bijzondere beloningen) applies to the whole amount.
 * With the loonheffingskorting the table's total percentage (standaardtarief +
 * verrekeningspercentage) of the column for the age group, chosen as the witte
 * tabel chooses its brackets: below the AOW age loonheffing.bijzonder, from the
 * month the AOW age is reached loonheffing.bijzonder.aow (born before 1946:
 * loonheffing.bijzonder.aow_before_1946); without it the bracket rate at the
 * jaarloon. `korting`: SW_LH_KORTING [| SW_LH_AOK] or 0. Fills *out.
 * SW_ERR_INVALID for negative amounts or a birth date after `date`;
 * SW_ERR_NO_VALUE naming the scale when the tables lack the column for the date
 * (the AOW-age columns before 2026) or the situation (the columns with the
 * alleenstaande-ouderenkorting, loonheffing.bijzonder.aow_aok[_before_1946], asked
 * for by SW_LH_AOK at AOW age, are not in the tables). */
sw_status sw_loonheffing_bijzonder(const struct sw_ctx *c, sw_date date, int64_t amount,
                                   int64_t annual_wage, sw_date birth, unsigned korting,
                                   struct sw_lh_bijzonder *out, struct sw_trace *tr,
                                   struct sw_err *err) __attribute__((warn_unused_result));

struct sw_lh_benefit {
    int64_t net;                /* the net benefit of the month (input) */
    int64_t gross;              /* the gross amount: net + loonheffing */
    int64_t loonheffing;        /* withheld by the payer (the municipality) */
    int64_t annual_wage;        /* gross x 12 in whole euros, rounded down */
    int64_t tax_annual;         /* tax on annual_wage by the brackets */
    int64_t kortingen_annual;   /* heffingskortingen applied (no arbeidskorting) */
};

/* The gross amount of a net benefit payment `net` (a month, cents) paid on `date`,
 * as the municipality grosses it up (art. 19 lid 4 Participatiewet): the gross
 * whose net after loonheffing is `net` (every net is reached; where two grosses
 * give it, the larger). The loonheffing on a gross g: annual wage g x 12 rounded
 * down to whole euros (no table step), the brackets rounded down per bracket, the
 * loonheffingskorting without arbeidskorting when `korting` says so (algemene
 * heffingskorting; at AOW age also the ouderenkorting, and the
 * alleenstaande-ouderenkorting with SW_LH_AOK), the year's tax / 12 half up to
 * cents. This reproduces the published 2024 gross amounts of bijstand (Zwolle,
 * WIL Lekstroom). The toetsingsinkomen of the toeslagen needs it. Fills *out.
 * SW_ERR_INVALID for a negative or too large net or a birth date after `date`;
 * SW_ERR_NO_VALUE as for sw_loonheffing_month(). */
sw_status sw_gross_from_net_benefit(const struct sw_ctx *c, sw_date date, int64_t net,
                                    sw_date birth, unsigned korting,
                                    struct sw_lh_benefit *out, struct sw_trace *tr,
                                    struct sw_err *err) __attribute__((warn_unused_result));

/* What one loonheffing calculation needs from the tables on a date, as
 * loonheffing.c looks it up (no caller reads or fills it). */
struct sw_lh_params {
    int64_t periods;                   /* herleidingsfactor F2 (table: periods a year) */
    const struct sw_bracket *br;       /* the brackets for the age/birth group */
    size_t nbr;
    const struct sw_bracket *ahk, *ak, *ouk;
    size_t nahk, nak, nouk;
    int64_t aok;                       /* 0 unless applied */
    bool korting, aow, before_split;
};

/* Gross-ups kept from one calculation to the next on one table set (a batch's
 * households): the answer of the gross-up search (sw_gross_from_net_benefit())
 * for a net and the parameters it was searched with - the set's own brackets and
 * kortingen (by address) and the values beside them. The search reads nothing
 * else and looks nothing up, so a kept answer changes no record of values used
 * and no lookup window. Zero it before the first use; sw_lh_memo_bind() before
 * each calculation forgets every answer when the set is another. A slot is
 * overwritten when its place is taken. Not for two threads at once. */
#define SW_LH_MEMO_SLOTS 1024
struct sw_lh_memo {
    const struct sw_tables *t;         /* the set the answers hold for (NULL: none) */
    char sha[65];                      /* its sha256 (an address may be reused) */
    struct sw_lh_memo_slot {
        bool set;
        int64_t key[6];                /* net and the parameters (gross_up()) */
        struct sw_lh_benefit b;        /* the answer, b.net the net asked */
    } slot[SW_LH_MEMO_SLOTS];
};
void sw_lh_memo_bind(struct sw_lh_memo *m, const struct sw_tables *t);

/* For a caller that grosses up month after month for the same person: the
 * parameters a gross-up looked up, kept with the dates on which every one of
 * those lookups answers alike (a window, see sw_window_begin()) and the AOW
 * group they were chosen for, and the last net grossed up with them. Zero it
 * before the first use; keep one per person, korting and simulation (the
 * values it holds were recorded in that context's used list). A kept answer
 * looks nothing up, so it must not be used while another window records. */
struct sw_lh_kept {
    bool ok;                           /* p holds for the dates w holds for */
    sw_date birth;
    unsigned korting;
    struct sw_window w;
    struct sw_lh_params p;
    sw_date at;                        /* the date p was looked up for */
    struct sw_lh_memo *memo;           /* answers kept across calculations, or NULL
                                        * (set by the caller; zeroing leaves it NULL) */
    bool last_set;                     /* last is the gross-up of last_net with p */
    int64_t last_net;
    struct sw_lh_benefit last;
    bool aow_set;                      /* aow_date is birth's AOW date, as asked */
    sw_date aow_date;                  /* since p was looked up (sw_aow_date()) */
};

/* sw_gross_from_net_benefit() without a trace, through k: the same answer and
 * errors, and the same values used (recorded by the call that looked them up),
 * without looking the parameters up again while k holds for `date`. */
sw_status sw_gross_from_net_benefit_kept(const struct sw_ctx *c, struct sw_lh_kept *k,
                                         sw_date date, int64_t net, sw_date birth,
                                         unsigned korting, struct sw_lh_benefit *out,
                                         struct sw_err *err) __attribute__((warn_unused_result));

/* True when sw_gross_from_net_benefit_kept(c, k, date, net, birth, korting, ...)
 * would answer k->last without asking anything or changing k: k's parameters
 * hold for date (its lookups, the AOW group known without asking: reached since
 * k->at, or below on the month's last day, surely or before the AOW date kept
 * in k), for the same person and
 * korting, the birth date not after date, and its last gross-up is of net.
 * Inline: asked for every month of a toetsingsinkomen, most of them the same. */
static inline bool sw_lh_kept_answers(const struct sw_lh_kept *k, sw_date date, int64_t net,
                                      sw_date birth, unsigned korting)
{
    return k->ok && k->last_set && k->last_net == net && k->birth == birth &&
           k->korting == korting && sw_window_holds(&k->w, date) &&
           (birth == SW_NO_DATE || birth <= date) &&
           (k->p.aow ? date >= k->at
                     : sw_aow_surely_below(birth, date + 30) ||
                           (k->aow_set && date + 30 < k->aow_date));
}

/* The loonheffing a benefit payer (UWV) withholds on a gross benefit payment
 * `gross` of a month: as sw_gross_from_net_benefit() the other way round - the
 * annual amount by the brackets, the algemene heffingskorting when `korting`
 * says so and never the arbeidskorting. Fills *out (net, loonheffing, ...). */
sw_status sw_loonheffing_benefit(const struct sw_ctx *c, sw_date date, int64_t gross,
                                 sw_date birth, unsigned korting, struct sw_lh_benefit *out,
                                 struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
