/* check_steady.c - the headline month (tl->steady, engine_steady.c) found by the
 * shortest run that shows it (the run itself, or a run to the December of M's
 * year) is the one the run over the whole lookahead finds (SW_SIM_STEADY_FULL):
 * the same month, gain, amounts and first months, field by field, for every
 * reference case in windows that end in a December and windows that end
 * mid-year; its projected values are among the lookahead run's; and all of it,
 * projected values too, the same whatever the window, and byte for byte the
 * same when the lookahead is taken first (SW_SIM_STEADY_FIRST: what eng_steady()
 * does when it guesses that the runs to the Decembers find none). And the one
 * intended difference: a value used only for a later year (the WW maximum
 * dagloon of a WW that starts when the job ends, a year after M) no longer makes
 * M voorlopig.
 *
 * And a longer run that resumes the main run after its last December
 * (engine_resume.h) is the run from the start, byte for byte: the rows of
 * both runs, the totals (zero: eng_wallet() adds up no steady run), the
 * recoveries, the values used in their order, the warnings, the armoedeval
 * and the municipality's terms - for every reference
 * case, main windows that end in a December, and longer runs ending in a
 * December or not. */
#include <stdio.h>
#include <string.h>

#include "engine_resume.h"
#include "switchsim/date.h"
#include "switchsim/engine.h"
#include "switchsim/scenario.h"
#include "testutil.h"

struct tally {
    bool have_ref;    /* ref holds the scenario's steady of its first window */
    struct sw_steady ref;
    int compared;     /* scenario windows compared */
    int found;        /* with an ordinary month */
    int own;          /* M in the window's own last year, the window ending in December */
    int earlier;      /* M in a year before the window's last one */
    int mid_year;     /* windows that end mid-year, with an ordinary month */
    int first_then_december; /* with SW_SIM_STEADY_FIRST: M past the window's last
                              * December but up to a December before the
                              * lookahead's end (the lookahead, then the run to
                              * that December) */
};

static bool has_id(const struct sw_steady *st, const char *id)
{
    for (size_t k = 0; k < st->n_projected; k++)
        if (strcmp(st->projected[k], id) == 0)
            return true;
    return false;
}

/* s as given and over `months` months: the shortcut against the lookahead run. */
static void compare(const struct sw_scenario *base, int months, const char *path,
                    struct tally *n)
{
    struct sw_scenario s = *base;
    struct sw_timeline *got = NULL, *want = NULL;
    struct sw_err e1, e2;
    struct sw_timeline *ahead = NULL;
    struct sw_err e3;
    sw_status st1, st2, st3;
    sw_month end;

