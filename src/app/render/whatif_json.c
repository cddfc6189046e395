/* whatif_json.c - the employer's what-if and the municipality's business case
 * (whatif.h) as cJSON trees; the one writer used by the CLI and the CGI. */
#include <stdio.h>

#include "json_out.h"
#include "switchsim/money.h"
#include "whatif_json.h"

static void add_month(cJSON *o, const char *name, sw_month m)
{
    char b[16];

    sw_month_format(b, sizeof(b), m);
    cJSON_AddStringToObject(o, name, b);
}

static void add_hours(cJSON *o, const char *name, int64_t hours_x100)
{
    /* Hours for display (hundredths to a JSON number), as json_out.c does. */
    cJSON_AddNumberToObject(o, name, (double)hours_x100 / 100);
}

static void add_percent(cJSON *o, const char *name, int64_t ppm)
{
    cJSON_AddNumberToObject(o, name, (double)ppm / SW_PPM_PER_PERCENT);
}

/* --- employer --- */

static cJSON *employer_month_json(const struct sw_employer_whatif_month *wm)
{
    const struct sw_employer_month *em = &wm->em;
    cJSON *m = cJSON_CreateObject();

    if (!m)
        return NULL;
    add_month(m, "month", wm->month);
    cJSON_AddNumberToObject(m, "days", em->days);
    sw_json_add_cents(m, "gross_wage", em->gross_wage);
    sw_json_add_cents(m, "holiday_pay", em->holiday_pay);
    sw_json_add_cents(m, "charges", em->charges);
    sw_json_add_cents(m, "labour_cost", em->labour_cost);
    sw_json_add_cents(m, "lks", em->lks.total);
    sw_json_add_cents(m, "lkv", em->lkv);
    cJSON_AddNumberToObject(m, "lkv_paid_year", em->lkv_paid_year);
    sw_json_add_cents(m, "net_cost", em->net_cost);
    add_hours(m, "hours", em->hours_x100);
    add_hours(m, "productive_hours", em->productive_hours_x100);
    if (em->cost_per_productive_hour >= 0)
        sw_json_add_cents(m, "cost_per_productive_hour", em->cost_per_productive_hour);
    else
        cJSON_AddNullToObject(m, "cost_per_productive_hour");
    cJSON_AddBoolToObject(m, "no_risk_polis", em->no_risk_polis);
    return m;
}

static cJSON *employer_variant_json(const struct sw_employer_whatif_variant *v)
{
    const struct sw_employer_whatif_totals *t = &v->totals;
    cJSON *o = cJSON_CreateObject(), *months, *tot;

    if (!o)
        return NULL;
    months = cJSON_AddArrayToObject(o, "months");
    for (int k = 0; months && k < v->nmonths; k++) {
        cJSON *m = employer_month_json(&v->months[k]);
        if (m)
            cJSON_AddItemToArray(months, m);
    }
    tot = cJSON_AddObjectToObject(o, "totals");
    if (tot) {
        cJSON_AddNumberToObject(tot, "months", t->months);
        sw_json_add_cents(tot, "gross_wage", t->gross_wage);
        sw_json_add_cents(tot, "holiday_pay", t->holiday_pay);
        sw_json_add_cents(tot, "charges", t->charges);
        sw_json_add_cents(tot, "labour_cost", t->labour_cost);
        sw_json_add_cents(tot, "lks", t->lks);
        sw_json_add_cents(tot, "lkv", t->lkv);
        sw_json_add_cents(tot, "net_cost", t->net_cost);
        add_hours(tot, "hours", t->hours_x100);
        add_hours(tot, "productive_hours", t->productive_hours_x100);
    }
    if (t->months > 0)
        sw_json_add_cents(o, "average_net_cost", t->average_net_cost);
    else
        cJSON_AddNullToObject(o, "average_net_cost");
    if (t->productive_hours_x100 > 0)
        sw_json_add_cents(o, "cost_per_productive_hour", t->cost_per_productive_hour);
    else
        cJSON_AddNullToObject(o, "cost_per_productive_hour");
    cJSON_AddStringToObject(o, "label", v->label);
    if (v->plan)
        cJSON_AddNullToObject(o, "loonwaarde");
    else
        add_percent(o, "loonwaarde", v->loonwaarde);
    cJSON_AddBoolToObject(o, "lks", v->lks);
    return o;
}

