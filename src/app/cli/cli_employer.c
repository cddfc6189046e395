/* cli_employer.c - `switchsim employer FILE`: the employer's what-if per loonwaarde
 * (and per hours), the same computation as POST /api/employer. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_whatif.h"
#include "switchsim/money.h"
#include "switchsim/scenario.h"

static const char usage[] =
    "usage: switchsim employer FILE|- [--loonwaarde 17,30,50] [--hours 24,32,36]\n"
    "                         [--lkv none|banenafspraak|arbeidsgehandicapt|herplaatst]\n"
    "                         [--government] [--json] [--tables DIR]\n"
    "\n"
    "What the job in the scenario costs the employer, month by month and on average:\n"
    "gross wage, vakantiebijslag, employer premiums, loonkostensubsidie (LKS) received,\n"
    "loonkostenvoordeel (LKV), net cost and cost per productive hour. One row for the\n"
    "scenario's own plan, then one per loonwaarde (measured, with LKS); with --hours,\n"
    "all of it for each number of hours per week.\n";

enum { OPT_LW = OPT_FIRST_OWN, OPT_HOURS, OPT_LKV, OPT_GOV };

bool whatif_query_add(struct cgi_query *q, const char *key, const char *value)
{
    if (q->n >= CGI_MAX_QUERY || strlen(key) >= sizeof(q->key[0]) ||
        strlen(value) >= sizeof(q->value[0])) {
        fprintf(stderr, "switchsim: too many or too long values for '--%s'\n", key);
        return false;
    }
    snprintf(q->key[q->n], sizeof(q->key[0]), "%s", key);
    snprintf(q->value[q->n], sizeof(q->value[0]), "%s", value);
    q->n++;
    return true;
}

int whatif_reply_status(const struct cgi_reply *r)
{
    const cJSON *e, *msg;

    if (r->status == 200 && r->body)
        return EXIT_OK;
    if (!r->body) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    e = cJSON_GetObjectItemCaseSensitive(r->body, "error");
    msg = e ? cJSON_GetObjectItemCaseSensitive(e, "message") : NULL;
    fprintf(stderr, "switchsim: %s\n", cJSON_IsString(msg) ? msg->valuestring : "error");
    return r->status >= 500 ? EXIT_TABLES : EXIT_BAD_INPUT;
}

int64_t whatif_cents(const cJSON *o, const char *name)
{
    const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, name) : NULL;

    return cJSON_IsNumber(v) ? (int64_t)v->valuedouble : 0;
}

static void print_variants(const cJSON *o, const char *hours_label)
{
    const cJSON *vars = cJSON_GetObjectItemCaseSensitive(o, "variants"), *v;

    if (hours_label)
        printf("\n%s uur per week\n", hours_label);
    printf("%-10s %14s %14s %14s %16s\n", "loonwaarde", "loonkosten/mnd", "LKS/mnd",
           "netto/mnd", "per prod. uur");
    cJSON_ArrayForEach(v, vars) {
        const cJSON *tot = cJSON_GetObjectItemCaseSensitive(v, "totals");
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(v, "label");
        int64_t months = whatif_cents(tot, "months");
        char a[40], b[40], c[40], d[40];

        if (months <= 0)
            continue;
        /* Averages for display, half up to cents. */
        sw_money_format_nl(a, sizeof(a), sw_div_half_up(whatif_cents(tot, "labour_cost"), months));
        sw_money_format_nl(b, sizeof(b), sw_div_half_up(whatif_cents(tot, "lks"), months));
        sw_money_format_nl(c, sizeof(c), whatif_cents(v, "average_net_cost"));
        if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(v, "cost_per_productive_hour")))
            sw_money_format_nl(d, sizeof(d), whatif_cents(v, "cost_per_productive_hour"));
        else
            snprintf(d, sizeof(d), "-");
        printf("%-10s %16s %16s %16s %18s\n",
               cJSON_IsString(label) ? (strcmp(label->valuestring, "plan") == 0 ? "plan"
                                                                                 : label->valuestring)
                                     : "",
               a, b, c, d);
    }
}

