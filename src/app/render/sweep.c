/* sweep.c - rerun a scenario per hours or loonwaarde step; the gain, the
 * marginal rate, and their renderings (table, CSV, JSON, SVG). */
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "sweep.h"
#include "switchsim/engine.h"
#include "json_out.h"
#include "switchsim/money.h"

/* --- the range --- */

sw_status sweep_parse_range(const char *text, const char *option, int64_t min_x100,
                            int64_t max_x100, int64_t *from, int64_t *to, int64_t *step,
                            struct sw_err *err)
{
    char part[3][32];
    const char *p = text;
    int64_t v[3];
    struct sw_err e;

    for (int k = 0; k < 3; k++) {
        const char *sep = k < 2 ? strchr(p, ':') : p + strlen(p);
        size_t n;
        if (!sep || (k == 2 && strchr(p, ':')))
            return sw_err_set(err, SW_ERR_INVALID, option,
                              "not FROM:TO:STEP: '%.40s' for '%s'", text, option);
        n = (size_t)(sep - p);
        if (n == 0 || n >= sizeof(part[k]))
            return sw_err_set(err, SW_ERR_INVALID, option,
                              "not FROM:TO:STEP: '%.40s' for '%s'", text, option);
        memcpy(part[k], p, n);
        part[k][n] = '\0';
        if (sw_decimal_parse(&v[k], part[k], 2, SW_MONEY_MAX, option, &e) != SW_OK)
            return sw_err_set(err, SW_ERR_INVALID, option,
                              "not a number with at most 2 decimals: '%s' in '%.40s' for '%s'",
                              part[k], text, option);
        p = sep + 1;
    }
    if (v[0] > v[1])
        return sw_err_set(err, SW_ERR_INVALID, option, "FROM above TO in '%.40s' for '%s'",
                          text, option);
    if (v[0] < min_x100 || v[1] > max_x100)
        return sw_err_set(err, SW_ERR_INVALID, option,
                          "range '%.40s' goes outside %lld to %lld for '%s'", text,
                          (long long)(min_x100 / 100), (long long)(max_x100 / 100), option);
    if (v[2] <= 0)
        return sw_err_set(err, SW_ERR_INVALID, option, "step must be more than 0 in '%.40s' "
                          "for '%s'", text, option);
    if ((v[1] - v[0]) / v[2] + 1 > SWEEP_MAX_STEPS)
        return sw_err_set(err, SW_ERR_INVALID, option, "more than %d steps in '%.40s' for '%s'",
                          SWEEP_MAX_STEPS, text, option);
    *from = v[0];
    *to = v[1];
    *step = v[2];
    return SW_OK;
}

/* Hundredths as the scenario file writes them: "8", "8.5", "8.25". */
static void x100_text(char *buf, size_t size, int64_t x, char point)
{
    int64_t a = x < 0 ? -x : x;

    if (a % 100 == 0)
        snprintf(buf, size, "%s%lld", x < 0 ? "-" : "", (long long)(a / 100));
    else if (a % 10 == 0)
        snprintf(buf, size, "%s%lld%c%lld", x < 0 ? "-" : "", (long long)(a / 100), point,
                 (long long)(a % 100 / 10));
    else
        snprintf(buf, size, "%s%lld%c%02lld", x < 0 ? "-" : "", (long long)(a / 100), point,
                 (long long)(a % 100));
}

/* --- running --- */

/* Put the step's value into the tree as raw number text. */
static bool set_value(cJSON *job, enum sweep_kind kind, const char *text)
{
    if (kind == SWEEP_HOURS) {
        cJSON *raw = cJSON_CreateRaw(text);
        if (!raw)
            return false;
        if (cJSON_GetObjectItemCaseSensitive(job, "hours_per_week"))
            return cJSON_ReplaceItemInObjectCaseSensitive(job, "hours_per_week", raw);
        cJSON_AddItemToObject(job, "hours_per_week", raw);
        return true;
    }
    for (cJSON *p = cJSON_GetObjectItemCaseSensitive(job, "loonwaarde")->child; p; p = p->next) {
        cJSON *raw = cJSON_CreateRaw(text);
        if (!raw || !cJSON_ReplaceItemInObjectCaseSensitive(p, "percent", raw)) {
            cJSON_Delete(raw);
            return false;
        }
    }
    return true;
}