static cJSON *employer_block_json(const struct sw_employer_whatif *w,
                                  const struct sw_employer_whatif_block *b)
{
    const struct sw_employer_whatif_assumptions *a = &b->assumptions;
    cJSON *o = cJSON_CreateObject(), *as, *arr;
    char ds[16];

    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "version", 1);
    as = cJSON_AddObjectToObject(o, "assumptions");
    if (as) {
        sw_date_format(ds, sizeof(ds), a->start);
        cJSON_AddStringToObject(as, "job_kind", sw_job_kind_name(a->job_kind));
        cJSON_AddStringToObject(as, "start", ds);
        add_hours(as, "hours_per_week", a->hours_x100);
        if (a->hourly_wage > 0)
            sw_json_add_cents(as, "hourly_wage", a->hourly_wage);
        else
            cJSON_AddNullToObject(as, "hourly_wage");
        cJSON_AddStringToObject(as, "lkv", sw_lkv_kind_name(a->lkv));
        cJSON_AddBoolToObject(as, "government", a->government);
        cJSON_AddBoolToObject(as, "awf_high", a->awf_high);
        cJSON_AddBoolToObject(as, "aof_high", a->aof_high);
        cJSON_AddBoolToObject(as, "doelgroepregister", a->doelgroepregister);
    }
    arr = cJSON_AddArrayToObject(o, "variants");
    if (!arr) {
        cJSON_Delete(o);
        return NULL;
    }
    for (size_t i = 0; i < b->nvariants; i++) {
        cJSON *v = employer_variant_json(&b->variants[i]);
        if (!v) {
            cJSON_Delete(o);
            return NULL;
        }
        cJSON_AddItemToArray(arr, v);
    }
    cJSON_AddItemToObject(o, "tables",
                          sw_tables_json(w->tables_version, w->tables_sha256, &b->used));
    return o;
}

/* Hours per week as text when the caller gave no label: "24.5". */
static void hours_text(char *buf, size_t size, int64_t hours_x100)
{
    if (hours_x100 % 100 == 0)
        snprintf(buf, size, "%lld", (long long)(hours_x100 / 100));
    else if (hours_x100 % 10 == 0)
        snprintf(buf, size, "%lld.%lld", (long long)(hours_x100 / 100),
                 (long long)(hours_x100 % 100 / 10));
    else
        snprintf(buf, size, "%lld.%02lld", (long long)(hours_x100 / 100),
                 (long long)(hours_x100 % 100));
}

cJSON *sw_employer_whatif_json(const struct sw_employer_whatif *w)
{
    cJSON *all, *arr;

    if (!w->per_hours)
        return w->nblocks > 0 ? employer_block_json(w, &w->blocks[0]) : NULL;
    all = cJSON_CreateObject();
    arr = all ? cJSON_AddArrayToObject(all, "hours") : NULL;
    if (!arr) {
        cJSON_Delete(all);
        return NULL;
    }
    for (size_t i = 0; i < w->nblocks; i++) {
        const struct sw_employer_whatif_block *b = &w->blocks[i];
        cJSON *o = employer_block_json(w, b);
        char h[24];
        if (!o) {
            cJSON_Delete(all);
            return NULL;
        }
        if (b->hours_label[0])
            cJSON_AddStringToObject(o, "hours_per_week", b->hours_label);
        else {
            hours_text(h, sizeof(h), b->assumptions.hours_x100);
            cJSON_AddStringToObject(o, "hours_per_week", h);
        }
        cJSON_AddItemToArray(arr, o);
    }
    return all;
}

/* --- municipality --- */

