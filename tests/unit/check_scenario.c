/* check_scenario.c - scenario JSON v1: defaults, every problem reported with its
 * JSON path, unknown and duplicate keys refused. */
#include <stdio.h>
#include <string.h>

#include "switchsim/scenario.h"
#include "switchsim/wml.h"
#include "testutil.h"

#define BASE_HH "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\"}"
#define BASE_JOB "\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28}"
#define HEAD "{\"version\":1,\"start_month\":\"2026-01\","

static sw_status parse(const char *json, struct sw_scenario *s, struct sw_problems *pr,
                       struct sw_err *err)
{
    return sw_scenario_parse(s, test_tables(), json, strlen(json), pr, err);
}

START_TEST(test_minimal_scenario_gets_defaults)
{
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_int_eq(parse(HEAD BASE_HH "," BASE_JOB "}", &s, &pr, &err), SW_OK);
    ck_assert_int_eq(s.months, 24);                 /* CONTRACT.md: [24] */
    ck_assert_int_eq(s.job.hours_x100, 2800);
    ck_assert_int_eq(s.job.hourly_wage, -1);        /* null = WML for the age */
    ck_assert_int_eq(s.job.pay_day, 25);
    ck_assert(s.job.loonheffingskorting);
    ck_assert_int_eq(s.job.holiday_pay, SW_HOLIDAY_YEARLY);
    ck_assert_int_eq(s.settlement.method, SW_SETTLE_DEFAULT);
    ck_assert(!s.toeslagen.huurtoeslag);            /* no rent, no huurtoeslag */
    ck_assert(s.toeslagen.zorgtoeslag);
    ck_assert_int_eq(s.toeslagen.estimate_updated, -1);
    ck_assert_int_eq(s.household.partner_birth, SW_NO_DATE);
    ck_assert(!s.strict);
}
END_TEST

START_TEST(test_full_contract_example_parses)
{
    /* The scenario of CONTRACT.md, comments removed. */
    static const char json[] =
        "{\"version\":1,\"start_month\":\"2026-01\",\"months\":24,\"municipality\":\"amersfoort\","
        "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\","
        "\"partner_birth_date\":null,\"children_birth_dates\":[],\"cost_sharers\":0,"
        "\"rent\":65000,\"medical_hour_limit\":false},"
        "\"before\":{\"benefit\":\"participatiewet\",\"dagbesteding_dagdelen_per_week\":6},"
        "\"job\":{\"kind\":\"beschut\",\"trial_start\":null,\"trial_end\":null,"
        "\"start\":\"2026-04-01\",\"end\":null,\"hours_per_week\":28,\"hourly_wage\":null,"
        "\"holiday_pay\":\"may\",\"pay_day\":25,"
        "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"percent\":50,\"forfaitair\":true},"
        "{\"from\":\"2026-10-01\",\"percent\":35}],\"loonheffingskorting\":true,"
        "\"dagbesteding_until\":null},"
        "\"settlement\":{\"benefit_pay_day\":1,\"method\":\"advance\"},"
        "\"toeslagen\":{\"zorgtoeslag\":true,\"huurtoeslag\":true,\"estimate_updated\":null},"
        "\"overrides\":{}}";
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_msg(parse(json, &s, &pr, &err) == SW_OK, "%s", err.msg);
    ck_assert_str_eq(s.municipality, "amersfoort");
    ck_assert_int_eq(s.household.rent, 65000);
    ck_assert_int_eq(s.before.dagbesteding_dagdelen, 6);
    ck_assert_int_eq(s.job.n_loonwaarde, 2);
    ck_assert_int_eq(s.job.loonwaarde[0].percent, 500000);
    ck_assert(s.job.loonwaarde[0].forfaitair);
    ck_assert_int_eq(s.job.loonwaarde[1].percent, 350000);
    ck_assert(!s.job.loonwaarde[1].forfaitair);
    ck_assert_int_eq(s.settlement.method, SW_SETTLE_ADVANCE);
    ck_assert_int_eq(s.settlement.benefit_pay_day, 1);
    ck_assert(s.toeslagen.huurtoeslag);
}
END_TEST

struct bad_case {
    const char *json;
    const char *field;     /* the JSON path the first problem must name */
};

