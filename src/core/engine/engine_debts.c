/* engine_debts.c - household.debts in the month engine: what a beslag on income
 * or the Wsnp's boedelafdracht takes of each month's income, the beslagvrije voet
 * or vrij te laten bedrag it leaves (src/core/rules/schulden.c), and recoveries
 * collected within that voet. Runs after the toeslagen and before the wallet,
 * which takes debt_taken off what is received.
 *
 * Conventions of the simulation (stated in README.md):
 *  - the income that can be seized is what its payers pay in the month - net
 *    wage (with holiday pay and bonus when paid), WW, Wajong, bijstand and its
 *    vakantietoeslag -, so on bijstand the 5 % the beslag may take is taken when
 *    the vakantietoeslag is paid out; the partner's income is not counted;
 *  - the compensation for toeslagen lost above bijstandsniveau is the baseline's
 *    toeslagen (staying on bijstand) minus the switch's, month by month; the voet
 *    is capped at the maximum for the household's leefsituatie (schulden.c);
 *  - a recovery (terugvordering) is collected in a month with debts only from
 *    what the resident set aside for it before and what lies above the voet
 *    ("bij de bepaling van het maandelijks af te lossen bedrag [...] moet de
 *    beslagvrije voet [...] in acht worden genomen", Rb Arnhem 27-04-2007, LJN
 *    BA4777), before the beslag or the boedel takes the rest; what does not fit
 *    waits for the next month. The resident cannot set aside what lies above the
 *    voet: in a month with debts only toeslagen paid in advance (never seized,
 *    Awir art. 45) and income above the voet that a beslag left him are set
 *    aside;
 *  - a beslag with a known amount owed stops once that is taken. */
#include <string.h>

#include "engine_impl.h"
#include "switchsim/money.h"
#include "switchsim/schulden.h"

static bool debts_month(const struct sw_scenario *s, sw_month m)
{
    if (s->household.debts.regime == SW_DEBTS_NONE)
        return false;
    if (s->household.debts.from != SW_NO_DATE && m < sw_month_of(s->household.debts.from))
        return false;
    if (s->household.debts.until != SW_NO_DATE && m > sw_month_of(s->household.debts.until))
        return false;
    return true;
}

static int64_t toeslagen(const int64_t *v)
{
    return v[SW_ITEM_ZORGTOESLAG_ENTITLED] + v[SW_ITEM_HUURTOESLAG_ENTITLED] +
           v[SW_ITEM_KGB_ENTITLED];
}

/* What of the month's set-aside is toeslagen paid above the entitlement
 * (engine_toeslagen.c): money the resident keeps whatever his debts. */
static int64_t toeslagen_excess(const int64_t *v)
{
    int64_t x = 0;

    if (v[SW_ITEM_ZORGTOESLAG_PAID] > v[SW_ITEM_ZORGTOESLAG_ENTITLED])
        x += v[SW_ITEM_ZORGTOESLAG_PAID] - v[SW_ITEM_ZORGTOESLAG_ENTITLED];
    if (v[SW_ITEM_HUURTOESLAG_PAID] > v[SW_ITEM_HUURTOESLAG_ENTITLED])
        x += v[SW_ITEM_HUURTOESLAG_PAID] - v[SW_ITEM_HUURTOESLAG_ENTITLED];
    if (v[SW_ITEM_KGB_PAID] > v[SW_ITEM_KGB_ENTITLED])
        x += v[SW_ITEM_KGB_PAID] - v[SW_ITEM_KGB_ENTITLED];
    return x;
}

/* What recovery rec was booked to collect in month m (eng_recovery_plan). */
static int64_t booked(const struct sw_recovery *rec, sw_month m)
{
    int64_t before;

    if (m < rec->collected || m > rec->paid_off)
        return 0;
    if (rec->instalment <= 0)
        return m == rec->collected ? rec->amount : 0;
    before = rec->instalment * (int64_t)(m - rec->collected);
    if (before >= rec->amount)
        return 0;
    return rec->amount - before < rec->instalment ? rec->amount - before : rec->instalment;
}

/* Per recovery while the months are walked. */
struct rec_pay {
    int64_t due;       /* booked so far, not yet collected */
    int64_t paid;
    sw_month first, last;
    int64_t first_part;
    bool limited;
};

/* Collect what the recoveries have due in month index i, at most `room` (-1:
 * no limit), oldest first; returns what was collected. */
static int64_t collect(struct eng_run *r, struct rec_pay *rp, int i, int64_t room)
{
    struct sw_timeline *tl = r->tl;
    sw_month m = r->run->rows[i].month;
    int64_t total = 0;

    for (size_t j = 0; j < tl->n_recoveries; j++) {
        int64_t part;

        rp[j].due += booked(&tl->recoveries[j], m);
        if (rp[j].due <= 0)
            continue;
        part = room < 0 || rp[j].due <= room - total ? rp[j].due : room - total;
        if (part < rp[j].due)
            rp[j].limited = true;
        if (part <= 0)
            continue;
        if (rp[j].paid == 0) {
            rp[j].first = m;
            rp[j].first_part = part;
        }
        rp[j].last = m;
        rp[j].paid += part;
        rp[j].due -= part;
        total += part;
    }
    return total;
}

