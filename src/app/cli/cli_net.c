/* cli_net.c - `switchsim net`: the net wage of a month, gross minus the loonheffing
 * of the witte maandtabel, and of a vakantiebijslag by the tabel bijzondere
 * beloningen. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json_out.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "switchsim/wml.h"

static const char usage[] =
    "usage: switchsim net --gross EUR [--date YYYY-MM-DD] [--birth-date D] [--no-korting]\n"
    "                     [--aok] [--holiday-pay EUR [--annual-wage EUR]]\n"
    "                     [--override ID=VALUE]... [--tables DIR] [--json]\n"
    "\n"
    "The loonheffing (loonbelasting/premie volksverzekeringen) on a month's gross wage\n"
    "as the witte maandtabel of the year of --date withholds it, and the net wage.\n"
    "Werknemersverzekeringen and Zvw are paid by the employer and not deducted.\n"
    "\n"
    "  --gross EUR         the month's gross wage (loon voor de loonheffing), without\n"
    "                      vakantiebijslag\n"
    "  --date D            the payment date: selects the year's tables (default: today)\n"
    "  --birth-date D      the employee; at AOW age the AOW tables apply from the month\n"
    "                      the AOW age is reached (without it: below the AOW age)\n"
    "  --no-korting        this employer does not apply the loonheffingskorting (it is\n"
    "                      applied elsewhere, e.g. on a benefit)\n"
    "  --aok               at AOW age: also the alleenstaande-ouderenkorting\n"
    "  --holiday-pay EUR   a vakantiebijslag paid this month: taxed by the tabel\n"
    "                      bijzondere beloningen\n"
    "  --annual-wage EUR   the jaarloon that selects its row (previous year's wage incl.\n"
    "                      bijzondere beloningen); default 12 x --gross + --holiday-pay\n"
    "\n"
    "Amounts in the JSON are cents; provisional[] names the provisional table values\n"
    "used.\n";

enum { OPT_GROSS = OPT_FIRST_OWN, OPT_BIRTH, OPT_NO_KORTING, OPT_AOK, OPT_HOLIDAY, OPT_ANNUAL };

struct args {
    const char *gross, *date, *birth, *holiday, *annual;
    bool no_korting, aok;
};

struct result {
    sw_date date;
    struct sw_lh_month m;
    bool holiday;
    struct sw_lh_bijzonder b;
    struct sw_trace tr, trb;
};

/* A table without a value for the date is a problem of --date (exit 1). */
static int fail(const struct sw_err *err)
{
    if (err->code == SW_ERR_NO_VALUE) {
        fprintf(stderr, "switchsim: %s for '--date'\n", err->msg);
        return EXIT_BAD_INPUT;
    }
    return cli_fail(err);
}

/* A percentage as a JSON number written from its exact decimal text. */
static cJSON *trace_json(const char *item, const struct sw_trace *tr)
{
    cJSON *o = cJSON_CreateObject(), *ps, *ins;

    cJSON_AddStringToObject(o, "item", item);
    cJSON_AddStringToObject(o, "rule", tr->rule ? tr->rule : "");
    cJSON_AddStringToObject(o, "formula", tr->formula);
    ps = cJSON_AddArrayToObject(o, "parameters");
    for (size_t i = 0; i < tr->nparams; i++) {
        const struct sw_value_info *in = &tr->params[i];
        cJSON *p = cJSON_CreateObject();
        char d[16];

        cJSON_AddStringToObject(p, "id", in->id);
        if (!in->is_scale)
            cJSON_AddNumberToObject(p, "value", (double)in->amount);
        cJSON_AddStringToObject(p, "unit", in->is_scale ? "scale" : sw_unit_name(in->unit));
        sw_date_format(d, sizeof(d), in->from);
        cJSON_AddStringToObject(p, "from", d);
        cJSON_AddStringToObject(p, "source", in->source);
        cJSON_AddStringToObject(p, "url", in->url);
        cJSON_AddBoolToObject(p, "provisional", in->provisional);
        cJSON_AddBoolToObject(p, "overridden", in->overridden);
        cJSON_AddItemToArray(ps, p);
    }
    ins = cJSON_AddArrayToObject(o, "inputs");
    for (size_t i = 0; i < tr->ninputs; i++) {
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "name", tr->inputs[i].name);
        if (tr->inputs[i].unit == SW_UNIT_PERCENT)
            sw_json_add_percent(p, "value", tr->inputs[i].value);
        else
            cJSON_AddNumberToObject(p, "value", (double)tr->inputs[i].value);
        cJSON_AddStringToObject(p, "unit", sw_unit_name(tr->inputs[i].unit));
        cJSON_AddItemToArray(ins, p);
    }
    return o;
}

