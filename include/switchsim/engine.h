/* engine.h - the month engine: (tables, scenario) -> timeline.
 *
 * For each month of the horizon it computes what the resident receives when they
 * switch to the job (the scenario run) and had they stayed on bijstand +
 * dagbesteding (the baseline run), keeps a ledger of bijstand and toeslagen paid
 * against entitled, foresees every recovery the payment timing causes, and says
 * what to set aside and what to do when. The same pure call serves the CLI, the
 * CGI and the tests.
 */
#ifndef SWITCHSIM_ENGINE_H
#define SWITCHSIM_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/lokaal.h"
#include "switchsim/scenario.h"
#include "switchsim/tables.h"
#include "switchsim/trace.h"

enum sw_month_status {
    SW_STATUS_BIJSTAND,   /* on bijstand (+ dagbesteding) */
    SW_STATUS_TRIAL,      /* unpaid proefplaatsing; bijstand continues */
    SW_STATUS_WORK,       /* employed (with aanvullende bijstand where due) */
    SW_STATUS_FALLBACK    /* the job ended; back on bijstand */
};

/* The line items of one month, all in cents. The JSON names are sw_item_name(). */
enum sw_item {
    SW_ITEM_GROSS_WAGE,            /* gross wage paid in the month (part months pro rata;
                                    * a salary paid next month lands there) */
    SW_ITEM_HOLIDAY_PAY,           /* gross vakantiebijslag paid in the month */
    SW_ITEM_LOONHEFFING,           /* withheld on wage and holiday pay */
    SW_ITEM_NET_WAGE,              /* wage + holiday pay + bonus - loonheffing, as paid */
    SW_ITEM_BIJSTAND_NORM,         /* the norm for the month, incl. vakantietoeslag */
    SW_ITEM_VRIJLATING,            /* inkomstenvrijlating applied */
    SW_ITEM_BIJSTAND_ENTITLED,     /* entitlement for the month excl. the 5 % reserve */
    SW_ITEM_BIJSTAND_PAID,         /* bijstand actually paid in the month */
    SW_ITEM_BIJSTAND_HOLIDAY_PAID, /* vakantietoeslag of the bijstand paid out */
    SW_ITEM_ZORGTOESLAG_ENTITLED,  /* 1/12 of the final year amount */
    SW_ITEM_ZORGTOESLAG_PAID,      /* the advance paid */
    SW_ITEM_HUURTOESLAG_ENTITLED,
    SW_ITEM_HUURTOESLAG_PAID,
    SW_ITEM_WMO_EIGEN_BIJDRAGE,    /* abonnementstarief for dagbesteding */
    SW_ITEM_RECOVERY_COLLECTED,    /* recoveries paid back in the month */
    SW_ITEM_RECEIVED,              /* what lands in the account, minus what is collected */
    SW_ITEM_SET_ASIDE,             /* keep this apart for a recovery still to come */
    SW_ITEM_SAFE_TO_SPEND,         /* received - set aside + reserve released */
    SW_ITEM_LKS,                   /* loonkostensubsidie to the employer (not the resident's) */
    SW_ITEM_BIJSTAND_RESERVE,      /* vakantietoeslag reserved this month (5 %) */
    SW_ITEM_RESERVE_RELEASED,      /* set-aside money used for a recovery this month */
    SW_ITEM_WW_GROSS,              /* WW after the job ended (the way back) */
    SW_ITEM_WW_NET,                /* WW after loonheffing */
    SW_ITEM_PARTNER_GROSS,         /* the partner's own gross wage or benefit */
    SW_ITEM_PARTNER_NET,           /* what the partner's payer pays out (net) */
    SW_ITEM_PARTNER_VRIJLATING,    /* vrijlating on the partner's work (art. 31 lid 2) */
    SW_ITEM_KINDERBIJSLAG,         /* kinderbijslag paid (SVB, after each quarter) */
    SW_ITEM_KGB_ENTITLED,          /* kindgebonden budget: 1/12 of the month's year claim */
    SW_ITEM_KGB_PAID,              /* kindgebonden budget: the advance paid */
    SW_ITEM_IACK,                  /* inkomensafhankelijke combinatiekorting given back
                                    * with the income-tax assessment (an estimate) */
    SW_ITEM_YEAR_END_BONUS,        /* gross eindejaarsuitkering paid in the month */
    SW_ITEM_COUNTED_INCOME,        /* net income from work counted for the month's bijstand
                                    * (its payslips; may differ from what is paid in it) */
    /* The municipality's minimaregelingen (lokaal.h, engine_lokaal.c): what each is
     * worth to the household in the month, counted in `received` (money paid or
     * money that need not be spent). */
    SW_ITEM_IIT,                   /* individuele inkomenstoeslag, paid once a year */
    SW_ITEM_KWIJTSCHELDING,        /* gemeentelijke belastingen that need not be paid (1/12) */
    SW_ITEM_LOKALE_PAS,            /* local pass or meedoenregeling (1/12 of its value) */
    SW_ITEM_GEMEENTEPOLIS,         /* the municipality's share of the premium */
    SW_ITEM_ARMOEDEVAL,            /* switch run: what the baseline gets of these four
                                    * that the switch does not, because its income is
                                    * above the municipality's limit (the armoedeval);
                                    * 0 in the baseline */
    SW_ITEM_WAJONG_ENTITLED,       /* Wajong (gross) due for the month on its real income */
    SW_ITEM_WAJONG_GROSS,          /* Wajong (gross) paid in the month: UWV's voorschot,
                                    * plus a nabetaling when a voorschot period is settled */
    SW_ITEM_WAJONG_NET,            /* Wajong paid after loonheffing (with its vakantiegeld) */
    SW_ITEM_WAJONG_HOLIDAY_PAY,    /* vakantiegeld of the Wajong (gross), paid once a year */
    SW_ITEM_DEBT_FREE,             /* household.debts: the beslagvrije voet or, in the
                                    * Wsnp, the vrij te laten bedrag of the month */
    SW_ITEM_DEBT_TAKEN,            /* what the beslag or the Wsnp's boedelafdracht takes
                                    * of the month's income (never lands: not in received) */
    SW_ITEM_TOESLAGEN_NABETALING,  /* zorgtoeslag, huurtoeslag and kindgebonden budget paid
                                    * after a year's definitive berekening because the
                                    * advances were too low (in the month of the letter) */
    SW_ITEM__COUNT
};

