/* bijstand.c - the Participatiewet norm (art. 20-22a), the inkomstenvrijlating
 * (art. 31 lid 2 onder n, r, y) and the aanvullende bijstand (art. 19); every
 * legal value comes from tables/participatiewet.xml. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "bijstand_facts.h"
#include "switchsim/aow.h"
#include "switchsim/bijstand.h"
#include "switchsim/money.h"

/* Error fields when the caller names none: the scenario's JSON paths. */
static const struct sw_bijstand_fields scenario_fields = {
    .date = "date",
    .household = "household.composition",
    .birth = "household.birth_date",
    .partner_birth = "household.partner_birth_date",
    .cost_sharers = "household.cost_sharers",
    .housemate_birth = "household.housemate_birth_dates",
    .youngest_child_birth = "household.children_birth_dates",
    .income = "net_income_from_work",
    .month_index = "vrijlating_month",
};

/* One norm of art. 20-22: its parameter, the rule for the trace, the article for
 * the output and what it is for, in Dutch. */
struct norm_kind {
    const char *id;
    const char *rule;
    const char *article;
    const char *what;
};

enum {
    NK_SINGLE, NK_COUPLE, NK_AOW_SINGLE, NK_AOW_COUPLE_BOTH, NK_AOW_COUPLE_ONE,
    NK_YOUTH_SINGLE, NK_YOUTH_SINGLE_PARENT, NK_YOUTH_COUPLE_BOTH, NK_YOUTH_COUPLE_ONE,
    NK_YOUTH_COUPLE_BOTH_CHILDREN, NK_YOUTH_COUPLE_ONE_CHILDREN,
    NK_YOUNG_SPOUSE, NK_YOUNG_SPOUSE_CHILDREN
};

static const struct norm_kind norm_kinds[] = {
    [NK_SINGLE] = {"participatiewet.norm.single", "Participatiewet art. 21 onder a",
                   "art. 21 onder a",
                   "alleenstaande of alleenstaande ouder, volwassen en jonger dan de AOW-leeftijd"},
    [NK_COUPLE] = {"participatiewet.norm.couple", "Participatiewet art. 21 onder b",
                   "art. 21 onder b", "gehuwden, beiden volwassen en jonger dan de AOW-leeftijd"},
    [NK_AOW_SINGLE] = {"participatiewet.norm.aow.single", "Participatiewet art. 22 onder a",
                       "art. 22 onder a",
                       "alleenstaande of alleenstaande ouder met de AOW-leeftijd"},
    [NK_AOW_COUPLE_BOTH] = {"participatiewet.norm.aow.couple_both",
                            "Participatiewet art. 22 onder b", "art. 22 onder b",
                            "gehuwden die beiden de AOW-leeftijd hebben"},
    [NK_AOW_COUPLE_ONE] = {"participatiewet.norm.aow.couple_one",
                           "Participatiewet art. 22 onder c", "art. 22 onder c",
                           "gehuwden van wie een de AOW-leeftijd heeft en de ander "
                           "volwassen is"},
    [NK_YOUTH_SINGLE] = {"participatiewet.norm.youth.single",
                         "Participatiewet art. 20 lid 1 onder a", "art. 20 lid 1 onder a",
                         "alleenstaande jongere"},
    [NK_YOUTH_SINGLE_PARENT] = {"participatiewet.norm.youth.single_parent",
                                "Participatiewet art. 20 lid 2 onder a",
                                "art. 20 lid 2 onder a",
                                "alleenstaande ouder die jongere is"},
    [NK_YOUTH_COUPLE_BOTH] = {"participatiewet.norm.youth.couple_both",
                              "Participatiewet art. 20 lid 1 onder b", "art. 20 lid 1 onder b",
                              "gehuwden die beiden jongere zijn, zonder kinderen"},
    [NK_YOUTH_COUPLE_ONE] = {"participatiewet.norm.youth.couple_one",
                             "Participatiewet art. 20 lid 1 onder c", "art. 20 lid 1 onder c",
                             "gehuwden van wie een jongere is en de ander volwassen, "
                             "zonder kinderen"},
    [NK_YOUTH_COUPLE_BOTH_CHILDREN] = {"participatiewet.norm.youth.couple_both_children",
                                       "Participatiewet art. 20 lid 2 onder b",
                                       "art. 20 lid 2 onder b",
                                       "gehuwden die beiden jongere zijn, met kinderen"},
    [NK_YOUTH_COUPLE_ONE_CHILDREN] = {"participatiewet.norm.youth.couple_one_children",
                                      "Participatiewet art. 20 lid 2 onder c",
                                      "art. 20 lid 2 onder c",
                                      "gehuwden van wie een jongere is en de ander "
                                      "volwassen, met kinderen"},
    [NK_YOUNG_SPOUSE] = {"participatiewet.norm.cost_sharing.young_spouse",
                         "Participatiewet art. 22a lid 1 en 3 onder b", "art. 22a lid 3 onder b",
                         "echtgenoot die jongere is, zonder kinderen"},
    [NK_YOUNG_SPOUSE_CHILDREN] = {"participatiewet.norm.cost_sharing.young_spouse_children",
                                  "Participatiewet art. 22a lid 1 en 3 onder a",
                                  "art. 22a lid 3 onder a",
                                  "echtgenoot die jongere is, met kinderen"},
};