    if (months < 1 || months > SW_SCENARIO_MAX_MONTHS)
        return;
    s.months = months;
    end = s.start_month + months - 1;
    st1 = sw_simulate(&got, test_tables(), &s, 0, &e1);
    st2 = sw_simulate(&want, test_tables(), &s, SW_SIM_STEADY_FULL, &e2);
    st3 = sw_simulate(&ahead, test_tables(), &s, SW_SIM_STEADY_FIRST, &e3);
    ck_assert_msg(st1 == st2, "%s over %d months: status %d, full run %d", path, months, st1,
                  st2);
    ck_assert_msg(st1 == st3, "%s over %d months: status %d, lookahead first %d", path, months,
                  st1, st3);
    /* Taking the lookahead first changes nothing at all, projected values too. */
    if (st1 == SW_OK)
        ck_assert_msg(memcmp(&got->steady, &ahead->steady, sizeof(got->steady)) == 0,
                      "%s over %d months: another headline with the lookahead first", path,
                      months);
    if (st1 == SW_OK) {
        const struct sw_steady *a = &got->steady, *b = &want->steady;
#define SAME(f) ck_assert_msg(a->f == b->f, "%s over %d months: steady." #f " %lld, full run %lld", \
                              path, months, (long long)a->f, (long long)b->f)
        SAME(found);
        SAME(month);
        SAME(gain);
        SAME(safe_to_spend);
        SAME(baseline_safe_to_spend);
        SAME(debt_taken);
        SAME(baseline_debt_taken);
        SAME(first_from);
        SAME(first_months);
        SAME(first_total);
        SAME(first_average);
#undef SAME
        /* The full run lists at most SW_STEADY_MAX_PROJECTED: below that, all. */
        if (b->n_projected < SW_STEADY_MAX_PROJECTED) {
            ck_assert_uint_le(a->n_projected, b->n_projected);
            for (size_t k = 0; k < a->n_projected; k++)
                ck_assert_msg(has_id(b, a->projected[k]),
                              "%s over %d months: %s not in the full run", path, months,
                              a->projected[k]);
        }
        /* Whatever the window, the same headline, projected values too. */
        if (!n->have_ref) {
            n->ref = *a;
            n->have_ref = true;
        } else {
            const struct sw_steady *r = &n->ref;
            bool same = r->found == a->found && r->month == a->month && r->gain == a->gain &&
                        r->first_months == a->first_months &&
                        r->first_total == a->first_total && r->n_projected == a->n_projected;
            for (size_t k = 0; same && k < a->n_projected; k++)
                same = strcmp(r->projected[k], a->projected[k]) == 0;
            ck_assert_msg(same, "%s over %d months: another headline than in its first window",
                          path, months);
        }
        n->compared++;
        if (a->found) {
            n->found++;
            if (sw_month_number(end) == 12 && sw_month_year(a->month) == sw_month_year(end))
                n->own++;
            if (sw_month_year(a->month) < sw_month_year(end))
                n->earlier++;
            if (sw_month_number(end) != 12)
                n->mid_year++;
            if (sw_month_year(a->month) > sw_month_year(end) - (sw_month_number(end) != 12) &&
                sw_month_from_ym(sw_month_year(a->month), 12) - a->first_from <
                    SW_STEADY_LOOKAHEAD - 1)
                n->first_then_december++;
        }
    }
    sw_timeline_free(got);
    sw_timeline_free(want);
    sw_timeline_free(ahead);
}

/* Windows of every length kind: the case's own, to the December of the job's
 * first year and of the next, five months short of those (mid-year), and 7. */
/* The months from s's start to the December of the job's first year (*first:
 * the job's first month shown). */
static int first_december(const struct sw_scenario *s, sw_month *first)
{
    *first = sw_month_of(s->job.start);
    if (*first < s->start_month)
        *first = s->start_month;
    return (int)(sw_month_from_ym(sw_month_year(*first), 12) - s->start_month) + 1;
}

static bool each_window(const struct sw_scenario *s, const char *path, void *arg)
{
    sw_month first;
    int dec = first_december(s, &first);

    ((struct tally *)arg)->have_ref = false;
    compare(s, s->months, path, arg);
    compare(s, 7, path, arg);
    compare(s, dec, path, arg);
    compare(s, dec + 12, path, arg);
    compare(s, dec - 5, path, arg);
    compare(s, dec + 7, path, arg);
    return true;
}

START_TEST(test_reference_cases)
{
    struct tally n;

    memset(&n, 0, sizeof(n));
    ck_assert_int_gt(test_each_case(each_window, &n), 20);
    /* Every way of finding M was taken. */
    ck_assert_int_gt(n.found, 50);
    ck_assert_int_gt(n.own, 5);
    ck_assert_int_gt(n.earlier, 5);
    ck_assert_int_gt(n.mid_year, 5);
    ck_assert_int_gt(n.first_then_december, 5);
}
END_TEST

/* A household of the generated caseload (tests/bench/caseload.c, seed 424242,
 * with 40 hours): the job ends 2027-06-28 and WW follows; the ordinary month is
 * October 2026. The WW maximum dagloon was due again on 2026-07-01 and is not
 * published (tables/ww.xml), so it is carried forward for the WW of 2027, but
 * nothing of 2026 uses it: M is not voorlopig because of it. */
