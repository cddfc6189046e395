/* zorgtoeslag.c - the zorgtoeslag: the standaardpremie minus the normpremie on the
 * year's toetsingsinkomen (Wet op de zorgtoeslag art. 2), per year or per month. */
#include <stdio.h>
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/toeslagen.h"
#include "switchsim/wml.h"

/* The year's parameters, looked up once (all change on 1 January). */
struct zt_params {
    int64_t standaardpremie, drempel, rate_single, rate_partner, rate_above;
    int64_t uninsured_pct, verm_single, verm_partner, min_age, months;
};

/* What one situation gives before the Awir rounding. */
struct zt_claim {
    int64_t income, standaardpremie, rate_drempel, normpremie, amount;
    bool vermogen_excluded;
};

static sw_status load_params(const struct sw_ctx *c, sw_date jan1, struct zt_params *p,
                             struct sw_trace *tr, struct sw_err *err)
{
    sw_status st;

    if ((st = sw_param_t(c, "zorgtoeslag.standaardpremie", jan1, SW_UNIT_EUROCENT,
                         &p->standaardpremie, tr, err)) ||
        (st = sw_param_t(c, "zorgtoeslag.drempelinkomen", jan1, SW_UNIT_EUROCENT, &p->drempel,
                         tr, err)) ||
        (st = sw_param_t(c, "zorgtoeslag.normpremie.single", jan1, SW_UNIT_PERCENT,
                         &p->rate_single, tr, err)) ||
        (st = sw_param_t(c, "zorgtoeslag.normpremie.partner", jan1, SW_UNIT_PERCENT,
                         &p->rate_partner, tr, err)) ||
        (st = sw_param_t(c, "zorgtoeslag.normpremie.above_drempel", jan1, SW_UNIT_PERCENT,
                         &p->rate_above, tr, err)) ||
        (st = sw_param_t(c, "awir.months_per_year", jan1, SW_UNIT_MONTHS, &p->months, tr,
                         err)))
        return st;
    if (p->months < 1 || p->months > 12)
        return sw_err_set(err, SW_ERR_TABLE, "awir.months_per_year",
                          "'awir.months_per_year' must be from 1 to 12");
    return SW_OK;
}

/* The parameters only some situations need, so that a trace shows only what was
 * used: the uninsured partner's percentage and the vermogensgrens. */
static sw_status load_situation_params(const struct sw_ctx *c, sw_date jan1,
                                       const struct sw_zorgtoeslag_facts *f,
                                       struct zt_params *p, struct sw_trace *tr,
                                       struct sw_err *err)
{
    sw_status st = SW_OK;

    if (f->partner && f->partner_uninsured)
        st = sw_param_t(c, "zorgtoeslag.partner_uninsured_percent", jan1, SW_UNIT_PERCENT,
                        &p->uninsured_pct, tr, err);
    if (!st && f->vermogen_known)
        st = sw_param_t(c, f->partner ? "zorgtoeslag.vermogensgrens.partner"
                                      : "zorgtoeslag.vermogensgrens.single",
                        jan1, SW_UNIT_EUROCENT, f->partner ? &p->verm_partner : &p->verm_single,
                        tr, err);
    return st;
}

/* The facts of months[month_index] (-1: of the one situation); the field's name is
 * built only for a message (this runs for every month). */
static sw_status check_facts(const struct sw_zorgtoeslag_facts *f, int month_index,
                             struct sw_err *err)
{
    char field[48], prefix[24] = "";
    bool bad_income = f->income < 0 || f->income > SW_MONEY_MAX;

    if (!bad_income && (!f->vermogen_known || (f->vermogen >= 0 && f->vermogen <= SW_MONEY_MAX)))
        return SW_OK;
    if (month_index >= 0)
        snprintf(prefix, sizeof(prefix), "months[%d].", month_index);
    if (bad_income) {
        snprintf(field, sizeof(field), "%sincome", prefix);
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "toetsingsinkomen '%s' must be between 0 and %lld cents", field,
                          (long long)SW_MONEY_MAX);
    }
    if (f->vermogen_known && (f->vermogen < 0 || f->vermogen > SW_MONEY_MAX)) {
        snprintf(field, sizeof(field), "%svermogen", prefix);
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "vermogen '%s' must be between 0 and %lld cents", field,
                          (long long)SW_MONEY_MAX);
    }
    return SW_OK;
}

/* The claim on a year basis for one situation (pure arithmetic on loaded params). */
static void claim_for(const struct zt_params *p, const struct sw_zorgtoeslag_facts *f,
                      struct zt_claim *out)
{
    int64_t above;

