/* cli_bijstand.c - `switchsim bijstand`: the Participatiewet norm, the
 * inkomstenvrijlating and the aanvullende bijstand for one month. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json_out.h"
#include "switchsim/bijstand.h"
#include "switchsim/money.h"

static const char usage[] =
    "usage: switchsim bijstand [--date YYYY-MM-DD] --household single|couple|single_parent\n"
    "                          [--birth-date D] [--partner-birth-date D] [--cost-sharers N]\n"
    "                          [--housemate-birth-date D]... [--net-income EUR]\n"
    "                          [--vrijlating-month K] [--youngest-child-birth-date D]\n"
    "                          [--medical-hour-limit] [--override ID=VALUE]... [--json]\n"
    "                          [--tables DIR]\n"
    "\n"
    "The bijstand norm (Participatiewet art. 20-22a), the inkomstenvrijlating\n"
    "(art. 31 lid 2 onder n, r, y) and the aanvullende bijstand for the month of --date:\n"
    "norm - (net income - vrijlating), not below zero. Norms include the\n"
    "vakantietoeslag (a percentage in the tables): it is reserved and paid once a year (June),\n"
    "the rest is the monthly payment.\n"
    "\n"
    "  --birth-date D        the resident; without it an adult of 27+ below the AOW age\n"
    "  --partner-birth-date D  the partner (household couple)\n"
    "  --cost-sharers N      kostendelende medebewoners (art. 19a: from the table age,\n"
    "                        27 since 2023; not the partner, no commercial tenant or\n"
    "                        student), 0 to 50\n"
    "  --housemate-birth-date D  another adult in the home; counts as a cost sharer from\n"
    "                        the table age (27) on; repeatable\n"
    "  --net-income EUR      net income from work this month\n"
    "  --vrijlating-month K  this is the K-th month with income from work (1 = first;\n"
    "                        default 1 when --net-income is given)\n"
    "  --youngest-child-birth-date D  the youngest child (youth norms of a couple;\n"
    "                        onder r for a single parent with a child under 12)\n"
    "  --medical-hour-limit  medisch urenbeperkt (onder y)\n"
    "\n"
    "Amounts in the JSON are cents; provisional[] names the provisional table values\n"
    "used, which --override ID=VALUE can replace (a value in the table's unit).\n";

enum {
    OPT_HOUSEHOLD = OPT_FIRST_OWN,
    OPT_BIRTH,
    OPT_PARTNER_BIRTH,
    OPT_COST_SHARERS,
    OPT_HOUSEMATE,
    OPT_INCOME,
    OPT_MONTH,
    OPT_CHILD,
    OPT_MEDICAL
};

/* How the library names the facts in its messages: our options. */
static const struct sw_bijstand_fields cli_fields = {
    .date = "--date",
    .household = "--household",
    .birth = "--birth-date",
    .partner_birth = "--partner-birth-date",
    .cost_sharers = "--cost-sharers",
    .housemate_birth = "--housemate-birth-date",
    .youngest_child_birth = "--youngest-child-birth-date",
    .income = "--net-income",
    .month_index = "--vrijlating-month",
};

struct args {
    const char *date, *household, *birth, *partner_birth, *cost_sharers, *income, *month,
        *child;
    const char *housemates[SW_BIJSTAND_MAX_COST_SHARERS + 1];
    size_t n_housemates;
    bool medical;
};

/* A whole number from lo to hi; on failure print naming `option` and return false. */
static bool parse_int(int *out, const char *text, const char *option, int lo, int hi,
                      int *exit_code)
{
    struct sw_err err;
    int64_t v;

    if (sw_decimal_parse(&v, text, 0, 1000000000, option, &err) != SW_OK) {
        fprintf(stderr, "switchsim: not a whole number in '%s': '%.40s'\n", option, text);
        *exit_code = EXIT_BAD_INPUT;
        return false;
    }
    if (v < lo || v > hi) {
        fprintf(stderr, "switchsim: '%s' out of range: %lld, expected %d to %d\n", option,
                (long long)v, lo, hi);
        *exit_code = EXIT_BAD_INPUT;
        return false;
    }
    *out = (int)v;
    return true;
}

static bool parse_opt_date(sw_date *out, const char *text, const char *option, int *rc)
{
    if (!text) {
        *out = SW_NO_DATE;
        return true;
    }
    return cli_parse_date(out, text, option, rc);
}

static void add_int_or_null(cJSON *o, const char *name, int v, bool present)
{
    if (present)
        cJSON_AddNumberToObject(o, name, v);
    else
        cJSON_AddNullToObject(o, name);
}

