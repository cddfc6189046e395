/* explain.c - the derivation of one figure in plain Dutch (B1) and as JSON,
 * read from the engine's traces; for `switchsim explain` and the CGI. */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "json_out.h"
#include "render.h"
#include "switchsim/money.h"

/* How deep the figures a figure is built on are followed. */
#define EXPLAIN_MAX_DEPTH 3
#define EXPLAIN_MAX_PARTS 19

struct item_text {
    const char *label;   /* short name, starts lowercase */
    const char *what;    /* one plain sentence: what the figure is */
};

static const struct item_text item_texts[SW_ITEM__COUNT] = {
    [SW_ITEM_GROSS_WAGE] = {"brutoloon",
                            "Het loon dat deze maand op uw rekening komt, voordat er belasting "
                            "af gaat. Betaalt de werkgever pas de volgende maand, of per vier "
                            "weken, dan staat het in de maand dat het binnenkomt. Begint of "
                            "stopt de baan midden in de maand, dan telt alleen het deel dat u "
                            "werkt."},
    [SW_ITEM_HOLIDAY_PAY] = {"vakantiegeld van de werkgever",
                             "Het vakantiegeld (vakantiebijslag) dat uw werkgever deze maand "
                             "uitbetaalt, voordat er belasting af gaat."},
    [SW_ITEM_LOONHEFFING] = {"loonheffing",
                             "De belasting en premies die uw werkgever van uw loon en "
                             "vakantiegeld inhoudt en aan de Belastingdienst betaalt."},
    [SW_ITEM_NET_WAGE] = {"nettoloon",
                          "Wat uw werkgever deze maand op uw rekening zet: brutoloon plus "
                          "vakantiegeld, min loonheffing."},
    [SW_ITEM_BIJSTAND_NORM] = {"bijstandsnorm",
                               "Het bedrag waarvan de wet zegt dat iemand in uw situatie het "
                               "nodig heeft om van te leven. Het vakantiegeld van de bijstand "
                               "zit erin."},
    [SW_ITEM_VRIJLATING] = {"vrijlating",
                            "Het deel van uw nettoloon dat de gemeente niet van uw bijstand "
                            "aftrekt. Dat geld mag u houden."},
    [SW_ITEM_BIJSTAND_ENTITLED] = {"bijstand waar u recht op hebt",
                                   "De bijstand waar u deze maand recht op hebt, zonder het "
                                   "vakantiegeld van de bijstand. Dat vakantiegeld spaart de "
                                   "gemeente voor u en betaalt het later uit."},
    [SW_ITEM_BIJSTAND_PAID] = {"bijstand betaald",
                               "De bijstand die de gemeente deze maand op uw rekening zet."},
    [SW_ITEM_BIJSTAND_HOLIDAY_PAID] = {"vakantiegeld van de bijstand",
                                       "Het vakantiegeld van de bijstand dat de gemeente deze "
                                       "maand uitbetaalt. Het is gespaard uit de bijstand van "
                                       "de maanden ervoor."},
    [SW_ITEM_ZORGTOESLAG_ENTITLED] = {"zorgtoeslag waar u recht op hebt",
                                      "De zorgtoeslag waar u deze maand echt recht op hebt, "
                                      "berekend met het inkomen dat u dit jaar echt verdient."},
    [SW_ITEM_ZORGTOESLAG_PAID] = {"zorgtoeslag betaald",
                                  "Het voorschot zorgtoeslag dat de Dienst Toeslagen deze maand "
                                  "op uw rekening zet. Het is gebaseerd op het inkomen dat de "
                                  "Dienst Toeslagen van u kent."},
    [SW_ITEM_HUURTOESLAG_ENTITLED] = {"huurtoeslag waar u recht op hebt",
                                      "De huurtoeslag waar u deze maand echt recht op hebt, "
                                      "berekend met het inkomen dat u dit jaar echt verdient."},
    [SW_ITEM_HUURTOESLAG_PAID] = {"huurtoeslag betaald",
                                  "Het voorschot huurtoeslag dat de Dienst Toeslagen deze maand "
                                  "op uw rekening zet. Het is gebaseerd op het inkomen dat de "
                                  "Dienst Toeslagen van u kent."},
    [SW_ITEM_WMO_EIGEN_BIJDRAGE] = {"eigen bijdrage Wmo",
                                    "Wat u deze maand aan het CAK betaalt voor de dagbesteding."},
    [SW_ITEM_RECOVERY_COLLECTED] = {"terugbetaald",
                                    "Geld dat u deze maand terugbetaalt, omdat u eerder te veel "
                                    "kreeg."},
    [SW_ITEM_RECEIVED] = {"ontvangen",
                          "Wat er deze maand op uw rekening komt, min wat u deze maand "
                          "terugbetaalt."},
    [SW_ITEM_SET_ASIDE] = {"apart zetten",
                           "Geld dat u deze maand krijgt maar niet moet uitgeven, omdat het "
                           "later wordt teruggevraagd."},
    [SW_ITEM_SAFE_TO_SPEND] = {"veilig te besteden",
                               "Wat u deze maand echt kunt uitgeven: wat u ontvangt, min wat u "
                               "apart moet zetten, plus het geld dat u eerder apart zette en nu "
                               "gebruikt om terug te betalen."},
    [SW_ITEM_LKS] = {"loonkostensubsidie",
                     "De subsidie die uw werkgever van de gemeente krijgt, omdat u (nog) niet "
                     "het volle loon kunt verdienen. Dit geld gaat naar de werkgever, niet "
                     "naar u."},
    [SW_ITEM_BIJSTAND_RESERVE] = {"vakantiegeld van de bijstand gespaard",
                                  "Het deel van uw bijstand dat de gemeente deze maand als "
                                  "vakantiegeld voor u spaart."},
    [SW_ITEM_RESERVE_RELEASED] = {"apart gezet geld gebruikt",
                                  "Geld dat u eerder apart zette en deze maand gebruikt om iets "
                                  "terug te betalen."},
    [SW_ITEM_WW_GROSS] = {"WW bruto",
                          "De WW-uitkering van het UWV na het einde van de baan, voordat er "
                          "belasting af gaat."},
    [SW_ITEM_WW_NET] = {"WW netto",
                        "De WW-uitkering die op uw rekening komt: WW bruto min loonheffing."},
    [SW_ITEM_PARTNER_GROSS] = {"bruto inkomen partner",
                               "Het loon of de uitkering van uw partner, voordat er belasting "
                               "af gaat. Het telt mee voor de toeslagen (samen met uw eigen "
                               "inkomen)."},
    [SW_ITEM_PARTNER_NET] = {"netto inkomen partner",
                             "Wat uw partner deze maand zelf ontvangt van de werkgever of "
                             "uitkeringsinstantie. De gemeente telt het mee bij de bijstand "
                             "van u samen (artikel 32 Participatiewet)."},
    [SW_ITEM_PARTNER_VRIJLATING] = {"vrijlating partner",
                                    "Het deel van het nettoloon van uw partner dat de gemeente "
                                    "niet van de bijstand aftrekt (artikel 31 lid 2 "
                                    "Participatiewet). Uw partner heeft een eigen vrijlating."},
    [SW_ITEM_KINDERBIJSLAG] = {"kinderbijslag",
                               "De kinderbijslag van de SVB. U krijgt die per kwartaal, na "
                               "afloop van het kwartaal. Het bedrag hangt af van de leeftijd "
                               "van uw kind. De gemeente telt het niet mee bij de bijstand."},
    [SW_ITEM_KGB_ENTITLED] = {"kindgebonden budget waar u recht op hebt",
                              "Het kindgebonden budget waar u deze maand echt recht op hebt, "
                              "berekend met het inkomen dat u dit jaar echt verdient. Zonder "
                              "partner zit de extra bijdrage voor alleenstaande ouders erin."},
    [SW_ITEM_KGB_PAID] = {"kindgebonden budget betaald",
                          "Het voorschot kindgebonden budget dat de Dienst Toeslagen deze "
                          "maand op uw rekening zet. Het is gebaseerd op het inkomen dat de "
                          "Dienst Toeslagen van u kent."},
    [SW_ITEM_IACK] = {"combinatiekorting terug",
                      "Werkt u en hebt u een kind onder de 12? Dan krijgt u na het jaar met de "
                      "aanslag inkomstenbelasting de inkomensafhankelijke combinatiekorting "
                      "terug. Dit is een schatting: niet meer dan de belasting die van uw loon "
                      "is ingehouden. Kreeg u dat jaar ook bijstand? Dan telt een deel mee als "
                      "inkomen en vraagt de gemeente dat terug."},
    [SW_ITEM_YEAR_END_BONUS] = {"eindejaarsuitkering",
                                "De eindejaarsuitkering of dertiende maand die uw werkgever "
                                "deze maand uitbetaalt, voordat er belasting af gaat."},
    [SW_ITEM_COUNTED_INCOME] = {"loon dat voor de bijstand telt",
                                "Het nettoloon dat de gemeente voor de bijstand van deze maand "
                                "meetelt: het loon van de loonstroken van deze maand. Dat kan "
                                "ander geld zijn dan wat deze maand binnenkomt, bijvoorbeeld "
                                "als u pas de volgende maand wordt betaald."},
    [SW_ITEM_IIT] = {"individuele inkomenstoeslag",
                     "Een bedrag dat de gemeente één keer per jaar geeft als u al jaren een "
                     "laag inkomen hebt. U krijgt het alleen als uw inkomen de hele wachttijd "
                     "niet boven de grens van de gemeente kwam. Wij rekenen met een aanvraag "
                     "in de eerste maand van het overzicht en daarna elk jaar."},
    [SW_ITEM_KWIJTSCHELDING] = {"kwijtschelding gemeentelijke belastingen",
                                "De gemeentelijke belastingen (afval, riool) die u niet hoeft "
                                "te betalen zolang uw inkomen laag is: een twaalfde van het "
                                "jaarbedrag per maand."},
    [SW_ITEM_LOKALE_PAS] = {"lokale pas of meedoenregeling",
                            "Wat de pas of de meedoenregeling van de gemeente waard is: een "
                            "twaalfde van het bedrag per jaar, zolang uw inkomen niet boven "
                            "de grens komt."},
    [SW_ITEM_GEMEENTEPOLIS] = {"korting collectieve zorgverzekering",
                               "Wat de gemeente per maand meebetaalt aan uw zorgpremie als u "
                               "meedoet met de collectieve zorgverzekering (gemeentepolis). "
                               "Komt uw inkomen boven de grens, dan betaalt u dit zelf."},
    [SW_ITEM_ARMOEDEVAL] = {"armoedeval",
                            "Wat u zonder de baan deze maand wel van de gemeente zou krijgen "
                            "en nu niet, omdat uw inkomen boven de grens van de gemeente komt. "
                            "De gemeente kijkt naar uw netto inkomen van de maand zonder "
                            "vakantiegeld: loon, WW, inkomen van uw partner en bijstand. "
                            "Toeslagen en kinderbijslag tellen niet mee."},
    [SW_ITEM_WAJONG_ENTITLED] = {"Wajong waar u recht op hebt",
                                 "De Wajong (bruto) waar u deze maand echt recht op hebt. "
                                 "Zonder werk is dat een vast deel van het minimumloon. Werkt "
                                 "u, dan gaat er een deel van uw brutoloon af. Welk deel, staat "
                                 "hieronder bij de bedragen uit de tabellen."},
    [SW_ITEM_WAJONG_GROSS] = {"Wajong bruto betaald",
                              "De Wajong die UWV deze maand betaalt, voordat er belasting af "
                              "gaat. Werkt u, dan is het eerst een voorschot op het loon dat "
                              "UWV verwacht. Na een paar maanden rekent UWV het af met uw echte "
                              "loon: krijgt u te weinig, dan betaalt UWV bij."},
    [SW_ITEM_WAJONG_NET] = {"Wajong netto",
                            "De Wajong die op uw rekening komt: Wajong bruto plus vakantiegeld, "
                            "min loonheffing."},
    [SW_ITEM_WAJONG_HOLIDAY_PAY] = {"vakantiegeld van de Wajong",
                                    "Het vakantiegeld dat UWV in mei bij de Wajong betaalt, "
                                    "voordat er belasting af gaat: een vast deel van de Wajong van "
                                    "de twaalf maanden ervoor. Welk deel, staat hieronder bij de "
                                    "bedragen uit de tabellen."},
    [SW_ITEM_DEBT_FREE] = {"wat u van uw inkomen mag houden",
                           "Hebt u schulden met beslag op uw loon of uitkering? Dan is dit de "
                           "beslagvrije voet: het deel van uw inkomen waar de deurwaarder "
                           "niet aan mag komen. Zit u in de schuldsanering (Wsnp)? Dan is dit "
                           "het vrij te laten bedrag. Het is een deel van de bijstandsnorm. "
                           "Verdient u meer dan de bijstand en krijgt u daardoor minder "
                           "toeslagen? Dan wordt het bedrag hoger."},
    [SW_ITEM_DEBT_TAKEN] = {"ingehouden voor schulden",
                            "Het deel van uw loon, WW of bijstand boven de beslagvrije voet "
                            "(of boven het vrij te laten bedrag in de schuldsanering). Dat "
                            "geld gaat naar de deurwaarder of de bewindvoerder en komt niet "
                            "op uw rekening. Toeslagen, kinderbijslag en kindgebonden budget "
                            "blijven van u."},
    [SW_ITEM_TOESLAGEN_NABETALING] = {"nabetaling toeslagen",
                                      "Na afloop van een jaar berekent de Dienst Toeslagen uw "
                                      "toeslag opnieuw, met uw echte inkomen van dat jaar. Is "
                                      "dat bedrag hoger dan de voorschotten die u kreeg? Dan "
                                      "krijgt u het verschil erbij. Dit is dat geld."},
};

