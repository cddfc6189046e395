/* cli_municipality.c - `switchsim municipality FILE`: the municipality's business
 * case, the same computation as POST /api/municipality. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_whatif.h"
#include "switchsim/money.h"
#include "switchsim/scenario.h"

static const char usage[] =
    "usage: switchsim municipality FILE|- [--before PRODUCT,...] [--after PRODUCT,...]\n"
    "                             [--dagdelen-after N] [--no-lks] [--json] [--tables DIR]\n"
    "\n"
    "What the switch costs or saves the municipality of the scenario, month by month:\n"
    "before = bijstand paid + dagbesteding (price per dagdeel) + products; after =\n"
    "remaining bijstand + loonkostensubsidie + products (begeleiding, jobcoach). Prices\n"
    "come from tables/gemeenten/<municipality>.xml; a missing price is an error.\n"
    "Shows the cumulative saving and the break-even month.\n";

enum { OPT_BEFORE = OPT_FIRST_OWN, OPT_AFTER, OPT_DAGDELEN, OPT_NO_LKS };

int cli_municipality(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"before", required_argument, NULL, OPT_BEFORE},
                                         {"after", required_argument, NULL, OPT_AFTER},
                                         {"dagdelen-after", required_argument, NULL, OPT_DAGDELEN},
                                         {"no-lks", no_argument, NULL, OPT_NO_LKS},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_scenario *s = NULL;
    struct cgi_query q;
    struct cgi_reply r = {0, NULL};
    int code, rc = EXIT_OK;

    memset(&q, 0, sizeof(q));
    while ((code = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        bool ok = true;
        if (cli_common_option(&c, code))
            continue;
        switch (code) {
        case OPT_BEFORE: ok = whatif_query_add(&q, "before", optarg); break;
        case OPT_AFTER: ok = whatif_query_add(&q, "after", optarg); break;
        case OPT_DAGDELEN: ok = whatif_query_add(&q, "dagdelen_after", optarg); break;
        case OPT_NO_LKS: ok = whatif_query_add(&q, "lks", "0"); break;
        default:
            return cli_usage_error("municipality", usage, "unknown option '%s'",
                                   argv[optind - 1]);
        }
        if (!ok)
            return EXIT_BAD_INPUT;
    }
    if (c.help)
        return cli_help(usage);
    if (optind != argc - 1)
        return cli_usage_error("municipality", usage, "give one scenario file, or - for stdin");
    s = malloc(sizeof(*s));
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    r = cgi_municipality(t, s, &q);
    rc = whatif_reply_status(&r);
    if (rc != EXIT_OK)
        goto out;
    if (c.json) {
        rc = cli_print_json(r.body);
        r.body = NULL;
    } else {
        const cJSON *months = cJSON_GetObjectItemCaseSensitive(r.body, "months"), *m;
        const cJSON *be = cJSON_GetObjectItemCaseSensitive(r.body, "break_even");
        printf("%-8s %14s %14s %14s %14s\n", "maand", "kosten zonder", "kosten met",
               "besparing", "opgeteld");
        cJSON_ArrayForEach(m, months) {
            const cJSON *mo = cJSON_GetObjectItemCaseSensitive(m, "month");
            char a[40], b[40], d[40], e[40];
            sw_money_format_nl(a, sizeof(a), whatif_cents(m, "cost_before"));
            sw_money_format_nl(b, sizeof(b), whatif_cents(m, "cost_after"));
            sw_money_format_nl(d, sizeof(d), whatif_cents(m, "saving"));
            sw_money_format_nl(e, sizeof(e), whatif_cents(m, "cumulative_saving"));
            printf("%-8s %16s %16s %16s %16s\n", cJSON_IsString(mo) ? mo->valuestring : "", a, b,
                   d, e);
        }
        printf("\nTerugverdiend vanaf: %s\n",
               cJSON_IsString(be) ? be->valuestring : "niet binnen deze maanden");
        rc = cli_finish_stdout();
    }
out:
    cJSON_Delete(r.body);
    sw_tables_free(t);
    free(s);
    return rc;
}
