/* cli.c - `switchsim`: the command-line front end. main() only dispatches to the
 * subcommands; the shared helpers for them live here too. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fileio.h"
#include "heap.h"
#include "json_text.h"
#include "render.h"
#include "switchsim/money.h"
#include "switchsim/scenario.h"
#include "switchsim/version.h"

static const char usage[] =
    "usage: switchsim <command> [options]\n"
    "\n"
    "What stays in the wallet, month by month, when a resident switches from\n"
    "bijstand + dagbesteding to paid work.\n"
    "\n"
    "commands:\n"
    "  simulate FILE|-       month-by-month wallet, recoveries and advice\n"
    "  employer FILE|-       employer's what-if per loonwaarde\n"
    "  municipality FILE|-   the municipality's business case\n"
    "  explain FILE          the derivation of one figure, in Dutch\n"
    "  batch [IN.jsonl]      one result line per scenario line\n"
    "  sweep FILE            gain per hours or loonwaarde step\n"
    "  wayback FILE          what if the job stops after N months\n"
    "  net                   net wage from a gross monthly wage (loonheffing)\n"
    "  wml                   the minimum wage for an age and hours\n"
    "  bijstand              bijstand norm, vrijlating and entitlement\n"
    "  zorgtoeslag           zorgtoeslag for a year's income\n"
    "  huurtoeslag           huurtoeslag for a rent and income\n"
    "  lks                   loonkostensubsidie per month\n"
    "  loonwaarde            loonwaarde from tasks (tempo x kwaliteit x inzetbaarheid)\n"
    "  tables check|list|show|fetch   the parameter tables\n"
    "\n"
    "Every command takes --help, --tables DIR, --json and --strict.\n"
    "Months past the tables' published values use the last published value,\n"
    "marked voorlopig (projected) in every output; --strict refuses them instead.\n"
    "--date defaults to today (SWITCHSIM_TODAY=YYYY-MM-DD fixes the clock).\n"
    "Amounts on the command line are euros: 2000, 2000.00, 2000,50 or 2.000,50\n"
    "(not 2.000 or 2,000: ambiguous); dates YYYY-MM-DD.\n"
    "Exit codes: 0 ok, 1 bad input, 2 usage, 3 tables problem.\n";

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
    {"simulate", cli_simulate},       {"employer", cli_employer},
    {"municipality", cli_municipality}, {"explain", cli_explain},
    {"batch", cli_batch},             {"sweep", cli_sweep},
    {"net", cli_net},                 {"wml", cli_wml},
    {"bijstand", cli_bijstand},       {"zorgtoeslag", cli_zorgtoeslag},
    {"huurtoeslag", cli_huurtoeslag}, {"lks", cli_lks},
    {"loonwaarde", cli_loonwaarde},   {"tables", cli_tables},
    {"wayback", cli_wayback},
};

bool cli_common_option(struct cli_common *c, int code)
{
    switch (code) {
    case OPT_TABLES: c->tables_dir = optarg; return true;
    case OPT_JSON: c->json = true; return true;
    case OPT_HELP: c->help = true; return true;
    case OPT_STRICT: c->strict = true; return true;
    case OPT_OVERRIDE:
        if (c->n_override_text < CLI_MAX_OVERRIDES)
            c->override_text[c->n_override_text++] = optarg;
        return true;
    default: return false;
    }
}

int cli_next_option(int argc, char **argv, const struct option *opts, struct cli_common *c,
                    const char *cmd, const char *use)
{
    for (;;) {
        /* ":" first: a missing value is ':' rather than '?'. */
        int code = getopt_long(argc, argv, ":", opts, NULL);
        if (code == -1)
            return -1;
        if (cli_common_option(c, code))
            continue;
        if (code == ':') {
            cli_usage_error(cmd, use, "option '%s' needs a value", argv[optind - 1]);
            return CLI_OPT_ERROR;
        }
        if (code == '?') {
            cli_usage_error(cmd, use, "unknown option '%s'", argv[optind - 1]);
            return CLI_OPT_ERROR;
        }
        return code;
    }
}

