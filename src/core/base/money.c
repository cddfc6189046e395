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

sw_status sw_money_parse_euros(int64_t *out, const char *text, const char *field,
                               struct sw_err *err)
{
    int64_t v;
    sw_status st = sw_decimal_parse(&v, text, 2, SW_MONEY_MAX, field, err);

    if (st)
        return st;
    if (v < 0)
        return sw_err_set(err, SW_ERR_INVALID, field, "negative amount '%.40s' for '%s'",
                          text, field ? field : "");
    *out = v;
    return SW_OK;
}

sw_status sw_rate_parse_percent(int64_t *out, const char *text, const char *field,
                                struct sw_err *err)
{
    /* 4 decimals of a percentage = millionths of one. */
    return sw_decimal_parse(out, text, 4, 1000 * SW_PPM_ONE, field, err);
}

static void format_plain(char *buf, size_t size, int64_t cents, char sep)
{
    uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;

    snprintf(buf, size, "%s%llu%c%02llu", cents < 0 ? "-" : "",
             (unsigned long long)(a / 100), sep, (unsigned long long)(a % 100));
}

void sw_money_format(char *buf, size_t size, int64_t cents)
{
    format_plain(buf, size, cents, '.');
}

void sw_money_format_csv(char *buf, size_t size, int64_t cents)
{
    format_plain(buf, size, cents, ',');
}

void sw_money_format_nl(char *buf, size_t size, int64_t cents)
{
    uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    uint64_t euros = a / 100;
    char digits[32], grouped[48];
    size_t n, j = 0;

    snprintf(digits, sizeof(digits), "%llu", (unsigned long long)euros);
    n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[j++] = '.';
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
    snprintf(buf, size, "%s\xe2\x82\xac %s,%02llu", cents < 0 ? "-" : "", grouped,
             (unsigned long long)(a % 100));
}

void sw_rate_format(char *buf, size_t size, int64_t ppm)
{
    uint64_t a = ppm < 0 ? (uint64_t)0 - (uint64_t)ppm : (uint64_t)ppm;
    char frac[8];
    int len;

    snprintf(frac, sizeof(frac), "%04llu", (unsigned long long)(a % SW_PPM_PER_PERCENT));
    len = 4;
    while (len > 0 && frac[len - 1] == '0')
        frac[--len] = '\0';
    snprintf(buf, size, "%s%llu%s%s", ppm < 0 ? "-" : "",
             (unsigned long long)(a / SW_PPM_PER_PERCENT), len ? "." : "", frac);
}

int64_t sw_div_floor(int64_t num, int64_t den)
{
    int64_t q = num / den;

    if ((num % den != 0) && ((num < 0) != (den < 0)))
        q--;
    return q;
}

int64_t sw_div_ceil(int64_t num, int64_t den)
{
    return -sw_div_floor(-num, den);
}

int64_t sw_div_half_up(int64_t num, int64_t den)
{
    int64_t q = num / den, r = num % den;

    if (r < 0)
        r = -r;
    if (2 * r >= (den < 0 ? -den : den))
        q += ((num < 0) != (den < 0)) ? -1 : 1;
    return q;
}

int64_t sw_money_rate_half_up(int64_t cents, int64_t ppm)
{
    return sw_div_half_up(cents * ppm, SW_PPM_ONE);
}

int64_t sw_money_rate_down(int64_t cents, int64_t ppm)
{
    return sw_div_floor(cents * ppm, SW_PPM_ONE);
}

int64_t sw_money_scale_half_up(int64_t cents, int64_t num, int64_t den)
{
    return sw_div_half_up(cents * num, den);
}

int64_t sw_money_floor_euros(int64_t cents)
{
    return sw_div_floor(cents, 100) * 100;
}

int64_t sw_money_round_euros(int64_t cents)
{
    return sw_div_half_up(cents, 100) * 100;
}

int64_t sw_money_ceil_euros(int64_t cents)
{
    return sw_div_ceil(cents, 100) * 100;
}

void sw_rate_format_nl(char *buf, size_t size, int64_t ppm)
{
    sw_rate_format(buf, size, ppm);
    for (char *c = buf; *c; c++)
        if (*c == '.')
            *c = ',';
}
