/* engine.c - the month engine's orchestration: sw_simulate() builds the context
 * and the timeline, runs the baseline (staying on bijstand + dagbesteding) and the
 * switch through the phases of engine_impl.h, and adds the gain and the advice.
 * The phases are: the month loop (engine_months.c), the toeslagen and the korting
 * given twice (engine_toeslagen.c), the wallet (engine_wallet.c) and the advice
 * (engine_advice.c); they write through engine_run.c.
 *
 * Conventions of the simulation (not legal values; each is stated where it is
 * applied): a month's facts are those on its first day; a salary lands on its pay
 * date (engine_pay.c); a monthly salary counts for the bijstand of the month it is
 * earned in, a 4-weekly or weekly one for the month it is paid in; a payslip is
 * known to the municipality when it is in before its pay day (engine_ledger.c); a
 * recovery letter is collected in full after the uitvoering table's term unless
 * the municipality takes instalments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "switchsim/money.h"

static sw_status alloc_run(struct sw_run *run, const struct sw_scenario *s, bool traces,
                           struct sw_err *err)
{
    run->n = s->months;
    run->rows = calloc((size_t)s->months, sizeof(*run->rows));
    if (!run->rows)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    for (int i = 0; i < s->months; i++) {
        run->rows[i].month = s->start_month + i;
        if (traces) {
            run->rows[i].trace = calloc(SW_ITEM__COUNT, sizeof(struct sw_trace));
            if (!run->rows[i].trace)
                return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        }
    }
    return SW_OK;
}

static sw_status run_one(struct eng_run *r, struct sw_err *err)
{
    sw_status st;

    st = eng_months(r, err);          /* wage, bijstand, Wmo, LKS (engine_months.c) */
    if (!st)
        st = eng_toeslagen(r, err);   /* advances and settlement (engine_toeslagen.c) */
    if (!st)
        st = eng_kinderen(r, err);    /* kinderbijslag, IACK (engine_kinderen.c) */
    if (!st)
        st = eng_lokaal(r, err);      /* minimaregelingen, armoedeval (engine_lokaal.c) */
    if (!st)
        st = eng_korting_twice(r, err);
    if (!st)
        eng_partner_korting_twice(r);
    if (!st)
        st = eng_debts(r, err);       /* beslag or Wsnp (engine_debts.c) */
    if (!st)
        eng_wallet(r);                /* received, safe to spend, totals (engine_wallet.c) */
    return st;
}

/* --- the baseline kept for the next scenario (sw_simulate_keep) --- */

struct sw_baseline {
    bool kept;                     /* what follows holds a finished baseline run */
    const struct sw_tables *t;
    unsigned flags;
    struct sw_scenario s;          /* the scenario it ran for (copied bytes) */
    struct sw_timeline tl;         /* the timeline right after the baseline run; its
                                    * baseline rows and used values are owned here,
                                    * its scenario rows are not kept */
    struct eng_run run;
    struct eng_memo memo;
    struct sw_baseline *steady;    /* the same for the steady run (engine_steady.c) */
    struct sw_lookup_cache *cache; /* the lookup cache of the next run (or NULL) */
};

struct sw_baseline *sw_baseline_new(void)
{
    return calloc(1, sizeof(struct sw_baseline));
}

static void baseline_clear(struct sw_baseline *b)
{
    if (b->kept) {
        free(b->tl.baseline.rows);
        sw_used_release(&b->tl.used);
    }
    b->kept = false;
}

struct sw_baseline *sw_baseline_steady(struct sw_baseline *b)
{
    if (b && !b->steady)
        b->steady = sw_baseline_new();
    return b ? b->steady : NULL;
}

void sw_baseline_free(struct sw_baseline *b)
{
    if (!b)
        return;
    baseline_clear(b);
    sw_baseline_free(b->steady);
    sw_lookup_cache_free(b->cache);
    free(b);
}

/* The scenario with the fields the baseline never reads set alike: the job's
 * hours per week and its loonwaarde percents (staying on bijstand has no job). */