/* What each figure is built from in the engine; sign +1/-1 marks the terms of a
 * plain sum (received, safe to spend), 0 a figure used in the calculation. */
struct part {
    enum sw_item item;
    int sign;
};

struct part_list {
    enum sw_item item;
    struct part parts[EXPLAIN_MAX_PARTS];
    size_t n;
};

static const struct part_list part_lists[] = {
    {SW_ITEM_HOLIDAY_PAY, {{SW_ITEM_GROSS_WAGE, 0}}, 1},
    {SW_ITEM_LOONHEFFING, {{SW_ITEM_GROSS_WAGE, 0}, {SW_ITEM_HOLIDAY_PAY, 0}}, 2},
    {SW_ITEM_NET_WAGE,
     {{SW_ITEM_GROSS_WAGE, 1}, {SW_ITEM_HOLIDAY_PAY, 1}, {SW_ITEM_YEAR_END_BONUS, 1},
      {SW_ITEM_LOONHEFFING, -1}},
     4},
    {SW_ITEM_YEAR_END_BONUS, {{SW_ITEM_GROSS_WAGE, 0}}, 1},
    {SW_ITEM_VRIJLATING, {{SW_ITEM_COUNTED_INCOME, 0}}, 1},
    {SW_ITEM_BIJSTAND_ENTITLED,
     {{SW_ITEM_BIJSTAND_NORM, 0}, {SW_ITEM_COUNTED_INCOME, 0}, {SW_ITEM_VRIJLATING, 0},
      {SW_ITEM_WW_NET, 0}, {SW_ITEM_WAJONG_NET, 0}, {SW_ITEM_PARTNER_NET, 0},
      {SW_ITEM_PARTNER_VRIJLATING, 0}},
     7},
    {SW_ITEM_PARTNER_NET, {{SW_ITEM_PARTNER_GROSS, 0}}, 1},
    {SW_ITEM_PARTNER_VRIJLATING, {{SW_ITEM_PARTNER_NET, 0}}, 1},
    {SW_ITEM_BIJSTAND_PAID, {{SW_ITEM_BIJSTAND_ENTITLED, 0}, {SW_ITEM_COUNTED_INCOME, 0}}, 2},
    {SW_ITEM_BIJSTAND_RESERVE, {{SW_ITEM_BIJSTAND_ENTITLED, 0}}, 1},
    {SW_ITEM_ZORGTOESLAG_PAID, {{SW_ITEM_ZORGTOESLAG_ENTITLED, 0}}, 1},
    {SW_ITEM_HUURTOESLAG_PAID, {{SW_ITEM_HUURTOESLAG_ENTITLED, 0}}, 1},
    {SW_ITEM_KGB_PAID, {{SW_ITEM_KGB_ENTITLED, 0}}, 1},
    {SW_ITEM_WW_NET, {{SW_ITEM_WW_GROSS, 1}}, 1},
    {SW_ITEM_WAJONG_ENTITLED,
     {{SW_ITEM_GROSS_WAGE, 0}, {SW_ITEM_HOLIDAY_PAY, 0}, {SW_ITEM_YEAR_END_BONUS, 0},
      {SW_ITEM_WW_GROSS, 0}},
     4},
    {SW_ITEM_WAJONG_GROSS, {{SW_ITEM_WAJONG_ENTITLED, 0}}, 1},
    {SW_ITEM_WAJONG_NET, {{SW_ITEM_WAJONG_GROSS, 0}, {SW_ITEM_WAJONG_HOLIDAY_PAY, 0}}, 2},
    {SW_ITEM_WAJONG_HOLIDAY_PAY, {{SW_ITEM_WAJONG_ENTITLED, 0}}, 1},
    {SW_ITEM_LKS, {{SW_ITEM_GROSS_WAGE, 0}}, 1},
    {SW_ITEM_DEBT_FREE, {{SW_ITEM_BIJSTAND_NORM, 0}}, 1},
    {SW_ITEM_DEBT_TAKEN,
     {{SW_ITEM_NET_WAGE, 0}, {SW_ITEM_WW_NET, 0}, {SW_ITEM_BIJSTAND_PAID, 0},
      {SW_ITEM_BIJSTAND_HOLIDAY_PAID, 0}, {SW_ITEM_DEBT_FREE, 0}},
     5},
    {SW_ITEM_RECEIVED,
     {{SW_ITEM_NET_WAGE, 1},
      {SW_ITEM_WW_NET, 1},
      {SW_ITEM_WAJONG_NET, 1},
      {SW_ITEM_PARTNER_NET, 1},
      {SW_ITEM_BIJSTAND_PAID, 1},
      {SW_ITEM_BIJSTAND_HOLIDAY_PAID, 1},
      {SW_ITEM_ZORGTOESLAG_PAID, 1},
      {SW_ITEM_HUURTOESLAG_PAID, 1},
      {SW_ITEM_TOESLAGEN_NABETALING, 1},
      {SW_ITEM_KINDERBIJSLAG, 1},
      {SW_ITEM_KGB_PAID, 1},
      {SW_ITEM_IACK, 1},
      {SW_ITEM_IIT, 1},
      {SW_ITEM_KWIJTSCHELDING, 1},
      {SW_ITEM_LOKALE_PAS, 1},
      {SW_ITEM_GEMEENTEPOLIS, 1},
      {SW_ITEM_WMO_EIGEN_BIJDRAGE, -1},
      {SW_ITEM_RECOVERY_COLLECTED, -1},
      {SW_ITEM_DEBT_TAKEN, -1}},
     19},
    {SW_ITEM_ARMOEDEVAL,
     {{SW_ITEM_COUNTED_INCOME, 0}, {SW_ITEM_BIJSTAND_ENTITLED, 0}, {SW_ITEM_BIJSTAND_NORM, 0}},
     3},
    {SW_ITEM_SAFE_TO_SPEND,
     {{SW_ITEM_RECEIVED, 1}, {SW_ITEM_SET_ASIDE, -1}, {SW_ITEM_RESERVE_RELEASED, 1}},
     3},
};

