/* tests/bench/engine.c - in-process timings: table loading, scenario parsing, the
 * engine (switch + baseline) with and without traces, JSON output, the API handler
 * (cgi_answer, as switchsim.fcgi runs it), and the engine
 * on every processor at once; with a caseload (tests/bench/caseload.c), the engine
 * over all its households (also without the steady pass, to show its share), and
 * the gross-up of a net benefit by the fast search against the search by every
 * cent it replaced. Used by tests/bench/run; not a test.
 *
 *   engine TABLES_DIR SCENARIO.json [SECONDS_PER_MEASURE [CASELOAD.jsonl]]
 *
 * Each figure is the best of five rounds of at least SECONDS / 5 each, so that a
 * busy machine disturbs it as little as possible. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cgi.h"
#include "cgi_arena.h"
#include "fileio.h"
#include "loonheffing_ref.h"
#include "switchsim/loonheffing.h"
#include "switchsim/sha256.h"
#include "switchsim/engine.h"
#include "json_out.h"
#include "json_text.h"
#include "switchsim/scenario.h"

static const char *tables_dir;
static const struct sw_tables *tables;
static const char *scenario_text;
static size_t scenario_len;
static struct sw_scenario scenario;
static double round_seconds = 0.4;

/* CPU time of the calling thread: what one measurement costs, whatever else the
 * machine runs meanwhile. */
static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall time, for the threads running side by side. */
static double wall_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const struct sw_err *err)
{
    fprintf(stderr, "bench: %s: %s\n", what, err ? err->msg : "failed");
    exit(1);
}

/* --- the measured operations; each returns nothing and dies on failure --- */

static void op_load(void)
{
    struct sw_tables *t;
    struct sw_err err;

    if (sw_tables_load_dir(&t, tables_dir, &err) != SW_OK)
        die("load tables", &err);
    sw_tables_free(t);
}

/* Loading with the snapshot cache off (the XML every time) and on (a hit). */
static const char *cache_dir;
static void op_load_xml(void)
{
    setenv("SWITCHSIM_CACHE", "off", 1);
    op_load();
}

static void op_load_snapshot(void)
{
    setenv("SWITCHSIM_CACHE", cache_dir, 1);
    op_load();
}

/* sha256 over every table file, as the loader takes it (its share of loading). */
static char *all_xml;
static size_t all_xml_len;
static void op_sha256(void)
{
    struct sw_sha256 h;
    char hex[65];

    sw_sha256_init(&h);
    sw_sha256_update(&h, all_xml, all_xml_len);
    sw_sha256_hex(&h, hex);
}

static void op_parse(void)
{
    struct sw_err err;
    static struct sw_scenario s;

    if (sw_scenario_parse(&s, tables, scenario_text, scenario_len, NULL, &err) != SW_OK)
        die("parse scenario", &err);
}

static void simulate(unsigned flags, bool json)
{
    struct sw_timeline *tl;
    struct sw_err err;

    if (sw_simulate(&tl, tables, &scenario, flags, &err) != SW_OK)
        die("simulate", &err);
    if (json) {
        /* the answer's text as the API writes it (timeline_text.c) */
        char *s = sw_timeline_text(tl, NULL);
        if (!s)
            die("json", NULL);
        free(s);
    }
    sw_timeline_free(tl);
}

static void op_simulate(void) { simulate(0, false); }
static void op_simulate_trace(void) { simulate(SW_SIM_TRACE, false); }
static void op_simulate_json(void) { simulate(0, true); }

/* --- the caseload: every household in turn --- */

static struct sw_scenario *cases;
static size_t n_cases, next_case;
static long case_months;

/* The caseload's next household with `flags`, through sw_simulate_keep() with
 * case_keep: a keeper of the lookup cache only, as a long-running engine holds it
 * (switchsim.fcgi; batch keeps the same cache and also its baselines), every
 * household its own baseline run; NULL: sw_simulate(), a fresh cache each time. */
