/* engine_lokaal.c - the municipality's minimaregelingen in both runs (lokaal.h)
 * and the armoedeval: the month in which the switch's income goes above a
 * scheme's limit, and what the resident loses by it.
 *
 * The income test (a convention of the simulation; municipalities word it each
 * in their own way, most as "netto per maand, exclusief vakantiegeld"): the
 * household's net income of the month without vakantiegeld - the net wage of the
 * month's payslip without vakantiegeld and eindejaarsuitkering (in a month that
 * pays them: the regular wage after the witte maandtabel), WW, the partner's net
 * income, and the bijstand paid monthly (without the vakantietoeslag reserved) -
 * against the limit of the month: the bijstandsnorm without vakantietoeslag plus
 * the municipality's percentage of it. On bijstand without other income the two
 * are equal, so a limit of 100 % is met. Toeslagen, kinderbijslag and
 * kindgebonden budget do not count (as at every municipality whose page says
 * so). Vermogen and age limits are not tested: the scenario does not hold them.
 *
 * Per scheme: kwijtschelding, pass and gemeentepolis are worth their monthly
 * value in each month whose income is within the limit. The individuele
 * inkomenstoeslag is applied for in the first month shown and every
 * months_per_year months after it (once per 12 months), and paid then when every
 * month of the waiting period up to it was within the limit; the months before
 * the first one shown count as within it (the resident lived on bijstand). */
#include <stdio.h>
#include <string.h>

#include "engine_impl.h"
#include "engine_kept.h"
#include "engine_resume.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"

static const enum sw_item scheme_item[SW_LOCAL__COUNT] = {
    SW_ITEM_IIT, SW_ITEM_KWIJTSCHELDING, SW_ITEM_LOKALE_PAS, SW_ITEM_GEMEENTEPOLIS};

/* The income the municipality tests in month index i (first day d; see above),
 * and the norm without vakantietoeslag it is held against. */
/* What tested_income() keeps from month to month: the vakantietoeslag
 * percentage, the table's answer on the regular wage, and the norm without
 * vakantietoeslag of the last norm and percentage (zero: none yet). */
struct income_kept {
    struct eng_param_kept vt;
    struct eng_lh_prev lh;
    int64_t norm, vt_ppm, base;
};

static sw_status tested_income(const struct eng_run *r, int i, sw_date d,
                               struct income_kept *ik, int64_t *income, int64_t *base,
                               struct sw_err *err)
{
    const int64_t *v = r->run->rows[i].v;
    int64_t work = v[SW_ITEM_COUNTED_INCOME], vt;
    sw_status st;

    if (v[SW_ITEM_HOLIDAY_PAY] != 0 || v[SW_ITEM_YEAR_END_BONUS] != 0) {
        struct sw_lh_month lh;
        /* The regular wage of the payslip, as if paid without the extra: the
         * month loop asked the table the same (date, gross, birth date, korting)
         * for this month when it worked out the wage on it (r->lh_gross); else
         * the table on it, or its answer of an earlier month with this gross
         * while it holds (eng_wage_loonheffing()). */
        if (r->lh_gross[i] >= 0 && r->lh_gross[i] == v[SW_ITEM_GROSS_WAGE]) {
            lh.net = r->lh_net[i];
        } else {
            st = eng_wage_loonheffing(r, d, v[SW_ITEM_GROSS_WAGE], &lh, NULL, &ik->lh, err);
            if (st)
                return st;
        }
        work = lh.net < work ? lh.net : work;
    }
    /* The monthly part of the norm, rounded as the bijstand's monthly payment
     * (bijstand.c, art. 19 lid 3). */
    st = eng_param_kept(r, &ik->vt, "participatiewet.holiday_allowance_percent", d,
                        SW_UNIT_PERCENT, &vt, NULL, err);
    if (st)
        return st;
    if (ik->base == 0 || v[SW_ITEM_BIJSTAND_NORM] != ik->norm || vt != ik->vt_ppm) {
        ik->norm = v[SW_ITEM_BIJSTAND_NORM];
        ik->vt_ppm = vt;
        ik->base = sw_money_rate_half_up(ik->norm, SW_PPM_ONE - vt);
    }
    *base = ik->base;
    *income = work + v[SW_ITEM_WW_NET] + v[SW_ITEM_PARTNER_NET] + v[SW_ITEM_BIJSTAND_ENTITLED];
    return SW_OK;
}

