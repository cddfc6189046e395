/* engine.c - the month loop: status, wage, loonheffing, bijstand paid against
 * entitled, vakantietoeslag, toeslagen advances against entitlement, Wmo, and the
 * recoveries that payment timing causes; then the wallet and the advice.
 *
 * Conventions of the simulation (not legal values; each is stated where it is
 * applied): a month's facts are those on its first day; the salary of a month is
 * paid in that month; income is counted for bijstand in the month it is received;
 * a recovery letter is collected in full the month after it arrives.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "switchsim/aow.h"
#include "switchsim/money.h"

static const char *const item_names[SW_ITEM__COUNT] = {
    "gross_wage", "holiday_pay", "loonheffing", "net_wage", "bijstand_norm", "vrijlating",
    "bijstand_entitled", "bijstand_paid", "bijstand_holiday_allowance_paid",
    "zorgtoeslag_entitled", "zorgtoeslag_paid", "huurtoeslag_entitled", "huurtoeslag_paid",
    "wmo_eigen_bijdrage", "recovery_collected", "received", "set_aside", "safe_to_spend",
    "lks", "bijstand_holiday_allowance_reserved", "reserve_released", "ww_gross", "ww_net"};

const char *sw_item_name(enum sw_item item)
{
    return (unsigned)item < SW_ITEM__COUNT ? item_names[item] : "";
}

bool sw_item_parse(const char *name, enum sw_item *out)
{
    for (int i = 0; i < SW_ITEM__COUNT; i++) {
        if (strcmp(name, item_names[i]) == 0) {
            *out = (enum sw_item)i;
            return true;
        }
    }
    return false;
}

const char *sw_month_status_name(enum sw_month_status s)
{
    static const char *const names[] = {"bijstand", "trial", "work", "fallback"};

    return names[s];
}

const char *sw_recovery_kind_name(enum sw_recovery_kind k)
{
    static const char *const names[] = {"bijstand", "zorgtoeslag", "huurtoeslag",
                                        "inkomstenbelasting"};

    return names[k];
}

const char *sw_who_name(enum sw_who w)
{
    static const char *const names[] = {"resident", "consultant", "employer"};

    return names[w];
}

void sw_timeline_free(struct sw_timeline *tl)
{
    if (!tl)
        return;
    for (int i = 0; i < tl->scenario.n; i++)
        free(tl->scenario.rows[i].trace);
    for (int i = 0; i < tl->baseline.n; i++)
        free(tl->baseline.rows[i].trace);
    free(tl->scenario.rows);
    free(tl->baseline.rows);
    sw_used_release(&tl->used);
    free(tl);
}

/* --- small helpers shared by the phases (engine_impl.h) --- */

struct sw_trace *eng_trace(struct eng_run *r, int i, enum sw_item item)
{
    struct sw_month_row *row = &r->run->rows[i];

    return row->trace ? &row->trace[item] : NULL;
}

int eng_index(const struct eng_run *r, sw_month m)
{
    int i = m - r->s->start_month;

    return i >= 0 && i < r->run->n ? i : -1;
}

void eng_add(struct eng_run *r, sw_month m, enum sw_item item, int64_t amount)
{
    int i = eng_index(r, m);

    if (i >= 0)
        r->run->rows[i].v[item] += amount;
}

void eng_recovery(struct eng_run *r, enum sw_recovery_kind kind, const char *period,
                  sw_month caused, int64_t amount, sw_month expected, sw_month collected,
                  const char *avoidable_by)
{
    struct sw_timeline *tl = r->tl;
    struct sw_recovery *rec;

    if (!r->is_switch || amount <= 0)
        return;
    if (tl->n_recoveries >= SW_MAX_RECOVERIES)
        return;
    rec = &tl->recoveries[tl->n_recoveries++];
    rec->kind = kind;
    snprintf(rec->for_period, sizeof(rec->for_period), "%s", period);
    rec->caused = caused;
    rec->amount = amount;
    rec->expected = expected;
    rec->collected = collected;
    snprintf(rec->avoidable_by, sizeof(rec->avoidable_by), "%s", avoidable_by);
    eng_add(r, collected, SW_ITEM_RECOVERY_COLLECTED, amount);
    eng_add(r, collected, SW_ITEM_RESERVE_RELEASED, amount);
}

