/* check_bijstand.c - Participatiewet norms, kostendelersnorm, inkomstenvrijlating
 * and aanvullende bijstand against published tables and written-out hand
 * calculations. Sources used below:
 *   [V24a] gemeente Velsen, Bijstandsnormen per 1 januari 2024,
 *          https://www.velsen.nl/bijstandsnormen-per-1-januari-2024
 *   [V24b] gemeente Velsen, Bijstandsnormen per 1 juli 2024,
 *          https://www.velsen.nl/bijstandsnormen-per-1-juli-2024
 *   [W25]  gemeente Westland, normenoverzicht met ingang van 1 januari 2025,
 *          https://www.gemeentewestland.nl/aanvragen-en-regelen/toeslagen-vergoedingen-en-bijdragen/normenoverzicht-minimuminkomen-voor-de-bijzondere-bijstand
 *   [W24]  the same page, version "met ingang van 1 januari 2024" (excl. VT column)
 *   [M25]  metronieuws.nl (Rijksoverheid), bijstand juli 2025,
 *          https://www.metronieuws.nl/geld-carriere/2025/06/bedrag-bijstand-verhoogd-juli-2025/
 *   [ISD]  ISD Bollenstreek, actuele bedragen 1 juli 2024 (excl. vakantietoeslag),
 *          https://isdbollenstreek.nl/Inkomen_participatiewet/Inkomen/Actuele_bedragen
 *   [PW26] Participatiewet, wettekst geldig vanaf 2026-01-01,
 *          https://wetten.overheid.nl/BWBR0015703/2026-01-01 (art. 20, 21, 22, 22a, 31)
 *   [PW267] the same per 2026-07-01 (MinBZK/regelrecht-corpus 2026-07-01.yaml)
 *   [NB267] SZW normenbrief per 1 juli 2026, CPRMV export of the consolidated text
 *          BWBR0015703_2026-07-01_0, github.com/sgort/ttl-editor,
 *          examples/organizations/szw/output_0.3.2_1jul2026.json
 *   [NB257] SZW normenbrief per 1 juli 2025, the same repository,
 *          examples/organizations/szw/Normenbrief-jul-25.ttl
 *   [RO267] Rijksoverheid, Uitkeringsbedragen per 1 juli 2026 (11-06-2026),
 *          alleenstaand € 1.419,46, as quoted by secondary sources (see the tables)
 *   [GN267] gidsnederland.nl, AOW en AIO-aanvulling (checked at Rijksoverheid
 *          5 October 2026): vanaf AOW-leeftijd € 1.587,34 / € 2.176,10
 *   [AOW]  AOW age 67 in 2024-2027 (tables/aow.xml, Kamerbrief SZW 2022)
 */
#include <string.h>

#include "switchsim/bijstand.h"
#include "switchsim/money.h"
#include "testutil.h"

#define NONE NULL

static sw_date opt_date(const char *text)
{
    return text ? test_date(text) : SW_NO_DATE;
}

static struct sw_household_facts facts(enum sw_household_kind hh, const char *birth,
                                       const char *partner, const char *child, int cost_sharers)
{
    struct sw_household_facts f;

    sw_household_facts_init(&f);
    f.composition = hh;
    f.birth = opt_date(birth);
    f.partner_birth = opt_date(partner);
    f.youngest_child_birth = opt_date(child);
    f.cost_sharers = cost_sharers;
    return f;
}

/* ---- norms ---------------------------------------------------------------- */

struct norm_case {
    const char *date;
    enum sw_household_kind hh;
    const char *birth, *partner, *child;
    int cost_sharers;
    int64_t expected;
    const char *article;
};

#define S SW_HOUSEHOLD_SINGLE
#define SP SW_HOUSEHOLD_SINGLE_PARENT
#define C SW_HOUSEHOLD_COUPLE

