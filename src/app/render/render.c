/* render.c - terminal table, CSV and HTML renderings of a timeline. */
#include <string.h>

#include "render.h"
#include "switchsim/money.h"

static const char *const status_nl[] = {"bijstand", "proef", "werk", "terug"};

static bool has_wajong(const struct sw_timeline *tl)
{
    return tl->scenario.totals[SW_ITEM_WAJONG_NET] != 0 ||
           tl->baseline.totals[SW_ITEM_WAJONG_NET] != 0;
}

/* For Dutch Excel (CSV): the situation in full, and a Dutch header per line item
 * (the JSON keeps the contract's names, sw_item_name()). Amounts in euros. */
static const char *const status_csv[] = {"bijstand", "proefplaatsing", "werk",
                                         "terug in bijstand"};
/* The same with a Wajong (before.benefit "wajong"): on the Wajong, and back to it. */
static const char *const status_nl_wajong[] = {"Wajong", "proef", "werk", "terug"};
static const char *const status_csv_wajong[] = {"Wajong", "proefplaatsing", "werk",
                                                "terug in Wajong"};
static const char *const item_csv[] = {
    [SW_ITEM_GROSS_WAGE] = "brutoloon",
    [SW_ITEM_HOLIDAY_PAY] = "vakantiegeld",
    [SW_ITEM_LOONHEFFING] = "loonheffing",
    [SW_ITEM_NET_WAGE] = "nettoloon",
    [SW_ITEM_BIJSTAND_NORM] = "bijstandsnorm",
    [SW_ITEM_VRIJLATING] = "vrijlating",
    [SW_ITEM_BIJSTAND_ENTITLED] = "recht op bijstand",
    [SW_ITEM_BIJSTAND_PAID] = "bijstand betaald",
    [SW_ITEM_BIJSTAND_HOLIDAY_PAID] = "vakantietoeslag bijstand betaald",
    [SW_ITEM_ZORGTOESLAG_ENTITLED] = "recht op zorgtoeslag",
    [SW_ITEM_ZORGTOESLAG_PAID] = "zorgtoeslag betaald",
    [SW_ITEM_HUURTOESLAG_ENTITLED] = "recht op huurtoeslag",
    [SW_ITEM_HUURTOESLAG_PAID] = "huurtoeslag betaald",
    [SW_ITEM_WMO_EIGEN_BIJDRAGE] = "eigen bijdrage Wmo",
    [SW_ITEM_RECOVERY_COLLECTED] = "terugbetaald",
    [SW_ITEM_RECEIVED] = "ontvangen",
    [SW_ITEM_SET_ASIDE] = "apart zetten",
    [SW_ITEM_SAFE_TO_SPEND] = "te besteden",
    [SW_ITEM_LKS] = "loonkostensubsidie werkgever",
    [SW_ITEM_BIJSTAND_RESERVE] = "vakantietoeslag bijstand opgebouwd",
    [SW_ITEM_RESERVE_RELEASED] = "apart gezet geld gebruikt",
    [SW_ITEM_WW_GROSS] = "WW bruto",
    [SW_ITEM_WW_NET] = "WW netto",
    [SW_ITEM_PARTNER_GROSS] = "partner bruto",
    [SW_ITEM_PARTNER_NET] = "partner netto",
    [SW_ITEM_PARTNER_VRIJLATING] = "vrijlating partner",
    [SW_ITEM_KINDERBIJSLAG] = "kinderbijslag",
    [SW_ITEM_KGB_ENTITLED] = "recht op kindgebonden budget",
    [SW_ITEM_KGB_PAID] = "kindgebonden budget betaald",
    [SW_ITEM_IACK] = "combinatiekorting terug",
    [SW_ITEM_YEAR_END_BONUS] = "eindejaarsuitkering",
    [SW_ITEM_COUNTED_INCOME] = "meegeteld inkomen bijstand",
    [SW_ITEM_IIT] = "individuele inkomenstoeslag",
    [SW_ITEM_KWIJTSCHELDING] = "kwijtschelding gemeentebelastingen",
    [SW_ITEM_LOKALE_PAS] = "lokale pas",
    [SW_ITEM_GEMEENTEPOLIS] = "korting gemeentepolis",
    [SW_ITEM_ARMOEDEVAL] = "verlies door armoedeval",
    [SW_ITEM_WAJONG_ENTITLED] = "recht op Wajong bruto",
    [SW_ITEM_WAJONG_GROSS] = "Wajong bruto betaald",
    [SW_ITEM_WAJONG_NET] = "Wajong netto",
    [SW_ITEM_WAJONG_HOLIDAY_PAY] = "vakantiegeld Wajong bruto",
    [SW_ITEM_DEBT_FREE] = "beslagvrije voet of vrij te laten bedrag",
    [SW_ITEM_DEBT_TAKEN] = "ingehouden voor schulden",
    [SW_ITEM_TOESLAGEN_NABETALING] = "nabetaling toeslagen",
};
_Static_assert(sizeof(item_csv) / sizeof(item_csv[0]) == SW_ITEM__COUNT,
               "a Dutch CSV header for every line item");