static cJSON *trace_json(const char *item, const struct sw_trace *tr)
{
    cJSON *o = cJSON_CreateObject(), *ps;

    cJSON_AddStringToObject(o, "item", item);
    cJSON_AddStringToObject(o, "rule", tr->rule ? tr->rule : "");
    cJSON_AddStringToObject(o, "formula", tr->formula);
    ps = cJSON_AddArrayToObject(o, "parameters");
    for (size_t i = 0; i < tr->nparams; i++) {
        const struct sw_value_info *in = &tr->params[i];
        cJSON *p = cJSON_CreateObject();
        char d[16];

        cJSON_AddStringToObject(p, "id", in->id);
        if (in->unit == SW_UNIT_PERCENT)
            sw_json_add_percent(p, "value", in->amount);
        else
            cJSON_AddNumberToObject(p, "value", (double)in->amount);
        cJSON_AddStringToObject(p, "unit", sw_unit_name(in->unit));
        if (in->overridden) {
            cJSON_AddNullToObject(p, "from");
        } else {
            sw_date_format(d, sizeof(d), in->from);
            cJSON_AddStringToObject(p, "from", d);
        }
        cJSON_AddStringToObject(p, "source", in->source);
        cJSON_AddStringToObject(p, "url", in->url);
        cJSON_AddBoolToObject(p, "provisional", in->provisional);
        cJSON_AddBoolToObject(p, "overridden", in->overridden);
        cJSON_AddItemToArray(ps, p);
    }
    if (tr->incomplete)
        cJSON_AddBoolToObject(o, "incomplete", true);
    return o;
}

static int print_json(const struct args *a, sw_date date, const struct sw_tables *t,
                      const struct sw_used *used, const struct sw_bijstand *r,
                      const struct sw_bijstand_traces *tr, int k)
{
    const struct sw_bijstand_norm *n = &r->norm_detail;
    const struct sw_vrijlating *v = &r->vrijlating_detail;
    cJSON *o = cJSON_CreateObject(), *ex;
    const char *kind = sw_vrijlating_kind_name(v->kind);
    bool couple = strcmp(a->household, "couple") == 0;
    char d[16];

    if (!o)
        return cli_print_json(NULL);
    sw_date_format(d, sizeof(d), date);
    cJSON_AddStringToObject(o, "date", d);
    cJSON_AddStringToObject(o, "household", a->household);
    add_int_or_null(o, "age", n->age, n->age >= 0);
    add_int_or_null(o, "partner_age", n->partner_age, n->partner_age >= 0);
    cJSON_AddBoolToObject(o, "aow_age_reached", n->aow);
    if (couple)
        cJSON_AddBoolToObject(o, "partner_aow_age_reached", n->partner_aow);
    else
        cJSON_AddNullToObject(o, "partner_aow_age_reached");
    cJSON_AddBoolToObject(o, "children", n->children);
    cJSON_AddNumberToObject(o, "cost_sharers", n->cost_sharers);
    add_int_or_null(o, "persons_a", n->persons_a, n->persons_a > 0);
    cJSON_AddStringToObject(o, "norm_article", n->article);
    sw_json_add_cents(o, "norm", r->norm);
    sw_json_add_cents(o, "net_income", r->net_income_from_work);
    add_int_or_null(o, "vrijlating_month", k, k > 0);
    if (kind)
        cJSON_AddStringToObject(o, "vrijlating_kind", kind);
    else
        cJSON_AddNullToObject(o, "vrijlating_kind");
    sw_json_add_percent(o, "vrijlating_percent", v->percent);
    if (kind)
        sw_json_add_cents(o, "vrijlating_max", v->max);
    else
        cJSON_AddNullToObject(o, "vrijlating_max");
    sw_json_add_cents(o, "vrijlating", r->vrijlating);
    add_int_or_null(o, "vrijlating_months_left", v->months_left, v->months_left >= 0);
    cJSON_AddStringToObject(o, "vrijlating_reason", v->why ? v->why : "");
    sw_json_add_cents(o, "counted_income", r->counted_income);
    sw_json_add_cents(o, "entitled", r->entitled);
    sw_json_add_cents(o, "monthly_payment", r->monthly_payment);
    sw_json_add_cents(o, "holiday_allowance_reserve", r->holiday_allowance_reserve);
    sw_json_add_percent(o, "holiday_allowance_percent", r->holiday_allowance_percent);
    cJSON_AddNumberToObject(o, "holiday_allowance_month", r->holiday_allowance_month);
    sw_json_add_used(o, used);
    cli_add_tables_id(o, t);
    ex = cJSON_AddArrayToObject(o, "explanation");
    cJSON_AddItemToArray(ex, trace_json("norm", &tr->norm));
    cJSON_AddItemToArray(ex, trace_json("vrijlating", &tr->vrijlating));
    cJSON_AddItemToArray(ex, trace_json("entitled", &tr->entitled));
    cJSON_AddItemToArray(ex, trace_json("monthly_payment", &tr->payment));
    return cli_print_json(o);
}

