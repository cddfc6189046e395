/* bijstand_facts.c - the household facts of the bijstand rules (bijstand.h):
 * their names, and the dates around a date on which sw_bijstand_norm()
 * (bijstand.c) gives the same norm for the same facts, but for the ages it
 * reports - the month loop keeps a norm over them (engine_kept.c). */
#include <string.h>

#include "bijstand_facts.h"
#include "switchsim/aow.h"
#include "switchsim/date.h"

static const char *const household_names[] = {
    [SW_HOUSEHOLD_SINGLE] = "single",
    [SW_HOUSEHOLD_SINGLE_PARENT] = "single_parent",
    [SW_HOUSEHOLD_COUPLE] = "couple",
};

void sw_household_facts_init(struct sw_household_facts *f)
{
    memset(f, 0, sizeof(*f));
    f->composition = SW_HOUSEHOLD_SINGLE;
    f->birth = SW_NO_DATE;
    f->partner_birth = SW_NO_DATE;
    f->youngest_child_birth = SW_NO_DATE;
}

sw_status sw_household_parse(enum sw_household_kind *out, const char *text, const char *field,
                             struct sw_err *err)
{
    for (size_t i = 0; i < sizeof(household_names) / sizeof(household_names[0]); i++) {
        if (text && strcmp(text, household_names[i]) == 0) {
            *out = (enum sw_household_kind)i;
            return SW_OK;
        }
    }
    return sw_err_set(err, SW_ERR_INVALID, field,
                      "unknown household '%.40s' in '%s': expected single, single_parent or couple",
                      text ? text : "", field);
}

const char *sw_household_name(enum sw_household_kind kind)
{
    if ((unsigned)kind < sizeof(household_names) / sizeof(household_names[0]))
        return household_names[kind];
    return "unknown";
}

const char *sw_vrijlating_kind_name(enum sw_vrijlating_kind kind)
{
    switch (kind) {
    case SW_VRIJLATING_N: return "n";
    case SW_VRIJLATING_R: return "r";
    case SW_VRIJLATING_Y: return "y";
    case SW_VRIJLATING_Z: return "z";
    case SW_VRIJLATING_AA: return "aa";
    default: return NULL;
    }
}

/* Narrow [*lo, *hi) to the dates from `from` up to `to`. */
static void narrow(sw_date *lo, sw_date *hi, sw_date from, sw_date to)
{
    if (from > *lo)
        *lo = from;
    if (to < *hi)
        *hi = to;
}

/* Narrow [*lo, *hi) to the dates on which a person of age `age` on d (born on
 * `birth`, at least min_age) stays between the same two of the ages the norm
 * tells apart: min_age (art. 13), adult (art. 20) and SW_AOW_AGE_YEARS_MIN
 * (below it sw_aow_reached() answers false without a lookup); from then on also
 * on the same side of their AOW date aow (sw_aow_reached() answers date >=
 * aow), or d only when aow is not known (SW_NO_DATE). */
static void person_span(sw_date birth, int age, sw_date aow, sw_date d, int64_t min_age,
                        int64_t adult, sw_date *lo, sw_date *hi)
{
    const int64_t limit[] = {min_age, adult, SW_AOW_AGE_YEARS_MIN};
    int64_t from = 0, to = -1;   /* to -1: no limit above the age */

    if (age < 0)
        return;
    if (age >= SW_AOW_AGE_YEARS_MIN && aow == SW_NO_DATE) {
        narrow(lo, hi, d, d + 1);
        return;
    }
    for (size_t i = 0; i < sizeof(limit) / sizeof(limit[0]); i++) {
        if (limit[i] <= age && limit[i] > from)
            from = limit[i];
        if (limit[i] > age && (to < 0 || limit[i] < to))
            to = limit[i];
    }
    narrow(lo, hi, sw_date_reaching_age(birth, (int)from, 0),
           to < 0 ? INT32_MAX : sw_date_reaching_age(birth, (int)to, 0));
    if (age >= SW_AOW_AGE_YEARS_MIN)
        narrow(lo, hi, d >= aow ? aow : INT32_MIN, d >= aow ? INT32_MAX : aow);
}

/* Narrow [*lo, *hi) to the dates on which the person born on `birth` (SW_NO_DATE:
 * none) has the age they have on d, and not before the birth date (the facts'
 * check). */
static void exact_age_span(sw_date birth, sw_date d, sw_date *lo, sw_date *hi)
{
    int a;

    if (birth == SW_NO_DATE)
        return;
    a = sw_age_on(birth, d);
    narrow(lo, hi, sw_date_reaching_age(birth, a, 0), sw_date_reaching_age(birth, a + 1, 0));
}

void bijstand_norm_span(const struct sw_household_facts *f, sw_date d, int64_t min_age,
                        int64_t adult, bool child_read, const sw_date aow[2],
                        struct sw_bijstand_norm *n)
{
    sw_date lo = INT32_MIN, hi = INT32_MAX;

    person_span(f->birth, n->age, aow[0], d, min_age, adult, &lo, &hi);
    if (f->composition == SW_HOUSEHOLD_COUPLE)
        person_span(f->partner_birth, n->partner_age, aow[1], d, min_age, adult, &lo, &hi);
    if (child_read)
        exact_age_span(f->youngest_child_birth, d, &lo, &hi);
    for (size_t i = 0; i < f->n_housemates; i++)
        exact_age_span(f->housemate_births[i], d, &lo, &hi);
    if (f->partner_birth != SW_NO_DATE)
        narrow(&lo, &hi, f->partner_birth, INT32_MAX);
    if (f->youngest_child_birth != SW_NO_DATE)
        narrow(&lo, &hi, f->youngest_child_birth, INT32_MAX);
    if (f->birth != SW_NO_DATE)
        narrow(&lo, &hi, f->birth, INT32_MAX);
    n->same_from = lo;
    n->same_to = hi;
}