static void without_job_terms(struct sw_scenario *x, const struct sw_scenario *s)
{
    memcpy(x, s, sizeof(*x));
    x->job.hours_x100 = 0;
    for (size_t i = 0; i < SW_SCENARIO_MAX_LOONWAARDE; i++)
        x->job.loonwaarde[i].percent = 0;
}

/* Whether b holds the baseline run of scenario s: kept for the same tables and
 * flags and a scenario that differs at most in those fields. */
static bool baseline_fits(const struct sw_baseline *b, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags)
{
    struct sw_scenario *x;
    bool same;

    if (!b->kept || b->t != t || b->flags != flags || (flags & SW_SIM_TRACE))
        return false;
    x = malloc(sizeof(*x));
    if (!x)
        return false;
    without_job_terms(x, s);
    same = memcmp(x, &b->s, sizeof(*x)) == 0;
    free(x);
    return same;
}

/* Keep the finished baseline run of s (tl, base_run, memo) in b; nothing kept
 * when out of memory. Traces are never kept. */
static void baseline_keep(struct sw_baseline *b, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags,
                          const struct sw_timeline *tl, const struct eng_run *base_run,
                          const struct eng_memo *memo)
{
    struct sw_month_row *rows;
    struct sw_value_info *items = NULL;

    baseline_clear(b);
    if (flags & SW_SIM_TRACE)
        return;
    rows = malloc((size_t)tl->baseline.n * sizeof(*rows));
    if (tl->used.len)
        items = malloc(tl->used.len * sizeof(*items));
    if (!rows || (tl->used.len && !items)) {
        free(rows);
        free(items);
        return;
    }
    memcpy(rows, tl->baseline.rows, (size_t)tl->baseline.n * sizeof(*rows));
    if (items)
        memcpy(items, tl->used.items, tl->used.len * sizeof(*items));
    b->t = t;
    b->flags = flags;
    without_job_terms(&b->s, s);
    /* The ids of overridden values point into the scenario: into the copy here. */
    for (size_t i = 0; i < tl->used.len; i++)
        for (size_t k = 0; items[i].overridden && k < s->n_overrides; k++)
            if (items[i].id == s->overrides[k].id)
                items[i].id = b->s.overrides[k].id;
    b->tl = *tl;
    b->tl.scenario.rows = NULL;
    b->tl.baseline.rows = rows;
    b->tl.used.items = items;
    b->tl.used.cap = tl->used.len;
    b->run = *base_run;
    b->memo = *memo;
    b->kept = true;
}

/* Start tl and base_run from what b kept for scenario s (baseline_fits): the
 * timeline as the baseline run left it, the run's state, the memo. */
static sw_status baseline_reuse(const struct sw_baseline *b, const struct sw_scenario *s,
                                struct sw_timeline *tl, struct eng_run *base_run,
                                struct eng_memo *memo, struct sw_err *err)
{
    struct sw_run scenario_run = tl->scenario;
    struct sw_month_row *rows = malloc((size_t)b->tl.baseline.n * sizeof(*rows));
    struct sw_value_info *items = b->tl.used.len ? malloc(b->tl.used.len * sizeof(*items))
                                                 : NULL;

    if (!rows || (b->tl.used.len && !items)) {
        free(rows);
        free(items);
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    }
    memcpy(rows, b->tl.baseline.rows, (size_t)b->tl.baseline.n * sizeof(*rows));
    if (items)
        memcpy(items, b->tl.used.items, b->tl.used.len * sizeof(*items));
    for (size_t i = 0; i < b->tl.used.len; i++)
        for (size_t k = 0; items[i].overridden && k < s->n_overrides; k++)
            if (items[i].id == b->s.overrides[k].id)
                items[i].id = s->overrides[k].id;
    free(tl->baseline.rows);
    *tl = b->tl;
    tl->scenario = scenario_run;
    tl->baseline.rows = rows;
    tl->used.items = items;
    tl->used.cap = b->tl.used.len;
    *memo = b->memo;
    *base_run = b->run;
    base_run->memo = memo;
    return SW_OK;
}

