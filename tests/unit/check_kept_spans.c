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
 *   that date;
 * - from 60 on, with a lookup cache (which keeps the AOW date), that span runs
 *   to the AOW date or from it: sw_bijstand_norm() on every first of a month
 *   in it, asked plainly (no cache), gives the same norm and AOW statuses, and
 *   the day the span ends at an AOW date gives the other status;
 * - the month loop keeps these answers (and the entitlement's, whose onder n
 *   reads the AOW status, from 60 on too, and below it only which side of
 *   the vrijlating's age limit the resident is on), the Wmo bijdrage and the
 *   month of the vakantietoeslag, and takes the ledger's estimate of its month
 *   on the month's own counted income from its own answer: every reference
 *   case, as given, for a resident (and partner) who reaches the AOW age in
 *   or near its horizon and for one who reaches the age limit (27) in it,
 *   gives the same figures in every month, and the same values used, as with
 *   traces, where the loop works out each of them plainly every month;
 * - the household's facts, worked out once a run with only the youngest child
 *   again each month: a child born within the horizon changes the month's
 *   bijstand as sw_bijstand_entitled() on that month's facts does. */
#include <limits.h>
#include <string.h>

#include "switchsim/bijstand.h"
#include "switchsim/engine.h"
#include "switchsim/scenario.h"
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

/* Residents and partners born 1957 to 1962 (the AOW age, 66 years and 4 to
 * 67 years, falls in 2023 to 2029), single or a couple, walked month by month
 * from 2024 to 2030 with one cached context, each answer against the plain
 * one of a context without a cache on every first of a month in its span. */
START_TEST(test_norm_spans_from_60)
{
    static const char *const births[] = {"1957-10-03", "1959-08-15", "1960-01-01",
                                         "1961-06-30", "1962-12-31", "1990-03-03"};
    int checked = 0, long_spans = 0, aow_ends = 0;

    for (int i = 0; i < 6 * 7; i++) {
        struct sw_ctx c = test_ctx();
        struct sw_used u = {0};
        struct sw_household_facts f;
        struct sw_err err;

        ck_assert_int_eq(sw_lookup_cache_new(&c.cache, &err), SW_OK);
        c.used = &u;
        sw_household_facts_init(&f);
        f.birth = test_date(births[i % 6]);
        if (i / 6 > 0) {
            f.composition = SW_HOUSEHOLD_COUPLE;
            f.partner_birth = test_date(births[i / 6 - 1]);
        }
        for (sw_month m = sw_month_from_ym(2024, 1); m <= sw_month_from_ym(2030, 12); m++) {
            sw_date d = sw_month_first_day(m);
            struct sw_bijstand_norm n, p;
            struct sw_used up;

            if (sw_bijstand_norm(&c, d, &f, &n, NULL, &err) != SW_OK)
                continue;
            /* The cached answer is the plain one. */
            ck_assert_int_eq(norm_used(&f, d, &p, &up), SW_OK);
            ck_assert(p.norm == n.norm && p.aow == n.aow && p.partner_aow == n.partner_aow &&
                      p.age == n.age && p.partner_age == n.partner_age);
            ck_assert_int_le(n.same_from, d);
            ck_assert_int_gt(n.same_to, d);
            if (n.age >= 60 && n.same_to > d + 1)
                long_spans++;
            for (sw_month e = sw_month_from_ym(2023, 1); e <= sw_month_from_ym(2031, 12); e++) {
                sw_date g = sw_month_first_day(e);
                struct sw_bijstand_norm o;
                struct sw_used x;
                sw_status st;
                if (g < n.same_from || g >= n.same_to)
                    continue;
                st = norm_used(&f, g, &o, &x);
                /* As in test_norm_spans: the same ids asked (the same branch);
                 * where they found the same values, the same norm. */
                ck_assert_msg(st == SW_OK || st == SW_ERR_NO_VALUE,
                              "case %d: day %d in the span of day %d fails", i, g, d);
                ck_assert_msg(same_ids(&up, &x) && (st != SW_OK || x.len == up.len),
                              "case %d: day %d asks other ids than day %d", i, g, d);
                if (st == SW_OK && same_used(&up, &x)) {
                    ck_assert_msg(o.norm == n.norm && strcmp(o.article, n.article) == 0 &&
                                      o.aow == n.aow && o.partner_aow == n.partner_aow,
                                  "case %d: the norm on day %d differs from day %d", i, g, d);
                    checked++;
                }
                sw_used_release(&x);
            }
            /* A span that ends at an AOW date (not at a birthday): the status
             * changes there. */
            if (n.same_to < INT32_MAX && n.age >= 60) {
                struct sw_bijstand_norm o;
                struct sw_used x;
                if (norm_used(&f, n.same_to, &o, &x) == SW_OK &&
                    (o.aow != n.aow || o.partner_aow != n.partner_aow))
                    aow_ends++;
                sw_used_release(&x);
            }
            sw_used_release(&up);
        }
        sw_used_release(&u);
        sw_lookup_cache_free(c.cache);
    }
    ck_assert_int_gt(long_spans, 500);
    ck_assert_int_gt(aow_ends, 100);
    ck_assert_int_gt(checked, long_spans);
}
END_TEST

/* Whether u holds v (id, from, projected). */
static bool holds_value(const struct sw_used *u, const struct sw_value_info *v)
{
    for (size_t i = 0; i < u->len; i++)
        if (strcmp(u->items[i].id, v->id) == 0 && u->items[i].from == v->from &&
            u->items[i].projected == v->projected)
            return true;
    return false;
}

/* Case s (with the resident born on arg, a partner two years earlier, unless
 * arg is NULL): the figures of both runs untraced (the answers kept from month
 * to month) and traced (every month's bijstand, Wmo bijdrage and vakantie-
 * toeslag month worked out), and the values used, the same. */
static bool case_kept_as_traced(const struct sw_scenario *s0, const char *path, void *arg)
{
    const char *birth = arg ? arg : "as given";
    struct sw_scenario s = *s0;
    struct sw_timeline *a = NULL, *b = NULL;
    struct sw_err e1, e2;
    sw_status s1, s2;

    if (arg) {
        s.household.birth = test_date(arg);
        if (s.household.composition == SW_HH_COUPLE)
            s.household.partner_birth = s.household.birth - 730;
    }
    s1 = sw_simulate(&a, test_tables(), &s, SW_SIM_NO_STEADY, &e1);
    s2 = sw_simulate(&b, test_tables(), &s, SW_SIM_NO_STEADY | SW_SIM_TRACE, &e2);
    ck_assert_int_eq(s1, s2);
    for (int run = 0; !s1 && run < 2; run++) {
        const struct sw_run *x = run ? &a->baseline : &a->scenario;
        const struct sw_run *y = run ? &b->baseline : &b->scenario;
        for (int i = 0; i < x->n; i++)
            for (int k = 0; k < SW_ITEM__COUNT; k++)
                ck_assert_msg(x->rows[i].v[k] == y->rows[i].v[k],
                              "%s born %s, run %d, month %d, item %d: %lld kept, %lld traced",
                              path, birth, run, i, k, (long long)x->rows[i].v[k],
                              (long long)y->rows[i].v[k]);
    }
    if (!s1) {
        ck_assert_uint_eq(a->used.len, b->used.len);
        for (size_t i = 0; i < a->used.len; i++)
            ck_assert_msg(holds_value(&b->used, &a->used.items[i]), "%s born %s: %s not used "
                          "when traced", path, birth, a->used.items[i].id);
    }
    sw_timeline_free(a);
    sw_timeline_free(b);
    return true;
}

START_TEST(test_engine_kept_as_traced)
{
    /* As given; reaching the AOW age in or near the horizon; reaching the
     * vrijlating's age limit (27) in it. */
    static const char *const births[] = {NULL,         "1959-02-01", "1959-04-10",
                                         "1959-08-15", "1960-11-30", "1958-02-01",
                                         "1999-09-15", "2000-03-10"};

    for (size_t i = 0; i < sizeof(births) / sizeof(births[0]); i++)
        ck_assert_int_gt(test_each_case(case_kept_as_traced, (void *)births[i]), 10);
}
END_TEST

/* The month loop works out the household's facts once a run and only the
 * youngest child again each month (engine_months.c): a single parent with a
 * child of 13 who gets another child within the horizon. Each month's bijstand
 * entitled is the one sw_bijstand_entitled() gives on facts built here for that
 * month's first day (the youngest child born by then), with that month's
 * counted income and month of work; and the newborn shows: once the vrijlating
 * onder n has run out, onder r (a child below 12, art. 31 lid 2 onder r) follows,
 * which the facts of the first month (only the child of 13) never give. */
START_TEST(test_engine_youngest_child_each_month)
{
    struct sw_scenario s;
    struct sw_timeline *tl = NULL;
    struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES];
    struct sw_ctx c;
    struct sw_err err;
    int r_months = 0;

    sw_scenario_init(&s);
    s.start_month = sw_month_from_ym(2026, 1);
    s.months = 24;
    s.household.composition = SW_HH_SINGLE_PARENT;
    s.household.birth = test_date("1990-04-12");
    s.household.children[0] = test_date("2012-09-01");
    s.household.children[1] = test_date("2026-05-20");
    s.household.n_children = 2;
    s.job.kind = SW_JOB_BESCHUT;
    s.job.start = test_date("2026-02-01");
    s.job.hours_x100 = 1600;
    s.settlement.method = SW_SETTLE_ADVANCE;
    s.toeslagen.zorgtoeslag = false;
    s.toeslagen.huurtoeslag = false;
    ck_assert_msg(sw_simulate(&tl, test_tables(), &s, SW_SIM_NO_STEADY, &err) == SW_OK, "%s: %s",
                  err.field, err.msg);
    /* The scenario's context (values carried forward past the tables, as the
     * engine asks), without a record of the values used. */
    sw_scenario_ctx(&c, test_tables(), &s, ov);
    c.used = NULL;
    for (int i = 0; i < tl->scenario.n; i++) {
        const struct sw_month_row *row = &tl->scenario.rows[i];
        sw_date d = sw_month_first_day(row->month);
        struct sw_household_facts f;
        struct sw_bijstand bj;

        sw_household_facts_init(&f);
        f.composition = SW_HOUSEHOLD_SINGLE_PARENT;
        f.birth = s.household.birth;
        f.youngest_child_birth = d >= s.household.children[1] ? s.household.children[1]
                                                              : s.household.children[0];
        ck_assert_msg(sw_bijstand_entitled(&c, d, &f, row->v[SW_ITEM_COUNTED_INCOME], 0,
                                           row->vrijlating_month, &bj, NULL, &err) == SW_OK,
                      "month %d: %s: %s", i, err.field, err.msg);
        ck_assert_msg(bj.monthly_payment == row->v[SW_ITEM_BIJSTAND_ENTITLED],
                      "month %d: %lld entitled, %lld on that month's facts", i,
                      (long long)row->v[SW_ITEM_BIJSTAND_ENTITLED],
                      (long long)bj.monthly_payment);
        ck_assert_msg(row->vrijlating_kind != 'r' || d >= s.household.children[1],
                      "month %d: onder r before the child of 12 or younger is born", i);
        r_months += row->vrijlating_kind == 'r';
    }
    ck_assert_int_gt(r_months, 0);
    sw_timeline_free(tl);
}
END_TEST

static Suite *kept_spans_suite(void)
{
    Suite *s = suite_create("kept_spans");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_vrijlating_ranges);
    tcase_add_test(tc, test_norm_spans);
    tcase_add_test(tc, test_norm_spans_from_60);
    tcase_add_test(tc, test_engine_kept_as_traced);
    tcase_add_test(tc, test_engine_youngest_child_each_month);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(kept_spans_suite)
