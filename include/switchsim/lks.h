/* lks.h - loonkostensubsidie (art. 10d Participatiewet, Regeling loonkostensubsidie
 * Participatiewet) and the loonwaarde from hoofdtaken (Besluit loonkostensubsidie
 * Participatiewet 2021). Amounts in cents, rates in ppm, hours in hundredths.
 * Nothing here allocates. */
#ifndef SWITCHSIM_LKS_H
#define SWITCHSIM_LKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/money.h"
#include "switchsim/tables.h"
#include "switchsim/trace.h"
#include "switchsim/wml.h"

/* Input sanity bounds (not legal values): contract hours per week, in hundredths. */
#define SW_LKS_MIN_HOURS 100
#define SW_LKS_MAX_HOURS 4000

/* Field names in error messages. A front end passes its own (option names such as
 * "--hours"); NULL in an input means the scenario names shown next to each field. */
struct sw_lks_fields {
    const char *hours;       /* "job.hours_per_week" */
    const char *loonwaarde;  /* "job.loonwaarde" */
    const char *wage;        /* "job.hourly_wage" */
    const char *birth;       /* "household.birth_date" */
};

/* One month's LKS on one date, for a fixed situation. */
struct sw_lks_input {
    int64_t hours_x100;      /* contract hours per week, SW_LKS_MIN_HOURS..SW_LKS_MAX_HOURS */
    int64_t loonwaarde;      /* ppm, 0..SW_PPM_ONE; ignored when forfaitair */
    int64_t hourly_wage;     /* the wage paid (cao), cents; 0 = the minimum wage for the age */
    bool forfaitair;         /* forfaitaire LKS: the loonwaarde is not yet measured */
    sw_date birth;           /* SW_NO_DATE = of full age */
    const struct sw_lks_fields *fields;  /* may be NULL */
};

struct sw_lks {
    int64_t wml_hourly;      /* minimum hourly wage for the age */
    int64_t wml_percent;     /* youth percentage, ppm */
    int64_t wml_month;       /* WML for the contract hours, per month */
    int64_t wml_holiday_pay; /* vakantiebijslag on it */
    int64_t wml_incl;        /* WML incl. vakantiebijslag: the basis of the LKS */
    int64_t wage_hourly;     /* the wage paid, >= wml_hourly */
    int64_t wage_month;
    int64_t wage_holiday_pay;
    int64_t wage_incl;       /* functieloon incl. vakantiebijslag */
    int64_t loonwaarde;      /* ppm as used (the forfait has none: 0) */
    int64_t loonwaarde_amount; /* loonwaarde x wage_incl */
    int64_t max_percent;     /* ppm, from the tables */
    int64_t cap;             /* max_percent x wml_incl */
    bool capped;             /* the cap bound */
    bool forfaitair;
    int64_t forfait_percent; /* ppm, when forfaitair */
    int64_t werkgeverslasten_percent;  /* ppm */
    int64_t lks;             /* the subsidy before the werkgeverslasten surcharge */
    int64_t werkgeverslasten;/* werkgeverslasten_percent x lks */
    int64_t total;           /* lks + werkgeverslasten: what the employer receives */
};

/* The rates of the LKS on a date, from the tables (lks.*). */
struct sw_lks_rates {
    int64_t max_percent;             /* ppm */
    int64_t forfait_percent;         /* ppm */
    int64_t werkgeverslasten_percent;/* ppm */
};

/* The LKS rates in force on `date`. SW_ERR_NO_VALUE naming the parameter when the
 * tables lack one; *out is only written on success. */
