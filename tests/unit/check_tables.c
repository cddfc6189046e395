/* check_tables.c - loading tables from memory, lookups by id and date, scales,
 * overrides (only where the tables allow them, within their range), declared
 * ranges, municipal fallback, the record of provisional values, and a hostile
 * schema (no network, no DTD, no entities). */
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "fileio.h"
#include "switchsim/money.h"
#include "testutil.h"

static const char *const valid[] = {"tests/tables/valid/base.xml",
                                    "tests/tables/valid/later.xml",
                                    "tests/tables/valid/gemeente.xml"};

START_TEST(test_lookup_half_open_intervals)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_ctx c = {0};
    struct sw_value_info info;
    int64_t v;

    ck_assert_ptr_nonnull(t);
    c.tables = t;
    /* [2025-01-01, 2026-01-01) -> 1000.00; the last day still has it. */
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2025-12-31"), SW_UNIT_EUROCENT, &v,
                              &info, &err), SW_OK);
    ck_assert_int_eq(v, 100000);
    ck_assert(!info.provisional);
    ck_assert_int_eq(info.from, test_date("2025-01-01"));
    ck_assert_str_eq(info.source, "test source");
    ck_assert_str_eq(info.file, "tests/tables/valid/base.xml");
    /* From its first day the next value applies. */
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2026-01-01"), SW_UNIT_EUROCENT, &v,
                              &info, &err), SW_OK);
    ck_assert_int_eq(v, 110000);
    ck_assert(info.provisional);
    /* Before the first value and after the explicit end: no value, named. */
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2024-12-31"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.msg, "no value for 'test.amount' on '2024-12-31'");
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2027-01-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.field, "test.amount");
    /* A timeline continued in a second document. */
    ck_assert_int_eq(sw_param(&c, "test.rate", test_date("2026-02-01"), SW_UNIT_PERCENT, &v,
                              NULL, &err), SW_OK);
    ck_assert_int_eq(v, 300000);
    sw_tables_free(t);
}
END_TEST

