/* cli_explain.c - `switchsim explain FILE --month M --item NAME`: how one figure of
 * a simulation came about, in plain Dutch or as JSON for the web page. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "explain.h"
#include "switchsim/engine.h"
#include "switchsim/scenario.h"

static const char usage[] =
    "usage: switchsim explain FILE|- --month YYYY-MM --item NAME [--baseline] [--json]\n"
    "                         [--tables DIR]\n"
    "\n"
    "The derivation of one figure of `switchsim simulate`, in plain Dutch: the law and\n"
    "article, the formula in words, the table values used (id, value, valid from,\n"
    "source) and the inputs, then the figures it is built on.\n"
    "\n"
    "  --month M     a month of the scenario's horizon (YYYY-MM)\n"
    "  --item NAME   a month field of the simulate JSON, e.g. bijstand_paid, net_wage,\n"
    "                safe_to_spend (see --item list)\n"
    "  --baseline    explain the run in which the resident stays on bijstand\n"
    "  --json        {\"month\", \"item\", \"value\", \"run\", \"label\", \"text\", \"trace\",\n"
    "                 \"parts\": [{\"item\", \"label\", \"value\", \"trace\"}]}\n"
    "\n"
    "`switchsim explain --item list` prints the item names.\n";

enum { OPT_MONTH = OPT_FIRST_OWN, OPT_ITEM, OPT_BASELINE };

static int list_items(void)
{
    for (int k = 0; k < SW_ITEM__COUNT; k++)
        printf("%-36s %s\n", sw_item_name((enum sw_item)k),
               explain_item_label((enum sw_item)k));
    return cli_finish_stdout();
}

int cli_explain(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"month", required_argument, NULL, OPT_MONTH},
                                         {"item", required_argument, NULL, OPT_ITEM},
                                         {"baseline", no_argument, NULL, OPT_BASELINE},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_timeline *tl = NULL;
    struct sw_scenario *s = NULL;
    struct sw_err err;
    const char *month_text = NULL, *item_text = NULL;
    bool baseline = false;
    sw_month month;
    enum sw_item item;
    int code, rc = EXIT_OK, idx;

    while ((code = cli_next_option(argc, argv, opts, &c, "explain", usage)) != -1) {
        switch (code) {
        case OPT_MONTH: month_text = optarg; break;
        case OPT_ITEM: item_text = optarg; break;
        case OPT_BASELINE: baseline = true; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if (item_text && strcmp(item_text, "list") == 0 && optind == argc)
        return list_items();
    if ((rc = cli_one_scenario(&c, argc, "explain", usage)) != 0)
        return rc;
    if (!month_text)
        return cli_usage_error("explain", usage, "'--month' is required");
    if (!item_text)
        return cli_usage_error("explain", usage, "'--item' is required");
    if (sw_month_parse(&month, month_text, "--month", &err) != SW_OK)
        return cli_fail(&err);
    if (!sw_item_parse(item_text, &item)) {
        fprintf(stderr,
                "switchsim: unknown item '%.60s' for '--item'; "
                "'switchsim explain --item list' names them\n",
                item_text);
        return EXIT_BAD_INPUT;
    }
    s = malloc(sizeof(*s));
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    idx = month - s->start_month;
    if (idx < 0 || idx >= s->months) {
        char a[16], b[16];
        sw_month_format(a, sizeof(a), s->start_month);
        sw_month_format(b, sizeof(b), s->start_month + s->months - 1);
        fprintf(stderr, "switchsim: month '%s' outside the scenario's months %s to %s for "
                        "'--month'\n",
                month_text, a, b);
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (sw_simulate(&tl, t, s, SW_SIM_TRACE | SW_SIM_NO_STEADY, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (c.json) {
        rc = cli_print_json(explain_json(tl, baseline, idx, item));
        goto out;
    }
    explain_render(stdout, tl, baseline, idx, item);
    rc = cli_finish_stdout();
out:
    sw_timeline_free(tl);
    sw_tables_free(t);
    free(s);
    return rc;
}
