/* engine_kept.c - what the month loop keeps from one month to the next
 * (engine_kept.h): the wage's loonheffing, the bijstand entitlement and its norm,
 * the Wmo bijdrage, a parameter asked every month, and the LKS of a whole month
 * of work. */
#include <stdint.h>
#include <string.h>

#include "engine_kept.h"
#include "switchsim/aow.h"
#include "switchsim/bijstand.h"
#include "switchsim/lks.h"
#include "switchsim/money.h"

/* sw_loonheffing_month() on the wage, or the month before's answer when the
 * wage, the values looked up (the window) and the AOW status are the same: the
 * white table uses the date only for its lookups and for the AOW status
 * (loonheffing.c, aow_group()); the korting is the job's in every month. The
 * dates rise, so a birth date before the earlier one is before this one too. */
sw_status eng_wage_loonheffing(const struct eng_run *r, sw_date d, int64_t gross,
                               struct sw_lh_month *lh, struct sw_trace *tr,
                               struct eng_lh_prev *prev, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    unsigned korting = s->job.loonheffingskorting ? SW_LH_KORTING : 0;
    sw_date end = sw_month_last_day(sw_month_of(d));
    bool aow = false;
    sw_status st;

    if (tr)
        return sw_loonheffing_month(r->c, d, gross, s->household.birth, korting, lh, tr, err);
    if (prev->w.ok && d >= prev->d && gross == prev->gross && sw_window_holds(&prev->w, d)) {
        /* Surely below the AOW age: sw_aow_reached() answers false without
         * asking (aow.c); else ask it. */
        if (sw_aow_surely_below(s->household.birth, end))
            aow = false;
        else if ((st = sw_aow_reached(r->c, s->household.birth, end, &aow, NULL, err)) != SW_OK)
            return st;
        if (aow == prev->aow) {
            *lh = prev->lh;
            return SW_OK;
        }
    }
    sw_window_begin(r->c, &prev->w, d);
    st = sw_loonheffing_month(r->c, d, gross, s->household.birth, korting, lh, NULL, err);
    sw_window_end(r->c, &prev->w);
    if (!st && prev->w.ok)
        st = sw_aow_reached(r->c, s->household.birth, end, &prev->aow, NULL, err);
    if (st) {
        prev->w.ok = false;
        return st;
    }
    prev->d = d;
    prev->gross = gross;
    prev->lh = *lh;
    return SW_OK;
}

sw_status eng_param_looked_up(const struct eng_run *r, struct eng_param_kept *k, const char *id,
                              sw_date d, enum sw_unit unit, int64_t *out, struct sw_trace *tr,
                              struct sw_err *err)
{
    sw_status st;

    if (tr) {
        k->w.ok = false;
        return sw_param_t(r->c, id, d, unit, out, tr, err);
    }
    sw_window_begin(r->c, &k->w, d);
    st = sw_param_t(r->c, id, d, unit, out, NULL, err);
    sw_window_end(r->c, &k->w);
    if (st)
        k->w.ok = false;
    else
        k->v = *out;
    return st;
}

/* Narrow [*lo, *hi) to the dates on which the person born on `birth` has the
 * age they have on d; false when that age is SW_AOW_AGE_YEARS_MIN or more (the
 * AOW age may come within it: sw_aow_reached() answers false below that without
 * a lookup). */
bool eng_same_age_span(sw_date birth, sw_date d, sw_date *lo, sw_date *hi)
{
    int a;
    sw_date from, to;

    if (birth == SW_NO_DATE)
        return true;
    a = sw_age_on(birth, d);
    if (a < 0 || a >= SW_AOW_AGE_YEARS_MIN)
        return false;
    from = sw_date_reaching_age(birth, a, 0);
    to = sw_date_reaching_age(birth, a + 1, 0);
    if (from > *lo)
        *lo = from;
    if (to < *hi)
        *hi = to;
    return true;
}

