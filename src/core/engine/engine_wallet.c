/* engine_wallet.c - what lands in the account each month, what to set aside for
 * the recoveries still to come and what is safe to spend, once every other item
 * of the run is in; and the run's totals. */
#include <string.h>

#include "engine_impl.h"

/* Two items at a time (GCC's vector extension; one SSE2 addition each): the
 * totals are most of the wallet's work, and the compiler does not vectorise
 * the plain loop over an odd number of items at -O2. Integer additions, in any
 * grouping the same sums. */
typedef int64_t item_pair __attribute__((vector_size(2 * sizeof(int64_t))));
enum { ITEM_PAIRS = SW_ITEM__COUNT / 2 };

/* Items 2k and 2k + 1 of row i. */
static item_pair pair_at(const struct sw_run *run, int i, int k)
{
    item_pair x;

    memcpy(&x, run->rows[i].v + 2 * k, sizeof(x)); /* the items need not be aligned */
    return x;
}

enum { ITEM_PAIRS_BY_3 = ITEM_PAIRS - ITEM_PAIRS % 3 }; /* structural: 3 pairs a step */

static void totals(struct sw_run *run)
{
    /* Three pairs at a time down the rows (one pass of the loop for three
     * additions): the sums stay in registers. */
    for (int k = 0; k < ITEM_PAIRS_BY_3; k += 3) { /* structural: 3 pairs a step */
        item_pair t0 = {0, 0}, t1 = {0, 0}, t2 = {0, 0};
        for (int i = 0; i < run->n; i++) {
            t0 += pair_at(run, i, k);
            t1 += pair_at(run, i, k + 1);
            t2 += pair_at(run, i, k + 2);
        }
        memcpy(run->totals + 2 * k, &t0, sizeof(t0));
        memcpy(run->totals + 2 * k + 2, &t1, sizeof(t1));
        memcpy(run->totals + 2 * k + 4, &t2, sizeof(t2)); /* structural: the third pair */
    }
    for (int k = ITEM_PAIRS_BY_3; k < ITEM_PAIRS; k++) {
        item_pair t = {0, 0};
        for (int i = 0; i < run->n; i++)
            t += pair_at(run, i, k);
        memcpy(run->totals + 2 * k, &t, sizeof(t));
    }
    if (SW_ITEM__COUNT % 2) {
        int64_t odd = 0;
        for (int i = 0; i < run->n; i++)
            odd += run->rows[i].v[SW_ITEM__COUNT - 1];
        run->totals[SW_ITEM__COUNT - 1] = odd;
    }
}

/* What the municipality's minimaregelingen are worth in the month
 * (engine_lokaal.c): money paid (IIT) or money that need not be spent. */
static int64_t local_value(const int64_t *v)
{
    return v[SW_ITEM_IIT] + v[SW_ITEM_KWIJTSCHELDING] + v[SW_ITEM_LOKALE_PAS] +
           v[SW_ITEM_GEMEENTEPOLIS];
}

/* Received, set aside and safe to spend per month; then the totals (not in the
 * steady run, whose totals nothing reads). */
