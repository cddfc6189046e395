/* engine_ledger.h - the bijstand ledger of one run (engine_ledger.c): what the
 * municipality pays each month against what is due, by its settlement method
 * (Divosa werkwijzer "Verrekening parttime inkomsten": op de maand, achteraf,
 * schatten; and voorschot), on its pay day and the day each payslip is in; the
 * recoveries this leaves, set off against the vakantietoeslag or repaid in
 * instalments. Private to the core. */
#ifndef SWITCHSIM_ENGINE_LEDGER_H
#define SWITCHSIM_ENGINE_LEDGER_H

#include "engine_kept.h"
#include "engine_run.h"

/* One bijstand month in the ledger; index 0 is the month before the first one
 * shown (on bijstand without income), index i + 1 month index i. */
struct ledger_month {
    int64_t payable;          /* entitlement excl. the reserve */
    int64_t estimate;         /* what was paid for it before its income was known */
    int64_t counted;          /* counted income from work */
    sw_date known;            /* when its income reaches the municipality (SW_NO_DATE:
                               * none, known once the month is over) */
    bool settled;             /* achteraf/schatten: its correction is made;
                               * op de maand: it is paid */
};

/* State carried from month to month. */
struct ledger {
    enum sw_settlement_code method;
    bool after_month;         /* op de maand: the month is paid in the next month */
    int pay_day;              /* the municipality's bijstand pay day */
    struct ledger_month mo[SW_SCENARIO_MAX_MONTHS + 1];
    int open_from;            /* mo[0 .. open_from) are all settled (a month once
                               * settled stays so): the loops over the months not
                               * yet settled start here */
    int64_t prev_counted;     /* the income the municipality last learned of */
    bool warned;              /* the first month that waits for its payslip is said */
    int64_t balance;          /* achteraf: paid minus entitled since the job started,
                               * settled when bijstand stops (< 0: overpaid) */
    int64_t debt;             /* overpayment not yet set off (<= 0) */
    int64_t held;             /* voorschot/schatten: set apart for it and not yet used */
    sw_month debt_since;      /* month the oldest part of the debt arose */
    int64_t vt_accrued;       /* vakantietoeslag reserved, not yet paid */
    bool had_entitlement;     /* the previous month had bijstand */
    bool vt_due;              /* bijstand ended last month: pay the reserve out now */
    int work_months;          /* K: months with income from work so far */
    int64_t holiday_accrued;  /* vakantiebijslag from work, not yet paid */
    int64_t last_full_wage;   /* the job's full-month wage, for the WW dagloon */
    bool offset_vt;           /* set a recovery off against the vakantietoeslag (art. 60a) */
    int64_t instalment_ppm;   /* aflossing per month, of the norm; 0 = at once */
    int64_t letter;           /* a recovery found this month, booked after the
                               * vakantietoeslag is known (flush_letter) */
    struct eng_param_kept vt_month; /* gemeente.bijstand.holiday_allowance_month */
    sw_month letter_month;
};

/* The municipality's settlement into *lg: the scenario's choice, else its table. */
sw_status eng_ledger_settlement(struct eng_run *r, struct ledger *lg, struct sw_err *err);

/* Bijstand paid in month index i under the method; updates the ledger. payable =
 * this month's entitlement excl. the reserve; counted its counted income,
 * expected the counted income the contract lets expect (schatten), known the day
 * its payslip is in (SW_NO_DATE: no income); fallback: the job has ended (the
 * municipality pays on the WW `ww` it knows of). */
sw_status eng_ledger_pay(struct eng_run *r, struct ledger *lg, int i, int64_t payable,
                         int64_t counted, int64_t expected, sw_date known, bool fallback,
                         int64_t ww, struct sw_err *err);

/* The recovery found in month index i, once its vakantietoeslag is paid. */
sw_status eng_ledger_flush(struct eng_run *r, struct ledger *lg, int i, struct sw_err *err);

/* After the last month: what the corrections still open will do. */
sw_status eng_ledger_close(struct eng_run *r, struct ledger *lg, struct sw_err *err);

/* The bijstand of month m for a counted income (engine_months.c): the estimate
 * the municipality pays on. */
sw_status eng_estimate(struct eng_run *r, sw_month m, int64_t counted, int64_t *out,
                       struct sw_err *err);

#endif
