/* check_whatif.c - the what-ifs as core use cases (whatif.h): the employer's
 * what-if per loonwaarde and per hours, and the municipality's business case, on
 * a parsed scenario. Expected figures are hand calculations from published
 * values, written out next to them:
 *   WML EUR 14.71 an hour from 2026-01-01 (Rijksoverheid, Uitkeringsbedragen per
 *     1 januari 2026; art. 14 Wml), 52 weeks / 12 months, vakantiebijslag 8 %
 *     (art. 15 Wml);
 *   LKS (art. 10d Participatiewet): the WML + vakantiebijslag minus the loonwaarde,
 *     at most 70 % of it, plus 23.5 % werkgeverslasten (Regeling LKS Pw art. 1);
 *   employer premiums 2026 (Staatscourant 2025-42324 and 2025-38055): AWf laag
 *     2.74 %, Aof laag 6.27 %, kinderopvang 0.50 %, Whk average 1.52 %, Zvw 6.10 %;
 *   LKV banenafspraak EUR 1.01 per verloond uur, at most EUR 2,000 a year (Wtl);
 *   bijstand norm single 2026-01-01 EUR 1,401.50 (art. 21 onder a Pw), of which
 *     5 % is reserved as vakantietoeslag (art. 19 lid 3 Pw);
 *   Amersfoort (tables/gemeenten/amersfoort.xml): dagbesteding EUR 51.20 per
 *     dagdeel, jaartraject EUR 350 a month (EUR 4,200 a year). */
#include <stdio.h>
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/scenario.h"
#include "switchsim/whatif.h"
#include "testutil.h"
#include "whatif_json.h"

#define PCT(x) ((int64_t)(x) * SW_PPM_PER_PERCENT)

/* A single resident born 1994 (of full age), beschut werk 36 h a week at the WML
 * from 2026-04-01, without loonwaarde periods (the plan: no LKS); March to June
 * 2026, so March is not employed. */
static const char employer_json[] =
    "{\"version\":1,\"start_month\":\"2026-03\",\"months\":4,"
    "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\"},"
    "\"before\":{\"benefit\":\"participatiewet\",\"dagbesteding_dagdelen_per_week\":6},"
    "\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":36}}";

/* tests/cases/amersfoort_beschut.json over January to April 2026: on bijstand and
 * 6 dagdelen dagbesteding, beschut werk 36 h at the WML from 2026-04-01 with the
 * forfaitaire LKS (loonwaarde 50 %). */
static const char municipality_json[] =
    "{\"version\":1,\"start_month\":\"2026-01\",\"months\":4,\"municipality\":\"amersfoort\","
    "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\",\"rent\":65000},"
    "\"before\":{\"benefit\":\"participatiewet\",\"dagbesteding_dagdelen_per_week\":6},"
    "\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":36,"
    "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"percent\":50,\"forfaitair\":true}]},"
    "\"toeslagen\":{\"zorgtoeslag\":true,\"huurtoeslag\":true},"
    "\"settlement\":{\"method\":\"advance\",\"municipality_applies_korting\":false}}";

static void parse_scenario(struct sw_scenario *s, const char *json)
{
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_msg(sw_scenario_parse(s, test_tables(), json, strlen(json), &pr, &err) == SW_OK,
                  "%s", err.msg);
}

