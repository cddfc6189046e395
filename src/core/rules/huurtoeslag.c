/* huurtoeslag.c - the huurtoeslag for one month: rekenhuur, maximale huurgrens,
 * basishuur and the bands of art. 21 (Wet op de huurtoeslag art. 5-21), in the
 * 2024, 2025 and 2026 regimes that the tables' huurtoeslag.rules.* select. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "switchsim/aow.h"
#include "switchsim/money.h"
#include "switchsim/toeslagen.h"
#include "switchsim/wml.h"

/* The normhuur of art. 19 is a quadratic in the income whose exact value (to round
 * it up to whole cents as art. 19 lid 3 requires) needs more than 64 bits. */
#if !defined(__SIZEOF_INT128__)
#error "huurtoeslag.c needs a 128-bit integer type (GCC or Clang) for the exact normhuur"
#endif
__extension__ typedef __int128 wide;

/* Household types (Wht art. 2; the ouderen types exist until 2024). */
enum hh { HH_SINGLE, HH_MULTI, HH_SINGLE_AOW, HH_MULTI_AOW };
static const char *const hh_suffix[] = {"single", "multi", "single_aow", "multi_aow"};
static const char *const hh_name[] = {"eenpersoons", "meerpersoons", "eenpersoonsouderen",
                                      "meerpersoonsouderen"};

/* Bounds that keep the 128-bit normhuur formula exact: far above any real value. */
#define NH_MAX_CENTS ((int64_t)1000000000)    /* a normhuur of 10 million a month */
#define IJKPUNT_MAX_EUROS ((int64_t)100000000) /* an income point of 100 million */

const char *sw_huurtoeslag_outcome_text(enum sw_huurtoeslag_outcome o)
{
    switch (o) {
    case SW_HT_PAID: return "huurtoeslag";
    case SW_HT_UNDER_AGE: return "geen huurtoeslag: de huurder is nog niet meerderjarig";
    case SW_HT_VERMOGEN: return "geen huurtoeslag: het vermogen is hoger dan de vermogensgrens";
    case SW_HT_RENT_TOO_HIGH:
        return "geen huurtoeslag: de huur is hoger dan de maximale huurgrens";
    case SW_HT_NOTHING_LEFT:
        return "geen huurtoeslag: de eigen bijdrage is bij dit inkomen hoger dan de huur";
    case SW_HT_BELOW_MINIMUM:
        return "geen huurtoeslag: over een jaar minder dan het minimumbedrag";
    }
    return "onbekend";
}

/* The parameters that differ by household type: "<base>.<hh_suffix>", written
 * out whole (asked for every month of every year; a string constant's address
 * finds its cache slot at once). */
enum hh_param { HP_MIP, HP_MIP_REDUCTION, HP_RIP, HP_RIP_REDUCTION };
static const char *const hh_param_id[][4] = {
    [HP_MIP] = {"huurtoeslag.mip.single", "huurtoeslag.mip.multi",
                "huurtoeslag.mip.single_aow", "huurtoeslag.mip.multi_aow"},
    [HP_MIP_REDUCTION] = {"huurtoeslag.normhuur_mip_reduction.single",
                          "huurtoeslag.normhuur_mip_reduction.multi",
                          "huurtoeslag.normhuur_mip_reduction.single_aow",
                          "huurtoeslag.normhuur_mip_reduction.multi_aow"},
    [HP_RIP] = {"huurtoeslag.rip.single", "huurtoeslag.rip.multi",
                "huurtoeslag.rip.single_aow", "huurtoeslag.rip.multi_aow"},
    [HP_RIP_REDUCTION] = {"huurtoeslag.normhuur_rip_reduction.single",
                          "huurtoeslag.normhuur_rip_reduction.multi",
                          "huurtoeslag.normhuur_rip_reduction.single_aow",
                          "huurtoeslag.normhuur_rip_reduction.multi_aow"},
};

/* sw_param_t for parameter `which` of household type h. */
static sw_status param_hh(const struct sw_ctx *c, enum hh_param which, enum hh h, sw_date d,
                          int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    return sw_param_t(c, hh_param_id[which][h], d, SW_UNIT_EUROCENT, out, tr, err);
}

