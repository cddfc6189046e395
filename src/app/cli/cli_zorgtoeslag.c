/* cli_zorgtoeslag.c - `switchsim zorgtoeslag`: the zorgtoeslag for a year's
 * toetsingsinkomen, per year (Awir-rounded) and as the monthly advance. */
#include <string.h>

#include "cli.h"
#include "json_out.h"
#include "switchsim/money.h"
#include "switchsim/toeslagen.h"
#include "switchsim/wml.h"

static const char usage[] =
    "usage: switchsim zorgtoeslag [--year YYYY] --income EUR [--partner]\n"
    "                             [--partner-uninsured] [--override ID=VALUE]...\n"
    "                             [--tables DIR] [--json]\n"
    "\n"
    "The zorgtoeslag for a calendar year on that year's toetsingsinkomen (Wet op de\n"
    "zorgtoeslag art. 2): standaardpremie minus normpremie, per year rounded to whole\n"
    "euros and nothing under the minimum (Awir art. 14), and the monthly advance as\n"
    "the Belastingdienst pays it (the year amount / 12, whole euros, rounded down).\n"
    "\n"
    "  --year YYYY          the berekeningsjaar (default: this year)\n"
    "  --income EUR         toetsingsinkomen of the whole year (with --partner: the\n"
    "                       joint income of both)\n"
    "  --partner            a toeslagpartner (twice the standaardpremie)\n"
    "  --partner-uninsured  the partner is not insured under the Zvw: 50 %\n"
    "                       (needs --partner)\n"
    "\n"
    "Amounts in the JSON are cents: year_amount (whole euros), month_amount (whole\n"
    "euros), amount_exact (before rounding), max_income (the highest income that\n"
    "still gets the minimum, derived from the formula). provisional[] names the\n"
    "provisional table values used. The vermogensgrens is not checked here.\n";

enum { OPT_YEAR = OPT_FIRST_OWN, OPT_INCOME, OPT_PARTNER, OPT_UNINSURED };

static int print_json(const struct sw_tables *t, const struct sw_used *used,
                      const struct sw_zorgtoeslag_facts *f, const struct sw_zorgtoeslag *z)
{
    cJSON *o = cJSON_CreateObject();

    if (!o)
        return cli_print_json(NULL);
    cJSON_AddNumberToObject(o, "year", z->year);
    sw_json_add_cents(o, "income", z->income);
    cJSON_AddBoolToObject(o, "partner", f->partner);
    cJSON_AddBoolToObject(o, "partner_insured", f->partner && !f->partner_uninsured);
    sw_json_add_cents(o, "standaardpremie", z->standaardpremie);
    sw_json_add_cents(o, "drempelinkomen", z->drempelinkomen);
    sw_json_add_percent(o, "normpremie_percent_drempel", z->rate_drempel);
    sw_json_add_percent(o, "normpremie_percent_above", z->rate_above);
    sw_json_add_cents(o, "normpremie", z->normpremie);
    sw_json_add_cents(o, "amount_exact", z->amount_exact);
    sw_json_add_cents(o, "year_amount", z->year_amount);
    sw_json_add_cents(o, "month_amount", z->month_amount);
    sw_json_add_cents(o, "minimum", z->minimum);
    if (z->has_max_income)
        sw_json_add_cents(o, "max_income", z->max_income);
    else
        cJSON_AddNullToObject(o, "max_income");
    sw_json_add_used(o, used);
    cli_add_tables_id(o, t);
    return cli_print_json(o);
}

