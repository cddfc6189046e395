/* cli_tables.c - `switchsim tables check|list|show`: inspect the parameter tables. */
#include <string.h>

#include "cli.h"
#include "fileio.h"
#include "switchsim/money.h"

static const char usage[] =
    "usage: switchsim tables check [--tables DIR] [--json]\n"
    "       switchsim tables list  [--tables DIR] [--json]\n"
    "       switchsim tables show ID [--date YYYY-MM-DD] [--municipality NAME]\n"
    "                               [--tables DIR] [--json]\n"
    "\n"
    "check  validate every table (XSD and meaning); exit 3 naming the file on a problem\n"
    "list   the table documents with version, and the set's sha256\n"
    "show   a parameter's value on a date, or its whole timeline: value, unit,\n"
    "       valid from, source\n";

enum { OPT_MUNI = OPT_FIRST_OWN };

/* The value as text in its unit: "1345.45 euro", "35.82 %", "6 months". */
static void format_value(char *buf, size_t size, enum sw_unit unit, int64_t v)
{
    char num[48];

    switch (unit) {
    case SW_UNIT_EUROCENT:
        sw_money_format(num, sizeof(num), v);
        snprintf(buf, size, "%s euro", num);
        break;
    case SW_UNIT_PERCENT:
        sw_rate_format(num, sizeof(num), v);
        snprintf(buf, size, "%s %%", num);
        break;
    case SW_UNIT_HOURS:
        sw_money_format(num, sizeof(num), v);  /* hundredths, same shape */
        snprintf(buf, size, "%s hours", num);
        break;
    case SW_UNIT_BOOL:
        snprintf(buf, size, "%s", v ? "true" : "false");
        break;
    default:
        snprintf(buf, size, "%lld %s", (long long)v, sw_unit_name(unit));
        break;
    }
}

static cJSON *info_json(const struct sw_value_info *in)
{
    cJSON *o = cJSON_CreateObject();
    char d[16];

    sw_date_format(d, sizeof(d), in->from);
    cJSON_AddStringToObject(o, "id", in->id);
    cJSON_AddStringToObject(o, "from", d);
    if (in->end) {
        cJSON_AddBoolToObject(o, "end", true);
        if (in->unpublished)
            cJSON_AddBoolToObject(o, "unpublished", true);
    } else if (in->is_scale) {
        cJSON *arr = cJSON_AddArrayToObject(o, "brackets");
        for (size_t i = 0; i < in->nbrackets; i++) {
            cJSON *b = cJSON_CreateObject();
            char r[32];
            cJSON_AddNumberToObject(b, "threshold", (double)in->brackets[i].threshold);
            if (in->kind == SW_SCALE_PIECEWISE)
                cJSON_AddNumberToObject(b, "base", (double)in->brackets[i].base);
            sw_rate_format(r, sizeof(r), in->brackets[i].rate);
            cJSON_AddRawToObject(b, "rate_percent", r);
            cJSON_AddItemToArray(arr, b);
        }
    } else {
        cJSON_AddNumberToObject(o, "value", (double)in->amount);
    }
    cJSON_AddStringToObject(o, "unit", in->is_scale ? "scale" : sw_unit_name(in->unit));
    cJSON_AddStringToObject(o, "source", in->source);
    cJSON_AddStringToObject(o, "url", in->url);
    if (in->note[0])
        cJSON_AddStringToObject(o, "note", in->note);
    cJSON_AddBoolToObject(o, "provisional", in->provisional);
    cJSON_AddStringToObject(o, "file", in->file);
    return o;
}

static void print_info(const struct sw_value_info *in)
{
    char d[16], v[64];

    sw_date_format(d, sizeof(d), in->from);
    if (in->end) {
        printf("  from %s  (no value: %s)\n", d,
               in->unpublished ? "not published yet" : "the parameter ends");
    } else if (in->is_scale) {
        printf("  from %s  %s scale%s\n", d,
               in->kind == SW_SCALE_PIECEWISE ? "piecewise" : "marginal",
               in->provisional ? "  [provisional]" : "");
        for (size_t i = 0; i < in->nbrackets; i++) {
            char th[32], base[32], r[32];
            sw_money_format(th, sizeof(th), in->brackets[i].threshold);
            sw_money_format(base, sizeof(base), in->brackets[i].base);
            sw_rate_format(r, sizeof(r), in->brackets[i].rate);
            if (in->kind == SW_SCALE_PIECEWISE)
                printf("    from %12s: %s + %s %% above\n", th, base, r);
            else
                printf("    from %12s: %s %%\n", th, r);
        }
    } else {
        format_value(v, sizeof(v), in->unit, in->amount);
        printf("  from %s  %s%s\n", d, v, in->provisional ? "  [provisional]" : "");
    }
    printf("    source: %s\n", in->source);
    if (in->url[0])
        printf("    url: %s\n", in->url);
    if (in->note[0])
        printf("    note: %s\n", in->note);
}

