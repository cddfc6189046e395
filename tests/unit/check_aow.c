/* check_aow.c - the AOW age (art. 7a AOW) and the bounds the code puts on it
 * (SW_AOW_AGE_YEARS_MIN/MAX, SW_AOW_AGE_MONTHS_MAX in aow.h), tied to the tables:
 * the search and the answers without a lookup below SW_AOW_AGE_YEARS_MIN agree
 * with the plain date arithmetic at both ends of the range, and a table outside
 * it is refused by the loader's check and, should one get past it, by the
 * search itself. */
#include <string.h>

#include "switchsim/aow.h"
#include "testutil.h"

/* The shipped tables (tables/aow.xml, art. 7a lid 1 AOW: 67 years up to and
 * including 2027, 67 years and 3 months in 2028-2031), by hand:
 * - born 1960-05-20: turns 67 on 2027-05-20, in 2027, whose AOW age is 67:
 *   the AOW date is 2027-05-20; the day before, aged 66, not yet.
 * - born 1961-02-10: turns 67 on 2028-02-10, but the AOW age of 2028 is 67
 *   years and 3 months: 2028-05-10, in 2028 too. On 2028-02-10 (aged 67) and
 *   2028-05-09 not yet, from 2028-05-10 on.
 * - born 1960-11-15, reaching 67 in 2027 (67 years): 2027-11-15, although 2028's
 *   AOW age would put it later. */
START_TEST(test_shipped_dates_near_67)
{
    static const struct {
        const char *birth, *aow, *before;
    } rows[] = {
        {"1960-05-20", "2027-05-20", "2027-05-19"},
        {"1961-02-10", "2028-05-10", "2028-05-09"},
        {"1960-11-15", "2027-11-15", "2027-11-14"},
    };
    struct sw_ctx c = test_ctx();
    struct sw_err err;

    ck_assert_int_eq(sw_aow_check_tables(c.tables, &err), SW_OK);
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        sw_date birth = test_date(rows[i].birth), aow;
        bool reached;

        ck_assert_int_eq(sw_aow_date(&c, birth, &aow, NULL, &err), SW_OK);
        ck_assert_int_eq(aow, test_date(rows[i].aow));
        ck_assert_int_eq(sw_aow_reached(&c, birth, test_date(rows[i].before), &reached, NULL, &err),
                         SW_OK);
        ck_assert(!reached);
        ck_assert_int_eq(sw_aow_reached(&c, birth, aow, &reached, NULL, &err), SW_OK);
        ck_assert(reached);
    }
    {
        bool reached;

        ck_assert_int_eq(sw_aow_reached(&c, test_date("1961-02-10"), test_date("2028-02-10"),
                                        &reached, NULL, &err),
                         SW_OK);
        ck_assert(!reached);
    }
}
END_TEST

/* Over births first..last (every `step` days) and the days around each one's
 * AOW date: sw_aow_date() is the day they reach `years` and `months` (a table
 * with that one AOW age), and sw_aow_reached() - with its answers below
 * SW_AOW_AGE_YEARS_MIN without a lookup, and sw_aow_surely_below() - says
 * whether the day is on or after it; plain and through a lookup cache (the
 * memo). Returns how many answers were reached. */
static long walk_ages(const char *file, const char *first, const char *last, int step,
                      int years, int months)
{
    const char *files[] = {file};
    struct sw_err err;
    struct sw_tables *t = test_load_tables(files, 1, &err);
    struct sw_ctx plain, kept;
    long n_reached = 0;

    ck_assert_msg(t != NULL, "%s: %s", file, err.msg);
    ck_assert_int_eq(sw_aow_check_tables(t, &err), SW_OK);
    sw_ctx_init(&plain, t, false);
    sw_ctx_init(&kept, t, false);
    ck_assert_int_eq(sw_lookup_cache_new(&kept.cache, &err), SW_OK);
    for (sw_date b = test_date(first); b <= test_date(last); b += step) {
        sw_date want = sw_date_reaching_age(b, years, months), aow;

        ck_assert_int_eq(sw_aow_date(&plain, b, &aow, NULL, &err), SW_OK);
        ck_assert_int_eq(aow, want);
        for (sw_date d = want - 400; d < want + 400; d += 3) {
            bool r1, r2;
            sw_date a2;

            ck_assert_int_eq(sw_aow_reached(&plain, b, d, &r1, NULL, &err), SW_OK);
            ck_assert_int_eq(sw_aow_reached_date(&kept, b, d, &r2, &a2, NULL, &err), SW_OK);
            ck_assert_int_eq(r1, d >= want);
            ck_assert_int_eq(r2, r1);
            ck_assert(a2 == SW_NO_DATE || a2 == want);
            if (sw_aow_surely_below(b, d))
                ck_assert(!r1);
            n_reached += r1;
        }
    }
    sw_lookup_cache_free(kept.cache);
    sw_tables_free(t);
    return n_reached;
}