const char *sw_item_name(enum sw_item item);
const char *sw_month_status_name(enum sw_month_status s);
/* Parse an item name ("bijstand_paid"); false when unknown. */
bool sw_item_parse(const char *name, enum sw_item *out);

struct sw_month_row {
    sw_month month;
    enum sw_month_status status;
    int64_t v[SW_ITEM__COUNT];
    int vrijlating_month;          /* K-th month with income from work; 0 = none */
    char vrijlating_kind;          /* 'n', 'r', 'y', 'z', 'a' (onder aa) or 0 */
    struct sw_trace *trace;        /* SW_ITEM__COUNT traces, or NULL without tracing */
};

struct sw_run {
    struct sw_month_row *rows;
    int n;
    int64_t totals[SW_ITEM__COUNT];
};

enum sw_recovery_kind {
    SW_RECOVERY_BIJSTAND,
    SW_RECOVERY_ZORGTOESLAG,
    SW_RECOVERY_HUURTOESLAG,
    SW_RECOVERY_INKOMSTENBELASTING,
    SW_RECOVERY_KINDGEBONDEN_BUDGET,
    SW_RECOVERY_WAJONG             /* UWV: Wajong voorschot higher than due */
};
const char *sw_recovery_kind_name(enum sw_recovery_kind k);

