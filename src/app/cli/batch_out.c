/* batch_out.c - what `switchsim batch` writes and varies: the compact JSON
 * writer, the variants of --vary and the summary line (batch_out.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_out.h"
#include "json_text.h"
#include "switchsim/money.h"

/* --- the line buffer: JSON text appended piece by piece --- */

static void sb_reserve(struct sbuf *b, size_t more)
{
    char *n;
    size_t cap;

    if (b->nomem || b->len + more + 1 <= b->cap)
        return;
    cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more + 1)
        cap *= 2;
    n = realloc(b->p, cap);
    if (!n) {
        b->nomem = true;
        return;
    }
    b->p = n;
    b->cap = cap;
}

void sb_put(struct sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    if (b->nomem)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void sb_putc(struct sbuf *b, char c)
{
    sb_put(b, &c, 1);
}

/* A JSON string as cJSON prints it: the one escaping of render/json_text.c
 * (sw_jb_string()), written into b's buffer. */
void sb_string(struct sbuf *b, const char *s)
{
    struct sw_jbuf j = {.p = b->p, .len = b->len, .cap = b->cap, .fail = b->nomem};

    sw_jb_string(&j, s);
    b->p = j.p;
    b->len = j.len;
    b->cap = j.cap;
    b->nomem = j.fail;
    if (!b->nomem)
        b->p[b->len] = '\0';   /* sb_put()'s NUL (sw_jbuf keeps room for it) */
}

/* Compact JSON of item: the one writer of cJSON's text (render/json_text.c). */
void sb_json(struct sbuf *b, const cJSON *item)
{
    size_t n;
    char *t = sw_json_text(item, false, &n);

    if (!t) {
        b->nomem = true;
        return;
    }
    sb_put(b, t, n);
    free(t);
}

/* The compact text of obj (freed here); NULL when out of memory. */
char *json_line(cJSON *obj)
{
    char *t;

    if (!obj)
        return NULL;
    t = sw_json_text(obj, false, NULL);
    cJSON_Delete(obj);
    return t;
}

void sb_str(struct sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

void sb_int(struct sbuf *b, int64_t v)
{
    char t[24], *e = t + sizeof(t), *q = e;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--q = '-';
    sb_put(b, q, (size_t)(e - q));
}

/* --- variants --- */

static const struct {
    const char *name;      /* in --vary */
    const char *json;      /* in the output's "variant" */
    int64_t min, max;      /* hundredths, as the scenario's field takes it */
} fields[BATCH__FIELDS] = {
    {"hours", "hours_per_week", SW_SCENARIO_HOURS_MIN_X100, SW_SCENARIO_HOURS_MAX_X100},
    {"loonwaarde", "loonwaarde", 0, SW_SCENARIO_PERCENT_MAX_X100},
};

bool batch_vary_parse(struct batch_vary *v, const char *text)
{
    const char *eq = strchr(text, '='), *p;
    int f = -1;

    for (int k = 0; eq && k < BATCH__FIELDS; k++)
        if (strlen(fields[k].name) == (size_t)(eq - text) &&
            strncmp(text, fields[k].name, (size_t)(eq - text)) == 0)
            f = k;
    if (f < 0) {
        fprintf(stderr, "switchsim: not FIELD=V1,V2,... with FIELD hours or loonwaarde: "
                        "'%.40s' for '--vary'\n", text);
        return false;
    }
    if (v->n[f] > 0) {
        fprintf(stderr, "switchsim: '%s' given twice for '--vary'\n", fields[f].name);
        return false;
    }
    for (p = eq + 1;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char num[32];
        int64_t x;
        struct sw_err err;

        if (len == 0 || len >= sizeof(num) ||
            (memcpy(num, p, len), num[len] = '\0',
             sw_decimal_parse(&x, num, 2, SW_MONEY_MAX, "--vary", &err) != SW_OK)) {
            fprintf(stderr, "switchsim: not a number with at most 2 decimals: '%.*s' in "
                            "'%.40s' for '--vary'\n", (int)(len < 32 ? len : 32), p, text);
            return false;
        }
        if (x < fields[f].min || x > fields[f].max) {
            fprintf(stderr, "switchsim: %s '%s' outside %lld to %lld for '--vary'\n",
                    fields[f].name, num, (long long)(fields[f].min / 100),
                    (long long)(fields[f].max / 100));
            return false;
        }
        if (v->n[f] == BATCH_MAX_VALUES) {
            fprintf(stderr, "switchsim: more than %d values of %s for '--vary'\n",
                    BATCH_MAX_VALUES, fields[f].name);
            return false;
        }
        v->values[f][v->n[f]++] = x;
        if (!end)
            break;
        p = end + 1;
    }
    return true;
}

bool batch_varied(const struct batch_vary *v)
{
    for (int f = 0; f < BATCH__FIELDS; f++)
        if (v->n[f] > 0)
            return true;
    return false;
}

size_t batch_vary_count(const struct batch_vary *v)
{
    size_t n = 1;

    for (int f = 0; f < BATCH__FIELDS; f++)
        if (v->n[f] > 0)
            n *= v->n[f];
    return n;
}

/* The index into field f's values of run k (the first field slowest). */
static size_t value_index(const struct batch_vary *v, size_t k, int f)
{
    size_t inner = 1;

    for (int g = f + 1; g < BATCH__FIELDS; g++)
        if (v->n[g] > 0)
            inner *= v->n[g];
    return k / inner % v->n[f];
}

sw_status batch_vary_apply(const struct batch_vary *v, size_t k, struct sw_scenario *s,
                           struct sw_err *err)
{
    if (v->n[BATCH_HOURS] > 0)
        s->job.hours_x100 = v->values[BATCH_HOURS][value_index(v, k, BATCH_HOURS)];
    if (v->n[BATCH_LOONWAARDE] > 0) {
        /* percent with 2 decimals -> ppm, as the scenario reader converts it */
        int64_t ppm = v->values[BATCH_LOONWAARDE][value_index(v, k, BATCH_LOONWAARDE)] * 100;
        if (s->job.n_loonwaarde == 0)
            return sw_err_set(err, SW_ERR_INVALID, "job.loonwaarde",
                              "--vary loonwaarde needs loonwaarde periods in 'job.loonwaarde'");
        for (size_t i = 0; i < s->job.n_loonwaarde; i++)
            s->job.loonwaarde[i].percent = ppm;
    }
    return SW_OK;
}

/* Hundredths as a JSON number: 16, 16.5, 16.25. */
static void sb_x100(struct sbuf *b, int64_t x)
{
    sb_int(b, x / 100);
    if (x % 100) {
        char t[3] = {(char)('0' + x % 100 / 10), (char)('0' + x % 10), 0};
        sb_putc(b, '.');
        sb_put(b, t, x % 10 ? 2 : 1);
    }
}

void batch_vary_json(struct sbuf *b, const struct batch_vary *v, size_t k)
{
    bool first = true;

    if (!batch_varied(v))
        return;
    sb_putc(b, '{');
    for (int f = 0; f < BATCH__FIELDS; f++) {
        if (v->n[f] == 0)
            continue;
        if (!first)
            sb_putc(b, ',');
        first = false;
        sb_string(b, fields[f].json);
        sb_putc(b, ':');
        sb_x100(b, v->values[f][value_index(v, k, f)]);
    }
    sb_putc(b, '}');
}

/* --- the summary line --- */

static void sb_month(struct sbuf *b, sw_month m)
{
    char t[16];

    sw_month_format(t, sizeof(t), m);
    sb_string(b, t);
}

/* ,"key": - key a string literal of plain ASCII (nothing to escape). */
#define sb_key(b, key) sb_put((b), ",\"" key "\":", sizeof(",\"" key "\":") - 1)

void batch_summary(struct sbuf *b, long line, const struct batch_vary *v, size_t k,
                   const struct sw_scenario *s, const struct sw_timeline *tl)
{
    const struct sw_run *sw = &tl->scenario, *base = &tl->baseline;
    int n = sw->n, from = sw_month_of(s->job.start) - s->start_month, loss = 0, even = -1;
    int64_t after = 0, cum = 0, rec = 0;
    bool any = false, listed = false;
    const char *named[64];

    /* The monthly gain is what the engine's total_gain adds up: safe to spend
     * with the job minus safe to spend staying on bijstand. */
    for (int i = 0; i < n; i++) {
        int64_t gain = sw->rows[i].v[SW_ITEM_SAFE_TO_SPEND] - base->rows[i].v[SW_ITEM_SAFE_TO_SPEND];
        cum += gain;
        if (gain < 0)
            loss++;
        if (i >= from)
            after += gain;
        /* Break-even: the first month from the job's start from which the
         * cumulative gain stays >= 0 (before the start nothing has changed). */
        if (cum < 0)
            even = -1;
        else if (even < 0 && i >= from)
            even = i;
    }
    for (size_t i = 0; i < tl->n_recoveries; i++)
        rec += tl->recoveries[i].amount;
    sb_str(b, "{\"line\":");
    sb_int(b, line);
    if (batch_varied(v)) {
        sb_key(b, "variant");
        batch_vary_json(b, v, k);
    }
    sb_key(b, "start_month");
    sb_month(b, s->start_month);
    sb_key(b, "months");
    sb_int(b, n);
    sb_key(b, "job_start");
    sb_month(b, s->start_month + from);
    sb_key(b, "average_gain");
    sb_int(b, tl->average_gain);
    sb_key(b, "total_gain");
    sb_int(b, tl->total_gain);
    /* The average over the months from the job's start, half up to cents like
     * average_gain. */
    sb_key(b, "gain_after_switch");
    sb_int(b, sw_div_half_up(after, n - from));
    sb_key(b, "loss_months");
    sb_int(b, loss);
    sb_key(b, "break_even");
    if (even >= 0)
        sb_month(b, s->start_month + even);
    else
        sb_str(b, "null");
    /* The page's headline: the gain in an ordinary month after the switch
     * (engine.h, struct sw_steady), independent of the window; null when the
     * engine found no such month. */
    sb_key(b, "steady_month");
    if (tl->steady.found)
        sb_month(b, tl->steady.month);
    else
        sb_str(b, "null");
    sb_key(b, "steady_gain");
    if (tl->steady.found)
        sb_int(b, tl->steady.gain);
    else
        sb_str(b, "null");
    sb_key(b, "recoveries");
    sb_int(b, (int64_t)tl->n_recoveries);
    sb_key(b, "recoveries_total");
    sb_int(b, rec);
    /* Voorlopig: any value projected (the first one is named in the list). */
    for (size_t i = 0; i < tl->used.len && !any; i++)
        any = tl->used.items[i].projected;
    sb_key(b, "voorlopig");
    sb_str(b, any ? "true" : "false");
    /* The projected values the figures depend on, each named once: those
     * sw_used_first_projected() names, checked against the ids named so far
     * (then against every earlier value when there are more). */
    sb_key(b, "projected");
    sb_putc(b, '[');
    for (size_t i = 0, nn = 0; i < tl->used.len; i++) {
        const char *id = tl->used.items[i].id;
        bool dup = false;
        if (!tl->used.items[i].projected)
            continue;
        if (nn < sizeof(named) / sizeof(named[0])) {
            for (size_t j = 0; j < nn && !dup; j++)
                dup = named[j] == id || strcmp(named[j], id) == 0;
            if (!dup)
                named[nn++] = id;
        } else {
            dup = !sw_used_first_projected(&tl->used, i);
        }
        if (dup)
            continue;
        if (listed)
            sb_putc(b, ',');
        listed = true;
        sb_string(b, id);
    }
    sb_putc(b, ']');
    sb_putc(b, '}');
}
