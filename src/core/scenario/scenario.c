/* scenario.c - parse and validate scenario JSON (version 1) into struct sw_scenario:
 * every field with its type, range and meaning, then the consistency of the
 * whole; each problem with its JSON path. The reading of JSON values (exact
 * numbers, safe echoes) is in scenario_read.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "scenario_read.h"

static const char *const compositions[] = {"single", "couple", "single_parent", NULL};
static const char *const job_kinds[] = {"beschut", "banenafspraak", "regulier", NULL};
static const char *const partner_kinds[] = {"none", "work", "benefit", NULL};
static const char *const debt_regimes[] = {"none", "beslag", "wsnp", NULL};

const char *sw_debt_regime_name(enum sw_debt_regime r)
{
    return debt_regimes[r];
}

const char *sw_composition_name(enum sw_composition c)
{
    return compositions[c];
}

const char *sw_job_kind_name(enum sw_job_kind k)
{
    return job_kinds[k];
}

const char *sw_partner_income_kind_name(enum sw_partner_income_kind k)
{
    return partner_kinds[k];
}

void sw_scenario_init(struct sw_scenario *s)
{
    memset(s, 0, sizeof(*s));
    s->version = 1;
    s->months = 24;   /* structural: the default horizon of two years, CONTRACT.md */
    s->household.composition = SW_HH_SINGLE;
    s->household.birth = SW_NO_DATE;
    s->household.partner_birth = SW_NO_DATE;
    s->household.partner_income.net = -1;
    s->household.partner_income.from = SW_NO_DATE;
    s->household.partner_income.loonheffingskorting = true;
    s->before.benefit = SW_BEFORE_PARTICIPATIEWET;
    s->before.wajong_regime = SW_WAJONG_2010;
    s->before.wajong_arbeidsvermogen = true;
    s->before.wajong_loonheffingskorting = true;
    s->household.debts.from = SW_NO_DATE;
    s->household.debts.until = SW_NO_DATE;
    s->job.kind = SW_JOB_REGULIER;
    s->job.trial_start = s->job.trial_end = SW_NO_DATE;
    s->job.start = SW_NO_DATE;
    s->job.end = SW_NO_DATE;
    s->job.hourly_wage = -1;
    s->job.holiday_pay = SW_HOLIDAY_YEARLY;
    s->job.pay_day = 25;   /* structural: the default pay day when the job gives none */
    s->job.pay_frequency = SW_PAY_MONTHLY;
    s->job.first_pay_date = SW_NO_DATE;
    s->job.year_end_bonus_month = 12;
    s->job.loonheffingskorting = true;
    s->job.dagbesteding_until = SW_NO_DATE;
    s->settlement.method = SW_SETTLE_DEFAULT;
    s->settlement.municipality_applies_korting = true;
    s->settlement.offset_holiday_allowance = -1;
    s->settlement.instalment_ppm = -1;
    s->toeslagen.zorgtoeslag = true;
    s->toeslagen.huurtoeslag = true;
    s->toeslagen.kindgebonden_budget = true;
    s->toeslagen.estimate_updated = -1;
}

/* household.partner_income: the partner's own work or benefit (art. 32 Pw: the
 * couple's means are both partners' incomes). */
static void read_partner_income(struct rd *r, const cJSON *p, struct sw_scenario *s)
{
    static const char *const keys[] = {"kind", "gross_per_month", "net_per_month", "from",
                                       "loonheffingskorting", NULL};
    const char *path = "household.partner_income";
    int k;

    rd_check_keys(r, p, path, keys);
    k = rd_read_enum(r, p, path, "kind", partner_kinds, -1, true);
    if (k >= 0)
        s->household.partner_income.kind = (enum sw_partner_income_kind)k;
    /* Up to 20 000 euro a month: anything more is a typo, not an income. */
    rd_read_int(r, p, path, "gross_per_month", 0, 2000000,   /* structural: typo guard */
                k > SW_PARTNER_NONE, &s->household.partner_income.gross);
    rd_read_int(r, p, path, "net_per_month", 0, 2000000, false,   /* structural: as above */
                &s->household.partner_income.net);
    rd_read_date(r, p, path, "from", false, &s->household.partner_income.from);
    rd_read_bool(r, p, path, "loonheffingskorting",
                 &s->household.partner_income.loonheffingskorting);
}

