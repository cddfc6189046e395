/* cli_batch.c - `switchsim batch [IN.jsonl] [--threads N]`: one scenario per line
 * in, one compact simulate result (or an error object) per line out, in input
 * order, computed by a pool of threads sharing the immutable table set. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch_out.h"
#include "cli.h"
#include "json_text.h"
#include "switchsim/engine.h"
#include "json_out.h"
#include "switchsim/scenario.h"

static const char usage[] =
    "usage: switchsim batch [IN.jsonl|-] [--summary] [--vary FIELD=V1,V2,...]...\n"
    "                       [--threads N] [--progress] [--tables DIR]\n"
    "\n"
    "Runs `switchsim simulate` for a caseload: one scenario (JSON version 1) per input\n"
    "line, from IN.jsonl or standard input. Writes one compact JSON object per input line\n"
    "and variant, in input order: the simulate result, or for a line that cannot be used\n"
    "  {\"line\": K, \"error\": {\"code\", \"field\", \"message\", \"problems\"}}\n"
    "(K counts from 1; an empty line and a line over 64 KiB are such errors too; a line\n"
    "that does not parse gives one error line, not one per variant).\n"
    "\n"
    "  --summary     instead of the full result, one line of what a policy maker reads:\n"
    "                {\"line\", \"variant\", \"start_month\", \"months\", \"job_start\",\n"
    "                 \"average_gain\", \"total_gain\", \"gain_after_switch\",\n"
    "                 \"loss_months\", \"break_even\", \"steady_month\", \"steady_gain\",\n"
    "                 \"recoveries\", \"recoveries_total\", \"voorlopig\", \"projected\"}\n"
    "                gains are safe_to_spend with the job minus staying on bijstand, in\n"
    "                cents: gain_after_switch is the average from the job's start month,\n"
    "                break_even the first month from the job's start from which the\n"
    "                cumulative gain stays >= 0 (null: it ends below 0), steady_gain the\n"
    "                gain in an ordinary month after the switch (simulate's \"steady\"),\n"
    "                loss_months the months with a gain below 0\n"
    "  --vary hours=8,16,24     runs every line once per value of job.hours_per_week\n"
    "  --vary loonwaarde=20,35  ... or of the percent of every job.loonwaarde period;\n"
    "                both: every combination (hours slowest). Up to 2 decimals. The\n"
    "                full result then also has \"line\" and \"variant\".\n"
    "  --threads N   worker threads (default: the number of processors, at most 256)\n"
    "  --progress    a progress line on stderr even when it is not a terminal\n"
    "                (on a terminal it is shown anyway)\n"
    "\n"
    "Exit status: 0 when the whole input was read, also when some lines were bad (look\n"
    "for \"error\" in the output); 1 when the input cannot be read or written; 2 usage;\n"
    "3 tables problem.\n";

enum { OPT_THREADS = OPT_FIRST_OWN, OPT_PROGRESS, OPT_SUMMARY, OPT_VARY };

/* A line longer than this (without its newline) is an error line. */
#define BATCH_MAX_LINE SW_SCENARIO_MAX_BYTES
#define BATCH_MAX_THREADS 256
/* Lines handed to the pool at once: per thread, and in bytes of input. */
#define BATCH_LINES_PER_THREAD 64
#define BATCH_CHUNK_BYTES (16u * 1024 * 1024)
/* Progress at most every this many lines or seconds. */
#define BATCH_PROGRESS_LINES 1000
#define BATCH_PROGRESS_SECONDS 1.0

enum line_kind { LINE_OK, LINE_EMPTY, LINE_TOO_LONG };

struct job {
    char *text;
    size_t len;
    long line;
    enum line_kind kind;
    char *out;       /* compact JSON, malloc'ed; NULL = out of memory */
    bool failed;     /* out is an error object */
};

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    struct job *jobs;
    size_t n, next, finished;
    bool quit;
    bool strict;                  /* --strict: every scenario refuses projected values */
    bool summary;                 /* --summary */
    const struct batch_vary *vary;
    const struct sw_tables *t;
};

/* cJSON_ParseWithLengthOpts writes cJSON's global error position: scenario
 * parsing takes this lock so that threads never write it at once. */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* --- one line --- */

/* {"line": K, "error": {...}} */
static char *error_line(long line, const struct sw_err *err, const struct sw_problems *pr)
{
    cJSON *o = cJSON_CreateObject(), *e = sw_error_json(err, pr), *inner;

    if (!o || !e || !cJSON_AddNumberToObject(o, "line", (double)line)) {
        cJSON_Delete(o);
        cJSON_Delete(e);
        return NULL;
    }
    inner = cJSON_DetachItemFromObject(e, "error");
    cJSON_Delete(e);
    if (!inner) {
        cJSON_Delete(o);
        return NULL;
    }
    cJSON_AddItemToObject(o, "error", inner);
    return json_line(o);
}

