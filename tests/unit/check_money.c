/* check_money.c - exact decimal parsing, formatting and the named roundings. */
#include <stdio.h>
#include <string.h>

#include "switchsim/money.h"
#include "testutil.h"

struct parse_case {
    const char *text;
    int decimals;
    int64_t expected;
};

/* Expected values written out by hand: "12.5" with 2 decimals is 12.50 = 1250. */
static const struct parse_case good[] = {
    {"0", 2, 0},         {"2000", 2, 200000},   {"2000.00", 2, 200000},
    {"2000,5", 2, 200050}, {"0.01", 2, 1},      {"1345.45", 2, 134545},
    {"-6.51", 4, -65100}, {"35.82", 4, 358200}, {"8.053", 4, 80530},
    {"100", 4, 1000000}, {"007", 0, 7},
};

START_TEST(test_decimal_parse_exact)
{
    int64_t v = -1;
    struct sw_err err;

    ck_assert_int_eq(sw_decimal_parse(&v, good[_i].text, good[_i].decimals, SW_MONEY_MAX,
                                      "x", &err), SW_OK);
    ck_assert_int_eq(v, good[_i].expected);
}
END_TEST

static const char *const bad[] = {
    "", "-", ".", "1.", ".5", "1.2.3", "1e5", " 1", "1 ", "1,000.00", "12.345", "abc",
    "0x10", "+5", "--1", "99999999999999999999999", "1000000000.01",
};

START_TEST(test_money_parse_rejects_malformed)
{
    int64_t v = 42;
    struct sw_err err;

    ck_assert_int_eq(sw_money_parse_euros(&v, bad[_i], "--gross", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--gross");
    ck_assert_ptr_nonnull(strstr(err.msg, "--gross"));
    ck_assert_int_eq(v, 42);  /* untouched on failure */
}
END_TEST

/* Dutch notation on the command line (issue 20): dots group thousands, the
 * comma is the decimal separator; "2.000,50" is 2000 euros 50 cents = 200050. */
static const struct parse_case dutch[] = {
    {"2.000,50", 2, 200050},  {"2.000,5", 2, 200050},    {"1.000.000", 2, 100000000},
    {"12.345,6", 2, 1234560}, {"999.999,99", 2, 99999999}, {"2000,50", 2, 200050},
    {"2000.50", 2, 200050},   {"2.5", 2, 250},           {"1.000.000.000", 2, SW_MONEY_MAX},
    {"20.00", 2, 2000},   /* two decimals after one dot: never thousands */
};

START_TEST(test_money_parse_dutch)
{
    int64_t v = -1;
    struct sw_err err;

    ck_assert_int_eq(sw_money_parse_euros(&v, dutch[_i].text, "--gross", &err), SW_OK);
    ck_assert_int_eq(v, dutch[_i].expected);
}
END_TEST

/* Ambiguous or mixed forms are refused with a message naming the option. */
static const char *const unclear[] = {
    "2.000", "2,000", "12,345", "2,000.50", "2.00.000",
    "2.0000", ".200,00", "2.000,", "2.000.00", "1,000,000", "2.000,505", "1.000.000.000,01",
    "-2.000,50",
};

START_TEST(test_money_parse_dutch_refused)
{
    int64_t v = 42;
    struct sw_err err;

    ck_assert_int_eq(sw_money_parse_euros(&v, unclear[_i], "--gross", &err), SW_ERR_INVALID);
    ck_assert_str_eq(err.field, "--gross");
    ck_assert_ptr_nonnull(strstr(err.msg, "--gross"));
    ck_assert_ptr_nonnull(strstr(err.msg, unclear[_i]));   /* quotes what was typed */
    ck_assert_int_eq(v, 42);
}
END_TEST

START_TEST(test_money_parse_ambiguous_message)
{
    int64_t v;
    struct sw_err err;

    ck_assert_int_eq(sw_money_parse_euros(&v, "2.000", "--gross", &err), SW_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "ambiguous"));
    ck_assert_ptr_nonnull(strstr(err.msg, "write 2000 or 2.000,00"));
}
END_TEST

START_TEST(test_money_parse_rejects_negative)
{
    int64_t v;
    struct sw_err err;

    ck_assert_int_eq(sw_money_parse_euros(&v, "-1", "--rent", &err), SW_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "negative"));
}
END_TEST