static void household(const struct sw_scenario *s, struct sw_local_household *h)
{
    h->couple = s->household.composition == SW_HH_COUPLE;
    h->single_parent = s->household.composition == SW_HH_SINGLE_PARENT;
    h->children = (int)s->household.n_children;
}

/* Append the strings of parts (NULL-ended) to text[0, size) at *n, as
 * snprintf(text + *n, size - *n, "%s%s...") does for *n < size (cut to fit,
 * ended by a NUL; *n the length it would have had): the warning's text is
 * built of literals and formatted amounts only. */
static void append(char *text, size_t size, size_t *n, const char *const *parts)
{
    for (; *parts; parts++) {
        size_t len = strlen(*parts);
        if (*n + 1 < size) {
            size_t room = size - 1 - *n;
            memcpy(text + *n, *parts, len < room ? len : room);
        }
        *n += len;
    }
    if (size > 0)
        text[*n < size ? *n : size - 1] = '\0';
}

/* One warning per month for the schemes whose limit the income passes in it,
 * short enough for one line of the printed page: the month, each limit once
 * from the lowest up, what is lost and what it was worth. */
static void warn_month(struct eng_run *r, size_t from)
{
    struct sw_timeline *tl = r->tl;
    char text[480], a[32], ml[32];
    size_t n = 0, order[SW_LOCAL__COUNT], m = 0;
    int64_t total = 0;
    const struct sw_armoedeval *e0 = &tl->armoedeval[from];

    /* The month's events (at most one per scheme) by limit, a stable
     * insertion sort: schemes with the same limit keep the scheme order. */
    for (size_t k = from; k < tl->n_armoedeval && m < SW_LOCAL__COUNT; k++) {
        size_t j = m++;
        while (j > 0 && tl->armoedeval[order[j - 1]].limit > tl->armoedeval[k].limit) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = k;
    }
    sw_month_nl(ml, sizeof(ml), e0->month);
    append(text, sizeof(text), &n, (const char *const[]){"Armoedeval vanaf ", ml, ":", NULL});
    for (size_t o = 0; o < m && n < sizeof(text); o++) {
        const struct sw_armoedeval *e = &tl->armoedeval[order[o]];
        bool same = o > 0 && tl->armoedeval[order[o - 1]].limit == e->limit;
        if (!same) {
            sw_money_format_nl(a, sizeof(a), e->limit);
            append(text, sizeof(text), &n,
                   (const char *const[]){o > 0 ? ";" : "", " met een inkomen boven ", a,
                                         " per maand vervalt", NULL});
        } else if (n < sizeof(text)) {
            append(text, sizeof(text), &n, (const char *const[]){" en", NULL});
        }
        if (n >= sizeof(text))
            break;
        if (e->value_known) {
            sw_money_format_nl(a, sizeof(a), e->year_value);
            total += e->year_value;
        }
        append(text, sizeof(text), &n,
               (const char *const[]){" de ", sw_local_scheme_label(e->scheme), " (",
                                     e->value_known ? a : "waarde niet bekend",
                                     e->value_known ? " per jaar" : "", ")", NULL});
    }
    if (n < sizeof(text))
        append(text, sizeof(text), &n, (const char *const[]){".", NULL});
    eng_warning(r, "armoedeval", e0->month, total, "%s", text);
}

/* The terms of scheme k on the first day d of a month, for the norm `base`:
 * those of the month before while the lookups they were built from hold
 * (kept: the terms, their norm and their window), or in the switch run those
 * the baseline run worked out for a window that holds (the same household,
 * context and record of the values used), with the limit on this month's
 * norm; else worked out anew (and by the baseline kept for the switch run).
 * The household does not change within a run; a traced month is worked out. */