/* household.debts: beslag on income (beslagvrije voet) or the Wsnp (vrij te
 * laten bedrag), from and until when, and for a beslag what is owed. */
static void read_debts(struct rd *r, const cJSON *p, struct sw_scenario *s)
{
    static const char *const keys[] = {"regime", "from", "until", "amount", NULL};
    const char *path = "household.debts";
    int k;

    rd_check_keys(r, p, path, keys);
    k = rd_read_enum(r, p, path, "regime", debt_regimes, -1, true);
    if (k >= 0)
        s->household.debts.regime = (enum sw_debt_regime)k;
    rd_read_date(r, p, path, "from", false, &s->household.debts.from);
    rd_read_date(r, p, path, "until", false, &s->household.debts.until);
    /* Up to 10 million euro: anything more is a typo, not a debt. */
    rd_read_int(r, p, path, "amount", 0, 1000000000, false,   /* structural: typo guard */
                &s->household.debts.amount);
}

/* Returns false when household.rent was given and refused: what follows from
 * the rent (huurtoeslag) is then not judged again. */
static bool read_household(struct rd *r, const cJSON *h, struct sw_scenario *s)
{
    static const char *const keys[] = {"composition", "birth_date", "partner_birth_date",
                                       "children_birth_dates", "cost_sharers", "rent",
                                       "medical_hour_limit", "partner_income", "vermogen",
                                       "debts", NULL};
    const cJSON *kids, *pi, *debts;
    int c;
    int64_t v;
    bool rent_ok;

    rd_check_keys(r, h, "household", keys);
    c = rd_read_enum(r, h, "household", "composition", compositions, -1, true);
    if (c >= 0)
        s->household.composition = (enum sw_composition)c;
    rd_read_date(r, h, "household", "birth_date", true, &s->household.birth);
    rd_read_date(r, h, "household", "partner_birth_date", false, &s->household.partner_birth);
    kids = rd_get(h, "children_birth_dates");
    if (!rd_is_absent(kids)) {
        if (!cJSON_IsArray(kids)) {
            rd_problem(r, "household.children_birth_dates", "must be a list of dates");
        } else if (cJSON_GetArraySize(kids) > SW_SCENARIO_MAX_CHILDREN) {
            rd_problem(r, "household.children_birth_dates", "at most %d children",
                    SW_SCENARIO_MAX_CHILDREN);
        } else {
            size_t i = 0;
            for (const cJSON *k = kids->child; k; k = k->next, i++) {
                char f[160];
                enum sw_date_problem why;
                snprintf(f, sizeof(f), "household.children_birth_dates[%zu]", i);
                if (!cJSON_IsString(k) || !k->valuestring) {
                    rd_problem(r, f, "must be a date (YYYY-MM-DD) in a string");
                    continue;
                }
                why = sw_date_check(&s->household.children[s->household.n_children],
                                    k->valuestring);
                if (why != SW_DATE_OK)
                    rd_date_problem(r, f, k->valuestring, why, false);
                else
                    s->household.n_children++;
            }
        }
    }
    v = 0;
    if (rd_read_int(r, h, "household", "cost_sharers", 0, 10, false, &v))
        s->household.cost_sharers = (int)v;
    /* Rent up to 10 000 euro a month: anything more is a typo, not a rent. */
    rent_ok = rd_read_int(r, h, "household", "rent", 0, 1000000, false, &s->household.rent);
    rd_read_bool(r, h, "household", "medical_hour_limit", &s->household.medical_hour_limit);
    /* Up to 100 million euro; absent: no vermogensgrens is checked. */
    if (!rd_is_absent(rd_get(h, "vermogen")) &&
        rd_read_int(r, h, "household", "vermogen", 0, 10000000000, false,   /* structural: typo guard */
                    &s->household.vermogen))
        s->household.vermogen_known = true;
    pi = rd_read_object(r, h, "household", "partner_income", false);
    if (pi)
        read_partner_income(r, pi, s);
    debts = rd_read_object(r, h, "household", "debts", false);
    if (debts)
        read_debts(r, debts, s);
    return rent_ok;
}

