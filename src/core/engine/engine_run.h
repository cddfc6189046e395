/* engine_run.h - one run of the month engine while it is computed, and the small
 * helpers every phase uses to write into it: a month's items and traces, and the
 * timeline's recoveries, warnings and actions (engine_run.c). The phases
 * (engine_impl.h) depend on this unit; it depends on none of them. Private to
 * the core. */
#ifndef SWITCHSIM_ENGINE_RUN_H
#define SWITCHSIM_ENGINE_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/bijstand.h"
#include "switchsim/kinderen.h"
#include "switchsim/engine.h"
#include "switchsim/lokaal.h"
#include "switchsim/loonheffing.h"
#include "switchsim/toeslagen.h"
#include "switchsim/uitvoering.h"

/* What both runs of one simulation compute alike, kept for the second asker
 * (engine_toeslagen.c): the baseline's toetsingsinkomen per year, and a
 * toeslag's year on a given income. The same inputs give the same figures and
 * the same parameters used, so a kept answer changes nothing but the time. */
#define ENG_MEMO_YEARS (SW_SCENARIO_MAX_MONTHS / 12 + 2)
#define ENG_MEMO_TOESLAG 48 /* structural: kept toeslag years */
struct eng_memo {
    /* What the toeslagen looked up per year (from the first month's year), as
     * the first run to ask found it in this simulation's context, whose record
     * of values used holds it since (engine_toeslagen.c). Zeroed: nothing. */
    struct eng_toeslag_kept {
        struct sw_zorgtoeslag_kept zt[ENG_MEMO_YEARS];   /* the zorgtoeslag's */
        struct sw_kgb_kept kgb[ENG_MEMO_YEARS];          /* the kindgebonden budget's */
        struct sw_lh_kept lh[ENG_MEMO_YEARS][2];         /* the toetsingsinkomen's
                                                          * gross-ups (resident,
                                                          * partner) */
        bool when_set[ENG_MEMO_YEARS];                   /* the definitive */
        struct sw_collection when[ENG_MEMO_YEARS];       /* berekening's months */
        /* The kinderbijslag of the quarter ending k months after the month
         * before the first quarter asked (engine_kinderen.c): its payment
         * month and amount. */
        bool kb_set[SW_SCENARIO_MAX_MONTHS + 3]; /* calendar: a quarter before */
        sw_month kb_pay[SW_SCENARIO_MAX_MONTHS + 3]; /* calendar: a quarter before */
        int64_t kb_amount[SW_SCENARIO_MAX_MONTHS + 3]; /* calendar: a quarter before */
    } tk;
    bool base_income_set[ENG_MEMO_YEARS];
    int64_t base_income[ENG_MEMO_YEARS];
    struct {
        const void *fn;            /* which toeslag */
        int y;
        int64_t income, year_amount, months[12];
    } toeslag[ENG_MEMO_TOESLAG];
    size_t n_toeslag;
};

/* A bijstand norm kept for reuse (engine_kept.c, norm_kept()): on the dates in
 * w that lie in [age_lo, age_hi), facts f give this norm but for the ages. */
struct eng_norm_kept {
    struct sw_window w;
    struct sw_household_facts f;
    sw_date age_lo, age_hi;
    struct sw_bijstand_norm norm;
};

/* The bijstand entitlement the month loop computed last (engine_months.c), by
 * date and inputs: the loop and the ledger's voorschot often ask the same
 * question twice in a row. The facts are the scenario's on that date, so the
 * same date and inputs give the same answer and the same lookups (recorded
 * already). Answers for other dates are kept in win[]; with it, more entries
 * here (8 before) cost more to search and fill than they found (callgrind,
 * batch --summary --vary hours on 300 households). */
#define ENG_BJ_MEMO 1
#define ENG_BJ_WIN 4 /* structural: window entries */
/* What the month loop reads of a month's struct sw_bijstand (engine_months.c):
 * eng_entitled_kept() gives and keeps only these, not the whole answer with
 * its norm and vrijlating details (eng_bj_of()). */
