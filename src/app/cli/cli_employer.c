/* cli_employer.c - `switchsim employer FILE`: the employer's what-if per loonwaarde
 * (and per hours), the core use case sw_employer_whatif() that POST /api/employer
 * runs too; --json writes the same JSON (whatif_json.c). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "switchsim/money.h"
#include "switchsim/scenario.h"
#include "switchsim/whatif.h"
#include "whatif_json.h"

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

/* "24,32,36" into in->hours: each 1..40 hours, at most SW_WHATIF_MAX_HOURS. On a
 * bad list prints the problem and returns false. */
static bool parse_hours(struct sw_employer_whatif_input *in, const char *text)
{
    const char *p = text;
    size_t nh = 0;

    while (*p && nh < SW_WHATIF_MAX_HOURS) {
        struct sw_whatif_hours *h = &in->hours[nh];
        size_t len = strcspn(p, ",");
        struct sw_err e;
        if (len == 0 || len >= sizeof(h->label))
            break;
        memcpy(h->label, p, len);
        h->label[len] = '\0';
        if (sw_decimal_parse(&h->hours_x100, h->label, 2, 100000, "--hours", &e) != SW_OK ||
            h->hours_x100 < SW_LKS_MIN_HOURS || h->hours_x100 > SW_LKS_MAX_HOURS) {
            fprintf(stderr, "switchsim: --hours takes hours per week from 1 to 40, not "
                            "'%.20s'\n", h->label);
            return false;
        }
        nh++;
        p += len;
        if (*p == ',')
            p++;
    }
    if (*p || nh == 0) {
        fprintf(stderr, "switchsim: --hours takes up to %d numbers separated by commas\n",
                SW_WHATIF_MAX_HOURS);
        return false;
    }
    in->n_hours = nh;
    return true;
}

/* One block as a table: a row per variant with the monthly averages. */
static void print_block(const struct sw_employer_whatif_block *b, const char *hours_label)
{
    if (hours_label)
        printf("\n%s uur per week\n", hours_label);
    printf("%-10s %14s %14s %14s %16s\n", "loonwaarde", "loonkosten/mnd", "LKS/mnd",
           "netto/mnd", "per prod. uur");
    for (size_t i = 0; i < b->nvariants; i++) {
        const struct sw_employer_whatif_variant *v = &b->variants[i];
        const struct sw_employer_whatif_totals *t = &v->totals;
        char a[40], l[40], n[40], p[40];

        if (t->months <= 0)
            continue;
        sw_money_format_nl(a, sizeof(a), t->average_labour_cost);
        sw_money_format_nl(l, sizeof(l), t->average_lks);
        sw_money_format_nl(n, sizeof(n), t->average_net_cost);
        if (t->productive_hours_x100 > 0)
            sw_money_format_nl(p, sizeof(p), t->cost_per_productive_hour);
        else
            snprintf(p, sizeof(p), "-");
        printf("%-10s %16s %16s %16s %18s\n", v->label, a, l, n, p);
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
    struct sw_employer_whatif_input in;
    struct sw_employer_whatif *w = NULL;
    struct sw_err err;
    const char *loonwaarde = NULL, *lkv = NULL, *hours = NULL;
    bool government = false;
    int code, rc = EXIT_OK;

    while ((code = cli_next_option(argc, argv, opts, &c, "employer", usage)) != -1) {
        switch (code) {
        /* A repeated --loonwaarde or --lkv: the first one counts. */
        case OPT_LW: loonwaarde = loonwaarde ? loonwaarde : optarg; break;
        case OPT_HOURS: hours = optarg; break;
        case OPT_LKV: lkv = lkv ? lkv : optarg; break;
        case OPT_GOV: government = true; break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if ((rc = cli_one_scenario(&c, argc, "employer", usage)) != 0)
        return rc;
    sw_employer_whatif_init(&in);
    in.government = government;
    if (hours && !parse_hours(&in, hours))
        return EXIT_BAD_INPUT;
    s = malloc(sizeof(*s));
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc) || !cli_load_scenario(s, argv[optind], t, &c, &rc))
        goto out;
    /* The files first, then the what-if's own values (as the API checks them). */
    if ((loonwaarde && sw_employer_whatif_parse_loonwaarde(&in, loonwaarde, &err) != SW_OK) ||
        (lkv && sw_employer_whatif_parse_lkv(&in, lkv, &err) != SW_OK) ||
        sw_employer_whatif(&w, t, s, &in, &err) != SW_OK) {
        rc = cli_fail(&err);
        goto out;
    }
    if (c.json) {
        rc = cli_print_json(sw_employer_whatif_json(w));
        goto out;
    }
    for (size_t i = 0; i < w->nblocks; i++)
        print_block(&w->blocks[i], w->per_hours ? w->blocks[i].hours_label : NULL);
    for (size_t i = 0; i < w->nblocks; i++)
        sw_used_merge(&w->blocks[0].used, &w->blocks[i].used);
    if (w->nblocks)
        cli_print_provisional(&w->blocks[0].used);
    rc = cli_finish_stdout();
out:
    sw_employer_whatif_free(w);
    sw_tables_free(t);
    free(s);
    return rc;
}