static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }
static int max_int(int a, int b) { return a > b ? a : b; }

/* An age from the tables as a bound of sw_huurtoeslag.same_age_lo/hi. */
static int age_bound(int64_t years)
{
    return years < INT_MIN ? INT_MIN : years > INT_MAX ? INT_MAX : (int)years;
}
static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }

/* Ceiling of num / den for den > 0 (C division truncates towards zero, which is
 * already the ceiling for a negative quotient). */
static wide wide_div_ceil(wide num, wide den)
{
    wide q = num / den;

    if (num % den != 0 && num > 0)
        q++;
    return q;
}

/* Wht art. 19 lid 2: normhuur = (a x Y^2) + (b x Y), a and b "afgeleid uit de
 * lineaire relatie tussen de bij het minimum-inkomensijkpunt behorende normhuurquote
 * en de bij het referentie-inkomensijkpunt behorende normhuurquote". With the quote
 * q = normhuur / Y linear from (MIP, nh_mip / MIP) to (RIP, nh_rip / RIP):
 *   normhuur = Y x [nh_mip x RIP x (RIP - Y) + nh_rip x MIP x (Y - MIP)]
 *              / (MIP x RIP x (RIP - MIP)),
 * which is a Y^2 + b Y with a = (q2 - q1) / (RIP - MIP), b = q1 - a x MIP. Y, MIP,
 * RIP in euros per year, normhuren in cents per month. Art. 19 lid 3: "naar boven
 * afgerond op hele eurocenten". Computed exactly; the factors the Regeling
 * publishes are rounded versions of the same a and b. */
static int64_t normhuur_quadratic(int64_t y, int64_t mip, int64_t rip, int64_t nh_mip,
                                  int64_t nh_rip)
{
    wide num = (wide)y * ((wide)nh_mip * rip * (rip - y) + (wide)nh_rip * mip * (y - mip));
    wide den = (wide)mip * rip * (rip - mip);
    wide r = wide_div_ceil(num, den);

    if (r < 0)
        return 0;
    return r > SW_MONEY_MAX ? SW_MONEY_MAX : (int64_t)r;
}

static sw_status check_amount(int64_t v, const char *field, struct sw_err *err)
{
    if (v < 0 || v > SW_MONEY_MAX)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "'%s' must be between 0 and %lld cents", field,
                          (long long)SW_MONEY_MAX);
    return SW_OK;
}

static sw_status check_facts(const struct sw_huurtoeslag_facts *f, int *persons,
                             struct sw_err *err)
{
    sw_status st;

    if ((st = check_amount(f->income, "income", err)) ||
        (st = check_amount(f->rent, "rent", err)) ||
        (st = check_amount(f->service_costs, "service_costs", err)))
        return st;
    if (f->vermogen_known && (st = check_amount(f->vermogen, "vermogen", err)))
        return st;
    *persons = f->persons ? f->persons : (f->multi ? 2 : 1);
    /* Wht art. 2: an eenpersoonshuishouden is the huurder alone; a
     * meerpersoonshuishouden has a partner or medebewoners. */
    if (!f->multi && *persons != 1)
        return sw_err_set(err, SW_ERR_INVALID, "persons",
                          "a single household has 1 person in 'persons', not %d", *persons);
    if (f->multi && (*persons < 2 || *persons > 1000))
        return sw_err_set(err, SW_ERR_INVALID, "persons",
                          "a multi-person household needs 2 to 1000 in 'persons', not %d",
                          *persons);
    return SW_OK;
}

/* Whether the oldest member has reached the AOW age on `d` (or the caller says so). */
static sw_status aow_on(const struct sw_ctx *c, const struct sw_huurtoeslag_facts *f, sw_date d,
                        bool *out, struct sw_trace *tr, struct sw_err *err)
{
    *out = f->aow;
    if (*out || f->birth == SW_NO_DATE)
        return SW_OK;
    return sw_aow_reached(c, f->birth, d, out, tr, err);
}