static const struct bad_case bad[] = {
    {"", ""},
    {"[]", ""},
    {"{\"version\":1", ""},
    {HEAD BASE_HH "," BASE_JOB "} garbage", ""},                              /* trailing text */
    {HEAD BASE_HH "," BASE_JOB "}{}", ""},
    {HEAD BASE_HH "," BASE_JOB ",\"version\":1}", "version"},                 /* duplicate key */
    {"{\"version\":2,\"start_month\":\"2026-01\"," BASE_HH "," BASE_JOB "}", "version"},
    {"{\"version\":\"1\",\"start_month\":\"2026-01\"," BASE_HH "," BASE_JOB "}", "version"},
    {"{\"version\":1,\"start_month\":\"2026-13\"," BASE_HH "," BASE_JOB "}", "start_month"},
    {HEAD "\"months\":0," BASE_HH "," BASE_JOB "}", "months"},
    {HEAD "\"months\":61," BASE_HH "," BASE_JOB "}", "months"},
    {HEAD "\"months\":12.5," BASE_HH "," BASE_JOB "}", "months"},
    {HEAD "\"municipality\":\"atlantis\"," BASE_HH "," BASE_JOB "}", "municipality"},
    {HEAD "\"municipality\":\"../etc\"," BASE_HH "," BASE_JOB "}", "municipality"},
    {HEAD "\"colour\":\"blue\"," BASE_HH "," BASE_JOB "}", "colour"},          /* unknown key */
    {HEAD BASE_JOB "}", "household"},
    {HEAD BASE_HH "}", "job"},
    {HEAD "\"household\":{\"composition\":\"trio\",\"birth_date\":\"1994-05-01\"}," BASE_JOB "}",
     "household.composition"},
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-02-30\"}," BASE_JOB "}",
     "household.birth_date"},
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"2012-01-01\"}," BASE_JOB "}",
     "household.birth_date"},                                                  /* age 14 */
    {HEAD "\"household\":{\"composition\":\"couple\",\"birth_date\":\"1994-05-01\"}," BASE_JOB "}",
     "household.partner_birth_date"},
    {HEAD "\"household\":{\"composition\":\"single_parent\",\"birth_date\":\"1994-05-01\"},"
     BASE_JOB "}", "household.children_birth_dates"},
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\","
     "\"children_birth_dates\":[\"2020-01-01\",\"nope\"]}," BASE_JOB "}",
     "household.children_birth_dates[1]"},
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\","
     "\"rent\":-1}," BASE_JOB "}", "household.rent"},
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\","
     "\"rent\":1e300}," BASE_JOB "}", "household.rent"},
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\","
     "\"cost_sharers\":-2}," BASE_JOB "}", "household.cost_sharers"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":0}}",
     "job.hours_per_week"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":41}}",
     "job.hours_per_week"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\","
     "\"hours_per_week\":28.125}}", "job.hours_per_week"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\","
     "\"hours_per_week\":\"28\"}}", "job.hours_per_week"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2025-12-01\",\"hours_per_week\":28}}",
     "job.start"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"end\":\"2026-03-01\","
     "\"hours_per_week\":28}}", "job.end"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\","
     "\"trial_start\":\"2026-02-01\",\"hours_per_week\":28}}", "job.trial_end"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\","
     "\"trial_start\":\"2026-02-01\",\"trial_end\":\"2026-04-15\",\"hours_per_week\":28}}",
     "job.trial_end"},                                                          /* trial after start */
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28,"
     "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"percent\":101}]}}", "job.loonwaarde[0].percent"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28,"
     "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"percent\":50},"
     "{\"from\":\"2026-03-01\",\"percent\":40}]}}", "job.loonwaarde[1].from"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28,"
     "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"pct\":50}]}}", "job.loonwaarde[0].pct"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28,"
     "\"hourly_wage\":-5}}", "job.hourly_wage"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28,"
     "\"holiday_pay\":\"june\"}}", "job.holiday_pay"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28,"
     "\"pay_day\":32}}", "job.pay_day"},
    {HEAD BASE_HH "," BASE_JOB ",\"settlement\":{\"method\":\"later\"}}", "settlement.method"},
    {HEAD BASE_HH "," BASE_JOB ",\"toeslagen\":{\"huurtoeslag\":true}}", "toeslagen.huurtoeslag"},
    {HEAD BASE_HH "," BASE_JOB ",\"toeslagen\":{\"estimate_updated\":\"2030-01\"}}",
     "toeslagen.estimate_updated"},
    {HEAD BASE_HH "," BASE_JOB ",\"overrides\":{\"no.such.param\":1}}", "overrides.no.such.param"},
    {HEAD BASE_HH "," BASE_JOB ",\"overrides\":{\"wml.hourly\":14.5}}", "overrides.wml.hourly"},
    {HEAD BASE_HH "," BASE_JOB ",\"overrides\":{\"wml.hourly\":[1]}}", "overrides.wml.hourly"},
    {HEAD BASE_HH "," BASE_JOB ",\"project_unpublished\":\"yes\"}", "project_unpublished"},
    /* Numbers read exactly from the text (issue 19): not through a double. */
    {HEAD "\"months\":06," BASE_HH "," BASE_JOB "}", "months"},           /* not JSON */
    {HEAD "\"months\":-01," BASE_HH "," BASE_JOB "}", "months"},
    {HEAD "\"months\":6.," BASE_HH "," BASE_JOB "}", "months"},
    {HEAD "\"months\":9007199254740993," BASE_HH "," BASE_JOB "}", "months"},
    {HEAD "\"months\":6.0000000000000001," BASE_HH "," BASE_JOB "}", "months"},
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\","
     "\"rent\":65000.0000000000001}," BASE_JOB "}", "household.rent"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\","
     "\"hours_per_week\":36.000000000000001}}", "job.hours_per_week"},
    {HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":28,"
     "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"percent\":100.000004}]}}",
     "job.loonwaarde[0].percent"},
    {HEAD BASE_HH "," BASE_JOB ",\"overrides\":{\"wml.hourly\":01450}}", "overrides.wml.hourly"},
    /* Well-formed dates out of range (issue 19). */
    {HEAD "\"household\":{\"composition\":\"single\",\"birth_date\":\"0001-01-01\"}," BASE_JOB "}",
     "household.birth_date"},
    {"{\"version\":1,\"start_month\":\"2999-01\"," BASE_HH "," BASE_JOB "}", "start_month"},
};