struct sw_recovery {
    enum sw_recovery_kind kind;
    char for_period[16];           /* "2026-04" or "2026" */
    sw_month caused;               /* the month the overpayment arose (set aside then) */
    int64_t amount;
    sw_month expected;             /* the month the letter is expected */
    sw_month collected;            /* the month it is paid back (may lie past the horizon) */
    char avoidable_by[400];        /* plain Dutch */
    int64_t instalment;            /* collected per month from `collected`; 0 = at once */
    sw_month paid_off;             /* the month of the last instalment (may lie past the
                                    * horizon) */
    int64_t offset;                /* set off against money the municipality paid out
                                    * (art. 60a Pw), not in `amount` */
    bool within_voet;              /* household.debts: collected only from what lies
                                    * above the beslagvrije voet (or the vrij te laten
                                    * bedrag), so later or in smaller parts than the
                                    * municipality's own terms; `instalment` is then the
                                    * first month's part and `paid_off` an estimate
                                    * when it lies past the horizon */
};

enum sw_who { SW_WHO_RESIDENT, SW_WHO_CONSULTANT, SW_WHO_EMPLOYER };
const char *sw_who_name(enum sw_who w);

struct sw_warning {
    char code[40];
    sw_month month;                /* -1: not tied to a month */
    int64_t amount;
    char text[480];                /* plain Dutch */
};

struct sw_action {
    sw_date before;
    enum sw_who who;
    char text[480];                /* plain Dutch */
};

/* What happens after the job ends (job.end): WW when the wekeneis is met, else
 * bijstand again, with the zoektermijn gap for young people, and when dagbesteding
 * can start again. */
struct sw_way_back {
    bool active;                   /* the job ends within the horizon */
    sw_date job_end;
    int weeks_worked;
    bool ww;                       /* the wekeneis (26 of 36 weeks) is met */
    sw_date ww_from, ww_until;
    int64_t ww_dagloon;            /* cents per day, after the maximum */
    bool new_application;          /* bijstand had stopped: apply again */
    sw_date bijstand_from;         /* SW_NO_DATE when no bijstand follows in the horizon */
    int gap_days;                  /* days without wage, WW or bijstand */
    bool wajong;                   /* the Wajong revives the day after the job (herleving):
                                    * no bijstand gap */
    bool wmo_kept;                 /* the indication ran on: dagbesteding at once */
    sw_date dagbesteding_from;
};

/* The headline that does not move with the window (issue 20): "in een gewone
 * maand na de overstap". sw_simulate() runs the same scenario once more over a
 * fixed horizon from the job's first month (independent of `months`) and takes
 * the first month M that is an ordinary month of work:
 *   - a full month of the job (started on or before day 1, not ending in M) and
 *     the Wmo overlap (dagbesteding_until) over;
 *   - the temporary inkomstenvrijlating (kinds n and r) plays no role in M: it is
 *     0 there, or the bijstand would be 0 anyway (the lasting kind y may apply);
 *   - no yearly money in M: no vakantiegeld paid once a year (holiday_pay "may"),
 *     no vakantietoeslag of the bijstand, no individuele inkomenstoeslag, in
 *     either run;
 *   - the bijstand has settled: no bijstand recovery caused before M is still to
 *     be collected in or after M, bijstand paid equals entitled, and in M nothing
 *     is collected or released from what was set aside, in either run.
 * gain = safe_to_spend(switch, M) - safe_to_spend(stay, M): what the resident can
 * spend more that month, after setting aside what comes back later (e.g. the
 * loonheffingskorting given twice). "De eerste maanden" are the months from the
 * job's first month up to M (exclusive), with the average and total of the same
 * difference. Months past the published tables make it voorlopig (projected):
 * the values carried forward that were used to compute M's calendar year (the
 * run up to that December, or up to the lookahead's end when that comes first),
 * not those used only for later years. Runs that end in a December show the
 * same months as the run over the lookahead, so M is found in the shortest of
 * them that reaches it (engine_steady.c). */
#define SW_STEADY_LOOKAHEAD 40      /* months searched from the job's first month */
#define SW_STEADY_MAX_PROJECTED 8