/* age_kept() when the age kept in m does not hold on d. */
static __attribute__((noinline)) int age_anew(struct eng_age *m, sw_date birth, sw_date d)
{
    m->birth = birth;
    m->age = sw_age_on(birth, d);
    m->lo = sw_date_reaching_age(birth, m->age, 0);
    m->hi = sw_date_reaching_age(birth, m->age + 1, 0);
    return m->age;
}

/* sw_age_on(birth, d) (birth not SW_NO_DATE, on or before d), through m: the
 * age asked last holds from the birthday it was reached on to the next (the
 * usual case, inline: the month loop asks it for every month). */
static inline int age_kept(struct eng_age *m, sw_date birth, sw_date d)
{
    if (m->birth != birth || d < m->lo || d >= m->hi)
        return age_anew(m, birth, d);
    return m->age;
}

/* eng_same_age_span() through the age kept in m; from SW_AOW_AGE_YEARS_MIN on,
 * for a person whose AOW status the calculation read (aow_read:
 * sw_aow_reached() then kept their AOW date in the context's memo, so asking it
 * again is a memo hit, without lookups), narrowed also to the dates on the same
 * side of that date, where sw_aow_reached() gives the same answer; false when
 * it cannot be had. */
static bool same_age_kept(const struct sw_ctx *c, struct eng_age *m, sw_date birth, sw_date d,
                          bool aow_read, sw_date *lo, sw_date *hi)
{
    int a;
    sw_date aow;

    if (birth == SW_NO_DATE)
        return true;
    a = age_kept(m, birth, d);
    if (a < 0 || (a >= SW_AOW_AGE_YEARS_MIN &&
                  (!aow_read || !c->cache || sw_aow_date(c, birth, &aow, NULL, NULL) != SW_OK)))
        return false;
    if (m->lo > *lo)
        *lo = m->lo;
    if (m->hi < *hi)
        *hi = m->hi;
    if (a >= SW_AOW_AGE_YEARS_MIN && d >= aow && aow > *lo)
        *lo = aow;
    if (a >= SW_AOW_AGE_YEARS_MIN && d < aow && aow < *hi)
        *hi = aow;
    return true;
}

/* Whether norm k answers for facts f on d (norm_kept()). */
static bool norm_holds(const struct eng_norm_kept *k, sw_date d,
                       const struct sw_household_facts *f)
{
    return d >= k->age_lo && d < k->age_hi && sw_window_holds(&k->w, d) &&
           memcmp(f, &k->f, sizeof(*f)) == 0;
}

/* sw_bijstand_norm() on date d without a trace, or the one kept in mm, or (the
 * switch run) one the baseline run kept: the norm uses the date only for its
 * lookups (the window) and for the ages of the resident, the partner and the
 * youngest child (with the AOW status, which below SW_AOW_AGE_YEARS_MIN needs
 * no lookup, and from then on the AOW date), and checks that no birth date lies
 * after it; same_from..same_to of its answer (bijstand.c) are the dates on
 * which those ages stay on the same side of every limit it compared them with
 * and the check holds: there the same facts give the same answer but for the
 * ages it reports, taken anew. Both runs ask in the same context, whose record
 * of the values used holds the baseline's. Facts with housemates are not
 * kept. */
static sw_status norm_kept(struct eng_run *r, struct eng_bj_memo *mm, sw_date d,
                           const struct sw_household_facts *f, struct sw_bijstand_norm *out,
                           struct sw_err *err)
{
    sw_status st;
    bool hit = mm->norm_set && norm_holds(&mm->nk, d, f);