static const struct norm_case norm_cases[] = {
    /* [V24a] "Alleenstaande of alleenstaande ouder 21 tot pensioengerechtigde leeftijd
     * € 1.283,83"; "Gezin, personen 21 jaar tot pensioengerechtigde leeftijd € 1.834,04" */
    {"2024-01-01", S, "1990-05-01", NONE, NONE, 0, 128383, "art. 21 onder a"},
    {"2024-01-01", SP, "1990-05-01", NONE, "2020-01-01", 0, 128383, "art. 21 onder a"},
    {"2024-01-01", C, "1990-05-01", "1985-02-03", NONE, 0, 183404, "art. 21 onder b"},
    /* [V24a] "Alleenstaande ... 18 t/m 20 jaar € 316,94" (born 2005-01-01: 19) */
    {"2024-01-01", S, "2005-01-01", NONE, NONE, 0, 31694, "art. 20 lid 1 onder a"},
    /* [V24a] "Gezin, 2 personen 18 t/m 20 jaar zonder kinderen € 633,88", "met kinderen
     * € 1.000,69", "1 van 18 t/m 20 en 1 van 21+ zonder kinderen € 1.233,96", "met
     * kinderen € 1.600,77" */
    {"2024-01-01", C, "2005-01-01", "2004-06-01", NONE, 0, 63388, "art. 20 lid 1 onder b"},
    {"2024-01-01", C, "2005-01-01", "2004-06-01", "2023-05-01", 0, 100069,
     "art. 20 lid 2 onder b"},
    {"2024-01-01", C, "2005-01-01", "1990-05-01", NONE, 0, 123396, "art. 20 lid 1 onder c"},
    {"2024-01-01", C, "1990-05-01", "2005-01-01", "2023-05-01", 0, 160077,
     "art. 20 lid 2 onder c"},
    /* [V24a] "Vanaf pensioengerechtigde leeftijd ... Alleenstaande € 1.425,76" (born 1950) */
    {"2024-01-01", S, "1950-01-01", NONE, NONE, 0, 142576, "art. 22 onder a"},
    /* [V24b] 1.308,45 / 1.869,21 / 1.019,90 / 1.631,48 / gezin pensioengerechtigd 1.976,64 */
    {"2024-07-01", S, "1990-05-01", NONE, NONE, 0, 130845, "art. 21 onder a"},
    {"2024-07-01", C, "1990-05-01", "1991-01-01", NONE, 0, 186921, "art. 21 onder b"},
    {"2024-07-01", C, "2005-01-01", "2004-06-01", "2024-02-01", 0, 101990,
     "art. 20 lid 2 onder b"},
    {"2024-07-01", C, "2005-01-01", "1990-05-01", "2024-02-01", 0, 163148,
     "art. 20 lid 2 onder c"},
    {"2024-07-01", C, "1950-01-01", "1952-01-01", NONE, 0, 197664, "art. 22 onder b"},
    /* [W25] 21 tot pensioengerechtigde leeftijd € 1.345,45; partners € 1.922,07;
     * 1 partner 18 t/m 20 met kinderen € 1.677,62; pensioengerechtigd: alleenstaande
     * € 1.501,07, gehuwd € 2.053,48 (also [M25] for the first half of 2025) */
    {"2025-01-01", S, "1990-05-01", NONE, NONE, 0, 134545, "art. 21 onder a"},
    {"2025-01-01", C, "1990-05-01", "1991-01-01", NONE, 0, 192207, "art. 21 onder b"},
    {"2025-01-01", C, "2006-01-01", "1990-05-01", "2024-12-01", 0, 167762,
     "art. 20 lid 2 onder c"},
    {"2025-01-01", S, "1950-01-01", NONE, NONE, 0, 150107, "art. 22 onder a"},
    {"2025-01-01", C, "1950-01-01", "1949-01-01", NONE, 0, 205348, "art. 22 onder b"},
    /* [M25] from 1 July 2025: alleenstaand 1369,06, gehuwd 1955,80; AOW 1530,21 / 2094,98 */
    {"2025-07-01", S, "1990-05-01", NONE, NONE, 0, 136906, "art. 21 onder a"},
    {"2025-07-01", C, "1990-05-01", "1991-01-01", NONE, 0, 195580, "art. 21 onder b"},
    {"2025-07-01", S, "1950-01-01", NONE, NONE, 0, 153021, "art. 22 onder a"},
    {"2025-07-01", C, "1950-01-01", "1949-01-01", NONE, 0, 209498, "art. 22 onder b"},
    /* [PW26] art. 21 onder a € 1.401,50, onder b € 2.002,13; art. 20 lid 1 onder a and
     * lid 2 onder a € 345,99 */
    {"2026-01-01", S, "1990-05-01", NONE, NONE, 0, 140150, "art. 21 onder a"},
    {"2026-01-01", S, NONE, NONE, NONE, 0, 140150, "art. 21 onder a"},
    {"2026-01-01", SP, "1990-05-01", NONE, "2020-01-01", 0, 140150, "art. 21 onder a"},
    {"2026-01-01", C, "1990-05-01", "1991-01-01", NONE, 0, 200213, "art. 21 onder b"},
    {"2026-01-01", C, NONE, NONE, NONE, 0, 200213, "art. 21 onder b"},
    {"2026-01-01", S, "2006-03-01", NONE, NONE, 0, 34599, "art. 20 lid 1 onder a"},
    {"2026-01-01", SP, "2006-03-01", NONE, "2025-03-01", 0, 34599, "art. 20 lid 2 onder a"},
    /* Age 18 on the date (born 2008-01-01) is the youth norm too. */
    {"2026-01-01", S, "2008-01-01", NONE, NONE, 0, 34599, "art. 20 lid 1 onder a"},
    /* 20/21 boundary: 21 on 2026-01-01 (born 2005-01-01) -> art. 21 onder a 1.401,50;
     * one day younger (born 2005-01-02, still 20) -> art. 20 lid 1 onder a 345,99. */
    {"2026-01-01", S, "2005-01-01", NONE, NONE, 0, 140150, "art. 21 onder a"},
    {"2026-01-01", S, "2005-01-02", NONE, NONE, 0, 34599, "art. 20 lid 1 onder a"},
    /* [PW26] art. 20 lid 1 onder b € 691,98, lid 2 onder b € 1.092,41, lid 1 onder c
     * € 1.347,06, lid 2 onder c € 1.747,49. A child of 18 is no ten laste komend kind
     * (art. 4 lid 1: jonger dan 18), so the norm without children applies. */
    {"2026-01-01", C, "2006-03-01", "2007-01-01", NONE, 0, 69198, "art. 20 lid 1 onder b"},
    {"2026-01-01", C, "2006-03-01", "2007-01-01", "2025-01-01", 0, 109241,
     "art. 20 lid 2 onder b"},
    {"2026-01-01", C, "2006-03-01", "1990-01-01", NONE, 0, 134706, "art. 20 lid 1 onder c"},
    {"2026-01-01", C, "1990-01-01", "2006-03-01", "2025-01-01", 0, 174749,
     "art. 20 lid 2 onder c"},
    {"2026-01-01", C, "1990-01-01", "2006-03-01", "2008-01-01", 0, 134706,
     "art. 20 lid 1 onder c"},
    /* [PW26] art. 22: onder a € 1.564,69; onder b and c € 2.144,16. [AOW]: born
     * 1958-06-01 reached 67 on 2025-06-01; born 1966-01-01 is 60. */
    {"2026-01-01", S, "1958-06-01", NONE, NONE, 0, 156469, "art. 22 onder a"},
    {"2026-01-01", C, "1958-06-01", "1958-09-01", NONE, 0, 214416, "art. 22 onder b"},
    {"2026-01-01", C, "1958-06-01", "1966-01-01", NONE, 0, 214416, "art. 22 onder c"},
    {"2026-01-01", C, "1966-01-01", "1958-06-01", NONE, 0, 214416, "art. 22 onder c"},
    /* AOW boundary [AOW]: born 1959-01-01 turns 67 on 2026-01-01 -> art. 22 onder a;
     * born 1959-01-02 not yet -> art. 21 onder a. */
    {"2026-01-01", S, "1959-01-01", NONE, NONE, 0, 156469, "art. 22 onder a"},
    {"2026-01-01", S, "1959-01-02", NONE, NONE, 0, 140150, "art. 21 onder a"},
    /* One partner AOW age, the other 19: art. 20 lid 1 onder c ("de andere echtgenoot 21
     * jaar of ouder"), [PW26] € 1.347,06. */
    {"2026-01-01", C, "1958-06-01", "2006-03-01", NONE, 0, 134706, "art. 20 lid 1 onder c"},
    /* [NB267] = [PW267] per 2026-07-01: art. 21 onder a € 1.419,46 (also [RO267]),
     * onder b € 2.027,79; the first half of 2026 ends on 2026-06-30. */
    {"2026-06-30", S, "1990-05-01", NONE, NONE, 0, 140150, "art. 21 onder a"},
    {"2026-07-01", S, "1990-05-01", NONE, NONE, 0, 141946, "art. 21 onder a"},
    {"2026-07-01", SP, "1990-05-01", NONE, "2020-01-01", 0, 141946, "art. 21 onder a"},
    {"2026-07-01", C, "1990-05-01", "1991-01-01", NONE, 0, 202779, "art. 21 onder b"},
    {"2026-12-31", C, "1990-05-01", "1991-01-01", NONE, 0, 202779, "art. 21 onder b"},
    /* [NB267] art. 20 lid 1 onder a and lid 2 onder a € 350,42, lid 1 onder b € 700,84,
     * lid 2 onder b € 1.106,40, lid 1 onder c € 1.364,32, lid 2 onder c € 1.769,88.
     * Born 2006-03-01 is 20 on 2026-07-01, born 2007-01-01 is 19. */
    {"2026-07-01", S, "2006-03-01", NONE, NONE, 0, 35042, "art. 20 lid 1 onder a"},
    {"2026-07-01", SP, "2006-03-01", NONE, "2025-03-01", 0, 35042, "art. 20 lid 2 onder a"},
    {"2026-07-01", C, "2006-03-01", "2007-01-01", NONE, 0, 70084, "art. 20 lid 1 onder b"},
    {"2026-07-01", C, "2006-03-01", "2007-01-01", "2025-01-01", 0, 110640,
     "art. 20 lid 2 onder b"},
    {"2026-07-01", C, "2006-03-01", "1990-01-01", NONE, 0, 136432, "art. 20 lid 1 onder c"},
    {"2026-07-01", C, "1990-01-01", "2006-03-01", "2025-01-01", 0, 176988,
     "art. 20 lid 2 onder c"},
    /* [NB267] art. 22 onder a € 1.587,34, onder b € 2.176,10 (also [GN267]); onder c has
     * the amount of onder b. [AOW]: born 1958-06-01 and 1958-09-01 are past 67. */
    {"2026-07-01", S, "1958-06-01", NONE, NONE, 0, 158734, "art. 22 onder a"},
    {"2026-07-01", C, "1958-06-01", "1958-09-01", NONE, 0, 217610, "art. 22 onder b"},
    {"2026-07-01", C, "1958-06-01", "1966-01-01", NONE, 0, 217610, "art. 22 onder c"},
};

START_TEST(test_bijstand_norm_published)
{
    const struct norm_case *t = &norm_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(t->hh, t->birth, t->partner, t->child, t->cost_sharers);
    struct sw_bijstand_norm n;
    struct sw_trace tr;
    struct sw_err err;

    ck_assert_msg(sw_bijstand_norm(&c, test_date(t->date), &f, &n, &tr, &err) == SW_OK,
                  "case %d: %s", _i, err.msg);
    ck_assert_msg(n.norm == t->expected, "case %d (%s): norm %lld, expected %lld", _i, t->date,
                  (long long)n.norm, (long long)t->expected);
    ck_assert_str_eq(n.article, t->article);
    ck_assert_ptr_nonnull(tr.rule);
    ck_assert_ptr_nonnull(strstr(tr.rule, "Participatiewet art. 2"));
}
END_TEST

/* ---- kostendelersnorm --------------------------------------------------------- */

