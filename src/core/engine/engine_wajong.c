/* engine_wajong.c - the Wajong as the benefit before the job (before.benefit
 * "wajong"): what UWV pays each month and how it settles the income from work.
 *
 * With work UWV pays a voorschot on the income it expects (the contract's wage
 * for a full month), for wajong.voorschot_months at a time; after each period it
 * sets the Wajong on the real income (the polisadministratie: the gross wage paid
 * in each month) and pays the difference (nabetaling) with the next payment, or
 * asks the overpaid net amount back (a recovery letter). Without work, and again
 * after the job (the Wajong revives: herleving), the full Wajong. The
 * vakantiegeld: wajong.holiday_pay_percent of the Wajong of the twelve months
 * before wajong.holiday_pay_month, paid in that month. The loonheffing on the
 * Wajong: the monthly calculation for a benefit, with the algemene
 * heffingskorting when UWV applies it (before.wajong_loonheffingskorting); on the
 * vakantiegeld the tarief bijzondere beloningen. */
#include <stdio.h>
#include <string.h>

#include "engine_impl.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/wajong.h"

static unsigned korting(const struct eng_run *r)
{
    return r->s->before.wajong_loonheffingskorting ? SW_LH_KORTING : 0;
}

static sw_status wajong(const struct eng_run *r, sw_month m, int64_t income,
                        struct sw_wajong_month *w, struct sw_trace *tr, struct sw_err *err)
{
    return sw_wajong_month(r->c, sw_month_first_day(m), r->s->household.birth,
                           r->s->before.wajong_regime, r->s->before.wajong_arbeidsvermogen,
                           income, w, tr, err);
}

static sw_status net_of(const struct eng_run *r, sw_month m, int64_t gross, int64_t *net,
                        struct sw_trace *tr, struct sw_err *err)
{
    struct sw_lh_benefit b;
    sw_status st;

    if (gross <= 0) {
        *net = 0;
        return SW_OK;
    }
    st = sw_loonheffing_benefit(r->c, sw_month_first_day(m), gross, r->s->household.birth,
                                korting(r), &b, tr, err);
    if (!st)
        *net = b.net;
    return st;
}

sw_status eng_wajong_init(struct eng_run *r, struct eng_wajong *w, struct sw_err *err)
{
    sw_month m0 = r->s->start_month, last;
    struct sw_wajong_month wm;
    int64_t month_no, rate;
    sw_status st;

    /* Without a Wajong only `active` is read (cleared then only when active). */
    w->active = r->s->before.benefit == SW_BEFORE_WAJONG;
    if (!w->active)
        return SW_OK;
    memset(w, 0, sizeof(*w));
    w->active = true;
    w->p0 = sw_month_of(r->s->job.start);
    w->first = -1;
    st = sw_param(r->c, "wajong.voorschot_months", sw_month_first_day(w->p0), SW_UNIT_MONTHS,
                  &w->months, NULL, err);
    /* The vakantiegeld built up since the last payment before the first month:
     * the full Wajong (no work yet) of every month since. */
    if (!st)
        st = sw_param(r->c, "wajong.holiday_pay_month", sw_month_first_day(m0),
                      SW_UNIT_MONTH_OF_YEAR, &month_no, NULL, err);
    if (!st)
        st = sw_param(r->c, "wajong.holiday_pay_percent", sw_month_first_day(m0),
                      SW_UNIT_PERCENT, &rate, NULL, err);
    if (!st)
        st = wajong(r, m0, 0, &wm, NULL, err);
    if (st)
        return st;
    last = sw_month_from_ym(sw_month_year(m0), (int)month_no);
    if (last >= m0)
        last -= 12;
    w->vt_accrued = sw_money_rate_half_up(wm.gross, rate) * (m0 - last - 1);
    return SW_OK;
}

/* The vakantiegeld of month index i: paid in the table's month (what was built up
 * in the twelve months before it), then this month's part of `due` built up. */