    for (unsigned j = 0; !hit && r->is_switch && r->base && j < r->base->kept.n_norm; j++) {
        if (norm_holds(&r->base->kept.norm[j], d, f)) {
            mm->nk = r->base->kept.norm[j];
            mm->norm_set = hit = true;
        }
    }
    if (hit) {
        *out = mm->nk.norm;
        if (f->birth != SW_NO_DATE)
            out->age = age_kept(&mm->ages[0], f->birth, d);
        if (f->composition == SW_HOUSEHOLD_COUPLE && f->partner_birth != SW_NO_DATE)
            out->partner_age = age_kept(&mm->ages[1], f->partner_birth, d);
        return SW_OK;
    }
    mm->norm_set = false;
    sw_window_begin(r->c, &mm->nk.w, d);
    st = sw_bijstand_norm(r->c, d, f, out, NULL, err);
    sw_window_end(r->c, &mm->nk.w);
    if (st)
        return st;
    if (mm->nk.w.ok && f->n_housemates == 0 && out->same_from <= d && d < out->same_to) {
        mm->norm_set = true;
        mm->nk.f = *f;
        mm->nk.age_lo = out->same_from;
        mm->nk.age_hi = out->same_to;
        mm->nk.norm = *out;
        if (!r->is_switch && r->kept.n_norm < ENG_NORM_HIST)
            r->kept.norm[r->kept.n_norm++] = mm->nk;
    }
    return SW_OK;
}

void eng_bj_memo_init(struct eng_bj_memo *mm)
{
    for (unsigned j = 0; j < ENG_BJ_MEMO; j++)
        mm->e[j].set = false;
    for (unsigned j = 0; j < ENG_BJ_WIN; j++)
        mm->win[j].set = false;
    mm->next = mm->win_next = 0;
    mm->norm_set = false;
    mm->facts_d = SW_NO_DATE;
    mm->month_set = false;
    for (unsigned j = 0; j < 3; j++) /* structural: ages[3] */
        mm->ages[j].birth = SW_NO_DATE;
}

void eng_bj_of(const struct sw_bijstand *bj, struct eng_bj *out)
{
    out->norm = bj->norm;
    out->vrijlating = bj->vrijlating;
    out->counted_income = bj->counted_income;
    out->entitled = bj->entitled;
    out->monthly_payment = bj->monthly_payment;
    out->holiday_allowance_reserve = bj->holiday_allowance_reserve;
    out->vrijlating_kind = bj->vrijlating_detail.kind;
}

/* Narrow [*lo, *hi) to the dates on which the resident born on `birth` stays on
 * the side of the vrijlating's age limit (participatiewet.vrijlating.min_age,
 * art. 31 lid 5) they are on at d: below SW_AOW_AGE_YEARS_MIN sw_vrijlating()
 * reads the age only to compare it with that limit, which it looked up on d
 * (within the window the caller keeps), and the AOW status without a lookup.
 * From SW_AOW_AGE_YEARS_MIN on, or without the limit: same_age_kept(), the
 * dates of the same age. */
static bool vrijlating_age_kept(const struct sw_ctx *c, struct eng_age *m, sw_date birth,
                                sw_date d, sw_date *lo, sw_date *hi)
{
    struct sw_err err;
    int64_t min_age;
    sw_date from, to;
    int a;

    if (birth == SW_NO_DATE)
        return true;
    a = age_kept(m, birth, d);
    if (a < 0 || a >= SW_AOW_AGE_YEARS_MIN ||
        sw_param(c, "participatiewet.vrijlating.min_age", d, SW_UNIT_YEARS, &min_age, NULL,
                 &err) != SW_OK ||
        min_age < 0 || min_age > SW_AOW_AGE_YEARS_MIN)
        return same_age_kept(c, m, birth, d, true, lo, hi);
    from = a >= min_age ? sw_date_reaching_age(birth, (int)min_age, 0) : birth;
    to = sw_date_reaching_age(birth, a >= min_age ? SW_AOW_AGE_YEARS_MIN : (int)min_age, 0);
    if (from > *lo)
        *lo = from;
    if (to < *hi)
        *hi = to;
    return true;
}

