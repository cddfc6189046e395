/* cli_huurtoeslag.c - `switchsim huurtoeslag`: the huurtoeslag for a month's rent on
 * the year's rekeninkomen, with the basishuur and the band parts behind it. */
#include <string.h>

#include "cli.h"
#include "json_out.h"
#include "switchsim/money.h"
#include "switchsim/toeslagen.h"
#include "switchsim/wml.h"

static const char usage[] =
    "usage: switchsim huurtoeslag [--date YYYY-MM-DD] --rent EUR --income EUR\n"
    "                             [--household single|multi] [--persons N]\n"
    "                             [--birth-date D] [--aow] [--service-costs EUR]\n"
    "                             [--override ID=VALUE]... [--tables DIR] [--json]\n"
    "\n"
    "The huurtoeslag for the month of --date (Wet op de huurtoeslag art. 5-21): the\n"
    "rekenhuur, the maximale huurgrens, the basishuur for the income, and the parts of\n"
    "the rent subsidised at 100 %, 65 % and 40 %; from 2026 the income afbouw.\n"
    "\n"
    "  --rent EUR           kale huur per month\n"
    "  --income EUR         rekeninkomen: the joint toetsingsinkomen of the year of\n"
    "                       huurder, partner and medebewoners\n"
    "  --household TYPE     single (alone, the default) or multi (with partner or\n"
    "                       medebewoners)\n"
    "  --persons N          household size without onderhuurders (default 1 for\n"
    "                       single, 2 for multi; 3 or more: the higher aftoppingsgrens)\n"
    "  --birth-date D       birth date of the oldest member (the huurder when single):\n"
    "                       18+ (art. 8), the youth limit of art. 13, the AOW age (2024)\n"
    "  --aow                a member has reached the AOW age (matters in 2024)\n"
    "  --service-costs EUR  subsidiable service costs per month (to 2025: at most\n"
    "                       4 x EUR 12; from 2026 they do not count)\n"
    "\n"
    "Amounts in the JSON are cents. month_amount is the monthly advance as paid (whole\n"
    "euros, rounded down); month_exact the entitlement in cents; year_amount this\n"
    "situation for a whole year (Awir art. 14). provisional[] names the provisional\n"
    "table values used. The vermogensgrens is not checked here.\n";

enum {
    OPT_RENT = OPT_FIRST_OWN,
    OPT_INCOME,
    OPT_HOUSEHOLD,
    OPT_PERSONS,
    OPT_BIRTH,
    OPT_AOW,
    OPT_SERVICE
};

static const char *const outcome_codes[] = {"paid", "under_age", "vermogen", "rent_too_high",
                                            "nothing_left", "below_minimum"};

static int print_json(const struct sw_tables *t, const struct sw_used *used, sw_date date,
                      const struct sw_huurtoeslag_facts *f, const struct sw_huurtoeslag *h)
{
    cJSON *o = cJSON_CreateObject();
    char d[16];

    if (!o)
        return cli_print_json(NULL);
    sw_date_format(d, sizeof(d), date);
    cJSON_AddStringToObject(o, "date", d);
    cJSON_AddStringToObject(o, "household", f->multi ? "multi" : "single");
    cJSON_AddStringToObject(o, "household_type", h->household_type);
    cJSON_AddNumberToObject(o, "persons", h->persons);
    sw_json_add_cents(o, "income", h->income);
    sw_json_add_cents(o, "rent", f->rent);
    sw_json_add_cents(o, "service_costs", h->service_costs);
    sw_json_add_cents(o, "rekenhuur", h->rekenhuur);
    sw_json_add_cents(o, "max_rent", h->max_rent);
    cJSON_AddBoolToObject(o, "max_rent_excludes", h->max_rent_excludes);
    sw_json_add_cents(o, "rent_subsidised", h->rent_subsidised);
    sw_json_add_cents(o, "minimum_inkomensijkpunt", h->mip);
    sw_json_add_cents(o, "normhuur", h->normhuur);
    sw_json_add_cents(o, "basishuur", h->basishuur);
    sw_json_add_cents(o, "kwaliteitskortingsgrens", h->kwaliteitskortingsgrens);
    sw_json_add_cents(o, "aftoppingsgrens", h->aftoppingsgrens);
    sw_json_add_percent(o, "band2_percent", h->rate_band2);
    sw_json_add_percent(o, "band3_percent", h->rate_band3);
    sw_json_add_cents(o, "part_100", h->part_100);
    sw_json_add_cents(o, "part_65", h->part_65);
    sw_json_add_cents(o, "part_40", h->part_40);
    sw_json_add_cents(o, "afbouw", h->afbouw);
    sw_json_add_cents(o, "month_exact", h->month_exact);
    sw_json_add_cents(o, "month_amount", h->month_amount);
    sw_json_add_cents(o, "year_amount", h->year_amount);
    cJSON_AddStringToObject(o, "outcome", outcome_codes[h->outcome]);
    cJSON_AddStringToObject(o, "outcome_text", sw_huurtoeslag_outcome_text(h->outcome));
    sw_json_add_used(o, used);
    cli_add_tables_id(o, t);
    return cli_print_json(o);
}