/* One employed month of 36 h at the WML in April-June 2026 (a market employer,
 * AWf and Aof laag, average Whk):
 *   gross 14.71 x 36 x 52 / 12 = 2294.76; vakantiebijslag 8 % = 183.5808 -> 183.58;
 *   premieloon 2478.34 (below the maximum 79,409 / 12)
 *   AWf  2478.34 x 2.74 % =  67.906516 ->  67.91
 *   Aof            6.27 % = 155.391918 -> 155.39
 *   kinderopvang   0.50 % =  12.3917    ->  12.39
 *   Whk            1.52 % =  37.670768 ->  37.67
 *   Zvw            6.10 % = 151.17874  -> 151.18
 *   charges 424.54; labour cost 2478.34 + 424.54 = 2902.88
 *   hours 36 x 52 / 12 = 156.00; LKV 156 x 1.01 = 157.56 (< 2,000 / 12 = 166.67)
 * The plan (no loonwaarde, no LKS): net 2902.88 - 157.56 = 2745.32; productive
 *   hours 156.00 (100 %); per productive hour 2745.32 / 156 = 17.598 -> 17.60.
 * Loonwaarde 50 % (measured): LKS 2478.34 - 50 % (1239.17) = 1239.17, below the cap
 *   70 % = 1734.838 -> 1734.84; + 23.5 % = 291.20495 -> 291.20: 1530.37.
 *   net 2902.88 - 1530.37 - 157.56 = 1214.95; productive 156 x 50 % = 78.00 h;
 *   per productive hour 1214.95 / 78 = 15.5763 -> 15.58.
 * Loonwaarde 17 %: 2478.34 - 421.3178 (-> 421.32) = 2057.02, over the cap, so
 *   1734.84; + 23.5 % = 407.6874 -> 407.69: 2142.53. net 2902.88 - 2142.53 - 157.56
 *   = 602.79; productive 156 x 17 % = 26.52 h; 602.79 / 26.52 = 22.7296 -> 22.73.
 * Three employed months (April, May, June; March is before the job), all alike:
 *   totals at 50 %: labour 8708.64, LKS 4591.11, LKV 472.68, net 3644.85,
 *   productive hours 234.00; net per productive hour 3644.85 / 234 = 15.5763 -> 15.58. */
START_TEST(test_employer_whatif_hand_calculation)
{
    struct sw_scenario s;
    struct sw_employer_whatif_input in;
    struct sw_employer_whatif *w = NULL;
    const struct sw_employer_whatif_block *b;
    const struct sw_employer_whatif_variant *plan, *v17, *v50;
    struct sw_err err;

    parse_scenario(&s, employer_json);
    sw_employer_whatif_init(&in);
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "17,50", &err), SW_OK);
    ck_assert_msg(sw_employer_whatif(&w, test_tables(), &s, &in, &err) == SW_OK, "%s", err.msg);
    ck_assert(!w->per_hours);
    ck_assert_int_eq((long)w->nblocks, 1);
    b = &w->blocks[0];
    /* Beschut werk: in the doelgroepregister, so LKV banenafspraak by default. */
    ck_assert(b->assumptions.doelgroepregister);
    ck_assert_int_eq(b->assumptions.lkv, SW_LKV_BANENAFSPRAAK);
    ck_assert_int_eq(b->assumptions.hours_x100, 3600);
    ck_assert_int_eq(b->assumptions.hourly_wage, 0);
    ck_assert_int_eq((long)b->nvariants, 3);
    plan = &b->variants[0];
    v17 = &b->variants[1];
    v50 = &b->variants[2];
    ck_assert(plan->plan && !plan->lks);
    ck_assert_str_eq(plan->label, "plan");
    ck_assert_str_eq(v17->label, "17");
    ck_assert_int_eq(v17->loonwaarde, PCT(17));
    ck_assert(v50->lks && !v50->plan);

    /* The first employed month is April. */
    ck_assert_int_eq(v50->nmonths, 3);
    ck_assert_int_eq(v50->months[0].month, sw_month_from_ym(2026, 4));
    ck_assert_int_eq(v50->months[0].em.days, 30);
    ck_assert_int_eq(v50->months[0].em.gross_wage, 229476);
    ck_assert_int_eq(v50->months[0].em.holiday_pay, 18358);
    ck_assert_int_eq(v50->months[0].em.charges, 42454);
    ck_assert_int_eq(v50->months[0].em.labour_cost, 290288);
    ck_assert_int_eq(v50->months[0].em.lkv, 15756);
    ck_assert_int_eq(v50->months[0].em.lkv_paid_year, 2027);
    ck_assert(v50->months[0].em.no_risk_polis);
    ck_assert_int_eq(v50->months[0].em.hours_x100, 15600);

    ck_assert_int_eq(plan->months[0].em.lks.total, 0);
    ck_assert_int_eq(plan->months[0].em.net_cost, 274532);
    ck_assert_int_eq(plan->months[0].em.productive_hours_x100, 15600);
    ck_assert_int_eq(plan->months[0].em.cost_per_productive_hour, 1760);

    ck_assert_int_eq(v50->months[1].em.lks.total, 153037);
    ck_assert_int_eq(v50->months[1].em.net_cost, 121495);
    ck_assert_int_eq(v50->months[1].em.productive_hours_x100, 7800);
    ck_assert_int_eq(v50->months[1].em.cost_per_productive_hour, 1558);

    ck_assert_int_eq(v17->months[2].em.lks.total, 214253);
    ck_assert_int_eq(v17->months[2].em.net_cost, 60279);
    ck_assert_int_eq(v17->months[2].em.productive_hours_x100, 2652);
    ck_assert_int_eq(v17->months[2].em.cost_per_productive_hour, 2273);

    ck_assert_int_eq(v50->totals.months, 3);
    ck_assert_int_eq(v50->totals.gross_wage, 3 * 229476);
    ck_assert_int_eq(v50->totals.labour_cost, 870864);
    ck_assert_int_eq(v50->totals.lks, 459111);
    ck_assert_int_eq(v50->totals.lkv, 47268);
    ck_assert_int_eq(v50->totals.net_cost, 364485);
    ck_assert_int_eq(v50->totals.productive_hours_x100, 23400);
    ck_assert_int_eq(v50->totals.average_labour_cost, 290288);
    ck_assert_int_eq(v50->totals.average_lks, 153037);
    ck_assert_int_eq(v50->totals.average_net_cost, 121495);
    ck_assert_int_eq(v50->totals.cost_per_productive_hour, 1558);
    ck_assert_int_eq(plan->totals.average_net_cost, 274532);
    ck_assert_int_eq(plan->totals.cost_per_productive_hour, 1760);
    sw_employer_whatif_free(w);
}
END_TEST