static void line(const char *label, int64_t cents)
{
    char m[48];

    sw_money_format_nl(m, sizeof(m), cents);
    printf("  %-46s %14s\n", label, m);
}

/* The household in the Dutch text (the option and the JSON keep the contract's
 * single|couple|single_parent). */
static const char *household_nl(enum sw_household_kind k)
{
    switch (k) {
    case SW_HOUSEHOLD_SINGLE: return "alleenstaande";
    case SW_HOUSEHOLD_SINGLE_PARENT: return "alleenstaande ouder";
    case SW_HOUSEHOLD_COUPLE: return "gehuwden of samenwonenden";
    }
    return "";
}

static int print_text(sw_date date, const struct sw_used *used, const struct sw_bijstand *r,
                      const struct sw_bijstand_traces *tr, enum sw_household_kind household)
{
    const struct sw_bijstand_norm *n = &r->norm_detail;
    const struct sw_vrijlating *v = &r->vrijlating_detail;
    const char *kind = sw_vrijlating_kind_name(v->kind);
    char d[16], label[96], pct[24];

    sw_date_format(d, sizeof(d), date);
    printf("Bijstand op %s, %s", d, household_nl(household));
    if (n->age >= 0)
        printf(", %d jaar", n->age);
    if (n->partner_age >= 0)
        printf(", partner %d jaar", n->partner_age);
    if (n->cost_sharers > 0)
        printf(", %d kostendelende medebewoner(s)", n->cost_sharers);
    printf("\n");
    snprintf(label, sizeof(label), "Norm (%s)", n->article);
    line(label, r->norm);
    line("Netto inkomen uit arbeid", r->net_income_from_work);
    if (kind) {
        sw_rate_format(pct, sizeof(pct), v->percent);
        if (v->months_left >= 0)
            snprintf(label, sizeof(label), "Vrijlating onder %s (%s %%, nog %d mnd)", kind, pct,
                     v->months_left);
        else
            snprintf(label, sizeof(label), "Vrijlating onder %s (%s %%)", kind, pct);
    } else {
        snprintf(label, sizeof(label), "Vrijlating (geen)");
    }
    line(label, r->vrijlating);
    line("In aanmerking genomen inkomen", r->counted_income);
    line("Aanvullende bijstand", r->entitled);
    sw_rate_format(pct, sizeof(pct), SW_PPM_ONE - r->holiday_allowance_percent);
    snprintf(label, sizeof(label), "  maandelijks betaald (%s %%)", pct);
    line(label, r->monthly_payment);
    sw_rate_format(pct, sizeof(pct), r->holiday_allowance_percent);
    snprintf(label, sizeof(label), "  vakantietoeslag gereserveerd (%s %%, %s)", pct,
             sw_month_name_nl((int)r->holiday_allowance_month));
    line(label, r->holiday_allowance_reserve);
    printf("\n%s: %s\n", tr->norm.rule ? tr->norm.rule : "norm", tr->norm.formula);
    printf("%s: %s\n", tr->vrijlating.rule ? tr->vrijlating.rule : "vrijlating",
           tr->vrijlating.formula);
    printf("%s: %s\n", tr->entitled.rule, tr->entitled.formula);
    printf("\n");
    cli_print_provisional(used);
    return cli_finish_stdout();
}

