/* cli_tables.c - `switchsim tables check|list|show|fetch`: inspect the parameter
 * tables, and install a published one. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fileio.h"
#include "fetch.h"
#include "switchsim/money.h"

static const char usage[] =
    "usage: switchsim tables check [--tables DIR] [--json]\n"
    "       switchsim tables list  [--tables DIR] [--json]\n"
    "       switchsim tables show ID [--date YYYY-MM-DD] [--municipality NAME]\n"
    "                               [--tables DIR] [--json]\n"
    "       switchsim tables fetch URL --sha256 HEX [--timeout SECONDS]\n"
    "                               [--tables DIR] [--json]\n"
    "       switchsim tables status [--date YYYY-MM-DD] [--within MONTHS]\n"
    "                               [--tables DIR] [--json]\n"
    "\n"
    "check  validate every table (XSD and meaning); exit 3 naming the file on a problem\n"
    "list   the table documents with version, and the set's sha256\n"
    "show   a parameter's value on a date, or its whole timeline: value, unit,\n"
    "       valid from, source\n"
    "fetch  download a published table (https; plain http only on a loopback\n"
    "       address), check its sha256, validate it with the installed set, and\n"
    "       install it as DIR/<id>.xml or DIR/gemeenten/<municipality>.xml; where it\n"
    "       came from is kept in DIR/.sources and shown by `list`. On any failure\n"
    "       the installed tables stay as they were (exit 3). --timeout: seconds for\n"
    "       the whole download (default 60)\n"
    "status per parameter: until when the tables hold published values; which\n"
    "       have run out on --date (default today: their last value is carried\n"
    "       forward, marked voorlopig) and which run out within --within months\n"
    "       (default 3) - what must be added next (tables/README.md)\n";

enum { OPT_MUNI = OPT_FIRST_OWN, OPT_SHA256, OPT_TIMEOUT, OPT_WITHIN };

/* The value as text in its unit: "1345.45 euro", "35.82 %", "6 months". */
static void format_value(char *buf, size_t size, enum sw_unit unit, int64_t v)
{
    char num[48];

    switch (unit) {
    case SW_UNIT_EUROCENT:
        sw_money_format(num, sizeof(num), v);
        snprintf(buf, size, "%s euro", num);
        break;
    case SW_UNIT_PERCENT:
        sw_rate_format(num, sizeof(num), v);
        snprintf(buf, size, "%s %%", num);
        break;
    case SW_UNIT_HOURS:
        sw_money_format(num, sizeof(num), v);  /* hundredths, same shape */
        snprintf(buf, size, "%s hours", num);
        break;
    case SW_UNIT_BOOL:
        snprintf(buf, size, "%s", v ? "true" : "false");
        break;
    case SW_UNIT_SETTLEMENT:
        snprintf(buf, size, "%s", sw_settlement_code_name((int)v));
        break;
    default:
        snprintf(buf, size, "%lld %s", (long long)v, sw_unit_name(unit));
        break;
    }
}

static cJSON *info_json(const struct sw_value_info *in)
{
    cJSON *o = cJSON_CreateObject();
    char d[16];

    sw_date_format(d, sizeof(d), in->from);
    cJSON_AddStringToObject(o, "id", in->id);
    cJSON_AddStringToObject(o, "from", d);
    if (in->end) {
        cJSON_AddBoolToObject(o, "end", true);
        if (in->unpublished)
            cJSON_AddBoolToObject(o, "unpublished", true);
    } else if (in->is_scale) {
        cJSON *arr = cJSON_AddArrayToObject(o, "brackets");
        for (size_t i = 0; i < in->nbrackets; i++) {
            cJSON *b = cJSON_CreateObject();
            char r[32];
            cJSON_AddNumberToObject(b, "threshold", (double)in->brackets[i].threshold);
            if (in->kind == SW_SCALE_PIECEWISE)
                cJSON_AddNumberToObject(b, "base", (double)in->brackets[i].base);
            sw_rate_format(r, sizeof(r), in->brackets[i].rate);
            cJSON_AddRawToObject(b, "rate_percent", r);
            cJSON_AddItemToArray(arr, b);
        }
    } else {
        cJSON_AddNumberToObject(o, "value", (double)in->amount);
    }
    cJSON_AddStringToObject(o, "unit", in->is_scale ? "scale" : sw_unit_name(in->unit));
    cJSON_AddStringToObject(o, "source", in->source);
    cJSON_AddStringToObject(o, "url", in->url);
    if (in->note[0])
        cJSON_AddStringToObject(o, "note", in->note);
    cJSON_AddBoolToObject(o, "provisional", in->provisional);
    cJSON_AddStringToObject(o, "file", in->file);
    return o;
}

