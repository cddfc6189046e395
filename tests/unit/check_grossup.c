/* check_grossup.c - the gross of a net benefit (sw_gross_from_net_benefit(),
 * bruteren) by the fast search against the search by every cent it replaced, and
 * against brute force over every gross. The published figures it must reproduce
 * are in check_loonheffing.c. */
#include <stdlib.h>
#include <string.h>

#include "loonheffing_ref.h"
#include "switchsim/loonheffing.h"
#include "switchsim/money.h"
#include "testutil.h"

/* sw_gross_from_net_benefit() once tried every cent of a 5-euro window (~517 tax
 * calculations); it now jumps (loonheffing.c, benefit_gross_fast()). The old
 * search is the oracle (lh_ref_benefit_gross(..., false, ...)): both must give
 * the same gross for every net, date, age group and korting tried here. */

static const char *const ref_dates[] = {"2024-03-01", "2025-07-01", "2026-01-01", "2027-06-01"};
/* Below the AOW age; at AOW age born 1946 or later; born before 1946. */
static const char *const ref_births[] = {NULL, "1955-01-01", "1940-06-01"};
static const unsigned ref_kortingen[] = {0, SW_LH_KORTING, SW_LH_KORTING | SW_LH_AOK};

/* Compare both searches on `net`; returns false when the tables have no value
 * (both must then fail alike). */
static bool ref_compare(const struct sw_ctx *c, sw_date d, sw_date birth, unsigned k, int64_t net)
{
    struct sw_err e1, e2;
    int64_t scan = -1, fast = -1;
    sw_status s1 = lh_ref_benefit_gross(c, d, net, 1, birth, k, false, &scan, &e1);
    sw_status s2 = lh_ref_benefit_gross(c, d, net, 1, birth, k, true, &fast, &e2);

    ck_assert_msg(s1 == s2, "net %lld: scan status %d, fast %d (%s)", (long long)net, s1, s2,
                  s2 ? e2.msg : e1.msg);
    ck_assert_msg(scan == fast, "net %lld korting %u: scan %lld, fast %lld", (long long)net, k,
                  (long long)scan, (long long)fast);
    return s1 == SW_OK;
}

/* The nets near every threshold of the brackets and kortingen that apply: where
 * the tax changes its course. */
static void ref_windows(const struct sw_ctx *c, sw_date d, sw_date birth, unsigned k,
                        const char *id)
{
    const struct sw_bracket *b;
    size_t n;
    struct sw_err err;

    if (sw_scale(c, id, d, SW_SCALE_PIECEWISE, &b, &n, NULL, &err) != SW_OK &&
        sw_scale(c, id, d, SW_SCALE_MARGINAL, &b, &n, NULL, &err) != SW_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        int64_t centre;
        /* The net of the gross whose annual wage is the threshold. */
        if (lh_ref_benefit_net(c, d, sw_div_ceil(b[i].threshold, 12), 1, birth, k, &centre, &err))
            return;
        for (int64_t net = centre - 15; net <= centre + 15; net++)
            if (net >= 0)
                ref_compare(c, d, birth, k, net);
    }
}

START_TEST(test_gross_fast_equals_scan)
{
    struct sw_ctx c = test_ctx();
    sw_date d = test_date(ref_dates[_i / 9]);
    const char *bs = ref_births[(_i / 3) % 3];
    sw_date birth = bs ? test_date(bs) : SW_NO_DATE;
    unsigned k = ref_kortingen[_i % 3];
    /* The scales of the age group (as load_params() picks them). */
    static const char *const ids[3][3] = {
        {"loonheffing.brackets", "loonheffing.ahk", NULL},
        {"loonheffing.brackets.aow", "loonheffing.ahk.aow", "loonheffing.ouderenkorting"},
        {"loonheffing.brackets.aow_before_1946", "loonheffing.ahk.aow",
         "loonheffing.ouderenkorting"}};

    /* Small nets (no tax), then a stride over 0 .. 12 000 euros a month. */
    for (int64_t net = 0; net <= 3000; net += 29)
        if (!ref_compare(&c, d, birth, k, net))
            return;   /* no table value for this combination: both said so */
    for (int64_t net = 3001; net <= 1200000; net += 2503)
        ref_compare(&c, d, birth, k, net);
    for (size_t i = 0; i < 3 && ids[(_i / 3) % 3][i]; i++)
        ref_windows(&c, d, birth, k, ids[(_i / 3) % 3][i]);
}
END_TEST

