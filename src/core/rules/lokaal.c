/* lokaal.c - the terms of a municipality's minimaregelingen (lokaal.h): the
 * income limit and what each scheme is worth for a household, from
 * tables/gemeenten/<name>.xml. */
#include <string.h>

#include "switchsim/lokaal.h"
#include "switchsim/money.h"

static const char *const names[SW_LOCAL__COUNT] = {"iit", "kwijtschelding", "lokale_pas",
                                                   "gemeentepolis"};
static const char *const labels[SW_LOCAL__COUNT] = {
    "individuele inkomenstoeslag", "kwijtschelding gemeentelijke belastingen",
    "lokale pas of meedoenregeling", "collectieve zorgverzekering (gemeentepolis)"};
/* Each scheme's income limit (the ids are written out whole: they are looked up
 * every month, and a literal's address finds its cache slot at once). */
static const char *const limit_id[SW_LOCAL__COUNT] = {
    "gemeente.iit.limit_above_norm_percent", "gemeente.kwijtschelding.limit_above_norm_percent",
    "gemeente.pas.limit_above_norm_percent", "gemeente.zorgpolis.limit_above_norm_percent"};

const char *sw_local_scheme_name(enum sw_local_scheme k)
{
    return (unsigned)k < SW_LOCAL__COUNT ? names[k] : "";
}

const char *sw_local_scheme_label(enum sw_local_scheme k)
{
    return (unsigned)k < SW_LOCAL__COUNT ? labels[k] : "";
}

/* What a year value is worth in one month: a twelfth of it
 * (gemeente.lokaal.months_per_year), rounded half up to cents - the one rounding
 * of the kwijtschelding's aanslag and the pass's year value per month. */
static int64_t month_of_year_value(int64_t year_value, int64_t months)
{
    return sw_div_half_up(year_value, months);
}

/* Whether the user entered id (scenario "overrides"): the value is then theirs,
 * not the municipality's table's, which the outputs say. */
static bool entered(const struct sw_ctx *c, const char *id)
{
    for (size_t i = 0; i < c->n_overrides; i++)
        if (strcmp(c->overrides[i].id, id) == 0)
            return true;
    return false;
}

/* Parameter id, when the tables or the user hold it: *found false (and SW_OK)
 * when neither the municipality's table nor the defaults nor an override do;
 * recorded in tr when found; o->entered when it is the user's. */
static sw_status opt(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                     int64_t *out, bool *found, struct sw_local_terms *o, struct sw_trace *tr,
                     struct sw_err *err)
{
    struct sw_value_info info;
    /* The info only for a trace (as sw_param_t()). */
    sw_status st = sw_param_opt(c, id, date, unit, out, found, tr ? &info : NULL, err);

    if (!st && *found && tr)
        sw_trace_param(tr, &info);
    if (!st && *found && c->n_overrides > 0 && entered(c, id))
        o->entered = true;
    return st;
}

/* What the scheme is worth per year for the household (value_known false when
 * the table lacks the amount that applies). */
static sw_status year_value(const struct sw_ctx *c, enum sw_local_scheme k, sw_date date,
                            const struct sw_local_household *h, int64_t months,
                            struct sw_local_terms *o, struct sw_trace *tr, struct sw_err *err)
{
    int64_t a = 0, b = 0, adults = h->couple ? 2 : 1;
    bool fa = false, fb = false;
    sw_status st = SW_OK;

    switch (k) {
    case SW_LOCAL_IIT:
        st = opt(c,
                 h->couple          ? "gemeente.iit.amount.couple"
                 : h->single_parent ? "gemeente.iit.amount.single_parent"
                                    : "gemeente.iit.amount.single",
                 date, SW_UNIT_EUROCENT, &a, &fa, o, tr, err);
        o->year_value = a;
        break;
    case SW_LOCAL_KWIJTSCHELDING:
        /* The aanslag of a one-person household or of a household of more. */
        st = opt(c,
                 adults + h->children > 1 ? "gemeente.kwijtschelding.amount.multi"
                                          : "gemeente.kwijtschelding.amount.single",
                 date, SW_UNIT_EUROCENT, &a, &fa, o, tr, err);
        o->year_value = a;
        break;
    case SW_LOCAL_PAS:
        st = opt(c, "gemeente.pas.value.adult", date, SW_UNIT_EUROCENT, &a, &fa, o, tr, err);
        if (!st && h->children > 0)
            st = opt(c, "gemeente.pas.value.child", date, SW_UNIT_EUROCENT, &b, &fb, o, tr, err);
        /* Children count only where the table gives a value for them. */
        o->year_value = adults * a + (fb ? h->children * b : 0);
        break;
    case SW_LOCAL_ZORGPOLIS:
        st = opt(c, "gemeente.zorgpolis.discount.adult", date, SW_UNIT_EUROCENT, &a, &fa, o, tr,
                 err);
        o->year_value = adults * a * months;
        break;
    default:
        break;
    }
    o->value_known = fa;
    if (!fa)
        o->year_value = 0;
    return st;
}

int64_t sw_local_limit(int64_t norm, int64_t above_ppm)
{
    /* The norm plus its share, rounded half up to cents. */
    return norm + sw_money_rate_half_up(norm, above_ppm);
}

sw_status sw_local_terms(const struct sw_ctx *c, enum sw_local_scheme k, sw_date date,
                         const struct sw_local_household *h, int64_t norm,
                         struct sw_local_terms *out, struct sw_trace *tr, struct sw_err *err)
{
    struct sw_local_terms o = {0};
    int64_t months = 0, years = 0;
    bool found;
    sw_status st;

    if ((unsigned)k >= SW_LOCAL__COUNT)
        return sw_err_set(err, SW_ERR_INTERNAL, NULL, "no local scheme %d", (int)k);
    st = opt(c, limit_id[k], date, SW_UNIT_PERCENT, &o.above_ppm, &o.tested, &o, tr, err);
    if (!st)
        st = sw_param_t(c, "gemeente.lokaal.months_per_year", date, SW_UNIT_MONTHS, &months, tr,
                        err);
    if (!st && months < 1)
        st = sw_err_set(err, SW_ERR_TABLE, "gemeente.lokaal.months_per_year",
                        "gemeente.lokaal.months_per_year must be at least 1");
    if (!st)
        st = year_value(c, k, date, h, months, &o, tr, err);
    if (!st && k == SW_LOCAL_IIT) {
        st = opt(c, "gemeente.iit.waiting_years", date, SW_UNIT_YEARS, &years, &found, &o, tr, err);
        o.waiting_months = found ? years * months : 0;
    }
    if (st)
        return st;
    o.months_per_year = months;
    o.limit = sw_local_limit(norm, o.above_ppm);
    if (k == SW_LOCAL_ZORGPOLIS)
        o.month_value = o.value_known ? o.year_value / months : 0;
    else if (k != SW_LOCAL_IIT)
        o.month_value = month_of_year_value(o.year_value, months);
    if (tr) {
        if (o.value_known)
            sw_trace_input(tr, k == SW_LOCAL_ZORGPOLIS ? "bedrag per jaar (gemeentebijdrage x 12)"
                                                       : "bedrag per jaar",
                           o.year_value, SW_UNIT_EUROCENT);
        sw_trace_input(tr, "bijstandsnorm zonder vakantietoeslag", norm, SW_UNIT_EUROCENT);
        sw_trace_input(tr, "inkomensgrens van de gemeente", o.limit, SW_UNIT_EUROCENT);
    }
    *out = o;
    return SW_OK;
}
