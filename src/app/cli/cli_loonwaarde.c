/* cli_loonwaarde.c - `switchsim loonwaarde`: the loonwaarde from hoofdtaken, so an
 * employer sees how the percentage comes about (Besluit LKS Pw 2021 art. 3). */
#include <string.h>

#include "cli.h"
#include "json_out.h"
#include "switchsim/lks.h"
#include "switchsim/money.h"

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

#define NAME_MAX_LEN 64

struct task_text {
    char name[NAME_MAX_LEN + 1];
};

/* "NAME:SHARE:TEMPO:KWALITEIT:INZETBAARHEID" -> task; the name may not contain ':'. */
static bool parse_task(const char *text, struct sw_task *t, struct task_text *buf,
                       struct sw_err *err)
{
    const char *p = text, *colon;
    int64_t *vals[4] = {&t->share, &t->tempo, &t->kwaliteit, &t->inzetbaarheid};
    char num[32];
    size_t len;

    colon = strchr(p, ':');
    len = colon ? (size_t)(colon - p) : 0;
    if (!colon || len == 0 || len > NAME_MAX_LEN) {
        sw_err_set(err, SW_ERR_INVALID, "--task",
                   "task '%.60s' is not NAME:SHARE:TEMPO:KWALITEIT:INZETBAARHEID in '--task'",
                   text);
        return false;
    }
    memcpy(buf->name, p, len);
    buf->name[len] = '\0';
    t->name = buf->name;
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
    return true;
}

static void add_rate(cJSON *o, const char *name, int64_t ppm)
{
    char r[32];

    sw_rate_format(r, sizeof(r), ppm);
    cJSON_AddRawToObject(o, name, r);
}

/* Without --date: the latest `from` among the rules' timelines, so that the newest
 * tabled rules apply without reading the clock. */
static sw_date newest_rules(const struct sw_tables *t)
{
    static const char *const ids[] = {"lks.tempo_max", "lks.hoofdtaak_min_share"};
    struct sw_value_info infos[64];
    sw_date d = 0;

    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        size_t n = sw_tables_timeline(t, ids[i], "", infos, 64);
        if (n > 64)
            n = 64;
        if (n > 0 && infos[n - 1].from > d)
            d = infos[n - 1].from;
    }
    return d;
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
    struct sw_task tasks[SW_LOONWAARDE_MAX_TASKS];
    struct task_text names[SW_LOONWAARDE_MAX_TASKS];
    size_t ntasks = 0;
    struct sw_tables *t = NULL;
    struct sw_used used = {0};
    struct sw_ctx ctx;
    struct sw_loonwaarde r;
    struct sw_err err;
    sw_date date = 0;
    char ds[16];
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
    if (date_s && !cli_parse_date(&date, date_s, "--date", &rc))
        return rc;
    for (size_t i = 0; i < ntasks; i++)
        if (!parse_task(task_s[i], &tasks[i], &names[i], &err))
            return cli_fail(&err);
    if (!cli_load_tables(&t, &common, &rc))
        return rc;
    if (!cli_ctx(&ctx, &common, t, &used, &rc))
        goto out;
    if (!date_s)
        date = newest_rules(t);
    sw_err_clear(&err);
    if (sw_loonwaarde_tasks(&ctx, date, tasks, ntasks, "--task", &r, NULL, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    sw_date_format(ds, sizeof(ds), date);
    if (common.json) {
        cJSON *o = cJSON_CreateObject(), *arr;
        if (o) {
            cJSON_AddStringToObject(o, date_s ? "date" : "rules_from", ds);
            add_rate(o, "loonwaarde", r.percent);
            add_rate(o, "exact", r.exact);
            arr = cJSON_AddArrayToObject(o, "tasks");
            for (size_t i = 0; arr && i < ntasks; i++) {
                cJSON *x = cJSON_CreateObject();
                if (!x)
                    break;
                cJSON_AddStringToObject(x, "name", tasks[i].name);
                add_rate(x, "share", tasks[i].share);
                add_rate(x, "tempo", tasks[i].tempo);
                add_rate(x, "tempo_counted", r.tasks[i].tempo_counted);
                add_rate(x, "kwaliteit", tasks[i].kwaliteit);
                add_rate(x, "inzetbaarheid", tasks[i].inzetbaarheid);
                add_rate(x, "prestatie", r.tasks[i].prestatie);
                add_rate(x, "contribution", r.tasks[i].contribution);
                cJSON_AddBoolToObject(x, "below_hoofdtaak_min_share",
                                      r.tasks[i].below_min_share);
                cJSON_AddItemToArray(arr, x);
            }
            cJSON_AddItemToObject(o, "tables", sw_tables_json(sw_tables_version(t),
                                                             sw_tables_sha256(t), &used));
        }
        rc = cli_print_json(o);
    } else {
        char a[32], b[32], k[32], z[32], p[32], q[32];
        printf("Loonwaarde %s %s (Besluit loonkostensubsidie Participatiewet 2021)\n",
               date_s ? "op" : "volgens de regels vanaf", ds);
        printf("  %-24s %7s %7s %9s %13s %10s %9s\n", "hoofdtaak", "aandeel", "tempo",
               "kwaliteit", "inzetbaarheid", "prestatie", "bijdrage");
        for (size_t i = 0; i < ntasks; i++) {
            sw_rate_format_nl(a, sizeof(a), tasks[i].share);
            sw_rate_format_nl(b, sizeof(b), r.tasks[i].tempo_counted);
            sw_rate_format_nl(k, sizeof(k), tasks[i].kwaliteit);
            sw_rate_format_nl(z, sizeof(z), tasks[i].inzetbaarheid);
            sw_rate_format_nl(p, sizeof(p), r.tasks[i].prestatie);
            sw_rate_format_nl(q, sizeof(q), r.tasks[i].contribution);
            printf("  %-24.24s %6s%% %6s%% %8s%% %12s%% %9s%% %8s%%%s\n", tasks[i].name, a, b,
                   k, z, p, q, r.tasks[i].below_min_share ? "  (minder dan een hoofdtaak)" : "");
        }
        sw_rate_format_nl(a, sizeof(a), r.exact);
        sw_rate_format_nl(b, sizeof(b), r.percent);
        printf("  som %s%%, rekenkundig afgerond: loonwaarde %s%%\n", a, b);
        rc = cli_finish_stdout();
    }
out:
    sw_used_release(&used);
    sw_tables_free(t);
    return rc;
}
