/* lks.c - loonkostensubsidie per month (art. 10d Participatiewet; Regeling
 * loonkostensubsidie Participatiewet art. 1), for one date and for a job whose
 * loonwaarde changes over time. */
#include <string.h>

#include "switchsim/lks.h"
#include "switchsim/money.h"

static const struct sw_lks_fields default_fields = {
    "job.hours_per_week", "job.loonwaarde", "job.hourly_wage", "household.birth_date"};

static const struct sw_lks_fields *fields_of(const struct sw_lks_fields *f)
{
    return f ? f : &default_fields;
}

/* Keep only the parameters a helper looked up: its rule and inputs describe a
 * step, not the LKS. */
static void keep_params(struct sw_trace *tr, const struct sw_trace *sub)
{
    for (size_t i = 0; tr && i < sub->nparams; i++)
        sw_trace_param(tr, &sub->params[i]);
}

sw_status sw_lks_rates(const struct sw_ctx *c, sw_date date, struct sw_lks_rates *out,
                       struct sw_trace *tr, struct sw_err *err)
{
    struct sw_lks_rates r;
    sw_status st;

    /* Participatiewet art. 10d lid 4: at most the table's percentage of the WML. */
    st = sw_param_t(c, "lks.max_percent", date, SW_UNIT_PERCENT, &r.max_percent, tr, err);
    /* Participatiewet art. 10d lid 1 onder b en lid 5: the forfait. */
    if (!st)
        st = sw_param_t(c, "lks.forfait_percent", date, SW_UNIT_PERCENT, &r.forfait_percent,
                        tr, err);
    /* Regeling loonkostensubsidie Participatiewet art. 1: the werkgeverslasten
     * surcharge. */
    if (!st)
        st = sw_param_t(c, "lks.werkgeverslasten_percent", date, SW_UNIT_PERCENT,
                        &r.werkgeverslasten_percent, tr, err);
    if (!st)
        *out = r;
    return st;
}

void sw_lks_apply(const struct sw_lks_rates *r, int64_t wml_incl, int64_t loonwaarde_amount,
                  bool forfaitair, struct sw_lks *out)
{
    int64_t lks;

    out->max_percent = r->max_percent;
    out->forfait_percent = forfaitair ? r->forfait_percent : 0;
    out->werkgeverslasten_percent = r->werkgeverslasten_percent;
    out->forfaitair = forfaitair;
    /* Art. 10d lid 4 Pw: at most max_percent of the WML incl. vakantiebijslag; an
     * amount from a percentage is rounded half up to cents (money.h). */
    out->cap = sw_money_rate_half_up(wml_incl, r->max_percent);
    if (forfaitair)
        /* Art. 10d lid 5 Pw: a fixed percentage of the WML, no loonwaarde. */
        lks = sw_money_rate_half_up(wml_incl, r->forfait_percent);
    else
        /* Art. 10d lid 4 Pw: the difference between the WML and the loonwaarde. */
        lks = wml_incl - loonwaarde_amount;
    if (lks < 0)
        lks = 0;
    out->capped = lks > out->cap;
    if (out->capped)
        lks = out->cap;
    out->lks = lks;
    /* Regeling LKS Pw art. 1: the werkgeverslasten surcharge on the subsidy,
     * rounded half up to cents. */
    out->werkgeverslasten = sw_money_rate_half_up(lks, r->werkgeverslasten_percent);
    out->total = out->lks + out->werkgeverslasten;
}

/* A wage per month incl. the minimum vakantiebijslag, for the hours. */
static sw_status month_incl(const struct sw_ctx *c, sw_date date, int64_t hourly,
                            int64_t hours_x100, int64_t *month, int64_t *holiday,
                            struct sw_trace *sub, struct sw_err *err)
{
    sw_status st = sw_wage_monthly(c, date, hourly, hours_x100, month, sub, err);

    if (!st)
        /* Wml art. 15 lid 1: the basis includes vakantiebijslag (art. 10d lid 4 Pw:
         * "inclusief vakantiebijslag", werkzaakrivierenland.nl). */
        st = sw_holiday_pay(c, date, *month, holiday, sub, err);
    return st;
}