static const struct sw_bijstand_fields *fields_of(const struct sw_household_facts *f)
{
    return f->fields ? f->fields : &scenario_fields;
}

/* A date of the facts may not lie after the calculation date. */
static sw_status check_not_after(sw_date d, sw_date date, const char *field,
                                 const struct sw_bijstand_fields *fl, struct sw_err *err)
{
    char a[16], b[16];

    if (d == SW_NO_DATE || d <= date)
        return SW_OK;
    sw_date_format(a, sizeof(a), d);
    sw_date_format(b, sizeof(b), date);
    return sw_err_set(err, SW_ERR_INVALID, field,
                      "date after the calculation date: '%s' is %s, '%s' is %s", field, a,
                      fl->date, b);
}

/* The checks that need no table: dates in order, counts in range. */
static sw_status validate_facts(const struct sw_household_facts *f, sw_date date,
                                struct sw_err *err)
{
    const struct sw_bijstand_fields *fl = fields_of(f);
    sw_status st;

    if ((unsigned)f->composition > SW_HOUSEHOLD_COUPLE)
        return sw_err_set(err, SW_ERR_INVALID, fl->household, "unknown household kind in '%s'",
                          fl->household);
    if (f->composition != SW_HOUSEHOLD_COUPLE && f->partner_birth != SW_NO_DATE)
        return sw_err_set(err, SW_ERR_INVALID, fl->partner_birth,
                          "a partner's birth date needs household 'couple': '%s' given for '%s'",
                          fl->partner_birth, sw_household_name(f->composition));
    if (f->cost_sharers < 0 || f->cost_sharers > SW_BIJSTAND_MAX_COST_SHARERS)
        return sw_err_set(err, SW_ERR_INVALID, fl->cost_sharers,
                          "cost sharers out of range: '%s' is %d, expected 0 to %d",
                          fl->cost_sharers, f->cost_sharers, SW_BIJSTAND_MAX_COST_SHARERS);
    if (f->n_housemates > SW_BIJSTAND_MAX_COST_SHARERS ||
        (size_t)f->cost_sharers + f->n_housemates > SW_BIJSTAND_MAX_COST_SHARERS)
        return sw_err_set(err, SW_ERR_INVALID, fl->housemate_birth,
                          "too many housemates: '%s' and '%s' together at most %d",
                          fl->housemate_birth, fl->cost_sharers, SW_BIJSTAND_MAX_COST_SHARERS);
    if (f->n_housemates > 0 && !f->housemate_births)
        return sw_err_set(err, SW_ERR_INTERNAL, fl->housemate_birth,
                          "housemate count without birth dates in '%s'", fl->housemate_birth);
    st = check_not_after(f->birth, date, fl->birth, fl, err);
    if (!st)
        st = check_not_after(f->partner_birth, date, fl->partner_birth, fl, err);
    if (!st)
        st = check_not_after(f->youngest_child_birth, date, fl->youngest_child_birth, fl, err);
    for (size_t i = 0; !st && i < f->n_housemates; i++)
        st = check_not_after(f->housemate_births[i], date, fl->housemate_birth, fl, err);
    return st;
}

static int age_of(sw_date birth, sw_date date)
{
    return birth == SW_NO_DATE ? -1 : sw_age_on(birth, date);
}

/* Whether the child born on `child` is younger than the age in table `limit_id`
 * on `date`; false without a child. */
static sw_status child_below(const struct sw_ctx *c, sw_date date, sw_date child,
                             const char *limit_id, bool *out, struct sw_trace *tr,
                             struct sw_err *err)
{
    int64_t limit;
    sw_status st;

    *out = false;
    if (child == SW_NO_DATE)
        return SW_OK;
    st = sw_param_t(c, limit_id, date, SW_UNIT_YEARS, &limit, tr, err);
    if (st)
        return st;
    *out = sw_age_on(child, date) < limit;
    return SW_OK;
}

sw_status sw_bijstand_cost_sharer_counts(const struct sw_ctx *c, sw_date date, sw_date birth,
                                         bool *out, struct sw_trace *tr, struct sw_err *err)
{
    int64_t min_age;
    /* Participatiewet art. 19a lid 1: a kostendelende medebewoner from the table's age
     * (participatiewet.cost_sharer.min_age) on. */
    sw_status st = sw_param_t(c, "participatiewet.cost_sharer.min_age", date, SW_UNIT_YEARS,
                              &min_age, tr, err);

    if (st)
        return st;
    *out = birth != SW_NO_DATE && sw_age_on(birth, date) >= min_age;
    return SW_OK;
}

/* The kostendelende medebewoners in total: those the caller counted plus the
 * housemates who are old enough. */
static sw_status count_cost_sharers(const struct sw_ctx *c, sw_date date,
                                    const struct sw_household_facts *f, int *out,
                                    struct sw_trace *tr, struct sw_err *err)
{
    int n = f->cost_sharers;

    for (size_t i = 0; i < f->n_housemates; i++) {
        bool counts;
        sw_status st = sw_bijstand_cost_sharer_counts(c, date, f->housemate_births[i], &counts,
                                                      tr, err);
        if (st)
            return st;
        n += counts;
    }
    *out = n;
    return SW_OK;
}

/* One of the fixed norms of art. 20, 21 or 22; `adult` is the age from which one is
 * no longer a jongere (art. 20), for the trace. */