/* The basishuur (Wht art. 16-19; Wet verlaging eigen bijdrage huurtoeslag art. 1). */
static sw_status basishuur(const struct sw_ctx *c, sw_date date, enum hh h, bool by_income,
                           struct sw_huurtoeslag *r, struct sw_trace *tr, struct sw_err *err)
{
    int64_t nh_mip, red_mip, opslag, verlaging;
    sw_status st;

    if ((st = param_hh(c, HP_MIP, h, date, &r->mip, tr, err)) ||
        (st = sw_param_t(c, "huurtoeslag.normhuur_mip", date, SW_UNIT_EUROCENT, &nh_mip, tr,
                         err)) ||
        (st = param_hh(c, HP_MIP_REDUCTION, h, date, &red_mip, tr, err)))
        return st;
    /* Art. 17 lid 2 and 3 (and art. 19 lid 1: at or below the MIP). */
    r->normhuur = nh_mip - red_mip;
    if (by_income && r->income > r->mip) {
        int64_t rip, nh_rip, red_rip, mip_eur = r->mip / 100, rip_eur;

        if ((st = param_hh(c, HP_RIP, h, date, &rip, tr, err)) ||
            (st = sw_param_t(c, "huurtoeslag.normhuur_rip", date, SW_UNIT_EUROCENT, &nh_rip, tr,
                             err)) ||
            (st = param_hh(c, HP_RIP_REDUCTION, h, date, &red_rip, tr,
                           err)))
            return st;
        rip_eur = rip / 100;
        if (mip_eur < 1 || rip_eur <= mip_eur || rip_eur > IJKPUNT_MAX_EUROS ||
            r->normhuur < 0 || r->normhuur > NH_MAX_CENTS || nh_rip - red_rip < 0 ||
            nh_rip - red_rip > NH_MAX_CENTS)
            return sw_err_set(err, SW_ERR_TABLE, "huurtoeslag.rip",
                              "the normhuur ijkpunten for '%s' are out of range (need "
                              "0 < minimum-inkomensijkpunt < referentie-inkomensijkpunt)",
                              hh_suffix[h]);
        /* Art. 19 lid 2 and 3: above the MIP the quadratic, rounded up to cents. */
        r->normhuur = normhuur_quadratic(r->income / 100, mip_eur, rip_eur, r->normhuur,
                                         nh_rip - red_rip);
    }
    if ((st = sw_param_t(c, "huurtoeslag.opslag", date, SW_UNIT_EUROCENT, &opslag, tr, err)) ||
        (st = sw_param_t(c, "huurtoeslag.eigen_bijdrage_verlaging", date, SW_UNIT_EUROCENT,
                         &verlaging, tr, err)))
        return st;
    /* Art. 16: basishuur = normhuur + opslag; Wet verlaging eigen bijdrage
     * huurtoeslag art. 1: the basishuur is lowered by the year's amount. */
    r->basishuur = r->normhuur + opslag - verlaging;
    return SW_OK;
}

/* Art. 20 and 21: the part of the rent in each band, and (2026) the afbouw. */
static sw_status bands(const struct sw_ctx *c, sw_date date, const struct sw_huurtoeslag_facts *f,
                       bool by_income, bool band3_all, int64_t months,
                       struct sw_huurtoeslag *r, struct sw_trace *tr, struct sw_err *err)
{
    int64_t large_from, rent = r->rent_subsidised, base = r->basishuur;
    int64_t band2, band3, pct = 0, excess = 0, total;
    sw_status st;