/* One run of a parsed scenario: its full or summary line into b, or an error
 * line; true unless it failed. */
static bool run_variant(struct sbuf *b, const struct job *j, const struct pool *p,
                        struct sw_scenario *s, size_t k, struct sw_baseline *keep)
{
    struct sw_timeline *tl = NULL;
    struct sw_err err;
    char *text = NULL;
    bool varied = batch_varied(p->vary);

    sw_err_clear(&err);
    if (batch_vary_apply(p->vary, k, s, &err) != SW_OK ||
        sw_simulate_keep(&tl, p->t, s, p->summary ? SW_SIM_NO_ADVICE : 0, keep, &err) !=
            SW_OK) {
        cJSON *o = NULL;
        text = error_line(j->line, &err, NULL);
        /* With --vary, the error names its variant. */
        if (text && varied && (o = cJSON_Parse(text)) != NULL) {
            struct sbuf vb = {0};
            batch_vary_json(&vb, p->vary, k);
            free(text);
            cJSON_AddItemToObject(o, "variant", vb.p ? cJSON_Parse(vb.p) : NULL);
            free(vb.p);
            text = json_line(o);
        }
        if (text)
            sb_str(b, text);
        free(text);
        return false;
    }
    if (p->summary) {
        /* The summary reads no text: SW_SIM_NO_ADVICE builds none. */
        batch_summary(b, j->line, p->vary, k, s, tl);
    } else {
        /* simulate's text (timeline_text.c: no cJSON tree), then with --vary the
         * members "line" and "variant" */
        struct sw_jbuf jb = {0};
        size_t len = 0;
        sw_timeline_text_open(&jb, tl);
        if (varied) {
            struct sbuf vb = {0};
            char num[32];
            batch_vary_json(&vb, p->vary, k);
            snprintf(num, sizeof(num), ",\"line\":%ld,\"variant\":", j->line);
            sw_jb_put(&jb, num, strlen(num));
            if (vb.p && !vb.nomem)
                sw_jb_put(&jb, vb.p, vb.len);
            else
                jb.fail = true;
            free(vb.p);
        }
        sw_jb_putc(&jb, '}');
        text = sw_jb_finish(&jb, &len);
        if (text)
            sb_put(b, text, len);
        else
            b->nomem = true;
        free(text);
    }
    sw_timeline_free(tl);
    return true;
}

/* One line: its variants one after the other, the baseline run once for all of
 * them (keep: sw_simulate_keep). */
static void run_job(struct job *j, const struct pool *p, struct sw_scenario *s,
                    struct sw_scenario *one, struct sw_baseline *keep)
{
    struct sw_problems pr;
    struct sw_err err;
    struct sbuf b = {0};
    size_t n = batch_vary_count(p->vary);
    sw_status st;

    sw_err_clear(&err);
    pr.n = 0;
    j->failed = true;
    if (j->kind == LINE_EMPTY) {
        sw_err_set(&err, SW_ERR_INVALID, "", "empty line");
        j->out = error_line(j->line, &err, NULL);
        return;
    }
    if (j->kind == LINE_TOO_LONG) {
        sw_err_set(&err, SW_ERR_TOO_BIG, "", "line longer than %d bytes", BATCH_MAX_LINE);
        j->out = error_line(j->line, &err, NULL);
        return;
    }
    pthread_mutex_lock(&parse_lock);
    st = sw_scenario_parse(s, p->t, j->text, j->len, &pr, &err);
    pthread_mutex_unlock(&parse_lock);
    if (st != SW_OK) {
        j->out = error_line(j->line, &err, &pr);
        return;
    }
    s->strict = s->strict || p->strict;
    j->failed = false;
    /* Each variant from the scenario as parsed: one line each. */
    for (size_t k = 0; k < n; k++) {
        if (k > 0)
            sb_putc(&b, '\n');
        *one = *s;
        if (!run_variant(&b, j, p, one, k, keep))
            j->failed = true;
    }
    if (b.nomem) {
        free(b.p);
        b.p = NULL;
    }
    j->out = b.p;
}

/* --- the pool --- */