sw_status sw_lks_compute(const struct sw_ctx *c, sw_date date, const struct sw_lks_input *in,
                         struct sw_lks *out, struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_lks_fields *f = fields_of(in->fields);
    struct sw_trace sub;
    struct sw_trace *sp = tr ? &sub : NULL;   /* the parameters only for a trace */
    struct sw_lks r;
    struct sw_lks_rates rates;
    struct sw_wml wml;
    char ds[16], a[32], b[32];
    sw_status st;

    /* r is not cleared: every field is set before it is copied out (only on
     * success); the month loop asks this for every month of work. */
    if (sp)
        memset(&sub, 0, sizeof(sub));
    if (in->hours_x100 < SW_LKS_MIN_HOURS || in->hours_x100 > SW_LKS_MAX_HOURS) {
        sw_money_format(a, sizeof(a), in->hours_x100);
        return sw_err_set(err, SW_ERR_INVALID, f->hours,
                          "hours per week %s out of range %d-%d in '%s'", a,
                          SW_LKS_MIN_HOURS / 100, SW_LKS_MAX_HOURS / 100, f->hours);
    }
    if (!in->forfaitair && (in->loonwaarde < 0 || in->loonwaarde > SW_PPM_ONE)) {
        sw_rate_format(a, sizeof(a), in->loonwaarde);
        return sw_err_set(err, SW_ERR_INVALID, f->loonwaarde,
                          "loonwaarde %s%% out of range 0-100 in '%s'", a, f->loonwaarde);
    }
    if (in->hourly_wage < 0)
        return sw_err_set(err, SW_ERR_INVALID, f->wage, "negative hourly wage in '%s'",
                          f->wage);
    st = sw_wml_hourly(c, date, in->birth, f->birth, &wml, sp, err);
    if (st)
        return st;
    r.wml_hourly = wml.hourly;
    r.wml_percent = wml.percent;
    r.wage_hourly = in->hourly_wage ? in->hourly_wage : wml.hourly;
    if (r.wage_hourly < wml.hourly) {
        /* Art. 10d lid 1 Pw: LKS is for a dienstbetrekking at (at least) the WML. */
        sw_money_format(a, sizeof(a), r.wage_hourly);
        sw_money_format(b, sizeof(b), wml.hourly);
        sw_date_format(ds, sizeof(ds), date);
        return sw_err_set(err, SW_ERR_INVALID, f->wage,
                          "hourly wage %s is below the minimum wage %s for this age on '%s' "
                          "in '%s'", a, b, ds, f->wage);
    }
    st = month_incl(c, date, wml.hourly, in->hours_x100, &r.wml_month, &r.wml_holiday_pay,
                    sp, err);
    if (!st && (r.wage_hourly != wml.hourly || sp)) {
        st = month_incl(c, date, r.wage_hourly, in->hours_x100, &r.wage_month,
                        &r.wage_holiday_pay, sp, err);
    } else if (!st) {
        /* The wage is the WML: the same question, the same lookups (asked just
         * now, in c->used), the same answer. */
        r.wage_month = r.wml_month;
        r.wage_holiday_pay = r.wml_holiday_pay;
    }
    if (!st)
        st = sw_lks_rates(c, date, &rates, sp, err);
    if (st)
        return st;
    r.wml_incl = r.wml_month + r.wml_holiday_pay;
    r.wage_incl = r.wage_month + r.wage_holiday_pay;
    if (!in->forfaitair) {
        r.loonwaarde = in->loonwaarde;
        /* The loonwaarde is a percentage of the wage usual for the job (the
         * functieloon incl. vakantiebijslag), not of the WML (svland.nl, afgestemd
         * met SZW; AKC Cahier 13a: x "het referentieloon van de normfunctie");
         * half up to cents. */
        r.loonwaarde_amount = sw_money_rate_half_up(r.wage_incl, in->loonwaarde);
    } else {
        r.loonwaarde = r.loonwaarde_amount = 0;   /* the forfait has none */
    }
    sw_lks_apply(&rates, r.wml_incl, r.loonwaarde_amount, in->forfaitair, &r);
    if (sp)
        keep_params(tr, &sub);
    if (!tr) {
        *out = r;   /* the texts are for the trace only */
        return SW_OK;
    }
    sw_rate_format(a, sizeof(a), rates.forfait_percent);
    sw_rate_format(b, sizeof(b), rates.max_percent);
    if (in->forfaitair)
        sw_trace_rule(tr, "Participatiewet art. 10d lid 1 onder b en lid 5; Regeling "
                          "loonkostensubsidie Participatiewet art. 1",
                      "forfaitaire loonkostensubsidie: %s%% van het minimumloon incl. "
                      "vakantiebijslag voor de contracturen, plus de vergoeding voor "
                      "werkgeverslasten", a);
    else
        sw_trace_rule(tr, "Participatiewet art. 10d lid 4; Regeling loonkostensubsidie "
                          "Participatiewet art. 1",
                      "minimumloon incl. vakantiebijslag voor de contracturen min de "
                      "loonwaarde (percentage van het loon incl. vakantiebijslag), ten "
                      "hoogste %s%% van dat minimumloon, plus de vergoeding voor "
                      "werkgeverslasten", b);
    sw_trace_input(tr, "uren per week", in->hours_x100, SW_UNIT_HOURS);
    sw_trace_input(tr, "minimumloon incl. vakantiebijslag", r.wml_incl, SW_UNIT_EUROCENT);
    if (!in->forfaitair) {
        sw_trace_input(tr, "loon incl. vakantiebijslag", r.wage_incl, SW_UNIT_EUROCENT);
        sw_trace_input(tr, "loonwaarde", r.loonwaarde, SW_UNIT_PERCENT);
        sw_trace_input(tr, "loonwaarde in euro", r.loonwaarde_amount, SW_UNIT_EUROCENT);
    }
    sw_trace_input(tr, "loonkostensubsidie", r.lks, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "werkgeverslasten", r.werkgeverslasten, SW_UNIT_EUROCENT);
    *out = r;
    return SW_OK;
}

