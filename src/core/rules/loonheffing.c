/* loonheffing.c - the witte maandtabel, the tabel bijzondere beloningen and the
 * grossing up of a net benefit, as the Rekenvoorschriften voor de geautomatiseerde
 * loonadministratie (Belastingdienst) compute them. */
#include <string.h>

#include "switchsim/aow.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/wml.h"
#include "lh_memo.h"
#include "loonheffing_ref.h"

/* The year's tax on an annual wage and the kortingen applied to it. */
struct lh_annual {
    int64_t x1;                        /* tax by the brackets */
    int64_t ahk, ak, ouk, aok;         /* applied, after capping */
    int64_t x;                         /* x1 minus the kortingen */
};

/* Rekenvoorschriften 2026 par. 2.2.4: X1 = floor((L - a) x b + c), where c is the
 * tax of the lower brackets, itself rounded down to whole euros: each bracket's
 * tax is rounded down to whole euros. (money.h has no per-bracket euro floor.) */
static int64_t rate_floor_euros(int64_t cents, int64_t ppm)
{
    return sw_money_floor_euros(sw_money_rate_down(cents, ppm));
}

/* Exact products of a wage and a rate are kept in units of 1e-8 euro (cents x
 * ppm). Rekenvoorschriften 2026 par. 2.2.3.4: every product in the arbeidskorting
 * is rounded half up to 5 decimals of a euro (1e-5 euro = 1000 units). */
static int64_t round5(int64_t units)
{
    return sw_div_half_up(units, 1000) * 1000;
}

/* A heffingskorting as the tables compute it, on the annual table wage L (cents,
 * whole euros), from a piecewise scale whose bases are the cumulative maxima
 * (Rekenvoorschriften 2026 par. 2.2.3.1 algemene heffingskorting, 2.2.3.4
 * arbeidskorting, ouderenkorting alike): for each build-up bracket
 * s = min(base of the next bracket, s + rate x (L - threshold)), for an afbouw
 * bracket (negative rate) s = s - |rate| x (L - threshold), products rounded to 5
 * decimals; the korting is s rounded UP to whole euros ("ceil0"), not below 0, and
 * nil from a last bracket with base 0 and rate 0 ("volledig afgebouwd op de
 * eindgrens"). Returns cents. */
static int64_t table_credit(const struct sw_bracket *b, size_t n, int64_t L)
{
    size_t k = 0;
    int64_t s;

    if (n == 0)
        return 0;
    while (k + 1 < n && b[k + 1].threshold <= L)
        k++;
    if (k > 0 && k == n - 1 && b[k].base == 0 && b[k].rate == 0)
        return 0;
    s = b[0].base * SW_PPM_ONE;
    for (size_t i = 0; i <= k; i++) {
        int64_t part = L - b[i].threshold;

        if (b[i].rate >= 0) {
            s += round5(part * b[i].rate);
            if (i + 1 < n && s > b[i + 1].base * SW_PPM_ONE)
                s = b[i + 1].base * SW_PPM_ONE;
        } else {
            s -= round5(part * -b[i].rate);
        }
    }
    /* Rekenvoorschriften: kortingen rounded up to whole euros. */
    s = sw_div_ceil(s, 100 * (int64_t)SW_PPM_ONE) * 100;
    return s > 0 ? s : 0;
}

/* Take up to *excess off *credit. */
static void cut(int64_t *credit, int64_t *excess)
{
    int64_t c = *credit < *excess ? *credit : *excess;

    *credit -= c;
    *excess -= c;
}

/* The year's tax on L (cents, whole euros). Rekenvoorschriften 2026 par. 2.2.4:
 * with the loonheffingskorting, kortingen above the tax are cut in the order
 * alleenstaande-ouderenkorting, arbeidskorting, ouderenkorting, algemene
 * heffingskorting, until they equal the tax; without it there are none. */
static void annual_tax(const struct sw_lh_params *p, int64_t L, bool with_ak, struct lh_annual *a)
{
    int64_t excess;

    memset(a, 0, sizeof(*a));
    a->x1 = sw_scale_eval(SW_SCALE_MARGINAL, p->br, p->nbr, L, rate_floor_euros);
    if (p->korting) {
        a->ahk = table_credit(p->ahk, p->nahk, L);
        if (with_ak)
            a->ak = table_credit(p->ak, p->nak, L);
        if (p->aow)
            a->ouk = table_credit(p->ouk, p->nouk, L);
        a->aok = p->aok;
    }
    excess = a->ahk + a->ak + a->ouk + a->aok - a->x1;
    if (excess > 0) {
        cut(&a->aok, &excess);
        cut(&a->ak, &excess);
        cut(&a->ouk, &excess);
        cut(&a->ahk, &excess);
    }
    a->x = a->x1 - a->ahk - a->ak - a->ouk - a->aok;
}

