/* engine_impl.h - the phases of the month engine, in the order sw_simulate()
 * (engine.c) runs them. Each phase lives in its own file and writes into the run
 * through the helpers of engine_run.h; none depends on engine.c. Private to the
 * core. */
#ifndef SWITCHSIM_ENGINE_IMPL_H
#define SWITCHSIM_ENGINE_IMPL_H

#include "engine_run.h"

/* Each returns SW_OK or fills err. */

/* Status, wage, bijstand paid against entitled, Wmo, WW, LKS (engine_months.c). */
sw_status eng_months(struct eng_run *r, struct sw_err *err);
/* The partner's own income in month index i (engine_partner.c): gross, net and
 * the vrijlating on the partner's work into the row; *counted = what counts as
 * the couple's means for bijstand (art. 32 Pw). Nothing without a partner income. */
sw_status eng_partner_month(struct eng_run *r, int i, int64_t *counted, struct sw_err *err);
/* The Wajong (engine_wajong.c), a part of the month loop: its state from month
 * to month. */
struct eng_wajong {
    bool active;                  /* before.benefit is "wajong" */
    sw_month p0;                  /* the first month of the first voorschot period */
    int64_t months;               /* wajong.voorschot_months */
    int first;                    /* month index that opened the current period; -1 */
    sw_month period_start;
    int64_t def_gross, adv_gross, def_net, adv_net;   /* sums over the period */
    int64_t diff_net[SW_SCENARIO_MAX_MONTHS];         /* voorschot - due, net, per month */
    int64_t vt_accrued;           /* vakantiegeld built up, not yet paid (gross) */
    int64_t work_run;             /* months with a wage in a row (art. 2:46a warning) */
};
sw_status eng_wajong_init(struct eng_run *r, struct eng_wajong *w, struct sw_err *err);
/* The Wajong of month index i into the row (after its wage and WW): voorschot,
 * due, nabetaling and a recovery when a voorschot period is settled. */
sw_status eng_wajong_month(struct eng_run *r, struct eng_wajong *w, int i, struct sw_err *err);
/* After the last month: a period still open is settled past the horizon. */
sw_status eng_wajong_close(struct eng_run *r, struct eng_wajong *w, struct sw_err *err);
/* The net Wajong without income in month m (the month before the first shown). */
sw_status eng_wajong_full_net(struct eng_run *r, const struct eng_wajong *w, sw_month m,
                              int64_t *net, struct sw_err *err);
/* Kinderbijslag and the IACK given back after the year (engine_kinderen.c). */
sw_status eng_kinderen(struct eng_run *r, struct sw_err *err);
/* Add the IACK computation of `year` (its table values and inputs) to trace t. */
sw_status eng_iack_trace(struct eng_run *r, int year, struct sw_trace *t, struct sw_err *err);
/* The municipality's minimaregelingen and the armoedeval (engine_lokaal.c). */
sw_status eng_lokaal(struct eng_run *r, struct sw_err *err);
/* Toeslagen advances and their settlement (engine_toeslagen.c). */
sw_status eng_toeslagen(struct eng_run *r, struct sw_err *err);
/* The loonheffingskorting given twice (engine_toeslagen.c). */
sw_status eng_korting_twice(struct eng_run *r, struct sw_err *err);
/* A warning when the partner's payer and the municipality (on the partner's half
 * of the couple's bijstand) both apply the loonheffingskorting
 * (engine_partner.c; switch run only). */
void eng_partner_korting_twice(struct eng_run *r);
/* What a beslag or the Wsnp takes of each month's income (engine_debts.c):
 * debt_free_amount and debt_taken; nothing without household.debts. */
sw_status eng_debts(struct eng_run *r, struct sw_err *err);
/* Received, set aside, safe to spend and the totals, once every other item is in
 * (engine_wallet.c). Cannot fail. */
void eng_wallet(struct eng_run *r);
/* The first max values of sw_timeline_projected(tl, m, ...) and their number
 * (at most max), without counting the rest (engine_timeline.c). */
size_t eng_projected_first(const struct sw_timeline *tl, sw_month m,
                           const struct sw_value_info **out, size_t max);
/* What parameter id is about, for the resident (taalniveau B1), as the advice
 * names it: by its table (the id's first part) and, for the bijstand, its
 * second; "andere bedragen" for any other (engine_advice.c). */
const char *eng_topic_nl(const char *id);
/* Warnings and actions from the finished switch run (engine_advice.c). */
sw_status eng_advice(struct eng_run *r, struct sw_err *err);
/* What eng_advice() looks up in the tables and nothing else (SW_SIM_NO_ADVICE):
 * the values used stay those of a run with advice. */
void eng_advice_lookups(struct eng_run *r);

/* A flag of sw_simulate_keep() for the run eng_steady() makes, beside the public
 * SW_SIM_* ones: no advice. steady_from() reads the rows, the recoveries and the
 * values used; the advice only adds warnings and actions, and the few values it
 * asks for (the way back) were looked up for the plan already. */
#define ENG_SIM_STEADY_RUN (1u << 30) /* structural: a flag bit */

/* The window-independent headline month, tl->steady (engine_steady.c), from the
 * finished run tl of s (flags: sw_simulate()'s) or from a run of the scenario
 * once more (with keep: their baselines kept in keep's own keepers for those
 * runs, sw_simulate_keep), resuming the main run where rs lets it (may be
 * NULL); fails only when out of memory. */
struct eng_resume;
sw_status eng_steady(struct sw_timeline *tl, const struct sw_tables *t,
                     const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                     const struct eng_resume *rs, struct sw_err *err);

/* sw_simulate_keep() of s (the main run's scenario over more months) resuming
 * the main run `from` recorded (engine_resume.h): the same timeline as a run
 * from the start, or a failure (then run it from the start; SW_ERR_NOMEM:
 * out of memory). */
sw_status eng_simulate_resume(struct sw_timeline **out, const struct sw_tables *t,
                              const struct sw_scenario *s, unsigned flags,
                              struct sw_baseline *keep, const struct eng_resume *from,
                              struct sw_err *err);

#endif