    memset(out, 0, sizeof(*out));
    /* Awir art. 8: the toetsingsinkomen counts in whole euros. */
    out->income = sw_money_floor_euros(f->income);
    /* Wzt art. 2 lid 1: twice the standaardpremie for a verzekerde with a partner. */
    out->standaardpremie = f->partner ? 2 * p->standaardpremie : p->standaardpremie;
    /* Wzt art. 2 lid 2 and 3: a percentage of the drempelinkomen plus a percentage
     * of the (joint) toetsingsinkomen above it. */
    out->rate_drempel = f->partner ? p->rate_partner : p->rate_single;
    above = out->income > p->drempel ? out->income - p->drempel : 0;
    /* The normpremie in whole cents, half up, as the Dienst Toeslagen computes it
     * (Berekening zorgtoeslag 2024-2026; the examples are checked in
     * tests/unit/check_zorgtoeslag.c). One rounding over both parts. */
    out->normpremie = sw_div_half_up(out->rate_drempel * p->drempel + p->rate_above * above,
                                     SW_PPM_ONE);
    /* Wzt art. 2 lid 1: the difference when the normpremie is below the standaardpremie. */
    out->amount = out->standaardpremie > out->normpremie
                      ? out->standaardpremie - out->normpremie : 0;
    /* Wzt art. 2 lid 4: the table's percentage (zorgtoeslag.partner_uninsured_percent)
     * for a verzekerde whose partner is not a verzekerde; half up to cents (Dienst
     * Toeslagen 2025 rekenvoorbeeld 2, in tests/unit/check_zorgtoeslag.c). */
    if (f->partner && f->partner_uninsured)
        out->amount = sw_money_rate_half_up(out->amount, p->uninsured_pct);
    /* Wzt art. 3 lid 1: no claim above the vermogensgrens. */
    if (f->vermogen_known &&
        f->vermogen > (f->partner ? p->verm_partner : p->verm_single)) {
        out->vermogen_excluded = true;
        out->amount = 0;
    }
    if (f->uninsured)
        out->amount = 0;
}

static void trace_formula(struct sw_trace *tr, const struct sw_zorgtoeslag_facts *f,
                          const struct zt_params *p, bool per_month)
{
    char r1[24], r2[24], part[48] = "";

    if (!tr)
        return;
    sw_rate_format_nl(r1, sizeof(r1), f->partner ? p->rate_partner : p->rate_single);
    sw_rate_format_nl(r2, sizeof(r2), p->rate_above);
    if (f->partner && f->partner_uninsured) {
        char u[24];
        sw_rate_format_nl(u, sizeof(u), p->uninsured_pct);
        snprintf(part, sizeof(part), ", daarvan %s%%", u);
    }
    sw_trace_rule(tr, "Wet op de zorgtoeslag art. 2 en 3; Awir art. 14",
                  "%s - normpremie%s; normpremie = %s%% van het drempelinkomen + %s%% "
                  "van het toetsingsinkomen daarboven; %sjaarbedrag afgerond op hele "
                  "euro's, niets onder het minimum; per maand 1/12, afgerond naar beneden",
                  f->partner ? "2 x standaardpremie" : "standaardpremie",
                  part, r1, r2,
                  per_month ? "per maand 1/12 van de jaarformule voor die maand; " : "");
    if (f->vermogen_known && f->vermogen > (f->partner ? p->verm_partner : p->verm_single))
        sw_trace_rule(tr, "Wet op de zorgtoeslag art. 3 lid 1",
                      "geen zorgtoeslag: het vermogen is hoger dan de vermogensgrens");
}

/* The year amount a claim of `amount` cents gives (for the max-income search). */
static sw_status rounded(const struct sw_ctx *c, sw_date jan1, int64_t amount, int64_t *out,
                         struct sw_err *err)
{
    return sw_awir_year_amount(c, jan1, amount, 1, out, NULL, err);
}

/* The highest whole-euro income that still gets at least the minimum: the claim
 * falls as the income rises, so bisect on whole euros. No legal value here: the
 * limit follows from the formula and the Awir minimum (the Belastingdienst's
 * published maxima are exactly these points; see tests/unit/check_zorgtoeslag.c). */
