/* municipality.c - the municipality's business case: what a resident on bijstand
 * and dagbesteding costs it per month, against the same resident in a job with
 * loonkostensubsidie and begeleiding; cumulative, with the break-even month.
 * Prices come from the municipal tables (tables/gemeenten/). */
#include <stdio.h>
#include <string.h>

#include "switchsim/employer.h"
#include "switchsim/money.h"
#include "switchsim/wml.h"

static const char *muni_name(const struct sw_ctx *c)
{
    return c->municipality && c->municipality[0] ? c->municipality : "default";
}

/* A price that must exist: a missing one names the parameter and the
 * municipality, never a silent zero. */
static sw_status price(const struct sw_ctx *c, const char *id, sw_date date, int64_t *out,
                       struct sw_value_info *info, struct sw_err *err)
{
    struct sw_err e;
    char ds[16];
    sw_status st = sw_param(c, id, date, SW_UNIT_EUROCENT, out, info, &e);

    if (st == SW_ERR_NO_VALUE) {
        sw_date_format(ds, sizeof(ds), date);
        return sw_err_set(err, st, id, "no price '%s' for municipality '%s' on '%s'", id,
                          muni_name(c), ds);
    }
    if (st && err)
        *err = e;
    return st;
}

/* An optional parameter: *found false when the tables have none. */
static sw_status optional(const struct sw_ctx *c, const char *id, sw_date date,
                          enum sw_unit unit, int64_t *out, bool *found, struct sw_err *err)
{
    struct sw_err e;
    sw_status st = sw_param(c, id, date, unit, out, NULL, &e);

    *found = st == SW_OK;
    if (st == SW_ERR_NO_VALUE)
        return SW_OK;
    if (st && err)
        *err = e;
    return st;
}

/* The user's price for `name`, or NULL. */
static const struct sw_muni_price *user_price(const struct sw_muni_input *in, const char *name)
{
    for (size_t i = 0; i < in->n_prices; i++)
        if (in->prices[i].name && strcmp(in->prices[i].name, name) == 0)
            return &in->prices[i];
    return NULL;
}

/* A user's price as a value with its source: marked overridden, valid from the
 * first month of the horizon. `id` must outlive the result (a literal or a name
 * owned by the caller). */
static void user_info(struct sw_value_info *info, const char *id, sw_date from)
{
    memset(info, 0, sizeof(*info));
    info->id = id;
    info->description = id;
    info->unit = SW_UNIT_EUROCENT;
    info->from = from;
    info->source = SW_MUNI_USER_SOURCE;
    info->url = "";
    info->note = "";
    info->file = "";
    info->overridden = true;
    info->projected_from = SW_NO_DATE;
}

struct product_price {
    int64_t month;          /* per month, cents */
    int64_t max_months;     /* 0 = no limit */
    struct sw_value_info info;
};

/* The monthly price of product `name` on `date`: price_per_month, or
 * price_per_year / months per year (half up); scaled by contract hours over
 * reference_hours when the table has them (half up). */
static sw_status product_price(const struct sw_ctx *c, const char *name, sw_date date,
                               int64_t hours_x100, const struct sw_muni_price *user,
                               sw_date horizon_start, struct product_price *out,
                               struct sw_err *err)
{
    char id[128], id2[128], ds[16];
    int64_t v, ref, months;
    bool found;
    struct sw_err e;
    sw_status st;

    memset(out, 0, sizeof(*out));
    if (user) {
        /* The user's price for this job, per month; the table's maximum duration
         * still applies where it has one. */
        user_info(&out->info, user->name, horizon_start);
        out->month = user->amount;
        snprintf(id, sizeof(id), "gemeente.%s.max_months", name);
        return optional(c, id, date, SW_UNIT_MONTHS, &out->max_months, &found, err);
    }
    snprintf(id, sizeof(id), "gemeente.%s.price_per_month", name);
    st = sw_param(c, id, date, SW_UNIT_EUROCENT, &v, &out->info, &e);
    if (st == SW_ERR_NO_VALUE) {
        snprintf(id2, sizeof(id2), "gemeente.%s.price_per_year", name);
        st = sw_param(c, id2, date, SW_UNIT_EUROCENT, &v, &out->info, &e);
        if (st == SW_ERR_NO_VALUE) {
            sw_date_format(ds, sizeof(ds), date);
            return sw_err_set(err, st, id,
                              "no price '%s' (or '.price_per_year') for municipality '%s' on "
                              "'%s'", id, muni_name(c), ds);
        }
        if (!st)
            st = sw_param(c, "wml.months_per_year", date, SW_UNIT_MONTHS, &months, NULL, &e);
        if (!st)
            /* A yearly price per month, half up to cents (simulation convention). */
            v = sw_money_scale_half_up(v, 1, months);
    }
    if (st) {
        if (err)
            *err = e;
        return st;
    }
    snprintf(id, sizeof(id), "gemeente.%s.reference_hours", name);
    st = optional(c, id, date, SW_UNIT_HOURS, &ref, &found, err);
    if (st)
        return st;
    if (found && ref > 0)
        /* Price for a reference working week, pro rata the contract hours. */
        v = sw_money_scale_half_up(v, hours_x100, ref);
    snprintf(id, sizeof(id), "gemeente.%s.max_months", name);
    st = optional(c, id, date, SW_UNIT_MONTHS, &out->max_months, &found, err);
    if (st)
        return st;
    out->month = v;
    return SW_OK;
}