/* The same job at 18 h (loonwaarde 50 %), as in tests/cli/whatif.sh:
 *   gross 14.71 x 18 x 52 / 12 = 1147.38; + 8 % 91.7904 -> 91.79 = 1239.17
 *   AWf 33.953258 -> 33.95, Aof 77.695959 -> 77.70, kinderopvang 6.19585 -> 6.20,
 *   Whk 18.835384 -> 18.84, Zvw 75.58937 -> 75.59: charges 212.28, labour 1451.45
 *   LKS: 50 % of 1239.17 = 619.585 -> 619.59; 1239.17 - 619.59 = 619.58;
 *     + 23.5 % = 145.6013 -> 145.60: 765.18
 *   LKV 18 x 52 / 12 = 78.00 h x 1.01 = 78.78; net 1451.45 - 765.18 - 78.78 = 607.49
 * and at 36 h the figures above (net 1214.95). */
START_TEST(test_employer_whatif_per_hours)
{
    struct sw_scenario s;
    struct sw_employer_whatif_input in;
    struct sw_employer_whatif *w = NULL;
    struct sw_err err;

    parse_scenario(&s, employer_json);
    sw_employer_whatif_init(&in);
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "50", &err), SW_OK);
    in.n_hours = 2;
    in.hours[0].hours_x100 = 1800;
    snprintf(in.hours[0].label, sizeof(in.hours[0].label), "18");
    in.hours[1].hours_x100 = 3600;
    ck_assert_msg(sw_employer_whatif(&w, test_tables(), &s, &in, &err) == SW_OK, "%s", err.msg);
    ck_assert(w->per_hours);
    ck_assert_int_eq((long)w->nblocks, 2);
    ck_assert_str_eq(w->blocks[0].hours_label, "18");
    ck_assert_int_eq(w->blocks[0].assumptions.hours_x100, 1800);
    ck_assert_int_eq(w->blocks[0].variants[1].months[0].em.labour_cost, 145145);
    ck_assert_int_eq(w->blocks[0].variants[1].months[0].em.lks.total, 76518);
    ck_assert_int_eq(w->blocks[0].variants[1].months[0].em.lkv, 7878);
    ck_assert_int_eq(w->blocks[0].variants[1].totals.average_net_cost, 60749);
    ck_assert_int_eq(w->blocks[1].variants[1].totals.average_net_cost, 121495);
    sw_employer_whatif_free(w);
}
END_TEST