static sw_status check_birth(sw_date date, sw_date birth, struct sw_err *err)
{
    char b[16], d[16];

    if (birth == SW_NO_DATE || birth <= date)
        return SW_OK;
    sw_date_format(b, sizeof(b), birth);
    sw_date_format(d, sizeof(d), date);
    return sw_err_set(err, SW_ERR_INVALID, "birth_date", "birth date '%s' after the date '%s'",
                      b, d);
}

/* Whether the AOW tables apply on `date`, and for which birth group. Handboek
 * Loonheffingen 2026 par. 9.3 (p. 178): the tables for AOW-gerechtigden apply
 * from the first day of the month in which the AOW age is reached. Wet IB 2001
 * art. 2.10 lid 2: a longer first bracket for those born before
 * loonheffing.aow.born_before_year. */
static sw_status aow_group(const struct sw_ctx *c, sw_date date, sw_date birth,
                           struct sw_lh_params *p, struct sw_trace *tr, struct sw_err *err)
{
    sw_status st;
    int64_t split;
    int by, bm, bd;

    st = sw_aow_reached(c, birth, sw_month_last_day(sw_month_of(date)), &p->aow, tr, err);
    if (st || !p->aow)
        return st;
    st = sw_param_t(c, "loonheffing.aow.born_before_year", date, SW_UNIT_YEARS, &split, tr, err);
    if (st)
        return st;
    sw_date_to_ymd(birth, &by, &bm, &bd);
    p->before_split = by < split;
    return SW_OK;
}

/* Look up everything the white table needs on `date`; the arbeidskorting only when
 * `need_ak`. */
static sw_status load_params(const struct sw_ctx *c, sw_date date, sw_date birth,
                             unsigned korting, bool need_ak, const char *periods_id,
                             struct sw_lh_params *p, struct sw_trace *tr, struct sw_err *err)
{
    sw_status st;

    memset(p, 0, sizeof(*p));
    p->korting = (korting & SW_LH_KORTING) != 0;
    st = check_birth(date, birth, err);
    if (!st)
        st = aow_group(c, date, birth, p, tr, err);
    if (!st)
        st = sw_param_t(c, periods_id, date, SW_UNIT_COUNT, &p->periods, tr, err);
    if (!st)
        st = sw_scale_t(c,
                        !p->aow ? "loonheffing.brackets"
                        : p->before_split ? "loonheffing.brackets.aow_before_1946"
                                          : "loonheffing.brackets.aow",
                        date, SW_SCALE_MARGINAL, &p->br, &p->nbr, tr, err);
    if (st || !p->korting)
        return st;
    /* Wet LB 1964 art. 22: the algemene heffingskorting and arbeidskorting (and at
     * AOW age the ouderenkorting, on request the alleenstaande-ouderenkorting). */
    st = sw_scale_t(c, p->aow ? "loonheffing.ahk.aow" : "loonheffing.ahk", date,
                    SW_SCALE_PIECEWISE, &p->ahk, &p->nahk, tr, err);
    if (!st && need_ak)
        st = sw_scale_t(c, p->aow ? "loonheffing.arbeidskorting.aow" : "loonheffing.arbeidskorting",
                        date, SW_SCALE_PIECEWISE, &p->ak, &p->nak, tr, err);
    if (!st && p->aow)
        st = sw_scale_t(c, "loonheffing.ouderenkorting", date, SW_SCALE_PIECEWISE, &p->ouk,
                        &p->nouk, tr, err);
    if (!st && p->aow && (korting & SW_LH_AOK))
        st = sw_param_t(c, "loonheffing.alleenstaande_ouderenkorting", date, SW_UNIT_EUROCENT,
                        &p->aok, tr, err);
    return st;
}

static sw_status check_amount(int64_t v, const char *field, struct sw_err *err)
{
    if (v < 0)
        return sw_err_set(err, SW_ERR_INVALID, field, "negative amount for '%s'", field);
    if (v > SW_MONEY_MAX)
        return sw_err_set(err, SW_ERR_INVALID, field, "amount out of range for '%s'", field);
    return SW_OK;
}

sw_status sw_loonheffing_month(const struct sw_ctx *c, sw_date date, int64_t gross,
                               sw_date birth, unsigned korting, struct sw_lh_month *out,
                               struct sw_trace *tr, struct sw_err *err)
{
    return sw_loonheffing_period(c, date, gross, birth, korting, SW_LH_MONTH, out, tr, err);
}

