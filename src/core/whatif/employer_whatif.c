/* employer_whatif.c - the employer's what-if on a scenario (whatif.h): the plan
 * and one variant per loonwaarde, for the scenario's hours or for each of several;
 * per employed month sw_employer_month(), summed, with averages for display. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "switchsim/money.h"
#include "whatif_impl.h"

/* The loonwaarden tried when the caller names none, in percent: a spread over
 * the range, not a legal value. */
static const int default_loonwaarde[] = {20, 35, 50, 65, 80}; /* structural: a spread */

void sw_employer_whatif_init(struct sw_employer_whatif_input *in)
{
    size_t n = sizeof(default_loonwaarde) / sizeof(default_loonwaarde[0]);

    memset(in, 0, sizeof(*in));
    for (size_t i = 0; i < n; i++) {
        in->loonwaarde[i].percent = (int64_t)default_loonwaarde[i] * SW_PPM_PER_PERCENT;
        snprintf(in->loonwaarde[i].label, sizeof(in->loonwaarde[i].label), "%d",
                 default_loonwaarde[i]);
    }
    in->n_loonwaarde = n;
    in->lkv = SW_LKV_NONE;
}

static sw_status bad_loonwaarde(struct sw_err *err)
{
    return sw_err_set(err, SW_ERR_INVALID, "loonwaarde",
                      "a loonwaarde is a percentage from 0 to 100");
}

sw_status sw_employer_whatif_parse_loonwaarde(struct sw_employer_whatif_input *in,
                                              const char *text, struct sw_err *err)
{
    char items[SW_WHATIF_MAX_LOONWAARDE][SW_WHATIF_LABEL_MAX];
    int64_t pct[SW_WHATIF_MAX_LOONWAARDE];
    struct sw_err e;
    size_t n;

    if (!text || !whatif_split(text, items, SW_WHATIF_MAX_LOONWAARDE, &n))
        return sw_err_set(err, SW_ERR_INVALID, "loonwaarde",
                          "loonwaarde takes up to %d percentages, comma-separated",
                          SW_WHATIF_MAX_LOONWAARDE);
    for (size_t i = 0; i < n; i++) {
        if (sw_rate_parse_percent(&pct[i], items[i], "loonwaarde", &e) != SW_OK ||
            pct[i] < 0 || pct[i] > SW_PPM_ONE)
            return bad_loonwaarde(err);
    }
    for (size_t i = 0; i < n; i++) {
        in->loonwaarde[i].percent = pct[i];
        memcpy(in->loonwaarde[i].label, items[i], sizeof(items[i]));
    }
    in->n_loonwaarde = n;
    return SW_OK;
}

sw_status sw_employer_whatif_parse_lkv(struct sw_employer_whatif_input *in, const char *text,
                                       struct sw_err *err)
{
    enum sw_lkv_kind k;

    if (!text || !sw_lkv_kind_parse(text, &k))
        return sw_err_set(err, SW_ERR_INVALID, "lkv",
                          "lkv is none, banenafspraak, arbeidsgehandicapt or herplaatst");
    in->lkv = k;
    in->lkv_given = true;
    return SW_OK;
}