/* The JSON writer shared by the CLI and the CGI: the plan first with a null
 * loonwaarde, then each loonwaarde with its label and number. */
START_TEST(test_employer_whatif_json)
{
    struct sw_scenario s;
    struct sw_employer_whatif_input in;
    struct sw_employer_whatif *w = NULL;
    struct sw_err err;
    const cJSON *vars, *v;
    cJSON *o;

    parse_scenario(&s, employer_json);
    sw_employer_whatif_init(&in);
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "17.5", &err), SW_OK);
    ck_assert_int_eq(in.loonwaarde[0].percent, 175000);
    ck_assert_msg(sw_employer_whatif(&w, test_tables(), &s, &in, &err) == SW_OK, "%s", err.msg);
    o = sw_employer_whatif_json(w);
    ck_assert_ptr_nonnull(o);
    vars = cJSON_GetObjectItemCaseSensitive(o, "variants");
    ck_assert_int_eq(cJSON_GetArraySize(vars), 2);
    v = cJSON_GetArrayItem(vars, 0);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(v, "label")->valuestring, "plan");
    ck_assert(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(v, "loonwaarde")));
    ck_assert(cJSON_GetObjectItemCaseSensitive(v, "average_net_cost")->valuedouble == 274532);
    v = cJSON_GetArrayItem(vars, 1);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(v, "label")->valuestring, "17.5");
    ck_assert(cJSON_GetObjectItemCaseSensitive(v, "loonwaarde")->valuedouble == 17.5);
    ck_assert_ptr_nonnull(cJSON_GetObjectItemCaseSensitive(o, "tables"));
    cJSON_Delete(o);
    sw_employer_whatif_free(w);
}
END_TEST

START_TEST(test_employer_whatif_bad_input)
{
    struct sw_scenario s;
    struct sw_employer_whatif_input in;
    struct sw_employer_whatif *w = NULL;
    struct sw_err err;

    sw_employer_whatif_init(&in);
    ck_assert_int_eq((long)in.n_loonwaarde, 5);
    ck_assert_str_eq(in.loonwaarde[0].label, "20");
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "17,,30", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "loonwaarde");
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "", &err), SW_ERR_INVALID);
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "1,2,3,4,5,6,7,8,9", &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "120", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "a loonwaarde is a percentage from 0 to 100");
    ck_assert_int_eq(sw_employer_whatif_parse_loonwaarde(&in, "-1", &err), SW_ERR_INVALID);
    /* A failed parse leaves the input as it was. */
    ck_assert_int_eq((long)in.n_loonwaarde, 5);
    ck_assert_int_eq(sw_employer_whatif_parse_lkv(&in, "whatever", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "lkv");
    ck_assert(!in.lkv_given);
    ck_assert_int_eq(sw_employer_whatif_parse_lkv(&in, "none", &err), SW_OK);
    ck_assert(in.lkv_given && in.lkv == SW_LKV_NONE);

    parse_scenario(&s, employer_json);
    in.n_hours = 1;
    in.hours[0].hours_x100 = 4100;
    ck_assert_int_eq(sw_employer_whatif(&w, test_tables(), &s, &in, &err), SW_ERR_INVALID);
    ck_assert_ptr_null(w);
    in.n_hours = 0;
    in.loonwaarde[0].percent = PCT(101);
    ck_assert_int_eq(sw_employer_whatif(&w, test_tables(), &s, &in, &err), SW_ERR_INVALID);
    ck_assert_ptr_null(w);
}
END_TEST