static sw_status max_income(const struct sw_ctx *c, sw_date jan1, const struct zt_params *p,
                            const struct sw_zorgtoeslag_facts *f, struct sw_zorgtoeslag *out,
                            struct sw_err *err)
{
    struct sw_zorgtoeslag_facts g = *f;
    struct zt_claim cl;
    int64_t lo = 0, hi = SW_MONEY_MAX / 100, y;
    sw_status st;

    out->has_max_income = false;
    out->max_income = 0;
    g.income = lo;
    claim_for(p, &g, &cl);
    if ((st = rounded(c, jan1, cl.amount, &y, err)))
        return st;
    if (y == 0)
        return SW_OK;                   /* no income gets anything */
    g.income = hi * 100;
    claim_for(p, &g, &cl);
    if ((st = rounded(c, jan1, cl.amount, &y, err)))
        return st;
    if (y > 0)
        return SW_OK;                   /* no limit (e.g. an override of 0 %) */
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        g.income = mid * 100;
        claim_for(p, &g, &cl);
        if ((st = rounded(c, jan1, cl.amount, &y, err)))
            return st;
        if (y > 0)
            lo = mid;
        else
            hi = mid;
    }
    out->has_max_income = true;
    out->max_income = lo * 100;
    return SW_OK;
}

static sw_status jan_first(int year, sw_date *out, struct sw_err *err)
{
    if (!sw_date_from_ymd(out, year, 1, 1))
        return sw_err_set(err, SW_ERR_INVALID, "year", "year '%d' is out of range", year);
    return SW_OK;
}

static void fill_figures(struct sw_zorgtoeslag *out, const struct zt_params *p,
                         const struct zt_claim *cl)
{
    out->income = cl->income;
    out->standaardpremie = cl->standaardpremie;
    out->drempelinkomen = p->drempel;
    out->rate_drempel = cl->rate_drempel;
    out->rate_above = p->rate_above;
    out->normpremie = cl->normpremie;
    out->vermogen_excluded = cl->vermogen_excluded;
}

sw_status sw_zorgtoeslag_year(const struct sw_ctx *c, int year,
                              const struct sw_zorgtoeslag_facts *f, struct sw_zorgtoeslag *out,
                              struct sw_trace *tr, struct sw_err *err)
{
    struct zt_params p = {0};
    struct zt_claim cl;
    struct sw_zorgtoeslag r;
    sw_date jan1;
    sw_status st;

    memset(&r, 0, sizeof(r));
    if ((st = jan_first(year, &jan1, err)) || (st = check_facts(f, -1, err)) ||
        (st = load_params(c, jan1, &p, tr, err)) ||
        (st = load_situation_params(c, jan1, f, &p, tr, err)))
        return st;
    claim_for(&p, f, &cl);
    r.year = year;
    fill_figures(&r, &p, &cl);
    r.amount_exact = cl.amount;
    r.months = cl.amount > 0 ? (int)p.months : 0;
    if ((st = sw_awir_year_amount(c, jan1, cl.amount, 1, &r.year_amount, tr, err)))
        return st;
    r.minimum = 0;
    if ((st = sw_param(c, "awir.min_year_amount", jan1, SW_UNIT_EUROCENT, &r.minimum, NULL,
                       err)))
        return st;
    /* The advance per month as the Belastingdienst pays and publishes it ("Hoeveel
     * zorgtoeslag krijg ik?": "De bedragen per maand zijn afgerond"): the year
     * amount spread over the months of the year (awir.months_per_year), rounded
     * down to whole euros - this reproduces every row of the 2025 and 2026 tables. */
    r.month_amount = sw_div_floor(r.year_amount, p.months * 100) * 100;
    if ((st = max_income(c, jan1, &p, f, &r, err)))
        return st;
    trace_formula(tr, f, &p, false);
    sw_trace_input(tr, "toetsingsinkomen", cl.income, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "normpremie", cl.normpremie, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "zorgtoeslag per jaar (onafgerond)", cl.amount, SW_UNIT_EUROCENT);
    *out = r;
    return SW_OK;
}

/* k's year parameters into p, or p's into k (struct sw_zorgtoeslag_kept). */
static void kept_params(struct sw_zorgtoeslag_kept *k, struct zt_params *p, bool keep)
{
    int64_t *const f[7] = {&p->standaardpremie, &p->drempel, &p->rate_single, &p->rate_partner,
                           &p->rate_above, &p->months, &p->min_age};

    /* Unrolled (gcc -O2 leaves a loop): each field a load and a store. */
#pragma GCC unroll 7
    for (int i = 0; i < 7; i++) { /* structural: f[7] */
        if (keep)
            k->v[i] = *f[i];
        else
            *f[i] = k->v[i];
    }
}