static void line(const char *label, int64_t cents, const char *note)
{
    char a[48];

    sw_money_format_nl(a, sizeof(a), cents);
    printf("  %-26s %14s%s%s\n", label, a, note[0] ? "  " : "", note);
}

static int print_text(const struct sw_used *used, sw_date date,
                      const struct sw_huurtoeslag_facts *f, const struct sw_huurtoeslag *h)
{
    char d[16], a[48], p[32], note[96];

    sw_date_format(d, sizeof(d), date);
    sw_money_format_nl(a, sizeof(a), h->income);
    printf("Huurtoeslag %s, %s huishouden (%d %s), rekeninkomen %s\n", d, h->household_type,
           h->persons, h->persons == 1 ? "persoon" : "personen", a);
    line("rekenhuur", h->rekenhuur, h->service_costs ? "(inclusief servicekosten)" : "");
    if (h->outcome == SW_HT_RENT_TOO_HIGH)
        line("maximale huurgrens", h->max_rent, "");
    if (h->outcome == SW_HT_PAID || h->outcome == SW_HT_NOTHING_LEFT ||
        h->outcome == SW_HT_BELOW_MINIMUM) {
        line("maximale huurgrens", h->max_rent,
             h->max_rent_excludes ? "(daarboven geen huurtoeslag)" : "(daarboven telt niet mee)");
        line("basishuur", h->basishuur, "");
        line("kwaliteitskortingsgrens", h->kwaliteitskortingsgrens, "");
        line("aftoppingsgrens", h->aftoppingsgrens, "");
        line("deel tot kwaliteitskorting", h->part_100, "(100 %)");
        sw_rate_format_nl(p, sizeof(p), h->rate_band2);
        snprintf(note, sizeof(note), "(%s %%)", p);
        line("deel tot aftoppingsgrens", h->part_65, note);
        sw_rate_format_nl(p, sizeof(p), h->rate_band3);
        snprintf(note, sizeof(note), "(%s %%)", p);
        line("deel boven aftoppingsgrens", h->part_40, note);
        if (h->afbouw)
            line("min afbouw op inkomen", h->afbouw, "");
        line("huurtoeslag per maand", h->month_exact, "");
        line("voorschot per maand", h->month_amount, "(hele euro's)");
        line("per jaar in deze situatie", h->year_amount, "");
    }
    if (h->outcome != SW_HT_PAID)
        printf("  %s\n", sw_huurtoeslag_outcome_text(h->outcome));
    (void)f;
    cli_print_provisional(used);
    return cli_finish_stdout();
}

/* --persons: a whole number of people. */
static bool parse_persons(int *out, const char *text, int *rc)
{
    struct sw_err err;
    int64_t v;

    sw_err_clear(&err);
    if (sw_decimal_parse(&v, text, 0, 1000, "--persons", &err) != SW_OK || v < 1) {
        fprintf(stderr, "switchsim: persons '%.20s' is not a number from 1 to 1000 for "
                        "'--persons'\n", text);
        *rc = EXIT_BAD_INPUT;
        return false;
    }
    *out = (int)v;
    return true;
}