sw_status sw_loonheffing_period(const struct sw_ctx *c, sw_date date, int64_t gross,
                                sw_date birth, unsigned korting, enum sw_lh_tijdvak tv,
                                struct sw_lh_month *out, struct sw_trace *tr,
                                struct sw_err *err)
{
    static const char *const periods_ids[] = {"loonheffing.table.periods_per_year",
                                              "loonheffing.table.periods_per_year.four_weeks",
                                              "loonheffing.table.periods_per_year.week"};
    static const char *const table_names[] = {"witte maandtabel", "witte vierwekentabel",
                                              "witte weektabel"};
    struct sw_lh_params p;
    struct lh_annual a;
    const struct sw_bracket *akb;
    size_t nakb;
    int64_t step, raw, lmax = 0;
    sw_status st;

    st = check_amount(gross, "gross", err);
    if (!st)
        st = load_params(c, date, birth, korting, true, periods_ids[tv], &p, tr, err);
    if (!st)
        st = sw_param_t(c, "loonheffing.table.annual_step", date, SW_UNIT_EUROCENT, &step, tr,
                        err);
    if (st)
        return st;
    if (step <= 0 || p.periods <= 0 || p.nbr == 0)
        return sw_err_set(err, SW_ERR_TABLE, "loonheffing.table.annual_step",
                          "table step and periods must be positive");
    memset(out, 0, sizeof(*out));
    out->gross = gross;
    out->korting = p.korting;
    out->aow_age = p.aow;
    out->born_before_split = p.before_split;
    /* Rekenvoorschriften par. 2.2.1: the tijdvakloon x F2 is the annual wage. */
    raw = gross * p.periods;

    /* The table ends at Lmax (par. 2.2.1 tabel 1a), always past the point where the
     * arbeidskorting ends ("beide credits zijn op Lmax reeds nul"): below that
     * point the wage lies inside the table and Lmax is not needed. */
    st = sw_scale(c, "loonheffing.arbeidskorting", date, SW_SCALE_PIECEWISE, &akb, &nakb, NULL,
                  err);
    if (st)
        return st;
    if (raw >= akb[nakb - 1].threshold) {
        st = sw_param_t(c, "loonheffing.table.max_annual", date, SW_UNIT_EUROCENT, &lmax, tr,
                        err);
        if (st)
            return st;
    }
    if (lmax > 0 && gross > sw_div_ceil(lmax, p.periods)) {
        /* Par. 2.2.4 "regulier loon boven Lmax": the tax of the last row plus the
         * top rate on the excess over Lmax / F2, rounded down to cents. */
        int64_t top = p.br[p.nbr - 1].rate;

        annual_tax(&p, lmax, true, &a);
        out->above_table = true;
        out->table_wage_annual = lmax;
        out->loonheffing = sw_div_half_up(a.x, p.periods) +
                           sw_div_floor((raw - lmax) * top, p.periods * (int64_t)SW_PPM_ONE);
    } else {
        /* Par. 2.2.1: L = floor(rawL / Lv) x Lv, the table row's lower bound. */
        out->table_wage_annual = sw_div_floor(raw, step) * step;
        annual_tax(&p, out->table_wage_annual, true, &a);
        /* Par. 2.2.5 tabel 8: x = X / F2, rounded half up to cents. */
        out->loonheffing = sw_div_half_up(a.x, p.periods);
    }
    out->table_wage = sw_div_ceil(out->table_wage_annual, p.periods);
    out->tax_annual = a.x1;
    out->ahk = a.ahk;
    out->arbeidskorting = a.ak;
    out->ouderenkorting = a.ouk;
    out->aok = a.aok;
    out->loonheffing_annual = a.x;
    out->arbeidskorting_month = sw_div_half_up(a.ak, p.periods);
    out->net = gross - out->loonheffing;

    sw_trace_rule(tr, tv == SW_LH_MONTH
                          ? "Wet op de loonbelasting 1964 art. 20a en 22a; Rekenvoorschriften "
                            "geautomatiseerde loonadministratie par. 2.2 (witte maandtabel)"
                          : "Wet op de loonbelasting 1964 art. 20a en 22a; Rekenvoorschriften "
                            "geautomatiseerde loonadministratie par. 2.2 en tabel 1b",
                  "jaarloon = %s x %lld (%s), naar beneden afgerond op een veelvoud van de "
                  "tabelstap; belasting per schijf naar beneden op hele euro's%s; "
                  "loonheffing = jaarbedrag / %lld, afgerond op centen%s",
                  tv == SW_LH_MONTH ? "maandloon" : tv == SW_LH_FOUR_WEEKS ? "vierwekenloon"
                                                                          : "weekloon",
                  (long long)p.periods, table_names[tv],
                  p.korting ? "; min de heffingskortingen (naar boven op hele euro's, "
                              "samen ten hoogste de belasting)"
                            : "; zonder loonheffingskorting",
                  (long long)p.periods,
                  out->above_table ? "; boven de tabel: laatste regel plus toptarief over het "
                                     "meerdere"
                                   : "");
    sw_trace_input(tr, "brutoloon", gross, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "jaarloon tabel", out->table_wage_annual, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "belasting volgens schijven (jaar)", a.x1, SW_UNIT_EUROCENT);
    if (p.korting) {
        sw_trace_input(tr, "algemene heffingskorting", a.ahk, SW_UNIT_EUROCENT);
        sw_trace_input(tr, "arbeidskorting", a.ak, SW_UNIT_EUROCENT);
        if (p.aow)
            sw_trace_input(tr, "ouderenkorting", a.ouk, SW_UNIT_EUROCENT);
    }
    sw_trace_input(tr, "loonheffing (jaar)", a.x, SW_UNIT_EUROCENT);
    return SW_OK;
}