static struct sw_baseline *case_keep;
static void caseload_next(unsigned flags)
{
    struct sw_timeline *tl;
    struct sw_err err;

    if (sw_simulate_keep(&tl, tables, &cases[next_case], flags, case_keep, &err) != SW_OK)
        die("simulate (caseload)", &err);
    sw_timeline_free(tl);
    next_case = (next_case + 1) % n_cases;
}

static void op_caseload(void) { caseload_next(0); }

/* The same, each household with a fresh lookup cache (sw_simulate()). */
static void op_caseload_fresh(void)
{
    struct sw_baseline *k = case_keep;

    case_keep = NULL;
    caseload_next(0);
    case_keep = k;
}

/* The same without the second run that finds the headline month (SW_SIM_NO_STEADY):
 * what that run costs. */
static void op_caseload_no_steady(void) { caseload_next(SW_SIM_NO_STEADY); }

/* With the headline month from the run over the whole lookahead, as before the
 * shortest run that shows it was used (SW_SIM_STEADY_FULL). */
static void op_caseload_steady_full(void) { caseload_next(SW_SIM_STEADY_FULL); }

static void op_caseload_trace(void) { caseload_next(SW_SIM_TRACE); }

/* Read the caseload; lines that do not parse are skipped (and counted). */
static size_t read_caseload(const char *path, size_t *bad)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, n = 0, alloc = 0;
    ssize_t len;

    if (!f)
        die("open caseload", NULL);
    *bad = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        struct sw_err err;
        if (n == alloc) {
            alloc = alloc ? alloc * 2 : 1024;
            cases = realloc(cases, alloc * sizeof(*cases));
            if (!cases)
                die("out of memory", NULL);
        }
        if (sw_scenario_parse(&cases[n], tables, line, (size_t)len, NULL, &err) == SW_OK) {
            case_months += cases[n].months;
            n++;
        } else {
            (*bad)++;
        }
    }
    free(line);
    fclose(f);
    return n;
}

/* The nets the engine grosses up: bijstand of a single (about 1 300 euros), a
 * couple's half, and a spread around them. */
static int64_t grossup_net = 60000;
static void grossup(bool fast)
{
    struct sw_ctx c;
    struct sw_err err;
    int64_t g[16];

    sw_ctx_init(&c, tables, false);
    if (lh_ref_benefit_gross(&c, sw_month_first_day(sw_month_from_ym(2026, 6)), grossup_net,
                             16, SW_NO_DATE, SW_LH_KORTING, fast, g, &err) != SW_OK)
        die("gross-up", &err);
    grossup_net = grossup_net >= 200000 ? 60000 : grossup_net + 997;
}
static void op_grossup_fast(void) { grossup(true); }
static void op_grossup_scan(void) { grossup(false); }

/* The parts of the simulate JSON, on one timeline: the cJSON tree, and its
 * text as the CLI writes it (json_text.c) or as cJSON prints it, and the text
 * the API and batch write without a tree (timeline_text.c). */
static struct sw_timeline *json_tl;
static cJSON *json_tree;
static void op_json_tree(void)
{
    cJSON *o = sw_timeline_json(json_tl);
    if (!o)
        die("json", NULL);
    cJSON_Delete(o);
}
static void text_of(char *s)
{
    if (!s)
        die("json", NULL);
    free(s);
}
static void op_json_text(void) { text_of(sw_json_text(json_tree, false, NULL)); }
static void op_timeline_text(void) { text_of(sw_timeline_text(json_tl, NULL)); }
static void op_json_text_fmt(void) { text_of(sw_json_text(json_tree, true, NULL)); }
static void op_cjson_print(void) { text_of(cJSON_PrintUnformatted(json_tree)); }
static void op_cjson_print_fmt(void) { text_of(cJSON_Print(json_tree)); }

