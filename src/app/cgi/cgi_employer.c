/* cgi_employer.c - POST /employer (the employer's what-if per loonwaarde) and
 * POST /municipality (the municipality's business case) of switchsim.cgi, on
 * the rules in employer.h and lks.h. */
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "switchsim/employer.h"
#include "switchsim/engine.h"
#include "json_out.h"
#include "switchsim/money.h"

#define CGI_MAX_VARIANTS 8
/* The loonwaarden of the what-if when the query names none (a spread over the
 * range; not a legal value). */
static const char default_loonwaarde[] = "20,35,50,65,80";

static struct cgi_reply reply(int status, cJSON *body)
{
    struct cgi_reply r = {status, body};
    return r;
}

static struct cgi_reply invalid(const char *key, const char *msg)
{
    return reply(422, cgi_error_body("invalid", key, "%s", msg));
}

/* A 0|1 flag from the query; false on a bad value. */
static bool query_flag(const struct cgi_query *q, const char *key, bool dflt, bool *out)
{
    const char *v = cgi_query_get(q, key);

    *out = dflt;
    if (!v)
        return true;
    if (strcmp(v, "0") && strcmp(v, "1"))
        return false;
    *out = v[0] == '1';
    return true;
}

/* The job as the LKS and employer rules see it (as the month engine builds it). */
static void scenario_job(struct sw_lks_job *job, const struct sw_scenario *s)
{
    memset(job, 0, sizeof(*job));
    job->start = s->job.start;
    job->end = s->job.end;
    job->birth = s->household.birth;
    job->hours_x100 = s->job.hours_x100;
    job->hourly_wage = s->job.hourly_wage > 0 ? s->job.hourly_wage : 0;
    job->periods = s->job.loonwaarde;
    job->nperiods = s->job.n_loonwaarde;
}

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

/* Split "a,b,c" into at most `max` items; false on an empty item or too many. */
static size_t split_list(const char *text, char items[][64], size_t max, bool *ok)
{
    size_t n = 0;
    const char *p = text;

    *ok = true;
    while (*ok) {
        const char *c = strchr(p, ',');
        size_t len = c ? (size_t)(c - p) : strlen(p);
        if (len == 0 || len >= 64 || n >= max) {
            *ok = false;
            break;
        }
        memcpy(items[n], p, len);
        items[n][len] = '\0';
        n++;
        if (!c)
            break;
        p = c + 1;
    }
    return n;
}

/* --- employer --- */

struct emp_sum {
    int64_t gross, holiday, charges, labour, lks, lkv, net, hours, productive;
    int months;
};