static sw_status plain_norm(const struct sw_ctx *c, sw_date date, int kind, int64_t adult,
                            struct sw_bijstand_norm *n, struct sw_trace *tr, struct sw_err *err)
{
    const struct norm_kind *k = &norm_kinds[kind];
    char m[48];
    sw_status st = sw_param_t(c, k->id, date, SW_UNIT_EUROCENT, &n->norm, tr, err);

    if (st)
        return st;
    n->article = k->article;
    if (!tr)
        return SW_OK;   /* the text is for the trace only */
    sw_money_format_nl(m, sizeof(m), n->norm);
    if (kind >= NK_YOUTH_SINGLE && kind <= NK_YOUTH_COUPLE_ONE_CHILDREN)
        sw_trace_rule(tr, k->rule, "norm voor %s (jongere: jonger dan %lld jaar): %s per maand "
                      "(inclusief vakantietoeslag)", k->what, (long long)adult, m);
    else
        sw_trace_rule(tr, k->rule, "norm voor %s, zonder kostendelende medebewoners: %s per "
                      "maand (inclusief vakantietoeslag)", k->what, m);
    return SW_OK;
}

/* The two percentages of the kostendelersnorm, (base + per x A) / A % of B
 * (art. 22a lid 1), and their text for the trace: "(40 + 30 x A) / A %". */
struct cost_formula {
    int64_t base, per;
    char text[64];
};

static sw_status cost_formula_get(const struct sw_ctx *c, sw_date date, struct cost_formula *cf,
                                  struct sw_trace *tr, struct sw_err *err)
{
    char b[24], p[24];
    sw_status st;

    st = sw_param_t(c, "participatiewet.cost_sharer.base_percent", date, SW_UNIT_PERCENT,
                    &cf->base, tr, err);
    if (!st)
        st = sw_param_t(c, "participatiewet.cost_sharer.per_person_percent", date,
                        SW_UNIT_PERCENT, &cf->per, tr, err);
    if (st)
        return st;
    cf->text[0] = '\0';
    if (!tr)
        return SW_OK;   /* the formula's text is for the trace only */
    sw_rate_format(b, sizeof(b), cf->base);
    sw_rate_format(p, sizeof(p), cf->per);
    snprintf(cf->text, sizeof(cf->text), "(%s + %s x A) / A %%", b, p);
    return SW_OK;
}

/* Participatiewet art. 22a lid 1: the kostendelersnorm of one person with A persons,
 * where B is the norm of art. 21 onder b, or of art. 22 onder c when only the spouse
 * has the AOW age, or of art. 22 onder b when this person has it. */
static sw_status cost_sharing_norm(const struct sw_ctx *c, sw_date date,
                                   const struct cost_formula *cf, int a, bool aow,
                                   bool spouse_aow, int64_t *out, struct sw_trace *tr,
                                   struct sw_err *err)
{
    int kind = aow ? NK_AOW_COUPLE_BOTH : spouse_aow ? NK_AOW_COUPLE_ONE : NK_COUPLE;
    int64_t b;
    sw_status st = sw_param_t(c, norm_kinds[kind].id, date, SW_UNIT_EUROCENT, &b, tr, err);

    if (st)
        return st;
    /* B x (base + per x A) / (100 % x A), rounded half up to whole cents from the
     * unrounded fraction. The law names no rounding; this one reproduces every row
     * of gemeente Velsen's kostendelerstabellen of 1 January and 1 July 2024 (the
     * rows are checked in tests/unit/check_bijstand.c). */
    *out = sw_money_scale_half_up(b, cf->base + cf->per * a, (int64_t)a * SW_PPM_ONE);
    return SW_OK;
}

/* The norm with kostendelende medebewoners (art. 22a); n->cost_sharers > 0. */
static sw_status cost_sharing(const struct sw_ctx *c, sw_date date, bool young, bool p_young,
                              bool couple, struct sw_bijstand_norm *n, struct sw_trace *tr,
                              struct sw_err *err)
{
    struct cost_formula cf;
    char a[48], b[48], s[48];
    int64_t own = 0, other = 0;
    sw_status st = cost_formula_get(c, date, &cf, tr, err);