static void fill_step(struct sweep_step *st, const struct sw_timeline *tl, int months)
{
    const int64_t *s = tl->scenario.totals, *b = tl->baseline.totals;

    st->gross_total = s[SW_ITEM_GROSS_WAGE] + s[SW_ITEM_HOLIDAY_PAY];
    st->gain_total = tl->total_gain;
    /* Averages per month for display, rounded half up to cents like the
     * engine's average_gain. */
    st->gross_pay = sw_div_half_up(st->gross_total, months);
    st->safe_to_spend = sw_div_half_up(s[SW_ITEM_SAFE_TO_SPEND], months);
    st->baseline_safe_to_spend = sw_div_half_up(b[SW_ITEM_SAFE_TO_SPEND], months);
    st->average_gain = tl->average_gain;
    st->lks = sw_div_half_up(s[SW_ITEM_LKS], months);
    st->n_recoveries = tl->n_recoveries;
    st->recoveries_total = 0;
    for (size_t k = 0; k < tl->n_recoveries; k++)
        st->recoveries_total += tl->recoveries[k].amount;
}

/* Marginal rate between each step and the one before: 1 - d gain / d gross pay,
 * over the whole horizon (exact totals, not the rounded averages). */
static void marginal_rates(struct sweep *sw)
{
    for (size_t k = 0; k < sw->n; k++) {
        struct sweep_step *st = &sw->steps[k];
        int64_t dg, dgain;
        st->has_rate = false;
        st->marginal_ppm = 0;
        if (k == 0)
            continue;
        dg = st->gross_total - sw->steps[k - 1].gross_total;
        dgain = st->gain_total - sw->steps[k - 1].gain_total;
        if (dg == 0)
            continue;
        if (dg < 0) {
            dg = -dg;
            dgain = -dgain;
        }
        st->has_rate = true;
        st->marginal_ppm = SW_PPM_ONE - sw_div_half_up(dgain * SW_PPM_ONE, dg);
    }
}

sw_status sweep_run(struct sweep *out, const struct sw_tables *t, const char *json, size_t len,
                    const char *option, bool strict, struct sw_err *err)
{
    struct sw_scenario *s = NULL;
    struct sw_problems pr;
    cJSON *root = NULL, *job, *lw;
    char *text = NULL;
    sw_status st = SW_OK;

    out->n = 0;
    memset(&out->used, 0, sizeof(out->used));
    root = cJSON_ParseWithLength(json, len);
    job = root ? cJSON_GetObjectItemCaseSensitive(root, "job") : NULL;
    if (!cJSON_IsObject(job)) {
        st = sw_err_set(err, SW_ERR_INVALID, "job", "the scenario has no \"job\" to vary");
        goto out;
    }
    lw = cJSON_GetObjectItemCaseSensitive(job, "loonwaarde");
    if (out->kind == SWEEP_LOONWAARDE && (!cJSON_IsArray(lw) || !lw->child)) {
        st = sw_err_set(err, SW_ERR_INVALID, option,
                        "the scenario has no job.loonwaarde periods to vary for '%s'", option);
        goto out;
    }
    s = malloc(sizeof(*s));
    if (!s) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    for (int64_t v = out->from_x100; v <= out->to_x100 && out->n < SWEEP_MAX_STEPS;
         v += out->step_x100) {
        struct sw_timeline *tl = NULL;
        struct sw_err e;
        char vt[32];

        x100_text(vt, sizeof(vt), v, '.');
        if (!set_value(job, out->kind, vt) || !(text = cJSON_PrintUnformatted(root))) {
            st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
            goto out;
        }
        sw_status one = sw_scenario_parse(s, t, text, strlen(text), &pr, &e);
        if (one == SW_OK) {
            s->strict = s->strict || strict;
            one = sw_simulate(&tl, t, s, 0, &e);
        }
        if (one != SW_OK) {
            st = sw_err_set(err, e.code, option, "%s %s: %s", option, vt, e.msg);
            goto out;
        }
        cJSON_free(text);   /* cJSON_PrintUnformatted()'s (cgi_arena.h) */
        text = NULL;
        if (out->n == 0) {
            out->months = s->months;
            out->start_month = s->start_month;
            snprintf(out->tables_version, sizeof(out->tables_version), "%s",
                     tl->tables_version);
            snprintf(out->tables_sha256, sizeof(out->tables_sha256), "%s", tl->tables_sha256);
        }
        out->steps[out->n].value_x100 = v;
        fill_step(&out->steps[out->n], tl, s->months);
        out->n++;
        sw_used_merge(&out->used, &tl->used);
        sw_timeline_free(tl);
    }
    if (out->used.nomem) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    marginal_rates(out);
out:
    if (st != SW_OK)
        sw_used_release(&out->used);
    cJSON_free(text);
    free(s);
    cJSON_Delete(root);
    return st;
}

