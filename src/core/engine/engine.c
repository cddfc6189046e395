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
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "engine_resume.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"

/* Rows in blocks of ROWS_BLOCK rows (1,880 bytes) by the C library
 * (eng_clear(), eng_copy()), which clears or copies less than 2 kB with its
 * vector stores. A row at a time (a fixed size) the compiler expands into a
 * string instruction (rep stos, rep movs) that pays its start-up for every
 * row; all rows in one call (some 9 kB) take the library's string instruction
 * path, which valgrind counts byte by byte (the engine's instruction counts
 * stay comparable with the time spent). */
enum { ROWS_BLOCK = 5 }; /* structural: rows a block */

static void rows_zero(struct sw_month_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i += ROWS_BLOCK)
        eng_clear(&rows[i], (n - i < ROWS_BLOCK ? n - i : ROWS_BLOCK) * sizeof(rows[i]));
}

static void rows_copy(struct sw_month_row *dst, const struct sw_month_row *src, size_t n)
{
    for (size_t i = 0; i < n; i += ROWS_BLOCK)
        eng_copy(&dst[i], &src[i], (n - i < ROWS_BLOCK ? n - i : ROWS_BLOCK) * sizeof(dst[i]));
}

/* A timeline with room for the rows of both runs of s right after it, in the
 * same block (one allocation instead of two; sw_timeline_free() knows): NULL
 * when out of memory. */
static struct sw_timeline *timeline_alloc(const struct sw_scenario *s)
{
    _Static_assert(sizeof(struct sw_timeline) % _Alignof(struct sw_month_row) == 0,
                   "the rows follow the timeline");
    return malloc(sizeof(struct sw_timeline) + 2 * (size_t)s->months * sizeof(struct sw_month_row));
}

/* The rows of both runs in the timeline's block (timeline_alloc(); scenario
 * rows first, then the baseline's): the switch's rows zeroed, the baseline's
 * only when `zero_baseline` (a kept baseline overwrites them), each with its
 * month; the first `copied` of each left as they are (a resumed run copies
 * them). */
static sw_status alloc_rows(struct sw_timeline *tl, const struct sw_scenario *s, bool traces,
                            bool zero_baseline, size_t copied, struct sw_err *err)
{
    size_t n = (size_t)s->months;
    struct sw_month_row *rows = (struct sw_month_row *)(tl + 1);

    rows_zero(rows + copied, n - copied);
    if (zero_baseline)
        rows_zero(rows + n + copied, n - copied);
    tl->scenario.rows = rows;
    tl->scenario.n = s->months;
    tl->baseline.rows = rows + n;
    tl->baseline.n = s->months;
    for (size_t i = 0; i < n; i++) {
        rows[i].month = s->start_month + (sw_month)i;
        rows[n + i].month = rows[i].month;
        if (!zero_baseline)
            rows[n + i].trace = NULL;
    }
    for (size_t i = 0; traces && i < 2 * n; i++) {
        rows[i].trace = calloc(SW_ITEM__COUNT, sizeof(struct sw_trace));
        if (!rows[i].trace)
            return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    }
    return SW_OK;
}

/* The phases, each marked as a part (enum eng_seg; eng_months() marks its own). */
static sw_status run_one(struct eng_run *r, struct sw_err *err)
{
    sw_status st;

    st = eng_months(r, err);          /* wage, bijstand, Wmo, LKS (engine_months.c) */
    if (!st) {
        eng_seg(r, ENG_SEG_TOESLAGEN);
        st = eng_toeslagen(r, err);   /* advances and settlement (engine_toeslagen.c) */
    }
    if (!st) {
        eng_seg(r, ENG_SEG_KINDEREN);
        st = eng_kinderen(r, err);    /* kinderbijslag, IACK (engine_kinderen.c) */
    }
    if (!st) {
        eng_seg(r, ENG_SEG_LOKAAL);
        st = eng_lokaal(r, err);      /* minimaregelingen, armoedeval (engine_lokaal.c) */
    }
    if (!st) {
        eng_seg(r, ENG_SEG_KORTING);
        st = eng_korting_twice(r, err);
    }
    if (!st) {
        eng_seg(r, ENG_SEG_REST);
        eng_partner_korting_twice(r);
    }
    if (!st)
        st = eng_debts(r, err);       /* beslag or Wsnp (engine_debts.c) */
    if (!st) {
        eng_wallet(r);                /* received, safe to spend, totals (engine_wallet.c) */
        eng_seg(r, ENG_SEG__COUNT);
    }
    return st;
}