START_TEST(test_later_value_not_projected)
{
    static const char text[] =
        "{\"version\":1,\"start_month\":\"2026-01\",\"months\":24,"
        "\"municipality\":\"rijk_van_nijmegen\",\"household\":{\"composition\":\"single\","
        "\"birth_date\":\"1962-08-15\",\"rent\":41000},\"before\":{\"benefit\":"
        "\"participatiewet\",\"dagbesteding_dagdelen_per_week\":6},\"job\":{\"kind\":"
        "\"regulier\",\"start\":\"2026-06-15\",\"hours_per_week\":40,\"end\":\"2027-06-28\","
        "\"holiday_pay\":\"monthly\"},\"settlement\":{\"method\":\"advance\"},\"toeslagen\":"
        "{\"zorgtoeslag\":true,\"huurtoeslag\":true,\"estimate_updated\":\"2026-06\"}}";
    struct sw_scenario s;
    struct sw_timeline *got = NULL, *want = NULL;
    struct sw_err err;

    ck_assert_int_eq(sw_scenario_parse(&s, test_tables(), text, sizeof(text) - 1, NULL, &err),
                     SW_OK);
    ck_assert_int_eq(sw_simulate(&got, test_tables(), &s, 0, &err), SW_OK);
    ck_assert_int_eq(sw_simulate(&want, test_tables(), &s, SW_SIM_STEADY_FULL, &err), SW_OK);
    ck_assert(got->steady.found);
    ck_assert_int_eq(got->steady.month, sw_month_from_ym(2026, 10));
    ck_assert_int_eq(want->steady.month, sw_month_from_ym(2026, 10));
    ck_assert(has_id(&want->steady, "ww.max_dagloon"));
    ck_assert(!has_id(&got->steady, "ww.max_dagloon"));
    sw_timeline_free(got);
    sw_timeline_free(want);
    /* Over 7 months M lies past the window: with the lookahead first, M (up to
     * December 2026) is taken from the run to that December all the same. */
    s.months = 7;
    ck_assert_int_eq(sw_simulate(&got, test_tables(), &s, SW_SIM_STEADY_FIRST, &err), SW_OK);
    ck_assert_int_eq(got->steady.month, sw_month_from_ym(2026, 10));
    ck_assert(!has_id(&got->steady, "ww.max_dagloon"));
    sw_timeline_free(got);
}
END_TEST

/* Three single parents of the generated caseload (tests/bench/caseload.c, seed
 * 20260101, lines 2, 4 and 63): in the window's last month, December 2027, the
 * temporary vrijlating onder r (30 months after the 6 of onder n,
 * tables/participatiewet.xml) still holds the month back while bijstand is paid
 * beside the wage. Lines 2 and 4: by the months of work and the youngest child's
 * age (below 12) it looks like doing so up to December 2028, and eng_steady()
 * takes the whole lookahead first; line 2: M in 2029 (the lookahead's M); line
 * 4: none within the lookahead. Line 63: the youngest child turns 12 in April
 * 2028, so onder r ends then; no guess, and the run to December 2028 finds M in
 * 2028. Each the same as the lookahead run and whatever the window, as above
 * (compare() also takes the lookahead first always, SW_SIM_STEADY_FIRST). */