void sweep_release(struct sweep *sw)
{
    if (sw)
        sw_used_release(&sw->used);
}

/* --- renderings --- */

static const char *field_name(const struct sweep *sw)
{
    return sw->kind == SWEEP_HOURS ? "job.hours_per_week" : "job.loonwaarde.percent";
}

/* "8 uur" / "50 %" */
static void value_nl(char *buf, size_t size, const struct sweep *sw, int64_t x100)
{
    char t[32];

    x100_text(t, sizeof(t), x100, ',');
    snprintf(buf, size, "%.24s%s", t, sw->kind == SWEEP_HOURS ? " uur" : " %");
}

/* Euros without the sign for table columns: "1.234,56". */
static void num(char *buf, size_t size, int64_t cents)
{
    char t[48];
    const char *p = t;

    sw_money_format_nl(t, sizeof(t), cents);
    /* "€ 1,00" or "-€ 1,00": drop the euro sign and its space (4 bytes). */
    if (cents < 0) {
        snprintf(buf, size, "-%.24s", t + 5);
        return;
    }
    snprintf(buf, size, "%.24s", p + 4);
}

static void rate_nl(char *buf, size_t size, const struct sweep_step *st)
{
    char t[32];

    if (!st->has_rate) {
        snprintf(buf, size, "-");
        return;
    }
    /* ppm -> percent with one decimal, rounded half up, for reading. */
    x100_text(t, sizeof(t), sw_div_half_up(st->marginal_ppm, 1000) * 10, ',');
    snprintf(buf, size, "%.24s %%", t);
}