/* The recoveries' terms after collecting within the voet. */
static void replan(struct eng_run *r, const struct rec_pay *rp)
{
    sw_month end = r->run->rows[r->run->n - 1].month;

    for (size_t j = 0; j < r->tl->n_recoveries; j++) {
        struct sw_recovery *rec = &r->tl->recoveries[j];
        int64_t left;

        if (!rp[j].limited)
            continue;
        rec->within_voet = true;
        left = rec->amount - rp[j].paid;
        if (rp[j].paid > 0)
            rec->collected = rp[j].first;
        else
            rec->collected = end + 1;
        rec->instalment = rp[j].paid > 0 && rp[j].first_part < rec->amount ? rp[j].first_part : 0;
        /* Past the horizon the same part a month (an estimate). */
        if (left <= 0)
            rec->paid_off = rp[j].last;
        else if (rec->instalment > 0)
            rec->paid_off = end + (sw_month)sw_div_ceil(left, rec->instalment);
        else
            rec->paid_off = rec->collected;
    }
}

sw_status eng_debts(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    int64_t left = s->household.debts.amount > 0 ? s->household.debts.amount : -1;
    int64_t pool = 0, unfunded = 0;   /* set aside by the resident; not set aside */
    struct rec_pay rp[SW_MAX_RECOVERIES];
    bool recs = r->is_switch && r->tl->n_recoveries > 0;
    const struct sw_debt_household hh = {s->household.composition, s->household.children,
                                         s->household.n_children};

    if (s->household.debts.regime == SW_DEBTS_NONE)
        return SW_OK;
    memset(rp, 0, sizeof(rp));
    for (int i = 0; i < r->run->n; i++) {
        int64_t *v = r->run->rows[i].v;
        int64_t income, comp = 0, vrij = 0, taken, room = -1, coll, booked_coll;
        struct sw_trace *tr = eng_trace(r, i, SW_ITEM_DEBT_FREE);
        /* A beslag for a known amount ends once it is taken. */
        bool debts = debts_month(s, r->run->rows[i].month) && left != 0;
        sw_status st;

        if (debts) {
            income = v[SW_ITEM_NET_WAGE] + v[SW_ITEM_WW_NET] + v[SW_ITEM_WAJONG_NET] +
                     v[SW_ITEM_BIJSTAND_PAID] + v[SW_ITEM_BIJSTAND_HOLIDAY_PAID];
            if (r->is_switch && r->base)
                comp = toeslagen(r->base->run->rows[i].v) - toeslagen(v);
            st = sw_schulden_month(r->c, sw_month_first_day(r->run->rows[i].month),
                                   s->household.debts.regime, &hh, v[SW_ITEM_BIJSTAND_NORM],
                                   comp, income, &vrij, &taken, tr, err);
            if (st)
                return st;
            room = taken;
            v[SW_ITEM_DEBT_FREE] = vrij;
        }
        booked_coll = v[SW_ITEM_RECOVERY_COLLECTED];
        if (debts) {
            int64_t cap = pool + room, from_pool, from_room, keep, sa, prot, other;
            /* Recoveries first: from what was set aside, then above the voet. */
            coll = recs ? collect(r, rp, i, cap) : (booked_coll < cap ? booked_coll : cap);
            from_pool = coll < pool ? coll : pool;
            from_room = coll - from_pool;
            pool -= from_pool;
            /* Releases not tied to a collection (an offset against the vakantietoeslag). */
            other = v[SW_ITEM_RESERVE_RELEASED] - booked_coll;
            if (other < 0)
                other = 0;
            if (other > pool)
                other = pool;
            pool -= other;
            v[SW_ITEM_RESERVE_RELEASED] = from_pool + other;
            taken = room - from_room;
            if (left >= 0 && taken > left)
                taken = left;
            if (left >= 0)
                left -= taken;
            v[SW_ITEM_DEBT_TAKEN] = taken;
            /* Set aside: toeslagen paid too much, and what a beslag left above the voet. */
            keep = room - from_room - taken;
            prot = toeslagen_excess(v);
            if (prot > v[SW_ITEM_SET_ASIDE])
                prot = v[SW_ITEM_SET_ASIDE];
            sa = v[SW_ITEM_SET_ASIDE] - prot < keep ? v[SW_ITEM_SET_ASIDE] : prot + keep;
            unfunded += v[SW_ITEM_SET_ASIDE] - sa;
            v[SW_ITEM_SET_ASIDE] = sa;
            pool += sa;
        } else {
            int64_t cut;
            coll = recs ? collect(r, rp, i, -1) : booked_coll;
            cut = v[SW_ITEM_RESERVE_RELEASED] < unfunded ? v[SW_ITEM_RESERVE_RELEASED] : unfunded;
            v[SW_ITEM_RESERVE_RELEASED] -= cut;
            unfunded -= cut;
            pool += v[SW_ITEM_SET_ASIDE] - v[SW_ITEM_RESERVE_RELEASED];
            if (pool < 0)
                pool = 0;
        }
        v[SW_ITEM_RECOVERY_COLLECTED] = coll;
        if (debts && tr) {
            struct sw_trace *tt = eng_trace(r, i, SW_ITEM_DEBT_TAKEN);
            *tt = *tr;
            sw_trace_input(tt, s->household.debts.regime == SW_DEBTS_WSNP ? "vrij te laten bedrag"
                                                                          : "beslagvrije voet",
                           vrij, SW_UNIT_EUROCENT);
            sw_trace_input(tt, "eerst terugbetaald (terugvordering)", coll, SW_UNIT_EUROCENT);
            if (s->household.debts.amount > 0)
                sw_trace_input(tt, "schuld in totaal", s->household.debts.amount,
                               SW_UNIT_EUROCENT);
        }
    }
    if (recs)
        replan(r, rp);
    return SW_OK;
}