START_TEST(test_lookup_wrong_unit_is_a_bug)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 1, &err);
    struct sw_ctx c = {0};
    int64_t v;

    c.tables = t;
    ck_assert_int_eq(sw_param(&c, "test.rate", test_date("2025-02-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_ERR_INTERNAL);
    ck_assert_int_eq(sw_param(&c, "no.such", test_date("2025-02-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_ERR_NO_VALUE);
    sw_tables_free(t);
}
END_TEST

START_TEST(test_scale_marginal_and_piecewise)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 1, &err);
    struct sw_ctx c = {0};
    const struct sw_bracket *b;
    size_t n;

    c.tables = t;
    ck_assert_int_eq(sw_scale(&c, "test.brackets", test_date("2025-06-01"), SW_SCALE_MARGINAL,
                              &b, &n, NULL, &err), SW_OK);
    ck_assert_int_eq(n, 3);
    /* 2025 box 1 brackets on 50 000: 38 441 x 35.82 % = 13 769.5662 -> 13 769.56 (down)
     * + 11 559 x 37.48 % = 4 332.3132 -> 4 332.31; total 18 101.87 */
    ck_assert_int_eq(sw_scale_eval(SW_SCALE_MARGINAL, b, n, 5000000, sw_money_rate_down),
                     1376956 + 433231);
    /* Above the top: + (100 000 - 76 817) x 49.5 % = 11 475.585 -> 11 475.58 and the
     * full second bracket 38 376 x 37.48 % = 14 383.3248 -> 14 383.32 */
    ck_assert_int_eq(sw_scale_eval(SW_SCALE_MARGINAL, b, n, 10000000, sw_money_rate_down),
                     1376956 + 1438332 + 1147558);
    ck_assert_int_eq(sw_scale_eval(SW_SCALE_MARGINAL, b, n, 0, sw_money_rate_down), 0);

    ck_assert_int_eq(sw_scale(&c, "test.piecewise", test_date("2025-06-01"), SW_SCALE_PIECEWISE,
                              &b, &n, NULL, &err), SW_OK);
    /* Arbeidskorting 2025 shape: 10 000 x 8.053 % = 805.30 */
    ck_assert_int_eq(sw_scale_eval(SW_SCALE_PIECEWISE, b, n, 1000000, sw_money_rate_half_up),
                     80530);
    /* 20 000: 980 + (20 000 - 12 169) x 30.03 % = 980 + 2 351.6493 = 3 331.65 */
    ck_assert_int_eq(sw_scale_eval(SW_SCALE_PIECEWISE, b, n, 2000000, sw_money_rate_half_up),
                     333165);
    /* 50 000: 5 599 - (50 000 - 43 071) x 6.51 % = 5 599 - 451.0779 = 5 147.92 */
    ck_assert_int_eq(sw_scale_eval(SW_SCALE_PIECEWISE, b, n, 5000000, sw_money_rate_half_up),
                     514792);
    /* Asking for the wrong kind is a programming error. */
    ck_assert_int_eq(sw_scale(&c, "test.piecewise", test_date("2025-06-01"), SW_SCALE_MARGINAL,
                              &b, &n, NULL, &err), SW_ERR_INTERNAL);
    sw_tables_free(t);
}
END_TEST

START_TEST(test_overrides_and_used_list)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_used used = {0};
    struct sw_override ov[1];
    struct sw_ctx c = {0};
    struct sw_value_info info;
    int64_t v;

    c.tables = t;
    c.used = &used;
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "123456", "overrides",
                                              &ov[0].amount, &err), SW_OK);
    ck_assert_int_eq(sw_tables_parse_override(t, "test.rate", "12.5", "overrides", &v, &err),
                     SW_OK);
    ck_assert_int_eq(v, 125000);
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "12.5", "overrides", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(sw_tables_parse_override(t, "test.brackets", "1", "overrides", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(sw_tables_parse_override(t, "no.such", "1", "overrides", &v, &err),
                     SW_ERR_INVALID);
    /* A provisional value used is recorded as provisional. */
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2026-03-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_OK);
    ck_assert_int_eq(used.len, 1);
    ck_assert(used.items[0].provisional);
    /* The same lookup twice is recorded once. */
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2026-04-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_OK);
    ck_assert_int_eq(used.len, 1);
    /* With an override, the user's value wins and is marked as such. */
    ov[0].id = "test.amount";
    c.overrides = ov;
    c.n_overrides = 1;
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2030-01-01"), SW_UNIT_EUROCENT, &v,
                              &info, &err), SW_OK);
    ck_assert_int_eq(v, 123456);
    ck_assert(info.overridden);
    ck_assert_int_eq(used.len, 2);
    sw_used_release(&used);
    sw_tables_free(t);
}
END_TEST