static const struct norm_case cost_cases[] = {
    /* [V24b] Kostendelersnorm (tot pensioenleeftijd): 2-persoonshuishouden € 934,61,
     * 3: € 809,99, 4: € 747,68, 5: € 710,30, 6: € 685,38. By hand, B = 1.869,21:
     *   A=2: 1.869,21 x (40 + 60) / 200 = 934,605  -> 934,61
     *   A=3: 1.869,21 x 130 / 300      = 809,991  -> 809,99
     *   A=4: 1.869,21 x 160 / 400      = 747,684  -> 747,68
     *   A=5: 1.869,21 x 190 / 500      = 710,2998 -> 710,30
     *   A=6: 1.869,21 x 220 / 600      = 685,377  -> 685,38 */
    {"2024-07-01", S, "1990-05-01", NONE, NONE, 1, 93461, "art. 22a lid 1"},
    {"2024-07-01", S, "1990-05-01", NONE, NONE, 2, 80999, "art. 22a lid 1"},
    {"2024-07-01", S, "1990-05-01", NONE, NONE, 3, 74768, "art. 22a lid 1"},
    {"2024-07-01", S, "1990-05-01", NONE, NONE, 4, 71030, "art. 22a lid 1"},
    {"2024-07-01", SP, "1990-05-01", NONE, "2020-01-01", 5, 68538, "art. 22a lid 1"},
    /* [V24a] 917,02 / 794,75 / 733,62 / 696,94 / 672,48; by hand, B = 1.834,04:
     * x 50 % = 917,02; x 130/300 = 794,7507; x 40 % = 733,616; x 38 % = 696,9352;
     * x 220/600 = 672,4813 */
    {"2024-01-01", S, "1990-05-01", NONE, NONE, 1, 91702, "art. 22a lid 1"},
    {"2024-01-01", S, "1990-05-01", NONE, NONE, 2, 79475, "art. 22a lid 1"},
    {"2024-01-01", S, "1990-05-01", NONE, NONE, 3, 73362, "art. 22a lid 1"},
    {"2024-01-01", S, "1990-05-01", NONE, NONE, 4, 69694, "art. 22a lid 1"},
    {"2024-01-01", S, "1990-05-01", NONE, NONE, 5, 67248, "art. 22a lid 1"},
    /* 2026-01-01, B = 2.002,13 [PW26]:
     *   A=2: 2.002,13 x 50 %       = 1.001,065 -> 1.001,07
     *   A=3: 2.002,13 x 130 / 300  =   867,5897 -> 867,59
     *   A=4: 2.002,13 x 40 %       =   800,852 -> 800,85
     *   A=5: 2.002,13 x 38 %       =   760,8094 -> 760,81
     *   A=6: 2.002,13 x 220 / 600  =   734,1143 -> 734,11 */
    {"2026-01-01", S, "1990-05-01", NONE, NONE, 1, 100107, "art. 22a lid 1"},
    {"2026-01-01", S, "1990-05-01", NONE, NONE, 2, 86759, "art. 22a lid 1"},
    {"2026-01-01", S, "1990-05-01", NONE, NONE, 3, 80085, "art. 22a lid 1"},
    {"2026-01-01", S, "1990-05-01", NONE, NONE, 4, 76081, "art. 22a lid 1"},
    {"2026-01-01", S, "1990-05-01", NONE, NONE, 5, 73411, "art. 22a lid 1"},
    /* Couple both 21+, one cost sharer: A = 3, each spouse 867,59 (above), summed
     * (art. 22a lid 2): 1.735,18. */
    {"2026-01-01", C, "1990-05-01", "1991-01-01", NONE, 1, 173518, "art. 22a lid 1 en 2"},
    /* AOW age single with one cost sharer: B = art. 22 onder b 2.144,16 [PW26],
     * A = 2: 2.144,16 x 50 % = 1.072,08. */
    {"2026-01-01", S, "1958-06-01", NONE, NONE, 1, 107208, "art. 22a lid 1"},
    /* Couple, resident AOW and partner 60, one cost sharer: A = 3; resident B = art. 22
     * onder b, partner B = art. 22 onder c, both 2.144,16: 2.144,16 x 130 / 300 =
     * 929,136 -> 929,14 each, 1.858,28 together. */
    {"2026-01-01", C, "1958-06-01", "1966-01-01", NONE, 1, 185828, "art. 22a lid 1 en 2"},
    /* Art. 22a lid 3: spouse of 19, other 30, one cost sharer, no children: A = 2 (the
     * young spouse does not count), 2.002,13 x 50 % = 1.001,07 + 345,99 = 1.347,06;
     * with a child: 1.001,07 + 746,42 = 1.747,49; two cost sharers (A = 3):
     * 867,59 + 345,99 = 1.213,58. [PW26] art. 22a lid 3: "€ 746,42" / "€ 345,99". */
    {"2026-01-01", C, "1990-01-01", "2006-03-01", NONE, 1, 134706, "art. 22a lid 3 onder b"},
    {"2026-01-01", C, "2006-03-01", "1990-01-01", "2025-01-01", 1, 174749,
     "art. 22a lid 3 onder a"},
    {"2026-01-01", C, "1990-01-01", "2006-03-01", NONE, 2, 121358, "art. 22a lid 3 onder b"},
    /* 2026-07-01, B = 2.027,79 [NB267]:
     *   A=2: 2.027,79 x 50 %       = 1.013,895 -> 1.013,90
     *   A=3: 2.027,79 x 130 / 300  =   878,709 -> 878,71
     *   A=4: 2.027,79 x 40 %       =   811,116 -> 811,12
     *   A=5: 2.027,79 x 38 %       =   770,5602 -> 770,56
     *   A=6: 2.027,79 x 220 / 600  =   743,523 -> 743,52 */
    {"2026-07-01", S, "1990-05-01", NONE, NONE, 1, 101390, "art. 22a lid 1"},
    {"2026-07-01", S, "1990-05-01", NONE, NONE, 2, 87871, "art. 22a lid 1"},
    {"2026-07-01", S, "1990-05-01", NONE, NONE, 3, 81112, "art. 22a lid 1"},
    {"2026-07-01", S, "1990-05-01", NONE, NONE, 4, 77056, "art. 22a lid 1"},
    {"2026-07-01", SP, "1990-05-01", NONE, "2020-01-01", 5, 74352, "art. 22a lid 1"},
    /* AOW age, one cost sharer: B = art. 22 onder b 2.176,10 [NB267] x 50 % = 1.088,05. */
    {"2026-07-01", S, "1958-06-01", NONE, NONE, 1, 108805, "art. 22a lid 1"},
    /* Art. 22a lid 3 [NB267]: "€ 350,42 plus ..." / "€ 755,98 plus ...": spouse of 20,
     * other 36, one cost sharer: A = 2, 1.013,90 + 350,42 = 1.364,32; with a child
     * 1.013,90 + 755,98 = 1.769,88; two cost sharers (A = 3): 878,71 + 350,42 = 1.229,13. */
    {"2026-07-01", C, "1990-01-01", "2006-03-01", NONE, 1, 136432, "art. 22a lid 3 onder b"},
    {"2026-07-01", C, "2006-03-01", "1990-01-01", "2025-01-01", 1, 176988,
     "art. 22a lid 3 onder a"},
    {"2026-07-01", C, "1990-01-01", "2006-03-01", NONE, 2, 122913, "art. 22a lid 3 onder b"},
    /* Under 21 art. 22a does not apply ("de belanghebbende van 21 jaar of ouder"):
     * [PW26] art. 20 lid 1 onder a 345,99 and lid 1 onder b 691,98 stay. */
    {"2026-01-01", S, "2006-03-01", NONE, NONE, 2, 34599, "art. 20 lid 1 onder a"},
    {"2026-01-01", C, "2006-03-01", "2007-01-01", NONE, 1, 69198, "art. 20 lid 1 onder b"},
};

START_TEST(test_bijstand_norm_cost_sharers)
{
    const struct norm_case *t = &cost_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(t->hh, t->birth, t->partner, t->child, t->cost_sharers);
    struct sw_bijstand_norm n;
    struct sw_err err;

    ck_assert_msg(sw_bijstand_norm(&c, test_date(t->date), &f, &n, NULL, &err) == SW_OK,
                  "case %d: %s", _i, err.msg);
    ck_assert_msg(n.norm == t->expected, "case %d (%s, %d): norm %lld, expected %lld", _i,
                  t->date, t->cost_sharers, (long long)n.norm, (long long)t->expected);
    ck_assert_str_eq(n.article, t->article);
}
END_TEST