/* --- the timeline without its unused entries ---
 * A timeline is mostly its fixed arrays of recoveries, warnings and actions, of
 * which only the first n_recoveries, n_warnings and n_actions hold anything. A
 * new timeline zeroes, and a kept one copies, everything else and only those
 * entries (eng_recovery_plan(), eng_warning() and eng_action() set an entry
 * whole when they add it). */
#define TL_AT(f) offsetof(struct sw_timeline, f)
_Static_assert(offsetof(struct eng_run, kept) < offsetof(struct eng_run, from),
               "run_clear() expects the kept norms and terms before the resume fields");
#define RUN_SIZE(f) sizeof(((struct eng_run *)0)->f)
_Static_assert(offsetof(struct eng_run, bijstand_net_incl_vt) + RUN_SIZE(bijstand_net_incl_vt) +
                       (offsetof(struct eng_run, employer_ahk) -
                        offsetof(struct eng_run, wage_and_bijstand)) + RUN_SIZE(employer_ahk) +
                       RUN_SIZE(partner_ahk) + RUN_SIZE(iack_year) + RUN_SIZE(wage_lh_year) +
                       RUN_SIZE(full_wage) + RUN_SIZE(lh_gross) + RUN_SIZE(lh_net) +
                       RUN_SIZE(korting_kept) ==
                   offsetof(struct eng_run, first_month_bijstand),
               "run_clear() clears each field from bijstand_net_incl_vt to first_month_bijstand "
               "(the padding after the bools of wage_and_bijstand aside)");
#undef RUN_SIZE
_Static_assert(TL_AT(recoveries) < TL_AT(n_recoveries) && TL_AT(n_recoveries) < TL_AT(warnings) &&
                   TL_AT(warnings) < TL_AT(n_warnings) && TL_AT(n_warnings) < TL_AT(actions) &&
                   TL_AT(actions) < TL_AT(n_actions),
               "timeline_zero() and timeline_copy() expect this order");

/* The parts of a timeline around its three arrays: byte ranges [from, to). */
static const size_t tl_parts[4][2] = {
    {0, TL_AT(recoveries)},
    {TL_AT(n_recoveries), TL_AT(warnings)},
    {TL_AT(n_warnings), TL_AT(actions)},
    {TL_AT(n_actions), sizeof(struct sw_timeline)},
};

static void timeline_zero(struct sw_timeline *tl)
{
    for (size_t k = 0; k < sizeof(tl_parts) / sizeof(tl_parts[0]); k++)
        memset((char *)tl + tl_parts[k][0], 0, tl_parts[k][1] - tl_parts[k][0]);
}

static void timeline_copy(struct sw_timeline *dst, const struct sw_timeline *src)
{
    for (size_t k = 0; k < sizeof(tl_parts) / sizeof(tl_parts[0]); k++)
        memcpy((char *)dst + tl_parts[k][0], (const char *)src + tl_parts[k][0],
               tl_parts[k][1] - tl_parts[k][0]);
    memcpy(dst->recoveries, src->recoveries, src->n_recoveries * sizeof(src->recoveries[0]));
    memcpy(dst->warnings, src->warnings, src->n_warnings * sizeof(src->warnings[0]));
    memcpy(dst->actions, src->actions, src->n_actions * sizeof(src->actions[0]));
}

/* The memo's filled part (engine_run.h). */
static void memo_copy(struct eng_memo *dst, const struct eng_memo *src)
{
    memcpy(dst->base_income_set, src->base_income_set, sizeof(src->base_income_set));
    memcpy(dst->base_income, src->base_income, sizeof(src->base_income));
    memcpy(dst->toeslag, src->toeslag, src->n_toeslag * sizeof(src->toeslag[0]));
    dst->n_toeslag = src->n_toeslag;
}

/* --- the baseline kept for the next scenario (sw_simulate_keep) --- */