/* One situation parameter of k (slot i: 0 the uninsured partner's percentage,
 * 1 and 2 the vermogensgrens single and partner, 3 awir.min_year_amount): kept,
 * or looked up on jan1 (and recorded) as the plain call asks it, then kept. */
static sw_status kept_sit(const struct sw_ctx *c, struct sw_zorgtoeslag_kept *k, int i,
                          const char *id, sw_date jan1, enum sw_unit unit, int64_t *out,
                          struct sw_err *err)
{
    sw_status st;

    if (k->have[i]) {
        *out = k->sit[i];
        return SW_OK;
    }
    st = sw_param(c, id, jan1, unit, out, NULL, err);
    if (!st) {
        k->have[i] = true;
        k->sit[i] = *out;
    }
    return st;
}

/* load_situation_params() through k (when not NULL): the same parameters asked
 * in the same order, those kept not again. */
static sw_status situation_params(const struct sw_ctx *c, struct sw_zorgtoeslag_kept *k,
                                  sw_date jan1, const struct sw_zorgtoeslag_facts *f,
                                  struct zt_params *p, struct sw_trace *tr, struct sw_err *err)
{
    sw_status st = SW_OK;

    if (!k)
        return load_situation_params(c, jan1, f, p, tr, err);
    if (f->partner && f->partner_uninsured)
        st = kept_sit(c, k, 0, "zorgtoeslag.partner_uninsured_percent", jan1, SW_UNIT_PERCENT,
                      &p->uninsured_pct, err);
    if (!st && f->vermogen_known)
        st = kept_sit(c, k, f->partner ? 2 : 1,
                      f->partner ? "zorgtoeslag.vermogensgrens.partner"
                                 : "zorgtoeslag.vermogensgrens.single",
                      jan1, SW_UNIT_EUROCENT, f->partner ? &p->verm_partner : &p->verm_single,
                      err);
    return st;
}

/* Wzt art. 1 lid 1 onder c: a verzekerde from the first day of the month after
 * the month in which he reaches zorgtoeslag.min_age; this is that month (the
 * last without a claim) for someone born on birth. */
static sw_month aged_month_of(const struct zt_params *p, sw_date birth)
{
    return sw_month_of(sw_date_reaching_age(birth, (int)p->min_age, 0));
}

/* sw_zorgtoeslag_months(), through k when not NULL (then without a trace).
 * Month i's facts are months[i * stride]: stride 1 for twelve situations,
 * 0 for one situation all year (the same as twelve copies of it, summed at
 * once: its claim in every month from the first in which it is a
 * verzekerde's, as the month loop would add them one by one). */
static sw_status months_impl(const struct sw_ctx *c, struct sw_zorgtoeslag_kept *k, int year,
                             const struct sw_zorgtoeslag_facts *months, size_t stride,
                             struct sw_zorgtoeslag *out, struct sw_trace *tr,
                             struct sw_err *err)
{
    struct zt_params p = {0};
    struct zt_claim cl;   /* after the loop: the last month with a claim's */
    struct sw_zorgtoeslag r;
    sw_date jan1;
    sw_status st;
    int64_t sum = 0;
    int counted = 0, last_i = -1;
    sw_date aged_birth = SW_NO_DATE;   /* the birth date aged_month was computed for */
    sw_month aged_month = 0;
    const struct sw_zorgtoeslag_facts *cl_f = NULL;   /* the facts cl holds the claim of */

