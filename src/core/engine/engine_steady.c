/* engine_steady.c - the headline month that does not move with the window: "in een
 * gewone maand na de overstap" (include/switchsim/engine.h, struct sw_steady, says
 * which month that is and why). The reference is the first ordinary month of work
 * in the scenario run over a horizon that depends only on the start month and the
 * job's start, never on `months` (the lookahead run).
 *
 * A run that ends in a December has the lookahead run's rows in every month it
 * shows: what a month's figures read past the month stays within its calendar
 * year (the toeslagen and IACK year income, vakantiegeld, the settlement set
 * aside where it arose; not the Wajong's voorschot periods, which run across
 * it); what lies past the window's end only adds recoveries
 * collected later (after M, so they cannot hold M back) or moves a salary paid
 * next month out of a row past the window. So when such a run, ending in the
 * December of M's year, finds M, it is the lookahead run's M with the same months
 * before it, and the values carried forward that M depends on are among those it
 * used. eng_steady() therefore looks in the run itself when it ends in the
 * December of M's year; also when it ends later and used no projected value that
 * M's month would list (a run to that December uses no value this one does not,
 * so it lists none either); when it finds no M up to a December it shows by
 * which the job has ended (no later month is one of work), there is none; else
 * it looks in a run to the December of M's year or of the next years, and runs
 * the whole lookahead only when M lies beyond (or first, when the run's last
 * month is held back by a temporary vrijlating that looks like lasting past
 * those Decembers: a guess that orders the runs, never the answer);
 * SW_SIM_STEADY_FULL, strict mode and the Wajong always run it
 * (tests/unit/check_steady.c compares the two). A run longer than the main
 * run, which ends in a December, resumes the main run after it where the main
 * run recorded how (engine_resume.h): its months are not computed again. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "engine_impl.h"
#include "engine_resume.h"
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
    /* Nor a toeslag paid after a year's definitive berekening (once a year). */
    if (sc->v[SW_ITEM_TOESLAGEN_NABETALING] != 0 || bl->v[SW_ITEM_TOESLAGEN_NABETALING] != 0)
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
        st->n_projected = eng_projected_first(tx, sc->month, pv, SW_STEADY_MAX_PROJECTED);
        for (size_t k = 0; k < st->n_projected; k++)
            eng_copy_text(st->projected[k], sizeof(st->projected[k]), pv[k]->id);
        return;
    }
    memset(st, 0, sizeof(*st));
}

/* The length of a run from s's start month to the December of year y. */
static int months_to_december(const struct sw_scenario *s, int y)
{
    return (int)(sw_month_from_ym(y, 12) - s->start_month) + 1;
}

/* Whether no month from month `last` on can be an ordinary month of work: the
 * job has ended by the end of last (ordinary_month). */
static bool ended_by(const struct sw_scenario *s, sw_month last)
{
    return s->job.end != SW_NO_DATE && sw_month_of(s->job.end) <= last;
}

/* tl->steady from the scenario run over `months` (with its own keeper k): SW_OK
 * with *found set (*ran: the run did not fail), or SW_ERR_NOMEM. A run that
 * fails is "not found" (a value
 * missing in strict mode past the window, or a job that ends: no ordinary month,
 * which the outputs say; never a failure of the run itself). */
static sw_status steady_run(struct sw_timeline *tl, const struct sw_tables *t,
                            const struct sw_scenario *s, int months, unsigned flags,
                            struct sw_baseline *k, const struct eng_resume *rs, sw_month first,
                            bool *found, bool *ran, struct sw_err *err)
{
    struct sw_scenario sx = *s;
    struct sw_timeline *tx = NULL;
    struct sw_err ignored;
    unsigned fx = (flags & SW_SIM_STEADY_FULL) | SW_SIM_NO_STEADY | ENG_SIM_STEADY_RUN;
    sw_status st = SW_ERR_INTERNAL;

    *found = *ran = false;
    sx.months = months;
    /* A longer run resumes the main run after its last month (a December),
     * when it recorded how; should that fail, the run from the start. */
    if (rs && rs->ok && months > s->months)
        st = eng_simulate_resume(&tx, t, &sx, fx, k, rs, &ignored);
    if (st && st != SW_ERR_NOMEM)
        st = sw_simulate_keep(&tx, t, &sx, fx, k, &ignored);
    if (st == SW_ERR_NOMEM)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    if (st)
        return SW_OK;
    *ran = true;
    memset(&tl->steady, 0, sizeof(tl->steady));
    steady_from(&tl->steady, s, tx, first);
    tl->steady.first_from = first;
    *found = tl->steady.found;
    sw_timeline_free(tx);
    return SW_OK;
}