void sweep_render_table(FILE *f, const struct sweep *sw)
{
    bool lw = sw->kind == SWEEP_LOONWAARDE;
    char m[32];
    const struct sweep_step *worst = NULL;
    bool any_trap = false;

    snprintf(m, sizeof(m), "%s %d", sw_month_name_nl(sw_month_number(sw->start_month)),
             sw_month_year(sw->start_month));
    fprintf(f, "Wat levert werken op? Gemiddeld per maand, over %d maanden vanaf %s.\n\n",
            sw->months, m);
    fprintf(f, "%-12s %13s %13s %13s %13s %14s", lw ? "loonwaarde" : "uren/week",
            "bruto loon", "te besteden", "in bijstand", "meer per mnd", "marginale druk");
    if (lw)
        fprintf(f, " %13s", "subsidie wg");
    fputc('\n', f);
    for (size_t k = 0; k < sw->n; k++) {
        const struct sweep_step *st = &sw->steps[k];
        char v[32], c[5][32], r[32];
        value_nl(v, sizeof(v), sw, st->value_x100);
        num(c[0], 32, st->gross_pay);
        num(c[1], 32, st->safe_to_spend);
        num(c[2], 32, st->baseline_safe_to_spend);
        num(c[3], 32, st->average_gain);
        num(c[4], 32, st->lks);
        rate_nl(r, sizeof(r), st);
        fprintf(f, "%-12s %13s %13s %13s %13s %14s", v, c[0], c[1], c[2], c[3], r);
        if (lw)
            fprintf(f, " %13s", c[4]);
        fputc('\n', f);
        if (st->has_rate && (!worst || st->marginal_ppm > worst->marginal_ppm))
            worst = st;
    }
    fputs("\nBruto loon: loon plus vakantiegeld. Te besteden: als u de baan aanneemt; in "
          "bijstand: als u niet gaat werken.\n"
          "Marginale druk: van elke euro die u bruto meer verdient, gaat dit deel verloren aan "
          "minder bijstand, minder toeslagen en meer belasting.\n",
          f);
    if (lw) {
        bool same = true;
        fputs("Subsidie wg: de loonkostensubsidie die de werkgever krijgt (niet voor u).\n", f);
        for (size_t k = 1; k < sw->n; k++)
            same &= sw->steps[k].gross_pay == sw->steps[0].gross_pay;
        if (same && sw->n > 1)
            fputs("Uw loon verandert hier niet met de loonwaarde: de werkgever krijgt het "
                  "verschil als loonkostensubsidie.\n",
                  f);
    }
    for (size_t k = 1; k < sw->n; k++) {
        const struct sweep_step *st = &sw->steps[k];
        char a[32], b[32], r[32];
        if (!st->has_rate || st->marginal_ppm < SW_PPM_ONE)
            continue;
        value_nl(a, sizeof(a), sw, sw->steps[k - 1].value_x100);
        value_nl(b, sizeof(b), sw, st->value_x100);
        rate_nl(r, sizeof(r), st);
        fprintf(f, "Armoedeval: van %s naar %s levert meer werken niets op (marginale druk %s).\n",
                a, b, r);
        any_trap = true;
    }
    if (!any_trap && worst) {
        char a[32], b[32], r[32];
        size_t k = (size_t)(worst - sw->steps);
        value_nl(a, sizeof(a), sw, sw->steps[k - 1].value_x100);
        value_nl(b, sizeof(b), sw, worst->value_x100);
        rate_nl(r, sizeof(r), worst);
        fprintf(f, "De hoogste marginale druk is %s, van %s naar %s.\n", r, a, b);
    }
    render_projected(f, &sw->used, "voorlopig (doorgetrokken, --strict weigert): ", false);
    fprintf(f, "\nTabellen: versie %s, sha256 %.16s…\n", sw->tables_version, sw->tables_sha256);
}

void sweep_render_csv(FILE *f, const struct sweep *sw)
{
    /* Dutch headers for Dutch Excel; amounts in euros per month unless "totaal". */
    fprintf(f, "%s;bruto loon per maand;te besteden met baan;te besteden in bijstand;"
               "meer per maand;meer in totaal;marginale druk (%%);"
               "loonkostensubsidie werkgever per maand;terugvorderingen totaal\r\n",
            sw->kind == SWEEP_HOURS ? "uren per week" : "loonwaarde (%)");
    for (size_t k = 0; k < sw->n; k++) {
        const struct sweep_step *st = &sw->steps[k];
        char v[32], c[7][40];
        x100_text(v, sizeof(v), st->value_x100, ',');
        sw_money_format_csv(c[0], 40, st->gross_pay);
        sw_money_format_csv(c[1], 40, st->safe_to_spend);
        sw_money_format_csv(c[2], 40, st->baseline_safe_to_spend);
        sw_money_format_csv(c[3], 40, st->average_gain);
        sw_money_format_csv(c[4], 40, st->gain_total);
        sw_money_format_csv(c[5], 40, st->lks);
        sw_money_format_csv(c[6], 40, st->recoveries_total);
        fprintf(f, "%s;%s;%s;%s;%s;%s;", v, c[0], c[1], c[2], c[3], c[4]);
        if (st->has_rate) {
            char r[32];
            sw_rate_format_nl(r, sizeof(r), st->marginal_ppm);
            fputs(r, f);
        }
        fprintf(f, ";%s;%s\r\n", c[5], c[6]);
    }
}

static void add_x100(cJSON *o, const char *name, int64_t x100)
{
    /* hundredths as a JSON number: exact for the small values swept */
    cJSON_AddNumberToObject(o, name, (double)x100 / 100);
}