START_TEST(test_bijstand_norm_reports_a)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(C, "1990-05-01", "1991-01-01", NONE, 2);
    struct sw_bijstand_norm n;
    struct sw_err err;

    /* Art. 22a lid 1: A = 2 cost sharers + the resident + the spouse of 21+ = 4. */
    ck_assert_int_eq(sw_bijstand_norm(&c, test_date("2026-01-01"), &f, &n, NULL, &err), SW_OK);
    ck_assert_int_eq(n.persons_a, 4);
    ck_assert_int_eq(n.cost_sharers, 2);
}
END_TEST

/* Art. 19a lid 1: a housemate counts from 27 (since 2023-01-01; 21 before, per
 * isdbol.nl/kostendelersnorm-2023 "Die was 21 jaar en wordt 27 jaar"). */
START_TEST(test_bijstand_housemate_counts_from_27)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(S, "1990-05-01", NONE, NONE, 0);
    sw_date mate;
    struct sw_bijstand_norm n;
    struct sw_err err;
    bool counts;

    f.housemate_births = &mate;
    f.n_housemates = 1;
    /* 27 on 2026-01-01: counts, A = 2 -> 1.001,07 (hand calculation above). */
    mate = test_date("1999-01-01");
    ck_assert_int_eq(sw_bijstand_norm(&c, test_date("2026-01-01"), &f, &n, NULL, &err), SW_OK);
    ck_assert_int_eq(n.cost_sharers, 1);
    ck_assert_int_eq(n.norm, 100107);
    /* 26 (27 one day later): does not count -> art. 21 onder a 1.401,50. */
    mate = test_date("1999-01-02");
    ck_assert_int_eq(sw_bijstand_norm(&c, test_date("2026-01-01"), &f, &n, NULL, &err), SW_OK);
    ck_assert_int_eq(n.cost_sharers, 0);
    ck_assert_int_eq(n.norm, 140150);
    /* Born 1998-06-01: 24 in June 2022, counted (age limit 21 until 2023); 26 in June
     * 2024, not counted (27). */
    ck_assert_int_eq(sw_bijstand_cost_sharer_counts(&c, test_date("2022-06-01"),
                                                    test_date("1998-06-01"), &counts, NULL,
                                                    &err), SW_OK);
    ck_assert(counts);
    ck_assert_int_eq(sw_bijstand_cost_sharer_counts(&c, test_date("2024-06-01"),
                                                    test_date("1998-06-01"), &counts, NULL,
                                                    &err), SW_OK);
    ck_assert(!counts);
}
END_TEST

/* ---- inkomstenvrijlating and aanvullende bijstand ------------------------------ */

struct month_case {
    const char *date;
    enum sw_household_kind hh;
    const char *birth, *child;
    bool medical;
    int64_t income;
    int k;
    enum sw_vrijlating_kind kind;
    int64_t vrijlating;
    int months_left;
    int64_t entitled;
};

#define N SW_VRIJLATING_N
#define R SW_VRIJLATING_R
#define Y SW_VRIJLATING_Y
#define NO SW_VRIJLATING_NONE

/* Norms: [PW26] 1.401,50 (art. 21 onder a), 1.564,69 (art. 22 onder a). Maxima per
 * month [PW26] art. 31 lid 2: n € 285,00, r € 177,66, y € 180,19; 2024-01 n € 264
 * [V24a]; 2025-07 n € 278. Born 1995-06-01 = 30 on 2026-01-01. */