/* The dates around d on which sw_bijstand_entitled_on_norm() finds the ages it
 * reads (for month index k) on the same side of the limits it compares them
 * with as on d, and no birth date of the facts after the date; false when it
 * does not keep. Its check of the birth dates holds on every date from d on.
 * Month index 0 reads no age (sw_vrijlating() ends first); the other indexes
 * read the resident's age (onder n's age limit: vrijlating_age_kept()) and AOW
 * status (sw_aow_reached(), which keeps the AOW date in the memo from
 * SW_AOW_AGE_YEARS_MIN on: same_age_kept()), a single parent's also the
 * youngest child's (onder r). */
static bool entitled_age_span(const struct sw_ctx *c, struct eng_bj_memo *mm,
                              const struct sw_household_facts *f, sw_date d, int k, sw_date *lo,
                              sw_date *hi)
{
    *lo = d;
    *hi = INT32_MAX;
    if (k == 0)
        return true;
    if (f->composition == SW_HOUSEHOLD_SINGLE_PARENT &&
        !same_age_kept(c, &mm->ages[2], f->youngest_child_birth, d, false, lo, hi))
        return false;
    return vrijlating_age_kept(c, &mm->ages[0], f->birth, d, lo, hi);
}

/* sw_bijstand_entitled_on_norm() as it works out from what it looked up on an
 * earlier date of this run (mm->win), or false. It uses the date only for its
 * lookups (the window w), the ages of the resident and the youngest child
 * (onder n and r; the AOW status, which below SW_AOW_AGE_YEARS_MIN needs no
 * lookup) and its check that no birth date of the facts lies after it:
 * entitled_age_span(). Of the norm it reads the amount only. sw_vrijlating()
 * (bijstand.c) says for which month indexes it takes the same branch with the
 * same lookups (vr_from..vr_to) for the same facts, where only months_left
 * (which struct eng_bj leaves out) differs; for an index from 1 on, its branch
 * does not depend on the income from work, which it checks to be in range
 * (validate_income(): 0 at index 0). The other income the caller checked
 * (eng_entitled_kept()). So the incomes enter the sums only:
 * sw_vrijlating_share() and sw_bijstand_sum(), worked out anew when they are
 * not the window's own. */
static bool entitled_window(struct eng_bj_memo *mm, sw_date d, const struct sw_household_facts *f,
                            const struct sw_bijstand_norm *n, int64_t work, int64_t other, int k,
                            struct eng_bj *out)
{
    const struct eng_bj_window *e = NULL;
    struct sw_bijstand_sums sums;

    if (work < 0 || work > SW_MONEY_MAX || (k == 0 && work != 0))
        return false;
    /* The answer is copied after the search, not where it is found: gcc takes
     * a return from inside the loop for the rare way out and copies a struct
     * there with `rep movs`, which cost more than the rest of a hit (perf).
     * Unrolled (gcc -O2 does not unroll it): each window's checks in line, as
     * engine_lokaal.c's loop over the schemes. */
#pragma GCC unroll 4
    for (unsigned j = 0; j < ENG_BJ_WIN && !e; j++) {
        const struct eng_bj_window *w = &mm->win[j];
        if (w->set && d >= w->age_lo && d < w->age_hi && sw_window_holds(&w->w, d) &&
            k >= w->vr_from && k <= w->vr_to && n->norm == w->bj.norm &&
            memcmp(f, &w->f, sizeof(*f)) == 0)
            e = w;
    }
    if (!e)
        return false;
    *out = e->bj;
    if (work == e->work && other == e->other)
        return true;
    out->vrijlating = e->bj.vrijlating_kind == SW_VRIJLATING_NONE
                          ? 0
                          : sw_vrijlating_share(work, e->vr_percent, e->vr_max);
    sw_bijstand_sum(out->norm, work, out->vrijlating, other, e->holiday_percent, &sums);
    out->counted_income = sums.counted_income;
    out->entitled = sums.entitled;
    out->monthly_payment = sums.monthly_payment;
    out->holiday_allowance_reserve = sums.holiday_allowance_reserve;
    return true;
}