static const struct part_list *find_parts(enum sw_item item)
{
    for (size_t k = 0; k < sizeof(part_lists) / sizeof(part_lists[0]); k++)
        if (part_lists[k].item == item)
            return &part_lists[k];
    return NULL;
}

/* The figure is the plain sum of its parts (the signs), as the engine adds them. */
static bool is_sum(const struct part_list *pl)
{
    return pl && pl->n > 0 && pl->parts[0].sign != 0;
}

const char *explain_item_label(enum sw_item item)
{
    if ((unsigned)item < SW_ITEM__COUNT && item_texts[item].label)
        return item_texts[item].label;
    return sw_item_name(item);
}

size_t explain_parts(enum sw_item item, enum sw_item *out, size_t max)
{
    const struct part_list *pl = find_parts(item);

    if (!pl)
        return 0;
    for (size_t k = 0; k < pl->n && k < max; k++)
        out[k] = pl->parts[k].item;
    return pl->n;
}

/* --- Dutch notation --- */

/* A percentage in ppm with a decimal comma: "37,56 %". */
static void percent_nl(char *buf, size_t size, int64_t ppm)
{
    char t[40];

    sw_rate_format_nl(t, sizeof(t), ppm);
    snprintf(buf, size, "%.30s %%", t);
}

/* A count with its unit word, singular or plural. */
static void count_nl(char *buf, size_t size, int64_t n, const char *one, const char *more)
{
    snprintf(buf, size, "%lld %s", (long long)n, n == 1 || n == -1 ? one : more);
}

