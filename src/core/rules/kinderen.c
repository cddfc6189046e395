/* kinderen.c - kinderbijslag (AKW), the kindgebonden budget (WKB) and the
 * inkomensafhankelijke combinatiekorting (Wet IB 2001 art. 8.14a); see
 * kinderen.h. Every amount, age and percentage comes from the tables. */
#include <string.h>

#include "switchsim/kinderen.h"
#include "switchsim/money.h"

/* Children whose birth months sw_kgb_year() works out once (more: month by month). */
#define KGB_YEAR_BIRTHS 16

/* The n children born on births[] with a kindgebonden budget claim in month m
 * under the ages mid, high and end: how many (cls[0]), and how many have the 16
 * (cls[1]) and the 12 supplement (cls[2]). Art. 2 lid 1: from the month after
 * the birth through the month of the end age; lid 3-5: the supplements from the
 * month after the 12th / 16th birthday (a birthday month is the birth month,
 * `years` x 12 months later). The birth months are birth_months[] when not
 * NULL, else those of births[]. Returns a month after m up to which (not
 * included) the classes stay those of m under the same ages: the first month
 * after m that starts or ends a claim or a supplement, at most a year on. */
static sw_month kgb_classes(const sw_date *births, const sw_month *birth_months, size_t n,
                            sw_month m, int64_t mid, int64_t high, int64_t end, int cls[3])
{
    sw_month until = m + 12;

    cls[0] = cls[1] = cls[2] = 0;
    for (size_t i = 0; i < n; i++) {
        sw_month b = birth_months ? birth_months[i] : sw_month_of(births[i]);
        /* The months from which each test below answers otherwise. */
        sw_month from[4] = {b + 1, b + (sw_month)end * 12 + 1, b + (sw_month)high * 12 + 1,
                            b + (sw_month)mid * 12 + 1};

        /* Unrolled (gcc -O2 leaves a loop): asked for every child and month. */
#pragma GCC unroll 4
        for (int j = 0; j < 4; j++) /* structural: from[4] */
            if (from[j] > m && from[j] < until)
                until = from[j];
        if (!(b < m && m <= b + (sw_month)end * 12))
            continue;
        cls[0]++;
        if (m > b + (sw_month)high * 12)
            cls[1]++;
        else if (m > b + (sw_month)mid * 12)
            cls[2]++;
    }
    return until;
}

sw_status sw_kinderbijslag_quarter(const struct sw_ctx *c, sw_date quarter_start,
                                   const sw_date *births, size_t n, int64_t *out, int *children,
                                   struct sw_trace *tr, struct sw_err *err)
{
    int64_t a0 = 0, a6 = 0, a12 = 0, mid, high, end, sum = 0;
    int counted = 0;
    sw_status st;

    st = sw_param_t(c, "kinderbijslag.age.middle", quarter_start, SW_UNIT_YEARS, &mid, tr, err);
    if (!st)
        st = sw_param_t(c, "kinderbijslag.age.high", quarter_start, SW_UNIT_YEARS, &high, tr, err);
    if (!st)
        st = sw_param_t(c, "kinderbijslag.age.end", quarter_start, SW_UNIT_YEARS, &end, tr, err);
    if (st)
        return st;
    for (size_t i = 0; i < n; i++) {
        int age;
        if (births[i] > quarter_start)
            continue;
        age = sw_age_on(births[i], quarter_start);
        if (age >= end)
            continue;
        if (age >= high) {
            if (!a12)
                st = sw_param_t(c, "kinderbijslag.quarter.age12", quarter_start,
                                SW_UNIT_EUROCENT, &a12, tr, err);
            sum += a12;
        } else if (age >= mid) {
            if (!a6)
                st = sw_param_t(c, "kinderbijslag.quarter.age6", quarter_start,
                                SW_UNIT_EUROCENT, &a6, tr, err);
            sum += a6;
        } else {
            if (!a0)
                st = sw_param_t(c, "kinderbijslag.quarter.age0", quarter_start,
                                SW_UNIT_EUROCENT, &a0, tr, err);
            sum += a0;
        }
        if (st)
            return st;
        counted++;
    }
    sw_trace_rule(tr, "Algemene Kinderbijslagwet art. 7 en 12",
                  "per kind een bedrag per kwartaal, naar de leeftijd op de eerste dag van het "
                  "kwartaal; de SVB betaalt na afloop van het kwartaal");
    sw_trace_input(tr, "kinderen met kinderbijslag", counted, SW_UNIT_COUNT);
    *out = sum;
    if (children)
        *children = counted;
    return SW_OK;
}

