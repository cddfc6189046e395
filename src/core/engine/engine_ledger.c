/* engine_ledger.c - the bijstand ledger: paid against due per month by the
 * municipality's settlement method, on its pay day and the day each payslip is
 * in; recoveries, their offset against the vakantietoeslag and instalments
 * (engine_ledger.h). */
#include <stdio.h>
#include <string.h>

#include "engine_ledger.h"
#include "engine_pay.h"
#include "switchsim/money.h"
#include "switchsim/uitvoering.h"

static sw_date first_day(sw_month m)
{
    return sw_month_first_day(m);
}

static sw_status estimate(struct eng_run *r, sw_month m, int64_t counted, int64_t *out,
                          struct sw_err *err)
{
    return eng_estimate(r, m, counted, out, err);
}

/* Record an overpayment that can no longer be set off: the letter, for
 * `amount` found in month m, less what the municipality sets off against the
 * vakantietoeslag it pays out in month index i (art. 60a Pw, when its table says
 * so; i < 0: nothing paid out in the horizon). Collected at once after the
 * uitvoering table's term, or in instalments of the municipality's percentage of
 * the norm (gemeente.bijstand.recovery_instalment_percent). */
static sw_status bijstand_letter(struct eng_run *r, struct ledger *lg, int i, sw_month m,
                                 int64_t amount, struct sw_err *err)
{
    struct sw_collection when;
    struct sw_recovery *rec;
    char period[16], mb[32];
    char why[400];
    int64_t offset = 0, instalment = 0, norm;
    size_t before = r->tl->n_recoveries;
    sw_status st;

    /* The letter comes in the month the income is processed; it is shown as paid
     * back in full after the table's term (the worst case; ask for a regeling). */
    st = sw_uitvoering_bijstand(r->c, m, &when, NULL, err);
    if (st)
        return st;
    if (lg->offset_vt && i >= 0 && r->run->rows[i].v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] > 0) {
        struct sw_month_row *row = &r->run->rows[i];
        offset = row->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] < amount
                     ? row->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] : amount;
        row->v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] -= offset;
        row->v[SW_ITEM_RESERVE_RELEASED] += offset;
        sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID),
                      "Participatiewet art. 19 lid 3, 45 lid 1 en 60a (verrekening)",
                      "de gereserveerde vakantietoeslag, min wat de gemeente verrekent met de "
                      "bijstand die zij terugvordert");
        sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_HOLIDAY_PAID), "verrekend", offset,
                       SW_UNIT_EUROCENT);
        amount -= offset;
    }
    if (lg->instalment_ppm > 0) {
        norm = r->run->rows[i >= 0 ? i : r->run->n - 1].v[SW_ITEM_BIJSTAND_NORM];
        /* The municipality's percentage of the norm, down to cents. */
        instalment = sw_money_rate_down(norm, lg->instalment_ppm);
    }
    sw_month_format(period, sizeof(period), lg->debt_since);
    why[0] = '\0';
    if (r->texts) {
        sw_month_nl(mb, sizeof(mb), lg->debt_since);
        snprintf(why, sizeof(why),
                 "Geef het nieuwe inkomen vooraf door en vraag de gemeente de bijstand over "
                 "%s niet (volledig) uit te betalen, of zet dit bedrag apart zodra het "
                 "binnenkomt.", mb);
    }
    eng_recovery_plan(r, SW_RECOVERY_BIJSTAND, period, lg->debt_since, amount, when.letter,
                      when.collected, instalment, why);
    if (r->tl->n_recoveries > before) {
        rec = &r->tl->recoveries[before];
        rec->offset = offset;
    } else if (offset > 0 && r->is_switch) {
        /* All of it set off: no letter, but say so. */
        char b[32];
        sw_money_format_nl(b, sizeof(b), offset);
        eng_warning(r, "bijstand_offset", m, offset,
                    "De gemeente verrekent %s te veel betaalde bijstand met de vakantietoeslag "
                    "die zij nu uitbetaalt: die komt dus niet (helemaal) op uw rekening.", b);
    }
    return SW_OK;
}

/* The pending letter of this month, once its vakantietoeslag is known. */
sw_status eng_ledger_flush(struct eng_run *r, struct ledger *lg, int i, struct sw_err *err)
{
    int64_t amount = lg->letter;

    if (amount <= 0)
        return SW_OK;
    lg->letter = 0;
    return bijstand_letter(r, lg, i, lg->letter_month, amount, err);
}

