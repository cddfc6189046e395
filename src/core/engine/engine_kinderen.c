/* engine_kinderen.c - what the children bring in, in both runs: kinderbijslag
 * (paid by the SVB after each quarter) and the inkomensafhankelijke
 * combinatiekorting given back with the income-tax assessment. The kindgebonden
 * budget is a toeslag and runs through the toeslagen machinery
 * (engine_toeslagen.c). Neither kinderbijslag nor kindgebonden budget counts as
 * income for the bijstand or the toeslagen (untaxed; WKB art. 4).
 *
 * Conventions (not legal values): a year's wage outside the months shown is taken
 * as in toeslagen (before the first month: none; after the last: as in the last
 * month). The IACK is settled with the income-tax assessment in
 * eng_korting_twice() (engine_toeslagen.c). */

#include "engine_impl.h"
#include "switchsim/kinderen.h"
#include "switchsim/money.h"

static sw_status kinderbijslag(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    sw_month first = s->start_month, last = s->start_month + s->months - 1;
    sw_status st;

    /* Every quarter whose payment can fall in the months shown. Both runs ask
     * the same: the quarter's payment month and amount read only the tables
     * and the children's birth dates. The second asking in a simulation takes
     * the first's answer (r->memo->tk: the same context, its values recorded
     * already), unless the month is traced. */
    for (sw_month q_last = first - 3; q_last <= last; q_last++) { /* calendar: a quarter */
        int k = q_last - (first - 3); /* calendar: a quarter */
        bool keep = r->memo && k < SW_SCENARIO_MAX_MONTHS + 3; /* calendar: a quarter */
        sw_month pay;
        sw_date q_start;
        int64_t amount;
        int i;

        if (sw_month_number(q_last) % 3 != 0) /* calendar: quarters end in 3, 6, 9, 12 */
            continue;
        if (keep && r->memo->tk.kb_set[k]) {
            pay = r->memo->tk.kb_pay[k];
            i = eng_index(r, pay);
            if (i < r->from)
                continue;
            if (!eng_trace(r, i, SW_ITEM_KINDERBIJSLAG)) {
                r->run->rows[i].v[SW_ITEM_KINDERBIJSLAG] += r->memo->tk.kb_amount[k];
                continue;
            }
        }
        st = sw_kinderbijslag_pay_month(r->c, q_last, &pay, err);
        if (st)
            return st;
        i = eng_index(r, pay);
        /* A resumed run: the months before r->from are in. */
        if (i < r->from)
            continue;
        q_start = sw_month_first_day(q_last - 2);
        st = sw_kinderbijslag_quarter(r->c, q_start, s->household.children,
                                      s->household.n_children, &amount, NULL,
                                      eng_trace(r, i, SW_ITEM_KINDERBIJSLAG), err);
        if (st)
            return st;
        if (keep) {
            r->memo->tk.kb_set[k] = true;
            r->memo->tk.kb_pay[k] = pay;
            r->memo->tk.kb_amount[k] = amount;
        }
        r->run->rows[i].v[SW_ITEM_KINDERBIJSLAG] += amount;
        /* A trace input's name must outlive the trace (trace.h: a literal); the
         * quarter paid is always the one that ended the month before. */
        sw_trace_input(eng_trace(r, i, SW_ITEM_KINDERBIJSLAG),
                       "kinderbijslag over het kwartaal dat vorige maand eindigde", amount,
                       SW_UNIT_EUROCENT);
    }
    return SW_OK;
}

/* The row that stands for month m of the year (as the toeslagen do). */
static const int64_t *year_row(const struct eng_run *r, sw_month m)
{
    int i = m - r->s->start_month;

    if (i < 0)
        return NULL;
    if (i >= r->run->n)
        i = r->run->n - 1;
    return r->run->rows[i].v;
}

/* The year's arbeidsinkomen of the resident and of a working partner, and the
 * loonheffing withheld from the wage (months outside the horizon as year_row()). */
static void iack_inputs(struct eng_run *r, int y, int64_t *work, int64_t *partner_work,
                        int64_t *withheld)
{
    const struct sw_scenario *s = r->s;

    *work = *partner_work = *withheld = 0;
    for (int mo = 1; mo <= 12; mo++) {
        const int64_t *v = year_row(r, sw_month_from_ym(y, mo));
        if (!v)
            continue;
        *work += v[SW_ITEM_GROSS_WAGE] + v[SW_ITEM_HOLIDAY_PAY];
        *withheld += v[SW_ITEM_LOONHEFFING];
        if (s->household.partner_income.kind == SW_PARTNER_WORK)
            *partner_work += v[SW_ITEM_PARTNER_GROSS];
    }
}

static sw_status iack_year(struct eng_run *r, int y, int64_t work, int64_t partner_work,
                           int64_t *out, struct sw_trace *t, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;

    return sw_iack_year(r->c, y, work, partner_work, s->household.composition == SW_HH_COUPLE,
                        s->household.children, s->household.n_children, out, t, err);
}

/* The IACK per year (kinderen.c) and the loonheffing withheld from the wage, for
 * eng_korting_twice(), which settles both with the income-tax assessment. */
static sw_status iack(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    int y0 = sw_month_year(s->start_month), y1 = sw_month_year(s->start_month + s->months - 1);
    sw_status st;

    /* A resumed run starts in a January: the years before are in. */
    for (int y = sw_month_year(s->start_month + r->from); y <= y1; y++) {
        int64_t work, partner_work, withheld;

        iack_inputs(r, y, &work, &partner_work, &withheld);
        r->wage_lh_year[y - y0] = withheld;
        if (work == 0)
            continue;
        st = iack_year(r, y, work, partner_work, &r->iack_year[y - y0], NULL, err);
        if (st)
            return st;
    }
    return SW_OK;
}

sw_status eng_iack_trace(struct eng_run *r, int year, struct sw_trace *t, struct sw_err *err)
{
    int64_t work, partner_work, withheld, out;

    if (!t)
        return SW_OK;
    iack_inputs(r, year, &work, &partner_work, &withheld);
    return iack_year(r, year, work, partner_work, &out, t, err);
}

sw_status eng_kinderen(struct eng_run *r, struct sw_err *err)
{
    sw_status st;

    if (r->s->household.n_children == 0)
        return SW_OK;
    st = kinderbijslag(r, err);
    if (!st)
        st = iack(r, err);
    return st;
}