static void read_loonwaarde(struct rd *r, const cJSON *arr, struct sw_scenario *s)
{
    static const char *const keys[] = {"from", "percent", "forfaitair", NULL};
    size_t i = 0;

    if (!cJSON_IsArray(arr)) {
        rd_problem(r, "job.loonwaarde", "must be a list of {from, percent}");
        return;
    }
    if (cJSON_GetArraySize(arr) > SW_SCENARIO_MAX_LOONWAARDE) {
        rd_problem(r, "job.loonwaarde", "at most %d periods", SW_SCENARIO_MAX_LOONWAARDE);
        return;
    }
    for (const cJSON *p = arr->child; p; p = p->next, i++) {
        char path[64];
        struct sw_loonwaarde_period lw = {0, 0, false};
        bool ok = true;

        snprintf(path, sizeof(path), "job.loonwaarde[%zu]", i);
        if (!cJSON_IsObject(p)) {
            rd_problem(r, path, "must be an object {from, percent}");
            continue;
        }
        ok &= rd_check_keys(r, p, path, keys);
        ok &= rd_read_date(r, p, path, "from", true, &lw.from);
        /* percent 0-100 with up to 2 decimals -> ppm (x 10 000) */
        {
            int64_t pct;
            if (rd_read_decimal(r, p, path, "percent", 2, 0, SW_SCENARIO_PERCENT_MAX_X100, true,
                                &pct))
                lw.percent = pct * 100;
            else
                ok = false;
        }
        ok &= rd_read_bool(r, p, path, "forfaitair", &lw.forfaitair);
        if (ok && s->job.n_loonwaarde > 0 &&
            lw.from <= s->job.loonwaarde[s->job.n_loonwaarde - 1].from) {
            char f[80];
            snprintf(f, sizeof(f), "%s.from", path);
            rd_problem(r, f, "periods must be in date order");
            ok = false;
        }
        /* Field by field: the padding of s (zeroed by sw_scenario_init) stays
         * zero, so that scenarios compare by their bytes (engine.c, baseline_fits). */
        if (ok) {
            struct sw_loonwaarde_period *to = &s->job.loonwaarde[s->job.n_loonwaarde++];
            to->from = lw.from;
            to->percent = lw.percent;
            to->forfaitair = lw.forfaitair;
        }
    }
}

static void read_job(struct rd *r, const cJSON *j, struct sw_scenario *s)
{
    static const char *const keys[] = {"kind", "trial_start", "trial_end", "start", "end",
                                       "hours_per_week", "hourly_wage", "holiday_pay",
                                       "loonwaarde", "loonheffingskorting",
                                       "dagbesteding_until", "doelgroep_loonkostensubsidie",
                                       "more_hours_not_possible", NULL};
    static const char *const holiday[] = {"may", "monthly", NULL};
    const cJSON *lw;
    int k;

    {
        /* The job's own keys and its pay keys (scenario_pay.c). */
        const char *all[32];
        size_t n = 0;
        for (size_t i = 0; keys[i]; i++)
            all[n++] = keys[i];
        for (size_t i = 0; scn_job_pay_keys[i]; i++)
            all[n++] = scn_job_pay_keys[i];
        all[n] = NULL;
        rd_check_keys(r, j, "job", all);
    }
    k = rd_read_enum(r, j, "job", "kind", job_kinds, -1, true);
    if (k >= 0)
        s->job.kind = (enum sw_job_kind)k;
    rd_read_date(r, j, "job", "trial_start", false, &s->job.trial_start);
    rd_read_date(r, j, "job", "trial_end", false, &s->job.trial_end);
    rd_read_date(r, j, "job", "start", true, &s->job.start);
    rd_read_date(r, j, "job", "end", false, &s->job.end);
    rd_read_decimal(r, j, "job", "hours_per_week", 2, SW_SCENARIO_HOURS_MIN_X100,
                    SW_SCENARIO_HOURS_MAX_X100, true, &s->job.hours_x100);
    rd_read_int(r, j, "job", "hourly_wage", 1, 100000, false, &s->job.hourly_wage);
    k = rd_read_enum(r, j, "job", "holiday_pay", holiday, 0, false);
    if (k >= 0)
        s->job.holiday_pay = (enum sw_holiday_timing)k;
    scn_read_job_pay(r, j, s);
    lw = rd_get(j, "loonwaarde");
    if (!rd_is_absent(lw))
        read_loonwaarde(r, lw, s);
    rd_read_bool(r, j, "job", "loonheffingskorting", &s->job.loonheffingskorting);
    rd_read_date(r, j, "job", "dagbesteding_until", false, &s->job.dagbesteding_until);
    /* Loonkostensubsidie (art. 10d Pw) is only for the doelgroep: a job with a
     * loonwaarde is taken as such unless said otherwise. */
    s->job.lks_doelgroep = s->job.n_loonwaarde > 0;
    rd_read_bool(r, j, "job", "doelgroep_loonkostensubsidie", &s->job.lks_doelgroep);
    rd_read_bool(r, j, "job", "more_hours_not_possible", &s->job.no_more_hours);
}