struct sw_steady {
    bool found;                    /* false: no such month within the lookahead
                                    * (the job ends, or a value is missing in
                                    * strict mode) */
    sw_month month;                /* the reference month M */
    int64_t gain;                  /* safe_to_spend(switch) - safe_to_spend(stay) in M */
    int64_t safe_to_spend;         /* the switch in M */
    int64_t baseline_safe_to_spend;
    int64_t debt_taken;            /* household.debts: what the beslag or the Wsnp
                                    * takes in M, switch and stay; gain + debt_taken -
                                    * baseline_debt_taken is the gain had there been
                                    * no debts */
    int64_t baseline_debt_taken;
    sw_month first_from;           /* the job's first month in the overview */
    int first_months;              /* months from first_from to M (exclusive); 0: none */
    int64_t first_total;           /* sum of the gain over those months */
    int64_t first_average;         /* first_total / first_months, half up */
    size_t n_projected;            /* values carried forward that M depends on (used
                                    * for M's calendar year) */
    char projected[SW_STEADY_MAX_PROJECTED][64];
};

/* The municipality's schemes as they stand for the household in the first month
 * (the baseline's terms; engine_lokaal.c). */
struct sw_local_summary {
    bool tested;                   /* an income limit is in the table */
    bool value_known;              /* what it is worth is in the table */
    int64_t above_ppm;             /* limit = norm + this share of it */
    int64_t limit;                 /* cents per month in the first month */
    int64_t year_value;            /* cents per year for the household */
    int64_t waiting_months;        /* IIT: months at a low income first */
    bool entered;                  /* the limit or the value was entered by the
                                    * user (an override), not from the table */
};

/* The armoedeval (switch run): the first month in which the income tested is
 * above a scheme's limit while it was not the month before. The income tested
 * is the household's net income of the month without vakantiegeld: the regular
 * net wage, WW, the partner's net income and the bijstand paid monthly; the
 * limit is on the norm without vakantietoeslag (engine_lokaal.c). */
struct sw_armoedeval {
    enum sw_local_scheme scheme;
    sw_month month;
    int64_t income;                /* the income tested in that month */
    int64_t limit;                 /* the limit of that month */
    bool value_known;
    int64_t year_value;            /* what the scheme is worth per year (if known) */
};

#define SW_MAX_ARMOEDEVAL 16
#define SW_MAX_RECOVERIES 64
#define SW_MAX_WARNINGS 32
#define SW_MAX_ACTIONS 24

struct sw_timeline {
    struct sw_run scenario;        /* the switch */
    struct sw_run baseline;        /* staying on bijstand + dagbesteding */
    struct sw_recovery recoveries[SW_MAX_RECOVERIES];
    size_t n_recoveries;
    struct sw_warning warnings[SW_MAX_WARNINGS];
    size_t n_warnings;
    struct sw_action actions[SW_MAX_ACTIONS];
    size_t n_actions;
    struct sw_way_back way_back;
    int64_t average_gain;          /* mean of safe_to_spend(switch - stay) per month */
    int64_t total_gain;
    struct sw_steady steady;       /* the window-independent headline month */
    struct sw_local_summary local[SW_LOCAL__COUNT];
    struct sw_armoedeval armoedeval[SW_MAX_ARMOEDEVAL];
    size_t n_armoedeval;
    enum sw_debt_regime debt_regime; /* household.debts: what the wallet keeps is after
                                    * the beslag or the Wsnp's afdracht */
    struct sw_used used;           /* every table value used (provisional ones listed) */
    char tables_version[16];
    char tables_sha256[65];
};

