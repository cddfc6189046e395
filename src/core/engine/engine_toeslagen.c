/* engine_toeslagen.c - zorgtoeslag and huurtoeslag: the advance paid on the
 * estimated income against the entitlement on the year's real income, and the
 * settlement after the year (a recovery or a back payment); and the income-tax
 * bill when the loonheffingskorting is applied twice. */
#include <stdio.h>
#include <string.h>

#include "engine_impl.h"
#include "switchsim/aow.h"
#include "switchsim/kinderen.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/toeslagen.h"
#include "switchsim/uitvoering.h"
#include "switchsim/wml.h"

/* A recovery's period: year y as snprintf("%d") writes it (asked for every
 * year settled; a year of the calendar without the formatter). */
static void year_text(char out[12], int y)
{
    if (y < 1000 || y > 9999) { /* structural: four digits */
        snprintf(out, 12, "%d", y);
        return;
    }
    for (int k = 3; k >= 0; k--, y /= 10) /* structural: four digits */
        out[k] = (char)('0' + y % 10);
    out[4] = '\0';
}

/* The month of year `y` with number k (1..12) mapped to a run's month index;
 * months outside the horizon take the nearest month shown (before the first: the
 * first month of the baseline, when the resident was still on bijstand; after the
 * last: the last month, as if the situation continued). */
static int source_index(const struct eng_run *r, sw_month m, bool *before)
{
    int i = m - r->s->start_month;

    *before = i < 0;
    if (i < 0)
        return 0;
    if (i >= r->run->n)
        return r->run->n - 1;
    return i;
}

/* The resident's part of a month's bijstand `net`: a couple's is split over
 * both partners (the rest is the partner's). */
static int64_t resident_part(const struct sw_scenario *s, int64_t net)
{
    return s->household.composition == SW_HH_COUPLE ? net / 2 : net;
}

/* The algemene heffingskorting a payer gives with benefit b: at most its tax. */
static int64_t korting_given(const struct sw_lh_benefit *b)
{
    return b->kortingen_annual < b->tax_annual ? b->kortingen_annual : b->tax_annual;
}

/* The gross-up of net for one person through k (sw_gross_from_net_benefit_kept()),
 * *b pointing at it in k: asked only when k does not answer it already
 * (sw_lh_kept_answers(): most months of a year have the month before's net). */
static inline __attribute__((always_inline)) sw_status
gross_one(const struct eng_run *r, struct sw_lh_kept *k, sw_date d, int64_t net, sw_date birth,
          unsigned korting, const struct sw_lh_benefit **b, struct sw_err *err)
{
    struct sw_lh_benefit asked;

    *b = &k->last;
    if (sw_lh_kept_answers(k, d, net, birth, korting))
        return SW_OK;
    return sw_gross_from_net_benefit_kept(r->c, k, d, net, birth, korting, &asked, err);
}

/* The gross bijstand of a month whose net entitlement (incl. vakantietoeslag) is
 * `net`: as the municipality grosses it up; a couple's bijstand is split over
 * both partners, each with their own korting. Through lh[0] (the resident) and
 * lh[1] (the partner): the parameters and the last gross-up of each kept from
 * the month before while they hold (sw_gross_from_net_benefit_kept()). With
 * kept (not NULL): the resident's part grossed up and the korting given on it,
 * kept[0] and kept[1] (kept[0] 0 when net <= 0). */
static sw_status gross_bijstand(const struct eng_run *r, sw_date d, int64_t net,
                                struct sw_lh_kept lh[2], int64_t *out, int64_t kept[2],
                                struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    const struct sw_lh_benefit *b1, *b2;
    unsigned korting = s->settlement.municipality_applies_korting ? SW_LH_KORTING : 0;
    int64_t part = resident_part(s, net);
    sw_status st;

    if (net <= 0) {
        if (kept)
            kept[0] = 0;
        *out = 0;
        return SW_OK;
    }
    st = gross_one(r, &lh[0], d, part, s->household.birth, korting, &b1, err);
    if (st)
        return st;
    if (kept) {
        kept[0] = part;
        kept[1] = korting_given(b1);
    }
    if (s->household.composition != SW_HH_COUPLE) {
        *out = b1->gross;
        return SW_OK;
    }
    st = gross_one(r, &lh[1], d, net - part, s->household.partner_birth, korting, &b2, err);
    if (!st)
        *out = b1->gross + b2->gross;
    return st;
}

