/* scenario.h - the resident's situation and the job offer (scenario JSON version 1,
 * CONTRACT.md), parsed with cJSON into a validated struct.
 *
 * Every field is checked for type, range, date validity and consistency (a trial
 * before the start, a partner's birth date for a couple, ...). Each problem is
 * reported with its JSON path ("job.hours_per_week", "job.loonwaarde[1].percent").
 * Unknown and duplicate keys are problems too: a typo must not silently fall back
 * to a default.
 */
#ifndef SWITCHSIM_SCENARIO_H
#define SWITCHSIM_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/date.h"
#include "switchsim/err.h"
#include "switchsim/lks.h"      /* struct sw_loonwaarde_period */
#include "switchsim/tables.h"

#define SW_SCENARIO_MAX_BYTES (64 * 1024)
#define SW_SCENARIO_MAX_MONTHS 60
#define SW_SCENARIO_MAX_CHILDREN 12
#define SW_SCENARIO_MAX_LOONWAARDE 12
#define SW_SCENARIO_MAX_OVERRIDES 32
#define SW_SCENARIO_MAX_PROBLEMS 16
/* job.hours_per_week and a loonwaarde percent, in hundredths, as read. */
#define SW_SCENARIO_HOURS_MIN_X100 100
#define SW_SCENARIO_HOURS_MAX_X100 4000
#define SW_SCENARIO_PERCENT_MAX_X100 10000

enum sw_composition { SW_HH_SINGLE, SW_HH_COUPLE, SW_HH_SINGLE_PARENT };
/* The partner's own income (household.partner_income), a couple only. */
enum sw_partner_income_kind { SW_PARTNER_NONE, SW_PARTNER_WORK, SW_PARTNER_BENEFIT };
/* Debts (household.debts): none, beslag on income (beslagvrije voet, Rv art. 475da)
 * or the Wsnp (vrij te laten bedrag). */
enum sw_debt_regime { SW_DEBTS_NONE, SW_DEBTS_BESLAG, SW_DEBTS_WSNP };

/* The benefit before the job (before.benefit). */
enum sw_before_benefit { SW_BEFORE_PARTICIPATIEWET, SW_BEFORE_WAJONG };
/* before.wajong_regime: oude Wajong (before 2010), Wajong 2010, Wajong 2015. */
enum sw_wajong_regime { SW_WAJONG_OUD, SW_WAJONG_2010, SW_WAJONG_2015 };

enum sw_job_kind { SW_JOB_BESCHUT, SW_JOB_BANENAFSPRAAK, SW_JOB_REGULIER };
enum sw_holiday_timing { SW_HOLIDAY_YEARLY, SW_HOLIDAY_MONTHLY };
enum sw_pay_frequency { SW_PAY_MONTHLY, SW_PAY_FOUR_WEEKLY, SW_PAY_WEEKLY };
enum sw_settlement_method {
    SW_SETTLE_DEFAULT,     /* from the municipal table */
    SW_SETTLE_ADVANCE,     /* "advance": paid in advance for the month, corrected next
                            * month (= the Divosa method achteraf) */
    SW_SETTLE_IN_ARREARS,  /* "in_arrears": paid next month, after the month's income is
                            * known (= op de maand, paid after the month) */
    SW_SETTLE_OP_DE_MAAND, /* Divosa werkwijzer 4.2: the month's bijstand waits for its payslip */
    SW_SETTLE_ACHTERAF,    /* 4.3: paid in full, the income settled with the next payment */
    SW_SETTLE_SCHATTEN,    /* 4.4: paid on the contract's expected income, corrected later */
    SW_SETTLE_VOORSCHOT    /* "voorschot": as "advance" */
};

/* Hours worked in one month of a varying-hours contract (job.hours_per_month). */
struct sw_month_hours {
    sw_month month;
    int64_t hours_x100;
};

struct sw_scenario_override {
    char id[104];
    int64_t amount;      /* in the parameter's unit, as sw_tables_parse_override */
};

struct sw_scenario {
    int version;
    sw_month start_month;
    int months;
    char municipality[64];             /* "" = national defaults */

    struct {
        enum sw_composition composition;
        sw_date birth;
        sw_date partner_birth;          /* SW_NO_DATE unless a couple */
        sw_date children[SW_SCENARIO_MAX_CHILDREN];
        size_t n_children;
        int cost_sharers;               /* other adults counted for the kostendelersnorm */
        int64_t rent;                   /* cents per month; 0 = no huurtoeslag */
        bool medical_hour_limit;
        bool vermogen_known;            /* false: the vermogensgrenzen are not checked */
        int64_t vermogen;               /* cents: the rendementsgrondslag (savings and
                                         * investments less debts) on 1 January, joint
                                         * with the partner; the same every year */
        struct {
            enum sw_partner_income_kind kind;   /* SW_PARTNER_NONE when absent */
            int64_t gross;              /* cents per full month (wage or benefit) */
            int64_t net;                /* cents per full month; -1 = by the loonheffing
                                         * tables from the gross */
            sw_date from;               /* SW_NO_DATE = since before the start month */
            bool loonheffingskorting;   /* the partner's payer applies the korting */
        } partner_income;
        struct {
            enum sw_debt_regime regime; /* SW_DEBTS_NONE when absent */
            sw_date from;               /* SW_NO_DATE = since before the start month */
            sw_date until;              /* SW_NO_DATE = beyond the horizon */
            int64_t amount;             /* beslag: what is owed in all (cents); the
                                         * beslag stops once it is taken; 0 = unknown,
                                         * no end */
        } debts;
    } household;