/* All nets of 0 .. 3 000 euros a month, 2026, below and at the AOW age: the
 * gross is the largest one whose net is at most the net, found by brute force
 * over every gross up to 7 000 euros (a net is reached only by grosses below
 * that: the last 500 euros of them all net more than 3 000). */
START_TEST(test_gross_fast_exhaustive)
{
    enum { GMAX = 700000, TMAX = 300000 };
    struct sw_ctx c = test_ctx();
    sw_date d = test_date("2026-07-01");
    sw_date birth = _i ? test_date("1955-01-01") : SW_NO_DATE;
    int64_t *best = calloc(TMAX + 1, sizeof(*best));
    int64_t *net = calloc(GMAX + 1, sizeof(*net));
    int64_t *fast = calloc(TMAX + 1, sizeof(*fast));
    struct sw_err err;

    ck_assert(best && net && fast);
    ck_assert_int_eq(lh_ref_benefit_net(&c, d, 0, GMAX + 1, birth, SW_LH_KORTING, net, &err),
                     SW_OK);
    ck_assert_int_eq(lh_ref_benefit_gross(&c, d, 0, TMAX + 1, birth, SW_LH_KORTING, true, fast,
                                          &err), SW_OK);
    for (int64_t t = 0; t <= TMAX; t++)
        best[t] = -1;
    /* best[t] = the largest gross whose net is exactly t; then the prefix maximum
     * is the largest gross whose net is at most t. */
    for (int64_t g = 0; g <= GMAX; g++) {
        if (g > GMAX - 50000)
            ck_assert_msg(net[g] > TMAX, "gross %lld nets only %lld", (long long)g,
                          (long long)net[g]);
        else if (net[g] >= 0 && net[g] <= TMAX)
            best[net[g]] = g;
    }
    for (int64_t t = 1; t <= TMAX; t++)
        if (best[t - 1] > best[t])
            best[t] = best[t - 1];
    for (int64_t t = 0; t <= TMAX; t++)
        if (fast[t] != best[t])
            ck_abort_msg("net %lld: fast %lld, brute force %lld", (long long)t,
                         (long long)fast[t], (long long)best[t]);
    free(net);
    free(fast);
    free(best);
}
END_TEST

/* sw_gross_from_net_benefit_kept() month after month against
 * sw_gross_from_net_benefit() each month: the same figures and errors, and
 * with a lookup cache the same values used in the same order. The nets repeat,
 * change and repeat again; the walk crosses new years, new half-years and
 * (born 1959) the month the AOW age is reached. */
/* The kept (or memoized) gross-up gave what the plain one gave. */
static void same_benefit(const struct sw_lh_benefit *x, const struct sw_lh_benefit *y)
{
    ck_assert_int_eq(x->net, y->net);
    ck_assert_int_eq(x->gross, y->gross);
    ck_assert_int_eq(x->loonheffing, y->loonheffing);
    ck_assert_int_eq(x->annual_wage, y->annual_wage);
    ck_assert_int_eq(x->tax_annual, y->tax_annual);
    ck_assert_int_eq(x->kortingen_annual, y->kortingen_annual);
}

/* The birth dates of the walks below: none, reaching the AOW age in the walk
 * (1959), above it (1955, 1940), turning 60 in it (1965: the AOW date asked
 * only from then on), from 60 on below the AOW age all through it (1962). */
static const char *const walk_births[] = {NULL, "1959-08-15", "1955-01-01", "1940-06-01",
                                          "1965-06-10", "1962-03-20"};
#define WALK_CASES ((int)(sizeof(walk_births) / sizeof(walk_births[0])) * 3)

/* 48 months of 2024-2027 with nets that stay, move and come back: each kept
 * gross-up through b and kept (b records into b->used) against the plain call on
 * a context of its own - the same status, error, figures and values used. Where
 * sw_lh_kept_answers() says kept answers without asking, the kept call returns
 * kept->last as it was and leaves kept as it was. Returns the months it said so. */
