/* check_kept_spans.c - what the month loop relies on to keep a bijstand answer
 * from one month to the next (engine_kept.c), checked on the shipped tables by
 * asking again:
 * - sw_vrijlating() names the month indexes same_from..same_to that take its
 *   branch: every one of them gives the same kind, amount, percentage, maximum
 *   and reason with the same values looked up, and months_left counts down
 *   with the index (the law's month counts: art. 31 lid 2 onder n, r, z, aa);
 * - sw_bijstand_norm() names the dates same_from..same_to on which the same
 *   facts give the same norm but for the ages it reports: on every first of a
 *   month in that span it asks for the same ids (the same branch), and where
 *   they found the same values it gives the same norm, reporting the ages on
 *   that date. */
#include <limits.h>
#include <string.h>

#include "switchsim/bijstand.h"
#include "switchsim/date.h"
#include "testutil.h"

/* Whether b's first b->len values are a's first ones by id (in the same
 * order): the same lookups, maybe of other values (from). */
static bool same_ids(const struct sw_used *a, const struct sw_used *b)
{
    if (b->len > a->len)
        return false;
    for (size_t i = 0; i < b->len; i++)
        if (strcmp(a->items[i].id, b->items[i].id) != 0)
            return false;
    return true;
}

/* Whether a and b hold the same values in the same order (id and from). */
static bool same_used(const struct sw_used *a, const struct sw_used *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i].id, b->items[i].id) != 0 || a->items[i].from != b->items[i].from)
            return false;
    return true;
}

static sw_status vrijlating_used(const struct sw_household_facts *f, sw_date d, int64_t income,
                                 int k, struct sw_vrijlating *v, struct sw_used *u)
{
    struct sw_ctx c = test_ctx();
    struct sw_err err;

    memset(u, 0, sizeof(*u));
    c.used = u;
    return sw_vrijlating(&c, d, f, income, k, v, NULL, &err);
}

/* Facts for case i of the loop below: ages 23 and 40, alone or single parent
 * with a child of 5 or 15, with or without the doelgroep LKS (and the college's
 * judgment of more hours), medisch urenbeperkt or not. */
static struct sw_household_facts facts_case(int i)
{
    struct sw_household_facts f;

    sw_household_facts_init(&f);
    f.birth = test_date(i & 1 ? "1986-05-17" : "2003-02-11");
    if (i & 2) {
        f.composition = SW_HOUSEHOLD_SINGLE_PARENT;
        f.youngest_child_birth = test_date(i & 4 ? "2011-08-30" : "2021-03-01");
    }
    f.lks_doelgroep = (i & 8) != 0;
    f.lks_no_more_hours = (i & 24) == 24;
    f.medical_hour_limit = (i & 32) != 0;
    return f;
}

START_TEST(test_vrijlating_ranges)
{
    const sw_date d = test_date("2026-03-01");
    int checked = 0;

    for (int i = 0; i < 64; i++) {
        struct sw_household_facts f = facts_case(i);
        for (int k = 0; k <= 48; k++) {
            struct sw_vrijlating v, w;
            struct sw_used u, x;
            int64_t income = k ? 123456 : 0;
            int to;

            ck_assert_int_eq(vrijlating_used(&f, d, income, k, &v, &u), SW_OK);
            ck_assert_int_le(v.same_from, k);
            ck_assert_int_ge(v.same_to, k);
            to = v.same_to < 60 ? v.same_to : 60;
            for (int j = v.same_from; j <= to; j++) {
                ck_assert_int_eq(vrijlating_used(&f, d, j ? income : 0, j, &w, &x), SW_OK);
                ck_assert_msg(w.kind == v.kind && w.amount == v.amount &&
                                  w.percent == v.percent && w.max == v.max &&
                                  strcmp(w.why, v.why) == 0,
                              "case %d: month %d answers otherwise than month %d", i, j, k);
                ck_assert_int_eq(w.months_left, v.months_left < 0 ? -1 : v.months_left + k - j);
                ck_assert_msg(same_used(&u, &x), "case %d: month %d looks up otherwise than %d",
                              i, j, k);
                sw_used_release(&x);
                checked++;
            }
            sw_used_release(&u);
        }
    }
    ck_assert_int_gt(checked, 64 * 49);
}
END_TEST

