/* cli.h - what the switchsim subcommands share: option parsing, loading tables,
 * printing JSON, and turning an error into a message and an exit code.
 *
 * Each subcommand lives in its own src/cli_<name>.c as
 *     int cli_<name>(int argc, char **argv);
 * with argv[0] the subcommand's name; it returns the process exit code.
 */
#ifndef SWITCHSIM_CLI_H
#define SWITCHSIM_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "switchsim/date.h"
#include "switchsim/err.h"
#include "switchsim/tables.h"

/* Exit codes (CONTRACT.md). */
enum {
    EXIT_OK = 0,
    EXIT_BAD_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_TABLES = 3
};

/* Option codes every subcommand shares; put CLI_COMMON_OPTIONS in its
 * `struct option` array and pass unknown codes to cli_common_option(). */
enum {
    OPT_TABLES = 1000,
    OPT_JSON,
    OPT_DATE,
    OPT_HELP,
    OPT_OVERRIDE,
    OPT_STRICT,
    OPT_FIRST_OWN = 1100  /* subcommands number their own options from here */
};

#define CLI_COMMON_OPTIONS                                   \
    {"tables", required_argument, NULL, OPT_TABLES},         \
    {"json", no_argument, NULL, OPT_JSON},                   \
    {"help", no_argument, NULL, OPT_HELP},                   \
    {"override", required_argument, NULL, OPT_OVERRIDE},     \
    {"strict", no_argument, NULL, OPT_STRICT}

#define CLI_MAX_OVERRIDES 32

struct cli_common {
    const char *tables_dir;  /* NULL = default */
    bool json;
    bool help;
    bool strict;             /* --strict: refuse months past the published values */
    /* --override ID=VALUE, repeatable: raw text until cli_ctx() parses it */
    const char *override_text[CLI_MAX_OVERRIDES];
    size_t n_override_text;
    char override_ids[CLI_MAX_OVERRIDES][104];
    struct sw_override overrides[CLI_MAX_OVERRIDES];
};

/* Handle a shared option; false when `code` is not one of them. */
bool cli_common_option(struct cli_common *c, int code);

/* The one option loop of every subcommand:
 *     while ((code = cli_next_option(argc, argv, opts, &c, "simulate", usage)) != -1)
 *         switch (code) { case OPT_FORMAT: ...; default: return EXIT_USAGE; }
 * Options and arguments may come in any order (`simulate x.json --format csv`);
 * the arguments are left in argv[optind..argc). The shared options are handled
 * into c. Returns the subcommand's own option code, -1 at the end, or
 * CLI_OPT_ERROR after printing the usage error for an unknown option or a
 * missing value. */
#define CLI_OPT_ERROR (-2)
int cli_next_option(int argc, char **argv, const struct option *opts, struct cli_common *c,
                    const char *cmd, const char *usage);

/* Print "switchsim: <message>" on stderr and return the exit code for the error:
 * 1 for bad input and missing values, 3 for table problems. */
int cli_fail(const struct sw_err *err);

/* Usage problem: print "switchsim <cmd>: <message>" and the usage hint; return 2. */
int cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Print the usage text on stdout; return 0. */
int cli_help(const char *usage);

/* Load the tables (--tables or the default); on failure print and return false
 * with *exit_code set to 3. */
bool cli_load_tables(struct sw_tables **out, const struct cli_common *c, int *exit_code);

/* A lookup context on `t` with the --override values parsed in the parameters'
 * units (national defaults, no municipality); unpublished values are carried
 * forward and marked projected unless --strict. On a bad override prints the error
 * and returns false with *exit_code = 1. `used` may be NULL. */
bool cli_ctx(struct sw_ctx *out, struct cli_common *c, const struct sw_tables *t,
             struct sw_used *used, int *exit_code);

/* Read a scenario file ("-" = standard input) and parse it against `t`. On
 * failure prints every problem (with its JSON path) on stderr, returns false and
 * sets *exit_code (1 bad input, 3 tables). */
struct sw_scenario;
/* The arguments left after the options of a scenario command (simulate, explain,
 * sweep, employer, municipality, wayback): exactly one FILE or - (standard
 * input), and no --override (a scenario carries its own "overrides"). 0 when
 * they are right, else EXIT_USAGE, said with the command's usage. */
int cli_one_scenario(const struct cli_common *c, int argc, const char *cmd, const char *use);

bool cli_load_scenario(struct sw_scenario *out, const char *path, const struct sw_tables *t,
                       const struct cli_common *c, int *exit_code);

/* Today's date, for the defaults of --date, --year and `tables status`: the
 * environment's SWITCHSIM_TODAY (YYYY-MM-DD; tests fix the clock with it) or
 * the local clock. The core never reads a clock. On a bad SWITCHSIM_TODAY
 * prints the error and returns false with *exit_code = 2. */
bool cli_today(sw_date *out, int *exit_code);

/* The text of an optional date option: `text` itself, or today (YYYY-MM-DD,
 * written into buf) when it was not given. NULL with *exit_code set when the
 * clock cannot be read. */
const char *cli_date_text_or_today(const char *text, char buf[16], int *exit_code);

/* Parse a required date option value; on failure print and return false. */
bool cli_parse_date(sw_date *out, const char *text, const char *option, int *exit_code);
/* Parse euros; on failure print and return false. */
bool cli_parse_euros(int64_t *out, const char *text, const char *option, int *exit_code);

/* Print a JSON object (formatted) and a newline on stdout, then flush and
 * check stdout; frees `obj`. Returns 0, or 1 when stdout failed or obj is NULL
 * (out of memory). */
int cli_print_json(cJSON *obj);
/* The same for the compact text of an object (malloc'd, freed here; NULL: out
 * of memory), laid out as cli_print_json() lays out its tree. */
int cli_print_json_text(char *compact, size_t len);

/* "tables": {"version", "sha256"} of the set used, added to a component's JSON. */
void cli_add_tables_id(cJSON *o, const struct sw_tables *t);

/* After a text output: each projected value (carried forward, "voorlopig")
 * with the value that stands in, and each provisional one. Nothing when the
 * calculation used only published, confirmed values. */
void cli_print_provisional(const struct sw_used *used);

/* Check that stdout was written; call before returning 0 after plain output. */
int cli_finish_stdout(void);

/* Reset getopt for a subcommand's own parsing. */
void cli_getopt_reset(void);

/* The subcommands. */
int cli_tables(int argc, char **argv);
int cli_wml(int argc, char **argv);
int cli_net(int argc, char **argv);
int cli_bijstand(int argc, char **argv);
int cli_zorgtoeslag(int argc, char **argv);
int cli_huurtoeslag(int argc, char **argv);
int cli_lks(int argc, char **argv);
int cli_loonwaarde(int argc, char **argv);
int cli_employer(int argc, char **argv);
int cli_municipality(int argc, char **argv);
int cli_simulate(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_batch(int argc, char **argv);
int cli_sweep(int argc, char **argv);
int cli_wayback(int argc, char **argv);

#endif