void eng_warning(struct sw_timeline *tl, const char *code, sw_month month, int64_t amount,
                 const char *fmt, ...)
{
    struct sw_warning *w;
    va_list ap;

    if (tl->n_warnings >= SW_MAX_WARNINGS)
        return;
    for (size_t i = 0; i < tl->n_warnings; i++)
        if (strcmp(tl->warnings[i].code, code) == 0 && tl->warnings[i].month == month)
            return;
    w = &tl->warnings[tl->n_warnings++];
    snprintf(w->code, sizeof(w->code), "%s", code);
    w->month = month;
    w->amount = amount;
    va_start(ap, fmt);
    vsnprintf(w->text, sizeof(w->text), fmt, ap);
    va_end(ap);
}

void eng_action(struct sw_timeline *tl, sw_date before, enum sw_who who, const char *fmt, ...)
{
    struct sw_action *a;
    va_list ap;

    if (tl->n_actions >= SW_MAX_ACTIONS)
        return;
    a = &tl->actions[tl->n_actions++];
    a->before = before;
    a->who = who;
    va_start(ap, fmt);
    vsnprintf(a->text, sizeof(a->text), fmt, ap);
    va_end(ap);
}

size_t sw_timeline_projected(const struct sw_timeline *tl, sw_month m,
                             const struct sw_value_info **out, size_t max)
{
    sw_date last = sw_month_last_day(m);
    size_t n = 0;

    for (size_t i = 0; i < tl->used.len; i++) {
        const struct sw_value_info *u = &tl->used.items[i];
        bool dup = false;
        if (!u->projected || u->projected_from > last)
            continue;
        for (size_t j = 0; j < i && !dup; j++)
            dup = tl->used.items[j].projected && strcmp(tl->used.items[j].id, u->id) == 0;
        if (dup)
            continue;
        if (n < max)
            out[n] = u;
        n++;
    }
    return n;
}

/* --- the simulation --- */

static sw_status alloc_run(struct sw_run *run, const struct sw_scenario *s, bool traces,
                           struct sw_err *err)
{
    run->n = s->months;
    run->rows = calloc((size_t)s->months, sizeof(*run->rows));
    if (!run->rows)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    for (int i = 0; i < s->months; i++) {
        run->rows[i].month = s->start_month + i;
        if (traces) {
            run->rows[i].trace = calloc(SW_ITEM__COUNT, sizeof(struct sw_trace));
            if (!run->rows[i].trace)
                return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        }
    }
    return SW_OK;
}

static void totals(struct sw_run *run)
{
    memset(run->totals, 0, sizeof(run->totals));
    for (int i = 0; i < run->n; i++)
        for (int k = 0; k < SW_ITEM__COUNT; k++)
            run->totals[k] += run->rows[i].v[k];
}

