/* cli_wml.c - `switchsim wml`: the minimum wage for an age, the monthly wage for
 * hours per week, a part month, and the vakantiebijslag that accrues on it. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json_out.h"
#include "switchsim/money.h"
#include "switchsim/wml.h"

static const char usage[] =
    "usage: switchsim wml [--date YYYY-MM-DD] [--birth-date D] [--hours H]\n"
    "                     [--hourly-wage EUR] [--start D [--end D]]\n"
    "                     [--override ID=VALUE]... [--tables DIR] [--json]\n"
    "\n"
    "The wettelijk minimumloon on --date: the hourly amount for the age (Wml art. 8,\n"
    "Besluit minimumjeugdloon), and with --hours the monthly wage (uurloon x uren x\n"
    "52 / 12) and the vakantiebijslag (its percentage from the tables) that accrues\n"
    "on it.\n"
    "\n"
    "  --birth-date D      the employee (without it: 21 or older)\n"
    "  --hours H           hours per week, e.g. 28 or 28.5\n"
    "  --hourly-wage EUR   a cao hourly wage instead of the minimum (not below it)\n"
    "  --start D, --end D  employment starts / ends inside the month of --date: the\n"
    "                      part month by calendar days (needs --hours)\n"
    "\n"
    "Amounts in the JSON are cents; provisional[] names the provisional table values\n"
    "used.\n";

enum { OPT_BIRTH = OPT_FIRST_OWN, OPT_HOURS, OPT_HOURLY, OPT_START, OPT_END };

/* A week has 7 x 24 hours (a calendar fact, not a legal limit), in hundredths. */
#define HOURS_PER_WEEK_MAX (7 * 24 * 100)

struct args {
    const char *date, *birth, *hours, *hourly, *start, *end;
};