    if (st)
        return st;
    /* A: the kostendelende medebewoners plus the belanghebbende and his spouse of
     * the table's adult age (participatiewet.age.adult_norm) or older (art. 22a
     * lid 1). */
    n->persons_a = n->cost_sharers + 1 + (couple && !young && !p_young);
    if (!couple) {
        st = cost_sharing_norm(c, date, &cf, n->persons_a, n->aow, false, &n->norm, tr, err);
        if (st)
            return st;
        n->article = "art. 22a lid 1";
        if (!tr)
            return SW_OK;
        sw_money_format_nl(s, sizeof(s), n->norm);
        sw_trace_rule(tr, "Participatiewet art. 22a lid 1",
                      "kostendelersnorm: %s van B, de gehuwdennorm, met A = %d (%d "
                      "kostendelende medebewoner(s) plus belanghebbende), afgerond op "
                      "centen: %s per maand", cf.text, n->persons_a, n->cost_sharers, s);
        return SW_OK;
    }
    if (young || p_young) {
        /* Participatiewet art. 22a lid 3: a fixed amount for the young spouse plus the
         * kostendelersnorm of the adult spouse. */
        bool adult_aow = young ? n->partner_aow : n->aow;
        int kind = n->children ? NK_YOUNG_SPOUSE_CHILDREN : NK_YOUNG_SPOUSE;

        st = sw_param_t(c, norm_kinds[kind].id, date, SW_UNIT_EUROCENT, &other, tr, err);
        if (!st)
            st = cost_sharing_norm(c, date, &cf, n->persons_a, adult_aow, false, &own, tr,
                                   err);
        if (st)
            return st;
        n->norm = own + other;
        n->article = norm_kinds[kind].article;
        if (!tr)
            return SW_OK;
        sw_money_format_nl(a, sizeof(a), own);
        sw_money_format_nl(b, sizeof(b), other);
        sw_money_format_nl(s, sizeof(s), n->norm);
        sw_trace_rule(tr, norm_kinds[kind].rule,
                      "kostendelersnorm van de volwassen echtgenoot, %s van B met A = %d: %s, "
                      "plus het bedrag voor de %s %s = %s per maand", cf.text, n->persons_a, a,
                      norm_kinds[kind].what, b, s);
        return SW_OK;
    }
    /* Participatiewet art. 22a lid 2: the sum of each spouse's own norm. */
    st = cost_sharing_norm(c, date, &cf, n->persons_a, n->aow, n->partner_aow, &own, tr, err);
    if (!st)
        st = cost_sharing_norm(c, date, &cf, n->persons_a, n->partner_aow, n->aow, &other, tr,
                               err);
    if (st)
        return st;
    n->norm = own + other;
    n->article = "art. 22a lid 1 en 2";
    if (!tr)
        return SW_OK;
    sw_money_format_nl(a, sizeof(a), own);
    sw_money_format_nl(b, sizeof(b), other);
    sw_money_format_nl(s, sizeof(s), n->norm);
    sw_trace_rule(tr, "Participatiewet art. 22a lid 1 en 2",
                  "kostendelersnorm per echtgenoot, %s van B met A = %d, opgeteld: %s + %s "
                  "= %s per maand", cf.text, n->persons_a, a, b, s);
    return SW_OK;
}

/* Age, AOW age and the age floor of art. 13 lid 1 onder f for one person. */
static sw_status person(const struct sw_ctx *c, sw_date date, sw_date birth, int64_t min_age,
                        const char *field, bool partner, int *age, bool *aow, sw_date *aow_date,
                        struct sw_trace *tr, struct sw_err *err)
{
    sw_status st;

    *aow_date = SW_NO_DATE;
    *age = age_of(birth, date);
    /* Participatiewet art. 13 lid 1 onder f: no bijstand below the table's minimum
     * age (participatiewet.age.min). */
    if (*age >= 0 && *age < min_age)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          partner ? "partner below age %lld has no right to bijstand "
                                    "(art. 13 lid 1 onder f; art. 24 is not modelled): "
                                    "'%s' gives age %d"
                                  : "no bijstand below age %lld (art. 13 lid 1 onder f): "
                                    "'%s' gives age %d",
                          (long long)min_age, field, *age);
    st = sw_aow_reached(c, birth, date, aow, tr, err);
    /* From SW_AOW_AGE_YEARS_MIN on sw_aow_reached() compared the date with the
     * AOW date, which it kept in the context's memo: asked again, a memo hit
     * without lookups (the span of the answer, bijstand_norm_span()). Not while
     * tracing, nor without a cache (nothing is kept then). */
    if (!st && !tr && c->cache && *age >= SW_AOW_AGE_YEARS_MIN)
        st = sw_aow_date(c, birth, aow_date, NULL, err);
    return st;
}

sw_status sw_bijstand_norm(const struct sw_ctx *c, sw_date date,
                           const struct sw_household_facts *f, struct sw_bijstand_norm *out,
                           struct sw_trace *tr, struct sw_err *err)
{
    const struct sw_bijstand_fields *fl = fields_of(f);
    bool couple = f->composition == SW_HOUSEHOLD_COUPLE, young, p_young;
    struct sw_bijstand_norm n;
    int64_t min_age, adult;
    sw_date aow[2] = {SW_NO_DATE, SW_NO_DATE};
    int kind;
    sw_status st;

    if (tr)
        memset(tr, 0, sizeof(*tr));
    memset(&n, 0, sizeof(n));
    n.partner_age = -1;
    st = validate_facts(f, date, err);
    if (!st)
        st = sw_param_t(c, "participatiewet.age.min", date, SW_UNIT_YEARS, &min_age, tr, err);
    if (!st)
        st = sw_param_t(c, "participatiewet.age.adult_norm", date, SW_UNIT_YEARS, &adult, tr,
                        err);
    if (!st)
        st = person(c, date, f->birth, min_age, fl->birth, false, &n.age, &n.aow, &aow[0], tr,
                    err);
    if (!st && couple)
        st = person(c, date, f->partner_birth, min_age, fl->partner_birth, true, &n.partner_age,
                    &n.partner_aow, &aow[1], tr, err);
    if (st)
        return st;
    /* Art. 20: the youth norms are for the ages below the table's adult age
     * (participatiewet.age.adult_norm); art. 21 from that age. A person without a
     * birth date is an adult. */
    young = n.age >= 0 && n.age < adult;
    p_young = couple && n.partner_age >= 0 && n.partner_age < adult;
    /* Art. 4 lid 1: a ten laste komend kind is younger than the table's age
     * (participatiewet.child.age_limit). It only changes the norm of a couple with
     * a young spouse (art. 20). */
    if (couple && (young || p_young)) {
        st = child_below(c, date, f->youngest_child_birth, "participatiewet.child.age_limit",
                         &n.children, tr, err);
        if (st)
            return st;
    }
    st = count_cost_sharers(c, date, f, &n.cost_sharers, tr, err);
    if (st)
        return st;