sw_status sw_kinderbijslag_pay_month(const struct sw_ctx *c, sw_month quarter_last,
                                     sw_month *out, struct sw_err *err)
{
    int64_t after;
    sw_status st = sw_param(c, "kinderbijslag.paid_months_after_quarter",
                            sw_month_first_day(quarter_last), SW_UNIT_MONTHS, &after, NULL, err);

    if (!st)
        *out = quarter_last + (sw_month)after;
    return st;
}

/* The values on 1 January sw_kgb_month() looks up after the ages (the
 * vermogensgrens apart): through k when not NULL, asked in the same order as the
 * plain rule asks them the first time, kept values not again. */
static sw_status kgb_jan_params(const struct sw_ctx *c, struct sw_kgb_kept *k, sw_date jan,
                                bool partner, struct sw_kgb_params *p, struct sw_trace *tr,
                                struct sw_err *err)
{
    sw_status st;

    if (k && k->have_params) {
        *p = k->p;
        return SW_OK;
    }
    memset(p, 0, sizeof(*p));
    st = sw_param_t(c, "kindgebonden_budget.per_child", jan, SW_UNIT_EUROCENT, &p->per_child, tr,
                    err);
    if (!st)
        st = sw_param_t(c, "kindgebonden_budget.supplement_12", jan, SW_UNIT_EUROCENT, &p->sup12,
                        tr, err);
    if (!st)
        st = sw_param_t(c, "kindgebonden_budget.supplement_16", jan, SW_UNIT_EUROCENT, &p->sup16,
                        tr, err);
    if (!st)
        st = sw_param_t(c, "kindgebonden_budget.drempelinkomen", jan, SW_UNIT_EUROCENT,
                        &p->drempel, tr, err);
    if (!st)
        st = sw_param_t(c, "kindgebonden_budget.afbouw", jan, SW_UNIT_PERCENT, &p->rate, tr, err);
    if (!st && !partner)
        st = sw_param_t(c, "kindgebonden_budget.single_parent", jan, SW_UNIT_EUROCENT,
                        &p->single, tr, err);
    if (!st && partner)
        st = sw_param_t(c, "kindgebonden_budget.partner_extra", jan, SW_UNIT_EUROCENT, &p->extra,
                        tr, err);
    if (!st && k) {
        k->p = *p;
        k->have_params = true;
    }
    return st;
}

/* sw_kgb_month() past the ages, for the children's classes cls[] under them
 * (kgb_classes()); through k when not NULL (k set for m's year and f->partner
 * by the caller). */
static sw_status kgb_claim(const struct sw_ctx *c, struct sw_kgb_kept *k, sw_month m,
                           const struct sw_kgb_facts *f, const int cls[3],
                           struct sw_kgb_month *out, struct sw_trace *tr, struct sw_err *err)
{
    sw_date jan = sw_month_first_day(sw_month_from_ym(sw_month_year(m), 1));
    struct sw_kgb_params p;
    struct sw_kgb_month r;
    sw_status st;

    memset(&r, 0, sizeof(r));
    r.children = cls[0];
    if (r.children == 0) {
        sw_trace_rule(tr, "Wet op het kindgebonden budget art. 2 lid 1",
                      "geen kind met recht op kindgebonden budget in deze maand");
        *out = r;
        return SW_OK;
    }
    /* Art. 1 lid 4: no claim when the rendementsgrondslag at the start of the
     * year is above the vermogensgrens (the joint one with a partner). */
    if (f->vermogen_known) {
        int64_t grens;
        if (f->vermogen < 0 || f->vermogen > SW_MONEY_MAX)
            return sw_err_set(err, SW_ERR_INVALID, "vermogen", "vermogen out of range");
        if (k && k->have_grens) {
            grens = k->grens;
        } else {
            st = sw_param_t(c, f->partner ? "kindgebonden_budget.vermogensgrens.partner"
                                          : "kindgebonden_budget.vermogensgrens.single",
                            jan, SW_UNIT_EUROCENT, &grens, tr, err);
            if (st)
                return st;
            if (k) {
                k->grens = grens;
                k->have_grens = true;
            }
        }
        if (f->vermogen > grens) {
            sw_trace_rule(tr, "Wet op het kindgebonden budget art. 1 lid 4",
                          "geen kindgebonden budget: het vermogen is hoger dan de vermogensgrens");
            *out = r;
            return SW_OK;
        }
    }
    if ((st = kgb_jan_params(c, k, jan, f->partner, &p, tr, err)))
        return st;
    r.base = p.per_child * r.children + p.sup16 * cls[1] + p.sup12 * cls[2];
    if (!f->partner)
        r.base += p.single;
    if (f->income > p.drempel + p.extra)
        r.reduction = sw_money_rate_half_up(f->income - p.drempel - p.extra, p.rate);
    r.year_claim = r.base > r.reduction ? r.base - r.reduction : 0;
    sw_trace_rule(tr, f->partner ? "Wet op het kindgebonden budget art. 2 lid 2-5, 8 en 11"
                                 : "Wet op het kindgebonden budget art. 2 lid 2-7 en 11",
                  f->partner ? "bedrag per kind plus de verhogingen voor kinderen van 12 en 16 "
                               "jaar, min het afbouwpercentage van het gezamenlijke inkomen boven "
                               "het drempelinkomen plus het bedrag voor partners; per maand een "
                               "twaalfde"
                             : "bedrag per kind plus de verhogingen voor kinderen van 12 en 16 "
                               "jaar plus de alleenstaande-ouderkop, min het afbouwpercentage van "
                               "het inkomen boven het drempelinkomen; per maand een twaalfde");
    sw_trace_input(tr, "kinderen", r.children, SW_UNIT_COUNT);
    sw_trace_input(tr, "toetsingsinkomen van het jaar", f->income, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "jaarbedrag voor de afbouw", r.base, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "afbouw", r.reduction, SW_UNIT_EUROCENT);
    *out = r;
    return SW_OK;
}