START_TEST(test_money_parse_limit)
{
    int64_t v;
    struct sw_err err;

    /* SW_MONEY_MAX is 1e9 euros = 1e11 cents: accepted; one cent more is not. */
    ck_assert_int_eq(sw_money_parse_euros(&v, "1000000000", "a", &err), SW_OK);
    ck_assert_int_eq(v, SW_MONEY_MAX);
    ck_assert_int_eq(sw_money_parse_euros(&v, "1000000000.01", "a", &err), SW_ERR_INVALID);
}
END_TEST

START_TEST(test_money_format)
{
    char b[64];

    sw_money_format(b, sizeof(b), 134545);
    ck_assert_str_eq(b, "1345.45");
    sw_money_format(b, sizeof(b), -5);
    ck_assert_str_eq(b, "-0.05");
    sw_money_format_nl(b, sizeof(b), 123456789);
    ck_assert_str_eq(b, "\xe2\x82\xac 1.234.567,89");
    sw_money_format_nl(b, sizeof(b), 99);
    ck_assert_str_eq(b, "\xe2\x82\xac 0,99");
    sw_money_format_nl(b, sizeof(b), -140150);
    ck_assert_str_eq(b, "-\xe2\x82\xac 1.401,50");
    sw_money_format_csv(b, sizeof(b), 140150);
    ck_assert_str_eq(b, "1401,50");
    sw_rate_format(b, sizeof(b), 358200);
    ck_assert_str_eq(b, "35.82");
    sw_rate_format(b, sizeof(b), 80000);
    ck_assert_str_eq(b, "8");
    sw_rate_format(b, sizeof(b), -65100);
    ck_assert_str_eq(b, "-6.51");
}
END_TEST

/* The formatters write by hand what these snprintf() formats write (as they did
 * before): compared over signs, magnitudes, the int64 extremes and every buffer
 * size up to the whole text, so truncation matches too. */
START_TEST(test_format_as_snprintf)
{
    static const int64_t values[] = {0, 1, -1, 5, 9, 10, 99, 100, 101, 999, 1000, 12345,
                                     99999, 100000, 123456, 1000000, 10000000, 123456789,
                                     -123456789, 100000000000, -5, -100, INT64_MAX,
                                     INT64_MIN, INT64_MIN + 1, 1500, 1230, 1234, 1200,
                                     10001, 2500000, 57500, 3195, 6398};
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        int64_t v = values[i];
        uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        char want[4][80], got[80], frac[8], digits[32], grouped[48];
        size_t n, j = 0;
        int len;

        snprintf(want[0], sizeof(want[0]), "%s%llu%c%02llu", v < 0 ? "-" : "",
                 (unsigned long long)(a / 100), '.', (unsigned long long)(a % 100));
        snprintf(want[1], sizeof(want[1]), "%s%llu%c%02llu", v < 0 ? "-" : "",
                 (unsigned long long)(a / 100), ',', (unsigned long long)(a % 100));
        snprintf(digits, sizeof(digits), "%llu", (unsigned long long)(a / 100));
        n = strlen(digits);
        for (size_t k = 0; k < n; k++) {
            if (k > 0 && (n - k) % 3 == 0)
                grouped[j++] = '.';
            grouped[j++] = digits[k];
        }
        grouped[j] = '\0';
        snprintf(want[2], sizeof(want[2]), "%s\xe2\x82\xac %s,%02llu", v < 0 ? "-" : "", grouped,
                 (unsigned long long)(a % 100));
        snprintf(frac, sizeof(frac), "%04llu", (unsigned long long)(a % SW_PPM_PER_PERCENT));
        len = 4;
        while (len > 0 && frac[len - 1] == '0')
            frac[--len] = '\0';
        snprintf(want[3], sizeof(want[3]), "%s%llu%s%s", v < 0 ? "-" : "",
                 (unsigned long long)(a / SW_PPM_PER_PERCENT), len ? "." : "", frac);
        for (int f = 0; f < 4; f++) {
            for (size_t size = 1; size <= strlen(want[f]) + 1; size++) {
                char cut[80];
                memset(got, 'x', sizeof(got));
                snprintf(cut, size, "%s", want[f]);
                if (f == 0)
                    sw_money_format(got, size, v);
                else if (f == 1)
                    sw_money_format_csv(got, size, v);
                else if (f == 2)
                    sw_money_format_nl(got, size, v);
                else
                    sw_rate_format(got, size, v);
                ck_assert_str_eq(got, cut);
                ck_assert(got[size - 1] == '\0' || strlen(got) < size);
            }
        }
    }
}
END_TEST