static int print_json(const struct sw_tables *t, const struct sw_used *used,
                      const struct result *r)
{
    const struct sw_lh_month *m = &r->m;
    cJSON *o = cJSON_CreateObject(), *ex;
    char d[16];

    if (!o)
        return cli_print_json(NULL);
    sw_date_format(d, sizeof(d), r->date);
    cJSON_AddStringToObject(o, "date", d);
    sw_json_add_cents(o, "gross", m->gross);
    sw_json_add_cents(o, "loonheffing", m->loonheffing);
    sw_json_add_cents(o, "net", m->net);
    cJSON_AddBoolToObject(o, "korting_applied", m->korting);
    cJSON_AddBoolToObject(o, "aow_age", m->aow_age);
    cJSON_AddBoolToObject(o, "born_before_1946_table", m->born_before_split);
    sw_json_add_cents(o, "table_wage", m->table_wage);
    sw_json_add_cents(o, "table_wage_annual", m->table_wage_annual);
    cJSON_AddBoolToObject(o, "above_table", m->above_table);
    sw_json_add_cents(o, "tax_annual", m->tax_annual);
    sw_json_add_cents(o, "ahk", m->ahk);
    sw_json_add_cents(o, "arbeidskorting", m->arbeidskorting);
    sw_json_add_cents(o, "ouderenkorting", m->ouderenkorting);
    sw_json_add_cents(o, "alleenstaande_ouderenkorting", m->aok);
    sw_json_add_cents(o, "loonheffing_annual", m->loonheffing_annual);
    sw_json_add_cents(o, "arbeidskorting_month", m->arbeidskorting_month);
    if (r->holiday) {
        sw_json_add_cents(o, "holiday_pay", r->b.amount);
        sw_json_add_cents(o, "holiday_pay_annual_wage", r->b.annual_wage);
        sw_json_add_percent(o, "holiday_pay_percent", r->b.rate);
        sw_json_add_cents(o, "holiday_pay_loonheffing", r->b.loonheffing);
        sw_json_add_cents(o, "holiday_pay_net", r->b.net);
        sw_json_add_cents(o, "loonheffing_total", m->loonheffing + r->b.loonheffing);
        sw_json_add_cents(o, "net_total", m->net + r->b.net);
    } else {
        cJSON_AddNullToObject(o, "holiday_pay");
    }
    sw_json_add_used(o, used);
    cli_add_tables_id(o, t);
    ex = cJSON_AddArrayToObject(o, "explanation");
    cJSON_AddItemToArray(ex, trace_json("loonheffing", &r->tr));
    if (r->holiday)
        cJSON_AddItemToArray(ex, trace_json("holiday_pay_loonheffing", &r->trb));
    return cli_print_json(o);
}

/* One line "  label   € 1.234,56", the amount right-aligned (the euro sign is three
 * bytes wide in UTF-8 and one column on screen). */
static void line(const char *label, int64_t cents)
{
    char a[48];

    sw_money_format_nl(a, sizeof(a), cents);
    printf("  %-16s %18s\n", label, a);
}

static int print_text(const struct sw_used *used, const struct result *r)
{
    const struct sw_lh_month *m = &r->m;
    char d[16], a[48], b[48], e[48];
    int year, mon, day;

    sw_date_format(d, sizeof(d), r->date);
    sw_date_to_ymd(r->date, &year, &mon, &day);
    printf("Nettoloon op %s (witte maandtabel %d, %s%s)\n", d, year,
           m->korting ? "met loonheffingskorting" : "zonder loonheffingskorting",
           m->aow_age ? (m->born_before_split ? ", AOW-leeftijd, geboren voor 1946"
                                              : ", AOW-leeftijd")
                      : "");
    line("brutoloon", m->gross);
    line("loonheffing", m->loonheffing);
    line("nettoloon", m->net);
    sw_money_format_nl(a, sizeof(a), m->table_wage);
    sw_money_format_nl(b, sizeof(b), m->table_wage_annual);
    printf("  tabelloon %s (jaarloon %s)%s\n", a, b,
           m->above_table ? ", boven de tabel: toptarief over het meerdere" : "");
    sw_money_format_nl(a, sizeof(a), m->tax_annual);
    printf("  per jaar: belasting %s", a);
    if (m->korting) {
        sw_money_format_nl(b, sizeof(b), m->ahk);
        sw_money_format_nl(e, sizeof(e), m->arbeidskorting);
        printf(", algemene heffingskorting %s, arbeidskorting %s", b, e);
        if (m->aow_age) {
            sw_money_format_nl(b, sizeof(b), m->ouderenkorting);
            printf(", ouderenkorting %s", b);
            if (m->aok) {
                sw_money_format_nl(b, sizeof(b), m->aok);
                printf(", alleenstaande-ouderenkorting %s", b);
            }
        }
    }
    sw_money_format_nl(a, sizeof(a), m->loonheffing_annual);
    printf("; loonheffing %s%s\n", a, m->above_table ? " (bij de laatste tabelregel)" : "");
    if (r->holiday) {
        char pct[32];
        sw_rate_format_nl(pct, sizeof(pct), r->b.rate);
        sw_money_format_nl(a, sizeof(a), r->b.amount);
        sw_money_format_nl(b, sizeof(b), r->b.loonheffing);
        sw_money_format_nl(e, sizeof(e), r->b.net);
        printf("Vakantiebijslag %s: loonheffing %s (%s %% bijzonder tarief), netto %s\n", a, b,
               pct, e);
        sw_money_format_nl(a, sizeof(a), m->net + r->b.net);
        printf("  netto totaal deze maand %s\n", a);
    }
    cli_print_provisional(used);
    return cli_finish_stdout();
}

