/* cli_loonwaarde.c - `switchsim loonwaarde`: the loonwaarde from hoofdtaken, so an
 * employer sees how the percentage comes about (Besluit LKS Pw 2021 art. 3).
 * Parses the --task options, calls sw_loonwaarde_whatif() (whatif.h) and renders:
 * Dutch text, or the JSON of whatif_json.c that POST /loonwaarde answers too. */
#include <string.h>

#include "cli.h"
#include "switchsim/money.h"
#include "switchsim/whatif.h"
#include "whatif_json.h"

static const char usage[] =
    "usage: switchsim loonwaarde --task NAME:SHARE:TEMPO:KWALITEIT:INZETBAARHEID ...\n"
    "                            [--date YYYY-MM-DD] [--tables DIR] [--json]\n"
    "\n"
    "The loonwaarde: per hoofdtaak its share of the working time x tempo x kwaliteit\n"
    "x inzetbaarheid, summed and rounded to whole percents (Besluit loonkostensubsidie\n"
    "Participatiewet 2021 art. 3 lid 1). All values are percentages with at most two\n"
    "decimals; the shares must add up to 100. A tempo above 100 counts as at most the\n"
    "table's maximum. Without --date the newest rules in the tables apply.\n"
    "\n"
    "  --task \"inpakken:60:80:90:100\"   repeat for each hoofdtaak\n";

enum { OPT_TASK = OPT_FIRST_OWN };

/* "NAME:SHARE:TEMPO:KWALITEIT:INZETBAARHEID" -> the next task of `in`; the name
 * may not contain ':'. */
static bool parse_task(const char *text, struct sw_loonwaarde_input *in, struct sw_err *err)
{
    struct sw_task *t = &in->tasks[in->n];
    const char *p = text, *colon;
    int64_t *vals[4] = {&t->share, &t->tempo, &t->kwaliteit, &t->inzetbaarheid};
    char num[32];
    size_t len;

    colon = strchr(p, ':');
    len = colon ? (size_t)(colon - p) : 0;
    if (!colon || len == 0 || len >= SW_LOONWAARDE_NAME_MAX) {
        sw_err_set(err, SW_ERR_INVALID, "--task",
                   "task '%.60s' is not NAME:SHARE:TEMPO:KWALITEIT:INZETBAARHEID in '--task'",
                   text);
        return false;
    }
    memcpy(in->names[in->n], p, len);
    in->names[in->n][len] = '\0';
    t->name = in->names[in->n];
    p = colon + 1;
    for (int i = 0; i < 4; i++) {
        colon = strchr(p, ':');
        len = colon ? (size_t)(colon - p) : strlen(p);
        if ((i < 3) != (colon != NULL) || len == 0 || len >= sizeof(num)) {
            sw_err_set(err, SW_ERR_INVALID, "--task",
                       "task '%.60s' is not NAME:SHARE:TEMPO:KWALITEIT:INZETBAARHEID in "
                       "'--task'", text);
            return false;
        }
        memcpy(num, p, len);
        num[len] = '\0';
        if (sw_decimal_parse(vals[i], num, 4, 1000 * SW_PPM_ONE, "--task", err) != SW_OK)
            return false;
        p = colon ? colon + 1 : p + len;
    }
    in->n++;
    return true;
}

int cli_loonwaarde(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"task", required_argument, NULL, OPT_TASK},
        {NULL, 0, NULL, 0}};
    struct cli_common common = {0};
    const char *date_s = NULL, *task_s[SW_LOONWAARDE_MAX_TASKS + 1];
    size_t ntasks = 0;
    struct sw_loonwaarde_input in;
    struct sw_loonwaarde_whatif w;
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_err err;
    int code, rc = EXIT_OK;

    while ((code = cli_next_option(argc, argv, opts, &common, "loonwaarde", usage)) != -1) {
        switch (code) {
        case OPT_DATE: date_s = optarg; break;
        case OPT_TASK:
            if (ntasks > SW_LOONWAARDE_MAX_TASKS) {
                fprintf(stderr, "switchsim: more than %d tasks in '--task'\n",
                        SW_LOONWAARDE_MAX_TASKS);
                return EXIT_BAD_INPUT;
            }
            task_s[ntasks++] = optarg;
            break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (common.help)
        return cli_help(usage);
    if (optind < argc)
        return cli_usage_error("loonwaarde", usage, "unexpected argument '%s'", argv[optind]);
    if (ntasks == 0)
        return cli_usage_error("loonwaarde", usage, "missing '--task'");
    if (ntasks > SW_LOONWAARDE_MAX_TASKS) {
        fprintf(stderr, "switchsim: more than %d tasks in '--task'\n", SW_LOONWAARDE_MAX_TASKS);
        return EXIT_BAD_INPUT;
    }
    sw_loonwaarde_input_init(&in);
    if (date_s && !cli_parse_date(&in.date, date_s, "--date", &rc))
        return rc;
    for (size_t i = 0; i < ntasks; i++)
        if (!parse_task(task_s[i], &in, &err))
            return cli_fail(&err);
    if (!cli_load_tables(&t, &common, &rc))
        return rc;
    if (!cli_ctx(&ctx, &common, t, &used, &rc))
        goto out;
    if (sw_loonwaarde_whatif(&w, &ctx, &in, "--task", &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (common.json) {
        rc = cli_print_json(sw_loonwaarde_whatif_json(&in, &w, t, &used));
    } else {
        const struct sw_loonwaarde *r = &w.result;
        char ds[16], a[32], b[32], k[32], z[32], p[32], q[32];
        sw_date_format(ds, sizeof(ds), w.date);
        printf("Loonwaarde %s %s (Besluit loonkostensubsidie Participatiewet 2021)\n",
               w.date_given ? "op" : "volgens de regels vanaf", ds);
        printf("  %-24s %7s %7s %9s %13s %10s %9s\n", "hoofdtaak", "aandeel", "tempo",
               "kwaliteit", "inzetbaarheid", "prestatie", "bijdrage");
        for (size_t i = 0; i < in.n; i++) {
            const struct sw_task *x = &in.tasks[i];
            sw_rate_format_nl(a, sizeof(a), x->share);
            sw_rate_format_nl(b, sizeof(b), r->tasks[i].tempo_counted);
            sw_rate_format_nl(k, sizeof(k), x->kwaliteit);
            sw_rate_format_nl(z, sizeof(z), x->inzetbaarheid);
            sw_rate_format_nl(p, sizeof(p), r->tasks[i].prestatie);
            sw_rate_format_nl(q, sizeof(q), r->tasks[i].contribution);
            printf("  %-24.24s %6s%% %6s%% %8s%% %12s%% %9s%% %8s%%%s\n", x->name, a, b, k, z,
                   p, q, r->tasks[i].below_min_share ? "  (minder dan een hoofdtaak)" : "");
        }
        sw_rate_format_nl(a, sizeof(a), r->exact);
        sw_rate_format_nl(b, sizeof(b), r->percent);
        printf("  som %s%%, rekenkundig afgerond: loonwaarde %s%%\n", a, b);
        rc = cli_finish_stdout();
    }
out:
    sw_used_release(&used);
    sw_tables_free(t);
    return rc;
}