struct result {
    sw_date date, start, end;
    struct sw_wml w;
    int64_t hourly, hours, monthly, holiday_rate, holiday_month, holiday_accrued,
        holiday_year, part, part_holiday, months;
    bool has_hours, has_part;
    int days, days_in_month;
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

/* A number in hundredths (hours) or ppm (percent) as text without trailing
 * zeros, with a decimal comma for people or a point for JSON. */
static void fmt_decimal(char *buf, size_t size, int64_t v, bool percent, char sep)
{
    if (percent)
        sw_rate_format(buf, size, v);
    else if (v % 100 == 0)
        snprintf(buf, size, "%lld", (long long)(v / 100));
    else if (v % 10 == 0)
        snprintf(buf, size, "%lld.%lld", (long long)(v / 100), (long long)(v % 100 / 10));
    else
        snprintf(buf, size, "%lld.%02lld", (long long)(v / 100), (long long)(v % 100));
    for (char *q = buf; *q; q++)
        if (*q == '.')
            *q = sep;
}

static int print_json(const struct sw_tables *t, const struct sw_used *used,
                      const struct result *r)
{
    cJSON *o = cJSON_CreateObject();
    char d[16], h[32];

    if (!o)
        return cli_print_json(NULL);
    sw_date_format(d, sizeof(d), r->date);
    cJSON_AddStringToObject(o, "date", d);
    if (r->w.age >= 0)
        cJSON_AddNumberToObject(o, "age", r->w.age);
    else
        cJSON_AddNullToObject(o, "age");
    sw_json_add_percent(o, "percent", r->w.percent);
    sw_json_add_cents(o, "minimum_hourly", r->w.hourly);
    sw_json_add_cents(o, "hourly", r->hourly);
    sw_json_add_percent(o, "holiday_pay_percent", r->holiday_rate);
    cJSON_AddNumberToObject(o, "holiday_pay_month", (double)r->holiday_month);
    if (r->has_hours) {
        fmt_decimal(h, sizeof(h), r->hours, false, '.');
        cJSON_AddRawToObject(o, "hours", h);
        sw_json_add_cents(o, "monthly", r->monthly);
        sw_json_add_cents(o, "holiday_pay_accrued", r->holiday_accrued);
        sw_json_add_cents(o, "holiday_pay_year", r->holiday_year);
    } else {
        cJSON_AddNullToObject(o, "hours");
        cJSON_AddNullToObject(o, "monthly");
        cJSON_AddNullToObject(o, "holiday_pay_accrued");
        cJSON_AddNullToObject(o, "holiday_pay_year");
    }
    if (r->has_part) {
        char m[8];
        sw_month_format(m, sizeof(m), sw_month_of(r->date));
        cJSON_AddStringToObject(o, "month", m);
        cJSON_AddNumberToObject(o, "days_employed", r->days);
        cJSON_AddNumberToObject(o, "days_in_month", r->days_in_month);
        sw_json_add_cents(o, "part_month", r->part);
        sw_json_add_cents(o, "part_month_holiday_pay_accrued", r->part_holiday);
    }
    sw_json_add_used(o, used);
    cli_add_tables_id(o, t);
    return cli_print_json(o);
}

static int print_text(const struct sw_used *used, const struct result *r)
{
    char d[16], a[48], b[48], pct[32];

    sw_date_format(d, sizeof(d), r->date);
    fmt_decimal(pct, sizeof(pct), r->w.percent, true, ',');
    sw_money_format_nl(a, sizeof(a), r->w.hourly);
    if (r->w.age >= 0)
        printf("Wettelijk minimumloon op %s, leeftijd %d: %s per uur (%s %%)\n", d, r->w.age, a,
               pct);
    else
        printf("Wettelijk minimumloon op %s, 21 jaar of ouder: %s per uur\n", d, a);
    if (r->hourly != r->w.hourly) {
        sw_money_format_nl(a, sizeof(a), r->hourly);
        printf("  uurloon (cao)      %s\n", a);
    }
    if (r->has_hours) {
        char h[32];
        sw_money_format_nl(a, sizeof(a), r->monthly);
        fmt_decimal(h, sizeof(h), r->hours, false, ',');
        printf("  %s uur per week: %s bruto per maand (uurloon x uren x 52 / 12)\n", h, a);
        fmt_decimal(pct, sizeof(pct), r->holiday_rate, true, ',');
        sw_money_format_nl(a, sizeof(a), r->holiday_accrued);
        sw_money_format_nl(b, sizeof(b), r->holiday_year);
        printf("  vakantiebijslag %s %%: %s per maand opgebouwd, %s per jaar, betaald in %s\n",
               pct, a, b,
               sw_month_name_nl((int)r->holiday_month));
    }
    if (r->has_part) {
        sw_money_format_nl(a, sizeof(a), r->part);
        sw_money_format_nl(b, sizeof(b), r->part_holiday);
        printf("  deze maand %d van %d dagen in dienst: %s bruto (vakantiebijslag %s)\n", r->days,
               r->days_in_month, a, b);
    }
    cli_print_provisional(used);
    return cli_finish_stdout();
}

static int compute(const struct sw_ctx *ctx, const struct args *a, sw_date birth,
                   struct result *r)
{
    struct sw_err err;
    int rc = EXIT_OK;