/* A value in its table unit, for people. */
static void value_nl(char *buf, size_t size, int64_t v, enum sw_unit unit)
{
    switch (unit) {
    case SW_UNIT_EUROCENT: sw_money_format_nl(buf, size, v); break;
    case SW_UNIT_PERCENT: percent_nl(buf, size, v); break;
    case SW_UNIT_HOURS:
        if (v % 100 == 0)
            snprintf(buf, size, "%lld uur", (long long)(v / 100));
        else
            snprintf(buf, size, "%lld,%02lld uur", (long long)(v / 100),
                     (long long)((v < 0 ? -v : v) % 100));
        break;
    case SW_UNIT_DAYS: count_nl(buf, size, v, "dag", "dagen"); break;
    case SW_UNIT_WEEKS: count_nl(buf, size, v, "week", "weken"); break;
    case SW_UNIT_MONTHS: count_nl(buf, size, v, "maand", "maanden"); break;
    case SW_UNIT_YEARS: snprintf(buf, size, "%lld jaar", (long long)v); break;
    case SW_UNIT_DAY_OF_MONTH: snprintf(buf, size, "dag %lld van de maand", (long long)v); break;
    case SW_UNIT_MONTH_OF_YEAR:
        if (v >= 1 && v <= 12)
            snprintf(buf, size, "%s", sw_month_name_nl((int)v));
        else
            snprintf(buf, size, "maand %lld", (long long)v);
        break;
    case SW_UNIT_BOOL: snprintf(buf, size, "%s", v ? "ja" : "nee"); break;
    case SW_UNIT_SETTLEMENT: {
        static const char *const nl[] = {"verrekenen op de maand", "achteraf verrekenen",
                                         "schatten", "voorschot, de volgende maand verrekend"};
        snprintf(buf, size, "%s", v >= 0 && v < SW_SETTLEMENT__COUNT ? nl[v] : "?");
        break;
    }
    default: snprintf(buf, size, "%lld", (long long)v); break;
    }
}

