/* check_baseline.c - sw_simulate_keep() (a baseline run kept for the next
 * scenario that differs only in the job's hours or loonwaarde) gives the
 * timeline sw_simulate() gives, byte for byte of its JSON text: for every
 * reference case, and the bench scenario with overrides, each run in turn with
 * other hours, other loonwaarde percents, the first hours again and another
 * household (rent: the baseline may not be reused), every scenario in memory of
 * its own (the kept values point into the scenario they were made for). The
 * same with SW_SIM_NO_ADVICE (switchsim batch --summary), with and without a
 * keeper: the text of the full timeline without its warnings, actions and
 * avoidable_by texts, every other byte the same (its values used too). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "switchsim/engine.h"
#include "switchsim/scenario.h"
#include "testutil.h"

/* SW_SIM_NO_ADVICE's timeline `fig` (kept) and one without a keeper are the
 * full timeline tl of s without its texts; tl loses them here. */
static void no_advice_same(const struct sw_tables *t, const struct sw_scenario *s,
                           struct sw_timeline *tl, const struct sw_timeline *fig,
                           const char *what, int v)
{
    struct sw_timeline *alone = NULL;
    struct sw_err err;
    char *want, *got, *got_alone;

    ck_assert_int_eq(sw_simulate(&alone, t, s, SW_SIM_NO_ADVICE, &err), SW_OK);
    ck_assert_ptr_nonnull(fig);
    ck_assert_uint_eq(fig->n_warnings, 0);
    ck_assert_uint_eq(fig->n_actions, 0);
    tl->n_warnings = tl->n_actions = 0;
    for (size_t i = 0; i < tl->n_recoveries; i++) {
        ck_assert_str_eq(fig->recoveries[i].avoidable_by, "");
        tl->recoveries[i].avoidable_by[0] = '\0';
    }
    want = sw_timeline_text(tl, NULL);
    got = sw_timeline_text(fig, NULL);
    got_alone = sw_timeline_text(alone, NULL);
    ck_assert_ptr_nonnull(want);
    ck_assert_ptr_nonnull(got);
    ck_assert_ptr_nonnull(got_alone);
    for (int k = 0; k < 2; k++) {
        const char *g = k ? got_alone : got;
        size_t at = 0;
        while (want[at] && want[at] == g[at])
            at++;
        if (want[at] || g[at])
            ck_abort_msg("%s, variant %d: SW_SIM_NO_ADVICE (%s) at byte %zu: \"%.80s\" for "
                         "\"%.80s\"", what, v, k ? "no keeper" : "kept", at, g + at, want + at);
    }
    free(want);
    free(got);
    free(got_alone);
    sw_timeline_free(alone);
}

/* The variants of s, each in a fresh allocation, through one keeper. The kept
 * timelines are written out after the keeper is gone: nothing in them may point
 * into it (AddressSanitizer in make check would see it). */
static void variants(const struct sw_tables *t, const struct sw_scenario *base, const char *what)
{
    enum { N = 6 };
    struct sw_baseline *keep = sw_baseline_new();
    struct sw_scenario *s[N];
    struct sw_timeline *kept[N], *figures[N];
    sw_status st[N], st_fig[N];
    struct sw_baseline *keep_fig = sw_baseline_new();

    ck_assert_ptr_nonnull(keep);
    ck_assert_ptr_nonnull(keep_fig);
    for (int v = 0; v < N; v++) {
        struct sw_err err;
        s[v] = malloc(sizeof(*s[v]));
        ck_assert_ptr_nonnull(s[v]);
        memcpy(s[v], base, sizeof(*s[v]));
        if (v == 1 || v == 4)
            s[v]->job.hours_x100 = 1200;
        if (v == 2)
            s[v]->job.hours_x100 = 3800;
        for (size_t i = 0; v == 3 && i < s[v]->job.n_loonwaarde; i++)
            s[v]->job.loonwaarde[i].percent = 250000;
        if (v == 5)
            s[v]->household.rent += 5000;   /* another household: its own baseline */
        kept[v] = figures[v] = NULL;
        st[v] = sw_simulate_keep(&kept[v], t, s[v], 0, keep, &err);
        st_fig[v] = sw_simulate_keep(&figures[v], t, s[v], SW_SIM_NO_ADVICE, keep_fig, &err);
    }
    sw_baseline_free(keep);
    sw_baseline_free(keep_fig);
    for (int v = 0; v < N; v++) {
        struct sw_timeline *tl = NULL;
        struct sw_err err;
        char *got = NULL, *want = NULL;
        ck_assert_int_eq(st[v], sw_simulate(&tl, t, s[v], 0, &err));
        if (tl) {
            got = sw_timeline_text(kept[v], NULL);
            want = sw_timeline_text(tl, NULL);
            ck_assert_ptr_nonnull(got);
            ck_assert_ptr_nonnull(want);
            if (strcmp(want, got) != 0)
                ck_abort_msg("%s, variant %d: kept baseline\n%s\nsimulate\n%s", what, v, got,
                             want);
        }
        free(got);
        free(want);
        ck_assert_int_eq(st_fig[v], st[v]);
        if (tl)
            no_advice_same(t, s[v], tl, figures[v], what, v);
        sw_timeline_free(tl);
        sw_timeline_free(kept[v]);
        sw_timeline_free(figures[v]);
        memset(s[v], 0xA5, sizeof(*s[v]));
        free(s[v]);
    }
}