/* The toetsingsinkomen of year y for a run (the switch or the baseline). With
 * keep (r itself), what eng_korting_twice() asks again of r's months shown:
 * the resident's part grossed up with the loonheffingskorting (korting_kept[]). */
static sw_status year_income(const struct eng_run *r, const struct eng_run *base, int y,
                             struct eng_run *keep, int64_t *out, struct sw_err *err)
{
    struct sw_income_parts parts;
    struct sw_lh_kept own[2], *lh = own;
    int yi = y - sw_month_year(r->s->start_month);
    bool keep_korting = keep && r->s->settlement.municipality_applies_korting;
    sw_status st = SW_OK;

    memset(&parts, 0, sizeof(parts));
    /* Both runs gross up for the same people in the same context: the year's
     * parameters the first looked up serve the second (sw_lh_kept). */
    if (r->memo && yi >= 0 && yi < ENG_MEMO_YEARS)
        lh = r->memo->tk.lh[yi];
    else
        memset(own, 0, sizeof(own));
    lh[0].memo = lh[1].memo = r->lh_memo;
    for (int k = 1; k <= 12 && !st; k++) {
        sw_month m = sw_month_from_ym(y, k);
        bool before;
        int i = source_index(r, m, &before);
        /* Before the first month shown, every run was the baseline's first month. */
        const struct eng_run *src = before ? base : r;
        const int64_t *v = src->run->rows[i].v;
        int64_t g = 0;

        parts.wage += v[SW_ITEM_GROSS_WAGE];
        parts.holiday_pay += v[SW_ITEM_HOLIDAY_PAY];
        /* The toeslagpartner's own income: one joint toetsingsinkomen (Awir art. 8). */
        parts.other += v[SW_ITEM_PARTNER_GROSS];
        st = gross_bijstand(src, sw_month_first_day(m), src->bijstand_net_incl_vt[i], lh, &g,
                            keep_korting && src == r && m - r->s->start_month == i
                                ? keep->korting_kept[i] : NULL,
                            err);
        parts.benefit += g;
        /* The Wajong counts with its gross amount, as paid (Awir art. 8: the
         * verzamelinkomen). */
        parts.benefit += v[SW_ITEM_WAJONG_GROSS];
        /* So does the WW on the way back. */
        parts.benefit += v[SW_ITEM_WW_GROSS];
        parts.benefit_holiday += v[SW_ITEM_WAJONG_HOLIDAY_PAY];
    }
    if (!st)
        st = sw_toetsingsinkomen(&parts, out, NULL, err);
    return st;
}

/* One toeslag over one year: monthly entitlement (final) and estimate, in whole
 * euros as paid. */
struct toeslag_year {
    int64_t final_month[12], estimate_month[12];
    int64_t final_year;      /* Awir art. 14 year amount on the real income */
    struct sw_trace tr_final;
};

static sw_status zorg_year(const struct eng_run *r, int y, int64_t income, int64_t *year_amount,
                           int64_t months[12], struct sw_trace *tr, struct sw_err *err)
{
    struct sw_zorgtoeslag_facts f[12];
    struct sw_zorgtoeslag z;
    sw_status st;

    /* The same facts in every month of the year. */
    memset(&f[0], 0, sizeof(f[0]));
    f[0].income = income;
    f[0].partner = r->s->household.composition == SW_HH_COUPLE;
    f[0].birth = r->s->household.birth;
    f[0].vermogen_known = r->s->household.vermogen_known;
    f[0].vermogen = r->s->household.vermogen;
    /* Without a trace, through the year's parameters the simulation's first
     * asking looked up (both runs ask in the same context). */
    int yi = y - sw_month_year(r->s->start_month);

    if (!tr && r->memo && yi >= 0 && yi < ENG_MEMO_YEARS) {
        st = sw_zorgtoeslag_same_kept(r->c, &r->memo->tk.zt[yi], y, &f[0], &z, err);
    } else {
        for (int k = 1; k < 12; k++)
            memcpy(&f[k], &f[0], sizeof(f[0]));
        st = sw_zorgtoeslag_months(r->c, y, f, &z, tr, err);
    }
    if (st)
        return st;
    *year_amount = z.year_amount;
    /* Paid per month as the Belastingdienst pays it (the year amount / 12 in whole
     * euros); the remainder follows with the definitive berekening. */
    for (int k = 0; k < 12; k++)
        months[k] = z.month_amount;
    return SW_OK;
}