START_TEST(test_division_roundings)
{
    /* 7/2 = 3.5; -7/2 = -3.5 */
    ck_assert_int_eq(sw_div_floor(7, 2), 3);
    ck_assert_int_eq(sw_div_floor(-7, 2), -4);
    ck_assert_int_eq(sw_div_ceil(7, 2), 4);
    ck_assert_int_eq(sw_div_ceil(-7, 2), -3);
    ck_assert_int_eq(sw_div_half_up(7, 2), 4);
    ck_assert_int_eq(sw_div_half_up(-7, 2), -4);   /* half away from zero */
    ck_assert_int_eq(sw_div_half_up(5, 3), 2);     /* 1.67 */
    ck_assert_int_eq(sw_div_half_up(4, 3), 1);     /* 1.33 */
    ck_assert_int_eq(sw_div_half_up(-5, 3), -2);   /* -1.67 */
    ck_assert_int_eq(sw_div_half_up(-4, 3), -1);   /* -1.33 */
    ck_assert_int_eq(sw_money_rate_half_up(1, 500000), 1);     /* half a cent, up */
    ck_assert_int_eq(sw_money_rate_half_up(-1, 500000), -1);   /* away from zero */
    ck_assert_int_eq(sw_money_rate_half_up(-1, 499999), 0);
    ck_assert_int_eq(sw_money_scale_half_up(-3, 1, 2), -2);      /* -1.5 */
    ck_assert_int_eq(sw_div_floor(6, 3), 2);
}
END_TEST

START_TEST(test_money_round_half_up_at_half_cent)
{
    /* Youth WML: 14.71 x 60 % = 8.826 -> 8.83 (params.md §1.2: published 8,83). */
    ck_assert_int_eq(sw_money_rate_half_up(1471, 600000), 883);
    /* 14.06 x 34.5 % = 4.8507 -> 4.85 (published 4,85 for 2025-01-01). */
    ck_assert_int_eq(sw_money_rate_half_up(1406, 345000), 485);
    /* 1401.50 x 95 % = 1331.425 -> 1331.43: exactly half a cent rounds up. */
    ck_assert_int_eq(sw_money_rate_half_up(140150, 950000), 133143);
    /* ...and down when truncating. */
    ck_assert_int_eq(sw_money_rate_down(140150, 950000), 133142);
}
END_TEST

START_TEST(test_whole_euro_roundings)
{
    ck_assert_int_eq(sw_money_floor_euros(1234599), 1234500);
    ck_assert_int_eq(sw_money_round_euros(1234550), 1234600);
    ck_assert_int_eq(sw_money_round_euros(1234549), 1234500);
    ck_assert_int_eq(sw_money_ceil_euros(1234501), 1234600);
    ck_assert_int_eq(sw_money_ceil_euros(1234500), 1234500);
    ck_assert_int_eq(sw_money_floor_euros(-1), -100);
}
END_TEST

START_TEST(test_money_scale_part_month)
{
    /* 2000.00 for 17 of 30 days: 2000 x 17 / 30 = 1133.333 -> 1133.33 */
    ck_assert_int_eq(sw_money_scale_half_up(200000, 17, 30), 113333);
    /* 14.71 x 28 h x 52 / 12 = 1784.8133 -> 1784.81 */
    ck_assert_int_eq(sw_money_scale_half_up(1471 * 28, 52, 12), 178481);
}
END_TEST