static void indent(FILE *f, int level)
{
    for (int k = 0; k < level; k++)
        fputs("    ", f);
}

static int64_t item_value(const struct sw_run *run, int i, enum sw_item item)
{
    return run->rows[i].v[item];
}

static const struct sw_trace *item_trace(const struct sw_run *run, int i, enum sw_item item)
{
    return run->rows[i].trace ? &run->rows[i].trace[item] : NULL;
}

static bool trace_empty(const struct sw_trace *tr)
{
    return !tr || ((!tr->rule || !tr->rule[0]) && !tr->formula[0] && tr->nparams == 0 &&
                   tr->ninputs == 0);
}

/* A figure of zero that no rule produced this month says nothing as a part. */
static bool part_silent(const struct sw_run *run, int i, enum sw_item item)
{
    const struct sw_trace *tr = item_trace(run, i, item);

    return item_value(run, i, item) == 0 && (!tr || ((!tr->rule || !tr->rule[0]) &&
                                                     !tr->formula[0]));
}

/* What has been written already: each figure once, each table value in full
 * once. */
#define EXPLAIN_MAX_SHOWN 96
struct shown {
    bool items[SW_ITEM__COUNT];
    const struct sw_value_info *params[EXPLAIN_MAX_SHOWN];
    size_t nparams;
};