static const struct month_case month_cases[] = {
    /* T1: 25 % x 800,00 = 200,00 (< 285); 1.401,50 - (800,00 - 200,00) = 801,50. */
    {"2026-01-01", S, "1995-06-01", NONE, false, 80000, 1, N, 20000, 5, 80150},
    /* T2: 25 % x 1.200,00 = 300,00 -> maximum 285,00; 1.401,50 - 915,00 = 486,50. */
    {"2026-01-01", S, "1995-06-01", NONE, false, 120000, 1, N, 28500, 5, 48650},
    /* Month 6 is the last of onder n ("ten hoogste zes maanden"): still 200,00, no
     * months left; month 7: no vrijlating, 1.401,50 - 800,00 = 601,50 (T3). */
    {"2026-01-01", S, "1995-06-01", NONE, false, 80000, 6, N, 20000, 0, 80150},
    {"2026-01-01", S, "1995-06-01", NONE, false, 80000, 7, NO, 0, -1, 60150},
    /* Art. 31 lid 5, 26 vs 27: born 1999-06-01 is 26 -> no n: 601,50 (T4); born
     * 1999-01-01 is 27 -> n: 801,50. */
    {"2026-01-01", S, "1999-06-01", NONE, false, 80000, 1, NO, 0, -1, 60150},
    {"2026-01-01", S, "1999-01-01", NONE, false, 80000, 1, N, 20000, 5, 80150},
    /* T5: single parent 35, child 8, month 7: r = 12,5 % x 800,00 = 100,00;
     * 1.401,50 - 700,00 = 701,50; 36 - 7 = 29 months of r left. */
    {"2026-01-01", SP, "1990-05-01", "2017-06-01", false, 80000, 7, R, 10000, 29, 70150},
    /* Month 3: onder n comes first (r needs "de periode van zes maanden ... verstreken"). */
    {"2026-01-01", SP, "1990-05-01", "2017-06-01", false, 80000, 3, N, 20000, 3, 80150},
    /* Month 36 is the last of r (6 + 30); month 37: none -> 601,50. */
    {"2026-01-01", SP, "1990-05-01", "2017-06-01", false, 80000, 36, R, 10000, 0, 70150},
    {"2026-01-01", SP, "1990-05-01", "2017-06-01", false, 80000, 37, NO, 0, -1, 60150},
    /* Child turned 12 on the date (born 2014-01-01): "kind tot 12 jaar" no longer ->
     * 601,50; child of 11 (born 2014-01-02): r, 701,50. */
    {"2026-01-01", SP, "1990-05-01", "2014-01-01", false, 80000, 7, NO, 0, -1, 60150},
    {"2026-01-01", SP, "1990-05-01", "2014-01-02", false, 80000, 7, R, 10000, 29, 70150},
    /* r maximum: 12,5 % x 1.500,00 = 187,50 -> 177,66; 1.401,50 - (1.500,00 - 177,66)
     * = 1.401,50 - 1.322,34 = 79,16. */
    {"2026-01-01", SP, "1990-05-01", "2017-06-01", false, 150000, 7, R, 17766, 29, 7916},
    /* Single parent of 26: lid 5 excludes r as well as n -> 601,50. */
    {"2026-01-01", SP, "1999-06-01", "2020-06-01", false, 80000, 7, NO, 0, -1, 60150},
    /* Medisch urenbeperkt, month 7: y = 15 % x 800,00 = 120,00; 1.401,50 - 680,00 =
     * 721,50; no end. Month 1: n comes first ("tenzij onderdeel n van toepassing is"). */
    {"2026-01-01", S, "1995-06-01", NONE, true, 80000, 7, Y, 12000, -1, 72150},
    {"2026-01-01", S, "1995-06-01", NONE, true, 80000, 1, N, 20000, 5, 80150},
    /* Medisch urenbeperkt at 22: n does not apply (lid 5), y has no age limit: 721,50. */
    {"2026-01-01", S, "2003-06-01", NONE, true, 80000, 1, Y, 12000, -1, 72150},
    /* y maximum: 15 % x 1.300,00 = 195,00 -> 180,19; 1.401,50 - 1.119,81 = 281,69. */
    {"2026-01-01", S, "1995-06-01", NONE, true, 130000, 40, Y, 18019, -1, 28169},
    /* Single parent, child 8, medisch urenbeperkt, month 7: r applies only when "onderdeel
     * y, z of aa niet van toepassing is", so y: 120,00 (not r's 100,00) -> 721,50. */
    {"2026-01-01", SP, "1990-05-01", "2017-06-01", true, 80000, 7, Y, 12000, -1, 72150},
    /* From the AOW age onder n has no six-month limit: born 1958-06-01 [AOW], month
     * 10, 25 % x 400,00 = 100,00; 1.564,69 - 300,00 = 1.264,69. */
    {"2026-01-01", S, "1958-06-01", NONE, false, 40000, 10, N, 10000, -1, 126469},
    /* T9: 1.700,00 - 285,00 = 1.415,00 >= 1.401,50: no bijstand (art. 19 lid 1 a). */
    {"2026-01-01", S, "1995-06-01", NONE, false, 170000, 1, N, 28500, 5, 0},
    /* Income exactly at the norm after vrijlating: 1.401,50 - 0 = no right ("lager dan
     * de bijstandsnorm"); 1.401,50 at month 7 counts in full -> 0. */
    {"2026-01-01", S, "1995-06-01", NONE, false, 140150, 7, NO, 0, -1, 0},
    /* T8 (2024-01): 25 % x 1.100,00 = 275,00 -> 264,00 [V24a]; 1.283,83 - 836,00 = 447,83. */
    {"2024-01-01", S, "1990-05-01", NONE, false, 110000, 1, N, 26400, 5, 44783},
    /* T7 (2025-07): 25 % x 800,00 = 200,00 (< 278); 1.369,06 - 600,00 = 769,06. */
    {"2025-07-01", S, "1990-05-01", NONE, false, 80000, 2, N, 20000, 4, 76906},
    /* The maxima in every half year [PW26 and earlier texts; NB257; NB267], each reached
     * (n: 25 % x 1.200,00 = 300,00; r: 12,5 % x 1.500,00 = 187,50; y: 15 % x
     * 1.300,00 = 195,00). Norm art. 21 onder a: 2025-01 1.345,45 [W25], 2025-07
     * 1.369,06 [M25], 2026-07 1.419,46 [NB267].
     * 2025-01: n 273,00 -> 1.345,45 - 927,00 = 418,45; r 170,61 -> 1.345,45 -
     *   1.329,39 = 16,06; y 173,04 -> 1.345,45 - 1.126,96 = 218,49. */
    {"2025-01-01", S, "1995-06-01", NONE, false, 120000, 1, N, 27300, 5, 41845},
    {"2025-01-01", SP, "1990-05-01", "2017-06-01", false, 150000, 7, R, 17061, 29, 1606},
    {"2025-01-01", S, "1995-06-01", NONE, true, 130000, 40, Y, 17304, -1, 21849},
    /* 2025-07 [NB257] "€ 278,00", "€ 173,87", "€ 176,35": 1.369,06 - 922,00 = 447,06;
     *   1.369,06 - 1.326,13 = 42,93; 1.369,06 - 1.123,65 = 245,41. */
    {"2025-07-01", S, "1995-06-01", NONE, false, 120000, 1, N, 27800, 5, 44706},
    {"2025-07-01", SP, "1990-05-01", "2017-06-01", false, 150000, 7, R, 17387, 29, 4293},
    {"2025-07-01", S, "1995-06-01", NONE, true, 130000, 40, Y, 17635, -1, 24541},
    /* 2026-07 [NB267] "€ 285,00 per 1 juli 2026: € 289,00", "€ 177,66 per 1 juli 2026:
     * € 180,17", "€ 180,19 per 1 juli 2026: € 182,73" (provisional in the tables):
     *   1.419,46 - (1.200,00 - 289,00) = 508,46; 1.419,46 - (1.500,00 - 180,17) =
     *   99,63; 1.419,46 - (1.300,00 - 182,73) = 302,19. */
    {"2026-07-01", S, "1995-06-01", NONE, false, 120000, 1, N, 28900, 5, 50846},
    {"2026-07-01", SP, "1990-05-01", "2017-06-01", false, 150000, 7, R, 18017, 29, 9963},
    {"2026-07-01", S, "1995-06-01", NONE, true, 130000, 40, Y, 18273, -1, 30219},
    /* Below the maximum the share decides: 25 % x 800,00 = 200,00; 1.419,46 - 600,00. */
    {"2026-07-01", S, "1995-06-01", NONE, false, 80000, 2, N, 20000, 4, 81946},
    /* CONTRACT.md example: 1.401,50 - (600,00 - 150,00) = 951,50. */
    {"2026-01-01", S, NONE, NONE, false, 60000, 1, N, 15000, 5, 95150},
    /* Rounding of the share half up: 25 % x 333,33 = 83,3325 -> 83,33;
     * 1.401,50 - 250,00 = 1.151,50. 12,5 % x 333,35 = 41,66875 -> 41,67 (r);
     * 1.401,50 - (333,35 - 41,67) = 1.401,50 - 291,68 = 1.109,82. */
    {"2026-01-01", S, "1995-06-01", NONE, false, 33333, 1, N, 8333, 5, 115150},
    {"2026-01-01", SP, "1990-05-01", "2017-06-01", false, 33335, 8, R, 4167, 28, 110982},
    /* No income, no month: no vrijlating, the full norm. */
    {"2026-01-01", S, "1995-06-01", NONE, false, 0, 0, NO, 0, -1, 140150},
};

START_TEST(test_bijstand_month)
{
    const struct month_case *t = &month_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(t->hh, t->birth, NONE, t->child, 0);
    struct sw_bijstand r;
    struct sw_bijstand_traces tr;
    struct sw_err err;

    f.medical_hour_limit = t->medical;
    ck_assert_msg(sw_bijstand_entitled(&c, test_date(t->date), &f, t->income, 0, t->k, &r, &tr,
                                       &err) == SW_OK, "case %d: %s", _i, err.msg);
    ck_assert_msg(r.vrijlating_detail.kind == t->kind, "case %d: kind %d, expected %d", _i,
                  r.vrijlating_detail.kind, t->kind);
    ck_assert_msg(r.vrijlating == t->vrijlating, "case %d: vrijlating %lld, expected %lld", _i,
                  (long long)r.vrijlating, (long long)t->vrijlating);
    ck_assert_int_eq(r.vrijlating_detail.months_left, t->months_left);
    ck_assert_msg(r.entitled == t->entitled, "case %d: entitled %lld, expected %lld", _i,
                  (long long)r.entitled, (long long)t->entitled);
    ck_assert_int_eq(r.counted_income, t->income - t->vrijlating);
    /* Whatever the split, payment + reserve is the entitlement to the cent. */
    ck_assert_int_eq(r.monthly_payment + r.holiday_allowance_reserve, r.entitled);
    ck_assert_ptr_nonnull(strstr(tr.entitled.formula, "norm - (netto inkomen"));
}
END_TEST

/* ---- payment and vakantietoeslag ------------------------------------------------ */

struct pay_case {
    const char *date;
    enum sw_household_kind hh;
    const char *birth, *partner;
    int64_t income;
    int64_t payment, reserve;
};