    memset(&r, 0, sizeof(r));
    memset(&cl, 0, sizeof(cl));
    if ((st = jan_first(year, &jan1, err)))
        return st;
    if (k && k->set && k->year == year) {
        kept_params(k, &p, false);
    } else {
        if ((st = load_params(c, jan1, &p, tr, err)) ||
            (st = sw_param_t(c, "zorgtoeslag.min_age", jan1, SW_UNIT_YEARS, &p.min_age, tr,
                             err)))
            return st;
        if (k) {
            memset(k, 0, sizeof(*k));
            k->set = true;
            k->year = year;
            kept_params(k, &p, true);
        }
    }
    if (p.months != 12)
        return sw_err_set(err, SW_ERR_TABLE, "awir.months_per_year",
                          "the month-by-month zorgtoeslag needs 'awir.months_per_year' = 12");
    if (stride == 0) {
        const struct sw_zorgtoeslag_facts *f = months;
        int from = 0;   /* the first month index with a claim */

        if ((st = check_facts(f, 0, err)) || (st = situation_params(c, k, jan1, f, &p, tr, err)))
            return st;
        if (f->birth != SW_NO_DATE) {
            /* The months after the one of reaching zorgtoeslag.min_age. */
            from = aged_month_of(&p, f->birth) - sw_month_from_ym(year, 1) + 1;
            if (from < 0)
                from = 0;
        }
        if (!f->uninsured && from < 12) {
            claim_for(&p, f, &cl);
            sum = (12 - from) * cl.amount;
            counted = cl.amount > 0 ? 12 - from : 0;
            last_i = 11; /* calendar: December */
        }
    }
    for (int i = 0; i < 12 && stride > 0; i++) {
        const struct sw_zorgtoeslag_facts *f = &months[(size_t)i * stride];
        sw_month m = sw_month_from_ym(year, i + 1);
        /* The same facts as the month before: checked already, and their
         * parameters are on 1 January, looked up (and recorded) already. */
        bool same = i > 0 && memcmp(f, f - stride, sizeof(*f)) == 0;

        if (!same && ((st = check_facts(f, i, err)) ||
                      (st = situation_params(c, k, jan1, f, &p, tr, err))))
            return st;
        if (f->uninsured)
            continue;
        /* Not yet a verzekerde (aged_month_of()). */
        if (f->birth != SW_NO_DATE && f->birth != aged_birth) {
            aged_month = aged_month_of(&p, f->birth);
            aged_birth = f->birth;
        }
        if (f->birth != SW_NO_DATE && m <= aged_month)
            continue;
        /* claim_for() reads only f and the parameters on 1 January. */
        if (!cl_f || (f != cl_f && memcmp(f, cl_f, sizeof(*f)) != 0)) {
            claim_for(&p, f, &cl);
            cl_f = f;
        }
        /* Wzt art. 2 lid 5: the claim is determined per calendar month - a twelfth
         * of the year formula for the month's situation; kept as a sum of year-basis
         * claims so that the year is rounded only once. */
        sum += cl.amount;
        if (cl.amount > 0)
            counted++;
        last_i = i;
    }
    r.year = year;
    if (last_i >= 0)
        fill_figures(&r, &p, &cl);
    r.months = counted;
    r.amount_exact = sw_div_half_up(sum, p.months);
    if (k && k->have[3]) {
        r.minimum = k->sit[3];
        st = sw_awir_round(sum, p.months, r.minimum, &r.year_amount, err);
    } else if (!(st = sw_awir_year_amount(c, jan1, sum, p.months, &r.year_amount, tr, err))) {
        st = sw_param(c, "awir.min_year_amount", jan1, SW_UNIT_EUROCENT, &r.minimum, NULL, err);
        if (!st && k) {
            k->have[3] = true;
            k->sit[3] = r.minimum;
        }
    }
    if (st)
        return st;
    /* As in sw_zorgtoeslag_year: a twelfth, rounded down to whole euros. */
    r.month_amount = sw_div_floor(r.year_amount, p.months * 100) * 100;
    trace_formula(tr, &months[(size_t)(last_i >= 0 ? last_i : 0) * stride], &p, true);
    sw_trace_input(tr, "maanden met aanspraak", counted, SW_UNIT_MONTHS);
    sw_trace_input(tr, "zorgtoeslag over het jaar (onafgerond)", r.amount_exact,
                   SW_UNIT_EUROCENT);
    *out = r;
    return SW_OK;
}

sw_status sw_zorgtoeslag_months(const struct sw_ctx *c, int year,
                                const struct sw_zorgtoeslag_facts months[12],
                                struct sw_zorgtoeslag *out, struct sw_trace *tr,
                                struct sw_err *err)
{
    return months_impl(c, NULL, year, months, 1, out, tr, err);
}

sw_status sw_zorgtoeslag_months_kept(const struct sw_ctx *c, struct sw_zorgtoeslag_kept *k,
                                     int year, const struct sw_zorgtoeslag_facts months[12],
                                     struct sw_zorgtoeslag *out, struct sw_err *err)
{
    return months_impl(c, k, year, months, 1, out, NULL, err);
}

sw_status sw_zorgtoeslag_same_kept(const struct sw_ctx *c, struct sw_zorgtoeslag_kept *k,
                                   int year, const struct sw_zorgtoeslag_facts *f,
                                   struct sw_zorgtoeslag *out, struct sw_err *err)
{
    return months_impl(c, k, year, f, 0, out, NULL, err);
}