/* The lowest AOW age handled, 60 years: reached on the 60th birthday, not on
 * the day before, where the answer needs no lookup. */
START_TEST(test_at_the_lowest_age)
{
    ck_assert_int_gt(walk_ages("tests/tables/aow/at-min.xml", "1964-01-01", "1975-12-31", 5,
                               SW_AOW_AGE_YEARS_MIN, 0),
                     0);
}
END_TEST

/* The highest, 75 years and 11 months: born after January, reached in the
 * calendar year after the 75th birthday (born 1955-03-10: 2031-02-10), whose
 * AOW age applies. */
START_TEST(test_at_the_highest_age)
{
    const char *files[] = {"tests/tables/aow/at-max.xml"};
    struct sw_err err;
    struct sw_tables *t = test_load_tables(files, 1, &err);
    struct sw_ctx c;
    sw_date aow;

    ck_assert_ptr_nonnull(t);
    sw_ctx_init(&c, t, false);
    ck_assert_int_eq(sw_aow_date(&c, test_date("1955-03-10"), &aow, NULL, &err), SW_OK);
    ck_assert_int_eq(aow, test_date("2031-02-10"));
    ck_assert_int_eq(sw_aow_date(&c, test_date("1950-01-10"), &aow, NULL, &err), SW_OK);
    ck_assert_int_eq(aow, test_date("2025-12-10"));
    sw_tables_free(t);
    ck_assert_int_gt(walk_ages(files[0], "1949-01-01", "1960-12-31", 3, SW_AOW_AGE_YEARS_MAX,
                               SW_AOW_AGE_MONTHS_MAX),
                     0);
}
END_TEST

/* A set the loader would refuse (no declared range, or one outside the ages
 * handled, or another unit) is refused by sw_aow_check_tables() naming the
 * parameter; built without that check, sw_aow_date() refuses its out-of-range
 * age itself (SW_ERR_TABLE naming aow.age_years), instead of answering wrong. */
START_TEST(test_out_of_bounds_refused)
{
    static const struct {
        const char *file, *check_msg;
        bool search_refuses;
    } rows[] = {
        {"tests/tables/invalid/aow-range-missing.xml", "it declares none", true},
        {"tests/tables/aow/unchecked-76.xml", "it declares none", true},
        {"tests/tables/aow/wrong-unit.xml", "must be a parameter in years", false},
    };

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const char *files[] = {rows[i].file};
        struct sw_err err;
        struct sw_tables *t = test_load_tables(files, 1, &err);
        struct sw_ctx c;
        sw_date aow = 0;
        bool reached;

        ck_assert_msg(t != NULL, "%s: %s", rows[i].file, err.msg);
        ck_assert_int_eq(sw_aow_check_tables(t, &err), SW_ERR_TABLE);
        ck_assert_str_eq(err.field, "aow.age_years");
        ck_assert_ptr_nonnull(strstr(err.msg, rows[i].check_msg));
        ck_assert_ptr_nonnull(strstr(err.msg, rows[i].file));
        if (!rows[i].search_refuses) {
            sw_tables_free(t);
            continue;
        }
        sw_ctx_init(&c, t, false);
        ck_assert_int_eq(sw_aow_date(&c, test_date("1965-06-01"), &aow, NULL, &err),
                         SW_ERR_TABLE);
        ck_assert_str_eq(err.field, "aow.age_years");
        ck_assert_ptr_nonnull(strstr(err.msg, "outside the AOW ages the calculation handles"));
        /* Aged 60 or more: asked, and refused; younger: below without asking. */
        ck_assert_int_eq(sw_aow_reached(&c, test_date("1965-06-01"), test_date("2026-01-01"),
                                        &reached, NULL, &err),
                         SW_ERR_TABLE);
        ck_assert_int_eq(sw_aow_reached(&c, test_date("1970-06-01"), test_date("2026-01-01"),
                                        &reached, NULL, &err),
                         SW_OK);
        ck_assert(!reached);
        sw_tables_free(t);
    }
}
END_TEST

static Suite *aow_suite(void)
{
    Suite *s = suite_create("aow");
    TCase *tc = tcase_create("Core");

    /* The walks ask some 100 000 days; slow under the sanitizers. */
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_shipped_dates_near_67);
    tcase_add_test(tc, test_at_the_lowest_age);
    tcase_add_test(tc, test_at_the_highest_age);
    tcase_add_test(tc, test_out_of_bounds_refused);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(aow_suite)
