/* check_toeslagen_kept.c - what the engine keeps of the toeslagen (and the
 * kinderbijslag) for a simulation's second run and a batch's next household
 * must change no figure and no value used. Every reference scenario
 * (tests/cases) is simulated three ways: alone, through one keeper shared by
 * all of them (sw_simulate_keep(): the gross-ups kept across households, the
 * lookup cache carried over), and traced (a traced month is always computed,
 * never taken from what the other run kept). Every month item of both runs
 * must be the same; alone and kept also the values used, in order. A kept
 * answer that differed from the computed one would show here. */
#include <string.h>

#include "switchsim/engine.h"
#include "switchsim/scenario.h"
#include "testutil.h"

struct kept_arg {
    struct sw_baseline *keep;
    bool traced;       /* compare alone with traced instead of with kept */
};

static void same_run(const struct sw_run *a, const struct sw_run *b, const char *path,
                     const char *which)
{
    ck_assert_int_eq(a->n, b->n);
    for (int i = 0; i < a->n; i++)
        for (int k = 0; k < SW_ITEM__COUNT; k++)
            ck_assert_msg(a->rows[i].v[k] == b->rows[i].v[k],
                          "%s %s month %d item %d: %lld alone, %lld the other way", path, which,
                          i, k, (long long)a->rows[i].v[k], (long long)b->rows[i].v[k]);
}

static bool compare_case(const struct sw_scenario *s, const char *path, void *argp)
{
    struct kept_arg *arg = argp;
    struct sw_timeline *a = NULL, *b = NULL;
    struct sw_err err;
    sw_status st;

    if (sw_simulate(&a, test_tables(), s, 0, &err) != SW_OK)
        return false;   /* a case that fails on purpose */
    st = arg->traced ? sw_simulate(&b, test_tables(), s, SW_SIM_TRACE, &err)
                     : sw_simulate_keep(&b, test_tables(), s, 0, arg->keep, &err);
    ck_assert_msg(st == SW_OK, "%s: %s", path, err.msg);
    same_run(&a->scenario, &b->scenario, path, "switch");
    same_run(&a->baseline, &b->baseline, path, "baseline");
    ck_assert_int_eq(a->n_recoveries, b->n_recoveries);
    if (!arg->traced) {
        ck_assert_uint_eq(a->used.len, b->used.len);
        for (size_t i = 0; i < a->used.len; i++) {
            ck_assert_ptr_eq(a->used.items[i].id, b->used.items[i].id);
            ck_assert_int_eq(a->used.items[i].from, b->used.items[i].from);
            ck_assert_int_eq(a->used.items[i].projected, b->used.items[i].projected);
        }
    }
    sw_timeline_free(a);
    sw_timeline_free(b);
    return true;
}

START_TEST(test_kept_as_computed)
{
    struct kept_arg arg = {sw_baseline_new_cache(), false};

    ck_assert_ptr_nonnull(arg.keep);
    /* Twice through the keeper: the second time every household finds the
     * gross-ups of all of them kept. */
    ck_assert_int_gt(test_each_case(compare_case, &arg), 20);
    ck_assert_int_gt(test_each_case(compare_case, &arg), 20);
    sw_baseline_free(arg.keep);
    arg.keep = sw_baseline_new();
    ck_assert_ptr_nonnull(arg.keep);
    ck_assert_int_gt(test_each_case(compare_case, &arg), 20);
    sw_baseline_free(arg.keep);
}
END_TEST

START_TEST(test_traced_as_untraced)
{
    struct kept_arg arg = {NULL, true};

    ck_assert_int_gt(test_each_case(compare_case, &arg), 20);
}
END_TEST

/* The korting given twice (eng_korting_twice()) takes the municipality's korting
 * on the resident's part of the bijstand from the toetsingsinkomen's gross-up of
 * the same month (year_income()) when the toeslagen asked it, and grosses up
 * itself when they did not: every reference scenario, with the korting given by
 * employer and municipality, with all toeslagen and without any must give the
 * same income-tax recoveries. A reused gross-up that differed from the computed
 * one would show here. */
static int tax_recoveries(const struct sw_timeline *tl)
{
    int n = 0;

    for (size_t k = 0; k < tl->n_recoveries; k++)
        n += tl->recoveries[k].kind == SW_RECOVERY_INKOMSTENBELASTING;
    return n;
}

static bool compare_without_toeslagen(const struct sw_scenario *s, const char *path, void *argp)
{
    int *with_tax = argp;
    struct sw_scenario all = *s, bare;
    struct sw_timeline *a = NULL, *b = NULL;
    struct sw_err err;
    size_t j = 0;

    all.job.loonheffingskorting = all.settlement.municipality_applies_korting = true;
    all.toeslagen.zorgtoeslag = all.toeslagen.huurtoeslag = true;
    all.toeslagen.kindgebonden_budget = true;
    bare = all;
    bare.toeslagen.zorgtoeslag = bare.toeslagen.huurtoeslag = false;
    bare.toeslagen.kindgebonden_budget = false;
    if (sw_simulate(&a, test_tables(), &all, 0, &err) != SW_OK)
        return false;   /* a case that fails on purpose */
    ck_assert_msg(sw_simulate(&b, test_tables(), &bare, 0, &err) == SW_OK, "%s: %s", path,
                  err.msg);
    ck_assert_int_eq(tax_recoveries(a), tax_recoveries(b));
    *with_tax += tax_recoveries(a) > 0;
    for (size_t k = 0; k < a->n_recoveries; k++) {
        const struct sw_recovery *x = &a->recoveries[k], *y;

        if (x->kind != SW_RECOVERY_INKOMSTENBELASTING)
            continue;
        while (b->recoveries[j].kind != SW_RECOVERY_INKOMSTENBELASTING)
            j++;
        y = &b->recoveries[j++];
        ck_assert_msg(x->amount == y->amount && x->caused == y->caused &&
                          strcmp(x->for_period, y->for_period) == 0,
                      "%s %s: %lld with the toeslagen, %lld without", path, x->for_period,
                      (long long)x->amount, (long long)y->amount);
    }
    sw_timeline_free(a);
    sw_timeline_free(b);
    return true;
}

START_TEST(test_korting_twice_without_toeslagen)
{
    int with_tax = 0;

    ck_assert_int_gt(test_each_case(compare_without_toeslagen, &with_tax), 20);
    /* Cases with the korting given twice were compared. */
    ck_assert_int_gt(with_tax, 20);
}
END_TEST

static Suite *toeslagen_kept_suite(void)
{
    Suite *s = suite_create("toeslagen_kept");
    TCase *tc = tcase_create("kept = computed");

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_kept_as_computed);
    tcase_add_test(tc, test_traced_as_untraced);
    tcase_add_test(tc, test_korting_twice_without_toeslagen);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(toeslagen_kept_suite)