/* January to March, before the job, both sides alike:
 *   bijstand 1401.50 x 95 % = 1331.425 -> 1331.43 paid a month (5 % reserved);
 *   dagbesteding 51.20 x 6 dagdelen x 52 / 12 = 1331.20; cost 2662.63; saving 0.
 * April, with the job from the 1st:
 *   before 2662.63 as above;
 *   after: no bijstand (the net wage of 36 h at the WML, gross 2294.76, is above the
 *     norm; what was paid in advance comes back and counts in April), no
 *     dagbesteding (employed every day), the LKS at the forfait 50 % 1530.37 (see
 *     the employer case), the jaartraject 350.00: 1880.37;
 *   saving 2662.63 - 1880.37 = 782.26, cumulative 782.26: break-even April.
 * Totals: before 4 x 2662.63 = 10650.52; after 3 x 2662.63 + 1880.37 = 9868.26;
 *   saving 782.26. */
START_TEST(test_municipality_whatif_hand_calculation)
{
    struct sw_scenario s;
    struct sw_municipality_whatif_input in;
    struct sw_municipality_whatif *w = NULL;
    const struct sw_muni_case *mc;
    struct sw_err err;

    parse_scenario(&s, municipality_json);
    sw_municipality_whatif_init(&in);
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, true, "jaartraject", &err),
                     SW_OK);
    ck_assert_msg(sw_municipality_whatif(&w, test_tables(), &s, &in, &err) == SW_OK, "%s",
                  err.msg);
    mc = &w->mcase;
    ck_assert_str_eq(w->municipality, "amersfoort");
    ck_assert(w->lks);
    ck_assert_int_eq(w->dagdelen_before, 6);
    ck_assert_int_eq(w->dagdelen_after, 0);
    ck_assert_int_eq(mc->dagdeel_price, 5120);
    ck_assert_ptr_nonnull(strstr(mc->dagdeel_price_info.source, "51,20 per dagdeel"));
    ck_assert_int_eq(mc->nmonths, 4);
    for (int k = 0; k < 3; k++) {
        ck_assert_int_eq(mc->months[k].bijstand_before, 133143);
        ck_assert_int_eq(mc->months[k].dagbesteding_before, 133120);
        ck_assert_int_eq(mc->months[k].cost_before, 266263);
        ck_assert_int_eq(mc->months[k].cost_after, 266263);
        ck_assert_int_eq(mc->months[k].saving, 0);
    }
    ck_assert_int_eq(mc->months[3].cost_before, 266263);
    ck_assert_int_eq(mc->months[3].bijstand_after, 0);
    ck_assert_int_eq(mc->months[3].dagbesteding_after, 0);
    ck_assert_int_eq(mc->months[3].lks, 153037);
    ck_assert_int_eq(mc->months[3].products_after, 35000);
    ck_assert_int_eq(mc->months[3].cost_after, 188037);
    ck_assert_int_eq(mc->months[3].saving, 78226);
    ck_assert_int_eq(mc->months[3].cumulative_saving, 78226);
    ck_assert(mc->has_break_even);
    ck_assert_int_eq(mc->break_even, sw_month_from_ym(2026, 4));
    ck_assert_int_eq(mc->total_before, 1065052);
    ck_assert_int_eq(mc->total_after, 986826);
    ck_assert_int_eq(mc->total_saving, 78226);
    ck_assert_int_eq((long)mc->nproducts, 1);
    ck_assert_str_eq(mc->products[0].name, "jaartraject");
    ck_assert(mc->products[0].after);
    ck_assert_int_eq(mc->products[0].month_price, 35000);
    ck_assert_int_eq(mc->products[0].total, 35000);
    ck_assert_ptr_nonnull(strstr(mc->products[0].price.source, "350 per maand"));
    ck_assert_uint_gt(w->used.len, 0);
    sw_municipality_whatif_free(w);
}
END_TEST

