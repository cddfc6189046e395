/* json_out.c - timeline, traces and errors as JSON (cJSON trees). The one place,
 * with scenario.c, where integers meet cJSON's doubles: cents are far below 2^53,
 * so the conversion is exact. */
#include <stdio.h>
#include <string.h>

#include "json_out.h"
#include "switchsim/money.h"

bool sw_json_add_cents(cJSON *obj, const char *name, int64_t cents)
{
    return cJSON_AddNumberToObject(obj, name, (double)cents) != NULL;
}

bool sw_json_add_percent(cJSON *obj, const char *name, int64_t ppm)
{
    char buf[32];

    /* Printed exactly from the integer, not through a double. */
    sw_rate_format(buf, sizeof(buf), ppm);
    return cJSON_AddRawToObject(obj, name, buf) != NULL;
}

cJSON *sw_provisional_json(const struct sw_used *used)
{
    cJSON *arr = cJSON_CreateArray();

    for (size_t i = 0; arr && used && i < used->len; i++) {
        bool dup = false;
        if (!used->items[i].provisional || used->items[i].overridden)
            continue;
        for (size_t j = 0; j < i; j++)
            if (used->items[j].provisional && strcmp(used->items[j].id, used->items[i].id) == 0)
                dup = true;
        if (!dup)
            cJSON_AddItemToArray(arr, cJSON_CreateString(used->items[i].id));
    }
    return arr;
}

static cJSON *add_month(cJSON *obj, const char *name, sw_month m)
{
    char b[16];

    sw_month_format(b, sizeof(b), m);
    return cJSON_AddStringToObject(obj, name, b);
}

static cJSON *add_date(cJSON *obj, const char *name, sw_date d)
{
    char b[16];

    sw_date_format(b, sizeof(b), d);
    return cJSON_AddStringToObject(obj, name, b);
}

/* A value in its unit for JSON: cents as integers, percentages as numbers 0-100,
 * hours as numbers. */
static void add_unit_value(cJSON *o, const char *name, int64_t v, enum sw_unit unit)
{
    switch (unit) {
    case SW_UNIT_PERCENT:
        cJSON_AddNumberToObject(o, name, (double)v / SW_PPM_PER_PERCENT);
        break;
    case SW_UNIT_HOURS:
        cJSON_AddNumberToObject(o, name, (double)v / 100);
        break;
    case SW_UNIT_BOOL:
        cJSON_AddBoolToObject(o, name, v != 0);
        break;
    case SW_UNIT_SETTLEMENT:
        cJSON_AddStringToObject(o, name, sw_settlement_code_name((int)v));
        break;
    default:
        cJSON_AddNumberToObject(o, name, (double)v);
        break;
    }
}

cJSON *sw_trace_json(const struct sw_trace *tr)
{
    cJSON *o = cJSON_CreateObject(), *params, *inputs;

    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "rule", tr->rule ? tr->rule : "");
    cJSON_AddStringToObject(o, "formula", tr->formula);
    params = cJSON_AddArrayToObject(o, "parameters");
    for (size_t i = 0; params && i < tr->nparams; i++) {
        const struct sw_value_info *p = &tr->params[i];
        cJSON *po = cJSON_CreateObject();
        if (!po)
            break;
        cJSON_AddStringToObject(po, "id", p->id);
        if (!p->is_scale)
            add_unit_value(po, "value", p->amount, p->unit);
        cJSON_AddStringToObject(po, "unit", p->is_scale ? "scale" : sw_unit_name(p->unit));
        if (!p->overridden)
            add_date(po, "from", p->from);
        cJSON_AddStringToObject(po, "source", p->source);
        if (p->url && p->url[0])
            cJSON_AddStringToObject(po, "url", p->url);
        cJSON_AddBoolToObject(po, "provisional", p->provisional);
        if (p->projected)
            cJSON_AddBoolToObject(po, "projected", true);
        if (p->overridden)
            cJSON_AddBoolToObject(po, "overridden", true);
        cJSON_AddItemToArray(params, po);
    }
    inputs = cJSON_AddArrayToObject(o, "inputs");
    for (size_t i = 0; inputs && i < tr->ninputs; i++) {
        cJSON *io = cJSON_CreateObject();
        if (!io)
            break;
        cJSON_AddStringToObject(io, "name", tr->inputs[i].name);
        add_unit_value(io, "value", tr->inputs[i].value, tr->inputs[i].unit);
        cJSON_AddStringToObject(io, "unit", sw_unit_name(tr->inputs[i].unit));
        cJSON_AddItemToArray(inputs, io);
    }
    if (tr->incomplete)
        cJSON_AddBoolToObject(o, "incomplete", true);
    return o;
}