const char *render_who_nl(enum sw_who who)
{
    static const char *const names[] = {"inwoner", "consulent", "werkgever"};

    return (unsigned)who < sizeof(names) / sizeof(names[0]) ? names[who] : "";
}

const char *render_recovery_nl(enum sw_recovery_kind kind)
{
    static const char *const names[] = {"bijstand", "zorgtoeslag", "huurtoeslag",
                                        "inkomstenbelasting", "kindgebonden budget"};

    return (unsigned)kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "";
}

void render_headline(char *buf, size_t size, const struct sw_timeline *tl)
{
    char a[40];
    const struct sw_steady *st = &tl->steady;
    int64_t g = st->found ? st->gain : tl->average_gain;

    sw_money_format_nl(a, sizeof(a), g < 0 ? -g : g);
    if (st->found) {
        const char *v = st->n_projected ? " (voorlopig)"
                        : tl->debt_regime == SW_DEBTS_BESLAG ? " (na het beslag)"
                        : tl->debt_regime == SW_DEBTS_WSNP ? " (in de schuldsanering)"
                                                            : "";
        if (g == 0)
            snprintf(buf, size, "In een gewone maand na de overstap houdt u evenveel over als "
                     "zonder deze baan%s.", v);
        else
            snprintf(buf, size, "In een gewone maand na de overstap houdt u %s %s over dan "
                     "zonder deze baan%s.", a, g > 0 ? "meer" : "minder", v);
    } else if (g == 0) {
        snprintf(buf, size, "Met deze baan houdt u gemiddeld evenveel over als nu.");
    } else {
        snprintf(buf, size, "Met deze baan houdt u gemiddeld %s per maand %s over dan nu.", a,
                 g > 0 ? "meer" : "minder");
    }
}

/* "meer"/"minder" with the amount, or "evenveel". */
static void more_less(char *buf, size_t size, int64_t g)
{
    char a[40];

    sw_money_format_nl(a, sizeof(a), g < 0 ? -g : g);
    if (g == 0)
        snprintf(buf, size, "evenveel");
    else
        snprintf(buf, size, "%s %s", a, g > 0 ? "meer" : "minder");
}

