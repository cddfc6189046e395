/* check_timeline_text.c - sw_timeline_text() (timeline_text.c, the answer of
 * POST /api/simulate and of `switchsim batch` written without a cJSON tree) is
 * byte for byte the compact text of the tree sw_timeline_json() builds, as
 * sw_json_text() prints it (check_json_text.c compares that with cJSON's own
 * printing): for every reference case, and for timelines changed by hand so that
 * every branch of the writer runs (a way back with and without WW, amounts at
 * and beyond the edge of the digits written directly, instalments
 * and offsets, warnings without a month, vrijlating onder aa, no ordinary month,
 * projected and overridden values of every unit, strings with escapes, a value
 * without a description, local schemes tested or not and with or without their
 * value, an armoedeval). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "json_text.h"
#include "switchsim/engine.h"
#include "switchsim/scenario.h"
#include "testutil.h"

/* The tree's text, with the headline members the API adds, against the writer's. */
static void same_as_tree(const struct sw_timeline *tl, const char *what)
{
    cJSON *o = sw_timeline_json(tl);
    struct sw_jbuf b = {0};
    size_t wlen = 0, glen = 0;
    char *want, *got;

    ck_assert_ptr_nonnull(o);
    want = sw_json_text(o, false, &wlen);
    got = sw_timeline_text(tl, &glen);
    ck_assert_ptr_nonnull(want);
    ck_assert_ptr_nonnull(got);
    if (strcmp(want, got) != 0)
        ck_abort_msg("%s: the tree's text\n%s\nthe writer's\n%s", what, want, got);
    ck_assert_uint_eq(glen, wlen);
    free(want);
    /* simulate --json: the writer's text laid out as the tree's formatted text. */
    want = sw_json_text(o, true, &wlen);
    {
        char *laid = sw_json_reformat(got, glen, &glen);
        ck_assert_ptr_nonnull(want);
        ck_assert_ptr_nonnull(laid);
        if (strcmp(want, laid) != 0)
            ck_abort_msg("%s: the tree's formatted text\n%s\nthe writer's, laid out\n%s", what,
                         want, laid);
        ck_assert_uint_eq(glen, wlen);
        free(laid);
    }
    free(want);
    free(got);

    cJSON_AddStringToObject(o, "headline", "Je houdt \"meer\" over\n\ttab");
    cJSON_AddStringToObject(o, "headline_more", "\xc3\xa9\x01");
    want = sw_json_text(o, false, &wlen);
    sw_timeline_text_open(&b, tl);
    sw_jb_member_string(&b, "headline", "Je houdt \"meer\" over\n\ttab");
    sw_jb_member_string(&b, "headline_more", "\xc3\xa9\x01");
    sw_jb_member_string(&b, "absent", NULL);
    sw_jb_putc(&b, '}');
    got = sw_jb_finish(&b, &glen);
    ck_assert_ptr_nonnull(want);
    ck_assert_ptr_nonnull(got);
    if (strcmp(want, got) != 0)
        ck_abort_msg("%s with the headline: the tree's text\n%s\nthe writer's\n%s", what, want,
                     got);
    ck_assert_uint_eq(glen, wlen);
    free(want);
    free(got);
    cJSON_Delete(o);
}

