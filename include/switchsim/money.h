/* money.h - eurocents, exact rates and the named roundings of Dutch law.
 *
 * Money is int64_t eurocents everywhere; a rate is int64_t parts per million of
 * one (1 % = 10 000 ppm), read exactly from decimal text. No float or double is
 * used on the money path. Each rounding the law or the official rekenregels
 * prescribe has its own helper here, named after what it does, with the rule
 * that prescribes it cited at its definition.
 */
#ifndef SWITCHSIM_MONEY_H
#define SWITCHSIM_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/err.h"

#define SW_PPM_ONE 1000000    /* a rate of 100 % in parts per million */
#define SW_PPM_PER_PERCENT 10000

/* Largest amount accepted anywhere: one thousand million euros in cents. Keeps
 * every product of an amount and a rate (at most 10 x SW_PPM_ONE) inside int64. */
#define SW_MONEY_MAX ((int64_t)100000000000)

/* Parse a decimal number with at most `decimals` digits after the point into an
 * integer scaled by 10^decimals ("12.5" with 2 -> 1250). Accepts an optional
 * leading '-', digits, and one '.' or ','. No exponent, no spaces, no thousands
 * separators. Fails with SW_ERR_INVALID (naming `field`) on any other text, too
 * many decimals, or a magnitude over `max_abs`. */