int cli_fail(const struct sw_err *err)
{
    fprintf(stderr, "switchsim: %s\n", err->msg[0] ? err->msg : sw_status_name(err->code));
    switch (err->code) {
    case SW_ERR_TABLE: return EXIT_TABLES;
    default: return EXIT_BAD_INPUT;
    }
}

int cli_usage_error(const char *cmd, const char *use, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "switchsim %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s", use);
    return EXIT_USAGE;
}

int cli_one_scenario(const struct cli_common *c, int argc, const char *cmd, const char *use)
{
    if (optind != argc - 1)
        return cli_usage_error(cmd, use, "give one scenario file, or - for stdin");
    if (c->n_override_text)
        return cli_usage_error(cmd, use, "put overrides in the scenario's \"overrides\"");
    return 0;
}

int cli_help(const char *use)
{
    fputs(use, stdout);
    return cli_finish_stdout();
}

bool cli_load_tables(struct sw_tables **out, const struct cli_common *c, int *exit_code)
{
    struct sw_err err;

    /* A command that loads the tables runs the engine: populate the heap it
     * will use in one go (heap.h). 1 MiB: a simulate uses some 1.1 MB. */
    sw_heap_prepare((size_t)1 << 20);
    sw_err_clear(&err);
    if (sw_tables_load_dir(out, sw_tables_dir(c->tables_dir), &err) != SW_OK) {
        fprintf(stderr, "switchsim: %s\n", err.msg);
        *exit_code = err.code == SW_ERR_NOMEM ? EXIT_BAD_INPUT : EXIT_TABLES;
        return false;
    }
    return true;
}

bool cli_ctx(struct sw_ctx *out, struct cli_common *c, const struct sw_tables *t,
             struct sw_used *used, int *exit_code)
{
    struct sw_err err;

    sw_ctx_init(out, t, c->strict);
    for (size_t i = 0; i < c->n_override_text; i++) {
        const char *text = c->override_text[i], *eq = strchr(text, '=');
        size_t idlen = eq ? (size_t)(eq - text) : 0;

        if (!eq || idlen == 0 || idlen >= sizeof(c->override_ids[i])) {
            fprintf(stderr, "switchsim: --override takes ID=VALUE, not '%.60s'\n", text);
            *exit_code = EXIT_BAD_INPUT;
            return false;
        }
        memcpy(c->override_ids[i], text, idlen);
        c->override_ids[i][idlen] = '\0';
        if (sw_tables_parse_override(t, c->override_ids[i], eq + 1, "--override",
                                     &c->overrides[i].amount, &err) != SW_OK) {
            *exit_code = cli_fail(&err);
            return false;
        }
        c->overrides[i].id = c->override_ids[i];
    }
    out->overrides = c->overrides;
    out->n_overrides = c->n_override_text;
    out->used = used;
    return true;
}

bool cli_load_scenario(struct sw_scenario *out, const char *path, const struct sw_tables *t,
                       const struct cli_common *c, int *exit_code)
{
    struct sw_problems pr;
    struct sw_err err;
    char *buf = NULL;
    size_t len;

    if (sw_read_file(&buf, &len, path, SW_SCENARIO_MAX_BYTES, &err) != SW_OK) {
        *exit_code = cli_fail(&err);
        return false;
    }
    if (sw_scenario_parse(out, t, buf, len, &pr, &err) != SW_OK) {
        if (pr.n == 0)
            fprintf(stderr, "switchsim: %s\n", err.msg);
        for (size_t i = 0; i < pr.n; i++)
            fprintf(stderr, "switchsim: %s\n", pr.items[i].msg);
        if (pr.truncated)
            fprintf(stderr, "switchsim: (more problems not shown)\n");
        free(buf);
        *exit_code = EXIT_BAD_INPUT;
        return false;
    }
    free(buf);
    out->strict = out->strict || c->strict;
    return true;
}

void cli_add_tables_id(cJSON *o, const struct sw_tables *t)
{
    cJSON *tab = cJSON_AddObjectToObject(o, "tables");

    if (!tab)
        return;
    cJSON_AddStringToObject(tab, "version", sw_tables_version(t));
    cJSON_AddStringToObject(tab, "sha256", sw_tables_sha256(t));
}

