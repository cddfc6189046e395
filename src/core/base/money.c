/* money.c - exact decimal parsing, formatting and the named roundings. */
#include <stdio.h>
#include <string.h>

#include "switchsim/money.h"

sw_status sw_decimal_parse(int64_t *out, const char *text, int decimals,
                           int64_t max_abs, const char *field, struct sw_err *err)
{
    const char *p = text;
    int64_t v = 0;
    int frac = -1;   /* digits seen after the separator; -1 = none yet */
    int digits = 0;
    bool neg = false;

    if (!text || !*text)
        return sw_err_set(err, SW_ERR_INVALID, field, "empty number for '%s'",
                          field ? field : "");
    if (*p == '-') {
        neg = true;
        p++;
    }
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            if (frac >= 0 && ++frac > decimals)
                return sw_err_set(err, SW_ERR_INVALID, field,
                                  "too many decimals in '%.40s' for '%s' (at most %d)",
                                  text, field ? field : "", decimals);
            /* Already too large: stop before int64 overflows, whatever max_abs. */
            if (v > max_abs || v > (INT64_MAX - 9) / 10)
                goto range;
            v = v * 10 + (*p - '0');
            digits++;
        } else if ((*p == '.' || *p == ',') && frac < 0 && digits > 0) {
            frac = 0;
        } else {
            return sw_err_set(err, SW_ERR_INVALID, field,
                              "not a number: '%.40s' for '%s'", text, field ? field : "");
        }
    }
    if (digits == 0 || frac == 0)
        return sw_err_set(err, SW_ERR_INVALID, field, "not a number: '%.40s' for '%s'",
                          text, field ? field : "");
    for (int i = frac < 0 ? 0 : frac; i < decimals; i++) {
        if (v > max_abs || v > INT64_MAX / 10)
            goto range;
        v *= 10;
    }
    if (v > max_abs)
        goto range;
    *out = neg ? -v : v;
    return SW_OK;
range:
    return sw_err_set(err, SW_ERR_INVALID, field, "number out of range: '%.40s' for '%s'",
                      text, field ? field : "");
}

/* "2.000,50" / "1.000.000": Dutch thousands separators. True when the digits
 * before the decimal comma (or the end) of text[0..n) are groups of three after
 * the first group of one to three, separated by single dots. */
static bool thousands_grouped(const char *text, size_t n)
{
    size_t run = 0, groups = 0;

    for (size_t i = 0; i < n; i++) {
        if (text[i] == '.') {
            if (run == 0 || run > 3 || (groups > 0 && run != 3))
                return false;
            groups++;
            run = 0;
        } else {
            run++;
        }
    }
    return groups > 0 && run == 3;
}

sw_status sw_money_parse_euros(int64_t *out, const char *text, const char *field,
                               struct sw_err *err)
{
    const char *f = field ? field : "", *given = text, *comma, *dot, *num;
    char plain[48];
    size_t ndots = 0, ncommas = 0, head;
    int64_t v;
    sw_status st;

    if (!text)
        text = "";
    num = text[0] == '-' ? text + 1 : text;
    for (const char *p = num; *p; p++) {
        ndots += *p == '.';
        ncommas += *p == ',';
    }
    comma = strchr(num, ',');
    dot = strrchr(num, '.');
    head = comma ? (size_t)(comma - num) : strlen(num);
    if (ncommas > 1 || (comma && dot && dot > comma))
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "not an amount: '%.40s' for '%s' (write 2000.50 or 2.000,50)", text, f);
    if (ndots > 1 || (ndots == 1 && comma)) {
        /* Dots as thousands separators: only in groups of three, and what is left
         * is a whole number with an optional decimal comma. */
        size_t o = 0;
        if (!thousands_grouped(num, head) || strlen(text) >= sizeof(plain))
            return sw_err_set(err, SW_ERR_INVALID, field,
                              "not an amount: '%.40s' for '%s' (thousands in groups of three: "
                              "2.000,50)", text, f);
        for (const char *p = text; *p; p++)
            if (*p != '.')
                plain[o++] = *p;
        plain[o] = '\0';
        text = plain;
    } else if ((ndots == 1 && strlen(dot + 1) == 3 && strspn(dot + 1, "0123456789") == 3) ||
               (comma && strlen(comma + 1) == 3 && strspn(comma + 1, "0123456789") == 3)) {
        /* "2.000" is two thousand in Dutch and two in English ("2,000" the other
         * way round): say how to write the thousands. */
        const char *sep = comma ? comma : dot;
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "ambiguous amount '%.40s' for '%s': write %.*s%s or %.*s.%s,00 for "
                          "thousands (euros take at most 2 decimals)", text, f,
                          (int)(sep - text), text, sep + 1, (int)(sep - text), text, sep + 1);
    }
    st = sw_decimal_parse(&v, text, 2, SW_MONEY_MAX, field, err);
    if (st && text == plain)   /* quote what was typed, not the text without dots */
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "not an amount: '%.40s' for '%s' (at most 2 decimals, up to %lld "
                          "euros)", given, f, (long long)(SW_MONEY_MAX / 100));
    if (st)
        return st;
    if (v < 0)
        return sw_err_set(err, SW_ERR_INVALID, field, "negative amount '%.40s' for '%s'",
                          given, f);
    *out = v;
    return SW_OK;
}

