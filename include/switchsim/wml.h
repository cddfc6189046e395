/* wml.h - the wettelijk minimumloon: hourly amount by age, the monthly wage from
 * hours per week, part months, and vakantiebijslag (Wet minimumloon en
 * minimumvakantiebijslag, Besluit minimumjeugdloon). All amounts in cents; hours
 * in hundredths (28.5 h = 2850). */
#ifndef SWITCHSIM_WML_H
#define SWITCHSIM_WML_H

#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

struct sw_wml {
    int64_t hourly;        /* minimum hourly wage for this age, cents */
    int64_t percent;       /* of the full WML, ppm (100 % = 1 000 000) */
    int age;               /* -1 when no birth date was given */
};

/* The minimum hourly wage on `date` for someone born on `birth` (SW_NO_DATE =
 * full age): WML x youth percentage, rounded half up to cents (Besluit
 * minimumjeugdloon). SW_ERR_INVALID naming `field` for an age below the youngest
 * in the staffel; SW_ERR_NO_VALUE when the tables lack the date. */
sw_status sw_wml_hourly(const struct sw_ctx *c, sw_date date, sw_date birth,
                        const char *field, struct sw_wml *out, struct sw_trace *tr,
                        struct sw_err *err) __attribute__((warn_unused_result));

/* Monthly wage for an hourly wage and hours per week: hourly x hours x
 * weeks_per_year / months_per_year (tables wml.weeks_per_year and
 * wml.months_per_year), rounded half up to cents. */
sw_status sw_wage_monthly(const struct sw_ctx *c, sw_date date, int64_t hourly,
                          int64_t hours_x100, int64_t *out, struct sw_trace *tr,
                          struct sw_err *err) __attribute__((warn_unused_result));

/* The part of a monthly wage earned in `month` when employment runs from `start`
 * to `end` inclusive (end = SW_NO_DATE: no end): monthly x days employed in the
 * month / days in the month (kalenderdagenmethode), half up. 0 when the month lies
 * outside the employment. */
int64_t sw_wage_part_month(int64_t monthly, sw_month month, sw_date start, sw_date end);

/* The minimum vakantiebijslag on a gross wage: wage x wml.holiday_pay_rate, half
 * up to cents (Wml art. 15 lid 1). */
sw_status sw_holiday_pay(const struct sw_ctx *c, sw_date date, int64_t gross, int64_t *out,
                         struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