/* The day month index k's income is known for settling (k = -1: the month
 * before the horizon): its last payslip, or the month's end without income. */
static sw_date known_by(const struct eng_run *r, const struct ledger *lg, int k)
{
    sw_date known = lg->mo[k + 1].known;

    return known != SW_NO_DATE ? known : sw_month_last_day(r->s->start_month + k);
}

/* The municipal values behind the bijstand paid in month index i, in its trace:
 * the method and the pay day from the table (unless the scenario set them). */
static sw_status trace_settlement(struct eng_run *r, const struct ledger *lg, int i,
                                  struct sw_err *err)
{
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_BIJSTAND_PAID);
    sw_date d = first_day(r->run->rows[i].month);
    int64_t v;
    sw_status st = SW_OK;

    if (!tr)
        return SW_OK;
    if (r->s->settlement.method == SW_SETTLE_DEFAULT)
        st = sw_param_t(r->c, "gemeente.bijstand.settlement_method", d, SW_UNIT_SETTLEMENT, &v,
                        tr, err);
    if (!st && r->s->settlement.benefit_pay_day == 0)
        st = sw_param_t(r->c, "gemeente.bijstand.pay_day", d, SW_UNIT_DAY_OF_MONTH, &v, tr, err);
    sw_trace_input(tr, "betaaldag van de gemeente", lg->pay_day, SW_UNIT_DAY_OF_MONTH);
    return st;
}

/* Op de maand (Divosa werkwijzer 4.2): the bijstand over a month is paid, with
 * its income settled, on the first pay day after its payslip is in (not before
 * the month itself, or the next month when the municipality pays after the
 * month): it waits for the payslip. Pays in month index i every month that is
 * now due. No overpayment, no recovery; a month paid late is a month without. */
/* Move lg->open_from past the months settled now (up to month index i). */
static void settled_up_to(struct ledger *lg, int i)
{
    while (lg->open_from <= i + 1 && lg->mo[lg->open_from].settled)
        lg->open_from++;
}

static void pay_op_de_maand(struct eng_run *r, struct ledger *lg, int i)
{
    struct sw_month_row *row = &r->run->rows[i];
    sw_date pay = eng_benefit_date(row->month, lg->pay_day);
    struct sw_trace *tr = eng_trace(r, i, SW_ITEM_BIJSTAND_PAID);
    int64_t paid = 0;

    for (int k = lg->open_from - 1; k <= i - (lg->after_month ? 1 : 0); k++) {
        struct ledger_month *mo = &lg->mo[k + 1];
        if (mo->settled || (mo->known != SW_NO_DATE && mo->known >= pay))
            continue;
        paid += mo->payable;
        mo->settled = true;
        /* Input names must be literals (trace.h): the month settled is named
         * relative to the month paid. */
        sw_trace_input(tr,
                       k == i       ? "bijstand over deze maand"
                       : k == i - 1 ? "bijstand over de vorige maand"
                                    : "bijstand over een eerdere maand",
                       mo->payable, SW_UNIT_EUROCENT);
    }
    settled_up_to(lg, i);
    row->v[SW_ITEM_BIJSTAND_PAID] = paid;
    if (!lg->warned && !lg->mo[i + 1].settled && lg->mo[i + 1].payable > 0 &&
        r->run->rows[i].v[SW_ITEM_COUNTED_INCOME] > 0) {
        char b[32], mb[32];
        lg->warned = true;
        sw_money_format_nl(b, sizeof(b), lg->mo[i + 1].payable);
        sw_month_nl(mb, sizeof(mb), row->month);
        eng_warning(r, "bijstand_waits_for_payslip", row->month, lg->mo[i + 1].payable,
                    "De gemeente betaalt de bijstand over %s (%s) pas als uw loonstrook van "
                    "die maand binnen is. Die maand komt er dus minder binnen: zorg dat u de "
                    "loonstrook meteen inlevert, of vraag een voorschot.", mb, b);
    }
    sw_trace_rule(tr, lg->after_month
                          ? "Participatiewet art. 45 lid 1; betaling achteraf, na de loonstrook "
                            "(gemeentelijke tabel; Divosa-werkwijzer par. 4.2)"
                          : "Participatiewet art. 45 lid 1; verrekenen op de maand (gemeentelijke "
                            "tabel; Divosa-werkwijzer par. 4.2)",
                  "de bijstand over elke maand waarvan de loonstrook vóór de betaaldag binnen "
                  "is, met het loon van die maand al verrekend");
}