static sw_status norm_used(const struct sw_household_facts *f, sw_date d,
                           struct sw_bijstand_norm *n, struct sw_used *u)
{
    struct sw_ctx c = test_ctx();
    struct sw_err err;

    memset(u, 0, sizeof(*u));
    c.used = u;
    return sw_bijstand_norm(&c, d, f, n, NULL, &err);
}

START_TEST(test_norm_spans)
{
    static const char *const births[] = {"2006-06-15", "2004-11-02", "1998-01-31", "1967-04-20"};
    int checked = 0, spans = 0;

    for (int i = 0; i < 4 * 4 * 3; i++) {
        struct sw_household_facts f;
        sw_household_facts_init(&f);
        f.birth = test_date(births[i % 4]);
        if ((i / 16) == 1) {
            f.composition = SW_HOUSEHOLD_COUPLE;
            f.partner_birth = test_date(births[(i / 4) % 4]);
            f.youngest_child_birth = test_date("2020-09-09");
        } else if ((i / 16) == 2) {
            f.composition = SW_HOUSEHOLD_SINGLE_PARENT;
            f.youngest_child_birth = test_date("2019-12-31");
            f.cost_sharers = (i / 4) % 4 == 3;
        }
        for (sw_month m = sw_month_from_ym(2025, 1); m <= sw_month_from_ym(2028, 12); m += 5) {
            sw_date d = sw_month_first_day(m);
            struct sw_bijstand_norm n, o;
            struct sw_used u, x;
            sw_status st;

            if (norm_used(&f, d, &n, &u) != SW_OK) {
                sw_used_release(&u);
                continue;
            }
            ck_assert_int_le(n.same_from, d);
            ck_assert_int_gt(n.same_to, d);
            spans++;
            for (sw_month e = sw_month_from_ym(2024, 1); e <= sw_month_from_ym(2030, 12); e++) {
                sw_date g = sw_month_first_day(e);
                if (g < n.same_from || g >= n.same_to)
                    continue;
                st = norm_used(&f, g, &o, &x);
                /* Within the span only a value missing from the tables (a lookup
                 * that answers otherwise: the strict context does not project)
                 * stops it. */
                ck_assert_msg(st == SW_OK || st == SW_ERR_NO_VALUE,
                              "case %d: day %d in the span of day %d fails", i, g, d);
                /* The same ids asked (all of them, or up to the missing one):
                 * the same branch, whose values the month loop's window holds. */
                ck_assert_msg(same_ids(&u, &x) && (st != SW_OK || x.len == u.len),
                              "case %d: day %d asks other ids than day %d", i, g, d);
                if (st == SW_OK && same_used(&u, &x)) {
                    ck_assert_msg(o.norm == n.norm && strcmp(o.article, n.article) == 0 &&
                                      o.aow == n.aow && o.partner_aow == n.partner_aow &&
                                      o.children == n.children &&
                                      o.cost_sharers == n.cost_sharers &&
                                      o.persons_a == n.persons_a,
                                  "case %d: the norm on day %d differs from day %d", i, g, d);
                    ck_assert_int_eq(o.age, f.birth == SW_NO_DATE ? -1 : sw_age_on(f.birth, g));
                    checked++;
                }
                sw_used_release(&x);
            }
            sw_used_release(&u);
        }
    }
    ck_assert_int_gt(spans, 100);
    ck_assert_int_gt(checked, spans);
}
END_TEST

static Suite *kept_spans_suite(void)
{
    Suite *s = suite_create("kept_spans");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_vrijlating_ranges);
    tcase_add_test(tc, test_norm_spans);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(kept_spans_suite)