/* The option a library fact belongs to. */
static const char *option_of(const char *field)
{
    static const char *const map[][2] = {{"income", "--income"},
                                         {"rent", "--rent"},
                                         {"service_costs", "--service-costs"},
                                         {"persons", "--persons"},
                                         {"date", "--date"}};

    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

int cli_huurtoeslag(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"rent", required_argument, NULL, OPT_RENT},
        {"income", required_argument, NULL, OPT_INCOME},
        {"household", required_argument, NULL, OPT_HOUSEHOLD},
        {"persons", required_argument, NULL, OPT_PERSONS},
        {"birth-date", required_argument, NULL, OPT_BIRTH},
        {"aow", no_argument, NULL, OPT_AOW},
        {"service-costs", required_argument, NULL, OPT_SERVICE},
        {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_huurtoeslag_facts f;
    struct sw_huurtoeslag h;
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_err err;
    const char *date_text = NULL, *rent = NULL, *income = NULL, *household = NULL,
               *persons = NULL, *birth = NULL, *service = NULL;
    sw_date date = 0;
    int code, rc = EXIT_OK;
    char today[16];

    memset(&f, 0, sizeof(f));
    f.birth = SW_NO_DATE;
    while ((code = cli_next_option(argc, argv, opts, &c, "huurtoeslag", usage)) != -1) {
        switch (code) {
        case OPT_DATE: date_text = optarg; break;
        case OPT_RENT: rent = optarg; break;
        case OPT_INCOME: income = optarg; break;
        case OPT_HOUSEHOLD: household = optarg; break;
        case OPT_PERSONS: persons = optarg; break;
        case OPT_BIRTH: birth = optarg; break;
        case OPT_AOW: f.aow = true; break;
        case OPT_SERVICE: service = optarg; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind < argc)
        return cli_usage_error("huurtoeslag", usage, "unexpected argument '%s'", argv[optind]);
    if (!(date_text = cli_date_text_or_today(date_text, today, &rc)))
        return rc;
    if (!rent)
        return cli_usage_error("huurtoeslag", usage, "--rent is required");
    if (!income)
        return cli_usage_error("huurtoeslag", usage, "--income is required");

    if (!cli_parse_date(&date, date_text, "--date", &rc) ||
        !cli_parse_euros(&f.rent, rent, "--rent", &rc) ||
        !cli_parse_euros(&f.income, income, "--income", &rc) ||
        (service && !cli_parse_euros(&f.service_costs, service, "--service-costs", &rc)) ||
        (birth && !cli_parse_date(&f.birth, birth, "--birth-date", &rc)) ||
        (persons && !parse_persons(&f.persons, persons, &rc)))
        return rc;
    if (household && strcmp(household, "multi") == 0) {
        f.multi = true;
    } else if (household && strcmp(household, "single") != 0) {
        fprintf(stderr, "switchsim: unknown household '%.40s' for '--household' (single or "
                        "multi)\n", household);
        return EXIT_BAD_INPUT;
    }
    /* Wht art. 2: alone is one person; with a partner or medebewoners two or more. */
    if (persons && !f.multi && f.persons != 1) {
        fprintf(stderr, "switchsim: a single household is 1 person, not %d, in '--persons' "
                        "(use '--household multi')\n", f.persons);
        return EXIT_BAD_INPUT;
    }
    if (persons && f.multi && f.persons < 2) {
        fprintf(stderr, "switchsim: a multi household is at least 2 persons, not %d, in "
                        "'--persons'\n", f.persons);
        return EXIT_BAD_INPUT;
    }
    if (f.birth != SW_NO_DATE && f.birth > date) {
        fprintf(stderr, "switchsim: birth date '%s' after the date '%s' for '--birth-date'\n",
                birth, date_text);
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_ctx(&ctx, &c, t, &used, &rc))
        goto out;
    sw_err_clear(&err);
    if (sw_huurtoeslag_month(&ctx, date, &f, &h, NULL, &err) != SW_OK) {
        const char *opt = option_of(err.field);
        if (opt && err.code == SW_ERR_INVALID)
            fprintf(stderr, "switchsim: %s for '%s'\n", err.msg, opt);
        else
            fprintf(stderr, "switchsim: %s\n", err.msg);
        rc = err.code == SW_ERR_TABLE ? EXIT_TABLES : EXIT_BAD_INPUT;
        goto out;
    }
    if (used.nomem) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    rc = c.json ? print_json(t, &used, date, &f, &h) : print_text(&used, date, &f, &h);
out:
    sw_used_release(&used);
    sw_tables_free(t);
    return rc;
}