    if (couple && young && p_young) {
        /* Art. 20 lid 1 onder b / lid 2 onder b; art. 22a applies from 21 only. */
        kind = n.children ? NK_YOUTH_COUPLE_BOTH_CHILDREN : NK_YOUTH_COUPLE_BOTH;
        st = plain_norm(c, date, kind, adult, &n, tr, err);
    } else if (!couple && young) {
        /* Art. 20 lid 1 onder a / lid 2 onder a. */
        kind = f->composition == SW_HOUSEHOLD_SINGLE_PARENT ? NK_YOUTH_SINGLE_PARENT
                                                            : NK_YOUTH_SINGLE;
        st = plain_norm(c, date, kind, adult, &n, tr, err);
    } else if (n.cost_sharers > 0) {
        st = cost_sharing(c, date, young, p_young, couple, &n, tr, err);
    } else if (couple && (young || p_young)) {
        /* Art. 20 lid 1 onder c / lid 2 onder c. */
        kind = n.children ? NK_YOUTH_COUPLE_ONE_CHILDREN : NK_YOUTH_COUPLE_ONE;
        st = plain_norm(c, date, kind, adult, &n, tr, err);
    } else if (couple) {
        /* Art. 21 onder b; art. 22 onder b or c from the AOW age of one or both. */
        kind = n.aow && n.partner_aow ? NK_AOW_COUPLE_BOTH
               : n.aow || n.partner_aow ? NK_AOW_COUPLE_ONE
                                        : NK_COUPLE;
        st = plain_norm(c, date, kind, adult, &n, tr, err);
    } else {
        /* Art. 21 onder a; art. 22 onder a from the AOW age. */
        st = plain_norm(c, date, n.aow ? NK_AOW_SINGLE : NK_SINGLE, adult, &n, tr, err);
    }
    if (st)
        return st;
    bijstand_norm_span(f, date, min_age, adult, couple && (young || p_young), aow, &n);
    if (n.age >= 0)
        sw_trace_input(tr, "leeftijd", n.age, SW_UNIT_YEARS);
    if (n.partner_age >= 0)
        sw_trace_input(tr, "leeftijd partner", n.partner_age, SW_UNIT_YEARS);
    sw_trace_input(tr, "kostendelende medebewoners", n.cost_sharers, SW_UNIT_COUNT);
    *out = n;
    return SW_OK;
}

/* The month index and income of sw_vrijlating() in range. */
static sw_status validate_income(const struct sw_household_facts *f, int64_t income,
                                 int month_index, struct sw_err *err)
{
    const struct sw_bijstand_fields *fl = fields_of(f);

    if (income < 0 || income > SW_MONEY_MAX)
        return sw_err_set(err, SW_ERR_INVALID, fl->income,
                          "net income out of range in '%s'", fl->income);
    if (month_index < 0 || month_index > SW_BIJSTAND_MAX_MONTH_INDEX)
        return sw_err_set(err, SW_ERR_INVALID, fl->month_index,
                          "month with income out of range: '%s' is %d, expected 1 to %d",
                          fl->month_index, month_index, SW_BIJSTAND_MAX_MONTH_INDEX);
    if (month_index == 0 && income > 0)
        return sw_err_set(err, SW_ERR_INVALID, fl->month_index,
                          "a month with income from work needs '%s' of 1 or more",
                          fl->month_index);
    return SW_OK;
}

/* Percentage and maximum of one kind, and the amount for the income. */
static sw_status apply_kind(const struct sw_ctx *c, sw_date date, enum sw_vrijlating_kind kind,
                            int64_t income, struct sw_vrijlating *v, struct sw_trace *tr,
                            struct sw_err *err)
{
    static const char *const pct_ids[] = {
        [SW_VRIJLATING_N] = "participatiewet.vrijlating.n.percent",
        [SW_VRIJLATING_R] = "participatiewet.vrijlating.r.percent",
        [SW_VRIJLATING_Y] = "participatiewet.vrijlating.y.percent",
        [SW_VRIJLATING_Z] = "participatiewet.vrijlating.z.percent",
        [SW_VRIJLATING_AA] = "participatiewet.vrijlating.aa.percent",
    };
    static const char *const max_ids[] = {
        [SW_VRIJLATING_N] = "participatiewet.vrijlating.n.max",
        [SW_VRIJLATING_R] = "participatiewet.vrijlating.r.max",
        [SW_VRIJLATING_Y] = "participatiewet.vrijlating.y.max",
        [SW_VRIJLATING_Z] = "participatiewet.vrijlating.z.max",
        [SW_VRIJLATING_AA] = "participatiewet.vrijlating.aa.max",
    };
    sw_status st;

    st = sw_param_t(c, pct_ids[kind], date, SW_UNIT_PERCENT, &v->percent, tr, err);
    if (!st)
        st = sw_param_t(c, max_ids[kind], date, SW_UNIT_EUROCENT, &v->max, tr, err);
    if (st)
        return st;
    v->kind = kind;
    v->amount = sw_vrijlating_share(income, v->percent, v->max);
    return SW_OK;
}

