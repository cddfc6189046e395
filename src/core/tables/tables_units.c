/* tables_units.c - units, numbers and declared ranges as the tables write them:
 * what a value of each unit may be, parsing and formatting it, and where a
 * problem in a document is reported. Shared by reading, lookup and snapshots.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "switchsim/money.h"
#include "tables_impl.h"

static const char *const unit_names[SW_UNIT__COUNT] = {
    "eurocent", "percent", "hours", "days", "weeks", "months",
    "years", "count", "day_of_month", "month_of_year", "bool", "settlement"};

static const char *const settlement_names[SW_SETTLEMENT__COUNT] = {"op_de_maand", "achteraf",
                                                                   "schatten", "voorschot"};

const char *sw_settlement_code_name(int code)
{
    return code >= 0 && code < SW_SETTLEMENT__COUNT ? settlement_names[code] : "?";
}

const char *sw_unit_name(enum sw_unit unit)
{
    return (unsigned)unit < SW_UNIT__COUNT ? unit_names[unit] : NULL;
}

bool tables_unit_parse(const char *s, enum sw_unit *out)
{
    for (int i = 0; i < SW_UNIT__COUNT; i++) {
        if (strcmp(s, unit_names[i]) == 0) {
            *out = (enum sw_unit)i;
            return true;
        }
    }
    return false;
}

void tables_unit_range(enum sw_unit unit, bool signed_rate, int64_t *lo, int64_t *hi,
                       int *decimals)
{
    *lo = 0;
    *decimals = 0;
    switch (unit) {
    case SW_UNIT_EUROCENT: *hi = SW_MONEY_MAX; break;
    case SW_UNIT_PERCENT:
        *decimals = 4;
        *hi = SW_PPM_ONE;
        if (signed_rate)
            *lo = -SW_PPM_ONE;
        break;
    case SW_UNIT_HOURS: *decimals = 2; *hi = 1000000; break;
    case SW_UNIT_DAY_OF_MONTH: *lo = 1; *hi = 31; break;
    case SW_UNIT_MONTH_OF_YEAR: *lo = 1; *hi = 12; break;
    case SW_UNIT_BOOL: *hi = 1; break;
    case SW_UNIT_SETTLEMENT: *hi = SW_SETTLEMENT__COUNT - 1; break;
    default: *hi = 1000000; break;
    }
}

sw_status tables_fail_at(struct reader *r, int line, sw_status code, const char *fmt, ...)
{
    char field[160];
    va_list ap;
    size_t n;

    snprintf(field, sizeof(field), "%s:%d", r->name, line);
    sw_err_set(r->err, code, field, "%s:%d: ", r->name, line);
    if (!r->err)
        return code;
    n = strlen(r->err->msg);
    va_start(ap, fmt);
    vsnprintf(r->err->msg + n, sizeof(r->err->msg) - n, fmt, ap);
    va_end(ap);
    return code;
}

sw_status tables_parse_amount(struct reader *r, int line, const char *what, const char *text,
                              enum sw_unit unit, bool signed_rate, int64_t *out)
{
    struct sw_err e;
    int64_t v, lo, hi;
    int decimals;

    tables_unit_range(unit, signed_rate, &lo, &hi, &decimals);
    if (unit == SW_UNIT_BOOL && (strcmp(text, "true") == 0 || strcmp(text, "false") == 0)) {
        *out = text[0] == 't';
        return SW_OK;
    }
    if (unit == SW_UNIT_SETTLEMENT) {
        for (int i = 0; i < SW_SETTLEMENT__COUNT; i++) {
            if (strcmp(text, settlement_names[i]) == 0) {
                *out = i;
                return SW_OK;
            }
        }
        return tables_fail_at(r, line, SW_ERR_TABLE, "%s '%s' is not a settlement method "
                              "(op_de_maand, achteraf, schatten, voorschot)", what, text);
    }
    if (unit != SW_UNIT_BOOL && (strcmp(text, "true") == 0 || strcmp(text, "false") == 0))
        return tables_fail_at(r, line, SW_ERR_TABLE, "%s '%s' is not a number", what, text);
    if (sw_decimal_parse(&v, text, decimals, SW_MONEY_MAX * 10, what, &e) != SW_OK)
        return tables_fail_at(r, line, SW_ERR_TABLE,
                              "%s '%s' has too many decimals for its unit", what, text);
    if (v < lo || v > hi)
        return tables_fail_at(r, line, SW_ERR_TABLE, "%s '%s' out of range for unit '%s'",
                              what, text, unit_names[unit]);
    *out = v;
    return SW_OK;
}

void tables_format_amount(char *buf, size_t size, enum sw_unit unit, int64_t v)
{
    switch (unit) {
    case SW_UNIT_PERCENT:
        sw_rate_format(buf, size, v);
        break;
    case SW_UNIT_HOURS: {
        /* Hundredths, trailing zeros dropped: 3600 -> "36", 750 -> "7.5". */
        uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        unsigned frac = (unsigned)(a % 100);
        if (frac == 0)
            snprintf(buf, size, "%s%llu", v < 0 ? "-" : "", (unsigned long long)(a / 100));
        else if (frac % 10 == 0)
            snprintf(buf, size, "%s%llu.%u", v < 0 ? "-" : "", (unsigned long long)(a / 100),
                     frac / 10);
        else
            snprintf(buf, size, "%s%llu.%02u", v < 0 ? "-" : "", (unsigned long long)(a / 100),
                     frac);
        break;
    }
    case SW_UNIT_BOOL:
        snprintf(buf, size, "%s", v ? "true" : "false");
        break;
    case SW_UNIT_SETTLEMENT:
        snprintf(buf, size, "%s", sw_settlement_code_name((int)v));
        break;
    default:
        snprintf(buf, size, "%lld", (long long)v);
        break;
    }
}

const char *tables_range_problem(const struct tparam *p)
{
    if (p->overridable && p->is_scale)
        return "is a scale and cannot be overridable";
    if (p->overridable && !(p->has_min && p->has_max))
        return "is overridable without a min and a max";
    if (p->has_min && p->has_max && p->min > p->max)
        return "has a min above its max";
    return NULL;
}

void tables_format_range(char *buf, size_t size, const struct tparam *p)
{
    char lo[40], hi[40];

    tables_format_amount(lo, sizeof(lo), p->unit, p->min);
    tables_format_amount(hi, sizeof(hi), p->unit, p->max);
    if (p->has_min && p->has_max)
        snprintf(buf, size, "%s to %s", lo, hi);
    else if (p->has_min)
        snprintf(buf, size, "at least %s", lo);
    else if (p->has_max)
        snprintf(buf, size, "at most %s", hi);
    else
        snprintf(buf, size, "any");
}

bool tables_in_declared_range(const struct tparam *p, int64_t v)
{
    return (!p->has_min || v >= p->min) && (!p->has_max || v <= p->max);
}