/* received, set aside and safe to spend, once every other item is in. */
static void wallet(struct eng_run *r)
{
    for (int i = 0; i < r->run->n; i++) {
        int64_t *v = r->run->rows[i].v;

        v[SW_ITEM_RECEIVED] = v[SW_ITEM_NET_WAGE] + v[SW_ITEM_WW_NET] + v[SW_ITEM_BIJSTAND_PAID] +
                              v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] +
                              v[SW_ITEM_ZORGTOESLAG_PAID] + v[SW_ITEM_HUURTOESLAG_PAID] -
                              v[SW_ITEM_WMO_EIGEN_BIJDRAGE] - v[SW_ITEM_RECOVERY_COLLECTED];
        v[SW_ITEM_SAFE_TO_SPEND] = v[SW_ITEM_RECEIVED] - v[SW_ITEM_SET_ASIDE] +
                                   v[SW_ITEM_RESERVE_RELEASED];
        if (r->run->rows[i].trace) {
            struct sw_trace *tr = &r->run->rows[i].trace[SW_ITEM_RECEIVED];
            sw_trace_rule(tr, "switchsim: wat er op de rekening komt",
                          "nettoloon + WW + bijstand + vakantietoeslag bijstand + zorgtoeslag + "
                          "huurtoeslag - eigen bijdrage Wmo - terugbetalingen");
            tr = &r->run->rows[i].trace[SW_ITEM_SAFE_TO_SPEND];
            sw_trace_rule(tr, "switchsim: veilig te besteden",
                          "ontvangen - apart te zetten + gebruikt uit wat eerder apart is gezet");
            sw_trace_input(tr, "ontvangen", v[SW_ITEM_RECEIVED], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "apart te zetten", v[SW_ITEM_SET_ASIDE], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "gebruikt uit wat apart is gezet", v[SW_ITEM_RESERVE_RELEASED],
                           SW_UNIT_EUROCENT);
            sw_trace_rule(&r->run->rows[i].trace[SW_ITEM_SET_ASIDE],
                          "switchsim: terugvorderingen die nog komen",
                          "wat deze maand meer is betaald dan waar recht op is (bijstand, "
                          "toeslagen, loonheffingskorting) en later wordt teruggevraagd");
            sw_trace_rule(&r->run->rows[i].trace[SW_ITEM_RECOVERY_COLLECTED],
                          "Participatiewet art. 58; Awir art. 26; Invorderingswet 1990 art. 9",
                          "terugbetaling van een eerder te veel ontvangen bedrag, in de maand "
                          "van de uiterste betaaldatum");
            sw_trace_rule(&r->run->rows[i].trace[SW_ITEM_RESERVE_RELEASED],
                          "switchsim: apart gezet geld dat nu wordt gebruikt",
                          "het geld dat eerder apart is gezet en deze maand wordt verrekend of "
                          "terugbetaald");
            tr = &r->run->rows[i].trace[SW_ITEM_RECEIVED];
            sw_trace_input(tr, "nettoloon", v[SW_ITEM_NET_WAGE], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "WW (netto)", v[SW_ITEM_WW_NET], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "bijstand", v[SW_ITEM_BIJSTAND_PAID], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "vakantietoeslag bijstand", v[SW_ITEM_BIJSTAND_HOLIDAY_PAID],
                           SW_UNIT_EUROCENT);
            sw_trace_input(tr, "zorgtoeslag", v[SW_ITEM_ZORGTOESLAG_PAID], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "huurtoeslag", v[SW_ITEM_HUURTOESLAG_PAID], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "eigen bijdrage Wmo", v[SW_ITEM_WMO_EIGEN_BIJDRAGE],
                           SW_UNIT_EUROCENT);
            sw_trace_input(tr, "terugbetaald", v[SW_ITEM_RECOVERY_COLLECTED], SW_UNIT_EUROCENT);
        }
    }
}

static sw_status run_one(struct eng_run *r, struct sw_err *err)
{
    sw_status st;

    st = eng_months(r, err);          /* wage, bijstand, Wmo, LKS (engine_months.c) */
    if (!st)
        st = eng_toeslagen(r, err);   /* advances and settlement (engine_toeslagen.c) */
    if (!st)
        st = eng_korting_twice(r, err);
    if (!st) {
        wallet(r);
        totals(r->run);
    }
    return st;
}

sw_status sw_simulate(struct sw_timeline **out, const struct sw_tables *t,
                      const struct sw_scenario *s, unsigned flags, struct sw_err *err)
{
    struct sw_timeline *tl = NULL;
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    struct sw_ctx c;
    struct eng_run sw_run, base_run;
    sw_status st;
    bool traces = (flags & SW_SIM_TRACE) != 0;

    *out = NULL;
    tl = calloc(1, sizeof(*tl));
    if (!tl)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    sw_scenario_ctx(&c, t, s, ov);
    c.used = &tl->used;
    snprintf(tl->tables_version, sizeof(tl->tables_version), "%s", sw_tables_version(t));
    snprintf(tl->tables_sha256, sizeof(tl->tables_sha256), "%s", sw_tables_sha256(t));

    st = alloc_run(&tl->scenario, s, traces, err);
    if (!st)
        st = alloc_run(&tl->baseline, s, traces, err);
    if (st)
        goto out;
    memset(&sw_run, 0, sizeof(sw_run));
    sw_run.s = s;
    sw_run.c = &c;
    sw_run.run = &tl->scenario;
    sw_run.tl = tl;
    sw_run.is_switch = true;
    base_run = sw_run;
    base_run.run = &tl->baseline;
    base_run.is_switch = false;

    st = run_one(&base_run, err);
    if (!st) {
        sw_run.base = &base_run;
        st = run_one(&sw_run, err);
    }
    if (st)
        goto out;
    for (int i = 0; i < s->months; i++)
        tl->total_gain += tl->scenario.rows[i].v[SW_ITEM_SAFE_TO_SPEND] -
                          tl->baseline.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
    /* The headline's average, rounded half up to cents. */
    tl->average_gain = sw_div_half_up(tl->total_gain, s->months);
    st = eng_advice(&sw_run, err);
    if (st)
        goto out;
    if (tl->used.nomem) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    *out = tl;
    tl = NULL;
out:
    sw_timeline_free(tl);
    return st;
}