static sw_status month_terms(struct eng_run *r, sw_date d, enum sw_local_scheme k,
                             const struct sw_local_household *h, int64_t base,
                             struct sw_trace *tr, struct eng_terms_kept *kept,
                             const struct sw_local_terms **t, struct sw_err *err)
{
    bool hit = !tr && kept->have && sw_window_holds(&kept->w, d);
    sw_status st;

    if (!tr && !hit && r->is_switch && r->base) {
        for (unsigned j = 0; !hit && j < r->base->kept.n_terms[k]; j++) {
            if (sw_window_holds(&r->base->kept.terms[k][j].w, d)) {
                *kept = r->base->kept.terms[k][j];
                hit = true;
            }
        }
    }
    *t = &kept->t;
    if (hit) {
        if (base != kept->base) {
            kept->t.limit = sw_local_limit(base, kept->t.above_ppm);
            kept->base = base;
        }
        return SW_OK;
    }
    sw_window_begin(r->c, &kept->w, d);
    st = sw_local_terms(r->c, k, d, h, base, &kept->t, tr, err);
    sw_window_end(r->c, &kept->w);
    kept->have = st == SW_OK;
    if (kept->have) {
        kept->base = base;
        if (!tr && kept->w.ok && !r->is_switch && r->kept.n_terms[k] < ENG_TERMS_HIST)
            r->kept.terms[k][r->kept.n_terms[k]++] = *kept;
    }
    return st;
}

/* The dates on which month_terms() keeps every scheme's terms (kept[k]
 * has them and their window holds): the intersection of their windows, ok
 * when each has terms and a window. A month in it needs no month_terms() (not
 * while tracing: a traced month works its terms out). */
static void terms_span(const struct eng_terms_kept kept[SW_LOCAL__COUNT], struct sw_window *all)
{
    all->ok = true;
    all->lo = kept[0].w.lo;
    all->hi = kept[0].w.hi;
    for (int k = 0; k < SW_LOCAL__COUNT; k++) {
        all->ok = all->ok && kept[k].have && kept[k].w.ok;
        all->lo = kept[k].w.lo > all->lo ? kept[k].w.lo : all->lo;
        all->hi = kept[k].w.hi < all->hi ? kept[k].w.hi : all->hi;
    }
}