int cli_bijstand(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"household", required_argument, NULL, OPT_HOUSEHOLD},
        {"birth-date", required_argument, NULL, OPT_BIRTH},
        {"partner-birth-date", required_argument, NULL, OPT_PARTNER_BIRTH},
        {"cost-sharers", required_argument, NULL, OPT_COST_SHARERS},
        {"housemate-birth-date", required_argument, NULL, OPT_HOUSEMATE},
        {"net-income", required_argument, NULL, OPT_INCOME},
        {"vrijlating-month", required_argument, NULL, OPT_MONTH},
        {"youngest-child-birth-date", required_argument, NULL, OPT_CHILD},
        {"medical-hour-limit", no_argument, NULL, OPT_MEDICAL},
        {NULL, 0, NULL, 0}};
    struct cli_common common = {0};
    struct args a = {0};
    struct sw_household_facts f;
    sw_date date, housemates[SW_BIJSTAND_MAX_COST_SHARERS];
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_bijstand r;
    struct sw_bijstand_traces *tr = NULL;
    struct sw_err err;
    int64_t income = 0;
    int k = 0, rc = EXIT_OK, code;
    char today[16];

    while ((code = cli_next_option(argc, argv, opts, &common, "bijstand", usage)) != -1) {
        switch (code) {
        case OPT_DATE: a.date = optarg; break;
        case OPT_HOUSEHOLD: a.household = optarg; break;
        case OPT_BIRTH: a.birth = optarg; break;
        case OPT_PARTNER_BIRTH: a.partner_birth = optarg; break;
        case OPT_COST_SHARERS: a.cost_sharers = optarg; break;
        case OPT_HOUSEMATE:
            if (a.n_housemates < sizeof(a.housemates) / sizeof(a.housemates[0]))
                a.housemates[a.n_housemates++] = optarg;
            break;
        case OPT_INCOME: a.income = optarg; break;
        case OPT_MONTH: a.month = optarg; break;
        case OPT_CHILD: a.child = optarg; break;
        case OPT_MEDICAL: a.medical = true; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (common.help)
        return cli_help(usage);
    if (optind < argc)
        return cli_usage_error("bijstand", usage, "unexpected argument '%s'", argv[optind]);
    if (!(a.date = cli_date_text_or_today(a.date, today, &rc)))
        return rc;
    if (!a.household)
        return cli_usage_error("bijstand", usage, "missing '--household'");

    sw_household_facts_init(&f);
    f.fields = &cli_fields;
    f.medical_hour_limit = a.medical;
    if (sw_household_parse(&f.composition, a.household, "--household", &err) != SW_OK)
        return cli_fail(&err);
    if (!cli_parse_date(&date, a.date, "--date", &rc) ||
        !parse_opt_date(&f.birth, a.birth, "--birth-date", &rc) ||
        !parse_opt_date(&f.partner_birth, a.partner_birth, "--partner-birth-date", &rc) ||
        !parse_opt_date(&f.youngest_child_birth, a.child, "--youngest-child-birth-date", &rc))
        return rc;
    if (a.n_housemates > SW_BIJSTAND_MAX_COST_SHARERS) {
        fprintf(stderr, "switchsim: too many '--housemate-birth-date': at most %d\n",
                SW_BIJSTAND_MAX_COST_SHARERS);
        return EXIT_BAD_INPUT;
    }
    for (size_t i = 0; i < a.n_housemates; i++)
        if (!cli_parse_date(&housemates[i], a.housemates[i], "--housemate-birth-date", &rc))
            return rc;
    f.housemate_births = a.n_housemates ? housemates : NULL;
    f.n_housemates = a.n_housemates;
    if (a.cost_sharers &&
        !parse_int(&f.cost_sharers, a.cost_sharers, "--cost-sharers", 0,
                   SW_BIJSTAND_MAX_COST_SHARERS, &rc))
        return rc;
    if (a.income && !cli_parse_euros(&income, a.income, "--net-income", &rc))
        return rc;
    if (a.month) {
        if (!parse_int(&k, a.month, "--vrijlating-month", 1, SW_BIJSTAND_MAX_MONTH_INDEX, &rc))
            return rc;
    } else if (a.income) {
        k = 1;  /* the first month with income from work */
    }

    if (!cli_load_tables(&t, &common, &rc))
        return rc;
    if (!cli_ctx(&ctx, &common, t, &used, &rc))
        goto out;
    tr = calloc(1, sizeof(*tr));
    if (!tr) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    sw_err_clear(&err);
    if (sw_bijstand_entitled(&ctx, date, &f, income, 0, k, &r, tr, &err) != SW_OK) {
        if (err.code == SW_ERR_NO_VALUE)
            fprintf(stderr, "switchsim: %s: '--date' %s lies outside the tables; supply the "
                    "value with --override %s=VALUE\n", err.msg, a.date, err.field);
        else
            fprintf(stderr, "switchsim: %s\n", err.msg[0] ? err.msg : sw_status_name(err.code));
        rc = err.code == SW_ERR_TABLE ? EXIT_TABLES : EXIT_BAD_INPUT;
        goto out;
    }
    if (used.nomem) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (common.json)
        rc = print_json(&a, date, t, &used, &r, tr, k);
    else
        rc = print_text(date, &used, &r, tr, f.composition);
out:
    free(tr);
    sw_used_release(&used);
    sw_tables_free(t);
    return rc;
}