/* Achteraf (Divosa werkwijzer 4.3): each month the bijstand on the income of
 * the last month whose payslip is in, no correction; what the months paid
 * beyond their entitlement (`correction`, the months now known) stays open
 * and comes back as a recovery once bijstand stops ("een vordering ter hoogte
 * van het laatstverdiende salaris"); too little paid is paid then. */
static sw_status pay_achteraf(struct eng_run *r, struct ledger *lg, int i, int64_t correction,
                              sw_month first_short, struct sw_err *err)
{
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    int64_t est, before = lg->balance;
    sw_status st;

    if (correction < 0 && before >= 0)
        lg->debt_since = first_short;
    lg->balance += correction;
    /* A month paid too little gives back what was set apart for an earlier one. */
    if (correction > 0 && before < 0)
        eng_add(r, m, SW_ITEM_RESERVE_RELEASED, correction < -before ? correction : -before);
    st = estimate(r, m, lg->prev_counted, &est, err);
    if (st)
        return st;
    row->v[SW_ITEM_BIJSTAND_PAID] = est;
    if (est == 0 && row->v[SW_ITEM_BIJSTAND_ENTITLED] == 0 && lg->balance < 0) {
        /* Bijstand stops: what was paid too much is recovered. */
        lg->letter += -lg->balance;
        lg->letter_month = m;
        lg->balance = 0;
    } else if (est == 0 && row->v[SW_ITEM_BIJSTAND_ENTITLED] == 0 && lg->balance > 0) {
        row->v[SW_ITEM_BIJSTAND_PAID] = lg->balance;
        lg->balance = 0;
    }
    if (est > row->v[SW_ITEM_BIJSTAND_ENTITLED])
        row->v[SW_ITEM_SET_ASIDE] += est - row->v[SW_ITEM_BIJSTAND_ENTITLED];
    sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID),
                  "Participatiewet art. 45 en 58; achteraf verrekenen (gemeentelijke tabel; "
                  "Divosa-werkwijzer par. 4.3)",
                  "de bijstand min het loon van de maand waarvan de loonstrook het laatst is "
                  "ingeleverd; wat eerder te veel is betaald, komt terug als de bijstand stopt");
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID),
                   "bijstand op het laatst opgegeven loon", est, SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID),
                   "te veel betaald, nog te verrekenen (negatief)", lg->balance, SW_UNIT_EUROCENT);
    lg->mo[i + 1].estimate = est;
    return SW_OK;
}

/* Bijstand paid in month index i under the municipality's method; updates the
 * ledger. payable = this month's entitlement excl. the reserve; counted its
 * income from work, expected what the contract lets the municipality expect,
 * known when the payslip is in; fallback: the job has ended (the municipality
 * pays on the WW it knows of, `ww`). */