/* Why the tables refuse an override, in words that repeat nothing of it. */
static const char *override_refusal(const char *msg)
{
    if (strstr(msg, "unknown parameter"))
        return "unknown parameter";
    if (strstr(msg, "cannot be overridden"))
        return "the tables do not allow overriding this parameter";
    return "not a valid value for this parameter";
}

static void read_overrides(struct rd *r, const cJSON *o, struct sw_scenario *s)
{
    for (const cJSON *a = o->child; a; a = a->next) {
        char f[160], text[64];
        struct sw_err e;
        struct sw_scenario_override *ov;
        const struct num_text *nt;

        rd_join(f, sizeof(f), "overrides", a->string ? a->string : "");
        if (s->n_overrides >= SW_SCENARIO_MAX_OVERRIDES) {
            rd_problem(r, "overrides", "at most %d overrides", SW_SCENARIO_MAX_OVERRIDES);
            return;
        }
        if (!a->string || strlen(a->string) >= sizeof(ov->id)) {
            rd_problem(r, f, "parameter id too long");
            continue;
        }
        for (size_t i = 0; i < s->n_overrides; i++)
            if (strcmp(s->overrides[i].id, a->string) == 0)
                rd_problem(r, f, "field given twice");
        if (cJSON_IsString(a) && a->valuestring && strlen(a->valuestring) < sizeof(text)) {
            snprintf(text, sizeof(text), "%s", a->valuestring);
        } else if ((nt = rd_number_text(r, a)) != NULL) {
            /* Exactly as written, to a millionth, as a plain decimal: 25,
             * 12.5 and 1.25e1 all read "12.5" or "25"; the unit's own decimal
             * limit and range apply in the tables' parse. */
            int64_t x = 0;
            enum num_problem p = rd_exact_number(nt->text, nt->len, 6, &x);   /* unit: ppm */
            switch (p) {
            case NUM_OK:
                rd_format_scaled(text, sizeof(text), x, 6);   /* unit: ppm */
                break;
            case NUM_SYNTAX:
            case NUM_LEADING_ZERO:
                rd_not_a_number(r, f, nt, p);
                continue;
            case NUM_DECIMALS:
            case NUM_RANGE:
                rd_problem(r, f, "not a valid value for this parameter");
                continue;
            }
        } else {
            rd_problem(r, f, "must be a number");
            continue;
        }
        ov = &s->overrides[s->n_overrides];
        snprintf(ov->id, sizeof(ov->id), "%s", a->string);
        if (sw_tables_parse_override(r->t, ov->id, text, f, &ov->amount, &e) != SW_OK) {
            rd_problem(r, f, "%s", override_refusal(e.msg));
            continue;
        }
        s->n_overrides++;
    }
}