static void print_info(const struct sw_value_info *in)
{
    char d[16], v[64];

    sw_date_format(d, sizeof(d), in->from);
    if (in->end) {
        printf("  from %s  (no value: %s)\n", d,
               in->unpublished ? "not published yet" : "the parameter ends");
    } else if (in->is_scale) {
        printf("  from %s  %s scale%s\n", d,
               in->kind == SW_SCALE_PIECEWISE ? "piecewise" : "marginal",
               in->provisional ? "  [provisional]" : "");
        for (size_t i = 0; i < in->nbrackets; i++) {
            char th[32], base[32], r[32];
            sw_money_format(th, sizeof(th), in->brackets[i].threshold);
            sw_money_format(base, sizeof(base), in->brackets[i].base);
            sw_rate_format(r, sizeof(r), in->brackets[i].rate);
            if (in->kind == SW_SCALE_PIECEWISE)
                printf("    from %12s: %s + %s %% above\n", th, base, r);
            else
                printf("    from %12s: %s %%\n", th, r);
        }
    } else {
        format_value(v, sizeof(v), in->unit, in->amount);
        printf("  from %s  %s%s\n", d, v, in->provisional ? "  [provisional]" : "");
    }
    printf("    source: %s\n", in->source);
    if (in->url[0])
        printf("    url: %s\n", in->url);
    if (in->note[0])
        printf("    note: %s\n", in->note);
}