/* Whether the resident or the partner has reached the AOW age on d. */
static sw_status household_aow(const struct eng_run *r, sw_date d, bool *out, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    bool aow = false, aow2 = false;
    sw_status st = sw_aow_reached(r->c, s->household.birth, d, &aow, NULL, err);

    if (!st && s->household.composition == SW_HH_COUPLE)
        st = sw_aow_reached(r->c, s->household.partner_birth, d, &aow2, NULL, err);
    *out = aow || aow2;
    return st;
}

/* The dates [*lo, *hi) on which the oldest member, born on `birth` (not
 * SW_NO_DATE), has an age h's answer holds for (same_age_lo <= age <
 * same_age_hi): from the day they reach the one to the day they reach the
 * other (sw_age_on() counts from those days). An age outside 0..150 bounds
 * nothing a household can reach. */
static void same_age_dates(const struct sw_huurtoeslag *h, sw_date birth, sw_date *lo,
                           sw_date *hi)
{
    *lo = h->same_age_lo <= 0 ? INT32_MIN
          : h->same_age_lo > 150 ? INT32_MAX /* structural: no one's age */
                                 : sw_date_reaching_age(birth, h->same_age_lo, 0);
    *hi = h->same_age_hi > 150 ? INT32_MAX /* structural: no one's age */
          : h->same_age_hi <= 0 ? sw_date_reaching_age(birth, 0, 0)
                                : sw_date_reaching_age(birth, h->same_age_hi, 0);
}

static sw_status huur_year(const struct eng_run *r, int y, int64_t income, int64_t *year_amount,
                           int64_t months[12], struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    int64_t sum = 0;
    sw_status st;
    /* The month before, for reuse: its facts, its result, and the dates on which
     * the values it looked up stay the same (prev_f and h are read only once win
     * holds, after the first month worked out set them: not cleared). */
    struct sw_huurtoeslag_facts prev_f, f;
    struct sw_huurtoeslag h;
    struct sw_window win = {.ok = false};
    sw_date age_lo = INT32_MIN, age_hi = INT32_MAX;   /* where h holds for the ages */
    bool aow_first, aow_last;
    sw_date dec1 = sw_month_first_day(sw_month_from_ym(y, 12));

    /* Reached in January and still not in December, or reached in January: the
     * same in every month between (the AOW age, once reached, stays reached). */
    st = household_aow(r, sw_month_first_day(sw_month_from_ym(y, 1)), &aow_first, err);
    if (!st)
        st = household_aow(r, dec1, &aow_last, err);
    if (st)
        return st;
    /* The facts of every month; only the AOW status can differ by month. */
    memset(&f, 0, sizeof(f));
    f.income = income;
    f.rent = s->household.rent;
    f.partner = s->household.composition == SW_HH_COUPLE;
    f.persons = 1 + (f.partner ? 1 : 0) + (int)s->household.n_children +
                s->household.cost_sharers;
    f.multi = f.persons > 1;
    f.birth = s->household.birth;
    if (f.partner && s->household.partner_birth != SW_NO_DATE &&
        s->household.partner_birth < f.birth)
        f.birth = s->household.partner_birth;
    f.child = s->household.n_children > 0;
    f.vermogen_known = s->household.vermogen_known;
    f.vermogen = s->household.vermogen;
    f.aow = aow_first;
    for (int k = 0; k < 12; k++) {
        sw_date d = sw_month_first_day(sw_month_from_ym(y, k + 1));
        struct sw_trace *tr_k = k == 11 ? tr : NULL; /* calendar: December */

        if (aow_first != aow_last && (st = household_aow(r, d, &f.aow, err)))
            return st;
        /* The same facts, the same values looked up and an age the month before's
         * answer holds for (h.same_age_lo..hi): the same month (the rule uses the
         * date otherwise only for the year and for f.birth's AOW age, and f.aow
         * answers the latter). */
        if (!tr_k && sw_window_holds(&win, d) && memcmp(&f, &prev_f, sizeof(f)) == 0 &&
            d >= age_lo && d < age_hi) {
            months[k] = h.month_amount;
            sum += h.month_exact;
            continue;
        }
        sw_window_begin(r->c, &win, d);
        st = sw_huurtoeslag_month(r->c, d, &f, &h, tr_k, err);
        sw_window_end(r->c, &win);
        if (st)
            return st;
        memcpy(&prev_f, &f, sizeof(f));
        age_lo = INT32_MIN;
        age_hi = INT32_MAX;
        if (f.birth != SW_NO_DATE)
            same_age_dates(&h, f.birth, &age_lo, &age_hi);
        months[k] = h.month_amount;
        sum += h.month_exact;
        /* Facts that stay (the AOW status too), values that hold and ages h
         * holds for up to December: every month left is this one (as the
         * check above would find month after month), untraced. */
        if (!tr && aow_first == aow_last && sw_window_holds(&win, d) &&
            sw_window_holds(&win, dec1) && d >= age_lo && dec1 < age_hi) {
            for (int j = k + 1; j < 12; j++)
                months[j] = h.month_amount;
            sum += (11 - k) * h.month_exact; /* calendar: to December */
            break;
        }
    }
    return sw_awir_year_amount(r->c, sw_month_first_day(sw_month_from_ym(y, 1)), sum, 1,
                               year_amount, NULL, err);
}