/* Without LKS (the municipality does not pay it): April costs only the jaartraject
 * 350.00 and saves 2662.63 - 350.00 = 2312.63. The JSON names it. */
START_TEST(test_municipality_whatif_without_lks)
{
    struct sw_scenario s;
    struct sw_municipality_whatif_input in;
    struct sw_municipality_whatif *w = NULL;
    struct sw_err err;
    cJSON *o;

    parse_scenario(&s, municipality_json);
    sw_municipality_whatif_init(&in);
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, true, "jaartraject", &err),
                     SW_OK);
    in.without_lks = true;
    ck_assert_msg(sw_municipality_whatif(&w, test_tables(), &s, &in, &err) == SW_OK, "%s",
                  err.msg);
    ck_assert(!w->lks);
    ck_assert_int_eq(w->mcase.months[3].lks, 0);
    ck_assert_int_eq(w->mcase.months[3].cost_after, 35000);
    ck_assert_int_eq(w->mcase.months[3].saving, 231263);
    o = sw_municipality_whatif_json(w);
    ck_assert_ptr_nonnull(o);
    ck_assert(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(o, "lks")));
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(o, "break_even")->valuestring, "2026-04");
    cJSON_Delete(o);
    sw_municipality_whatif_free(w);
}
END_TEST

START_TEST(test_municipality_whatif_bad_input)
{
    struct sw_scenario s;
    struct sw_municipality_whatif_input in;
    struct sw_municipality_whatif *w = NULL;
    struct sw_err err;

    sw_municipality_whatif_init(&in);
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, false, "", &err), SW_OK);
    ck_assert_int_eq((long)in.n_before, 0);
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, true, "../etc", &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "after");
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, false, "A", &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "before");
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, false, "a,b,c,d,e", &err),
                     SW_OK);
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, true, "f,g,h,i", &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq((long)in.n_after, 0);
    ck_assert_int_eq(sw_municipality_whatif_parse_dagdelen(&in, "11", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "dagdelen_after");
    ck_assert_int_eq(sw_municipality_whatif_parse_dagdelen(&in, "-1", &err), SW_ERR_INVALID);
    ck_assert_int_eq(sw_municipality_whatif_parse_dagdelen(&in, "2", &err), SW_OK);
    ck_assert_int_eq(in.dagdelen_after, 2);

    /* A product the municipality has no price for: an error naming the parameter. */
    parse_scenario(&s, municipality_json);
    sw_municipality_whatif_init(&in);
    ck_assert_int_eq(sw_municipality_whatif_parse_products(&in, true, "nosuchproduct", &err),
                     SW_OK);
    ck_assert_int_eq(sw_municipality_whatif(&w, test_tables(), &s, &in, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "gemeente.nosuchproduct.price_per_month");
    ck_assert_ptr_null(w);
    /* Built in code past the parser: still refused. */
    sw_municipality_whatif_init(&in);
    in.dagdelen_after = 11;
    ck_assert_int_eq(sw_municipality_whatif(&w, test_tables(), &s, &in, &err), SW_ERR_INVALID);
    ck_assert_ptr_null(w);
}
END_TEST

static Suite *whatif_suite(void)
{
    Suite *s = suite_create("whatif");
    TCase *core = tcase_create("Core");
    TCase *limits = tcase_create("Limits");

    tcase_set_timeout(core, 60);
    tcase_add_test(core, test_employer_whatif_hand_calculation);
    tcase_add_test(core, test_employer_whatif_per_hours);
    tcase_add_test(core, test_employer_whatif_json);
    tcase_add_test(core, test_municipality_whatif_hand_calculation);
    tcase_add_test(core, test_municipality_whatif_without_lks);
    tcase_add_test(limits, test_employer_whatif_bad_input);
    tcase_add_test(limits, test_municipality_whatif_bad_input);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(whatif_suite)