cJSON *sweep_json(const struct sweep *sw)
{
    cJSON *o = cJSON_CreateObject(), *def, *steps;
    char m[16];

    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "version", 1);
    def = cJSON_AddObjectToObject(o, "sweep");
    if (!def)
        goto fail;
    cJSON_AddStringToObject(def, "field", field_name(sw));
    add_x100(def, "from", sw->from_x100);
    add_x100(def, "to", sw->to_x100);
    add_x100(def, "step", sw->step_x100);
    sw_month_format(m, sizeof(m), sw->start_month);
    cJSON_AddStringToObject(o, "start_month", m);
    cJSON_AddNumberToObject(o, "months", sw->months);
    cJSON_AddItemToObject(o, "tables",
                          sw_tables_json(sw->tables_version, sw->tables_sha256, &sw->used));
    steps = cJSON_AddArrayToObject(o, "steps");
    if (!steps)
        goto fail;
    for (size_t k = 0; k < sw->n; k++) {
        const struct sweep_step *st = &sw->steps[k];
        cJSON *s = cJSON_CreateObject();
        if (!s)
            goto fail;
        cJSON_AddItemToArray(steps, s);
        add_x100(s, "value", st->value_x100);
        sw_json_add_cents(s, "gross_pay", st->gross_pay);
        sw_json_add_cents(s, "safe_to_spend", st->safe_to_spend);
        sw_json_add_cents(s, "baseline_safe_to_spend", st->baseline_safe_to_spend);
        sw_json_add_cents(s, "average_gain", st->average_gain);
        sw_json_add_cents(s, "total_gain", st->gain_total);
        if (st->has_rate)
            /* percent 0-100 (may lie outside), from exact ppm */
            cJSON_AddNumberToObject(s, "marginal_rate", (double)st->marginal_ppm / 10000);
        else
            cJSON_AddNullToObject(s, "marginal_rate");
        sw_json_add_cents(s, "lks", st->lks);
        cJSON_AddNumberToObject(s, "recoveries", (double)st->n_recoveries);
        if (!sw_json_add_cents(s, "recoveries_total", st->recoveries_total))
            goto fail;
    }
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

/* --- SVG --- */

#define SVG_W 720
#define SVG_H 420
#define SVG_LEFT 90
#define SVG_RIGHT 30
#define SVG_TOP 50
#define SVG_BOTTOM 70

/* A tick step of 1, 2 or 5 x 10^k cents giving at most 6 intervals over span. */
static int64_t nice_step(int64_t span)
{
    int64_t base = 100;   /* start at one euro */

    for (;;) {
        static const int mult[] = {1, 2, 5};
        for (int k = 0; k < 3; k++)
            if (span / (base * mult[k]) <= 6)
                return base * mult[k];
        base *= 10;
    }
}

static int64_t px_x(const struct sweep *sw, int64_t v)
{
    int64_t lo = sw->steps[0].value_x100, hi = sw->steps[sw->n - 1].value_x100;
    int64_t w = SVG_W - SVG_LEFT - SVG_RIGHT;

    if (hi == lo)
        return SVG_LEFT + w / 2;
    return SVG_LEFT + (v - lo) * w / (hi - lo);
}

static int64_t px_y(int64_t lo, int64_t hi, int64_t cents)
{
    int64_t h = SVG_H - SVG_TOP - SVG_BOTTOM;

    return SVG_TOP + h - (cents - lo) * h / (hi - lo);
}