/* Kindgebonden budget (kinderen.c): the claim is determined per calendar month on
 * a year basis (WKB art. 2 lid 11); the year amount is the twelfths summed and
 * rounded once (Awir art. 14); the advance is the month's twelfth in whole euros,
 * rounded down, as for the zorgtoeslag. */
static sw_status kgb_year(const struct eng_run *r, int y, int64_t income, int64_t *year_amount,
                          int64_t months[12], struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    struct sw_kgb_facts f;
    struct sw_kgb_month km[12];
    int64_t sum = 0;
    sw_status st;

    f.income = income;
    f.partner = s->household.composition == SW_HH_COUPLE;
    f.births = s->household.children;
    f.n = s->household.n_children;
    f.vermogen_known = s->household.vermogen_known;
    f.vermogen = s->household.vermogen;
    /* Without a trace, through the year's values on 1 January the simulation's
     * first asking looked up (both runs ask in the same context). */
    int yi = y - sw_month_year(r->s->start_month);

    if (!tr && r->memo && yi >= 0 && yi < ENG_MEMO_YEARS)
        st = sw_kgb_year_kept(r->c, &r->memo->tk.kgb[yi], y, &f, km, err);
    else
        st = sw_kgb_year(r->c, y, &f, km, tr, err);
    if (st)
        return st;
    for (int k = 0; k < 12; k++) {
        months[k] = sw_money_floor_euros(sw_div_floor(km[k].year_claim, 12));
        sum += km[k].year_claim;
    }
    return sw_awir_year_amount(r->c, sw_month_first_day(sw_month_from_ym(y, 1)), sum, 12,
                               year_amount, NULL, err);
}

typedef sw_status (*year_fn)(const struct eng_run *, int, int64_t, int64_t *, int64_t[12],
                             struct sw_trace *, struct sw_err *);

/* fn(r, y, income, ...), or what it gave before in this simulation (not when a
 * trace is asked for: that needs the calculation itself). */
static sw_status toeslag_year(const struct eng_run *r, year_fn fn, int y, int64_t income,
                              int64_t *year_amount, int64_t months[12], struct sw_trace *tr,
                              struct sw_err *err)
{
    struct eng_memo *memo = r->memo;
    sw_status st;

    if (memo && !tr) {
        for (size_t k = 0; k < memo->n_toeslag; k++) {
            if (memo->toeslag[k].fn == (const void *)fn && memo->toeslag[k].y == y &&
                memo->toeslag[k].income == income) {
                *year_amount = memo->toeslag[k].year_amount;
                memcpy(months, memo->toeslag[k].months, sizeof(memo->toeslag[k].months));
                return SW_OK;
            }
        }
    }
    st = fn(r, y, income, year_amount, months, tr, err);
    if (!st && memo && memo->n_toeslag < ENG_MEMO_TOESLAG) {
        size_t k = memo->n_toeslag++;
        memo->toeslag[k].fn = (const void *)fn;
        memo->toeslag[k].y = y;
        memo->toeslag[k].income = income;
        memo->toeslag[k].year_amount = *year_amount;
        memcpy(memo->toeslag[k].months, months, sizeof(memo->toeslag[k].months));
    }
    return st;
}

/* sw_uitvoering_toeslag(r->c, y) without a trace, or what it gave the
 * simulation's first asking (the same question in the same context: the same
 * answer, its values recorded already). */
static sw_status collection(const struct eng_run *r, int y, struct sw_collection *when,
                            struct sw_err *err)
{
    int yi = y - sw_month_year(r->s->start_month);
    bool keep = r->memo && yi >= 0 && yi < ENG_MEMO_YEARS;
    sw_status st;

    if (keep && r->memo->tk.when_set[yi]) {
        *when = r->memo->tk.when[yi];
        return SW_OK;
    }
    st = sw_uitvoering_toeslag(r->c, y, when, NULL, err);
    if (!st && keep) {
        r->memo->tk.when[yi] = *when;
        r->memo->tk.when_set[yi] = true;
    }
    return st;
}