/* The age from which the Participatiewet gives a right to bijstand on `date`
 * (art. 13 lid 1 onder f: participatiewet.age.min, carried forward past the
 * published values as the rules do); -1 when the tables have none then (the
 * rules refuse such a month themselves, naming the parameter). */
static int64_t bijstand_min_age(const struct rd *r, sw_date date)
{
    struct sw_ctx c;
    struct sw_err e;
    int64_t age;

    if (!r->t)
        return -1;
    sw_ctx_init(&c, r->t, false);
    return sw_param(&c, "participatiewet.age.min", date, SW_UNIT_YEARS, &age, NULL, &e) == SW_OK
               ? age
               : -1;
}

/* Consistency between fields, once each field is valid on its own. */
static void check_consistency(struct rd *r, struct sw_scenario *s)
{
    sw_date first = sw_month_first_day(s->start_month);
    int64_t min_age = -1;
    int age;

    if (s->household.birth != SW_NO_DATE || s->household.partner_birth != SW_NO_DATE)
        min_age = bijstand_min_age(r, first);
    if (s->household.birth != SW_NO_DATE) {
        age = sw_age_on(s->household.birth, first);
        if (age < 0)
            rd_problem(r, "household.birth_date", "after the start month");
        else if (age < min_age)
            rd_problem(r, "household.birth_date",
                    "the resident is %d: the Participatiewet applies from %lld", age,
                    (long long)min_age);
        else if (age > 120)   /* structural: no one lives that long */
            rd_problem(r, "household.birth_date", "an age of %d is not plausible", age);
    }
    if (s->household.composition == SW_HH_COUPLE && s->household.partner_birth == SW_NO_DATE)
        rd_problem(r, "household.partner_birth_date", "missing: a couple needs both birth dates");
    if (s->household.composition != SW_HH_COUPLE && s->household.partner_birth != SW_NO_DATE)
        rd_problem(r, "household.partner_birth_date", "only for a couple");
    if (s->household.partner_birth != SW_NO_DATE &&
        sw_age_on(s->household.partner_birth, first) < min_age)
        rd_problem(r, "household.partner_birth_date", "the partner must be %lld or older",
                   (long long)min_age);
    if (s->household.partner_income.kind != SW_PARTNER_NONE &&
        s->household.composition != SW_HH_COUPLE)
        rd_problem(r, "household.partner_income", "only for a couple");
    if (s->household.partner_income.net > s->household.partner_income.gross &&
        s->household.partner_income.kind != SW_PARTNER_NONE)
        rd_problem(r, "household.partner_income.net_per_month", "more than gross_per_month");
    if (s->household.partner_income.kind == SW_PARTNER_BENEFIT && s->household.partner_income.net < 0)
        rd_problem(r, "household.partner_income.net_per_month",
                   "missing: a benefit needs its net amount (from the payer's letter)");
    if (s->household.partner_income.kind == SW_PARTNER_NONE &&
        (s->household.partner_income.gross > 0 || s->household.partner_income.net > 0))
        rd_problem(r, "household.partner_income.gross_per_month",
                   "an amount needs kind work or benefit");
    if (s->household.debts.from != SW_NO_DATE && s->household.debts.until != SW_NO_DATE &&
        s->household.debts.until < s->household.debts.from)
        rd_problem(r, "household.debts.until", "before household.debts.from");
    if (s->household.debts.amount > 0 && s->household.debts.regime != SW_DEBTS_BESLAG)
        rd_problem(r, "household.debts.amount",
                   "only with regime beslag (in the Wsnp the income above the vrij te laten "
                   "bedrag goes to the boedel whatever is owed)");
    if (s->household.composition == SW_HH_SINGLE_PARENT && s->household.n_children == 0)
        rd_problem(r, "household.children_birth_dates",
                "a single parent needs at least one child's birth date");
    for (size_t i = 0; i < s->household.n_children; i++) {
        if (s->household.children[i] > first) {
            char f[64];
            snprintf(f, sizeof(f), "household.children_birth_dates[%zu]", i);
            rd_problem(r, f, "after the start month");
        }
    }
    if (s->job.start == SW_NO_DATE)
        return;
    if (sw_month_of(s->job.start) < s->start_month)
        rd_problem(r, "job.start", "before the start month: the simulation starts on bijstand");
    if (sw_month_of(s->job.start) >= s->start_month + s->months)
        rd_problem(r, "job.start", "after the last month shown");
    if (s->job.end != SW_NO_DATE && s->job.end < s->job.start)
        rd_problem(r, "job.end", "before job.start");
    if ((s->job.trial_start == SW_NO_DATE) != (s->job.trial_end == SW_NO_DATE))
        rd_problem(r, s->job.trial_start == SW_NO_DATE ? "job.trial_start" : "job.trial_end",
                "a trial needs both trial_start and trial_end");
    if (s->job.trial_start != SW_NO_DATE && s->job.trial_end != SW_NO_DATE) {
        if (s->job.trial_end < s->job.trial_start)
            rd_problem(r, "job.trial_end", "before job.trial_start");
        else if (s->job.trial_end >= s->job.start)
            rd_problem(r, "job.trial_end", "the trial must end before job.start");
        if (sw_month_of(s->job.trial_start) < s->start_month)
            rd_problem(r, "job.trial_start", "before the start month");
    }
    scn_check_job_pay(r, s);
    if (s->job.n_loonwaarde > 0 && s->job.loonwaarde[0].from > s->job.start)
        rd_problem(r, "job.loonwaarde[0].from", "the first period must start at job.start");
    if (s->job.dagbesteding_until != SW_NO_DATE &&
        sw_month_of(s->job.dagbesteding_until) < s->start_month)
        rd_problem(r, "job.dagbesteding_until", "before the start month");
    if (s->toeslagen.estimate_updated >= 0 &&
        (s->toeslagen.estimate_updated < s->start_month ||
         s->toeslagen.estimate_updated >= s->start_month + s->months))
        rd_problem(r, "toeslagen.estimate_updated", "outside the months shown");
}