int64_t sw_vrijlating_share(int64_t income, int64_t percent, int64_t max)
{
    /* Art. 31 lid 2: "tot ... procent van deze inkomsten, met een maximum van ...
     * per maand"; the share rounded half up to whole cents. */
    int64_t share = sw_money_rate_half_up(income, percent);

    return share < max ? share : max;
}

/* The month indexes from..to take the branch v is from (to INT_MAX: no end but
 * the highest index validate_income() accepts). */
static void same_range(struct sw_vrijlating *v, int64_t from, int64_t to)
{
    v->same_from = from < INT_MAX ? (int)from : INT_MAX;
    v->same_to = to < SW_BIJSTAND_MAX_MONTH_INDEX ? (int)to : SW_BIJSTAND_MAX_MONTH_INDEX;
}

sw_status sw_vrijlating(const struct sw_ctx *c, sw_date date, const struct sw_household_facts *f,
                        int64_t net_income_from_work, int month_index, struct sw_vrijlating *out,
                        struct sw_trace *tr, struct sw_err *err)
{
    struct sw_vrijlating v;
    int64_t min_age, n_months, r_months = 0, z_months = 0, past;
    bool aow = false, old_enough, child = false;
    const char *rule = "Participatiewet art. 31 lid 2 en 5";
    char pct[24], inc[48], max[48], amt[48], span[96] = "";
    int age;
    sw_status st;

    if (tr)
        memset(tr, 0, sizeof(*tr));
    memset(&v, 0, sizeof(v));
    v.months_left = -1;
    /* Which month indexes take the same branch (same_from..same_to): set per
     * branch below where the conditions on month_index are all it depends on;
     * otherwise this one only. */
    v.same_from = v.same_to = month_index;
    st = validate_facts(f, date, err);
    if (!st)
        st = validate_income(f, net_income_from_work, month_index, err);
    if (st)
        return st;
    if (month_index == 0) {
        v.why = "geen inkomsten uit arbeid in deze maand";
        sw_trace_rule(tr, rule, "geen vrijlating: geen inkomsten uit arbeid in deze maand");
        *out = v;
        return SW_OK;
    }
    age = age_of(f->birth, date);
    st = sw_param_t(c, "participatiewet.vrijlating.min_age", date, SW_UNIT_YEARS, &min_age, tr,
                    err);
    if (!st)
        st = sw_param_t(c, "participatiewet.vrijlating.n.months", date, SW_UNIT_MONTHS,
                        &n_months, tr, err);
    if (!st)
        st = sw_aow_reached(c, f->birth, date, &aow, tr, err);
    if (st)
        return st;
    /* Art. 31 lid 5: onder n and r do not apply below the table's age
     * (participatiewet.vrijlating.min_age). No birth date: an adult of that age or
     * older. */
    old_enough = age < 0 || age >= min_age;