START_TEST(test_projection_only_when_asked)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_used used = {0};
    struct sw_ctx c = {0};
    struct sw_value_info info;
    int64_t v;

    c.tables = t;
    c.used = &used;
    /* Not asked: past the published value there is none, by name. */
    ck_assert_int_eq(sw_param(&c, "test.indexed", test_date("2026-02-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.msg, "no value for 'test.indexed' on '2026-02-01'");
    /* Asked: the last published value stands in, marked projected + provisional. */
    c.project = true;
    ck_assert_int_eq(sw_param(&c, "test.indexed", test_date("2026-02-01"), SW_UNIT_EUROCENT, &v,
                              &info, &err), SW_OK);
    ck_assert_int_eq(v, 5000);
    ck_assert(info.projected);
    ck_assert(info.provisional);
    ck_assert_int_eq(used.len, 1);
    ck_assert(used.items[0].projected);
    /* An end that is not "unpublished" (a rule abolished) is never projected. */
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2027-02-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_ERR_NO_VALUE);
    sw_used_release(&used);
    sw_tables_free(t);
}
END_TEST

START_TEST(test_municipal_lookup)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_ctx c = {0};
    int64_t v;

    c.tables = t;
    ck_assert(sw_tables_has_municipality(t, "testdorp"));
    ck_assert(!sw_tables_has_municipality(t, "elders"));
    c.municipality = "testdorp";
    ck_assert_int_eq(sw_param(&c, "gemeente.price", test_date("2026-01-01"), SW_UNIT_EUROCENT,
                              &v, NULL, &err), SW_OK);
    ck_assert_int_eq(v, 5120);
    /* Another municipality without it and no "default" table: a clear error. */
    c.municipality = "elders";
    ck_assert_int_eq(sw_param(&c, "gemeente.price", test_date("2026-01-01"), SW_UNIT_EUROCENT,
                              &v, NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_ptr_nonnull(strstr(err.msg, "gemeente.price"));
    sw_tables_free(t);
}
END_TEST

START_TEST(test_set_identity)
{
    struct sw_err err;
    struct sw_tables *a = test_load_tables(valid, 3, &err), *b;
    const char *const reversed[] = {valid[2], valid[1], valid[0]};
    char sha[65];

    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(strlen(sw_tables_sha256(a)), 64);
    ck_assert_str_eq(sw_tables_version(a), "2026-06-01");  /* the newest document */
    snprintf(sha, sizeof(sha), "%s", sw_tables_sha256(a));
    /* The same documents added in another order: the same set, the same sha. */
    b = test_load_tables(reversed, 3, &err);
    ck_assert_str_eq(sw_tables_sha256(b), sha);
    sw_tables_free(b);
    /* A different set: another sha. */
    b = test_load_tables(valid, 1, &err);
    ck_assert_str_ne(sw_tables_sha256(b), sha);
    sw_tables_free(b);
    sw_tables_free(a);
}
END_TEST

START_TEST(test_failed_add_leaves_set_unchanged)
{
    struct sw_err err;
    struct sw_tables *t = NULL;
    char *xsd = NULL, *buf = NULL;
    size_t len, blen;
    struct sw_ctx c = {0};
    int64_t v;
    static const char broken[] =
        "<?xml version=\"1.0\"?><tables xmlns=\"urn:switchsim:tables:1\" schema=\"1\" id=\"b\" "
        "kind=\"national\" version=\"2026-01-01\" title=\"b\"><param id=\"b.ok\" unit=\"count\">"
        "<description>d</description><value from=\"2025-01-01\" amount=\"1\" source=\"src\"/>"
        "</param><param id=\"b.bad\" unit=\"percent\"><description>d</description>"
        "<value from=\"2025-01-01\" amount=\"101\" source=\"src\"/></param></tables>";

    ck_assert_int_eq(sw_read_file(&xsd, &len, "tables/schema/v1/tables.xsd", 1 << 20, &err), SW_OK);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_OK);
    ck_assert_int_eq(sw_read_file(&buf, &blen, valid[0], 1 << 20, &err), SW_OK);
    ck_assert_int_eq(sw_tables_add(t, "base.xml", buf, blen, &err), SW_OK);
    ck_assert_int_eq(sw_tables_add(t, "broken.xml", broken, sizeof(broken) - 1, &err),
                     SW_ERR_TABLE);
    ck_assert_ptr_nonnull(strstr(err.msg, "broken.xml:1"));
    ck_assert_int_eq(sw_tables_finish(t, &err), SW_OK);
    ck_assert_int_eq(sw_tables_doc_count(t), 1);
    c.tables = t;
    /* b.ok came before the broken value in the same document: dropped too. */
    ck_assert_int_eq(sw_param(&c, "b.ok", test_date("2025-06-01"), SW_UNIT_COUNT, &v, NULL,
                              &err), SW_ERR_NO_VALUE);
    free(xsd);
    free(buf);
    sw_tables_free(t);
}
END_TEST

START_TEST(test_shipped_tables_load)
{
    const struct sw_tables *t = test_tables();

    ck_assert_uint_gt(sw_tables_doc_count(t), 1);
    ck_assert_uint_gt(sw_tables_param_count(t), 10);
}
END_TEST

/* --- overrides: only what the tables mark overridable, within its range --- */

START_TEST(test_override_refused_unless_overridable)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    int64_t v = -1, lo, hi;

    ck_assert_ptr_nonnull(t);
    /* test.indexed has no overridable="true": refused, naming it and the field. */
    ck_assert_int_eq(sw_tables_parse_override(t, "test.indexed", "5000", "overrides.test.indexed",
                                              &v, &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "overrides.test.indexed");
    ck_assert_str_eq(err.msg, "'test.indexed' cannot be overridden in 'overrides.test.indexed': "
                              "the tables do not mark it overridable");
    ck_assert_int_eq(v, -1);
    ck_assert(!sw_tables_override_range(t, "test.indexed", &lo, &hi));
    ck_assert(!sw_tables_override_range(t, "test.brackets", &lo, &hi));
    ck_assert(!sw_tables_override_range(t, "no.such", &lo, &hi));
    /* A municipal parameter without a "default" table: unknown. */
    ck_assert_int_eq(sw_tables_parse_override(t, "gemeente.price", "1", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "unknown parameter 'gemeente.price'"));
    sw_tables_free(t);
}
END_TEST

START_TEST(test_override_within_declared_range)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    int64_t v = -1, lo, hi;

    ck_assert_ptr_nonnull(t);
    ck_assert(sw_tables_override_range(t, "test.amount", &lo, &hi));
    ck_assert_int_eq(lo, 50000);
    ck_assert_int_eq(hi, 220000);
    ck_assert(sw_tables_override_range(t, "test.rate", &lo, &hi));
    ck_assert_int_eq(lo, 125000);   /* 12.5 % in ppm */
    ck_assert_int_eq(hi, 600000);
    /* The bounds themselves are in the range. */
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "50000", "--override", &v, &err),
                     SW_OK);
    ck_assert_int_eq(v, 50000);
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "220000", "--override", &v, &err),
                     SW_OK);
    ck_assert_int_eq(v, 220000);
    /* One cent outside, zero, and a negative: refused, naming the range. */
    v = -1;
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "49999", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.msg, "value '49999' for 'test.amount' outside its range 50000 to 220000 "
                              "(unit eurocent) in '--override'");
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "220001", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "0", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(sw_tables_parse_override(t, "test.amount", "-1", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(v, -1);
    /* A percentage's range is written as the tables write it. */
    ck_assert_int_eq(sw_tables_parse_override(t, "test.rate", "12.4999", "overrides.test.rate",
                                              &v, &err), SW_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "outside its range 12.5 to 60 (unit percent)"));
    ck_assert_str_eq(err.field, "overrides.test.rate");
    ck_assert_int_eq(sw_tables_parse_override(t, "test.rate", "60", "--override", &v, &err), SW_OK);
    ck_assert_int_eq(v, 600000);
    sw_tables_free(t);
}
END_TEST