sw_status sw_lks_job_check(const struct sw_lks_job *job, struct sw_err *err)
{
    const struct sw_lks_fields *f = fields_of(job->fields);
    char a[32], d1[16], d2[16];

    if (job->hours_x100 < SW_LKS_MIN_HOURS || job->hours_x100 > SW_LKS_MAX_HOURS) {
        sw_money_format(a, sizeof(a), job->hours_x100);
        return sw_err_set(err, SW_ERR_INVALID, f->hours,
                          "hours per week %s out of range %d-%d in '%s'", a,
                          SW_LKS_MIN_HOURS / 100, SW_LKS_MAX_HOURS / 100, f->hours);
    }
    if (job->hourly_wage < 0)
        return sw_err_set(err, SW_ERR_INVALID, f->wage, "negative hourly wage in '%s'",
                          f->wage);
    if (job->end != SW_NO_DATE && job->end < job->start)
        return sw_err_set(err, SW_ERR_INVALID, "job.end", "job ends before it starts in '%s'",
                          "job.end");
    if (!job->periods || job->nperiods == 0)
        return sw_err_set(err, SW_ERR_INVALID, f->loonwaarde, "no loonwaarde given in '%s'",
                          f->loonwaarde);
    for (size_t i = 0; i < job->nperiods; i++) {
        const struct sw_loonwaarde_period *p = &job->periods[i];
        if (p->percent < 0 || p->percent > SW_PPM_ONE) {
            sw_rate_format(a, sizeof(a), p->percent);
            return sw_err_set(err, SW_ERR_INVALID, f->loonwaarde,
                              "loonwaarde %s%% out of range 0-100 in '%s'", a, f->loonwaarde);
        }
        if (i > 0 && p->from <= job->periods[i - 1].from) {
            sw_date_format(d1, sizeof(d1), p->from);
            return sw_err_set(err, SW_ERR_INVALID, f->loonwaarde,
                              "loonwaarde periods not in date order at '%s' in '%s'", d1,
                              f->loonwaarde);
        }
    }
    if (job->periods[0].from > job->start) {
        sw_date_format(d1, sizeof(d1), job->periods[0].from);
        sw_date_format(d2, sizeof(d2), job->start);
        return sw_err_set(err, SW_ERR_INVALID, f->loonwaarde,
                          "first loonwaarde from '%s' is after the job start '%s' in '%s'", d1,
                          d2, f->loonwaarde);
    }
    return SW_OK;
}