sw_status eng_lokaal(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_local_household h;
    bool prev_ok[SW_LOCAL__COUNT];
    int last_bad[SW_LOCAL__COUNT];
    /* Only what is read before it is written is set (month_terms(),
     * tested_income()): zeroing the rest costs a `rep stos` in every run. */
    struct eng_terms_kept kept[SW_LOCAL__COUNT];
    struct sw_window all = {.ok = false};   /* terms_span() of kept */
    struct income_kept ik;
    sw_status st;

    ik.vt.w.ok = false;
    ik.lh.w.ok = false;
    ik.base = 0;
    household(s, &h);
    /* A resumed run: where the run it resumes ended. */
    for (int k = 0; k < SW_LOCAL__COUNT; k++) {
        kept[k].have = false;
        prev_ok[k] = r->res ? r->res->prev_ok[k] : true;
        last_bad[k] = r->res ? r->res->last_bad[k] : -1 - SW_SCENARIO_MAX_MONTHS;
    }
    for (int i = r->from; i < r->run->n; i++) {
        int64_t *v = r->run->rows[i].v, income, base;
        size_t events = r->tl->n_armoedeval;
        sw_date d = sw_month_first_day(r->run->rows[i].month);

        bool kept_all = !r->traces && sw_window_holds(&all, d);

        st = tested_income(r, i, d, &ik, &income, &base, err);
        if (st)
            return st;

        /* Unrolled: each scheme's item and kind then known at compile time. */
#pragma GCC unroll 4
        for (int k = 0; k < SW_LOCAL__COUNT; k++) {
            const struct sw_local_terms *t;
            enum sw_item item = scheme_item[k];
            struct sw_trace *tr = kept_all ? NULL : eng_trace(r, i, item);
            bool ok;

            /* Every scheme's kept terms hold: month_terms()'s hit, the limit
             * on this month's norm. */
            if (kept_all && base == kept[k].base) {
                t = &kept[k].t;
            } else {
                st = month_terms(r, d, (enum sw_local_scheme)k, &h, base, tr, &kept[k], &t,
                                 err);
                if (st)
                    return st;
            }
            if (i == 0 && !r->is_switch) {
                struct sw_local_summary *ls = &r->tl->local[k];
                ls->tested = t->tested;
                ls->value_known = t->value_known;
                ls->above_ppm = t->above_ppm;
                ls->limit = t->limit;
                ls->year_value = t->year_value;
                ls->waiting_months = t->waiting_months;
                ls->entered = t->entered;
            }
            if (!t->tested)
                continue;
            ok = income <= t->limit;
            if (!ok)
                last_bad[k] = i;
            if (r->is_switch && prev_ok[k] && !ok &&
                r->tl->n_armoedeval < SW_MAX_ARMOEDEVAL) {
                struct sw_armoedeval *e = &r->tl->armoedeval[r->tl->n_armoedeval++];
                e->scheme = (enum sw_local_scheme)k;
                e->month = r->run->rows[i].month;
                e->income = income;
                e->limit = t->limit;
                e->value_known = t->value_known;
                e->year_value = t->year_value;
            }
            prev_ok[k] = ok;
            if (k == SW_LOCAL_IIT) {
                /* Applied for once per months_per_year months from the first month
                 * shown; paid when the whole waiting period was within the limit. */
                if (i % t->months_per_year == 0 && ok && i - last_bad[k] > t->waiting_months)
                    v[item] = t->year_value;
            } else if (ok) {
                v[item] = t->month_value;
            }
            if (tr) {
                sw_trace_rule(tr, "gemeentelijke minimaregeling (tabel van de gemeente)",
                              k == SW_LOCAL_IIT
                                  ? "het jaarbedrag in de maand van de aanvraag (elke 12 "
                                    "maanden), als het inkomen de hele wachttijd niet boven "
                                    "de grens was"
                              : k == SW_LOCAL_ZORGPOLIS
                                  ? "de waarde per maand zolang het inkomen niet boven de "
                                    "grens is (grens = bijstandsnorm + percentage)"
                                  : "een twaalfde van het bedrag per jaar (half naar boven "
                                    "afgerond op centen) in elke maand waarin het inkomen "
                                    "niet boven de grens is (grens = bijstandsnorm + "
                                    "percentage)");
                sw_trace_input(tr, "getoetst inkomen (netto loon, WW, partner, bijstand; zonder "
                                   "vakantiegeld)",
                               income, SW_UNIT_EUROCENT);
            }
        }
        if (!kept_all)
            terms_span(kept, &all);
        if (r->texts && r->tl->n_armoedeval > events)
            warn_month(r, events);
        if (r->is_switch && r->base) {
            const int64_t *b = r->base->run->rows[i].v;
#pragma GCC unroll 4
            for (int k = 0; k < SW_LOCAL__COUNT; k++)
                if (b[scheme_item[k]] > v[scheme_item[k]])
                    v[SW_ITEM_ARMOEDEVAL] += b[scheme_item[k]] - v[scheme_item[k]];
            if (r->traces) {
                struct sw_trace *tr = eng_trace(r, i, SW_ITEM_ARMOEDEVAL);
                sw_trace_rule(tr, "switchsim: armoedeval",
                              "wat u zonder de baan wel van de gemeente zou krijgen en nu "
                              "niet, omdat uw inkomen boven de grens komt");
                sw_trace_input(tr, "getoetst inkomen", income, SW_UNIT_EUROCENT);
            }
        }
    }
    /* Where this run ends, for a longer run that resumes it. */
    if (r->rec) {
        memcpy(r->rec->prev_ok, prev_ok, sizeof(prev_ok));
        memcpy(r->rec->last_bad, last_bad, sizeof(last_bad));
    }
    return SW_OK;
}