/* Issue 19: a zero divisor killed the process (SIGFPE). The helpers are total:
 * a zero divisor saturates to SW_MONEY_MAX with the sign of the numerator. */
START_TEST(test_division_by_zero_saturates)
{
    ck_assert_int_eq(sw_div_floor(7, 0), SW_MONEY_MAX);
    ck_assert_int_eq(sw_div_ceil(-7, 0), -SW_MONEY_MAX);
    ck_assert_int_eq(sw_div_half_up(123456, 0), SW_MONEY_MAX);
    ck_assert_int_eq(sw_div_half_up(-1, 0), -SW_MONEY_MAX);
    ck_assert_int_eq(sw_div_half_up(0, 0), 0);
    ck_assert_int_eq(sw_div_floor(INT64_MIN, 0), -SW_MONEY_MAX);
    ck_assert_int_eq(sw_money_scale_half_up(200000, 17, 0), SW_MONEY_MAX);
    ck_assert_int_eq(sw_money_scale_half_up(200000, 0, 0), 0);
    ck_assert_int_eq(sw_money_scale_half_up(-200000, 17, 0), -SW_MONEY_MAX);
}
END_TEST

/* The other trap of integer division, INT64_MIN / -1, and the overflows of
 * 2 x remainder and of a product: exact or saturated, never undefined. */
START_TEST(test_division_extremes)
{
    ck_assert_int_eq(sw_div_floor(INT64_MIN, -1), INT64_MAX);
    ck_assert_int_eq(sw_div_ceil(INT64_MIN, -1), INT64_MAX);
    ck_assert_int_eq(sw_div_half_up(INT64_MIN, -1), INT64_MAX);
    ck_assert_int_eq(sw_div_floor(INT64_MIN, 1), INT64_MIN);
    ck_assert_int_eq(sw_div_ceil(INT64_MIN, 2), INT64_MIN / 2);
    ck_assert_int_eq(sw_div_ceil(INT64_MAX, 2), INT64_MAX / 2 + 1);
    /* A remainder above half of a huge divisor: rounds away from zero. */
    ck_assert_int_eq(sw_div_half_up(INT64_MAX - 1, INT64_MAX), 1);
    ck_assert_int_eq(sw_div_half_up(INT64_MAX / 2, INT64_MAX), 0);
    ck_assert_int_eq(sw_div_half_up(INT64_MIN, INT64_MAX), -1);
    /* A negative divisor: still the rounding the name says. */
    ck_assert_int_eq(sw_div_floor(7, -2), -4);
    ck_assert_int_eq(sw_div_ceil(7, -2), -3);
    ck_assert_int_eq(sw_div_half_up(7, -2), -4);
    ck_assert_int_eq(sw_div_half_up(-7, -2), 4);
    /* Products beyond int64 are exact on the way: 10^12 x 10^12 / 10^12. */
    ck_assert_int_eq(sw_money_scale_half_up(1000000000000, 1000000000000, 1000000000000),
                     1000000000000);
    ck_assert_int_eq(sw_money_rate_half_up(INT64_MAX, SW_PPM_ONE), INT64_MAX);
    ck_assert_int_eq(sw_money_rate_down(INT64_MIN, SW_PPM_ONE), INT64_MIN);
    /* ...and saturate when the result itself does not fit. */
    ck_assert_int_eq(sw_money_rate_half_up(INT64_MAX, 2 * SW_PPM_ONE), INT64_MAX);
    ck_assert_int_eq(sw_money_rate_down(INT64_MAX, -2 * SW_PPM_ONE), INT64_MIN);
    ck_assert_int_eq(sw_money_ceil_euros(INT64_MAX), INT64_MAX);
    ck_assert_int_eq(sw_money_floor_euros(INT64_MIN), INT64_MIN);
    ck_assert_int_eq(sw_money_round_euros(INT64_MAX), INT64_MAX - 7);   /* fits: ...800 */
}
END_TEST