/* Issue 19: overriding what the rules divide by (or count with) crashed the CLI
 * and the CGI (SIGFPE) or failed as a tables problem. Each is now bad input. */
static const char *const structural[][2] = {
    {"wml.months_per_year", "0"},
    {"wml.months_per_year", "12"},
    {"awir.months_per_year", "0"},
    {"awir.months_per_year", "1"},
    {"awir.months_per_year", "1000"},
    {"loonheffing.table.periods_per_year", "0"},
    {"loonheffing.table.annual_step", "0"},
    {"ww.dagloondagen_per_year", "0"},
    {"wml.weeks_per_year", "0"},
    {"gemeente.dagbesteding.weeks_per_year", "0"},
};

START_TEST(test_structural_override_refused)
{
    const struct sw_tables *t = test_tables();
    const char *id = structural[_i][0];
    struct sw_err err;
    char field[160];
    int64_t v = -1, lo, hi;

    snprintf(field, sizeof(field), "overrides.%s", id);
    ck_assert_int_eq(sw_tables_parse_override(t, id, structural[_i][1], field, &v, &err),
                     SW_ERR_INVALID);
    ck_assert_str_eq(err.field, field);
    ck_assert_ptr_nonnull(strstr(err.msg, id));
    ck_assert_ptr_nonnull(strstr(err.msg, "cannot be overridden"));
    ck_assert_int_eq(v, -1);
    ck_assert(!sw_tables_override_range(t, id, &lo, &hi));
}
END_TEST

/* What the other tests and the documentation override stays overridable. */
static const struct {
    const char *id, *text;
    int64_t value;
} consultant[] = {
    {"wml.hourly", "1500", 1500},
    {"participatiewet.norm.single", "143000", 143000},
    {"participatiewet.vrijlating.n.max", "28800", 28800},
    {"participatiewet.holiday_allowance_percent", "4.8", 48000},
    {"zorgtoeslag.standaardpremie", "200000", 200000},
    {"lks.werkgeverslasten_percent", "20", 200000},
    {"wmo.abonnementstarief", "2180", 2180},
    {"huurtoeslag.max_rent", "93293", 93293},
    {"werkgever.whk.average", "4.5", 45000},
};