    if ((st = sw_param_t(c, "huurtoeslag.kwaliteitskortingsgrens", date, SW_UNIT_EUROCENT,
                         &r->kwaliteitskortingsgrens, tr, err)) ||
        (st = sw_param(c, "huurtoeslag.aftoppingsgrens.large_from_persons", date,
                       SW_UNIT_COUNT, &large_from, NULL, err)))
        return st;
    /* Art. 20 lid 2: a small household, or one from the table's number of persons
     * on (huurtoeslag.aftoppingsgrens.large_from_persons). */
    if ((st = sw_param_t(c, r->persons >= large_from ? "huurtoeslag.aftoppingsgrens.large"
                                                     : "huurtoeslag.aftoppingsgrens.small",
                         date, SW_UNIT_EUROCENT, &r->aftoppingsgrens, tr, err)) ||
        (st = sw_param_t(c, "huurtoeslag.band2_percent", date, SW_UNIT_PERCENT, &r->rate_band2,
                         tr, err)))
        return st;
    r->rate_band3 = 0;
    if (band3_all) {
        st = sw_param_t(c, "huurtoeslag.band3_percent", date, SW_UNIT_PERCENT, &r->rate_band3,
                        tr, err);
    } else {
        /* Wht 2024 art. 21 lid 1 onder c: the band-3 part only when a member has reached
         * the AOW age, for a single household, or in a home adapted for a handicap. */
        bool aow = false;
        st = aow_on(c, f, date, &aow, tr, err);
        if (!st && (!f->multi || aow || f->adapted_dwelling))
            st = sw_param_t(c, "huurtoeslag.band3_percent", date, SW_UNIT_PERCENT,
                            &r->rate_band3, tr, err);
    }
    if (st)
        return st;
    /* Art. 21 lid 1 onder a: from the basishuur to the kwaliteitskortingsgrens all;
     * onder b: from there to the aftoppingsgrens the band-2 percentage; onder c:
     * above the aftoppingsgrens the band-3 percentage. Art. 21 lid 2 and 3 (to 2025):
     * a basishuur at or above a limit moves the start of the next band up to the
     * basishuur - which max(limit, basishuur) below expresses for all three cases. */
    r->part_100 = max64(0, min64(rent, r->kwaliteitskortingsgrens) - base);
    band2 = max64(0, min64(rent, r->aftoppingsgrens) - max64(r->kwaliteitskortingsgrens, base));
    band3 = max64(0, rent - max64(r->aftoppingsgrens, base));
    /* The parts as shown, each in whole cents half up. */
    r->part_65 = sw_money_rate_half_up(band2, r->rate_band2);
    r->part_40 = sw_money_rate_half_up(band3, r->rate_band3);
    r->afbouw = 0;
    if (!by_income) {
        if ((st = sw_param_t(c, f->multi ? "huurtoeslag.afbouw.multi" : "huurtoeslag.afbouw.single",
                             date, SW_UNIT_PERCENT, &pct, tr, err)))
            return st;
        /* Wht art. 21 lid 2 (2026): lowered by Y x (afbouwpercentage / 12), Y = the
         * rekeninkomen minus the minimum-inkomensijkpunt. */
        excess = max64(0, r->income - r->mip);
        r->afbouw = sw_div_half_up(excess * pct, SW_PPM_ONE * months);
    }
    /* The month amount from the exact parts, rounded once to whole cents half up:
     * the law rounds only the year amount (Awir art. 14), so no rounding of the
     * parts may move it. Common denominator ppm x months; every term is far below
     * 2^63 for amounts up to SW_MONEY_MAX. */
    total = months * (r->part_100 * SW_PPM_ONE + band2 * r->rate_band2 + band3 * r->rate_band3) -
            excess * pct;
    r->month_exact = total > 0 ? sw_div_half_up(total, SW_PPM_ONE * months) : 0;
    return SW_OK;
}

static void trace_formula(struct sw_trace *tr, const struct sw_huurtoeslag *r, bool by_income)
{
    char r2[16], r3[16];

    if (!tr)
        return;
    sw_rate_format(r2, sizeof(r2), r->rate_band2);
    sw_rate_format(r3, sizeof(r3), r->rate_band3);
    sw_trace_rule(tr, "Wet op de huurtoeslag art. 5, 13 en 16-21; Wet verlaging eigen "
                      "bijdrage huurtoeslag art. 1",
                  "basishuur = normhuur%s + opslag - verlaging eigen bijdrage; toeslag = "
                  "100%% van de rekenhuur van basishuur tot kwaliteitskortingsgrens + %s%% tot "
                  "aftoppingsgrens + %s%% daarboven%s",
                  by_income ? " (a x Y2 + b x Y boven het minimum-inkomensijkpunt, naar boven "
                              "op centen)" : "",
                  r2, r3,
                  by_income ? "" : ", tot de maximale huurgrens; min (rekeninkomen - "
                                   "minimum-inkomensijkpunt) x afbouwpercentage / 12");
}

