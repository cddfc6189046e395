/* municipality_whatif.c - the municipality's business case on a scenario
 * (whatif.h): the bijstand paid with and without the job from the month engine,
 * then sw_municipality_case() (municipality.c) with the scenario's dagdelen,
 * products and job. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "switchsim/engine.h"
#include "switchsim/money.h"
#include "whatif_impl.h"

/* Dagdelen per week a person can keep: two a day on five days (an input bound,
 * not a legal value). */
#define MAX_DAGDELEN 10

void sw_municipality_whatif_init(struct sw_municipality_whatif_input *in)
{
    memset(in, 0, sizeof(*in));
}

/* A product name as the municipal tables spell it: [a-z0-9_]+. */
static bool product_name_ok(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static sw_status bad_products(bool after, struct sw_err *err)
{
    if (after)
        return sw_err_set(err, SW_ERR_INVALID, "after",
                          "after takes product names (a-z, 0-9, _), comma-separated; "
                          "at most %d products in all", SW_MUNI_MAX_PRODUCTS);
    return sw_err_set(err, SW_ERR_INVALID, "before",
                      "before takes product names (a-z, 0-9, _), comma-separated");
}

static sw_status bad_dagdelen(struct sw_err *err)
{
    return sw_err_set(err, SW_ERR_INVALID, "dagdelen_after",
                      "dagdelen_after is a whole number from 0 to %d", MAX_DAGDELEN);
}

sw_status sw_municipality_whatif_parse_products(struct sw_municipality_whatif_input *in,
                                                bool after, const char *text,
                                                struct sw_err *err)
{
    char items[SW_MUNI_MAX_PRODUCTS][SW_WHATIF_LABEL_MAX];
    size_t n = 0;
    bool ok = true;

    if (text && *text)
        ok = whatif_split(text, items, SW_MUNI_MAX_PRODUCTS, &n);
    for (size_t i = 0; ok && i < n; i++)
        ok = product_name_ok(items[i]);
    if (ok && after && in->n_before + n > SW_MUNI_MAX_PRODUCTS)
        ok = false;
    if (!ok)
        return bad_products(after, err);
    memcpy(after ? in->after : in->before, items, n * sizeof(items[0]));
    if (after)
        in->n_after = n;
    else
        in->n_before = n;
    return SW_OK;
}

sw_status sw_municipality_whatif_parse_prices(struct sw_municipality_whatif_input *in,
                                              const char *text, struct sw_err *err)
{
    char items[SW_MUNI_MAX_PRODUCTS + 1][SW_WHATIF_LABEL_MAX];
    int64_t amounts[SW_MUNI_MAX_PRODUCTS + 1];
    size_t n = 0;
    bool ok = true;

    if (text && *text)
        ok = whatif_split(text, items, SW_MUNI_MAX_PRODUCTS + 1, &n);
    for (size_t i = 0; ok && i < n; i++) {
        char *colon = strchr(items[i], ':');
        struct sw_err e;
        ok = colon != NULL;
        if (ok) {
            *colon = '\0';
            ok = product_name_ok(items[i]) &&
                 sw_money_parse_euros(&amounts[i], colon + 1, "prices", &e) == SW_OK;
        }
        for (size_t k = 0; ok && k < i; k++)
            ok = strcmp(items[k], items[i]) != 0;
    }
    if (!ok)
        return sw_err_set(err, SW_ERR_INVALID, "prices",
                          "prices takes NAME:EUROS pairs (a-z, 0-9, _; e.g. "
                          "dagbesteding:51.20), comma-separated, each name once, at most %d",
                          SW_MUNI_MAX_PRODUCTS + 1);
    memcpy(in->price_names, items, n * sizeof(items[0]));
    memcpy(in->price_amounts, amounts, n * sizeof(amounts[0]));
    in->n_prices = n;
    return SW_OK;
}

sw_status sw_municipality_whatif_parse_dagdelen(struct sw_municipality_whatif_input *in,
                                                const char *text, struct sw_err *err)
{
    struct sw_err e;
    int64_t v;

    if (!text || sw_decimal_parse(&v, text, 0, MAX_DAGDELEN, "dagdelen_after", &e) != SW_OK ||
        v < 0)
        return bad_dagdelen(err);
    in->dagdelen_after = (int)v;
    return SW_OK;
}

/* The input as a caller may have built it in code: counts, names and ranges. */
static sw_status check_input(const struct sw_municipality_whatif_input *in,
                             struct sw_err *err)
{
    if (in->n_before > SW_MUNI_MAX_PRODUCTS)
        return bad_products(false, err);
    if (in->n_after > SW_MUNI_MAX_PRODUCTS - in->n_before)
        return bad_products(true, err);
    for (size_t i = 0; i < in->n_before; i++)
        if (!memchr(in->before[i], '\0', sizeof(in->before[i])) ||
            !product_name_ok(in->before[i]))
            return bad_products(false, err);
    for (size_t i = 0; i < in->n_after; i++)
        if (!memchr(in->after[i], '\0', sizeof(in->after[i])) ||
            !product_name_ok(in->after[i]))
            return bad_products(true, err);
    if (in->dagdelen_after < 0 || in->dagdelen_after > MAX_DAGDELEN)
        return bad_dagdelen(err);
    return SW_OK;
}

sw_status sw_municipality_whatif(struct sw_municipality_whatif **out,
                                 const struct sw_tables *t, const struct sw_scenario *s,
                                 const struct sw_municipality_whatif_input *in,
                                 struct sw_err *err)
{
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    int64_t bij_before[SW_SCENARIO_MAX_MONTHS], bij_after[SW_SCENARIO_MAX_MONTHS];
    const char *before_p[SW_MUNI_MAX_PRODUCTS], *after_p[SW_MUNI_MAX_PRODUCTS];
    struct sw_muni_price prices[SW_MUNI_MAX_PRODUCTS + 1];
    struct sw_loonwaarde_period hundred;
    struct sw_municipality_whatif *w = NULL;
    struct sw_timeline *tl = NULL;
    struct sw_muni_input mi;
    struct sw_ctx c;
    sw_status st;

    *out = NULL;
    st = check_input(in, err);
    if (st)
        return st;
    if (s->months < 1 || s->months > SW_SCENARIO_MAX_MONTHS)
        return sw_err_set(err, SW_ERR_INVALID, "months", "months %d out of range 1-%d in '%s'",
                          s->months, SW_SCENARIO_MAX_MONTHS, "months");

    /* Bijstand paid per month, with and without the job, from the month engine. */
    st = sw_simulate(&tl, t, s, SW_SIM_NO_STEADY, err);
    if (st)
        goto out;
    for (int k = 0; k < s->months; k++) {
        const int64_t *b = tl->baseline.rows[k].v, *a = tl->scenario.rows[k].v;
        bij_before[k] = b[SW_ITEM_BIJSTAND_PAID] + b[SW_ITEM_BIJSTAND_HOLIDAY_PAID];
        bij_after[k] = a[SW_ITEM_BIJSTAND_PAID] + a[SW_ITEM_BIJSTAND_HOLIDAY_PAID];
    }
    /* Bijstand paid too much comes back: count it in the month it was paid. */
    for (size_t i = 0; i < tl->n_recoveries; i++) {
        const struct sw_recovery *rc = &tl->recoveries[i];
        int k = rc->caused - s->start_month;
        if (rc->kind == SW_RECOVERY_BIJSTAND && k >= 0 && k < s->months)
            bij_after[k] = bij_after[k] > rc->amount ? bij_after[k] - rc->amount : 0;
    }

    w = calloc(1, sizeof(*w));
    if (!w) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    /* The result owns the product names the case points to. */
    for (size_t i = 0; i < in->n_before; i++) {
        memcpy(w->product_names[i], in->before[i], sizeof(in->before[i]));
        before_p[i] = w->product_names[i];
    }
    for (size_t i = 0; i < in->n_after; i++) {
        memcpy(w->product_names[in->n_before + i], in->after[i], sizeof(in->after[i]));
        after_p[i] = w->product_names[in->n_before + i];
    }

    /* The result owns the names of the user's prices too. */
    for (size_t i = 0; i < in->n_prices && i < SW_MUNI_MAX_PRODUCTS + 1; i++) {
        memcpy(w->price_names[i], in->price_names[i], sizeof(in->price_names[i]));
        prices[i].name = w->price_names[i];
        prices[i].amount = in->price_amounts[i];
    }

    memset(&mi, 0, sizeof(mi));
    mi.prices = prices;
    mi.n_prices = in->n_prices;
    mi.first = s->start_month;
    mi.months = s->months;
    mi.bijstand_before = bij_before;
    mi.bijstand_after = bij_after;
    mi.dagbesteding = NULL;
    mi.dagdelen_before = s->before.dagbesteding_dagdelen;
    mi.dagdelen_after = in->dagdelen_after;
    mi.before_products = before_p;
    mi.n_before = in->n_before;
    mi.after_products = after_p;
    mi.n_after = in->n_after;
    whatif_scenario_job(&mi.job, s);
    /* Without loonwaarde periods there is no LKS: the job counts at 100 %. */
    mi.lks = !in->without_lks && mi.job.nperiods > 0;
    if (mi.job.nperiods == 0)
        whatif_one_period(&mi.job, &hundred, SW_PPM_ONE);

    sw_scenario_ctx(&c, t, s, ov);
    /* Record next to the engine run's values: the output lists the provisional
     * ones of both (the bijstand figures come from the run). */
    c.used = &tl->used;
    st = sw_municipality_case(&c, &mi, &w->mcase, err);
    if (st)
        goto out;

    snprintf(w->municipality, sizeof(w->municipality), "%s",
             s->municipality[0] ? s->municipality : "default");
    w->lks = mi.lks;
    w->dagdelen_before = mi.dagdelen_before;
    w->dagdelen_after = mi.dagdelen_after;
    snprintf(w->tables_version, sizeof(w->tables_version), "%s", tl->tables_version);
    snprintf(w->tables_sha256, sizeof(w->tables_sha256), "%s", tl->tables_sha256);
    /* The used values move from the run to the result. */
    w->used = tl->used;
    memset(&tl->used, 0, sizeof(tl->used));
    *out = w;
    w = NULL;
out:
    sw_municipality_whatif_free(w);
    sw_timeline_free(tl);
    return st;
}

void sw_municipality_whatif_free(struct sw_municipality_whatif *w)
{
    if (!w)
        return;
    sw_used_release(&w->used);
    free(w);
}