struct eng_bj {
    int64_t norm;
    int64_t vrijlating;
    int64_t counted_income;
    int64_t entitled;
    int64_t monthly_payment;
    int64_t holiday_allowance_reserve;
    enum sw_vrijlating_kind vrijlating_kind;
};
struct eng_bj_memo {
    struct {
        bool set;
        sw_date d;
        int64_t work, other;
        int k;
        struct eng_bj bj;
    } e[ENG_BJ_MEMO];
    unsigned next;
    /* The norm last computed, for other dates and inputs: kept while the values it
     * looked up (nw) and the ages in the facts stay on the same side of the limits
     * it compared them with (age_lo <= date < age_hi), for the same facts
     * (engine_kept.c, norm_kept()). */
    bool norm_set;
    struct eng_norm_kept nk;
    /* What answers for other dates and incomes looked up (engine_kept.c,
     * entitled_window()): kept while the values they looked up (w), the ages
     * they read (age_lo <= date < age_hi), the facts and the norm's amount
     * stay the same, for the month indexes of the same vrijlating branch
     * (vr_from..vr_to: its same_from..same_to): the vrijlating's percentage and
     * maximum (of bj.vrijlating_kind) and the vakantietoeslag percentage, with
     * bj the answer they gave for the incomes work and other. */
    struct eng_bj_window {
        bool set;
        struct sw_window w;
        sw_date age_lo, age_hi;
        struct sw_household_facts f;
        int64_t work, other;
        int vr_from, vr_to;
        int64_t vr_percent, vr_max, holiday_percent;
        struct eng_bj bj;
    } win[ENG_BJ_WIN];
    unsigned win_next;
    /* The household's facts on the first day of the month the loop is in
     * (engine_months.c, which works in them), for the ledger's estimates of
     * that month. */
    sw_date facts_d;              /* SW_NO_DATE: none */
    struct sw_household_facts facts;
    /* The loop's own answer for that month (before a share of it is taken after
     * the job), month_set once it has one: the estimate of the month on the
     * same counted income is its monthly payment, as sw_bijstand_sum() reads
     * the incomes only through the counted income and the norm and the
     * vakantietoeslag percentage are the date's and the facts' (estimate()). */
    bool month_set;
    int64_t month_counted, month_payment;
    /* The age of the resident, the partner and the youngest child on the date
     * asked last, with the dates on which it holds (engine_kept.c, age_kept()). */
    struct eng_age {
        sw_date birth, lo, hi;
        int age;
    } ages[3];
};

/* A local scheme's terms kept for reuse (engine_lokaal.c, month_terms()): on
 * the dates in w, the terms t, their limit on the norm `base`. */
struct eng_terms_kept {
    bool have;
    int64_t base;
    struct sw_window w;
    struct sw_local_terms t;
};

/* What the baseline run keeps of its answers for the switch run, which asks
 * the same rules on the same dates with the same facts before its income
 * changes them, and always for the norm and the local schemes' terms: the
 * norms and terms it worked out (engine_kept.c, engine_lokaal.c). Zeroed with
 * the run: nothing kept. */
#define ENG_NORM_HIST 8
#define ENG_TERMS_HIST 4 /* structural: history entries */
struct eng_base_kept {
    unsigned n_norm;
    struct eng_norm_kept norm[ENG_NORM_HIST];
    unsigned n_terms[SW_LOCAL__COUNT];
    struct eng_terms_kept terms[SW_LOCAL__COUNT][ENG_TERMS_HIST];
};

/* The parts of one run in the order run_one() (engine.c) runs them, for a run
 * that resumes another at a month (engine_resume.c): the wages of every month,
 * the pay schedule, the month loop, the ledger's close, the toeslagen, the
 * kinderen, the lokaal, the korting given twice, and the rest. Each part runs
 * its months in order, so what a full run does in part p is what the shorter
 * run did in p before the month resumed at, then the rest of p. */
enum eng_seg {
    ENG_SEG_WAGES,
    ENG_SEG_PAY,
    ENG_SEG_LOOP,
    ENG_SEG_CLOSE,
    ENG_SEG_TOESLAGEN,
    ENG_SEG_KINDEREN,
    ENG_SEG_LOKAAL,
    ENG_SEG_KORTING,
    ENG_SEG_REST,
    ENG_SEG__COUNT
};
struct eng_snap;   /* engine_resume.h */

/* One run (the switch or the baseline) while it is computed. */
struct eng_run {
    struct eng_memo *memo;        /* shared by both runs; NULL = keep nothing */
    struct eng_bj_memo *bj_memo;  /* during eng_months() only; NULL = none */
    struct sw_lh_memo *lh_memo;   /* gross-ups kept across simulations (the keeper's,
                                   * bound to this set); NULL = none */
    const struct sw_scenario *s;
    const struct sw_ctx *c;
    struct sw_run *run;
    struct sw_timeline *tl;
    bool is_switch;               /* false: the baseline (staying put) */
    bool texts;                   /* false: no text is wanted (SW_SIM_NO_ADVICE, the
                                   * steady run): no warnings, no actions, recoveries
                                   * without avoidable_by; build none of them */
    bool steady;                  /* the steady run (ENG_SIM_STEADY_RUN): only its
                                   * rows are read, not its totals */
    bool traces;                  /* its rows have traces (SW_SIM_TRACE): without,
                                   * eng_trace() reads no row */
    const struct eng_run *base;   /* the finished baseline run, for the switch run */
    /* Filled by eng_months() for the later phases, per month index: */
    int64_t bijstand_net_incl_vt[SW_SCENARIO_MAX_MONTHS]; /* entitlement incl. the
                                                           * vakantietoeslag reserve */
    bool wage_and_bijstand[SW_SCENARIO_MAX_MONTHS];       /* both paid in the month */
    int64_t employer_ahk[SW_SCENARIO_MAX_MONTHS];         /* AHK the employer gave (year) */
    int64_t partner_ahk[SW_SCENARIO_MAX_MONTHS];          /* AHK the partner's payer gave */
    /* Per calendar year from the first month's year (engine_kinderen.c): the
     * inkomensafhankelijke combinatiekorting and the loonheffing withheld from
     * the wage, netted with the income-tax bill in eng_korting_twice(). */
    int64_t iack_year[SW_SCENARIO_MAX_MONTHS / 12 + 2];
    int64_t wage_lh_year[SW_SCENARIO_MAX_MONTHS / 12 + 2];
    int64_t full_wage[SW_SCENARIO_MAX_MONTHS];            /* the contract's wage for a
                                                           * full month (Wajong voorschot) */
    /* The white monthly table on the month's first day for the job's birth date
     * and korting, as wage_month() asked it (engine_months.c): its net on the
     * gross wage lh_gross[i] (-1: not asked), for engine_lokaal.c. */
    int64_t lh_gross[SW_SCENARIO_MAX_MONTHS], lh_net[SW_SCENARIO_MAX_MONTHS];
    /* The resident's part of the month's bijstand as the toetsingsinkomen grossed
     * it up with the loonheffingskorting (engine_toeslagen.c, year_income()):
     * the net ([0]; 0: not in this run) and the korting the municipality gives on
     * it, at most its tax ([1]), for eng_korting_twice(), which asks the same. */
    int64_t korting_kept[SW_SCENARIO_MAX_MONTHS][2];
    int64_t first_month_bijstand;  /* month m0's entitlement with no income, incl. VT */
    struct eng_base_kept kept;     /* the baseline's, for the switch run (zero: none) */
    /* Resuming (engine_resume.h): the first month index computed (0: all), the
     * part running now, where the state at the end is recorded (NULL: nowhere)
     * and the state a resumed run starts from (NULL unless from > 0). */
    int from;
    enum eng_seg seg;
    struct eng_snap *rec;
    const struct eng_snap *res;
};