/* sw_bijstand_entitled_on_norm() without traces, kept for entitled_window()
 * when its lookups held on a window (facts without housemates). */
static sw_status entitled_on_norm_kept(struct eng_run *r, struct eng_bj_memo *mm, sw_date d,
                                       const struct sw_household_facts *f,
                                       const struct sw_bijstand_norm *n, int64_t work,
                                       int64_t other, int k, struct eng_bj *out,
                                       struct sw_err *err)
{
    struct eng_bj_window *e = &mm->win[mm->win_next % ENG_BJ_WIN];
    struct sw_bijstand bj;
    sw_status st;

    if (entitled_window(mm, d, f, n, work, other, k, out))
        return SW_OK;
    e->set = false;
    sw_window_begin(r->c, &e->w, d);
    st = sw_bijstand_entitled_on_norm(r->c, d, f, n, work, other, k, &bj, NULL, err);
    sw_window_end(r->c, &e->w);
    if (st)
        return st;
    eng_bj_of(&bj, out);
    if (!e->w.ok || f->n_housemates != 0 ||
        !entitled_age_span(r->c, mm, f, d, k, &e->age_lo, &e->age_hi))
        return SW_OK;
    e->set = true;
    e->f = *f;
    e->work = work;
    e->other = other;
    e->vr_from = bj.vrijlating_detail.same_from;
    e->vr_to = bj.vrijlating_detail.same_to;
    e->vr_percent = bj.vrijlating_detail.percent;
    e->vr_max = bj.vrijlating_detail.max;
    e->holiday_percent = bj.holiday_allowance_percent;
    e->bj = *out;
    mm->win_next++;
    return SW_OK;
}

/* sw_bijstand_entitled() on the facts of date d, without traces, or the answer
 * it gave before in this run for the same date and inputs (struct eng_bj_memo),
 * or on another date as entitled_window() allows. */
sw_status eng_entitled_kept(struct eng_run *r, sw_date d, const struct sw_household_facts *f,
                            int64_t work, int64_t other, int k, struct eng_bj *out,
                            struct sw_err *err)
{
    struct eng_bj_memo *mm = r->bj_memo;
    sw_status st;

    if (mm) {
        unsigned j = 0;

        /* Copied after the search (see entitled_window()). */
        while (j < ENG_BJ_MEMO && !(mm->e[j].set && mm->e[j].d == d && mm->e[j].work == work &&
                                    mm->e[j].other == other && mm->e[j].k == k))
            j++;
        if (j < ENG_BJ_MEMO) {
            *out = mm->e[j].bj;
            return SW_OK;
        }
    }
    if (mm && other >= 0 && other <= SW_MONEY_MAX) {
        struct sw_bijstand_norm n;
        /* The norm first, as sw_bijstand_entitled() asks (after its check of
         * `other`): the same lookups in the same order. */
        st = norm_kept(r, mm, d, f, &n, err);
        if (!st)
            st = entitled_on_norm_kept(r, mm, d, f, &n, work, other, k, out, err);
    } else {
        struct sw_bijstand bj;
        st = sw_bijstand_entitled(r->c, d, f, work, other, k, &bj, NULL, err);
        if (!st)
            eng_bj_of(&bj, out);
    }
    if (!st && mm) {
        unsigned j = mm->next++ % ENG_BJ_MEMO;
        mm->e[j].set = true;
        mm->e[j].d = d;
        mm->e[j].work = work;
        mm->e[j].other = other;
        mm->e[j].k = k;
        mm->e[j].bj = *out;
    }
    return st;
}

/* sw_wmo_eigen_bijdrage() of service month `service`, or wp's: it uses the date
 * only for its lookups (the window) and, for a couple, for the AOW status of
 * both, which below SW_AOW_AGE_YEARS_MIN needs no lookup (eng_same_age_span()).
 * */