/* Every branch the reference cases may not reach, on a copy of tl's lists. */
static void changed_by_hand(struct sw_timeline *tl, const char *what)
{
    static const enum sw_unit units[] = {SW_UNIT_EUROCENT, SW_UNIT_PERCENT, SW_UNIT_HOURS,
                                         SW_UNIT_BOOL, SW_UNIT_SETTLEMENT};
    struct sw_used saved = tl->used;
    struct sw_value_info extra[2 * sizeof(units) / sizeof(units[0]) + 2];
    size_t ne = 0;
    char msg[700];

    tl->way_back.active = true;
    tl->way_back.ww = true;
    tl->way_back.weeks_worked = 30;
    tl->way_back.ww_dagloon = 9876;
    snprintf(msg, sizeof(msg), "%s, way back with WW", what);
    same_as_tree(tl, msg);
    tl->way_back.ww = false;
    snprintf(msg, sizeof(msg), "%s, way back without WW", what);
    same_as_tree(tl, msg);

    if (tl->n_recoveries < SW_MAX_RECOVERIES) {
        struct sw_recovery *r = &tl->recoveries[tl->n_recoveries++];
        memset(r, 0, sizeof(*r));
        r->kind = SW_RECOVERY_INKOMSTENBELASTING;
        snprintf(r->for_period, sizeof(r->for_period), "2026");
        r->caused = r->expected = r->collected = tl->scenario.rows[0].month;
        r->amount = 123456;
        r->instalment = 5000;
        r->paid_off = r->collected + 24;
        r->offset = 777;
        snprintf(r->avoidable_by, sizeof(r->avoidable_by), "Geef \"dit\" door\\nu");
    }
    if (tl->n_warnings < SW_MAX_WARNINGS) {
        struct sw_warning *w = &tl->warnings[tl->n_warnings++];
        memset(w, 0, sizeof(*w));
        snprintf(w->code, sizeof(w->code), "no_month");
        w->month = -1;
        w->amount = -42;
        snprintf(w->text, sizeof(w->text), "zonder maand\t\x7f");
    }
    /* Amounts at the edges of the digits written directly (below 10^15 in size)
     * and beyond them, in a month row, the totals and the month counter. */
    {
        static const int64_t edge[] = {0, 1, -1, 9, -9, 10, -10, 99, 100, -100, 101,
                                       999999999999999LL, -999999999999999LL,
                                       1000000000000000LL, -1000000000000000LL,
                                       123456789012345678LL, INT64_MAX, INT64_MIN};
        const size_t ne_ = sizeof(edge) / sizeof(edge[0]);
        for (int k = 0; k < SW_ITEM__COUNT; k++) {
            tl->scenario.rows[0].v[k] = edge[(size_t)k % ne_];
            tl->baseline.totals[k] = edge[(size_t)(k + 7) % ne_];
        }
        tl->scenario.rows[0].vrijlating_month = -12;
        tl->baseline.rows[0].vrijlating_month = 2147483647;
        tl->average_gain = INT64_MIN;
        tl->total_gain = 1000000000000000LL;
    }
    tl->scenario.rows[0].vrijlating_kind = 'a';
    tl->scenario.rows[tl->scenario.n - 1].vrijlating_kind = 'y';
    tl->steady.found = true;
    tl->steady.first_months = 0;
    snprintf(msg, sizeof(msg), "%s, lists and kinds by hand", what);
    same_as_tree(tl, msg);
    tl->steady.found = false;
    snprintf(msg, sizeof(msg), "%s, no ordinary month", what);
    same_as_tree(tl, msg);

    /* Every kind of local scheme: tested or not, its value known or not. */
    for (int k = 0; k < SW_LOCAL__COUNT; k++) {
        tl->local[k].tested = k % 2 == 0;
        tl->local[k].value_known = k % 3 != 1;
        tl->local[k].above_ppm = 100000 + 12345 * k;
        tl->local[k].limit = 150000 + k;
        tl->local[k].year_value = 30000 + k;
        tl->local[k].waiting_months = 36;
    }
    if (tl->n_armoedeval + 2 <= SW_MAX_ARMOEDEVAL) {
        for (int k = 0; k < 2; k++) {
            struct sw_armoedeval *e = &tl->armoedeval[tl->n_armoedeval++];
            memset(e, 0, sizeof(*e));
            e->scheme = (enum sw_local_scheme)k;
            e->month = tl->scenario.rows[0].month;
            e->income = 160000;
            e->limit = 155000;
            e->value_known = k == 0;
            e->year_value = 25000;
        }
    }
    snprintf(msg, sizeof(msg), "%s, local schemes and armoedeval by hand", what);
    same_as_tree(tl, msg);

    /* Projected and overridden values of every unit, one without a description,
     * after the values the run used. */
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        struct sw_value_info v = {0};
        v.id = "test.projected";
        v.description = i == 2 ? NULL : "een \"waarde\"";
        v.unit = units[i];
        v.source = "bron";
        v.url = "";
        v.from = 20000;
        v.projected = true;
        v.provisional = i % 2 == 0;
        v.projected_from = 20100;
        v.amount = i == 4 ? 1 : 123456;
        extra[ne++] = v;
        v.id = "test.overridden";
        v.projected = false;
        v.overridden = true;
        extra[ne++] = v;
    }
    {
        struct sw_value_info v = {0};
        v.id = "test.scale";
        v.description = "schaal";
        v.source = "bron";
        v.is_scale = true;
        v.projected = true;
        v.provisional = true;
        extra[ne++] = v;
    }
    tl->used.items = malloc((saved.len + ne) * sizeof(*tl->used.items));
    ck_assert_ptr_nonnull(tl->used.items);
    if (saved.len)
        memcpy(tl->used.items, saved.items, saved.len * sizeof(*saved.items));
    memcpy(tl->used.items + saved.len, extra, ne * sizeof(*extra));
    tl->used.len = tl->used.cap = saved.len + ne;
    snprintf(msg, sizeof(msg), "%s, projected and overridden values by hand", what);
    same_as_tree(tl, msg);
    /* Projected values with ids of their own, missing from dates spread over
     * the run, the later ones first: each month lists those missing by its end. */
    if (tl->scenario.n > 0) {
        static const char *const ids[] = {"test.p0", "test.p1", "test.p2", "test.p3",
                                          "test.p4", "test.p5", "test.p6", "test.p7",
                                          "test.p8", "test.p9", "test.p10", "test.p11"};
        sw_date first = sw_month_last_day(tl->scenario.rows[0].month);
        ck_assert_uint_le(ne, sizeof(ids) / sizeof(ids[0]));
        for (size_t i = 0; i < ne; i++) {
            tl->used.items[saved.len + i].id = ids[i];
            tl->used.items[saved.len + i].projected = true;
            tl->used.items[saved.len + i].projected_from = first + (sw_date)(40 * (ne - i));
        }
        snprintf(msg, sizeof(msg), "%s, projected values missing from dates in the run", what);
        same_as_tree(tl, msg);
        /* Repeated ids at addresses of their own, provisional or not,
         * overridden or not: an id is the same by its text for the
         * provisional and the projected lists. */
        {
            char copies[12][16];
            for (size_t i = 0; i < ne; i++) {
                struct sw_value_info *u = &tl->used.items[saved.len + i];
                snprintf(copies[i], sizeof(copies[i]), "test.p%zu", i % 3);
                u->id = copies[i];
                u->provisional = i % 4 != 1;
                u->overridden = i % 7 == 3;
            }
            snprintf(msg, sizeof(msg), "%s, repeated ids at other addresses", what);
            same_as_tree(tl, msg);
        }
    }
    free(tl->used.items);
    tl->used = saved;
}

static bool one_case(const struct sw_scenario *s, const char *path, void *arg)
{
    bool by_hand = *(const bool *)arg;
    struct sw_timeline *tl = NULL;
    struct sw_err err;

    if (sw_simulate(&tl, test_tables(), s, 0, &err) != SW_OK)
        return false;
    if (by_hand)
        changed_by_hand(tl, path);
    else
        same_as_tree(tl, path);
    sw_timeline_free(tl);
    return true;
}

static int every_case(bool by_hand)
{
    return test_each_case(one_case, &by_hand);
}

START_TEST(every_reference_case)
{
    ck_assert_int_gt(every_case(false), 10);
}
END_TEST

START_TEST(every_branch_by_hand)
{
    ck_assert_int_gt(every_case(true), 10);
}
END_TEST

static Suite *timeline_text_suite(void)
{
    Suite *s = suite_create("timeline_text");
    TCase *tc = tcase_create("timeline_text");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_reference_case);
    tcase_add_test(tc, every_branch_by_hand);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(timeline_text_suite)
