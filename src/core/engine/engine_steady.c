/* engine_steady.c - the headline month that does not move with the window: "in een
 * gewone maand na de overstap" (include/switchsim/engine.h, struct sw_steady, says
 * which month that is and why). The scenario is run once more over a horizon that
 * depends only on the start month and the job's start, never on `months`, and the
 * first ordinary month of work in that run is the reference. */
#include <stdio.h>
#include <string.h>

#include "engine_impl.h"
#include "switchsim/money.h"

/* The months before the job's first month plus the lookahead, within the
 * scenario's limit. */
static int steady_horizon(const struct sw_scenario *s, sw_month first)
{
    int n = (int)(first - s->start_month) + SW_STEADY_LOOKAHEAD;

    return n > SW_SCENARIO_MAX_MONTHS ? SW_SCENARIO_MAX_MONTHS : n;
}

/* True when a bijstand recovery caused before m is still to be collected in or
 * after m: the settlement is still running in m. */
static bool bijstand_pending(const struct sw_timeline *tl, sw_month m)
{
    for (size_t i = 0; i < tl->n_recoveries; i++) {
        const struct sw_recovery *r = &tl->recoveries[i];
        if (r->kind == SW_RECOVERY_BIJSTAND && r->caused < m && r->collected >= m)
            return true;
    }
    return false;
}

/* True when month i of the run tx is an ordinary month of work (engine.h). */
static bool ordinary_month(const struct sw_scenario *s, const struct sw_timeline *tx, int i)
{
    const struct sw_month_row *sc = &tx->scenario.rows[i];
    const struct sw_month_row *bl = &tx->baseline.rows[i];
    sw_month m = sc->month;

    if (sc->status != SW_STATUS_WORK || s->job.start > sw_month_first_day(m))
        return false;
    if (s->job.end != SW_NO_DATE && s->job.end < sw_month_last_day(m))
        return false;
    if (s->job.dagbesteding_until != SW_NO_DATE &&
        s->job.dagbesteding_until >= sw_month_first_day(m))
        return false;
    /* The temporary vrijlating (kinds n and r) plays no role. */
    if (sc->v[SW_ITEM_VRIJLATING] != 0 && sc->v[SW_ITEM_BIJSTAND_ENTITLED] != 0 &&
        sc->vrijlating_kind != 'y')
        return false;
    /* No money paid once a year. */
    if (s->job.holiday_pay == SW_HOLIDAY_YEARLY && sc->v[SW_ITEM_HOLIDAY_PAY] != 0)
        return false;
    if (sc->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] != 0 || bl->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] != 0)
        return false;
    /* Nor the municipality's individuele inkomenstoeslag (once a year). */
    if (sc->v[SW_ITEM_IIT] != 0 || bl->v[SW_ITEM_IIT] != 0)
        return false;
    /* The switch has settled. */
    if (bijstand_pending(tx, m))
        return false;
    if (sc->v[SW_ITEM_BIJSTAND_PAID] != sc->v[SW_ITEM_BIJSTAND_ENTITLED])
        return false;
    if (sc->v[SW_ITEM_RECOVERY_COLLECTED] != 0 || bl->v[SW_ITEM_RECOVERY_COLLECTED] != 0 ||
        sc->v[SW_ITEM_RESERVE_RELEASED] != 0 || bl->v[SW_ITEM_RESERVE_RELEASED] != 0)
        return false;
    return true;
}

static void steady_from(struct sw_steady *st, const struct sw_scenario *s,
                        const struct sw_timeline *tx, sw_month first)
{
    const struct sw_value_info *pv[SW_STEADY_MAX_PROJECTED];

    for (int i = 0; i < tx->scenario.n; i++) {
        const struct sw_month_row *sc = &tx->scenario.rows[i];
        int64_t gain;

        if (sc->month < first)
            continue;
        gain = sc->v[SW_ITEM_SAFE_TO_SPEND] - tx->baseline.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
        if (!ordinary_month(s, tx, i)) {
            st->first_months++;
            st->first_total += gain;
            continue;
        }
        st->found = true;
        st->month = sc->month;
        st->gain = gain;
        st->safe_to_spend = sc->v[SW_ITEM_SAFE_TO_SPEND];
        st->baseline_safe_to_spend = tx->baseline.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
        st->debt_taken = sc->v[SW_ITEM_DEBT_TAKEN];
        st->baseline_debt_taken = tx->baseline.rows[i].v[SW_ITEM_DEBT_TAKEN];
        if (st->first_months > 0)
            st->first_average = sw_div_half_up(st->first_total, st->first_months);
        st->n_projected = sw_timeline_projected(tx, sc->month, pv, SW_STEADY_MAX_PROJECTED);
        if (st->n_projected > SW_STEADY_MAX_PROJECTED)
            st->n_projected = SW_STEADY_MAX_PROJECTED;
        for (size_t k = 0; k < st->n_projected; k++)
            snprintf(st->projected[k], sizeof(st->projected[k]), "%s", pv[k]->id);
        return;
    }
    memset(st, 0, sizeof(*st));
}

sw_status eng_steady(struct sw_timeline *tl, const struct sw_tables *t,
                     const struct sw_scenario *s, struct sw_baseline *keep, struct sw_err *err)
{
    struct sw_scenario sx = *s;
    struct sw_timeline *tx = NULL;
    struct sw_err ignored;
    sw_month first = sw_month_of(s->job.start);
    sw_status st;

    memset(&tl->steady, 0, sizeof(tl->steady));
    if (first < s->start_month)
        first = s->start_month;
    tl->steady.first_from = first;
    sx.months = steady_horizon(s, first);
    if (sx.months <= 0)
        return SW_OK;
    /* A value missing in strict mode past the window, or a job that ends: no
     * ordinary month, which the outputs say; never a failure of the run itself. */
    st = sw_simulate_keep(&tx, t, &sx, SW_SIM_NO_STEADY | ENG_SIM_STEADY_RUN,
                          sw_baseline_steady(keep), &ignored);
    if (st == SW_ERR_NOMEM)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    if (st)
        return SW_OK;
    steady_from(&tl->steady, s, tx, first);
    tl->steady.first_from = first;
    sw_timeline_free(tx);
    return SW_OK;
}