struct sw_baseline {
    bool kept;                     /* what follows holds a finished baseline run */
    bool cache_only;               /* sw_baseline_new_cache: keep no baseline run */
    const struct sw_tables *t;
    unsigned flags;
    struct sw_scenario s;          /* the scenario it ran for (copied bytes) */
    struct sw_scenario x;          /* baseline_fits()'s scratch */
    struct sw_timeline tl;         /* the timeline right after the baseline run, its
                                    * filled part (timeline_copy()): its baseline
                                    * rows are `rows`, its used values `items`; its
                                    * scenario rows are not kept */
    struct sw_month_row *rows;     /* these two buffers live from one kept */
    size_t rows_cap;               /* baseline to the next (capacity in elements) */
    struct sw_value_info *items;
    size_t items_cap;
    size_t used_len;               /* values the last timeline made with b used */
    struct eng_run run;
    struct eng_memo memo;
    struct eng_snap *snap;         /* the kept baseline's record for resuming (or NULL) */
    bool snap_ok;                  /* snap holds it */
    struct sw_baseline *steady;    /* the same for the steady run (engine_steady.c) */
    struct sw_lookup_cache *cache; /* the lookup cache of the next run (or NULL) */
    struct sw_lh_memo *lh_memo;    /* the gross-ups kept (or NULL) */
};

struct sw_baseline *sw_baseline_new(void)
{
    return calloc(1, sizeof(struct sw_baseline));
}

struct sw_baseline *sw_baseline_new_cache(void)
{
    struct sw_baseline *b = sw_baseline_new();

    if (b)
        b->cache_only = true;
    return b;
}

struct sw_baseline *sw_baseline_steady(struct sw_baseline *b)
{
    if (b && !b->steady)
        b->steady = b->cache_only ? sw_baseline_new_cache() : sw_baseline_new();
    return b ? b->steady : NULL;
}