/* true (and remembered) when the value was not written in full before. */
static bool first_time(struct shown *sh, const struct sw_value_info *p)
{
    for (size_t k = 0; k < sh->nparams; k++)
        if (strcmp(sh->params[k]->id, p->id) == 0 && sh->params[k]->from == p->from &&
            sh->params[k]->overridden == p->overridden)
            return false;
    if (sh->nparams < EXPLAIN_MAX_SHOWN)
        sh->params[sh->nparams++] = p;
    return true;
}

static void render_param(FILE *f, int level, const struct sw_value_info *p, struct shown *sh)
{
    char v[64], d[40];

    if (!first_time(sh, p)) {
        indent(f, level);
        if (p->is_scale) {
            fprintf(f, "  - %s (zie hierboven)\n", p->id);
        } else {
            value_nl(v, sizeof(v), p->amount, p->unit);
            fprintf(f, "  - %s: %s (zie hierboven)\n", p->id, v);
        }
        return;
    }
    indent(f, level);
    if (p->is_scale) {
        fprintf(f, "  - %s: een tabel met %zu schijven", p->id, p->nbrackets);
    } else {
        value_nl(v, sizeof(v), p->amount, p->unit);
        fprintf(f, "  - %s: %s", p->id, v);
    }
    if (p->overridden) {
        fputs(" (door u opgegeven)", f);
    } else {
        sw_date_nl(d, sizeof(d), p->from);
        fprintf(f, ", geldt vanaf %s", d);
    }
    if (p->projected)
        fputs(" (nog niet gepubliceerd: de laatste bekende waarde is doorgetrokken)", f);
    else if (p->provisional)
        fputs(" (voorlopig: nog niet officieel bevestigd)", f);
    fputc('\n', f);
    for (size_t b = 0; p->is_scale && b < p->nbrackets; b++) {
        char th[40], rate[40], base[40];
        const struct sw_bracket *br = &p->brackets[b];
        sw_money_format_nl(th, sizeof(th), br->threshold);
        percent_nl(rate, sizeof(rate), br->rate);
        indent(f, level);
        if (p->kind == SW_SCALE_PIECEWISE) {
            sw_money_format_nl(base, sizeof(base), br->base);
            fprintf(f, "      vanaf %s: %s plus %s van het deel daarboven\n", th, base, rate);
        } else {
            fprintf(f, "      vanaf %s: %s\n", th, rate);
        }
    }
    if (p->description && p->description[0]) {
        indent(f, level);
        fprintf(f, "      wat: %s\n", p->description);
    }
    if (!p->overridden && p->source && p->source[0]) {
        indent(f, level);
        fprintf(f, "      bron: %s\n", p->source);
    }
    if (!p->overridden && p->url && p->url[0]) {
        indent(f, level);
        fprintf(f, "      link: %s\n", p->url);
    }
}

static void render_trace(FILE *f, int level, const struct sw_trace *tr, struct shown *sh)
{
    char v[64];

    if (tr->rule && tr->rule[0]) {
        indent(f, level);
        fprintf(f, "Wet en regel: %s\n", tr->rule);
    }
    if (tr->formula[0]) {
        indent(f, level);
        fprintf(f, "Zo is het berekend: %s\n", tr->formula);
    }
    if (tr->ninputs) {
        indent(f, level);
        fputs("Ingevuld:\n", f);
        for (size_t k = 0; k < tr->ninputs; k++) {
            value_nl(v, sizeof(v), tr->inputs[k].value, tr->inputs[k].unit);
            indent(f, level);
            fprintf(f, "  - %s: %s\n", tr->inputs[k].name, v);
        }
    }
    if (tr->nparams) {
        indent(f, level);
        fputs("Bedragen en regels uit de tabellen:\n", f);
        for (size_t k = 0; k < tr->nparams; k++)
            render_param(f, level, &tr->params[k], sh);
    }
    if (tr->incomplete) {
        indent(f, level);
        fputs(SW_TRACE_INCOMPLETE_NL "\n", f);
    }
}

/* received and safe_to_spend: the sum, term by term, from the month's figures. */
static void render_sum(FILE *f, int level, const struct sw_run *run, int i,
                       const struct part_list *pl, enum sw_item item)
{
    int64_t sum = 0;
    char v[48];

    indent(f, level);
    fputs("Zo is het opgeteld:\n", f);
    for (size_t k = 0; k < pl->n; k++) {
        int64_t x = item_value(run, i, pl->parts[k].item);
        sum += pl->parts[k].sign * x;
        if (x == 0)
            continue;
        sw_money_format_nl(v, sizeof(v), x);
        indent(f, level);
        fprintf(f, "  %s %s: %s\n", pl->parts[k].sign > 0 ? "+" : "-",
                explain_item_label(pl->parts[k].item), v);
    }
    sw_money_format_nl(v, sizeof(v), item_value(run, i, item));
    indent(f, level);
    fprintf(f, "  = %s: %s\n", explain_item_label(item), v);
    if (sum != item_value(run, i, item)) {
        /* Only when the engine adds a term this module does not know yet. */
        indent(f, level);
        fputs("  (de optelling hierboven is niet volledig)\n", f);
    }
}