/* Advances, entitlement and settlement of one toeslag for one year. */
static sw_status settle(struct eng_run *r, int y, enum sw_recovery_kind kind, year_fn fn,
                        int64_t income_real, int64_t income_est, enum sw_item item_entitled,
                        enum sw_item item_paid, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    int64_t fin[12], est[12], fin_year, est_year, paid = 0, adv, diff;
    sw_month report = s->toeslagen.estimate_updated, expected, collected;
    struct sw_collection when;
    bool recovered;
    struct sw_trace tr;
    int64_t set_aside_total = 0;
    sw_status st;
    char period[12];

    /* The entitlement's trace only when the run keeps traces (tr is read
     * only then). */
    if (r->traces)
        memset(&tr, 0, sizeof(tr));
    st = toeslag_year(r, fn, y, income_real, &fin_year, fin, r->traces ? &tr : NULL, err);
    if (!st)
        st = toeslag_year(r, fn, y, income_est, &est_year, est, NULL, err);
    if (st)
        return st;
    /* Month k + 1 of year y is the run's month first + k (shown when in 0..n-1);
     * the run's fields read once (the months' items written below may alias
     * them as far as the compiler knows). */
    sw_month jan = sw_month_from_ym(y, 1);
    int first = jan - s->start_month, n = r->run->n;
    struct sw_month_row *rows = r->run->rows;
    bool is_switch = r->is_switch;

    for (int k = 0; k < 12; k++) {
        sw_month m = jan + k;
        int i = first + k;
        bool reported = is_switch && report >= 0 && m >= report;

        if (!reported) {
            /* On the estimate: the income before the switch. */
            adv = est[k];
        } else if (report < jan) {
            adv = fin[k];
        } else {
            /* From the month of the report: (new year amount - paid so far) spread
             * over the months left, in whole euros (Dienst Toeslagen's practice). */
            adv = sw_money_floor_euros(sw_div_floor(fin_year - paid, 12 - k));
            if (adv < 0)
                adv = 0;
        }
        paid += adv;
        if (i >= 0 && i < n) {
            struct sw_month_row *row = &rows[i];

            row->v[item_entitled] = fin[k];
            row->v[item_paid] = adv;
            if (r->traces) {
                row->trace[item_entitled] = tr;
                sw_trace_input(&row->trace[item_entitled], "toetsingsinkomen van het jaar",
                               income_real, SW_UNIT_EUROCENT);
                if (s->household.vermogen_known)
                    sw_trace_input(&row->trace[item_entitled],
                                   "vermogen op 1 januari (met partner)", s->household.vermogen,
                                   SW_UNIT_EUROCENT);
                sw_trace_rule(&row->trace[item_paid],
                              "Awir art. 16 (voorschot) en 19 (definitieve berekening)",
                              reported ? "voorschot herberekend met het nieuwe inkomen: (nieuw "
                                         "jaarbedrag - al betaald) / resterende maanden"
                                       : "voorschot op het geschatte inkomen (het inkomen van "
                                         "voor de overstap)");
                sw_trace_input(&row->trace[item_paid], "geschat inkomen", income_est,
                               SW_UNIT_EUROCENT);
            }
            /* What is paid beyond the entitlement comes back after the year. */
            if (adv > fin[k] && is_switch) {
                row->v[SW_ITEM_SET_ASIDE] += adv - fin[k];
                set_aside_total += adv - fin[k];
            }
        }
    }
    diff = paid - fin_year;
    if (diff == 0)
        return SW_OK;
    st = collection(r, y, &when, err);
    if (st)
        return st;
    expected = when.letter;
    collected = when.collected;
    if (diff < 0) {
        /* Too little paid: the rest comes with the definitive berekening, as an
         * item of its own: item_paid of that month holds the next year's advance
         * (set above when year y + 1 is settled), and paid above entitled there
         * means an advance that is too high (first_over below, the debts). */
        int i = eng_index(r, expected);

        eng_add(r, expected, SW_ITEM_TOESLAGEN_NABETALING, -diff);
        if (i >= 0) {
            struct sw_trace *nt = eng_trace(r, i, SW_ITEM_TOESLAGEN_NABETALING);

            sw_trace_rule(nt, "Awir art. 19 (definitieve berekening) en 16 (voorschot)",
                          "de definitieve berekening van het jaar is hoger dan de voorschotten: "
                          "de Dienst Toeslagen betaalt het verschil na");
            sw_trace_input(nt, eng_toeslag_name(kind), -diff, SW_UNIT_EUROCENT);
        }
        return SW_OK;
    }
    st = sw_uitvoering_toeslag_recovered(r->c, expected, diff, &recovered, NULL, err);
    if (st)
        return st;
    if (!recovered) {
        /* Small amounts are not recovered: nothing set aside needs to go back. */
        if (set_aside_total > 0)
            eng_add(r, expected, SW_ITEM_RESERVE_RELEASED, set_aside_total);
        return SW_OK;
    }
    year_text(period, y);
    {
        char why[400], mb[32];
        sw_month first_over = -1;
        for (int k = 0; k < 12 && first_over < 0; k++) {
            sw_month m = sw_month_from_ym(y, k + 1);
            int i = eng_index(r, m);
            if (i >= 0 && r->run->rows[i].v[item_paid] > fin[k])
                first_over = m;
        }
        if (first_over < 0)
            first_over = sw_month_from_ym(y, 12);
        why[0] = '\0';
        if (r->texts) {
            sw_month_nl(mb, sizeof(mb), first_over);
            snprintf(why, sizeof(why),
                     "Geef het nieuwe inkomen door aan de Dienst Toeslagen (Mijn toeslagen) "
                     "zodra het werk begint, uiterlijk in %s. Dan wordt het voorschot direct "
                     "lager en hoeft u achteraf niets terug te betalen.",
                     mb);
        }
        /* Set aside where the excess arose; a part outside the horizon was
         * already booked in no month shown. */
        eng_recovery(r, kind, period, first_over, diff, expected, collected, why);
        /* Release what was set aside for it in the months shown, no more. */
        eng_add(r, collected, SW_ITEM_RESERVE_RELEASED, set_aside_total - diff);
    }
    return SW_OK;
}