void render_headline_more(char *buf, size_t size, const struct sw_timeline *tl)
{
    const struct sw_steady *st = &tl->steady;
    char m[32], f[32], u[32], x[64], y[64];
    size_t n = 0;

    buf[0] = 0;
    if (st->found) {
        sw_month_nl(m, sizeof(m), st->month);
        n += (size_t)snprintf(buf, size, "Een gewone maand is hier %s: een hele maand werk, "
                              "zonder vakantiegeld en nadat de bijstand is verrekend. ", m);
        if (st->first_months > 0 && n < size) {
            sw_month_nl(f, sizeof(f), st->first_from);
            sw_month_nl(u, sizeof(u), st->month - 1);
            more_less(x, sizeof(x), st->first_average);
            n += (size_t)snprintf(buf + n, size - n, "In de eerste maanden (%s tot en met %s) "
                                  "houdt u gemiddeld %s per maand. ", f, u, x);
        }
        if (tl->debt_regime != SW_DEBTS_NONE && n < size) {
            char k[40], t[40];
            more_less(x, sizeof(x), st->gain + st->debt_taken - st->baseline_debt_taken);
            sw_money_format_nl(k, sizeof(k), st->safe_to_spend);
            sw_money_format_nl(t, sizeof(t), st->debt_taken);
            n += (size_t)snprintf(buf + n, size - n,
                                  "Door uw schulden houdt u met de baan %s te besteden; %s "
                                  "gaat naar %s. Zonder schulden hield u %s over. ", k, t,
                                  tl->debt_regime == SW_DEBTS_WSNP ? "de boedel van de "
                                                                     "schuldsanering"
                                                                   : "de beslaglegger",
                                  x);
        }
    }
    if (n < size) {
        more_less(y, sizeof(y), tl->total_gain);
        snprintf(buf + n, size - n, "Over de %d maanden van dit overzicht houdt u samen %s.",
                 tl->scenario.n, y);
    }
}

static void month_label(char *buf, size_t size, sw_month m)
{
    snprintf(buf, size, "%s %d", sw_month_abbr_nl(sw_month_number(m)), sw_month_year(m));
}

/* Euros without the euro sign, for narrow columns: "1.234,56". */
static void num(char *buf, size_t size, int64_t cents)
{
    char t[48];
    size_t skip = cents < 0 ? 5 : 4;   /* "-" and "€ " (E2 82 AC 20) */

    sw_money_format_nl(t, sizeof(t), cents);
    if (cents < 0)
        buf[0] = '-';
    memmove(t, t + skip, strlen(t + skip) + 1);
    snprintf(buf + (cents < 0), size - (cents < 0), "%.30s", t);
}

static int64_t toeslagen_paid(const int64_t *v)
{
    return v[SW_ITEM_ZORGTOESLAG_PAID] + v[SW_ITEM_HUURTOESLAG_PAID] +
           v[SW_ITEM_TOESLAGEN_NABETALING];
}

static int64_t bijstand_total(const int64_t *v)
{
    return v[SW_ITEM_BIJSTAND_PAID] + v[SW_ITEM_BIJSTAND_HOLIDAY_PAID];
}

static void html_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f); break;
        }
    }
}

static bool month_projected(const struct sw_timeline *tl, sw_month m)
{
    return sw_timeline_projected(tl, m, NULL, 0) > 0;
}

static bool any_projected(const struct sw_timeline *tl)
{
    for (size_t i = 0; i < tl->used.len; i++)
        if (tl->used.items[i].projected)
            return true;
    return false;
}

/* A projected value as people read it: "€ 14,71" or "35,75 %"; scales have none. */
static void value_text(char *buf, size_t size, const struct sw_value_info *u)
{
    buf[0] = '\0';
    if (u->is_scale)
        return;
    if (u->unit == SW_UNIT_EUROCENT)
        sw_money_format_nl(buf, size, u->amount);
    else if (u->unit == SW_UNIT_PERCENT) {
        char r[32];
        sw_rate_format_nl(r, sizeof(r), u->amount);
        snprintf(buf, size, "%s %%", r);
    } else {
        snprintf(buf, size, "%lld", (long long)u->amount);
    }
}

