/* date.h - calendar dates and months without a clock.
 *
 * A date is a day number (days since 1970-01-01, proleptic Gregorian); a month is
 * year * 12 + (month - 1). Nothing here reads the system clock or time zone: every
 * reference date comes from the input, so a run can always be reproduced.
 */
#ifndef SWITCHSIM_DATE_H
#define SWITCHSIM_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/err.h"

typedef int32_t sw_date;   /* days since 1970-01-01 */
typedef int32_t sw_month;  /* year * 12 + (month - 1) */

/* "No date": no end, not given (a missing birth date is treated as of full age). */
#define SW_NO_DATE INT32_MIN

#define SW_DATE_MIN_YEAR 1900
#define SW_DATE_MAX_YEAR 2200

/* Build a date from its parts; false when the parts are not a real calendar day
 * or the year lies outside [SW_DATE_MIN_YEAR, SW_DATE_MAX_YEAR]. */
bool sw_date_from_ymd(sw_date *out, int year, int month, int day);
void sw_date_to_ymd(sw_date d, int *year, int *month, int *day);

/* Parse "YYYY-MM-DD" exactly (no time, no spaces). Fails with SW_ERR_INVALID
 * naming `field` for any other form or an impossible day such as 2025-02-29. */
sw_status sw_date_parse(sw_date *out, const char *text, const char *field,
                        struct sw_err *err) __attribute__((warn_unused_result));
/* "YYYY-MM-DD" into buf (at least 11 bytes). */
void sw_date_format(char *buf, size_t size, sw_date d);

/* Parse "YYYY-MM". */
sw_status sw_month_parse(sw_month *out, const char *text, const char *field,
                         struct sw_err *err) __attribute__((warn_unused_result));
/* "YYYY-MM" into buf (at least 8 bytes). */
void sw_month_format(char *buf, size_t size, sw_month m);

sw_month sw_month_of(sw_date d);

/* The day number of the first day of each month from SW_DATE_MIN_YEAR-01 to
 * the month after SW_DATE_MAX_YEAR-12 (date.c): the rules ask a month's first
 * and last day for every month they compute, so the helpers below are inline
 * and look it up. Their *_far forms answer for the months outside it. */
#define SW_MONTH_TABLE_FIRST ((sw_month)SW_DATE_MIN_YEAR * 12)
#define SW_MONTH_TABLE_LEN ((SW_DATE_MAX_YEAR - SW_DATE_MIN_YEAR + 1) * 12)
extern const sw_date sw_month_first_table[SW_MONTH_TABLE_LEN + 1];
sw_date sw_month_first_day_far(sw_month m);
int sw_month_days_far(sw_month m);

static inline sw_month sw_month_from_ym(int year, int month)
{
    return (sw_month)(year * 12 + (month - 1));
}

static inline int sw_month_year(sw_month m)
{
    return m / 12;
}

/* 1..12 */
static inline int sw_month_number(sw_month m)
{
    return m % 12 + 1;
}

static inline sw_date sw_month_first_day(sw_month m)
{
    uint32_t i = (uint32_t)m - (uint32_t)SW_MONTH_TABLE_FIRST;

    return i <= SW_MONTH_TABLE_LEN ? sw_month_first_table[i] : sw_month_first_day_far(m);
}

static inline sw_date sw_month_last_day(sw_month m)
{
    uint32_t i = (uint32_t)m - (uint32_t)SW_MONTH_TABLE_FIRST;

    return i < SW_MONTH_TABLE_LEN ? sw_month_first_table[i + 1] - 1
                                  : sw_month_first_day_far(m + 1) - 1;
}

/* 28..31 */
static inline int sw_month_days(sw_month m)
{
    uint32_t i = (uint32_t)m - (uint32_t)SW_MONTH_TABLE_FIRST;

    return i < SW_MONTH_TABLE_LEN ? sw_month_first_table[i + 1] - sw_month_first_table[i]
                                  : sw_month_days_far(m);
}

/* Dutch names, for resident texts: "januari" .. "december" for month 1..12
 * ("?" outside), "jan" .. "dec"; "april 2026"; "1 april 2026". */
const char *sw_month_name_nl(int month);
const char *sw_month_abbr_nl(int month);
void sw_month_nl(char *buf, size_t size, sw_month m);
void sw_date_nl(char *buf, size_t size, sw_date d);

/* The same day of the month `n` months later (n may be negative), clamped to the
 * last day of a shorter month (2025-01-31 + 1 month = 2025-02-28). */
sw_date sw_date_add_months(sw_date d, int n);

/* Age in whole years on `on` for someone born on `birth`: a person reaches an age
 * on the birthday (someone born on 29 February turns a year older on 1 March in a
 * common year, as art. 2 Boek 1 BW's counting is applied in practice). -1 when
 * `on` is before `birth`. */
int sw_age_on(sw_date birth, sw_date on);

/* The first day on which someone born on `birth` has reached `years` years and
 * `months` months of age. */
sw_date sw_date_reaching_age(sw_date birth, int years, int months);

/* Day of the week, 0 = Monday ... 6 = Sunday. */
int sw_date_weekday(sw_date d);

/* What is wrong with the text of a date or a month, for messages that say so:
 * a malformed text, a well-formed one that names no real day or month, and a
 * real one outside the years this calendar covers. sw_date_parse() and
 * sw_month_parse() tell the three apart in their messages too ("impossible
 * date", "out of range (1900-01-01 to 2200-12-31)"). */
enum sw_date_problem {
    SW_DATE_OK = 0,
    SW_DATE_FORM,        /* not YYYY-MM-DD (YYYY-MM) */
    SW_DATE_IMPOSSIBLE,  /* no such day or month: 2025-02-29, 2026-13 */
    SW_DATE_RANGE        /* a real one before SW_DATE_MIN_YEAR or after SW_DATE_MAX_YEAR */
};

/* Check and convert "YYYY-MM-DD" (sw_date_check) or "YYYY-MM" (sw_month_check);
 * *out is set only for SW_DATE_OK. text may be NULL (SW_DATE_FORM). The range,
 * for messages: "1900-01-01 to 2200-12-31" (SW_DATE_RANGE_TEXT) and "1900-01
 * to 2200-12" (SW_MONTH_RANGE_TEXT). */
enum sw_date_problem sw_date_check(sw_date *out, const char *text);
enum sw_date_problem sw_month_check(sw_month *out, const char *text);
#define SW_DATE_RANGE_TEXT "1900-01-01 to 2200-12-31"
#define SW_MONTH_RANGE_TEXT "1900-01 to 2200-12"

#endif