sw_status eng_toeslagen(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    const struct eng_run *base = r->is_switch ? r->base : r;
    int y0 = sw_month_year(s->start_month), y1 = sw_month_year(s->start_month + s->months - 1);
    sw_status st = SW_OK;

    bool kgb = s->toeslagen.kindgebonden_budget && s->household.n_children > 0;

    /* Only what year_income() grosses up in this run serves its
     * eng_korting_twice(). */
    if (r->from < r->run->n)
        memset(&r->korting_kept[r->from], 0,
               (size_t)(r->run->n - r->from) * sizeof(r->korting_kept[0]));
    if (!s->toeslagen.zorgtoeslag && !s->toeslagen.huurtoeslag && !kgb)
        return SW_OK;
    /* The baseline run stands for the months before the horizon and for the
     * estimate the advances are paid on. A resumed run starts in a January:
     * the years before are settled (eng_seg() adds what they booked later). */
    for (int y = sw_month_year(s->start_month + r->from); y <= y1 && !st; y++) {
        int64_t real, est;

        int yi = y - y0;

        st = year_income(r, base, y, r, &real, err);
        /* The baseline's own income is the estimate; the switch run takes the one
         * the baseline run computed. */
        if (!st && r->memo && r == base) {
            r->memo->base_income[yi] = real;
            r->memo->base_income_set[yi] = true;
        }
        if (!st && r->memo && r->memo->base_income_set[yi])
            est = r->memo->base_income[yi];
        else if (!st)
            st = year_income(base, base, y, NULL, &est, err);
        if (!st && s->toeslagen.zorgtoeslag)
            st = settle(r, y, SW_RECOVERY_ZORGTOESLAG, zorg_year, real, est,
                        SW_ITEM_ZORGTOESLAG_ENTITLED, SW_ITEM_ZORGTOESLAG_PAID, err);
        if (!st && s->toeslagen.huurtoeslag)
            st = settle(r, y, SW_RECOVERY_HUURTOESLAG, huur_year, real, est,
                        SW_ITEM_HUURTOESLAG_ENTITLED, SW_ITEM_HUURTOESLAG_PAID, err);
        if (!st && kgb)
            st = settle(r, y, SW_RECOVERY_KINDGEBONDEN_BUDGET, kgb_year, real, est,
                        SW_ITEM_KGB_ENTITLED, SW_ITEM_KGB_PAID, err);
    }
    return st;
}