/* The input as a caller may have built it in code: counts and ranges. */
static sw_status check_input(const struct sw_scenario *s,
                             const struct sw_employer_whatif_input *in, struct sw_err *err)
{
    if (s->months < 1 || s->months > SW_SCENARIO_MAX_MONTHS)
        return sw_err_set(err, SW_ERR_INVALID, "months", "months %d out of range 1-%d in '%s'",
                          s->months, SW_SCENARIO_MAX_MONTHS, "months");
    if (in->n_loonwaarde > SW_WHATIF_MAX_LOONWAARDE)
        return sw_err_set(err, SW_ERR_INVALID, "loonwaarde",
                          "loonwaarde takes up to %d percentages, comma-separated",
                          SW_WHATIF_MAX_LOONWAARDE);
    for (size_t i = 0; i < in->n_loonwaarde; i++)
        if (in->loonwaarde[i].percent < 0 || in->loonwaarde[i].percent > SW_PPM_ONE)
            return bad_loonwaarde(err);
    if (in->n_hours > SW_WHATIF_MAX_HOURS)
        return sw_err_set(err, SW_ERR_INVALID, "hours", "at most %d numbers of hours in '%s'",
                          SW_WHATIF_MAX_HOURS, "hours");
    for (size_t i = 0; i < in->n_hours; i++)
        if (in->hours[i].hours_x100 < SW_LKS_MIN_HOURS ||
            in->hours[i].hours_x100 > SW_LKS_MAX_HOURS)
            return sw_err_set(err, SW_ERR_INVALID, "hours",
                              "hours per week out of range %d-%d in '%s'",
                              SW_LKS_MIN_HOURS / 100, SW_LKS_MAX_HOURS / 100, "hours");
    if (in->lkv_given && (unsigned)in->lkv > (unsigned)SW_LKV_HERPLAATST)
        return sw_err_set(err, SW_ERR_INVALID, "lkv",
                          "lkv is none, banenafspraak, arbeidsgehandicapt or herplaatst");
    return SW_OK;
}

/* One variant over the scenario's horizon: the employed months and their sums. */
static sw_status run_variant(const struct sw_ctx *c, const struct sw_scenario *s,
                             const struct sw_employer_input *in,
                             struct sw_employer_whatif_variant *v, struct sw_err *err)
{
    struct sw_employer_whatif_totals *t = &v->totals;

    for (int k = 0; k < s->months; k++) {
        sw_month month = s->start_month + k;
        struct sw_employer_month em;
        sw_status st = sw_employer_month(c, month, in, &em, NULL, err);

        if (st)
            return st;
        if (em.days == 0)
            continue;
        v->months[v->nmonths].month = month;
        v->months[v->nmonths].em = em;
        v->nmonths++;
        t->months++;
        t->gross_wage += em.gross_wage;
        t->holiday_pay += em.holiday_pay;
        t->charges += em.charges;
        t->labour_cost += em.labour_cost;
        t->lks += em.lks.total;
        t->lkv += em.lkv;
        t->net_cost += em.net_cost;
        t->hours_x100 += em.hours_x100;
        t->productive_hours_x100 += em.productive_hours_x100;
    }
    /* Averages for display: half up to a cent (ratios, not legal amounts). */
    if (t->months > 0) {
        t->average_labour_cost = sw_div_half_up(t->labour_cost, t->months);
        t->average_lks = sw_div_half_up(t->lks, t->months);
        t->average_net_cost = sw_div_half_up(t->net_cost, t->months);
    }
    if (t->productive_hours_x100 > 0)
        t->cost_per_productive_hour = sw_div_half_up(t->net_cost * 100, t->productive_hours_x100);
    return SW_OK;
}