/* Part of a monthly amount for the days in [from, to] (to SW_NO_DATE = open). */
static int64_t days_part(int64_t amount, sw_month m, sw_date from, sw_date to)
{
    return sw_wage_part_month(amount, m, from, to);
}

static sw_date window_end(sw_date start, int64_t max_months, sw_date end)
{
    sw_date last;

    if (max_months <= 0)
        return end;
    last = sw_date_add_months(start, (int)max_months) - 1;
    return (end == SW_NO_DATE || last < end) ? last : end;
}

static sw_status check_input(const struct sw_muni_input *in, struct sw_err *err)
{
    if (in->months < 1 || in->months > SW_MUNI_MAX_MONTHS)
        return sw_err_set(err, SW_ERR_INVALID, "months", "months %d out of range 1-%d in '%s'",
                          in->months, SW_MUNI_MAX_MONTHS, "months");
    if (!in->bijstand_before || !in->bijstand_after)
        return sw_err_set(err, SW_ERR_INVALID, "bijstand", "no bijstand per month given%s", "");
    for (int k = 0; k < in->months; k++)
        if (in->bijstand_before[k] < 0 || in->bijstand_after[k] < 0)
            return sw_err_set(err, SW_ERR_INVALID, "bijstand",
                              "negative bijstand in month %d in '%s'", k + 1, "bijstand");
    if (in->dagdelen_before < 0 || in->dagdelen_after < 0)
        return sw_err_set(err, SW_ERR_INVALID, "before.dagbesteding_dagdelen_per_week",
                          "negative dagdelen per week in '%s'",
                          "before.dagbesteding_dagdelen_per_week");
    if (in->n_before + in->n_after > SW_MUNI_MAX_PRODUCTS ||
        (in->n_before && !in->before_products) || (in->n_after && !in->after_products))
        return sw_err_set(err, SW_ERR_INVALID, "products", "more than %d products in '%s'",
                          SW_MUNI_MAX_PRODUCTS, "products");
    for (size_t i = 0; i < in->n_before + in->n_after; i++) {
        const char *n = i < in->n_before ? in->before_products[i]
                                         : in->after_products[i - in->n_before];
        if (!n || !n[0] || strlen(n) > 80) /* structural: a name's length */
            return sw_err_set(err, SW_ERR_INVALID, "products", "bad product name in '%s'",
                              "products");
    }
    if (in->n_prices > SW_MUNI_MAX_PRODUCTS + 1 || (in->n_prices && !in->prices))
        return sw_err_set(err, SW_ERR_INVALID, "prices", "more than %d prices in '%s'",
                          SW_MUNI_MAX_PRODUCTS + 1, "prices");
    for (size_t i = 0; i < in->n_prices; i++)
        if (!in->prices[i].name || in->prices[i].amount < 0 ||
            in->prices[i].amount > SW_MONEY_MAX)
            return sw_err_set(err, SW_ERR_INVALID, "prices", "bad price in '%s'", "prices");
    if (in->lks)
        return sw_lks_job_check(&in->job, err);
    /* Without LKS only the employment itself matters. */
    if (in->job.hours_x100 < SW_LKS_MIN_HOURS || in->job.hours_x100 > SW_LKS_MAX_HOURS)
        return sw_err_set(err, SW_ERR_INVALID, "job.hours_per_week",
                          "hours per week out of range %d-%d in '%s'", SW_LKS_MIN_HOURS / 100,
                          SW_LKS_MAX_HOURS / 100, "job.hours_per_week");
    if (in->job.end != SW_NO_DATE && in->job.end < in->job.start)
        return sw_err_set(err, SW_ERR_INVALID, "job.end", "job ends before it starts in '%s'",
                          "job.end");
    return SW_OK;
}

sw_status sw_municipality_case(const struct sw_ctx *c, const struct sw_muni_input *in,
                               struct sw_muni_case *out, struct sw_err *err)
{
    struct sw_muni_case r;
    const struct sw_lks_job *job = &in->job;
    const char *dag = in->dagbesteding ? in->dagbesteding : "dagbesteding";
    sw_date horizon_start = sw_month_first_day(in->first);
    size_t nprod = in->n_before + in->n_after;
    int64_t cum = 0;
    int job_idx, ok_from;
    sw_status st;