/* The IACK given back with the assessment is a teruggave van inkomstenbelasting,
 * which the Participatiewet counts as income (art. 32 lid 1 onder a) as far as it
 * concerns a period over which bijstand is claimed (onder b): income over the
 * period it concerns, here the tax year (Sdu, Participatiewet, 3.4 'Belasting-
 * (teruggave) en bijstand'). A twelfth of the refund for each month of that year
 * with bijstand, at most that month's bijstand; a month of the year before the
 * first month shown counts as on bijstand as in the first month (the resident's
 * situation before the switch). */
static int64_t iack_counted_for_bijstand(const struct eng_run *r, int year, int64_t refund,
                                         int *months)
{
    int64_t twelfth = sw_div_half_up(refund, 12), total = 0;

    *months = 0;
    for (int mo = 1; mo <= 12; mo++) {
        sw_month m = sw_month_from_ym(year, mo);
        int i = eng_index(r, m);
        int64_t entitled;

        if (i >= 0)
            entitled = r->run->rows[i].v[SW_ITEM_BIJSTAND_ENTITLED];
        else if (m < r->s->start_month)
            entitled = r->first_month_bijstand;
        else
            continue;
        if (entitled <= 0)
            continue;
        total += twelfth < entitled ? twelfth : entitled;
        (*months)++;
    }
    return total < refund ? total : refund;
}

/* The employer and the municipality both apply the loonheffingskorting: the
 * algemene heffingskorting is taken twice and comes back with the aanslag. */
