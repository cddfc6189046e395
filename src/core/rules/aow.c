/* aow.c - when the AOW age is reached (art. 7a AOW). */
#include "switchsim/aow.h"
#include "switchsim/wml.h"

/* Asked for every month: kept per birth date (not while tracing). */
static const char memo_tag[] = "aow.date";

/* sw_aow_date() without its memo's answer: searched in the tables (and kept
 * in the memo unless tracing). Apart, so that a memo hit - most calls - does
 * not set up this one's frame. */
static __attribute__((noinline)) sw_status
aow_date_search(const struct sw_ctx *c, sw_date birth, const int64_t key[SW_MEMO_KEY],
                sw_date *out, struct sw_trace *tr, struct sw_err *err)
{
    int by, bm, bd;
    sw_status st = SW_OK;
    struct sw_err first;
    bool seen = false, first_seen = false;

    sw_err_clear(&first);
    sw_date_to_ymd(birth, &by, &bm, &bd);
    /* The AOW age of a calendar year applies to whoever reaches it in that year;
     * try each year in which the person could reach an age the code handles
     * (aow.h): SW_AOW_AGE_YEARS_MIN years, to SW_AOW_AGE_YEARS_MAX years and
     * up to SW_AOW_AGE_MONTHS_MAX months, which may end in the year after. */
    /* Past that only until the first year the tables cover: someone born long
     * before them reached the AOW age before every date they can answer for. */
    for (int y = by + SW_AOW_AGE_YEARS_MIN;
         y <= by + SW_AOW_AGE_YEARS_MAX + 1 || (!seen && y <= SW_DATE_MAX_YEAR); y++) {
        int64_t years, months;
        sw_date jan1, d;

        if (!sw_date_from_ymd(&jan1, y, 1, 1))
            continue;
        st = sw_param(c, "aow.age_years", jan1, SW_UNIT_YEARS, &years, NULL, err);
        if (!st)
            st = sw_param(c, "aow.age_months", jan1, SW_UNIT_MONTHS, &months, NULL, err);
        if (st) {
            if (first.code == SW_OK && err)
                first = *err;
            continue;
        }
        /* Defence in depth: the loader refuses such a table (sw_aow_check_tables()). */
        if (years < SW_AOW_AGE_YEARS_MIN || years > SW_AOW_AGE_YEARS_MAX || months < 0 ||
            months > SW_AOW_AGE_MONTHS_MAX)
            return sw_err_set(err, SW_ERR_TABLE, "aow.age_years",
                              "'aow.age_years' %lld and 'aow.age_months' %lld for %d lie outside "
                              "the AOW ages the calculation handles (%d to %d years and %d "
                              "months)",
                              (long long)years, (long long)months, y, SW_AOW_AGE_YEARS_MIN,
                              SW_AOW_AGE_YEARS_MAX, SW_AOW_AGE_MONTHS_MAX);
        first_seen = !seen;
        seen = true;
        d = sw_date_reaching_age(birth, (int)years, (int)months);
        /* Reached before the first year the tables cover: the exact day lies
         * outside them, but it is before every date they can answer for. */
        if (sw_month_year(sw_month_of(d)) == y || (first_seen && d < jan1)) {
            /* Record the values used, for the trace. */
            st = sw_param_t(c, "aow.age_years", jan1, SW_UNIT_YEARS, &years, tr, err);
            if (!st)
                st = sw_param_t(c, "aow.age_months", jan1, SW_UNIT_MONTHS, &months, tr, err);
            if (st)
                return st;
            *out = d;
            if (!tr)
                sw_memo_put(c, memo_tag, key, d);
            return SW_OK;
        }
    }
    if (err && first.code != SW_OK) {
        *err = first;
        return first.code;
    }
    return sw_err_set(err, SW_ERR_NO_VALUE, "aow.age_years",
                      "no AOW age in the tables for someone born in %d", by);
}

sw_status sw_aow_date(const struct sw_ctx *c, sw_date birth, sw_date *out,
                      struct sw_trace *tr, struct sw_err *err)
{
    int64_t key[SW_MEMO_KEY] = {birth, 0, 0, 0, 0, 0}, kept;

    if (!tr && sw_memo_get(c, memo_tag, key, &kept)) {
        *out = (sw_date)kept;
        return SW_OK;
    }
    return aow_date_search(c, birth, key, out, tr, err);
}

sw_status sw_aow_reached_date(const struct sw_ctx *c, sw_date birth, sw_date date, bool *out,
                              sw_date *aow, struct sw_trace *tr, struct sw_err *err)
{
    sw_status st;

    *aow = SW_NO_DATE;
    /* Below SW_AOW_AGE_YEARS_MIN, below the AOW age; surely so with fewer days
     * than that many years hold at least (the rules ask every month;
     * sw_aow_surely_below() skips the calendar arithmetic). */
    if (sw_aow_surely_below(birth, date) || sw_age_on(birth, date) < SW_AOW_AGE_YEARS_MIN) {
        *out = false;
        return SW_OK;
    }
    st = sw_aow_date(c, birth, aow, tr, err);
    if (st)
        return st;
    *out = date >= *aow;
    return SW_OK;
}

sw_status sw_aow_reached(const struct sw_ctx *c, sw_date birth, sw_date date, bool *out,
                         struct sw_trace *tr, struct sw_err *err)
{
    sw_date aow;

    return sw_aow_reached_date(c, birth, date, out, &aow, tr, err);
}

sw_status sw_aow_check_tables(const struct sw_tables *t, struct sw_err *err)
{
    sw_status st = sw_tables_require_range(t, "aow.age_years", SW_UNIT_YEARS,
                                           SW_AOW_AGE_YEARS_MIN, SW_AOW_AGE_YEARS_MAX, err);

    if (!st)
        st = sw_tables_require_range(t, "aow.age_months", SW_UNIT_MONTHS, 0,
                                     SW_AOW_AGE_MONTHS_MAX, err);
    return st;
}