START_TEST(test_consultant_override_accepted)
{
    const struct sw_tables *t = test_tables();
    struct sw_err err;
    int64_t v = -1, lo, hi;

    ck_assert_int_eq(sw_tables_parse_override(t, consultant[_i].id, consultant[_i].text,
                                              "--override", &v, &err), SW_OK);
    ck_assert_int_eq(v, consultant[_i].value);
    ck_assert(sw_tables_override_range(t, consultant[_i].id, &lo, &hi));
    ck_assert(lo <= v && v <= hi);
    /* A typo of euros for cents (x 100) is out of every range. */
    ck_assert_int_eq(sw_tables_parse_override(t, "wml.hourly", "149900", "--override", &v, &err),
                     SW_ERR_INVALID);
}
END_TEST

/* The huurtoeslag ijkpunten: any minimum-inkomensijkpunt a user may give stays
 * below any referentie-inkomensijkpunt (the rule needs MIP < RIP). */
START_TEST(test_ijkpunt_ranges_do_not_overlap)
{
    static const char *const hh[] = {"single", "multi", "single_aow", "multi_aow"};
    const struct sw_tables *t = test_tables();
    char mip[64], rip[64];
    int64_t mlo, mhi, rlo, rhi;

    for (size_t i = 0; i < 4; i++) {
        snprintf(mip, sizeof(mip), "huurtoeslag.mip.%s", hh[i]);
        snprintf(rip, sizeof(rip), "huurtoeslag.rip.%s", hh[i]);
        ck_assert(sw_tables_override_range(t, mip, &mlo, &mhi));
        ck_assert(sw_tables_override_range(t, rip, &rlo, &rhi));
        ck_assert_int_gt(mlo, 0);
        ck_assert_int_gt(rlo / 100, mhi / 100);   /* whole euros, as the rule compares */
    }
}
END_TEST

/* --- declared ranges: the meaning checks --- */

static struct sw_tables *new_set(struct sw_err *err)
{
    struct sw_tables *t = NULL;
    char *xsd = NULL;
    size_t len;

    ck_assert_int_eq(sw_read_file(&xsd, &len, "tables/schema/v1/tables.xsd", 1 << 20, err), SW_OK);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, err), SW_OK);
    free(xsd);
    return t;
}

#define DOC_HEAD                                                                     \
    "<?xml version=\"1.0\"?><tables xmlns=\"urn:switchsim:tables:1\" schema=\"1\" "  \
    "id=\"r\" kind=\"national\" version=\"2026-01-01\" title=\"r\">"

static const struct {
    const char *param, *message;
} range_cases[] = {
    {"<param id=\"r.m\" unit=\"months\" min=\"1\" max=\"12\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"0\" source=\"src\"/></param>",
     "amount '0' of 'r.m' from 2025-01-01 is outside its range (1 to 12)"},
    {"<param id=\"r.m\" unit=\"count\" min=\"1\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"0\" source=\"src\"/></param>",
     "amount '0' of 'r.m' from 2025-01-01 is outside its range (at least 1)"},
    {"<param id=\"r.a\" unit=\"eurocent\" max=\"100\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"101\" source=\"src\"/></param>",
     "is outside its range (at most 100)"},
    {"<param id=\"r.a\" unit=\"eurocent\" min=\"10\" max=\"9\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"9\" source=\"src\"/></param>",
     "'r.a' has a min above its max"},
    {"<param id=\"r.a\" unit=\"eurocent\" overridable=\"true\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"9\" source=\"src\"/></param>",
     "'r.a' is overridable without a min and a max"},
    {"<param id=\"r.a\" unit=\"eurocent\" overridable=\"true\" max=\"10\"><description>d"
     "</description><value from=\"2025-01-01\" amount=\"9\" source=\"src\"/></param>",
     "'r.a' is overridable without a min and a max"},
    {"<param id=\"r.a\" unit=\"eurocent\" min=\"-1\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"9\" source=\"src\"/></param>",
     "min '-1' out of range for unit 'eurocent'"},
    {"<param id=\"r.p\" unit=\"percent\" overridable=\"true\" min=\"0\" max=\"101\">"
     "<description>d</description><value from=\"2025-01-01\" amount=\"9\" source=\"src\"/>"
     "</param>",
     "max '101' out of range for unit 'percent'"},
    {"<param id=\"r.h\" unit=\"hours\" min=\"0.001\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"9\" source=\"src\"/></param>",
     "min '0.001' has too many decimals for its unit"},
    {"<param id=\"r.a\" unit=\"eurocent\" min=\"x\"><description>d</description>"
     "<value from=\"2025-01-01\" amount=\"9\" source=\"src\"/></param>",
     "does not match the schema"},
};