static const char *const benefit_names[] = {"participatiewet", "wajong", NULL};
static const char *const regime_names[] = {"owajong", "wajong2010", "wajong2015", NULL};

const char *sw_before_benefit_name(enum sw_before_benefit b)
{
    return (unsigned)b < 2 ? benefit_names[b] : "";
}

const char *sw_wajong_regime_name(enum sw_wajong_regime w)
{
    return (unsigned)w < 3 ? regime_names[w] : "";   /* structural: the names above */
}

/* before: the benefit before the job; for the Wajong its regime, arbeidsvermogen
 * and who applies the loonheffingskorting. The Wajong with income from work is in
 * the tables for every regime with and without arbeidsvermogen (from 2021:
 * art. 1a:4, 2:46 and 3:8b Wet Wajong; tables/wajong.xml); the Wajong 2015 is
 * only for those without it, so arbeidsvermogen true with it is refused. */
static void read_before(struct rd *r, const cJSON *o, struct sw_scenario *out)
{
    static const char *const keys[] = {"benefit", "dagbesteding_dagdelen_per_week",
                                       "wajong_regime", "wajong_arbeidsvermogen",
                                       "wajong_loonheffingskorting", NULL};
    static const char *const wajong_keys[] = {"wajong_regime", "wajong_arbeidsvermogen",
                                              "wajong_loonheffingskorting", NULL};
    int64_t v = 0;
    int k;

    rd_check_keys(r, o, "before", keys);
    k = rd_read_enum(r, o, "before", "benefit", benefit_names, 0, false);
    if (k >= 0)
        out->before.benefit = (enum sw_before_benefit)k;
    if (rd_read_int(r, o, "before", "dagbesteding_dagdelen_per_week", 0, 10, false, &v))
        out->before.dagbesteding_dagdelen = (int)v;
    if (out->before.benefit != SW_BEFORE_WAJONG) {
        for (size_t i = 0; wajong_keys[i]; i++)
            if (!rd_is_absent(rd_get(o, wajong_keys[i]))) {
                char f[64];
                snprintf(f, sizeof(f), "before.%s", wajong_keys[i]);
                rd_problem(r, f, "only with \"benefit\": \"wajong\"");
            }
        return;
    }
    k = rd_read_enum(r, o, "before", "wajong_regime", regime_names, -1, false);
    if (k >= 0)
        out->before.wajong_regime = (enum sw_wajong_regime)k;
    rd_read_bool(r, o, "before", "wajong_arbeidsvermogen", &out->before.wajong_arbeidsvermogen);
    rd_read_bool(r, o, "before", "wajong_loonheffingskorting",
                 &out->before.wajong_loonheffingskorting);
    if (out->before.wajong_regime == SW_WAJONG_2015) {
        /* Wajong 2015 (hoofdstuk 1a) is only for those with duurzaam geen
         * arbeidsvermogen. */
        if (!rd_is_absent(rd_get(o, "wajong_arbeidsvermogen")) &&
            out->before.wajong_arbeidsvermogen)
            rd_problem(r, "before.wajong_arbeidsvermogen",
                       "Wajong 2015 is only for those without arbeidsvermogen: leave it out "
                       "or false");
        out->before.wajong_arbeidsvermogen = false;
    }
}