sw_status sw_lks_rates(const struct sw_ctx *c, sw_date date, struct sw_lks_rates *out,
                       struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The LKS arithmetic on given amounts, without tables (also for published
 * examples under earlier rates): wml_incl = WML incl. vakantiebijslag for the
 * hours; loonwaarde_amount = loonwaarde in euros. Fills out->lks, werkgeverslasten,
 * total, cap, capped, forfaitair and the rates; leaves the other fields alone. */
void sw_lks_apply(const struct sw_lks_rates *r, int64_t wml_incl, int64_t loonwaarde_amount,
                  bool forfaitair, struct sw_lks *out);

/* LKS per month on `date` for a full month in the situation `in`: WML for the
 * age and hours incl. vakantiebijslag (art. 10d lid 4 Pw) minus the loonwaarde
 * (percentage of the wage paid incl. vakantiebijslag), at most lks.max_percent of
 * that WML, or the forfait (art. 10d lid 5); plus lks.werkgeverslasten_percent.
 * SW_ERR_INVALID naming the field for hours or loonwaarde out of range or a wage
 * below the minimum wage; SW_ERR_NO_VALUE for a missing table value. *out is only
 * written on success. */
sw_status sw_lks_compute(const struct sw_ctx *c, sw_date date, const struct sw_lks_input *in,
                         struct sw_lks *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* --- a job over time: loonwaarde periods and part months --- */

/* From `from` on, until the next period: the loonwaarde `percent` (ppm), or the
 * forfaitaire LKS (then `percent` is only the expected productivity, used for
 * the employer's productive hours, and may be 0). */
struct sw_loonwaarde_period {
    sw_date from;
    int64_t percent;
    bool forfaitair;
};

/* A job as the month engine sees it. */
struct sw_lks_job {
    sw_date start;            /* first day of employment */
    sw_date end;              /* last day, SW_NO_DATE = open-ended */
    sw_date birth;            /* SW_NO_DATE = of full age */
    int64_t hours_x100;       /* contract hours per week */
    int64_t hourly_wage;      /* cents; 0 = the minimum wage for the age on each date */
    const struct sw_loonwaarde_period *periods;  /* ascending `from`, first <= start */
    size_t nperiods;
    const struct sw_lks_fields *fields;          /* may be NULL */
};

struct sw_lks_month {
    int64_t lks;              /* subsidy part, cents */
    int64_t werkgeverslasten;
    int64_t total;
    int64_t loonwaarde;       /* ppm of the last period in the month (expected for a forfait) */
    bool forfaitair;          /* some day of the month had the forfaitaire LKS */
    bool capped;              /* the 70 % cap bound on some day */
    int days;                 /* days of employment in the month */
};

/* LKS for calendar month `month` of `job`: per stretch of days with one loonwaarde
 * period, the full-month LKS on the stretch's first day x days / days in the
 * month (kalenderdagenmethode, as sw_wage_part_month). 0 outside the employment.
 * The forfaitaire LKS may run at most lks.forfait_max_months from the start (art.
 * 10d lid 1 onder b Pw): a forfaitair period later than that is SW_ERR_INVALID
 * naming the loonwaarde field, as is a month without a period in force. */
sw_status sw_lks_month(const struct sw_ctx *c, sw_month month, const struct sw_lks_job *job,
                       struct sw_lks_month *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Check a job's facts (hours, wage, loonwaarde periods in order and in range, first
 * period not after the start) without computing; SW_ERR_INVALID naming the field. */
sw_status sw_lks_job_check(const struct sw_lks_job *job, struct sw_err *err)
    __attribute__((warn_unused_result));

/* --- the loonwaarde from hoofdtaken (Besluit LKS Pw 2021 art. 3 and 4) --- */

#define SW_LOONWAARDE_MAX_TASKS 32
/* Input bound: a tempo may exceed 100 % (it counts up to lks.tempo_max). */
#define SW_LOONWAARDE_MAX_TEMPO (10 * SW_PPM_ONE)

/* One hoofdtaak; all in ppm with at most two decimals of a percentage (a multiple
 * of 100 ppm): share of the working time, tempo, kwaliteit and inzetbaarheid. */
struct sw_task {
    const char *name;         /* not owned */
    int64_t share, tempo, kwaliteit, inzetbaarheid;
};

struct sw_task_result {
    int64_t tempo_counted;    /* min(tempo, lks.tempo_max) */
    int64_t prestatie;        /* tempo_counted x kwaliteit x inzetbaarheid, ppm (display, half up) */
    int64_t contribution;     /* share x prestatie, ppm (display, half up) */
    bool below_min_share;     /* share below lks.hoofdtaak_min_share: not a hoofdtaak */
};

struct sw_loonwaarde {
    int64_t percent;          /* whole percent, as ppm (52 % = 520000) */
    int64_t exact;            /* the unrounded sum, ppm (half up to a ppm, display only) */
    struct sw_task_result tasks[SW_LOONWAARDE_MAX_TASKS];
    size_t ntasks;
    bool any_below_min_share;
};

/* The loonwaarde: the sum over hoofdtaken of share x min(tempo, lks.tempo_max) x
 * kwaliteit x inzetbaarheid, rekenkundig afgerond op hele procenten (Besluit LKS Pw
 * 2021 art. 3 lid 1). Shares must sum to exactly 100 %. SW_ERR_INVALID naming
 * `field` for no tasks, more than SW_LOONWAARDE_MAX_TASKS, a value out of range
 * (share 0 < s <= 100, tempo 0..SW_LOONWAARDE_MAX_TEMPO, kwaliteit and
 * inzetbaarheid 0..100), more than two decimals, or shares not summing to 100. */
sw_status sw_loonwaarde_tasks(const struct sw_ctx *c, sw_date date, const struct sw_task *tasks,
                              size_t n, const char *field, struct sw_loonwaarde *out,
                              struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