/* One variant of the what-if over the scenario's horizon. */
static cJSON *employer_variant(const struct sw_ctx *c, const struct sw_scenario *s,
                               const struct sw_employer_input *in, struct sw_err *err,
                               sw_status *st)
{
    cJSON *o = cJSON_CreateObject(), *months, *tot;
    struct emp_sum sum = {0};

    if (!o) {
        *st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        return NULL;
    }
    months = cJSON_AddArrayToObject(o, "months");
    *st = SW_OK;
    for (int k = 0; k < s->months && !*st; k++) {
        sw_month month = s->start_month + k;
        struct sw_employer_month em;
        cJSON *m;

        *st = sw_employer_month(c, month, in, &em, NULL, err);
        if (*st || em.days == 0)
            continue;
        sum.gross += em.gross_wage;
        sum.holiday += em.holiday_pay;
        sum.charges += em.charges;
        sum.labour += em.labour_cost;
        sum.lks += em.lks.total;
        sum.lkv += em.lkv;
        sum.net += em.net_cost;
        sum.hours += em.hours_x100;
        sum.productive += em.productive_hours_x100;
        sum.months++;
        m = cJSON_CreateObject();
        if (!m)
            continue;
        add_month(m, "month", month);
        cJSON_AddNumberToObject(m, "days", em.days);
        sw_json_add_cents(m, "gross_wage", em.gross_wage);
        sw_json_add_cents(m, "holiday_pay", em.holiday_pay);
        sw_json_add_cents(m, "charges", em.charges);
        sw_json_add_cents(m, "labour_cost", em.labour_cost);
        sw_json_add_cents(m, "lks", em.lks.total);
        sw_json_add_cents(m, "lkv", em.lkv);
        cJSON_AddNumberToObject(m, "lkv_paid_year", em.lkv_paid_year);
        sw_json_add_cents(m, "net_cost", em.net_cost);
        add_hours(m, "hours", em.hours_x100);
        add_hours(m, "productive_hours", em.productive_hours_x100);
        if (em.cost_per_productive_hour >= 0)
            sw_json_add_cents(m, "cost_per_productive_hour", em.cost_per_productive_hour);
        else
            cJSON_AddNullToObject(m, "cost_per_productive_hour");
        cJSON_AddBoolToObject(m, "no_risk_polis", em.no_risk_polis);
        cJSON_AddItemToArray(months, m);
    }
    if (*st) {
        cJSON_Delete(o);
        return NULL;
    }
    tot = cJSON_AddObjectToObject(o, "totals");
    if (tot) {
        cJSON_AddNumberToObject(tot, "months", sum.months);
        sw_json_add_cents(tot, "gross_wage", sum.gross);
        sw_json_add_cents(tot, "holiday_pay", sum.holiday);
        sw_json_add_cents(tot, "charges", sum.charges);
        sw_json_add_cents(tot, "labour_cost", sum.labour);
        sw_json_add_cents(tot, "lks", sum.lks);
        sw_json_add_cents(tot, "lkv", sum.lkv);
        sw_json_add_cents(tot, "net_cost", sum.net);
        add_hours(tot, "hours", sum.hours);
        add_hours(tot, "productive_hours", sum.productive);
    }
    /* Averages for display: half up to a cent (a ratio, not a legal amount). */
    if (sum.months > 0)
        sw_json_add_cents(o, "average_net_cost", sw_div_half_up(sum.net, sum.months));
    else
        cJSON_AddNullToObject(o, "average_net_cost");
    if (sum.productive > 0)
        sw_json_add_cents(o, "cost_per_productive_hour",
                          sw_div_half_up(sum.net * 100, sum.productive));
    else
        cJSON_AddNullToObject(o, "cost_per_productive_hour");
    return o;
}