static const struct pay_case pay_cases[] = {
    /* [ISD] 1 juli 2024, excl. vakantietoeslag: alleenstaande 1.243,03, echtpaar
     * 1.775,75, echtpaar pensioengerechtigd 1.877,81. By hand: 1.308,45 x 0,95 =
     * 1.243,0275 -> 1.243,03, reserve 65,42; 1.869,21 x 0,95 = 1.775,7495 ->
     * 1.775,75, reserve 93,46; 1.976,64 x 0,95 = 1.877,808 -> 1.877,81, reserve 98,83. */
    {"2024-07-01", S, "1990-05-01", NONE, 0, 124303, 6542},
    {"2024-07-01", C, "1990-05-01", "1991-01-01", 0, 177575, 9346},
    {"2024-07-01", C, "1950-01-01", "1952-01-01", 0, 187781, 9883},
    /* [W24] excl. vakantiegeld 1 januari 2024: 21 tot pensioengerechtigde leeftijd
     * € 1.219,64, 18-20 € 301,09 (1.283,83 x 0,95 = 1.219,6385; 316,94 x 0,95 =
     * 301,093). */
    {"2024-01-01", S, "1990-05-01", NONE, 0, 121964, 6419},
    {"2024-01-01", S, "2005-01-01", NONE, 0, 30109, 1585},
    /* CONTRACT.md example, entitlement 951,50: x 0,95 = 903,925 -> 903,93; reserve
     * 951,50 - 903,93 = 47,57. */
    {"2026-01-01", S, NONE, NONE, 60000, 90393, 4757},
    /* 2026-01 norm 1.401,50 x 0,95 = 1.331,425 -> 1.331,43 (half up), reserve 70,07. */
    {"2026-01-01", S, "1990-05-01", NONE, 0, 133143, 7007},
    /* 2026-07 [NB267]: 1.419,46 x 0,95 = 1.348,487 -> 1.348,49, reserve 70,97;
     * 2.027,79 x 0,95 = 1.926,4005 -> 1.926,40, reserve 101,39. */
    {"2026-07-01", S, "1990-05-01", NONE, 0, 134849, 7097},
    {"2026-07-01", C, "1990-05-01", "1991-01-01", 0, 192640, 10139},
};

START_TEST(test_bijstand_payment_split)
{
    const struct pay_case *t = &pay_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(t->hh, t->birth, t->partner, NONE, 0);
    struct sw_bijstand r;
    struct sw_err err;

    ck_assert_msg(sw_bijstand_entitled(&c, test_date(t->date), &f, t->income, 0,
                                       t->income ? 1 : 0, &r, NULL, &err) == SW_OK,
                  "case %d: %s", _i, err.msg);
    ck_assert_int_eq(r.monthly_payment, t->payment);
    ck_assert_int_eq(r.holiday_allowance_reserve, t->reserve);
    /* Art. 45 lid 1: "jaarlijks betaald in de maand juni". */
    ck_assert_int_eq(r.holiday_allowance_month, 6);
    ck_assert_int_eq(r.holiday_allowance_percent, 5 * SW_PPM_PER_PERCENT);
}
END_TEST

START_TEST(test_bijstand_holiday_percent_override)
{
    struct sw_override ov = {"participatiewet.holiday_allowance_percent", 48000};
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(S, "1990-05-01", NONE, NONE, 0);
    struct sw_bijstand r;
    struct sw_err err;

    /* The original 4,8 % of art. 19 lid 3 (5 % "per 1 januari 2009", [NB267]):
     * 1.401,50 x 0,952 = 1.334,228 -> 1.334,23; reserve 67,27. */
    c.overrides = &ov;
    c.n_overrides = 1;
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-01-01"), &f, 0, 0, 0, &r, NULL,
                                          &err), SW_OK);
    ck_assert_int_eq(r.monthly_payment, 133423);
    ck_assert_int_eq(r.holiday_allowance_reserve, 6727);
}
END_TEST

START_TEST(test_bijstand_other_income_counts_in_full)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(S, "1990-05-01", NONE, NONE, 0);
    struct sw_bijstand r;
    struct sw_bijstand_traces tr;
    struct sw_err err;

    /* 1.401,50 - (800,00 - 200,00 + 100,00) = 701,50: other income gets no vrijlating. */
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-01-01"), &f, 80000, 10000, 1, &r,
                                          &tr, &err), SW_OK);
    ck_assert_int_eq(r.entitled, 70150);
    ck_assert_int_eq(r.counted_income, 70000);
    ck_assert_ptr_nonnull(strstr(tr.entitled.formula, "ander netto inkomen"));
}
END_TEST

/* sw_vrijlating_share() and sw_bijstand_sum() on the values one answer looked up
 * (the vrijlating's kind, percentage and maximum, the vakantietoeslag
 * percentage) give, for other incomes in the same month index, what
 * sw_bijstand_entitled() gives for them: the month loop keeps those values and
 * works the sums out anew (engine_kept.c, entitled_window()). Every branch of
 * the vrijlating (none, n, r, y, z, aa, from the AOW age on), incomes from 0
 * to past the norm and the maxima, with and without other income. */
START_TEST(test_bijstand_sums_as_entitled)
{
    static const int64_t works[] = {0, 1, 99, 12345, 33333, 50000, 80000, 150000, 300000, 999999};
    static const int64_t others[] = {0, 10000, 200000};
    static const int ks[] = {0, 1, 3, 6, 7, 12, 24, 36, 37, 60};
    struct sw_ctx c = test_ctx();
    struct sw_household_facts fs[7];
    struct sw_err err;

    fs[0] = facts(S, "1990-05-01", NONE, NONE, 0);
    fs[1] = facts(SP, "1990-05-01", NONE, "2022-03-01", 0);
    fs[2] = facts(S, "1990-05-01", NONE, NONE, 0);
    fs[2].medical_hour_limit = true;
    fs[3] = facts(S, "1990-05-01", NONE, NONE, 0);
    fs[3].lks_doelgroep = true;
    fs[4] = fs[3];
    fs[4].lks_no_more_hours = true;
    fs[5] = facts(S, "1955-01-01", NONE, NONE, 0);
    fs[6] = facts(C, "2005-06-01", "2000-01-01", NONE, 0);
    for (size_t h = 0; h < sizeof(fs) / sizeof(fs[0]); h++) {
        for (size_t j = 0; j < sizeof(ks) / sizeof(ks[0]); j++) {
            struct sw_bijstand first;
            int k = ks[j];

            ck_assert_msg(sw_bijstand_entitled(&c, test_date("2026-03-01"), &fs[h], k ? 1 : 0, 0, k,
                                               &first, NULL, &err) == SW_OK,
                          "facts %zu, k %d: %s", h, k, err.msg);
            for (size_t w = 0; w < sizeof(works) / sizeof(works[0]); w++) {
                for (size_t o = 0; o < sizeof(others) / sizeof(others[0]); o++) {
                    int64_t work = k ? works[w] : 0;
                    struct sw_bijstand plain;
                    struct sw_bijstand_sums sums;
                    int64_t vr = first.vrijlating_detail.kind == SW_VRIJLATING_NONE
                                     ? 0
                                     : sw_vrijlating_share(work, first.vrijlating_detail.percent,
                                                           first.vrijlating_detail.max);

                    ck_assert(sw_bijstand_entitled(&c, test_date("2026-03-01"), &fs[h], work,
                                                   others[o], k, &plain, NULL, &err) == SW_OK);
                    ck_assert_int_eq(plain.vrijlating_detail.kind, first.vrijlating_detail.kind);
                    sw_bijstand_sum(first.norm, work, vr, others[o],
                                    first.holiday_allowance_percent, &sums);
                    ck_assert_int_eq(vr, plain.vrijlating);
                    ck_assert_int_eq(sums.counted_income, plain.counted_income);
                    ck_assert_int_eq(sums.entitled, plain.entitled);
                    ck_assert_int_eq(sums.monthly_payment, plain.monthly_payment);
                    ck_assert_int_eq(sums.holiday_allowance_reserve,
                                     plain.holiday_allowance_reserve);
                }
            }
        }
    }
}
END_TEST

/* ---- traces and provisional values --------------------------------------------- */

START_TEST(test_bijstand_traces_name_rule_and_values)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(SP, "1990-05-01", NONE, "2017-06-01", 2);
    struct sw_bijstand r;
    struct sw_bijstand_traces tr;
    struct sw_err err;
    bool seen_b = false;

    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-01-01"), &f, 80000, 0, 7, &r, &tr,
                                          &err), SW_OK);
    ck_assert_str_eq(tr.norm.rule, "Participatiewet art. 22a lid 1");
    ck_assert_ptr_nonnull(strstr(tr.norm.formula, "A = 3"));
    for (size_t i = 0; i < tr.norm.nparams; i++)
        if (strcmp(tr.norm.params[i].id, "participatiewet.norm.couple") == 0)
            seen_b = true;
    ck_assert(seen_b);
    ck_assert_str_eq(tr.vrijlating.rule, "Participatiewet art. 31 lid 2 onder r");
    ck_assert_ptr_nonnull(strstr(tr.vrijlating.formula, "12.5 %"));
    ck_assert_str_eq(tr.payment.rule, "Participatiewet art. 19 lid 3 en art. 45 lid 1");
    ck_assert_ptr_nonnull(strstr(tr.payment.formula, "juni"));
}
END_TEST