START_TEST(test_declared_range_checked)
{
    struct sw_err err;
    struct sw_tables *t = new_set(&err);
    char doc[1024];

    snprintf(doc, sizeof(doc), "%s%s</tables>", DOC_HEAD, range_cases[_i].param);
    ck_assert_int_eq(sw_tables_add(t, "r.xml", doc, strlen(doc), &err), SW_ERR_TABLE);
    if (!strstr(err.msg, range_cases[_i].message))
        ck_abort_msg("'%s' lacks '%s'", err.msg, range_cases[_i].message);
    ck_assert_str_eq(err.field, "r.xml:1");
    sw_tables_free(t);
}
END_TEST

/* A range written in hours and percent is read in the unit's stored form, and
 * an end value (no amount) is not checked against it. */
START_TEST(test_declared_range_in_unit)
{
    struct sw_err err;
    struct sw_tables *t = new_set(&err);
    int64_t v, lo, hi;
    static const char doc[] =
        DOC_HEAD
        "<param id=\"r.h\" unit=\"hours\" overridable=\"true\" min=\"0.5\" max=\"168\">"
        "<description>d</description><value from=\"2025-01-01\" amount=\"36\" source=\"src\"/>"
        "<value from=\"2026-01-01\" end=\"true\" unpublished=\"true\" source=\"src\"/></param>"
        "</tables>";

    ck_assert_int_eq(sw_tables_add(t, "r.xml", doc, sizeof(doc) - 1, &err), SW_OK);
    ck_assert_int_eq(sw_tables_finish(t, &err), SW_OK);
    ck_assert(sw_tables_override_range(t, "r.h", &lo, &hi));
    ck_assert_int_eq(lo, 50);
    ck_assert_int_eq(hi, 16800);
    ck_assert_int_eq(sw_tables_parse_override(t, "r.h", "0.25", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "outside its range 0.5 to 168 (unit hours)"));
    ck_assert_int_eq(sw_tables_parse_override(t, "r.h", "7.5", "--override", &v, &err), SW_OK);
    ck_assert_int_eq(v, 750);
    sw_tables_free(t);
}
END_TEST

