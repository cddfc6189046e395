/* cli_wayback.c - `switchsim wayback FILE`: what if the job stops after N months?
 * For each N the scenario is run with the job ending N months after its start:
 * WW or not, the gap before bijstand comes back, dagbesteding, and what the
 * resident has in the months after, against staying on bijstand. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "switchsim/engine.h"
#include "json_out.h"
#include "switchsim/money.h"
#include "switchsim/scenario.h"

static const char usage[] =
    "usage: switchsim wayback FILE|- [--after 3,6,9,12] [--json] [--tables DIR]\n"
    "\n"
    "The way back: for each N, the job in the scenario ends N months after its start.\n"
    "Shows whether WW follows (26 of 36 weeks worked), when bijstand comes back (a\n"
    "gap of 4 weeks for someone under 27), when dagbesteding can start again, and the\n"
    "average safe-to-spend in the three months after the job against staying.\n";

enum { OPT_AFTER = OPT_FIRST_OWN };

#define MAX_STEPS 24

struct step {
    int after;
    struct sw_way_back wb;
    int64_t after_avg, stay_avg;   /* safe to spend, mean of the months after the job */
    int months_after;
    size_t recoveries;
    bool in_horizon;
};

/* "3,6,12" -> steps; each 1..60. */
static bool parse_after(const char *text, int *out, int *n)
{
    const char *p = text;

    *n = 0;
    while (*p) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 1 || v > SW_SCENARIO_MAX_MONTHS || *n >= MAX_STEPS)
            return false;
        out[(*n)++] = (int)v;
        if (*end == ',')
            end++;
        else if (*end)
            return false;
        p = end;
    }
    return *n > 0;
}

static sw_status run_step(const struct sw_tables *t, const struct sw_scenario *base, int after,
                          struct step *st, struct sw_used *used, struct sw_err *err)
{
    struct sw_scenario s = *base;
    struct sw_timeline *tl = NULL;
    sw_status rc;
    int from;

    memset(st, 0, sizeof(*st));
    st->after = after;
    s.job.end = sw_date_add_months(base->job.start, after) - 1;
    if (base->job.end != SW_NO_DATE && base->job.end < s.job.end)
        s.job.end = base->job.end;
    rc = sw_simulate(&tl, t, &s, 0, err);
    if (rc)
        return rc;
    st->wb = tl->way_back;
    sw_used_merge(used, &tl->used);   /* to name the projected values they all used */
    st->recoveries = tl->n_recoveries;
    from = sw_month_of(s.job.end) + 1 - s.start_month;
    st->in_horizon = from < s.months;
    for (int i = from; i < from + 3 && i < s.months; i++) {
        st->after_avg += tl->scenario.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
        st->stay_avg += tl->baseline.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
        st->months_after++;
    }
    if (st->months_after) {
        /* Mean over the months shown, half up to cents. */
        st->after_avg = sw_div_half_up(st->after_avg, st->months_after);
        st->stay_avg = sw_div_half_up(st->stay_avg, st->months_after);
    }
    sw_timeline_free(tl);
    return SW_OK;
}

static void print_table(const struct step *steps, int n)
{
    printf("%-6s %-11s %6s %-4s %-11s %5s %-11s %14s %14s\n", "na", "laatste dag", "weken", "WW",
           "bijstand", "gat", "dagbest.", "daarna/maand", "blijven/maand");
    for (int i = 0; i < n; i++) {
        const struct step *s = &steps[i];
        char end[16], bij[16], dag[16], a[40], b[40];
        sw_date_format(end, sizeof(end), s->wb.job_end);
        sw_date_format(bij, sizeof(bij), s->wb.bijstand_from);
        sw_date_format(dag, sizeof(dag), s->wb.dagbesteding_from);
        sw_money_format_nl(a, sizeof(a), s->after_avg);
        sw_money_format_nl(b, sizeof(b), s->stay_avg);
        printf("%-6d %-11s %6d %-4s %-11s %5d %-11s %16s %16s\n", s->after, end,
               s->wb.weeks_worked, s->wb.ww ? "ja" : "nee", bij, s->wb.gap_days, dag,
               s->months_after ? a : "-", s->months_after ? b : "-");
    }
    printf("\nna: maanden werk; gat: dagen zonder loon, WW of bijstand; daarna/maand: gemiddeld "
           "veilig te besteden in de drie maanden na de baan.\n");
}