void sw_scenario_ctx(struct sw_ctx *c, const struct sw_tables *t, const struct sw_scenario *s,
                     struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES])
{
    sw_ctx_init(c, t, s->strict);
    for (size_t i = 0; i < s->n_overrides; i++) {
        ov[i].id = s->overrides[i].id;
        ov[i].amount = s->overrides[i].amount;
    }
    c->municipality = s->municipality[0] ? s->municipality : NULL;
    c->overrides = ov;
    c->n_overrides = s->n_overrides;
}

sw_status sw_scenario_parse(struct sw_scenario *out, const struct sw_tables *t,
                            const char *json, size_t len, struct sw_problems *problems,
                            struct sw_err *err)
{
    static const char *const top_keys[] = {"version", "start_month", "months", "municipality",
                                           "household", "before", "job", "settlement",
                                           "toeslagen", "overrides", "project_unpublished",
                                           "strict", NULL};
    static const char *const settle_keys[] = {"benefit_pay_day", "method",
                                              "municipality_applies_korting",
                                              "offset_holiday_allowance", "instalment_percent",
                                              NULL};
    static const char *const settle_methods[] = {"advance", "in_arrears", "op_de_maand",
                                                 "achteraf", "schatten", "voorschot", NULL};
    static const char *const toeslag_keys[] = {"zorgtoeslag", "huurtoeslag", "estimate_updated",
                                               "kindgebonden_budget", NULL};
    struct sw_problems local;
    struct rd r;
    cJSON *root = NULL;
    bool nomem = false;
    const cJSON *o;
    const char *s;
    int64_t v;
    bool huur_given, rent_known;

    if (!problems)
        problems = &local;
    /* Only items[0..n) are ever read: no need to clear the rest. */
    problems->n = 0;
    problems->truncated = false;
    sw_err_clear(err);
    memset(&r, 0, sizeof(r));
    r.pr = problems;
    r.first = err;
    r.t = t;
    sw_scenario_init(out);