static bool used_provisional(const struct sw_used *u, const char *id)
{
    for (size_t i = 0; i < u->len; i++)
        if (strcmp(u->items[i].id, id) == 0 && u->items[i].provisional)
            return true;
    return false;
}

START_TEST(test_bijstand_2026_07_provisional_only_maxima)
{
    struct sw_used used = {0};
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(S, "1990-05-01", NONE, NONE, 0);
    struct sw_household_facts sp = facts(SP, "1990-05-01", NONE, "2017-06-01", 0);
    struct sw_bijstand r;
    struct sw_err err;

    c.used = &used;
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-01-01"), &f, 80000, 0, 1, &r, NULL,
                                          &err), SW_OK);
    ck_assert(!used_provisional(&used, "participatiewet.norm.single"));
    ck_assert(!used_provisional(&used, "participatiewet.vrijlating.n.max"));
    sw_used_release(&used);
    /* [NB267] = [PW267] = [RO267]: the norm 1.419,46 is confirmed; 1.419,46 - (800,00 -
     * 200,00) = 819,46. The n maximum 289,00 has one source [NB267]: provisional. */
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-07-01"), &f, 80000, 0, 1, &r, NULL,
                                          &err), SW_OK);
    ck_assert_int_eq(r.entitled, 81946);
    ck_assert(!used_provisional(&used, "participatiewet.norm.single"));
    ck_assert(used_provisional(&used, "participatiewet.vrijlating.n.max"));
    sw_used_release(&used);
    /* r [NB267] 180,17 and y 182,73 are provisional for the same reason. */
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-07-01"), &sp, 150000, 0, 7, &r,
                                          NULL, &err), SW_OK);
    ck_assert_int_eq(r.vrijlating, 18017);
    ck_assert(used_provisional(&used, "participatiewet.vrijlating.r.max"));
    ck_assert(!used_provisional(&used, "participatiewet.norm.single"));
    sw_used_release(&used);
    f.medical_hour_limit = true;
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-07-01"), &f, 130000, 0, 40, &r,
                                          NULL, &err), SW_OK);
    ck_assert_int_eq(r.vrijlating, 18273);
    ck_assert(used_provisional(&used, "participatiewet.vrijlating.y.max"));
    sw_used_release(&used);
}
END_TEST

/* ---- the tables themselves: each value per 2026-07-01 against its published figure,
 * and no value invented for 2027-01-01 ---------------------------------------- */

struct lookup_case {
    const char *id;
    const char *date;
    int64_t expected;
    bool provisional;
};

static const struct lookup_case lookup_cases[] = {
    /* [NB267] (= [PW267] for the norms) */
    {"participatiewet.norm.single", "2026-07-01", 141946, false},               /* 1.419,46 */
    {"participatiewet.norm.couple", "2026-07-01", 202779, false},               /* 2.027,79 */
    {"participatiewet.norm.aow.single", "2026-07-01", 158734, false},           /* 1.587,34 */
    {"participatiewet.norm.aow.couple_both", "2026-07-01", 217610, false},      /* 2.176,10 */
    {"participatiewet.norm.aow.couple_one", "2026-07-01", 217610, false},       /* = onder b */
    {"participatiewet.norm.youth.single", "2026-07-01", 35042, false},          /* 350,42 */
    {"participatiewet.norm.youth.single_parent", "2026-07-01", 35042, false},   /* 350,42 */
    {"participatiewet.norm.youth.couple_both", "2026-07-01", 70084, false},     /* 700,84 */
    {"participatiewet.norm.youth.couple_one", "2026-07-01", 136432, false},     /* 1.364,32 */
    {"participatiewet.norm.youth.couple_both_children", "2026-07-01", 110640, false}, /* 1.106,40 */
    {"participatiewet.norm.youth.couple_one_children", "2026-07-01", 176988, false},  /* 1.769,88 */
    {"participatiewet.norm.cost_sharing.young_spouse", "2026-07-01", 35042, false},   /* 350,42 */
    {"participatiewet.norm.cost_sharing.young_spouse_children", "2026-07-01", 75598, false},
    /* art. 20 lid 3 "verhoogt het college de norm met een bedrag van € 762,24" */
    {"participatiewet.norm.youth.no_parental_support", "2026-07-01", 76224, false},
    {"participatiewet.vrijlating.n.max", "2026-07-01", 28900, true},            /* 289,00 */
    {"participatiewet.vrijlating.r.max", "2026-07-01", 18017, true},            /* 180,17 */
    {"participatiewet.vrijlating.y.max", "2026-07-01", 18273, true},            /* 182,73 */
    /* [NB257] 278,00 / 173,87 / 176,35 and the mirrored text per 2025-01-01 (273 /
     * 170,61 / 173,04, no second source found) */
    {"participatiewet.vrijlating.n.max", "2025-07-01", 27800, false},
    {"participatiewet.vrijlating.r.max", "2025-07-01", 17387, false},
    {"participatiewet.vrijlating.y.max", "2025-07-01", 17635, false},
    {"participatiewet.vrijlating.n.max", "2025-01-01", 27300, false},
    {"participatiewet.vrijlating.r.max", "2025-01-01", 17061, false},
    {"participatiewet.vrijlating.y.max", "2025-01-01", 17304, false},
    /* [NB267] art. 19 lid 3 "4,8 procent per 1 januari 2009: 5 procent" (unit: ppm) */
    {"participatiewet.holiday_allowance_percent", "2026-07-01", 5 * SW_PPM_PER_PERCENT, false},
};

/* The one value in lookup_cases that is older than its date. */
static sw_date lookup_from(const struct lookup_case *t)
{
    return test_date(strstr(t->id, "holiday") ? "2024-01-01" : t->date);
}

START_TEST(test_bijstand_table_values_published)
{
    const struct lookup_case *t = &lookup_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_value_info info;
    struct sw_err err;
    int64_t v;
    enum sw_unit unit = strstr(t->id, "percent") ? SW_UNIT_PERCENT : SW_UNIT_EUROCENT;

    ck_assert_msg(sw_param(&c, t->id, test_date(t->date), unit, &v, &info, &err) == SW_OK,
                  "%s on %s: %s", t->id, t->date, err.msg);
    ck_assert_msg(v == t->expected, "%s on %s: %lld, expected %lld", t->id, t->date,
                  (long long)v, (long long)t->expected);
    ck_assert_msg(info.provisional == t->provisional, "%s on %s: provisional %d", t->id,
                  t->date, info.provisional);
    ck_assert_int_eq(info.from, lookup_from(t));
    ck_assert_ptr_nonnull(strstr(info.source, "Participatiewet art."));
}
END_TEST

/* Nothing was found for 2027-01-01 (see the tables): every half-yearly amount and the
 * inkomstenvrijlating rules that the Wet Participatiewet in balans revises end there,
 * unpublished, so that a 2027 calculation asks for an override instead of guessing. */
START_TEST(test_bijstand_2027_not_published)
{
    static const char *const ids[] = {
        "participatiewet.norm.single", "participatiewet.norm.couple",
        "participatiewet.norm.aow.single", "participatiewet.norm.aow.couple_both",
        "participatiewet.norm.aow.couple_one", "participatiewet.norm.youth.single",
        "participatiewet.norm.youth.single_parent", "participatiewet.norm.youth.couple_both",
        "participatiewet.norm.youth.couple_one", "participatiewet.norm.youth.couple_both_children",
        "participatiewet.norm.youth.couple_one_children",
        "participatiewet.norm.cost_sharing.young_spouse",
        "participatiewet.norm.cost_sharing.young_spouse_children",
        "participatiewet.norm.youth.no_parental_support", "participatiewet.vrijlating.n.max",
        "participatiewet.vrijlating.r.max", "participatiewet.vrijlating.y.max",
        "participatiewet.vrijlating.min_age", "participatiewet.vrijlating.n.months",
        "participatiewet.vrijlating.r.months", "participatiewet.vrijlating.r.child_age_limit",
    };
    struct sw_ctx c = test_ctx();
    struct sw_err err;
    int64_t v;

    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        enum sw_unit unit = strstr(ids[i], "months")   ? SW_UNIT_MONTHS
                            : strstr(ids[i], "age")    ? SW_UNIT_YEARS
                                                       : SW_UNIT_EUROCENT;

        ck_assert_msg(sw_param(&c, ids[i], test_date("2026-12-31"), unit, &v, NULL, &err) ==
                          SW_OK, "%s on 2026-12-31: %s", ids[i], err.msg);
        ck_assert_msg(sw_param(&c, ids[i], test_date("2027-01-01"), unit, &v, NULL, &err) ==
                          SW_ERR_NO_VALUE, "%s has a value on 2027-01-01", ids[i]);
    }
}
END_TEST