static sw_status holiday_pay(struct eng_run *r, struct eng_wajong *w, int i, int64_t due,
                             int64_t *paid, struct sw_err *err)
{
    sw_month m = r->run->rows[i].month;
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_WAJONG_HOLIDAY_PAY);
    int64_t month_no, rate;
    sw_status st;

    *paid = 0;
    st = sw_param_t(r->c, "wajong.holiday_pay_month", sw_month_first_day(m),
                    SW_UNIT_MONTH_OF_YEAR, &month_no, tr, err);
    if (!st)
        st = sw_param_t(r->c, "wajong.holiday_pay_percent", sw_month_first_day(m),
                        SW_UNIT_PERCENT, &rate, tr, err);
    if (st)
        return st;
    if (sw_month_number(m) == month_no) {
        *paid = w->vt_accrued;
        w->vt_accrued = 0;
        sw_trace_rule(tr, "uwv.nl 'Hoeveel vakantiegeld krijg ik?'",
                      "een percentage van de bruto Wajong van de twaalf maanden hiervoor");
        sw_trace_input(tr, "opgebouwd", *paid, SW_UNIT_EUROCENT);
    }
    w->vt_accrued += sw_money_rate_half_up(due, rate);
    return SW_OK;
}

sw_status eng_wajong_full_net(struct eng_run *r, const struct eng_wajong *w, sw_month m,
                              int64_t *net, struct sw_err *err)
{
    struct sw_wajong_month wm;
    sw_status st;

    *net = 0;
    if (!w->active)
        return SW_OK;
    st = wajong(r, m, 0, &wm, NULL, err);
    if (!st)
        st = net_of(r, m, wm.gross, net, NULL, err);
    return st;
}

/* The overpaid voorschot of the period that ended before month index i: a
 * letter in month i, paid back wajong.recovery_payment_months later; set apart
 * in the months it was paid too much (as far as the period's balance goes). */
static sw_status recover(struct eng_run *r, struct eng_wajong *w, int i, sw_month letter,
                         int64_t amount, struct sw_err *err)
{
    int64_t term, cum = 0, booked = 0;
    sw_month caused = w->period_start;
    char period[16];
    sw_status st;

    st = sw_param(r->c, "wajong.recovery_payment_months", sw_month_first_day(letter),
                  SW_UNIT_MONTHS, &term, NULL, err);
    if (st)
        return st;
    for (int j = w->first; j >= 0 && j < i; j++) {
        int64_t want;
        cum += w->diff_net[j];
        want = cum < 0 ? 0 : cum > amount ? amount : cum;
        if (want > booked) {
            if (booked == 0)
                caused = r->run->rows[j].month;
            r->run->rows[j].v[SW_ITEM_SET_ASIDE] += want - booked;
            booked = want;
        }
    }
    sw_month_format(period, sizeof(period), w->period_start);
    eng_recovery(r, SW_RECOVERY_WAJONG, period, caused, amount, letter,
                 letter + (int)term,
                 "Geef UWV meteen door als u meer uren werkt of meer verdient dan in uw "
                 "contract staat. Dan past UWV het voorschot aan en hoeft u minder terug te "
                 "betalen.");
    return SW_OK;
}

/* Wajong 2010 without arbeidsvermogen (art. 2:45): after
 * wajong.herbeoordeling_months calendar months in a row with income above
 * wajong.herbeoordeling_percent of the maatmaninkomen UWV examines whether the
 * resident is still volledig en duurzaam arbeidsongeschikt (art. 2:46a). The
 * maatmaninkomen is not in the tables, so the switch run warns after that many
 * months with a wage in a row and names the condition. */
static sw_status herbeoordeling(struct eng_run *r, struct eng_wajong *w, int i,
                                struct sw_err *err)
{
    const struct sw_month_row *row = &r->run->rows[i];
    sw_date d = sw_month_first_day(row->month);
    int64_t months, pct;
    char mb[32], pb[16];
    sw_status st;