struct cgi_reply cgi_employer(const struct sw_tables *t, const struct sw_scenario *s,
                              const struct cgi_query *q)
{
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    struct sw_loonwaarde_period one[CGI_MAX_VARIANTS], hundred;
    int64_t pct[CGI_MAX_VARIANTS];
    char items[CGI_MAX_VARIANTS][64];
    struct sw_used used = {0};
    struct sw_employer_input base, in;
    struct sw_ctx c;
    struct sw_err err;
    struct cgi_reply r = {500, NULL};
    const char *v;
    size_t n;
    bool ok;
    sw_status st = SW_OK;
    cJSON *o = NULL, *arr, *as, *var;
    char ds[16];

    /* Query: the loonwaarden, the LKV and the premium choices. */
    v = cgi_query_get(q, "loonwaarde");
    n = split_list(v ? v : default_loonwaarde, items, CGI_MAX_VARIANTS, &ok);
    if (!ok)
        return invalid("loonwaarde", "loonwaarde takes up to 8 percentages, comma-separated");
    for (size_t i = 0; i < n; i++) {
        if (sw_rate_parse_percent(&pct[i], items[i], "loonwaarde", &err) != SW_OK ||
            pct[i] < 0 || pct[i] > SW_PPM_ONE)
            return invalid("loonwaarde", "a loonwaarde is a percentage from 0 to 100");
    }
    memset(&base, 0, sizeof(base));
    scenario_job(&base.job, s);
    base.whk_rate = -1;
    /* Beschut werk and banenafspraak: the person is in the doelgroepregister. */
    base.doelgroepregister = s->job.kind != SW_JOB_REGULIER;
    base.lkv = base.doelgroepregister ? SW_LKV_BANENAFSPRAAK : SW_LKV_NONE;
    v = cgi_query_get(q, "lkv");
    if (v && !sw_lkv_kind_parse(v, &base.lkv))
        return invalid("lkv", "lkv is none, banenafspraak, arbeidsgehandicapt or herplaatst");
    if (!query_flag(q, "government", false, &base.government))
        return invalid("government", "government must be 0 or 1");
    if (!query_flag(q, "awf_high", false, &base.awf_high))
        return invalid("awf_high", "awf_high must be 0 or 1");
    if (!query_flag(q, "aof_high", false, &base.aof_high))
        return invalid("aof_high", "aof_high must be 0 or 1");

    sw_scenario_ctx(&c, t, s, ov);
    c.used = &used;
    o = cJSON_CreateObject();
    if (!o)
        goto out;
    cJSON_AddNumberToObject(o, "version", 1);
    as = cJSON_AddObjectToObject(o, "assumptions");
    if (as) {
        sw_date_format(ds, sizeof(ds), s->job.start);
        cJSON_AddStringToObject(as, "job_kind", sw_job_kind_name(s->job.kind));
        cJSON_AddStringToObject(as, "start", ds);
        add_hours(as, "hours_per_week", s->job.hours_x100);
        if (s->job.hourly_wage > 0)
            sw_json_add_cents(as, "hourly_wage", s->job.hourly_wage);
        else
            cJSON_AddNullToObject(as, "hourly_wage");
        cJSON_AddStringToObject(as, "lkv", sw_lkv_kind_name(base.lkv));
        cJSON_AddBoolToObject(as, "government", base.government);
        cJSON_AddBoolToObject(as, "awf_high", base.awf_high);
        cJSON_AddBoolToObject(as, "aof_high", base.aof_high);
        cJSON_AddBoolToObject(as, "doelgroepregister", base.doelgroepregister);
    }
    arr = cJSON_AddArrayToObject(o, "variants");
    if (!arr)
        goto out;

    /* The plan: the scenario's own loonwaarde periods (none: no LKS, 100 %). */
    in = base;
    in.lks = s->job.n_loonwaarde > 0;
    if (!in.lks) {
        hundred.from = s->job.start;
        hundred.percent = SW_PPM_ONE;
        hundred.forfaitair = false;
        in.job.periods = &hundred;
        in.job.nperiods = 1;
    }
    var = employer_variant(&c, s, &in, &err, &st);
    if (!var)
        goto out;
    cJSON_AddStringToObject(var, "label", "plan");
    cJSON_AddNullToObject(var, "loonwaarde");
    cJSON_AddBoolToObject(var, "lks", in.lks);
    cJSON_AddItemToArray(arr, var);

    /* One variant per loonwaarde, measured (no forfait), with LKS. */
    for (size_t i = 0; i < n; i++) {
        in = base;
        in.lks = true;
        one[i].from = s->job.start;
        one[i].percent = pct[i];
        one[i].forfaitair = false;
        in.job.periods = &one[i];
        in.job.nperiods = 1;
        var = employer_variant(&c, s, &in, &err, &st);
        if (!var)
            goto out;
        cJSON_AddStringToObject(var, "label", items[i]);
        add_percent(var, "loonwaarde", pct[i]);
        cJSON_AddBoolToObject(var, "lks", true);
        cJSON_AddItemToArray(arr, var);
    }
    cJSON_AddItemToObject(o, "tables",
                          sw_tables_json(sw_tables_version(t), sw_tables_sha256(t), &used));
    r = reply(200, o);
    o = NULL;
out:
    if (st)
        r = cgi_reply_err(&err);
    cJSON_Delete(o);
    sw_used_release(&used);
    return r;
}

/* --- municipality --- */