sw_status sw_decimal_parse(int64_t *out, const char *text, int decimals,
                           int64_t max_abs, const char *field, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Euros as typed on a command line -> cents, 0 <= amount <= SW_MONEY_MAX:
 * "2000", "2000.00", "2000,5", and Dutch thousands separators with a decimal
 * comma: "2.000,50", "1.000.000", "12.345,6". Refused (SW_ERR_INVALID naming
 * `field`): a single separator followed by exactly three digits ("2.000",
 * "2,000": thousands in Dutch, decimals in English - ambiguous), English
 * grouping ("2,000.50"), dots not in groups of three, more than 2 decimals. */
sw_status sw_money_parse_euros(int64_t *out, const char *text, const char *field,
                               struct sw_err *err) __attribute__((warn_unused_result));

/* A percentage as decimal text ("35.82", up to 4 decimals) -> ppm. */
sw_status sw_rate_parse_percent(int64_t *out, const char *text, const char *field,
                                struct sw_err *err) __attribute__((warn_unused_result));

/* "1234.56" / "-0.05": euros with a point, for machine-readable text. */
void sw_money_format(char *buf, size_t size, int64_t cents);

/* "€ 1.234,56" / "-€ 0,05": Dutch notation for people. UTF-8. */
void sw_money_format_nl(char *buf, size_t size, int64_t cents);

/* "1234,56": Dutch decimal comma without thousands separators (CSV for Excel). */
void sw_money_format_csv(char *buf, size_t size, int64_t cents);

/* A rate in ppm as a percentage with up to 4 decimals, trailing zeros dropped
 * ("35.82", "8", "-6.51"). */
void sw_rate_format(char *buf, size_t size, int64_t ppm);
/* The same with a decimal comma, for people: "37,56" (no % sign). */
void sw_rate_format_nl(char *buf, size_t size, int64_t ppm);

/* --- integer division with a stated rounding ---
 *
 * The contract is den > 0: every divisor in the rules is a constant, a count
 * from the calendar, or a table parameter whose declared range starts at 1 (the
 * tables' meaning checks refuse a 0 there, and no override may replace such a
 * parameter). The helpers are total all the same, so that no input can make
 * them trap (SIGFPE) or overflow:
 *   - every product and quotient is computed exactly in 128 bits;
 *   - den < 0 gives the mathematically rounded quotient;
 *   - a result outside int64 (only from absurd operands, e.g. INT64_MIN / -1)
 *     saturates at INT64_MIN / INT64_MAX;
 *   - den == 0 saturates deliberately to SW_MONEY_MAX with the sign of num
 *     (0 / 0 = 0): the largest amount there is, visibly absurd in any output,
 *     and small enough that products with rates downstream still fit. */

/* The helpers below are inline: the rules' case (den > 0, operands whose product
 * fits) in int64, asked some hundred thousand times a caseload; every other case
 * through these (money.c), exact in 128 bits. Call the helpers, not these. */
int64_t sw_div_floor_wide(int64_t num, int64_t den);
int64_t sw_div_ceil_wide(int64_t num, int64_t den);
int64_t sw_div_half_up_wide(int64_t num, int64_t den);
int64_t sw_money_rate_half_up_wide(int64_t cents, int64_t ppm);
int64_t sw_money_rate_down_wide(int64_t cents, int64_t ppm);
int64_t sw_money_floor_euros_wide(int64_t cents);

/* Floor division: rounds towards minus infinity. */
static inline int64_t sw_div_floor(int64_t num, int64_t den)
{
    /* den > 0: the truncated quotient, one lower for a negative remainder. */
    if (den > 0)
        return num / den - (num % den < 0);
    return sw_div_floor_wide(num, den);
}

/* Ceiling division: rounds towards plus infinity. */
static inline int64_t sw_div_ceil(int64_t num, int64_t den)
{
    if (den > 0)
        return num / den + (num % den > 0);
    return sw_div_ceil_wide(num, den);
}

/* Commercial rounding: half away from zero ("rekenkundig afronden"). */
static inline int64_t sw_div_half_up(int64_t num, int64_t den)
{
    /* den > 0: every remainder is below den, so nothing overflows; 2|r| >= den
     * written without doubling. */
    if (den > 0) {
        int64_t q = num / den, r = num % den;

        if (r >= 0)
            return r >= den - r ? q + 1 : q;
        return -r >= den + r ? q - 1 : q;
    }
    return sw_div_half_up_wide(num, den);
}

/* Whether amount x rate fits int64 with room: |cents| below 2^40 (11 billion
 * euros) and 0 <= ppm <= 2^22 keep the product below 2^62. */
static inline bool sw_money_rate_fits(int64_t cents, int64_t ppm)
{
    return cents > -((int64_t)1 << 40) && cents < ((int64_t)1 << 40) && ppm >= 0 &&
           ppm <= ((int64_t)1 << 22);
}

/* --- the named roundings --- */

/* amount x rate, rounded half away from zero to whole cents. The general rule
 * for an amount in euros and cents computed from a percentage, e.g. the youth
 * minimum wage (Besluit minimumjeugdloon: bedragen "rekenkundig afgerond" op
 * hele centen), vakantiebijslag, the inkomstenvrijlating (art. 31 lid 2 Pw). */
static inline int64_t sw_money_rate_half_up(int64_t cents, int64_t ppm)
{
    if (sw_money_rate_fits(cents, ppm))
        return sw_div_half_up(cents * ppm, SW_PPM_ONE);
    return sw_money_rate_half_up_wide(cents, ppm);
}

/* amount x rate, rounded down (towards minus infinity) to whole cents. Used
 * where the rekenregels truncate, e.g. loonheffing per tijdvak. */
static inline int64_t sw_money_rate_down(int64_t cents, int64_t ppm)
{
    if (sw_money_rate_fits(cents, ppm))
        return sw_div_floor(cents * ppm, SW_PPM_ONE);
    return sw_money_rate_down_wide(cents, ppm);
}

/* amount x num / den rounded half away from zero to cents (pro-rating, e.g. a
 * part month by days, a monthly amount from a weekly one: x 52 / 12). den == 0
 * saturates as above. */
int64_t sw_money_scale_half_up(int64_t cents, int64_t num, int64_t den);

/* Round cents down to whole euros (towards minus infinity): e.g. the annual
 * toetsingsinkomen and the taxable annual wage in whole euros (Wet IB 2001
 * art. 2.9 / Rekenvoorschriften: "afgerond op hele euro's naar beneden"). */
static inline int64_t sw_money_floor_euros(int64_t cents)
{
    /* The result lies in (cents - 100, cents]: in int64 above INT64_MIN + 99. */
    if (cents > INT64_MIN + 99)
        return sw_div_floor(cents, 100) * 100;
    return sw_money_floor_euros_wide(cents);
}

/* Round cents half away from zero to whole euros: e.g. heffingskortingen and
 * toeslag year amounts as the Belastingdienst tables print them. */
int64_t sw_money_round_euros(int64_t cents);

/* Round cents up to whole euros (towards plus infinity). */
int64_t sw_money_ceil_euros(int64_t cents);

#endif