enum {
    SW_SIM_TRACE = 1u << 0,        /* keep a trace for every item of every month */
    SW_SIM_NO_STEADY = 1u << 1,    /* skip the run that finds tl->steady */
    SW_SIM_STEADY_FULL = 1u << 2,  /* find tl->steady in the run over the whole
                                    * lookahead, never in a shorter one (tests) */
    SW_SIM_NO_ADVICE = 1u << 3,    /* the figures only, for a caller that reads no
                                    * text (switchsim batch --summary): no warnings
                                    * and no actions (n_warnings = n_actions = 0),
                                    * every recovery's avoidable_by empty; every
                                    * other field (rows, totals, recoveries, steady,
                                    * used values, ...) as without this flag */
    SW_SIM_STEADY_FIRST = 1u << 4  /* tests: look for tl->steady in the run over the
                                    * whole lookahead before the runs to the
                                    * Decembers, as eng_steady() does when it guesses
                                    * that they find none; the same answer */
};

/* Run the scenario and the baseline. *out is allocated (the rows of both runs
 * in one block with the timeline, the scenario's first); release with
 * sw_timeline_free(). On failure *out is NULL and err names the problem: a
 * parameter without a value for a month (SW_ERR_NO_VALUE, naming id and date),
 * or an inconsistency the parser could not see (SW_ERR_INVALID with the field). */
sw_status sw_simulate(struct sw_timeline **out, const struct sw_tables *t,
                      const struct sw_scenario *s, unsigned flags, struct sw_err *err)
    __attribute__((warn_unused_result));

void sw_timeline_free(struct sw_timeline *tl);

/* --- one baseline for several variants of a scenario (switchsim batch --vary) ---
 * The baseline run (staying on bijstand + dagbesteding) reads neither the job's
 * hours per week nor its loonwaarde percents. A keeper remembers the baseline
 * run of the last scenario sw_simulate_keep() was given; a next call for the
 * same tables and flags whose scenario differs from that one at most in
 * job.hours_x100 and job.loonwaarde[].percent starts from it instead of running
 * it again (also for the steady run); any other scenario runs its baseline and
 * is remembered instead. The timeline is sw_simulate()'s, byte for byte
 * (tests/cli/batch_summary.sh compares every variant with simulate). Traces are
 * never kept. A keeper is used by one thread at a time. */
struct sw_baseline;
struct sw_baseline *sw_baseline_new(void);   /* NULL when out of memory */
/* A keeper that keeps only the parameter lookup cache, never a baseline run:
 * every scenario runs its own baseline (a server answering one resident after
 * another, switchsim.fcgi). The timeline is sw_simulate()'s, byte for byte. */
struct sw_baseline *sw_baseline_new_cache(void);   /* NULL when out of memory */
void sw_baseline_free(struct sw_baseline *b);
/* sw_simulate() with keeper `keep` (NULL: none, as sw_simulate()). */
sw_status sw_simulate_keep(struct sw_timeline **out, const struct sw_tables *t,
                           const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                           struct sw_err *err) __attribute__((warn_unused_result));
/* The keeper of b's steady run (engine_steady.c), made when first asked; NULL
 * when b is NULL or out of memory. */
struct sw_baseline *sw_baseline_steady(struct sw_baseline *b);

/* The projected values (carried forward past the tables' published values)
 * that the figures of month m depend on: each value whose next, unpublished
 * value was due on or before the last day of m. Fills up to `max` pointers into
 * tl->used, one per parameter id, in the order they were first used; returns
 * how many there are (which may exceed max). 0: the month is not voorlopig. */
size_t sw_timeline_projected(const struct sw_timeline *tl, sw_month m,
                             const struct sw_value_info **out, size_t max);

/* The projected values a recovery's amount depends on: those the month rule
 * above gives for the last month of its period (December for a year's
 * settlement, which counts the whole year; the month itself otherwise), less
 * the parameters of schemes that do not enter its calculation (the Wmo eigen
 * bijdrage enters none; the bijstand counts no toeslag or kinderbijslag; a
 * toeslag does not count another toeslag's parameters). Same filling and
 * return as sw_timeline_projected(). */
size_t sw_recovery_projected(const struct sw_timeline *tl, const struct sw_recovery *r,
                             const struct sw_value_info **out, size_t max);

#endif