static void value_source(cJSON *o, const struct sw_value_info *in)
{
    char d[16];

    if (!o || !in->id)
        return;
    sw_date_format(d, sizeof(d), in->from);
    cJSON_AddStringToObject(o, "id", in->id);
    cJSON_AddStringToObject(o, "from", d);
    cJSON_AddStringToObject(o, "source", in->source ? in->source : "");
    if (in->url && in->url[0])
        cJSON_AddStringToObject(o, "url", in->url);
    cJSON_AddBoolToObject(o, "provisional", in->provisional);
    cJSON_AddBoolToObject(o, "user", in->overridden);
}

static cJSON *muni_month_json(const struct sw_muni_month *m)
{
    cJSON *mo = cJSON_CreateObject();

    if (!mo)
        return NULL;
    add_month(mo, "month", m->month);
    sw_json_add_cents(mo, "bijstand_before", m->bijstand_before);
    sw_json_add_cents(mo, "dagbesteding_before", m->dagbesteding_before);
    sw_json_add_cents(mo, "products_before", m->products_before);
    sw_json_add_cents(mo, "cost_before", m->cost_before);
    sw_json_add_cents(mo, "bijstand_after", m->bijstand_after);
    sw_json_add_cents(mo, "lks", m->lks);
    sw_json_add_cents(mo, "dagbesteding_after", m->dagbesteding_after);
    sw_json_add_cents(mo, "products_after", m->products_after);
    sw_json_add_cents(mo, "cost_after", m->cost_after);
    sw_json_add_cents(mo, "saving", m->saving);
    sw_json_add_cents(mo, "cumulative_saving", m->cumulative_saving);
    return mo;
}

cJSON *sw_municipality_whatif_json(const struct sw_municipality_whatif *w)
{
    const struct sw_muni_case *mc = &w->mcase;
    cJSON *o = cJSON_CreateObject(), *arr;
    char ds[16];

    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "version", 1);
    cJSON_AddStringToObject(o, "municipality", w->municipality);
    cJSON_AddBoolToObject(o, "lks", w->lks);
    cJSON_AddNumberToObject(o, "dagdelen_before", w->dagdelen_before);
    cJSON_AddNumberToObject(o, "dagdelen_after", w->dagdelen_after);
    sw_json_add_cents(o, "dagdeel_price", mc->dagdeel_price);
    if (mc->dagdeel_price_info.id)
        value_source(cJSON_AddObjectToObject(o, "dagdeel_price_source"), &mc->dagdeel_price_info);
    arr = cJSON_AddArrayToObject(o, "products");
    for (size_t i = 0; arr && i < mc->nproducts; i++) {
        const struct sw_muni_product *p = &mc->products[i];
        cJSON *po = cJSON_CreateObject();
        if (!po)
            break;
        cJSON_AddStringToObject(po, "name", p->name);
        cJSON_AddBoolToObject(po, "after", p->after);
        sw_json_add_cents(po, "month_price", p->month_price);
        sw_json_add_cents(po, "total", p->total);
        value_source(cJSON_AddObjectToObject(po, "source"), &p->price);
        cJSON_AddItemToArray(arr, po);
    }
    arr = cJSON_AddArrayToObject(o, "months");
    for (int k = 0; arr && k < mc->nmonths; k++) {
        cJSON *mo = muni_month_json(&mc->months[k]);
        if (!mo)
            break;
        cJSON_AddItemToArray(arr, mo);
    }
    arr = cJSON_AddObjectToObject(o, "totals");
    if (arr) {
        sw_json_add_cents(arr, "cost_before", mc->total_before);
        sw_json_add_cents(arr, "cost_after", mc->total_after);
        sw_json_add_cents(arr, "saving", mc->total_saving);
    }
    if (mc->has_break_even) {
        sw_month_format(ds, sizeof(ds), mc->break_even);
        cJSON_AddStringToObject(o, "break_even", ds);
    } else {
        cJSON_AddNullToObject(o, "break_even");
    }
    cJSON_AddItemToObject(o, "tables",
                          sw_tables_json(w->tables_version, w->tables_sha256, &w->used));
    return o;
}