void sw_json_add_used(cJSON *o, const struct sw_used *used)
{
    cJSON_AddItemToObject(o, "provisional", sw_provisional_json(used));
    if (used) {
        cJSON *pj = NULL, *pv = NULL;
        for (size_t i = 0; i < used->len; i++) {
            const struct sw_value_info *u = &used->items[i];
            cJSON *vo;
            if (!sw_used_first_projected(used, i))
                continue;
            if (!pj) {
                pj = cJSON_AddArrayToObject(o, "projected");
                pv = cJSON_AddArrayToObject(o, "projected_values");
            }
            if (pj)
                cJSON_AddItemToArray(pj, cJSON_CreateString(u->id));
            /* What stands in for the unpublished value, and since when. */
            if (pv && (vo = cJSON_CreateObject()) != NULL) {
                cJSON_AddStringToObject(vo, "id", u->id);
                cJSON_AddStringToObject(vo, "description", u->description);
                cJSON_AddStringToObject(vo, "unit", u->is_scale ? "scale" : sw_unit_name(u->unit));
                if (!u->is_scale)
                    add_unit_value(vo, "value", u->amount, u->unit);
                add_date(vo, "published_from", u->from);
                add_date(vo, "missing_from", u->projected_from);
                cJSON_AddStringToObject(vo, "source", u->source);
                cJSON_AddItemToArray(pv, vo);
            }
        }
    }
    if (used) {
        cJSON *ov = NULL;
        for (size_t i = 0; i < used->len; i++) {
            if (!used->items[i].overridden)
                continue;
            if (!ov)
                ov = cJSON_AddArrayToObject(o, "overridden");
            if (ov)
                cJSON_AddItemToArray(ov, cJSON_CreateString(used->items[i].id));
        }
    }
}

cJSON *sw_tables_json(const char *version, const char *sha256, const struct sw_used *used)
{
    cJSON *o = cJSON_CreateObject();

    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "version", version);
    cJSON_AddStringToObject(o, "sha256", sha256);
    sw_json_add_used(o, used);
    return o;
}

/* "projected": the ids of the n projected values in p (at most 64 of them);
 * nothing when there are none. */
static void add_projected_ids(cJSON *obj, const struct sw_value_info *const *p, size_t n)
{
    cJSON *arr;

    if (n == 0 || !(arr = cJSON_AddArrayToObject(obj, "projected")))
        return;
    for (size_t i = 0; i < n && i < 64; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(p[i]->id));
}

/* ... those the figures of month m depend on. */
static void add_projected(cJSON *obj, const struct sw_timeline *tl, sw_month m)
{
    const struct sw_value_info *p[64];

    add_projected_ids(obj, p, sw_timeline_projected(tl, m, p, 64));
}

static cJSON *run_json(const struct sw_timeline *tl, const struct sw_run *run)
{
    cJSON *o = cJSON_CreateObject(), *months, *totals;

    if (!o)
        return NULL;
    months = cJSON_AddArrayToObject(o, "months");
    for (int i = 0; months && i < run->n; i++) {
        const struct sw_month_row *r = &run->rows[i];
        cJSON *m = cJSON_CreateObject();
        if (!m)
            break;
        add_month(m, "month", r->month);
        cJSON_AddStringToObject(m, "status", sw_month_status_name(r->status));
        for (int k = 0; k < SW_ITEM__COUNT; k++)
            sw_json_add_cents(m, sw_item_name((enum sw_item)k), r->v[k]);
        cJSON_AddNumberToObject(m, "vrijlating_month", r->vrijlating_month);
        if (r->vrijlating_kind) {
            char kind[2] = {r->vrijlating_kind, 0};
            /* onder aa is kept as its first letter in the row */
            cJSON_AddStringToObject(m, "vrijlating_kind", kind[0] == 'a' ? "aa" : kind);
        } else {
            cJSON_AddNullToObject(m, "vrijlating_kind");
        }
        add_projected(m, tl, r->month);
        cJSON_AddItemToArray(months, m);
    }
    totals = cJSON_AddObjectToObject(o, "totals");
    for (int k = 0; totals && k < SW_ITEM__COUNT; k++)
        sw_json_add_cents(totals, sw_item_name((enum sw_item)k), run->totals[k]);
    return o;
}

/* "steady" (the ordinary month after the switch) and "first_months" (the months
 * before it), or null when there is no ordinary month (engine.h, struct sw_steady). */