START_TEST(test_lookahead_first)
{
    static const char *const text[] = {
        "{\"version\":1,\"start_month\":\"2026-01\",\"months\":24,\"municipality\":\"oss\","
        "\"household\":{\"composition\":\"single_parent\",\"birth_date\":\"1973-11-11\","
        "\"children_birth_dates\":[\"2012-12-27\",\"2017-03-10\",\"2012-02-28\"]},"
        "\"before\":{\"benefit\":\"participatiewet\",\"dagbesteding_dagdelen_per_week\":4},"
        "\"job\":{\"kind\":\"beschut\",\"start\":\"2026-05-15\",\"hours_per_week\":25,"
        "\"loonwaarde\":[{\"from\":\"2026-05-15\",\"percent\":36,\"forfaitair\":true},"
        "{\"from\":\"2026-11-15\",\"percent\":55}]},\"toeslagen\":{\"zorgtoeslag\":true,"
        "\"huurtoeslag\":false,\"estimate_updated\":\"2026-05\"}}",
        "{\"version\":1,\"start_month\":\"2026-01\",\"months\":24,\"municipality\":\"ede\","
        "\"household\":{\"composition\":\"single_parent\",\"birth_date\":\"1983-08-25\","
        "\"children_birth_dates\":[\"2021-12-15\",\"2013-07-20\",\"2013-12-27\"],"
        "\"rent\":56500},\"before\":{\"benefit\":\"participatiewet\","
        "\"dagbesteding_dagdelen_per_week\":6},\"job\":{\"kind\":\"banenafspraak\","
        "\"start\":\"2026-02-01\",\"hours_per_week\":25,\"loonwaarde\":[{\"from\":"
        "\"2026-02-01\",\"percent\":34}]},\"toeslagen\":{\"zorgtoeslag\":true,"
        "\"huurtoeslag\":true}}",
        "{\"version\":1,\"start_month\":\"2026-01\",\"months\":24,"
        "\"municipality\":\"amsterdam\",\"household\":{\"composition\":\"single_parent\","
        "\"birth_date\":\"1974-05-17\",\"children_birth_dates\":[\"2016-04-05\","
        "\"2010-10-18\"]},\"before\":{\"benefit\":\"participatiewet\","
        "\"dagbesteding_dagdelen_per_week\":8},\"job\":{\"kind\":\"beschut\","
        "\"start\":\"2026-02-01\",\"hours_per_week\":17,\"loonwaarde\":[{\"from\":"
        "\"2026-02-01\",\"percent\":48,\"forfaitair\":true},{\"from\":\"2026-08-01\","
        "\"percent\":73}]},\"toeslagen\":{\"zorgtoeslag\":true,\"huurtoeslag\":false,"
        "\"estimate_updated\":\"2026-02\"}}"};
    /* M's year in the lookahead run; 0: no M. */
    static const int year[] = {2029, 0, 2028};

    for (size_t k = 0; k < sizeof(text) / sizeof(text[0]); k++) {
        struct sw_scenario s;
        struct sw_timeline *tl = NULL;
        struct sw_err err;
        const struct sw_month_row *last;
        struct tally n;

        ck_assert_int_eq(sw_scenario_parse(&s, test_tables(), text[k], strlen(text[k]), NULL,
                                           &err),
                         SW_OK);
        ck_assert_int_eq(sw_simulate(&tl, test_tables(), &s, 0, &err), SW_OK);
        last = &tl->scenario.rows[tl->scenario.n - 1];
        ck_assert_int_eq(last->month, sw_month_from_ym(2027, 12));
        ck_assert_int_eq(last->vrijlating_kind, 'r');
        ck_assert_int_ne(last->v[SW_ITEM_VRIJLATING], 0);
        ck_assert_int_ne(last->v[SW_ITEM_BIJSTAND_ENTITLED], 0);
        ck_assert_int_eq(tl->steady.found, year[k] != 0);
        if (year[k])
            ck_assert_int_eq(sw_month_year(tl->steady.month), year[k]);
        sw_timeline_free(tl);
        memset(&n, 0, sizeof(n));
        each_window(&s, "lookahead first", &n);
        compare(&s, 36, "lookahead first", &n);   /* to December 2028 */
        ck_assert_int_eq(n.compared, 7);
    }
}
END_TEST

/* Whether x and y are the same value used, field by field. */
static bool same_value(const struct sw_value_info *x, const struct sw_value_info *y)
{
    return x->id == y->id && x->from == y->from && x->projected == y->projected &&
           x->overridden == y->overridden && x->projected_from == y->projected_from &&
           x->amount == y->amount && x->provisional == y->provisional && x->end == y->end &&
           x->unpublished == y->unpublished && x->brackets == y->brackets;
}

/* Whether the first item of each value in a (a resumed run's list, which may
 * list a value again: eng_resume_used()) is b, item by item. */
static bool same_used(const struct sw_used *a, const struct sw_used *b)
{
    size_t k = 0;

    for (size_t i = 0; i < a->len; i++) {
        const struct sw_value_info *x = &a->items[i];
        bool again = false;
        for (size_t j = 0; j < i && !again; j++)
            again = a->items[j].id == x->id && a->items[j].from == x->from &&
                    a->items[j].overridden == x->overridden &&
                    a->items[j].projected == x->projected;
        if (again)
            continue;
        if (k == b->len || !same_value(x, &b->items[k]))
            return false;
        k++;
    }
    return k == b->len;
}

/* Whether a and b list the same projected values due by each month, in the
 * same order (what steady_from() reads of a run's values used). */
static bool same_projected(const struct sw_timeline *a, const struct sw_timeline *b)
{
    const struct sw_value_info *pa[64], *pb[64];

    for (int i = 0; i < a->scenario.n; i++) {
        sw_month m = a->scenario.rows[i].month;
        size_t na = sw_timeline_projected(a, m, pa, 64), nb = sw_timeline_projected(b, m, pb, 64);
        if (na != nb)
            return false;
        for (size_t k = 0; k < na && k < 64; k++)
            if (!same_value(pa[k], pb[k]))
                return false;
    }
    return true;
}