/* ---- errors ------------------------------------------------------------------- */

START_TEST(test_bijstand_dates_outside_tables)
{
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(S, "1990-05-01", NONE, NONE, 0);
    struct sw_bijstand r;
    struct sw_err err;

    /* Before the first value and after the 2027-01-01 end: a clear no-value error
     * naming the parameter. */
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2023-12-31"), &f, 0, 0, 0, &r, NULL,
                                          &err), SW_ERR_NO_VALUE);
    ck_assert_ptr_nonnull(strstr(err.msg, "participatiewet."));
    ck_assert_ptr_nonnull(strstr(err.msg, "2023-12-31"));
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2027-01-01"), &f, 0, 0, 0, &r, NULL,
                                          &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "participatiewet.norm.single");
}
END_TEST

START_TEST(test_bijstand_override_fills_a_missing_value)
{
    struct sw_override ov = {"participatiewet.norm.single", 143000};
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(S, "1990-05-01", NONE, NONE, 0);
    struct sw_bijstand_norm n;
    struct sw_err err;

    c.overrides = &ov;
    c.n_overrides = 1;
    ck_assert_int_eq(sw_bijstand_norm(&c, test_date("2027-01-01"), &f, &n, NULL, &err), SW_OK);
    ck_assert_int_eq(n.norm, 143000);
}
END_TEST

struct bad_case {
    enum sw_household_kind hh;
    const char *birth, *partner, *child;
    int cost_sharers;
    int64_t income;
    int k;
    const char *field;
};

static const struct bad_case bad_cases[] = {
    {S, "2026-02-01", NONE, NONE, 0, 0, 0, "household.birth_date"},       /* after the date */
    {S, "2008-01-02", NONE, NONE, 0, 0, 0, "household.birth_date"},       /* 17: art. 13 */
    {C, "1990-01-01", "2009-01-01", NONE, 0, 0, 0, "household.partner_birth_date"},
    {C, "1990-01-01", "2026-03-01", NONE, 0, 0, 0, "household.partner_birth_date"},
    {S, "1990-01-01", "1990-01-01", NONE, 0, 0, 0, "household.partner_birth_date"},
    {SP, "1990-01-01", NONE, "2026-06-01", 0, 0, 0, "household.children_birth_dates"},
    {S, "1990-01-01", NONE, NONE, -1, 0, 0, "household.cost_sharers"},
    {S, "1990-01-01", NONE, NONE, 51, 0, 0, "household.cost_sharers"},
    {S, "1990-01-01", NONE, NONE, 0, 50000, 0, "vrijlating_month"},        /* income, K 0 */
    {S, "1990-01-01", NONE, NONE, 0, 50000, -1, "vrijlating_month"},
    {S, "1990-01-01", NONE, NONE, 0, -1, 1, "net_income_from_work"},
    {(enum sw_household_kind)7, "1990-01-01", NONE, NONE, 0, 0, 0, "household.composition"},
};

START_TEST(test_bijstand_rejects_bad_facts)
{
    const struct bad_case *t = &bad_cases[_i];
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(t->hh, t->birth, t->partner, t->child, t->cost_sharers);
    struct sw_bijstand r;
    struct sw_err err;

    memset(&r, 0x5a, sizeof(r));
    ck_assert_int_eq(sw_bijstand_entitled(&c, test_date("2026-01-01"), &f, t->income, 0, t->k,
                                          &r, NULL, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, t->field);
    ck_assert_ptr_nonnull(strstr(err.msg, t->field));
    ck_assert_int_eq(r.norm, 0x5a5a5a5a5a5a5a5a);  /* untouched on failure */
}
END_TEST

START_TEST(test_bijstand_fields_name_the_options)
{
    static const struct sw_bijstand_fields cli = {
        .date = "--date", .household = "--household", .birth = "--birth-date",
        .partner_birth = "--partner-birth-date", .cost_sharers = "--cost-sharers",
        .housemate_birth = "--housemate-birth-date",
        .youngest_child_birth = "--youngest-child-birth-date", .income = "--net-income",
        .month_index = "--vrijlating-month"};
    struct sw_ctx c = test_ctx();
    struct sw_household_facts f = facts(S, "2026-05-01", NONE, NONE, 0);
    struct sw_bijstand_norm n;
    struct sw_err err;

    f.fields = &cli;
    ck_assert_int_eq(sw_bijstand_norm(&c, test_date("2026-01-01"), &f, &n, NULL, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--birth-date");
    ck_assert_ptr_nonnull(strstr(err.msg, "'--date'"));
}
END_TEST

START_TEST(test_household_parse)
{
    enum sw_household_kind k;
    struct sw_err err;

    ck_assert_int_eq(sw_household_parse(&k, "single_parent", "--household", &err), SW_OK);
    ck_assert_int_eq(k, SW_HOUSEHOLD_SINGLE_PARENT);
    ck_assert_str_eq(sw_household_name(SW_HOUSEHOLD_COUPLE), "couple");
    ck_assert_int_eq(sw_household_parse(&k, "Single", "--household", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--household");
    ck_assert_str_eq(sw_vrijlating_kind_name(SW_VRIJLATING_R), "r");
    ck_assert_ptr_null(sw_vrijlating_kind_name(SW_VRIJLATING_NONE));
}
END_TEST

static Suite *bijstand_suite(void)
{
    Suite *s = suite_create("bijstand");
    TCase *core = tcase_create("Core");
    TCase *limits = tcase_create("Limits");

    tcase_add_loop_test(core, test_bijstand_norm_published, 0,
                        sizeof(norm_cases) / sizeof(norm_cases[0]));
    tcase_add_loop_test(core, test_bijstand_norm_cost_sharers, 0,
                        sizeof(cost_cases) / sizeof(cost_cases[0]));
    tcase_add_test(core, test_bijstand_norm_reports_a);
    tcase_add_test(core, test_bijstand_housemate_counts_from_27);
    tcase_add_loop_test(core, test_bijstand_month, 0,
                        sizeof(month_cases) / sizeof(month_cases[0]));
    tcase_add_loop_test(core, test_bijstand_payment_split, 0,
                        sizeof(pay_cases) / sizeof(pay_cases[0]));
    tcase_add_test(core, test_bijstand_holiday_percent_override);
    tcase_add_test(core, test_bijstand_other_income_counts_in_full);
    tcase_add_test(core, test_bijstand_sums_as_entitled);
    tcase_add_test(core, test_bijstand_traces_name_rule_and_values);
    tcase_add_test(core, test_bijstand_2026_07_provisional_only_maxima);
    tcase_add_loop_test(core, test_bijstand_table_values_published, 0,
                        sizeof(lookup_cases) / sizeof(lookup_cases[0]));
    tcase_add_test(limits, test_bijstand_2027_not_published);
    tcase_add_test(core, test_household_parse);
    tcase_add_test(limits, test_bijstand_dates_outside_tables);
    tcase_add_test(limits, test_bijstand_override_fills_a_missing_value);
    tcase_add_loop_test(limits, test_bijstand_rejects_bad_facts, 0,
                        sizeof(bad_cases) / sizeof(bad_cases[0]));
    tcase_add_test(limits, test_bijstand_fields_name_the_options);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(bijstand_suite)