sw_status eng_ledger_pay(struct eng_run *r, struct ledger *lg, int i, int64_t payable,
                         int64_t counted, int64_t expected, sw_date known, bool fallback,
                         int64_t ww, struct sw_err *err)
{
    struct sw_month_row *row = &r->run->rows[i];
    sw_month m = row->month;
    sw_date pay = eng_benefit_date(m, lg->pay_day);
    struct ledger_month *mo = &lg->mo[i + 1];
    int64_t est, correction = 0, due, paid;
    sw_month first_short = -1;
    sw_status st;

    mo->payable = payable;
    mo->counted = counted;
    mo->known = known;
    st = trace_settlement(r, lg, i, err);
    if (st)
        return st;
    if (lg->method == SW_SETTLEMENT_OP_DE_MAAND) {
        pay_op_de_maand(r, lg, i);
        return SW_OK;
    }
    /* Achteraf and schatten: the corrections of the months whose payslips are in
     * before this pay day (art. 58 lid 4 Pw: set off against the next payments). */
    for (int k = lg->open_from - 1; k < i; k++) {
        struct ledger_month *p = &lg->mo[k + 1];
        if (p->settled || known_by(r, lg, k) >= pay)
            continue;
        p->settled = true;
        correction += p->payable - p->estimate;
        if (p->payable < p->estimate && first_short < 0)
            first_short = r->s->start_month + k;
        lg->prev_counted = p->counted;
    }
    settled_up_to(lg, i - 1);
    /* Achteraf deducts the last payslip once more in the month after the job:
     * it pays over the month before (Divosa 4.3, "maand 2"). */
    if (fallback && lg->method != SW_SETTLEMENT_ACHTERAF)
        lg->prev_counted = ww;
    if (lg->method == SW_SETTLEMENT_ACHTERAF)
        return pay_achteraf(r, lg, i, correction, first_short, err);
    if (correction < 0 && lg->debt == 0)
        lg->debt_since = first_short;
    /* The voorschot: on the income last learned of (achteraf), or on what the
     * contract says this month brings (schatten). */
    st = estimate(r, m, lg->method == SW_SETTLEMENT_SCHATTEN && !fallback ? expected
                                                                        : lg->prev_counted,
                  &est, err);
    if (st)
        return st;
    due = est + correction + lg->debt;
    if (est == 0 && payable == 0 && correction + lg->debt < 0) {
        /* Bijstand stops: nothing left to set off against; a recovery letter. (A
         * month paid nothing on an old payslip while it has a right of its own,
         * e.g. after a month with two 4-weekly paydays, is set off later.) */
        lg->letter += -(correction + lg->debt);
        lg->letter_month = m;
        lg->held -= -(correction + lg->debt) < lg->held ? -(correction + lg->debt) : lg->held;
        paid = 0;
        lg->debt = 0;
    } else {
        int64_t withheld;
        paid = due < 0 ? 0 : due;
        lg->debt = due < 0 ? due : 0;
        /* What this month gets less than its entitlement is paid out of what was
         * set apart for it before (no more than is still apart). */
        withheld = payable - paid < lg->held ? payable - paid : lg->held;
        if (withheld > 0) {
            eng_add(r, m, SW_ITEM_RESERVE_RELEASED, withheld);
            lg->held -= withheld;
        }
    }
    row->v[SW_ITEM_BIJSTAND_PAID] = paid;
    /* What is paid for this month beyond the entitlement will be taken back:
     * keep it apart now. */
    if (est > payable) {
        row->v[SW_ITEM_SET_ASIDE] += est - payable;
        lg->held += est - payable;
    }
    sw_trace_rule(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID),
                  lg->method == SW_SETTLEMENT_SCHATTEN
                      ? "Participatiewet art. 45 en 58; schatten (gemeentelijke tabel; "
                        "Divosa-werkwijzer par. 4.4)"
                      : "Participatiewet art. 45 en 58; voorschot op het laatst opgegeven "
                        "inkomen, de volgende maand verrekend (gemeentelijke tabel)",
                  lg->method == SW_SETTLEMENT_SCHATTEN
                      ? "voorschot op het loon dat het contract deze maand verwacht, plus of "
                        "min de correctie over de maanden waarvan de loonstrook nu binnen is"
                      : "voorschot op basis van het laatst opgegeven inkomen, plus of min de "
                        "correctie over de maanden waarvan de loonstrook nu binnen is");
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), "voorschot deze maand", est,
                   SW_UNIT_EUROCENT);
    sw_trace_input(eng_trace(r, i, SW_ITEM_BIJSTAND_PAID), "correctie eerdere maanden",
                   correction, SW_UNIT_EUROCENT);
    mo->estimate = est;
    return SW_OK;
}