sw_status sw_huurtoeslag_month(const struct sw_ctx *c, sw_date date,
                               const struct sw_huurtoeslag_facts *f, struct sw_huurtoeslag *out,
                               struct sw_trace *tr, struct sw_err *err)
{
    struct sw_huurtoeslag r;
    int64_t months, flag, service_max;
    int age = 0;   /* of the oldest member on `date`, when f->birth is known */
    bool ouderen, by_income, excludes, band3_all;
    enum hh h;
    sw_status st;

    memset(&r, 0, sizeof(r));
    if ((st = check_facts(f, &r.persons, err)))
        return st;
    /* Which regime: structural switches, not amounts (kept out of the trace). */
    if ((st = sw_param(c, "huurtoeslag.rules.ouderen_types", date, SW_UNIT_BOOL, &flag, NULL,
                       err)))
        return st;
    ouderen = flag != 0;
    if ((st = sw_param(c, "huurtoeslag.rules.normhuur_by_income", date, SW_UNIT_BOOL, &flag,
                       NULL, err)))
        return st;
    by_income = flag != 0;
    if ((st = sw_param(c, "huurtoeslag.rules.max_rent_excludes", date, SW_UNIT_BOOL, &flag,
                       NULL, err)))
        return st;
    excludes = flag != 0;
    if ((st = sw_param(c, "huurtoeslag.rules.band3_all_households", date, SW_UNIT_BOOL, &flag,
                       NULL, err)))
        return st;
    band3_all = flag != 0;
    if ((st = sw_param(c, "awir.months_per_year", date, SW_UNIT_MONTHS, &months, NULL, err)))
        return st;
    if (months < 1 || months > 12)
        return sw_err_set(err, SW_ERR_TABLE, "awir.months_per_year",
                          "'awir.months_per_year' must be from 1 to 12");
    /* Awir art. 8 and Wht art. 1 onder i: the rekeninkomen in whole euros. */
    r.income = sw_money_floor_euros(f->income);
    r.max_rent_excludes = excludes;
    h = f->multi ? HH_MULTI : HH_SINGLE;
    if (ouderen) {
        /* Wht 2024 art. 2 onder c and d: an ouderenhuishouden when a member has
         * reached the AOW age on 1 January of the berekeningsjaar. */
        int y, m, d;
        sw_date jan1;
        bool aow = false;
        sw_date_to_ymd(date, &y, &m, &d);
        if (!sw_date_from_ymd(&jan1, y, 1, 1))
            return sw_err_set(err, SW_ERR_INVALID, "date", "date out of range");
        if ((st = aow_on(c, f, jan1, &aow, tr, err)))
            return st;
        if (aow)
            h = f->multi ? HH_MULTI_AOW : HH_SINGLE_AOW;
    }
    r.household_type = hh_name[h];

    /* Wht art. 8: only for a huurder of age. The oldest member's birth date is what
     * we know; if the oldest is a minor, so is the huurder. */
    r.same_age_lo = INT_MIN;
    r.same_age_hi = INT_MAX;
    if (f->birth != SW_NO_DATE) {
        int64_t min_age;
        struct sw_value_info info;
        if ((st = sw_param(c, "huurtoeslag.min_age", date, SW_UNIT_YEARS, &min_age, &info, err)))
            return st;
        age = sw_age_on(f->birth, date);
        if (age < min_age) {
            sw_trace_param(tr, &info);  /* traced only where it decides */
            r.outcome = SW_HT_UNDER_AGE;
            r.same_age_hi = age_bound(min_age);
            goto done;
        }
        r.same_age_lo = age_bound(min_age);
    }
    /* Awir art. 7 lid 3 (Wht art. 7 lid 1): no toeslag above the vermogensgrens. */
    if (f->vermogen_known) {
        int64_t grens;
        if ((st = sw_param_t(c, f->partner ? "awir.vermogensgrens.partner"
                                           : "awir.vermogensgrens.single",
                             date, SW_UNIT_EUROCENT, &grens, tr, err)))
            return st;
        if (f->vermogen > grens) {
            r.outcome = SW_HT_VERMOGEN;
            goto done;
        }
    }