void render_projected(FILE *f, const struct sw_used *used, const char *prefix, bool html)
{
    for (size_t i = 0; i < used->len; i++) {
        const struct sw_value_info *u = &used->items[i];
        char from[16], missing[16], v[48];
        if (!sw_used_first_projected(used, i))
            continue;
        sw_date_format(from, sizeof(from), u->from);
        sw_date_format(missing, sizeof(missing), u->projected_from);
        value_text(v, sizeof(v), u);
        fputs(prefix, f);
        if (html) {
            fputs("<li>", f);
            html_text(f, u->description);
            fprintf(f, " (<code>%s</code>): ", u->id);
        } else {
            fprintf(f, "%s: ", u->id);
        }
        fprintf(f, "%s%sbekend vanaf %s, nieuwe waarde vanaf %s nog niet bekend%s\n", v,
                v[0] ? ", " : "", from, missing, html ? "</li>" : "");
    }
}

/* The partner's own income is shown in a column of its own, only when there is one. */
static bool has_partner_income(const struct sw_timeline *tl)
{
    return tl->scenario.totals[SW_ITEM_PARTNER_NET] != 0 ||
           tl->baseline.totals[SW_ITEM_PARTNER_NET] != 0;
}


/* One more column (table: fixed width; HTML: a cell) when the run has it. */
static void extra_cell(FILE *f, bool html, bool on, int64_t amount)
{
    char c[32];

    if (!on)
        return;
    num(c, sizeof(c), amount);
    if (html)
        fprintf(f, "<td>%s</td>", c);
    else
        fprintf(f, "%10s ", c);
}

/* How a recovery is paid back, in plain Dutch (empty when at once without offset). */
static void recovery_terms(char *buf, size_t size, const struct sw_recovery *r)
{
    char o[32], ins[32], m1[32], m2[32];
    size_t n = 0;

    buf[0] = 0;
    if (r->offset > 0) {
        sw_money_format_nl(o, sizeof(o), r->offset);
        n += (size_t)snprintf(buf, size, " Eerst verrekend met de vakantietoeslag: %s.", o);
    }
    if (r->within_voet && n < size)
        n += (size_t)snprintf(buf + n, size - n, " Door uw schulden alleen van wat boven de "
                              "beslagvrije voet ligt.");
    if (r->instalment > 0 && n < size) {
        sw_money_format_nl(ins, sizeof(ins), r->instalment);
        sw_month_nl(m1, sizeof(m1), r->collected);
        sw_month_nl(m2, sizeof(m2), r->paid_off);
        snprintf(buf + n, size - n, " Terugbetalen in termijnen van %s per maand, %s tot en "
                 "met %s.", ins, m1, m2);
    }
}

/* What the children bring in: kinderbijslag, kindgebonden budget and the
 * combinatiekorting given back. */
static int64_t children_paid(const int64_t *v)
{
    return v[SW_ITEM_KINDERBIJSLAG] + v[SW_ITEM_KGB_PAID] + v[SW_ITEM_IACK];
}

static bool has_children_money(const struct sw_timeline *tl)
{
    return children_paid(tl->scenario.totals) != 0 || children_paid(tl->baseline.totals) != 0;
}

/* household.debts: a column with what the beslag or the Wsnp takes. */
static bool has_debts(const struct sw_timeline *tl)
{
    return tl->debt_regime != SW_DEBTS_NONE;
}

/* What the municipality's minimaregelingen are worth in the month (engine_lokaal.c). */
static int64_t local_paid(const int64_t *v)
{
    return v[SW_ITEM_IIT] + v[SW_ITEM_KWIJTSCHELDING] + v[SW_ITEM_LOKALE_PAS] +
           v[SW_ITEM_GEMEENTEPOLIS];
}

static bool has_local_money(const struct sw_timeline *tl)
{
    return local_paid(tl->scenario.totals) != 0 || local_paid(tl->baseline.totals) != 0;
}