void eng_wallet(struct eng_run *r)
{
    /* A resumed run: the months before r->from are in. */
    for (int i = r->from; i < r->run->n; i++) {
        int64_t *v = r->run->rows[i].v;

        v[SW_ITEM_RECEIVED] = v[SW_ITEM_NET_WAGE] + v[SW_ITEM_WW_NET] + v[SW_ITEM_WAJONG_NET] +
                              v[SW_ITEM_PARTNER_NET] +
                              v[SW_ITEM_BIJSTAND_PAID] +
                              v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] +
                              v[SW_ITEM_ZORGTOESLAG_PAID] + v[SW_ITEM_HUURTOESLAG_PAID] +
                              v[SW_ITEM_TOESLAGEN_NABETALING] + v[SW_ITEM_KINDERBIJSLAG] + v[SW_ITEM_KGB_PAID] + v[SW_ITEM_IACK] +
                              local_value(v) -
                              v[SW_ITEM_WMO_EIGEN_BIJDRAGE] - v[SW_ITEM_RECOVERY_COLLECTED] -
                              v[SW_ITEM_DEBT_TAKEN];
        v[SW_ITEM_SAFE_TO_SPEND] = v[SW_ITEM_RECEIVED] - v[SW_ITEM_SET_ASIDE] +
                                   v[SW_ITEM_RESERVE_RELEASED];
        if (r->traces) {
            struct sw_trace *tr = &r->run->rows[i].trace[SW_ITEM_RECEIVED];
            sw_trace_rule(tr, "switchsim: wat er op de rekening komt", "%s%s",
                          v[SW_ITEM_WAJONG_NET] != 0 ? "nettoloon + WW + Wajong + netto inkomen "
                          "partner + bijstand + vakantietoeslag bijstand + zorgtoeslag + "
                          "huurtoeslag + kinderbijslag + kindgebonden budget + "
                          "combinatiekorting terug - eigen bijdrage Wmo - terugbetalingen" :
                          v[SW_ITEM_PARTNER_NET] != 0 || v[SW_ITEM_KINDERBIJSLAG] != 0 ||
                                  v[SW_ITEM_KGB_PAID] != 0 || v[SW_ITEM_IACK] != 0 ||
                                  local_value(v) != 0
                              ? "nettoloon + WW + netto inkomen partner + bijstand + "
                                "vakantietoeslag bijstand + zorgtoeslag + huurtoeslag + "
                                "kinderbijslag + kindgebonden budget + combinatiekorting terug "
                                "+ regelingen van de gemeente - eigen bijdrage Wmo - "
                                "terugbetalingen"
                              : "nettoloon + WW + bijstand + vakantietoeslag bijstand + "
                                "zorgtoeslag + huurtoeslag - eigen bijdrage Wmo - "
                                "terugbetalingen",
                          v[SW_ITEM_TOESLAGEN_NABETALING] != 0 ? " + nabetaling toeslagen" : "");
            tr = &r->run->rows[i].trace[SW_ITEM_SAFE_TO_SPEND];
            sw_trace_rule(tr, "switchsim: veilig te besteden",
                          "ontvangen - apart te zetten + gebruikt uit wat eerder apart is gezet");
            sw_trace_input(tr, "ontvangen", v[SW_ITEM_RECEIVED], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "apart te zetten", v[SW_ITEM_SET_ASIDE], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "gebruikt uit wat apart is gezet", v[SW_ITEM_RESERVE_RELEASED],
                           SW_UNIT_EUROCENT);
            sw_trace_rule(&r->run->rows[i].trace[SW_ITEM_SET_ASIDE],
                          "switchsim: terugvorderingen die nog komen",
                          "wat deze maand meer is betaald dan waar recht op is (bijstand, "
                          "toeslagen, loonheffingskorting) en later wordt teruggevraagd");
            sw_trace_rule(&r->run->rows[i].trace[SW_ITEM_RECOVERY_COLLECTED],
                          "Participatiewet art. 58; Awir art. 26; Invorderingswet 1990 art. 9",
                          "terugbetaling van een eerder te veel ontvangen bedrag, in de maand "
                          "van de uiterste betaaldatum");
            sw_trace_rule(&r->run->rows[i].trace[SW_ITEM_RESERVE_RELEASED],
                          "switchsim: apart gezet geld dat nu wordt gebruikt",
                          "het geld dat eerder apart is gezet en deze maand wordt verrekend of "
                          "terugbetaald");
            tr = &r->run->rows[i].trace[SW_ITEM_RECEIVED];
            sw_trace_input(tr, "nettoloon", v[SW_ITEM_NET_WAGE], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "WW (netto)", v[SW_ITEM_WW_NET], SW_UNIT_EUROCENT);
            if (v[SW_ITEM_WAJONG_NET] != 0)
                sw_trace_input(tr, "Wajong (netto)", v[SW_ITEM_WAJONG_NET], SW_UNIT_EUROCENT);
            if (v[SW_ITEM_PARTNER_NET] != 0)
                sw_trace_input(tr, "netto inkomen partner", v[SW_ITEM_PARTNER_NET],
                               SW_UNIT_EUROCENT);
            sw_trace_input(tr, "bijstand", v[SW_ITEM_BIJSTAND_PAID], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "vakantietoeslag bijstand", v[SW_ITEM_BIJSTAND_HOLIDAY_PAID],
                           SW_UNIT_EUROCENT);
            sw_trace_input(tr, "zorgtoeslag", v[SW_ITEM_ZORGTOESLAG_PAID], SW_UNIT_EUROCENT);
            sw_trace_input(tr, "huurtoeslag", v[SW_ITEM_HUURTOESLAG_PAID], SW_UNIT_EUROCENT);
            if (v[SW_ITEM_TOESLAGEN_NABETALING] != 0)
                sw_trace_input(tr, "nabetaling toeslagen", v[SW_ITEM_TOESLAGEN_NABETALING],
                               SW_UNIT_EUROCENT);
            if (v[SW_ITEM_KINDERBIJSLAG] != 0)
                sw_trace_input(tr, "kinderbijslag", v[SW_ITEM_KINDERBIJSLAG], SW_UNIT_EUROCENT);
            if (v[SW_ITEM_KGB_PAID] != 0)
                sw_trace_input(tr, "kindgebonden budget", v[SW_ITEM_KGB_PAID], SW_UNIT_EUROCENT);
            if (v[SW_ITEM_IACK] != 0)
                sw_trace_input(tr, "combinatiekorting terug", v[SW_ITEM_IACK], SW_UNIT_EUROCENT);
            if (local_value(v) != 0)
                sw_trace_input(tr, "regelingen van de gemeente (IIT, kwijtschelding, pas, "
                                   "gemeentepolis)", local_value(v), SW_UNIT_EUROCENT);
            sw_trace_input(tr, "eigen bijdrage Wmo", v[SW_ITEM_WMO_EIGEN_BIJDRAGE],
                           SW_UNIT_EUROCENT);
            sw_trace_input(tr, "terugbetaald", v[SW_ITEM_RECOVERY_COLLECTED], SW_UNIT_EUROCENT);
            if (v[SW_ITEM_DEBT_TAKEN] != 0)
                sw_trace_input(tr, "ingehouden voor schulden", v[SW_ITEM_DEBT_TAKEN],
                               SW_UNIT_EUROCENT);
        }
    }
    if (!r->steady)
        totals(r->run);
}