/* The last calendar year whose December a run of s over `months` months shows. */
static int last_full_year(const struct sw_scenario *s, int months)
{
    sw_month end = s->start_month + months - 1;

    return sw_month_number(end) == 12 ? sw_month_year(end) : sw_month_year(end) - 1;
}

/* The months of work (counting the first with income) for which a temporary
 * vrijlating of kind k (a row's vrijlating_kind) and the kinds that follow it
 * last for the household at date d (sw_vrijlating(): after onder n comes onder y
 * for the medisch urenbeperkt, which holds no month back; else onder z and then
 * onder aa for the doelgroep loonkostensubsidie; else, or after onder z without
 * aa, onder r for a single parent whose youngest child is still below the
 * table's age on `until`), from the tables (read without recording: only a
 * guess of what is to come is made of it, never a figure); INT64_MAX when
 * onder aa follows (no end); -1 when unknown. */
static int64_t vrijlating_lasts(const struct sw_tables *t, const struct sw_scenario *s,
                                char kind, sw_date d, sw_date until)
{
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    struct sw_ctx c;
    struct sw_err ignored;
    int64_t n = 0, z = 0, r = 0, age = 0;
    bool more = (kind == 'n' && !s->household.medical_hour_limit) || kind == 'z' ||
                kind == 'r';
    bool to_z = more && kind != 'r' && s->job.lks_doelgroep;
    bool to_r = more && s->household.composition == SW_HH_SINGLE_PARENT;
    sw_date youngest = SW_NO_DATE;

    if (kind == 'a' || (to_z && s->job.no_more_hours))
        return INT64_MAX;
    sw_scenario_ctx(&c, t, s, ov);
    c.used = NULL;
    /* Onder r only while the youngest child is below the table's age. */
    for (size_t i = 0; i < s->household.n_children; i++)
        if (s->household.children[i] <= until &&
            (youngest == SW_NO_DATE || s->household.children[i] > youngest))
            youngest = s->household.children[i];
    if (to_r && (youngest == SW_NO_DATE ||
                 sw_param(&c, "participatiewet.vrijlating.r.child_age_limit", d, SW_UNIT_YEARS,
                          &age, NULL, &ignored) ||
                 sw_age_on(youngest, until) >= age))
        to_r = false;
    if (kind != 'n' && !to_z && !to_r)
        return -1;
    if (sw_param(&c, "participatiewet.vrijlating.n.months", d, SW_UNIT_MONTHS, &n, NULL,
                 &ignored) ||
        (to_z && sw_param(&c, "participatiewet.vrijlating.z.months", d, SW_UNIT_MONTHS, &z,
                          NULL, &ignored)) ||
        (to_r && sw_param(&c, "participatiewet.vrijlating.r.months", d, SW_UNIT_MONTHS, &r,
                          NULL, &ignored)))
        return -1;
    return n + (z > r ? z : r);
}

/* A guess (it chooses the order of the runs, never the answer): whether no
 * month up to `last` can be an ordinary one, because the last month of the run
 * tl is held back by a temporary vrijlating (ordinary_month) that, one month of
 * work after another, still lasts in `last`. */
static bool held_back_until(const struct sw_tables *t, const struct sw_scenario *s,
                            const struct sw_timeline *tl, sw_month last)
{
    const struct sw_month_row *row = &tl->scenario.rows[tl->scenario.n - 1];
    int64_t lasts;

    if (row->status != SW_STATUS_WORK || row->v[SW_ITEM_VRIJLATING] == 0 ||
        row->v[SW_ITEM_BIJSTAND_ENTITLED] == 0 || row->vrijlating_kind == 'y' ||
        row->vrijlating_month <= 0 || last <= row->month)
        return false;
    lasts = vrijlating_lasts(t, s, row->vrijlating_kind, sw_month_first_day(row->month),
                             sw_month_first_day(last));
    return lasts >= (int64_t)row->vrijlating_month + (last - row->month);
}

/* The keeper of the n-th run eng_steady() may make (1: the lookahead; 2, 3, ...:
 * to the Decembers from the job's first year on), each its own so that a batch's
 * variants find their baselines; NULL without keep. */
static struct sw_baseline *nth_keeper(struct sw_baseline *keep, int n)
{
    while (n-- > 0)
        keep = sw_baseline_steady(keep);
    return keep;
}

