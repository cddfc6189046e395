/* cli_lks.c - `switchsim lks`: loonkostensubsidie per month for hours, loonwaarde
 * and wage on a date (art. 10d Participatiewet). */
#include <string.h>

#include "cli.h"
#include "json_out.h"
#include "switchsim/lks.h"
#include "switchsim/money.h"

static const char usage[] =
    "usage: switchsim lks [--date YYYY-MM-DD] --hours H --loonwaarde P [--hourly-wage EUR]\n"
    "                     [--forfaitair] [--birth-date YYYY-MM-DD] [--tables DIR]\n"
    "                     [--override ID=VALUE] [--json]\n"
    "\n"
    "Loonkostensubsidie per month (art. 10d Participatiewet): the minimum wage incl.\n"
    "vakantiebijslag for the contract hours minus the loonwaarde (a percentage of the\n"
    "wage paid incl. vakantiebijslag), at most 70 % of that minimum wage, plus the\n"
    "werkgeverslasten surcharge of the Regeling loonkostensubsidie.\n"
    "\n"
    "  --hours H          contract hours per week (1-40)\n"
    "  --loonwaarde P     loonwaarde in percent (0-100); not needed with --forfaitair\n"
    "  --hourly-wage EUR  hourly wage paid (cao); default the minimum wage for the age\n"
    "  --forfaitair       the forfaitaire LKS of the first months (no loonwaarde yet)\n"
    "  --birth-date D     for the youth minimum wage under 21\n";

enum { OPT_HOURS = OPT_FIRST_OWN, OPT_LOONWAARDE, OPT_WAGE, OPT_FORFAIT, OPT_BIRTH };

static const struct sw_lks_fields cli_fields = {"--hours", "--loonwaarde", "--hourly-wage",
                                                "--birth-date"};

static void add_rate(cJSON *o, const char *name, int64_t ppm)
{
    char r[32];

    sw_rate_format(r, sizeof(r), ppm);
    cJSON_AddRawToObject(o, name, r);
}

static void add_cents(cJSON *o, const char *name, int64_t cents)
{
    cJSON_AddNumberToObject(o, name, (double)cents);
}

/* The table set's identity and the provisional values used. */
static void add_tables(cJSON *o, const struct sw_tables *t, const struct sw_used *used)
{
    cJSON_AddItemToObject(o, "tables",
                          sw_tables_json(sw_tables_version(t), sw_tables_sha256(t), used));
}

/* Hours in hundredths as a plain number without trailing zeros: "32", "28.5". */
static void format_hours(char *buf, size_t size, int64_t hours_x100)
{
    sw_rate_format(buf, size, hours_x100 * (SW_PPM_PER_PERCENT / 100));
}

static cJSON *to_json(const struct sw_lks *r, const char *date, int64_t hours,
                      const struct sw_tables *t, const struct sw_used *used)
{
    cJSON *o = cJSON_CreateObject();
    char h[32];

    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "date", date);
    format_hours(h, sizeof(h), hours);
    cJSON_AddRawToObject(o, "hours", h);
    cJSON_AddBoolToObject(o, "forfaitair", r->forfaitair);
    add_rate(o, "loonwaarde_percent", r->loonwaarde);
    add_cents(o, "lks", r->lks);
    add_cents(o, "werkgeverslasten", r->werkgeverslasten);
    add_cents(o, "total", r->total);
    add_cents(o, "wml_hourly", r->wml_hourly);
    add_rate(o, "wml_percent", r->wml_percent);
    add_cents(o, "wml_month", r->wml_month);
    add_cents(o, "wml_holiday_pay", r->wml_holiday_pay);
    add_cents(o, "wml_incl_holiday_pay", r->wml_incl);
    add_cents(o, "hourly_wage", r->wage_hourly);
    add_cents(o, "wage_month", r->wage_month);
    add_cents(o, "wage_holiday_pay", r->wage_holiday_pay);
    add_cents(o, "wage_incl_holiday_pay", r->wage_incl);
    add_cents(o, "loonwaarde_amount", r->loonwaarde_amount);
    add_rate(o, "max_percent", r->max_percent);
    add_cents(o, "cap", r->cap);
    cJSON_AddBoolToObject(o, "capped", r->capped);
    if (r->forfaitair)
        add_rate(o, "forfait_percent", r->forfait_percent);
    add_rate(o, "werkgeverslasten_percent", r->werkgeverslasten_percent);
    add_tables(o, t, used);
    return o;
}