/* A snapshot keeps what may be overridden and within which range. */
START_TEST(test_snapshot_keeps_override_ranges)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err), *b = NULL;
    char *buf = NULL;
    size_t len;
    int64_t v, lo, hi;

    ck_assert_int_eq(sw_tables_snapshot(t, "k", &buf, &len, &err), SW_OK);
    ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, len, "k", &err), SW_OK);
    ck_assert(sw_tables_override_range(b, "test.amount", &lo, &hi));
    ck_assert_int_eq(lo, 50000);
    ck_assert_int_eq(hi, 220000);
    ck_assert_int_eq(sw_tables_parse_override(b, "test.amount", "49999", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(sw_tables_parse_override(b, "test.indexed", "5000", "--override", &v, &err),
                     SW_ERR_INVALID);
    ck_assert_int_eq(sw_tables_parse_override(b, "test.rate", "20", "--override", &v, &err),
                     SW_OK);
    free(buf);
    sw_tables_free(b);
    sw_tables_free(t);
}
END_TEST

/* --- a hostile schema: nothing is fetched, no DTD, no entity --- */

/* A TCP listener on 127.0.0.1 that counts the connections it gets. */
struct listener {
    int fd;
    int port;
    atomic_int stop;
    atomic_int accepted;
    pthread_t thread;
};

static void *listener_run(void *arg)
{
    struct listener *l = arg;

    while (!atomic_load(&l->stop)) {
        struct pollfd p = {l->fd, POLLIN, 0};
        if (poll(&p, 1, 20) > 0) {
            int c = accept(l->fd, NULL, NULL);
            if (c >= 0) {
                atomic_fetch_add(&l->accepted, 1);
                close(c);   /* whoever connected reads EOF at once: no hang */
            }
        }
    }
    return NULL;
}

static void listener_start(struct listener *l)
{
    struct sockaddr_in a;
    socklen_t alen = sizeof(a);

    memset(l, 0, sizeof(*l));
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    l->fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(l->fd, 0);
    ck_assert_int_eq(bind(l->fd, (struct sockaddr *)&a, sizeof(a)), 0);
    ck_assert_int_eq(listen(l->fd, 8), 0);
    ck_assert_int_eq(getsockname(l->fd, (struct sockaddr *)&a, &alen), 0);
    l->port = ntohs(a.sin_port);
    ck_assert_int_eq(pthread_create(&l->thread, NULL, listener_run, l), 0);
}

/* Stop the listener; the number of connections it got, including one still
 * waiting in the backlog. */
static int listener_stop(struct listener *l)
{
    int c;

    atomic_store(&l->stop, 1);
    pthread_join(l->thread, NULL);
    fcntl(l->fd, F_SETFL, O_NONBLOCK);
    while ((c = accept(l->fd, NULL, NULL)) >= 0) {
        atomic_fetch_add(&l->accepted, 1);
        close(c);
    }
    close(l->fd);
    return atomic_load(&l->accepted);
}

/* The shipped XSD with `decl` before its root and `inside` as the root's first
 * child. malloc'ed. */
static char *hostile_xsd(const char *decl, const char *inside, size_t *len)
{
    struct sw_err err;
    char *xsd = NULL, *out, *root, *gt;
    size_t n;

    ck_assert_int_eq(sw_read_file(&xsd, &n, "tables/schema/v1/tables.xsd", 1 << 20, &err), SW_OK);
    root = strstr(xsd, "<xs:schema");
    ck_assert_ptr_nonnull(root);
    gt = strchr(root, '>');
    ck_assert_ptr_nonnull(gt);
    out = malloc(n + strlen(decl) + strlen(inside) + 1);
    ck_assert_ptr_nonnull(out);
    *len = 0;
    memcpy(out, xsd, (size_t)(root - xsd));
    *len += (size_t)(root - xsd);
    memcpy(out + *len, decl, strlen(decl));
    *len += strlen(decl);
    memcpy(out + *len, root, (size_t)(gt + 1 - root));
    *len += (size_t)(gt + 1 - root);
    memcpy(out + *len, inside, strlen(inside));
    *len += strlen(inside);
    memcpy(out + *len, gt + 1, n - (size_t)(gt + 1 - xsd));
    *len += n - (size_t)(gt + 1 - xsd);
    out[*len] = '\0';
    free(xsd);
    return out;
}

START_TEST(test_schema_import_refused_without_network)
{
    struct listener l;
    struct sw_tables *t = NULL;
    struct sw_err err;
    char inside[200], decl[300];
    char *xsd;
    size_t len;

    listener_start(&l);
    snprintf(inside, sizeof(inside),
             "<xs:import namespace=\"urn:x\" schemaLocation=\"http://127.0.0.1:%d/x.xsd\"/>",
             l.port);
    xsd = hostile_xsd("", inside, &len);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_ERR_TABLE);
    ck_assert_ptr_null(t);
    ck_assert_str_eq(err.field, "schema");
    ck_assert_ptr_nonnull(strstr(err.msg, "'import' of 'http://127.0.0.1:"));
    ck_assert_ptr_nonnull(strstr(err.msg, "self-contained"));
    free(xsd);
    /* An external parameter entity in a DTD is not fetched either. */
    snprintf(decl, sizeof(decl),
             "<!DOCTYPE xs:schema [<!ENTITY %% ext SYSTEM \"http://127.0.0.1:%d/e.dtd\"> %%ext;]>\n",
             l.port);
    xsd = hostile_xsd(decl, "", &len);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_ERR_TABLE);
    ck_assert_ptr_null(t);
    free(xsd);
    ck_assert_int_eq(listener_stop(&l), 0);
}
END_TEST