    if (old_enough && (aow || month_index <= n_months)) {
        /* Onder n: at most the table's months (participatiewet.vrijlating.n.months)
         * for who has not reached the AOW age, no limit from the AOW age on. */
        rule = "Participatiewet art. 31 lid 2 onder n";
        st = apply_kind(c, date, SW_VRIJLATING_N, net_income_from_work, &v, tr, err);
        same_range(&v, 1, aow ? INT_MAX : n_months);
        if (aow) {
            v.why = "onder n: vanaf de AOW-leeftijd zonder einddatum";
            if (tr)
                snprintf(span, sizeof(span), "vanaf de AOW-leeftijd zonder einddatum");
        } else {
            v.months_left = (int)(n_months - month_index);
            v.why = "onder n: de eerste maanden met inkomsten uit arbeid";
            if (tr)
                snprintf(span, sizeof(span), "maand %d van ten hoogste %lld", month_index,
                         (long long)n_months);
        }
    } else if (f->medical_hour_limit) {
        /* Onder y: "tenzij onderdeel n van toepassing is"; no age limit, no end. It
         * comes before r, which applies only when y does not (onder r, aanhef). */
        rule = "Participatiewet art. 31 lid 2 onder y";
        st = apply_kind(c, date, SW_VRIJLATING_Y, net_income_from_work, &v, tr, err);
        /* Not onder n: too young for it at any index, or past its months. */
        same_range(&v, old_enough ? n_months + 1 : 1, INT_MAX);
        v.why = "onder y: medisch urenbeperkt, zonder einddatum";
        if (tr)
            snprintf(span, sizeof(span), "zonder einddatum");
    } else if (f->lks_doelgroep && month_index > n_months &&
               (st = sw_param_t(c, "participatiewet.vrijlating.z.months", date, SW_UNIT_MONTHS,
                                &z_months, tr, err)) == SW_OK &&
               (month_index <= n_months + z_months || f->lks_no_more_hours)) {
        /* Onder z: the doelgroep loonkostensubsidie in an LKS job, the table's
         * months after those of onder n, "tenzij onderdeel y van toepassing is";
         * then onder aa without end when the college judges more hours not
         * possible. Art. 31 lid 5 does not exclude either below 27. */
        bool z = month_index <= n_months + z_months;
        rule = z ? "Participatiewet art. 31 lid 2 onder z" : "Participatiewet art. 31 lid 2 onder aa";
        st = apply_kind(c, date, z ? SW_VRIJLATING_Z : SW_VRIJLATING_AA, net_income_from_work, &v,
                        tr, err);
        v.months_left = z ? (int)(n_months + z_months - month_index) : -1;
        same_range(&v, z ? n_months + 1 : n_months + z_months + 1,
                   z ? n_months + z_months : INT_MAX);
        v.why = z ? "onder z: doelgroep loonkostensubsidie, na de maanden van onder n"
                  : "onder aa: doelgroep loonkostensubsidie, meer uren werken is niet mogelijk";
        if (tr && z)
            snprintf(span, sizeof(span), "maand %lld van ten hoogste %lld na onder n",
                     (long long)(month_index - n_months), (long long)z_months);
        else if (tr)
            snprintf(span, sizeof(span), "zonder einddatum");
    } else if (st) {
        return st;
    } else if (!old_enough) {
        v.why = "te jong: onder n en r gelden niet (art. 31 lid 5)";
        /* In the doelgroep LKS: onder z (or none past it, after its lookup) past
         * the months of n. */
        if (!f->lks_doelgroep)
            same_range(&v, 1, INT_MAX);
        else if (month_index <= n_months)
            same_range(&v, 1, n_months);
        else
            same_range(&v, n_months + z_months + 1, INT_MAX);
    } else if (f->composition != SW_HOUSEHOLD_SINGLE_PARENT) {
        v.why = "de periode van onder n is voorbij";
        same_range(&v, n_months + (f->lks_doelgroep ? z_months : 0) + 1, INT_MAX);
    } else {
        /* Onder r: a single parent with the full care of a child below the table's
         * age (participatiewet.vrijlating.r.child_age_limit), in the table's months
         * (participatiewet.vrijlating.r.months) after those of onder n. */
        st = sw_param_t(c, "participatiewet.vrijlating.r.months", date, SW_UNIT_MONTHS,
                        &r_months, tr, err);
        if (!st && month_index <= n_months + r_months)
            st = child_below(c, date, f->youngest_child_birth,
                             "participatiewet.vrijlating.r.child_age_limit", &child, tr, err);
        if (st)
            return st;
        /* Past the months of n, and of z in the doelgroep LKS (looked up then). */
        past = n_months + (f->lks_doelgroep ? z_months : 0);
        if (month_index > n_months + r_months) {
            v.why = "de periodes van onder n en onder r zijn voorbij";
            same_range(&v, (past > n_months + r_months ? past : n_months + r_months) + 1,
                       INT_MAX);
        } else if (!child) {
            v.why = "geen kind onder de leeftijdsgrens van onder r";
            same_range(&v, past + 1, n_months + r_months);
        } else {
            rule = "Participatiewet art. 31 lid 2 onder r";
            st = apply_kind(c, date, SW_VRIJLATING_R, net_income_from_work, &v, tr, err);
            same_range(&v, past + 1, n_months + r_months);
            v.months_left = (int)(n_months + r_months - month_index);
            v.why = "onder r: alleenstaande ouder met een jong kind";
            if (tr)
                snprintf(span, sizeof(span), "maand %lld van ten hoogste %lld na onder n",
                         (long long)(month_index - n_months), (long long)r_months);
        }
    }
    if (st)
        return st;
    if (!tr) {
        *out = v;
        return SW_OK;
    }
    sw_money_format_nl(inc, sizeof(inc), net_income_from_work);
    if (v.kind == SW_VRIJLATING_NONE) {
        sw_trace_rule(tr, rule, "geen vrijlating: %s (leeftijdsgrens onder n en r: %lld jaar; "
                      "onder n ten hoogste %lld maanden)", v.why, (long long)min_age,
                      (long long)n_months);
    } else {
        sw_rate_format(pct, sizeof(pct), v.percent);
        sw_money_format_nl(max, sizeof(max), v.max);
        sw_money_format_nl(amt, sizeof(amt), v.amount);
        sw_trace_rule(tr, rule, "%s %% van het netto inkomen uit arbeid (%s), ten hoogste %s per "
                      "maand: %s; %s", pct, inc, max, amt, span);
    }
    sw_trace_input(tr, "netto inkomen uit arbeid", net_income_from_work, SW_UNIT_EUROCENT);
    sw_trace_input(tr, "maand met inkomsten uit arbeid", month_index, SW_UNIT_COUNT);
    if (age >= 0)
        sw_trace_input(tr, "leeftijd", age, SW_UNIT_YEARS);
    *out = v;
    return SW_OK;
}

void sw_bijstand_sum(int64_t norm, int64_t work, int64_t vrijlating, int64_t other,
                     int64_t holiday_allowance_percent, struct sw_bijstand_sums *out)
{
    out->counted_income = work - vrijlating + other;
    /* Participatiewet art. 19 lid 1 onder a en lid 2: a right only while the income
     * is below the norm; the bijstand is the difference. */
    out->entitled = out->counted_income < norm ? norm - out->counted_income : 0;
    /* Art. 19 lid 3: the vakantietoeslag is part of the bijstand and is reserved;
     * the rest is paid monthly. The monthly part is (100 - VT) % rounded half up to
     * cents, as the published amounts "exclusief vakantietoeslag" are (ISD
     * Bollenstreek 1 juli 2024, Hof van Twente 1 juli 2025: the source of
     * participatiewet.holiday_allowance_percent); the reserve is the rest, so that
     * both add up to the entitlement to the cent. */
    out->monthly_payment = sw_money_rate_half_up(out->entitled,
                                                 SW_PPM_ONE - holiday_allowance_percent);
    out->holiday_allowance_reserve = out->entitled - out->monthly_payment;
}