sw_status eng_wmo_bijdrage(const struct eng_run *r, sw_month service,
                           const struct sw_wmo_household *h, struct eng_wmo_prev *wp,
                           int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    sw_date d = sw_month_first_day(service), lo = INT32_MIN, hi = INT32_MAX;
    sw_status st;

    if (tr) {
        wp->w.ok = false;
        return sw_wmo_eigen_bijdrage(r->c, service, h, out, tr, err);
    }
    if (sw_window_holds(&wp->w, d) && d >= wp->age_lo && d < wp->age_hi) {
        *out = wp->bijdrage;
        return SW_OK;
    }
    sw_window_begin(r->c, &wp->w, d);
    st = sw_wmo_eigen_bijdrage(r->c, service, h, out, NULL, err);
    sw_window_end(r->c, &wp->w);
    if (st || (h->couple && (!eng_same_age_span(h->birth, d, &lo, &hi) ||
                             !eng_same_age_span(h->partner_birth, d, &lo, &hi)))) {
        wp->w.ok = false;
        return st;
    }
    wp->age_lo = lo;
    wp->age_hi = hi;
    wp->bijdrage = *out;
    return SW_OK;
}

/* The loonwaarde period in force on d: the last one starting on or before it
 * (lks.c, sw_lks_month()). */
static size_t period_on(const struct sw_scenario *s, sw_date d)
{
    size_t k = 0;

    while (k + 1 < s->job.n_loonwaarde && s->job.loonwaarde[k + 1].from <= d)
        k++;
    return k;
}

/* Whether month m is one whole month of work in one measured loonwaarde period
 * (period *k): sw_lks_month() then computes the month once, on its first day,
 * from the job's terms, the values looked up and the resident's age. */
static bool lks_whole_month(const struct sw_scenario *s, sw_month m, size_t *k)
{
    sw_date a = sw_month_first_day(m), b = sw_month_last_day(m);

    if (s->job.start > a || (s->job.end != SW_NO_DATE && s->job.end < b))
        return false;
    *k = period_on(s, a);
    return period_on(s, b) == *k && !s->job.loonwaarde[*k].forfaitair;
}

sw_status eng_lks_month(struct eng_run *r, int i, struct eng_lks_prev *prev, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_LKS);
    struct sw_lks_job job;
    struct sw_lks_month lm;
    sw_month m = r->run->rows[i].month;
    sw_date d = sw_month_first_day(m);
    size_t k = 0;
    bool whole;
    sw_status st;

    /* A month of work: some days employed (engine_months.c, month_status()). */
    if (!r->is_switch || s->job.n_loonwaarde == 0 || r->run->rows[i].status != SW_STATUS_WORK)
        return SW_OK;
    whole = !tr && lks_whole_month(s, m, &k);
    if (whole && prev->w.ok && k == prev->period && d >= prev->age_lo && d < prev->age_hi &&
        sw_window_holds(&prev->w, d)) {
        r->run->rows[i].v[SW_ITEM_LKS] = prev->lm.total;
        return SW_OK;
    }
    memset(&job, 0, sizeof(job));
    job.start = s->job.start;
    job.end = s->job.end;
    job.birth = s->household.birth;
    job.hours_x100 = s->job.hours_x100;
    job.hourly_wage = s->job.hourly_wage > 0 ? s->job.hourly_wage : 0;
    job.periods = s->job.loonwaarde;
    job.nperiods = s->job.n_loonwaarde;
    if (whole)
        sw_window_begin(r->c, &prev->w, d);
    st = sw_lks_month(r->c, m, &job, &lm, tr, err);
    if (whole) {
        sw_date lo = INT32_MIN, hi = INT32_MAX;
        sw_window_end(r->c, &prev->w);
        prev->w.ok = prev->w.ok && !st && eng_same_age_span(s->household.birth, d, &lo, &hi);
        prev->period = k;
        prev->age_lo = lo;
        prev->age_hi = hi;
        prev->lm = lm;
    }
    if (st)
        return st;
    r->run->rows[i].v[SW_ITEM_LKS] = lm.total;
    return SW_OK;
}