void sweep_render_svg(FILE *f, const struct sweep *sw)
{
    int64_t lo = 0, hi = 0, tick;
    size_t every;
    bool any_trap = false;

    for (size_t k = 0; k < sw->n; k++) {
        if (sw->steps[k].average_gain < lo)
            lo = sw->steps[k].average_gain;
        if (sw->steps[k].average_gain > hi)
            hi = sw->steps[k].average_gain;
    }
    if (hi == lo)
        hi = lo + 1000;
    tick = nice_step(hi - lo);
    lo = sw_div_floor(lo, tick) * tick;
    hi = sw_div_ceil(hi, tick) * tick;
    if (hi == lo)
        hi = lo + tick;

    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            SVG_W, SVG_H, SVG_W, SVG_H);
    fprintf(f, "<title>Wat levert werken op?</title>\n"
               "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n"
               "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Wat levert werken "
               "op? Gemiddeld per maand meer dan in de bijstand</text>\n",
            SVG_LEFT);
    /* y grid and labels */
    for (int64_t y = lo; y <= hi; y += tick) {
        char a[40];
        int64_t py = px_y(lo, hi, y);
        sw_money_format_nl(a, sizeof(a), y);
        if (y % 100 == 0 && strlen(a) > 3 && strcmp(a + strlen(a) - 3, ",00") == 0)
            a[strlen(a) - 3] = '\0';
        fprintf(f, "<line x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\" stroke=\"%s\"/>\n",
                SVG_LEFT, (long long)py, SVG_W - SVG_RIGHT, (long long)py,
                y == 0 ? "#444" : "#ddd");
        fprintf(f, "<text x=\"%d\" y=\"%lld\" text-anchor=\"end\">%s</text>\n", SVG_LEFT - 6,
                (long long)py + 4, a);
    }
    /* axes */
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", SVG_LEFT,
            SVG_TOP, SVG_LEFT, SVG_H - SVG_BOTTOM);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", SVG_LEFT,
            SVG_H - SVG_BOTTOM, SVG_W - SVG_RIGHT, SVG_H - SVG_BOTTOM);
    every = sw->n <= 12 ? 1 : (sw->n + 11) / 12;
    for (size_t k = 0; k < sw->n; k += every) {
        char v[32];
        int64_t px = px_x(sw, sw->steps[k].value_x100);
        x100_text(v, sizeof(v), sw->steps[k].value_x100, ',');
        fprintf(f, "<line x1=\"%lld\" y1=\"%d\" x2=\"%lld\" y2=\"%d\" stroke=\"#000\"/>\n",
                (long long)px, SVG_H - SVG_BOTTOM, (long long)px, SVG_H - SVG_BOTTOM + 5);
        fprintf(f, "<text x=\"%lld\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", (long long)px,
                SVG_H - SVG_BOTTOM + 20, v);
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
            SVG_LEFT + (SVG_W - SVG_LEFT - SVG_RIGHT) / 2, SVG_H - SVG_BOTTOM + 42,
            sw->kind == SWEEP_HOURS ? "Uren per week" : "Loonwaarde (%)");
    fprintf(f, "<text transform=\"translate(18 %d) rotate(-90)\" text-anchor=\"middle\">"
               "Meer per maand dan in de bijstand (euro)</text>\n",
            SVG_TOP + (SVG_H - SVG_TOP - SVG_BOTTOM) / 2);
    /* the line and the points */
    fputs("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"", f);
    for (size_t k = 0; k < sw->n; k++)
        fprintf(f, "%s%lld,%lld", k ? " " : "", (long long)px_x(sw, sw->steps[k].value_x100),
                (long long)px_y(lo, hi, sw->steps[k].average_gain));
    fputs("\"/>\n", f);
    for (size_t k = 0; k < sw->n; k++) {
        const struct sweep_step *st = &sw->steps[k];
        bool trap = st->has_rate && st->marginal_ppm >= SW_PPM_ONE;
        char v[32], a[40], r[32];
        any_trap |= trap;
        value_nl(v, sizeof(v), sw, st->value_x100);
        sw_money_format_nl(a, sizeof(a), st->average_gain);
        rate_nl(r, sizeof(r), st);
        fprintf(f, "<circle cx=\"%lld\" cy=\"%lld\" r=\"4\" fill=\"%s\"><title>%s: %s per maand "
                   "meer; marginale druk %s</title></circle>\n",
                (long long)px_x(sw, st->value_x100), (long long)px_y(lo, hi, st->average_gain),
                trap ? "#c00" : "#1f5fa8", v, a, r);
    }
    if (any_trap)
        fprintf(f, "<text x=\"%d\" y=\"%d\" fill=\"#c00\">Rood: hier levert meer werken niets "
                   "op (armoedeval).</text>\n",
                SVG_LEFT, SVG_H - 8);
    fputs("</svg>\n", f);
}