void sw_baseline_free(struct sw_baseline *b)
{
    if (!b)
        return;
    free(b->rows);
    free(b->items);
    free(b->snap);
    sw_baseline_free(b->steady);
    sw_lookup_cache_free(b->cache);
    free(b->lh_memo);
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
static bool baseline_fits(struct sw_baseline *b, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags)
{
    if (!b->kept || b->t != t || b->flags != flags || (flags & SW_SIM_TRACE))
        return false;
    without_job_terms(&b->x, s);
    return memcmp(&b->x, &b->s, sizeof(b->x)) == 0;
}

/* Make room for n elements of `size` bytes in *p (capacity *cap); false when
 * out of memory (*p unchanged). */
static bool reserve(void **p, size_t *cap, size_t n, size_t size)
{
    void *q;

    if (n <= *cap)
        return true;
    q = realloc(*p, n * size);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

/* The ids of overridden values point into their scenario's overrides: move
 * those of items[0, n) from scenario `from` to the same overrides of `to`. */
static void override_ids(struct sw_value_info *items, size_t n, const struct sw_scenario *from,
                         const struct sw_scenario *to)
{
    for (size_t i = 0; i < n && from->n_overrides; i++)
        for (size_t k = 0; items[i].overridden && k < from->n_overrides; k++)
            if (items[i].id == from->overrides[k].id)
                items[i].id = to->overrides[k].id;
}

/* Keep the finished baseline run of s (tl, base_run, memo) in b; nothing kept
 * when out of memory. Traces are never kept. */
static void baseline_keep(struct sw_baseline *b, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags,
                          const struct sw_timeline *tl, const struct eng_run *base_run,
                          const struct eng_memo *memo)
{
    size_t n = (size_t)tl->baseline.n, len = tl->used.len;

    b->kept = false;
    if (b->cache_only || (flags & SW_SIM_TRACE) ||
        !reserve((void **)&b->rows, &b->rows_cap, n, sizeof(*b->rows)) ||
        !reserve((void **)&b->items, &b->items_cap, len, sizeof(*b->items)))
        return;
    rows_copy(b->rows, tl->baseline.rows, n);
    if (len)
        memcpy(b->items, tl->used.items, len * sizeof(*b->items));
    b->t = t;
    b->flags = flags;
    without_job_terms(&b->s, s);
    override_ids(b->items, len, s, &b->s);
    timeline_copy(&b->tl, tl);
    b->tl.scenario.rows = NULL;
    b->tl.baseline.rows = b->rows;
    b->tl.used.items = b->items;
    b->tl.used.cap = len;
    b->run = *base_run;
    b->run.rec = NULL;
    b->run.res = NULL;
    /* A main run's record of its baseline, for the runs that resume it. */
    b->snap_ok = base_run->rec && !base_run->res &&
                 (b->snap || (b->snap = malloc(sizeof(*b->snap))) != NULL);
    if (b->snap_ok)
        *b->snap = *base_run->rec;
    memo_copy(&b->memo, memo);
    b->kept = true;
}

/* Start tl and base_run from what b kept for scenario s (baseline_fits): the
 * timeline as the baseline run left it (into tl's own rows, alloc_rows()), the
 * run's state, the memo. */
static sw_status baseline_reuse(const struct sw_baseline *b, const struct sw_scenario *s,
                                struct sw_timeline *tl, struct eng_run *base_run,
                                struct eng_memo *memo, struct sw_err *err)
{
    struct sw_run scenario_run = tl->scenario, baseline_run = tl->baseline;
    size_t len = b->tl.used.len, cap = b->used_len > len ? b->used_len : len;
    /* Room for what the switch run adds, as many as the last time. */
    struct sw_value_info *items = cap ? malloc(cap * sizeof(*items)) : NULL;

    if (cap && !items)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    rows_copy(baseline_run.rows, b->tl.baseline.rows, (size_t)b->tl.baseline.n);
    if (len)
        memcpy(items, b->tl.used.items, len * sizeof(*items));
    override_ids(items, len, &b->s, s);
    sw_used_release(&tl->used);
    timeline_copy(tl, &b->tl);
    tl->scenario = scenario_run;
    tl->baseline.rows = baseline_run.rows;
    tl->used.items = items;
    tl->used.cap = cap;
    memo_copy(memo, &b->memo);
    *base_run = b->run;
    base_run->memo = memo;
    return SW_OK;
}

static sw_status simulate(struct sw_timeline **out, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                          const struct eng_resume *from, struct eng_resume **rs_out,
                          struct sw_err *err);

sw_status sw_simulate(struct sw_timeline **out, const struct sw_tables *t,
                      const struct sw_scenario *s, unsigned flags, struct sw_err *err)
{
    return simulate(out, t, s, flags, NULL, NULL, NULL, err);
}

sw_status sw_simulate_keep(struct sw_timeline **out, const struct sw_tables *t,
                           const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                           struct sw_err *err)
{
    return simulate(out, t, s, flags, keep, NULL, NULL, err);
}

sw_status eng_simulate_resume(struct sw_timeline **out, const struct sw_tables *t,
                              const struct sw_scenario *s, unsigned flags,
                              struct sw_baseline *keep, const struct eng_resume *from,
                              struct sw_err *err)
{
    return simulate(out, t, s, flags, keep, from, NULL, err);
}

sw_status eng_resume_pair(const struct sw_tables *t, const struct sw_scenario *s, int months,
                          struct sw_timeline **resumed, struct sw_timeline **full,
                          struct sw_err *err)
{
    unsigned fx = SW_SIM_NO_STEADY | ENG_SIM_STEADY_RUN;
    struct sw_scenario sx = *s;
    struct sw_timeline *main = NULL;
    struct eng_resume *rs = NULL;
    sw_status st;

    *resumed = *full = NULL;
    sx.months = months;
    st = simulate(&main, t, s, 0, NULL, NULL, &rs, err);
    if (!st && rs && rs->ok && months > s->months) {
        rs->tl = main;
        if (simulate(resumed, t, &sx, fx, NULL, rs, NULL, err) == SW_ERR_NOMEM)
            st = SW_ERR_NOMEM;
    }
    if (!st)
        st = simulate(full, t, &sx, fx, NULL, NULL, NULL, err);
    free(rs);
    sw_timeline_free(main);
    return st;
}

/* r zeroed but for the norms and terms the baseline keeps (some 2.8 kB of its
 * 6 kB), which are read only up to their counts (zeroed), and for its per-month
 * arrays past the run's n months (room for SW_SCENARIO_MAX_MONTHS), which no
 * phase reads (they index them by the run's month index). */
static void run_clear(struct eng_run *r, size_t n)
{
#define RUN_MONTHS_ZERO(f) memset(r->f, 0, n * sizeof(r->f[0]))
    memset(r, 0, offsetof(struct eng_run, bijstand_net_incl_vt));
    RUN_MONTHS_ZERO(bijstand_net_incl_vt);
    RUN_MONTHS_ZERO(wage_and_bijstand);
    RUN_MONTHS_ZERO(employer_ahk);
    RUN_MONTHS_ZERO(partner_ahk);
    memset(r->iack_year, 0, sizeof(r->iack_year));
    memset(r->wage_lh_year, 0, sizeof(r->wage_lh_year));
    RUN_MONTHS_ZERO(full_wage);
    RUN_MONTHS_ZERO(lh_gross);
    RUN_MONTHS_ZERO(lh_net);
    RUN_MONTHS_ZERO(korting_kept);
#undef RUN_MONTHS_ZERO
    r->first_month_bijstand = 0;
    r->kept.n_norm = 0;
    memset(r->kept.n_terms, 0, sizeof(r->kept.n_terms));
    memset((char *)r + offsetof(struct eng_run, from), 0,
           sizeof(*r) - offsetof(struct eng_run, from));
}

/* r as set up, with the per-month arrays (and first_month_bijstand) of a, the
 * main run's at its end: every field but those set up here. */
static void run_arrays(struct eng_run *r, const struct eng_run *a)
{
    struct eng_run x = *r;

    *r = *a;
    r->memo = x.memo;
    r->bj_memo = NULL;
    r->lh_memo = x.lh_memo;
    r->s = x.s;
    r->c = x.c;
    r->run = x.run;
    r->tl = x.tl;
    r->is_switch = x.is_switch;
    r->texts = x.texts;
    r->steady = x.steady;
    r->traces = x.traces;
    r->base = x.base;
    r->from = x.from;
    r->seg = x.seg;
    r->rec = x.rec;
    r->res = x.res;
}

static sw_status simulate(struct sw_timeline **out, const struct sw_tables *t,
                          const struct sw_scenario *s, unsigned flags, struct sw_baseline *keep,
                          const struct eng_resume *from, struct eng_resume **rs_out,
                          struct sw_err *err)
{
    struct sw_timeline *tl = NULL;
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    struct sw_ctx c;
    struct eng_run runs[2];          /* the runs, unless rs holds them */
    struct eng_run *base_run, *sw_run;
    struct eng_memo memo;
    struct eng_resume *rs = NULL;   /* what this main run records for resuming */
    struct eng_snap fresh[2];       /* a resumed run's own marks */
    int k = from ? from->tl->scenario.n : 0;
    sw_status st;
    bool traces = (flags & SW_SIM_TRACE) != 0, reuse;

    *out = NULL;
    tl = timeline_alloc(s);
    if (!tl)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    timeline_zero(tl);
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
    eng_copy_text(tl->tables_version, sizeof(tl->tables_version), sw_tables_version(t));
    eng_copy_text(tl->tables_sha256, sizeof(tl->tables_sha256), sw_tables_sha256(t));

    reuse = keep && baseline_fits(keep, t, s, flags);
    st = alloc_rows(tl, s, traces, !reuse, (size_t)k, err);
    if (st)
        goto out;
    /* A main run that a longer one may resume records for it (no memory: none). */
    if (!from && eng_resumable(s, flags))
        rs = eng_resume_new();
    /* A main run that records runs in its record's place (no copy at the end). */
    base_run = rs ? &rs->run[0] : &runs[0];
    sw_run = rs ? &rs->run[1] : &runs[1];
    run_clear(sw_run, (size_t)s->months);
    run_clear(base_run, (size_t)s->months);
    memo.n_toeslag = 0;
    memset(memo.base_income_set, 0, sizeof(memo.base_income_set));
    memset(&memo.tk, 0, sizeof(memo.tk));
    sw_run->memo = &memo;
    /* Gross-ups kept for the next scenario (none when out of memory). */
    if (keep && !keep->lh_memo)
        keep->lh_memo = calloc(1, sizeof(*keep->lh_memo));
    if (keep && keep->lh_memo) {
        sw_lh_memo_bind(keep->lh_memo, t);
        sw_run->lh_memo = keep->lh_memo;
    }
    sw_run->s = s;
    sw_run->c = &c;
    sw_run->run = &tl->scenario;
    sw_run->tl = tl;
    sw_run->is_switch = true;
    /* The steady run and SW_SIM_NO_ADVICE: no text is read. */
    sw_run->texts = !(flags & (SW_SIM_NO_ADVICE | ENG_SIM_STEADY_RUN));
    sw_run->steady = (flags & ENG_SIM_STEADY_RUN) != 0;
    sw_run->traces = traces;
    base_run->memo = &memo;
    base_run->lh_memo = sw_run->lh_memo;
    base_run->s = s;
    base_run->c = &c;
    base_run->run = &tl->baseline;
    base_run->tl = tl;
    base_run->texts = sw_run->texts;
    base_run->steady = sw_run->steady;
    base_run->traces = traces;
    if (rs) {
        base_run->rec = &rs->snap[0];
        sw_run->rec = &rs->snap[1];
    }
    if (from) {
        /* Resume: the main run's months as they stand, its state at their end. */
        eng_snap_init(&fresh[0]);
        eng_snap_init(&fresh[1]);
        base_run->from = sw_run->from = k;
        base_run->rec = &fresh[0];
        sw_run->rec = &fresh[1];
        base_run->res = &from->snap[0];
        sw_run->res = &from->snap[1];
        run_arrays(base_run, &from->run[0]);
        run_arrays(sw_run, &from->run[1]);
        rows_copy(tl->scenario.rows, from->tl->scenario.rows, (size_t)k);
        if (!reuse)
            rows_copy(tl->baseline.rows, from->tl->baseline.rows, (size_t)k);
        memcpy(tl->local, from->tl->local, sizeof(tl->local));
    }

    if (reuse) {
        st = baseline_reuse(keep, s, tl, base_run, &memo, err);
        base_run->s = s;
        base_run->c = &c;
        base_run->run = &tl->baseline;
        base_run->tl = tl;
        c.used = &tl->used;
        if (rs && !keep->snap_ok)
            rs->snap[0].full = true;   /* no record of the kept baseline: no resuming */
        else if (rs)
            rs->snap[0] = *keep->snap;
    } else {
        st = run_one(base_run, err);
        if (!st && from &&
            !eng_resume_close_seen(&from->tl->used, &from->snap[0], &tl->used, &fresh[0]))
            st = sw_err_set(err, SW_ERR_INTERNAL, NULL, "cannot resume");
        if (!st && from &&
            !eng_resume_used(&tl->used, &from->tl->used, &from->snap[0], &fresh[0]))
            st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        if (!st && keep)
            baseline_keep(keep, t, s, flags, tl, base_run, &memo);
    }
    if (!st && from) {
        /* The switch's events in the months resumed from. */
        memcpy(tl->armoedeval, from->tl->armoedeval, sizeof(tl->armoedeval));
        tl->n_armoedeval = from->tl->n_armoedeval;
    }
    if (!st) {
        sw_run->base = base_run;
        st = run_one(sw_run, err);
    }
    if (!st && from &&
        !eng_resume_close_seen(&from->tl->used, &from->snap[1], &tl->used, &fresh[1]))
        st = sw_err_set(err, SW_ERR_INTERNAL, NULL, "cannot resume");
    if (!st && from && !eng_resume_used(&tl->used, &from->tl->used, &from->snap[1], &fresh[1]))
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    if (!st && from) {
        if (!eng_resume_recoveries(tl, from->tl, &from->snap[1], &fresh[1]))
            st = sw_err_set(err, SW_ERR_INTERNAL, NULL, "too many recoveries to resume");
    }
    if (st)
        goto out;
    for (int i = 0; i < s->months; i++)
        tl->total_gain += tl->scenario.rows[i].v[SW_ITEM_SAFE_TO_SPEND] -
                          tl->baseline.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
    /* The headline's average, rounded half up to cents. */
    tl->average_gain = sw_div_half_up(tl->total_gain, s->months);
    if (rs)
        eng_resume_check(rs, tl);
    if (flags & SW_SIM_NO_ADVICE)
        eng_advice_lookups(sw_run);
    else if (!(flags & ENG_SIM_STEADY_RUN))
        st = eng_advice(sw_run, err);
    if (!st && !(flags & SW_SIM_NO_STEADY))
        st = eng_steady(tl, t, s, flags, keep, rs, err);
    if (st)
        goto out;
    if (tl->used.nomem) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    if (keep)
        keep->used_len = tl->used.len;
    *out = tl;
    tl = NULL;
    if (rs_out) {
        *rs_out = rs;
        rs = NULL;
    }
out:
    free(rs);
    if (!keep)
        sw_lookup_cache_free(c.cache);
    sw_timeline_free(tl);
    return st;
}