    if (!r->is_switch || r->s->before.wajong_regime != SW_WAJONG_2010 ||
        r->s->before.wajong_arbeidsvermogen)
        return SW_OK;
    w->work_run = row->v[SW_ITEM_GROSS_WAGE] > 0 ? w->work_run + 1 : 0;
    st = sw_param(r->c, "wajong.herbeoordeling_months", d, SW_UNIT_MONTHS, &months, NULL, err);
    if (!st && w->work_run == months)
        st = sw_param(r->c, "wajong.herbeoordeling_percent", d, SW_UNIT_PERCENT, &pct, NULL,
                      err);
    if (st || w->work_run != months)
        return st;
    sw_month_nl(mb, sizeof(mb), row->month);
    sw_rate_format_nl(pb, sizeof(pb), pct);
    eng_warning(r, "wajong_herbeoordeling", row->month, row->v[SW_ITEM_GROSS_WAGE],
                "In %s werkt u %lld maanden achter elkaar. Verdiende u al die maanden meer "
                "dan %s %% van het maatmaninkomen (wat iemand zonder beperking met uw "
                "opleiding en ervaring verdient)? Dan onderzoekt UWV of u nog duurzaam geen "
                "arbeidsvermogen hebt (artikel 2:46a Wet Wajong). Vindt UWV dat u wel "
                "arbeidsvermogen hebt, dan wordt uw Wajong lager.",
                mb, (long long)months, pb);
    return SW_OK;
}

/* The settlement of the voorschot period that ended before month m (index i, or
 * past the horizon): the nabetaling (gross) to add to m's payment, or a recovery. */
static sw_status settle(struct eng_run *r, struct eng_wajong *w, int i, sw_month m,
                        int64_t *nabetaling, struct sw_err *err)
{
    int64_t g = w->def_gross - w->adv_gross, net = w->adv_net - w->def_net;
    sw_status st = SW_OK;

    *nabetaling = 0;
    if (g > 0) {
        *nabetaling = g;
        if (r->is_switch) {
            char a[32], mb[32];
            sw_money_format_nl(a, sizeof(a), g);
            sw_month_nl(mb, sizeof(mb), m);
            eng_warning(r, "wajong_nabetaling", m, g,
                        "UWV heeft het voorschot op de Wajong te laag berekend. In %s "
                        "betaalt UWV %s bruto na.", mb, a);
        }
    } else if (g < 0 && net > 0) {
        st = recover(r, w, i, m, net, err);
    }
    w->def_gross = w->adv_gross = w->def_net = w->adv_net = 0;
    w->first = -1;
    return st;
}