    memset(&r, 0, sizeof(r));
    st = check_input(in, err);
    if (st)
        return st;
    r.nmonths = in->months;
    r.nproducts = nprod;
    for (size_t i = 0; i < nprod; i++) {
        r.products[i].after = i >= in->n_before;
        r.products[i].name = r.products[i].after ? in->after_products[i - in->n_before]
                                                 : in->before_products[i];
    }
    for (int k = 0; k < in->months; k++) {
        struct sw_muni_month *m = &r.months[k];
        sw_month month = in->first + k;
        sw_date date = sw_month_first_day(month);
        int64_t dag_before = 0, dag_kept = 0;

        m->month = month;
        m->bijstand_before = in->bijstand_before[k];
        m->bijstand_after = in->bijstand_after[k];
        if (in->dagdelen_before > 0 || in->dagdelen_after > 0) {
            char id[128];
            int64_t tariff, weeks, months;
            struct sw_value_info info;
            const struct sw_muni_price *up = user_price(in, dag);
            snprintf(id, sizeof(id), "gemeente.%s.price_per_dagdeel", dag);
            if (up) {
                tariff = up->amount;
                user_info(&info, up->name, horizon_start);
                st = SW_OK;
            } else {
                st = price(c, id, date, &tariff, &info, err);
            }
            if (!st)
                st = sw_param(c, "gemeente.dagbesteding.weeks_per_year", date, SW_UNIT_WEEKS,
                              &weeks, NULL, err);
            if (!st)
                st = sw_param(c, "wml.months_per_year", date, SW_UNIT_MONTHS, &months, NULL,
                              err);
            if (st)
                return st;
            if (k == 0) {
                r.dagdeel_price = tariff;
                r.dagdeel_price_info = info;
            }
            /* Tariff x dagdelen per week x 52 / 12 (convention in the municipal
             * table), half up to cents. */
            dag_before = sw_div_half_up(tariff * in->dagdelen_before * weeks, months);
            dag_kept = sw_div_half_up(tariff * in->dagdelen_after * weeks, months);
        }
        m->dagbesteding_before = dag_before;
        /* With the job: dagbesteding on the days not employed, the kept dagdelen on
         * the days employed (kalenderdagen). */
        m->dagbesteding_after = dag_before - days_part(dag_before, month, job->start, job->end) +
                                days_part(dag_kept, month, job->start, job->end);
        for (size_t i = 0; i < nprod; i++) {
            struct sw_muni_product *p = &r.products[i];
            struct product_price pp;
            sw_date from = p->after ? job->start : horizon_start;
            sw_date until;
            int64_t amount;

            st = product_price(c, p->name, date, job->hours_x100, user_price(in, p->name),
                               horizon_start, &pp, err);
            if (st)
                return st;
            if (p->after) {
                until = window_end(from, pp.max_months, job->end);
                amount = days_part(pp.month, month, from, until);
                m->products_after += amount;
            } else {
                until = window_end(from, pp.max_months, SW_NO_DATE);
                amount = days_part(pp.month, month, from, until);
                m->products_before += amount;
                /* With the job it runs only on the days not employed. */
                m->products_after += amount - days_part(amount, month, job->start, job->end);
            }
            if (!p->price.id || (p->total == 0 && amount > 0)) {
                /* The price as first used (or first looked up). */
                p->month_price = pp.month;
                p->price = pp.info;
            }
            p->total += amount;
        }
        if (in->lks) {
            struct sw_lks_month lm;
            st = sw_lks_month(c, month, job, &lm, NULL, err);
            if (st)
                return st;
            m->lks = lm.total;
        }
        m->cost_before = m->bijstand_before + m->dagbesteding_before + m->products_before;
        m->cost_after = m->bijstand_after + m->lks + m->dagbesteding_after + m->products_after;
        m->saving = m->cost_before - m->cost_after;
        cum += m->saving;
        m->cumulative_saving = cum;
        r.total_before += m->cost_before;
        r.total_after += m->cost_after;
    }
    r.total_saving = r.total_before - r.total_after;
    /* Break-even: the first month, not before the job's first month, from which
     * the cumulative saving stays >= 0 to the end of the horizon. */
    job_idx = sw_month_of(job->start) - in->first;
    if (job_idx < 0)
        job_idx = 0;
    ok_from = in->months;
    while (ok_from > 0 && r.months[ok_from - 1].cumulative_saving >= 0)
        ok_from--;
    r.has_break_even = ok_from < in->months && job_idx < in->months;
    if (r.has_break_even)
        r.break_even = in->first + (ok_from > job_idx ? ok_from : job_idx);
    else
        r.break_even = -1;
    *out = r;
    return SW_OK;
}