static void *worker(void *arg)
{
    struct pool *p = arg;
    struct sw_scenario *s = malloc(2 * sizeof(*s));
    struct sw_baseline *keep = sw_baseline_new();   /* NULL: each variant runs its own */

    for (;;) {
        size_t k;
        pthread_mutex_lock(&p->mu);
        while (!p->quit && p->next >= p->n)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->quit) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        k = p->next++;
        pthread_mutex_unlock(&p->mu);
        if (s) {
            run_job(&p->jobs[k], p, s, s + 1, keep);
        } else {
            p->jobs[k].out = NULL;   /* reported as out of memory */
            p->jobs[k].failed = true;
        }
        pthread_mutex_lock(&p->mu);
        if (++p->finished == p->n)
            pthread_cond_signal(&p->done);
        pthread_mutex_unlock(&p->mu);
    }
    free(s);
    sw_baseline_free(keep);
    return NULL;
}

/* Run jobs[0..n) on the pool and wait until all are done. */
static void pool_run(struct pool *p, struct job *jobs, size_t n)
{
    pthread_mutex_lock(&p->mu);
    p->jobs = jobs;
    p->n = n;
    p->next = 0;
    p->finished = 0;
    pthread_cond_broadcast(&p->work);
    while (p->finished < p->n)
        pthread_cond_wait(&p->done, &p->mu);
    p->n = 0;
    pthread_mutex_unlock(&p->mu);
}

/* --- input --- */

/* Read the next line (without its newline or a CR before it) into a malloc'ed
 * buffer. Returns false at the end of the input. A line over BATCH_MAX_LINE is
 * read to its end and returned as LINE_TOO_LONG without text. */
static bool read_line(FILE *in, struct job *j, bool *nomem)
{
    size_t cap = 1024, len = 0;
    char *buf = malloc(cap);
    bool too_long = false, any = false;
    int ch;

    if (!buf) {
        *nomem = true;
        return false;
    }
    while ((ch = getc_unlocked(in)) != EOF) {
        any = true;
        if (ch == '\n')
            break;
        if (too_long)
            continue;
        if (len == BATCH_MAX_LINE + 1) {   /* room for a CR before the newline */
            too_long = true;
            continue;
        }
        if (len + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                *nomem = true;
                return false;
            }
            buf = nb;
            cap *= 2;
        }
        buf[len++] = (char)ch;
    }
    if (!any) {
        free(buf);
        return false;
    }
    if (!too_long && len > 0 && buf[len - 1] == '\r')
        len--;
    if (!too_long && len > BATCH_MAX_LINE)
        too_long = true;
    buf[too_long ? 0 : len] = '\0';
    j->text = buf;
    j->len = too_long ? 0 : len;
    j->kind = too_long ? LINE_TOO_LONG : LINE_OK;
    if (!too_long && strspn(buf, " \t\r") == len)
        j->kind = LINE_EMPTY;
    return true;
}

static double seconds_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct progress {
    bool on, tty;
    double start, last;
    long last_lines;
};

static void progress_show(struct progress *pg, long lines, long errors, bool final)
{
    double now = seconds_now(), el = now - pg->start;

    if (!pg->on)
        return;
    if (!final && lines - pg->last_lines < BATCH_PROGRESS_LINES &&
        now - pg->last < BATCH_PROGRESS_SECONDS)
        return;
    fprintf(stderr, "%sswitchsim batch: %ld lines, %ld with errors, %.1f s, %.0f lines/s%s",
            pg->tty ? "\r" : "", lines, errors, el, el > 0 ? (double)lines / el : 0.0,
            pg->tty && !final ? "" : "\n");
    fflush(stderr);
    pg->last = now;
    pg->last_lines = lines;
}

static bool parse_threads(const char *text, int *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < 1 || v > BATCH_MAX_THREADS) {
        fprintf(stderr, "switchsim: not a number of threads from 1 to %d: '%.40s' for "
                        "'--threads'\n",
                BATCH_MAX_THREADS, text);
        return false;
    }
    *out = (int)v;
    return true;
}

