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
        eng_wallet(r);                /* received, safe to spend, totals (engine_wallet.c) */
    return st;
}

sw_status sw_simulate(struct sw_timeline **out, const struct sw_tables *t,
                      const struct sw_scenario *s, unsigned flags, struct sw_err *err)
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
    /* Every month asks for the same parameters: look each up once. */
    st = sw_lookup_cache_new(&c.cache, err);
    if (st)
        goto out;
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

    st = run_one(&base_run, err);
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
    st = eng_advice(&sw_run, err);
    if (!st && !(flags & SW_SIM_NO_STEADY))
        st = eng_steady(tl, t, s, err);
    if (st)
        goto out;
    if (tl->used.nomem) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    *out = tl;
    tl = NULL;
out:
    sw_lookup_cache_free(c.cache);
    sw_timeline_free(tl);
    return st;
}