static void add_steady(cJSON *o, const struct sw_timeline *tl)
{
    const struct sw_steady *st = &tl->steady;
    cJSON *s, *f, *arr;

    if (!st->found) {
        cJSON_AddNullToObject(o, "steady");
        cJSON_AddNullToObject(o, "first_months");
        return;
    }
    s = cJSON_AddObjectToObject(o, "steady");
    if (s) {
        add_month(s, "month", st->month);
        sw_json_add_cents(s, "gain", st->gain);
        sw_json_add_cents(s, "safe_to_spend", st->safe_to_spend);
        sw_json_add_cents(s, "baseline_safe_to_spend", st->baseline_safe_to_spend);
        /* household.debts: what the beslag or the Wsnp takes in the month, and the
         * gain had there been no debts (the old gain, next to what is kept). */
        sw_json_add_cents(s, "debt_taken", st->debt_taken);
        sw_json_add_cents(s, "baseline_debt_taken", st->baseline_debt_taken);
        sw_json_add_cents(s, "gain_without_debts",
                          st->gain + st->debt_taken - st->baseline_debt_taken);
        arr = cJSON_AddArrayToObject(s, "projected");
        for (size_t k = 0; arr && k < st->n_projected; k++)
            cJSON_AddItemToArray(arr, cJSON_CreateString(st->projected[k]));
    }
    if (st->first_months <= 0) {
        cJSON_AddNullToObject(o, "first_months");
        return;
    }
    f = cJSON_AddObjectToObject(o, "first_months");
    if (f) {
        add_month(f, "from", st->first_from);
        add_month(f, "until", st->month - 1);
        cJSON_AddNumberToObject(f, "months", st->first_months);
        sw_json_add_cents(f, "average_gain", st->first_average);
        sw_json_add_cents(f, "total_gain", st->first_total);
    }
}

/* "local_schemes": the municipality's minimaregelingen for the household in the
 * first month; "armoedeval": the months the switch's income passes their limits
 * (engine.h). A value the table lacks is null. */
static void add_local(cJSON *o, const struct sw_timeline *tl)
{
    cJSON *arr = cJSON_AddArrayToObject(o, "local_schemes");

    for (int k = 0; arr && k < SW_LOCAL__COUNT; k++) {
        const struct sw_local_summary *ls = &tl->local[k];
        cJSON *so;
        if (!ls->tested && !ls->value_known)
            continue;
        so = cJSON_CreateObject();
        if (!so)
            break;
        cJSON_AddStringToObject(so, "scheme", sw_local_scheme_name((enum sw_local_scheme)k));
        cJSON_AddStringToObject(so, "label", sw_local_scheme_label((enum sw_local_scheme)k));
        if (ls->tested) {
            sw_json_add_percent(so, "limit_percent_of_norm", SW_PPM_ONE + ls->above_ppm);
            sw_json_add_cents(so, "limit", ls->limit);
        } else {
            cJSON_AddNullToObject(so, "limit_percent_of_norm");
            cJSON_AddNullToObject(so, "limit");
        }
        if (ls->value_known)
            sw_json_add_cents(so, "year_value", ls->year_value);
        else
            cJSON_AddNullToObject(so, "year_value");
        if (k == SW_LOCAL_IIT)
            cJSON_AddNumberToObject(so, "waiting_months", (double)ls->waiting_months);
        cJSON_AddBoolToObject(so, "entered", ls->entered);
        cJSON_AddItemToArray(arr, so);
    }
    arr = cJSON_AddArrayToObject(o, "armoedeval");
    for (size_t i = 0; arr && i < tl->n_armoedeval; i++) {
        const struct sw_armoedeval *e = &tl->armoedeval[i];
        cJSON *eo = cJSON_CreateObject();
        if (!eo)
            break;
        cJSON_AddStringToObject(eo, "scheme", sw_local_scheme_name(e->scheme));
        add_month(eo, "month", e->month);
        sw_json_add_cents(eo, "income", e->income);
        sw_json_add_cents(eo, "limit", e->limit);
        if (e->value_known)
            sw_json_add_cents(eo, "year_value", e->year_value);
        else
            cJSON_AddNullToObject(eo, "year_value");
        cJSON_AddItemToArray(arr, eo);
    }
}

/* timeline_text.c writes this tree's compact text without the tree (the API's
 * simulate answer, batch): a member added or changed here is added or changed
 * there too; tests/unit/check_timeline_text.c compares the two on every
 * reference case. */