void cli_print_provisional(const struct sw_used *used)
{
    for (size_t i = 0; i < used->len; i++) {
        const struct sw_value_info *u = &used->items[i];
        bool dup = false;
        if (!u->provisional || u->projected || u->overridden)
            continue;
        for (size_t j = 0; j < i && !dup; j++)
            dup = strcmp(used->items[j].id, u->id) == 0 && used->items[j].provisional &&
                  !used->items[j].projected;
        if (!dup)
            printf("  let op: voorlopige tabelwaarde '%s'\n", u->id);
    }
    render_projected(stdout, used, "  voorlopig (doorgetrokken, --strict weigert): ", false);
}

bool cli_today(sw_date *out, int *exit_code)
{
    const char *fixed = getenv("SWITCHSIM_TODAY");
    struct sw_err err;
    struct tm tm;
    time_t now;

    if (fixed && *fixed) {
        if (sw_date_parse(out, fixed, "SWITCHSIM_TODAY", &err) != SW_OK) {
            fprintf(stderr, "switchsim: %s\n", err.msg);
            *exit_code = EXIT_USAGE;
            return false;
        }
        return true;
    }
    now = time(NULL);
    if (now == (time_t)-1 || !localtime_r(&now, &tm) ||
        !sw_date_from_ymd(out, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)) {
        fprintf(stderr, "switchsim: cannot read the clock; give --date\n");
        *exit_code = EXIT_USAGE;
        return false;
    }
    return true;
}

const char *cli_date_text_or_today(const char *text, char buf[16], int *exit_code)
{
    sw_date today;

    if (text)
        return text;
    if (!cli_today(&today, exit_code))
        return NULL;
    sw_date_format(buf, 16, today);
    return buf;
}

bool cli_parse_date(sw_date *out, const char *text, const char *option, int *exit_code)
{
    struct sw_err err;

    if (sw_date_parse(out, text, option, &err) != SW_OK) {
        *exit_code = cli_fail(&err);
        return false;
    }
    return true;
}

bool cli_parse_euros(int64_t *out, const char *text, const char *option, int *exit_code)
{
    struct sw_err err;

    if (sw_money_parse_euros(out, text, option, &err) != SW_OK) {
        *exit_code = cli_fail(&err);
        return false;
    }
    return true;
}

int cli_finish_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "switchsim: cannot write output: %s\n", strerror(errno));
        return EXIT_BAD_INPUT;
    }
    return EXIT_OK;
}

int cli_print_json(cJSON *obj)
{
    char *s;

    if (!obj) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    s = sw_json_text(obj, true, NULL);   /* cJSON_Print()'s text, faster */
    cJSON_Delete(obj);
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    fputs(s, stdout);
    fputc('\n', stdout);
    free(s);
    return cli_finish_stdout();
}

int cli_print_json_text(char *compact, size_t len)
{
    char *s = compact ? sw_json_reformat(compact, len, &len) : NULL;

    free(compact);
    if (!s) {
        fprintf(stderr, "switchsim: out of memory\n");
        return EXIT_BAD_INPUT;
    }
    fwrite(s, 1, len, stdout);
    fputc('\n', stdout);
    free(s);
    return cli_finish_stdout();
}

void cli_getopt_reset(void)
{
    optind = 1;
    opterr = 0;  /* we print our own messages */
}

int main(int argc, char **argv)
{
    int rc;

    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0)
        return cli_help(usage);
    if (strcmp(argv[1], "--version") == 0) {
        printf("switchsim %s\n", SWITCHSIM_VERSION);
        return cli_finish_stdout();
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            cli_getopt_reset();
            rc = commands[i].run(argc - 1, argv + 1);
            if (fclose(stdout) != 0 && rc == EXIT_OK) {
                fprintf(stderr, "switchsim: cannot write output\n");
                rc = EXIT_BAD_INPUT;
            }
            return rc;
        }
    }
    fprintf(stderr, "switchsim: unknown command '%s'\n%s", argv[1], usage);
    return EXIT_USAGE;
}