static int walk_against_plain(struct sw_ctx *b, struct sw_lh_kept *kept, sw_date birth,
                              unsigned k)
{
    int answered = 0;
    struct sw_ctx a = test_ctx();
    struct sw_used ua = {0};
    struct sw_err err;

    ck_assert_int_eq(sw_lookup_cache_new(&a.cache, &err), SW_OK);
    a.used = &ua;
    for (int i = 0; i < 48; i++) {
        sw_date d = sw_month_first_day(sw_month_from_ym(2024, 1) + i);
        int64_t net = 100000 + (i % 7 < 3 ? 0 : 1337 * (i % 5)) + (i / 12) * 2500;
        struct sw_lh_benefit x, y;
        struct sw_lh_kept before;
        struct sw_err e1, e2;
        bool answers = sw_lh_kept_answers(kept, d, net, birth, k);
        sw_status s1, s2;

        memcpy(&before, kept, sizeof(before));
        s1 = sw_gross_from_net_benefit(&a, d, net, birth, k, &x, NULL, &e1);
        s2 = sw_gross_from_net_benefit_kept(b, kept, d, net, birth, k, &y, &e2);
        if (answers) {
            ck_assert_int_eq(s2, SW_OK);
            ck_assert_mem_eq(&y, &before.last, sizeof(y));
            ck_assert_mem_eq(kept, &before, sizeof(before));
            answered++;
        }
        ck_assert_int_eq(s1, s2);
        if (s1) {
            ck_assert_str_eq(e1.field, e2.field);
            ck_assert_str_eq(e1.msg, e2.msg);
            continue;
        }
        same_benefit(&x, &y);
    }
    test_same_used(&ua, b->used, true);
    sw_used_release(&ua);
    sw_lookup_cache_free(a.cache);
    return answered;
}

START_TEST(test_gross_kept)
{
    const char *bt = walk_births[_i / 3];
    unsigned k = ref_kortingen[_i % 3];
    sw_date birth = bt ? test_date(bt) : SW_NO_DATE;
    struct sw_ctx b = test_ctx();
    struct sw_used ub = {0};
    struct sw_lh_kept kept;
    struct sw_err err;
    int answered;

    memset(&kept, 0, sizeof(kept));
    ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &err), SW_OK);
    b.used = &ub;
    answered = walk_against_plain(&b, &kept, birth, k);
    /* Nets repeat for up to three months: without a birth date (surely below
     * the AOW age) the repeats within a half-year are answered so. */
    if (!bt)
        ck_assert_int_gt(answered, 0);
    /* From 60 on below the AOW age: answered so too once kept holds the AOW
     * date (sw_lh_kept_answers() before the kept AOW date). */
    if (bt && strcmp(bt, "1962-03-20") == 0)
        ck_assert_int_gt(answered, 0);
    /* The checks before any lookup, as the plain call makes them. */
    {
        struct sw_lh_benefit y;
        sw_date d = test_date("2026-03-01");
        ck_assert_int_eq(sw_gross_from_net_benefit_kept(&b, &kept, d, -1, birth, k, &y, &err),
                         SW_ERR_INVALID);
        ck_assert_str_eq(err.field, "net");
        ck_assert_int_eq(sw_gross_from_net_benefit_kept(&b, &kept, d, 100000,
                                                        test_date("2026-03-02"), k, &y, &err),
                         SW_ERR_INVALID);
        ck_assert_str_eq(err.field, "birth_date");
    }
    sw_used_release(&ub);
    sw_lookup_cache_free(b.cache);
}
END_TEST

/* Day after day through 2024-2026 with one net: where sw_lh_kept_answers()
 * says kept answers without asking, the kept call returns kept->last as it was
 * and leaves kept as it was, also on the days of a month in which the AOW age
 * is reached before its last day (born 1959: fails when the predicate compares
 * the day itself, not the month's last day, with the kept AOW date). */
START_TEST(test_gross_kept_days)
{
    const char *bt = walk_births[_i / 3];
    unsigned k = ref_kortingen[_i % 3];
    sw_date birth = bt ? test_date(bt) : SW_NO_DATE;
    sw_date from = test_date("2024-01-01"), to = test_date("2027-01-01");
    struct sw_ctx b = test_ctx();
    struct sw_used ub = {0};
    struct sw_lh_kept kept;
    struct sw_err err;

    memset(&kept, 0, sizeof(kept));
    ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &err), SW_OK);
    b.used = &ub;
    for (sw_date d = from; d < to; d++) {
        struct sw_lh_benefit y;
        struct sw_lh_kept before;
        bool answers = sw_lh_kept_answers(&kept, d, 100000, birth, k);
        sw_status st;

        memcpy(&before, &kept, sizeof(before));
        st = sw_gross_from_net_benefit_kept(&b, &kept, d, 100000, birth, k, &y, &err);
        ck_assert_msg(st == SW_OK, "%d: %s", (int)d, err.msg);
        if (answers) {
            ck_assert_mem_eq(&y, &before.last, sizeof(y));
            ck_assert_mem_eq(&kept, &before, sizeof(before));
        }
    }
    sw_used_release(&ub);
    sw_lookup_cache_free(b.cache);
}
END_TEST