/* The inline helpers (money.h: int64 in the rules' case) against the exact
 * 128-bit paths they fall back to, over operands in, at the edges of and
 * beyond their fast cases: numerators of every size and sign, divisors small,
 * large, negative and 0, amounts around 2^40 and rates around 0 and 2^22, and
 * the extremes. The same result everywhere: the fast case is only a shortcut. */
static uint64_t next_rand(uint64_t *x)
{
    *x = *x * 6364136223846793005u + 1442695040888963407u;
    return *x >> 11 ^ *x << 29;
}

static int64_t pick(uint64_t *x, const int64_t *edge, size_t n_edge)
{
    uint64_t r = next_rand(x);

    switch (r % 4) {
    case 0: return edge[(r >> 8) % n_edge] + ((int64_t)((r >> 40) % 5) - 2);
    case 1: return (int64_t)(r >> 20) % 100000 - 50000;
    case 2: return (int64_t)((r >> 2) % ((uint64_t)1 << 44)) - ((int64_t)1 << 43);
    default: return (int64_t)next_rand(x);
    }
}

START_TEST(test_inline_as_wide)
{
    static const int64_t nums[] = {0, 100, INT64_MIN + 2, INT64_MAX - 2, INT64_MIN + 99,
                                   (int64_t)1 << 40, -((int64_t)1 << 40), SW_MONEY_MAX,
                                   -SW_MONEY_MAX};
    static const int64_t dens[] = {0, 1, 2, 12, 100, SW_PPM_ONE, INT64_MAX - 2,
                                   INT64_MIN + 2, (int64_t)1 << 22};
    uint64_t x = 20261206;

    for (int k = 0; k < 400000; k++) {
        int64_t n = pick(&x, nums, sizeof(nums) / sizeof(nums[0]));
        int64_t d = k % 3 ? pick(&x, dens, sizeof(dens) / sizeof(dens[0]))
                          : (int64_t)(next_rand(&x) % 1000) - 10;

        /* (Checked without an assertion per call: Check marks every one.) */
        if (sw_div_floor(n, d) != sw_div_floor_wide(n, d) ||
            sw_div_ceil(n, d) != sw_div_ceil_wide(n, d) ||
            sw_div_half_up(n, d) != sw_div_half_up_wide(n, d) ||
            sw_money_rate_half_up(n, d) != sw_money_rate_half_up_wide(n, d) ||
            sw_money_rate_down(n, d) != sw_money_rate_down_wide(n, d) ||
            sw_money_floor_euros(n) != sw_money_floor_euros_wide(n))
            ck_abort_msg("inline and wide differ for %lld, %lld", (long long)n, (long long)d);
    }
}
END_TEST

static Suite *money_suite(void)
{
    Suite *s = suite_create("money");
    TCase *core = tcase_create("Core"), *limits = tcase_create("Limits");

    tcase_add_loop_test(core, test_decimal_parse_exact, 0, (int)(sizeof(good) / sizeof(good[0])));
    tcase_add_test(core, test_money_format);
    tcase_add_test(core, test_format_as_snprintf);
    tcase_add_test(core, test_division_roundings);
    tcase_add_test(core, test_money_round_half_up_at_half_cent);
    tcase_add_test(core, test_whole_euro_roundings);
    tcase_add_test(core, test_money_scale_part_month);
    tcase_add_loop_test(limits, test_money_parse_rejects_malformed, 0,
                        (int)(sizeof(bad) / sizeof(bad[0])));
    tcase_add_test(limits, test_money_parse_rejects_negative);
    tcase_add_loop_test(limits, test_money_parse_dutch, 0, (int)(sizeof(dutch) / sizeof(dutch[0])));
    tcase_add_loop_test(limits, test_money_parse_dutch_refused, 0,
                        (int)(sizeof(unclear) / sizeof(unclear[0])));
    tcase_add_test(limits, test_money_parse_ambiguous_message);
    tcase_add_test(limits, test_money_parse_limit);
    tcase_add_test(limits, test_division_by_zero_saturates);
    tcase_add_test(limits, test_division_extremes);
    tcase_add_test(limits, test_inline_as_wide);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return s;
}

TEST_MAIN(money_suite)