/* One line per local scheme of the municipality: its limit and what it is worth. */
static void local_line(char *buf, size_t size, const struct sw_local_summary *ls, int k)
{
    char lim[40], val[40], pct[16];

    sw_money_format_nl(lim, sizeof(lim), ls->limit);
    sw_money_format_nl(val, sizeof(val), ls->year_value);
    sw_rate_format_nl(pct, sizeof(pct), SW_PPM_ONE + ls->above_ppm);
    snprintf(buf, size, "%s: %s%s%s%s; %s%s%s.", sw_local_scheme_label((enum sw_local_scheme)k),
             ls->tested ? "inkomen tot " : "inkomensgrens niet bekend (niet getoetst)",
             ls->tested ? pct : "", ls->tested ? " % van de bijstandsnorm, nu " : "",
             ls->tested ? lim : "", ls->value_known ? val : "waarde niet bekend",
             ls->value_known ? " per jaar" : "", ls->entered ? " (zelf ingevuld)" : "");
}

void render_table(FILE *f, const struct sw_timeline *tl)
{
    char h[200], a[40], more[800];
    bool partner = has_partner_income(tl), kids = has_children_money(tl), debts = has_debts(tl);
    bool local = has_local_money(tl);
    bool wajong = has_wajong(tl);

    render_headline(h, sizeof(h), tl);
    render_headline_more(more, sizeof(more), tl);
    fprintf(f, "%s\n%s\n\n", h, more);
    fprintf(f, "%-9s %-8s %10s ", "maand", "status", "loon/WW");
    if (wajong)
        fprintf(f, "%10s ", "Wajong");
    if (partner)
        fprintf(f, "%10s ", "partner");
    if (kids)
        fprintf(f, "%10s ", "kinderen");
    if (local)
        fprintf(f, "%10s ", "gemeente");
    if (debts)
        fprintf(f, "%10s ", "schulden");
    fprintf(f, "%10s %10s %9s %9s %10s %10s %10s | %10s %10s\n",
            "bijstand", "toeslagen", "wmo", "terug", "ontvangen", "apart",
            "besteden", "nu besteed", "verschil");
    for (int i = 0; i < tl->scenario.n; i++) {
        const int64_t *v = tl->scenario.rows[i].v, *b = tl->baseline.rows[i].v;
        char c[10][32], ml[16];

        month_label(ml, sizeof(ml), tl->scenario.rows[i].month);
        if (month_projected(tl, tl->scenario.rows[i].month))
            snprintf(ml + strlen(ml), sizeof(ml) - strlen(ml), "*");
        num(c[0], 32, v[SW_ITEM_NET_WAGE] + v[SW_ITEM_WW_NET]);
        num(c[1], 32, bijstand_total(v));
        num(c[2], 32, toeslagen_paid(v));
        num(c[3], 32, v[SW_ITEM_WMO_EIGEN_BIJDRAGE]);
        num(c[4], 32, v[SW_ITEM_RECOVERY_COLLECTED]);
        num(c[5], 32, v[SW_ITEM_RECEIVED]);
        num(c[6], 32, v[SW_ITEM_SET_ASIDE]);
        num(c[7], 32, v[SW_ITEM_SAFE_TO_SPEND]);
        num(c[8], 32, b[SW_ITEM_SAFE_TO_SPEND]);
        num(c[9], 32, v[SW_ITEM_SAFE_TO_SPEND] - b[SW_ITEM_SAFE_TO_SPEND]);
        fprintf(f, "%-9s %-8s %10s ", ml, (has_wajong(tl) ? status_nl_wajong : status_nl)[tl->scenario.rows[i].status], c[0]);
        extra_cell(f, false, wajong, v[SW_ITEM_WAJONG_NET]);
        if (partner) {
            char pn[32];
            num(pn, sizeof(pn), v[SW_ITEM_PARTNER_NET]);
            fprintf(f, "%10s ", pn);
        }
        if (kids) {
            char kn[32];
            num(kn, sizeof(kn), children_paid(v));
            fprintf(f, "%10s ", kn);
        }
        if (local) {
            char gn[32];
            num(gn, sizeof(gn), local_paid(v));
            fprintf(f, "%10s ", gn);
        }
        if (debts) {
            char dn[32];
            num(dn, sizeof(dn), -v[SW_ITEM_DEBT_TAKEN]);
            fprintf(f, "%10s ", dn);
        }
        fprintf(f, "%10s %10s %9s %9s %10s %10s %10s | %10s %10s\n", c[1], c[2], c[3], c[4],
                c[5], c[6], c[7], c[8], c[9]);
    }
    if (any_projected(tl)) {
        fprintf(f, "\n* voorlopig: bedragen die nog niet zijn bekendgemaakt; het laatst "
                   "bekende bedrag is doorgetrokken (--strict weigert dat):\n");
        render_projected(f, &tl->used, "  - ", false);
    }
    if (tl->n_recoveries) {
        fprintf(f, "\nTerugvorderingen:\n");
        for (size_t i = 0; i < tl->n_recoveries; i++) {
            const struct sw_recovery *r = &tl->recoveries[i];
            char e[32], sa[32];
            sw_money_format_nl(a, sizeof(a), r->amount);
            sw_month_nl(e, sizeof(e), r->expected);
            sw_month_nl(sa, sizeof(sa), r->caused);
            char terms[320];
            recovery_terms(terms, sizeof(terms), r);
            fprintf(f, "  - %s over %s: %s%s, brief in %s; zet apart vanaf %s.%s\n    %s\n",
                    render_recovery_nl(r->kind), r->for_period, a,
                    sw_recovery_projected(tl, r, NULL, 0) ? " (voorlopig)" : "", e, sa, terms,
                    r->avoidable_by);
        }
    }
    for (int k = 0, first = 1; k < SW_LOCAL__COUNT; k++) {
        if (!tl->local[k].tested && !tl->local[k].value_known)
            continue;
        if (first)
            fprintf(f, "\nRegelingen van de gemeente (bij een laag inkomen):\n");
        first = 0;
        local_line(more, sizeof(more), &tl->local[k], k);
        fprintf(f, "  - %s\n", more);
    }
    if (tl->n_warnings) {
        fprintf(f, "\nLet op:\n");
        for (size_t i = 0; i < tl->n_warnings; i++)
            fprintf(f, "  - %s\n", tl->warnings[i].text);
    }
    if (tl->n_actions) {
        fprintf(f, "\nWat te doen:\n");
        for (size_t i = 0; i < tl->n_actions; i++) {
            char d[32];
            sw_date_nl(d, sizeof(d), tl->actions[i].before);
            fprintf(f, "  - %s, vóór %s: %s\n", render_who_nl(tl->actions[i].who), d,
                    tl->actions[i].text);
        }
    }
    fprintf(f, "\nTabellen: versie %s, sha256 %.16s…\n", tl->tables_version, tl->tables_sha256);
}

