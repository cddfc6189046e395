/* check_tables.c - loading tables from memory, lookups by id and date, scales,
 * overrides, municipal fallback and the record of provisional values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "switchsim/money.h"
#include "testutil.h"

static struct sw_tables *load(const char *const *files, size_t n, struct sw_err *err)
{
    struct sw_tables *t = NULL;
    char *xsd = NULL;
    size_t len;
    sw_status st;

    ck_assert_int_eq(sw_read_file(&xsd, &len, "tables/schema/v1/tables.xsd", 1 << 20, err), SW_OK);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, err), SW_OK);
    free(xsd);
    for (size_t i = 0; i < n; i++) {
        char *buf = NULL;
        ck_assert_int_eq(sw_read_file(&buf, &len, files[i], 1 << 20, err), SW_OK);
        st = sw_tables_add(t, files[i], buf, len, err);
        free(buf);
        if (st) {
            sw_tables_free(t);
            return NULL;
        }
    }
    if (sw_tables_finish(t, err) != SW_OK) {
        sw_tables_free(t);
        return NULL;
    }
    return t;
}

static const char *const valid[] = {"tests/tables/valid/base.xml",
                                    "tests/tables/valid/later.xml",
                                    "tests/tables/valid/gemeente.xml"};

START_TEST(test_lookup_half_open_intervals)
{
    struct sw_err err;
    struct sw_tables *t = load(valid, 3, &err);
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
    struct sw_tables *t = load(valid, 1, &err);
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
    struct sw_tables *t = load(valid, 1, &err);
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
    struct sw_tables *t = load(valid, 3, &err);
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
    struct sw_tables *t = load(valid, 3, &err);
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
    struct sw_tables *t = load(valid, 3, &err);
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
    struct sw_tables *a = load(valid, 3, &err), *b;
    const char *const reversed[] = {valid[2], valid[1], valid[0]};
    char sha[65];

    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(strlen(sw_tables_sha256(a)), 64);
    ck_assert_str_eq(sw_tables_version(a), "2026-06-01");  /* the newest document */
    snprintf(sha, sizeof(sha), "%s", sw_tables_sha256(a));
    /* The same documents added in another order: the same set, the same sha. */
    b = load(reversed, 3, &err);
    ck_assert_str_eq(sw_tables_sha256(b), sha);
    sw_tables_free(b);
    /* A different set: another sha. */
    b = load(valid, 1, &err);
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
    tcase_add_test(limits, test_lookup_wrong_unit_is_a_bug);
    tcase_add_test(limits, test_failed_add_leaves_set_unchanged);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(tables_suite)
