/* cli_simulate.c - `switchsim simulate FILE|-`: the resident's wallet month by
 * month, with recoveries, warnings and actions. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "render.h"
#include "switchsim/engine.h"
#include "json_out.h"

static const char usage[] =
    "usage: switchsim simulate FILE|- [--format table|json|csv|html] [--json] [--trace]\n"
    "                         [--tables DIR]\n"
    "\n"
    "Month by month: what the resident receives when switching to the job in the scenario\n"
    "and when staying on bijstand + dagbesteding; every recovery the payment timing causes,\n"
    "what to set aside, and what to do when. The scenario is JSON version 1 (CONTRACT.md).\n"
    "Default format: table on a terminal, json otherwise.\n";

enum { OPT_FORMAT = OPT_FIRST_OWN, OPT_TRACE };

int cli_simulate(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"format", required_argument, NULL, OPT_FORMAT},
                                         {"trace", no_argument, NULL, OPT_TRACE},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_timeline *tl = NULL;
    struct sw_scenario *s = NULL;
    struct sw_err err;
    const char *format = NULL;
    bool trace = false;
    int code, rc = EXIT_OK;

    while ((code = cli_next_option(argc, argv, opts, &c, "simulate", usage)) != -1) {
        switch (code) {
        case OPT_FORMAT: format = optarg; break;
        case OPT_TRACE: trace = true; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if ((rc = cli_one_scenario(&c, argc, "simulate", usage)) != 0)
        return rc;
    if (c.json)
        format = "json";
    if (!format)
        format = isatty(STDOUT_FILENO) ? "table" : "json";
    if (strcmp(format, "table") && strcmp(format, "json") && strcmp(format, "csv") &&
        strcmp(format, "html"))
        return cli_usage_error("simulate", usage, "unknown format '%s'", format);
    s = malloc(sizeof(*s));
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    if (sw_simulate(&tl, t, s, trace ? SW_SIM_TRACE : 0, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (strcmp(format, "json") == 0) {
        /* The text of sw_timeline_json(tl) without building the tree
         * (timeline_text.c), laid out as cli_print_json() does. */
        size_t len = 0;
        char *text = sw_timeline_text(tl, &len);
        rc = cli_print_json_text(text, len);
        goto out;
    }
    if (strcmp(format, "table") == 0)
        render_table(stdout, tl);
    else if (strcmp(format, "csv") == 0)
        render_csv(stdout, tl);
    else
        render_html(stdout, tl);
    rc = cli_finish_stdout();
out:
    sw_timeline_free(tl);
    sw_tables_free(t);
    free(s);
    return rc;
}