/* The plan and every loonwaarde for scenario s (its hours already chosen). */
static sw_status run_block(struct sw_employer_whatif_block *b, const struct sw_tables *t,
                           const struct sw_scenario *s,
                           const struct sw_employer_whatif_input *in, struct sw_err *err)
{
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    struct sw_loonwaarde_period one;
    struct sw_employer_input base, vin;
    struct sw_employer_whatif_variant *v;
    struct sw_ctx c;
    sw_status st;

    memset(&base, 0, sizeof(base));
    whatif_scenario_job(&base.job, s);
    base.whk_rate = -1;
    /* Beschut werk and banenafspraak: the person is in the doelgroepregister. */
    base.doelgroepregister = s->job.kind != SW_JOB_REGULIER;
    if (in->lkv_given)
        base.lkv = in->lkv;
    else
        base.lkv = base.doelgroepregister ? SW_LKV_BANENAFSPRAAK : SW_LKV_NONE;
    base.government = in->government;
    base.awf_high = in->awf_high;
    base.aof_high = in->aof_high;

    b->assumptions.job_kind = s->job.kind;
    b->assumptions.start = s->job.start;
    b->assumptions.hours_x100 = s->job.hours_x100;
    b->assumptions.hourly_wage = base.job.hourly_wage;
    b->assumptions.lkv = base.lkv;
    b->assumptions.government = base.government;
    b->assumptions.awf_high = base.awf_high;
    b->assumptions.aof_high = base.aof_high;
    b->assumptions.doelgroepregister = base.doelgroepregister;

    sw_scenario_ctx(&c, t, s, ov);
    c.used = &b->used;

    /* The plan: the scenario's own loonwaarde periods (none: no LKS, 100 %). */
    v = &b->variants[0];
    vin = base;
    vin.lks = s->job.n_loonwaarde > 0;
    if (!vin.lks)
        whatif_one_period(&vin.job, &one, SW_PPM_ONE);
    v->plan = true;
    v->loonwaarde = -1;
    snprintf(v->label, sizeof(v->label), "plan");
    v->lks = vin.lks;
    b->nvariants = 1;
    st = run_variant(&c, s, &vin, v, err);

    /* One variant per loonwaarde, measured (no forfait), with LKS. */
    for (size_t i = 0; !st && i < in->n_loonwaarde; i++) {
        v = &b->variants[b->nvariants++];
        vin = base;
        vin.lks = true;
        whatif_one_period(&vin.job, &one, in->loonwaarde[i].percent);
        v->loonwaarde = in->loonwaarde[i].percent;
        if (in->loonwaarde[i].label[0])
            snprintf(v->label, sizeof(v->label), "%.*s", SW_WHATIF_LABEL_MAX - 1,
                     in->loonwaarde[i].label);
        else
            sw_rate_format(v->label, sizeof(v->label), v->loonwaarde);
        v->lks = true;
        st = run_variant(&c, s, &vin, v, err);
    }
    return st;
}

sw_status sw_employer_whatif(struct sw_employer_whatif **out, const struct sw_tables *t,
                             const struct sw_scenario *s,
                             const struct sw_employer_whatif_input *in, struct sw_err *err)
{
    struct sw_employer_whatif *w = NULL;
    struct sw_scenario *at_hours = NULL;
    sw_status st;

    *out = NULL;
    st = check_input(s, in, err);
    if (st)
        return st;
    w = calloc(1, sizeof(*w));
    if (w) {
        w->per_hours = in->n_hours > 0;
        w->nblocks = w->per_hours ? in->n_hours : 1;
        w->blocks = calloc(w->nblocks, sizeof(*w->blocks));
    }
    if (w && w->per_hours)
        at_hours = malloc(sizeof(*at_hours));
    if (!w || !w->blocks || (w->per_hours && !at_hours)) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    snprintf(w->tables_version, sizeof(w->tables_version), "%s", sw_tables_version(t));
    snprintf(w->tables_sha256, sizeof(w->tables_sha256), "%s", sw_tables_sha256(t));
    if (!w->per_hours) {
        st = run_block(&w->blocks[0], t, s, in, err);
        goto out;
    }
    for (size_t i = 0; !st && i < in->n_hours; i++) {
        /* The same scenario with the job at these hours. */
        *at_hours = *s;
        at_hours->job.hours_x100 = in->hours[i].hours_x100;
        snprintf(w->blocks[i].hours_label, sizeof(w->blocks[i].hours_label), "%.*s",
                 (int)sizeof(in->hours[i].label) - 1, in->hours[i].label);
        st = run_block(&w->blocks[i], t, at_hours, in, err);
    }
out:
    free(at_hours);
    if (st) {
        sw_employer_whatif_free(w);
        return st;
    }
    *out = w;
    return SW_OK;
}

void sw_employer_whatif_free(struct sw_employer_whatif *w)
{
    if (!w)
        return;
    for (size_t i = 0; w->blocks && i < w->nblocks; i++)
        sw_used_release(&w->blocks[i].used);
    free(w->blocks);
    free(w);
}