static int print_text(const struct sw_used *used, const struct sw_zorgtoeslag_facts *f,
                      const struct sw_zorgtoeslag *z)
{
    char a[48], b[48], p1[32], p2[32];

    sw_money_format_nl(a, sizeof(a), z->income);
    printf("Zorgtoeslag %d, %s, toetsingsinkomen %s\n", z->year,
           !f->partner ? "zonder toeslagpartner"
           : f->partner_uninsured ? "met toeslagpartner die niet verzekerd is"
                                  : "met toeslagpartner",
           a);
    sw_money_format_nl(a, sizeof(a), z->standaardpremie);
    printf("  standaardpremie%s        %s\n", f->partner ? " (2x)" : "     ", a);
    sw_money_format_nl(a, sizeof(a), z->normpremie);
    sw_money_format_nl(b, sizeof(b), z->drempelinkomen);
    sw_rate_format_nl(p1, sizeof(p1), z->rate_drempel);
    sw_rate_format_nl(p2, sizeof(p2), z->rate_above);
    printf("  normpremie                  %s  (%s %% van drempelinkomen %s + %s %% daarboven)\n",
           a, p1, b, p2);
    sw_money_format_nl(a, sizeof(a), z->year_amount);
    sw_money_format_nl(b, sizeof(b), z->amount_exact);
    printf("  zorgtoeslag per jaar        %s  (berekend %s, afgerond op hele euro's)\n", a, b);
    sw_money_format_nl(a, sizeof(a), z->month_amount);
    printf("  voorschot per maand         %s\n", a);
    if (z->year_amount == 0 && z->amount_exact > 0) {
        sw_money_format_nl(a, sizeof(a), z->minimum);
        printf("  geen zorgtoeslag: minder dan %s per jaar\n", a);
    }
    if (z->has_max_income) {
        sw_money_format_nl(a, sizeof(a), z->max_income);
        printf("  inkomensgrens               %s  (daarboven geen zorgtoeslag)\n", a);
    }
    cli_print_provisional(used);
    return cli_finish_stdout();
}

/* A calendar year as typed: digits only, within the dates switchsim handles. */
static bool parse_year(int *out, const char *text, int *rc)
{
    struct sw_err err;
    int64_t v;

    sw_err_clear(&err);
    if (sw_decimal_parse(&v, text, 0, 99999, "--year", &err) != SW_OK || v < SW_DATE_MIN_YEAR ||
        v > SW_DATE_MAX_YEAR || text[0] == '-') {
        fprintf(stderr, "switchsim: year '%.20s' is not a year between %d and %d for '--year'\n",
                text, SW_DATE_MIN_YEAR, SW_DATE_MAX_YEAR);
        *rc = EXIT_BAD_INPUT;
        return false;
    }
    *out = (int)v;
    return true;
}

int cli_zorgtoeslag(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"year", required_argument, NULL, OPT_YEAR},
        {"income", required_argument, NULL, OPT_INCOME},
        {"partner", no_argument, NULL, OPT_PARTNER},
        {"partner-uninsured", no_argument, NULL, OPT_UNINSURED},
        {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_zorgtoeslag_facts f;
    struct sw_zorgtoeslag z;
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_err err;
    const char *year_text = NULL, *income_text = NULL;
    char today[16];
    int code, year = 0, rc = EXIT_OK;

    memset(&f, 0, sizeof(f));
    f.birth = SW_NO_DATE;
    while ((code = cli_next_option(argc, argv, opts, &c, "zorgtoeslag", usage)) != -1) {
        switch (code) {
        case OPT_YEAR: year_text = optarg; break;
        case OPT_INCOME: income_text = optarg; break;
        case OPT_PARTNER: f.partner = true; break;
        case OPT_UNINSURED: f.partner_uninsured = true; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind < argc)
        return cli_usage_error("zorgtoeslag", usage, "unexpected argument '%s'", argv[optind]);
    if (!year_text) {
        /* The current year: the first four digits of today's date. */
        if (!(year_text = cli_date_text_or_today(NULL, today, &rc)))
            return rc;
        today[4] = '\0';
    }
    if (!income_text)
        return cli_usage_error("zorgtoeslag", usage, "--income is required");
    if (!parse_year(&year, year_text, &rc) ||
        !cli_parse_euros(&f.income, income_text, "--income", &rc))
        return rc;
    if (f.partner_uninsured && !f.partner) {
        fprintf(stderr, "switchsim: '--partner-uninsured' needs '--partner'\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_ctx(&ctx, &c, t, &used, &rc))
        goto out;
    sw_err_clear(&err);
    if (sw_zorgtoeslag_year(&ctx, year, &f, &z, NULL, &err) != SW_OK) {
        /* The library names its facts; on the command line they are options. */
        if (strcmp(err.field, "income") == 0 || strcmp(err.field, "year") == 0)
            fprintf(stderr, "switchsim: %s for '--%s'\n", err.msg, err.field);
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
    rc = c.json ? print_json(t, &used, &f, &z) : print_text(&used, &f, &z);
out:
    sw_used_release(&used);
    sw_tables_free(t);
    return rc;
}