int cli_net(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"gross", required_argument, NULL, OPT_GROSS},
        {"birth-date", required_argument, NULL, OPT_BIRTH},
        {"no-korting", no_argument, NULL, OPT_NO_KORTING},
        {"aok", no_argument, NULL, OPT_AOK},
        {"holiday-pay", required_argument, NULL, OPT_HOLIDAY},
        {"annual-wage", required_argument, NULL, OPT_ANNUAL},
        {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct args a = {0};
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_err err;
    struct result *r = NULL;
    int64_t gross, holiday = 0, annual = -1, periods;
    sw_date birth = SW_NO_DATE;
    unsigned korting;
    int code, rc = EXIT_OK;
    char today[16];

    while ((code = cli_next_option(argc, argv, opts, &c, "net", usage)) != -1) {
        switch (code) {
        case OPT_DATE: a.date = optarg; break;
        case OPT_GROSS: a.gross = optarg; break;
        case OPT_BIRTH: a.birth = optarg; break;
        case OPT_NO_KORTING: a.no_korting = true; break;
        case OPT_AOK: a.aok = true; break;
        case OPT_HOLIDAY: a.holiday = optarg; break;
        case OPT_ANNUAL: a.annual = optarg; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind < argc)
        return cli_usage_error("net", usage, "unexpected argument '%s'", argv[optind]);
    if (!a.gross)
        return cli_usage_error("net", usage, "--gross is required");
    if (!(a.date = cli_date_text_or_today(a.date, today, &rc)))
        return rc;
    if (a.annual && !a.holiday)
        return cli_usage_error("net", usage, "--annual-wage goes with --holiday-pay");
    if (a.no_korting && a.aok)
        return cli_usage_error("net", usage, "--aok needs the loonheffingskorting");

    r = calloc(1, sizeof(*r));
    if (!r) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_parse_date(&r->date, a.date, "--date", &rc) ||
        !cli_parse_euros(&gross, a.gross, "--gross", &rc) ||
        (a.birth && !cli_parse_date(&birth, a.birth, "--birth-date", &rc)) ||
        (a.holiday && !cli_parse_euros(&holiday, a.holiday, "--holiday-pay", &rc)) ||
        (a.annual && !cli_parse_euros(&annual, a.annual, "--annual-wage", &rc)))
        goto out;
    if (birth != SW_NO_DATE && birth > r->date) {
        fprintf(stderr, "switchsim: birth date '%s' after the date '%s' for '--birth-date'\n",
                a.birth, a.date);
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_ctx(&ctx, &c, t, &used, &rc))
        goto out;
    korting = a.no_korting ? 0u : SW_LH_KORTING | (a.aok ? SW_LH_AOK : 0u);
    sw_err_clear(&err);
    if (sw_loonheffing_month(&ctx, r->date, gross, birth, korting, &r->m, &r->tr, &err) != SW_OK) {
        rc = fail(&err);
        goto out;
    }
    if (a.holiday) {
        r->holiday = true;
        if (annual < 0) {
            /* Default jaarloon: the month herleid to a year plus this vakantiebijslag,
             * as for an employee without a previous year's wage. */
            if (sw_param(&ctx, "loonheffing.table.periods_per_year", r->date, SW_UNIT_COUNT,
                         &periods, NULL, &err) != SW_OK) {
                rc = fail(&err);
                goto out;
            }
            annual = gross * periods + holiday;
        }
        if (sw_loonheffing_bijzonder(&ctx, r->date, holiday, annual, birth, korting, &r->b,
                                     &r->trb, &err) != SW_OK) {
            rc = fail(&err);
            goto out;
        }
    }
    if (used.nomem) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    rc = c.json ? print_json(t, &used, r) : print_text(&used, r);
out:
    sw_used_release(&used);
    sw_tables_free(t);
    free(r);
    return rc;
}