/* Part seg of run r begins (engine_resume.c): marked in r->rec; a resumed run
 * adds what the run it resumes booked past its end in this part. */
void eng_seg(struct eng_run *r, enum eng_seg seg);
/* An amount eng_add() books past the end of a run that records (r->rec). */
void eng_spill(struct eng_run *r, sw_month m, enum sw_item item, int64_t amount);

/* src into the fixed field dst[size], cut as snprintf("%s") would. */
void eng_copy_text(char *dst, size_t size, const char *src);

/* memset(p, 0, size) and memcpy(dst, src, size) by the C library, for a size
 * the caller bounds (engine.c's blocks of rows): defined in engine_run.c, where
 * the compiler cannot see the bound, so it does not expand them into a string
 * instruction (rep stos, rep movs) that pays a start-up of its own each time. */
void eng_clear(void *p, size_t size);
void eng_copy(void *dst, const void *src, size_t size);

/* The toeslag of a recovery kind in Dutch, for texts and trace inputs (a
 * literal): "zorgtoeslag", "huurtoeslag", else "kindgebonden budget". */
const char *eng_toeslag_name(enum sw_recovery_kind k);

/* The trace of item `item` in month index i, or NULL without tracing (inline:
 * every month asks for several; a run without traces answers from r alone, the
 * row's trace field lies in a part of it the phases rarely touch otherwise). */
static inline struct sw_trace *eng_trace(struct eng_run *r, int i, enum sw_item item)
{
    struct sw_month_row *row;

    if (!r->traces)
        return NULL;
    row = &r->run->rows[i];
    return row->trace ? &row->trace[item] : NULL;
}

/* Index of month m in the run, or -1 outside the horizon. */
static inline int eng_index(const struct eng_run *r, sw_month m)
{
    int i = m - r->s->start_month;

    return i >= 0 && i < r->run->n ? i : -1;
}

/* Add to an item of month m; nothing outside the horizon. */
static inline void eng_add(struct eng_run *r, sw_month m, enum sw_item item, int64_t amount)
{
    int i = eng_index(r, m);

    if (i >= 0)
        r->run->rows[i].v[item] += amount;
    else if (r->rec)
        eng_spill(r, m, item, amount);
}

/* Record a recovery (switch run only): collected (and its set-aside released) in
 * month `collected`; the caller books the set-aside itself. Nothing when the
 * amount is not positive or the timeline is full. avoidable_by is not read
 * without r->texts (pass "" then). */
void eng_recovery(struct eng_run *r, enum sw_recovery_kind kind, const char *period,
                  sw_month caused, int64_t amount, sw_month expected, sw_month collected,
                  const char *avoidable_by);

/* As eng_recovery(), collected in monthly instalments of `instalment` (the last
 * one the rest) from `collected` on; instalment 0 = at once. */
void eng_recovery_plan(struct eng_run *r, enum sw_recovery_kind kind, const char *period,
                       sw_month caused, int64_t amount, sw_month expected, sw_month collected,
                       int64_t instalment, const char *avoidable_by);

/* Add a warning in plain Dutch (printf-style) to r's timeline; once per code and
 * month, nothing when the timeline is full or without r->texts. */
void eng_warning(const struct eng_run *r, const char *code, sw_month month, int64_t amount,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Add an action in plain Dutch (printf-style) to r's timeline; nothing when the
 * timeline is full or without r->texts. */
void eng_action(const struct eng_run *r, sw_date before, enum sw_who who, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