/* The gross-ups kept across calculations (struct sw_lh_memo): the walk of
 * walk_against_plain() through a memo the walk before filled (every gross-up then
 * answered from it) gives the plain call's figures and the same values used in
 * the same order; a memo answer is what the kept gross-up returns (an answer
 * altered in the memo comes out: the test would see a wrong one), and binding
 * the memo to another set (another sha) forgets it. */
START_TEST(test_gross_memo)
{
    const char *bt = walk_births[_i / 3];
    unsigned k = ref_kortingen[_i % 3];
    sw_date birth = bt ? test_date(bt) : SW_NO_DATE;
    struct sw_lh_memo *memo = calloc(1, sizeof(*memo));
    struct sw_err err;

    ck_assert(memo);
    for (int pass = 0; pass < 2; pass++) {
        struct sw_ctx b = test_ctx();
        struct sw_used ub = {0};
        struct sw_lh_kept kept;

        memset(&kept, 0, sizeof(kept));
        ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &err), SW_OK);
        b.used = &ub;
        sw_lh_memo_bind(memo, b.tables);
        kept.memo = memo;
        walk_against_plain(&b, &kept, birth, k);
        sw_used_release(&ub);
        sw_lookup_cache_free(b.cache);
    }
    /* One answer altered in the memo comes out of a fresh kept gross-up; bound
     * to a set with another sha, the memo gives the calculated one again. */
    {
        struct sw_ctx c = test_ctx();
        struct sw_lh_kept kept;
        struct sw_lh_benefit x, y;
        sw_date d = test_date("2026-03-01");
        size_t hit = SW_LH_MEMO_SLOTS;

        ck_assert_int_eq(sw_gross_from_net_benefit(&c, d, 123456, birth, k, &x, NULL, &err),
                         SW_OK);
        memset(&kept, 0, sizeof(kept));
        kept.memo = memo;
        ck_assert_int_eq(sw_gross_from_net_benefit_kept(&c, &kept, d, 123456, birth, k, &y,
                                                        &err), SW_OK);
        ck_assert_int_eq(y.gross, x.gross);
        for (size_t i = 0; i < SW_LH_MEMO_SLOTS; i++)
            if (memo->slot[i].set && memo->slot[i].b.net == 123456 &&
                memo->slot[i].b.gross == x.gross)
                hit = i;
        ck_assert_uint_lt(hit, SW_LH_MEMO_SLOTS);
        memo->slot[hit].b.gross = x.gross + 1;
        memset(&kept, 0, sizeof(kept));
        kept.memo = memo;
        ck_assert_int_eq(sw_gross_from_net_benefit_kept(&c, &kept, d, 123456, birth, k, &y,
                                                        &err), SW_OK);
        ck_assert_int_eq(y.gross, x.gross + 1);
        memo->sha[0] = memo->sha[0] == 'x' ? 'y' : 'x';
        sw_lh_memo_bind(memo, c.tables);
        memset(&kept, 0, sizeof(kept));
        kept.memo = memo;
        ck_assert_int_eq(sw_gross_from_net_benefit_kept(&c, &kept, d, 123456, birth, k, &y,
                                                        &err), SW_OK);
        ck_assert_int_eq(y.gross, x.gross);
    }
    free(memo);
}
END_TEST

static Suite *grossup_suite(void)
{
    Suite *s = suite_create("grossup");
    TCase *tc = tcase_create("fast = scan");

    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_gross_fast_equals_scan, 0,
                        (int)(sizeof(ref_dates) / sizeof(ref_dates[0])) * 9);
    tcase_add_loop_test(tc, test_gross_fast_exhaustive, 0, 2);
    tcase_add_loop_test(tc, test_gross_kept, 0, WALK_CASES);
    tcase_add_loop_test(tc, test_gross_memo, 0, WALK_CASES);
    tcase_add_loop_test(tc, test_gross_kept_days, 0, WALK_CASES);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(grossup_suite)