static bool case_variants(const struct sw_scenario *s, const char *path, void *arg)
{
    (void)arg;
    variants(test_tables(), s, path);
    return true;
}

/* One keeper of the lookup cache only (sw_baseline_new_cache, as switchsim.fcgi
 * keeps it from request to request) through every reference case in turn:
 * other municipalities, households and overrides after each other, each
 * timeline sw_simulate()'s, byte for byte. */
static bool case_cached(const struct sw_scenario *s, const char *path, void *arg)
{
    struct sw_baseline *keep = arg;
    struct sw_timeline *kept = NULL, *tl = NULL;
    struct sw_err err;
    sw_status st = sw_simulate_keep(&kept, test_tables(), s, 0, keep, &err);
    char *got, *want;

    ck_assert_int_eq(st, sw_simulate(&tl, test_tables(), s, 0, &err));
    if (tl) {
        got = sw_timeline_text(kept, NULL);
        want = sw_timeline_text(tl, NULL);
        ck_assert_ptr_nonnull(got);
        ck_assert_ptr_nonnull(want);
        if (strcmp(want, got) != 0)
            ck_abort_msg("%s: cache kept\n%s\nsimulate\n%s", path, got, want);
        free(got);
        free(want);
    }
    sw_timeline_free(tl);
    sw_timeline_free(kept);
    return true;
}

START_TEST(cache_only_keeper)
{
    struct sw_baseline *keep = sw_baseline_new_cache();

    ck_assert_ptr_nonnull(keep);
    /* twice round: the second time every case follows another one */
    ck_assert_int_gt(test_each_case(case_cached, keep), 10);
    ck_assert_int_gt(test_each_case(case_cached, keep), 10);
    sw_baseline_free(keep);
}
END_TEST

/* A run clears its per-month arrays for its own months only (engine.c,
 * run_clear()): a scenario's timeline is the same, byte for byte, before and
 * after the same household over SW_SCENARIO_MAX_MONTHS months, whose runs
 * leave their months past this one's behind in the memory the next run reuses
 * (the stack and the record a resumable run allocates). */
static bool case_after_longer(const struct sw_scenario *s, const char *path, void *arg)
{
    struct sw_scenario *longer = malloc(sizeof(*longer));
    struct sw_timeline *before = NULL, *lt = NULL, *after = NULL;
    struct sw_err err;
    sw_status st = sw_simulate(&before, test_tables(), s, 0, &err);

    (void)arg;
    ck_assert_ptr_nonnull(longer);
    memcpy(longer, s, sizeof(*longer));
    longer->months = SW_SCENARIO_MAX_MONTHS;
    ck_assert_int_eq(sw_simulate(&lt, test_tables(), longer, 0, &err), SW_OK);
    ck_assert_int_eq(sw_simulate(&after, test_tables(), s, 0, &err), st);
    if (before) {
        char *want = sw_timeline_text(before, NULL), *got = sw_timeline_text(after, NULL);
        ck_assert_ptr_nonnull(want);
        ck_assert_ptr_nonnull(got);
        if (strcmp(want, got) != 0)
            ck_abort_msg("%s: after %d months\n%s\nbefore\n%s", path, SW_SCENARIO_MAX_MONTHS,
                         got, want);
        free(want);
        free(got);
    }
    sw_timeline_free(before);
    sw_timeline_free(lt);
    sw_timeline_free(after);
    free(longer);
    return true;
}

START_TEST(after_longer_run)
{
    ck_assert_int_gt(test_each_case(case_after_longer, NULL), 10);
}
END_TEST

START_TEST(every_reference_case)
{
    ck_assert_int_gt(test_each_case(case_variants, NULL), 10);
}
END_TEST

START_TEST(overrides)
{
    const struct sw_tables *t = test_tables();
    static const char scen[] =
        "{\"version\": 1, \"start_month\": \"2026-01\", \"months\": 24,"
        " \"municipality\": \"amersfoort\","
        " \"household\": {\"composition\": \"single\", \"birth_date\": \"1994-05-01\","
        " \"rent\": 65000},"
        " \"before\": {\"benefit\": \"participatiewet\", \"dagbesteding_dagdelen_per_week\": 6},"
        " \"job\": {\"kind\": \"beschut\", \"start\": \"2026-04-01\", \"hours_per_week\": 28,"
        " \"loonwaarde\": [{\"from\": \"2026-04-01\", \"percent\": 50, \"forfaitair\": true}]},"
        " \"toeslagen\": {\"zorgtoeslag\": true, \"huurtoeslag\": true},"
        " \"overrides\": {\"huurtoeslag.max_rent\": 95000, \"huurtoeslag.normhuur_mip\": 24000},"
        " \"project_unpublished\": true}";
    struct sw_scenario s;
    struct sw_err err;

    ck_assert_int_eq(sw_scenario_parse(&s, t, scen, strlen(scen), NULL, &err), SW_OK);
    ck_assert_uint_eq(s.n_overrides, 2);
    variants(t, &s, "overrides");
}
END_TEST

static Suite *baseline_suite(void)
{
    Suite *s = suite_create("baseline");
    TCase *tc = tcase_create("baseline");

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, every_reference_case);
    tcase_add_test(tc, overrides);
    tcase_add_test(tc, cache_only_keeper);
    tcase_add_test(tc, after_longer_run);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(baseline_suite)