    struct {
        enum sw_before_benefit benefit; /* [participatiewet] */
        int dagbesteding_dagdelen;      /* per week */
        /* With benefit wajong (UWV; tables/wajong.xml): */
        enum sw_wajong_regime wajong_regime;   /* [wajong2010] */
        bool wajong_arbeidsvermogen;    /* [true]; false: duurzaam geen arbeidsvermogen */
        bool wajong_loonheffingskorting;/* [true] UWV applies the korting */
    } before;

    struct {
        enum sw_job_kind kind;
        sw_date trial_start, trial_end; /* SW_NO_DATE when no proefplaatsing */
        sw_date start;
        sw_date end;                    /* SW_NO_DATE = no end */
        int64_t hours_x100;             /* hours per week in hundredths */
        int64_t hourly_wage;            /* cents; -1 = the minimum wage for the age */
        enum sw_holiday_timing holiday_pay;
        int pay_day;                    /* 1-31; 0 = the last working day (Mon-Fri) */
        bool pay_next_month;            /* "pay_month": "next": the salary of month M
                                         * is paid on pay_day of month M+1 */
        enum sw_pay_frequency pay_frequency;
        sw_date first_pay_date;         /* 4-weekly/weekly: the first payday;
                                         * SW_NO_DATE = the last day of the first period */
        int payslip_delay_months;       /* the payslip reaches the municipality this many
                                         * months after the pay date (0-3) */
        int64_t year_end_bonus_ppm;     /* eindejaarsuitkering, of the year's gross; 0 = none */
        int year_end_bonus_month;       /* month of the year it is paid (1-12) */
        struct sw_month_hours hours_per_month[SW_SCENARIO_MAX_MONTHS];
        size_t n_hours_per_month;       /* a varying-hours contract; months not listed
                                         * work hours_per_week */
        struct sw_loonwaarde_period loonwaarde[SW_SCENARIO_MAX_LOONWAARDE];
        size_t n_loonwaarde;
        bool loonheffingskorting;       /* the employer applies the korting */
        bool lks_doelgroep;             /* doelgroep loonkostensubsidie in an LKS job (art.
                                         * 10d): vrijlating onder z; default: loonwaarde given */
        bool no_more_hours;             /* the college judges more hours not possible:
                                         * vrijlating onder aa after z */
        sw_date dagbesteding_until;     /* SW_NO_DATE = indication ends at the start */
    } job;

    struct {
        int benefit_pay_day;            /* 0 = from the municipal table */
        enum sw_settlement_method method;
        bool municipality_applies_korting;
        int offset_holiday_allowance;   /* -1 = from the municipal table, else 0/1 */
        int64_t instalment_ppm;         /* aflossing per month of the norm; -1 = table */
    } settlement;

    struct {
        bool zorgtoeslag;
        bool huurtoeslag;
        bool kindgebonden_budget;       /* with children (default true) */
        sw_month estimate_updated;      /* -1 = never reported */
    } toeslagen;

    struct sw_scenario_override overrides[SW_SCENARIO_MAX_OVERRIDES];
    size_t n_overrides;

    /* "strict": true (or the older "project_unpublished": false) - a month past
     * a parameter's last published value is an error naming it. Default false:
     * the last published value is carried forward and every output marks the
     * figures that depend on it as voorlopig (projected). */
    bool strict;
};

/* All problems found in one scenario, in document order; the first is also in
 * the sw_err passed to sw_scenario_parse(). */
struct sw_problems {
    struct sw_err items[SW_SCENARIO_MAX_PROBLEMS];
    size_t n;
    bool truncated;    /* more problems than fit */
};

/* Parse and validate scenario JSON text json[0..len). Needs the tables for the
 * municipality's existence and the units of overrides. Numbers are read exactly
 * from their text (never through a double): a JSON number (no leading zeros),
 * no more decimals than the field takes, within +-2^53. What a message repeats
 * of the input (an unknown key, a value) is cut short with its control and
 * invisible characters written as \uXXXX. On failure returns SW_ERR_INVALID
 * (SW_ERR_TOO_BIG over SW_SCENARIO_MAX_BYTES, SW_ERR_NOMEM without problems),
 * fills err with the first problem and `problems` (may be NULL) with all of
 * them - the real ones, not what follows from them; *out is then unspecified. */
sw_status sw_scenario_parse(struct sw_scenario *out, const struct sw_tables *t,
                            const char *json, size_t len, struct sw_problems *problems,
                            struct sw_err *err) __attribute__((warn_unused_result));

/* The lookup context of scenario s on t: its municipality, its overrides
 * (copied into ov, which must outlive the context) and its strict choice. The
 * one context builder of every use case (simulate, employer, municipality, ...);
 * the caller sets c->used. */
void sw_scenario_ctx(struct sw_ctx *c, const struct sw_tables *t, const struct sw_scenario *s,
                     struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES]);

/* Defaults for a scenario built in code: version 1, 24 months, single, no trial,
 * 8 % holiday pay in May, pay day 25, korting by the employer, toeslagen on. */
void sw_scenario_init(struct sw_scenario *s);

/* Names used in JSON and messages. */
const char *sw_composition_name(enum sw_composition c);
const char *sw_job_kind_name(enum sw_job_kind k);
const char *sw_pay_frequency_name(enum sw_pay_frequency f);
const char *sw_partner_income_kind_name(enum sw_partner_income_kind k);
const char *sw_before_benefit_name(enum sw_before_benefit b);
const char *sw_wajong_regime_name(enum sw_wajong_regime w);
const char *sw_debt_regime_name(enum sw_debt_regime r);

#endif