cJSON *sw_timeline_json(const struct sw_timeline *tl)
{
    cJSON *o = cJSON_CreateObject(), *arr;

    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "version", 1);
    cJSON_AddItemToObject(o, "tables", sw_tables_json(tl->tables_version, tl->tables_sha256,
                                                      &tl->used));
    cJSON_AddItemToObject(o, "scenario", run_json(tl, &tl->scenario));
    cJSON_AddItemToObject(o, "baseline", run_json(tl, &tl->baseline));
    if (tl->way_back.active) {
        const struct sw_way_back *wb = &tl->way_back;
        cJSON *w = cJSON_AddObjectToObject(o, "way_back");
        if (w) {
            add_date(w, "job_end", wb->job_end);
            cJSON_AddNumberToObject(w, "weeks_worked", wb->weeks_worked);
            cJSON_AddBoolToObject(w, "ww", wb->ww);
            if (wb->ww) {
                add_date(w, "ww_from", wb->ww_from);
                add_date(w, "ww_until", wb->ww_until);
                sw_json_add_cents(w, "ww_dagloon", wb->ww_dagloon);
            }
            cJSON_AddBoolToObject(w, "new_application", wb->new_application);
            add_date(w, "bijstand_from", wb->bijstand_from);
            cJSON_AddNumberToObject(w, "gap_days", wb->gap_days);
            cJSON_AddBoolToObject(w, "wmo_kept", wb->wmo_kept);
            cJSON_AddBoolToObject(w, "wajong", wb->wajong);
            add_date(w, "dagbesteding_from", wb->dagbesteding_from);
        }
    }
    sw_json_add_cents(o, "average_gain", tl->average_gain);
    sw_json_add_cents(o, "total_gain", tl->total_gain);
    add_steady(o, tl);
    add_local(o, tl);
    arr = cJSON_AddArrayToObject(o, "recoveries");
    for (size_t i = 0; arr && i < tl->n_recoveries; i++) {
        const struct sw_recovery *r = &tl->recoveries[i];
        cJSON *ro = cJSON_CreateObject();
        if (!ro)
            break;
        cJSON_AddStringToObject(ro, "kind", sw_recovery_kind_name(r->kind));
        cJSON_AddStringToObject(ro, "for_period", r->for_period);
        sw_json_add_cents(ro, "amount", r->amount);
        add_month(ro, "expected", r->expected);
        add_month(ro, "set_aside_in", r->caused);
        add_month(ro, "collected", r->collected);
        if (r->instalment > 0) {
            cJSON_AddNumberToObject(ro, "instalment", (double)r->instalment);
            add_month(ro, "paid_off", r->paid_off);
        }
        if (r->offset > 0)
            cJSON_AddNumberToObject(ro, "offset", (double)r->offset);
        if (r->within_voet)
            cJSON_AddBoolToObject(ro, "within_voet", true);
        cJSON_AddStringToObject(ro, "avoidable_by", r->avoidable_by);
        {
            const struct sw_value_info *p[64];
            add_projected_ids(ro, p, sw_recovery_projected(tl, r, p, 64));
        }
        cJSON_AddItemToArray(arr, ro);
    }
    arr = cJSON_AddArrayToObject(o, "warnings");
    for (size_t i = 0; arr && i < tl->n_warnings; i++) {
        const struct sw_warning *w = &tl->warnings[i];
        cJSON *wo = cJSON_CreateObject();
        if (!wo)
            break;
        cJSON_AddStringToObject(wo, "code", w->code);
        if (w->month >= 0)
            add_month(wo, "month", w->month);
        else
            cJSON_AddNullToObject(wo, "month");
        sw_json_add_cents(wo, "amount", w->amount);
        cJSON_AddStringToObject(wo, "text", w->text);
        cJSON_AddItemToArray(arr, wo);
    }
    arr = cJSON_AddArrayToObject(o, "actions");
    for (size_t i = 0; arr && i < tl->n_actions; i++) {
        const struct sw_action *a = &tl->actions[i];
        cJSON *ao = cJSON_CreateObject();
        if (!ao)
            break;
        add_date(ao, "before", a->before);
        cJSON_AddStringToObject(ao, "who", sw_who_name(a->who));
        cJSON_AddStringToObject(ao, "text", a->text);
        cJSON_AddItemToArray(arr, ao);
    }
    return o;
}

cJSON *sw_error_json(const struct sw_err *err, const struct sw_problems *problems)
{
    cJSON *o = cJSON_CreateObject(), *e;

    if (!o)
        return NULL;
    e = cJSON_AddObjectToObject(o, "error");
    if (!e) {
        cJSON_Delete(o);
        return NULL;
    }
    cJSON_AddStringToObject(e, "code", sw_status_name(err->code));
    cJSON_AddStringToObject(e, "field", err->field);
    cJSON_AddStringToObject(e, "message", err->msg);
    if (problems && problems->n > 1) {
        cJSON *arr = cJSON_AddArrayToObject(e, "problems");
        for (size_t i = 0; arr && i < problems->n; i++) {
            cJSON *p = cJSON_CreateObject();
            if (!p)
                break;
            cJSON_AddStringToObject(p, "field", problems->items[i].field);
            cJSON_AddStringToObject(p, "message", problems->items[i].msg);
            cJSON_AddItemToArray(arr, p);
        }
    }
    return o;
}