/* What switchsim.fcgi does for POST /api/simulate once the request is in: the
 * handler (cgi_answer: the body read and checked, the scenario parsed, the
 * engine, the answer's text) with the tables it holds and the lookup cache it
 * keeps between requests (a keeper of the cache only: the baseline runs every
 * time), cJSON's trees in its arena (cgi_arena.h). */
static struct sw_baseline *api_keep;
static struct cgi_arena *api_arena;
static size_t api_len;
static void op_api(void)
{
    char cl[24];
    struct cgi_mem b = {scenario_text, scenario_len};
    struct cgi_request rq = {.method = "POST", .path = "/simulate", .content_length = cl,
                             .read = cgi_read_mem, .read_ctx = &b, .tables = tables,
                             .keep = api_keep};
    struct cgi_response resp;

    snprintf(cl, sizeof(cl), "%zu", scenario_len);
    cgi_arena_begin(api_arena);
    cgi_answer(&rq, &resp);
    cgi_arena_end(api_arena);
    if (resp.status != 200)
        die("POST /simulate", NULL);
    api_len = resp.len;
    cgi_response_free(&resp);
}

/* Seconds per call: the best of five rounds. */
static double measure(void (*op)(void))
{
    double best = 1e9;

    op();   /* warm up */
    for (int r = 0; r < 5; r++) {
        long n = 0;
        double t0 = now(), t1;
        do {
            op();
            n++;
            t1 = now();
        } while (t1 - t0 < round_seconds);
        if ((t1 - t0) / (double)n < best)
            best = (t1 - t0) / (double)n;
    }
    return best;
}

/* --- all processors --- */

static volatile int stop_flag;

static void *spin(void *arg)
{
    long *count = arg;
    struct sw_scenario *s = malloc(sizeof(*s));
    struct sw_err err;

    if (!s)
        die("out of memory", NULL);
    memcpy(s, &scenario, sizeof(*s));
    while (!__atomic_load_n(&stop_flag, __ATOMIC_RELAXED)) {
        struct sw_timeline *tl;
        if (sw_simulate(&tl, tables, s, 0, &err) != SW_OK)
            die("simulate", &err);
        sw_timeline_free(tl);
        (*count)++;
    }
    free(s);
    return NULL;
}

static double parallel_rate(int nthreads, double seconds)
{
    pthread_t tid[64];
    long counts[64] = {0}, total = 0;
    double t0;
    struct timespec ts = {(time_t)seconds, (long)((seconds - (long)seconds) * 1e9)};

    __atomic_store_n(&stop_flag, 0, __ATOMIC_RELAXED);
    t0 = wall_now();
    for (int k = 0; k < nthreads; k++)
        if (pthread_create(&tid[k], NULL, spin, &counts[k]) != 0)
            die("pthread_create", NULL);
    nanosleep(&ts, NULL);
    __atomic_store_n(&stop_flag, 1, __ATOMIC_RELAXED);
    for (int k = 0; k < nthreads; k++) {
        pthread_join(tid[k], NULL);
        total += counts[k];
    }
    return (double)total / (wall_now() - t0);
}

/* Concatenate the *.xml the loader reads, for the sha256 share. */
static void read_all_xml(void)
{
    static const char *const subs[] = {"", "/gemeenten"};
    char cmd[4200];
    FILE *p;
    size_t cap = 1 << 20;

    all_xml = malloc(cap);
    if (!all_xml)
        die("out of memory", NULL);
    for (int k = 0; k < 2; k++) {
        size_t got;
        snprintf(cmd, sizeof(cmd), "cat '%s'%s/*.xml 2>/dev/null", tables_dir, subs[k]);
        p = popen(cmd, "r");
        if (!p)
            die("popen", NULL);
        while ((got = fread(all_xml + all_xml_len, 1, cap - all_xml_len, p)) > 0) {
            all_xml_len += got;
            if (all_xml_len == cap) {
                char *n = realloc(all_xml, cap * 2);
                if (!n)
                    die("out of memory", NULL);
                all_xml = n;
                cap *= 2;
            }
        }
        pclose(p);
    }
}

