/* scenario_pay.c - the job's pay fields of scenario JSON v1: when the salary is
 * paid (pay_day, pay_month, pay_frequency, first_pay_date), when its payslip
 * reaches the municipality (payslip_delay_months), the year-end bonus and the
 * hours of a varying-hours contract (hours_per_month); each problem with its
 * JSON path. */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "scenario_read.h"

const char *const scn_job_pay_keys[] = {"pay_day", "pay_month", "pay_frequency",
                                        "first_pay_date", "payslip_delay_months",
                                        "year_end_bonus_percent", "year_end_bonus_month",
                                        "hours_per_month", NULL};

static const char *const frequencies[] = {"monthly", "four_weekly", "weekly", NULL};

const char *sw_pay_frequency_name(enum sw_pay_frequency f)
{
    return frequencies[f];
}

/* job.hours_per_month: [{"month": "YYYY-MM", "hours": H}, ...] in month order. */
static void read_hours(struct rd *r, const cJSON *arr, struct sw_scenario *s)
{
    static const char *const keys[] = {"month", "hours", NULL};
    size_t i = 0;

    if (!cJSON_IsArray(arr)) {
        rd_problem(r, "job.hours_per_month", "must be a list of {month, hours}");
        return;
    }
    if (cJSON_GetArraySize(arr) > SW_SCENARIO_MAX_MONTHS) {
        rd_problem(r, "job.hours_per_month", "at most %d months", SW_SCENARIO_MAX_MONTHS);
        return;
    }
    for (const cJSON *p = arr->child; p; p = p->next, i++) {
        char path[64];
        struct sw_month_hours h = {-1, 0};
        bool ok = true;

        snprintf(path, sizeof(path), "job.hours_per_month[%zu]", i);
        if (!cJSON_IsObject(p)) {
            rd_problem(r, path, "must be an object {month, hours}");
            continue;
        }
        ok &= rd_check_keys(r, p, path, keys);
        rd_read_month(r, p, path, "month", true, &h.month);
        ok &= h.month >= 0;
        /* Hours in the month, up to 2 decimals: 0 (not called) to 24 x 31. */
        ok &= rd_read_decimal(r, p, path, "hours", 2, 0, 74400,   /* calendar: 31 days x 24 h */
                              true, &h.hours_x100);
        if (ok && s->job.n_hours_per_month > 0 &&
            h.month <= s->job.hours_per_month[s->job.n_hours_per_month - 1].month) {
            char f[80];
            snprintf(f, sizeof(f), "%s.month", path);
            rd_problem(r, f, "months must be in order, each once");
            ok = false;
        }
        if (ok)
            s->job.hours_per_month[s->job.n_hours_per_month++] = h;
    }
}

void scn_read_job_pay(struct rd *r, const cJSON *j, struct sw_scenario *s)
{
    static const char *const months[] = {"same", "next", NULL};
    const cJSON *pd = rd_get(j, "pay_day");
    const cJSON *hl;
    int64_t v;
    int k;

    if (cJSON_IsString(pd)) {
        if (strcmp(pd->valuestring, "last_working_day") == 0)
            s->job.pay_day = 0;
        else
            rd_problem(r, "job.pay_day", "must be a day 1-31 or \"last_working_day\"");
    } else {
        v = s->job.pay_day;
        if (rd_read_int(r, j, "job", "pay_day", 1, 31, false, &v))   /* calendar: days */
            s->job.pay_day = (int)v;
    }
    k = rd_read_enum(r, j, "job", "pay_month", months, 0, false);
    if (k >= 0)
        s->job.pay_next_month = k == 1;
    k = rd_read_enum(r, j, "job", "pay_frequency", frequencies, 0, false);
    if (k >= 0)
        s->job.pay_frequency = (enum sw_pay_frequency)k;
    rd_read_date(r, j, "job", "first_pay_date", false, &s->job.first_pay_date);
    v = 0;
    if (rd_read_int(r, j, "job", "payslip_delay_months", 0, 3,   /* structural: input bound */
                    false, &v))
        s->job.payslip_delay_months = (int)v;
    /* percent 0-100 with up to 2 decimals -> ppm (x 10 000) */
    v = 0;
    if (rd_read_decimal(r, j, "job", "year_end_bonus_percent", 2, 0, 10000, false, &v))
        s->job.year_end_bonus_ppm = v * 100;
    v = s->job.year_end_bonus_month;
    if (rd_read_int(r, j, "job", "year_end_bonus_month", 1, 12, false, &v))
        s->job.year_end_bonus_month = (int)v;
    hl = rd_get(j, "hours_per_month");
    if (!rd_is_absent(hl))
        read_hours(r, hl, s);
}

void scn_check_job_pay(struct rd *r, const struct sw_scenario *s)
{
    sw_month first = sw_month_of(s->job.start);
    sw_month last = s->start_month + s->months - 1;

    if (s->job.end != SW_NO_DATE && sw_month_of(s->job.end) < last)
        last = sw_month_of(s->job.end);
    if (s->job.n_hours_per_month > 0 && s->job.pay_frequency != SW_PAY_MONTHLY)
        rd_problem(r, "job.hours_per_month", "only with \"pay_frequency\": \"monthly\"; for "
                   "4-weekly or weekly pay give the average hours_per_week");
    for (size_t i = 0; i < s->job.n_hours_per_month; i++) {
        if (s->job.hours_per_month[i].month < first || s->job.hours_per_month[i].month > last) {
            char f[80];
            snprintf(f, sizeof(f), "job.hours_per_month[%zu].month", i);
            rd_problem(r, f, "outside the months of the job shown");
        }
    }
    if (s->job.first_pay_date != SW_NO_DATE) {
        int period = s->job.pay_frequency == SW_PAY_WEEKLY ? 7 : 28;   /* calendar: days */

        if (s->job.pay_frequency == SW_PAY_MONTHLY)
            rd_problem(r, "job.first_pay_date", "only for 4-weekly or weekly pay; monthly pay "
                       "uses job.pay_day");
        else if (s->job.first_pay_date < s->job.start)
            rd_problem(r, "job.first_pay_date", "before job.start");
        else if (s->job.first_pay_date > s->job.start + period + 30)   /* calendar: a month */
            rd_problem(r, "job.first_pay_date", "more than a month after the first period");
    }
    if (s->job.pay_next_month && s->job.pay_frequency != SW_PAY_MONTHLY)
        rd_problem(r, "job.pay_month", "only for monthly pay");
}