    sw_err_clear(&err);
    if (sw_wml_hourly(ctx, r->date, birth, "--birth-date", &r->w, NULL, &err) != SW_OK ||
        sw_param(ctx, "wml.holiday_pay_rate", r->date, SW_UNIT_PERCENT, &r->holiday_rate, NULL,
                 &err) != SW_OK ||
        sw_param(ctx, "wml.holiday_pay_month", r->date, SW_UNIT_MONTH_OF_YEAR,
                 &r->holiday_month, NULL, &err) != SW_OK)
        return fail(&err);
    r->hourly = r->w.hourly;
    if (a->hourly) {
        int64_t v;
        if (!cli_parse_euros(&v, a->hourly, "--hourly-wage", &rc))
            return rc;
        /* Wml art. 7 and 13: an agreed wage below the minimum is void. */
        if (v < r->w.hourly) {
            char x[32], y[32];
            sw_money_format(x, sizeof(x), v);
            sw_money_format(y, sizeof(y), r->w.hourly);
            fprintf(stderr,
                    "switchsim: hourly wage %s below the minimum wage %s for '--hourly-wage'\n",
                    x, y);
            return EXIT_BAD_INPUT;
        }
        r->hourly = v;
    }
    if (!r->has_hours)
        return EXIT_OK;
    if (sw_wage_monthly(ctx, r->date, r->hourly, r->hours, &r->monthly, NULL, &err) != SW_OK ||
        sw_holiday_pay(ctx, r->date, r->monthly, &r->holiday_accrued, NULL, &err) != SW_OK ||
        sw_param(ctx, "wml.months_per_year", r->date, SW_UNIT_MONTHS, &r->months, NULL,
                 &err) != SW_OK ||
        sw_holiday_pay(ctx, r->date, r->monthly * r->months, &r->holiday_year, NULL, &err) !=
            SW_OK)
        return fail(&err);
    if (r->has_part) {
        sw_month m = sw_month_of(r->date);
        sw_date first = sw_month_first_day(m), last = sw_month_last_day(m);
        sw_date from = r->start > first ? r->start : first;
        sw_date to = (r->end != SW_NO_DATE && r->end < last) ? r->end : last;

        r->days = to >= from ? to - from + 1 : 0;
        r->days_in_month = sw_month_days(m);
        r->part = sw_wage_part_month(r->monthly, m, r->start, r->end);
        if (sw_holiday_pay(ctx, r->date, r->part, &r->part_holiday, NULL, &err) != SW_OK)
            return fail(&err);
    }
    return EXIT_OK;
}

int cli_wml(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"birth-date", required_argument, NULL, OPT_BIRTH},
        {"hours", required_argument, NULL, OPT_HOURS},
        {"hourly-wage", required_argument, NULL, OPT_HOURLY},
        {"start", required_argument, NULL, OPT_START},
        {"end", required_argument, NULL, OPT_END},
        {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct args a = {0};
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_err err;
    struct result r;
    sw_date birth = SW_NO_DATE;
    int code, rc = EXIT_OK;
    char today[16];

    memset(&r, 0, sizeof(r));
    r.end = SW_NO_DATE;
    while ((code = cli_next_option(argc, argv, opts, &c, "wml", usage)) != -1) {
        switch (code) {
        case OPT_DATE: a.date = optarg; break;
        case OPT_BIRTH: a.birth = optarg; break;
        case OPT_HOURS: a.hours = optarg; break;
        case OPT_HOURLY: a.hourly = optarg; break;
        case OPT_START: a.start = optarg; break;
        case OPT_END: a.end = optarg; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind < argc)
        return cli_usage_error("wml", usage, "unexpected argument '%s'", argv[optind]);
    if (!(a.date = cli_date_text_or_today(a.date, today, &rc)))
        return rc;
    if ((a.start || a.end) && !a.hours)
        return cli_usage_error("wml", usage, "--start and --end need --hours");
    if (a.end && !a.start)
        return cli_usage_error("wml", usage, "--end goes with --start");

    if (!cli_parse_date(&r.date, a.date, "--date", &rc) ||
        (a.birth && !cli_parse_date(&birth, a.birth, "--birth-date", &rc)) ||
        (a.start && !cli_parse_date(&r.start, a.start, "--start", &rc)) ||
        (a.end && !cli_parse_date(&r.end, a.end, "--end", &rc)))
        return rc;
    if (birth != SW_NO_DATE && birth > r.date) {
        fprintf(stderr, "switchsim: birth date '%s' after the date '%s' for '--birth-date'\n",
                a.birth, a.date);
        return EXIT_BAD_INPUT;
    }
    if (a.end && r.end < r.start) {
        fprintf(stderr, "switchsim: end '%s' before the start '%s' for '--end'\n", a.end,
                a.start);
        return EXIT_BAD_INPUT;
    }
    r.has_part = a.start != NULL;
    if (a.hours) {
        sw_err_clear(&err);
        if (sw_decimal_parse(&r.hours, a.hours, 2, HOURS_PER_WEEK_MAX, "--hours", &err) != SW_OK)
            return fail(&err);
        if (r.hours <= 0) {
            fprintf(stderr, "switchsim: hours per week must be more than 0 for '--hours'\n");
            return EXIT_BAD_INPUT;
        }
        r.has_hours = true;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_ctx(&ctx, &c, t, &used, &rc))
        goto out;
    rc = compute(&ctx, &a, birth, &r);
    if (rc != EXIT_OK)
        goto out;
    if (used.nomem) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    rc = c.json ? print_json(t, &used, &r) : print_text(&used, &r);
out:
    sw_used_release(&used);
    sw_tables_free(t);
    return rc;
}