/* The rate of the row of a staffel (tabel bijzondere beloningen) that holds the
 * jaarloon j: the last row whose "vanaf" amount is at most j. */
static int64_t staffel_rate(const struct sw_bracket *b, size_t n, int64_t j)
{
    size_t k = 0;

    while (k + 1 < n && b[k + 1].threshold <= j)
        k++;
    return b[k].rate;
}

/* The bracket rate at jaarloon j: bracket i covers (a_i, a_i+1], so its rate
 * applies from a_i + 1 euro. */
static int64_t bracket_rate(const struct sw_bracket *b, size_t n, int64_t j)
{
    size_t k = 0;

    while (k + 1 < n && b[k + 1].threshold < j)
        k++;
    return b[k].rate;
}

sw_status sw_loonheffing_bijzonder(const struct sw_ctx *c, sw_date date, int64_t amount,
                                   int64_t annual_wage, sw_date birth, unsigned korting,
                                   struct sw_lh_bijzonder *out, struct sw_trace *tr,
                                   struct sw_err *err)
{
    struct sw_lh_params p;
    const struct sw_bracket *b;
    size_t n;
    bool aok;
    sw_status st;

    memset(&p, 0, sizeof(p));
    p.korting = (korting & SW_LH_KORTING) != 0;
    aok = p.korting && (korting & SW_LH_AOK) != 0;
    st = check_amount(amount, "amount", err);
    if (!st)
        st = check_amount(annual_wage, "annual_wage", err);
    if (!st)
        st = check_birth(date, birth, err);
    if (!st)
        st = aow_group(c, date, birth, &p, tr, err);
    if (st)
        return st;
    memset(out, 0, sizeof(*out));
    out->amount = amount;
    out->korting = p.korting;
    out->aow_age = p.aow;
    out->born_before_split = p.aow && p.before_split;
    /* The table's rows are in whole euros of jaarloon. */
    out->annual_wage = sw_money_floor_euros(annual_wage);
    if (p.korting) {
        /* Tabel bijzondere beloningen: standaardtarief + verrekeningspercentage
         * loonheffingskorting of the row, in the column for the age and birth
         * group, as the witte tabel picks its brackets (aow_group()). At AOW age
         * the published table has separate columns with the
         * alleenstaande-ouderenkorting (its 0 % rows run further); those are not
         * in the tables, so with SW_LH_AOK the lookup names their id. */
        const char *id = !p.aow ? "loonheffing.bijzonder"
                         : aok ? (p.before_split ? "loonheffing.bijzonder.aow_aok_before_1946"
                                                 : "loonheffing.bijzonder.aow_aok")
                         : p.before_split ? "loonheffing.bijzonder.aow_before_1946"
                                          : "loonheffing.bijzonder.aow";

        st = sw_scale_t(c, id, date, SW_SCALE_MARGINAL, &b, &n, tr, err);
        if (st)
            return st;
        out->rate = staffel_rate(b, n, out->annual_wage);
    } else {
        /* Without the loonheffingskorting only the standaardtarief: the bracket rate
         * at the jaarloon. */
        st = sw_scale_t(c,
                        !p.aow ? "loonheffing.brackets"
                        : p.before_split ? "loonheffing.brackets.aow_before_1946"
                                         : "loonheffing.brackets.aow",
                        date, SW_SCALE_MARGINAL, &b, &n, tr, err);
        if (st)
            return st;
        out->rate = bracket_rate(b, n, out->annual_wage);
    }
    /* The tax on a bijzondere beloning is rounded down to cents, in the employee's
     * favour (Rekenvoorschriften par. 3, as applied by payroll software). */
    out->loonheffing = sw_money_rate_down(amount, out->rate);
    out->net = amount - out->loonheffing;
    sw_trace_rule(tr, "Wet op de loonbelasting 1964 art. 20a en 26; tabel bijzondere beloningen",
                  "loonheffing = bijzondere beloning x percentage van de tabel bij het jaarloon "
                  "(%s%s), naar beneden afgerond op centen",
                  p.korting ? "standaardtarief plus verrekeningspercentage loonheffingskorting"
                            : "standaardtarief, zonder loonheffingskorting",
                  !p.aow ? ""
                  : p.before_split ? "; kolom AOW-leeftijd, geboren voor 1946"
                                   : "; kolom AOW-leeftijd");
    sw_trace_input(tr, "bijzondere beloning", amount, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "jaarloon", out->annual_wage, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "percentage", out->rate, SW_UNIT_PERCENT);
    return SW_OK;
}