sw_status sw_kgb_month(const struct sw_ctx *c, sw_month m, const struct sw_kgb_facts *f,
                       struct sw_kgb_month *out, struct sw_trace *tr, struct sw_err *err)
{
    sw_date d = sw_month_first_day(m);
    int64_t mid, high, end;
    int cls[3];
    sw_status st;

    if (f->income < 0 || f->income > SW_MONEY_MAX)
        return sw_err_set(err, SW_ERR_INVALID, "income", "income out of range");
    st = sw_param_t(c, "kindgebonden_budget.age.middle", d, SW_UNIT_YEARS, &mid, tr, err);
    if (!st)
        st = sw_param_t(c, "kindgebonden_budget.age.high", d, SW_UNIT_YEARS, &high, tr, err);
    if (!st)
        st = sw_param_t(c, "kindgebonden_budget.age.end", d, SW_UNIT_YEARS, &end, tr, err);
    if (st)
        return st;
    kgb_classes(f->births, NULL, f->n, m, mid, high, end, cls);
    return kgb_claim(c, NULL, m, f, cls, out, tr, err);
}

/* sw_kgb_year(), through kk when not NULL (then without a trace). */
static sw_status kgb_year(const struct sw_ctx *c, struct sw_kgb_kept *kk, int year,
                          const struct sw_kgb_facts *f, struct sw_kgb_month out[12],
                          struct sw_trace *tr, struct sw_err *err)
{
    static const char *const age_id[3] = {"kindgebonden_budget.age.middle",
                                          "kindgebonden_budget.age.high",
                                          "kindgebonden_budget.age.end"};
    int64_t age[3] = {0, 0, 0};   /* mid, high, end of the month computed last */
    int64_t now[3] = {0, 0, 0};   /* the ages on the month's first day */
    int cls[3] = {0, 0, 0};
    /* The classes of the month asked last, the ages they were worked out under
     * and the month up to which they hold (kgb_classes()). */
    int now_cls[3] = {0, 0, 0};
    int64_t cls_age[3] = {0, 0, 0};
    sw_month cls_until = 0;
    /* The children's birth months, once for the twelve months (when few). */
    sw_month bm[KGB_YEAR_BIRTHS];
    const sw_month *bmp = f->n <= KGB_YEAR_BIRTHS ? bm : NULL;
    /* The dates on which the ages looked up last (now[]) answer alike. */
    struct sw_window w = {.ok = false};
    sw_status st = SW_OK;

    /* As sw_kgb_month() checks first. */
    if (f->income < 0 || f->income > SW_MONEY_MAX)
        return sw_err_set(err, SW_ERR_INVALID, "income", "income out of range");
    /* kk's values are those of year's 1 January for f->partner. */
    if (kk && (!kk->set || kk->year != year || kk->partner != f->partner)) {
        memset(kk, 0, sizeof(*kk));
        kk->set = true;
        kk->year = year;
        kk->partner = f->partner;
    }
    for (size_t i = 0; bmp && i < f->n; i++)
        bm[i] = sw_month_of(f->births[i]);
    for (int k = 0; k < 12; k++) {
        sw_month m = sw_month_from_ym(year, k + 1);
        struct sw_trace *tr_k = k == 11 ? tr : NULL; /* calendar: December */
        sw_date d = sw_month_first_day(m);

        /* A month is the month before's when its ages and the children's classes
         * under them are the same: the ages are what sw_kgb_month() looks up
         * first (on the month's first day: asked here in the same order, so the
         * record of values used keeps its order), every other lookup is on 1
         * January and depends on the facts and the classes alone, so the rule
         * asks and finds the same (recorded already) and gives the same. Not the
         * traced month, which needs the calculation itself. The ages are
         * asked again only on a date outside the window of the last asking:
         * inside it they are the same values, recorded already. */
        if (!sw_window_holds(&w, d)) {
            sw_window_begin(c, &w, d);
            for (int a = 0; a < 3 && !st; a++) /* structural: age_id[3] */
                st = sw_param_t(c, age_id[a], d, SW_UNIT_YEARS, &now[a], NULL, err);
            sw_window_end(c, &w);
            if (st)
                return st;
        }
        if (m >= cls_until || memcmp(now, cls_age, sizeof(now)) != 0) {
            cls_until = kgb_classes(f->births, bmp, f->n, m, now[0], now[1], now[2], now_cls);
            memcpy(cls_age, now, sizeof(now));
        }
        if (k > 0 && !tr_k && memcmp(now, age, sizeof(age)) == 0 &&
            memcmp(now_cls, cls, sizeof(cls)) == 0) {
            out[k] = out[k - 1];
            continue;
        }
        memcpy(age, now, sizeof(age));
        memcpy(cls, now_cls, sizeof(cls));
        /* The traced month through the rule itself (its ages in the trace);
         * else the rule past the ages, which are now[] (asked on d, or on a
         * date they answer alike for) and give the classes now_cls[]. */
        st = tr_k ? sw_kgb_month(c, m, f, &out[k], tr_k, err)
                  : kgb_claim(c, kk, m, f, now_cls, &out[k], NULL, err);
        if (st)
            return st;
    }
    return SW_OK;
}

