/* cli_municipality.c - `switchsim municipality FILE`: the municipality's business
 * case, the core use case sw_municipality_whatif() that POST /api/municipality
 * runs too; --json writes the same JSON (whatif_json.c). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "switchsim/money.h"
#include "switchsim/scenario.h"
#include "switchsim/whatif.h"
#include "whatif_json.h"

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

/* The business case as a table: a row per month, then the break-even month. */
static void print_case(const struct sw_municipality_whatif *w)
{
    const struct sw_muni_case *mc = &w->mcase;
    char mo[16];

    printf("%-8s %14s %14s %14s %14s\n", "maand", "kosten zonder", "kosten met", "besparing",
           "opgeteld");
    for (int k = 0; k < mc->nmonths; k++) {
        const struct sw_muni_month *m = &mc->months[k];
        char a[40], b[40], d[40], e[40];
        sw_month_format(mo, sizeof(mo), m->month);
        sw_money_format_nl(a, sizeof(a), m->cost_before);
        sw_money_format_nl(b, sizeof(b), m->cost_after);
        sw_money_format_nl(d, sizeof(d), m->saving);
        sw_money_format_nl(e, sizeof(e), m->cumulative_saving);
        printf("%-8s %16s %16s %16s %16s\n", mo, a, b, d, e);
    }
    if (mc->has_break_even)
        sw_month_format(mo, sizeof(mo), mc->break_even);
    printf("\nTerugverdiend vanaf: %s\n",
           mc->has_break_even ? mo : "niet binnen deze maanden");
}

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
    struct sw_municipality_whatif_input in;
    struct sw_municipality_whatif *w = NULL;
    struct sw_err err;
    const char *before = NULL, *after = NULL, *dagdelen = NULL;
    bool no_lks = false;
    int code, rc = EXIT_OK;

    while ((code = cli_next_option(argc, argv, opts, &c, "municipality", usage)) != -1) {
        switch (code) {
        /* A repeated option: the first one counts. */
        case OPT_BEFORE: before = before ? before : optarg; break;
        case OPT_AFTER: after = after ? after : optarg; break;
        case OPT_DAGDELEN: dagdelen = dagdelen ? dagdelen : optarg; break;
        case OPT_NO_LKS: no_lks = true; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if ((rc = cli_one_scenario(&c, argc, "municipality", usage)) != 0)
        return rc;
    s = malloc(sizeof(*s));
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    /* The before products first: the after list checks the total. */
    sw_municipality_whatif_init(&in);
    in.without_lks = no_lks;
    if ((before && sw_municipality_whatif_parse_products(&in, false, before, &err) != SW_OK) ||
        (after && sw_municipality_whatif_parse_products(&in, true, after, &err) != SW_OK) ||
        (dagdelen && sw_municipality_whatif_parse_dagdelen(&in, dagdelen, &err) != SW_OK) ||
        sw_municipality_whatif(&w, t, s, &in, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (c.json) {
        rc = cli_print_json(sw_municipality_whatif_json(w));
    } else {
        print_case(w);
        cli_print_provisional(&w->used);
        rc = cli_finish_stdout();
    }
out:
    sw_municipality_whatif_free(w);
    sw_tables_free(t);
    free(s);
    return rc;
}