/* The net of a gross benefit payment g as the municipality withholds on it (see
 * sw_gross_from_net_benefit()). */
static int64_t benefit_net(const struct sw_lh_params *p, int64_t g, struct lh_annual *a,
                           int64_t *annual)
{
    /* The annual wage in whole euros, rounded down: no table step for the
     * bijstand (reproduces the published 2024 gross amounts). */
    *annual = sw_money_floor_euros(g * p->periods);
    annual_tax(p, *annual, false, a);
    /* Rekenvoorschriften par. 2.2.5: the year's tax / F2, half up to cents. */
    return g - sw_div_half_up(a->x, p->periods);
}

/* The net of a gross rises a cent with every cent of gross, except where the
 * year's tax (in whole euros) steps up: there it falls back by a twelfth of one or
 * two euros. Past a gross whose net exceeds the target, the net can come back to
 * the target only within such a dip; 5 euros covers it at any marginal rate below
 * 90 %. */
#define BENEFIT_SCAN_CENTS 500

/* The gross as first written: the largest gross within BENEFIT_SCAN_CENTS past a
 * bisection's crossing whose net is at most `net`, found by trying every cent
 * (~517 tax calculations). Kept as the reference the fast search below is tested
 * against (tests/unit/check_loonheffing.c), and used for a table set whose
 * monthly tax could fall as the gross rises, where that search does not apply.
 * SW_ERR_INTERNAL when no gross gives the net. */
static sw_status benefit_gross_scan(const struct sw_lh_params *p, int64_t net, int64_t *out,
                                    struct sw_err *err)
{
    struct lh_annual a;
    int64_t lo, hi, g, annual;

    /* net(lo) <= net always (no negative tax); find hi with net(hi) > net. */
    lo = net;
    hi = net + 1;
    while (benefit_net(p, hi, &a, &annual) <= net) {
        if (hi > SW_MONEY_MAX / 2)
            return sw_err_set(err, SW_ERR_INTERNAL, "net", "no gross amount gives the net benefit");
        hi = 2 * hi + 100;
    }
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        if (benefit_net(p, mid, &a, &annual) <= net)
            lo = mid;
        else
            hi = mid;
    }
    g = lo;
    for (int64_t h = hi; h <= hi + BENEFIT_SCAN_CENTS; h++)
        if (benefit_net(p, h, &a, &annual) <= net)
            g = h;
    *out = g;
    return SW_OK;
}

/* Whether the monthly tax of benefit_net() never falls as the gross rises, so
 * that the net never rises by more than a cent a cent: the brackets ascend with
 * rates >= 0 (the tax by the brackets never falls; each bracket's floor keeps
 * that), and the kortingen only fall (every rate of their scales <= 0: a capped
 * or reduced s only falls, and the nil from the last threshold on is a fall
 * too). The tax after the kortingen is then max(tax - kortingen, 0), rising;
 * so is its division by F2 rounded half up. */
static bool benefit_tax_rises(const struct sw_lh_params *p)
{
    const struct sw_bracket *credit[2] = {p->ahk, p->ouk};
    size_t ncredit[2] = {p->nahk, p->nouk};

    if (p->periods <= 0)
        return false;
    for (size_t i = 0; i < p->nbr; i++)
        if (p->br[i].rate < 0 || (i > 0 && p->br[i].threshold <= p->br[i - 1].threshold))
            return false;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < ncredit[k]; i++)
            if (credit[k][i].rate > 0 ||
                (i > 0 && credit[k][i].threshold <= credit[k][i - 1].threshold))
                return false;
    return true;
}

