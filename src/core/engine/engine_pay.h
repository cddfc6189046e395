/* engine_pay.h - money on the day it arrives (engine_pay.c): the pay date of
 * each salary (monthly on a day or the last working day, this month or the
 * next; 4-weekly; weekly), the payslips of a 4-weekly or weekly job, the
 * eindejaarsuitkering, the hours of a varying-hours contract, and for each
 * month of the run the income from work the municipality counts for bijstand,
 * what it can expect from the contract, and when it knows it. Private to the
 * core. */
#ifndef SWITCHSIM_ENGINE_PAY_H
#define SWITCHSIM_ENGINE_PAY_H

#include "engine_run.h"

/* Per month index of the run. */
struct eng_pay {
    int64_t counted[SW_SCENARIO_MAX_MONTHS];  /* net income from work counted for the
                                               * month's bijstand */
    int64_t expected[SW_SCENARIO_MAX_MONTHS]; /* what the contract lets the
                                               * municipality expect (schatten) */
    sw_date known[SW_SCENARIO_MAX_MONTHS];    /* the day the last payslip counted for the
                                               * month reaches the municipality;
                                               * SW_NO_DATE: no income */
    int64_t full_month_wage;                  /* the job's full-month wage (WW dagloon) */
};

/* The hourly wage on `d`: the offer's, or the minimum wage for the age when the
 * offer lies below it (Wml art. 7; a warning for month index i says so when
 * `warn`). */
sw_status eng_hourly_wage(struct eng_run *r, int i, sw_date d, bool warn, int64_t *out,
                          struct sw_trace *tr, struct sw_err *err);

/* Hours worked in month m when the contract lists them (job.hours_per_month). */
bool eng_listed_hours(const struct sw_scenario *s, sw_month m, int64_t *hours_x100);

/* The day the salary earned in month m is paid (monthly pay): job.pay_day of m,
 * or of m + 1 with "pay_month": "next", clamped to the month's last day; pay_day
 * 0 = the month's last working day (Monday to Friday). */
sw_date eng_salary_date(const struct sw_scenario *s, sw_month m);

/* The municipality's bijstand pay date in month m for pay day `day`. */
sw_date eng_benefit_date(sw_month m, int day);

/* After the wage of every month is in the rows as earned (monthly pay) or not
 * (4-weekly, weekly): add the eindejaarsuitkering, write the payslips of a
 * 4-weekly or weekly job, fill *p, and move each salary to the month it is paid
 * in. `full_month_wage`: the job's full-month wage found by the wage pass (0 for
 * 4-weekly or weekly pay). */
sw_status eng_pay_schedule(struct eng_run *r, struct eng_pay *p, int64_t full_month_wage,
                           struct sw_err *err);

#endif