sw_status eng_korting_twice(struct eng_run *r, struct sw_err *err)
{
    const struct sw_scenario *s = r->s;
    int64_t per_year[SW_SCENARIO_MAX_MONTHS / 12 + 2];
    sw_month first[SW_SCENARIO_MAX_MONTHS / 12 + 2];
    int y0 = sw_month_year(s->start_month);
    sw_status st;

    bool twice_given = s->job.loonheffingskorting && s->settlement.municipality_applies_korting;
    /* With a Wajong: UWV and the employer both give it (engine_wajong.c). */
    bool wajong_twice = s->job.loonheffingskorting && s->before.benefit == SW_BEFORE_WAJONG &&
                        s->before.wajong_loonheffingskorting;

    if (!r->is_switch)
        return SW_OK;
    memset(per_year, 0, sizeof(per_year));
    for (size_t k = 0; k < sizeof(first) / sizeof(first[0]); k++)
        first[k] = -1;
    /* The gross-ups below, of the working resident's part month after month. */
    struct sw_lh_kept lh;

    memset(&lh, 0, sizeof(lh));
    lh.memo = r->lh_memo;
    for (int i = r->from; (twice_given || wajong_twice) && i < r->run->n; i++) {
        struct sw_month_row *row = &r->run->rows[i];
        struct sw_lh_benefit b;
        int64_t twice, emp = r->employer_ahk[i], annual = 0;
        int yi = sw_month_year(row->month) - y0;

        /* The Wajong's part first: UWV's korting (at most the tax on the Wajong)
         * against the employer's, as for the bijstand below. */
        if (wajong_twice && row->v[SW_ITEM_GROSS_WAGE] > 0 && row->v[SW_ITEM_WAJONG_GROSS] > 0) {
            int64_t uwv;
            st = sw_loonheffing_benefit(r->c, sw_month_first_day(row->month),
                                        row->v[SW_ITEM_WAJONG_GROSS], s->household.birth,
                                        SW_LH_KORTING, &b, NULL, err);
            if (st)
                return st;
            uwv = korting_given(&b);
            annual = uwv < emp ? uwv : emp;
            emp -= annual;
        }
        if (!twice_given || !r->wage_and_bijstand[i] || row->v[SW_ITEM_BIJSTAND_ENTITLED] <= 0) {
            twice = sw_div_half_up(annual, 12);
            if (twice > 0) {
                per_year[yi] += twice;
                row->v[SW_ITEM_SET_ASIDE] += twice;
                if (first[yi] < 0)
                    first[yi] = row->month;
            }
            continue;
        }
        /* A couple's bijstand is split over both partners; the korting given twice
         * is the one on the working resident's half. */
        {
            int64_t part = resident_part(s, r->bijstand_net_incl_vt[i]), muni;

            if (part > 0 && r->korting_kept[i][0] == part) {
                /* This gross-up (the same date, person and korting) as
                 * year_income() made it in this run: its values are recorded. */
                muni = r->korting_kept[i][1];
            } else {
                st = sw_gross_from_net_benefit_kept(r->c, &lh, sw_month_first_day(row->month),
                                                    part, s->household.birth, SW_LH_KORTING,
                                                    &b, err);
                if (st)
                    return st;
                muni = korting_given(&b);
            }
            /* The algemene heffingskorting is given twice: by the municipality (at
             * most the tax on the bijstand it offsets) and by the employer (as far
             * as the wage's tax allowed). What comes back is the smaller of the
             * two, a twelfth of the year's amount per month. An estimate: the
             * income-tax assessment also recomputes the afbouw and the
             * arbeidskorting. */
            twice = sw_div_half_up(annual + (muni < emp ? muni : emp), 12);
        }
        if (twice <= 0)
            continue;
        per_year[yi] += twice;
        row->v[SW_ITEM_SET_ASIDE] += twice;
        if (first[yi] < 0)
            first[yi] = row->month;
    }
    /* A resumed run: the years before its January are settled already. */
    for (int yi = sw_month_year(s->start_month + r->from) - y0;
         yi < (int)(sizeof(first) / sizeof(first[0])); yi++) {
        struct sw_collection when;
        char period[12];
        int64_t iack = r->iack_year[yi], give, net;

        if (per_year[yi] <= 0 && iack <= 0)
            continue;
        st = sw_uitvoering_ib(r->c, y0 + yi, &when, NULL, err);
        if (st)
            return st;
        /* The combinatiekorting (Wet IB art. 8.14a, engine_kinderen.c) lowers the
         * year's tax, at most to nil: at most the tax withheld from the wage plus
         * the korting given twice (the tax on the bijstand is left out: a lower
         * estimate). It is settled with the same assessment. */
        give = iack < r->wage_lh_year[yi] + per_year[yi] ? iack : r->wage_lh_year[yi] + per_year[yi];
        net = per_year[yi] - give;
        year_text(period, y0 + yi);
        eng_recovery(r, SW_RECOVERY_INKOMSTENBELASTING, period, first[yi], net,
                     when.letter, when.collected,
                     wajong_twice
                         ? "Vraag UWV de loonheffingskorting op de Wajong te stoppen zodra de "
                           "werkgever die toepast (of andersom): maar één betaler mag de "
                           "korting geven."
                         : "Vraag de gemeente de loonheffingskorting op de bijstand te stoppen "
                           "zodra de werkgever die toepast (of andersom): maar één betaler mag "
                           "de korting geven.");
        if (per_year[yi] > 0 && give > 0)
            eng_add(r, when.letter, SW_ITEM_RESERVE_RELEASED, give < per_year[yi] ? give : per_year[yi]);
        if (net < 0) {
            int i = eng_index(r, when.letter), months;
            int64_t counted = iack_counted_for_bijstand(r, y0 + yi, -net, &months);

            eng_add(r, when.letter, SW_ITEM_IACK, -net);
            if (i >= 0 && r->traces) {
                struct sw_trace *t = &r->run->rows[i].trace[SW_ITEM_IACK];
                struct sw_trace calc;

                memset(&calc, 0, sizeof(calc));
                st = eng_iack_trace(r, y0 + yi, &calc, err);
                if (st)
                    return st;
                sw_trace_rule(t, "Wet IB 2001 art. 8.14a; aanslag inkomstenbelasting",
                              "de inkomensafhankelijke combinatiekorting van het jaar, min de "
                              "belasting die terug moet omdat de korting twee keer is gegeven; "
                              "ten hoogste de ingehouden loonheffing");
                sw_trace_input(t, "combinatiekorting van het jaar", iack, SW_UNIT_EUROCENT);
                sw_trace_input(t, "loonheffing ingehouden op het loon", r->wage_lh_year[yi],
                               SW_UNIT_EUROCENT);
                sw_trace_input(t, "korting twee keer gegeven", per_year[yi], SW_UNIT_EUROCENT);
                sw_trace_input(t, "telt mee als inkomen voor de bijstand (terug naar de gemeente)",
                               counted, SW_UNIT_EUROCENT);
                sw_trace_merge(t, &calc);
            }
            /* Set aside when it arrives; the municipality reclaims it the month after. */
            if (counted > 0) {
                eng_add(r, when.letter, SW_ITEM_SET_ASIDE, counted);
                eng_recovery(r, SW_RECOVERY_BIJSTAND, period, when.letter, counted,
                             when.letter + 1, when.letter + 1,
                             "Geef de teruggave van de combinatiekorting door aan de gemeente. "
                             "Die telt mee als inkomen over de maanden van dat jaar waarin u "
                             "bijstand kreeg (Participatiewet art. 32): zet dat deel apart.");
            }
        }
    }
    return SW_OK;
}