/* After the last month: what the corrections still open will do. */
sw_status eng_ledger_close(struct eng_run *r, struct ledger *lg, struct sw_err *err)
{
    sw_month next = r->s->start_month + r->s->months;
    int64_t est, correction = 0;
    sw_month first_short = -1;
    sw_status st;

    if (lg->method == SW_SETTLEMENT_OP_DE_MAAND)
        return SW_OK;
    if (lg->method == SW_SETTLEMENT_ACHTERAF) {
        /* Open until bijstand stops; the months not yet known count too. */
        for (int k = -1; k < r->run->n; k++) {
            if (lg->mo[k + 1].settled)
                continue;
            if (lg->balance >= 0 && lg->mo[k + 1].payable < lg->mo[k + 1].estimate)
                lg->debt_since = r->s->start_month + k;
            lg->balance += lg->mo[k + 1].payable - lg->mo[k + 1].estimate;
            lg->prev_counted = lg->mo[k + 1].counted;
        }
        st = estimate(r, next - 1, lg->prev_counted, &est, err);
        if (st || lg->balance >= 0)
            return st;
        if (est > 0) {
            char b[32];
            sw_money_format_nl(b, sizeof(b), -lg->balance);
            eng_warning(r, "bijstand_open_balance", lg->debt_since, -lg->balance,
                        "Er is %s bijstand meer betaald dan waar u recht op had. De gemeente "
                        "verrekent dat achteraf: zij vraagt het terug als uw bijstand stopt. "
                        "Zet dit bedrag apart.", b);
            return SW_OK;
        }
        return bijstand_letter(r, lg, -1, next, -lg->balance, err);
    }
    for (int k = -1; k < r->run->n; k++) {
        struct ledger_month *p = &lg->mo[k + 1];
        if (p->settled)
            continue;
        correction += p->payable - p->estimate;
        if (p->payable < p->estimate && first_short < 0)
            first_short = r->s->start_month + k;
        lg->prev_counted = p->counted;
    }
    if (correction >= 0 && lg->debt == 0)
        return SW_OK;
    if (correction < 0 && lg->debt == 0)
        lg->debt_since = first_short;
    /* Next month's estimate, on the norm of the last month shown. */
    st = estimate(r, next - 1, lg->prev_counted, &est, err);
    if (st)
        return st;
    if (est == 0 || est + correction + lg->debt < 0)
        return bijstand_letter(r, lg, -1, next,
                               -(correction + lg->debt) - (est > 0 ? est : 0), err);
    return SW_OK;
}

/* The municipality's settlement: the scenario's choice, else its table. */
sw_status eng_ledger_settlement(struct eng_run *r, struct ledger *lg, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    sw_date d = first_day(s->start_month);
    int64_t v;
    sw_status st;

    switch (s->settlement.method) {
    case SW_SETTLE_ADVANCE: lg->method = SW_SETTLEMENT_VOORSCHOT; break;
    case SW_SETTLE_ACHTERAF: lg->method = SW_SETTLEMENT_ACHTERAF; break;
    case SW_SETTLE_IN_ARREARS:
        lg->method = SW_SETTLEMENT_OP_DE_MAAND;
        lg->after_month = true;
        break;
    case SW_SETTLE_OP_DE_MAAND: lg->method = SW_SETTLEMENT_OP_DE_MAAND; break;
    case SW_SETTLE_SCHATTEN: lg->method = SW_SETTLEMENT_SCHATTEN; break;
    case SW_SETTLE_VOORSCHOT: lg->method = SW_SETTLEMENT_VOORSCHOT; break;
    case SW_SETTLE_DEFAULT:
        st = sw_param(r->c, "gemeente.bijstand.settlement_method", d, SW_UNIT_SETTLEMENT, &v,
                      NULL, err);
        if (st)
            return st;
        lg->method = (enum sw_settlement_code)v;
        break;
    }
    if (lg->method == SW_SETTLEMENT_OP_DE_MAAND && s->settlement.method == SW_SETTLE_DEFAULT) {
        st = sw_param(r->c, "gemeente.bijstand.settlement_in_arrears", d, SW_UNIT_BOOL, &v,
                      NULL, err);
        if (st)
            return st;
        lg->after_month = v != 0;
    }
    if (s->settlement.benefit_pay_day > 0) {
        lg->pay_day = s->settlement.benefit_pay_day;
    } else {
        st = sw_param(r->c, "gemeente.bijstand.pay_day", d, SW_UNIT_DAY_OF_MONTH, &v, NULL, err);
        if (st)
            return st;
        lg->pay_day = (int)v;
    }
    if (s->settlement.offset_holiday_allowance >= 0) {
        lg->offset_vt = s->settlement.offset_holiday_allowance != 0;
    } else {
        st = sw_param(r->c, "gemeente.bijstand.offset_holiday_allowance", d, SW_UNIT_BOOL, &v,
                      NULL, err);
        if (st)
            return st;
        lg->offset_vt = v != 0;
    }
    if (s->settlement.instalment_ppm >= 0)
        lg->instalment_ppm = s->settlement.instalment_ppm;
    else
        return sw_param(r->c, "gemeente.bijstand.recovery_instalment_percent", d,
                        SW_UNIT_PERCENT, &lg->instalment_ppm, NULL, err);
    return SW_OK;
}