void render_csv(FILE *f, const struct sw_timeline *tl)
{
    fprintf(f, "berekening;maand;situatie");
    for (int k = 0; k < SW_ITEM__COUNT; k++)
        fprintf(f, ";%s", item_csv[k]);
    fprintf(f, ";voorlopig\r\n");
    for (int r = 0; r < 2; r++) {
        const struct sw_run *run = r == 0 ? &tl->scenario : &tl->baseline;
        for (int i = 0; i < run->n; i++) {
            char m[16];
            sw_month_format(m, sizeof(m), run->rows[i].month);
            fprintf(f, "%s;%s;%s", r == 0 ? "overstap" : "blijven", m,
                    (has_wajong(tl) ? status_csv_wajong : status_csv)[run->rows[i].status]);
            for (int k = 0; k < SW_ITEM__COUNT; k++) {
                char a[40];
                sw_money_format_csv(a, sizeof(a), run->rows[i].v[k]);
                fprintf(f, ";%s", a);
            }
            /* The projected values this month depends on, comma-separated. */
            {
                const struct sw_value_info *p[64];
                size_t n = sw_timeline_projected(tl, run->rows[i].month, p, 64);
                fputc(';', f);
                for (size_t k = 0; k < n && k < 64; k++)
                    fprintf(f, "%s%s", k ? "," : "", p[k]->id);
            }
            fprintf(f, "\r\n");
        }
    }
}