/* The exact value of each number as written, whatever its notation. */
/* The youngest resident and partner the scenario reader takes: the age of
 * participatiewet.age.min on the first day of the start month (Participatiewet
 * art. 13 lid 1 onder f: no bijstand below 18; tables/participatiewet.xml).
 * Born 2008-01-02, someone is 17 on 2026-01-01; born 2008-01-01, 18. */
START_TEST(test_min_age_from_tables)
{
    static const char *const files[] = {"tests/tables/scenario/age-min-21.xml"};
    static const char job[] = "\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\","
                              "\"hours_per_week\":28}}";
    char json[512];
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;
    struct sw_tables *t21;

    snprintf(json, sizeof(json), HEAD "\"household\":{\"composition\":\"single\","
             "\"birth_date\":\"2008-01-02\"},%s", job);
    ck_assert_int_eq(parse(json, &s, &pr, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg,
                     "household.birth_date: the resident is 17: the Participatiewet applies from 18");
    snprintf(json, sizeof(json), HEAD "\"household\":{\"composition\":\"single\","
             "\"birth_date\":\"2008-01-01\"},%s", job);
    ck_assert_int_eq(parse(json, &s, &pr, &err), SW_OK);
    snprintf(json, sizeof(json), HEAD "\"household\":{\"composition\":\"couple\","
             "\"birth_date\":\"1994-05-01\",\"partner_birth_date\":\"2008-01-02\"},%s", job);
    ck_assert_int_eq(parse(json, &s, &pr, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "household.partner_birth_date: the partner must be 18 or older");

    /* With a table that says 21, a resident of 19 (born 2006-06-01) and such a
     * partner are refused, naming 21: the age is the table's. */
    t21 = test_load_tables(files, 1, &err);
    ck_assert_msg(t21 != NULL, "%s", err.msg);
    snprintf(json, sizeof(json), HEAD "\"household\":{\"composition\":\"single\","
             "\"birth_date\":\"2006-06-01\"},%s", job);
    ck_assert_int_eq(sw_scenario_parse(&s, t21, json, strlen(json), &pr, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg,
                     "household.birth_date: the resident is 19: the Participatiewet applies from 21");
    snprintf(json, sizeof(json), HEAD "\"household\":{\"composition\":\"couple\","
             "\"birth_date\":\"1994-05-01\",\"partner_birth_date\":\"2006-06-01\"},%s", job);
    ck_assert_int_eq(sw_scenario_parse(&s, t21, json, strlen(json), &pr, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "household.partner_birth_date: the partner must be 21 or older");
    sw_tables_free(t21);
}
END_TEST

START_TEST(test_numbers_read_exactly)
{
    static const char json[] =
        HEAD "\"months\":1.2e1,"
        "\"household\":{\"composition\":\"single\",\"birth_date\":\"1994-05-01\","
        "\"rent\":65000.000},"
        "\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\",\"hours_per_week\":2.855e1,"
        "\"pay_day\":2500E-2,"
        "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"percent\":0.505e2}]}}";
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_msg(parse(json, &s, &pr, &err) == SW_OK, "%s", err.msg);
    ck_assert_int_eq(s.months, 12);
    ck_assert_int_eq(s.household.rent, 65000);
    ck_assert_int_eq(s.job.hours_x100, 2855);
    ck_assert_int_eq(s.job.pay_day, 25);
    ck_assert_int_eq(s.job.loonwaarde[0].percent, 505000);
}
END_TEST

/* A value is reported as written: 2^53 + 1 is not rounded to 2^53 on the way. */
START_TEST(test_out_of_range_reported_as_written)
{
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_int_eq(parse(HEAD "\"months\":9007199254740993," BASE_HH "," BASE_JOB "}", &s, &pr,
                           &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "months: 9007199254740993 is out of range (1 to 60)");
    ck_assert_int_eq(parse(HEAD "\"months\":06," BASE_HH "," BASE_JOB "}", &s, &pr, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "months: '06' is not a JSON number (a leading zero)");
    ck_assert_int_eq(parse(HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\",\"start\":\"2026-04-01\","
                           "\"hours_per_week\":41}}", &s, &pr, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "job.hours_per_week: 41 is out of range (1 to 40)");
}
END_TEST

/* Only the first, real problem: a refused rent is not followed by "huurtoeslag
 * needs household.rent". */
START_TEST(test_refused_rent_has_no_follow_on)
{
    static const char json[] = HEAD "\"household\":{\"composition\":\"single\","
                                    "\"birth_date\":\"1994-05-01\",\"rent\":-1}," BASE_JOB ","
                                    "\"toeslagen\":{\"huurtoeslag\":true}}";
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_int_eq(parse(json, &s, &pr, &err), SW_ERR_INVALID);
    ck_assert_uint_eq(pr.n, 1);
    ck_assert_str_eq(pr.items[0].field, "household.rent");
}
END_TEST

/* Dates: well-formed but out of range says so, with the range. */
START_TEST(test_date_out_of_range_says_so)
{
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_int_eq(parse(HEAD "\"household\":{\"composition\":\"single\","
                           "\"birth_date\":\"9999-12-31\"}," BASE_JOB "}", &s, &pr, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.msg,
                     "household.birth_date: '9999-12-31' is out of range (1900-01-01 to 2200-12-31)");
    ck_assert_int_eq(parse(HEAD "\"household\":{\"composition\":\"single\","
                           "\"birth_date\":\"2025-02-29\"}," BASE_JOB "}", &s, &pr, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "household.birth_date: not a date: '2025-02-29' does not exist");
}
END_TEST

/* An unknown key is repeated cut short, its control characters escaped. */
START_TEST(test_echoed_key_is_escaped_and_cut)
{
    char json[2048];
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;
    int n = snprintf(json, sizeof(json), HEAD BASE_HH "," BASE_JOB ",\"\\u001b[2J\\u202e");

    for (int i = 0; i < 1000; i++)
        json[n++] = 'K';
    snprintf(json + n, sizeof(json) - (size_t)n, "\":1}");
    ck_assert_int_eq(parse(json, &s, &pr, &err), SW_ERR_INVALID);
    ck_assert_msg(strncmp(err.field, "\\u001b[2J\\u202eKKK", strlen("\\u001b[2J\\u202eKKK")) == 0,
                  "%s", err.field);
    ck_assert_uint_lt(strlen(err.field), 100);
    ck_assert_str_eq(err.field + strlen(err.field) - 3, "...");
    for (const char *p = err.msg; *p; p++)
        ck_assert_int_ge((unsigned char)*p, 0x20);
}
END_TEST

START_TEST(test_bad_scenario_names_the_path)
{
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_int_eq(parse(bad[_i].json, &s, &pr, &err), SW_ERR_INVALID);
    ck_assert_uint_ge(pr.n, 1);
    ck_assert_msg(strcmp(err.field, bad[_i].field) == 0, "case %d: field '%s', expected '%s' (%s)",
                  _i, err.field, bad[_i].field, err.msg);
    ck_assert_str_eq(pr.items[0].field, err.field);
}
END_TEST

START_TEST(test_all_problems_reported)
{
    static const char json[] = HEAD "\"household\":{\"composition\":\"x\",\"birth_date\":\"y\"},"
                                    "\"job\":{\"kind\":\"z\",\"start\":\"2026-04-01\","
                                    "\"hours_per_week\":99}}";
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;

    ck_assert_int_eq(parse(json, &s, &pr, &err), SW_ERR_INVALID);
    ck_assert_uint_eq(pr.n, 4);
    ck_assert_str_eq(pr.items[0].field, "household.composition");
    ck_assert_str_eq(pr.items[1].field, "household.birth_date");
    ck_assert_str_eq(pr.items[2].field, "job.kind");
    ck_assert_str_eq(pr.items[3].field, "job.hours_per_week");
}
END_TEST

START_TEST(test_too_big_and_deep)
{
    static char big[SW_SCENARIO_MAX_BYTES + 10];
    char deep[4000];
    struct sw_scenario s;
    struct sw_problems pr;
    struct sw_err err;
    size_t n = 0;

    memset(big, ' ', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    ck_assert_int_eq(parse(big, &s, &pr, &err), SW_ERR_TOO_BIG);
    for (int i = 0; i < 1500; i++)
        deep[n++] = '[';
    deep[n] = '\0';
    ck_assert_int_eq(parse(deep, &s, &pr, &err), SW_ERR_INVALID);
}
END_TEST

/* Fill the stack below the caller with byte v (where the parser's frame will lie). */
static void __attribute__((noinline)) dirty_stack(unsigned char v)
{
    volatile unsigned char buf[32768];

    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = v;
}

/* The same scenario parses to the same bytes, padding included, whatever lay on
 * the stack: batch's keeper recognises a variant's baseline by comparing
 * scenarios byte for byte (engine.c, baseline_fits), and a loonwaarde period
 * copied whole from the stack carried its padding along. */
START_TEST(test_same_scenario_same_bytes)
{
    static const char json[] = HEAD BASE_HH ",\"job\":{\"kind\":\"beschut\","
        "\"start\":\"2026-04-01\",\"hours_per_week\":28,"
        "\"loonwaarde\":[{\"from\":\"2026-04-01\",\"percent\":50,\"forfaitair\":true},"
        "{\"from\":\"2026-10-01\",\"percent\":35}]}}";
    static struct sw_scenario a, b;
    struct sw_problems pr;
    struct sw_err err;

    dirty_stack(0xAA);
    ck_assert_int_eq(parse(json, &a, &pr, &err), SW_OK);
    dirty_stack(0x55);
    ck_assert_int_eq(parse(json, &b, &pr, &err), SW_OK);
    ck_assert_int_eq(a.job.n_loonwaarde, 2);
    ck_assert(memcmp(&a, &b, sizeof(a)) == 0);
}
END_TEST

static Suite *scenario_suite(void)
{
    Suite *s = suite_create("scenario");
    TCase *core = tcase_create("Core"), *limits = tcase_create("Limits");

    tcase_add_test(core, test_minimal_scenario_gets_defaults);
    tcase_add_test(core, test_full_contract_example_parses);
    tcase_add_test(core, test_all_problems_reported);
    tcase_add_test(core, test_same_scenario_same_bytes);
    tcase_add_loop_test(limits, test_bad_scenario_names_the_path, 0,
                        (int)(sizeof(bad) / sizeof(bad[0])));
    tcase_add_test(limits, test_too_big_and_deep);
    tcase_add_test(limits, test_min_age_from_tables);
    tcase_add_test(limits, test_numbers_read_exactly);
    tcase_add_test(limits, test_out_of_range_reported_as_written);
    tcase_add_test(limits, test_refused_rent_has_no_follow_on);
    tcase_add_test(limits, test_date_out_of_range_says_so);
    tcase_add_test(limits, test_echoed_key_is_escaped_and_cut);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(scenario_suite)