/* Pro rata for part of a month by calendar days, half up (as sw_wage_part_month). */
static int64_t part(int64_t full, int days, int mdays)
{
    return days == mdays ? full : sw_money_scale_half_up(full, days, mdays);
}

sw_status sw_lks_month(const struct sw_ctx *c, sw_month month, const struct sw_lks_job *job,
                       struct sw_lks_month *out, struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_lks_fields *f = fields_of(job->fields);
    struct sw_lks_month m;
    sw_date first = sw_month_first_day(month), last = sw_month_last_day(month);
    sw_date from, to, d, forfait_end = 0;
    bool have_forfait_end = false;
    int mdays = sw_month_days(month);
    size_t i = 0;
    sw_status st;

    memset(&m, 0, sizeof(m));
    st = sw_lks_job_check(job, err);
    if (st)
        return st;
    from = job->start > first ? job->start : first;
    to = (job->end != SW_NO_DATE && job->end < last) ? job->end : last;
    /* The period in force on `from`: the last one starting on or before it. */
    while (i + 1 < job->nperiods && job->periods[i + 1].from <= from)
        i++;
    for (d = from; d <= to; i++) {
        const struct sw_loonwaarde_period *p = &job->periods[i];
        sw_date seg_end = (i + 1 < job->nperiods && job->periods[i + 1].from - 1 < to)
                              ? job->periods[i + 1].from - 1 : to;
        struct sw_lks_input in;
        struct sw_lks full;
        int days = (int)(seg_end - d + 1);

        if (p->forfaitair) {
            if (!have_forfait_end) {
                int64_t months;
                /* Art. 10d lid 1 onder b Pw: the forfait runs at most the table's
                 * months, counted from the start of the dienstbetrekking. */
                st = sw_param_t(c, "lks.forfait_max_months", job->start, SW_UNIT_MONTHS,
                                &months, tr, err);
                if (st)
                    return st;
                forfait_end = sw_date_add_months(job->start, (int)months);
                have_forfait_end = true;
            }
            if (seg_end >= forfait_end) {
                char d1[16], d2[16];
                sw_date_format(d1, sizeof(d1), forfait_end - 1);
                sw_date_format(d2, sizeof(d2), forfait_end);
                return sw_err_set(err, SW_ERR_INVALID, f->loonwaarde,
                                  "forfaitaire loonkostensubsidie runs only until '%s'; give "
                                  "a measured loonwaarde from '%s' in '%s'", d1, d2,
                                  f->loonwaarde);
            }
        }
        in.hours_x100 = job->hours_x100;
        in.loonwaarde = p->percent;
        in.hourly_wage = job->hourly_wage;
        in.forfaitair = p->forfaitair;
        in.birth = job->birth;
        in.fields = job->fields;
        st = sw_lks_compute(c, d, &in, &full, tr, err);
        if (st)
            return st;
        /* A part month by calendar days, each component half up. */
        m.lks += part(full.lks, days, mdays);
        m.werkgeverslasten += part(full.werkgeverslasten, days, mdays);
        m.loonwaarde = p->percent;
        m.forfaitair = m.forfaitair || p->forfaitair;
        m.capped = m.capped || full.capped;
        m.days += days;
        d = seg_end + 1;
    }
    m.total = m.lks + m.werkgeverslasten;
    if (m.days > 0 && m.days < mdays)
        sw_trace_rule(tr, "Participatiewet art. 10d; kalenderdagenmethode",
                      "loonkostensubsidie per maand x %d van de %d dagen in dienst", m.days,
                      mdays);
    *out = m;
    return SW_OK;
}