int cli_employer(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"loonwaarde", required_argument, NULL, OPT_LW},
                                         {"hours", required_argument, NULL, OPT_HOURS},
                                         {"lkv", required_argument, NULL, OPT_LKV},
                                         {"government", no_argument, NULL, OPT_GOV},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_scenario *s = NULL;
    struct cgi_query q;
    const char *hours = NULL;
    char hours_items[8][16];
    size_t nh = 0;
    cJSON *all = NULL;
    int code, rc = EXIT_OK;

    memset(&q, 0, sizeof(q));
    while ((code = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (cli_common_option(&c, code))
            continue;
        switch (code) {
        case OPT_LW:
            if (!whatif_query_add(&q, "loonwaarde", optarg))
                return EXIT_BAD_INPUT;
            break;
        case OPT_HOURS: hours = optarg; break;
        case OPT_LKV:
            if (!whatif_query_add(&q, "lkv", optarg))
                return EXIT_BAD_INPUT;
            break;
        case OPT_GOV:
            if (!whatif_query_add(&q, "government", "1"))
                return EXIT_BAD_INPUT;
            break;
        default:
            return cli_usage_error("employer", usage, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind != argc - 1)
        return cli_usage_error("employer", usage, "give one scenario file, or - for stdin");
    if (hours) {
        /* "24,32,36": each 1..40 hours, at most 8. */
        const char *p = hours;
        while (*p && nh < 8) {
            size_t len = strcspn(p, ",");
            int64_t h;
            struct sw_err e;
            if (len == 0 || len >= sizeof(hours_items[0]))
                break;
            memcpy(hours_items[nh], p, len);
            hours_items[nh][len] = '\0';
            if (sw_decimal_parse(&h, hours_items[nh], 2, 100000, "--hours", &e) != SW_OK ||
                h < 100 || h > 4000) {
                fprintf(stderr, "switchsim: --hours takes hours per week from 1 to 40, not "
                                "'%.20s'\n", hours_items[nh]);
                return EXIT_BAD_INPUT;
            }
            nh++;
            p += len;
            if (*p == ',')
                p++;
        }
        if (*p || nh == 0) {
            fprintf(stderr, "switchsim: --hours takes up to 8 numbers separated by commas\n");
            return EXIT_BAD_INPUT;
        }
    }
    s = malloc(sizeof(*s));
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    if (nh == 0) {
        struct cgi_reply r = cgi_employer(t, s, &q);
        rc = whatif_reply_status(&r);
        if (rc == EXIT_OK) {
            if (c.json) {
                rc = cli_print_json(r.body);
                r.body = NULL;
            } else {
                print_variants(r.body, NULL);
                rc = cli_finish_stdout();
            }
        }
        cJSON_Delete(r.body);
        goto out;
    }
    all = cJSON_CreateObject();
    cJSON *arr = all ? cJSON_AddArrayToObject(all, "hours") : NULL;
    for (size_t i = 0; i < nh && rc == EXIT_OK; i++) {
        struct sw_scenario v = *s;
        struct cgi_reply r;
        struct sw_err e;
        if (sw_decimal_parse(&v.job.hours_x100, hours_items[i], 2, 100000, "--hours", &e) != SW_OK)
            break;
        r = cgi_employer(t, &v, &q);
        rc = whatif_reply_status(&r);
        if (rc == EXIT_OK) {
            if (c.json && arr) {
                cJSON_AddStringToObject(r.body, "hours_per_week", hours_items[i]);
                cJSON_AddItemToArray(arr, r.body);
                r.body = NULL;
            } else {
                print_variants(r.body, hours_items[i]);
            }
        }
        cJSON_Delete(r.body);
    }
    if (rc == EXIT_OK)
        rc = c.json ? cli_print_json(all) : cli_finish_stdout();
    else
        cJSON_Delete(all);
    all = NULL;
out:
    cJSON_Delete(all);
    sw_tables_free(t);
    free(s);
    return rc;
}