sw_status sw_kgb_year(const struct sw_ctx *c, int year, const struct sw_kgb_facts *f,
                      struct sw_kgb_month out[12], struct sw_trace *tr, struct sw_err *err)
{
    return kgb_year(c, NULL, year, f, out, tr, err);
}

sw_status sw_kgb_year_kept(const struct sw_ctx *c, struct sw_kgb_kept *k, int year,
                           const struct sw_kgb_facts *f, struct sw_kgb_month out[12],
                           struct sw_err *err)
{
    return kgb_year(c, k, year, f, out, NULL, err);
}

sw_status sw_iack_year(const struct sw_ctx *c, int year, int64_t arbeidsinkomen,
                       int64_t partner_arbeidsinkomen, bool partner, const sw_date *births,
                       size_t n, int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    sw_date jan = sw_month_first_day(sw_month_from_ym(year, 1));
    int64_t threshold, rate, max, age, months, k;
    bool child = false;
    sw_status st;

    *out = 0;
    st = sw_param_t(c, "inkomstenbelasting.iack.child_age", jan, SW_UNIT_YEARS, &age, tr, err);
    if (!st)
        st = sw_param_t(c, "inkomstenbelasting.iack.months_in_household", jan, SW_UNIT_MONTHS,
                        &months, tr, err);
    if (st)
        return st;
    /* Lid 1 onder b: a child younger than the age on 1 January that belongs to the
     * household for at least the months; born in the year: from its birth month. */
    for (size_t i = 0; i < n && !child; i++) {
        sw_month from = sw_month_of(births[i]);
        sw_month first = sw_month_from_ym(year, 1);
        int in_household = from <= first ? 12 : 12 - (from - first);
        if (births[i] <= jan && sw_age_on(births[i], jan) >= age)
            continue;
        child = in_household >= months;
    }
    if (!child || (partner && arbeidsinkomen >= partner_arbeidsinkomen)) {
        sw_trace_rule(tr, "Wet IB 2001 art. 8.14a",
                      !child ? "geen inkomensafhankelijke combinatiekorting: geen kind dat op 1 "
                               "januari jonger is dan de leeftijdsgrens en lang genoeg in het "
                               "huishouden woont"
                             : "geen inkomensafhankelijke combinatiekorting: de partner heeft "
                               "het lagere arbeidsinkomen");
        return SW_OK;
    }
    st = sw_param_t(c, "inkomstenbelasting.iack.threshold", jan, SW_UNIT_EUROCENT, &threshold, tr,
                    err);
    if (!st)
        st = sw_param_t(c, "inkomstenbelasting.iack.rate", jan, SW_UNIT_PERCENT, &rate, tr, err);
    if (!st)
        st = sw_param_t(c, "inkomstenbelasting.iack.max", jan, SW_UNIT_EUROCENT, &max, tr, err);
    if (st)
        return st;
    k = arbeidsinkomen > threshold ? sw_money_rate_half_up(arbeidsinkomen - threshold, rate) : 0;
    if (k > max)
        k = max;
    *out = sw_money_floor_euros(k);
    sw_trace_rule(tr, "Wet IB 2001 art. 8.14a",
                  "percentage van het arbeidsinkomen boven de drempel, ten hoogste het maximum, "
                  "in hele euro's");
    sw_trace_input(tr, "arbeidsinkomen van het jaar", arbeidsinkomen, SW_UNIT_EUROCENT);
    return SW_OK;
}