/* A recovery's period for people: "2026-04" -> "april 2026", "2026" stays. */
static void period_nl(char *buf, size_t size, const char *period)
{
    sw_month m;

    if (strlen(period) == 7 && sw_month_parse(&m, period, NULL, NULL) == SW_OK)
        sw_month_nl(buf, size, m);
    else
        snprintf(buf, size, "%s", period);
}

/* The recoveries behind set_aside, recovery_collected and reserve_released. */
static void render_recoveries(FILE *f, int level, const struct sw_timeline *tl, bool baseline,
                              sw_month m, enum sw_item item)
{
    bool any = false;

    if (baseline)
        return;
    for (size_t k = 0; k < tl->n_recoveries; k++) {
        const struct sw_recovery *r = &tl->recoveries[k];
        char a[40], e[32], c[32], s[32], per[32];
        bool hit = item == SW_ITEM_SET_ASIDE ? r->caused == m : r->collected == m;
        if (!hit)
            continue;
        if (!any) {
            indent(f, level);
            fputs(item == SW_ITEM_SET_ASIDE ? "Dit geld wordt later teruggevraagd:\n"
                                            : "Dit wordt terugbetaald:\n",
                  f);
            any = true;
        }
        sw_money_format_nl(a, sizeof(a), r->amount);
        period_nl(per, sizeof(per), r->for_period);
        sw_month_nl(e, sizeof(e), r->expected);
        sw_month_nl(c, sizeof(c), r->collected);
        sw_month_nl(s, sizeof(s), r->caused);
        indent(f, level);
        fprintf(f, "  - %s: %s te veel ontvangen over %s; apart zetten vanaf %s, brief in %s, "
                   "terugbetalen in %s.\n",
                render_recovery_nl(r->kind), a, per, s, e, c);
        if (r->avoidable_by[0]) {
            indent(f, level);
            fprintf(f, "    Zo voorkomt u het: %s\n", r->avoidable_by);
        }
    }
    /* In-month set-asides without a letter: bijstand paid in advance beyond the
     * entitlement, set off against a later month. */
    if (!any && item == SW_ITEM_SET_ASIDE) {
        indent(f, level);
        fputs("U krijgt deze maand meer dan waar u recht op hebt. De gemeente of de Dienst "
              "Toeslagen haalt dat later weer af.\n",
              f);
    }
}

/* One figure: its value, the trace, and then (depth permitting) what it is
 * built on. `sh` keeps each figure and table value to one full appearance. */
static void render_item(FILE *f, const struct sw_timeline *tl, bool baseline, int i,
                        enum sw_item item, int level, struct shown *sh)
{
    const struct sw_run *run = baseline ? &tl->baseline : &tl->scenario;
    const struct sw_trace *tr = item_trace(run, i, item);
    const struct part_list *pl = find_parts(item);
    int64_t value = item_value(run, i, item);
    char v[48];
    char label[64];
    bool sub_header = false;

    sh->items[item] = true;
    sw_money_format_nl(v, sizeof(v), value);
    if (level > 0) {
        snprintf(label, sizeof(label), "%s", explain_item_label(item));
        if (label[0] >= 'a' && label[0] <= 'z')
            label[0] = (char)(label[0] - 'a' + 'A');
        indent(f, level);
        fprintf(f, "%s: %s\n", label, v);
        indent(f, level);
        fprintf(f, "%s\n", item_texts[item].what ? item_texts[item].what : "");
    }
    if (is_sum(pl))
        render_sum(f, level, run, i, pl, item);
    if (tr && !trace_empty(tr))
        render_trace(f, level, tr, sh);
    else if (value == 0 && !is_sum(pl)) {
        indent(f, level);
        fputs("Deze maand is dit € 0,00: de regel hiervoor speelt in deze maand niet.\n", f);
    } else if (!tr && !is_sum(pl)) {
        indent(f, level);
        fputs("(De berekening is niet bewaard: maak de berekening opnieuw met uitleg.)\n", f);
    }
    if (item == SW_ITEM_SET_ASIDE || item == SW_ITEM_RECOVERY_COLLECTED ||
        item == SW_ITEM_RESERVE_RELEASED) {
        if (value != 0)
            render_recoveries(f, level, tl, baseline, run->rows[i].month, item);
    }
    if (!pl || level >= EXPLAIN_MAX_DEPTH)
        return;
    for (size_t k = 0; k < pl->n; k++) {
        enum sw_item p = pl->parts[k].item;
        if (sh->items[p])
            continue;
        if (part_silent(run, i, p))
            continue;
        if (!sub_header) {
            fputc('\n', f);
            indent(f, level);
            fputs(level == 0 ? "Dit bedrag is gebaseerd op:\n" : "Dit is gebaseerd op:\n", f);
            sub_header = true;
        }
        fputc('\n', f);
        render_item(f, tl, baseline, i, p, level + 1, sh);
    }
}