static sw_status simulate(struct sw_timeline **out, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                          struct sw_err *err);

sw_status sw_simulate(struct sw_timeline **out, const struct sw_tables *t,
                      const struct sw_scenario *s, unsigned flags, struct sw_err *err)
{
    return simulate(out, t, s, flags, NULL, err);
}

sw_status sw_simulate_keep(struct sw_timeline **out, const struct sw_tables *t,
                           const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                           struct sw_err *err)
{
    return simulate(out, t, s, flags, keep, err);
}

static sw_status simulate(struct sw_timeline **out, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                          struct sw_err *err)
{
    struct sw_timeline *tl = NULL;
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    struct sw_ctx c;
    struct eng_run sw_run, base_run;
    struct eng_memo memo;
    sw_status st;
    bool traces = (flags & SW_SIM_TRACE) != 0;

    *out = NULL;
    tl = calloc(1, sizeof(*tl));
    if (!tl)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    sw_scenario_ctx(&c, t, s, ov);
    c.used = &tl->used;
    tl->debt_regime = s->household.debts.regime;
    /* Every month asks for the same parameters: look each up once (and a
     * batch's next scenario in the same municipality finds them too). */
    st = SW_OK;
    if (keep && !keep->cache)
        st = sw_lookup_cache_new(&keep->cache, err);
    else if (!keep)
        st = sw_lookup_cache_new(&c.cache, err);
    if (st)
        goto out;
    if (keep) {
        sw_lookup_cache_bind(keep->cache, &c);
        c.cache = keep->cache;
    }
    snprintf(tl->tables_version, sizeof(tl->tables_version), "%s", sw_tables_version(t));
    snprintf(tl->tables_sha256, sizeof(tl->tables_sha256), "%s", sw_tables_sha256(t));

    st = alloc_run(&tl->scenario, s, traces, err);
    if (!st)
        st = alloc_run(&tl->baseline, s, traces, err);
    if (st)
        goto out;
    memset(&sw_run, 0, sizeof(sw_run));
    memset(&memo, 0, sizeof(memo));
    sw_run.memo = &memo;
    sw_run.s = s;
    sw_run.c = &c;
    sw_run.run = &tl->scenario;
    sw_run.tl = tl;
    sw_run.is_switch = true;
    base_run = sw_run;
    base_run.run = &tl->baseline;
    base_run.is_switch = false;

    if (keep && baseline_fits(keep, t, s, flags)) {
        st = baseline_reuse(keep, s, tl, &base_run, &memo, err);
        base_run.s = s;
        base_run.c = &c;
        base_run.run = &tl->baseline;
        base_run.tl = tl;
        c.used = &tl->used;
    } else {
        st = run_one(&base_run, err);
        if (!st && keep)
            baseline_keep(keep, t, s, flags, tl, &base_run, &memo);
    }
    if (!st) {
        sw_run.base = &base_run;
        st = run_one(&sw_run, err);
    }
    if (st)
        goto out;
    for (int i = 0; i < s->months; i++)
        tl->total_gain += tl->scenario.rows[i].v[SW_ITEM_SAFE_TO_SPEND] -
                          tl->baseline.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
    /* The headline's average, rounded half up to cents. */
    tl->average_gain = sw_div_half_up(tl->total_gain, s->months);
    if (!(flags & ENG_SIM_STEADY_RUN))
        st = eng_advice(&sw_run, err);
    if (!st && !(flags & SW_SIM_NO_STEADY))
        st = eng_steady(tl, t, s, flags, keep, err);
    if (st)
        goto out;
    if (tl->used.nomem) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    *out = tl;
    tl = NULL;
out:
    if (!keep)
        sw_lookup_cache_free(c.cache);
    sw_timeline_free(tl);
    return st;
}