/* The same gross as benefit_gross_scan(), with ~15 tax calculations instead of
 * ~517, for a table set where benefit_tax_rises(). Writing n(g) for the net of g:
 * n(g + d) <= n(g) + d for d >= 0 (the tax never falls). The scan's answer is the
 * largest g <= hi + BENEFIT_SCAN_CENTS with n(g) <= net, for a crossing hi
 * (n(hi - 1) <= net < n(hi)); by the dip bound above that is the largest g with
 * n(g) <= net at all, whichever h with n(h) > net anchors the window:
 *   1. find such an h by secant steps from g = net (n(net) <= net: no negative
 *      tax), each step aimed just past the target on the slope seen so far;
 *   2. from u = h + BENEFIT_SCAN_CENTS downwards: while n(u) > net, no g in
 *      (u - (n(u) - net), u] has n(g) <= net (n(g) >= n(u) - (u - g)), so jump
 *      there. The first u with n(u) <= net is the answer (at the latest u = net).
 * Step 2 takes every cent the scan would have tried that could be the answer;
 * tests/unit/check_loonheffing.c compares both over wide ranges of nets, dates
 * and ages. SW_ERR_INTERNAL when no gross gives the net. */
static sw_status benefit_gross_fast(const struct sw_lh_params *p, int64_t net, int64_t *out,
                                    struct lh_annual *a_out, int64_t *annual_out,
                                    int64_t *net_out, struct sw_err *err)
{
    struct lh_annual a;
    int64_t annual, g0 = net, n0 = benefit_net(p, g0, &a, &annual);
    int64_t g1 = g0 + (net - n0) + 1, n1 = benefit_net(p, g1, &a, &annual), u, nu;

    while (n1 <= net) {
        int64_t need = net - n1 + 1, step;

        /* The slope (n1 - n0) / (g1 - g0) seen so far; in a dip (no rise), the
         * least step that could get there, doubled. */
        if (n1 > n0)
            step = sw_money_scale_half_up(need, g1 - g0, n1 - n0) + 1;
        else
            step = 2 * need;
        if (step > SW_MONEY_MAX)
            step = SW_MONEY_MAX;
        if (g1 > SW_MONEY_MAX / 2)
            return sw_err_set(err, SW_ERR_INTERNAL, "net", "no gross amount gives the net benefit");
        g0 = g1;
        n0 = n1;
        g1 += step;
        n1 = benefit_net(p, g1, &a, &annual);
    }
    u = g1 + BENEFIT_SCAN_CENTS;
    while ((nu = benefit_net(p, u, &a, &annual)) > net)
        u -= nu - net;
    /* The answer and the year figures of its net, as benefit_net(p, u) gives them. */
    *out = u;
    *a_out = a;
    *annual_out = annual;
    *net_out = nu;
    return SW_OK;
}

/* The checks of a benefit amount named `field`. */
static sw_status benefit_amount(int64_t amount, const char *field, struct sw_err *err)
{
    sw_status st = check_amount(amount, field, err);

    if (!st && amount > SW_MONEY_MAX / 4) /* structural: overflow room */
        st = sw_err_set(err, SW_ERR_INVALID, field, "amount out of range for '%s'", field);
    return st;
}

/* The brackets and kortingen a benefit payer uses on `date` (no arbeidskorting),
 * after checking the amount named `field`. */
static sw_status benefit_params(const struct sw_ctx *c, sw_date date, int64_t amount,
                                const char *field, sw_date birth, unsigned korting,
                                struct sw_lh_params *p, struct sw_trace *tr, struct sw_err *err)
{
    sw_status st = benefit_amount(amount, field, err);

    if (!st)
        st = load_params(c, date, birth, korting, false, "loonheffing.table.periods_per_year",
                         p, tr, err);
    if (!st && (p->periods <= 0 || p->nbr == 0))
        st = sw_err_set(err, SW_ERR_TABLE, "loonheffing.table.periods_per_year",
                        "table periods must be positive");
    return st;
}

/* *out for a benefit of `gross` with net `net` and the year figures behind it. */
static void fill_benefit(struct sw_lh_benefit *out, int64_t gross, int64_t net, int64_t annual,
                         const struct lh_annual *a)
{
    memset(out, 0, sizeof(*out));
    out->net = net;
    out->gross = gross;
    out->loonheffing = gross - net;
    out->annual_wage = annual;
    out->tax_annual = a->x1;
    out->kortingen_annual = a->ahk + a->ouk + a->aok;
}

/* The gross-up of `net` with the parameters p into *out (and the year figures
 * of its gross in *a, *annual). */