int cli_batch(int argc, char **argv)
{
    static const struct option opts[] = {CLI_COMMON_OPTIONS,
                                         {"threads", required_argument, NULL, OPT_THREADS},
                                         {"progress", no_argument, NULL, OPT_PROGRESS},
                                         {"summary", no_argument, NULL, OPT_SUMMARY},
                                         {"vary", required_argument, NULL, OPT_VARY},
                                         {NULL, 0, NULL, 0}};
    struct cli_common c = {0};
    struct sw_tables *t = NULL;
    struct sw_scenario *s = NULL;
    struct sw_baseline *keep = NULL;
    struct pool pool;
    struct progress pg = {0};
    pthread_t tids[BATCH_MAX_THREADS];
    struct job *jobs = NULL;
    const char *path = "-", *threads_text = NULL;
    FILE *in = NULL;
    long line = 0, errors = 0;
    int code, rc = EXIT_OK, nthreads = 0, started = 0;
    size_t chunk;
    bool force_progress = false, nomem = false, eof = false, summary = false;
    struct batch_vary vary = {{{0}}, {0}};

    while ((code = cli_next_option(argc, argv, opts, &c, "batch", usage)) != -1) {
        switch (code) {
        case OPT_THREADS: threads_text = optarg; break;
        case OPT_PROGRESS: force_progress = true; break;
        case OPT_SUMMARY: summary = true; break;
        case OPT_VARY:
            if (!batch_vary_parse(&vary, optarg))
                return EXIT_USAGE;
            break;
        default:
            return EXIT_USAGE;   /* said by cli_next_option */
        }
    }
    if (c.help)
        return cli_help(usage);
    if (argc - optind > 1)
        return cli_usage_error("batch", usage, "give at most one input file");
    if (c.n_override_text)
        return cli_usage_error("batch", usage, "put overrides in each scenario's \"overrides\"");
    if (optind < argc)
        path = argv[optind];
    if (threads_text) {
        if (!parse_threads(threads_text, &nthreads))
            return EXIT_BAD_INPUT;
    } else {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        nthreads = n < 1 ? 1 : n > BATCH_MAX_THREADS ? BATCH_MAX_THREADS : (int)n;
    }
    in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "switchsim: cannot read '%s': %s\n", path, strerror(errno));
        return EXIT_BAD_INPUT;
    }
    if (!cli_load_tables(&t, &c, &rc))
        goto out;
    chunk = (size_t)nthreads * BATCH_LINES_PER_THREAD;
    jobs = calloc(chunk, sizeof(*jobs));
    s = malloc(2 * sizeof(*s));
    keep = sw_baseline_new();
    if (!jobs || !s) {
        fprintf(stderr, "switchsim: out of memory\n");
        rc = EXIT_BAD_INPUT;
        goto out;
    }
    memset(&pool, 0, sizeof(pool));
    pool.t = t;
    pool.strict = c.strict;
    pool.summary = summary;
    pool.vary = &vary;
    pthread_mutex_init(&pool.mu, NULL);
    pthread_cond_init(&pool.work, NULL);
    pthread_cond_init(&pool.done, NULL);
    if (nthreads > 1) {
        for (; started < nthreads; started++)
            if (pthread_create(&tids[started], NULL, worker, &pool) != 0)
                break;
        /* With fewer threads than asked the pool still works; with none, inline. */
    }
    pg.on = force_progress || isatty(STDERR_FILENO);
    pg.tty = isatty(STDERR_FILENO);
    pg.start = pg.last = seconds_now();

    while (!eof && !nomem) {
        size_t n = 0, bytes = 0;
        while (n < chunk && bytes < BATCH_CHUNK_BYTES) {
            if (!read_line(in, &jobs[n], &nomem)) {
                eof = true;
                break;
            }
            jobs[n].line = ++line;
            jobs[n].out = NULL;
            bytes += jobs[n].len;
            n++;
        }
        if (started > 0) {
            pool_run(&pool, jobs, n);
        } else {
            for (size_t k = 0; k < n; k++)
                run_job(&jobs[k], &pool, s, s + 1, keep);
        }
        for (size_t k = 0; k < n; k++) {
            if (jobs[k].out) {
                fputs(jobs[k].out, stdout);
                fputc('\n', stdout);
            } else {
                printf("{\"line\":%ld,\"error\":{\"code\":\"nomem\",\"field\":\"\","
                       "\"message\":\"out of memory\"}}\n",
                       jobs[k].line);
            }
            errors += jobs[k].failed;
            free(jobs[k].out);
            free(jobs[k].text);
            jobs[k].out = jobs[k].text = NULL;
        }
        if (ferror(stdout))
            break;
        progress_show(&pg, line, errors, false);
    }
    if (started > 0) {
        pthread_mutex_lock(&pool.mu);
        pool.quit = true;
        pthread_cond_broadcast(&pool.work);
        pthread_mutex_unlock(&pool.mu);
        for (int k = 0; k < started; k++)
            pthread_join(tids[k], NULL);
    }
    pthread_mutex_destroy(&pool.mu);
    pthread_cond_destroy(&pool.work);
    pthread_cond_destroy(&pool.done);
    progress_show(&pg, line, errors, true);
    if (nomem) {
        fprintf(stderr, "switchsim: out of memory after line %ld\n", line);
        rc = EXIT_BAD_INPUT;
    } else if (ferror(in)) {
        fprintf(stderr, "switchsim: cannot read '%s' after line %ld\n", path, line);
        rc = EXIT_BAD_INPUT;
    } else {
        rc = cli_finish_stdout();
    }
out:
    if (in && in != stdin)
        fclose(in);
    free(jobs);
    free(s);
    sw_baseline_free(keep);
    sw_tables_free(t);
    return rc;
}