    /* Wht art. 5: rekenhuur = huurprijs + the subsidiable service costs (art. 5 lid 3:
     * four kinds, each at most huurtoeslag.service_costs_max); from 2026 the
     * huurprijs alone (the table's maximum is then nil). */
    if ((st = sw_param_t(c, "huurtoeslag.service_costs_max", date, SW_UNIT_EUROCENT,
                         &service_max, f->service_costs ? tr : NULL, err)))
        return st;
    r.service_costs = min64(f->service_costs, service_max);
    r.rekenhuur = f->rent + r.service_costs;

    /* Wht art. 13 lid 1: the maximale huurgrens is the high one when someone in the
     * household has reached the youth age, a child lives there, or a young member
     * has a handicap; the low one otherwise. */
    {
        int64_t young_age;
        bool high;
        if ((st = sw_param(c, "huurtoeslag.young_age", date, SW_UNIT_YEARS, &young_age, NULL,
                           err)))
            return st;
        high = f->birth == SW_NO_DATE || age >= young_age || f->child || f->handicap;
        if (f->birth != SW_NO_DATE && !f->child && !f->handicap) {
            if (age >= young_age)
                r.same_age_lo = max_int(r.same_age_lo, age_bound(young_age));
            else
                r.same_age_hi = age_bound(young_age);
        }
        if ((st = sw_param_t(c, high ? "huurtoeslag.max_rent" : "huurtoeslag.max_rent_young",
                             date, SW_UNIT_EUROCENT, &r.max_rent, tr, err)))
            return st;
    }
    r.rent_subsidised = r.rekenhuur;
    if (r.rekenhuur > r.max_rent) {
        if (excludes) {
            /* Art. 13 lid 1: no toeslag, unless lid 2: an adapted home (a), a home for
             * a household of at least the table's size (b), or toeslag granted before for this
             * home (c) - then lid 3: the rent above the limit does not count. */
            int64_t exempt_persons;
            if ((st = sw_param(c, "huurtoeslag.max_rent_exempt_persons", date, SW_UNIT_COUNT,
                               &exempt_persons, NULL, err)))
                return st;
            if (!f->adapted_dwelling && r.persons < exempt_persons && !f->earlier_toeslag) {
                r.outcome = SW_HT_RENT_TOO_HIGH;
                goto done;
            }
        }
        /* Art. 13 lid 3 (to 2025), art. 21 lid 1 onder d (2026): the part of the
         * rekenhuur above the maximale huurgrens is not subsidised. */
        r.rent_subsidised = r.max_rent;
    }

    if ((st = basishuur(c, date, h, by_income, &r, tr, err)) ||
        (st = bands(c, date, f, by_income, band3_all, months, &r, tr, err)))
        return st;
    if (r.month_exact == 0) {
        r.outcome = SW_HT_NOTHING_LEFT;
        goto done;
    }
    /* Awir art. 14 on a whole year in this situation. */
    if ((st = sw_awir_year_amount(c, date, r.month_exact * months, 1, &r.year_amount, tr, err)))
        return st;
    if (r.year_amount == 0) {
        r.outcome = SW_HT_BELOW_MINIMUM;
        goto done;
    }
    /* The monthly advance is paid in whole euros, the cents dropped: this reproduces
     * all 16 rows of the published 2025 table (e.g. 414,99 -> 414), where rounding
     * the year first would give 415. Practice of the Dienst Toeslagen, not law. */
    r.month_amount = sw_money_floor_euros(r.month_exact);
    r.outcome = SW_HT_PAID;

done:
    trace_formula(tr, &r, by_income);
    sw_trace_input(tr, "rekeninkomen", r.income, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "rekenhuur", r.rekenhuur, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "basishuur", r.basishuur, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "personen", r.persons, SW_UNIT_COUNT);
    sw_trace_input(tr, "huurtoeslag per maand (in centen)", r.month_exact, SW_UNIT_EUROCENT);
    *out = r;
    return SW_OK;
}