static bool product_name_ok(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void value_source(cJSON *o, const struct sw_value_info *in)
{
    char d[16];

    if (!in->id)
        return;
    sw_date_format(d, sizeof(d), in->from);
    cJSON_AddStringToObject(o, "id", in->id);
    cJSON_AddStringToObject(o, "from", d);
    cJSON_AddStringToObject(o, "source", in->source ? in->source : "");
    if (in->url && in->url[0])
        cJSON_AddStringToObject(o, "url", in->url);
    cJSON_AddBoolToObject(o, "provisional", in->provisional);
}

struct cgi_reply cgi_municipality(const struct sw_tables *t, const struct sw_scenario *s,
                                  const struct cgi_query *q)
{
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    char before[SW_MUNI_MAX_PRODUCTS][64], after[SW_MUNI_MAX_PRODUCTS][64];
    const char *before_p[SW_MUNI_MAX_PRODUCTS], *after_p[SW_MUNI_MAX_PRODUCTS];
    int64_t bij_before[SW_SCENARIO_MAX_MONTHS], bij_after[SW_SCENARIO_MAX_MONTHS];
    struct sw_loonwaarde_period hundred;
    struct sw_timeline *tl = NULL;
    struct sw_muni_case *mc = NULL;
    struct sw_muni_input in;
    struct sw_ctx c;
    struct sw_err err;
    struct cgi_reply r = {500, NULL};
    size_t nb = 0, na = 0;
    bool ok = true, lks;
    const char *v;
    int64_t dag_after = 0;
    sw_status st = SW_OK;
    cJSON *o = NULL, *arr;
    char ds[16];

    v = cgi_query_get(q, "before");
    if (v && *v)
        nb = split_list(v, before, SW_MUNI_MAX_PRODUCTS, &ok);
    for (size_t i = 0; ok && i < nb; i++)
        ok = product_name_ok(before[i]);
    if (!ok)
        return invalid("before", "before takes product names (a-z, 0-9, _), comma-separated");
    v = cgi_query_get(q, "after");
    if (v && *v)
        na = split_list(v, after, SW_MUNI_MAX_PRODUCTS, &ok);
    for (size_t i = 0; ok && i < na; i++)
        ok = product_name_ok(after[i]);
    if (!ok || nb + na > SW_MUNI_MAX_PRODUCTS)
        return invalid("after", "after takes product names (a-z, 0-9, _), comma-separated; "
                                "at most 8 products in all");
    for (size_t i = 0; i < nb; i++)
        before_p[i] = before[i];
    for (size_t i = 0; i < na; i++)
        after_p[i] = after[i];
    v = cgi_query_get(q, "dagdelen_after");
    if (v && (sw_decimal_parse(&dag_after, v, 0, 10, "dagdelen_after", &err) != SW_OK ||
              dag_after < 0))
        return invalid("dagdelen_after", "dagdelen_after is a whole number from 0 to 10");
    if (!query_flag(q, "lks", s->job.n_loonwaarde > 0, &lks))
        return invalid("lks", "lks must be 0 or 1");

    /* Bijstand paid per month, with and without the job, from the month engine. */
    st = sw_simulate(&tl, t, s, 0, &err);
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

    memset(&in, 0, sizeof(in));
    in.first = s->start_month;
    in.months = s->months;
    in.bijstand_before = bij_before;
    in.bijstand_after = bij_after;
    in.dagbesteding = NULL;
    in.dagdelen_before = s->before.dagbesteding_dagdelen;
    in.dagdelen_after = (int)dag_after;
    in.before_products = before_p;
    in.n_before = nb;
    in.after_products = after_p;
    in.n_after = na;
    scenario_job(&in.job, s);
    if (in.job.nperiods == 0) {
        hundred.from = s->job.start;
        hundred.percent = SW_PPM_ONE;
        hundred.forfaitair = false;
        in.job.periods = &hundred;
        in.job.nperiods = 1;
        lks = false;
    }
    in.lks = lks;
    sw_scenario_ctx(&c, t, s, ov);
    /* Record next to the engine run's values: the output lists the provisional
     * ones of both (the bijstand figures come from the run). */
    c.used = &tl->used;
    mc = malloc(sizeof(*mc));
    if (!mc) {
        st = sw_err_set(&err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    st = sw_municipality_case(&c, &in, mc, &err);
    if (st)
        goto out;

    o = cJSON_CreateObject();
    if (!o)
        goto out;
    cJSON_AddNumberToObject(o, "version", 1);
    cJSON_AddStringToObject(o, "municipality", s->municipality[0] ? s->municipality : "default");
    cJSON_AddBoolToObject(o, "lks", lks);
    cJSON_AddNumberToObject(o, "dagdelen_before", in.dagdelen_before);
    cJSON_AddNumberToObject(o, "dagdelen_after", in.dagdelen_after);
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
        const struct sw_muni_month *m = &mc->months[k];
        cJSON *mo = cJSON_CreateObject();
        if (!mo)
            break;
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
                          sw_tables_json(sw_tables_version(t), sw_tables_sha256(t), &tl->used));
    r = reply(200, o);
    o = NULL;
out:
    if (st)
        r = cgi_reply_err(&err);
    cJSON_Delete(o);
    free(mc);
    sw_timeline_free(tl);
    return r;
}