void render_html(FILE *f, const struct sw_timeline *tl)
{
    char h[200], more[800];

    render_headline(h, sizeof(h), tl);
    render_headline_more(more, sizeof(more), tl);
    fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<title>Wat houdt u over? — switchsim</title>\n<style>\n"
          "@page { size: A4; margin: 14mm; }\n"
          "body { font-family: system-ui, sans-serif; font-size: 10.5pt; color: #111; "
          "max-width: 190mm; margin: auto; }\n"
          "h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 1.2em; }\n"
          "table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }\n"
          "th, td { border-bottom: 1px solid #bbb; padding: 2px 4px; text-align: right; }\n"
          "th:first-child, td:first-child, td:nth-child(2) { text-align: left; }\n"
          ".warn { border-left: 4px solid #b00; padding-left: 6px; }\n"
          ".voorlopig { border: 2px solid #a60; padding: 4px 8px; }\n"
          "td.voorlopig-maand::after { content: \" *\"; }\n"
          "</style>\n</head>\n<body>\n", f);
    fputs("<h1>", f);
    html_text(f, h);
    fputs("</h1>\n<p>", f);
    html_text(f, more);
    fputs("</p>\n", f);
    if (any_projected(tl)) {
        fputs("<section class=\"voorlopig\" role=\"note\"><h2>Voorlopige bedragen</h2>\n", f);
        for (size_t i = 0; i < tl->n_warnings; i++)
            if (strcmp(tl->warnings[i].code, "projected_values") == 0) {
                fputs("<p>", f);
                html_text(f, tl->warnings[i].text);
                fputs(" Maanden met een * zijn voorlopig.</p>\n", f);
            }
        fputs("<details><summary>Welke bedragen?</summary><ul>\n", f);
        render_projected(f, &tl->used, "", true);
        fputs("</ul></details></section>\n", f);
    }
    if (tl->n_recoveries) {
        fputs("<h2>Geld apart zetten</h2>\n<ul>\n", f);
        for (size_t i = 0; i < tl->n_recoveries; i++) {
            const struct sw_recovery *r = &tl->recoveries[i];
            char a[40], e[32], sa[32];
            sw_money_format_nl(a, sizeof(a), r->amount);
            sw_month_nl(e, sizeof(e), r->expected);
            sw_month_nl(sa, sizeof(sa), r->caused);
            fprintf(f, "<li class=\"warn\"><strong>%s%s terugbetalen (%s)</strong>: zet dit apart "
                       "vanaf %s; de brief komt in %s. ",
                    a, sw_recovery_projected(tl, r, NULL, 0) ? " (voorlopig)" : "",
                    render_recovery_nl(r->kind), sa, e);
            {
                char terms[320];
                recovery_terms(terms, sizeof(terms), r);
                if (terms[0]) {
                    html_text(f, terms + 1);
                    fputc(' ', f);
                }
            }
            html_text(f, r->avoidable_by);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    if (tl->n_warnings) {
        fputs("<h2>Let op</h2>\n<ul>\n", f);
        for (size_t i = 0; i < tl->n_warnings; i++) {
            fputs("<li>", f);
            html_text(f, tl->warnings[i].text);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    {
        int shown = 0;
        for (int k = 0; k < SW_LOCAL__COUNT; k++) {
            if (!tl->local[k].tested && !tl->local[k].value_known)
                continue;
            if (!shown++)
                fputs("<h2>Regelingen van de gemeente</h2>\n<ul>\n", f);
            local_line(more, sizeof(more), &tl->local[k], k);
            fputs("<li>", f);
            html_text(f, more);
            fputs("</li>\n", f);
        }
        if (shown)
            fputs("</ul>\n", f);
    }
    if (tl->n_actions) {
        fputs("<h2>Wat moet u doen?</h2>\n<ul>\n", f);
        for (size_t i = 0; i < tl->n_actions; i++) {
            char d[40];
            sw_date_nl(d, sizeof(d), tl->actions[i].before);
            fprintf(f, "<li>Vóór %s: ", d);
            html_text(f, tl->actions[i].text);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    fputs("<h2>Per maand (in euro)</h2>\n<table>\n<thead><tr><th>Maand</th><th>Situatie</th>"
          "<th>Nettoloon of WW</th>", f);
    if (has_wajong(tl))
        fputs("<th>Wajong (netto)</th>", f);
    if (has_partner_income(tl))
        fputs("<th>Netto inkomen partner</th>", f);
    if (has_children_money(tl))
        fputs("<th>Voor de kinderen</th>", f);
    if (has_local_money(tl))
        fputs("<th>Van de gemeente</th>", f);
    if (has_debts(tl))
        fputs("<th>Ingehouden voor schulden</th>", f);
    fputs("<th>Bijstand</th><th>Toeslagen</th><th>Eigen bijdrage</th>"
          "<th>Terugbetalen</th><th>Apart zetten</th><th>Te besteden</th>"
          "<th>Als u niet gaat werken</th></tr></thead>\n<tbody>\n", f);
    for (int i = 0; i < tl->scenario.n; i++) {
        const int64_t *v = tl->scenario.rows[i].v, *b = tl->baseline.rows[i].v;
        char c[8][32], ml[16];
        month_label(ml, sizeof(ml), tl->scenario.rows[i].month);
        num(c[0], 32, v[SW_ITEM_NET_WAGE] + v[SW_ITEM_WW_NET]);
        num(c[1], 32, bijstand_total(v));
        num(c[2], 32, toeslagen_paid(v));
        num(c[3], 32, v[SW_ITEM_WMO_EIGEN_BIJDRAGE]);
        num(c[4], 32, v[SW_ITEM_RECOVERY_COLLECTED]);
        num(c[5], 32, v[SW_ITEM_SET_ASIDE]);
        num(c[6], 32, v[SW_ITEM_SAFE_TO_SPEND]);
        num(c[7], 32, b[SW_ITEM_SAFE_TO_SPEND]);
        fprintf(f, "<tr><td%s>%s</td><td>%s</td><td>%s</td>",
                month_projected(tl, tl->scenario.rows[i].month) ? " class=\"voorlopig-maand\""
                                                                : "",
                ml, (has_wajong(tl) ? status_nl_wajong : status_nl)[tl->scenario.rows[i].status], c[0]);
        extra_cell(f, true, has_wajong(tl), v[SW_ITEM_WAJONG_NET]);
        if (has_partner_income(tl)) {
            char pn[32];
            num(pn, sizeof(pn), v[SW_ITEM_PARTNER_NET]);
            fprintf(f, "<td>%s</td>", pn);
        }
        if (has_children_money(tl)) {
            char kn[32];
            num(kn, sizeof(kn), children_paid(v));
            fprintf(f, "<td>%s</td>", kn);
        }
        if (has_local_money(tl)) {
            char gn[32];
            num(gn, sizeof(gn), local_paid(v));
            fprintf(f, "<td>%s</td>", gn);
        }
        if (has_debts(tl)) {
            char dn[32];
            num(dn, sizeof(dn), v[SW_ITEM_DEBT_TAKEN]);
            fprintf(f, "<td>%s</td>", dn);
        }
        fprintf(f, "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                   "<td>%s</td></tr>\n", c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }
    fprintf(f, "</tbody>\n</table>\n<p><small>Berekend met switchsim, tabellen versie %s "
               "(sha256 %.16s). Aan deze berekening kunt u geen rechten ontlenen; de gemeente, "
               "het UWV en de Belastingdienst beslissen.</small></p>\n</body>\n</html>\n",
            tl->tables_version, tl->tables_sha256);
}