sw_status sw_rate_parse_percent(int64_t *out, const char *text, const char *field,
                                struct sw_err *err)
{
    /* 4 decimals of a percentage = millionths of one. */
    return sw_decimal_parse(out, text, 4, 1000 * SW_PPM_ONE, field, err);
}

/* The formatters below build their text by hand: rules format amounts for their
 * traces in every month, and snprintf() was most of that time. Each writes what
 * snprintf() with the format in its comment would, truncated alike. */

/* Copy text[0..n) into buf of size `size` as snprintf() would: cut to size - 1
 * and always terminated (nothing when size is 0). */
static void put_text(char *buf, size_t size, const char *text, size_t n)
{
    if (size == 0)
        return;
    if (n >= size)
        n = size - 1;
    memcpy(buf, text, n);
    buf[n] = '\0';
}

/* The decimal digits of v, written to end before `end`; returns their start. */
static char *digits_before(char *end, uint64_t v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

/* "%s%llu%c%02llu": sign, euros, separator, cents. */
static void format_plain(char *buf, size_t size, int64_t cents, char sep)
{
    uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    char t[32], *e = t + sizeof(t), *q;

    *--e = (char)('0' + a % 10);
    *--e = (char)('0' + a / 10 % 10);
    *--e = sep;
    q = digits_before(e, a / 100);
    if (cents < 0)
        *--q = '-';
    put_text(buf, size, q, (size_t)(t + sizeof(t) - q));
}

void sw_money_format(char *buf, size_t size, int64_t cents)
{
    format_plain(buf, size, cents, '.');
}

void sw_money_format_csv(char *buf, size_t size, int64_t cents)
{
    format_plain(buf, size, cents, ',');
}

/* "%s\xe2\x82\xac %s,%02llu": sign, the euro sign, euros grouped by dots, cents. */
void sw_money_format_nl(char *buf, size_t size, int64_t cents)
{
    uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    uint64_t euros = a / 100;
    char t[48], *e = t + sizeof(t), *q;
    int n = 0;

    *--e = (char)('0' + a % 10);
    *--e = (char)('0' + a / 10 % 10);
    *--e = ',';
    do {
        if (n > 0 && n % 3 == 0)
            *--e = '.';
        *--e = (char)('0' + euros % 10);
        euros /= 10;
        n++;
    } while (euros);
    *--e = ' ';
    e -= 3;
    memcpy(e, "\xe2\x82\xac", 3);
    if (cents < 0)
        *--e = '-';
    q = e;
    put_text(buf, size, q, (size_t)(t + sizeof(t) - q));
}

/* "%s%llu%s%s": sign, whole percent, and "." with the decimals when there are
 * any (up to 4, trailing zeros dropped). */
void sw_rate_format(char *buf, size_t size, int64_t ppm)
{
    uint64_t a = ppm < 0 ? (uint64_t)0 - (uint64_t)ppm : (uint64_t)ppm;
    uint64_t frac = a % SW_PPM_PER_PERCENT;
    char t[40], *e = t + sizeof(t), *q;
    int len = 4;

    while (len > 0 && frac % 10 == 0) {
        frac /= 10;
        len--;
    }
    for (int k = 0; k < len; k++) {
        *--e = (char)('0' + frac % 10);
        frac /= 10;
    }
    if (len)
        *--e = '.';
    q = digits_before(e, a / SW_PPM_PER_PERCENT);
    if (ppm < 0)
        *--q = '-';
    put_text(buf, size, q, (size_t)(t + sizeof(t) - q));
}

void sw_rate_format_nl(char *buf, size_t size, int64_t ppm)
{
    sw_rate_format(buf, size, ppm);
    for (char *c = buf; *c; c++)
        if (*c == '.')
            *c = ',';
}

/* --- division: exact in 128 bits, total (see money.h) ---
 * The operands are widened so that no product or quotient of int64 values can
 * overflow on the way; only the final result is brought back into int64. */

__extension__ typedef __int128 wide;

/* The result of a division by zero: outside every helper's contract (den > 0),
 * and unreachable from validated tables and overrides - a parameter a rule
 * divides by declares min >= 1. Deliberately not a trap (SIGFPE) and not a
 * plausible figure: the largest amount there is, with the sign of num, so that a
 * figure built on it is visibly absurd and every product of it with a rate
 * still fits in int64. */
static int64_t zero_divisor(wide num)
{
    return num > 0 ? SW_MONEY_MAX : num < 0 ? -SW_MONEY_MAX : 0;
}

/* A wide result back into int64, saturated at its bounds (only absurd operands,
 * e.g. INT64_MIN / -1, get there). */
static int64_t narrow(wide v)
{
    return v > INT64_MAX ? INT64_MAX : v < INT64_MIN ? INT64_MIN : (int64_t)v;
}

/* Truncating quotient and remainder, den != 0; in int64 when both fit (the
 * common case, and cheaper than a 128-bit division). */
static wide div_trunc(wide num, wide den, wide *rem)
{
    if (num >= INT64_MIN && num <= INT64_MAX && den >= INT64_MIN && den <= INT64_MAX &&
        !(num == INT64_MIN && den == -1)) {
        int64_t n = (int64_t)num, d = (int64_t)den;
        *rem = n % d;
        return n / d;
    }
    *rem = num % den;
    return num / den;
}

static wide wide_floor(wide num, wide den)
{
    wide r, q = div_trunc(num, den, &r);

    if (r != 0 && ((r < 0) != (den < 0)))
        q--;
    return q;
}

static wide wide_ceil(wide num, wide den)
{
    wide r, q = div_trunc(num, den, &r);

    if (r != 0 && ((r < 0) == (den < 0)))
        q++;
    return q;
}

static wide wide_half_up(wide num, wide den)
{
    wide r, q = div_trunc(num, den, &r);
    wide ar = r < 0 ? -r : r, ad = den < 0 ? -den : den;

    /* 2|r| >= |den|, written without doubling. */
    if (ar >= ad - ar)
        q += ((num < 0) != (den < 0)) ? -1 : 1;
    return q;
}

/* The inline helpers' (money.h) way past the rules' case: exact in 128 bits. */
int64_t sw_div_floor_wide(int64_t num, int64_t den)
{
    return den == 0 ? zero_divisor(num) : narrow(wide_floor(num, den));
}

int64_t sw_div_ceil_wide(int64_t num, int64_t den)
{
    return den == 0 ? zero_divisor(num) : narrow(wide_ceil(num, den));
}

int64_t sw_div_half_up_wide(int64_t num, int64_t den)
{
    return den == 0 ? zero_divisor(num) : narrow(wide_half_up(num, den));
}

int64_t sw_money_rate_half_up_wide(int64_t cents, int64_t ppm)
{
    return narrow(wide_half_up((wide)cents * ppm, SW_PPM_ONE));
}

int64_t sw_money_rate_down_wide(int64_t cents, int64_t ppm)
{
    return narrow(wide_floor((wide)cents * ppm, SW_PPM_ONE));
}

int64_t sw_money_floor_euros_wide(int64_t cents)
{
    return narrow(wide_floor(cents, 100) * 100);
}

/* Operands whose product fits int64 with room: |a|, |b| below 2^31. */
static bool small(int64_t a)
{
    return a > -((int64_t)1 << 31) && a < ((int64_t)1 << 31);
}

int64_t sw_money_scale_half_up(int64_t cents, int64_t num, int64_t den)
{
    wide product;

    if (den > 0 && small(cents) && small(num))
        return sw_div_half_up(cents * num, den);
    product = (wide)cents * num;

    return den == 0 ? zero_divisor(product) : narrow(wide_half_up(product, den));
}

int64_t sw_money_round_euros(int64_t cents)
{
    return narrow(wide_half_up(cents, 100) * 100);
}

int64_t sw_money_ceil_euros(int64_t cents)
{
    return narrow(wide_ceil(cents, 100) * 100);
}