static sw_status gross_up(const struct sw_ctx *c, const struct sw_lh_params *p, int64_t net,
                          struct sw_lh_benefit *out, struct lh_annual *a, int64_t *annual,
                          bool traced, struct sw_err *err)
{
    /* Participatiewet art. 19 lid 4: the bijstand is raised by the loonheffing the
     * municipality withholds. Every net is reached exactly (the net never rises by
     * more than a cent a cent); where two grosses give it, the published 2024
     * figures take the larger: the largest gross whose net is at most `net`.
     * The engine grosses up the same nets month after month: kept per net and the
     * tables' brackets and kortingen it was found with. */
    static const char memo_tag[] = "loonheffing.benefit_gross";
    int64_t key[SW_MEMO_KEY];
    int64_t g = 0, n = 0;
    bool found = false;   /* n, *a and *annual are g's already */
    sw_status st;

    lh_memo_key(p, net, key);
    if (traced || !sw_memo_get(c, memo_tag, key, &g)) {
        if (benefit_tax_rises(p)) {
            st = benefit_gross_fast(p, net, &g, a, annual, &n, err);
            found = true;
        } else {
            st = benefit_gross_scan(p, net, &g, err);
        }
        if (st)
            return st;
        if (!traced)
            sw_memo_put(c, memo_tag, key, g);
    }
    if (!found)
        n = benefit_net(p, g, a, annual);
    fill_benefit(out, g, n, *annual, a);
    out->net = net;
    return SW_OK;
}

sw_status sw_gross_from_net_benefit(const struct sw_ctx *c, sw_date date, int64_t net,
                                    sw_date birth, unsigned korting,
                                    struct sw_lh_benefit *out, struct sw_trace *tr,
                                    struct sw_err *err)
{
    struct sw_lh_params p;
    struct lh_annual a;
    int64_t annual;
    sw_status st;

    st = benefit_params(c, date, net, "net", birth, korting, &p, tr, err);
    if (!st)
        st = gross_up(c, &p, net, out, &a, &annual, tr != NULL, err);
    if (st)
        return st;
    sw_trace_rule(tr, "Participatiewet art. 19 lid 4; Wet op de loonbelasting 1964 art. 20a en 22",
                  "bruto = netto + loonheffing die de gemeente inhoudt: jaarloon = bruto x %lld "
                  "op hele euro's naar beneden, belasting per schijf%s, zonder arbeidskorting; "
                  "loonheffing = jaarbedrag / %lld, afgerond op centen",
                  (long long)p.periods,
                  p.korting ? " min de algemene heffingskorting" : " zonder loonheffingskorting",
                  (long long)p.periods);
    sw_trace_input(tr, "netto uitkering", net, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "jaarloon", annual, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "belasting volgens schijven (jaar)", a.x1, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "heffingskortingen (jaar)", out->kortingen_annual, SW_UNIT_EUROCENT);
    return SW_OK;
}

/* gross_up() of net with k's parameters into k->last, through k->memo when
 * there is one (gross_up() reads only what lh_memo_key() holds). */
static sw_status gross_up_kept(const struct sw_ctx *c, struct sw_lh_kept *k, int64_t net,
                               struct sw_err *err)
{
    struct lh_annual a;
    int64_t annual, key[6];
    const struct sw_lh_memo_slot *sl = NULL;
    sw_status st;

    if (k->memo) {
        lh_memo_key(&k->p, net, key);
        sl = lh_memo_get(k->memo, c, key);
    }
    if (sl) {
        k->last = sl->b;
    } else {
        st = gross_up(c, &k->p, net, &k->last, &a, &annual, false, err);
        if (st)
            return st;
        if (k->memo)
            lh_memo_put(k->memo, c, key, &k->last);
    }
    k->last_net = net;
    k->last_set = true;
    return SW_OK;
}

/* sw_aow_reached(c, k->birth, d, out) for a date d in k's window: once that
 * asked for the AOW date, the date kept in k answers (as sw_aow_date()'s memo
 * would: a hit there looks nothing up). */
static sw_status kept_aow_reached(const struct sw_ctx *c, struct sw_lh_kept *k, sw_date d,
                                  bool *out, struct sw_err *err)
{
    sw_status st;

    if (k->aow_set) {
        *out = d >= k->aow_date;
        return SW_OK;
    }
    st = sw_aow_reached_date(c, k->birth, d, out, &k->aow_date, NULL, err);
    k->aow_set = !st && k->aow_date != SW_NO_DATE;
    return st;
}

/* k's parameters looked up anew for date, birth and korting, with the gross-up
 * of net (sw_gross_from_net_benefit_kept() when they do not hold). */
static sw_status params_anew(const struct sw_ctx *c, struct sw_lh_kept *k, sw_date date,
                             int64_t net, sw_date birth, unsigned korting, struct sw_err *err)
{
    sw_status st;

    k->ok = k->last_set = k->aow_set = false;
    sw_window_begin(c, &k->w, date);
    st = benefit_params(c, date, net, "net", birth, korting, &k->p, NULL, err);
    sw_window_end(c, &k->w);
    if (!st)
        st = gross_up_kept(c, k, net, err);
    if (st)
        return st;
    k->ok = k->w.ok;
    k->birth = birth;
    k->korting = korting;
    k->at = date;
    return SW_OK;
}

