/* engine_kept.h - what the month loop (engine_months.c) keeps from one month to
 * the next: a rule's answer is reused while everything it depends on is the
 * same - its inputs, the values it looked up (struct sw_window, tables.h) and
 * the ages that enter it. The same answer and the same lookups (recorded in
 * c->used already), only without the time. Private to the core. */
#ifndef SWITCHSIM_ENGINE_KEPT_H
#define SWITCHSIM_ENGINE_KEPT_H

#include "engine_run.h"
#include "switchsim/lks.h"
#include "switchsim/loonheffing.h"
#include "switchsim/wmo.h"

/* The month before's loonheffing on the wage, for reuse (without traces). */
struct eng_lh_prev {
    struct sw_window w;   /* ok: computed, its lookups in w */
    sw_date d;
    int64_t gross;
    bool aow;             /* the resident's AOW status in d's month */
    struct sw_lh_month lh;
};

/* sw_loonheffing_month() on the job's wage in the month of d (trace tr, may be
 * NULL), or prev's answer (engine_kept.c). */
sw_status eng_wage_loonheffing(const struct eng_run *r, sw_date d, int64_t gross,
                               struct sw_lh_month *lh, struct sw_trace *tr,
                               struct eng_lh_prev *prev, struct sw_err *err);

/* Narrow [*lo, *hi) to the dates on which the person born on `birth` has the
 * age they have on d; false when that age is SW_AOW_AGE_YEARS_MIN (aow.h) or
 * more (the AOW age may come within it) or below 0. No birth date: true,
 * nothing narrowed. */
bool eng_same_age_span(sw_date birth, sw_date d, sw_date *lo, sw_date *hi);

/* An empty r->bj_memo (every entry unset; the rest is filled when set). */
void eng_bj_memo_init(struct eng_bj_memo *mm);

/* What the month loop reads of bj (struct eng_bj, engine_run.h). */
void eng_bj_of(const struct sw_bijstand *bj, struct eng_bj *out);

/* sw_bijstand_entitled() on the facts f of date d, without traces, or what it
 * gave before in this run (r->bj_memo; its norm kept as norm_kept() says):
 * the parts of it the month loop reads. */
sw_status eng_entitled_kept(struct eng_run *r, sw_date d, const struct sw_household_facts *f,
                            int64_t work, int64_t other, int k, struct eng_bj *out,
                            struct sw_err *err);

/* A plain parameter asked every month, for reuse while its value holds. */
struct eng_param_kept {
    struct sw_window w;   /* ok: v is the value, for the dates in w */
    int64_t v;
};

/* eng_param_kept() when k does not hold (engine_kept.c). */
sw_status eng_param_looked_up(const struct eng_run *r, struct eng_param_kept *k, const char *id,
                              sw_date d, enum sw_unit unit, int64_t *out, struct sw_trace *tr,
                              struct sw_err *err);

/* sw_param_t(r->c, id, d, unit, out, tr, err), or the value k kept while it
 * holds on d (not while tracing): the same value and the same record in
 * c->used. k starts with k->w.ok false. Inline: asked every month. */
static inline sw_status eng_param_kept(const struct eng_run *r, struct eng_param_kept *k,
                                       const char *id, sw_date d, enum sw_unit unit,
                                       int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    if (!tr && sw_window_holds(&k->w, d)) {
        *out = k->v;
        return SW_OK;
    }
    return eng_param_looked_up(r, k, id, d, unit, out, tr, err);
}

/* The Wmo answers of the month before, for reuse (without traces): the months
 * between the month billed and the service month while the value that gave
 * them holds (lag_w), and the bijdrage of a service month while the values it
 * looked up hold (w) and the ages it may read are the same (age_lo <= date <
 * age_hi). */
struct eng_wmo_prev {
    struct sw_window lag_w;   /* ok: lag kept */
    sw_month lag;
    struct sw_window w;       /* ok: bijdrage kept */
    sw_date age_lo, age_hi;
    int64_t bijdrage;
};

/* sw_wmo_eigen_bijdrage() of service month `service` (trace tr, may be NULL),
 * or wp's (engine_kept.c). */
sw_status eng_wmo_bijdrage(const struct eng_run *r, sw_month service,
                           const struct sw_wmo_household *h, struct eng_wmo_prev *wp,
                           int64_t *out, struct sw_trace *tr, struct sw_err *err);

/* The month before's LKS, for reuse in a whole month of work (without traces). */
struct eng_lks_prev {
    struct sw_window w;   /* ok: kept, its lookups in w */
    size_t period;        /* the loonwaarde period of the whole month */
    sw_date age_lo, age_hi;
    struct sw_lks_month lm;
};

/* The LKS of month index i into its row (switch run, a job with loonwaarde
 * periods), or prev's in a whole month of work. */
sw_status eng_lks_month(struct eng_run *r, int i, struct eng_lks_prev *prev, struct sw_err *err);

#endif