static void print_text(const struct sw_lks *r, const char *date, int64_t hours)
{
    char a[48], b[48], h[32], p[32];

    format_hours(h, sizeof(h), hours);
    for (char *q = h; *q; q++)
        if (*q == '.')
            *q = ',';
    printf("Loonkostensubsidie per maand op %s, %s uur per week\n", date, h);
    sw_money_format_nl(a, sizeof(a), r->wml_month);
    printf("  minimumloon voor de uren          %14s\n", a);
    sw_money_format_nl(a, sizeof(a), r->wml_holiday_pay);
    printf("  + vakantiebijslag                 %14s\n", a);
    sw_money_format_nl(a, sizeof(a), r->wml_incl);
    printf("  = minimumloon incl. vakantiegeld  %14s\n", a);
    if (r->forfaitair) {
        sw_rate_format_nl(p, sizeof(p), r->forfait_percent);
        sw_money_format_nl(a, sizeof(a), r->lks);
        printf("  forfaitair %s%% daarvan            %14s\n", p, a);
    } else {
        sw_rate_format_nl(p, sizeof(p), r->loonwaarde);
        sw_money_format_nl(b, sizeof(b), r->wage_incl);
        sw_money_format_nl(a, sizeof(a), r->loonwaarde_amount);
        printf("  - loonwaarde %s%% van %s (loon incl. vakantiegeld)\n", p, b);
        printf("                                    %14s\n", a);
        sw_money_format_nl(a, sizeof(a), r->lks);
        sw_rate_format_nl(p, sizeof(p), r->max_percent);
        sw_money_format_nl(b, sizeof(b), r->cap);
        printf("  = loonkostensubsidie              %14s  (ten hoogste %s%%: %s%s)\n", a, p,
               b, r->capped ? ", bereikt" : "");
    }
    sw_rate_format_nl(p, sizeof(p), r->werkgeverslasten_percent);
    sw_money_format_nl(a, sizeof(a), r->werkgeverslasten);
    printf("  + werkgeverslasten %s%%          %14s\n", p, a);
    sw_money_format_nl(a, sizeof(a), r->total);
    printf("  = werkgever ontvangt per maand    %14s\n", a);
}

int cli_lks(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"hours", required_argument, NULL, OPT_HOURS},
        {"loonwaarde", required_argument, NULL, OPT_LOONWAARDE},
        {"hourly-wage", required_argument, NULL, OPT_WAGE},
        {"forfaitair", no_argument, NULL, OPT_FORFAIT},
        {"birth-date", required_argument, NULL, OPT_BIRTH},
        {NULL, 0, NULL, 0}};
    struct cli_common common = {0};
    const char *date_s = NULL, *hours_s = NULL, *lw_s = NULL, *wage_s = NULL, *birth_s = NULL;
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_lks_input in;
    struct sw_lks r;
    struct sw_err err;
    sw_date date;
    int code, rc = EXIT_OK;
    char today[16];

    memset(&in, 0, sizeof(in));
    in.birth = SW_NO_DATE;
    in.fields = &cli_fields;
    while ((code = cli_next_option(argc, argv, opts, &common, "lks", usage)) != -1) {
        switch (code) {
        case OPT_DATE: date_s = optarg; break;
        case OPT_HOURS: hours_s = optarg; break;
        case OPT_LOONWAARDE: lw_s = optarg; break;
        case OPT_WAGE: wage_s = optarg; break;
        case OPT_FORFAIT: in.forfaitair = true; break;
        case OPT_BIRTH: birth_s = optarg; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (common.help)
        return cli_help(usage);
    if (optind < argc)
        return cli_usage_error("lks", usage, "unexpected argument '%s'", argv[optind]);
    if (!(date_s = cli_date_text_or_today(date_s, today, &rc)))
        return rc;
    if (!hours_s)
        return cli_usage_error("lks", usage, "missing '--hours'");
    if (!lw_s && !in.forfaitair)
        return cli_usage_error("lks", usage, "missing '--loonwaarde' (or '--forfaitair')");
    if (!cli_parse_date(&date, date_s, "--date", &rc))
        return rc;
    if (birth_s && !cli_parse_date(&in.birth, birth_s, "--birth-date", &rc))
        return rc;
    if (sw_decimal_parse(&in.hours_x100, hours_s, 2, 1000000, "--hours", &err) != SW_OK)
        return cli_fail(&err);
    if (lw_s && sw_rate_parse_percent(&in.loonwaarde, lw_s, "--loonwaarde", &err) != SW_OK)
        return cli_fail(&err);
    if (wage_s) {
        if (!cli_parse_euros(&in.hourly_wage, wage_s, "--hourly-wage", &rc))
            return rc;
        if (in.hourly_wage == 0) {
            fprintf(stderr, "switchsim: hourly wage 0 is below the minimum wage in "
                            "'--hourly-wage'\n");
            return EXIT_BAD_INPUT;
        }
    }
    if (!cli_load_tables(&t, &common, &rc))
        return rc;
    if (!cli_ctx(&ctx, &common, t, &used, &rc))
        goto out;
    sw_err_clear(&err);
    if (sw_lks_compute(&ctx, date, &in, &r, NULL, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (used.nomem) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (common.json) {
        rc = cli_print_json(to_json(&r, date_s, in.hours_x100, t, &used));
    } else {
        print_text(&r, date_s, in.hours_x100);
        rc = cli_finish_stdout();
    }
out:
    sw_used_release(&used);
    sw_tables_free(t);
    return rc;
}