struct resumed {
    int pairs;      /* runs resumed and compared */
    int months;     /* months they did not compute again */
};

/* s over a window `months` ending in a December, then over `longer` months:
 * the run resuming it against the run from the start. */
static void compare_resumed(const struct sw_scenario *base, int months, int longer,
                            const char *path, struct resumed *n)
{
    struct sw_scenario s = *base;
    struct sw_timeline *a = NULL, *b = NULL;
    struct sw_err e;

    if (months < 1 || longer <= months || longer > SW_SCENARIO_MAX_MONTHS)
        return;
    s.months = months;
    if (eng_resume_pair(test_tables(), &s, longer, &a, &b, &e)) {
        ck_assert_ptr_null(a);
        return;   /* the scenario fails in full (a job that ends, strict) */
    }
    if (!a) {
        sw_timeline_free(b);
        return;
    }
    n->pairs++;
    n->months += months;
    ck_assert_int_eq(a->scenario.n, longer);
    ck_assert_int_eq(b->scenario.n, longer);
    for (int i = 0; i < longer; i++) {
        ck_assert_msg(memcmp(&a->scenario.rows[i], &b->scenario.rows[i],
                             sizeof(a->scenario.rows[i])) == 0,
                      "%s: %d months resuming %d: switch row %d differs", path, longer, months,
                      i);
        ck_assert_msg(memcmp(&a->baseline.rows[i], &b->baseline.rows[i],
                             sizeof(a->baseline.rows[i])) == 0,
                      "%s: %d months resuming %d: baseline row %d differs", path, longer, months,
                      i);
    }
    ck_assert(memcmp(a->scenario.totals, b->scenario.totals, sizeof(a->scenario.totals)) == 0);
    ck_assert(memcmp(a->baseline.totals, b->baseline.totals, sizeof(a->baseline.totals)) == 0);
    ck_assert_int_eq(a->n_recoveries, b->n_recoveries);
    ck_assert_msg(memcmp(a->recoveries, b->recoveries,
                         a->n_recoveries * sizeof(a->recoveries[0])) == 0,
                  "%s: %d months resuming %d: recoveries differ", path, longer, months);
    ck_assert_msg(same_used(&a->used, &b->used), "%s: %d months resuming %d: values used differ",
                  path, longer, months);
    ck_assert_msg(same_projected(a, b), "%s: %d months resuming %d: projected values differ",
                  path, longer, months);
    ck_assert_int_eq(a->n_warnings, b->n_warnings);
    ck_assert_int_eq(a->n_actions, b->n_actions);
    ck_assert_int_eq(a->n_armoedeval, b->n_armoedeval);
    ck_assert(memcmp(a->armoedeval, b->armoedeval,
                     a->n_armoedeval * sizeof(a->armoedeval[0])) == 0);
    ck_assert(memcmp(a->local, b->local, sizeof(a->local)) == 0);
    ck_assert(memcmp(&a->way_back, &b->way_back, sizeof(a->way_back)) == 0);
    ck_assert(a->total_gain == b->total_gain && a->average_gain == b->average_gain);
    sw_timeline_free(a);
    sw_timeline_free(b);
}

static bool each_resumed(const struct sw_scenario *s, const char *path, void *arg)
{
    sw_month first;
    int dec = first_december(s, &first);
    int horizon = (int)(first - s->start_month) + SW_STEADY_LOOKAHEAD;
    for (int d = dec; d <= dec + 12; d += 12) {
        compare_resumed(s, d, d + 12, path, arg);
        compare_resumed(s, d, horizon, path, arg);
        compare_resumed(s, d, d + 7, path, arg);
    }
    return true;
}

START_TEST(test_resumed_is_full)
{
    struct resumed n;

    memset(&n, 0, sizeof(n));
    ck_assert_int_gt(test_each_case(each_resumed, &n), 20);
    /* The reference cases take the resumed path, often. */
    ck_assert_int_gt(n.pairs, 60);
    ck_assert_int_gt(n.months, 600);
}
END_TEST

static Suite *steady_suite(void)
{
    Suite *s = suite_create("steady");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_reference_cases);
    tcase_add_test(tc, test_later_value_not_projected);
    tcase_add_test(tc, test_lookahead_first);
    tcase_add_test(tc, test_resumed_is_full);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(steady_suite)
