/* cli_sweep.c - `switchsim sweep FILE --hours A:B:S | --loonwaarde A:B:S`: the
 * scenario rerun per step, with the resident's gain and the marginal rate. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fileio.h"
#include "sweep.h"
#include "switchsim/scenario.h"

static const char usage[] =
    "usage: switchsim sweep FILE|- (--hours FROM:TO:STEP | --loonwaarde FROM:TO:STEP)\n"
    "                      [--format table|csv|json|svg] [--json] [--tables DIR]\n"
    "\n"
    "Reruns the scenario for each step: --hours sets job.hours_per_week, --loonwaarde sets\n"
    "the percent of every job.loonwaarde period. Per step: the average gross pay (wage +\n"
    "vakantiegeld), what is safe to spend with the job and on bijstand, the average monthly\n"
    "gain (average_gain of `switchsim simulate`), and the marginal rate against the step\n"
    "before: 1 - (extra gain / extra gross pay), the part of each extra euro earned that is\n"
    "lost to less bijstand, less toeslagen and more tax (100 % or more: the armoedeval).\n"
    "Each step is exactly the simulate run of the scenario with that value.\n"
    "\n"
    "  --hours 8:40:4        hours per week 8, 12, ..., 40 (up to 2 decimals)\n"
    "  --loonwaarde 10:100:10  loonwaarde percent 10, 20, ..., 100\n"
    "  --format F            table (default on a terminal), csv, json (default otherwise),\n"
    "                        svg (a line chart of the gain per step)\n";

enum { OPT_HOURS = OPT_FIRST_OWN, OPT_LOONWAARDE, OPT_FORMAT };

int cli_sweep(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"hours", required_argument, NULL, OPT_HOURS},
                                         {"loonwaarde", required_argument, NULL, OPT_LOONWAARDE},
                                         {"format", required_argument, NULL, OPT_FORMAT},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_scenario *s = NULL;
    struct sweep *sw = NULL;
    struct sw_problems pr;
    struct sw_err err;
    const char *hours = NULL, *loonwaarde = NULL, *format = NULL, *option, *range;
    char *text = NULL;
    size_t len;
    int code, rc = EXIT_OK;

    while ((code = cli_next_option(argc, argv, opts, &c, "sweep", usage)) != -1) {
        switch (code) {
        case OPT_HOURS: hours = optarg; break;
        case OPT_LOONWAARDE: loonwaarde = optarg; break;
        case OPT_FORMAT: format = optarg; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if ((rc = cli_one_scenario(&c, argc, "sweep", usage)) != 0)
        return rc;
    if (!hours == !loonwaarde)
        return cli_usage_error("sweep", usage, "give one of '--hours' and '--loonwaarde'");
    if (c.json)
        format = "json";
    if (!format)
        format = isatty(STDOUT_FILENO) ? "table" : "json";
    if (strcmp(format, "table") && strcmp(format, "json") && strcmp(format, "csv") &&
        strcmp(format, "svg"))
        return cli_usage_error("sweep", usage, "unknown format '%s'", format);
    sw = calloc(1, sizeof(*sw));
    s = malloc(sizeof(*s));
    if (!sw || !s) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    option = hours ? "--hours" : "--loonwaarde";
    range = hours ? hours : loonwaarde;
    sw->kind = hours ? SWEEP_HOURS : SWEEP_LOONWAARDE;
    if (sweep_parse_range(range, option, hours ? SWEEP_HOURS_MIN_X100 : SWEEP_PERCENT_MIN_X100,
                          hours ? SWEEP_HOURS_MAX_X100 : SWEEP_PERCENT_MAX_X100, &sw->from_x100,
                          &sw->to_x100, &sw->step_x100, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (!cli_load_tables(&t, &c, &rc))
        goto out;
    if (sw_read_file(&text, &len, argv[optind], SW_SCENARIO_MAX_BYTES, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    /* The scenario as given must be valid before it is varied. */
    if (sw_scenario_parse(s, t, text, len, &pr, &err) != SW_OK) {
        if (pr.n == 0)
            fprintf(stderr, "switchsim: %s\n", err.msg);
        for (size_t i = 0; i < pr.n; i++)
            fprintf(stderr, "switchsim: %s\n", pr.items[i].msg);
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (sweep_run(sw, t, text, len, option, c.strict, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (strcmp(format, "json") == 0) {
        rc = cli_print_json(sweep_json(sw));
        goto out;
    }
    if (strcmp(format, "table") == 0)
        sweep_render_table(stdout, sw);
    else if (strcmp(format, "csv") == 0)
        sweep_render_csv(stdout, sw);
    else
        sweep_render_svg(stdout, sw);
    rc = cli_finish_stdout();
out:
    sweep_release(sw);
    free(sw);
    free(s);
    free(text);
    sw_tables_free(t);
    return rc;
}