static int do_show(const struct cli_common *c, const char *id, const char *date_text,
                   const char *muni)
{
    struct sw_tables *t = NULL;
    struct sw_value_info infos[200];
    size_t n;
    int rc = EXIT_OK;
    sw_date date = 0;
    int64_t lo, hi;

    if (date_text && !cli_parse_date(&date, date_text, "--date", &rc))
        return rc;
    if (!cli_load_tables(&t, c, &rc))
        return rc;
    if (!muni && strncmp(id, "gemeente.", 9) == 0)
        muni = "default";
    n = sw_tables_timeline(t, id, muni ? muni : "", infos, 200);
    if (n == 0 && sw_tables_override_range(t, id, &lo, &hi)) {
        /* Declared without a value: only what a user enters (overrides). */
        fprintf(stderr, "switchsim: no value for '%s' in the tables: enter one in the scenario's "
                        "\"overrides\"\n", id);
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (n == 0) {
        fprintf(stderr, "switchsim: unknown parameter '%s'%s%s\n", id,
                muni ? " for municipality " : "", muni ? muni : "");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    if (n > 200)
        n = 200;
    if (date_text) {
        /* The value in force on the date: the last one from on or before it. */
        const struct sw_value_info *hit = NULL;
        for (size_t i = 0; i < n && infos[i].from <= date; i++)
            hit = &infos[i];
        if (!hit || hit->end) {
            fprintf(stderr, "switchsim: no value for '%s' on '%s'\n", id, date_text);
            rc = EXIT_BAD_INPUT;
            goto out;
        }
        if (c->json) {
            rc = cli_print_json(info_json(hit));
        } else {
            printf("%s — %s\n", id, hit->description);
            print_info(hit);
            rc = cli_finish_stdout();
        }
        goto out;
    }
    if (c->json) {
        cJSON *o = cJSON_CreateObject(), *arr;
        cJSON_AddStringToObject(o, "id", id);
        cJSON_AddStringToObject(o, "description", infos[0].description);
        arr = cJSON_AddArrayToObject(o, "values");
        for (size_t i = 0; i < n; i++)
            cJSON_AddItemToArray(arr, info_json(&infos[i]));
        rc = cli_print_json(o);
    } else {
        printf("%s — %s\n", id, infos[0].description);
        for (size_t i = 0; i < n; i++)
            print_info(&infos[i]);
        rc = cli_finish_stdout();
    }
out:
    sw_tables_free(t);
    return rc;
}

/* The record of a fetched document (named "tables/x.xml" in the set), or NULL. */
static const struct sw_fetch_source *source_of(const struct sw_fetch_source *src, size_t n,
                                               const char *name)
{
    const char *rel = strchr(name, '/');

    for (size_t i = 0; rel && i < n; i++)
        if (strcmp(src[i].rel, rel + 1) == 0)
            return &src[i];
    return NULL;
}

/* Whether the file no longer holds the bytes that were fetched. */
static bool source_modified(const char *dir, const struct sw_fetch_source *s)
{
    char path[4400], hex[65];

    snprintf(path, sizeof(path), "%s/%s", dir, s->rel);
    return !sw_fetch_file_sha256(path, hex) || strcmp(hex, s->sha256) != 0;
}

static cJSON *source_json(const char *dir, const struct sw_fetch_source *s)
{
    cJSON *o = cJSON_CreateObject();

    cJSON_AddStringToObject(o, "url", s->url);
    cJSON_AddStringToObject(o, "sha256", s->sha256);
    cJSON_AddStringToObject(o, "fetched", s->fetched);
    cJSON_AddBoolToObject(o, "modified_since", source_modified(dir, s));
    return o;
}

static int do_list(const struct cli_common *c, bool check_only)
{
    struct sw_tables *t = NULL;
    struct sw_fetch_source *src = NULL;
    size_t nsrc = 0;
    struct sw_err err;
    const char *dir = sw_tables_dir(c->tables_dir);
    int rc = EXIT_OK;
    size_t nd;

    if (!cli_load_tables(&t, c, &rc))
        return rc;
    if (sw_fetch_sources_read(dir, &src, &nsrc, &err) != SW_OK) {
        rc = cli_fail(&err);
        sw_tables_free(t);
        return rc;
    }
    nd = sw_tables_doc_count(t);
    if (c->json) {
        cJSON *o = cJSON_CreateObject(), *arr;
        cJSON_AddStringToObject(o, "version", sw_tables_version(t));
        cJSON_AddStringToObject(o, "sha256", sw_tables_sha256(t));
        cJSON_AddNumberToObject(o, "parameters", (double)sw_tables_param_count(t));
        arr = cJSON_AddArrayToObject(o, "documents");
        for (size_t i = 0; i < nd; i++) {
            const char *name, *id, *title, *version, *muni;
            cJSON *d = cJSON_CreateObject();
            sw_tables_doc(t, i, &name, &id, &title, &version, &muni);
            cJSON_AddStringToObject(d, "file", name);
            cJSON_AddStringToObject(d, "id", id);
            cJSON_AddStringToObject(d, "title", title);
            cJSON_AddStringToObject(d, "version", version);
            if (muni[0])
                cJSON_AddStringToObject(d, "municipality", muni);
            {
                const struct sw_fetch_source *fs = source_of(src, nsrc, name);
                cJSON_AddStringToObject(d, "origin", fs ? "fetched" : "local");
                if (fs)
                    cJSON_AddItemToObject(d, "source", source_json(dir, fs));
            }
            cJSON_AddItemToArray(arr, d);
        }
        rc = cli_print_json(o);
    } else if (check_only) {
        printf("tables ok: %zu documents, %zu parameters, version %s, sha256 %s\n", nd,
               sw_tables_param_count(t), sw_tables_version(t), sw_tables_sha256(t));
        rc = cli_finish_stdout();
    } else {
        for (size_t i = 0; i < nd; i++) {
            const char *name, *id, *title, *version, *muni;
            sw_tables_doc(t, i, &name, &id, &title, &version, &muni);
            printf("%-36s %-10s %s%s%s%s\n", name, version, title,
                   muni[0] ? "  [gemeente " : "", muni, muni[0] ? "]" : "");
            {
                const struct sw_fetch_source *fs = source_of(src, nsrc, name);
                if (fs)
                    printf("    fetched %s from %s\n    sha256 %s%s\n", fs->fetched, fs->url,
                           fs->sha256,
                           source_modified(dir, fs) ? "  (the file was changed since)" : "");
            }
        }
        printf("version %s  sha256 %s\n", sw_tables_version(t), sw_tables_sha256(t));
        rc = cli_finish_stdout();
    }
    free(src);
    sw_tables_free(t);
    return rc;
}

static int do_fetch(const struct cli_common *c, const char *url, const char *sha,
                    const char *timeout_text)
{
    struct sw_fetch_request rq = {url, sha, sw_tables_dir(c->tables_dir), 0};
    struct sw_fetch_result res;
    struct sw_err err;

    if (timeout_text) {
        char *end = NULL;
        long v = strtol(timeout_text, &end, 10);
        if (!*timeout_text || *end || v < 1 || v > 3600) {
            fprintf(stderr, "switchsim: --timeout takes whole seconds 1..3600, not '%.40s'\n",
                    timeout_text);
            return EXIT_BAD_INPUT;
        }
        rq.timeout = v;
    }
    sw_err_clear(&err);
    if (sw_fetch_table(&rq, &res, &err) != SW_OK) {
        if (err.code == SW_ERR_INVALID)
            return cli_fail(&err);
        fprintf(stderr, "switchsim: %s\n", err.msg);
        fprintf(stderr, "switchsim: nothing installed; the tables in '%s' are unchanged\n",
                rq.dir);
        return EXIT_TABLES;
    }
    if (c->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "installed", res.file);
        cJSON_AddStringToObject(o, "id", res.id);
        cJSON_AddStringToObject(o, "version", res.version);
        cJSON_AddStringToObject(o, "url", url);
        cJSON_AddStringToObject(o, "sha256", res.sha256);
        cJSON_AddStringToObject(o, "fetched", res.fetched);
        cJSON_AddBoolToObject(o, "replaced", res.replaced);
        cJSON_AddBoolToObject(o, "unchanged", res.unchanged);
        cJSON_AddStringToObject(o, "tables_sha256", res.set_sha256);
        return cli_print_json(o);
    }
    printf("%s %s (table '%s', version %s)\n",
           res.unchanged ? "already installed:" : res.replaced ? "updated" : "installed",
           res.file, res.id, res.version);
    printf("from %s\nsha256 %s\ntables sha256 now %s\n", url, res.sha256, res.set_sha256);
    return cli_finish_stdout();
}

/* --- status: what runs out --- */

enum run_out { RUN_OPEN, RUN_ENDS, RUN_OUT, RUN_SOON, RUN_LATER };

static const char *const run_out_names[] = {"open", "ends", "projected", "runs_out", "ok"};

struct param_status {
    const char *id, *municipality;
    enum run_out state;
    sw_date last_from;     /* the last published value */
    sw_date until;         /* the day the next value is due or the rule ends */
};

/* The state of parameter i on `today`, with `soon` the first day after the window. */
static bool param_status(const struct sw_tables *t, size_t i, sw_date today, sw_date soon,
                         struct param_status *ps)
{
    struct sw_value_info tl[200];
    enum sw_unit unit;
    bool scale;
    size_t n;

    sw_tables_param(t, i, &ps->id, &ps->municipality, &unit, &scale);
    n = sw_tables_timeline(t, ps->id, ps->municipality, tl, 200);
    if (n == 0 || n > 200)
        return false;
    ps->last_from = tl[n - 1].from;
    ps->until = SW_NO_DATE;
    if (!tl[n - 1].end) {
        ps->state = RUN_OPEN;
        return true;
    }
    ps->until = tl[n - 1].from;
    ps->last_from = n > 1 ? tl[n - 2].from : SW_NO_DATE;
    if (!tl[n - 1].unpublished)
        ps->state = RUN_ENDS;
    else if (ps->until <= today)
        ps->state = RUN_OUT;
    else if (ps->until < soon)
        ps->state = RUN_SOON;
    else
        ps->state = RUN_LATER;
    return true;
}

static int do_status(const struct cli_common *c, const char *date_text, const char *within)
{
    struct sw_tables *t = NULL;
    struct sw_err err;
    char today_text[16], d1[16], d2[16];
    size_t counts[5] = {0};
    int64_t months = 3;
    sw_date today, soon;
    int rc = EXIT_OK;
    cJSON *o = NULL, *arr = NULL;

    if (within && (sw_decimal_parse(&months, within, 0, 600, "--within", &err) != SW_OK ||
                   months < 0 || months > 600)) {
        fprintf(stderr, "switchsim: '--within' takes a number of months from 0 to 600\n");
        return EXIT_BAD_INPUT;
    }
    if (!(date_text = cli_date_text_or_today(date_text, today_text, &rc)) ||
        !cli_parse_date(&today, date_text, "--date", &rc))
        return rc;
    soon = sw_date_add_months(today, (int)months);
    if (!cli_load_tables(&t, c, &rc))
        return rc;
    if (c->json) {
        o = cJSON_CreateObject();
        if (o) {
            cJSON_AddStringToObject(o, "date", date_text);
            cJSON_AddNumberToObject(o, "within_months", (double)months);
            cJSON_AddStringToObject(o, "version", sw_tables_version(t));
            arr = cJSON_AddArrayToObject(o, "parameters");
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && !c->json) {
            printf("Tables (version %s) on %s, parameters: %zu without an end, %zu ending by "
                   "law, %zu published beyond %d months, %zu running out within %d months, "
                   "%zu run out (carried forward, voorlopig).\n",
                   sw_tables_version(t), date_text, counts[RUN_OPEN], counts[RUN_ENDS],
                   counts[RUN_LATER], (int)months, counts[RUN_SOON], (int)months, counts[RUN_OUT]);
            if (counts[RUN_OUT] + counts[RUN_SOON])
                printf("\nTo add (tables/README.md, 'Updating'):\n");
        }
        for (size_t i = 0; i < sw_tables_param_count(t); i++) {
            struct param_status ps;
            if (!param_status(t, i, today, soon, &ps))
                continue;
            if (pass == 0) {
                counts[ps.state]++;
                continue;
            }
            if (ps.last_from != SW_NO_DATE)
                sw_date_format(d1, sizeof(d1), ps.last_from);
            if (ps.until != SW_NO_DATE)
                sw_date_format(d2, sizeof(d2), ps.until);
            if (arr) {
                cJSON *po = cJSON_CreateObject();
                if (!po)
                    break;
                cJSON_AddStringToObject(po, "id", ps.id);
                if (ps.municipality[0])
                    cJSON_AddStringToObject(po, "municipality", ps.municipality);
                cJSON_AddStringToObject(po, "status", run_out_names[ps.state]);
                if (ps.last_from != SW_NO_DATE)
                    cJSON_AddStringToObject(po, "last_published_from", d1);
                if (ps.until != SW_NO_DATE)
                    cJSON_AddStringToObject(po, ps.state == RUN_ENDS ? "ends" : "published_until",
                                            d2);
                cJSON_AddItemToArray(arr, po);
            } else if (!c->json && (ps.state == RUN_OUT || ps.state == RUN_SOON)) {
                printf("  %-9s %s%s%s: published from %s; the next value is due on %s\n",
                       ps.state == RUN_OUT ? "RUN OUT" : "SOON", ps.id,
                       ps.municipality[0] ? " @" : "", ps.municipality,
                       ps.last_from != SW_NO_DATE ? d1 : "-", d2);
            }
        }
        if (pass == 1 && o) {
            cJSON *cs = cJSON_AddObjectToObject(o, "counts");
            for (int k = 0; cs && k < 5; k++)
                cJSON_AddNumberToObject(cs, run_out_names[k], (double)counts[k]);
        }
    }
    sw_tables_free(t);
    if (c->json)
        return cli_print_json(o);
    return cli_finish_stdout();
}

int cli_tables(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"municipality", required_argument, NULL, OPT_MUNI},
        {"sha256", required_argument, NULL, OPT_SHA256},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"within", required_argument, NULL, OPT_WITHIN},
        {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    const char *date = NULL, *muni = NULL, *sha = NULL, *timeout = NULL, *within = NULL;
    const char *action, *arg = NULL;
    int code;

    /* Options may come before the action, after it and after its argument. */
    while ((code = cli_next_option(argc, argv, opts, &c, "tables", usage)) != -1) {
        switch (code) {
        case OPT_DATE: date = optarg; break;
        case OPT_MUNI: muni = optarg; break;
        case OPT_SHA256: sha = optarg; break;
        case OPT_TIMEOUT: timeout = optarg; break;
        case OPT_WITHIN: within = optarg; break;
        default: return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind >= argc)
        return cli_usage_error("tables", usage,
                               "missing action (check, list, show, fetch or status)");
    action = argv[optind++];
    if (strcmp(action, "show") == 0 || strcmp(action, "fetch") == 0) {
        if (optind >= argc)
            return cli_usage_error("tables", usage, "missing %s",
                                   action[0] == 's' ? "parameter id" : "URL");
        arg = argv[optind++];
    }
    if (optind < argc)
        return cli_usage_error("tables", usage, "unexpected argument '%s'", argv[optind]);
    if (strcmp(action, "fetch") != 0 && (sha || timeout))
        return cli_usage_error("tables", usage, "%s is for fetch only",
                               sha ? "--sha256" : "--timeout");
    if (strcmp(action, "status") != 0 && within)
        return cli_usage_error("tables", usage, "--within is for status only");
    if (strcmp(action, "check") == 0 || strcmp(action, "list") == 0)
        return do_list(&c, action[0] == 'c');
    if (strcmp(action, "show") == 0)
        return do_show(&c, arg, date, muni);
    if (strcmp(action, "status") == 0)
        return do_status(&c, date, within);
    if (strcmp(action, "fetch") == 0) {
        if (!sha)
            return cli_usage_error("tables", usage,
                                   "fetch needs --sha256 HEX: the checksum the publisher gives");
        if (date || muni)
            return cli_usage_error("tables", usage, "fetch takes no %s",
                                   date ? "--date" : "--municipality");
        return do_fetch(&c, arg, sha, timeout);
    }
    return cli_usage_error("tables", usage, "unknown action '%s'", action);
}