sw_status sw_gross_from_net_benefit_kept(const struct sw_ctx *c, struct sw_lh_kept *k,
                                         sw_date date, int64_t net, sw_date birth,
                                         unsigned korting, struct sw_lh_benefit *out,
                                         struct sw_err *err)
{
    sw_status st = SW_OK;
    bool hit = false;

    /* k's parameters answer for date when every lookup that found them does
     * (k->w) and the one question besides, asked again here with the checks
     * before it in benefit_params()'s order: the AOW group of date's month
     * (aow_group()); for the same person and korting. That group needs no
     * asking when it is known: reached on k->at's month stays reached in a
     * later one (and asking again would only find the kept AOW date), and
     * surely below on the month's last day (at most date + 30) is below. */
    if (k->ok && k->birth == birth && k->korting == korting && sw_window_holds(&k->w, date)) {
        bool aow = false;

        st = benefit_amount(net, "net", err);
        if (!st)
            st = check_birth(date, birth, err);
        if (!st && k->p.aow && date >= k->at)
            aow = true;
        else if (!st && !sw_aow_surely_below(birth, date + 30)) /* calendar: month's end */
            st = kept_aow_reached(c, k, sw_month_last_day(sw_month_of(date)), &aow, err);
        if (st)
            return st;
        hit = aow == k->p.aow;
    }
    if (hit) {
        /* The same parameters and net: the same gross-up. */
        if (!(k->last_set && k->last_net == net))
            st = gross_up_kept(c, k, net, err);
    } else {
        st = params_anew(c, k, date, net, birth, korting, err);
    }
    if (st)
        return st;
    /* One copy for both ways (a copy on a return gcc takes for the rare way
     * out is a `rep movs`, which cost more than the rest of a hit: perf). */
    *out = k->last;
    return SW_OK;
}

sw_status sw_loonheffing_benefit(const struct sw_ctx *c, sw_date date, int64_t gross,
                                 sw_date birth, unsigned korting, struct sw_lh_benefit *out,
                                 struct sw_trace *tr, struct sw_err *err)
{
    struct sw_lh_params p;
    struct lh_annual a;
    int64_t annual, net;
    sw_status st;

    st = benefit_params(c, date, gross, "gross", birth, korting, &p, tr, err);
    if (st)
        return st;
    net = benefit_net(&p, gross, &a, &annual);
    fill_benefit(out, gross, net, annual, &a);
    sw_trace_rule(tr, "Wet op de loonbelasting 1964 art. 20a en 22 (uitkering)",
                  "jaarloon = bruto x %lld op hele euro's naar beneden, belasting per schijf%s, "
                  "zonder arbeidskorting (een uitkering is geen loon uit werk); loonheffing = "
                  "jaarbedrag / %lld, afgerond op centen", (long long)p.periods,
                  p.korting ? " min de algemene heffingskorting" : " zonder loonheffingskorting",
                  (long long)p.periods);
    sw_trace_input(tr, "bruto uitkering", gross, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "jaarloon", annual, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "heffingskortingen (jaar)", out->kortingen_annual, SW_UNIT_EUROCENT);
    return SW_OK;
}

/* --- for the unit test (loonheffing_ref.h) --- */

static sw_status ref_params(const struct sw_ctx *c, sw_date date, sw_date birth,
                            unsigned korting, struct sw_lh_params *p, struct sw_err *err)
{
    return benefit_params(c, date, 0, "gross", birth, korting, p, NULL, err);
}

sw_status lh_ref_benefit_net(const struct sw_ctx *c, sw_date date, int64_t gross, size_t n,
                             sw_date birth, unsigned korting, int64_t *net, struct sw_err *err)
{
    struct sw_lh_params p;
    struct lh_annual a;
    int64_t annual;
    sw_status st = ref_params(c, date, birth, korting, &p, err);

    for (size_t i = 0; !st && i < n; i++)
        net[i] = benefit_net(&p, gross + (int64_t)i, &a, &annual);
    return st;
}

sw_status lh_ref_benefit_gross(const struct sw_ctx *c, sw_date date, int64_t net, size_t n,
                               sw_date birth, unsigned korting, bool fast, int64_t *gross,
                               struct sw_err *err)
{
    struct sw_lh_params p;
    struct lh_annual a;
    int64_t annual, got;
    sw_status st = ref_params(c, date, birth, korting, &p, err);

    if (!st && fast && !benefit_tax_rises(&p))
        st = sw_err_set(err, SW_ERR_INTERNAL, "net", "the tables' tax can fall as the gross rises");
    for (size_t i = 0; !st && i < n; i++)
        st = fast ? benefit_gross_fast(&p, net + (int64_t)i, &gross[i], &a, &annual, &got,
                                       err)
                  : benefit_gross_scan(&p, net + (int64_t)i, &gross[i], err);
    return st;
}