    if (len > SW_SCENARIO_MAX_BYTES)
        return sw_err_set(err, SW_ERR_TOO_BIG, "", "scenario larger than %d bytes",
                          SW_SCENARIO_MAX_BYTES);
    root = rd_open_object(&r, json, len, "the scenario", &nomem);
    if (nomem) {
        free(r.nums);
        return SW_ERR_NOMEM;
    }
    if (!root)
        goto out;
    rd_check_keys(&r, root, "", top_keys);
    v = 0;
    if (rd_read_int(&r, root, "", "version", 1, 1, true, &v))
        out->version = (int)v;
    rd_read_month(&r, root, "", "start_month", true, &out->start_month);
    v = out->months;
    if (rd_read_int(&r, root, "", "months", 1, SW_SCENARIO_MAX_MONTHS, false, &v))
        out->months = (int)v;
    s = rd_read_str(&r, root, "", "municipality", false);
    if (s) {
        size_t n = strlen(s), ok = n > 0 && n < sizeof(out->municipality);
        for (size_t i = 0; ok && i < n; i++)
            ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
        if (!ok)
            rd_problem(&r, "municipality", "not a municipality id (lowercase letters, digits, _)");
        else if (!sw_tables_has_municipality(t, s))
            rd_problem(&r, "municipality", "no table for municipality '%s'", s);
        else
            snprintf(out->municipality, sizeof(out->municipality), "%s", s);
    }
    o = rd_read_object(&r, root, "", "household", true);
    rent_known = o && read_household(&r, o, out);
    o = rd_read_object(&r, root, "", "before", false);
    if (o)
        read_before(&r, o, out);
    o = rd_read_object(&r, root, "", "job", true);
    if (o)
        read_job(&r, o, out);
    o = rd_read_object(&r, root, "", "settlement", false);
    if (o) {
        int m;
        rd_check_keys(&r, o, "settlement", settle_keys);
        v = 0;
        if (rd_read_int(&r, o, "settlement", "benefit_pay_day", 1, 31,   /* calendar: days */
                        false, &v))
            out->settlement.benefit_pay_day = (int)v;
        m = rd_read_enum(&r, o, "settlement", "method", settle_methods, -1, false);
        if (m >= 0)
            out->settlement.method = (enum sw_settlement_method)(m + SW_SETTLE_ADVANCE);
        rd_read_bool(&r, o, "settlement", "municipality_applies_korting",
                  &out->settlement.municipality_applies_korting);
        if (!rd_is_absent(rd_get(o, "offset_holiday_allowance"))) {
            bool b = false;
            if (rd_read_bool(&r, o, "settlement", "offset_holiday_allowance", &b))
                out->settlement.offset_holiday_allowance = b;
        }
        /* percent of the norm, 0-100 with up to 2 decimals -> ppm */
        v = -1;
        if (rd_read_decimal(&r, o, "settlement", "instalment_percent", 2, 0, 10000, false, &v) &&
            v >= 0)
            out->settlement.instalment_ppm = v * 100;
    }
    huur_given = false;
    o = rd_read_object(&r, root, "", "toeslagen", false);
    if (o) {
        rd_check_keys(&r, o, "toeslagen", toeslag_keys);
        rd_read_bool(&r, o, "toeslagen", "zorgtoeslag", &out->toeslagen.zorgtoeslag);
        huur_given = !rd_is_absent(rd_get(o, "huurtoeslag"));
        rd_read_bool(&r, o, "toeslagen", "huurtoeslag", &out->toeslagen.huurtoeslag);
        rd_read_month(&r, o, "toeslagen", "estimate_updated", false,
                   &out->toeslagen.estimate_updated);
        rd_read_bool(&r, o, "toeslagen", "kindgebonden_budget",
                     &out->toeslagen.kindgebonden_budget);
    }
    /* No rent, no huurtoeslag; asking for it without a rent is a mistake - but
     * only one's own: after a rent that was refused (or no household at all),
     * that problem is the one to report, not this consequence of it. */
    if (out->household.rent == 0) {
        if (huur_given && out->toeslagen.huurtoeslag && rent_known)
            rd_problem(&r, "toeslagen.huurtoeslag", "needs household.rent");
        out->toeslagen.huurtoeslag = false;
    }
    {
        /* "strict" refuses months past the published values; the older
         * "project_unpublished" says the opposite and may not contradict it. */
        bool project = true, strict = false;
        bool has_project = !rd_is_absent(rd_get(root, "project_unpublished"));
        rd_read_bool(&r, root, "", "project_unpublished", &project);
        rd_read_bool(&r, root, "", "strict", &strict);
        if (has_project && project && strict)
            rd_problem(&r, "strict", "contradicts \"project_unpublished\": true; leave one out");
        out->strict = strict || !project;
    }
    o = rd_read_object(&r, root, "", "overrides", false);
    if (o)
        read_overrides(&r, o, out);
    if (problems->n == 0)
        check_consistency(&r, out);
out:
    free(r.nums);
    cJSON_Delete(root);
    return problems->n ? SW_ERR_INVALID : SW_OK;
}
