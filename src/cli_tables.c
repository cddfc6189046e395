/* cli_tables.c - `switchsim tables check|list|show|fetch`: inspect the parameter
 * tables, and install a published one. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fileio.h"
#include "front_fetch.h"
#include "switchsim/money.h"

static const char usage[] =
    "usage: switchsim tables check [--tables DIR] [--json]\n"
    "       switchsim tables list  [--tables DIR] [--json]\n"
    "       switchsim tables show ID [--date YYYY-MM-DD] [--municipality NAME]\n"
    "                               [--tables DIR] [--json]\n"
    "       switchsim tables fetch URL --sha256 HEX [--timeout SECONDS]\n"
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
    "       the whole download (default 60)\n";

enum { OPT_MUNI = OPT_FIRST_OWN, OPT_SHA256, OPT_TIMEOUT };

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

    if (date_text && !cli_parse_date(&date, date_text, "--date", &rc))
        return rc;
    if (!cli_load_tables(&t, c, &rc))
        return rc;
    if (!muni && strncmp(id, "gemeente.", 9) == 0)
        muni = "default";
    n = sw_tables_timeline(t, id, muni ? muni : "", infos, 200);
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

int cli_tables(int argc, char **argv)
{
    static const struct option opts[] = {
        CLI_COMMON_OPTIONS,
        {"date", required_argument, NULL, OPT_DATE},
        {"municipality", required_argument, NULL, OPT_MUNI},
        {"sha256", required_argument, NULL, OPT_SHA256},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    const char *date = NULL, *muni = NULL, *action;
    const char *sha = NULL, *timeout = NULL;
    int code;

    while ((code = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        if (cli_common_option(&c, code))
            continue;
        switch (code) {
        case OPT_DATE: date = optarg; break;
        case OPT_MUNI: muni = optarg; break;
        case OPT_SHA256: sha = optarg; break;
        case OPT_TIMEOUT: timeout = optarg; break;
        default:
            return cli_usage_error("tables", usage, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (c.help)
        return cli_help(usage);
    if (optind >= argc)
        return cli_usage_error("tables", usage, "missing action (check, list, show or fetch)");
    action = argv[optind++];
    /* Options may also follow the action. */
    while ((code = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        if (cli_common_option(&c, code))
            continue;
        switch (code) {
        case OPT_DATE: date = optarg; break;
        case OPT_MUNI: muni = optarg; break;
        case OPT_SHA256: sha = optarg; break;
        case OPT_TIMEOUT: timeout = optarg; break;
        default:
            return cli_usage_error("tables", usage, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (c.help)
        return cli_help(usage);
    if (strcmp(action, "check") == 0 || strcmp(action, "list") == 0) {
        if (optind < argc)
            return cli_usage_error("tables", usage, "unexpected argument '%s'", argv[optind]);
        return do_list(&c, action[0] == 'c');
    }
    if (strcmp(action, "show") == 0) {
        const char *id;
        if (optind >= argc)
            return cli_usage_error("tables", usage, "missing parameter id");
        id = argv[optind++];
        while ((code = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
            if (cli_common_option(&c, code))
                continue;
            switch (code) {
            case OPT_DATE: date = optarg; break;
            case OPT_MUNI: muni = optarg; break;
            case OPT_SHA256: sha = optarg; break;
            case OPT_TIMEOUT: timeout = optarg; break;
            default:
                return cli_usage_error("tables", usage, "unknown option '%s'",
                                       argv[optind - 1]);
            }
        }
        if (optind < argc)
            return cli_usage_error("tables", usage, "unexpected argument '%s'", argv[optind]);
        return do_show(&c, id, date, muni);
    }
    if (strcmp(action, "fetch") == 0) {
        const char *url;
        if (optind >= argc)
            return cli_usage_error("tables", usage, "missing URL");
        url = argv[optind++];
        while ((code = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
            if (cli_common_option(&c, code))
                continue;
            switch (code) {
            case OPT_SHA256: sha = optarg; break;
            case OPT_TIMEOUT: timeout = optarg; break;
            default:
                return cli_usage_error("tables", usage, "unknown option '%s'",
                                       argv[optind - 1]);
            }
        }
        if (optind < argc)
            return cli_usage_error("tables", usage, "unexpected argument '%s'", argv[optind]);
        if (!sha)
            return cli_usage_error("tables", usage,
                                   "fetch needs --sha256 HEX: the checksum the publisher gives");
        if (date || muni)
            return cli_usage_error("tables", usage, "fetch takes no %s",
                                   date ? "--date" : "--municipality");
        return do_fetch(&c, url, sha, timeout);
    }
    if ((sha || timeout) && !c.help)
        return cli_usage_error("tables", usage, "%s is for fetch only",
                               sha ? "--sha256" : "--timeout");
    return cli_usage_error("tables", usage, "unknown action '%s'", action);
}