static int do_show(const struct cli_common *c, const char *id, const char *date_text,
                   const char *muni)
{
    struct sw_tables *t = NULL;
    struct sw_value_info infos[200];
    size_t n;
    int rc = EXIT_OK;
    sw_date date = 0;

    if (date_text && !cli_parse_date(&date, date_text, "--date", &rc))
        return rc;
    if (!cli_load_tables(&t, c, &rc))
        return rc;
    if (!muni && strncmp(id, "gemeente.", 9) == 0)
        muni = "default";
    n = sw_tables_timeline(t, id, muni ? muni : "", infos, 200);
    if (n == 0) {
        fprintf(stderr, "switchsim: unknown parameter '%s'%s%s\n", id,
                muni ? " for municipality " : "", muni ? muni : "");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (n > 200)
        n = 200;
    if (date_text) {
        /* The value in force on the date: the last one from on or before it. */
        const struct sw_value_info *hit = NULL;
        for (size_t i = 0; i < n && infos[i].from <= date; i++)
            hit = &infos[i];
        if (!hit || hit->end) {
            fprintf(stderr, "switchsim: no value for '%s' on '%s'\n", id, date_text);
            rc = EXIT_BAD_INPUT;
            goto out;
        }
        if (c->json) {
            rc = cli_print_json(info_json(hit));
        } else {
            printf("%s — %s\n", id, hit->description);
            print_info(hit);
            rc = cli_finish_stdout();
        }
        goto out;
    }
    if (c->json) {
        cJSON *o = cJSON_CreateObject(), *arr;
        cJSON_AddStringToObject(o, "id", id);
        cJSON_AddStringToObject(o, "description", infos[0].description);
        arr = cJSON_AddArrayToObject(o, "values");
        for (size_t i = 0; i < n; i++)
            cJSON_AddItemToArray(arr, info_json(&infos[i]));
        rc = cli_print_json(o);
    } else {
        printf("%s — %s\n", id, infos[0].description);
        for (size_t i = 0; i < n; i++)
            print_info(&infos[i]);
        rc = cli_finish_stdout();
    }
out:
    sw_tables_free(t);
    return rc;
}

static int do_list(const struct cli_common *c, bool check_only)
{
    struct sw_tables *t = NULL;
    int rc = EXIT_OK;
    size_t nd;

    if (!cli_load_tables(&t, c, &rc))
        return rc;
    nd = sw_tables_doc_count(t);
    if (c->json) {
        cJSON *o = cJSON_CreateObject(), *arr;
        cJSON_AddStringToObject(o, "version", sw_tables_version(t));
        cJSON_AddStringToObject(o, "sha256", sw_tables_sha256(t));
        cJSON_AddNumberToObject(o, "parameters", (double)sw_tables_param_count(t));
        arr = cJSON_AddArrayToObject(o, "documents");
        for (size_t i = 0; i < nd; i++) {
            const char *name, *id, *title, *version, *muni;
            cJSON *d = cJSON_CreateObject();
            sw_tables_doc(t, i, &name, &id, &title, &version, &muni);
            cJSON_AddStringToObject(d, "file", name);
            cJSON_AddStringToObject(d, "id", id);
            cJSON_AddStringToObject(d, "title", title);
            cJSON_AddStringToObject(d, "version", version);
            if (muni[0])
                cJSON_AddStringToObject(d, "municipality", muni);
            cJSON_AddItemToArray(arr, d);
        }
        rc = cli_print_json(o);
    } else if (check_only) {
        printf("tables ok: %zu documents, %zu parameters, version %s, sha256 %s\n", nd,
               sw_tables_param_count(t), sw_tables_version(t), sw_tables_sha256(t));
        rc = cli_finish_stdout();
    } else {
        for (size_t i = 0; i < nd; i++) {
            const char *name, *id, *title, *version, *muni;
            sw_tables_doc(t, i, &name, &id, &title, &version, &muni);
            printf("%-36s %-10s %s%s%s\n", name, version, title, muni[0] ? "  [gemeente " : "",
                   muni[0] ? muni : "");
            if (muni[0])
                printf("\b]\n");
        }
        printf("version %s  sha256 %s\n", sw_tables_version(t), sw_tables_sha256(t));
        rc = cli_finish_stdout();
    }
    sw_tables_free(t);
    return rc;
}

int cli_tables(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"municipality", required_argument, NULL, OPT_MUNI},
        {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    const char *date = NULL, *muni = NULL, *action;
    int code;

    while ((code = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        if (cli_common_option(&c, code))
            continue;
        switch (code) {
        case OPT_DATE: date = optarg; break;
        case OPT_MUNI: muni = optarg; break;
        default:
            return cli_usage_error("tables", usage, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind >= argc)
        return cli_usage_error("tables", usage, "missing action (check, list or show)");
    action = argv[optind++];
    /* Options may also follow the action. */
    while ((code = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        if (cli_common_option(&c, code))
            continue;
        switch (code) {
        case OPT_DATE: date = optarg; break;
        case OPT_MUNI: muni = optarg; break;
        default:
            return cli_usage_error("tables", usage, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (c.help)
        return cli_help(usage);
    if (strcmp(action, "check") == 0 || strcmp(action, "list") == 0) {
        if (optind < argc)
            return cli_usage_error("tables", usage, "unexpected argument '%s'", argv[optind]);
        return do_list(&c, action[0] == 'c');
    }
    if (strcmp(action, "show") == 0) {
        const char *id;
        if (optind >= argc)
            return cli_usage_error("tables", usage, "missing parameter id");
        id = argv[optind++];
        while ((code = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
            if (cli_common_option(&c, code))
                continue;
            switch (code) {
            case OPT_DATE: date = optarg; break;
            case OPT_MUNI: muni = optarg; break;
            default:
                return cli_usage_error("tables", usage, "unknown option '%s'",
                                       argv[optind - 1]);
            }
        }
        if (optind < argc)
            return cli_usage_error("tables", usage, "unexpected argument '%s'", argv[optind]);
        return do_show(&c, id, date, muni);
    }
    return cli_usage_error("tables", usage, "unknown action '%s'", action);
}