sw_status eng_wajong_month(struct eng_run *r, struct eng_wajong *w, int i, struct sw_err *err)
{
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    struct sw_wajong_month def, adv;
    struct sw_lh_bijzonder bz;
    int64_t income, expected, nabetaling = 0, def_net, adv_net, paid_net, vt = 0;
    sw_status st;

    if (!w->active)
        return SW_OK;
    /* The income UWV sees in the polisadministratie: the gross wage paid in the
     * month with the vakantiebijslag and a bonus paid in it (both count as income
     * for the Wajong: see tables/wajong.xml), and a WW it pays itself. */
    income = row->v[SW_ITEM_GROSS_WAGE] + row->v[SW_ITEM_HOLIDAY_PAY] +
             row->v[SW_ITEM_YEAR_END_BONUS] + row->v[SW_ITEM_WW_GROSS];
    expected = (row->status == SW_STATUS_WORK ? r->full_wage[i] : 0) + row->v[SW_ITEM_WW_GROSS];
    st = wajong(r, m, income, &def, eng_trace(r, i, SW_ITEM_WAJONG_ENTITLED), err);
    if (!st)
        st = expected == income ? SW_OK : wajong(r, m, expected, &adv, NULL, err);
    if (st)
        return st;
    if (expected == income)
        adv = def;
    if (r->is_switch && row->v[SW_ITEM_WW_GROSS] > 0 && def.full > 0)
        eng_warning(r, "wajong_ww", m, row->v[SW_ITEM_WW_GROSS],
                    "U krijgt WW en Wajong tegelijk. switchsim telt de WW als inkomen voor de "
                    "Wajong; hoe UWV de WW verrekent, staat niet in de tabellen. Vraag het UWV.");
    /* A period ends: settle it with this month's payment. */
    if (m > w->p0 && (m - w->p0) % w->months == 0 && w->first >= 0) {
        st = settle(r, w, i, m, &nabetaling, err);
        if (st)
            return st;
    }
    st = holiday_pay(r, w, i, def.gross, &vt, err);
    if (!st)
        st = herbeoordeling(r, w, i, err);
    if (!st)
        st = net_of(r, m, def.gross, &def_net, NULL, err);
    if (!st)
        st = net_of(r, m, adv.gross, &adv_net, NULL, err);
    if (!st)
        st = net_of(r, m, adv.gross + nabetaling, &paid_net,
                    eng_trace(r, i, SW_ITEM_WAJONG_NET), err);
    if (!st && vt > 0)
        st = sw_loonheffing_bijzonder(r->c, sw_month_first_day(m), vt,
                                      sw_money_floor_euros((adv.gross + nabetaling) * 12 + vt),
                                      r->s->household.birth, korting(r), &bz, NULL, err);
    if (st)
        return st;
    if (vt > 0) {
        paid_net += bz.net;
        sw_trace_input(eng_trace(r, i, SW_ITEM_WAJONG_HOLIDAY_PAY),
                       "loonheffing (tarief bijzondere beloningen)", bz.loonheffing,
                       SW_UNIT_EUROCENT);
        sw_trace_input(eng_trace(r, i, SW_ITEM_WAJONG_NET), "vakantiegeld netto", bz.net,
                       SW_UNIT_EUROCENT);
    }
    if (m >= w->p0) {
        if (w->first < 0) {
            w->first = i;
            w->period_start = m;
        }
        w->def_gross += def.gross;
        w->adv_gross += adv.gross;
        w->def_net += def_net;
        w->adv_net += adv_net;
        w->diff_net[i] = adv_net - def_net;
    }
    row->v[SW_ITEM_WAJONG_ENTITLED] = def.gross;
    row->v[SW_ITEM_WAJONG_GROSS] = adv.gross + nabetaling;
    row->v[SW_ITEM_WAJONG_NET] = paid_net;
    row->v[SW_ITEM_WAJONG_HOLIDAY_PAY] = vt;
    sw_trace_rule(eng_trace(r, i, SW_ITEM_WAJONG_GROSS), "Wet Wajong; uwv.nl (voorschot)",
                  "het voorschot van UWV op het inkomen dat UWV verwacht (het loon van een hele "
                  "maand volgens het contract), plus een nabetaling als een voorschotperiode "
                  "wordt afgerekend");
    sw_trace_input(eng_trace(r, i, SW_ITEM_WAJONG_GROSS), "verwacht inkomen", expected,
                   SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_WAJONG_GROSS), "voorschot", adv.gross,
                   SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_WAJONG_GROSS), "nabetaling", nabetaling,
                   SW_UNIT_EUROCENT);
    return SW_OK;
}

sw_status eng_wajong_close(struct eng_run *r, struct eng_wajong *w, struct sw_err *err)
{
    sw_month m;
    int64_t nabetaling;

    if (!w->active || w->first < 0)
        return SW_OK;
    /* The open period is settled past the horizon: a recovery still shows (and
     * what to set apart for it); a nabetaling falls outside. */
    m = w->period_start + (int)w->months;
    return settle(r, w, r->run->n, m, &nabetaling, err);
}
