/* cli_wayback.c - `switchsim wayback FILE`: what if the job stops after N months?
 * Parses, calls sw_way_back_whatif() (whatif.h) and renders: a Dutch table, or
 * the JSON of whatif_json.c that POST /wayback answers too. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "switchsim/money.h"
#include "switchsim/scenario.h"
#include "switchsim/whatif.h"
#include "whatif_json.h"

static const char usage[] =
    "usage: switchsim wayback FILE|- [--after 3,6,9,12] [--json] [--tables DIR]\n"
    "\n"
    "The way back: for each N, the job in the scenario ends N months after its start.\n"
    "Shows whether WW follows (26 of 36 weeks worked), when bijstand comes back (a\n"
    "gap of 4 weeks for someone under 27), when dagbesteding can start again, and the\n"
    "average safe-to-spend in the three months after the job against staying.\n";

enum { OPT_AFTER = OPT_FIRST_OWN };

static void print_table(const struct sw_way_back_step *steps, size_t n)
{
    printf("%-6s %-11s %6s %-4s %-11s %5s %-11s %14s %14s\n", "na", "laatste dag", "weken", "WW",
           "bijstand", "gat", "dagbest.", "daarna/maand", "blijven/maand");
    for (size_t i = 0; i < n; i++) {
        const struct sw_way_back_step *s = &steps[i];
        char end[16], bij[16] = "-", dag[16] = "-", a[40], b[40];
        sw_date_format(end, sizeof(end), s->job_end);
        if (s->in_horizon && s->wb.bijstand_from != SW_NO_DATE)
            sw_date_format(bij, sizeof(bij), s->wb.bijstand_from);
        if (s->in_horizon && s->wb.dagbesteding_from != SW_NO_DATE)
            sw_date_format(dag, sizeof(dag), s->wb.dagbesteding_from);
        sw_money_format_nl(a, sizeof(a), s->after_avg);
        sw_money_format_nl(b, sizeof(b), s->stay_avg);
        if (!s->in_horizon) {
            printf("%-6d %-11s  (de baan loopt door tot na de laatste maand van het overzicht)\n",
                   s->after, end);
            continue;
        }
        printf("%-6d %-11s %6d %-4s %-11s %5d %-11s %16s %16s\n", s->after, end,
               s->wb.weeks_worked, s->wb.ww ? "ja" : "nee", bij, s->wb.gap_days, dag,
               s->months_after ? a : "-", s->months_after ? b : "-");
    }
    printf("\nna: maanden werk; gat: dagen zonder loon, WW of bijstand; daarna/maand: gemiddeld "
           "veilig te besteden in de drie maanden na de baan.\n");
}

int cli_wayback(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"after", required_argument, NULL, OPT_AFTER},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_scenario *s = NULL;
    struct sw_way_back_input in;
    struct sw_way_back_whatif *w = NULL;
    struct sw_err err;
    int code, rc = EXIT_OK;

    sw_way_back_init(&in);
    while ((code = cli_next_option(argc, argv, opts, &c, "wayback", usage)) != -1) {
        if (code == OPT_AFTER) {
            if (sw_way_back_parse_after(&in, optarg, "--after", &err) != SW_OK)
                return cli_fail(&err);
            continue;
        }
        return EXIT_USAGE;   /* said by cli_next_option */
    }
    if (c.help)
        return cli_help(usage);
    if ((rc = cli_one_scenario(&c, argc, "wayback", usage)) != 0)
        return rc;
    s = malloc(sizeof(*s));
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    if (sw_way_back_whatif(&w, t, s, &in, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (c.json) {
        rc = cli_print_json(sw_way_back_whatif_json(w));
    } else {
        print_table(w->steps, w->n);
        cli_print_provisional(&w->used);
        rc = cli_finish_stdout();
    }
out:
    sw_way_back_whatif_free(w);
    sw_tables_free(t);
    free(s);
    return rc;
}