void explain_render(FILE *f, const struct sw_timeline *tl, bool baseline, int i,
                    enum sw_item item)
{
    static const char *const status_nl[] = {
        "u hebt bijstand",
        "u werkt op proef (zonder loon); uw bijstand loopt door",
        "u werkt",
        "uw baan is gestopt; u krijgt weer een uitkering"};
    const struct sw_run *run = baseline ? &tl->baseline : &tl->scenario;
    const struct sw_month_row *row = &run->rows[i];
    struct shown sh;
    char m[32], v[48], label[64];

    sw_month_nl(m, sizeof(m), row->month);
    sw_money_format_nl(v, sizeof(v), row->v[item]);
    snprintf(label, sizeof(label), "%s", explain_item_label(item));
    if (label[0] >= 'a' && label[0] <= 'z')
        label[0] = (char)(label[0] - 'a' + 'A');
    fprintf(f, "%s in %s: %s\n", label, m, v);
    fprintf(f, "%s\n", baseline ? "Berekening als u in de bijstand blijft (en niet gaat werken)."
                                : "Berekening als u de baan aanneemt.");
    if ((unsigned)row->status < sizeof(status_nl) / sizeof(status_nl[0]))
        fprintf(f, "In %s: %s.\n", m, status_nl[row->status]);
    fputc('\n', f);
    if (item_texts[item].what)
        fprintf(f, "%s\n\n", item_texts[item].what);
    memset(&sh, 0, sizeof(sh));
    render_item(f, tl, baseline, i, item, 0, &sh);
    fprintf(f, "\nTabellen: versie %s, sha256 %s\n", tl->tables_version, tl->tables_sha256);
}

char *explain_text(const struct sw_timeline *tl, bool baseline, int i, enum sw_item item)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    if (!f)
        return NULL;
    explain_render(f, tl, baseline, i, item);
    if (ferror(f)) {
        fclose(f);
        free(buf);
        return NULL;
    }
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static cJSON *trace_or_empty(const struct sw_run *run, int i, enum sw_item item)
{
    static const struct sw_trace empty;
    const struct sw_trace *tr = item_trace(run, i, item);

    return sw_trace_json(tr ? tr : &empty);
}

/* Every figure below `item`, each once, in the order the text shows them. */
static void collect_parts(enum sw_item item, int level, bool *seen, enum sw_item *out,
                          size_t *n, const struct sw_run *run, int i)
{
    const struct part_list *pl = find_parts(item);

    seen[item] = true;
    if (!pl || level >= EXPLAIN_MAX_DEPTH)
        return;
    for (size_t k = 0; k < pl->n; k++) {
        enum sw_item p = pl->parts[k].item;
        if (seen[p])
            continue;
        if (part_silent(run, i, p))
            continue;
        out[(*n)++] = p;
        collect_parts(p, level + 1, seen, out, n, run, i);
    }
}

cJSON *explain_json(const struct sw_timeline *tl, bool baseline, int i, enum sw_item item)
{
    const struct sw_run *run = baseline ? &tl->baseline : &tl->scenario;
    cJSON *o = cJSON_CreateObject(), *parts, *tj;
    bool seen[SW_ITEM__COUNT] = {false};
    enum sw_item list[SW_ITEM__COUNT];
    size_t n = 0;
    char m[16], *text;

    if (!o)
        return NULL;
    sw_month_format(m, sizeof(m), run->rows[i].month);
    if (!cJSON_AddStringToObject(o, "month", m) ||
        !cJSON_AddStringToObject(o, "item", sw_item_name(item)) ||
        !sw_json_add_cents(o, "value", run->rows[i].v[item]) ||
        !cJSON_AddStringToObject(o, "run", baseline ? "baseline" : "scenario") ||
        !cJSON_AddStringToObject(o, "label", explain_item_label(item)))
        goto fail;
    text = explain_text(tl, baseline, i, item);
    if (!text)
        goto fail;
    tj = cJSON_AddStringToObject(o, "text", text);
    free(text);
    if (!tj)
        goto fail;
    tj = trace_or_empty(run, i, item);
    if (!tj)
        goto fail;
    cJSON_AddItemToObject(o, "trace", tj);
    parts = cJSON_AddArrayToObject(o, "parts");
    if (!parts)
        goto fail;
    collect_parts(item, 0, seen, list, &n, run, i);
    for (size_t k = 0; k < n; k++) {
        cJSON *p = cJSON_CreateObject();
        if (!p)
            goto fail;
        cJSON_AddItemToArray(parts, p);
        tj = trace_or_empty(run, i, list[k]);
        if (!tj || !cJSON_AddStringToObject(p, "item", sw_item_name(list[k])) ||
            !cJSON_AddStringToObject(p, "label", explain_item_label(list[k])) ||
            !sw_json_add_cents(p, "value", run->rows[i].v[list[k]])) {
            cJSON_Delete(tj);
            goto fail;
        }
        cJSON_AddItemToObject(p, "trace", tj);
    }
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}