sw_status eng_steady(struct sw_timeline *tl, const struct sw_tables *t,
                     const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                     const struct eng_resume *rs, struct sw_err *err)
{
    sw_month first = sw_month_of(s->job.start), end = s->start_month + s->months - 1;
    bool found = false, ran, guess;
    int horizon, full, y, last;
    sw_status st;

    memset(&tl->steady, 0, sizeof(tl->steady));
    if (first < s->start_month)
        first = s->start_month;
    tl->steady.first_from = first;
    horizon = steady_horizon(s, first);
    if (horizon <= 0)
        return SW_OK;
    /* SW_SIM_STEADY_FULL; strict mode (no value is carried forward, and a value
     * missing past a shorter run's end still means no ordinary month); and the
     * Wajong, whose voorschot periods run across the turn of the year (a period
     * still open at a run's end is settled on its months so far, and what is set
     * aside for it lands in months shown): the whole lookahead only. */
    if ((flags & SW_SIM_STEADY_FULL) || s->strict || s->before.benefit == SW_BEFORE_WAJONG)
        return steady_run(tl, t, s, horizon, flags, nth_keeper(keep, 1), rs, first, &found, &ran,
                          err);
    /* The run itself shows the lookahead run's months up to the last December
     * both show. M in the run's own last year, the run ending in that December
     * (or being the lookahead run), is the answer as it stands (without traces:
     * tracing may look up more values); M up to that
     * December is found again by the run to the December of M's year; no M up
     * to it: the search goes on from the next year. */
    full = last_full_year(s, s->months < horizon ? s->months : horizon);
    steady_from(&tl->steady, s, tl, first);
    tl->steady.first_from = first;
    if (tl->steady.found && !(flags & SW_SIM_TRACE) &&
        sw_month_year(tl->steady.month) == sw_month_year(end) &&
        (s->months == horizon || (s->months < horizon && sw_month_number(end) == 12)))
        return SW_OK;
    /* M in an earlier year whose December the run shows: the run to that
     * December has the same rows up to it and uses no value this run does not,
     * so when this run used no projected value that M's month would list, that
     * run lists none either. */
    if (tl->steady.found && !(flags & SW_SIM_TRACE) && tl->steady.n_projected == 0 &&
        sw_month_year(tl->steady.month) <= full)
        return SW_OK;
    /* No M up to that December, and the job ends by then: no later month is
     * an ordinary month of work either (ordinary_month), so there is none. */
    if (!tl->steady.found && ended_by(s, sw_month_from_ym(full, 12)))
        return SW_OK;
    y = sw_month_year(first);
    guess = !tl->steady.found || sw_month_year(tl->steady.month) > full;
    if (!guess)
        y = sw_month_year(tl->steady.month);
    else if (full + 1 > y)
        y = full + 1;
    memset(&tl->steady, 0, sizeof(tl->steady));
    tl->steady.first_from = first;
    /* When the run itself has no M and no month up to the last December before
     * the lookahead's end looks like being ordinary (held_back_until), the
     * lookahead first (a choice of cost only): the runs to those Decembers show
     * its months up to them, so an M past them is its M (none of them would
     * have found one, nor had the job end by then: M is a month of work), no M
     * at all is theirs too, and an M up to them is found again by the run to
     * the December of M's year (the years before find none), as below. */
    for (last = y; months_to_december(s, last + 1) < horizon; last++)
        ;
    if (guess && months_to_december(s, y) < horizon &&
        ((flags & SW_SIM_STEADY_FIRST) ||
         held_back_until(t, s, tl, sw_month_from_ym(last, 12)))) {
        st = steady_run(tl, t, s, horizon, flags, nth_keeper(keep, 1), rs, first, &found, &ran,
                        err);
        if (st || (ran && (!found || sw_month_year(tl->steady.month) > last)))
            return st;
        if (ran)
            y = sw_month_year(tl->steady.month);
        memset(&tl->steady, 0, sizeof(tl->steady));
        tl->steady.first_from = first;
    }
    /* Runs to each next December within the lookahead, then the lookahead; no M
     * up to a December by which the job has ended: none. */
    for (; months_to_december(s, y) < horizon; y++) {
        st = steady_run(tl, t, s, months_to_december(s, y), flags,
                        nth_keeper(keep, 2 + y - sw_month_year(first)), rs, first, &found,
                        &ran,
                        err);
        if (st || found || (ran && ended_by(s, sw_month_from_ym(y, 12))))
            return st;
    }
    return steady_run(tl, t, s, horizon, flags, nth_keeper(keep, 1), rs, first, &found, &ran, err);
}