int main(int argc, char **argv)
{
    struct sw_tables *t;
    struct sw_err err;
    char *text;
    size_t len;
    double load, load_snap, sha, parse, sim, trace, json, par, tree, txt, txt_f, cj, cj_f, direct,
        api;
    size_t json_len;
    char cdir[] = "/tmp/switchsim-bench-XXXXXX", cfile[64];
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int nthreads = ncpu < 1 ? 1 : ncpu > 64 ? 64 : (int)ncpu;

    if (argc < 3) {
        fprintf(stderr, "usage: engine TABLES_DIR SCENARIO.json [SECONDS [CASELOAD.jsonl]]\n");
        return 2;
    }
    tables_dir = argv[1];
    setenv("SWITCHSIM_CACHE", "off", 1);   /* no cache but the measured one */
    if (argc > 3)
        round_seconds = atof(argv[3]) / 5;
    if (sw_tables_load_dir(&t, tables_dir, &err) != SW_OK)
        die("load tables", &err);
    tables = t;
    if (sw_read_file(&text, &len, argv[2], SW_SCENARIO_MAX_BYTES, &err) != SW_OK)
        die("read scenario", &err);
    scenario_text = text;
    scenario_len = len;
    if (sw_scenario_parse(&scenario, tables, text, len, NULL, &err) != SW_OK)
        die("parse scenario", &err);
    read_all_xml();

    if (!mkdtemp(cdir))
        die("mkdtemp", NULL);
    cache_dir = cdir;
    load = measure(op_load_xml);
    load_snap = measure(op_load_snapshot);   /* the first call writes the snapshot */
    snprintf(cfile, sizeof(cfile), "%s/tables.snapshot", cdir);
    remove(cfile);
    remove(cdir);
    sha = measure(op_sha256);
    parse = measure(op_parse);
    sim = measure(op_simulate);
    trace = measure(op_simulate_trace);
    json = measure(op_simulate_json);
    api_keep = sw_baseline_new_cache();
    api_arena = cgi_arena_new();
    api = measure(op_api);
    cgi_arena_free(api_arena);
    api_arena = NULL;
    sw_baseline_free(api_keep);
    api_keep = NULL;
    if (sw_simulate(&json_tl, tables, &scenario, 0, &err) != SW_OK)
        die("simulate", &err);
    tree = measure(op_json_tree);
    json_tree = sw_timeline_json(json_tl);
    if (!json_tree)
        die("json", NULL);
    free(sw_json_text(json_tree, false, &json_len));
    txt = measure(op_json_text);
    direct = measure(op_timeline_text);
    txt_f = measure(op_json_text_fmt);
    cj = measure(op_cjson_print);
    cj_f = measure(op_cjson_print_fmt);
    cJSON_Delete(json_tree);
    sw_timeline_free(json_tl);
    par = parallel_rate(nthreads, round_seconds * 5);

    printf("scenario: %s (%d months, switch + baseline)\n", argv[2], scenario.months);
    printf("%-44s %10.2f ms\n", "table loading from XML (XSD, checks, sha256)", load * 1e3);
    printf("%-44s %10.2f ms  (%.1fx)\n", "table loading from the snapshot cache", load_snap * 1e3,
           load / load_snap);
    printf("%-44s %10.2f ms  (%zu bytes of XML)\n", "  sha256 of the tables (in both)", sha * 1e3,
           all_xml_len);
    printf("%-44s %10.1f us\n", "scenario parsing", parse * 1e6);
    printf("%-44s %10.1f us  = %.0f scenarios/s on one core\n", "engine, no trace", sim * 1e6,
           1 / sim);
    printf("%-44s %10.1f us\n", "engine with traces (explain)", trace * 1e6);
    printf("%-44s %10.1f us\n", "engine + simulate JSON (as the API writes it)", json * 1e6);
    printf("%-44s %10.1f us  (%zu bytes compact)\n", "  JSON tree (sw_timeline_json)", tree * 1e6,
           json_len);
    printf("%-44s %10.1f us  (formatted %.1f us)\n", "  JSON text of the tree (json_text.c, CLI)",
           txt * 1e6, txt_f * 1e6);
    printf("%-44s %10.1f us  (formatted %.1f us)\n", "  JSON text as cJSON prints it", cj * 1e6,
           cj_f * 1e6);
    printf("%-44s %10.1f us  (tree + text take %.1fx as long; the same bytes)\n",
           "  JSON text without a tree (timeline_text.c)", direct * 1e6, (tree + txt) / direct);
    printf("%-44s %10.1f us  (%zu bytes; the engine %.0f %%)\n",
           "API handler, POST /simulate (cgi_answer)", api * 1e6, api_len, sim / api * 100);
    printf("%-44s %10.0f scenarios/s on %d threads (%.0f per thread; wall time)\n",
           "engine, all processors", par, nthreads, par / nthreads);
    if (argc > 4) {
        size_t bad;
        double cl, cl_fresh, cl_trace, cl_nosteady, cl_full, fast, scan, months_per;
        n_cases = read_caseload(argv[4], &bad);
        if (n_cases == 0)
            die("caseload: no scenario parses", NULL);
        months_per = (double)case_months / (double)n_cases;
        case_keep = sw_baseline_new_cache();
        if (!case_keep)
            die("out of memory", NULL);
        cl = measure(op_caseload);
        cl_fresh = measure(op_caseload_fresh);
        cl_trace = measure(op_caseload_trace);
        cl_nosteady = measure(op_caseload_no_steady);
        cl_full = measure(op_caseload_steady_full);
        fast = measure(op_grossup_fast) / 16;
        scan = measure(op_grossup_scan) / 16;
        printf("caseload: %s (%zu households, %.1f months each; %zu lines refused)\n", argv[4],
               n_cases, months_per, bad);
        printf("%-44s %10.1f us  = %.0f scenario-months/s on one core (%.2fx the goal of "
               "1,000,000)\n", "engine on the caseload, no trace", cl * 1e6, months_per / cl,
               months_per / cl / 1e6);
        printf("  (the lookup cache kept between households, as switchsim.fcgi and batch keep "
               "it; every household\n   runs its own switch, baseline and steady runs)\n");
        printf("%-44s %10.1f us  (%.2fx; sw_simulate: a new lookup cache for each household)\n",
               "  the same, a fresh cache each time", cl_fresh * 1e6, cl_fresh / cl);
        printf("%-44s %10.1f us  (%.0f %%; the rest: the steady month, from the run itself "
               "or a run to its December)\n", "  the same without the steady pass",
               cl_nosteady * 1e6, cl_nosteady / cl * 100);
        printf("%-44s %10.1f us  (%.2fx; the steady pass alone %.2fx: the run over the "
               "whole lookahead, %d+ months, each time)\n", "  the same, SW_SIM_STEADY_FULL",
               cl_full * 1e6, cl_full / cl,
               cl > cl_nosteady ? (cl_full - cl_nosteady) / (cl - cl_nosteady) : 0.0,
               SW_STEADY_LOOKAHEAD);
        printf("%-44s %10.1f us  (%.1fx no trace)\n", "engine on the caseload with traces",
               cl_trace * 1e6, cl_trace / cl);
        printf("%-44s %10.2f us  (the scan it replaced: %.1f us, %.0fx)\n",
               "gross-up of a net benefit, fast search", fast * 1e6, scan * 1e6, scan / fast);
        sw_baseline_free(case_keep);
        case_keep = NULL;
        free(cases);
    }
    free(text);
    free(all_xml);
    sw_tables_free(t);
    return 0;
}