START_TEST(test_schema_entity_refused)
{
    struct sw_tables *t = NULL;
    struct sw_err err;
    char path[] = "/tmp/switchsim-xsd-entityXXXXXX", decl[200];
    char *xsd;
    size_t len;
    int fd = mkstemp(path);

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "secret", 6), 6);
    close(fd);
    snprintf(decl, sizeof(decl), "<!DOCTYPE xs:schema [<!ENTITY leak SYSTEM \"file://%s\">]>\n",
             path);
    xsd = hostile_xsd(decl, "<xs:annotation><xs:documentation>&leak;</xs:documentation>"
                            "</xs:annotation>", &len);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_ERR_TABLE);
    ck_assert_ptr_null(t);
    ck_assert_str_eq(err.msg, "schema: a DTD is not allowed in the schema");
    free(xsd);
    /* An internal entity (a billion laughs starts like this): refused too. */
    xsd = hostile_xsd("<!DOCTYPE xs:schema [<!ENTITY a \"aaaaaaaa\">]>\n", "", &len);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_ERR_TABLE);
    ck_assert_ptr_nonnull(strstr(err.msg, "DTD"));
    free(xsd);
    unlink(path);
}
END_TEST

START_TEST(test_schema_include_refused)
{
    struct sw_tables *t = NULL;
    struct sw_err err;
    char *xsd;
    size_t len;

    /* A local file, no network needed: still not read. */
    xsd = hostile_xsd("", "<xs:include schemaLocation=\"tables/schema/v1/tables.xsd\"/>", &len);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_ERR_TABLE);
    ck_assert_ptr_nonnull(strstr(err.msg, "'include' of 'tables/schema/v1/tables.xsd'"));
    free(xsd);
    xsd = hostile_xsd("", "<xs:redefine schemaLocation=\"x.xsd\"/>", &len);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_ERR_TABLE);
    ck_assert_ptr_nonnull(strstr(err.msg, "'redefine'"));
    free(xsd);
    /* The shipped schema itself loads. */
    xsd = hostile_xsd("", "", &len);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, &err), SW_OK);
    sw_tables_free(t);
    free(xsd);
}
END_TEST

static Suite *tables_suite(void)
{
    Suite *s = suite_create("tables");
    TCase *core = tcase_create("Core"), *limits = tcase_create("Limits");

    tcase_add_test(core, test_lookup_half_open_intervals);
    tcase_add_test(core, test_scale_marginal_and_piecewise);
    tcase_add_test(core, test_overrides_and_used_list);
    tcase_add_test(core, test_municipal_lookup);
    tcase_add_test(core, test_projection_only_when_asked);
    tcase_add_test(core, test_set_identity);
    tcase_add_test(core, test_shipped_tables_load);
    tcase_add_test(core, test_override_within_declared_range);
    tcase_add_loop_test(core, test_consultant_override_accepted, 0,
                        sizeof(consultant) / sizeof(consultant[0]));
    tcase_add_test(core, test_declared_range_in_unit);
    tcase_add_test(core, test_snapshot_keeps_override_ranges);
    tcase_add_test(limits, test_lookup_wrong_unit_is_a_bug);
    tcase_add_test(limits, test_failed_add_leaves_set_unchanged);
    tcase_add_test(limits, test_override_refused_unless_overridable);
    tcase_add_loop_test(limits, test_structural_override_refused, 0,
                        sizeof(structural) / sizeof(structural[0]));
    tcase_add_test(limits, test_ijkpunt_ranges_do_not_overlap);
    tcase_add_loop_test(limits, test_declared_range_checked, 0,
                        sizeof(range_cases) / sizeof(range_cases[0]));
    tcase_add_test(limits, test_schema_import_refused_without_network);
    tcase_add_test(limits, test_schema_entity_refused);
    tcase_add_test(limits, test_schema_include_refused);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(tables_suite)