sw_status sw_bijstand_entitled_on_norm(const struct sw_ctx *c, sw_date date,
                                       const struct sw_household_facts *f,
                                       const struct sw_bijstand_norm *norm,
                                       int64_t net_income_from_work, int64_t other_net_income,
                                       int month_index, struct sw_bijstand *out,
                                       struct sw_bijstand_traces *tr, struct sw_err *err)
{
    const struct sw_bijstand_fields *fl = fields_of(f);
    struct sw_trace *te = tr ? &tr->entitled : NULL, *tp = tr ? &tr->payment : NULL;
    struct sw_bijstand r;
    struct sw_bijstand_sums sums;
    int64_t month;
    char a[48], b[48], d[48], e[48], g[48], h[48];
    sw_status st;

    /* r is not cleared: every field is set before it is copied out (only on
     * success), as the month loop asks this thousands of times a batch. */
    if (tr)
        memset(tr, 0, sizeof(*tr));
    if (other_net_income < 0 || other_net_income > SW_MONEY_MAX)
        return sw_err_set(err, SW_ERR_INVALID, fl->income, "other net income out of range "
                          "in '%s'", fl->income);
    if (norm && !tr) {
        r.norm_detail = *norm;
        st = SW_OK;
    } else {
        st = sw_bijstand_norm(c, date, f, &r.norm_detail, tr ? &tr->norm : NULL, err);
    }
    if (!st)
        st = sw_vrijlating(c, date, f, net_income_from_work, month_index, &r.vrijlating_detail,
                           tr ? &tr->vrijlating : NULL, err);
    if (!st)
        st = sw_param_t(c, "participatiewet.holiday_allowance_percent", date, SW_UNIT_PERCENT,
                        &r.holiday_allowance_percent, tp, err);
    if (!st)
        st = sw_param_t(c, "participatiewet.holiday_allowance_month", date,
                        SW_UNIT_MONTH_OF_YEAR, &month, tp, err);
    if (st)
        return st;
    r.norm = r.norm_detail.norm;
    r.net_income_from_work = net_income_from_work;
    r.other_net_income = other_net_income;
    r.vrijlating = r.vrijlating_detail.amount;
    sw_bijstand_sum(r.norm, net_income_from_work, r.vrijlating, other_net_income,
                    r.holiday_allowance_percent, &sums);
    r.counted_income = sums.counted_income;
    r.entitled = sums.entitled;
    r.monthly_payment = sums.monthly_payment;
    r.holiday_allowance_reserve = sums.holiday_allowance_reserve;
    r.holiday_allowance_month = (int)month;

    if (!tr) {
        /* No trace wanted: nothing to format. */
        *out = r;
        return SW_OK;
    }
    sw_money_format_nl(a, sizeof(a), r.norm);
    sw_money_format_nl(b, sizeof(b), net_income_from_work);
    sw_money_format_nl(d, sizeof(d), r.vrijlating);
    sw_money_format_nl(e, sizeof(e), other_net_income);
    sw_money_format_nl(g, sizeof(g), r.entitled);
    if (other_net_income > 0)
        sw_trace_rule(te, "Participatiewet art. 19 lid 1 en 2; art. 31 lid 2",
                      "norm - (netto inkomen uit arbeid - vrijlating + ander netto inkomen) = "
                      "%s - (%s - %s + %s)%s: %s", a, b, d, e,
                      r.counted_income >= r.norm ? ", niet lager dan nul" : "", g);
    else
        sw_trace_rule(te, "Participatiewet art. 19 lid 1 en 2; art. 31 lid 2",
                      "norm - (netto inkomen - vrijlating) = %s - (%s - %s)%s: %s", a, b, d,
                      r.counted_income >= r.norm ? ", niet lager dan nul" : "", g);
    sw_trace_input(te, "norm", r.norm, SW_UNIT_EUROCENT);
    sw_trace_input(te, "netto inkomen uit arbeid", net_income_from_work, SW_UNIT_EUROCENT);
    sw_trace_input(te, "vrijlating", r.vrijlating, SW_UNIT_EUROCENT);
    sw_trace_input(te, "ander netto inkomen", other_net_income, SW_UNIT_EUROCENT);

    sw_rate_format(h, sizeof(h), r.holiday_allowance_percent);
    sw_money_format_nl(a, sizeof(a), r.monthly_payment);
    sw_money_format_nl(b, sizeof(b), r.holiday_allowance_reserve);
    sw_trace_rule(tp, "Participatiewet art. 19 lid 3 en art. 45 lid 1",
                  "van de bijstand %s wordt %s per maand betaald (zonder %s %% "
                  "vakantietoeslag, afgerond op centen); %s vakantietoeslag wordt gereserveerd "
                  "en in %s betaald", g, a, h, b, sw_month_name_nl((int)r.holiday_allowance_month));
    sw_trace_input(tp, "bijstand", r.entitled, SW_UNIT_EUROCENT);
    *out = r;
    return SW_OK;
}

sw_status sw_bijstand_entitled(const struct sw_ctx *c, sw_date date,
                               const struct sw_household_facts *f, int64_t net_income_from_work,
                               int64_t other_net_income, int month_index, struct sw_bijstand *out,
                               struct sw_bijstand_traces *tr, struct sw_err *err)
{
    return sw_bijstand_entitled_on_norm(c, date, f, NULL, net_income_from_work, other_net_income,
                                        month_index, out, tr, err);
}