static cJSON *steps_json(const struct step *steps, int n)
{
    cJSON *o = cJSON_CreateObject(), *arr = o ? cJSON_AddArrayToObject(o, "steps") : NULL;

    for (int i = 0; arr && i < n; i++) {
        const struct step *s = &steps[i];
        cJSON *e = cJSON_CreateObject();
        char d[16];
        if (!e)
            break;
        cJSON_AddNumberToObject(e, "after_months", s->after);
        sw_date_format(d, sizeof(d), s->wb.job_end);
        cJSON_AddStringToObject(e, "job_end", d);
        cJSON_AddNumberToObject(e, "weeks_worked", s->wb.weeks_worked);
        cJSON_AddBoolToObject(e, "ww", s->wb.ww);
        if (s->wb.ww) {
            sw_date_format(d, sizeof(d), s->wb.ww_until);
            cJSON_AddStringToObject(e, "ww_until", d);
        }
        sw_date_format(d, sizeof(d), s->wb.bijstand_from);
        cJSON_AddStringToObject(e, "bijstand_from", d);
        cJSON_AddNumberToObject(e, "gap_days", s->wb.gap_days);
        sw_date_format(d, sizeof(d), s->wb.dagbesteding_from);
        cJSON_AddStringToObject(e, "dagbesteding_from", d);
        cJSON_AddNumberToObject(e, "months_after_shown", s->months_after);
        sw_json_add_cents(e, "safe_to_spend_after", s->after_avg);
        sw_json_add_cents(e, "safe_to_spend_staying", s->stay_avg);
        cJSON_AddItemToArray(arr, e);
    }
    return o;
}

int cli_wayback(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"after", required_argument, NULL, OPT_AFTER},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_scenario *s = NULL;
    struct step *steps = NULL;
    struct sw_used used = {0};
    struct sw_err err;
    int after[MAX_STEPS] = {3, 6, 9, 12}, n = 4, code, rc = EXIT_OK;

    while ((code = cli_next_option(argc, argv, opts, &c, "wayback", usage)) != -1) {
        if (code == OPT_AFTER) {
            if (!parse_after(optarg, after, &n)) {
                fprintf(stderr, "switchsim: --after takes months 1-%d separated by commas, "
                                "not '%.40s'\n", SW_SCENARIO_MAX_MONTHS, optarg);
                return EXIT_BAD_INPUT;
            }
            continue;
        }
        return EXIT_USAGE;   /* said by cli_next_option */
    }
    if (c.help)
        return cli_help(usage);
    if (optind != argc - 1)
        return cli_usage_error("wayback", usage, "give one scenario file, or - for stdin");
    s = malloc(sizeof(*s));
    steps = calloc(MAX_STEPS, sizeof(*steps));
    if (!s || !steps) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    for (int i = 0; i < n; i++) {
        if (run_step(t, s, after[i], &steps[i], &used, &err) != SW_OK) {
            rc = cli_fail(&err);
            goto out;
        }
    }
    if (used.nomem) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
    } else if (c.json) {
        cJSON *o = steps_json(steps, n);
        if (o)
            cJSON_AddItemToObject(o, "tables", sw_tables_json(sw_tables_version(t),
                                                             sw_tables_sha256(t), &used));
        rc = cli_print_json(o);
    } else {
        print_table(steps, n);
        cli_print_provisional(&used);
        rc = cli_finish_stdout();
    }
out:
    sw_used_release(&used);
    sw_tables_free(t);
    free(s);
    free(steps);
    return rc;
}
